/* cli-goal.c — `velkomst goal`: recruitment toward the goal, year by year. */
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

#define GOAL_BAR	30	/* columns of the progress bar */

static const char goal_usage[] = N_("usage: velkomst goal "
    "[--format text|tsv]");

/* A date as people write it in Danish: "1.3.2017" (no leading zeros). */
static char *
goal_date(long day, char *buf)
{
	int	y, m, d;

	util_date_split(day, &y, &m, &d);
	snprintf(buf, 16, "%d.%d.%d", d, m, y);
	return buf;
}

/* "1.3.2017–28.2.2021" into buf (at least 40 bytes). */
static char *
goal_span(long from, long to, char *buf)
{
	char	a[16], b[16];

	snprintf(buf, 40, "%s–%s", goal_date(from, a), goal_date(to, b));
	return buf;
}

/* Parse the options; -1 to go on, else the exit code. */
static int
goal_args(int argc, char **argv, int *tsv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	*tsv = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_format(optarg, tsv) != 0)
				return 2;
			break;
		case 'h':
			printf("%s\n", _(goal_usage));
			return 0;
		default:
			cli_error("%s", _(goal_usage));
			return 2;
		}
	}
	if (optind == argc)
		return -1;
	cli_error("%s", _(goal_usage));
	return 2;
}

/* The years as tsv; a year not begun has no active count. */
static void
goal_tsv(const struct goal_report *g)
{
	const struct goal_year	*y;
	size_t			 i;
	int			 year, m, d;

	printf("year\trecruited\tstopped\tcumulative\tactive_at_year_end\n");
	for (i = 0; i < g->nyears; i++) {
		y = &g->years[i];
		util_date_split(y->from, &year, &m, &d);
		printf("%d\t%d\t%d\t%d\t", year, y->recruited, y->stopped,
		    y->cumulative);
		if (y->active_at_end >= 0)
			printf("%d", y->active_at_end);
		putchar('\n');
	}
}

/* "[#######.........] 7 of 15 recruited" */
static void
goal_bar(const struct goal_report *g)
{
	int	i, fill;

	fill = g->goal > 0 ? (int)((long)g->recruited * GOAL_BAR / g->goal) :
	    GOAL_BAR;
	if (fill > GOAL_BAR)
		fill = GOAL_BAR;
	putchar('[');
	for (i = 0; i < GOAL_BAR; i++)
		putchar(i < fill ? '#' : '.');
	printf("] ");
	printf(_("%d of %d recruited\n"), g->recruited, g->goal);
}

/* Active today, and the pace the goal asks for. */
static void
goal_now(const struct goal_report *g, long today)
{
	char	day[16], end[16];

	printf(_("Active today (%s): %d"), goal_date(today, day), g->active);
	if (g->outside > 0)
		printf(_(", of whom %d recruited outside the period; they do "
		    "not count toward the goal"), g->outside);
	printf(".\n");
	if (today < g->from)
		printf(_("The period begins on %s.\n"), goal_date(g->from, day));
	else if (today > g->to)
		printf(_("The period ended on %s and %d should have been "
		    "recruited by then"), goal_date(g->to, end), g->pace);
	else
		printf(_("By today %d should have been recruited to meet the "
		    "goal evenly"), g->pace);
	if (today < g->from)
		return;
	if (g->ahead < 0)
		printf(_(": %d behind.\n"), -g->ahead);
	else if (g->ahead > 0)
		printf(_(": %d ahead.\n"), g->ahead);
	else
		printf(_(": on pace.\n"));
}

/* Print a count right-aligned in cols columns, or "—" for a year that
 * has not begun, then sep. */
static void
goal_num(int n, int begun, int cols, const char *sep)
{
	char	buf[16];

	if (begun)
		snprintf(buf, sizeof buf, "%d", n);
	else
		snprintf(buf, sizeof buf, "—");
	printf("%*s%s%s", cols - util_text_width(buf), "", buf, sep);
}

/* The table of the years. */
static void
goal_years(const struct goal_report *g)
{
	const struct goal_year	*y;
	char			 span[40];
	size_t			 i;
	int			 begun;

	cli_cell(_("Year"), 21);
	printf("%9s  %7s  %10s  %s\n", _("Recruited"), _("Stopped"),
	    _("Cumulative"), _("Active at year end"));
	for (i = 0; i < g->nyears; i++) {
		y = &g->years[i];
		begun = y->active_at_end >= 0;
		cli_cell(goal_span(y->from, y->to, span), 21);
		goal_num(y->recruited, begun, 9, "  ");
		goal_num(y->stopped, begun, 7, "  ");
		goal_num(y->cumulative, begun, 10, "  ");
		goal_num(y->active_at_end, begun, 18, "\n");
	}
}

/* The whole report as text, ending with the one-line summary. */
static void
goal_text(const struct goal_report *g, long today)
{
	char	span[40];

	goal_span(g->from, g->to, span);
	printf(_("Goal: %d ambassadors in %s\n"), g->goal, span);
	goal_bar(g);
	goal_now(g, today);
	putchar('\n');
	goal_years(g);
	putchar('\n');
	printf(_("%d of %d recruited (%s), "), g->recruited, g->goal, span);
	if (g->ahead < 0)
		printf(_("%d behind pace\n"), -g->ahead);
	else if (g->ahead > 0)
		printf(_("%d ahead of pace\n"), g->ahead);
	else
		printf(_("on pace\n"));
}

int
cli_goal(const struct cli *cli, int argc, char **argv)
{
	struct who		 who = *cli_who();
	struct goal_report	 g;
	struct amb_fact		*facts = NULL;
	struct amb_change	*changes = NULL;
	struct db		*db;
	size_t			 n = 0;
	long			 today = util_today();
	int			 tsv, rc;

	if ((rc = goal_args(argc, argv, &tsv)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	if (db_ambassador_facts(db, &who, &facts, &n, &changes) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	core_goal(facts, n, cli->conf->goal_ambassadors, cli->conf->goal_from,
	    cli->conf->goal_to, today, &g);
	if (tsv)
		goal_tsv(&g);
	else
		goal_text(&g, today);
	free(facts);
	free(changes);
	db_close(db);
	return 0;
}
