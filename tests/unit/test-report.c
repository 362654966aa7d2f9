/*
 * test-report.c — the yearly report: periods and cut-offs (a leap day,
 * agreement years), how a household adds up (moved in on 31 December,
 * welcomed on 2 January), medians (x.5, none, of several groups
 * together), per cent; then db_report on a small fixed data set against
 * figures worked out by hand: outcomes, referrals by kind, follow-ups,
 * the checklist items, a department with no move-ins, a department the
 * configuration no longer has, pilots, months, the ambassadors (one
 * paused over the year end), what is recorded after the cut-off, the
 * closed period kept and read back unchanged, the recount, who may.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "report.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])

static const struct who	 admin = { .name = "admin", .role = ROLE_ADMIN };
static const struct who	 sec = { .name = "mette",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit",
			    .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };

static const char *const depts[] = { "605", "606", "607" };
static const char *const stairs[] = { "A", "B", "X", "Z" };
static const int stair_dept[] = { 0, 0, 1, 2 };
static const int pilots[] = { 1, 0, 0 };
static const char *const item_keys[] = { "laundry", "waste" };
static const int item_dept[] = { -1, 0 };

/* A day from its ISO text. */
static long
day(const char *iso)
{
	long	d = DATE_NONE;

	if (util_date_parse(iso, &d) != DATE_OK)
		TEST_FAIL("bad date %s", iso);
	return d;
}

/* ---- the rules (core-report.c) ---------------------------------------- */

/* A calendar year: 1.1.-31.12., cut-off 14 days later. */
static void
test_year(void)
{
	struct report_period	p;

	CHECK(core_report_year(2018, 14, &p) == NULL);
	CHECK_INT(p.kind, RK_YEAR);
	CHECK_INT(p.number, 2018);
	CHECK_INT(p.from, day("2018-01-01"));
	CHECK_INT(p.to, day("2018-12-31"));
	CHECK_INT(p.cutoff, day("2019-01-14"));
	CHECK(core_report_year(1899, 14, &p) != NULL);
	CHECK(core_report_year(10000, 14, &p) != NULL);
}

/* A leap day: a period ending 29.2.2020 has its cut-off 14.3.2020;
 * agreement year 3 of 1.3.2017-28.2.2021 is 1.3.2019-29.2.2020. */
static void
test_leap_day(void)
{
	struct report_period	p;
	long			from = day("2017-03-01"), to = day("2021-02-28");

	CHECK(core_report_range(day("2020-02-01"), day("2020-02-29"), 14,
	    &p) == NULL);
	CHECK_INT(p.cutoff, day("2020-03-14"));
	CHECK(core_report_agreement_year(from, to, 3, 14, &p) == NULL);
	CHECK_INT(p.kind, RK_AGREEMENT_YEAR);
	CHECK_INT(p.number, 3);
	CHECK_INT(p.from, day("2019-03-01"));
	CHECK_INT(p.to, day("2020-02-29"));
	CHECK_INT(p.cutoff, day("2020-03-14"));
	CHECK(core_report_agreement_year(from, to, 4, 14, &p) == NULL);
	CHECK_INT(p.to, day("2021-02-28"));
	CHECK(core_report_agreement_year(from, to, 5, 14, &p) != NULL);
	CHECK(core_report_agreement_year(from, to, 0, 14, &p) != NULL);
	/* An agreement from a leap day: its years end on 28 February. */
	CHECK(core_report_agreement_year(day("2016-02-29"), to, 1, 14,
	    &p) == NULL);
	CHECK_INT(p.to, day("2017-02-28"));
	CHECK(core_report_range(day("2020-03-01"), day("2020-02-29"), 14,
	    &p) != NULL);
	core_report_first_year(day("2019-03-01"), 14, &p);
	CHECK_INT(p.kind, RK_EVALUATION);
	CHECK_INT(p.to, day("2020-02-29"));
}

/* Moved in on 31 December, welcomed on 2 January: in time, 2 days. */
static void
test_new_year(void)
{
	struct report_figures		f;
	struct report_household		h;

	memset(&f, 0, sizeof f);
	memset(&h, 0, sizeof h);
	h.moved_in = day("2018-12-31");
	h.first_welcome = day("2019-01-02");
	h.outcome = RO_WELCOMED;
	h.referrals = 1u << RR_NOT_HOME | 1u << RR_LATE;
	core_report_add(&f, &h, 14);
	h.first_welcome = DATE_NONE;
	h.outcome = RO_DECLINED;
	h.referrals = 0;
	h.followed_up = 1;
	core_report_add(&f, &h, 14);
	core_report_finish(&f);
	CHECK_INT(f.moved_in, 2);
	CHECK_INT(f.welcomed, 1);
	CHECK_INT(f.in_time, 1);
	CHECK_INT(f.declined, 1);
	CHECK_INT(f.median2, 4);
	CHECK_INT(f.referred, 1);
	CHECK_INT(f.referrals[RR_NOT_HOME], 1);
	CHECK_INT(f.referrals[RR_LATE], 1);
	CHECK_INT(f.referrals[RR_DECLINED], 0);
	CHECK_INT(f.followed_up, 1);
	CHECK(f.days == NULL);
}

/* Add welcomes after days d[0..n) to f. */
static void
welcomes(struct report_figures *f, const long *d, size_t n)
{
	struct report_household	h;
	size_t			i;

	for (i = 0; i < n; i++) {
		memset(&h, 0, sizeof h);
		h.moved_in = day("2018-05-01");
		h.first_welcome = h.moved_in + d[i];
		h.outcome = RO_WELCOMED;
		core_report_add(f, &h, 14);
	}
}

/* Medians: an even count gives x.5 exactly, none gives -1, groups
 * together give the median of all their days. */
static void
test_median(void)
{
	static const long	even[] = { 12, 3, 10, 5 }, odd[] = { 9, 1, 2 };
	static const long	a[] = { 4, 1 }, b[] = { 20, 2, 10 };
	struct report_figures	f, g, *both[2] = { &f, &g };

	memset(&f, 0, sizeof f);
	welcomes(&f, even, N(even));
	core_report_finish(&f);
	CHECK_INT(f.median2, 15);		/* 7.5 days */
	CHECK_INT(f.in_time, 4);
	memset(&f, 0, sizeof f);
	welcomes(&f, odd, N(odd));
	core_report_finish(&f);
	CHECK_INT(f.median2, 4);
	memset(&f, 0, sizeof f);
	core_report_finish(&f);
	CHECK_INT(f.median2, -1);		/* no move-ins */
	memset(&f, 0, sizeof f);
	memset(&g, 0, sizeof g);
	welcomes(&f, a, N(a));
	welcomes(&g, b, N(b));
	core_report_sort(&f);
	core_report_sort(&g);
	CHECK_INT(core_report_median2(both, 2), 8);	/* 1 2 4 10 20 */
	CHECK_INT(core_report_median2(both, 1), 5);	/* 1 4 */
	core_report_finish(&f);
	core_report_finish(&g);
	CHECK_INT(core_report_median2(both, 2), -1);
}

/* Per cent, half up; months of a period. */
static void
test_percent_months(void)
{
	struct report_period	p;

	CHECK_INT(core_report_percent(1, 3), 33);
	CHECK_INT(core_report_percent(2, 3), 67);
	CHECK_INT(core_report_percent(1, 8), 13);	/* 12.5 */
	CHECK_INT(core_report_percent(3, 3), 100);
	CHECK_INT(core_report_percent(0, 0), -1);
	CHECK(core_report_year(2018, 14, &p) == NULL);
	CHECK_INT(core_report_nmonths(&p), 12);
	CHECK_INT(core_report_month(&p, day("2018-03-15")), 2);
	CHECK_INT(core_report_month(&p, day("2019-01-01")), -1);
	CHECK(core_report_range(day("2019-03-01"), day("2020-02-29"), 14,
	    &p) == NULL);
	CHECK_INT(core_report_nmonths(&p), 12);
	CHECK_INT(core_report_month(&p, day("2020-02-29")), 11);
	CHECK(core_report_range(day("2016-01-01"), day("2018-12-31"), 14,
	    &p) == NULL);
	CHECK_INT(core_report_nmonths(&p), REPORT_MONTHS);
	CHECK_INT(core_report_month(&p, day("2018-01-10")), -1);
}

/* ---- the data set ------------------------------------------------------ */

/* A household of dept on stair that moved in on iso; its id. */
static long
house(struct db *db, const char *dept, const char *stair, const char *iso)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)stair;
	h.flat = (char *)"st. tv.";
	h.moved_in = day(iso);
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)"Ida Holm";
	h.nmembers = 1;
	if (db_household_add(db, &admin, &h) != DB_OK) {
		TEST_FAIL("add: %s", db_errmsg(db));
		return 0;
	}
	return h.id;
}

/*
 * A visit to household hid dated iso, recorded on rec (NULL: that day),
 * with outcome o; welcomed and partly visits run the checklist: laundry
 * (later when partly, else done) and waste (st; referral passes it on).
 */
static void
visit(struct db *db, long hid, const char *iso, const char *rec,
    enum visit_outcome o, enum item_state st, int referral,
    const char *notes)
{
	struct visit		v;
	struct visit_item	it[2];
	long			was;

	memset(&v, 0, sizeof v);
	memset(it, 0, sizeof it);
	v.household = hid;
	v.date = day(iso);
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = o;
	v.next_date = DATE_NONE;
	v.notes = (char *)notes;
	if (o == VO_NOT_HOME || o == VO_PARTLY)
		v.next_date = day(rec != NULL ? rec : iso) + 3;
	if (o == VO_WELCOMED || o == VO_PARTLY) {
		it[0] = (struct visit_item){ (char *)"laundry",
		    (char *)"The laundry", (char *)"Vaskeriet",
		    o == VO_PARTLY ? IS_LATER : IS_DONE, NULL, 0 };
		it[1] = (struct visit_item){ (char *)"waste",
		    (char *)"Waste", NULL, st,
		    referral ? (char *)"Ask about bins" : NULL, referral };
		v.items = it;
		v.nitems = 2;
	}
	was = util_today_set(day(rec != NULL ? rec : iso));
	if (db_visit_add(db, &admin, &v, 3) != DB_OK)
		TEST_FAIL("visit %s: %s", iso, db_errmsg(db));
	util_today_set(was);
}

/* A follow-up of household hid dated iso, recorded on rec. */
static void
followup(struct db *db, long hid, const char *iso, const char *rec)
{
	struct followup	f;
	long		was;

	memset(&f, 0, sizeof f);
	f.household = hid;
	f.date = day(iso);
	f.action = FA_LETTER;
	was = util_today_set(day(rec));
	if (db_followup_add(db, &sec, &f, 3) != DB_OK)
		TEST_FAIL("follow-up: %s", db_errmsg(db));
	util_today_set(was);
	free(f.login);
}

/* An ambassador of dept (stair NULL: all of it) recruited on rec, with a
 * change to status st on ch (NULL: none), then active again on back. */
static void
ambassador(struct db *db, const char *dept, const char *stair,
    const char *rec, enum amb_status st, const char *ch, const char *back)
{
	struct ambassador	a;
	struct amb_change	c;
	long			was;

	memset(&a, 0, sizeof a);
	a.name = (char *)"Omar Nur";
	a.department = (char *)dept;
	a.recruited_on = day(rec);
	a.trained_on = DATE_NONE;
	a.consent_on = DATE_NONE;
	if (stair != NULL) {
		a.stairwells[0] = (char *)stair;
		a.nstairwells = 1;
	}
	was = util_today_set(day("2019-06-01"));
	if (db_ambassador_add(db, &admin, &a) != DB_OK)
		TEST_FAIL("ambassador: %s", db_errmsg(db));
	c = (struct amb_change){ ch != NULL ? day(ch) : DATE_NONE, st,
	    st == AS_STOPPED ? AR_MOVED_AWAY : AR_NONE };
	if (ch != NULL && db_ambassador_status(db, &admin, a.id, &c) != DB_OK)
		TEST_FAIL("status: %s", db_errmsg(db));
	c = (struct amb_change){ back != NULL ? day(back) : DATE_NONE,
	    AS_ACTIVE, AR_NONE };
	if (back != NULL && db_ambassador_status(db, &admin, a.id, &c) !=
	    DB_OK)
		TEST_FAIL("back: %s", db_errmsg(db));
	util_today_set(was);
}

/* Ids of the households the tests change later. */
static long	h1, h4, h5;

/* The fixed data set (see the expectations in test_counts). */
static struct db *
fixture(void)
{
	struct db	*db;
	char		*err;
	long		 h2, h3, h6, h7, h9;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return NULL;
	}
	h1 = house(db, "605", "A", "2018-12-31");
	visit(db, h1, "2019-01-02", NULL, VO_WELCOMED, IS_NOT_RELEVANT, 0,
	    NULL);
	h2 = house(db, "605", "A", "2018-03-01");
	visit(db, h2, "2018-03-03", NULL, VO_NOT_HOME, IS_UNSET, 0, NULL);
	visit(db, h2, "2018-03-06", NULL, VO_NOT_HOME, IS_UNSET, 0, NULL);
	visit(db, h2, "2018-03-09", NULL, VO_NOT_HOME, IS_UNSET, 0, NULL);
	visit(db, h2, "2018-03-10", NULL, VO_PARTLY, IS_DONE, 0, NULL);
	visit(db, h2, "2018-03-20", NULL, VO_WELCOMED, IS_DONE, 0, NULL);
	h3 = house(db, "605", "B", "2018-06-10");
	visit(db, h3, "2018-06-12", NULL, VO_DECLINED, IS_UNSET, 0,
	    "No thank you");
	followup(db, h3, "2018-06-20", "2018-06-20");
	h4 = house(db, "606", "X", "2018-05-01");
	visit(db, h4, "2018-05-05", NULL, VO_PARTLY, IS_DONE, 1, NULL);
	h5 = house(db, "606", "X", "2018-12-20");
	visit(db, h5, "2019-01-20", NULL, VO_WELCOMED, IS_DONE, 0, NULL);
	h6 = house(db, "606", "X", "2018-07-01");
	visit(db, h6, "2018-07-08", NULL, VO_WELCOMED, IS_DONE, 0, NULL);
	h7 = house(db, "606", "X", "2018-08-01");
	visit(db, h7, "2018-08-05", "2019-02-01", VO_WELCOMED, IS_DONE, 0,
	    NULL);
	house(db, "605", "A", "2017-12-31");
	h9 = house(db, "999", "Q", "2018-04-01");
	visit(db, h9, "2018-04-03", NULL, VO_WELCOMED, IS_DONE, 0, NULL);
	ambassador(db, "605", NULL, "2017-05-01", AS_ACTIVE, NULL, NULL);
	ambassador(db, "606", "X", "2018-02-01", AS_PAUSED, "2018-12-20",
	    "2019-01-05");
	ambassador(db, "606", NULL, "2018-03-01", AS_STOPPED, "2018-09-01",
	    NULL);
	(void)h6;
	(void)h7;
	return db;
}

/* The query of 2018 with today. */
static void
query(struct report_query *q, const char *today, const char *dept)
{
	memset(q, 0, sizeof *q);
	CHECK(core_report_year(2018, 14, &q->period) == NULL);
	q->departments = depts;
	q->ndepartments = N(depts);
	q->stairwells = stairs;
	q->stairwell_department = stair_dept;
	q->nstairwells = N(stairs);
	q->pilot = pilots;
	q->department = dept;
	q->item_keys = item_keys;
	q->item_department = item_dept;
	q->nitem_keys = N(item_keys);
	q->deadline = 14;
	q->max_attempts = 3;
	q->stale_days = 60;
	q->goal_from = day("2017-03-01");
	q->goal = 15;
	q->today = day(today);
}

/* One value of the database. */
static long
one(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	long		 v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		TEST_FAIL("%s: %s", sql, sqlite3_errmsg(db->h));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Check the counts of one group: moved in, welcomed, in time, median2,
 * partly, declined, not reached, referred, followed up. */
#define CHECK_FIG(f, mi, w, it, m2, pa, de, nr, re, fu) do {		\
	CHECK_INT((f).moved_in, mi);					\
	CHECK_INT((f).welcomed, w);					\
	CHECK_INT((f).in_time, it);					\
	CHECK_INT((f).median2, m2);					\
	CHECK_INT((f).partly, pa);					\
	CHECK_INT((f).declined, de);					\
	CHECK_INT((f).not_reached, nr);					\
	CHECK_INT((f).referred, re);					\
	CHECK_INT((f).followed_up, fu);					\
} while (0)

/* Check the referrals of a group by kind. */
#define CHECK_REF(f, nh, am, de, la) do {				\
	CHECK_INT((f).referrals[RR_NOT_HOME], nh);			\
	CHECK_INT((f).referrals[RR_AMBASSADOR], am);			\
	CHECK_INT((f).referrals[RR_DECLINED], de);			\
	CHECK_INT((f).referrals[RR_LATE], la);				\
} while (0)

/* Check the ambassadors of a group. */
#define CHECK_AMB(f, rec, stop, act, cum, st, cov) do {			\
	CHECK_INT((f).recruited, rec);					\
	CHECK_INT((f).stopped, stop);					\
	CHECK_INT((f).active_at_end, act);				\
	CHECK_INT((f).cumulative, cum);					\
	CHECK_INT((f).stairwells, st);					\
	CHECK_INT((f).covered, cov);					\
} while (0)

/* Check an item's counts. */
#define CHECK_ITEM(it, k, d, nr, l) do {				\
	CHECK_STR((it).key, k);						\
	CHECK_INT((it).done, d);					\
	CHECK_INT((it).not_relevant, nr);				\
	CHECK_INT((it).later, l);					\
} while (0)

/* The figures of 2018, counted by hand. */
static void
check_2018(const struct report *r)
{
	CHECK_INT(r->ndepartments, 3);
	if (r->ndepartments != 3)
		return;
	CHECK_INT(r->deadline, 14);
	CHECK_INT(r->max_attempts, 3);
	CHECK_INT(r->stale_days, 60);
	CHECK_INT(r->period.cutoff, day("2019-01-14"));
	CHECK_FIG(r->by_department[0], 3, 2, 1, 21, 0, 1, 0, 2, 1);
	CHECK_REF(r->by_department[0], 1, 0, 1, 0);
	CHECK_INT(r->by_department[0].rest_median2, 14);
	CHECK_FIG(r->by_department[1], 4, 1, 1, 14, 1, 0, 2, 2, 0);
	CHECK_REF(r->by_department[1], 0, 1, 0, 2);
	CHECK_INT(r->by_department[1].rest_median2, 21);
	CHECK_FIG(r->by_department[2], 0, 0, 0, -1, 0, 0, 0, 0, 0);
	CHECK_INT(r->by_department[2].rest_median2, 14);
	CHECK_FIG(r->total, 8, 4, 3, 9, 1, 1, 2, 4, 1);
	CHECK_INT(r->has_pilots, 1);
	CHECK_FIG(r->pilots, 3, 2, 1, 21, 0, 1, 0, 2, 1);
	CHECK_FIG(r->others, 5, 2, 2, 9, 1, 0, 2, 2, 0);
	CHECK_AMB(r->by_department[0], 0, 0, 1, 1, 2, 2);
	CHECK_AMB(r->by_department[1], 2, 1, 0, 2, 1, 0);
	CHECK_AMB(r->by_department[2], 0, 0, 0, 0, 1, 0);
	CHECK_AMB(r->total, 2, 1, 1, 3, 4, 2);
	CHECK_AMB(r->others, 2, 1, 0, 2, 2, 0);
	CHECK_INT(r->total.nitems, 2);
	if (r->total.nitems == 2) {
		CHECK_ITEM(r->total.items[0], "laundry", 4, 0, 1);
		CHECK_ITEM(r->total.items[1], "waste", 4, 1, 0);
		CHECK_STR(r->total.items[0].title, "The laundry");
		CHECK_STR(r->total.items[0].title_da, "Vaskeriet");
		CHECK_INT(r->total.items[1].department, 0);
	}
	if (r->by_department[2].nitems == 2) {
		CHECK_ITEM(r->by_department[2].items[0], "laundry", 0, 0, 0);
		CHECK_STR(r->by_department[2].items[0].title, "The laundry");
	} else
		TEST_FAIL("607 has %zu items", r->by_department[2].nitems);
	CHECK_INT(r->goal, 15);
	CHECK_INT(r->nmonths, 12);
}

/* Count 2018; its months; one department's months and the rest. */
static void
test_counts(void)
{
	struct report_query	q;
	struct report		r;
	struct db		*db;

	if ((db = fixture()) == NULL)
		return;
	query(&q, "2019-06-01", NULL);
	if (db_report(db, &sec, &q, &r) != DB_OK)
		TEST_FAIL("db_report: %s", db_errmsg(db));
	check_2018(&r);
	CHECK_INT(r.closed, 1);
	CHECK_INT(r.closed_on, day("2019-06-01"));
	CHECK_INT(r.department, -1);
	CHECK_FIG(r.months[11], 2, 1, 1, 4, 0, 0, 1, 0, 0);
	CHECK_FIG(r.months[2], 1, 1, 0, 38, 0, 0, 0, 1, 0);
	report_clear(&r);
	query(&q, "2019-06-01", "606");
	CHECK_INT(db_report(db, &sec, &q, &r), DB_OK);
	check_2018(&r);
	CHECK_INT(r.department, 1);
	CHECK_FIG(r.months[11], 1, 0, 0, -1, 0, 0, 1, 0, 0);
	CHECK_FIG(r.months[6], 1, 1, 1, 14, 0, 0, 0, 0, 0);
	CHECK_FIG(r.rest, 3, 2, 1, 21, 0, 1, 0, 2, 1);
	if (r.rest.nitems == 2)
		CHECK_ITEM(r.rest.items[1], "waste", 1, 1, 0);
	else
		TEST_FAIL("rest has %zu items", r.rest.nitems);
	report_clear(&r);
	db_close(db);
}

/* 1 if two groups' figures are the same. */
static int
same_fig(const struct report_figures *a, const struct report_figures *b)
{
	size_t	i;

	if (a->moved_in != b->moved_in || a->welcomed != b->welcomed ||
	    a->in_time != b->in_time || a->partly != b->partly ||
	    a->declined != b->declined || a->not_reached != b->not_reached ||
	    a->referred != b->referred || a->followed_up != b->followed_up ||
	    a->median2 != b->median2 || a->rest_median2 != b->rest_median2 ||
	    a->recruited != b->recruited || a->stopped != b->stopped ||
	    a->active_at_end != b->active_at_end ||
	    a->cumulative != b->cumulative ||
	    a->stairwells != b->stairwells || a->covered != b->covered ||
	    memcmp(a->referrals, b->referrals, sizeof a->referrals) != 0 ||
	    a->nitems != b->nitems)
		return 0;
	for (i = 0; i < a->nitems; i++)
		if (strcmp(a->items[i].key, b->items[i].key) != 0 ||
		    a->items[i].done != b->items[i].done ||
		    a->items[i].later != b->items[i].later ||
		    a->items[i].not_relevant != b->items[i].not_relevant ||
		    a->items[i].department != b->items[i].department ||
		    (a->items[i].title == NULL) != (b->items[i].title == NULL))
			return 0;
	return 1;
}

/* 1 if two reports are the same. */
static int
same_report(const struct report *a, const struct report *b)
{
	size_t	i;

	if (a->ndepartments != b->ndepartments || a->nmonths != b->nmonths ||
	    a->deadline != b->deadline || a->has_pilots != b->has_pilots ||
	    a->period.cutoff != b->period.cutoff || a->goal != b->goal ||
	    a->department != b->department ||
	    !same_fig(&a->total, &b->total) ||
	    !same_fig(&a->pilots, &b->pilots) ||
	    !same_fig(&a->others, &b->others) || !same_fig(&a->rest, &b->rest))
		return 0;
	for (i = 0; i < a->ndepartments; i++)
		if (strcmp(a->departments[i], b->departments[i]) != 0 ||
		    !same_fig(&a->by_department[i], &b->by_department[i]))
			return 0;
	for (i = 0; i < REPORT_MONTHS; i++)
		if (!same_fig(&a->months[i], &b->months[i]))
			return 0;
	return 1;
}

/* Later changes: a visit and a follow-up dated in time but recorded
 * after the cut-off, a household's move-in moved out of the year. */
static void
change_later(struct db *db)
{
	char	sql[128];

	visit(db, h5, "2019-01-10", "2019-05-01", VO_WELCOMED, IS_DONE, 0,
	    NULL);
	followup(db, h4, "2019-01-05", "2019-05-02");
	snprintf(sql, sizeof sql, "UPDATE household SET moved_in = "
	    "'2019-01-01' WHERE id = %ld", h1);
	CHECK_INT(db_exec(db, sql), SQLITE_OK);
}

/* A closed year is kept the first time and read back unchanged after
 * later changes; a recount forgets it and counts again, which still
 * leaves out what was recorded after the cut-off. */
static void
test_kept(void)
{
	struct report_query	q;
	struct report		a, b;
	struct db		*db;

	if ((db = fixture()) == NULL)
		return;
	query(&q, "2019-06-01", "606");
	if (db_report(db, &sec, &q, &a) != DB_OK) {
		TEST_FAIL("db_report: %s", db_errmsg(db));
		db_close(db);
		return;
	}
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'report kept' AND detail = '2018-01-01 2018-12-31'"), 1);
	change_later(db);
	q.today = day("2020-03-01");
	CHECK_INT(db_report(db, &sec, &q, &b), DB_OK);
	CHECK(same_report(&a, &b));
	CHECK_INT(b.closed, 1);
	CHECK_INT(b.closed_on, day("2019-06-01"));
	check_2018(&b);
	report_clear(&b);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind LIKE "
	    "'report %'"), 1);
	q.recount = 1;
	CHECK_INT(db_report(db, &sec, &q, &b), DB_DENIED);
	CHECK_INT(db_report(db, &admin, &q, &b), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'report recounted'"), 1);
	CHECK_FIG(b.by_department[0], 2, 1, 0, 38, 0, 1, 0, 2, 1);
	CHECK_FIG(b.by_department[1], 4, 1, 1, 14, 1, 0, 2, 2, 0);
	CHECK_INT(b.closed_on, day("2020-03-01"));
	report_clear(&b);
	report_clear(&a);
	db_close(db);
}

/* An open period counts all that is recorded so far, and keeps
 * nothing; who may ask. */
static void
test_open(void)
{
	struct report_query	q;
	struct report		r;
	struct db		*db;

	if ((db = fixture()) == NULL)
		return;
	query(&q, "2019-01-14", NULL);
	CHECK_INT(db_report(db, &sec, &q, &r), DB_OK);
	CHECK_INT(r.closed, 0);
	CHECK_INT(r.closed_on, DATE_NONE);
	CHECK_FIG(r.by_department[1], 4, 2, 2, 11, 1, 0, 1, 1, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM report_figure"), 0);
	report_clear(&r);
	CHECK_INT(db_report(db, &amb, &q, &r), DB_DENIED);
	report_clear(&r);
	db_close(db);
}

/* An anonymised household still counts. */
static void
test_anonymised(void)
{
	struct report_query	q;
	struct report		r;
	struct db		*db;

	if ((db = fixture()) == NULL)
		return;
	CHECK_INT(db_exec(db, "UPDATE member SET name = 'x', search_key = "
	    "'', sort_key = ''; UPDATE household SET notes = NULL, phone = "
	    "NULL; UPDATE visit SET notes = NULL, ambassador = '-'; "
	    "UPDATE visit_item SET note = NULL"), SQLITE_OK);
	query(&q, "2019-01-10", NULL);
	CHECK_INT(db_report(db, &sec, &q, &r), DB_OK);
	CHECK_INT(r.total.moved_in, 8);
	CHECK_INT(r.total.welcomed, 5);
	CHECK_INT(r.total.declined, 1);
	/* The note made the declined visit a referral; it is gone. */
	CHECK_INT(r.by_department[0].referrals[RR_DECLINED], 0);
	report_clear(&r);
	db_close(db);
}

/* The first welcome of a department. */
static void
test_first_welcome(void)
{
	struct db	*db;
	long		 d;

	if ((db = fixture()) == NULL)
		return;
	CHECK_INT(db_report_first_welcome(db, &sec, "606", &d), DB_OK);
	CHECK_INT(d, day("2018-07-08"));
	CHECK_INT(db_report_first_welcome(db, &sec, "607", &d), DB_OK);
	CHECK_INT(d, DATE_NONE);
	CHECK_INT(db_report_first_welcome(db, &amb, "605", &d), DB_DENIED);
	db_close(db);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Europe/Copenhagen", 1);
	RUN("report", test_year);
	RUN("report", test_leap_day);
	RUN("report", test_new_year);
	RUN("report", test_median);
	RUN("report", test_percent_months);
	RUN("report", test_counts);
	RUN("report", test_kept);
	RUN("report", test_open);
	RUN("report", test_anonymised);
	RUN("report", test_first_welcome);
	TEST_END();
}
