/*
 * screen-home.c — the home screen: a short menu of what works, and a line
 * about the register.
 */
#include <curses.h>
#include <stdlib.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct home {
	int	sel;
	long	households;
	long	overdue;
	long	flagged;
	int	counted;	/* 1 if the counts hold */
};

enum home_item {
	HOME_LIST, HOME_NEW, HOME_QUEUE, HOME_OVERDUE, HOME_FOLLOWUPS,
	HOME_AMBASSADORS, HOME_GOAL, HOME_COVERAGE, HOME_HELP, HOME_QUIT,
	HOME_COUNT
};

static const char *const home_items[HOME_COUNT] = {
	N_("Households \xe2\x80\x94 the move-in register"),
	N_("Register a move-in"),
	N_("Queue \xe2\x80\x94 who to visit"),
	N_("Overdue welcomes"),
	N_("Needs the secretariat"),
	N_("Ambassadors"),
	N_("Recruitment goal"),
	N_("Coverage \xe2\x80\x94 where to recruit next"),
	N_("Help \xe2\x80\x94 how velkomst works"),
	N_("Quit"),
};

static const enum ui_action home_actions[] = {
	ACT_UP, ACT_DOWN, ACT_OPEN, ACT_NEW, ACT_SEARCH, ACT_HELP, ACT_QUIT,
	ACT_NONE
};

/* Count the households for the summary line. */
static void
home_count(struct ui *ui, struct home *h)
{
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(),
				    .deadline = ui_conf(ui)->welcome_days };

	h->counted = db_household_count(ui_db(ui), ui_who(ui), &q,
	    &h->households) == DB_OK;
	q.filter = FILTER_OVERDUE;
	h->counted = h->counted && db_household_count(ui_db(ui), ui_who(ui),
	    &q, &h->overdue) == DB_OK;
	q.filter = FILTER_FLAGGED;
	h->counted = h->counted && db_household_count(ui_db(ui), ui_who(ui),
	    &q, &h->flagged) == DB_OK;
}

static void *
home_init(struct ui *ui, void *arg)
{
	struct home	*h = xcalloc(1, sizeof *h);

	(void)arg;
	home_count(ui, h);
	return h;
}

static void
home_resume(struct ui *ui, void *state)
{
	home_count(ui, state);
}

static void
home_draw(struct ui *ui, void *state)
{
	struct home	*h = state;
	char		*line, *over;
	int		 i, y = ui_body_top(ui) + 1;

	ui_put(y, 2, _("Welcome to velkomst: the stairwell ambassadors' "
	    "register of new neighbours."), ui_cols(ui) - 4, 0,
	    STYLE_NORMAL);
	if (h->counted) {
		line = xasprintf(P_("%ld household is in the register.",
		    "%ld households are in the register.", h->households),
		    h->households);
		ui_put(y + 1, 2, line, ui_cols(ui) - 4, 0, STYLE_DIM);
		free(line);
		line = xasprintf(P_("%ld welcome is overdue", "%ld welcomes "
		    "are overdue", h->overdue), h->overdue);
		over = line;
		line = xasprintf(P_("%s \xc2\xb7 %ld household needs the "
		    "secretariat.", "%s \xc2\xb7 %ld households need the "
		    "secretariat.", h->flagged), over, h->flagged);
		free(over);
		ui_put(y + 2, 2, line, ui_cols(ui) - 4, 0, h->overdue > 0 ?
		    STYLE_ERROR : STYLE_DIM);
		free(line);
	}
	y += 4;
	for (i = 0; i < HOME_COUNT; i++) {
		line = xasprintf(" %d  %s ", (i + 1) % 10, _(home_items[i]));
		ui_put(y + i, 4, line, ui_cols(ui) - 8, 0,
		    i == h->sel ? STYLE_SELECTED : STYLE_NORMAL);
		free(line);
	}
	ui_put(y + HOME_COUNT + 1, 4, _("Use \xe2\x86\x91 \xe2\x86\x93 "
	    "and Enter, or press a number. Press ? for help at any time."),
	    ui_cols(ui) - 8, 0, STYLE_DIM);
}

/* Do what menu item i says. */
static int
home_choose(struct ui *ui, int i)
{
	switch (i) {
	case HOME_LIST:
		ui_push(ui, &screen_households, NULL);
		break;
	case HOME_NEW:
		ui_push(ui, &screen_household_form, NULL);
		break;
	case HOME_QUEUE:
		ui_push(ui, &screen_queue, NULL);
		break;
	case HOME_OVERDUE:
		ui_push(ui, &screen_overdue, NULL);
		break;
	case HOME_FOLLOWUPS:
		ui_push(ui, &screen_followups, NULL);
		break;
	case HOME_AMBASSADORS:
		ui_push(ui, &screen_ambassadors, NULL);
		break;
	case HOME_GOAL:
		ui_push(ui, &screen_goal, NULL);
		break;
	case HOME_COVERAGE:
		ui_push(ui, &screen_coverage, NULL);
		break;
	case HOME_HELP:
		ui_push(ui, &screen_help, (void *)&screen_home);
		break;
	default:
		return UI_QUIT | UI_HANDLED;
	}
	return UI_REDRAW | UI_HANDLED;
}

static int
home_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct home	*h = state;

	if (!k->is_key && k->ch >= '0' && k->ch <= '9')
		return home_choose(ui, k->ch == '0' ? 9 : (int)(k->ch - '1'));
	switch (ui_key_action(k, home_actions)) {
	case ACT_UP:
		h->sel = (h->sel + HOME_COUNT - 1) % HOME_COUNT;
		return UI_REDRAW | UI_HANDLED;
	case ACT_DOWN:
		h->sel = (h->sel + 1) % HOME_COUNT;
		return UI_REDRAW | UI_HANDLED;
	case ACT_OPEN:
		return home_choose(ui, h->sel);
	case ACT_NEW:
		return home_choose(ui, HOME_NEW);
	case ACT_SEARCH:
		ui_push(ui, &screen_households, (void *)"/");
		return UI_REDRAW | UI_HANDLED;
	case ACT_QUIT:
		return UI_QUIT | UI_HANDLED;
	default:
		return 0;
	}
}

/* A click on a menu line chooses it. */
static int
home_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct home	*h = state;
	int		 top = ui_body_top(ui) + 5, i;

	(void)x;
	(void)twice;
	if (y < top)
		return 0;
	i = y - top;
	if (i >= HOME_COUNT)
		return 0;
	h->sel = i;
	return home_choose(ui, i);
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
	    "Coverage: the stairwells with and without an active ambassador.\n\n"
	    "Esc always goes back one screen. Nothing is saved until you "
	    "press F2 in a form."),
	.init = home_init,
	.draw = home_draw,
	.key = home_key,
	.resume = home_resume,
	.free = free,
	.click = home_click,
};
