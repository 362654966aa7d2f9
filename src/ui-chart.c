/*
 * ui-chart.c — rates as bars and counts as columns, in block characters
 * (▏▎▍▌▋▊▉█ across, ▁▂▃▄▅▆▇█ up): an eighth of a column at a time, no
 * colour needed, so monochrome and NO_COLOR show the same.  The numbers
 * always stand beside them: a bar never says anything alone.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* The eighths across, 1..8 (U+258F .. U+2588). */
static const char *const across[9] = { " ", "\xe2\x96\x8f",
    "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b",
    "\xe2\x96\x8a", "\xe2\x96\x89", "\xe2\x96\x88" };
/* The eighths up, 1..8 (U+2581 .. U+2588). */
static const char *const up[9] = { " ", "\xe2\x96\x81", "\xe2\x96\x82",
    "\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
    "\xe2\x96\x87", "\xe2\x96\x88" };

/* Eighths of part/of in a length of cells: rounded, but a part > 0
 * shows and a part < of is not full. */
long
ui_eighths(long part, long of, int cells)
{
	long	all = (long)cells * 8, e;

	if (of <= 0 || part <= 0 || cells <= 0)
		return 0;
	if (part >= of)
		return all;
	e = (part * all * 2 + of) / (of * 2);
	if (e == 0)
		e = 1;
	if (e >= all)
		e = all - 1;
	return e;
}

/* The bar of part/of, cols columns, into buf; see ui.h. */
char *
ui_bar(long part, long of, int cols, char *buf, size_t len)
{
	long	e = ui_eighths(part, of, cols);
	size_t	at = 0, n;
	int	i;

	for (i = 0; i < cols; i++, e -= 8) {
		n = strlen(across[e >= 8 ? 8 : e > 0 ? e : 0]);
		if (at + n >= len)
			break;
		memcpy(buf + at, across[e >= 8 ? 8 : e > 0 ? e : 0], n);
		at += n;
	}
	buf[at] = '\0';
	return buf;
}

/* A bar and its per cent at (y, x); see ui.h. */
int
ui_put_bar(int y, int x, long part, long of, int cols, enum ui_style st)
{
	char	bar[UI_BAR_MAX * 3 + 1], pct[24];

	if (cols > UI_BAR_MAX)
		cols = UI_BAR_MAX;
	ui_bar(part, of, cols, bar, sizeof bar);
	ui_put(y, x, bar, cols, 1, st);
	ui_percent(part, of, pct, sizeof pct);
	ui_put(y, x + cols + 1, pct, 4, 0, STYLE_NORMAL);
	return cols + 5;
}

/* "78%", right-aligned in 4, or "  —" when of is 0; see ui.h. */
char *
ui_percent(long part, long of, char *buf, size_t len)
{
	if (of <= 0)
		snprintf(buf, len, "   \xe2\x80\x94");
	else
		snprintf(buf, len, "%3ld%%", (part * 200 + of) / (of * 2));
	return buf;
}

/* One row of a chart's columns; see ui.h. */
void
ui_chart_row(int y, int x, const struct ui_chart *c, int row)
{
	long	e;
	size_t	g;
	int	s, i, col, level;

	for (g = 0; g < c->groups; g++) {
		col = x + (int)g * c->group_cols + c->group_cols -
		    c->nseries * c->bar_cols;
		for (s = 0; s < c->nseries; s++) {
			e = ui_eighths(c->values[g * (size_t)c->nseries +
			    (size_t)s], c->max, c->rows);
			level = (int)(e - (long)(c->rows - 1 - row) * 8);
			if (level > 8)
				level = 8;
			if (level < 0)
				level = 0;
			for (i = 0; i < c->bar_cols; i++)
				ui_put(y, col + s * c->bar_cols + i, up[level],
				    1, 0, c->style[s]);
		}
	}
}
