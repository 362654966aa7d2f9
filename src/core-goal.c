/*
 * core-goal.c — stairwell ambassadors and the recruitment goal: status and
 * reason names, the status on a day, the checks of recruitment and status
 * changes, and progress toward the goal of the agreement period.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const amb_status_names[] = {
	[AS_ACTIVE] = "active",
	[AS_PAUSED] = "paused",
	[AS_STOPPED] = "stopped",
};

static const char *const amb_status_labels[] = {
	[AS_ACTIVE] = N_("active"),
	[AS_PAUSED] = N_("paused"),
	[AS_STOPPED] = N_("stopped"),
};

#define NAMBSTATUS	(sizeof amb_status_names / sizeof amb_status_names[0])

static const char *const amb_reason_names[] = {
	[AR_NONE] = "",
	[AR_MOVED_AWAY] = "moved_away",
	[AR_NO_TIME] = "no_time",
	[AR_OTHER] = "other",
};

/*
 * AR_NONE has a word too: gettext("") would return the catalogue's header,
 * so no label is ever empty.
 */
static const char *const amb_reason_labels[] = {
	[AR_NONE] = N_("none"),
	[AR_MOVED_AWAY] = N_("moved away"),
	[AR_NO_TIME] = N_("no time"),
	[AR_OTHER] = N_("other"),
};

#define NAMBREASON	(sizeof amb_reason_names / sizeof amb_reason_names[0])

/* The stable name of an ambassador status, as stored. */
const char *
core_amb_status_name(enum amb_status st)
{
	return (size_t)st < NAMBSTATUS ? amb_status_names[st] :
	    amb_status_names[0];
}

/* The ambassador status a stable name names; -1 if none. */
int
core_amb_status_parse(const char *s, enum amb_status *out)
{
	int	i;

	if ((i = core_name_index(amb_status_names, NAMBSTATUS, s)) == -1)
		return -1;
	*out = (enum amb_status)i;
	return 0;
}

/* A word for the screen. */
const char *
core_amb_status_label(enum amb_status st)
{
	return (size_t)st < NAMBSTATUS ? amb_status_labels[st] :
	    amb_status_labels[0];
}

/* The stable name of a reason for stopping, as stored ("" for none). */
const char *
core_amb_reason_name(enum amb_reason r)
{
	return (size_t)r < NAMBREASON ? amb_reason_names[r] :
	    amb_reason_names[0];
}

/* The reason a stable name names ("" is AR_NONE); -1 if none. */
int
core_amb_reason_parse(const char *s, enum amb_reason *out)
{
	int	i;

	if ((i = core_name_index(amb_reason_names, NAMBREASON, s)) == -1)
		return -1;
	*out = (enum amb_reason)i;
	return 0;
}

/* A word for the screen. */
const char *
core_amb_reason_label(enum amb_reason r)
{
	return (size_t)r < NAMBREASON ? amb_reason_labels[r] :
	    amb_reason_labels[0];
}

/*
 * The index of the newest change on or before day (by date, equal dates
 * in the given order, so the last of them), or -1.  LONG_MAX gives the
 * newest change of all.  Changes without a date are ignored.
 */
static long
goal_newest(const struct amb_fact *a, long day)
{
	const struct amb_change	*h = a->history;
	size_t			 i;
	long			 best = -1;

	for (i = 0; h != NULL && i < a->nhistory; i++) {
		if (h[i].date == DATE_NONE || h[i].date > day)
			continue;
		if (best == -1 || h[i].date >= h[best].date)
			best = (long)i;
	}
	return best;
}

/* The status of an ambassador on day; -1 before they were recruited. */
int
core_amb_status_on(const struct amb_fact *a, long day, enum amb_status *out)
{
	long	i;

	/* Without a recruitment date nobody is an ambassador yet. */
	if (a == NULL || a->recruited_on == DATE_NONE || day == DATE_NONE ||
	    day < a->recruited_on)
		return -1;
	i = goal_newest(a, day);
	*out = i == -1 ? AS_ACTIVE : a->history[i].status;
	return 0;
}

/* Check a recruitment date. */
const char *
core_check_recruited(long recruited_on, long today)
{
	if (recruited_on == DATE_NONE)
		return N_("Write the date they were recruited.");
	if (recruited_on > today)
		return N_("The recruitment date cannot be in the future.");
	return NULL;
}

/* Check the reason that goes with a new status. */
static const char *
goal_check_reason(const struct amb_change *c)
{
	if (c->status == AS_STOPPED) {
		if (c->reason != AR_MOVED_AWAY && c->reason != AR_NO_TIME &&
		    c->reason != AR_OTHER)
			return N_("Choose why they stopped: moved away, no time "
			    "or other.");
	} else if (c->reason != AR_NONE)
		return N_("Only a stop has a reason.");
	return NULL;
}

/* Check a new status change of an ambassador. */
const char *
core_check_amb_change(const struct amb_fact *a,
    const struct amb_change *c, long today)
{
	enum amb_status	 now = AS_ACTIVE;
	const char	*msg;
	long		 last = -1;

	if (c == NULL || c->date == DATE_NONE)
		return N_("Write the date of the change.");
	if ((size_t)c->status >= NAMBSTATUS)
		return N_("Choose a status: active, paused or stopped.");
	if (c->date > today)
		return N_("The date cannot be in the future.");
	if (a != NULL) {
		if (a->recruited_on != DATE_NONE && c->date < a->recruited_on)
			return N_("The change cannot be before they were "
			    "recruited.");
		if ((last = goal_newest(a, LONG_MAX)) != -1) {
			if (c->date < a->history[last].date)
				return N_("The change cannot be before their "
				    "last change.");
			now = a->history[last].status;
		}
	}
	if ((msg = goal_check_reason(c)) != NULL)
		return msg;
	/* On a day on or after every change, the newest change holds. */
	if (c->status == now)
		return N_("They already have that status.");
	return NULL;
}

/* 1 if the ambassador is active on day. */
static int
goal_active_on(const struct amb_fact *a, long day)
{
	enum amb_status	st;

	return core_amb_status_on(a, day, &st) == 0 && st == AS_ACTIVE;
}

/* Ambassadors recruited in lo..hi. */
static int
goal_recruited(const struct amb_fact *a, size_t n, long lo, long hi)
{
	size_t	i;
	int	count = 0;

	for (i = 0; i < n; i++) {
		if (a[i].recruited_on != DATE_NONE &&
		    a[i].recruited_on >= lo && a[i].recruited_on <= hi)
			count++;
	}
	return count;
}

/* Ambassadors active on day. */
static int
goal_active(const struct amb_fact *a, size_t n, long day)
{
	size_t	i;
	int	count = 0;

	for (i = 0; i < n; i++)
		count += goal_active_on(&a[i], day);
	return count;
}

/* Ambassadors with a change to stopped dated in lo..hi. */
static int
goal_stopped(const struct amb_fact *a, size_t n, long lo, long hi)
{
	const struct amb_change	*h;
	size_t			 i, j;
	int			 count = 0;

	for (i = 0; i < n; i++) {
		h = a[i].history;
		for (j = 0; h != NULL && j < a[i].nhistory; j++) {
			if (h[j].status == AS_STOPPED && h[j].date != DATE_NONE &&
			    h[j].date >= lo && h[j].date <= hi) {
				count++;
				break;
			}
		}
	}
	return count;
}

/* What should have been reached by day to reach target evenly. */
long
core_pace(long target, long from, long to, long day)
{
	long long	elapsed, days;

	if (day < from)
		return 0;
	if (day >= to)
		return target;
	elapsed = (long long)day - from + 1;
	days = (long long)to - from + 1;
	return (long)((long long)target * elapsed / days);
}

/* One year of the period, from..to, counted up to today. */
static void
goal_year(const struct amb_fact *a, size_t n, long pfrom, long today,
    struct goal_year *y)
{
	long	upto = y->to < today ? y->to : today;

	y->recruited = goal_recruited(a, n, y->from, upto);
	y->stopped = goal_stopped(a, n, y->from, upto);
	y->cumulative = goal_recruited(a, n, pfrom, upto);
	y->active_at_end = y->from > today ? -1 : goal_active(a, n, upto);
}

/* Work out the goal, its pace and the year rows from the ambassadors. */
void
core_goal(const struct amb_fact *a, size_t n, int goal, long from, long to,
    long today, struct goal_report *out)
{
	struct goal_year	*y;
	size_t			 i;
	long			 start;

	memset(out, 0, sizeof *out);
	out->goal = goal < 0 ? 0 : goal;
	out->from = from;
	out->to = to;
	if (a == NULL)
		n = 0;
	for (i = 0; i < n; i++) {
		if (!goal_active_on(&a[i], today))
			continue;
		out->active++;
		if (from == DATE_NONE || to == DATE_NONE ||
		    a[i].recruited_on < from || a[i].recruited_on > to)
			out->outside++;
	}
	/* Without a period there is nothing to count toward. */
	if (from == DATE_NONE || to == DATE_NONE || from > to)
		return;
	out->recruited = goal_recruited(a, n, from, to < today ? to : today);
	out->pace = (int)core_pace(out->goal, from, to, today);
	out->ahead = out->recruited - out->pace;

	/* A period longer than GOAL_YEARS years shows its first years only. */
	for (start = from; start <= to && out->nyears < GOAL_YEARS;) {
		y = &out->years[out->nyears++];
		y->from = start;
		y->to = util_date_years_after(from, (int)out->nyears) - 1;
		if (y->to > to)
			y->to = to;
		goal_year(a, n, from, today, y);
		start = y->to + 1;
	}
}
