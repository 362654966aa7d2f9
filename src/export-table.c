/*
 * export-table.c — the rows of every export, read through the same
 * db_* calls as the lists (households, visits, ambassadors, the goal),
 * written cell by cell to an export_out (export.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "util.h"

static const char *const export_tables[] = {
	[EXPORT_HOUSEHOLDS] = "households", [EXPORT_OVERDUE] = "overdue",
	[EXPORT_FLAGGED] = "secretariat", [EXPORT_VISITS] = "visits",
	[EXPORT_AMBASSADORS] = "ambassadors", [EXPORT_GOAL] = "goal",
};

/* The columns of a household that the import reads, after the names. */
static const char *const hh_heads[] = {
	"department", "stairwell", "flat", "moved_in", "phone", "languages",
	"interpreter", "consent", "note", "id", "moved_out", "state",
};

/* A household's row being written. */
struct hh_ctx {
	const struct export_ask	*a;
	const struct who	*who;
	struct export_out	*out;
	int			 members;	/* the most seen */
};

/* The table's name. */
const char *
export_table_name(enum export_table t)
{
	return export_tables[t];
}

/* The table named s, or -1. */
int
export_table_parse(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof export_tables / sizeof export_tables[0]; i++)
		if (strcmp(s, export_tables[i]) == 0)
			return (int)i;
	return -1;
}

/* The query of the list the table is. */
void
export_ask_init(struct export_ask *a, enum export_table t,
    const struct conf *conf)
{
	memset(a, 0, sizeof *a);
	a->table = t;
	a->conf = conf;
	/* The register as registered: imported into an empty database,
	 * the same file gives the same ids (the round trip). */
	a->hq.order = t == EXPORT_HOUSEHOLDS ? ORDER_REGISTERED :
	    ORDER_URGENT;
	a->hq.filter = t == EXPORT_OVERDUE ? FILTER_OVERDUE :
	    t == EXPORT_FLAGGED ? FILTER_FLAGGED : FILTER_ALL;
	a->hq.today = util_today();
	a->hq.deadline = conf->welcome_days;
	a->hq.stale_days = t == EXPORT_FLAGGED ? conf->stale_days : 0;
	a->aq.status = -1;
	a->aq.today = a->hq.today;
}

/* A search's rows passed on to the export's callback, and how many. */
struct export_each {
	struct db	*db;
	int		(*fn)(struct db *, void *,
			    const struct household_row *);
	void		*ctx;
	long		 total;
	int		 bad;
};

/* One household (a db_household_each callback). */
static int
export_each_one(void *ctx, const struct household_row *r)
{
	struct export_each	*e = ctx;

	e->total++;
	e->bad = e->fn(e->db, e->ctx, r) != 0;
	return e->bad;
}

/*
 * Call fn(ctx, row) for every household of q in who's sight until fn
 * returns -1: how many, or -1.  One statement walks the order's index
 * (a search sorts what its words find once): db_household_each.
 */
long
export_each_household(struct db *db, const struct who *who,
    const struct household_query *q,
    int (*fn)(struct db *, void *, const struct household_row *), void *ctx)
{
	struct export_each	 e = { db, fn, ctx, 0, 0 };

	if (db_household_each(db, who, q, export_each_one, &e) != DB_OK)
		return -1;
	return e.bad ? -1 : e.total;
}

/* The reasons a household needs the secretariat: "attempts,referral". */
static void
hh_reasons(struct export_out *o, int flags)
{
	static const struct {
		int		 flag;
		const char	*name;
	} r[] = {
		{ FLAG_ATTEMPTS, "attempts" }, { FLAG_REFERRAL, "referral" },
		{ FLAG_NOT_REACHED, "not_reached" },
		{ FLAG_DECLINED, "declined" },
	};
	char	buf[64];
	size_t	i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		if (flags & r[i].flag)
			at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%s",
			    at > 0 ? "," : "", r[i].name);
	export_text(o, buf);
}

/* The header of a table of households. */
static void
hh_header(struct export_out *o, const struct export_ask *a)
{
	char	name[32];
	size_t	i;
	int	m;

	export_sheet(o, export_table_name(a->table));
	for (m = 1; m <= (a->members > 0 ? a->members : 1); m++) {
		snprintf(name, sizeof name, "name %d", m);
		export_head(o, name);
	}
	for (i = 0; i < sizeof hh_heads / sizeof hh_heads[0]; i++)
		export_head(o, hh_heads[i]);
	if (a->table == EXPORT_OVERDUE) {
		export_head(o, "days_overdue");
		export_head(o, "attempts");
	} else if (a->table == EXPORT_FLAGGED) {
		export_head(o, "reasons");
		export_head(o, "attempts");
	}
	export_end(o);
}

/* The cells of household h (row r of the list). */
static void
hh_cells(struct hh_ctx *c, const struct household *h,
    const struct household_row *r)
{
	struct export_out	*o = c->out;
	const struct export_ask	*a = c->a;
	size_t			 i;
	int			 m = a->members > 0 ? a->members : 1;

	for (i = 0; i < (size_t)m; i++)
		export_text(o, i < h->nmembers ? h->members[i] : "");
	export_text(o, h->department);
	export_text(o, h->stairwell);
	export_text(o, h->flat);
	export_date(o, h->moved_in);
	export_text(o, h->phone);
	export_text(o, h->languages);
	export_text(o, h->interpreter ? "yes" : "no");
	export_text(o, h->consent ? "yes" : "no");
	export_text(o, h->notes);
	export_number(o, h->id);
	export_date(o, h->moved_out);
	export_text(o, core_status_name(core_household_status(h->moved_out,
	    h->state, a->hq.today)));
	if (a->table == EXPORT_OVERDUE)
		export_number(o, core_overdue_days(r->moved_in, r->moved_out,
		    r->state, a->hq.today, a->hq.deadline));
	else if (a->table == EXPORT_FLAGGED)
		hh_reasons(o, r->flags);
	if (a->table != EXPORT_HOUSEHOLDS)
		export_number(o, r->attempts);
	export_end(o);
}

/* One household of the list (an export_each_household callback). */
static int
hh_each(struct db *db, void *ctx, const struct household_row *r)
{
	struct hh_ctx		*c = ctx;
	struct household	 h;
	int			 n;

	/* The first walk needs only how many names the widest has. */
	if (c->out->format == EXPORT_COUNT) {
		if (db_household_nmembers(db, c->who, r->id, &n) != DB_OK)
			return -1;
		if (n > c->members)
			c->members = n;
		export_end(c->out);
		return 0;
	}
	if (db_household_get(db, c->who, r->id, &h) != DB_OK)
		return -1;
	if ((int)h.nmembers > c->members)
		c->members = (int)h.nmembers;
	hh_cells(c, &h, r);
	db_household_clear(&h);
	return 0;
}

/* The households of a; *members gets the most of a household's. */
static long
hh_write(struct db *db, const struct who *who, const struct export_ask *a,
    struct export_out *o, int *members)
{
	struct hh_ctx	c = { a, who, o, 0 };
	long		n;

	hh_header(o, a);
	n = export_each_household(db, who, &a->hq, hh_each, &c);
	*members = c.members;
	return n;
}

/* The items of a visit as key=state, joined by "; ". */
static char *
vi_items(const struct visit *v, int *referral)
{
	char	*items = xstrdup(""), *s;
	size_t	 i;

	*referral = 0;
	for (i = 0; i < v->nitems; i++) {
		s = xasprintf("%s%s%s=%s", items, i > 0 ? "; " : "",
		    v->items[i].key, core_item_state_name(v->items[i].state));
		free(items);
		items = s;
		*referral |= v->items[i].referral;
	}
	return items;
}

/* Rows written to o, and how many (db_*_each callbacks' context). */
struct export_rows {
	struct export_out	*o;
	long			 n;
};

/* One visit (a db_visit_each callback). */
static int
vi_row(void *ctx, const struct visit *v)
{
	struct export_rows	*r = ctx;
	struct export_out	*o = r->o;
	char			*items;
	int			 referral;

	items = vi_items(v, &referral);
	export_number(o, v->id);
	export_number(o, v->household);
	export_date(o, v->date);
	export_text(o, v->ambassador);
	export_text(o, core_outcome_name(v->outcome));
	export_date(o, v->next_date);
	export_text(o, items);
	export_number(o, referral);
	export_end(o);
	free(items);
	r->n++;
	return 0;
}

/* Every visit in who's sight, newest first. */
static long
vi_write(struct db *db, const struct who *who, struct export_out *o)
{
	static const char *const heads[] = { "id", "household", "date",
	    "ambassador", "outcome", "next_date", "items", "referral" };
	struct export_rows	 r = { o, 0 };
	size_t			 i;

	export_sheet(o, "visits");
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		export_head(o, heads[i]);
	export_end(o);
	if (db_visit_each(db, who, 0, vi_row, &r) != DB_OK)
		return -1;
	return r.n;
}

/* One ambassador, no contact details (a db_ambassador_each callback). */
static int
amb_row(void *ctx, const struct ambassador_row *a)
{
	struct export_rows	*r = ctx;
	struct export_out	*o = r->o;

	export_number(o, a->id);
	export_text(o, a->name);
	export_text(o, a->department);
	export_text(o, a->stairwells);
	export_text(o, a->languages);
	export_date(o, a->recruited_on);
	export_text(o, core_amb_status_name(a->status));
	export_end(o);
	r->n++;
	return 0;
}

/* The ambassadors of a->aq, by name. */
static long
amb_write(struct db *db, const struct who *who, const struct export_ask *a,
    struct export_out *o)
{
	static const char *const heads[] = { "id", "name", "department",
	    "stairwells", "languages", "recruited_on", "status" };
	struct export_rows	 r = { o, 0 };
	size_t			 i;

	export_sheet(o, "ambassadors");
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		export_head(o, heads[i]);
	export_end(o);
	if (db_ambassador_each(db, who, &a->aq, amb_row, &r) != DB_OK)
		return -1;
	return r.n;
}

/* Recruitment toward the goal, a row a year. */
static long
goal_write(struct db *db, const struct who *who, const struct export_ask *a,
    struct export_out *o)
{
	static const char *const heads[] = { "year", "from", "to",
	    "recruited", "stopped", "cumulative", "active_at_year_end" };
	struct goal_report	 g;
	struct amb_fact		*facts = NULL;
	struct amb_change	*changes = NULL;
	const struct goal_year	*y;
	size_t			 n = 0, i;
	int			 year, m, d;

	if (db_ambassador_facts(db, who, &facts, &n, &changes) != DB_OK)
		return -1;
	core_goal(facts, n, a->conf->goal_ambassadors, a->conf->goal_from,
	    a->conf->goal_to, a->hq.today, &g);
	export_sheet(o, "goal");
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		export_head(o, heads[i]);
	export_end(o);
	for (i = 0; i < g.nyears; i++) {
		y = &g.years[i];
		util_date_split(y->from, &year, &m, &d);
		export_number(o, year);
		export_date(o, y->from);
		export_date(o, y->to);
		export_number(o, y->recruited);
		export_number(o, y->stopped);
		export_number(o, y->cumulative);
		if (y->active_at_end >= 0)
			export_number(o, y->active_at_end);
		else
			export_text(o, "");
		export_end(o);
	}
	free(facts);
	free(changes);
	return (long)g.nyears;
}

/* Write the rows of a to o; *members: the most of a household's. */
static long
export_run(struct db *db, const struct who *who, const struct export_ask *a,
    struct export_out *o, int *members)
{
	*members = 0;
	switch (a->table) {
	case EXPORT_HOUSEHOLDS:
	case EXPORT_OVERDUE:
	case EXPORT_FLAGGED:
		return hh_write(db, who, a, o, members);
	case EXPORT_VISITS:
		return vi_write(db, who, o);
	case EXPORT_AMBASSADORS:
		return amb_write(db, who, a, o);
	case EXPORT_GOAL:
		return goal_write(db, who, a, o);
	}
	return -1;
}

/* Count the rows, and the members of the largest household. */
long
export_count(struct db *db, const struct who *who, struct export_ask *a)
{
	struct export_out	o;
	int			members;
	long			n;

	if (!core_may(who->role, ACCESS_EXPORT))
		return -2;
	export_out_init(&o, EXPORT_COUNT, NULL);
	n = export_run(db, who, a, &o, &members);
	a->members = members;
	return n;
}

/* The rows of a for the screen, up to DB_COUNT_CAP for households. */
long
export_count_shown(struct db *db, const struct who *who,
    const struct export_ask *a)
{
	struct export_ask	copy;
	enum db_status		s;
	long			n = -1;

	if (!core_may(who->role, ACCESS_EXPORT))
		return -2;
	switch (a->table) {
	case EXPORT_HOUSEHOLDS:
	case EXPORT_OVERDUE:
	case EXPORT_FLAGGED:
		s = db_household_count_upto(db, who, &a->hq, DB_COUNT_CAP,
		    &n);
		break;
	case EXPORT_VISITS:
		s = db_visit_count(db, who, 0, &n);
		break;
	default:		/* the ambassadors and the goal: a few rows */
		copy = *a;
		return export_count(db, who, &copy);
	}
	return s == DB_OK ? n : -1;
}

/* Write the rows. */
long
export_write(struct db *db, const struct who *who,
    const struct export_ask *a, struct export_out *o)
{
	struct export_ask	copy;
	int			members;

	if (!core_may(who->role, ACCESS_EXPORT))
		return -2;
	if (a->members == 0 && a->table <= EXPORT_FLAGGED) {
		copy = *a;
		if (export_count(db, who, &copy) < 0)
			return -1;
		return export_run(db, who, &copy, o, &members);
	}
	return export_run(db, who, a, o, &members);
}
