/*
 * ui-window.c — a sliding window over a long list read with keyset
 * paging: rows are fetched a window at a time on either side of the
 * selection, and rows far from it are let go, so a list of any length
 * holds at most `keep` rows.  The list widget (ui-list.c) draws it; what
 * a row is, and how to fetch and free one, is the screen's.
 *
 * A fetch can fail (the database is busy, the disk went away): that is
 * not the end of the list.  The rows held stay, at_start and at_end stay
 * as they were, and `error` says why, so the next move tries again.
 * No curses here: tests/unit/test-ui-window.c runs it with a made-up
 * query.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "util.h"

/* Row i of the window. */
static void *
win_row(const struct ui_window *w, size_t i)
{
	return (char *)w->rows + i * w->size;
}

/* Let go of rows at the far end from the selection, keeping w->keep:
 * the front ones (at_front) or the back ones. */
static void
win_trim(struct ui_window *w, int at_front)
{
	size_t	drop, i;

	if (w->n <= w->keep)
		return;
	drop = w->n - w->keep;
	if (at_front && drop > (size_t)w->sel)	/* never the selected row */
		drop = (size_t)w->sel;
	if (!at_front && w->n - drop <= (size_t)w->sel)
		drop = w->n - (size_t)w->sel - 1;
	if (drop == 0)
		return;
	if (at_front) {
		for (i = 0; i < drop; i++)
			w->clear(win_row(w, i));
		memmove(w->rows, win_row(w, drop), (w->n - drop) * w->size);
		w->sel -= (int)drop;
		w->top = w->top > (int)drop ? w->top - (int)drop : 0;
		w->at_start = 0;
	} else {
		for (i = w->n - drop; i < w->n; i++)
			w->clear(win_row(w, i));
		w->at_end = 0;
	}
	w->n -= drop;
}

/* Ask the query for rows; 0, or -1 with w->error saying why. */
static int
win_query(struct ui *ui, struct ui_window *w, const void *cursor,
    int backward, size_t want, void **rows, size_t *n)
{
	char	*why = NULL;

	*rows = NULL;
	*n = 0;
	if (w->query(ui, w->ctx, cursor, backward, want, rows, n, &why) != 0) {
		free(w->error);
		w->error = why != NULL ? why :
		    xstrdup(_("The list could not be read."));
		*rows = NULL;
		*n = 0;
		return -1;
	}
	free(why);
	free(w->error);
	w->error = NULL;
	return 0;
}

/* Fetch the window after the last row held (or the first window):
 * the rows it got, or -1. */
static long
win_fetch(struct ui *ui, struct ui_window *w)
{
	void	*more;
	size_t	 n;
	int	 first = w->n == 0;

	if (w->at_end)
		return 0;
	if (win_query(ui, w, first ? NULL : win_row(w, w->n - 1), 0,
	    w->fetch, &more, &n) != 0)
		return -1;
	if (n > 0) {
		w->rows = xreallocarray(w->rows, w->n + n + 1, w->size);
		memcpy(win_row(w, w->n), more, n * w->size);
	}
	free(more);	/* what the rows own now belongs to the window */
	w->n += n;
	w->at_end = n < w->fetch;
	if (first)
		w->at_start = 1;
	win_trim(w, 1);
	return (long)n;
}

/* Fetch the window before the first row held (or the last window):
 * the rows it got, or -1. */
static long
win_fetch_back(struct ui *ui, struct ui_window *w)
{
	void	*more;
	size_t	 n, i;
	int	 last = w->n == 0;

	if (w->at_start)
		return 0;
	if (win_query(ui, w, last ? NULL : win_row(w, 0), 1, w->fetch, &more,
	    &n) != 0)
		return -1;
	if (n > 0) {
		w->rows = xreallocarray(w->rows, w->n + n + 1, w->size);
		memmove(win_row(w, n), w->rows, w->n * w->size);
		for (i = 0; i < n; i++)	/* nearest first: turn them round */
			memcpy(win_row(w, n - 1 - i),
			    (char *)more + i * w->size, w->size);
	}
	free(more);
	w->n += n;
	if (w->n > n) {		/* the rows held before come after these */
		w->sel += (int)n;
		w->top += (int)n;
	}
	w->at_start = n < w->fetch;
	if (last)
		w->at_end = 1;
	win_trim(w, 0);
	return (long)n;
}

/* Fetch the window after the last row held. */
int
ui_window_fetch(struct ui *ui, struct ui_window *w)
{
	return win_fetch(ui, w) < 0 ? -1 : 0;
}

/* Fetch the window before the first row held. */
int
ui_window_fetch_back(struct ui *ui, struct ui_window *w)
{
	return win_fetch_back(ui, w) < 0 ? -1 : 0;
}

/* Let go of every row held, and of the error. */
void
ui_window_clear(struct ui_window *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		w->clear(win_row(w, i));
	free(w->rows);
	w->rows = NULL;
	w->n = 0;
	w->sel = w->top = 0;
	free(w->error);
	w->error = NULL;
}

/* Start again from the first row, or (from_end) from the last. */
int
ui_window_reload(struct ui *ui, struct ui_window *w, int from_end)
{
	int	rc;

	ui_window_clear(w);
	w->at_start = w->at_end = 0;
	if (from_end) {
		rc = ui_window_fetch_back(ui, w);
		w->sel = w->n > 0 ? (int)w->n - 1 : 0;
		w->top = 0;	/* drawing scrolls so the last rows fill */
	} else
		rc = ui_window_fetch(ui, w);
	return rc;
}

/*
 * Move the selection by delta rows, fetching more on either side.  The
 * fetches shift the indexes (rows come in front, rows are let go), but
 * sel always names the same row, so the target is sel + delta.
 */
int
ui_window_move(struct ui *ui, struct ui_window *w, int delta)
{
	long	got = 0;
	int	to;

	while ((long)w->sel + delta >= (long)w->n && !w->at_end &&
	    (got = win_fetch(ui, w)) > 0)
		;
	while (got >= 0 && (long)w->sel + delta < 0 && !w->at_start &&
	    (got = win_fetch_back(ui, w)) > 0)
		;
	to = w->sel + delta;
	if (to >= (int)w->n)
		to = (int)w->n - 1;
	if (to < 0)
		to = 0;
	w->sel = to;
	if (got < 0)
		return -1;
	/* At a held end: look past it, so that at_start and at_end tell
	 * the truth (a list that ends here shows no "more"). */
	if (w->sel == 0 && !w->at_start)
		got = win_fetch_back(ui, w);
	else if (w->sel == (int)w->n - 1 && !w->at_end)
		got = win_fetch(ui, w);
	return got < 0 ? -1 : 0;
}

/* Refill t from the start with as many rows as w held, at w's place. */
static int
win_refill_start(struct ui *ui, const struct ui_window *w,
    struct ui_window *t)
{
	long	got;

	do
		got = win_fetch(ui, t);
	while (got > 0 && t->n < w->n && !t->at_end);
	if (got < 0)
		return -1;
	t->top = w->top;
	t->sel = w->sel;
	return 0;
}

/* Refill t from the row just before the first one w shows. */
static int
win_refill_from(struct ui *ui, const struct ui_window *w,
    struct ui_window *t)
{
	void	*before;
	size_t	 n, want = 1 + w->n - (size_t)w->top;
	long	 got;

	if (win_query(ui, t, win_row(w, (size_t)w->top), 1, 1, &before,
	    &n) != 0)
		return -1;
	if (n == 0) {		/* the rows above went away */
		free(before);
		return win_refill_start(ui, w, t);
	}
	t->rows = before;
	t->n = 1;
	do
		got = win_fetch(ui, t);
	while (got > 0 && t->n < want && !t->at_end);
	if (got < 0)
		return -1;
	t->top = 1;
	t->sel = 1 + w->sel - w->top;
	return 0;
}

/* Fetch the rows again around those shown, keeping the place; on failure
 * the rows held stay as they were. */
int
ui_window_refresh(struct ui *ui, struct ui_window *w)
{
	struct ui_window	t = *w;
	int			rc;

	t.rows = NULL;
	t.n = 0;
	t.error = NULL;
	t.sel = t.top = 0;
	t.at_start = t.at_end = 0;
	if (w->n == 0 || w->at_start || w->top <= 0)
		rc = win_refill_start(ui, w, &t);
	else
		rc = win_refill_from(ui, w, &t);
	if (rc != 0) {
		free(w->error);
		w->error = t.error;
		t.error = NULL;
		ui_window_clear(&t);
		return -1;
	}
	ui_window_clear(w);
	*w = t;
	if (w->sel >= (int)w->n)
		w->sel = (int)w->n - 1;
	if (w->sel < 0)
		w->sel = 0;
	return 0;
}
