/* cli-ambassadors.c — `velkomst ambassadors`: the stairwell ambassadors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col amb_text[] = {
	{ N_("ID"), 4, CLI_COL_RIGHT },
	{ N_("Name"), 24, 0 },
	{ N_("Department"), 10, 0 },
	{ N_("Stairwells"), 28, 0 },
	{ N_("Recruited"), 10, 0 },
	{ N_("Status"), 8, 0 },
	{ N_("Languages"), 0, 0 },
};
static const struct cli_col amb_tsv[] = {
	{ "id", 0, 0 }, { "name", 0, 0 }, { "department", 0, 0 },
	{ "stairwells", 0, 0 }, { "languages", 0, 0 },
	{ "recruited_on", 0, 0 }, { "status", 0, 0 },
};

/* What the export prints. */
struct amb_ask {
	const struct conf	*conf;
	struct ambassador_query	 q;
	int			 tsv;
};

/* --status active|paused|stopped into *(int *)to. */
static int
amb_set_status(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	enum amb_status	 st;

	(void)cli;
	if (core_amb_status_parse(arg, &st) != 0) {
		cli_error(_("--status is active, paused or stopped, not "
		    "\"%s\""), arg);
		return -1;
	}
	*(int *)opt->to = (int)st;
	return 0;
}

/* --language: a code, or a name of the language in Danish, English or
 * its own language ("ar", "arabisk", "Arabic"), into *(const char **)to
 * as its code. */
static int
amb_set_language(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	const char	*code = core_lang_map(arg);

	(void)cli;
	if (code == NULL) {
		cli_error(_("--language: \"%s\" is not a language velkomst "
		    "knows; give its code (such as ar) or its name"), arg);
		return -1;
	}
	*(const char **)opt->to = code;
	return 0;
}

/* Print one ambassador as a row of the table. */
static void
amb_print(const struct conf *conf, const struct ambassador_row *r,
    struct cli_table *t)
{
	char	day[11], *names;
	int	d;

	cli_table_cellf(t, "%ld", r->id);
	cli_table_cell(t, r->name);
	if (t->tsv) {
		cli_table_cell(t, r->department);
		cli_table_cell(t, r->stairwells);
		cli_table_cell(t, r->languages);
		cli_table_cell(t, util_date_iso(r->recruited_on, day));
		cli_table_cell(t, core_amb_status_name(r->status));
	} else {
		d = cfg_department_find(conf, r->department);
		cli_table_cell(t, d < 0 ? r->department :
		    conf->departments[d].shortname);
		cli_table_cell(t, *r->stairwells == '\0' ? _("all") :
		    r->stairwells);
		cli_table_cell(t, util_date_dk(r->recruited_on, day));
		cli_table_cell(t, _(core_amb_status_label(r->status)));
		names = core_lang_names(r->languages, i18n_lang());
		cli_table_cell(t, names);
		free(names);
	}
	cli_table_end(t);
}

/* Where amb_one prints, and how many. */
struct amb_out {
	const struct conf	*conf;
	struct cli_table	*t;
	long			 n;
};

/* Print one ambassador (a db_ambassador_each callback). */
static int
amb_one(void *ctx, const struct ambassador_row *r)
{
	struct amb_out	*o = ctx;

	amb_print(o->conf, r, o->t);
	o->n++;
	return 0;
}

/* Print every ambassador of q; the count, or -1 with the reason
 * printed. */
static long
amb_each(struct db *db, const struct conf *conf,
    const struct ambassador_query *q, struct cli_table *t)
{
	struct who	 who = *cli_who();
	struct amb_out	 o = { conf, t, 0 };

	if (db_ambassador_each(db, &who, q, amb_one, &o) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return o.n;
}

/* Print the ambassadors asked for to f (a cli_export printer); the
 * count, or -1. */
static long
amb_list(struct db *db, FILE *f, void *ctx)
{
	struct amb_ask		*a = ctx;
	struct cli_table	 t;
	long			 n;

	cli_table_init(&t, f, a->tsv, CLI_COLS(amb_text), CLI_COLS(amb_tsv));
	cli_table_header(&t);
	n = amb_each(db, a->conf, &a->q, &t);
	if (n >= 0 && !a->tsv)
		fprintf(f, P_("%ld ambassador\n", "%ld ambassadors\n", n), n);
	cli_table_free(&t);
	return n;
}

int
cli_ambassadors(const struct cli *cli, int argc, char **argv)
{
	struct amb_ask		 a = { .conf = cli->conf, .q.status = -1 };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "department", 0, "D", cli_set_department, &a.q.department,
		    0, N_("only this department (its key, name or short "
		    "name)") },
		{ "status", 0, "active|paused|stopped", amb_set_status,
		    &a.q.status, 0, N_("only the ambassadors with this "
		    "status today") },
		{ "search", 0, "TEXT", cli_set_string, &a.q.search, 0,
		    N_("only the ambassadors whose name has words starting "
		    "with each word of TEXT") },
		{ "language", 0, "L", amb_set_language, &a.q.language, 0,
		    N_("only the ambassadors who speak the language L (its "
		    "code, or its name in Danish, English or itself)") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "ambassadors", NULL, 0, 0, opts,
	    N_("Prints the stairwell ambassadors by name, without phone "
	    "numbers or e-mails.  The export is recorded in the audit trail "
	    "before it is printed.") };

	a.q.today = util_today();
	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	return cli_export(cli, "ambassadors", a.tsv, amb_list, &a);
}
