/*
 * test-ui-list.c — the list widget's column layout, alone: whole columns
 * (times, dates) are never cut, spare width goes to the cut columns in
 * their order, a column with a short form grows all the way or not at
 * all, and a narrow line takes from the columns that grow last.
 */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "test.h"

/* The queue's columns: where, names, days, tries, languages. */
static const struct ui_column queue[] = {
	{ .head = "Where", .width = 24, .grow = 2 },
	{ .head = "Names", .width = 20, .grow = 3 },
	{ .head = "Days", .width = 5, .whole = 1 },
	{ .head = "Tries", .width = 5, .whole = 1 },
	{ .head = "Languages", .width = 16, .grow = 1 },
};

static int
sum(const int *w, int n)
{
	int	i, s = 0;

	for (i = 0; i < n; i++)
		s += w[i];
	return s;
}

static void
test_spare_goes_to_the_cut_first(void)
{
	/* Widest cells: a long place, long names, "Interpreter: Somali,
	 * Danish" (27). */
	int	need[] = { 28, 60, 4, 5, 27 }, w[5], gap;

	gap = ui_columns_fit(queue, need, 5, 98, 2, w);	/* 100 columns */
	CHECK_INT(gap, 2);
	CHECK_INT(w[4], 27);		/* the languages whole */
	CHECK_INT(w[0], 28);		/* then the place */
	CHECK_INT(w[2], 4);
	CHECK_INT(w[3], 5);
	CHECK_INT(sum(w, 5) + 4 * gap, 98);	/* names take the rest */
	CHECK(w[1] > 20);
	gap = ui_columns_fit(queue, need, 5, 78, 2, w);	/* 80 columns */
	CHECK_INT(sum(w, 5) + 4 * gap, 78);
	CHECK(w[4] > 16);		/* the little spare: languages */
	CHECK_INT(w[0], 24);
	CHECK_INT(w[1], 20);
}

static void
test_no_more_than_needed(void)
{
	int	need[] = { 20, 12, 4, 5, 6 }, w[5];

	ui_columns_fit(queue, need, 5, 98, 2, w);
	CHECK_INT(w[0], 20);
	CHECK_INT(w[1], 12);
	CHECK_INT(w[4], 6);		/* the rest stays free */
	CHECK_INT(sum(w, 5), 47);
}

static void
test_whole_columns_are_never_cut(void)
{
	static const struct ui_column acc[] = {
		{ .head = "Login", .width = 12 },
		{ .head = "Role", .width = 11 },
		{ .head = "Departments", .width = 11, .grow = 2 },
		{ .head = "Ambassador", .width = 13, .grow = 1 },
		{ .head = "State", .width = 17, .whole = 1 },
		{ .head = "Last login", .width = 10, .whole = 1 },
	};
	/* "locked until 02.06. 18:05" is 25 columns. */
	int	need[] = { 11, 11, 11, 11, 25, 10 }, w[6], gap;

	gap = ui_columns_fit(acc, need, 6, 78, 2, w);
	CHECK_INT(gap, 1);		/* narrow: one space between */
	CHECK_INT(w[4], 25);
	CHECK_INT(w[5], 10);
	CHECK_INT(w[0], 11);		/* grow 0 gives up last */
	CHECK_INT(w[1], 11);
	CHECK(sum(w, 6) + 5 * gap <= 78);
	need[4] = 18;			/* "locked until 18:05" */
	gap = ui_columns_fit(acc, need, 6, 78, 2, w);
	CHECK_INT(w[4], 18);
	CHECK_INT(w[2], 11);
	CHECK_INT(w[3], 11);
}

static void
test_a_short_form_grows_all_the_way(void)
{
	static const struct ui_column reg[] = {
		{ .head = "Moved in", .width = 10, .whole = 1 },
		{ .head = "Names", .width = 20, .grow = 1 },
		{ .head = "Department", .width = 10, .grow = 1,
		    .shortens = 1 },
	};
	int	need[] = { 10, 60, 19 }, w[3];

	ui_columns_fit(reg, need, 3, 50, 2, w);	/* 6 spare: not 9 */
	CHECK_INT(w[2], 10);
	CHECK_INT(w[1], 26);
	ui_columns_fit(reg, need, 3, 80, 2, w);	/* 36 spare */
	CHECK_INT(w[2], 19);
	CHECK_INT(w[1], 47);
}

static void
test_narrow_takes_from_the_last_to_grow(void)
{
	static const struct ui_column au[] = {
		{ .head = "Time", .width = 16, .whole = 1 },
		{ .head = "Login", .width = 20, .grow = 2 },
		{ .head = "What", .width = 18, .grow = 1 },
		{ .head = "Record", .width = 13, .grow = 2 },
		{ .head = "Detail", .width = 30, .grow = 3 },
	};
	int	need[] = { 16, 19, 18, 13, 40 }, w[5], gap;

	gap = ui_columns_fit(au, need, 5, 78, 2, w);
	CHECK_INT(gap, 1);
	CHECK_INT(w[0], 16);
	CHECK_INT(w[1], 19);
	CHECK_INT(w[2], 18);
	CHECK_INT(w[3], 13);
	CHECK_INT(w[4], 78 - 4 - 16 - 19 - 18 - 13);
	/* Far too narrow: everything gives, the whole ones last. */
	gap = ui_columns_fit(au, need, 5, 30, 2, w);
	CHECK(sum(w, 5) + 4 * gap <= 30);
	CHECK(w[0] >= 6);
}

int
main(void)
{
	RUN("ui-list", test_spare_goes_to_the_cut_first);
	RUN("ui-list", test_no_more_than_needed);
	RUN("ui-list", test_whole_columns_are_never_cut);
	RUN("ui-list", test_a_short_form_grows_all_the_way);
	RUN("ui-list", test_narrow_takes_from_the_last_to_grow);
	TEST_END();
}
