/*
 * db-household.c — households, their members and the name index.
 *
 * Each member's name is stored as typed (cleaned, NFC) with its search
 * key and Danish sort key; name_word holds one row per key of
 * core_name_words(), so a search is a set of range queries
 * (key >= word AND key < core_prefix_next(word)) on its primary key.
 * Lists page by keyset (the last row shown is the cursor), never OFFSET.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* A list narrowed to several stairwells (an ambassador's queue) binds
 * them as ?20, ?21, ...; more than HH_STAIRWELLS are not looked at. */
#define HH_STAIRWELLS		32
#define HH_STAIRWELL_PARAM	20
/* An ambassador's departments narrow a list as ?60, ?61, ... */
#define HH_WHO_PARAM		60

static const char hh_notfound_msg[] = N_("The household does not exist "
    "(it may have been deleted).");

/* A household's fields as they are stored: cleaned, dates as ISO text. */
struct hh_clean {
	char	*department;
	char	*stairwell;
	char	*flat;
	char	*names[HOUSEHOLD_MAX_MEMBERS];
	size_t	 nnames;
	char	*phone;
	char	*languages;		/* codes: "ar,so" */
	char	*languages_other;	/* free text not in the list */
	char	*consent_by;
	char	*notes;
	char	 moved_in[16];
	char	 moved_out[16];
	char	 consent_on[16];
	int	 interpreter;
	int	 consent;
};

/* Free what a cleaned household owns. */
static void
hh_clean_free(struct hh_clean *c)
{
	size_t	 i;

	free(c->department);
	free(c->stairwell);
	free(c->flat);
	for (i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->phone);
	free(c->languages);
	free(c->languages_other);
	free(c->consent_by);
	free(c->notes);
	memset(c, 0, sizeof *c);
}

/* Check and clean the members' names. */
static const char *
hh_clean_names(const struct household *h, struct hh_clean *c)
{
	const char	*err;
	size_t		 i;

	if (h->nmembers < 1)
		return N_("A household needs at least one member.");
	if (h->nmembers > HOUSEHOLD_MAX_MEMBERS)
		return N_("A household has at most 12 members.");
	for (i = 0; i < h->nmembers; i++) {
		err = core_clean_field(h->members[i] != NULL ? h->members[i] : "",
		    core_check_name, &c->names[c->nnames]);
		if (err != NULL)
			return err;
		if (c->names[c->nnames] == NULL)
			return N_("Write at least one name.");
		c->nnames++;
	}
	return NULL;
}

/* Check and clean the dates. */
static const char *
hh_clean_dates(const struct household *h, struct hh_clean *c)
{
	const char	*err;

	if (h->moved_in == DATE_NONE)
		return N_("The moved-in date is missing.");
	if ((err = core_check_date_range(h->moved_in)) != NULL ||
	    (err = core_check_date_range(h->moved_out)) != NULL ||
	    (h->consent && (err = core_check_date_range(h->consent_on))))
		return err;
	util_date_iso(h->moved_in, c->moved_in);
	util_date_iso(h->moved_out, c->moved_out);
	if (h->moved_out != DATE_NONE && h->moved_out < h->moved_in)
		return N_("The moved-out date is before the moved-in date.");
	if (h->consent)
		util_date_iso(h->consent_on, c->consent_on);
	return NULL;
}

/*
 * Check h again with the rules of core and make the stored form in c;
 * NULL or what is wrong.  Without consent no contact details are kept.
 */
static const char *
hh_clean(const struct household *h, const struct who *who,
    struct hh_clean *c)
{
	const char	*err;

	memset(c, 0, sizeof *c);
	if ((err = hh_clean_names(h, c)) != NULL ||
	    (err = hh_clean_dates(h, c)) != NULL ||
	    (err = core_clean_field(h->department, NULL,
	    &c->department)) != NULL ||
	    (err = core_clean_field(h->stairwell, NULL, &c->stairwell)) != NULL ||
	    (err = core_clean_field(h->flat != NULL ? h->flat : "",
	    core_check_flat, &c->flat)) != NULL ||
	    (err = core_clean_field(h->notes, core_check_notes,
	    &c->notes)) != NULL)
		return err;
	if (c->department == NULL)
		return N_("The department is missing.");
	if (c->flat == NULL)
		return core_check_flat("");
	c->interpreter = h->interpreter != 0;
	c->consent = h->consent != 0;
	if (!c->consent)
		return NULL;
	if ((err = core_clean_field(h->phone, core_check_phone, &c->phone)) ||
	    (err = core_clean_field(h->languages, core_check_lang_codes,
	    &c->languages)) ||
	    (err = core_clean_field(h->languages_other, core_check_languages,
	    &c->languages_other)) ||
	    (err = core_clean_field(h->consent_by, NULL, &c->consent_by)))
		return err;
	if (c->consent_by == NULL)
		c->consent_by = xstrdup(who->name);
	return NULL;
}

/*
 * A name's keys as core makes them (ICU: several normalisations per word
 * and a collation key), kept for the names met last: a list or a demo
 * repeats its names, and the keys depend on nothing but the name.
 */
struct hh_keys {
	char	*name;
	char	*search;		/* core_search_key */
	char	*sort;			/* core_sort_key */
	char	**words;		/* core_name_words */
	size_t	 nwords;
};
#define HH_KEY_CACHE	4096		/* names kept, a power of two */
static struct hh_keys hh_key_cache[HH_KEY_CACHE];

/* The keys of name, made now or kept from before; valid until the next
 * call. */
static const struct hh_keys *
hh_keys(const char *name)
{
	struct hh_keys		*k;
	const unsigned char	*p;
	uint32_t		 h = 2166136261u;	/* FNV-1a */

	for (p = (const unsigned char *)name; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	k = &hh_key_cache[h & (HH_KEY_CACHE - 1)];
	if (k->name != NULL && strcmp(k->name, name) == 0)
		return k;
	free(k->name);
	free(k->search);
	free(k->sort);
	core_words_free(k->words, k->nwords);
	k->name = xstrdup(name);
	k->search = core_search_key(name);
	k->sort = core_sort_key(name);
	k->nwords = core_name_words(name, &k->words);
	return k;
}

/* name_word rows of one member in one statement: words ?1..?n, the
 * member ?9, the household ?10, its department ?11 (NULL: the trigger
 * of schema 17 looks it up; the cache keys by the literal). */
#define HH_W(i)		"(?" #i ", ?9, ?10, ?11)"
#define HH_WINS		"INSERT OR IGNORE INTO name_word (key, member_id, " \
			"household_id, department) VALUES "
static const char *const hh_words_sql[] = {
	HH_WINS HH_W(1),
	HH_WINS HH_W(1) ", " HH_W(2),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3) ", " HH_W(4),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3) ", " HH_W(4) ", " HH_W(5),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3) ", " HH_W(4) ", " HH_W(5)
	    ", " HH_W(6),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3) ", " HH_W(4) ", " HH_W(5)
	    ", " HH_W(6) ", " HH_W(7),
	HH_WINS HH_W(1) ", " HH_W(2) ", " HH_W(3) ", " HH_W(4) ", " HH_W(5)
	    ", " HH_W(6) ", " HH_W(7) ", " HH_W(8),
};
#undef HH_W
#undef HH_WINS
#define HH_WORDS_AT_ONCE	(sizeof hh_words_sql / sizeof hh_words_sql[0])

/* Index the words of member mid of household hid in department (NULL:
 * looked up): up to HH_WORDS_AT_ONCE per statement. */
static enum db_status
hh_add_words(struct db *db, long mid, long hid, const char *department,
    char *const *words, size_t n)
{
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	size_t		 i, j, k;

	for (i = 0; i < n && s == DB_OK; i += k) {
		k = n - i < HH_WORDS_AT_ONCE ? n - i : HH_WORDS_AT_ONCE;
		if ((st = db_stmt(db, hh_words_sql[k - 1])) == NULL)
			return DB_ERROR;
		for (j = 0; j < k; j++)
			sqlite3_bind_text(st, (int)j + 1, words[i + j], -1,
			    SQLITE_STATIC);
		sqlite3_bind_int64(st, 9, mid);
		sqlite3_bind_int64(st, 10, hid);
		if (department != NULL)
			sqlite3_bind_text(st, 11, department, -1,
			    SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 11);
		s = db_step_done(db, st);
	}
	return s;
}

/* Add member pos of household hid (of department) with its keys and
 * words. */
static enum db_status
hh_add_member(struct db *db, long hid, const char *department, size_t pos,
    const char *name)
{
	static const char sql[] = "INSERT INTO member (household_id, position, "
	    "name, search_key, sort_key) VALUES (?1, ?2, ?3, ?4, ?5)";
	const struct hh_keys	*k = hh_keys(name);
	sqlite3_stmt		*st;
	enum db_status		 s;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, hid);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)pos);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, k->search, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, k->sort, -1, SQLITE_STATIC);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	return hh_add_words(db, (long)sqlite3_last_insert_rowid(db->h), hid,
	    department, k->words, k->nwords);
}

/* Add every member of c to household hid. */
static enum db_status
hh_add_members(struct db *db, long hid, const struct hh_clean *c)
{
	enum db_status	 s = DB_OK;
	size_t		 i;

	for (i = 0; i < c->nnames && s == DB_OK; i++)
		s = hh_add_member(db, hid, c->department, i, c->names[i]);
	return s;
}

/* The initials of c's members' name words (core_key_initial): what
 * the household row keeps beside the words it writes. */
static sqlite3_int64
hh_initials(const struct hh_clean *c)
{
	const struct hh_keys	*k;
	unsigned long		 bits = 0;
	size_t			 i, j;

	for (i = 0; i < c->nnames; i++) {
		k = hh_keys(c->names[i]);
		for (j = 0; j < k->nwords; j++)
			bits |= core_key_initial(k->words[j]);
	}
	return (sqlite3_int64)bits;
}

/* Bind c's fields to ?1..?13 and ?18, its initials to ?19, and who and
 * now to ?14, ?15. */
static void
hh_bind(sqlite3_stmt *st, const struct hh_clean *c, const char *sort_key,
    const char *who, const char *now)
{
	db_bind_text(st, 1, c->department);
	sqlite3_bind_text(st, 2, c->stairwell != NULL ? c->stairwell : "", -1,
	    SQLITE_TRANSIENT);
	db_bind_text(st, 3, c->flat);
	db_bind_text(st, 4, c->moved_in);
	if (sqlite3_bind_parameter_index(st, "?16") > 0)	/* update */
		sqlite3_bind_null(st, 5);
	else
		db_bind_text(st, 5, c->moved_out);
	db_bind_text(st, 6, c->phone);
	db_bind_text(st, 7, c->languages);
	sqlite3_bind_int(st, 8, c->interpreter);
	sqlite3_bind_int(st, 9, c->consent);
	db_bind_text(st, 10, c->consent_on);
	db_bind_text(st, 11, c->consent_by);
	db_bind_text(st, 12, c->notes);
	sqlite3_bind_text(st, 13, sort_key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, who, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 18, c->languages_other);
	/* Last: hh_keys may free what sort_key points to. */
	sqlite3_bind_int64(st, 19, hh_initials(c));
}

/* Why an update changed no row: the household is gone, or someone else
 * changed it since it was read (its version moved on). */
static enum db_status
hh_not_updated(struct db *db, long id)
{
	static const char sql[] = "SELECT 1 FROM household WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return db_fail(db, DB_CONFLICT, N_("Someone else changed this "
		    "household while you were editing it, so your changes "
		    "were not saved."));
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
}

/* DB_OK if household id exists and who may see it, else DB_NOTFOUND
 * with one sentence for both. */
enum db_status
db_household_visible(struct db *db, const struct who *who, long id)
{
	static const char sql[] = "SELECT department FROM household "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc, seen = 0;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		seen = db_who_sees(who, (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	if (!seen)
		return db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
	return DB_OK;
}

/* DB_DENIED unless who may keep a household in department. */
static enum db_status
hh_may_keep(struct db *db, const struct who *who, const char *department)
{
	if (db_who_sees(who, department))
		return DB_OK;
	return db_fail(db, DB_DENIED, N_("Your account may not register "
	    "households of that department."));
}

static const char hh_ins[] = "INSERT INTO household (department, "
    "stairwell, flat, moved_in, moved_out, phone, languages, "
    "interpreter, consent, consent_on, consent_by, notes, sort_key, "
    "created_at, created_by, updated_at, updated_by, languages_other, "
    "initials) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?14, ?15, ?18, ?19)";

/*
 * Write the checked c and its audit row: add when *id is 0, else replace
 * household *id, which who must see, as it must the department c puts
 * it in.  Call inside a write transaction.
 */
static enum db_status
hh_write(struct db *db, const struct who *who, const struct hh_clean *c,
    long version, long *id)
{
	/* moved_out is db_household_move_out's: ?5 is never stored here.
	 * The version must be the one the editor read, else someone else
	 * changed the household meanwhile and nothing is overwritten. */
	static const char upd[] = "UPDATE household SET department = ?1, "
	    "stairwell = ?2, flat = ?3, moved_in = ?4, "
	    "moved_out = coalesce(moved_out, ?5), "
	    "phone = ?6, languages = ?7, languages_other = ?18, "
	    "interpreter = ?8, consent = ?9, "
	    "consent_on = ?10, consent_by = ?11, notes = ?12, sort_key = ?13, "
	    "initials = ?19, updated_at = ?14, updated_by = ?15, "
	    "version = version + 1 WHERE id = ?16 AND version = ?17";
	/* The words go by hand: in a bulk batch foreign keys are off, so
	 * the members' would not cascade (and a new member may take the id
	 * of one that is gone, with its words). */
	static const char *const del[] = {
		"DELETE FROM name_word WHERE household_id = ?1",
		"DELETE FROM member WHERE household_id = ?1",
	};
	sqlite3_stmt	*st;
	enum db_status	 s;
	const char	*sort_key;
	char		 now[20];
	size_t		 i;
	int		 add = *id == 0;

	if (!add && ((s = db_household_visible(db, who, *id)) != DB_OK ||
	    (s = db_refuse_erased(db, *id, db_erased_msg)) !=
	    DB_OK || (s = hh_may_keep(db, who, c->department)) != DB_OK))
		return s;
	if ((st = db_stmt(db, add ? hh_ins : upd)) == NULL)
		return DB_ERROR;
	sort_key = hh_keys(c->names[0])->sort;
	hh_bind(st, c, sort_key, who->name, db_now(now));
	if (!add) {
		sqlite3_bind_int64(st, 16, *id);
		sqlite3_bind_int64(st, 17, version);
	}
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (add)
		*id = (long)sqlite3_last_insert_rowid(db->h);
	else if (sqlite3_changes(db->h) == 0)
		return hh_not_updated(db, *id);
	for (i = 0; !add && i < sizeof del / sizeof del[0]; i++) {
		if ((st = db_stmt(db, del[i])) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, *id);
		if ((s = db_step_done(db, st)) != DB_OK)
			return s;
	}
	if ((s = hh_add_members(db, *id, c)) != DB_OK ||
	    (s = db_audit(db, who, add ? "household added" :
	    "household changed", "household", *id, NULL)) != DB_OK)
		return s;
	return db_consent_phone_follow(db, who, *id, c->consent,
	    c->consent_on, c->consent_by);
}

/* Check h and write it in one transaction: add when *id is 0, else
 * replace household *id. */
static enum db_status
hh_save(struct db *db, const struct who *who, const struct household *h,
    long *id)
{
	struct hh_clean	 c;
	const char	*err;
	enum db_status	 s;

	if ((s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((err = hh_clean(h, who, &c)) != NULL) {
		hh_clean_free(&c);
		return db_fail(db, DB_INVALID, "%s", _(err));
	}
	if (*id == 0 && (s = hh_may_keep(db, who, c.department)) != DB_OK) {
		hh_clean_free(&c);
		return s;
	}
	if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, hh_write(db, who, &c, h->version, id));
	hh_clean_free(&c);
	return s;
}

/* Add household h as registered by "by", without an audit row (an
 * import's one row covers it); inside a write transaction. */
enum db_status
db_household_insert(struct db *db, const struct who *who,
    const struct household *h, const char *by, long *id)
{
	struct hh_clean	 c;
	sqlite3_stmt	*st;
	const char	*err;
	enum db_status	 s;
	const char	*sort_key;
	char		 now[20];

	if ((err = hh_clean(h, who, &c)) != NULL) {
		hh_clean_free(&c);
		return db_fail(db, DB_INVALID, "%s", _(err));
	}
	if ((st = db_stmt(db, hh_ins)) == NULL) {
		hh_clean_free(&c);
		return DB_ERROR;
	}
	sort_key = hh_keys(c.names[0])->sort;
	hh_bind(st, &c, sort_key, by, db_now(now));
	if ((s = db_step_done(db, st)) == DB_OK) {
		*id = (long)sqlite3_last_insert_rowid(db->h);
		s = hh_add_members(db, *id, &c);
	}
	if (s == DB_OK && c.consent)
		s = db_consent_ensure(db, NULL, *id, CP_PHONE, CH_DOOR,
		    c.consent_on, c.consent_by);
	hh_clean_free(&c);
	return s;
}

/* Add household h and set h->id. */
enum db_status
db_household_add(struct db *db, const struct who *who, struct household *h)
{
	long		 id = 0;
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	if ((s = hh_save(db, who, h, &id)) == DB_OK)
		h->id = id;
	return s;
}

/* Replace every field of household h->id. */
enum db_status
db_household_update(struct db *db, const struct who *who,
    const struct household *h)
{
	long		 id = h->id;
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	if (id <= 0)
		return db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
	return hh_save(db, who, h, &id);
}

/* Check and write household id's moving out on date, and its audit row;
 * inside a write transaction. */
static enum db_status
hh_write_move_out(struct db *db, const struct who *who, long id, long date)
{
	static const char sql[] = "UPDATE household SET moved_out = ?1, "
	    "updated_at = ?2, updated_by = ?3, version = version + 1 "
	    "WHERE id = ?4";
	static const char get[] = "SELECT moved_in FROM household WHERE id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	char		 iso[16], now[20];
	const char	*in = NULL;
	int		 rc;

	if ((s = db_household_visible(db, who, id)) != DB_OK)
		return s;
	if ((st = db_stmt(db, get)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		in = (const char *)sqlite3_column_text(st, 0);
	util_date_iso(date, iso);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	else if (in == NULL)
		s = db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
	else if (date != DATE_NONE && strcmp(iso, in) < 0)
		s = db_fail(db, DB_INVALID, N_("The moved-out date is before "
		    "the moved-in date."));
	sqlite3_reset(st);
	if (s != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	db_bind_text(st, 1, iso);
	sqlite3_bind_text(st, 2, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, id);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	return db_audit(db, who, date != DATE_NONE ? "household moved out" :
	    "household moved back", "household", id, NULL);
}

/* Record household id's moving out (DATE_NONE: still living there). */
enum db_status
db_household_move_out(struct db *db, const struct who *who, long id,
    long date)
{
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if (core_check_date_range(date) != NULL)
		return db_fail(db, DB_INVALID, "%s",
		    _(core_check_date_range(date)));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, hh_write_move_out(db, who, id, date));
}

/* Read the members of household id into out. */
static enum db_status
hh_get_members(struct db *db, long id, struct household *out)
{
	static const char sql[] = "SELECT name FROM member "
	    "WHERE household_id = ?1 ORDER BY position";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    out->nmembers < HOUSEHOLD_MAX_MEMBERS)
		out->members[out->nmembers++] = db_column_text(st, 0, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Mark household id's visits so far, up to date, as dealt with. */
static enum db_status
hh_mark_handled(struct db *db, long id, long date)
{
	static const char sql[] = "UPDATE household SET handled_on = ?2, "
	    "handled_visit = coalesce((SELECT max(id) FROM visit WHERE "
	    "household_id = ?1), 0) WHERE id = ?1";
	sqlite3_stmt	*st;
	char		 iso[16];

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, util_date_iso(date, iso), -1,
	    SQLITE_TRANSIENT);
	return db_step_done(db, st);
}

/* Record that the secretariat dealt with household id on date. */
enum db_status
db_household_handled(struct db *db, const struct who *who, long id,
    long date, int max_attempts)
{
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_HANDLED)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if (date == DATE_NONE)
		return db_fail(db, DB_INVALID, N_("Write the date it was dealt "
		    "with."));
	if (core_check_date_range(date) != NULL)
		return db_fail(db, DB_INVALID, "%s",
		    _(core_check_date_range(date)));
	if (date > util_today())
		return db_fail(db, DB_INVALID, N_("The date it was dealt with "
		    "cannot be in the future."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	if ((s = db_household_visible(db, who, id)) == DB_OK &&
	    (s = db_household_mark(db, who, id, date, max_attempts)) == DB_OK)
		s = db_audit(db, who, "household handled", "household", id,
		    NULL);
	return db_write_end(db, s);
}

/* Household id dealt with on date, inside the caller's transaction. */
enum db_status
db_household_mark(struct db *db, const struct who *who, long id, long date,
    int max_attempts)
{
	enum db_status	 s;

	if ((s = hh_mark_handled(db, id, date)) != DB_OK)
		return s;
	return db_visit_recompute(db, who, id, max_attempts, date);
}

/* The nearest household of the same place that may be c's move-in
 * registered before (see db_household_duplicate). */
static enum db_status
hh_find_duplicate(struct db *db, const struct hh_clean *c, long self,
    int days, long *id, long *moved_in)
{
	static const char sql[] = "SELECT id, moved_in FROM household "
	    "WHERE department = ?1 AND stairwell = ?2 "
	    "AND flat = ?3 COLLATE NOCASE "
	    "AND moved_in >= ?4 AND moved_in <= ?5 "
	    "AND (moved_out IS NULL OR moved_out > ?6) AND id <> ?7 "
	    "ORDER BY abs(julianday(moved_in) - julianday(?6)), id LIMIT 1";
	sqlite3_stmt	*st;
	char		 lo[16], hi[16];
	long		 in;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	util_date_parse(c->moved_in, &in);
	db_bind_text(st, 1, c->department);
	sqlite3_bind_text(st, 2, c->stairwell != NULL ? c->stairwell : "", -1,
	    SQLITE_STATIC);
	db_bind_text(st, 3, c->flat);
	sqlite3_bind_text(st, 4, util_date_iso(in - days, lo), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, util_date_iso(in + days, hi), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->moved_in, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, self);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		*moved_in = db_column_date(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/* A household that may be h registered a second time, or *id 0. */
enum db_status
db_household_duplicate(struct db *db, const struct who *who,
    const struct household *h, int days, long *id, long *moved_in)
{
	struct hh_clean	 c;
	const char	*err;
	enum db_status	 s;

	*id = 0;
	*moved_in = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	if ((err = hh_clean(h, who, &c)) != NULL)
		s = db_fail(db, DB_INVALID, "%s", _(err));
	else if (db_who_sees(who, c.department))
		s = hh_find_duplicate(db, &c, h->id, days < 0 ? 0 : days, id,
		    moved_in);
	hh_clean_free(&c);
	return s;
}

/* Delete household id of that version, with what hangs on it, and write
 * its audit row (the id only); inside a write transaction. */
static enum db_status
hh_write_delete(struct db *db, const struct who *who, long id, long version,
    long *visits)
{
	/* Members, their words, visits and their items go with it (ON
	 * DELETE CASCADE); secure_delete overwrites what they held. */
	static const char sql[] = "DELETE FROM household "
	    "WHERE id = ?1 AND version = ?2";
	sqlite3_stmt	*st;
	enum db_status	 s;

	if ((s = db_household_visible(db, who, id)) != DB_OK ||
	    (s = db_count_by_id(db, "SELECT count(*) FROM visit "
	    "WHERE household_id = ?1", id, visits)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (sqlite3_changes(db->h) == 0)
		return db_fail(db, DB_CONFLICT, N_("Someone changed this "
		    "household (a visit, or its details) since it was shown, "
		    "so it was not deleted. Look at it again first."));
	return db_audit(db, who, "household deleted", "household", id, NULL);
}

/* Delete household id, registered by mistake, with its visits. */
enum db_status
db_household_delete(struct db *db, const struct who *who, long id,
    long version, long *visits)
{
	enum db_status	 s;
	long		 n = 0;

	if (visits != NULL)
		*visits = 0;
	if ((s = db_may(db, who, ACCESS_DELETE)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK ||
	    (s = db_write_begin(db)) != DB_OK)
		return s;
	s = db_write_end(db, hh_write_delete(db, who, id, version, &n));
	if (s != DB_OK)
		return s;
	/* Move the overwritten pages into the file now, if nobody is
	 * reading; never wait for it. */
	if (!db->batch)
		db_exec(db, "PRAGMA wal_checkpoint(PASSIVE)");
	if (visits != NULL)
		*visits = n;
	return DB_OK;
}

/* Column i as a welcome state (HS_AWAITING .. HS_DECLINED). */
static enum household_status
hh_column_state(sqlite3_stmt *st, int i)
{
	enum household_status	 hs;

	if (core_status_parse((const char *)sqlite3_column_text(st, i),
	    &hs) == -1 || hs == HS_MOVED_OUT)
		return HS_AWAITING;
	return hs;
}

/* Fill out from the household row in st. */
static void
hh_get_row(sqlite3_stmt *st, long id, struct household *out)
{
	out->id = id;
	out->department = db_column_text(st, 0, 0);
	out->stairwell = db_column_text(st, 1, 0);
	out->flat = db_column_text(st, 2, 0);
	out->moved_in = db_column_date(st, 3);
	out->moved_out = db_column_date(st, 4);
	out->phone = db_column_text(st, 5, 1);
	out->languages = db_column_text(st, 6, 1);
	out->interpreter = sqlite3_column_int(st, 7);
	out->consent = sqlite3_column_int(st, 8);
	out->consent_on = db_column_date(st, 9);
	out->consent_by = db_column_text(st, 10, 1);
	out->notes = db_column_text(st, 11, 1);
	out->created_by = db_column_text(st, 12, 0);
	out->created_at = db_column_text(st, 13, 0);
	out->updated_by = db_column_text(st, 14, 0);
	out->updated_at = db_column_text(st, 15, 0);
	out->version = (long)sqlite3_column_int64(st, 16);
	out->state = hh_column_state(st, 17);
	out->attempts = sqlite3_column_int(st, 18);
	out->next_date = db_column_date(st, 19);
	out->last_visit = db_column_date(st, 20);
	out->flags = sqlite3_column_int(st, 21);
	out->handled_on = db_column_date(st, 22);
	out->languages_other = db_column_text(st, 23, 1);
	if (core_followup_close_parse((const char *)sqlite3_column_text(st,
	    24), &out->closed) == -1)
		out->closed = FC_NONE;
}

/* Read household id into out. */
enum db_status
db_household_get(struct db *db, const struct who *who, long id,
    struct household *out)
{
	static const char sql[] = "SELECT department, stairwell, flat, "
	    "moved_in, moved_out, phone, languages, interpreter, consent, "
	    "consent_on, consent_by, notes, created_by, created_at, "
	    "updated_by, updated_at, version, state, attempts, next_date, "
	    "last_visit, flags, handled_on, languages_other, "
	    "(SELECT f.closes FROM followup f WHERE f.household_id = "
	    "household.id ORDER BY f.date DESC, f.id DESC LIMIT 1) "
	    "FROM household WHERE id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	int		 rc, txn;

	memset(out, 0, sizeof *out);
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	/* One read transaction, so the members match the household. */
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	if ((st = db_stmt(db, sql)) == NULL)
		s = DB_ERROR;
	else {
		sqlite3_bind_int64(st, 1, id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			hh_get_row(st, id, out);
		/* Another department's is as if it did not exist. */
		if (rc == SQLITE_DONE || (rc == SQLITE_ROW &&
		    !db_who_sees(who, out->department)))
			s = db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
		else if (rc != SQLITE_ROW)
			s = db_sqlite_fail(db, rc);
		sqlite3_reset(st);
	}
	if (s == DB_OK)
		s = hh_get_members(db, id, out);
	if (txn)
		db_exec(db, "COMMIT");
	if (s != DB_OK)
		db_household_clear(out);
	return s;
}

/* How many members household id has (db.h). */
enum db_status
db_household_nmembers(struct db *db, const struct who *who, long id, int *n)
{
	static const char sql[] = "SELECT department, (SELECT count(*) "
	    "FROM member WHERE household_id = ?1) FROM household WHERE id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 rc;

	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || (rc == SQLITE_ROW && !db_who_sees(who,
	    (const char *)sqlite3_column_text(st, 0))))
		s = db_fail(db, DB_NOTFOUND, "%s", _(hh_notfound_msg));
	else if (rc != SQLITE_ROW)
		s = db_sqlite_fail(db, rc);
	else if ((*n = sqlite3_column_int(st, 1)) > HOUSEHOLD_MAX_MEMBERS)
		*n = HOUSEHOLD_MAX_MEMBERS;
	sqlite3_reset(st);
	return s;
}

/* Free what a household's pointers own and zero it. */
void
db_household_clear(struct household *h)
{
	size_t	 i;

	if (h == NULL)
		return;
	free(h->department);
	free(h->stairwell);
	free(h->flat);
	for (i = 0; i < h->nmembers && i < HOUSEHOLD_MAX_MEMBERS; i++)
		free(h->members[i]);
	free(h->phone);
	free(h->languages);
	free(h->languages_other);
	free(h->consent_by);
	free(h->notes);
	free(h->created_by);
	free(h->created_at);
	free(h->updated_by);
	free(h->updated_at);
	memset(h, 0, sizeof *h);
}

/* Free n rows of a list. */
void
db_household_rows_free(struct household_row *rows, size_t n)
{
	size_t	 i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++)
		db_household_row_clear(&rows[i]);
	free(rows);
}

/* Free the strings of one row (not the row itself). */
void
db_household_row_clear(struct household_row *r)
{
	free(r->department);
	free(r->stairwell);
	free(r->flat);
	free(r->names);
	free(r->sort_key);
	free(r->languages);
	free(r->why_note);
	memset(r, 0, sizeof *r);
}

/* A query of households and its dates, for the list code (db-list.c). */
struct hh_filter {
	const struct household_query *q;
	long		 today;		/* the filters' today */
	char		 today_iso[16];	/* ?14 */
	char		 bound[16];	/* ?15: moved in before this is overdue */
	char		 stale[16];	/* ?16: moved in before this is stale */
	char		 since[24];	/* ?17: "+N days": moved in + N is the
					   first day it is stale */
};

/* Work out the dates of q. */
static void
hh_filter_open(struct hh_filter *f, const struct household_query *q)
{
	memset(f, 0, sizeof *f);
	f->q = q;
	f->today = q->today != DATE_NONE ? q->today : util_today();
	util_date_iso(f->today, f->today_iso);
	/* core_overdue_days() > 0 is today - moved_in - deadline > 0, and
	 * core_visit_stale() is today - moved_in - deadline > stale_days. */
	util_date_iso(f->today - q->deadline, f->bound);
	util_date_iso(f->today - q->deadline - q->stale_days, f->stale);
	snprintf(f->since, sizeof f->since, "+%ld days",
	    (long)q->deadline + q->stale_days + 1);
}

/* The case is open: the newest follow-up, if any, did not close it
 * (case_closed, kept by the follow-ups' triggers of schema 19:
 * db-followup.c). */
#define HH_OPEN_CASE	" AND h.case_closed = 0"

/*
 * The desk's reasons, ?18 the FLAG_* wanted: the stored flags, or (with
 * stale_days) not reached in time as FILTER_FLAGGED's stale part says it.
 */
#define HH_REASON	" AND ((h.flags & ?18) <> 0 OR ((?18 & 4) <> 0 AND" \
	" h.state IN ('awaiting', 'partly') AND h.moved_in < ?16" \
	" AND (h.handled_on IS NULL OR h.handled_on < date(h.moved_in, ?17))))"
#define HH_REASON_NOSTALE " AND (h.flags & ?18) <> 0"

/*
 * FILTER_FLAGGED's two halves, which do not overlap, for its capped
 * count only (hh_count_flagged): the households with flags, and those
 * without that the stale rule brings.
 */
#define FILTER_FLAGGED_SET	(FILTER_OPEN + 1)
#define FILTER_FLAGGED_STALE	(FILTER_OPEN + 2)

/*
 * The filters in SQL, as core says them: FILTER_DUE is core_visit_due()
 * (and, with stale_days, not core_visit_stale()), FILTER_OVERDUE
 * core_overdue_days() > 0, FILTER_FLAGGED flags or (with stale_days)
 * core_not_reached(); the tests hold them together.  Today is ?14, the
 * overdue bound ?15, the stale bound ?16 and the days from the move-in to
 * the first stale day ?17; ISO dates compare as text.
 */
static const char *
hh_filter_sql(const struct household_query *q)
{
	static const char *const filters[] = {
		[FILTER_ALL] = "",
		[FILTER_DUE] = " AND h.state IN ('awaiting', 'partly')"
		    " AND h.moved_in <= ?14"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    " AND (h.next_date IS NULL OR h.next_date <= ?14)",
		[FILTER_OVERDUE] = " AND h.state IN ('awaiting', 'partly')"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    " AND h.moved_in < ?15",
		[FILTER_FLAGGED] = " AND h.flags <> 0"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    HH_OPEN_CASE,
		[FILTER_OPEN] = " AND h.state IN ('awaiting', 'partly')"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)",
		[FILTER_FLAGGED_SET] = " AND h.flags <> 0"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    HH_OPEN_CASE,
		[FILTER_FLAGGED_STALE] = " AND h.flags = 0"
		    " AND h.state IN ('awaiting', 'partly') AND h.moved_in < ?16"
		    " AND (h.handled_on IS NULL OR"
		    " h.handled_on < date(h.moved_in, ?17))"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    HH_OPEN_CASE,
	};
	/*
	 * With the stale rule, what is stale leaves the queue for the
	 * secretariat's list (until it has dealt with it).
	 */
	static const char *const stale[] = {
		[FILTER_DUE] = " AND h.state IN ('awaiting', 'partly')"
		    " AND h.moved_in <= ?14 AND h.moved_in >= ?16"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    " AND (h.next_date IS NULL OR h.next_date <= ?14)",
		[FILTER_FLAGGED] = " AND (h.flags <> 0 OR"
		    " (h.state IN ('awaiting', 'partly') AND h.moved_in < ?16"
		    " AND (h.handled_on IS NULL OR"
		    " h.handled_on < date(h.moved_in, ?17))))"
		    " AND (h.moved_out IS NULL OR h.moved_out > ?14)"
		    HH_OPEN_CASE,
	};

	if ((size_t)q->filter >= sizeof filters / sizeof filters[0])
		return "";
	if (q->stale_days > 0 && (size_t)q->filter < sizeof stale /
	    sizeof stale[0] && stale[q->filter] != NULL)
		return stale[q->filter];
	return filters[q->filter];
}

/* 1 if the query narrows the desk to some reasons. */
static int
hh_reason(const struct household_query *q)
{
	return q->filter == FILTER_FLAGGED && q->reason != 0 &&
	    (q->reason & FLAG_ALL) != FLAG_ALL;
}

/*
 * Append the household's own conditions of the query: the stairwell
 * ?13, or the stairwells ?20.., and the filter.
 */
static size_t
hh_where(char *sql, size_t len, size_t o, const void *ctx)
{
	const struct hh_filter		*f = ctx;
	const struct household_query	*q = f->q;
	size_t				 i;

	if (q->stairwell != NULL && o < len)
		o += (size_t)snprintf(sql + o, len - o,
		    " AND h.stairwell = ?13");
	for (i = 0; i < q->nstairwells && i < HH_STAIRWELLS && o < len; i++)
		o += (size_t)snprintf(sql + o, len - o, "%s?%zu%s", i == 0 ?
		    " AND h.stairwell IN (" : ", ", HH_STAIRWELL_PARAM + i,
		    i + 1 == q->nstairwells || i + 1 == HH_STAIRWELLS ? ")" :
		    "");
	if (o < len)
		o += (size_t)snprintf(sql + o, len - o, "%s",
		    hh_filter_sql(q));
	if (hh_reason(q) && o < len)
		o += (size_t)snprintf(sql + o, len - o, "%s",
		    q->stale_days > 0 ? HH_REASON : HH_REASON_NOSTALE);
	return o;
}

/* Bind the stairwells and the dates of the query. */
static void
hh_bind_filter(sqlite3_stmt *st, const void *ctx)
{
	const struct hh_filter		*f = ctx;
	const struct household_query	*q = f->q;
	size_t				 i;

	if (q->stairwell != NULL)
		sqlite3_bind_text(st, 13, q->stairwell, -1, SQLITE_STATIC);
	for (i = 0; i < q->nstairwells && i < HH_STAIRWELLS; i++)
		sqlite3_bind_text(st, (int)(HH_STAIRWELL_PARAM + i),
		    q->stairwells[i], -1, SQLITE_STATIC);
	if (q->filter != FILTER_ALL)
		sqlite3_bind_text(st, 14, f->today_iso, -1, SQLITE_STATIC);
	if (q->filter == FILTER_OVERDUE)
		sqlite3_bind_text(st, 15, f->bound, -1, SQLITE_STATIC);
	if (q->stale_days > 0 && (q->filter == FILTER_DUE ||
	    q->filter == FILTER_FLAGGED ||
	    (int)q->filter == FILTER_FLAGGED_STALE))
		sqlite3_bind_text(st, 16, f->stale, -1, SQLITE_STATIC);
	if (q->stale_days > 0 && (q->filter == FILTER_FLAGGED ||
	    (int)q->filter == FILTER_FLAGGED_STALE))
		sqlite3_bind_text(st, 17, f->since, -1, SQLITE_STATIC);
	if (hh_reason(q))
		sqlite3_bind_int(st, 18, q->reason);
}

/* Fill row from the list statement's current row. */
static void
hh_list_row(sqlite3_stmt *st, void *p)
{
	struct household_row	*row = p;

	row->id = (long)sqlite3_column_int64(st, 0);
	row->department = db_column_text(st, 1, 0);
	row->stairwell = db_column_text(st, 2, 0);
	row->flat = db_column_text(st, 3, 0);
	row->moved_in = db_column_date(st, 4);
	row->moved_out = db_column_date(st, 5);
	row->names = db_column_text(st, 6, 0);
	row->sort_key = db_column_text(st, 7, 0);
	row->state = hh_column_state(st, 8);
	row->attempts = sqlite3_column_int(st, 9);
	row->next_date = db_column_date(st, 10);
	row->flags = sqlite3_column_int(st, 11);
	row->interpreter = sqlite3_column_int(st, 12);
	row->languages = db_column_text(st, 13, 1);
	row->handled_on = db_column_date(st, 14);
	row->why_note = db_column_text(st, 15, 1);
}

/* Free what a row of the list owns. */
static void
hh_list_clear(void *row)
{
	db_household_row_clear(row);
}

static long	hh_list_scope(struct db *, const struct db_list *);

/* The columns of a list of households but the last, why_note. */
#define HH_LIST_COLUMNS	"h.id, h.department, h.stairwell, h.flat, " \
	"h.moved_in, h.moved_out, (SELECT group_concat(name, '; ') FROM " \
	"(SELECT m.name FROM member m WHERE m.household_id = h.id " \
	"ORDER BY m.position)), h.sort_key, h.state, h.attempts, " \
	"h.next_date, h.flags, h.interpreter, h.languages, h.handled_on, "

/* What a list of households is. */
/* What the lists of households share, but the table they read. */
#define HH_LIST_KIND_OF							\
	.id = "h.id",							\
	.department = "h.department",					\
	.words = "name_word",						\
	.words_id = "household_id",					\
	.words_department = "department",				\
	.initials = "h.initials",					\
	.who_param = HH_WHO_PARAM,					\
	.access = ACCESS_HOUSEHOLDS,					\
	.row_size = sizeof (struct household_row),			\
	.row = hh_list_row,						\
	.clear = hh_list_clear,						\
	.where = hh_where,						\
	.bind = hh_bind_filter,						\
	.scope = hh_list_scope
/* What the two lists of households share. */
#define HH_LIST_KIND	.from = "household h", HH_LIST_KIND_OF

static const struct db_list_kind hh_list_kind = {
	.columns = HH_LIST_COLUMNS
	    /* The newest note the secretariat has not dealt with: of an
	     * item passed on, else of the declined or referring visit. */
	    "(SELECT coalesce((SELECT i.note FROM visit_item i WHERE "
	    "i.visit_id = v.id AND i.referral = 1 AND i.note <> '' ORDER BY "
	    "i.position LIMIT 1), nullif(v.notes, '')) FROM visit v WHERE "
	    "v.household_id = h.id AND (v.referral = 1 OR v.outcome = "
	    "'declined') AND NOT (v.id <= h.handled_visit AND v.date <= "
	    "h.handled_on) ORDER BY v.date DESC, v.id DESC LIMIT 1)",
	HH_LIST_KIND
};

/* The same list without why_note (a visit looked up for every row):
 * what the command line prints (household_query's no_why). */
static const struct db_list_kind hh_list_no_why = {
	.columns = HH_LIST_COLUMNS "NULL",
	HH_LIST_KIND
};

/*
 * The count of the households with flags (hh_count_flagged's first
 * half) reads the flagged ones only, by department or not.  Without
 * statistics the planner finds the register's indexes by move-in as
 * cheap, and takes whichever was made last: after the demo's bulk
 * fill, an ambassador's count went through her whole department (37 ms
 * at a million instead of 0.4).
 */
static const struct db_list_kind hh_count_flagged_all = {
	.columns = HH_LIST_COLUMNS "NULL",
	.from = "household h INDEXED BY household_flagged",
	HH_LIST_KIND_OF
};
static const struct db_list_kind hh_count_flagged_dept = {
	.columns = HH_LIST_COLUMNS "NULL",
	.from = "household h INDEXED BY household_dept_flagged",
	HH_LIST_KIND_OF
};

/* The second half, those without flags the stale rule brings, read from
 * the index of schema 21 alone (everything its WHERE asks is there). */
static const struct db_list_kind hh_count_stale = {
	.columns = HH_LIST_COLUMNS "NULL",
	.from = "household h INDEXED BY household_dept_stale",
	HH_LIST_KIND_OF
};

/* 1 if q is the whole register of who's departments (or of one):
 * what the tally counts. */
static int
hh_whole(const struct household_query *q)
{
	char	**words;
	size_t	  n = 0;

	if (q->filter != FILTER_ALL || q->stairwell != NULL ||
	    q->nstairwells != 0)
		return 0;
	if (q->search != NULL) {
		n = core_search_words(q->search, &words);
		core_words_free(words, n);
	}
	return n == 0;
}

/* The register's count from the tally the triggers keep (schema 14):
 * a row per department, whatever the size of the register. */
static enum db_status
hh_count_tally(struct db *db, const struct who *who,
    const struct household_query *q, long *count)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[512];
	size_t		 o;
	int		 rc;

	*count = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT coalesce(sum(n), 0) "
	    "FROM household_tally WHERE 1");
	o = db_who_where(sql, sizeof sql, o, who, "department", HH_WHO_PARAM);
	if (q->department != NULL && o < sizeof sql)
		snprintf(sql + o, sizeof sql - o, " AND department = ?1");
	if ((st = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	db_who_bind(st, who, HH_WHO_PARAM);
	if (q->department != NULL)
		sqlite3_bind_text(st, 1, q->department, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*count = (long)sqlite3_column_int64(st, 0);
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	return s;
}

/* How many households l reads before its words: the tally of its
 * departments (a db_list_kind scope), or -1. */
static long
hh_list_scope(struct db *db, const struct db_list *l)
{
	struct household_query	q;
	long			n;

	memset(&q, 0, sizeof q);
	q.department = l->department;
	if (hh_count_tally(db, l->who, &q, &n) != DB_OK)
		return -1;
	return n;
}

/* How many households the query matches. */
enum db_status
db_household_count(struct db *db, const struct who *who,
    const struct household_query *q, long *count)
{
	return db_household_count_upto(db, who, q, 0, count);
}

/* How many households of kind k the query matches, up to cap. */
static enum db_status
hh_count_kind(struct db *db, const struct who *who,
    const struct household_query *q, const struct db_list_kind *k,
    long cap, long *count)
{
	struct hh_filter f;
	struct db_list	 l;

	hh_filter_open(&f, q);
	db_list_init(&l, who, q->department, q->search, &f);
	return db_list_count_upto(db, k, &l, cap, count);
}

/*
 * FILTER_FLAGGED (q, with no search and no reasons) counted up to cap in
 * its two halves, each on its own index: the households with flags,
 * then, with the stale rule, those without flags that it brings.  In
 * one statement the OR let SQLite walk a department's households from
 * the newest, through every open one not yet stale: an ambassador's
 * home screen took 28 ms at 1,000,000 households for this figure
 * (0.06 ms at 1,000).
 */
static enum db_status
hh_count_flagged(struct db *db, const struct who *who,
    const struct household_query *q, long cap, long *count)
{
	struct household_query	 half = *q;
	enum db_status		 s;
	long			 n = 0;

	half.filter = (enum household_filter)FILTER_FLAGGED_SET;
	s = hh_count_kind(db, who, &half, q->department == NULL &&
	    core_may(who->role, ACCESS_ALL_DEPARTMENTS) ?
	    &hh_count_flagged_all : &hh_count_flagged_dept, cap, count);
	if (s != DB_OK || q->stale_days <= 0 || *count >= cap)
		return s;
	half.filter = (enum household_filter)FILTER_FLAGGED_STALE;
	s = hh_count_kind(db, who, &half, &hh_count_stale, cap - *count, &n);
	*count += n;
	return s;
}

/* How many households the query matches, up to cap (0: all): exact
 * from the tally for the whole register, else a count that stops at
 * cap. */
enum db_status
db_household_count_upto(struct db *db, const struct who *who,
    const struct household_query *q, long cap, long *count)
{
	struct hh_filter f;
	struct db_list	 l;

	if (hh_whole(q))
		return hh_count_tally(db, who, q, count);
	if (q->filter == FILTER_FLAGGED && cap > 0 && q->search == NULL &&
	    !hh_reason(q))
		return hh_count_flagged(db, who, q, cap, count);
	if (cap > 0)
		return hh_count_kind(db, who, q, &hh_list_kind, cap, count);
	hh_filter_open(&f, q);
	db_list_init(&l, who, q->department, q->search, &f);
	return db_list_count(db, &hh_list_kind, &l, count);
}

/* Start l for q: its order's key column and direction. */
static void
hh_list_open(struct db_list *l, const struct who *who,
    const struct household_query *q, const struct hh_filter *f)
{
	db_list_init(l, who, q->department, q->search, f);
	l->key = q->order == ORDER_NAME ? "h.sort_key" :
	    q->order == ORDER_REGISTERED ? "h.id" : "h.moved_in";
	l->up = (q->order != ORDER_NEWEST) != (q->backward != 0);
}

/* What db_household_each passes on, and to whom. */
struct hh_each {
	const struct hh_filter	*f;
	int			(*fn)(void *, const struct household_row *);
	void			*ctx;
};

/* One row of db_household_each: flagged as db_household_list does. */
static int
hh_each_row(void *ctx, void *p)
{
	struct hh_each		*e = ctx;
	struct household_row	*r = p;
	const struct household_query *q = e->f->q;

	if (core_not_reached(r->moved_in, r->moved_out, r->state,
	    r->handled_on, e->f->today, q->deadline, q->stale_days))
		r->flags |= FLAG_NOT_REACHED;
	return e->fn(e->ctx, r);
}

/* Every row of q in its order, from one statement. */
enum db_status
db_household_each(struct db *db, const struct who *who,
    const struct household_query *q,
    int (*fn)(void *, const struct household_row *), void *ctx)
{
	struct hh_filter f;
	struct db_list	 l;
	struct hh_each	 e;

	hh_filter_open(&f, q);
	hh_list_open(&l, who, q, &f);
	e.f = &f;
	e.fn = fn;
	e.ctx = ctx;
	return db_list_each(db, q->no_why ? &hh_list_no_why : &hh_list_kind,
	    &l, hh_each_row, &e);
}

/*
 * Fetch up to limit rows of q after the row `after`.  Each order is a
 * key column and the id; ORDER_NEWEST runs down, the others up, and
 * backward turns the order round.
 */
enum db_status
db_household_list(struct db *db, const struct who *who,
    const struct household_query *q, const struct household_row *after,
    size_t limit, struct household_row **rows, size_t *n)
{
	struct hh_filter f;
	struct db_list	 l;
	struct household_row *r;
	enum db_status	 s;
	void		*got;
	char		 iso[24];	/* a date, or an id */
	size_t		 i;

	hh_filter_open(&f, q);
	hh_list_open(&l, who, q, &f);
	if (after != NULL && q->order == ORDER_NAME)
		l.after_key = after->sort_key != NULL ? after->sort_key : "";
	else if (after != NULL && q->order == ORDER_REGISTERED) {
		snprintf(iso, sizeof iso, "%ld", after->id);
		l.after_key = iso;
	} else if (after != NULL)
		l.after_key = util_date_iso(after->moved_in, iso);
	l.after_id = after != NULL ? after->id : 0;
	l.limit = limit;
	s = db_list_rows(db, q->no_why ? &hh_list_no_why : &hh_list_kind, &l,
	    &got, n);
	*rows = got;
	/* Not reached in time is a matter of the day: worked out here,
	 * never stored. */
	for (i = 0, r = *rows; i < *n; i++, r++)
		if (core_not_reached(r->moved_in, r->moved_out, r->state,
		    r->handled_on, f.today, q->deadline, q->stale_days))
			r->flags |= FLAG_NOT_REACHED;
	return s;
}

/*
 * Schema 15 -> 16 (db-open.c): every name_word row carries its
 * household's department, with an index on (department, key), so that a
 * search of an ambassador (or of one department) reads the words of
 * those departments only: her capped count read about nine households
 * of the others for each of hers.  Triggers keep it right for rows
 * written without it (the stock sqlite3 tool) and when a household
 * moves to another department.  The column is added only where it is
 * missing (the tests make older schemas from a new file).
 */
enum db_status
db_household_words_migrate(struct db *db)
{
	static const char sql[] =
	    "UPDATE name_word SET department = (SELECT h.department FROM "
	    "    household h WHERE h.id = name_word.household_id)\n"
	    "    WHERE department IS NULL;\n"
	    "CREATE INDEX IF NOT EXISTS name_word_department ON name_word\n"
	    "    (department, key, household_id);\n"
	    "CREATE TRIGGER IF NOT EXISTS name_word_department_fill\n"
	    "    AFTER INSERT ON name_word WHEN new.department IS NULL BEGIN\n"
	    "	UPDATE name_word SET department = (SELECT h.department\n"
	    "	    FROM household h WHERE h.id = new.household_id)\n"
	    "	    WHERE key = new.key AND member_id = new.member_id;\n"
	    "END;\n"
	    "CREATE TRIGGER IF NOT EXISTS name_word_department_move\n"
	    "    AFTER UPDATE OF department ON household\n"
	    "    WHEN new.department IS NOT old.department BEGIN\n"
	    "	UPDATE name_word SET department = new.department\n"
	    "	    WHERE household_id = new.id;\n"
	    "END;\n";

	return db_migrate_column(db, "name_word", "department", "TEXT", sql);
}

/*
 * Schema 19 -> 20 (db-open.c): household.initials (core_key_initial)
 * holds the bit of each first letter of the household's name words.  It
 * only narrows: a page that walks the register for a common search word
 * (db-list.c) looks up the words of the households whose initials hold
 * every search word's bit, about one in fifteen for "søren m", and the
 * indexes it walks carry the initials, so the others are passed over in
 * the index.  The households' writes set it from their names in C
 * (hh_bind); the word index's triggers add a word's bit for any other
 * writer (the sqlite3 tool too), and the demo's bulk fill drops them
 * (db-bulk.c).  A word taken away may leave its bit set: a search is a
 * little slower for that household, and never misses it.  `velkomst
 * check` names a household whose initials lack a bit (db-check.c).
 */
#define HH_INITIAL_ADD(w)						\
	"	UPDATE household SET initials = initials | "		\
	DB_INITIAL(w ".key") "\n"					\
	"	    WHERE id = " w ".household_id AND\n"		\
	"	    initials & " DB_INITIAL(w ".key") " = 0;\n"
enum db_status
db_household_initials_migrate(struct db *db)
{
	static const char sql[] =
	    "UPDATE household SET initials = coalesce((SELECT sum(DISTINCT "
	    DB_INITIAL("key") ") FROM name_word\n"
	    "    WHERE household_id = household.id), 0);\n"
	    "DROP INDEX IF EXISTS household_newest;\n"
	    "CREATE INDEX household_newest ON household\n"
	    "    (moved_in DESC, id DESC, initials);\n"
	    "DROP INDEX IF EXISTS household_dept_newest;\n"
	    "CREATE INDEX household_dept_newest ON household\n"
	    "    (department, moved_in DESC, id DESC, initials);\n"
	    "DROP INDEX IF EXISTS household_name;\n"
	    "CREATE INDEX household_name ON household\n"
	    "    (sort_key, id, initials);\n"
	    "DROP INDEX IF EXISTS household_dept_name;\n"
	    "CREATE INDEX household_dept_name ON household\n"
	    "    (department, sort_key, id, initials);\n"
	    "DROP INDEX IF EXISTS household_open;\n"
	    "CREATE INDEX household_open ON household\n"
	    "    (moved_in, id, moved_out, state, initials)\n"
	    "    WHERE state IN ('awaiting', 'partly');\n"
	    "DROP INDEX IF EXISTS household_dept_open;\n"
	    "CREATE INDEX household_dept_open ON household\n"
	    "    (department, moved_in, id, moved_out, state, initials)\n"
	    "    WHERE state IN ('awaiting', 'partly');\n"
	    "DROP INDEX IF EXISTS household_flagged;\n"
	    "CREATE INDEX household_flagged ON household\n"
	    "    (moved_in, id, moved_out, initials)\n"
	    "    WHERE flags <> 0 AND case_closed = 0;\n"
	    "DROP INDEX IF EXISTS household_dept_flagged;\n"
	    "CREATE INDEX household_dept_flagged ON household\n"
	    "    (department, moved_in, id, moved_out, initials)\n"
	    "    WHERE flags <> 0 AND case_closed = 0;\n"
	    "CREATE TRIGGER IF NOT EXISTS name_word_initials_add\n"
	    "    AFTER INSERT ON name_word BEGIN\n"
	    HH_INITIAL_ADD("new")
	    "END;\n"
	    "CREATE TRIGGER IF NOT EXISTS name_word_initials_change\n"
	    "    AFTER UPDATE OF key, household_id ON name_word BEGIN\n"
	    HH_INITIAL_ADD("new")
	    "END;\n";

	return db_migrate_column(db, "household", "initials",
	    "INTEGER NOT NULL DEFAULT 0", sql);
}
#undef HH_INITIAL_ADD

/* Rebuild one member's keys and words. */
static enum db_status
hh_rekey_member(struct db *db, long mid, long hid, const char *name)
{
	static const char sql[] = "UPDATE member SET search_key = ?1, "
	    "sort_key = ?2 WHERE id = ?3";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		*skey, *okey, **words;
	size_t		 n;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	skey = core_search_key(name);
	okey = core_sort_key(name);
	sqlite3_bind_text(st, 1, skey, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, okey, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, mid);
	s = db_step_done(db, st);
	free(skey);
	free(okey);
	if (s == DB_OK) {
		n = core_name_words(name, &words);
		s = hh_add_words(db, mid, hid, NULL, words, n);
		core_words_free(words, n);
	}
	return s;
}

/* Rebuild the keys of every member, one at a time in id order. */
static enum db_status
hh_rekey_members(struct db *db)
{
	static const char sql[] = "SELECT id, household_id, name FROM member "
	    "WHERE id > ?1 ORDER BY id LIMIT 1";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	long		 mid = 0, hid;
	char		*name;
	int		 rc;

	while (s == DB_OK) {
		if ((st = db_stmt(db, sql)) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, mid);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			sqlite3_reset(st);
			return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
		}
		mid = (long)sqlite3_column_int64(st, 0);
		hid = (long)sqlite3_column_int64(st, 1);
		name = db_column_text(st, 2, 0);
		sqlite3_reset(st);
		s = hh_rekey_member(db, mid, hid, name);
		free(name);
	}
	return s;
}

/* Rebuild every search key, sort key, name_word row and the
 * ambassadors' keys. */
enum db_status
db_household_rekey(struct db *db)
{
	/* Each step is SQL or, where sql is NULL, a function. */
	static const struct {
		const char	*sql;
		enum db_status	(*fn)(struct db *);
	} steps[] = {
		{ "DELETE FROM name_word", NULL },
		/* The words' trigger sets them again as they go in. */
		{ "UPDATE household SET initials = 0 WHERE initials <> 0",
		    NULL },
		{ NULL, hh_rekey_members },
		{ "UPDATE household SET sort_key = coalesce((SELECT m.sort_key "
		    "FROM member m WHERE m.household_id = household.id "
		    "ORDER BY m.position LIMIT 1), '')", NULL },
		{ NULL, db_ambassador_rekey },
		{ "INSERT OR REPLACE INTO meta (key, value) VALUES "
		    "('key_version', ?1)", NULL },
	};
	sqlite3_stmt	*st;
	enum db_status	 s;
	size_t		 i;
	char		 kv[16];

	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	snprintf(kv, sizeof kv, "%d", CORE_KEY_VERSION);
	for (i = 0; i < sizeof steps / sizeof steps[0] && s == DB_OK; i++) {
		if (steps[i].sql == NULL) {
			s = steps[i].fn(db);
			continue;
		}
		if ((st = db_stmt(db, steps[i].sql)) == NULL) {
			s = DB_ERROR;
			break;
		}
		if (sqlite3_bind_parameter_count(st) == 1)
			sqlite3_bind_text(st, 1, kv, -1, SQLITE_STATIC);
		s = db_step_done(db, st);
	}
	return db_write_end(db, s);
}

/* db_household_count_by of q as households of kind k. */
static enum db_status
hh_count_by(struct db *db, const struct who *who,
    const struct household_query *q, const struct db_list_kind *k,
    int by_stairwell, void (*fn)(void *, const char *, const char *, long),
    void *ctx)
{
	struct hh_filter f;
	struct db_list	 l;

	hh_filter_open(&f, q);
	db_list_init(&l, who, q->department, q->search, &f);
	return db_list_count_by(db, k, &l, by_stairwell ?
	    "h.department, h.stairwell" : "h.department", by_stairwell ? 2 :
	    1, fn, ctx);
}

/*
 * How many households q matches per department (by_stairwell: per
 * department and stairwell), with the very WHERE of the lists.  fn may
 * be given a group more than once: its counts add up.  FILTER_FLAGGED
 * (with no search and no reasons) is counted in its two halves, as
 * hh_count_flagged counts it, each on its own index: in one statement
 * the OR read every household of each department (the desk took 2.1 s
 * at 1,000,000 households; the halves take 15 and 35 ms).
 */
enum db_status
db_household_count_by(struct db *db, const struct who *who,
    const struct household_query *q, int by_stairwell,
    void (*fn)(void *, const char *, const char *, long), void *ctx)
{
	struct household_query	 half = *q;
	enum db_status		 s;

	if (q->filter != FILTER_FLAGGED || q->search != NULL || hh_reason(q))
		return hh_count_by(db, who, q, &hh_list_kind, by_stairwell,
		    fn, ctx);
	half.filter = (enum household_filter)FILTER_FLAGGED_SET;
	s = hh_count_by(db, who, &half, &hh_count_flagged_dept, by_stairwell,
	    fn, ctx);
	if (s != DB_OK || q->stale_days <= 0)
		return s;
	half.filter = (enum household_filter)FILTER_FLAGGED_STALE;
	return hh_count_by(db, who, &half, &hh_count_stale, by_stairwell, fn,
	    ctx);
}
