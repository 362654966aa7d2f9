/*
 * sqltrace.c — for the tests (LD_PRELOAD): each statement velkomst runs,
 * as one line of its SQL appended to the file $VELKOMST_SQLTRACE.  The
 * SQL is as prepared, with ? where the values go: no value, so no name,
 * is written.  A statement is written when its first step is taken (it
 * is then not busy), so each run of it is one line.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

int
sqlite3_step(sqlite3_stmt *st)
{
	static int	(*real)(sqlite3_stmt *);
	static FILE	*f;
	const char	*path, *sql, *p;
	void		*sym;

	if (real == NULL) {
		sym = dlsym(RTLD_NEXT, "sqlite3_step");
		if (sym == NULL)
			abort();
		memcpy(&real, &sym, sizeof real);
	}
	path = getenv("VELKOMST_SQLTRACE");
	if (path != NULL && !sqlite3_stmt_busy(st) &&
	    (sql = sqlite3_sql(st)) != NULL &&
	    (f != NULL || (f = fopen(path, "a")) != NULL)) {
		for (p = sql; *p != '\0'; p++)
			fputc(*p == '\n' || *p == '\t' ? ' ' : *p, f);
		fputc('\n', f);
		fflush(f);
	}
	return real(st);
}
