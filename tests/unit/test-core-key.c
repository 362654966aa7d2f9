/* test-core-key.c — search keys, name words, prefix bounds, Danish order. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "util.h"
#include "test.h"

/* The search key of s, compared with want. */
static int
key_is(const char *s, const char *want)
{
	char	*k = core_search_key(s);
	int	 ok = strcmp(k, want) == 0;

	if (!ok)
		TEST_FAIL("key of \"%s\" is \"%s\", want \"%s\"", s, k, want);
	free(k);
	return ok;
}

static void
test_search_key(void)
{
	key_is("Søren", "soeren");
	key_is("SØREN", "soeren");
	key_is("søren", "soeren");
	key_is("soeren", "soeren");
	key_is("Åse", "aase");
	key_is("ÅSE", "aase");
	key_is("A\xcc\x8ase", "aase");		/* Å typed decomposed */
	key_is("José", "jose");
	key_is("Müller", "muller");
	key_is("Ærø", "aeroe");
	key_is("Straße", "strasse");
	key_is("STRASSE", "strasse");
	key_is("Ølgaard-Jensen", "oelgaard-jensen");
	key_is("محمد", "محمد");
	key_is("王小明", "王小明");
	key_is("Ελένη", "ελενη");
	key_is("", "");
	key_is(NULL, "");
	key_is("a\xff" "b", "a\xef\xbf\xbd" "b");	/* invalid byte */
}

/* The words of text with and without the ASCII shortcut, as one string
 * ("a|b|"), and the key of text. */
static char *
key_both(const char *text, int shortcut, int search)
{
	char	**w, *k, *out;
	size_t	 n, i, len;

	core_key_ascii_shortcut = shortcut;
	n = search ? core_search_words(text, &w) : core_name_words(text, &w);
	k = core_search_key(text);
	core_key_ascii_shortcut = 1;
	len = strlen(k) + 2;
	for (i = 0; i < n; i++)
		len += strlen(w[i]) + 1;
	out = xmalloc(len);
	strcpy(out, k);
	strcat(out, "#");
	for (i = 0; i < n; i++) {
		strcat(out, w[i]);
		strcat(out, "|");
	}
	free(k);
	core_words_free(w, n);
	return out;
}

/* ASCII text gives the same keys and words without ICU as with it: every
 * ASCII character alone, between letters and as a separator, and random
 * ASCII strings. */
static void
test_ascii_shortcut(void)
{
	char		 text[40], *a, *b;
	unsigned	 seed = 7;
	int		 c, i, j, len, search;

	for (i = 0; i < 128 * 3 + 2000; i++) {
		if (i < 128 * 3) {
			c = i % 127 + 1;
			if (i < 128)
				snprintf(text, sizeof text, "%c", c);
			else if (i < 256)
				snprintf(text, sizeof text, "Ab%cCd", c);
			else
				snprintf(text, sizeof text, "%cX y%c", c, c);
		} else {
			seed = seed * 1103515245u + 12345u;
			len = (int)(seed >> 16) % 30;
			for (j = 0; j < len; j++) {
				seed = seed * 1103515245u + 12345u;
				text[j] = (char)((seed >> 16) % 127 + 1);
			}
			text[len] = '\0';
		}
		for (search = 0; search < 2; search++) {
			a = key_both(text, 1, search);
			b = key_both(text, 0, search);
			if (strcmp(a, b) != 0)
				TEST_FAIL("\"%s\": without ICU \"%s\", with "
				    "ICU \"%s\"", text, a, b);
			free(a);
			free(b);
		}
	}
}

/* 1 if key is one of words. */
static int
has_word(char **words, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(words[i], key) == 0)
			return 1;
	return 0;
}

static void
test_name_words(void)
{
	char	**w;
	size_t	  n;

	n = core_name_words("Søren Ølgaard-Jensen", &w);
	CHECK_INT(n, 5);
	CHECK(has_word(w, n, "soeren"));
	CHECK(has_word(w, n, "soren"));
	CHECK(has_word(w, n, "oelgaard"));
	CHECK(has_word(w, n, "olgaard"));
	CHECK(has_word(w, n, "jensen"));
	core_words_free(w, n);

	n = core_name_words("Åse  Aase\tÆrø", &w);
	CHECK_INT(n, 4);			/* aase, ase, aeroe, aero */
	CHECK(has_word(w, n, "aase"));
	CHECK(has_word(w, n, "ase"));
	CHECK(has_word(w, n, "aeroe"));
	CHECK(has_word(w, n, "aero"));
	core_words_free(w, n);

	n = core_name_words("  - -- ", &w);
	CHECK_INT(n, 0);
	core_words_free(w, n);
	n = core_name_words(NULL, &w);
	CHECK_INT(n, 0);
	core_words_free(w, n);

	n = core_name_words("Anna\xc2\xa0" "Bo\xe2\x80\x93" "Ib", &w);	/* nbsp, en dash */
	CHECK_INT(n, 3);
	CHECK(has_word(w, n, "anna") && has_word(w, n, "bo") &&
	    has_word(w, n, "ib"));
	core_words_free(w, n);

	n = core_name_words("王小明 محمد", &w);
	CHECK_INT(n, 2);
	CHECK(has_word(w, n, "王小明") && has_word(w, n, "محمد"));
	core_words_free(w, n);

	n = core_search_words("SØREN han-", &w);
	CHECK_INT(n, 2);
	CHECK_STR(w[0], "soeren");
	CHECK_STR(w[1], "han");
	core_words_free(w, n);
}

static void
test_prefix_next(void)
{
	char	*p;

	p = core_prefix_next("abc");
	CHECK_STR(p, "abd");
	free(p);
	p = core_prefix_next("az");
	CHECK_STR(p, "a{");
	free(p);
	p = core_prefix_next("a\xff\xff");
	CHECK_STR(p, "b");
	free(p);
	CHECK(core_prefix_next("") == NULL);
	CHECK(core_prefix_next("\xff") == NULL);
	CHECK(core_prefix_next(NULL) == NULL);
	/* Every string starting with the prefix lies in [p, next). */
	p = core_prefix_next("soe");
	CHECK(strcmp("soe", p) < 0 && strcmp("soeren", p) < 0 &&
	    strcmp("soezzz\xc3\xb8", p) < 0 && strcmp("sof", p) >= 0);
	free(p);
}

/* strcmp of the sort keys of a and b. */
static int
sort_cmp(const char *a, const char *b)
{
	char	*ka = core_sort_key(a), *kb = core_sort_key(b);
	int	 r = strcmp(ka, kb);

	free(ka);
	free(kb);
	return r;
}

/* Compare two names by sort key, for qsort. */
static int
cmp_names(const void *a, const void *b)
{
	return sort_cmp(*(const char *const *)a, *(const char *const *)b);
}

static void
test_sort_order(void)
{
	const char	*names[] = { "Åse", "Zakaria", "Ølstykke", "Aage", "Bent",
	    "Anders", "Ærø", "Åge", "Zenia", "Ørsted", "Aase", "anders" };
	const char	*want[] = { "Anders", "anders", "Bent", "Zakaria", "Zenia",
	    "Ærø", "Ølstykke", "Ørsted" };
	size_t		 i, n = sizeof names / sizeof names[0];
	char		*k;

	CHECK(sort_cmp("Anders", "Bent") < 0);
	CHECK(sort_cmp("Zenia", "Aase") < 0);
	CHECK(sort_cmp("Zenia", "Åse") < 0);
	CHECK(sort_cmp("Ærø", "Ørsted") < 0);
	CHECK(sort_cmp("Ørsted", "Åse") < 0);
	CHECK(sort_cmp("Zakaria", "Aage") < 0);
	CHECK(sort_cmp("Ølstykke", "Åge") < 0);
	/* Aa and Å sort together: Åge/Aage before Åse/Aase. */
	CHECK(sort_cmp("Aage", "Åse") < 0 && sort_cmp("Åge", "Aase") < 0);
	/* Danish collation puts upper case first. */
	qsort(names, n, sizeof names[0], cmp_names);
	for (i = 0; i < 8; i++)
		CHECK_STR(names[i], want[i]);
	for (i = 8; i < n; i++)
		CHECK(strchr("AÅ", names[i][0]) != NULL || names[i][0] == '\xc3');
	k = core_sort_key("Anders");
	CHECK(k[0] != '\0' && strspn(k, "0123456789abcdef") == strlen(k));
	free(k);
	CHECK(sort_cmp("", "A") < 0);
	CHECK(sort_cmp(NULL, "") == 0);
}

static void
test_sort_other_scripts(void)
{
	const char	*names[] = { "王小明", "محمد", "Zenia", "Åse", "Anders",
	    "Ελένη", "王小明", "Владимир" };
	size_t		 n = sizeof names / sizeof names[0], i;
	char		*a, *b;

	/* Stable: the same name always gives the same key. */
	a = core_sort_key("محمد");
	b = core_sort_key("محمد");
	CHECK_STR(a, b);
	free(a);
	free(b);
	qsort(names, n, sizeof names[0], cmp_names);
	/* Latin first (Danish order), other scripts after it. */
	CHECK_STR(names[0], "Anders");
	CHECK_STR(names[1], "Zenia");
	CHECK_STR(names[2], "Åse");
	for (i = 1; i < n; i++)
		CHECK(cmp_names(&names[i - 1], &names[i]) <= 0);
	core_key_done();
	core_key_done();
	/* It opens again after done. */
	CHECK(sort_cmp("Anders", "Bent") < 0);
}

/* The member of names that the typed search matches. */
static size_t
member(const char *names, const char *typed)
{
	char	**words;
	size_t	  n = core_search_words(typed, &words), i;

	i = core_names_match(names, words, n);
	core_words_free(words, n);
	return i;
}

static void
test_names_match(void)
{
	CHECK_INT(member("Anna Berg; S\xc3\xb8ren Holm", "soren"), 1);
	CHECK_INT(member("Anna Berg; S\xc3\xb8ren Holm", "S\xc3\x98REN"), 1);
	CHECK_INT(member("Anna Berg; S\xc3\xb8ren Holm", "anna"), 0);
	CHECK_INT(member("Anna Berg; S\xc3\xb8ren Holm", ""), 0);
	CHECK_INT(member("Anna Berg; S\xc3\xb8ren Holm", "xyz"), 0);
	/* Every word on one member beats one word on another. */
	CHECK_INT(member("Anna Holm; Bo Berg; Anna Berg", "anna berg"), 2);
	/* The words spread over members: the one with the most. */
	CHECK_INT(member("Bo Berg; Anna Holm", "anna berg"), 0);
	CHECK_INT(member("Ali Khan; Mona Khan; Mona Ali", "mona a"), 2);
	CHECK_INT(member("\xe7\x8e\x8b\xe5\xb0\x8f\xe6\x98\x8e; "
	    "\xc3\x98lgaard-Jensen", "jens"), 1);
}

int
main(void)
{
	RUN("core-key", test_search_key);
	RUN("core-key", test_name_words);
	RUN("core-key", test_ascii_shortcut);
	RUN("core-key", test_prefix_next);
	RUN("core-key", test_sort_order);
	RUN("core-key", test_sort_other_scripts);
	RUN("core-key", test_names_match);
	core_key_done();
	TEST_END();
}
