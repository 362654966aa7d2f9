/*
 * screen-account-form.c — add a login account (an admin any, the
 * secretariat an ambassador's), or give one a new PIN or password.  The secret is typed twice into hidden fields (a star
 * for each character); the buffers that held it are wiped.  As in every
 * form, a wrong field keeps its text and says what is wrong beside it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define FA_SECRET_MAX	128	/* characters a hidden field takes */
#define FA_AMB_WINDOW	200

enum fa_id {
	FA_LOGIN, FA_ROLE, FA_DEPTS, FA_AMB, FA_SECRET, FA_AGAIN, FA_COUNT
};

struct acct_form {
	long			 id;		/* a new secret for it, or 0 */
	char			*login;		/* whose (a new secret) */
	enum role		 role;
	long			 amb;		/* tied ambassador, or 0 */
	char			*amb_name;
	struct ui_field		 f[FA_COUNT];
	struct ui_form		 form;
	const char		**pick;
	enum role		 roles[3];	/* the roles who may add */
	size_t			 nroles;
	struct ambassador_row	*ambs;
	size_t			 nambs;
	char			**amb_items;
};

static const enum ui_action fa_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action fa_keys[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK, ACT_NONE
};

static const enum role fa_roles[] = {
	ROLE_AMBASSADOR, ROLE_SECRETARIAT, ROLE_ADMIN
};
#define FA_NROLES	(sizeof fa_roles / sizeof fa_roles[0])

/* 1 if field i is shown: a new secret shows only the hidden fields, and
 * departments and ambassador are for ambassadors' logins. */
static int
fa_visible(const void *ctx, int i)
{
	const struct acct_form	*fm = ctx;

	if (fm->id != 0)
		return i == FA_SECRET || i == FA_AGAIN;
	if (i == FA_DEPTS || i == FA_AMB)
		return fm->role == ROLE_AMBASSADOR;
	return 1;
}

/* Open the form: a new login, or a new secret for the account arg. */
static void *
fa_init(struct ui *ui, void *arg)
{
	struct acct_form	*fm = xcalloc(1, sizeof *fm);
	struct ui_form		*uf = &fm->form;
	const struct account	*a = arg;
	size_t			 i;

	uf->f = fm->f;
	uf->n = FA_COUNT;
	uf->error_lines = 2;
	uf->leave = N_("You have typed in the form. Press Esc again to leave "
	    "without saving, or F2 to save.");
	uf->visible = fa_visible;
	uf->ctx = fm;
	fm->role = ROLE_AMBASSADOR;
	for (i = 0; i < FA_NROLES; i++)
		if (core_may_account(ui_who(ui)->role, ACCOUNT_ADD,
		    fa_roles[i]))
			fm->roles[fm->nroles++] = fa_roles[i];
	if (a != NULL) {
		fm->id = a->id;
		fm->login = xstrdup(a->login);
		fm->role = a->role;
	}
	ui_form_field(uf, FA_LOGIN, UI_FIELD_TEXT, NULL, "", ACCOUNT_LOGIN_MAX);
	ui_form_field(uf, FA_ROLE, UI_FIELD_PICKED, NULL, "", 0);
	ui_form_field(uf, FA_DEPTS, UI_FIELD_CHOICE, NULL, "", 400);
	ui_form_field(uf, FA_AMB, UI_FIELD_PICKED, NULL, "", 0);
	ui_form_secret(uf, FA_SECRET, NULL, FA_SECRET_MAX);
	ui_form_secret(uf, FA_AGAIN, NULL, FA_SECRET_MAX);
	uf->focus = fm->id != 0 ? FA_SECRET : FA_LOGIN;
	return fm;
}

/* Forget the ambassadors read for the pick list. */
static void
fa_free_ambs(struct acct_form *fm)
{
	size_t	i;

	for (i = 0; i < fm->nambs; i++)
		free(fm->amb_items[i]);
	free(fm->amb_items);
	fm->amb_items = NULL;
	db_ambassador_rows_free(fm->ambs, fm->nambs);
	fm->ambs = NULL;
	fm->nambs = 0;
}

/* Close the form; the hidden fields are wiped. */
static void
fa_free(void *state)
{
	struct acct_form	*fm = state;

	ui_form_free(&fm->form);
	fa_free_ambs(fm);
	free(fm->pick);
	free(fm->login);
	free(fm->amb_name);
	free(fm);
}

/* The label of field i (translated). */
static const char *
fa_label(const struct acct_form *fm, int i)
{
	int	pin = fm->role == ROLE_AMBASSADOR;

	switch (i) {
	case FA_LOGIN:	return _("Login");
	case FA_ROLE:	return _("Role");
	case FA_DEPTS:	return _("Departments");
	case FA_AMB:	return _("Ambassador");
	case FA_SECRET:	return pin ? _("PIN") : _("Password");
	default:	return pin ? _("PIN again") : _("Password again");
	}
}

/* What a choice field shows (translated). */
static const char *
fa_choice_text(const struct acct_form *fm, int i)
{
	if (i == FA_ROLE)
		return _(core_role_label(fm->role));
	return fm->amb != 0 ? fm->amb_name : _("none");
}

/* Draw field i at screen row y, with a hint beside the focused one. */
static void
fa_draw_field(struct ui *ui, struct acct_form *fm, int i, int y)
{
	struct ui_field	*f = &fm->f[i];

	if (f->kind == UI_FIELD_PICKED)
		f->shows = fa_choice_text(fm, i);
	ui_form_draw_field(ui, &fm->form, i, y, fa_label(fm, i),
	    f->kind == UI_FIELD_SECRET ? 24 : ui_cols(ui) - 41);
	if (i == fm->form.focus && (f->kind == UI_FIELD_PICKED ||
	    f->kind == UI_FIELD_CHOICE))
		ui_put(y, ui_cols(ui) - 15, _("Enter: pick"), 14, 0, STYLE_DIM);
}

/* Draw the form. */
static void
fa_draw(struct ui *ui, void *state)
{
	struct acct_form	*fm = state;
	char			*s;
	int			 top = ui_body_top(ui), i, y;

	if (fm->id != 0)
		s = fm->role == ROLE_AMBASSADOR ? xasprintf(_("A new PIN for "
		    "%s: 4 to 8 digits. It also lifts a lock. F2 saves."),
		    fm->login) : xasprintf(_("A new password for %s: at "
		    "least 10 characters. It also lifts a lock. F2 saves."),
		    fm->login);
	else if (fm->nroles == 1)
		s = xstrdup(_("A new login for an ambassador, with a PIN of 4 to "
		    "8 digits. F2 saves."));
	else
		s = xstrdup(_("A new login. An ambassador's PIN has 4 to 8 "
		    "digits; a password for the secretariat or an admin at "
		    "least 10 characters. F2 saves."));
	ui_wrap(top, 2, ui_cols(ui) - 4, 2, 0, s, STYLE_DIM);
	free(s);
	for (i = 0; i < FA_COUNT; i++)
		if ((y = ui_form_place(&fm->form, i, top + 3,
		    ui_body_rows(ui) - 3)) >= 0)
			fa_draw_field(ui, fm, i, y);
}

/* The cursor: in the focused field (none on a picked one). */
static int
fa_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct acct_form	*fm = state;

	(void)ui;
	return ui_form_cursor(&fm->form, y, x);
}

/* Set the role; a secret typed for another role must be checked anew. */
static void
fa_set_role(struct acct_form *fm, enum role r)
{
	if (r != fm->role) {
		ui_form_clear_error(&fm->form, FA_SECRET);
		ui_form_clear_error(&fm->form, FA_AGAIN);
	}
	fm->role = r;
	fm->form.dirty = 1;
}

/* Called by the pick lists. */
static void
fa_picked(struct ui *ui, void *ctx, int chosen)
{
	struct acct_form	*fm = ctx;
	const struct conf	*c = ui_conf(ui);
	struct ui_field		*f = &fm->f[fm->form.focus];
	char			*t, *s;
	int			 d;

	fm->form.dirty = 1;
	ui_form_clear_error(&fm->form, fm->form.focus);
	if (fm->form.focus == FA_ROLE) {
		fa_set_role(fm, fm->roles[chosen]);
		return;
	}
	if (fm->form.focus == FA_DEPTS) {
		t = util_edit_text(&f->e);
		s = xasprintf("%s%s%s", t, t[0] != '\0' ? ", " : "",
		    fm->pick[chosen]);
		util_edit_set(&f->e, s);
		free(s);
		free(t);
		return;
	}
	free(fm->amb_name);
	fm->amb_name = NULL;
	fm->amb = chosen > 0 ? fm->ambs[chosen - 1].id : 0;
	if (fm->amb == 0)
		return;
	fm->amb_name = xstrdup(fm->ambs[chosen - 1].name);
	d = cfg_department_find(c, fm->ambs[chosen - 1].department);
	if (fm->f[FA_DEPTS].e.len == 0 && d >= 0)
		util_edit_set(&fm->f[FA_DEPTS].e, c->departments[d].name);
}

/* Read the ambassadors for the pick list; 0, or -1 (said why). */
static int
fa_read_ambs(struct ui *ui, struct acct_form *fm)
{
	struct ambassador_query	 q = { .status = -1, .today = DATE_NONE };
	struct ambassador_row	*more;
	size_t			 n;

	fa_free_ambs(fm);
	do {
		if (db_ambassador_list(ui_db(ui), ui_who(ui), &q,
		    fm->nambs > 0 ? &fm->ambs[fm->nambs - 1] : NULL,
		    FA_AMB_WINDOW, &more, &n) != DB_OK) {
			ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
			return -1;
		}
		fm->ambs = xreallocarray(fm->ambs, fm->nambs + n + 1,
		    sizeof *fm->ambs);
		memcpy(fm->ambs + fm->nambs, more, n * sizeof *more);
		free(more);
		fm->nambs += n;
	} while (n == FA_AMB_WINDOW);
	return 0;
}

/* The pick list of ambassadors: none first. */
static void
fa_pick_amb(struct ui *ui, struct acct_form *fm, struct ui_pick *p)
{
	const struct conf	*c = ui_conf(ui);
	size_t			 i;
	int			 d;

	if (fa_read_ambs(ui, fm) != 0)
		return;
	fm->pick = xcalloc(fm->nambs + 1, sizeof *fm->pick);
	fm->amb_items = xcalloc(fm->nambs + 1, sizeof *fm->amb_items);
	p->title = _("Which ambassador is this login for?");
	fm->pick[p->n++] = _("None");
	for (i = 0; i < fm->nambs; i++) {
		d = cfg_department_find(c, fm->ambs[i].department);
		fm->amb_items[i] = xasprintf("%s (%s)", fm->ambs[i].name,
		    d >= 0 ? c->departments[d].shortname :
		    fm->ambs[i].department);
		if (fm->ambs[i].id == fm->amb)
			p->initial = (int)p->n;
		fm->pick[p->n++] = fm->amb_items[i];
	}
	p->items = fm->pick;
	ui_push(ui, &screen_pick, p);
}

/* Say why the role cannot be changed: only an admin adds the
 * secretariat's and admins' logins. */
static void
fa_one_role(struct ui *ui)
{
	ui_error(ui, "%s", _(core_account_refusal(ui_who(ui)->role,
	    ACCOUNT_ADD, ROLE_SECRETARIAT)));
}

/* Open the pick list of the focused field. */
static void
fa_pick(struct ui *ui, struct acct_form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = fa_picked, .ctx = fm };
	size_t			 i;

	free(fm->pick);
	fm->pick = NULL;
	if (fm->form.focus == FA_AMB) {
		fa_pick_amb(ui, fm, &p);
		return;
	}
	if (fm->form.focus == FA_ROLE && fm->nroles < 2) {
		fa_one_role(ui);
		return;
	}
	fm->pick = xcalloc(c->ndepartments + FA_NROLES + 1, sizeof *fm->pick);
	if (fm->form.focus == FA_ROLE) {
		p.title = _("Which role?");
		for (i = 0; i < fm->nroles; i++) {
			if (fm->roles[i] == fm->role)
				p.initial = (int)i;
			fm->pick[p.n++] = _(core_role_label(fm->roles[i]));
		}
	} else {
		p.title = _("Add a department this login sees");
		for (i = 0; i < c->ndepartments; i++)
			fm->pick[p.n++] = c->departments[i].name;
	}
	p.items = fm->pick;
	ui_push(ui, &screen_pick, &p);
}

/* 1 if department index d is in a already. */
static int
fa_has_dept(const struct conf *c, const struct account *a, int d)
{
	size_t	i;

	for (i = 0; i < a->ndepartments; i++)
		if (strcmp(a->departments[i], c->departments[d].key) == 0)
			return 1;
	return 0;
}

/* Split and check the departments into a (keys, new); 1 if wrong. */
static int
fa_check_depts(struct ui *ui, struct acct_form *fm, struct account *a)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_form		*uf = &fm->form;
	char			*t = util_edit_text(&fm->f[FA_DEPTS].e), *p;
	char			*next, *s;
	int			 bad = 0, d;

	ui_form_clear_error(uf, FA_DEPTS);
	for (p = t; *p != '\0' && !bad; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		else
			next = p + strlen(p);
		if ((s = core_clean_text(p)) == NULL || s[0] == '\0') {
			free(s);
			continue;
		}
		if ((d = cfg_department_find(c, s)) < 0)
			bad = ui_form_error_own(uf, FA_DEPTS, xasprintf(
			    _("There is no department \"%s\". Press Enter to "
			    "pick one."), s));
		else if (fa_has_dept(c, a, d))
			bad = ui_form_error_own(uf, FA_DEPTS, xasprintf(
			    _("\"%s\" is written twice."), s));
		else if (a->ndepartments == WHO_MAX_DEPARTMENTS)
			bad = ui_form_error(uf, FA_DEPTS, N_("That is too many "
			    "departments for one login."));
		else
			a->departments[a->ndepartments++] =
			    xstrdup(c->departments[d].key);
		free(s);
	}
	free(t);
	if (!bad && a->ndepartments == 0 && fm->amb == 0)
		bad = ui_form_error(uf, FA_DEPTS, N_("Pick at least one "
		    "department (press Enter)."));
	return bad;
}

/* 1 if login may be a login: letters a to z, digits, and . _ - after
 * the first (the rule the database keeps too). */
static int
fa_login_chars(const char *login)
{
	size_t	i;
	char	c;

	for (i = 0; login[i] != '\0'; i++) {
		c = login[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			continue;
		if (i == 0 || (c != '.' && c != '_' && c != '-'))
			return 0;
	}
	return 1;
}

/* Check the login; 1 if wrong. */
static int
fa_check_login(struct acct_form *fm, struct account *a)
{
	struct ui_form	*uf = &fm->form;
	char		*t = util_edit_text(&fm->f[FA_LOGIN].e);

	a->login = core_clean_text(t);
	free(t);
	if (a->login == NULL || a->login[0] == '\0')
		return ui_form_error(uf, FA_LOGIN, N_("Type a login: letters "
		    "and digits, such as birgit or lene2."));
	if (strchr(a->login, ' ') != NULL)
		return ui_form_error(uf, FA_LOGIN, N_("A login has no spaces. "
		    "Use . _ or - between words."));
	if (strlen(a->login) > ACCOUNT_LOGIN_MAX)
		return ui_form_error(uf, FA_LOGIN, N_("The login is too "
		    "long."));
	if (!fa_login_chars(a->login))
		return ui_form_error(uf, FA_LOGIN, N_("A login has only the "
		    "letters a to z, digits and . _ - and starts with a letter "
		    "or a digit."));
	return ui_form_error(uf, FA_LOGIN, core_check_login(a->login));
}

/* A login or an ambassador that has an account already, said beside its
 * field; how many.  (The database refuses them too; this says where.) */
static int
fa_check_taken(struct ui *ui, struct acct_form *fm, const struct account *a)
{
	struct account	*rows;
	size_t		 n, i;
	int		 bad = 0;

	if (db_account_list(ui_db(ui), ui_who(ui), &rows, &n) != DB_OK)
		return 0;	/* saving says what is wrong */
	for (i = 0; i < n; i++) {
		if (fm->f[FA_LOGIN].error == NULL && a->login != NULL &&
		    strcasecmp(rows[i].login, a->login) == 0)
			bad += ui_form_error_own(&fm->form, FA_LOGIN,
			    xasprintf(_("The login %s is taken. Choose "
			    "another."), rows[i].login));
		if (a->ambassador != 0 && rows[i].ambassador == a->ambassador &&
		    fm->f[FA_AMB].error == NULL)
			bad += ui_form_error_own(&fm->form, FA_AMB, xasprintf(
			    _("%s has the login %s already. Pick another, or "
			    "None."),
			    fm->amb_name != NULL ? fm->amb_name : "",
			    rows[i].login));
	}
	db_accounts_free(rows, n);
	return bad;
}

/* Check the secret typed twice into *secret (new; wipe it); 1 if wrong. */
static int
fa_check_secret(struct acct_form *fm, char **secret)
{
	struct ui_form	*uf = &fm->form;
	char		*again;
	int		 bad;

	*secret = util_edit_text(&fm->f[FA_SECRET].e);
	again = util_edit_text(&fm->f[FA_AGAIN].e);
	bad = ui_form_error(uf, FA_SECRET, core_check_secret(fm->role,
	    *secret));
	if (!bad && strcmp(*secret, again) != 0)
		bad = ui_form_error(uf, FA_AGAIN, fm->role == ROLE_AMBASSADOR ?
		    N_("The two PINs are not the same. Type it again.") :
		    N_("The two passwords are not the same. Type it again."));
	else
		ui_form_error(uf, FA_AGAIN, NULL);
	core_secret_wipe(again, strlen(again));
	free(again);
	if (bad) {
		ui_form_wipe(uf, FA_AGAIN);
		if (fm->f[FA_SECRET].error != NULL)
			ui_form_wipe(uf, FA_SECRET);
	}
	return bad;
}

/* Check every field into a; how many are wrong. */
static int
fa_check(struct ui *ui, struct acct_form *fm, struct account *a,
    char **secret)
{
	int	bad = 0;

	memset(a, 0, sizeof *a);
	a->id = fm->id;
	a->role = fm->role;
	if (fm->id == 0) {
		bad += fa_check_login(fm, a);
		ui_form_error(&fm->form, FA_AMB, NULL);
		if (fm->role == ROLE_AMBASSADOR) {
			bad += fa_check_depts(ui, fm, a);
			a->ambassador = fm->amb;
		}
		bad += fa_check_taken(ui, fm, a);
	}
	bad += fa_check_secret(fm, secret);
	return bad;
}

/* The policy accounts are protected by. */
static void
fa_policy(struct ui *ui, struct account_policy *p)
{
	const struct conf	*c = ui_conf(ui);

	p->lockout.max_failures = c->lock_failures;
	p->lockout.lock_seconds = c->lock_minutes * 60L;
	p->cost = (enum secret_cost)c->hash_cost;
}

/* Say what was saved. */
static void
fa_saved(struct ui *ui, struct acct_form *fm, const struct account *a)
{
	if (fm->id == 0)
		ui_message(ui, _("The login %s is added (%s)."), a->login,
		    _(core_role_label(a->role)));
	else if (fm->role == ROLE_AMBASSADOR)
		ui_message(ui, _("%s has a new PIN and can log in with it."),
		    fm->login);
	else
		ui_message(ui, _("%s has a new password and can log in with "
		    "it."), fm->login);
}

/* Check and save; UI_POP when saved. */
static int
fa_save(struct ui *ui, struct acct_form *fm)
{
	struct account_policy	 p;
	struct account		 a;
	enum db_status		 st;
	char			*secret = NULL;
	int			 bad;

	if ((bad = fa_check(ui, fm, &a, &secret)) > 0)
		ui_form_refused(ui, &fm->form, bad);
	else {
		fa_policy(ui, &p);
		st = fm->id != 0 ? db_account_reset(ui_db(ui), ui_who(ui),
		    fm->id, secret, &p) : db_account_add(ui_db(ui),
		    ui_who(ui), &a, secret, &p);
		if (st == DB_OK)
			fa_saved(ui, fm, &a);
		else
			ui_error(ui, "%s %s", _(db_errmsg(ui_db(ui))),
			    _("The form is kept."));
		bad = st != DB_OK;
	}
	core_secret_wipe(secret, strlen(secret));
	free(secret);
	db_account_clear(&a);
	return bad ? 0 : UI_POP;
}

/* Keys of the choice fields: Space changes the role, Backspace unties. */
static int
fa_key_choice(struct ui *ui, struct acct_form *fm,
    const struct ui_keypress *k)
{
	static const enum ui_action toggle[] = { ACT_TOGGLE, ACT_NONE };
	static const enum ui_action erase[] = {
		ACT_EDIT_BACKSPACE, ACT_EDIT_DELETE, ACT_NONE
	};
	size_t	i;

	if (fm->form.focus == FA_ROLE &&
	    ui_key_action(k, toggle) == ACT_TOGGLE) {
		if (fm->nroles < 2) {
			fa_one_role(ui);
			return UI_REDRAW | UI_HANDLED;
		}
		for (i = 0; i < fm->nroles && fm->roles[i] != fm->role; i++)
			;
		fa_set_role(fm, fm->roles[(i + 1) % fm->nroles]);
		return UI_REDRAW | UI_HANDLED;
	}
	if (fm->form.focus == FA_AMB && ui_key_action(k, erase) != ACT_NONE) {
		fm->amb = 0;
		free(fm->amb_name);
		fm->amb_name = NULL;
		fm->form.dirty = 1;
		ui_form_clear_error(&fm->form, FA_AMB);
		return UI_REDRAW | UI_HANDLED;
	}
	return 0;
}

/* A key in the form. */
static int
fa_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct acct_form	*fm = state;
	struct ui_field		*f = &fm->f[fm->form.focus];
	enum ui_action		 a = ui_key_action(k, fa_keys);
	int			 flags;

	if (a == ACT_PICK && fm->form.focus == FA_AGAIN)
		a = ACT_SAVE;	/* Enter on the last field saves */
	if ((flags = ui_form_key(ui, &fm->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | fa_save(ui, fm);
	if (a == ACT_PICK) {
		fa_pick(ui, fm);
		return flags;
	}
	if (f->kind == UI_FIELD_PICKED)
		return fa_key_choice(ui, fm, k);
	return ui_form_edit_key(&fm->form, k);
}

const struct screen screen_account_form = {
	.name = "account-form",
	.title = N_("Account"),
	.actions = fa_actions,
	.help = N_("Add a login, or give one a new PIN or password.\n\n"
	    "Login: letters and digits, such as birgit; it is what the "
	    "person types to log in (never anything like a CPR number). "
	    "Role: press Enter and pick (or Space): an ambassador sees the "
	    "households of their departments, the secretariat sees "
	    "everything, an admin also looks after the logins. The "
	    "secretariat adds ambassadors' logins only. Departments (ambassadors only): press Enter to add one "
	    "from the list, again for the next. Ambassador: press Enter to "
	    "pick the ambassador this login belongs to, or None.\n\n"
	    "Type the PIN or password twice; only stars are shown. F2 (or "
	    "Ctrl-S) saves. If something is wrong, the field says what, and "
	    "everything else you typed stays."),
	.init = fa_init,
	.draw = fa_draw,
	.key = fa_key,
	.free = fa_free,
	.cursor = fa_cursor,
};
