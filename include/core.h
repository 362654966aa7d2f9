/*
 * core.h — the rules of velkomst as plain functions: no curses, no SQL, no
 * files.  Messages returned are English source strings marked with N_();
 * the caller translates them with _() when it shows them.
 */
#ifndef VELKOMST_CORE_H
#define VELKOMST_CORE_H

#include <stddef.h>

/* ---- checking what people type (core-check.c) ----------------------- */

/* Longest name, flat, phone, languages and notes we keep, in characters. */
#define CORE_NAME_MAX	80
#define CORE_FLAT_MAX	20
#define CORE_PHONE_MAX	30
#define CORE_LANG_MAX	120
#define CORE_NOTES_MAX	1000

/*
 * Each check returns NULL when the text is acceptable, or a sentence
 * saying what is wrong ("The name is empty.").  The text is UTF-8 as
 * typed; leading and trailing spaces are ignored by the checks.
 */
const char *core_check_name(const char *);	/* a member's name: required */
const char *core_check_flat(const char *);	/* "st. tv.", "2. th.", "3. 12" */
const char *core_check_phone(const char *);	/* empty, or digits, spaces, +, - */
const char *core_check_languages(const char *);	/* optional, comma-separated */
const char *core_check_notes(const char *);	/* optional, no CPR number */
/*
 * 1 if s contains something that looks like a Danish CPR number:
 * ddmmyy-xxxx or ddmmyyxxxx (ten digits) where ddmmyy is a real date.
 */
int	 core_looks_like_cpr(const char *s);
/* 1 if s has a control character (other than none) or a bidi override /
 * isolate character (U+202A..U+202E, U+2066..U+2069). */
int	 core_has_forbidden_chars(const char *s);

/*
 * The text as it is stored: NFC, leading/trailing white space removed,
 * runs of inner white space made one space.  Returns a new string
 * (xmalloc'd), or NULL if s is not valid UTF-8.
 */
char	*core_clean_text(const char *s);

/* ---- household status (core-household.c) ----------------------------- */

enum household_status {
	HS_AWAITING,		/* moved in, not yet welcomed */
	HS_WELCOMED,
	HS_MOVED_OUT
};
/* Status from the facts: moved_out is DATE_NONE if still living there. */
enum household_status core_household_status(long moved_out, int welcomed,
	    long today);
/* "awaiting", "welcomed", "moved_out": the stable names used in tsv. */
const char *core_status_name(enum household_status);
/* A word for the screen (English source, for _()). */
const char *core_status_label(enum household_status);
/*
 * Check the dates of a household: moved_in required, not more than a year
 * after today; moved_out (or DATE_NONE) not before moved_in.  NULL if fine.
 */
const char *core_check_move_dates(long moved_in, long moved_out, long today);

/* ---- search and sort keys (core-key.c) -------------------------------- */

/*
 * The search key of a text: NFC, case-folded, combining marks removed,
 * then æ→ae, ø→oe, å→aa, ß→ss (so "Søren" and "SØREN" give "soeren",
 * "Åse" gives "aase").  Other scripts are kept, case-folded.  This is what
 * a typed search text is turned into.  New string.
 */
char	*core_search_key(const char *);
/*
 * The words of a name for word-start search: split at spaces and hyphens;
 * each word gives its search key and, where different, a plain key with
 * ø→o and å→a (so typing "soren" finds "Søren" and "aa" finds "Åse").
 * Returns the count of distinct keys; *words gets an xmalloc'd array of
 * xmalloc'd strings (free with core_words_free).
 */
size_t	 core_name_words(const char *name, char ***words);
/*
 * The words of a typed search text: split like core_name_words, each word
 * its search key only (no plain variant).  Distinct, in typed order; free
 * with core_words_free.
 */
size_t	 core_search_words(const char *text, char ***words);
void	 core_words_free(char **, size_t);
/*
 * The upper bound for a prefix range query: the smallest string greater
 * than every string that starts with prefix (prefix with its last byte
 * raised).  New string; NULL when prefix is empty.
 */
char	*core_prefix_next(const char *prefix);
/*
 * The Danish sort key (ICU collation for "da", so … x y z æ ø å and "Aa"
 * as Å), written as lowercase hex so that it compares with strcmp and
 * SQLite's BINARY collation in the same order.  New string.
 * core_key_done() frees ICU's collator (call it once at exit).
 */
char	*core_sort_key(const char *);
void	 core_key_done(void);

#endif
