/* cli-check.c — `velkomst check`: the configuration and the database. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* Print one problem the database check found. */
static void
check_report(void *ctx, const char *line)
{
	(void)ctx;
	printf("  %s\n", line);
}

/* Say what the configuration holds (main already checked it). */
static void
check_config(const struct conf *conf)
{
	size_t	i;

	printf(_("Configuration: no errors.\n"));
	for (i = 0; i < conf->nfiles; i++)
		printf(_("  read %s\n"), conf->files[i]);
	printf(_("  %zu departments, %zu stairwells, %zu checklist items, "
	    "welcome within %d days\n"), conf->ndepartments,
	    conf->nstairwells, conf->nchecklist, conf->welcome_days);
}

int
cli_check(const struct cli *cli, int argc, char **argv)
{
	struct db	*db;
	int		 problems;

	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		printf("%s\n", _("usage: velkomst check"));
		return 0;
	}
	if (argc != 1) {
		cli_error(_("usage: velkomst check"));
		return 2;
	}
	check_config(cli->conf);
	db = cli_open_db(cli, DB_READ_ONLY);
	if (db == NULL)
		return 1;
	problems = db_check(db, check_report, NULL);
	if (problems < 0) {
		cli_error(_("the database could not be checked: %s"),
		    _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	if (problems == 0)
		printf(_("Database %s: no problems found.\n"), db_path(db));
	else
		printf(_("Database %s: %d problems found.\n"), db_path(db),
		    problems);
	db_close(db);
	return problems == 0 ? 0 : 1;
}
