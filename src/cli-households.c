/* cli-households.c — `velkomst households`: the register as text or tsv. */
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


enum format { FORMAT_TEXT, FORMAT_TSV };

static const char hh_usage[] = N_("usage: velkomst households "
    "[--search TEXT] [--department D] [--format text|tsv]");

/* The department's name from the configuration, or its key. */
static const char *
hh_department(const struct conf *conf, const char *key)
{
	int	i;

	i = cfg_department_find(conf, key);
	return i < 0 ? key : conf->departments[i].name;
}

/* Print one row in the chosen format. */
static void
hh_print(const struct conf *conf, const struct household_row *r,
    enum format fmt, long today)
{
	char			 in[11], out[11];
	enum household_status	 st;

	st = core_household_status(r->moved_out, r->state, today);
	if (fmt == FORMAT_TSV) {
		printf("%ld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->id,
		    r->department, r->stairwell, r->flat,
		    util_date_iso(r->moved_in, in),
		    util_date_iso(r->moved_out, out), r->names,
		    core_status_name(st));
		return;
	}
	printf("%6ld  ", r->id);
	cli_cell(hh_department(conf, r->department), 22);
	cli_cell(r->stairwell, 12);
	cli_cell(r->flat, 8);
	cli_cell(util_date_dk(r->moved_in, in), 10);
	cli_cell(_(core_status_label(st)), 9);
	printf("%s\n", r->names);
}

/* Print the header line of the chosen format. */
static void
hh_header(enum format fmt)
{
	if (fmt == FORMAT_TSV) {
		printf("id\tdepartment\tstairwell\tflat\tmoved_in\tmoved_out"
		    "\tnames\tstatus\n");
		return;
	}
	printf("%6s  ", _("ID"));
	cli_cell(_("Department"), 22);
	cli_cell(_("Stairwell"), 12);
	cli_cell(_("Flat"), 8);
	cli_cell(_("Moved in"), 10);
	cli_cell(_("Status"), 9);
	printf("%s\n", _("Names"));
}

/* What printing a row needs. */
struct hh_out {
	const struct conf	*conf;
	enum format		 fmt;
	long			 today;
};

/* Print one row (a cli_each_household callback). */
static void
hh_each(void *ctx, const struct household_row *r)
{
	struct hh_out	*o = ctx;

	hh_print(o->conf, r, o->fmt, o->today);
}

int
cli_households(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "search", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "department", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct household_query	 q = { .order = ORDER_NEWEST };
	struct hh_out		 out;
	enum format		 fmt = FORMAT_TEXT;
	struct db		*db;
	long			 n;
	int			 c, d;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			q.search = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				fmt = FORMAT_TSV;
			else if (strcmp(optarg, "text") != 0) {
				cli_error(_("--format is text or tsv, not "
				    "\"%s\""), optarg);
				return 2;
			}
			break;
		case 'd':
			d = cfg_department_find(cli->conf, optarg);
			if (d < 0) {
				cli_error(_("there is no department \"%s\" in "
				    "the configuration"), optarg);
				return 2;
			}
			q.department = cli->conf->departments[d].key;
			break;
		case 'h':
			printf("%s\n", _(hh_usage));
			return 0;
		default:
			cli_error("%s", _(hh_usage));
			return 2;
		}
	}
	if (optind != argc) {
		cli_error("%s", _(hh_usage));
		return 2;
	}
	db = cli_open_db(cli, 0);	/* writes the export's audit row */
	if (db == NULL)
		return 1;
	hh_header(fmt);
	out.conf = cli->conf;
	out.fmt = fmt;
	out.today = util_today();
	n = cli_each_household(db, &q, hh_each, &out);
	if (n >= 0 && fmt == FORMAT_TEXT)
		printf(P_("%ld household\n", "%ld households\n", n), n);
	if (n >= 0)
		cli_note_export(db, "households", fmt == FORMAT_TSV, n);
	db_close(db);
	return n < 0 ? 1 : 0;
}
