/*
 * screen-pick.c — pick from a list: one item (a department, a stairwell),
 * where typing a letter jumps to the next item that starts with it; or,
 * with a search line (screen_pick_search), several items of a long list
 * (the languages spoken): typing narrows the list, Enter adds or takes
 * away the item under the cursor, and Esc goes back with what is chosen.
 * The list widget (ui-list.c) holds the items shown as an array of
 * their indices.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct pick {
	struct ui_pick	 p;
	struct ui_list	 list;
	size_t		*shown;		/* indices into p.items */
	size_t		 nshown;
};

static const enum ui_action pick_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_OPEN,
	ACT_JUMP, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action pick_search_actions[] = {
	ACT_LIST_PREV, ACT_LIST_NEXT, ACT_PGUP, ACT_PGDN, ACT_OPEN, ACT_BACK,
	ACT_HELP, ACT_NONE
};
static const enum ui_action pick_many_actions[] = {
	ACT_LIST_PREV, ACT_LIST_NEXT, ACT_PGUP, ACT_PGDN, ACT_PICK_MANY,
	ACT_BACK, ACT_HELP, ACT_NONE
};

/* One column, no header: the item as it is. */
static const struct ui_column pick_cols[] = {
	{ .head = NULL, .width = 1000 },
};

/* The text of an item, marked when it is chosen. */
static const char *
pick_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	struct pick	*p = ctx;
	size_t		 i = *(const size_t *)c->row;

	(void)ui;
	if (p->p.marked == NULL)
		return p->p.items[i];
	snprintf(c->buf, sizeof c->buf, "%s %s", p->p.marked(p->p.ctx, i) ?
	    "\xe2\x9c\x93" : " ", p->p.items[i]);
	return c->buf;
}

/* Enter or a double click: that one (and stay, when several may be
 * chosen). */
static int
pick_open(struct ui *ui, void *ctx, const void *row)
{
	struct pick	*p = ctx;

	if (p->p.done != NULL)
		p->p.done(ui, p->p.ctx, (int)*(const size_t *)row);
	return p->p.marked != NULL ? UI_REDRAW | UI_HANDLED :
	    UI_POP | UI_HANDLED;
}

/* Show the items the typed text finds (every item for none). */
static void
pick_search(struct ui *ui, void *ctx, const char *text)
{
	struct pick	*p = ctx;
	char		**words = NULL;
	size_t		  nwords = 0, i;

	(void)ui;
	if (p->p.match != NULL)
		nwords = core_search_words(text, &words);
	p->nshown = 0;
	for (i = 0; i < p->p.n; i++)
		if (nwords == 0 || p->p.match(p->p.ctx, i, words, nwords))
			p->shown[p->nshown++] = i;
	core_words_free(words, nwords);
	p->list.n = p->nshown;
	ui_list_select(&p->list, 0);
}

/* Open the pick list on a copy of what to pick from. */
static void *
pick_init(struct ui *ui, void *arg)
{
	struct pick	*p = xcalloc(1, sizeof *p);

	p->p = *(const struct ui_pick *)arg;
	p->shown = xcalloc(p->p.n + 1, sizeof *p->shown);
	p->list.cols = pick_cols;
	p->list.ncols = 1;
	p->list.rows = p->shown;
	p->list.size = sizeof *p->shown;
	p->list.jump = p->p.match == NULL;
	p->list.filter = p->p.match != NULL;
	p->list.cell = pick_cell;
	p->list.open = pick_open;
	p->list.search = pick_search;
	p->list.ctx = p;
	p->list.empty = p->p.match != NULL ? _("Nothing is found by that. "
	    "Backspace takes away what was typed.") : _("There is nothing "
	    "to pick here. Esc goes back.");
	ui_list_init(&p->list);
	pick_search(ui, p, "");
	ui_list_select(&p->list, p->p.initial);
	return p;
}

/* Close the pick list. */
static void
pick_free(void *state)
{
	struct pick	*p = state;

	ui_list_free(&p->list);
	free(p->shown);
	free(p);
}

/* The title, what is chosen, then the items. */
static void
pick_draw(struct ui *ui, void *state)
{
	struct pick	*p = state;
	int		 y = ui_body_top(ui), skip = 2;
	const char	*chosen;

	ui_put(y, 2, p->p.title, ui_cols(ui) - 4, 0, STYLE_HEADER);
	if (p->p.chosen != NULL) {
		chosen = p->p.chosen(p->p.ctx);
		ui_put_cut(y + 1, 2, chosen, ui_cols(ui) - 4, 0,
		    STYLE_NORMAL);
		skip = 3;
	}
	ui_list_draw(ui, &p->list, y + skip, 3, ui_body_rows(ui) - skip,
	    ui_cols(ui) - 6);
}

/* Every key is the list's. */
static int
pick_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	return ui_list_key(ui, &((struct pick *)state)->list, k);
}

/* A click picks the line; a double click takes it. */
static int
pick_click(struct ui *ui, void *state, int y, int x, int twice)
{
	return ui_list_click(ui, &((struct pick *)state)->list, y, x, twice);
}

/* The cursor: in the search line of a list that has one. */
static int
pick_cursor(struct ui *ui, void *state, int *y, int *x)
{
	(void)ui;
	return ui_list_cursor(&((struct pick *)state)->list, y, x);
}

/* The keys: Enter adds or takes away when several may be chosen. */
static const enum ui_action *
pick_actions_now(void *state)
{
	return ((struct pick *)state)->p.marked != NULL ? pick_many_actions :
	    pick_search_actions;
}

const struct screen screen_pick = {
	.name = "pick",
	.title = N_("Pick one"),
	.actions = pick_actions,
	.help = N_("Move to the one you want and press Enter. Typing a "
	    "letter jumps to the next one that starts with it. Esc goes "
	    "back without changing anything."),
	.init = pick_init,
	.draw = pick_draw,
	.key = pick_key,
	.free = pick_free,
	.click = pick_click,
};

const struct screen screen_pick_search = {
	.name = "pick-search",
	.title = N_("Pick"),
	.actions = pick_many_actions,
	.help = N_("Type a part of the name to narrow the list (in any of "
	    "the names shown), and move with the arrows. Enter adds the one "
	    "the cursor is on, or takes it away when it is chosen already "
	    "(marked with \xe2\x9c\x93). What is chosen is shown at the "
	    "top. Esc goes back with what is chosen."),
	.init = pick_init,
	.draw = pick_draw,
	.key = pick_key,
	.free = pick_free,
	.click = pick_click,
	.cursor = pick_cursor,
	.actions_now = pick_actions_now,
};
