/*
 * test-db-criteria.c — what the secretariat records for the success
 * criteria (db-criteria.c): who may, what is refused, the latest views
 * kept with their day, the audit rows without titles; a visit marked as a
 * possible success story only with the household's yes, by its
 * ambassador or the secretariat; and what the criteria reach from it.
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

static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };
static const struct who	 sec = { .name = "sekretariat",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit", .role = ROLE_AMBASSADOR,
			    .departments = { "bb605" }, .ndepartments = 1 };
static const struct who	 lene = { .name = "lene", .role = ROLE_AMBASSADOR,
			    .departments = { "bb605" }, .ndepartments = 1 };
static const struct who	 other = { .name = "omar", .role = ROLE_AMBASSADOR,
			    .departments = { "bb606" }, .ndepartments = 1 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-01 */

/* A record: kind, days ago, title, channel, count (-1: none). */
static struct criteria_record
rec(enum crit_record_kind k, long ago, const char *title,
    enum crit_channel ch, long count)
{
	struct criteria_record	r;

	memset(&r, 0, sizeof r);
	r.kind = k;
	r.date = today - ago;
	r.title = (char *)title;
	r.channel = ch;
	r.count = count;
	r.counted_on = count < 0 ? DATE_NONE : today;
	if (k == CR_PRESS)
		r.paper = (char *)"Lokalavisen";
	return r;
}

/* Add a household of bb605 with a welcomed visit saved by w; the
 * visit's id, or 0. */
static long
welcomed(struct db *db, const struct who *w, const char *dept,
    enum visit_outcome o, int story, int consent)
{
	struct household	h;
	struct visit		v;
	struct visit_item	it = { .key = (char *)"laundry",
				    .title = (char *)"The laundry",
				    .state = IS_DONE };

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)"A 1";
	h.flat = (char *)"2. th.";
	h.moved_in = today - 10;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)"Fatima Ali";
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("household: %s", db_errmsg(db));
		return 0;
	}
	memset(&v, 0, sizeof v);
	v.household = h.id;
	v.date = today - 2;
	v.ambassador = (char *)"Birgit Holm";
	v.outcome = o;
	v.next_date = o == VO_NOT_HOME ? today + 1 : DATE_NONE;
	if (o == VO_WELCOMED) {
		v.items = &it;
		v.nitems = 1;
	}
	v.story = story;
	v.story_consent = consent;
	if (db_visit_add(db, w, &v, 3) != DB_OK)
		return 0;
	return v.id;
}

/* Who may record, and what is refused. */
static void
test_refusals(void)
{
	struct db		*db = open_mem();
	struct criteria_record	 r;

	if (db == NULL)
		return;
	r = rec(CR_STORY, 3, "Kaffe på trappen", CH_FACEBOOK, 120);
	CHECK_INT(db_criteria_add(db, &amb, &r), DB_DENIED);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_OK);
	CHECK(r.id > 0);
	r = rec(CR_STORY, -1, "Tomorrow", CH_FACEBOOK, -1);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_STORY, 1, "  ", CH_FACEBOOK, -1);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "title") != NULL);
	r = rec(CR_STORY, 1, "Ring 010190-1234", CH_FACEBOOK, -1);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_PRESS, 1, "Avis", CH_OTHER, 10);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_PRESS, 1, "Avis", CH_OTHER, -1);
	r.paper = NULL;
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_FILM, 1, "Film", CH_FACEBOOK, 10);
	r.paper = (char *)"Lokalavisen";
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_FILM, 5, "Film", CH_FACEBOOK, 10);
	r.counted_on = today - 6;	/* before it was published */
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	r = rec(CR_FILM, 5, "Film", (enum crit_channel)7, 10);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_INVALID);
	CHECK_INT(one(db, "SELECT count(*) FROM criteria_record"), 1);
	db_close(db);
}

/* The film's views: the latest is kept, with its day; the trail names
 * the record and its kind, never its title. */
static void
test_views(void)
{
	struct db		*db = open_mem();
	struct criteria_record	 r, got;

	if (db == NULL)
		return;
	r = rec(CR_FILM, 200, "Velkommen i opgangen", CH_FACEBOOK, -1);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_OK);
	CHECK_INT(db_criteria_count(db, &sec, r.id, 1999, today - 10), DB_OK);
	CHECK_INT(db_criteria_count(db, &sec, r.id, 2100, today), DB_OK);
	/* An older count does not replace a newer one. */
	CHECK_INT(db_criteria_count(db, &sec, r.id, 3000, today - 5),
	    DB_INVALID);
	CHECK_INT(db_criteria_count(db, &sec, r.id, 100, today + 1),
	    DB_INVALID);
	CHECK_INT(db_criteria_count(db, &amb, r.id, 100, today), DB_DENIED);
	CHECK_INT(db_criteria_count(db, &sec, 99, 100, today), DB_NOTFOUND);
	CHECK_INT(db_criteria_get(db, &sec, r.id, &got), DB_OK);
	CHECK_INT(got.count, 2100);
	CHECK_INT(got.counted_on, today);
	CHECK_INT(got.version, 3);
	CHECK_STR(got.title, "Velkommen i opgangen");
	CHECK_STR(got.updated_by, "sekretariat");
	db_criteria_clear(&got);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE tbl = "
	    "'criteria_record' AND detail = 'film'"), 3);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'criteria count recorded'"), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%opgangen%'"), 0);
	/* A press story has no views. */
	r = rec(CR_PRESS, 2, "Avis", CH_OTHER, -1);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_OK);
	CHECK_INT(db_criteria_count(db, &sec, r.id, 10, today), DB_INVALID);
	db_close(db);
}

/* Changing a record keeps its kind and needs the version read; deleting
 * too. */
static void
test_update_delete(void)
{
	struct db		*db = open_mem();
	struct criteria_record	 r, got, *list;
	size_t			 n;

	if (db == NULL)
		return;
	r = rec(CR_STORY, 30, "Nye naboer", CH_FACEBOOK, 87);
	CHECK_INT(db_criteria_add(db, &sec, &r), DB_OK);
	r.title = (char *)"Nye  naboer i 606 ";
	r.count = 104;
	r.kind = CR_FILM;		/* ignored: the kind stays */
	CHECK_INT(db_criteria_update(db, &sec, &r), DB_OK);
	CHECK_INT(db_criteria_update(db, &sec, &r), DB_CONFLICT);
	CHECK_INT(db_criteria_get(db, &sec, r.id, &got), DB_OK);
	CHECK_INT(got.kind, CR_STORY);
	CHECK_STR(got.title, "Nye naboer i 606");
	CHECK_INT(got.count, 104);
	CHECK_INT(got.version, 2);
	CHECK_INT(db_criteria_delete(db, &sec, r.id, 1), DB_CONFLICT);
	CHECK_INT(db_criteria_delete(db, &amb, r.id, 2), DB_DENIED);
	CHECK_INT(db_criteria_delete(db, &sec, r.id, got.version), DB_OK);
	db_criteria_clear(&got);
	CHECK_INT(db_criteria_list(db, &sec, 0, &list, &n), DB_OK);
	CHECK_INT(n, 0);
	db_criteria_free(list, n);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'criteria record deleted' AND record = 1"), 1);
	db_close(db);
}

/* The list of a year, newest first, and what the criteria reach. */
static void
test_list_reached(void)
{
	struct db		*db = open_mem();
	struct criteria_record	 r, *list;
	struct criterion	 c[2];
	const struct criterion	*rules[2] = { &c[0], &c[1] };
	struct crit_result	 res[2];
	size_t			 n;

	if (db == NULL)
		return;
	r = rec(CR_STORY, 400, "Last year", CH_FACEBOOK, 500);
	db_criteria_add(db, &sec, &r);
	r = rec(CR_STORY, 20, "99 likes", CH_FACEBOOK, 99);
	db_criteria_add(db, &sec, &r);
	r = rec(CR_STORY, 10, "100 likes", CH_WEBSITE, 100);
	db_criteria_add(db, &sec, &r);
	r = rec(CR_PRESS, 5, "The paper", CH_OTHER, -1);
	db_criteria_add(db, &sec, &r);
	CHECK_INT(db_criteria_list(db, &sec, 2019, &list, &n), DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(list[0].title, "The paper");
		CHECK_STR(list[0].paper, "Lokalavisen");
		CHECK_INT(list[0].count, -1);
		CHECK_STR(list[2].title, "99 likes");
	}
	db_criteria_free(list, n);
	memset(c, 0, sizeof c);
	c[0].kind = CK_STORIES;
	c[0].target = 5;
	c[0].min_count = 100;
	c[0].from = c[0].to = DATE_NONE;
	c[0].years[0] = 2019;
	c[0].nyears = 1;
	c[1].kind = CK_AMBASSADORS;
	c[1].target = 15;
	util_date_make(2017, 3, 1, &c[1].from);
	util_date_make(2021, 2, 28, &c[1].to);
	CHECK_INT(db_criteria_reached(db, &amb, rules, 2, 2019, today, res),
	    DB_DENIED);
	CHECK_INT(db_criteria_reached(db, &sec, rules, 2, 2019, today, res),
	    DB_OK);
	CHECK_INT(res[0].achieved, 1);
	CHECK_INT(res[0].pace, 2);
	CHECK_INT(res[0].status, CS_BEHIND);
	CHECK_INT(res[1].achieved, 0);
	CHECK_INT(res[1].status, CS_BEHIND);
	db_close(db);
}

/* A visit marked as a possible success story: only with the yes, by its
 * ambassador or the secretariat, only when someone opened. */
static void
test_story_visits(void)
{
	struct db		*db = open_mem();
	struct story_visit	*sv;
	struct visit		*v;
	struct seen		 seen = { 0 };
	size_t			 n;
	long			 a, b, c, d;

	if (db == NULL)
		return;
	/* No yes: nothing is saved, not even the visit. */
	CHECK_INT(welcomed(db, &amb, "bb605", VO_WELCOMED, 1, 0), 0);
	CHECK(strstr(db_errmsg(db), "said yes") != NULL);
	CHECK_INT(one(db, "SELECT count(*) FROM visit"), 0);
	CHECK(welcomed(db, &amb, "bb605", VO_NOT_HOME, 1, 1) == 0);
	a = welcomed(db, &amb, "bb605", VO_WELCOMED, 1, 1);
	CHECK(a > 0);
	b = welcomed(db, &amb, "bb605", VO_WELCOMED, 0, 0);
	c = welcomed(db, &amb, "bb605", VO_NOT_HOME, 0, 0);
	d = welcomed(db, &tester, "bb606", VO_WELCOMED, 0, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_story"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'visit marked as a possible success story'"), 1);
	/* Marked later: with the yes only; by its own ambassador. */
	CHECK_INT(db_visit_story(db, &amb, b, 1, 0), DB_INVALID);
	CHECK_INT(db_visit_story(db, &lene, b, 1, 1), DB_DENIED);
	CHECK_INT(db_visit_story(db, &other, b, 1, 1), DB_NOTFOUND);
	CHECK_INT(db_visit_story(db, &amb, c, 1, 1), DB_INVALID);
	CHECK_INT(db_visit_story(db, &amb, d, 1, 1), DB_NOTFOUND);
	CHECK_INT(db_visit_story(db, &amb, b, 1, 1), DB_OK);
	CHECK_INT(db_visit_story(db, &sec, d, 1, 1), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_story"), 3);
	/* The list: the secretariat's, newest first (equal dates: by id). */
	CHECK_INT(db_story_visits(db, &amb, 0, &sv, &n), DB_DENIED);
	CHECK_INT(db_story_visits(db, &sec, 2019, &sv, &n), DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(sv[0].visit, d);
		CHECK_STR(sv[0].consent_by, "sekretariat");
		CHECK_INT(sv[0].consent_on, today);
		CHECK_STR(sv[1].name, "Fatima Ali");
		CHECK_STR(sv[1].ambassador, "Birgit Holm");
		CHECK_STR(sv[2].consent_by, "birgit");
		CHECK_STR(sv[2].department, "bb605");
	}
	db_story_visits_free(sv, n);
	CHECK_INT(db_story_visits(db, &sec, 2018, &sv, &n), DB_OK);
	CHECK_INT(n, 0);
	db_story_visits_free(sv, n);
	/* Read from the marks (a handful), not from every visit of the
	 * year in date order (96 ms at a million households). */
	seen_start(db, &seen, "visit_story");
	CHECK_INT(db_story_visits(db, &sec, 2019, &sv, &n), DB_OK);
	seen_stop(db);
	db_story_visits_free(sv, n);
	CHECK_INT(seen.n, 1);
	if (seen.n == 1)
		CHECK(plan_has(db, seen.sql[0], "SCAN s", 1));
	/* The visit shows its mark. */
	CHECK_INT(db_visit_list(db, &sec, 0, NULL, 10, &v, &n), DB_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK(v[0].story);		/* d */
		CHECK(!v[1].story);		/* c */
		CHECK_STR(v[3].story_consent_by, "birgit");
		CHECK_INT(v[3].story_consent_on, today);
	}
	db_visits_free(v, n);
	/* The mark taken away: the household changed its mind. */
	CHECK_INT(db_visit_story(db, &amb, a, 0, 0), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_story"), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'success story mark removed'"), 1);
	/* Deleting the household takes the mark with its visits. */
	CHECK_INT(db_household_delete(db, &sec, 4, one(db, "SELECT version "
	    "FROM household WHERE id = 4"), NULL), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM visit_story"), 1);
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
	RUN("db-criteria", test_refusals);
	RUN("db-criteria", test_views);
	RUN("db-criteria", test_update_delete);
	RUN("db-criteria", test_list_reached);
	RUN("db-criteria", test_story_visits);
	core_key_done();
	TEST_END();
}
