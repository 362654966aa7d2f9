/*
 * db-audit.c — the audit trail and the access rule every db_* call
 * starts with.  The trail says who did what kind of thing to which
 * record, never the personal content; its table refuses UPDATE and
 * DELETE (triggers of schema 5).
 */
#include <string.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

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
	return DB_OK;
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

/* Write one audit row inside the current write transaction. */
enum db_status
db_audit(struct db *db, const struct who *who, const char *kind,
    const char *table, long record, const char *detail)
{
	sqlite3_stmt	*st;
	char		 now[20];

	st = db_stmt(db, "INSERT INTO audit (at, account_id, login, "
	    "command_line, kind, tbl, record, detail) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, db_now(now), -1, SQLITE_TRANSIENT);
	if (who != NULL && who->account > 0)
		sqlite3_bind_int64(st, 2, who->account);
	if (who != NULL)
		db_bind_text(st, 3, who->name);
	sqlite3_bind_int(st, 4, who != NULL && who->account == 0 &&
	    who->name != NULL);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
	db_bind_text(st, 6, table);
	sqlite3_bind_int64(st, 7, record);
	db_bind_text(st, 8, detail);
	return db_step_done(db, st);
}
