/*
 * screen-help.c — the help overlay: the screen's own text and its keys,
 * both from the tables the screen and ui-keys.c already hold.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "util.h"

struct help {
	const struct screen	*of;
	char			*text;
	int			 skip;
	int			 lines;
};

static const enum ui_action help_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_BACK, ACT_HELP_CLOSE,
	ACT_NONE
};

/* The actions of a screen where text is typed: help then lists the
 * line editor's keys too. */
static const enum ui_action typing_actions[] = {
	ACT_SEARCH, ACT_SAVE, ACT_CONFIRM, ACT_LOGIN, ACT_ITEM_NOTE,
	ACT_TO_LIST, ACT_FILTER_ACCOUNT, ACT_FILTER_RECORD, ACT_FILTER_DATE,
	ACT_STATUS, ACT_HANDLED, ACT_PICK_MANY, ACT_NONE
};

/* Every screen with a search explains it the same way. */
static const char search_help[] = N_("To find someone, press / and type "
    "the start of any of their names: \"sor\" finds S\xc3\xb8ren, "
    "\"jens\" finds \xc3\x98lgaard-Jensen. Capital letters and \xc3\xa6 "
    "\xc3\xb8 \xc3\xa5 do not matter: \"soren\" and \"s\xc3\xb8ren\" find "
    "the same people. Enter, \xe2\x86\x93 or Esc take you from the search "
    "field to the list of what it found; there Esc clears the search, and "
    "Esc once more goes back.");

/*
 * The part of velkomst(1) that tells of each screen, by its title there
 * (.Ss); translated, it names the part of the Danish manual.  A screen
 * not here is sent to the manual as a whole.
 */
static const struct {
	const struct screen	*screen;
	const char		*part;
} help_manual[] = {
	/* TRANSLATORS: this and the next are titles of parts of the
	   manual velkomst(1): write each as man/da/velkomst.1 names it. */
	{ &screen_home, N_("Home") },
	{ &screen_households, N_("Households") },
	{ &screen_queue, N_("Queue: who to visit") },
	{ &screen_overdue, N_("Overdue welcomes") },
	{ &screen_followups, N_("Needs the secretariat") },
	{ &screen_household, N_("Household") },
	{ &screen_consent, N_("Consent") },
	{ &screen_household_form, N_("The household form") },
	{ &screen_visit, N_("Visit") },
	{ &screen_ambassadors, N_("Ambassadors") },
	{ &screen_ambassador, N_("Ambassador") },
	{ &screen_ambassador_form, N_("The ambassador form") },
	{ &screen_goal, N_("Recruitment goal") },
	{ &screen_coverage, N_("Coverage") },
	{ &screen_desk, N_("Desk overview") },
	{ &screen_criteria, N_("Success criteria") },
	{ &screen_records, N_("Films and stories") },
	{ &screen_record_form, N_("Films and stories") },
	{ &screen_stories, N_("Possible success stories") },
	{ &screen_report, N_("Yearly report") },
	{ &screen_evaluation, N_("Evaluation") },
	{ &screen_accounts, N_("Accounts") },
	{ &screen_account_form, N_("Accounts") },
	{ &screen_audit, N_("Audit trail") },
	{ &screen_pick, N_("The pick list") },
	{ &screen_login, N_("Logging in") },
};

/* The part of velkomst(1) about screen s (English, for _()), or NULL. */
const char *
ui_help_manual(const struct screen *s)
{
	size_t	 i;

	for (i = 0; i < sizeof help_manual / sizeof help_manual[0]; i++)
		if (help_manual[i].screen == s)
			return help_manual[i].part;
	return NULL;
}

/* Replace *buf with *buf followed by a and b. */
static void
help_add(char **buf, const char *a, const char *b)
{
	char	*old = *buf;

	*buf = xasprintf("%s%s%s", old, a, b);
	free(old);
}

/* 1 if the list of actions holds a. */
static int
help_has(const enum ui_action *list, enum ui_action a)
{
	for (; *list != ACT_NONE; list++)
		if (*list == a)
			return 1;
	return 0;
}

/* 1 if text is typed on the screen of these actions. */
static int
help_typing(const enum ui_action *actions)
{
	const enum ui_action	*a;

	for (a = typing_actions; *a != ACT_NONE; a++)
		if (help_has(actions, *a))
			return 1;
	return 0;
}

/* A line per action: its key and what it does. */
static void
help_keys(char **buf, const enum ui_action *a)
{
	char	*line;
	int	 w;

	for (; *a != ACT_NONE; a++) {
		w = util_text_width(ui_key_label(*a));
		line = xasprintf("  %s%*s  \t%s\n", ui_key_label(*a),
		    w < 6 ? 6 - w : 0, "", _(ui_key_help(*a)));
		help_add(buf, line, "");
		free(line);
	}
}

/* Build the help text: the screen's help, then a line per key. */
static char *
help_text(const struct screen *s)
{
	const char	*part;
	char		*buf = xstrdup(""), *line;

	if (s->help != NULL)
		help_add(&buf, _(s->help), "\n\n");
	if (help_has(s->actions, ACT_SEARCH))
		help_add(&buf, _(search_help), "\n\n");
	help_add(&buf, _("Keys on this screen:"), "\n");
	help_keys(&buf, s->actions);
	if (help_typing(s->actions)) {
		help_add(&buf, "\n", _("Keys while typing in a field:"));
		help_add(&buf, "\n", "");
		help_keys(&buf, ui_edit_actions);
	}
	help_add(&buf, "\n", _("F1 or ? opens this help on every screen; "
	    "Esc closes it. The manual: man velkomst."));
	if ((part = ui_help_manual(s)) != NULL) {
		line = xasprintf(_("More on this screen: man velkomst, "
		    "section \"%s\"."), _(part));
		help_add(&buf, "\n", line);
		free(line);
	}
	return buf;
}

static void *
help_init(struct ui *ui, void *arg)
{
	struct help	*h = xcalloc(1, sizeof *h);

	(void)ui;
	h->of = arg;
	h->text = help_text(h->of);
	return h;
}

static void
help_free(void *state)
{
	struct help	*h = state;

	free(h->text);
	free(h);
}

static void
help_draw(struct ui *ui, void *state)
{
	struct help	*h = state;
	char		*title;

	title = xasprintf(_("Help: %s"), _(h->of->title));
	ui_put(ui_body_top(ui), 2, title, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(title);
	h->lines = ui_wrap(ui_body_top(ui) + 2, 2, ui_cols(ui) - 4,
	    ui_body_rows(ui) - 2, h->skip, h->text, STYLE_NORMAL);
}

static int
help_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct help	*h = state;
	int		 page = ui_body_rows(ui) - 3;

	switch (ui_key_action(k, help_actions)) {
	case ACT_UP:
		h->skip -= 1;
		break;
	case ACT_DOWN:
		h->skip += 1;
		break;
	case ACT_PGUP:
		h->skip -= page;
		break;
	case ACT_PGDN:
		h->skip += page;
		break;
	case ACT_HELP_CLOSE:
		return UI_POP | UI_HANDLED;
	default:
		return 0;
	}
	if (h->skip > h->lines - page)
		h->skip = h->lines - page;
	if (h->skip < 0)
		h->skip = 0;
	return UI_REDRAW | UI_HANDLED;
}

const struct screen screen_help = {
	.name = "help",
	.title = N_("Help"),
	.actions = help_actions,
	.help = NULL,
	.init = help_init,
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};
