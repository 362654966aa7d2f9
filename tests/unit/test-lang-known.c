/* test-lang-known.c — core_lang_known, which the configuration's check
 * asks at every start, says what core_lang_index says, for every code
 * ICU has, every code of two letters and some that are none; and for
 * two letters it asks its own table, without loading ICU. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>

#include "util-icu.h"

#include "core.h"
#include "test.h"

static const char *const others[] = {
	"", "xx", "Arabic", "AR", "und", "mul", "zxx", "mis", "abcdefghij",
	"so ", "da",
};

/* Every code, asked before the table is read and after. */
static void
known_is_index(void)
{
	const char *const	*codes = ICU(uloc_getISOLanguages)();
	size_t			 n, i, k, known = 0;
	char			*before;

	for (n = 0; codes[n] != NULL; n++)
		;
	before = calloc(n + 1, 1);
	for (i = 0; i < n; i++)
		before[i] = (char)core_lang_known(codes[i]);
	for (i = 0; i < n; i++) {
		if (before[i] != (core_lang_index(codes[i]) >= 0))
			TEST_FAIL("\"%s\": known %d, index %d", codes[i],
			    before[i], core_lang_index(codes[i]));
		known += before[i] != 0;
		/* And once the table is read, the same again. */
		CHECK_INT(core_lang_known(codes[i]), before[i]);
	}
	CHECK(known > 100);
	CHECK(known < n);	/* some codes are no languages to velkomst */
	free(before);
	core_lang_done();
	for (k = 0; k < sizeof others / sizeof others[0]; k++) {
		CHECK_INT(core_lang_known(others[k]),
		    core_lang_index(others[k]) >= 0);
		core_lang_done();
	}
	CHECK_INT(core_lang_known("da"), 1);
	CHECK_INT(core_lang_known("xx"), 0);
	CHECK_INT(core_lang_known(NULL), 0);
}

/* The configuration's codes of two letters need no ICU; then every
 * code of two letters there can be is known as the table has it. */
static void
two_letters(void)
{
	char	code[3];
	int	a, b, known = 0;

	CHECK_INT(core_lang_known("da"), 1);
	CHECK_INT(core_lang_known("so"), 1);
	CHECK_INT(core_lang_known("qq"), 0);
	CHECK_INT(util_icu_loaded(), 0);
	for (a = 'a'; a <= 'z'; a++)
		for (b = 'a'; b <= 'z'; b++) {
			code[0] = (char)a;
			code[1] = (char)b;
			code[2] = '\0';
			core_lang_done();
			if (core_lang_known(code) !=
			    (core_lang_index(code) >= 0))
				TEST_FAIL("\"%s\": known %d, index %d", code,
				    core_lang_known(code),
				    core_lang_index(code));
			known += core_lang_index(code) >= 0;
		}
	CHECK_INT(known, 182);
	core_lang_done();
}

int
main(void)
{
	RUN("lang-known", two_letters);
	RUN("lang-known", known_is_index);
	core_lang_done();
	TEST_END();
}
