/*
 * test-db-visit.c — welcome visits in the database: what is refused, what
 * visits add up to in the household, the queue, overdue and flagged
 * lists against core's rules, urgent paging, the visit list, and the
 * migration of a schema-1 file.
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
#include "test-db.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])

static char		 tmpdir[] = "/tmp/velkomst-test-db-visit-XXXXXX";
static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };
static long		 today;		/* VELKOMST_TODAY: 2019-06-15 */

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

/* Add a household of department dept that moved in on in (and out on
 * out); its id, or 0. */
static long
house(struct db *db, const char *dept, const char *stair, const char *name,
    long in, long out)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)stair;
	h.flat = (char *)"2. th.";
	h.moved_in = in;
	h.moved_out = out;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Read household id or fail the test (clear it after). */
static void
get(struct db *db, long id, struct household *h)
{
	if (db_household_get(db, &tester, id, h) != DB_OK)
		TEST_FAIL("get %ld: %s", id, db_errmsg(db));
}

/* A visit to household hid (no items). */
static struct visit
visit(long hid, long date, enum visit_outcome o, long next)
{
	struct visit	 v;

	memset(&v, 0, sizeof v);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = o;
	v.next_date = next;
	return v;
}

/* A checklist of three items in states a, b, c. */
static void
items3(struct visit_item *it, enum item_state a, enum item_state b,
    enum item_state c)
{
	memset(it, 0, 3 * sizeof *it);
	it[0].key = (char *)"area";
	it[0].title = (char *)"The area and its offers";
	it[0].state = a;
	it[1].key = (char *)"laundry";
	it[1].title = (char *)"The laundry";
	it[1].state = b;
	it[2].key = (char *)"waste";
	it[2].title = (char *)"Waste sorting";
	it[2].state = c;
}

/* Add v with max_attempts 3 and check it is stored. */
static void
add_ok(struct db *db, struct visit *v)
{
	if (db_visit_add(db, &tester, v, 3) != DB_OK)
		TEST_FAIL("visit on %ld: %s", v->date, db_errmsg(db));
	else if (v->id <= 0)
		TEST_FAIL("visit id %ld", v->id);
}

/* Check that v is refused with DB_INVALID and nothing is stored. */
#define REFUSED(db, v, hid) do {					\
	long vis_ = one(db, "SELECT count(*) FROM visit");		\
	long it_ = one(db, "SELECT count(*) FROM visit_item");		\
	long ver_ = one_version(db, hid);				\
	(v).id = 0;							\
	CHECK_INT(db_visit_add(db, &tester, &(v), 3), DB_INVALID);	\
	CHECK(db_errmsg(db)[0] != '\0');				\
	CHECK_INT((v).id, 0);						\
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), vis_);		\
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item"), it_);	\
	CHECK_INT(one_version(db, hid), ver_);				\
} while (0)

/* The version of household hid (0 if none). */
static long
one_version(struct db *db, long hid)
{
	return one_of(db, "SELECT coalesce((SELECT version FROM household "
	    "WHERE id = %ld), 0)", hid);
}

static void
test_refusals(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct visit_item it[3];
	struct visit	 v;
	long		 h, gone;

	if (db == NULL)
		return;
	h = house(db, "bb605", "Brøndby Strand 10", "Åse Holm",
	    day(2019, 6, 1), DATE_NONE);
	gone = house(db, "bb605", "Brøndby Strand 10", "Bo Berg",
	    day(2019, 5, 1), day(2019, 6, 10));

	v = visit(999, today, VO_DECLINED, DATE_NONE);	/* no household */
	CHECK_INT(db_visit_add(db, &tester, &v, 3), DB_NOTFOUND);
	CHECK(strstr(db_errmsg(db), "does not exist") != NULL);
	CHECK_INT(v.id, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), 0);
	v = visit(gone, day(2019, 6, 12), VO_DECLINED, DATE_NONE);
	REFUSED(db, v, gone);				/* moved out */
	v = visit(gone, day(2019, 6, 10), VO_DECLINED, DATE_NONE);
	REFUSED(db, v, gone);				/* the day they left */
	v = visit(h, day(2019, 5, 31), VO_DECLINED, DATE_NONE);
	REFUSED(db, v, h);				/* before move-in */
	v = visit(h, today + 1, VO_DECLINED, DATE_NONE);
	REFUSED(db, v, h);				/* after today */
	v = visit(h, DATE_NONE, VO_DECLINED, DATE_NONE);
	REFUSED(db, v, h);

	v = visit(h, today, VO_NOT_HOME, DATE_NONE);	/* no retry date */
	REFUSED(db, v, h);
	v = visit(h, day(2019, 6, 10), VO_NOT_HOME, day(2019, 6, 14));
	REFUSED(db, v, h);				/* retry in the past */
	v = visit(h, today, VO_DECLINED, today + 3);	/* needs none */
	REFUSED(db, v, h);

	items3(it, IS_DONE, IS_LATER, IS_DONE);
	v = visit(h, today, VO_PARTLY, DATE_NONE);	/* no follow-up */
	v.items = it;
	v.nitems = 3;
	REFUSED(db, v, h);
	v.outcome = VO_WELCOMED;			/* an item later */
	REFUSED(db, v, h);
	items3(it, IS_DONE, IS_UNSET, IS_DONE);		/* an item unset */
	REFUSED(db, v, h);
	items3(it, IS_DONE, IS_NOT_RELEVANT, IS_DONE);
	v = visit(h, today, VO_PARTLY, today + 7);	/* no item later */
	v.items = it;
	v.nitems = 3;
	REFUSED(db, v, h);
	v.outcome = VO_WELCOMED;
	v.next_date = DATE_NONE;
	it[1].referral = 1;				/* referral, no note */
	REFUSED(db, v, h);
	it[1].note = (char *)"   ";
	REFUSED(db, v, h);
	it[1].note = (char *)"CPR 010190-1234 på papiret";
	REFUSED(db, v, h);				/* CPR in an item */
	it[1].note = NULL;
	it[1].referral = 0;
	it[2].key = (char *)"laundry";			/* an item twice */
	REFUSED(db, v, h);
	it[2].key = (char *)"waste";
	v.notes = (char *)"Født 010190-1234";		/* CPR in the notes */
	REFUSED(db, v, h);
	v.notes = NULL;
	v.ambassador = (char *)"  ";			/* no ambassador */
	REFUSED(db, v, h);
	v.ambassador = (char *)"Fatima\x07";
	REFUSED(db, v, h);
	v.ambassador = (char *)"Fatima Ali";
	v.nitems = 0;					/* no checklist */
	REFUSED(db, v, h);
	v.nitems = 3;
	v.outcome = VO_NOT_HOME;			/* items, not home */
	v.next_date = today + 3;
	REFUSED(db, v, h);
	v.outcome = VO_DECLINED;			/* items, declined */
	v.next_date = DATE_NONE;
	REFUSED(db, v, h);
	v.outcome = (enum visit_outcome)7;
	REFUSED(db, v, h);
	v.outcome = VO_WELCOMED;
	CHECK_INT(db_visit_add(db, NULL, &v, 3), DB_DENIED);
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), 0);

	/* A failure after the visit is written leaves nothing either. */
	CHECK(db_exec(db, "CREATE TEMP TRIGGER boom BEFORE UPDATE ON "
	    "household BEGIN SELECT RAISE(ABORT, 'boom'); END") == SQLITE_OK);
	CHECK(db_visit_add(db, &tester, &v, 3) != DB_OK);
	CHECK_INT(v.id, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item"), 0);
	CHECK(db_exec(db, "DROP TRIGGER boom") == SQLITE_OK);
	add_ok(db, &v);					/* now it is fine */
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item"), 3);
	db_close(db);
}

static void
test_welcomed(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct visit_item it[3];
	struct household g;
	struct visit	 v;
	long		 h, ver;

	if (db == NULL)
		return;
	h = house(db, "bb605", "Brøndby Strand 10", "Åse Holm",
	    day(2019, 6, 1), DATE_NONE);
	ver = one_version(db, h);
	items3(it, IS_DONE, IS_NOT_RELEVANT, IS_DONE);
	v = visit(h, day(2019, 6, 3), VO_WELCOMED, DATE_NONE);
	v.items = it;
	v.nitems = 3;
	v.notes = (char *)"  Kaffe  og   kage. ";
	add_ok(db, &v);
	get(db, h, &g);
	CHECK_INT(g.state, HS_WELCOMED);
	CHECK_INT(g.attempts, 0);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.next_date, DATE_NONE);
	CHECK_INT(g.last_visit, day(2019, 6, 3));
	CHECK_INT(g.handled_on, DATE_NONE);
	CHECK_INT(g.version, ver + 1);
	CHECK_STR(g.updated_by, "tester");
	CHECK_INT(core_visit_due(g.moved_in, g.moved_out, g.state, g.next_date, today), 0);
	/* An edit from before the visit must not overwrite it. */
	g.version = ver;
	CHECK_INT(db_household_update(db, &tester, &g), DB_CONFLICT);
	g.version = ver + 1;
	CHECK_INT(db_household_update(db, &tester, &g), DB_OK);
	db_household_clear(&g);
	get(db, h, &g);
	CHECK_INT(g.state, HS_WELCOMED);	/* an edit keeps the state */
	db_household_clear(&g);
	CHECK_INT(one(db, "SELECT count(*) FROM visit WHERE notes = "
	    "'Kaffe og kage.' AND referral = 0 AND outcome = 'welcomed'"), 1);
	db_close(db);
}

static void
test_partly_and_declined(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct visit_item it[3];
	struct household g;
	struct visit	 v;
	long		 h, d;

	if (db == NULL)
		return;
	h = house(db, "bb605", "A 1", "Åse Holm", day(2019, 6, 1), DATE_NONE);
	d = house(db, "bb605", "A 1", "Bo Berg", day(2019, 6, 1), DATE_NONE);
	items3(it, IS_DONE, IS_LATER, IS_NOT_RELEVANT);
	v = visit(h, day(2019, 6, 12), VO_PARTLY, day(2019, 6, 20));
	v.items = it;
	v.nitems = 3;
	add_ok(db, &v);
	get(db, h, &g);
	CHECK_INT(g.state, HS_PARTLY);
	CHECK_INT(g.next_date, day(2019, 6, 20));
	CHECK_INT(g.last_visit, day(2019, 6, 12));
	CHECK_INT(core_visit_due(g.moved_in, g.moved_out, g.state, g.next_date, today), 0);
	CHECK_INT(core_visit_due(g.moved_in, g.moved_out, g.state, g.next_date,
	    day(2019, 6, 20)), 1);
	db_household_clear(&g);
	/* Not home on the follow-up: still partly, one attempt. */
	v = visit(h, today, VO_NOT_HOME, day(2019, 6, 18));
	add_ok(db, &v);
	get(db, h, &g);
	CHECK_INT(g.state, HS_PARTLY);
	CHECK_INT(g.attempts, 1);
	CHECK_INT(g.next_date, day(2019, 6, 18));
	db_household_clear(&g);
	v = visit(d, today, VO_DECLINED, DATE_NONE);
	add_ok(db, &v);
	get(db, d, &g);
	CHECK_INT(g.state, HS_DECLINED);
	CHECK_INT(g.next_date, DATE_NONE);
	db_household_clear(&g);
	db_close(db);
}

/* Add a not-home visit on date with a retry three days on. */
static void
not_home(struct db *db, long hid, long date)
{
	struct visit	 v = visit(hid, date, VO_NOT_HOME, today + 3);

	add_ok(db, &v);
}

static void
test_attempts_and_handled(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household g;
	long		 h, ver;

	if (db == NULL)
		return;
	h = house(db, "bb605", "A 1", "Åse Holm", day(2019, 6, 1), DATE_NONE);
	not_home(db, h, day(2019, 6, 3));
	not_home(db, h, day(2019, 6, 8));
	get(db, h, &g);
	CHECK_INT(g.attempts, 2);
	CHECK_INT(g.flags, 0);			/* not at 2 of 3 */
	CHECK_INT(g.state, HS_AWAITING);
	db_household_clear(&g);
	not_home(db, h, day(2019, 6, 12));
	get(db, h, &g);
	CHECK_INT(g.attempts, 3);
	CHECK_INT(g.flags, FLAG_ATTEMPTS);	/* at 3 of 3 */
	CHECK_INT(g.next_date, today + 3);
	ver = g.version;
	db_household_clear(&g);

	CHECK_INT(db_household_handled(db, &tester, h, today + 1, 3),
	    DB_INVALID);
	CHECK_INT(db_household_handled(db, &tester, h, DATE_NONE, 3),
	    DB_INVALID);
	CHECK_INT(db_household_handled(db, NULL, h, today, 3), DB_DENIED);
	CHECK_INT(db_household_handled(db, &tester, 999, today, 3),
	    DB_NOTFOUND);
	CHECK_INT(one_version(db, h), ver);
	/* Dealt with before the visits: they still flag it. */
	CHECK_INT(db_household_handled(db, &tester, h, day(2019, 6, 2), 3),
	    DB_OK);
	get(db, h, &g);
	CHECK_INT(g.flags, FLAG_ATTEMPTS);
	CHECK_INT(g.handled_on, day(2019, 6, 2));
	db_household_clear(&g);
	/* Dealt with after two of them: one attempt since is not three. */
	CHECK_INT(db_household_handled(db, &tester, h, day(2019, 6, 8), 3),
	    DB_OK);
	get(db, h, &g);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.attempts, 3);
	db_household_clear(&g);
	CHECK_INT(db_household_handled(db, &tester, h, today, 3), DB_OK);
	get(db, h, &g);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.handled_on, today);
	CHECK_INT(g.version, ver + 3);
	CHECK_INT(g.state, HS_AWAITING);
	db_household_clear(&g);
	/* A later visit recomputes with the handled date kept. */
	not_home(db, h, today);
	get(db, h, &g);
	CHECK_INT(g.attempts, 4);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.handled_on, today);
	db_household_clear(&g);
	db_close(db);
}

static void
test_referral(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct visit_item it[3];
	struct household g;
	struct visit	 v;
	long		 h;

	if (db == NULL)
		return;
	h = house(db, "bb605", "A 1", "Åse Holm", day(2019, 6, 1), DATE_NONE);
	items3(it, IS_DONE, IS_DONE, IS_LATER);
	it[2].referral = 1;
	it[2].note = (char *)"Ønsker hjælp til   affaldssortering";
	v = visit(h, day(2019, 6, 10), VO_PARTLY, today + 2);
	v.items = it;
	v.nitems = 3;
	add_ok(db, &v);
	get(db, h, &g);
	CHECK_INT(g.flags, FLAG_REFERRAL);
	CHECK_INT(g.state, HS_PARTLY);
	db_household_clear(&g);
	CHECK_INT(one(db, "SELECT referral FROM visit"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item WHERE referral = 1 "
	    "AND note = 'Ønsker hjælp til affaldssortering'"), 1);
	CHECK_INT(db_household_handled(db, &tester, h, today, 3), DB_OK);
	get(db, h, &g);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.state, HS_PARTLY);
	db_household_clear(&g);
	/* A referral saved later the same day, after the secretariat dealt
	 * with the household, puts it back on the list. */
	items3(it, IS_DONE, IS_DONE, IS_LATER);
	it[2].referral = 1;
	it[2].note = (char *)"Asks for a social worker.";
	v = visit(h, today, VO_PARTLY, today + 2);
	v.items = it;
	v.nitems = 3;
	add_ok(db, &v);
	get(db, h, &g);
	CHECK_INT(g.flags, FLAG_REFERRAL);
	db_household_clear(&g);
	db_close(db);
}

/* The ids q lists (at most max) into ids; how many. */
static size_t
list_ids(struct db *db, const struct household_query *q, long *ids,
    size_t max)
{
	struct household_row	*rows;
	size_t			 n, i;

	if (db_household_list(db, &tester, q, NULL, max, &rows, &n) != DB_OK) {
		TEST_FAIL("list: %s", db_errmsg(db));
		return 0;
	}
	for (i = 0; i < n; i++)
		ids[i] = rows[i].id;
	db_household_rows_free(rows, n);
	return n;
}

/* 1 if id is among ids[0..n). */
static int
has(const long *ids, size_t n, long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* A grid of households: every state, move-in, move-out and next date. */
static size_t
grid(struct db *db, long *ids, size_t max)
{
	static const int ins[] = { -30, -16, -15, -14, -13, -1, 0 };
	static const int outs[] = { 99, -1, 0, 1 };	/* 99: none */
	static const int nexts[] = { 99, -1, 0, 1 };
	static const char *const states[] = { "awaiting", "partly",
	    "welcomed", "declined" };
	sqlite3_stmt	*st;
	size_t		 a, b, c, d, n = 0;
	long		 in, out;
	char		 iso[16], name[32];

	CHECK_INT(db_batch_begin(db), DB_OK);
	for (a = 0; a < N(ins); a++)
	for (b = 0; b < N(outs); b++)
	for (c = 0; c < N(nexts); c++)
	for (d = 0; d < N(states) && n < max; d++) {
		in = today + ins[a];
		out = outs[b] == 99 ? DATE_NONE : today + outs[b];
		if (out != DATE_NONE && out < in)
			continue;
		snprintf(name, sizeof name, "Person %zu", n);
		ids[n] = house(db, n % 2 ? "bb605" : "bb606", "A 1", name, in,
		    out);
		if (sqlite3_prepare_v2(db->h, "UPDATE household SET "
		    "state = ?1, next_date = ?2, flags = ?3 WHERE id = ?4", -1, &st,
		    NULL) != SQLITE_OK)
			continue;
		sqlite3_bind_text(st, 1, states[d], -1, SQLITE_STATIC);
		if (nexts[c] != 99)
			sqlite3_bind_text(st, 2, util_date_iso(today + nexts[c],
			    iso), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, (int)(n % 3 == 0 ? FLAG_ATTEMPTS : 0));
		sqlite3_bind_int64(st, 4, ids[n]);
		CHECK(sqlite3_step(st) == SQLITE_DONE);
		CHECK_INT(sqlite3_changes(db->h), 1);
		sqlite3_finalize(st);
		n++;
	}
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	CHECK_INT(one(db, "SELECT count(DISTINCT state) FROM household"), 4);
	return n;
}

/* Check the lists of one day against core's rules for every household. */
static void
filters_on(struct db *db, long on, int deadline, const long *ids, size_t n)
{
	struct household_query	 q = { .order = ORDER_URGENT };
	struct household	 g;
	long			 due[1000], over[1000], flag[1000], count;
	size_t			 nd, no, nf, i;

	q.today = on;
	q.deadline = deadline;
	q.filter = FILTER_DUE;
	nd = list_ids(db, &q, due, N(due));
	CHECK(db_household_count(db, &tester, &q, &count) == DB_OK &&
	    count == (long)nd);
	q.filter = FILTER_OVERDUE;
	no = list_ids(db, &q, over, N(over));
	CHECK(db_household_count(db, &tester, &q, &count) == DB_OK &&
	    count == (long)no);
	q.filter = FILTER_FLAGGED;
	nf = list_ids(db, &q, flag, N(flag));
	for (i = 0; i < n; i++) {
		get(db, ids[i], &g);
		if (has(due, nd, g.id) != core_visit_due(g.moved_in, g.moved_out, g.state,
		    g.next_date, on))
			TEST_FAIL("due: household %ld on %ld", g.id, on);
		if (has(over, no, g.id) != (core_overdue_days(g.moved_in,
		    g.moved_out, g.state, on, deadline) > 0))
			TEST_FAIL("overdue: household %ld on %ld", g.id, on);
		if (has(flag, nf, g.id) != (g.flags != 0 &&
		    core_household_status(g.moved_out, g.state, on) !=
		    HS_MOVED_OUT))
			TEST_FAIL("flagged: household %ld on %ld", g.id, on);
		db_household_clear(&g);
	}
	if (nd == 0 || no == 0 || nf == 0)
		TEST_FAIL("empty list on %ld: %zu %zu %zu", on, nd, no, nf);
}

static void
test_filters_agree(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household_query q = { .order = ORDER_URGENT,
	    .filter = FILTER_OVERDUE, .deadline = 14 };
	long		 ids[1000], got[10], d14, d15;
	size_t		 n;

	if (db == NULL)
		return;
	n = grid(db, ids, N(ids));
	CHECK(n > 300);
	filters_on(db, today - 1, 14, ids, n);
	filters_on(db, today, 14, ids, n);
	filters_on(db, today + 1, 14, ids, n);
	filters_on(db, today, 0, ids, n);
	/* Day 14 after move-in is on time, day 15 is overdue. */
	d14 = house(db, "bb607", "B 2", "Day Fjorten", today - 14, DATE_NONE);
	d15 = house(db, "bb607", "B 2", "Day Femten", today - 15, DATE_NONE);
	q.department = "bb607";
	q.today = today;
	n = list_ids(db, &q, got, N(got));
	CHECK_INT(n, 1);
	CHECK_INT(n > 0 ? got[0] : 0, d15);
	CHECK_INT(core_overdue_days(today - 14, DATE_NONE, HS_AWAITING,
	    today, 14), 0);
	q.today = today + 1;			/* tomorrow both are */
	CHECK_INT(list_ids(db, &q, got, N(got)), 2);
	q.filter = FILTER_DUE;
	q.stairwell = "B 2";
	CHECK_INT(list_ids(db, &q, got, N(got)), 2);
	CHECK_INT(got[0], d15);			/* oldest move-in first */
	CHECK_INT(got[1], d14);
	q.stairwell = "B 3";
	CHECK_INT(list_ids(db, &q, got, N(got)), 0);
	db_close(db);
}

/* The ids of q walked in windows of 7 (forward or backward); how many. */
static size_t
walk(struct db *db, struct household_query q, int backward, long *ids,
    size_t max)
{
	struct household_row	*rows, last = { 0 };
	size_t			 n, i, got = 0;
	int			 first = 1;

	q.backward = backward;
	do {
		if (db_household_list(db, &tester, &q, first ? NULL : &last, 7,
		    &rows, &n) != DB_OK) {
			TEST_FAIL("list: %s", db_errmsg(db));
			break;
		}
		for (i = 0; i < n && got < max; i++)
			ids[got++] = rows[i].id;
		if (n > 0) {
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
		}
		first = 0;
		db_household_rows_free(rows, n);
	} while (n == 7);
	return got;
}

static void
test_urgent_paging(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct household_query q = { .order = ORDER_URGENT,
	    .filter = FILTER_DUE };
	struct household g1, g2;
	long		 fwd[200], bwd[200], count;
	size_t		 nf, nb, i;
	char		 name[32];
	int		 k;

	if (db == NULL)
		return;
	CHECK_INT(db_batch_begin(db), DB_OK);
	for (k = 0; k < 100; k++) {
		snprintf(name, sizeof name, "Urgent %d", k);
		house(db, "bb605", "A 1", name, today - (k * 7) % 40,
		    DATE_NONE);
	}
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	/* Five are welcomed, so the queue holds 95. */
	CHECK(db_exec(db, "UPDATE household SET state = 'welcomed' WHERE id "
	    "IN (3, 17, 50, 51, 99)") == SQLITE_OK);
	q.today = today;
	nf = walk(db, q, 0, fwd, N(fwd));
	nb = walk(db, q, 1, bwd, N(bwd));
	CHECK_INT(nf, 95);
	CHECK_INT(nb, 95);
	CHECK(db_household_count(db, &tester, &q, &count) == DB_OK &&
	    count == 95);
	for (i = 0; i < nf && i < nb; i++)
		if (fwd[i] != bwd[nb - 1 - i]) {
			TEST_FAIL("backward row %zu", i);
			break;
		}
	for (i = 1; i < nf; i++) {
		get(db, fwd[i - 1], &g1);
		get(db, fwd[i], &g2);
		if (g1.moved_in > g2.moved_in || (g1.moved_in == g2.moved_in &&
		    g1.id > g2.id))
			TEST_FAIL("row %zu out of order", i);
		if (g2.state == HS_WELCOMED)
			TEST_FAIL("row %zu welcomed", i);
		db_household_clear(&g1);
		db_household_clear(&g2);
	}
	db_close(db);
}

static void
test_visit_list(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct visit_item it[3];
	struct visit	 v, *got, last;
	char		 title[32] = "The laundry";
	long		 h1, h2, prev_date = 0, prev_id = 0, seen = 0;
	size_t		 n, i;
	int		 k, first = 1;

	if (db == NULL)
		return;
	h1 = house(db, "bb605", "A 1", "Åse Holm", day(2019, 5, 1), DATE_NONE);
	h2 = house(db, "bb605", "A 1", "Bo Berg", day(2019, 5, 1), DATE_NONE);
	for (k = 0; k < 10; k++)		/* ties on dates */
		not_home(db, k % 2 ? h1 : h2, day(2019, 5, 2 + k / 3));
	items3(it, IS_DONE, IS_LATER, IS_NOT_RELEVANT);
	it[1].title = title;
	it[1].note = (char *)"Viser vaskeriet næste gang";
	it[1].referral = 1;
	v = visit(h1, today, VO_PARTLY, today + 1);
	v.items = it;
	v.nitems = 3;
	add_ok(db, &v);
	/* The configuration changes: what was stored stays. */
	strcpy(title, "Vaskeriet");

	memset(&last, 0, sizeof last);
	do {
		CHECK_INT(db_visit_list(db, &tester, 0, first ? NULL : &last,
		    3, &got, &n), DB_OK);
		for (i = 0; i < n; i++, seen++) {
			if (!first || i > 0)
				CHECK(got[i].date < prev_date ||
				    (got[i].date == prev_date &&
				    got[i].id < prev_id));
			prev_date = got[i].date;
			prev_id = got[i].id;
			CHECK_STR(got[i].ambassador, "Fatima Ali");
			CHECK_STR(got[i].created_by, "tester");
		}
		if (seen == (long)n && n > 0) {	/* the newest first */
			CHECK_INT(got[0].id, v.id);
			CHECK_INT(got[0].outcome, VO_PARTLY);
			CHECK_INT(got[0].next_date, today + 1);
			CHECK_INT(got[0].nitems, 3);
			if (got[0].nitems == 3) {
				CHECK_STR(got[0].items[0].key, "area");
				CHECK_INT(got[0].items[0].state, IS_DONE);
				CHECK(got[0].items[0].note == NULL);
				CHECK_STR(got[0].items[1].title, "The laundry");
				CHECK_INT(got[0].items[1].state, IS_LATER);
				CHECK_INT(got[0].items[1].referral, 1);
				CHECK_STR(got[0].items[1].note,
				    "Viser vaskeriet næste gang");
				CHECK_INT(got[0].items[2].state,
				    IS_NOT_RELEVANT);
			}
			CHECK_INT(got[1].nitems, 0);
		}
		if (n > 0) {
			last.date = got[n - 1].date;
			last.id = got[n - 1].id;
		}
		first = 0;
		db_visits_free(got, n);
	} while (n == 3);
	CHECK_INT(seen, 11);
	CHECK_INT(db_visit_list(db, &tester, h2, NULL, 100, &got, &n), DB_OK);
	CHECK_INT(n, 5);
	for (i = 0; i < n; i++)
		CHECK_INT(got[i].household, h2);
	db_visits_free(got, n);
	CHECK_INT(db_visit_list(db, &tester, h1, NULL, 0, &got, &n), DB_OK);
	CHECK_INT(n, 0);
	db_visits_free(got, n);
	db_close(db);
}

/* The visits db_visit_list goes through for who and household, counted
 * by listing them. */
static long
listed(struct db *db, const struct who *who, long household)
{
	struct visit	*got;
	size_t		 n;

	if (db_visit_list(db, who, household, NULL, 1000, &got, &n) !=
	    DB_OK)
		return -1;
	db_visits_free(got, n);
	return (long)n;
}

/* db_visit_count counts what db_visit_list lists, for the whole
 * register, for one household, and for an ambassador of one
 * department. */
static void
test_visit_count(void)
{
	struct db	*db = open_ok(":memory:", 0);
	struct who	 amb = { .name = "amb", .role = ROLE_AMBASSADOR,
			    .departments = { "bb605" }, .ndepartments = 1 };
	long		 h1, h2, h3, c;
	int		 k;

	if (db == NULL)
		return;
	h1 = house(db, "bb605", "A 1", "Åse Holm", day(2019, 5, 1), DATE_NONE);
	h2 = house(db, "bb605", "A 2", "Bo Berg", day(2019, 5, 1), DATE_NONE);
	h3 = house(db, "bb606", "B 1", "Ole Lund", day(2019, 5, 1), DATE_NONE);
	for (k = 0; k < 9; k++)
		not_home(db, k % 3 == 0 ? h1 : k % 3 == 1 ? h2 : h3,
		    day(2019, 5, 2 + k));
	not_home(db, h3, day(2019, 5, 20));
	CHECK_INT(db_visit_count(db, &tester, 0, &c), DB_OK);
	CHECK_INT(c, 10);
	CHECK_INT(c, listed(db, &tester, 0));
	CHECK_INT(db_visit_count(db, &tester, h3, &c), DB_OK);
	CHECK_INT(c, 4);
	CHECK_INT(c, listed(db, &tester, h3));
	CHECK_INT(db_visit_count(db, &amb, 0, &c), DB_OK);
	CHECK_INT(c, 6);
	CHECK_INT(c, listed(db, &amb, 0));
	CHECK_INT(db_visit_count(db, &amb, h1, &c), DB_OK);
	CHECK_INT(c, 3);
	/* Another department's household is not there for the ambassador. */
	CHECK_INT(db_visit_count(db, &amb, h3, &c), DB_NOTFOUND);
	CHECK_INT(db_visit_count(db, &tester, 999, &c), DB_NOTFOUND);
	db_close(db);
}

/* Schema 1 as velkomst 0.1 made it (db-open.c's first migration). */
static const char schema1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);"
	"CREATE TABLE household (id INTEGER PRIMARY KEY,"
	" department TEXT NOT NULL CHECK (department <> ''),"
	" stairwell TEXT NOT NULL DEFAULT '', flat TEXT NOT NULL,"
	" moved_in TEXT NOT NULL CHECK (date(moved_in) IS moved_in),"
	" moved_out TEXT CHECK (moved_out IS NULL OR"
	" (date(moved_out) IS moved_out AND moved_out >= moved_in)),"
	" phone TEXT, languages TEXT,"
	" interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),"
	" consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),"
	" consent_on TEXT CHECK (consent_on IS NULL OR"
	" date(consent_on) IS consent_on),"
	" consent_by TEXT, notes TEXT, sort_key TEXT NOT NULL DEFAULT '',"
	" created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	" updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" CHECK (consent = 1 OR (phone IS NULL AND languages IS NULL AND"
	" consent_on IS NULL AND consent_by IS NULL)));"
	"CREATE INDEX household_newest ON household (moved_in DESC, id DESC);"
	"CREATE INDEX household_name ON household (sort_key, id);"
	"CREATE INDEX household_dept_newest ON household"
	" (department, moved_in DESC, id DESC);"
	"CREATE INDEX household_dept_name ON household"
	" (department, sort_key, id);"
	"CREATE TABLE member (id INTEGER PRIMARY KEY,"
	" household_id INTEGER NOT NULL"
	" REFERENCES household (id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL CHECK (position >= 0),"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" search_key TEXT NOT NULL, sort_key TEXT NOT NULL);"
	"CREATE UNIQUE INDEX member_household ON member"
	" (household_id, position);"
	"CREATE TABLE name_word (key TEXT NOT NULL,"
	" member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
	" household_id INTEGER NOT NULL"
	" REFERENCES household (id) ON DELETE CASCADE,"
	" PRIMARY KEY (key, member_id)) WITHOUT ROWID;"
	"CREATE INDEX name_word_member ON name_word (member_id);"
	"CREATE INDEX name_word_household ON name_word (household_id);"
	"INSERT INTO meta (key, value) VALUES ('key_version', '1');"
	/* Two households as 0.1 stored them (keys rebuilt on open). */
	"INSERT INTO meta (key, value) VALUES ('demo', '1');"
	"INSERT INTO household VALUES (1, 'bb605', 'Brøndby Strand 10',"
	" 'st. tv.', '2019-05-01', NULL, '+45 12 34 56 78', 'arabisk', 1, 1,"
	" '2019-05-02', 'ib', 'Ring to gange', 'x', '2019-05-02 10:00:00',"
	" 'ib', '2019-05-02 10:00:00', 'ib', 4);"
	"INSERT INTO household VALUES (2, 'bb606', '', '2. th.',"
	" '2019-06-10', '2019-06-12', NULL, NULL, 0, 0, NULL, NULL, NULL,"
	" 'y', '2019-06-10 10:00:00', 'ib', '2019-06-10 10:00:00', 'ib', 1);"
	"INSERT INTO member VALUES (1, 1, 0, 'Åse Holm', '', '');"
	"INSERT INTO member VALUES (2, 1, 1, 'Omar Holm', '', '');"
	"INSERT INTO member VALUES (3, 2, 0, 'Bo Berg', '', '');"
	"UPDATE meta SET value = '0' WHERE key = 'key_version';"
	"PRAGMA user_version = 1;"
	"PRAGMA application_id = 1447382091;";	/* "VELK" */

static void
test_migrate_schema1(void)
{
	char			*path = xasprintf("%s/schema1.db", tmpdir);
	struct household_query	 q = { .search = "omar", .order = ORDER_NAME };
	struct household	 g;
	struct visit		 v;
	struct db		*db;
	sqlite3			*raw;
	long			 count = 0;

	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, schema1, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 2);
	get(db, 1, &g);
	CHECK_STR(g.members[1], "Omar Holm");
	CHECK_STR(g.phone, "+45 12 34 56 78");
	CHECK_STR(g.languages, "ar");		/* "arabisk" as a code */
	CHECK_INT(g.version, 4);
	CHECK_INT(g.state, HS_AWAITING);
	CHECK_INT(g.attempts, 0);
	CHECK_INT(g.flags, 0);
	CHECK_INT(g.next_date, DATE_NONE);
	CHECK_INT(g.last_visit, DATE_NONE);
	db_household_clear(&g);
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 1);			/* keys rebuilt */
	q.search = NULL;
	q.filter = FILTER_DUE;
	q.today = today;
	CHECK_INT(db_household_count(db, &tester, &q, &count), DB_OK);
	CHECK_INT(count, 1);			/* 2 moved out */
	CHECK_INT(db_is_demo(db), 1);
	v = visit(1, today, VO_DECLINED, DATE_NONE);
	add_ok(db, &v);
	CHECK_INT(db_check(db, NULL, NULL), 0);
	db_close(db);
	/* Opened again: nothing more to do, the visit is there. */
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	get(db, 1, &g);
	CHECK_INT(g.state, HS_DECLINED);
	CHECK_INT(g.version, 5);
	db_household_clear(&g);
	db_close(db);
out:
	free(path);
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
	today = util_today();
	RUN("db-visit", test_refusals);
	RUN("db-visit", test_welcomed);
	RUN("db-visit", test_partly_and_declined);
	RUN("db-visit", test_attempts_and_handled);
	RUN("db-visit", test_referral);
	RUN("db-visit", test_filters_agree);
	RUN("db-visit", test_urgent_paging);
	RUN("db-visit", test_visit_list);
	RUN("db-visit", test_visit_count);
	RUN("db-visit", test_migrate_schema1);
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
