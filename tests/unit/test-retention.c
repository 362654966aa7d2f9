/*
 * test-retention.c — how long personal data is kept: which households
 * are due for deletion on a fixed today and why, the cut-off days, and
 * stopped ambassadors' contact data.
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

static const struct retention rules = {
	.after_welcome_days = 365,
	.after_moved_out_days = 90,
	.not_reached_days = 365,
	.stopped_ambassador_days = 365,
	.backup_days = 90,
};

/* A household. */
static struct retention_fact
hh(long moved_in, long moved_out, long last_visit, enum household_status st)
{
	struct retention_fact	f;

	f.moved_in = moved_in;
	f.moved_out = moved_out;
	f.last_visit = last_visit;
	f.state = st;
	return f;
}

/* Living there, welcomed a year ago to the day: due that day, not the
 * day before. */
static void
test_welcomed(void)
{
	struct retention_fact	f = hh(day(2018, 5, 20), DATE_NONE,
				    day(2018, 6, 1), HS_WELCOMED);
	long			due;

	CHECK_INT(core_retention_due(&rules, &f, day(2019, 5, 31), &due),
	    RETAIN_KEEP);
	CHECK_INT(due, DATE_NONE);
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 1), &due),
	    RETAIN_WELCOMED);
	CHECK_INT(due, day(2019, 6, 1));
	/* Partly and declined opened the door too. */
	f.state = HS_PARTLY;
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 1), NULL),
	    RETAIN_WELCOMED);
	f.state = HS_DECLINED;
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 1), NULL),
	    RETAIN_WELCOMED);
}

/* Moved out: 90 days after the move-out, whatever the welcome. */
static void
test_moved_out(void)
{
	struct retention_fact	f = hh(day(2019, 1, 10), day(2019, 3, 1),
				    day(2019, 1, 20), HS_WELCOMED);
	long			due;

	CHECK_INT(core_retention_due(&rules, &f, day(2019, 5, 29), NULL),
	    RETAIN_KEEP);
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 5, 30), &due),
	    RETAIN_MOVED_OUT);
	CHECK_INT(due, day(2019, 5, 30));
	/* Not reached and moved out: due by the move-out first. */
	f = hh(day(2018, 1, 10), day(2018, 2, 1), DATE_NONE, HS_AWAITING);
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 1), &due),
	    RETAIN_MOVED_OUT);
	CHECK_INT(due, day(2018, 5, 2));
}

/* Never reached: a year after the move-in; a not-home visit changes
 * nothing. */
static void
test_not_reached(void)
{
	struct retention_fact	f = hh(day(2018, 6, 2), DATE_NONE,
				    day(2018, 6, 20), HS_AWAITING);

	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 1), NULL),
	    RETAIN_KEEP);
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 2), NULL),
	    RETAIN_NOT_REACHED);
	/* Awaiting never counts as welcomed, however old its visit. */
	f.moved_in = day(2019, 1, 1);
	f.last_visit = day(2017, 1, 1);
	CHECK_INT(core_retention_due(&rules, &f, day(2019, 6, 2), NULL),
	    RETAIN_KEEP);
}

/* Whichever rule came due first wins; 0 turns a rule off. */
static void
test_first_and_off(void)
{
	struct retention_fact	f = hh(day(2017, 1, 1), day(2019, 1, 1),
				    day(2017, 2, 1), HS_WELCOMED);
	struct retention	r = rules;
	long			due;

	CHECK_INT(core_retention_due(&r, &f, day(2019, 6, 1), &due),
	    RETAIN_WELCOMED);
	CHECK_INT(due, day(2018, 2, 1));
	r.after_welcome_days = 0;
	CHECK_INT(core_retention_due(&r, &f, day(2019, 6, 1), NULL),
	    RETAIN_MOVED_OUT);
	r.after_moved_out_days = 0;
	CHECK_INT(core_retention_due(&r, &f, day(2019, 6, 1), &due),
	    RETAIN_KEEP);
	CHECK_INT(due, DATE_NONE);
	CHECK_INT(core_retention_cut(day(2019, 6, 1), 0), DATE_NONE);
	CHECK_INT(core_retention_cut(day(2019, 6, 1), 90), day(2019, 3, 3));
}

/* A stopped ambassador: due a year after the stop in force; paused or
 * active again is never due. */
static void
test_ambassador(void)
{
	struct amb_change	h[3] = {
		{ day(2017, 5, 1), AS_STOPPED, AR_NO_TIME },
		{ day(2017, 9, 1), AS_ACTIVE, AR_NONE },
		{ day(2018, 6, 1), AS_STOPPED, AR_MOVED_AWAY },
	};
	struct amb_fact		a = { day(2017, 3, 1), h, 3 };
	long			since;

	CHECK(!core_retention_amb_due(&rules, &a, day(2019, 5, 31), &since));
	CHECK_INT(since, day(2018, 6, 1));
	CHECK(core_retention_amb_due(&rules, &a, day(2019, 6, 1), &since));
	a.nhistory = 2;		/* active again since 2017-09-01 */
	CHECK(!core_retention_amb_due(&rules, &a, day(2019, 6, 1), &since));
	CHECK_INT(since, DATE_NONE);
	h[1].status = AS_PAUSED;
	CHECK(!core_retention_amb_due(&rules, &a, day(2019, 6, 1), NULL));
	a.nhistory = 1;
	CHECK(core_retention_amb_due(&rules, &a, day(2019, 6, 1), NULL));
}

/* The names and words of the reasons. */
static void
test_names(void)
{
	CHECK_STR(core_retention_name(RETAIN_MOVED_OUT), "moved_out");
	CHECK_STR(core_retention_name(RETAIN_WELCOMED), "welcomed");
	CHECK_STR(core_retention_name(RETAIN_NOT_REACHED), "not_reached");
	CHECK_STR(core_retention_name(RETAIN_KEEP), "");
	CHECK_STR(core_retention_label(RETAIN_NOT_REACHED), "never reached");
}

int
main(void)
{
	RUN("retention", test_welcomed);
	RUN("retention", test_moved_out);
	RUN("retention", test_not_reached);
	RUN("retention", test_first_and_off);
	RUN("retention", test_ambassador);
	RUN("retention", test_names);
	TEST_END();
}
