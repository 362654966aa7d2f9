/*
 * cli.h — the subcommands: one job, then exit.  Each returns the exit
 * code: 0 done, 1 failed, 2 usage.  Messages go to stderr as sentences
 * starting with "velkomst: ".
 */
#ifndef VELKOMST_CLI_H
#define VELKOMST_CLI_H

#include <stddef.h>
#include <stdio.h>

struct account_policy;
struct conf;
struct db;
struct household_query;
struct household_row;
struct report;

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
/* Make the new file path (0600; never over an existing file): its
 * descriptor, or -1 with the reason printed (--output of report and
 * export). */
int		 cli_create_file(const char *path);
/* Who a command acts as: the Unix account running it, which owns the
 * database file (cli_open_db checks), with the rights of an admin. */
const struct who *cli_who(void);

/* ---- options (cli-args.c) -------------------------------------------------
 * Every command describes its options in a table of struct cli_opt and
 * parses them with cli_args, so that all commands take options the same
 * way and say the same things about a wrong one.
 */

/* An option: --name (and -letter, if it has one), with or without a
 * value. */
struct cli_opt {
	const char	*name;		/* the long name, without "--" */
	int		 letter;	/* the short letter, or 0 */
	const char	*arg;		/* what it takes, as the usage shows it
					   ("TEXT", "text|tsv"), or NULL: it
					   takes no value */
	/* Check the value and store it at opt->to (arg is NULL for an
	 * option without a value): 0, or -1 with the reason printed (a
	 * usage error). */
	int		(*set)(const struct cli *, const struct cli_opt *opt,
			    const char *arg);
	void		*to;		/* where set() stores it */
	int		 flags;		/* CLI_OPT_* */
	const char	*help;		/* N_(): one line for --help */
};
#define CLI_OPT_REQUIRED 0x1	/* the command needs it */
#define CLI_OPT_MANY	0x2	/* may be given more than once ("D...") */

/* A command: what cli_args needs to parse and explain it. */
struct cli_cmd {
	const char		*name;		/* "households", "user add" */
	const char		*operands;	/* the words after the name in the
						   usage ("LOGIN"), or NULL */
	int			 min;		/* how many operands, at least */
	int			 max;		/* and at most */
	const struct cli_opt	*opts;		/* ends with { NULL } */
	const char		*about;		/* N_(): what it does, for --help;
						   or NULL */
};

/*
 * Parse a command's words: argv[0] is its name; options may stand
 * anywhere (--name VALUE, --name=VALUE, -x VALUE, -xVALUE; "--" ends
 * them); the other words are the operands, stored in order in operand[]
 * (room for cmd->max; may be NULL when max is 0).  --help prints the
 * usage, the about text and every option's help on stdout.  Returns -1
 * to go on, 0 after --help, or 2 after a usage error: an unknown option,
 * a value missing or not wanted, a required option missing, too few or
 * too many operands, or a value set() refused; the reason and the usage
 * are then printed on stderr.
 */
int		 cli_args(const struct cli *, const struct cli_cmd *, int argc,
		    char **argv, char **operand);
/* Print "usage: velkomst NAME ..." of cmd and a newline to f. */
void		 cli_usage(const struct cli_cmd *, FILE *f);
/* Setters for struct cli_opt: a flag (int, set to 1); a string (const
 * char *, the word itself); --format text|tsv (int, 1 for tsv); a
 * department by key, name or short name (const char *, its key); a
 * date as people type it (long, a day number). */
int		 cli_set_flag(const struct cli *, const struct cli_opt *,
		    const char *);
int		 cli_set_string(const struct cli *, const struct cli_opt *,
		    const char *);
int		 cli_set_format(const struct cli *, const struct cli_opt *,
		    const char *);
int		 cli_set_department(const struct cli *, const struct cli_opt *,
		    const char *);
int		 cli_set_date(const struct cli *, const struct cli_opt *,
		    const char *);
/* The --format option every list command has, storing into the int *tsv. */
#define CLI_OPT_FORMAT(tsv) \
	{ "format", 0, "text|tsv", cli_set_format, (tsv), 0, cli_help_format }
/* --password-stdin, setting the int *flag. */
#define CLI_OPT_PASSWORD_STDIN(flag) \
	{ "password-stdin", 0, NULL, cli_set_flag, (flag), 0, \
	    cli_help_password_stdin }
/* The end of a table of options. */
#define CLI_OPT_END	{ NULL, 0, NULL, NULL, NULL, 0, NULL }
extern const char cli_help_format[];		/* their help (N_) */
extern const char cli_help_password_stdin[];

/* ---- tables as text or tsv (cli-table.c) --------------------------------
 * One printer for every list.  Text is a table for people: each cell is
 * fitted to its column by display columns (a cut cell ends with "…"),
 * two spaces between columns.  tsv is one line per row, the cells joined
 * by tabs, after a line of the columns' names.  Either way no stored
 * text reaches the terminal as it is: see cli_text_safe and
 * cli_tsv_safe.
 */

/* A column.  A command has one list of columns for text and one for tsv. */
struct cli_col {
	const char	*title;		/* text: N_(), translated when printed;
					   tsv: the column's name as it is */
	int		 width;		/* text: display columns; 0 for a last
					   column that takes the rest of the
					   line, never cut */
	int		 flags;		/* CLI_COL_* */
};
#define CLI_COL_RIGHT	0x1	/* text: aligned right (numbers) */

struct cli_table {
	FILE			*out;
	const struct cli_col	*cols;
	size_t			 ncols;
	int			 tsv;
	int			*width;		/* text: each column's width now */
	size_t			 at;		/* the next cell of the row */
	long			 rows;		/* rows ended so far */
};

/* Start a table printed to out: as tsv with the columns tsvcols (ntsv
 * of them), else as text with the columns text.  A table printed in one
 * form only may give NULL, 0 for the other. */
void		 cli_table_init(struct cli_table *, FILE *out, int tsv,
		    const struct cli_col *text, size_t ntext,
		    const struct cli_col *tsvcols, size_t ntsv);
/* An array of columns and how many: cli_table_init(&t, out, tsv,
 * CLI_COLS(text), CLI_COLS(tsv)). */
#define CLI_COLS(a)	(a), (sizeof (a) / sizeof (a)[0])
void		 cli_table_free(struct cli_table *);
/* Text: widen column col so that s fits in it whole (a login, a
 * name that must never be cut); tsv: nothing. */
void		 cli_table_widen(struct cli_table *, size_t col,
		    const char *s);
/* Print the line of the columns' titles (text) or names (tsv). */
void		 cli_table_header(struct cli_table *);
/* Add the next cell of the row: s (NULL is empty), or printf-style. */
void		 cli_table_cell(struct cli_table *, const char *s);
void		 cli_table_cellf(struct cli_table *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* End the row (every column must have had its cell). */
void		 cli_table_end(struct cli_table *);

/*
 * Stored text made safe to print, as a new string.  Text (as the
 * screens show it): a character that is not printable (control
 * characters) or that overrides the direction of text (U+202A..U+202E,
 * U+2066..U+2069) is shown as "?", a byte that is not UTF-8 as U+FFFD.
 * tsv: a backslash is written "\\", a tab "\t", a line feed "\n", a
 * carriage return "\r", and every byte of another control character
 * (U+0000..U+001F, U+007F..U+009F, U+2028, U+2029), of a direction
 * override or of text that is not UTF-8 as "\xHH" (two lowercase hex
 * digits); everything else is kept as it is.
 */
char		*cli_text_safe(const char *);
char		*cli_tsv_safe(const char *);
/* fputs(cli_text_safe(s), f). */
void		 cli_put_text(FILE *f, const char *s);

/* Call fn(ctx, row) for every household of the query, a page at a time;
 * the count, or -1 with the reason printed. */
long		 cli_each_household(struct db *,
		    const struct household_query *,
		    void (*fn)(void *, const struct household_row *), void *ctx);
/* How many households q matches (what cli_each_household would go
 * through), or -1 with the reason printed. */
long		 cli_count_households(struct db *,
		    const struct household_query *);

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
 * An export (households, ambassadors, overdue, visits): its rows leave
 * the program only once the audit trail records them.  cli_export opens
 * the database (an empty file is no database to it) and reads from one
 * snapshot: print(db, out, ctx) first counts the rows (out goes
 * nowhere); then the "export" row is written ("households tsv 120
 * rows": what, the format, how many, never the content), and only then
 * are the rows printed to standard output, those of the count.  print
 * returns how many rows, or -1 with the reason printed.
 *
 * Up to CLI_KEEP_ROWS rows are printed into memory from the snapshot,
 * which then ends; the row is written on the same connection, and the
 * memory printed.  More rows are printed straight from the snapshot,
 * kept open while a second connection writes the row, so that no lock
 * is held while they are read and they are never all in memory.
 *
 * A read-only database, a write lock held for too long or any other
 * failure to record it refuses the export: nothing is printed.  Returns
 * the exit code: 0, or 1 with the reason printed.
 */
#define CLI_KEEP_ROWS	10000
int		 cli_export(const struct cli *, const char *what, int tsv,
		    long (*print)(struct db *, FILE *out, void *ctx),
		    void *ctx);
/* cli_export for a list that knows its count without printing:
 * count(db, ctx) counts the rows print will print, in the same snapshot
 * (-1 with the reason printed), instead of a first run of print. */
int		 cli_export_counted(const struct cli *, const char *what,
		    int tsv, long (*count)(struct db *, void *ctx),
		    long (*print)(struct db *, FILE *out, void *ctx),
		    void *ctx);
/* cli_export_counted of one record's rows (a household's visits): the
 * audit row names table and record, as cli_export_record's does. */
int		 cli_export_counted_of(const struct cli *, const char *what,
		    int tsv, const char *table, long record,
		    long (*count)(struct db *, void *ctx),
		    long (*print)(struct db *, FILE *out, void *ctx),
		    void *ctx);
/*
 * The steps of cli_export, for an export that writes its own way
 * (`velkomst export`): in one snapshot, count(db, ctx) counts the rows
 * (-1 with the reason printed); detail(ctx, rows) is the audit row's
 * text (a new string); once it is recorded, write(db, ctx, rows) writes
 * them (the exit code: 0, or 1 with the reason printed).  Refuses as
 * cli_export does.  Returns the exit code.
 *
 * keep, if not NULL, may take the rows into memory from the snapshot
 * right after the count, when they are few: 1 if it did (the snapshot
 * then ends, the audit row is written on the same connection, and
 * write gets db NULL), 0 if not (the audit row is written through a
 * second connection while the snapshot stays open for write), -1 with
 * the reason printed.
 */
struct cli_export_step {
	long	(*count)(struct db *, void *ctx);
	char	*(*detail)(void *ctx, long rows);
	int	(*write)(struct db *, void *ctx, long rows);
	int	(*keep)(struct db *, void *ctx, long rows);
};
int		 cli_export_steps(const struct cli *,
		    const struct cli_export_step *, void *ctx);
/* The same for an export of one record (a household's copy): the audit
 * row names table and record. */
int		 cli_export_record(const struct cli *,
		    const struct cli_export_step *, const char *table,
		    long record, void *ctx);
/*
 * Local time of a UTC text "2026-11-28 10:05:00" (as the database keeps
 * it) or of seconds since the epoch (cli_time_at), into buf (at least
 * 20 bytes): the Danish way "28.11.2026 11:05:00" or, with iso set,
 * "2026-11-28 11:05:00"; the seconds only with seconds set.  A text
 * that is not such a time is copied as it is.  Returns buf.
 */
char		*cli_time(const char *utc, int iso, int seconds, char *buf);
char		*cli_time_at(long long at, int iso, int seconds, char *buf);

/* ---- the report (cli-report-print.c) ---- */

/* Print r to f as text (md 0) or Markdown (md 1): the whole report, or
 * with r->department that department's evaluation; today says whether
 * an unkept period is closed. */
void	 cli_report_print(FILE *f, const struct conf *, const struct report *r,
	    int md, long today);
/* Print r to f as csv (RFC 4180, CRLF): a row per department, total,
 * pilots, others; with r->department its months, total and the others'
 * average. */
void	 cli_report_csv(FILE *f, const struct report *r);

int	 cli_check(const struct cli *, int argc, char **argv);
int	 cli_overdue(const struct cli *, int argc, char **argv);
int	 cli_report(const struct cli *, int argc, char **argv);
int	 cli_visits(const struct cli *, int argc, char **argv);
int	 cli_demo(const struct cli *, int argc, char **argv);
int	 cli_households(const struct cli *, int argc, char **argv);
int	 cli_followups(const struct cli *, int argc, char **argv);
int	 cli_goal(const struct cli *, int argc, char **argv);
int	 cli_coverage(const struct cli *, int argc, char **argv);
int	 cli_desk(const struct cli *, int argc, char **argv);
int	 cli_criteria(const struct cli *, int argc, char **argv);
int	 cli_ambassadors(const struct cli *, int argc, char **argv);
int	 cli_init(const struct cli *, int argc, char **argv);
int	 cli_user(const struct cli *, int argc, char **argv);
int	 cli_audit(const struct cli *, int argc, char **argv);
int	 cli_backup(const struct cli *, int argc, char **argv);
int	 cli_import(const struct cli *, int argc, char **argv);
int	 cli_restore(const struct cli *, int argc, char **argv);
int	 cli_consent(const struct cli *, int argc, char **argv);
int	 cli_export_cmd(const struct cli *, int argc, char **argv);
int	 cli_erase(const struct cli *, int argc, char **argv);
/* The backups (cli-backup.c): print one as a line, "01.06.2019  709 kB
 * PATH" (a db_backup_each callback). */
void	 cli_backup_line(void *, const char *path, long made, long long size);
/*
 * Asking before a change that cannot be undone (cli-backup.c): 1 if an
 * answer typed means yes (y, yes, or the Danish j, ja; any case);
 * cli_can_ask 0 when there is a terminal, else 1 with no_tty printed
 * (the command then wants --yes); cli_answer reads the answer to the
 * question just printed on stderr, 0 for yes, else 1 with declined
 * printed.
 */
int	 cli_yes(char *line);
int	 cli_can_ask(const char *no_tty);
int	 cli_answer(const char *declined);
int	 cli_purge(const struct cli *, int argc, char **argv);

/*
 * A line on the terminal that says what a long step is doing (at a
 * million households `check` takes 100 s, a backup 77 s): written on
 * stderr over what was there, only when stderr is a terminal and the
 * line fits on one of its lines (a wrapped line cannot be written over);
 * cleared before anything else is printed (cli.c).
 */
struct cli_busy {
	size_t	 len;		/* the bytes shown, to clear */
};
void	 cli_busy_show(struct cli_busy *, const char *text);
void	 cli_busy_clear(struct cli_busy *);

#endif
