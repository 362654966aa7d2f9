/*
 * screen-account-form.c — add a login account (admin), or give one a new
 * PIN or password.  The secret is typed twice into hidden fields (a star
 * for each character); the buffers that held it are wiped.  As in every
 * form, a wrong field keeps its text and says what is wrong beside it.
 */
#include <curses.h>
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

enum fa_kind { FA_TEXT, FA_CHOICE, FA_LIST, FA_HIDDEN };

enum fa_id {
	FA_LOGIN, FA_ROLE, FA_DEPTS, FA_AMB, FA_SECRET, FA_AGAIN, FA_COUNT
};

struct fa_field {
	enum fa_kind	 kind;
	struct edit	 e;
	const char	*error;		/* N_() */
	char		*error_own;	/* translated, made here */
	int		 row, col;
};

struct acct_form {
	long			 id;		/* a new secret for it; 0: add */
	char			*login;		/* whose (a new secret) */
	enum role		 role;
	long			 amb;		/* tied ambassador, or 0 */
	char			*amb_name;
	struct fa_field		 f[FA_COUNT];
	int			 focus, dirty, leaving;
	const char		**pick;
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

/* A hidden field whose buffer never moves, so no copy is left behind. */
static void
fa_hidden_init(struct edit *e)
{
	char	fill[FA_SECRET_MAX + 1];

	memset(fill, 'x', FA_SECRET_MAX);
	fill[FA_SECRET_MAX] = '\0';
	util_edit_init(e, fill, FA_SECRET_MAX);
	util_edit_set(e, "");
}

/* Wipe what a hidden field holds. */
static void
fa_hidden_wipe(struct edit *e)
{
	if (e->buf != NULL) {
		core_secret_wipe(e->buf, e->cap * sizeof *e->buf);
		e->buf[0] = L'\0';
	}
	e->len = e->cur = 0;
	e->scroll = 0;
}

static void *
fa_init(struct ui *ui, void *arg)
{
	struct acct_form	*fm = xcalloc(1, sizeof *fm);
	const struct account	*a = arg;
	int			 i;

	(void)ui;
	fm->role = ROLE_AMBASSADOR;
	if (a != NULL) {
		fm->id = a->id;
		fm->login = xstrdup(a->login);
		fm->role = a->role;
	}
	for (i = 0; i < FA_COUNT; i++)
		fm->f[i].kind = FA_TEXT;
	fm->f[FA_ROLE].kind = FA_CHOICE;
	fm->f[FA_DEPTS].kind = FA_LIST;
	fm->f[FA_AMB].kind = FA_CHOICE;
	fm->f[FA_SECRET].kind = fm->f[FA_AGAIN].kind = FA_HIDDEN;
	util_edit_init(&fm->f[FA_LOGIN].e, "", ACCOUNT_LOGIN_MAX);
	util_edit_init(&fm->f[FA_ROLE].e, "", 0);
	util_edit_init(&fm->f[FA_DEPTS].e, "", 400);
	util_edit_init(&fm->f[FA_AMB].e, "", 0);
	fa_hidden_init(&fm->f[FA_SECRET].e);
	fa_hidden_init(&fm->f[FA_AGAIN].e);
	fm->focus = fm->id != 0 ? FA_SECRET : FA_LOGIN;
	return fm;
}

/* Forget the error of a field. */
static void
fa_clear_error(struct fa_field *f)
{
	free(f->error_own);
	f->error_own = NULL;
	f->error = NULL;
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

static void
fa_free(void *state)
{
	struct acct_form	*fm = state;
	int			 i;

	fa_hidden_wipe(&fm->f[FA_SECRET].e);
	fa_hidden_wipe(&fm->f[FA_AGAIN].e);
	for (i = 0; i < FA_COUNT; i++) {
		util_edit_free(&fm->f[i].e);
		fa_clear_error(&fm->f[i]);
	}
	fa_free_ambs(fm);
	free(fm->pick);
	free(fm->login);
	free(fm->amb_name);
	free(fm);
}

/* 1 if field i is shown: a new secret shows only the hidden fields, and
 * departments and ambassador are for ambassadors' logins. */
static int
fa_visible(const struct acct_form *fm, int i)
{
	if (fm->id != 0)
		return i == FA_SECRET || i == FA_AGAIN;
	if (i == FA_DEPTS || i == FA_AMB)
		return fm->role == ROLE_AMBASSADOR;
	return 1;
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

/* The error of a field as shown, or NULL. */
static const char *
fa_error(const struct fa_field *f)
{
	if (f->error == NULL)
		return NULL;
	return f->error_own != NULL ? f->error_own : _(f->error);
}

/* What a choice field shows (translated). */
static const char *
fa_choice_text(const struct acct_form *fm, int i)
{
	if (i == FA_ROLE)
		return _(core_role_label(fm->role));
	return fm->amb != 0 ? fm->amb_name : _("none");
}

/* Draw field i at screen row y; returns the rows it took (what is wrong
 * wraps under the field, two lines at most). */
static int
fa_draw_field(struct ui *ui, struct acct_form *fm, int i, int y)
{
	struct fa_field	*f = &fm->f[i];
	int		 focus = i == fm->focus, w = ui_cols(ui) - 41, n = 0;
	enum ui_style	 st = focus ? STYLE_FIELD_FOCUS : STYLE_FIELD;
	char		*err;

	ui_put(y, 2, fa_label(fm, i), 22, 1, focus ? STYLE_HEADER :
	    STYLE_LABEL);
	if (f->kind == FA_HIDDEN)
		f->col = ui_put_hidden(y, 25, &f->e, 24, st);
	else if (f->kind == FA_CHOICE) {
		ui_put(y, 25, fa_choice_text(fm, i), w, 1, st);
		f->col = -1;
	} else
		f->col = ui_put_edit(y, 25, &f->e, w, st);
	f->row = y;
	if (focus && (f->kind == FA_CHOICE || f->kind == FA_LIST))
		ui_put(y, ui_cols(ui) - 15, _("Enter: pick"), 14, 0, STYLE_DIM);
	if (fa_error(f) != NULL) {
		err = xasprintf("\xe2\x86\xb3 %s", fa_error(f));
		n = ui_wrap(y + 1, 25, ui_cols(ui) - 26, 2, 0, err,
		    STYLE_ERROR);
		free(err);
	}
	return 1 + (n > 2 ? 2 : n);
}

static void
fa_draw(struct ui *ui, void *state)
{
	struct acct_form	*fm = state;
	char			*s;
	int			 y = ui_body_top(ui), i;

	if (fm->id != 0)
		s = fm->role == ROLE_AMBASSADOR ? xasprintf(_("A new PIN for "
		    "%s: 4 to 8 digits. It also lifts a lock. F2 saves."),
		    fm->login) : xasprintf(_("A new password for %s: at "
		    "least 10 characters. It also lifts a lock. F2 saves."),
		    fm->login);
	else
		s = xstrdup(_("A new login. An ambassador's PIN has 4 to 8 "
		    "digits; a password for the secretariat or an admin at "
		    "least 10 characters. F2 saves."));
	ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, s, STYLE_DIM);
	free(s);
	y += 3;
	for (i = 0; i < FA_COUNT; i++) {
		fm->f[i].row = -1;
		if (!fa_visible(fm, i))
			continue;
		y += fa_draw_field(ui, fm, i, y);
	}
}

static int
fa_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct acct_form	*fm = state;

	(void)ui;
	if (fm->f[fm->focus].row < 0 || fm->f[fm->focus].col < 0)
		return -1;
	*y = fm->f[fm->focus].row;
	*x = fm->f[fm->focus].col;
	return 0;
}

/* Move the focus to the next (1) or previous (-1) shown field. */
static void
fa_move(struct acct_form *fm, int dir)
{
	int	i = fm->focus;

	do
		i += dir;
	while (i >= 0 && i < FA_COUNT && !fa_visible(fm, i));
	if (i >= 0 && i < FA_COUNT)
		fm->focus = i;
}

/* Set the role; a secret typed for another role must be checked anew. */
static void
fa_set_role(struct acct_form *fm, enum role r)
{
	if (r != fm->role) {
		fa_clear_error(&fm->f[FA_SECRET]);
		fa_clear_error(&fm->f[FA_AGAIN]);
	}
	fm->role = r;
	fm->dirty = 1;
}

/* Called by the pick lists. */
static void
fa_picked(struct ui *ui, void *ctx, int chosen)
{
	struct acct_form	*fm = ctx;
	const struct conf	*c = ui_conf(ui);
	struct fa_field		*f = &fm->f[fm->focus];
	char			*t, *s;
	int			 d;

	fm->dirty = 1;
	fa_clear_error(f);
	if (fm->focus == FA_ROLE) {
		fa_set_role(fm, fa_roles[chosen]);
		return;
	}
	if (fm->focus == FA_DEPTS) {
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
		if (db_ambassador_list(ui_db(ui), ui_who(ui), &q, fm->nambs > 0 ?
		    &fm->ambs[fm->nambs - 1] : NULL, FA_AMB_WINDOW, &more,
		    &n) != DB_OK) {
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

/* Open the pick list of the focused field. */
static void
fa_pick(struct ui *ui, struct acct_form *fm)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = fa_picked, .ctx = fm };
	size_t			 i;

	free(fm->pick);
	fm->pick = NULL;
	if (fm->focus == FA_AMB) {
		fa_pick_amb(ui, fm, &p);
		return;
	}
	fm->pick = xcalloc(c->ndepartments + FA_NROLES + 1, sizeof *fm->pick);
	if (fm->focus == FA_ROLE) {
		p.title = _("Which role?");
		for (i = 0; i < FA_NROLES; i++) {
			if (fa_roles[i] == fm->role)
				p.initial = (int)i;
			fm->pick[p.n++] = _(core_role_label(fa_roles[i]));
		}
	} else {
		p.title = _("Add a department this login sees");
		for (i = 0; i < c->ndepartments; i++)
			fm->pick[p.n++] = c->departments[i].name;
	}
	p.items = fm->pick;
	ui_push(ui, &screen_pick, &p);
}

/* Set the error of field i (N_()); 1 if there is one. */
static int
fa_set(struct acct_form *fm, int i, const char *error)
{
	fa_clear_error(&fm->f[i]);
	fm->f[i].error = error;
	return error != NULL;
}

/* Set an error made here (translated, xmalloc'd); returns 1. */
static int
fa_set_own(struct acct_form *fm, int i, char *error)
{
	fa_clear_error(&fm->f[i]);
	fm->f[i].error = "";
	fm->f[i].error_own = error;
	return 1;
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
	char			*t = util_edit_text(&fm->f[FA_DEPTS].e), *p;
	char			*next, *s;
	int			 bad = 0, d;

	fa_clear_error(&fm->f[FA_DEPTS]);
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
			bad = fa_set_own(fm, FA_DEPTS, xasprintf(_("There is no "
			    "department \"%s\". Press Enter to pick one."), s));
		else if (fa_has_dept(c, a, d))
			bad = fa_set_own(fm, FA_DEPTS, xasprintf(_("\"%s\" is "
			    "written twice."), s));
		else if (a->ndepartments == WHO_MAX_DEPARTMENTS)
			bad = fa_set(fm, FA_DEPTS, N_("That is too many "
			    "departments for one login."));
		else
			a->departments[a->ndepartments++] =
			    xstrdup(c->departments[d].key);
		free(s);
	}
	free(t);
	if (!bad && a->ndepartments == 0 && fm->amb == 0)
		bad = fa_set(fm, FA_DEPTS, N_("Pick at least one department "
		    "(press Enter)."));
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
	char	*t = util_edit_text(&fm->f[FA_LOGIN].e);

	a->login = core_clean_text(t);
	free(t);
	if (a->login == NULL || a->login[0] == '\0')
		return fa_set(fm, FA_LOGIN, N_("Type a login: letters and "
		    "digits, such as birgit or lene2."));
	if (strchr(a->login, ' ') != NULL)
		return fa_set(fm, FA_LOGIN, N_("A login has no spaces. Use . _ "
		    "or - between words."));
	if (strlen(a->login) > ACCOUNT_LOGIN_MAX)
		return fa_set(fm, FA_LOGIN, N_("The login is too long."));
	if (!fa_login_chars(a->login))
		return fa_set(fm, FA_LOGIN, N_("A login has only the letters "
		    "a to z, digits and . _ - and starts with a letter or a "
		    "digit."));
	return fa_set(fm, FA_LOGIN, NULL);
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
			bad += fa_set_own(fm, FA_LOGIN, xasprintf(_("The login "
			    "%s is taken. Choose another."), rows[i].login));
		if (a->ambassador != 0 && rows[i].ambassador == a->ambassador &&
		    fm->f[FA_AMB].error == NULL)
			bad += fa_set_own(fm, FA_AMB, xasprintf(_("%s has the "
			    "login %s already. Pick another, or None."),
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
	char	*again;
	int	 bad;

	*secret = util_edit_text(&fm->f[FA_SECRET].e);
	again = util_edit_text(&fm->f[FA_AGAIN].e);
	bad = fa_set(fm, FA_SECRET, core_check_secret(fm->role, *secret));
	if (!bad && strcmp(*secret, again) != 0)
		bad = fa_set(fm, FA_AGAIN, fm->role == ROLE_AMBASSADOR ?
		    N_("The two PINs are not the same. Type it again.") :
		    N_("The two passwords are not the same. Type it again."));
	else
		fa_set(fm, FA_AGAIN, NULL);
	core_secret_wipe(again, strlen(again));
	free(again);
	if (bad) {
		fa_hidden_wipe(&fm->f[FA_AGAIN].e);
		if (fm->f[FA_SECRET].error != NULL)
			fa_hidden_wipe(&fm->f[FA_SECRET].e);
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
		fa_set(fm, FA_AMB, NULL);
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
	int			 bad, i;

	if ((bad = fa_check(ui, fm, &a, &secret)) > 0) {
		for (i = 0; i < FA_COUNT; i++)
			if (fm->f[i].error != NULL && fa_visible(fm, i)) {
				fm->focus = i;
				break;
			}
		ui_error(ui, bad == 1 ? _("One field needs a change; nothing "
		    "is saved yet.") : _("%d fields need a change; nothing is "
		    "saved yet."), bad);
	} else {
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
fa_key_choice(struct acct_form *fm, const struct ui_keypress *k)
{
	size_t	i;

	if (fm->focus == FA_ROLE && !k->is_key && k->ch == ' ') {
		for (i = 0; i < FA_NROLES && fa_roles[i] != fm->role; i++)
			;
		fa_set_role(fm, fa_roles[(i + 1) % FA_NROLES]);
		return UI_REDRAW | UI_HANDLED;
	}
	if (fm->focus == FA_AMB && ((k->is_key && (k->ch == KEY_BACKSPACE ||
	    k->ch == KEY_DC)) || (!k->is_key && (k->ch == 127 ||
	    k->ch == 8)))) {
		fm->amb = 0;
		free(fm->amb_name);
		fm->amb_name = NULL;
		fm->dirty = 1;
		fa_clear_error(&fm->f[FA_AMB]);
		return UI_REDRAW | UI_HANDLED;
	}
	return 0;
}

static int
fa_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct acct_form	*fm = state;
	struct fa_field		*f = &fm->f[fm->focus];
	enum ui_action		 a = ui_key_action(k, fa_keys);
	int			 flags = UI_REDRAW | UI_HANDLED;

	if (a != ACT_BACK)
		fm->leaving = 0;
	switch (a) {
	case ACT_SAVE:
		return flags | fa_save(ui, fm);
	case ACT_BACK:
		if (!fm->dirty || fm->leaving)
			return flags | UI_POP;
		fm->leaving = 1;
		ui_error(ui, "%s", _("You have typed in the form. Press Esc "
		    "again to leave without saving, or F2 to save."));
		return flags;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		fa_move(fm, a == ACT_NEXT_FIELD ? 1 : -1);
		return flags;
	case ACT_PICK:
		if (f->kind == FA_CHOICE || f->kind == FA_LIST)
			fa_pick(ui, fm);
		else if (fm->focus == FA_AGAIN)	/* the last field */
			return flags | fa_save(ui, fm);
		else
			fa_move(fm, 1);
		return flags;
	default:
		break;
	}
	if (f->kind == FA_CHOICE)
		return fa_key_choice(fm, k);
	if (!ui_edit_key(&f->e, k))
		return 0;
	fm->dirty = 1;
	fa_clear_error(f);
	return flags;
}

const struct screen screen_account_form = {
	.name = "account-form",
	.title = N_("Account"),
	.actions = fa_actions,
	.help = N_("Add a login, or give one a new PIN or password.\n\n"
	    "Login: letters and digits, such as birgit; it is what the "
	    "person types to log in. Role: press Enter and pick (or Space): "
	    "an ambassador sees the households of their departments, the "
	    "secretariat sees everything, an admin also looks after the "
	    "logins. Departments (ambassadors only): press Enter to add one "
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
