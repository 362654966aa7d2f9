/*
 * util-text.c — UTF-8 text measured in display columns.  Decoding uses
 * the C library (mbrtowc) and so needs a UTF-8 locale, as the program sets
 * at start; invalid bytes count as one column each and are never split.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

#define TEXT_BAD	((wchar_t)-1)

/*
 * Decode the character at s (n bytes left, n > 0).  Returns the bytes it
 * takes (at least 1) and sets *wc, or TEXT_BAD for one invalid byte.
 */
static size_t
text_decode(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t	 st;
	size_t		 r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*wc = TEXT_BAD;
		return 1;
	}
	return r;
}

/* Columns of one decoded character: invalid or non-printable 1 (the
 * screen shows those as one "?"), combining marks 0. */
static int
text_wc_width(wchar_t wc)
{
	int	 w;

	if (wc == TEXT_BAD)
		return 1;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

/* Columns the string takes on screen. */
int
util_text_width(const char *s)
{
	size_t	 n, k;
	wchar_t	 wc;
	int	 w = 0;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (n > 0) {
		k = text_decode(s, n, &wc);
		w += text_wc_width(wc);
		s += k;
		n -= k;
	}
	return w;
}

/* Bytes of the longest prefix of s that fits in cols columns. */
size_t
util_text_fit(const char *s, int cols, int *width)
{
	size_t	 n, k, used = 0;
	wchar_t	 wc;
	int	 w = 0, cw;

	if (s == NULL || cols < 0)
		cols = 0;
	n = s == NULL ? 0 : strlen(s);
	while (used < n) {
		k = text_decode(s + used, n - used, &wc);
		cw = text_wc_width(wc);
		if (w + cw > cols)
			break;
		w += cw;
		used += k;
	}
	if (width != NULL)
		*width = w;
	return used;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not valid. */
static size_t
text_valid_seq(const unsigned char *s)
{
	uint32_t	 c;
	size_t		 len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	c = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

/* 1 if s is valid UTF-8 (checked strictly, whatever the locale). */
int
util_text_valid(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 k;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		if ((k = text_valid_seq(p)) == 0)
			return 0;
		p += k;
	}
	return 1;
}

/* Decode one character: its bytes, or 0 for an invalid byte. */
size_t
util_text_char(const char *s, size_t n, wchar_t *wc)
{
	size_t	 k = text_decode(s, n, wc);

	return *wc == TEXT_BAD ? 0 : k;
}

/* Convert UTF-8 to a new wide string; invalid bytes become U+FFFD. */
wchar_t *
util_text_to_wcs(const char *s, size_t *len)
{
	wchar_t	*out, wc;
	size_t	 n, k, i = 0;

	n = s == NULL ? 0 : strlen(s);
	out = xreallocarray(NULL, n + 1, sizeof *out);
	while (n > 0) {
		k = text_decode(s, n, &wc);
		out[i++] = wc == TEXT_BAD ? (wchar_t)0xfffd : wc;
		s += k;
		n -= k;
	}
	out[i] = L'\0';
	if (len != NULL)
		*len = i;
	return out;
}

/* Append the UTF-8 form of c to p; returns the bytes written. */
static size_t
text_encode(uint32_t c, char *p)
{
	if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		c = 0xfffd;
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xc0 | (c >> 6));
		p[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xe0 | (c >> 12));
		p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		p[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	p[0] = (char)(0xf0 | (c >> 18));
	p[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	p[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	p[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Convert len wide characters to a new UTF-8 string (stops at a NUL). */
char *
util_text_from_wcs(const wchar_t *ws, size_t len)
{
	char	*out;
	size_t	 i, o = 0;

	out = xreallocarray(NULL, len + 1, 4);
	for (i = 0; ws != NULL && i < len && ws[i] != L'\0'; i++)
		o += text_encode((uint32_t)ws[i], out + o);
	out[o] = '\0';
	return out;
}

/* 1 if c is a bidi override or isolate character. */
int
util_text_bidi(wchar_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* A size for people: kB (at least 1), MB or GB (powers of 1000). */
char *
util_size_text(long long bytes, char *buf, size_t len)
{
	if (bytes < 999500)
		snprintf(buf, len, "%lld kB", bytes < 500 ? 1 :
		    (bytes + 500) / 1000);
	else if (bytes < 999950000)
		snprintf(buf, len, "%.1f MB", (double)bytes / 1e6);
	else
		snprintf(buf, len, "%.1f GB", (double)bytes / 1e9);
	return buf;
}
