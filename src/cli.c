/* cli.c — what the subcommands share: opening the database, messages. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* Print "velkomst: MESSAGE" to stderr. */
void
cli_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("velkomst: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The name a command's changes are recorded under: the Unix login. */
const char *
cli_who_name(void)
{
	return util_login();
}

/* The path of --db, or the default path. */
char *
cli_db_path(const struct cli *cli)
{
	return cli->db_path != NULL ? xstrdup(cli->db_path) :
	    db_default_path();
}

/* Open the database of --db or the default path; print why not. */
struct db *
cli_open_db(const struct cli *cli, int flags)
{
	struct db	*db;
	char		*path, *err = NULL;

	path = cli_db_path(cli);
	db = db_open(path, flags, &err);
	if (db == NULL) {
		cli_error("%s", err != NULL ? err : _("cannot open the database"));
		free(err);
	}
	free(path);
	return db;
}
