/*
 * cli-backup.c — `velkomst backup [FILE]` and `velkomst restore FILE
 * [--yes]`.  The work is db_backup and db_restore's (db-backup.c); here
 * are the words: where the copy went, what is about to be replaced, the
 * question before it, and who is in the way.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* "240 households" for people. */
static char *
backup_households(long n)
{
	return xasprintf(P_("%ld household", "%ld households", n), n);
}

/* Say where a backup is, how big, and what it holds. */
static void
backup_say(const char *what, const struct db_backup_info *info)
{
	char	 size[32], *n;

	n = backup_households(info->households);
	printf(what, info->path);
	printf(" (%s, %s)\n", n, util_size_text(info->size, size,
	    sizeof size));
	free(n);
}

/* Print one backup as a line: the day it was made, its size, its path
 * (a db_backup_each and db_backup_prune callback). */
void
cli_backup_line(void *ctx, const char *path, long made, long long size)
{
	char	 day[11], sz[32];

	(void)ctx;
	printf("  %s  %s  ", util_date_dk(made, day), util_size_text(size, sz,
	    sizeof sz));
	cli_put_text(stdout, path);
	putchar('\n');
}

/* --prune: remove the backups older than retention.backup_days. */
static int
backup_prune(const struct cli *cli, struct db *db)
{
	int	 days = cli->conf->retention.backup_days;
	long	 n;

	if (days <= 0) {
		printf("%s\n", _("retention.backup_days is 0: backups are "
		    "kept until they are removed by hand."));
		return 0;
	}
	printf(P_("Removing the backups made more than %d day ago:\n",
	    "Removing the backups made more than %d days ago:\n", days),
	    days);
	if ((n = db_backup_prune(db, cli_who(), days, util_today(),
	    cli_backup_line, NULL)) < 0) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	printf(P_("%ld backup removed.\n", "%ld backups removed.\n", n), n);
	return 0;
}

int
cli_backup(const struct cli *cli, int argc, char **argv)
{
	int			 prune = 0;
	const struct cli_opt	 opts[] = {
		{ "prune", 0, NULL, cli_set_flag, &prune, 0,
		    N_("remove the backups older than retention.backup_days "
		    "instead of making one") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "backup", "[FILE]", 0, 1, opts,
	    N_("Copies the database into FILE, or without FILE into the "
	    "folder backups/ beside the database, named with today's date. "
	    "The copy is made while others go on working, is private "
	    "(mode 0600), written to the disk and checked before velkomst "
	    "says it is made. An existing file is never replaced. With "
	    "--prune it removes the backups velkomst made that are older "
	    "than the retention period instead: they still hold what was "
	    "erased since.") };
	struct db_backup_info	 info;
	struct cli_busy		 busy = { 0 };
	struct db		*db;
	char			*file = NULL;
	int			 rc;
	enum db_status		 s;

	if ((rc = cli_args(cli, &cmd, argc, argv, &file)) != -1)
		return rc;
	if (prune && file != NULL) {
		cli_error("%s", _("backup --prune takes no FILE."));
		return 2;
	}
	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		return 1;
	if (prune) {
		rc = backup_prune(cli, db);
		db_close(db);
		return rc;
	}
	cli_busy_show(&busy, _("Making the backup: a copy, then a check of "
	    "it\xe2\x80\xa6"));
	s = db_backup(db, cli_who(), file, &info);
	cli_busy_clear(&busy);
	if (s != DB_OK) {
		cli_error("%s", db_errmsg(db));
		db_close(db);
		return 1;
	}
	backup_say(_("Backup made: %s"), &info);
	db_backup_info_clear(&info);
	db_close(db);
	return 0;
}

/* ---- restore ------------------------------------------------------------ */

/* Print one person logged in (a db_logged_in_list callback). */
static void
restore_one_in(void *ctx, const struct logged_in *r)
{
	char	 since[UTIL_TIME_LEN];

	(void)ctx;
	fputs("  ", stderr);
	cli_put_text(stderr, r->login);
	fprintf(stderr, _(" (since %s, process %ld on %s)\n"),
	    cli_time(r->since, 0, 0, since), r->pid, r->host);
}

/* 0 if nobody is logged in to the screens, else 1 with who printed. */
static int
restore_nobody_in(struct db *db)
{
	long	 n;

	if ((n = db_logged_in_list(db, cli_who(), NULL, NULL)) < 0) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	if (n == 0)
		return 0;
	cli_error(P_("%ld person is logged in to velkomst, so the database "
	    "cannot be replaced now; nothing was replaced. Ask them to log "
	    "out (x on the home screen), then try again:",
	    "%ld people are logged in to velkomst, so the database cannot be "
	    "replaced now; nothing was replaced. Ask them to log out (x on "
	    "the home screen), then try again:", n), n);
	db_logged_in_list(db, cli_who(), restore_one_in, NULL);
	return 1;
}

/* How many households the database has now, or -1 with why printed. */
static long
restore_count(struct db *db)
{
	struct household_query	 q = { .order = ORDER_NEWEST };
	long			 n;

	q.today = util_today();
	if (db_household_count(db, cli_who(), &q, &n) != DB_OK) {
		cli_error("%s", db_errmsg(db));
		return -1;
	}
	return n;
}

/* 1 if the answer typed means yes ("y", "yes", or the Danish "j",
 * "ja"). */
int
cli_yes(char *line)
{
	line[strcspn(line, "\r\n")] = '\0';
	return strcasecmp(line, "y") == 0 || strcasecmp(line, "yes") == 0 ||
	    strcasecmp(line, "j") == 0 || strcasecmp(line, "ja") == 0 ||
	    strcasecmp(line, _("y")) == 0;
}

/* 0 if there is a terminal to ask on, else 1 with no_tty printed. */
int
cli_can_ask(const char *no_tty)
{
	if (isatty(STDIN_FILENO))
		return 0;
	cli_error("%s", no_tty);
	return 1;
}

/* Read the answer to the question just printed on stderr: 0 for yes,
 * else 1 with declined printed. */
int
cli_answer(const char *declined)
{
	char	 line[64];

	fflush(stderr);
	if (fgets(line, sizeof line, stdin) != NULL && cli_yes(line))
		return 0;
	cli_error("%s", declined);
	return 1;
}

/* Ask on the terminal before replacing; 0 to go on, else 1 with why. */
static int
restore_ask(struct db *db, const char *file, const struct db_backup_info *info)
{
	char	 made[UTIL_TIME_LEN], *now, *then;
	long	 n;

	if (cli_can_ask(_("velkomst restore asks before it replaces the "
	    "database, and there is no terminal to ask on; nothing was "
	    "replaced. Add --yes to replace it without asking.")))
		return 1;
	if ((n = restore_count(db)) < 0)
		return 1;
	now = backup_households(n);
	then = backup_households(info->households);
	/* TRANSLATORS: the answer is y or n ("j" or "n" in Danish). */
	fprintf(stderr, _("Replace %s (%s) with %s (%s, made %s)? [y/N] "),
	    db_path(db), now, file, then, info->made[0] != '\0' ?
	    cli_time(info->made, 0, 0, made) : "?");
	free(now);
	free(then);
	return cli_answer(_("Nothing was replaced."));
}

/* Nobody logged in, the file fit to restore from, and yes (asked, or
 * --yes): 0 with *info filled, else 1 with why printed. */
static int
restore_prepare(struct db *db, const char *file, int yes,
    struct db_backup_info *info)
{
	struct cli_busy	 busy = { 0 };
	enum db_status	 s;

	if (restore_nobody_in(db) != 0)
		return 1;
	cli_busy_show(&busy, _("Checking the backup\xe2\x80\xa6"));
	s = db_restore_check(db, file, info);
	cli_busy_clear(&busy);
	if (s != DB_OK) {
		cli_error("%s %s", db_errmsg(db), _("Nothing was replaced."));
		return 1;
	}
	if (!yes && restore_ask(db, file, info) != 0) {
		db_backup_info_clear(info);
		return 1;
	}
	return 0;
}

/* Replace the database with file, open it again (an older schema is
 * upgraded then) and record it; the exit code.  Closes db and clears
 * info. */
static int
restore_replace(const struct cli *cli, struct db *db, const char *file,
    struct db_backup_info *info)
{
	struct db_backup_info	 aside;
	struct cli_busy		 busy = { 0 };
	enum db_status		 s;
	int			 rc = 1;

	cli_busy_show(&busy, _("Keeping the database aside, then restoring"
	    "\xe2\x80\xa6"));
	s = db_restore(db, cli_who(), file, &aside);
	cli_busy_clear(&busy);
	if (s != DB_OK) {
		cli_error("%s %s", db_errmsg(db), _("Nothing was replaced."));
		db_close(db);
		db_backup_info_clear(info);
		return 1;
	}
	backup_say(_("The database as it was is kept in %s"), &aside);
	db_backup_info_clear(&aside);
	db_close(db);
	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		;
	else if (db_restore_done(db, cli_who(), file) != DB_OK)
		cli_error("%s", db_errmsg(db));
	else {
		printf(P_("The database %s is restored from %s: %ld "
		    "household.\n", "The database %s is restored from %s: %ld "
		    "households.\n", info->households), db_path(db), file,
		    info->households);
		rc = 0;
	}
	db_close(db);
	db_backup_info_clear(info);
	return rc;
}

int
cli_restore(const struct cli *cli, int argc, char **argv)
{
	int			 yes = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "yes", 0, NULL, cli_set_flag, &yes, 0,
		    N_("replace the database without asking (for scripts)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "restore", "FILE", 1, 1, opts,
	    N_("Replaces the content of the database with a backup, FILE, "
	    "after checking that it is a whole velkomst database of this "
	    "or an older version. The database as it was is first kept "
	    "beside it as a backup. Refused while someone is logged in.") };
	struct db_backup_info	 info;
	struct stat		 sb;
	struct db		*db;
	char			*file = NULL, *path;

	if ((rc = cli_args(cli, &cmd, argc, argv, &file)) != -1)
		return rc;
	path = cli_db_path(cli);
	if (path != NULL && stat(path, &sb) == -1 && errno == ENOENT) {
		cli_error(_("There is no database at %s to replace. To start "
		    "from a backup, copy it there (cp %s %s) and make it "
		    "private (chmod 600 %s)."), path, file, path, path);
		free(path);
		return 1;
	}
	free(path);
	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		return 1;
	if (db_readonly(db)) {
		cli_error(_("%s cannot be written; nothing was replaced."),
		    db_path(db));
		db_close(db);
		return 1;
	}
	if (restore_prepare(db, file, yes, &info) != 0) {
		db_close(db);
		return 1;
	}
	return restore_replace(cli, db, file, &info);
}
