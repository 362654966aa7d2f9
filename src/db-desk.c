/*
 * db-desk.c — the secretariat's desk at a glance: per department, the
 * households awaiting a welcome, overdue, with the secretariat, and the
 * stairwells without an active ambassador where newcomers wait.  Every
 * figure is counted by the definition its list uses (the lists' WHERE
 * of db-household.c and db-list.c, the coverage of db-ambassador.c),
 * grouped by department in one query each, so the desk and the lists
 * cannot drift apart.
 */
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "util.h"

/* What the grouped counts are added up into. */
struct desk_sum {
	const struct desk_query	*q;
	struct desk		*out;
	long			*open;		/* per stairwell of q */
	int			*covered;	/* per stairwell of q */
	int			*whole;		/* per department of q */
	long			 today;
	enum desk_what { DESK_OVERDUE, DESK_OPEN, DESK_FLAGGED } what;
};

/* The index of department key in q, or -1. */
static int
desk_department(const struct desk_query *q, const char *key)
{
	size_t	i;

	for (i = 0; key != NULL && i < q->ndepartments; i++)
		if (strcmp(q->departments[i], key) == 0)
			return (int)i;
	return -1;
}

/* The index of stairwell name of department d in q, or -1. */
static int
desk_stairwell(const struct desk_query *q, int d, const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < q->nstairwells; i++)
		if (q->stairwell_department[i] == d &&
		    strcmp(q->stairwells[i], name) == 0)
			return (int)i;
	return -1;
}

/* Add one group's count to its department and the total. */
static void
desk_add(void *ctx, const char *dept, const char *stair, long n)
{
	struct desk_sum	*x = ctx;
	struct desk_row	*r, *t = &x->out->total;
	int		 d = desk_department(x->q, dept), s;

	r = d >= 0 ? &x->out->rows[d] : NULL;
	switch (x->what) {
	case DESK_OVERDUE:
		t->overdue += n;
		if (r != NULL)
			r->overdue += n;
		break;
	case DESK_OPEN:
		/* Open less overdue is what awaits within the deadline. */
		t->awaiting += n;
		if (r != NULL)
			r->awaiting += n;
		if ((s = desk_stairwell(x->q, d, stair)) >= 0)
			x->open[s] += n;
		break;
	case DESK_FLAGGED:
		t->secretariat += n;
		if (r != NULL)
			r->secretariat += n;
		break;
	}
}

/* Count the active ambassadors of one covered place (db_coverage). */
static void
desk_cover(void *ctx, const char *dept, const char *stair, int active)
{
	struct desk_sum	*x = ctx;
	int		 d = desk_department(x->q, dept), s;

	if (d < 0)
		return;
	if (stair[0] == '\0')
		x->whole[d] += active;
	else if ((s = desk_stairwell(x->q, d, stair)) >= 0)
		x->covered[s] += active;
}

/* The three grouped counts of households. */
static enum db_status
desk_households(struct db *db, const struct who *who, struct desk_sum *x)
{
	static const enum household_filter filters[] = {
		[DESK_OVERDUE] = FILTER_OVERDUE, [DESK_OPEN] = FILTER_OPEN,
		[DESK_FLAGGED] = FILTER_FLAGGED,
	};
	struct household_query	 hq;
	enum db_status		 s = DB_OK;
	size_t			 i;

	memset(&hq, 0, sizeof hq);
	hq.today = x->today;
	hq.deadline = x->q->deadline;
	hq.stale_days = x->q->stale_days;
	for (i = 0; i < sizeof filters / sizeof filters[0] && s == DB_OK;
	    i++) {
		x->what = (enum desk_what)i;
		hq.filter = filters[i];
		s = db_household_count_by(db, who, &hq, i == DESK_OPEN,
		    desk_add, x);
	}
	return s;
}

/* What awaits is open less overdue; then the bare stairwells. */
static void
desk_finish(struct desk_sum *x)
{
	const struct desk_query	*q = x->q;
	struct desk		*out = x->out;
	size_t			 i;
	int			 d;

	out->total.awaiting -= out->total.overdue;
	for (i = 0; i < out->nrows; i++)
		out->rows[i].awaiting -= out->rows[i].overdue;
	for (i = 0; i < q->nstairwells; i++) {
		d = q->stairwell_department[i];
		if (d < 0 || (size_t)d >= q->ndepartments || x->open[i] == 0 ||
		    x->covered[i] + x->whole[d] > 0)
			continue;
		out->rows[d].stairwells_without++;
		out->total.stairwells_without++;
	}
}

/* The desk's overview of every department of q. */
enum db_status
db_desk(struct db *db, const struct who *who, const struct desk_query *q,
    struct desk *out)
{
	struct desk_sum	 x;
	enum db_status	 s;
	long		 today = q->today != DATE_NONE ? q->today :
			    util_today();

	memset(out, 0, sizeof *out);
	if ((s = db_may(db, who, ACCESS_ALL_DEPARTMENTS)) != DB_OK)
		return s;
	memset(&x, 0, sizeof x);
	x.q = q;
	x.out = out;
	x.today = today;
	out->nrows = q->ndepartments;
	out->rows = xcalloc(q->ndepartments + 1, sizeof *out->rows);
	x.open = xcalloc(q->nstairwells + 1, sizeof *x.open);
	x.covered = xcalloc(q->nstairwells + 1, sizeof *x.covered);
	x.whole = xcalloc(q->ndepartments + 1, sizeof *x.whole);
	if ((s = desk_households(db, who, &x)) == DB_OK &&
	    (s = db_coverage(db, who, today, desk_cover, &x)) == DB_OK)
		desk_finish(&x);
	free(x.open);
	free(x.covered);
	free(x.whole);
	if (s != DB_OK)
		db_desk_clear(out);
	return s;
}

/* Free what the desk owns. */
void
db_desk_clear(struct desk *d)
{
	free(d->rows);
	memset(d, 0, sizeof *d);
}
