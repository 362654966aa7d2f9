/*
 * screen-stories.c — "Possible success stories": the welcome visits an
 * ambassador (or the secretariat) marked as a possible success story,
 * each with the household's yes, the newest first, so the secretariat
 * can find them: the day, the household (its number, department and
 * first member), the ambassador, and who recorded the yes and when.
 * Enter opens the household; F5 takes the mark away (asked first), when
 * the household changes its mind.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

enum story_col { SC_DATE, SC_NO, SC_DEPT, SC_NAME, SC_AMB, SC_YES,
    SC_NCOLS };

struct story_scr {
	struct story_visit	*v;
	size_t			 n;
	struct ui_list		 list;		/* over v */
	int			 asking;	/* "take the mark away?" */
	char			*why;
};

static const struct ui_column story_cols[SC_NCOLS] = {
	[SC_DATE] = { .head = N_("Visit"), .width = 10, .whole = 1 },
	[SC_NO] = { .head = N_("Number"), .width = 6, .whole = 1 },
	[SC_DEPT] = { .head = N_("Department"), .width = 10 },
	[SC_NAME] = { .head = N_("Household"), .width = 30, .grow = 3 },
	[SC_AMB] = { .head = N_("Ambassador"), .width = 16, .grow = 2 },
	[SC_YES] = { .head = N_("Yes recorded"), .width = 24, .grow = 1 },
};

static const enum ui_action story_actions[] = {
	ACT_OPEN, ACT_STORY, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_FIRST,
	ACT_LAST, ACT_NONE
};
static const enum ui_action story_ask_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* Read the marked visits again. */
static void
story_load(struct ui *ui, struct story_scr *s)
{
	db_story_visits_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	free(s->why);
	s->why = NULL;
	if (db_story_visits(ui_db(ui), ui_who(ui), 0, &s->v, &s->n) != DB_OK)
		s->why = xstrdup(_(db_errmsg(ui_db(ui))));
	s->list.rows = s->v;
	s->list.n = s->n;
	ui_list_select(&s->list, s->list.sel);
}

static const char *
story_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct story_visit	*v = c->row;
	const struct conf		*conf = ui_conf(ui);
	char				 d[11];
	int				 dep;

	(void)ctx;
	switch (c->col) {
	case SC_DATE:
		return util_date_dk(v->date, c->buf);
	case SC_NO:
		snprintf(c->buf, sizeof c->buf, "%ld", v->household);
		return c->buf;
	case SC_DEPT:
		dep = cfg_department_find(conf, v->department);
		return dep < 0 ? v->department : conf->departments[dep].shortname;
	case SC_NAME:
		snprintf(c->buf, sizeof c->buf, "%s (%s, %s)", v->name,
		    v->stairwell, v->flat);
		return c->buf;
	case SC_AMB:
		return v->ambassador;
	default:
		snprintf(c->buf, sizeof c->buf, "%s %s", util_date_dk(
		    v->consent_on, d), v->consent_by);
		return c->buf;
	}
}

/* Enter: the household. */
static int
story_open(struct ui *ui, void *ctx, const void *row)
{
	(void)ctx;
	ui_push(ui, &screen_household, (void *)(intptr_t)
	    ((const struct story_visit *)row)->household);
	return UI_REDRAW | UI_HANDLED;
}

static void *
story_init(struct ui *ui, void *arg)
{
	struct story_scr	*s = xcalloc(1, sizeof *s);

	(void)arg;
	s->list.cols = story_cols;
	s->list.ncols = SC_NCOLS;
	s->list.size = sizeof *s->v;
	s->list.cell = story_cell;
	s->list.open = story_open;
	s->list.ctx = s;
	s->list.empty = _("No visit is marked as a possible success story "
	    "yet. An ambassador marks one at the door with F5, when the "
	    "household says yes.");
	ui_list_init(&s->list);
	story_load(ui, s);
	return s;
}

static void
story_resume(struct ui *ui, void *state)
{
	story_load(ui, state);
}

static void
story_free(void *state)
{
	struct story_scr	*s = state;

	db_story_visits_free(s->v, s->n);
	ui_list_free(&s->list);
	free(s->why);
	free(s);
}

static void
story_draw(struct ui *ui, void *state)
{
	struct story_scr		*s = state;
	const struct story_visit	*sel;
	int				 y = ui_body_top(ui);
	int				 rows = ui_body_rows(ui);
	char				*q;

	if (s->why != NULL) {
		ui_wrap(y + 1, 2, ui_cols(ui) - 4, 3, 0, s->why, STYLE_ERROR);
		return;
	}
	ui_put(y, 2, _("Visits where the household said yes to telling its "
	    "story."), ui_cols(ui) - 4, 0, STYLE_DIM);
	ui_list_draw(ui, &s->list, y + 1, 0, rows - 4, ui_cols(ui));
	if (s->asking && (sel = ui_list_selected(&s->list)) != NULL) {
		q = xasprintf(_("Take the mark away from the visit to household "
		    "%ld (they changed their mind, or it was a mistake)? y "
		    "takes it away, n or Esc keeps it."), sel->household);
		ui_wrap(y + rows - 3, 2, ui_cols(ui) - 4, 2, 0, q,
		    STYLE_ERROR);
		free(q);
	}
}

/* The answer to "take the mark away?". */
static int
story_key_ask(struct ui *ui, struct story_scr *s, const struct ui_keypress *k)
{
	const struct story_visit	*sel = ui_list_selected(&s->list);
	enum ui_action			 a = ui_key_action(k, story_ask_actions);

	if (a == ACT_NONE)
		return UI_HANDLED;
	s->asking = 0;
	if (a != ACT_YES || sel == NULL)
		ui_message(ui, "%s", _("The mark stays."));
	else if (db_visit_story(ui_db(ui), ui_who(ui), sel->visit, 0, 0) !=
	    DB_OK)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
	else {
		ui_message(ui, "%s", _("The mark and the household's yes are "
		    "taken away."));
		story_load(ui, s);
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
story_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct story_scr	*s = state;

	if (s->asking)
		return story_key_ask(ui, s, k);
	if (ui_key_action(k, story_actions) == ACT_STORY) {
		if (ui_list_selected(&s->list) != NULL)
			s->asking = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	return ui_list_key(ui, &s->list, k);
}

static const enum ui_action *
story_actions_now(void *state)
{
	return ((struct story_scr *)state)->asking ? story_ask_actions :
	    story_actions;
}

static int
story_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct story_scr	*s = state;

	if (s->asking)
		return 0;
	return ui_list_click(ui, &s->list, y, x, twice);
}

const struct screen screen_stories = {
	.name = "stories",
	.title = N_("Possible success stories"),
	.actions = story_actions,
	.help = N_("The welcome visits marked as possible success stories, "
	    "the newest first. A visit is marked only when the household "
	    "said yes, out loud, to its story being told; the last column "
	    "says when that yes was recorded, and by whom. Ask the household "
	    "again before anything is published, and leave out names they "
	    "do not want. Enter opens the household. F5 takes the mark "
	    "away, when the household changes its mind; it asks first."),
	.init = story_init,
	.draw = story_draw,
	.key = story_key,
	.resume = story_resume,
	.free = story_free,
	.click = story_click,
	.actions_now = story_actions_now,
};
