/*
 * report-xlsx.c — the one file that speaks libxlsxwriter: the yearly
 * report as an Excel workbook (a sheet about the period, one sheet per
 * table (departments, checklist, months, ambassadors) and a chart sheet
 * of the months), and the workbook of an export (export-xlsx.h: one
 * sheet, a bold frozen header row, date cells, widths that fit).
 *
 * The library is loaded (dlopen) when the first workbook is made, not
 * when velkomst starts: with it come libcrypto, minizip and zlib, whose
 * thousands of symbols the dynamic loader would otherwise bind before
 * every command and every login screen (1.2 to 1.7 ms of a start of
 * 4 to 6 ms; README, Performance), for a workbook most runs never write.
 */
#include <sys/stat.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "export-xlsx.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

#define XLSX_COLS	16	/* the widest table: the departments' */
#define NELEM(a)	((int)(sizeof (a) / sizeof (a)[0]))

/* The workbook being written and its formats. */
struct xlsx {
	lxw_workbook	*wb;
	lxw_format	*bold, *percent, *date, *month, *average;
	lxw_error	 err;		/* the first error, or LXW_NO_ERROR */
};

/* One row of a table of groups: a department, the total, ...; the
 * others' average divides its counts by avg (1: counts as they are). */
struct xlsx_group {
	const char	*label;
	const struct report_figures *f;
	long		 avg;
};

/* A sheet and the widest text of each of its columns. */
struct xlsx_sheet {
	struct xlsx	*x;
	lxw_worksheet	*ws;
	const char	*name;		/* as the workbook has it */
	int		 width[XLSX_COLS];
};

static const char *const xlsx_figure_heads[] = {
	N_("Department"), N_("Moved in"), N_("Welcomed"),
	N_("Per cent welcomed"), N_("Welcomed in time"), N_("Per cent in time"),
	N_("Median days"), N_("Partly"), N_("Declined"), N_("Not reached"),
	N_("To the secretariat"), N_("Followed up"),
	N_("Why: not home too often"), N_("Why: passed on by an ambassador"),
	N_("Why: declined, with a note"), N_("Why: not reached in time"),
};

static const char *const xlsx_item_heads[] = {
	N_("Checklist item"), N_("Done"), N_("Not relevant"), N_("Later"),
	N_("Per cent done"), N_("Per cent not relevant"),
	N_("Per cent later"), N_("Only in department"),
	N_("Per cent done, others"),	/* the evaluation's only */
};

static const char *const xlsx_month_heads[] = {
	N_("Month"), N_("Moved in"), N_("Welcomed"), N_("Welcomed in time"),
	N_("Median days"),
};

static const char *const xlsx_ambassador_heads[] = {
	N_("Department"), N_("Recruited"), N_("Stopped"),
	N_("Active at the end"), N_("Recruited toward the goal"), N_("Goal"),
	N_("Stairwells"), N_("Covered"), N_("Per cent covered"),
};

/* ---- the library, loaded when the first workbook is made ------------ */

/* Its file: the soname velkomst was built against. */
#define XLSX_LIBRARY	"libxlsxwriter.so." LXW_SOVERSION

/* X(name) for each function of the library that velkomst calls. */
#define XLSX_FUNCTIONS(X)						\
	X(workbook_new) X(workbook_close) X(workbook_add_format)	\
	X(workbook_add_worksheet) X(workbook_add_chart)			\
	X(workbook_add_chartsheet) X(format_set_bold)			\
	X(format_set_num_format) X(worksheet_write_string)		\
	X(worksheet_write_number) X(worksheet_write_datetime)		\
	X(worksheet_set_column) X(worksheet_freeze_panes)		\
	X(chart_add_series) X(chart_axis_set_num_format)		\
	X(chart_legend_set_position) X(chart_series_set_categories)	\
	X(chart_series_set_name_range) X(chart_series_set_values)	\
	X(chart_title_set_name) X(chartsheet_set_chart)

/* The functions, each with the type its header declares. */
#define XLSX_POINTER(f)	__typeof__(f) *f;
static struct {
	XLSX_FUNCTIONS(XLSX_POINTER)
} xl;
#undef XLSX_POINTER

/*
 * Load the library, once: NULL, or why it could not be (the dynamic
 * loader's words, English and technical: they follow the sentence that
 * says what to install, for whoever helps).
 */
static const char *
xlsx_load(void)
{
	static int	 loaded;
	const char	*why;
	void		*lib;

	if (loaded)
		return NULL;
	if ((lib = dlopen(XLSX_LIBRARY, RTLD_NOW | RTLD_LOCAL)) == NULL)
		goto fail;
#define XLSX_FIND(f)	if ((*(void **)&xl.f = dlsym(lib, #f)) == NULL)	\
		goto fail;
	XLSX_FUNCTIONS(XLSX_FIND)
#undef XLSX_FIND
	loaded = 1;
	return NULL;
fail:
	why = dlerror();
	return why != NULL ? why : XLSX_LIBRARY;
}

/* Note a library call's error; the first one is the one told. */
static void
xlsx_check(struct xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/* Let column c take w columns of text. */
static void
xlsx_widen(struct xlsx_sheet *s, int c, int w)
{
	if (c >= 0 && c < XLSX_COLS && w > s->width[c])
		s->width[c] = w;
}

/* Text in a cell. */
static void
xlsx_text(struct xlsx_sheet *s, int row, int c, const char *text,
    lxw_format *f)
{
	xlsx_check(s->x, xl.worksheet_write_string(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, text, f));
	xlsx_widen(s, c, util_text_width(text));
}

/* A count in a cell. */
static void
xlsx_count(struct xlsx_sheet *s, int row, int c, long n)
{
	char	 buf[32];

	xlsx_check(s->x, xl.worksheet_write_number(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, (double)n, NULL));
	xlsx_widen(s, c, snprintf(buf, sizeof buf, "%ld", n));
}

/* A group's count, or the others' average of it (one decimal shown). */
static void
xlsx_figure(struct xlsx_sheet *s, int row, int c, long n, long avg)
{
	char	 buf[32];

	if (avg <= 1) {
		xlsx_count(s, row, c, n);
		return;
	}
	xlsx_check(s->x, xl.worksheet_write_number(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, (double)n / (double)avg, s->x->average));
	xlsx_widen(s, c, snprintf(buf, sizeof buf, "%.1f",
	    (double)n / (double)avg));
}

/* part of of as a per cent (a number, shown with %); empty when of is 0. */
static void
xlsx_percent(struct xlsx_sheet *s, int row, int c, long part, long of)
{
	if (of <= 0)
		return;
	xlsx_check(s->x, xl.worksheet_write_number(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, (double)part / (double)of, s->x->percent));
	xlsx_widen(s, c, 4);
}

/* The median days from twice the median (7.5 stays 7.5); empty when
 * nobody was welcomed. */
static void
xlsx_median(struct xlsx_sheet *s, int row, int c, long median2)
{
	char	 buf[32];

	if (median2 < 0)
		return;
	xlsx_check(s->x, xl.worksheet_write_number(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, (double)median2 / 2.0, NULL));
	xlsx_widen(s, c, snprintf(buf, sizeof buf, "%ld%s", median2 / 2,
	    median2 % 2 != 0 ? ".5" : ""));
}

/* A day as a real date in a cell; empty for DATE_NONE. */
static void
xlsx_date(struct xlsx_sheet *s, int row, int c, long day, lxw_format *f)
{
	lxw_datetime	 dt;
	int		 y, m, d;

	if (day == DATE_NONE)
		return;
	util_date_split(day, &y, &m, &d);
	memset(&dt, 0, sizeof dt);
	dt.year = y;
	dt.month = m;
	dt.day = d;
	xlsx_check(s->x, xl.worksheet_write_datetime(s->ws, (lxw_row_t)row,
	    (lxw_col_t)c, &dt, f));
	xlsx_widen(s, c, 10);
}

/* Add a sheet called name (translated); with heads, a bold header row
 * of n columns, frozen with the first column.  -1 if the library
 * refused it. */
static int
xlsx_sheet(struct xlsx *x, struct xlsx_sheet *s, const char *name,
    const char *const *heads, int n)
{
	int	 c;

	memset(s, 0, sizeof *s);
	s->x = x;
	s->name = _(name);
	if ((s->ws = xl.workbook_add_worksheet(x->wb, s->name)) == NULL) {
		xlsx_check(x, LXW_ERROR_PARAMETER_VALIDATION);
		return -1;
	}
	for (c = 0; c < n; c++)
		xlsx_text(s, 0, c, _(heads[c]), x->bold);
	if (n > 0)
		xl.worksheet_freeze_panes(s->ws, 1, 1);
	return 0;
}

/* Make each column as wide as its widest text (bold headers need a
 * little more). */
static void
xlsx_fit(struct xlsx_sheet *s)
{
	int	 c;

	for (c = 0; c < XLSX_COLS; c++)
		if (s->width[c] > 0)
			xlsx_check(s->x, xl.worksheet_set_column(s->ws,
			    (lxw_col_t)c, (lxw_col_t)c,
			    s->width[c] * 1.1 + 2, NULL));
}

/* What kind of period the report is of, in words. */
static char *
xlsx_kind(const struct report_period *p)
{
	switch (p->kind) {
	case RK_YEAR:
		return xasprintf(_("Calendar year %d"), p->number);
	case RK_AGREEMENT_YEAR:
		return xasprintf(_("Agreement year %d"), p->number);
	case RK_EVALUATION:
		return xstrdup(_("Evaluation: the first year after the first "
		    "welcome"));
	case RK_RANGE:
	default:
		return xstrdup(_("A chosen period"));
	}
}

/* Whether the figures can still change, in a sentence. */
static const char *
xlsx_state(const struct report *r)
{
	if (r->closed)
		return _("Closed: these figures do not change any more.");
	if (r->period.cutoff < util_today())
		return _("The cut-off has passed, but these figures were "
		    "counted again and not kept (the database could not be "
		    "written to).");
	return _("Open: the figures can change until the cut-off has "
	    "passed.");
}

/* The first sheet: the period, its cut-off and whether it has closed. */
static void
xlsx_about(struct xlsx *x, const struct report *r)
{
	struct xlsx_sheet s;
	char		*kind;
	int		 row = 0;

	if (xlsx_sheet(x, &s, N_("About"), NULL, 0) == -1)
		return;
	kind = xlsx_kind(&r->period);
	xlsx_text(&s, row, 0, _("Report"), x->bold);
	xlsx_text(&s, row++, 1, kind, NULL);
	free(kind);
	xlsx_text(&s, row, 0, _("From"), x->bold);
	xlsx_date(&s, row++, 1, r->period.from, x->date);
	xlsx_text(&s, row, 0, _("To"), x->bold);
	xlsx_date(&s, row++, 1, r->period.to, x->date);
	xlsx_text(&s, row, 0, _("Welcome deadline (days)"), x->bold);
	xlsx_count(&s, row++, 1, r->deadline);
	xlsx_text(&s, row, 0, _("Cut-off: visits recorded up to"), x->bold);
	xlsx_date(&s, row++, 1, r->period.cutoff, x->date);
	xlsx_text(&s, row, 0, _("State"), x->bold);
	xlsx_text(&s, row++, 1, xlsx_state(r), NULL);
	if (r->closed && r->closed_on != DATE_NONE) {
		xlsx_text(&s, row, 0, _("Kept on"), x->bold);
		xlsx_date(&s, row++, 1, r->closed_on, x->date);
	}
	if (r->department >= 0 && (size_t)r->department < r->ndepartments) {
		xlsx_text(&s, row, 0, _("Department"), x->bold);
		xlsx_text(&s, row++, 1, r->departments[r->department], NULL);
		xlsx_text(&s, row, 0, _("Others, average"), x->bold);
		xlsx_text(&s, row++, 1, _("Others, average: the other "
		    "departments' counts added up and divided by their number; "
		    "their per cent and median of them all together."), NULL);
	}
	xlsx_text(&s, row, 0, _("Recruitment goal (ambassadors)"), x->bold);
	xlsx_count(&s, row++, 1, r->goal);
	xlsx_fit(&s);
}

/*
 * The rows of a table of groups into g (at least ndepartments + 3):
 * each department, the total, and the pilots and the others when the
 * configuration names pilots; in a department's evaluation, that
 * department and the average of the others.  Returns how many.
 */
static size_t
xlsx_groups(const struct report *r, struct xlsx_group *g)
{
	size_t	 i, n = 0;
	long	 others = (long)r->ndepartments - 1;

	if (r->department >= 0 && (size_t)r->department < r->ndepartments) {
		g[n++] = (struct xlsx_group){ r->departments[r->department],
		    &r->by_department[r->department], 1 };
		g[n++] = (struct xlsx_group){ _("Others, average"), &r->rest,
		    others > 1 ? others : 1 };
		return n;
	}
	for (i = 0; i < r->ndepartments; i++)
		g[n++] = (struct xlsx_group){ r->departments[i],
		    &r->by_department[i], 1 };
	g[n++] = (struct xlsx_group){ _("Total"), &r->total, 1 };
	if (r->has_pilots) {
		g[n++] = (struct xlsx_group){ _("Pilot departments"),
		    &r->pilots, 1 };
		g[n++] = (struct xlsx_group){ _("Other departments"),
		    &r->others, 1 };
	}
	return n;
}

/* One row of the departments' table. */
static void
xlsx_figure_row(struct xlsx_sheet *s, const struct report *r, int row,
    const struct xlsx_group *g)
{
	const struct report_figures *f = g->f;
	int	 c = 0, k;

	(void)r;
	xlsx_text(s, row, c++, g->label, NULL);
	xlsx_figure(s, row, c++, f->moved_in, g->avg);
	xlsx_figure(s, row, c++, f->welcomed, g->avg);
	xlsx_percent(s, row, c++, f->welcomed, f->moved_in);
	xlsx_figure(s, row, c++, f->in_time, g->avg);
	xlsx_percent(s, row, c++, f->in_time, f->moved_in);
	xlsx_median(s, row, c++, f->median2);
	xlsx_figure(s, row, c++, f->partly, g->avg);
	xlsx_figure(s, row, c++, f->declined, g->avg);
	xlsx_figure(s, row, c++, f->not_reached, g->avg);
	xlsx_figure(s, row, c++, f->referred, g->avg);
	xlsx_figure(s, row, c++, f->followed_up, g->avg);
	for (k = 0; k < REPORT_REFERRALS; k++)
		xlsx_figure(s, row, c++, f->referrals[k], g->avg);
}

/* One row of the ambassadors' table; the goal on the total's row. */
static void
xlsx_ambassador_row(struct xlsx_sheet *s, const struct report *r, int row,
    const struct xlsx_group *g)
{
	const struct report_figures *f = g->f;

	xlsx_text(s, row, 0, g->label, NULL);
	xlsx_figure(s, row, 1, f->recruited, g->avg);
	xlsx_figure(s, row, 2, f->stopped, g->avg);
	xlsx_figure(s, row, 3, f->active_at_end, g->avg);
	xlsx_figure(s, row, 4, f->cumulative, g->avg);
	if (f == &r->total)
		xlsx_count(s, row, 5, r->goal);
	xlsx_figure(s, row, 6, f->stairwells, g->avg);
	xlsx_figure(s, row, 7, f->covered, g->avg);
	xlsx_percent(s, row, 8, f->covered, f->stairwells);
}

/* A sheet of the groups, one row each. */
static void
xlsx_group_sheet(struct xlsx *x, const struct report *r, const char *name,
    const char *const *heads, int n,
    void (*row)(struct xlsx_sheet *, const struct report *, int,
    const struct xlsx_group *))
{
	struct xlsx_sheet s;
	struct xlsx_group *g;
	size_t		 i, ng;

	if (xlsx_sheet(x, &s, name, heads, n) == -1)
		return;
	g = xcalloc(r->ndepartments + 3, sizeof *g);
	ng = xlsx_groups(r, g);
	for (i = 0; i < ng; i++)
		row(&s, r, (int)i + 1, &g[i]);
	free(g);
	xlsx_fit(&s);
}

/* An item's done per cent among rest's items of the same key. */
static void
xlsx_item_rest(struct xlsx_sheet *s, int row, int c,
    const struct report_item *it, const struct report_figures *rest)
{
	const struct report_item *o;
	size_t		 k;

	for (k = 0; k < rest->nitems; k++) {
		o = &rest->items[k];
		if (strcmp(o->key, it->key) == 0) {
			xlsx_percent(s, row, c, o->done,
			    o->done + o->not_relevant + o->later);
			return;
		}
	}
}

/*
 * The checklist items of the report (of the department in its
 * evaluation, with the others' done per cent): each state's count and
 * its share of the item's answers, and a department's own item's
 * department.
 */
static void
xlsx_items(struct xlsx *x, const struct report *r)
{
	struct xlsx_sheet s;
	const struct report_figures *f = &r->total, *rest = NULL;
	const struct report_item *it;
	size_t		 i;
	long		 all;
	int		 row;

	if (r->department >= 0 && (size_t)r->department < r->ndepartments) {
		f = &r->by_department[r->department];
		rest = &r->rest;
	}
	if (xlsx_sheet(x, &s, N_("Checklist"), xlsx_item_heads,
	    NELEM(xlsx_item_heads) - (rest == NULL)) == -1)
		return;
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		row = (int)i + 1;
		all = it->done + it->not_relevant + it->later;
		xlsx_text(&s, row, 0, i18n_text(it->title, it->title_da),
		    NULL);
		xlsx_count(&s, row, 1, it->done);
		xlsx_count(&s, row, 2, it->not_relevant);
		xlsx_count(&s, row, 3, it->later);
		xlsx_percent(&s, row, 4, it->done, all);
		xlsx_percent(&s, row, 5, it->not_relevant, all);
		xlsx_percent(&s, row, 6, it->later, all);
		if (it->department >= 0 &&
		    (size_t)it->department < r->ndepartments)
			xlsx_text(&s, row, 7, r->departments[it->department],
			    NULL);
		if (rest != NULL)
			xlsx_item_rest(&s, row, 8, it, rest);
	}
	xlsx_fit(&s);
}

/* The first day of the i-th month from the period's first month. */
static long
xlsx_month_day(const struct report *r, size_t i)
{
	long	 day = DATE_NONE;
	int	 y, m, d, n;

	util_date_split(r->period.from, &y, &m, &d);
	n = y * 12 + (m - 1) + (int)i;
	util_date_make(n / 12, n % 12 + 1, 1, &day);
	return day;
}

/* Month by month; the sheet's name for the chart, or NULL. */
static const char *
xlsx_months(struct xlsx *x, const struct report *r)
{
	struct xlsx_sheet s;
	const struct report_figures *f;
	size_t		 i;
	int		 row;

	if (xlsx_sheet(x, &s, N_("Months"), xlsx_month_heads,
	    NELEM(xlsx_month_heads)) == -1)
		return NULL;
	for (i = 0; i < r->nmonths && i < REPORT_MONTHS; i++) {
		f = &r->months[i];
		row = (int)i + 1;
		xlsx_date(&s, row, 0, xlsx_month_day(r, i), x->month);
		xlsx_count(&s, row, 1, f->moved_in);
		xlsx_count(&s, row, 2, f->welcomed);
		xlsx_count(&s, row, 3, f->in_time);
		xlsx_median(&s, row, 4, f->median2);
	}
	xlsx_fit(&s);
	return s.name;
}

/* Excel's format of a month: "Jan 2019", or Danish "jan 2019". */
static const char *
xlsx_month_format(void)
{
	return i18n_danish() ? "[$-406]mmm yyyy" : "[$-409]mmm yyyy";
}

/* A chart sheet with the months' moved in and welcomed as columns. */
static void
xlsx_chart(struct xlsx *x, const struct report *r, const char *months)
{
	lxw_chartsheet	*cs;
	lxw_chart	*ch;
	lxw_chart_series *se;
	lxw_row_t	 last;
	lxw_col_t	 c;

	if (months == NULL || r->nmonths == 0)
		return;
	last = (lxw_row_t)(r->nmonths < REPORT_MONTHS ? r->nmonths :
	    REPORT_MONTHS);
	if ((cs = xl.workbook_add_chartsheet(x->wb, _("Chart"))) == NULL ||
	    (ch = xl.workbook_add_chart(x->wb, LXW_CHART_COLUMN)) == NULL) {
		xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (c = 1; c <= 2; c++) {
		if ((se = xl.chart_add_series(ch, NULL, NULL)) == NULL) {
			xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		xl.chart_series_set_categories(se, months, 1, 0, last, 0);
		xl.chart_series_set_values(se, months, 1, c, last, c);
		xl.chart_series_set_name_range(se, months, 0, c);
	}
	xl.chart_title_set_name(ch, _("Moved in and welcomed, month by month"));
	xl.chart_axis_set_num_format(ch->x_axis, xlsx_month_format());
	xl.chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	xlsx_check(x, xl.chartsheet_set_chart(cs, ch));
}

/* The formats every sheet uses. */
static void
xlsx_formats(struct xlsx *x)
{
	x->bold = xl.workbook_add_format(x->wb);
	x->percent = xl.workbook_add_format(x->wb);
	x->date = xl.workbook_add_format(x->wb);
	x->month = xl.workbook_add_format(x->wb);
	x->average = xl.workbook_add_format(x->wb);
	if (x->bold == NULL || x->percent == NULL || x->date == NULL ||
	    x->month == NULL || x->average == NULL) {
		xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xl.format_set_bold(x->bold);
	xl.format_set_num_format(x->percent, "0%");
	xl.format_set_num_format(x->date, "dd.mm.yyyy");
	xl.format_set_num_format(x->month, xlsx_month_format());
	xl.format_set_num_format(x->average, "0.0");
}

/*
 * workbook_close with stderr on /dev/null: the library prints its own
 * English messages there (and they would break a curses screen); the
 * caller tells the person what went wrong in a sentence.
 */
static lxw_error
xlsx_close(lxw_workbook *wb)
{
	lxw_error	 e;
	int		 saved, null;

	fflush(stderr);
	saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved != -1 && null != -1)
		dup2(null, STDERR_FILENO);
	e = xl.workbook_close(wb);
	fflush(stderr);
	if (saved != -1 && null != -1)
		dup2(saved, STDERR_FILENO);
	if (saved != -1)
		close(saved);
	if (null != -1)
		close(null);
	return e;
}

/* The sentence (with %s for the file) for a library error. */
static const char *
xlsx_why(lxw_error e)
{
	switch (e) {
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return N_("The report could not be written to %s: the "
		    "computer ran out of memory.");
	case LXW_ERROR_CREATING_XLSX_FILE:
		return N_("The report could not be written to %s: the file "
		    "could not be made.");
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
		return N_("The report could not be written to %s: its "
		    "temporary files could not be made (is the disk full?).");
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return N_("The report could not be written to %s: writing "
		    "the file failed (is the disk full?).");
	default:
		return N_("The report could not be written to %s: velkomst "
		    "could not make the workbook.");
	}
}

/* Can path be written, as a file?  It is made (empty) if missing, so
 * that a folder or a permission that is wrong is told plainly. */
static int
xlsx_writable(const char *path, char *err, size_t errlen)
{
	struct stat	 st;
	int		 fd;

	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0666);
	if (fd == -1) {
		snprintf(err, errlen, _("The report could not be written to "
		    "%s (%s)."), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, _("The report could not be written to "
		    "%s: it is not an ordinary file."), path);
		return -1;
	}
	close(fd);
	return 0;
}

/* Write r as a workbook at path (report.h). */
int
report_xlsx_write(const struct report *r, const char *path, char *err,
    size_t errlen)
{
	struct xlsx	 x;
	const char	*months, *why;
	lxw_error	 e;
	int		 existed;

	if ((why = xlsx_load()) != NULL) {
		snprintf(err, errlen, _("The report could not be written to "
		    "%s: the library that writes Excel files could not be "
		    "loaded. Ask whoever looks after this computer to install "
		    "the package libxlsxwriter%s. (%s)"), path, LXW_SOVERSION,
		    why);
		return -1;
	}
	existed = access(path, F_OK) == 0;
	if (xlsx_writable(path, err, errlen) == -1)
		return -1;
	memset(&x, 0, sizeof x);
	if ((x.wb = xl.workbook_new(path)) == NULL) {
		if (!existed)
			unlink(path);
		snprintf(err, errlen, _(xlsx_why(LXW_ERROR_MEMORY_MALLOC_FAILED)),
		    path);
		return -1;
	}
	xlsx_formats(&x);
	if (x.err == LXW_NO_ERROR) {
		xlsx_about(&x, r);
		xlsx_group_sheet(&x, r, N_("Departments"), xlsx_figure_heads,
		    NELEM(xlsx_figure_heads), xlsx_figure_row);
		xlsx_items(&x, r);
		months = xlsx_months(&x, r);
		xlsx_group_sheet(&x, r, N_("Ambassadors"),
		    xlsx_ambassador_heads, NELEM(xlsx_ambassador_heads),
		    xlsx_ambassador_row);
		xlsx_chart(&x, r, months);
	}
	e = xlsx_close(x.wb);
	xlsx_check(&x, e);
	if (x.err != LXW_NO_ERROR) {
		/* Made or cut short by now: no half a workbook is left. */
		unlink(path);
		snprintf(err, errlen, _(xlsx_why(x.err)), path);
		return -1;
	}
	return 0;
}

/* ---- the workbook of an export (export-xlsx.h) ---------------------- */

#define XLSX_WIDTH_MAX	60	/* the widest a column is made */

struct export_xlsx {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold, *date;
	lxw_error	 err;		/* the first error */
	int		*width;		/* each column's widest text */
	size_t		 ncols;
};

/* Note a library call's error in an export's workbook. */
static void
ex_check(struct export_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/* Let column col take w columns of text. */
static void
ex_widen(struct export_xlsx *x, size_t col, int w)
{
	size_t	i;

	if (col >= x->ncols) {
		x->width = xreallocarray(x->width, col + 1, sizeof *x->width);
		for (i = x->ncols; i <= col; i++)
			x->width[i] = 0;
		x->ncols = col + 1;
	}
	if (w > x->width[col])
		x->width[col] = w;
}

/* A workbook at path. */
struct export_xlsx *
export_xlsx_open(const char *path, char *err, size_t errlen)
{
	struct export_xlsx	*x;
	const char		*why;

	if ((why = xlsx_load()) != NULL) {
		snprintf(err, errlen, _("The export could not be written to "
		    "%s: the library that writes Excel files could not be "
		    "loaded. Ask whoever looks after this computer to install "
		    "the package libxlsxwriter%s. (%s)"), path, LXW_SOVERSION,
		    why);
		return NULL;
	}
	x = xcalloc(1, sizeof *x);
	if ((x->wb = xl.workbook_new(path)) == NULL) {
		free(x);
		snprintf(err, errlen, _("The export could not be written to "
		    "%s: velkomst could not make the workbook."), path);
		return NULL;
	}
	x->bold = xl.workbook_add_format(x->wb);
	x->date = xl.workbook_add_format(x->wb);
	xl.format_set_bold(x->bold);
	xl.format_set_num_format(x->date, "dd.mm.yyyy");
	return x;
}

/* The sheet, its header frozen. */
void
export_xlsx_sheet(struct export_xlsx *x, const char *name)
{
	if ((x->ws = xl.workbook_add_worksheet(x->wb, name)) == NULL) {
		ex_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xl.worksheet_freeze_panes(x->ws, 1, 0);
}

/* A header cell. */
void
export_xlsx_head(struct export_xlsx *x, size_t col, const char *s)
{
	if (x->ws == NULL)
		return;
	ex_check(x, xl.worksheet_write_string(x->ws, 0, (lxw_col_t)col, s,
	    x->bold));
	ex_widen(x, col, util_text_width(s) + 1);
}

/* A text cell (an empty one is left blank). */
void
export_xlsx_text(struct export_xlsx *x, long row, size_t col, const char *s)
{
	if (x->ws == NULL || *s == '\0')
		return;
	ex_check(x, xl.worksheet_write_string(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, s, NULL));
	ex_widen(x, col, util_text_width(s));
}

/* A date cell. */
void
export_xlsx_date(struct export_xlsx *x, long row, size_t col, long day)
{
	lxw_datetime	dt = { 0 };

	if (x->ws == NULL)
		return;
	util_date_split(day, &dt.year, &dt.month, &dt.day);
	ex_check(x, xl.worksheet_write_datetime(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, &dt, x->date));
	ex_widen(x, col, 10);
}

/* A number cell. */
void
export_xlsx_number(struct export_xlsx *x, long row, size_t col, long n)
{
	char	buf[32];

	if (x->ws == NULL)
		return;
	ex_check(x, xl.worksheet_write_number(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, (double)n, NULL));
	ex_widen(x, col, snprintf(buf, sizeof buf, "%ld", n));
}

/* Set the widths, write the workbook and free it. */
int
export_xlsx_close(struct export_xlsx *x, const char *path, char *err,
    size_t errlen)
{
	size_t	i;
	int	w, rc = 0;

	for (i = 0; x->ws != NULL && i < x->ncols; i++) {
		w = x->width[i] + 2;
		ex_check(x, xl.worksheet_set_column(x->ws, (lxw_col_t)i,
		    (lxw_col_t)i, w > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX : w,
		    NULL));
	}
	ex_check(x, xlsx_close(x->wb));
	if (x->err != LXW_NO_ERROR) {
		snprintf(err, errlen, x->err == LXW_ERROR_MEMORY_MALLOC_FAILED ?
		    _("The export could not be written to %s: the computer ran "
		    "out of memory.") : _("The export could not be written to "
		    "%s (is the disk full?)."), path);
		rc = -1;
	}
	free(x->width);
	free(x);
	return rc;
}
