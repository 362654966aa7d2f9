/*
 * db-chain.c — the audit trail's chain, its guard triggers, and how
 * `velkomst check` reads them.
 *
 * Each audit row keeps a hash (core_chain_hash, BLAKE2b) of the row
 * velkomst wrote before it and of its own fields; meta keeps the newest
 * row's id and hash ("audit_head").  A row changed, removed or put in
 * with the stock sqlite3 tool then no longer fits, and rows removed from
 * the end leave the head pointing past the trail.  New rows chain to the
 * head, not to whatever row is last, and take the id after it, so rows
 * removed from the end stay visible after the next change.  Anyone who
 * can write the file can compute a whole new chain: this is evidence
 * against casual edits, not proof against a determined one.
 *
 * The triggers audit_no_update and audit_no_delete refuse UPDATE and
 * DELETE; db_open puts back one that is missing or changed and says so
 * (db_notice), and writes that in the trail.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* The hashed fields of a row, in order: id, at, account_id, login,
 * command_line, kind, tbl, record, detail. */
#define CHAIN_FIELDS	9
/* The most rows of the chain `check` names one by one. */
#define CHAIN_REPORT_MAX	20

/* The triggers that guard the trail, exactly as migration 5 made them
 * (SQLite keeps the text of a CREATE TRIGGER as it was written). */
static const struct {
	const char	*name;
	const char	*sql;
} chain_triggers[] = {
	{ "audit_no_update", "CREATE TRIGGER audit_no_update BEFORE UPDATE "
	    "ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit trail cannot be "
	    "changed'); END" },
	{ "audit_no_delete", "CREATE TRIGGER audit_no_delete BEFORE DELETE "
	    "ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit trail cannot be "
	    "changed'); END" },
};
#define NCHAIN_TRIGGERS	(sizeof chain_triggers / sizeof chain_triggers[0])

/* The newest row velkomst wrote, as meta keeps it. */
struct chain_head {
	int		 present;	/* meta has one */
	int		 readable;	/* ... and it could be read */
	long long	 id;
	unsigned char	 hash[CORE_CHAIN_BYTES];
};

/* Read a head written as "ID HASH" into h; 1 if it is one. */
static int
chain_head_parse(const char *v, struct chain_head *h)
{
	char	*end;

	if (v == NULL || *v < '1' || *v > '9')
		return 0;
	errno = 0;
	h->id = strtoll(v, &end, 10);
	if (errno != 0 || h->id <= 0 || h->id == LLONG_MAX || *end != ' ')
		return 0;
	end++;
	return core_chain_unhex(end, strlen(end), h->hash) == 0;
}

/* Read the head from meta. */
static enum db_status
chain_head_read(struct db *db, struct chain_head *h)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(h, 0, sizeof *h);
	st = db_stmt(db, "SELECT value FROM meta WHERE key = 'audit_head'");
	if (st == NULL)
		return DB_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h->present = 1;
		h->readable = chain_head_parse((const char *)
		    sqlite3_column_text(st, 0), h);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	if (!h->readable) {
		h->id = 0;
		memset(h->hash, 0, sizeof h->hash);
	}
	return DB_OK;
}

/* Make id and hash the head. */
static enum db_status
chain_head_write(struct db *db, long long id,
    const unsigned char hash[CORE_CHAIN_BYTES])
{
	sqlite3_stmt	*st;
	char		 hex[CORE_CHAIN_HEX], *v;
	enum db_status	 s;

	st = db_stmt(db, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('audit_head', ?1)");
	if (st == NULL)
		return DB_ERROR;
	v = xasprintf("%lld %s", id, core_chain_hex(hash, hex));
	sqlite3_bind_text(st, 1, v, -1, SQLITE_TRANSIENT);
	s = db_step_done(db, st);
	free(v);
	return s;
}

/* Field i of f: a C string, or NULL. */
static void
chain_set(struct core_chain_field *f, const char *s)
{
	f->s = s;
	f->len = s != NULL ? strlen(s) : 0;
}

/* The fields of a row to be written, with the integers as SQLite gives
 * them as text (num holds them). */
static void
chain_fields(const struct db_audit_fields *r, char num[4][24],
    struct core_chain_field f[CHAIN_FIELDS])
{
	snprintf(num[0], sizeof num[0], "%lld", r->id);
	snprintf(num[1], sizeof num[1], "%lld", r->account);
	snprintf(num[2], sizeof num[2], "%d", r->command_line);
	snprintf(num[3], sizeof num[3], "%lld", r->record);
	chain_set(&f[0], num[0]);
	chain_set(&f[1], r->at);
	chain_set(&f[2], r->account > 0 ? num[1] : NULL);
	chain_set(&f[3], r->login);
	chain_set(&f[4], num[2]);
	chain_set(&f[5], r->kind);
	chain_set(&f[6], r->table);
	chain_set(&f[7], num[3]);
	chain_set(&f[8], r->detail);
}

/* The newest id in the trail (0 for none). */
static enum db_status
chain_last_id(struct db *db, long long *id)
{
	sqlite3_stmt	*st;
	int		 rc;

	*id = 0;
	if ((st = db_stmt(db, "SELECT coalesce(max(id), 0) FROM audit")) ==
	    NULL)
		return DB_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* Insert row r (its id set) with hash. */
static enum db_status
chain_insert_row(struct db *db, const struct db_audit_fields *r,
    const unsigned char hash[CORE_CHAIN_BYTES])
{
	sqlite3_stmt	*st;
	char		 hex[CORE_CHAIN_HEX];

	st = db_stmt(db, "INSERT INTO audit (id, at, account_id, login, "
	    "command_line, kind, tbl, record, detail, hash) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_text(st, 2, r->at, -1, SQLITE_TRANSIENT);
	if (r->account > 0)
		sqlite3_bind_int64(st, 3, r->account);
	if (r->login != NULL)
		sqlite3_bind_text(st, 4, r->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, r->command_line);
	if (r->kind != NULL)
		sqlite3_bind_text(st, 6, r->kind, -1, SQLITE_TRANSIENT);
	if (r->table != NULL)
		sqlite3_bind_text(st, 7, r->table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, r->record);
	if (r->detail != NULL)
		sqlite3_bind_text(st, 9, r->detail, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, core_chain_hex(hash, hex), -1,
	    SQLITE_TRANSIENT);
	return db_step_done(db, st);
}

/* Write row r (r->id is set here) at the end of the chain, inside the
 * current write transaction. */
enum db_status
db_chain_append(struct db *db, struct db_audit_fields *r)
{
	struct core_chain_field	 f[CHAIN_FIELDS];
	struct chain_head	 head;
	enum db_status		 s;
	unsigned char		 hash[CORE_CHAIN_BYTES];
	char			 num[4][24];
	long long		 last;

	/* In a bulk batch (the demo) no one else writes until it commits:
	 * the head is held here and written once, at its end. */
	if (db->bulk && db->chain_held) {
		last = head.id = db->chain_id;
		memcpy(head.hash, db->chain_hash, sizeof head.hash);
	} else if ((s = chain_head_read(db, &head)) != DB_OK ||
	    (s = chain_last_id(db, &last)) != DB_OK)
		return s;
	/* After the head even when rows past it were removed, so that the
	 * gap shows. */
	if (head.id > last)
		last = head.id;
	if (last == LLONG_MAX)		/* a row put there with another tool */
		return db_fail(db, DB_ERROR, N_("The audit trail cannot go on: "
		    "its last row was changed with another tool. Run "
		    "\"velkomst check\"."));
	r->id = last + 1;
	chain_fields(r, num, f);
	core_chain_hash(head.hash, f, CHAIN_FIELDS, hash);
	if ((s = chain_insert_row(db, r, hash)) != DB_OK)
		return s;
	if (db->bulk) {
		db->chain_held = 1;
		db->chain_id = r->id;
		memcpy(db->chain_hash, hash, sizeof db->chain_hash);
		return DB_OK;
	}
	return chain_head_write(db, r->id, hash);
}

_Static_assert(sizeof ((struct db *)0)->chain_hash == CORE_CHAIN_BYTES,
    "db.chain_hash holds one hash of the chain");

/* Write the head a bulk batch held, and hold it no more. */
enum db_status
db_chain_flush(struct db *db)
{
	if (!db->chain_held)
		return DB_OK;
	db->chain_held = 0;
	return chain_head_write(db, db->chain_id, db->chain_hash);
}

/* ---- reading a row as it is stored ---------------------------------- */

/* The columns of a row as the chain hashes them (the statement's first
 * CHAIN_FIELDS columns); NULL stays NULL. */
static void
chain_columns(sqlite3_stmt *st, struct core_chain_field f[CHAIN_FIELDS])
{
	int	 i;

	for (i = 0; i < CHAIN_FIELDS; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL) {
			f[i].s = NULL;
			f[i].len = 0;
			continue;
		}
		f[i].s = (const char *)sqlite3_column_text(st, i);
		f[i].len = (size_t)sqlite3_column_bytes(st, i);
		if (f[i].s == NULL)
			f[i].s = "";
	}
}

#define CHAIN_SELECT	"SELECT id, at, account_id, login, command_line, " \
	"kind, tbl, record, detail, hash FROM audit ORDER BY id"

/* Give every row of the trail its hash, oldest first, and make the last
 * the head (migration 6: the rows written before there was a chain). */
enum db_status
db_chain_migrate(struct db *db)
{
	struct core_chain_field	 f[CHAIN_FIELDS];
	sqlite3_stmt		*st, *up;
	enum db_status		 s = DB_OK;
	unsigned char		 prev[CORE_CHAIN_BYTES] = { 0 };
	char			 hex[CORE_CHAIN_HEX];
	long long		 id = 0;
	int			 rc;

	if ((st = db_prepare(db, CHAIN_SELECT)) == NULL)
		return DB_ERROR;
	if ((up = db_prepare(db, "UPDATE audit SET hash = ?2 WHERE id = ?1")) ==
	    NULL) {
		sqlite3_finalize(st);
		return DB_ERROR;
	}
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		chain_columns(st, f);
		id = sqlite3_column_int64(st, 0);
		core_chain_hash(prev, f, CHAIN_FIELDS, prev);
		sqlite3_bind_int64(up, 1, id);
		sqlite3_bind_text(up, 2, core_chain_hex(prev, hex), -1,
		    SQLITE_TRANSIENT);
		s = db_step_done(db, up);
	}
	if (s == DB_OK && rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	if (s == DB_OK && id > 0)
		s = chain_head_write(db, id, prev);
	else if (s == DB_OK && (rc = db_exec(db, "DELETE FROM meta WHERE "
	    "key = 'audit_head'")) != SQLITE_OK)
		s = db_sqlite_fail(db, rc);
	if (s == DB_OK && (rc = db_exec(db, chain_triggers[0].sql)) !=
	    SQLITE_OK)
		s = db_sqlite_fail(db, rc);
	return s;
}

/* ---- the guard triggers ---------------------------------------------- */

/* 1 if trigger i is there as velkomst made it. */
static int
chain_trigger_ok(struct db *db, size_t i)
{
	sqlite3_stmt	*st;
	const char	*sql;
	int		 ok = 0;

	st = db_stmt(db, "SELECT sql FROM sqlite_master WHERE type = "
	    "'trigger' AND name = ?1 AND tbl_name = 'audit'");
	if (st == NULL)
		return 1;	/* cannot tell: leave it */
	sqlite3_bind_text(st, 1, chain_triggers[i].name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sql = (const char *)sqlite3_column_text(st, 0);
		ok = sql != NULL && strcmp(sql, chain_triggers[i].sql) == 0;
	}
	sqlite3_reset(st);
	return ok;
}

/* Put back the triggers that are missing or changed, inside a write
 * transaction; *names gets their names (new) or NULL for none. */
static enum db_status
chain_restore(struct db *db, char **names)
{
	char		*sql, *t;
	size_t		 i;
	int		 rc;

	*names = NULL;
	for (i = 0; i < NCHAIN_TRIGGERS; i++) {
		if (chain_trigger_ok(db, i))
			continue;
		sql = xasprintf("DROP TRIGGER IF EXISTS %s; %s",
		    chain_triggers[i].name, chain_triggers[i].sql);
		rc = db_exec(db, sql);
		free(sql);
		if (rc != SQLITE_OK)
			return db_sqlite_fail(db, rc);
		t = xasprintf("%s%s%s", *names != NULL ? *names : "",
		    *names != NULL ? ", " : "", chain_triggers[i].name);
		free(*names);
		*names = t;
	}
	if (*names == NULL)
		return DB_OK;
	return db_audit(db, NULL, "audit trail repaired", NULL, 0, *names);
}

/* Set the notice of what opening did. */
static void
chain_notice(struct db *db, const char *fmt, const char *arg)
{
	free(db->notice);
	db->notice = xasprintf(_(fmt), arg);
}

/*
 * On open (not read-only): put back a guard trigger that someone
 * dropped or changed, note it in the trail and in db_notice().  A
 * failure does not stop the open: the notice says so.
 */
void
db_chain_guard(struct db *db)
{
	enum db_status	 s;
	char		*names = NULL;
	size_t		 i;

	for (i = 0; i < NCHAIN_TRIGGERS && chain_trigger_ok(db, i); i++)
		;
	if (i == NCHAIN_TRIGGERS)
		return;
	if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, chain_restore(db, &names));
	if (s == DB_OK && names != NULL)
		chain_notice(db, N_("The audit trail's protection (%s) was "
		    "removed with another tool; velkomst has put it back. Run "
		    "\"velkomst check\"."), names);
	else if (s != DB_OK)
		chain_notice(db, N_("The audit trail's protection was removed "
		    "with another tool, and cannot be put back now (%s)."),
		    db_errmsg(db));
	free(names);
}

/* What opening the database repaired, or NULL. */
const char *
db_notice(const struct db *db)
{
	return db->notice;
}

/* ---- `velkomst check` ------------------------------------------------- */

/* Walking the chain. */
struct chain_walk {
	void		(*report)(void *, const char *);
	void		*ctx;
	int		 problems;	/* rows and marks found wrong */
	int		 told;		/* lines reported of them */
	unsigned char	 good[CORE_CHAIN_BYTES];	/* the hash the next
					   row should chain to */
	unsigned char	 prev[CORE_CHAIN_BYTES];	/* the row before's, as
					   stored */
	int		 prev_has;	/* it has a readable hash */
	int		 prev_bad;	/* it did not fit */
	long long	 prev_id;	/* 0: no row yet */
	int		 head_seen;	/* the head's row was read ... */
	int		 head_bad;	/* ... and did not fit */
	unsigned char	 head_hash[CORE_CHAIN_BYTES];	/* as stored */
	int		 head_has;
};

/* One problem of the chain: reported up to CHAIN_REPORT_MAX lines. */
static void
chain_problem(struct chain_walk *w, char *line)
{
	w->problems++;
	if (w->told++ < CHAIN_REPORT_MAX && w->report != NULL)
		w->report(w->ctx, line);
	free(line);
}

/* 1 if row f hashes, after prev, to want. */
static int
chain_fits(const unsigned char prev[CORE_CHAIN_BYTES],
    const struct core_chain_field f[CHAIN_FIELDS],
    const unsigned char want[CORE_CHAIN_BYTES])
{
	unsigned char	 got[CORE_CHAIN_BYTES];

	core_chain_hash(prev, f, CHAIN_FIELDS, got);
	return memcmp(got, want, CORE_CHAIN_BYTES) == 0;
}

/* Say that rows from..to are missing. */
static void
chain_gap(struct chain_walk *w, long long from, long long to)
{
	if (from == to)
		chain_problem(w, xasprintf(_("Audit row %lld is missing: it "
		    "was removed from the trail."), from));
	else
		chain_problem(w, xasprintf(_("Audit rows %lld to %lld are "
		    "missing: they were removed from the trail."), from, to));
}

/* Check one row (st) against the chain so far. */
static void
chain_walk_row(struct chain_walk *w, sqlite3_stmt *st, long long head_id)
{
	struct core_chain_field	 f[CHAIN_FIELDS];
	unsigned char		 stored[CORE_CHAIN_BYTES];
	const char		*hex;
	long long		 id = sqlite3_column_int64(st, 0);
	int			 has, bad = 0;

	chain_columns(st, f);
	hex = (const char *)sqlite3_column_text(st, CHAIN_FIELDS);
	has = hex != NULL && core_chain_unhex(hex,
	    (size_t)sqlite3_column_bytes(st, CHAIN_FIELDS), stored) == 0;
	if (!has) {
		bad = 1;
		chain_problem(w, xasprintf(_("Audit row %lld was not written by "
		    "velkomst: it was added or changed with another tool."),
		    id));
	} else if (chain_fits(w->good, f, stored) || (w->prev_bad &&
	    w->prev_has && chain_fits(w->prev, f, stored)))
		memcpy(w->good, stored, sizeof w->good);
	else if (id > w->prev_id + 1) {
		/* Its row before is gone: it starts the chain again. */
		chain_gap(w, w->prev_id + 1, id - 1);
		memcpy(w->good, stored, sizeof w->good);
	} else {
		bad = 1;
		chain_problem(w, xasprintf(_("Audit row %lld was changed after "
		    "it was written."), id));
	}
	if (id == head_id) {
		w->head_seen = 1;
		w->head_bad = bad;
		w->head_has = has;
		if (has)
			memcpy(w->head_hash, stored, sizeof w->head_hash);
	}
	w->prev_bad = bad;
	w->prev_has = has;
	if (has)
		memcpy(w->prev, stored, sizeof w->prev);
	w->prev_id = id;
}

/* A count of the rows of a table (-1 when it cannot be read). */
static long long
chain_count(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The end of the trail against the head meta keeps. */
static void
chain_walk_end(struct db *db, struct chain_walk *w,
    const struct chain_head *head)
{
	if (head->present && !head->readable)
		chain_problem(w, xstrdup(_("The mark of the newest audit row "
		    "was changed with another tool: rows at the end of the "
		    "trail may have been removed.")));
	else if (!head->present && w->prev_id > 0)
		chain_problem(w, xstrdup(_("The mark of the newest audit row "
		    "is missing: it was removed with another tool, and rows at "
		    "the end of the trail may have been removed too.")));
	else if (!head->present && chain_count(db, "SELECT count(*) FROM "
	    "account") > 0)
		chain_problem(w, xstrdup(_("The audit trail is empty, though "
		    "there are accounts: its rows were removed.")));
	else if (head->present && w->prev_id == 0)
		chain_problem(w, xasprintf(_("The audit trail is empty, but "
		    "velkomst had written rows up to row %lld: they were "
		    "removed."), head->id));
	else if (head->present && head->id > w->prev_id)
		chain_gap(w, w->prev_id + 1, head->id);
	else if (head->present && !w->head_seen)
		chain_gap(w, head->id, head->id);
	else if (head->present && w->head_seen && !w->head_bad &&
	    (!w->head_has || memcmp(w->head_hash, head->hash,
	    CORE_CHAIN_BYTES) != 0))
		chain_problem(w, xasprintf(_("Audit row %lld is not the row "
		    "velkomst wrote there: it was replaced."), head->id));
}

/* Report each guard trigger that is missing or changed, and any other
 * trigger on the trail. */
static void
chain_walk_triggers(struct db *db, struct chain_walk *w)
{
	sqlite3_stmt	*st;
	const char	*name;
	size_t		 i;

	for (i = 0; i < NCHAIN_TRIGGERS; i++)
		if (!chain_trigger_ok(db, i))
			chain_problem(w, xasprintf(_("The audit trail's "
			    "protection %s is missing or changed: someone "
			    "removed it with another tool. Opening the "
			    "database with velkomst (not read-only) puts it "
			    "back."), chain_triggers[i].name));
	if ((st = db_prepare(db, "SELECT name FROM sqlite_master WHERE "
	    "type = 'trigger' AND tbl_name = 'audit' AND name NOT IN "
	    "('audit_no_update', 'audit_no_delete') ORDER BY name")) == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		chain_problem(w, xasprintf(_("The audit trail has a trigger "
		    "velkomst did not make (%s): it was added with another "
		    "tool."), name != NULL ? name : "?"));
	}
	sqlite3_finalize(st);
}

/*
 * `velkomst check`: the guard triggers and the chain, one line per
 * problem (at most CHAIN_REPORT_MAX lines, then one for the rest).
 * The count of problems, or -1 if the trail could not be read.
 */
int
db_chain_check(struct db *db, void (*report)(void *, const char *),
    void *ctx)
{
	struct chain_walk	 w;
	struct chain_head	 head;
	sqlite3_stmt		*st;
	char			*line;
	int			 rc;

	memset(&w, 0, sizeof w);
	w.report = report;
	w.ctx = ctx;
	if (chain_head_read(db, &head) != DB_OK ||
	    (st = db_prepare(db, CHAIN_SELECT)) == NULL)
		return -1;
	chain_walk_triggers(db, &w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		chain_walk_row(&w, st, head.id);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_sqlite_fail(db, rc);
		return -1;
	}
	chain_walk_end(db, &w, &head);
	if (w.told > CHAIN_REPORT_MAX && report != NULL) {
		line = xasprintf(P_("... and %d more problem of the audit "
		    "trail like these.", "... and %d more problems of the audit "
		    "trail like these.", w.told - CHAIN_REPORT_MAX),
		    w.told - CHAIN_REPORT_MAX);
		report(ctx, line);
		free(line);
	}
	return w.problems;
}
