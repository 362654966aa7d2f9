/*
 * cli-followups.c — `velkomst followups`: what the secretariat did for
 * the households on its desk, oldest first, as text or tsv.
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

static const struct cli_col fu_text[] = {
	{ N_("Date"), 10, 0 },
	{ N_("Household"), 9, CLI_COL_RIGHT },
	{ N_("Department"), 22, 0 },
	{ N_("Login"), 12, 0 },
	{ N_("What was done"), 34, 0 },
	{ N_("Closes"), 18, 0 },
	{ N_("Note"), 0, 0 },
};
static const struct cli_col fu_tsv[] = {
	{ "household", 0, 0 }, { "date", 0, 0 }, { "login", 0, 0 },
	{ "action", 0, 0 }, { "closes", 0, 0 }, { "department", 0, 0 },
	{ "note", 0, 0 },
};

/* What the export prints. */
struct fu_ask {
	const struct cli	*cli;
	struct followup_query	 q;
	int			 tsv;
};

/* What printing a row needs. */
struct fu_out {
	const struct conf	*conf;
	struct cli_table	 t;
	long			 n;
};

/* Print one follow-up (a db_followup_each callback). */
static void
fu_each(void *ctx, const struct followup *f)
{
	struct fu_out		*o = ctx;
	struct cli_table	*t = &o->t;
	char			 d[11];
	int			 dep;

	o->n++;
	if (t->tsv) {
		cli_table_cellf(t, "%ld", f->household);
		cli_table_cell(t, util_date_iso(f->date, d));
		cli_table_cell(t, f->login);
		cli_table_cell(t, core_followup_action_name(f->action));
		cli_table_cell(t, core_followup_close_name(f->closes));
		cli_table_cell(t, f->department);
		cli_table_cell(t, f->note);
	} else {
		dep = cfg_department_find(o->conf, f->department);
		cli_table_cell(t, util_date_dk(f->date, d));
		cli_table_cellf(t, "%ld", f->household);
		cli_table_cell(t, dep < 0 ? f->department :
		    o->conf->departments[dep].name);
		cli_table_cell(t, f->login);
		cli_table_cell(t, _(core_followup_action_label(f->action)));
		cli_table_cell(t, f->closes != FC_NONE ?
		    _(core_followup_close_label(f->closes)) : "");
		cli_table_cell(t, f->note);
	}
	cli_table_end(t);
}

/* Print the follow-ups asked for to f (a cli_export printer); the count,
 * or -1. */
static long
fu_list(struct db *db, FILE *f, void *ctx)
{
	struct fu_ask	*a = ctx;
	struct fu_out	 o = { .conf = a->cli->conf };

	cli_table_init(&o.t, f, a->tsv, CLI_COLS(fu_text), CLI_COLS(fu_tsv));
	cli_table_header(&o.t);
	if (db_followup_each(db, cli_who(), &a->q, fu_each, &o) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		cli_table_free(&o.t);
		return -1;
	}
	if (!a->tsv)
		fprintf(f, P_("%ld follow-up\n", "%ld follow-ups\n", o.n), o.n);
	cli_table_free(&o.t);
	return o.n;
}

int
cli_followups(const struct cli *cli, int argc, char **argv)
{
	struct fu_ask		 a = { .cli = cli, .q.since = DATE_NONE };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "since", 0, "DATE", cli_set_date, &a.q.since, 0,
		    N_("only follow-ups on or after DATE") },
		{ "department", 0, "D", cli_set_department, &a.q.department,
		    0, N_("only this department (its key, name or short "
		    "name)") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "followups", NULL, 0, 0, opts,
	    N_("Prints what the secretariat did for the households on its "
	    "list, the oldest first: the day, the household, who, what was "
	    "done, whether it closed the case, and the note.  In tsv the "
	    "action is letter, phone, visit, estate_office or other, and "
	    "closes is reached, unreachable, moved_out or empty.  The export "
	    "is recorded in the audit trail before it is printed.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	return cli_export(cli, "followups", a.tsv, fu_list, &a);
}
