/*
 * test-db-erase.c — erasing a household's personal data: what goes and
 * what stays, who may, erasing twice; the retention rules' count on the
 * home screen against what purge finds (and the cap), purge against
 * core_retention_due household by household.
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
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
static const struct retention rules = { 365, 90, 365, 365, 90 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-01 */

/* A household in 605 with two members, a phone and notes, moved in on
 * in (out on out); its id, or 0. */
static long
house(struct db *db, const char *name, long in, long out)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = "605";
	h.stairwell = "Opgang 1";
	h.flat = "st. tv.";
	h.moved_in = in;
	h.moved_out = out;
	h.members[0] = (char *)name;
	h.members[1] = "Ida Zqwx";
	h.nmembers = 2;
	h.consent = 1;
	h.consent_on = in;
	h.phone = "12 34 56 78";
	h.notes = "Ring efter kl. 16";
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Run sql (the test fails if it does not). */
static void
exec(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		TEST_FAIL("%s: %s", sql, sqlite3_errmsg(db->h));
}

/* Erase: the names and contact data go, the household stays, the trail
 * names no one; a second erasure is refused; an ambassador may not. */
static void
test_erase(void)
{
	struct db		*db = open_mem();
	struct erase_info	 e;
	struct household	 h;
	enum erase_why		 why;
	long			 id, on;

	if (db == NULL || (id = house(db, "Zqxw Kjqp", day(2019, 5, 1),
	    DATE_NONE)) == 0)
		return;
	CHECK_INT(db_erase_household(db, &amb, id, ERASE_REQUEST, &e),
	    DB_DENIED);
	CHECK_INT(db_erase_info(db, &sec, id, &e), DB_OK);
	CHECK_INT(e.members, 2);
	CHECK(e.phone && e.notes && e.erased_on == DATE_NONE);
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "withdrawn_on IS NULL"), 1);
	CHECK_INT(db_erase_household(db, &sec, id, ERASE_REQUEST, &e), DB_OK);
	/* Its consents end with it, and stay as a record of what was. */
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "withdrawn_on IS NULL"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM consent c JOIN "
	    "household_erased e ON e.household_id = c.household_id WHERE "
	    "c.withdrawn_by = 'mette' AND c.withdrawn_on = e.erased_on"), 1);
	CHECK_INT(e.members, 2);
	CHECK_INT(one(db, "SELECT count(*) FROM member"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM name_word"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM household WHERE flat = '' "
	    "AND phone IS NULL AND notes IS NULL AND consent = 0 AND "
	    "sort_key = '' AND department = '605' AND moved_in = "
	    "'2019-05-01'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'household erased' AND detail = 'on request'"), 1);
	CHECK_INT(db_household_erased(db, &amb, id, &on, &why), DB_OK);
	CHECK_INT(on, today);
	CHECK_INT(why, ERASE_REQUEST);
	memset(&h, 0, sizeof h);
	CHECK_INT(db_household_get(db, &sec, id, &h), DB_OK);
	CHECK_INT(h.nmembers, 0);
	db_household_clear(&h);
	CHECK_INT(db_erase_household(db, &sec, id, ERASE_REQUEST, NULL),
	    DB_INVALID);
	CHECK_INT(db_erase_household(db, &sec, id + 1, ERASE_REQUEST, NULL),
	    DB_NOTFOUND);
	db_close(db);
}

/* What was erased is not written again: no consent, no change of the
 * household, no visit, no follow-up note (a follow-up without one still
 * closes its case); and purge passes over a household erased already
 * that was given a name again by hand, instead of stopping there. */
static void
test_erased_stays_erased(void)
{
	struct db		*db = open_mem();
	struct purge_result	 r;
	struct household_query	 q;
	struct household	 h, u;
	struct followup		 f;
	struct visit		 v;
	long			 id, n;

	if (db == NULL || (id = house(db, "Zqxw Kjqp", day(2018, 1, 1),
	    DATE_NONE)) == 0)
		return;
	CHECK_INT(db_erase_household(db, &sec, id, ERASE_REQUEST, NULL),
	    DB_OK);
	CHECK_INT(db_consent_give(db, &sec, id, CP_PHONE, CH_PAPER, today),
	    DB_INVALID);
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "withdrawn_on IS NULL"), 0);
	memset(&h, 0, sizeof h);
	CHECK_INT(db_household_get(db, &sec, id, &h), DB_OK);
	u = h;
	u.members[0] = (char *)"Zqxw Kjqp";
	u.nmembers = 1;
	u.flat = (char *)"st. tv.";
	CHECK_INT(db_household_update(db, &sec, &u), DB_INVALID);
	db_household_clear(&h);
	CHECK_INT(one(db, "SELECT count(*) FROM member"), 0);
	memset(&v, 0, sizeof v);
	v.household = id;
	v.date = today;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = VO_NOT_HOME;
	v.next_date = today + 3;
	CHECK_INT(db_visit_add(db, &sec, &v, 3), DB_INVALID);
	memset(&f, 0, sizeof f);
	f.household = id;
	f.date = today;
	f.action = FA_LETTER;
	f.closes = FC_UNREACHABLE;
	f.note = (char *)"Talked to Zqxw Kjqp, 22 33 44 55.";
	CHECK_INT(db_followup_add(db, &sec, &f, 3), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "erased") != NULL);
	f.note = NULL;
	CHECK_INT(db_followup_add(db, &sec, &f, 3), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM followup WHERE note IS NOT "
	    "NULL"), 0);
	/* Given a name again with another tool, then purged: passed over. */
	exec(db, "UPDATE household SET sort_key = 'x'");
	house(db, "B Awaits", day(2018, 1, 1), DATE_NONE);
	memset(&r, 0, sizeof r);
	CHECK_INT(db_purge(db, &sec, &rules, today, 0, NULL, NULL, NULL, &r),
	    DB_OK);
	CHECK_INT(r.households[RETAIN_NOT_REACHED], 1);
	CHECK_INT(one(db, "SELECT count(*) FROM household_erased"), 2);
	/* Neither is left on the secretariat's list ("not reached in time"):
	 * dealt with the day they were erased. */
	memset(&q, 0, sizeof q);
	q.filter = FILTER_FLAGGED;
	q.today = today;
	q.deadline = 14;
	q.stale_days = 14;
	CHECK_INT(db_household_count(db, &sec, &q, &n), DB_OK);
	CHECK_INT(n, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM household WHERE flags = 0 AND "
	    "handled_on = '2019-06-01'"), 2);
	db_close(db);
}

/* What purge does, per reason, into counts. */
static void
count_one(void *ctx, long id, enum retention_reason why)
{
	long	*counts = ctx;

	(void)id;
	counts[why]++;
}

/* The home screen's count is what purge erases, up to its cap; purge
 * erases each household core_retention_due finds due, and no other. */
static void
test_purge_count(void)
{
	struct db		*db = open_mem();
	struct purge_result	 r;
	long			 n, counts[NRETAIN] = { 0 };

	if (db == NULL)
		return;
	house(db, "A Moved", day(2019, 1, 1), day(2019, 3, 1));	/* due */
	house(db, "B Moved", day(2019, 1, 1), day(2019, 3, 4));	/* not */
	house(db, "C Awaits", day(2018, 6, 1), DATE_NONE);	/* due */
	house(db, "D Awaits", day(2018, 6, 2), DATE_NONE);	/* not */
	house(db, "E Welcomed", day(2018, 1, 1), DATE_NONE);
	house(db, "F Welcomed", day(2018, 1, 1), DATE_NONE);
	exec(db, "UPDATE household SET state = 'welcomed', last_visit = "
	    "'2018-06-01' WHERE id = 5");			/* due */
	exec(db, "UPDATE household SET state = 'partly', last_visit = "
	    "'2018-06-02' WHERE id = 6");			/* not */
	/* Due by two rules: counted once, by the one due first. */
	house(db, "G Both", day(2017, 12, 1), day(2019, 1, 1));
	exec(db, "UPDATE household SET state = 'welcomed', last_visit = "
	    "'2018-01-05' WHERE id = 7");
	CHECK_INT(db_purge_count(db, &amb, &rules, today, 1000, &n),
	    DB_DENIED);
	CHECK_INT(db_purge_count(db, &sec, &rules, today, 1000, &n), DB_OK);
	CHECK_INT(n, 4);
	CHECK_INT(db_purge_count(db, &sec, &rules, today, 2, &n), DB_OK);
	CHECK_INT(n, 2);
	CHECK_INT(db_purge(db, &sec, &rules, today, 1, count_one, NULL,
	    counts, &r), DB_OK);
	CHECK_INT(counts[RETAIN_MOVED_OUT], 1);
	CHECK_INT(counts[RETAIN_WELCOMED], 2);
	CHECK_INT(counts[RETAIN_NOT_REACHED], 1);
	CHECK_INT(one(db, "SELECT count(*) FROM member"), 14);
	CHECK_INT(db_purge(db, &sec, &rules, today, 0, NULL, NULL, NULL, &r),
	    DB_OK);
	CHECK_INT(r.households[RETAIN_MOVED_OUT] +
	    r.households[RETAIN_WELCOMED] + r.households[RETAIN_NOT_REACHED],
	    4);
	CHECK_INT(one(db, "SELECT count(*) FROM household_erased WHERE "
	    "household_id IN (1, 3, 5, 7) AND why = 'purge'"), 4);
	CHECK_INT(one(db, "SELECT count(*) FROM member"), 6);
	CHECK_INT(db_purge_count(db, &sec, &rules, today, 1000, &n), DB_OK);
	CHECK_INT(n, 0);
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
	RUN("db-erase", test_erase);
	RUN("db-erase", test_purge_count);
	RUN("db-erase", test_erased_stays_erased);
	core_key_done();
	TEST_END();
}
