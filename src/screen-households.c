/*
 * screen-households.c — the move-in register as a list (newest move-in
 * first or by name in Danish order), the queue of who to visit, the
 * overdue welcomes and what needs the secretariat, each with
 * search-as-you-type.  Rows are fetched a window at a time (keyset
 * paging both ways, ui-window.c), never the whole table; the list widget
 * (ui-list.c) draws them and moves the selection.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define HH_WINDOW	20	/* rows fetched at a time, or what the list shows */
#define HH_KEEP		300	/* most rows held at once */

/* What a column shows. */
enum hh_col {
	COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT, COL_STATUS,
	COL_DAYS, COL_OVERDUE, COL_ATTEMPTS, COL_LANG, COL_REASON, COL_PLACE
};

/* What a list shows: the register, a queue, the overdue, follow-ups. */
struct hh_mode {
	enum household_filter	 filter;
	enum household_order	 order;		/* the first order */
	int			 can_order;	/* o switches newest / name */
	int			 by_place;	/* d and s choose the place */
	const enum hh_col	*ids;		/* what each column shows */
	const struct ui_column	*cols;
	int			 ncols;
	const enum ui_action	*actions;
	const char		*empty;		/* nothing to list (N_()) */
};

/* Which pick list is open. */
enum hh_picking { PICKING_DEPT, PICKING_STAIR, PICKING_REASON };

struct hh_list {
	const struct hh_mode	*mode;
	int			 dept;		/* by_place: index, or -1: all */
	char			*stair;		/* by_place: a name, or NULL */
	int			 reason;	/* the desk: core_reason_flag()'s
						   index, 0: every reason */
	int			 from_desk;	/* opened from the desk's
						   overview: o goes back */
	enum hh_picking		 picking;
	const char		**pick;		/* items of the pick list */
	struct ambassador_row	*ambs;		/* behind an ambassador pick */
	size_t			 nambs;
	char			*amb;		/* whose queue, or NULL */
	char			*stairs[AMBASSADOR_MAX_STAIRWELLS];
	size_t			 nstairs;
	enum household_order	 order;
	struct ui_window	 w;		/* struct household_row */
	struct ui_list		 list;
	long			 count;
	int			 exact;		/* count is exact, not capped */
	int			 count_due;	/* not counted yet (hh_later) */
	int			 asked;		/* exact by c (hh_count_exact) */
	struct db_stamp		 asked_at;	/* the file then */
	enum ui_action		 now[48];	/* the keys now (hh_actions_now) */
	long			 elsewhere;	/* none here: how many of the
						   register match, or 0 */
	char			*search;	/* what rows were fetched for */
	char			**words;	/* its words (search keys) */
	size_t			 nwords;
	char			*info;		/* drawn beside the search */
	const enum ui_action	*actions;	/* the mode's, or fewer for
						   this role */
	char			*empty;		/* drawn when there are none */
};

static const enum ui_action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEW, ACT_ORDER, ACT_VISIT, ACT_IMPORT,
	ACT_EXPORT, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_FIRST, ACT_LAST, ACT_NONE
};
/* The same for those who may not import nor export (an ambassador). */
static const enum ui_action list_actions_own[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEW, ACT_ORDER, ACT_VISIT, ACT_BACK,
	ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST,
	ACT_NONE
};
static const enum ui_action queue_actions[] = {
	ACT_VISIT, ACT_OPEN, ACT_PICK_AMBASSADOR, ACT_PICK_DEPT,
	ACT_PICK_STAIR, ACT_SEARCH, ACT_IN_REGISTER, ACT_BACK, ACT_HELP,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action report_actions[] = {
	ACT_OPEN, ACT_VISIT, ACT_PICK_DEPT, ACT_SEARCH, ACT_IN_REGISTER,
	ACT_EXPORT, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action report_actions_own[] = {
	ACT_OPEN, ACT_VISIT, ACT_PICK_DEPT, ACT_SEARCH, ACT_IN_REGISTER,
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST,
	ACT_LAST, ACT_NONE
};
/* The secretariat's list: the report's keys, a reason, the overview
 * (what does not fit beside Esc and F1 in 80 columns is in help). */
static const enum ui_action desk_actions[] = {
	ACT_OPEN, ACT_VISIT, ACT_PICK_DEPT, ACT_PICK_REASON, ACT_DESK,
	ACT_EXPORT, ACT_SEARCH, ACT_IN_REGISTER, ACT_BACK, ACT_HELP, ACT_UP,
	ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
/* The same for those who may not see the overview (db_desk). */
static const enum ui_action desk_actions_own[] = {
	ACT_OPEN, ACT_VISIT, ACT_PICK_DEPT, ACT_PICK_REASON, ACT_SEARCH,
	ACT_IN_REGISTER, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP,
	ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};

/* 1 if the list shows why a household needs the secretariat. */
static int
hh_shows_reason(const struct hh_mode *mode)
{
	int	i;

	for (i = 0; i < mode->ncols; i++)
		if (mode->ids[i] == COL_REASON)
			return 1;
	return 0;
}

/* The query of the list as it stands. */
static void
hh_make_query(struct ui *ui, const struct hh_list *l,
    struct household_query *q)
{
	const struct conf	*c = ui_conf(ui);

	memset(q, 0, sizeof *q);
	/* A list without the reason column reads no visit per row for
	 * its note. */
	q->no_why = !hh_shows_reason(l->mode);
	q->order = l->order;
	q->search = l->search;
	q->filter = l->mode->filter;
	q->today = util_today();
	q->deadline = c->welcome_days;
	q->stale_days = c->stale_days;
	if (l->mode->filter == FILTER_FLAGGED && l->reason != 0)
		q->reason = core_reason_flag(l->reason);
	if (l->dept >= 0) {
		q->department = c->departments[l->dept].key;
		q->stairwell = l->stair;
	}
	q->stairwells = (const char *const *)l->stairs;
	q->nstairwells = l->nstairs;
}

/* Forget whose queue it is. */
static void
hh_no_ambassador(struct hh_list *l)
{
	size_t	i;

	for (i = 0; i < l->nstairs; i++)
		free(l->stairs[i]);
	l->nstairs = 0;
	free(l->amb);
	l->amb = NULL;
}

/* The window's query: up to want rows after (backward: before) cursor. */
static int
hh_query(struct ui *ui, void *ctx, const void *cursor, int backward,
    size_t want, void **rows, size_t *n, char **why)
{
	struct hh_list		*l = ctx;
	struct household_query	 q;
	struct household_row	*got;

	hh_make_query(ui, l, &q);
	q.backward = backward;
	if (db_household_list(ui_db(ui), ui_who(ui), &q, cursor, want, &got,
	    n) != DB_OK) {
		*why = xstrdup(_(db_errmsg(ui_db(ui))));
		return -1;
	}
	*rows = got;
	return 0;
}

/* Free what one row of the window owns. */
static void
hh_row_clear(void *row)
{
	db_household_row_clear(row);
}

/* 1 if the list is narrower than the register: a queue, a report, or
 * one place. */
static int
hh_narrowed(const struct hh_list *l)
{
	return l->mode->filter != FILTER_ALL || l->dept >= 0 ||
	    l->nstairs > 0;
}

/* A search that finds nothing in a narrower list: how many of the whole
 * register it finds (up to DB_COUNT_CAP), into elsewhere. */
static void
hh_count_elsewhere(struct ui *ui, struct hh_list *l)
{
	struct household_query	q;

	l->elsewhere = 0;
	if (l->count != 0 || l->search[0] == '\0' || !hh_narrowed(l))
		return;
	memset(&q, 0, sizeof q);
	q.search = l->search;
	q.today = util_today();
	if (db_household_count_upto(ui_db(ui), ui_who(ui), &q, DB_COUNT_CAP,
	    &l->elsewhere) != DB_OK)
		l->elsewhere = 0;
}

/* Count the list; when a search finds nothing in a narrower list, count
 * what it finds in the whole register.  Both stop at DB_COUNT_CAP
 * ("1,000+"; the whole register is exact), so that a keystroke costs
 * the same at any size. */
static void
hh_count(struct ui *ui, struct hh_list *l)
{
	struct household_query	q;

	hh_make_query(ui, l, &q);
	if (db_household_count_upto(ui_db(ui), ui_who(ui), &q, DB_COUNT_CAP,
	    &l->count) != DB_OK)
		l->count = -1;
	l->exact = 0;
	l->count_due = 0;
	l->asked = 0;
	hh_count_elsewhere(ui, l);
}

/* The rows were fetched (read: without an error): when the window holds
 * the whole list, they are its count; else it is counted later. */
static void
hh_count_rows(struct ui *ui, struct hh_list *l, int read)
{
	l->exact = 0;
	l->asked = 0;
	l->elsewhere = 0;
	l->count_due = !read || !l->w.at_start || !l->w.at_end;
	if (l->count_due)
		return;
	l->count = (long)l->w.n;
	l->exact = 1;
	hh_count_elsewhere(ui, l);
}

/*
 * Start the list again from the start for the search and order.  The
 * first rows are fetched first: when they are the whole list, they are
 * its count too; else the count waits until the rows are drawn and no
 * key is waiting (hh_later), so that a keystroke's rows show without
 * waiting for the count, and typing on skips it.
 */
static void
hh_reload(struct ui *ui, struct hh_list *l)
{
	hh_count_rows(ui, l, ui_window_reload(ui, &l->w, 0) == 0);
}

/* After a frame, when no key waits: the count hh_count_rows left (after
 * a reload, or the refresh of hh_resume). */
static int
hh_later(struct ui *ui, void *state)
{
	struct hh_list	*l = state;

	if (!l->count_due || ui_key_waiting(ui))
		return 0;
	hh_count(ui, l);
	return 1;
}

/* Keep the search text and its words. */
static void
hh_set_search(struct hh_list *l, const char *text)
{
	free(l->search);
	l->search = xstrdup(text);
	core_words_free(l->words, l->nwords);
	l->nwords = core_search_words(text, &l->words);
}

/* The search changed: fetch again. */
static void
hh_searched(struct ui *ui, void *ctx, const char *text)
{
	struct hh_list	*l = ctx;

	hh_set_search(l, text);
	hh_reload(ui, l);
}

/* Enter or a double click: open the household. */
static int
hh_open_row(struct ui *ui, void *ctx, const void *row)
{
	(void)ctx;
	ui_push(ui, &screen_household, (void *)(intptr_t)
	    ((const struct household_row *)row)->id);
	return UI_REDRAW | UI_HANDLED;
}

/* The department's whole name, or (short) its short name; its key if
 * the configuration has no such department. */
static const char *
hh_department(struct ui *ui, const char *key, int short_name)
{
	const struct cfg_department	*d;
	int				 i;

	if ((i = cfg_department_find(ui_conf(ui), key)) < 0)
		return key;
	d = &ui_conf(ui)->departments[i];
	return short_name ? d->shortname : d->name;
}

/* Why a household needs the secretariat, in a few words. */
static const char *
hh_reason(const struct household_row *r, char *buf, size_t len)
{
	const char	*why = core_flags_reason(r->flags);
	int		 o;

	/* A format: most reasons count the times nobody was home. */
	o = snprintf(buf, len, why[0] != '\0' ? _(why) : "", r->attempts);
	/* What the ambassador wrote, when something was passed on or
	 * declined. */
	if (r->why_note != NULL && o >= 0 && (size_t)o < len)
		snprintf(buf + o, len - (size_t)o, ": %s", r->why_note);
	return buf;
}

/* The names with the member the search found first. */
static const char *
hh_names(const struct hh_list *l, const char *names, int cols, char *buf,
    size_t len)
{
	const char	*p = names, *end;
	size_t		 i, first;
	int		 o;

	if (cols == 0 || l->nwords == 0 || names == NULL ||
	    (first = core_names_match(names, l->words, l->nwords)) == 0)
		return names;	/* measuring: the order keeps the width */
	for (i = 0; i < first && (p = strstr(p, "; ")) != NULL; i++)
		p += 2;
	if (p == NULL)
		return names;
	end = strstr(p, "; ");
	o = snprintf(buf, len, "%.*s", end != NULL ? (int)(end - p) :
	    (int)strlen(p), p);
	/* then the others, in their order */
	if (o < 0 || (size_t)o >= len || (size_t)snprintf(buf + o,
	    len - (size_t)o, "; %.*s%s%s", (int)(p - 2 - names), names,
	    end != NULL ? "; " : "", end != NULL ? end + 2 : "") >=
	    len - (size_t)o)
		return names;	/* too long to turn round whole */
	return buf;
}

/* The languages (by name in the screen's language), and whether an
 * interpreter is needed. */
static const char *
hh_languages(const struct household_row *r, char *buf, size_t len)
{
	char	*names = core_lang_names(r->languages, i18n_lang());

	snprintf(buf, len, "%s%s%s", r->interpreter ? _("Interpreter") : "",
	    r->interpreter && names[0] != '\0' ? ": " : "", names);
	free(names);
	return buf;
}

/* The text of a cell. */
static const char *
hh_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	struct hh_list			*l = ctx;
	const struct household_row	*r = c->row;
	long				 today = util_today();
	int				 days;

	switch (l->mode->ids[c->col]) {
	case COL_MOVED_IN:
		return util_date_dk(r->moved_in, c->buf);
	case COL_NAMES:
		/* Every household has a member, but one erased. */
		if (r->names == NULL || r->names[0] == '\0')
			return _("(erased)");
		return hh_names(l, r->names, c->cols, c->buf, sizeof c->buf);
	case COL_DEPT:
		return hh_department(ui, r->department, c->cut);
	case COL_STAIR:
		return r->stairwell;
	case COL_FLAT:
		return r->flat;
	case COL_STATUS:
		return C_(core_status_label(core_household_status(r->moved_out,
		    r->state, today)));
	case COL_DAYS:
		days = (int)core_overdue_days(r->moved_in, r->moved_out,
		    r->state, today, ui_conf(ui)->welcome_days);
		snprintf(c->buf, sizeof c->buf, "%ld%s", today - r->moved_in,
		    days > 0 ? "!" : "");
		return c->buf;
	case COL_OVERDUE:
		snprintf(c->buf, sizeof c->buf, "%ld", core_overdue_days(
		    r->moved_in, r->moved_out, r->state, today,
		    ui_conf(ui)->welcome_days));
		return c->buf;
	case COL_ATTEMPTS:
		if (r->attempts == 0)
			return "";
		snprintf(c->buf, sizeof c->buf, "%d\xc3\x97", r->attempts);
		return c->buf;
	case COL_LANG:
		return hh_languages(r, c->buf, sizeof c->buf);
	case COL_REASON:
		return hh_reason(r, c->buf, sizeof c->buf);
	case COL_PLACE:
		snprintf(c->buf, sizeof c->buf, "%s, %s, %s", r->flat,
		    r->stairwell, hh_department(ui, r->department, 1));
		return c->buf;
	}
	return "";
}

/* A household that has moved out is dimmed. */
static enum ui_style
hh_row_style(struct ui *ui, void *ctx, const void *row)
{
	const struct household_row	*r = row;

	(void)ui;
	(void)ctx;
	return core_household_status(r->moved_out, r->state, util_today()) ==
	    HS_MOVED_OUT ? STYLE_DIM : STYLE_NORMAL;
}

/* Set up a list of the given kind (fetched by hh_reload); search: the
 * text to start with and type on (NULL: none, the list has the keys). */
static struct hh_list *
hh_open(const struct hh_mode *mode, const char *search)
{
	struct hh_list	*l = xcalloc(1, sizeof *l);

	l->mode = mode;
	l->dept = -1;
	l->order = mode->order;
	l->w.size = sizeof (struct household_row);
	/* About a screenful: a search keystroke at a million households
	 * walks the order until it has them.  On a taller terminal the list
	 * asks for as many as it shows (ui_list_draw). */
	l->w.fetch = HH_WINDOW;
	l->w.keep = HH_KEEP;
	l->w.query = hh_query;
	l->w.clear = hh_row_clear;
	l->w.ctx = l;
	l->list.cols = mode->cols;
	l->list.ncols = mode->ncols;
	l->list.w = &l->w;
	l->list.searchable = 1;
	l->list.cell = hh_cell;
	l->list.style = hh_row_style;
	l->list.open = hh_open_row;
	l->list.search = hh_searched;
	l->list.ctx = l;
	ui_list_init(&l->list);
	ui_list_set_search(&l->list, search, search != NULL);
	hh_set_search(l, search != NULL ? search : "");
	return l;
}

/* Back from a household or the form: fetch the rows again where they
 * are, so that changes show and the place is kept; the count comes as
 * after a search (hh_count_rows), but a count asked for with c stays
 * while nothing was written to the file since. */
static void
hh_resume(struct ui *ui, void *state)
{
	struct hh_list	*l = state;
	int		 read = ui_window_refresh(ui, &l->w) == 0;

	if (!read)
		ui_error(ui, _("%s The list may not show the latest changes."),
		    l->w.error);
	if (read && l->asked && db_stamp_unchanged(ui_db(ui), &l->asked_at))
		return;
	hh_count_rows(ui, l, read);
}

/* Close the list. */
static void
hh_free(void *state)
{
	struct hh_list	*l = state;

	ui_window_clear(&l->w);
	ui_list_free(&l->list);
	free(l->search);
	core_words_free(l->words, l->nwords);
	free(l->stair);
	free(l->pick);
	free(l->info);
	free(l->empty);
	hh_no_ambassador(l);
	db_ambassador_rows_free(l->ambs, l->nambs);
	free(l);
}

/* The list's own keys: the mode's, or fewer for this role. */
static const enum ui_action *
hh_actions_mine(const struct hh_list *l)
{
	return l->actions != NULL ? l->actions : l->mode->actions;
}

/*
 * The keys now: the search line's while typing; while the count says
 * "1,000+", c (count exactly) too: in the place of r when nothing is
 * searched (r searches the register for what is typed, and still works),
 * else before Esc, so that the line keeps Esc and F1 in 80 columns.
 */
static const enum ui_action *
hh_actions_now(void *state)
{
	struct hh_list		*l = state;
	const enum ui_action	*base, *mine = hh_actions_mine(l);
	size_t			 i, n = 0;
	int			 put = 0;

	base = ui_list_actions(&l->list, mine);
	if (base != mine || l->exact || l->count_due ||
	    l->count != DB_COUNT_CAP)
		return base;
	for (i = 0; base[i] != ACT_NONE && n + 2 < sizeof l->now /
	    sizeof l->now[0]; i++) {
		if (!put && (base[i] == ACT_BACK || (base[i] ==
		    ACT_IN_REGISTER && l->search[0] == '\0'))) {
			l->now[n++] = ACT_EXACT_COUNT;
			put = 1;
			if (base[i] == ACT_IN_REGISTER)
				continue;
		}
		l->now[n++] = base[i];
	}
	l->now[n] = ACT_NONE;
	return l->now;
}

/* Count the list exactly, where it said "1,000+": the message says so
 * first, as it may take a second on a large register. */
static void
hh_count_exact(struct ui *ui, struct hh_list *l)
{
	struct household_query	q;
	long			n;

	if (l->exact || l->count_due || l->count != DB_COUNT_CAP)
		return;
	ui_message(ui, "%s", _("Counting the households of this list\xe2\x80\xa6"));
	ui_draw_now(ui);
	hh_make_query(ui, l, &q);
	if (db_household_count(ui_db(ui), ui_who(ui), &q, &n) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	l->count = n;
	l->exact = 1;
	l->asked = 1;
	db_stamp(ui_db(ui), &l->asked_at);
	ui_message(ui, "%s", "");
}

/* What is listed and how many, beside the search field (new string). */
static char *
hh_info(struct ui *ui, const struct hh_list *l)
{
	const struct conf	*c = ui_conf(ui);
	char			*info, *place, n[32];

	if (l->amb != NULL)
		place = xasprintf(_("%s's stairwells"), l->amb);
	else if (l->reason != 0)	/* the desk: one reason */
		place = xasprintf("%s%s%s", l->dept < 0 ? "" :
		    c->departments[l->dept].name, l->dept < 0 ? "" :
		    " \xc2\xb7 ", _(core_reason_label(l->reason)));
	else if (l->mode->by_place)
		place = xasprintf("%s%s%s", l->dept < 0 ?
		    _("all departments") : c->departments[l->dept].name,
		    l->stair != NULL ? ", " : "",
		    l->stair != NULL ? l->stair : "");
	else
		place = xstrdup(l->order == ORDER_NEWEST ?
		    _("newest move-in first") : l->order == ORDER_NAME ?
		    _("by name") : _("longest waiting first"));
	if (l->count_due) {	/* counted when the rows are drawn */
		info = xasprintf("%s \xc2\xb7 \xe2\x80\xa6", place);
		free(place);
		return info;
	}
	if (l->count < 0)	/* could not be counted */
		return place;
	info = xasprintf(P_("%s \xc2\xb7 %s household",
	    "%s \xc2\xb7 %s households", l->count), place,
	    i18n_count(l->count, l->exact ? 0 : DB_COUNT_CAP, n, sizeof n));
	free(place);
	return info;
}

/* What to say when no row is there (new string). */
static char *
hh_empty(const struct hh_list *l)
{
	const char	*more;
	char		 n[32];

	if (l->search[0] == '\0')
		return xstrdup(_(l->mode->empty));
	if (l->elsewhere <= 0)
		return xstrdup(_("Nobody's name starts with that. Check the "
		    "spelling, or type fewer letters."));
	more = l->list.searching ? _("Press Enter, then r to search the "
	    "whole register.") : _("Press r to search the whole register.");
	i18n_count(l->elsewhere, DB_COUNT_CAP, n, sizeof n);
	if (l->mode->filter == FILTER_DUE)
		return xasprintf(P_("Not in this queue: %s household in the "
		    "register matches. %s", "Not in this queue: %s households "
		    "in the register match. %s", l->elsewhere), n, more);
	return xasprintf(P_("Not on this list: %s household in the register "
	    "matches. %s", "Not on this list: %s households in the register "
	    "match. %s", l->elsewhere), n, more);
}

/* The search line, the table, or the sentence for none. */
static void
hh_draw(struct ui *ui, void *state)
{
	struct hh_list	*l = state;

	free(l->info);
	free(l->empty);
	l->list.info = l->info = hh_info(ui, l);
	l->list.empty = l->empty = hh_empty(l);
	ui_list_draw(ui, &l->list, ui_body_top(ui), 0, ui_body_rows(ui),
	    ui_cols(ui));
}

/* The cursor: in the search line while typing there. */
static int
hh_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct hh_list	*l = state;

	(void)ui;
	return ui_list_cursor(&l->list, y, x);
}

/* Called by the pick list: the department (0: all) or the stairwell. */
static void
hh_picked(struct ui *ui, void *ctx, int chosen)
{
	struct hh_list	*l = ctx;

	hh_no_ambassador(l);
	if (l->picking == PICKING_REASON)
		l->reason = chosen;
	else if (l->picking == PICKING_DEPT) {
		l->dept = chosen - 1;
		free(l->stair);
		l->stair = NULL;
	} else {
		free(l->stair);
		l->stair = chosen == 0 ? NULL : xstrdup(l->pick[chosen]);
	}
	hh_reload(ui, l);
}

/* Show the queue of ambassador id: the stairwells they cover.  0, or -1
 * (said). */
static int
hh_set_ambassador(struct ui *ui, struct hh_list *l, long id)
{
	struct ambassador	a;
	size_t			i;

	if (db_ambassador_get(ui_db(ui), ui_who(ui), id, &a) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return -1;
	}
	if (cfg_department_find(ui_conf(ui), a.department) < 0) {
		ui_error(ui, _("%s's department \"%s\" is not in the "
		    "configuration; change it on their screen first."), a.name,
		    a.department);
		db_ambassador_clear(&a);
		return -1;
	}
	hh_no_ambassador(l);
	free(l->stair);
	l->stair = NULL;
	l->dept = cfg_department_find(ui_conf(ui), a.department);
	l->amb = xstrdup(a.name);
	for (i = 0; i < a.nstairwells; i++)
		l->stairs[l->nstairs++] = xstrdup(a.stairwells[i]);
	db_ambassador_clear(&a);
	return 0;
}

/* Called by the pick list: the queue of that ambassador. */
static void
hh_picked_ambassador(struct ui *ui, void *ctx, int chosen)
{
	struct hh_list	*l = ctx;

	if (hh_set_ambassador(ui, l, l->ambs[chosen].id) == 0)
		hh_reload(ui, l);
}

/* Open the pick list of the active ambassadors. */
static void
hh_pick_ambassador(struct ui *ui, struct hh_list *l)
{
	struct ambassador_query	 q = { .status = AS_ACTIVE,
				    .today = util_today() };
	struct ui_pick		 p = { .done = hh_picked_ambassador, .ctx = l,
				    .title = _("Whose queue?") };
	size_t			 i;

	db_ambassador_rows_free(l->ambs, l->nambs);
	l->ambs = NULL;
	l->nambs = 0;
	if (db_ambassador_list(ui_db(ui), ui_who(ui), &q, NULL, 500, &l->ambs,
	    &l->nambs) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	if (l->nambs == 0) {
		ui_error(ui, "%s", _("There are no active ambassadors in the "
		    "register."));
		return;
	}
	free(l->pick);
	l->pick = xcalloc(l->nambs + 1, sizeof *l->pick);
	for (i = 0; i < l->nambs; i++) {
		if (l->amb != NULL && strcmp(l->amb, l->ambs[i].name) == 0)
			p.initial = (int)i;
		l->pick[i] = l->ambs[i].name;
	}
	p.items = l->pick;
	p.n = l->nambs;
	ui_push(ui, &screen_pick, &p);
}

/* Open the pick list of departments, or of the department's stairwells. */
static void
hh_pick_place(struct ui *ui, struct hh_list *l, int stairwell)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = hh_picked, .ctx = l };
	size_t			 i;

	if (stairwell && l->dept < 0) {
		ui_error(ui, "%s", _("Choose the department first (d)."));
		return;
	}
	free(l->pick);
	l->pick = xcalloc(c->ndepartments + c->nstairwells + 1,
	    sizeof *l->pick);
	l->picking = stairwell ? PICKING_STAIR : PICKING_DEPT;
	if (!stairwell) {
		p.title = _("Which department?");
		l->pick[p.n++] = _("All departments");
		for (i = 0; i < c->ndepartments; i++) {
			if ((int)i == l->dept)
				p.initial = (int)p.n;
			l->pick[p.n++] = c->departments[i].name;
		}
	} else {
		p.title = _("Which stairwell?");
		l->pick[p.n++] = _("All stairwells");
		for (i = 0; i < c->nstairwells; i++) {
			if (c->stairwells[i].department != l->dept)
				continue;
			if (l->stair != NULL &&
			    strcmp(l->stair, c->stairwells[i].name) == 0)
				p.initial = (int)p.n;
			l->pick[p.n++] = c->stairwells[i].name;
		}
	}
	p.items = l->pick;
	ui_push(ui, &screen_pick, &p);
}

/* The desk: pick one reason, or every reason. */
static void
hh_pick_reason(struct ui *ui, struct hh_list *l)
{
	struct ui_pick	 p = { .done = hh_picked, .ctx = l,
			    .title = _("Which reason?"), .initial = l->reason };
	int		 i;

	free(l->pick);
	l->pick = xcalloc(CORE_NREASONS + 1, sizeof *l->pick);
	for (i = 0; i < CORE_NREASONS; i++)
		l->pick[i] = _(core_reason_label(i));
	l->picking = PICKING_REASON;
	p.items = l->pick;
	p.n = CORE_NREASONS;
	ui_push(ui, &screen_pick, &p);
}

/* r: the whole register, searching for what is typed here. */
static void
hh_in_register(struct ui *ui, struct hh_list *l)
{
	ui_push(ui, &screen_households, l->search);
}

/* E: the list as it is filtered, out to a file (screen-export.c). */
static void
hh_export(struct ui *ui, struct hh_list *l)
{
	struct export_ask	a;

	if (!core_may(ui_who(ui)->role, ACCESS_EXPORT)) {
		ui_error(ui, "%s", _("Only the secretariat can export lists."));
		return;
	}
	export_ask_init(&a, l->mode->filter == FILTER_OVERDUE ?
	    EXPORT_OVERDUE : l->mode->filter == FILTER_FLAGGED ?
	    EXPORT_FLAGGED : EXPORT_HOUSEHOLDS, ui_conf(ui));
	hh_make_query(ui, l, &a.hq);
	ui_push(ui, &screen_export, &a);
}

/* The keys of the screen (the list has had its own). */
static int
hh_key_screen(struct ui *ui, struct hh_list *l, enum ui_action a)
{
	const struct household_row	*r = ui_list_selected(&l->list);

	switch (a) {
	case ACT_VISIT:
		if (r != NULL && (r->names == NULL || r->names[0] == '\0'))
			ui_message(ui, "%s", _(db_erased_msg));
		else if (r != NULL)
			ui_push(ui, &screen_visit, (void *)(intptr_t)r->id);
		break;
	case ACT_PICK_DEPT:
	case ACT_PICK_STAIR:
		hh_pick_place(ui, l, a == ACT_PICK_STAIR);
		break;
	case ACT_PICK_AMBASSADOR:
		hh_pick_ambassador(ui, l);
		break;
	case ACT_PICK_REASON:
		hh_pick_reason(ui, l);
		break;
	case ACT_NEW:
		ui_push(ui, &screen_household_form, NULL);
		break;
	case ACT_IMPORT:
		if (!core_may(ui_who(ui)->role, ACCESS_ALL_DEPARTMENTS))
			ui_error(ui, "%s", _("Only the secretariat can import "
			    "move-in lists."));
		else
			ui_push(ui, &screen_import, NULL);
		break;
	case ACT_IN_REGISTER:
		hh_in_register(ui, l);
		break;
	case ACT_EXPORT:
		hh_export(ui, l);
		break;
	case ACT_EXACT_COUNT:
		hh_count_exact(ui, l);
		break;
	case ACT_DESK:
		/* Back to the overview it came from, not one more on top. */
		if (l->from_desk)
			return UI_POP;
		ui_push(ui, &screen_desk, NULL);
		break;
	case ACT_ORDER:
		if (!l->mode->can_order)
			return 0;
		l->order = l->order == ORDER_NEWEST ? ORDER_NAME :
		    ORDER_NEWEST;
		hh_reload(ui, l);
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* A key: the list's first, then the screen's. */
static int
hh_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct hh_list	*l = state;
	enum ui_action	 a;
	int		 flags;

	if ((flags = ui_list_key(ui, &l->list, k)) != 0 || l->list.searching)
		return flags;
	if ((a = ui_key_action(k, hh_actions_now(l))) == ACT_NONE)
		a = ui_key_action(k, hh_actions_mine(l));
	return hh_key_screen(ui, l, a);
}

/* A click selects a row; a double click opens it. */
static int
hh_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct hh_list	*l = state;

	return ui_list_click(ui, &l->list, y, x, twice);
}

#define NCOLS(a)	((int)(sizeof (a) / sizeof (a)[0]))

static const enum hh_col register_ids[] = {
	COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT, COL_STATUS
};
static const struct ui_column register_cols[] = {
	{ .head = N_("Moved in"), .width = 10, .whole = 1 },
	{ .head = N_("Names"), .width = 20, .grow = 1 },
	{ .head = N_("Department"), .width = 10, .grow = 1, .shortens = 1 },
	{ .head = N_("Stairwell"), .width = 10, .grow = 3 },
	{ .head = N_("Flat"), .width = 7, .grow = 3 },
	{ .head = N_("Status"), .width = 10, .grow = 3 },
};
static const enum hh_col queue_ids[] = {
	COL_PLACE, COL_NAMES, COL_DAYS, COL_ATTEMPTS, COL_LANG
};
static const struct ui_column queue_cols[] = {
	{ .head = N_("Where"), .width = 24, .grow = 2 },
	{ .head = N_("Names"), .width = 20, .grow = 3 },
	{ .head = N_("Days"), .width = 5, .whole = 1 },
	{ .head = N_("Tries"), .width = 5, .whole = 1 },
	{ .head = N_("Languages"), .width = 16, .grow = 1 },
};
static const enum hh_col overdue_ids[] = {
	COL_OVERDUE, COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT,
	COL_ATTEMPTS
};
static const struct ui_column overdue_cols[] = {
	{ .head = N_("Overdue"), .width = 7, .whole = 1 },
	{ .head = N_("Moved in"), .width = 10, .whole = 1 },
	{ .head = N_("Names"), .width = 20, .grow = 1 },
	{ .head = N_("Department"), .width = 10, .grow = 1, .shortens = 1 },
	{ .head = N_("Stairwell"), .width = 10, .grow = 3 },
	{ .head = N_("Flat"), .width = 7, .grow = 3 },
	{ .head = N_("Tries"), .width = 5, .whole = 1 },
};
static const enum hh_col followup_ids[] = {
	COL_MOVED_IN, COL_REASON, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT
};
static const struct ui_column followup_cols[] = {
	{ .head = N_("Moved in"), .width = 10, .whole = 1 },
	{ .head = N_("Why"), .width = 19, .grow = 1 },
	{ .head = N_("Names"), .width = 16, .grow = 1 },
	{ .head = N_("Department"), .width = 10, .grow = 1, .shortens = 1 },
	{ .head = N_("Stairwell"), .width = 9, .grow = 3 },
	{ .head = N_("Flat"), .width = 7, .grow = 3 },
};

static const struct hh_mode mode_register = {
	.filter = FILTER_ALL, .order = ORDER_NEWEST, .can_order = 1,
	.ids = register_ids, .cols = register_cols,
	.ncols = NCOLS(register_cols), .actions = list_actions,
	.empty = N_("No households yet. Press n to register a move-in."),
};
static const struct hh_mode mode_queue = {
	.filter = FILTER_DUE, .order = ORDER_URGENT, .by_place = 1,
	.ids = queue_ids, .cols = queue_cols, .ncols = NCOLS(queue_cols),
	.actions = queue_actions,
	.empty = N_("Nobody is waiting for a visit here today."),
};
static const struct hh_mode mode_overdue = {
	.filter = FILTER_OVERDUE, .order = ORDER_URGENT, .by_place = 1,
	.ids = overdue_ids, .cols = overdue_cols,
	.ncols = NCOLS(overdue_cols), .actions = report_actions,
	.empty = N_("No welcome is overdue."),
};
static const struct hh_mode mode_followups = {
	.filter = FILTER_FLAGGED, .order = ORDER_URGENT, .by_place = 1,
	.ids = followup_ids, .cols = followup_cols,
	.ncols = NCOLS(followup_cols), .actions = desk_actions,
	.empty = N_("No household needs the secretariat."),
};

/* The register; arg: a search text to start typing on, or NULL. */
static void *
hh_init(struct ui *ui, void *arg)
{
	struct hh_list	*l = hh_open(&mode_register, arg);

	if (!core_may(ui_who(ui)->role, ACCESS_EXPORT))
		l->actions = list_actions_own;

	hh_reload(ui, l);
	return l;
}

/* The queue: an ambassador's login tied to an ambassador sees their own
 * stairwells first; a picks another's. */
static void *
queue_init(struct ui *ui, void *arg)
{
	struct hh_list	*l;
	long		 me = ui_who(ui)->ambassador;

	(void)arg;
	l = hh_open(&mode_queue, NULL);
	if (me != 0)
		hh_set_ambassador(ui, l, me);
	hh_reload(ui, l);
	return l;
}

/* The overdue welcomes. */
static void *
overdue_init(struct ui *ui, void *arg)
{
	struct hh_list	*l = hh_open(&mode_overdue, NULL);

	if (!core_may(ui_who(ui)->role, ACCESS_EXPORT))
		l->actions = report_actions_own;

	(void)arg;
	hh_reload(ui, l);
	return l;
}

/* What needs the secretariat; arg: NULL, or from the desk's overview a
 * department's index + 2 (1: every department). */
static void *
followups_init(struct ui *ui, void *arg)
{
	struct hh_list	*l = hh_open(&mode_followups, NULL);
	intptr_t	 d = (intptr_t)arg;

	if (d > 0) {
		l->from_desk = 1;
		if ((size_t)d - 1 <= ui_conf(ui)->ndepartments)
			l->dept = (int)(d - 2);
	}
	/* The desk's overview is the secretariat's (db_desk). */
	if (!core_may(ui_who(ui)->role, ACCESS_ALL_DEPARTMENTS) ||
	    !core_may(ui_who(ui)->role, ACCESS_EXPORT))
		l->actions = desk_actions_own;
	hh_reload(ui, l);
	return l;
}

const struct screen screen_queue = {
	.name = "queue",
	.title = N_("Queue: who to visit"),
	.actions = queue_actions,
	.help = N_("The households waiting for a welcome visit today: never "
	    "visited, not home last time and the day to try again has come, "
	    "or partly welcomed and the day to come back has come. The most "
	    "urgent is at the top: the one whose welcome deadline comes first "
	    "(or has passed), so a welcome already overdue comes before one "
	    "that still has days left; a ! after the days means the welcome "
	    "is overdue. A welcome overdue by more days than the "
	    "configuration's visits.stale_days (60 unless changed) was not "
	    "reached in time: it is not in the queue but on the secretariat's "
	    "list. Tries counts the times nobody was home. "
	    "If your login belongs to an ambassador, the queue opens on the "
	    "stairwells you cover (all of your department if you have none "
	    "of your own). Press a and pick a name to see another "
	    "ambassador's queue, or d to choose a department and s a "
	    "stairwell. v starts the visit with the household the cursor is "
	    "on. A search that finds nobody here says how many households "
	    "of the whole register it finds; r searches there."),
	.init = queue_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.later = hh_later,
	.actions_now = hh_actions_now,
	.click = hh_click,
};

const struct screen screen_overdue = {
	.name = "overdue",
	.title = N_("Overdue welcomes"),
	.actions = report_actions,
	.help = N_("Households still waiting for a welcome (not welcomed, not "
	    "declined, not moved out) more days after moving in than the "
	    "welcome deadline of the configuration. Overdue is how many days "
	    "past the deadline; the most overdue is at the top."),
	.init = overdue_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.later = hh_later,
	.actions_now = hh_actions_now,
	.click = hh_click,
};

const struct screen screen_followups = {
	.name = "followups",
	.title = N_("Needs the secretariat"),
	.actions = desk_actions,
	.help = N_("The secretariat's desk: every household for it to follow "
	    "up, the longest moved in first, with why: nobody was home at the "
	    "visits so many times that a letter or another way in is needed, "
	    "an ambassador passed something on (a referral, with the note), "
	    "the household declined and the ambassador wrote a note, or the "
	    "household was not reached in time: its welcome is overdue by "
	    "more days than the configuration's visits.stale_days (60 unless "
	    "changed), too late for the ambassadors' queue. "
	    "Press d to show one department, w to show one reason. "
	    "Open a household to read the notes; to record what you did, "
	    "press f there. The household leaves the desk until a newer visit "
	    "brings it back, or for good when the follow-up closes the case. "
	    "Press o for the desk's overview: every department's figures at "
	    "a glance."),
	.init = followups_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.later = hh_later,
	.actions_now = hh_actions_now,
	.click = hh_click,
};

const struct screen screen_households = {
	.name = "households",
	.title = N_("Households"),
	.actions = list_actions,
	.help = N_("Everyone in the move-in register. The newest move-in is "
	    "at the top; press o to sort by name instead (Danish order: "
	    "\xe2\x80\xa6 x y z \xc3\xa6 \xc3\xb8 \xc3\xa5).\n\n"
	    "Press Enter on a household to see it, edit it, start a visit or "
	    "record that it moved out; v starts a visit at once. When a "
	    "search finds a later member of a household, that name is shown "
	    "first."),
	.init = hh_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.later = hh_later,
	.actions_now = hh_actions_now,
	.click = hh_click,
};
