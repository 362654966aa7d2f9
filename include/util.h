/*
 * util.h — small helpers every part may use: memory that never fails,
 * dates as day numbers, UTF-8 text measured in display columns, and the
 * buffer behind the line editor.  No curses, no SQL, no libconfig here.
 */
#ifndef VELKOMST_UTIL_H
#define VELKOMST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

/* ---- memory (util-mem.c) ---------------------------------------------
 * The x* functions never return NULL: when memory runs out they call
 * fatal().  Free the results with free().
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);		/* xstrdup(NULL) returns NULL */
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/*
 * fatal() prints "velkomst: MESSAGE" to stderr and exits 1.  Before it
 * prints it calls the hook set with util_set_fatal_hook() (the UI sets one
 * that ends curses), so the message is never lost on the alternate screen.
 */
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
void	 util_set_fatal_hook(void (*)(void));

/* The Unix login running velkomst (util-user.c); a static string. */
const char	*util_login(void);
/* The login of the person who ran velkomst through sudo(8), or NULL
 * when it did not really come through sudo (util-user.c says how that
 * is told); a static string. */
const char	*util_sudo_user(void);

/* ---- files (util-file.c) ---- */

/* Read the regular file path, at most max bytes, into a new buffer *buf
 * (NUL-terminated; *len bytes without the NUL).  0, or an errno value
 * (EISDIR for anything but a regular file, EFBIG when it is larger). */
int	 util_read_file(const char *path, size_t max, char **buf, size_t *len);
/* The folder of path ("." when it has none), as a new string. */
char	*util_dirname(const char *path);

/* ---- dates (util-date.c) ----------------------------------------------
 * A date is a day number: days since 1970-01-01 (proleptic Gregorian).
 * DATE_NONE means "no date" (not moved out, no consent date, ...).
 */
#define DATE_NONE	(-2147483647L - 1L)

/* Day number of y-m-d; returns 0, or -1 if no such date (31.02, 29.02.2027). */
int	 util_date_make(int y, int m, int d, long *out);
/* Split a day number into year, month (1-12) and day (1-31). */
void	 util_date_split(long day, int *y, int *m, int *d);
/* The day k years after from: the same month and day; from 29 February,
 * 1 March in the years without one (agreement years, a first year). */
long	 util_date_years_after(long from, int k);

enum date_err {
	DATE_OK = 0,
	DATE_EMPTY,		/* nothing typed */
	DATE_FORMAT,		/* not 28.11.2026, 28-11-2026 or 2026-11-28 */
	DATE_NOSUCHDAY,		/* looks right but the day does not exist */
	DATE_RANGE		/* year outside 1900..2199 */
};
/*
 * Parse a date typed as dd.mm.yyyy, dd-mm-yyyy or yyyy-mm-dd (one-digit
 * day and month allowed, spaces around ignored).  Returns DATE_OK and sets
 * *out, or the reason it is not a date.
 */
enum date_err util_date_parse(const char *, long *out);
/* A sentence (English, for gettext) saying what is wrong; NULL for DATE_OK. */
const char *util_date_errstr(enum date_err);

/* Format into buf (at least 11 bytes): "2026-11-28" or "28.11.2026".
 * DATE_NONE gives "".  Returns buf. */
char	*util_date_iso(long, char *buf);
char	*util_date_dk(long, char *buf);

/*
 * Times are kept in UTC ("2026-11-28 10:05:00", as SQLite's datetime()
 * writes them) and shown in local time: "28.11.2026 11:05" or, with
 * UTIL_TIME_ISO, "2026-11-28 11:05"; with UTIL_TIME_SECONDS the seconds
 * too.  A text that is not such a time is copied as it is (cut to fit),
 * NULL gives "".  buf has UTIL_TIME_LEN bytes; returns buf.
 */
#define UTIL_TIME_LEN		20
#define UTIL_TIME_ISO		0x1
#define UTIL_TIME_SECONDS	0x2
char	*util_time_local(const char *utc, int flags, char *buf);
char	*util_time_local_at(long long at, int flags, char *buf);

/*
 * Today is the local date at the moment of asking, so a screen left open
 * past midnight has the new day: util_today() reads the clock every time,
 * unless VELKOMST_TODAY fixes the day.  util_today_init() reads
 * VELKOMST_TODAY (YYYY-MM-DD); it returns -1 and leaves *bad pointing at
 * the value if it is set but not a date (today is then the local date).
 * util_today_fixed() tells if VELKOMST_TODAY fixed it (the screen says
 * so).
 */
int	 util_today_init(const char **bad);
long	 util_today(void);
/* Make day today until it is set back (the demo records each visit as on
 * its day); returns what was set before, DATE_NONE if nothing was, and
 * util_today_set(DATE_NONE) lets go. */
long	 util_today_set(long day);
int	 util_today_fixed(void);
/* The day util_today_set made today, or DATE_NONE: what is recorded
 * meanwhile is recorded as on that day (db-open.c's db_now), so the
 * demo's visits are recorded on the days they happened. */
long	 util_today_pinned(void);
/* For tests: the clock util_today reads (seconds since the epoch), or
 * NULL for time(). */
void	 util_today_clock(time_t (*)(void));

/* ---- UTF-8 text in display columns (util-text.c) ------------------------
 * Invalid UTF-8 bytes count as one column each (they are shown as '?').
 */
/* Columns the string takes on screen (wcwidth of each character; a
 * control or non-printable character counts 1, as the screen draws it as
 * one "?"). */
int	 util_text_width(const char *);
/*
 * The number of bytes of the longest prefix of s that fits in cols
 * columns without splitting a character; *width (may be NULL) gets its
 * width in columns.
 */
size_t	 util_text_fit(const char *s, int cols, int *width);
/* 1 if s is valid UTF-8. */
int	 util_text_valid(const char *);
/* Convert UTF-8 to a new wide string (xmalloc'd; invalid bytes become
 * U+FFFD), and back.  *len (may be NULL) gets the length in wchar_t. */
wchar_t	*util_text_to_wcs(const char *, size_t *len);
/* Decode the character at s (n > 0 bytes left) into *wc: the bytes it
 * takes, or 0 for a byte that does not start a valid character. */
size_t	 util_text_char(const char *s, size_t n, wchar_t *wc);
/* 1 if c overrides or isolates the direction of text (U+202A..U+202E,
 * U+2066..U+2069): it could make a line read differently, so it is never
 * typed, stored or shown. */
int	 util_text_bidi(wchar_t c);
char	*util_text_from_wcs(const wchar_t *, size_t len);
/* A file's size for people, into buf: "38 kB" (at least 1), "1.2 MB",
 * "3.4 GB" (the decimal point of the locale).  Returns buf. */
char	*util_size_text(long long bytes, char *buf, size_t len);

/* ---- line editor buffer (util-edit.c) ----------------------------------
 * A single-line wchar_t buffer with a cursor; the UI draws it and maps keys
 * onto these calls.  Owns buf; free with util_edit_free().
 */
struct edit {
	wchar_t	*buf;		/* always NUL-terminated */
	size_t	 len;		/* characters in buf */
	size_t	 cap;
	size_t	 cur;		/* cursor, 0..len */
	size_t	 max;		/* most characters allowed (0 = no limit) */
	int	 scroll;	/* first column shown, kept by the drawing code */
};
void	 util_edit_init(struct edit *, const char *utf8, size_t max);
void	 util_edit_free(struct edit *);
void	 util_edit_set(struct edit *, const char *utf8);
/* Insert one character at the cursor; returns 0, or -1 if it was refused
 * (a control or bidi override/isolate character, or max reached). */
int	 util_edit_insert(struct edit *, wchar_t);
void	 util_edit_left(struct edit *);
void	 util_edit_right(struct edit *);
void	 util_edit_home(struct edit *);
void	 util_edit_end(struct edit *);
void	 util_edit_word_left(struct edit *);
void	 util_edit_word_right(struct edit *);
void	 util_edit_backspace(struct edit *);
void	 util_edit_delete(struct edit *);
void	 util_edit_kill_end(struct edit *);	/* ^K */
void	 util_edit_kill_start(struct edit *);	/* ^U */
void	 util_edit_kill_word(struct edit *);	/* ^W */
/* Contents as a new UTF-8 string (xmalloc'd). */
char	*util_edit_text(const struct edit *);
/* Display columns from the start up to the cursor. */
int	 util_edit_cursor_col(const struct edit *);

/* ---- secrets from the terminal (util-secret.c) ---------------------------
 * A PIN or password is never echoed.  The caller wipes buf afterwards
 * (core_secret_wipe).
 */
/*
 * Read one line into buf (size bytes with the NUL; no newline): with
 * from_stdin, from standard input (--password-stdin; when that is a
 * terminal, with the prompt and echo off as below); else prompt on
 * /dev/tty with echo off (put back on however the reading ends; a signal
 * such as ^C is delivered after that).  Returns 0, or -1 when there is
 * no terminal, the input ended, the line is too long or holds a NUL.
 */
int	 util_read_secret(const char *prompt, int from_stdin, char *buf,
	    size_t size);
/* Why the last util_read_secret failed: a sentence (English, for
 * gettext), or NULL. */
const char *util_secret_why(void);
/* 1 if the last util_read_secret found the end of input before any byte
 * (--password-stdin: no further line). */
int	 util_secret_at_end(void);

/* ---- csv fields (util-csv.c) -------------------------------------------
 * A field of comma-separated values as RFC 4180 writes it, the separator
 * delim (',' or ';'): quoted when it holds the separator, a quote, a
 * carriage return or a line feed, each quote inside doubled.
 */
int	 util_csv_quoted(const char *s, int delim);
/* s (NULL: "") as one field: a new string. */
char	*util_csv_field(const char *s, int delim);

#endif
