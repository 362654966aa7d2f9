/* cli-goal.c — `velkomst goal`: recruitment toward the goal, year by year. */
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

static const struct cli_col goal_text_cols[] = {
	{ N_("Year"), 21, 0 },
	{ N_("Recruited"), 9, CLI_COL_RIGHT },
	{ N_("Stopped"), 7, CLI_COL_RIGHT },
	{ N_("Cumulative"), 10, CLI_COL_RIGHT },
	{ N_("Active at year end"), 18, CLI_COL_RIGHT },
};
static const struct cli_col goal_tsv_cols[] = {
	{ "year", 0, 0 }, { "recruited", 0, 0 }, { "stopped", 0, 0 },
	{ "cumulative", 0, 0 }, { "active_at_year_end", 0, 0 },
};

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

/* The years as tsv; a year not begun has no active count. */
static void
goal_tsv(const struct goal_report *g)
{
	const struct goal_year	*y;
	struct cli_table	 t;
	size_t			 i;
	int			 year, m, d;

	cli_table_init(&t, stdout, 1, NULL, 0, CLI_COLS(goal_tsv_cols));
	cli_table_header(&t);
	for (i = 0; i < g->nyears; i++) {
		y = &g->years[i];
		util_date_split(y->from, &year, &m, &d);
		cli_table_cellf(&t, "%d", year);
		cli_table_cellf(&t, "%d", y->recruited);
		cli_table_cellf(&t, "%d", y->stopped);
		cli_table_cellf(&t, "%d", y->cumulative);
		if (y->active_at_end >= 0)
			cli_table_cellf(&t, "%d", y->active_at_end);
		else
			cli_table_cell(&t, "");
		cli_table_end(&t);
	}
	cli_table_free(&t);
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
	printf(P_("%d of %d recruited\n", "%d of %d recruited\n", g->goal),
	    g->recruited, g->goal);
}

/* Active today, and the pace the goal asks for. */
static void
goal_now(const struct goal_report *g, long today)
{
	char	day[16], end[16];

	printf(_("Active today (%s): %d"), goal_date(today, day), g->active);
	if (g->outside > 0)
		printf(P_(", of whom %d recruited outside the period; it "
		    "does not count toward the goal", ", of whom %d "
		    "recruited outside the period; they do not count toward "
		    "the goal", g->outside), g->outside);
	printf(".\n");
	if (today < g->from)
		printf(_("The period begins on %s.\n"), goal_date(g->from, day));
	else if (today > g->to)
		printf(P_("The period ended on %s and %d should have been "
		    "recruited by then", "The period ended on %s and %d "
		    "should have been recruited by then", g->pace),
		    goal_date(g->to, end), g->pace);
	else
		printf(P_("By today %d should have been recruited to meet "
		    "the goal evenly", "By today %d should have been "
		    "recruited to meet the goal evenly", g->pace), g->pace);
	if (today < g->from)
		return;
	if (g->ahead < 0)
		printf(_(": %d behind.\n"), -g->ahead);
	else if (g->ahead > 0)
		printf(_(": %d ahead.\n"), g->ahead);
	else
		printf(_(": on pace.\n"));
}

/* A count of a year, or "—" for a year that has not begun. */
static void
goal_num(struct cli_table *t, int n, int begun)
{
	if (begun)
		cli_table_cellf(t, "%d", n);
	else
		cli_table_cell(t, "—");
}

/* The table of the years. */
static void
goal_years(const struct goal_report *g)
{
	const struct goal_year	*y;
	struct cli_table	 t;
	char			 span[40];
	size_t			 i;
	int			 begun;

	cli_table_init(&t, stdout, 0, CLI_COLS(goal_text_cols), NULL, 0);
	cli_table_header(&t);
	for (i = 0; i < g->nyears; i++) {
		y = &g->years[i];
		begun = y->active_at_end >= 0;
		cli_table_cell(&t, goal_span(y->from, y->to, span));
		goal_num(&t, y->recruited, begun);
		goal_num(&t, y->stopped, begun);
		goal_num(&t, y->cumulative, begun);
		goal_num(&t, y->active_at_end, begun);
		cli_table_end(&t);
	}
	cli_table_free(&t);
}

/* The whole report as text, ending with the one-line summary. */
static void
goal_text(const struct goal_report *g, long today)
{
	char	span[40];

	goal_span(g->from, g->to, span);
	printf(P_("Goal: %d ambassador in %s\n", "Goal: %d ambassadors in "
	    "%s\n", g->goal), g->goal, span);
	goal_bar(g);
	goal_now(g, today);
	putchar('\n');
	goal_years(g);
	putchar('\n');
	printf(P_("%d of %d recruited (%s), ", "%d of %d recruited (%s), ",
	    g->goal), g->recruited, g->goal, span);
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
	int			 tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "goal", NULL, 0, 0, opts,
	    N_("Prints how recruitment goes toward the goal of the "
	    "configuration, with a line for each year of its period.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
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
