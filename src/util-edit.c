/*
 * util-edit.c — the buffer behind the one-line editor: a wchar_t array
 * with a cursor.  Words are separated by spaces and hyphens, so ^W on
 * "Anne-Marie" removes "Marie" first.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "util.h"

/* 1 if c separates words. */
static int
edit_is_sep(wchar_t c)
{
	return c == L' ' || c == L'-';
}

/* 1 if c may never be typed: control and bidi override/isolate. */
static int
edit_refused(wchar_t c)
{
	if (c == L'\0' || iswcntrl((wint_t)c))
		return 1;
	if (util_text_bidi(c))
		return 1;
	return 0;
}

/* Make room for at least n characters plus the NUL. */
static void
edit_reserve(struct edit *e, size_t n)
{
	if (n + 1 <= e->cap)
		return;
	e->cap = n + 1 < 16 ? 16 : n + 1;
	if (e->cap < n + 1 + n / 2)
		e->cap = n + 1 + n / 2;
	e->buf = xreallocarray(e->buf, e->cap, sizeof *e->buf);
}

/* Remove characters [from, to) and put the cursor at from. */
static void
edit_remove(struct edit *e, size_t from, size_t to)
{
	if (from >= to || to > e->len)
		return;
	memmove(e->buf + from, e->buf + to,
	    (e->len - to + 1) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
}

/* Where a word move to the left from the cursor stops. */
static size_t
edit_word_start(const struct edit *e)
{
	size_t	 i = e->cur;

	while (i > 0 && edit_is_sep(e->buf[i - 1]))
		i--;
	while (i > 0 && !edit_is_sep(e->buf[i - 1]))
		i--;
	return i;
}

/* Set up an editor holding utf8 (may be NULL), at most max characters. */
void
util_edit_init(struct edit *e, const char *utf8, size_t max)
{
	memset(e, 0, sizeof *e);
	e->max = max;
	util_edit_set(e, utf8);
}

/* Free the buffer. */
void
util_edit_free(struct edit *e)
{
	free(e->buf);
	e->buf = NULL;
	e->len = e->cap = e->cur = 0;
}

/*
 * Replace the contents with utf8; the cursor goes to the end.  Text longer
 * than max is kept (it came from the program, not the keyboard), but
 * nothing more can be inserted until it is shorter.
 */
void
util_edit_set(struct edit *e, const char *utf8)
{
	wchar_t	*ws;
	size_t	 n;

	ws = util_text_to_wcs(utf8 == NULL ? "" : utf8, &n);
	edit_reserve(e, n);
	wmemcpy(e->buf, ws, n + 1);
	free(ws);
	e->len = e->cur = n;
	e->scroll = 0;
}

/* Insert c at the cursor; -1 if refused. */
int
util_edit_insert(struct edit *e, wchar_t c)
{
	if (edit_refused(c))
		return -1;
	if (e->max != 0 && e->len >= e->max)
		return -1;
	edit_reserve(e, e->len + 1);
	wmemmove(e->buf + e->cur + 1, e->buf + e->cur, e->len - e->cur + 1);
	e->buf[e->cur++] = c;
	e->len++;
	return 0;
}

/* One character left. */
void
util_edit_left(struct edit *e)
{
	if (e->cur > 0)
		e->cur--;
}

/* One character right. */
void
util_edit_right(struct edit *e)
{
	if (e->cur < e->len)
		e->cur++;
}

/* To the start. */
void
util_edit_home(struct edit *e)
{
	e->cur = 0;
}

/* To the end. */
void
util_edit_end(struct edit *e)
{
	e->cur = e->len;
}

/* To the start of this or the previous word. */
void
util_edit_word_left(struct edit *e)
{
	e->cur = edit_word_start(e);
}

/* To the end of this or the next word. */
void
util_edit_word_right(struct edit *e)
{
	while (e->cur < e->len && edit_is_sep(e->buf[e->cur]))
		e->cur++;
	while (e->cur < e->len && !edit_is_sep(e->buf[e->cur]))
		e->cur++;
}

/* Delete the character before the cursor. */
void
util_edit_backspace(struct edit *e)
{
	if (e->cur > 0)
		edit_remove(e, e->cur - 1, e->cur);
}

/* Delete the character under the cursor. */
void
util_edit_delete(struct edit *e)
{
	if (e->cur < e->len)
		edit_remove(e, e->cur, e->cur + 1);
}

/* Delete from the cursor to the end. */
void
util_edit_kill_end(struct edit *e)
{
	edit_remove(e, e->cur, e->len);
}

/* Delete from the start to the cursor. */
void
util_edit_kill_start(struct edit *e)
{
	edit_remove(e, 0, e->cur);
}

/* Delete the word before the cursor. */
void
util_edit_kill_word(struct edit *e)
{
	edit_remove(e, edit_word_start(e), e->cur);
}

/* The contents as a new UTF-8 string. */
char *
util_edit_text(const struct edit *e)
{
	return util_text_from_wcs(e->buf, e->len);
}

/* Display columns from the start up to the cursor. */
int
util_edit_cursor_col(const struct edit *e)
{
	size_t	 i;
	int	 col = 0, w;

	for (i = 0; i < e->cur; i++) {
		w = wcwidth(e->buf[i]);
		col += w < 0 ? 1 : w;	/* drawn as one "?" */
	}
	return col;
}
