/* cli-households.c — `velkomst households`: the register as text or tsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col hh_text[] = {
	{ N_("ID"), 6, CLI_COL_RIGHT },
	{ N_("Department"), 22, 0 },
	{ N_("Stairwell"), 12, 0 },
	{ N_("Flat"), 8, 0 },
	{ N_("Moved in"), 10, 0 },
	{ N_("Status"), 9, 0 },
	{ N_("Languages"), 16, 0 },
	{ N_("Names"), 0, 0 },
};
static const struct cli_col hh_tsv[] = {
	{ "id", 0, 0 }, { "department", 0, 0 }, { "stairwell", 0, 0 },
	{ "flat", 0, 0 }, { "moved_in", 0, 0 }, { "moved_out", 0, 0 },
	{ "names", 0, 0 }, { "status", 0, 0 }, { "languages", 0, 0 },
};

/* What the export prints. */
struct hh_ask {
	const struct cli		*cli;
	struct household_query		 q;
	int				 tsv;
};

/* What printing a row needs. */
struct hh_out {
	const struct conf	*conf;
	struct cli_table	 t;
	long			 today;
};

/* The department's name from the configuration, or its key. */
static const char *
hh_department(const struct conf *conf, const char *key)
{
	int	i;

	i = cfg_department_find(conf, key);
	return i < 0 ? key : conf->departments[i].name;
}

/* Print one row (a cli_each_household callback). */
static void
hh_each(void *ctx, const struct household_row *r)
{
	struct hh_out		*o = ctx;
	struct cli_table	*t = &o->t;
	char			 in[11], out[11], *names;
	enum household_status	 st;

	st = core_household_status(r->moved_out, r->state, o->today);
	cli_table_cellf(t, "%ld", r->id);
	if (t->tsv) {
		cli_table_cell(t, r->department);
		cli_table_cell(t, r->stairwell);
		cli_table_cell(t, r->flat);
		cli_table_cell(t, util_date_iso(r->moved_in, in));
		cli_table_cell(t, util_date_iso(r->moved_out, out));
		cli_table_cell(t, r->names);
		cli_table_cell(t, core_status_name(st));
		cli_table_cell(t, r->languages);
	} else {
		cli_table_cell(t, hh_department(o->conf, r->department));
		cli_table_cell(t, r->stairwell);
		cli_table_cell(t, r->flat);
		cli_table_cell(t, util_date_dk(r->moved_in, in));
		cli_table_cell(t, C_(core_status_label(st)));
		names = core_lang_names(r->languages, i18n_lang());
		cli_table_cell(t, names);
		free(names);
		cli_table_cell(t, r->names);
	}
	cli_table_end(t);
}

/* Print the households asked for to f (a cli_export printer); the
 * count, or -1. */
static long
hh_list(struct db *db, FILE *f, void *ctx)
{
	struct hh_ask	*a = ctx;
	struct hh_out	 o;
	long		 n;

	o.conf = a->cli->conf;
	o.today = util_today();
	cli_table_init(&o.t, f, a->tsv, CLI_COLS(hh_text), CLI_COLS(hh_tsv));
	cli_table_header(&o.t);
	n = cli_each_household(db, &a->q, hh_each, &o);
	if (n >= 0 && !a->tsv)
		fprintf(f, P_("%ld household\n", "%ld households\n", n), n);
	cli_table_free(&o.t);
	return n;
}

/* How many households a search prints (the audit row's count), from
 * the same snapshot, without printing them; -1 with the reason. */
static long
hh_count(struct db *db, void *ctx)
{
	struct hh_ask	*a = ctx;
	long		 n;

	if (db_household_count(db, cli_who(), &a->q, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return n;
}

int
cli_households(const struct cli *cli, int argc, char **argv)
{
	struct hh_ask		 a = { .cli = cli, .q.order = ORDER_NEWEST };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "search", 0, "TEXT", cli_set_string, &a.q.search, 0,
		    N_("only households with a member whose name has words "
		    "starting with each word of TEXT") },
		{ "department", 0, "D", cli_set_department, &a.q.department,
		    0, N_("only this department (its key, name or short "
		    "name)") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "households", NULL, 0, 0, opts,
	    N_("Prints the register, the newest move-in first.  The export "
	    "is recorded in the audit trail before it is printed.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if (a.q.search != NULL && a.q.search[0] != '\0')
		return cli_export_counted(cli, "households", a.tsv, hh_count,
		    hh_list, &a);
	return cli_export(cli, "households", a.tsv, hh_list, &a);
}
