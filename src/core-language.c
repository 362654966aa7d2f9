/*
 * core-language.c — the languages people speak, by ISO 639 code, with
 * their Danish, English and own names, all from ICU's locale data
 * (uloc_getDisplayLanguage): no table of names is kept here.
 *
 * The table is read once, the first time it is needed: every code of
 * uloc_getISOLanguages() that ICU has a real English name for (not the
 * code given back), but for the codes that name no language (und, mul,
 * zxx, mis).  Two-letter codes come first, so a name shared by two codes
 * ("Kurdish": ku and kmr) maps to the two-letter one.  A Danish name ICU
 * does not have is the English one; an own name it does not have is none.
 *
 * Each language is found by the words of its three names, by our search
 * key rules (core_name_words), and by its code; an Arabic word is also
 * found without its article (ال), so "عربي" finds العربية.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "core.h"
#include "i18n.h"
#include "util.h"
#include "util-icu.h"

/* The Arabic article al- (U+0627 U+0644) at the start of a word. */
#define LANG_ARTICLE	"\xd8\xa7\xd9\x84"

struct lang {
	char	 code[8];
	char	*name[LANG_NNAMES];	/* NULL: ICU has no own name */
	char	*full[LANG_NNAMES];	/* search key of each whole name */
	char	**keys;			/* the words' keys, and the code */
	size_t	 nkeys;
};

static struct lang	*langs;
static size_t		 nlangs;
static int		 langs_read;

/* The codes that are in ICU's list but name no language. */
static const char *const lang_not_languages[] = {
	"und", "mul", "zxx", "mis", NULL
};

/* code's name in the language in (a locale), as a new UTF-8 string; NULL
 * when ICU has none (gives the code back, or falls back to its default
 * locale for want of data in the language in). */
static char *
lang_icu_name(const char *code, const char *in)
{
	UErrorCode	 e = U_ZERO_ERROR, e2 = U_ZERO_ERROR;
	UChar		 u[160];
	char		 s[480];
	int32_t		 n;

	n = ICU(uloc_getDisplayLanguage)(code, in, u, (int32_t)(sizeof u /
	    sizeof u[0]), &e);
	if (U_FAILURE(e) || e == U_USING_DEFAULT_WARNING || n <= 0)
		return NULL;
	ICU(u_strToUTF8)(s, (int32_t)sizeof s, NULL, u, n, &e2);
	if (U_FAILURE(e2) || e2 == U_STRING_NOT_TERMINATED_WARNING ||
	    strcmp(s, code) == 0)
		return NULL;
	return xstrdup(s);
}

/* Add key to l's keys (takes it), and its form without the article. */
static void
lang_add_key(struct lang *l, char *key)
{
	size_t	 a = strlen(LANG_ARTICLE);

	l->keys = xreallocarray(l->keys, l->nkeys + 2, sizeof *l->keys);
	l->keys[l->nkeys++] = key;
	if (strncmp(key, LANG_ARTICLE, a) == 0 && strlen(key) > a + 2)
		l->keys[l->nkeys++] = xstrdup(key + a);
}

/* Fill in l's names and keys; 0, or -1 when it is not a language. */
static int
lang_fill(struct lang *l, const char *code)
{
	char	**words;
	size_t	  n, i, k;

	memset(l, 0, sizeof *l);
	if (core_name_index(lang_not_languages, 4, code) >= 0 ||
	    strlen(code) >= sizeof l->code ||
	    (l->name[LANG_ENGLISH] = lang_icu_name(code, "en")) == NULL)
		return -1;
	strcpy(l->code, code);
	if ((l->name[LANG_DANISH] = lang_icu_name(code, "da")) == NULL)
		l->name[LANG_DANISH] = xstrdup(l->name[LANG_ENGLISH]);
	l->name[LANG_OWN] = lang_icu_name(code, code);
	lang_add_key(l, xstrdup(code));
	for (k = 0; k < LANG_NNAMES; k++) {
		if (l->name[k] == NULL)
			continue;
		l->full[k] = core_search_key(l->name[k]);
		n = core_name_words(l->name[k], &words);
		for (i = 0; i < n; i++)
			lang_add_key(l, words[i]);
		free(words);
	}
	return 0;
}

/* Read the table from ICU, two-letter codes first. */
static void
lang_read(void)
{
	const char *const	*codes;
	size_t			 pass, i;

	if (langs_read)
		return;
	langs_read = 1;
	codes = ICU(uloc_getISOLanguages)();
	for (i = 0; codes != NULL && codes[i] != NULL; i++)
		;
	langs = xcalloc(i + 1, sizeof *langs);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; codes != NULL && codes[i] != NULL; i++) {
			if ((strlen(codes[i]) == 2) != (pass == 0))
				continue;
			if (lang_fill(&langs[nlangs], codes[i]) == 0)
				nlangs++;
		}
	}
}

/* How many languages there are. */
size_t
core_lang_count(void)
{
	lang_read();
	return nlangs;
}

/* The code of language i. */
const char *
core_lang_code(size_t i)
{
	lang_read();
	return i < nlangs ? langs[i].code : NULL;
}

/* The index of code, or -1. */
int
core_lang_index(const char *code)
{
	size_t	 i;

	lang_read();
	for (i = 0; code != NULL && i < nlangs; i++)
		if (strcmp(langs[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* One name of language i (NULL: no own name). */
const char *
core_lang_name(size_t i, enum lang_name which)
{
	lang_read();
	if (i >= nlangs || which < 0 || which >= LANG_NNAMES)
		return NULL;
	return langs[i].name[which];
}

/*
 * The two-letter codes that ICU 72 names in English (lang_fill takes
 * each of them), in order: the configuration's check of the languages it
 * offers first asks this table at every start, so that a command that
 * needs no language does not load ICU to start (util-icu.h).
 * tests/unit/test-lang-known.c holds it to ICU's own list.
 */
static const char lang_two[][3] = {
	"aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay",
	"az", "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs", "ca",
	"ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv",
	"dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi",
	"fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha",
	"he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie",
	"ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg",
	"ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv",
	"kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv",
	"mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na",
	"nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc",
	"oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
	"rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
	"sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw",
	"ta", "te", "tg", "th", "ti", "tk", "tn", "to", "tr", "ts", "tt",
	"tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo",
	"xh", "yi", "yo", "za", "zh", "zu"
};

/* bsearch: two codes. */
static int
lang_two_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* 1 if core_lang_index knows code: a code of two letters from lang_two,
 * another asks ICU about that code alone while the table is not read (a
 * configuration's check at every start need not read the names of every
 * language there is). */
int
core_lang_known(const char *code)
{
	const char *const	*codes;
	char			*name;
	size_t			 i;

	if (langs_read)
		return core_lang_index(code) >= 0;
	if (code != NULL && strlen(code) == 2)
		return bsearch(code, lang_two, sizeof lang_two /
		    sizeof lang_two[0], sizeof lang_two[0],
		    lang_two_cmp) != NULL;
	if (code == NULL || (codes = ICU(uloc_getISOLanguages)()) == NULL)
		return 0;
	for (i = 0; codes[i] != NULL; i++)
		if (strcmp(codes[i], code) == 0)
			break;
	/* What lang_fill takes. */
	if (codes[i] == NULL ||
	    core_name_index(lang_not_languages, 4, code) >= 0 ||
	    strlen(code) >= sizeof langs->code ||
	    (name = lang_icu_name(code, "en")) == NULL)
		return 0;
	free(name);
	return 1;
}

/* The name of code in the screen's language ui; the code when unknown. */
const char *
core_lang_label(const char *code, const char *ui)
{
	int	 i = core_lang_index(code);

	if (i < 0)
		return code;
	return langs[i].name[ui != NULL && strcmp(ui, "da") == 0 ?
	    LANG_DANISH : LANG_ENGLISH];
}

/* 1 if every word starts a word of one of language i's names (or its
 * code). */
int
core_lang_match(size_t i, char *const *words, size_t nwords)
{
	size_t	 w, k;
	int	 found;

	lang_read();
	if (i >= nlangs)
		return 0;
	for (w = 0; w < nwords; w++) {
		found = 0;
		for (k = 0; k < langs[i].nkeys && !found; k++)
			found = strncmp(langs[i].keys[k], words[w],
			    strlen(words[w])) == 0;
		if (!found)
			return 0;
	}
	return 1;
}

/* The language whose code or one of whose names has the search key
 * key (only the Danish name when danish is set), or NULL. */
static const char *
lang_find_key(const char *key, int danish)
{
	size_t	 i, k;

	for (i = 0; i < nlangs && key[0] != '\0'; i++) {
		for (k = danish ? LANG_DANISH : 0; k < LANG_NNAMES; k++) {
			if (langs[i].full[k] != NULL &&
			    strcmp(langs[i].full[k], key) == 0)
				return langs[i].code;
			if (danish)
				break;
		}
		if (!danish && strcmp(langs[i].code, key) == 0)
			return langs[i].code;
	}
	return NULL;
}

/* The code whose name (any of the three) or code text is, or NULL.  A
 * Danish name is also known with the adjective's ending -sk that people
 * add in speech ("somalisk" for ICU's "somali"). */
const char *
core_lang_map(const char *text)
{
	const char	*found;
	char		*clean, *key;
	size_t		 n;

	lang_read();
	if ((clean = core_clean_text(text)) == NULL)
		return NULL;
	key = core_search_key(clean);
	free(clean);
	found = lang_find_key(key, 0);
	n = strlen(key);
	if (found == NULL && n > 4 && strcmp(key + n - 2, "sk") == 0) {
		key[n - 2] = '\0';
		found = lang_find_key(key, 1);
	}
	free(key);
	return found;
}

/* Append s to the list *out (", "-joined when sep is NULL). */
static void
lang_append(char **out, const char *s, const char *sep)
{
	char	*t;

	t = xasprintf("%s%s%s", *out != NULL ? *out : "", *out != NULL ?
	    sep : "", s);
	free(*out);
	*out = t;
}

/* Split free text at commas into known codes and what is not known (or
 * more than CORE_LANG_CODES_MAX). */
void
core_lang_split(const char *text, char **codes, char **other)
{
	char		*copy, *p, *part, *clean;
	const char	*code;
	size_t		 n = 0;

	*codes = *other = NULL;
	if (text == NULL)
		return;
	copy = p = xstrdup(text);
	while ((part = strsep(&p, ",")) != NULL) {
		if ((clean = core_clean_text(part)) == NULL ||
		    clean[0] == '\0') {
			free(clean);
			continue;
		}
		if ((code = core_lang_map(clean)) != NULL &&
		    n < CORE_LANG_CODES_MAX) {
			if (!core_lang_has(*codes, code)) {
				lang_append(codes, code, ",");
				n++;
			}
		} else
			lang_append(other, clean, ", ");
		free(clean);
	}
	free(copy);
}

/* 1 if the list of codes has code. */
int
core_lang_has(const char *codes, const char *code)
{
	size_t	 n = strlen(code);
	const char *p = codes;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		if ((p = strchr(p, ',')) != NULL)
			p++;
	}
	return 0;
}

/* Check a stored list of codes: known ones, none twice, not too many. */
const char *
core_check_lang_codes(const char *codes)
{
	char	*copy, *p, *code, *seen = NULL;
	const char *err = NULL;
	size_t	 n = 0;

	if (codes == NULL || codes[0] == '\0')
		return NULL;
	copy = p = xstrdup(codes);
	while (err == NULL && (code = strsep(&p, ",")) != NULL) {
		if (core_lang_index(code) < 0)
			err = N_("A language code is not one velkomst knows.");
		else if (core_lang_has(seen, code))
			err = N_("A language is chosen twice.");
		else if (++n > CORE_LANG_CODES_MAX)
			err = N_("Too many languages are chosen.");
		else
			lang_append(&seen, code, ",");
	}
	free(seen);
	free(copy);
	return err;
}

/* The names of the codes in the screen's language ui: new string. */
char *
core_lang_names(const char *codes, const char *ui)
{
	char	*copy, *p, *code, *out = NULL;

	if (codes == NULL)
		return xstrdup("");
	copy = p = xstrdup(codes);
	while ((code = strsep(&p, ",")) != NULL)
		if (code[0] != '\0')
			lang_append(&out, core_lang_label(code, ui), ", ");
	free(copy);
	return out != NULL ? out : xstrdup("");
}

/* Order languages for a list: first (nfirst codes) in that order, then
 * the rest by their name in ui, in Danish order. */
size_t
core_lang_order(const char *const *first, size_t nfirst, const char *ui,
    size_t *order)
{
	char	**key;
	size_t	  n = 0, i, j, t;
	int	  k;

	lang_read();
	key = xcalloc(nlangs + 1, sizeof *key);
	for (i = 0; i < nfirst; i++)
		if ((k = core_lang_index(first[i])) >= 0 && key[k] == NULL) {
			key[k] = xstrdup("");
			order[n++] = (size_t)k;
		}
	t = n;
	for (i = 0; i < nlangs; i++)
		if (key[i] == NULL) {
			key[i] = core_sort_key(core_lang_label(langs[i].code,
			    ui));
			order[n++] = i;
		}
	/* Insertion sort of the rest: a few hundred, once per list. */
	for (i = t + 1; i < n; i++)
		for (j = i; j > t && strcmp(key[order[j - 1]],
		    key[order[j]]) > 0; j--) {
			k = (int)order[j];
			order[j] = order[j - 1];
			order[j - 1] = (size_t)k;
		}
	for (i = 0; i < nlangs; i++)
		free(key[i]);
	free(key);
	return n;
}

/* Free the table. */
void
core_lang_done(void)
{
	size_t	 i, k;

	for (i = 0; i < nlangs; i++) {
		for (k = 0; k < LANG_NNAMES; k++) {
			free(langs[i].name[k]);
			free(langs[i].full[k]);
		}
		core_words_free(langs[i].keys, langs[i].nkeys);
	}
	free(langs);
	langs = NULL;
	nlangs = 0;
	langs_read = 0;
}
