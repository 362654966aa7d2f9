/*
 * screen-accounts.c — every login account: its role, departments, tied
 * ambassador, whether it is locked or disabled, and when it last logged
 * in.  The secretariat may add ambassadors' logins, disable and enable
 * them, give them a new PIN and lift their lock; an admin may do that
 * to every login (core_may_account).  Only the keys the person's role
 * may use are offered, and a key that does nothing for the selected
 * login says why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define AC_MAX_ACTIONS	16

enum ac_col { AC_LOGIN, AC_ROLE, AC_DEPTS, AC_AMB, AC_STATE, AC_LAST,
    AC_NCOLS };

struct acct_list {
	struct account	*rows;
	size_t		 n;
	struct ui_list	 list;		/* over rows */
	int		 loaded;	/* the list could be read */
	char		*why;		/* else why not (translated) */
	int		 asking;	/* the y/n question about d is open */
	enum ui_action	 actions[AC_MAX_ACTIONS];
};

/* The columns: a lock's time and the last login are never cut. */
static const struct ui_column ac_cols[AC_NCOLS] = {
	[AC_LOGIN] = { .head = N_("Login"), .width = 12 },
	[AC_ROLE] = { .head = N_("Role"), .width = 11 },
	[AC_DEPTS] = { .head = N_("Departments"), .width = 11, .grow = 2 },
	[AC_AMB] = { .head = N_("Ambassador"), .width = 13, .grow = 1 },
	[AC_STATE] = { .head = N_("State"), .width = 17, .whole = 1 },
	[AC_LAST] = { .head = N_("Last login"), .width = 10, .whole = 1 },
};

/* Every action the screen knows (help lists them all). */
static const enum ui_action ac_all_actions[] = {
	ACT_UNLOCK, ACT_DISABLE, ACT_RESET, ACT_ADD_ACCOUNT, ACT_BACK,
	ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST,
	ACT_NONE
};
static const enum ui_action ac_ask_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* The actions the logged-in role may use, into l->actions. */
static void
ac_offer(struct ui *ui, struct acct_list *l)
{
	enum role	 r = ui_who(ui)->role;
	size_t		 n = 0, i;

	for (i = 0; ac_all_actions[i] != ACT_NONE; i++) {
		switch (ac_all_actions[i]) {
		case ACT_UNLOCK:
			if (!core_may(r, ACCESS_UNLOCK))
				continue;
			break;
		case ACT_DISABLE:
		case ACT_RESET:
		case ACT_ADD_ACCOUNT:
			if (!core_may(r, ACCESS_AMBASSADOR_ACCOUNTS))
				continue;
			break;
		default:
			break;
		}
		l->actions[n++] = ac_all_actions[i];
	}
	l->actions[n] = ACT_NONE;
}

/* (Re)read every account, keeping the selection on the same login. */
static void
ac_load(struct ui *ui, struct acct_list *l)
{
	char	*keep = NULL;
	size_t	 i;

	if (l->n > 0 && l->list.sel < (int)l->n)
		keep = xstrdup(l->rows[l->list.sel].login);
	db_accounts_free(l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
	free(l->why);
	l->why = NULL;
	l->loaded = db_account_list(ui_db(ui), ui_who(ui), &l->rows, &l->n) ==
	    DB_OK;
	if (!l->loaded) {
		l->rows = NULL;
		l->n = 0;
		l->why = xstrdup(_(db_errmsg(ui_db(ui))));
	}
	l->list.rows = l->rows;
	l->list.n = l->n;
	for (i = 0; keep != NULL && i < l->n; i++)
		if (strcmp(l->rows[i].login, keep) == 0)
			l->list.sel = (int)i;
	ui_list_select(&l->list, l->list.sel);
	if (keep == NULL || l->n == 0 || strcmp(l->rows[l->list.sel].login,
	    keep) != 0)
		l->asking = 0;	/* the question was about another line */
	free(keep);
}

static const char	*ac_cell(struct ui *, void *, struct ui_cell *);
static enum ui_style	 ac_row_style(struct ui *, void *, const void *);

static void *
ac_init(struct ui *ui, void *arg)
{
	struct acct_list	*l = xcalloc(1, sizeof *l);

	(void)arg;
	l->list.cols = ac_cols;
	l->list.ncols = AC_NCOLS;
	l->list.size = sizeof *l->rows;
	l->list.cell = ac_cell;
	l->list.style = ac_row_style;
	l->list.ctx = l;
	l->list.empty = _("There are no accounts yet.");
	ui_list_init(&l->list);
	ac_offer(ui, l);
	ac_load(ui, l);
	return l;
}

static void
ac_resume(struct ui *ui, void *state)
{
	ac_load(ui, state);
}

static void
ac_free(void *state)
{
	struct acct_list	*l = state;

	db_accounts_free(l->rows, l->n);
	ui_list_free(&l->list);
	free(l->why);
	free(l);
}

static const enum ui_action *
ac_actions_now(void *state)
{
	struct acct_list	*l = state;

	return l->asking ? ac_ask_actions : l->actions;
}

/* 1 if the role offers action a now. */
static int
ac_offered(const struct acct_list *l, enum ui_action a)
{
	const enum ui_action	*p;

	for (p = l->actions; *p != ACT_NONE; p++)
		if (*p == a)
			return 1;
	return 0;
}

/* The last login (UTC text) as a Danish date in local time, into buf. */
static const char *
ac_last_login(const char *utc, char buf[32])
{
	struct tm	u, t;
	time_t		s;

	memset(&u, 0, sizeof u);
	if (utc == NULL || sscanf(utc, "%d-%d-%d %d:%d:%d", &u.tm_year,
	    &u.tm_mon, &u.tm_mday, &u.tm_hour, &u.tm_min, &u.tm_sec) != 6)
		return utc != NULL ? utc : _("never");
	u.tm_year -= 1900;
	u.tm_mon--;
	s = timegm(&u);
	if (localtime_r(&s, &t) == NULL)
		return utc;
	snprintf(buf, 32, "%02d.%02d.%04d", t.tm_mday, t.tm_mon + 1,
	    t.tm_year + 1900);
	return buf;
}

/* Where an account stands (new string); *st gets how to show it. */
static char *
ac_state(const struct account *a, enum ui_style *st)
{
	time_t		now = time(NULL), until;
	struct tm	t, n;

	*st = STYLE_NORMAL;
	if (a->disabled) {
		*st = STYLE_DIM;
		return xstrdup(_("disabled"));
	}
	if (core_locked(a->locked_until, (long long)now)) {
		*st = STYLE_ERROR;
		until = (time_t)a->locked_until;
		if (localtime_r(&until, &t) == NULL ||
		    localtime_r(&now, &n) == NULL)
			return xstrdup(_("locked"));
		if (t.tm_yday == n.tm_yday && t.tm_year == n.tm_year)
			return xasprintf(_("locked until %02d:%02d"),
			    t.tm_hour, t.tm_min);
		return xasprintf(_("locked until %02d.%02d. %02d:%02d"),
		    t.tm_mday, t.tm_mon + 1, t.tm_hour, t.tm_min);
	}
	if (a->failures > 0)
		return xasprintf(P_("%d wrong try", "%d wrong tries",
		    a->failures), a->failures);
	return xstrdup(_("active"));
}

/* The departments of an account by their short names (new string). */
static char *
ac_departments(struct ui *ui, const struct account *a)
{
	const struct conf	*c = ui_conf(ui);
	char			*s, *t;
	size_t			 i;
	int			 d;

	if (a->role != ROLE_AMBASSADOR)
		return xstrdup(_("all"));
	s = xstrdup("");
	for (i = 0; i < a->ndepartments; i++) {
		d = cfg_department_find(c, a->departments[i]);
		t = xasprintf("%s%s%s", s, i > 0 ? ", " : "", d >= 0 ?
		    c->departments[d].shortname : a->departments[i]);
		free(s);
		s = t;
	}
	return s;
}

/* A disabled account is dimmed. */
static enum ui_style
ac_row_style(struct ui *ui, void *ctx, const void *row)
{
	(void)ui;
	(void)ctx;
	return ((const struct account *)row)->disabled ? STYLE_DIM :
	    STYLE_NORMAL;
}

/* The text of a cell; the state's cell has its own style. */
static const char *
ac_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct account	*a = c->row;
	enum ui_style		 st;
	char			*s;

	(void)ctx;
	switch (c->col) {
	case AC_LOGIN:
		return a->login;
	case AC_ROLE:
		return _(core_role_label(a->role));
	case AC_DEPTS:
		s = ac_departments(ui, a);
		break;
	case AC_AMB:
		return a->ambassador_name != NULL ? a->ambassador_name : "";
	case AC_STATE:
		s = ac_state(a, &st);
		if (c->style == STYLE_NORMAL)
			c->style = st;
		break;
	default:
		return ac_last_login(a->last_login, c->buf);
	}
	snprintf(c->buf, sizeof c->buf, "%s", s);
	free(s);
	return c->buf;
}

/* The y/n question under the list. */
static void
ac_draw_ask(struct ui *ui, struct acct_list *l, int y)
{
	const struct account	*a = &l->rows[l->list.sel];
	char			*q;

	q = a->disabled ? xasprintf(_("Enable the account %s again, so that "
	    "it can log in? Press y for yes, n for no."), a->login) :
	    xasprintf(_("Disable the account %s? Nobody can log in with it "
	    "until it is enabled again. Press y for yes, n for no."),
	    a->login);
	ui_wrap(y, 2, ui_cols(ui) - 4, 2, 0, q, STYLE_HEADER);
	free(q);
}

static void
ac_draw(struct ui *ui, void *state)
{
	struct acct_list	*l = state;
	char			*info;
	int			 y = ui_body_top(ui), rows;

	rows = ui_body_rows(ui) - 2 - (l->asking ? 3 : 0);
	if (!l->loaded) {
		ui_wrap(y + 1, 2, ui_cols(ui) - 4, 3, 0, l->why, STYLE_ERROR);
		return;
	}
	info = xasprintf(P_("%zu account \xc2\xb7 you are %s (%s)",
	    "%zu accounts \xc2\xb7 you are %s (%s)", l->n), l->n,
	    ui_who(ui)->name, _(core_role_label(ui_who(ui)->role)));
	ui_put(y, 1, info, ui_cols(ui) - 2, 0, STYLE_DIM);
	free(info);
	ui_list_draw(ui, &l->list, y + 1, 0, rows, ui_cols(ui));
	if (l->asking && l->n > 0)
		ac_draw_ask(ui, l, y + ui_body_rows(ui) - 3);
}

/* u: lift the lock of the selected account. */
static void
ac_unlock(struct ui *ui, struct acct_list *l)
{
	const struct account	*a = &l->rows[l->list.sel];
	char			*login;

	if (!core_locked(a->locked_until, (long long)time(NULL)) &&
	    a->failures == 0) {
		ui_message(ui, _("%s is not locked."), a->login);
		return;
	}
	if (db_account_unlock(ui_db(ui), ui_who(ui), a->id) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	login = xstrdup(a->login);
	ac_load(ui, l);
	ui_message(ui, _("%s is unlocked and can log in again."), login);
	free(login);
}

/* y: disable or enable the selected account, as asked. */
static void
ac_disable(struct ui *ui, struct acct_list *l)
{
	const struct account	*a = &l->rows[l->list.sel];
	int			 off = !a->disabled;
	char			*login;

	l->asking = 0;
	if (db_account_set_disabled(ui_db(ui), ui_who(ui), a->id, off) !=
	    DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	login = xstrdup(a->login);
	ac_load(ui, l);
	if (off)
		ui_message(ui, _("%s is disabled: nobody can log in with it."),
		    login);
	else
		ui_message(ui, _("%s is enabled and can log in again."), login);
	free(login);
}

/* d: ask before disabling or enabling (never one's own account). */
static void
ac_ask(struct ui *ui, struct acct_list *l)
{
	if (l->rows[l->list.sel].id == ui_who(ui)->account) {
		ui_error(ui, "%s", _("You cannot disable your own account. "
		    "Another admin can."));
		return;
	}
	l->asking = 1;
}

/* Keys of the y/n question. */
static int
ac_key_ask(struct ui *ui, struct acct_list *l, const struct ui_keypress *k)
{
	switch (ui_key_action(k, ac_ask_actions)) {
	case ACT_YES:
		ac_disable(ui, l);
		break;
	case ACT_NO:
	case ACT_BACK:
		l->asking = 0;
		ui_message(ui, "%s", _("Nothing was changed."));
		break;
	default:
		return UI_HANDLED;	/* only y or n now */
	}
	return UI_REDRAW | UI_HANDLED;
}

/* Why the logged-in role may not do a to the selected account (N_()),
 * or NULL. */
static const char *
ac_refusal(struct ui *ui, const struct acct_list *l, enum ui_action a)
{
	const struct account	*t = &l->rows[l->list.sel];
	enum account_op		 op;

	switch (a) {
	case ACT_UNLOCK:
		op = ACCOUNT_UNLOCK;
		break;
	case ACT_DISABLE:
		op = t->disabled ? ACCOUNT_ENABLE : ACCOUNT_DISABLE;
		break;
	case ACT_RESET:
		op = ACCOUNT_RESET;
		break;
	default:
		return NULL;
	}
	return core_account_refusal(ui_who(ui)->role, op, t->role);
}

/* A key for logins that the role is not offered: say why (1), or 0 for
 * any other key. */
static int
ac_not_offered(struct ui *ui, const struct acct_list *l,
    const struct ui_keypress *k)
{
	enum ui_action	 a = ui_key_action(k, ac_all_actions);

	if ((a != ACT_UNLOCK && a != ACT_DISABLE && a != ACT_RESET &&
	    a != ACT_ADD_ACCOUNT) || ac_offered(l, a))
		return 0;
	ui_error(ui, "%s", _("Only the secretariat and the admins can change "
	    "logins."));
	return 1;
}

/* The keys that act on the selected account. */
static int
ac_key_account(struct ui *ui, struct acct_list *l, enum ui_action a)
{
	const char	*why;

	if (l->n == 0)
		return UI_HANDLED;
	if ((why = ac_refusal(ui, l, a)) != NULL) {
		ui_error(ui, "%s", _(why));
		return UI_REDRAW | UI_HANDLED;
	}
	switch (a) {
	case ACT_UNLOCK:
		ac_unlock(ui, l);
		break;
	case ACT_DISABLE:
		ac_ask(ui, l);
		break;
	case ACT_RESET:
		ui_push(ui, &screen_account_form, &l->rows[l->list.sel]);
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
ac_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct acct_list	*l = state;
	enum ui_action		 a;
	int			 flags;

	if (l->asking)
		return ac_key_ask(ui, l, k);
	if (!l->loaded)
		return 0;
	if ((flags = ui_list_key(ui, &l->list, k)) != 0)
		return flags;
	if (ac_not_offered(ui, l, k))
		return UI_REDRAW | UI_HANDLED;
	switch ((a = ui_key_action(k, l->actions))) {
	case ACT_ADD_ACCOUNT:
		ui_push(ui, &screen_account_form, NULL);
		break;
	case ACT_UNLOCK:
	case ACT_DISABLE:
	case ACT_RESET:
		return ac_key_account(ui, l, a);
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* A click selects the line. */
static int
ac_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct acct_list	*l = state;

	if (l->asking || !l->loaded)
		return 0;
	return ui_list_click(ui, &l->list, y, x, twice);
}

const struct screen screen_accounts = {
	.name = "accounts",
	.title = N_("Accounts"),
	.actions = ac_all_actions,
	.help = N_("Every login of velkomst: its role, the departments an "
	    "ambassador's login sees, the ambassador it belongs to, whether "
	    "it is active, locked after too many wrong tries or disabled, and "
	    "the day it last logged in.\n\n"
	    "Press u to lift a lock, so the person can try again at once, d "
	    "to disable a login (or enable it again), r to give it a new PIN "
	    "or password (this lifts a lock too) and n to add a login. The "
	    "secretariat can do this to the ambassadors' logins, so it can "
	    "give a new ambassador a PIN; the logins of the secretariat and "
	    "the admins are looked after by an admin. Nobody can disable "
	    "their own login. A PIN or password is never shown and never "
	    "written down anywhere."),
	.init = ac_init,
	.draw = ac_draw,
	.key = ac_key,
	.resume = ac_resume,
	.free = ac_free,
	.actions_now = ac_actions_now,
	.click = ac_click,
};
