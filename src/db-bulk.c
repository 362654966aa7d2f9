/*
 * db-bulk.c — the bulk batch that fills a new database (the demo), and
 * the page cache of a long write (the import).
 *
 * A bulk batch is one transaction, as a batch is, so a fill is all or
 * nothing; its calls take no savepoint each (db_write_begin).  Every
 * row of a fill refers to rows the same transaction has just written,
 * under its write lock, so the foreign keys are not looked up row by
 * row; and every value has passed the rules of core in the db_* call
 * that writes it, so SQLite's CHECKs, which say the same again, are not
 * run row by row either (`velkomst check` runs integrity_check, which
 * checks them all).
 * The indexes of the lists may be dropped while the rows go in and
 * built again, in the same transaction, from the sorted rows, and with
 * them the triggers that keep the households' initials: the schema is
 * the same afterwards, to the letter of each CREATE statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

/*
 * The indexes of the lists: every index of household made by CREATE
 * INDEX (not one that keeps a UNIQUE rule), visits by date and the
 * words by department; and the word index's triggers that keep the
 * households' initials (schema 20).  The fill sets each household's
 * initials with its row (db-household.c), so the triggers would only
 * cost time: run for each of the 5.7 million words of a million
 * households (setting the bits then), they took the demo from 100 s to
 * 149 s.
 */
static const char bulk_lists_sql[] = "SELECT name, sql FROM sqlite_schema "
    "WHERE sql IS NOT NULL AND ((type = 'index' AND "
    "sql NOT LIKE 'CREATE UNIQUE%' AND (tbl_name = 'household' OR "
    "name IN ('visit_date', 'name_word_department'))) OR (type = "
    "'trigger' AND name LIKE 'name\\_word\\_initials\\_%' ESCAPE '\\')) "
    "ORDER BY type, name";

/* Set the journal mode (a PRAGMA journal_mode = ... statement); 1 if the
 * mode is now want. */
static int
bulk_journal(struct db *db, const char *sql, const char *want)
{
	sqlite3_stmt	*st;
	const char	*mode;
	int		 now = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (mode = (const char *)sqlite3_column_text(st, 0)) != NULL)
		now = sqlite3_stricmp(mode, want) == 0;
	sqlite3_finalize(st);
	return now;
}

/* Start a bulk batch: no savepoint per call, no foreign key look-ups, a
 * larger page cache. */
enum db_status
db_bulk_begin(struct db *db, long cache_kib)
{
	enum db_status	 st;
	long		 was;

	/*
	 * Out of WAL while the batch fills the file, when no one else has it
	 * open: the rows are then written once, into the file, and only the
	 * pages it had before go to a rollback journal (a new page has
	 * nothing to roll back).  In WAL every page is written to the -wal
	 * and copied into the file again at the end.  A run killed midway
	 * leaves a journal that the next open rolls back.
	 */
	db->bulk_wal = 0;
	if (!db->batch && bulk_journal(db, "PRAGMA journal_mode", "wal"))
		db->bulk_wal = bulk_journal(db, "PRAGMA journal_mode = DELETE",
		    "delete");
	/* Only outside a transaction does SQLite take this pragma. */
	if (!db->batch)
		db_exec(db, "PRAGMA foreign_keys = OFF");
	db_exec(db, "PRAGMA ignore_check_constraints = ON");
	was = db_cache_grow(db, cache_kib);
	if ((st = db_batch_begin(db)) != DB_OK) {
		db->cache_was = was;
		db_bulk_done(db);
		return st;
	}
	db->bulk = 1;
	db->bulk_failed = 0;
	db->cache_was = was;
	return DB_OK;
}

/* Forget the indexes kept to build again. */
static void
bulk_forget(struct db *db)
{
	size_t	 i;

	for (i = 0; db->bulk_index != NULL && db->bulk_index[i] != NULL; i++)
		free(db->bulk_index[i]);
	free(db->bulk_index);
	db->bulk_index = NULL;
}

/* Keep the name and CREATE statement of each index (and trigger) of
 * the lists: names[i] and db->bulk_index[i], NULL-ended; the count. */
static size_t
bulk_find(struct db *db, char ***names, int *rc)
{
	sqlite3_stmt	*st;
	size_t		 n = 0;

	*names = xcalloc(1, sizeof **names);
	db->bulk_index = xcalloc(1, sizeof *db->bulk_index);
	if ((st = db_prepare(db, bulk_lists_sql)) == NULL) {
		*rc = SQLITE_ERROR;
		return 0;
	}
	while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
		*names = xreallocarray(*names, n + 2, sizeof **names);
		db->bulk_index = xreallocarray(db->bulk_index, n + 2,
		    sizeof *db->bulk_index);
		(*names)[n] = db_column_text(st, 0, 0);
		db->bulk_index[n++] = db_column_text(st, 1, 0);
		(*names)[n] = db->bulk_index[n] = NULL;
	}
	sqlite3_finalize(st);
	return n;
}

/* Drop the indexes (and triggers) of the lists, keeping their CREATE
 * statements. */
static enum db_status
bulk_drop(struct db *db)
{
	char	**names, *drop;
	size_t	  i, n;
	int	  rc;

	n = bulk_find(db, &names, &rc);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		drop = sqlite3_mprintf("DROP %s \"%w\"", strncmp(
		    db->bulk_index[i], "CREATE TRIGGER", 14) == 0 ? "TRIGGER" :
		    "INDEX", names[i]);
		rc = drop != NULL ? db_exec(db, drop) : SQLITE_NOMEM;
		sqlite3_free(drop);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc != SQLITE_OK) {
		db->bulk_failed = 1;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Build the dropped indexes again, each sort with a helper thread (a
 * million households' demo fills in 108 s instead of 115 s; the sort's
 * memory grows from 178 to 310 MB at its peak). */
static enum db_status
bulk_build(struct db *db)
{
	size_t	 i;
	int	 rc = SQLITE_OK;

	db_exec(db, "PRAGMA threads = 2");
	for (i = 0; db->bulk_index != NULL && db->bulk_index[i] != NULL; i++)
		if ((rc = db_exec(db, db->bulk_index[i])) != SQLITE_OK)
			break;
	db_exec(db, "PRAGMA threads = 0");
	if (rc != SQLITE_OK) {
		db->bulk_failed = 1;
		return db_sqlite_fail(db, rc);
	}
	bulk_forget(db);
	return DB_OK;
}

/* Drop (on 0) or build again (on 1) the indexes of the lists. */
enum db_status
db_bulk_lists(struct db *db, int on)
{
	if (!db->bulk)
		return db_fail(db, DB_ERROR, N_("No batch of changes is open."));
	if (on)
		return db_bulk_indexes(db, 1);
	if (db->bulk_index != NULL)
		return DB_OK;
	return db_bulk_indexes(db, 0);
}

/* Drop or build again the indexes of the lists (db-private.h). */
enum db_status
db_bulk_indexes(struct db *db, int on)
{
	if (db->bulk_failed)
		return DB_ERROR;
	if (on)
		return bulk_build(db);
	return bulk_drop(db);
}

/* Put the connection back as it was before the bulk batch. */
void
db_bulk_done(struct db *db)
{
	db->bulk = 0;
	db->bulk_failed = 0;
	bulk_forget(db);
	db_cache_restore(db, db->cache_was);
	db_exec(db, "PRAGMA foreign_keys = ON; "
	    "PRAGMA ignore_check_constraints = OFF");
	if (db->bulk_wal)
		bulk_journal(db, "PRAGMA journal_mode = WAL", "wal");
	db->bulk_wal = 0;
}

/* Set the page cache to kib KiB; what it was (0: unknown). */
long
db_cache_grow(struct db *db, long kib)
{
	sqlite3_stmt	*st;
	char		 sql[64];
	long		 was = 0;

	if ((st = db_prepare(db, "PRAGMA cache_size")) == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		was = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (was == 0)
		return 0;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%ld", kib);
	db_exec(db, sql);
	return was;
}

/* Put the page cache back as db_cache_grow found it (0: leave it). */
void
db_cache_restore(struct db *db, long was)
{
	char	 sql[64];

	if (was == 0)
		return;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %ld", was);
	db_exec(db, sql);
}
