/* cli-overdue.c — `velkomst overdue`: welcomes past the deadline. */
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

#define PAGE	500

static const char od_usage[] = N_("usage: velkomst overdue "
    "[--department D] [--format text|tsv]");

/* Print one overdue household. */
static void
od_print(const struct conf *conf, const struct household_row *r, int tsv,
    long today)
{
	char	in[11];
	long	days;
	int	d;

	days = core_overdue_days(r->moved_in, r->moved_out, r->state, today,
	    conf->welcome_days);
	if (tsv) {
		printf("%ld\t%s\t%s\t%s\t%s\t%ld\t%d\t%s\t%s\n", r->id,
		    r->department, r->stairwell, r->flat,
		    util_date_iso(r->moved_in, in), days, r->attempts,
		    core_status_name(r->state), r->names);
		return;
	}
	d = cfg_department_find(conf, r->department);
	printf("%6ld  %4ld  %-10s  ", r->id, days,
	    util_date_dk(r->moved_in, in));
	cli_cell(d < 0 ? r->department : conf->departments[d].shortname, 10);
	cli_cell(r->stairwell, 10);
	cli_cell(r->flat, 7);
	printf("%5d  %s\n", r->attempts, r->names);
}

/* List the query page by page; the count, or -1 with the reason said. */
static long
od_list(const struct cli *cli, struct db *db,
    const struct household_query *q, int tsv)
{
	struct who		 who = { .name = cli_who_name() };
	struct household_row	*rows, last = { 0 };
	size_t			 n, i;
	long			 total = 0;
	int			 have = 0;

	do {
		if (db_household_list(db, &who, q, have ? &last : NULL, PAGE,
		    &rows, &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			db_household_row_clear(&last);
			return -1;
		}
		for (i = 0; i < n; i++)
			od_print(cli->conf, &rows[i], tsv, q->today);
		total += (long)n;
		if (n > 0) {
			db_household_row_clear(&last);
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
			last.sort_key = xstrdup(rows[n - 1].sort_key);
			have = 1;
		}
		db_household_rows_free(rows, n);
	} while (n == PAGE);
	db_household_row_clear(&last);
	return total;
}

int
cli_overdue(const struct cli *cli, int argc, char **argv)
{
	struct household_query	 q = { .order = ORDER_URGENT,
				    .filter = FILTER_OVERDUE };
	struct db		*db;
	char			 day[11];
	long			 n;
	int			 tsv, rc;

	q.today = util_today();
	q.deadline = cli->conf->welcome_days;
	rc = cli_list_args(cli, argc, argv, _(od_usage), &q.department, &tsv);
	if (rc != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	if (tsv)
		printf("id\tdepartment\tstairwell\tflat\tmoved_in\tdays_overdue"
		    "\tattempts\tstatus\tnames\n");
	else {
		printf("%6s  ", _("ID"));
		cli_cell(_("Days"), 4);
		cli_cell(_("Moved in"), 10);
		cli_cell(_("Department"), 10);
		cli_cell(_("Stairwell"), 10);
		cli_cell(_("Flat"), 7);
		cli_cell(_("Tries"), 5);
		printf("%s\n", _("Names"));
	}
	n = od_list(cli, db, &q, tsv);
	if (n >= 0 && !tsv)
		printf(_("%ld welcomes are overdue (more than %d days after "
		    "moving in, on %s).\n"), n, cli->conf->welcome_days,
		    util_date_dk(q.today, day));
	db_close(db);
	return n < 0 ? 1 : 0;
}
