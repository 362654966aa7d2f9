/*
 * test-ui-window.c — the sliding window over a long list, with a made-up
 * list of numbers whose query can be told to fail (a busy database): a
 * failed fetch keeps the rows, is not the end of the list, says why, and
 * the next move tries again.
 */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"
#include "test.h"

/* A row: its number, and a string it owns (so leaks show). */
struct row {
	long	 v;
	char	*s;
};

/* The list: the numbers 0 .. len-1; fail > 0 makes that many queries
 * fail from now on. */
struct fake {
	long	 len;
	int	 fail;
	int	 queries;
};

static int
fake_query(struct ui *ui, void *ctx, const void *cursor, int backward,
    size_t want, void **out, size_t *n, char **why)
{
	struct fake	*f = ctx;
	struct row	*rows;
	long		 at;

	(void)ui;
	f->queries++;
	if (f->fail > 0) {
		f->fail--;
		*why = xstrdup("The database is busy.");
		return -1;
	}
	if (cursor == NULL)
		at = backward ? f->len - 1 : 0;
	else
		at = ((const struct row *)cursor)->v + (backward ? -1 : 1);
	rows = xcalloc(want + 1, sizeof *rows);
	*n = 0;
	while (*n < want && at >= 0 && at < f->len) {
		rows[*n].v = at;
		rows[*n].s = xasprintf("row %ld", at);
		(*n)++;
		at += backward ? -1 : 1;
	}
	*out = rows;
	return 0;
}

static void
fake_clear(void *row)
{
	struct row	*r = row;

	free(r->s);
	r->s = NULL;
}

/* A window of fetch rows at a time, keep at most, over f. */
static void
win_init(struct ui_window *w, struct fake *f, size_t fetch, size_t keep)
{
	memset(w, 0, sizeof *w);
	w->size = sizeof (struct row);
	w->fetch = fetch;
	w->keep = keep;
	w->query = fake_query;
	w->clear = fake_clear;
	w->ctx = f;
}

/* The number of the selected row. */
static long
win_sel(const struct ui_window *w)
{
	return ((const struct row *)w->rows)[w->sel].v;
}

/* The rows held are consecutive numbers. */
static int
win_consecutive(const struct ui_window *w)
{
	const struct row	*r = w->rows;
	size_t			 i;

	for (i = 1; i < w->n; i++)
		if (r[i].v != r[i - 1].v + 1)
			return 0;
	return 1;
}

static void
test_pages_to_the_end(void)
{
	struct fake		f = { .len = 95 };
	struct ui_window	w;
	int			i;

	win_init(&w, &f, 10, 30);
	CHECK_INT(ui_window_reload(NULL, &w, 0), 0);
	CHECK_INT(w.n, 10);
	CHECK(w.at_start);
	CHECK(!w.at_end);
	for (i = 0; i < 20; i++)
		CHECK_INT(ui_window_move(NULL, &w, 7), 0);
	CHECK_INT(win_sel(&w), 94);
	CHECK(w.at_end);
	CHECK(!w.at_start);
	CHECK(w.n <= 30);
	CHECK(win_consecutive(&w));
	CHECK(w.error == NULL);
	for (i = 0; i < 20; i++)
		CHECK_INT(ui_window_move(NULL, &w, -7), 0);
	CHECK_INT(win_sel(&w), 0);
	CHECK(w.at_start);
	CHECK(win_consecutive(&w));
	ui_window_clear(&w);
}

static void
test_failed_fetch_is_not_the_end(void)
{
	struct fake		f = { .len = 25 };
	struct ui_window	w;
	size_t			held;

	win_init(&w, &f, 10, 100);
	ui_window_reload(NULL, &w, 0);
	CHECK_INT(ui_window_move(NULL, &w, 8), 0);	/* looks past row 9 */
	held = w.n;
	f.fail = 1;
	CHECK_INT(ui_window_move(NULL, &w, 15), -1);
	CHECK_INT(w.n, held);			/* the rows stay */
	CHECK(!w.at_end);			/* not the end */
	CHECK_INT(win_sel(&w), (long)held - 1);	/* as far as it could */
	CHECK_STR(w.error, "The database is busy.");
	CHECK(win_consecutive(&w));
	/* Moving again tries again. */
	CHECK_INT(ui_window_move(NULL, &w, 1), 0);
	CHECK(w.error == NULL);
	CHECK_INT(win_sel(&w), (long)held);
	CHECK_INT(ui_window_move(NULL, &w, 100), 0);
	CHECK_INT(win_sel(&w), 24);
	CHECK(w.at_end);
	ui_window_clear(&w);
}

static void
test_failed_fetch_back_is_not_the_start(void)
{
	struct fake		f = { .len = 50 };
	struct ui_window	w;
	size_t			held;

	win_init(&w, &f, 10, 100);
	CHECK_INT(ui_window_reload(NULL, &w, 1), 0);	/* End */
	CHECK_INT(win_sel(&w), 49);
	CHECK(w.at_end);
	CHECK(!w.at_start);
	CHECK_INT(ui_window_move(NULL, &w, -9), 0);	/* looks past it */
	held = w.n;
	f.fail = 1;
	CHECK_INT(ui_window_move(NULL, &w, -15), -1);
	CHECK_INT(w.n, held);
	CHECK(!w.at_start);
	CHECK(w.error != NULL);
	CHECK_INT(win_sel(&w), 50 - (long)held);
	CHECK_INT(ui_window_move(NULL, &w, -15), 0);
	CHECK(w.error == NULL);
	CHECK_INT(win_sel(&w), 50 - (long)held - 15);
	CHECK(win_consecutive(&w));
	ui_window_clear(&w);
}

static void
test_failed_reload(void)
{
	struct fake		f = { .len = 5, .fail = 1 };
	struct ui_window	w;

	win_init(&w, &f, 10, 100);
	CHECK_INT(ui_window_reload(NULL, &w, 0), -1);
	CHECK_INT(w.n, 0);
	CHECK(!w.at_start);
	CHECK(!w.at_end);
	CHECK(w.error != NULL);
	/* Moving tries again, from the start. */
	CHECK_INT(ui_window_move(NULL, &w, 1), 0);
	CHECK_INT(w.n, 5);
	CHECK(w.at_start);
	CHECK(w.at_end);
	CHECK_INT(win_sel(&w), 1);
	CHECK(w.error == NULL);
	ui_window_clear(&w);
}

static void
test_refresh_keeps_the_place(void)
{
	struct fake		f = { .len = 200 };
	struct ui_window	w;
	long			top, sel;

	win_init(&w, &f, 20, 60);
	ui_window_reload(NULL, &w, 0);
	ui_window_move(NULL, &w, 130);
	w.top = w.sel - 5;
	top = ((struct row *)w.rows)[w.top].v;
	sel = win_sel(&w);
	CHECK_INT(ui_window_refresh(NULL, &w), 0);
	CHECK_INT(((struct row *)w.rows)[w.top].v, top);
	CHECK_INT(win_sel(&w), sel);
	CHECK(win_consecutive(&w));
	/* A refresh that fails keeps every row as it was. */
	f.fail = 1;
	CHECK_INT(ui_window_refresh(NULL, &w), -1);
	CHECK_INT(((struct row *)w.rows)[w.top].v, top);
	CHECK_INT(win_sel(&w), sel);
	CHECK(w.error != NULL);
	CHECK_INT(ui_window_refresh(NULL, &w), 0);
	CHECK(w.error == NULL);
	/* Near the start: from the start, with the same rows. */
	ui_window_reload(NULL, &w, 0);
	ui_window_move(NULL, &w, 3);
	CHECK_INT(ui_window_refresh(NULL, &w), 0);
	CHECK_INT(win_sel(&w), 3);
	CHECK(w.at_start);
	ui_window_clear(&w);
}

static void
test_a_short_list(void)
{
	struct fake		f = { .len = 0 };
	struct ui_window	w;

	win_init(&w, &f, 10, 30);
	CHECK_INT(ui_window_reload(NULL, &w, 0), 0);
	CHECK_INT(w.n, 0);
	CHECK(w.at_start && w.at_end);
	CHECK_INT(ui_window_move(NULL, &w, 1), 0);
	CHECK_INT(w.sel, 0);
	f.len = 10;		/* exactly one fetch */
	CHECK_INT(ui_window_reload(NULL, &w, 0), 0);
	CHECK_INT(w.n, 10);
	CHECK_INT(ui_window_move(NULL, &w, 20), 0);
	CHECK_INT(win_sel(&w), 9);
	CHECK(w.at_end);
	ui_window_clear(&w);
}

int
main(void)
{
	RUN("ui-window", test_pages_to_the_end);
	RUN("ui-window", test_failed_fetch_is_not_the_end);
	RUN("ui-window", test_failed_fetch_back_is_not_the_start);
	RUN("ui-window", test_failed_reload);
	RUN("ui-window", test_refresh_keeps_the_place);
	RUN("ui-window", test_a_short_list);
	TEST_END();
}
