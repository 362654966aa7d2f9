/*
 * cli-desk.c — `velkomst desk`: the secretariat's desk at a glance, per
 * department and in total: households awaiting a welcome, overdue, with
 * the secretariat, and stairwells without an active ambassador where
 * newcomers wait (db_desk).  Counts only, no personal data.
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

static const struct cli_col desk_text[] = {
	{ N_("Department"), 12, 0 },
	{ N_("Awaiting"), 8, CLI_COL_RIGHT },
	{ N_("Overdue"), 8, CLI_COL_RIGHT },
	{ N_("Secretariat"), 11, CLI_COL_RIGHT },
	{ N_("No ambassador"), 13, CLI_COL_RIGHT },
};
static const struct cli_col desk_tsv[] = {
	{ "department", 0, 0 }, { "awaiting", 0, 0 }, { "overdue", 0, 0 },
	{ "secretariat", 0, 0 }, { "stairwells_without", 0, 0 },
};

/* One line: a department's figures (or the total). */
static void
desk_line(struct cli_table *t, const char *name, const struct desk_row *r)
{
	cli_table_cell(t, name);
	cli_table_cellf(t, "%ld", r->awaiting);
	cli_table_cellf(t, "%ld", r->overdue);
	cli_table_cellf(t, "%ld", r->secretariat);
	cli_table_cellf(t, "%ld", r->stairwells_without);
	cli_table_end(t);
}

/* The table: tsv with the departments' keys and "total"; text with
 * their short names, "Total" and what the last column means. */
static void
desk_print(const struct conf *conf, const struct desk *d, int tsv)
{
	struct cli_table	 t;
	size_t			 i;

	cli_table_init(&t, stdout, tsv, CLI_COLS(desk_text),
	    CLI_COLS(desk_tsv));
	cli_table_header(&t);
	for (i = 0; i < d->nrows; i++)
		desk_line(&t, tsv ? conf->departments[i].key :
		    conf->departments[i].shortname, &d->rows[i]);
	desk_line(&t, tsv ? "total" : _("Total"), &d->total);
	cli_table_free(&t);
	if (!tsv)
		printf(_("No ambassador: stairwells without an active "
		    "ambassador where newcomers await a welcome.\n"));
}

int
cli_desk(const struct cli *cli, int argc, char **argv)
{
	const struct conf	*conf = cli->conf;
	struct desk_query	 q;
	struct desk		 d;
	struct db		*db;
	const char		**depts, **stairs;
	int			*sdept, tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "desk", NULL, 0, 0, opts,
	    N_("Prints, per department and in total, the households awaiting "
	    "a welcome within the deadline, the overdue welcomes, the "
	    "households that need the secretariat, and the stairwells "
	    "without an active ambassador where newcomers wait.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	cfg_places(conf, &depts, &stairs, &sdept);
	q = (struct desk_query){ depts, conf->ndepartments, stairs, sdept,
	    conf->nstairwells, util_today(), conf->welcome_days,
	    conf->stale_days };
	if (db_desk(db, cli_who(), &q, &d) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		rc = 1;
	} else {
		desk_print(conf, &d, tsv);
		db_desk_clear(&d);
		rc = 0;
	}
	free(depts);
	free(stairs);
	free(sdept);
	db_close(db);
	return rc;
}
