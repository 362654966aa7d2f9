/*
 * test-search-dept.c — the department in the households' word index
 * (schema 16): every word row carries its household's department, also
 * when the household moves to another department or a row is written
 * without it (the stock sqlite3 tool); an ambassador's search gives the
 * same rows, counts and order as the secretariat's narrowed to her
 * departments, whether a word is fetched or walked; her capped count
 * reads her departments' words only; an older file is migrated.
 */
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
#include "test-db.h"

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
static const struct who	 amb2 = { .name = "lene",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "607", "605" }, .ndepartments = 2 };

static const char *const first[] = { "Søren", "Sara", "Mette", "Ali",
    "Sofie", "Bo", "Åse", "Omar" };
static const char *const last[] = { "Jensen", "Sørensen", "Holm", "Berg",
    "Madsen", "Aas" };
static const char *const depts[] = { "605", "606", "607" };

/* Add household i of department dept named name; its id, or 0. */
static long
house(struct db *db, const char *dept, long i, const char *name)
{
	struct household h;
	char		 flat[16];

	memset(&h, 0, sizeof h);
	snprintf(flat, sizeof flat, "%ld. tv.", i % 9);
	h.department = (char *)dept;
	h.stairwell = (char *)"";
	h.flat = flat;
	h.moved_in = util_today() - 400 + i % 397;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* n households spread over the departments, names from the lists. */
static void
fill(struct db *db, long n)
{
	char	name[64];
	long	i;

	CHECK(db_batch_begin(db) == DB_OK);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s %s", first[i % 8],
		    last[(i / 8) % 6]);
		house(db, depts[(i * 7 / 3) % 3], i, name);
	}
	CHECK(db_batch_end(db, 1) == DB_OK);
}

/* The word rows whose department is not their household's. */
static long
stale_words(struct db *db)
{
	return one(db, "SELECT count(*) FROM name_word w JOIN household h "
	    "ON h.id = w.household_id WHERE w.department IS NOT "
	    "h.department");
}

/* Every row's department follows its household: added, corrected to
 * another department, moved with SQL, and written without it. */
static void
test_words_follow(void)
{
	struct db	*db;
	struct household g;
	long		 id;

	if ((db = open_mem()) == NULL)
		return;
	fill(db, 30);
	CHECK(one(db, "SELECT count(*) FROM name_word") > 30);
	CHECK_INT(stale_words(db), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE department "
	    "IS NULL"), 0);
	/* A correction to another department. */
	id = house(db, "605", 1, "Kaj Vinther Ravn");
	CHECK(db_household_get(db, &sec, id, &g) == DB_OK);
	free(g.department);
	g.department = xstrdup("607");
	CHECK(db_household_update(db, &sec, &g) == DB_OK);
	db_household_clear(&g);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE department = "
	    "'607' AND key IN ('kaj', 'vinther', 'ravn')"), 3);
	/* Moved by hand, and a word written by hand without it. */
	CHECK(db_exec(db, "UPDATE household SET department = '606' WHERE "
	    "id = 2") == SQLITE_OK);
	CHECK(db_exec(db, "INSERT INTO name_word (key, member_id, "
	    "household_id) SELECT 'zz', id, household_id FROM member WHERE "
	    "household_id = 3") == SQLITE_OK);
	CHECK_INT(stale_words(db), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE key = 'zz' "
	    "AND department IS NOT NULL"), 1);
	db_close(db);
}

/* The ids of q's first page of max for who, and its capped and exact
 * counts, into a printable line. */
static void
page(struct db *db, const struct who *who, const struct household_query *q,
    char *buf, size_t len)
{
	struct household_row	*rows;
	size_t			 n = 0, i, o;
	long			 capped = -1, exact = -1;

	CHECK(db_household_count_upto(db, who, q, 25, &capped) == DB_OK);
	CHECK(db_household_count(db, who, q, &exact) == DB_OK);
	CHECK(db_household_list(db, who, q, NULL, 20, &rows, &n) == DB_OK);
	o = (size_t)snprintf(buf, len, "%ld %ld:", capped, exact);
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, " %ld", rows[i].id);
	db_household_rows_free(rows, n);
}

/* The same for the secretariat, narrowed to who's departments by hand
 * (each row checked), as the reference. */
static void
page_ref(struct db *db, const struct who *who,
    const struct household_query *q, char *buf, size_t len)
{
	struct household_row	*rows;
	size_t			 n = 0, i, j, o, kept = 0;
	long			 shown[20];

	CHECK(db_household_list(db, &sec, q, NULL, 2000, &rows, &n) == DB_OK);
	for (i = 0; i < n; i++)
		for (j = 0; j < who->ndepartments; j++)
			if (strcmp(rows[i].department, who->departments[j]) ==
			    0) {
				if (kept < 20)
					shown[kept] = rows[i].id;
				kept++;
			}
	o = (size_t)snprintf(buf, len, "%ld %ld:", kept < 25 ? (long)kept :
	    25L, (long)kept);
	for (i = 0; i < kept && i < 20 && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, " %ld", shown[i]);
	db_household_rows_free(rows, n);
}

/* An ambassador's search: the secretariat's rows in her departments,
 * in the same order, with the same counts, every word fetched (IN) or
 * walked (EXISTS), each order. */
static void
test_same_rows(void)
{
	static const char *const searches[] = { "s", "sø", "søren", "s j",
	    "sara s", "aa", "omar holm", "xq" };
	static const enum household_order orders[] = { ORDER_NEWEST,
	    ORDER_NAME, ORDER_URGENT };
	const struct who *whos[] = { &amb, &amb2 };
	struct household_query q;
	struct db	*db;
	char		 got[200], want[200];
	size_t		 s, o, w, r;
	long		 rare[] = { 0, 3 };

	if ((db = open_mem()) == NULL)
		return;
	fill(db, 400);
	for (r = 0; r < 2; r++) {
		db_search_rare(db, rare[r]);
		for (s = 0; s < sizeof searches / sizeof searches[0]; s++)
		for (o = 0; o < 3; o++)
		for (w = 0; w < 2; w++) {
			memset(&q, 0, sizeof q);
			q.search = searches[s];
			q.order = orders[o];
			q.today = util_today();
			page(db, whos[w], &q, got, sizeof got);
			page_ref(db, whos[w], &q, want, sizeof want);
			if (strcmp(got, want) != 0)
				TEST_FAIL("\"%s\" order %zu who %zu rare %ld: "
				    "%s, want %s", searches[s], o, w, rare[r],
				    got, want);
		}
	}
	db_close(db);
}

/* Count the virtual machine's steps. */
static int
steps(void *ctx)
{
	(*(long *)ctx)++;
	return 0;
}

/*
 * Her capped count reads her department's words only: with 40 of hers
 * among 2,000 of another department's that start the same, it takes
 * about as many steps as the 40 alone do (it read all 2,040 before
 * schema 16).
 */
static void
test_count_reads_hers(void)
{
	struct household_query q = { .search = "s", .order = ORDER_NEWEST };
	struct db	*db;
	long		 i, n = 0, ticks = 0, alone;
	char		 name[32];

	if ((db = open_mem()) == NULL)
		return;
	q.today = util_today();
	CHECK(db_batch_begin(db) == DB_OK);
	for (i = 0; i < 40; i++)
		house(db, "605", i, "Sara Holm");
	CHECK(db_batch_end(db, 1) == DB_OK);
	sqlite3_progress_handler(db->h, 1, steps, &ticks);
	CHECK(db_household_count_upto(db, &amb, &q, 1000, &n) == DB_OK);
	CHECK_INT(n, 40);
	alone = ticks;
	sqlite3_progress_handler(db->h, 0, NULL, NULL);
	CHECK(db_batch_begin(db) == DB_OK);
	for (i = 0; i < 2000; i++) {
		snprintf(name, sizeof name, "Sofie Berg%ld", i);
		house(db, "606", i, name);
	}
	CHECK(db_batch_end(db, 1) == DB_OK);
	ticks = 0;
	sqlite3_progress_handler(db->h, 1, steps, &ticks);
	CHECK(db_household_count_upto(db, &amb, &q, 1000, &n) == DB_OK);
	sqlite3_progress_handler(db->h, 0, NULL, NULL);
	CHECK_INT(n, 40);
	if (ticks > 2 * alone + 200)
		TEST_FAIL("%ld steps with the other department, %ld without",
		    ticks, alone);
	db_close(db);
}

/* A file of schema 16 (no department in the word index) is migrated:
 * the column filled, the index and the triggers made. */
static void
test_migrate(void)
{
	char		 dir[] = "/tmp/velkomst-test-XXXXXX", *path;
	struct db	*db;
	char		*err = NULL;

	if (mkdtemp(dir) == NULL) {
		TEST_FAIL("mkdtemp");
		return;
	}
	path = xasprintf("%s/old.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		goto out;
	}
	fill(db, 20);
	CHECK(db_exec(db, "DROP TRIGGER name_word_department_fill; "
	    "DROP TRIGGER name_word_department_move; "
	    "DROP INDEX name_word_department; "
	    "ALTER TABLE name_word DROP COLUMN department; "
	    "PRAGMA user_version = 16") == SQLITE_OK);
	db_close(db);
	if ((db = db_open(path, 0, &err)) == NULL) {
		TEST_FAIL("reopen: %s", err);
		goto out;
	}
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(stale_words(db), 0);
	CHECK(one(db, "SELECT count(*) FROM name_word") > 20);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	    "('name_word_department', 'name_word_department_fill', "
	    "'name_word_department_move')"), 3);
	db_close(db);
out:
	free(err);
	unlink(path);
	free(path);
	rmdir(dir);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	RUN("search-dept", test_words_follow);
	RUN("search-dept", test_same_rows);
	RUN("search-dept", test_count_reads_hers);
	RUN("search-dept", test_migrate);
	core_key_done();
	TEST_END();
}
