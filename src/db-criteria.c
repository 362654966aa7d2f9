/*
 * db-criteria.c — what the secretariat records for the activity's success
 * criteria (films and their views, success stories and their likes,
 * stories in the local paper), and the welcome visits marked as possible
 * success stories, only with the household's yes.
 *
 * The records are the secretariat's (ACCESS_GOAL); a visit's mark is
 * also its ambassador's.  Every change is one transaction with one audit
 * row naming the record by its number and kind, never its title.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

#define CR_COLUMNS	"id, kind, date, title, channel, paper, count, " \
	"counted_on, version, created_by, created_at, updated_by, updated_at"

static const char cr_no_record[] = N_("The record does not exist (it may "
    "have been deleted).");
const char db_story_no_consent[] = N_("A visit can be marked as a possible "
    "success story only when the household has said yes to it.");
static const char cr_no_visit[] = N_("The visit does not exist (it may "
    "have been deleted).");

/* Free what a record owns. */
void
db_criteria_clear(struct criteria_record *r)
{
	free(r->title);
	free(r->paper);
	free(r->created_by);
	free(r->created_at);
	free(r->updated_by);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

/* Free n records and their array. */
void
db_criteria_free(struct criteria_record *r, size_t n)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < n; i++)
		db_criteria_clear(&r[i]);
	free(r);
}

/* Fill record p from a row of CR_COLUMNS. */
static void
cr_row(sqlite3_stmt *st, void *p)
{
	struct criteria_record	*r = p;

	memset(r, 0, sizeof *r);
	r->id = (long)sqlite3_column_int64(st, 0);
	if (core_crit_record_parse((const char *)sqlite3_column_text(st, 1),
	    &r->kind) == -1)
		r->kind = CR_STORY;
	r->date = db_column_date(st, 2);
	r->title = db_column_text(st, 3, 0);
	if (core_crit_channel_parse((const char *)sqlite3_column_text(st, 4),
	    &r->channel) == -1)
		r->channel = CH_OTHER;
	r->paper = db_column_text(st, 5, 1);
	r->count = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 :
	    (long)sqlite3_column_int64(st, 6);
	r->counted_on = db_column_date(st, 7);
	r->version = (long)sqlite3_column_int64(st, 8);
	r->created_by = db_column_text(st, 9, 0);
	r->created_at = db_column_text(st, 10, 0);
	r->updated_by = db_column_text(st, 11, 0);
	r->updated_at = db_column_text(st, 12, 0);
}

/* Check r as it will be stored; *title and *paper get the cleaned texts
 * (new, or NULL).  NULL when fine, else the sentence (N_()). */
static const char *
cr_clean(const struct criteria_record *r, char **title, char **paper)
{
	const char	*err;
	long		 today = util_today();

	*title = *paper = NULL;
	if ((size_t)r->kind >= NCRIT_RECORD)
		return N_("Pick what it is: a film, a success story or a "
		    "press story.");
	if ((err = core_check_crit_date(r->date, today)) != NULL ||
	    (err = core_clean_field(r->title != NULL ? r->title : "",
	    core_check_crit_title, title)) != NULL)
		return err;
	if (r->kind == CR_PRESS) {
		if (r->count != -1 || r->counted_on != DATE_NONE)
			return N_("A press story has no views or likes.");
		return core_clean_field(r->paper != NULL ? r->paper : "",
		    core_check_crit_paper, paper);
	}
	if (r->paper != NULL && r->paper[0] != '\0')
		return N_("Only a press story has a paper.");
	if ((size_t)r->channel >= NCRIT_CHANNEL)
		return N_("Pick where it was shown: the website, Facebook or "
		    "other.");
	if ((err = core_check_crit_count(r->count, r->counted_on, r->date,
	    today)) != NULL)
		return err;
	return r->counted_on == DATE_NONE ? NULL :
	    core_check_date_range(r->counted_on);
}

/* Bind the fields of r (cleaned title and paper) as ?1..?7, the time
 * as ?8 and who as ?9. */
static void
cr_bind(sqlite3_stmt *st, const struct who *who,
    const struct criteria_record *r, const char *title, const char *paper)
{
	char	 date[16], on[16], now[20];

	sqlite3_bind_text(st, 1, core_crit_record_name(r->kind), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 2, util_date_iso(r->date, date), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, title, -1, SQLITE_TRANSIENT);
	if (r->kind == CR_PRESS)
		sqlite3_bind_null(st, 4);
	else
		sqlite3_bind_text(st, 4, core_crit_channel_name(r->channel),
		    -1, SQLITE_STATIC);
	db_bind_text(st, 5, paper);
	if (r->count < 0)
		sqlite3_bind_null(st, 6);
	else
		sqlite3_bind_int64(st, 6, r->count);
	db_bind_text(st, 7, util_date_iso(r->counted_on, on));
	sqlite3_bind_text(st, 8, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, who->name, -1, SQLITE_TRANSIENT);
}

/* The audit row of a change to record id of kind k. */
static enum db_status
cr_audit(struct db *db, const struct who *who, const char *what, long id,
    enum crit_record_kind k)
{
	return db_audit(db, who, what, "criteria_record", id,
	    core_crit_record_name(k));
}

/* Insert r; sets r->id and r->version. */
static enum db_status
cr_insert(struct db *db, const struct who *who, struct criteria_record *r,
    const char *title, const char *paper)
{
	static const char sql[] = "INSERT INTO criteria_record (kind, date, "
	    "title, channel, paper, count, counted_on, created_at, "
	    "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?8, ?9)";
	sqlite3_stmt	*st;
	enum db_status	 s;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	cr_bind(st, who, r, title, paper);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	r->id = (long)sqlite3_last_insert_rowid(db->h);
	r->version = 1;
	return cr_audit(db, who, "criteria record added", r->id, r->kind);
}

/* The rights and the who of every change of a record. */
static enum db_status
cr_may(struct db *db, const struct who *who)
{
	enum db_status	s;

	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	return db_check_who(db, who);
}

/* Add a record. */
enum db_status
db_criteria_add(struct db *db, const struct who *who,
    struct criteria_record *r)
{
	enum db_status	 s;
	const char	*err;
	char		*title, *paper;

	if ((s = cr_may(db, who)) != DB_OK)
		return s;
	if ((err = cr_clean(r, &title, &paper)) != NULL)
		s = db_fail(db, DB_INVALID, "%s", _(err));
	else if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, cr_insert(db, who, r, title, paper));
	free(title);
	free(paper);
	return s;
}

/* The stored kind, date, counted_on and version of record id. */
static enum db_status
cr_stored(struct db *db, long id, struct criteria_record *out)
{
	static const char sql[] = "SELECT " CR_COLUMNS " FROM criteria_record "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cr_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "%s", _(cr_no_record));
	if (rc != SQLITE_ROW)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Replace the fields of r->id (of its stored kind), if still r->version. */
static enum db_status
cr_update(struct db *db, const struct who *who,
    const struct criteria_record *r, const char *title, const char *paper)
{
	static const char sql[] = "UPDATE criteria_record SET kind = ?1, "
	    "date = ?2, title = ?3, channel = ?4, paper = ?5, count = ?6, "
	    "counted_on = ?7, updated_at = ?8, updated_by = ?9, "
	    "version = version + 1 WHERE id = ?10 AND version = ?11";
	sqlite3_stmt	*st;
	enum db_status	 s;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	cr_bind(st, who, r, title, paper);
	sqlite3_bind_int64(st, 10, r->id);
	sqlite3_bind_int64(st, 11, r->version);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (sqlite3_changes(db->h) == 0)
		return db_fail(db, DB_CONFLICT, N_("Someone else changed this "
		    "record while you had it open. Nothing was saved; open it "
		    "again to see the change."));
	return cr_audit(db, who, "criteria record changed", r->id, r->kind);
}

/* Replace the fields of a record (its kind stays). */
enum db_status
db_criteria_update(struct db *db, const struct who *who,
    const struct criteria_record *r)
{
	struct criteria_record	 old, upd;
	enum db_status		 s;
	const char		*err;
	char			*title = NULL, *paper = NULL;

	if ((s = cr_may(db, who)) != DB_OK ||
	    (s = db_write_begin(db)) != DB_OK)
		return s;
	memset(&old, 0, sizeof old);
	if ((s = cr_stored(db, r->id, &old)) == DB_OK) {
		upd = *r;
		upd.kind = old.kind;
		if ((err = cr_clean(&upd, &title, &paper)) != NULL)
			s = db_fail(db, DB_INVALID, "%s", _(err));
		else
			s = cr_update(db, who, &upd, title, paper);
	}
	db_criteria_clear(&old);
	free(title);
	free(paper);
	return db_write_end(db, s);
}

/* Check a new count of record r, counted on day on. */
static enum db_status
cr_count_ok(struct db *db, const struct criteria_record *r, long count,
    long on)
{
	const char	*err;
	char		 d[11];

	if (r->kind == CR_PRESS)
		return db_fail(db, DB_INVALID, "%s", _("A press story has no "
		    "views or likes."));
	if (count < 0)
		return db_fail(db, DB_INVALID, "%s", _("Write a whole number "
		    "from 0 to 1,000,000,000."));
	if ((err = core_check_crit_count(count, on, r->date,
	    util_today())) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	if (r->counted_on != DATE_NONE && on < r->counted_on)
		return db_fail(db, DB_INVALID, _("A newer count is recorded "
		    "already, from %s: the latest is kept."),
		    util_date_dk(r->counted_on, d));
	return DB_OK;
}

/* Record the latest views or likes of record id. */
enum db_status
db_criteria_count(struct db *db, const struct who *who, long id,
    long count, long on)
{
	static const char sql[] = "UPDATE criteria_record SET count = ?1, "
	    "counted_on = ?2, updated_at = ?3, updated_by = ?4, "
	    "version = version + 1 WHERE id = ?5";
	struct criteria_record	 r;
	sqlite3_stmt		*st;
	enum db_status		 s;
	char			 iso[16], now[20];

	if ((s = cr_may(db, who)) != DB_OK ||
	    (s = db_write_begin(db)) != DB_OK)
		return s;
	memset(&r, 0, sizeof r);
	if ((s = cr_stored(db, id, &r)) == DB_OK &&
	    (s = cr_count_ok(db, &r, count, on)) == DB_OK) {
		if ((st = db_stmt(db, sql)) == NULL)
			s = DB_ERROR;
		else {
			sqlite3_bind_int64(st, 1, count);
			sqlite3_bind_text(st, 2, util_date_iso(on, iso), -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, db_now(now), -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 4, who->name, -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 5, id);
			s = db_step_done(db, st);
		}
		if (s == DB_OK)
			s = cr_audit(db, who, "criteria count recorded", id,
			    r.kind);
	}
	db_criteria_clear(&r);
	return db_write_end(db, s);
}

/* Delete a record recorded by mistake. */
enum db_status
db_criteria_delete(struct db *db, const struct who *who, long id,
    long version)
{
	static const char sql[] = "DELETE FROM criteria_record WHERE id = ?1 "
	    "AND version = ?2";
	struct criteria_record	 r;
	sqlite3_stmt		*st;
	enum db_status		 s;

	if ((s = cr_may(db, who)) != DB_OK ||
	    (s = db_write_begin(db)) != DB_OK)
		return s;
	memset(&r, 0, sizeof r);
	if ((s = cr_stored(db, id, &r)) == DB_OK) {
		if ((st = db_stmt(db, sql)) == NULL)
			s = DB_ERROR;
		else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, version);
			s = db_step_done(db, st);
		}
		if (s == DB_OK && sqlite3_changes(db->h) == 0)
			s = db_fail(db, DB_CONFLICT, N_("Someone else changed "
			    "this record while you had it open. Nothing was "
			    "deleted."));
		if (s == DB_OK)
			s = cr_audit(db, who, "criteria record deleted", id,
			    r.kind);
	}
	db_criteria_clear(&r);
	return db_write_end(db, s);
}

/* Read record id. */
enum db_status
db_criteria_get(struct db *db, const struct who *who, long id,
    struct criteria_record *out)
{
	enum db_status	s;

	memset(out, 0, sizeof *out);
	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	return cr_stored(db, id, out);
}

/* The first and last day of year as ISO text ("" for year 0: no bound). */
static void
cr_year(int year, char lo[16], char hi[16])
{
	long	day;

	lo[0] = hi[0] = '\0';
	if (year == 0)
		return;
	if (util_date_make(year, 1, 1, &day) == 0)
		util_date_iso(day, lo);
	if (util_date_make(year, 12, 31, &day) == 0)
		util_date_iso(day, hi);
}

/* Step st to its end, each row into a new element (size bytes, filled
 * by row) of the growing array *rows: DB_OK, or the failure with what
 * was read freed by free_all. */
static enum db_status
cr_read_all(struct db *db, sqlite3_stmt *st, size_t size,
    void (*row)(sqlite3_stmt *, void *), void (*free_all)(void *, size_t),
    void **rows, size_t *n)
{
	char	*got = NULL;
	size_t	 cap = 0;
	int	 rc;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			got = xreallocarray(got, cap, size);
		}
		row(st, got + (*n)++ * size);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free_all(got, *n);
		*rows = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	*rows = got;
	return DB_OK;
}

/* db_criteria_free and db_story_visits_free for cr_read_all. */
static void
cr_free_records(void *p, size_t n)
{
	db_criteria_free(p, n);
}

static void
cr_free_stories(void *p, size_t n)
{
	db_story_visits_free(p, n);
}

/* The records of a year (0: all), newest first. */
enum db_status
db_criteria_list(struct db *db, const struct who *who, int year,
    struct criteria_record **out, size_t *n)
{
	static const char sql[] = "SELECT " CR_COLUMNS " FROM criteria_record "
	    "WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) "
	    "ORDER BY date DESC, id DESC";
	sqlite3_stmt	*st;
	enum db_status	 s;
	void		*got;
	char		 lo[16], hi[16];

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	cr_year(year, lo, hi);
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	s = cr_read_all(db, st, sizeof **out, cr_row, cr_free_records, &got, n);
	*out = got;
	return s;
}

/* Every record as the rules see it. */
enum db_status
db_criteria_facts(struct db *db, const struct who *who,
    struct crit_fact **facts, size_t *n)
{
	struct criteria_record	*r;
	enum db_status		 s;
	size_t			 i, nr;

	*facts = NULL;
	*n = 0;
	if ((s = db_criteria_list(db, who, 0, &r, &nr)) != DB_OK)
		return s;
	if (nr > 0)
		*facts = xcalloc(nr, sizeof **facts);
	for (i = 0; i < nr; i++) {
		(*facts)[i].kind = r[i].kind;
		(*facts)[i].date = r[i].date;
		(*facts)[i].count = r[i].count;
		(*facts)[i].channel = r[i].channel;
	}
	*n = nr;
	db_criteria_free(r, nr);
	return DB_OK;
}

/* What each criterion reached in a year, from one read of the facts. */
enum db_status
db_criteria_reached(struct db *db, const struct who *who,
    const struct criterion *const *rules, size_t n, int year, long today,
    struct crit_result *out)
{
	struct amb_fact		*amb = NULL;
	struct amb_change	*changes = NULL;
	struct crit_fact	*facts = NULL;
	enum db_status		 s;
	size_t			 namb = 0, nfacts = 0, i;
	int			 txn;

	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	/* One read transaction: the records and the register agree. */
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	if ((s = db_ambassador_facts(db, who, &amb, &namb, &changes)) ==
	    DB_OK)
		s = db_criteria_facts(db, who, &facts, &nfacts);
	if (txn)
		db_exec(db, "COMMIT");
	for (i = 0; i < n && s == DB_OK; i++)
		core_criterion(rules[i], facts, nfacts, amb, namb, year, today,
		    &out[i]);
	free(amb);
	free(changes);
	free(facts);
	return s;
}

/* Free n marked visits and their array. */
void
db_story_visits_free(struct story_visit *v, size_t n)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(v[i].ambassador);
		free(v[i].department);
		free(v[i].stairwell);
		free(v[i].flat);
		free(v[i].name);
		free(v[i].consent_by);
	}
	free(v);
}

/* Fill marked visit p from a row of the marked visits. */
static void
cr_story_row(sqlite3_stmt *st, void *p)
{
	struct story_visit	*v = p;

	memset(v, 0, sizeof *v);
	v->visit = (long)sqlite3_column_int64(st, 0);
	v->household = (long)sqlite3_column_int64(st, 1);
	v->date = db_column_date(st, 2);
	v->ambassador = db_column_text(st, 3, 0);
	v->department = db_column_text(st, 4, 0);
	v->stairwell = db_column_text(st, 5, 0);
	v->flat = db_column_text(st, 6, 0);
	v->name = db_column_text(st, 7, 0);
	v->consent_on = db_column_date(st, 8);
	v->consent_by = db_column_text(st, 9, 0);
}

/* The visits marked as possible success stories in year (0: all): read
 * from the marks, a handful (CROSS JOIN keeps them the outer loop; from
 * the visits by date, the year of a million households took 96 ms). */
enum db_status
db_story_visits(struct db *db, const struct who *who, int year,
    struct story_visit **out, size_t *n)
{
	static const char sql[] = "SELECT v.id, v.household_id, v.date, "
	    "v.ambassador, h.department, h.stairwell, h.flat, (SELECT m.name "
	    "FROM member m WHERE m.household_id = h.id ORDER BY m.position "
	    "LIMIT 1), s.consent_on, s.consent_by FROM visit_story s "
	    "CROSS JOIN visit v ON v.id = s.visit_id JOIN household h ON "
	    "h.id = v.household_id WHERE "
	    "(?1 IS NULL OR v.date >= ?1) AND (?2 IS NULL OR v.date <= ?2) "
	    "ORDER BY v.date DESC, v.id DESC";
	sqlite3_stmt	*st;
	enum db_status	 s;
	void		*got;
	char		 lo[16], hi[16];

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_GOAL)) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	cr_year(year, lo, hi);
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	s = cr_read_all(db, st, sizeof **out, cr_story_row, cr_free_stories,
	    &got, n);
	*out = got;
	return s;
}

/* What the mark of visit id needs: its outcome, who saved it, its
 * household and its department, and whether it is marked. */
struct cr_visit {
	enum visit_outcome	 outcome;
	char			*created_by;
	char			*department;
	long			 household;
	int			 story;
};

/* Read visit id into *v (free created_by and department). */
static enum db_status
cr_visit(struct db *db, long id, struct cr_visit *v, int *found)
{
	static const char sql[] = "SELECT v.outcome, v.created_by, "
	    "h.department, v.household_id, EXISTS (SELECT 1 FROM visit_story "
	    "s WHERE s.visit_id = v.id) FROM visit v JOIN "
	    "household h ON h.id = v.household_id WHERE v.id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	memset(v, 0, sizeof *v);
	*found = 0;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		if (core_outcome_parse((const char *)sqlite3_column_text(st,
		    0), &v->outcome) == -1)
			v->outcome = VO_NOT_HOME;
		v->created_by = db_column_text(st, 1, 0);
		v->department = db_column_text(st, 2, 0);
		v->household = (long)sqlite3_column_int64(st, 3);
		v->story = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* May who change the mark of visit v? */
static enum db_status
cr_story_may(struct db *db, const struct who *who, const struct cr_visit *v,
    int mark)
{
	if (!core_may(who->role, ACCESS_HANDLED) &&
	    strcmp(v->created_by, who->name) != 0)
		return db_fail(db, DB_DENIED, "%s", _("Only the secretariat, "
		    "or the ambassador who saved the visit, can mark it as a "
		    "possible success story."));
	if (mark && v->outcome != VO_WELCOMED && v->outcome != VO_PARTLY)
		return db_fail(db, DB_INVALID, "%s", _("Only a visit where "
		    "someone opened the door can be a possible success "
		    "story."));
	return DB_OK;
}

/* Set the mark of visit id, inside a write transaction. */
enum db_status
db_story_mark(struct db *db, const struct who *who, long id, int mark)
{
	static const char add[] = "INSERT INTO visit_story (visit_id, "
	    "consent_on, consent_by) VALUES (?1, ?2, ?3)";
	static const char del[] = "DELETE FROM visit_story WHERE visit_id = ?1";
	struct cr_visit	 v;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 iso[16], detail[32];
	int		 found;

	if ((s = cr_visit(db, id, &v, &found)) != DB_OK)
		return s;
	if (!found || !db_who_sees(who, v.department))
		s = db_fail(db, DB_NOTFOUND, "%s", _(cr_no_visit));
	else if ((s = cr_story_may(db, who, &v, mark)) == DB_OK &&
	    v.story != mark) {
		if ((st = db_stmt(db, mark ? add : del)) == NULL)
			s = DB_ERROR;
		else {
			sqlite3_bind_int64(st, 1, id);
			if (mark) {
				sqlite3_bind_text(st, 2, util_date_iso(
				    util_today(), iso), -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(st, 3, who->name, -1,
				    SQLITE_TRANSIENT);
			}
			s = db_step_done(db, st);
		}
		/* The trail names the household by its number only. */
		snprintf(detail, sizeof detail, "household %ld", v.household);
		if (s == DB_OK)
			s = db_audit(db, who, mark ? "visit marked as a "
			    "possible success story" : "success story mark "
			    "removed", "visit", id, detail);
		/* The household's yes to the story is its consent. */
		if (s == DB_OK && mark)
			s = db_consent_ensure(db, who, v.household, CP_STORY,
			    CH_DOOR, iso, who->name);
	}
	free(v.created_by);
	free(v.department);
	return s;
}

/* Mark visit id as a possible success story, or take the mark away. */
enum db_status
db_visit_story(struct db *db, const struct who *who, long id, int mark,
    int consent)
{
	enum db_status	s;

	if ((s = db_may(db, who, ACCESS_HOUSEHOLDS)) != DB_OK ||
	    (s = db_check_who(db, who)) != DB_OK)
		return s;
	if (mark && !consent)
		return db_fail(db, DB_INVALID, "%s", _(db_story_no_consent));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, db_story_mark(db, who, id, mark != 0));
}
