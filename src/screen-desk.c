/*
 * screen-desk.c — "Desk overview", opened from the secretariat's list:
 * per department (by its short name, in the configuration's order) and
 * in total, the households awaiting a welcome, overdue, with the
 * secretariat, and the stairwells without an active ambassador where
 * newcomers wait (db_desk).  Enter on a department opens the
 * secretariat's list of that department; on the total, of all.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

enum desk_col { DC_DEPT, DC_AWAITING, DC_OVERDUE, DC_SECRETARIAT,
    DC_WITHOUT, DC_NCOLS };

/* One line of the table: a department (index) or the total (-1). */
struct desk_line {
	int			 dept;
	const struct desk_row	*fig;
};

struct desk_scr {
	struct desk		 d;
	struct desk_line	*lines;
	struct ui_list		 list;		/* over lines */
	char			*why;		/* could not be read: why */
};

static const struct ui_column desk_cols[DC_NCOLS] = {
	[DC_DEPT] = { .head = N_("Department"), .width = 14, .grow = 1 },
	[DC_AWAITING] = { .head = N_("Awaiting"), .width = 9, .whole = 1 },
	[DC_OVERDUE] = { .head = N_("Overdue"), .width = 9, .whole = 1 },
	[DC_SECRETARIAT] = { .head = N_("Secretariat"), .width = 12,
	    .whole = 1 },
	[DC_WITHOUT] = { .head = N_("No ambassador"), .width = 16,
	    .whole = 1 },
};

static const enum ui_action desk_actions[] = {
	ACT_OPEN, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_FIRST, ACT_LAST,
	ACT_NONE
};

/* Read the figures for the configuration's departments. */
static void
desk_load(struct ui *ui, struct desk_scr *s)
{
	const struct conf	*c = ui_conf(ui);
	struct desk_query	 q;
	const char		**depts, **stairs;
	int			*sdept;
	size_t			 i;

	db_desk_clear(&s->d);
	free(s->why);
	s->why = NULL;
	cfg_places(c, &depts, &stairs, &sdept);
	q = (struct desk_query){ depts, c->ndepartments, stairs, sdept,
	    c->nstairwells, util_today(), c->welcome_days, c->stale_days };
	if (db_desk(ui_db(ui), ui_who(ui), &q, &s->d) != DB_OK)
		s->why = xstrdup(_(db_errmsg(ui_db(ui))));
	free(depts);
	free(stairs);
	free(sdept);
	for (i = 0; i < s->d.nrows; i++)
		s->lines[i] = (struct desk_line){ (int)i, &s->d.rows[i] };
	s->lines[i] = (struct desk_line){ -1, &s->d.total };
	s->list.rows = s->lines;
	s->list.n = s->why != NULL ? 0 : s->d.nrows + 1;
	ui_list_select(&s->list, s->list.sel);
}

/* A cell: the short name, or a count (right-aligned in its width). */
static const char *
desk_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct desk_line	*l = c->row;
	const long		 n[DC_NCOLS] = { 0, l->fig->awaiting,
				    l->fig->overdue, l->fig->secretariat,
				    l->fig->stairwells_without };

	(void)ctx;
	if (c->col == DC_DEPT)
		return l->dept < 0 ? _("Total") :
		    ui_conf(ui)->departments[l->dept].shortname;
	snprintf(c->buf, sizeof c->buf, "%*ld", c->cols > 0 ? c->cols : 1,
	    n[c->col]);
	return c->buf;
}

/* The total stands out. */
static enum ui_style
desk_style(struct ui *ui, void *ctx, const void *row)
{
	(void)ui;
	(void)ctx;
	return ((const struct desk_line *)row)->dept < 0 ? STYLE_HEADER :
	    STYLE_NORMAL;
}

/* Enter: the secretariat's list of that department (the total: all). */
static int
desk_open(struct ui *ui, void *ctx, const void *row)
{
	const struct desk_line	*l = row;

	(void)ctx;
	ui_push(ui, &screen_followups, (void *)(intptr_t)(l->dept + 2));
	return UI_REDRAW | UI_HANDLED;
}

/* Set up the table and read the figures. */
static void *
desk_init(struct ui *ui, void *arg)
{
	struct desk_scr	*s = xcalloc(1, sizeof *s);

	(void)arg;
	s->lines = xcalloc(ui_conf(ui)->ndepartments + 1, sizeof *s->lines);
	s->list.cols = desk_cols;
	s->list.ncols = DC_NCOLS;
	s->list.size = sizeof *s->lines;
	s->list.cell = desk_cell;
	s->list.style = desk_style;
	s->list.open = desk_open;
	s->list.ctx = s;
	ui_list_init(&s->list);
	desk_load(ui, s);
	return s;
}

/* Back from a list: read the figures again. */
static void
desk_resume(struct ui *ui, void *state)
{
	desk_load(ui, state);
}

/* Free the screen's state. */
static void
desk_free(void *state)
{
	struct desk_scr	*s = state;

	db_desk_clear(&s->d);
	ui_list_free(&s->list);
	free(s->lines);
	free(s->why);
	free(s);
}

/* Today and the deadline, the table, what No ambassador counts. */
static void
desk_draw(struct ui *ui, void *state)
{
	struct desk_scr	*s = state;
	const struct conf *c = ui_conf(ui);
	int		 y = ui_body_top(ui), rows = ui_body_rows(ui);
	char		 day[11], *t;

	if (s->why != NULL) {
		ui_wrap(y + 1, 2, ui_cols(ui) - 4, 3, 0, s->why, STYLE_ERROR);
		return;
	}
	t = xasprintf(P_("Today, %s; the welcome deadline is %d day.",
	    "Today, %s; the welcome deadline is %d days.", c->welcome_days),
	    util_date_dk(util_today(), day), c->welcome_days);
	ui_put(y, 1, t, ui_cols(ui) - 2, 0, STYLE_DIM);
	free(t);
	ui_list_draw(ui, &s->list, y + 1, 0, rows - 4, ui_cols(ui));
	ui_wrap(y + rows - 3, 2, ui_cols(ui) - 4, 3, 0, _("No ambassador: "
	    "stairwells without an active ambassador where newcomers await a "
	    "welcome. Enter shows who needs the secretariat there."),
	    STYLE_DIM);
}

/* Keys: the list's (moving, Enter). */
static int
desk_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct desk_scr	*s = state;

	return ui_list_key(ui, &s->list, k);
}

/* A click selects a line; a double click opens it. */
static int
desk_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct desk_scr	*s = state;

	return ui_list_click(ui, &s->list, y, x, twice);
}

const struct screen screen_desk = {
	.name = "desk",
	.title = N_("Desk overview"),
	.actions = desk_actions,
	.help = N_("The secretariat's desk at a glance, one line per "
	    "department and a total. Awaiting: households not yet welcomed, "
	    "not declined, not moved out, still within the welcome deadline. "
	    "Overdue: as the list of overdue welcomes. Secretariat: as the "
	    "list Needs the secretariat. No ambassador: stairwells that no "
	    "active ambassador covers where households await a welcome, as "
	    "the coverage shows them. Enter on a department opens its list "
	    "of households that need the secretariat; on the total, all of "
	    "them."),
	.init = desk_init,
	.draw = desk_draw,
	.key = desk_key,
	.resume = desk_resume,
	.free = desk_free,
	.click = desk_click,
};
