/*
 * cli-table.c — the one printer of the commands' lists: a table as text
 * (fitted by display columns, a cut cell ending with "…") or as tsv (one
 * line per row, the cells joined by tabs).  Every cell goes through
 * cli_text_safe or cli_tsv_safe first, so text that another program
 * stored (an escape sequence, a line break, a direction override) never
 * reaches the terminal or breaks a line of tsv.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "cli.h"
#include "i18n.h"
#include "util.h"

#define TABLE_WIDEN_MAX	80	/* columns cli_table_widen gives at most */

static const char table_cut[] = "…";	/* ends a cut cell */
static const char table_bad[] = "\xef\xbf\xbd";	/* U+FFFD, 3 bytes */

/* Write the k bytes at s as \xHH each; returns the end of what it wrote. */
static char *
table_hex(char *o, const char *s, size_t k)
{
	size_t	i;

	for (i = 0; i < k; i++)
		o += sprintf(o, "\\x%02x", (unsigned char)s[i]);
	return o;
}

/* Write the character at s (k bytes, wc; k 0 for a bad byte) as the
 * screens show it; returns the end of what it wrote. */
static char *
table_text_char(char *o, const char *s, size_t k, wchar_t wc)
{
	if (k == 0)
		return stpcpy(o, table_bad);
	if (!iswprint((wint_t)wc) || util_text_bidi(wc)) {
		*o++ = '?';
		return o;
	}
	memcpy(o, s, k);
	return o + k;
}

/* Write the character at s (k bytes, wc; k 0 for a bad byte) as a tsv
 * field has it; returns the end of what it wrote. */
static char *
table_tsv_char(char *o, const char *s, size_t k, wchar_t wc)
{
	if (k == 0)
		return table_hex(o, s, 1);
	switch (wc) {
	case L'\\':
		return stpcpy(o, "\\\\");
	case L'\t':
		return stpcpy(o, "\\t");
	case L'\n':
		return stpcpy(o, "\\n");
	case L'\r':
		return stpcpy(o, "\\r");
	default:
		break;
	}
	if (iswcntrl((wint_t)wc) || util_text_bidi(wc))
		return table_hex(o, s, k);
	memcpy(o, s, k);
	return o + k;
}

/* Bytes of the run at s that both ways of making text safe keep as it
 * is: printable ASCII but the backslash (tsv doubles it). */
static size_t
table_plain(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e || s[i] == '\\')
			break;
	return i;
}

/* s made safe, a character at a time, by put (text or tsv); a run of
 * plain ASCII is copied as it is (what put would do, without decoding
 * it). */
static char *
table_safe(const char *s, char *(*put)(char *, const char *, size_t,
    wchar_t))
{
	char	*out, *o;
	size_t	 n, k;
	wchar_t	 wc;

	n = s == NULL ? 0 : strlen(s);
	out = o = xmalloc(4 * n + 1);	/* \xHH for every byte at most */
	while (n > 0) {
		if ((k = table_plain(s, n)) > 0) {
			memcpy(o, s, k);
			o += k;
		} else {
			k = util_text_char(s, n, &wc);
			o = put(o, s, k, wc);
			k = k == 0 ? 1 : k;
		}
		s += k;
		n -= k;
	}
	*o = '\0';
	return out;
}

/* Stored text as the screens show it: see cli.h. */
char *
cli_text_safe(const char *s)
{
	return table_safe(s, table_text_char);
}

/* Stored text as one tsv field: see cli.h. */
char *
cli_tsv_safe(const char *s)
{
	return table_safe(s, table_tsv_char);
}

/* fputs the text-safe form of s to f. */
void
cli_put_text(FILE *f, const char *s)
{
	char	*safe = cli_text_safe(s);

	fputs(safe, f);
	free(safe);
}

/* ---- the table ---------------------------------------------------------- */

/* A column's title translated; "" (a column without one) stays "":
 * gettext gives the catalogue's header for it. */
static const char *
table_title(const struct cli_col *c)
{
	if (c->title == NULL || c->title[0] == '\0')
		return "";
	return _(c->title);
}

/* Start a table with the columns of text or of tsv. */
void
cli_table_init(struct cli_table *t, FILE *out, int tsv,
    const struct cli_col *text, size_t ntext, const struct cli_col *tsvcols,
    size_t ntsv)
{
	size_t	i;

	memset(t, 0, sizeof *t);
	t->out = out;
	t->tsv = tsv;
	t->cols = tsv ? tsvcols : text;
	t->ncols = tsv ? ntsv : ntext;
	if (t->cols == NULL)
		fatal("cli_table: no columns for %s", tsv ? "tsv" : "text");
	t->width = xcalloc(t->ncols + 1, sizeof *t->width);
	for (i = 0; i < t->ncols; i++) {
		t->width[i] = t->cols[i].width;
		/* A title in a longer language is never cut. */
		if (!tsv)
			cli_table_widen(t, i, table_title(&t->cols[i]));
	}
}

/* Free what the table holds. */
void
cli_table_free(struct cli_table *t)
{
	free(t->width);
	t->width = NULL;
}

/* Widen column col so that s fits whole (text only). */
void
cli_table_widen(struct cli_table *t, size_t col, const char *s)
{
	char	*safe;
	int	 w;

	if (t->tsv || col >= t->ncols || t->width[col] == 0)
		return;
	safe = cli_text_safe(s);
	w = util_text_width(safe);
	free(safe);
	if (w > TABLE_WIDEN_MAX)
		w = TABLE_WIDEN_MAX;
	if (w > t->width[col])
		t->width[col] = w;
}

/* Write n spaces to f. */
static void
table_pad(FILE *f, int n)
{
	static const char	spaces[] = "                                ";
	int			k;

	for (; n > 0; n -= k) {
		k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		fwrite(spaces, 1, (size_t)k, f);
	}
}

/* Print safe (already made safe) in column col of a text table: cut
 * to its width with "…", padded unless it is the last column. */
static void
table_text_cell(struct cli_table *t, size_t col, const char *safe)
{
	int	 cols = t->width[col], w = 0, cut = 0;
	int	 right = t->cols[col].flags & CLI_COL_RIGHT;
	int	 last = col + 1 == t->ncols;
	size_t	 len = strlen(safe);

	if (cols > 0 && table_plain(safe, len) == len) {
		w = (int)len;	/* printable ASCII: a column a byte */
		if (w > cols) {
			len = (size_t)cols - 1;
			w = cols;	/* with the "…" */
			cut = 1;
		}
	} else if (cols > 0 && (w = util_text_width(safe)) > cols) {
		len = util_text_fit(safe, cols - 1, &w);
		cut = 1;
		w++;		/* the "…" */
	}
	if (cols > 0 && right)
		table_pad(t->out, cols - w);
	fwrite(safe, 1, len, t->out);
	if (cut)
		fputs(table_cut, t->out);
	if (cols > 0 && !right && !last)
		table_pad(t->out, cols - w);
	if (!last)
		fputs("  ", t->out);
}

/* Print the next cell of the row. */
static void
table_put(struct cli_table *t, const char *s)
{
	char	*safe;
	size_t	 n;

	if (t->at >= t->ncols)
		fatal("cli_table: more cells than the %zu columns", t->ncols);
	if (t->tsv) {
		if (t->at > 0)
			fputc('\t', t->out);
		n = strlen(s);
		if (table_plain(s, n) == n) {	/* as it is: no copy */
			fwrite(s, 1, n, t->out);
			t->at++;
			return;
		}
		safe = cli_tsv_safe(s);
		fputs(safe, t->out);
	} else {
		n = strlen(s);
		if (table_plain(s, n) == n) {	/* as it is: no copy */
			table_text_cell(t, t->at, s);
			t->at++;
			return;
		}
		safe = cli_text_safe(s);
		table_text_cell(t, t->at, safe);
	}
	free(safe);
	t->at++;
}

/* The titles (text, translated) or names (tsv) of the columns. */
void
cli_table_header(struct cli_table *t)
{
	size_t	i;

	for (i = 0; i < t->ncols; i++)
		table_put(t, t->tsv ? t->cols[i].title :
		    table_title(&t->cols[i]));
	fputc('\n', t->out);
	t->at = 0;
}

/* The next cell of the row: s, or "" for NULL. */
void
cli_table_cell(struct cli_table *t, const char *s)
{
	table_put(t, s != NULL ? s : "");
}

/* v in decimal into buf (at least 21 bytes); its length. */
static int
table_long(char *buf, long v)
{
	char		 tmp[24];
	unsigned long	 u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	int		 n = 0, k = 0;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		buf[k++] = '-';
	while (n > 0)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
	return k;
}

/* The next cell of the row, printf-style. */
void
cli_table_cellf(struct cli_table *t, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[64], *s;
	int	 n;

	/* Most cells are a number: no allocation for those, and no
	 * printf for a bare %ld or %d (a row of a long list has a few). */
	va_start(ap, fmt);
	if (strcmp(fmt, "%ld") == 0)
		n = table_long(buf, va_arg(ap, long));
	else if (strcmp(fmt, "%d") == 0)
		n = table_long(buf, va_arg(ap, int));
	else
		n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof buf) {
		table_put(t, buf);
		return;
	}
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	table_put(t, s);
	free(s);
}

/* End the row. */
void
cli_table_end(struct cli_table *t)
{
	if (t->at != t->ncols)
		fatal("cli_table: a row of %zu cells, not %zu", t->at,
		    t->ncols);
	fputc('\n', t->out);
	t->at = 0;
	t->rows++;
}
