/*
 * core-retention.c — how long personal data is kept: when a household's
 * purpose has ended long enough ago that its personal data is due for
 * deletion (velkomst purge), and when a stopped ambassador's contact
 * data is.
 */
#include <stddef.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const retention_names[NRETAIN] = {
	[RETAIN_KEEP] = "",
	[RETAIN_MOVED_OUT] = "moved_out",
	[RETAIN_WELCOMED] = "welcomed",
	[RETAIN_NOT_REACHED] = "not_reached",
};

static const char *const retention_labels[NRETAIN] = {
	[RETAIN_KEEP] = N_("kept"),
	[RETAIN_MOVED_OUT] = N_("moved out"),
	[RETAIN_WELCOMED] = N_("welcomed long ago"),
	[RETAIN_NOT_REACHED] = N_("never reached"),
};

/* The newest day a rule of days looks at that is due on today. */
long
core_retention_cut(long today, int days)
{
	if (days <= 0 || today == DATE_NONE)
		return DATE_NONE;
	return today - days;
}

/* The day a rule of days on day becomes due, or DATE_NONE. */
static long
retention_on(long day, int days)
{
	if (days <= 0 || day == DATE_NONE)
		return DATE_NONE;
	return day + days;
}

/* Whether household f's personal data is due on today, and why. */
enum retention_reason
core_retention_due(const struct retention *r, const struct retention_fact *f,
    long today, long *due)
{
	long			 on[NRETAIN];
	enum retention_reason	 best = RETAIN_KEEP;
	int			 i;

	on[RETAIN_KEEP] = DATE_NONE;
	on[RETAIN_MOVED_OUT] = retention_on(f->moved_out,
	    r->after_moved_out_days);
	on[RETAIN_WELCOMED] = f->state == HS_AWAITING ? DATE_NONE :
	    retention_on(f->last_visit, r->after_welcome_days);
	on[RETAIN_NOT_REACHED] = f->state != HS_AWAITING ? DATE_NONE :
	    retention_on(f->moved_in, r->not_reached_days);
	for (i = RETAIN_MOVED_OUT; i < NRETAIN; i++)
		if (on[i] != DATE_NONE && on[i] <= today &&
		    (best == RETAIN_KEEP || on[i] < on[best]))
			best = (enum retention_reason)i;
	if (due != NULL)
		*due = on[best];
	return best;
}

/* 1 if ambassador a stopped long enough ago that its contact data is
 * due. */
int
core_retention_amb_due(const struct retention *r, const struct amb_fact *a,
    long today, long *stopped)
{
	enum amb_status	 st;
	long		 since = DATE_NONE;
	size_t		 i;

	if (stopped != NULL)
		*stopped = DATE_NONE;
	if (core_amb_status_on(a, today, &st) == -1 || st != AS_STOPPED)
		return 0;
	/* The stop in force: the newest stop on or before today. */
	for (i = 0; i < a->nhistory; i++)
		if (a->history[i].status == AS_STOPPED &&
		    a->history[i].date <= today &&
		    (since == DATE_NONE || a->history[i].date > since))
			since = a->history[i].date;
	if (since == DATE_NONE)
		return 0;
	if (stopped != NULL)
		*stopped = since;
	return r->stopped_ambassador_days > 0 &&
	    since + r->stopped_ambassador_days <= today;
}

/* The reason as written in tsv. */
const char *
core_retention_name(enum retention_reason why)
{
	return why >= 0 && why < NRETAIN ? retention_names[why] : "";
}

/* The reason in words (N_()). */
const char *
core_retention_label(enum retention_reason why)
{
	return why >= 0 && why < NRETAIN ? retention_labels[why] : "";
}
