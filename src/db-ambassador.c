/*
 * db-ambassador.c — ambassadors, the stairwells they cover, their status
 * changes, and the facts the recruitment goal is worked out from.
 *
 * As with households, the name is stored cleaned with its search and
 * Danish sort key, ambassador_word holds the keys of core_name_words()
 * for word-start search, and ambassador_language holds the code of each
 * language the ambassador speaks ("ar"), so that a household's language
 * finds its speakers by code.
 * The status on a day is the newest ambassador_status row on or before
 * it (by date, then position), or active when there is none: the SQL of
 * AMB_STATUS_ON says the same as core_amb_status_on().  Lists page by
 * keyset on (sort_key, id).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* The longest e-mail address we keep, in characters. */
#define AMB_EMAIL_MAX		120
/* An ambassador's departments narrow a list as ?20, ?21, ... */
#define AMB_WHO_PARAM		20

/* Ambassador a's status on the day ?13, in SQL. */
#define AMB_STATUS_ON	"coalesce((SELECT s.status FROM ambassador_status s " \
	"WHERE s.ambassador_id = a.id AND s.date <= ?13 " \
	"ORDER BY s.date DESC, s.position DESC LIMIT 1), 'active')"

static const char amb_notfound_msg[] = N_("The ambassador does not exist "
    "(they may have been deleted).");

/* An ambassador's fields as they are stored: cleaned, dates as ISO. */
struct amb_clean {
	char	*name;
	char	*phone;
	char	*email;
	char	*department;
	char	*stairwells[AMBASSADOR_MAX_STAIRWELLS];
	size_t	 nstairwells;
	char	*languages;		/* codes: "da,ar" */
	char	*languages_other;	/* free text not in the list */
	char	*recruited_by;
	char	*notes;
	char	 recruited_on[16];
	char	 trained_on[16];
	char	 consent_on[16];
	int	 consent;
};

/* Free what a cleaned ambassador owns. */
static void
amb_clean_free(struct amb_clean *c)
{
	size_t	 i;

	free(c->name);
	free(c->phone);
	free(c->email);
	free(c->department);
	for (i = 0; i < c->nstairwells; i++)
		free(c->stairwells[i]);
	free(c->languages);
	free(c->languages_other);
	free(c->recruited_by);
	free(c->notes);
	memset(c, 0, sizeof *c);
}

/*
 * Check an e-mail address: empty, or local@domain.tld with no white space
 * or control characters, one @, a dot in the domain with something on
 * both sides and no empty part, and at most AMB_EMAIL_MAX characters.
 * Deliberately loose: it catches typing mistakes, not every bad address.
 */
static const char *
amb_check_email(const char *s)
{
	const unsigned char	*p;
	const char		*at, *dot;
	size_t			 chars = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p <= ' ' || *p == 0x7f)
			return N_("An e-mail address has no spaces, like "
			    "navn@example.dk.");
		if ((*p & 0xC0) != 0x80)
			chars++;
	}
	if (chars == 0)
		return NULL;
	if (chars > AMB_EMAIL_MAX)
		return N_("The e-mail address is too long: at most 120 "
		    "characters.");
	at = strchr(s, '@');
	dot = at != NULL ? strrchr(at, '.') : NULL;
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    dot == NULL || dot == at + 1 || dot[1] == '\0' ||
	    strstr(at, "..") != NULL)
		return N_("Write the e-mail address like navn@example.dk.");
	return NULL;
}

/* A name that may be left empty (who recruited them). */
static const char *
amb_check_opt_name(const char *s)
{
	return *s == '\0' ? NULL : core_check_name(s);
}

/* Check and clean the stairwells: none empty, none twice. */
static const char *
amb_clean_stairwells(const struct ambassador *a, struct amb_clean *c)
{
	const char	*err;
	size_t		 i, j;

	if (a->nstairwells > AMBASSADOR_MAX_STAIRWELLS)
		return N_("An ambassador covers at most 32 stairwells.");
	for (i = 0; i < a->nstairwells; i++) {
		err = core_clean_field(a->stairwells[i], NULL,
		    &c->stairwells[c->nstairwells]);
		if (err != NULL)
			return err;
		if (c->stairwells[c->nstairwells] == NULL)
			return N_("A stairwell has no name.");
		for (j = 0; j < c->nstairwells; j++)
			if (strcmp(c->stairwells[j],
			    c->stairwells[c->nstairwells]) == 0) {
				c->nstairwells++;
				return N_("A stairwell is given twice.");
			}
		c->nstairwells++;
	}
	return NULL;
}

/* Check the recruitment and training dates against today. */
static const char *
amb_clean_dates(const struct ambassador *a, struct amb_clean *c)
{
	const char	*err;
	long		 today = util_today();

	if ((err = core_check_recruited(a->recruited_on, today)) != NULL)
		return err;
	if (a->recruited_on == DATE_NONE)
		return N_("The recruitment date is missing.");
	if ((err = core_check_date_range(a->recruited_on)) != NULL ||
	    (err = core_check_date_range(a->trained_on)) != NULL ||
	    (a->consent && (err = core_check_date_range(a->consent_on))))
		return err;
	if (a->trained_on != DATE_NONE && a->trained_on < a->recruited_on)
		return N_("The training date is before the recruitment date.");
	if (a->trained_on != DATE_NONE && a->trained_on > today)
		return N_("The training date cannot be in the future.");
	util_date_iso(a->recruited_on, c->recruited_on);
	util_date_iso(a->trained_on, c->trained_on);
	return NULL;
}

/*
 * Check a again with the rules of core and make the stored form in c;
 * NULL or what is wrong.  Without consent no contact details are kept.
 */
static const char *
amb_clean(const struct ambassador *a, struct amb_clean *c)
{
	const char	*err;

	memset(c, 0, sizeof *c);
	if ((err = core_clean_field(a->name != NULL ? a->name : "",
	    core_check_name, &c->name)) != NULL)
		return err;
	if (c->name == NULL)
		return core_check_name("");
	if ((err = amb_clean_dates(a, c)) != NULL ||
	    (err = core_clean_field(a->department, NULL,
	    &c->department)) != NULL)
		return err;
	if (c->department == NULL)
		return N_("The department is missing.");
	if ((err = amb_clean_stairwells(a, c)) != NULL ||
	    (err = core_clean_field(a->languages, core_check_lang_codes,
	    &c->languages)) != NULL ||
	    (err = core_clean_field(a->languages_other, core_check_languages,
	    &c->languages_other)) != NULL ||
	    (err = core_clean_field(a->recruited_by, amb_check_opt_name,
	    &c->recruited_by)) != NULL ||
	    (err = core_clean_field(a->notes, core_check_notes,
	    &c->notes)) != NULL)
		return err;
	c->consent = a->consent != 0;
	if (!c->consent)
		return NULL;
	if ((err = core_clean_field(a->phone, core_check_phone, &c->phone)) ||
	    (err = core_clean_field(a->email, amb_check_email, &c->email)))
		return err;
	/* Consent is given on some day: today unless the form said. */
	util_date_iso(a->consent_on != DATE_NONE ? a->consent_on :
	    util_today(), c->consent_on);
	return NULL;
}

/* Insert key for ambassador id with the statement sql (key, id). */
static enum db_status
amb_add_key(struct db *db, const char *sql, long id, const char *key)
{
	sqlite3_stmt	*st;

	if (key[0] == '\0')
		return DB_OK;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	return db_step_done(db, st);
}

/* Index the words of ambassador id's name. */
static enum db_status
amb_add_words(struct db *db, long id, const char *name)
{
	static const char sql[] = "INSERT OR IGNORE INTO ambassador_word "
	    "(key, ambassador_id) VALUES (?1, ?2)";
	enum db_status	 s = DB_OK;
	char		**words;
	size_t		 n, i;

	n = core_name_words(name, &words);
	for (i = 0; i < n && s == DB_OK; i++)
		s = amb_add_key(db, sql, id, words[i]);
	core_words_free(words, n);
	return s;
}

/* Index each language code of ambassador id ("da,ar"). */
static enum db_status
amb_add_languages(struct db *db, long id, const char *languages)
{
	static const char sql[] = "INSERT OR IGNORE INTO ambassador_language "
	    "(key, ambassador_id) VALUES (?1, ?2)";
	enum db_status	 s = DB_OK;
	char		*copy, *p, *code;

	if (languages == NULL)
		return DB_OK;
	copy = p = xstrdup(languages);
	while (s == DB_OK && (code = strsep(&p, ",")) != NULL)
		if (code[0] != '\0')
			s = amb_add_key(db, sql, id, code);
	free(copy);
	return s;
}

/* Drop ambassador id's stairwells and index rows (before a rewrite). */
static enum db_status
amb_drop_children(struct db *db, long id)
{
	static const char *const sql[] = {
		"DELETE FROM ambassador_stairwell WHERE ambassador_id = ?1",
		"DELETE FROM ambassador_word WHERE ambassador_id = ?1",
		"DELETE FROM ambassador_language WHERE ambassador_id = ?1",
	};
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	size_t		 i;

	for (i = 0; i < sizeof sql / sizeof sql[0] && s == DB_OK; i++) {
		if ((st = db_stmt(db, sql[i])) != NULL)
			sqlite3_bind_int64(st, 1, id);
		s = db_step_done(db, st);
	}
	return s;
}

/* Write ambassador id's stairwells, name words and languages. */
static enum db_status
amb_add_children(struct db *db, long id, const struct amb_clean *c)
{
	static const char sql[] = "INSERT INTO ambassador_stairwell "
	    "(ambassador_id, position, department, stairwell) "
	    "VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	size_t		 i;

	for (i = 0; i < c->nstairwells && s == DB_OK; i++) {
		if ((st = db_stmt(db, sql)) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, c->department, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c->stairwells[i], -1, SQLITE_STATIC);
		s = db_step_done(db, st);
	}
	if (s == DB_OK)
		s = amb_add_words(db, id, c->name);
	if (s == DB_OK)
		s = amb_add_languages(db, id, c->languages);
	return s;
}

/* Bind c's fields to ?1..?14 and who and now to ?15, ?16. */
static void
amb_bind(sqlite3_stmt *st, const struct amb_clean *c, const char *who,
    const char *now)
{
	char	*skey = core_search_key(c->name);
	char	*okey = core_sort_key(c->name);

	sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, skey, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, okey, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, c->phone);
	db_bind_text(st, 5, c->email);
	sqlite3_bind_int(st, 6, c->consent);
	db_bind_text(st, 7, c->consent ? c->consent_on : NULL);
	db_bind_text(st, 8, c->department);
	db_bind_text(st, 9, c->languages);
	db_bind_text(st, 10, c->recruited_on);
	db_bind_text(st, 11, c->recruited_by);
	db_bind_text(st, 12, c->trained_on);
	db_bind_text(st, 13, c->notes);
	db_bind_text(st, 14, c->languages_other);
	sqlite3_bind_text(st, 15, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, who, -1, SQLITE_TRANSIENT);
	free(skey);
	free(okey);
}

/* Why an update changed no row: the ambassador is gone, or someone else
 * changed them since they were read (the version moved on). */
static enum db_status
amb_not_updated(struct db *db, long id)
{
	static const char sql[] = "SELECT 1 FROM ambassador WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return db_fail(db, DB_CONFLICT, N_("Someone else changed this "
		    "ambassador while you were editing, so your changes were "
		    "not saved."));
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return db_fail(db, DB_NOTFOUND, "%s", _(amb_notfound_msg));
}

/* DB_INVALID if ambassador id has a status change before recruited. */
static enum db_status
amb_check_first_change(struct db *db, long id, const char *recruited)
{
	static const char sql[] = "SELECT 1 FROM ambassador_status "
	    "WHERE ambassador_id = ?1 AND date < ?2";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, recruited, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return db_fail(db, DB_INVALID, N_("The recruitment date is "
		    "after a change of the ambassador's status."));
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Write the checked c: add when *id is 0, else replace ambassador *id. */
static enum db_status
amb_write(struct db *db, const struct who *who, const struct amb_clean *c,
    long *id, long version)
{
	static const char ins[] = "INSERT INTO ambassador (name, search_key, "
	    "sort_key, phone, email, consent, consent_on, department, "
	    "languages, recruited_on, recruited_by, trained_on, notes, "
	    "created_at, created_by, updated_at, updated_by, languages_other) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?15, ?16, ?15, ?16, ?14)";
	static const char upd[] = "UPDATE ambassador SET name = ?1, "
	    "search_key = ?2, sort_key = ?3, phone = ?4, email = ?5, "
	    "consent = ?6, consent_on = ?7, department = ?8, languages = ?9, "
	    "languages_other = ?14, "
	    "recruited_on = ?10, recruited_by = ?11, trained_on = ?12, "
	    "notes = ?13, updated_at = ?15, updated_by = ?16, "
	    "version = version + 1 WHERE id = ?17 AND version = ?18";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 now[20];
	int		 add = *id == 0;

	if ((st = db_stmt(db, add ? ins : upd)) == NULL)
		return DB_ERROR;
	amb_bind(st, c, who->name, db_now(now));
	if (!add) {
		sqlite3_bind_int64(st, 17, *id);
		sqlite3_bind_int64(st, 18, version);
	}
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (add)
		*id = (long)sqlite3_last_insert_rowid(db->h);
	else if (sqlite3_changes(db->h) == 0)
		return amb_not_updated(db, *id);
	/* The caller rolls the update back if this refuses it. */
	else if ((s = amb_check_first_change(db, *id,
	    c->recruited_on)) != DB_OK ||
	    (s = amb_drop_children(db, *id)) != DB_OK)
		return s;
	if ((s = amb_add_children(db, *id, c)) != DB_OK)
		return s;
	return db_audit(db, who, add ? "ambassador added" :
	    "ambassador changed", "ambassador", *id, NULL);
}

/* Check a and write it in one transaction. */
static enum db_status
amb_save(struct db *db, const struct who *who, const struct ambassador *a,
    long *id)
{
	struct amb_clean c;
	const char	*err;
	enum db_status	 s;

	if ((s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((err = amb_clean(a, &c)) != NULL) {
		amb_clean_free(&c);
		return db_fail(db, DB_INVALID, "%s", _(err));
	}
	if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, amb_write(db, who, &c, id, a->version));
	amb_clean_free(&c);
	return s;
}

/* Add ambassador a and set a->id. */
enum db_status
db_ambassador_add(struct db *db, const struct who *who, struct ambassador *a)
{
	long		 id = 0;
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_AMBASSADORS_EDIT)) != DB_OK)
		return s;
	if ((s = amb_save(db, who, a, &id)) == DB_OK)
		a->id = id;
	return s;
}

/* Replace the fields of ambassador a->id (not the history). */
enum db_status
db_ambassador_update(struct db *db, const struct who *who,
    const struct ambassador *a)
{
	long		 id = a->id;
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_AMBASSADORS_EDIT)) != DB_OK)
		return s;
	if (id <= 0)
		return db_fail(db, DB_NOTFOUND, "%s", _(amb_notfound_msg));
	return amb_save(db, who, a, &id);
}

/* Column i as a status (active for anything unknown). */
static enum amb_status
amb_column_status(sqlite3_stmt *st, int i)
{
	enum amb_status	 as;

	if (core_amb_status_parse((const char *)sqlite3_column_text(st, i),
	    &as) == -1)
		return AS_ACTIVE;
	return as;
}

/* Read ambassador id's status changes, oldest first, into *h, *n. */
static enum db_status
amb_read_history(struct db *db, long id, struct amb_change **h, size_t *n)
{
	static const char sql[] = "SELECT date, status, reason FROM "
	    "ambassador_status WHERE ambassador_id = ?1 "
	    "ORDER BY date, position";
	sqlite3_stmt	*st;
	struct amb_change *c;
	int		 rc;

	*h = NULL;
	*n = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*h = xreallocarray(*h, *n + 1, sizeof **h);
		c = &(*h)[(*n)++];
		c->date = db_column_date(st, 0);
		c->status = amb_column_status(st, 1);
		if (core_amb_reason_parse((const char *)sqlite3_column_text(st,
		    2), &c->reason) == -1)
			c->reason = AR_NONE;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*h);
		*h = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Read ambassador id's recruitment date; DB_NOTFOUND if there is none. */
static enum db_status
amb_read_recruited(struct db *db, long id, long *recruited_on)
{
	static const char sql[] = "SELECT recruited_on FROM ambassador "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*recruited_on = db_column_date(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "%s", _(amb_notfound_msg));
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* Append change to ambassador id's history and raise its version. */
static enum db_status
amb_append_change(struct db *db, const struct who *who, long id,
    const struct amb_change *change)
{
	static const char ins[] = "INSERT INTO ambassador_status "
	    "(ambassador_id, position, date, status, reason, created_at, "
	    "created_by) VALUES (?1, (SELECT coalesce(max(position) + 1, 0) "
	    "FROM ambassador_status WHERE ambassador_id = ?1), ?2, ?3, ?4, "
	    "?5, ?6)";
	static const char upd[] = "UPDATE ambassador SET updated_at = ?1, "
	    "updated_by = ?2, version = version + 1 WHERE id = ?3";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 iso[16], now[20];

	if ((st = db_stmt(db, ins)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, util_date_iso(change->date, iso), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, core_amb_status_name(change->status), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 4, core_amb_reason_name(change->reason), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, who->name, -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if ((st = db_stmt(db, upd)) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, who->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, id);
	return db_step_done(db, st);
}

/* Check change against ambassador id's history, then record it. */
static enum db_status
amb_status_write(struct db *db, const struct who *who, long id,
    const struct amb_change *change)
{
	struct amb_change *hist;
	struct amb_fact	 fact;
	const char	*err;
	enum db_status	 s;
	size_t		 n;

	memset(&fact, 0, sizeof fact);
	if ((s = amb_read_recruited(db, id, &fact.recruited_on)) != DB_OK ||
	    (s = amb_read_history(db, id, &hist, &n)) != DB_OK)
		return s;
	fact.history = hist;
	fact.nhistory = n;
	if ((err = core_check_date_range(change->date)) != NULL ||
	    (err = core_check_amb_change(&fact, change, util_today())) != NULL)
		s = db_fail(db, DB_INVALID, "%s", _(err));
	else if ((s = amb_append_change(db, who, id, change)) == DB_OK)
		s = db_audit(db, who, "ambassador status", "ambassador", id,
		    core_amb_status_name(change->status));
	free(hist);
	return s;
}

/* Record a change of ambassador id's status. */
enum db_status
db_ambassador_status(struct db *db, const struct who *who, long id,
    const struct amb_change *change)
{
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_AMBASSADORS_EDIT)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if (change == NULL || change->status < AS_ACTIVE ||
	    change->status > AS_STOPPED || change->reason < AR_NONE ||
	    change->reason > AR_OTHER)
		return db_fail(db, DB_INVALID, N_("The status is not one "
		    "velkomst knows."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, amb_status_write(db, who, id, change));
}

/* Fill out from the ambassador row in st. */
static void
amb_get_row(sqlite3_stmt *st, long id, struct ambassador *out)
{
	out->id = id;
	out->name = db_column_text(st, 0, 0);
	out->phone = db_column_text(st, 1, 1);
	out->email = db_column_text(st, 2, 1);
	out->consent = sqlite3_column_int(st, 3);
	out->consent_on = db_column_date(st, 4);
	out->department = db_column_text(st, 5, 0);
	out->languages = db_column_text(st, 6, 1);
	out->recruited_on = db_column_date(st, 7);
	out->recruited_by = db_column_text(st, 8, 1);
	out->trained_on = db_column_date(st, 9);
	out->notes = db_column_text(st, 10, 1);
	out->version = (long)sqlite3_column_int64(st, 11);
	out->created_by = db_column_text(st, 12, 0);
	out->created_at = db_column_text(st, 13, 0);
	out->updated_by = db_column_text(st, 14, 0);
	out->updated_at = db_column_text(st, 15, 0);
	out->languages_other = db_column_text(st, 16, 1);
}

/* Read ambassador id's stairwells, in the order given, into out. */
static enum db_status
amb_get_stairwells(struct db *db, long id, struct ambassador *out)
{
	static const char sql[] = "SELECT stairwell FROM ambassador_stairwell "
	    "WHERE ambassador_id = ?1 ORDER BY position";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    out->nstairwells < AMBASSADOR_MAX_STAIRWELLS)
		out->stairwells[out->nstairwells++] = db_column_text(st, 0, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Read ambassador id's row into out. */
static enum db_status
amb_get_main(struct db *db, long id, struct ambassador *out)
{
	static const char sql[] = "SELECT name, phone, email, consent, "
	    "consent_on, department, languages, recruited_on, recruited_by, "
	    "trained_on, notes, version, created_by, created_at, updated_by, "
	    "updated_at, languages_other FROM ambassador WHERE id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		amb_get_row(st, id, out);
	else if (rc == SQLITE_DONE)
		s = db_fail(db, DB_NOTFOUND, "%s", _(amb_notfound_msg));
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_reset(st);
	return s;
}

/* Leave out the contact details and notes of an ambassador other than
 * who's own, unless who sees every department. */
static void
amb_hide_contact(const struct who *who, struct ambassador *a)
{
	if (core_may(who->role, ACCESS_ALL_DEPARTMENTS) ||
	    (who->ambassador != 0 && who->ambassador == a->id))
		return;
	free(a->phone);
	free(a->email);
	free(a->notes);
	a->phone = a->email = a->notes = NULL;
}

/* Read ambassador id, stairwells and history, into out. */
enum db_status
db_ambassador_get(struct db *db, const struct who *who, long id,
    struct ambassador *out)
{
	struct amb_fact	 fact;
	enum db_status	 s;
	int		 txn;

	memset(out, 0, sizeof *out);
	if ((s = db_may(db, who, ACCESS_AMBASSADORS)) != DB_OK)
		return s;
	/* One read transaction, so the parts belong together. */
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	s = amb_get_main(db, id, out);
	/* Another department's is as if it did not exist. */
	if (s == DB_OK && !db_who_sees(who, out->department))
		s = db_fail(db, DB_NOTFOUND, "%s", _(amb_notfound_msg));
	if (s == DB_OK)
		s = amb_get_stairwells(db, id, out);
	if (s == DB_OK)
		s = amb_read_history(db, id, &out->history, &out->nhistory);
	if (txn)
		db_exec(db, "COMMIT");
	if (s != DB_OK) {
		db_ambassador_clear(out);
		return s;
	}
	fact.recruited_on = out->recruited_on;
	fact.history = out->history;
	fact.nhistory = out->nhistory;
	/* Not recruited yet cannot happen: recruitment is never ahead. */
	if (core_amb_status_on(&fact, util_today(), &out->status) == -1)
		out->status = AS_ACTIVE;
	amb_hide_contact(who, out);
	return DB_OK;
}

/* Free what an ambassador's pointers own and zero it. */
void
db_ambassador_clear(struct ambassador *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	free(a->name);
	free(a->phone);
	free(a->email);
	free(a->department);
	for (i = 0; i < a->nstairwells && i < AMBASSADOR_MAX_STAIRWELLS; i++)
		free(a->stairwells[i]);
	free(a->languages);
	free(a->languages_other);
	free(a->recruited_by);
	free(a->notes);
	free(a->history);
	free(a->created_by);
	free(a->created_at);
	free(a->updated_by);
	free(a->updated_at);
	memset(a, 0, sizeof *a);
}

/* Free n rows of a list. */
void
db_ambassador_rows_free(struct ambassador_row *rows, size_t n)
{
	size_t	 i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++)
		db_ambassador_row_clear(&rows[i]);
	free(rows);
}

/* Free the strings of one row (not the row itself). */
void
db_ambassador_row_clear(struct ambassador_row *r)
{
	free(r->name);
	free(r->department);
	free(r->stairwells);
	free(r->languages);
	free(r->sort_key);
	memset(r, 0, sizeof *r);
}

/* A query of ambassadors: its language code, and its day. */
struct amb_filter {
	const struct ambassador_query *q;
	char		*lang;		/* ?15, or NULL */
	char		 today[16];	/* ?13 */
};

/* Work out q's language code and day. */
static void
amb_filter_open(struct amb_filter *f, const struct ambassador_query *q)
{
	memset(f, 0, sizeof *f);
	f->q = q;
	if (q->language != NULL && q->language[0] != '\0')
		f->lang = xstrdup(q->language);
	util_date_iso(q->today != DATE_NONE ? q->today : util_today(),
	    f->today);
}

/* Free a filter. */
static void
amb_filter_close(struct amb_filter *f)
{
	free(f->lang);
}

/* Append the ambassador's own conditions: the status ?14 on the day ?13
 * and the language code ?15. */
static size_t
amb_where(char *sql, size_t len, size_t o, const void *ctx)
{
	const struct amb_filter	*f = ctx;

	if (f->q->status != -1 && o < len)
		o += (size_t)snprintf(sql + o, len - o, " AND "
		    AMB_STATUS_ON " = ?14");
	if (f->lang != NULL && o < len)
		o += (size_t)snprintf(sql + o, len - o, " AND a.id IN (SELECT "
		    "ambassador_id FROM ambassador_language WHERE key = ?15)");
	return o;
}

/* Bind the day, status and language. */
static void
amb_bind_filter(sqlite3_stmt *st, const void *ctx)
{
	const struct amb_filter	*f = ctx;
	const char		*name;
	int			 status = f->q->status;

	sqlite3_bind_text(st, 13, f->today, -1, SQLITE_STATIC);
	if (status != -1) {
		/* A status velkomst does not know matches nothing. */
		name = status < AS_ACTIVE || status > AS_STOPPED ? "?" :
		    core_amb_status_name((enum amb_status)status);
		sqlite3_bind_text(st, 14, name, -1, SQLITE_STATIC);
	}
	if (f->lang != NULL)
		sqlite3_bind_text(st, 15, f->lang, -1, SQLITE_STATIC);
}

/* Fill row from the list statement's current row. */
static void
amb_list_row(sqlite3_stmt *st, void *p)
{
	struct ambassador_row	*row = p;

	row->id = (long)sqlite3_column_int64(st, 0);
	row->name = db_column_text(st, 1, 0);
	row->department = db_column_text(st, 2, 0);
	row->stairwells = db_column_text(st, 3, 0);
	row->languages = db_column_text(st, 4, 1);
	row->recruited_on = db_column_date(st, 5);
	row->status = amb_column_status(st, 6);
	row->sort_key = db_column_text(st, 7, 0);
}

/* Free what a row of the list owns. */
static void
amb_list_clear(void *row)
{
	db_ambassador_row_clear(row);
}

/* What a list of ambassadors is. */
static const struct db_list_kind amb_list_kind = {
	.from = "ambassador a",
	.columns = "a.id, a.name, a.department, (SELECT "
	    "group_concat(stairwell, ', ') FROM (SELECT w.stairwell FROM "
	    "ambassador_stairwell w WHERE w.ambassador_id = a.id ORDER BY "
	    "w.position)), a.languages, a.recruited_on, " AMB_STATUS_ON ", "
	    "a.sort_key",
	.id = "a.id",
	.department = "a.department",
	.words = "ambassador_word",
	.words_id = "ambassador_id",
	.who_param = AMB_WHO_PARAM,
	.access = ACCESS_AMBASSADORS,
	.row_size = sizeof (struct ambassador_row),
	.row = amb_list_row,
	.clear = amb_list_clear,
	.where = amb_where,
	.bind = amb_bind_filter,
};

/* How many ambassadors the query matches. */
enum db_status
db_ambassador_count(struct db *db, const struct who *who,
    const struct ambassador_query *q, long *count)
{
	struct amb_filter f;
	struct db_list	 l;
	enum db_status	 s;

	amb_filter_open(&f, q);
	db_list_init(&l, who, q->department, q->search, &f);
	s = db_list_count(db, &amb_list_kind, &l, count);
	amb_filter_close(&f);
	return s;
}

/* Fetch up to limit rows of q after the row `after`, by name. */
enum db_status
db_ambassador_list(struct db *db, const struct who *who,
    const struct ambassador_query *q, const struct ambassador_row *after,
    size_t limit, struct ambassador_row **rows, size_t *n)
{
	struct amb_filter f;
	struct db_list	 l;
	enum db_status	 s;
	void		*got;

	amb_filter_open(&f, q);
	db_list_init(&l, who, q->department, q->search, &f);
	l.key = "a.sort_key";
	l.up = !q->backward;
	if (after != NULL) {
		l.after_key = after->sort_key != NULL ? after->sort_key : "";
		l.after_id = after->id;
	}
	l.limit = limit;
	s = db_list_rows(db, &amb_list_kind, &l, &got, n);
	*rows = got;
	amb_filter_close(&f);
	return s;
}

/* Every ambassador of q, a page at a time (keyset paging). */
enum db_status
db_ambassador_each(struct db *db, const struct who *who,
    const struct ambassador_query *q,
    int (*fn)(void *, const struct ambassador_row *), void *ctx)
{
	struct ambassador_row	*rows, last = { 0 };	/* the cursor */
	enum db_status		 s;
	size_t			 n, i;
	int			 have = 0, stop = 0;

	do {
		if ((s = db_ambassador_list(db, who, q, have ? &last : NULL,
		    DB_EACH_PAGE, &rows, &n)) != DB_OK)
			break;
		for (i = 0; i < n && !stop; i++)
			stop = fn(ctx, &rows[i]) != 0;
		if (n > 0) {
			db_ambassador_row_clear(&last);
			last.id = rows[n - 1].id;
			last.sort_key = xstrdup(rows[n - 1].sort_key != NULL ?
			    rows[n - 1].sort_key : "");
			have = 1;
		}
		db_ambassador_rows_free(rows, n);
	} while (n == DB_EACH_PAGE && !stop);
	db_ambassador_row_clear(&last);
	return s;
}

/* Read every ambassador's id and recruitment date into *facts, *ids. */
static enum db_status
amb_facts_main(struct db *db, struct amb_fact **facts, long **ids, size_t *n)
{
	static const char sql[] = "SELECT id, recruited_on FROM ambassador "
	    "ORDER BY id";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*facts = xreallocarray(*facts, *n + 1, sizeof **facts);
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		memset(&(*facts)[*n], 0, sizeof **facts);
		(*ids)[*n] = (long)sqlite3_column_int64(st, 0);
		(*facts)[(*n)++].recruited_on = db_column_date(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Read every status change, by ambassador, into *changes, and point each
 * fact's history at its own (facts and ids are in id order). */
static enum db_status
amb_facts_changes(struct db *db, struct amb_fact *facts, const long *ids,
    size_t n, struct amb_change **changes)
{
	static const char sql[] = "SELECT ambassador_id, date, status, reason "
	    "FROM ambassador_status ORDER BY ambassador_id, date, position";
	sqlite3_stmt	*st;
	struct amb_change *c;
	size_t		 nc = 0, i = 0;
	long		 id;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(st, 0);
		while (i < n && ids[i] < id)
			i++;
		if (i == n || ids[i] != id)
			continue;	/* cannot happen: a foreign key */
		*changes = xreallocarray(*changes, nc + 1, sizeof **changes);
		c = &(*changes)[nc++];
		c->date = db_column_date(st, 1);
		c->status = amb_column_status(st, 2);
		if (core_amb_reason_parse((const char *)sqlite3_column_text(st,
		    3), &c->reason) == -1)
			c->reason = AR_NONE;
		facts[i].nhistory++;
	}
	sqlite3_reset(st);
	/* Only now is *changes where it stays: point into it. */
	for (i = 0, nc = 0; i < n; nc += facts[i++].nhistory)
		facts[i].history = facts[i].nhistory > 0 ? *changes + nc : NULL;
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Every ambassador's recruitment date and history, for the goal. */
enum db_status
db_ambassador_facts(struct db *db, const struct who *who,
    struct amb_fact **facts, size_t *n, struct amb_change **changes)
{
	enum db_status	 s;
	long		*ids = NULL;
	int		 txn;

	*facts = NULL;
	*n = 0;
	*changes = NULL;
	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	s = amb_facts_main(db, facts, &ids, n);
	if (s == DB_OK)
		s = amb_facts_changes(db, *facts, ids, *n, changes);
	if (txn)
		db_exec(db, "COMMIT");
	free(ids);
	if (s != DB_OK) {
		free(*facts);
		free(*changes);
		*facts = NULL;
		*changes = NULL;
		*n = 0;
	}
	return s;
}

/* One line of coverage, kept until the statement is done. */
struct amb_cover {
	char	*department;
	char	*stairwell;
	int	 active;
};

/* Call fn for each (department, stairwell) active ambassadors cover. */
enum db_status
db_coverage(struct db *db, const struct who *who, long today,
    void (*fn)(void *, const char *, const char *, int), void *ctx)
{
	static const char sql[] = "SELECT a.department, "
	    "coalesce(w.stairwell, ''), count(*) FROM ambassador a "
	    "LEFT JOIN ambassador_stairwell w ON w.ambassador_id = a.id "
	    "WHERE a.recruited_on <= ?13 AND " AMB_STATUS_ON " = 'active' "
	    "GROUP BY 1, 2 ORDER BY 1, 2";
	struct amb_cover *rows = NULL;
	sqlite3_stmt	*st;
	size_t		 n = 0, i;
	char		 iso[16];
	int		 rc;

	if (db_may(db, who, ACCESS_GOAL) != DB_OK)
		return DB_DENIED;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	util_date_iso(today != DATE_NONE ? today : util_today(), iso);
	sqlite3_bind_text(st, 13, iso, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xreallocarray(rows, n + 1, sizeof *rows);
		rows[n].department = db_column_text(st, 0, 0);
		rows[n].stairwell = db_column_text(st, 1, 0);
		rows[n++].active = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	/* fn may ask the database more (households per stairwell): call it
	 * only when this statement is done. */
	for (i = 0; i < n; i++) {
		if (rc == SQLITE_DONE)
			fn(ctx, rows[i].department, rows[i].stairwell,
			    rows[i].active);
		free(rows[i].department);
		free(rows[i].stairwell);
	}
	free(rows);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* One (ambassador, department, stairwell), kept until the statement is
 * done. */
struct amb_place {
	long	 id;
	char	*name;
	char	*department;
	char	*stairwell;
};

/* Call fn for every stairwell any ambassador names ("" for none). */
enum db_status
db_ambassador_stairwells(struct db *db, const struct who *who,
    void (*fn)(void *, long id, const char *name, const char *department,
    const char *stairwell), void *ctx)
{
	static const char sql[] = "SELECT a.id, a.name, a.department, "
	    "coalesce(w.stairwell, '') FROM ambassador a LEFT JOIN "
	    "ambassador_stairwell w ON w.ambassador_id = a.id "
	    "ORDER BY a.sort_key, a.id, w.position";
	struct amb_place *rows = NULL;
	sqlite3_stmt	*st;
	size_t		 n = 0, i;
	int		 rc;

	if (db_may(db, who, ACCESS_GOAL) != DB_OK)
		return DB_DENIED;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xreallocarray(rows, n + 1, sizeof *rows);
		rows[n].id = (long)sqlite3_column_int64(st, 0);
		rows[n].name = db_column_text(st, 1, 0);
		rows[n].department = db_column_text(st, 2, 0);
		rows[n++].stairwell = db_column_text(st, 3, 0);
	}
	sqlite3_reset(st);
	for (i = 0; i < n; i++) {
		if (rc == SQLITE_DONE)
			fn(ctx, rows[i].id, rows[i].name, rows[i].department,
			    rows[i].stairwell);
		free(rows[i].name);
		free(rows[i].department);
		free(rows[i].stairwell);
	}
	free(rows);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Rebuild one ambassador's keys, words and language keys. */
static enum db_status
amb_rekey_one(struct db *db, long id, const char *name, const char *langs)
{
	static const char sql[] = "UPDATE ambassador SET search_key = ?1, "
	    "sort_key = ?2 WHERE id = ?3";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		*skey, *okey;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	skey = core_search_key(name);
	okey = core_sort_key(name);
	sqlite3_bind_text(st, 1, skey, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, okey, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	s = db_step_done(db, st);
	free(skey);
	free(okey);
	if (s == DB_OK)
		s = amb_add_words(db, id, name);
	if (s == DB_OK)
		s = amb_add_languages(db, id, langs);
	return s;
}

/* Rebuild every ambassador's keys, one at a time in id order. */
enum db_status
db_ambassador_rekey(struct db *db)
{
	static const char sql[] = "SELECT id, name, languages FROM ambassador "
	    "WHERE id > ?1 ORDER BY id LIMIT 1";
	sqlite3_stmt	*st;
	enum db_status	 s;
	long		 id = 0;
	char		*name, *langs;
	int		 rc;

	if ((s = db_step_done(db, db_stmt(db, "DELETE FROM ambassador_word")))
	    != DB_OK || (s = db_step_done(db, db_stmt(db,
	    "DELETE FROM ambassador_language"))) != DB_OK)
		return s;
	while (s == DB_OK) {
		if ((st = db_stmt(db, sql)) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, id);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			sqlite3_reset(st);
			return rc == SQLITE_DONE ? DB_OK :
			    db_sqlite_fail(db, rc);
		}
		id = (long)sqlite3_column_int64(st, 0);
		name = db_column_text(st, 1, 0);
		langs = db_column_text(st, 2, 1);
		sqlite3_reset(st);
		s = amb_rekey_one(db, id, name, langs);
		free(name);
		free(langs);
	}
	return s;
}
