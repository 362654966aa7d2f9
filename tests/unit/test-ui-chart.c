/*
 * test-ui-chart.c — the bars' eighths and text, alone (no terminal): a
 * bar is rounded to the nearest eighth, but a part > 0 always shows and
 * a part short of the whole never looks whole; the per cent beside it is
 * rounded half up, and "—" when there is nothing to count.
 */
#include <locale.h>
#include <string.h>

#include "ui.h"
#include "util.h"
#include "test.h"

static void
test_eighths_round(void)
{
	CHECK_INT(ui_eighths(0, 10, 8), 0);
	CHECK_INT(ui_eighths(5, 10, 8), 32);		/* half of 64 */
	CHECK_INT(ui_eighths(1, 3, 3), 8);		/* 24 / 3 */
	CHECK_INT(ui_eighths(2, 3, 1), 5);		/* 5.33 */
	CHECK_INT(ui_eighths(10, 10, 8), 64);
	CHECK_INT(ui_eighths(12, 10, 8), 64);		/* never more */
	CHECK_INT(ui_eighths(3, 0, 8), 0);		/* nothing to count */
	CHECK_INT(ui_eighths(3, 10, 0), 0);
}

static void
test_eighths_small_and_nearly_whole_show(void)
{
	CHECK_INT(ui_eighths(1, 1000, 8), 1);		/* 0.064: shows */
	CHECK_INT(ui_eighths(999, 1000, 8), 63);	/* 63.94: not whole */
}

static void
test_bar_text(void)
{
	char	buf[64];

	/* 5 of 8 in 2 columns: 10 eighths, one full block and a quarter. */
	CHECK_STR(ui_bar(5, 8, 2, buf, sizeof buf),
	    "\xe2\x96\x88\xe2\x96\x8e");
	CHECK_INT(util_text_width(buf), 2);
	CHECK_STR(ui_bar(0, 8, 3, buf, sizeof buf), "   ");
	CHECK_STR(ui_bar(8, 8, 3, buf, sizeof buf),
	    "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88");
	/* 1 of 16 in 1 column: half an eighth, shown as one. */
	CHECK_STR(ui_bar(1, 16, 1, buf, sizeof buf), "\xe2\x96\x8f");
	/* A buffer too small is cut at a whole character. */
	CHECK_STR(ui_bar(8, 8, 3, buf, 5), "\xe2\x96\x88");
}

static void
test_percent_text(void)
{
	char	buf[24];

	CHECK_STR(ui_percent(87, 126, buf, sizeof buf), " 69%");
	CHECK_STR(ui_percent(1, 8, buf, sizeof buf), " 13%");	/* 12.5 */
	CHECK_STR(ui_percent(1, 200, buf, sizeof buf), "  1%");	/* 0.5 */
	CHECK_STR(ui_percent(0, 5, buf, sizeof buf), "  0%");
	CHECK_STR(ui_percent(5, 5, buf, sizeof buf), "100%");
	CHECK_STR(ui_percent(0, 0, buf, sizeof buf), "   \xe2\x80\x94");
	CHECK_INT(util_text_width(buf), 4);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	RUN("ui-chart", test_eighths_round);
	RUN("ui-chart", test_eighths_small_and_nearly_whole_show);
	RUN("ui-chart", test_bar_text);
	RUN("ui-chart", test_percent_text);
	TEST_END();
}
