/* test-db.c — the data layer: open and refuse, households, search, paging. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
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

#define DB_STR(x)	#x
#define DB_XSTR(x)	DB_STR(x)

static char		 tmpdir[] = "/tmp/velkomst-test-db-XXXXXX";
static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };

/* A path inside the test folder (new string). */
static char *
tpath(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Fill h with a simple household of the given members. */
static void
mkhouse(struct household *h, const char *name1, const char *name2)
{
	memset(h, 0, sizeof *h);
	h->department = (char *)"bb605";
	h->stairwell = (char *)"Brøndby Strand 10";
	h->flat = (char *)"st. tv.";
	h->moved_in = day(2019, 5, 1);
	h->moved_out = DATE_NONE;
	h->consent_on = DATE_NONE;
	h->members[0] = (char *)name1;
	h->nmembers = 1;
	if (name2 != NULL) {
		h->members[1] = (char *)name2;
		h->nmembers = 2;
	}
}

/* Add a household of one or two members; its id, or 0 on failure. */
static long
add(struct db *db, const char *name1, const char *name2)
{
	struct household h;

	mkhouse(&h, name1, name2);
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name1, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Open a database or fail the test. */
static struct db *
open_ok(const char *path, int flags)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(path, flags, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", path, err);
		free(err);
	}
	return db;
}

/* Count and first names of the households a search finds. */
static long
search(struct db *db, const char *text, char **first)
{
	struct household_query	 q = { .search = text, .order = ORDER_NAME };
	struct household_row	*rows;
	size_t			 n;
	long			 count = -1;

	if (db_household_list(db, &tester, &q, NULL, 100, &rows, &n) != DB_OK ||
	    db_household_count(db, &tester, &q, &count) != DB_OK)
		TEST_FAIL("search %s: %s", text, db_errmsg(db));
	if (count != (long)n)
		TEST_FAIL("search %s: count %ld, list %zu", text, count, n);
	if (first != NULL)
		*first = n > 0 ? xstrdup(rows[0].names) : NULL;
	db_household_rows_free(rows, n);
	return count;
}

/* The whole file as a new buffer; *len gets its size (-1 if missing). */
static char *
slurp(const char *path, long *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;

	*len = -1;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)*len + 1);
	if (fread(buf, 1, (size_t)*len, f) != (size_t)*len)
		*len = -2;
	fclose(f);
	return buf;
}

/* Write len bytes to a new file at path. */
static void
spit(const char *path, const void *buf, size_t len)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL || fwrite(buf, 1, len, f) != len)
		TEST_FAIL("cannot write %s", path);
	if (f != NULL)
		fclose(f);
}

/* 1 if path exists. */
static int
exists(const char *path)
{
	struct stat	 sb;

	return stat(path, &sb) == 0;
}

/* Check that db_open refuses path with a message containing want, and
 * leaves the file byte for byte as it was, without -wal or -shm. */
static void
refused_unchanged(const char *path, const char *want)
{
	char	*before, *after, *err = NULL, *wal, *shm;
	long	 lb, la;
	struct db *db;

	before = slurp(path, &lb);
	db = db_open(path, DB_CREATE, &err);
	CHECK(db == NULL);
	if (db != NULL)
		db_close(db);
	if (err == NULL || strstr(err, want) == NULL ||
	    strstr(err, path) == NULL)
		TEST_FAIL("message \"%s\", want \"%s\"", err ? err : "", want);
	after = slurp(path, &la);
	CHECK(lb >= 0 && la == lb);
	CHECK(lb < 0 || la != lb || memcmp(before, after, (size_t)lb) == 0);
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	CHECK(!exists(wal) && !exists(shm));
	free(wal);
	free(shm);
	free(before);
	free(after);
	free(err);
}

static void
test_roundtrip(void)
{
	struct db	*db = open_ok(":memory:", DB_CREATE);
	struct household h, g;

	if (db == NULL)
		return;
	mkhouse(&h, "محمد علي", "王小明");
	h.members[2] = (char *)"  Søren   Hansen ";
	h.nmembers = 3;
	h.consent = 1;
	h.consent_on = day(2019, 5, 2);
	h.phone = (char *)"+45 12 34 56 78";
	h.languages = (char *)"ar,da";
	h.interpreter = 1;
	h.notes = (char *)"Ring på døren to gange.";
	CHECK_INT(db_household_add(db, &tester, &h), DB_OK);
	CHECK(h.id > 0);
	CHECK_INT(db_household_get(db, &tester, h.id, &g), DB_OK);
	CHECK_INT(g.id, h.id);
	CHECK_STR(g.department, "bb605");
	CHECK_STR(g.stairwell, "Brøndby Strand 10");
	CHECK_STR(g.flat, "st. tv.");
	CHECK_INT(g.moved_in, day(2019, 5, 1));
	CHECK_INT(g.moved_out, DATE_NONE);
	CHECK_INT(g.nmembers, 3);
	CHECK_STR(g.members[0], "محمد علي");
	CHECK_STR(g.members[1], "王小明");
	CHECK_STR(g.members[2], "Søren Hansen");	/* cleaned */
	CHECK_STR(g.phone, "+45 12 34 56 78");
	CHECK_STR(g.languages, "ar,da");
	CHECK_INT(g.interpreter, 1);
	CHECK_INT(g.consent, 1);
	CHECK_INT(g.consent_on, day(2019, 5, 2));
	CHECK_STR(g.consent_by, "tester");
	CHECK_STR(g.notes, "Ring på døren to gange.");
	CHECK_STR(g.created_by, "tester");
	CHECK_STR(g.updated_by, "tester");
	CHECK(g.created_at != NULL && strlen(g.created_at) == 19 &&
	    g.created_at[4] == '-' && g.created_at[10] == ' ');
	CHECK_INT(g.state, HS_AWAITING);
	CHECK_INT(g.attempts, 0);
	CHECK_INT(g.flags, 0);
	CHECK(g.next_date == DATE_NONE && g.last_visit == DATE_NONE &&
	    g.handled_on == DATE_NONE);
	db_household_clear(&g);
	CHECK_INT(db_household_get(db, &tester, h.id + 100, &g), DB_NOTFOUND);
	CHECK(db_errmsg(db)[0] != '\0');
	CHECK(g.department == NULL);
	CHECK_INT(db_readonly(db), 0);
	CHECK_STR(db_path(db), ":memory:");
	db_close(db);
}

/* Two people edit the same household: the second save is refused, and a
 * move-out recorded meanwhile is never undone by an edit. */
static void
test_update_conflict(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household a, b, g;
	long		 id;

	if (db == NULL || (id = add(db, "Søren Hansen", NULL)) == 0)
		goto out;
	CHECK_INT(db_household_get(db, &tester, id, &a), DB_OK);
	CHECK_INT(db_household_get(db, &tester, id, &b), DB_OK);
	CHECK_INT(db_household_move_out(db, &tester, id, a.moved_in), DB_OK);
	free(a.flat);
	a.flat = xstrdup("5. tv.");
	CHECK_INT(db_household_update(db, &tester, &a), DB_CONFLICT);
	CHECK(strstr(db_errmsg(db), "Someone else") != NULL);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.moved_out, a.moved_in);	/* the move-out stands */
	CHECK(strcmp(g.flat, "5. tv.") != 0);
	free(g.flat);
	g.flat = xstrdup("6. th.");
	CHECK_INT(db_household_update(db, &tester, &g), DB_OK);
	CHECK_INT(db_household_update(db, &tester, &g), DB_CONFLICT);
	db_household_clear(&g);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_STR(g.flat, "6. th.");
	CHECK_INT(g.moved_out, a.moved_in);	/* an edit keeps the move-out */
	db_household_clear(&g);
	db_household_clear(&a);
	db_household_clear(&b);
out:
	db_close(db);
}

static void
test_update_move_out(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household h, g;
	long		 id;

	if (db == NULL || (id = add(db, "Søren Hansen", "Mette Hansen")) == 0)
		goto out;
	mkhouse(&h, "Åse Nielsen", NULL);
	h.id = id;
	h.version = 1;		/* as read: a new household is version 1 */
	h.flat = (char *)"2. th.";
	h.notes = (char *)"Ny note";
	CHECK_INT(db_household_update(db, &tester, &h), DB_OK);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.nmembers, 1);
	CHECK_STR(g.members[0], "Åse Nielsen");
	CHECK_STR(g.flat, "2. th.");
	CHECK_STR(g.notes, "Ny note");
	db_household_clear(&g);
	CHECK_INT(search(db, "soren", NULL), 0);	/* old words gone */
	CHECK_INT(search(db, "mette", NULL), 0);
	CHECK_INT(search(db, "aase", NULL), 1);
	h.id = id + 1;
	CHECK_INT(db_household_update(db, &tester, &h), DB_NOTFOUND);

	CHECK_INT(db_household_move_out(db, &tester, id, day(2020, 1, 31)),
	    DB_OK);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.moved_out, day(2020, 1, 31));
	db_household_clear(&g);
	CHECK_INT(db_household_move_out(db, &tester, id, day(2019, 4, 30)),
	    DB_INVALID);
	CHECK_INT(db_household_move_out(db, &tester, id + 5, day(2020, 1, 1)),
	    DB_NOTFOUND);
	CHECK_INT(db_household_move_out(db, &tester, id, DATE_NONE), DB_OK);
	CHECK_INT(db_household_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.moved_out, DATE_NONE);
	db_household_clear(&g);
out:
	db_close(db);
}

static void
test_consent_and_invalid(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household h, g;
	long		 count = -1;
	size_t		 i;

	if (db == NULL)
		return;
	mkhouse(&h, "Anders And", NULL);
	h.phone = (char *)"12345678";
	h.languages = (char *)"da";
	h.consent_on = day(2019, 5, 1);
	h.consent_by = (char *)"someone";
	CHECK_INT(db_household_add(db, &tester, &h), DB_OK);
	CHECK_INT(db_household_get(db, &tester, h.id, &g), DB_OK);
	CHECK(g.phone == NULL && g.languages == NULL && g.consent_by == NULL);
	CHECK_INT(g.consent_on, DATE_NONE);
	db_household_clear(&g);

	mkhouse(&h, "Bent Berg", NULL);
	h.notes = (char *)"CPR 010203-1234 spurgt";
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	CHECK(db_errmsg(db)[0] != '\0');
	/* Cleaning joins white space: the check sees what would be stored. */
	mkhouse(&h, "Bent Berg", NULL);
	h.notes = (char *)"spurgt 010203  1234";
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.notes = (char *)"spurgt 010203\xc2\xa0" "1234";
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.nmembers = 0;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.nmembers = HOUSEHOLD_MAX_MEMBERS + 1;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "   ", NULL);
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent\x1b[31m", NULL);
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.moved_out = h.moved_in - 1;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.moved_in = DATE_NONE;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.flat = NULL;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.department = NULL;
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	h.consent = 1;
	h.phone = (char *)"call me";
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	mkhouse(&h, "Bent Berg", NULL);
	CHECK_INT(db_household_add(db, NULL, &h), DB_DENIED);
	mkhouse(&h, "Bent Berg", NULL);
	for (i = 0; i < HOUSEHOLD_MAX_MEMBERS; i++)
		h.members[i] = (char *)"Bent Berg";
	h.nmembers = HOUSEHOLD_MAX_MEMBERS;
	CHECK_INT(db_household_add(db, &tester, &h), DB_OK);
	CHECK_INT(db_household_count(db, &tester,
	    &(struct household_query){ .order = ORDER_NEWEST }, &count),
	    DB_OK);
	CHECK_INT(count, 2);			/* nothing refused was stored */
	db_close(db);
}

/* 1 if the search finds exactly one household whose names are want. */
static void
search_one(struct db *db, const char *text, const char *want)
{
	char	*first = NULL;
	long	 n = search(db, text, &first);

	if (n != 1 || first == NULL || strcmp(first, want) != 0)
		TEST_FAIL("search \"%s\": %ld found, first \"%s\", want \"%s\"",
		    text, n, first ? first : "", want);
	free(first);
}

static void
test_search(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household_query q = { .search = "hansen",
	    .department = "bb606", .order = ORDER_NAME };
	struct household h;
	long		 count;

	if (db == NULL)
		return;
	add(db, "Søren Hansen", NULL);
	add(db, "Åse Nielsen", NULL);
	add(db, "Mette Ølgaard-Jensen", "Ib Jensen");
	add(db, "محمد علي", NULL);
	add(db, "王小明", NULL);
	add(db, "Hans Sørby", NULL);
	search_one(db, "soren", "Søren Hansen");
	search_one(db, "SØREN", "Søren Hansen");
	search_one(db, "Søren", "Søren Hansen");
	search_one(db, "søren hans", "Søren Hansen");
	search_one(db, "aa", "Åse Nielsen");
	search_one(db, "Å", "Åse Nielsen");
	search_one(db, "ase niel", "Åse Nielsen");
	search_one(db, "jens", "Mette Ølgaard-Jensen; Ib Jensen");
	search_one(db, "olg", "Mette Ølgaard-Jensen; Ib Jensen");
	search_one(db, "mette-ib", "Mette Ølgaard-Jensen; Ib Jensen");
	search_one(db, "محم", "محمد علي");
	search_one(db, "王", "王小明");
	search_one(db, "sørby", "Hans Sørby");
	search_one(db, "sorb", "Hans Sørby");
	CHECK_INT(search(db, "han", NULL), 2);	/* Hansen and Hans */
	CHECK_INT(search(db, "so", NULL), 2);	/* Søren and Sørby */
	CHECK_INT(search(db, "ansen", NULL), 0); /* word starts only */
	CHECK_INT(search(db, "søren nielsen", NULL), 0);
	CHECK_INT(search(db, "", NULL), 6);
	CHECK_INT(search(db, "  -  ", NULL), 6);
	CHECK_INT(search(db, "%", NULL), 0);
	CHECK_INT(search(db, "_", NULL), 0);
	CHECK_INT(search(db, "h a n s e", NULL), 0);
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 0);
	mkhouse(&h, "Karen Hansen", NULL);
	h.department = (char *)"bb606";
	CHECK_INT(db_household_add(db, &tester, &h), DB_OK);
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 1);
	db_close(db);
}

/* Fill a household numbered i for the paging test. */
static void
page_house(struct household *h, int i, char *name, size_t len)
{
	static const char *first[] = { "Åse", "Aage", "Zenia", "Ørsted",
	    "Anders", "Ærø", "محمد", "王小明", "Bent", "Søren", "aase" };

	snprintf(name, len, "%s %d", first[i % 11], i % 17);
	mkhouse(h, name, NULL);
	h->moved_in = day(2019, 1 + i % 12, 1 + i % 5);	/* many ties */
	h->department = (char *)(i % 3 == 0 ? "bb605" : "bb607");
}

/* Page through q in windows of 37; check each row comes once, in order. */
static void
page_all(struct db *db, const struct household_query *q, long want)
{
	struct household_row	*rows, last = { 0 };
	char			*lastkey = NULL;
	size_t			 n, i;
	long			 seen = 0;
	int			 first = 1;

	do {
		last.sort_key = lastkey;
		if (db_household_list(db, &tester, q, first ? NULL : &last, 37,
		    &rows, &n) != DB_OK) {
			TEST_FAIL("list: %s", db_errmsg(db));
			break;
		}
		for (i = 0; i < n; i++, seen++) {
			int after = first && i == 0 ? 1 :
			    q->order == ORDER_NAME ?
			    strcmp(rows[i].sort_key, last.sort_key) > 0 ||
			    (strcmp(rows[i].sort_key, last.sort_key) == 0 &&
			    rows[i].id > last.id) :
			    rows[i].moved_in < last.moved_in ||
			    (rows[i].moved_in == last.moved_in &&
			    rows[i].id < last.id);

			if (!after)
				TEST_FAIL("row %ld out of order", seen);
			last.id = rows[i].id;
			last.moved_in = rows[i].moved_in;
			free(lastkey);
			last.sort_key = lastkey = xstrdup(rows[i].sort_key);
		}
		first = 0;
		db_household_rows_free(rows, n);
	} while (n == 37);
	free(lastkey);
	CHECK_INT(seen, want);
}

/* The ids of q walked in windows of 23 (forward or backward) into ids;
 * returns how many. */
static size_t
walk_ids(struct db *db, struct household_query q, int backward, long *ids,
    size_t max)
{
	struct household_row	*rows, last = { 0 };
	size_t			 n, i, got = 0;
	int			 first = 1;

	q.backward = backward;
	do {
		if (db_household_list(db, &tester, &q, first ? NULL : &last, 23,
		    &rows, &n) != DB_OK) {
			TEST_FAIL("list: %s", db_errmsg(db));
			break;
		}
		for (i = 0; i < n && got < max; i++)
			ids[got++] = rows[i].id;
		if (n > 0) {
			db_household_row_clear(&last);
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
			last.sort_key = xstrdup(rows[n - 1].sort_key);
		}
		first = 0;
		db_household_rows_free(rows, n);
	} while (n == 23);
	db_household_row_clear(&last);
	return got;
}

/* Walking backward from the end gives the forward walk reversed. */
static void
check_backward(struct db *db, const struct household_query *q, size_t want)
{
	long	fwd[300], bwd[300];
	size_t	nf, nb, i;

	nf = walk_ids(db, *q, 0, fwd, 300);
	nb = walk_ids(db, *q, 1, bwd, 300);
	CHECK_INT(nf, want);
	CHECK_INT(nb, want);
	for (i = 0; i < nf && i < nb; i++)
		if (fwd[i] != bwd[nb - 1 - i]) {
			TEST_FAIL("backward row %zu is %ld, want %ld", i,
			    bwd[nb - 1 - i], fwd[i]);
			break;
		}
}

static void
test_paging(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household h;
	struct household_query q = { .order = ORDER_NEWEST };
	char		 name[64];
	long		 count;
	int		 i;

	if (db == NULL)
		return;
	CHECK_INT(db_batch_begin(db), DB_OK);
	for (i = 0; i < 250; i++) {
		page_house(&h, i, name, sizeof name);
		if (db_household_add(db, &tester, &h) != DB_OK)
			TEST_FAIL("add %d: %s", i, db_errmsg(db));
	}
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	page_all(db, &q, 250);
	check_backward(db, &q, 250);
	q.order = ORDER_NAME;
	page_all(db, &q, 250);
	check_backward(db, &q, 250);
	q.department = "bb605";
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 84);
	page_all(db, &q, 84);
	q.order = ORDER_NEWEST;
	page_all(db, &q, 84);
	q.department = NULL;
	q.search = "aa";		/* Åse, Aage, aase: 3 of 11 */
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 68);
	page_all(db, &q, 68);
	check_backward(db, &q, 68);
	q.order = ORDER_NAME;
	page_all(db, &q, 68);
	check_backward(db, &q, 68);
	db_close(db);
}

/* Check that the unique ids of a full list cover exactly 1..n. */
static void
test_paging_order(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household_query q = { .order = ORDER_NAME };
	struct household_row *rows;
	const char	*names[] = { "Åse", "Zenia", "Anders", "Ærø", "Aase",
	    "Ørsted", "Bent" };
	const char	*want[] = { "Anders", "Bent", "Zenia", "Ærø", "Ørsted" };
	size_t		 n, i;

	if (db == NULL)
		return;
	for (i = 0; i < 7; i++)
		add(db, names[i], NULL);
	CHECK_INT(db_household_list(db, &tester, &q, NULL, 10, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 7);
	for (i = 0; i < 5 && i < n; i++)
		CHECK_STR(rows[i].names, want[i]);
	for (i = 5; i < n; i++)		/* Aa and Å last, together */
		CHECK(strcmp(rows[i].names, "Åse") == 0 ||
		    strcmp(rows[i].names, "Aase") == 0);
	db_household_rows_free(rows, n);
	CHECK_INT(db_household_list(db, &tester, &q, NULL, 0, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 0);
	db_household_rows_free(rows, n);
	db_close(db);
}

static void
test_refuse_files(void)
{
	char		*path = tpath("notdb.db"), *p2 = tpath("foreign.db");
	char		*p3 = tpath("garbage.db"), *p4 = tpath("short.db");
	unsigned char	 junk[8192];
	sqlite3		*raw;
	size_t		 i;

	spit(path, "hello, this is a text file, not a database\n", 43);
	refused_unchanged(path, "not a velkomst database");
	spit(p4, "SQLite", 6);
	refused_unchanged(p4, "not a velkomst database");

	/* Another program's SQLite database, in WAL mode. */
	CHECK(sqlite3_open(p2, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "PRAGMA journal_mode=WAL; CREATE TABLE t(x); "
	    "INSERT INTO t VALUES (1)", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	refused_unchanged(p2, "not a velkomst database");

	/* A valid header and random bytes. */
	srand(42);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)rand();
	memcpy(junk, "SQLite format 3", 16);
	memset(junk + 60, 0, 12);	/* no foreign application_id */
	spit(p3, junk, sizeof junk);
	refused_unchanged(p3, "damaged");
	free(path);
	free(p2);
	free(p3);
	free(p4);
}

/* Make a velkomst database file with n households; returns its path. */
static char *
make_file(const char *name, int n)
{
	char		*path = tpath(name), nm[64];
	struct db	*db = open_ok(path, DB_CREATE);
	struct household h;
	int		 i;

	if (db == NULL)
		return path;
	for (i = 0; i < n; i++) {
		page_house(&h, i, nm, sizeof nm);
		h.notes = (char *)"En lang note, så filen fylder nogle sider. "
		    "En lang note, så filen fylder nogle sider. "
		    "En lang note, så filen fylder nogle sider.";
		if (db_household_add(db, &tester, &h) != DB_OK)
			TEST_FAIL("add: %s", db_errmsg(db));
	}
	db_close(db);
	return path;
}

/* The user_version of the file at path, read with sqlite3 itself. */
static int
file_version(const char *path)
{
	sqlite3		*raw;
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(raw, "PRAGMA user_version", -1,
	    &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(raw);
	return v;
}

/* A command that only reads cannot upgrade an older file: it says how to
 * upgrade it, and leaves it at its schema. */
static void
test_readonly_older(void)
{
	char		*path = make_file("older.db", 1), *err = NULL;
	struct db	*db;

	db = open_ok(path, 0);
	if (db == NULL)
		goto out;
	CHECK_INT(db_exec(db, "PRAGMA user_version = 4"), SQLITE_OK);
	db_close(db);
	CHECK(db_open(path, DB_READ_ONLY, &err) == NULL);
	CHECK(err != NULL && strstr(err, "made by an older velkomst") !=
	    NULL && strstr(err, "This command only reads") != NULL);
	free(err);
	CHECK_INT(file_version(path), 4);	/* left as it was */
out:
	free(path);
}

static void
test_refuse_newer_and_truncated(void)
{
	char		*want;
	char		*path = make_file("newer.db", 3), *p2;
	sqlite3		*raw;
	long		 len;
	char		*buf;

	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL,
	    NULL) == SQLITE_OK);
	sqlite3_close(raw);
	want = xasprintf("newer velkomst (schema 99); this velkomst knows "
	    "schema %d", DB_SCHEMA_VERSION);
	refused_unchanged(path, want);
	free(want);
	free(path);

	p2 = make_file("truncated.db", 250);
	buf = slurp(p2, &len);
	CHECK(len > 8192);
	if (buf != NULL && len > 8192)
		spit(p2, buf, (size_t)len / 2);
	free(buf);
	refused_unchanged(p2, "damaged");
	free(p2);
}

static void
test_readonly(void)
{
	char		*path = make_file("ro.db", 2), *err = NULL;
	char		*shm = xasprintf("%s-shm", path);
	char		*wal = xasprintf("%s-wal", path);
	struct db	*db;
	struct household h, g;
	long		 count = 0;

	CHECK(chmod(path, 0400) == 0);
	db = open_ok(path, 0);
	if (db == NULL)
		goto out;
	CHECK_INT(db_readonly(db), 1);
	CHECK_INT(db_household_count(db, &tester,
	    &(struct household_query){ .search = "aase",
	    .order = ORDER_NAME }, &count),
	    DB_OK);
	CHECK_INT(count, 1);
	CHECK_INT(db_household_get(db, &tester, 1, &g), DB_OK);
	CHECK_STR(g.members[0], "Åse 0");
	db_household_clear(&g);
	mkhouse(&h, "Nyt Navn", NULL);
	CHECK_INT(db_household_add(db, &tester, &h), DB_READONLY);
	CHECK(strstr(db_errmsg(db), "is read-only, so changes cannot be "
	    "saved") != NULL && strstr(db_errmsg(db), path) != NULL);
	CHECK_INT(db_household_move_out(db, &tester, 1, DATE_NONE),
	    DB_READONLY);
	CHECK_INT(db_mark_demo(db), DB_READONLY);
	CHECK_INT(db_batch_begin(db), DB_READONLY);
	db_close(db);
	CHECK(!exists(shm) && !exists(wal));	/* opened immutable */
	CHECK(chmod(path, 0600) == 0);

	/* DB_READ_ONLY on a writable file. */
	db = open_ok(path, DB_READ_ONLY);
	if (db != NULL) {
		CHECK_INT(db_readonly(db), 1);
		CHECK_INT(db_household_add(db, &tester, &h), DB_READONLY);
		db_close(db);
	}
	/* A missing file is not created without DB_CREATE. */
	free(path);
	path = tpath("missing.db");
	CHECK(db_open(path, 0, &err) == NULL);
	CHECK(err != NULL && strstr(err, path) != NULL);
	CHECK(!exists(path));
	free(err);
	err = NULL;
	CHECK(db_open(path, DB_CREATE | DB_READ_ONLY, &err) == NULL);
	CHECK(!exists(path));
	free(err);
out:
	free(shm);
	free(wal);
	free(path);
}

static void
test_busy(void)
{
	char		*path = make_file("busy.db", 1);
	struct db	*a = open_ok(path, 0), *b = open_ok(path, 0);
	struct household h;
	sqlite3		*raw;

	if (a == NULL || b == NULL)
		goto out;
	db_set_busy_timeout(a, 100);
	CHECK_INT(db_batch_begin(b), DB_OK);	/* holds BEGIN IMMEDIATE */
	mkhouse(&h, "Vent Lidt", NULL);
	CHECK_INT(db_household_add(a, &tester, &h), DB_BUSY);
	CHECK_STR(db_errmsg(a), "Another person is saving in velkomst right "
	    "now. Nothing was lost; try again in a moment.");
	CHECK_INT(db_mark_demo(a), DB_BUSY);
	CHECK_INT(db_batch_end(b, 0), DB_OK);
	CHECK_INT(db_household_add(a, &tester, &h), DB_OK);

	/* The same with a raw SQLite handle holding the lock. */
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK);
	CHECK_INT(db_household_move_out(a, &tester, h.id, DATE_NONE), DB_BUSY);
	sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(raw);
	CHECK_INT(db_household_move_out(a, &tester, h.id, DATE_NONE), DB_OK);
out:
	db_close(a);
	db_close(b);
	free(path);
}

static void
test_create_modes(void)
{
	char		*dir = tpath("a"), *path = tpath("a/b/velkomst.db");
	char		*wal = xasprintf("%s-wal", path), *sub = tpath("a/b");
	struct db	*db = open_ok(path, DB_CREATE);
	struct stat	 sb;
	char		 jm[16] = "";
	sqlite3_stmt	*st;

	if (db == NULL)
		goto out;
	add(db, "Ny Beboer", NULL);
	CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 07777) == 0700);
	CHECK(stat(sub, &sb) == 0 && (sb.st_mode & 07777) == 0700);
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 07777) == 0600);
	CHECK(stat(wal, &sb) == 0 && (sb.st_mode & 07777) == 0600);
	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(jm, sizeof jm, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	CHECK_STR(jm, "wal");
	db_close(db);
	CHECK(!exists(wal));		/* closed cleanly */
	/* Opening again finds it as it was. */
	if ((db = open_ok(path, DB_CREATE)) != NULL) {
		CHECK_INT(search(db, "beboer", NULL), 1);
		db_close(db);
	}
out:
	free(dir);
	free(sub);
	free(path);
	free(wal);
}

static void
test_demo_and_check(void)
{
	char		*path = tpath("demo.db");
	struct db	*db = open_ok(path, DB_CREATE);
	int		 problems = 0;

	if (db == NULL)
		goto out;
	CHECK_INT(db_is_demo(db), 0);
	CHECK_INT(db_is_empty(db), 1);
	CHECK_INT(db_mark_demo(db), DB_OK);
	CHECK_INT(db_is_demo(db), 1);
	add(db, "Demo Person", NULL);
	CHECK_INT(db_is_empty(db), 0);
	CHECK_INT(db_check(db, NULL, NULL), 0);
	/* A member without its household, made behind our back. */
	CHECK(db_exec(db, "PRAGMA foreign_keys = OFF; INSERT INTO member "
	    "(household_id, position, name, search_key, sort_key) VALUES "
	    "(999, 0, 'X', 'x', '')") == SQLITE_OK);
	CHECK_INT(db_check(db, NULL, NULL) >= 1, 1);
	db_close(db);
	if ((db = open_ok(path, 0)) != NULL) {
		CHECK_INT(db_is_demo(db), 1);
		db_close(db);
	}
	(void)problems;
out:
	free(path);
}

/* Count report lines. */
static void
count_line(void *ctx, const char *line)
{
	(void)line;
	(*(int *)ctx)++;
}

static void
test_check_report(void)
{
	struct db	*db = open_ok(":memory:", 0);
	int		 lines = 0;

	if (db == NULL)
		return;
	add(db, "Ok Person", NULL);
	CHECK_INT(db_check(db, count_line, &lines), 0);
	CHECK_INT(lines, 0);
	CHECK(db_exec(db, "PRAGMA foreign_keys = OFF; INSERT INTO name_word "
	    "(key, member_id, household_id) VALUES ('zz', 12345, 1)") == SQLITE_OK);
	CHECK_INT(db_check(db, count_line, &lines), 1);
	CHECK_INT(lines, 1);
	db_close(db);
}

static void
test_stock_sqlite3(void)
{
	char		*path = make_file("stock.db", 5), *cmd, *out = tpath("out");
	char		*text;
	long		 len;

	cmd = xasprintf("sqlite3 '%s' \"SELECT count(*) FROM household; "
	    "SELECT count(*) FROM sqlite_master WHERE replace(sql, "
	    "'COLLATE NOCASE', '') LIKE '%%COLLATE%%'; "
	    "INSERT INTO meta VALUES ('x', 'y');\" > '%s' 2>&1", path, out);
	if (system("command -v sqlite3 >/dev/null 2>&1") == 0) {
		CHECK_INT(system(cmd), 0);
		text = slurp(out, &len);
		CHECK_STR(text != NULL ? (text[len] = '\0', text) : NULL,
		    "5\n0\n");
		free(text);
	}
	free(cmd);
	free(out);
	free(path);
}

static void
test_rekey(void)
{
	char		*path = make_file("rekey.db", 11);
	struct db	*db = open_ok(path, 0);
	sqlite3_stmt	*st;
	long		 kv = 0;

	if (db == NULL)
		goto out;
	CHECK(db_exec(db, "DELETE FROM name_word; UPDATE member SET "
	    "search_key = '', sort_key = ''; UPDATE household SET sort_key = '';"
	    "UPDATE meta SET value = '0' WHERE key = 'key_version'") ==
	    SQLITE_OK);
	CHECK_INT(search(db, "zenia", NULL), 0);
	db_close(db);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK_INT(search(db, "zenia", NULL), 1);
	CHECK_INT(search(db, "aa", NULL), 3);
	if (sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key = "
	    "'key_version'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		kv = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	CHECK_INT(kv, CORE_KEY_VERSION);
	CHECK_INT(db_check(db, NULL, NULL), 0);
	db_close(db);
out:
	free(path);
}

static void
test_batch(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household h;
	long		 count = -1;
	struct household_query q = { .order = ORDER_NEWEST };

	if (db == NULL)
		return;
	CHECK_INT(db_batch_begin(db), DB_OK);
	CHECK_INT(db_batch_begin(db), DB_ERROR);
	add(db, "En", NULL);
	add(db, "To", NULL);
	CHECK_INT(db_batch_end(db, 0), DB_OK);
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 0);
	CHECK_INT(db_batch_end(db, 1), DB_ERROR);
	CHECK_INT(db_batch_begin(db), DB_OK);
	add(db, "En", NULL);
	mkhouse(&h, "Tre", NULL);
	h.notes = (char *)"0102031234";
	CHECK_INT(db_household_add(db, &tester, &h), DB_INVALID);
	add(db, "To", NULL);
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 2);
	db_close(db);
}

/* A stamp stays the same while nothing is written, through this
 * connection or another. */
static void
test_stamp(void)
{
	struct db_stamp	 a, b;
	struct db	*db, *other;
	char		*path = tpath("stamp.db"), *err;

	if ((db = db_open(path, DB_CREATE, &err)) == NULL ||
	    (other = db_open(path, 0, &err)) == NULL) {
		TEST_FAIL("open: %s", err);
		free(err);
		if (db != NULL)
			db_close(db);
		free(path);
		return;
	}
	db_stamp(db, &a);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 0);
	db_stamp(db, &b);
	CHECK(db_stamp_same(&a, &b));
	CHECK(db_stamp_unchanged(db, &a));
	CHECK_INT(db_exec(db, "INSERT INTO meta (key, value) VALUES "
	    "('stamp', '1')"), SQLITE_OK);
	db_stamp(db, &b);
	CHECK(!db_stamp_same(&a, &b));
	CHECK(!db_stamp_unchanged(db, &a));
	db_stamp(db, &a);
	CHECK_INT(db_exec(other, "UPDATE meta SET value = '2' WHERE "
	    "key = 'stamp'"), SQLITE_OK);
	db_stamp(db, &b);
	CHECK(!db_stamp_same(&a, &b));
	CHECK(!db_stamp_unchanged(db, &a));
	db_close(other);
	db_close(db);
	free(path);
}

static void
test_default_path(void)
{
	char	*p;

	setenv("XDG_DATA_HOME", "/srv/data", 1);
	p = db_default_path();
	CHECK_STR(p, "/srv/data/velkomst/velkomst.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/ib", 1);
	p = db_default_path();
	CHECK_STR(p, "/home/ib/.local/share/velkomst/velkomst.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = db_default_path();
	CHECK_STR(p, "/home/ib/.local/share/velkomst/velkomst.db");
	free(p);
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
	RUN("db", test_roundtrip);
	RUN("db", test_update_move_out);
	RUN("db", test_update_conflict);
	RUN("db", test_consent_and_invalid);
	RUN("db", test_search);
	RUN("db", test_paging);
	RUN("db", test_paging_order);
	RUN("db", test_refuse_files);
	RUN("db", test_refuse_newer_and_truncated);
	RUN("db", test_readonly);
	RUN("db", test_readonly_older);
	RUN("db", test_busy);
	RUN("db", test_create_modes);
	RUN("db", test_demo_and_check);
	RUN("db", test_check_report);
	RUN("db", test_stock_sqlite3);
	RUN("db", test_rekey);
	RUN("db", test_batch);
	RUN("db", test_stamp);
	RUN("db", test_default_path);
	core_key_done();
	if (test_failures == 0) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	} else
		fprintf(stderr, "evidence kept in %s\n", tmpdir);
	TEST_END();
}
