/*
 * test-db-language.c — languages stored as codes: a database of schema 7
 * with free-text languages is upgraded (each part mapped to its code by
 * any of its names, the rest kept in languages_other and listed for the
 * secretariat), and ambassadors are matched to a language by its code.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "db.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"

static char		 tmpdir[] = "/tmp/velkomst-test-db-lang-XXXXXX";
static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };

/* Open a database or fail the test. */
static struct db *
open_ok(const char *path)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", path, err);
		free(err);
	}
	return db;
}

/* One text from sql (new string), or NULL. */
static char *
text(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			v = xstrdup((const char *)sqlite3_column_text(st, 0));
	} else
		TEST_FAIL("%s: %s", sql, sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	return v;
}

#define DB_STR(x)	#x
#define DB_XSTR(x)	DB_STR(x)

#define CHECK_SQL_STR(db, sql, want) do {				\
	char *t_ = text((db), (sql));					\
	CHECK_STR(t_, (want));						\
	free(t_);							\
} while (0)

/* Add a household with consent; its id. */
static long
house(struct db *db, const char *name)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)"bb605";
	h.stairwell = (char *)"S 1";
	h.flat = (char *)"2. th.";
	util_date_make(2019, 5, 1, &h.moved_in);
	h.moved_out = DATE_NONE;
	h.consent = 1;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Add an ambassador; its id. */
static long
amb(struct db *db, const char *name)
{
	struct ambassador a;

	memset(&a, 0, sizeof a);
	a.name = (char *)name;
	a.department = (char *)"bb605";
	util_date_make(2019, 1, 1, &a.recruited_on);
	a.trained_on = DATE_NONE;
	a.consent_on = DATE_NONE;
	if (db_ambassador_add(db, &tester, &a) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return a.id;
}

/* The ambassadors' names that speak code, joined by "|". */
static char *
speakers(struct db *db, const char *code)
{
	struct ambassador_query	 q = { .language = code, .status = -1,
	    .today = DATE_NONE };
	struct ambassador_row	*rows;
	size_t			 n, i;
	char			*s = xstrdup(""), *t;

	if (db_ambassador_list(db, &tester, &q, NULL, 10, &rows, &n) != DB_OK)
		return s;
	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i ? "|" : "", rows[i].name);
		free(s);
		s = t;
	}
	db_ambassador_rows_free(rows, n);
	return s;
}

/* What db_language_unmapped reports, as "household 2 ". */
static void
keep(void *ctx, const char *table, long id)
{
	char	*s = ctx;
	size_t	 o = strlen(s);

	snprintf(s + o, 256 - o, "%s %ld ", table, id);
}

/* Free text of schema 7 in households 1-3 and ambassadors 1-2. */
static const char old_text[] =
	"ALTER TABLE household DROP COLUMN languages_other;"
	"ALTER TABLE ambassador DROP COLUMN languages_other;"
	"UPDATE household SET languages = 'Somali, somalisk, Soomaali, "
	"dansk' WHERE id = 1;"
	"UPDATE household SET languages = 'Arabic, Pig latin' WHERE id = 2;"
	"UPDATE household SET languages = NULL WHERE id = 3;"
	"UPDATE ambassador SET languages = 'Dansk, العربية' WHERE id = 1;"
	"UPDATE ambassador SET languages = 'SOMALI, Klingonish' WHERE id = 2;"
	"DELETE FROM ambassador_language;"
	"INSERT INTO ambassador_language VALUES ('somali', 2);"
	"PRAGMA user_version = 7;";

static void
test_migrate_free_text(void)
{
	char		*path = xasprintf("%s/schema6.db", tmpdir);
	char		 got[256] = "", *s;
	struct household g;
	struct db	*db;

	if ((db = open_ok(path)) == NULL)
		goto out;
	house(db, "Åse Holm");
	house(db, "Bo Berg");
	house(db, "Ea Lund");
	amb(db, "Fatima Ali");
	amb(db, "Omar Nur");
	CHECK(db_exec(db, old_text) == SQLITE_OK);
	db_close(db);
	if ((db = open_ok(path)) == NULL)
		goto out;
	CHECK_SQL_STR(db, "PRAGMA user_version", DB_XSTR(DB_SCHEMA_VERSION));
	CHECK_INT(db_household_get(db, &tester, 1, &g), DB_OK);
	CHECK_STR(g.languages, "so,da");
	CHECK(g.languages_other == NULL);
	db_household_clear(&g);
	CHECK_INT(db_household_get(db, &tester, 2, &g), DB_OK);
	CHECK_STR(g.languages, "ar");
	CHECK_STR(g.languages_other, "Pig latin");
	db_household_clear(&g);
	CHECK_SQL_STR(db, "SELECT languages FROM household WHERE id = 3",
	    NULL);
	CHECK_SQL_STR(db, "SELECT languages FROM ambassador WHERE id = 1",
	    "da,ar");
	CHECK_SQL_STR(db, "SELECT languages || '/' || languages_other FROM "
	    "ambassador WHERE id = 2", "so/Klingonish");
	/* Matching by code, on the index rebuilt. */
	s = speakers(db, "so");
	CHECK_STR(s, "Omar Nur");
	free(s);
	s = speakers(db, "ar");
	CHECK_STR(s, "Fatima Ali");
	free(s);
	s = speakers(db, "somali");
	CHECK_STR(s, "");
	free(s);
	/* What was not mapped is listed by id, and is no damage. */
	CHECK_INT(db_language_unmapped(db, &tester, keep, got), DB_OK);
	CHECK_STR(got, "household 2 ambassador 2 ");
	CHECK_INT(db_check(db, NULL, NULL), 0);
	db_close(db);
out:
	free(path);
}

static void
test_unmapped_kept_and_fixed(void)
{
	struct db	*db = open_ok(":memory:");
	struct household g;
	char		 got[256] = "";
	long		 id;

	if (db == NULL)
		return;
	id = house(db, "Åse Holm");
	CHECK(db_exec(db, "UPDATE household SET languages = 'ar', "
	    "languages_other = 'Pig latin'") == SQLITE_OK);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	/* An edit keeps what was not mapped, until it is taken away. */
	free(g.languages);
	g.languages = xstrdup("ar,so");
	CHECK_INT(db_household_update(db, &tester, &g), DB_OK);
	db_household_clear(&g);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_STR(g.languages, "ar,so");
	CHECK_STR(g.languages_other, "Pig latin");
	free(g.languages_other);
	g.languages_other = NULL;
	CHECK_INT(db_household_update(db, &tester, &g), DB_OK);
	db_household_clear(&g);
	CHECK_INT(db_language_unmapped(db, &tester, keep, got), DB_OK);
	CHECK_STR(got, "");
	/* Names are not codes. */
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	free(g.languages);
	g.languages = xstrdup("Arabic");
	CHECK_INT(db_household_update(db, &tester, &g), DB_INVALID);
	db_household_clear(&g);
	db_close(db);
}

int
main(void)
{
	char	*cmd;

	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setenv("VELKOMST_TODAY", "2019-06-15", 1);
	util_today_init(NULL);
	RUN("db-language", test_migrate_free_text);
	RUN("db-language", test_unmapped_kept_and_fixed);
	core_lang_done();
	core_key_done();
	if (test_failures == 0) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	TEST_END();
}
