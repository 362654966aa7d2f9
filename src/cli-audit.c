/*
 * cli-audit.c — `velkomst audit`: the audit trail, oldest first (a report
 * reads from the top down; the screen shows the newest first).  The
 * database gives the trail newest first a page at a time; a first pass
 * notes where each page starts, then the pages are read again from the
 * last and printed backwards, so memory stays one page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col audit_text[] = {
	{ N_("Time"), 19, 0 },
	{ N_("Who"), 22, 0 },		/* widened to the longest */
	{ N_("What"), 20, 0 },
	{ N_("Record"), 16, 0 },
	{ N_("Detail"), 0, 0 },
};
static const struct cli_col audit_tsv[] = {
	{ "time", 0, 0 }, { "login", 0, 0 }, { "command_line", 0, 0 },
	{ "kind", 0, 0 }, { "table", 0, 0 }, { "record", 0, 0 },
	{ "detail", 0, 0 },
};
#define AUDIT_WHO	1	/* the column of who did it */

/* The record of r for the table: "household 12", or "". */
static char *
audit_record(const struct audit_row *r)
{
	return core_audit_record(r->table, r->record);
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

/* Widen the Who column to fit who of the rows, never cutting a login. */
static void
audit_who_cols(const struct audit_row *rows, size_t n, struct cli_table *t)
{
	char	*who;
	size_t	 i;

	for (i = 0; i < n; i++) {
		who = audit_who(&rows[i]);
		cli_table_widen(t, AUDIT_WHO, who);
		free(who);
	}
}

/* Print one row of the trail. */
static void
audit_print(const struct audit_row *r, struct cli_table *t)
{
	char	 at[20], *who, *rec;

	cli_table_cell(t, cli_time(r->at, t->tsv, 1, at));
	if (t->tsv) {
		cli_table_cell(t, r->login);
		cli_table_cellf(t, "%d", r->command_line);
		cli_table_cell(t, r->kind);
		cli_table_cell(t, r->table);
		cli_table_cellf(t, "%ld", r->record);
		cli_table_cell(t, r->detail);
	} else {
		who = audit_who(r);
		rec = audit_record(r);
		cli_table_cell(t, who);
		cli_table_cell(t, _(r->kind));
		cli_table_cell(t, rec);
		cli_table_cell(t, r->detail);
		free(who);
		free(rec);
	}
	cli_table_end(t);
}

/*
 * First pass: where each page starts.  (*starts)[k] is the id the page
 * k comes after (page 0: one past the newest row, so rows written while
 * this runs are left out), and t's Who column fits every Who.  Returns the number
 * of pages, or -1 with the reason printed.
 */
static long
audit_pages(struct db *db, const struct audit_query *q, long **starts,
    struct cli_table *t)
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
			audit_who_cols(rows, n, t);
		}
		db_audit_rows_free(rows, n);
	} while (n == CLI_PAGE);
	return npages;
}

/* Print the trail of q oldest first; the count, or -1. */
static long
audit_each(struct db *db, const struct audit_query *q, struct cli_table *t)
{
	struct audit_row	*rows, after;
	long			*starts, npages, k, total = 0;
	size_t			 n, i;

	if ((npages = audit_pages(db, q, &starts, t)) < 0)
		return -1;
	cli_table_header(t);
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
			audit_print(&rows[i - 1], t);
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
	struct cli_table	 t;
	struct db		*db;
	long			 n;
	int			 tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "since", 0, "DATE", cli_set_date, &q.since, 0,
		    N_("only what happened on this day or later") },
		{ "until", 0, "DATE", cli_set_date, &q.until, 0,
		    N_("only what happened on this day or before") },
		{ "login", 0, "LOGIN", cli_set_string, &q.login, 0,
		    N_("only what this account did") },
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "audit", NULL, 0, 0, opts,
	    N_("Prints the audit trail oldest first, in local time: who did "
	    "what kind of thing to which record, never the content.  --since "
	    "and --until take a date like 28.11.2026 and include that day.") };

	memset(&q, 0, sizeof q);
	q.since = q.until = DATE_NONE;
	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	cli_table_init(&t, stdout, tsv, CLI_COLS(audit_text),
	    CLI_COLS(audit_tsv));
	n = audit_each(db, &q, &t);
	if (n >= 0 && !tsv)
		printf(P_("%ld entry\n", "%ld entries\n", n), n);
	cli_table_free(&t);
	db_close(db);
	return n < 0 ? 1 : 0;
}
