/*
 * ui-report.h — what the yearly report's two screens share
 * (screen-report.c, screen-evaluation.c, ui-report.c): the query made
 * from the configuration, the periods and how to move between them, the
 * figures as text, the month chart and the checklist's bars, and a page
 * of lines that scrolls.  Private to those files.
 */
#ifndef VELKOMST_UI_REPORT_H
#define VELKOMST_UI_REPORT_H

#include <stddef.h>

#include "db.h"
#include "report.h"
#include "ui.h"

/*
 * Read the report of period p into *r (which holds nothing, or a report
 * to let go of first): every department of the configuration, its
 * stairwells and checklist, and the months of department dept (a key)
 * or of all (NULL).  Returns 0, or -1 with *why a new translated
 * sentence (and *r holding nothing).
 */
int	 ui_report_load(struct ui *, const struct report_period *p,
	    const char *dept, struct report *r, char **why);

/*
 * When a screen read its report: the file then (db_stamp) and the day.
 * Coming back to the screen reads the report again only if something
 * was written to the file since, or the day changed: at a million
 * households an open year takes seconds to count.
 */
struct ui_report_when {
	struct db_stamp	 at;
	long		 day;
};
/* Note that the report was read now. */
void	 ui_report_read_now(struct ui *, struct ui_report_when *);
/* 1 if the report read at *w may have changed since. */
int	 ui_report_changed(struct ui *, const struct ui_report_when *);
/* Say on the screen, at once, that the report is being counted (it is
 * about to be read: an open year takes seconds on a large register);
 * ui_message(ui, "%s", "") takes it away. */
void	 ui_report_counting(struct ui *);

/* The period shown first: the last calendar year before today. */
void	 ui_report_default(struct ui *, struct report_period *);
/* The period delta periods (of the same kind) from `from`, into *to:
 * NULL, or why there is none (a new translated sentence). */
char	*ui_report_step(struct ui *, const struct report_period *from,
	    int delta, struct report_period *to);
/* From a calendar year to the agreement year that starts in it (or the
 * nearest there is, up to today), or from an agreement year to the
 * calendar year it starts in: NULL, or why not (a new translated
 * sentence). */
char	*ui_report_switch(struct ui *, const struct report_period *from,
	    struct report_period *to);

/* The period and whether it is closed: "2018 · cut-off 14.01.2019 ·
 * closed".  A new string. */
char	*ui_report_period_line(const struct report *, long today);
/* The median of median2 (twice the median) in days, "6" or "6.5" (the
 * language's decimal sign), or "—" when there is none: buf. */
char	*ui_report_median(long median2, char *buf, size_t len);
/* A number of tenths, "14.3" (the language's decimal sign): buf. */
char	*ui_report_tenths(long tenths, char *buf, size_t len);
/* A checklist item's title in the language spoken. */
const char *ui_report_item_title(const struct report_item *);

/* Lines 0, 1, ... of a page shown in rows rows from screen row y, from
 * line skip on; lines is how many the last drawing made. */
struct ui_page {
	int	 y, rows;
	int	 skip, lines;
};
/* The screen row of line n, or -1 when it is scrolled off. */
int	 ui_page_row(const struct ui_page *, int n);
/* Put s at line n, column x, in cols columns (when it shows). */
void	 ui_page_put(const struct ui_page *, int n, int x, const char *s,
	    int cols, enum ui_style);
/* Wrap text from line n in cols columns at column x: the next line. */
int	 ui_page_wrap(const struct ui_page *, int n, int x, int cols,
	    const char *text, enum ui_style);
/* Scroll by a key's action (Up, Down, PgUp, PgDn, Home, End): the
 * handler's flags, or 0 when it is no scrolling action. */
int	 ui_page_key(struct ui_page *, enum ui_action);
/* After drawing: the last line count, and "more" marks at the right. */
void	 ui_page_end(struct ui *, struct ui_page *, int lines);

/* What the evaluation is opened with: a department (an index of the
 * configuration's) and the period of the report. */
struct ui_report_eval {
	int			 department;
	struct report_period	 period;
};

/* A table's column: its head (English, for _(); a "\n" breaks it in two
 * lines, else it stands on the second), and numbers right-aligned. */
struct ui_report_col {
	const char	*head;
	int		 right;
};
/* The widest line of a column's head, translated. */
int	 ui_report_head_width(const struct ui_report_col *);
/* Place ncols columns of widths w from column x0, gap apart, into x:
 * returns the column after the last. */
int	 ui_report_place(int ncols, const int *w, int x0, int gap, int *x);
/* Draw the heads on lines n and n + 1: returns n + 2. */
int	 ui_report_heads(const struct ui_page *, int n,
	    const struct ui_report_col *, int ncols, const int *x,
	    const int *w);
/* Put s in w columns at column x of line n, right-aligned if right. */
void	 ui_report_cell(const struct ui_page *, int n, int x, int w,
	    const char *s, int right, enum ui_style);

/*
 * From line n of the page: the chart of the months of r (moved in and
 * welcomed, by the month of moving in), the months' names, their
 * numbers and a legend.  Returns the next line.
 */
int	 ui_report_months(struct ui *, struct ui_page *, int n,
	    const struct report *r);
/*
 * From line n: the checklist items of f, each with a bar of done and the
 * per cents of not relevant and later; with cmp (or NULL), the per cent
 * done of the same item there, under the heading cmp_head (English, for
 * _()).  Returns the next line.
 */
int	 ui_report_items(struct ui *, struct ui_page *, int n,
	    const struct report_figures *f, const struct report_figures *cmp,
	    const char *cmp_head);

#endif
