/*
 * db-audit.c — the audit trail and the access rule every db_* call
 * starts with.  The trail says who did what kind of thing to which
 * record, never the personal content; its table refuses UPDATE and
 * DELETE (triggers of schema 5), and each row is chained to the one
 * before by a hash (db-chain.c, schema 6).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* DB_OK if account id can still be used: an account disabled while its
 * session runs is refused from its next call on. */
static enum db_status
db_may_account(struct db *db, long id)
{
	sqlite3_stmt	*st;
	int		 rc, disabled = 1;

	st = db_stmt(db, "SELECT disabled FROM account WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		disabled = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	if (disabled)
		return db_fail(db, DB_DENIED, N_("This login has been "
		    "disabled. Log out, and log in with another."));
	return DB_OK;
}

/* DB_OK if who may do what, else DB_DENIED with the sentence set. */
enum db_status
db_may(struct db *db, const struct who *who, enum access what)
{
	if (who == NULL || !core_may(who->role, what))
		return db_fail(db, DB_DENIED, N_("Your account may not do "
		    "this."));
	if (who->name == NULL || who->name[0] == '\0')
		return db_fail(db, DB_DENIED, N_("Who is asking is not "
		    "known."));
	return who->account > 0 ? db_may_account(db, who->account) : DB_OK;
}

/* 1 if who may see the households of department. */
int
db_who_sees(const struct who *who, const char *department)
{
	size_t	 i;

	if (who == NULL || department == NULL)
		return 0;
	if (core_may(who->role, ACCESS_ALL_DEPARTMENTS))
		return 1;
	if (!core_may(who->role, ACCESS_HOUSEHOLDS))
		return 0;
	for (i = 0; i < who->ndepartments && i < WHO_MAX_DEPARTMENTS; i++)
		if (who->departments[i] != NULL &&
		    strcmp(who->departments[i], department) == 0)
			return 1;
	return 0;
}

/* Narrow a list to who's departments: " AND col IN (?first, ...)". */
size_t
db_who_where(char *sql, size_t len, size_t o, const struct who *who,
    const char *col, int first)
{
	size_t	 i, n;

	if (o >= len || core_may(who->role, ACCESS_ALL_DEPARTMENTS))
		return o;
	n = who->ndepartments < WHO_MAX_DEPARTMENTS ? who->ndepartments :
	    WHO_MAX_DEPARTMENTS;
	if (n == 0)
		return o + (size_t)snprintf(sql + o, len - o, " AND 0");
	o += (size_t)snprintf(sql + o, len - o, " AND %s IN (", col);
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(sql + o, len - o, "%s?%d",
		    i == 0 ? "" : ", ", first + (int)i);
	if (o < len)
		o += (size_t)snprintf(sql + o, len - o, ")");
	return o;
}

/* Bind who's departments as ?first, ... (after db_who_where). */
void
db_who_bind(sqlite3_stmt *st, const struct who *who, int first)
{
	size_t	 i;

	if (core_may(who->role, ACCESS_ALL_DEPARTMENTS))
		return;
	for (i = 0; i < who->ndepartments && i < WHO_MAX_DEPARTMENTS; i++)
		db_bind_text(st, first + (int)i, who->departments[i]);
}

/* Write one audit row inside the current write transaction, at the end
 * of the chain (db-chain.c). */
enum db_status
db_audit(struct db *db, const struct who *who, const char *kind,
    const char *table, long record, const char *detail)
{
	struct db_audit_fields	 r;
	char			 now[20];

	memset(&r, 0, sizeof r);
	r.at = db_clock(now);
	if (who != NULL && who->account > 0)
		r.account = who->account;
	if (who != NULL && who->name != NULL && who->name[0] != '\0')
		r.login = who->name;
	r.command_line = who != NULL && who->account == 0 &&
	    who->name != NULL;
	r.kind = kind;
	r.table = table != NULL && table[0] != '\0' ? table : NULL;
	r.record = record;
	r.detail = detail != NULL && detail[0] != '\0' ? detail : NULL;
	return db_chain_append(db, &r);
}

/* Write one row for something that is not a change of a record. */
enum db_status
db_audit_note(struct db *db, const struct who *who, const char *kind,
    const char *table, long record, const char *detail)
{
	enum db_status	 s;

	/* Anyone who has logged in (ROLE_NONE may do nothing). */
	if ((s = db_check_who(db, who)) != DB_OK ||
	    (s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	if (kind == NULL || kind[0] == '\0')
		return db_fail(db, DB_INVALID, N_("What happened is not "
		    "said."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, db_audit(db, who, kind, table, record,
	    detail));
}

/* Free n audit rows and the array. */
void
db_audit_rows_free(struct audit_row *rows, size_t n)
{
	size_t	 i;

	for (i = 0; rows != NULL && i < n; i++)
		db_audit_row_clear(&rows[i]);
	free(rows);
}

/* Free the strings of one row (not the row itself) and zero it. */
void
db_audit_row_clear(struct audit_row *r)
{
	free(r->at);
	free(r->login);
	free(r->kind);
	free(r->table);
	free(r->detail);
	memset(r, 0, sizeof *r);
}

/*
 * The SQL of an audit list for q (and after) into sql: keyset paging on
 * id, newest first, or oldest first when q->backward.
 */
static void
audit_list_sql(char *sql, size_t len, const struct audit_query *q,
    const struct audit_row *after)
{
	int	 back = q != NULL && q->backward;
	size_t	 o;

	o = (size_t)snprintf(sql, len, "SELECT id, at, login, command_line, "
	    "kind, tbl, record, detail FROM audit WHERE 1");
	if (after != NULL)
		o += (size_t)snprintf(sql + o, len - o, " AND id %s ?1",
		    back ? ">" : "<");
	if (q != NULL && q->login != NULL && q->login[0] != '\0')
		o += (size_t)snprintf(sql + o, len - o,
		    " AND login = ?2 COLLATE NOCASE");
	if (q != NULL && q->table != NULL && q->table[0] != '\0')
		o += (size_t)snprintf(sql + o, len - o, " AND tbl = ?3");
	if (q != NULL && q->record > 0)
		o += (size_t)snprintf(sql + o, len - o, " AND record = ?4");
	/* The days are local; at is UTC, within a day of local time: the
	 * plain comparison on at (?8, ?9) is cheap and lets the index on
	 * at find a range of dates. */
	if (q != NULL && q->since != DATE_NONE)
		o += (size_t)snprintf(sql + o, len - o, " AND at >= ?8"
		    " AND date(at, 'localtime') >= ?5");
	if (q != NULL && q->until != DATE_NONE)
		o += (size_t)snprintf(sql + o, len - o, " AND at < ?9"
		    " AND date(at, 'localtime') <= ?6");
	snprintf(sql + o, len - o, " ORDER BY id%s LIMIT ?7",
	    back ? "" : " DESC");
}

/* Bind q's filters (those the SQL names) and the limit. */
static void
audit_list_bind(sqlite3_stmt *st, const struct audit_query *q,
    const struct audit_row *after, size_t limit)
{
	char	 day[16];

	if (after != NULL)
		sqlite3_bind_int64(st, 1, after->id);
	if (q != NULL) {
		if (q->login != NULL && q->login[0] != '\0')
			sqlite3_bind_text(st, 2, q->login, -1,
			    SQLITE_TRANSIENT);
		if (q->table != NULL && q->table[0] != '\0')
			sqlite3_bind_text(st, 3, q->table, -1,
			    SQLITE_TRANSIENT);
		if (q->record > 0)
			sqlite3_bind_int64(st, 4, q->record);
		if (q->since != DATE_NONE) {
			sqlite3_bind_text(st, 5, util_date_iso(q->since, day),
			    -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 8, util_date_iso(q->since - 1,
			    day), -1, SQLITE_TRANSIENT);
		}
		if (q->until != DATE_NONE) {
			sqlite3_bind_text(st, 6, util_date_iso(q->until, day),
			    -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 9, util_date_iso(q->until + 2,
			    day), -1, SQLITE_TRANSIENT);
		}
	}
	sqlite3_bind_int64(st, 7, (sqlite3_int64)limit);
}

/* Read the audit row in st into r. */
void
db_audit_read_row(sqlite3_stmt *st, struct audit_row *r)
{
	r->id = (long)sqlite3_column_int64(st, 0);
	r->at = db_column_text(st, 1, 0);
	r->login = db_column_text(st, 2, 1);
	r->command_line = sqlite3_column_int(st, 3);
	r->kind = db_column_text(st, 4, 0);
	r->table = db_column_text(st, 5, 1);
	r->record = (long)sqlite3_column_int64(st, 6);
	r->detail = db_column_text(st, 7, 1);
}

/* The trail newest first (backward: oldest first), up to limit rows
 * after `after`. */
enum db_status
db_audit_list(struct db *db, const struct who *who,
    const struct audit_query *q, const struct audit_row *after, size_t limit,
    struct audit_row **rows, size_t *n)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[512];
	size_t		 cap;
	int		 rc;

	*rows = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_AUDIT)) != DB_OK)
		return s;
	if (limit == 0)
		return DB_OK;
	audit_list_sql(sql, sizeof sql, q, after);
	if ((st = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	audit_list_bind(st, q, after, limit);
	cap = limit < 64 ? limit : 64;
	*rows = xcalloc(cap, sizeof **rows);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		db_audit_read_row(st, &(*rows)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_audit_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}
