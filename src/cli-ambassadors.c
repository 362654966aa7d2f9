/* cli-ambassadors.c — `velkomst ambassadors`: the stairwell ambassadors. */
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

static const char amb_usage[] = N_("usage: velkomst ambassadors "
    "[--department D] [--status active|paused|stopped] [--search TEXT] "
    "[--format text|tsv]");

/* Parse the options into q; -1 to go on, else the exit code. */
static int
amb_args(const struct cli *cli, int argc, char **argv,
    struct ambassador_query *q, int *tsv)
{
	static const struct option opts[] = {
		{ "department", required_argument, NULL, 'd' },
		{ "status", required_argument, NULL, 's' },
		{ "search", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum amb_status	 st;
	int		 c, d;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if ((d = cfg_department_find(cli->conf, optarg)) < 0) {
				cli_error(_("there is no department \"%s\" in "
				    "the configuration"), optarg);
				return 2;
			}
			q->department = cli->conf->departments[d].key;
			break;
		case 's':
			if (core_amb_status_parse(optarg, &st) != 0) {
				cli_error(_("--status is active, paused or "
				    "stopped, not \"%s\""), optarg);
				return 2;
			}
			q->status = (int)st;
			break;
		case 'S':
			q->search = optarg;
			break;
		case 'f':
			if (cli_format(optarg, tsv) != 0)
				return 2;
			break;
		case 'h':
			printf("%s\n", _(amb_usage));
			return 0;
		default:
			cli_error("%s", _(amb_usage));
			return 2;
		}
	}
	if (optind == argc)
		return -1;
	cli_error("%s", _(amb_usage));
	return 2;
}

/* Print one ambassador as a tsv line or a line of text. */
static void
amb_print(const struct conf *conf, const struct ambassador_row *r, int tsv)
{
	char	day[11];
	int	d;

	if (tsv) {
		printf("%ld\t%s\t%s\t%s\t%s\t%s\t%s\n", r->id, r->name,
		    r->department, r->stairwells,
		    r->languages != NULL ? r->languages : "",
		    util_date_iso(r->recruited_on, day),
		    core_amb_status_name(r->status));
		return;
	}
	d = cfg_department_find(conf, r->department);
	printf("%4ld  ", r->id);
	cli_cell(r->name, 24);
	cli_cell(d < 0 ? r->department : conf->departments[d].shortname, 10);
	cli_cell(*r->stairwells == '\0' ? _("all") : r->stairwells, 28);
	printf("%-10s  ", util_date_dk(r->recruited_on, day));
	cli_cell(_(core_amb_status_label(r->status)), 8);
	printf("%s\n", r->languages != NULL ? r->languages : "");
}

/* Print every ambassador of q, a page at a time; the count, or -1 with
 * the reason printed. */
static long
amb_each(struct db *db, const struct conf *conf,
    const struct ambassador_query *q, int tsv)
{
	struct who		 who = *cli_who();
	struct ambassador_row	*rows, last = { 0 };	/* the cursor */
	size_t			 n, i;
	long			 total = 0;
	int			 have = 0;

	do {
		if (db_ambassador_list(db, &who, q, have ? &last : NULL,
		    CLI_PAGE, &rows, &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			db_ambassador_row_clear(&last);
			return -1;
		}
		for (i = 0; i < n; i++)
			amb_print(conf, &rows[i], tsv);
		total += (long)n;
		if (n > 0) {
			db_ambassador_row_clear(&last);
			last.id = rows[n - 1].id;
			last.name = xstrdup(rows[n - 1].name);
			last.sort_key = xstrdup(rows[n - 1].sort_key);
			last.recruited_on = rows[n - 1].recruited_on;
			have = 1;
		}
		db_ambassador_rows_free(rows, n);
	} while (n == CLI_PAGE);
	db_ambassador_row_clear(&last);
	return total;
}

/* The column titles of the text list. */
static void
amb_header(void)
{
	printf("%4s  ", _("ID"));
	cli_cell(_("Name"), 24);
	cli_cell(_("Department"), 10);
	cli_cell(_("Stairwells"), 28);
	cli_cell(_("Recruited"), 10);
	cli_cell(_("Status"), 8);
	printf("%s\n", _("Languages"));
}

int
cli_ambassadors(const struct cli *cli, int argc, char **argv)
{
	struct ambassador_query	 q = { .status = -1 };
	struct db		*db;
	long			 n;
	int			 tsv = 0, rc;

	q.today = util_today();
	if ((rc = amb_args(cli, argc, argv, &q, &tsv)) != -1)
		return rc;
	if ((db = cli_open_db(cli, 0)) == NULL)	/* the export's audit row */
		return 1;
	if (tsv)
		printf("id\tname\tdepartment\tstairwells\tlanguages"
		    "\trecruited_on\tstatus\n");
	else
		amb_header();
	n = amb_each(db, cli->conf, &q, tsv);
	if (n >= 0 && !tsv)
		printf(P_("%ld ambassador\n", "%ld ambassadors\n", n), n);
	if (n >= 0)
		cli_note_export(db, "ambassadors", tsv, n);
	db_close(db);
	return n < 0 ? 1 : 0;
}
