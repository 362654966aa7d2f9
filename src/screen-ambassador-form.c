/*
 * screen-ambassador-form.c — register a recruited ambassador, or change
 * one.  As in every form: a wrong field keeps its text and says what is
 * wrong; nothing is saved until every field is right.
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

enum af_id {
	AF_NAME, AF_DEPT, AF_STAIRS, AF_LANGUAGES, AF_LANG_OTHER,
	AF_RECRUITED, AF_BY,
	AF_TRAINED, AF_CONSENT, AF_CONSENT_ON, AF_PHONE, AF_EMAIL, AF_NOTES,
	AF_COUNT
};

struct amb_form {
	long			 id;
	struct ambassador	 orig;
	struct ui_field		 f[AF_COUNT];
	struct ui_form		 form;
	struct ui_language	 langs;		/* AF_LANGUAGES */
	int			 other;		/* AF_LANG_OTHER is shown */
	const char		**pick;
	struct ui_sensitive	 sens;		/* asking about the note */
};

static const enum ui_action af_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action af_keys[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_TOGGLE, ACT_NONE
};

/* The stairwells of a as one text: "Opgang 1, Opgang 2"; new. */
static char *
af_join(const struct ambassador *a)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; a != NULL && i < a->nstairwells; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? ", " : "", a->stairwells[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Fill the fields from a (or the defaults for a new ambassador). */
static void
af_fill(struct ui *ui, struct amb_form *fm, const struct ambassador *a)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_form		*uf = &fm->form;
	char			 d1[11], d2[11], d3[11], *stairs = af_join(a);
	int			 dep;

	dep = a != NULL ? cfg_department_find(c, a->department) : -1;
	ui_form_field(uf, AF_NAME, UI_FIELD_TEXT, N_("Name"),
	    a ? a->name : "", CORE_NAME_MAX);
	ui_form_field(uf, AF_DEPT, UI_FIELD_CHOICE, N_("Department"),
	    dep >= 0 ? c->departments[dep].name : a ? a->department : "", 40);
	ui_form_field(uf, AF_STAIRS, UI_FIELD_CHOICE, N_("Stairwells"),
	    stairs, 400);
	ui_language_init(&fm->langs, uf, AF_LANGUAGES, N_("Languages spoken"),
	    a ? a->languages : NULL);
	/* Free text from before the list, for the secretariat to pick. */
	ui_form_field(uf, AF_LANG_OTHER, UI_FIELD_TEXT, N_("Not in the list"),
	    a ? a->languages_other : "", CORE_LANG_MAX);
	fm->other = a != NULL && a->languages_other != NULL;
	ui_form_field(uf, AF_RECRUITED, UI_FIELD_DATE, N_("Recruited on"),
	    util_date_dk(a ? a->recruited_on : util_today(), d1), 10);
	ui_form_field(uf, AF_BY, UI_FIELD_TEXT, N_("Recruited by"),
	    a ? a->recruited_by : ui_who(ui)->name, CORE_NAME_MAX);
	ui_form_field(uf, AF_TRAINED, UI_FIELD_DATE, N_("Trained on"),
	    a && a->trained_on != DATE_NONE ? util_date_dk(a->trained_on, d2) :
	    "", 10);
	ui_form_field(uf, AF_CONSENT, UI_FIELD_CHECK, N_("Consent given"),
	    "", 0);
	fm->f[AF_CONSENT].checked = a && a->consent;
	ui_form_field(uf, AF_CONSENT_ON, UI_FIELD_DATE, N_("Consent given on"),
	    util_date_dk(a && a->consent ? a->consent_on : util_today(), d3),
	    10);
	ui_form_field(uf, AF_PHONE, UI_FIELD_TEXT, N_("Phone"),
	    a ? a->phone : "", CORE_PHONE_MAX);
	ui_form_field(uf, AF_EMAIL, UI_FIELD_TEXT, N_("E-mail"),
	    a ? a->email : "", 120);
	ui_form_field(uf, AF_NOTES, UI_FIELD_TEXT, N_("Notes"),
	    a ? a->notes : "", CORE_NOTES_MAX);
	free(stairs);
}

/* 1 if field i is shown: the consent date only with consent. */
static int
af_visible(const void *ctx, int i)
{
	const struct amb_form	*fm = ctx;

	if (i == AF_LANG_OTHER)
		return fm->other;
	return i != AF_CONSENT_ON || fm->f[AF_CONSENT].checked;
}

/* Open the form: empty, or the ambassador whose id is arg. */
static void *
af_init(struct ui *ui, void *arg)
{
	struct amb_form	*fm = xcalloc(1, sizeof *fm);

	fm->form.f = fm->f;
	fm->form.n = AF_COUNT;
	fm->form.error_lines = 2;
	fm->form.visible = af_visible;
	fm->form.ctx = fm;
	fm->id = (long)(intptr_t)arg;
	if (fm->id != 0 && db_ambassador_get(ui_db(ui), ui_who(ui), fm->id,
	    &fm->orig) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		fm->id = -1;
	}
	af_fill(ui, fm, fm->id > 0 ? &fm->orig : NULL);
	return fm;
}

/* Close the form. */
static void
af_free(void *state)
{
	struct amb_form	*fm = state;

	ui_form_free(&fm->form);
	ui_language_free(&fm->langs);
	if (fm->id > 0)
		db_ambassador_clear(&fm->orig);
	free(fm->pick);
	free(fm);
}

/* Draw field i at screen row y, with a hint beside the focused one. */
static void
af_draw_field(struct ui *ui, struct amb_form *fm, int i, int y)
{
	struct ui_field	*f = &fm->f[i];
	int		 focus = i == fm->form.focus, w = ui_cols(ui) - 27;

	ui_form_draw_field(ui, &fm->form, i, y, NULL, f->kind ==
	    UI_FIELD_DATE ? 12 : f->kind == UI_FIELD_CHOICE ||
	    f->kind == UI_FIELD_PICKED ? w - 14 : w);
	if (focus && (f->kind == UI_FIELD_CHOICE ||
	    f->kind == UI_FIELD_PICKED))
		ui_put(y, ui_cols(ui) - 13, _("Enter: pick"), 12, 0, STYLE_DIM);
	if (focus && f->kind == UI_FIELD_DATE)
		ui_put(y, 39, _("like 28.11.2026"), 20, 0, STYLE_DIM);
}

/* Draw the form, scrolled so the focused field shows. */
static void
af_draw(struct ui *ui, void *state)
{
	struct amb_form	*fm = state;
	int		 top = ui_body_top(ui) + 1, rows = ui_body_rows(ui) - 2;
	int		 i, y, fr;

	ui_put(top - 1, 2, fm->id == 0 ? _("Register an ambassador the "
	    "secretariat has recruited. F2 saves.") : _("Change the "
	    "ambassador. F2 saves; s on their screen changes the status."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	/* The focus and the row under it show. */
	fr = ui_form_layout_row(&fm->form, fm->form.focus);
	fm->form.top = fr + 2 > rows ? fr + 2 - rows : 0;
	for (i = 0; i < AF_COUNT; i++)
		if ((y = ui_form_place(&fm->form, i, top, rows)) >= 0)
			af_draw_field(ui, fm, i, y);
}

/* The cursor: in the focused field. */
static int
af_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct amb_form	*fm = state;

	(void)ui;
	return ui_form_cursor(&fm->form, y, x);
}

/* The department the department field names, or -1. */
static int
af_department(struct ui *ui, const struct amb_form *fm)
{
	char	*t = ui_form_clean(&fm->form, AF_DEPT);
	int	 d = cfg_department_find(ui_conf(ui), t);

	free(t);
	return d;
}

/* Called by the pick list: a department, or a stairwell to add. */
static void
af_picked(struct ui *ui, void *ctx, int chosen)
{
	struct amb_form	*fm = ctx;
	int		 i = fm->form.focus;
	char		*t = util_edit_text(&fm->f[i].e), *s;

	if (i == AF_DEPT) {
		if (strcmp(t, fm->pick[chosen]) != 0 &&
		    fm->f[AF_STAIRS].e.len > 0) {
			util_edit_set(&fm->f[AF_STAIRS].e, "");
			ui_message(ui, "%s", _("The stairwells were cleared: "
			    "pick the new department's."));
		}
		s = xstrdup(fm->pick[chosen]);
	} else if (chosen == 0)
		s = xstrdup("");	/* the whole department */
	else
		s = xasprintf("%s%s%s", t, t[0] != '\0' ? ", " : "",
		    fm->pick[chosen]);
	ui_form_set_text(&fm->form, i, s);
	free(s);
	free(t);
}

/* Open the pick list of departments or of the department's stairwells. */
static void
af_pick(struct ui *ui, struct amb_form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = af_picked, .ctx = fm };
	size_t			 i;
	int			 d;

	free(fm->pick);
	fm->pick = xcalloc(c->ndepartments + c->nstairwells + 2,
	    sizeof *fm->pick);
	if (fm->form.focus == AF_DEPT) {
		p.title = _("Pick the department");
		p.initial = af_department(ui, fm);
		for (i = 0; i < c->ndepartments; i++)
			fm->pick[p.n++] = c->departments[i].name;
	} else {
		if ((d = af_department(ui, fm)) < 0) {
			ui_error(ui, "%s", _("Pick the department first."));
			return;
		}
		p.title = _("Add a stairwell (or the whole department)");
		fm->pick[p.n++] = _("The whole department (clears the list)");
		for (i = 0; i < c->nstairwells; i++)
			if (c->stairwells[i].department == d)
				fm->pick[p.n++] = c->stairwells[i].name;
	}
	p.items = fm->pick;
	ui_push(ui, &screen_pick, &p);
}

/* Check a date field (optional: empty is DATE_NONE). */
static int
af_check_date(struct amb_form *fm, int i, int optional, long *day)
{
	char		*t = ui_form_clean(&fm->form, i);
	enum date_err	 e = util_date_parse(t, day);

	free(t);
	if (e == DATE_EMPTY && optional) {
		*day = DATE_NONE;
		return ui_form_error(&fm->form, i, NULL);
	}
	return ui_form_error(&fm->form, i, e == DATE_OK ? NULL :
	    util_date_errstr(e));
}

/* 1 if s was one of the stairwells the ambassador had in department d
 * (a stairwell since removed from the configuration may stay). */
static int
af_had(struct ui *ui, const struct amb_form *fm, int d, const char *s)
{
	size_t	i;

	if (fm->id <= 0 || d != cfg_department_find(ui_conf(ui),
	    fm->orig.department))
		return 0;
	for (i = 0; i < fm->orig.nstairwells; i++)
		if (strcmp(fm->orig.stairwells[i], s) == 0)
			return 1;
	return 0;
}

/* Split and check the stairwells into a (their names are new). */
static int
af_check_stairs(struct ui *ui, struct amb_form *fm, int d,
    struct ambassador *a)
{
	struct ui_form	*uf = &fm->form;
	char		*t = ui_form_clean(uf, AF_STAIRS), *p, *next, *s;
	size_t		 i;
	int		 bad = 0;

	ui_form_clear_error(uf, AF_STAIRS);
	for (p = t; p != NULL && *p != '\0' && !bad; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		s = core_clean_text(p);
		if (s == NULL || s[0] == '\0') {
			free(s);
			continue;
		}
		for (i = 0; i < a->nstairwells; i++)
			if (strcmp(a->stairwells[i], s) == 0)
				bad = ui_form_error_own(uf, AF_STAIRS,
				    xasprintf(_("\"%s\" is written twice."),
				    s));
		if (!bad && d >= 0 && cfg_stairwell_find(ui_conf(ui), d, s) <
		    0 && !af_had(ui, fm, d, s))
			bad = ui_form_error_own(uf, AF_STAIRS, xasprintf(
			    _("There is no stairwell \"%s\" in %s. Press Enter "
			    "to pick."), s, ui_conf(ui)->departments[d].name));
		if (!bad && a->nstairwells == AMBASSADOR_MAX_STAIRWELLS)
			bad = ui_form_error(uf, AF_STAIRS, N_("That is too "
			    "many stairwells for one ambassador."));
		if (bad)
			free(s);
		else
			a->stairwells[a->nstairwells++] = s;
	}
	free(t);
	return bad;
}

/* Check consent and the contact fields that need it. */
static int
af_check_contact(struct amb_form *fm, struct ambassador *a)
{
	static const char *const need = N_("A phone number and an e-mail "
	    "are kept only with consent. Tick consent, or clear this field.");
	struct ui_form	*uf = &fm->form;
	int		 bad = 0;

	a->consent = fm->f[AF_CONSENT].checked;
	a->consent_on = DATE_NONE;
	ui_form_clear_error(uf, AF_CONSENT_ON);
	if (a->consent && !(bad += af_check_date(fm, AF_CONSENT_ON, 0,
	    &a->consent_on)) && a->consent_on > util_today())
		bad += ui_form_error(uf, AF_CONSENT_ON, N_("Consent cannot be "
		    "given on a day that has not come yet."));
	if (!a->consent && fm->f[AF_PHONE].e.len > 0)
		bad += ui_form_error(uf, AF_PHONE, need);
	else
		bad += ui_form_check_text(uf, AF_PHONE, core_check_phone);
	ui_form_clear_error(uf, AF_EMAIL);
	if (!a->consent && fm->f[AF_EMAIL].e.len > 0)
		bad += ui_form_error(uf, AF_EMAIL, need);
	return bad;
}

/* Check every field into a (strings new); how many are wrong. */
static int
af_check(struct ui *ui, struct amb_form *fm, struct ambassador *a)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_form		*uf = &fm->form;
	int			 bad = 0, d = af_department(ui, fm);

	memset(a, 0, sizeof *a);
	a->id = fm->id > 0 ? fm->id : 0;
	a->version = fm->id > 0 ? fm->orig.version : 0;
	bad += ui_form_check_text(uf, AF_NAME, core_check_name);
	if (fm->f[AF_DEPT].e.len == 0)
		bad += ui_form_error(uf, AF_DEPT, N_("Pick a department "
		    "(press Enter)."));
	else if (d < 0)
		bad += ui_form_error(uf, AF_DEPT, N_("There is no department "
		    "with that name. Press Enter to pick one."));
	else
		ui_form_error(uf, AF_DEPT, NULL);
	a->department = d >= 0 ? xstrdup(c->departments[d].key) : NULL;
	bad += af_check_stairs(ui, fm, d, a);
	if (fm->other)
		bad += ui_form_check_text(uf, AF_LANG_OTHER,
		    core_check_languages);
	if (!(bad += af_check_date(fm, AF_RECRUITED, 0, &a->recruited_on)))
		bad += ui_form_error(uf, AF_RECRUITED, core_check_recruited(
		    a->recruited_on, util_today()));
	if (fm->f[AF_BY].e.len > 0)
		bad += ui_form_check_text(uf, AF_BY, core_check_name);
	if (!(bad += af_check_date(fm, AF_TRAINED, 1, &a->trained_on)) &&
	    a->trained_on != DATE_NONE && (a->trained_on > util_today() ||
	    a->trained_on < a->recruited_on))
		bad += ui_form_error(uf, AF_TRAINED, N_("Training is between "
		    "the recruitment and today."));
	bad += af_check_contact(fm, a);
	bad += ui_form_check_text(uf, AF_NOTES, core_check_notes);
	return bad;
}

/* The cleaned text of field i, or NULL when it is empty; new. */
static char *
af_opt(const struct amb_form *fm, int i)
{
	return fm->f[i].e.len ? ui_form_clean(&fm->form, i) : NULL;
}

/* Fill the texts of a from the (checked) fields. */
static void
af_texts(struct amb_form *fm, struct ambassador *a)
{
	a->name = ui_form_clean(&fm->form, AF_NAME);
	a->languages = xstrdup(fm->langs.codes);
	a->languages_other = af_opt(fm, AF_LANG_OTHER);
	a->recruited_by = af_opt(fm, AF_BY);
	a->notes = af_opt(fm, AF_NOTES);
	if (a->consent) {
		a->phone = af_opt(fm, AF_PHONE);
		a->email = af_opt(fm, AF_EMAIL);
	}
}

static const int af_notes[] = { AF_NOTES };

/* Check and save; UI_POP when saved. */
static int
af_save(struct ui *ui, struct amb_form *fm)
{
	struct ambassador	a;
	enum db_status		st;
	int			bad;

	if (fm->id < 0)
		return 0;
	if ((bad = af_check(ui, fm, &a)) > 0) {
		ui_form_refused(ui, &fm->form, bad);
		db_ambassador_clear(&a);
		return 0;
	}
	if (ui_sensitive_stop(ui, &fm->sens, &fm->form, af_notes, 1)) {
		db_ambassador_clear(&a);
		return 0;
	}
	af_texts(fm, &a);
	st = fm->id > 0 ? db_ambassador_update(ui_db(ui), ui_who(ui), &a) :
	    db_ambassador_add(ui_db(ui), ui_who(ui), &a);
	if (st != DB_OK)
		ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
		    _("The form is kept."));
	else if (fm->id > 0)
		ui_message(ui, "%s", _("Saved."));
	else
		ui_message(ui, _("Saved: %s is ambassador %ld."), a.name, a.id);
	db_ambassador_clear(&a);
	return st == DB_OK ? UI_POP : 0;
}

/* A key in the form. */
static int
af_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct amb_form	*fm = state;
	enum ui_action	 a = ui_key_action(k, af_keys);
	int		 flags, save;

	if (fm->sens.asking) {
		flags = ui_sensitive_key(ui, &fm->sens, &fm->form, k, &save);
		return save ? flags | af_save(ui, fm) : flags;
	}
	if ((flags = ui_form_key(ui, &fm->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | af_save(ui, fm);
	if (a == ACT_PICK && fm->form.focus == AF_LANGUAGES) {
		ui_language_pick(ui, &fm->langs);
		return flags;
	}
	if (a == ACT_PICK) {
		af_pick(ui, fm);
		return flags;
	}
	return ui_form_edit_key(&fm->form, k);
}

/* The keys now: y, n and Esc while the question about the note is open. */
static const enum ui_action *
af_actions_now(void *state)
{
	struct amb_form	*fm = state;

	return fm->sens.asking ? ui_sensitive_actions : af_actions;
}

const struct screen screen_ambassador_form = {
	.name = "ambassador-form",
	.title = N_("Ambassador form"),
	.actions = af_actions,
	.help = N_("The details of a stairwell ambassador. Department: press "
	    "Enter and pick. Stairwells: press Enter to add one from the "
	    "list (again for the next); leave it empty when they cover the "
	    "whole department. Languages spoken: press Enter, type a part "
	    "of the name (in Danish, English or the language itself) and "
	    "press Enter to add the language, or to take it away again; Esc "
	    "comes back here. \"Not in the list\" shows what was written "
	    "before the list and could not be found in it: pick those "
	    "languages, then clear it. "
	    "Recruited on is the day they said yes; it "
	    "counts toward the goal when it is in the agreement period. A "
	    "phone number and an e-mail are kept only with their consent.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays."),
	.init = af_init,
	.draw = af_draw,
	.key = af_key,
	.free = af_free,
	.cursor = af_cursor,
	.actions_now = af_actions_now,
};
