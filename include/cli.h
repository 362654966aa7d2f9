/*
 * cli.h — the subcommands: one job, then exit.  Each returns the exit
 * code: 0 done, 1 failed, 2 usage.  Messages go to stderr as sentences
 * starting with "velkomst: ".
 */
#ifndef VELKOMST_CLI_H
#define VELKOMST_CLI_H

struct conf;
struct db;

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

int	 cli_check(const struct cli *, int argc, char **argv);
int	 cli_demo(const struct cli *, int argc, char **argv);
int	 cli_households(const struct cli *, int argc, char **argv);

#endif
