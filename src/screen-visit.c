/*
 * screen-visit.c — a welcome visit: who went and when, then the checklist
 * at the door (each item done, not relevant or later, with a note), or
 * "not home" with a day to try again, or "declined".  Nothing is written
 * until the visit is saved, in one transaction; Esc in the middle asks
 * whether to save what was set or leave it all.
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

#define VISIT_ITEMS	32

enum visit_mode { MODE_CHECKLIST, MODE_NOT_HOME, MODE_DECLINED };

/* The fields, in the order Tab goes through them; items sit between
 * F_DATE and F_NEXT. */
enum { F_AMBASSADOR, F_DATE, F_ITEMS };

struct vitem {
	const struct cfg_check_item	*cfg;
	enum item_state			 state;
	struct edit			 note;
	const char			*error;
};

struct visit_scr {
	long			 hid;
	struct household	 h;
	int			 loaded;
	int			 da;		/* Danish titles and texts */
	struct edit		 ambassador, date, next, notes;
	const char		*err_ambassador, *err_date, *err_next;
	const char		*err_notes;
	struct vitem		 items[VISIT_ITEMS];
	size_t			 nitems;
	enum visit_mode		 mode;
	int			 focus;		/* a field number, see below */
	int			 noting;	/* writing the focused item's note */
	int			 asking;	/* "leave the visit?" */
	int			 dirty;
	int			 cur_y, cur_x;	/* where the cursor goes */
};

/* The name of the last ambassador who saved a visit here, to fill in,
 * and the account that saved it: another login never gets it. */
static char	last_ambassador[CORE_NAME_MAX * 4 + 1];
static long	last_account;

static const enum ui_action field_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_NOT_HOME, ACT_DECLINED,
	ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action item_actions[] = {
	ACT_ITEM_DONE, ACT_ITEM_NOT_RELEVANT, ACT_ITEM_LATER, ACT_ITEM_NOTE,
	ACT_NOT_HOME, ACT_DECLINED, ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD,
	ACT_BACK, ACT_HELP, ACT_NONE
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

/* Field numbers: ambassador, date, the items, then next and notes. */
static int
visit_f_next(const struct visit_scr *v)
{
	return F_ITEMS + (v->mode == MODE_CHECKLIST ? (int)v->nitems : 0);
}

static int
visit_f_notes(const struct visit_scr *v)
{
	return visit_f_next(v) + 1;
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
		if (v->items[i].state == IS_LATER)
			return 1;
	return 0;
}

/* 1 if field f is shown now. */
static int
visit_shown(const struct visit_scr *v, int f)
{
	if (f == visit_f_next(v))
		return visit_needs_next(v);
	return f >= 0 && f <= visit_f_notes(v);
}

/* The item the focus is on, or NULL. */
static struct vitem *
visit_item_at(struct visit_scr *v)
{
	if (v->mode != MODE_CHECKLIST || v->focus < F_ITEMS ||
	    v->focus >= F_ITEMS + (int)v->nitems)
		return NULL;
	return &v->items[v->focus - F_ITEMS];
}

/* The edit buffer of a text field, or NULL for an item. */
static struct edit *
visit_edit_at(struct visit_scr *v, int f)
{
	if (f == F_AMBASSADOR)
		return &v->ambassador;
	if (f == F_DATE)
		return &v->date;
	if (f == visit_f_next(v))
		return &v->next;
	if (f == visit_f_notes(v))
		return &v->notes;
	return NULL;
}

/* 1 if Danish is the language of the screen (for the checklist texts). */
static int
visit_danish(const struct conf *c)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL",
	    "LC_MESSAGES", "LANG" };
	const char	*l;
	size_t		 i;

	if (c->language != NULL && c->language[0] != '\0')
		return strncmp(c->language, "da", 2) == 0;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((l = getenv(vars[i])) != NULL && l[0] != '\0')
			return strncmp(l, "da", 2) == 0;
	return 0;
}

/* Set up the checklist of the household's department. */
static void
visit_checklist(struct ui *ui, struct visit_scr *v)
{
	const struct conf		*c = ui_conf(ui);
	const struct cfg_check_item	*items[VISIT_ITEMS];
	size_t				 i, n;

	n = cfg_checklist(c, cfg_department_find(c, v->h.department), items,
	    VISIT_ITEMS);
	v->nitems = n < VISIT_ITEMS ? n : VISIT_ITEMS;
	for (i = 0; i < v->nitems; i++) {
		v->items[i].cfg = items[i];
		util_edit_init(&v->items[i].note, "", CORE_NOTES_MAX);
	}
}

static void *
visit_init(struct ui *ui, void *arg)
{
	struct visit_scr	*v = xcalloc(1, sizeof *v);
	char			 d[11];

	v->hid = (long)(intptr_t)arg;
	v->da = visit_danish(ui_conf(ui));
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
	/* The ambassador logged in visits; else whoever the same login
	 * saved the last visit for. */
	util_edit_init(&v->ambassador, ui_ambassador_name(ui) != NULL ?
	    ui_ambassador_name(ui) : last_account == ui_who(ui)->account ?
	    last_ambassador : "", CORE_NAME_MAX);
	util_edit_init(&v->date, util_date_dk(util_today(), d), 10);
	util_edit_init(&v->next, "", 10);
	util_edit_init(&v->notes, "", CORE_NOTES_MAX);
	if (v->loaded)
		visit_checklist(ui, v);
	if (v->loaded && v->nitems == 0)
		ui_error(ui, "%s", _("The configuration has no checklist items "
		    "for this department, so only \"not home\" and "
		    "\"declined\" can be saved."));
	v->focus = v->ambassador.len > 0 ? F_DATE + 1 : F_AMBASSADOR;
	if (v->focus == F_ITEMS && v->nitems == 0)
		v->focus = F_DATE;
	return v;
}

static void
visit_free(void *state)
{
	struct visit_scr	*v = state;
	size_t			 i;

	if (v->loaded)
		db_household_clear(&v->h);
	util_edit_free(&v->ambassador);
	util_edit_free(&v->date);
	util_edit_free(&v->next);
	util_edit_free(&v->notes);
	for (i = 0; i < v->nitems; i++)
		util_edit_free(&v->items[i].note);
	free(v);
}

static const enum ui_action *
visit_actions_now(void *state)
{
	struct visit_scr	*v = state;

	if (!v->loaded)
		return back_actions;
	if (v->asking)
		return ask_actions;
	if (v->noting)
		return note_actions;
	return visit_item_at(v) != NULL ? item_actions : field_actions;
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

/* A word for an item's state, as a box: "[ done ]". */
static const char *
visit_state_box(enum item_state st)
{
	switch (st) {
	case IS_DONE:		return _("[x] done");
	case IS_NOT_RELEVANT:	return _("[-] not relevant");
	case IS_LATER:		return _("[>] later");
	default:		return _("[ ] not yet");
	}
}

/* Draw a labelled text field; returns the next row. */
static int
visit_draw_field(struct ui *ui, struct visit_scr *v, int y, int f,
    const char *label, int width, const char *error)
{
	struct edit	*e = visit_edit_at(v, f);
	int		 x;

	ui_put(y, 2, label, 18, 1, v->focus == f ? STYLE_HEADER : STYLE_LABEL);
	x = ui_put_edit(y, 21, e, width, v->focus == f ? STYLE_FIELD_FOCUS :
	    STYLE_FIELD);
	if (v->focus == f && !v->asking) {
		v->cur_y = y;
		v->cur_x = x;
	}
	if (error == NULL)
		return y + 1;
	ui_put(y + 1, 21, error, ui_cols(ui) - 22, 0, STYLE_ERROR);
	return y + 2;
}

/* The household at the top: where, who, what they need. */
static int
visit_draw_head(struct ui *ui, struct visit_scr *v, int y)
{
	const struct conf	*c = ui_conf(ui);
	char			*s;
	int			 d = cfg_department_find(c, v->h.department);

	s = xasprintf(_("Household %ld \xc2\xb7 %s, %s, %s"), v->h.id,
	    d >= 0 ? c->departments[d].name : v->h.department,
	    v->h.stairwell, v->h.flat);
	ui_put(y++, 2, s, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(s);
	if (v->h.state == HS_WELCOMED || v->h.state == HS_DECLINED)
		s = xasprintf(_("%s \xe2\x80\x94 already %s; a new checklist "
		    "visit replaces that."), v->h.members[0],
		    _(core_status_label(v->h.state)));
	else
		s = xstrdup(v->h.members[0]);
	ui_put(y++, 2, s, ui_cols(ui) - 4, 0, v->h.state == HS_WELCOMED ||
	    v->h.state == HS_DECLINED ? STYLE_ERROR : STYLE_NORMAL);
	free(s);
	if (v->h.interpreter || v->h.languages != NULL) {
		s = xasprintf("%s%s%s", v->h.interpreter ?
		    _("Needs an interpreter") : _("Speaks"),
		    v->h.languages != NULL ? ": " : "",
		    v->h.languages != NULL ? v->h.languages : "");
		ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_NORMAL);
		free(s);
	}
	return y + 1;
}

/* Draw one checklist item on one line: its state, its title and its
 * note; the note's editor takes the next line while it is written. */
static int
visit_draw_item(struct ui *ui, struct visit_scr *v, int y, size_t i)
{
	struct vitem	*it = &v->items[i];
	int		 focus = v->focus == F_ITEMS + (int)i, x;
	char		*title, *note;

	ui_put(y, 2, it->error != NULL ? _("[!] choose") :
	    visit_state_box(it->state), 18, 1, it->error != NULL ?
	    STYLE_ERROR : focus ? STYLE_SELECTED : it->state == IS_UNSET ?
	    STYLE_DIM : STYLE_NORMAL);
	note = it->note.len > 0 && !(focus && v->noting) ?
	    util_edit_text(&it->note) : NULL;
	title = xasprintf("%s%s%s%s%s", visit_title(v, it->cfg),
	    it->cfg->referral ? " \xe2\x86\x92 " : "",
	    it->cfg->referral ? _("secretariat") : "",
	    note != NULL ? " \xe2\x80\x94 " : "", note != NULL ? note : "");
	ui_put(y, 21, title, ui_cols(ui) - 22, 1, focus ? STYLE_SELECTED :
	    STYLE_NORMAL);
	free(title);
	free(note);
	if (!(focus && v->noting))
		return y + 1;
	ui_put(++y, 21, _("Note:"), 6, 0, STYLE_DIM);
	x = ui_put_edit(y, 27, &it->note, ui_cols(ui) - 29, STYLE_FIELD_FOCUS);
	v->cur_y = y;
	v->cur_x = x;
	return y + 1;
}

/* Under the checklist: what is wrong with the focused item, or what to
 * tell or show (two lines at most). */
static int
visit_draw_text(struct ui *ui, struct visit_scr *v, int y)
{
	struct vitem	*it = visit_item_at(v);
	const char	*text;

	if (it == NULL || v->noting)
		return y;
	if (it->error != NULL)
		return y + ui_wrap(y, 4, ui_cols(ui) - 6, 2, 0, _(it->error),
		    STYLE_ERROR);
	if ((text = visit_text(v, it->cfg)) == NULL || text[0] == '\0')
		return y;
	return y + (ui_wrap(y, 4, ui_cols(ui) - 6, 2, 0, text, STYLE_DIM) > 2 ?
	    2 : ui_wrap(y, 4, ui_cols(ui) - 6, 0, 0, text, STYLE_DIM));
}

/* The middle: the checklist, or what "not home" / "declined" means. */
static int
visit_draw_middle(struct ui *ui, struct visit_scr *v, int y)
{
	size_t	i;

	if (v->mode == MODE_NOT_HOME) {
		ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, _("NOT HOME: the attempt "
		    "is saved with a day to try again. F3 goes back to the "
		    "checklist."), STYLE_HEADER);
		return y + 3;
	}
	if (v->mode == MODE_DECLINED) {
		ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, _("DECLINED: they do not "
		    "want a visit, and nobody will try again. F4 goes back to "
		    "the checklist."), STYLE_HEADER);
		return y + 3;
	}
	ui_put(y++, 2, _("The checklist at the door:"), ui_cols(ui) - 4, 0,
	    STYLE_LABEL);
	for (i = 0; i < v->nitems; i++)
		y = visit_draw_item(ui, v, y, i);
	return visit_draw_text(ui, v, y) + 1;
}

/* The question Esc asks when something was set. */
static void
visit_draw_ask(struct ui *ui, int y)
{
	ui_wrap(y, 2, ui_cols(ui) - 4, 3, 0, _("Leave the visit? Press y to "
	    "save what is set (items not gone through count as later), n to "
	    "leave without saving anything, or Esc to go on with the "
	    "visit."), STYLE_ERROR);
}

static void
visit_draw(struct ui *ui, void *state)
{
	struct visit_scr	*v = state;
	int			 y = ui_body_top(ui);

	v->cur_y = -1;
	if (!v->loaded)
		return;
	y = visit_draw_head(ui, v, y) + 1;
	y = visit_draw_field(ui, v, y, F_AMBASSADOR, _("Ambassador"), 30,
	    v->err_ambassador);
	y = visit_draw_field(ui, v, y, F_DATE, _("Date of visit"), 12,
	    v->err_date) + 1;
	y = visit_draw_middle(ui, v, y);
	if (visit_needs_next(v))
		y = visit_draw_field(ui, v, y, visit_f_next(v),
		    v->mode == MODE_NOT_HOME ? _("Try again on") :
		    _("Come back on"), 12, v->err_next);
	y = visit_draw_field(ui, v, y, visit_f_notes(v), _("Notes"),
	    ui_cols(ui) - 23, v->err_notes);
	if (v->asking)
		visit_draw_ask(ui, y + 1 < LINES - 5 ? y + 1 : LINES - 5);
}

static int
visit_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct visit_scr	*v = state;

	(void)ui;
	if (v->cur_y < 0 || v->asking)
		return -1;
	*y = v->cur_y;
	*x = v->cur_x;
	return 0;
}

/* Move the focus to the next (dir 1) or previous (-1) shown field. */
static void
visit_move(struct visit_scr *v, int dir)
{
	int	f = v->focus;

	do {
		f += dir;
	} while (f >= 0 && f <= visit_f_notes(v) && !visit_shown(v, f));
	if (f >= 0 && f <= visit_f_notes(v))
		v->focus = f;
}

/* Propose the day to come back: retry_days after the visit's date. */
static void
visit_propose_next(struct ui *ui, struct visit_scr *v)
{
	char	*t = util_edit_text(&v->date), d[11];
	long	 day;

	if (v->next.len == 0 && util_date_parse(t, &day) == DATE_OK) {
		day = core_retry_date(day, ui_conf(ui)->retry_days);
		if (day < util_today())	/* a visit written in afterwards */
			day = util_today();
		util_edit_set(&v->next, util_date_dk(day, d));
		util_edit_end(&v->next);
	}
	free(t);
}

/* Set the state of the focused item. */
static void
visit_set_item(struct ui *ui, struct visit_scr *v, struct vitem *it,
    enum item_state st)
{
	it->state = st;
	it->error = NULL;
	v->dirty = 1;
	if (st == IS_LATER)
		visit_propose_next(ui, v);
	if (st == IS_DONE && it->cfg->referral && it->note.len == 0) {
		v->noting = 1;		/* a referral needs a note */
		ui_message(ui, "%s", _("Write what to pass to the secretariat, "
		    "then press Enter."));
		return;
	}
	visit_move(v, 1);
}

/* Switch between the checklist and "not home" / "declined". */
static void
visit_set_mode(struct ui *ui, struct visit_scr *v, enum visit_mode m)
{
	v->mode = v->mode == m ? MODE_CHECKLIST : m;
	v->dirty = 1;
	v->err_next = NULL;
	if (v->mode == MODE_NOT_HOME)
		visit_propose_next(ui, v);
	if (v->focus > visit_f_notes(v) || !visit_shown(v, v->focus))
		v->focus = F_DATE;
}

/* Check a date field into *day; the error sentence or NULL. */
static const char *
visit_check_date(struct edit *e, long *day)
{
	char		*t = util_edit_text(e);
	enum date_err	 de = util_date_parse(t, day);

	free(t);
	return de == DATE_OK ? NULL : util_date_errstr(de);
}

/* Check a text field with a core check, as it will be stored. */
static const char *
visit_check_text(struct edit *e, const char *(*check)(const char *))
{
	char		*t = util_edit_text(e), *c = core_clean_text(t);
	const char	*err = check(c != NULL ? c : t);

	free(c);
	free(t);
	return err;
}

/* Check the checklist; with later_for_unset, items not gone through
 * become later (the visit is saved "with what was set"). */
static int
visit_check_items(struct visit_scr *v, int later_for_unset)
{
	struct vitem	*it;
	size_t		 i;
	int		 bad = 0;

	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		it->error = NULL;
		if (it->state == IS_UNSET && later_for_unset)
			it->state = IS_LATER;
		if (it->state == IS_UNSET)
			it->error = N_("Choose: d done, n not relevant, l later.");
		else if (it->cfg->referral && it->state == IS_DONE &&
		    it->note.len == 0)
			it->error = N_("Write what to pass to the secretariat "
			    "(Enter), or choose n if there is nothing.");
		else
			it->error = visit_check_text(&it->note,
			    core_check_notes);
		bad += it->error != NULL;
	}
	return bad;
}

/* Check every field; returns how many are wrong. */
static int
visit_check(struct visit_scr *v, int later_for_unset, long *date,
    long *next)
{
	int	bad = 0;

	v->err_ambassador = v->ambassador.len == 0 ? N_("Write your name: "
	    "who made the visit.") : visit_check_text(&v->ambassador,
	    core_check_name);
	if ((v->err_date = visit_check_date(&v->date, date)) == NULL)
		v->err_date = core_check_visit_date(*date, v->h.moved_in,
		    v->h.moved_out, util_today());
	bad += (v->err_ambassador != NULL) + (v->err_date != NULL);
	if (v->mode == MODE_CHECKLIST)
		bad += visit_check_items(v, later_for_unset);
	v->err_next = NULL;
	*next = DATE_NONE;
	if (visit_needs_next(v) && (v->err_next = visit_check_date(&v->next,
	    next)) == NULL && v->err_date == NULL)
		v->err_next = core_check_next_date(*next, *date, util_today());
	v->err_notes = visit_check_text(&v->notes, core_check_notes);
	return bad + (v->err_next != NULL) + (v->err_notes != NULL);
}

/* Focus the first field with an error. */
static void
visit_focus_error(struct visit_scr *v)
{
	size_t	i;

	if (v->err_ambassador != NULL || v->err_date != NULL) {
		v->focus = v->err_ambassador != NULL ? F_AMBASSADOR : F_DATE;
		return;
	}
	for (i = 0; v->mode == MODE_CHECKLIST && i < v->nitems; i++)
		if (v->items[i].error != NULL) {
			v->focus = F_ITEMS + (int)i;
			return;
		}
	v->focus = v->err_next != NULL ? visit_f_next(v) : visit_f_notes(v);
}

/* Fill a visit from the (checked) screen; its strings are new. */
static void
visit_build(struct visit_scr *v, long date, long next, struct visit *out)
{
	enum item_state	 st[VISIT_ITEMS];
	size_t		 i;

	memset(out, 0, sizeof *out);
	out->household = v->hid;
	out->date = date;
	out->next_date = next;
	out->ambassador = util_edit_text(&v->ambassador);
	out->notes = v->notes.len > 0 ? util_edit_text(&v->notes) : NULL;
	out->outcome = v->mode == MODE_NOT_HOME ? VO_NOT_HOME : VO_DECLINED;
	if (v->mode != MODE_CHECKLIST)
		return;
	out->items = xcalloc(v->nitems, sizeof *out->items);
	out->nitems = v->nitems;
	for (i = 0; i < v->nitems; i++) {
		st[i] = v->items[i].state;
		out->items[i].key = xstrdup(v->items[i].cfg->key);
		out->items[i].title = xstrdup(v->items[i].cfg->title);
		out->items[i].state = st[i];
		out->items[i].note = v->items[i].note.len > 0 ?
		    util_edit_text(&v->items[i].note) : NULL;
		out->items[i].referral = v->items[i].cfg->referral &&
		    st[i] == IS_DONE;
	}
	core_checklist_outcome(st, v->nitems, &out->outcome);
}

/* Say what was saved. */
static void
visit_saved(struct ui *ui, const struct visit *vis)
{
	struct household	h;

	memset(&h, 0, sizeof h);
	if (db_household_get(ui_db(ui), ui_who(ui), vis->household, &h) !=
	    DB_OK)
		ui_message(ui, "%s", _("Saved."));
	else if ((h.flags & FLAG_ATTEMPTS) && vis->outcome == VO_NOT_HOME)
		ui_message(ui, _("Saved. Nobody was home %d times: the "
		    "household is now on the secretariat's list."), h.attempts);
	else if ((vis->outcome == VO_NOT_HOME) && (h.state == HS_WELCOMED ||
	    h.state == HS_DECLINED))
		ui_message(ui, _("Saved: not home. The household stays %s."),
		    _(core_status_label(h.state)));
	else if (vis->outcome == VO_WELCOMED)
		ui_message(ui, "%s", _("Saved: the household is welcomed."));
	else if (vis->outcome == VO_PARTLY)
		ui_message(ui, "%s", _("Saved: partly welcomed; the household "
		    "is in the queue again on the day to come back."));
	else if (vis->outcome == VO_NOT_HOME)
		ui_message(ui, "%s", _("Saved: not home; the household is in "
		    "the queue again on the day to try again."));
	else
		ui_message(ui, "%s", _("Saved: declined; nobody will try "
		    "again."));
	db_household_clear(&h);
}

/* Check and save; UI_POP when saved. */
static int
visit_save(struct ui *ui, struct visit_scr *v, int later_for_unset)
{
	struct visit	vis;
	long		date, next;
	int		bad;

	if (!v->loaded)
		return 0;
	if (v->mode == MODE_CHECKLIST && v->nitems == 0) {
		ui_error(ui, "%s", _("There is no checklist to go through: "
		    "choose F3 (not home) or F4 (declined)."));
		return 0;
	}
	if (later_for_unset && v->mode == MODE_CHECKLIST)
		visit_propose_next(ui, v);	/* unset items become later */
	if ((bad = visit_check(v, later_for_unset, &date, &next)) > 0) {
		v->asking = 0;
		visit_focus_error(v);
		ui_error(ui, bad == 1 ? _("One thing needs a change; nothing "
		    "is saved yet.") : _("%d things need a change; nothing is "
		    "saved yet."), bad);
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
		if (v->items[i].state != IS_UNSET)
			return 1;
	return 0;
}

/* Keys while a note is being written. */
static int
visit_key_note(struct visit_scr *v, const struct ui_keypress *k)
{
	struct vitem	*it = visit_item_at(v);

	if (ui_key_action(k, note_actions) == ACT_KEEP ||
	    (!k->is_key && k->ch == 27)) {	/* Esc keeps the note too */
		v->noting = 0;
		if (it != NULL)
			it->error = NULL;
		return UI_REDRAW | UI_HANDLED;
	}
	if (it == NULL || !ui_edit_key(&it->note, k))
		return 0;
	v->dirty = 1;
	return UI_REDRAW | UI_HANDLED;
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

/* Keys on a checklist item. */
static int
visit_key_item(struct ui *ui, struct visit_scr *v, struct vitem *it,
    enum ui_action a)
{
	switch (a) {
	case ACT_ITEM_DONE:
		visit_set_item(ui, v, it, IS_DONE);
		break;
	case ACT_ITEM_NOT_RELEVANT:
		visit_set_item(ui, v, it, IS_NOT_RELEVANT);
		break;
	case ACT_ITEM_LATER:
		visit_set_item(ui, v, it, IS_LATER);
		break;
	case ACT_ITEM_NOTE:
		v->noting = 1;
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
	struct vitem		*it = visit_item_at(v);
	struct edit		*e;
	enum ui_action		 a;

	if (!v->loaded)		/* nothing to visit: only Esc works */
		return ui_key_action(k, back_actions) == ACT_BACK ?
		    UI_POP | UI_HANDLED : 0;
	if (v->asking)
		return visit_key_ask(ui, v, k);
	if (v->noting)
		return visit_key_note(v, k);
	a = ui_key_action(k, it != NULL ? item_actions : field_actions);
	if (it == NULL && !k->is_key && (a == ACT_NOT_HOME ||
	    a == ACT_DECLINED))
		a = ACT_NONE;	/* h and x are letters in a text field */
	if (it != NULL && visit_key_item(ui, v, it, a))
		return UI_REDRAW | UI_HANDLED;
	switch (a) {
	case ACT_SAVE:
		return UI_REDRAW | UI_HANDLED | visit_save(ui, v, 0);
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		visit_move(v, a == ACT_NEXT_FIELD ? 1 : -1);
		return UI_REDRAW | UI_HANDLED;
	case ACT_NOT_HOME:
	case ACT_DECLINED:
		visit_set_mode(ui, v, a == ACT_NOT_HOME ? MODE_NOT_HOME :
		    MODE_DECLINED);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		if (!v->dirty)
			return UI_POP | UI_HANDLED;
		v->asking = 1;
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	if (!k->is_key && (k->ch == '\n' || k->ch == '\r')) {
		visit_move(v, 1);	/* Enter in a text field: next */
		return UI_REDRAW | UI_HANDLED;
	}
	if ((e = visit_edit_at(v, v->focus)) == NULL || !ui_edit_key(e, k))
		return 0;
	v->dirty = 1;
	return UI_REDRAW | UI_HANDLED;
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
	    "text under the list says what to tell or show.\n\n"
	    "If one line is later, the visit is partly done: write the day "
	    "you come back. A line marked \xe2\x86\x92 secretariat passes "
	    "something to the secretariat: press d and write what. "
	    "Ambassadors welcome and inform; concerns go to the "
	    "secretariat.\n\n"
	    "Nobody home? Press F3 (or h on the checklist): the attempt is "
	    "saved with a day to try again (the configuration says how many "
	    "days later; 3 unless changed). They do not want a visit? Press "
	    "F4 (or x).\n\n"
	    "F2 saves the visit. Esc asks first whether to save what is set "
	    "or to leave without saving anything; nothing is ever saved "
	    "half."),
	.init = visit_init,
	.draw = visit_draw,
	.key = visit_key,
	.free = visit_free,
	.cursor = visit_cursor,
	.actions_now = visit_actions_now,
};
