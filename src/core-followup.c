/*
 * core-followup.c — what the secretariat did when it followed a
 * household up, and how a follow-up may close the case: the stable names
 * the database and tsv keep, and the words a screen shows.
 */
#include <stddef.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const action_names[NFOLLOWUP_ACTION] = {
	"letter", "phone", "visit", "estate_office", "other"
};
static const char *const action_labels[NFOLLOWUP_ACTION] = {
	N_("letter sent"), N_("phone call"), N_("visited by the secretariat"),
	N_("passed to the estate office"), N_("other")
};
static const char *const close_names[NFOLLOWUP_CLOSE] = {
	"", "reached", "unreachable", "moved_out"
};
static const char *const close_labels[NFOLLOWUP_CLOSE] = {
	N_("no, the case stays open"), N_("reached"), N_("not to be reached"),
	N_("moved out")
};

/* The stable name of a follow-up's action. */
const char *
core_followup_action_name(enum followup_action a)
{
	return (size_t)a < NFOLLOWUP_ACTION ? action_names[a] :
	    action_names[FA_OTHER];
}

/* The action a stable name names; -1 if none. */
int
core_followup_action_parse(const char *s, enum followup_action *out)
{
	int	i;

	if ((i = core_name_index(action_names, NFOLLOWUP_ACTION, s)) == -1)
		return -1;
	*out = (enum followup_action)i;
	return 0;
}

/* Words for the screen. */
const char *
core_followup_action_label(enum followup_action a)
{
	return (size_t)a < NFOLLOWUP_ACTION ? action_labels[a] :
	    action_labels[FA_OTHER];
}

/* The stable name of how a follow-up closes the case ("" if not). */
const char *
core_followup_close_name(enum followup_close c)
{
	return (size_t)c < NFOLLOWUP_CLOSE ? close_names[c] : close_names[0];
}

/* How the case was closed, by its stable name; -1 if none. */
int
core_followup_close_parse(const char *s, enum followup_close *out)
{
	int	i;

	if ((i = core_name_index(close_names, NFOLLOWUP_CLOSE, s)) == -1)
		return -1;
	*out = (enum followup_close)i;
	return 0;
}

/* Words for the screen. */
const char *
core_followup_close_label(enum followup_close c)
{
	return (size_t)c < NFOLLOWUP_CLOSE ? close_labels[c] : close_labels[0];
}

/* Check the date of a follow-up. */
const char *
core_check_followup_date(long date, long moved_in, long today)
{
	if (date == DATE_NONE)
		return N_("Write the date of the follow-up.");
	if (date > today)
		return N_("The follow-up cannot be on a day that has not come "
		    "yet.");
	if (moved_in != DATE_NONE && date < moved_in)
		return N_("The follow-up cannot be before they moved in.");
	return NULL;
}
