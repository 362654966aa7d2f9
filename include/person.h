/*
 * person.h — a resident's copy (the right of access): everything
 * velkomst holds about one household, gathered in one read snapshot
 * (db-person.c) and written as readable text in the user's language or
 * as JSON with stable English keys (export-person.c), by `velkomst
 * export person ID` (cli-export-person.c) and by a key on the
 * household screen.  Nothing about any other household goes in.
 */
#ifndef VELKOMST_PERSON_H
#define VELKOMST_PERSON_H

#include <stddef.h>
#include <stdio.h>

#include "db.h"

struct cli;
struct conf;

/* Everything held about one household. */
struct person {
	struct household	 h;		/* as db_household_get reads it */
	struct visit		*visits;	/* with their checklists and
						   story marks, oldest first */
	size_t			 nvisits;
	struct followup		*fus;		/* the secretariat's, with
						   notes, oldest first */
	size_t			 nfus;
	struct consent		*consents;	/* by purpose, live first */
	size_t			 nconsents;
	long			 erased_on;	/* DATE_NONE: not erased */
	char			*erased_by;
	char			*erased_why;	/* "request" or "purge" */
	struct audit_row	*audit;		/* the trail's rows about the
						   household, its visits and
						   follow-ups, oldest first */
	size_t			 naudit;
};

/*
 * Read everything about household id into *out (free with
 * db_person_clear): the household and its members, consents, visits
 * with their checklists, notes and story marks, follow-ups, whether it
 * was erased, and the audit rows that concern it (its own, its visits'
 * and its follow-ups'; those of an earlier household deleted under the
 * same number are left out).  One read transaction, or the caller's
 * snapshot (db_snapshot_begin) when one is open.  Who may ACCESS_EXPORT
 * (the secretariat and admins: DB_DENIED for an ambassador);
 * DB_NOTFOUND when there is no such household.  Reads only.
 */
enum db_status	 db_person_read(struct db *, const struct who *, long id,
		    struct person *out);
void		 db_person_clear(struct person *);

enum person_format {
	PERSON_TEXT,		/* headings and labels in the user's language
				   (gettext), dates 28.11.2026, times local */
	PERSON_JSON		/* stable English keys, ISO dates, times
				   UTC "2026-11-28T09:12:00Z", UTF-8 */
};

/*
 * Write p to f as format.  made_by is the login asking, today the day of
 * the copy; conf (may be NULL) names the departments.  0, or -1 when f
 * could not be written (errno).
 */
int		 export_person_write(FILE *f, enum person_format,
		    const struct person *p, const struct conf *conf,
		    const char *made_by, long today);
/* s as a JSON string, quotes included, every control character, '"'
 * and '\\' escaped, invalid UTF-8 as U+FFFD: a new string. */
char		*export_json_string(const char *s);

/*
 * The household screen's copy: read household id in one snapshot, write
 * it into two new files (0600, never over one that is there) in dir,
 * household-ID-DATE.txt and .json (-2, -3, ... before the ending when
 * taken), then record one audit row (kind "export", household id,
 * detail "person text+json").  *txt and *json get the files' paths
 * (free them).  0, or -1 with a sentence (translated) in err and no
 * file left behind.
 */
int		 export_person_files(struct db *, const struct who *,
		    const struct conf *, long id, const char *dir, char **txt,
		    char **json, char *err, size_t errlen);

/* `velkomst export person ID [--output FILE] [--format text|json]`
 * (argv[0] is "person"). */
int		 cli_export_person(const struct cli *, int argc, char **argv);

#endif
