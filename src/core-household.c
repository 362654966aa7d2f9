/*
 * core-household.c — the status of a household and the rules for its
 * moving dates.
 */
#include <stddef.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

/* How far ahead a move-in may be registered, in days. */
#define HOUSEHOLD_AHEAD	366

/* Status from the facts. */
enum household_status
core_household_status(long moved_out, int welcomed, long today)
{
	if (moved_out != DATE_NONE && moved_out <= today)
		return HS_MOVED_OUT;
	if (welcomed)
		return HS_WELCOMED;
	return HS_AWAITING;
}

/* The stable name of a status, as written in tsv. */
const char *
core_status_name(enum household_status st)
{
	switch (st) {
	case HS_AWAITING:
		return "awaiting";
	case HS_WELCOMED:
		return "welcomed";
	case HS_MOVED_OUT:
		return "moved_out";
	}
	return "awaiting";
}

/* A word for the screen. */
const char *
core_status_label(enum household_status st)
{
	switch (st) {
	case HS_AWAITING:
		return N_("awaiting");
	case HS_WELCOMED:
		return N_("welcomed");
	case HS_MOVED_OUT:
		return N_("moved out");
	}
	return N_("awaiting");
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
