/*
 * core-report.c — the rules of the yearly report and the evaluation:
 * which days a period holds and its cut-off, how a household of the
 * period adds to a group's figures, the median and the per cent.  No
 * SQL, no files: db-report.c reads the rows and calls these.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report.h"
#include "util.h"

/* Fill p with kind, number, from..to and the cut-off. */
static void
report_set(struct report_period *p, enum report_kind kind, int number,
    long from, long to, int deadline)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->number = number;
	p->from = from;
	p->to = to;
	p->cutoff = to + (deadline > 0 ? deadline : 0);
}

/* Calendar year y: 1 January to 31 December. */
const char *
core_report_year(int y, int deadline, struct report_period *p)
{
	long	from, to;

	if (y < 1900 || y > 9999 || util_date_make(y, 1, 1, &from) == -1 ||
	    util_date_make(y, 12, 31, &to) == -1)
		return N_("The year must be between 1900 and 9999.");
	report_set(p, RK_YEAR, y, from, to, deadline);
	return NULL;
}

/* Agreement year n: the n-th 12 months from agreement_from. */
const char *
core_report_agreement_year(long agreement_from, long agreement_to, int n,
    int deadline, struct report_period *p)
{
	long	from, to;

	if (agreement_from == DATE_NONE || agreement_to == DATE_NONE ||
	    agreement_from > agreement_to)
		return N_("The configuration names no agreement period "
		    "(goal.from and goal.to).");
	if (n < 1 || n > 100)
		return N_("There is no such year of the agreement.");
	from = util_date_years_after(agreement_from, n - 1);
	if (from > agreement_to)
		return N_("There is no such year of the agreement.");
	to = util_date_years_after(agreement_from, n) - 1;
	if (to > agreement_to)
		to = agreement_to;
	report_set(p, RK_AGREEMENT_YEAR, n, from, to, deadline);
	return NULL;
}

/* From..to as given. */
const char *
core_report_range(long from, long to, int deadline, struct report_period *p)
{
	int	y, m, d;

	if (from == DATE_NONE || to == DATE_NONE)
		return N_("A period needs a first and a last day.");
	if (from > to)
		return N_("The first day of the period is after its last "
		    "day.");
	util_date_split(from, &y, &m, &d);
	report_set(p, RK_RANGE, y, from, to, deadline);
	return NULL;
}

/* The evaluation's default: 12 months from the first welcome. */
void
core_report_first_year(long first_welcome, int deadline,
    struct report_period *p)
{
	int	y, m, d;

	util_date_split(first_welcome, &y, &m, &d);
	report_set(p, RK_EVALUATION, y, first_welcome,
	    util_date_years_after(first_welcome, 1) - 1, deadline);
}

/* Keep one welcome's days for the median. */
static void
report_keep_days(struct report_figures *fig, long days)
{
	if (fig->ndays == fig->daycap) {
		fig->daycap = fig->daycap == 0 ? 64 : fig->daycap * 2;
		fig->days = xreallocarray(fig->days, fig->daycap,
		    sizeof *fig->days);
	}
	fig->days[fig->ndays++] = days;
}

/* Add household h to fig. */
void
core_report_add(struct report_figures *fig, const struct report_household *h,
    int deadline)
{
	int	k;

	fig->moved_in++;
	switch (h->outcome) {
	case RO_WELCOMED:
		fig->welcomed++;
		break;
	case RO_PARTLY:
		fig->partly++;
		break;
	case RO_DECLINED:
		fig->declined++;
		break;
	default:
		fig->not_reached++;
		break;
	}
	if (h->first_welcome != DATE_NONE) {
		if (h->first_welcome <= h->moved_in + deadline)
			fig->in_time++;
		report_keep_days(fig, h->first_welcome - h->moved_in);
	}
	for (k = 0; k < REPORT_REFERRALS; k++)
		if (h->referrals & (1u << k))
			fig->referrals[k]++;
	if (h->referrals != 0)
		fig->referred++;
	if (h->followed_up)
		fig->followed_up++;
}

/* qsort: days in order. */
static int
report_cmp_days(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Sort the days kept so far. */
void
core_report_sort(struct report_figures *fig)
{
	if (fig->ndays > 1)
		qsort(fig->days, fig->ndays, sizeof *fig->days,
		    report_cmp_days);
}

/* How many of the sorted days of figs are <= v. */
static size_t
report_count_upto(struct report_figures *const *figs, size_t n, long v)
{
	size_t	i, lo, hi, mid, count = 0;

	for (i = 0; i < n; i++) {
		lo = 0;
		hi = figs[i]->ndays;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (figs[i]->days[mid] <= v)
				lo = mid + 1;
			else
				hi = mid;
		}
		count += lo;
	}
	return count;
}

/* The k-th smallest (from 0) of the sorted days of figs together. */
static long
report_kth(struct report_figures *const *figs, size_t n, size_t k,
    long lo, long hi)
{
	long	mid;

	/* The smallest v with more than k days <= v. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (report_count_upto(figs, n, mid) > k)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Twice the median of the sorted days of figs together. */
long
core_report_median2(struct report_figures *const *figs, size_t n)
{
	size_t	i, total = 0;
	long	lo = 0, hi = 0;
	int	any = 0;

	for (i = 0; i < n; i++) {
		if (figs[i]->ndays == 0)
			continue;
		if (!any || figs[i]->days[0] < lo)
			lo = figs[i]->days[0];
		if (!any || figs[i]->days[figs[i]->ndays - 1] > hi)
			hi = figs[i]->days[figs[i]->ndays - 1];
		any = 1;
		total += figs[i]->ndays;
	}
	if (total == 0)
		return -1;
	if (total % 2 == 1)
		return 2 * report_kth(figs, n, total / 2, lo, hi);
	return report_kth(figs, n, total / 2 - 1, lo, hi) +
	    report_kth(figs, n, total / 2, lo, hi);
}

/* Work out the median and let the days go. */
void
core_report_finish(struct report_figures *fig)
{
	struct report_figures	*one = fig;

	core_report_sort(fig);
	fig->median2 = core_report_median2(&one, 1);
	free(fig->days);
	fig->days = NULL;
	fig->ndays = fig->daycap = 0;
}

/* Per cent, half up; -1 when of is 0. */
int
core_report_percent(long part, long of)
{
	if (of <= 0)
		return -1;
	if (part < 0)
		part = 0;
	return (int)((200 * (long long)part + of) / (2 * (long long)of));
}

/* The months of the period, at most REPORT_MONTHS. */
size_t
core_report_nmonths(const struct report_period *p)
{
	int	y1, m1, d1, y2, m2, d2;
	long	n;

	if (p->from == DATE_NONE || p->to == DATE_NONE || p->to < p->from)
		return 0;
	util_date_split(p->from, &y1, &m1, &d1);
	util_date_split(p->to, &y2, &m2, &d2);
	n = (long)(y2 * 12 + m2) - (y1 * 12 + m1) + 1;
	return n > REPORT_MONTHS ? REPORT_MONTHS : (size_t)n;
}

/* The month of the period day falls in, or -1. */
int
core_report_month(const struct report_period *p, long day)
{
	int	y1, m1, d1, y, m, d;
	long	i;

	if (day == DATE_NONE || day < p->from || day > p->to)
		return -1;
	util_date_split(p->from, &y1, &m1, &d1);
	util_date_split(day, &y, &m, &d);
	i = (long)(y * 12 + m) - (y1 * 12 + m1);
	return i >= 0 && (size_t)i < core_report_nmonths(p) ? (int)i : -1;
}
