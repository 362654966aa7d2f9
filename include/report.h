/*
 * report.h — the yearly report and the department boards' evaluation:
 * which households and which visits a period counts (core-report.c), the
 * figures as they are read from the database and kept once the period
 * has closed (db-report.c), and how they are printed (cli-report.c,
 * report-xlsx.c) and shown (screen-report.c).
 *
 * The rules (issue 11):
 *   - A period is from..to, both days included.  Its cut-off is to plus
 *     the welcome deadline (welcome_days): a household that moved in on
 *     28 December still had its 14 days.
 *   - The report counts the households that moved in during the period,
 *     and of their visits and follow-ups those dated AND recorded
 *     (created_at, local day) up to the cut-off.  Nothing recorded later
 *     changes it.
 *   - Once the cut-off has passed (cut-off < today), the period is
 *     closed: the first report made after that keeps its figures in the
 *     database (table report_figure), and every later report of the same
 *     period reads them back, whatever was changed, erased or configured
 *     since.  The report says "closed" and since when.
 *   - Counting uses no personal data (department, stairwell, move-in
 *     date, visit dates, outcomes, item states, referral marks, follow-up
 *     dates only), so an anonymised household still counts.
 *
 * The choices db-report.c makes where the rules leave one:
 *   - "Recorded by the cut-off" is created_at (UTC) before the local
 *     midnight that ends the cut-off day.  A period not closed yet
 *     counts everything recorded so far (so with VELKOMST_TODAY fixed in
 *     the past, what is recorded now counts as recorded today).
 *   - A household's outcome is its best counted visit; its first welcome
 *     the first counted visit welcomed; in time: that visit dated no
 *     later than moved_in + deadline.
 *   - RR_LATE: no welcomed or declined visit dated on or before moved_in
 *     + deadline + stale_days, that day on or before the cut-off, and not
 *     moved out by then.  RR_DECLINED reads whether the declined visit's
 *     note is empty (never the note): an anonymisation that blanks notes
 *     takes that reason away from an open period's count.
 *   - Checklist items count each household's newest counted visit that
 *     ran the checklist (welcomed or partly): the state it ended at.
 *   - Ambassadors are counted by their dates (as the goal screen does),
 *     not by when they were recorded; active at the end is on the
 *     period's last day, or today while it runs.
 *   - A department the configuration no longer has counts in the total
 *     and in others, never in pilots.
 */
#ifndef VELKOMST_REPORT_H
#define VELKOMST_REPORT_H

#include <stddef.h>

#include "db.h"

enum report_kind {
	RK_YEAR,		/* a calendar year: 1.1.-31.12. */
	RK_AGREEMENT_YEAR,	/* the N-th 12 months from goal.from (the
				   last one ends with goal.to) */
	RK_RANGE,		/* --from D --to D */
	RK_EVALUATION		/* a department's first year after its first
				   welcome (the default of the evaluation) */
};

struct report_period {
	enum report_kind kind;
	int		 number;	/* the year, or the agreement year */
	long		 from, to;	/* day numbers (util.h), included */
	long		 cutoff;	/* to + deadline */
};

/*
 * The period of calendar year y, or of agreement year n (1 = the first
 * 12 months from agreement_from; none after agreement_to), or from..to;
 * deadline is welcome_days.  Each returns NULL, or a sentence (N_()) when
 * there is no such period (a year outside 1900..9999, an agreement year
 * outside the agreement, from after to).
 */
const char *core_report_year(int y, int deadline, struct report_period *);
const char *core_report_agreement_year(long agreement_from,
	    long agreement_to, int n, int deadline, struct report_period *);
const char *core_report_range(long from, long to, int deadline,
	    struct report_period *);
/* The evaluation's default: 12 months from first_welcome (a day). */
void	 core_report_first_year(long first_welcome, int deadline,
	    struct report_period *);

/* How a household's welcome went by the cut-off: its best visit. */
enum report_outcome {
	RO_NOT_REACHED,		/* no visit but "not home", or none */
	RO_DECLINED,
	RO_PARTLY,
	RO_WELCOMED
};

/* Why a household was passed on to the secretariat (referrals by kind). */
enum report_referral {
	RR_NOT_HOME,		/* not home visits.max_attempts times */
	RR_AMBASSADOR,		/* an ambassador passed something on (a
				   checklist item's "to the secretariat") */
	RR_DECLINED,		/* declined, with a note */
	RR_LATE			/* not reached within the deadline plus
				   visits.stale_days, when that day is on or
				   before the cut-off */
};
#define REPORT_REFERRALS	4

/* One household of the period as the counting sees it: no names. */
struct report_household {
	int		 group;		/* its department's index in the
					   report's departments, or -1 for
					   a department the configuration no
					   longer has (counted in the total) */
	long		 moved_in;
	long		 first_welcome;	/* first visit welcomed, DATE_NONE */
	enum report_outcome outcome;
	unsigned	 referrals;	/* 1 << enum report_referral */
	int		 followed_up;	/* a follow-up up to the cut-off */
};

/* One checklist item over the period's visits that ran the checklist
 * (welcomed or partly).  Titles as the visits stored them. */
struct report_item {
	char		*key;
	char		*title;		/* English */
	char		*title_da;	/* Danish, or NULL: title */
	long		 done;
	long		 not_relevant;
	long		 later;
	int		 department;	/* the department (an index into the
					   report's departments) whose own
					   item it is; -1: every department's,
					   or no longer configured */
};

/* The figures of one group: a department, all, the pilots, a month. */
struct report_figures {
	long		 moved_in;
	long		 welcomed;	/* outcome welcomed */
	long		 in_time;	/* first welcome <= moved_in + deadline */
	long		 partly;
	long		 declined;
	long		 not_reached;
	long		 referred;	/* any referral */
	long		 followed_up;	/* referred or not, a follow-up */
	long		 referrals[REPORT_REFERRALS];
	long		 median2;	/* twice the median days from move-in
					   to the first welcome (so 7.5 days
					   is 15); -1: nobody welcomed */
	long		 rest_median2;	/* a department's: median2 of every
					   other department together (the
					   evaluation's comparison); else -1 */
	/* Ambassadors of the group's department(s) (not for a month): */
	long		 recruited;	/* recruited in the period */
	long		 stopped;	/* stopped in the period */
	long		 active_at_end;	/* active on the period's last day */
	long		 cumulative;	/* recruited from goal.from to the
					   period's end: toward the goal */
	long		 stairwells;	/* the configuration's stairwells */
	long		 covered;	/* of those, covered on the last day by
					   an ambassador active then (the
					   stairwells they cover now) */
	struct report_item *items;	/* in the checklist's order, then
					   items no longer configured */
	size_t		 nitems;
	long		*days;		/* while counting: each welcome's
					   days, for the median */
	size_t		 ndays, daycap;
};

#define REPORT_MONTHS	24

struct report {
	struct report_period period;
	int		 closed;	/* 1: the period is closed and these
					   are its kept figures (kept by this
					   call or before); 0: counted (open,
					   or a read-only database) */
	long		 closed_on;	/* the day it was kept, or DATE_NONE */
	int		 deadline;	/* welcome_days it was counted with */
	int		 max_attempts;	/* and visits.max_attempts ... */
	int		 stale_days;	/* ... and visits.stale_days */
	char		**departments;	/* keys, in the configuration's order */
	size_t		 ndepartments;
	struct report_figures *by_department;	/* ndepartments */
	struct report_figures total;
	int		 has_pilots;	/* the configuration names pilots */
	struct report_figures pilots;	/* the pilot departments together */
	struct report_figures others;	/* every other department together
					   (with one the configuration no
					   longer has): total = pilots +
					   others */
	int		 department;	/* query->department's index, or -1 */
	struct report_figures rest;	/* with query->department: every
					   other department together, for
					   the comparison (its counts are
					   sums: divide by ndepartments - 1
					   for the average) */
	/* Month by month (by the month of moving in), from the period's
	 * first month: of the whole report, or of one department when the
	 * query names one. */
	struct report_figures months[REPORT_MONTHS];
	size_t		 nmonths;
	long		 goal;		/* goal.ambassadors, for cumulative */
};

/* What a report is asked for. */
struct report_query {
	struct report_period period;
	const char *const *departments;	/* keys, the configuration's order */
	size_t		 ndepartments;
	const char *const *stairwells;	/* every stairwell's name ... */
	const int	*stairwell_department;	/* ... and its department */
	size_t		 nstairwells;
	const int	*pilot;		/* per department: 1 a pilot; NULL:
					   none named */
	const char	*department;	/* months of this key only, or NULL */
	const char *const *item_keys;	/* the checklist's order */
	const int	*item_department;	/* per item: its department's
					   index, -1 for every department */
	size_t		 nitem_keys;
	int		 deadline;	/* welcome_days */
	int		 max_attempts;	/* visits.max_attempts */
	int		 stale_days;	/* visits.stale_days */
	long		 goal_from;	/* for cumulative */
	long		 goal;
	long		 today;		/* DATE_NONE: util_today() */
	int		 recount;	/* forget what a closed period kept and
					   count again (admin; audited) */
};

/*
 * Count: add household h to fig (deadline for in_time), and when done
 * work out the median (core_report_finish frees the days it kept).
 */
void	 core_report_add(struct report_figures *fig,
	    const struct report_household *h, int deadline);
void	 core_report_finish(struct report_figures *fig);

/* Per cent, rounded to the nearest whole (half up); -1 when of is 0. */
int	 core_report_percent(long part, long of);
/*
 * Twice the median of the days of figs[0..n) together, -1 when they have
 * none; each fig's days must be sorted (core_report_sort), as they are
 * between the counting and core_report_finish.
 */
void	 core_report_sort(struct report_figures *fig);
long	 core_report_median2(struct report_figures *const *figs, size_t n);
/* The number of months of the period (its first to its last month),
 * at most REPORT_MONTHS; and the month index of day (-1: outside). */
size_t	 core_report_nmonths(const struct report_period *);
int	 core_report_month(const struct report_period *, long day);

/*
 * The report of q into *out (free with report_clear).  The secretariat
 * and admins only (DB_DENIED).  A closed period's first report keeps its
 * figures (one transaction, audited "report kept"); on a read-only
 * database it is counted and not kept.
 */
enum db_status	 db_report(struct db *, const struct who *,
		    const struct report_query *q, struct report *out);
void	 report_clear(struct report *);

/*
 * The query of the configuration c (report-conf.c): its departments,
 * stairwells, pilots, checklist and rules, today DATE_NONE, period and
 * department unset.  Free the arrays with report_query_free.
 */
struct conf;
void	 report_query_conf(struct report_query *q, const struct conf *c);
void	 report_query_free(struct report_query *q);

/* The day of a department's first welcome (DATE_NONE: none yet). */
enum db_status	 db_report_first_welcome(struct db *, const struct who *,
		    const char *department, long *day);

/*
 * Write r as an Excel workbook at path (report-xlsx.c, libxlsxwriter):
 * one sheet per table (the departments with the total, pilots and
 * others when named; the checklist items; the months; the ambassadors),
 * a header row, frozen, widths that fit, and a chart sheet of the months
 * where the library can draw one.  Headers and titles in the language
 * of the messages (_()).  The file is made with the process's umask
 * (077: 0600).  Returns 0, or -1 with a sentence in err.
 */
int	 report_xlsx_write(const struct report *r, const char *path,
	    char *err, size_t errlen);

#endif
