/*
 * cli-coverage.c — `velkomst coverage`: which stairwells have an active
 * ambassador, and how many households await a welcome where none does.
 */
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

static const char cov_usage[] = N_("usage: velkomst coverage "
    "[--format text|tsv]");

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

/* How many households await a welcome on each stairwell; 0 or -1. */
static int
cov_awaiting(struct db *db, struct cov *c, long today)
{
	struct who		 who = *cli_who();
	struct household_query	 q = { .filter = FILTER_OPEN };
	const struct cfg_stairwell *s;
	size_t			 i;

	q.today = today;
	for (i = 0; i < c->conf->nstairwells; i++) {
		s = &c->conf->stairwells[i];
		q.department = c->conf->departments[s->department].key;
		q.stairwell = s->name;
		if (db_household_count(db, &who, &q, &c->awaiting[i]) !=
		    DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			return -1;
		}
	}
	return 0;
}

/* Parse the options; -1 to go on, else the exit code. */
static int
cov_args(int argc, char **argv, int *tsv)
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
			printf("%s\n", _(cov_usage));
			return 0;
		default:
			cli_error("%s", _(cov_usage));
			return 2;
		}
	}
	if (optind == argc)
		return -1;
	cli_error("%s", _(cov_usage));
	return 2;
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
	size_t				 i;

	printf("department\tstairwell\tambassadors\tawaiting\n");
	for (i = 0; i < c->conf->nstairwells; i++) {
		s = &c->conf->stairwells[i];
		printf("%s\t%s\t%d\t%ld\n",
		    c->conf->departments[s->department].key, s->name,
		    cov_count(c, i), c->awaiting[i]);
	}
}

/* One stairwell as a line of text; "!" marks one without an ambassador. */
static void
cov_line(const struct cov *c, size_t i)
{
	char	buf[64];
	int	n = cov_count(c, i);

	printf("  %s ", n == 0 ? "!" : " ");
	cli_cell(c->conf->stairwells[i].name, 16);
	if (n == 0)
		snprintf(buf, sizeof buf, "%s", _("no ambassador"));
	else if (n == 1)
		snprintf(buf, sizeof buf, "%s", _("1 ambassador"));
	else
		snprintf(buf, sizeof buf, _("%d ambassadors"), n);
	cli_cell(buf, 15);
	printf(_("%ld awaiting a welcome\n"), c->awaiting[i]);
}

/* The stairwells grouped per department, then where to recruit next. */
static void
cov_text(const struct cov *c)
{
	const struct conf	*conf = c->conf;
	size_t			 d, i, bare = 0;
	long			 waiting = 0;

	for (d = 0; d < conf->ndepartments; d++) {
		printf("%s", conf->departments[d].name);
		if (c->whole[d] > 0)
			printf(_(" (%d covering the whole department)"),
			    c->whole[d]);
		putchar('\n');
		for (i = 0; i < conf->nstairwells; i++) {
			if ((size_t)conf->stairwells[i].department != d)
				continue;
			cov_line(c, i);
			if (cov_count(c, i) == 0) {
				bare++;
				waiting += c->awaiting[i];
			}
		}
	}
	printf(_("\n%zu of %zu stairwells have no ambassador; %ld households "
	    "await a welcome there (where to recruit next).\n"), bare,
	    conf->nstairwells, waiting);
}

int
cli_coverage(const struct cli *cli, int argc, char **argv)
{
	struct who	 who = *cli_who();
	struct cov	 c = { .conf = cli->conf };
	struct db	*db;
	long		 today = util_today();
	int		 tsv, rc;

	if ((rc = cov_args(argc, argv, &tsv)) != -1)
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
