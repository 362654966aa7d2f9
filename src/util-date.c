/*
 * util-date.c — dates as day numbers since 1970-01-01 (proleptic
 * Gregorian), parsing what people type, and today.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

#define DATE_YEAR_MIN	1900
#define DATE_YEAR_MAX	2199

static long	 today_env = DATE_NONE;	/* VELKOMST_TODAY */
static long	 today_set = DATE_NONE;	/* util_today_set (the demo) */
static time_t	(*date_clock)(void);	/* a test's clock, or NULL */

/* 1 if y is a leap year. */
static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y. */
static int
date_month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_leap(y))
		return 29;
	return days[m - 1];
}

/* Day number of y-m-d; returns 0, or -1 if no such date. */
int
util_date_make(int y, int m, int d, long *out)
{
	long	 era, yoe, doy, doe, yy;

	if (m < 1 || m > 12 || d < 1 || d > date_month_days(y, m))
		return -1;
	/* Howard Hinnant's days_from_civil. */
	yy = (long)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return 0;
}

/* Split a day number into year, month and day. */
void
util_date_split(long day, int *y, int *m, int *d)
{
	long	 z, era, doe, yoe, doy, mp, yy;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* Read 1..max digits at *sp into *v; returns the count read, 0 if none. */
static int
date_digits(const char **sp, int max, int *v)
{
	const char	*s = *sp;
	int		 n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)s[n])) {
		*v = *v * 10 + (s[n] - '0');
		n++;
	}
	if (isdigit((unsigned char)s[n]))
		return 0;	/* too many digits */
	*sp = s + n;
	return n;
}

/* Split "s" into y, m, d; returns 0 or -1 if it is not in a known form. */
static int
date_fields(const char *s, int *y, int *m, int *d)
{
	const char	*p = s;
	int		 a, b, c, na, nb, nc;
	char		 sep;

	if ((na = date_digits(&p, 4, &a)) == 0)
		return -1;
	sep = *p;
	if (sep != '.' && sep != '-')
		return -1;
	p++;
	if ((nb = date_digits(&p, 2, &b)) == 0 || *p != sep)
		return -1;
	p++;
	if ((nc = date_digits(&p, 4, &c)) == 0 || *p != '\0')
		return -1;
	if (na == 4 && sep == '-' && nc <= 2) {
		*y = a;		/* yyyy-mm-dd */
		*m = b;
		*d = c;
		return 0;
	}
	if (na <= 2 && nc == 4) {
		*d = a;		/* dd.mm.yyyy or dd-mm-yyyy */
		*m = b;
		*y = c;
		return 0;
	}
	return -1;
}

/* Parse a date as typed. */
enum date_err
util_date_parse(const char *s, long *out)
{
	char		 buf[32];
	size_t		 len;
	int		 y, m, d;

	if (s == NULL)
		return DATE_EMPTY;
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return DATE_EMPTY;
	if (len >= sizeof buf)
		return DATE_FORMAT;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (date_fields(buf, &y, &m, &d) != 0)
		return DATE_FORMAT;
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return DATE_RANGE;
	if (util_date_make(y, m, d, out) != 0)
		return DATE_NOSUCHDAY;
	return DATE_OK;
}

/* A sentence saying why a date was refused. */
const char *
util_date_errstr(enum date_err e)
{
	switch (e) {
	case DATE_OK:
		return NULL;
	case DATE_EMPTY:
		return N_("Write a date, like 28.11.2026.");
	case DATE_FORMAT:
		return N_("Type the date as 28.11.2026.");
	case DATE_NOSUCHDAY:
		return N_("There is no such day in that month.");
	case DATE_RANGE:
		return N_("The year must be between 1900 and 2199.");
	}
	return N_("Type the date as 28.11.2026.");
}

/* Write v as n digits with leading zeros (no NUL). */
static void
date_put(char *p, int v, int n)
{
	if (v < 0)
		v = 0;
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Format as "2026-11-28". */
char *
util_date_iso(long day, char *buf)
{
	int	 y, m, d;

	if (day == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	util_date_split(day, &y, &m, &d);
	date_put(buf, y, 4);
	buf[4] = '-';
	date_put(buf + 5, m, 2);
	buf[7] = '-';
	date_put(buf + 8, d, 2);
	buf[10] = '\0';
	return buf;
}

/* Format as "28.11.2026". */
char *
util_date_dk(long day, char *buf)
{
	int	 y, m, d;

	if (day == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	util_date_split(day, &y, &m, &d);
	date_put(buf, d, 2);
	buf[2] = '.';
	date_put(buf + 3, m, 2);
	buf[5] = '.';
	date_put(buf + 6, y, 4);
	buf[10] = '\0';
	return buf;
}

/* Parse strictly YYYY-MM-DD; returns 0 or -1. */
static int
date_parse_iso(const char *s, long *out)
{
	int	 y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return -1;
	return util_date_make(y, m, d, out);
}

/* Format the moment t in local time into buf (UTIL_TIME_LEN bytes). */
static char *
date_time_fmt(time_t t, int flags, char *buf)
{
	struct tm	 tm;
	const char	*fmt;
	int		 secs = (flags & UTIL_TIME_SECONDS) != 0;

	if (localtime_r(&t, &tm) == NULL) {
		buf[0] = '\0';
		return buf;
	}
	if (flags & UTIL_TIME_ISO)
		fmt = secs ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M";
	else
		fmt = secs ? "%d.%m.%Y %H:%M:%S" : "%d.%m.%Y %H:%M";
	if (strftime(buf, UTIL_TIME_LEN, fmt, &tm) == 0)
		buf[0] = '\0';
	return buf;
}

/* The local time of a UTC text "2026-11-28 10:05:00" as the database
 * keeps it; a text that is not such a time is copied as it is. */
char *
util_time_local(const char *utc, int flags, char *buf)
{
	struct tm	 tm;
	int		 n = 0;

	memset(&tm, 0, sizeof tm);
	if (utc == NULL) {
		buf[0] = '\0';
		return buf;
	}
	if (sscanf(utc, "%4d-%2d-%2d %2d:%2d:%2d%n", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
	    &n) != 6 || utc[n] != '\0') {
		snprintf(buf, UTIL_TIME_LEN, "%s", utc);
		return buf;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return date_time_fmt(timegm(&tm), flags, buf);
}

/* The local time of seconds since the epoch. */
char *
util_time_local_at(long long at, int flags, char *buf)
{
	return date_time_fmt((time_t)at, flags, buf);
}

/* The seconds since the epoch now (time(), unless a test set a clock). */
static time_t
date_clock_now(void)
{
	return date_clock != NULL ? date_clock() : time(NULL);
}

/* The local date at the moment t. */
static long
date_local(time_t t)
{
	struct tm	tm;
	long		day;

	if (localtime_r(&t, &tm) == NULL ||
	    util_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    &day) != 0)
		day = (long)(t / 86400);
	return day;
}

/* Read VELKOMST_TODAY: it fixes today when it is a date. */
int
util_today_init(const char **bad)
{
	const char	*env;
	long		 day;

	env = getenv("VELKOMST_TODAY");
	if (env != NULL && *env != '\0' && date_parse_iso(env, &day) == 0) {
		today_env = day;
		return 0;
	}
	/* Not set, or not a date: today is the local date (say so if bad). */
	today_env = DATE_NONE;
	if (env != NULL && *env != '\0') {
		if (bad != NULL)
			*bad = env;
		return -1;
	}
	return 0;
}

/* Today's day number: the fixed day, else the local date right now (a
 * terminal left open past midnight has the new day at once). */
long
util_today(void)
{
	if (today_set != DATE_NONE)
		return today_set;
	if (today_env != DATE_NONE)
		return today_env;
	return date_local(date_clock_now());
}

/* 1 if VELKOMST_TODAY fixed today. */
int
util_today_fixed(void)
{
	return today_env != DATE_NONE;
}

/* Make day today until it is set back (the demo records each visit on
 * the day it happened); returns what was set before (DATE_NONE: nothing,
 * and setting DATE_NONE lets go). */
long
util_today_set(long day)
{
	long	was = today_set;

	today_set = day;
	return was;
}

/* The day util_today_set made today, or DATE_NONE. */
long
util_today_pinned(void)
{
	return today_set;
}

/* Let a test set the clock behind util_today (NULL: time()). */
void
util_today_clock(time_t (*clock)(void))
{
	date_clock = clock;
}

/*
 * The day k years after from: the same month and day.  A period that
 * starts on 29 February has its anniversary on 1 March in the years
 * without one, so each of its years ends on the last day of February.
 */
long
util_date_years_after(long from, int k)
{
	long	day;
	int	y, m, d;

	util_date_split(from, &y, &m, &d);
	if (util_date_make(y + k, m, d, &day) == -1 &&
	    util_date_make(y + k, 3, 1, &day) == -1)
		return from + 365L * k;	/* not reached: only 29.02 fails */
	return day;
}
