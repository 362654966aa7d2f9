/*
 * db-visit.c — welcome visits and their checklist items, and what they
 * add up to, kept with the household.
 *
 * A visit is checked with core's rules, stored with copies of its items'
 * keys and titles, English and Danish (a later change of the
 * configuration never rewrites history), and then the household's state, attempts, next date, last
 * visit and flags are worked out again from all its visits by
 * core_welcome_state() — all in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* A checklist item as it is stored: cleaned. */
struct vi_item {
	char		*key;
	char		*title;
	char		*title_da;	/* NULL: as title */
	char		*note;
	enum item_state	 state;
	int		 referral;
};

/* A visit as it is stored: cleaned, dates as ISO text. */
struct vi_clean {
	char		*ambassador;
	char		*notes;
	struct vi_item	*items;
	size_t		 nitems;
	int		 referral;	/* an item has one */
	char		 date[16];
	char		 next_date[16];
};

static const char vi_no_household[] = N_("The household does not exist "
    "(it may have been deleted).");

/* An ambassador's departments narrow the visit lists as ?5, ?6, ... */
#define VI_WHO_PARAM	5

/* Free what a cleaned visit owns. */
static void
vi_clean_free(struct vi_clean *c)
{
	size_t	 i;

	free(c->ambassador);
	free(c->notes);
	for (i = 0; i < c->nitems; i++) {
		free(c->items[i].key);
		free(c->items[i].title);
		free(c->items[i].title_da);
		free(c->items[i].note);
	}
	free(c->items);
	memset(c, 0, sizeof *c);
}

/* Check and clean item i of v into c->items[i]; NULL or what is wrong. */
static const char *
vi_clean_item(const struct visit *v, size_t i, struct vi_clean *c)
{
	const struct visit_item	*it = &v->items[i];
	struct vi_item		*out = &c->items[i];
	const char		*err;
	size_t			 j;

	if ((err = core_clean_field(it->key, NULL, &out->key)) != NULL ||
	    (err = core_clean_field(it->title, NULL, &out->title)) != NULL ||
	    (err = core_clean_field(it->title_da, NULL, &out->title_da)) !=
	    NULL ||
	    (err = core_clean_field(it->note, core_check_notes,
	    &out->note)) != NULL)
		return err;
	if (out->key == NULL || out->title == NULL)
		return N_("A checklist item has no name.");
	for (j = 0; j < i; j++)
		if (strcmp(c->items[j].key, out->key) == 0)
			return N_("A checklist item is there twice.");
	if (it->state != IS_DONE && it->state != IS_NOT_RELEVANT &&
	    it->state != IS_LATER)
		return N_("Every item of the checklist needs an answer: done, "
		    "not relevant or later.");
	out->state = it->state;
	out->referral = it->referral != 0;
	if (out->referral && out->note == NULL)
		return N_("An item passed to the secretariat needs a note "
		    "saying what it is about.");
	c->referral |= out->referral;
	return NULL;
}

/* Check and clean the checklist of v; NULL or what is wrong. */
static const char *
vi_clean_items(const struct visit *v, struct vi_clean *c)
{
	enum item_state		*states;
	enum visit_outcome	 got;
	const char		*err = NULL;
	size_t			 i;

	if (v->outcome == VO_NOT_HOME || v->outcome == VO_DECLINED)
		return v->nitems == 0 ? NULL : N_("A visit where nobody opened "
		    "or that was declined has no checklist.");
	if (v->nitems == 0 || v->items == NULL)
		return N_("Go through the checklist: a welcome needs it.");
	c->items = xcalloc(v->nitems, sizeof *c->items);
	states = xcalloc(v->nitems, sizeof *states);
	for (i = 0; i < v->nitems && err == NULL; i++) {
		c->nitems = i + 1;
		err = vi_clean_item(v, i, c);
		states[i] = v->items[i].state;
	}
	if (err == NULL &&
	    core_checklist_outcome(states, v->nitems, &got) == -1)
		err = N_("Every item of the checklist needs an answer: done, "
		    "not relevant or later.");
	else if (err == NULL && got != v->outcome)
		err = v->outcome == VO_WELCOMED ? N_("A welcome has every item "
		    "done or not relevant; with items for later it is a "
		    "partly welcome.") : N_("A partly welcome has at least one "
		    "item for later.");
	free(states);
	return err;
}

/* Check v with core's rules (all but what needs the household) and make
 * its stored form in c; NULL or what is wrong. */
static const char *
vi_clean(const struct visit *v, struct vi_clean *c)
{
	const char	*err;
	int		 retry;

	memset(c, 0, sizeof *c);
	if ((unsigned)v->outcome > VO_DECLINED)
		return N_("The outcome of the visit is not known.");
	if (v->date == DATE_NONE)
		return core_check_visit_date(DATE_NONE, DATE_NONE, DATE_NONE,
		    util_today());
	if ((err = core_check_date_range(v->date)) != NULL ||
	    (err = core_check_date_range(v->next_date)) != NULL)
		return err;
	if ((err = core_clean_field(v->ambassador != NULL ? v->ambassador : "",
	    core_check_name, &c->ambassador)) != NULL ||
	    (err = core_clean_field(v->notes, core_check_notes,
	    &c->notes)) != NULL)
		return err;
	if (c->ambassador == NULL)
		return core_check_name("");
	retry = v->outcome == VO_NOT_HOME || v->outcome == VO_PARTLY;
	if (retry && (err = core_check_next_date(v->next_date, v->date,
	    util_today())) != NULL)
		return err;
	if (!retry && v->next_date != DATE_NONE)
		return N_("A welcome or a refusal has no date to come back.");
	if (v->story && !v->story_consent)
		return db_story_no_consent;
	if (v->story && v->outcome != VO_WELCOMED && v->outcome != VO_PARTLY)
		return N_("Only a visit where someone opened the door can be a "
		    "possible success story.");
	util_date_iso(v->date, c->date);
	util_date_iso(retry ? v->next_date : DATE_NONE, c->next_date);
	return vi_clean_items(v, c);
}

/*
 * Check the visit's date against household id's dates: DB_OK, DB_INVALID
 * when the date does not fit, or DB_NOTFOUND when there is no such
 * household or who may not see it (the same sentence: an ambassador
 * cannot tell another department's household from none).
 */
static enum db_status
vi_check_household(struct db *db, const struct who *who, long id, long date)
{
	static const char sql[] = "SELECT moved_in, moved_out, department "
	    "FROM household WHERE id = ?1";
	sqlite3_stmt	*st;
	const char	*err = NULL;
	int		 rc, seen = 0;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		seen = db_who_sees(who, (const char *)sqlite3_column_text(st,
		    2));
		err = core_check_visit_date(date, db_column_date(st, 0),
		    db_column_date(st, 1), util_today());
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	if (!seen)
		return db_fail(db, DB_NOTFOUND, "%s", _(vi_no_household));
	if (err != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	return db_refuse_erased(db, id, db_erased_msg);
}

/* Insert the items of visit vid. */
static enum db_status
vi_add_items(struct db *db, long vid, const struct vi_clean *c)
{
	static const char sql[] = "INSERT INTO visit_item (visit_id, position, "
	    "key, title_en, state, note, referral, title_da) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8)";
	const struct vi_item	*it;
	sqlite3_stmt		*st;
	enum db_status		 s = DB_OK;
	size_t			 i;

	for (i = 0; i < c->nitems && s == DB_OK; i++) {
		it = &c->items[i];
		if ((st = db_stmt(db, sql)) == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, vid);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, it->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, it->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, core_item_state_name(it->state), -1,
		    SQLITE_STATIC);
		db_bind_text(st, 6, it->note);
		sqlite3_bind_int(st, 7, it->referral);
		/* Never NULL: only rows older than schema 7 wait for theirs. */
		sqlite3_bind_text(st, 8, it->title_da != NULL ? it->title_da :
		    it->title, -1, SQLITE_STATIC);
		s = db_step_done(db, st);
	}
	return s;
}

/* Insert visit v (cleaned as c) with its items; sets *vid. */
static enum db_status
vi_insert(struct db *db, const struct who *who, const struct visit *v,
    const struct vi_clean *c, long *vid)
{
	static const char sql[] = "INSERT INTO visit (household_id, date, "
	    "ambassador, outcome, next_date, notes, referral, created_at, "
	    "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 now[20];

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, v->household);
	sqlite3_bind_text(st, 2, c->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->ambassador, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, core_outcome_name(v->outcome), -1,
	    SQLITE_STATIC);
	db_bind_text(st, 5, c->next_date);
	db_bind_text(st, 6, c->notes);
	sqlite3_bind_int(st, 7, c->referral);
	sqlite3_bind_text(st, 8, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, who->name, -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	*vid = (long)sqlite3_last_insert_rowid(db->h);
	return vi_add_items(db, *vid, c);
}

/* The handled_on of household id into *out (DATE_NONE if none). */
static enum db_status
vi_handled_on(struct db *db, long id, long *out)
{
	static const char sql[] = "SELECT handled_on FROM household "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	*out = DATE_NONE;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = db_column_date(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/*
 * A note may be kept on a visit that does not welcome the household
 * (not home, declined) only while the household has not withdrawn its
 * consent to the visit; one that welcomes it gives that consent again.
 */
static enum db_status
vi_may_note(struct db *db, const struct visit *v, const struct vi_clean *c)
{
	enum db_status	 s;
	int		 live, withdrawn;

	if (c->notes == NULL || c->notes[0] == '\0' ||
	    v->outcome == VO_WELCOMED || v->outcome == VO_PARTLY)
		return DB_OK;
	if ((s = db_consent_live(db, v->household, CP_VISIT, &live,
	    &withdrawn)) != DB_OK)
		return s;
	if (withdrawn)
		return db_fail(db, DB_INVALID, N_("The household has "
		    "withdrawn its consent to the welcome visit, so no note "
		    "can be kept. Save without the note."));
	return DB_OK;
}

/* Add visit v and bring its household up to date, in one transaction. */
enum db_status
db_visit_add(struct db *db, const struct who *who, struct visit *v,
    int max_attempts)
{
	struct vi_clean	 c;
	const char	*err;
	enum db_status	 s;
	long		 vid = 0, handled;
	char		 detail[32];

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if ((err = vi_clean(v, &c)) != NULL) {
		vi_clean_free(&c);
		return db_fail(db, DB_INVALID, "%s", _(err));
	}
	if ((s = db_write_begin(db)) != DB_OK) {
		vi_clean_free(&c);
		return s;
	}
	/* The trail names the household by its number, never its people. */
	snprintf(detail, sizeof detail, "household %ld", v->household);
	if ((s = vi_check_household(db, who, v->household, v->date)) ==
	    DB_OK && (s = vi_may_note(db, v, &c)) == DB_OK &&
	    (s = vi_insert(db, who, v, &c, &vid)) == DB_OK &&
	    (s = vi_handled_on(db, v->household, &handled)) == DB_OK &&
	    (s = db_visit_recompute(db, who, v->household, max_attempts,
	    handled)) == DB_OK &&
	    (s = db_audit(db, who, "visit added", "visit", vid, detail)) ==
	    DB_OK && (v->outcome == VO_WELCOMED || v->outcome == VO_PARTLY))
		/* Opening the door to the visit is the consent to it. */
		s = db_consent_ensure(db, who, v->household, CP_VISIT,
		    CH_DOOR, c.date, who->name);
	if (s == DB_OK && v->story)
		s = db_story_mark(db, who, vid, 1);
	vi_clean_free(&c);
	if ((s = db_write_end(db, s)) == DB_OK)
		v->id = vid;
	return s;
}

/* Read the facts of household id's visits into a new array *facts. */
static enum db_status
vi_facts(struct db *db, long id, struct visit_fact **facts, size_t *n)
{
	/* Handled: saved before the secretariat dealt with the household
	 * (by the newest visit it saw) and dated on or before that day. */
	static const char sql[] = "SELECT v.date, v.outcome, v.next_date, "
	    "v.referral, v.id <= h.handled_visit AND v.date <= h.handled_on, "
	    "coalesce(v.notes, '') <> '' "
	    "FROM visit v JOIN household h ON h.id = v.household_id "
	    "WHERE v.household_id = ?1 ORDER BY v.date, v.id";
	struct visit_fact	*f;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc;

	*facts = NULL;
	*n = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			*facts = xreallocarray(*facts, cap, sizeof **facts);
		}
		f = &(*facts)[(*n)++];
		f->date = db_column_date(st, 0);
		if (core_outcome_parse((const char *)sqlite3_column_text(st, 1),
		    &f->outcome) == -1)
			f->outcome = VO_NOT_HOME;
		f->next_date = db_column_date(st, 2);
		f->referral = sqlite3_column_int(st, 3) != 0;
		f->handled = sqlite3_column_int(st, 4) != 0;
		f->noted = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*facts);
		*facts = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* Work household id's welcome state out again from its visits. */
enum db_status
db_visit_recompute(struct db *db, const struct who *who, long id,
    int max_attempts, long handled_on)
{
	static const char sql[] = "UPDATE household SET state = ?1, "
	    "attempts = ?2, next_date = ?3, last_visit = ?4, flags = ?5, "
	    "handled_on = ?6, updated_at = ?7, updated_by = ?8, "
	    "version = version + 1 WHERE id = ?9";
	struct visit_fact	*facts;
	struct welcome_state	 ws;
	sqlite3_stmt		*st;
	enum db_status		 s;
	size_t			 n;
	char			 next[16], last[16], handled[16], now[20];

	if ((s = vi_facts(db, id, &facts, &n)) != DB_OK)
		return s;
	/* What the secretariat dealt with is marked on each visit (by the
	 * newest visit it saw), so the day itself is not a bound here. */
	core_welcome_state(facts, n, max_attempts, DATE_NONE, &ws);
	free(facts);
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, core_status_name(ws.state), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, ws.attempts);
	db_bind_text(st, 3, util_date_iso(ws.next_date, next));
	db_bind_text(st, 4, util_date_iso(ws.last_visit, last));
	sqlite3_bind_int(st, 5, ws.flags);
	db_bind_text(st, 6, util_date_iso(handled_on, handled));
	sqlite3_bind_text(st, 7, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, who->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 9, id);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (sqlite3_changes(db->h) == 0)
		return db_fail(db, DB_NOTFOUND, "%s", _(vi_no_household));
	return DB_OK;
}

/* Free what n visits own, and the array. */
void
db_visits_free(struct visit *v, size_t n)
{
	size_t	 i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		db_visit_clear(&v[i]);
	free(v);
}

/* Free what one visit owns (not the visit itself) and zero it. */
void
db_visit_clear(struct visit *v)
{
	size_t	 j;

	for (j = 0; v->items != NULL && j < v->nitems; j++) {
		free(v->items[j].key);
		free(v->items[j].title);
		free(v->items[j].title_da);
		free(v->items[j].note);
	}
	free(v->items);
	free(v->ambassador);
	free(v->notes);
	free(v->created_by);
	free(v->created_at);
	free(v->story_consent_by);
	memset(v, 0, sizeof *v);
}

/* Read the items of visit v->id into v. */
static enum db_status
vi_list_items(struct db *db, struct visit *v)
{
	static const char sql[] = "SELECT key, title_en, state, note, "
	    "referral, title_da FROM visit_item WHERE visit_id = ?1 "
	    "ORDER BY position";
	struct visit_item	*it;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, v->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->nitems == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			v->items = xreallocarray(v->items, cap,
			    sizeof *v->items);
		}
		it = &v->items[v->nitems++];
		it->key = db_column_text(st, 0, 0);
		it->title = db_column_text(st, 1, 0);
		if (core_item_state_parse((const char *)sqlite3_column_text(st,
		    2), &it->state) == -1)
			it->state = IS_UNSET;
		it->note = db_column_text(st, 3, 1);
		it->referral = sqlite3_column_int(st, 4) != 0;
		it->title_da = db_column_text(st, 5, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Fill v from the visit list statement's current row. */
static void
vi_list_row(sqlite3_stmt *st, struct visit *v)
{
	memset(v, 0, sizeof *v);
	v->id = (long)sqlite3_column_int64(st, 0);
	v->household = (long)sqlite3_column_int64(st, 1);
	v->date = db_column_date(st, 2);
	v->ambassador = db_column_text(st, 3, 0);
	if (core_outcome_parse((const char *)sqlite3_column_text(st, 4),
	    &v->outcome) == -1)
		v->outcome = VO_NOT_HOME;
	v->next_date = db_column_date(st, 5);
	v->notes = db_column_text(st, 6, 1);
	v->created_by = db_column_text(st, 7, 0);
	v->created_at = db_column_text(st, 8, 0);
	v->story = sqlite3_column_int(st, 9) != 0;
	v->story_consent = v->story;
	v->story_consent_on = db_column_date(st, 10);
	v->story_consent_by = db_column_text(st, 11, 1);
}

/* The columns and the order of the visit lists. */
#define VI_COLS	"SELECT id, household_id, date, ambassador, outcome, " \
	"next_date, notes, created_by, created_at, s.visit_id IS NOT NULL, " \
	"s.consent_on, s.consent_by FROM visit LEFT JOIN visit_story s ON " \
	"s.visit_id = visit.id "
#define VI_ORDER " ORDER BY date DESC, id DESC LIMIT ?4"

/*
 * Prepare (not cached) the visit list of the conditions `where`, narrowed
 * to the households of who's departments (?5, ...), newest first;
 * LIMIT ?4.
 */
static sqlite3_stmt *
vi_prepare_narrowed(struct db *db, const struct who *who, const char *where)
{
	sqlite3_stmt	*st;
	char		 sql[1024];
	size_t		 o;

	o = (size_t)snprintf(sql, sizeof sql, VI_COLS "WHERE %s AND "
	    "household_id IN (SELECT id FROM household WHERE 1", where);
	o = db_who_where(sql, sizeof sql, o, who, "department", VI_WHO_PARAM);
	if (o < sizeof sql)
		snprintf(sql + o, sizeof sql - o, ")" VI_ORDER);
	if ((st = db_prepare(db, sql)) != NULL)
		db_who_bind(st, who, VI_WHO_PARAM);
	return st;
}

/*
 * The visit list statement for one household (?1) or all, from the
 * newest or after a cursor (date ?2, id ?3); LIMIT ?4.  All of them for
 * who only sees some departments is narrowed to those: then *own is set
 * and the caller finalizes the statement.
 */
static sqlite3_stmt *
vi_list_stmt(struct db *db, const struct who *who, long household,
    int cursor, int *own)
{
	static const char all[] = VI_COLS VI_ORDER;
	static const char all_after[] = VI_COLS "WHERE (date, id) < (?2, ?3)"
	    VI_ORDER;
	static const char one[] = VI_COLS "WHERE household_id = ?1" VI_ORDER;
	static const char one_after[] = VI_COLS "WHERE household_id = ?1 "
	    "AND (date, id) < (?2, ?3)" VI_ORDER;

	*own = 0;
	if (household != 0)
		return db_stmt(db, cursor ? one_after : one);
	if (core_may(who->role, ACCESS_ALL_DEPARTMENTS))
		return db_stmt(db, cursor ? all_after : all);
	*own = 1;
	return vi_prepare_narrowed(db, who, cursor ? "(date, id) < (?2, ?3)" :
	    "1");
}

/* Reset a cached statement, or finalize one of our own. */
static void
vi_done(sqlite3_stmt *st, int own)
{
	if (own)
		sqlite3_finalize(st);
	else
		sqlite3_reset(st);
}

/* Read up to limit visits after `after` into *out, without their items. */
static enum db_status
vi_list_visits(struct db *db, const struct who *who, long household,
    const struct visit *after, size_t limit, struct visit **out, size_t *n)
{
	sqlite3_stmt	*st;
	char		 iso[16];
	int		 rc = SQLITE_DONE, own;

	if ((st = vi_list_stmt(db, who, household, after != NULL,
	    &own)) == NULL)
		return DB_ERROR;
	if (household != 0)
		sqlite3_bind_int64(st, 1, household);
	if (after != NULL) {
		sqlite3_bind_text(st, 2, util_date_iso(after->date, iso), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, after->id);
	}
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit);
	if (limit > 0)
		*out = xcalloc(limit, sizeof **out);
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		vi_list_row(st, &(*out)[(*n)++]);
	vi_done(st, own);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Visits newest first, up to limit after `after`, with their items. */
enum db_status
db_visit_list(struct db *db, const struct who *who, long household,
    const struct visit *after, size_t limit, struct visit **out, size_t *n)
{
	enum db_status	 s;
	size_t		 i;
	int		 txn;

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	/* One read transaction, so the items match their visits. */
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	if (household != 0)
		s = db_household_visible(db, who, household);
	if (s == DB_OK)
		s = vi_list_visits(db, who, household, after, limit, out, n);
	for (i = 0; i < *n && s == DB_OK; i++)
		s = vi_list_items(db, &(*out)[i]);
	if (txn)
		db_exec(db, "COMMIT");
	if (s != DB_OK) {
		db_visits_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

/* Every visit db_visit_list goes through, a page at a time. */
enum db_status
db_visit_each(struct db *db, const struct who *who, long household,
    int (*fn)(void *, const struct visit *), void *ctx)
{
	struct visit	*v, last = { 0 };	/* the cursor: date and id */
	enum db_status	 s;
	size_t		 n, i;
	int		 have = 0, stop = 0;

	do {
		if ((s = db_visit_list(db, who, household, have ? &last :
		    NULL, DB_EACH_PAGE, &v, &n)) != DB_OK)
			return s;
		for (i = 0; i < n && !stop; i++)
			stop = fn(ctx, &v[i]) != 0;
		if (n > 0) {
			last.id = v[n - 1].id;
			last.date = v[n - 1].date;
			have = 1;
		}
		db_visits_free(v, n);
	} while (n == DB_EACH_PAGE && !stop);
	return DB_OK;
}

/* How many visits db_visit_list goes through. */
enum db_status
db_visit_count(struct db *db, const struct who *who, long household,
    long *n)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[1024];
	size_t		 o;
	int		 rc;

	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (household != 0 && (s = db_household_visible(db, who,
	    household)) != DB_OK))
		return s;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT count(*) FROM visit "
	    "WHERE %s", household != 0 ? "household_id = ?1" : "1");
	if (household == 0 && !core_may(who->role, ACCESS_ALL_DEPARTMENTS)) {
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND "
		    "household_id IN (SELECT id FROM household WHERE 1");
		o = db_who_where(sql, sizeof sql, o, who, "department",
		    VI_WHO_PARAM);
		if (o < sizeof sql)
			snprintf(sql + o, sizeof sql - o, ")");
	}
	if ((st = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	if (household != 0)
		sqlite3_bind_int64(st, 1, household);
	else
		db_who_bind(st, who, VI_WHO_PARAM);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* The newest visits (without items) an ambassador of that name made. */
enum db_status
db_visit_list_by(struct db *db, const struct who *who, const char *name,
    size_t limit, struct visit **out, size_t *n)
{
	static const char sql[] = VI_COLS "WHERE ambassador = ?1" VI_ORDER;
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 rc = SQLITE_DONE, own;

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK)
		return s;
	own = !core_may(who->role, ACCESS_ALL_DEPARTMENTS);
	st = own ? vi_prepare_narrowed(db, who, "ambassador = ?1") :
	    db_stmt(db, sql);
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit);
	if (limit > 0)
		*out = xcalloc(limit, sizeof **out);
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		vi_list_row(st, &(*out)[(*n)++]);
	vi_done(st, own);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_visits_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* 1 if some item waits for its Danish title (the index holds them). */
static int
vi_untitled(struct db *db)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_stmt(db, "SELECT 1 FROM visit_item INDEXED BY "
	    "visit_item_untitled WHERE title_da IS NULL LIMIT 1");
	if (st == NULL)
		return 0;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}

/* Fill the Danish titles of the items of key that have none. */
static enum db_status
vi_fill_key(struct db *db, const char *key, const char *title_da)
{
	sqlite3_stmt	*st;

	st = db_stmt(db, "UPDATE visit_item SET title_da = coalesce(?2, "
	    "title_en) WHERE key = ?1 AND title_da IS NULL");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	db_bind_text(st, 2, title_da);
	return db_step_done(db, st);
}

/* Fill the Danish titles of items stored before they were kept. */
enum db_status
db_visit_fill_titles(struct db *db, size_t n, const char *const *keys,
    const char *const *title_da)
{
	enum db_status	 s;
	size_t		 i;

	if (db->readonly || !vi_untitled(db))
		return DB_OK;
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	for (i = 0; i < n && s == DB_OK; i++)
		s = vi_fill_key(db, keys[i], title_da[i]);
	/* Keys no longer in the checklist: the English title, in Danish
	 * too (what a Danish screen showed of an item without one). */
	if (s == DB_OK)
		s = db_step_done(db, db_stmt(db, "UPDATE visit_item SET "
		    "title_da = title_en WHERE title_da IS NULL"));
	return db_write_end(db, s);
}
