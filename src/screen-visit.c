/*
 * screen-visit.c — a welcome visit: who went and when, then the checklist
 * at the door (each item done, not relevant or later, with a note), or
 * "not home" with a day to try again, or "declined".  The visit is a form
 * (ui-form.c) that scrolls like every form; under it, the whole text of
 * the item in focus, scrolled on its own when it is longer than its room.
 * Nothing is written until the visit is saved, in one transaction; Esc in
 * the middle asks whether to save what was set or leave it all.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define VISIT_FORM_MIN	6	/* rows the form keeps beside the text */

enum visit_mode { MODE_CHECKLIST, MODE_NOT_HOME, MODE_DECLINED };

/* The fields, in the order Tab goes through them: the ambassador, the
 * date, a heading, the items, then the day to come back and the notes
 * (visit_f_next, visit_f_next + 1). */
enum { F_AMBASSADOR, F_DATE, F_HEAD, F_ITEMS };

struct visit_scr {
	long				 hid;
	struct household		 h;
	int				 loaded;
	int				 da;	/* Danish titles and texts:
						   the screen's language */
	const struct cfg_check_item	*items[CFG_CHECKLIST_MAX];
	char				*titles[CFG_CHECKLIST_MAX];
	size_t				 nitems;
	struct ui_field			*f;
	struct ui_form			 form;
	enum visit_mode			 mode;
	int				 asking;	/* "leave the visit?" */
	int				 asking_story;	/* "did they say
						   yes?" */
	int				 story;		/* a possible success
						   story, with their yes */
	int				 text_field;	/* whose text is shown */
	int				 text_skip;	/* its first line shown */
	int				 text_rows;	/* lines shown */
	int				 text_more;	/* lines below them */
	struct ui_sensitive		 sens;		/* asking about a
							   note */
};

/* The name of the last ambassador who saved a visit here, to fill in,
 * and the account that saved it: another login never gets it. */
static char	last_ambassador[CORE_NAME_MAX * 4 + 1];
static long	last_account;

static const enum ui_action field_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NOT_HOME, ACT_DECLINED,
	ACT_BACK, ACT_HELP, ACT_STORY, ACT_NONE
};
static const enum ui_action field_keys[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_NOT_HOME,
	ACT_DECLINED, ACT_BACK, ACT_STORY, ACT_NONE
};
static const enum ui_action item_actions[] = {
	ACT_ITEM_DONE, ACT_ITEM_NOT_RELEVANT, ACT_ITEM_LATER, ACT_ITEM_NOTE,
	ACT_NOT_HOME, ACT_DECLINED, ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD,
	ACT_BACK, ACT_HELP, ACT_TEXT_DOWN, ACT_TEXT_UP, ACT_STORY, ACT_NONE
};
static const enum ui_action note_actions[] = {
	ACT_KEEP, ACT_NONE
};
static const enum ui_action ask_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};
static const enum ui_action back_actions[] = {
	ACT_BACK, ACT_HELP, ACT_NONE
};

/* The field of the day to come back; the notes come after it. */
static int
visit_f_next(const struct visit_scr *v)
{
	return F_ITEMS + (int)v->nitems;
}

/* The item the focus is on (an index into items), or -1. */
static int
visit_item_at(const struct visit_scr *v)
{
	int	i = v->form.focus - F_ITEMS;

	if (v->mode != MODE_CHECKLIST || i < 0 || i >= (int)v->nitems)
		return -1;
	return i;
}

/* 1 if the visit needs a day to come back: not home, or an item later. */
static int
visit_needs_next(const struct visit_scr *v)
{
	size_t	i;

	if (v->mode == MODE_NOT_HOME)
		return 1;
	if (v->mode == MODE_DECLINED)
		return 0;
	for (i = 0; i < v->nitems; i++)
		if (v->f[F_ITEMS + i].state == IS_LATER)
			return 1;
	return 0;
}

/* 1 if field i is shown now: the items on the checklist only, the day
 * to come back when one is needed. */
static int
visit_visible(const void *ctx, int i)
{
	const struct visit_scr	*v = ctx;

	if (i >= F_ITEMS && i < visit_f_next(v))
		return v->mode == MODE_CHECKLIST;
	if (i == visit_f_next(v))
		return visit_needs_next(v);
	return 1;
}

/* The title and text of an item in the screen's language. */
static const char *
visit_title(const struct visit_scr *v, const struct cfg_check_item *it)
{
	return v->da && it->title_da != NULL ? it->title_da : it->title;
}

static const char *
visit_text(const struct visit_scr *v, const struct cfg_check_item *it)
{
	return v->da && it->text_da != NULL ? it->text_da : it->text;
}

/* The heading above the items says what the middle of the visit is, and
 * the day to come back is named after it. */
static void
visit_heading(struct visit_scr *v)
{
	struct ui_field	*h = &v->f[F_HEAD], *next = &v->f[visit_f_next(v)];

	if (v->mode == MODE_NOT_HOME)
		h->shows = _("NOT HOME: the attempt is saved with a day to try "
		    "again. F3 goes back to the checklist.");
	else if (v->mode == MODE_DECLINED)
		h->shows = _("DECLINED: they do not want a visit, and nobody "
		    "will try again. F4 goes back to the checklist.");
	else if (v->nitems == 0)
		h->shows = _("There is no checklist for this department: F3 "
		    "if nobody was home, F4 if they declined.");
	else
		h->shows = _("The checklist at the door:");
	next->label = v->mode == MODE_NOT_HOME ? N_("Try again on") :
	    N_("Come back on");
}

/* Set up the checklist of the household's department as items. */
static void
visit_items(struct ui *ui, struct visit_scr *v)
{
	const struct conf	*c = ui_conf(ui);
	size_t			 i, n;

	n = cfg_checklist(c, cfg_department_find(c, v->h.department),
	    v->items, CFG_CHECKLIST_MAX);
	/* cfg_load refuses a checklist longer than the visit holds. */
	v->nitems = n < CFG_CHECKLIST_MAX ? n : CFG_CHECKLIST_MAX;
	for (i = 0; i < v->nitems; i++)
		v->titles[i] = v->items[i]->referral ? xasprintf("%s \xe2\x86"
		    "\x92 %s", visit_title(v, v->items[i]), _("secretariat")) :
		    xstrdup(visit_title(v, v->items[i]));
}

/* Set up the form: the ambassador (the one logged in, else whoever the
 * same login saved the last visit for), today, the items, the rest. */
static void
visit_fields(struct ui *ui, struct visit_scr *v)
{
	struct ui_form	*fm = &v->form;
	const char	*name;
	char		 d[11];
	size_t		 i;
	int		 next;

	visit_items(ui, v);
	next = visit_f_next(v);
	v->f = xcalloc((size_t)next + 2, sizeof *v->f);
	fm->f = v->f;
	fm->n = next + 2;
	fm->error_lines = 2;
	fm->visible = visit_visible;
	fm->ctx = v;
	name = ui_ambassador_name(ui) != NULL ? ui_ambassador_name(ui) :
	    last_account == ui_who(ui)->account ? last_ambassador : "";
	ui_form_field(fm, F_AMBASSADOR, UI_FIELD_TEXT, N_("Ambassador"), name,
	    CORE_NAME_MAX);
	v->f[F_AMBASSADOR].width = 30;
	ui_form_field(fm, F_DATE, UI_FIELD_DATE, N_("Date of visit"),
	    util_date_dk(util_today(), d), 10);
	v->f[F_DATE].width = 12;
	ui_form_heading(fm, F_HEAD, NULL);
	v->f[F_HEAD].gap = 1;
	for (i = 0; i < v->nitems; i++)
		ui_form_item(fm, F_ITEMS + (int)i, v->titles[i],
		    CORE_NOTES_MAX);
	ui_form_field(fm, next, UI_FIELD_DATE, NULL, "", 10);
	v->f[next].width = 12;
	v->f[next].gap = 1;
	ui_form_field(fm, next + 1, UI_FIELD_TEXT, N_("Notes"), "",
	    CORE_NOTES_MAX);
	visit_heading(v);
	fm->focus = name[0] == '\0' ? F_AMBASSADOR : v->nitems > 0 ?
	    F_ITEMS : F_DATE;
	v->text_field = -1;
}

static void *
visit_init(struct ui *ui, void *arg)
{
	struct visit_scr	*v = xcalloc(1, sizeof *v);

	v->hid = (long)(intptr_t)arg;
	v->da = i18n_danish();
	v->loaded = db_household_get(ui_db(ui), ui_who(ui), v->hid, &v->h) ==
	    DB_OK;
	if (!v->loaded)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
	else if (core_household_status(v->h.moved_out, v->h.state,
	    util_today()) == HS_MOVED_OUT) {
		ui_error(ui, "%s", _("This household has moved out: there is "
		    "nobody to welcome. Esc goes back."));
		db_household_clear(&v->h);
		v->loaded = 0;
	}
	if (!v->loaded)
		return v;
	visit_fields(ui, v);
	if (v->nitems == 0)
		ui_error(ui, "%s", _("The configuration has no checklist items "
		    "for this department, so only \"not home\" and "
		    "\"declined\" can be saved."));
	return v;
}

static void
visit_free(void *state)
{
	struct visit_scr	*v = state;
	size_t			 i;

	if (v->loaded)
		db_household_clear(&v->h);
	if (v->f != NULL)
		ui_form_free(&v->form);
	free(v->f);
	for (i = 0; i < v->nitems; i++)
		free(v->titles[i]);
	free(v);
}

static const enum ui_action *
visit_actions_now(void *state)
{
	struct visit_scr	*v = state;

	if (!v->loaded)
		return back_actions;
	if (v->asking || v->asking_story)
		return ask_actions;
	if (v->sens.asking)
		return ui_sensitive_actions;
	if (v->form.noting)
		return note_actions;
	return visit_item_at(v) >= 0 ? item_actions : field_actions;
}

/* The household at the top: where, who, what they need. */
static int
visit_draw_head(struct ui *ui, struct visit_scr *v, int y)
{
	const struct conf	*c = ui_conf(ui);
	const char		*mark = NULL;
	char			*s, *names;
	int			 d = cfg_department_find(c, v->h.department), mw = 0;

	/* A possible success story is marked at the right of the top line,
	 * where it always shows. */
	if (v->story) {
		mark = _("\xe2\x98\x85 possible success story");
		mw = util_text_width(mark);
		ui_put(y, ui_cols(ui) - 2 - mw, mark, mw, 0, STYLE_HEADER);
		mw += 2;
	}
	s = xasprintf(_("Household %ld \xc2\xb7 %s, %s, %s"), v->h.id,
	    d >= 0 ? c->departments[d].name : v->h.department,
	    v->h.stairwell, v->h.flat);
	ui_put(y++, 2, s, ui_cols(ui) - 4 - mw, 0, STYLE_HEADER);
	free(s);
	if (v->h.state == HS_WELCOMED || v->h.state == HS_DECLINED)
		s = xasprintf(_("%s \xe2\x80\x94 already %s; a new checklist "
		    "visit replaces that."), v->h.nmembers > 0 ?
		    v->h.members[0] : "",
		    C_(core_status_label(v->h.state)));
	else
		s = xstrdup(v->h.nmembers > 0 ? v->h.members[0] : "");
	ui_put(y++, 2, s, ui_cols(ui) - 4, 0, v->h.state == HS_WELCOMED ||
	    v->h.state == HS_DECLINED ? STYLE_ERROR : STYLE_NORMAL);
	free(s);
	if (v->h.interpreter || v->h.languages != NULL) {
		names = core_lang_names(v->h.languages, i18n_lang());
		s = xasprintf("%s%s%s", v->h.interpreter ?
		    _("Needs an interpreter") : _("Speaks"),
		    names[0] != '\0' ? ": " : "", names);
		ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_NORMAL);
		free(s);
		free(names);
	}
	return y + 1;
}

/* A line across the screen at row y naming what is under it, and what
 * a key shows of it (right, or NULL). */
static void
visit_rule(struct ui *ui, int y, const char *name, const char *right)
{
	int	 cols = ui_cols(ui) - 4, i;
	char	*line = xmalloc((size_t)cols * 3 + 1), *s;

	for (i = 0; i < cols; i++)
		memcpy(line + i * 3, "\xe2\x94\x80", 3);
	line[cols * 3] = '\0';
	ui_put(y, 2, line, cols, 0, STYLE_DIM);
	free(line);
	s = xasprintf(" %s ", name);
	ui_put(y, 4, s, cols - 4, 0, STYLE_LABEL);
	free(s);
	if (right == NULL)
		return;
	s = xasprintf(" %s ", right);
	ui_put(y, 2 + cols - 2 - util_text_width(s), s, util_text_width(s), 0,
	    STYLE_HEADER);
	free(s);
}

/* The item whose text is shown under the form, or -1: the one in focus,
 * when it has a text and no note is being written. */
static int
visit_text_item(const struct visit_scr *v)
{
	const char	*text;
	int		 i;

	if ((i = visit_item_at(v)) < 0 || v->form.noting ||
	    (text = visit_text(v, v->items[i])) == NULL || text[0] == '\0')
		return -1;
	return i;
}

/* How many rows the text of the item in focus takes under the form, its
 * line above it counted, with room rows at most: all of it when it fits,
 * else a part from text_skip (the rest below it is text_more). */
static int
visit_text_rows(struct ui *ui, struct visit_scr *v, int room)
{
	int	i = visit_text_item(v), n;

	if (v->form.focus != v->text_field) {
		v->text_field = v->form.focus;
		v->text_skip = 0;
	}
	v->text_rows = v->text_more = 0;
	if (i < 0 || room < 2)
		return 0;
	n = ui_wrap(0, 0, ui_cols(ui) - 6, 0, 0, visit_text(v, v->items[i]),
	    STYLE_NORMAL);
	v->text_rows = n < room - 1 ? n : room - 1;
	if (v->text_skip > n - v->text_rows)
		v->text_skip = n - v->text_rows;
	v->text_more = n - v->text_rows - v->text_skip;
	return v->text_rows + 1;
}

/* Draw the text of the item in focus from row y: a line with its title
 * (and the key that shows more of it), then the text. */
static void
visit_draw_text(struct ui *ui, struct visit_scr *v, int y)
{
	const struct cfg_check_item	*it;
	char				*right = NULL;
	int				 i = visit_text_item(v);

	if (i < 0 || v->text_rows == 0)
		return;
	it = v->items[i];
	if (v->text_more > 0)
		right = xasprintf(_("%s: more"), ui_key_label(ACT_TEXT_DOWN));
	else if (v->text_skip > 0)
		right = xasprintf(_("%s: back up"), ui_key_label(ACT_TEXT_UP));
	visit_rule(ui, y, visit_title(v, it), right);
	free(right);
	ui_wrap(y + 1, 4, ui_cols(ui) - 6, v->text_rows, v->text_skip,
	    visit_text(v, it), STYLE_NORMAL);
}

/* The question Esc asks when something was set, or F5's. */
static const char *
visit_question(const struct visit_scr *v)
{
	if (v->asking_story)
		return _("A possible success story? Ask first: may the "
		    "secretariat tell about their welcome? Press y only if "
		    "they said yes, out loud; n if not (nothing is marked); "
		    "Esc to go on with the visit.");
	return _("Leave the visit? Press y to save what is set (items not "
	    "gone through count as later), n to leave without saving "
	    "anything, or Esc to go on with the visit.");
}

/* How many rows the question takes under the form (room at most), a
 * blank row above it counted. */
static int
visit_ask_rows(struct ui *ui, const struct visit_scr *v, int room)
{
	int	n = ui_wrap(0, 0, ui_cols(ui) - 4, 0, 0, visit_question(v),
		    STYLE_ERROR);

	if (room < 2)
		return 0;
	return (n < room - 1 ? n : room - 1) + 1;
}

/* The household, the form, and under it the question or the text of the
 * item in focus: right under the form, or at the bottom when the form
 * fills its rows.  The body's last row is left to a long message. */
static void
visit_draw(struct ui *ui, void *state)
{
	struct visit_scr	*v = state;
	int			 y, end, below, rows, used;

	if (!v->loaded)
		return;
	y = visit_draw_head(ui, v, ui_body_top(ui)) + 1;
	end = ui_body_top(ui) + ui_body_rows(ui) - 1;
	below = v->asking || v->asking_story ? visit_ask_rows(ui, v,
	    end - y - VISIT_FORM_MIN) : visit_text_rows(ui, v,
	    end - y - VISIT_FORM_MIN);
	rows = end - y - below;
	ui_form_draw(ui, &v->form, y, rows);
	used = ui_form_layout_row(&v->form, v->form.n) - v->form.top;
	y += (used < rows ? used + 1 : rows);
	if (y > end - below)
		y = end - below;
	if ((v->asking || v->asking_story) && below > 0)	/* a blank
								   row above */
		ui_wrap(y + (used >= rows), 2, ui_cols(ui) - 4, below - 1, 0,
		    visit_question(v), STYLE_ERROR);
	else if (!v->asking && !v->asking_story)
		visit_draw_text(ui, v, y);
}

static int
visit_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct visit_scr	*v = state;

	(void)ui;
	if (!v->loaded || v->asking || v->asking_story)
		return -1;
	return ui_form_cursor(&v->form, y, x);
}

/* Propose the day to come back: retry_days after the visit's date. */
static void
visit_propose_next(struct ui *ui, struct visit_scr *v)
{
	struct edit	*next = &v->f[visit_f_next(v)].e;
	char		*t = util_edit_text(&v->f[F_DATE].e), d[11];
	long		 day;

	if (next->len == 0 && util_date_parse(t, &day) == DATE_OK) {
		day = core_retry_date(day, ui_conf(ui)->retry_days);
		if (day < util_today())	/* a visit written in afterwards */
			day = util_today();
		util_edit_set(next, util_date_dk(day, d));
		util_edit_end(next);
	}
	free(t);
}

/* Set the state of item i (an index into items). */
static void
visit_set_item(struct ui *ui, struct visit_scr *v, int i, enum item_state st)
{
	ui_form_set_state(&v->form, F_ITEMS + i, st);
	if (st == IS_LATER)
		visit_propose_next(ui, v);
	if (st == IS_DONE && v->items[i]->referral &&
	    v->f[F_ITEMS + i].e.len == 0) {
		v->form.noting = 1;	/* a referral needs a note */
		ui_message(ui, "%s", _("Write what to pass to the secretariat, "
		    "then press Enter."));
		return;
	}
	ui_form_move(ui, &v->form, 1);
}

/* Switch between the checklist and "not home" / "declined". */
static void
visit_set_mode(struct ui *ui, struct visit_scr *v, enum visit_mode m)
{
	v->mode = v->mode == m ? MODE_CHECKLIST : m;
	v->form.dirty = 1;
	v->story = v->story && v->mode == MODE_CHECKLIST;
	ui_form_clear_error(&v->form, visit_f_next(v));
	if (v->mode == MODE_NOT_HOME)
		visit_propose_next(ui, v);
	visit_heading(v);
	if (!ui_form_focusable(&v->form, v->form.focus))
		v->form.focus = F_DATE;
}

/* Check date field i into *day; 1 if it is wrong (said under it). */
static int
visit_check_date(struct visit_scr *v, int i, long *day)
{
	char		*t = ui_form_clean(&v->form, i);
	enum date_err	 de = util_date_parse(t, day);

	free(t);
	return ui_form_error(&v->form, i, de == DATE_OK ? NULL :
	    util_date_errstr(de));
}

/* Check the checklist; with later_for_unset, items not gone through
 * become later (the visit is saved "with what was set"). */
static int
visit_check_items(struct visit_scr *v, int later_for_unset)
{
	struct ui_field	*f;
	size_t		 i;
	int		 bad = 0, k;

	for (i = 0; i < v->nitems; i++) {
		k = F_ITEMS + (int)i;
		f = &v->f[k];
		if (f->state == IS_UNSET && later_for_unset)
			f->state = IS_LATER;
		if (f->state == IS_UNSET)
			bad += ui_form_error(&v->form, k, N_("Choose: d done, "
			    "n not relevant, l later."));
		else if (v->items[i]->referral && f->state == IS_DONE &&
		    f->e.len == 0)
			bad += ui_form_error(&v->form, k, N_("Write what to "
			    "pass to the secretariat (Enter), or choose n if "
			    "there is nothing."));
		else
			bad += ui_form_check_text(&v->form, k,
			    core_check_notes);
	}
	return bad;
}

/* Check every field; returns how many are wrong. */
static int
visit_check(struct visit_scr *v, int later_for_unset, long *date,
    long *next)
{
	struct ui_form	*fm = &v->form;
	int		 bad = 0, n = visit_f_next(v), date_bad;

	if (v->f[F_AMBASSADOR].e.len == 0)
		bad += ui_form_error(fm, F_AMBASSADOR, N_("Write your name: "
		    "who made the visit."));
	else
		bad += ui_form_check_text(fm, F_AMBASSADOR, core_check_name);
	if (!(date_bad = visit_check_date(v, F_DATE, date)))
		date_bad = ui_form_error(fm, F_DATE, core_check_visit_date(
		    *date, v->h.moved_in, v->h.moved_out, util_today()));
	bad += date_bad;
	if (v->mode == MODE_CHECKLIST)
		bad += visit_check_items(v, later_for_unset);
	ui_form_clear_error(fm, n);
	*next = DATE_NONE;
	if (visit_needs_next(v) && !visit_check_date(v, n, next) && !date_bad)
		ui_form_error(fm, n, core_check_next_date(*next, *date,
		    util_today()));
	bad += ui_form_error_text(fm, n) != NULL;
	return bad + ui_form_check_text(fm, n + 1, core_check_notes);
}

/* Fill a visit from the (checked) screen; its strings are new. */
static void
visit_build(struct visit_scr *v, long date, long next, struct visit *out)
{
	enum item_state	 st[CFG_CHECKLIST_MAX];
	struct ui_field	*f;
	size_t		 i;

	memset(out, 0, sizeof *out);
	out->household = v->hid;
	out->date = date;
	out->next_date = next;
	out->ambassador = util_edit_text(&v->f[F_AMBASSADOR].e);
	f = &v->f[visit_f_next(v) + 1];
	out->notes = f->e.len > 0 ? util_edit_text(&f->e) : NULL;
	/* Only with the household's yes (asked by F5). */
	out->story = out->story_consent = v->story &&
	    v->mode == MODE_CHECKLIST;
	out->outcome = v->mode == MODE_NOT_HOME ? VO_NOT_HOME : VO_DECLINED;
	if (v->mode != MODE_CHECKLIST)
		return;
	out->items = xcalloc(v->nitems, sizeof *out->items);
	out->nitems = v->nitems;
	for (i = 0; i < v->nitems; i++) {
		f = &v->f[F_ITEMS + i];
		st[i] = f->state;
		out->items[i].key = xstrdup(v->items[i]->key);
		out->items[i].title = xstrdup(v->items[i]->title);
		out->items[i].title_da = xstrdup(v->items[i]->title_da);
		out->items[i].state = st[i];
		out->items[i].note = f->e.len > 0 ? util_edit_text(&f->e) :
		    NULL;
		out->items[i].referral = v->items[i]->referral &&
		    st[i] == IS_DONE;
	}
	core_checklist_outcome(st, v->nitems, &out->outcome);
}

/* Say what was saved, with the day to come back or to try again. */
static void
visit_saved(struct ui *ui, const struct visit *vis)
{
	struct household	h;
	char			d[11];

	memset(&h, 0, sizeof h);
	if (vis->next_date != DATE_NONE)
		util_date_dk(vis->next_date, d);
	else
		d[0] = '\0';
	if (db_household_get(ui_db(ui), ui_who(ui), vis->household, &h) !=
	    DB_OK)
		ui_message(ui, "%s", _("Saved."));
	else if ((h.flags & FLAG_ATTEMPTS) && vis->outcome == VO_NOT_HOME)
		ui_message(ui, P_("Saved. Nobody was home %d time: the "
		    "household is now on the secretariat's list.", "Saved. "
		    "Nobody was home %d times: the household is now on the "
		    "secretariat's list.", h.attempts), h.attempts);
	else if ((vis->outcome == VO_NOT_HOME) && (h.state == HS_WELCOMED ||
	    h.state == HS_DECLINED))
		ui_message(ui, _("Saved: not home. The household stays %s; "
		    "try again on %s."), C_(core_status_label(h.state)), d);
	else if (vis->outcome == VO_WELCOMED)
		ui_message(ui, "%s", _("Saved: the household is welcomed."));
	else if (vis->outcome == VO_PARTLY)
		ui_message(ui, _("Saved: partly welcomed; back in the queue to "
		    "come back on %s."), d);
	else if (vis->outcome == VO_NOT_HOME)
		ui_message(ui, _("Saved: not home; back in the queue to try "
		    "again on %s."), d);
	else
		ui_message(ui, "%s", _("Saved: declined; nobody will try "
		    "again."));
	db_household_clear(&h);
}

/* 1 if a note that will be saved (the visit's, and on the checklist
 * the items') may say something sensitive: the question is then open. */
static int
visit_stop_note(struct ui *ui, struct visit_scr *v)
{
	int	fields[CFG_CHECKLIST_MAX + 1];
	size_t	n = 0, i;

	for (i = 0; v->mode == MODE_CHECKLIST && i < v->nitems; i++)
		if (v->f[F_ITEMS + i].e.len > 0)
			fields[n++] = F_ITEMS + (int)i;
	fields[n++] = visit_f_next(v) + 1;
	return ui_sensitive_stop(ui, &v->sens, &v->form, fields, n);
}

/* Check and save; UI_POP when saved. */
static int
visit_save(struct ui *ui, struct visit_scr *v, int later_for_unset)
{
	struct visit	vis;
	long		date, next;
	int		bad;

	if (v->mode == MODE_CHECKLIST && v->nitems == 0) {
		ui_error(ui, "%s", _("There is no checklist to go through: "
		    "choose F3 (not home) or F4 (declined)."));
		return 0;
	}
	if (later_for_unset && v->mode == MODE_CHECKLIST)
		visit_propose_next(ui, v);	/* unset items become later */
	if ((bad = visit_check(v, later_for_unset, &date, &next)) > 0) {
		v->asking = 0;
		ui_form_refused(ui, &v->form, bad);
		return 0;
	}
	if (visit_stop_note(ui, v)) {
		v->asking = 0;
		return 0;
	}
	visit_build(v, date, next, &vis);
	if (db_visit_add(ui_db(ui), ui_who(ui), &vis,
	    ui_conf(ui)->max_attempts) != DB_OK) {
		v->asking = 0;
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The visit is kept on the screen."));
		db_visit_clear(&vis);
		return 0;
	}
	snprintf(last_ambassador, sizeof last_ambassador, "%s",
	    vis.ambassador);
	last_account = ui_who(ui)->account;
	visit_saved(ui, &vis);
	db_visit_clear(&vis);
	return UI_POP;
}

/* 1 if at least one checklist item was gone through. */
static int
visit_any_set(const struct visit_scr *v)
{
	size_t	i;

	for (i = 0; i < v->nitems; i++)
		if (v->f[F_ITEMS + i].state != IS_UNSET)
			return 1;
	return 0;
}

/* Keys while a note is written: Enter (or Esc) keeps it. */
static int
visit_key_note(struct visit_scr *v, const struct ui_keypress *k)
{
	if (ui_key_action(k, note_actions) == ACT_KEEP ||
	    ui_key_action(k, back_actions) == ACT_BACK) {
		v->form.noting = 0;
		ui_form_clear_error(&v->form, v->form.focus);
		return UI_REDRAW | UI_HANDLED;
	}
	return ui_form_edit_key(&v->form, k);
}

/* Keys of the question "leave the visit?". */
static int
visit_key_ask(struct ui *ui, struct visit_scr *v, const struct ui_keypress *k)
{
	switch (ui_key_action(k, ask_actions)) {
	case ACT_YES:
		if (v->mode == MODE_CHECKLIST && !visit_any_set(v)) {
			ui_message(ui, "%s", _("Nothing on the checklist was "
			    "gone through, so there was nothing to save."));
			return UI_POP | UI_HANDLED;
		}
		return UI_REDRAW | UI_HANDLED | visit_save(ui, v, 1);
	case ACT_NO:
		ui_message(ui, "%s", _("The visit was not saved."));
		return UI_POP | UI_HANDLED;
	case ACT_BACK:
		v->asking = 0;
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_HANDLED;	/* only y, n and Esc mean something */
	}
}

/* F5: ask whether the household said yes to a possible success story,
 * or take the mark away.  Only when someone opened the door. */
static int
visit_story(struct ui *ui, struct visit_scr *v)
{
	if (v->story) {
		v->story = 0;
		ui_message(ui, "%s", _("The visit is no longer marked as a "
		    "possible success story."));
	} else if (v->mode != MODE_CHECKLIST)
		ui_error(ui, "%s", _("Only a visit where someone opened the "
		    "door can be a possible success story."));
	else
		v->asking_story = 1;
	return UI_REDRAW | UI_HANDLED;
}

/* Keys of the question "did they say yes?". */
static int
visit_key_story(struct ui *ui, struct visit_scr *v,
    const struct ui_keypress *k)
{
	switch (ui_key_action(k, ask_actions)) {
	case ACT_YES:
		v->story = 1;
		v->form.dirty = 1;
		ui_message(ui, "%s", _("Marked as a possible success story, "
		    "with their yes (at the top). F2 saves it with the "
		    "visit."));
		break;
	case ACT_NO:
		ui_message(ui, "%s", _("Not marked: without their yes, a "
		    "visit is never a possible success story."));
		break;
	case ACT_BACK:
		break;
	default:
		return UI_HANDLED;	/* only y, n and Esc mean something */
	}
	v->asking_story = 0;
	return UI_REDRAW | UI_HANDLED;
}

/* Keys on checklist item i, and PgDn/PgUp through its text. */
static int
visit_key_item(struct ui *ui, struct visit_scr *v, int i, enum ui_action a)
{
	int	page = v->text_rows > 2 ? v->text_rows - 1 : 1;

	switch (a) {
	case ACT_ITEM_DONE:
		visit_set_item(ui, v, i, IS_DONE);
		break;
	case ACT_ITEM_NOT_RELEVANT:
		visit_set_item(ui, v, i, IS_NOT_RELEVANT);
		break;
	case ACT_ITEM_LATER:
		visit_set_item(ui, v, i, IS_LATER);
		break;
	case ACT_ITEM_NOTE:
		v->form.noting = 1;
		break;
	case ACT_TEXT_DOWN:
		v->text_skip += v->text_more < page ? v->text_more : page;
		break;
	case ACT_TEXT_UP:
		v->text_skip = v->text_skip > page ? v->text_skip - page : 0;
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
visit_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct visit_scr	*v = state;
	int			 i = visit_item_at(v), flags, save;
	enum ui_action		 a;

	if (!v->loaded)		/* nothing to visit: only Esc works */
		return ui_key_action(k, back_actions) == ACT_BACK ?
		    UI_POP | UI_HANDLED : 0;
	if (v->asking)
		return visit_key_ask(ui, v, k);
	if (v->asking_story)
		return visit_key_story(ui, v, k);
	if (v->sens.asking) {
		flags = ui_sensitive_key(ui, &v->sens, &v->form, k, &save);
		return save ? flags | visit_save(ui, v, 0) : flags;
	}
	if (v->form.noting)
		return visit_key_note(v, k);
	a = ui_key_action(k, i >= 0 ? item_actions : field_keys);
	if (i < 0 && !k->is_key && (a == ACT_NOT_HOME || a == ACT_DECLINED))
		a = ACT_NONE;	/* h and x are letters in a text field */
	if (a == ACT_BACK) {
		if (!v->form.dirty)
			return UI_POP | UI_HANDLED;
		v->asking = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	/* Tab, Shift-Tab, arrows; Enter in a text field goes on. */
	if ((flags = ui_form_key(ui, &v->form, a)) != 0)
		return flags;
	if (i >= 0 && visit_key_item(ui, v, i, a))
		return UI_REDRAW | UI_HANDLED;
	switch (a) {
	case ACT_SAVE:
		return UI_REDRAW | UI_HANDLED | visit_save(ui, v, 0);
	case ACT_NOT_HOME:
	case ACT_DECLINED:
		visit_set_mode(ui, v, a == ACT_NOT_HOME ? MODE_NOT_HOME :
		    MODE_DECLINED);
		return UI_REDRAW | UI_HANDLED;
	case ACT_STORY:
		return visit_story(ui, v);
	default:
		return ui_form_edit_key(&v->form, k);
	}
}

/* A click on a field focuses it (not while a note or a question is
 * open). */
static int
visit_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct visit_scr	*v = state;

	(void)ui;
	(void)x;
	(void)twice;
	if (!v->loaded || v->asking || v->asking_story || v->form.noting ||
	    v->sens.asking)
		return 0;
	return ui_form_click(&v->form, y);
}

const struct screen screen_visit = {
	.name = "visit",
	.title = N_("Welcome visit"),
	.actions = item_actions,
	.help = N_("A welcome visit. Write your name (it is filled in after "
	    "your first visit) and the date (today is filled in). Then go "
	    "through the checklist with the household, one line at a time "
	    "with \xe2\x86\x91 and \xe2\x86\x93: press d when you have told "
	    "or shown it, n when it does not matter for them, l when it is "
	    "for another day. Enter writes a short note on the line. The "
	    "text under the list says what to tell or show; when it is "
	    "longer than its room, PgDn shows more of it and PgUp goes back. "
	    "The visit scrolls: an arrow at the right edge says there is more "
	    "above or below.\n\n"
	    "If one line is later, the visit is partly done: write the day "
	    "you come back. A line marked \xe2\x86\x92 secretariat passes "
	    "something to the secretariat: press d and write what. "
	    "Ambassadors welcome and inform; concerns go to the "
	    "secretariat.\n\n"
	    "Nobody home? Press F3 (or h on the checklist): the attempt is "
	    "saved with a day to try again (the configuration says how many "
	    "days later; 3 unless changed). They do not want a visit? Press "
	    "F4 (or x).\n\n"
	    "A possible success story? Ask the household whether the "
	    "secretariat may tell about their welcome, and press F5: only "
	    "with their yes, out loud, is the visit marked (F5 again takes "
	    "the mark away).\n\n"
	    "F2 saves the visit. Esc asks first whether to save what is set "
	    "or to leave without saving anything; nothing is ever saved "
	    "half."),
	.init = visit_init,
	.draw = visit_draw,
	.key = visit_key,
	.free = visit_free,
	.cursor = visit_cursor,
	.actions_now = visit_actions_now,
	.click = visit_click,
};
