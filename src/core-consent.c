/*
 * core-consent.c — consent per purpose: the stable names the database
 * and the command line keep, the words a screen shows, and what a
 * withdrawal removed, said as a list.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const purpose_names[NCONSENT_PURPOSE] = {
	"visit", "phone", "followup", "story"
};
static const char *const purpose_labels[NCONSENT_PURPOSE] = {
	N_("the welcome visit"), N_("contact by phone"),
	N_("follow-up by the secretariat"), N_("a success story")
};
static const char *const purpose_titles[NCONSENT_PURPOSE] = {
	N_("Welcome visit"), N_("Phone and languages"), N_("Follow-up"),
	N_("Success story")
};
static const char *const how_names[NCONSENT_HOW] = {
	"door", "paper", "phone"
};
static const char *const how_labels[NCONSENT_HOW] = {
	N_("at the door"), N_("on paper"), N_("by phone")
};

/* The stable name of a purpose. */
const char *
core_consent_purpose_name(enum consent_purpose p)
{
	return (size_t)p < NCONSENT_PURPOSE ? purpose_names[p] :
	    purpose_names[CP_VISIT];
}

/* The purpose a stable name names; -1 if none. */
int
core_consent_purpose_parse(const char *s, enum consent_purpose *out)
{
	int	i;

	if ((i = core_name_index(purpose_names, NCONSENT_PURPOSE, s)) == -1)
		return -1;
	*out = (enum consent_purpose)i;
	return 0;
}

/* Words for a sentence. */
const char *
core_consent_purpose_label(enum consent_purpose p)
{
	return (size_t)p < NCONSENT_PURPOSE ? purpose_labels[p] :
	    purpose_labels[CP_VISIT];
}

/* A short heading. */
const char *
core_consent_purpose_title(enum consent_purpose p)
{
	return (size_t)p < NCONSENT_PURPOSE ? purpose_titles[p] :
	    purpose_titles[CP_VISIT];
}

/* The stable name of how a consent was given. */
const char *
core_consent_how_name(enum consent_how h)
{
	return (size_t)h < NCONSENT_HOW ? how_names[h] : how_names[CH_DOOR];
}

/* How, by its stable name; -1 if none. */
int
core_consent_how_parse(const char *s, enum consent_how *out)
{
	int	i;

	if ((i = core_name_index(how_names, NCONSENT_HOW, s)) == -1)
		return -1;
	*out = (enum consent_how)i;
	return 0;
}

/* Words for the screen. */
const char *
core_consent_how_label(enum consent_how h)
{
	return (size_t)h < NCONSENT_HOW ? how_labels[h] : how_labels[CH_DOOR];
}

/* Append part to the list *s (", " between); takes part. */
static void
removed_add(char **s, char *part)
{
	char	*t;

	if (*s == NULL) {
		*s = part;
		return;
	}
	t = xasprintf("%s, %s", *s, part);
	free(*s);
	free(part);
	*s = t;
}

/* What r counts, as a translated list, or NULL for nothing. */
char *
core_consent_removed_text(const struct consent_removed *r)
{
	char	*s = NULL;

	if (r->phone)
		removed_add(&s, xstrdup(_("the phone number")));
	if (r->languages)
		removed_add(&s, xstrdup(_("the languages")));
	if (r->visit_notes > 0)
		removed_add(&s, xasprintf(P_("the note of %ld visit",
		    "the notes of %ld visits", r->visit_notes),
		    r->visit_notes));
	if (r->item_notes > 0)
		removed_add(&s, xasprintf(P_("%ld note on the checklist",
		    "%ld notes on the checklist", r->item_notes),
		    r->item_notes));
	if (r->followup_notes > 0)
		removed_add(&s, xasprintf(P_("the note of %ld follow-up",
		    "the notes of %ld follow-ups", r->followup_notes),
		    r->followup_notes));
	if (r->stories > 0)
		removed_add(&s, xasprintf(P_("the success-story mark of %ld "
		    "visit", "the success-story marks of %ld visits",
		    r->stories), r->stories));
	return s;
}

/* Check the day a consent was given. */
const char *
core_check_consent_date(long on, long today)
{
	if (on == DATE_NONE)
		return N_("Write the day the consent was given.");
	if (core_check_date_range(on) != NULL)
		return core_check_date_range(on);
	if (on > today)
		return N_("The day the consent was given cannot be after "
		    "today.");
	return NULL;
}
