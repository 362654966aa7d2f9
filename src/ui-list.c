/*
 * ui-list.c — the one list widget every list screen uses: the selection
 * and scrolling, the columns and their header, clicks, the search line,
 * the sentence for an empty list, and the rows with a style each.  The
 * rows come from a sliding window (ui-window.c) or a plain array; what a
 * row holds and how a cell reads is the screen's (ui_list.cell).
 *
 * The column layout is described in ui.h and done in ui_columns_fit(),
 * which knows nothing of curses, so that it can be tested alone.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define LIST_FIELD_W	20		/* the search field */

static const enum ui_action search_actions[] = {
	ACT_TO_LIST, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action move_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action list_actions[] = {
	ACT_SEARCH, ACT_OPEN, ACT_BACK, ACT_JUMP, ACT_NONE
};
/* A filter list (ui_list.filter): the moves beside the search line. */
static const enum ui_action filter_actions[] = {
	ACT_LIST_PREV, ACT_LIST_NEXT, ACT_PGUP, ACT_PGDN, ACT_OPEN, ACT_BACK,
	ACT_NONE
};

/* ---- the layout ------------------------------------------------------- */

#define FIT_FLOOR	6	/* a column is cut to this before others */

/* The widest column of the group that is wider than floor, the
 * rightmost of equals; -1 if none.  The group: the columns of that grow
 * (not whole), or (grow -1) the whole ones. */
static int
fit_widest(const struct ui_column *c, const int *width, int n, int grow,
    int floor)
{
	int	i, best = -1;

	for (i = 0; i < n; i++) {
		if (width[i] <= floor || (grow < 0 ? !c[i].whole :
		    c[i].whole || c[i].grow != grow))
			continue;
		if (best < 0 || width[i] >= width[best])
			best = i;
	}
	return best;
}

/* Take columns from the group until sum fits in room, down to floor. */
static int
fit_take(const struct ui_column *c, int n, int grow, int floor, int room,
    int *width, int sum)
{
	int	i;

	while (sum > room && (i = fit_widest(c, width, n, grow, floor)) >= 0) {
		width[i]--;
		sum--;
	}
	return sum;
}

/* Take columns until sum fits in room: first from the columns that grow
 * last (to FIT_FLOOR), then from any but whole ones, then whole ones. */
static void
fit_shrink(const struct ui_column *c, int n, int room, int *width, int sum)
{
	int	i, level, top = 0;

	for (i = 0; i < n; i++)
		if (c[i].grow > top)
			top = c[i].grow;
	for (level = top; level >= 1; level--)
		sum = fit_take(c, n, level, FIT_FLOOR, room, width, sum);
	sum = fit_take(c, n, 0, FIT_FLOOR, room, width, sum);
	for (level = top; level >= 0; level--)
		sum = fit_take(c, n, level, 1, room, width, sum);
	sum = fit_take(c, n, -1, 1, room, width, sum);
	for (i = n - 1; i >= 0 && sum > room; i--) {	/* still too wide */
		sum -= width[i];
		width[i] = 0;
	}
}

/* Give spare columns to the cut ones, lowest grow first, one at a time
 * to each of the same grow; a column with a short form takes its whole
 * width at once, or nothing. */
static void
fit_grow(const struct ui_column *c, const int *need, int n, int spare,
    int *width)
{
	int	level, i, more, top = 0;

	for (i = 0; i < n; i++)
		if (c[i].grow > top)
			top = c[i].grow;
	for (level = 1; level <= top && spare > 0; level++) {
		for (i = 0; i < n; i++)
			if (c[i].grow == level && c[i].shortens &&
			    width[i] < need[i] && need[i] - width[i] <= spare) {
				spare -= need[i] - width[i];
				width[i] = need[i];
			}
		do {
			more = 0;
			for (i = 0; i < n && spare > 0; i++) {
				if (c[i].grow != level || c[i].shortens ||
				    width[i] >= need[i])
					continue;
				width[i]++;
				spare--;
				more = 1;
			}
		} while (more && spare > 0);
	}
}

/* The widths of n columns in a line of cols (see ui.h); returns the
 * gap used. */
int
ui_columns_fit(const struct ui_column *c, const int *need, int n, int cols,
    int gap, int *width)
{
	int	i, sum = 0, room;

	for (i = 0; i < n; i++) {
		width[i] = c[i].whole || need[i] < c[i].width ? need[i] :
		    c[i].width;
		sum += width[i];
	}
	if (gap > 1 && sum + gap * (n - 1) > cols)
		gap = 1;	/* narrow: the room goes to the text */
	room = cols - gap * (n > 0 ? n - 1 : 0);
	if (room < 0)
		room = 0;
	if (sum > room)
		fit_shrink(c, n, room, width, sum);
	else
		fit_grow(c, need, n, room - sum, width);
	return gap;
}

/* ---- rows --------------------------------------------------------------- */

/* How many rows the list holds. */
size_t
ui_list_count(const struct ui_list *l)
{
	return l->w != NULL ? l->w->n : l->n;
}

/* Row i. */
static const void *
lst_row(const struct ui_list *l, size_t i)
{
	if (l->w != NULL)
		return (const char *)l->w->rows + i * l->w->size;
	return (const char *)l->rows + i * l->size;
}

/* Where the selection is kept: the window's, or the list's. */
static int *
lst_sel(struct ui_list *l)
{
	return l->w != NULL ? &l->w->sel : &l->sel;
}

/* Where the first row drawn is kept. */
static int *
lst_top(struct ui_list *l)
{
	return l->w != NULL ? &l->w->top : &l->top;
}

/* The selected row, or NULL. */
const void *
ui_list_selected(const struct ui_list *l)
{
	int	sel = l->w != NULL ? l->w->sel : l->sel;

	if (sel < 0 || (size_t)sel >= ui_list_count(l))
		return NULL;
	return lst_row(l, (size_t)sel);
}

/* Put the selection on row i (kept within the rows). */
void
ui_list_select(struct ui_list *l, int i)
{
	int	n = (int)ui_list_count(l);

	*lst_sel(l) = i >= n ? n - 1 : i;
	if (*lst_sel(l) < 0)
		*lst_sel(l) = 0;
}

/* The text of cell col of row (measuring when cols is 0). */
static const char *
lst_cell(struct ui *ui, struct ui_list *l, struct ui_cell *c,
    const void *row, int col, int cols)
{
	const char	*s;

	c->row = row;
	c->col = col;
	c->cols = cols;
	c->cut = cols > 0 && cols < l->need[col];
	s = l->cell(ui, l->ctx, c);
	return s != NULL ? s : "";
}

/* The widest cell of every column over the rows held, with the header. */
static void
lst_need(struct ui *ui, struct ui_list *l)
{
	int		*need = l->need;
	struct ui_cell	*c = xcalloc(1, sizeof *c);
	size_t		 i, n = ui_list_count(l);
	int		 j, w;

	for (j = 0; j < l->ncols; j++)
		need[j] = l->cols[j].head != NULL ?
		    util_text_width(_(l->cols[j].head)) : 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < l->ncols; j++) {
			w = util_text_width(lst_cell(ui, l, c, lst_row(l, i),
			    j, 0));
			if (w > need[j])
				need[j] = w;
		}
	free(c);
}

/* ---- drawing ---------------------------------------------------------- */

/* 1 if some column has a header. */
static int
lst_has_header(const struct ui_list *l)
{
	int	j;

	for (j = 0; j < l->ncols; j++)
		if (l->cols[j].head != NULL)
			return 1;
	return 0;
}

/* The gap between columns. */
static int
lst_gap(const struct ui_list *l)
{
	return l->gap > 0 ? l->gap : 2;
}

/* One line of the table at row y: row r, or the header when r is NULL. */
static void
lst_draw_line(struct ui *ui, struct ui_list *l, int y, int x, int cols,
    const void *r, enum ui_style st)
{
	struct ui_cell	*c = xcalloc(1, sizeof *c);
	const char	*text;
	int		 j, cx = x + 1;

	ui_put(y, x, "", cols, 1, st);
	for (j = 0; j < l->ncols; j++) {
		if (l->width[j] <= 0)
			continue;
		c->style = st;
		if (r == NULL)
			text = l->cols[j].head != NULL ? _(l->cols[j].head) :
			    "";
		else
			text = lst_cell(ui, l, c, r, j, l->width[j]);
		ui_put_cut(y, cx, text, l->width[j], 1, st == STYLE_SELECTED ?
		    st : c->style);
		cx += l->width[j] + l->gap_used;
	}
	free(c);
}

/* The search line: the label, the field and the screen's words. */
static void
lst_draw_search(struct ui_list *l, int y, int x, int cols)
{
	int	fx, ix;

	fx = x + 1 + ui_put(y, x + 1, _("Search:"), 20, 0, STYLE_LABEL) + 1;
	l->search_y = y;
	l->cur_x = ui_put_edit(y, fx, &l->field, LIST_FIELD_W, l->searching ?
	    STYLE_FIELD_FOCUS : STYLE_FIELD);
	ix = fx + LIST_FIELD_W + 2;
	if (l->info != NULL && x + cols - 1 > ix)
		ui_put(y, ix, l->info, x + cols - 1 - ix, 0, STYLE_DIM);
}

/* Keep the selection within the rows, and shown. */
static void
lst_scroll(struct ui_list *l)
{
	int	n = (int)ui_list_count(l), *sel = lst_sel(l), *top = lst_top(l);

	if (*sel >= n)			/* rows went away */
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (*sel < *top)
		*top = *sel;
	if (l->shown > 0 && *sel >= *top + l->shown)
		*top = *sel - l->shown + 1;
	/* No blank rows under the last one when rows above are hidden. */
	if ((l->w == NULL || l->w->at_end) && *top > 0 && *top + l->shown > n)
		*top = n - l->shown > 0 ? n - l->shown : 0;
	if (*top < 0)
		*top = 0;
}

/* The sentence where the rows would be: why they could not be read, or
 * the screen's sentence for none. */
static void
lst_draw_none(struct ui_list *l, int y, int x, int cols)
{
	char	*s;

	if (l->w != NULL && l->w->error != NULL) {
		s = xasprintf(_("%s Press %s to try again."), l->w->error,
		    ui_key_label(ACT_FIRST));
		ui_wrap(y, x + 2, cols - 4, 3, 0, s, STYLE_ERROR);
		free(s);
	} else if (l->empty != NULL)
		ui_wrap(y, x + 2, cols - 4, 3, 0, l->empty, STYLE_DIM);
}

/* The rows' style: selected, the screen's, or normal. */
static enum ui_style
lst_style(struct ui *ui, struct ui_list *l, size_t i)
{
	if ((int)i == *lst_sel(l) && (!l->searching || l->filter))
		return STYLE_SELECTED;
	if (l->style != NULL)
		return l->style(ui, l->ctx, lst_row(l, i));
	return STYLE_NORMAL;
}

/* Draw the list in the box of rows x cols at (y, x). */
void
ui_list_draw(struct ui *ui, struct ui_list *l, int y, int x, int rows,
    int cols)
{
	int	i, top;
	size_t	n = ui_list_count(l);

	if (l->searchable) {
		lst_draw_search(l, y, x, cols);
		y += 2;
		rows -= 2;
	}
	lst_need(ui, l);
	l->gap_used = ui_columns_fit(l->cols, l->need, l->ncols, cols - 2,
	    lst_gap(l), l->width);
	if (lst_has_header(l)) {
		lst_draw_line(ui, l, y, x, cols, NULL, STYLE_HEADER);
		y++;
		rows--;
	}
	l->y = y;
	l->x = x;
	l->shown = rows > 0 ? rows : 0;
	lst_scroll(l);
	top = *lst_top(l);
	/* A window that holds fewer rows than fit (the terminal grew) asks
	 * for the rest. */
	if (l->w != NULL && !l->w->at_end && l->w->error == NULL &&
	    (size_t)(top + l->shown) > n) {
		if (l->w->fetch < (size_t)l->shown)
			l->w->fetch = (size_t)l->shown;
		ui_window_fetch(ui, l->w);
		/* Rows far above may have been let go: top moved. */
		n = ui_list_count(l);
		lst_scroll(l);
		top = *lst_top(l);
	}
	for (i = 0; i < l->shown && (size_t)(top + i) < n; i++)
		lst_draw_line(ui, l, y + i, x, cols, lst_row(l,
		    (size_t)(top + i)), lst_style(ui, l, (size_t)(top + i)));
	if (n == 0)
		lst_draw_none(l, y + 1, x, cols);
}

/* ---- keys and clicks -------------------------------------------------- */

/* Say on the message line why the rows could not be read, and which key
 * tries again. */
static void
lst_said(struct ui *ui, struct ui_list *l, enum ui_action again)
{
	if (l->w == NULL || l->w->error == NULL)
		return;
	ui_error(ui, _("%s Press %s to try again."), l->w->error,
	    ui_key_label(again));
}

/* The rows of a page. */
static int
lst_page(const struct ui_list *l)
{
	return l->shown > 1 ? l->shown - 1 : 1;
}

/* Move an array's selection by delta (wrapping round when asked). */
static void
lst_move_array(struct ui_list *l, int delta, int step)
{
	int	n = (int)l->n, to = l->sel + delta;

	if (n == 0)
		return;
	if (l->wrap && step && to < 0)
		to = n - 1;
	else if (l->wrap && step && to >= n)
		to = 0;
	ui_list_select(l, to);
}

/* First or last row of a window: the rows are held already, or fetched
 * again from that end. */
static int
lst_window_end(struct ui *ui, struct ui_list *l, int last)
{
	struct ui_window	*w = l->w;

	if (!last && w->at_start && w->n > 0) {
		w->sel = 0;
		return 0;
	}
	if (last && w->at_end && w->n > 0) {
		w->sel = (int)w->n - 1;
		return 0;
	}
	return ui_window_reload(ui, w, last);
}

/* The moves (ACT_UP ... ACT_LAST): flags, or 0 for another action. */
static int
lst_move(struct ui *ui, struct ui_list *l, enum ui_action a)
{
	int	delta = 0, rc = 0;

	switch (a) {
	case ACT_UP:	delta = -1; break;
	case ACT_DOWN:	delta = 1; break;
	case ACT_PGUP:	delta = -lst_page(l); break;
	case ACT_PGDN:	delta = lst_page(l); break;
	case ACT_FIRST:
	case ACT_LAST:
		break;
	default:
		return 0;
	}
	if (l->w == NULL) {
		if (a == ACT_FIRST || a == ACT_LAST)
			ui_list_select(l, a == ACT_FIRST ? 0 : (int)l->n - 1);
		else
			lst_move_array(l, delta, a == ACT_UP || a == ACT_DOWN);
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_FIRST || a == ACT_LAST)
		rc = lst_window_end(ui, l, a == ACT_LAST);
	else
		rc = ui_window_move(ui, l->w, delta);
	if (rc != 0)
		lst_said(ui, l, a);
	return UI_REDRAW | UI_HANDLED;
}

/* The search text changed: tell the screen, from the first row. */
static void
lst_searched(struct ui *ui, struct ui_list *l)
{
	char	*now = util_edit_text(&l->field);

	*lst_sel(l) = 0;
	*lst_top(l) = 0;
	if (l->search != NULL)
		l->search(ui, l->ctx, now);
	free(now);
}

/* Keys while typing in the search line. */
static int
lst_key_search(struct ui *ui, struct ui_list *l, const struct ui_keypress *k)
{
	char	*before, *now;
	int	 used;

	switch (ui_key_action(k, search_actions)) {
	case ACT_TO_LIST:
	case ACT_BACK:
		l->searching = 0;
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	before = util_edit_text(&l->field);
	used = ui_edit_key(&l->field, k);
	now = util_edit_text(&l->field);
	if (strcmp(now, before) != 0)
		lst_searched(ui, l);
	free(now);
	free(before);
	return used ? UI_REDRAW | UI_HANDLED : 0;
}

/* Enter: open the selected row, if the list opens rows. */
static int
lst_open(struct ui *ui, struct ui_list *l)
{
	const void	*row;

	if (l->open == NULL)
		return 0;
	if ((row = ui_list_selected(l)) == NULL)
		return UI_HANDLED;
	return l->open(ui, l->ctx, row) | UI_REDRAW | UI_HANDLED;
}

/* Keys of a filter list: the arrows move, Enter opens, Esc is the
 * screen's, and the rest goes to the search line. */
static int
lst_key_filter(struct ui *ui, struct ui_list *l, const struct ui_keypress *k)
{
	switch (ui_key_action(k, filter_actions)) {
	case ACT_LIST_PREV:
		return lst_move(ui, l, ACT_UP);
	case ACT_LIST_NEXT:
		return lst_move(ui, l, ACT_DOWN);
	case ACT_PGUP:
	case ACT_PGDN:
		return lst_move(ui, l, ui_key_action(k, filter_actions));
	case ACT_OPEN:
		return lst_open(ui, l);
	case ACT_BACK:
		return 0;
	default:
		return lst_key_search(ui, l, k);
	}
}

/* A letter: the next row whose first cell starts with it. */
static void
lst_jump(struct ui *ui, struct ui_list *l, wint_t ch)
{
	struct ui_cell	*c;
	char		 typed[8] = { 0 }, *want, *key;
	wchar_t		 wc[2] = { (wchar_t)ch, 0 };
	size_t		 n = ui_list_count(l), i, k;

	if (n == 0 || wcstombs(typed, wc, sizeof typed - 1) == (size_t)-1)
		return;
	c = xcalloc(1, sizeof *c);
	want = core_search_key(typed);
	for (k = 1; k <= n; k++) {
		i = ((size_t)*lst_sel(l) + k) % n;
		key = core_search_key(lst_cell(ui, l, c, lst_row(l, i), 0, 0));
		if (strncmp(key, want, strlen(want)) == 0) {
			*lst_sel(l) = (int)i;
			free(key);
			break;
		}
		free(key);
	}
	free(want);
	free(c);
}

/* Esc in the list: clear the search first, if there is one. */
static int
lst_back(struct ui *ui, struct ui_list *l)
{
	if (!l->searchable || l->field.len == 0)
		return 0;	/* the loop goes back */
	util_edit_set(&l->field, "");
	lst_searched(ui, l);
	ui_message(ui, "%s", _("Search cleared. Esc again goes back."));
	return UI_REDRAW | UI_HANDLED;
}

/* A key: flags, or 0 when it is the screen's. */
int
ui_list_key(struct ui *ui, struct ui_list *l, const struct ui_keypress *k)
{
	if (l->filter)
		return lst_key_filter(ui, l, k);
	if (l->searching)
		return lst_key_search(ui, l, k);
	if (lst_move(ui, l, ui_key_action(k, move_actions)) != 0)
		return UI_REDRAW | UI_HANDLED;
	switch (ui_key_action(k, list_actions)) {
	case ACT_SEARCH:
		if (!l->searchable)
			return 0;
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	case ACT_OPEN:
		return lst_open(ui, l);
	case ACT_BACK:
		return lst_back(ui, l);
	case ACT_JUMP:
		if (!l->jump)
			return 0;
		lst_jump(ui, l, k->ch);
		return UI_REDRAW | UI_HANDLED;
	default:
		return 0;
	}
}

/* A click: the search line takes the typing; a row is selected, and a
 * double click opens it (in a filter list the typing stays in the search
 * line). */
int
ui_list_click(struct ui *ui, struct ui_list *l, int y, int x, int twice)
{
	int	i;

	(void)x;
	if (l->searchable && y == l->search_y) {
		l->searching = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	i = *lst_top(l) + y - l->y;
	if (y < l->y || y >= l->y + l->shown || i < 0 ||
	    (size_t)i >= ui_list_count(l))
		return 0;
	if (!l->filter)
		l->searching = 0;
	*lst_sel(l) = i;
	if (twice && l->open != NULL)
		return l->open(ui, l->ctx, lst_row(l, (size_t)i)) |
		    UI_REDRAW | UI_HANDLED;
	return UI_REDRAW | UI_HANDLED;
}

/* ---- the rest --------------------------------------------------------- */

/* Set up the search line (and check the columns). */
void
ui_list_init(struct ui_list *l)
{
	if (l->ncols < 0 || l->ncols > UI_LIST_COLS)
		fatal("a list of %d columns", l->ncols);
	util_edit_init(&l->field, "", CORE_NAME_MAX);
	l->search_y = -1;
	if (l->filter) {
		l->searchable = 1;
		l->searching = 1;
	}
}

/* Free the search line. */
void
ui_list_free(struct ui_list *l)
{
	util_edit_free(&l->field);
}

/* The cursor: in the search line while typing there. */
int
ui_list_cursor(const struct ui_list *l, int *y, int *x)
{
	if (!l->searching || l->search_y < 0)
		return -1;
	*y = l->search_y;
	*x = l->cur_x;
	return 0;
}

/* The search line's actions while typing, else the screen's. */
const enum ui_action *
ui_list_actions(const struct ui_list *l, const enum ui_action *normal)
{
	return l->searching && !l->filter ? search_actions : normal;
}

/* Put text in the search line, without telling the screen. */
void
ui_list_set_search(struct ui_list *l, const char *text, int searching)
{
	util_edit_set(&l->field, text != NULL ? text : "");
	l->searching = searching;
}
