/*
 * screen-help.c — the help overlay: the screen's own text and its keys,
 * both from the tables the screen and ui-keys.c already hold.
 */
#include <curses.h>
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
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_BACK, ACT_NONE
};

/* Every screen with a search explains it the same way. */
static const char search_help[] = N_("To find someone, press / and type "
    "the start of any of their names: \"sor\" finds S\xc3\xb8ren, "
    "\"jens\" finds \xc3\x98lgaard-Jensen. Capital letters and \xc3\xa6 "
    "\xc3\xb8 \xc3\xa5 do not matter: \"soren\" and \"s\xc3\xb8ren\" find "
    "the same people. Enter, \xe2\x86\x93 or Esc take you from the search "
    "field to the list of what it found; there Esc clears the search, and "
    "Esc once more goes back.");

/* Replace *buf with *buf followed by a and b. */
static void
help_add(char **buf, const char *a, const char *b)
{
	char	*old = *buf;

	*buf = xasprintf("%s%s%s", old, a, b);
	free(old);
}

/* Build the help text: the screen's help, then a line per key. */
static char *
help_text(const struct screen *s)
{
	const enum ui_action	*a;
	char			*buf = xstrdup(""), *line;
	int			 w;

	if (s->help != NULL) {
		help_add(&buf, _(s->help), "\n\n");
	}
	for (a = s->actions; *a != ACT_NONE; a++)
		if (*a == ACT_SEARCH)
			help_add(&buf, _(search_help), "\n\n");
	help_add(&buf, _("Keys on this screen:"), "\n");
	for (a = s->actions; *a != ACT_NONE; a++) {
		w = util_text_width(ui_key_label(*a));
		line = xasprintf("  %s%*s  %s\n", ui_key_label(*a),
		    w < 6 ? 6 - w : 0, "", _(ui_key_help(*a)));
		help_add(&buf, line, "");
		free(line);
	}
	help_add(&buf, "\n", _("F1 or ? opens this help on every screen; "
	    "Esc closes it. The manual: man velkomst."));
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
	default:
		if (!k->is_key && (k->ch == '?' || k->ch == 'q'))
			return UI_POP | UI_HANDLED;
		if (k->is_key && k->ch == KEY_F(1))
			return UI_POP | UI_HANDLED;
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
