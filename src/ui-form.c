/*
 * ui-form.c — the field machinery every form shares: a label, a box, what
 * is wrong said under the box, focus, scrolling and the keys that move
 * and edit.  Which fields a form has, how they are checked and saved, and
 * what its pick lists hold stay with the screen.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define FORM_LABEL_X	2	/* the label's column */
#define FORM_LABEL_W	22	/* and its width */
#define FORM_BOX_X	25	/* the box's column */

/* Set up field i. */
void
ui_form_field(struct ui_form *fm, int i, enum ui_field_kind kind,
    const char *label, const char *text, size_t max)
{
	struct ui_field	*f = &fm->f[i];

	f->kind = kind;
	f->label = label;
	util_edit_init(&f->e, text != NULL ? text : "", max);
	util_edit_end(&f->e);
}

/* Set up field i as a checklist item with an empty note. */
void
ui_form_item(struct ui_form *fm, int i, const char *title, size_t max)
{
	struct ui_field	*f = &fm->f[i];

	f->kind = UI_FIELD_ITEM;
	f->shows = title;
	f->state = IS_UNSET;
	util_edit_init(&f->e, "", max);
}

/* Set up field i as a heading: a text, no field. */
void
ui_form_heading(struct ui_form *fm, int i, const char *text)
{
	struct ui_field	*f = &fm->f[i];

	f->kind = UI_FIELD_HEADING;
	f->shows = text;
	util_edit_init(&f->e, "", 0);
}

/* Set the state of item i. */
void
ui_form_set_state(struct ui_form *fm, int i, int state)
{
	fm->f[i].state = state;
	ui_form_clear_error(fm, i);
	fm->dirty = 1;
}

/* Set up secret field i: its buffer never moves, so no copy is left. */
void
ui_form_secret(struct ui_form *fm, int i, const char *label, size_t max)
{
	struct ui_field	*f = &fm->f[i];

	f->kind = UI_FIELD_SECRET;
	f->label = label;
	ui_secret_init(&f->e, max);
}

/* Wipe what field i holds. */
void
ui_form_wipe(struct ui_form *fm, int i)
{
	ui_secret_wipe(&fm->f[i].e);
}

/* An editor for a secret of at most max characters, its room reserved. */
void
ui_secret_init(struct edit *e, size_t max)
{
	char	*fill = xmalloc(max + 1);

	memset(fill, 'x', max);
	fill[max] = '\0';
	util_edit_init(e, fill, max);
	util_edit_set(e, "");
	free(fill);
}

/* Wipe what a secret's editor holds and empty it. */
void
ui_secret_wipe(struct edit *e)
{
	if (e->buf != NULL) {
		core_secret_wipe(e->buf, e->cap * sizeof *e->buf);
		e->buf[0] = L'\0';
	}
	e->len = e->cur = 0;
	e->scroll = 0;
}

/* Free what the fields hold; secret ones are wiped first. */
void
ui_form_free(struct ui_form *fm)
{
	int	i;

	for (i = 0; i < fm->n; i++) {
		if (fm->f[i].kind == UI_FIELD_SECRET)
			ui_form_wipe(fm, i);
		util_edit_free(&fm->f[i].e);
		ui_form_clear_error(fm, i);
	}
}

/* 1 if field i is shown. */
int
ui_form_visible(const struct ui_form *fm, int i)
{
	return fm->visible == NULL || fm->visible(fm->ctx, i);
}

/* 1 if field i is shown and takes the focus. */
int
ui_form_focusable(const struct ui_form *fm, int i)
{
	return fm->f[i].kind != UI_FIELD_HEADING && ui_form_visible(fm, i);
}

/* Forget the error of field i. */
void
ui_form_clear_error(struct ui_form *fm, int i)
{
	struct ui_field	*f = &fm->f[i];

	free(f->error_own);
	f->error_own = NULL;
	f->error = NULL;
}

/* Set the error of field i (N_(), or NULL); 1 if there is one. */
int
ui_form_error(struct ui_form *fm, int i, const char *error)
{
	ui_form_clear_error(fm, i);
	fm->f[i].error = error;
	return error != NULL;
}

/* Set an error made by the screen (translated, xmalloc'd); returns 1. */
int
ui_form_error_own(struct ui_form *fm, int i, char *error)
{
	ui_form_clear_error(fm, i);
	fm->f[i].error = "";
	fm->f[i].error_own = error;
	return 1;
}

/* The error of field i as shown, or NULL. */
const char *
ui_form_error_text(const struct ui_form *fm, int i)
{
	const struct ui_field	*f = &fm->f[i];

	if (f->error == NULL)
		return NULL;
	return f->error_own != NULL ? f->error_own : _(f->error);
}

/* The text of field i as it will be stored; new, "" when empty. */
char *
ui_form_clean(const struct ui_form *fm, int i)
{
	char	*t = util_edit_text(&fm->f[i].e), *c = core_clean_text(t);

	free(t);
	return c != NULL ? c : xstrdup("");
}

/* Check field i with a core check of the text as it will be stored. */
int
ui_form_check_text(struct ui_form *fm, int i,
    const char *(*check)(const char *))
{
	char	*t = ui_form_clean(fm, i);
	int	 bad = ui_form_error(fm, i, check(t));

	free(t);
	return bad;
}

/* Focus the first wrong field and say that nothing is saved. */
void
ui_form_refused(struct ui *ui, struct ui_form *fm, int bad)
{
	int	i;

	for (i = 0; i < fm->n; i++) {
		if (fm->f[i].error != NULL && ui_form_focusable(fm, i)) {
			fm->focus = i;
			break;
		}
	}
	ui_error(ui, P_("One field needs a change; nothing is saved yet.",
	    "%d fields need a change; nothing is saved yet.", bad), bad);
}

/* The columns a heading is wrapped in. */
static int
form_heading_cols(void)
{
	return COLS - FORM_LABEL_X - 2;
}

/* Rows field i takes: one (a heading: its lines; an item whose note is
 * written: two), and one or two for what is wrong. */
int
ui_form_rows(const struct ui_form *fm, int i)
{
	const struct ui_field	*f = &fm->f[i];
	const char		*e = ui_form_error_text(fm, i);
	int			 n = 1;

	if (f->kind == UI_FIELD_HEADING)
		return f->shows != NULL ? ui_wrap(0, 0, form_heading_cols(), 0,
		    0, f->shows, STYLE_NORMAL) : 0;
	if (f->kind == UI_FIELD_ITEM && fm->noting && i == fm->focus)
		n = 2;
	if (e == NULL)
		return n;
	if (fm->error_lines == 1)
		return n + 1;
	return n + (util_text_width(e) + 2 > COLS - FORM_BOX_X - 1 ? 2 : 1);
}

/* The layout row of field want; a gap is a blank row above a field. */
int
ui_form_layout_row(const struct ui_form *fm, int want)
{
	int	i, row = 0;

	for (i = 0; i < fm->n; i++) {
		if (fm->f[i].gap)
			row++;
		if (!ui_form_visible(fm, i))
			continue;
		if (i == want)
			return row;
		row += ui_form_rows(fm, i);
	}
	return row;
}

/* Scroll so the focused field shows in rows rows. */
void
ui_form_scroll(struct ui_form *fm, int rows)
{
	int	fr = ui_form_layout_row(fm, fm->focus);
	int	fn = ui_form_rows(fm, fm->focus);

	if (fr < fm->top)
		fm->top = fr > 0 ? fr - 1 : 0;
	if (fr + fn > fm->top + rows)
		fm->top = fr + fn - rows;
}

/* The screen row of field i in rows rows from y, or -1 if not drawn. */
int
ui_form_place(struct ui_form *fm, int i, int y, int rows)
{
	int	r;

	fm->f[i].row = -1;
	if (!ui_form_visible(fm, i))
		return -1;
	r = ui_form_layout_row(fm, i) - fm->top;
	if (r < 0 || r + ui_form_rows(fm, i) > rows)
		return -1;
	return y + r;
}

/* Draw the box of field f at row y, cols wide; sets where the cursor
 * goes. */
static void
form_box(struct ui_field *f, int focus, int y, int cols)
{
	enum ui_style	st = focus ? STYLE_FIELD_FOCUS : STYLE_FIELD;

	switch (f->kind) {
	case UI_FIELD_CHECK:
		ui_put(y, FORM_BOX_X, f->checked ? _("[x] yes") : _("[ ] no"),
		    10, 1, focus ? STYLE_FIELD_FOCUS : STYLE_NORMAL);
		f->col = FORM_BOX_X + 1;
		break;
	case UI_FIELD_SECRET:
		f->col = ui_put_hidden(y, FORM_BOX_X, &f->e, cols, st);
		break;
	case UI_FIELD_PICKED:
		ui_put(y, FORM_BOX_X, f->shows != NULL ? f->shows : "", cols,
		    1, st);
		f->col = -1;
		break;
	default:
		f->col = ui_put_edit(y, FORM_BOX_X, &f->e, cols, st);
		break;
	}
	f->row = y;
}

/* The state of a checklist item as a box: "[x] done". */
static const char *
form_mark(int state)
{
	switch (state) {
	case IS_DONE:		return _("[x] done");
	case IS_NOT_RELEVANT:	return _("[-] not relevant");
	case IS_LATER:		return _("[>] later");
	default:		return _("[ ] not yet");
	}
}

/* Draw item i at row y: its state where the label goes, its title and
 * note in the box (cols wide); while its note is written, the note's
 * editor on the next row.  Returns the rows taken. */
static int
form_item(struct ui_form *fm, int i, int y, int cols)
{
	struct ui_field	*f = &fm->f[i];
	int		 focus = i == fm->focus, noting = focus && fm->noting;
	char		*note = NULL, *s;

	ui_put(y, FORM_LABEL_X, f->error != NULL && f->state == IS_UNSET ?
	    _("[!] choose") : form_mark(f->state), FORM_LABEL_W, 1,
	    f->error != NULL ? STYLE_ERROR : focus ? STYLE_SELECTED :
	    f->state == IS_UNSET ? STYLE_DIM : STYLE_NORMAL);
	if (f->e.len > 0 && !noting)
		note = util_edit_text(&f->e);
	s = xasprintf("%s%s%s", f->shows != NULL ? f->shows : "",
	    note != NULL ? " \xe2\x80\x94 " : "", note != NULL ? note : "");
	ui_put(y, FORM_BOX_X, s, cols, 1, focus ? STYLE_SELECTED :
	    STYLE_NORMAL);
	free(s);
	free(note);
	f->row = y;
	f->col = -1;
	if (!noting)
		return 1;
	ui_put(y + 1, FORM_BOX_X, _("Note:"), 6, 0, STYLE_DIM);
	f->col = ui_put_edit(y + 1, FORM_BOX_X + 6, &f->e, cols - 6,
	    STYLE_FIELD_FOCUS);
	return 2;
}

/* Draw field i at row y: label, box and what is wrong under it. */
void
ui_form_draw_field(struct ui *ui, struct ui_form *fm, int i, int y,
    const char *label, int cols)
{
	struct ui_field	*f = &fm->f[i];
	int		 focus = i == fm->focus;
	int		 w = ui_cols(ui) - FORM_BOX_X - 1;
	char		*err;

	if (f->kind == UI_FIELD_HEADING) {
		if (f->shows != NULL)
			ui_wrap(y, FORM_LABEL_X, form_heading_cols(),
			    ui_form_rows(fm, i), 0, f->shows, STYLE_HEADER);
		return;
	}
	if (f->kind == UI_FIELD_ITEM)
		y += form_item(fm, i, y, cols) - 1;
	else {
		ui_put(y, FORM_LABEL_X, label != NULL ? label : _(f->label),
		    FORM_LABEL_W, 1, focus ? STYLE_HEADER : STYLE_LABEL);
		form_box(f, focus, y, cols);
	}
	if (f->error == NULL)
		return;
	err = xasprintf("\xe2\x86\xb3 %s", ui_form_error_text(fm, i));
	if (fm->error_lines == 1)
		ui_put(y + 1, FORM_BOX_X, err, w, 0, STYLE_ERROR);
	else
		ui_wrap(y + 1, FORM_BOX_X, w, 2, 0, err, STYLE_ERROR);
	free(err);
}

/* Draw the whole form in rows rows from y, scrolled, with marks where
 * more is above or below. */
void
ui_form_draw(struct ui *ui, struct ui_form *fm, int y, int rows)
{
	struct ui_field	*f;
	int		 i, r, total = ui_form_layout_row(fm, fm->n);

	ui_form_scroll(fm, rows);
	if (fm->top > 0 && total - fm->top < rows)
		fm->top = total > rows ? total - rows : 0;
	for (i = 0; i < fm->n; i++) {
		f = &fm->f[i];
		if ((r = ui_form_place(fm, i, y, rows)) >= 0)
			ui_form_draw_field(ui, fm, i, r, NULL, f->width > 0 ?
			    f->width : ui_cols(ui) - FORM_BOX_X - 2);
	}
	if (fm->top > 0)
		ui_put(y, ui_cols(ui) - 1, "\xe2\x86\x91", 1, 0, STYLE_DIM);
	if (total - fm->top > rows)
		ui_put(y + rows - 1, ui_cols(ui) - 1, "\xe2\x86\x93", 1, 0,
		    STYLE_DIM);
}

/* Where the cursor goes: the focused field's box (an item's: its note's
 * editor under it), or -1 to hide it. */
int
ui_form_cursor(const struct ui_form *fm, int *y, int *x)
{
	const struct ui_field	*f = &fm->f[fm->focus];

	if (f->row < 0 || f->col < 0)
		return -1;
	*y = f->row + (f->kind == UI_FIELD_ITEM);
	*x = f->col;
	return 0;
}

/* A click on a field focuses it. */
int
ui_form_click(struct ui_form *fm, int y)
{
	int	i;

	for (i = 0; i < fm->n; i++) {
		if (fm->f[i].row == y) {
			fm->focus = i;
			return UI_REDRAW | UI_HANDLED;
		}
	}
	return 0;
}

/* Move the focus to the next (dir 1) or previous (-1) shown field. */
void
ui_form_move(struct ui *ui, struct ui_form *fm, int dir)
{
	int	i = fm->focus;

	do {
		i += dir;
	} while (i >= 0 && i < fm->n && !ui_form_focusable(fm, i));
	if (i < 0 || i >= fm->n) {
		if (dir > 0 && fm->last != NULL)
			ui_message(ui, "%s", _(fm->last));
		return;
	}
	fm->focus = i;
}

/* Put text into field i, as picked from a list. */
void
ui_form_set_text(struct ui_form *fm, int i, const char *text)
{
	util_edit_set(&fm->f[i].e, text);
	util_edit_end(&fm->f[i].e);
	ui_form_clear_error(fm, i);
	fm->dirty = 1;
}

/* The field that said how many characters it takes forgets it. */
static void
form_forget_full(struct ui_form *fm)
{
	if (fm->full > 0 && fm->full <= fm->n)
		ui_form_clear_error(fm, fm->full - 1);
	fm->full = 0;
}

/* Field i refused a character: say how many it takes. */
static void
form_say_full(struct ui_form *fm, int i)
{
	size_t	max = fm->f[i].e.max;

	ui_form_error_own(fm, i, fm->f[i].kind == UI_FIELD_ITEM ?
	    xasprintf(P_("The note takes at most %zu character.",
	    "The note takes at most %zu characters.", max), max) :
	    xasprintf(P_("This field takes at most %zu character.",
	    "This field takes at most %zu characters.", max), max));
	fm->full = i + 1;
}

/* Esc: leave at once when nothing changed, else on the second Esc. */
static int
form_back(struct ui *ui, struct ui_form *fm)
{
	if (!fm->dirty || fm->leaving)
		return UI_POP;
	fm->leaving = 1;
	if (fm->leave != NULL)
		ui_error(ui, "%s", _(fm->leave));
	else
		ui_error(ui, "%s", _("You have changed the form. Press Esc "
		    "again to leave without saving, or F2 to save."));
	return 0;
}

/* The actions every form shares: Esc, Tab and back, Enter on a field
 * without a list, Space on a check. */
int
ui_form_key(struct ui *ui, struct ui_form *fm, enum ui_action a)
{
	struct ui_field	*f = &fm->f[fm->focus];
	int		 flags = UI_REDRAW | UI_HANDLED;

	form_forget_full(fm);
	if (a != ACT_BACK)
		fm->leaving = 0;
	switch (a) {
	case ACT_BACK:
		return flags | form_back(ui, fm);
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		ui_form_move(ui, fm, a == ACT_NEXT_FIELD ? 1 : -1);
		return flags;
	case ACT_PICK:
		if (f->kind == UI_FIELD_CHOICE || f->kind == UI_FIELD_PICKED)
			return 0;	/* the screen opens its list */
		ui_form_move(ui, fm, 1);
		return flags;
	case ACT_TOGGLE:
		if (f->kind != UI_FIELD_CHECK)
			return 0;
		f->checked = !f->checked;
		fm->dirty = 1;
		return flags;
	default:
		return 0;
	}
}

/* A key typed into the focused field; a full one says how many
 * characters it takes. */
int
ui_form_edit_key(struct ui_form *fm, const struct ui_keypress *k)
{
	struct ui_field	*f = &fm->f[fm->focus];
	int		 full;

	form_forget_full(fm);
	if (f->kind == UI_FIELD_CHECK || f->kind == UI_FIELD_PICKED ||
	    f->kind == UI_FIELD_HEADING || (f->kind == UI_FIELD_ITEM &&
	    !fm->noting))
		return 0;
	full = !k->is_key && iswprint(k->ch) && f->e.max != 0 &&
	    f->e.len >= f->e.max;
	if (!ui_edit_key(&f->e, k))
		return 0;
	fm->dirty = 1;
	if (full)
		form_say_full(fm, fm->focus);
	else
		ui_form_clear_error(fm, fm->focus);
	return UI_REDRAW | UI_HANDLED;
}
