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

enum field_kind { F_TEXT, F_DATE, F_CHOICE, F_CHECK };

enum field_id {
	FLD_DEPT, FLD_STAIR, FLD_FLAT, FLD_MOVED_IN,
	FLD_MEMBER, FLD_MEMBER_LAST = FLD_MEMBER + HOUSEHOLD_MAX_MEMBERS - 1,
	FLD_INTERPRETER, FLD_CONSENT, FLD_CONSENT_ON, FLD_CONSENT_BY,
	FLD_PHONE, FLD_LANGUAGES, FLD_NOTES,
	FLD_COUNT
};

struct field {
	enum field_kind	 kind;
	const char	*label;		/* English, for _() */
	struct edit	 e;
	int		 checked;	/* F_CHECK */
	const char	*error;		/* English sentence, or NULL */
	char		*error_own;	/* an error made here (freed) */
	int		 row;		/* screen row while drawn, else -1 */
	int		 col;		/* cursor column while drawn */
};

struct form {
	long			 id;		/* 0 for a new household */
	struct household	 orig;		/* when editing */
	struct field		 f[FLD_COUNT];
	int			 focus;
	int			 top;		/* first layout row shown */
	int			 dirty;
	int			 leaving;	/* Esc pressed once with changes */
	const char		**pick_items;
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

/* Set up field i. */
static void
form_field(struct form *fm, int i, enum field_kind kind, const char *label,
    const char *text, size_t max)
{
	fm->f[i].kind = kind;
	fm->f[i].label = label;
	util_edit_init(&fm->f[i].e, text != NULL ? text : "", max);
	util_edit_end(&fm->f[i].e);
}

/* Is field i shown?  Members appear one at a time; consent details only
 * with consent. */
static int
form_visible(const struct form *fm, int i)
{
	if (i > FLD_MEMBER && i <= FLD_MEMBER_LAST)
		return fm->f[i].e.len > 0 || fm->f[i - 1].e.len > 0;
	if (i == FLD_CONSENT_ON || i == FLD_CONSENT_BY)
		return fm->f[FLD_CONSENT].checked;
	return 1;
}

/* The text of field i as it will be stored (trimmed, NFC); a new
 * string, "" when empty. */
static char *
form_clean(const struct form *fm, int i)
{
	char	*t = util_edit_text(&fm->f[i].e), *c = core_clean_text(t);

	free(t);
	return c != NULL ? c : xstrdup("");
}

/* The department index the department field names, or -1. */
static int
form_department(struct ui *ui, const struct form *fm)
{
	char	*t = form_clean(fm, FLD_DEPT);
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
	char			 d[11], cd[11];
	int			 dep, i;

	dep = h != NULL ? cfg_department_find(c, h->department) : -1;
	/* An ambassador of one department registers there. */
	if (h == NULL && !core_may(ui_who(ui)->role, ACCESS_ALL_DEPARTMENTS) &&
	    ui_who(ui)->ndepartments == 1)
		dep = cfg_department_find(c, ui_who(ui)->departments[0]);
	form_field(fm, FLD_DEPT, F_CHOICE, N_("Department"), dep >= 0 ?
	    c->departments[dep].name : h != NULL ? h->department : "", 40);
	form_field(fm, FLD_STAIR, F_CHOICE, N_("Stairwell"),
	    h != NULL ? h->stairwell : "", 40);
	form_field(fm, FLD_FLAT, F_TEXT, N_("Flat"), h != NULL ? h->flat : "",
	    CORE_FLAT_MAX);
	form_field(fm, FLD_MOVED_IN, F_DATE, N_("Moved in"), util_date_dk(
	    h != NULL ? h->moved_in : util_today(), d), 10);
	for (i = 0; i < HOUSEHOLD_MAX_MEMBERS; i++)
		form_field(fm, FLD_MEMBER + i, F_TEXT, mlabel,
		    h != NULL && (size_t)i < h->nmembers ? h->members[i] : "",
		    CORE_NAME_MAX);
	form_field(fm, FLD_INTERPRETER, F_CHECK, N_("Interpreter needed"),
	    "", 0);
	fm->f[FLD_INTERPRETER].checked = h != NULL && h->interpreter;
	form_field(fm, FLD_CONSENT, F_CHECK, N_("Consent given"),
	    "", 0);
	fm->f[FLD_CONSENT].checked = h != NULL && h->consent;
	form_field(fm, FLD_CONSENT_ON, F_DATE, N_("Consent given on"),
	    util_date_dk(h != NULL && h->consent ? h->consent_on :
	    util_today(), cd), 10);
	form_field(fm, FLD_CONSENT_BY, F_TEXT, N_("Consent recorded by"),
	    h != NULL && h->consent_by != NULL ? h->consent_by :
	    ui_who(ui)->name, CORE_NAME_MAX);
	form_field(fm, FLD_PHONE, F_TEXT, N_("Phone"), h != NULL ? h->phone :
	    "", CORE_PHONE_MAX);
	form_field(fm, FLD_LANGUAGES, F_TEXT, N_("Languages spoken"),
	    h != NULL ? h->languages : "", CORE_LANG_MAX);
	form_field(fm, FLD_NOTES, F_TEXT, N_("Notes"), h != NULL ? h->notes :
	    "", CORE_NOTES_MAX);
}

static void *
form_init(struct ui *ui, void *arg)
{
	struct form	*fm = xcalloc(1, sizeof *fm);

	fm->id = (long)(intptr_t)arg;
	if (fm->id != 0 && db_household_get(ui_db(ui), ui_who(ui), fm->id,
	    &fm->orig) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		fm->id = -1;	/* nothing to edit: Esc is all that works */
	}
	form_fill(ui, fm, fm->id > 0 ? &fm->orig : NULL);
	return fm;
}

/* Forget the error of field i. */
static void
form_clear_error(struct field *f)
{
	free(f->error_own);
	f->error_own = NULL;
	f->error = NULL;
}

static void
form_free(void *state)
{
	struct form	*fm = state;
	int		 i;

	for (i = 0; i < FLD_COUNT; i++) {
		util_edit_free(&fm->f[i].e);
		form_clear_error(&fm->f[i]);
	}
	if (fm->id > 0)
		db_household_clear(&fm->orig);
	free(fm->pick_items);
	free(fm);
}

static const enum ui_action *
form_actions_now(void *state)
{
	struct form	*fm = state;

	return fm->f[fm->focus].kind == F_CHECK ? form_actions_check :
	    form_actions;
}

/* The label of field i as shown ("Name 2"); a new string. */
static char *
form_label(int i, const struct field *f)
{
	if (i >= FLD_MEMBER && i <= FLD_MEMBER_LAST)
		return xasprintf(_("Name %d"), i - FLD_MEMBER + 1);
	return xstrdup(_(f->label));
}

/* A hint beside a field. */
static const char *
form_hint(const struct field *f)
{
	switch (f->kind) {
	case F_DATE:	return _("like 28.11.2026");
	case F_CHOICE:	return _("Enter: pick");
	case F_CHECK:	return _("Space: yes/no");
	default:	return NULL;
	}
}

/* The error of field f as shown, or NULL. */
static const char *
form_error_text(const struct field *f)
{
	if (f->error == NULL)
		return NULL;
	return f->error_own != NULL ? f->error_own : _(f->error);
}

/* Rows a visible field takes: one, and one or two for its error. */
static int
form_rows(const struct form *fm, int i)
{
	const char	*e = form_error_text(&fm->f[i]);

	if (e == NULL)
		return 1;
	return util_text_width(e) + 2 > COLS - 26 ? 3 : 2;
}

/* The layout row of field i (blank rows set the groups apart). */
static int
form_layout_row(const struct form *fm, int want)
{
	int	i, row = 0;

	for (i = 0; i < FLD_COUNT; i++) {
		if (i == FLD_MEMBER || i == FLD_INTERPRETER || i == FLD_NOTES)
			row++;
		if (!form_visible(fm, i))
			continue;
		if (i == want)
			return row;
		row += form_rows(fm, i);
	}
	return row;
}

/* Width of the input part of field f. */
static int
form_width(struct ui *ui, const struct field *f)
{
	int	w = ui_cols(ui) - 27;

	if (f->kind == F_DATE)
		return 12;
	if (f->kind == F_CHOICE)
		return w - 14 < 40 ? w - 14 : 40;
	return w < 52 ? w : 52;
}

/* Draw field i at screen row y. */
static void
form_draw_field(struct ui *ui, struct form *fm, int i, int y)
{
	struct field	*f = &fm->f[i];
	char		*label, *err;
	const char	*hint;
	int		 w = form_width(ui, f), focus = i == fm->focus;

	label = form_label(i, f);
	ui_put(y, 2, label, 22, 1, focus ? STYLE_HEADER : STYLE_LABEL);
	free(label);
	if (f->kind == F_CHECK) {
		ui_put(y, 25, f->checked ? _("[x] yes") : _("[ ] no"), 10, 1,
		    focus ? STYLE_FIELD_FOCUS : STYLE_NORMAL);
		f->col = 26;
	} else
		f->col = ui_put_edit(y, 25, &f->e, w,
		    focus ? STYLE_FIELD_FOCUS : STYLE_FIELD);
	f->row = y;
	hint = form_hint(f);
	if (f->kind == F_CHECK)
		w = 10;
	if (focus && hint != NULL && ui_cols(ui) - 27 - w - 2 > 0)
		ui_put(y, 25 + w + 2, hint, ui_cols(ui) - 27 - w - 2, 0,
		    STYLE_DIM);
	if (f->error != NULL) {
		err = xasprintf("\xe2\x86\xb3 %s", form_error_text(f));
		ui_wrap(y + 1, 25, ui_cols(ui) - 26, 2, 0, err, STYLE_ERROR);
		free(err);
	}
}

static void
form_draw(struct ui *ui, void *state)
{
	struct form	*fm = state;
	int		 rows = ui_body_rows(ui) - 2, top = ui_body_top(ui) + 1;
	int		 i, r, fr;

	ui_put(top - 1, 2, fm->id == 0 ? _("Register a household that has "
	    "moved in. F2 saves.") : _("Change the household. F2 saves."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	fr = form_layout_row(fm, fm->focus);
	if (fr < fm->top)
		fm->top = fr > 0 ? fr - 1 : 0;
	if (fr + form_rows(fm, fm->focus) > fm->top + rows)
		fm->top = fr + form_rows(fm, fm->focus) - rows;
	for (i = 0; i < FLD_COUNT; i++) {
		fm->f[i].row = -1;
		if (!form_visible(fm, i))
			continue;
		r = form_layout_row(fm, i) - fm->top;
		if (r >= 0 && r + form_rows(fm, i) <= rows)
			form_draw_field(ui, fm, i, top + r);
	}
}

static int
form_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct form	*fm = state;
	struct field	*f = &fm->f[fm->focus];

	(void)ui;
	if (f->row < 0)
		return -1;
	*y = f->row;
	*x = f->col;
	return 0;
}

/* Move the focus to the next (dir 1) or previous (-1) visible field. */
static void
form_move(struct ui *ui, struct form *fm, int dir)
{
	int	i = fm->focus;

	do {
		i += dir;
	} while (i >= 0 && i < FLD_COUNT && !form_visible(fm, i));
	if (i < 0 || i >= FLD_COUNT) {
		if (dir > 0)
			ui_message(ui, "%s", _("That was the last field. "
			    "Press F2 to save."));
		return;
	}
	fm->focus = i;
}

/* Called by the pick list: put the chosen name into the focused field. */
static void
form_picked(struct ui *ui, void *ctx, int chosen)
{
	struct form	*fm = ctx;
	struct field	*f = &fm->f[fm->focus];

	util_edit_set(&f->e, fm->pick_items[chosen]);
	util_edit_end(&f->e);
	form_clear_error(f);
	fm->dirty = 1;
	form_move(ui, fm, 1);
}

/* Open the pick list for the department or stairwell field. */
static void
form_pick(struct ui *ui, struct form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = form_picked, .ctx = fm,
				    .initial = 0 };
	char			*now = util_edit_text(&fm->f[fm->focus].e);
	size_t			 i;
	int			 d;

	free(fm->pick_items);
	fm->pick_items = xcalloc(c->ndepartments + c->nstairwells + 1,
	    sizeof *fm->pick_items);
	if (fm->focus == FLD_DEPT) {
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

/* Set the error of field i (an English sentence for _()). */
static int
form_set_error(struct form *fm, int i, const char *error)
{
	form_clear_error(&fm->f[i]);
	fm->f[i].error = error;
	return error != NULL;
}

/* Set an error made here (already translated, xmalloc'd). */
static int
form_set_error_own(struct form *fm, int i, char *error)
{
	form_clear_error(&fm->f[i]);
	fm->f[i].error = "";
	fm->f[i].error_own = error;
	return 1;
}

/* Check the department and stairwell fields. */
static int
form_check_place(struct ui *ui, struct form *fm)
{
	const struct conf	*c = ui_conf(ui);
	char			*s = form_clean(fm, FLD_STAIR);
	int			 d = form_department(ui, fm), bad = 0;

	if (fm->f[FLD_DEPT].e.len == 0)
		bad += form_set_error(fm, FLD_DEPT, N_("Pick a department "
		    "(press Enter)."));
	else if (d < 0)
		bad += form_set_error(fm, FLD_DEPT, N_("There is no "
		    "department with that name. Press Enter to pick one."));
	else if (!ui_sees_department(ui, c->departments[d].key))
		bad += form_set_error(fm, FLD_DEPT, N_("Your login registers "
		    "households of its own departments only. Press Enter to "
		    "pick one."));
	if (s[0] == '\0')
		bad += form_set_error(fm, FLD_STAIR, N_("Pick a stairwell "
		    "(press Enter)."));
	else if (d >= 0 && cfg_stairwell_find(c, d, s) < 0 &&
	    !(fm->id > 0 && strcmp(s, fm->orig.stairwell) == 0))
		bad += form_set_error_own(fm, FLD_STAIR, xasprintf(_("There "
		    "is no stairwell \"%s\" in %s. Press Enter to pick one."),
		    s, c->departments[d].name));
	free(s);
	return bad;
}

/* Check a date field; *day gets the date. */
static int
form_check_date(struct form *fm, int i, long *day)
{
	char		*t = util_edit_text(&fm->f[i].e);
	enum date_err	 e = util_date_parse(t, day);

	free(t);
	return form_set_error(fm, i, e == DATE_OK ? NULL :
	    util_date_errstr(e));
}

/* Check a text field with a core check, as it will be stored. */
static int
form_check_text(struct form *fm, int i, const char *(*check)(const char *))
{
	char	*t = util_edit_text(&fm->f[i].e), *c = core_clean_text(t);
	int	 bad;

	bad = form_set_error(fm, i, check(c != NULL ? c : t));
	free(c);
	free(t);
	return bad;
}

/* Check the names: at least one, each a name. */
static int
form_check_members(struct form *fm)
{
	int	i, bad = 0, any = 0;

	for (i = FLD_MEMBER; i <= FLD_MEMBER_LAST; i++) {
		form_clear_error(&fm->f[i]);
		if (fm->f[i].e.len == 0)
			continue;
		any = 1;
		bad += form_check_text(fm, i, core_check_name);
	}
	if (!any)
		bad += form_set_error(fm, FLD_MEMBER,
		    N_("Write the name of at least one person who moved in."));
	return bad;
}

/* Check consent and the contact fields that need it. */
static int
form_check_contact(struct form *fm)
{
	static const char *const need = N_("Phone and languages are kept "
	    "only with consent. Tick consent, or clear this field.");
	long	day;
	int	bad = 0, consent = fm->f[FLD_CONSENT].checked;

	form_clear_error(&fm->f[FLD_CONSENT_ON]);
	form_clear_error(&fm->f[FLD_CONSENT_BY]);
	if (consent) {
		if (!(bad += form_check_date(fm, FLD_CONSENT_ON, &day)) &&
		    day > util_today())
			bad += form_set_error(fm, FLD_CONSENT_ON,
			    N_("Consent cannot be given on a day that has not "
			    "come yet."));
		bad += form_check_text(fm, FLD_CONSENT_BY, core_check_name);
	}
	if (!consent && fm->f[FLD_PHONE].e.len > 0)
		bad += form_set_error(fm, FLD_PHONE, need);
	else
		bad += form_check_text(fm, FLD_PHONE, core_check_phone);
	if (!consent && fm->f[FLD_LANGUAGES].e.len > 0)
		bad += form_set_error(fm, FLD_LANGUAGES, need);
	else
		bad += form_check_text(fm, FLD_LANGUAGES,
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
	bad += form_check_text(fm, FLD_FLAT, core_check_flat);
	if (!(bad += form_check_date(fm, FLD_MOVED_IN, &in))) {
		out = fm->id > 0 ? fm->orig.moved_out : DATE_NONE;
		bad += form_set_error(fm, FLD_MOVED_IN,
		    core_check_move_dates(in, out, util_today()));
	}
	bad += form_check_members(fm);
	bad += form_check_contact(fm);
	bad += form_check_text(fm, FLD_NOTES, core_check_notes);
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
	h->stairwell = form_clean(fm, FLD_STAIR);
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
		h->languages = form_text(fm, FLD_LANGUAGES);
	}
	h->notes = form_text(fm, FLD_NOTES);
}

/* Focus the first field with an error. */
static void
form_focus_error(struct form *fm)
{
	int	i;

	for (i = 0; i < FLD_COUNT; i++) {
		if (fm->f[i].error != NULL && form_visible(fm, i)) {
			fm->focus = i;
			return;
		}
	}
}

/* Check and save; returns UI_POP when saved. */
static int
form_save(struct ui *ui, struct form *fm)
{
	struct household	h;
	enum db_status		st;
	int			bad;

	if (fm->id < 0)
		return 0;
	if ((bad = form_check(ui, fm)) > 0) {
		form_focus_error(fm);
		ui_error(ui, bad == 1 ? _("One field needs a change; nothing "
		    "is saved yet.") : _("%d fields need a change; nothing is "
		    "saved yet."), bad);
		return 0;
	}
	form_household(ui, fm, &h);
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
	else
		ui_message(ui, _("Saved: household %ld is in the register."),
		    h.id);
	db_household_clear(&h);
	return UI_POP;
}

/* Esc: leave at once when nothing changed, else on the second Esc. */
static int
form_back(struct ui *ui, struct form *fm)
{
	if (!fm->dirty || fm->leaving)
		return UI_POP;
	fm->leaving = 1;
	ui_error(ui, "%s", _("You have changed the form. Press Esc again to "
	    "leave without saving, or F2 to save."));
	return 0;
}

static int
form_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct form	*fm = state;
	struct field	*f = &fm->f[fm->focus];
	enum ui_action	 a = ui_key_action(k, form_keys);
	int		 flags = UI_REDRAW | UI_HANDLED;

	if (a != ACT_BACK)
		fm->leaving = 0;
	switch (a) {
	case ACT_SAVE:
		return flags | form_save(ui, fm);
	case ACT_BACK:
		return flags | form_back(ui, fm);
	case ACT_NEXT_FIELD:
		form_move(ui, fm, 1);
		return flags;
	case ACT_PREV_FIELD:
		form_move(ui, fm, -1);
		return flags;
	case ACT_PICK:
		if (f->kind == F_CHOICE)
			form_pick(ui, fm);
		else
			form_move(ui, fm, 1);
		return flags;
	case ACT_TOGGLE:
		if (f->kind != F_CHECK)
			break;
		f->checked = !f->checked;
		fm->dirty = 1;
		return flags;
	default:
		break;
	}
	if (f->kind == F_CHECK || !ui_edit_key(&f->e, k))
		return 0;
	fm->dirty = 1;
	form_clear_error(f);
	return flags;
}

/* A click on a field focuses it. */
static int
form_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct form	*fm = state;
	int		 i;

	(void)ui;
	(void)x;
	(void)twice;
	for (i = 0; i < FLD_COUNT; i++) {
		if (fm->f[i].row == y) {
			fm->focus = i;
			return UI_REDRAW | UI_HANDLED;
		}
	}
	return 0;
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
	    "and languages. Never write a CPR number anywhere.\n\n"
	    "F2 (or Ctrl-S) saves. If something is wrong, the field says "
	    "what, and everything you typed stays."),
	.init = form_init,
	.draw = form_draw,
	.key = form_key,
	.free = form_free,
	.cursor = form_cursor,
	.actions_now = form_actions_now,
	.click = form_click,
};
