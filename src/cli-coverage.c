/*
 * cli-coverage.c — `velkomst coverage`: which stairwells have an active
 * ambassador, and how many households await a welcome where none does.
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

static const struct cli_col cov_tsv_cols[] = {
	{ "department", 0, 0 }, { "stairwell", 0, 0 },
	{ "ambassadors", 0, 0 }, { "awaiting", 0, 0 },
};
/* A stairwell in text: "!" when it has no ambassador, its name, how many
 * ambassadors, how many households await a welcome. */
static const struct cli_col cov_text_cols[] = {
	{ "", 3, CLI_COL_RIGHT }, { "", 16, 0 }, { "", 15, 0 }, { "", 0, 0 },
};

/* What the coverage of the configured stairwells adds up to. */
struct cov {
	const struct conf	*conf;
	int			*stairwell;	/* per conf stairwell */
	int			*whole;		/* per department: active
						   ambassadors of all of it */
	long			*awaiting;	/* per conf stairwell */
};

/* Count one (department, stairwell) that active ambassadors cover (a
 * db_coverage callback); what the configuration lacks is left out. */
static void
cov_add(void *ctx, const char *department, const char *stairwell,
    int active)
{
	struct cov	*c = ctx;
	int		 d, s;

	if ((d = cfg_department_find(c->conf, department)) < 0)
		return;
	if (*stairwell == '\0') {
		c->whole[d] += active;
		return;
	}
	if ((s = cfg_stairwell_find(c->conf, d, stairwell)) >= 0)
		c->stairwell[s] += active;
}

/* Add a count of households awaiting a welcome to each configured
 * stairwell it is of (a db_household_count_by callback). */
static void
cov_add_awaiting(void *ctx, const char *department, const char *stairwell,
    long n)
{
	struct cov			*c = ctx;
	const struct cfg_stairwell	*s;
	size_t				 i;

	for (i = 0; i < c->conf->nstairwells; i++) {
		s = &c->conf->stairwells[i];
		if (strcmp(c->conf->departments[s->department].key,
		    department) == 0 && strcmp(s->name, stairwell) == 0)
			c->awaiting[i] += n;
	}
}

/* How many households await a welcome on each stairwell (one count
 * per stairwell, in one query); 0 or -1. */
static int
cov_awaiting(struct db *db, struct cov *c, long today)
{
	struct who		 who = *cli_who();
	struct household_query	 q = { .filter = FILTER_OPEN };

	q.today = today;
	if (db_household_count_by(db, &who, &q, 1, cov_add_awaiting, c) !=
	    DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return 0;
}

/* The ambassadors covering stairwell i. */
static int
cov_count(const struct cov *c, size_t i)
{
	return c->stairwell[i] + c->whole[c->conf->stairwells[i].department];
}

/* One tsv line per configured stairwell. */
static void
cov_tsv(const struct cov *c)
{
	const struct cfg_stairwell	*s;
	struct cli_table		 t;
	size_t				 i;

	cli_table_init(&t, stdout, 1, NULL, 0, CLI_COLS(cov_tsv_cols));
	cli_table_header(&t);
	for (i = 0; i < c->conf->nstairwells; i++) {
		s = &c->conf->stairwells[i];
		cli_table_cell(&t, c->conf->departments[s->department].key);
		cli_table_cell(&t, s->name);
		cli_table_cellf(&t, "%d", cov_count(c, i));
		cli_table_cellf(&t, "%ld", c->awaiting[i]);
		cli_table_end(&t);
	}
	cli_table_free(&t);
}

/* One stairwell as a line of text; "!" marks one without an ambassador. */
static void
cov_line(const struct cov *c, size_t i, struct cli_table *t)
{
	int	n = cov_count(c, i);

	cli_table_cell(t, n == 0 ? "!" : "");
	cli_table_cell(t, c->conf->stairwells[i].name);
	if (n == 0)
		cli_table_cell(t, _("no ambassador"));
	else
		cli_table_cellf(t, P_("%d ambassador", "%d ambassadors", n), n);
	cli_table_cellf(t, P_("%ld awaiting a welcome", "%ld awaiting a "
	    "welcome", c->awaiting[i]), c->awaiting[i]);
	cli_table_end(t);
}

/* The stairwells grouped per department, then where to recruit next. */
static void
cov_text(const struct cov *c)
{
	const struct conf	*conf = c->conf;
	struct cli_table	 t;
	size_t			 d, i, bare = 0;
	long			 waiting = 0;

	cli_table_init(&t, stdout, 0, CLI_COLS(cov_text_cols), NULL, 0);
	for (d = 0; d < conf->ndepartments; d++) {
		cli_put_text(stdout, conf->departments[d].name);
		if (c->whole[d] > 0)
			printf(P_(" (%d covering the whole department)",
			    " (%d covering the whole department)",
			    c->whole[d]), c->whole[d]);
		putchar('\n');
		for (i = 0; i < conf->nstairwells; i++) {
			if ((size_t)conf->stairwells[i].department != d)
				continue;
			cov_line(c, i, &t);
			if (cov_count(c, i) == 0) {
				bare++;
				waiting += c->awaiting[i];
			}
		}
	}
	cli_table_free(&t);
	putchar('\n');
	/* TRANSLATORS: the first half of "3 of 52 stairwells have no
	 * ambassador; 12 households await a welcome there (...)". */
	printf(P_("%zu of %zu stairwells has no ambassador; ",
	    "%zu of %zu stairwells have no ambassador; ", bare), bare,
	    conf->nstairwells);
	printf(P_("%ld household awaits a welcome there (where to recruit "
	    "next).\n", "%ld households await a welcome there (where to "
	    "recruit next).\n", waiting), waiting);
}

int
cli_coverage(const struct cli *cli, int argc, char **argv)
{
	struct who		 who = *cli_who();
	struct cov		 c = { .conf = cli->conf };
	struct db		*db;
	long			 today = util_today();
	int			 tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "coverage", NULL, 0, 0, opts,
	    N_("Prints each stairwell of the configuration with its active "
	    "ambassadors and the households that await a welcome there.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	c.stairwell = xcalloc(cli->conf->nstairwells + 1, sizeof *c.stairwell);
	c.awaiting = xcalloc(cli->conf->nstairwells + 1, sizeof *c.awaiting);
	c.whole = xcalloc(cli->conf->ndepartments + 1, sizeof *c.whole);
	rc = 1;
	if (db_coverage(db, &who, today, cov_add, &c) != DB_OK)
		cli_error("%s", _(db_errmsg(db)));
	else if (cov_awaiting(db, &c, today) == 0) {
		if (tsv)
			cov_tsv(&c);
		else
			cov_text(&c);
		rc = 0;
	}
	free(c.stairwell);
	free(c.awaiting);
	free(c.whole);
	db_close(db);
	return rc;
}
