/*
 * ui-window.c — a sliding window over a long list read with keyset
 * paging: rows are fetched a window at a time on either side of the
 * selection, and rows far from it are let go, so a list of any length
 * holds at most `keep` rows.  The households list and the audit trail
 * use it; what a row is, and how to fetch and free one, is theirs.
 */
#include <stdlib.h>
#include <string.h>

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

/* Fetch the window after the last row held (or the first window). */
void
ui_window_fetch(struct ui *ui, struct ui_window *w)
{
	void	*more;
	size_t	 n;

	if (w->at_end)
		return;
	more = w->query(ui, w->ctx, w->n > 0 ? win_row(w, w->n - 1) : NULL, 0,
	    w->fetch, &n);
	if (more == NULL) {
		w->at_end = 1;
		return;
	}
	w->rows = xreallocarray(w->rows, w->n + n + 1, w->size);
	memcpy(win_row(w, w->n), more, n * w->size);
	free(more);	/* what the rows own now belongs to the window */
	w->n += n;
	w->at_end = n < w->fetch;
	win_trim(w, 1);
}

/* Fetch the window before the first row held (or the last window). */
void
ui_window_fetch_back(struct ui *ui, struct ui_window *w)
{
	void	*more;
	size_t	 n, i;

	if (w->at_start)
		return;
	more = w->query(ui, w->ctx, w->n > 0 ? win_row(w, 0) : NULL, 1,
	    w->fetch, &n);
	if (more == NULL) {
		w->at_start = 1;
		return;
	}
	w->rows = xreallocarray(w->rows, w->n + n + 1, w->size);
	memmove(win_row(w, n), w->rows, w->n * w->size);
	for (i = 0; i < n; i++)		/* nearest first: turn them round */
		memcpy(win_row(w, n - 1 - i), (char *)more + i * w->size,
		    w->size);
	free(more);
	w->n += n;
	w->sel += (int)n;
	w->top += (int)n;
	w->at_start = n < w->fetch;
	win_trim(w, 0);
}

/* Let go of every row held. */
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
}

/* Start again from the first row, or (from_end) from the last. */
void
ui_window_reload(struct ui *ui, struct ui_window *w, int from_end)
{
	ui_window_clear(w);
	w->at_start = !from_end;
	w->at_end = from_end;
	if (from_end) {
		ui_window_fetch_back(ui, w);
		w->sel = w->n > 0 ? (int)w->n - 1 : 0;
		w->top = 0;	/* drawing scrolls so the last rows fill */
	} else
		ui_window_fetch(ui, w);
}

/* Move the selection by delta rows, fetching more on either side.  The
 * fetches shift the indexes (rows come in front, rows are let go), but
 * sel always names the same row, so the target is sel + delta. */
void
ui_window_move(struct ui *ui, struct ui_window *w, int delta)
{
	size_t	had;

	while ((long)w->sel + delta >= (long)w->n && !w->at_end) {
		had = w->n;
		ui_window_fetch(ui, w);
		if (w->n == had && !w->at_end)
			break;
	}
	while ((long)w->sel + delta < 0 && !w->at_start) {
		had = w->n;
		ui_window_fetch_back(ui, w);
		if (w->n == had && !w->at_start)
			break;
	}
	delta += w->sel;
	if (delta >= (int)w->n)
		delta = (int)w->n - 1;
	if (delta < 0)
		delta = 0;
	w->sel = delta;
}
