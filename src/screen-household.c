/*
 * screen-household.c — one household: everything we know, who wrote it,
 * and the move-out prompt.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "person.h"
#include "ui.h"
#include "util.h"

struct hh_view {
	long			 id;
	struct household	 h;
	int			 loaded;
	int			 asking;	/* the move-out prompt is open */
	int			 deleting;	/* the delete question is open */
	struct edit		 date;
	const char		*date_error;
	int			 prompt_y, prompt_x;
	int			 skip;		/* lines scrolled away */
	int			 first, last;	/* screen rows for lines */
	int			 height;	/* lines in all */
	struct visit		*visits;	/* newest first */
	size_t			 nvisits;
	struct followup		*fus;		/* newest first */
	size_t			 nfus;
	struct consent		*consents;	/* by purpose, live first */
	size_t			 nconsents;
	int			 may_handle;	/* the role marks follow-ups */
	long			 erased_on;	/* its personal data was erased
						   that day, or DATE_NONE */
	enum erase_why		 erased_why;
};

static const enum ui_action view_actions[] = {
	ACT_VISIT, ACT_EDIT, ACT_CONSENT, ACT_MOVE_OUT, ACT_HANDLED,
	ACT_PERSON_COPY, ACT_DELETE, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN,
	ACT_PGUP, ACT_PGDN, ACT_NONE
};

/* The same without "followed up" and "delete", for roles that may not. */
static const enum ui_action view_actions_amb[] = {
	ACT_VISIT, ACT_EDIT, ACT_CONSENT, ACT_MOVE_OUT, ACT_BACK, ACT_HELP,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_NONE
};

#define VIEW_VISITS	200	/* the most visits shown */
static const enum ui_action prompt_actions[] = {
	ACT_CONFIRM, ACT_BACK, ACT_NONE
};
static const enum ui_action delete_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* (Re)read the household from the database. */
static void
view_load(struct ui *ui, struct hh_view *v)
{
	enum db_status	st;

	if (v->loaded)
		db_household_clear(&v->h);
	memset(&v->h, 0, sizeof v->h);
	st = db_household_get(ui_db(ui), ui_who(ui), v->id, &v->h);
	v->loaded = st == DB_OK;
	db_visits_free(v->visits, v->nvisits);
	v->visits = NULL;
	v->nvisits = 0;
	db_followups_free(v->fus, v->nfus);
	v->fus = NULL;
	v->nfus = 0;
	db_consents_free(v->consents, v->nconsents);
	v->consents = NULL;
	v->nconsents = 0;
	if (v->loaded)
		st = db_consent_list(ui_db(ui), ui_who(ui), v->id,
		    &v->consents, &v->nconsents);
	if (v->loaded && st == DB_OK)
		st = db_visit_list(ui_db(ui), ui_who(ui), v->id, NULL,
		    VIEW_VISITS, &v->visits, &v->nvisits);
	if (v->loaded && st == DB_OK)
		st = db_followup_list(ui_db(ui), ui_who(ui), v->id,
		    VIEW_VISITS, &v->fus, &v->nfus);
	if (v->loaded && st == DB_OK)
		st = db_household_erased(ui_db(ui), ui_who(ui), v->id,
		    &v->erased_on, &v->erased_why);
	if (st != DB_OK)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
}

static void *
view_init(struct ui *ui, void *arg)
{
	struct hh_view	*v = xcalloc(1, sizeof *v);

	v->id = (long)(intptr_t)arg;
	v->may_handle = core_may(ui_who(ui)->role, ACCESS_HANDLED);
	util_edit_init(&v->date, "", 10);
	view_load(ui, v);
	return v;
}

static void
view_resume(struct ui *ui, void *state)
{
	view_load(ui, state);
}

static void
view_free(void *state)
{
	struct hh_view	*v = state;

	if (v->loaded)
		db_household_clear(&v->h);
	db_visits_free(v->visits, v->nvisits);
	db_followups_free(v->fus, v->nfus);
	db_consents_free(v->consents, v->nconsents);
	util_edit_free(&v->date);
	free(v);
}

static const enum ui_action *
view_actions_now(void *state)
{
	struct hh_view	*v = state;

	if (v->asking)
		return prompt_actions;
	if (v->deleting)
		return delete_actions;
	return v->may_handle ? view_actions : view_actions_amb;
}

/* Line y of the household as "Label  value", drawn when it is in view
 * (scrolled by skip); a long value wraps onto the next lines.  Returns
 * the next free line. */
static int
view_line(struct ui *ui, struct hh_view *v, int y, const char *label,
    const char *value, enum ui_style st)
{
	const char	*p, *next;
	char		*part;
	size_t		 len;
	int		 row, w = ui_cols(ui) - 27;

	if (value == NULL || value[0] == '\0')
		value = "\xe2\x80\x94";
	for (p = value; *p != '\0'; p = next, y++, label = "") {
		len = ui_line_break(p, w, &next);
		row = v->first + y - v->skip;
		if (row < v->first || row > v->last)
			continue;
		part = xstrndup(p, len);
		ui_put(row, 2, label, 22, 1, STYLE_LABEL);
		ui_put(row, 25, part, w, 0, st);
		free(part);
	}
	return y;
}

/* The where and when of the household. */
static int
view_place(struct ui *ui, struct hh_view *v, int y)
{
	const struct conf	*c = ui_conf(ui);
	char			 d[11], *s;
	int			 dep;

	dep = cfg_department_find(c, v->h.department);
	y = view_line(ui, v, y, _("Department"), dep < 0 ? v->h.department :
	    c->departments[dep].name, STYLE_NORMAL);
	if (dep >= 0 && cfg_stairwell_find(c, dep, v->h.stairwell) < 0) {
		s = xasprintf(_("%s (not in the configuration)"),
		    v->h.stairwell);
		y = view_line(ui, v, y, _("Stairwell"), s, STYLE_ERROR);
		free(s);
	} else
		y = view_line(ui, v, y, _("Stairwell"), v->h.stairwell,
		    STYLE_NORMAL);
	y = view_line(ui, v, y, _("Flat"), v->h.flat, STYLE_NORMAL);
	y = view_line(ui, v, y, _("Moved in"), util_date_dk(v->h.moved_in, d),
	    STYLE_NORMAL);
	if (v->h.moved_out != DATE_NONE)
		y = view_line(ui, v, y, _("Moved out"),
		    util_date_dk(v->h.moved_out, d), STYLE_NORMAL);
	return y;
}

/* That the household's personal data was erased, when and why. */
static int
view_erased(struct ui *ui, struct hh_view *v, int y)
{
	char	 d[11], *s;

	if (v->erased_on == DATE_NONE)
		return y;
	s = xasprintf(v->erased_why == ERASE_PURGE ? _("on %s, by the "
	    "retention rules: the names, flat, contact data and notes are "
	    "gone") : _("on %s, on request: the names, flat, contact data "
	    "and notes are gone"), util_date_dk(v->erased_on, d));
	y = view_line(ui, v, y, _("Erased"), s, STYLE_DIM);
	free(s);
	return y;
}

/* An erased household is neither visited nor changed: say so. */
static int
view_refuse_erased(struct ui *ui, const struct hh_view *v)
{
	if (v->erased_on == DATE_NONE)
		return 0;
	ui_message(ui, "%s", _(db_erased_msg));
	return 1;
}

/* "not given: A · B" of the purposes without any consent (new), or
 * NULL when each has one; *none 1 when no purpose has any. */
static char *
view_consent_none(const struct hh_view *v, int *none)
{
	char	*s = NULL, *t, *text;
	int	 p, live, n = 0;

	for (p = 0; p < NCONSENT_PURPOSE; p++) {
		text = ui_consent_text(v->consents, v->nconsents, p, &live);
		if (live < 0) {
			t = xasprintf("%s%s%s", s != NULL ? s : "", s != NULL ?
			    " \xc2\xb7 " : "", _(core_consent_purpose_title(
			    (enum consent_purpose)p)));
			free(s);
			s = t;
			n++;
		}
		free(text);
	}
	*none = n == NCONSENT_PURPOSE;
	return s;
}

/*
 * What the household consented to, before the data that depends on it:
 * a line for each purpose given or withdrawn, and one line for those
 * never given (so that a household without any takes one line).
 */
static int
view_consent(struct ui *ui, struct hh_view *v, int y)
{
	char	*s, *label, *none;
	int	 p, live, all;

	if ((none = view_consent_none(v, &all)) != NULL && all)
		y = view_line(ui, v, y, _("Consent"), _("none given yet (c: "
		    "give one)"), STYLE_DIM);
	else if (none != NULL) {
		s = xasprintf(_("not given: %s"), none);
		y = view_line(ui, v, y, _("Consent"), s, STYLE_DIM);
		free(s);
	} else
		y = view_line(ui, v, y, _("Consent"), _("per purpose (c: give "
		    "or withdraw)"), STYLE_DIM);
	for (p = 0; p < NCONSENT_PURPOSE && !all; p++) {
		s = ui_consent_text(v->consents, v->nconsents, p, &live);
		if (live >= 0) {
			label = xasprintf("  %s", _(core_consent_purpose_title(
			    (enum consent_purpose)p)));
			y = view_line(ui, v, y, label, s, live > 0 ?
			    STYLE_NORMAL : STYLE_DIM);
			free(label);
		}
		free(s);
	}
	free(none);
	return y;
}

/* The people and what they agreed to. */
static int
view_people(struct ui *ui, struct hh_view *v, int y)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < v->h.nmembers; i++)
		y = view_line(ui, v, y, i == 0 ? _("Who lives there") : "",
		    v->h.members[i], STYLE_NORMAL);
	y = view_consent(ui, v, y);
	y = view_line(ui, v, y, _("Phone"), v->h.phone, STYLE_NORMAL);
	s = core_lang_names(v->h.languages, i18n_lang());
	y = view_line(ui, v, y, _("Languages"), s, STYLE_NORMAL);
	free(s);
	if (v->h.languages_other != NULL)
		y = view_line(ui, v, y, _("Not in the list"),
		    v->h.languages_other, STYLE_ERROR);
	y = view_line(ui, v, y, _("Interpreter needed"), v->h.interpreter ?
	    _("yes") : _("no"), STYLE_NORMAL);
	return view_line(ui, v, y, _("Notes"), v->h.notes, STYLE_NORMAL);
}

/* The active ambassadors who speak one language (a code), as "A, B";
 * new, or NULL when there are none. */
static char *
view_speakers(struct ui *ui, const char *language)
{
	struct ambassador_query	 q = { .language = language,
				    .status = AS_ACTIVE,
				    .today = util_today() };
	struct ambassador_row	*rows;
	size_t			 n, i;
	char			*s = NULL, *t;

	if (db_ambassador_list(ui_db(ui), ui_who(ui), &q, NULL, 6, &rows,
	    &n) != DB_OK)
		return NULL;
	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s != NULL ? s : "", s != NULL ? ", " :
		    "", i < 5 ? rows[i].name : "\xe2\x80\xa6");
		free(s);
		s = t;
	}
	db_ambassador_rows_free(rows, n);
	return s;
}

/*
 * Matching: for each language the household speaks (but Danish), the
 * active ambassadors who speak it too.
 */
static int
view_matching(struct ui *ui, struct hh_view *v, int y)
{
	char	*langs, *p, *code, *who, *line;

	if (v->h.languages == NULL)
		return y;
	langs = p = xstrdup(v->h.languages);
	while ((code = strsep(&p, ",")) != NULL) {
		if (code[0] != '\0' && strcmp(code, "da") != 0) {
			who = view_speakers(ui, code);
			line = xasprintf("%s: %s", core_lang_label(code,
			    i18n_lang()), who != NULL ? who :
			    core_may(ui_who(ui)->role, ACCESS_ALL_DEPARTMENTS) ?
			    _("no active ambassador speaks it") :
			    _("nobody in your departments speaks it; ask the "
			    "secretariat"));
			y = view_line(ui, v, y, _("Ambassadors speaking"), line,
			    who != NULL ? STYLE_NORMAL : STYLE_DIM);
			free(line);
			free(who);
		}
	}
	free(langs);
	return y;
}

/* 1 if the household was not reached in time (visits.stale_days) and
 * the secretariat has not dealt with it since. */
static int
view_not_reached(struct ui *ui, const struct hh_view *v)
{
	if (v->h.closed != FC_NONE)
		return 0;
	return core_not_reached(v->h.moved_in, v->h.moved_out, v->h.state,
	    v->h.handled_on, util_today(), ui_conf(ui)->welcome_days,
	    ui_conf(ui)->stale_days);
}

/* What the secretariat should know, when the household is on its list. */
static int
view_secretariat(struct ui *ui, struct hh_view *v, int y)
{
	const char	*why[3];
	char		*s, *late = NULL;
	int		 n = 0, stale = ui_conf(ui)->stale_days;

	if (v->h.closed != FC_NONE) {
		s = xasprintf(_("the case is closed: %s"),
		    _(core_followup_close_label(v->h.closed)));
		y = view_line(ui, v, y, _("For the secretariat"), s,
		    STYLE_DIM);
		free(s);
		return y;
	}
	if (view_not_reached(ui, v)) {
		late = xasprintf(P_("not reached in time: the welcome is more "
		    "than %d day overdue", "not reached in time: the welcome "
		    "is more than %d days overdue", stale), stale);
		why[n++] = late;
	}
	if (v->h.flags & FLAG_ATTEMPTS)
		why[n++] = _("not home too often: a letter or another way in");
	if (v->h.flags & FLAG_REFERRAL)
		why[n++] = _("an ambassador passed something on");
	if ((v->h.flags & FLAG_DECLINED) && n < 3)
		why[n++] = _("declined, with a note");
	if (n > 0) {
		s = xasprintf("%s%s%s%s%s", why[0], n > 1 ? "; " : "",
		    n > 1 ? why[1] : "", n > 2 ? "; " : "", n > 2 ? why[2] : "");
		y = view_line(ui, v, y, _("For the secretariat"), s,
		    STYLE_ERROR);
		free(s);
	}
	free(late);
	return y;
}

/* Where the welcome stands, and what the secretariat should know. */
static int
view_welcome(struct ui *ui, struct hh_view *v, int y)
{
	char	 d[11], *s;
	long	 od;

	od = core_overdue_days(v->h.moved_in, v->h.moved_out, v->h.state,
	    util_today(), ui_conf(ui)->welcome_days);
	s = xasprintf("%s%s%s%s", C_(core_status_label(v->h.state)),
	    v->h.next_date != DATE_NONE ? " \xc2\xb7 " : "",
	    v->h.next_date != DATE_NONE ? _("next visit ") : "",
	    v->h.next_date != DATE_NONE ? util_date_dk(v->h.next_date, d) :
	    "");
	y = view_line(ui, v, y, _("Welcome"), s, STYLE_NORMAL);
	free(s);
	if (od > 0) {
		s = xasprintf(P_("%ld day overdue", "%ld days overdue", od),
		    od);
		y = view_line(ui, v, y, "", s, STYLE_ERROR);
		free(s);
	}
	if (v->h.attempts > 0) {
		s = xasprintf(P_("nobody home %d time", "nobody home %d times",
		    v->h.attempts), v->h.attempts);
		y = view_line(ui, v, y, _("Not home"), s, STYLE_NORMAL);
		free(s);
	}
	return view_secretariat(ui, v, y);
}

/* One visit: date, outcome, who; then its items and notes. */
static int
view_visit(struct ui *ui, struct hh_view *v, int y, const struct visit *vis)
{
	char	 d[11], nd[11], *s;
	size_t	 i;

	s = xasprintf("%s \xc2\xb7 %s%s%s", _(core_outcome_label(
	    vis->outcome)), vis->ambassador, vis->next_date != DATE_NONE ?
	    _(" \xc2\xb7 come back ") : "", vis->next_date != DATE_NONE ?
	    util_date_dk(vis->next_date, nd) : "");
	y = view_line(ui, v, y, util_date_dk(vis->date, d), s, STYLE_NORMAL);
	free(s);
	for (i = 0; i < vis->nitems; i++) {
		s = xasprintf("  %s: %s%s%s%s", _(core_item_state_label(
		    vis->items[i].state)), i18n_text(vis->items[i].title,
		    vis->items[i].title_da),
		    vis->items[i].referral ? _(" \xe2\x86\x92 secretariat") :
		    "", vis->items[i].note != NULL ? " \xe2\x80\x94 " : "",
		    vis->items[i].note != NULL ? vis->items[i].note : "");
		y = view_line(ui, v, y, "", s, STYLE_DIM);
		free(s);
	}
	if (vis->notes != NULL) {
		s = xasprintf("  %s", vis->notes);
		y = view_line(ui, v, y, "", s, STYLE_DIM);
		free(s);
	}
	if (vis->story) {
		s = xasprintf(_("  \xe2\x98\x85 possible success story (yes: %s, "
		    "%s)"), vis->story_consent_by != NULL ?
		    vis->story_consent_by : "", util_date_dk(
		    vis->story_consent_on, d));
		y = view_line(ui, v, y, "", s, STYLE_NORMAL);
		free(s);
	}
	return y;
}

/* One follow-up by the secretariat: date, what, who, closed; its note. */
static int
view_followup(struct ui *ui, struct hh_view *v, int y,
    const struct followup *f)
{
	char	 d[11], *s;

	s = xasprintf(_("follow-up: %s \xc2\xb7 %s%s%s"),
	    _(core_followup_action_label(f->action)), f->login,
	    f->closes != FC_NONE ? _(" \xc2\xb7 closes the case: ") : "",
	    f->closes != FC_NONE ? _(core_followup_close_label(f->closes)) :
	    "");
	y = view_line(ui, v, y, util_date_dk(f->date, d), s, STYLE_NORMAL);
	free(s);
	if (f->note != NULL) {
		s = xasprintf("  %s", f->note);
		y = view_line(ui, v, y, "", s, STYLE_DIM);
		free(s);
	}
	return y;
}

/* Every visit and follow-up, newest first (a follow-up before the visits
 * of its day). */
static int
view_visits(struct ui *ui, struct hh_view *v, int y)
{
	size_t	i = 0, j = 0;

	if (v->nvisits == 0 && v->nfus == 0)
		return view_line(ui, v, y, _("Visits"), _("none yet: press v "
		    "to start one"), STYLE_DIM);
	y = view_line(ui, v, y, _("Visits"), _("newest first"), STYLE_DIM);
	while (i < v->nvisits || j < v->nfus) {
		if (j < v->nfus && (i == v->nvisits ||
		    v->fus[j].date >= v->visits[i].date))
			y = view_followup(ui, v, y, &v->fus[j++]);
		else
			y = view_visit(ui, v, y, &v->visits[i++]);
	}
	return y;
}

/* A stored time (UTC) in local time the Danish way: "28.11.2026 11:12". */
static void
view_stamp(const char *utc, char out[32])
{
	if (utc == NULL)
		snprintf(out, 32, "?");
	else
		util_time_local(utc, 0, out);
}

/* The question before a household is deleted, at row y. */
static void
view_draw_delete(struct ui *ui, const struct hh_view *v, int y)
{
	char	*s;

	if (v->nvisits == 0)
		s = xasprintf(_("Delete household %ld? It has no visits. This "
		    "cannot be undone. y/n"), v->id);
	else
		s = xasprintf(P_("Delete household %ld and its %zu visit? "
		    "This cannot be undone. y/n", "Delete household %ld and "
		    "its %zu visits? This cannot be undone. y/n", v->nvisits),
		    v->id, v->nvisits);
	ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, s, STYLE_ERROR);
	free(s);
}

static void
view_draw(struct ui *ui, void *state)
{
	struct hh_view		*v = state;
	enum household_status	 st;
	char			*s, made[32], changed[32];
	int			 y = ui_body_top(ui) + 1;

	if (!v->loaded)
		return;
	st = core_household_status(v->h.moved_out, v->h.state,
	    util_today());
	s = xasprintf(_("Household %ld \xc2\xb7 %s"), v->h.id,
	    C_(core_status_label(st)));
	ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(s);
	v->first = y + 2;
	v->last = ui_body_top(ui) + ui_body_rows(ui) - 1 -
	    (v->asking || v->deleting ? 3 : 0);
	y = view_people(ui, v, view_erased(ui, v, view_place(ui, v, 0) +
	    1)) + 1;
	y = view_visits(ui, v, view_welcome(ui, v, view_matching(ui, v,
	    y))) + 1;
	view_stamp(v->h.created_at, made);
	s = xasprintf(_("%s by %s"), made, v->h.created_by);
	y = view_line(ui, v, y, _("Registered"), s, STYLE_DIM);
	free(s);
	view_stamp(v->h.updated_at, changed);
	s = xasprintf(_("%s by %s"), changed, v->h.updated_by);
	v->height = view_line(ui, v, y, _("Last changed"), s, STYLE_DIM);
	free(s);
	if (v->height - v->skip > v->last - v->first + 1)
		ui_put(v->last, ui_cols(ui) - 12, _("\xe2\x86\x93 more"), 10, 0,
		    STYLE_DIM);
	if (v->deleting)
		view_draw_delete(ui, v, v->last + 2);
	if (!v->asking)
		return;
	y = v->last + 2;
	ui_put(y, 2, _("Moved out on (empty = did not move out):"), 42, 0,
	    STYLE_LABEL);
	v->prompt_y = y;
	v->prompt_x = ui_put_edit(y, 45, &v->date, 12, STYLE_FIELD_FOCUS);
	if (v->date_error != NULL)
		ui_put(y + 1, 4, _(v->date_error), ui_cols(ui) - 6, 0,
		    STYLE_ERROR);
}

static int
view_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct hh_view	*v = state;

	(void)ui;
	if (!v->asking)
		return -1;
	*y = v->prompt_y;
	*x = v->prompt_x;
	return 0;
}

/* Check the typed move-out date and save it. */
static void
view_save_move_out(struct ui *ui, struct hh_view *v)
{
	char		*text = util_edit_text(&v->date), d[11];
	long		 day = DATE_NONE;
	enum date_err	 de;

	v->date_error = NULL;
	de = util_date_parse(text, &day);
	free(text);
	if (de != DATE_OK && de != DATE_EMPTY) {
		v->date_error = util_date_errstr(de);
		return;
	}
	if (de == DATE_EMPTY)
		day = DATE_NONE;
	if (day != DATE_NONE && (v->date_error = core_check_move_dates(
	    v->h.moved_in, day, util_today())) != NULL)
		return;
	if (db_household_move_out(ui_db(ui), ui_who(ui), v->id, day) !=
	    DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	v->asking = 0;
	if (day == DATE_NONE)
		ui_message(ui, "%s", _("Saved: the household lives here."));
	else if (day > util_today())
		ui_message(ui, _("Saved: the household moves out on %s."),
		    util_date_dk(day, d));
	else
		ui_message(ui, "%s", _("Saved: the household has moved out."));
	view_load(ui, v);
}

/* Scroll the lines by one or by a page, within what there is. */
static int
view_scroll(struct hh_view *v, enum ui_action a)
{
	int	page = v->last - v->first + 1;

	if (a == ACT_UP || a == ACT_PGUP)
		v->skip -= a == ACT_UP ? 1 : page;
	else
		v->skip += a == ACT_DOWN ? 1 : page;
	if (v->skip > v->height - page)
		v->skip = v->height - page;
	if (v->skip < 0)
		v->skip = 0;
	return UI_REDRAW | UI_HANDLED;
}

/* Keys of the move-out prompt. */
static int
view_key_prompt(struct ui *ui, struct hh_view *v, const struct ui_keypress *k)
{
	switch (ui_key_action(k, prompt_actions)) {
	case ACT_CONFIRM:
		view_save_move_out(ui, v);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		v->asking = 0;
		v->date_error = NULL;
		return UI_REDRAW | UI_HANDLED;
	default:
		return ui_edit_key(&v->date, k) ? UI_REDRAW | UI_HANDLED : 0;
	}
}

/* D: ask before deleting; an ambassador is told why not. */
static void
view_ask_delete(struct ui *ui, struct hh_view *v)
{
	if (!core_may(ui_who(ui)->role, ACCESS_DELETE)) {
		ui_message(ui, "%s", _("Only the secretariat can delete a "
		    "household. If it was registered by mistake, tell the "
		    "secretariat its number; you can correct it with e."));
		return;
	}
	v->deleting = 1;
}

/* y: delete the household and its visits, and close the screen. */
static int
view_delete(struct ui *ui, struct hh_view *v)
{
	long	 n;

	v->deleting = 0;
	if (db_household_delete(ui_db(ui), ui_who(ui), v->id, v->h.version,
	    &n) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		view_load(ui, v);
		return UI_REDRAW | UI_HANDLED;
	}
	if (n == 0)
		ui_message(ui, _("Household %ld is deleted."), v->id);
	else
		ui_message(ui, P_("Household %ld and its %ld visit are "
		    "deleted.", "Household %ld and its %ld visits are deleted.",
		    n), v->id, n);
	return UI_POP | UI_REDRAW | UI_HANDLED;
}

/* E: everything held about the household into two new files in the
 * home folder, for a resident's request; the secretariat only (an
 * ambassador is not offered the key, and it does nothing for one). */
static int
view_copy(struct ui *ui, struct hh_view *v)
{
	const char	*home = getenv("HOME");
	char		*txt, *json, *dir, err[600];

	if (!core_may(ui_who(ui)->role, ACCESS_EXPORT))
		return 0;
	if (home == NULL || *home == '\0')
		home = ".";
	if (export_person_files(ui_db(ui), ui_who(ui), ui_conf(ui), v->id,
	    home, &txt, &json, err, sizeof err) != 0) {
		ui_error(ui, "%s", err);
		return UI_REDRAW | UI_HANDLED;
	}
	dir = util_dirname(txt);
	ui_message(ui, _("The copy of household %ld is in the folder %s: %s "
	    "and %s."), v->id, dir, strrchr(txt, '/') + 1,
	    strrchr(json, '/') + 1);
	free(dir);
	free(txt);
	free(json);
	return UI_REDRAW | UI_HANDLED;
}

/* Keys of the delete question: only y, n and Esc. */
static int
view_key_delete(struct ui *ui, struct hh_view *v, const struct ui_keypress *k)
{
	switch (ui_key_action(k, delete_actions)) {
	case ACT_YES:
		return view_delete(ui, v);
	case ACT_NO:
	case ACT_BACK:
		v->deleting = 0;
		ui_message(ui, "%s", _("Nothing was deleted."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_HANDLED;
	}
}

static int
view_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct hh_view	*v = state;
	char		 d[11];

	if (v->asking)
		return view_key_prompt(ui, v, k);
	if (v->deleting)
		return view_key_delete(ui, v, k);
	if (!v->loaded)
		return 0;
	switch (ui_key_action(k, view_actions)) {
	case ACT_VISIT:
		if (!view_refuse_erased(ui, v))
			ui_push(ui, &screen_visit, (void *)(intptr_t)v->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_HANDLED:
		if (!v->may_handle) {
			ui_message(ui, "%s", _("Only the secretariat records "
			    "a follow-up."));
			return UI_REDRAW | UI_HANDLED;
		}
		ui_push(ui, &screen_followup, (void *)(intptr_t)v->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		view_ask_delete(ui, v);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PERSON_COPY:
		return view_copy(ui, v);
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
		return view_scroll(v, ui_key_action(k, view_actions));
	case ACT_EDIT:
		if (!view_refuse_erased(ui, v))
			ui_push(ui, &screen_household_form,
			    (void *)(intptr_t)v->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_CONSENT:
		if (!view_refuse_erased(ui, v))
			ui_push(ui, &screen_consent, (void *)(intptr_t)v->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_MOVE_OUT:
		v->asking = 1;
		util_edit_set(&v->date, util_date_dk(v->h.moved_out !=
		    DATE_NONE ? v->h.moved_out : util_today(), d));
		util_edit_end(&v->date);
		return UI_REDRAW | UI_HANDLED;
	default:
		return 0;
	}
}

const struct screen screen_household = {
	.name = "household",
	.title = N_("Household"),
	.actions = view_actions,
	.help = N_("Everything the register holds about this household, "
	    "where its welcome stands, and every visit with its checklist and "
	    "notes, newest first. When it does not all fit, \xe2\x86\x91 and "
	    "\xe2\x86\x93 scroll.\n\n"
	    "Press v to start a welcome visit. The secretariat presses f to "
	    "record what it did for a household on its list (also one that "
	    "was not reached in time): a letter, a call, a visit, the estate "
	    "office, with a note, and whether that closes the case. Its "
	    "follow-ups show among the visits.\n\n"
	    "Before the data that depends on it, the household's consent "
	    "shows purpose by purpose; press c to give a consent or to "
	    "withdraw one.\n\n"
	    "Press e to change it. When the household moves out, press m and "
	    "write the date (today is filled in); clear the date to undo a "
	    "move-out recorded by mistake.\n\n"
	    "A household registered by mistake (twice, or one that never "
	    "moved in) can be deleted by the secretariat with D: it asks "
	    "first, then deletes the household and all its visits for good. "
	    "The audit trail keeps only its number."),
	.init = view_init,
	.draw = view_draw,
	.key = view_key,
	.resume = view_resume,
	.free = view_free,
	.cursor = view_cursor,
	.actions_now = view_actions_now,
};
