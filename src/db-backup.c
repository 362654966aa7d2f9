/*
 * db-backup.c — backups and restores.
 *
 * A backup is VACUUM INTO a new, empty, private file: one consistent
 * snapshot, read while the others go on writing (WAL), without the free
 * pages (nothing erased lingers in it).  SQLite neither syncs that file
 * nor promises its journal mode, so the copy is then opened on its own:
 * set to a rollback journal, stamped with when it was made, checked
 * with integrity_check, closed, and synced with its folder.
 *
 * A restore copies a checked file into the open database with SQLite's
 * online backup API: one write transaction through the WAL, which the
 * other processes see whole, with no file renamed under them.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

#define BACKUP_TRIES	1000	/* names tried: -2 ... -999 */

/* Free what a backup's description owns. */
void
db_backup_info_clear(struct db_backup_info *info)
{
	free(info->path);
	memset(info, 0, sizeof *info);
}

/* The last part of path. */
static const char *
backup_basename(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* The file's name for the audit trail: its last part, control
 * characters as "?" (no such character goes into the database). */
static char *
backup_name_for_trail(const char *path)
{
	char	*s = xstrdup(backup_basename(path)), *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return s;
}

/* path as an absolute path (its folder resolved), a new string; NULL
 * with errno when the folder is not there.  VACUUM INTO and the
 * messages get one name that cannot be read as a URI. */
static char *
backup_absolute(const char *path)
{
	char	*dir, *real, *abs;

	dir = util_dirname(path);
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL)
		return NULL;
	abs = xasprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/",
	    backup_basename(path));
	free(real);
	return abs;
}

/* Remove a copy that failed, and whatever SQLite left beside it. */
static void
backup_remove(const char *path)
{
	static const char *const sides[] = { "-journal", "-wal", "-shm" };
	char	*p;
	size_t	 i;

	unlink(path);
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		p = xasprintf("%s%s", path, sides[i]);
		unlink(p);
		free(p);
	}
}

/* Create path, empty and private (0600), only if neither it nor a
 * journal of that name is there (SQLite would take an old one for the
 * new file's): 0, or -1 with errno (EEXIST: one is there). */
static int
backup_create(const char *path)
{
	static const char *const sides[] = { "-journal", "-wal", "-shm" };
	struct stat	 sb;
	char		*p;
	size_t		 i;
	int		 fd, saved, taken;

	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		p = xasprintf("%s%s", path, sides[i]);
		taken = lstat(p, &sb) == 0;
		free(p);
		if (taken) {
			errno = EEXIST;
			return -1;
		}
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1)
		return -1;
	/* The umask is 077 already (main.c); this holds whatever it is. */
	if (fchmod(fd, 0600) == -1) {
		saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	close(fd);
	return 0;
}

/* The failure to create a backup file, as a status and sentence. */
static enum db_status
backup_create_fail(struct db *db, const char *path, int err)
{
	if (err == EEXIST)
		return db_fail(db, DB_INVALID, N_("%s is there already, and a "
		    "backup never replaces a file. Give another name, or move "
		    "that file away first."), path);
	if (err == ENOSPC)
		return db_fail(db, DB_FULL, N_("The disk is full; no backup "
		    "was made."));
	return db_fail(db, DB_ERROR, N_("The backup %s could not be created "
	    "(%s)."), path, strerror(err));
}

/*
 * Create the first free name of stem + ext, stem-2 + ext, stem-3 + ext,
 * ...: the new path in *out, or a failure with the message set.
 */
static enum db_status
backup_create_free(struct db *db, const char *stem, const char *ext,
    char **out)
{
	enum db_status	 st;
	char		*p;
	int		 i;

	for (i = 1; i < BACKUP_TRIES; i++) {
		p = i == 1 ? xasprintf("%s%s", stem, ext) :
		    xasprintf("%s-%d%s", stem, i, ext);
		if (backup_create(p) == 0) {
			*out = p;
			return DB_OK;
		}
		if (errno != EEXIST) {
			st = backup_create_fail(db, p, errno);
			free(p);
			return st;
		}
		free(p);
	}
	return db_fail(db, DB_ERROR, N_("There are too many backups named "
	    "%s%s already; no backup was made."), stem, ext);
}

/* backups/velkomst-2019-06-01.db beside the database, created: the path
 * in *out.  The folder is made 0700 when it is not there. */
static enum db_status
backup_create_dated(struct db *db, char **out)
{
	char		*dir, *stem, day[11];
	struct stat	 sb;
	enum db_status	 st;

	dir = util_dirname(db->path);
	stem = xasprintf("%s/backups", dir);
	free(dir);
	dir = stem;
	if (mkdir(dir, 0700) == -1 && (errno != EEXIST ||
	    stat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode))) {
		st = db_fail(db, DB_ERROR, N_("The folder %s for backups could "
		    "not be made (%s)."), dir, strerror(errno == EEXIST ?
		    ENOTDIR : errno));
		free(dir);
		return st;
	}
	/* Named in full: the messages say where it is. */
	if ((stem = realpath(dir, NULL)) != NULL) {
		free(dir);
		dir = stem;
	}
	stem = xasprintf("%s/velkomst-%s", dir, util_date_iso(util_today(),
	    day));
	st = backup_create_free(db, stem, ".db", out);
	free(stem);
	free(dir);
	return st;
}

/* velkomst.db.before-restore-2019-06-01-1200 beside the database. */
static enum db_status
backup_create_aside(struct db *db, char **out)
{
	time_t		 t = time(NULL);
	struct tm	 tm;
	char		*stem, day[11], hm[8] = "0000";
	enum db_status	 st;

	if (localtime_r(&t, &tm) != NULL)
		strftime(hm, sizeof hm, "%H%M", &tm);
	stem = xasprintf("%s.before-restore-%s-%s", db->path,
	    util_date_iso(util_today(), day), hm);
	st = backup_create_free(db, stem, "", out);
	free(stem);
	return st;
}

/* VACUUM INTO the empty file at path: a snapshot of the database. */
static enum db_status
backup_vacuum(struct db *db, const char *path)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "VACUUM INTO ?1")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return DB_OK;
	if ((rc & 0xff) == SQLITE_FULL)
		return db_fail(db, DB_FULL, N_("The disk is full; no backup "
		    "was made."));
	return db_fail(db, DB_ERROR, N_("The backup %s could not be written "
	    "(%s)."), path, sqlite3_errmsg(db->h));
}

/* One integer (or text) from sql on connection h: SQLITE_OK or a code. */
static int
backup_one(sqlite3 *h, const char *sql, long long *num, char *text,
    size_t len)
{
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (num != NULL)
			*num = sqlite3_column_int64(st, 0);
		if (text != NULL) {
			s = (const char *)sqlite3_column_text(st, 0);
			snprintf(text, len, "%s", s != NULL ? s : "");
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		if (text != NULL)
			text[0] = '\0';
		rc = num != NULL ? SQLITE_ERROR : SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Keep the first line of integrity_check's first problem: "*** in
 * database main ***\nPage 81: ..." gives "Page 81: ...". */
static void
backup_first_line(char *why)
{
	static const char	 head[] = "*** in database main ***\n";
	size_t			 n = strlen(head);

	if (strncmp(why, head, n) == 0)
		memmove(why, why + n, strlen(why + n) + 1);
	why[strcspn(why, "\n")] = '\0';
}

/* PRAGMA integrity_check on h: SQLITE_OK when it says "ok", else a
 * code with the first problem in why. */
static int
backup_integrity(sqlite3 *h, char *why, size_t len)
{
	int	 rc;

	rc = backup_one(h, "PRAGMA integrity_check", NULL, why, len);
	if (rc != SQLITE_OK) {
		snprintf(why, len, "%s", sqlite3_errmsg(h));
		return rc;
	}
	if (strcmp(why, "ok") == 0)
		return SQLITE_OK;
	backup_first_line(why);
	return SQLITE_CORRUPT;
}

/* Stamp the copy on h with when it was made, and forget who was logged
 * in (a backup's rows mean nothing once restored). */
static int
backup_stamp(sqlite3 *h, const char *made)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_exec(h, "PRAGMA journal_mode = DELETE; "
	    "PRAGMA synchronous = FULL; BEGIN IMMEDIATE; "
	    "DELETE FROM logged_in", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(h, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('backup_made', ?1)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, made, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK :
		    sqlite3_errcode(h);
	}
	sqlite3_finalize(st);
	return sqlite3_exec(h, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL,
	    NULL, NULL) != SQLITE_OK && rc == SQLITE_OK ? SQLITE_ERROR : rc;
}

/* Open the copy at path on its own: a rollback journal, the stamp, the
 * check, what it holds; closed again. */
static enum db_status
backup_seal(struct db *db, const char *path, struct db_backup_info *out)
{
	sqlite3		*h = NULL;
	long long	 n = 0, v = 0;
	char		 why[256] = "";
	int		 rc;

	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = backup_stamp(h, out->made);
	if (rc == SQLITE_OK)
		rc = backup_integrity(h, why, sizeof why);
	else
		snprintf(why, sizeof why, "%s", h != NULL ? sqlite3_errmsg(h) :
		    sqlite3_errstr(rc));
	if (rc == SQLITE_OK &&
	    (rc = backup_one(h, "SELECT count(*) FROM household", &n, NULL,
	    0)) == SQLITE_OK)
		rc = backup_one(h, "PRAGMA user_version", &v, NULL, 0);
	if (rc != SQLITE_OK && why[0] == '\0')
		snprintf(why, sizeof why, "%s", sqlite3_errmsg(h));
	if (sqlite3_close(h) != SQLITE_OK && rc == SQLITE_OK) {
		rc = SQLITE_ERROR;
		snprintf(why, sizeof why, "%s", "close");
	}
	out->households = (long)n;
	out->schema = (long)v;
	if (rc == SQLITE_OK)
		return DB_OK;
	if ((rc & 0xff) == SQLITE_FULL)
		return db_fail(db, DB_FULL, N_("The disk is full; no backup "
		    "was made."));
	return db_fail(db, DB_ERROR, N_("The backup %s did not pass its check "
	    "(%s), so it was removed."), path, why);
}

/* fsync the file at path (as a folder with dir set). */
static int
backup_fsync(const char *path, int dir)
{
	int	 fd, rc, saved;

	fd = open(path, O_RDONLY | O_CLOEXEC | (dir ? O_DIRECTORY : 0));
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/* The copy on the disk: the file and its folder synced, nothing beside
 * it, its size. */
static enum db_status
backup_sync(struct db *db, const char *path, struct db_backup_info *out)
{
	struct stat	 sb;
	char		*dir = util_dirname(path), *side;
	int		 rc, err, beside;

	rc = backup_fsync(path, 0);
	if (rc == 0)
		rc = backup_fsync(dir, 1);
	err = errno;
	free(dir);
	if (rc == -1)
		return db_fail(db, err == ENOSPC ? DB_FULL : DB_ERROR,
		    N_("The backup %s could not be written to the disk (%s), "
		    "so it was removed."), path, strerror(err));
	side = xasprintf("%s-wal", path);
	beside = stat(side, &sb) == 0;
	free(side);
	if (beside || stat(path, &sb) == -1)
		return db_fail(db, DB_ERROR, N_("The backup %s could not be "
		    "closed as one file, so it was removed."), path);
	out->size = (long long)sb.st_size;
	return DB_OK;
}

/* Write the audit row of a backup made. */
static enum db_status
backup_note(struct db *db, const struct who *who, const char *path)
{
	enum db_status	 st;
	char		*name;

	if ((st = db_write_begin(db)) != DB_OK)
		return st;
	name = backup_name_for_trail(path);
	st = db_write_end(db, db_audit(db, who, "backup made", NULL, 0,
	    name));
	free(name);
	return st;
}

/* Make the copy at the empty file path (created by us): removed again
 * when a step fails. */
static enum db_status
backup_make(struct db *db, const struct who *who, char *path,
    struct db_backup_info *out)
{
	enum db_status	 st;

	memset(out, 0, sizeof *out);
	out->path = path;
	db_now(out->made);
	if ((st = backup_vacuum(db, path)) == DB_OK &&
	    (st = backup_seal(db, path, out)) == DB_OK &&
	    (st = backup_sync(db, path, out)) == DB_OK &&
	    (st = backup_note(db, who, path)) == DB_OK)
		return DB_OK;
	backup_remove(path);
	db_backup_info_clear(out);
	return st;
}

/* Who may make a backup, and of what. */
static enum db_status
backup_may(struct db *db, const struct who *who)
{
	enum db_status	 st;

	if ((st = db_check_who(db, who)) != DB_OK ||
	    (st = db_may(db, who, ACCESS_BACKUP)) != DB_OK)
		return st;
	if (db->readonly)
		return db_fail(db, DB_READONLY, N_("The database file %s is "
		    "read-only, so a backup cannot be recorded in the audit "
		    "trail; no backup was made."), db->path);
	if (strcmp(db->path, ":memory:") == 0)
		return db_fail(db, DB_INVALID, N_("A database in memory has "
		    "no backups."));
	return DB_OK;
}

/* A backup of the database into a new file. */
enum db_status
db_backup(struct db *db, const struct who *who, const char *path,
    struct db_backup_info *out)
{
	enum db_status	 st;
	char		*file = NULL;

	memset(out, 0, sizeof *out);
	if ((st = backup_may(db, who)) != DB_OK)
		return st;
	if (path == NULL)
		st = backup_create_dated(db, &file);
	else if ((file = backup_absolute(path)) == NULL)
		st = backup_create_fail(db, path, errno);
	else if (backup_create(file) == -1) {
		st = backup_create_fail(db, path, errno);
		free(file);
		file = NULL;
	}
	if (st != DB_OK)
		return st;
	return backup_make(db, who, file, out);
}

/* ---- restore ------------------------------------------------------------ */

/* 1 if the file path + suffix is there. */
static int
restore_beside(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p = xasprintf("%s%s", path, suffix);
	int		 there = lstat(p, &sb) == 0;

	free(p);
	return there;
}

/* The file itself, before SQLite opens it: a regular file, not the
 * database, nothing beside it that a database in use has. */
static enum db_status
restore_file(struct db *db, const char *path, struct db_backup_info *out)
{
	struct stat	 sb, dbsb;
	struct tm	 tm;
	time_t		 t;

	if (stat(path, &sb) == -1)
		return db_fail(db, DB_INVALID, N_("%s could not be opened "
		    "(%s)."), path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return db_fail(db, DB_INVALID, N_("%s is not a velkomst "
		    "database."), path);
	if (stat(db->path, &dbsb) == 0 && dbsb.st_dev == sb.st_dev &&
	    dbsb.st_ino == sb.st_ino)
		return db_fail(db, DB_INVALID, N_("%s is the database itself, "
		    "not a backup of it."), path);
	if (restore_beside(path, "-wal") || restore_beside(path, "-journal"))
		return db_fail(db, DB_INVALID, N_("%s is a database in use (a "
		    "-wal or -journal file is beside it), not a backup. Make a "
		    "backup of it with velkomst backup, and restore that."),
		    path);
	out->size = (long long)sb.st_size;
	t = sb.st_mtime;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out->made, sizeof out->made, "%Y-%m-%d %H:%M:%S",
	    &tm) == 0)
		out->made[0] = '\0';
	return DB_OK;
}

/* Open the file read-only as it is: immutable, so that nothing is made
 * beside it and nothing in it changes. */
static enum db_status
restore_open(struct db *db, const char *path, sqlite3 **h)
{
	char	*uri = db_immutable_uri(path);
	int	 rc;

	*h = NULL;
	rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc == SQLITE_OK)
		return DB_OK;
	db_fail(db, DB_INVALID, N_("%s could not be opened (%s)."), path,
	    *h != NULL ? sqlite3_errmsg(*h) : sqlite3_errstr(rc));
	sqlite3_close(*h);
	*h = NULL;
	return DB_INVALID;
}

/* The sentence for an SQLite failure reading the file. */
static enum db_status
restore_sqlite_fail(struct db *db, sqlite3 *h, const char *path, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB)
		return db_fail(db, DB_INVALID, N_("%s is not a velkomst "
		    "database."), path);
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return db_fail(db, DB_INVALID, N_("%s is damaged (%s)."), path,
		    sqlite3_errmsg(h));
	return db_fail(db, DB_INVALID, N_("%s could not be read (%s)."), path,
	    sqlite3_errmsg(h));
}

/* velkomst's, of a schema this velkomst knows: its schema in *v. */
static enum db_status
restore_kind(struct db *db, sqlite3 *h, const char *path, long long *v)
{
	long long	 appid = 0, meta = 0;
	int		 rc;

	if ((rc = backup_one(h, "PRAGMA application_id", &appid, NULL, 0)) !=
	    SQLITE_OK ||
	    (rc = backup_one(h, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name = 'meta'", &meta, NULL, 0)) != SQLITE_OK ||
	    (rc = backup_one(h, "PRAGMA user_version", v, NULL, 0)) !=
	    SQLITE_OK)
		return restore_sqlite_fail(db, h, path, rc);
	if (appid != DB_APPLICATION_ID || meta != 1 || *v < 1)
		return db_fail(db, DB_INVALID, N_("%s is not a velkomst "
		    "database."), path);
	if (*v > DB_SCHEMA_VERSION)
		return db_fail(db, DB_INVALID, N_("%s was made by a newer "
		    "velkomst (schema %lld); this velkomst knows schema %d."),
		    path, *v, DB_SCHEMA_VERSION);
	return DB_OK;
}

/* What the open file holds: velkomst's, a schema we know, whole; how
 * many households, and when the backup was made. */
static enum db_status
restore_look(struct db *db, sqlite3 *h, const char *path,
    struct db_backup_info *out)
{
	long long	 v = 0, n = 0;
	char		 why[256], made[20];
	enum db_status	 st;
	int		 rc;

	if ((st = restore_kind(db, h, path, &v)) != DB_OK)
		return st;
	if ((rc = backup_integrity(h, why, sizeof why)) != SQLITE_OK)
		return db_fail(db, DB_INVALID, N_("%s is damaged (%s)."), path,
		    why);
	if ((rc = backup_one(h, "SELECT count(*) FROM household", &n, NULL,
	    0)) != SQLITE_OK ||
	    (rc = backup_one(h, "SELECT value FROM meta WHERE key = "
	    "'backup_made'", NULL, made, sizeof made)) != SQLITE_OK)
		return restore_sqlite_fail(db, h, path, rc);
	if (made[0] != '\0')
		snprintf(out->made, sizeof out->made, "%s", made);
	out->schema = (long)v;
	out->households = (long)n;
	return DB_OK;
}

/* Open and look at the file at path; the open handle in *h (closed and
 * NULL on failure). */
static enum db_status
restore_open_checked(struct db *db, const char *path, sqlite3 **h,
    struct db_backup_info *out)
{
	enum db_status	 st;

	memset(out, 0, sizeof *out);
	*h = NULL;
	if ((st = restore_file(db, path, out)) != DB_OK ||
	    (st = restore_open(db, path, h)) != DB_OK)
		return st;
	if ((st = restore_look(db, *h, path, out)) != DB_OK) {
		sqlite3_close(*h);
		*h = NULL;
		return st;
	}
	out->path = xstrdup(path);
	return DB_OK;
}

/* Look at a file to restore from; change nothing. */
enum db_status
db_restore_check(struct db *db, const char *path,
    struct db_backup_info *out)
{
	sqlite3		*h;
	enum db_status	 st;

	if ((st = restore_open_checked(db, path, &h, out)) == DB_OK)
		sqlite3_close(h);
	return st;
}

/* Copy every page of src into the open database, as one write
 * transaction. */
static enum db_status
restore_copy(struct db *db, sqlite3 *src, const char *path)
{
	sqlite3_backup	*b;
	int		 rc, done;

	if ((b = sqlite3_backup_init(db->h, "main", src, "main")) == NULL)
		return db_fail(db, DB_ERROR, N_("%s could not be copied into "
		    "the database (%s)."), path, sqlite3_errmsg(db->h));
	/* The destination's busy timeout waits for another's write lock. */
	done = sqlite3_backup_step(b, -1);
	rc = sqlite3_backup_finish(b);
	if (done == SQLITE_DONE && rc == SQLITE_OK)
		return DB_OK;
	if (rc == SQLITE_OK)
		rc = done;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ||
	    (rc & 0xff) == SQLITE_FULL)
		return db_sqlite_fail(db, rc);
	return db_fail(db, DB_ERROR, N_("%s could not be copied into the "
	    "database (%s)."), path, sqlite3_errstr(rc));
}

/* Keep the database as it is now aside, as a backup beside it. */
static enum db_status
restore_aside(struct db *db, const struct who *who,
    struct db_backup_info *aside)
{
	enum db_status	 st;
	char		*file;

	if ((st = backup_create_aside(db, &file)) != DB_OK)
		return st;
	return backup_make(db, who, file, aside);
}

/* Replace the database's content with the file at path. */
enum db_status
db_restore(struct db *db, const struct who *who, const char *path,
    struct db_backup_info *aside)
{
	struct db_backup_info	 info;
	sqlite3			*src;
	enum db_status		 st;

	memset(aside, 0, sizeof *aside);
	if ((st = db_check_who(db, who)) != DB_OK ||
	    (st = db_may(db, who, ACCESS_RESTORE)) != DB_OK ||
	    (st = backup_may(db, who)) != DB_OK)
		return st;
	if ((st = restore_open_checked(db, path, &src, &info)) != DB_OK)
		return st;
	db_backup_info_clear(&info);
	if ((st = restore_aside(db, who, aside)) == DB_OK &&
	    (st = restore_copy(db, src, path)) != DB_OK)
		db_backup_info_clear(aside);
	sqlite3_close(src);
	return st;
}

/* After the restore: the rows of who was logged in go, and the trail
 * says what happened. */
enum db_status
db_restore_done(struct db *db, const struct who *who, const char *path)
{
	enum db_status	 st;
	char		*name;

	if ((st = db_check_who(db, who)) != DB_OK ||
	    (st = db_may(db, who, ACCESS_RESTORE)) != DB_OK ||
	    (st = db_write_begin(db)) != DB_OK)
		return st;
	name = backup_name_for_trail(path);
	if ((st = db_step_done(db, db_stmt(db, "DELETE FROM logged_in"))) ==
	    DB_OK &&
	    (st = db_step_done(db, db_stmt(db, "DELETE FROM meta WHERE key = "
	    "'backup_made'"))) == DB_OK)
		st = db_audit(db, who, "database restored", NULL, 0, name);
	free(name);
	return db_write_end(db, st);
}
