/*
 * db-erase.c — erasing a household's personal data for real, on request
 * (`velkomst erase household`) or by the retention rules (`velkomst
 * purge`), and a stopped ambassador's contact data.
 *
 * An erased household keeps its row and what the reports count (its
 * department, stairwell, move-in and move-out, welcome state, its
 * visits' dates and outcomes, the items' states, the follow-ups' dates
 * and actions); its people, flat, contact data and notes go.  Every
 * connection deletes securely (PRAGMA secure_delete, set by db_open), so
 * the pages keep no old bytes; afterwards a TRUNCATE checkpoint moves the
 * pages out of the -wal and cuts it to nothing.
 *
 * An erased household has no members, so its sort_key is '' (as the
 * rekey gives a household without members); the indexes of the
 * retention rules (schema 16) hold only the households whose sort_key
 * is not '', so that the households still due are found without
 * reading the erased ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

#define PURGE_BATCH	1000	/* households erased per transaction: a
				   fraction of a second of the write lock */

/* Why an erased household can no longer be visited or changed (db.h). */
const char db_erased_msg[] = N_("This household's personal data was "
    "erased: it can no longer be visited or changed.");

/*
 * What household ?1's visits, their checklists, its follow-ups and its
 * success stories say of it, taken away (db-private.h): by an erasure,
 * and by a withdrawn consent to what they were kept for (db-consent.c).
 * A note the reports count (a declined visit's, an item passed to the
 * secretariat) becomes "-" instead of NULL, so that the reports count
 * the same after it.
 */
const char db_clear_visit_notes_sql[] = "UPDATE visit SET notes = CASE "
    "WHEN coalesce(notes, '') <> '' THEN '-' END WHERE household_id = ?1 "
    "AND notes IS NOT NULL";
const char db_clear_item_notes_sql[] = "UPDATE visit_item SET note = "
    "CASE WHEN referral = 1 AND coalesce(note, '') <> '' THEN '-' END "
    "WHERE visit_id IN (SELECT id FROM visit WHERE household_id = ?1) "
    "AND note IS NOT NULL";
const char db_clear_followup_notes_sql[] = "UPDATE followup SET note = "
    "NULL WHERE household_id = ?1 AND note IS NOT NULL";
const char db_clear_stories_sql[] = "DELETE FROM visit_story WHERE "
    "visit_id IN (SELECT id FROM visit WHERE household_id = ?1)";

/* The statements that erase household ?1, in order (?2: the time, ?3:
 * who, ?4: today). */
static const char *const erase_sql[] = {
	"DELETE FROM name_word WHERE household_id = ?1",
	"DELETE FROM member WHERE household_id = ?1",
	"UPDATE household SET flat = '', phone = NULL, languages = NULL, "
	    "languages_other = NULL, interpreter = 0, consent = 0, "
	    "consent_on = NULL, consent_by = NULL, notes = NULL, "
	    "sort_key = '', initials = 0, updated_at = ?2, updated_by = ?3, "
	    "version = version + 1 WHERE id = ?1",
	db_clear_visit_notes_sql,
	db_clear_item_notes_sql,
	db_clear_followup_notes_sql,
	db_clear_stories_sql,
	/* Its consents end with it: no purpose is left to consent to. */
	"UPDATE consent SET withdrawn_on = ?4, withdrawn_by = ?3 "
	    "WHERE household_id = ?1 AND withdrawn_on IS NULL",
	/* Nothing is left for the secretariat to do about it: dealt with
	 * today, every visit seen (the reports read neither). */
	"UPDATE household SET handled_on = max(coalesce(handled_on, ''), "
	    "?4), handled_visit = coalesce((SELECT max(id) FROM visit "
	    "WHERE household_id = ?1), 0), flags = 0, updated_by = ?3, "
	    "updated_at = ?2 WHERE id = ?1",
};

static const char *const erase_why_names[] = {
	[ERASE_REQUEST] = "request",
	[ERASE_PURGE] = "purge",
};

/* What erasing household ?1 takes away, and whether it is gone (a "-"
 * left of a note the reports count is no note). */
static const char erase_info_sql[] = "SELECT "
    "(SELECT count(*) FROM member WHERE household_id = h.id), "
    "h.phone IS NOT NULL, "
    "h.languages IS NOT NULL OR h.languages_other IS NOT NULL, "
    "coalesce(h.notes, '') <> '', "
    "(SELECT count(*) FROM visit WHERE household_id = h.id), "
    "(SELECT count(*) FROM visit v WHERE v.household_id = h.id AND "
    "(coalesce(v.notes, '') NOT IN ('', '-') OR EXISTS (SELECT 1 FROM "
    "visit_item i WHERE i.visit_id = v.id AND coalesce(i.note, '') NOT IN "
    "('', '-')))), "
    "(SELECT count(*) FROM followup WHERE household_id = h.id AND "
    "coalesce(note, '') <> ''), "
    "(SELECT count(*) FROM visit_story s JOIN visit v ON v.id = "
    "s.visit_id WHERE v.household_id = h.id), "
    "e.erased_on, e.why "
    "FROM household h LEFT JOIN household_erased e ON "
    "e.household_id = h.id WHERE h.id = ?1";

/* Fill out from erase_info_sql's row. */
static void
erase_info_row(sqlite3_stmt *st, struct erase_info *out)
{
	const char	*why;

	out->members = (long)sqlite3_column_int64(st, 0);
	out->phone = sqlite3_column_int(st, 1);
	out->languages = sqlite3_column_int(st, 2);
	out->notes = sqlite3_column_int(st, 3);
	out->visits = (long)sqlite3_column_int64(st, 4);
	out->visit_notes = (long)sqlite3_column_int64(st, 5);
	out->followup_notes = (long)sqlite3_column_int64(st, 6);
	out->stories = (long)sqlite3_column_int64(st, 7);
	out->erased_on = db_column_date(st, 8);
	why = (const char *)sqlite3_column_text(st, 9);
	out->why = why != NULL && strcmp(why, "purge") == 0 ? ERASE_PURGE :
	    ERASE_REQUEST;
}

/* Read what erasing household id takes (it is visible to who). */
static enum db_status
erase_read(struct db *db, long id, struct erase_info *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof *out);
	out->erased_on = DATE_NONE;
	if ((st = db_stmt(db, erase_info_sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		erase_info_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, N_("There is no household "
		    "number %ld."), id);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* What erasing household id would take away. */
enum db_status
db_erase_info(struct db *db, const struct who *who, long id,
    struct erase_info *out)
{
	enum db_status	 s;

	memset(out, 0, sizeof *out);
	out->erased_on = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_DELETE)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	return erase_read(db, id, out);
}

/* Run one statement of erase_sql for household id. */
static enum db_status
erase_step(struct db *db, const char *sql, long id, const char *now,
    const char *by)
{
	sqlite3_stmt	*st;
	char		 day[11];

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 3) {
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	}
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_text(st, 4, util_date_iso(util_today(), day), -1,
		    SQLITE_TRANSIENT);
	return db_step_done(db, st);
}

/* Whether household id was erased, into *erased. */
static enum db_status
erase_is(struct db *db, long id, int *erased)
{
	enum db_status	 s;
	long		 n = 0;

	s = db_count_by_id(db, "SELECT count(*) FROM household_erased "
	    "WHERE household_id = ?1", id, &n);
	*erased = n > 0;
	return s;
}

/* DB_INVALID, saying why, if household id was erased (db-private.h). */
enum db_status
db_refuse_erased(struct db *db, long id, const char *why)
{
	enum db_status	 s;
	int		 erased;

	if ((s = erase_is(db, id, &erased)) != DB_OK)
		return s;
	return erased ? db_fail(db, DB_INVALID, "%s", _(why)) : DB_OK;
}

/* Record that household id was erased today, and why. */
static enum db_status
erase_record(struct db *db, const struct who *who, long id,
    enum erase_why why, const char *detail)
{
	static const char sql[] = "INSERT INTO household_erased "
	    "(household_id, erased_on, erased_by, why) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 day[11];

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, util_date_iso(util_today(), day), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, erase_why_names[why], -1, SQLITE_STATIC);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	/* The trail names the household by its number and why, never a
	 * name. */
	return db_audit(db, who, "household erased", "household", id, detail);
}

/* Erase household id inside a write transaction; out gets what went. */
static enum db_status
erase_write(struct db *db, const struct who *who, long id,
    enum erase_why why, const char *detail, struct erase_info *out)
{
	enum db_status	 s;
	char		 now[20], day[11];
	size_t		 i;

	if ((s = db_household_visible(db, who, id)) != DB_OK ||
	    (s = erase_read(db, id, out)) != DB_OK)
		return s;
	if (out->erased_on != DATE_NONE)
		return db_fail(db, DB_INVALID, N_("Household %ld was erased "
		    "already, on %s."), id, util_date_dk(out->erased_on, day));
	db_now(now);
	for (i = 0; i < sizeof erase_sql / sizeof erase_sql[0]; i++)
		if ((s = erase_step(db, erase_sql[i], id, now, who->name)) !=
		    DB_OK)
			return s;
	return erase_record(db, who, id, why, detail);
}

/* Erase household id's personal data for real. */
enum db_status
db_erase_household(struct db *db, const struct who *who, long id,
    enum erase_why why, struct erase_info *out)
{
	struct erase_info	 info;
	enum db_status		 s;

	if (out == NULL)
		out = &info;
	memset(out, 0, sizeof *out);
	out->erased_on = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_DELETE)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	/* Every connection deletes securely (db_open); say so again here,
	 * where it matters most. */
	if (db_exec(db, "PRAGMA secure_delete = ON") != SQLITE_OK)
		return db_sqlite_fail(db, sqlite3_errcode(db->h));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	s = db_write_end(db, erase_write(db, who, id, why, why ==
	    ERASE_REQUEST ? "on request" : "by the retention rules", out));
	if (s != DB_OK || db->batch)
		return s;
	db_erase_flush(db);
	return DB_OK;
}

/* Empty the -wal into the database file and cut it to nothing. */
enum db_status
db_erase_flush(struct db *db)
{
	int	 rc, log = -1, done = -1;

	if (db->readonly)
		return DB_OK;
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL,
	    SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc == SQLITE_OK)
		return DB_OK;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return db_fail(db, DB_BUSY, N_("Another velkomst was reading "
		    "the database, so the old copies in its -wal file could "
		    "not be overwritten yet; they are at the next checkpoint. "
		    "Run the command again when nobody works in velkomst."));
	return db_sqlite_fail(db, rc);
}

/* When household id was erased, and why. */
enum db_status
db_household_erased(struct db *db, const struct who *who, long id, long *on,
    enum erase_why *why)
{
	static const char sql[] = "SELECT erased_on, why FROM "
	    "household_erased WHERE household_id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s;
	const char	*w;
	int		 rc;

	*on = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*on = db_column_date(st, 0);
		w = (const char *)sqlite3_column_text(st, 1);
		if (why != NULL)
			*why = w != NULL && strcmp(w, "purge") == 0 ?
			    ERASE_PURGE : ERASE_REQUEST;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/* ---- retention: velkomst purge ------------------------------------------ */

/*
 * The households not erased that each rule finds due: ?1, ?2, ?3 the
 * newest day the moved-out, welcomed and not-reached rules take (''
 * when a rule is off: no day is before it).  Disjoint: the second and
 * third leave out what the first finds.  Each walks an index of
 * schema 16 over its day.
 */
#define PURGE_NOT_MOVED	"(moved_out IS NULL OR moved_out > ?1)"
static const char *const purge_sql[] = {
	"SELECT id FROM household WHERE moved_out IS NOT NULL AND "
	    "sort_key <> '' AND moved_out <= ?1",
	"SELECT id FROM household WHERE state <> 'awaiting' AND "
	    "sort_key <> '' AND last_visit <= ?2 AND " PURGE_NOT_MOVED,
	"SELECT id FROM household WHERE state = 'awaiting' AND "
	    "sort_key <> '' AND moved_in <= ?3 AND " PURGE_NOT_MOVED,
};
static const char *const purge_count_sql[] = {
	"SELECT count(*) FROM (SELECT 1 FROM household WHERE moved_out IS "
	    "NOT NULL AND sort_key <> '' AND moved_out <= ?1 LIMIT ?4)",
	"SELECT count(*) FROM (SELECT 1 FROM household WHERE state <> "
	    "'awaiting' AND sort_key <> '' AND last_visit <= ?2 AND "
	    PURGE_NOT_MOVED " LIMIT ?4)",
	"SELECT count(*) FROM (SELECT 1 FROM household WHERE state = "
	    "'awaiting' AND sort_key <> '' AND moved_in <= ?3 AND "
	    PURGE_NOT_MOVED " LIMIT ?4)",
};

/* Bind the days of the rules to ?1 .. ?3 of st. */
static void
purge_bind(sqlite3_stmt *st, const struct retention *r, long today)
{
	const int	 days[3] = { r->after_moved_out_days,
			    r->after_welcome_days, r->not_reached_days };
	char		 day[11];
	long		 cut;
	int		 i;

	for (i = 0; i < 3; i++) {
		cut = core_retention_cut(today, days[i]);
		sqlite3_bind_text(st, i + 1, cut == DATE_NONE ? "" :
		    util_date_iso(cut, day), -1, SQLITE_TRANSIENT);
	}
}

/* How many households are due, up to cap. */
enum db_status
db_purge_count(struct db *db, const struct who *who,
    const struct retention *rules, long today, long cap, long *count)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	size_t		 i;
	int		 rc;

	*count = 0;
	if ((s = db_may(db, who, ACCESS_DELETE)) != DB_OK)
		return s;
	for (i = 0; i < 3 && *count < cap; i++) {
		if ((st = db_stmt(db, purge_count_sql[i])) == NULL)
			return DB_ERROR;
		purge_bind(st, rules, today);
		sqlite3_bind_int64(st, 4, cap - *count);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*count += (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* A growing list of ids. */
struct purge_ids {
	long	*id;
	size_t	 n, cap;
};

/* Append every id the candidates' statements give to ids. */
static enum db_status
purge_candidates(struct db *db, const struct retention *r, long today,
    struct purge_ids *ids)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < 3; i++) {
		if ((st = db_stmt(db, purge_sql[i])) == NULL)
			return DB_ERROR;
		purge_bind(st, r, today);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (ids->n == ids->cap) {
				ids->cap = ids->cap == 0 ? 256 : ids->cap * 2;
				ids->id = xreallocarray(ids->id, ids->cap,
				    sizeof ids->id[0]);
			}
			ids->id[ids->n++] = (long)sqlite3_column_int64(st, 0);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Why household id is due on today (RETAIN_KEEP: not, or erased). */
static enum db_status
purge_reason(struct db *db, const struct retention *r, long id, long today,
    enum retention_reason *why)
{
	static const char sql[] = "SELECT moved_in, moved_out, last_visit, "
	    "state, sort_key <> '' FROM household WHERE id = ?1";
	struct retention_fact	 f;
	enum household_status	 hs;
	sqlite3_stmt		*st;
	int			 rc;

	*why = RETAIN_KEEP;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_int(st, 4)) {
		f.moved_in = db_column_date(st, 0);
		f.moved_out = db_column_date(st, 1);
		f.last_visit = db_column_date(st, 2);
		if (core_status_parse((const char *)sqlite3_column_text(st, 3),
		    &hs) == -1 || hs == HS_MOVED_OUT)
			hs = HS_AWAITING;
		f.state = hs;
		*why = core_retention_due(r, &f, today, NULL);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/* What purge is doing: the rules, who, the calls, the counts. */
struct purge_run {
	const struct retention	*rules;
	const struct who	*who;
	long			 today;
	int			 dry_run;
	void			(*fn)(void *, long, enum retention_reason);
	void			(*amb)(void *, long, long);
	void			*ctx;
	struct purge_result	*out;
};

/* Household id if it is due: erase it (inside a transaction, unless a
 * dry run) and count it. */
static enum db_status
purge_one(struct db *db, struct purge_run *p, long id)
{
	struct erase_info	 info;
	enum retention_reason	 why;
	enum db_status		 s;
	char			 detail[64];
	int			 erased;

	if ((s = purge_reason(db, p->rules, id, p->today, &why)) != DB_OK ||
	    why == RETAIN_KEEP)
		return s;
	/* One erased already (and given a name again by hand) is skipped,
	 * never a reason to stop every purge after it. */
	if ((s = erase_is(db, id, &erased)) != DB_OK || erased)
		return s;
	snprintf(detail, sizeof detail, "by the retention rules: %s",
	    core_retention_name(why));
	if (!p->dry_run && (s = erase_write(db, p->who, id, ERASE_PURGE,
	    detail, &info)) != DB_OK)
		return s;
	p->out->households[why]++;
	if (p->fn != NULL)
		p->fn(p->ctx, id, why);
	return DB_OK;
}

/* Go through ids a batch (one transaction) at a time. */
static enum db_status
purge_households(struct db *db, struct purge_run *p,
    const struct purge_ids *ids)
{
	enum db_status	 s = DB_OK;
	size_t		 i, end;

	for (i = 0; i < ids->n && s == DB_OK; i = end) {
		end = i + PURGE_BATCH < ids->n ? i + PURGE_BATCH : ids->n;
		if (!p->dry_run && (s = db_write_begin(db)) != DB_OK)
			return s;
		for (; i < end && s == DB_OK; i++)
			s = purge_one(db, p, ids->id[i]);
		if (!p->dry_run)
			s = db_write_end(db, s);
	}
	return s;
}

/* Ambassador id's history into ch (at most max changes): how many. */
static enum db_status
purge_history(struct db *db, long id, struct amb_change *ch, size_t max,
    size_t *n)
{
	static const char sql[] = "SELECT date, status FROM ambassador_status "
	    "WHERE ambassador_id = ?1 ORDER BY position";
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		ch[*n].date = db_column_date(st, 0);
		ch[*n].reason = AR_NONE;
		if (core_amb_status_parse((const char *)sqlite3_column_text(st,
		    1), &ch[*n].status) == 0)
			(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/* The statements that erase ambassador ?1's contact data (?2 the time,
 * ?3 who); its name, department, recruitment and history stay. */
static const char *const purge_amb_sql[] = {
	"DELETE FROM ambassador_language WHERE ambassador_id = ?1",
	"UPDATE ambassador SET phone = NULL, email = NULL, consent = 0, "
	    "consent_on = NULL, languages = NULL, languages_other = NULL, "
	    "notes = NULL, updated_at = ?2, updated_by = ?3, "
	    "version = version + 1 WHERE id = ?1",
};

/* Erase ambassador id's contact data, with its audit row. */
static enum db_status
purge_amb_write(struct db *db, const struct who *who, long id)
{
	enum db_status	 s;
	char		 now[20];
	size_t		 i;

	db_now(now);
	for (i = 0; i < sizeof purge_amb_sql / sizeof purge_amb_sql[0]; i++)
		if ((s = erase_step(db, purge_amb_sql[i], id, now,
		    who->name)) != DB_OK)
			return s;
	return db_audit(db, who, "ambassador contact erased", "ambassador",
	    id, "by the retention rules");
}

/* Ambassador id, recruited on recruited: erase its contact data if it
 * stopped long enough ago. */
static enum db_status
purge_amb_one(struct db *db, struct purge_run *p, long id, long recruited)
{
	struct amb_change	 ch[64];
	struct amb_fact		 f;
	enum db_status		 s;
	long			 stopped;
	size_t			 n;

	if ((s = purge_history(db, id, ch, 64, &n)) != DB_OK)
		return s;
	f.recruited_on = recruited;
	f.history = ch;
	f.nhistory = n;
	if (!core_retention_amb_due(p->rules, &f, p->today, &stopped))
		return DB_OK;
	if (!p->dry_run) {
		if ((s = db_write_begin(db)) != DB_OK ||
		    (s = db_write_end(db, purge_amb_write(db, p->who, id))) !=
		    DB_OK)
			return s;
	}
	p->out->ambassadors++;
	if (p->amb != NULL)
		p->amb(p->ctx, id, stopped);
	return DB_OK;
}

/* Every ambassador that still has contact data: ids and recruitment
 * days (a programme has tens). */
static enum db_status
purge_amb_list(struct db *db, struct purge_ids *ids, struct purge_ids *days)
{
	static const char sql[] = "SELECT id, recruited_on FROM ambassador "
	    "WHERE phone IS NOT NULL OR email IS NOT NULL OR notes IS NOT "
	    "NULL OR languages IS NOT NULL OR languages_other IS NOT NULL OR "
	    "consent = 1 ORDER BY id";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (ids->n == ids->cap) {
			ids->cap = days->cap = ids->cap == 0 ? 64 : ids->cap * 2;
			ids->id = xreallocarray(ids->id, ids->cap, sizeof (long));
			days->id = xreallocarray(days->id, days->cap,
			    sizeof (long));
		}
		ids->id[ids->n++] = (long)sqlite3_column_int64(st, 0);
		days->id[days->n++] = db_column_date(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* The stopped ambassadors' contact data. */
static enum db_status
purge_ambassadors(struct db *db, struct purge_run *p)
{
	struct purge_ids	 ids = { 0 }, days = { 0 };
	enum db_status		 s;
	size_t			 i;

	s = purge_amb_list(db, &ids, &days);
	for (i = 0; i < ids.n && s == DB_OK; i++)
		s = purge_amb_one(db, p, ids.id[i], days.id[i]);
	free(ids.id);
	free(days.id);
	return s;
}

/* Anonymise what is due, or with dry_run say what would be. */
enum db_status
db_purge(struct db *db, const struct who *who, const struct retention *rules,
    long today, int dry_run, void (*fn)(void *, long, enum retention_reason),
    void (*amb)(void *, long, long), void *ctx, struct purge_result *out)
{
	struct purge_run	 p = { rules, who, today, dry_run, fn, amb, ctx,
				    out };
	struct purge_ids	 ids = { 0 };
	enum db_status		 s;

	memset(out, 0, sizeof *out);
	if ((s = db_may(db, who, ACCESS_DELETE)) != DB_OK ||
	    (!dry_run && (s = db_check_who(db, who)) != DB_OK))
		return s;
	if (!dry_run && db_exec(db, "PRAGMA secure_delete = ON") != SQLITE_OK)
		return db_sqlite_fail(db, sqlite3_errcode(db->h));
	if ((s = purge_candidates(db, rules, today, &ids)) == DB_OK)
		s = purge_households(db, &p, &ids);
	free(ids.id);
	if (s == DB_OK)
		s = purge_ambassadors(db, &p);
	if (s != DB_OK || dry_run)
		return s;
	out->flushed = db_erase_flush(db) == DB_OK;
	return DB_OK;
}
