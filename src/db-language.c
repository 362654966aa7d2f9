/*
 * db-language.c — the languages households and ambassadors speak, kept
 * as ISO 639 codes ("ar,so").  Before schema 8 they were free text
 * ("Arabic, Somali"): db_language_migrate maps each comma-separated part
 * to its code (core_lang_split) and keeps what it cannot map in
 * languages_other, which `velkomst check` lists by record id.
 */
#include <stdlib.h>

#include "core.h"
#include "db-private.h"
#include "util.h"

/* One table whose languages are mapped: its rows, and its update. */
struct lang_table {
	const char	*name;
	const char	*select;
	const char	*update;
};

static const struct lang_table lang_tables[] = {
	{ "household",
	    "SELECT id, languages FROM household WHERE languages IS NOT NULL "
	    "ORDER BY id",
	    "UPDATE household SET languages = ?2, languages_other = ?3 "
	    "WHERE id = ?1" },
	{ "ambassador",
	    "SELECT id, languages FROM ambassador WHERE languages IS NOT NULL "
	    "ORDER BY id",
	    "UPDATE ambassador SET languages = ?2, languages_other = ?3 "
	    "WHERE id = ?1" },
};

/* Map the free text of one row of t to codes and what is left. */
static enum db_status
lang_map_row(struct db *db, sqlite3_stmt *up, long long id, const char *text)
{
	char		*codes, *other;
	enum db_status	 s;

	core_lang_split(text, &codes, &other);
	sqlite3_bind_int64(up, 1, id);
	db_bind_text(up, 2, codes);
	db_bind_text(up, 3, other);
	s = db_step_done(db, up);
	free(codes);
	free(other);
	return s;
}

/* Map every row of table t. */
static enum db_status
lang_map_table(struct db *db, const struct lang_table *t)
{
	sqlite3_stmt	*st, *up;
	enum db_status	 s = DB_OK;
	int		 rc;

	if ((st = db_prepare(db, t->select)) == NULL)
		return DB_ERROR;
	if ((up = db_prepare(db, t->update)) == NULL) {
		sqlite3_finalize(st);
		return DB_ERROR;
	}
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		s = lang_map_row(db, up, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	if (s == DB_OK && rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return s;
}

/* Migration 7 -> 8: free-text languages to codes, the ambassadors' language
 * index rebuilt on the codes. */
enum db_status
db_language_migrate(struct db *db)
{
	enum db_status	 s = DB_OK;
	size_t		 i;

	for (i = 0; i < sizeof lang_tables / sizeof lang_tables[0] &&
	    s == DB_OK; i++)
		s = lang_map_table(db, &lang_tables[i]);
	if (s == DB_OK)
		s = db_ambassador_rekey(db);
	return s;
}

/* Every household and ambassador with languages not in the list. */
enum db_status
db_language_unmapped(struct db *db, const struct who *who,
    void (*fn)(void *, const char *table, long id), void *ctx)
{
	static const char sql[] = "SELECT 'household', id FROM household "
	    "WHERE languages_other IS NOT NULL UNION ALL "
	    "SELECT 'ambassador', id FROM ambassador "
	    "WHERE languages_other IS NOT NULL ORDER BY 1 DESC, 2";
	sqlite3_stmt	*st;
	int		 rc;

	if (db_may(db, who, ACCESS_ALL_DEPARTMENTS) != DB_OK ||
	    db_may(db, who, ACCESS_AMBASSADORS_EDIT) != DB_OK)
		return DB_DENIED;
	if ((st = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0),
		    (long)sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}
