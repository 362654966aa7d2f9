/*
 * cli.h — the subcommands: one job, then exit.  Each returns the exit
 * code: 0 done, 1 failed, 2 usage.  Messages go to stderr as sentences
 * starting with "velkomst: ".
 */
#ifndef VELKOMST_CLI_H
#define VELKOMST_CLI_H

#include <stddef.h>

struct account_policy;
struct conf;
struct db;
struct household_query;
struct household_row;

#define CLI_PAGE	500	/* rows fetched at a time */

struct cli {
	const struct conf	*conf;		/* loaded and checked by main */
	const char		*db_path;	/* --db FILE, or NULL for the default */
	const char		*argv0;
};

/*
 * Open the database named by --db (or the default path).  flags are
 * db.h's DB_CREATE / DB_READ_ONLY.  On failure prints the reason and
 * returns NULL.
 */
struct db	*cli_open_db(const struct cli *, int flags);
/* The database path of --db, or the default; a new string. */
char		*cli_db_path(const struct cli *);
/* Print "velkomst: MESSAGE" to stderr (translated by the caller). */
void		 cli_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* The "who" of a command: the Unix login running it. */
const char	*cli_who_name(void);
/* Who a command acts as: the Unix account running it, which owns the
 * database file (cli_open_db checks), with the rights of an admin. */
const struct who *cli_who(void);

/* Print s fitted and padded to cols display columns, then two spaces. */
void		 cli_cell(const char *s, int cols);
/* The options of a list command: --department D and --format text|tsv
 * (and --help).  Returns -1 to go on, else the exit code. */
int		 cli_list_args(const struct cli *, int argc, char **argv,
		    const char *usage, const char **department, int *tsv);
/* --format text|tsv into *tsv; -1 with a message if it is neither. */
int		 cli_format(const char *arg, int *tsv);
/* Call fn(ctx, row) for every household of the query, a page at a time;
 * the count, or -1 with the reason printed. */
long		 cli_each_household(struct db *,
		    const struct household_query *,
		    void (*fn)(void *, const struct household_row *), void *ctx);

/* ---- accounts and the audit trail (cli.c) ---- */

#define CLI_SECRET_MAX	256	/* bytes of a PIN or password, with the NUL */

/* 0 if login may be the login of a new account (db_account_add's rule),
 * else 2 with the reason printed: checked before a secret is asked. */
int		 cli_login_ok(const char *login);
/* The account policy of the configuration (lockout, hash cost). */
void		 cli_policy(const struct conf *, struct account_policy *);
/*
 * Read a new secret for login, whose role (an enum role of core.h) says
 * PIN or password: on the terminal asked twice, with from_stdin the first
 * line of standard input and, if there is one, a second line that must be
 * the same.  Checks it with core_check_secret.  0 with the secret in buf
 * (size bytes; the caller wipes it with core_secret_wipe), or 1 with the
 * reason printed and buf wiped.
 */
int		 cli_new_secret(const char *login, int role, int from_stdin,
		    char *buf, size_t size);
/*
 * Write an "export" row to the audit trail after a list command printed
 * rows of what (its name): detail "households tsv 120 rows", never the
 * content.  Skipped on a read-only database; a failure is reported on
 * stderr and does not change the exit code.
 */
void		 cli_note_export(struct db *, const char *what, int tsv,
		    long rows);
/*
 * Local time of a UTC text "2026-11-28 10:05:00" (as the database keeps
 * it) or of seconds since the epoch (cli_time_at), into buf (at least
 * 20 bytes): the Danish way "28.11.2026 11:05:00" or, with iso set,
 * "2026-11-28 11:05:00"; the seconds only with seconds set.  A text
 * that is not such a time is copied as it is.  Returns buf.
 */
char		*cli_time(const char *utc, int iso, int seconds, char *buf);
char		*cli_time_at(long long at, int iso, int seconds, char *buf);

int	 cli_check(const struct cli *, int argc, char **argv);
int	 cli_overdue(const struct cli *, int argc, char **argv);
int	 cli_visits(const struct cli *, int argc, char **argv);
int	 cli_demo(const struct cli *, int argc, char **argv);
int	 cli_households(const struct cli *, int argc, char **argv);
int	 cli_goal(const struct cli *, int argc, char **argv);
int	 cli_coverage(const struct cli *, int argc, char **argv);
int	 cli_ambassadors(const struct cli *, int argc, char **argv);
int	 cli_init(const struct cli *, int argc, char **argv);
int	 cli_user(const struct cli *, int argc, char **argv);
int	 cli_audit(const struct cli *, int argc, char **argv);

#endif
