/*
 * screen-home.c — the home screen: a short menu of what works, and a line
 * about the register.  The menu is a list (ui-list.c) of the items the
 * person's role may use; each item keeps its number for every role, and
 * the number of an item the role may not use says why.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define HOME_MAX	16

struct home {
	struct ui_list	 list;		/* over items */
	long		 households;
	long		 overdue;
	long		 flagged;
	long		 due;		/* households due for deletion (the
					   secretariat's), up to DB_COUNT_CAP */
	int		 counted;	/* 1 if the counts hold */
	int		 items[HOME_MAX];	/* the items this role sees */
	int		 nitems;
	int		 kiosk;
	int		 asking;	/* make a backup? y/n */
};

enum home_item {
	HOME_LIST, HOME_NEW, HOME_QUEUE, HOME_OVERDUE, HOME_FOLLOWUPS,
	HOME_AMBASSADORS, HOME_GOAL, HOME_COVERAGE, HOME_ACCOUNTS, HOME_AUDIT,
	HOME_REPORT, HOME_CRITERIA, HOME_BACKUP, HOME_HELP, HOME_LOGOUT,
	HOME_QUIT, HOME_COUNT
};

/* The menu: what each item says, what a role needs to see it (-1:
 * everyone), and what a role without it is told when it presses the
 * item's number. */
static const struct {
	const char	*title;
	int		 access;
	const char	*why;
} home_items[HOME_COUNT] = {
	{ N_("Households \xe2\x80\x94 the move-in register"),
	    ACCESS_HOUSEHOLDS, N_("This login cannot see the households.") },
	{ N_("Register a move-in"), ACCESS_HOUSEHOLDS,
	    N_("This login cannot register move-ins.") },
	{ N_("Queue \xe2\x80\x94 who to visit"), ACCESS_HOUSEHOLDS,
	    N_("This login cannot see the households.") },
	{ N_("Overdue welcomes"), ACCESS_HOUSEHOLDS,
	    N_("This login cannot see the households.") },
	{ N_("Needs the secretariat"), ACCESS_HOUSEHOLDS,
	    N_("This login cannot see the households.") },
	{ N_("Ambassadors"), ACCESS_AMBASSADORS_EDIT,
	    N_("Only the secretariat can see the register of ambassadors.") },
	{ N_("Recruitment goal"), ACCESS_GOAL,
	    N_("Only the secretariat can see the recruitment goal.") },
	{ N_("Coverage \xe2\x80\x94 where to recruit next"), ACCESS_GOAL,
	    N_("Only the secretariat can see the coverage of the "
	    "stairwells.") },
	{ N_("Accounts"), ACCESS_UNLOCK,
	    N_("Only the secretariat and admins can see the accounts.") },
	{ N_("Audit trail"), ACCESS_AUDIT,
	    N_("Only the secretariat can read the audit trail.") },
	{ N_("Yearly report \xe2\x80\x94 and the departments' evaluation"),
	    ACCESS_GOAL, N_("Only the secretariat can see the yearly "
	    "report.") },
	{ N_("Success criteria"), ACCESS_GOAL,
	    N_("Only the secretariat can see the success criteria.") },
	{ N_("Make a backup of the database"), ACCESS_BACKUP,
	    N_("Only the secretariat can make a backup of the database.") },
	{ N_("Help \xe2\x80\x94 how velkomst works"), -1, NULL },
	{ N_("Log out"), -1, NULL },
	{ N_("Quit"), -1, NULL },
};

static const enum ui_action home_actions[] = {
	ACT_UP, ACT_DOWN, ACT_OPEN, ACT_NEW, ACT_SEARCH, ACT_HELP,
	ACT_LANGUAGE, ACT_LOGOUT, ACT_QUIT, ACT_LOCK, ACT_CHOOSE, ACT_REPORT,
	ACT_CRITERIA,
	ACT_BACKUP,
	ACT_NONE
};
static const enum ui_action home_actions_kiosk[] = {
	ACT_UP, ACT_DOWN, ACT_OPEN, ACT_NEW, ACT_SEARCH, ACT_HELP,
	ACT_LANGUAGE, ACT_LOGOUT, ACT_LOCK, ACT_CHOOSE, ACT_REPORT, ACT_CRITERIA,
	ACT_BACKUP,
	ACT_NONE
};
static const enum ui_action home_ask_actions[] = { ACT_YES, ACT_NO, ACT_NONE };
static const enum ui_action home_back_actions[] = { ACT_BACK, ACT_NONE };

/* One column, no header. */
static const struct ui_column home_cols[] = {
	{ .head = NULL, .width = 1000 },
};

static int	 home_choose(struct ui *, struct home *, int);

/* Count the households for the summary line. */
static void
home_count(struct ui *ui, struct home *h)
{
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(),
				    .deadline = ui_conf(ui)->welcome_days,
				    .stale_days = ui_conf(ui)->stale_days };

	/* The register from the tally; the others stop at DB_COUNT_CAP
	 * ("1,000+"), so that the home screen costs the same at a thousand
	 * households and at a million. */
	h->counted = db_household_count_upto(ui_db(ui), ui_who(ui), &q,
	    DB_COUNT_CAP, &h->households) == DB_OK;
	q.filter = FILTER_OVERDUE;
	h->counted = h->counted && db_household_count_upto(ui_db(ui),
	    ui_who(ui), &q, DB_COUNT_CAP, &h->overdue) == DB_OK;
	q.filter = FILTER_FLAGGED;
	h->counted = h->counted && db_household_count_upto(ui_db(ui),
	    ui_who(ui), &q, DB_COUNT_CAP, &h->flagged) == DB_OK;
	/* Due for deletion: for who may erase, read from the retention
	 * rules' indexes, also up to the cap. */
	h->due = 0;
	if (core_may(ui_who(ui)->role, ACCESS_DELETE) &&
	    db_purge_count(ui_db(ui), ui_who(ui), &ui_conf(ui)->retention,
	    q.today, DB_COUNT_CAP, &h->due) != DB_OK)
		h->due = 0;
}

/* The key of menu item it: its number (the same for every role), or
 * the letter for the report, the success criteria, backup, help, log out
 * and quit. */
static void
home_key_name(int it, char *buf, size_t len)
{
	switch (it) {
	case HOME_REPORT:
		snprintf(buf, len, "%s", ui_key_label(ACT_REPORT));
		break;
	case HOME_CRITERIA:
		snprintf(buf, len, "%s", ui_key_label(ACT_CRITERIA));
		break;
	case HOME_HELP:
		snprintf(buf, len, "?");
		break;
	case HOME_LOGOUT:
		snprintf(buf, len, "x");
		break;
	case HOME_QUIT:
		snprintf(buf, len, "q");
		break;
	case HOME_BACKUP:
		snprintf(buf, len, "b");
		break;
	default:
		snprintf(buf, len, "%d", (it + 1) % 10);
		break;
	}
}

/* A menu line: its key and what it opens. */
static const char *
home_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	int	it = *(const int *)c->row;
	char	key[4];

	(void)ui;
	(void)ctx;
	home_key_name(it, key, sizeof key);
	snprintf(c->buf, sizeof c->buf, " %s  %s", key,
	    _(home_items[it].title));
	return c->buf;
}

/* Enter or a click on a menu line. */
static int
home_open(struct ui *ui, void *ctx, const void *row)
{
	return home_choose(ui, ctx, *(const int *)row);
}

/* The menu of what this role may use, and the counts. */
static void *
home_init(struct ui *ui, void *arg)
{
	struct home	*h = xcalloc(1, sizeof *h);
	enum role	 role = ui_who(ui)->role;
	int		 i;

	(void)arg;
	h->kiosk = ui_conf(ui)->kiosk;
	for (i = 0; i < HOME_COUNT; i++) {
		if (i == HOME_QUIT && h->kiosk)
			continue;	/* a kiosk is never left */
		if (home_items[i].access < 0 ||
		    core_may(role, (enum access)home_items[i].access))
			h->items[h->nitems++] = i;
	}
	h->list.cols = home_cols;
	h->list.ncols = 1;
	h->list.rows = h->items;
	h->list.n = (size_t)h->nitems;
	h->list.size = sizeof h->items[0];
	h->list.wrap = 1;
	h->list.cell = home_cell;
	h->list.open = home_open;
	h->list.ctx = h;
	ui_list_init(&h->list);
	home_count(ui, h);
	return h;
}

/* Close the home screen. */
static void
home_free(void *state)
{
	struct home	*h = state;

	ui_list_free(&h->list);
	free(h);
}

/* Back on the home screen: count again. */
static void
home_resume(struct ui *ui, void *state)
{
	home_count(ui, state);
}

/* The first row of the menu: after a blank row under the lines on top,
 * or right under them when a long menu (the secretariat's) needs that
 * row for the line under it. */
static int
home_menu_top(struct ui *ui, const struct home *h)
{
	int	last = ui_body_top(ui) + ui_body_rows(ui) - 1;

	if (ui_body_top(ui) + 6 + h->nitems > last)
		return ui_body_top(ui) + 5;
	return ui_body_top(ui) + 6;
}

/* The lines about the register and who is logged in. */
static void
home_draw_head(struct ui *ui, struct home *h, int y)
{
	const struct who	*w = ui_who(ui);
	char			*line, *over, n[32];

	if (h->due > 0) {
		/* In place of the welcome's second half: what the
		 * secretariat must do. */
		line = xasprintf(P_("Welcome to velkomst \xc2\xb7 %s household "
		    "due for deletion: velkomst purge", "Welcome to velkomst "
		    "\xc2\xb7 %s households due for deletion: velkomst purge",
		    h->due), i18n_count(h->due, DB_COUNT_CAP, n, sizeof n));
		ui_put(y, 2, line, ui_cols(ui) - 4, 0, STYLE_ERROR);
		free(line);
	} else
		ui_put(y, 2, _("Welcome to velkomst: the stairwell "
		    "ambassadors' register of new neighbours."),
		    ui_cols(ui) - 4, 0, STYLE_NORMAL);
	if (h->counted) {
		/* The register is counted exactly, whatever its size. */
		line = xasprintf(P_("%s household is in the register.",
		    "%s households are in the register.", h->households),
		    i18n_count(h->households, 0, n, sizeof n));
		ui_put(y + 1, 2, line, ui_cols(ui) - 4, 0, STYLE_DIM);
		free(line);
		line = xasprintf(P_("%s welcome is overdue", "%s welcomes "
		    "are overdue", h->overdue), i18n_count(h->overdue,
		    DB_COUNT_CAP, n, sizeof n));
		over = line;
		line = xasprintf(P_("%s \xc2\xb7 %s household needs the "
		    "secretariat.", "%s \xc2\xb7 %s households need the "
		    "secretariat.", h->flagged), over, i18n_count(h->flagged,
		    DB_COUNT_CAP, n, sizeof n));
		free(over);
		ui_put(y + 2, 2, line, ui_cols(ui) - 4, 0, h->overdue > 0 ?
		    STYLE_ERROR : STYLE_DIM);
		free(line);
	}
	line = xasprintf(_("Logged in as %s (%s)."), w->name != NULL ?
	    w->name : "", _(core_role_label(w->role)));
	ui_put(y + 3, 2, line, ui_cols(ui) - 4, 0, STYLE_NORMAL);
	free(line);
}

/* The row under the menu for how to use it or the backup's question:
 * after a blank row when there is room above the message line, right
 * under the menu when not; -1 when the menu fills the body. */
static int
home_hint_row(struct ui *ui, const struct home *h)
{
	int	y = home_menu_top(ui, h) + h->nitems;
	int	end = ui_body_top(ui) + ui_body_rows(ui);

	y += y + 1 < end;
	return y < end ? y : -1;
}

/* The lines on top, then the menu, then how to use it (or the
 * question, which is on the message line when the menu leaves no row:
 * see HOME_BACKUP in home_choose). */
static void
home_draw(struct ui *ui, void *state)
{
	struct home	*h = state;
	int		 y = home_hint_row(ui, h);

	home_draw_head(ui, h, ui_body_top(ui) + 1);
	ui_list_draw(ui, &h->list, home_menu_top(ui, h), 3, h->nitems,
	    ui_cols(ui) - 6);
	if (y < 0)
		return;
	if (h->asking)
		ui_put(y, 4, _("Make a backup of the database now? y/n"),
		    ui_cols(ui) - 8, 0, STYLE_HEADER);
	else
		ui_put(y, 4, _("Use \xe2\x86\x91 \xe2\x86\x93 and Enter, or "
		    "press a number. Press ? for help at any time."),
		    ui_cols(ui) - 8, 0, STYLE_DIM);
}

/* y: make the backup, and say where it is (or why there is none). */
static int
home_backup(struct ui *ui, struct home *h)
{
	struct db_backup_info	 info;
	char			 size[32];

	h->asking = 0;
	/* A minute or more on a large register (77 s at a million). */
	ui_message(ui, "%s", _("Making the backup\xe2\x80\xa6"));
	ui_draw_now(ui);
	if (db_backup(ui_db(ui), ui_who(ui), NULL, &info) != DB_OK) {
		ui_error(ui, _("No backup was made: %s"), db_errmsg(ui_db(ui)));
		return UI_REDRAW | UI_HANDLED;
	}
	ui_message(ui, _("The backup is saved in %s (%s)."), info.path,
	    util_size_text(info.size, size, sizeof size));
	db_backup_info_clear(&info);
	return UI_REDRAW | UI_HANDLED;
}

/* The keys of the question: y, n and Esc. */
static int
home_answer(struct ui *ui, struct home *h, const struct ui_keypress *k)
{
	if (ui_key_action(k, home_ask_actions) == ACT_YES)
		return home_backup(ui, h);
	if (ui_key_action(k, home_ask_actions) == ACT_NO ||
	    ui_key_action(k, home_back_actions) == ACT_BACK) {
		h->asking = 0;
		ui_message(ui, "%s", _("No backup was made."));
		return UI_REDRAW | UI_HANDLED;
	}
	return UI_HANDLED;
}

/* Leave velkomst, or in a kiosk let the next person log in. */
static int
home_quit(struct ui *ui, struct home *h)
{
	if (h->kiosk) {
		ui_logout(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	return UI_QUIT | UI_HANDLED;
}

/* Do what menu item it says. */
static int
home_choose(struct ui *ui, struct home *h, int it)
{
	static const struct screen *const opens[HOME_COUNT] = {
		[HOME_LIST] = &screen_households,
		[HOME_NEW] = &screen_household_form,
		[HOME_QUEUE] = &screen_queue,
		[HOME_OVERDUE] = &screen_overdue,
		[HOME_FOLLOWUPS] = &screen_followups,
		[HOME_AMBASSADORS] = &screen_ambassadors,
		[HOME_GOAL] = &screen_goal,
		[HOME_COVERAGE] = &screen_coverage,
		[HOME_ACCOUNTS] = &screen_accounts,
		[HOME_AUDIT] = &screen_audit,
		[HOME_REPORT] = &screen_report,
		[HOME_CRITERIA] = &screen_criteria,
	};

	switch (it) {
	case HOME_HELP:
		ui_push(ui, &screen_help, (void *)&screen_home);
		break;
	case HOME_LOGOUT:
		ui_logout(ui);
		break;
	case HOME_QUIT:
		return home_quit(ui, h);
	case HOME_BACKUP:
		h->asking = 1;
		/* No row under a full menu: the message line asks. */
		if (home_hint_row(ui, h) < 0)
			ui_message(ui, "%s", _("Make a backup of the database "
			    "now? y/n"));
		break;
	default:
		ui_push(ui, opens[it], NULL);
		break;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* Whether this role sees menu item it. */
static int
home_shows(const struct home *h, int it)
{
	int	i;

	for (i = 0; i < h->nitems; i++)
		if (h->items[i] == it)
			return 1;
	return 0;
}

/* A number: the item of that number, or why this role has none. */
static int
home_number(struct ui *ui, struct home *h, wint_t digit)
{
	int	it = digit == L'0' ? 9 : (int)(digit - L'1');

	if (it < 0 || it >= HOME_CRITERIA)
		return UI_HANDLED;
	if (home_shows(h, it))
		return home_choose(ui, h, it);
	ui_error(ui, "%s", _(home_items[it].why));
	return UI_REDRAW | UI_HANDLED;
}

/* Switch between Danish and English at once, and remember the choice
 * for the login: the message says so in the language chosen. */
static int
home_language(struct ui *ui)
{
	ui_set_language(ui, i18n_danish() ? "en" : "da");
	if (db_account_set_language(ui_db(ui), ui_who(ui), i18n_lang()) ==
	    DB_OK)
		/* TRANSLATORS: said in the language just chosen: say that
		 * velkomst speaks your language now. */
		ui_message(ui, "%s", _("velkomst speaks English now, and "
		    "remembers it for your login."));
	else
		/* TRANSLATORS: as above; the reason follows. */
		ui_error(ui, "%s %s", _("velkomst speaks English now, but "
		    "could not remember it for your login:"),
		    db_errmsg(ui_db(ui)));
	return UI_REDRAW | UI_HANDLED;
}

/* Numbers choose an item; the rest by the key table. */
static int
home_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct home	*h = state;
	int		 flags;

	if (h->asking)
		return home_answer(ui, h, k);
	if ((flags = ui_list_key(ui, &h->list, k)) != 0)
		return flags;
	switch (ui_key_action(k, home_actions)) {
	case ACT_CHOOSE:
		return home_number(ui, h, k->ch);
	case ACT_NEW:
		if (home_shows(h, HOME_NEW))
			return home_choose(ui, h, HOME_NEW);
		ui_error(ui, "%s", _(home_items[HOME_NEW].why));
		return UI_REDRAW | UI_HANDLED;
	case ACT_SEARCH:
		if (!home_shows(h, HOME_LIST)) {
			ui_error(ui, "%s", _(home_items[HOME_LIST].why));
			return UI_REDRAW | UI_HANDLED;
		}
		ui_push(ui, &screen_households, (void *)"");
		return UI_REDRAW | UI_HANDLED;
	case ACT_REPORT:
		if (home_shows(h, HOME_REPORT))
			return home_choose(ui, h, HOME_REPORT);
		ui_error(ui, "%s", _(home_items[HOME_REPORT].why));
		return UI_REDRAW | UI_HANDLED;
	case ACT_LOGOUT:
		ui_logout(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_LANGUAGE:
		return home_language(ui);
	case ACT_CRITERIA:
		if (home_shows(h, HOME_CRITERIA))
			return home_choose(ui, h, HOME_CRITERIA);
		ui_error(ui, "%s", _(home_items[HOME_CRITERIA].why));
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACKUP:
		if (home_shows(h, HOME_BACKUP))
			return home_choose(ui, h, HOME_BACKUP);
		ui_error(ui, "%s", _(home_items[HOME_BACKUP].why));
		return UI_REDRAW | UI_HANDLED;
	case ACT_QUIT:
		return home_quit(ui, h);
	default:
		return 0;
	}
}

/* A kiosk's bottom line offers no quit; the question only y and n. */
static const enum ui_action *
home_actions_now(void *state)
{
	struct home	*h = state;

	if (h->asking)
		return home_ask_actions;
	return h->kiosk ? home_actions_kiosk : home_actions;
}

/* A click on a menu line chooses it. */
static int
home_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct home	*h = state;

	(void)twice;
	if (h->asking || ui_list_click(ui, &h->list, y, x, 0) == 0)
		return 0;
	return home_choose(ui, h, *(const int *)ui_list_selected(&h->list));
}

const struct screen screen_home = {
	.name = "home",
	.title = N_("Home"),
	.actions = home_actions,
	.help = N_("velkomst keeps the register of households that move in, "
	    "so that a stairwell ambassador can greet every new neighbour "
	    "right at move-in.\n\n"
	    "Households: the list of everyone registered, newest first. "
	    "Type / and the start of a name to find someone.\n"
	    "Register a move-in: when the estate office tells you that "
	    "someone has moved in, write down the department, stairwell, "
	    "flat, date and names.\n"
	    "Queue: the households waiting for a welcome visit on your "
	    "stairwells, longest waiting first; v starts the visit.\n"
	    "Overdue welcomes: households not welcomed within the deadline "
	    "after moving in.\n"
	    "Needs the secretariat: nobody was home too many times, or an "
	    "ambassador passed something on.\n"
	    "Ambassadors: the register of the stairwell ambassadors the "
	    "secretariat has recruited.\n"
	    "Recruitment goal: how recruitment goes toward the programme's "
	    "goal.\n"
	    "Coverage: the stairwells with and without an active ambassador.\n"
	    "Yearly report (r): a year's welcomes; a department's "
	    "evaluation.\n"
	    "Success criteria (c): what the activity has reached toward the "
	    "agreement's criteria, year by year.\n"
	    "Accounts and Audit trail: logins and who changed what.\n"
	    "b: a backup of the database now, into the folder backups/ "
	    "beside it (the secretariat; it asks first).\n"
	    "l: Danish or English, at once; velkomst remembers it for your "
	    "login.\n\n"
	    "Esc always goes back one screen. Nothing is saved until you "
	    "press F2 in a form."),
	.init = home_init,
	.draw = home_draw,
	.key = home_key,
	.resume = home_resume,
	.free = home_free,
	.click = home_click,
	.actions_now = home_actions_now,
};
