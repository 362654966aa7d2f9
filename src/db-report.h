/*
 * db-report.h — what the files of the report's data layer share
 * (db-report.c counts, db-report-amb.c counts the ambassadors,
 * db-report-keep.c keeps a closed period's figures and reads them back).
 * Only db-report*.c include it.
 */
#ifndef VELKOMST_DB_REPORT_H
#define VELKOMST_DB_REPORT_H

#include "report.h"

/* The index of department key among r's departments, or -1. */
int	 db_report_department(const struct report *r, const char *key);
/* Empty figures: nothing counted, medians -1, no items. */
void	 db_report_fig_init(struct report_figures *);
/* The item of f with key (appended with department dep when new). */
struct report_item *db_report_item(struct report_figures *f,
	    const char *key, int dep);
/* r's groups with items (the departments, the total, pilots, others):
 * a new array (free it) of *n. */
struct report_figures **db_report_groups(struct report *r, size_t *n);

/* Count the ambassadors of q's period into r's groups: recruited and
 * stopped in the period, active on end, cumulative from q->goal_from,
 * the stairwells and those covered on end. */
enum db_status	 db_report_ambassadors(struct db *,
		    const struct report_query *q, struct report *r, long end);

/*
 * Keep r, just counted for the closed period of q, with each
 * department's months dmonths (ndepartments * REPORT_MONTHS), in one
 * transaction with its audit row ("report kept", or "report recounted"
 * with q->recount, which first forgets what was kept); sets r->closed
 * and r->closed_on (today).  *raced is set when another process kept
 * the period first (nothing written: read it back).
 */
enum db_status	 db_report_keep(struct db *, const struct who *,
		    const struct report_query *q, struct report *r,
		    const struct report_figures *dmonths, long today,
		    int *raced);
/* Read the kept figures of q's period into r (*found 0: none kept,
 * r untouched). */
enum db_status	 db_report_read(struct db *, const struct report_query *q,
		    struct report *r, int *found);

#endif
