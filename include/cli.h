/*
 * cli.h — the subcommands: one job, then exit.  Each returns the exit
 * code: 0 done, 1 failed, 2 usage.  Messages go to stderr as sentences
 * starting with "velkomst: ".
 */
#ifndef VELKOMST_CLI_H
#define VELKOMST_CLI_H

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

int	 cli_check(const struct cli *, int argc, char **argv);
int	 cli_overdue(const struct cli *, int argc, char **argv);
int	 cli_visits(const struct cli *, int argc, char **argv);
int	 cli_demo(const struct cli *, int argc, char **argv);
int	 cli_households(const struct cli *, int argc, char **argv);
int	 cli_goal(const struct cli *, int argc, char **argv);
int	 cli_coverage(const struct cli *, int argc, char **argv);
int	 cli_ambassadors(const struct cli *, int argc, char **argv);

#endif
