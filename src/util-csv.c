/*
 * util-csv.c — one field of comma-separated values as RFC 4180 writes
 * it: quoted when it must be, its quotes doubled.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* 1 if s must be quoted in a field separated by delim. */
int
util_csv_quoted(const char *s, int delim)
{
	for (; *s != '\0'; s++)
		if (*s == delim || *s == '"' || *s == '\r' || *s == '\n')
			return 1;
	return 0;
}

/* s as one field separated by delim (a new string). */
char *
util_csv_field(const char *s, int delim)
{
	char	*out, *o;

	if (s == NULL)
		s = "";
	if (!util_csv_quoted(s, delim))
		return xstrdup(s);
	out = o = xmalloc(2 * strlen(s) + 3);
	*o++ = '"';
	for (; *s != '\0'; s++) {
		if (*s == '"')
			*o++ = '"';
		*o++ = *s;
	}
	*o++ = '"';
	*o = '\0';
	return out;
}
