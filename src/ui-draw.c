/*
 * ui-draw.c — putting text on the screen by display columns, styles with
 * a meaning, and the line editor's drawing and keys.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui.h"
#include "util.h"

static int	styles[STYLE_COUNT];

/* Set up the styles: colours when wanted and possible, else attributes
 * that carry the same meaning in monochrome. */
void
ui_styles_init(int use_color)
{
	int	i;

	for (i = 0; i < STYLE_COUNT; i++)
		styles[i] = A_NORMAL;
	styles[STYLE_TITLE] = A_REVERSE | A_BOLD;
	styles[STYLE_KEYS] = A_REVERSE;
	styles[STYLE_KEY] = A_REVERSE | A_BOLD;
	styles[STYLE_SELECTED] = A_REVERSE;
	styles[STYLE_ERROR] = A_BOLD;
	styles[STYLE_DIM] = A_DIM;
	styles[STYLE_LABEL] = A_NORMAL;
	styles[STYLE_FIELD] = A_UNDERLINE;
	styles[STYLE_FIELD_FOCUS] = A_REVERSE;
	styles[STYLE_HEADER] = A_BOLD | A_UNDERLINE;
	if (!use_color || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_BLACK, COLOR_CYAN);
	init_pair(4, COLOR_CYAN, -1);
	init_pair(5, COLOR_GREEN, -1);
	styles[STYLE_TITLE] = COLOR_PAIR(1) | A_BOLD;
	styles[STYLE_ERROR] = COLOR_PAIR(2) | A_BOLD;
	styles[STYLE_SELECTED] = COLOR_PAIR(3);
	styles[STYLE_HEADER] = COLOR_PAIR(4) | A_BOLD;
	styles[STYLE_BAR] = COLOR_PAIR(5);
}

/* The curses attributes of a style. */
int
ui_style(enum ui_style s)
{
	return styles[s];
}

/* Write s at (y, x) within cols columns; pad with spaces if asked. */
int
ui_put(int y, int x, const char *s, int cols, int pad, enum ui_style st)
{
	wchar_t	*w;
	char	*part;
	size_t	 len, wlen, i;
	int	 width;

	if (cols <= 0)
		return 0;
	if (s == NULL)
		s = "";
	len = util_text_fit(s, cols, &width);
	part = xstrndup(s, len);
	w = util_text_to_wcs(part, &wlen);
	free(part);
	attrset(styles[st]);
	move(y, x);
	for (i = 0; i < wlen; i++) {
		if (!iswprint((wint_t)w[i]) || util_text_bidi(w[i]))
			w[i] = L'?';
	}
	addnwstr(w, (int)wlen);
	if (pad && width < cols)
		mvhline(y, x + width, ' ', cols - width);
	attrset(A_NORMAL);
	free(w);
	return pad ? cols : width;
}

/* Write s at (y, x) in cols columns, cut with "…" when it does not fit. */
int
ui_put_cut(int y, int x, const char *s, int cols, int pad, enum ui_style st)
{
	char	*cut;
	size_t	 len;
	int	 w;

	if (cols <= 0)
		return 0;
	if (s == NULL || util_text_width(s) <= cols)
		return ui_put(y, x, s, cols, pad, st);
	len = util_text_fit(s, cols - 1, NULL);
	cut = xasprintf("%.*s\xe2\x80\xa6", (int)len, s);	/* U+2026 */
	w = ui_put(y, x, cut, cols, pad, st);
	free(cut);
	return w;
}

/* Draw the edit buffer in cols columns, scrolled to show the cursor. */
int
ui_put_edit(int y, int x, struct edit *e, int cols, enum ui_style st)
{
	int	cur, col, w;
	size_t	i;

	cur = util_edit_cursor_col(e);
	if (cur < e->scroll)
		e->scroll = cur;
	if (cur >= e->scroll + cols)
		e->scroll = cur - cols + 1;
	attrset(styles[st]);
	mvhline(y, x, ' ', cols);
	move(y, x);
	for (i = 0, col = 0; i < e->len; i++) {
		w = wcwidth(e->buf[i]);
		if (w < 0)
			w = 1;
		if (col >= e->scroll && col + w <= e->scroll + cols)
			addnwstr(&e->buf[i], 1);
		col += w;
		if (col >= e->scroll + cols)
			break;
	}
	attrset(A_NORMAL);
	return x + cur - e->scroll;
}

/* Draw a hidden field: a '*' per character (as many as fit), the cursor
 * after the last one. */
int
ui_put_hidden(int y, int x, const struct edit *e, int cols,
    enum ui_style st)
{
	int	n;

	if (cols <= 0)
		return x;
	n = e->len < (size_t)cols ? (int)e->len : cols - 1;
	attrset(styles[st]);
	mvhline(y, x, ' ', cols);
	if (n > 0)
		mvhline(y, x, '*', n);
	attrset(A_NORMAL);
	return x + n;
}

/* Apply an editing key to e (the editor's actions of the key table, or
 * a character to insert); 1 if it was one. */
int
ui_edit_key(struct edit *e, const struct ui_keypress *k)
{
	switch (ui_key_action(k, ui_edit_actions)) {
	case ACT_EDIT_LEFT:		util_edit_left(e); return 1;
	case ACT_EDIT_RIGHT:		util_edit_right(e); return 1;
	case ACT_EDIT_HOME:		util_edit_home(e); return 1;
	case ACT_EDIT_END:		util_edit_end(e); return 1;
	case ACT_EDIT_BACKSPACE:	util_edit_backspace(e); return 1;
	case ACT_EDIT_DELETE:		util_edit_delete(e); return 1;
	case ACT_EDIT_KILL_END:		util_edit_kill_end(e); return 1;
	case ACT_EDIT_KILL_START:	util_edit_kill_start(e); return 1;
	case ACT_EDIT_KILL_WORD:	util_edit_kill_word(e); return 1;
	default:
		break;
	}
	if (k->is_key || !iswprint(k->ch))
		return 0;
	if (util_edit_insert(e, (wchar_t)k->ch) != 0)
		beep();		/* full, or a character we never keep */
	return 1;
}

/* The bytes of the next line of text that fit in cols, broken at a space
 * when one is there; *next gets where the following line starts. */
size_t
ui_line_break(const char *s, int cols, const char **next)
{
	size_t	fit, cut;

	fit = util_text_fit(s, cols, NULL);
	if (s[fit] == '\0' || s[fit] == ' ') {
		cut = fit;
	} else {
		for (cut = fit; cut > 0 && s[cut - 1] != ' '; cut--)
			;
		if (cut == 0)
			cut = fit;	/* one long word: cut it */
	}
	if (cut == 0 && s[0] != '\0')	/* not even one character fits */
		cut = 1;
	*next = s + cut;
	while (**next == ' ')
		(*next)++;
	return cut;
}

/* Wrap one paragraph from line n (skip, rows as ui_wrap); returns the
 * next line.  Text before a tab is a label: the rest wraps beside it. */
static int
wrap_paragraph(int y, int x, int cols, int rows, int skip, int n,
    const char *line, enum ui_style st)
{
	const char	*q = line, *next, *tab = strchr(line, '\t');
	char		*part;
	size_t		 cut;
	int		 lead = 0;

	if (tab != NULL) {
		part = xstrndup(line, (size_t)(tab - line));
		lead = util_text_width(part);
		if (lead > cols / 2)
			lead = cols / 2;
		if (n >= skip && n - skip < rows)
			ui_put(y + n - skip, x, part, lead, 0, st);
		free(part);
		q = tab + 1;
	}
	while (*q != '\0') {
		cut = ui_line_break(q, cols - lead, &next);
		part = xstrndup(q, cut);
		if (n >= skip && n - skip < rows)
			ui_put(y + n - skip, x + lead, part, cols - lead, 0, st);
		free(part);
		n++;
		q = next;
	}
	return n;
}

/* Write text wrapped into a box of rows x cols; paragraphs at '\n'.  A
 * paragraph with a tab hangs what follows the tab beside what precedes
 * it (a key and what it does). */
int
ui_wrap(int y, int x, int cols, int rows, int skip, const char *text,
    enum ui_style st)
{
	const char	*p = text, *nl;
	char		*line;
	size_t		 len;
	int		 n = 0;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		line = xstrndup(p, len);
		if (line[0] == '\0')
			n++;
		else
			n = wrap_paragraph(y, x, cols, rows, skip, n, line, st);
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	return n;
}
