/*
 * core-audit.c — the audit trail's kinds of record in words: one table
 * for the trail's screen, `velkomst audit` and the resident's copy.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

/* The kinds of record: the stable name, the word, the word and id. */
static const struct {
	const char	*name;
	const char	*word;
	const char	*with_id;
} audit_tables[] = {
	{ "household", N_("household"), N_("household %ld") },
	{ "visit", N_("visit"), N_("visit %ld") },
	{ "ambassador", N_("ambassador"), N_("ambassador %ld") },
	{ "account", N_("account"), N_("account %ld") },
	{ "followup", N_("follow-up"), N_("follow-up %ld") },
	{ "consent", N_("consent"), N_("consent %ld") },
};
#define NAUDIT_TABLES	(sizeof audit_tables / sizeof audit_tables[0])

/* "household 12" for a record, "household" for a table (record 0), in
 * the user's language; "" for none.  A new string. */
char *
core_audit_record(const char *table, long record)
{
	size_t	i;

	if (table == NULL)
		return xstrdup("");
	for (i = 0; i < NAUDIT_TABLES; i++)
		if (strcmp(table, audit_tables[i].name) == 0)
			return record > 0 ? xasprintf(
			    _(audit_tables[i].with_id), record) :
			    xstrdup(_(audit_tables[i].word));
	return record > 0 ? xasprintf("%s %ld", table, record) :
	    xstrdup(table);
}

/* The table a typed word names (stable or translated), or NULL. */
const char *
core_audit_table_named(const char *word)
{
	size_t	i;

	for (i = 0; i < NAUDIT_TABLES; i++)
		if (strcasecmp(word, audit_tables[i].name) == 0 ||
		    strcasecmp(word, _(audit_tables[i].word)) == 0)
			return audit_tables[i].name;
	return NULL;
}
