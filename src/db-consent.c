/*
 * db-consent.c — consent per purpose: a household's consent to the
 * welcome visit, to contact by phone, to follow-up by the secretariat
 * and to a success story; giving one, and withdrawing one, which removes
 * at once the data it covered.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* Free what a consent owns. */
void
db_consent_clear(struct consent *c)
{
	free(c->given_by);
	free(c->withdrawn_by);
	memset(c, 0, sizeof *c);
}

/* Free n consents and their array. */
void
db_consents_free(struct consent *c, size_t n)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < n; i++)
		db_consent_clear(&c[i]);
	free(c);
}

/* Fill c from a row of the list's columns. */
static void
co_row(sqlite3_stmt *st, struct consent *c)
{
	memset(c, 0, sizeof *c);
	c->id = (long)sqlite3_column_int64(st, 0);
	c->household = (long)sqlite3_column_int64(st, 1);
	if (core_consent_purpose_parse((const char *)sqlite3_column_text(st,
	    2), &c->purpose) == -1)
		c->purpose = CP_VISIT;
	c->given_on = db_column_date(st, 3);
	c->given_by = db_column_text(st, 4, 0);
	if (core_consent_how_parse((const char *)sqlite3_column_text(st, 5),
	    &c->how) == -1)
		c->how = CH_DOOR;
	c->withdrawn_on = db_column_date(st, 6);
	c->withdrawn_by = db_column_text(st, 7, 1);
}

/* Household id's consents, by purpose, live first, then newest. */
enum db_status
db_consent_list(struct db *db, const struct who *who, long id,
    struct consent **out, size_t *n)
{
	static const char sql[] = "SELECT id, household_id, purpose, "
	    "given_on, given_by, how, withdrawn_on, withdrawn_by FROM consent "
	    "WHERE household_id = ?1 ORDER BY CASE purpose WHEN 'visit' "
	    "THEN 0 WHEN 'phone' THEN 1 WHEN 'followup' THEN 2 ELSE 3 END, "
	    "withdrawn_on IS NOT NULL, id DESC";
	sqlite3_stmt	*st;
	enum db_status	 s;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		co_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_consents_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Whether household id's consent to p is live, or withdrawn. */
enum db_status
db_consent_live(struct db *db, long id, enum consent_purpose p, int *live,
    int *withdrawn)
{
	static const char sql[] = "SELECT count(*) FILTER (WHERE "
	    "withdrawn_on IS NULL), count(*) FROM consent "
	    "WHERE household_id = ?1 AND purpose = ?2";
	sqlite3_stmt	*st;
	int		 rc, all = 0;

	*live = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, core_consent_purpose_name(p), -1,
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*live = sqlite3_column_int(st, 0) > 0;
		all = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (withdrawn != NULL)
		*withdrawn = !*live && all > 0;
	if (rc != SQLITE_ROW)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Every purpose: live, and withdrawn with none live. */
enum db_status
db_consent_state(struct db *db, const struct who *who, long id,
    int live[NCONSENT_PURPOSE], int withdrawn[NCONSENT_PURPOSE])
{
	enum db_status	 s;
	size_t		 p;

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	for (p = 0; p < NCONSENT_PURPOSE; p++)
		if ((s = db_consent_live(db, id, (enum consent_purpose)p,
		    &live[p], withdrawn != NULL ? &withdrawn[p] : NULL)) !=
		    DB_OK)
			return s;
	return DB_OK;
}

/* The audit row of a consent given or withdrawn: the purpose, never a
 * name. */
static enum db_status
co_audit(struct db *db, const struct who *who, const char *kind, long cid,
    long id, enum consent_purpose p)
{
	char	detail[64];

	snprintf(detail, sizeof detail, "household %ld: %s", id,
	    core_consent_purpose_name(p));
	return db_audit(db, who, kind, "consent", cid, detail);
}

/* Insert a live row and its audit row (who NULL: none). */
static enum db_status
co_insert(struct db *db, const struct who *who, long id,
    enum consent_purpose p, enum consent_how how, const char *on,
    const char *by)
{
	static const char sql[] = "INSERT INTO consent (household_id, "
	    "purpose, given_on, given_by, how, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 now[20], iso[16];

	/* A household ticked without a day (an older form, an import) gave
	 * it today. */
	if (on == NULL || on[0] == '\0')
		on = util_date_iso(util_today(), iso);
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, core_consent_purpose_name(p), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, core_consent_how_name(how), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 6, db_now(now), -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) != DB_OK || who == NULL)
		return s;
	return co_audit(db, who, "consent given",
	    (long)sqlite3_last_insert_rowid(db->h), id, p);
}

/* Give p unless it is live; inside a write transaction. */
enum db_status
db_consent_ensure(struct db *db, const struct who *who, long id,
    enum consent_purpose p, enum consent_how how, const char *on,
    const char *by)
{
	enum db_status	 s;
	int		 live;

	if ((s = db_consent_live(db, id, p, &live, NULL)) != DB_OK || live)
		return s;
	return co_insert(db, who, id, p, how, on, by);
}

/* Mark the live row of p withdrawn today by who, with its audit row;
 * *found 0 when there was none. */
static enum db_status
co_mark_withdrawn(struct db *db, const struct who *who, long id,
    enum consent_purpose p, int *found)
{
	static const char sql[] = "UPDATE consent SET withdrawn_on = ?3, "
	    "withdrawn_by = ?4 WHERE household_id = ?1 AND purpose = ?2 AND "
	    "withdrawn_on IS NULL RETURNING id";
	sqlite3_stmt	*st;
	char		 iso[16];
	long		 cid = 0;
	int		 rc;

	*found = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, core_consent_purpose_name(p), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, util_date_iso(util_today(), iso), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, who->name, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cid = (long)sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	if (cid == 0)
		return DB_OK;
	*found = 1;
	return co_audit(db, who, "consent withdrawn", cid, id, p);
}

/* The live phone row follows the form's consent; inside a transaction. */
enum db_status
db_consent_phone_follow(struct db *db, const struct who *who, long id,
    int consent, const char *on, const char *by)
{
	static const char upd[] = "UPDATE consent SET given_on = ?3, "
	    "given_by = ?4 WHERE household_id = ?1 AND purpose = ?2 AND "
	    "withdrawn_on IS NULL";
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 live, found;

	if (!consent)
		return co_mark_withdrawn(db, who, id, CP_PHONE, &found);
	if ((s = db_consent_live(db, id, CP_PHONE, &live, NULL)) != DB_OK)
		return s;
	if (!live)
		return co_insert(db, who, id, CP_PHONE, CH_DOOR, on, by);
	if (on == NULL || on[0] == '\0')
		return DB_OK;
	if ((st = db_stmt(db, upd)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, "phone", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, by, -1, SQLITE_TRANSIENT);
	return db_step_done(db, st);
}

/* household.consent and its day and login, for CP_PHONE. */
static enum db_status
co_household_phone(struct db *db, const struct who *who, long id,
    const char *on)
{
	static const char give[] = "UPDATE household SET consent = 1, "
	    "consent_on = ?2, consent_by = ?3, updated_at = ?4, "
	    "updated_by = ?3, version = version + 1 WHERE id = ?1";
	static const char clear[] = "UPDATE household SET phone = NULL, "
	    "languages = NULL, languages_other = NULL, consent = 0, "
	    "consent_on = NULL, consent_by = NULL, updated_at = ?4, "
	    "updated_by = ?3, version = version + 1 WHERE id = ?1";
	sqlite3_stmt	*st;
	char		 now[20];

	if ((st = db_stmt(db, on != NULL ? give : clear)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (on != NULL)
		sqlite3_bind_text(st, 2, on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, db_now(now), -1, SQLITE_TRANSIENT);
	return db_step_done(db, st);
}

/* Give p; inside a write transaction. */
static enum db_status
co_give(struct db *db, const struct who *who, long id,
    enum consent_purpose p, enum consent_how how, const char *on)
{
	enum db_status	 s;
	int		 live;

	if ((s = db_household_visible(db, who, id)) != DB_OK ||
	    (s = db_refuse_erased(db, id, db_erased_msg)) !=
	    DB_OK || (s = db_consent_live(db, id, p, &live, NULL)) != DB_OK)
		return s;
	if (live)
		return db_fail(db, DB_INVALID, _("Consent to %s is already "
		    "given. To record it again, withdraw it first."),
		    _(core_consent_purpose_label(p)));
	if ((s = co_insert(db, who, id, p, how, on, who->name)) != DB_OK)
		return s;
	return p == CP_PHONE ? co_household_phone(db, who, id, on) : DB_OK;
}

/* Record household id's consent to p. */
enum db_status
db_consent_give(struct db *db, const struct who *who, long id,
    enum consent_purpose p, enum consent_how how, long on)
{
	enum db_status	 s;
	const char	*err;
	char		 iso[16];

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((size_t)p >= NCONSENT_PURPOSE || (size_t)how >= NCONSENT_HOW)
		return db_fail(db, DB_INVALID, N_("Pick a purpose and how the "
		    "consent was given."));
	if (on == DATE_NONE)
		on = util_today();
	if ((err = core_check_consent_date(on, util_today())) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	util_date_iso(on, iso);
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, co_give(db, who, id, p, how, iso));
}

/* What household id holds that a purpose covers, all purposes counted;
 * then only p's kept. */
static enum db_status
co_count(struct db *db, long id, enum consent_purpose p,
    struct consent_removed *out)
{
	static const char sql[] = "SELECT h.phone IS NOT NULL, "
	    "(h.languages IS NOT NULL OR h.languages_other IS NOT NULL), "
	    "(SELECT count(*) FROM visit v WHERE v.household_id = h.id AND "
	    "coalesce(v.notes, '') NOT IN ('', '-')), "
	    "(SELECT count(*) FROM visit_item i JOIN visit v ON "
	    "v.id = i.visit_id WHERE v.household_id = h.id AND "
	    "coalesce(i.note, '') NOT IN ('', '-')), "
	    "(SELECT count(*) FROM followup f WHERE f.household_id = h.id "
	    "AND f.note IS NOT NULL), "
	    "(SELECT count(*) FROM visit_story s JOIN visit v ON "
	    "v.id = s.visit_id WHERE v.household_id = h.id) "
	    "FROM household h WHERE h.id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof *out);
	out->purpose = p;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->phone = p == CP_PHONE && sqlite3_column_int(st, 0);
		out->languages = p == CP_PHONE && sqlite3_column_int(st, 1);
		out->visit_notes = p == CP_VISIT ?
		    (long)sqlite3_column_int64(st, 2) : 0;
		out->item_notes = p == CP_VISIT ?
		    (long)sqlite3_column_int64(st, 3) : 0;
		out->followup_notes = p == CP_FOLLOWUP ?
		    (long)sqlite3_column_int64(st, 4) : 0;
		out->stories = p == CP_STORY ?
		    (long)sqlite3_column_int64(st, 5) : 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* What withdrawing p would remove now. */
enum db_status
db_consent_covered(struct db *db, const struct who *who, long id,
    enum consent_purpose p, struct consent_removed *out)
{
	enum db_status	 s;

	memset(out, 0, sizeof *out);
	out->purpose = p;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	if ((size_t)p >= NCONSENT_PURPOSE)
		return db_fail(db, DB_INVALID, N_("Pick a purpose."));
	return co_count(db, id, p, out);
}

/* Remove what p covers of household id (but CP_PHONE's). */
static enum db_status
co_remove(struct db *db, long id, enum consent_purpose p)
{
	/* As an erasure takes them (db-erase.c): a note the reports count
	 * stays as "-". */
	static const char *const sql[][2] = {
		[CP_VISIT] = { db_clear_visit_notes_sql,
		    db_clear_item_notes_sql },
		[CP_FOLLOWUP] = { db_clear_followup_notes_sql, NULL },
		[CP_STORY] = { db_clear_stories_sql, NULL },
	};
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	size_t		 i;

	for (i = 0; i < 2 && s == DB_OK && sql[p][i] != NULL; i++) {
		if ((st = db_stmt(db, sql[p][i])) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, id);
		s = db_step_done(db, st);
	}
	return s;
}

/* Withdraw p and remove what it covered; inside a write transaction. */
static enum db_status
co_withdraw(struct db *db, const struct who *who, long id,
    enum consent_purpose p, struct consent_removed *out)
{
	enum db_status	 s;
	int		 found;

	if ((s = db_household_visible(db, who, id)) != DB_OK ||
	    (s = co_count(db, id, p, out)) != DB_OK ||
	    (s = co_mark_withdrawn(db, who, id, p, &found)) != DB_OK)
		return s;
	if (!found)
		return db_fail(db, DB_INVALID, _("There is no consent to %s "
		    "to withdraw."), _(core_consent_purpose_label(p)));
	if (p == CP_PHONE)
		return co_household_phone(db, who, id, NULL);
	return co_remove(db, id, p);
}

/* Withdraw household id's consent to p and remove what it covered. */
enum db_status
db_consent_withdraw(struct db *db, const struct who *who, long id,
    enum consent_purpose p, struct consent_removed *out)
{
	enum db_status	 s;

	memset(out, 0, sizeof *out);
	out->purpose = p;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((size_t)p >= NCONSENT_PURPOSE)
		return db_fail(db, DB_INVALID, N_("Pick a purpose."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	if ((s = db_write_end(db, co_withdraw(db, who, id, p, out))) != DB_OK)
		memset(out, 0, sizeof *out);
	out->purpose = p;
	return s;
}
