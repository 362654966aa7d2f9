/*
 * cli-audit.c — `velkomst audit`: the audit trail, oldest first (a report
 * reads from the top down; the screen shows the newest first).  The
 * database gives the trail newest first a page at a time; a first pass
 * notes where each page starts, then the pages are read again from the
 * last and printed backwards, so memory stays one page.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const char audit_usage[] = N_("usage: velkomst [--db FILE] audit "
    "[--since DATE] [--until DATE] [--login LOGIN] [--format text|tsv]");

/* The record kinds of the trail, for the text table. */
static const char *const audit_tables[][2] = {
	{ "household", N_("household") },
	{ "visit", N_("visit") },
	{ "ambassador", N_("ambassador") },
	{ "account", N_("account") },
};

/* Parse DATE of option; 0, or 2 with the reason printed. */
static int
audit_date(const char *option, const char *arg, long *day)
{
	enum date_err	 e;

	if ((e = util_date_parse(arg, day)) == DATE_OK)
		return 0;
	cli_error("%s: %s", option, _(util_date_errstr(e)));
	return 2;
}

/* Parse the options; -1 to go on, else the exit code. */
static int
audit_args(int argc, char **argv, struct audit_query *q, int *tsv)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "login", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	optind = 0;	/* a full restart: main parsed with "+" */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (audit_date("--since", optarg, &q->since) != 0)
				return 2;
			break;
		case 'u':
			if (audit_date("--until", optarg, &q->until) != 0)
				return 2;
			break;
		case 'l':
			q->login = optarg;
			break;
		case 'f':
			if (cli_format(optarg, tsv) != 0)
				return 2;
			break;
		case 'h':
			printf("%s\n%s\n", _(audit_usage), _("Prints the audit "
			    "trail oldest first, in local time: who did what "
			    "kind of thing to which record, never the "
			    "content.  --since and --until take a date like "
			    "28.11.2026 and include that day."));
			return 0;
		default:
			cli_error("%s", _(audit_usage));
			return 2;
		}
	}
	if (optind == argc)
		return -1;
	cli_error("%s", _(audit_usage));
	return 2;
}

/* Print s as a tsv field: tabs and line breaks become spaces. */
static void
audit_field(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* The record of r for the table: "household 12", or "". */
static char *
audit_record(const struct audit_row *r)
{
	const char	*name;
	size_t		 i;

	if (r->table == NULL)
		return xstrdup("");
	name = r->table;
	for (i = 0; i < sizeof audit_tables / sizeof audit_tables[0]; i++)
		if (strcmp(r->table, audit_tables[i][0]) == 0)
			name = _(audit_tables[i][1]);
	if (r->record <= 0)
		return xstrdup(name);
	return xasprintf("%s %ld", name, r->record);
}

/* Who did r, for the table: a new string. */
static char *
audit_who(const struct audit_row *r)
{
	if (r->login == NULL)
		return xstrdup(_("(unknown)"));
	if (r->command_line)
		return xasprintf(_("(command line) %s"), r->login);
	return xstrdup(r->login);
}

/* Widen *cols (the Who column) to fit who of the rows, never cutting a
 * login. */
static void
audit_who_cols(const struct audit_row *rows, size_t n, int *cols)
{
	char	*who;
	size_t	 i;
	int	 w;

	for (i = 0; i < n; i++) {
		who = audit_who(&rows[i]);
		util_text_fit(who, 80, &w);
		if (w > *cols)
			*cols = w;
		free(who);
	}
}

/* Print one row of the trail (the Who column cols wide). */
static void
audit_print(const struct audit_row *r, int tsv, int cols)
{
	char	 at[20], *who, *rec;

	cli_time(r->at, tsv, 1, at);
	if (tsv) {
		printf("%s\t", at);
		audit_field(r->login);
		printf("\t%d\t", r->command_line);
		audit_field(r->kind);
		putchar('\t');
		audit_field(r->table);
		printf("\t%ld\t", r->record);
		audit_field(r->detail);
		putchar('\n');
		return;
	}
	who = audit_who(r);
	rec = audit_record(r);
	cli_cell(at, 19);
	cli_cell(who, cols);
	cli_cell(_(r->kind), 20);
	cli_cell(rec, 16);
	printf("%s\n", r->detail != NULL ? r->detail : "");
	free(who);
	free(rec);
}

/* The column titles of the table (Who cols wide), or of tsv. */
static void
audit_header(int tsv, int cols)
{
	if (tsv) {
		printf("time\tlogin\tcommand_line\tkind\ttable\trecord"
		    "\tdetail\n");
		return;
	}
	cli_cell(_("Time"), 19);
	cli_cell(_("Who"), cols);
	cli_cell(_("What"), 20);
	cli_cell(_("Record"), 16);
	printf("%s\n", _("Detail"));
}

/*
 * First pass: where each page starts.  (*starts)[k] is the id the page
 * k comes after (page 0: one past the newest row, so rows written while
 * this runs are left out), and *cols fits every Who.  Returns the number
 * of pages, or -1 with the reason printed.
 */
static long
audit_pages(struct db *db, const struct audit_query *q, long **starts,
    int *cols)
{
	struct audit_row	*rows, after;
	size_t			 n, cap = 16;
	long			 npages = 0;

	*starts = xcalloc(cap, sizeof **starts);
	memset(&after, 0, sizeof after);
	do {
		if (db_audit_list(db, cli_who(), q, npages > 0 ? &after : NULL,
		    CLI_PAGE, &rows, &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			free(*starts);
			*starts = NULL;
			return -1;
		}
		if (n > 0) {
			if ((size_t)npages == cap) {
				cap *= 2;
				*starts = xreallocarray(*starts, cap,
				    sizeof **starts);
			}
			(*starts)[npages] = npages == 0 ? rows[0].id + 1 :
			    after.id;
			npages++;
			after.id = rows[n - 1].id;
			audit_who_cols(rows, n, cols);
		}
		db_audit_rows_free(rows, n);
	} while (n == CLI_PAGE);
	return npages;
}

/* Print the trail of q oldest first; the count, or -1. */
static long
audit_each(struct db *db, const struct audit_query *q, int tsv)
{
	struct audit_row	*rows, after;
	long			*starts, npages, k, total = 0;
	size_t			 n, i;
	int			 cols = 22;

	if ((npages = audit_pages(db, q, &starts, &cols)) < 0)
		return -1;
	audit_header(tsv, cols);
	memset(&after, 0, sizeof after);
	for (k = npages - 1; k >= 0; k--) {
		after.id = starts[k];
		if (db_audit_list(db, cli_who(), q, &after, CLI_PAGE, &rows,
		    &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			free(starts);
			return -1;
		}
		for (i = n; i > 0; i--)
			audit_print(&rows[i - 1], tsv, cols);
		total += (long)n;
		db_audit_rows_free(rows, n);
	}
	free(starts);
	return total;
}

/* `velkomst audit`: the trail, oldest first. */
int
cli_audit(const struct cli *cli, int argc, char **argv)
{
	struct audit_query	 q;
	struct db		*db;
	long			 n;
	int			 tsv = 0, rc;

	memset(&q, 0, sizeof q);
	q.since = q.until = DATE_NONE;
	if ((rc = audit_args(argc, argv, &q, &tsv)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	n = audit_each(db, &q, tsv);
	if (n >= 0 && !tsv)
		printf(P_("%ld entry\n", "%ld entries\n", n), n);
	db_close(db);
	return n < 0 ? 1 : 0;
}
