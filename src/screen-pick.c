/*
 * screen-pick.c — pick one item of a list (a department, a stairwell).
 * Typing a letter jumps to the next item that starts with it.  The list
 * widget (ui-list.c) holds the items as a plain array.
 */
#include <stdlib.h>

#include "i18n.h"
#include "ui.h"
#include "util.h"

struct pick {
	struct ui_pick	 p;
	struct ui_list	 list;
};

static const enum ui_action pick_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_OPEN,
	ACT_JUMP, ACT_BACK, ACT_HELP, ACT_NONE
};

/* One column, no header: the item as it is. */
static const struct ui_column pick_cols[] = {
	{ .head = NULL, .width = 1000 },
};

/* The text of an item. */
static const char *
pick_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	(void)ui;
	(void)ctx;
	return *(const char *const *)c->row;
}

/* Enter or a double click: that one. */
static int
pick_open(struct ui *ui, void *ctx, const void *row)
{
	struct pick	*p = ctx;

	if (p->p.done != NULL)
		p->p.done(ui, p->p.ctx, (int)((const char *const *)row -
		    p->p.items));
	return UI_POP | UI_HANDLED;
}

/* Open the pick list on a copy of what to pick from. */
static void *
pick_init(struct ui *ui, void *arg)
{
	struct pick	*p = xcalloc(1, sizeof *p);

	(void)ui;
	p->p = *(const struct ui_pick *)arg;
	p->list.cols = pick_cols;
	p->list.ncols = 1;
	p->list.rows = p->p.items;
	p->list.n = p->p.n;
	p->list.size = sizeof *p->p.items;
	p->list.jump = 1;
	p->list.cell = pick_cell;
	p->list.open = pick_open;
	p->list.ctx = p;
	p->list.empty = _("There is nothing to pick here. Esc goes back.");
	ui_list_init(&p->list);
	ui_list_select(&p->list, p->p.initial);
	return p;
}

/* Close the pick list. */
static void
pick_free(void *state)
{
	struct pick	*p = state;

	ui_list_free(&p->list);
	free(p);
}

/* The title, then the items. */
static void
pick_draw(struct ui *ui, void *state)
{
	struct pick	*p = state;
	int		 y = ui_body_top(ui);

	ui_put(y, 2, p->p.title, ui_cols(ui) - 4, 0, STYLE_HEADER);
	ui_list_draw(ui, &p->list, y + 2, 3, ui_body_rows(ui) - 2,
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
