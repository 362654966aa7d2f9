/*
 * ui-report.c — what the yearly report and the department evaluation
 * share: the query made from the configuration (as the desk makes its
 * own), the periods, the figures as text, a page that scrolls, the chart
 * of the months and the bars of the checklist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "ui.h"
#include "util.h"

#include "ui-report.h"

/* Read the report of period p; see ui-report.h. */
int
ui_report_load(struct ui *ui, const struct report_period *p,
    const char *dept, struct report *r, char **why)
{
	struct report_query	 q;
	enum db_status		 st;

	report_query_conf(&q, ui_conf(ui));
	q.period = *p;
	q.department = dept;
	q.today = util_today();
	memset(r, 0, sizeof *r);
	st = db_report(ui_db(ui), ui_who(ui), &q, r);
	report_query_free(&q);
	if (st == DB_OK)
		return 0;
	report_clear(r);
	*why = xstrdup(_(db_errmsg(ui_db(ui))));
	return -1;
}

/* Note that the report was read now; see ui-report.h. */
void
ui_report_read_now(struct ui *ui, struct ui_report_when *w)
{
	db_stamp(ui_db(ui), &w->at);
	w->day = util_today();
}

/* 1 if the report read at *w may have changed since. */
int
ui_report_changed(struct ui *ui, const struct ui_report_when *w)
{
	return w->day != util_today() || !db_stamp_unchanged(ui_db(ui),
	    &w->at);
}

/* Say that the report is being counted, and show it at once. */
void
ui_report_counting(struct ui *ui)
{
	ui_message(ui, "%s", _("Counting the report\xe2\x80\xa6"));
	ui_draw_now(ui);
}

/* The year of a day. */
static int
report_year_of(long day)
{
	int	y, m, d;

	util_date_split(day, &y, &m, &d);
	return y;
}

/* The last calendar year before today. */
void
ui_report_default(struct ui *ui, struct report_period *p)
{
	core_report_year(report_year_of(util_today()) - 1,
	    ui_conf(ui)->welcome_days, p);
}

/* The period of kind k and number n. */
static const char *
report_period(struct ui *ui, enum report_kind k, int n,
    struct report_period *p)
{
	const struct conf	*c = ui_conf(ui);

	if (k == RK_AGREEMENT_YEAR)
		return core_report_agreement_year(c->goal_from, c->goal_to, n,
		    c->welcome_days, p);
	return core_report_year(n, c->welcome_days, p);
}

/* The period delta steps from `from`; see ui-report.h. */
char *
ui_report_step(struct ui *ui, const struct report_period *from, int delta,
    struct report_period *to)
{
	struct report_period	 p;
	const char		*why;
	int			 n = from->number + delta;

	if (from->kind != RK_YEAR && from->kind != RK_AGREEMENT_YEAR)
		return xstrdup(_("Only a calendar year or an agreement year "
		    "has one before and after it."));
	if ((why = report_period(ui, from->kind, n, &p)) != NULL)
		return xstrdup(_(why));
	if (p.from > util_today())
		return from->kind == RK_YEAR ? xasprintf(_("%d has not begun "
		    "yet."), n) : xasprintf(_("Agreement year %d has not "
		    "begun yet."), n);
	*to = p;
	return NULL;
}

/* Between calendar years and agreement years; see ui-report.h. */
char *
ui_report_switch(struct ui *ui, const struct report_period *from,
    struct report_period *to)
{
	const struct conf	*c = ui_conf(ui);
	struct report_period	 p;
	const char		*why;
	int			 n;

	if (from->kind == RK_AGREEMENT_YEAR) {
		why = report_period(ui, RK_YEAR, report_year_of(from->from),
		    to);
		return why != NULL ? xstrdup(_(why)) : NULL;
	}
	n = report_year_of(from->from) - report_year_of(c->goal_from) + 1;
	if (n < 1)
		n = 1;
	while (n > 1 && (report_period(ui, RK_AGREEMENT_YEAR, n, &p) != NULL
	    || p.from > util_today()))
		n--;
	if ((why = report_period(ui, RK_AGREEMENT_YEAR, n, &p)) != NULL)
		return xstrdup(_(why));
	if (p.from > util_today())
		return xstrdup(_("The agreement period has not begun yet."));
	*to = p;
	return NULL;
}

/* The period's name: "2018", "Agreement year 2, 01.03.2018–28.02.2019". */
static char *
report_period_name(const struct report_period *p)
{
	char	f[11], t[11];

	util_date_dk(p->from, f);
	util_date_dk(p->to, t);
	switch (p->kind) {
	case RK_YEAR:
		return xasprintf("%d", p->number);
	case RK_AGREEMENT_YEAR:
		return xasprintf(_("Agreement year %d, %s\xe2\x80\x93%s"),
		    p->number, f, t);
	case RK_EVALUATION:
		return xasprintf(_("First year, %s\xe2\x80\x93%s"), f, t);
	case RK_RANGE:
		break;
	}
	return xasprintf("%s\xe2\x80\x93%s", f, t);
}

/* The period line; see ui-report.h. */
char *
ui_report_period_line(const struct report *r, long today)
{
	char	*name, *line, cut[11];

	name = report_period_name(&r->period);
	util_date_dk(r->period.cutoff, cut);
	if (r->closed || r->period.cutoff < today)
		line = xasprintf(_("%s \xc2\xb7 cut-off %s \xc2\xb7 closed"),
		    name, cut);
	else
		/* TRANSLATORS: the period, then the day its figures may
		   change until: its cut-off. */
		line = xasprintf(_("%s \xc2\xb7 open until %s"), name, cut);
	free(name);
	return line;
}

/* The language's decimal sign. */
static const char *
report_decimal(void)
{
	/* TRANSLATORS: the decimal sign, as in 6.5 days: "," in Danish. */
	return C_(NC_("decimal sign", "."));
}

/* The median days; see ui-report.h. */
char *
ui_report_median(long median2, char *buf, size_t len)
{
	if (median2 < 0)
		snprintf(buf, len, "\xe2\x80\x94");
	else if (median2 % 2 == 0)
		snprintf(buf, len, "%ld", median2 / 2);
	else
		snprintf(buf, len, "%ld%s5", median2 / 2, report_decimal());
	return buf;
}

/* Tenths as a decimal number; see ui-report.h. */
char *
ui_report_tenths(long tenths, char *buf, size_t len)
{
	snprintf(buf, len, "%ld%s%ld", tenths / 10, report_decimal(),
	    tenths % 10);
	return buf;
}

/* An item's title in the language spoken. */
const char *
ui_report_item_title(const struct report_item *it)
{
	if (i18n_danish() && it->title_da != NULL)
		return it->title_da;
	return it->title != NULL ? it->title : it->key;
}

/* The screen row of line n of the page, or -1. */
int
ui_page_row(const struct ui_page *pg, int n)
{
	int	r = n - pg->skip;

	return r >= 0 && r < pg->rows ? pg->y + r : -1;
}

/* Put s at line n of the page. */
void
ui_page_put(const struct ui_page *pg, int n, int x, const char *s, int cols,
    enum ui_style st)
{
	int	y = ui_page_row(pg, n);

	if (y >= 0)
		ui_put_cut(y, x, s, cols, 0, st);
}

/* Wrap text into the page from line n. */
int
ui_page_wrap(const struct ui_page *pg, int n, int x, int cols,
    const char *text, enum ui_style st)
{
	int	at = n - pg->skip;

	if (at >= 0)
		return n + ui_wrap(pg->y + at, x, cols, pg->rows > at ?
		    pg->rows - at : 0, 0, text, st);
	return n + ui_wrap(pg->y, x, cols, pg->rows, -at, text, st);
}

/* Scroll the page by an action. */
int
ui_page_key(struct ui_page *pg, enum ui_action a)
{
	int	page = pg->rows > 2 ? pg->rows - 1 : 1;
	int	last = pg->lines - pg->rows;

	switch (a) {
	case ACT_UP:	pg->skip--; break;
	case ACT_DOWN:	pg->skip++; break;
	case ACT_PGUP:	pg->skip -= page; break;
	case ACT_PGDN:	pg->skip += page; break;
	case ACT_FIRST:	pg->skip = 0; break;
	case ACT_LAST:	pg->skip = last; break;
	default:	return 0;
	}
	if (pg->skip > last)
		pg->skip = last;
	if (pg->skip < 0)
		pg->skip = 0;
	return UI_REDRAW | UI_HANDLED;
}

/* Keep the count of lines, and mark where more is above or below. */
void
ui_page_end(struct ui *ui, struct ui_page *pg, int lines)
{
	const char	*s;

	pg->lines = lines;
	if (pg->skip > 0) {
		s = _("\xe2\x86\x91 more");
		ui_put(pg->y, ui_cols(ui) - util_text_width(s) - 1, s,
		    util_text_width(s), 0, STYLE_DIM);
	}
	if (lines - pg->skip > pg->rows) {
		s = _("\xe2\x86\x93 more");
		ui_put(pg->y + pg->rows - 1, ui_cols(ui) - util_text_width(s) -
		    1, s, util_text_width(s), 0, STYLE_DIM);
	}
}

/* Put s right-aligned in cols columns at line n, column x. */
static void
report_right(const struct ui_page *pg, int n, int x, int cols, const char *s,
    enum ui_style st)
{
	int	w = util_text_width(s);

	if (w > cols)
		w = cols;
	ui_page_put(pg, n, x + cols - w, s, w, st);
}

/* The short names of the months, for the chart. */
static const char *const report_month_names[12] = {
	/* TRANSLATORS: this and the next eleven are the months, as short
	   as the chart has room for (three letters). */
	NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
	NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
	NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
	NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* The rows of a month's figures under the chart. */
static int
report_month_numbers(struct ui_page *pg, int n, const struct report *r,
    const struct ui_chart *ch, int x, int lw, size_t shown)
{
	const char	*label[2] = { _("Moved in"), _("Welcomed") };
	char		 num[24];
	int		 y, m, d, s;
	size_t		 i;

	util_date_split(r->period.from, &y, &m, &d);
	for (i = 0; i < shown; i++)
		report_right(pg, n, x + (int)i * ch->group_cols,
		    ch->group_cols, C_(report_month_names[(m - 1 + (int)i) %
		    12]), STYLE_HEADER);
	for (s = 0; s < 2; s++) {
		ui_page_put(pg, n + 1 + s, 1, label[s], lw, STYLE_NORMAL);
		for (i = 0; i < shown; i++) {
			snprintf(num, sizeof num, "%ld", s == 0 ?
			    r->months[i].moved_in : r->months[i].welcomed);
			report_right(pg, n + 1 + s, x + (int)i *
			    ch->group_cols, ch->group_cols, num, ch->style[s]);
		}
	}
	return n + 3;
}

/* The month chart; see ui-report.h. */
int
ui_report_months(struct ui *ui, struct ui_page *pg, int n,
    const struct report *r)
{
	long		 values[REPORT_MONTHS * 2];
	struct ui_chart	 ch = { .values = values, .nseries = 2, .max = 1,
			    .rows = 8, .style = { STYLE_NORMAL, STYLE_BAR } };
	char		 num[24];
	int		 lw, x, row, y;
	size_t		 i, shown = r->nmonths;

	lw = util_text_width(_("Moved in"));
	if (util_text_width(_("Welcomed")) > lw)
		lw = util_text_width(_("Welcomed"));
	if (lw > ui_cols(ui) / 4)
		lw = ui_cols(ui) / 4;
	x = lw + 2;
	ch.group_cols = shown > 0 ? (ui_cols(ui) - x - 1) / (int)shown : 6;
	if (ch.group_cols > 6)
		ch.group_cols = 6;
	if (ch.group_cols < 3) {
		ch.group_cols = 3;
		shown = (size_t)((ui_cols(ui) - x - 1) / 3);
	}
	ch.bar_cols = (ch.group_cols - 1) / 2;
	for (i = 0; i < shown && i < REPORT_MONTHS; i++) {
		values[2 * i] = r->months[i].moved_in;
		values[2 * i + 1] = r->months[i].welcomed;
		if (values[2 * i] > ch.max)
			ch.max = values[2 * i];
		if (values[2 * i + 1] > ch.max)
			ch.max = values[2 * i + 1];
	}
	ch.groups = shown;
	snprintf(num, sizeof num, "%ld", ch.max);
	report_right(pg, n, 1, lw, num, STYLE_DIM);
	report_right(pg, n + ch.rows - 1, 1, lw, "0", STYLE_DIM);
	for (row = 0; row < ch.rows; row++)
		if ((y = ui_page_row(pg, n + row)) >= 0)
			ui_chart_row(y, x, &ch, row);
	n = report_month_numbers(pg, n + ch.rows, r, &ch, x, lw, shown);
	return ui_page_wrap(pg, n + 1, 1, ui_cols(ui) - 2, _("Each month: "
	    "on the left those who moved in, on the right those of them "
	    "welcomed."), STYLE_DIM);
}

/* The widest line of a column's head, translated. */
int
ui_report_head_width(const struct ui_report_col *c)
{
	const char	*h = _(c->head), *nl = strchr(h, '\n');
	char		*top;
	int		 w;

	if (nl == NULL)
		return util_text_width(h);
	top = xstrndup(h, (size_t)(nl - h));
	w = util_text_width(top);
	free(top);
	return w > util_text_width(nl + 1) ? w : util_text_width(nl + 1);
}

/* Put s in w columns at x of line n, right-aligned when right. */
void
ui_report_cell(const struct ui_page *pg, int n, int x, int w, const char *s,
    int right, enum ui_style st)
{
	int	sw = util_text_width(s);

	if (right && sw < w)
		x += w - sw;
	ui_page_put(pg, n, x, s, right && sw < w ? sw : w, st);
}

/* The heads of a table on lines n and n + 1. */
int
ui_report_heads(const struct ui_page *pg, int n,
    const struct ui_report_col *c, int ncols, const int *x, const int *w)
{
	const char	*h, *nl;
	char		*top;
	int		 i;

	for (i = 0; i < ncols; i++) {
		h = _(c[i].head);
		if ((nl = strchr(h, '\n')) == NULL) {
			ui_report_cell(pg, n + 1, x[i], w[i], h, c[i].right,
			    STYLE_HEADER);
			continue;
		}
		top = xstrndup(h, (size_t)(nl - h));
		ui_report_cell(pg, n, x[i], w[i], top, c[i].right,
		    STYLE_HEADER);
		ui_report_cell(pg, n + 1, x[i], w[i], nl + 1, c[i].right,
		    STYLE_HEADER);
		free(top);
	}
	return n + 2;
}

/* Place columns of widths w from x0, gap apart: the column after. */
int
ui_report_place(int ncols, const int *w, int x0, int gap, int *x)
{
	int	i;

	for (i = 0; i < ncols; i++) {
		x[i] = x0;
		x0 += w[i] + gap;
	}
	return x0 - gap;
}

/* The item of key in f, or NULL. */
static const struct report_item *
report_item_find(const struct report_figures *f, const char *key)
{
	size_t	i;

	for (i = 0; f != NULL && i < f->nitems; i++)
		if (strcmp(f->items[i].key, key) == 0)
			return &f->items[i];
	return NULL;
}

/* How many visits an item was gone through at. */
static long
report_item_of(const struct report_item *it)
{
	return it->done + it->not_relevant + it->later;
}

enum { IC_TITLE, IC_DONE, IC_NOT_RELEVANT, IC_LATER, IC_CMP, IC_NCOLS };

/* The columns of the checklist's table: the bar and the title share
 * what is left, the title first (whole when it can be). */
static void
report_items_layout(struct ui *ui, const struct report_figures *f,
    const struct ui_report_col *c, int ncols, int *w)
{
	int	i, rest = 2 * ncols, need, t, bar;

	for (i = IC_NOT_RELEVANT; i < ncols; i++) {
		w[i] = ui_report_head_width(&c[i]);
		if (w[i] < 4)
			w[i] = 4;
		rest += w[i];
	}
	need = ui_report_head_width(&c[IC_TITLE]);
	for (i = 0; i < (int)f->nitems; i++)
		if ((t = util_text_width(ui_report_item_title(&f->items[i])))
		    > need)
			need = t;
	bar = ui_cols(ui) - rest - need - 5;
	if (bar < 6)
		bar = 6;
	if (bar > 20)
		bar = 20;
	w[IC_DONE] = bar + 5;
	if (w[IC_DONE] < ui_report_head_width(&c[IC_DONE]))
		w[IC_DONE] = ui_report_head_width(&c[IC_DONE]);
	w[IC_TITLE] = ui_cols(ui) - rest - w[IC_DONE];
	if (w[IC_TITLE] > need)
		w[IC_TITLE] = need;
}

/* One item's line: title, bar of done, per cents, and cmp's done. */
static void
report_item_line(struct ui_page *pg, int n, const struct report_item *it,
    const struct report_item *cmp, int ncols, const int *x, const int *w)
{
	long	of = report_item_of(it);
	char	pct[24];
	int	y;

	ui_report_cell(pg, n, x[IC_TITLE], w[IC_TITLE],
	    ui_report_item_title(it), 0, STYLE_NORMAL);
	if ((y = ui_page_row(pg, n)) >= 0)
		ui_put_bar(y, x[IC_DONE], it->done, of, w[IC_DONE] - 5,
		    STYLE_BAR);
	ui_report_cell(pg, n, x[IC_NOT_RELEVANT], w[IC_NOT_RELEVANT],
	    ui_percent(it->not_relevant, of, pct, sizeof pct), 1,
	    STYLE_NORMAL);
	ui_report_cell(pg, n, x[IC_LATER], w[IC_LATER],
	    ui_percent(it->later, of, pct, sizeof pct), 1, STYLE_NORMAL);
	if (ncols > IC_CMP)
		ui_report_cell(pg, n, x[IC_CMP], w[IC_CMP], cmp != NULL ?
		    ui_percent(cmp->done, report_item_of(cmp), pct,
		    sizeof pct) : "\xe2\x80\x94", 1, STYLE_NORMAL);
}

/* The checklist's table; see ui-report.h. */
int
ui_report_items(struct ui *ui, struct ui_page *pg, int n,
    const struct report_figures *f, const struct report_figures *cmp,
    const char *cmp_head)
{
	struct ui_report_col	 c[IC_NCOLS] = {
		{ N_("Item"), 0 },
		/* TRANSLATORS: a column's head; a "\n" breaks it in two
		   lines (keep each as short as the English). */
		{ N_("Done"), 0 },
		{ N_("Not\nrelevant"), 1 },
		{ N_("Later"), 1 },
		{ cmp_head, 1 },
	};
	int			 ncols = cmp != NULL ? IC_NCOLS : IC_CMP;
	int			 w[IC_NCOLS], x[IC_NCOLS];
	size_t			 i;

	if (f->nitems == 0)
		return ui_page_wrap(pg, n, 1, ui_cols(ui) - 2, _("No visit ran "
		    "the checklist in this period."), STYLE_DIM);
	report_items_layout(ui, f, c, ncols, w);
	ui_report_place(ncols, w, 1, 2, x);
	n = ui_report_heads(pg, n, c, ncols, x, w);
	for (i = 0; i < f->nitems; i++, n++)
		report_item_line(pg, n, &f->items[i], report_item_find(cmp,
		    f->items[i].key), ncols, x, w);
	return ui_page_wrap(pg, n + 1, 1, ui_cols(ui) - 2, _("Of the visits "
	    "that ran the checklist (welcomed or partly), in per cent."),
	    STYLE_DIM);
}
