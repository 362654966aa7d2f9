/*
 * cli.c — what the subcommands share: opening the database (only as the
 * Unix account that owns it, and only when it is private), messages,
 * new secrets, exports recorded in the audit trail, times.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "util.h"

/*
 * Print "velkomst: MESSAGE" to stderr.  The message may quote stored
 * text (a name, a login), so each of its lines is made safe as the
 * tables are: no control character reaches the terminal.
 */
void
cli_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *line, *nl;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("velkomst: ", stderr);
	for (line = msg; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		cli_put_text(stderr, line);
		fputc('\n', stderr);
		if (nl != NULL && *nl == '\0')
			break;
	}
	free(msg);
}

/* The name a command's changes are recorded under: the Unix login. */
const char *
cli_who_name(void)
{
	return util_login();
}

/* The command line acts as the Unix account that owns the file: admin.
 * Run through sudo, the name also says who ran it ("velkomst (sudo
 * ole)"), so the trail names a person, not only the shared account;
 * util_sudo_user says when a command really came through sudo. */
const struct who *
cli_who(void)
{
	static struct who	 who;
	static char		 name[160];
	const char		*sudo = util_sudo_user();

	if (sudo != NULL && strlen(sudo) <= 32 &&
	    strcmp(sudo, util_login()) != 0 && !core_has_forbidden_chars(sudo))
		snprintf(name, sizeof name, "%s (sudo %s)", util_login(), sudo);
	else
		snprintf(name, sizeof name, "%s", util_login());
	who.name = name;
	who.account = 0;
	who.role = ROLE_ADMIN;
	return &who;
}

/* The path of --db, or the default path. */
char *
cli_db_path(const struct cli *cli)
{
	return cli->db_path != NULL ? xstrdup(cli->db_path) :
	    db_default_path();
}

/* The name of the Unix account uid, or its number, into buf. */
static const char *
cli_account_name(uid_t uid, char *buf, size_t len)
{
	struct passwd	*pw;

	if ((pw = getpwuid(uid)) != NULL)
		return pw->pw_name;
	snprintf(buf, len, "%lu", (unsigned long)uid);
	return buf;
}

/*
 * 0 if the database at path (when it is there) belongs to the account
 * running velkomst, else -1 with the reason printed: the command line
 * acts with the owner's rights, so no other account may use it.
 */
static int
cli_owner_ok(const char *path)
{
	struct stat	 sb;
	const char	*name;
	char		 buf[32];

	if (stat(path, &sb) == -1 || sb.st_uid == geteuid())
		return 0;
	name = cli_account_name(sb.st_uid, buf, sizeof buf);
	cli_error(_("%s belongs to the Unix account %s; run velkomst as "
	    "that account (for example: sudo -u %s velkomst ...)."), path,
	    name, name);
	return -1;
}

/* The first of the database's -wal and -shm that other Unix accounts
 * may read or write, as a new string; NULL if none.  (db_open checks
 * the database file itself.) */
static char *
cli_open_file(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm" };
	struct stat	 sb;
	char		*file;
	size_t		 i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		file = xasprintf("%s%s", path, suffix[i]);
		if (stat(file, &sb) == 0 && (sb.st_mode & 077) != 0)
			return file;
		free(file);
	}
	return NULL;
}

/*
 * A database others may read is refused (it holds residents' data).
 * Read-only first, so that a file that is no velkomst database at all
 * gets that answer and is left as it was.  Returns NULL.
 */
static struct db *
cli_refuse_open(const char *path, char *file)
{
	struct db	*db;
	char		*err = NULL;

	if ((db = db_open(path, DB_READ_ONLY, &err)) == NULL) {
		cli_error("%s", err != NULL ? err :
		    _("cannot open the database"));
		free(err);
	} else {
		db_close(db);
		cli_error(_("%s can be read by other users of this "
		    "computer, and it holds residents' data. Make it private "
		    "with: chmod 600 %s"), file, file);
	}
	free(file);
	return NULL;
}

/* 0 if there is a file at path (or it may be made), else -1 with what
 * to do printed. */
static int
cli_there(const char *path, int flags)
{
	struct stat	 sb;

	if ((flags & DB_CREATE) || stat(path, &sb) == 0 || errno != ENOENT)
		return 0;
	cli_error(_("There is no database at %s. Check --db, or make one "
	    "with: velkomst --db %s init"), path, path);
	return -1;
}

/* VELKOMST_BUSY_MS, when it is a number of milliseconds (0 to 600000):
 * how long a change waits for another's write lock (tests shorten it). */
static void
cli_busy(struct db *db)
{
	const char	*s = getenv("VELKOMST_BUSY_MS");
	char		*end;
	long		 ms;

	if (s == NULL || *s == '\0')
		return;
	errno = 0;
	ms = strtol(s, &end, 10);
	if (errno == 0 && *end == '\0' && ms >= 0 && ms <= 600000)
		db_set_busy_timeout(db, (int)ms);
}

/* Give visits stored before schema 7 their items' Danish titles from
 * the checklist of the configuration (db_visit_fill_titles). */
static void
cli_fill_titles(struct db *db, const struct conf *conf)
{
	const char	**keys, **da;
	size_t		  i, n;

	if (conf == NULL)
		return;
	n = conf->nchecklist;
	keys = xcalloc(n + 1, sizeof *keys);
	da = xcalloc(n + 1, sizeof *da);
	for (i = 0; i < n; i++) {
		keys[i] = conf->checklist[i].key;
		da[i] = conf->checklist[i].title_da;
	}
	if (db_visit_fill_titles(db, n, keys, da) != DB_OK)
		cli_error("%s", _(db_errmsg(db)));
	free(keys);
	free(da);
}

/* Open the database of --db or the default path; print why not. */
struct db *
cli_open_db(const struct cli *cli, int flags)
{
	struct db	*db = NULL;
	char		*path, *file, *err = NULL;

	path = cli_db_path(cli);
	if (cli_there(path, flags) != 0 || cli_owner_ok(path) != 0)
		;
	else if ((file = cli_open_file(path)) != NULL)
		cli_refuse_open(path, file);
	else if ((db = db_open(path, flags, &err)) == NULL) {
		cli_error("%s", err != NULL ? err : _("cannot open the database"));
		free(err);
	} else {
		cli_busy(db);
		if (db_notice(db) != NULL)	/* what opening repaired */
			cli_error("%s", db_notice(db));
		cli_fill_titles(db, cli->conf);
	}
	free(path);
	return db;
}

/*
 * 0 if login may be the login of a new account, else 2 with the reason
 * printed: the rule of db_account_add, checked before a secret is asked
 * so that nobody types a PIN twice for nothing.
 */
int
cli_login_ok(const char *login)
{
	const char	*why = NULL;
	size_t		 i;
	char		 c;

	if (login[0] == '\0')
		why = N_("The login is empty.");
	else if (strlen(login) > ACCOUNT_LOGIN_MAX)
		why = N_("A login has at most 32 characters.");
	for (i = 0; why == NULL && login[i] != '\0'; i++) {
		c = login[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '.' || c == '_' || c == '-')))
			continue;
		why = N_("A login has only the letters a to z, digits and "
		    ". _ - and starts with a letter or a digit.");
	}
	if (why == NULL)
		why = core_check_login(login);	/* also: not a CPR number */
	if (why == NULL)
		return 0;
	cli_error("%s", _(why));
	return 2;
}

/* A callback of cli_each_household, and its context. */
struct cli_each {
	void	(*fn)(void *, const struct household_row *);
	void	 *ctx;
};

/* Pass one household on to the command's callback. */
static int
cli_each_one(struct db *db, void *ctx, const struct household_row *r)
{
	struct cli_each	*e = ctx;

	(void)db;
	e->fn(e->ctx, r);
	return 0;
}

/*
 * Call fn(ctx, row) for every household of q, fetched a page at a time
 * (keyset paging).  Returns how many, or -1 with the reason printed.
 */
long
cli_each_household(struct db *db, const struct household_query *q,
    void (*fn)(void *, const struct household_row *), void *ctx)
{
	struct who	who = *cli_who();
	struct cli_each	e = { fn, ctx };
	long		n;

	if ((n = export_each_household(db, &who, q, cli_each_one, &e)) < 0)
		cli_error("%s", _(db_errmsg(db)));
	return n;
}

/* How many households q matches; -1 with the reason printed. */
long
cli_count_households(struct db *db, const struct household_query *q)
{
	struct who	who = *cli_who();
	long		n;

	if (db_household_count(db, &who, q, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return n;
}

/* ---- accounts and the audit trail -------------------------------------- */

/* The account policy of the configuration. */
void
cli_policy(const struct conf *conf, struct account_policy *p)
{
	memset(p, 0, sizeof *p);
	p->lockout.max_failures = conf->lock_failures;
	p->lockout.lock_seconds = conf->lock_minutes * 60L;
	p->cost = (enum secret_cost)conf->hash_cost;
}

/* Read one secret; 0, or 1 with the reason printed. */
static int
cli_read_secret(const char *prompt, int from_stdin, char *buf, size_t size)
{
	const char	*why;

	if (util_read_secret(prompt, from_stdin, buf, size) == 0)
		return 0;
	why = util_secret_why();
	cli_error("%s", why != NULL ? _(why) : _("Nothing was read."));
	return 1;
}

/* Read the secret again into again (from stdin: if there is a line). */
static int
cli_secret_again(int pin, int from_stdin, const char *buf, char *again,
    size_t size)
{
	int	 same;

	if (util_read_secret(_("Again: "), from_stdin, again, size) != 0) {
		if (from_stdin && util_secret_at_end())
			return 0;	/* one line only: fine */
		cli_error("%s", _(util_secret_why()));
		return 1;
	}
	same = strcmp(buf, again) == 0;
	if (same)
		return 0;
	cli_error("%s", pin ? _("The two PINs are not the same; nothing "
	    "was changed.") : _("The two passwords are not the same; "
	    "nothing was changed."));
	return 1;
}

/* Read a new secret for login, twice, and check it for the role. */
int
cli_new_secret(const char *login, int role, int from_stdin, char *buf,
    size_t size)
{
	char		*prompt, *again;
	const char	*why;
	int		 pin = role == ROLE_AMBASSADOR, rc;

	prompt = pin ? xasprintf(_("PIN for %s: "), login) :
	    xasprintf(_("Password for %s: "), login);
	rc = cli_read_secret(prompt, from_stdin, buf, size);
	free(prompt);
	if (rc != 0)
		return 1;
	if ((why = core_check_secret((enum role)role, buf)) != NULL) {
		core_secret_wipe(buf, size);
		cli_error("%s", _(why));
		return 1;
	}
	again = xmalloc(size);
	rc = cli_secret_again(pin, from_stdin, buf, again, size);
	core_secret_wipe(again, size);
	free(again);
	if (rc != 0)
		core_secret_wipe(buf, size);
	return rc;
}

/* ---- exports ------------------------------------------------------------ */

static const char cli_export_failed[] = N_("The export could not be "
    "recorded in the audit trail, so nothing was exported.");

/* Record the export (of record of table, if set) in the audit trail
 * through rec (its own transaction); 0, or 1 with the reason printed. */
static int
cli_export_note(struct db *rec, const char *table, long record,
    const char *detail)
{
	if (db_audit_note(rec, cli_who(), "export", table, record, detail) !=
	    DB_OK) {
		cli_error("%s", _(cli_export_failed));
		cli_error("%s", _(db_errmsg(rec)));
		return 1;
	}
	return 0;
}

/* Open the database of an export and begin its snapshot; NULL with the
 * reason printed. */
static struct db *
cli_export_open(const struct cli *cli)
{
	struct db	*db;

	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		return NULL;
	if (db_readonly(db)) {
		cli_error(_("%s cannot be written, so the export cannot be "
		    "recorded in the audit trail; nothing was exported."),
		    db_path(db));
		db_close(db);
		return NULL;
	}
	if (db_snapshot_begin(db) != DB_OK) {
		cli_error("%s", _(cli_export_failed));
		cli_error("%s", _(db_errmsg(db)));
		db_close(db);
		return NULL;
	}
	return db;
}

/* An export's steps: see cli.h. */
int
cli_export_steps(const struct cli *cli, const struct cli_export_step *st,
    void *ctx)
{
	return cli_export_record(cli, st, NULL, 0, ctx);
}

/* An export's steps, recorded as of one record: see cli.h. */
int
cli_export_record(const struct cli *cli, const struct cli_export_step *st,
    const char *table, long record, void *ctx)
{
	struct db	*db, *rec = NULL;
	char		*detail = NULL;
	long		 n = -1;
	int		 rc = 1, kept = 0;

	if ((db = cli_export_open(cli)) == NULL)
		return 1;
	/* The rows counted and the rows written come from one snapshot.
	 * Kept in memory, they no longer need it, and the audit row is
	 * written on the same connection.  Otherwise a second connection
	 * writes it while the snapshot stays open, so that nobody else's
	 * change waits for a long export. */
	if ((n = st->count(db, ctx)) >= 0 && st->keep != NULL)
		kept = st->keep(db, ctx, n);
	if (kept == 1) {
		db_snapshot_end(db);
		if (cli_export_note(db, table, record, detail =
		    st->detail(ctx, n)) == 0)
			rc = st->write(NULL, ctx, n);
	} else if (n >= 0 && kept == 0 &&
	    (rec = cli_open_db(cli, DB_NO_SETUP)) != NULL &&
	    cli_export_note(rec, table, record, detail = st->detail(ctx,
	    n)) == 0)
		rc = st->write(db, ctx, n);
	free(detail);
	if (rec != NULL)
		db_close(rec);
	db_snapshot_end(db);
	db_close(db);
	return rc;
}

/* A list command's export: what it prints, and how. */
struct cli_print {
	const char	*what;
	int		 tsv;
	long		(*print)(struct db *, FILE *, void *);
	void		*ctx;
	long		(*count)(struct db *, void *);	/* or NULL */
	char		*kept;		/* the rows printed into memory */
	size_t		 kept_len;
};

/* Count the rows of an export in the snapshot of db (printed to
 * nowhere); the count, or -1 with the reason printed. */
static long
cli_print_count(struct db *db, void *ctx)
{
	struct cli_print	*p = ctx;
	FILE			*null;
	long			 n;

	if (p->count != NULL)
		return p->count(db, p->ctx);
	if ((null = fopen("/dev/null", "w")) == NULL) {
		cli_error(_("cannot open /dev/null: %s"), strerror(errno));
		return -1;
	}
	n = p->print(db, null, p->ctx);
	fclose(null);
	return n;
}

/* The audit row of a list command's export. */
static char *
cli_print_detail(void *ctx, long rows)
{
	struct cli_print	*p = ctx;

	/* The trail's content stays in English, whatever the language. */
	return xasprintf("%s %s %ld %s", p->what, p->tsv ? "tsv" : "text",
	    rows, rows == 1 ? "row" : "rows");
}

/* Print up to CLI_KEEP_ROWS rows into memory: 1, 0 for more rows, or -1
 * with the reason printed. */
static int
cli_print_keep(struct db *db, void *ctx, long n)
{
	struct cli_print	*p = ctx;
	FILE			*mem;
	long			 got;

	if (n > CLI_KEEP_ROWS)
		return 0;
	if ((mem = open_memstream(&p->kept, &p->kept_len)) == NULL) {
		cli_error(_("the export could not be written: %s"),
		    strerror(errno));
		return -1;
	}
	got = p->print(db, mem, p->ctx);
	if (fclose(mem) != 0 || got != n) {
		if (got >= 0)
			cli_error(_("the export could not be written: %s"),
			    strerror(got == n ? errno : EIO));
		return -1;
	}
	return 1;
}

/* Print the rows to standard output: those kept in memory (db NULL), or
 * from the snapshot of db. */
static int
cli_print_write(struct db *db, void *ctx, long n)
{
	struct cli_print	*p = ctx;
	int			 rc = 1;

	if (db == NULL) {
		if (fwrite(p->kept, 1, p->kept_len, stdout) == p->kept_len)
			rc = 0;
	} else if (p->print(db, stdout, p->ctx) == n)
		rc = 0;
	if (fflush(stdout) != 0) {
		cli_error(_("the export could not be written: %s"),
		    strerror(errno));
		rc = 1;
	}
	return rc;
}

/* Print an export, recorded in the audit trail first; the exit code. */
int
cli_export(const struct cli *cli, const char *what, int tsv,
    long (*print)(struct db *, FILE *, void *), void *ctx)
{
	return cli_export_counted(cli, what, tsv, NULL, print, ctx);
}

/* An export whose rows count(db, ctx) counts without printing them
 * (count NULL: print counts them, printing to nowhere). */
int
cli_export_counted(const struct cli *cli, const char *what, int tsv,
    long (*count)(struct db *, void *), long (*print)(struct db *, FILE *,
    void *), void *ctx)
{
	return cli_export_counted_of(cli, what, tsv, NULL, 0, count, print,
	    ctx);
}

/* The same, its audit row naming record of table (table NULL: none). */
int
cli_export_counted_of(const struct cli *cli, const char *what, int tsv,
    const char *table, long record, long (*count)(struct db *, void *),
    long (*print)(struct db *, FILE *, void *), void *ctx)
{
	static const struct cli_export_step st = { cli_print_count,
	    cli_print_detail, cli_print_write, cli_print_keep };
	struct cli_print	p = { what, tsv, print, ctx, count, NULL, 0 };
	int			rc;

	rc = cli_export_record(cli, &st, table, record, &p);
	free(p.kept);
	return rc;
}

/* The flags of util_time_local for a command's time. */
static int
cli_time_flags(int iso, int seconds)
{
	return (iso ? UTIL_TIME_ISO : 0) | (seconds ? UTIL_TIME_SECONDS : 0);
}

/* The local time of a UTC text as the database keeps it. */
char *
cli_time(const char *utc, int iso, int seconds, char *buf)
{
	return util_time_local(utc, cli_time_flags(iso, seconds), buf);
}

/* The local time of seconds since the epoch. */
char *
cli_time_at(long long at, int iso, int seconds, char *buf)
{
	return util_time_local_at(at, cli_time_flags(iso, seconds), buf);
}

/* Make the new file path (0600; never over an existing file): its
 * descriptor, or -1 with the reason printed. */
int
cli_create_file(const char *path)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOCTTY, 0600)) >= 0)
		return fd;
	if (errno == EEXIST)
		cli_error(_("%s is there already; velkomst does not write over "
		    "a file.  Give another name, or remove it first."), path);
	else
		cli_error(_("%s cannot be made: %s."), path, strerror(errno));
	return -1;
}

/* Clear the busy line, if one shows. */
void
cli_busy_clear(struct cli_busy *b)
{
	if (b->len == 0)
		return;
	fprintf(stderr, "\r%*s\r", (int)b->len, "");
	fflush(stderr);
	b->len = 0;
}

/* Show text as the busy line, in the place of the one that shows. */
void
cli_busy_show(struct cli_busy *b, const char *text)
{
	struct winsize	ws;
	size_t		n = strlen(text);

	cli_busy_clear(b);
	if (!isatty(STDERR_FILENO) ||
	    (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    n >= ws.ws_col))
		return;
	fflush(stdout);
	fprintf(stderr, "\r%s", text);
	fflush(stderr);
	b->len = n;
}
