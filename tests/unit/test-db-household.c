/*
 * test-db-household.c — the household data code: the stale rule of the
 * queue and the secretariat's list in SQL against core's, the queue's
 * order, the finder of a move-in registered twice, deleting a household
 * registered by mistake, and a correction of every field.
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

#define N(a)	(sizeof (a) / sizeof (a)[0])

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-01 */

/* A household of dept, stairwell and flat that moved in on in (out on
 * out); its id, or 0. */
static long
house(struct db *db, const char *dept, const char *stair, const char *flat,
    const char *name, long in, long out)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)stair;
	h.flat = (char *)flat;
	h.moved_in = in;
	h.moved_out = out;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Set household id's state and handled_on (DATE_NONE: none) as visits
 * and the secretariat would have. */
static void
set_state(struct db *db, long id, const char *state, long handled_on,
    int flags)
{
	sqlite3_stmt	*st;
	char		 iso[16];

	if (sqlite3_prepare_v2(db->h, "UPDATE household SET state = ?1, "
	    "handled_on = ?2, flags = ?3 WHERE id = ?4", -1, &st, NULL) !=
	    SQLITE_OK) {
		TEST_FAIL("prepare: %s", sqlite3_errmsg(db->h));
		return;
	}
	sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
	if (handled_on != DATE_NONE)
		sqlite3_bind_text(st, 2, util_date_iso(handled_on, iso), -1,
		    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, flags);
	sqlite3_bind_int64(st, 4, id);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The rows of q (at most max) into ids and flags; how many. */
static size_t
list(struct db *db, const struct household_query *q, long *ids, int *flags,
    size_t max)
{
	struct household_row	*rows;
	size_t			 n, i;

	if (db_household_list(db, &sec, q, NULL, max, &rows, &n) != DB_OK) {
		TEST_FAIL("list: %s", db_errmsg(db));
		return 0;
	}
	for (i = 0; i < n; i++) {
		ids[i] = rows[i].id;
		if (flags != NULL)
			flags[i] = rows[i].flags;
	}
	db_household_rows_free(rows, n);
	return n;
}

/* Where id is among ids[0..n), or -1. */
static int
where(const long *ids, size_t n, long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return (int)i;
	return -1;
}

/* Households around the stale bound: every state, moved out or not,
 * dealt with before, on or after the first stale day, or never. */
static size_t
stale_grid(struct db *db, long *ids, size_t max)
{
	static const int ins[] = { -200, -76, -75, -74, -73, -15, -14, 0 };
	static const int handled[] = { 99, -120, -1, 0 };	/* 99: never */
	static const char *const states[] = { "awaiting", "partly",
	    "welcomed", "declined" };
	size_t		 a, b, c, d, n = 0;
	long		 in, out;
	char		 name[32];

	CHECK_INT(db_batch_begin(db), DB_OK);
	for (a = 0; a < N(ins); a++)
	for (b = 0; b < 2; b++)
	for (c = 0; c < N(handled); c++)
	for (d = 0; d < N(states) && n < max; d++) {
		in = today + ins[a];
		out = b == 0 ? DATE_NONE : today;
		snprintf(name, sizeof name, "Grid %zu", n);
		if ((ids[n] = house(db, "605", "A 1", "1. th.", name, in,
		    out)) == 0)
			break;
		/* handled relative to the first stale day (deadline 14,
		 * stale 60): moved in + 75. */
		set_state(db, ids[n], states[d], handled[c] == 99 ? DATE_NONE :
		    in + 75 + handled[c], n % 5 == 0 ? FLAG_REFERRAL : 0);
		n++;
	}
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	return n;
}

/* The queue and the secretariat's list of one day say what core says. */
static void
stale_on(struct db *db, long on, const long *ids, size_t n)
{
	struct household_query	 q = { .order = ORDER_URGENT,
				    .deadline = 14, .stale_days = 60 };
	struct household	 g;
	long			 due[1000], flag[1000], count;
	int			 flags[1000], i, reached;
	size_t			 nd, nf, k;

	q.today = on;
	q.filter = FILTER_DUE;
	nd = list(db, &q, due, NULL, N(due));
	CHECK(db_household_count(db, &sec, &q, &count) == DB_OK &&
	    count == (long)nd);
	q.filter = FILTER_FLAGGED;
	nf = list(db, &q, flag, flags, N(flag));
	CHECK(db_household_count(db, &sec, &q, &count) == DB_OK &&
	    count == (long)nf);
	for (k = 0; k < n; k++) {
		if (db_household_get(db, &sec, ids[k], &g) != DB_OK) {
			TEST_FAIL("get %ld", ids[k]);
			continue;
		}
		if ((where(due, nd, g.id) >= 0) != (core_visit_due(g.moved_in,
		    g.moved_out, g.state, g.next_date, on) &&
		    !core_visit_stale(g.moved_in, g.moved_out, g.state, on, 14,
		    60)))
			TEST_FAIL("due: household %ld on %ld", g.id, on);
		reached = core_not_reached(g.moved_in, g.moved_out, g.state,
		    g.handled_on, on, 14, 60);
		i = where(flag, nf, g.id);
		if ((i >= 0) != ((g.flags != 0 || reached) &&
		    core_household_status(g.moved_out, g.state, on) !=
		    HS_MOVED_OUT))
			TEST_FAIL("flagged: household %ld on %ld", g.id, on);
		if (i >= 0 && ((flags[i] & FLAG_NOT_REACHED) != 0) != reached)
			TEST_FAIL("not reached: household %ld on %ld", g.id,
			    on);
		db_household_clear(&g);
	}
	if (nd == 0 || nf == 0)
		TEST_FAIL("an empty list on %ld: %zu %zu", on, nd, nf);
}

/* The SQL of the stale rule agrees with core's on several days. */
static void
test_stale_agrees(void)
{
	struct db	*db = open_mem();
	long		 ids[1000];
	size_t		 n;

	if (db == NULL)
		return;
	n = stale_grid(db, ids, N(ids));
	CHECK(n > 200);
	stale_on(db, today - 1, ids, n);
	stale_on(db, today, ids, n);
	stale_on(db, today + 1, ids, n);
	stale_on(db, today + 30, ids, n);
	db_close(db);
}

/* The queue starts with the most urgent that can still be welcomed; the
 * ones long overdue are on the secretariat's list with the reason. */
static void
test_queue_order(void)
{
	struct db	*db = open_mem();
	struct household_query q = { .order = ORDER_URGENT,
	    .filter = FILTER_DUE, .deadline = 14, .stale_days = 60 };
	long		 old, late, soon, fresh, got[10];
	int		 flags[10];

	if (db == NULL)
		return;
	fresh = house(db, "605", "A 1", "st. tv.", "Fresh Today", today,
	    DATE_NONE);
	old = house(db, "605", "A 1", "st. th.", "Old Seven Hundred",
	    today - 700, DATE_NONE);
	soon = house(db, "605", "A 1", "1. tv.", "Soon Due", today - 10,
	    DATE_NONE);
	late = house(db, "605", "A 1", "1. th.", "Late Fifty", today - 50,
	    DATE_NONE);
	q.today = today;
	CHECK_INT(list(db, &q, got, NULL, N(got)), 3);
	CHECK_INT(got[0], late);	/* overdue, not stale: first */
	CHECK_INT(got[1], soon);	/* four days left */
	CHECK_INT(got[2], fresh);
	q.filter = FILTER_FLAGGED;
	CHECK_INT(list(db, &q, got, flags, N(got)), 1);
	CHECK_INT(got[0], old);
	CHECK(flags[0] & FLAG_NOT_REACHED);
	/* Without the rule (stale_days 0) the queue is as it was. */
	q.filter = FILTER_DUE;
	q.stale_days = 0;
	CHECK_INT(list(db, &q, got, NULL, N(got)), 4);
	CHECK_INT(got[0], old);
	/* The overdue list is unchanged by the rule. */
	q.filter = FILTER_OVERDUE;
	q.stale_days = 60;
	CHECK_INT(list(db, &q, got, NULL, N(got)), 2);
	CHECK_INT(got[0], old);
	CHECK_INT(got[1], late);
	/* The secretariat deals with it: it leaves its list, and does not
	 * come back to the queue. */
	CHECK_INT(db_household_handled(db, &sec, old, today, 3), DB_OK);
	q.filter = FILTER_FLAGGED;
	CHECK_INT(list(db, &q, got, NULL, N(got)), 0);
	q.filter = FILTER_DUE;
	CHECK_INT(list(db, &q, got, NULL, N(got)), 3);
	db_close(db);
}

/* A second registration of the same move-in is found; others are not. */
static void
test_duplicate(void)
{
	struct db	*db = open_mem();
	struct household h;
	long		 near, far, gone, id, in;

	if (db == NULL)
		return;
	far = house(db, "605", "Opgang 1", "2. th.", "Far Away",
	    today - 31, DATE_NONE);
	near = house(db, "605", "Opgang 1", "2. th.", "Amal Nasser",
	    day(2019, 5, 30), DATE_NONE);
	gone = house(db, "605", "Opgang 2", "st. tv.", "Moved Before",
	    today - 10, today - 2);
	house(db, "606", "Opgang 1", "2. th.", "Other Department", today,
	    DATE_NONE);
	memset(&h, 0, sizeof h);
	h.department = (char *)"605";
	h.stairwell = (char *)"Opgang 1";
	h.flat = (char *)"2. TH.";		/* case does not matter */
	h.moved_in = today;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)"Amal Nasser";
	h.nmembers = 1;
	CHECK_INT(db_household_duplicate(db, &sec, &h, CORE_DUPLICATE_DAYS,
	    &id, &in), DB_OK);
	CHECK_INT(id, near);			/* the nearest move-in */
	CHECK_INT(in, day(2019, 5, 30));
	/* 30 days before the other's move-in is within 30; 31 is not. */
	h.moved_in = today - 31 - 30;
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, far);
	h.moved_in = today - 31 - 31;
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	CHECK_INT(in, DATE_NONE);
	/* Another flat, stairwell or department is another household. */
	h.moved_in = today;
	h.flat = (char *)"3. th.";
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	h.flat = (char *)"2. th.";
	h.stairwell = (char *)"Opgang 3";
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	/* One that moved out before this move-in lived there before. */
	h.stairwell = (char *)"Opgang 2";
	h.flat = (char *)"st. tv.";
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	h.moved_in = today - 5;			/* it still lived there */
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, gone);
	/* A household is not its own duplicate (an edit). */
	h.id = gone;
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	/* An ambassador of 605 finds it; one of another department does
	 * not learn of it. */
	h.id = 0;
	CHECK_INT(db_household_duplicate(db, &amb, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, gone);
	h.department = (char *)"606";
	h.stairwell = (char *)"Opgang 1";
	h.flat = (char *)"2. th.";
	CHECK_INT(db_household_duplicate(db, &amb, &h, 30, &id, &in), DB_OK);
	CHECK_INT(id, 0);
	/* What db_household_add refuses is refused here too. */
	h.nmembers = 0;
	CHECK_INT(db_household_duplicate(db, &sec, &h, 30, &id, &in),
	    DB_INVALID);
	db_close(db);
}

/* Add a visit to household hid: welcomed with one item, or not home. */
static void
add_visit(struct db *db, long hid, long date, int welcomed)
{
	struct visit_item it;
	struct visit	 v;

	memset(&v, 0, sizeof v);
	memset(&it, 0, sizeof it);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = welcomed ? VO_WELCOMED : VO_NOT_HOME;
	v.next_date = welcomed ? DATE_NONE : today + 3;
	if (welcomed) {
		it.key = (char *)"area";
		it.title = (char *)"The area";
		it.state = IS_DONE;
		v.items = &it;
		v.nitems = 1;
	}
	if (db_visit_add(db, &sec, &v, 3) != DB_OK)
		TEST_FAIL("visit: %s", db_errmsg(db));
}

/* The secretariat deletes a household with its visits; the trail keeps
 * the id only. */
static void
test_delete(void)
{
	struct db	*db = open_mem();
	struct household g;
	long		 id, keep, n = -1, version;

	if (db == NULL)
		return;
	id = house(db, "605", "Opgang 1", "2. th.", "Zainab Warsame",
	    today - 5, DATE_NONE);
	keep = house(db, "605", "Opgang 1", "3. th.", "Kept Household",
	    today - 5, DATE_NONE);
	add_visit(db, id, today - 3, 0);
	add_visit(db, id, today - 1, 1);
	add_visit(db, keep, today - 1, 1);
	CHECK(db_household_get(db, &sec, id, &g) == DB_OK);
	version = g.version;
	db_household_clear(&g);
	/* An ambassador may not, even of its own department. */
	CHECK_INT(db_household_delete(db, &amb, id, version, &n), DB_DENIED);
	CHECK_INT(n, 0);
	/* Someone changed it since it was read: nothing goes. */
	CHECK_INT(db_household_delete(db, &sec, id, version - 1, &n),
	    DB_CONFLICT);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 2);
	CHECK_INT(db_household_delete(db, &sec, id, version, &n), DB_OK);
	CHECK_INT(n, 2);
	CHECK_INT(db_household_get(db, &sec, id, &g), DB_NOTFOUND);
	db_household_clear(&g);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM member"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE "
	    "household_id <> 2"), 0);
	/* One audit row: the kind, the table and the id, no name. */
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'household deleted'"), 1);
	CHECK_INT(one(db, "SELECT record FROM audit WHERE kind = "
	    "'household deleted' AND tbl = 'household' AND detail IS NULL "
	    "AND login = 'mette'"), id);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE "
	    "instr(coalesce(detail, '') || kind || coalesce(tbl, ''), "
	    "'Zainab') > 0"), 0);
	/* Gone is gone. */
	CHECK_INT(db_household_delete(db, &sec, id, version, &n),
	    DB_NOTFOUND);
	CHECK_INT(db_household_delete(db, &sec, keep, 99, &n), DB_CONFLICT);
	db_close(db);
}

/* Fill h with a household that has every field set. */
static void
full(struct household *h, long in)
{
	memset(h, 0, sizeof *h);
	h->department = (char *)"605";
	h->stairwell = (char *)"Opgang 1";
	h->flat = (char *)"2. th.";
	h->moved_in = in;
	h->moved_out = DATE_NONE;
	h->members[0] = (char *)"Søren Ølgaard";
	h->members[1] = (char *)"Åse Ølgaard";
	h->nmembers = 2;
	h->consent = 1;
	h->consent_on = in;
	h->consent_by = (char *)"Birgit Holm";
	h->phone = (char *)"+45 12 34 56 78";
	h->languages = (char *)"da,ar";
	h->interpreter = 1;
	h->notes = (char *)"Ring twice.";
}

/* A wrong record can be corrected: every field the form has. */
static void
test_correct_every_field(void)
{
	struct db	*db = open_mem();
	struct household h, g;

	if (db == NULL)
		return;
	full(&h, today - 3);
	CHECK_INT(db_household_add(db, &sec, &h), DB_OK);
	CHECK(db_household_get(db, &sec, h.id, &g) == DB_OK);
	h.version = g.version;
	db_household_clear(&g);
	h.department = (char *)"606";
	h.stairwell = (char *)"Opgang 4";
	h.flat = (char *)"st. mf.";
	h.moved_in = today - 1;
	h.members[0] = (char *)"Amal Nasser";
	h.members[1] = (char *)"Omar Nasser";
	h.members[2] = (char *)"Layla Nasser";
	h.nmembers = 3;
	h.consent_on = today;
	h.consent_by = (char *)"Mette";
	h.phone = (char *)"20 30 40 50";
	h.languages = (char *)"so";
	h.interpreter = 0;
	h.notes = (char *)"Evenings only.";
	CHECK_INT(db_household_update(db, &sec, &h), DB_OK);
	CHECK(db_household_get(db, &sec, h.id, &g) == DB_OK);
	CHECK_STR(g.department, "606");
	CHECK_STR(g.stairwell, "Opgang 4");
	CHECK_STR(g.flat, "st. mf.");
	CHECK_INT(g.moved_in, today - 1);
	CHECK_INT(g.nmembers, 3);
	CHECK_STR(g.members[0], "Amal Nasser");
	CHECK_STR(g.members[2], "Layla Nasser");
	CHECK_INT(g.consent_on, today);
	CHECK_STR(g.consent_by, "Mette");
	CHECK_STR(g.phone, "20 30 40 50");
	CHECK_STR(g.languages, "so");
	CHECK_INT(g.interpreter, 0);
	CHECK_STR(g.notes, "Evenings only.");
	CHECK_INT(g.version, h.version + 1);
	/* Consent withdrawn: phone and languages go; one member left. */
	h.version = g.version;
	db_household_clear(&g);
	h.consent = 0;
	h.nmembers = 1;
	h.notes = NULL;
	h.interpreter = 1;
	CHECK_INT(db_household_update(db, &sec, &h), DB_OK);
	CHECK(db_household_get(db, &sec, h.id, &g) == DB_OK);
	CHECK_INT(g.consent, 0);
	CHECK(g.phone == NULL && g.languages == NULL && g.consent_by == NULL);
	CHECK_INT(g.consent_on, DATE_NONE);
	CHECK_INT(g.nmembers, 1);
	CHECK(g.notes == NULL);
	CHECK_INT(g.interpreter, 1);
	db_household_clear(&g);
	/* The old name is no longer found, the new one is. */
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE key = "
	    "'soeren'"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word WHERE key = "
	    "'amal'"), 1);
	db_close(db);
}

/* How many members a household has, read alone (the export's first
 * walk), is what db_household_get gives, in the sight of who asks. */
static void
test_nmembers(void)
{
	struct db	*db = open_mem();
	struct household g;
	long		 ids[3];
	size_t		 k;
	int		 n;

	if (db == NULL)
		return;
	ids[0] = house(db, "605", "Opgang 1", "1. th.", "One Person",
	    today - 5, DATE_NONE);
	full(&g, today - 5);
	g.members[2] = (char *)"Third Member";
	g.nmembers = 3;
	CHECK(db_household_add(db, &sec, &g) == DB_OK);
	ids[1] = g.id;
	ids[2] = house(db, "606", "Opgang 2", "1. tv.", "Other Department",
	    today - 5, DATE_NONE);
	for (k = 0; k < N(ids); k++) {
		n = -1;
		CHECK(db_household_get(db, &sec, ids[k], &g) == DB_OK);
		CHECK_INT(db_household_nmembers(db, &sec, ids[k], &n), DB_OK);
		CHECK_INT(n, (long)g.nmembers);
		db_household_clear(&g);
	}
	CHECK_INT(n, 1);
	CHECK(db_household_nmembers(db, &sec, ids[1], &n) == DB_OK);
	CHECK_INT(n, 3);
	/* Another department's is as if it did not exist. */
	CHECK_INT(db_household_nmembers(db, &amb, ids[2], &n), DB_NOTFOUND);
	CHECK_INT(db_household_nmembers(db, &amb, ids[1], &n), DB_OK);
	CHECK_INT(db_household_nmembers(db, &sec, 999, &n), DB_NOTFOUND);
	db_close(db);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	today = util_today();
	RUN("db-household", test_stale_agrees);
	RUN("db-household", test_queue_order);
	RUN("db-household", test_duplicate);
	RUN("db-household", test_delete);
	RUN("db-household", test_correct_every_field);
	RUN("db-household", test_nmembers);
	core_key_done();
	TEST_END();
}
