/*
 * screen-households.c — the move-in register as a list: newest move-in
 * first or by name in Danish order, with search-as-you-type.  Rows are
 * fetched a window at a time (keyset paging), never the whole table.
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

#define HH_WINDOW	60	/* rows fetched at a time */
#define HH_KEEP		(5 * HH_WINDOW)	/* most rows held at once */

/*
 * The list holds a sliding window of rows: more are fetched before or
 * after it as the selection moves (keyset paging both ways), and rows far
 * from the selection are let go, so no screen holds the whole register.
 */
/* What a list shows: the register, a queue, the overdue, follow-ups. */
enum hh_col {
	COL_END, COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT,
	COL_STATUS, COL_DAYS, COL_OVERDUE, COL_ATTEMPTS, COL_LANG, COL_REASON,
	COL_PLACE
};

struct hh_mode {
	enum household_filter	 filter;
	enum household_order	 order;		/* the first order */
	int			 can_order;	/* o switches newest / name */
	int			 by_place;	/* d and s choose the place */
	const enum hh_col	*cols;
	const enum ui_action	*actions;
	const char		*empty;		/* nothing to list (N_()) */
};

struct hh_list {
	const struct hh_mode	*mode;
	int			 dept;		/* by_place: index, or -1: all */
	char			*stair;		/* by_place: a name, or NULL */
	const char		**pick;		/* items of the pick list */
	struct ambassador_row	*ambs;		/* behind an ambassador pick */
	size_t			 nambs;
	char			*amb;		/* whose queue, or NULL */
	char			*stairs[AMBASSADOR_MAX_STAIRWELLS];
	size_t			 nstairs;
	struct edit		 search;
	int			 searching;	/* typing goes to the search */
	enum household_order	 order;
	struct ui_window	 w;		/* struct household_row */
	long			 count;
	char			*last_search;	/* what rows were fetched for */
};

/* The rows the window holds. */
#define HH_ROWS(l)	((struct household_row *)(l)->w.rows)

static const enum ui_action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEW, ACT_ORDER, ACT_VISIT, ACT_BACK,
	ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST,
	ACT_NONE
};
static const enum ui_action queue_actions[] = {
	ACT_VISIT, ACT_OPEN, ACT_PICK_AMBASSADOR, ACT_PICK_DEPT,
	ACT_PICK_STAIR, ACT_SEARCH, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN,
	ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action report_actions[] = {
	ACT_OPEN, ACT_VISIT, ACT_PICK_DEPT, ACT_SEARCH, ACT_BACK, ACT_HELP,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action search_actions[] = {
	ACT_TO_LIST, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action move_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};

/* The query of the list as it stands. */
static void
hh_make_query(struct ui *ui, const struct hh_list *l,
    struct household_query *q)
{
	const struct conf	*c = ui_conf(ui);

	memset(q, 0, sizeof *q);
	q->order = l->order;
	q->search = l->last_search;
	q->filter = l->mode->filter;
	q->today = util_today();
	q->deadline = c->welcome_days;
	q->stale_days = c->stale_days;
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

/* Fetch up to want rows after (backward: before) cursor, which may be
 * NULL for the start (the end); *n gets how many.  NULL on error. */
static void *
hh_query(struct ui *ui, void *ctx, const void *cursor, int backward,
    size_t want, size_t *n)
{
	struct hh_list		*l = ctx;
	struct household_query	 q;
	struct household_row	*rows;

	hh_make_query(ui, l, &q);
	q.backward = backward;

	if (db_household_list(ui_db(ui), ui_who(ui), &q, cursor, want, &rows,
	    n) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return NULL;
	}
	return rows;
}

/* Free what one row of the window owns. */
static void
hh_row_clear(void *row)
{
	db_household_row_clear(row);
}

/* Start the list again for the current search and order: from the start,
 * or (from_end) from the end. */
static void
hh_reload(struct ui *ui, struct hh_list *l, int from_end)
{
	struct household_query	q;

	free(l->last_search);
	l->last_search = util_edit_text(&l->search);
	hh_make_query(ui, l, &q);
	if (db_household_count(ui_db(ui), ui_who(ui), &q, &l->count) != DB_OK)
		l->count = -1;
	ui_window_reload(ui, &l->w, from_end);
}

/* Open a list of the given kind. */
static void *
hh_open(struct ui *ui, const struct hh_mode *mode, int searching)
{
	struct hh_list	*l = xcalloc(1, sizeof *l);

	l->mode = mode;
	l->dept = -1;
	util_edit_init(&l->search, "", CORE_NAME_MAX);
	l->order = mode->order;
	l->searching = searching;
	l->w.size = sizeof (struct household_row);
	l->w.fetch = HH_WINDOW;
	l->w.keep = HH_KEEP;
	l->w.query = hh_query;
	l->w.clear = hh_row_clear;
	l->w.ctx = l;
	hh_reload(ui, l, 0);
	return l;
}

/*
 * Back from a household or the form: fetch the window again from the
 * row before the first one shown, so changes show and the place is kept.
 */
static void
hh_resume(struct ui *ui, void *state)
{
	struct hh_list		*l = state;
	struct household_row	*before, anchor;
	struct household_query	 q;
	size_t			 n, keep = l->w.n;
	int			 sel = l->w.sel - l->w.top, top;

	if (l->w.n == 0 || l->w.at_start || l->w.top == 0) {
		top = l->w.top;
		sel = l->w.sel;
		hh_reload(ui, l, 0);
		while (l->w.n < keep && !l->w.at_end)
			ui_window_fetch(ui, &l->w);
		l->w.top = top;
		l->w.sel = sel < (int)l->w.n ? sel : (int)l->w.n - 1;
		if (l->w.sel < 0)
			l->w.sel = 0;
		return;
	}
	/* The row just before the first shown is the cursor to start at. */
	before = hh_query(ui, l, &HH_ROWS(l)[l->w.top], 1, 1, &n);
	if (before == NULL || n == 0) {
		db_household_rows_free(before, n);
		hh_reload(ui, l, 0);
		return;
	}
	anchor = before[0];
	free(before);
	ui_window_clear(&l->w);
	l->w.rows = xcalloc(1, sizeof anchor);
	HH_ROWS(l)[0] = anchor;
	l->w.n = 1;
	l->w.at_start = 0;
	l->w.at_end = 0;
	ui_window_fetch(ui, &l->w);
	l->w.top = 1;
	l->w.sel = 1 + sel < (int)l->w.n ? 1 + sel : (int)l->w.n - 1;
	hh_make_query(ui, l, &q);
	if (db_household_count(ui_db(ui), ui_who(ui), &q, &l->count) != DB_OK)
		l->count = -1;
}

/* Close the list. */
static void
hh_free(void *state)
{
	struct hh_list	*l = state;

	ui_window_clear(&l->w);
	util_edit_free(&l->search);
	free(l->last_search);
	free(l->stair);
	free(l->pick);
	hh_no_ambassador(l);
	db_ambassador_rows_free(l->ambs, l->nambs);
	free(l);
}

static const enum ui_action *
hh_actions_now(void *state)
{
	struct hh_list	*l = state;

	return l->searching ? search_actions : l->mode->actions;
}

/* The department's name for a column of cols: the whole name when it
 * fits, else the short name; its key if the configuration has no such. */
static const char *
hh_department(struct ui *ui, const char *key, int cols)
{
	const struct cfg_department	*d;
	int				 i;

	if ((i = cfg_department_find(ui_conf(ui), key)) < 0)
		return key;
	d = &ui_conf(ui)->departments[i];
	return util_text_width(d->name) <= cols ? d->name : d->shortname;
}

/* The header and the width of a column (0: takes what is left). */
static const char *
hh_col_head(enum hh_col c, int *w)
{
	static const struct {
		const char	*head;
		int		 w;
	} cols[] = {
		[COL_MOVED_IN] = { N_("Moved in"), 10 },
		[COL_NAMES] = { N_("Names"), 0 },
		[COL_DEPT] = { N_("Department"), 10 },
		[COL_STAIR] = { N_("Stairwell"), 10 },
		[COL_FLAT] = { N_("Flat"), 7 },
		[COL_STATUS] = { N_("Status"), 9 },
		[COL_DAYS] = { N_("Days"), 5 },
		[COL_OVERDUE] = { N_("Overdue"), 7 },
		[COL_ATTEMPTS] = { N_("Tries"), 5 },
		[COL_LANG] = { N_("Languages"), 16 },
		[COL_REASON] = { N_("Why"), 20 },
		[COL_PLACE] = { N_("Where"), 24 },
	};

	*w = cols[c].w;
	return _(cols[c].head);
}

/* The width of column c on this terminal: with room to spare, the
 * department and stairwell get enough for their whole names. */
static int
hh_col_width(struct ui *ui, enum hh_col c)
{
	int	w;

	hh_col_head(c, &w);
	if (ui_cols(ui) > 110 && c == COL_DEPT)
		w = 22;
	if (ui_cols(ui) > 110 && c == COL_STAIR)
		w = 16;
	if (ui_cols(ui) > 110 && c == COL_PLACE)
		w = 40;
	return w;
}

/* The width of the flexible column of the mode on this terminal. */
static int
hh_flex_width(struct ui *ui, const struct hh_mode *m)
{
	const enum hh_col	*c;
	int			 w, left = ui_cols(ui) - 1;

	for (c = m->cols; *c != COL_END; c++) {
		w = hh_col_width(ui, *c);
		left -= w + 2;
	}
	return left;
}

/* Why a household needs the secretariat, in a few words. */
static void
hh_reason(const struct household_row *r, char *buf, size_t len)
{
	const char	*why = core_flags_reason(r->flags);

	snprintf(buf, len, why[0] != '\0' ? _(why) : "", r->attempts);
}

/* The text of column c of row r into buf. */
static const char *
hh_cell(struct ui *ui, enum hh_col c, const struct household_row *r, int w,
    char *buf, size_t len)
{
	long	today = util_today();

	switch (c) {
	case COL_MOVED_IN:
		return util_date_dk(r->moved_in, buf);
	case COL_NAMES:
		return r->names;
	case COL_DEPT:
		return hh_department(ui, r->department, w);
	case COL_STAIR:
		return r->stairwell;
	case COL_FLAT:
		return r->flat;
	case COL_STATUS:
		return _(core_status_label(core_household_status(r->moved_out,
		    r->state, today)));
	case COL_DAYS:
		snprintf(buf, len, "%ld%s", today - r->moved_in,
		    core_overdue_days(r->moved_in, r->moved_out, r->state,
		    today, ui_conf(ui)->welcome_days) > 0 ? "!" : "");
		return buf;
	case COL_OVERDUE:
		snprintf(buf, len, "%ld", core_overdue_days(r->moved_in,
		    r->moved_out, r->state, today, ui_conf(ui)->welcome_days));
		return buf;
	case COL_ATTEMPTS:
		if (r->attempts == 0)
			return "";
		snprintf(buf, len, "%d\xc3\x97", r->attempts);
		return buf;
	case COL_LANG:
		snprintf(buf, len, "%s%s%s", r->interpreter ?
		    _("Interpreter") : "", r->interpreter && r->languages ?
		    ": " : "", r->languages != NULL ? r->languages : "");
		return buf;
	case COL_REASON:
		hh_reason(r, buf, len);
		return buf;
	case COL_PLACE:
		snprintf(buf, len, "%s, %s, %s", r->flat, r->stairwell,
		    hh_department(ui, r->department, w > 24 ? 22 : 0));
		return buf;
	default:
		return "";
	}
}

/* Draw one line of the table (row r, or the header when r is NULL). */
static void
hh_draw_row(struct ui *ui, const struct hh_list *l, int y,
    const struct household_row *r, enum ui_style st)
{
	const enum hh_col	*c;
	char			 buf[160];
	const char		*text;
	int			 x = 1, w;

	if (r != NULL && st == STYLE_NORMAL && core_household_status(
	    r->moved_out, r->state, util_today()) == HS_MOVED_OUT)
		st = STYLE_DIM;
	ui_put(y, 0, "", ui_cols(ui), 1, st);
	for (c = l->mode->cols; *c != COL_END; c++) {
		text = hh_col_head(*c, &w);
		w = hh_col_width(ui, *c);
		if (w == 0)
			w = hh_flex_width(ui, l->mode);
		if (r != NULL)
			text = hh_cell(ui, *c, r, w, buf, sizeof buf);
		x += ui_put(y, x, text, w, 1, st) + 2;
	}
}

/* The line above the table: the search field, what is listed, how many. */
static void
hh_draw_search(struct ui *ui, struct hh_list *l, int y)
{
	const struct conf	*c = ui_conf(ui);
	char			*info, *place;
	int			 x;

	x = 1 + ui_put(y, 1, _("Search:"), 20, 0, STYLE_LABEL) + 1;
	ui_put_edit(y, x, &l->search, 20,
	    l->searching ? STYLE_FIELD_FOCUS : STYLE_FIELD);
	if (l->amb != NULL)
		place = xasprintf(_("%s's stairwells"), l->amb);
	else if (l->mode->by_place)
		place = xasprintf("%s%s%s", l->dept < 0 ?
		    _("all departments") : c->departments[l->dept].name,
		    l->stair != NULL ? ", " : "",
		    l->stair != NULL ? l->stair : "");
	else
		place = xstrdup(l->order == ORDER_NEWEST ?
		    _("newest move-in first") : l->order == ORDER_NAME ?
		    _("by name") : _("longest waiting first"));
	info = xasprintf(P_("%s \xc2\xb7 %ld household",
	    "%s \xc2\xb7 %ld households", l->count), place, l->count);
	ui_put(y, x + 22, info, ui_cols(ui) - x - 23, 0, STYLE_DIM);
	free(info);
	free(place);
}

static void
hh_draw(struct ui *ui, void *state)
{
	struct hh_list	*l = state;
	int		 y = ui_body_top(ui), rows = ui_body_rows(ui) - 3, i;

	hh_draw_search(ui, l, y);
	hh_draw_row(ui, l, y + 2, NULL, STYLE_HEADER);
	if (l->w.sel >= (int)l->w.n)	/* rows went away (a visit, a search) */
		l->w.sel = (int)l->w.n - 1;
	if (l->w.sel < 0)
		l->w.sel = 0;
	if (l->w.sel < l->w.top)
		l->w.top = l->w.sel;
	if (l->w.sel >= l->w.top + rows)
		l->w.top = l->w.sel - rows + 1;
	for (i = 0; i < rows && l->w.top + i < (int)l->w.n; i++)
		hh_draw_row(ui, l, y + 3 + i, &HH_ROWS(l)[l->w.top + i],
		    l->w.top + i == l->w.sel && !l->searching ? STYLE_SELECTED :
		    STYLE_NORMAL);
	if (l->w.n == 0)
		ui_wrap(y + 4, 2, ui_cols(ui) - 4, 3, 0,
		    l->last_search[0] != '\0' ? _("Nobody's name starts with "
		    "that. Check the spelling, or type fewer letters.") :
		    _(l->mode->empty), STYLE_DIM);
}

static int
hh_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct hh_list	*l = state;
	int		 lx;

	if (!l->searching)
		return -1;
	lx = 1 + util_text_width(_("Search:")) + 1;
	*y = ui_body_top(ui);
	*x = lx + util_edit_cursor_col(&l->search) - l->search.scroll;
	return 0;
}

/* Keys while typing in the search field. */
static int
hh_key_search(struct ui *ui, struct hh_list *l, const struct ui_keypress *k)
{
	char	*now;

	if (k->is_key && k->ch == KEY_DOWN) {
		l->searching = 0;
		return UI_REDRAW | UI_HANDLED;
	}
	switch (ui_key_action(k, search_actions)) {
	case ACT_TO_LIST:
	case ACT_BACK:
		l->searching = 0;
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	if (!ui_edit_key(&l->search, k))
		return 0;
	now = util_edit_text(&l->search);
	if (strcmp(now, l->last_search) != 0) {
		l->w.sel = 0;
		hh_reload(ui, l, 0);
	}
	free(now);
	return UI_REDRAW | UI_HANDLED;
}

/* Keys that move the selection. */
static int
hh_key_move(struct ui *ui, struct hh_list *l, enum ui_action a)
{
	int	page = ui_body_rows(ui) - 4;

	switch (a) {
	case ACT_UP:	ui_window_move(ui, &l->w, -1); break;
	case ACT_DOWN:	ui_window_move(ui, &l->w, 1); break;
	case ACT_PGUP:	ui_window_move(ui, &l->w, -page); break;
	case ACT_PGDN:	ui_window_move(ui, &l->w, page); break;
	case ACT_FIRST:	hh_reload(ui, l, 0); break;
	case ACT_LAST:	hh_reload(ui, l, 1); break;
	default:	return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* Called by the pick list: the department (0: all) or the stairwell. */
static void
hh_picked(struct ui *ui, void *ctx, int chosen)
{
	struct hh_list	*l = ctx;

	hh_no_ambassador(l);
	if (l->pick[0] == _("All departments")) {
		l->dept = chosen - 1;
		free(l->stair);
		l->stair = NULL;
	} else {
		free(l->stair);
		l->stair = chosen == 0 ? NULL : xstrdup(l->pick[chosen]);
	}
	hh_reload(ui, l, 0);
}

/* Called by the pick list: the queue of that ambassador. */
static void
hh_picked_ambassador(struct ui *ui, void *ctx, int chosen)
{
	struct hh_list		*l = ctx;
	struct ambassador	 a;
	size_t			 i;

	if (db_ambassador_get(ui_db(ui), ui_who(ui), l->ambs[chosen].id, &a) !=
	    DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	if (cfg_department_find(ui_conf(ui), a.department) < 0) {
		ui_error(ui, _("%s's department \"%s\" is not in the "
		    "configuration; change it on their screen first."), a.name,
		    a.department);
		db_ambassador_clear(&a);
		return;
	}
	hh_no_ambassador(l);
	free(l->stair);
	l->stair = NULL;
	l->dept = cfg_department_find(ui_conf(ui), a.department);
	l->amb = xstrdup(a.name);
	for (i = 0; i < a.nstairwells; i++)
		l->stairs[l->nstairs++] = xstrdup(a.stairwells[i]);
	db_ambassador_clear(&a);
	hh_reload(ui, l, 0);
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
	for (i = 0; i < l->nambs; i++)
		l->pick[i] = l->ambs[i].name;
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

static int
hh_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct hh_list	*l = state;

	if (l->searching)
		return hh_key_search(ui, l, k);
	if (hh_key_move(ui, l, ui_key_action(k, move_actions)))
		return UI_REDRAW | UI_HANDLED;
	switch (ui_key_action(k, l->mode->actions)) {
	case ACT_OPEN:
		if (l->w.n > 0)
			ui_push(ui, &screen_household,
			    (void *)(intptr_t)HH_ROWS(l)[l->w.sel].id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_VISIT:
		if (l->w.n > 0)
			ui_push(ui, &screen_visit,
			    (void *)(intptr_t)HH_ROWS(l)[l->w.sel].id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PICK_DEPT:
	case ACT_PICK_STAIR:
		hh_pick_place(ui, l, ui_key_action(k, l->mode->actions) ==
		    ACT_PICK_STAIR);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PICK_AMBASSADOR:
		hh_pick_ambassador(ui, l);
		return UI_REDRAW | UI_HANDLED;
	case ACT_SEARCH:
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEW:
		ui_push(ui, &screen_household_form, NULL);
		return UI_REDRAW | UI_HANDLED;
	case ACT_ORDER:
		if (!l->mode->can_order)
			return 0;
		l->order = l->order == ORDER_NEWEST ? ORDER_NAME :
		    ORDER_NEWEST;
		l->w.sel = 0;
		hh_reload(ui, l, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		if (l->search.len == 0)
			return 0;	/* the loop goes back */
		util_edit_set(&l->search, "");
		l->w.sel = 0;
		hh_reload(ui, l, 0);
		ui_message(ui, "%s", _("Search cleared. Esc again goes back."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return 0;
	}
}

/* A click selects a row; a double click opens it. */
static int
hh_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct hh_list	*l = state;
	int		 i = y - ui_body_top(ui) - 3 + l->w.top;

	(void)x;
	if (y == ui_body_top(ui)) {
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	if (y < ui_body_top(ui) + 3 || i < 0 || i >= (int)l->w.n)
		return 0;
	l->searching = 0;
	l->w.sel = i;
	if (twice)
		ui_push(ui, &screen_household, (void *)(intptr_t)HH_ROWS(l)[i].id);
	return UI_REDRAW | UI_HANDLED;
}

static const enum hh_col register_cols[] = {
	COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT, COL_STATUS,
	COL_END
};
static const enum hh_col queue_cols[] = {
	COL_PLACE, COL_NAMES, COL_DAYS, COL_ATTEMPTS, COL_LANG, COL_END
};
static const enum hh_col overdue_cols[] = {
	COL_OVERDUE, COL_MOVED_IN, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT,
	COL_ATTEMPTS, COL_END
};
static const enum hh_col followup_cols[] = {
	COL_REASON, COL_NAMES, COL_DEPT, COL_STAIR, COL_FLAT, COL_END
};

static const struct hh_mode mode_register = {
	.filter = FILTER_ALL, .order = ORDER_NEWEST, .can_order = 1,
	.cols = register_cols, .actions = list_actions,
	.empty = N_("No households yet. Press n to register a move-in."),
};
static const struct hh_mode mode_queue = {
	.filter = FILTER_DUE, .order = ORDER_URGENT, .by_place = 1,
	.cols = queue_cols, .actions = queue_actions,
	.empty = N_("Nobody is waiting for a visit here today."),
};
static const struct hh_mode mode_overdue = {
	.filter = FILTER_OVERDUE, .order = ORDER_URGENT, .by_place = 1,
	.cols = overdue_cols, .actions = report_actions,
	.empty = N_("No welcome is overdue."),
};
static const struct hh_mode mode_followups = {
	.filter = FILTER_FLAGGED, .order = ORDER_URGENT, .by_place = 1,
	.cols = followup_cols, .actions = report_actions,
	.empty = N_("No household needs the secretariat."),
};

static void *
hh_init(struct ui *ui, void *arg)
{
	return hh_open(ui, &mode_register, arg != NULL);
}

static void *
queue_init(struct ui *ui, void *arg)
{
	(void)arg;
	return hh_open(ui, &mode_queue, 0);
}

static void *
overdue_init(struct ui *ui, void *arg)
{
	(void)arg;
	return hh_open(ui, &mode_overdue, 0);
}

static void *
followups_init(struct ui *ui, void *arg)
{
	(void)arg;
	return hh_open(ui, &mode_followups, 0);
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
	    "list. Tries counts "
	    "the times nobody was home. "
	    "Press a and pick your name to see your queue: the stairwells you "
	    "cover (all of your department if you have none of your own). Or "
	    "press d to choose a department and s a stairwell. v starts the "
	    "visit with the household the cursor is on."),
	.init = queue_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
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
	.actions_now = hh_actions_now,
	.click = hh_click,
};

const struct screen screen_followups = {
	.name = "followups",
	.title = N_("Needs the secretariat"),
	.actions = report_actions,
	.help = N_("Households for the secretariat to follow up: nobody was "
	    "home at the visits so many times that a letter or another way in "
	    "is needed, an ambassador passed something on (a referral), or "
	    "the household was not reached in time: its welcome is overdue by "
	    "more days than the configuration's visits.stale_days (60 unless "
	    "changed), too late for the ambassadors' queue. "
	    "Open a household to read the notes; when it is dealt with, press "
	    "f there."),
	.init = followups_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
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
	    "record that it moved out; v starts a visit at once."),
	.init = hh_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.actions_now = hh_actions_now,
	.click = hh_click,
};
