/*
 * db-report-keep.c — a closed period's figures kept in report_figure
 * and read back, so that its report never changes: one row per figure
 * that is not its default (0, or -1 for a median), grouped by the
 * report itself, each department (by key, with its position and whether
 * it was a pilot), the total, the pilots, the others; the months as
 * month 1..n of the total and of each department; the checklist items
 * with their titles and position.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "db-report.h"
#include "i18n.h"
#include "util.h"

/* The figures kept, by name. */
static const struct {
	const char	*name;
	size_t		 off;
	long		 def;
} keep_fields[] = {
	{ "moved_in", offsetof(struct report_figures, moved_in), 0 },
	{ "welcomed", offsetof(struct report_figures, welcomed), 0 },
	{ "in_time", offsetof(struct report_figures, in_time), 0 },
	{ "partly", offsetof(struct report_figures, partly), 0 },
	{ "declined", offsetof(struct report_figures, declined), 0 },
	{ "not_reached", offsetof(struct report_figures, not_reached), 0 },
	{ "referred", offsetof(struct report_figures, referred), 0 },
	{ "followed_up", offsetof(struct report_figures, followed_up), 0 },
	{ "referral_not_home", offsetof(struct report_figures,
	    referrals[RR_NOT_HOME]), 0 },
	{ "referral_ambassador", offsetof(struct report_figures,
	    referrals[RR_AMBASSADOR]), 0 },
	{ "referral_declined", offsetof(struct report_figures,
	    referrals[RR_DECLINED]), 0 },
	{ "referral_late", offsetof(struct report_figures,
	    referrals[RR_LATE]), 0 },
	{ "median2", offsetof(struct report_figures, median2), -1 },
	{ "rest_median2", offsetof(struct report_figures, rest_median2), -1 },
	{ "recruited", offsetof(struct report_figures, recruited), 0 },
	{ "stopped", offsetof(struct report_figures, stopped), 0 },
	{ "active_at_end", offsetof(struct report_figures, active_at_end), 0 },
	{ "cumulative", offsetof(struct report_figures, cumulative), 0 },
	{ "stairwells", offsetof(struct report_figures, stairwells), 0 },
	{ "covered", offsetof(struct report_figures, covered), 0 },
};
#define NKEEP_FIELDS	(sizeof keep_fields / sizeof keep_fields[0])

/* The figure i of f. */
static long *
keep_field(struct report_figures *f, size_t i)
{
	return (long *)(void *)((char *)f + keep_fields[i].off);
}

static const char keep_insert_sql[] = "INSERT INTO report_figure "
    "(period_from, period_to, deadline, kept_on, grp_kind, grp, month, "
    "name, item, title, title_da, value) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/* Where the figures being kept go. */
struct keep {
	struct db	*db;
	sqlite3_stmt	*st;
	char		 from[11], to[11], kept_on[11];
	int		 deadline;
	const char	*kind;		/* grp_kind */
	const char	*grp;
	int		 month;
};

/* Write one figure row (item "" for a group's own figure). */
static enum db_status
keep_row(struct keep *k, const char *name, const char *item,
    const char *title, const char *title_da, long value)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(k->db, keep_insert_sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, k->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, k->deadline);
	sqlite3_bind_text(st, 4, k->kept_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, k->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, k->grp, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, k->month);
	sqlite3_bind_text(st, 8, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, item, -1, SQLITE_STATIC);
	db_bind_text(st, 10, title);
	db_bind_text(st, 11, title_da);
	sqlite3_bind_int64(st, 12, value);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(k->db, rc);
}

/* Write the items of f: position, department, titles, counts. */
static enum db_status
keep_items(struct keep *k, const struct report_figures *f)
{
	const struct report_item	*it;
	enum db_status			 s = DB_OK;
	size_t				 i;

	for (i = 0; i < f->nitems && s == DB_OK; i++) {
		it = &f->items[i];
		if ((s = keep_row(k, "position", it->key, it->title,
		    it->title_da, (long)i)) == DB_OK &&
		    (s = keep_row(k, "department", it->key, NULL, NULL,
		    it->department)) == DB_OK && it->done != 0)
			s = keep_row(k, "done", it->key, NULL, NULL, it->done);
		if (s == DB_OK && it->not_relevant != 0)
			s = keep_row(k, "not_relevant", it->key, NULL, NULL,
			    it->not_relevant);
		if (s == DB_OK && it->later != 0)
			s = keep_row(k, "later", it->key, NULL, NULL,
			    it->later);
	}
	return s;
}

/* Write the figures of one group (month 0 with its items). */
static enum db_status
keep_group(struct keep *k, const char *kind, const char *grp, int month,
    const struct report_figures *f)
{
	enum db_status	s = DB_OK;
	size_t		i;

	k->kind = kind;
	k->grp = grp;
	k->month = month;
	for (i = 0; i < NKEEP_FIELDS && s == DB_OK; i++)
		if (*keep_field((struct report_figures *)f, i) !=
		    keep_fields[i].def)
			s = keep_row(k, keep_fields[i].name, "", NULL, NULL,
			    *keep_field((struct report_figures *)f, i));
	if (s == DB_OK && month == 0)
		s = keep_items(k, f);
	return s;
}

/* Write the report's own figures and its departments with theirs. */
static enum db_status
keep_departments(struct keep *k, const struct report_query *q,
    const struct report *r, const struct report_figures *dmonths)
{
	enum db_status	s;
	size_t		i, m;

	k->kind = "report";
	k->grp = "";
	k->month = 0;
	if ((s = keep_row(k, "months", "", NULL, NULL,
	    (long)r->nmonths)) != DB_OK ||
	    (s = keep_row(k, "pilots", "", NULL, NULL, r->has_pilots)) !=
	    DB_OK || (s = keep_row(k, "goal", "", NULL, NULL, r->goal)) !=
	    DB_OK || (s = keep_row(k, "max_attempts", "", NULL, NULL,
	    r->max_attempts)) != DB_OK || (s = keep_row(k, "stale_days", "",
	    NULL, NULL, r->stale_days)) != DB_OK)
		return s;
	for (i = 0; i < r->ndepartments && s == DB_OK; i++) {
		k->kind = "department";
		k->grp = r->departments[i];
		k->month = 0;
		if ((s = keep_row(k, "position", "", NULL, NULL, (long)i)) ==
		    DB_OK && r->has_pilots && q->pilot[i])
			s = keep_row(k, "pilot", "", NULL, NULL, 1);
		if (s == DB_OK)
			s = keep_group(k, "department", r->departments[i], 0,
			    &r->by_department[i]);
		for (m = 0; m < r->nmonths && s == DB_OK; m++)
			s = keep_group(k, "department", r->departments[i],
			    (int)m + 1, &dmonths[i * REPORT_MONTHS + m]);
	}
	return s;
}

/* Write every figure of r. */
static enum db_status
keep_all(struct keep *k, const struct report_query *q,
    const struct report *r, const struct report_figures *dmonths)
{
	enum db_status	s;
	size_t		m;

	if ((s = keep_departments(k, q, r, dmonths)) != DB_OK ||
	    (s = keep_group(k, "total", "", 0, &r->total)) != DB_OK)
		return s;
	for (m = 0; m < r->nmonths && s == DB_OK; m++)
		s = keep_group(k, "total", "", (int)m + 1, &r->months[m]);
	if (s == DB_OK && r->has_pilots &&
	    (s = keep_group(k, "pilots", "", 0, &r->pilots)) == DB_OK)
		s = keep_group(k, "others", "", 0, &r->others);
	return s;
}

/* Bind ?1 and ?2 to the period; 1 if the statement has rows. */
static int
keep_exists(struct keep *k, int *rc)
{
	sqlite3_stmt	*st;
	int		 found;

	if ((st = db_stmt(k->db, "SELECT 1 FROM report_figure WHERE "
	    "period_from = ?1 AND period_to = ?2 LIMIT 1")) == NULL) {
		*rc = SQLITE_ERROR;
		return 0;
	}
	sqlite3_bind_text(st, 1, k->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->to, -1, SQLITE_STATIC);
	*rc = sqlite3_step(st);
	found = *rc == SQLITE_ROW;
	if (found)
		*rc = SQLITE_DONE;
	sqlite3_reset(st);
	return found;
}

/* Forget what was kept of the period (a recount). */
static enum db_status
keep_forget(struct keep *k)
{
	sqlite3_stmt	*st;

	if ((st = db_stmt(k->db, "DELETE FROM report_figure WHERE "
	    "period_from = ?1 AND period_to = ?2")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, k->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->to, -1, SQLITE_STATIC);
	return db_step_done(k->db, st);
}

/* Keep r, just counted for the closed period of q. */
enum db_status
db_report_keep(struct db *db, const struct who *who,
    const struct report_query *q, struct report *r,
    const struct report_figures *dmonths, long today, int *raced)
{
	struct keep	 k;
	enum db_status	 s;
	char		 detail[32];
	int		 rc = SQLITE_DONE;

	*raced = 0;
	memset(&k, 0, sizeof k);
	k.db = db;
	k.deadline = r->deadline;
	util_date_iso(q->period.from, k.from);
	util_date_iso(q->period.to, k.to);
	util_date_iso(today, k.kept_on);
	snprintf(detail, sizeof detail, "%s %s", k.from, k.to);
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	if (q->recount)
		s = keep_forget(&k);
	else if (keep_exists(&k, &rc))
		*raced = 1;
	else if (rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	if (s == DB_OK && !*raced && (s = keep_all(&k, q, r, dmonths)) ==
	    DB_OK)
		s = db_audit(db, who, q->recount ? "report recounted" :
		    "report kept", NULL, 0, detail);
	if ((s = db_write_end(db, s)) == DB_OK && !*raced) {
		r->closed = 1;
		r->closed_on = today;
	}
	return s;
}

/* The deadline and day of the kept period: 1, 0 when none, -1. */
static int
keep_read_meta(struct db *db, const char *from, const char *to,
    struct report *r)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, "SELECT deadline, kept_on FROM report_figure "
	    "WHERE period_from = ?1 AND period_to = ?2 AND grp_kind = "
	    "'report' AND grp = '' AND month = 0 AND name = 'months' AND "
	    "item = ''")) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->deadline = sqlite3_column_int(st, 0);
		r->closed_on = db_column_date(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_sqlite_fail(db, rc);
		return -1;
	}
	return rc == SQLITE_ROW;
}

/* The kept departments, in their order, into r. */
static enum db_status
keep_read_departments(struct db *db, const char *from, const char *to,
    struct report *r)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, "SELECT grp FROM report_figure WHERE "
	    "period_from = ?1 AND period_to = ?2 AND grp_kind = "
	    "'department' AND month = 0 AND name = 'position' AND "
	    "item = '' ORDER BY value")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->departments = xreallocarray(r->departments,
		    r->ndepartments + 1, sizeof *r->departments);
		r->departments[r->ndepartments++] =
		    db_column_text(st, 0, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	r->by_department = xcalloc(r->ndepartments + 1,
	    sizeof *r->by_department);
	return DB_OK;
}

/* The figures a kept row belongs to, or NULL. */
static struct report_figures *
keep_read_group(struct report *r, const char *kind, const char *grp,
    int month)
{
	int	d;

	if (month < 0 || month > REPORT_MONTHS)
		return NULL;
	if (strcmp(kind, "total") == 0)
		return month == 0 ? &r->total : r->department < 0 ?
		    &r->months[month - 1] : NULL;
	if (strcmp(kind, "pilots") == 0 || strcmp(kind, "others") == 0)
		return month != 0 ? NULL : kind[0] == 'p' ? &r->pilots :
		    &r->others;
	if (strcmp(kind, "department") != 0 ||
	    (d = db_report_department(r, grp)) < 0)
		return NULL;
	if (month == 0)
		return &r->by_department[d];
	return d == r->department ? &r->months[month - 1] : NULL;
}

/* Set an item's figure from a kept row. */
static void
keep_read_item(struct report_figures *f, const char *item, const char *name,
    sqlite3_stmt *st, long v)
{
	struct report_item	*it = db_report_item(f, item, -1);

	if (strcmp(name, "position") == 0) {
		free(it->title);
		free(it->title_da);
		it->title = db_column_text(st, 5, 1);
		it->title_da = db_column_text(st, 6, 1);
	} else if (strcmp(name, "department") == 0)
		it->department = (int)v;
	else if (strcmp(name, "done") == 0)
		it->done = v;
	else if (strcmp(name, "not_relevant") == 0)
		it->not_relevant = v;
	else if (strcmp(name, "later") == 0)
		it->later = v;
}

/* Apply one kept row to r. */
static void
keep_read_row(struct report *r, sqlite3_stmt *st)
{
	const char		*kind = (const char *)sqlite3_column_text(st, 0);
	const char		*grp = (const char *)sqlite3_column_text(st, 1);
	const char		*name = (const char *)sqlite3_column_text(st, 3);
	const char		*item = (const char *)sqlite3_column_text(st, 4);
	long			 v = (long)sqlite3_column_int64(st, 7);
	struct report_figures	*f;
	size_t			 i;

	if (kind == NULL || grp == NULL || name == NULL || item == NULL)
		return;
	if (strcmp(kind, "report") == 0) {
		if (strcmp(name, "months") == 0)
			r->nmonths = v < 0 ? 0 : v > REPORT_MONTHS ?
			    REPORT_MONTHS : (size_t)v;
		else if (strcmp(name, "pilots") == 0)
			r->has_pilots = v != 0;
		else if (strcmp(name, "goal") == 0)
			r->goal = v;
		else if (strcmp(name, "max_attempts") == 0)
			r->max_attempts = (int)v;
		else if (strcmp(name, "stale_days") == 0)
			r->stale_days = (int)v;
		return;
	}
	if ((f = keep_read_group(r, kind, grp, sqlite3_column_int(st,
	    2))) == NULL)
		return;
	if (item[0] != '\0') {
		keep_read_item(f, item, name, st, v);
		return;
	}
	for (i = 0; i < NKEEP_FIELDS; i++)
		if (strcmp(name, keep_fields[i].name) == 0)
			*keep_field(f, i) = v;
}

/* Every kept row of the period, items in their order, into r. */
static enum db_status
keep_read_rows(struct db *db, const char *from, const char *to,
    struct report *r)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, "SELECT f.grp_kind, f.grp, f.month, f.name, "
	    "f.item, f.title, f.title_da, f.value FROM report_figure f "
	    "WHERE f.period_from = ?1 AND f.period_to = ?2 "
	    "ORDER BY f.grp_kind, f.grp, f.month, (SELECT p.value FROM "
	    "report_figure p WHERE p.period_from = f.period_from AND "
	    "p.period_to = f.period_to AND p.grp_kind = f.grp_kind AND "
	    "p.grp = f.grp AND p.month = f.month AND p.name = 'position' "
	    "AND p.item = f.item), f.item, f.name")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		keep_read_row(r, st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Read the kept figures of q's period into r. */
enum db_status
db_report_read(struct db *db, const struct report_query *q,
    struct report *r, int *found)
{
	enum db_status	 s;
	char		 from[11], to[11];
	size_t		 i;
	int		 got;

	*found = 0;
	util_date_iso(q->period.from, from);
	util_date_iso(q->period.to, to);
	report_clear(r);
	if ((got = keep_read_meta(db, from, to, r)) <= 0)
		return got == 0 ? DB_OK : DB_ERROR;
	r->period = q->period;
	r->period.cutoff = q->period.to + r->deadline;
	r->closed = 1;
	if ((s = keep_read_departments(db, from, to, r)) != DB_OK) {
		report_clear(r);
		return s;
	}
	for (i = 0; i < r->ndepartments; i++)
		db_report_fig_init(&r->by_department[i]);
	r->department = db_report_department(r, q->department);
	if ((s = keep_read_rows(db, from, to, r)) != DB_OK) {
		report_clear(r);
		return s;
	}
	*found = 1;
	return DB_OK;
}
