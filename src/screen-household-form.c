/*
 * screen-household-form.c — register a move-in, or change a household.
 * Nothing typed is lost: a wrong field keeps its text and says beside it
 * what is wrong; nothing is saved until every field is right.
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

enum field_id {
	FLD_DEPT, FLD_STAIR, FLD_FLAT, FLD_MOVED_IN,
	FLD_MEMBER, FLD_MEMBER_LAST = FLD_MEMBER + HOUSEHOLD_MAX_MEMBERS - 1,
	FLD_INTERPRETER, FLD_CONSENT, FLD_CONSENT_ON, FLD_CONSENT_BY,
	FLD_PHONE, FLD_LANGUAGES, FLD_LANG_OTHER, FLD_NOTES,
	FLD_COUNT
};

struct form {
	long			 id;		/* 0 for a new household */
	struct household	 orig;		/* when editing */
	struct ui_field		 f[FLD_COUNT];
	struct ui_form		 form;
	struct ui_language	 langs;		/* FLD_LANGUAGES */
	int			 other;		/* FLD_LANG_OTHER is shown */
	const char		**pick_items;
	long			 dup;		/* asking about this household
						   registered there, or 0 */
	long			 dup_moved_in;
	struct ui_sensitive	 sens;		/* asking about the note */
};

static const enum ui_action form_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action form_actions_check[] = {
	ACT_SAVE, ACT_TOGGLE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action form_keys[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_TOGGLE, ACT_HELP, ACT_NONE
};
/* The question about a move-in that may be registered already. */
static const enum ui_action dup_actions[] = {
	ACT_DUP_OPEN, ACT_DUP_REGISTER, ACT_BACK, ACT_HELP, ACT_NONE
};

/* Is field i shown?  Members appear one at a time; consent details only
 * with consent. */
static int
form_visible(const void *ctx, int i)
{
	const struct form	*fm = ctx;

	if (i > FLD_MEMBER && i <= FLD_MEMBER_LAST)
		return fm->f[i].e.len > 0 || fm->f[i - 1].e.len > 0;
	if (i == FLD_CONSENT_ON || i == FLD_CONSENT_BY)
		return fm->f[FLD_CONSENT].checked;
	if (i == FLD_LANG_OTHER)
		return fm->other;
	return 1;
}

/* The department index the department field names, or -1. */
static int
form_department(struct ui *ui, const struct form *fm)
{
	char	*t = ui_form_clean(&fm->form, FLD_DEPT);
	int	 d = cfg_department_find(ui_conf(ui), t);

	free(t);
	return d;
}

/* Fill the fields from household h (or the defaults for a new one). */
static void
form_fill(struct ui *ui, struct form *fm, const struct household *h)
{
	static const char *const mlabel = N_("Name");
	const struct conf	*c = ui_conf(ui);
	struct ui_form		*uf = &fm->form;
	char			 d[11], cd[11];
	int			 dep, i;

	dep = h != NULL ? cfg_department_find(c, h->department) : -1;
	/* An ambassador of one department registers there. */
	if (h == NULL && !core_may(ui_who(ui)->role, ACCESS_ALL_DEPARTMENTS) &&
	    ui_who(ui)->ndepartments == 1)
		dep = cfg_department_find(c, ui_who(ui)->departments[0]);
	ui_form_field(uf, FLD_DEPT, UI_FIELD_CHOICE, N_("Department"),
	    dep >= 0 ? c->departments[dep].name : h != NULL ? h->department :
	    "", 40);
	ui_form_field(uf, FLD_STAIR, UI_FIELD_CHOICE, N_("Stairwell"),
	    h != NULL ? h->stairwell : "", 40);
	ui_form_field(uf, FLD_FLAT, UI_FIELD_TEXT, N_("Flat"),
	    h != NULL ? h->flat : "", CORE_FLAT_MAX);
	ui_form_field(uf, FLD_MOVED_IN, UI_FIELD_DATE, N_("Moved in"),
	    util_date_dk(h != NULL ? h->moved_in : util_today(), d), 10);
	for (i = 0; i < HOUSEHOLD_MAX_MEMBERS; i++)
		ui_form_field(uf, FLD_MEMBER + i, UI_FIELD_TEXT, mlabel,
		    h != NULL && (size_t)i < h->nmembers ? h->members[i] : "",
		    CORE_NAME_MAX);
	ui_form_field(uf, FLD_INTERPRETER, UI_FIELD_CHECK,
	    N_("Interpreter needed"), "", 0);
	fm->f[FLD_INTERPRETER].checked = h != NULL && h->interpreter;
	ui_form_field(uf, FLD_CONSENT, UI_FIELD_CHECK, N_("Consent given"),
	    "", 0);
	fm->f[FLD_CONSENT].checked = h != NULL && h->consent;
	ui_form_field(uf, FLD_CONSENT_ON, UI_FIELD_DATE, N_("Consent given on"),
	    util_date_dk(h != NULL && h->consent ? h->consent_on :
	    util_today(), cd), 10);
	ui_form_field(uf, FLD_CONSENT_BY, UI_FIELD_TEXT,
	    N_("Consent recorded by"), h != NULL && h->consent_by != NULL ?
	    h->consent_by : ui_who(ui)->name, CORE_NAME_MAX);
	ui_form_field(uf, FLD_PHONE, UI_FIELD_TEXT, N_("Phone"),
	    h != NULL ? h->phone : "", CORE_PHONE_MAX);
	ui_language_init(&fm->langs, uf, FLD_LANGUAGES, N_("Languages spoken"),
	    h != NULL ? h->languages : NULL);
	/* Free text from before the list, for the secretariat to pick. */
	ui_form_field(uf, FLD_LANG_OTHER, UI_FIELD_TEXT, N_("Not in the list"),
	    h != NULL ? h->languages_other : "", CORE_LANG_MAX);
	fm->other = h != NULL && h->languages_other != NULL;
	ui_form_field(uf, FLD_NOTES, UI_FIELD_TEXT, N_("Notes"),
	    h != NULL ? h->notes : "", CORE_NOTES_MAX);
	/* Blank rows set the groups apart. */
	fm->f[FLD_MEMBER].gap = fm->f[FLD_INTERPRETER].gap =
	    fm->f[FLD_NOTES].gap = 1;
}

/* Open the form: empty, or the household whose id is arg. */
static void *
form_init(struct ui *ui, void *arg)
{
	struct form	*fm = xcalloc(1, sizeof *fm);

	fm->form.f = fm->f;
	fm->form.n = FLD_COUNT;
	fm->form.error_lines = 2;
	fm->form.last = N_("That was the last field. Press F2 to save.");
	fm->form.visible = form_visible;
	fm->form.ctx = fm;
	fm->id = (long)(intptr_t)arg;
	if (fm->id != 0 && db_household_get(ui_db(ui), ui_who(ui), fm->id,
	    &fm->orig) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		fm->id = -1;	/* nothing to edit: Esc is all that works */
	}
	form_fill(ui, fm, fm->id > 0 ? &fm->orig : NULL);
	return fm;
}

/* Close the form. */
static void
form_free(void *state)
{
	struct form	*fm = state;

	ui_form_free(&fm->form);
	ui_language_free(&fm->langs);
	if (fm->id > 0)
		db_household_clear(&fm->orig);
	free(fm->pick_items);
	free(fm);
}

/* The keys that hold on the focused field. */
static const enum ui_action *
form_actions_now(void *state)
{
	struct form	*fm = state;

	if (fm->dup != 0)
		return dup_actions;
	if (fm->sens.asking)
		return ui_sensitive_actions;
	return fm->f[fm->form.focus].kind == UI_FIELD_CHECK ?
	    form_actions_check : form_actions;
}

/* The label of field i as shown ("Name 2"); a new string. */
static char *
form_label(int i, const struct ui_field *f)
{
	if (i >= FLD_MEMBER && i <= FLD_MEMBER_LAST)
		return xasprintf(_("Name %d"), i - FLD_MEMBER + 1);
	return xstrdup(_(f->label));
}

/* A hint beside a field. */
static const char *
form_hint(const struct ui_field *f)
{
	switch (f->kind) {
	case UI_FIELD_DATE:	return _("like 28.11.2026");
	case UI_FIELD_CHOICE:
	case UI_FIELD_PICKED:	return _("Enter: pick");
	case UI_FIELD_CHECK:	return _("Space: yes/no");
	default:		return NULL;
	}
}

/* Width of the input part of field f. */
static int
form_width(struct ui *ui, const struct ui_field *f)
{
	int	w = ui_cols(ui) - 27;

	if (f->kind == UI_FIELD_CHECK)
		return 10;
	if (f->kind == UI_FIELD_DATE)
		return 12;
	if (f->kind == UI_FIELD_CHOICE || f->kind == UI_FIELD_PICKED)
		return w - 14 < 40 ? w - 14 : 40;
	return w < 52 ? w : 52;
}

/* Draw field i at screen row y, with a hint beside the focused one. */
static void
form_draw_field(struct ui *ui, struct form *fm, int i, int y)
{
	struct ui_field	*f = &fm->f[i];
	char		*label = form_label(i, f);
	const char	*hint = form_hint(f);
	int		 w = form_width(ui, f), room = ui_cols(ui) - 27 - w - 2;

	ui_form_draw_field(ui, &fm->form, i, y, label, w);
	free(label);
	if (i == fm->form.focus && hint != NULL && room > 0)
		ui_put(y, 25 + w + 2, hint, room, 0, STYLE_DIM);
}

/* The question about the household registered there already, from
 * row y (three rows). */
static void
form_draw_dup(struct ui *ui, const struct form *fm, int y)
{
	char	 d[11], *s;

	s = xasprintf(_("Household %ld is already registered there, moved in "
	    "%s: open it / register anyway"), fm->dup,
	    util_date_dk(fm->dup_moved_in, d));
	ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, s, STYLE_ERROR);
	free(s);
	ui_put(y + 2, 2, _("o opens it, r registers this one anyway, Esc goes "
	    "back to the form."), ui_cols(ui) - 4, 0, STYLE_DIM);
}

/* Draw the form, scrolled so the focused field shows. */
static void
form_draw(struct ui *ui, void *state)
{
	struct form	*fm = state;
	int		 rows = ui_body_rows(ui) - 2 - (fm->dup != 0 ? 3 : 0);
	int		 top = ui_body_top(ui) + 1, i, y;

	ui_put(top - 1, 2, fm->id == 0 ? _("Register a household that has "
	    "moved in. F2 saves.") : _("Change the household. F2 saves."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	ui_form_scroll(&fm->form, rows);
	for (i = 0; i < FLD_COUNT; i++)
		if ((y = ui_form_place(&fm->form, i, top, rows)) >= 0)
			form_draw_field(ui, fm, i, y);
	if (fm->dup != 0)
		form_draw_dup(ui, fm, top + rows);
}

/* The cursor: in the focused field. */
static int
form_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct form	*fm = state;

	(void)ui;
	return ui_form_cursor(&fm->form, y, x);
}

/* Called by the pick list: put the chosen name into the focused field. */
static void
form_picked(struct ui *ui, void *ctx, int chosen)
{
	struct form	*fm = ctx;

	ui_form_set_text(&fm->form, fm->form.focus, fm->pick_items[chosen]);
	ui_form_move(ui, &fm->form, 1);
}

/* Open the pick list for the department or stairwell field. */
static void
form_pick(struct ui *ui, struct form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = form_picked, .ctx = fm,
				    .initial = 0 };
	char			*now = util_edit_text(&fm->f[fm->form.focus].e);
	size_t			 i;
	int			 d;

	free(fm->pick_items);
	fm->pick_items = xcalloc(c->ndepartments + c->nstairwells + 1,
	    sizeof *fm->pick_items);
	if (fm->form.focus == FLD_DEPT) {
		p.title = _("Pick the department");
		for (i = 0; i < c->ndepartments; i++) {
			if (!ui_sees_department(ui, c->departments[i].key))
				continue;
			if (strcmp(now, c->departments[i].name) == 0)
				p.initial = (int)p.n;
			fm->pick_items[p.n++] = c->departments[i].name;
		}
	} else {
		if ((d = form_department(ui, fm)) < 0) {
			ui_error(ui, "%s", _("Pick the department first."));
			free(now);
			return;
		}
		p.title = _("Pick the stairwell");
		for (i = 0; i < c->nstairwells; i++) {
			if (c->stairwells[i].department != d)
				continue;
			if (strcmp(now, c->stairwells[i].name) == 0)
				p.initial = (int)p.n;
			fm->pick_items[p.n++] = c->stairwells[i].name;
		}
	}
	free(now);
	p.items = fm->pick_items;
	ui_push(ui, &screen_pick, &p);
}

/* Check the department and stairwell fields. */
static int
form_check_place(struct ui *ui, struct form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_form		*uf = &fm->form;
	char			*s = ui_form_clean(uf, FLD_STAIR);
	int			 d = form_department(ui, fm), bad = 0;

	if (fm->f[FLD_DEPT].e.len == 0)
		bad += ui_form_error(uf, FLD_DEPT, N_("Pick a department "
		    "(press Enter)."));
	else if (d < 0)
		bad += ui_form_error(uf, FLD_DEPT, N_("There is no "
		    "department with that name. Press Enter to pick one."));
	else if (!ui_sees_department(ui, c->departments[d].key))
		bad += ui_form_error(uf, FLD_DEPT, N_("Your login registers "
		    "households of its own departments only. Press Enter to "
		    "pick one."));
	if (s[0] == '\0')
		bad += ui_form_error(uf, FLD_STAIR, N_("Pick a stairwell "
		    "(press Enter)."));
	else if (d >= 0 && cfg_stairwell_find(c, d, s) < 0 &&
	    !(fm->id > 0 && strcmp(s, fm->orig.stairwell) == 0))
		bad += ui_form_error_own(uf, FLD_STAIR, xasprintf(_("There "
		    "is no stairwell \"%s\" in %s. Press Enter to pick one."),
		    s, c->departments[d].name));
	free(s);
	return bad;
}

/* Check a date field as typed (the date saved is read from the same
 * text); *day gets the date. */
static int
form_check_date(struct form *fm, int i, long *day)
{
	char		*t = util_edit_text(&fm->f[i].e);
	enum date_err	 e = util_date_parse(t, day);

	free(t);
	return ui_form_error(&fm->form, i, e == DATE_OK ? NULL :
	    util_date_errstr(e));
}

/* Check the names: at least one, each a name. */
static int
form_check_members(struct form *fm)
{
	int	i, bad = 0, any = 0;

	for (i = FLD_MEMBER; i <= FLD_MEMBER_LAST; i++) {
		ui_form_clear_error(&fm->form, i);
		if (fm->f[i].e.len == 0)
			continue;
		any = 1;
		bad += ui_form_check_text(&fm->form, i, core_check_name);
	}
	if (!any)
		bad += ui_form_error(&fm->form, FLD_MEMBER,
		    N_("Write the name of at least one person who moved in."));
	return bad;
}

/* Check consent and the contact fields that need it. */
static int
form_check_contact(struct form *fm)
{
	static const char *const need = N_("Phone and languages are kept "
	    "only with consent. Tick consent, or clear this field.");
	struct ui_form	*uf = &fm->form;
	long		 day;
	int		 bad = 0, consent = fm->f[FLD_CONSENT].checked;

	ui_form_clear_error(uf, FLD_CONSENT_ON);
	ui_form_clear_error(uf, FLD_CONSENT_BY);
	if (consent) {
		if (!(bad += form_check_date(fm, FLD_CONSENT_ON, &day)) &&
		    day > util_today())
			bad += ui_form_error(uf, FLD_CONSENT_ON,
			    N_("Consent cannot be given on a day that has not "
			    "come yet."));
		bad += ui_form_check_text(uf, FLD_CONSENT_BY, core_check_name);
	}
	if (!consent && fm->f[FLD_PHONE].e.len > 0)
		bad += ui_form_error(uf, FLD_PHONE, need);
	else
		bad += ui_form_check_text(uf, FLD_PHONE, core_check_phone);
	ui_form_clear_error(uf, FLD_LANGUAGES);
	if (!consent && fm->langs.codes != NULL)
		bad += ui_form_error(uf, FLD_LANGUAGES, need);
	if (!consent && fm->other && fm->f[FLD_LANG_OTHER].e.len > 0)
		bad += ui_form_error(uf, FLD_LANG_OTHER, need);
	else if (fm->other)
		bad += ui_form_check_text(uf, FLD_LANG_OTHER,
		    core_check_languages);
	return bad;
}

/* Check every field; returns how many are wrong. */
static int
form_check(struct ui *ui, struct form *fm)
{
	long	in, out;
	int	bad = 0;

	bad += form_check_place(ui, fm);
	bad += ui_form_check_text(&fm->form, FLD_FLAT, core_check_flat);
	if (!(bad += form_check_date(fm, FLD_MOVED_IN, &in))) {
		out = fm->id > 0 ? fm->orig.moved_out : DATE_NONE;
		bad += ui_form_error(&fm->form, FLD_MOVED_IN,
		    core_check_move_dates(in, out, util_today()));
	}
	bad += form_check_members(fm);
	bad += form_check_contact(fm);
	bad += ui_form_check_text(&fm->form, FLD_NOTES, core_check_notes);
	return bad;
}

/* Text of field i, or NULL if it is empty; a new string. */
static char *
form_text(const struct form *fm, int i)
{
	return fm->f[i].e.len > 0 ? util_edit_text(&fm->f[i].e) : NULL;
}

/* Make a household from the (checked) fields. */
static void
form_household(struct ui *ui, const struct form *fm, struct household *h)
{
	const struct conf	*c = ui_conf(ui);
	char			*t;
	int			 d = form_department(ui, fm), i;

	memset(h, 0, sizeof *h);
	h->id = fm->id > 0 ? fm->id : 0;
	h->department = xstrdup(c->departments[d].key);
	h->stairwell = ui_form_clean(&fm->form, FLD_STAIR);
	h->flat = form_text(fm, FLD_FLAT);
	t = util_edit_text(&fm->f[FLD_MOVED_IN].e);
	util_date_parse(t, &h->moved_in);
	free(t);
	h->moved_out = fm->id > 0 ? fm->orig.moved_out : DATE_NONE;
	h->version = fm->id > 0 ? fm->orig.version : 0;
	for (i = FLD_MEMBER; i <= FLD_MEMBER_LAST; i++)
		if (fm->f[i].e.len > 0)
			h->members[h->nmembers++] = form_text(fm, i);
	h->interpreter = fm->f[FLD_INTERPRETER].checked;
	h->consent = fm->f[FLD_CONSENT].checked;
	h->consent_on = DATE_NONE;
	if (h->consent) {
		t = util_edit_text(&fm->f[FLD_CONSENT_ON].e);
		util_date_parse(t, &h->consent_on);
		free(t);
		h->consent_by = form_text(fm, FLD_CONSENT_BY);
		h->phone = form_text(fm, FLD_PHONE);
		h->languages = xstrdup(fm->langs.codes);
		h->languages_other = form_text(fm, FLD_LANG_OTHER);
	}
	h->notes = form_text(fm, FLD_NOTES);
}

/* 1 if new household h may be registered already: the question is then
 * open (or the look-up failed, and the message line says so). */
static int
form_ask_dup(struct ui *ui, struct form *fm, const struct household *h)
{
	long	id, in;

	if (db_household_duplicate(ui_db(ui), ui_who(ui), h,
	    CORE_DUPLICATE_DAYS, &id, &in) != DB_OK) {
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept."));
		return 1;
	}
	fm->dup = id;
	fm->dup_moved_in = in;
	return id != 0;
}

/*
 * Check and save (a new household: unless anyway, ask first when it may
 * be registered already); returns UI_POP when saved.  A new household
 * opens in the form's place.
 */
static int
form_save(struct ui *ui, struct form *fm, int anyway)
{
	static const int	notes[] = { FLD_NOTES };
	struct household	h;
	enum db_status		st;
	int			bad;

	if (fm->id < 0)
		return 0;
	if ((bad = form_check(ui, fm)) > 0) {
		ui_form_refused(ui, &fm->form, bad);
		return 0;
	}
	/* With anyway, the note was let through on the way to the
	 * question about a move-in registered already. */
	if (!anyway && ui_sensitive_stop(ui, &fm->sens, &fm->form, notes, 1))
		return 0;
	form_household(ui, fm, &h);
	if (fm->id == 0 && !anyway && form_ask_dup(ui, fm, &h)) {
		db_household_clear(&h);
		return 0;
	}
	st = fm->id > 0 ? db_household_update(ui_db(ui), ui_who(ui), &h) :
	    db_household_add(ui_db(ui), ui_who(ui), &h);
	if (st == DB_CONFLICT) {
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept; press Esc twice to see their "
		    "version."));
		db_household_clear(&h);
		return 0;
	}
	if (st != DB_OK) {
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept."));
		db_household_clear(&h);
		return 0;
	}
	if (fm->id > 0)
		ui_message(ui, "%s", _("Saved."));
	else {
		ui_message(ui, _("Saved: household %ld is in the register. "
		    "Press v to start the visit."), h.id);
		ui_push_after_pop(ui, &screen_household,
		    (void *)(intptr_t)h.id);
	}
	db_household_clear(&h);
	return UI_POP;
}

/* Keys of the question about a move-in registered already. */
static int
form_key_dup(struct ui *ui, struct form *fm, const struct ui_keypress *k)
{
	switch (ui_key_action(k, dup_actions)) {
	case ACT_DUP_OPEN:
		ui_push_after_pop(ui, &screen_household,
		    (void *)(intptr_t)fm->dup);
		return UI_POP | UI_REDRAW | UI_HANDLED;
	case ACT_DUP_REGISTER:
		fm->dup = 0;
		return UI_REDRAW | UI_HANDLED | form_save(ui, fm, 1);
	case ACT_BACK:
		fm->dup = 0;
		ui_message(ui, "%s", _("Nothing is saved yet; the form is as "
		    "you left it."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return 0;
	}
}

/* A key in the form. */
static int
form_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct form	*fm = state;
	enum ui_action	 a = ui_key_action(k, form_keys);
	int		 flags, save;

	if (fm->dup != 0)
		return form_key_dup(ui, fm, k);
	if (fm->sens.asking) {
		flags = ui_sensitive_key(ui, &fm->sens, &fm->form, k, &save);
		return save ? flags | form_save(ui, fm, 0) : flags;
	}
	if ((flags = ui_form_key(ui, &fm->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | form_save(ui, fm, 0);
	if (a == ACT_PICK && fm->form.focus == FLD_LANGUAGES) {
		ui_language_pick(ui, &fm->langs);
		return flags;
	}
	if (a == ACT_PICK) {
		form_pick(ui, fm);
		return flags;
	}
	return ui_form_edit_key(&fm->form, k);
}

/* A click on a field focuses it. */
static int
form_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct form	*fm = state;

	(void)ui;
	(void)x;
	(void)twice;
	if (fm->dup != 0 || fm->sens.asking)
		return UI_HANDLED;	/* the question is open */
	return ui_form_click(&fm->form, y);
}

const struct screen screen_household_form = {
	.name = "household-form",
	.title = N_("Household form"),
	.actions = form_actions,
	.help = N_("Write what the estate office told you about the new "
	    "household. Move between the fields with Tab or the arrow keys.\n"
	    "\n"
	    "Department and stairwell: press Enter and pick from the list "
	    "(or type the name).\n"
	    "Flat: the Danish way, like \"st. tv.\", \"2. th.\" or \"3. 12\".\n"
	    "Moved in: the date, like 28.11.2026 (28-11-2026 and 2026-11-28 "
	    "work too).\n"
	    "Name: one line for each person; a new line appears when you "
	    "fill one.\n"
	    "Consent: only when they agree may you keep their phone number "
	    "and languages. Never write a CPR number anywhere.\n"
	    "Languages spoken: press Enter and type a part of the name, in "
	    "Danish, English or the language itself (\"arabisk\", \"Arabic\" "
	    "or \"\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\"); Enter adds the "
	    "language, or takes it away again, and Esc comes back here. "
	    "\"Not in the list\" shows what was written before the list and "
	    "could not be found in it: pick those languages, then clear "
	    "it.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays.\n\n"
	    "When a household that has not moved out is registered in the "
	    "same flat with a move-in at most 30 days apart, saving asks "
	    "first: press o to open that household instead (this one is not "
	    "registered), r to register this one anyway, or Esc to go back "
	    "to the form.\n\n"
	    "A new household opens when it is saved: press v there to start "
	    "the welcome visit at once.\n\n"
	    "Notes: write what the welcome needs, never health, religion, "
	    "ethnicity or criminal matters: a concern goes to the "
	    "secretariat. A note that may say such a thing asks first: y "
	    "saves it anyway, n goes back to change it."),
	.init = form_init,
	.draw = form_draw,
	.key = form_key,
	.free = form_free,
	.cursor = form_cursor,
	.actions_now = form_actions_now,
	.click = form_click,
};
