/*
 * screen-followup.c — the secretariat records what it did for a
 * household on its desk: what (picked), when (today, or an earlier day),
 * a note, and whether that closes the case.  Who is the login.
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

enum ff_id { FF_WHO, FF_ACTION, FF_DATE, FF_NOTE, FF_CLOSES, FF_COUNT };

struct fu_form {
	long			 id;		/* the household */
	long			 moved_in;
	enum followup_action	 action;
	enum followup_close	 closes;
	int			 picking;	/* FF_ACTION or FF_CLOSES */
	char			*who;		/* the heading's text */
	const char		*consent;	/* its consent to follow-up */
	int			 consent_live;
	const char		*pick[NFOLLOWUP_ACTION + NFOLLOWUP_CLOSE];
	struct ui_field		 f[FF_COUNT];
	struct ui_form		 form;
	struct ui_sensitive	 sens;		/* asking about the note */
};

static const enum ui_action ff_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};

/* What the household said to follow-up by the secretariat, in words. */
static void
ff_consent(struct ui *ui, struct fu_form *fm)
{
	int	live[NCONSENT_PURPOSE], gone[NCONSENT_PURPOSE];

	fm->consent = NULL;
	if (db_consent_state(ui_db(ui), ui_who(ui), fm->id, live, gone) !=
	    DB_OK)
		return;
	fm->consent_live = live[CP_FOLLOWUP];
	if (live[CP_FOLLOWUP])
		fm->consent = N_("Consent to follow-up: given; a note may be "
		    "kept.");
	else if (gone[CP_FOLLOWUP])
		fm->consent = N_("Consent to follow-up: withdrawn; no note can "
		    "be kept.");
	else
		fm->consent = N_("Consent to follow-up: not recorded; ask for "
		    "it before you keep a note (c on the household).");
}

/* Open the form for household arg, today, a letter, the case open. */
static void *
ff_init(struct ui *ui, void *arg)
{
	struct fu_form		*fm = xcalloc(1, sizeof *fm);
	struct household	 h;
	char			 d[11];

	fm->id = (long)(intptr_t)arg;
	fm->moved_in = DATE_NONE;
	ff_consent(ui, fm);
	if (db_household_get(ui_db(ui), ui_who(ui), fm->id, &h) == DB_OK) {
		fm->moved_in = h.moved_in;
		db_household_clear(&h);
	}
	fm->form.f = fm->f;
	fm->form.n = FF_COUNT;
	fm->form.error_lines = 2;
	fm->form.focus = FF_ACTION;
	fm->who = xasprintf(_("Household %ld \xc2\xb7 recorded by %s"),
	    fm->id, ui_who(ui)->name);
	ui_form_heading(&fm->form, FF_WHO, fm->who);
	ui_form_field(&fm->form, FF_ACTION, UI_FIELD_PICKED, N_("What was done"),
	    "", 0);
	fm->f[FF_ACTION].shows = _(core_followup_action_label(fm->action));
	ui_form_field(&fm->form, FF_DATE, UI_FIELD_DATE, N_("On"),
	    util_date_dk(util_today(), d), 10);
	ui_form_field(&fm->form, FF_NOTE, UI_FIELD_TEXT, N_("Note"), "",
	    CORE_NOTES_MAX);
	ui_form_field(&fm->form, FF_CLOSES, UI_FIELD_PICKED,
	    N_("Closes the case"), "", 0);
	fm->f[FF_CLOSES].shows = _(core_followup_close_label(fm->closes));
	return fm;
}

/* Close the form. */
static void
ff_free(void *state)
{
	struct fu_form	*fm = state;

	ui_form_free(&fm->form);
	free(fm->who);
	free(fm);
}

/* Draw field i at row y, with a hint beside the focused one. */
static void
ff_draw_field(struct ui *ui, struct fu_form *fm, int i, int y)
{
	struct ui_field	*f = &fm->f[i];
	int		 focus = i == fm->form.focus, w = ui_cols(ui) - 27;

	if (f->kind == UI_FIELD_HEADING) {
		ui_put(y, 2, f->shows, ui_cols(ui) - 4, 0, STYLE_LABEL);
		return;
	}
	ui_form_draw_field(ui, &fm->form, i, y, NULL, f->kind ==
	    UI_FIELD_DATE ? 12 : f->kind == UI_FIELD_PICKED ? w - 14 : w);
	if (focus && f->kind == UI_FIELD_PICKED)
		ui_put(y, ui_cols(ui) - 13, _("Enter: pick"), 12, 0, STYLE_DIM);
	if (focus && f->kind == UI_FIELD_DATE)
		ui_put(y, 39, _("today, or an earlier day"), ui_cols(ui) - 41,
		    0, STYLE_DIM);
}

/* Draw the form. */
static void
ff_draw(struct ui *ui, void *state)
{
	struct fu_form	*fm = state;
	int		 top = ui_body_top(ui) + 1, rows = ui_body_rows(ui) - 2;
	int		 i, y;

	ui_put(top - 1, 2, _("Record what the secretariat did. F2 saves."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	for (i = 0; i < FF_COUNT; i++)
		if ((y = ui_form_place(&fm->form, i, top, rows)) >= 0)
			ff_draw_field(ui, fm, i, y);
	if (fm->consent != NULL)
		ui_wrap(top + rows - 1, 2, ui_cols(ui) - 4, 2, 0,
		    _(fm->consent), fm->consent_live ? STYLE_DIM : STYLE_ERROR);
}

/* The cursor: in the focused field. */
static int
ff_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct fu_form	*fm = state;

	(void)ui;
	return ui_form_cursor(&fm->form, y, x);
}

/* Called by the pick list: what was done, or how the case closes. */
static void
ff_picked(struct ui *ui, void *ctx, int chosen)
{
	struct fu_form	*fm = ctx;

	(void)ui;
	if (fm->picking == FF_ACTION) {
		fm->action = (enum followup_action)chosen;
		fm->f[FF_ACTION].shows = _(core_followup_action_label(
		    fm->action));
	} else {
		fm->closes = (enum followup_close)chosen;
		fm->f[FF_CLOSES].shows = _(core_followup_close_label(
		    fm->closes));
	}
	fm->form.dirty = 1;
	ui_form_move(ui, &fm->form, 1);
}

/* Open the pick list of the focused field. */
static void
ff_pick(struct ui *ui, struct fu_form *fm)
{
	struct ui_pick	 p = { .done = ff_picked, .ctx = fm };
	size_t		 i;

	fm->picking = fm->form.focus;
	if (fm->picking == FF_ACTION) {
		p.title = _("What was done?");
		p.initial = (int)fm->action;
		for (i = 0; i < NFOLLOWUP_ACTION; i++)
			fm->pick[p.n++] = _(core_followup_action_label(
			    (enum followup_action)i));
	} else {
		p.title = _("Does it close the case?");
		p.initial = (int)fm->closes;
		for (i = 0; i < NFOLLOWUP_CLOSE; i++)
			fm->pick[p.n++] = _(core_followup_close_label(
			    (enum followup_close)i));
	}
	p.items = fm->pick;
	ui_push(ui, &screen_pick, &p);
}

/* Check the fields into f (the note new); how many are wrong. */
static int
ff_check(struct fu_form *fm, struct followup *f)
{
	struct ui_form	*uf = &fm->form;
	char		*t;
	enum date_err	 e;
	int		 bad = 0;

	memset(f, 0, sizeof *f);
	t = ui_form_clean(uf, FF_DATE);
	e = util_date_parse(t, &f->date);
	free(t);
	if (e != DATE_OK)
		bad += ui_form_error(uf, FF_DATE, e == DATE_EMPTY ?
		    core_check_followup_date(DATE_NONE, DATE_NONE, 0) :
		    util_date_errstr(e));
	else
		bad += ui_form_error(uf, FF_DATE, core_check_followup_date(
		    f->date, fm->moved_in, util_today()));
	bad += ui_form_check_text(uf, FF_NOTE, core_check_notes);
	f->household = fm->id;
	f->action = fm->action;
	f->closes = fm->closes;
	f->note = fm->f[FF_NOTE].e.len > 0 ? ui_form_clean(uf, FF_NOTE) :
	    NULL;
	return bad;
}

/* Check and save; UI_POP when saved. */
static int
ff_save(struct ui *ui, struct fu_form *fm)
{
	static const int notes[] = { FF_NOTE };
	struct followup	 f;
	int		 bad;

	if ((bad = ff_check(fm, &f)) > 0) {
		ui_form_refused(ui, &fm->form, bad);
		free(f.note);
		return 0;
	}
	if (ui_sensitive_stop(ui, &fm->sens, &fm->form, notes, 1)) {
		free(f.note);
		return 0;
	}
	if (db_followup_add(ui_db(ui), ui_who(ui), &f,
	    ui_conf(ui)->max_attempts) != DB_OK) {
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept."));
		free(f.note);
		return 0;
	}
	free(f.note);
	if (f.closes != FC_NONE)
		ui_message(ui, "%s", _("Saved: the case is closed; the "
		    "household has left the secretariat's list."));
	else
		ui_message(ui, "%s", _("Saved: the follow-up; the household "
		    "has left the secretariat's list."));
	return UI_POP;
}

/* A key in the form. */
static int
ff_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct fu_form	*fm = state;
	enum ui_action	 a = ui_key_action(k, ff_actions);
	int		 flags, save;

	if (fm->sens.asking) {
		flags = ui_sensitive_key(ui, &fm->sens, &fm->form, k, &save);
		return save ? flags | ff_save(ui, fm) : flags;
	}
	if ((flags = ui_form_key(ui, &fm->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | ff_save(ui, fm);
	if (a == ACT_PICK) {
		ff_pick(ui, fm);
		return flags;
	}
	return ui_form_edit_key(&fm->form, k);
}

/* The keys now: y, n and Esc while the question about the note is open. */
static const enum ui_action *
ff_actions_now(void *state)
{
	struct fu_form	*fm = state;

	return fm->sens.asking ? ui_sensitive_actions : ff_actions;
}

const struct screen screen_followup = {
	.name = "followup",
	.title = N_("Follow-up"),
	.actions = ff_actions,
	.help = N_("Record what the secretariat did for this household. What "
	    "was done: press Enter and pick a letter sent, a phone call, a "
	    "visit by the secretariat, passed to the estate office, or "
	    "other. On: today, or the earlier day it was done. A note says "
	    "what came of it (no CPR numbers). Closes the case: pick "
	    "reached, not to be reached or moved out when nothing more is to "
	    "be done; the household then stays off the secretariat's list. "
	    "Otherwise it leaves the list until a new visit brings it back. "
	    "Your login and the day are kept with it, and the household "
	    "shows it with its visits.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays."),
	.init = ff_init,
	.draw = ff_draw,
	.key = ff_key,
	.free = ff_free,
	.cursor = ff_cursor,
	.actions_now = ff_actions_now,
};
