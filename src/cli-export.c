/*
 * cli-export.c — `velkomst export TABLE`: a list as a file a spreadsheet
 * opens (csv, csv for Danish Excel, tsv, xlsx; export.h), recorded in
 * the audit trail before a row leaves.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "export.h"
#include "i18n.h"
#include "person.h"
#include "util.h"

/* What the command was asked. */
struct ex_opts {
	struct export_ask	 a;
	int			 format;	/* an enum export_format */
	int			 excel;
	const char		*output;	/* or NULL: standard output */
	const char		*department;
	const char		*search;
	int			 fd;		/* the file made, or -1 */
	char			 tmp[64];	/* an xlsx for standard output */
};

/* --format csv|xlsx|tsv into *(int *)to. */
static int
ex_set_format(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	if (strcmp(arg, "csv") == 0)
		*(int *)opt->to = EXPORT_CSV;
	else if (strcmp(arg, "xlsx") == 0)
		*(int *)opt->to = EXPORT_XLSX;
	else if (strcmp(arg, "tsv") == 0)
		*(int *)opt->to = EXPORT_TSV;
	else {
		cli_error(_("--%s is csv, xlsx or tsv, not \"%s\""), opt->name,
		    arg);
		return -1;
	}
	return 0;
}

/* Count the rows (a cli_export_step). */
static long
ex_count(struct db *db, void *ctx)
{
	struct ex_opts	*o = ctx;
	long		 n;

	if ((n = export_count(db, cli_who(), &o->a)) < 0)
		cli_error("%s", _(db_errmsg(db)));
	return n;
}

/* The audit row's text (a cli_export_step). */
static char *
ex_detail(void *ctx, long rows)
{
	struct ex_opts	*o = ctx;

	return export_audit_detail(&o->a, (enum export_format)o->format,
	    rows);
}

/* Copy the file at path to standard output: 0, or -1. */
static int
ex_copy_out(const char *path)
{
	char	 buf[8192];
	size_t	 n;
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			rc = -1;
	if (ferror(f))
		rc = -1;
	fclose(f);
	if (fflush(stdout) != 0)
		rc = -1;
	return rc;
}

/* Write a workbook to path (made already). */
static int
ex_write_xlsx(struct db *db, struct ex_opts *o, const char *path, long n)
{
	struct export_out	 out;
	char			 err[512];
	long			 w;

	if (export_out_xlsx(&out, path, err, sizeof err) == -1) {
		cli_error("%s", err);
		return 1;
	}
	w = export_write(db, cli_who(), &o->a, &out);
	if (export_out_close(&out, path, err, sizeof err) == -1) {
		cli_error("%s", err);
		return 1;
	}
	if (w != n) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	return 0;
}

/* Write delimited text to f. */
static int
ex_write_text(struct db *db, struct ex_opts *o, FILE *f, const char *name,
    long n)
{
	struct export_out	 out;
	char			 err[512];
	long			 w;

	export_out_init(&out, (enum export_format)o->format, f);
	w = export_write(db, cli_who(), &o->a, &out);
	if (export_out_close(&out, name, err, sizeof err) == -1) {
		cli_error("%s", err);
		return 1;
	}
	if (w != n) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	return 0;
}

/* Write the rows where they go (a cli_export_step). */
static int
ex_write(struct db *db, void *ctx, long n)
{
	struct ex_opts	*o = ctx;
	FILE		*f;
	int		 rc;

	if (o->format == EXPORT_XLSX) {
		if (o->output != NULL)
			return ex_write_xlsx(db, o, o->output, n);
		if ((rc = ex_write_xlsx(db, o, o->tmp, n)) == 0 &&
		    ex_copy_out(o->tmp) == -1) {
			cli_error(_("the export could not be written: %s"),
			    strerror(errno));
			rc = 1;
		}
		return rc;
	}
	if (o->output == NULL)
		return ex_write_text(db, o, stdout, _("standard output"), n);
	if ((f = fdopen(o->fd, "w")) == NULL) {
		cli_error(_("%s cannot be written: %s."), o->output,
		    strerror(errno));
		return 1;
	}
	o->fd = -1;
	rc = ex_write_text(db, o, f, o->output, n);
	if (fclose(f) != 0 && rc == 0) {
		cli_error(_("%s cannot be written: %s."), o->output,
		    strerror(errno));
		rc = 1;
	}
	return rc;
}

/* Check what the options ask together, and make the file: 0, 1 or 2. */
static int
ex_prepare(const struct cli *cli, struct ex_opts *o)
{
	int	fd;

	if (o->excel && o->format != EXPORT_CSV) {
		cli_error("%s", _("--excel is a kind of csv; it goes without "
		    "--format, or with --format csv."));
		return 2;
	}
	if (o->excel)
		o->format = EXPORT_EXCEL;
	if (o->department != NULL)
		o->a.hq.department = o->a.aq.department = o->department;
	o->a.hq.search = o->a.aq.search = o->search;
	(void)cli;
	if (o->output != NULL)
		return (o->fd = cli_create_file(o->output)) < 0 ? 1 : 0;
	if (o->format != EXPORT_XLSX)
		return 0;
	if (isatty(STDOUT_FILENO)) {
		cli_error("%s", _("A workbook is not for the terminal: give "
		    "--output FILE, or send it on with > or |."));
		return 2;
	}
	snprintf(o->tmp, sizeof o->tmp, "%s/velkomst-XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 40 ?
	    getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(o->tmp)) == -1) {
		cli_error(_("%s cannot be made: %s."), o->tmp, strerror(errno));
		o->tmp[0] = '\0';
		return 1;
	}
	close(fd);
	return 0;
}

int
cli_export_cmd(const struct cli *cli, int argc, char **argv)
{
	static const struct cli_export_step st = { ex_count, ex_detail,
	    ex_write, NULL };
	struct ex_opts		 o = { .format = EXPORT_CSV, .fd = -1 };
	char			*table = NULL;
	int			 rc, t;
	const struct cli_opt	 opts[] = {
		{ "format", 0, "csv|xlsx|tsv", ex_set_format, &o.format, 0,
		    N_("csv: RFC 4180, UTF-8 with commas (the default); xlsx: "
		    "an Excel workbook; tsv: as the list commands print") },
		{ "excel", 0, NULL, cli_set_flag, &o.excel, 0,
		    N_("csv as Danish Excel opens it by a double click: ';' "
		    "between fields, a BOM, dates as 01-06-2019") },
		{ "output", 'o', "FILE", cli_set_string, &o.output, 0,
		    N_("write to the new file FILE, made 0600 (never over one "
		    "that is there) instead of standard output") },
		{ "department", 0, "D", cli_set_department, &o.department, 0,
		    N_("only this department (its key, name or short name)") },
		{ "search", 0, "TEXT", cli_set_string, &o.search, 0,
		    N_("households, ambassadors: only those with a name whose "
		    "words start with each word of TEXT") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "export", "households|overdue|"
	    "secretariat|visits|ambassadors|goal", 1, 1, opts,
	    N_("Writes a list as a file a spreadsheet opens.  Households have "
	    "a column per member (name 1, name 2, ...) and the columns the "
	    "import reads.  The export is recorded in the audit trail (what, "
	    "the format, how many rows) before a row is written.  "
	    "`export person HOUSEHOLD_ID` writes everything held about one "
	    "household instead (see export person --help).") };

	/* One household's copy is a command of its own. */
	if (argc > 1 && strcmp(argv[1], "person") == 0)
		return cli_export_person(cli, argc - 1, argv + 1);
	if ((rc = cli_args(cli, &cmd, argc, argv, &table)) != -1)
		return rc;
	if ((t = export_table_parse(table)) < 0) {
		cli_error(_("There is no list \"%s\" to export."), table);
		cli_usage(&cmd, stderr);
		return 2;
	}
	export_ask_init(&o.a, (enum export_table)t, cli->conf);
	if ((rc = ex_prepare(cli, &o)) != 0) {
		if (rc == 2)
			cli_usage(&cmd, stderr);
		return rc;
	}
	rc = cli_export_steps(cli, &st, &o);
	if (o.fd >= 0)
		close(o.fd);
	if (rc != 0 && o.output != NULL)
		unlink(o.output);
	if (o.tmp[0] != '\0')
		unlink(o.tmp);
	return rc;
}
