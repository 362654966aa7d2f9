/*
 * report-conf.c — the report's query made from the configuration, so
 * that the command and the screen ask for the same report.
 */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "report.h"
#include "util.h"

/* The query of the configuration c: its places, pilots, items, rules. */
void
report_query_conf(struct report_query *q, const struct conf *c)
{
	const char	**depts, **stairs, **keys;
	int		 *sdept, *idept, *pilot = NULL;
	size_t		  i;

	memset(q, 0, sizeof *q);
	cfg_places(c, &depts, &stairs, &sdept);
	q->departments = depts;
	q->ndepartments = c->ndepartments;
	q->stairwells = stairs;
	q->stairwell_department = sdept;
	q->nstairwells = c->nstairwells;
	if (c->pilot != NULL) {
		pilot = xcalloc(c->ndepartments + 1, sizeof *pilot);
		memcpy(pilot, c->pilot, c->ndepartments * sizeof *pilot);
	}
	q->pilot = pilot;
	keys = xcalloc(c->nchecklist + 1, sizeof *keys);
	idept = xcalloc(c->nchecklist + 1, sizeof *idept);
	for (i = 0; i < c->nchecklist; i++) {
		keys[i] = c->checklist[i].key;
		idept[i] = c->checklist[i].department;
	}
	q->item_keys = keys;
	q->item_department = idept;
	q->nitem_keys = c->nchecklist;
	q->deadline = c->welcome_days;
	q->max_attempts = c->max_attempts;
	q->stale_days = c->stale_days;
	q->goal_from = c->goal_from;
	q->goal = c->goal_ambassadors;
	q->today = DATE_NONE;
	q->period.from = q->period.to = q->period.cutoff = DATE_NONE;
}

/* Free the arrays report_query_conf made. */
void
report_query_free(struct report_query *q)
{
	free((void *)q->departments);
	free((void *)q->stairwells);
	free((void *)q->stairwell_department);
	free((void *)q->pilot);
	free((void *)q->item_keys);
	free((void *)q->item_department);
	memset(q, 0, sizeof *q);
}
