/*
 * test-db-bulk.c — the write path of a fill and an import: the bulk
 * batch (all or nothing, the lists' indexes built again exactly as the
 * schema has them, the connection put back as it was), and the keys and
 * words each member gets, also when the names outnumber the keys kept.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"
#include "test-db.h"

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static long		 today;

/* Every CREATE INDEX of the schema, in name order, as one string. */
static char *
indexes(struct db *db)
{
	sqlite3_stmt	*st;
	char		*all = xstrdup(""), *more;

	if (sqlite3_prepare_v2(db->h, "SELECT name || ': ' || sql FROM "
	    "sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
	    "ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		return all;
	while (sqlite3_step(st) == SQLITE_ROW) {
		more = xasprintf("%s%s\n", all, sqlite3_column_text(st, 0));
		free(all);
		all = more;
	}
	sqlite3_finalize(st);
	return all;
}

/* Add a household with the members names[0..n); DB_OK or the failure. */
static enum db_status
add(struct db *db, const char *const *names, size_t n)
{
	struct household h;
	size_t		 i;

	memset(&h, 0, sizeof h);
	h.department = (char *)"605";
	h.stairwell = (char *)"A 1";
	h.flat = (char *)"1. th.";
	h.moved_in = today - 3;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	for (i = 0; i < n; i++)
		h.members[i] = (char *)names[i];
	h.nmembers = n;
	return db_household_add(db, &sec, &h);
}

/* The connection is as it was before a bulk batch. */
static void
check_put_back(struct db *db)
{
	CHECK_INT(one(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(one(db, "PRAGMA ignore_check_constraints"), 0);
	CHECK_INT(one(db, "PRAGMA cache_size"), -2000);
	CHECK_INT(sqlite3_get_autocommit(db->h), 1);
}

/* A fill with the lists' indexes dropped is saved whole, with every
 * index as the schema made it, and the lists are there. */
static void
test_bulk_fill(void)
{
	static const char *const names[] = { "Søren Ølgaard", "Åse Bæk",
	    "Nguyễn Văn An" };
	struct db	*db;
	char		*before, *after;
	long		 i;

	if ((db = open_mem()) == NULL)
		return;
	before = indexes(db);
	CHECK_INT(db_bulk_begin(db, 8192), DB_OK);
	CHECK_INT(one(db, "PRAGMA cache_size"), -8192);
	CHECK_INT(one(db, "PRAGMA foreign_keys"), 0);
	CHECK_INT(db_bulk_lists(db, 0), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	    "('household_newest', 'household_name', 'household_open', "
	    "'visit_date')"), 0);
	for (i = 0; i < 300; i++)
		CHECK_INT(add(db, names, 1 + (size_t)i % 3), DB_OK);
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	after = indexes(db);
	CHECK_STR(after, before);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 300);
	CHECK_INT(one(db, "SELECT count(*) FROM household INDEXED BY "
	    "household_name WHERE sort_key > ''"), 300);
	CHECK_INT(one(db, "SELECT count(*) FROM audit"), 300);
	check_put_back(db);
	free(before);
	free(after);
	db_close(db);
}

/* A household changed inside a bulk batch (foreign keys off, so nothing
 * cascades) keeps the words of its new names only: the search finds it
 * by them and no longer by the old ones, and no word is left of a member
 * that is gone. */
static void
test_bulk_change(void)
{
	static const char *const names[] = { "Søren Ølgaard", "Åse Bæk" };
	struct household h;
	struct db	*db;
	long		 id;

	if ((db = open_mem()) == NULL)
		return;
	CHECK_INT(add(db, names, 2), DB_OK);
	id = one(db, "SELECT max(id) FROM household");
	CHECK_INT(db_bulk_begin(db, 4096), DB_OK);
	CHECK_INT(db_household_get(db, &sec, id, &h), DB_OK);
	free(h.members[0]);
	free(h.members[1]);
	h.members[0] = xstrdup("Mette Hansen");
	h.members[1] = NULL;
	h.nmembers = 1;
	CHECK_INT(db_household_update(db, &sec, &h), DB_OK);
	db_household_clear(&h);
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	check_put_back(db);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE member_id "
	    "NOT IN (SELECT id FROM member)"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE key LIKE "
	    "'s%' OR key LIKE 'aa%'"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE key = "
	    "'mette'"), 1);
	db_close(db);
}

/* A call that fails inside a bulk batch spoils it: nothing is saved, the
 * indexes are back, the connection is put back. */
static void
test_bulk_failure(void)
{
	static const char *const names[] = { "Mette Holm" };
	struct db	*db;
	struct visit	 v;
	char		*before, *after, *msg;

	if ((db = open_mem()) == NULL)
		return;
	before = indexes(db);
	CHECK_INT(db_bulk_begin(db, 4096), DB_OK);
	CHECK_INT(db_bulk_lists(db, 0), DB_OK);
	CHECK_INT(add(db, names, 1), DB_OK);
	/* Refused before it writes: the batch goes on. */
	CHECK_INT(add(db, names, 0), DB_INVALID);
	CHECK_INT(add(db, names, 1), DB_OK);
	/* Failed while it wrote: the batch is spoilt. */
	memset(&v, 0, sizeof v);
	v.household = 99;
	v.date = today;
	v.ambassador = (char *)"Birgit Holm";
	v.outcome = VO_DECLINED;
	v.next_date = DATE_NONE;
	CHECK_INT(db_visit_add(db, &sec, &v, 3), DB_NOTFOUND);
	msg = xstrdup(db_errmsg(db));
	CHECK_INT(add(db, names, 1), DB_ERROR);
	CHECK_INT(db_batch_end(db, 1), DB_ERROR);
	CHECK_STR(db_errmsg(db), msg);
	free(msg);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 0);
	after = indexes(db);
	CHECK_STR(after, before);
	check_put_back(db);
	free(after);

	/* Rolled back on purpose, with the indexes dropped. */
	CHECK_INT(db_bulk_begin(db, 4096), DB_OK);
	CHECK_INT(db_bulk_lists(db, 0), DB_OK);
	CHECK_INT(add(db, names, 1), DB_OK);
	CHECK_INT(db_batch_end(db, 0), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 0);
	after = indexes(db);
	CHECK_STR(after, before);
	check_put_back(db);
	free(before);
	free(after);
	db_close(db);
}

/* Every member's keys and words are core's, also when more names come
 * than the insert path keeps keys for. */
static void
test_keys_kept(void)
{
	struct db	*db;
	sqlite3_stmt	*st;
	char		*name[2], **words, *key;
	const char	*nm[2], *nmc;
	size_t		 n, words_want = 0;
	long		 i, bad = 0;

	if ((db = open_mem()) == NULL)
		return;
	CHECK_INT(db_batch_begin(db), DB_OK);
	for (i = 0; i < 5000; i++) {
		name[0] = xasprintf("Åse Sørensen-%ld", i % 4500);
		name[1] = xasprintf("Bjørn Ærø %ld", i);
		nm[0] = name[0];
		nm[1] = name[1];
		CHECK_INT(add(db, nm, 2), DB_OK);
		n = core_name_words(name[0], &words);
		words_want += n;
		core_words_free(words, n);
		n = core_name_words(name[1], &words);
		words_want += n;
		core_words_free(words, n);
		free(name[0]);
		free(name[1]);
	}
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	if (sqlite3_prepare_v2(db->h, "SELECT m.name, m.search_key, "
	    "m.sort_key, h.sort_key, m.position FROM member m JOIN household h "
	    "ON h.id = m.household_id", -1, &st, NULL) != SQLITE_OK) {
		TEST_FAIL("prepare");
		db_close(db);
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		nmc = (const char *)sqlite3_column_text(st, 0);
		key = core_search_key(nmc);
		bad += strcmp(key, (const char *)sqlite3_column_text(st, 1)) != 0;
		free(key);
		key = core_sort_key(nmc);
		bad += strcmp(key, (const char *)sqlite3_column_text(st, 2)) != 0;
		if (sqlite3_column_int(st, 4) == 0)
			bad += strcmp(key, (const char *)
			    sqlite3_column_text(st, 3)) != 0;
		free(key);
	}
	sqlite3_finalize(st);
	CHECK_INT(bad, 0);
	n = (size_t)one(db, "SELECT count(*) FROM name_word");
	CHECK_INT(n, words_want);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word w JOIN member m ON "
	    "m.id = w.member_id AND m.household_id = w.household_id"),
	    (long)words_want);
	db_close(db);
}

/* A field of printable ASCII is cleaned as core_clean_text cleans it
 * (core_clean_field takes a way round ICU for it). */
static void
test_clean_ascii(void)
{
	static const char *const in[] = { "", " ", "  Opgang  7 ", "2. th.",
	    "a\tb", "x\x7f", " Note  12  ", "~!@#$%^&*()_+{}|:\"<>?",
	    "St. tv.  ", "Søren  Bæk", "12 34 56 78", "a \n b" };
	char		*field, *text;
	const char	*err;
	size_t		 i;

	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		err = core_clean_field(in[i], NULL, &field);
		text = core_clean_text(in[i]);
		if (core_has_forbidden_chars(in[i]))
			CHECK(err != NULL && field == NULL);
		else if (text[0] == '\0')
			CHECK(err == NULL && field == NULL);
		else {
			CHECK(err == NULL);
			CHECK_STR(field, text);
		}
		free(field);
		free(text);
	}
}

/* A long write's page cache, and back. */
static void
test_cache(void)
{
	struct db	*db;
	long		 was;

	if ((db = open_mem()) == NULL)
		return;
	was = db_cache_grow(db, 65536);
	CHECK_INT(one(db, "PRAGMA cache_size"), -65536);
	db_cache_restore(db, was);
	CHECK_INT(one(db, "PRAGMA cache_size"), -2000);
	db_close(db);
}

int
main(void)
{
	const char	*bad;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(&bad);
	today = util_today();
	RUN("db-bulk", test_bulk_fill);
	RUN("db-bulk", test_bulk_failure);
	RUN("db-bulk", test_bulk_change);
	RUN("db-bulk", test_keys_kept);
	RUN("db-bulk", test_cache);
	RUN("db-bulk", test_clean_ascii);
	core_key_done();
	TEST_END();
}
