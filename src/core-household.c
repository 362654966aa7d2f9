/*
 * core-household.c — the status of a household and the rules for its
 * moving dates.
 */
#include <stddef.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

/* How far ahead a move-in may be registered, in days. */
#define HOUSEHOLD_AHEAD	366

/* Status from the facts: moving out overrides the welcome state. */
enum household_status
core_household_status(long moved_out, enum household_status state,
    long today)
{
	if (moved_out != DATE_NONE && moved_out <= today)
		return HS_MOVED_OUT;
	return state;
}

static const char *const status_names[] = {
	[HS_AWAITING] = "awaiting",
	[HS_PARTLY] = "partly",
	[HS_WELCOMED] = "welcomed",
	[HS_DECLINED] = "declined",
	[HS_MOVED_OUT] = "moved_out",
};

static const char *const status_labels[] = {
	[HS_AWAITING] = NC_("household status", "awaiting"),
	[HS_PARTLY] = NC_("household status", "partly"),
	[HS_WELCOMED] = NC_("household status", "welcomed"),
	[HS_DECLINED] = NC_("household status", "declined"),
	[HS_MOVED_OUT] = NC_("household status", "moved out"),
};

#define NSTATUS	(sizeof status_names / sizeof status_names[0])

/* The stable name of a status, as written in tsv and the database. */
const char *
core_status_name(enum household_status st)
{
	return (size_t)st < NSTATUS ? status_names[st] : status_names[0];
}

/* The index of s in names[0..n), or -1 (also for NULL). */
int
core_name_index(const char *const *names, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* The status a stable name names; -1 if none. */
int
core_status_parse(const char *s, enum household_status *out)
{
	int	i;

	if ((i = core_name_index(status_names, NSTATUS, s)) == -1)
		return -1;
	*out = (enum household_status)i;
	return 0;
}

/* A word for the screen. */
const char *
core_status_label(enum household_status st)
{
	return (size_t)st < NSTATUS ? status_labels[st] : status_labels[0];
}

/* Check the moving dates of a household. */
const char *
core_check_move_dates(long moved_in, long moved_out, long today)
{
	if (moved_in == DATE_NONE)
		return N_("Write the date they moved in.");
	if (moved_in > today + HOUSEHOLD_AHEAD)
		return N_("The moving-in date is more than a year from "
		    "today. Check the year.");
	if (moved_out != DATE_NONE && moved_out < moved_in)
		return N_("The moving-out date is before the moving-in "
		    "date.");
	return NULL;
}
