/*
 * test-db.h — what the database's unit tests share: an empty database
 * in memory, one number from SQL, a file opened again, a day by its
 * date, the statements a call prepares and their plans.  Include it
 * after test.h and db-private.h.
 */
#ifndef VELKOMST_TEST_DB_H
#define VELKOMST_TEST_DB_H

#define TEST_UNUSED	__attribute__((unused))

/* A new database in memory, or NULL (the test fails). */
static TEST_UNUSED struct db *
open_mem(void)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
	}
	return db;
}

/* One integer from sql, or -1 (the test fails). */
static TEST_UNUSED long
one(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	long		 v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	else
		TEST_FAIL("%s: %s", sql, sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	return v;
}

/* One integer from sql with the record id put in its %ld, or -1. */
static TEST_UNUSED long
one_of(struct db *db, const char *sql, long id)
{
	char	*full = xasprintf(sql, id);
	long	 v = one(db, full);

	free(full);
	return v;
}

/* The file at path opened again, at this velkomst's schema (an older
 * one is upgraded); NULL, and the test fails, when it does not open. */
static TEST_UNUSED struct db *
reopen(const char *path)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(path, 0, &err)) == NULL) {
		TEST_FAIL("reopen: %s", err);
		free(err);
		return NULL;
	}
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	return db;
}

/* Day number of y-m-d. */
static TEST_UNUSED long
day(int y, int m, int d)
{
	long	 out = DATE_NONE;

	util_date_make(y, m, d, &out);
	return out;
}

/* The statements prepared between seen_start and seen_stop that hold
 * match (sqlite3_trace_v2), at most 8, added to what s holds. */
struct seen {
	const char	*match;
	char		 sql[8][2048];
	int		 n;
};

static TEST_UNUSED int
seen_trace(unsigned kind, void *ctx, void *p, void *x)
{
	struct seen	*s = ctx;
	const char	*sql = x;

	(void)kind;
	(void)p;
	if (s->n < 8 && strstr(sql, s->match) != NULL)
		snprintf(s->sql[s->n++], sizeof s->sql[0], "%s", sql);
	return 0;
}

static TEST_UNUSED void
seen_start(struct db *db, struct seen *s, const char *match)
{
	s->match = match;
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, seen_trace, s);
}

static TEST_UNUSED void
seen_stop(struct db *db)
{
	sqlite3_trace_v2(db->h, 0, NULL, NULL);
}

/* 1 if a line of the plan of sql holds text (first: only its first
 * line, the outermost loop). */
static TEST_UNUSED int
plan_has(struct db *db, const char *sql, const char *text, int first)
{
	sqlite3_stmt	*st;
	char		*e = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	int		 found = 0, line = 0;

	if (sqlite3_prepare_v2(db->h, e, -1, &st, NULL) != SQLITE_OK) {
		TEST_FAIL("%s: %s", e, sqlite3_errmsg(db->h));
		sqlite3_free(e);
		return 0;
	}
	while (sqlite3_step(st) == SQLITE_ROW && (!first || line++ == 0))
		if (strstr((const char *)sqlite3_column_text(st, 3), text))
			found = 1;
	sqlite3_finalize(st);
	sqlite3_free(e);
	return found;
}

#endif
