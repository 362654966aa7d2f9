/*
 * test-initials.c — a household's initials (schema 20): the bit of each
 * first letter of its name words, kept right by every write (add, edit,
 * import, erase, the keys made again, another tool's rows through the
 * triggers, the demo's bulk fill, the upgrade from schema 19); a search
 * that walks the register reads them and finds what a search that
 * fetches finds; `velkomst check` names a household whose initials lack
 * a letter.
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

#define BIT(c)	(1L << ((c) - 'a'))
#define OTHER	(1L << CORE_INITIAL_OTHER)

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static long		 today;

/* The households whose initials differ from their words' first letters,
 * worked out in SQL apart from the code under test. */
static const char wrong_sql[] = "SELECT count(*) FROM household h WHERE "
    "initials <> coalesce((SELECT sum(DISTINCT (1 << CASE WHEN "
    "unicode(key) BETWEEN 97 AND 122 THEN unicode(key) - 97 ELSE 26 END)) "
    "FROM name_word WHERE household_id = h.id), 0)";

/* The initials of household id. */
static long
initials(struct db *db, long id)
{
	return one_of(db, "SELECT initials FROM household WHERE id = %ld", id);
}

/* Fill h as a household of 605 with the members names[0..n). */
static void
fill(struct household *h, const char *const *names, size_t n)
{
	size_t	i;

	memset(h, 0, sizeof *h);
	h->department = (char *)"605";
	h->stairwell = (char *)"A 1";
	h->flat = (char *)"1. th.";
	h->moved_in = today - 3;
	h->moved_out = DATE_NONE;
	h->consent_on = DATE_NONE;
	for (i = 0; i < n; i++)
		h->members[i] = (char *)names[i];
	h->nmembers = n;
}

/* Add a household with the members names[0..n): its id, or 0. */
static long
add(struct db *db, const char *const *names, size_t n)
{
	struct household h;

	fill(&h, names, n);
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add: %s", db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* How many households search finds, every word walked (walk) or every
 * word fetched; the first one's id into *first. */
static long
found(struct db *db, const char *search, int walk, long *first)
{
	struct household_query	 q;
	struct household_row	*rows;
	size_t			 n;

	memset(&q, 0, sizeof q);
	q.search = search;
	q.order = ORDER_NEWEST;
	q.today = today;
	q.deadline = 14;
	db_search_rare(db, walk ? 1 : 1000000);
	*first = 0;
	if (db_household_list(db, &sec, &q, NULL, 50, &rows, &n) != DB_OK) {
		TEST_FAIL("list \"%s\": %s", search, db_errmsg(db));
		db_search_rare(db, 0);
		return -1;
	}
	if (n > 0)
		*first = rows[0].id;
	db_household_rows_free(rows, n);
	db_search_rare(db, 0);
	return (long)n;
}

/* One bit per first letter of a key; 26 for any other first byte. */
static void
test_key_initial(void)
{
	CHECK_INT(core_key_initial("aase"), BIT('a'));
	CHECK_INT(core_key_initial("soeren"), BIT('s'));
	CHECK_INT(core_key_initial("z"), BIT('z'));
	CHECK_INT(core_key_initial("2b"), OTHER);
	CHECK_INT(core_key_initial("\xd9\x85\xd8\xb1"), OTHER); /* مر */
	CHECK_INT(core_key_initial("Mette"), OTHER); /* keys are folded */
	CHECK_INT(core_key_initial(""), OTHER);
	CHECK_INT(core_key_initial(NULL), OTHER);
}

/* Every write of velkomst sets the initials of the names it writes. */
static void
test_writes(void)
{
	static const char *const first[] = { "Søren Ølgaard", "Åse Bæk" };
	static const char *const other[] = { "مريم Khan", "2B Zeuthen" };
	struct household h;
	struct db	*db;
	long		 id, id2;

	if ((db = open_mem()) == NULL)
		return;
	/* "Søren Ølgaard": soeren, soren, oelgaard, olgaard; "Åse Bæk":
	 * aase, ase, baek, bak. */
	id = add(db, first, 2);
	CHECK_INT(initials(db, id), BIT('s') | BIT('o') | BIT('a') | BIT('b'));
	id2 = add(db, other, 2);
	CHECK_INT(initials(db, id2), OTHER | BIT('k') | BIT('z'));

	/* Edited: the names' letters, none of the old ones left. */
	if (db_household_get(db, &sec, id, &h) != DB_OK) {
		TEST_FAIL("get: %s", db_errmsg(db));
	} else {
		free(h.members[1]);
		h.nmembers = 1;
		free(h.members[0]);
		h.members[0] = xstrdup("Jens Hansen");
		CHECK_INT(db_household_update(db, &sec, &h), DB_OK);
		db_household_clear(&h);
	}
	CHECK_INT(initials(db, id), BIT('j') | BIT('h'));

	/* Imported (db_household_insert, no audit row of its own). */
	fill(&h, first, 1);
	CHECK_INT(db_write_begin(db), DB_OK);
	CHECK_INT(db_household_insert(db, &sec, &h, "import", &id2), DB_OK);
	CHECK_INT(db_write_end(db, DB_OK), DB_OK);
	CHECK_INT(initials(db, id2), BIT('s') | BIT('o'));

	/* Erased: no names, no initials. */
	CHECK_INT(db_erase_household(db, &sec, id2, ERASE_REQUEST, NULL),
	    DB_OK);
	CHECK_INT(initials(db, id2), 0);

	/* The keys made again (new key rules): the same initials. */
	CHECK_INT(db_exec(db, "UPDATE household SET initials = initials | "
	    "(1 << 25)"), SQLITE_OK);
	CHECK_INT(db_household_rekey(db), DB_OK);
	CHECK_INT(one(db, wrong_sql), 0);
	CHECK_INT(initials(db, id), BIT('j') | BIT('h'));
	db_close(db);
}

/* Another tool's words: the triggers add their letters. */
static void
test_triggers(void)
{
	static const char *const names[] = { "Jens Hansen" };
	struct db	*db;
	long		 id;

	if ((db = open_mem()) == NULL)
		return;
	id = add(db, names, 1);
	CHECK_INT(db_exec(db, "INSERT INTO name_word (key, member_id, "
	    "household_id) SELECT 'quist', id, household_id FROM member"),
	    SQLITE_OK);
	CHECK_INT(initials(db, id), BIT('j') | BIT('h') | BIT('q'));
	CHECK_INT(db_exec(db, "UPDATE name_word SET key = 'xavier' WHERE "
	    "key = 'quist'"), SQLITE_OK);
	/* q may stay (a search is only a little slower), x must be there. */
	CHECK_INT(initials(db, id) & BIT('x'), BIT('x'));
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE "
	    "key = 'xavier'"), 1);
	db_close(db);
}

/* Collect the lines of db_check. */
static void
lines(void *ctx, const char *line)
{
	char	*all = ctx;
	size_t	 len = strlen(all);

	snprintf(all + len, 4096 - len, "%s\n", line);
}

/* A walked search reads the initials: it finds what a fetched one finds
 * of every script, and passes over a household whose initials another
 * tool spoilt (which `velkomst check` names). */
static void
test_walk_reads_them(void)
{
	static const char *const a[] = { "Søren Mikkelsen" };
	static const char *const b[] = { "Mette Sørensen" };
	static const char *const c[] = { "مريم Khan" };
	static const char *const d[] = { "2B Zeuthen", "Søren Andersen" };
	static const char *const searches[] = {
		"søren m", "m s", "مر", "2b", "zeu 2", "søren a", "x",
		"soren mik",
	};
	struct db	*db;
	char		 got[4096] = "";
	long		 ida, first, walked, fetched;
	size_t		 i;

	if ((db = open_mem()) == NULL)
		return;
	ida = add(db, a, 1);
	add(db, b, 1);
	add(db, c, 1);
	add(db, d, 2);
	for (i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		walked = found(db, searches[i], 1, &first);
		fetched = found(db, searches[i], 0, &first);
		if (walked != fetched)
			TEST_FAIL("\"%s\": %ld walked, %ld fetched",
			    searches[i], walked, fetched);
	}
	CHECK_INT(found(db, "søren m", 1, &first), 2);
	CHECK_INT(found(db, "مر", 1, &first), 1);
	CHECK_INT(db_check(db, lines, got), 0);

	/* Spoilt by another tool: the walk passes it over. */
	CHECK_INT(db_exec(db, "UPDATE household SET initials = 0 WHERE "
	    "id = 1"), SQLITE_OK);
	CHECK_INT(found(db, "søren mik", 0, &first), 1);
	CHECK_INT(first, ida);
	CHECK_INT(found(db, "søren mik", 1, &first), 0);
	CHECK_INT(db_check(db, lines, got), 1);
	CHECK(strstr(got, "household 1, field initials: The first letters "
	    "kept for its search do not match its names") != NULL);
	db_close(db);
}

/* The bulk fill drops the triggers and makes them again; the initials
 * come with the rows. */
static void
test_bulk(void)
{
	static const char *const names[] = { "Søren Ølgaard", "Åse Bæk",
	    "Nguyễn Văn An" };
	struct db	*db;
	long		 i;

	if ((db = open_mem()) == NULL)
		return;
	CHECK_INT(db_bulk_begin(db, 4096), DB_OK);
	CHECK_INT(db_bulk_lists(db, 0), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'trigger' AND name LIKE 'name_word_initials%'"), 0);
	for (i = 0; i < 60; i++)
		add(db, names + i % 2, 1 + (size_t)i % 2);
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'trigger' AND name LIKE 'name_word_initials%'"), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 60);
	CHECK_INT(one(db, "SELECT count(*) FROM household WHERE initials = 0"),
	    0);
	CHECK_INT(one(db, wrong_sql), 0);
	db_close(db);
}

/* A file of schema 19 gets the column, its values, the indexes that
 * carry it and the triggers. */
static void
test_upgrade(void)
{
	static const char *const a[] = { "Søren Mikkelsen", "Åse Bæk" };
	static const char *const b[] = { "مريم Khan" };
	struct db	*db;
	char		*file, *err;
	long		 first;

	file = xasprintf("/tmp/velkomst-test-initials-%ld.db", (long)getpid());
	unlink(file);
	if ((db = db_open(file, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("open: %s", err);
		free(err);
		free(file);
		return;
	}
	add(db, a, 2);
	add(db, b, 1);
	CHECK_INT(db_exec(db, "DROP TRIGGER name_word_initials_add; "
	    "DROP TRIGGER name_word_initials_change; "
	    "DROP INDEX household_newest; CREATE INDEX household_newest ON "
	    "household (moved_in DESC, id DESC); "
	    "UPDATE household SET initials = 0; PRAGMA user_version = 19"),
	    SQLITE_OK);
	db_close(db);
	if ((db = reopen(file)) != NULL) {
		CHECK_INT(one(db, wrong_sql), 0);
		CHECK_INT(initials(db, 1), BIT('s') | BIT('m') | BIT('a') |
		    BIT('b'));
		CHECK_INT(initials(db, 2), OTHER | BIT('k'));
		CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE "
		    "type = 'trigger' AND name LIKE 'name_word_initials%'"), 2);
		CHECK_INT(one(db, "SELECT count(*) FROM pragma_index_info("
		    "'household_newest') WHERE name = 'initials'"), 1);
		CHECK_INT(found(db, "søren m", 1, &first), 1);
		db_close(db);
	}
	unlink(file);
	free(file);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	today = day(2019, 6, 1);
	RUN("initials", test_key_initial);
	RUN("initials", test_writes);
	RUN("initials", test_triggers);
	RUN("initials", test_walk_reads_them);
	RUN("initials", test_bulk);
	RUN("initials", test_upgrade);
	core_key_done();
	TEST_END();
}
