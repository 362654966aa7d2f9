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
struct hh_list {
	struct edit		 search;
	int			 searching;	/* typing goes to the search */
	enum household_order	 order;
	struct household_row	*rows;
	size_t			 n;
	int			 at_start;	/* nothing before rows[0] */
	int			 at_end;	/* nothing after rows[n - 1] */
	long			 count;
	int			 sel;
	int			 top;
	char			*last_search;	/* what rows were fetched for */
};

static const enum ui_action list_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_NEW, ACT_ORDER, ACT_BACK, ACT_HELP, ACT_UP,
	ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action search_actions[] = {
	ACT_TO_LIST, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action move_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};

/* Fetch up to want rows after (backward: before) cursor, which may be
 * NULL for the start (the end); *n gets how many.  NULL on error. */
static struct household_row *
hh_query(struct ui *ui, struct hh_list *l, const struct household_row *cursor,
    int backward, size_t want, size_t *n)
{
	struct household_query	 q = { .order = l->order,
				    .search = l->last_search,
				    .backward = backward };
	struct household_row	*rows;

	if (db_household_list(ui_db(ui), ui_who(ui), &q, cursor, want, &rows,
	    n) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return NULL;
	}
	return rows;
}

/* Let go of rows at the far end from the selection, keeping HH_KEEP. */
static void
hh_trim(struct hh_list *l, int at_front)
{
	size_t	drop, i;

	if (l->n <= HH_KEEP)
		return;
	drop = l->n - HH_KEEP;
	if (at_front && drop > (size_t)l->sel)	/* never the selected row */
		drop = (size_t)l->sel;
	if (!at_front && l->n - drop <= (size_t)l->sel)
		drop = l->n - (size_t)l->sel - 1;
	if (drop == 0)
		return;
	if (at_front) {
		for (i = 0; i < drop; i++)
			db_household_row_clear(&l->rows[i]);
		memmove(l->rows, l->rows + drop, (l->n - drop) *
		    sizeof *l->rows);
		l->sel -= (int)drop;
		l->top = l->top > (int)drop ? l->top - (int)drop : 0;
		l->at_start = 0;
	} else {
		for (i = l->n - drop; i < l->n; i++)
			db_household_row_clear(&l->rows[i]);
		l->at_end = 0;
	}
	l->n -= drop;
}

/* Fetch the next window after the last row held. */
static void
hh_fetch(struct ui *ui, struct hh_list *l)
{
	struct household_row	*more;
	size_t			 n;

	if (l->at_end)
		return;
	more = hh_query(ui, l, l->n > 0 ? &l->rows[l->n - 1] : NULL, 0,
	    HH_WINDOW, &n);
	if (more == NULL) {
		l->at_end = 1;
		return;
	}
	l->rows = xreallocarray(l->rows, l->n + n + 1, sizeof *l->rows);
	memcpy(l->rows + l->n, more, n * sizeof *more);
	free(more);	/* the strings now belong to l->rows */
	l->n += n;
	l->at_end = n < HH_WINDOW;
	hh_trim(l, 1);
}

/* Fetch the window before the first row held (or the last window). */
static void
hh_fetch_back(struct ui *ui, struct hh_list *l)
{
	struct household_row	*more;
	size_t			 n, i;

	if (l->at_start)
		return;
	more = hh_query(ui, l, l->n > 0 ? &l->rows[0] : NULL, 1, HH_WINDOW,
	    &n);
	if (more == NULL) {
		l->at_start = 1;
		return;
	}
	l->rows = xreallocarray(l->rows, l->n + n + 1, sizeof *l->rows);
	memmove(l->rows + n, l->rows, l->n * sizeof *l->rows);
	for (i = 0; i < n; i++)		/* nearest first: turn them round */
		l->rows[n - 1 - i] = more[i];
	free(more);
	l->n += n;
	l->sel += (int)n;
	l->top += (int)n;
	l->at_start = n < HH_WINDOW;
	hh_trim(l, 0);
}

/* Let go of every row held. */
static void
hh_clear(struct hh_list *l)
{
	db_household_rows_free(l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
	l->sel = l->top = 0;
}

/* Start the list again for the current search and order: from the start,
 * or (from_end) from the end. */
static void
hh_reload(struct ui *ui, struct hh_list *l, int from_end)
{
	struct household_query	q = { .order = l->order };

	hh_clear(l);
	free(l->last_search);
	l->last_search = util_edit_text(&l->search);
	q.search = l->last_search;
	if (db_household_count(ui_db(ui), ui_who(ui), &q, &l->count) != DB_OK)
		l->count = -1;
	l->at_start = !from_end;
	l->at_end = from_end;
	if (from_end) {
		hh_fetch_back(ui, l);
		l->sel = l->n > 0 ? (int)l->n - 1 : 0;
	} else
		hh_fetch(ui, l);
}

static void *
hh_init(struct ui *ui, void *arg)
{
	struct hh_list	*l = xcalloc(1, sizeof *l);

	util_edit_init(&l->search, "", CORE_NAME_MAX);
	l->order = ORDER_NEWEST;
	l->searching = arg != NULL;	/* opened with / from home */
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
	size_t			 n, keep = l->n;
	int			 sel = l->sel - l->top, top;

	if (l->n == 0 || l->at_start || l->top == 0) {
		top = l->top;
		sel = l->sel;
		hh_reload(ui, l, 0);
		while (l->n < keep && !l->at_end)
			hh_fetch(ui, l);
		l->top = top;
		l->sel = sel < (int)l->n ? sel : (int)l->n - 1;
		return;
	}
	/* The row just before the first shown is the cursor to start at. */
	before = hh_query(ui, l, &l->rows[l->top], 1, 1, &n);
	if (before == NULL || n == 0) {
		db_household_rows_free(before, n);
		hh_reload(ui, l, 0);
		return;
	}
	anchor = before[0];
	free(before);
	hh_clear(l);
	l->rows = xcalloc(1, sizeof *l->rows);
	l->rows[0] = anchor;
	l->n = 1;
	l->at_start = 0;
	l->at_end = 0;
	hh_fetch(ui, l);
	l->top = 1;
	l->sel = 1 + sel < (int)l->n ? 1 + sel : (int)l->n - 1;
}

static void
hh_free(void *state)
{
	struct hh_list	*l = state;

	db_household_rows_free(l->rows, l->n);
	util_edit_free(&l->search);
	free(l->last_search);
	free(l);
}

static const enum ui_action *
hh_actions_now(void *state)
{
	return ((struct hh_list *)state)->searching ? search_actions :
	    list_actions;
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

/* Column widths for this terminal: names take what is left. */
struct hh_cols {
	int	date, names, dept, stair, flat, status;
};

static void
hh_columns(struct ui *ui, struct hh_cols *c)
{
	c->date = 10;
	c->dept = 10;
	c->stair = 10;
	c->flat = 7;
	c->status = 9;
	c->names = ui_cols(ui) - 2 - c->date - c->dept - c->stair - c->flat -
	    c->status - 10;
	if (ui_cols(ui) > 110) {	/* room to spare: the names get most */
		c->dept += 12;
		c->stair += 6;
		c->names -= 18;
	}
}

/* Draw one line of the table (row r, or the header when r is NULL). */
static void
hh_draw_row(struct ui *ui, int y, const struct hh_cols *c,
    const struct household_row *r, enum ui_style st)
{
	char			 day[11];
	int			 x = 1;
	enum household_status	 hs;

	ui_put(y, 0, "", ui_cols(ui), 1, st);
	if (r == NULL) {
		x += ui_put(y, x, _("Moved in"), c->date, 1, st) + 2;
		x += ui_put(y, x, _("Names"), c->names, 1, st) + 2;
		x += ui_put(y, x, _("Department"), c->dept, 1, st) + 2;
		x += ui_put(y, x, _("Stairwell"), c->stair, 1, st) + 2;
		x += ui_put(y, x, _("Flat"), c->flat, 1, st) + 2;
		ui_put(y, x, _("Status"), c->status, 1, st);
		return;
	}
	hs = core_household_status(r->moved_out, r->welcomed, util_today());
	if (hs == HS_MOVED_OUT && st == STYLE_NORMAL)
		st = STYLE_DIM;
	x += ui_put(y, x, util_date_dk(r->moved_in, day), c->date, 1, st) + 2;
	x += ui_put(y, x, r->names, c->names, 1, st) + 2;
	x += ui_put(y, x, hh_department(ui, r->department, c->dept), c->dept, 1, st) + 2;
	x += ui_put(y, x, r->stairwell, c->stair, 1, st) + 2;
	x += ui_put(y, x, r->flat, c->flat, 1, st) + 2;
	ui_put(y, x, _(core_status_label(hs)), c->status, 1, st);
}

/* The search line: the field, the order and the count. */
static void
hh_draw_search(struct ui *ui, struct hh_list *l, int y)
{
	char	*info;
	int	 x;

	x = 1 + ui_put(y, 1, _("Search:"), 20, 0, STYLE_LABEL) + 1;
	ui_put_edit(y, x, &l->search, 24,
	    l->searching ? STYLE_FIELD_FOCUS : STYLE_FIELD);
	info = xasprintf("%s \xc2\xb7 %ld %s", l->order == ORDER_NEWEST ?
	    _("newest move-in first") : _("by name"), l->count,
	    _("households"));
	ui_put(y, x + 26, info, ui_cols(ui) - x - 27, 0, STYLE_DIM);
	free(info);
}

static void
hh_draw(struct ui *ui, void *state)
{
	struct hh_list	*l = state;
	struct hh_cols	 c;
	int		 y = ui_body_top(ui), rows = ui_body_rows(ui) - 3, i;

	hh_columns(ui, &c);
	hh_draw_search(ui, l, y);
	hh_draw_row(ui, y + 2, &c, NULL, STYLE_HEADER);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (i = 0; i < rows && l->top + i < (int)l->n; i++)
		hh_draw_row(ui, y + 3 + i, &c, &l->rows[l->top + i],
		    l->top + i == l->sel && !l->searching ? STYLE_SELECTED :
		    STYLE_NORMAL);
	if (l->n == 0)
		ui_put(y + 4, 2, l->last_search[0] != '\0' ?
		    _("Nobody's name starts with that. Check the spelling, "
		    "or type fewer letters.") :
		    _("No households yet. Press n to register a move-in."),
		    ui_cols(ui) - 4, 0, STYLE_DIM);
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

/* Move the selection by delta rows, fetching more on either side.  The
 * fetches shift the indexes (rows come in front, rows are let go), but
 * sel always names the same row, so the target is sel + delta. */
static void
hh_move(struct ui *ui, struct hh_list *l, int delta)
{
	size_t	had;

	while ((long)l->sel + delta >= (long)l->n && !l->at_end) {
		had = l->n;
		hh_fetch(ui, l);
		if (l->n == had && !l->at_end)
			break;
	}
	while (l->sel + delta < 0 && !l->at_start) {
		had = l->n;
		hh_fetch_back(ui, l);
		if (l->n == had && !l->at_start)
			break;
	}
	delta += l->sel;
	if (delta >= (int)l->n)
		delta = (int)l->n - 1;
	if (delta < 0)
		delta = 0;
	l->sel = delta;
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
		l->sel = 0;
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
	case ACT_UP:	hh_move(ui, l, -1); break;
	case ACT_DOWN:	hh_move(ui, l, 1); break;
	case ACT_PGUP:	hh_move(ui, l, -page); break;
	case ACT_PGDN:	hh_move(ui, l, page); break;
	case ACT_FIRST:	hh_reload(ui, l, 0); break;
	case ACT_LAST:	hh_reload(ui, l, 1); break;
	default:	return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
hh_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct hh_list	*l = state;

	if (l->searching)
		return hh_key_search(ui, l, k);
	if (hh_key_move(ui, l, ui_key_action(k, move_actions)))
		return UI_REDRAW | UI_HANDLED;
	switch (ui_key_action(k, list_actions)) {
	case ACT_OPEN:
		if (l->n > 0)
			ui_push(ui, &screen_household,
			    (void *)(intptr_t)l->rows[l->sel].id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_SEARCH:
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEW:
		ui_push(ui, &screen_household_form, NULL);
		return UI_REDRAW | UI_HANDLED;
	case ACT_ORDER:
		l->order = l->order == ORDER_NEWEST ? ORDER_NAME :
		    ORDER_NEWEST;
		l->sel = 0;
		hh_reload(ui, l, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		if (l->search.len == 0)
			return 0;	/* the loop goes back */
		util_edit_set(&l->search, "");
		l->sel = 0;
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
	int		 i = y - ui_body_top(ui) - 3 + l->top;

	(void)x;
	if (y == ui_body_top(ui)) {
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	if (y < ui_body_top(ui) + 3 || i < 0 || i >= (int)l->n)
		return 0;
	l->searching = 0;
	l->sel = i;
	if (twice)
		ui_push(ui, &screen_household, (void *)(intptr_t)l->rows[i].id);
	return UI_REDRAW | UI_HANDLED;
}

const struct screen screen_households = {
	.name = "households",
	.title = N_("Households"),
	.actions = list_actions,
	.help = N_("Everyone in the move-in register. The newest move-in is "
	    "at the top; press o to sort by name instead (Danish order: "
	    "\xe2\x80\xa6 x y z \xc3\xa6 \xc3\xb8 \xc3\xa5).\n\n"
	    "To find someone, press / and type the start of any of their "
	    "names: \"sor\" finds S\xc3\xb8ren, \"jens\" finds "
	    "\xc3\x98lgaard-Jensen. Capital letters and \xc3\xa6 \xc3\xb8 "
	    "\xc3\xa5 do not matter: \"soren\" and \"s\xc3\xb8ren\" find the "
	    "same people. Enter, \xe2\x86\x93 or Esc take you from the search "
	    "field to the list of what it found; there Esc clears the search, "
	    "and Esc once more goes back.\n\n"
	    "Press Enter on a household to see it, edit it or record that "
	    "it moved out."),
	.init = hh_init,
	.draw = hh_draw,
	.key = hh_key,
	.resume = hh_resume,
	.free = hh_free,
	.cursor = hh_cursor,
	.actions_now = hh_actions_now,
	.click = hh_click,
};
