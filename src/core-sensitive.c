/*
 * core-sensitive.c — notes that drift into sensitive data.
 *
 * A welcome note says what the welcome needs ("not home, try Thursday",
 * "asked about the homework café").  What a note must not hold is health,
 * religion, ethnicity, a criminal matter or a CPR number: such a concern
 * goes to the secretariat, by word of mouth, not into the register.  The
 * rule here only finds the words; the screens and the commands warn and
 * let the person change the note or save it anyway.
 *
 * A note is cut into words (letters, digits and the marks on them), each
 * word turned into its search key (core_search_key) and compared with the
 * keys of the lists' words: whole, as a start, an end, or a part.  Words,
 * not substrings of the whole note, so "kristen" does not find
 * "Kristensen" and "politi" does not find "politik".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core.h"
#include "i18n.h"
#include "util.h"
#include "util-icu.h"

/* One word of a list: its search key and how it matches. */
struct sensitive_word {
	char			*key;
	enum sensitive_kind	 kind;
	int			 start;		/* "word*": a word's start */
	int			 end;		/* "*word": a word's end */
};

struct sensitive_words {
	struct sensitive_word	*w;
	size_t			 n;
};

static const struct {
	enum sensitive_kind	 kind;
	const char		*section;
	const char		*reason;
} sensitive_kinds[] = {
	{ SENSITIVE_HEALTH, "health", N_("This note may say something about "
	    "health (\"%s\").") },
	{ SENSITIVE_RELIGION, "religion", N_("This note may say something "
	    "about religion (\"%s\").") },
	{ SENSITIVE_ETHNICITY, "ethnicity", N_("This note may say something "
	    "about ethnicity (\"%s\").") },
	{ SENSITIVE_CRIMINAL, "criminal", N_("This note may say something "
	    "about a criminal matter (\"%s\").") },
	{ SENSITIVE_CPR, NULL, N_("This note may hold a CPR number.") },
};

#define SENSITIVE_NKINDS (sizeof sensitive_kinds / sizeof sensitive_kinds[0])

/* A new, empty set of words. */
struct sensitive_words *
core_sensitive_new(void)
{
	return xcalloc(1, sizeof(struct sensitive_words));
}

/* Free a set of words. */
void
core_sensitive_free(struct sensitive_words *sw)
{
	size_t	 i;

	if (sw == NULL)
		return;
	for (i = 0; i < sw->n; i++)
		free(sw->w[i].key);
	free(sw->w);
	free(sw);
}

/* How many words the set holds. */
size_t
core_sensitive_count(const struct sensitive_words *sw)
{
	return sw != NULL ? sw->n : 0;
}

/* The kind a section name in a list file stands for, or SENSITIVE_NONE. */
static enum sensitive_kind
sensitive_kind_of(const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < SENSITIVE_NKINDS; i++)
		if (sensitive_kinds[i].section != NULL &&
		    strlen(sensitive_kinds[i].section) == len &&
		    strncmp(sensitive_kinds[i].section, name, len) == 0)
			return sensitive_kinds[i].kind;
	return SENSITIVE_NONE;
}

/* 1 if c is part of a word: a letter, a digit, or a mark on one. */
static int
sensitive_word_char(UChar32 c)
{
	int8_t	 t = ICU(u_charType)(c);

	return c >= 0 && (ICU(u_isalnum)(c) || t == U_NON_SPACING_MARK ||
	    t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK);
}

/* 1 if the len bytes at s are one word (of word characters only). */
static int
sensitive_one_word(const char *s, size_t len)
{
	const uint8_t	*u = (const uint8_t *)s;
	int32_t		 i = 0, n = (int32_t)len;
	UChar32		 c;

	while (i < n) {
		U8_NEXT(u, i, n, c);
		if (!sensitive_word_char(c))
			return 0;
	}
	return n > 0;
}

/* Add one list line's word (len bytes at s, trimmed) of kind: NULL, or
 * why it cannot be. */
static const char *
sensitive_add_word(struct sensitive_words *sw, enum sensitive_kind kind,
    const char *s, size_t len)
{
	struct sensitive_word	 w;
	char			*word;

	memset(&w, 0, sizeof w);
	w.kind = kind;
	if (len > 0 && s[len - 1] == '*') {
		w.start = 1;
		len--;
	}
	if (len > 0 && s[0] == '*') {
		w.end = 1;
		s++;
		len--;
	}
	if (!sensitive_one_word(s, len))
		return N_("each line holds one word: letters and digits, "
		    "with * at its start or end");
	word = xstrndup(s, len);
	w.key = core_search_key(word);
	free(word);
	if (strlen(w.key) < 2) {
		free(w.key);
		return N_("a word must have at least two letters");
	}
	sw->w = xreallocarray(sw->w, sw->n + 1, sizeof *sw->w);
	sw->w[sw->n++] = w;
	return NULL;
}

/* One line of a list file (len bytes at s); *kind is the section so far. */
static const char *
sensitive_line(struct sensitive_words *sw, enum sensitive_kind *kind,
    const char *s, size_t len)
{
	const char	*hash;

	if ((hash = memchr(s, '#', len)) != NULL)
		len = (size_t)(hash - s);
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	if (len == 0)
		return NULL;
	if (s[0] == '[') {
		if (len < 3 || s[len - 1] != ']' ||
		    (*kind = sensitive_kind_of(s + 1, len - 2)) ==
		    SENSITIVE_NONE)
			return N_("a section is one of [health], [religion], "
			    "[ethnicity] or [criminal]");
		return NULL;
	}
	if (*kind == SENSITIVE_NONE)
		return N_("a word comes before the first section, such as "
		    "[health]");
	return sensitive_add_word(sw, *kind, s, len);
}

/* Add the words of one list file's text. */
const char *
core_sensitive_add(struct sensitive_words *sw, const char *text,
    size_t *line)
{
	enum sensitive_kind	 kind = SENSITIVE_NONE;
	const char		*s = text, *nl, *err;
	char			*clean;
	size_t			 len;

	*line = 0;
	if ((clean = core_clean_text(text)) == NULL)
		return N_("the file is not UTF-8 text");
	free(clean);		/* only to know that it is UTF-8 */
	for (*line = 1; *s != '\0'; (*line)++) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if ((err = sensitive_line(sw, &kind, s, len)) != NULL)
			return err;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return NULL;
}

/* 1 if the key of a note's word k matches the list word w. */
static int
sensitive_match(const char *k, const struct sensitive_word *w)
{
	size_t	 kl = strlen(k), wl = strlen(w->key);

	if (w->start && w->end)
		return strstr(k, w->key) != NULL;
	if (w->start)
		return strncmp(k, w->key, wl) == 0;
	if (w->end)
		return kl >= wl && strcmp(k + kl - wl, w->key) == 0;
	return strcmp(k, w->key) == 0;
}

/* The search key of one word of a note; ASCII is only made lower case,
 * which is what core_search_key does with it, without ICU's cost. */
static char *
sensitive_key(const char *s, size_t len)
{
	char	*k, *key;
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	k = xstrndup(s, len);
	if (i < len) {
		key = core_search_key(k);
		free(k);
		return key;
	}
	for (i = 0; i < len; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] = (char)(k[i] - 'A' + 'a');
	return k;
}

/* The kind of the word (len bytes at s), or SENSITIVE_NONE. */
static enum sensitive_kind
sensitive_word_kind(const struct sensitive_words *sw, const char *s,
    size_t len)
{
	enum sensitive_kind	 kind = SENSITIVE_NONE;
	char			*k = sensitive_key(s, len);
	size_t			 i;

	for (i = 0; i < sw->n && kind == SENSITIVE_NONE; i++)
		if (sensitive_match(k, &sw->w[i]))
			kind = sw->w[i].kind;
	free(k);
	return kind;
}

/* What a note may say that it must not; see core.h. */
enum sensitive_kind
core_sensitive_check(const struct sensitive_words *sw, const char *note,
    char **word)
{
	const uint8_t		*u = (const uint8_t *)(note != NULL ? note : "");
	int32_t			 n = (int32_t)strlen((const char *)u), i = 0;
	int32_t			 start = -1, prev;
	enum sensitive_kind	 kind = SENSITIVE_NONE;
	UChar32			 c;

	if (word != NULL)
		*word = NULL;
	if (core_looks_like_cpr((const char *)u))
		return SENSITIVE_CPR;
	while (sw != NULL && sw->n > 0 && i <= n && kind == SENSITIVE_NONE) {
		prev = i;
		if (i < n)
			U8_NEXT(u, i, n, c);
		else {
			c = ' ';
			i++;
		}
		if (sensitive_word_char(c)) {
			if (start < 0)
				start = prev;
			continue;
		}
		if (start >= 0 && (kind = sensitive_word_kind(sw,
		    (const char *)u + start, (size_t)(prev - start))) !=
		    SENSITIVE_NONE && word != NULL)
			*word = xstrndup((const char *)u + start,
			    (size_t)(prev - start));
		start = -1;
	}
	return kind;
}

/* Why a note was stopped: an N_() sentence. */
const char *
core_sensitive_reason(enum sensitive_kind kind)
{
	size_t	 i;

	for (i = 0; i < SENSITIVE_NKINDS; i++)
		if (sensitive_kinds[i].kind == kind)
			return sensitive_kinds[i].reason;
	return NULL;
}

/* What notes must not hold (N_()). */
const char *
core_sensitive_rule(void)
{
	return N_("Notes must not hold health, religion, ethnicity or "
	    "criminal matters: concerns go to the secretariat.");
}

/* The section name of a kind. */
const char *
core_sensitive_section(enum sensitive_kind kind)
{
	size_t	 i;

	for (i = 0; i < SENSITIVE_NKINDS; i++)
		if (sensitive_kinds[i].kind == kind)
			return sensitive_kinds[i].section;
	return NULL;
}
