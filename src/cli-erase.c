/*
 * cli-erase.c — `velkomst erase household ID [--yes]` and `velkomst
 * purge [--dry-run] [--yes]`: a household's personal data erased for
 * real on request, and everything past the retention period
 * (db-erase.c does the work).  Both name what goes before it goes, and
 * say afterwards that the backups made before still hold it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* Say that the backups made before still hold what was erased, list
 * them, and how to remove them. */
static void
erase_backups(const struct cli *cli, struct db *db)
{
	long	 n;

	n = db_backup_each(db, NULL, NULL);
	if (n <= 0)
		return;
	printf(P_("%ld backup made before still holds what was erased:\n",
	    "%ld backups made before still hold what was erased:\n", n), n);
	db_backup_each(db, cli_backup_line, NULL);
	printf(_("velkomst backup --prune removes the backups older than "
	    "%d days (retention.backup_days); remove a newer one by hand "
	    "(rm FILE) if it must go now.\n"),
	    cli->conf->retention.backup_days);
}

/* Print one thing that goes, as a line of the list. */
static void
erase_item(const char *s)
{
	printf("  - %s\n", s);
}

/* The same, for a count (only when there is any): fmt takes n. */
static void
erase_count(long n, const char *fmt)
{
	char	*s;

	if (n <= 0)
		return;
	s = xasprintf(fmt, n);
	erase_item(s);
	free(s);
}

/* What erasing takes away, a line each. */
static void
erase_what(const struct erase_info *e)
{
	erase_count(e->members, P_("%ld name", "%ld names", e->members));
	erase_item(_("the flat"));
	if (e->phone)
		erase_item(_("the phone number"));
	if (e->languages)
		erase_item(_("the languages spoken"));
	if (e->notes)
		erase_item(_("the household's notes"));
	erase_count(e->visit_notes, P_("the notes of %ld visit",
	    "the notes of %ld visits", e->visit_notes));
	erase_count(e->followup_notes, P_("the notes of %ld follow-up",
	    "the notes of %ld follow-ups", e->followup_notes));
	erase_count(e->stories, P_("%ld mark as a success story",
	    "%ld marks as a success story", e->stories));
}

/* Ask question (ending "[y/N] ") on the terminal: 0 for yes, else 1
 * with why printed.  what names the command for the message. */
static int
erase_ask(const char *what, const char *question)
{
	char	*no_tty;
	int	 rc;

	no_tty = xasprintf(_("velkomst %s asks before it erases, and there "
	    "is no terminal to ask on; nothing was erased. Add --yes to erase "
	    "without asking."), what);
	rc = cli_can_ask(no_tty);
	free(no_tty);
	if (rc != 0)
		return 1;
	fputs(question, stderr);
	return cli_answer(_("Nothing was erased."));
}

/* The household number of word, or -1 with why printed. */
static long
erase_id(const char *word)
{
	char	*end;
	long	 id;

	id = strtol(word, &end, 10);
	if (word[0] < '0' || word[0] > '9' || *end != '\0' || id <= 0) {
		cli_error(_("\"%s\" is not a household number."), word);
		return -1;
	}
	return id;
}

/* Say what goes and ask (unless yes): 0 to go on, 1 to stop (told
 * why), 2 when it was erased already (told). */
static int
erase_prepare(struct db *db, long id, int yes)
{
	struct erase_info	 e;
	char			 day[11], *q;
	int			 rc;

	if (db_erase_info(db, cli_who(), id, &e) != DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	if (e.erased_on != DATE_NONE) {
		printf(_("Household %ld was erased already, on %s; nothing "
		    "to do.\n"), id, util_date_dk(e.erased_on, day));
		return 2;
	}
	if (yes)
		return 0;
	if (!isatty(STDIN_FILENO))
		return erase_ask("erase", NULL);
	printf(_("Erasing household %ld takes away for good:\n"), id);
	erase_what(&e);
	printf(P_("What the reports count stays: its department, stairwell, "
	    "move-in and move-out, and the date and outcome of its %ld "
	    "visit.\n", "What the reports count stays: its department, "
	    "stairwell, move-in and move-out, and the dates and outcomes of "
	    "its %ld visits.\n", e.visits), e.visits);
	fflush(stdout);
	/* TRANSLATORS: the answer is y or n ("j" or "n" in Danish). */
	q = xasprintf(_("Erase household %ld? [y/N] "), id);
	rc = erase_ask("erase", q);
	free(q);
	return rc;
}

/* Erase household id (asked, or --yes) and say what went: exit code. */
static int
erase_run(const struct cli *cli, struct db *db, long id, int yes)
{
	struct erase_info	 e;
	int			 rc;

	if ((rc = erase_prepare(db, id, yes)) != 0)
		return rc == 2 ? 0 : 1;
	if (db_erase_household(db, cli_who(), id, ERASE_REQUEST, &e) !=
	    DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	printf(_("Household %ld is erased. What went:\n"), id);
	erase_what(&e);
	if (db_erase_flush(db) != DB_OK)
		cli_error("%s", db_errmsg(db));
	erase_backups(cli, db);
	return 0;
}

int
cli_erase(const struct cli *cli, int argc, char **argv)
{
	int			 yes = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "yes", 0, NULL, cli_set_flag, &yes, 0,
		    N_("erase without asking (for scripts)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "erase household", "ID", 1, 1, opts,
	    N_("Erases the personal data of household ID for real, as a "
	    "resident may ask: its names, flat, phone, languages and notes, "
	    "and the notes of its visits and follow-ups. What the reports "
	    "count stays, so past years' reports do not change. Asks first "
	    "and names what goes.") };
	struct db		*db;
	char			*word = NULL;
	long			 id;

	if (argc < 2 || strcmp(argv[1], "household") != 0) {
		cli_error("%s", _("usage: velkomst erase household ID [--yes]"));
		return 2;
	}
	if ((rc = cli_args(cli, &cmd, argc - 1, argv + 1, &word)) != -1)
		return rc;
	if ((id = erase_id(word)) < 0)
		return 2;
	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		return 1;
	rc = erase_run(cli, db, id, yes);
	db_close(db);
	return rc;
}

/* ---- purge ----------------------------------------------------------- */

/* Print what purge did (or would do), per reason. */
static void
purge_say(const struct cli *cli, const struct purge_result *r, int dry)
{
	const struct retention	*k = &cli->conf->retention;
	const int		 days[NRETAIN] = { 0, k->after_moved_out_days,
				    k->after_welcome_days,
				    k->not_reached_days };
	long			 n = 0;
	int			 i;

	for (i = RETAIN_MOVED_OUT; i < NRETAIN; i++)
		n += r->households[i];
	printf(dry ? P_("Due for deletion: the personal data of %ld "
	    "household.\n", "Due for deletion: the personal data of %ld "
	    "households.\n", n) : P_("Erased the personal data of %ld "
	    "household.\n", "Erased the personal data of %ld households.\n",
	    n), n);
	for (i = RETAIN_MOVED_OUT; i < NRETAIN; i++)
		printf(P_("  %6ld  %s (after %d day)\n", "  %6ld  %s (after %d "
		    "days)\n", days[i]), r->households[i],
		    _(core_retention_label((enum retention_reason)i)), days[i]);
	printf(dry ? P_("Due for deletion: the contact data of %ld stopped "
	    "ambassador.\n", "Due for deletion: the contact data of %ld "
	    "stopped ambassadors.\n", r->ambassadors) : P_("Erased the "
	    "contact data of %ld stopped ambassador.\n", "Erased the contact "
	    "data of %ld stopped ambassadors.\n", r->ambassadors),
	    r->ambassadors);
	if (dry)
		printf("%s\n", _("A dry run: nothing was changed."));
}

/* Count what is due into *due, and ask (unless yes): 0 to go on, 1 to
 * stop, 2 when nothing is due (told). */
static int
purge_prepare(const struct cli *cli, struct db *db, int yes, long *due)
{
	struct purge_result	 r;
	char			*q;
	long			 n = 0;
	int			 i, rc;

	if (yes)
		return 0;
	if (db_purge(db, cli_who(), &cli->conf->retention, util_today(), 1,
	    NULL, NULL, NULL, &r) != DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	for (i = RETAIN_MOVED_OUT; i < NRETAIN; i++)
		n += r.households[i];
	*due = n;
	purge_say(cli, &r, 1);
	if (n == 0 && r.ambassadors == 0)
		return 2;
	q = xasprintf("%s [y/N] ", _("Erase it now?"));
	rc = erase_ask("purge", q);
	free(q);
	return rc;
}

/* How far a purge has come, for its line on the terminal. */
struct purge_progress {
	struct cli_busy	 busy;
	long		 done;
	long		 due;		/* 0 when not counted (--yes) */
};

/* One household erased (a db_purge callback): the line says so now and
 * then (at a million households a purge takes minutes). */
static void
purge_one(void *ctx, long id, enum retention_reason why)
{
	struct purge_progress	*p = ctx;
	char			*line;

	(void)id;
	(void)why;
	if (p->done++ % 500 != 0)
		return;
	line = p->due > 0 ? xasprintf(P_("Erasing the personal data due: %ld "
	    "of %ld household\xe2\x80\xa6", "Erasing the personal data due: "
	    "%ld of %ld households\xe2\x80\xa6", p->due), p->done, p->due) :
	    xasprintf(P_("Erasing the personal data due: %ld household so "
	    "far\xe2\x80\xa6", "Erasing the personal data due: %ld households "
	    "so far\xe2\x80\xa6", p->done), p->done);
	cli_busy_show(&p->busy, line);
	free(line);
}

/* Purge for real: exit code. */
static int
purge_run(const struct cli *cli, struct db *db, int yes)
{
	struct purge_progress	 p = { { 0 }, 0, 0 };
	struct purge_result	 r;
	int			 rc;

	if ((rc = purge_prepare(cli, db, yes, &p.due)) != 0)
		return rc == 2 ? 0 : 1;
	rc = db_purge(db, cli_who(), &cli->conf->retention, util_today(), 0,
	    purge_one, NULL, &p, &r);
	cli_busy_clear(&p.busy);
	if (rc != DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	purge_say(cli, &r, 0);
	if (!r.flushed && db_erase_flush(db) != DB_OK)
		cli_error("%s", db_errmsg(db));
	if (r.households[RETAIN_MOVED_OUT] + r.households[RETAIN_WELCOMED] +
	    r.households[RETAIN_NOT_REACHED] + r.ambassadors > 0)
		erase_backups(cli, db);
	return 0;
}

int
cli_purge(const struct cli *cli, int argc, char **argv)
{
	int			 yes = 0, dry = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "dry-run", 'n', NULL, cli_set_flag, &dry, 0,
		    N_("say what is due, and change nothing") },
		{ "yes", 0, NULL, cli_set_flag, &yes, 0,
		    N_("erase without asking (for cron and scripts)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "purge", NULL, 0, 0, opts,
	    N_("Erases the personal data the retention rules of the "
	    "configuration no longer keep: households that moved out, were "
	    "welcomed or were never reached long enough ago, and the contact "
	    "data of ambassadors who stopped. What the reports and the "
	    "recruitment goal count stays. Run it every night from cron.") };
	struct purge_result	 r;
	struct db		*db;

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, dry ? DB_READ_ONLY : DB_NO_SETUP)) == NULL)
		return 1;
	if (!dry)
		rc = purge_run(cli, db, yes);
	else if (db_purge(db, cli_who(), &cli->conf->retention, util_today(),
	    1, NULL, NULL, NULL, &r) != DB_OK) {
		cli_error("%s", db_errmsg(db));
		rc = 1;
	} else {
		purge_say(cli, &r, 1);
		rc = 0;
	}
	db_close(db);
	return rc;
}
