/*
 * test-stale.c — the stale rule of the queue (visits.stale_days): when a
 * welcome comes too late for the queue and goes to the secretariat
 * (core_visit_stale, core_not_reached), the reason a list shows
 * (core_flags_reason), and the setting with its file:line errors.  Run
 * from the top of the tree (tests/run does): the fixtures are under
 * tests/cfg/.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "util.h"
#include "test.h"

#define DEFAULT	"share/velkomst/velkomst.conf"
#define FIX(f)	"tests/cfg/" f

static long	today;
static char	err[8192];

/* Day number of y-m-d. */
static long
day(int y, int m, int d)
{
	long	 out = DATE_NONE;

	util_date_make(y, m, d, &out);
	return out;
}

/* Overdue by exactly stale_days is still for the queue; one more day is
 * stale; only a household still awaiting (or partly) and living there. */
static void
stale_boundary(void)
{
	long	 in60 = today - 14 - 60, in61 = today - 14 - 61;

	CHECK_INT(core_overdue_days(in60, DATE_NONE, HS_AWAITING, today, 14),
	    60);
	CHECK_INT(core_visit_stale(in60, DATE_NONE, HS_AWAITING, today, 14,
	    60), 0);
	CHECK_INT(core_visit_stale(in61, DATE_NONE, HS_AWAITING, today, 14,
	    60), 1);
	CHECK_INT(core_visit_stale(in61, DATE_NONE, HS_PARTLY, today, 14, 60),
	    1);
	CHECK_INT(core_visit_stale(in61, DATE_NONE, HS_WELCOMED, today, 14,
	    60), 0);
	CHECK_INT(core_visit_stale(in61, DATE_NONE, HS_DECLINED, today, 14,
	    60), 0);
	CHECK_INT(core_visit_stale(in61, today, HS_AWAITING, today, 14, 60),
	    0);
	CHECK_INT(core_visit_stale(in61, today + 1, HS_AWAITING, today, 14,
	    60), 1);
	/* Today's move-in, and one hundreds of days ago. */
	CHECK_INT(core_visit_stale(today, DATE_NONE, HS_AWAITING, today, 14,
	    60), 0);
	CHECK_INT(core_visit_stale(today - 700, DATE_NONE, HS_AWAITING, today,
	    14, 60), 1);
	/* The deadline counts: with 30 days, 61 + 14 is not yet stale. */
	CHECK_INT(core_visit_stale(in61, DATE_NONE, HS_AWAITING, today, 30,
	    60), 0);
	/* No rule: nothing is stale. */
	CHECK_INT(core_visit_stale(today - 700, DATE_NONE, HS_AWAITING, today,
	    14, 0), 0);
	CHECK_INT(core_visit_stale(today - 700, DATE_NONE, HS_AWAITING, today,
	    14, -1), 0);
}

/* Not reached in time: stale, and not dealt with since it went stale. */
static void
not_reached(void)
{
	long	 in = today - 100, first = in + 14 + 60 + 1;

	CHECK_INT(core_visit_stale(in, DATE_NONE, HS_AWAITING, first - 1, 14,
	    60), 0);
	CHECK_INT(core_visit_stale(in, DATE_NONE, HS_AWAITING, first, 14, 60),
	    1);
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_AWAITING, DATE_NONE,
	    today, 14, 60), 1);
	/* Dealt with before it went stale (a referral): still on the list. */
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_AWAITING, first - 1,
	    today, 14, 60), 1);
	/* Dealt with on or after the first stale day: off the list. */
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_AWAITING, first, today,
	    14, 60), 0);
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_AWAITING, today, today,
	    14, 60), 0);
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_WELCOMED, DATE_NONE,
	    today, 14, 60), 0);
	CHECK_INT(core_not_reached(today - 30, DATE_NONE, HS_AWAITING,
	    DATE_NONE, today, 14, 60), 0);
	CHECK_INT(core_not_reached(in, DATE_NONE, HS_AWAITING, DATE_NONE,
	    today, 14, 0), 0);
}

/* The words a list shows for each set of flags. */
static void
reasons(void)
{
	char	 buf[80];

	CHECK_STR(core_flags_reason(0), "");
	CHECK_STR(core_flags_reason(FLAG_REFERRAL), "referral");
	CHECK_STR(core_flags_reason(FLAG_NOT_REACHED), "not reached in time");
	CHECK_STR(core_flags_reason(FLAG_NOT_REACHED | FLAG_REFERRAL),
	    "not reached in time, referral");
	snprintf(buf, sizeof buf, core_flags_reason(FLAG_ATTEMPTS), 3);
	CHECK_STR(buf, "not home 3\xc3\x97");
	snprintf(buf, sizeof buf, core_flags_reason(FLAG_ATTEMPTS |
	    FLAG_REFERRAL), 4);
	CHECK_STR(buf, "not home 4\xc3\x97, referral");
	snprintf(buf, sizeof buf, core_flags_reason(FLAG_NOT_REACHED |
	    FLAG_ATTEMPTS), 2);
	CHECK_STR(buf, "not reached in time, not home 2\xc3\x97");
	snprintf(buf, sizeof buf, core_flags_reason(FLAG_NOT_REACHED |
	    FLAG_ATTEMPTS | FLAG_REFERRAL), 5);
	CHECK_STR(buf, "not reached in time, not home 5\xc3\x97, referral");
	/* Bits velkomst does not know add nothing. */
	CHECK_STR(core_flags_reason(0x100 | FLAG_REFERRAL), "referral");
}

/* Load the default and user (no system layers); cfg_load's result. */
static int
load(struct conf *c, const char *user)
{
	err[0] = '\0';
	return cfg_load(c, DEFAULT, user, 1, err, sizeof err);
}

/* visits.stale_days: 60 when shipped or left out, a user's value. */
static void
setting(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, NULL), 0);
	CHECK_INT(c.stale_days, 60);
	cfg_free(&c);
	CHECK_INT(load(&c, FIX("stale.conf")), 0);
	CHECK(err[0] == '\0');
	CHECK_INT(c.stale_days, 30);
	CHECK_INT(c.retry_days, 3);
	cfg_free(&c);
	/* A visits group without it: the default. */
	CHECK_INT(load(&c, FIX("user-visits.conf")), 0);
	CHECK_INT(c.stale_days, 60);
	cfg_free(&c);
}

/* Out of range, or of the wrong type: file, line and what is wrong. */
static void
setting_errors(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, FIX("stale-bad.conf")), -1);
	CHECK(strstr(err, FIX("stale-bad.conf") ":3: \"stale_days\" must be "
	    "between 1 and 3650, not 0\n") != NULL);
	CHECK_INT(load(&c, FIX("stale-range.conf")), -1);
	CHECK(strstr(err, FIX("stale-range.conf") ":2: \"stale_days\" must "
	    "be between 1 and 3650, not 3651\n") != NULL);
	CHECK_INT(load(&c, FIX("stale-type.conf")), -1);
	CHECK(strstr(err, FIX("stale-type.conf") ":2: \"stale_days\" must be "
	    "a whole number, not a string in quotes\n") != NULL);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	today = day(2019, 6, 1);
	RUN("stale", stale_boundary);
	RUN("stale", not_reached);
	RUN("stale", reasons);
	RUN("stale", setting);
	RUN("stale", setting_errors);
	TEST_END();
}
