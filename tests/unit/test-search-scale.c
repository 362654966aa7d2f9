/*
 * test-search-scale.c — the lists at any size: a search word checked
 * household by household while the list walks its order (EXISTS) gives
 * the same rows in the same order as the word's households fetched and
 * sorted (IN), both ways, for every order, filter and role; the walk
 * sorts nothing; counts that stop at a cap; the tally of the register
 * kept by triggers; and "1,000+" in English and Danish.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"
#include "test-db.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])
#define MAXROWS	400
#define PAGE	7

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
/* Like the demo's lene: two departments, each walked on its own. */
static const struct who	 two = { .name = "lene",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605", "606" },
			    .ndepartments = 2 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-01 */

static const char *const firsts[] = {
	"Søren", "Sofie", "Mette", "Jens", "Åse", "Aage", "Sara", "Ali",
	"Fatima", "Signe", "Jørgen", "Mette-Marie",
};
static const char *const lasts[] = {
	"Hansen", "Jensen", "Sørensen", "Aagaard", "Khan", "Skov", "Nielsen",
	"Østergaard",
};
static const char *const depts[] = { "605", "606", "tm13" };

/* Household i of the register: names, department and move-in spread so
 * that moves-in and sort keys repeat (the id breaks the ties). */
static long
house(struct db *db, int i)
{
	struct household h;
	char		 a[64], b[64], flat[16];

	memset(&h, 0, sizeof h);
	h.department = (char *)depts[i % N(depts)];
	h.stairwell = "";
	snprintf(flat, sizeof flat, "%d. th.", i % 7);
	h.flat = flat;
	h.moved_in = today - (i * 7) % 90;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	snprintf(a, sizeof a, "%s %s", firsts[i % N(firsts)],
	    lasts[(i / 3) % N(lasts)]);
	snprintf(b, sizeof b, "%s %s", firsts[(i * 5 + 1) % N(firsts)],
	    lasts[(i / 2) % N(lasts)]);
	h.members[0] = a;
	h.members[1] = b;
	h.nmembers = i % 4 == 0 ? 1 : 2;
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add %d: %s", i, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* A database in memory with n households, or NULL. */
static struct db *
register_of(int n)
{
	struct db	*db;
	char		*err;
	int		 i;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (house(db, i) == 0)
			break;
	return db;
}

/* Every row of q, a page at a time after the last (backward: before),
 * into ids: how many, or -1. */
static long
walk(struct db *db, const struct who *who, struct household_query *q,
    long *ids)
{
	struct household_row	*rows, last;
	size_t			 n, i;
	long			 total = 0;
	int			 have = 0;

	memset(&last, 0, sizeof last);
	do {
		if (db_household_list(db, who, q, have ? &last : NULL, PAGE,
		    &rows, &n) != DB_OK) {
			TEST_FAIL("list: %s", db_errmsg(db));
			db_household_row_clear(&last);
			return -1;
		}
		for (i = 0; i < n && total < MAXROWS; i++)
			ids[total++] = rows[i].id;
		if (n > 0) {
			db_household_row_clear(&last);
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
			last.sort_key = xstrdup(rows[n - 1].sort_key);
			have = 1;
		}
		db_household_rows_free(rows, n);
	} while (n == PAGE && total < MAXROWS);
	db_household_row_clear(&last);
	return total;
}

/* The same rows, the same order, with every word fetched (IN) and with
 * every word walked (EXISTS), forward and backward. */
static void
same_both_ways(struct db *db, const struct who *who, const char *search,
    enum household_order order, enum household_filter filter)
{
	static long	 in[MAXROWS], ex[MAXROWS], back[MAXROWS];
	struct household_query q;
	long		 nin, nex, nback, i;

	memset(&q, 0, sizeof q);
	q.search = search;
	q.order = order;
	q.filter = filter;
	q.today = today;
	q.deadline = 14;
	db_search_rare(db, 1000000);		/* every word rare: IN */
	nin = walk(db, who, &q, in);
	db_search_rare(db, 1);			/* every word common */
	nex = walk(db, who, &q, ex);
	q.backward = 1;
	nback = walk(db, who, &q, back);
	db_search_rare(db, 0);
	if (nin != nex || nin != nback) {
		TEST_FAIL("\"%s\" order %d filter %d: %ld rows fetched, %ld "
		    "walked, %ld backward", search, order, filter, nin, nex,
		    nback);
		return;
	}
	for (i = 0; i < nin; i++)
		if (in[i] != ex[i] || in[i] != back[nin - 1 - i]) {
			TEST_FAIL("\"%s\" order %d filter %d: row %ld is %ld "
			    "fetched, %ld walked, %ld backward", search, order,
			    filter, i, in[i], ex[i], back[nin - 1 - i]);
			return;
		}
}

/* Walking and fetching agree for every search, order, filter and role. */
static void
test_walk_same_as_fetch(void)
{
	static const char *const searches[] = {
		"s", "sø", "soren", "SØREN", "mette j", "j mette", "aa", "å",
		"x", "sofie s", "",
	};
	static const enum household_order orders[] = {
		ORDER_NEWEST, ORDER_NAME, ORDER_URGENT, ORDER_REGISTERED,
	};
	static const enum household_filter filters[] = {
		FILTER_ALL, FILTER_OVERDUE, FILTER_DUE,
	};
	struct db	*db = register_of(150);
	size_t		 s, o, f;

	if (db == NULL)
		return;
	for (s = 0; s < N(searches); s++)
		for (o = 0; o < N(orders); o++)
			for (f = 0; f < N(filters); f++) {
				same_both_ways(db, &sec, searches[s], orders[o],
				    filters[f]);
				same_both_ways(db, &amb, searches[s], orders[o],
				    filters[f]);
				same_both_ways(db, &two, searches[s], orders[o],
				    filters[f]);
			}
	db_close(db);
}

/* Who's search finds only who's departments' households, and all of
 * those the secretariat's search finds there, in its order. */
static void
sees_own(struct db *db, const struct who *who, const char *in)
{
	static long	 all[MAXROWS], hers[MAXROWS];
	struct household_query q = { .search = "s", .order = ORDER_NEWEST };
	char		 sql[160];
	long		 nall, nhers, i, want = 0;
	int		 mine;

	q.today = today;
	nall = walk(db, &sec, &q, all);
	nhers = walk(db, who, &q, hers);
	for (i = 0; i < nall; i++) {
		snprintf(sql, sizeof sql, "SELECT department IN (%s) FROM "
		    "household WHERE id = %ld", in, all[i]);
		mine = one(db, sql) == 1;
		if (mine && want < nhers && hers[want] == all[i])
			want++;
		else if (mine)
			TEST_FAIL("%s: household %ld of %s is not hers",
			    who->name, all[i], in);
	}
	CHECK_INT(nhers, want);
	CHECK(nhers > 0 && nhers < nall);
}

/* An ambassador sees her departments' households only, walked or
 * fetched, of one department or of two. */
static void
test_ambassador_sees_hers(void)
{
	struct db	*db = register_of(150);
	long		 rare;

	if (db == NULL)
		return;
	for (rare = 0; rare <= 1; rare++) {
		db_search_rare(db, rare);
		sees_own(db, &amb, "'605'");
		sees_own(db, &two, "'605', '606'");
	}
	db_close(db);
}

/* The SQL of the last statement that has both strings of want (the
 * second may be NULL), kept in sql by the trace callback trace. */
struct traced {
	const char	*want[2];
	char		*sql;
};
#define TRACE_PAGE	{ "LIMIT ?12", "ORDER BY" }	/* a page query */
#define TRACE_COUNT	{ "SELECT DISTINCT", NULL }	/* a count */

static int
trace(unsigned type, void *ctx, void *p, void *x)
{
	struct traced	*t = ctx;
	const char	*s = sqlite3_sql(p);
	size_t		 i;

	(void)type;
	(void)x;
	if (s == NULL)
		return 0;
	for (i = 0; i < 2; i++)
		if (t->want[i] != NULL && strstr(s, t->want[i]) == NULL)
			return 0;
	free(t->sql);
	t->sql = xstrdup(s);
	return 0;
}

/*
 * 1 if the plan of sql sorts the households in a temporary b-tree.  A
 * sort of a page already cut (a department's first page, "SCAN
 * (subquery-N)" beside it, or the merged page p_) is a sort of a page,
 * not of the households.
 */
static int
sorts(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	char		*eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	int		 parent[64], page[64], n = 0, i, found = 0;
	const char	*d;

	if (sqlite3_prepare_v2(db->h, eqp, -1, &st, NULL) != SQLITE_OK)
		TEST_FAIL("%s: %s", eqp, sqlite3_errmsg(db->h));
	else {
		while (sqlite3_step(st) == SQLITE_ROW && n < 64) {
			d = (const char *)sqlite3_column_text(st, 3);
			parent[n] = sqlite3_column_int(st, 1);
			page[n] = strncmp(d, "SCAN (subquery", 14) == 0 ||
			    strcmp(d, "SCAN p_") == 0 ? 1 :
			    strstr(d, "TEMP B-TREE") != NULL ? 2 : 0;
			n++;
		}
		sqlite3_finalize(st);
	}
	for (i = 0; i < n; i++) {
		int	j, cut = 0;

		if (page[i] != 2)
			continue;
		for (j = 0; j < n; j++)
			if (page[j] == 1 && parent[j] == parent[i])
				cut = 1;
		if (!cut)
			found = 1;
	}
	free(eqp);
	return found;
}

/* A common word walks the order's index: no sort, for the secretariat
 * and for an ambassador, in both orders of the register. */
static void
test_common_word_sorts_nothing(void)
{
	static const enum household_order orders[] = {
		ORDER_NEWEST, ORDER_NAME,
	};
	const struct who *whos[] = { &sec, &amb, &two };
	struct household_query q = { .search = "s" };
	struct household_row *rows;
	struct db	*db = register_of(40);
	struct traced	 t = { TRACE_PAGE, NULL };
	size_t		 n, o, w;

	if (db == NULL)
		return;
	q.today = today;
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, trace, &t);
	for (o = 0; o < N(orders); o++)
		for (w = 0; w < N(whos); w++) {
			q.order = orders[o];
			db_search_rare(db, 1);
			CHECK_INT(db_household_list(db, whos[w], &q, NULL, 10,
			    &rows, &n), DB_OK);
			db_household_rows_free(rows, n);
			CHECK(t.sql != NULL && strstr(t.sql, "EXISTS") != NULL);
			if (t.sql != NULL && sorts(db, t.sql))
				TEST_FAIL("a walked search sorts: %s", t.sql);
			/* With the bound as it ships, "s" (most of the 40
			 * households) is walked too: fetching them all
			 * costs more than walking to 10 of them. */
			db_search_rare(db, 0);
			CHECK_INT(db_household_list(db, whos[w], &q, NULL, 10,
			    &rows, &n), DB_OK);
			db_household_rows_free(rows, n);
			CHECK(t.sql != NULL && strstr(t.sql, "EXISTS") != NULL);
			/* A rare word is fetched, and may be sorted. */
			q.search = "khan";
			CHECK_INT(db_household_list(db, whos[w], &q, NULL, 10,
			    &rows, &n), DB_OK);
			db_household_rows_free(rows, n);
			CHECK(t.sql != NULL && strstr(t.sql, "EXISTS") == NULL);
			q.search = "s";
		}
	sqlite3_trace_v2(db->h, 0, NULL, NULL);
	free(t.sql);
	db_close(db);
}

/* Counts the estimates of search words that ran (a trace callback). */
static int
count_estimates(unsigned type, void *ctx, void *p, void *x)
{
	const char	*s = sqlite3_sql(p);

	(void)type;
	(void)x;
	if (s != NULL && strncmp(s, "SELECT count(*) FROM (SELECT 1 FROM "
	    "name_word WHERE key", 50) == 0)
		(*(int *)ctx)++;
	return 0;
}

/* A household of the made-up name "Quentin" in department 605. */
static void
quentin(struct db *db, int i)
{
	struct household h;
	char		 flat[16];

	memset(&h, 0, sizeof h);
	snprintf(flat, sizeof flat, "q%d", i);
	h.department = "605";
	h.stairwell = "";
	h.flat = flat;
	h.moved_in = today - i;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = "Quentin Hansen";
	h.nmembers = 1;
	if (db_household_add(db, &sec, &h) != DB_OK)
		TEST_FAIL("add: %s", db_errmsg(db));
}

/* A keystroke's count and page estimate its words once; a change made
 * here or through another connection has them estimated again, so a
 * word grown common is walked. */
static void
test_estimate_kept(void)
{
	struct household_query q = { .search = "quen" };
	struct household_row *rows;
	struct db	*db, *other;
	struct traced	 t = { TRACE_PAGE, NULL };
	char		 path[64], *err = NULL;
	long		 n;
	size_t		 got;
	int		 runs = 0, i;

	snprintf(path, sizeof path, "/tmp/velkomst-test-est-%d.db",
	    (int)getpid());
	unlink(path);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL ||
	    (other = db_open(path, 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		db_close(db);
		return;
	}
	q.today = today;
	db_search_rare(db, 3);
	quentin(db, 0);
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, count_estimates, &runs);
	CHECK_INT(db_household_count_upto(db, &sec, &q, 1000, &n), DB_OK);
	CHECK_INT(n, 1);
	CHECK_INT(db_household_list(db, &sec, &q, NULL, 10, &rows, &got),
	    DB_OK);
	db_household_rows_free(rows, got);
	CHECK_INT(runs, 1);
	/* A change here. */
	quentin(db, 1);
	CHECK_INT(db_household_count_upto(db, &sec, &q, 1000, &n), DB_OK);
	CHECK_INT(n, 2);
	CHECK_INT(runs, 2);
	/* A change through another connection: "quen" is common now. */
	for (i = 2; i < 6; i++)
		quentin(other, i);
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, trace, &t);
	CHECK_INT(db_household_list(db, &sec, &q, NULL, 10, &rows, &got),
	    DB_OK);
	db_household_rows_free(rows, got);
	CHECK_INT(got, 6);
	CHECK(t.sql != NULL && strstr(t.sql, "EXISTS") != NULL);
	sqlite3_trace_v2(db->h, 0, NULL, NULL);
	free(t.sql);
	db_close(other);
	db_close(db);
	unlink(path);
}

/* Two words both past the estimate's bound: the longer prefix drives
 * the count and is looked at first in the page, whichever was typed
 * first (the secretariat's; in 605 "m" starts no word, so it drives
 * there); the rows and counts are those of the other order. */
static void
test_rarer_first(void)
{
	const struct who *whos[] = { &sec, &amb, &two };
	struct household_query q = { .search = "m søren" };
	struct household_row *rows, *rows2;
	struct db	*db = register_of(150);
	struct traced	 cnt = { TRACE_COUNT, NULL }, pg = { TRACE_PAGE, NULL };
	long		 n, n2;
	size_t		 got, got2, i, w;

	if (db == NULL)
		return;
	q.today = today;
	db_search_rare(db, 1);
	for (w = 0; w < N(whos); w++) {
		q.search = "m søren";
		sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, trace, &cnt);
		CHECK_INT(db_household_count_upto(db, whos[w], &q, 1000, &n),
		    DB_OK);
		/* "soeren" is word 2: bound as ?4. */
		if (w == 0)
			CHECK(cnt.sql != NULL &&
			    strstr(cnt.sql, "dw.key >= ?4") != NULL);
		sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, trace, &pg);
		CHECK_INT(db_household_list(db, whos[w], &q, NULL, 10, &rows,
		    &got), DB_OK);
		if (w == 0)
			CHECK(pg.sql != NULL &&
			    strstr(pg.sql, "key >= ?4") != NULL &&
			    strstr(pg.sql, "key >= ?2") != NULL &&
			    strstr(pg.sql, "key >= ?4") <
			    strstr(pg.sql, "key >= ?2"));
		q.search = "søren m";
		CHECK_INT(db_household_count_upto(db, whos[w], &q, 1000, &n2),
		    DB_OK);
		CHECK_INT(db_household_list(db, whos[w], &q, NULL, 10, &rows2,
		    &got2), DB_OK);
		CHECK_INT(n, n2);
		CHECK_INT(got, got2);
		for (i = 0; i < got && i < got2; i++)
			CHECK_INT(rows[i].id, rows2[i].id);
		if (w == 0)
			CHECK(n > 0);
		db_household_rows_free(rows, got);
		db_household_rows_free(rows2, got2);
	}
	sqlite3_trace_v2(db->h, 0, NULL, NULL);
	free(cnt.sql);
	free(pg.sql);
	db_close(db);
}

/* A count that stops at its cap, else the exact count, either way, in
 * every department read or in one chosen. */
static void
test_count_upto(void)
{
	static const char *const searches[] = {
		"s", "soren", "mette j", "x", "",
	};
	const struct who *whos[] = { &sec, &amb, &two };
	struct household_query q;
	struct db	*db = register_of(150);
	long		 exact, upto, rare;
	size_t		 s, w, d;

	if (db == NULL)
		return;
	for (rare = 0; rare <= 1; rare++)
		for (s = 0; s < N(searches) * 2; s++)
			for (w = 0; w < N(whos); w++) {
				memset(&q, 0, sizeof q);
				/* Each search also in one department chosen. */
				d = s / N(searches);
				q.search = searches[s % N(searches)];
				q.department = d ? "605" : NULL;
				q.today = today;
				q.deadline = 14;
				q.filter = (s + d) % 2 ? FILTER_OVERDUE :
				    FILTER_ALL;
				db_search_rare(db, rare);
				CHECK_INT(db_household_count(db, whos[w], &q,
				    &exact), DB_OK);
				CHECK_INT(db_household_count_upto(db, whos[w],
				    &q, 1000, &upto), DB_OK);
				CHECK_INT(upto, exact);
				CHECK_INT(db_household_count_upto(db, whos[w],
				    &q, 10, &upto), DB_OK);
				if (q.filter != FILTER_ALL || q.search[0])
					CHECK_INT(upto, exact < 10 ? exact :
					    10);
			}
	db_close(db);
}

/* The register's count (the tally) follows every change. */
static void
test_tally(void)
{
	struct household_query q = { .order = ORDER_NEWEST };
	struct household h;
	struct db	*db = register_of(30);
	long		 n, visits;

	if (db == NULL)
		return;
	q.today = today;
	CHECK_INT(db_household_count(db, &sec, &q, &n), DB_OK);
	CHECK_INT(n, 30);
	CHECK_INT(db_household_count(db, &amb, &q, &n), DB_OK);
	CHECK_INT(n, 10);
	q.department = "606";
	CHECK_INT(db_household_count(db, &sec, &q, &n), DB_OK);
	CHECK_INT(n, 10);
	/* Moved to another department. */
	CHECK_INT(db_household_get(db, &sec, 2, &h), DB_OK);
	free(h.department);
	h.department = xstrdup("605");
	CHECK_INT(db_household_update(db, &sec, &h), DB_OK);
	db_household_clear(&h);
	CHECK_INT(db_household_count(db, &sec, &q, &n), DB_OK);
	CHECK_INT(n, 9);
	q.department = NULL;
	CHECK_INT(db_household_count(db, &amb, &q, &n), DB_OK);
	CHECK_INT(n, 11);
	/* Deleted, and written with another tool. */
	CHECK_INT(db_household_delete(db, &sec, 1, 1, &visits), DB_OK);
	sqlite3_exec(db->h, "INSERT INTO household (department, flat, "
	    "moved_in, created_at, created_by, updated_at, updated_by) "
	    "VALUES ('tm13', '1', '2019-05-01', 'x', 'x', 'x', 'x')", NULL,
	    NULL, NULL);
	CHECK_INT(db_household_count(db, &sec, &q, &n), DB_OK);
	CHECK_INT(n, one(db, "SELECT count(*) FROM household"));
	CHECK_INT(n, 30);
	CHECK_INT(one(db, "SELECT count(*) FROM (SELECT department, count(*) "
	    "c FROM household GROUP BY 1 EXCEPT SELECT department, n FROM "
	    "household_tally)"), 0);
	db_close(db);
}

/* "1,000+" in English, "1.000+" in Danish; below the cap as it is. */
static void
test_count_text(void)
{
	char	buf[32];

	i18n_use("en");
	CHECK_STR(i18n_count(999, 1000, buf, sizeof buf), "999");
	CHECK_STR(i18n_count(1000, 1000, buf, sizeof buf), "1,000+");
	CHECK_STR(i18n_count(0, 1000, buf, sizeof buf), "0");
	CHECK_STR(i18n_count(1000000, 0, buf, sizeof buf), "1,000,000");
	/* Above the cap it was counted exactly (the register's tally). */
	CHECK_STR(i18n_count(3840, 1000, buf, sizeof buf), "3,840");
	CHECK_STR(i18n_count(111112, 0, buf, sizeof buf), "111,112");
	i18n_use("da");
	CHECK_STR(i18n_count(1000, 1000, buf, sizeof buf), "1.000+");
	CHECK_STR(i18n_count(1234567, 0, buf, sizeof buf), "1.234.567");
	CHECK_STR(i18n_count(75, 1000, buf, sizeof buf), "75");
	i18n_use("en");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	today = util_today();
	i18n_init();
	RUN("search-scale", test_walk_same_as_fetch);
	RUN("search-scale", test_ambassador_sees_hers);
	RUN("search-scale", test_common_word_sorts_nothing);
	RUN("search-scale", test_count_upto);
	RUN("search-scale", test_estimate_kept);
	RUN("search-scale", test_rarer_first);
	RUN("search-scale", test_tally);
	RUN("search-scale", test_count_text);
	core_key_done();
	TEST_END();
}
