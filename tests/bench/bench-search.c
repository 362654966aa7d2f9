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

#include "core.h"
#include "db.h"
#include "util.h"
#include "../../src/db-private.h"

#define WINDOW	20	/* HH_WINDOW: what the list fetches on an 80x24 terminal */
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
	double			 t0;

	/* A keystroke is a new search: its words are not estimated yet
	 * (the first of its page and count estimates them, the other
	 * finds them kept; the list asks for the page first). */
	db_words_forget(db);
	t0 = now();
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

/*
 * The raw range query of a screenful: the rows of one window read
 * straight from an index, with the columns the list shows, as one would
 * ask the sqlite3 tool; no count, no cursor, no access rule.  A search
 * reads the word index from its key (core_search_key) up, unordered.
 */
#define RAW_COLS	"h.id, h.department, h.stairwell, h.flat, h.moved_in, " \
	"h.moved_out, h.state, (SELECT group_concat(name, '; ') FROM member " \
	"m WHERE m.household_id = h.id)"

/* The median of RUNS of sql (with text ?1 .. ?3 bound), its rows in *n. */
static double
raw_time(struct db *db, const char *sql, const char *a1, const char *a2,
    const char *a3, size_t *n)
{
	sqlite3_stmt	*st;
	double		 t[RUNS], t0;
	int		 i;

	if ((st = db_prepare(db, sql)) == NULL)
		fatal("%s: %s", sql, db_errmsg(db));
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, a1, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a2, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a3, -1, SQLITE_STATIC);
		for (*n = 0; sqlite3_step(st) == SQLITE_ROW; (*n)++)
			;
		t[i] = now() - t0;
	}
	sqlite3_finalize(st);
	qsort(t, RUNS, sizeof t[0], cmp);
	return t[RUNS / 2];
}

/* One line: velkomst's answer of q for who (the capped count and the
 * first window) against the raw range query sql. */
static void
against_raw(struct db *db, const char *label, const struct who *who,
    struct household_query *q, const char *sql, const char *a3)
{
	double	 t[RUNS], v, r;
	char	*key = NULL, *next = NULL;
	long	 count = 0;
	size_t	 rows = 0, rawrows = 0;
	int	 i;

	for (i = 0; i < RUNS; i++)
		t[i] = keystroke(db, who, q, &count, &rows);
	qsort(t, RUNS, sizeof t[0], cmp);
	v = t[RUNS / 2];
	if (q->search != NULL) {
		key = core_search_key(q->search);
		next = xstrdup(key);
		next[strlen(next) - 1]++;
	}
	r = raw_time(db, sql, key, next, a3, &rawrows);
	printf("%-24s %9.2f ms %4zu  raw %7.2f ms %4zu  %5.2fx\n", label,
	    v * 1e3, rows, r * 1e3, rawrows, r > 0 ? v / r : 0);
	free(key);
	free(next);
}

/* The list's screens against their raw range queries. */
static void
raw_table(struct db *db, const struct who *sec, const struct who *one)
{
	struct household_query	q;

	printf("against the raw range query (in-process, medians):\n");
	memset(&q, 0, sizeof q);
	q.order = ORDER_NEWEST;
	q.no_why = 1;
	q.today = util_today();
	against_raw(db, "opening the list, Home", sec, &q, "SELECT " RAW_COLS
	    " FROM household h ORDER BY h.moved_in DESC, h.id DESC LIMIT 20",
	    NULL);
	q.backward = 1;
	against_raw(db, "End", sec, &q, "SELECT " RAW_COLS " FROM household h"
	    " ORDER BY h.moved_in, h.id LIMIT 20", NULL);
	q.backward = 0;
	q.search = "s";
	against_raw(db, "\"s\" (secretariat)", sec, &q, "SELECT " RAW_COLS
	    " FROM household h WHERE h.id IN (SELECT household_id FROM"
	    " name_word WHERE key >= ?1 AND key < ?2 LIMIT 20)", NULL);
	q.search = "sø";
	against_raw(db, "\"sø\" (secretariat)", sec, &q, "SELECT " RAW_COLS
	    " FROM household h WHERE h.id IN (SELECT household_id FROM"
	    " name_word WHERE key >= ?1 AND key < ?2 LIMIT 20)", NULL);
	q.search = "s";
	against_raw(db, "\"s\" (ambassador)", one, &q, "SELECT " RAW_COLS
	    " FROM household h WHERE h.id IN (SELECT household_id FROM"
	    " name_word WHERE key >= ?1 AND key < ?2 AND department = ?3"
	    " LIMIT 20)", one->departments[0]);
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
	/* The register reads no note per row (no reason column). */
	struct household_query	q = { .order = ORDER_NEWEST,
				    .today = util_today(), .search = search,
				    .no_why = 1 };
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
	    "søren m", "m søren", "xqzw", NULL };
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
	raw_table(db, &sec, &one);
	exact(db, "secretariat", &sec, "s", FILTER_ALL);
	exact(db, "ambassador", &one, "s", FILTER_ALL);
	exact(db, "secretariat", &sec, NULL, FILTER_OVERDUE);
	exact(db, "ambassador", &one, NULL, FILTER_OVERDUE);
	db_close(db);
	return 0;
}
