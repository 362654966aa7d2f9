/*
 * core-check.c — checking what people type: names, flats, phones,
 * languages, notes and logins, the CPR guard, the years a stored date
 * may have, and the text as it is stored.
 * Characters are classified with the C library (iswalpha ...), so the
 * program must run in a UTF-8 locale, as main() makes sure it does.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "core.h"
#include "i18n.h"
#include "util.h"
#include "util-icu.h"

#define CHECK_BAD_UTF8	N_("The text has characters that cannot be read. " \
    "Type it again.")
#define CHECK_CPR	N_("That looks like a CPR number. CPR numbers must " \
    "never be written in velkomst: please remove it.")
#define CHECK_FLAT	N_("Write the flat like \"st. tv.\", \"2. th.\" or " \
    "\"3. 12\".")

/* The text of s without leading and trailing white space, as wide chars. */
struct check_text {
	wchar_t	*ws;		/* whole text, xmalloc'd */
	size_t	 start;		/* first character kept */
	size_t	 len;		/* characters kept */
};

/* Decode and trim s into t; -1 (t empty) if s is not valid UTF-8. */
static int
check_text_open(struct check_text *t, const char *s)
{
	size_t	 n;

	memset(t, 0, sizeof *t);
	if (s == NULL)
		s = "";
	if (!util_text_valid(s))
		return -1;
	t->ws = util_text_to_wcs(s, &n);
	while (t->start < n && iswspace((wint_t)t->ws[t->start]))
		t->start++;
	while (n > t->start && iswspace((wint_t)t->ws[n - 1]))
		n--;
	t->len = n - t->start;
	return 0;
}

/* Free what check_text_open made. */
static void
check_text_close(struct check_text *t)
{
	free(t->ws);
	t->ws = NULL;
}

/*
 * The UTF-8 text s normalised by norm (NULL: ICU failed to give it) as
 * UTF-16 (xmalloc'd), or NULL on error.
 */
static UChar *
check_normalize(const UNormalizer2 *norm, const char *s, int32_t *len)
{
	UErrorCode	 ec = U_ZERO_ERROR;
	UChar		*in, *out;
	int32_t		 n, cap, need;

	*len = 0;
	if (norm == NULL)
		return NULL;
	n = (int32_t)strlen(s);
	in = xreallocarray(NULL, (size_t)n + 1, sizeof *in);
	ICU(u_strFromUTF8)(in, n + 1, &n, s, -1, &ec);
	/* NFC is at most three times as long as its input; NFKC may be
	 * longer, and is then asked again with the room it needs. */
	cap = 3 * n + 1;
	out = xreallocarray(NULL, (size_t)cap, sizeof *out);
	need = U_SUCCESS(ec) ?
	    ICU(unorm2_normalize)(norm, in, n, out, cap, &ec) : 0;
	if (ec == U_BUFFER_OVERFLOW_ERROR) {
		ec = U_ZERO_ERROR;
		cap = need + 1;
		out = xreallocarray(out, (size_t)cap, sizeof *out);
		need = ICU(unorm2_normalize)(norm, in, n, out, cap, &ec);
	}
	free(in);
	if (U_FAILURE(ec)) {
		free(out);
		return NULL;
	}
	*len = need;
	return out;
}

/* 1 if the trimmed text has a character for which ok() is 0. */
static int
check_text_any_not(const struct check_text *t, int (*ok)(wchar_t))
{
	size_t	 i;

	for (i = 0; i < t->len; i++)
		if (!ok(t->ws[t->start + i]))
			return 1;
	return 0;
}

/* 1 if the trimmed text has a character for which is() is 1. */
static int
check_text_has(const struct check_text *t, int (*is)(wchar_t))
{
	size_t	 i;

	for (i = 0; i < t->len; i++)
		if (is(t->ws[t->start + i]))
			return 1;
	return 0;
}

/* 1 if c may be in a name, flat, ... (not control, not bidi override). */
static int
check_allowed(wchar_t c)
{
	return !iswcntrl((wint_t)c) && !util_text_bidi(c);
}

/* 1 if c is a letter. */
static int
check_is_letter(wchar_t c)
{
	return iswalpha((wint_t)c) != 0;
}

/* 1 if s has a control character or a bidi override/isolate character. */
int
core_has_forbidden_chars(const char *s)
{
	wchar_t	*ws;
	size_t	 i, n;
	int	 bad = 0;

	if (s == NULL)
		return 0;
	ws = util_text_to_wcs(s, &n);
	for (i = 0; i < n && !bad; i++)
		bad = !check_allowed(ws[i]);
	free(ws);
	return bad;
}

/* Length of the run of ASCII digits at s. */
static size_t
check_digits(const char *s)
{
	size_t	 n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* 1 if the six digits at s are ddmmyy of a real date. */
static int
check_cpr_date(const char *s)
{
	long	 day;
	int	 d, m, y;

	d = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[2] - '0') * 10 + (s[3] - '0');
	y = (s[4] - '0') * 10 + (s[5] - '0');
	/* 2000 + yy is a leap year exactly when some century's yy is. */
	return util_date_make(2000 + y, m, d, &day) == 0;
}

/* Bytes of the separator at s that may stand inside a CPR number: a
 * space, no-break space, '-', '.', '/', or a Unicode dash; 0 if none. */
static size_t
check_cpr_sep(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (*u == ' ' || *u == '-' || *u == '.' || *u == '/')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)			/* U+00A0 */
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95)
		return 3;					/* U+2010..5 */
	return 0;
}

#define CPR_GROUPS	16

/*
 * 1 if the digit groups of a chain hold a CPR number: 10 digits, 6 + 4
 * or dd.mm.yy-xxxx (2 + 2 + 2 + 4), with ddmmyy a real date.
 */
static int
check_cpr_chain(const char *const *at, const size_t *len, size_t n)
{
	char	six[7];
	size_t	i;

	for (i = 0; i < n; i++) {
		if (len[i] == 10 && check_cpr_date(at[i]))
			return 1;
		if (i + 1 < n && len[i] == 6 && len[i + 1] == 4 &&
		    check_cpr_date(at[i]))
			return 1;
		if (i + 3 < n && len[i] == 2 && len[i + 1] == 2 &&
		    len[i + 2] == 2 && len[i + 3] == 4) {
			memcpy(six, at[i], 2);
			memcpy(six + 2, at[i + 1], 2);
			memcpy(six + 4, at[i + 2], 2);
			six[6] = '\0';
			if (check_cpr_date(six))
				return 1;
		}
	}
	return 0;
}

/*
 * The scan of core_looks_like_cpr over ASCII digits.  Digits are read in
 * chains of groups joined by one to three separators ("010190-1234",
 * "010190  1234", "01.01.90-1234", "0101901234"), and the chain is
 * checked as a whole, so a phone number like "+45 12 34 56 78" is not.
 */
static int
check_cpr_scan(const char *s)
{
	const char	*at[CPR_GROUPS];
	size_t		 len[CPR_GROUPS], n = 0, d, sep, k;

	while (*s != '\0') {
		if ((d = check_digits(s)) == 0) {
			if (n > 0 && check_cpr_chain(at, len, n))
				return 1;
			n = 0;
			s++;
			continue;
		}
		if (n == CPR_GROUPS) {		/* a very long chain: restart */
			if (check_cpr_chain(at, len, n))
				return 1;
			n = 0;
		}
		at[n] = s;
		len[n++] = d;
		s += d;
		for (k = 0, sep = 0; k < 3 && (sep = check_cpr_sep(s)) > 0;
		    k++)
			s += sep;
		if (k == 0 || check_digits(s) == 0) {	/* the chain ends */
			if (check_cpr_chain(at, len, n))
				return 1;
			n = 0;
		}
	}
	return n > 0 && check_cpr_chain(at, len, n);
}

/* 1 if s has a byte outside ASCII. */
static int
check_has_high(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/*
 * s read in NFKC with every Unicode decimal digit made its ASCII digit
 * ("０１" and "٠١" become "01"), as a new UTF-8 string; NULL when s is
 * not valid UTF-8 or ICU fails.
 */
static char *
check_fold_digits(const char *s)
{
	UErrorCode	 ec = U_ZERO_ERROR;
	UChar32		 c;
	UChar		*u;
	char		*out;
	int32_t		 n, i = 0, o = 0;

	if ((u = check_normalize(ICU(unorm2_getNFKCInstance)(&ec), s,
	    &n)) == NULL)
		return NULL;
	/* A UTF-16 unit gives at most three bytes, a pair four. */
	out = xmalloc((size_t)n * 3 + 1);
	while (i < n) {
		U16_NEXT(u, i, n, c);
		if (ICU(u_isdigit)(c) && ICU(u_charDigitValue)(c) >= 0 &&
		    ICU(u_charDigitValue)(c) <= 9)
			out[o++] = (char)('0' + ICU(u_charDigitValue)(c));
		else
			U8_APPEND_UNSAFE(out, o, c);
	}
	out[o] = '\0';
	free(u);
	return out;
}

/*
 * 1 if s has something that looks like a CPR number: the scan above, on
 * the text with every Unicode digit read as its ASCII digit.
 */
int
core_looks_like_cpr(const char *s)
{
	char	*ascii;
	int	 found;

	if (s == NULL)
		return 0;
	if (!check_has_high(s) || !util_text_valid(s))
		return check_cpr_scan(s);
	if ((ascii = check_fold_digits(s)) == NULL)
		return check_cpr_scan(s);
	found = check_cpr_scan(ascii);
	free(ascii);
	return found;
}

/* Check a login: letters a to z, digits, . _ - (not first); no CPR. */
const char *
core_check_login(const char *login)
{
	size_t	 i, len;
	char	 c;

	if (login == NULL || login[0] == '\0')
		return N_("The login is empty.");
	len = strlen(login);
	if (len > CORE_LOGIN_MAX)
		return N_("A login has at most 32 characters.");
	for (i = 0; i < len; i++) {
		c = login[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			continue;
		if (i > 0 && (c == '.' || c == '_' || c == '-'))
			continue;
		return N_("A login has only the letters a to z, digits and "
		    ". _ - and starts with a letter or a digit.");
	}
	if (core_looks_like_cpr(login))
		return N_("That login looks like a CPR number. CPR numbers "
		    "must never be written in velkomst: choose another login.");
	return NULL;
}

/* NULL if day is DATE_NONE or in the years util_date_parse accepts. */
const char *
core_check_date_range(long day)
{
	long	 lo, hi;

	if (day == DATE_NONE)
		return NULL;
	if (util_date_make(CORE_YEAR_MIN, 1, 1, &lo) != 0 ||
	    util_date_make(CORE_YEAR_MAX, 12, 31, &hi) != 0 ||
	    day < lo || day > hi)
		return util_date_errstr(DATE_RANGE);
	return NULL;
}

/* Check a member's name. */
const char *
core_check_name(const char *s)
{
	struct check_text	 t;
	const char		*err = NULL;

	if (check_text_open(&t, s) != 0)
		return CHECK_BAD_UTF8;
	if (t.len == 0)
		err = N_("Write at least one name.");
	else if (check_text_any_not(&t, check_allowed))
		err = N_("The name has a character that cannot be used "
		    "(a control character).");
	else if (t.len > CORE_NAME_MAX)
		err = N_("The name is too long: at most 80 characters.");
	else if (core_looks_like_cpr(s))
		err = CHECK_CPR;
	else if (!check_text_has(&t, check_is_letter))
		err = N_("A name must have at least one letter.");
	check_text_close(&t);
	return err;
}

/* 1 if c may be in a flat: letters, digits, dots, spaces and a few more. */
static int
check_flat_char(wchar_t c)
{
	if (iswalpha((wint_t)c) || (c >= L'0' && c <= L'9'))
		return 1;
	return wcschr(L". ,-/'", c) != NULL;
}

/* 1 if c is a letter or a digit. */
static int
check_is_alnum(wchar_t c)
{
	return iswalpha((wint_t)c) || (c >= L'0' && c <= L'9');
}

/* Check a flat in Danish notation ("st. tv.", "2. th.", "3. 12"). */
const char *
core_check_flat(const char *s)
{
	struct check_text	 t;
	const char		*err = NULL;

	if (check_text_open(&t, s) != 0)
		return CHECK_BAD_UTF8;
	if (t.len == 0 || check_text_any_not(&t, check_flat_char) ||
	    !check_text_has(&t, check_is_alnum))
		err = CHECK_FLAT;
	else if (t.len > CORE_FLAT_MAX)
		err = N_("The flat is too long: at most 20 characters.");
	else if (core_looks_like_cpr(s))
		err = CHECK_CPR;
	check_text_close(&t);
	return err;
}

/* Check a phone number: empty, or 8 to 15 digits with +, spaces, -. */
const char *
core_check_phone(const char *s)
{
	struct check_text	 t;
	const char		*err = NULL;
	size_t			 i, digits = 0;
	wchar_t			 c;

	if (check_text_open(&t, s) != 0)
		return CHECK_BAD_UTF8;
	for (i = 0; i < t.len && err == NULL; i++) {
		c = t.ws[t.start + i];
		if (c >= L'0' && c <= L'9')
			digits++;
		else if (!(c == L' ' || c == L'-' || (c == L'+' && i == 0)))
			err = N_("Write the phone number with digits only, "
			    "like 12 34 56 78 or +45 12 34 56 78.");
	}
	if (err == NULL && t.len > CORE_PHONE_MAX)
		err = N_("The phone number is too long.");
	if (err == NULL && t.len > 0 && (digits < 8 || digits > 15))
		err = N_("A phone number has 8 to 15 digits.");
	/* A number with a country code (+) is a phone number; without one,
	 * ten digits that make a date are more likely a CPR number. */
	if (err == NULL && t.ws[t.start] != L'+' && core_looks_like_cpr(s))
		err = CHECK_CPR;
	check_text_close(&t);
	return err;
}

/* 1 if c may be in the list of languages. */
static int
check_lang_char(wchar_t c)
{
	return iswalpha((wint_t)c) || c == L' ' || c == L',' || c == L'-';
}

/* Check the languages spoken: optional, words separated by commas. */
const char *
core_check_languages(const char *s)
{
	struct check_text	 t;
	const char		*err = NULL;

	if (check_text_open(&t, s) != 0)
		return CHECK_BAD_UTF8;
	if (check_text_any_not(&t, check_lang_char))
		err = N_("Write the languages as words with commas between, "
		    "like \"Arabic, Danish\".");
	else if (t.len > CORE_LANG_MAX)
		err = N_("The list of languages is too long: at most 120 "
		    "characters.");
	check_text_close(&t);
	return err;
}

/* Check notes: optional, one line, and never a CPR number. */
const char *
core_check_notes(const char *s)
{
	struct check_text	 t;
	const char		*err = NULL;

	if (check_text_open(&t, s) != 0)
		return CHECK_BAD_UTF8;
	if (check_text_any_not(&t, check_allowed))
		err = N_("The note has a character that cannot be used "
		    "(a control character or a line break).");
	else if (t.len > CORE_NOTES_MAX)
		err = N_("The note is too long: at most 1000 characters.");
	else if (core_looks_like_cpr(s))
		err = CHECK_CPR;
	check_text_close(&t);
	return err;
}

/* Trim u (n units) and make each run of white space one space, in place. */
static int32_t
check_squeeze(UChar *u, int32_t n)
{
	int32_t	 i, o = 0;
	int	 space = 0;

	for (i = 0; i < n; i++) {
		if (ICU(u_isUWhiteSpace)(u[i])) {
			space = o > 0;
			continue;
		}
		if (space)
			u[o++] = 0x20;
		space = 0;
		u[o++] = u[i];
	}
	return o;
}


/* The text as it is stored: NFC, trimmed, inner white space squeezed. */
char *
core_clean_text(const char *s)
{
	UErrorCode	 ec = U_ZERO_ERROR;
	UChar		*u;
	char		*out;
	int32_t		 n, need;

	if (s == NULL || !util_text_valid(s))
		return NULL;
	if ((u = check_normalize(ICU(unorm2_getNFCInstance)(&ec), s, &n)) ==
	    NULL)
		return NULL;
	ec = U_ZERO_ERROR;
	n = check_squeeze(u, n);
	/* Each UTF-16 unit gives at most three bytes of UTF-8. */
	out = xmalloc((size_t)n * 3 + 1);
	ICU(u_strToUTF8)(out, n * 3 + 1, &need, u, n, &ec);
	free(u);
	if (U_FAILURE(ec)) {
		free(out);
		return NULL;
	}
	return out;
}

/* What core_clean_text makes of s when s is printable ASCII (no
 * control character, nothing to compose, the only white space the
 * space): s with its spaces squeezed, without ICU; else NULL. */
static char *
check_clean_ascii(const char *s)
{
	const unsigned char	*p;
	char			*out, *o;
	int			 space = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return NULL;
	out = o = xmalloc((size_t)(p - (const unsigned char *)s) + 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == ' ') {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

/* Clean one optional text into *out after check(); NULL or a message. */
const char *
core_clean_field(const char *s, const char *(*check)(const char *),
    char **out)
{
	const char	*err;

	*out = NULL;
	if (s == NULL)
		return NULL;
	if ((*out = check_clean_ascii(s)) != NULL)
		;
	else if (core_has_forbidden_chars(s))
		return N_("The text has a character that cannot be used "
		    "(a control character).");
	else if ((*out = core_clean_text(s)) == NULL)
		return N_("The text is not valid UTF-8.");
	/* Check what is stored, not what was typed: cleaning joins white
	 * space, which could make a CPR number of "010190  1234". */
	if (check != NULL && (err = check(*out)) != NULL) {
		free(*out);
		*out = NULL;
		return err;
	}
	if (**out == '\0') {
		free(*out);
		*out = NULL;
	}
	return NULL;
}
