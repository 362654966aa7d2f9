/*
 * screen-record-form.c — the secretariat records a film, a success story
 * or a story in the local paper for the success criteria, or corrects
 * one and writes its newest views or likes: what it is (picked; a new
 * record only), the day it was published, its title, where it was shown
 * (picked) or the paper, and the views or likes with the day they were
 * counted.  A wrong field keeps what was typed and says what is wrong.
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

enum rf_id { RF_HEAD, RF_KIND, RF_DATE, RF_TITLE, RF_CHANNEL, RF_PAPER,
    RF_COUNT, RF_COUNTED, RF_COUNT_FIELDS };

struct rf_form {
	long			 id;		/* 0: a new record */
	long			 version;
	enum crit_record_kind	 kind;
	enum crit_channel	 channel;
	int			 picking;	/* RF_KIND or RF_CHANNEL */
	char			*head;
	const char		*pick[NCRIT_RECORD + NCRIT_CHANNEL];
	struct ui_field		 f[RF_COUNT_FIELDS];
	struct ui_form		 form;
};

static const enum ui_action rf_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};

/* 1 if field i is shown: what it is on a new record only; the channel,
 * the views or likes and their day on a film or story, the paper on a
 * press story. */
static int
rf_visible(const void *ctx, int i)
{
	const struct rf_form	*fm = ctx;

	switch (i) {
	case RF_KIND:
		return fm->id == 0;
	case RF_CHANNEL:
	case RF_COUNT:
	case RF_COUNTED:
		return fm->kind != CR_PRESS;
	case RF_PAPER:
		return fm->kind == CR_PRESS;
	default:
		return 1;
	}
}

/* The words that follow what the record is. */
static void
rf_kind_shown(struct rf_form *fm)
{
	fm->f[RF_KIND].shows = _(core_crit_record_label(fm->kind));
	fm->f[RF_CHANNEL].shows = _(core_crit_channel_label(fm->channel));
	fm->f[RF_COUNT].label = fm->kind == CR_FILM ? N_("Views") :
	    N_("Likes");
}

/* Fill the fields from record r (being changed). */
static void
rf_fill(struct rf_form *fm, const struct criteria_record *r)
{
	char	d[11], n[24];

	fm->kind = r->kind;
	fm->channel = r->kind == CR_PRESS ? CH_FACEBOOK : r->channel;
	fm->version = r->version;
	util_edit_set(&fm->f[RF_DATE].e, util_date_dk(r->date, d));
	util_edit_set(&fm->f[RF_TITLE].e, r->title);
	util_edit_set(&fm->f[RF_PAPER].e, r->paper != NULL ? r->paper : "");
	if (r->count >= 0) {
		snprintf(n, sizeof n, "%ld", r->count);
		util_edit_set(&fm->f[RF_COUNT].e, n);
	}
	if (r->counted_on != DATE_NONE)
		util_edit_set(&fm->f[RF_COUNTED].e, util_date_dk(r->counted_on,
		    d));
	fm->head = xasprintf(_("Number %ld: a %s, recorded by %s. The newest "
	    "views or likes replace the ones before."), r->id,
	    _(core_crit_record_label(r->kind)), r->created_by);
}

/* Set up the fields: empty for a new record, else the record's. */
static void
rf_fields(struct ui *ui, struct rf_form *fm)
{
	struct ui_form		*uf = &fm->form;
	struct criteria_record	 r;
	char			 d[11];

	uf->f = fm->f;
	uf->n = RF_COUNT_FIELDS;
	uf->error_lines = 2;
	uf->visible = rf_visible;
	uf->ctx = fm;
	ui_form_heading(uf, RF_HEAD, NULL);
	ui_form_field(uf, RF_KIND, UI_FIELD_PICKED, N_("What"), "", 0);
	ui_form_field(uf, RF_DATE, UI_FIELD_DATE, N_("Published on"), "", 10);
	fm->f[RF_DATE].width = 12;
	ui_form_field(uf, RF_TITLE, UI_FIELD_TEXT, N_("Title"), "",
	    CRIT_TITLE_MAX);
	ui_form_field(uf, RF_CHANNEL, UI_FIELD_PICKED, N_("Shown on"), "", 0);
	ui_form_field(uf, RF_PAPER, UI_FIELD_TEXT, N_("Paper"), "",
	    CRIT_TITLE_MAX);
	ui_form_field(uf, RF_COUNT, UI_FIELD_TEXT, N_("Likes"), "", 16);
	fm->f[RF_COUNT].width = 14;
	fm->f[RF_COUNTED].width = 12;
	ui_form_field(uf, RF_COUNTED, UI_FIELD_DATE, N_("Counted on"),
	    util_date_dk(util_today(), d), 10);
	fm->kind = CR_STORY;
	fm->channel = CH_FACEBOOK;
	if (fm->id != 0 && db_criteria_get(ui_db(ui), ui_who(ui), fm->id,
	    &r) == DB_OK) {
		rf_fill(fm, &r);
		db_criteria_clear(&r);
	} else if (fm->id != 0) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		fm->id = 0;
	}
	if (fm->head == NULL)
		fm->head = xstrdup(_("A film, a success story or a story in the "
		    "local paper. Views and likes may wait until they are "
		    "counted."));
	fm->f[RF_HEAD].shows = fm->head;
	rf_kind_shown(fm);
	uf->focus = fm->id == 0 ? RF_KIND : RF_DATE;
}

static void *
rf_init(struct ui *ui, void *arg)
{
	struct rf_form	*fm = xcalloc(1, sizeof *fm);

	fm->id = (long)(intptr_t)arg;
	rf_fields(ui, fm);
	return fm;
}

static void
rf_free(void *state)
{
	struct rf_form	*fm = state;

	ui_form_free(&fm->form);
	free(fm->head);
	free(fm);
}

/* Draw field i at row y, with a hint beside the focused one. */
static void
rf_draw_field(struct ui *ui, struct rf_form *fm, int i, int y)
{
	struct ui_field	*f = &fm->f[i];
	int		 focus = i == fm->form.focus, w = ui_cols(ui) - 27;

	ui_form_draw_field(ui, &fm->form, i, y, NULL, f->width > 0 ?
	    f->width : f->kind == UI_FIELD_PICKED ? w - 14 : w);
	if (!focus)
		return;
	if (f->kind == UI_FIELD_PICKED)
		ui_put(y, ui_cols(ui) - 13, _("Enter: pick"), 12, 0, STYLE_DIM);
	else if (f->kind == UI_FIELD_DATE)
		ui_put(y, 39, _("today, or an earlier day"), ui_cols(ui) - 41,
		    0, STYLE_DIM);
	else if (i == RF_COUNT)
		ui_put(y, 41, _("empty: not counted yet"), ui_cols(ui) - 43,
		    0, STYLE_DIM);
}

static void
rf_draw(struct ui *ui, void *state)
{
	struct rf_form	*fm = state;
	int		 top = ui_body_top(ui) + 1, rows = ui_body_rows(ui) - 2;
	int		 i, y;

	ui_put(top - 1, 2, _("Record it for the success criteria. F2 saves."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	ui_form_scroll(&fm->form, rows);
	for (i = 0; i < RF_COUNT_FIELDS; i++)
		if ((y = ui_form_place(&fm->form, i, top, rows)) >= 0)
			rf_draw_field(ui, fm, i, y);
}

static int
rf_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct rf_form	*fm = state;

	(void)ui;
	return ui_form_cursor(&fm->form, y, x);
}

/* Called by the pick list: what the record is, or where it was shown. */
static void
rf_picked(struct ui *ui, void *ctx, int chosen)
{
	struct rf_form	*fm = ctx;

	if (fm->picking == RF_KIND)
		fm->kind = (enum crit_record_kind)chosen;
	else
		fm->channel = (enum crit_channel)chosen;
	rf_kind_shown(fm);
	fm->form.dirty = 1;
	ui_form_move(ui, &fm->form, 1);
}

/* Open the pick list of the focused field. */
static void
rf_pick(struct ui *ui, struct rf_form *fm)
{
	struct ui_pick	 p = { .done = rf_picked, .ctx = fm };
	size_t		 i;

	fm->picking = fm->form.focus;
	if (fm->picking == RF_KIND) {
		p.title = _("What is it?");
		p.initial = (int)fm->kind;
		for (i = 0; i < NCRIT_RECORD; i++)
			fm->pick[p.n++] = _(core_crit_record_label(
			    (enum crit_record_kind)i));
	} else {
		p.title = _("Where was it shown?");
		p.initial = (int)fm->channel;
		for (i = 0; i < NCRIT_CHANNEL; i++)
			fm->pick[p.n++] = _(core_crit_channel_label(
			    (enum crit_channel)i));
	}
	p.items = fm->pick;
	ui_push(ui, &screen_pick, &p);
}

/* Check date field i into *day (required: empty says so); 1 if wrong. */
static int
rf_check_date(struct ui_form *uf, int i, long *day, long today)
{
	char		*t = ui_form_clean(uf, i);
	enum date_err	 e = util_date_parse(t, day);

	free(t);
	if (e == DATE_EMPTY && i == RF_DATE)
		return ui_form_error(uf, i, core_check_crit_date(DATE_NONE,
		    today));
	if (e != DATE_OK)
		return ui_form_error(uf, i, util_date_errstr(e));
	return i == RF_DATE ? ui_form_error(uf, i, core_check_crit_date(*day,
	    today)) : 0;
}

/* Check the views or likes and their day into r (r->date is the day
 * it was published, or DATE_NONE when that is wrong); how many are
 * wrong.  Without views or likes the day they were counted is not
 * kept. */
static int
rf_check_count(struct rf_form *fm, struct criteria_record *r, long today)
{
	struct ui_form	*uf = &fm->form;
	char		*t = ui_form_clean(uf, RF_COUNT);
	int		 bad = 0, empty = t[0] == '\0';

	if (!empty && core_crit_count_parse(t, &r->count) == -1)
		bad = ui_form_error(uf, RF_COUNT, N_("Write a whole number "
		    "from 0 to 1,000,000,000."));
	free(t);
	if (fm->f[RF_COUNTED].e.len == 0)
		return bad + (empty ? 0 : ui_form_error(uf, RF_COUNTED,
		    N_("Write the day they were counted.")));
	if (rf_check_date(uf, RF_COUNTED, &r->counted_on, today))
		return bad + 1;
	if (empty)
		r->counted_on = DATE_NONE;
	if (empty || bad)
		return bad;
	return ui_form_error(uf, RF_COUNTED, core_check_crit_count(r->count,
	    r->counted_on, r->date, today));
}

/* Check the fields into r (its texts new); how many are wrong. */
static int
rf_check(struct rf_form *fm, struct criteria_record *r)
{
	struct ui_form	*uf = &fm->form;
	long		 today = util_today();
	int		 bad = 0, date_bad;

	memset(r, 0, sizeof *r);
	r->id = fm->id;
	r->version = fm->version;
	r->kind = fm->kind;
	r->channel = fm->channel;
	r->count = -1;
	r->counted_on = DATE_NONE;
	ui_form_clear_error(uf, RF_COUNT);
	ui_form_clear_error(uf, RF_COUNTED);
	if ((date_bad = rf_check_date(uf, RF_DATE, &r->date, today)) != 0)
		r->date = DATE_NONE;
	bad += date_bad;
	bad += ui_form_check_text(uf, RF_TITLE, core_check_crit_title);
	r->title = ui_form_clean(uf, RF_TITLE);
	if (fm->kind == CR_PRESS) {
		bad += ui_form_check_text(uf, RF_PAPER, core_check_crit_paper);
		r->paper = ui_form_clean(uf, RF_PAPER);
	} else
		bad += rf_check_count(fm, r, today);
	return bad;
}

/* Check and save; UI_POP when saved. */
static int
rf_save(struct ui *ui, struct rf_form *fm)
{
	struct criteria_record	 r;
	enum db_status		 st;
	int			 bad;

	if ((bad = rf_check(fm, &r)) > 0) {
		ui_form_refused(ui, &fm->form, bad);
		free(r.title);
		free(r.paper);
		return 0;
	}
	st = fm->id == 0 ? db_criteria_add(ui_db(ui), ui_who(ui), &r) :
	    db_criteria_update(ui_db(ui), ui_who(ui), &r);
	free(r.title);
	free(r.paper);
	if (st != DB_OK) {
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept."));
		return 0;
	}
	ui_message(ui, _("Saved: the %s, no. %ld."),
	    _(core_crit_record_label(r.kind)), r.id);
	return UI_POP;
}

static int
rf_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct rf_form	*fm = state;
	enum ui_action	 a = ui_key_action(k, rf_actions);
	int		 flags;

	if ((flags = ui_form_key(ui, &fm->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | rf_save(ui, fm);
	if (a == ACT_PICK) {
		rf_pick(ui, fm);
		return flags;
	}
	return ui_form_edit_key(&fm->form, k);
}

static int
rf_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct rf_form	*fm = state;

	(void)ui;
	(void)x;
	(void)twice;
	return ui_form_click(&fm->form, y);
}

const struct screen screen_record_form = {
	.name = "record-form",
	.title = N_("Film or story"),
	.actions = rf_actions,
	.help = N_("Record a film, a success story or a story in the local "
	    "paper for the success criteria. What: press Enter and pick. "
	    "Published on: the day it came out. Shown on: the website, "
	    "Facebook or other (a film or a story); Paper: the paper (a "
	    "press story). Views or likes: the number so far, and the day "
	    "they were counted; leave it empty until it is counted. Open it "
	    "again later to write the newest number: the criteria use the "
	    "latest. No names of residents without their consent, and never "
	    "a CPR number.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays."),
	.init = rf_init,
	.draw = rf_draw,
	.key = rf_key,
	.free = rf_free,
	.cursor = rf_cursor,
	.click = rf_click,
};
