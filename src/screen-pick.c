/*
 * screen-pick.c — pick one item of a list (a department, a stairwell).
 * Typing a letter jumps to the next item that starts with it.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct pick {
	struct ui_pick	 p;
	int		 sel;
	int		 top;
};

static const enum ui_action pick_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_OPEN, ACT_BACK, ACT_HELP,
	ACT_NONE
};

static void *
pick_init(struct ui *ui, void *arg)
{
	struct pick	*p = xcalloc(1, sizeof *p);

	(void)ui;
	p->p = *(const struct ui_pick *)arg;
	p->sel = p->p.initial >= 0 && (size_t)p->p.initial < p->p.n ?
	    p->p.initial : 0;
	return p;
}

static void
pick_draw(struct ui *ui, void *state)
{
	struct pick	*p = state;
	int		 rows = ui_body_rows(ui) - 2, y = ui_body_top(ui);
	size_t		 i;

	ui_put(y, 2, p->p.title, ui_cols(ui) - 4, 0, STYLE_HEADER);
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	for (i = (size_t)p->top; i < p->p.n && (int)i < p->top + rows; i++)
		ui_put(y + 2 + (int)i - p->top, 4, p->p.items[i],
		    ui_cols(ui) - 8, 1,
		    (int)i == p->sel ? STYLE_SELECTED : STYLE_NORMAL);
}

/* Move to the next item whose search key starts with the typed letter. */
static void
pick_jump(struct pick *p, wint_t ch)
{
	char	 typed[8] = { 0 }, *want, *key;
	size_t	 i, k;
	wchar_t	 w[2] = { (wchar_t)ch, 0 };

	if (wcstombs(typed, w, sizeof typed - 1) == (size_t)-1)
		return;
	want = core_search_key(typed);
	for (k = 1; k <= p->p.n; k++) {
		i = ((size_t)p->sel + k) % p->p.n;
		key = core_search_key(p->p.items[i]);
		if (strncmp(key, want, strlen(want)) == 0) {
			p->sel = (int)i;
			free(key);
			break;
		}
		free(key);
	}
	free(want);
}

static int
pick_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct pick	*p = state;
	int		 page = ui_body_rows(ui) - 3, n = (int)p->p.n;

	switch (ui_key_action(k, pick_actions)) {
	case ACT_UP:
		p->sel = p->sel > 0 ? p->sel - 1 : 0;
		break;
	case ACT_DOWN:
		p->sel = p->sel < n - 1 ? p->sel + 1 : n - 1;
		break;
	case ACT_PGUP:
		p->sel = p->sel > page ? p->sel - page : 0;
		break;
	case ACT_PGDN:
		p->sel = p->sel + page < n ? p->sel + page : n - 1;
		break;
	case ACT_OPEN:
		if (n > 0 && p->p.done != NULL)
			p->p.done(ui, p->p.ctx, p->sel);
		return UI_POP | UI_HANDLED;
	default:
		if (!k->is_key && iswalnum(k->ch) && n > 0) {
			pick_jump(p, k->ch);
			break;
		}
		return 0;
	}
	if (p->sel < 0)		/* an empty list */
		p->sel = 0;
	return UI_REDRAW | UI_HANDLED;
}

/* A click picks the line. */
static int
pick_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct pick	*p = state;
	int		 i = y - ui_body_top(ui) - 2 + p->top;

	(void)x;
	if (y < ui_body_top(ui) + 2 || i < 0 || i >= (int)p->p.n)
		return 0;
	p->sel = i;
	if (!twice)
		return UI_REDRAW | UI_HANDLED;
	if (p->p.done != NULL)
		p->p.done(ui, p->p.ctx, p->sel);
	return UI_POP | UI_HANDLED;
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
	.free = free,
	.click = pick_click,
};
