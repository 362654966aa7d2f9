/*
 * bench-search.c — what a keystroke in the list's search and the home
 * screen's figures cost in-process, on an existing database (a copy of
 * build/bench/hN.db: opening it migrates it): for the secretariat, an
 * ambassador of one department and one of two, the capped count
 * (DB_COUNT_CAP) and the first window, as the list screen asks them;
 * the home screen's figures together and one by one (with the count of
 * the households due for deletion the secretariat's home also shows).
 * Prints the median of the runs per line; nothing is asserted.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "util.h"

#define WINDOW	40
#define RUNS	15

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Compare two doubles for qsort. */
static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* A keystroke: the capped count and the first window of q for who. */
static double
keystroke(struct db *db, const struct who *who,
    const struct household_query *q, long *count, size_t *rows)
{
	struct household_row	*got;
	double			 t0 = now();

	if (db_household_count_upto(db, who, q, DB_COUNT_CAP, count) != DB_OK ||
	    db_household_list(db, who, q, NULL, WINDOW, &got, rows) != DB_OK)
		fatal("%s", db_errmsg(db));
	db_household_rows_free(got, *rows);
	return now() - t0;
}

/* The home screen's three figures for who. */
static double
home(struct db *db, const struct who *who, long *count, size_t *rows)
{
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(), .deadline = 14,
				    .stale_days = 60 };
	long			n[3];
	double			t0 = now();

	if (db_household_count_upto(db, who, &q, DB_COUNT_CAP, &n[0]) != DB_OK)
		fatal("%s", db_errmsg(db));
	q.filter = FILTER_OVERDUE;
	if (db_household_count_upto(db, who, &q, DB_COUNT_CAP, &n[1]) != DB_OK)
		fatal("%s", db_errmsg(db));
	q.filter = FILTER_FLAGGED;
	if (db_household_count_upto(db, who, &q, DB_COUNT_CAP, &n[2]) != DB_OK)
		fatal("%s", db_errmsg(db));
	*count = n[1];
	*rows = (size_t)n[2];
	return now() - t0;
}

/* One home figure (0 the register, 1 overdue, 2 for the secretariat,
 * 3 due for deletion: the secretariat's only), timed; its count in *n. */
static double
home_part(struct db *db, const struct who *who, int part, long *n)
{
	static const struct retention r = { .after_welcome_days = 365,
	    .after_moved_out_days = 90, .not_reached_days = 365 };
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(), .deadline = 14,
				    .stale_days = 60 };
	double			t0 = now();
	enum db_status		s;

	q.filter = part == 1 ? FILTER_OVERDUE : part == 2 ? FILTER_FLAGGED :
	    FILTER_ALL;
	if (part == 3)
		s = db_purge_count(db, who, &r, q.today, DB_COUNT_CAP, n);
	else
		s = db_household_count_upto(db, who, &q, DB_COUNT_CAP, n);
	if (s != DB_OK)
		fatal("%s", db_errmsg(db));
	return now() - t0;
}

/* The home screen's figures one by one: the median of each, and the
 * count it gave ("1000" is the cap: "1,000+" on the screen). */
static void
home_parts(struct db *db, const char *label, const struct who *who,
    int nparts)
{
	static const char *const names[] = { "register", "overdue",
	    "secretariat", "deletion" };
	double	t[RUNS];
	long	n = 0;
	int	part, i;

	printf("%-14s", label);
	for (part = 0; part < nparts; part++) {
		for (i = 0; i < RUNS; i++)
			t[i] = home_part(db, who, part, &n);
		qsort(t, RUNS, sizeof t[0], cmp);
		printf(" %s %ld: %.3f ms%s", names[part], n, t[RUNS / 2] * 1e3,
		    part + 1 < nparts ? "," : "\n");
	}
}

/* The exact count of a list (the key c), once: what it takes. */
static void
exact(struct db *db, const char *label, const struct who *who,
    const char *search, enum household_filter filter)
{
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(), .search = search,
				    .filter = filter, .deadline = 14 };
	long			n = 0;
	double			t0 = now();

	if (db_household_count(db, who, &q, &n) != DB_OK)
		fatal("%s", db_errmsg(db));
	printf("%-14s %-10s %6ld %4s %9.2f ms (c: exact)\n", label,
	    search != NULL ? search : filter == FILTER_OVERDUE ? "(overdue)" :
	    "(all)", n, "", (now() - t0) * 1e3);
}

/* Print the median of RUNS of one measurement. */
static void
measure(struct db *db, const char *label, const struct who *who,
    const char *search)
{
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(), .search = search };
	double			t[RUNS];
	long			count = 0;
	size_t			rows = 0;
	int			i;

	for (i = 0; i < RUNS; i++)
		t[i] = search != NULL ? keystroke(db, who, &q, &count, &rows) :
		    home(db, who, &count, &rows);
	qsort(t, RUNS, sizeof t[0], cmp);
	printf("%-14s %-10s %6ld %4zu %9.2f ms\n", label, search != NULL ?
	    search : "(home)", count, rows, t[RUNS / 2] * 1e3);
}

int
main(int argc, char **argv)
{
	static const char *const searches[] = { "s", "sø", "søren",
	    "søren m", "xqzw", NULL };
	struct who	 sec = { .name = "bench", .role = ROLE_SECRETARIAT };
	struct who	 one = { .name = "bench", .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
	struct who	 two = { .name = "bench", .role = ROLE_AMBASSADOR,
			    .departments = { "605", "607" },
			    .ndepartments = 2 };
	struct db	*db;
	char		*e = NULL;
	const char	*bad;
	double		 t0;
	size_t		 i;

	setlocale(LC_ALL, "C.UTF-8");
	/* The bench's day (VELKOMST_TODAY), as the commands and screens
	 * of the table have it. */
	if (util_today_init(&bad) != 0)
		fatal("VELKOMST_TODAY=%s is not a date", bad);
	if (argc != 2)
		fatal("usage: bench-search FILE (a copy: it is migrated)");
	t0 = now();
	if ((db = db_open(argv[1], 0, &e)) == NULL)
		fatal("%s", e);
	printf("opening (and migrating) %.2f s\n", now() - t0);
	printf("%-14s %-10s %6s %4s %12s\n", "who", "search", "count",
	    "rows", "median");
	measure(db, "secretariat", &sec, NULL);
	measure(db, "ambassador", &one, NULL);
	printf("the home screen's figures one by one (medians):\n");
	home_parts(db, "secretariat", &sec, 4);
	home_parts(db, "ambassador", &one, 3);
	home_parts(db, "ambassador×2", &two, 3);
	for (i = 0; searches[i] != NULL; i++) {
		measure(db, "secretariat", &sec, searches[i]);
		measure(db, "ambassador", &one, searches[i]);
		measure(db, "ambassador×2", &two, searches[i]);
	}
	exact(db, "secretariat", &sec, "s", FILTER_ALL);
	exact(db, "ambassador", &one, "s", FILTER_ALL);
	exact(db, "secretariat", &sec, NULL, FILTER_OVERDUE);
	exact(db, "ambassador", &one, NULL, FILTER_OVERDUE);
	db_close(db);
	return 0;
}
