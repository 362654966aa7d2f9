/*
 * cli-import.c — `velkomst import moveins FILE [--dry-run] [--encoding
 * E] [--delimiter D] [--skip-bad] [--notes-ok]`: a move-in list from an
 * estate office read and checked (core-import.c), every bad row listed
 * by row and column, a note that may say something sensitive named on
 * stderr (and nothing imported without --notes-ok), then added in one
 * transaction (db-import.c).
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "util.h"

struct import_opts {
	int			 dry_run;
	int			 skip_bad;
	int			 notes_ok;	/* --notes-ok */
	enum import_encoding	 encoding;
	int			 delimiter;
};

/* --encoding utf-8|cp1252. */
static int
import_set_encoding(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	if (import_encoding_parse(arg, opt->to) == 0)
		return 0;
	cli_error(_("--encoding takes utf-8 or cp1252, not \"%s\"."), arg);
	return -1;
}

/* --delimiter ';'|','|tab. */
static int
import_set_delimiter(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	int	 d;

	(void)cli;
	if ((d = import_delimiter_parse(arg)) > 0) {
		*(int *)opt->to = d;
		return 0;
	}
	cli_error(_("--delimiter takes ';', ',' or tab, not \"%s\"."), arg);
	return -1;
}

/* Print the problems of row w, or why it is a duplicate. */
static void
import_print_row(const struct import *imp, const struct import_row *w)
{
	const struct import_problem *p;
	size_t		 first, n, i;
	char		*col;

	if (w->fate == IMPORT_DUPLICATE && w->duplicate_of != 0)
		printf(_("row %ld: already registered (household %ld), not "
		    "added again\n"), w->row, w->duplicate_of);
	else if (w->fate == IMPORT_DUPLICATE)
		printf(_("row %ld: the same household as row %ld, not added "
		    "twice\n"), w->row, w->duplicate_row);
	if (w->fate != IMPORT_BAD)
		return;
	n = import_row_problems(imp, w->row, &first);
	for (i = 0; i < n; i++) {
		p = &imp->problems[first + i];
		if (p->column == NULL) {
			printf(_("row %ld: %s\n"), w->row, _(p->reason));
			continue;
		}
		col = cli_text_safe(p->column);
		printf(_("row %ld, column \"%s\": %s\n"), w->row, col,
		    _(p->reason));
		free(col);
	}
}

/* Print what the file holds: the columns ignored, every row that is not
 * added, and the counts. */
static void
import_print(const struct import *imp, const char *file, int dry_run)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < imp->nunknown; i++) {
		s = cli_text_safe(imp->unknown[i]);
		printf(_("column \"%s\" is not known: ignored\n"), s);
		free(s);
	}
	for (i = 0; i < imp->nrows; i++)
		import_print_row(imp, &imp->rows[i]);
	s = cli_text_safe(file);
	printf(P_("%s: %zu row: ", "%s: %zu rows: ", imp->nrows), s,
	    imp->nrows);
	free(s);
	printf(dry_run ? P_("%ld would be added, ", "%ld would be added, ",
	    imp->added) : P_("%ld added, ", "%ld added, ", imp->added),
	    imp->added);
	printf(P_("%ld already registered, ", "%ld already registered, ",
	    imp->duplicates), imp->duplicates);
	printf(P_("%ld refused.\n", "%ld refused.\n", imp->refused),
	    imp->refused);
}

/* The progress line on a terminal (a db_import_moveins callback). */
static void
import_progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	fputc('\r', stderr);
	fprintf(stderr, _("Importing: %zu of %zu rows"), done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Read and check FILE; 0, or 1 with the reason printed. */
static int
import_read(const struct conf *conf, const char *path,
    const struct import_opts *o, struct import *imp)
{
	char	*buf;
	size_t	 len;
	int	 e;

	if ((e = util_read_file(path, (size_t)IMPORT_MAX_BYTES, &buf,
	    &len)) != 0) {
		if (e == EFBIG)
			cli_error(_("%s: %s"), path, _("The file is too large "
			    "to be a move-in list."));
		else if (e == EISDIR)
			cli_error(_("%s: this is not a file."), path);
		else
			cli_error(_("%s: cannot read the file: %s"), path,
			    strerror(e));
		return 1;
	}
	import_parse(buf, len, o->encoding, o->delimiter, conf, imp);
	free(buf);
	if (imp->error != NULL) {
		cli_error("%s: %s", path, _(imp->error));
		return 1;
	}
	return 0;
}

/*
 * Warn on stderr of every note (of a row not refused) that may say
 * something sensitive.  0 when there is none, or when --notes-ok takes
 * them as they are; else 1, with the rule and why nothing is imported.
 */
static int
import_sensitive(const struct conf *conf, const struct import *imp,
    const struct import_opts *o)
{
	const struct import_row	*w;
	enum sensitive_kind	 k;
	char			*word, *why;
	size_t			 i;
	long			 n = 0;

	for (i = 0; i < imp->nrows; i++) {
		w = &imp->rows[i];
		if (w->fate == IMPORT_BAD || w->notes == NULL ||
		    (k = core_sensitive_check(conf->sensitive, w->notes,
		    &word)) == SENSITIVE_NONE)
			continue;
		/* The word is letters, digits and marks only. */
		why = xasprintf(_(core_sensitive_reason(k)),
		    word != NULL ? word : "");
		cli_error(_("row %ld: %s"), w->row, why);
		free(why);
		free(word);
		n++;
	}
	if (n == 0 || o->notes_ok)
		return 0;
	cli_error("%s", _(core_sensitive_rule()));
	cli_error("%s", o->dry_run ? _("Nothing would be imported: change "
	    "those notes in the file, or import them as they are with "
	    "--notes-ok.") : _("Nothing was imported: change those notes "
	    "in the file, or import them as they are with --notes-ok."));
	return 1;
}

/* Match, then import (or only tell, with --dry-run). */
static int
import_run(const struct cli *cli, const char *path, const char *base,
    const struct import_opts *o, struct import *imp)
{
	struct db	*db;
	enum db_status	 s;
	int		 tty = isatty(2) && imp->nrows >= 2000;

	if ((db = cli_open_db(cli, o->dry_run ? DB_READ_ONLY :
	    DB_NO_SETUP)) == NULL)
		return 1;
	if (o->dry_run)
		s = db_import_match(db, cli_who(), imp);
	else if (imp->refused > 0 && !o->skip_bad)
		s = db_import_match(db, cli_who(), imp);
	else
		s = db_import_moveins(db, cli_who(), imp, base, o->skip_bad,
		    tty ? import_progress : NULL, NULL);
	if (s != DB_OK) {
		cli_error("%s", db_errmsg(db));
		db_close(db);
		return 1;
	}
	db_close(db);
	import_print(imp, path, o->dry_run);
	if (imp->refused > 0 && !o->skip_bad) {
		cli_error(o->dry_run ? _("Nothing would be imported: correct "
		    "the rows above, or import the good rows with "
		    "--skip-bad.") : _("Nothing was imported: correct the "
		    "rows above, or import the good rows with --skip-bad."));
		return 1;
	}
	return 0;
}

int
cli_import(const struct cli *cli, int argc, char **argv)
{
	struct import_opts	 o = { 0, 0, 0, IMPORT_ENC_AUTO, 0 };
	const struct cli_opt	 opts[] = {
		{ "dry-run", 'n', NULL, cli_set_flag, &o.dry_run, 0,
		    N_("show what would be imported; change nothing") },
		{ "encoding", 0, "utf-8|cp1252", import_set_encoding,
		    &o.encoding, 0, N_("the file's encoding (default: UTF-8 "
		    "if it is, else Windows-1252)") },
		{ "delimiter", 0, "';'|','|tab", import_set_delimiter,
		    &o.delimiter, 0, N_("what separates the fields (default: "
		    "found from the header)") },
		{ "skip-bad", 0, NULL, cli_set_flag, &o.skip_bad, 0,
		    N_("import the good rows even if some are bad") },
		{ "notes-ok", 0, NULL, cli_set_flag, &o.notes_ok, 0,
		    N_("import notes that may say something sensitive as "
		    "they are") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "import", "moveins FILE", 2, 2, opts,
	    N_("Imports a list of move-ins from an estate office: a CSV file "
	    "as Excel or LibreOffice saves it, with a header row naming the "
	    "columns in Danish or English. Every bad row is listed by row "
	    "and column, and nothing is imported unless --skip-bad is "
	    "given; households already registered are not added again.") };
	struct import		 imp;
	char			*operand[2] = { NULL, NULL }, *copy;
	int			 rc;

	if ((rc = cli_args(cli, &cmd, argc, argv, operand)) != -1)
		return rc;
	if (strcmp(operand[0], "moveins") != 0) {
		cli_error(_("import knows one kind of list: moveins."));
		cli_usage(&cmd, stderr);
		return 2;
	}
	if (import_read(cli->conf, operand[1], &o, &imp) != 0)
		return 1;
	if (import_sensitive(cli->conf, &imp, &o) != 0) {
		import_free(&imp);
		return 1;
	}
	copy = xstrdup(operand[1]);
	rc = import_run(cli, operand[1], basename(copy), &o, &imp);
	free(copy);
	import_free(&imp);
	return rc;
}
