/*
 * test-db-desk.c — the desk's overview (db_desk) on a small fixed data
 * set with a fixed today: each department's figures by hand, the total
 * with a department the configuration no longer has, and every figure
 * against the count the lists give (db_household_count with the lists'
 * queries), for one department and for all.
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

#define N(a)	(sizeof (a) / sizeof (a)[0])
#define DEADLINE	14
#define STALE		60

static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-01 */

/* The configuration's departments and stairwells. */
static const char *const depts[] = { "605", "606", "607" };
static const char *const stairs[] = { "A", "B", "C", "X", "Y", "Z" };
static const int stair_dept[] = { 0, 0, 0, 1, 1, 2 };

/* A household moved in days ago (out: moved out days ago, or -1), in
 * state with flags; its id, or 0. */
static long
house(struct db *db, const char *dept, const char *stair, int days, int out,
    const char *state, int flags)
{
	struct household h;
	sqlite3_stmt	*st;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)stair;
	h.flat = (char *)"st. tv.";
	h.moved_in = today - days;
	h.moved_out = out < 0 ? DATE_NONE : today - out;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)"Ida Holm";
	h.nmembers = 1;
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add: %s", db_errmsg(db));
		return 0;
	}
	if (sqlite3_prepare_v2(db->h, "UPDATE household SET state = ?1, "
	    "flags = ?2 WHERE id = ?3", -1, &st, NULL) != SQLITE_OK) {
		TEST_FAIL("prepare: %s", sqlite3_errmsg(db->h));
		return 0;
	}
	sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, flags);
	sqlite3_bind_int64(st, 3, h.id);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	return h.id;
}

/* An ambassador of dept covering stair (NULL: all of it), from 2018;
 * with status other than active from ten days ago. */
static void
ambassador(struct db *db, const char *name, const char *dept,
    const char *stair, int status)
{
	struct ambassador	 a;
	struct amb_change	 c = { today - 10, (enum amb_status)status,
				    AR_NONE };

	memset(&a, 0, sizeof a);
	a.name = (char *)name;
	a.department = (char *)dept;
	a.recruited_on = today - 365;
	a.trained_on = DATE_NONE;
	a.consent_on = DATE_NONE;
	if (stair != NULL) {
		a.stairwells[0] = (char *)stair;
		a.nstairwells = 1;
	}
	if (db_ambassador_add(db, &sec, &a) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return;
	}
	if (status == AS_STOPPED)
		c.reason = AR_MOVED_AWAY;
	if (status != AS_ACTIVE && db_ambassador_status(db, &sec, a.id, &c) !=
	    DB_OK)
		TEST_FAIL("status %s: %s", name, db_errmsg(db));
}

/* The fixed data set. */
static struct db *
fixture(void)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return NULL;
	}
	house(db, "605", "A", 3, -1, "awaiting", 0);	/* awaiting */
	house(db, "605", "A", 20, -1, "awaiting", 0);	/* overdue */
	house(db, "605", "B", 100, -1, "awaiting", 0);	/* overdue, stale */
	house(db, "605", "B", 5, -1, "welcomed", 0);
	house(db, "605", "C", 30, 1, "awaiting", 0);	/* moved out */
	house(db, "605", "C", 2, -1, "declined", 0);
	house(db, "605", "C", 25, 20, "awaiting", FLAG_ATTEMPTS);	/* out */
	house(db, "606", "X", 10, -1, "partly", FLAG_REFERRAL);
	house(db, "606", "Y", 1, -1, "awaiting", 0);
	house(db, "606", "Y", 15, -1, "welcomed", FLAG_REFERRAL);
	house(db, "999", "Q", 1, -1, "awaiting", 0);	/* no longer there */
	ambassador(db, "Anna", "605", "A", AS_ACTIVE);
	ambassador(db, "Bo", "605", "B", AS_STOPPED);
	ambassador(db, "Carl", "606", NULL, AS_PAUSED);
	ambassador(db, "Dina", "607", NULL, AS_ACTIVE);
	return db;
}

/* The desk's query of the configuration above. */
static struct desk_query
query(void)
{
	struct desk_query	 q = { depts, N(depts), stairs, stair_dept,
				    N(stairs), DATE_NONE, DEADLINE, STALE };

	return q;
}

/* Row r has these figures. */
#define CHECK_ROW(r, aw, od, se, sw) do {				\
	CHECK_INT((r).awaiting, (aw));					\
	CHECK_INT((r).overdue, (od));					\
	CHECK_INT((r).secretariat, (se));				\
	CHECK_INT((r).stairwells_without, (sw));			\
} while (0)

/* Each department's figures, worked out by hand, and the total. */
static void
test_desk_by_hand(void)
{
	struct db		*db = fixture();
	struct desk_query	 q = query();
	struct desk		 d;

	if (db == NULL)
		return;
	CHECK_INT(db_desk(db, &sec, &q, &d), DB_OK);
	CHECK_INT(d.nrows, 3);
	if (d.nrows == 3) {
		/* 605: A is covered; B's ambassador stopped, one waits
		 * there; C has nobody waiting. */
		CHECK_ROW(d.rows[0], 1, 2, 1, 1);
		/* 606: its only ambassador is paused; a referral counts
		 * for the secretariat even once welcomed. */
		CHECK_ROW(d.rows[1], 2, 0, 2, 2);
		CHECK_ROW(d.rows[2], 0, 0, 0, 0);
	}
	/* The total counts 999's household too. */
	CHECK_ROW(d.total, 4, 2, 3, 3);
	db_desk_clear(&d);
	CHECK(d.rows == NULL);
	db_close(db);
}

/* The count of a list for department dept (NULL: all). */
static long
count(struct db *db, enum household_filter f, const char *dept)
{
	struct household_query	 hq;
	long			 n = -1;

	memset(&hq, 0, sizeof hq);
	hq.filter = f;
	hq.department = dept;
	hq.today = DATE_NONE;
	hq.deadline = DEADLINE;
	hq.stale_days = STALE;
	if (db_household_count(db, &sec, &hq, &n) != DB_OK)
		TEST_FAIL("count: %s", db_errmsg(db));
	return n;
}

/* The desk says what the overdue and the secretariat's lists count. */
static void
test_desk_matches_lists(void)
{
	struct db		*db = fixture();
	struct desk_query	 q = query();
	struct desk		 d;
	size_t			 i;

	if (db == NULL)
		return;
	CHECK_INT(db_desk(db, &sec, &q, &d), DB_OK);
	for (i = 0; i < d.nrows; i++) {
		CHECK_INT(d.rows[i].overdue, count(db, FILTER_OVERDUE,
		    depts[i]));
		CHECK_INT(d.rows[i].secretariat, count(db, FILTER_FLAGGED,
		    depts[i]));
		CHECK_INT(d.rows[i].awaiting + d.rows[i].overdue,
		    count(db, FILTER_OPEN, depts[i]));
	}
	CHECK_INT(d.total.overdue, count(db, FILTER_OVERDUE, NULL));
	CHECK_INT(d.total.secretariat, count(db, FILTER_FLAGGED, NULL));
	CHECK_INT(d.total.awaiting + d.total.overdue, count(db, FILTER_OPEN,
	    NULL));
	db_desk_clear(&d);
	db_close(db);
}

/* The desk is the secretariat's: an ambassador and nobody are refused. */
static void
test_desk_denied(void)
{
	struct db		*db = fixture();
	struct desk_query	 q = query();
	struct who		 nobody;
	struct desk		 d;

	if (db == NULL)
		return;
	memset(&nobody, 0, sizeof nobody);
	CHECK_INT(db_desk(db, &amb, &q, &d), DB_DENIED);
	CHECK(d.rows == NULL);
	CHECK_INT(db_desk(db, &nobody, &q, &d), DB_DENIED);
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
	RUN("db-desk", test_desk_by_hand);
	RUN("db-desk", test_desk_matches_lists);
	RUN("db-desk", test_desk_denied);
	core_key_done();
	TEST_END();
}
