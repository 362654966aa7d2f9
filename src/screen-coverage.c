/*
 * screen-coverage.c — which stairwells have an active ambassador, and how
 * many households await a welcome on each: the stairwells with none
 * stand out, for that is where to recruit next.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct cov_scr {
	int	*ambassadors;	/* per configured stairwell */
	int	*whole;		/* per department: cover all of it */
	long	*awaiting;	/* per configured stairwell */
	int	 uncovered;	/* stairwells with no ambassador */
	long	 uncovered_awaiting;
	int	 skip;
	int	 lines;
	int	 ok;
};

struct cov_ctx {
	const struct conf	*conf;
	struct cov_scr		*c;
};

static const enum ui_action cov_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_BACK, ACT_HELP, ACT_NONE
};

/* A db_coverage callback: add the count to its stairwell. */
static void
cov_add(void *ctx, const char *dept, const char *stair, int active)
{
	struct cov_ctx	*x = ctx;
	int		 d, s;

	if ((d = cfg_department_find(x->conf, dept)) < 0)
		return;		/* a department no longer configured */
	if (stair[0] == '\0') {
		x->c->whole[d] += active;
		return;
	}
	if ((s = cfg_stairwell_find(x->conf, d, stair)) >= 0)
		x->c->ambassadors[s] += active;
}

/* Count the open households of every stairwell; 0 or -1. */
static int
cov_awaiting(struct ui *ui, struct cov_scr *c)
{
	const struct conf	*conf = ui_conf(ui);
	struct household_query	 q = { .filter = FILTER_OPEN,
				    .today = util_today() };
	size_t			 i;

	for (i = 0; i < conf->nstairwells; i++) {
		q.department = conf->departments[conf->stairwells[i].
		    department].key;
		q.stairwell = conf->stairwells[i].name;
		if (db_household_count(ui_db(ui), ui_who(ui), &q,
		    &c->awaiting[i]) != DB_OK)
			return -1;
	}
	return 0;
}

/* Read the coverage from the register. */
static void
cov_load(struct ui *ui, struct cov_scr *c)
{
	const struct conf	*conf = ui_conf(ui);
	struct cov_ctx		 x = { conf, c };
	size_t			 i;

	memset(c->ambassadors, 0, conf->nstairwells * sizeof *c->ambassadors);
	memset(c->whole, 0, conf->ndepartments * sizeof *c->whole);
	c->ok = db_coverage(ui_db(ui), ui_who(ui), util_today(), cov_add,
	    &x) == DB_OK && cov_awaiting(ui, c) == 0;
	if (!c->ok) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	c->uncovered = 0;
	c->uncovered_awaiting = 0;
	for (i = 0; i < conf->nstairwells; i++) {
		if (c->ambassadors[i] + c->whole[conf->stairwells[i].
		    department] > 0)
			continue;
		c->uncovered++;
		c->uncovered_awaiting += c->awaiting[i];
	}
}

static void *
cov_init(struct ui *ui, void *arg)
{
	const struct conf	*conf = ui_conf(ui);
	struct cov_scr		*c = xcalloc(1, sizeof *c);

	(void)arg;
	c->ambassadors = xcalloc(conf->nstairwells + 1, sizeof *c->ambassadors);
	c->awaiting = xcalloc(conf->nstairwells + 1, sizeof *c->awaiting);
	c->whole = xcalloc(conf->ndepartments + 1, sizeof *c->whole);
	cov_load(ui, c);
	return c;
}

static void
cov_resume(struct ui *ui, void *state)
{
	cov_load(ui, state);
}

static void
cov_free(void *state)
{
	struct cov_scr	*c = state;

	free(c->ambassadors);
	free(c->awaiting);
	free(c->whole);
	free(c);
}

/* Put line n of the list at its row, if it is in view. */
static void
cov_line(struct ui *ui, struct cov_scr *c, int n, int x, const char *s,
    int w, enum ui_style st)
{
	int	top = ui_body_top(ui) + 3, row = top + n - c->skip;

	if (row >= top && row < LINES - 2)
		ui_put(row, x, s, w, 0, st);
}

/* Draw one stairwell line (line n); returns the next line. */
static int
cov_stair(struct ui *ui, struct cov_scr *c, int n, size_t i, int whole)
{
	const struct conf	*conf = ui_conf(ui);
	char			*s;
	int			 amb = c->ambassadors[i] + whole;

	cov_line(ui, c, n, 4, conf->stairwells[i].name, 22, STYLE_NORMAL);
	if (amb == 0)
		s = xstrdup(_("! no ambassador"));
	else
		s = xasprintf(P_("%d ambassador", "%d ambassadors", amb),
		    amb);
	cov_line(ui, c, n, 28, s, 20, amb == 0 ? STYLE_ERROR : STYLE_NORMAL);
	free(s);
	s = xasprintf(P_("%ld awaiting a welcome", "%ld awaiting a welcome",
	    c->awaiting[i]), c->awaiting[i]);
	cov_line(ui, c, n, 50, s, ui_cols(ui) - 51, amb == 0 &&
	    c->awaiting[i] > 0 ? STYLE_ERROR : STYLE_DIM);
	free(s);
	return n + 1;
}

static void
cov_draw(struct ui *ui, void *state)
{
	const struct conf	*conf = ui_conf(ui);
	struct cov_scr		*c = state;
	char			*s, *w1, *w2;
	size_t			 d, i;
	int			 n = 0;

	if (!c->ok)
		return;
	w1 = xasprintf(P_("%d stairwell has no active ambassador;",
	    "%d stairwells have no active ambassador;", c->uncovered),
	    c->uncovered);
	w2 = xasprintf(P_("%ld household awaits a welcome there.",
	    "%ld households await a welcome there.", c->uncovered_awaiting),
	    c->uncovered_awaiting);
	s = xasprintf(_("%s %s That is where to recruit next."), w1, w2);
	free(w1);
	free(w2);
	ui_wrap(ui_body_top(ui), 2, ui_cols(ui) - 4, 2, 0, s,
	    c->uncovered > 0 ? STYLE_ERROR : STYLE_NORMAL);
	free(s);
	for (d = 0; d < conf->ndepartments; d++) {
		s = c->whole[d] > 0 ? xasprintf(P_("%s (%d covering the whole "
		    "department)", "%s (%d covering the whole department)",
		    c->whole[d]), conf->departments[d].name, c->whole[d]) :
		    xstrdup(conf->departments[d].name);
		cov_line(ui, c, n++, 2, s, ui_cols(ui) - 4, STYLE_HEADER);
		free(s);
		for (i = 0; i < conf->nstairwells; i++)
			if (conf->stairwells[i].department == (int)d)
				n = cov_stair(ui, c, n, i, c->whole[d]);
	}
	c->lines = n;
	if (c->lines - c->skip > LINES - 2 - (ui_body_top(ui) + 3))
		ui_put(LINES - 3, ui_cols(ui) - 12, _("\xe2\x86\x93 more"), 10,
		    0, STYLE_DIM);
}

static int
cov_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct cov_scr	*c = state;
	int		 page = LINES - 6;

	switch (ui_key_action(k, cov_actions)) {
	case ACT_UP:	c->skip--; break;
	case ACT_DOWN:	c->skip++; break;
	case ACT_PGUP:	c->skip -= page; break;
	case ACT_PGDN:	c->skip += page; break;
	default:	return 0;
	}
	if (c->skip > c->lines - page)
		c->skip = c->lines - page;
	if (c->skip < 0)
		c->skip = 0;
	(void)ui;
	return UI_REDRAW | UI_HANDLED;
}

const struct screen screen_coverage = {
	.name = "coverage",
	.title = N_("Coverage"),
	.actions = cov_actions,
	.help = N_("Every stairwell of every department, with how many active "
	    "ambassadors cover it (paused and stopped ones do not count) and "
	    "how many households there still await a welcome. A stairwell "
	    "with no ambassador is marked with ! \xe2\x80\x94 that is where to "
	    "recruit next. An ambassador with no stairwells of their own "
	    "covers the whole department."),
	.init = cov_init,
	.draw = cov_draw,
	.key = cov_key,
	.resume = cov_resume,
	.free = cov_free,
};
