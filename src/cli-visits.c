/* cli-visits.c — `velkomst visits`: the visits with their checklists. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

#define PAGE	200

static const char vi_usage[] = N_("usage: velkomst visits [--household ID] "
    "[--format text|tsv]");

/* Print a visit as one tsv line: the items as key=state, joined by "; ". */
static void
vi_tsv(const struct visit *v)
{
	char	d[11], nd[11];
	size_t	i;
	int	referral = 0;

	printf("%ld\t%ld\t%s\t%s\t%s\t%s\t", v->id, v->household,
	    util_date_iso(v->date, d), v->ambassador,
	    core_outcome_name(v->outcome), util_date_iso(v->next_date, nd));
	for (i = 0; i < v->nitems; i++) {
		printf("%s%s=%s", i > 0 ? "; " : "", v->items[i].key,
		    core_item_state_name(v->items[i].state));
		referral |= v->items[i].referral;
	}
	printf("\t%d\n", referral);
}

/* Print a visit as a few lines of text, with its items and notes. */
static void
vi_text(const struct visit *v)
{
	char	d[11], nd[11];
	size_t	i;

	printf("%s  %s %ld  %s  %s", util_date_dk(v->date, d), _("household"),
	    v->household, _(core_outcome_label(v->outcome)), v->ambassador);
	if (v->next_date != DATE_NONE)
		printf(_("  come back %s"), util_date_dk(v->next_date, nd));
	putchar('\n');
	for (i = 0; i < v->nitems; i++) {
		printf("    ");
		cli_cell(_(core_item_state_label(v->items[i].state)), 12);
		printf("%s%s%s%s\n", v->items[i].title, v->items[i].referral ?
		    _(" (to the secretariat)") : "", v->items[i].note != NULL ?
		    ": " : "", v->items[i].note != NULL ? v->items[i].note :
		    "");
	}
	if (v->notes != NULL)
		printf("    %s\n", v->notes);
}

/* Print every visit, page by page; the count, or -1 with the reason. */
static long
vi_list(struct db *db, long household, int tsv)
{
	struct who	 who = *cli_who();
	struct visit	*v, last = { 0 };
	size_t		 n, i;
	long		 total = 0;
	int		 have = 0;

	do {
		if (db_visit_list(db, &who, household, have ? &last : NULL,
		    PAGE, &v, &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			return -1;
		}
		for (i = 0; i < n; i++) {
			if (tsv)
				vi_tsv(&v[i]);
			else
				vi_text(&v[i]);
		}
		total += (long)n;
		if (n > 0) {
			last.id = v[n - 1].id;
			last.date = v[n - 1].date;
			have = 1;
		}
		db_visits_free(v, n);
	} while (n == PAGE);
	return total;
}

/* 1 if household id is in the register. */
static int
vi_exists(struct db *db, long id)
{
	struct who		who = *cli_who();
	struct household	h;
	int			there;

	there = db_household_get(db, &who, id, &h) == DB_OK;
	if (there)
		db_household_clear(&h);
	return there;
}

/* Parse the options; -1 to go on, else the exit code. */
static int
vi_args(int argc, char **argv, long *household, int *tsv)
{
	static const struct option opts[] = {
		{ "household", required_argument, NULL, 'H' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	int	 c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'H':
			errno = 0;
			*household = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || *household < 1) {
				cli_error(_("--household needs the number of "
				    "a household, not \"%s\""), optarg);
				return 2;
			}
			break;
		case 'f':
			if (cli_format(optarg, tsv) != 0)
				return 2;
			break;
		case 'h':
			printf("%s\n", _(vi_usage));
			return 0;
		default:
			cli_error("%s", _(vi_usage));
			return 2;
		}
	}
	if (optind == argc)
		return -1;
	cli_error("%s", _(vi_usage));
	return 2;
}

int
cli_visits(const struct cli *cli, int argc, char **argv)
{
	struct db	*db;
	long		 household = 0, n;
	int		 tsv = 0, rc;

	if ((rc = vi_args(argc, argv, &household, &tsv)) != -1)
		return rc;
	if ((db = cli_open_db(cli, 0)) == NULL)	/* the export's audit row */
		return 1;
	if (household != 0 && !vi_exists(db, household)) {
		cli_error(_("there is no household %ld"), household);
		db_close(db);
		return 1;
	}
	if (tsv)
		printf("id\thousehold\tdate\tambassador\toutcome\tnext_date"
		    "\titems\treferral\n");
	n = vi_list(db, household, tsv);
	if (n >= 0 && !tsv)
		printf(P_("%ld visit\n", "%ld visits\n", n), n);
	if (n >= 0)
		cli_note_export(db, "visits", tsv, n);
	db_close(db);
	return n < 0 ? 1 : 0;
}
