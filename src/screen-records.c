/*
 * screen-records.c — what the secretariat recorded for the success
 * criteria, newest first: each film, success story and press story with
 * its date, where it was shown (or the paper), the latest views or likes
 * and the day they were counted.  n records a new one, Enter opens one
 * (to correct it, or to write its newest views or likes), D deletes one
 * recorded by mistake after asking.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

enum rec_col { RC_DATE, RC_WHAT, RC_WHERE, RC_COUNT, RC_COUNTED, RC_TITLE,
    RC_NCOLS };

struct rec_scr {
	struct criteria_record	*r;
	size_t			 n;
	struct ui_list		 list;		/* over r */
	int			 asking;	/* "delete it?" */
	char			*why;		/* could not be read: why */
};

static const struct ui_column rec_cols[RC_NCOLS] = {
	[RC_DATE] = { .head = N_("Date"), .width = 10, .whole = 1 },
	[RC_WHAT] = { .head = N_("What"), .width = 14 },
	[RC_WHERE] = { .head = N_("Where"), .width = 12, .grow = 1 },
	[RC_COUNT] = { .head = N_("Views/likes"), .width = 11, .whole = 1 },
	[RC_COUNTED] = { .head = N_("Counted"), .width = 10, .whole = 1 },
	[RC_TITLE] = { .head = N_("Title"), .width = 60, .grow = 2 },
};

static const enum ui_action rec_actions[] = {
	ACT_RECORD_NEW, ACT_OPEN, ACT_RECORD_DELETE, ACT_BACK, ACT_HELP,
	ACT_UP, ACT_DOWN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action rec_ask_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* Read the records again. */
static void
rec_load(struct ui *ui, struct rec_scr *s)
{
	db_criteria_free(s->r, s->n);
	s->r = NULL;
	s->n = 0;
	free(s->why);
	s->why = NULL;
	if (db_criteria_list(ui_db(ui), ui_who(ui), 0, &s->r, &s->n) != DB_OK)
		s->why = xstrdup(_(db_errmsg(ui_db(ui))));
	s->list.rows = s->r;
	s->list.n = s->n;
	ui_list_select(&s->list, s->list.sel);
}

/* A cell: dates the Danish way, the count right-aligned. */
static const char *
rec_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct criteria_record	*r = c->row;

	(void)ui;
	(void)ctx;
	switch (c->col) {
	case RC_DATE:
		return util_date_dk(r->date, c->buf);
	case RC_WHAT:
		return _(core_crit_record_label(r->kind));
	case RC_WHERE:
		return r->kind == CR_PRESS ? (r->paper != NULL ? r->paper :
		    "") : _(core_crit_channel_label(r->channel));
	case RC_COUNT:
		if (r->count < 0)
			return "";
		snprintf(c->buf, sizeof c->buf, "%*ld", c->cols > 0 &&
		    c->cols < 40 ? c->cols : 1, r->count);
		return c->buf;
	case RC_COUNTED:
		return util_date_dk(r->counted_on, c->buf);
	default:
		return r->title;
	}
}

/* Enter: the record's form. */
static int
rec_open(struct ui *ui, void *ctx, const void *row)
{
	(void)ctx;
	ui_push(ui, &screen_record_form, (void *)(intptr_t)
	    ((const struct criteria_record *)row)->id);
	return UI_REDRAW | UI_HANDLED;
}

static void *
rec_init(struct ui *ui, void *arg)
{
	struct rec_scr	*s = xcalloc(1, sizeof *s);

	(void)arg;
	s->list.cols = rec_cols;
	s->list.ncols = RC_NCOLS;
	s->list.size = sizeof *s->r;
	s->list.cell = rec_cell;
	s->list.open = rec_open;
	s->list.ctx = s;
	s->list.empty = _("Nothing is recorded yet: n records the film, a "
	    "success story or a press story.");
	ui_list_init(&s->list);
	rec_load(ui, s);
	return s;
}

/* Back from the form: read them again. */
static void
rec_resume(struct ui *ui, void *state)
{
	rec_load(ui, state);
}

static void
rec_free(void *state)
{
	struct rec_scr	*s = state;

	db_criteria_free(s->r, s->n);
	ui_list_free(&s->list);
	free(s->why);
	free(s);
}

/* The question before a delete, naming what it deletes. */
static char *
rec_question(const struct criteria_record *r)
{
	char	d[11];

	return xasprintf(_("Delete the %s of %s, \"%s\", recorded by mistake? "
	    "y deletes it, n or Esc keeps it."),
	    _(core_crit_record_label(r->kind)), util_date_dk(r->date, d),
	    r->title);
}

/* The list, and the question under it while one is asked. */
static void
rec_draw(struct ui *ui, void *state)
{
	struct rec_scr			*s = state;
	const struct criteria_record	*sel;
	int				 y = ui_body_top(ui);
	int				 rows = ui_body_rows(ui);
	char				*q;

	if (s->why != NULL) {
		ui_wrap(y + 1, 2, ui_cols(ui) - 4, 3, 0, s->why, STYLE_ERROR);
		return;
	}
	ui_put(y, 2, _("The newest first; views and likes as last counted."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	ui_list_draw(ui, &s->list, y + 1, 0, rows - 4, ui_cols(ui));
	if (s->asking && (sel = ui_list_selected(&s->list)) != NULL) {
		q = rec_question(sel);
		ui_wrap(y + rows - 3, 2, ui_cols(ui) - 4, 2, 0, q,
		    STYLE_ERROR);
		free(q);
	}
}

/* The answer to "delete it?". */
static int
rec_key_ask(struct ui *ui, struct rec_scr *s, const struct ui_keypress *k)
{
	const struct criteria_record	*sel = ui_list_selected(&s->list);
	enum ui_action			 a = ui_key_action(k, rec_ask_actions);

	if (a == ACT_NONE)
		return UI_HANDLED;	/* only y, n and Esc mean something */
	s->asking = 0;
	if (a != ACT_YES || sel == NULL)
		ui_message(ui, "%s", _("Nothing was deleted."));
	else if (db_criteria_delete(ui_db(ui), ui_who(ui), sel->id,
	    sel->version) != DB_OK)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
	else {
		ui_message(ui, "%s", _("Deleted."));
		rec_load(ui, s);
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
rec_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct rec_scr	*s = state;

	if (s->asking)
		return rec_key_ask(ui, s, k);
	switch (ui_key_action(k, rec_actions)) {
	case ACT_RECORD_NEW:
		ui_push(ui, &screen_record_form, NULL);
		return UI_REDRAW | UI_HANDLED;
	case ACT_RECORD_DELETE:
		if (ui_list_selected(&s->list) != NULL)
			s->asking = 1;
		return UI_REDRAW | UI_HANDLED;
	default:
		return ui_list_key(ui, &s->list, k);
	}
}

static const enum ui_action *
rec_actions_now(void *state)
{
	return ((struct rec_scr *)state)->asking ? rec_ask_actions :
	    rec_actions;
}

static int
rec_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct rec_scr	*s = state;

	if (s->asking)
		return 0;
	return ui_list_click(ui, &s->list, y, x, twice);
}

const struct screen screen_records = {
	.name = "records",
	.title = N_("Films and stories"),
	.actions = rec_actions,
	.help = N_("What the secretariat recorded for the success criteria, "
	    "the newest first: the film with its views, each success story "
	    "with its likes, and each story in the local paper. n records a "
	    "new one. Enter opens one: correct it, or write its newest views "
	    "or likes with the day they were counted (the latest count is "
	    "what the criteria use). D deletes one recorded by mistake; it "
	    "asks first."),
	.init = rec_init,
	.draw = rec_draw,
	.key = rec_key,
	.resume = rec_resume,
	.free = rec_free,
	.click = rec_click,
	.actions_now = rec_actions_now,
};
