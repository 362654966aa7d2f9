/*
 * core-visit.c — the rules of welcome visits: outcomes and checklist item
 * states, what a household's visits add up to, when it is overdue or due
 * a visit, and the checks of visit dates.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const outcome_names[] = {
	[VO_WELCOMED] = "welcomed",
	[VO_PARTLY] = "partly",
	[VO_NOT_HOME] = "not_home",
	[VO_DECLINED] = "declined",
};

static const char *const outcome_labels[] = {
	[VO_WELCOMED] = N_("welcomed"),
	[VO_PARTLY] = N_("partly"),
	[VO_NOT_HOME] = N_("not home"),
	[VO_DECLINED] = N_("declined"),
};

#define NOUTCOME	(sizeof outcome_names / sizeof outcome_names[0])

static const char *const item_names[] = {
	[IS_UNSET] = "unset",
	[IS_DONE] = "done",
	[IS_NOT_RELEVANT] = "not_relevant",
	[IS_LATER] = "later",
};

static const char *const item_labels[] = {
	[IS_UNSET] = N_("not yet"),
	[IS_DONE] = N_("done"),
	[IS_NOT_RELEVANT] = N_("not relevant"),
	[IS_LATER] = N_("later"),
};

#define NITEM	(sizeof item_names / sizeof item_names[0])

/* The stable name of an outcome, as written in tsv and the database. */
const char *
core_outcome_name(enum visit_outcome o)
{
	return (size_t)o < NOUTCOME ? outcome_names[o] : outcome_names[0];
}

/* The outcome a stable name names; -1 if none. */
int
core_outcome_parse(const char *s, enum visit_outcome *out)
{
	int	i;

	if ((i = core_name_index(outcome_names, NOUTCOME, s)) == -1)
		return -1;
	*out = (enum visit_outcome)i;
	return 0;
}

/* A word for the screen. */
const char *
core_outcome_label(enum visit_outcome o)
{
	return (size_t)o < NOUTCOME ? outcome_labels[o] : outcome_labels[0];
}

/* The stable name of a checklist item state, as stored. */
const char *
core_item_state_name(enum item_state st)
{
	return (size_t)st < NITEM ? item_names[st] : item_names[0];
}

/* The item state a stable name names; -1 if none. */
int
core_item_state_parse(const char *s, enum item_state *out)
{
	int	i;

	if ((i = core_name_index(item_names, NITEM, s)) == -1)
		return -1;
	*out = (enum item_state)i;
	return 0;
}

/* A word for the screen. */
const char *
core_item_state_label(enum item_state st)
{
	return (size_t)st < NITEM ? item_labels[st] : item_labels[0];
}

/* The outcome of a checklist filled in at the door. */
int
core_checklist_outcome(const enum item_state *items, size_t n,
    enum visit_outcome *out)
{
	size_t	i;
	int	later = 0;

	if (n == 0 || items == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (items[i] == IS_LATER)
			later = 1;
		else if (items[i] != IS_DONE && items[i] != IS_NOT_RELEVANT)
			return -1;
	}
	*out = later ? VO_PARTLY : VO_WELCOMED;
	return 0;
}

/* A visit with its place in the given order, so that sorting is stable. */
struct visit_sorted {
	const struct visit_fact	*v;
	size_t			 i;
};

/* Order visits by date, then as given. */
static int
visit_cmp(const void *a, const void *b)
{
	const struct visit_sorted	*x = a, *y = b;

	if (x->v->date != y->v->date)
		return x->v->date < y->v->date ? -1 : 1;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return 0;
}

/* 1 if visit v comes after the secretariat last dealt with it. */
static int
visit_after(const struct visit_fact *v, long handled_on)
{
	if (v->handled)
		return 0;
	return handled_on == DATE_NONE || v->date > handled_on;
}

/* The state the deciding visit gives. */
static enum household_status
visit_state(enum visit_outcome o)
{
	switch (o) {
	case VO_WELCOMED:
		return HS_WELCOMED;
	case VO_PARTLY:
		return HS_PARTLY;
	case VO_DECLINED:
		return HS_DECLINED;
	default:
		return HS_AWAITING;
	}
}

/* Add up a household's visits into its welcome state and flags. */
void
core_welcome_state(const struct visit_fact *v, size_t n, int max_attempts,
    long handled_on, struct welcome_state *out)
{
	struct visit_sorted	*s;
	size_t			 i, first;
	int			 recent = 0;

	memset(out, 0, sizeof *out);
	out->state = HS_AWAITING;
	out->next_date = DATE_NONE;
	out->last_visit = DATE_NONE;
	if (n == 0 || v == NULL)
		return;

	s = xreallocarray(NULL, n, sizeof *s);
	for (i = 0; i < n; i++) {
		s[i].v = &v[i];
		s[i].i = i;
	}
	qsort(s, n, sizeof *s, visit_cmp);

	/* The newest visit someone opened for decides; attempts follow it. */
	first = 0;
	for (i = n; i > 0; i--) {
		if (s[i - 1].v->outcome != VO_NOT_HOME) {
			out->state = visit_state(s[i - 1].v->outcome);
			first = i;
			break;
		}
	}
	for (i = first; i < n; i++) {
		if (s[i].v->outcome != VO_NOT_HOME)
			continue;
		out->attempts++;
		if (visit_after(s[i].v, handled_on))
			recent++;
	}
	for (i = 0; i < n; i++) {
		if (s[i].v->referral && visit_after(s[i].v, handled_on))
			out->flags |= FLAG_REFERRAL;
	}
	if (out->state == HS_DECLINED && s[first - 1].v->noted &&
	    visit_after(s[first - 1].v, handled_on))
		out->flags |= FLAG_DECLINED;

	/* A limit below one would flag a household never tried. */
	if (max_attempts < 1)
		max_attempts = 1;
	if ((out->state == HS_AWAITING || out->state == HS_PARTLY) &&
	    recent >= max_attempts)
		out->flags |= FLAG_ATTEMPTS;
	out->last_visit = s[n - 1].v->date;
	if (out->state == HS_AWAITING || out->state == HS_PARTLY)
		out->next_date = s[n - 1].v->next_date;
	free(s);
}

/* 1 if the household still awaits its welcome and lives there today. */
static int
visit_waiting(long moved_out, enum household_status state, long today)
{
	if (state != HS_AWAITING && state != HS_PARTLY)
		return 0;
	return moved_out == DATE_NONE || moved_out > today;
}

/* Days past the welcome deadline, or 0. */
long
core_overdue_days(long moved_in, long moved_out, enum household_status state,
    long today, int deadline)
{
	long	days;

	if (moved_in == DATE_NONE || today == DATE_NONE)
		return 0;
	if (!visit_waiting(moved_out, state, today))
		return 0;
	days = today - moved_in - deadline;
	return days > 0 ? days : 0;
}

/* 1 if the household belongs in a visit queue today. */
int
core_visit_due(long moved_in, long moved_out, enum household_status state,
    long next_date, long today)
{
	if (moved_in != DATE_NONE && moved_in > today)
		return 0;	/* registered ahead: not moved in yet */
	if (!visit_waiting(moved_out, state, today))
		return 0;
	return next_date == DATE_NONE || next_date <= today;
}

/* 1 if it is too late for a welcome right at move-in. */
int
core_visit_stale(long moved_in, long moved_out, enum household_status state,
    long today, int deadline, int stale_days)
{
	if (stale_days <= 0)
		return 0;
	return core_overdue_days(moved_in, moved_out, state, today,
	    deadline) > stale_days;
}

/* 1 if the secretariat should follow up a household not reached in time. */
int
core_not_reached(long moved_in, long moved_out, enum household_status state,
    long handled_on, long today, int deadline, int stale_days)
{
	if (!core_visit_stale(moved_in, moved_out, state, today, deadline,
	    stale_days))
		return 0;
	/* The first stale day is the one where the overdue days pass
	 * stale_days. */
	return handled_on == DATE_NONE ||
	    handled_on < moved_in + deadline + stale_days + 1;
}

/* Why a household needs the secretariat: a format taking the attempts. */
const char *
core_flags_reason(int flags)
{
	static const char *const reasons[FLAG_ALL + 1] = {
		[0] = "",
		[FLAG_ATTEMPTS] = N_("not home %d\xc3\x97"),
		[FLAG_REFERRAL] = N_("referral"),
		[FLAG_ATTEMPTS | FLAG_REFERRAL] =
		    N_("not home %d\xc3\x97, referral"),
		[FLAG_NOT_REACHED] = N_("not reached in time"),
		[FLAG_NOT_REACHED | FLAG_ATTEMPTS] =
		    N_("not reached in time, not home %d\xc3\x97"),
		[FLAG_NOT_REACHED | FLAG_REFERRAL] =
		    N_("not reached in time, referral"),
		[FLAG_NOT_REACHED | FLAG_ATTEMPTS | FLAG_REFERRAL] =
		    N_("not reached in time, not home %d\xc3\x97, referral"),
		/* A declined household awaits nothing: never with the
		 * attempts or not reached in time. */
		[FLAG_DECLINED] = N_("declined"),
		[FLAG_DECLINED | FLAG_REFERRAL] = N_("declined, referral"),
	};
	const char	*r = reasons[flags & FLAG_ALL];

	return r != NULL ? r : "";
}

/* The mask of the desk's reason i. */
int
core_reason_flag(int i)
{
	static const int flags[CORE_NREASONS] = {
		FLAG_ALL, FLAG_ATTEMPTS, FLAG_REFERRAL, FLAG_NOT_REACHED,
		FLAG_DECLINED
	};

	return flags[((i % CORE_NREASONS) + CORE_NREASONS) % CORE_NREASONS];
}

/* The words of the desk's reason i. */
const char *
core_reason_label(int i)
{
	static const char *const labels[CORE_NREASONS] = {
		N_("every reason"), N_("not home too often"),
		N_("passed on"), N_("not reached in time"),
		N_("declined, with a note")
	};

	return labels[((i % CORE_NREASONS) + CORE_NREASONS) % CORE_NREASONS];
}

/* The proposed retry date after a not-home visit. */
long
core_retry_date(long date, int retry_days)
{
	if (date == DATE_NONE)
		return DATE_NONE;
	if (retry_days < 0)
		retry_days = 0;
	return date + retry_days;
}

/* Check the date of a visit. */
const char *
core_check_visit_date(long date, long moved_in, long moved_out, long today)
{
	if (date == DATE_NONE)
		return N_("Write the date of the visit.");
	if (moved_in != DATE_NONE && date < moved_in)
		return N_("The visit cannot be before they moved in.");
	if (date > today)
		return N_("The visit cannot be on a day that has not come yet.");
	if (moved_out != DATE_NONE && date >= moved_out)
		return N_("They had moved out by then.");
	return NULL;
}

/* Check a retry or follow-up date. */
const char *
core_check_next_date(long next_date, long visit_date, long today)
{
	if (next_date == DATE_NONE)
		return N_("Write the date to come back.");
	if (next_date < today)
		return N_("The date to try again cannot be in the past.");
	if (visit_date != DATE_NONE && next_date < visit_date)
		return N_("The date to try again cannot be before the visit.");
	return NULL;
}
