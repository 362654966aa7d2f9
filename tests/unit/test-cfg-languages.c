/* test-cfg-languages.c — "languages": the codes offered first. */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "util.h"
#include "test.h"

#define DEFAULT	"share/velkomst/velkomst.conf"
#define FIX(f)	"tests/cfg/" f

static char	err[8192];

/* 1 if err has line (a whole line). */
static int
has_line(const char *line)
{
	const char	*p = err;
	size_t		 n = strlen(line);

	for (; (p = strstr(p, line)) != NULL; p++)
		if ((p == err || p[-1] == '\n') && (p[n] == '\n' ||
		    p[n] == '\0'))
			return 1;
	TEST_FAIL("no line \"%s\"", line);
	return 0;
}

static void
default_languages(void)
{
	struct conf	 c;

	CHECK_INT(cfg_load(&c, DEFAULT, NULL, 1, err, sizeof err), 0);
	CHECK_INT(c.nlanguages, 10);
	if (c.nlanguages == 10) {
		CHECK_STR(c.languages[0], "da");
		CHECK_STR(c.languages[2], "ar");
		CHECK_STR(c.languages[9], "pl");
	}
	cfg_free(&c);
}

static void
layered_languages(void)
{
	struct conf	 c;

	CHECK_INT(cfg_load(&c, DEFAULT, FIX("languages.conf"), 1, err,
	    sizeof err), 0);
	CHECK_INT(c.nlanguages, 3);
	if (c.nlanguages == 3) {
		CHECK_STR(c.languages[0], "so");
		CHECK_STR(c.languages[2], "ckb");
	}
	cfg_free(&c);
}

static void
bad_languages(void)
{
	struct conf	 c;

	CHECK_INT(cfg_load(&c, DEFAULT, FIX("languages-bad.conf"), 1, err,
	    sizeof err), -1);
	has_line(FIX("languages-bad.conf") ":2: \"Arabic\" is not a language "
	    "code that velkomst knows (ISO 639, such as \"ar\" or \"so\")");
	has_line(FIX("languages-bad.conf") ":2: \"xx\" is not a language "
	    "code that velkomst knows (ISO 639, such as \"ar\" or \"so\")");
	has_line(FIX("languages-bad.conf") ":3: the language \"so\" is named "
	    "twice");
	CHECK(strstr(err, FIX("languages-bad.conf") ":3: ") != NULL);
}

int
main(void)
{
	RUN("cfg-languages", default_languages);
	RUN("cfg-languages", layered_languages);
	RUN("cfg-languages", bad_languages);
	core_lang_done();
	TEST_END();
}
