/*
 * db-logged-in.c — who is logged in to the screens now: a row per
 * velkomst process (login, pid, host, since), written at a login and
 * removed at the logout.  A process killed, or a computer restarted,
 * leaves its row behind: a row of a process on this host that runs no
 * more is stale and counts for nothing.  A restore asks who is here.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* This computer's name into buf ("" when it has none). */
static void
logged_in_host(char *buf, size_t len)
{
	if (gethostname(buf, len) == -1)
		buf[0] = '\0';
	buf[len - 1] = '\0';
}

/* Write that who logged in here, now; the row's id or 0. */
long
db_logged_in_add(struct db *db, const struct who *who)
{
	sqlite3_stmt	*st;
	char		 host[HOST_NAME_MAX + 1], now[20];
	long		 id = 0;

	if (db->readonly || who == NULL || who->name == NULL ||
	    who->name[0] == '\0' || db_write_begin(db) != DB_OK)
		return 0;
	logged_in_host(host, sizeof host);
	st = db_stmt(db, "INSERT INTO logged_in (login, pid, host, since) "
	    "VALUES (?1, ?2, ?3, ?4)");
	if (st != NULL) {
		sqlite3_bind_text(st, 1, who->name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
		sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, db_now(now), -1, SQLITE_TRANSIENT);
	}
	if (db_write_end(db, db_step_done(db, st)) == DB_OK)
		id = (long)sqlite3_last_insert_rowid(db->h);
	return id;
}

/* Take row id of this process away. */
void
db_logged_in_remove(struct db *db, long id)
{
	sqlite3_stmt	*st;

	if (id <= 0 || db->readonly || db_write_begin(db) != DB_OK)
		return;
	/* The pid too: a restore may have brought back another row of
	 * this id. */
	st = db_stmt(db, "DELETE FROM logged_in WHERE id = ?1 AND pid = ?2");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)getpid());
	}
	db_write_end(db, db_step_done(db, st));
}

/* 1 if the row's process is known to run no more: on this host, and
 * no process has its pid (EPERM: one runs, as another account). */
static int
logged_in_stale(sqlite3_stmt *st, const char *host)
{
	const char	*h = (const char *)sqlite3_column_text(st, 2);
	sqlite3_int64	 pid = sqlite3_column_int64(st, 1);

	if (h == NULL || strcmp(h, host) != 0)
		return 0;	/* another computer: it cannot be told */
	if (pid <= 0 || pid > INT_MAX)
		return 1;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/* Remove the stale rows, when the database can be written (else they
 * are only left out). */
static void
logged_in_prune(struct db *db, const char *host)
{
	sqlite3_stmt	*st, *del;
	int		 rc;

	if (db->readonly || db_write_begin(db) != DB_OK)
		return;
	st = db_stmt(db, "SELECT id, pid, host FROM logged_in");
	del = db_prepare(db, "DELETE FROM logged_in WHERE id = ?1");
	rc = st != NULL && del != NULL ? SQLITE_ROW : SQLITE_ERROR;
	while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!logged_in_stale(st, host))
			continue;
		sqlite3_bind_int64(del, 1, sqlite3_column_int64(st, 0));
		if (sqlite3_step(del) != SQLITE_DONE)
			rc = SQLITE_ERROR;
		sqlite3_reset(del);
	}
	if (st != NULL)
		sqlite3_reset(st);
	sqlite3_finalize(del);
	db_write_end(db, rc == SQLITE_DONE ? DB_OK : DB_ERROR);
}

/* Everyone logged in in another process, the stale rows left out. */
long
db_logged_in_list(struct db *db, const struct who *who,
    void (*fn)(void *, const struct logged_in *), void *ctx)
{
	struct logged_in	 r;
	sqlite3_stmt		*st;
	char			 host[HOST_NAME_MAX + 1];
	long			 n = 0;
	int			 rc;

	if (db_may(db, who, ACCESS_AUDIT) != DB_OK)
		return -1;
	logged_in_host(host, sizeof host);
	logged_in_prune(db, host);
	st = db_stmt(db, "SELECT login, pid, host, since FROM logged_in "
	    "WHERE NOT (pid = ?1 AND host = ?2) ORDER BY since, id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)getpid());
	sqlite3_bind_text(st, 2, host, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (logged_in_stale(st, host))
			continue;
		r.login = (char *)sqlite3_column_text(st, 0);
		r.pid = (long)sqlite3_column_int64(st, 1);
		r.host = (char *)sqlite3_column_text(st, 2);
		r.since = (char *)sqlite3_column_text(st, 3);
		if (fn != NULL)
			fn(ctx, &r);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_sqlite_fail(db, rc);
		return -1;
	}
	return n;
}
