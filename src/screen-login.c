/*
 * screen-login.c — who is at the keyboard: the first run (create the
 * first admin account), the login, and the lock after idle time or F9.
 * Nothing personal is drawn here; the secret fields show one '*' per
 * character and are wiped after every try.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wctype.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define LOGIN_SECRET_MAX	64	/* characters of a PIN or password */
#define LOGIN_LABEL_X		4
#define LOGIN_FIELD_X		26
#define LOGIN_FIELD_W		30

enum login_mode {
	MODE_FIRST,		/* no accounts yet: create the first admin */
	MODE_LOGIN,
	MODE_LOCK		/* someone is logged in; the screen is locked */
};

enum login_field { F_LOGIN, F_SECRET, F_AGAIN };

struct login {
	enum login_mode	 mode;
	struct edit	 fields[3];	/* login, secret, the secret again */
	int		 focus;
	const char	*err[3];	/* N_() sentences beside the fields */
	char		*db_err;	/* a refusal from the database,
					   translated; beside the secret
					   (the login on the first run) */
	int		 asking;	/* lock: drop the work of the person
					   logged in? */
	char		*was;		/* lock: who was logged in */
	char		**logins;	/* terminal.login_list: to choose */
	size_t		 nlogins;
	int		 chosen;	/* in logins, or -1 */
	int		 marked;	/* after a refused login: the login
					   kept is marked, and typing a
					   character replaces it */
};

static const enum ui_action login_actions[] = {
	ACT_LOGIN, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE
};
static const enum ui_action ask_actions[] = { ACT_YES, ACT_NO, ACT_NONE };
static const enum ui_action back_actions[] = { ACT_BACK, ACT_NONE };
static const enum ui_action help_actions[] = { ACT_HELP, ACT_NONE };
static const enum ui_action choose_actions[] = {
	ACT_LIST_PREV, ACT_LIST_NEXT, ACT_NONE
};

/* Wipe and free a string that held a secret. */
static void
login_free_secret(char *s)
{
	if (s == NULL)
		return;
	core_secret_wipe(s, strlen(s));
	free(s);
}

/* The account rules of the configuration. */
static struct account_policy
login_policy(struct ui *ui)
{
	const struct conf	*c = ui_conf(ui);
	struct account_policy	 p = {
		{ c->lock_failures, c->lock_minutes * 60L },
		(enum secret_cost)c->hash_cost
	};

	return p;
}

/* Mark the login typed in the list, if it is there. */
static void
login_match(struct login *l)
{
	char	*name = util_edit_text(&l->fields[F_LOGIN]);
	size_t	 i;

	l->chosen = -1;
	for (i = 0; i < l->nlogins; i++)
		if (strcasecmp(name, l->logins[i]) == 0)
			l->chosen = (int)i;
	free(name);
}

/* Which of the three it is: the lock when someone is logged in, the
 * first run when there are no accounts, else the login. */
static void *
login_init(struct ui *ui, void *arg)
{
	struct login	*l = xcalloc(1, sizeof *l);
	long		 n = 1;

	(void)arg;
	l->mode = MODE_LOGIN;
	if (ui_logged_in(ui)) {
		l->mode = MODE_LOCK;
		l->was = xstrdup(ui_who(ui)->name);
	} else if (db_account_count(ui_db(ui), &n) != DB_OK)
		l->db_err = xstrdup(_(db_errmsg(ui_db(ui))));
	else if (n == 0)
		l->mode = MODE_FIRST;
	l->chosen = -1;
	if (ui_conf(ui)->login_list && l->mode != MODE_FIRST &&
	    db_account_logins(ui_db(ui), (long long)time(NULL), &l->logins,
	    &l->nlogins) != DB_OK && l->db_err == NULL)
		l->db_err = xstrdup(_(db_errmsg(ui_db(ui))));
	util_edit_init(&l->fields[F_LOGIN], l->was, ACCOUNT_LOGIN_MAX);
	ui_secret_init(&l->fields[F_SECRET], LOGIN_SECRET_MAX);
	ui_secret_init(&l->fields[F_AGAIN], LOGIN_SECRET_MAX);
	l->focus = l->mode == MODE_LOCK ? F_SECRET : F_LOGIN;
	login_match(l);
	return l;
}

/* Wipe the secrets and free the screen. */
static void
login_free(void *state)
{
	struct login	*l = state;

	ui_secret_wipe(&l->fields[F_SECRET]);
	ui_secret_wipe(&l->fields[F_AGAIN]);
	util_edit_free(&l->fields[F_LOGIN]);
	util_edit_free(&l->fields[F_SECRET]);
	util_edit_free(&l->fields[F_AGAIN]);
	free(l->db_err);
	free(l->was);
	core_words_free(l->logins, l->nlogins);
	free(l);
}

/* How many fields the mode has. */
static int
login_nfields(const struct login *l)
{
	return l->mode == MODE_FIRST ? 3 : 2;
}

/* The row of field i. */
static int
login_row(struct ui *ui, int i)
{
	return ui_body_top(ui) + 6 + 4 * i;
}

/* The heading and the sentences above the fields. */
static void
login_draw_head(struct ui *ui, struct login *l)
{
	int	 y = ui_body_top(ui) + 1, w = ui_cols(ui) - 2 * LOGIN_LABEL_X;
	char	*s;

	switch (l->mode) {
	case MODE_FIRST:
		ui_put(y, LOGIN_LABEL_X, _("Create the first admin account"),
		    w, 0, STYLE_HEADER);
		ui_wrap(y + 2, LOGIN_LABEL_X, w, 2, 0, _("No one has an "
		    "account yet. Choose a login and a password of at least "
		    "10 characters; this account then adds the others."),
		    STYLE_NORMAL);
		break;
	case MODE_LOGIN:
		ui_put(y, LOGIN_LABEL_X, _("Log in"), w, 0, STYLE_HEADER);
		ui_wrap(y + 2, LOGIN_LABEL_X, w, 2, 0, _("Type your login, "
		    "press Enter, then type your PIN or password and press "
		    "Enter."), STYLE_NORMAL);
		break;
	case MODE_LOCK:
		s = xasprintf(_("The screen is locked. %s was logged in."),
		    l->was);
		ui_put(y, LOGIN_LABEL_X, s, w, 0, STYLE_HEADER);
		free(s);
		ui_wrap(y + 2, LOGIN_LABEL_X, w, 2, 0, _("Type your PIN or "
		    "password to go on where you left off. Someone else can "
		    "log in here with their own login."), STYLE_NORMAL);
		break;
	}
}

/* One field: label, box, and what is wrong with it under the box. */
static int
login_draw_field(struct ui *ui, struct login *l, int i, const char *label)
{
	int		 y = login_row(ui, i), cx;
	enum ui_style	 st = l->focus == i && !l->asking ?
			    STYLE_FIELD_FOCUS : STYLE_FIELD;
	const char	*err = l->err[i] != NULL ? _(l->err[i]) : NULL;

	ui_put(y, LOGIN_LABEL_X, label, LOGIN_FIELD_X - LOGIN_LABEL_X - 1, 0,
	    STYLE_LABEL);
	if (i == F_LOGIN)
		cx = ui_put_edit(y, LOGIN_FIELD_X, &l->fields[i],
		    LOGIN_FIELD_W, l->marked && l->focus == i ?
		    STYLE_SELECTED : st);
	else
		cx = ui_put_hidden(y, LOGIN_FIELD_X, &l->fields[i],
		    LOGIN_FIELD_W, st);
	if (l->db_err != NULL && err == NULL &&
	    i == (l->mode == MODE_FIRST ? F_LOGIN : F_SECRET))
		err = l->db_err;
	if (err != NULL)
		ui_wrap(y + 1, LOGIN_FIELD_X, ui_cols(ui) - LOGIN_FIELD_X - 2,
		    3, 0, err, STYLE_ERROR);
	return cx;
}

/* terminal.login_list: the logins to choose from, right of the fields. */
static void
login_draw_list(struct ui *ui, struct login *l)
{
	int	 x = LOGIN_FIELD_X + LOGIN_FIELD_W + 4, w = ui_cols(ui) - x - 1;
	int	 y = login_row(ui, F_LOGIN), rows, top, i;

	if (l->nlogins == 0 || w < 8)
		return;
	rows = ui_body_top(ui) + ui_body_rows(ui) - y - 1;
	ui_put(y - 1, x, _("Choose with \xe2\x86\x91 \xe2\x86\x93:"), w, 0,
	    STYLE_DIM);
	top = l->chosen >= rows ? l->chosen - rows + 1 : 0;
	for (i = 0; i < rows && (size_t)(top + i) < l->nlogins; i++)
		ui_put(y + i, x, l->logins[top + i], w, 1, top + i ==
		    l->chosen ? STYLE_SELECTED : STYLE_NORMAL);
}

/* ↑ ↓ in the login field with a list: choose the next login. */
static int
login_choose(struct login *l, int step)
{
	int	 n = (int)l->nlogins;

	if (n == 0)
		return 0;
	l->marked = 0;
	l->chosen = l->chosen < 0 ? (step > 0 ? 0 : n - 1) :
	    (l->chosen + step + n) % n;
	util_edit_set(&l->fields[F_LOGIN], l->logins[l->chosen]);
	l->err[F_LOGIN] = NULL;
	return UI_REDRAW | UI_HANDLED;
}

/* The heading, the fields, and the question or how to leave. */
static void
login_draw(struct ui *ui, void *state)
{
	struct login	*l = state;
	int		 y = login_row(ui, login_nfields(l)) + 1;
	char		*s;

	login_draw_head(ui, l);
	login_draw_list(ui, l);
	login_draw_field(ui, l, F_LOGIN, _("Login"));
	login_draw_field(ui, l, F_SECRET, l->mode == MODE_FIRST ?
	    _("Password") : _("PIN or password"));
	if (l->mode == MODE_FIRST)
		login_draw_field(ui, l, F_AGAIN, _("Password again"));
	if (l->asking) {
		s = xasprintf(_("%s's unsaved work will be dropped. Go on? "
		    "y/n"), l->was);
		ui_wrap(y, LOGIN_LABEL_X, ui_cols(ui) - 2 * LOGIN_LABEL_X, 2, 0,
		    s, STYLE_ERROR);
		free(s);
	} else if (l->mode != MODE_LOCK && !ui_conf(ui)->kiosk)
		ui_put(y, LOGIN_LABEL_X, _("Press Esc to leave velkomst."),
		    ui_cols(ui) - 2 * LOGIN_LABEL_X, 0, STYLE_DIM);
}

/* The cursor: at the end of the focused field. */
static int
login_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct login	*l = state;
	struct edit	*e = &l->fields[l->focus];
	int		 n;

	if (l->asking)
		return -1;
	*y = login_row(ui, l->focus);
	if (l->focus == F_LOGIN) {
		n = util_edit_cursor_col(e) - e->scroll;
		*x = LOGIN_FIELD_X + (n < 0 ? 0 : n);
	} else {
		n = e->len < LOGIN_FIELD_W ? (int)e->len : LOGIN_FIELD_W - 1;
		*x = LOGIN_FIELD_X + n;
	}
	return 0;
}

/* The keys of the question while it is asked. */
static const enum ui_action *
login_actions_now(void *state)
{
	return ((struct login *)state)->asking ? ask_actions : login_actions;
}

/* Log in with the login and secret typed: on the lock screen the same
 * person goes on where they were, anyone else starts afresh. */
static int
login_try(struct ui *ui, struct login *l)
{
	struct account_policy	 p = login_policy(ui);
	struct session		 s;
	enum db_status		 st;
	char			*name, *secret;

	memset(&s, 0, sizeof s);
	name = util_edit_text(&l->fields[F_LOGIN]);
	secret = util_edit_text(&l->fields[F_SECRET]);
	st = db_login(ui_db(ui), name, secret, (long long)time(NULL), &p, &s);
	login_free_secret(secret);
	ui_secret_wipe(&l->fields[F_SECRET]);
	free(name);
	free(l->db_err);
	l->db_err = NULL;
	if (st != DB_OK) {
		/* Back to the login, kept and marked: the next person (or the
		 * same one, starting over) types a login, which must never go
		 * into the PIN field and cost a try; Enter keeps it. */
		l->db_err = xstrdup(_(db_errmsg(ui_db(ui))));
		l->focus = F_LOGIN;
		l->marked = 1;
		util_edit_end(&l->fields[F_LOGIN]);
		return UI_REDRAW | UI_HANDLED;
	}
	if (l->mode == MODE_LOCK && s.who.account == ui_who(ui)->account) {
		db_session_clear(&s);
		return UI_POP | UI_REDRAW | UI_HANDLED;
	}
	ui_login(ui, &s);
	return UI_REDRAW | UI_HANDLED;
}

/* Enter on the secret field of the lock: someone else logging in drops
 * the open screens, so ask first when there are any above home. */
static int
login_lock_enter(struct ui *ui, struct login *l)
{
	char	*name = util_edit_text(&l->fields[F_LOGIN]);
	int	 other = strcasecmp(name, l->was) != 0;

	free(name);
	if (other && ui_depth(ui) > 2) {
		l->asking = 1;
		return UI_REDRAW | UI_HANDLED;
	}
	return login_try(ui, l);
}

/*
 * The first account could not be made: when another program made one
 * while this screen was open, it becomes the login (what was typed as
 * the login stays) and says why; 1 then, else 0.
 */
static int
login_first_taken(struct ui *ui, struct login *l)
{
	long	n = 0;

	if (db_account_count(ui_db(ui), &n) != DB_OK || n == 0)
		return 0;
	l->mode = MODE_LOGIN;
	l->db_err = xstrdup(_("Someone has just made the first account, so "
	    "yours was not made. Log in with your own account; an admin can "
	    "make one for you."));
	/* Without the list (it could not be read) the login is typed. */
	if (ui_conf(ui)->login_list)
		(void)db_account_logins(ui_db(ui), (long long)time(NULL),
		    &l->logins, &l->nlogins);
	return 1;
}

/* The first run: check the three fields, create the admin account, and
 * log in as it. */
static int
login_create(struct ui *ui, struct login *l)
{
	struct account_policy	 p = login_policy(ui);
	struct account		 a;
	struct who		 w;
	struct session		 s;
	char			*name, *pw, *again;
	enum db_status		 st;

	name = util_edit_text(&l->fields[F_LOGIN]);
	pw = util_edit_text(&l->fields[F_SECRET]);
	again = util_edit_text(&l->fields[F_AGAIN]);
	free(l->db_err);
	l->db_err = NULL;
	l->err[F_LOGIN] = name[0] == '\0' ? N_("Choose a login: letters, "
	    "digits, dots, dashes or underscores.") : NULL;
	l->err[F_SECRET] = core_check_secret(ROLE_ADMIN, pw);
	l->err[F_AGAIN] = l->err[F_SECRET] == NULL && strcmp(pw, again) != 0 ?
	    N_("The two passwords are not the same. Type both again.") : NULL;
	st = DB_INVALID;
	if (l->err[F_LOGIN] == NULL && l->err[F_SECRET] == NULL &&
	    l->err[F_AGAIN] == NULL) {
		memset(&a, 0, sizeof a);
		memset(&w, 0, sizeof w);
		a.login = name;
		a.role = ROLE_ADMIN;
		w.name = name;
		st = db_account_add(ui_db(ui), &w, &a, pw, &p);
		if (st != DB_OK && !login_first_taken(ui, l))
			l->db_err = xstrdup(_(db_errmsg(ui_db(ui))));
		a.login = NULL;
	}
	if (st == DB_OK) {
		memset(&s, 0, sizeof s);
		st = db_login(ui_db(ui), name, pw, (long long)time(NULL), &p,
		    &s);
		if (st == DB_OK)
			ui_login(ui, &s);
		else
			l->db_err = xstrdup(_(db_errmsg(ui_db(ui))));
	}
	login_free_secret(pw);
	login_free_secret(again);
	ui_secret_wipe(&l->fields[F_SECRET]);
	ui_secret_wipe(&l->fields[F_AGAIN]);
	free(name);
	if (st != DB_OK)
		l->focus = l->err[F_LOGIN] != NULL || (l->db_err != NULL &&
		    l->err[F_SECRET] == NULL) ? F_LOGIN : F_SECRET;
	return UI_REDRAW | UI_HANDLED;
}

/* Enter: on to the next field, or log in (create) from the last. */
static int
login_enter(struct ui *ui, struct login *l)
{
	if (l->focus == F_LOGIN) {
		if (l->fields[F_LOGIN].len == 0) {
			l->err[F_LOGIN] = N_("Type your login first.");
			return UI_REDRAW | UI_HANDLED;
		}
		l->err[F_LOGIN] = NULL;
		l->focus = F_SECRET;
		return UI_REDRAW | UI_HANDLED;
	}
	if (l->mode == MODE_FIRST && l->focus == F_SECRET) {
		l->focus = F_AGAIN;
		return UI_REDRAW | UI_HANDLED;
	}
	if (l->mode == MODE_FIRST)
		return login_create(ui, l);
	if (l->fields[F_LOGIN].len == 0) {
		l->focus = F_LOGIN;
		l->err[F_LOGIN] = N_("Type your login first.");
		return UI_REDRAW | UI_HANDLED;
	}
	return l->mode == MODE_LOCK ? login_lock_enter(ui, l) :
	    login_try(ui, l);
}

/* The question on the lock screen: y drops the work, n keeps the lock. */
static int
login_answer(struct ui *ui, struct login *l, const struct ui_keypress *k)
{
	switch (ui_key_action(k, ask_actions)) {
	case ACT_YES:
		l->asking = 0;
		return login_try(ui, l);
	case ACT_NO:
		l->asking = 0;
		ui_secret_wipe(&l->fields[F_SECRET]);
		return UI_REDRAW | UI_HANDLED;
	default:
		if (ui_key_action(k, back_actions) == ACT_BACK) {
			l->asking = 0;
			ui_secret_wipe(&l->fields[F_SECRET]);
			return UI_REDRAW | UI_HANDLED;
		}
		return UI_HANDLED;
	}
}

/* A key in a field: edit it; a secret only grows and shrinks at its
 * end, as its text is never shown. */
static int
login_edit(struct ui *ui, struct login *l, const struct ui_keypress *k)
{
	struct edit	*e = &l->fields[l->focus];
	int		 used, typed = !k->is_key && iswprint((wint_t)k->ch);
	size_t		 had;

	if (l->focus != F_LOGIN)
		util_edit_end(e);
	else if (l->marked && typed)
		util_edit_set(e, "");	/* a new login replaces the kept one */
	l->marked = 0;
	had = e->len;
	used = ui_edit_key(e, k);
	if (typed && e->max > 0 && had >= e->max && e->len == had)
		ui_error(ui, P_("This field takes at most %zu character.",
		    "This field takes at most %zu characters.", e->max),
		    e->max);
	if (l->focus != F_LOGIN)
		util_edit_end(e);
	if (used)
		l->err[l->focus] = NULL;
	if (used && l->focus == F_LOGIN)
		login_match(l);
	return UI_REDRAW | UI_HANDLED;
}

/* Every key stays on this screen; only F1 goes on to help. */
static int
login_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct login	*l = state;
	int		 n = login_nfields(l);

	if (l->asking)
		return login_answer(ui, l, k);
	if (ui_key_action(k, back_actions) == ACT_BACK)	/* Esc: leave, where
							   that is allowed */
		return l->mode != MODE_LOCK && !ui_conf(ui)->kiosk ?
		    UI_QUIT | UI_HANDLED : UI_HANDLED;
	/* F1 goes on to help; ? is a character, typed into the field. */
	if (k->is_key && ui_key_action(k, help_actions) == ACT_HELP)
		return 0;
	if (l->focus == F_LOGIN && l->nlogins > 0 &&
	    ui_key_action(k, choose_actions) != ACT_NONE)
		return login_choose(l, ui_key_action(k, choose_actions) ==
		    ACT_LIST_NEXT ? 1 : -1);
	switch (ui_key_action(k, login_actions)) {
	case ACT_LOGIN:
		l->marked = 0;
		return login_enter(ui, l);
	case ACT_NEXT_FIELD:
		l->marked = 0;
		l->focus = (l->focus + 1) % n;
		return UI_REDRAW | UI_HANDLED;
	case ACT_PREV_FIELD:
		l->marked = 0;
		l->focus = (l->focus + n - 1) % n;
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	return login_edit(ui, l, k);	/* every other key stays here */
}

/* A click: on a field, put the cursor there; on a login of the list,
 * choose it and go on to the PIN. */
static int
login_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct login	*l = state;
	int		 lx = LOGIN_FIELD_X + LOGIN_FIELD_W + 4, i, top, rows;

	(void)twice;
	if (l->asking)
		return 0;
	l->marked = 0;
	for (i = 0; i < login_nfields(l); i++)
		if (y == login_row(ui, i) && x >= LOGIN_LABEL_X &&
		    x < LOGIN_FIELD_X + LOGIN_FIELD_W) {
			l->focus = i;
			return UI_REDRAW | UI_HANDLED;
		}
	rows = ui_body_top(ui) + ui_body_rows(ui) - login_row(ui, F_LOGIN) - 1;
	top = l->chosen >= rows ? l->chosen - rows + 1 : 0;
	i = top + y - login_row(ui, F_LOGIN);
	if (l->nlogins == 0 || x < lx || y < login_row(ui, F_LOGIN) ||
	    i >= top + rows || (size_t)i >= l->nlogins)
		return 0;
	l->chosen = i;
	util_edit_set(&l->fields[F_LOGIN], l->logins[i]);
	l->err[F_LOGIN] = NULL;
	if (l->mode == MODE_LOCK)
		ui_secret_wipe(&l->fields[F_SECRET]);
	l->focus = F_SECRET;
	return UI_REDRAW | UI_HANDLED;
}

const struct screen screen_login = {
	.name = "login",
	.title = N_("Log in"),
	.actions = login_actions,
	.help = N_("Log in with your own login and PIN (ambassadors) or "
	    "password (the secretariat). Type the login, press Enter, type "
	    "the PIN or password and press Enter. After too many wrong "
	    "tries the account is locked for a while; the secretariat can "
	    "lift the lock.\n\n"
	    "The screen locks by itself when nobody has pressed a key for a "
	    "while, and at once with F9. Then only the person who was "
	    "logged in can go on where they left off; someone else can log "
	    "in with their own login, and the open screens of the first "
	    "person are closed.\n\n"
	    "The first time velkomst starts on a new database it asks for "
	    "the first admin account."),
	.init = login_init,
	.draw = login_draw,
	.key = login_key,
	.free = login_free,
	.cursor = login_cursor,
	.actions_now = login_actions_now,
	.click = login_click,
};
