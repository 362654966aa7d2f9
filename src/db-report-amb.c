/*
 * db-report-amb.c — the ambassadors of a report's period: recruited and
 * stopped in it, active on its last day (core_amb_status_on: one paused
 * over the year end is not active at that end), recruited toward the
 * goal, and the stairwells covered on the last day by an ambassador
 * active then (one with no stairwells covers the whole department, as
 * the coverage screen counts it).  Ambassadors are tens, not thousands:
 * they are read whole, without their names.
 */
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "db-report.h"
#include "util.h"

/* One ambassador as the report sees it. */
struct rep_amb {
	long			 id;
	int			 dept;		/* in the report, or -1 */
	struct amb_fact		 fact;
	struct amb_change	*changes;
	size_t			 nchanges;
};

/* The ambassadors and what they cover. */
struct rep_ambs {
	struct rep_amb	*a;
	size_t		 n;
	int		*covered;	/* per stairwell of the query */
	int		*whole;		/* per department of the report */
};

/* The ambassador with id (the array is by id), or NULL. */
static struct rep_amb *
rep_amb_find(struct rep_ambs *x, long id)
{
	size_t	lo = 0, hi = x->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->a[mid].id == id)
			return &x->a[mid];
		if (x->a[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Read every ambassador: id, department, recruitment. */
static enum db_status
rep_amb_read(struct db *db, struct report *r, struct rep_ambs *x)
{
	sqlite3_stmt	*st;
	struct rep_amb	*a;
	int		 rc;

	if ((st = db_stmt(db, "SELECT id, department, recruited_on FROM "
	    "ambassador ORDER BY id")) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x->a = xreallocarray(x->a, x->n + 1, sizeof *x->a);
		a = &x->a[x->n++];
		memset(a, 0, sizeof *a);
		a->id = (long)sqlite3_column_int64(st, 0);
		a->dept = db_report_department(r,
		    (const char *)sqlite3_column_text(st, 1));
		a->fact.recruited_on = db_column_date(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Read every status change, each to its ambassador. */
static enum db_status
rep_amb_changes(struct db *db, struct rep_ambs *x)
{
	sqlite3_stmt		*st;
	struct rep_amb		*a;
	struct amb_change	*c;
	int			 rc;

	if ((st = db_stmt(db, "SELECT ambassador_id, date, status FROM "
	    "ambassador_status ORDER BY ambassador_id, position")) == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((a = rep_amb_find(x,
		    (long)sqlite3_column_int64(st, 0))) == NULL)
			continue;
		a->changes = xreallocarray(a->changes, a->nchanges + 1,
		    sizeof *a->changes);
		c = &a->changes[a->nchanges++];
		memset(c, 0, sizeof *c);
		c->date = db_column_date(st, 1);
		if (core_amb_status_parse((const char *)sqlite3_column_text(st,
		    2), &c->status) == -1)
			c->status = AS_ACTIVE;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* The stairwell of department d called name in q, or -1. */
static int
rep_amb_stairwell(const struct report_query *q, const struct report *r,
    int d, const char *name)
{
	size_t	i;
	int	qd;

	for (i = 0; name != NULL && i < q->nstairwells; i++) {
		qd = q->stairwell_department[i];
		if (qd >= 0 && (size_t)qd < q->ndepartments &&
		    db_report_department(r, q->departments[qd]) == d &&
		    strcmp(q->stairwells[i], name) == 0)
			return (int)i;
	}
	return -1;
}

/* 1 if a is active on day. */
static int
rep_amb_active(const struct rep_amb *a, long day)
{
	enum amb_status	st;

	return core_amb_status_on(&a->fact, day, &st) == 0 &&
	    st == AS_ACTIVE;
}

/* Mark what the ambassadors active on end cover. */
static enum db_status
rep_amb_cover(struct db *db, const struct report_query *q, struct report *r,
    struct rep_ambs *x, long end)
{
	sqlite3_stmt	*st;
	struct rep_amb	*a;
	size_t		 i;
	int		 rc, s, *named;

	named = xcalloc(x->n + 1, sizeof *named);
	if ((st = db_stmt(db, "SELECT ambassador_id, stairwell FROM "
	    "ambassador_stairwell")) == NULL) {
		free(named);
		return DB_ERROR;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((a = rep_amb_find(x,
		    (long)sqlite3_column_int64(st, 0))) == NULL)
			continue;
		named[a - x->a] = 1;
		if (a->dept < 0 || !rep_amb_active(a, end))
			continue;
		if ((s = rep_amb_stairwell(q, r, a->dept,
		    (const char *)sqlite3_column_text(st, 1))) >= 0)
			x->covered[s] = 1;
	}
	sqlite3_reset(st);
	for (i = 0; i < x->n; i++)
		if (!named[i] && x->a[i].dept >= 0 &&
		    rep_amb_active(&x->a[i], end))
			x->whole[x->a[i].dept] = 1;
	free(named);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* 1 if a stopped in from..to. */
static int
rep_amb_stopped(const struct rep_amb *a, long from, long to)
{
	size_t	i;

	for (i = 0; i < a->nchanges; i++)
		if (a->changes[i].status == AS_STOPPED &&
		    a->changes[i].date != DATE_NONE &&
		    a->changes[i].date >= from && a->changes[i].date <= to)
			return 1;
	return 0;
}

/* Add one ambassador's figures to f. */
static void
rep_amb_add(struct report_figures *f, const struct report_query *q,
    const struct rep_amb *a, long end)
{
	long	rec = a->fact.recruited_on;

	if (rec == DATE_NONE)
		return;
	if (rec >= q->period.from && rec <= q->period.to)
		f->recruited++;
	if (rep_amb_stopped(a, q->period.from, q->period.to))
		f->stopped++;
	if (rep_amb_active(a, end))
		f->active_at_end++;
	if (q->goal_from != DATE_NONE && rec >= q->goal_from &&
	    rec <= q->period.to)
		f->cumulative++;
}

/* The stairwells of each department, and those covered, into r. */
static void
rep_amb_stairwells(const struct report_query *q, struct report *r,
    const struct rep_ambs *x)
{
	struct report_figures	*f;
	size_t			 i;
	int			 qd, d;

	for (i = 0; i < q->nstairwells; i++) {
		qd = q->stairwell_department[i];
		if (qd < 0 || (size_t)qd >= q->ndepartments ||
		    (d = db_report_department(r, q->departments[qd])) < 0)
			continue;
		f = &r->by_department[d];
		f->stairwells++;
		r->total.stairwells++;
		if (x->covered[i] || x->whole[d]) {
			f->covered++;
			r->total.covered++;
		}
		if (!r->has_pilots)
			continue;
		f = q->pilot[d] ? &r->pilots : &r->others;
		f->stairwells++;
		if (x->covered[i] || x->whole[d])
			f->covered++;
	}
}

/* Count the ambassadors of the period into r. */
enum db_status
db_report_ambassadors(struct db *db, const struct report_query *q,
    struct report *r, long end)
{
	struct rep_ambs	 x;
	struct rep_amb	*a;
	enum db_status	 s;
	size_t		 i;

	memset(&x, 0, sizeof x);
	x.covered = xcalloc(q->nstairwells + 1, sizeof *x.covered);
	x.whole = xcalloc(r->ndepartments + 1, sizeof *x.whole);
	if ((s = rep_amb_read(db, r, &x)) == DB_OK &&
	    (s = rep_amb_changes(db, &x)) == DB_OK) {
		for (i = 0; i < x.n; i++) {
			a = &x.a[i];
			a->fact.history = a->changes;
			a->fact.nhistory = a->nchanges;
		}
		s = rep_amb_cover(db, q, r, &x, end);
	}
	for (i = 0; s == DB_OK && i < x.n; i++) {
		a = &x.a[i];
		rep_amb_add(&r->total, q, a, end);
		if (a->dept >= 0)
			rep_amb_add(&r->by_department[a->dept], q, a, end);
		if (r->has_pilots)
			rep_amb_add(a->dept >= 0 && q->pilot[a->dept] ?
			    &r->pilots : &r->others, q, a, end);
	}
	if (s == DB_OK)
		rep_amb_stairwells(q, r, &x);
	for (i = 0; i < x.n; i++)
		free(x.a[i].changes);
	free(x.a);
	free(x.covered);
	free(x.whole);
	return s;
}
