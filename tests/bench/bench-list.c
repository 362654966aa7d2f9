/*
 * bench-list.c — how fast the move-in register is with many households:
 * filling a database (the demo generator, one batch), and the queries the
 * list screen and `velkomst households` make: the first window, a window
 * deep in the list (keyset paging), search-as-you-type prefixes and counts.
 * Prints one line per measurement; nothing is asserted (speed is measured
 * here, never in tests).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "util.h"

#define WINDOW	60

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Fetch pages windows of the query, each after the last; returns rows. */
static size_t
walk(struct db *db, const struct household_query *q, int pages)
{
	struct who		 who = { .name = "bench", .role = ROLE_SECRETARIAT };
	struct household_row	*rows, last = { 0 };
	size_t			 n, total = 0;
	int			 p, have = 0;

	for (p = 0; p < pages; p++) {
		if (db_household_list(db, &who, q, have ? &last : NULL, WINDOW,
		    &rows, &n) != DB_OK)
			fatal("%s", db_errmsg(db));
		total += n;
		if (n > 0) {
			free(last.sort_key);
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
			last.sort_key = xstrdup(rows[n - 1].sort_key);
			have = 1;
		}
		db_household_rows_free(rows, n);
		if (n < WINDOW)
			break;
	}
	free(last.sort_key);
	return total;
}

/* Time runs of one query walk and print the mean. */
static void
measure(struct db *db, const char *what, const char *search,
    enum household_order order, int pages, int runs)
{
	struct household_query	q = { .search = search, .order = order };
	double			t0;
	size_t			rows = 0;
	int			i;

	t0 = now();
	for (i = 0; i < runs; i++)
		rows = walk(db, &q, pages);
	printf("%-44s %6zu rows  %9.1f us\n", what, rows,
	    (now() - t0) / runs * 1e6);
}

/* Time the first window of a filtered list (a queue, the overdue), with
 * the stale rule of visits.stale_days (0: none). */
static void
measure_filter(struct db *db, const char *what, enum household_filter f,
    int stale_days, int runs)
{
	struct household_query	q = { .order = ORDER_URGENT, .filter = f,
				    .today = util_today(), .deadline = 14,
				    .stale_days = stale_days };
	double			t0;
	size_t			rows = 0;
	int			i;

	t0 = now();
	for (i = 0; i < runs; i++)
		rows = walk(db, &q, 1);
	printf("%-44s %6zu rows  %9.1f us\n", what, rows,
	    (now() - t0) / runs * 1e6);
}

/* Time counting the households a search matches. */
static void
measure_count(struct db *db, const char *what, const char *search, int runs)
{
	struct household_query	q = { .search = search };
	struct who		who = { .name = "bench", .role = ROLE_SECRETARIAT };
	long			count = 0;
	double			t0;
	int			i;

	t0 = now();
	for (i = 0; i < runs; i++)
		if (db_household_count(db, &who, &q, &count) != DB_OK)
			fatal("%s", db_errmsg(db));
	printf("%-44s %6ld rows  %9.1f us\n", what, count,
	    (now() - t0) / runs * 1e6);
}

int
main(int argc, char **argv)
{
	struct conf	 conf;
	struct cli	 cli = { .conf = &conf };
	struct db	*db;
	char		 err[4096], dir[] = "/tmp/velkomst-bench-XXXXXX", *path;
	char		*dargv[] = { "demo", "--households", NULL, NULL };
	const char	*n = argc > 1 ? argv[1] : "20000";
	char		*e = NULL;
	double		 t0;

	setlocale(LC_ALL, "C.UTF-8");
	if (cfg_load(&conf, NULL, NULL, 1, err, sizeof err) != 0)
		fatal("%s", err);
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	path = xasprintf("%s/bench.db", dir);
	cli.db_path = path;
	dargv[2] = (char *)n;
	t0 = now();
	if (cli_demo(&cli, 3, dargv) != 0)
		fatal("demo failed");
	printf("%-44s %6s rows  %9.1f ms\n", "fill (demo, one batch)", n,
	    (now() - t0) * 1e3);
	if ((db = db_open(path, 0, &e)) == NULL)
		fatal("%s", e);
	measure(db, "first window, newest first", NULL, ORDER_NEWEST, 1, 200);
	measure(db, "first window, by name", NULL, ORDER_NAME, 1, 200);
	measure(db, "100 windows deep, newest first", NULL, ORDER_NEWEST,
	    100, 5);
	measure(db, "100 windows deep, by name", NULL, ORDER_NAME, 100, 5);
	measure(db, "search \"s\" (as typed), first window", "s",
	    ORDER_NEWEST, 1, 100);
	measure(db, "search \"so\", first window", "so", ORDER_NEWEST, 1, 100);
	measure(db, "search \"soren\", first window", "soren", ORDER_NEWEST,
	    1, 100);
	measure(db, "search \"aa\", by name, first window", "aa", ORDER_NAME,
	    1, 100);
	measure(db, "search \"mette j\" (two words)", "mette j", ORDER_NEWEST,
	    1, 100);
	measure_filter(db, "queue (due today), first window", FILTER_DUE, 0,
	    100);
	measure_filter(db, "queue, stale after 60 days, first window",
	    FILTER_DUE, 60, 100);
	measure_filter(db, "overdue, first window", FILTER_OVERDUE, 0, 100);
	measure_filter(db, "needs the secretariat, first window",
	    FILTER_FLAGGED, 0, 100);
	measure_filter(db, "needs the secretariat, stale after 60 days",
	    FILTER_FLAGGED, 60, 100);
	measure_count(db, "count all", NULL, 100);
	measure_count(db, "count search \"s\"", "s", 100);
	db_close(db);
	unlink(path);
	free(path);
	cfg_free(&conf);
	return 0;
}
