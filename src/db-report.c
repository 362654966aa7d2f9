/*
 * db-report.c — the yearly report and the evaluation counted from the
 * database: the households that moved in during the period, and of
 * their visits and follow-ups those dated and recorded by the cut-off
 * (core-report.c adds them up), the checklist items, the ambassadors.
 * A few grouped queries whose rows are streamed: only the days to the
 * first welcome are kept, for the medians.  No personal column is read
 * (a note only for whether a declined visit has one).  The figures of a
 * closed period are kept and read back by db-report-keep.c.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db-private.h"
#include "db-report.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

/* A date column as a day number: days since 1970-01-01, NULL as NULL. */
#define REPORT_DAY(c)	"CAST(julianday(" c ") - 2440587.5 AS INTEGER)"

/*
 * Of the visits and follow-ups of a household, those the period counts:
 * dated by the cut-off (?3) and recorded before ?4 (the UTC time the day
 * after the cut-off begins, local time).
 */
#define REPORT_COUNTED(t)	t ".date <= ?3 AND " t ".created_at < ?4"

static const char report_households_sql[] = "SELECT h.department, "
    REPORT_DAY("h.moved_in") ", " REPORT_DAY("h.moved_out") ", "
    REPORT_DAY("min(CASE WHEN v.outcome = 'welcomed' THEN v.date END)") ", "
    "coalesce(max(CASE v.outcome WHEN 'welcomed' THEN 3 WHEN 'partly' "
    "THEN 2 WHEN 'declined' THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(v.outcome = 'not_home'), 0), "
    "coalesce(max(v.referral), 0), "
    "coalesce(max(v.outcome = 'declined' AND coalesce(v.notes, '') <> ''), "
    "0), "
    REPORT_DAY("min(CASE WHEN v.outcome IN ('welcomed', 'declined') "
    "THEN v.date END)") ", "
    "EXISTS (SELECT 1 FROM visit r JOIN visit_item i ON i.visit_id = r.id "
    "WHERE r.household_id = h.id AND i.referral = 1 AND "
    REPORT_COUNTED("r") "), "
    "EXISTS (SELECT 1 FROM followup f WHERE f.household_id = h.id AND "
    REPORT_COUNTED("f") ") "
    "FROM household h LEFT JOIN visit v ON v.household_id = h.id AND "
    REPORT_COUNTED("v") " "
    "WHERE h.moved_in >= ?1 AND h.moved_in <= ?2 GROUP BY h.id";

/* Each household's newest visit that ran the checklist: its items. */
static const char report_items_sql[] = "SELECT h.department, i.key, "
    "i.state, count(*), max(i.title_en), max(i.title_da) "
    "FROM household h JOIN visit_item i ON i.visit_id = "
    "(SELECT v.id FROM visit v WHERE v.household_id = h.id AND "
    "v.outcome IN ('welcomed', 'partly') AND " REPORT_COUNTED("v") " "
    "ORDER BY v.date DESC, v.id DESC LIMIT 1) "
    "WHERE h.moved_in >= ?1 AND h.moved_in <= ?2 "
    "GROUP BY h.department, i.key, i.state";

/* The index of department key among the report's, or -1. */
int
db_report_department(const struct report *r, const char *key)
{
	size_t	i;

	for (i = 0; key != NULL && i < r->ndepartments; i++)
		if (strcmp(r->departments[i], key) == 0)
			return (int)i;
	return -1;
}

/* Empty figures: nothing counted, no median. */
void
db_report_fig_init(struct report_figures *f)
{
	memset(f, 0, sizeof *f);
	f->median2 = -1;
	f->rest_median2 = -1;
}

/* Free what figures own. */
static void
report_fig_clear(struct report_figures *f)
{
	size_t	i;

	for (i = 0; i < f->nitems; i++) {
		free(f->items[i].key);
		free(f->items[i].title);
		free(f->items[i].title_da);
	}
	free(f->items);
	free(f->days);
	db_report_fig_init(f);
}

/* Free everything the report owns. */
void
report_clear(struct report *r)
{
	size_t	i;

	for (i = 0; i < r->ndepartments; i++) {
		free(r->departments[i]);
		report_fig_clear(&r->by_department[i]);
	}
	free(r->departments);
	free(r->by_department);
	report_fig_clear(&r->total);
	report_fig_clear(&r->pilots);
	report_fig_clear(&r->others);
	report_fig_clear(&r->rest);
	for (i = 0; i < REPORT_MONTHS; i++)
		report_fig_clear(&r->months[i]);
	memset(r, 0, sizeof *r);
	r->department = -1;
	r->closed_on = DATE_NONE;
	db_report_fig_init(&r->total);
	db_report_fig_init(&r->pilots);
	db_report_fig_init(&r->others);
	db_report_fig_init(&r->rest);
	for (i = 0; i < REPORT_MONTHS; i++)
		db_report_fig_init(&r->months[i]);
}

/* The item key of fig (appended, with department dep, if new). */
struct report_item *
db_report_item(struct report_figures *f, const char *key, int dep)
{
	size_t	i;

	for (i = 0; i < f->nitems; i++)
		if (strcmp(f->items[i].key, key) == 0)
			return &f->items[i];
	f->items = xreallocarray(f->items, f->nitems + 1, sizeof *f->items);
	memset(&f->items[f->nitems], 0, sizeof f->items[0]);
	f->items[f->nitems].key = xstrdup(key);
	f->items[f->nitems].department = dep;
	return &f->items[f->nitems++];
}

/* r's groups with items: the departments, the total, pilots, others. */
struct report_figures **
db_report_groups(struct report *r, size_t *n)
{
	struct report_figures	**g;
	size_t			  i;

	g = xcalloc(r->ndepartments + 3, sizeof *g);
	for (i = 0; i < r->ndepartments; i++)
		g[i] = &r->by_department[i];
	g[i++] = &r->total;
	g[i++] = &r->pilots;
	g[i++] = &r->others;
	*n = i;
	return g;
}

/* A report of q with nothing counted: its departments, groups, items. */
static void
report_init(struct report *r, const struct report_query *q)
{
	size_t	i, k;

	memset(r, 0, sizeof *r);
	r->period = q->period;
	r->deadline = q->deadline;
	r->closed_on = DATE_NONE;
	r->goal = q->goal;
	r->max_attempts = q->max_attempts;
	r->stale_days = q->stale_days;
	r->has_pilots = q->pilot != NULL;
	r->nmonths = core_report_nmonths(&q->period);
	r->ndepartments = q->ndepartments;
	r->departments = xcalloc(q->ndepartments + 1, sizeof *r->departments);
	r->by_department = xcalloc(q->ndepartments + 1,
	    sizeof *r->by_department);
	for (i = 0; i < q->ndepartments; i++) {
		r->departments[i] = xstrdup(q->departments[i]);
		db_report_fig_init(&r->by_department[i]);
		for (k = 0; k < q->nitem_keys; k++)
			db_report_item(&r->by_department[i], q->item_keys[k],
			    q->item_department != NULL ?
			    q->item_department[k] : -1);
	}
	db_report_fig_init(&r->total);
	db_report_fig_init(&r->pilots);
	db_report_fig_init(&r->others);
	db_report_fig_init(&r->rest);
	for (i = 0; i < REPORT_MONTHS; i++)
		db_report_fig_init(&r->months[i]);
	for (k = 0; k < q->nitem_keys; k++) {
		db_report_item(&r->total, q->item_keys[k], q->item_department !=
		    NULL ? q->item_department[k] : -1);
		db_report_item(&r->pilots, q->item_keys[k], q->item_department !=
		    NULL ? q->item_department[k] : -1);
		db_report_item(&r->others, q->item_keys[k], q->item_department !=
		    NULL ? q->item_department[k] : -1);
	}
	r->department = db_report_department(r, q->department);
}

/* What counting needs besides the report. */
struct report_count {
	const struct report_query *q;
	struct report		*r;
	struct report_figures	*dmonths;	/* ndepartments * REPORT_MONTHS */
	long			 today;
	long			 end;		/* the last day for status: to,
						   or today if sooner */
	char			 from[11], to[11], cutoff[11];
	char			 recorded[20];	/* UTC: the day after the
						   cut-off begins */
};

/* The UTC time at which local day begins, "2019-01-15 00:00:00" -> UTC. */
static void
report_day_start_utc(long day, char *buf)
{
	struct tm	 tm;
	time_t		 t;
	int		 y, m, d;

	util_date_split(day, &y, &m, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, 20, "%04d-%02d-%02d 00:00:00", y, m, d);
}

/* Bind the period, the cut-off and the recording bound: ?1 .. ?4. */
static void
report_bind(sqlite3_stmt *st, const struct report_count *c)
{
	sqlite3_bind_text(st, 1, c->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->cutoff, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->recorded, -1, SQLITE_STATIC);
}

/* A day column (REPORT_DAY), DATE_NONE for NULL. */
static long
report_day(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return DATE_NONE;
	return (long)sqlite3_column_int64(st, i);
}

/* One row of report_households_sql as the counting sees it. */
static void
report_household_row(sqlite3_stmt *st, const struct report_count *c,
    struct report_household *h)
{
	const struct report_query *q = c->q;
	long	moved_out = report_day(st, 2), decided = report_day(st, 8);
	long	late = DATE_NONE;
	int	best = sqlite3_column_int(st, 4);

	memset(h, 0, sizeof *h);
	h->group = db_report_department(c->r,
	    (const char *)sqlite3_column_text(st, 0));
	h->moved_in = report_day(st, 1);
	h->first_welcome = report_day(st, 3);
	h->outcome = best == 3 ? RO_WELCOMED : best == 2 ? RO_PARTLY :
	    best == 1 ? RO_DECLINED : RO_NOT_REACHED;
	if (sqlite3_column_int(st, 5) >= q->max_attempts && q->max_attempts > 0)
		h->referrals |= 1u << RR_NOT_HOME;
	if (sqlite3_column_int(st, 6) || sqlite3_column_int(st, 9))
		h->referrals |= 1u << RR_AMBASSADOR;
	if (sqlite3_column_int(st, 7))
		h->referrals |= 1u << RR_DECLINED;
	/* Not reached by the deadline plus the stale days, when that day
	 * came by the cut-off and they still lived there. */
	if (h->moved_in != DATE_NONE)
		late = h->moved_in + q->deadline + q->stale_days;
	if (late != DATE_NONE && q->stale_days > 0 &&
	    late <= c->q->period.cutoff &&
	    (decided == DATE_NONE || decided > late) &&
	    (moved_out == DATE_NONE || moved_out > late))
		h->referrals |= 1u << RR_LATE;
	h->followed_up = sqlite3_column_int(st, 10);
}

/* Add household h to its department, the total, pilots or others, and
 * the months. */
static void
report_add(struct report_count *c, const struct report_household *h)
{
	struct report	*r = c->r;
	int		 m, dl = c->q->deadline;

	core_report_add(&r->total, h, dl);
	if (h->group >= 0)
		core_report_add(&r->by_department[h->group], h, dl);
	if (r->has_pilots)
		core_report_add(h->group >= 0 && c->q->pilot[h->group] ?
		    &r->pilots : &r->others, h, dl);
	if ((m = core_report_month(&c->q->period, h->moved_in)) < 0)
		return;
	core_report_add(&r->months[m], h, dl);
	if (h->group >= 0)
		core_report_add(&c->dmonths[(size_t)h->group * REPORT_MONTHS +
		    (size_t)m], h, dl);
}

/* Count the households of the period, a row at a time. */
static enum db_status
report_households(struct db *db, struct report_count *c)
{
	struct report_household	 h;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = db_stmt(db, report_households_sql)) == NULL)
		return DB_ERROR;
	report_bind(st, c);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		report_household_row(st, c, &h);
		report_add(c, &h);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Add count items of state to item it, taking its titles if it has
 * none. */
static void
report_item_add(struct report_item *it, const char *state, long count,
    const char *title, const char *title_da)
{
	enum item_state	s;

	if (it->title == NULL && title != NULL) {
		it->title = xstrdup(title);
		it->title_da = xstrdup(title_da);
	}
	if (core_item_state_parse(state, &s) == -1)
		return;
	if (s == IS_DONE)
		it->done += count;
	else if (s == IS_NOT_RELEVANT)
		it->not_relevant += count;
	else if (s == IS_LATER)
		it->later += count;
}

/* One row of report_items_sql into its groups. */
static void
report_item_row(sqlite3_stmt *st, struct report_count *c)
{
	struct report		*r = c->r;
	struct report_figures	*g[3];
	const char		*key = (const char *)sqlite3_column_text(st, 1);
	const char		*state = (const char *)sqlite3_column_text(st, 2);
	const char		*t = (const char *)sqlite3_column_text(st, 4);
	const char		*td = (const char *)sqlite3_column_text(st, 5);
	long			 n = (long)sqlite3_column_int64(st, 3);
	size_t			 i, ng = 0;
	int			 d;

	d = db_report_department(r, (const char *)sqlite3_column_text(st, 0));
	if (key == NULL || state == NULL)
		return;
	g[ng++] = &r->total;
	if (d >= 0)
		g[ng++] = &r->by_department[d];
	if (r->has_pilots)
		g[ng++] = d >= 0 && c->q->pilot[d] ? &r->pilots : &r->others;
	for (i = 0; i < ng; i++)
		report_item_add(db_report_item(g[i], key, -1), state, n, t, td);
}

/* qsort: items by key. */
static int
report_cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct report_item *)a)->key,
	    ((const struct report_item *)b)->key);
}

/* Items no longer configured come after the checklist, by key; an item
 * without titles takes the total's. */
static void
report_items_order(struct report *r, size_t nconf)
{
	struct report_figures	**g;
	struct report_item	 *it, *tot;
	size_t			  n, i, k;

	g = db_report_groups(r, &n);
	for (i = 0; i < n; i++) {
		if (g[i]->nitems > nconf + 1)
			qsort(g[i]->items + nconf, g[i]->nitems - nconf,
			    sizeof *g[i]->items, report_cmp_item);
		for (k = 0; k < g[i]->nitems; k++) {
			it = &g[i]->items[k];
			if (it->title != NULL || g[i] == &r->total)
				continue;
			tot = db_report_item(&r->total, it->key, it->department);
			it->title = xstrdup(tot->title);
			it->title_da = xstrdup(tot->title_da);
		}
	}
	free(g);
}

/* Count the checklist items of the period. */
static enum db_status
report_items(struct db *db, struct report_count *c)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, report_items_sql)) == NULL)
		return DB_ERROR;
	report_bind(st, c);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		report_item_row(st, c);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	report_items_order(c->r, c->q->nitem_keys);
	return DB_OK;
}

/* Medians: each department's, then of every other department together,
 * then every group's. */
static void
report_medians(struct report_count *c)
{
	struct report		*r = c->r;
	struct report_figures	**others;
	size_t			 i, j, n;

	for (i = 0; i < r->ndepartments; i++)
		core_report_sort(&r->by_department[i]);
	others = xcalloc(r->ndepartments + 1, sizeof *others);
	for (i = 0; i < r->ndepartments; i++) {
		for (j = n = 0; j < r->ndepartments; j++)
			if (j != i)
				others[n++] = &r->by_department[j];
		r->by_department[i].rest_median2 =
		    core_report_median2(others, n);
	}
	free(others);
	for (i = 0; i < r->ndepartments; i++)
		core_report_finish(&r->by_department[i]);
	for (i = 0; i < (size_t)r->ndepartments * REPORT_MONTHS; i++)
		core_report_finish(&c->dmonths[i]);
	for (i = 0; i < REPORT_MONTHS; i++)
		core_report_finish(&r->months[i]);
	core_report_finish(&r->total);
	core_report_finish(&r->pilots);
	core_report_finish(&r->others);
}

/* Count everything of the period into c->r, from one snapshot (unless
 * a transaction is open already). */
static enum db_status
report_count(struct db *db, struct report_count *c)
{
	enum db_status	s;
	size_t		i;
	int		snap;

	c->dmonths = xcalloc(c->r->ndepartments * REPORT_MONTHS + 1,
	    sizeof *c->dmonths);
	for (i = 0; i < c->r->ndepartments * REPORT_MONTHS; i++)
		db_report_fig_init(&c->dmonths[i]);
	snap = sqlite3_get_autocommit(db->h) && db_snapshot_begin(db) == DB_OK;
	if ((s = report_households(db, c)) == DB_OK &&
	    (s = report_items(db, c)) == DB_OK)
		s = db_report_ambassadors(db, c->q, c->r, c->end);
	if (snap)
		db_snapshot_end(db);
	report_medians(c);
	return s;
}

/* Free the months of every department. */
static void
report_count_free(struct report_count *c)
{
	size_t	i;

	for (i = 0; c->dmonths != NULL &&
	    i < c->r->ndepartments * REPORT_MONTHS; i++)
		report_fig_clear(&c->dmonths[i]);
	free(c->dmonths);
	c->dmonths = NULL;
}

/* Take department d's months as the report's months. */
static void
report_take_months(struct report_count *c, int d)
{
	struct report	*r = c->r;
	size_t		 i;

	if (d < 0)
		return;
	for (i = 0; i < REPORT_MONTHS; i++) {
		report_fig_clear(&r->months[i]);
		r->months[i] = c->dmonths[(size_t)d * REPORT_MONTHS + i];
		db_report_fig_init(&c->dmonths[(size_t)d * REPORT_MONTHS + i]);
	}
}

/* Add the long figures of a to sum (not the medians nor the items). */
static void
report_sum(struct report_figures *sum, const struct report_figures *a)
{
	size_t	k;

	sum->moved_in += a->moved_in;
	sum->welcomed += a->welcomed;
	sum->in_time += a->in_time;
	sum->partly += a->partly;
	sum->declined += a->declined;
	sum->not_reached += a->not_reached;
	sum->referred += a->referred;
	sum->followed_up += a->followed_up;
	for (k = 0; k < REPORT_REFERRALS; k++)
		sum->referrals[k] += a->referrals[k];
	sum->recruited += a->recruited;
	sum->stopped += a->stopped;
	sum->active_at_end += a->active_at_end;
	sum->cumulative += a->cumulative;
	sum->stairwells += a->stairwells;
	sum->covered += a->covered;
}

/* The other departments than r->department together, for the
 * comparison: sums, and the median kept with the department. */
static void
report_rest(struct report *r)
{
	const struct report_item *it;
	struct report_item	*to;
	size_t			 i, k;

	report_fig_clear(&r->rest);
	if (r->department < 0)
		return;
	for (i = 0; i < r->ndepartments; i++) {
		if ((int)i == r->department)
			continue;
		report_sum(&r->rest, &r->by_department[i]);
		for (k = 0; k < r->by_department[i].nitems; k++) {
			it = &r->by_department[i].items[k];
			to = db_report_item(&r->rest, it->key, it->department);
			if (to->title == NULL) {
				to->title = xstrdup(it->title);
				to->title_da = xstrdup(it->title_da);
			}
			to->done += it->done;
			to->not_relevant += it->not_relevant;
			to->later += it->later;
		}
	}
	r->rest.median2 = r->by_department[r->department].rest_median2;
}

/* Set up what counting needs: the days as text, the recording bound. */
static void
report_count_init(struct report_count *c, const struct report_query *q,
    struct report *r, long today)
{
	memset(c, 0, sizeof *c);
	c->q = q;
	c->r = r;
	c->today = today;
	c->end = q->period.to < today ? q->period.to : today;
	util_date_iso(q->period.from, c->from);
	util_date_iso(q->period.to, c->to);
	util_date_iso(q->period.cutoff, c->cutoff);
	/* A period still open counts all that is recorded so far (with
	 * VELKOMST_TODAY, a record made later than today too). */
	if (q->period.cutoff >= today)
		snprintf(c->recorded, sizeof c->recorded,
		    "9999-12-31 23:59:59");
	else
		report_day_start_utc(q->period.cutoff + 1, c->recorded);
}

/* Check the query and who asks. */
static enum db_status
report_check(struct db *db, const struct who *who,
    const struct report_query *q)
{
	enum db_status	s;

	if ((s = db_may(db, who, ACCESS_ALL_DEPARTMENTS)) != DB_OK)
		return s;
	if (q->recount && !core_may(who->role, ACCESS_ACCOUNTS))
		return db_fail(db, DB_DENIED, N_("Only an admin may count a "
		    "closed period again."));
	if (q->period.from == DATE_NONE || q->period.to == DATE_NONE ||
	    q->period.from > q->period.to)
		return db_fail(db, DB_INVALID, N_("The period of the report "
		    "has no first or last day."));
	if (q->ndepartments > 0 && q->departments == NULL)
		return db_fail(db, DB_INVALID, N_("The report has no "
		    "departments."));
	return DB_OK;
}

/* The report of q into *out. */
enum db_status
db_report(struct db *db, const struct who *who, const struct report_query *q,
    struct report *out)
{
	struct report_count	 c;
	enum db_status		 s;
	long			 today = q->today != DATE_NONE ? q->today :
				    util_today();
	int			 closed = q->period.cutoff < today, kept = 0;
	int			 raced = 0;

	memset(out, 0, sizeof *out);
	out->department = -1;
	if ((s = report_check(db, who, q)) != DB_OK)
		return s;
	if (closed && !q->recount &&
	    (s = db_report_read(db, q, out, &kept)) != DB_OK)
		return s;
	if (kept) {
		report_rest(out);
		return DB_OK;
	}
	report_init(out, q);
	report_count_init(&c, q, out, today);
	if ((s = report_count(db, &c)) == DB_OK && closed && !db_readonly(db))
		s = db_report_keep(db, who, q, out, c.dmonths, today, &raced);
	if (s == DB_OK)
		report_take_months(&c, out->department);
	report_count_free(&c);
	if (s == DB_OK && raced) {
		/* Another process kept it first: read what it kept. */
		report_clear(out);
		s = db_report_read(db, q, out, &kept);
	}
	if (s != DB_OK) {
		report_clear(out);
		return s;
	}
	report_rest(out);
	return DB_OK;
}

/* The day of department's first welcome. */
enum db_status
db_report_first_welcome(struct db *db, const struct who *who,
    const char *department, long *day)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 rc;

	*day = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_ALL_DEPARTMENTS)) != DB_OK)
		return s;
	if ((st = db_stmt(db, "SELECT min(v.date) FROM visit v JOIN "
	    "household h ON h.id = v.household_id WHERE h.department = ?1 "
	    "AND v.outcome = 'welcomed'")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, department, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*day = db_column_date(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}
