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

/* The language names of this many sets of codes are kept while the
 * rows are printed: a register has few different sets, and naming one
 * looks through every language there is. */
#define HH_LANG_MEMO	64

/* What printing a row needs. */
struct hh_out {
	const struct conf	*conf;
	struct cli_table	 t;
	long			 today;
	const char		*status[HS_MOVED_OUT + 1];	/* labels,
							   translated once */
	char			*codes[HH_LANG_MEMO];	/* "ar,so" */
	char			*names[HH_LANG_MEMO];	/* their names */
	size_t			 nmemo;
};

/* The names of the languages of codes (core_lang_names), kept in o:
 * the caller must not free them. */
static const char *
hh_lang_names(struct hh_out *o, const char *codes)
{
	size_t	i;

	if (codes == NULL)
		codes = "";
	for (i = 0; i < o->nmemo; i++)
		if (strcmp(o->codes[i], codes) == 0)
			return o->names[i];
	if (o->nmemo == HH_LANG_MEMO) {		/* full: start again */
		for (i = 0; i < o->nmemo; i++) {
			free(o->codes[i]);
			free(o->names[i]);
		}
		o->nmemo = 0;
	}
	o->codes[o->nmemo] = xstrdup(codes);
	o->names[o->nmemo] = core_lang_names(codes, i18n_lang());
	return o->names[o->nmemo++];
}

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
	char			 in[11], out[11];
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
		cli_table_cell(t, (size_t)st < sizeof o->status /
		    sizeof o->status[0] ? o->status[st] :
		    C_(core_status_label(st)));
		cli_table_cell(t, hh_lang_names(o, r->languages));
		/* Only an erased household has no members (db-erase.c). */
		cli_table_cell(t, r->names != NULL && r->names[0] != '\0' ?
		    r->names : _("(erased)"));
	}
	cli_table_end(t);
}

/* Print the households asked for to f (a cli_export printer); the
 * count, or -1. */
static long
hh_list(struct db *db, FILE *f, void *ctx)
{
	struct hh_ask	*a = ctx;
	struct hh_out	 o = { 0 };
	size_t		 i;
	long		 n;

	o.conf = a->cli->conf;
	o.today = util_today();
	for (i = 0; i < sizeof o.status / sizeof o.status[0]; i++)
		o.status[i] = C_(core_status_label((enum household_status)i));
	cli_table_init(&o.t, f, a->tsv, CLI_COLS(hh_text), CLI_COLS(hh_tsv));
	cli_table_header(&o.t);
	n = cli_each_household(db, &a->q, hh_each, &o);
	if (n >= 0 && !a->tsv)
		fprintf(f, P_("%ld household\n", "%ld households\n", n), n);
	cli_table_free(&o.t);
	for (i = 0; i < o.nmemo; i++) {
		free(o.codes[i]);
		free(o.names[i]);
	}
	return n;
}

/* How many rows hh_list prints (a cli_export_counted counter). */
static long
hh_count(struct db *db, void *ctx)
{
	struct hh_ask	*a = ctx;

	return cli_count_households(db, &a->q);
}

int
cli_households(const struct cli *cli, int argc, char **argv)
{
	struct hh_ask		 a = { .cli = cli, .q.order = ORDER_NEWEST,
				    .q.no_why = 1 };
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
	return cli_export_counted(cli, "households", a.tsv, hh_count, hh_list,
	    &a);
}
