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

/* What printing a row needs. */
struct od_out {
	const struct conf	*conf;
	int			 tsv;
	long			 today;
};

/* Print one row (a cli_each_household callback). */
static void
od_each(void *ctx, const struct household_row *r)
{
	struct od_out	*o = ctx;

	od_print(o->conf, r, o->tsv, o->today);
}

int
cli_overdue(const struct cli *cli, int argc, char **argv)
{
	struct household_query	 q = { .order = ORDER_URGENT,
				    .filter = FILTER_OVERDUE };
	struct db		*db;
	struct od_out		 out;
	char			 day[11];
	long			 n;
	int			 tsv, rc;

	q.today = util_today();
	q.deadline = cli->conf->welcome_days;
	rc = cli_list_args(cli, argc, argv, _(od_usage), &q.department, &tsv);
	if (rc != -1)
		return rc;
	if ((db = cli_open_db(cli, 0)) == NULL)	/* the export's audit row */
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
	out.conf = cli->conf;
	out.tsv = tsv;
	out.today = q.today;
	n = cli_each_household(db, &q, od_each, &out);
	if (n >= 0 && !tsv)
		printf(P_("%ld welcome is overdue (more than %d days after "
		    "moving in, on %s).\n", "%ld welcomes are overdue (more "
		    "than %d days after moving in, on %s).\n", n), n,
		    cli->conf->welcome_days, util_date_dk(q.today, day));
	if (n >= 0)
		cli_note_export(db, "overdue", tsv, n);
	db_close(db);
	return n < 0 ? 1 : 0;
}
