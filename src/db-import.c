/*
 * db-import.c — a checked move-in list (import.h) matched against the
 * households registered, and added in one transaction with one audit
 * row.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "import.h"
#include "util.h"

/* The page cache while a list is added: the indexes of a large list's
 * households stay in memory instead of being written out and read back
 * (SQLite's default is 2 MiB). */
#define IMPORT_CACHE_KIB	(64L * 1024)

/* The household registered at row w's place with its move-in day, into
 * *id (0: none). */
static enum db_status
import_find(struct db *db, const struct import_row *w, long *id)
{
	static const char sql[] = "SELECT id FROM household "
	    "WHERE department = ?1 AND moved_in = ?2 AND stairwell = ?3 "
	    "AND flat = ?4 COLLATE NOCASE ORDER BY id LIMIT 1";
	sqlite3_stmt	*st;
	char		 day[16];
	int		 rc;

	*id = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, w->department, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, util_date_iso(w->moved_in, day), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, w->stairwell, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, w->flat, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/* Count the rows' fates into imp. */
static void
import_count(struct import *imp)
{
	size_t	 i;

	imp->added = imp->duplicates = imp->refused = 0;
	for (i = 0; i < imp->nrows; i++)
		switch (imp->rows[i].fate) {
		case IMPORT_ADD:
			imp->added++;
			break;
		case IMPORT_DUPLICATE:
			imp->duplicates++;
			break;
		case IMPORT_BAD:
			imp->refused++;
			break;
		}
}

/* Mark the rows already registered (or repeated in the file). */
enum db_status
db_import_match(struct db *db, const struct who *who, struct import *imp)
{
	enum db_status	 s;
	size_t		 i;
	long		 id;

	if ((s = db_may(db, who, ACCESS_ALL_DEPARTMENTS)) != DB_OK)
		return s;
	import_mark_repeats(imp);
	for (i = 0; i < imp->nrows; i++) {
		if (imp->rows[i].fate != IMPORT_ADD)
			continue;
		if ((s = import_find(db, &imp->rows[i], &id)) != DB_OK)
			return s;
		if (id != 0) {
			imp->rows[i].fate = IMPORT_DUPLICATE;
			imp->rows[i].duplicate_of = id;
		}
	}
	import_count(imp);
	return DB_OK;
}

/* Row w as a household to add, registered by "by" (borrows w's text). */
static void
import_household(const struct import_row *w, const char *by,
    struct household *h)
{
	size_t	 i;

	memset(h, 0, sizeof *h);
	h->department = (char *)(uintptr_t)w->department;
	h->stairwell = w->stairwell;
	h->flat = w->flat;
	h->moved_in = w->moved_in;
	h->moved_out = DATE_NONE;
	for (i = 0; i < w->nnames; i++)
		h->members[i] = w->names[i];
	h->nmembers = w->nnames;
	h->phone = w->phone;
	h->languages = w->languages;
	h->languages_other = w->languages_other;
	h->interpreter = w->interpreter;
	h->consent = w->consent;
	h->consent_on = w->consent ? util_today() : DATE_NONE;
	h->consent_by = w->consent ? (char *)(uintptr_t)by : NULL;
	h->notes = w->notes;
}

/* Add the good rows and the audit row; inside the transaction. */
static enum db_status
import_write(struct db *db, const struct who *who, struct import *imp,
    const char *file, void (*progress)(void *, size_t, size_t), void *ctx)
{
	struct household h;
	enum db_status	 s = DB_OK;
	char		*by, *detail;
	size_t		 i;
	long		 id;

	by = xasprintf("import, %s", file);
	for (i = 0; i < imp->nrows && s == DB_OK; i++) {
		if (progress != NULL && i % 1000 == 0)
			progress(ctx, i, imp->nrows);
		if (imp->rows[i].fate != IMPORT_ADD)
			continue;
		import_household(&imp->rows[i], by, &h);
		s = db_household_insert(db, who, &h, by, &id);
	}
	if (progress != NULL)
		progress(ctx, imp->nrows, imp->nrows);
	free(by);
	if (s != DB_OK)
		return s;
	detail = xasprintf("%s: %ld added, %ld duplicates, %ld refused", file,
	    imp->added, imp->duplicates, imp->refused);
	s = db_audit(db, who, "move-ins imported", "household", 0, detail);
	free(detail);
	return s;
}

/* The connection as it was before the import. */
static void
import_restore(struct db *db, long cache)
{
	db_exec(db, "PRAGMA foreign_keys = ON");
	db_cache_restore(db, cache);
}

/* Import the checked list in one transaction. */
enum db_status
db_import_moveins(struct db *db, const struct who *who, struct import *imp,
    const char *file, int skip_bad,
    void (*progress)(void *, size_t, size_t), void *ctx)
{
	enum db_status	 s;
	long		 cache;

	if ((s = db_check_who(db, who)) != DB_OK ||
	    (s = db_may(db, who, ACCESS_ALL_DEPARTMENTS)) != DB_OK)
		return s;
	/* Every row refers to rows this transaction has just written, under
	 * its write lock: the foreign keys need no look-up row by row (and
	 * SQLite takes the pragma only outside a transaction). */
	cache = db_cache_grow(db, IMPORT_CACHE_KIB);
	db_exec(db, "PRAGMA foreign_keys = OFF");
	if ((s = db_write_begin(db)) != DB_OK) {
		import_restore(db, cache);
		return s;
	}
	if ((s = db_import_match(db, who, imp)) == DB_OK &&
	    imp->refused > 0 && !skip_bad)
		s = db_fail(db, DB_INVALID, "%s", _("The list has rows that "
		    "cannot be imported, so nothing was imported."));
	if (s == DB_OK)
		s = import_write(db, who, imp, file, progress, ctx);
	s = db_write_end(db, s);
	import_restore(db, cache);
	return s;
}
