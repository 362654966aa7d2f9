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

enum af_kind { AF_TEXT, AF_DATE, AF_CHOICE, AF_CHECK };

enum af_id {
	AF_NAME, AF_DEPT, AF_STAIRS, AF_LANGUAGES, AF_RECRUITED, AF_BY,
	AF_TRAINED, AF_CONSENT, AF_CONSENT_ON, AF_PHONE, AF_EMAIL, AF_NOTES,
	AF_COUNT
};

struct af_field {
	enum af_kind	 kind;
	const char	*label;
	struct edit	 e;
	int		 checked;
	const char	*error;
	char		*error_own;
	int		 row, col;
};

struct amb_form {
	long			 id;
	struct ambassador	 orig;
	struct af_field		 f[AF_COUNT];
	int			 focus;
	int			 dirty, leaving;
	const char		**pick;
};

static const enum ui_action af_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action af_keys[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_TOGGLE, ACT_NONE
};

/* Set up field i. */
static void
af_field(struct amb_form *fm, int i, enum af_kind kind, const char *label,
    const char *text, size_t max)
{
	fm->f[i].kind = kind;
	fm->f[i].label = label;
	util_edit_init(&fm->f[i].e, text != NULL ? text : "", max);
	util_edit_end(&fm->f[i].e);
}

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
	char			 d1[11], d2[11], d3[11], *stairs = af_join(a);
	int			 dep = a ? cfg_department_find(c, a->department) :
				    -1;

	af_field(fm, AF_NAME, AF_TEXT, N_("Name"), a ? a->name : "",
	    CORE_NAME_MAX);
	af_field(fm, AF_DEPT, AF_CHOICE, N_("Department"), dep >= 0 ?
	    c->departments[dep].name : a ? a->department : "", 40);
	af_field(fm, AF_STAIRS, AF_CHOICE, N_("Stairwells"), stairs, 400);
	af_field(fm, AF_LANGUAGES, AF_TEXT, N_("Languages spoken"),
	    a ? a->languages : "", CORE_LANG_MAX);
	af_field(fm, AF_RECRUITED, AF_DATE, N_("Recruited on"), util_date_dk(
	    a ? a->recruited_on : util_today(), d1), 10);
	af_field(fm, AF_BY, AF_TEXT, N_("Recruited by"), a ? a->recruited_by :
	    ui_who(ui)->name, CORE_NAME_MAX);
	af_field(fm, AF_TRAINED, AF_DATE, N_("Trained on"), a &&
	    a->trained_on != DATE_NONE ? util_date_dk(a->trained_on, d2) : "",
	    10);
	af_field(fm, AF_CONSENT, AF_CHECK, N_("Consent given"), "", 0);
	fm->f[AF_CONSENT].checked = a && a->consent;
	af_field(fm, AF_CONSENT_ON, AF_DATE, N_("Consent given on"),
	    util_date_dk(a && a->consent ? a->consent_on : util_today(), d3),
	    10);
	af_field(fm, AF_PHONE, AF_TEXT, N_("Phone"), a ? a->phone : "",
	    CORE_PHONE_MAX);
	af_field(fm, AF_EMAIL, AF_TEXT, N_("E-mail"), a ? a->email : "", 120);
	af_field(fm, AF_NOTES, AF_TEXT, N_("Notes"), a ? a->notes : "",
	    CORE_NOTES_MAX);
	free(stairs);
}

static void *
af_init(struct ui *ui, void *arg)
{
	struct amb_form	*fm = xcalloc(1, sizeof *fm);

	fm->id = (long)(intptr_t)arg;
	if (fm->id != 0 && db_ambassador_get(ui_db(ui), ui_who(ui), fm->id,
	    &fm->orig) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		fm->id = -1;
	}
	af_fill(ui, fm, fm->id > 0 ? &fm->orig : NULL);
	return fm;
}

/* Forget the error of a field. */
static void
af_clear_error(struct af_field *f)
{
	free(f->error_own);
	f->error_own = NULL;
	f->error = NULL;
}

static void
af_free(void *state)
{
	struct amb_form	*fm = state;
	int		 i;

	for (i = 0; i < AF_COUNT; i++) {
		util_edit_free(&fm->f[i].e);
		af_clear_error(&fm->f[i]);
	}
	if (fm->id > 0)
		db_ambassador_clear(&fm->orig);
	free(fm->pick);
	free(fm);
}

/* 1 if field i is shown: the consent date only with consent. */
static int
af_visible(const struct amb_form *fm, int i)
{
	return i != AF_CONSENT_ON || fm->f[AF_CONSENT].checked;
}

/* The error of a field as shown, or NULL. */
static const char *
af_error(const struct af_field *f)
{
	if (f->error == NULL)
		return NULL;
	return f->error_own != NULL ? f->error_own : _(f->error);
}

/* The layout row of field want (its error takes one more). */
static int
af_row_of(const struct amb_form *fm, int want)
{
	int	i, row = 0;

	for (i = 0; i < AF_COUNT && i != want; i++)
		if (af_visible(fm, i))
			row += 1 + (fm->f[i].error != NULL);
	return row;
}

/* Draw field i at screen row y. */
static void
af_draw_field(struct ui *ui, struct amb_form *fm, int i, int y)
{
	struct af_field	*f = &fm->f[i];
	int		 focus = i == fm->focus, w = ui_cols(ui) - 27;
	char		*err;

	ui_put(y, 2, _(f->label), 22, 1, focus ? STYLE_HEADER : STYLE_LABEL);
	if (f->kind == AF_CHECK) {
		ui_put(y, 25, f->checked ? _("[x] yes") : _("[ ] no"), 10, 1,
		    focus ? STYLE_FIELD_FOCUS : STYLE_NORMAL);
		f->col = 26;
	} else
		f->col = ui_put_edit(y, 25, &f->e, f->kind == AF_DATE ? 12 :
		    f->kind == AF_CHOICE ? w - 14 : w, focus ?
		    STYLE_FIELD_FOCUS : STYLE_FIELD);
	f->row = y;
	if (focus && f->kind == AF_CHOICE)
		ui_put(y, ui_cols(ui) - 13, _("Enter: pick"), 12, 0, STYLE_DIM);
	if (focus && f->kind == AF_DATE)
		ui_put(y, 39, _("like 28.11.2026"), 20, 0, STYLE_DIM);
	if (af_error(f) != NULL) {
		err = xasprintf("\xe2\x86\xb3 %s", af_error(f));
		ui_put(y + 1, 25, err, ui_cols(ui) - 26, 0, STYLE_ERROR);
		free(err);
	}
}

static void
af_draw(struct ui *ui, void *state)
{
	struct amb_form	*fm = state;
	int		 top = ui_body_top(ui) + 1, rows = ui_body_rows(ui) - 2;
	int		 i, r, fr = af_row_of(fm, fm->focus), skip = 0;

	ui_put(top - 1, 2, fm->id == 0 ? _("Register an ambassador the "
	    "secretariat has recruited. F2 saves.") : _("Change the "
	    "ambassador. F2 saves; s on their screen changes the status."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	if (fr + 2 > rows)
		skip = fr + 2 - rows;
	for (i = 0; i < AF_COUNT; i++) {
		fm->f[i].row = -1;
		if (!af_visible(fm, i))
			continue;
		r = af_row_of(fm, i) - skip;
		if (r >= 0 && r + 1 + (fm->f[i].error != NULL) <= rows)
			af_draw_field(ui, fm, i, top + r);
	}
}

static int
af_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct amb_form	*fm = state;

	(void)ui;
	if (fm->f[fm->focus].row < 0)
		return -1;
	*y = fm->f[fm->focus].row;
	*x = fm->f[fm->focus].col;
	return 0;
}

/* Move the focus to the next (1) or previous (-1) shown field. */
static void
af_move(struct amb_form *fm, int dir)
{
	int	i = fm->focus;

	do
		i += dir;
	while (i >= 0 && i < AF_COUNT && !af_visible(fm, i));
	if (i >= 0 && i < AF_COUNT)
		fm->focus = i;
}

/* The department the department field names, or -1. */
static int
af_department(struct ui *ui, const struct amb_form *fm)
{
	char	*t = util_edit_text(&fm->f[AF_DEPT].e), *c = core_clean_text(t);
	int	 d = cfg_department_find(ui_conf(ui), c != NULL ? c : t);

	free(c);
	free(t);
	return d;
}

/* Called by the pick list: a department, or a stairwell to add. */
static void
af_picked(struct ui *ui, void *ctx, int chosen)
{
	struct amb_form	*fm = ctx;
	struct af_field	*f = &fm->f[fm->focus];
	char		*t, *s;

	if (fm->focus == AF_DEPT) {
		t = util_edit_text(&f->e);
		if (strcmp(t, fm->pick[chosen]) != 0 &&
		    fm->f[AF_STAIRS].e.len > 0) {
			util_edit_set(&fm->f[AF_STAIRS].e, "");
			ui_message(ui, "%s", _("The stairwells were cleared: "
			    "pick the new department's."));
		}
		free(t);
		util_edit_set(&f->e, fm->pick[chosen]);
	} else if (chosen == 0) {
		util_edit_set(&f->e, "");	/* the whole department */
	} else {
		t = util_edit_text(&f->e);
		s = xasprintf("%s%s%s", t, t[0] != '\0' ? ", " : "",
		    fm->pick[chosen]);
		util_edit_set(&f->e, s);
		free(s);
		free(t);
	}
	util_edit_end(&f->e);
	af_clear_error(f);
	fm->dirty = 1;
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
	if (fm->focus == AF_DEPT) {
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

/* Set the error of field i; 1 if there is one. */
static int
af_set(struct amb_form *fm, int i, const char *error)
{
	af_clear_error(&fm->f[i]);
	fm->f[i].error = error;
	return error != NULL;
}

/* Set an error made here (translated, xmalloc'd); returns 1. */
static int
af_set_own(struct amb_form *fm, int i, char *error)
{
	af_clear_error(&fm->f[i]);
	fm->f[i].error = "";
	fm->f[i].error_own = error;
	return 1;
}

/* The cleaned text of field i (new; "" when empty). */
static char *
af_text(const struct amb_form *fm, int i)
{
	char	*t = util_edit_text(&fm->f[i].e), *c = core_clean_text(t);

	free(t);
	return c != NULL ? c : xstrdup("");
}

/* Check a text field with a core check. */
static int
af_check_text(struct amb_form *fm, int i, const char *(*check)(const char *))
{
	char	*t = af_text(fm, i);
	int	 bad = af_set(fm, i, check(t));

	free(t);
	return bad;
}

/* Check a date field (optional: empty is DATE_NONE). */
static int
af_check_date(struct amb_form *fm, int i, int optional, long *day)
{
	char		*t = af_text(fm, i);
	enum date_err	 e = util_date_parse(t, day);

	free(t);
	if (e == DATE_EMPTY && optional) {
		*day = DATE_NONE;
		return af_set(fm, i, NULL);
	}
	return af_set(fm, i, e == DATE_OK ? NULL : util_date_errstr(e));
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
	char	*t = af_text(fm, AF_STAIRS), *p, *next, *s;
	size_t	 i;
	int	 bad = 0;

	af_clear_error(&fm->f[AF_STAIRS]);
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
				bad = af_set_own(fm, AF_STAIRS, xasprintf(
				    _("\"%s\" is written twice."), s));
		if (!bad && d >= 0 && cfg_stairwell_find(ui_conf(ui), d, s) < 0 &&
		    !af_had(ui, fm, d, s))
			bad = af_set_own(fm, AF_STAIRS, xasprintf(_("There is no "
			    "stairwell \"%s\" in %s. Press Enter to pick."), s,
			    ui_conf(ui)->departments[d].name));
		if (!bad && a->nstairwells == AMBASSADOR_MAX_STAIRWELLS)
			bad = af_set(fm, AF_STAIRS, N_("That is too many "
			    "stairwells for one ambassador."));
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
	int	bad = 0;

	a->consent = fm->f[AF_CONSENT].checked;
	a->consent_on = DATE_NONE;
	af_clear_error(&fm->f[AF_CONSENT_ON]);
	if (a->consent && !(bad += af_check_date(fm, AF_CONSENT_ON, 0,
	    &a->consent_on)) && a->consent_on > util_today())
		bad += af_set(fm, AF_CONSENT_ON, N_("Consent cannot be given on "
		    "a day that has not come yet."));
	if (!a->consent && fm->f[AF_PHONE].e.len > 0)
		bad += af_set(fm, AF_PHONE, need);
	else
		bad += af_check_text(fm, AF_PHONE, core_check_phone);
	af_clear_error(&fm->f[AF_EMAIL]);
	if (!a->consent && fm->f[AF_EMAIL].e.len > 0)
		bad += af_set(fm, AF_EMAIL, need);
	return bad;
}

/* Check every field into a (strings new); how many are wrong. */
static int
af_check(struct ui *ui, struct amb_form *fm, struct ambassador *a)
{
	const struct conf	*c = ui_conf(ui);
	int			 bad = 0, d = af_department(ui, fm);

	memset(a, 0, sizeof *a);
	a->id = fm->id > 0 ? fm->id : 0;
	a->version = fm->id > 0 ? fm->orig.version : 0;
	bad += af_check_text(fm, AF_NAME, core_check_name);
	if (fm->f[AF_DEPT].e.len == 0)
		bad += af_set(fm, AF_DEPT, N_("Pick a department (press Enter)."));
	else if (d < 0)
		bad += af_set(fm, AF_DEPT, N_("There is no department with that "
		    "name. Press Enter to pick one."));
	else
		af_set(fm, AF_DEPT, NULL);
	a->department = d >= 0 ? xstrdup(c->departments[d].key) : NULL;
	bad += af_check_stairs(ui, fm, d, a);
	bad += af_check_text(fm, AF_LANGUAGES, core_check_languages);
	if (!(bad += af_check_date(fm, AF_RECRUITED, 0, &a->recruited_on)))
		bad += af_set(fm, AF_RECRUITED, core_check_recruited(
		    a->recruited_on, util_today()));
	if (fm->f[AF_BY].e.len > 0)
		bad += af_check_text(fm, AF_BY, core_check_name);
	if (!(bad += af_check_date(fm, AF_TRAINED, 1, &a->trained_on)) &&
	    a->trained_on != DATE_NONE && (a->trained_on > util_today() ||
	    a->trained_on < a->recruited_on))
		bad += af_set(fm, AF_TRAINED, N_("Training is between the "
		    "recruitment and today."));
	bad += af_check_contact(fm, a);
	bad += af_check_text(fm, AF_NOTES, core_check_notes);
	return bad;
}

/* Fill the texts of a from the (checked) fields. */
static void
af_texts(struct amb_form *fm, struct ambassador *a)
{
	a->name = af_text(fm, AF_NAME);
	a->languages = fm->f[AF_LANGUAGES].e.len ? af_text(fm, AF_LANGUAGES) :
	    NULL;
	a->recruited_by = fm->f[AF_BY].e.len ? af_text(fm, AF_BY) : NULL;
	a->notes = fm->f[AF_NOTES].e.len ? af_text(fm, AF_NOTES) : NULL;
	if (a->consent) {
		a->phone = fm->f[AF_PHONE].e.len ? af_text(fm, AF_PHONE) : NULL;
		a->email = fm->f[AF_EMAIL].e.len ? af_text(fm, AF_EMAIL) : NULL;
	}
}

/* Check and save; UI_POP when saved. */
static int
af_save(struct ui *ui, struct amb_form *fm)
{
	struct ambassador	a;
	enum db_status		st;
	int			bad, i;

	if (fm->id < 0)
		return 0;
	if ((bad = af_check(ui, fm, &a)) > 0) {
		for (i = 0; i < AF_COUNT; i++)
			if (fm->f[i].error != NULL && af_visible(fm, i)) {
				fm->focus = i;
				break;
			}
		ui_error(ui, bad == 1 ? _("One field needs a change; nothing "
		    "is saved yet.") : _("%d fields need a change; nothing is "
		    "saved yet."), bad);
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

static int
af_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct amb_form	*fm = state;
	struct af_field	*f = &fm->f[fm->focus];
	enum ui_action	 a = ui_key_action(k, af_keys);
	int		 flags = UI_REDRAW | UI_HANDLED;

	if (a != ACT_BACK)
		fm->leaving = 0;
	switch (a) {
	case ACT_SAVE:
		return flags | af_save(ui, fm);
	case ACT_BACK:
		if (!fm->dirty || fm->leaving)
			return flags | UI_POP;
		fm->leaving = 1;
		ui_error(ui, "%s", _("You have changed the form. Press Esc again "
		    "to leave without saving, or F2 to save."));
		return flags;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		af_move(fm, a == ACT_NEXT_FIELD ? 1 : -1);
		return flags;
	case ACT_PICK:
		if (f->kind == AF_CHOICE)
			af_pick(ui, fm);
		else
			af_move(fm, 1);
		return flags;
	case ACT_TOGGLE:
		if (f->kind != AF_CHECK)
			break;
		f->checked = !f->checked;
		fm->dirty = 1;
		return flags;
	default:
		break;
	}
	if (f->kind == AF_CHECK || !ui_edit_key(&f->e, k))
		return 0;
	fm->dirty = 1;
	af_clear_error(f);
	return flags;
}

const struct screen screen_ambassador_form = {
	.name = "ambassador-form",
	.title = N_("Ambassador form"),
	.actions = af_actions,
	.help = N_("The details of a stairwell ambassador. Department: press "
	    "Enter and pick. Stairwells: press Enter to add one from the "
	    "list (again for the next); leave it empty when they cover the "
	    "whole department. Recruited on is the day they said yes; it "
	    "counts toward the goal when it is in the agreement period. A "
	    "phone number and an e-mail are kept only with their consent.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays."),
	.init = af_init,
	.draw = af_draw,
	.key = af_key,
	.free = af_free,
	.cursor = af_cursor,
};
