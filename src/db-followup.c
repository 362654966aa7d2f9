/*
 * db-followup.c — what the secretariat did for a household on its desk:
 * a letter, a call, a visit, the estate office, or something else, with a
 * note, who and when; and whether that closed the case.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

#define FU_COLUMNS	"f.id, f.household_id, f.date, f.login, f.action, " \
	"f.closes, f.note, h.department"

/* Free what a follow-up owns. */
void
db_followup_clear(struct followup *f)
{
	free(f->login);
	free(f->note);
	free(f->department);
	memset(f, 0, sizeof *f);
}

/* Free n follow-ups and their array. */
void
db_followups_free(struct followup *f, size_t n)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < n; i++)
		db_followup_clear(&f[i]);
	free(f);
}

/* Fill f from a row of FU_COLUMNS. */
static void
fu_row(sqlite3_stmt *st, struct followup *f)
{
	memset(f, 0, sizeof *f);
	f->id = (long)sqlite3_column_int64(st, 0);
	f->household = (long)sqlite3_column_int64(st, 1);
	f->date = db_column_date(st, 2);
	f->login = db_column_text(st, 3, 0);
	if (core_followup_action_parse((const char *)sqlite3_column_text(st,
	    4), &f->action) == -1)
		f->action = FA_OTHER;
	if (core_followup_close_parse((const char *)sqlite3_column_text(st,
	    5), &f->closes) == -1)
		f->closes = FC_NONE;
	f->note = db_column_text(st, 6, 1);
	f->department = db_column_text(st, 7, 0);
}

/* The move-in and the day household id was last dealt with. */
static enum db_status
fu_household(struct db *db, long id, long *moved_in, long *handled_on)
{
	static const char sql[] = "SELECT moved_in, handled_on FROM household "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	*moved_in = *handled_on = DATE_NONE;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*moved_in = db_column_date(st, 0);
		*handled_on = db_column_date(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Insert f with its cleaned note; sets f->id. */
static enum db_status
fu_insert(struct db *db, const struct who *who, struct followup *f,
    const char *note)
{
	static const char sql[] = "INSERT INTO followup (household_id, date, "
	    "login, action, note, closes, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 iso[16], now[20];

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, f->household);
	sqlite3_bind_text(st, 2, util_date_iso(f->date, iso), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, core_followup_action_name(f->action), -1,
	    SQLITE_STATIC);
	db_bind_text(st, 5, note);
	sqlite3_bind_text(st, 6, core_followup_close_name(f->closes), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 7, db_now(now), -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) == DB_OK)
		f->id = (long)sqlite3_last_insert_rowid(db->h);
	return s;
}

/* A note may be kept unless the household has withdrawn its consent
 * to follow-up (and not given it again), or was erased. */
static enum db_status
fu_may_note(struct db *db, long id)
{
	enum db_status	 s;
	int		 live, withdrawn;

	if ((s = db_consent_live(db, id, CP_FOLLOWUP, &live, &withdrawn)) !=
	    DB_OK)
		return s;
	if (withdrawn)
		return db_fail(db, DB_INVALID, N_("The household has "
		    "withdrawn its consent to follow-up by the secretariat, "
		    "so no note can be kept. Save without the note, or record "
		    "their consent again first."));
	return db_refuse_erased(db, id, N_("This household's personal data "
	    "was erased, so no note can be kept. Save the follow-up without "
	    "the note."));
}

/* The follow-up, the household dealt with, and the audit row. */
static enum db_status
fu_write(struct db *db, const struct who *who, struct followup *f,
    const char *note, int max_attempts)
{
	enum db_status	 s;
	const char	*err;
	long		 moved_in, handled;
	char		 detail[32];

	if ((s = db_household_visible(db, who, f->household)) != DB_OK ||
	    (s = fu_household(db, f->household, &moved_in, &handled)) !=
	    DB_OK)
		return s;
	if ((err = core_check_followup_date(f->date, moved_in,
	    util_today())) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	if (note != NULL && (s = fu_may_note(db, f->household)) != DB_OK)
		return s;
	if ((s = fu_insert(db, who, f, note)) != DB_OK)
		return s;
	/* A follow-up dated back never brings back what a later one (or a
	 * later "followed up") dealt with. */
	if (handled == DATE_NONE || handled < f->date)
		handled = f->date;
	if ((s = db_household_mark(db, who, f->household, handled,
	    max_attempts)) != DB_OK)
		return s;
	/* The trail names the household by its number, never the note. */
	snprintf(detail, sizeof detail, "household %ld", f->household);
	return db_audit(db, who, "followup added", "followup", f->id, detail);
}

/* Record a follow-up and deal with the household, in one transaction. */
enum db_status
db_followup_add(struct db *db, const struct who *who, struct followup *f,
    int max_attempts)
{
	enum db_status	 s;
	const char	*err;
	char		*note;

	if ((s = db_may(db, who, ACCESS_HANDLED)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((size_t)f->action >= NFOLLOWUP_ACTION ||
	    (size_t)f->closes >= NFOLLOWUP_CLOSE)
		return db_fail(db, DB_INVALID, N_("Pick what was done."));
	if (f->date == DATE_NONE || core_check_date_range(f->date) != NULL)
		return db_fail(db, DB_INVALID, "%s",
		    _(core_check_followup_date(DATE_NONE, DATE_NONE, 0)));
	if ((err = core_clean_field(f->note, core_check_notes, &note)) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, fu_write(db, who, f, note, max_attempts));
	free(note);
	return s;
}

/* Household id's follow-ups, newest first. */
enum db_status
db_followup_list(struct db *db, const struct who *who, long id,
    size_t limit, struct followup **out, size_t *n)
{
	static const char sql[] = "SELECT " FU_COLUMNS " FROM followup f "
	    "JOIN household h ON h.id = f.household_id WHERE "
	    "f.household_id = ?1 ORDER BY f.date DESC, f.id DESC LIMIT ?2";
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	*out = xreallocarray(NULL, limit > 0 ? limit : 1, sizeof **out);
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		fu_row(st, &(*out)[*n]);
		/* The secretariat's notes are its own: an ambassador sees
		 * what was done, by whom and when. */
		if (!core_may(who->role, ACCESS_HANDLED)) {
			free((*out)[*n].note);
			(*out)[*n].note = NULL;
		}
		(*n)++;
	}
	if (*n == limit)
		rc = SQLITE_DONE;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_followups_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Every follow-up of q, oldest first. */
enum db_status
db_followup_each(struct db *db, const struct who *who,
    const struct followup_query *q,
    void (*fn)(void *, const struct followup *), void *ctx)
{
	static const char sql[] = "SELECT " FU_COLUMNS " FROM followup f "
	    "JOIN household h ON h.id = f.household_id WHERE "
	    "(?1 IS NULL OR f.date >= ?1) AND (?2 IS NULL OR h.department = ?2) "
	    "ORDER BY f.date, f.id";
	struct followup	 f;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 iso[16];
	int		 rc;

	if ((s = db_may(db, who, ACCESS_HANDLED)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	db_bind_text(st, 1, util_date_iso(q->since, iso));
	db_bind_text(st, 2, q->department);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fu_row(st, &f);
		fn(ctx, &f);
		db_followup_clear(&f);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Whether the newest follow-up of household r.household_id (r: new or
 * old in a trigger of followup) closed its case: 1 or 0. */
#define FU_CASE_CLOSED(r)						\
	"coalesce((SELECT f.closes <> '' FROM followup f\n"		\
	"	    WHERE f.household_id = " r ".household_id\n"		\
	"	    ORDER BY f.date DESC, f.id DESC LIMIT 1), 0)"

/*
 * Schema 18 -> 19 (db-open.c): household.case_closed, 1 when the newest
 * follow-up (by day, then as entered) closed the case, kept by the
 * follow-ups' triggers; and the flagged indexes hold the open cases
 * only, so that the count of the cases for the secretariat reads those
 * index entries and nothing else.  On a first screen (nothing cached
 * yet) an ambassador's looked up the newest follow-up of each: 41 ms at
 * 1,000,000 households (db-household.c, hh_count_flagged).
 */
enum db_status
db_followup_case_migrate(struct db *db)
{
	static const char sql[] =
	    "UPDATE household SET case_closed = 0 WHERE case_closed <> 0;\n"
	    "UPDATE household SET case_closed = 1 WHERE id IN (SELECT\n"
	    "    household_id FROM followup f WHERE closes <> '' AND NOT\n"
	    "    EXISTS (SELECT 1 FROM followup g WHERE g.household_id =\n"
	    "    f.household_id AND (g.date > f.date OR (g.date = f.date AND\n"
	    "    g.id > f.id))));\n"
	    "CREATE TRIGGER IF NOT EXISTS followup_case_add\n"
	    "    AFTER INSERT ON followup BEGIN\n"
	    "	UPDATE household SET case_closed = " FU_CASE_CLOSED("new")
	    "\n	    WHERE id = new.household_id;\n"
	    "END;\n"
	    "CREATE TRIGGER IF NOT EXISTS followup_case_remove\n"
	    "    AFTER DELETE ON followup BEGIN\n"
	    "	UPDATE household SET case_closed = " FU_CASE_CLOSED("old")
	    "\n	    WHERE id = old.household_id;\n"
	    "END;\n"
	    "CREATE TRIGGER IF NOT EXISTS followup_case_change\n"
	    "    AFTER UPDATE OF household_id, date, closes ON followup BEGIN\n"
	    "	UPDATE household SET case_closed = " FU_CASE_CLOSED("old")
	    "\n	    WHERE id = old.household_id;\n"
	    "	UPDATE household SET case_closed = " FU_CASE_CLOSED("new")
	    "\n	    WHERE id = new.household_id;\n"
	    "END;\n"
	    "DROP INDEX IF EXISTS household_flagged;\n"
	    "DROP INDEX IF EXISTS household_dept_flagged;\n"
	    "CREATE INDEX household_flagged ON household\n"
	    "    (moved_in, id, moved_out) WHERE flags <> 0 AND case_closed = 0;\n"
	    "CREATE INDEX household_dept_flagged ON household\n"
	    "    (department, moved_in, id, moved_out)\n"
	    "    WHERE flags <> 0 AND case_closed = 0;\n";

	return db_migrate_column(db, "household", "case_closed",
	    "INTEGER NOT NULL DEFAULT 0 CHECK (case_closed IN (0, 1))", sql);
}
