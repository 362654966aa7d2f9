/* test-core-language.c — languages by ISO 639 code, named by ICU. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "util.h"
#include "test.h"

/* The codes of the languages a typed text finds, joined by ",". */
static char *
found(const char *typed)
{
	char	**words, *out = xstrdup(""), *t;
	size_t	  n = core_search_words(typed, &words), i;

	for (i = 0; i < core_lang_count(); i++) {
		if (!core_lang_match(i, words, n))
			continue;
		t = xasprintf("%s%s%s", out, out[0] ? "," : "",
		    core_lang_code(i));
		free(out);
		out = t;
	}
	core_words_free(words, n);
	return out;
}

/* 1 if typed finds the language code (among others). */
static int
finds(const char *typed, const char *code)
{
	char	*got = found(typed);
	int	 ok = core_lang_has(got, code);

	free(got);
	return ok;
}

static void
test_names_from_icu(void)
{
	int	 ar = core_lang_index("ar");

	CHECK(core_lang_count() > 150);
	CHECK(ar >= 0);
	CHECK_STR(core_lang_name((size_t)ar, LANG_DANISH), "arabisk");
	CHECK_STR(core_lang_name((size_t)ar, LANG_ENGLISH), "Arabic");
	CHECK_STR(core_lang_name((size_t)ar, LANG_OWN),
	    "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9");
	CHECK_STR(core_lang_label("so", "da"), "somali");
	CHECK_STR(core_lang_label("so", "en"), "Somali");
	CHECK_STR(core_lang_name((size_t)core_lang_index("so"), LANG_OWN),
	    "Soomaali");
	/* Codes ICU has no name for, and those that name no language. */
	CHECK_INT(core_lang_index("xx"), -1);
	CHECK_INT(core_lang_index("und"), -1);
	CHECK_INT(core_lang_index("zxx"), -1);
	CHECK_INT(core_lang_index(""), -1);
	CHECK_STR(core_lang_label("qq", "da"), "qq");
}

static void
test_search(void)
{
	CHECK(finds("arabisk", "ar"));
	CHECK(finds("Arabic", "ar"));
	CHECK(finds("ARAB", "ar"));
	/* Its own name, and the word without the article. */
	CHECK(finds("\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
	    "ar"));
	CHECK(finds("\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a", "ar"));
	CHECK(finds("somal", "so"));
	CHECK(finds("soomaali", "so"));
	CHECK(finds("turkce", "tr"));
	CHECK(finds("T\xc3\xbcrk\xc3\xa7" "e", "tr"));
	CHECK(finds("tyrk", "tr"));
	CHECK(finds("ar", "ar"));
	CHECK(!finds("somal", "ar"));
	char *none = found("qwxzv");
	CHECK_STR(none, "");
	free(none);
}

static void
test_map(void)
{
	CHECK_STR(core_lang_map("Somali"), "so");
	CHECK_STR(core_lang_map("somalisk"), "so");
	CHECK_STR(core_lang_map(" Soomaali "), "so");
	CHECK_STR(core_lang_map("SO"), "so");
	CHECK_STR(core_lang_map("arabisk"), "ar");
	CHECK_STR(core_lang_map("\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9"
	    "\x8a\xd8\xa9"), "ar");
	CHECK_STR(core_lang_map("dansk"), "da");
	/* A name shared by two codes: the two-letter one. */
	CHECK_STR(core_lang_map("Kurdish"), "ku");
	CHECK_STR(core_lang_map("Somal"), NULL);
	CHECK_STR(core_lang_map("Bornholmsk"), NULL);
	CHECK_STR(core_lang_map(""), NULL);
}

static void
test_split(void)
{
	char	*codes, *other;

	core_lang_split("Somali, somalisk, Danish,  Pig  latin ,, x-y",
	    &codes, &other);
	CHECK_STR(codes, "so,da");
	CHECK_STR(other, "Pig latin, x-y");
	free(codes);
	free(other);
	core_lang_split("", &codes, &other);
	CHECK(codes == NULL && other == NULL);
	core_lang_split(NULL, &codes, &other);
	CHECK(codes == NULL && other == NULL);
}

static void
test_codes(void)
{
	char	*s;

	CHECK_STR(core_check_lang_codes("ar,so"), NULL);
	CHECK_STR(core_check_lang_codes(""), NULL);
	CHECK_STR(core_check_lang_codes(NULL), NULL);
	CHECK(core_check_lang_codes("ar,xx") != NULL);
	CHECK(core_check_lang_codes("ar,ar") != NULL);
	CHECK(core_check_lang_codes("ar,") != NULL);
	CHECK(core_check_lang_codes("Arabic") != NULL);
	CHECK(core_lang_has("ar,so", "so"));
	CHECK(!core_lang_has("ar,so", "s"));
	CHECK(!core_lang_has("arn", "ar"));
	CHECK(!core_lang_has(NULL, "ar"));
	s = core_lang_names("ar,so", "da");
	CHECK_STR(s, "arabisk, somali");
	free(s);
	s = core_lang_names("ar,so", "en");
	CHECK_STR(s, "Arabic, Somali");
	free(s);
	s = core_lang_names(NULL, "en");
	CHECK_STR(s, "");
	free(s);
}

static void
test_order(void)
{
	const char *const first[] = { "so", "xx", "ar", "so" };
	size_t	*order = xcalloc(core_lang_count(), sizeof *order);
	size_t	 n = core_lang_order(first, 4, "da", order), i, prev;

	CHECK_INT(n, core_lang_count());
	CHECK_STR(core_lang_code(order[0]), "so");
	CHECK_STR(core_lang_code(order[1]), "ar");
	/* The rest in Danish order of their Danish names. */
	for (i = 3; i < n; i++) {
		char *a = core_sort_key(core_lang_label(
		    core_lang_code(order[i - 1]), "da"));
		char *b = core_sort_key(core_lang_label(
		    core_lang_code(order[i]), "da"));
		prev = strcmp(a, b) <= 0;
		if (!prev)
			TEST_FAIL("%s before %s", core_lang_code(order[i - 1]),
			    core_lang_code(order[i]));
		free(a);
		free(b);
	}
	free(order);
}

int
main(void)
{
	RUN("core-language", test_names_from_icu);
	RUN("core-language", test_search);
	RUN("core-language", test_map);
	RUN("core-language", test_split);
	RUN("core-language", test_codes);
	RUN("core-language", test_order);
	core_lang_done();
	core_key_done();
	TEST_END();
}
