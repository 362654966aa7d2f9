/*
 * cli-check.c — `velkomst check`: the configuration and the database
 * (SQLite's checks, the audit trail's chain and guard triggers, stored
 * text velkomst would refuse, stairwells the configuration lost).  It
 * only reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* The parts of the database check, named on a terminal as each begins
 * (cli_busy): most of the time goes to SQLite's check of every page. */
struct check_line {
	struct cli_busy	 busy;
	int		 part;		/* the part shown, or -1 */
};

static const char *const check_part_names[DB_CHECK_PARTS] = {
	[DB_CHECK_PAGES] = N_("every page of the file"),
	[DB_CHECK_LINKS] = N_("the links between records"),
	[DB_CHECK_TRAIL] = N_("the audit trail"),
	[DB_CHECK_TEXT] = N_("the stored text"),
};

/* Show the line of the part l->part, if there is one. */
static void
check_line_show(struct check_line *l)
{
	char	buf[256];

	if (l->part < 0)
		return;
	snprintf(buf, sizeof buf, _("Checking the database (%d of %d): "
	    "%s\xe2\x80\xa6"), l->part + 1, DB_CHECK_PARTS,
	    _(check_part_names[l->part]));
	cli_busy_show(&l->busy, buf);
}

/* A part of the database check begins (a db_check_parts callback). */
static void
check_part(void *ctx, enum db_check_part p)
{
	struct check_line	*l = ctx;

	l->part = (int)p;
	check_line_show(l);
}

/* Print one problem the database check found, under the line. */
static void
check_report(void *ctx, const char *line)
{
	struct check_line	*l = ctx;

	cli_busy_clear(&l->busy);
	printf("  %s\n", line);
	fflush(stdout);
	check_line_show(l);
}

/* Say what the configuration holds (main already checked it). */
static void
check_config(const struct conf *conf)
{
	size_t	i;

	printf(_("Configuration: no errors.\n"));
	for (i = 0; i < conf->nfiles; i++)
		printf(_("  read %s\n"), conf->files[i]);
	printf("  ");
	printf(P_("%zu department", "%zu departments", conf->ndepartments),
	    conf->ndepartments);
	printf(", ");
	printf(P_("%zu stairwell", "%zu stairwells", conf->nstairwells),
	    conf->nstairwells);
	printf(", ");
	printf(P_("%zu checklist item", "%zu checklist items",
	    conf->nchecklist), conf->nchecklist);
	printf(", ");
	printf(P_("welcome within %d day", "welcome within %d days",
	    conf->welcome_days), conf->welcome_days);
	printf("\n");
}

/* What the ambassador check needs and counts. */
struct check_amb {
	const struct conf	*conf;
	int			 problems;
};

/* Report a stairwell (or department) an ambassador covers that the
 * configuration no longer has (a db_ambassador_stairwells callback). */
static void
check_amb_one(void *ctx, long id, const char *name, const char *department,
    const char *stairwell)
{
	struct check_amb	*c = ctx;
	int			 d;

	d = cfg_department_find(c->conf, department);
	if (d >= 0 && (*stairwell == '\0' ||
	    cfg_stairwell_find(c->conf, d, stairwell) >= 0))
		return;
	printf("  ");
	if (*stairwell == '\0')
		printf(_("ambassador %ld (%s): department \"%s\" is not in the "
		    "configuration\n"), id, name, department);
	else
		printf(_("ambassador %ld (%s): stairwell \"%s\" of %s is not in "
		    "the configuration\n"), id, name, stairwell, department);
	c->problems++;
}

/* The ambassadors' stairwells against the configuration: the count of
 * problems, or -1 with the reason printed. */
static int
check_ambassadors(struct db *db, const struct conf *conf)
{
	struct who		who = *cli_who();
	struct check_amb	c = { .conf = conf };

	if (db_ambassador_stairwells(db, &who, check_amb_one, &c) != DB_OK) {
		cli_error(_("the database could not be checked: %s"),
		    _(db_errmsg(db)));
		return -1;
	}
	return c.problems;
}

/* The records whose languages were not found in the list, as one line
 * per kind: "household 2, 7". */
struct check_lang {
	char	*line[2];	/* households, ambassadors */
	int	 n;
};

/* Add one record to its line (a db_language_unmapped callback). */
static void
check_lang_one(void *ctx, const char *table, long id)
{
	struct check_lang	*c = ctx;
	int			 k = strcmp(table, "household") != 0;
	char			*t;

	t = xasprintf("%s%s%ld", c->line[k] != NULL ? c->line[k] : "",
	    c->line[k] != NULL ? ", " : "", id);
	free(c->line[k]);
	c->line[k] = t;
	c->n++;
}

/* List the households and ambassadors whose languages were written
 * before the list and could not be found in it (by id, no names): they
 * are no damage, so they do not count as problems.  0, or -1 with the
 * reason printed. */
static int
check_languages(struct db *db)
{
	struct who		who = *cli_who();
	struct check_lang	c = { { NULL, NULL }, 0 };

	if (db_language_unmapped(db, &who, check_lang_one, &c) != DB_OK) {
		cli_error(_("the database could not be checked: %s"),
		    _(db_errmsg(db)));
		return -1;
	}
	if (c.n > 0) {
		printf("%s\n", _("Languages spoken that are not in the list "
		    "(open each one, pick its languages and clear \"Not in "
		    "the list\"):"));
		if (c.line[0] != NULL)
			printf(_("  households: %s\n"), c.line[0]);
		if (c.line[1] != NULL)
			printf(_("  ambassadors: %s\n"), c.line[1]);
	}
	free(c.line[0]);
	free(c.line[1]);
	return 0;
}

int
cli_check(const struct cli *cli, int argc, char **argv)
{
	const struct cli_opt	 opts[] = { CLI_OPT_END };
	const struct cli_cmd	 cmd = { "check", NULL, 0, 0, opts,
	    N_("Lists the configuration files it read and checks them, then "
	    "checks the database for damage, for a changed audit trail and "
	    "for stored text velkomst would refuse. It changes nothing.") };
	struct check_line	 line = { { 0 }, -1 };
	struct db		*db;
	int			 problems, amb, rc;

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	check_config(cli->conf);
	db = cli_open_db(cli, DB_READ_ONLY);
	if (db == NULL)
		return 1;
	problems = db_check_parts(db, check_report, check_part, &line);
	cli_busy_clear(&line.busy);
	if (problems < 0) {
		cli_error(_("the database could not be checked: %s"),
		    _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	if ((amb = check_ambassadors(db, cli->conf)) < 0) {
		db_close(db);
		return 1;
	}
	problems += amb;
	if (check_languages(db) == -1) {
		db_close(db);
		return 1;
	}
	if (problems == 0)
		printf(_("Database %s: no problems found.\n"), db_path(db));
	else
		printf(P_("Database %s: %d problem found.\n",
		    "Database %s: %d problems found.\n", problems), db_path(db),
		    problems);
	db_close(db);
	return problems == 0 ? 0 : 1;
}
