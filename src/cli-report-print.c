/*
 * cli-report-print.c — the report printed: as text (tables to read), as
 * Markdown (a document to paste into the yearly report) or as csv (RFC
 * 4180, one row per department, then the total, pilots and others).
 * Text and Markdown are the same document: a title, the period and its
 * cut-off, whether it is closed, then a table per subject.  Everything
 * printed comes from the struct report (and the departments' names from
 * the configuration), so a closed period read back prints the same.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

/* What is being printed, and where. */
struct rp_doc {
	FILE			*f;
	int			 md;
	const struct conf	*conf;
	const struct report	*r;
	long			 today;
};

/* A row of a table: its label and figures; avg > 0 divides the counts
 * by avg (the average of the other departments). */
struct rp_row {
	const char			*label;
	const struct report_figures	*f;
	long				 avg;
};

/* A table being filled: its columns and its cells, row after row. */
struct rp_table {
	const struct cli_col	*cols;
	size_t			 ncols;
	char			**cells;
	size_t			 ncells;
};

static const char *const rp_months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
	N_("June"), N_("July"), N_("August"), N_("September"),
	N_("October"), N_("November"), N_("December"),
};

static const struct cli_col rp_welcome_cols[] = {
	{ N_("Department"), 12, 0 },
	{ N_("Moved in"), 8, CLI_COL_RIGHT },
	{ N_("Welcomed"), 10, CLI_COL_RIGHT },
	{ N_("In time"), 10, CLI_COL_RIGHT },
	{ N_("Median days"), 11, CLI_COL_RIGHT },
};
static const struct cli_col rp_rest_cols[] = {
	{ N_("Department"), 12, 0 },
	{ N_("Partly"), 9, CLI_COL_RIGHT },
	{ N_("Declined"), 9, CLI_COL_RIGHT },
	{ N_("Not reached"), 11, CLI_COL_RIGHT },
	{ N_("Referred"), 9, CLI_COL_RIGHT },
	{ N_("Followed up"), 11, CLI_COL_RIGHT },
};
static const struct cli_col rp_referral_cols[] = {
	{ N_("Department"), 12, 0 },
	{ N_("Not home"), 8, CLI_COL_RIGHT },
	{ N_("Passed on"), 9, CLI_COL_RIGHT },
	{ N_("Declined, note"), 14, CLI_COL_RIGHT },
	{ N_("Too late"), 8, CLI_COL_RIGHT },
};
static const struct cli_col rp_amb_cols[] = {
	{ N_("Department"), 12, 0 },
	{ N_("Recruited"), 9, CLI_COL_RIGHT },
	{ N_("Stopped"), 7, CLI_COL_RIGHT },
	{ N_("Active at end"), 13, CLI_COL_RIGHT },
	{ N_("Stairwells covered"), 18, CLI_COL_RIGHT },
};
static const struct cli_col rp_item_cols[] = {
	{ N_("Checklist item"), 24, 0 },
	{ N_("Done"), 9, CLI_COL_RIGHT },
	{ N_("Not relevant"), 12, CLI_COL_RIGHT },
	{ N_("Later"), 9, CLI_COL_RIGHT },
};
static const struct cli_col rp_item_eval_cols[] = {
	{ N_("Checklist item"), 24, 0 },
	{ N_("Done"), 9, CLI_COL_RIGHT },
	{ N_("Not relevant"), 12, CLI_COL_RIGHT },
	{ N_("Later"), 9, CLI_COL_RIGHT },
	{ N_("Done, others"), 12, CLI_COL_RIGHT },
};
static const struct cli_col rp_month_cols[] = {
	{ N_("Month"), 14, 0 },
	{ N_("Moved in"), 8, CLI_COL_RIGHT },
	{ N_("Welcomed"), 10, CLI_COL_RIGHT },
	{ N_("In time"), 10, CLI_COL_RIGHT },
	{ N_("Median days"), 11, CLI_COL_RIGHT },
	{ N_("Not reached"), 11, CLI_COL_RIGHT },
};

/* ---- numbers as people read them ---------------------------------------- */

/* "7.5" (with the language's decimal mark) of tenths t: one decimal. */
static char *
rp_tenths(long t)
{
	const char	*mark = C_(NC_("decimal mark", "."));

	if (t % 10 == 0)
		return xasprintf("%ld", t / 10);
	return xasprintf("%ld%s%ld", t / 10, mark, t % 10);
}

/* Half days (twice the median) as days: "7" or "7.5"; "–" for none. */
static char *
rp_median(long twice)
{
	if (twice < 0)
		return xstrdup("–");
	return rp_tenths(twice * 5);
}

/* A count, or the average n / avg with one decimal. */
static char *
rp_count(long n, long avg)
{
	if (avg <= 0)
		return xasprintf("%ld", n);
	return rp_tenths((20 * n + avg) / (2 * avg));
}

/* "67%" of part of whole; "–" when whole is 0. */
static char *
rp_pct(long part, long whole)
{
	int	p = core_report_percent(part, whole);

	if (p < 0)
		return xstrdup("–");
	return xasprintf(_("%d%%"), p);
}

/* "2 (67%)": a count (or an average) with its per cent of whole. */
static char *
rp_count_pct(long n, long whole, long avg)
{
	char	*c = rp_count(n, avg), *p, *s;

	if (whole <= 0)
		return c;
	p = rp_pct(n, whole);
	s = xasprintf("%s (%s)", c, p);
	free(c);
	free(p);
	return s;
}

/* A day as 15.01.2019, in a new string. */
static char *
rp_day(long day)
{
	char	buf[16];

	return xstrdup(util_date_dk(day, buf));
}

/* ---- the document: headings, lines and tables, as text or Markdown ----- */

/* A heading: the title (level 1) or a section's. */
static void
rp_heading(struct rp_doc *d, int level, const char *text)
{
	if (d->md)
		fprintf(d->f, "%s ", level == 1 ? "#" : "##");
	cli_put_text(d->f, text);
	fputc('\n', d->f);
	if (d->md)
		fputc('\n', d->f);
}

#define RP_LINE	79	/* a paragraph's lines end before this column */

/* A paragraph (takes s): its words on lines shorter than RP_LINE (in
 * Markdown, then an empty line). */
static void
rp_line(struct rp_doc *d, char *s)
{
	char	*safe = cli_text_safe(s), *p = safe, *end;
	int	 col = 0, w, gap = 0;

	while (*p != '\0') {
		for (end = p; *end != '\0' && *end != ' '; end++)
			;
		w = util_text_width(p) - util_text_width(end);
		if (col > 0 && col + gap + w >= RP_LINE) {
			fputc('\n', d->f);
			col = gap = 0;
		}
		fprintf(d->f, "%*s%.*s", col > 0 ? gap : 0, "", (int)(end - p),
		    p);
		col += (col > 0 ? gap : 0) + w;
		for (gap = 0; *end == ' '; end++)
			gap++;
		p = end;
	}
	fputc('\n', d->f);
	if (d->md)
		fputc('\n', d->f);
	free(safe);
	free(s);
}

/* Start a table with these columns. */
static void
rp_table(struct rp_table *t, const struct cli_col *cols, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

/* Add the next cell (taking s). */
static void
rp_cell(struct rp_table *t, char *s)
{
	t->cells = xreallocarray(t->cells, t->ncells + 1, sizeof *t->cells);
	t->cells[t->ncells++] = s;
}

/* One Markdown cell: text-safe, "|" escaped. */
static void
rp_md_cell(FILE *f, const char *s)
{
	char	*safe = cli_text_safe(s), *p;

	fputs("| ", f);
	for (p = safe; *p != '\0'; p++) {
		if (*p == '|')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc(' ', f);
	free(safe);
}

/* The table as a Markdown pipe table. */
static void
rp_md_table(struct rp_doc *d, const struct rp_table *t)
{
	size_t	i;

	for (i = 0; i < t->ncols; i++)
		rp_md_cell(d->f, _(t->cols[i].title));
	fputs("|\n", d->f);
	for (i = 0; i < t->ncols; i++)
		fputs(t->cols[i].flags & CLI_COL_RIGHT ? "| ---: " : "| --- ",
		    d->f);
	fputs("|\n", d->f);
	for (i = 0; i < t->ncells; i++) {
		rp_md_cell(d->f, t->cells[i]);
		if ((i + 1) % t->ncols == 0)
			fputs("|\n", d->f);
	}
}

/* The table as text (cli-table.c), its first column wide enough. */
static void
rp_text_table(struct rp_doc *d, const struct rp_table *t)
{
	struct cli_table	ct;
	size_t			i;

	cli_table_init(&ct, d->f, 0, t->cols, t->ncols, NULL, 0);
	for (i = 0; i < t->ncells; i += t->ncols)
		cli_table_widen(&ct, 0, t->cells[i]);
	cli_table_header(&ct);
	for (i = 0; i < t->ncells; i++) {
		cli_table_cell(&ct, t->cells[i]);
		if ((i + 1) % t->ncols == 0)
			cli_table_end(&ct);
	}
	cli_table_free(&ct);
}

/* Print the table under its heading, then let it go. */
static void
rp_flush(struct rp_doc *d, const char *heading, struct rp_table *t)
{
	size_t	i;

	if (!d->md)
		fputc('\n', d->f);
	rp_heading(d, 2, heading);
	if (d->md) {
		rp_md_table(d, t);
		fputc('\n', d->f);
	} else
		rp_text_table(d, t);
	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

/* ---- the sections -------------------------------------------------------- */

/* The title of the report. */
static char *
rp_title(const struct rp_doc *d, const char *department)
{
	const struct report_period *p = &d->r->period;

	if (department != NULL)
		return xasprintf(_("Evaluation of %s"), department);
	if (p->kind == RK_YEAR)
		return xasprintf(_("Yearly report %d"), p->number);
	if (p->kind == RK_AGREEMENT_YEAR)
		return xasprintf(_("Report of year %d of the agreement"),
		    p->number);
	return xstrdup(_("Report"));
}

/* The period, its cut-off, and whether it is closed. */
static void
rp_period(struct rp_doc *d)
{
	const struct report	*r = d->r;
	char			*from = rp_day(r->period.from);
	char			*to = rp_day(r->period.to);
	char			*cut = rp_day(r->period.cutoff);
	char			*after = rp_day(r->period.cutoff + 1), *kept;

	rp_line(d, xasprintf(P_("Period %s–%s.  Visits and follow-ups count "
	    "when they are dated and recorded by the cut-off, %s: the last "
	    "day and the deadline of %d day.", "Period %s–%s.  Visits and "
	    "follow-ups count when they are dated and recorded by the "
	    "cut-off, %s: the last day and the deadline of %d days.",
	    r->deadline), from, to, cut, r->deadline));
	if (r->closed) {
		kept = rp_day(r->closed_on);
		rp_line(d, xasprintf(_("Closed since %s (kept on %s): these "
		    "figures no longer change."), after, kept));
		free(kept);
	} else if (r->period.cutoff < d->today)
		rp_line(d, xasprintf(_("Closed since %s (not kept: the "
		    "database is read-only)."), after));
	else
		rp_line(d, xasprintf(_("Open: the figures may change until "
		    "%s."), cut));
	free(from);
	free(to);
	free(cut);
	free(after);
}

/* The table of welcomes. */
static void
rp_welcomes(struct rp_doc *d, const struct rp_row *rows, size_t n)
{
	struct rp_table	t;
	size_t		i;
	const struct report_figures *f;

	rp_table(&t, CLI_COLS(rp_welcome_cols));
	for (i = 0; i < n; i++) {
		f = rows[i].f;
		rp_cell(&t, xstrdup(rows[i].label));
		rp_cell(&t, rp_count(f->moved_in, rows[i].avg));
		rp_cell(&t, rp_count_pct(f->welcomed, f->moved_in, rows[i].avg));
		rp_cell(&t, rp_count_pct(f->in_time, f->moved_in, rows[i].avg));
		rp_cell(&t, rp_median(f->median2));
	}
	rp_flush(d, _("Welcomes (per cent of the households that moved in)"),
	    &t);
}

/* The table of the households not welcomed, and the secretariat's. */
static void
rp_not_welcomed(struct rp_doc *d, const struct rp_row *rows, size_t n)
{
	struct rp_table	t;
	size_t		i;
	const struct report_figures *f;

	rp_table(&t, CLI_COLS(rp_rest_cols));
	for (i = 0; i < n; i++) {
		f = rows[i].f;
		rp_cell(&t, xstrdup(rows[i].label));
		rp_cell(&t, rp_count_pct(f->partly, f->moved_in, rows[i].avg));
		rp_cell(&t, rp_count_pct(f->declined, f->moved_in,
		    rows[i].avg));
		rp_cell(&t, rp_count_pct(f->not_reached, f->moved_in,
		    rows[i].avg));
		rp_cell(&t, rp_count_pct(f->referred, f->moved_in,
		    rows[i].avg));
		rp_cell(&t, rp_count(f->followed_up, rows[i].avg));
	}
	rp_flush(d, _("Not welcomed in full, and the secretariat"), &t);
}

/* The table of referrals by kind, and what each kind means. */
static void
rp_referrals(struct rp_doc *d, const struct rp_row *rows, size_t n)
{
	struct rp_table	t;
	size_t		i, k;

	rp_table(&t, CLI_COLS(rp_referral_cols));
	for (i = 0; i < n; i++) {
		rp_cell(&t, xstrdup(rows[i].label));
		for (k = 0; k < REPORT_REFERRALS; k++)
			rp_cell(&t, rp_count(rows[i].f->referrals[k],
			    rows[i].avg));
	}
	rp_flush(d, _("Passed on to the secretariat, by reason"), &t);
	if (!d->md)
		fputc('\n', d->f);
	rp_line(d, xasprintf(_("Not home: not home %d times or more.  "
	    "Passed on: an ambassador passed something on.  Declined, note: "
	    "declined, with a note.  Too late: not reached within the "
	    "deadline and %d days more.  A household may have several "
	    "reasons."), d->r->max_attempts, d->r->stale_days));
}

/* The table of ambassadors and stairwells covered. */
static void
rp_ambassadors(struct rp_doc *d, const struct rp_row *rows, size_t n)
{
	struct rp_table	t;
	size_t		i;
	const struct report_figures *f;
	char		*a, *b;

	rp_table(&t, CLI_COLS(rp_amb_cols));
	for (i = 0; i < n; i++) {
		f = rows[i].f;
		rp_cell(&t, xstrdup(rows[i].label));
		rp_cell(&t, rp_count(f->recruited, rows[i].avg));
		rp_cell(&t, rp_count(f->stopped, rows[i].avg));
		rp_cell(&t, rp_count(f->active_at_end, rows[i].avg));
		a = rp_count(f->covered, rows[i].avg);
		b = rp_count(f->stairwells, rows[i].avg);
		rp_cell(&t, xasprintf(_("%s of %s"), a, b));
		free(a);
		free(b);
	}
	rp_flush(d, _("Ambassadors, and stairwells covered at the end"), &t);
}

/* Toward the goal: the ambassadors recruited from its start. */
static void
rp_goal(struct rp_doc *d)
{
	const struct report	*r = d->r;
	char			*end = rp_day(r->period.to);

	if (!d->md)
		fputc('\n', d->f);
	rp_line(d, xasprintf(P_("Toward the goal: %ld of %ld ambassador "
	    "recruited from the start of the agreement to %s.", "Toward the "
	    "goal: %ld of %ld ambassadors recruited from the start of the "
	    "agreement to %s.", r->goal), r->total.cumulative, r->goal, end));
	free(end);
}

/* An item's title in the language spoken (the configuration's when the
 * visits stored none). */
static const char *
rp_item_title(const struct rp_doc *d, const struct report_item *it)
{
	size_t	i;

	if (it->title != NULL)
		return i18n_text(it->title, it->title_da);
	for (i = 0; i < d->conf->nchecklist; i++)
		if (strcmp(d->conf->checklist[i].key, it->key) == 0)
			return i18n_text(d->conf->checklist[i].title,
			    d->conf->checklist[i].title_da);
	return it->key;
}

/* One item's cells: done, not relevant, later with their per cent. */
static void
rp_item_cells(struct rp_table *t, const struct report_item *it)
{
	long	all = it->done + it->not_relevant + it->later;

	rp_cell(t, rp_count_pct(it->done, all, 0));
	rp_cell(t, rp_count_pct(it->not_relevant, all, 0));
	rp_cell(t, rp_count_pct(it->later, all, 0));
}

/* The checklist items of f (only those of department own >= 0), with
 * the others' done per cent when rest is given. */
static void
rp_items(struct rp_doc *d, const char *heading,
    const struct report_figures *f, int own, const struct report_figures *rest)
{
	struct rp_table	t;
	const struct report_item *it, *o;
	size_t		i, k;

	if (rest != NULL)
		rp_table(&t, CLI_COLS(rp_item_eval_cols));
	else
		rp_table(&t, CLI_COLS(rp_item_cols));
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		if (own >= 0 && it->department != own)
			continue;
		rp_cell(&t, xstrdup(rp_item_title(d, it)));
		rp_item_cells(&t, it);
		for (k = 0, o = NULL; rest != NULL && k < rest->nitems; k++)
			if (strcmp(rest->items[k].key, it->key) == 0)
				o = &rest->items[k];
		if (rest != NULL)
			rp_cell(&t, o == NULL ? xstrdup("–") : rp_pct(o->done,
			    o->done + o->not_relevant + o->later));
	}
	if (t.ncells > 0)
		rp_flush(d, heading, &t);
	free(t.cells);
}

/* The months, by the month of moving in. */
static void
rp_months_table(struct rp_doc *d)
{
	const struct report	*r = d->r;
	const struct report_figures *f;
	struct rp_table		 t;
	size_t			 i;
	int			 y, m, dd;

	rp_table(&t, CLI_COLS(rp_month_cols));
	util_date_split(r->period.from, &y, &m, &dd);
	for (i = 0; i < r->nmonths; i++) {
		f = &r->months[i];
		rp_cell(&t, xasprintf("%s %d", _(rp_months[(m - 1 + i) % 12]),
		    y + (int)((m - 1 + i) / 12)));
		rp_cell(&t, rp_count(f->moved_in, 0));
		rp_cell(&t, rp_count_pct(f->welcomed, f->moved_in, 0));
		rp_cell(&t, rp_count_pct(f->in_time, f->moved_in, 0));
		rp_cell(&t, rp_median(f->median2));
		rp_cell(&t, rp_count_pct(f->not_reached, f->moved_in, 0));
	}
	rp_flush(d, _("Month by month, by the month of moving in"), &t);
}

/* A department's name (short for a table), its key when the
 * configuration no longer has it. */
static const char *
rp_dept_name(const struct conf *c, const char *key, int shortname)
{
	int	i = cfg_department_find(c, key);

	if (i < 0 || strcmp(c->departments[i].key, key) != 0)
		return key;
	return shortname ? c->departments[i].shortname :
	    c->departments[i].name;
}

/* The rows of the whole report: each department, the total, the pilots
 * and the others; *n gets how many (free the array). */
static struct rp_row *
rp_all_rows(const struct rp_doc *d, size_t *n)
{
	const struct report	*r = d->r;
	struct rp_row		*rows;
	size_t			 i;

	rows = xcalloc(r->ndepartments + 4, sizeof *rows);
	for (i = 0; i < r->ndepartments; i++)
		rows[i] = (struct rp_row){ rp_dept_name(d->conf,
		    r->departments[i], 1), &r->by_department[i], 0 };
	rows[i++] = (struct rp_row){ _("Total"), &r->total, 0 };
	if (r->has_pilots) {
		rows[i++] = (struct rp_row){ _("Pilots"), &r->pilots, 0 };
		rows[i++] = (struct rp_row){ _("Others"), &r->others, 0 };
	}
	*n = i;
	return rows;
}

/* The whole report: every department. */
static void
rp_whole(struct rp_doc *d)
{
	struct rp_row	*rows;
	size_t		 n;
	char		*title = rp_title(d, NULL);

	rp_heading(d, 1, title);
	free(title);
	rp_period(d);
	if (d->r->has_pilots)
		rp_line(d, xstrdup(_("Pilots: the pilot departments of the "
		    "agreement together; others: every other department "
		    "together.")));
	rows = rp_all_rows(d, &n);
	rp_welcomes(d, rows, n);
	rp_not_welcomed(d, rows, n);
	rp_referrals(d, rows, n);
	rp_ambassadors(d, rows, n);
	rp_goal(d);
	free(rows);
	rp_items(d, _("Checklist items (each household's last visit with "
	    "the checklist)"), &d->r->total, -1, NULL);
	rp_months_table(d);
}

/* One department's evaluation beside the average of the others. */
static void
rp_evaluation(struct rp_doc *d)
{
	const struct report	*r = d->r;
	const char		*name;
	struct rp_row		 rows[2];
	char			*title;
	long			 others = (long)r->ndepartments - 1;

	name = rp_dept_name(d->conf, r->departments[r->department], 0);
	title = rp_title(d, name);
	rp_heading(d, 1, title);
	free(title);
	rp_period(d);
	rows[0] = (struct rp_row){ name, &r->by_department[r->department], 0 };
	rows[1] = (struct rp_row){ _("Others, average"), &r->rest,
	    others > 0 ? others : 1 };
	rp_line(d, xstrdup(_("Others, average: the other departments' "
	    "counts added up and divided by their number; their per cent "
	    "and median of them all together.")));
	rp_welcomes(d, rows, 2);
	rp_not_welcomed(d, rows, 2);
	rp_referrals(d, rows, 2);
	rp_ambassadors(d, rows, 2);
	rp_items(d, _("The department's own checklist items"),
	    &r->by_department[r->department], r->department, &r->rest);
	rp_items(d, _("Every checklist item"),
	    &r->by_department[r->department], -1, &r->rest);
	rp_months_table(d);
}

/* Print r as text (md 0) or Markdown (md 1) to f. */
void
cli_report_print(FILE *f, const struct conf *conf, const struct report *r,
    int md, long today)
{
	struct rp_doc	d = { f, md, conf, r, today };

	if (r->department >= 0)
		rp_evaluation(&d);
	else
		rp_whole(&d);
}

/* ---- csv ------------------------------------------------------------------ */

/* One csv field (RFC 4180): quoted when it holds a comma, a quote or a
 * line break; then a comma, or the line's end (CRLF) after the last. */
static void
rp_csv(FILE *f, const char *s, int last)
{
	const char	*p;

	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

static const char *const rp_csv_head[] = {
	"moved_in", "welcomed", "welcomed_in_time", "median_days", "partly",
	"declined", "not_reached", "referred", "followed_up", "welcomed_pct",
	"welcomed_in_time_pct", "referred_not_home", "referred_ambassador",
	"referred_declined", "referred_late", "recruited", "stopped",
	"active_at_end", "cumulative", "stairwells", "stairwells_covered",
};
#define RP_CSV_AMB	15	/* from here: the ambassadors' */

/* A csv number: a count, an average, or "" (none). */
static void
rp_csv_num(FILE *f, long n, long avg, int last)
{
	char	*s;

	if (avg > 0)
		s = xasprintf("%ld.%ld", ((20 * n + avg) / (2 * avg)) / 10,
		    ((20 * n + avg) / (2 * avg)) % 10);
	else
		s = xasprintf("%ld", n);
	rp_csv(f, s, last);
	free(s);
}

/* A csv per cent, "" when of nothing. */
static void
rp_csv_pct(FILE *f, long part, long whole)
{
	char	buf[16];
	int	p = core_report_percent(part, whole);

	if (p < 0)
		buf[0] = '\0';
	else
		snprintf(buf, sizeof buf, "%d", p);
	rp_csv(f, buf, 0);
}

/* One csv row: label, then the figures of f (avg: averaged counts;
 * amb: with the ambassadors' columns). */
static void
rp_csv_row(FILE *f, const char *label, const struct report_figures *g,
    long avg, int amb)
{
	char	med[24];

	rp_csv(f, label, 0);
	rp_csv_num(f, g->moved_in, avg, 0);
	rp_csv_num(f, g->welcomed, avg, 0);
	rp_csv_num(f, g->in_time, avg, 0);
	if (g->median2 < 0)
		med[0] = '\0';
	else
		snprintf(med, sizeof med, g->median2 % 2 ? "%ld.5" : "%ld",
		    g->median2 / 2);
	rp_csv(f, med, 0);
	rp_csv_num(f, g->partly, avg, 0);
	rp_csv_num(f, g->declined, avg, 0);
	rp_csv_num(f, g->not_reached, avg, 0);
	rp_csv_num(f, g->referred, avg, 0);
	rp_csv_num(f, g->followed_up, avg, 0);
	rp_csv_pct(f, g->welcomed, g->moved_in);
	rp_csv_pct(f, g->in_time, g->moved_in);
	rp_csv_num(f, g->referrals[RR_NOT_HOME], avg, 0);
	rp_csv_num(f, g->referrals[RR_AMBASSADOR], avg, 0);
	rp_csv_num(f, g->referrals[RR_DECLINED], avg, 0);
	rp_csv_num(f, g->referrals[RR_LATE], avg, amb ? 0 : 1);
	if (!amb)
		return;
	rp_csv_num(f, g->recruited, avg, 0);
	rp_csv_num(f, g->stopped, avg, 0);
	rp_csv_num(f, g->active_at_end, avg, 0);
	rp_csv_num(f, g->cumulative, avg, 0);
	rp_csv_num(f, g->stairwells, avg, 0);
	rp_csv_num(f, g->covered, avg, 1);
}

/* The header row: first, then the figures' names. */
static void
rp_csv_header(FILE *f, const char *first, size_t n)
{
	size_t	i;

	rp_csv(f, first, 0);
	for (i = 0; i < n; i++)
		rp_csv(f, rp_csv_head[i], i + 1 == n);
}

/* The evaluation as csv: the department's months (YYYY-MM), its total,
 * and the average of the other departments. */
static void
rp_csv_evaluation(FILE *f, const struct report *r)
{
	size_t	i;
	int	y, m, d;
	char	month[16];
	long	others = (long)r->ndepartments - 1;

	rp_csv_header(f, "month", RP_CSV_AMB);
	util_date_split(r->period.from, &y, &m, &d);
	for (i = 0; i < r->nmonths; i++) {
		snprintf(month, sizeof month, "%04d-%02d",
		    y + (int)((m - 1 + i) / 12), (int)((m - 1 + i) % 12) + 1);
		rp_csv_row(f, month, &r->months[i], 0, 0);
	}
	rp_csv_row(f, "total", &r->by_department[r->department], 0, 0);
	rp_csv_row(f, "others_average", &r->rest, others > 0 ? others : 1, 0);
}

/* r as csv to f. */
void
cli_report_csv(FILE *f, const struct report *r)
{
	size_t	i;

	if (r->department >= 0) {
		rp_csv_evaluation(f, r);
		return;
	}
	rp_csv_header(f, "department", sizeof rp_csv_head /
	    sizeof rp_csv_head[0]);
	for (i = 0; i < r->ndepartments; i++)
		rp_csv_row(f, r->departments[i], &r->by_department[i], 0, 1);
	rp_csv_row(f, "total", &r->total, 0, 1);
	if (r->has_pilots) {
		rp_csv_row(f, "pilots", &r->pilots, 0, 1);
		rp_csv_row(f, "others", &r->others, 0, 1);
	}
}
