/*
 * test-db.h — what the database's unit tests share: an empty database
 * in memory, one number from SQL, a file opened again, a day by its
 * date.  Include it after test.h and db-private.h.
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

#endif
