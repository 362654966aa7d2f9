/* cli-overdue.c — `velkomst overdue`: welcomes past the deadline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col od_text[] = {
	{ N_("ID"), 6, CLI_COL_RIGHT },
	{ N_("Days"), 4, CLI_COL_RIGHT },
	{ N_("Moved in"), 10, 0 },
	{ N_("Department"), 10, 0 },
	{ N_("Stairwell"), 10, 0 },
	{ N_("Flat"), 7, 0 },
	{ N_("Tries"), 5, CLI_COL_RIGHT },
	{ N_("Names"), 0, 0 },
};
static const struct cli_col od_tsv[] = {
	{ "id", 0, 0 }, { "department", 0, 0 }, { "stairwell", 0, 0 },
	{ "flat", 0, 0 }, { "moved_in", 0, 0 }, { "days_overdue", 0, 0 },
	{ "attempts", 0, 0 }, { "status", 0, 0 }, { "names", 0, 0 },
};

/* What the export prints. */
struct od_ask {
	const struct cli		*cli;
	struct household_query		 q;
	int				 tsv;
};

/* What printing a row needs. */
struct od_out {
	const struct conf	*conf;
	struct cli_table	 t;
	long			 today;
};

/* Print one overdue household (a cli_each_household callback). */
static void
od_each(void *ctx, const struct household_row *r)
{
	struct od_out		*o = ctx;
	struct cli_table	*t = &o->t;
	char			 in[11];
	long			 days;
	int			 d;

	days = core_overdue_days(r->moved_in, r->moved_out, r->state,
	    o->today, o->conf->welcome_days);
	cli_table_cellf(t, "%ld", r->id);
	if (t->tsv) {
		cli_table_cell(t, r->department);
		cli_table_cell(t, r->stairwell);
		cli_table_cell(t, r->flat);
		cli_table_cell(t, util_date_iso(r->moved_in, in));
		cli_table_cellf(t, "%ld", days);
		cli_table_cellf(t, "%d", r->attempts);
		cli_table_cell(t, core_status_name(r->state));
	} else {
		d = cfg_department_find(o->conf, r->department);
		cli_table_cellf(t, "%ld", days);
		cli_table_cell(t, util_date_dk(r->moved_in, in));
		cli_table_cell(t, d < 0 ? r->department :
		    o->conf->departments[d].shortname);
		cli_table_cell(t, r->stairwell);
		cli_table_cell(t, r->flat);
		cli_table_cellf(t, "%d", r->attempts);
	}
	cli_table_cell(t, r->names);
	cli_table_end(t);
}

/* Print the overdue households to f (a cli_export printer); the count,
 * or -1. */
static long
od_list(struct db *db, FILE *f, void *ctx)
{
	struct od_ask	*a = ctx;
	struct od_out	 o;
	char		 day[11];
	long		 n;

	o.conf = a->cli->conf;
	o.today = a->q.today;
	cli_table_init(&o.t, f, a->tsv, CLI_COLS(od_text), CLI_COLS(od_tsv));
	cli_table_header(&o.t);
	n = cli_each_household(db, &a->q, od_each, &o);
	if (n >= 0 && !a->tsv)
		fprintf(f, P_("%ld welcome is overdue (more than %d days after "
		    "moving in, on %s).\n", "%ld welcomes are overdue (more "
		    "than %d days after moving in, on %s).\n", n), n,
		    o.conf->welcome_days, util_date_dk(o.today, day));
	cli_table_free(&o.t);
	return n;
}

/* How many rows od_list prints (a cli_export_counted counter). */
static long
od_count(struct db *db, void *ctx)
{
	struct od_ask	*a = ctx;

	return cli_count_households(db, &a->q);
}

int
cli_overdue(const struct cli *cli, int argc, char **argv)
{
	struct od_ask		 a = { .cli = cli, .q.order = ORDER_URGENT,
				    .q.filter = FILTER_OVERDUE,
				    .q.no_why = 1 };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "department", 0, "D", cli_set_department, &a.q.department,
		    0, N_("only this department (its key, name or short "
		    "name)") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "overdue", NULL, 0, 0, opts,
	    N_("Prints the households whose welcome is overdue, the most "
	    "overdue first.  The export is recorded in the audit trail "
	    "before it is printed.") };

	a.q.today = util_today();
	a.q.deadline = cli->conf->welcome_days;
	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	return cli_export_counted(cli, "overdue", a.tsv, od_count, od_list,
	    &a);
}
