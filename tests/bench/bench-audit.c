/*
 * bench-audit.c — how fast the audit-trail screen pages through a long
 * trail (100 000 rows, some years of logins and changes): the newest
 * window, the oldest (End: backward from nothing), windows deep in the
 * trail both ways, and windows filtered by login, by record and by date.
 * The rows are written straight into the table in one transaction, with
 * times spread over four years (the trail's own writer stamps the clock
 * of now).  Prints one line per measurement; nothing is asserted.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "util.h"
#include "../../src/db-private.h"

#define ROWS	100000
#define WINDOW	100	/* as the screen fetches */
#define SPAN	(4 * 365 * 24 * 3600L)	/* seconds the rows cover */
#define START	1451606400L	/* 2016-01-01 00:00:00 UTC */

static const struct who	 who = { .name = "bench",
			    .role = ROLE_SECRETARIAT };

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Fill the trail with ROWS rows: 20 logins, mostly logins and changes of
 * households; "rare" has one row in 10 000. */
static void
fill(struct db *db)
{
	static const char *const kinds[] = { "login", "household changed",
	    "visit added", "login", "household added", "export" };
	sqlite3_stmt	*st;
	struct tm	 tm;
	time_t		 t;
	char		 at[20], login[16];
	int		 i;

	if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->h, "INSERT INTO audit (at, login, kind, "
	    "tbl, record) VALUES (?1, ?2, ?3, ?4, ?5)", -1, &st, NULL) !=
	    SQLITE_OK)
		fatal("%s", sqlite3_errmsg(db->h));
	for (i = 0; i < ROWS; i++) {
		t = START + (time_t)((long long)SPAN * i / ROWS);
		gmtime_r(&t, &tm);
		strftime(at, sizeof at, "%Y-%m-%d %H:%M:%S", &tm);
		if (i % 10000 == 5000)
			snprintf(login, sizeof login, "rare");
		else
			snprintf(login, sizeof login, "user%02d", i * 7 % 20);
		sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, kinds[i % 6], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, i % 6 == 2 ? "visit" : "household",
		    -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, i % 6 == 0 ? 0 : 1 + i % 3000);
		if (sqlite3_step(st) != SQLITE_DONE)
			fatal("%s", sqlite3_errmsg(db->h));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		fatal("%s", sqlite3_errmsg(db->h));
}

/* Fetch pages windows of q, each after the last (the first after from,
 * or from the start); returns the rows. */
static size_t
walk(struct db *db, const struct audit_query *q, long from, int pages)
{
	struct audit_row	*rows, last = { .id = from };
	size_t			 n, total = 0;
	int			 p, have = from > 0;

	for (p = 0; p < pages; p++) {
		if (db_audit_list(db, &who, q, have ? &last : NULL, WINDOW,
		    &rows, &n) != DB_OK)
			fatal("%s", db_errmsg(db));
		total += n;
		if (n > 0) {
			last.id = rows[n - 1].id;
			have = 1;
		}
		db_audit_rows_free(rows, n);
		if (n < WINDOW)
			break;
	}
	return total;
}

/* Time runs of one walk and print the mean. */
static void
measure(struct db *db, const char *what, const struct audit_query *q,
    long from, int pages, int runs)
{
	double	t0 = now();
	size_t	rows = 0;
	int	i;

	for (i = 0; i < runs; i++)
		rows = walk(db, q, from, pages);
	printf("%-44s %6zu rows  %9.1f us\n", what, rows,
	    (now() - t0) / runs * 1e6);
}

/* The day number of y-m-d or stop. */
static long
day(int y, int m, int d)
{
	long	n;

	if (util_date_make(y, m, d, &n) != 0)
		fatal("no day %d-%d-%d", y, m, d);
	return n;
}

/* The measurements of one direction. */
static void
measure_all(struct db *db, int backward)
{
	struct audit_query	 q = { .since = DATE_NONE, .until = DATE_NONE,
				    .backward = backward };
	const char		*dir = backward ? "oldest first" :
				    "newest first";
	char			 what[64];

#define M(text, from, pages, runs)					\
	do {								\
		snprintf(what, sizeof what, "%s, %s", text, dir);	\
		measure(db, what, &q, from, pages, runs);		\
	} while (0)
	M("first window", 0, 1, 200);
	M("100 windows deep", 0, 100, 5);
	M("window from the middle", ROWS / 2, 1, 200);
	q.login = "USER07";
	M("login (1 in 20), first window", 0, 1, 100);
	q.login = "rare";
	M("login (1 in 10 000), all 10", 0, 1, 5);
	q.login = NULL;
	q.table = "household";
	q.record = 1234;
	M("record household 1234, all", 0, 1, 100);
	q.table = NULL;
	q.record = 0;
	q.since = day(2018, 3, 1);
	q.until = day(2018, 3, 31);
	M("dates March 2018, first window", 0, 1, 20);
	q.until = DATE_NONE;
	M("from 01.03.2018, first window", 0, 1, 20);
	q.since = DATE_NONE;
	q.until = day(2016, 1, 31);
	M("until 31.01.2016, first window", 0, 1, 5);
#undef M
}

int
main(void)
{
	struct db	*db;
	char		 dir[] = "/tmp/velkomst-bench-XXXXXX", *path, *e = NULL;
	double		 t0;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);	/* Denmark */
	tzset();
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	path = xasprintf("%s/bench.db", dir);
	if ((db = db_open(path, DB_CREATE, &e)) == NULL)
		fatal("%s", e);
	t0 = now();
	fill(db);
	printf("%-44s %6d rows  %9.1f ms\n", "fill (one transaction)", ROWS,
	    (now() - t0) * 1e3);
	measure_all(db, 0);
	measure_all(db, 1);
	db_close(db);
	unlink(path);
	free(path);
	rmdir(dir);
	return 0;
}
