/*
 * test-util.c — dates, UTF-8 text in columns and the line editor.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "test.h"
#include "util.h"

/* ---- dates ------------------------------------------------------------ */

/* Known day numbers and their round trip. */
static void
date_make_known(void)
{
	static const struct {
		int	 y, m, d;
		long	 day;
	} t[] = {
		{ 1970, 1, 1, 0 },
		{ 1970, 1, 2, 1 },
		{ 1969, 12, 31, -1 },
		{ 2000, 3, 1, 11017 },
		{ 2000, 2, 29, 11016 },
		{ 1900, 1, 1, -25567 },
		{ 2026, 11, 28, 20785 },
		{ 2199, 12, 31, 84005 },
		{ 2024, 2, 29, 19782 },
	};
	size_t	 i;
	long	 day;
	int	 y, m, d;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		CHECK_INT(util_date_make(t[i].y, t[i].m, t[i].d, &day), 0);
		CHECK_INT(day, t[i].day);
		util_date_split(t[i].day, &y, &m, &d);
		CHECK_INT(y, t[i].y);
		CHECK_INT(m, t[i].m);
		CHECK_INT(d, t[i].d);
	}
}

/* Month ends and leap years: 2000 leap, 1900 and 2100 not. */
static void
date_make_month_ends(void)
{
	static const int ends[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	long	 day;
	int	 m;

	for (m = 1; m <= 12; m++) {
		CHECK_INT(util_date_make(2025, m, ends[m - 1], &day), 0);
		CHECK_INT(util_date_make(2025, m, ends[m - 1] + 1, &day), -1);
		CHECK_INT(util_date_make(2025, m, 0, &day), -1);
	}
	CHECK_INT(util_date_make(2025, 0, 1, &day), -1);
	CHECK_INT(util_date_make(2025, 13, 1, &day), -1);
	CHECK_INT(util_date_make(2024, 2, 29, &day), 0);
	CHECK_INT(util_date_make(2025, 2, 29, &day), -1);
	CHECK_INT(util_date_make(2000, 2, 29, &day), 0);
	CHECK_INT(util_date_make(1900, 2, 29, &day), -1);
	CHECK_INT(util_date_make(2100, 2, 29, &day), -1);
	CHECK_INT(util_date_make(2027, 2, 29, &day), -1);
}

/* Every day 1900..2199 splits back to itself, consecutively. */
static void
date_round_trip_all(void)
{
	long	 day, first, last, again;
	int	 y, m, d;

	util_date_make(1900, 1, 1, &first);
	util_date_make(2199, 12, 31, &last);
	for (day = first; day <= last; day++) {
		util_date_split(day, &y, &m, &d);
		if (util_date_make(y, m, d, &again) != 0 || again != day) {
			TEST_FAIL("day %ld gives %d-%d-%d", day, y, m, d);
			return;
		}
	}
	CHECK_INT(last - first + 1, 300L * 365 + 73);	/* 74 leap years less 2100 */
}

/* What people type, accepted and refused. */
static void
date_parse_table(void)
{
	static const struct {
		const char	*s;
		enum date_err	 err;
		int		 y, m, d;
	} t[] = {
		{ "28.11.2026", DATE_OK, 2026, 11, 28 },
		{ "28-11-2026", DATE_OK, 2026, 11, 28 },
		{ "2026-11-28", DATE_OK, 2026, 11, 28 },
		{ "1.3.2017", DATE_OK, 2017, 3, 1 },
		{ "01.03.2017", DATE_OK, 2017, 3, 1 },
		{ "2017-3-1", DATE_OK, 2017, 3, 1 },
		{ "  28.11.2026  ", DATE_OK, 2026, 11, 28 },
		{ "\t5.6.2019\n", DATE_OK, 2019, 6, 5 },
		{ "29.02.2024", DATE_OK, 2024, 2, 29 },
		{ "29.02.2000", DATE_OK, 2000, 2, 29 },
		{ "31.12.2199", DATE_OK, 2199, 12, 31 },
		{ "01.01.1900", DATE_OK, 1900, 1, 1 },
		{ "31.01.2026", DATE_OK, 2026, 1, 31 },
		{ "30.04.2026", DATE_OK, 2026, 4, 30 },
		{ "", DATE_EMPTY, 0, 0, 0 },
		{ "   ", DATE_EMPTY, 0, 0, 0 },
		{ "28.11.26", DATE_FORMAT, 0, 0, 0 },
		{ "28-11-26", DATE_FORMAT, 0, 0, 0 },
		{ "26-11-28", DATE_FORMAT, 0, 0, 0 },
		{ "28.11.2026x", DATE_FORMAT, 0, 0, 0 },
		{ "28.11.2026 x", DATE_FORMAT, 0, 0, 0 },
		{ "28.11-2026", DATE_FORMAT, 0, 0, 0 },
		{ "2026.11.28", DATE_FORMAT, 0, 0, 0 },
		{ "28/11/2026", DATE_FORMAT, 0, 0, 0 },
		{ "28 11 2026", DATE_FORMAT, 0, 0, 0 },
		{ "28.11.20261", DATE_FORMAT, 0, 0, 0 },
		{ "128.11.2026", DATE_FORMAT, 0, 0, 0 },
		{ "28.111.2026", DATE_FORMAT, 0, 0, 0 },
		{ "28..2026", DATE_FORMAT, 0, 0, 0 },
		{ "i går", DATE_FORMAT, 0, 0, 0 },
		{ "-1.3.2017", DATE_FORMAT, 0, 0, 0 },
		{ "31.02.2026", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "29.02.2025", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "29.02.1900", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "29.02.2100", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "31.04.2026", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "0.1.2026", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "1.13.2026", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "2026-02-30", DATE_NOSUCHDAY, 0, 0, 0 },
		{ "31.12.1899", DATE_RANGE, 0, 0, 0 },
		{ "01.01.2200", DATE_RANGE, 0, 0, 0 },
		{ "0999-01-01", DATE_RANGE, 0, 0, 0 },
	};
	size_t		 i;
	long		 day, want;
	enum date_err	 e;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		day = 12345;
		e = util_date_parse(t[i].s, &day);
		if (e != t[i].err) {
			TEST_FAIL("\"%s\" gives %d, want %d", t[i].s, (int)e,
			    (int)t[i].err);
			continue;
		}
		if (e != DATE_OK)
			continue;
		util_date_make(t[i].y, t[i].m, t[i].d, &want);
		if (day != want)
			TEST_FAIL("\"%s\" gives day %ld, want %ld", t[i].s,
			    day, want);
	}
	CHECK_INT(util_date_parse(NULL, &day), DATE_EMPTY);
}

/* Each error has a sentence; OK has none. */
static void
date_errstr(void)
{
	CHECK(util_date_errstr(DATE_OK) == NULL);
	CHECK_STR(util_date_errstr(DATE_FORMAT), "Type the date as 28.11.2026.");
	CHECK_STR(util_date_errstr(DATE_NOSUCHDAY),
	    "There is no such day in that month.");
	CHECK(util_date_errstr(DATE_EMPTY) != NULL);
	CHECK(util_date_errstr(DATE_RANGE) != NULL);
	CHECK(strstr(util_date_errstr(DATE_RANGE), "1900") != NULL);
}

/* ISO and Danish formats, and DATE_NONE as "". */
static void
date_format(void)
{
	char	 buf[11];
	long	 day;

	util_date_make(2026, 11, 28, &day);
	CHECK_STR(util_date_iso(day, buf), "2026-11-28");
	CHECK_STR(util_date_dk(day, buf), "28.11.2026");
	util_date_make(2017, 3, 1, &day);
	CHECK_STR(util_date_iso(day, buf), "2017-03-01");
	CHECK_STR(util_date_dk(day, buf), "01.03.2017");
	CHECK_STR(util_date_iso(0, buf), "1970-01-01");
	util_date_make(1900, 1, 1, &day);
	CHECK_STR(util_date_dk(day, buf), "01.01.1900");
	CHECK_STR(util_date_iso(DATE_NONE, buf), "");
	CHECK_STR(util_date_dk(DATE_NONE, buf), "");
	CHECK(util_date_dk(0, buf) == buf);
}

/* VELKOMST_TODAY fixes today; a bad value is reported. */
static void
date_today(void)
{
	const char	*bad = NULL;
	long		 want;

	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	CHECK_INT(util_today_init(&bad), 0);
	util_date_make(2019, 6, 1, &want);
	CHECK_INT(util_today(), want);
	CHECK_INT(util_today_fixed(), 1);

	setenv("VELKOMST_TODAY", "01.06.2019", 1);
	CHECK_INT(util_today_init(&bad), -1);
	CHECK_STR(bad, "01.06.2019");
	CHECK_INT(util_today_fixed(), 0);
	CHECK(util_today() > want);	/* the local date, after 2019 */

	setenv("VELKOMST_TODAY", "2019-02-29", 1);
	bad = NULL;
	CHECK_INT(util_today_init(&bad), -1);
	CHECK_STR(bad, "2019-02-29");

	unsetenv("VELKOMST_TODAY");
	CHECK_INT(util_today_init(&bad), 0);
	CHECK_INT(util_today_fixed(), 0);
	CHECK(util_today() > want);
}

/* The clock of date_today_moves. */
static time_t	test_clock_now;

static time_t
test_clock(void)
{
	return test_clock_now;
}

/* Today is the local date when asked: it moves on at local midnight (a
 * kiosk left open for weeks), set days and VELKOMST_TODAY hold it. */
static void
date_today_moves(void)
{
	long	d1, d2, d3;

	unsetenv("VELKOMST_TODAY");
	util_today_init(NULL);
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	util_date_make(2019, 6, 1, &d1);
	util_date_make(2019, 6, 2, &d2);
	util_date_make(2019, 6, 3, &d3);
	util_today_clock(test_clock);
	/* 2019-06-01 21:59:59 UTC is 23:59:59 in Copenhagen (CEST). */
	test_clock_now = (time_t)d1 * 86400 + 21 * 3600 + 59 * 60 + 59;
	CHECK_INT(util_today(), d1);
	test_clock_now += 1;	/* midnight in Copenhagen, 22:00 UTC */
	CHECK_INT(util_today(), d2);
	test_clock_now += 86400;
	CHECK_INT(util_today(), d3);
	/* The demo's day holds until it is let go. */
	CHECK_INT(util_today_set(d1), DATE_NONE);
	CHECK_INT(util_today(), d1);
	CHECK_INT(util_today_set(DATE_NONE), d1);
	CHECK_INT(util_today(), d3);
	/* VELKOMST_TODAY holds it whatever the clock says. */
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	CHECK_INT(util_today(), d1);
	unsetenv("VELKOMST_TODAY");
	util_today_init(NULL);
	CHECK_INT(util_today(), d3);
	util_today_clock(NULL);
	unsetenv("TZ");
	tzset();
}

/* Stored UTC times are shown in local time, the Danish way or ISO. */
static void
date_time_local(void)
{
	char	buf[UTIL_TIME_LEN];

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	CHECK_STR(util_time_local("2026-11-28 10:05:09", 0, buf),
	    "28.11.2026 11:05");
	CHECK_STR(util_time_local("2026-07-01 22:30:00", UTIL_TIME_SECONDS,
	    buf), "02.07.2026 00:30:00");
	CHECK_STR(util_time_local("2026-07-01 22:30:00", UTIL_TIME_ISO, buf),
	    "2026-07-02 00:30");
	CHECK_STR(util_time_local("not a time", 0, buf), "not a time");
	CHECK_STR(util_time_local(NULL, 0, buf), "");
	CHECK_STR(util_time_local_at(0, UTIL_TIME_ISO | UTIL_TIME_SECONDS,
	    buf), "1970-01-01 01:00:00");
	unsetenv("TZ");
	tzset();
}

/* ---- text in columns ------------------------------------------------- */

/* Widths of Danish, Arabic, Chinese, combining marks and bad bytes. */
static void
text_width_table(void)
{
	static const struct {
		const char	*s;
		int		 w;
	} t[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "Søren Ærø Åse", 13 },
		{ "æøåÆØÅ", 6 },
		{ "محمد", 4 },
		{ "王小明", 6 },
		{ "王 Wang", 7 },
		{ "a\xcc\x8a", 1 },		/* a + combining ring */
		{ "e\xcc\x81\xcc\xa3", 1 },	/* two combining marks */
		{ "\xff", 1 },
		{ "a\xffz", 3 },
		{ "\xc3", 1 },			/* cut sequence */
		{ "\xe7\x8e", 2 },		/* cut CJK: two bad bytes */
		{ "a\tb", 3 },			/* a control is drawn as one "?" */
		{ "Cabdi Xasan", 11 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (util_text_width(t[i].s) != t[i].w)
			TEST_FAIL("width of \"%s\" is %d, want %d", t[i].s,
			    util_text_width(t[i].s), t[i].w);
	CHECK_INT(util_text_width(NULL), 0);
}

/* Fitting never splits a character nor goes over the columns. */
static void
text_fit_table(void)
{
	static const struct {
		const char	*s;
		int		 cols;
		size_t		 bytes;
		int		 w;
	} t[] = {
		{ "abc", 0, 0, 0 },
		{ "abc", 2, 2, 2 },
		{ "abc", 10, 3, 3 },
		{ "æøå", 2, 4, 2 },
		{ "æøå", 3, 6, 3 },
		{ "王小明", 1, 0, 0 },
		{ "王小明", 2, 3, 2 },
		{ "王小明", 3, 3, 2 },	/* 小 does not fit in 1 */
		{ "王小明", 5, 6, 4 },
		{ "王小明", 6, 9, 6 },
		{ "a王", 2, 1, 1 },
		{ "محمد", 2, 4, 2 },
		{ "a\xcc\x8a" "b", 1, 3, 1 },	/* keeps the ring with a */
		{ "\xff\xfe" "a", 1, 1, 1 },	/* a bad byte is one column */
		{ "", 5, 0, 0 },
		{ "abc", -1, 0, 0 },
	};
	size_t	 i, got;
	int	 w;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		w = -99;
		got = util_text_fit(t[i].s, t[i].cols, &w);
		if (got != t[i].bytes || w != t[i].w)
			TEST_FAIL("fit \"%s\" in %d: %zu bytes %d cols, "
			    "want %zu, %d", t[i].s, t[i].cols, got, w,
			    t[i].bytes, t[i].w);
	}
	CHECK_INT(util_text_fit("abc", 2, NULL), 2);
}

/* Strict UTF-8 check. */
static void
text_valid_table(void)
{
	CHECK(util_text_valid(""));
	CHECK(util_text_valid("Søren"));
	CHECK(util_text_valid("王小明 محمد"));
	CHECK(util_text_valid("\xf0\x9f\x98\x80"));	/* emoji */
	CHECK(!util_text_valid("\xff"));
	CHECK(!util_text_valid("S\xf8ren"));		/* Latin-1 */
	CHECK(!util_text_valid("\xc3"));
	CHECK(!util_text_valid("\xc0\xaf"));		/* overlong */
	CHECK(!util_text_valid("\xe0\x80\xaf"));	/* overlong */
	CHECK(!util_text_valid("\xed\xa0\x80"));	/* surrogate */
	CHECK(!util_text_valid("\xf4\x90\x80\x80"));	/* > U+10FFFF */
	CHECK(!util_text_valid(NULL));
}

/* UTF-8 to wide and back. */
static void
text_wcs_round_trip(void)
{
	wchar_t	*ws;
	char	*s;
	size_t	 n;

	ws = util_text_to_wcs("Åse 王 محمد", &n);
	CHECK_INT(n, 10);
	CHECK(ws[0] == 0xc5);
	CHECK(ws[4] == 0x738b);
	s = util_text_from_wcs(ws, n);
	CHECK_STR(s, "Åse 王 محمد");
	free(s);
	s = util_text_from_wcs(ws, 3);
	CHECK_STR(s, "Åse");
	free(s);
	free(ws);

	ws = util_text_to_wcs("a\xffz", &n);
	CHECK_INT(n, 3);
	CHECK(ws[1] == 0xfffd);
	s = util_text_from_wcs(ws, n);
	CHECK_STR(s, "a\xef\xbf\xbdz");
	free(s);
	free(ws);

	ws = util_text_to_wcs("", &n);
	CHECK_INT(n, 0);
	CHECK(ws[0] == L'\0');
	free(ws);
	s = util_text_from_wcs(L"\U0001F600", 1);
	CHECK_STR(s, "\xf0\x9f\x98\x80");
	free(s);
}

/* ---- line editor ----------------------------------------------------- */

/* Check the editor holds want with the cursor at cur. */
#define CHECK_EDIT(e, want, c) do {					\
	char *t_ = util_edit_text(e);					\
	CHECK_STR(t_, (want));						\
	CHECK_INT((e)->cur, (c));					\
	CHECK_INT((e)->len, wcslen((e)->buf));				\
	free(t_);							\
} while (0)

/* Insert, move and delete characters. */
static void
edit_basic(void)
{
	struct edit	 e;

	util_edit_init(&e, NULL, 0);
	CHECK_EDIT(&e, "", 0);
	util_edit_backspace(&e);	/* at 0: nothing */
	util_edit_delete(&e);		/* at end: nothing */
	util_edit_left(&e);
	CHECK_EDIT(&e, "", 0);
	CHECK_INT(util_edit_insert(&e, L'S'), 0);
	CHECK_INT(util_edit_insert(&e, L'r'), 0);
	util_edit_left(&e);
	CHECK_INT(util_edit_insert(&e, 0xf8), 0);	/* ø */
	CHECK_EDIT(&e, "Sør", 2);
	util_edit_end(&e);
	util_edit_insert(&e, L'e');
	util_edit_insert(&e, L'n');
	CHECK_EDIT(&e, "Søren", 5);
	util_edit_delete(&e);
	CHECK_EDIT(&e, "Søren", 5);
	util_edit_right(&e);
	CHECK_EDIT(&e, "Søren", 5);
	util_edit_home(&e);
	util_edit_backspace(&e);
	CHECK_EDIT(&e, "Søren", 0);
	util_edit_delete(&e);
	CHECK_EDIT(&e, "øren", 0);
	util_edit_right(&e);
	util_edit_backspace(&e);
	CHECK_EDIT(&e, "ren", 0);
	util_edit_free(&e);
}

/* Control and bidi characters are refused; so is going over max. */
static void
edit_refuse(void)
{
	static const wchar_t bad[] = {
		L'\t', L'\n', L'\r', 0x1b, 0x7f, 0x85, 0x202a, 0x202b,
		0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0
	};
	struct edit	 e;
	size_t		 i;

	util_edit_init(&e, "ab", 4);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (util_edit_insert(&e, bad[i]) != -1)
			TEST_FAIL("U+%04X was not refused", (unsigned)bad[i]);
	CHECK_EDIT(&e, "ab", 2);
	CHECK_INT(util_edit_insert(&e, 0x200f), 0);	/* RLM is fine */
	CHECK_INT(util_edit_insert(&e, 0x645), 0);	/* Arabic meem */
	CHECK_INT(util_edit_insert(&e, L'c'), -1);	/* max 4 */
	CHECK_INT(e.len, 4);
	util_edit_backspace(&e);
	CHECK_INT(util_edit_insert(&e, L'c'), 0);
	util_edit_free(&e);

	/* Set keeps a longer text, but no more can be typed. */
	util_edit_init(&e, "abcdef", 3);
	CHECK_EDIT(&e, "abcdef", 6);
	CHECK_INT(util_edit_insert(&e, L'g'), -1);
	util_edit_free(&e);
}

/* Word moves and kills stop at spaces and hyphens. */
static void
edit_words(void)
{
	struct edit	 e;

	util_edit_init(&e, "Anne-Marie  Hansen", 0);
	util_edit_word_left(&e);
	CHECK_INT(e.cur, 12);
	util_edit_word_left(&e);
	CHECK_INT(e.cur, 5);
	util_edit_word_left(&e);
	CHECK_INT(e.cur, 0);
	util_edit_word_left(&e);
	CHECK_INT(e.cur, 0);
	util_edit_word_right(&e);
	CHECK_INT(e.cur, 4);
	util_edit_word_right(&e);
	CHECK_INT(e.cur, 10);
	util_edit_word_right(&e);
	CHECK_INT(e.cur, 18);
	util_edit_word_right(&e);
	CHECK_INT(e.cur, 18);

	util_edit_kill_word(&e);
	CHECK_EDIT(&e, "Anne-Marie  ", 12);
	util_edit_kill_word(&e);
	CHECK_EDIT(&e, "Anne-", 5);
	util_edit_kill_word(&e);
	CHECK_EDIT(&e, "", 0);
	util_edit_kill_word(&e);
	CHECK_EDIT(&e, "", 0);

	util_edit_set(&e, "Ali Hassan Omar");
	util_edit_home(&e);
	util_edit_word_right(&e);
	util_edit_right(&e);
	util_edit_right(&e);
	util_edit_right(&e);	/* "Ali Ha|ssan Omar" */
	util_edit_kill_word(&e);
	CHECK_EDIT(&e, "Ali ssan Omar", 4);
	util_edit_kill_end(&e);
	CHECK_EDIT(&e, "Ali ", 4);
	util_edit_left(&e);
	util_edit_kill_start(&e);
	CHECK_EDIT(&e, " ", 0);
	util_edit_kill_start(&e);
	CHECK_EDIT(&e, " ", 0);
	util_edit_free(&e);
}

/* The cursor column counts display columns. */
static void
edit_cursor_col(void)
{
	struct edit	 e;

	util_edit_init(&e, "王小明 Wang", 0);
	CHECK_INT(util_edit_cursor_col(&e), 11);
	util_edit_home(&e);
	CHECK_INT(util_edit_cursor_col(&e), 0);
	util_edit_right(&e);
	CHECK_INT(util_edit_cursor_col(&e), 2);
	util_edit_set(&e, "a\xcc\x8a" "b");	/* a, ring, b */
	CHECK_INT(e.len, 3);
	CHECK_INT(util_edit_cursor_col(&e), 2);
	util_edit_set(&e, "محمد æøå");
	CHECK_INT(util_edit_cursor_col(&e), 8);
	util_edit_free(&e);
}

/* A long text grows the buffer; set replaces. */
static void
edit_grow(void)
{
	struct edit	 e;
	char		*t;
	int		 i;

	util_edit_init(&e, "", 0);
	for (i = 0; i < 500; i++)
		CHECK_INT(util_edit_insert(&e, i % 2 ? 0xe5 : L'x'), 0);
	CHECK_INT(e.len, 500);
	t = util_edit_text(&e);
	CHECK_INT(strlen(t), 750);
	CHECK_INT(util_text_width(t), 500);
	free(t);
	util_edit_set(&e, "ny");
	CHECK_EDIT(&e, "ny", 2);
	util_edit_free(&e);
	util_edit_free(&e);	/* twice is harmless */
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	RUN("date", date_make_known);
	RUN("date", date_make_month_ends);
	RUN("date", date_round_trip_all);
	RUN("date", date_parse_table);
	RUN("date", date_errstr);
	RUN("date", date_format);
	RUN("date", date_today);
	RUN("today moves on at local midnight", date_today_moves);
	RUN("times in local time", date_time_local);
	RUN("text", text_width_table);
	RUN("text", text_fit_table);
	RUN("text", text_valid_table);
	RUN("text", text_wcs_round_trip);
	RUN("edit", edit_basic);
	RUN("edit", edit_refuse);
	RUN("edit", edit_words);
	RUN("edit", edit_cursor_col);
	RUN("edit", edit_grow);
	TEST_END();
}
