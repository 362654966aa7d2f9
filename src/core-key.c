/*
 * core-key.c — the search and sort keys of names.
 *
 * The search key makes typing forgiving: case, accents and the Danish
 * spellings of æ ø å do not matter.  A name is indexed word by word
 * (core_name_words), each word under its search key and, where it
 * differs, a "plain" key with ø→o and å→a.  So for "Søren Ølgaard-Jensen"
 * the index holds soeren, soren, oelgaard, olgaard and jensen, and the
 * person is found by typing "soren", "søren", "SØREN" or "Søren" (the
 * last three give the key "soeren"), by "olg" or "ølg", and by "jen".
 * "Åse" is indexed as aase and ase, so "aa", "å" and "as" all find her.
 *
 * The sort key is ICU's Danish collation written as hex, so SQLite sorts
 * it with plain byte comparison: … x y z æ ø å, "Aa" as Å.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "core.h"
#include "util.h"
#include "util-icu.h"

static UCollator	*key_collator;

/* Tests set this to take ICU's way also for ASCII text (test-core-key.c). */
int	 core_key_ascii_shortcut = 1;

/* 1 if s is ASCII only: its keys are then made without ICU. */
static int
key_is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return core_key_ascii_shortcut;
}

/*
 * The key of ASCII text: its letters in lower case.  That is what ICU's
 * way gives ASCII: it is its own NFC and NFD, full case folding only
 * lowers A to Z, it has none of æ ø å ß and no combining mark.  A search
 * such as `households --search soren` so never loads ICU.
 */
static char *
key_ascii(const char *s, size_t len)
{
	char	*out;
	size_t	 i;

	out = xstrndup(s, len);
	for (i = 0; i < len; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char)(out[i] - 'A' + 'a');
	return out;
}

/* 1 if the ASCII byte c separates words: ICU's White_Space (tab to
 * carriage return and space) or Dash (the hyphen-minus) in ASCII. */
static int
key_ascii_separator(char c)
{
	return (c >= '\t' && c <= '\r') || c == ' ' || c == '-';
}

/* UTF-8 to a new UTF-16 string (invalid bytes become U+FFFD). */
static UChar *
key_to_u16(const char *s, int32_t *len)
{
	UErrorCode	 e = U_ZERO_ERROR;
	UChar		*u;
	int32_t		 n = 0;

	ICU(u_strFromUTF8WithSub)(NULL, 0, &n, s, -1, 0xFFFD, NULL, &e);
	e = U_ZERO_ERROR;
	u = xreallocarray(NULL, (size_t)n + 1, sizeof *u);
	ICU(u_strFromUTF8WithSub)(u, n + 1, len, s, -1, 0xFFFD, NULL, &e);
	if (U_FAILURE(e))
		*len = 0;
	u[*len] = 0;
	return u;
}

/* UTF-16 to a new UTF-8 string. */
static char *
key_to_u8(const UChar *u, int32_t len)
{
	UErrorCode	 e = U_ZERO_ERROR;
	char		*s;
	int32_t		 n = 0;

	ICU(u_strToUTF8WithSub)(NULL, 0, &n, u, len, 0xFFFD, NULL, &e);
	e = U_ZERO_ERROR;
	s = xmalloc((size_t)n + 1);
	ICU(u_strToUTF8WithSub)(s, n + 1, NULL, u, len, 0xFFFD, NULL, &e);
	if (U_FAILURE(e))
		n = 0;
	s[n] = '\0';
	return s;
}

/* Normalize u (NFC or NFD) into a new string. */
static UChar *
key_normalize(const UChar *u, int32_t len, int nfd, int32_t *outlen)
{
	UErrorCode		 e = U_ZERO_ERROR;
	const UNormalizer2	*norm;
	UChar			*out;
	int32_t			 n;

	norm = nfd ? ICU(unorm2_getNFDInstance)(&e) :
	    ICU(unorm2_getNFCInstance)(&e);
	if (U_FAILURE(e))
		fatal("ICU normalizer: %s", ICU(u_errorName)(e));
	n = ICU(unorm2_normalize)(norm, u, len, NULL, 0, &e);
	e = U_ZERO_ERROR;
	out = xreallocarray(NULL, (size_t)n + 1, sizeof *out);
	n = ICU(unorm2_normalize)(norm, u, len, out, n + 1, &e);
	if (U_FAILURE(e))
		n = 0;
	out[n] = 0;
	*outlen = n;
	return out;
}

/* Case fold u (full folding, so ß gives ss) into a new string. */
static UChar *
key_fold(const UChar *u, int32_t len, int32_t *outlen)
{
	UErrorCode	 e = U_ZERO_ERROR;
	UChar		*out;
	int32_t		 n;

	n = ICU(u_strFoldCase)(NULL, 0, u, len, U_FOLD_CASE_DEFAULT, &e);
	e = U_ZERO_ERROR;
	out = xreallocarray(NULL, (size_t)n + 1, sizeof *out);
	n = ICU(u_strFoldCase)(out, n + 1, u, len, U_FOLD_CASE_DEFAULT, &e);
	if (U_FAILURE(e))
		n = 0;
	out[n] = 0;
	*outlen = n;
	return out;
}

/*
 * Spell out the Danish letters of folded NFC text: æ→ae, ø→oe, å→aa, or
 * with plain set ø→o, å→a.  Done before marks are removed, because NFD
 * would turn å into a + ring and the ring would be lost.
 */
static UChar *
key_danish(const UChar *u, int32_t len, int plain, int32_t *outlen)
{
	UChar	*out;
	int32_t	 i, n = 0;

	out = xreallocarray(NULL, (size_t)len * 2 + 1, sizeof *out);
	for (i = 0; i < len; i++) {
		switch (u[i]) {
		case 0x00E6:	/* æ */
			out[n++] = 'a';
			out[n++] = 'e';
			break;
		case 0x00F8:	/* ø */
			out[n++] = 'o';
			if (!plain)
				out[n++] = 'e';
			break;
		case 0x00E5:	/* å */
			out[n++] = 'a';
			if (!plain)
				out[n++] = 'a';
			break;
		case 0x00DF:	/* ß (already ss after full folding) */
			out[n++] = 's';
			out[n++] = 's';
			break;
		default:
			out[n++] = u[i];
			break;
		}
	}
	out[n] = 0;
	*outlen = n;
	return out;
}

/* Remove combining marks from u in place; returns the new length. */
static int32_t
key_strip_marks(UChar *u, int32_t len)
{
	int32_t	 i = 0, n = 0, start;
	UChar32	 c;

	while (i < len) {
		start = i;
		U16_NEXT(u, i, len, c);
		if (ICU(u_getCombiningClass)(c) != 0 ||
		    ICU(u_charType)(c) == U_NON_SPACING_MARK)
			continue;
		while (start < i)
			u[n++] = u[start++];
	}
	u[n] = 0;
	return n;
}

/* The search key of s, or with plain set the plain key (ø→o, å→a). */
static char *
key_make(const char *s, int plain)
{
	UChar	*a, *b;
	int32_t	 len;
	char	*out;

	if (s == NULL)
		s = "";
	if (key_is_ascii(s))
		return key_ascii(s, strlen(s));
	a = key_to_u16(s, &len);
	b = key_normalize(a, len, 0, &len);
	free(a);
	a = key_fold(b, len, &len);
	free(b);
	/* Folding may leave text that is not NFC; compose again. */
	b = key_normalize(a, len, 0, &len);
	free(a);
	a = key_danish(b, len, plain, &len);
	free(b);
	b = key_normalize(a, len, 1, &len);
	free(a);
	len = key_strip_marks(b, len);
	a = key_normalize(b, len, 0, &len);
	free(b);
	out = key_to_u8(a, len);
	free(a);
	return out;
}

/* The search key of a text: folded, unmarked, æ ø å spelled out. */
char *
core_search_key(const char *s)
{
	return key_make(s, 0);
}

/* Add key to the array words (of *n) unless it is empty or there. */
static void
key_add_word(char ***words, size_t *n, char *key)
{
	size_t	 i;

	if (key[0] == '\0') {
		free(key);
		return;
	}
	for (i = 0; i < *n; i++) {
		if (strcmp((*words)[i], key) == 0) {
			free(key);
			return;
		}
	}
	*words = xreallocarray(*words, *n + 1, sizeof **words);
	(*words)[(*n)++] = key;
}

/* 1 if c separates words of a name: white space or a dash. */
static int
key_is_separator(UChar32 c)
{
	return c < 0 || ICU(u_isUWhiteSpace)(c) ||
	    ICU(u_hasBinaryProperty)(c, UCHAR_DASH);
}

/* key_split of ASCII text: its plain keys are its keys. */
static size_t
key_split_ascii(const char *s, char ***words)
{
	size_t	 n = 0, w;

	while (*s != '\0') {
		for (w = 0; s[w] != '\0' && !key_ascii_separator(s[w]); w++)
			;
		if (w > 0)
			key_add_word(words, &n, key_ascii(s, w));
		s += w;
		if (*s != '\0')
			s++;
	}
	return n;
}

/*
 * Split name at white space and dashes into *words: the distinct search
 * keys of the words, with their plain keys too when with_plain is set.
 */
static size_t
key_split(const char *name, int with_plain, char ***words)
{
	const uint8_t	*s = (const uint8_t *)(name != NULL ? name : "");
	int32_t		 len = (int32_t)strlen((const char *)s), i = 0;
	int32_t		 start = -1, prev;
	UChar32		 c;
	size_t		 n = 0;
	char		*word;

	*words = NULL;
	if (key_is_ascii((const char *)s))
		return key_split_ascii((const char *)s, words);
	while (i <= len) {
		prev = i;
		if (i < len)
			U8_NEXT(s, i, len, c);
		else {
			c = ' ';
			i++;
		}
		if (!key_is_separator(c)) {
			if (start < 0)
				start = prev;
			continue;
		}
		if (start < 0)
			continue;
		word = xstrndup((const char *)s + start, (size_t)(prev - start));
		key_add_word(words, &n, key_make(word, 0));
		if (with_plain)
			key_add_word(words, &n, key_make(word, 1));
		free(word);
		start = -1;
	}
	return n;
}

/* The distinct search keys (and plain keys) of the words of a name. */
size_t
core_name_words(const char *name, char ***words)
{
	return key_split(name, 1, words);
}

/* The search keys of the words of a typed search text. */
size_t
core_search_words(const char *text, char ***words)
{
	return key_split(text, 0, words);
}

/* Free an array of words from core_name_words. */
void
core_words_free(char **words, size_t n)
{
	size_t	 i;

	if (words == NULL)
		return;
	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* How many of the search words start a word of one name. */
static size_t
key_match_count(const char *name, char *const *words, size_t nwords)
{
	char	**mine;
	size_t	  nmine, i, j, hits = 0;

	nmine = core_name_words(name, &mine);
	for (i = 0; i < nwords; i++)
		for (j = 0; j < nmine; j++)
			if (strncmp(mine[j], words[i], strlen(words[i])) == 0) {
				hits++;
				break;
			}
	core_words_free(mine, nmine);
	return hits;
}

/* The member of names ("; " between them) the search words match best. */
size_t
core_names_match(const char *names, char *const *words, size_t nwords)
{
	const char	*p = names, *end;
	char		*one;
	size_t		 i, hits, best = 0, best_hits = 0;

	if (names == NULL || nwords == 0)
		return 0;
	for (i = 0; best_hits < nwords; i++) {
		end = strstr(p, "; ");
		one = end != NULL ? xstrndup(p, (size_t)(end - p)) :
		    xstrdup(p);
		hits = key_match_count(one, words, nwords);
		free(one);
		if (hits > best_hits) {
			best = i;
			best_hits = hits;
		}
		if (end == NULL)
			break;
		p = end + 2;
	}
	return best;
}

/* The bit of key's first letter in a household's initials (core.h). */
unsigned long
core_key_initial(const char *key)
{
	unsigned char	c = key != NULL ? (unsigned char)key[0] : 0;

	return 1UL << (c >= 'a' && c <= 'z' ? c - 'a' : CORE_INITIAL_OTHER);
}

/* The exclusive upper bound of the strings starting with prefix. */
char *
core_prefix_next(const char *prefix)
{
	char	*next;
	size_t	 len;

	if (prefix == NULL)
		return NULL;
	len = strlen(prefix);
	while (len > 0 && (unsigned char)prefix[len - 1] == 0xFF)
		len--;
	if (len == 0)
		return NULL;
	next = xstrndup(prefix, len);
	next[len - 1] = (char)((unsigned char)next[len - 1] + 1);
	return next;
}

/* The Danish collator, opened on first use. */
static UCollator *
key_collator_get(void)
{
	UErrorCode	 e = U_ZERO_ERROR;

	if (key_collator == NULL) {
		key_collator = ICU(ucol_open)("da", &e);
		if (U_FAILURE(e) || key_collator == NULL)
			fatal("ICU Danish collation: %s", ICU(u_errorName)(e));
	}
	return key_collator;
}

/* The Danish sort key of s as lowercase hex. */
char *
core_sort_key(const char *s)
{
	static const char	 hex[] = "0123456789abcdef";
	UCollator		*coll = key_collator_get();
	UChar			*u, *nfc;
	uint8_t			*key;
	int32_t			 len, n, i;
	char			*out;

	u = key_to_u16(s != NULL ? s : "", &len);
	nfc = key_normalize(u, len, 0, &len);
	free(u);
	n = ICU(ucol_getSortKey)(coll, nfc, len, NULL, 0);
	key = xmalloc((size_t)n + 1);
	n = ICU(ucol_getSortKey)(coll, nfc, len, key, n + 1);
	free(nfc);
	/* The key ends with a 0 byte; it adds nothing to the order. */
	if (n > 0 && key[n - 1] == 0)
		n--;
	out = xmalloc((size_t)n * 2 + 1);
	for (i = 0; i < n; i++) {
		out[2 * i] = hex[key[i] >> 4];
		out[2 * i + 1] = hex[key[i] & 0xF];
	}
	out[2 * n] = '\0';
	free(key);
	return out;
}

/* Close the Danish collator. */
void
core_key_done(void)
{
	if (key_collator != NULL) {
		ICU(ucol_close)(key_collator);
		key_collator = NULL;
	}
}
