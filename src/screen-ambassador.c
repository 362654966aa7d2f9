/*
 * screen-ambassador.c — one ambassador: details, stairwells (a stairwell
 * the configuration no longer has is marked), the status history and
 * the visits they made; and the prompt that records a status change.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define AV_VISITS	100

struct amb_view {
	long			 id;
	struct ambassador	 a;
	int			 loaded;
	struct visit		*visits;
	size_t			 nvisits;
	int			 skip, height, first, last;
	int			 asking;	/* the status prompt is open */
	int			 field;		/* 0 status, 1 date, 2 reason */
	enum amb_status		 new_status;
	enum amb_reason		 reason;
	struct edit		 date;
	const char		*error;
	int			 cur_y, cur_x;
};

static const enum ui_action av_actions[] = {
	ACT_EDIT, ACT_STATUS, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP,
	ACT_PGDN, ACT_NONE
};
static const enum ui_action av_prompt_actions[] = {
	ACT_CONFIRM, ACT_TOGGLE, ACT_NEXT_FIELD, ACT_BACK, ACT_NONE
};

/* (Re)read the ambassador and their visits. */
static void
av_load(struct ui *ui, struct amb_view *v)
{
	if (v->loaded)
		db_ambassador_clear(&v->a);
	db_visits_free(v->visits, v->nvisits);
	v->visits = NULL;
	v->nvisits = 0;
	v->loaded = db_ambassador_get(ui_db(ui), ui_who(ui), v->id, &v->a) ==
	    DB_OK;
	if (v->loaded && db_visit_list_by(ui_db(ui), ui_who(ui), v->a.name,
	    AV_VISITS, &v->visits, &v->nvisits) != DB_OK)
		v->nvisits = 0;
	if (!v->loaded)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
}

static void *
av_init(struct ui *ui, void *arg)
{
	struct amb_view	*v = xcalloc(1, sizeof *v);

	v->id = (long)(intptr_t)arg;
	util_edit_init(&v->date, "", 10);
	av_load(ui, v);
	return v;
}

static void
av_resume(struct ui *ui, void *state)
{
	av_load(ui, state);
}

static void
av_free(void *state)
{
	struct amb_view	*v = state;

	if (v->loaded)
		db_ambassador_clear(&v->a);
	db_visits_free(v->visits, v->nvisits);
	util_edit_free(&v->date);
	free(v);
}

static const enum ui_action *
av_actions_now(void *state)
{
	return ((struct amb_view *)state)->asking ? av_prompt_actions :
	    av_actions;
}

/* Line y as "Label  value", drawn when in view; returns the next line. */
static int
av_line(struct ui *ui, struct amb_view *v, int y, const char *label,
    const char *value, enum ui_style st)
{
	int	row = v->first + y - v->skip;

	if (row >= v->first && row <= v->last) {
		ui_put(row, 2, label, 20, 1, STYLE_LABEL);
		ui_put(row, 23, value != NULL && value[0] != '\0' ? value :
		    "\xe2\x80\x94", ui_cols(ui) - 25, 0, st);
	}
	return y + 1;
}

/* The department and each stairwell, marking those no longer configured. */
static int
av_place(struct ui *ui, struct amb_view *v, int y)
{
	const struct conf	*c = ui_conf(ui);
	char			*s;
	size_t			 i;
	int			 d = cfg_department_find(c, v->a.department);

	y = av_line(ui, v, y, _("Department"), d >= 0 ?
	    c->departments[d].name : v->a.department, STYLE_NORMAL);
	if (v->a.nstairwells == 0)
		return av_line(ui, v, y, _("Stairwells"), _("the whole "
		    "department"), STYLE_NORMAL);
	for (i = 0; i < v->a.nstairwells; i++) {
		if (d >= 0 && cfg_stairwell_find(c, d, v->a.stairwells[i]) >= 0) {
			y = av_line(ui, v, y, i == 0 ? _("Stairwells") : "",
			    v->a.stairwells[i], STYLE_NORMAL);
			continue;
		}
		s = xasprintf(_("%s (not in the configuration)"),
		    v->a.stairwells[i]);
		y = av_line(ui, v, y, i == 0 ? _("Stairwells") : "", s,
		    STYLE_ERROR);
		free(s);
	}
	return y;
}

/* Contact, recruitment, training and notes. */
static int
av_details(struct ui *ui, struct amb_view *v, int y)
{
	char	 d[11], *s;

	s = core_lang_names(v->a.languages, i18n_lang());
	y = av_line(ui, v, y, _("Languages"), s, STYLE_NORMAL);
	free(s);
	if (v->a.languages_other != NULL)
		y = av_line(ui, v, y, _("Not in the list"),
		    v->a.languages_other, STYLE_ERROR);
	y = av_line(ui, v, y, _("Phone"), v->a.phone, STYLE_NORMAL);
	y = av_line(ui, v, y, _("E-mail"), v->a.email, STYLE_NORMAL);
	s = v->a.consent ? xasprintf(_("yes, on %s"), util_date_dk(
	    v->a.consent_on, d)) : xstrdup(_("no: no phone or e-mail kept"));
	y = av_line(ui, v, y, _("Consent"), s, STYLE_NORMAL);
	free(s);
	s = xasprintf(_("%s by %s"), util_date_dk(v->a.recruited_on, d),
	    v->a.recruited_by != NULL ? v->a.recruited_by : "?");
	y = av_line(ui, v, y, _("Recruited"), s, STYLE_NORMAL);
	free(s);
	y = av_line(ui, v, y, _("Trained"), v->a.trained_on == DATE_NONE ?
	    _("not yet") : util_date_dk(v->a.trained_on, d), STYLE_NORMAL);
	return av_line(ui, v, y, _("Notes"), v->a.notes, STYLE_NORMAL);
}

/* The status history and the visits made, newest visit first. */
static int
av_history(struct ui *ui, struct amb_view *v, int y)
{
	char	 d[11], *s;
	size_t	 i;

	s = xasprintf(_("%s: recruited (active)"), util_date_dk(
	    v->a.recruited_on, d));
	y = av_line(ui, v, y, _("History"), s, STYLE_NORMAL);
	free(s);
	for (i = 0; i < v->a.nhistory; i++) {
		const struct amb_change	*c = &v->a.history[i];

		s = xasprintf("%s: %s%s%s", util_date_dk(c->date, d),
		    _(core_amb_status_label(c->status)),
		    c->reason != AR_NONE ? ", " : "", c->reason != AR_NONE ?
		    _(core_amb_reason_label(c->reason)) : "");
		y = av_line(ui, v, y, "", s, STYLE_NORMAL);
		free(s);
	}
	if (v->nvisits == 0)
		return av_line(ui, v, y, _("Visits made"), _("none yet"),
		    STYLE_DIM);
	for (i = 0; i < v->nvisits; i++) {
		s = xasprintf(_("%s: %s, household %ld"), util_date_dk(
		    v->visits[i].date, d), _(core_outcome_label(
		    v->visits[i].outcome)), v->visits[i].household);
		y = av_line(ui, v, y, i == 0 ? _("Visits made") : "", s,
		    STYLE_NORMAL);
		free(s);
	}
	return y;
}

/* The status prompt at the bottom of the body. */
static void
av_draw_prompt(struct ui *ui, struct amb_view *v, int y)
{
	char	*s;
	int	 x;

	ui_put(y, 2, _("New status:"), 12, 0, STYLE_LABEL);
	s = xasprintf(" %s ", _(core_amb_status_label(v->new_status)));
	ui_put(y, 15, s, 12, 0, v->field == 0 ? STYLE_FIELD_FOCUS :
	    STYLE_FIELD);
	free(s);
	ui_put(y, 29, _("from"), 5, 0, STYLE_LABEL);
	x = ui_put_edit(y, 35, &v->date, 11, v->field == 1 ?
	    STYLE_FIELD_FOCUS : STYLE_FIELD);
	if (v->field == 1) {
		v->cur_y = y;
		v->cur_x = x;
	}
	if (v->new_status == AS_STOPPED) {
		ui_put(y, 48, _("why:"), 5, 0, STYLE_LABEL);
		s = xasprintf(" %s ", v->reason == AR_NONE ? "?" :
		    _(core_amb_reason_label(v->reason)));
		ui_put(y, 54, s, ui_cols(ui) - 55, 0, v->field == 2 ?
		    STYLE_FIELD_FOCUS : STYLE_FIELD);
		free(s);
	}
	ui_put(y + 1, 2, v->error != NULL ? _(v->error) : _("Space changes "
	    "the status (and why), Tab the field; Enter saves."),
	    ui_cols(ui) - 4, 0, v->error != NULL ? STYLE_ERROR : STYLE_DIM);
}

static void
av_draw(struct ui *ui, void *state)
{
	struct amb_view	*v = state;
	char		*s;
	int		 y = ui_body_top(ui) + 1;

	v->cur_y = -1;
	if (!v->loaded)
		return;
	s = xasprintf(_("Ambassador %ld \xc2\xb7 %s \xc2\xb7 %s"), v->a.id,
	    v->a.name, _(core_amb_status_label(v->a.status)));
	ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(s);
	v->first = y + 2;
	v->last = ui_body_top(ui) + ui_body_rows(ui) - 1 - (v->asking ? 3 : 0);
	v->height = av_history(ui, v, av_details(ui, v, av_place(ui, v, 0)) +
	    1);
	if (v->height - v->skip > v->last - v->first + 1)
		ui_put(v->last, ui_cols(ui) - 12, _("\xe2\x86\x93 more"), 10, 0,
		    STYLE_DIM);
	if (v->asking)
		av_draw_prompt(ui, v, v->last + 2);
}

static int
av_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct amb_view	*v = state;

	(void)ui;
	if (!v->asking || v->cur_y < 0)
		return -1;
	*y = v->cur_y;
	*x = v->cur_x;
	return 0;
}

/* Check and save the status change. */
static void
av_save_status(struct ui *ui, struct amb_view *v)
{
	struct amb_change	 c = { .status = v->new_status,
				    .reason = v->new_status == AS_STOPPED ?
				    v->reason : AR_NONE };
	char			*t = util_edit_text(&v->date);
	enum date_err		 de = util_date_parse(t, &c.date);

	free(t);
	if (de != DATE_OK) {
		v->error = util_date_errstr(de);
		return;
	}
	if (db_ambassador_status(ui_db(ui), ui_who(ui), v->id, &c) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	v->asking = 0;
	ui_message(ui, _("Saved: %s from %s."), _(core_amb_status_label(
	    c.status)), util_date_dk(c.date, (char[11]){ 0 }));
	av_load(ui, v);
}

/* Keys of the status prompt. */
static int
av_key_prompt(struct ui *ui, struct amb_view *v, const struct ui_keypress *k)
{
	switch (ui_key_action(k, av_prompt_actions)) {
	case ACT_CONFIRM:
		av_save_status(ui, v);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		v->asking = 0;
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEXT_FIELD:
		v->field = (v->field + 1) % (v->new_status == AS_STOPPED ?
		    3 : 2);
		return UI_REDRAW | UI_HANDLED;
	case ACT_TOGGLE:
		if (v->field == 0) {
			v->new_status = (v->new_status + 1) % 3;
			v->error = NULL;
			return UI_REDRAW | UI_HANDLED;
		}
		if (v->field == 2) {
			v->reason = v->reason == AR_OTHER ? AR_MOVED_AWAY :
			    v->reason + 1;
			v->error = NULL;
			return UI_REDRAW | UI_HANDLED;
		}
		break;
	default:
		break;
	}
	if (v->field != 1 || !ui_edit_key(&v->date, k))
		return 0;
	v->error = NULL;
	return UI_REDRAW | UI_HANDLED;
}

/* Scroll by a line or a page. */
static int
av_scroll(struct amb_view *v, enum ui_action a)
{
	int	page = v->last - v->first + 1;

	v->skip += a == ACT_UP ? -1 : a == ACT_DOWN ? 1 : a == ACT_PGUP ?
	    -page : page;
	if (v->skip > v->height - page)
		v->skip = v->height - page;
	if (v->skip < 0)
		v->skip = 0;
	return UI_REDRAW | UI_HANDLED;
}

static int
av_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct amb_view	*v = state;
	enum ui_action	 a;
	char		 d[11];

	if (v->asking)
		return av_key_prompt(ui, v, k);
	if (!v->loaded)
		return 0;
	switch ((a = ui_key_action(k, av_actions))) {
	case ACT_EDIT:
		ui_push(ui, &screen_ambassador_form, (void *)(intptr_t)v->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_STATUS:
		v->asking = 1;
		v->field = 0;
		v->error = NULL;
		v->new_status = v->a.status == AS_ACTIVE ? AS_PAUSED :
		    AS_ACTIVE;
		v->reason = AR_NONE;
		util_edit_set(&v->date, util_date_dk(util_today(), d));
		util_edit_end(&v->date);
		return UI_REDRAW | UI_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
		return av_scroll(v, a);
	default:
		return 0;
	}
}

const struct screen screen_ambassador = {
	.name = "ambassador",
	.title = N_("Ambassador"),
	.actions = av_actions,
	.help = N_("One stairwell ambassador: where they welcome, how to "
	    "reach them (only with consent), when they were recruited and "
	    "trained, every change of status, and the visits they made.\n\n"
	    "Press s to record that they pause, stop or are active again: "
	    "Space changes the status, Tab goes to the date (today is filled "
	    "in) and, for a stop, to why they stopped; Enter saves. Press e "
	    "to change their details. A stairwell marked \"not in the "
	    "configuration\" was removed from the configuration: choose "
	    "another one with e."),
	.init = av_init,
	.draw = av_draw,
	.key = av_key,
	.resume = av_resume,
	.free = av_free,
	.cursor = av_cursor,
	.actions_now = av_actions_now,
};
