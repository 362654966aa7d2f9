/*
 * test-core-check.c — the checks of what people type, the CPR guard,
 * clean text, and household status and moving dates.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "test.h"
#include "util.h"

struct check_case {
	const char	*s;
	int		 ok;		/* 1 if the check must accept it */
};

/* Run check over cases; fail on the first disagreement. */
static void
check_table(const char *what, const char *(*check)(const char *),
    const struct check_case *t, size_t n)
{
	const char	*err;
	size_t		 i;

	for (i = 0; i < n; i++) {
		err = check(t[i].s);
		if (t[i].ok && err != NULL)
			TEST_FAIL("%s \"%s\" refused: %s", what, t[i].s, err);
		else if (!t[i].ok && err == NULL)
			TEST_FAIL("%s \"%s\" accepted", what, t[i].s);
	}
}

#define TABLE(what, fn, t) check_table((what), (fn), (t), sizeof (t) / sizeof (t)[0])

/* Names in any script; empty, control, bidi, long, no letter refused. */
static void
check_name_table(void)
{
	static const struct check_case t[] = {
		{ "Søren Ærø", 1 },
		{ "  Åse Hansen  ", 1 },
		{ "محمد", 1 },
		{ "محمد علي", 1 },
		{ "王小明", 1 },
		{ "Cabdi Xasan Maxamed", 1 },
		{ "O'Brien", 1 },
		{ "Anne-Marie", 1 },
		{ "Dr. J. R. Jensen", 1 },
		{ "N'Golo Kanté", 1 },
		{ "a\xcc\x8a" "se", 1 },
		{ "Bo", 1 },
		{ "", 0 },
		{ "   ", 0 },
		{ "\t", 0 },
		{ "Søren\tHansen", 0 },
		{ "Søren\nHansen", 0 },
		{ "Søren\x1b[31m", 0 },
		{ "\xe2\x80\xae" "nesoS", 0 },	/* U+202E */
		{ "Ali\xe2\x81\xa6x", 0 },	/* U+2066 */
		{ "Ali\xe2\x81\xa9", 0 },	/* U+2069 */
		{ "123", 0 },
		{ "-.'", 0 },
		{ "S\xf8ren", 0 },		/* Latin-1, not UTF-8 */
		{ "010190-1234", 0 },
		{ "Jens 0101901234", 0 },
		{ "Jens 010190 1234", 0 },
	};
	char	 buf[CORE_NAME_MAX + 4];
	char	 big[CORE_NAME_MAX * 2 + 8];
	int	 i;

	TABLE("name", core_check_name, t);
	CHECK_STR(core_check_name(""), "Write at least one name.");
	CHECK_STR(core_check_name("Ali\x07"), "The name has a character "
	    "that cannot be used (a control character).");
	CHECK(core_check_name(NULL) != NULL);
	CHECK(strstr(core_check_name("010190-1234"), "CPR") != NULL);

	memset(buf, 'a', CORE_NAME_MAX);
	buf[CORE_NAME_MAX] = '\0';
	CHECK(core_check_name(buf) == NULL);
	buf[CORE_NAME_MAX] = 'a';
	buf[CORE_NAME_MAX + 1] = '\0';
	CHECK(core_check_name(buf) != NULL);
	/* Counted in characters, not bytes: 80 × "ø" is fine. */
	for (i = 0; i < CORE_NAME_MAX; i++)
		memcpy(big + 2 * i, "ø", 2);
	big[2 * CORE_NAME_MAX] = '\0';
	CHECK(core_check_name(big) == NULL);
	memcpy(big + 2 * CORE_NAME_MAX, "ø", 3);
	CHECK(core_check_name(big) != NULL);
}

/* Danish flat notation, liberal but not anything. */
static void
check_flat_table(void)
{
	static const struct check_case t[] = {
		{ "st. tv.", 1 },
		{ "st. th.", 1 },
		{ "st. mf.", 1 },
		{ "kl. tv.", 1 },
		{ "1. th.", 1 },
		{ "2. tv.", 1 },
		{ "3. 12", 1 },
		{ "12", 1 },
		{ "2. 3", 1 },
		{ "st.", 1 },
		{ "1. sal th", 1 },
		{ " 2. th. ", 1 },
		{ "12B", 1 },
		{ "4. 1/2", 1 },
		{ "", 0 },
		{ "  ", 0 },
		{ "2.\tth.", 0 },
		{ "2. th.\n", 1 },		/* trailing white space trimmed */
		{ "2.\nth.", 0 },
		{ "st. tv.\xe2\x80\xae", 0 },
		{ "2. th. <script>", 0 },
		{ "2; DROP TABLE", 0 },
		{ "st. tv. st. tv. st. tv.", 0 },	/* 23 > 20 */
		{ "...", 0 },
		{ "010190-1234", 0 },
	};

	TABLE("flat", core_check_flat, t);
	CHECK_STR(core_check_flat(""),
	    "Write the flat like \"st. tv.\", \"2. th.\" or \"3. 12\".");
	CHECK(strstr(core_check_flat("010190-1234"), "CPR") != NULL);
}

/* Phones: empty, or 8 to 15 digits with +, spaces and hyphens. */
static void
check_phone_table(void)
{
	static const struct check_case t[] = {
		{ "", 1 },
		{ "   ", 1 },
		{ "12345678", 1 },
		{ "12 34 56 78", 1 },
		{ "+45 12 34 56 78", 1 },
		{ "+4512345678", 1 },
		{ "12-34-56-78", 1 },
		{ "+46 70 123 45 67", 1 },
		{ "123456789012345", 1 },
		{ " 12345678 ", 1 },
		{ "1234567", 0 },
		{ "1234567890123456", 0 },
		{ "+", 0 },
		{ "12 34 56 7x", 0 },
		{ "45+12345678", 0 },
		{ "++4512345678", 0 },
		{ "(45) 12345678", 0 },
		{ "12345678\t", 1 },
		{ "1234\t5678", 0 },
		{ "tlf 12345678", 0 },
		{ "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6", 0 },
		{ "010190-1234", 0 },		/* a CPR number, not a phone */
		{ "0101901234", 0 },
		{ "+46 0101901234", 1 },	/* with a country code: a phone */
	};

	TABLE("phone", core_check_phone, t);
	CHECK(strstr(core_check_phone("010190-1234"), "CPR") != NULL);
	CHECK(strstr(core_check_phone("1234567"), "8 to 15") != NULL);
}

/* Languages: optional words with commas. */
static void
check_languages_table(void)
{
	static const struct check_case t[] = {
		{ "", 1 },
		{ "dansk", 1 },
		{ "Arabic, Danish", 1 },
		{ "somali, arabisk, engelsk", 1 },
		{ "serbo-kroatisk", 1 },
		{ "العربية, dansk", 1 },
		{ "中文", 1 },
		{ "dansk; engelsk", 0 },
		{ "dansk\tengelsk", 0 },
		{ "dansk 2", 0 },
		{ "dansk\xe2\x80\xae", 0 },
	};
	char	 buf[CORE_LANG_MAX + 2];

	TABLE("languages", core_check_languages, t);
	memset(buf, 'a', CORE_LANG_MAX);
	buf[CORE_LANG_MAX] = '\0';
	CHECK(core_check_languages(buf) == NULL);
	buf[CORE_LANG_MAX] = 'a';
	buf[CORE_LANG_MAX + 1] = '\0';
	CHECK(core_check_languages(buf) != NULL);
}

/* Notes: optional, one line, no bidi overrides, never a CPR number. */
static void
check_notes_table(void)
{
	static const struct check_case t[] = {
		{ "", 1 },
		{ "Not home, try again Thursday.", 1 },
		{ "Ring på 12 34 56 78 efter kl. 16", 1 },
		{ "Flytter ind 28.11.2026", 1 },
		{ "محمد يتحدث العربية", 1 },
		{ "Call +45 12345678", 1 },
		{ "a\nb", 0 },
		{ "a\rb", 0 },
		{ "tab\there", 0 },
		{ "evil \xe2\x80\xae", 0 },
		{ "CPR 010190-1234", 0 },
		{ "cpr: 0101901234.", 0 },
		{ "født 311299 1234", 0 },
	};
	const char	*err;
	char		*big;

	TABLE("notes", core_check_notes, t);
	err = core_check_notes("CPR 010190-1234");
	CHECK(err != NULL && strstr(err, "CPR") != NULL &&
	    strstr(err, "never") != NULL);
	big = xmalloc(CORE_NOTES_MAX + 2);
	memset(big, 'x', CORE_NOTES_MAX);
	big[CORE_NOTES_MAX] = '\0';
	CHECK(core_check_notes(big) == NULL);
	big[CORE_NOTES_MAX] = 'x';
	big[CORE_NOTES_MAX + 1] = '\0';
	CHECK(core_check_notes(big) != NULL);
	free(big);
}

/* CPR numbers found, phones, dates and long digit runs not. */
static void
check_cpr_table(void)
{
	static const struct check_case t[] = {	/* ok = 1: looks like CPR */
		{ "010190-1234", 1 },
		{ "0101901234", 1 },
		{ "010190 1234", 1 },
		{ "cpr 311299-0000.", 1 },
		{ "x290200-1234", 1 },		/* 29.02.00: 2000 leap */
		{ "290204-1234", 1 },
		{ "(0101901234)", 1 },
		{ "+45 12 34 56 78", 0 },
		{ "12345678", 0 },
		{ "28.11.2026", 0 },
		{ "12345678901", 0 },
		{ "01019012345", 0 },
		{ "1010190-1234", 0 },		/* seven digits before */
		{ "010190-12345", 0 },
		{ "010190-123", 0 },
		{ "010190--1234", 1 },		/* joined by separators */
		{ "010190  1234", 1 },		/* what cleaning makes one space */
		{ "010190\xc2\xa0" "1234", 1 },	/* no-break space */
		{ "010190\xe2\x80\x93" "1234", 1 },	/* en dash */
		{ "01.01.90-1234", 1 },		/* written as a date */
		{ "010190/1234 and more", 1 },
		{ "010190-1234 56", 1 },
		{ "12 34 56 78", 0 },
		{ "tlf. 12 34 56 78, 2. th.", 0 },
		{ "kr. 1.234,50", 0 },
		{ "31.12.2019 10:00", 0 },
		{ "010190    1234", 0 },		/* four spaces: two things */
		{ "320190-1234", 0 },		/* no 32nd */
		{ "011390-1234", 0 },		/* no 13th month */
		{ "000190-1234", 0 },
		{ "310490-1234", 0 },		/* 31 April */
		{ "290201-1234", 0 },		/* 29.02.01 */
		{ "3201901234", 0 },
		{ "", 0 },
		{ "010190", 0 },
		{ "1234", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (core_looks_like_cpr(t[i].s) != t[i].ok)
			TEST_FAIL("cpr \"%s\" gives %d", t[i].s, !t[i].ok);
	CHECK_INT(core_looks_like_cpr(NULL), 0);
}

/* Every Unicode decimal digit counts as a digit: full-width, Arabic-
 * Indic, Devanagari; full-width separators as their ASCII forms; and
 * the names and notes that hold one are refused. */
static void
check_cpr_unicode_digits(void)
{
	static const struct check_case t[] = {	/* ok = 1: looks like CPR */
		/* ０１０１９０－１２３４ (U+FF10.., U+FF0D) */
		{ "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99"
		    "\xef\xbc\x90\xef\xbc\x8d\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
		    "\xef\xbc\x94", 1 },
		/* ０１０１９０１２３４ */
		{ "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99"
		    "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94",
		    1 },
		/* 0101９０-1234: half full-width */
		{ "0101\xef\xbc\x99\xef\xbc\x90-1234", 1 },
		/* ٠١٠١٩٠-١٢٣٤ (Arabic-Indic, U+0660..) */
		{ "\xd9\xa0\xd9\xa1\xd9\xa0\xd9\xa1\xd9\xa9\xd9\xa0-\xd9\xa1"
		    "\xd9\xa2\xd9\xa3\xd9\xa4", 1 },
		/* ०१०१९०१२३४ (Devanagari, U+0966..) */
		{ "\xe0\xa5\xa6\xe0\xa5\xa7\xe0\xa5\xa6\xe0\xa5\xa7\xe0\xa5\xaf"
		    "\xe0\xa5\xa6\xe0\xa5\xa7\xe0\xa5\xa8\xe0\xa5\xa9\xe0\xa5\xaa",
		    1 },
		/* 010190　1234 (ideographic space) */
		{ "010190\xe3\x80\x80" "1234", 1 },
		/* Søren ０１０１９０-１２３４ in a sentence */
		{ "S\xc3\xb8ren \xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91"
		    "\xef\xbc\x99\xef\xbc\x90-\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
		    "\xef\xbc\x94.", 1 },
		/* ３２０１９０-１２３４: no 32nd, in full width too */
		{ "\xef\xbc\x93\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99"
		    "\xef\xbc\x90-\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94",
		    0 },
		/* １２ ３４ ５６ ７８: a phone number */
		{ "\xef\xbc\x91\xef\xbc\x92 \xef\xbc\x93\xef\xbc\x94 \xef\xbc\x95"
		    "\xef\xbc\x96 \xef\xbc\x97\xef\xbc\x98", 0 },
		{ "S\xc3\xb8ren \xc3\x85se", 0 },
		{ "\xff\xfe" "0101901234", 1 },	/* bad UTF-8: read as bytes */
	};
	static const char fw[] = "Ali \xef\xbc\x90\xef\xbc\x91\xef\xbc\x90"
	    "\xef\xbc\x91\xef\xbc\x99\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92"
	    "\xef\xbc\x93\xef\xbc\x94";
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (core_looks_like_cpr(t[i].s) != t[i].ok)
			TEST_FAIL("cpr case %zu gives %d", i, !t[i].ok);
	CHECK(core_check_name(fw) != NULL &&
	    strstr(core_check_name(fw), "CPR") != NULL);
	CHECK(core_check_notes(fw) != NULL);
	CHECK(core_check_flat("\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91"
	    "\xef\xbc\x99\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
	    "\xef\xbc\x94") != NULL);
}

/* A login: the characters, the length, and never a CPR number. */
static void
check_login(void)
{
	static const struct check_case t[] = {	/* ok = 1: accepted */
		{ "birgit", 1 },
		{ "lene2", 1 },
		{ "Bo.Berg_2-x", 1 },
		{ "1234", 1 },
		{ "a2345678901234567890123456789012", 1 },
		{ "a23456789012345678901234567890123", 0 },
		{ "", 0 },
		{ ".anna", 0 },
		{ "an na", 0 },
		{ "\xc3\xa6nne", 0 },
		{ "0101901234", 0 },
		{ "010190-1234", 0 },
		{ "bo.010190.1234", 0 },
		{ "x0101901234", 0 },
		{ "3201901234", 1 },		/* no 32nd: not a CPR number */
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if ((core_check_login(t[i].s) == NULL) != t[i].ok)
			TEST_FAIL("login \"%s\": %s", t[i].s,
			    core_check_login(t[i].s) ? core_check_login(t[i].s) :
			    "accepted");
	CHECK(core_check_login(NULL) != NULL);
	CHECK(strstr(core_check_login("0101901234"), "CPR") != NULL);
}

/* The years a stored date may have are those a typed date may have. */
static void
check_date_range(void)
{
	static const char *const in[] = { "1900-01-01", "2199-12-31",
	    "1.1.1900", "2019-06-01" };
	static const char *const out[] = { "1899-12-31", "2200-01-01" };
	long	 d;
	size_t	 i;

	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		CHECK_INT(util_date_parse(in[i], &d), DATE_OK);
		if (core_check_date_range(d) != NULL)
			TEST_FAIL("%s refused", in[i]);
	}
	CHECK(util_date_parse(out[0], &d) == DATE_RANGE);
	CHECK(util_date_parse(out[1], &d) == DATE_RANGE);
	CHECK(util_date_make(1899, 12, 31, &d) == 0);
	CHECK_STR(core_check_date_range(d), util_date_errstr(DATE_RANGE));
	CHECK(util_date_make(2200, 1, 1, &d) == 0);
	CHECK(core_check_date_range(d) != NULL);
	CHECK(core_check_date_range(DATE_NONE) == NULL);
	CHECK(core_check_date_range(2147483647L) != NULL);
	CHECK(core_check_date_range(-2147483647L) != NULL);
	CHECK(core_check_date_range(0) == NULL);	/* 1970-01-01 */
}

/* Control and bidi characters. */
static void
check_forbidden(void)
{
	CHECK_INT(core_has_forbidden_chars("Søren 王 محمد"), 0);
	CHECK_INT(core_has_forbidden_chars(""), 0);
	CHECK_INT(core_has_forbidden_chars("\xe2\x80\x8f"), 0);	/* RLM */
	CHECK_INT(core_has_forbidden_chars("a\tb"), 1);
	CHECK_INT(core_has_forbidden_chars("a\nb"), 1);
	CHECK_INT(core_has_forbidden_chars("\x7f"), 1);
	CHECK_INT(core_has_forbidden_chars("\xc2\x85"), 1);	/* NEL */
	CHECK_INT(core_has_forbidden_chars("\xe2\x80\xaa"), 1);	/* LRE */
	CHECK_INT(core_has_forbidden_chars("\xe2\x80\xad"), 1);	/* LRO */
	CHECK_INT(core_has_forbidden_chars("\xe2\x81\xa7"), 1);	/* FSI */
	CHECK_INT(core_has_forbidden_chars(NULL), 0);
}

/* NFC, trimming and squeezing white space; invalid UTF-8 gives NULL. */
static void
check_clean(void)
{
	static const struct {
		const char	*s, *want;
	} t[] = {
		{ "", "" },
		{ "   ", "" },
		{ "Søren", "Søren" },
		{ "  Søren   Hansen  ", "Søren Hansen" },
		{ "a\xcc\x8a" "se", "\xc3\xa5se" },		/* å composed */
		{ "A\xcc\x8a" "SE", "\xc3\x85SE" },
		{ "\xe2\x84\xab", "\xc3\x85" },			/* Ångström sign */
		{ "Ali\t\tHassan\n", "Ali Hassan" },
		{ "Ali\xc2\xa0Hassan", "Ali Hassan" },		/* NBSP */
		{ "王\xe3\x80\x80小明", "王 小明" },		/* ideographic space */
		{ "محمد  علي", "محمد علي" },
		{ "\xf0\x9f\x98\x80 x", "\xf0\x9f\x98\x80 x" },
		{ "e\xcc\x81\xcc\xa3", "\xe1\xba\xb9\xcc\x81" },	/* reordered */
	};
	size_t	 i;
	char	*got;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		got = core_clean_text(t[i].s);
		if (got == NULL || strcmp(got, t[i].want) != 0)
			TEST_FAIL("clean \"%s\" gives \"%s\", want \"%s\"",
			    t[i].s, got ? got : "(null)", t[i].want);
		free(got);
	}
	CHECK(core_clean_text(NULL) == NULL);
	CHECK(core_clean_text("S\xf8ren") == NULL);
	CHECK(core_clean_text("\xed\xa0\x80") == NULL);
	CHECK(core_clean_text("ok\xc3") == NULL);
}

/* ---- household -------------------------------------------------------- */

/* Status from moved_out, the welcome state and today. */
static void
household_status(void)
{
	long			 today = 20000;
	enum household_status	 st;
	const char		*names[] = { "awaiting", "partly", "welcomed",
				    "declined", "moved_out" };
	size_t			 i;

	CHECK_INT(core_household_status(DATE_NONE, HS_AWAITING, today),
	    HS_AWAITING);
	CHECK_INT(core_household_status(DATE_NONE, HS_WELCOMED, today),
	    HS_WELCOMED);
	CHECK_INT(core_household_status(today, HS_AWAITING, today),
	    HS_MOVED_OUT);
	CHECK_INT(core_household_status(today, HS_DECLINED, today),
	    HS_MOVED_OUT);
	CHECK_INT(core_household_status(today - 100, HS_WELCOMED, today),
	    HS_MOVED_OUT);
	CHECK_INT(core_household_status(today + 1, HS_PARTLY, today),
	    HS_PARTLY);		/* moving out later: still there today */
	for (i = 0; i < 5; i++) {
		CHECK_STR(core_status_name((enum household_status)i), names[i]);
		CHECK_INT(core_status_parse(names[i], &st), 0);
		CHECK_INT(st, i);
	}
	CHECK_INT(core_status_parse("welcome", &st), -1);
	CHECK_INT(core_status_parse(NULL, &st), -1);
	CHECK_STR(C_(core_status_label(HS_MOVED_OUT)), "moved out");
	CHECK_STR(C_(core_status_label(HS_PARTLY)), "partly");
	/* The context keeps the status apart from the visit's outcome. */
	CHECK_STR(core_status_label(HS_WELCOMED), "household status\004welcomed");
}

/* Moving dates: in required, not over a year ahead, out not before in. */
static void
household_move_dates(void)
{
	long	 today = 20000;

	CHECK_STR(core_check_move_dates(DATE_NONE, DATE_NONE, today),
	    "Write the date they moved in.");
	CHECK(core_check_move_dates(today, DATE_NONE, today) == NULL);
	CHECK(core_check_move_dates(today - 5000, DATE_NONE, today) == NULL);
	CHECK(core_check_move_dates(today + 366, DATE_NONE, today) == NULL);
	CHECK(core_check_move_dates(today + 367, DATE_NONE, today) != NULL);
	CHECK(core_check_move_dates(today, today, today) == NULL);
	CHECK(core_check_move_dates(today, today + 30, today) == NULL);
	CHECK(core_check_move_dates(today, today - 1, today) != NULL);
	CHECK(core_check_move_dates(DATE_NONE, today, today) != NULL);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	RUN("check", check_name_table);
	RUN("check", check_flat_table);
	RUN("check", check_phone_table);
	RUN("check", check_languages_table);
	RUN("check", check_notes_table);
	RUN("check", check_cpr_table);
	RUN("check", check_cpr_unicode_digits);
	RUN("check", check_login);
	RUN("check", check_date_range);
	RUN("check", check_forbidden);
	RUN("check", check_clean);
	RUN("household", household_status);
	RUN("household", household_move_dates);
	TEST_END();
}
