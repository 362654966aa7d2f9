/*
 * test-core-goal.c — ambassadors and the recruitment goal: status and
 * reason names, the status on a day, the checks of recruitment and status
 * changes, the pace and the year rows of the agreement period.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "test.h"
#include "util.h"

/* Day number of a date that must exist. */
static long
day(int y, int m, int d)
{
	long	out;

	if (util_date_make(y, m, d, &out) == -1) {
		TEST_FAIL("no such date %04d-%02d-%02d", y, m, d);
		return 0;
	}
	return out;
}

/* A status change. */
static struct amb_change
chg(long date, enum amb_status st, enum amb_reason r)
{
	struct amb_change	c;

	c.date = date;
	c.status = st;
	c.reason = r;
	return c;
}

/* An ambassador with a history (which it points to, not copies). */
static struct amb_fact
amb(long recruited_on, const struct amb_change *h, size_t n)
{
	struct amb_fact	a;

	a.recruited_on = recruited_on;
	a.history = h;
	a.nhistory = n;
	return a;
}

/* The status of a on day, or -1 when it is not an ambassador yet. */
static int
status(const struct amb_fact *a, long d)
{
	enum amb_status	st = AS_PAUSED;

	if (core_amb_status_on(a, d, &st) == -1)
		return -1;
	return (int)st;
}

#define N(a)	(sizeof (a) / sizeof (a)[0])

/* The default agreement period. */
#define FROM	day(2017, 3, 1)
#define TO	day(2021, 2, 28)

/* Status names and labels round trip; bad names are refused. */
static void
status_names(void)
{
	enum amb_status	st, got;
	int		i;

	for (i = AS_ACTIVE; i <= AS_STOPPED; i++) {
		st = (enum amb_status)i;
		got = i == AS_ACTIVE ? AS_STOPPED : AS_ACTIVE;
		CHECK_INT(core_amb_status_parse(core_amb_status_name(st), &got),
		    0);
		CHECK_INT(got, st);
	}
	CHECK_STR(core_amb_status_name(AS_ACTIVE), "active");
	CHECK_STR(core_amb_status_name(AS_PAUSED), "paused");
	CHECK_STR(core_amb_status_name(AS_STOPPED), "stopped");
	CHECK_STR(core_amb_status_label(AS_ACTIVE), "active");
	CHECK_STR(core_amb_status_label(AS_PAUSED), "paused");
	CHECK_STR(core_amb_status_label(AS_STOPPED), "stopped");
	got = AS_PAUSED;
	CHECK_INT(core_amb_status_parse("Active", &got), -1);
	CHECK_INT(core_amb_status_parse("active ", &got), -1);
	CHECK_INT(core_amb_status_parse("", &got), -1);
	CHECK_INT(core_amb_status_parse("moved_away", &got), -1);
	CHECK_INT(core_amb_status_parse(NULL, &got), -1);
	CHECK_INT(got, AS_PAUSED);
}

/* Reason names and labels round trip; "" is no reason. */
static void
reason_names(void)
{
	enum amb_reason	r, got;
	int		i;

	for (i = AR_NONE; i <= AR_OTHER; i++) {
		r = (enum amb_reason)i;
		got = i == AR_OTHER ? AR_NONE : AR_OTHER;
		CHECK_INT(core_amb_reason_parse(core_amb_reason_name(r), &got),
		    0);
		CHECK_INT(got, r);
		/* Every label is a real word: _("") would be the header. */
		CHECK(core_amb_reason_label(r) != NULL &&
		    core_amb_reason_label(r)[0] != '\0');
	}
	CHECK_STR(core_amb_reason_name(AR_NONE), "");
	CHECK_STR(core_amb_reason_name(AR_MOVED_AWAY), "moved_away");
	CHECK_STR(core_amb_reason_name(AR_NO_TIME), "no_time");
	CHECK_STR(core_amb_reason_name(AR_OTHER), "other");
	CHECK_STR(core_amb_reason_label(AR_MOVED_AWAY), "moved away");
	CHECK_STR(core_amb_reason_label(AR_NO_TIME), "no time");
	CHECK_STR(core_amb_reason_label(AR_OTHER), "other");
	got = AR_NO_TIME;
	CHECK_INT(core_amb_reason_parse("moved away", &got), -1);
	CHECK_INT(core_amb_reason_parse("Other", &got), -1);
	CHECK_INT(core_amb_reason_parse("none", &got), -1);
	CHECK_INT(core_amb_reason_parse("stopped", &got), -1);
	CHECK_INT(core_amb_reason_parse(NULL, &got), -1);
	CHECK_INT(got, AR_NO_TIME);
}

/* Active from the recruitment day on; nothing before it. */
static void
status_on_recruited(void)
{
	struct amb_fact	a = amb(day(2018, 5, 10), NULL, 0);
	struct amb_fact	none = amb(DATE_NONE, NULL, 0);
	enum amb_status	st = AS_STOPPED;

	CHECK_INT(core_amb_status_on(&a, day(2018, 5, 9), &st), -1);
	CHECK_INT(st, AS_STOPPED);		/* untouched */
	CHECK_INT(status(&a, day(2018, 5, 10)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2030, 1, 1)), AS_ACTIVE);
	CHECK_INT(status(&a, DATE_NONE), -1);
	/* Without a recruitment date nobody is an ambassador. */
	CHECK_INT(status(&none, day(2018, 5, 10)), -1);
	CHECK_INT(core_amb_status_on(NULL, day(2018, 5, 10), &st), -1);
}

/* Stopped and active again: the newest change on or before the day. */
static void
status_on_changes(void)
{
	/* Given out of order on purpose. */
	struct amb_change h[] = {
		chg(day(2019, 9, 1), AS_ACTIVE, AR_NONE),
		chg(day(2018, 6, 1), AS_PAUSED, AR_NONE),
		chg(day(2019, 1, 15), AS_STOPPED, AR_NO_TIME),
		chg(day(2018, 8, 1), AS_ACTIVE, AR_NONE),
	};
	struct amb_fact	a = amb(day(2018, 1, 1), h, N(h));

	CHECK_INT(status(&a, day(2017, 12, 31)), -1);
	CHECK_INT(status(&a, day(2018, 1, 1)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2018, 5, 31)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2018, 6, 1)), AS_PAUSED);
	CHECK_INT(status(&a, day(2018, 7, 31)), AS_PAUSED);
	CHECK_INT(status(&a, day(2018, 8, 1)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2019, 1, 14)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2019, 1, 15)), AS_STOPPED);
	CHECK_INT(status(&a, day(2019, 8, 31)), AS_STOPPED);
	CHECK_INT(status(&a, day(2019, 9, 1)), AS_ACTIVE);
	CHECK_INT(status(&a, day(2025, 1, 1)), AS_ACTIVE);
}

/* Changes on the same day are taken in the given order. */
static void
status_on_equal_dates(void)
{
	long			d = day(2019, 4, 4);
	struct amb_change	back[] = {
		chg(d, AS_STOPPED, AR_OTHER),
		chg(d, AS_ACTIVE, AR_NONE),
	};
	struct amb_change	stop[] = {
		chg(d, AS_ACTIVE, AR_NONE),
		chg(d, AS_PAUSED, AR_NONE),
		chg(d, AS_STOPPED, AR_MOVED_AWAY),
	};
	struct amb_fact		a = amb(day(2018, 1, 1), back, N(back));
	struct amb_fact		b = amb(day(2018, 1, 1), stop, N(stop));

	CHECK_INT(status(&a, d - 1), AS_ACTIVE);
	CHECK_INT(status(&a, d), AS_ACTIVE);
	CHECK_INT(status(&b, d - 1), AS_ACTIVE);
	CHECK_INT(status(&b, d), AS_STOPPED);
	CHECK_INT(status(&b, d + 100), AS_STOPPED);
	/* A change on the recruitment day holds from that day. */
	b.recruited_on = d;
	CHECK_INT(status(&b, d), AS_STOPPED);
}

/* The recruitment date: required, not in the future. */
static void
check_recruited(void)
{
	long	today = day(2019, 6, 1);

	CHECK_STR(core_check_recruited(DATE_NONE, today),
	    "Write the date they were recruited.");
	CHECK_STR(core_check_recruited(today + 1, today),
	    "The recruitment date cannot be in the future.");
	CHECK_STR(core_check_recruited(day(2030, 1, 1), today),
	    "The recruitment date cannot be in the future.");
	CHECK_STR(core_check_recruited(today, today), NULL);
	CHECK_STR(core_check_recruited(day(2016, 1, 1), today), NULL);
}

/* A new status change: every message, and what is fine. */
static void
check_amb_change(void)
{
	long			today = day(2019, 6, 1);
	long			rec = day(2018, 3, 1);
	struct amb_change	h[] = {
		chg(day(2019, 1, 10), AS_STOPPED, AR_MOVED_AWAY),
		chg(day(2018, 5, 1), AS_PAUSED, AR_NONE),
	};
	struct amb_fact		fresh = amb(rec, NULL, 0);
	struct amb_fact		a = amb(rec, h, N(h));
	struct amb_change	c;

	c = chg(DATE_NONE, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "Write the date of the change.");
	CHECK_STR(core_check_amb_change(&fresh, NULL, today),
	    "Write the date of the change.");
	c = chg(today + 1, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "The date cannot be in the future.");
	c = chg(rec - 1, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "The change cannot be before they were recruited.");
	c = chg(day(2019, 1, 9), AS_ACTIVE, AR_NONE);
	CHECK_STR(core_check_amb_change(&a, &c, today),
	    "The change cannot be before their last change.");
	c = chg(today, AS_STOPPED, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "Choose why they stopped: moved away, no time or other.");
	c = chg(today, AS_STOPPED, (enum amb_reason)9);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "Choose why they stopped: moved away, no time or other.");
	c = chg(today, AS_PAUSED, AR_NO_TIME);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "Only a stop has a reason.");
	c = chg(day(2019, 2, 1), AS_ACTIVE, AR_OTHER);
	CHECK_STR(core_check_amb_change(&a, &c, today),
	    "Only a stop has a reason.");
	c = chg(today, AS_ACTIVE, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "They already have that status.");
	c = chg(today, AS_STOPPED, AR_OTHER);
	CHECK_STR(core_check_amb_change(&a, &c, today),
	    "They already have that status.");
	c = chg(today, (enum amb_status)7, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today),
	    "Choose a status: active, paused or stopped.");

	/* Fine: on the recruitment day, today, the day of the last
	 * change, back from a stop, and stopping for each reason. */
	c = chg(rec, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&fresh, &c, today), NULL);
	c = chg(today, AS_STOPPED, AR_MOVED_AWAY);
	CHECK_STR(core_check_amb_change(&fresh, &c, today), NULL);
	c = chg(today, AS_STOPPED, AR_NO_TIME);
	CHECK_STR(core_check_amb_change(&fresh, &c, today), NULL);
	c = chg(today, AS_STOPPED, AR_OTHER);
	CHECK_STR(core_check_amb_change(&fresh, &c, today), NULL);
	c = chg(day(2019, 1, 10), AS_ACTIVE, AR_NONE);
	CHECK_STR(core_check_amb_change(&a, &c, today), NULL);
	c = chg(today, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&a, &c, today), NULL);
}

/* The already-status check follows the newest change, same-day order. */
static void
check_amb_change_same_day(void)
{
	long			d = day(2019, 4, 4);
	struct amb_change	h[] = {
		chg(d, AS_STOPPED, AR_OTHER),
		chg(d, AS_ACTIVE, AR_NONE),
	};
	struct amb_fact		a = amb(day(2018, 1, 1), h, N(h));
	struct amb_change	c;

	c = chg(d, AS_ACTIVE, AR_NONE);
	CHECK_STR(core_check_amb_change(&a, &c, d + 10),
	    "They already have that status.");
	c = chg(d, AS_STOPPED, AR_NO_TIME);
	CHECK_STR(core_check_amb_change(&a, &c, d + 10), NULL);
	c = chg(d - 1, AS_PAUSED, AR_NONE);
	CHECK_STR(core_check_amb_change(&a, &c, d + 10),
	    "The change cannot be before their last change.");
}

/* The pace for the default period: 1461 days, goal 15. */
static void
goal_pace(void)
{
	struct goal_report	r;

	CHECK_INT(TO - FROM + 1, 1461);
	CHECK_INT(day(2019, 6, 1) - FROM + 1, 823);

	core_goal(NULL, 0, 15, FROM, TO, FROM - 1, &r);
	CHECK_INT(r.pace, 0);
	core_goal(NULL, 0, 15, FROM, TO, day(2010, 1, 1), &r);
	CHECK_INT(r.pace, 0);
	core_goal(NULL, 0, 15, FROM, TO, FROM, &r);
	CHECK_INT(r.pace, 0);			/* floor(15 * 1 / 1461) */
	core_goal(NULL, 0, 15, FROM, TO, FROM + 97, &r);
	CHECK_INT(r.pace, 1);			/* floor(15 * 98 / 1461) */
	core_goal(NULL, 0, 15, FROM, TO, FROM + 96, &r);
	CHECK_INT(r.pace, 0);			/* floor(15 * 97 / 1461) */
	core_goal(NULL, 0, 15, FROM, TO, day(2019, 6, 1), &r);
	CHECK_INT(r.pace, 8);			/* floor(15 * 823 / 1461) */
	CHECK_INT(r.ahead, -8);
	core_goal(NULL, 0, 15, FROM, TO, TO - 1, &r);
	CHECK_INT(r.pace, 14);			/* floor(15 * 1460 / 1461) */
	core_goal(NULL, 0, 15, FROM, TO, TO, &r);
	CHECK_INT(r.pace, 15);
	core_goal(NULL, 0, 15, FROM, TO, TO + 1, &r);
	CHECK_INT(r.pace, 15);
	core_goal(NULL, 0, 15, FROM, TO, day(2030, 1, 1), &r);
	CHECK_INT(r.pace, 15);
	CHECK_INT(r.ahead, -15);
	/* A big goal does not overflow. */
	core_goal(NULL, 0, 10000, FROM, TO, day(2019, 6, 1), &r);
	CHECK_INT(r.pace, 5633);		/* floor(10000 * 823 / 1461) */
}

/* Recruited on from and on to count; the day before and after do not. */
static void
goal_period_edges(void)
{
	struct amb_fact		a[] = {
		amb(FROM - 1, NULL, 0),
		amb(FROM, NULL, 0),
		amb(TO, NULL, 0),
		amb(TO + 1, NULL, 0),
	};
	struct goal_report	r;

	core_goal(a, N(a), 15, FROM, TO, TO + 1, &r);
	CHECK_INT(r.goal, 15);
	CHECK_INT(r.from, FROM);
	CHECK_INT(r.to, TO);
	CHECK_INT(r.recruited, 2);
	CHECK_INT(r.active, 4);
	CHECK_INT(r.outside, 2);
	CHECK_INT(r.pace, 15);
	CHECK_INT(r.ahead, -13);

	/* On the last day: the one recruited after the period is not yet. */
	core_goal(a, N(a), 15, FROM, TO, TO, &r);
	CHECK_INT(r.recruited, 2);
	CHECK_INT(r.active, 3);
	CHECK_INT(r.outside, 1);

	/* On the first day only the one recruited that day counts. */
	core_goal(a, N(a), 15, FROM, TO, FROM, &r);
	CHECK_INT(r.recruited, 1);
	CHECK_INT(r.active, 2);
	CHECK_INT(r.outside, 1);
	CHECK_INT(r.ahead, 1);

	/* Before the period: nobody counts toward it yet. */
	core_goal(a, N(a), 15, FROM, TO, FROM - 1, &r);
	CHECK_INT(r.recruited, 0);
	CHECK_INT(r.active, 1);
	CHECK_INT(r.outside, 1);
	CHECK_INT(r.pace, 0);
	CHECK_INT(r.ahead, 0);
}

/* Active today: paused and stopped do not count, re-activated do. */
static void
goal_active(void)
{
	long			today = day(2019, 6, 1);
	struct amb_change	paused[] = {
		chg(day(2019, 2, 1), AS_PAUSED, AR_NONE),
	};
	struct amb_change	stopped[] = {
		chg(day(2018, 2, 1), AS_STOPPED, AR_MOVED_AWAY),
	};
	struct amb_change	back[] = {
		chg(day(2019, 1, 1), AS_ACTIVE, AR_NONE),
		chg(day(2018, 9, 1), AS_STOPPED, AR_NO_TIME),
	};
	struct amb_change	later[] = {
		chg(today + 1, AS_STOPPED, AR_OTHER),
	};
	struct amb_change	before[] = {
		chg(day(2016, 12, 1), AS_STOPPED, AR_OTHER),
	};
	struct amb_fact		a[] = {
		amb(day(2017, 6, 1), paused, N(paused)),
		amb(day(2017, 6, 1), stopped, N(stopped)),
		amb(day(2017, 6, 1), back, N(back)),
		amb(day(2018, 6, 1), later, N(later)),
		amb(day(2016, 6, 1), NULL, 0),		/* outside, active */
		amb(day(2016, 6, 1), before, N(before)), /* outside, stopped */
		amb(today + 1, NULL, 0),		/* not yet */
	};
	struct goal_report	r;

	core_goal(a, N(a), 15, FROM, TO, today, &r);
	CHECK_INT(r.recruited, 4);
	CHECK_INT(r.active, 3);
	CHECK_INT(r.outside, 1);
	CHECK_INT(r.pace, 8);
	CHECK_INT(r.ahead, -4);
}

/* The year rows for the default period on 2019-06-01. */
static void
goal_years_default(void)
{
	long			today = day(2019, 6, 1);
	struct amb_change	stop1[] = {
		chg(day(2017, 12, 1), AS_STOPPED, AR_MOVED_AWAY),
	};
	struct amb_change	stop2[] = {	/* stops twice in year 2 */
		chg(day(2018, 4, 1), AS_STOPPED, AR_NO_TIME),
		chg(day(2018, 6, 1), AS_ACTIVE, AR_NONE),
		chg(day(2018, 9, 1), AS_STOPPED, AR_OTHER),
	};
	struct amb_change	back[] = {	/* stops in 2, back in 3 */
		chg(day(2019, 3, 1), AS_ACTIVE, AR_NONE),
		chg(day(2019, 2, 28), AS_STOPPED, AR_OTHER),
	};
	struct amb_change	future[] = {	/* after today: not yet */
		chg(day(2019, 7, 1), AS_STOPPED, AR_OTHER),
	};
	struct amb_change	paused[] = {
		chg(day(2019, 5, 1), AS_PAUSED, AR_NONE),
	};
	struct amb_fact		a[] = {
		amb(day(2016, 9, 1), NULL, 0),		/* before the period */
		amb(FROM, stop1, N(stop1)),		/* year 1 */
		amb(day(2018, 2, 28), NULL, 0),		/* year 1, last day */
		amb(day(2018, 3, 1), stop2, N(stop2)),	/* year 2 */
		amb(day(2018, 3, 1), back, N(back)),	/* year 2 */
		amb(day(2019, 3, 1), future, N(future)), /* year 3 */
		amb(today, paused, 0),			/* year 3, today */
		amb(day(2019, 4, 1), paused, N(paused)), /* year 3 */
		amb(today + 1, NULL, 0),		/* after today */
	};
	struct goal_report	r;
	const struct goal_year	*y = r.years;

	core_goal(a, N(a), 15, FROM, TO, today, &r);
	CHECK_INT(r.nyears, 4);
	CHECK_INT(y[0].from, day(2017, 3, 1));
	CHECK_INT(y[0].to, day(2018, 2, 28));
	CHECK_INT(y[1].from, day(2018, 3, 1));
	CHECK_INT(y[1].to, day(2019, 2, 28));
	CHECK_INT(y[2].from, day(2019, 3, 1));
	CHECK_INT(y[2].to, day(2020, 2, 29));
	CHECK_INT(y[3].from, day(2020, 3, 1));
	CHECK_INT(y[3].to, day(2021, 2, 28));

	CHECK_INT(y[0].recruited, 2);
	CHECK_INT(y[1].recruited, 2);
	CHECK_INT(y[2].recruited, 3);
	CHECK_INT(y[3].recruited, 0);
	CHECK_INT(y[0].stopped, 1);
	CHECK_INT(y[1].stopped, 2);
	CHECK_INT(y[2].stopped, 0);
	CHECK_INT(y[3].stopped, 0);
	CHECK_INT(y[0].cumulative, 2);
	CHECK_INT(y[1].cumulative, 4);
	CHECK_INT(y[2].cumulative, 7);
	CHECK_INT(y[3].cumulative, 7);
	/* 2018-02-28: the one from before the period and year 1's second. */
	CHECK_INT(y[0].active_at_end, 2);
	/* 2019-02-28: before, 2018-02-28, (stop2 stopped, back stopped). */
	CHECK_INT(y[1].active_at_end, 2);
	/* Today: before, 2018-02-28, back, 2019-03-01, today's. */
	CHECK_INT(y[2].active_at_end, 5);
	CHECK_INT(y[3].active_at_end, -1);

	CHECK_INT(r.recruited, 7);
	CHECK_INT(r.active, 5);
	CHECK_INT(r.outside, 1);
	CHECK_INT(r.pace, 8);
	CHECK_INT(r.ahead, -1);

	/* After the period every year is complete. */
	core_goal(a, N(a), 15, FROM, TO, day(2022, 1, 1), &r);
	CHECK_INT(r.nyears, 4);
	CHECK_INT(y[2].stopped, 1);		/* the stop of 2019-07-01 */
	CHECK_INT(y[2].active_at_end, 5);	/* 2020-02-29; +after today */
	CHECK_INT(y[3].active_at_end, 5);
	CHECK_INT(y[3].cumulative, 8);
	CHECK_INT(r.recruited, 8);
}

/* Leap years: years of 365 and 366 days, 29 February inside. */
static void
goal_leap(void)
{
	struct amb_fact		a[] = {
		amb(day(2020, 2, 29), NULL, 0),
		amb(day(2020, 3, 1), NULL, 0),
	};
	struct goal_report	r;
	const struct goal_year	*y = r.years;
	size_t			i;

	core_goal(a, N(a), 15, FROM, TO, day(2020, 3, 1), &r);
	CHECK_INT(r.nyears, 4);
	CHECK_INT(y[0].to - y[0].from + 1, 365);
	CHECK_INT(y[1].to - y[1].from + 1, 365);
	CHECK_INT(y[2].to - y[2].from + 1, 366);
	CHECK_INT(y[3].to - y[3].from + 1, 365);
	CHECK_INT(y[2].recruited, 1);
	CHECK_INT(y[2].active_at_end, 1);	/* on 2020-02-29 */
	CHECK_INT(y[3].recruited, 1);
	CHECK_INT(y[3].active_at_end, 2);	/* today, 2020-03-01 */
	CHECK_INT(r.recruited, 2);
	/* The years cover the period without a gap. */
	for (i = 1; i < r.nyears; i++)
		CHECK_INT(y[i].from, y[i - 1].to + 1);
}

/* A period from 29 February: each year ends on the last of February. */
static void
goal_leap_start(void)
{
	long			from = day(2016, 2, 29);
	struct amb_fact		a[] = {
		amb(from, NULL, 0),
		amb(day(2017, 2, 28), NULL, 0),
		amb(day(2017, 3, 1), NULL, 0),
	};
	struct goal_report	r;
	const struct goal_year	*y = r.years;

	core_goal(a, N(a), 4, from, day(2021, 2, 27), day(2030, 1, 1), &r);
	CHECK_INT(r.nyears, 5);
	CHECK_INT(y[0].from, day(2016, 2, 29));
	CHECK_INT(y[0].to, day(2017, 2, 28));
	CHECK_INT(y[1].from, day(2017, 3, 1));
	CHECK_INT(y[1].to, day(2018, 2, 28));
	CHECK_INT(y[2].from, day(2018, 3, 1));
	CHECK_INT(y[2].to, day(2019, 2, 28));
	CHECK_INT(y[3].from, day(2019, 3, 1));
	CHECK_INT(y[3].to, day(2020, 2, 28));
	CHECK_INT(y[4].from, day(2020, 2, 29));
	CHECK_INT(y[4].to, day(2021, 2, 27));
	CHECK_INT(y[0].recruited, 2);
	CHECK_INT(y[1].recruited, 1);
	CHECK_INT(y[4].cumulative, 3);
	CHECK_INT(r.pace, 4);

	/* Exactly four years: four rows, the last ends with the period. */
	core_goal(a, N(a), 4, from, day(2020, 2, 28), day(2030, 1, 1), &r);
	CHECK_INT(r.nyears, 4);
	CHECK_INT(y[3].to, day(2020, 2, 28));
}

/* Short, one-day, reversed and very long periods; no ambassadors. */
static void
goal_odd_periods(void)
{
	struct amb_fact		a[] = { amb(day(2019, 6, 1), NULL, 0) };
	struct goal_report	r;
	long			d = day(2019, 6, 1);

	/* Shorter than a year: one row ending with the period. */
	core_goal(a, N(a), 3, day(2019, 1, 1), day(2019, 9, 30), d, &r);
	CHECK_INT(r.nyears, 1);
	CHECK_INT(r.years[0].from, day(2019, 1, 1));
	CHECK_INT(r.years[0].to, day(2019, 9, 30));
	CHECK_INT(r.years[0].active_at_end, 1);
	CHECK_INT(r.recruited, 1);

	/* One day: the goal is due that day. */
	core_goal(a, N(a), 3, d, d, d, &r);
	CHECK_INT(r.nyears, 1);
	CHECK_INT(r.pace, 3);
	CHECK_INT(r.recruited, 1);
	CHECK_INT(r.ahead, -2);

	/* Reversed or missing: no rows, nothing counted toward it. */
	core_goal(a, N(a), 3, d, d - 1, d, &r);
	CHECK_INT(r.nyears, 0);
	CHECK_INT(r.recruited, 0);
	CHECK_INT(r.pace, 0);
	CHECK_INT(r.active, 1);
	core_goal(a, N(a), 3, DATE_NONE, d, d, &r);
	CHECK_INT(r.nyears, 0);
	CHECK_INT(r.active, 1);
	CHECK_INT(r.outside, 1);

	/* Longer than GOAL_YEARS years: the rows stop at GOAL_YEARS. */
	core_goal(a, N(a), 3, day(1990, 1, 1), day(2039, 12, 31), d, &r);
	CHECK_INT(r.nyears, GOAL_YEARS);
	CHECK_INT(r.years[GOAL_YEARS - 1].from, day(2021, 1, 1));
	CHECK_INT(r.years[GOAL_YEARS - 1].to, day(2021, 12, 31));
	CHECK_INT(r.years[GOAL_YEARS - 1].active_at_end, -1);

	/* Nobody at all. */
	core_goal(NULL, 0, 15, FROM, TO, d, &r);
	CHECK_INT(r.nyears, 4);
	CHECK_INT(r.recruited, 0);
	CHECK_INT(r.active, 0);
	CHECK_INT(r.years[0].active_at_end, 0);
	CHECK_INT(r.years[3].active_at_end, -1);
}

/* Same-day stop and return: not active, but the stop counts. */
static void
goal_equal_dates(void)
{
	long			d = day(2018, 10, 10);
	struct amb_change	h[] = {
		chg(d, AS_STOPPED, AR_NO_TIME),
		chg(d, AS_ACTIVE, AR_NONE),
	};
	struct amb_change	g[] = {
		chg(d, AS_ACTIVE, AR_NONE),
		chg(d, AS_STOPPED, AR_NO_TIME),
	};
	struct amb_fact		a[] = {
		amb(day(2018, 1, 1), h, N(h)),
		amb(day(2018, 1, 1), g, N(g)),
	};
	struct goal_report	r;

	core_goal(a, N(a), 15, FROM, TO, d, &r);
	CHECK_INT(r.active, 1);
	CHECK_INT(r.years[1].stopped, 2);
	CHECK_INT(r.years[1].active_at_end, 1);
	CHECK_INT(r.years[0].active_at_end, 2);
}

int
main(void)
{
	RUN("goal", status_names);
	RUN("goal", reason_names);
	RUN("goal", status_on_recruited);
	RUN("goal", status_on_changes);
	RUN("goal", status_on_equal_dates);
	RUN("goal", check_recruited);
	RUN("goal", check_amb_change);
	RUN("goal", check_amb_change_same_day);
	RUN("goal", goal_pace);
	RUN("goal", goal_period_edges);
	RUN("goal", goal_active);
	RUN("goal", goal_years_default);
	RUN("goal", goal_leap);
	RUN("goal", goal_leap_start);
	RUN("goal", goal_odd_periods);
	RUN("goal", goal_equal_dates);
	TEST_END();
}
