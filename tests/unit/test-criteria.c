/*
 * test-criteria.c — the activity's success criteria (core-criteria.c):
 * what a criterion reaches in a year and its status, against cases
 * worked out by hand: a story with 99 likes does not count and one with
 * 100 does; stories count per year from 2019 (2018's not in 2019); the
 * press story in 2019 only; the film's views 1,999 and 2,000; the
 * ambassadors on track or behind by the goal's pace.  And the checks of
 * what the secretariat types.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "util.h"
#include "test.h"

/* The day y-m-d. */
static long
day(int y, int m, int d)
{
	long	n;

	if (util_date_make(y, m, d, &n) == -1)
		TEST_FAIL("no day %d-%d-%d", y, m, d);
	return n;
}

/* A fact: kind, date, count, channel. */
static struct crit_fact
fact(enum crit_record_kind k, long date, long count, enum crit_channel ch)
{
	struct crit_fact	f;

	memset(&f, 0, sizeof f);
	f.kind = k;
	f.date = date;
	f.count = count;
	f.channel = ch;
	return f;
}

/* The agreement's criteria as the shipped default has them. */
static struct criterion
rule_stories(void)
{
	struct criterion	c;

	memset(&c, 0, sizeof c);
	c.kind = CK_STORIES;
	c.target = 5;
	c.min_count = 100;
	c.from = c.to = DATE_NONE;
	c.years[0] = 2019;
	c.years[1] = 2020;
	c.nyears = 2;
	c.channels = 1 << CH_WEBSITE | 1 << CH_FACEBOOK;
	return c;
}

static struct criterion
rule_period(enum crit_kind k, int target, long min_count)
{
	struct criterion	c;

	memset(&c, 0, sizeof c);
	c.kind = k;
	c.target = target;
	c.min_count = min_count;
	c.from = day(2017, 3, 1);
	c.to = day(2021, 2, 28);
	return c;
}

/* A story with 99 likes does not count; one with 100 does. */
static void
test_likes(void)
{
	struct criterion	c = rule_stories();
	struct crit_fact	f[2];
	struct crit_result	r;

	f[0] = fact(CR_STORY, day(2019, 3, 1), 99, CH_FACEBOOK);
	core_criterion(&c, f, 1, NULL, 0, 2019, day(2019, 12, 31), &r);
	CHECK_INT(r.achieved, 0);
	f[1] = fact(CR_STORY, day(2019, 4, 1), 100, CH_FACEBOOK);
	core_criterion(&c, f, 2, NULL, 0, 2019, day(2019, 12, 31), &r);
	CHECK_INT(r.achieved, 1);
	CHECK_INT(r.from, day(2019, 1, 1));
	CHECK_INT(r.to, day(2019, 12, 31));
	/* On the year's last day the year is over: 1 of 5 is behind. */
	CHECK_INT(r.status, CS_BEHIND);
	CHECK_INT(r.pace, 5);
	/* Likes not recorded yet do not count either. */
	f[1].count = -1;
	core_criterion(&c, f, 2, NULL, 0, 2019, day(2019, 12, 31), &r);
	CHECK_INT(r.achieved, 0);
}

/* Stories count per year from 2019: 2018's do not count for 2019, and
 * 2018 is not one of the years (no status). */
static void
test_per_year(void)
{
	struct criterion	c = rule_stories();
	struct crit_fact	f[5];
	struct crit_result	r;

	f[0] = fact(CR_STORY, day(2018, 12, 31), 500, CH_FACEBOOK);
	f[1] = fact(CR_STORY, day(2019, 1, 1), 120, CH_WEBSITE);
	f[2] = fact(CR_STORY, day(2019, 5, 20), 101, CH_FACEBOOK);
	f[3] = fact(CR_STORY, day(2019, 5, 21), 300, CH_OTHER);	/* not a
						   channel that counts */
	f[4] = fact(CR_FILM, day(2019, 5, 22), 3000, CH_FACEBOOK);
	core_criterion(&c, f, 5, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 2);
	CHECK_INT(r.upto, day(2019, 6, 1));
	/* 5 * 152 days / 365 = 2.08: 2 are due by 1 June. */
	CHECK_INT(r.pace, 2);
	CHECK_INT(r.status, CS_ON_TRACK);
	core_criterion(&c, f, 4, NULL, 0, 2018, day(2019, 6, 1), &r);
	CHECK_INT(r.status, CS_NONE);
	CHECK_INT(r.from, DATE_NONE);
	/* One fewer story: 1 of the 2 due is behind. */
	core_criterion(&c, f + 2, 3, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 1);
	CHECK_INT(r.status, CS_BEHIND);
	/* On 1 February nothing is due yet (5 * 32 / 365 = 0.4). */
	core_criterion(&c, f, 1, NULL, 0, 2019, day(2019, 2, 1), &r);
	CHECK_INT(r.pace, 0);
	CHECK_INT(r.status, CS_ON_TRACK);
	/* 2020 has not begun on 1.6.2019: nothing counted, nothing due. */
	core_criterion(&c, f, 5, NULL, 0, 2020, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.pace, 0);
	CHECK_INT(r.status, CS_ON_TRACK);
	/* Every channel counts when none is named. */
	c.channels = 0;
	core_criterion(&c, f, 5, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 3);
}

/* Five stories of 2019 meet the criterion, even before the year ends. */
static void
test_met(void)
{
	struct criterion	c = rule_stories();
	struct crit_fact	f[5];
	struct crit_result	r;
	int			i;

	for (i = 0; i < 5; i++)
		f[i] = fact(CR_STORY, day(2019, 2, 1 + i), 100 + i, CH_WEBSITE);
	core_criterion(&c, f, 5, NULL, 0, 2019, day(2019, 3, 1), &r);
	CHECK_INT(r.achieved, 5);
	CHECK_INT(r.status, CS_MET);
	/* Seen from 2020, 2019 was met; 2020 has nothing yet. */
	core_criterion(&c, f, 5, NULL, 0, 2019, day(2020, 3, 1), &r);
	CHECK_INT(r.status, CS_MET);
	CHECK_INT(r.upto, day(2019, 12, 31));
	core_criterion(&c, f, 5, NULL, 0, 2020, day(2020, 3, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.status, CS_ON_TRACK);	/* 5 * 61 / 366 = 0.8 */
}

/* The press story: 1 in the local paper in 2019, and only 2019. */
static void
test_press(void)
{
	struct criterion	c;
	struct crit_fact	f[3];
	struct crit_result	r;

	memset(&c, 0, sizeof c);
	c.kind = CK_PRESS;
	c.target = 1;
	c.from = c.to = DATE_NONE;
	c.years[0] = 2019;
	c.nyears = 1;
	f[0] = fact(CR_PRESS, day(2018, 12, 31), -1, CH_OTHER);
	f[1] = fact(CR_PRESS, day(2020, 1, 1), -1, CH_OTHER);
	core_criterion(&c, f, 2, NULL, 0, 2019, day(2020, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.status, CS_BEHIND);
	f[2] = fact(CR_PRESS, day(2019, 11, 3), -1, CH_OTHER);
	core_criterion(&c, f, 3, NULL, 0, 2019, day(2020, 6, 1), &r);
	CHECK_INT(r.achieved, 1);
	CHECK_INT(r.status, CS_MET);
	core_criterion(&c, f, 3, NULL, 0, 2020, day(2020, 6, 1), &r);
	CHECK_INT(r.status, CS_NONE);
	core_criterion(&c, f, 3, NULL, 0, 2018, day(2020, 6, 1), &r);
	CHECK_INT(r.status, CS_NONE);
	/* Before the story, during 2019: 1 is due only at the year's end. */
	core_criterion(&c, f, 3, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.pace, 0);
	CHECK_INT(r.status, CS_ON_TRACK);
}

/* The film: 1,999 views do not count, 2,000 do; on Facebook only. */
static void
test_film(void)
{
	struct criterion	c = rule_period(CK_FILM, 1, 2000);
	struct crit_fact	f[2];
	struct crit_result	r;

	c.channels = 1 << CH_FACEBOOK;
	f[0] = fact(CR_FILM, day(2018, 9, 1), 1999, CH_FACEBOOK);
	f[1] = fact(CR_FILM, day(2018, 10, 1), 9000, CH_WEBSITE);
	core_criterion(&c, f, 2, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.from, day(2017, 3, 1));
	CHECK_INT(r.to, day(2021, 2, 28));
	CHECK_INT(r.status, CS_ON_TRACK);	/* 1 is due at the end */
	f[0].count = 2000;
	core_criterion(&c, f, 2, NULL, 0, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 1);
	CHECK_INT(r.status, CS_MET);
	/* In 2018, up to its last day, the film of September counts. */
	core_criterion(&c, f, 2, NULL, 0, 2018, day(2019, 6, 1), &r);
	CHECK_INT(r.upto, day(2018, 12, 31));
	CHECK_INT(r.achieved, 1);
	/* In 2017 it was not made yet; 2016 is outside the period. */
	core_criterion(&c, f, 2, NULL, 0, 2017, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.status, CS_ON_TRACK);
	core_criterion(&c, f, 2, NULL, 0, 2016, day(2019, 6, 1), &r);
	CHECK_INT(r.status, CS_NONE);
	/* No film by the period's end: behind, not on track. */
	f[0].count = 1999;
	core_criterion(&c, f, 2, NULL, 0, 2021, day(2021, 6, 1), &r);
	CHECK_INT(r.upto, day(2021, 6, 1));
	CHECK_INT(r.pace, 1);
	CHECK_INT(r.status, CS_BEHIND);
}

/* Ambassadors: counted by the goal's rules, on track or behind by the
 * goal's pace.  15 over 1.3.2017-28.2.2021 (1461 days): by 1.6.2019
 * (823 days) 15 * 823 / 1461 = 8.45, so 8 are due; by 31.12.2018 (671
 * days) 6.89, so 6. */
static void
test_ambassadors(void)
{
	struct criterion	c = rule_period(CK_AMBASSADORS, 15, 0);
	struct amb_fact		a[9];
	struct amb_change	stop = { 0, AS_STOPPED, AR_NO_TIME };
	struct crit_result	r;
	size_t			i;

	memset(a, 0, sizeof a);
	for (i = 0; i < 9; i++)
		a[i].recruited_on = day(2017, 4 + (int)i, 1);	/* to Dec. */
	a[0].recruited_on = day(2017, 2, 1);	/* before the period */
	stop.date = day(2018, 1, 10);
	a[3].history = &stop;		/* stopped: still recruited */
	a[3].nhistory = 1;
	core_criterion(&c, NULL, 0, a, 8, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 7);
	CHECK_INT(r.pace, 8);
	CHECK_INT(r.status, CS_BEHIND);
	core_criterion(&c, NULL, 0, a, 9, 2019, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 8);
	CHECK_INT(r.status, CS_ON_TRACK);
	core_criterion(&c, NULL, 0, a, 8, 2018, day(2019, 6, 1), &r);
	CHECK_INT(r.upto, day(2018, 12, 31));
	CHECK_INT(r.pace, 6);
	CHECK_INT(r.achieved, 7);
	CHECK_INT(r.status, CS_ON_TRACK);
	/* The same figures core_goal gives: counted once, by its rules. */
	{
		struct goal_report	g;

		core_goal(a, 8, 15, c.from, c.to, day(2019, 6, 1), &g);
		CHECK_INT(g.recruited, 7);
		CHECK_INT(g.pace, 8);
	}
	/* Per year: 2 in 2018, when none of them was recruited: behind. */
	c.from = c.to = DATE_NONE;
	c.years[0] = 2018;
	c.nyears = 1;
	c.target = 2;
	core_criterion(&c, NULL, 0, a, 9, 2018, day(2019, 6, 1), &r);
	CHECK_INT(r.achieved, 0);
	CHECK_INT(r.status, CS_BEHIND);
}

/* core_pace: rounded down, 0 before, the target from the last day on. */
static void
test_pace(void)
{
	long	from = day(2019, 1, 1), to = day(2019, 12, 31);

	CHECK_INT(core_pace(5, from, to, day(2018, 12, 31)), 0);
	CHECK_INT(core_pace(5, from, to, from), 0);
	CHECK_INT(core_pace(365, from, to, from), 1);
	CHECK_INT(core_pace(5, from, to, day(2019, 3, 14)), 1);	/* 73 */
	CHECK_INT(core_pace(5, from, to, day(2019, 3, 13)), 0);	/* 72 */
	CHECK_INT(core_pace(5, from, to, to), 5);
	CHECK_INT(core_pace(5, from, to, day(2020, 5, 1)), 5);
}

/* Names and words. */
static void
test_names(void)
{
	enum crit_kind		k;
	enum crit_record_kind	rk;
	enum crit_channel	ch;

	CHECK_STR(core_crit_kind_name(CK_STORIES), "stories");
	CHECK(core_crit_kind_parse("press", &k) == 0 && k == CK_PRESS);
	CHECK(core_crit_kind_parse("Press", &k) == -1);
	CHECK_STR(core_crit_record_name(CR_STORY), "story");
	CHECK(core_crit_record_parse("film", &rk) == 0 && rk == CR_FILM);
	CHECK(core_crit_record_parse("stories", &rk) == -1);
	CHECK_STR(core_crit_channel_name(CH_FACEBOOK), "facebook");
	CHECK(core_crit_channel_parse("website", &ch) == 0 &&
	    ch == CH_WEBSITE);
	CHECK(core_crit_channel_parse(NULL, &ch) == -1);
	CHECK_STR(core_crit_status_name(CS_ON_TRACK), "on_track");
	CHECK_STR(core_crit_status_name(CS_MET), "met");
	CHECK_STR(core_crit_status_name(CS_BEHIND), "behind");
	CHECK_STR(core_crit_status_label(CS_ON_TRACK), "on track");
	CHECK_INT(core_crit_record_of(CK_AMBASSADORS), -1);
	CHECK_INT(core_crit_record_of(CK_STORIES), CR_STORY);
}

/* What the secretariat types. */
static void
test_checks(void)
{
	long	n, today = day(2019, 6, 1);

	CHECK(core_crit_count_parse("2000", &n) == 0 && n == 2000);
	CHECK(core_crit_count_parse("2,000", &n) == 0 && n == 2000);
	CHECK(core_crit_count_parse("2.000", &n) == 0 && n == 2000);
	CHECK(core_crit_count_parse(" 2 000 ", &n) == 0 && n == 2000);
	CHECK(core_crit_count_parse("0", &n) == 0 && n == 0);
	CHECK(core_crit_count_parse("", &n) == -1 && n == -1);
	CHECK(core_crit_count_parse("many", &n) == -1);
	CHECK(core_crit_count_parse("-5", &n) == -1);
	CHECK(core_crit_count_parse("2,", &n) == -1);
	CHECK(core_crit_count_parse("1000000001", &n) == -1);
	CHECK(core_crit_count_parse("1000000000", &n) == 0);
	CHECK(core_check_crit_date(DATE_NONE, today) != NULL);
	CHECK(core_check_crit_date(today + 1, today) != NULL);
	CHECK(core_check_crit_date(today, today) == NULL);
	CHECK(core_check_crit_count(-1, DATE_NONE, today, today) == NULL);
	CHECK(core_check_crit_count(5, DATE_NONE, today, today) != NULL);
	CHECK(core_check_crit_count(5, today + 1, today, today) != NULL);
	CHECK(core_check_crit_count(5, today - 1, today, today) != NULL);
	CHECK(core_check_crit_count(5, today, today - 9, today) == NULL);
	CHECK(core_check_crit_count(-7, today, today, today) != NULL);
	CHECK(core_check_crit_title("") != NULL);
	CHECK(core_check_crit_title("  ") != NULL);
	CHECK(core_check_crit_title("Velkommen i opgangen") == NULL);
	CHECK(core_check_crit_title("Ring 010190-1234") != NULL);
	CHECK(core_check_crit_title("a\x1b[2Jb") != NULL);
	CHECK(core_check_crit_paper("") != NULL);
	CHECK(core_check_crit_paper("Lokalavisen") == NULL);
}

int
main(void)
{
	RUN("criteria", test_likes);
	RUN("criteria", test_per_year);
	RUN("criteria", test_met);
	RUN("criteria", test_press);
	RUN("criteria", test_film);
	RUN("criteria", test_ambassadors);
	RUN("criteria", test_pace);
	RUN("criteria", test_names);
	RUN("criteria", test_checks);
	TEST_END();
}
