/*
 * test-core-visit.c — the rules of welcome visits: names, the checklist
 * outcome, what visits add up to, overdue and due, retry dates and the
 * date checks.
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

/* A visit fact. */
static struct visit_fact
fact(long date, enum visit_outcome o, long next, int referral)
{
	struct visit_fact	f;

	f.date = date;
	f.outcome = o;
	f.next_date = next;
	f.referral = referral;
	return f;
}

#define N(a)	(sizeof (a) / sizeof (a)[0])

/* Outcome names and labels round trip; bad names are refused. */
static void
outcome_names(void)
{
	enum visit_outcome	o, got;
	int			i;

	for (i = VO_WELCOMED; i <= VO_DECLINED; i++) {
		o = (enum visit_outcome)i;
		got = VO_DECLINED;
		if (i == VO_DECLINED)
			got = VO_WELCOMED;
		CHECK_INT(core_outcome_parse(core_outcome_name(o), &got), 0);
		CHECK_INT(got, o);
		CHECK(core_outcome_label(o) != NULL);
	}
	CHECK_STR(core_outcome_name(VO_WELCOMED), "welcomed");
	CHECK_STR(core_outcome_name(VO_PARTLY), "partly");
	CHECK_STR(core_outcome_name(VO_NOT_HOME), "not_home");
	CHECK_STR(core_outcome_name(VO_DECLINED), "declined");
	CHECK_STR(core_outcome_label(VO_NOT_HOME), "not home");
	got = VO_PARTLY;
	CHECK_INT(core_outcome_parse("not home", &got), -1);
	CHECK_INT(core_outcome_parse("Welcomed", &got), -1);
	CHECK_INT(core_outcome_parse("", &got), -1);
	CHECK_INT(core_outcome_parse("welcomed ", &got), -1);
	CHECK_INT(core_outcome_parse("awaiting", &got), -1);
	CHECK_INT(core_outcome_parse(NULL, &got), -1);
	CHECK_INT(got, VO_PARTLY);
}

/* Item state names and labels round trip; bad names are refused. */
static void
item_state_names(void)
{
	enum item_state	st, got;
	int		i;

	for (i = IS_UNSET; i <= IS_LATER; i++) {
		st = (enum item_state)i;
		got = i == IS_LATER ? IS_UNSET : IS_LATER;
		CHECK_INT(core_item_state_parse(core_item_state_name(st),
		    &got), 0);
		CHECK_INT(got, st);
		CHECK(core_item_state_label(st) != NULL);
	}
	CHECK_STR(core_item_state_name(IS_UNSET), "unset");
	CHECK_STR(core_item_state_name(IS_DONE), "done");
	CHECK_STR(core_item_state_name(IS_NOT_RELEVANT), "not_relevant");
	CHECK_STR(core_item_state_name(IS_LATER), "later");
	CHECK_STR(core_item_state_label(IS_NOT_RELEVANT), "not relevant");
	got = IS_DONE;
	CHECK_INT(core_item_state_parse("not relevant", &got), -1);
	CHECK_INT(core_item_state_parse("DONE", &got), -1);
	CHECK_INT(core_item_state_parse("", &got), -1);
	CHECK_INT(core_item_state_parse("partly", &got), -1);
	CHECK_INT(core_item_state_parse(NULL, &got), -1);
	CHECK_INT(got, IS_DONE);
}

/* Done and not relevant welcome, later is partly, unset or none refuse. */
static void
checklist_outcome(void)
{
	enum item_state		 all_done[] = { IS_DONE, IS_DONE, IS_DONE };
	enum item_state		 mixed[] = { IS_DONE, IS_NOT_RELEVANT };
	enum item_state		 later[] = { IS_DONE, IS_LATER, IS_NOT_RELEVANT };
	enum item_state		 unset[] = { IS_DONE, IS_LATER, IS_UNSET };
	enum item_state		 only_nr[] = { IS_NOT_RELEVANT };
	enum visit_outcome	 o;

	o = VO_DECLINED;
	CHECK_INT(core_checklist_outcome(all_done, N(all_done), &o), 0);
	CHECK_INT(o, VO_WELCOMED);
	o = VO_DECLINED;
	CHECK_INT(core_checklist_outcome(mixed, N(mixed), &o), 0);
	CHECK_INT(o, VO_WELCOMED);
	o = VO_DECLINED;
	CHECK_INT(core_checklist_outcome(only_nr, N(only_nr), &o), 0);
	CHECK_INT(o, VO_WELCOMED);
	o = VO_DECLINED;
	CHECK_INT(core_checklist_outcome(later, N(later), &o), 0);
	CHECK_INT(o, VO_PARTLY);

	o = VO_DECLINED;
	CHECK_INT(core_checklist_outcome(unset, N(unset), &o), -1);
	CHECK_INT(o, VO_DECLINED);
	CHECK_INT(core_checklist_outcome(all_done, 0, &o), -1);
	CHECK_INT(core_checklist_outcome(NULL, 0, &o), -1);
	CHECK_INT(o, VO_DECLINED);
}

/* No visits: awaiting, nothing else. */
static void
state_no_visits(void)
{
	struct welcome_state	ws;

	memset(&ws, 0x5a, sizeof ws);
	core_welcome_state(NULL, 0, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_AWAITING);
	CHECK_INT(ws.attempts, 0);
	CHECK_INT(ws.next_date, DATE_NONE);
	CHECK_INT(ws.last_visit, DATE_NONE);
	CHECK_INT(ws.flags, 0);
}

/* Not-home visits count; the flag comes at max_attempts, not before. */
static void
state_attempts(void)
{
	struct visit_fact	v[3];
	struct welcome_state	ws;
	long			d = day(2026, 3, 2);

	v[0] = fact(d, VO_NOT_HOME, d + 3, 0);
	v[1] = fact(d + 3, VO_NOT_HOME, d + 6, 0);
	v[2] = fact(d + 6, VO_NOT_HOME, d + 9, 0);

	core_welcome_state(v, 2, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_AWAITING);
	CHECK_INT(ws.attempts, 2);
	CHECK_INT(ws.flags, 0);
	CHECK_INT(ws.next_date, d + 6);
	CHECK_INT(ws.last_visit, d + 3);

	core_welcome_state(v, 3, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_AWAITING);
	CHECK_INT(ws.attempts, 3);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);
	CHECK_INT(ws.next_date, d + 9);
	CHECK_INT(ws.last_visit, d + 6);

	/* Another limit from the configuration. */
	core_welcome_state(v, 2, 2, DATE_NONE, &ws);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);
	core_welcome_state(v, 3, 4, DATE_NONE, &ws);
	CHECK_INT(ws.flags, 0);
	/* A limit below one does not flag a household never tried. */
	core_welcome_state(v, 0, 0, DATE_NONE, &ws);
	CHECK_INT(ws.flags, 0);
	core_welcome_state(v, 1, 0, DATE_NONE, &ws);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);
}

/* A partly visit resets the count; attempts after it count again. */
static void
state_partly_resets(void)
{
	struct visit_fact	v[6];
	struct welcome_state	ws;
	long			d = day(2026, 1, 10);

	v[0] = fact(d, VO_NOT_HOME, d + 3, 0);
	v[1] = fact(d + 3, VO_NOT_HOME, d + 6, 0);
	v[2] = fact(d + 6, VO_PARTLY, d + 20, 0);
	core_welcome_state(v, 3, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.attempts, 0);
	CHECK_INT(ws.flags, 0);
	CHECK_INT(ws.next_date, d + 20);
	CHECK_INT(ws.last_visit, d + 6);

	v[3] = fact(d + 20, VO_NOT_HOME, d + 23, 0);
	v[4] = fact(d + 23, VO_NOT_HOME, d + 26, 0);
	core_welcome_state(v, 5, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.attempts, 2);
	CHECK_INT(ws.flags, 0);
	CHECK_INT(ws.next_date, d + 26);

	v[5] = fact(d + 26, VO_NOT_HOME, DATE_NONE, 0);
	core_welcome_state(v, 6, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.attempts, 3);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);
	CHECK_INT(ws.next_date, DATE_NONE);
	CHECK_INT(ws.last_visit, d + 26);
}

/* Welcomed stays welcomed after a not-home visit, with no flag. */
static void
state_welcomed_then_not_home(void)
{
	struct visit_fact	v[5];
	struct welcome_state	ws;
	long			d = day(2026, 5, 1);

	v[0] = fact(d, VO_WELCOMED, DATE_NONE, 0);
	v[1] = fact(d + 1, VO_NOT_HOME, d + 4, 0);
	v[2] = fact(d + 4, VO_NOT_HOME, d + 7, 0);
	v[3] = fact(d + 7, VO_NOT_HOME, d + 10, 0);
	v[4] = fact(d + 10, VO_NOT_HOME, d + 13, 0);
	core_welcome_state(v, 5, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_WELCOMED);
	CHECK_INT(ws.attempts, 4);
	CHECK_INT(ws.flags, 0);
	CHECK_INT(ws.next_date, DATE_NONE);
	CHECK_INT(ws.last_visit, d + 10);
}

/* Declined, then welcomed later: welcomed.  Declined last: declined. */
static void
state_declined(void)
{
	struct visit_fact	v[4];
	struct welcome_state	ws;
	long			d = day(2026, 6, 15);

	v[0] = fact(d, VO_DECLINED, d + 5, 0);
	core_welcome_state(v, 1, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_DECLINED);
	CHECK_INT(ws.next_date, DATE_NONE);
	CHECK_INT(ws.last_visit, d);

	v[1] = fact(d + 30, VO_WELCOMED, DATE_NONE, 0);
	core_welcome_state(v, 2, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_WELCOMED);
	CHECK_INT(ws.last_visit, d + 30);

	/* Declined after many not-home visits: no attempts flag. */
	v[0] = fact(d, VO_NOT_HOME, d + 3, 0);
	v[1] = fact(d + 3, VO_NOT_HOME, d + 6, 0);
	v[2] = fact(d + 6, VO_DECLINED, DATE_NONE, 0);
	v[3] = fact(d + 9, VO_NOT_HOME, d + 12, 0);
	core_welcome_state(v, 4, 1, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_DECLINED);
	CHECK_INT(ws.attempts, 1);
	CHECK_INT(ws.flags, 0);
	CHECK_INT(ws.next_date, DATE_NONE);
}

/* Visits in any order are taken by date. */
static void
state_unsorted(void)
{
	struct visit_fact	v[4];
	struct welcome_state	ws;
	long			d = day(2026, 2, 1);

	v[0] = fact(d + 10, VO_NOT_HOME, d + 13, 0);
	v[1] = fact(d, VO_WELCOMED, DATE_NONE, 0);
	v[2] = fact(d + 5, VO_PARTLY, d + 12, 0);
	v[3] = fact(d + 2, VO_NOT_HOME, d + 5, 0);
	core_welcome_state(v, 4, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.attempts, 1);
	CHECK_INT(ws.next_date, d + 13);
	CHECK_INT(ws.last_visit, d + 10);
	CHECK_INT(ws.flags, 0);
	/* The input is left as given. */
	CHECK_INT(v[0].date, d + 10);
	CHECK_INT(v[1].date, d);
}

/* Visits on the same day keep the order given. */
static void
state_equal_dates(void)
{
	struct visit_fact	v[3];
	struct welcome_state	ws;
	long			d = day(2026, 4, 7);

	v[0] = fact(d, VO_PARTLY, d + 7, 0);
	v[1] = fact(d, VO_WELCOMED, DATE_NONE, 0);
	core_welcome_state(v, 2, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_WELCOMED);

	v[0] = fact(d, VO_WELCOMED, DATE_NONE, 0);
	v[1] = fact(d, VO_PARTLY, d + 7, 0);
	core_welcome_state(v, 2, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.next_date, d + 7);

	/* Partly, then not home the same day: one attempt after it. */
	v[0] = fact(d - 3, VO_NOT_HOME, d, 0);
	v[1] = fact(d, VO_PARTLY, d + 7, 0);
	v[2] = fact(d, VO_NOT_HOME, d + 2, 0);
	core_welcome_state(v, 3, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_PARTLY);
	CHECK_INT(ws.attempts, 1);
	CHECK_INT(ws.next_date, d + 2);

	/* Not home, then partly the same day: no attempt after it. */
	v[1] = fact(d, VO_NOT_HOME, d + 2, 0);
	v[2] = fact(d, VO_PARTLY, d + 7, 0);
	core_welcome_state(v, 3, 3, DATE_NONE, &ws);
	CHECK_INT(ws.attempts, 0);
	CHECK_INT(ws.next_date, d + 7);
}

/* A referral flags the household until the secretariat handles it. */
static void
state_referral(void)
{
	struct visit_fact	v[3];
	struct welcome_state	ws;
	long			d = day(2026, 8, 3);

	v[0] = fact(d, VO_PARTLY, d + 14, 1);
	core_welcome_state(v, 1, 3, DATE_NONE, &ws);
	CHECK_INT(ws.flags, FLAG_REFERRAL);

	/* A welcomed household with a referral is flagged too. */
	v[1] = fact(d + 14, VO_WELCOMED, DATE_NONE, 0);
	core_welcome_state(v, 2, 3, DATE_NONE, &ws);
	CHECK_INT(ws.state, HS_WELCOMED);
	CHECK_INT(ws.flags, FLAG_REFERRAL);

	/* Handled on the day of the referral: cleared. */
	core_welcome_state(v, 2, 3, d, &ws);
	CHECK_INT(ws.flags, 0);
	/* Handled the day before: still flagged. */
	core_welcome_state(v, 2, 3, d - 1, &ws);
	CHECK_INT(ws.flags, FLAG_REFERRAL);

	/* A newer referral after the handling flags again. */
	v[2] = fact(d + 20, VO_WELCOMED, DATE_NONE, 1);
	core_welcome_state(v, 3, 3, d + 1, &ws);
	CHECK_INT(ws.flags, FLAG_REFERRAL);
	core_welcome_state(v, 3, 3, d + 20, &ws);
	CHECK_INT(ws.flags, 0);
}

/* handled_on clears old attempts but not newer ones. */
static void
state_handled_attempts(void)
{
	struct visit_fact	v[6];
	struct welcome_state	ws;
	long			d = day(2026, 9, 1);
	int			i;

	for (i = 0; i < 6; i++)
		v[i] = fact(d + 3 * i, VO_NOT_HOME, d + 3 * i + 3, 0);
	core_welcome_state(v, 3, 3, d + 6, &ws);
	CHECK_INT(ws.attempts, 3);
	CHECK_INT(ws.flags, 0);
	core_welcome_state(v, 3, 3, d + 5, &ws);
	CHECK_INT(ws.flags, 0);
	core_welcome_state(v, 3, 3, d - 1, &ws);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);

	/* Handled after the third: three more are needed. */
	core_welcome_state(v, 5, 3, d + 6, &ws);
	CHECK_INT(ws.attempts, 5);
	CHECK_INT(ws.flags, 0);
	core_welcome_state(v, 6, 3, d + 6, &ws);
	CHECK_INT(ws.attempts, 6);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS);

	/* Both flags at once; handling clears both. */
	v[0].referral = 1;
	core_welcome_state(v, 3, 3, DATE_NONE, &ws);
	CHECK_INT(ws.flags, FLAG_ATTEMPTS | FLAG_REFERRAL);
	core_welcome_state(v, 3, 3, d + 6, &ws);
	CHECK_INT(ws.flags, 0);
}

/* Overdue from the day after the deadline; only while awaiting. */
static void
overdue_days(void)
{
	long	in = day(2026, 1, 20);

	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in, 14), 0);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in + 13, 14),
	    0);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in + 14, 14),
	    0);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in + 15, 14),
	    1);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_PARTLY, in + 40, 14),
	    26);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING,
	    day(2026, 2, 4), 14), 1);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING,
	    day(2026, 2, 3), 14), 0);
	/* Another deadline. */
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in + 8, 7), 1);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_AWAITING, in + 1, 0), 1);
	/* Moved in in the future: not overdue. */
	CHECK_INT(core_overdue_days(in + 30, DATE_NONE, HS_AWAITING, in, 14),
	    0);

	/* Done, declined or moved out: never overdue. */
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_WELCOMED, in + 40, 14),
	    0);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_DECLINED, in + 40, 14),
	    0);
	CHECK_INT(core_overdue_days(in, DATE_NONE, HS_MOVED_OUT, in + 40, 14),
	    0);
	/* Moved out today: not overdue; moving out tomorrow: still is. */
	CHECK_INT(core_overdue_days(in, in + 20, HS_AWAITING, in + 20, 14), 0);
	CHECK_INT(core_overdue_days(in, in + 21, HS_AWAITING, in + 20, 14), 6);
	CHECK_INT(core_overdue_days(in, in + 16, HS_AWAITING, in + 20, 14), 0);
	CHECK_INT(core_overdue_days(DATE_NONE, DATE_NONE, HS_AWAITING, in, 14),
	    0);
}

/* Due when awaiting or partly, living there, and the date has come. */
static void
visit_due(void)
{
	long	t = day(2026, 3, 31);

	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_AWAITING, DATE_NONE, t), 1);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_PARTLY, DATE_NONE, t), 1);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_AWAITING, t - 1, t), 1);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_AWAITING, t, t), 1);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_AWAITING, t + 1, t), 0);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_PARTLY, t + 1, t), 0);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_WELCOMED, DATE_NONE, t), 0);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_DECLINED, t, t), 0);
	CHECK_INT(core_visit_due(t - 20, DATE_NONE, HS_MOVED_OUT, t, t), 0);
	/* Moved out today: not due; moving out tomorrow: due. */
	CHECK_INT(core_visit_due(t - 20, t, HS_AWAITING, DATE_NONE, t), 0);
	CHECK_INT(core_visit_due(t - 20, t - 5, HS_AWAITING, DATE_NONE, t), 0);
	CHECK_INT(core_visit_due(t - 20, t + 1, HS_AWAITING, DATE_NONE, t), 1);
	/* Registered ahead of the move-in: not in the queue until then. */
	CHECK_INT(core_visit_due(t + 1, DATE_NONE, HS_AWAITING, DATE_NONE, t),
	    0);
	CHECK_INT(core_visit_due(t, DATE_NONE, HS_AWAITING, DATE_NONE, t), 1);
}

/* Retry dates across month ends, leap days and years. */
static void
retry_date(void)
{
	CHECK_INT(core_retry_date(day(2026, 1, 31), 3), day(2026, 2, 3));
	CHECK_INT(core_retry_date(day(2020, 2, 28), 3), day(2020, 3, 2));
	CHECK_INT(core_retry_date(day(2019, 2, 27), 3), day(2019, 3, 2));
	CHECK_INT(core_retry_date(day(2020, 2, 28), 1), day(2020, 2, 29));
	CHECK_INT(core_retry_date(day(2100, 2, 28), 1), day(2100, 3, 1));
	CHECK_INT(core_retry_date(day(2000, 2, 28), 1), day(2000, 2, 29));
	CHECK_INT(core_retry_date(day(2026, 12, 30), 3), day(2027, 1, 2));
	CHECK_INT(core_retry_date(day(2026, 4, 30), 7), day(2026, 5, 7));
	CHECK_INT(core_retry_date(day(2026, 4, 30), 0), day(2026, 4, 30));
	CHECK_INT(core_retry_date(day(2026, 4, 30), -2), day(2026, 4, 30));
	CHECK_INT(core_retry_date(DATE_NONE, 3), DATE_NONE);
}

/* The date of a visit: after move-in, not ahead, not after moving out. */
static void
check_visit_date(void)
{
	long	in = day(2026, 2, 27), t = day(2026, 3, 10);

	CHECK_STR(core_check_visit_date(in, in, DATE_NONE, t), NULL);
	CHECK_STR(core_check_visit_date(t, in, DATE_NONE, t), NULL);
	CHECK_STR(core_check_visit_date(day(2026, 3, 1), in, DATE_NONE, t),
	    NULL);
	CHECK_STR(core_check_visit_date(DATE_NONE, in, DATE_NONE, t),
	    "Write the date of the visit.");
	CHECK_STR(core_check_visit_date(in - 1, in, DATE_NONE, t),
	    "The visit cannot be before they moved in.");
	CHECK_STR(core_check_visit_date(t + 1, in, DATE_NONE, t),
	    "The visit cannot be on a day that has not come yet.");
	/* Moving out the day of the visit refuses it; the day after not. */
	CHECK_STR(core_check_visit_date(t - 2, in, t - 2, t),
	    "They had moved out by then.");
	CHECK_STR(core_check_visit_date(t - 1, in, t - 2, t),
	    "They had moved out by then.");
	CHECK_STR(core_check_visit_date(t - 2, in, t - 1, t), NULL);
	/* Moving out later than today. */
	CHECK_STR(core_check_visit_date(t, in, t + 30, t), NULL);
	/* Leap day. */
	CHECK_STR(core_check_visit_date(day(2028, 2, 29), day(2028, 2, 29),
	    DATE_NONE, day(2028, 3, 1)), NULL);
	CHECK_STR(core_check_visit_date(day(2028, 2, 28), day(2028, 2, 29),
	    DATE_NONE, day(2028, 3, 1)),
	    "The visit cannot be before they moved in.");
}

/* A retry or follow-up date: not in the past, not before the visit. */
static void
check_next_date(void)
{
	long	t = day(2026, 1, 31), v = day(2026, 1, 29);

	CHECK_STR(core_check_next_date(t, v, t), NULL);
	CHECK_STR(core_check_next_date(day(2026, 2, 3), v, t), NULL);
	CHECK_STR(core_check_next_date(DATE_NONE, v, t),
	    "Write the date to come back.");
	CHECK_STR(core_check_next_date(t - 1, v, t),
	    "The date to try again cannot be in the past.");
	CHECK_STR(core_check_next_date(v, v, t),
	    "The date to try again cannot be in the past.");
	/* A visit written ahead of today (refused elsewhere) still counts. */
	CHECK_STR(core_check_next_date(t + 1, t + 2, t),
	    "The date to try again cannot be before the visit.");
	CHECK_STR(core_check_next_date(t + 2, t + 2, t), NULL);
}

int
main(void)
{
	RUN("visit", outcome_names);
	RUN("visit", item_state_names);
	RUN("visit", checklist_outcome);
	RUN("visit", state_no_visits);
	RUN("visit", state_attempts);
	RUN("visit", state_partly_resets);
	RUN("visit", state_welcomed_then_not_home);
	RUN("visit", state_declined);
	RUN("visit", state_unsorted);
	RUN("visit", state_equal_dates);
	RUN("visit", state_referral);
	RUN("visit", state_handled_attempts);
	RUN("visit", overdue_days);
	RUN("visit", visit_due);
	RUN("visit", retry_date);
	RUN("visit", check_visit_date);
	RUN("visit", check_next_date);
	TEST_END();
}
