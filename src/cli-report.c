/*
 * cli-report.c — `velkomst report`: the yearly report of a calendar year,
 * a year of the agreement or any period, or one department's evaluation,
 * as text, Markdown, csv or an Excel workbook, to standard output or a
 * new file.  The counting is db_report's; the printing
 * cli-report-print.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

enum rep_format { RF_TEXT, RF_MD, RF_CSV, RF_XLSX };

static const char *const rep_format_names[] = {
	[RF_TEXT] = "text", [RF_MD] = "md", [RF_CSV] = "csv",
	[RF_XLSX] = "xlsx",
};

/* What the command was asked. */
struct rep_opts {
	int		 year;		/* 0: not given */
	int		 agreement;	/* 0: not given */
	long		 from, to;	/* DATE_NONE: not given */
	const char	*department;	/* a key, or NULL */
	int		 format;	/* enum rep_format */
	const char	*output;	/* a file, or NULL: standard output */
	int		 recount;
};

/* --year Y, --agreement-year N: a whole number, 1 to 9999. */
static int
rep_set_number(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	char	*end;
	long	 n;

	(void)cli;
	errno = 0;
	n = strtol(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno != 0 ||
	    n < 1 || n > 9999) {
		cli_error(_("--%s takes a whole number such as %s, not \"%s\"."),
		    opt->name, opt->letter == 'y' ? "2018" : "2", arg);
		return -1;
	}
	*(int *)opt->to = (int)n;
	return 0;
}

/* --format text|md|csv|xlsx. */
static int
rep_set_format(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	size_t	i;

	(void)cli;
	for (i = 0; i < sizeof rep_format_names / sizeof rep_format_names[0];
	    i++)
		if (strcmp(arg, rep_format_names[i]) == 0) {
			*(int *)opt->to = (int)i;
			return 0;
		}
	cli_error(_("--%s is text, md, csv or xlsx, not \"%s\"."), opt->name,
	    arg);
	return -1;
}

/* The options make sense together: 0, or 2 with the reason printed. */
static int
rep_check_opts(const struct rep_opts *o)
{
	int	periods;

	periods = (o->year != 0) + (o->agreement != 0) +
	    (o->from != DATE_NONE || o->to != DATE_NONE);
	if (periods > 1) {
		cli_error(_("Give one period: --year, --agreement-year, or "
		    "--from and --to."));
		return 2;
	}
	if ((o->from == DATE_NONE) != (o->to == DATE_NONE)) {
		cli_error(_("--from and --to go together: give both."));
		return 2;
	}
	if (o->format == RF_XLSX && o->output == NULL) {
		cli_error(_("An Excel workbook needs a file: give --output "
		    "FILE."));
		return 2;
	}
	return 0;
}

/* The period asked for into *p: 0, 2 (usage) or 1 with the reason. */
static int
rep_period(const struct cli *cli, struct db *db, const struct rep_opts *o,
    struct report_period *p)
{
	const struct conf	*c = cli->conf;
	const char		*why;
	long			 first;
	char			 day[16];
	int			 y, m, d;

	if (o->year != 0)
		why = core_report_year(o->year, c->welcome_days, p);
	else if (o->agreement != 0)
		why = core_report_agreement_year(c->goal_from, c->goal_to,
		    o->agreement, c->welcome_days, p);
	else if (o->from != DATE_NONE)
		why = core_report_range(o->from, o->to, c->welcome_days, p);
	else if (o->department == NULL) {
		util_date_split(util_today(), &y, &m, &d);
		why = core_report_year(y - 1, c->welcome_days, p);
	} else {
		if (db_report_first_welcome(db, cli_who(), o->department,
		    &first) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			return 1;
		}
		if (first == DATE_NONE) {
			cli_error(_("Department %s has had no welcome yet: give "
			    "a period (--year, --agreement-year, or --from and "
			    "--to)."), o->department);
			return 1;
		}
		core_report_first_year(first, c->welcome_days, p);
		return 0;
	}
	if (why != NULL) {
		cli_error("%s", _(why));
		return 2;
	}
	/* A period that has not begun has nothing to count (a typo such as
	 * 2091 for 2019 would print a page of zeros). */
	if (p->from > util_today()) {
		cli_error(_("The period starts on %s, after today: it has not "
		    "begun."), util_date_dk(p->from, day));
		return 2;
	}
	return 0;
}

/* Count the report of o into *r: 0, or the exit code with the reason. */
static int
rep_count(const struct cli *cli, struct db *db, const struct rep_opts *o,
    struct report *r)
{
	struct report_query	q;
	enum db_status		s;
	int			rc;

	report_query_conf(&q, cli->conf);
	if ((rc = rep_period(cli, db, o, &q.period)) != 0) {
		report_query_free(&q);
		return rc;
	}
	q.department = o->department;
	q.recount = o->recount;
	q.today = util_today();
	s = db_report(db, cli_who(), &q, r);
	report_query_free(&q);
	if (s != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	if (o->department != NULL && r->department < 0) {
		cli_error(_("The figures of this period were kept before "
		    "department %s was in the configuration; an admin can count "
		    "them again with --recount."), o->department);
		report_clear(r);
		return 1;
	}
	return 0;
}

/* Print r as o asks to f. */
static void
rep_print(const struct cli *cli, const struct rep_opts *o,
    const struct report *r, FILE *f)
{
	if (o->format == RF_CSV)
		cli_report_csv(f, r);
	else
		cli_report_print(f, cli->conf, r, o->format == RF_MD,
		    util_today());
}

/* Write r to the new file o->output: 0, or 1 with the reason (and no
 * file left behind). */
static int
rep_write_file(const struct cli *cli, const struct rep_opts *o,
    const struct report *r)
{
	char	 err[512];
	FILE	*f;
	int	 fd, bad;

	if ((fd = cli_create_file(o->output)) < 0)
		return 1;
	if (o->format == RF_XLSX) {
		close(fd);
		if (report_xlsx_write(r, o->output, err, sizeof err) == 0)
			return 0;
		cli_error("%s", err);
		unlink(o->output);
		return 1;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(o->output);
		cli_error(_("%s cannot be written: %s."), o->output,
		    strerror(errno));
		return 1;
	}
	rep_print(cli, o, r, f);
	bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		cli_error(_("%s cannot be written: %s."), o->output,
		    strerror(errno));
		unlink(o->output);
		return 1;
	}
	return 0;
}

/* Record in the audit trail that a report left for a file: the period,
 * the format, the department; never a figure.  A read-only database
 * records nothing (the report holds no personal data). */
static void
rep_audit(struct db *db, const struct rep_opts *o, const struct report *r)
{
	char	detail[96], from[11], to[11];

	if (db_readonly(db))
		return;
	snprintf(detail, sizeof detail, "%s %s %s%s%s",
	    util_date_iso(r->period.from, from), util_date_iso(r->period.to,
	    to), rep_format_names[o->format], o->department != NULL ? " " :
	    "", o->department != NULL ? o->department : "");
	if (db_audit_note(db, cli_who(), "report exported", NULL, 0,
	    detail) != DB_OK)
		cli_error("%s", _(db_errmsg(db)));
}

int
cli_report(const struct cli *cli, int argc, char **argv)
{
	struct rep_opts		 o = { 0, 0, DATE_NONE, DATE_NONE, NULL,
				    RF_TEXT, NULL, 0 };
	struct report		 r;
	struct db		*db;
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "year", 'y', "Y", rep_set_number, &o.year, 0,
		    N_("the calendar year Y (the default: last year)") },
		{ "agreement-year", 0, "N", rep_set_number, &o.agreement, 0,
		    N_("the N-th year of the agreement (goal.from and goal.to "
		    "of the configuration)") },
		{ "from", 0, "D", cli_set_date, &o.from, 0,
		    N_("the first day of the period (with --to)") },
		{ "to", 0, "D", cli_set_date, &o.to, 0,
		    N_("the last day of the period (with --from)") },
		{ "department", 0, "D", cli_set_department, &o.department, 0,
		    N_("the evaluation of this department (its key, name or "
		    "short name); without a period, its first year from its "
		    "first welcome") },
		{ "format", 0, "text|md|csv|xlsx", rep_set_format, &o.format,
		    0, N_("text: tables to read (the default); md: Markdown to "
		    "paste into a document; csv: for spreadsheets; xlsx: an "
		    "Excel workbook (needs --output)") },
		{ "output", 'o', "FILE", cli_set_string, &o.output, 0,
		    N_("write to the new file FILE (never over one that is "
		    "there) instead of standard output") },
		{ "recount", 0, NULL, cli_set_flag, &o.recount, 0,
		    N_("forget the figures a closed period kept and count "
		    "them again (recorded in the audit trail)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "report", NULL, 0, 0, opts,
	    N_("Prints the report of a period: per department and in "
	    "total, the households that moved in, how many were welcomed and "
	    "in time, the median days to the first welcome, the rest, the "
	    "referrals, the ambassadors and the checklist items.  A period "
	    "counts the visits and follow-ups dated and recorded by its last "
	    "day plus the welcome deadline (the cut-off); once the cut-off "
	    "has passed, its figures are kept and never change.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((rc = rep_check_opts(&o)) != 0) {
		cli_usage(&cmd, stderr);
		return rc;
	}
	if ((db = cli_open_db(cli, 0)) == NULL)
		return 1;
	if ((rc = rep_count(cli, db, &o, &r)) != 0) {
		if (rc == 2)
			cli_usage(&cmd, stderr);
		db_close(db);
		return rc;
	}
	if (o.output == NULL)
		rep_print(cli, &o, &r, stdout);
	else if ((rc = rep_write_file(cli, &o, &r)) == 0)
		rep_audit(db, &o, &r);
	report_clear(&r);
	db_close(db);
	return rc;
}
