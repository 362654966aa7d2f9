/* util-mem.c — memory that never fails, and fatal(). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void (*fatal_hook)(void);

/* Set what fatal() calls before it prints (the UI ends curses there). */
void
util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* Print "velkomst: MESSAGE" and exit 1. */
void
fatal(const char *fmt, ...)
{
	va_list	ap;

	if (fatal_hook != NULL) {
		void (*hook)(void) = fatal_hook;

		fatal_hook = NULL;
		hook();
	}
	fputs("velkomst: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* malloc that never returns NULL. */
void *
xmalloc(size_t size)
{
	void	*p;

	p = malloc(size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory");
	return p;
}

/* calloc that never returns NULL. */
void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory");
	return p;
}

/* realloc that never returns NULL. */
void *
xrealloc(void *old, size_t size)
{
	void	*p;

	p = realloc(old, size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory");
	return p;
}

/* realloc of n elements of size, refusing overflow. */
void *
xreallocarray(void *old, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal("out of memory");
	return xrealloc(old, n * size);
}

/* strdup that never returns NULL for a non-NULL string. */
char *
xstrdup(const char *s)
{
	if (s == NULL)
		return NULL;
	return xstrndup(s, strlen(s));
}

/* The first n bytes of s (or fewer, at its end) as a new string. */
char *
xstrndup(const char *s, size_t n)
{
	size_t	 len;
	char	*p;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* A new string made with printf formatting. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* The same with a va_list. */
char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 len;
	char	*p;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		fatal("bad format");
	p = xmalloc((size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}
