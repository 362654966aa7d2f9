/*
 * cli-init.c — `velkomst init`: create the database and its first admin
 * account, whose password is asked on the terminal (or read from
 * standard input with --password-stdin).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* Parse the options; -1 to go on, else the exit code. */
static int
init_args(const struct cli *cli, int argc, char **argv, const char **login,
    int *from_stdin)
{
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "login", 0, "LOGIN", cli_set_string, login, 0,
		    N_("the login of the admin account (\"admin\" if not "
		    "given)") },
		CLI_OPT_PASSWORD_STDIN(from_stdin),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "init", NULL, 0, 0, opts,
	    N_("Creates the database (if it is not there) and its first "
	    "account, an admin.  The login is \"admin\" unless --login says "
	    "another.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	return cli_login_ok(*login) != 0 ? 2 : -1;
}

/* 0 if db has no accounts yet, else 1 with the reason printed. */
static int
init_fresh(struct db *db)
{
	long	 n;

	if (db_account_count(db, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	if (n > 0) {
		cli_error(_("%s already has accounts; nothing was done.  Add "
		    "more with: velkomst user add LOGIN --role ROLE"),
		    db_path(db));
		return 1;
	}
	if (db_readonly(db)) {
		cli_error(_("%s cannot be written; nothing was done."),
		    db_path(db));
		return 1;
	}
	return 0;
}

/* Add the first admin account with secret; 0 or 1. */
static int
init_account(const struct cli *cli, struct db *db, const char *login,
    const char *secret)
{
	struct account_policy	 policy;
	struct account		 a;
	enum db_status		 st;

	cli_policy(cli->conf, &policy);
	memset(&a, 0, sizeof a);
	a.login = xstrdup(login);
	a.role = ROLE_ADMIN;
	st = db_account_add(db, cli_who(), &a, secret, &policy);
	db_account_clear(&a);
	if (st != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	printf(_("Created the admin account \"%s\" in %s.\n"), login,
	    db_path(db));
	return 0;
}

/*
 * Make the empty database file at path (0600) unless it is there; 1 if
 * this run made it (or its folder is missing, so that db_open makes
 * both), 0 if another program made it while the password was asked:
 * that file is never removed.
 */
static int
init_make(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) != -1) {
		close(fd);
		return 1;
	}
	return errno == ENOENT;
}

/* Remove the database file this run made, with its -wal and -shm. */
static void
init_remove(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char	*p;
	size_t	 i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

/*
 * `velkomst init`: the database and its first admin account.  A database
 * that is there is checked for accounts before the password is asked; a
 * new one is created only once the password is known.
 */
int
cli_init(const struct cli *cli, int argc, char **argv)
{
	struct stat	 sb;
	struct db	*db = NULL;
	const char	*login = "admin";
	char		*path, secret[CLI_SECRET_MAX];
	int		 rc, from_stdin = 0, existed, made = 0;

	if ((rc = init_args(cli, argc, argv, &login, &from_stdin)) != -1)
		return rc;
	path = cli_db_path(cli);
	existed = stat(path, &sb) == 0;
	rc = 1;
	if (existed && ((db = cli_open_db(cli, 0)) == NULL ||
	    init_fresh(db) != 0))
		goto done;
	if (cli_new_secret(login, ROLE_ADMIN, from_stdin, secret,
	    sizeof secret) != 0)
		goto done;
	if (db == NULL)
		made = init_make(path);
	if (db != NULL || ((db = cli_open_db(cli, DB_CREATE)) != NULL &&
	    init_fresh(db) == 0))
		rc = init_account(cli, db, login, secret);
	core_secret_wipe(secret, sizeof secret);
done:
	if (db != NULL)
		db_close(db);
	if (rc != 0 && made)	/* leave no empty database behind */
		init_remove(path);
	free(path);
	return rc;
}
