/*
 * i18n.c — the language velkomst speaks: decided here once, from the
 * environment and the configuration, and changed here when an account
 * with a remembered choice logs in or someone presses the key for it.
 * gettext's messages and the checklist texts both follow it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* glibc counts its catalogue loads; raising the count makes gettext
 * look up its catalogues again after LANGUAGE changed. */
extern int	 _nl_msg_cat_cntr;

static char	*i18n_env_language;	/* LANGUAGE as the person set it */
static char	 i18n_default_lang[3] = "en";
static char	 i18n_now[3] = "en";

/* "da" or "en" for a locale or language name ("da_DK.UTF-8", "en",
 * "da:en" up to the colon), or NULL for any other. */
static const char *
i18n_code(const char *s, size_t len)
{
	size_t	n = 0;

	while (n < len && s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n != 2 || (n < len && strchr("_.@", s[n]) == NULL))
		return NULL;
	if (strncmp(s, "da", 2) == 0)
		return "da";
	if (strncmp(s, "en", 2) == 0)
		return "en";
	return NULL;
}

/* The first entry of a LANGUAGE list that names Danish or English. */
static const char *
i18n_from_list(const char *list)
{
	const char	*code, *end;

	while (list != NULL && *list != '\0') {
		end = strchr(list, ':');
		if (end == NULL)
			end = list + strlen(list);
		if ((code = i18n_code(list, (size_t)(end - list))) != NULL)
			return code;
		list = *end == ':' ? end + 1 : end;
	}
	return NULL;
}

/* The language of the locale that is in force: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set. */
static const char *
i18n_from_locale(const char *lc_all, const char *lc_messages,
    const char *lang)
{
	const char	*v[3] = { lc_all, lc_messages, lang }, *code;
	size_t		 i;

	for (i = 0; i < 3; i++) {
		if (v[i] == NULL || v[i][0] == '\0')
			continue;
		code = i18n_code(v[i], strlen(v[i]));
		return code != NULL ? code : "en";
	}
	return "en";
}

/* The language the values ask for (i18n.h says the order). */
const char *
i18n_decide(const char *language, const char *configured,
    const char *lc_all, const char *lc_messages, const char *lang)
{
	const char	*code;

	if ((code = i18n_from_list(language)) != NULL)
		return code;
	if (i18n_known(configured))
		return strcmp(configured, "da") == 0 ? "da" : "en";
	return i18n_from_locale(lc_all, lc_messages, lang);
}

/* 1 if s is "da" or "en". */
int
i18n_known(const char *s)
{
	return s != NULL && (strcmp(s, "da") == 0 || strcmp(s, "en") == 0);
}

/* Bind the catalogues and remember LANGUAGE as it was set. */
void
i18n_init(void)
{
	const char	*dir = getenv("VELKOMST_LOCALEDIR"), *l;

	if (dir == NULL || dir[0] == '\0')
		dir = LOCALEDIR;
	bindtextdomain("velkomst", dir);
	bind_textdomain_codeset("velkomst", "UTF-8");
	textdomain("velkomst");
	if (i18n_env_language == NULL) {
		l = getenv("LANGUAGE");
		i18n_env_language = xstrdup(l != NULL ? l : "");
	}
}

/* Decide the default from the environment and the configuration. */
void
i18n_start(const char *configured)
{
	const char	*code;

	if (i18n_env_language == NULL)
		i18n_init();
	code = i18n_decide(i18n_env_language, configured, getenv("LC_ALL"),
	    getenv("LC_MESSAGES"), getenv("LANG"));
	memcpy(i18n_default_lang, code, 3);
	i18n_use(NULL);
}

/* Speak lang, or the default: LANGUAGE for gettext, and its cache. */
void
i18n_use(const char *lang)
{
	if (!i18n_known(lang))
		lang = i18n_default_lang;
	memcpy(i18n_now, lang, 3);
	setenv("LANGUAGE", i18n_now, 1);
	++_nl_msg_cat_cntr;
}

/* The language spoken now. */
const char *
i18n_lang(void)
{
	return i18n_now;
}

/* A count in thousands, with "+" when it is the cap. */
const char *
i18n_count(long n, long cap, char *buf, size_t len)
{
	char		 digits[32];
	const char	*sep = i18n_danish() ? "." : ",";
	size_t		 nd, i, o = 0;
	int		 more = cap > 0 && n == cap;
	nd = (size_t)snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	for (i = 0; i < nd && o + 2 < len; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			buf[o++] = sep[0];
		buf[o++] = digits[i];
	}
	if (more && o + 1 < len)
		buf[o++] = '+';
	buf[o < len ? o : len - 1] = '\0';
	return buf;
}

/* The language of the login screen and of accounts with no choice. */
const char *
i18n_default(void)
{
	return i18n_default_lang;
}

/* 1 while Danish is spoken. */
int
i18n_danish(void)
{
	return strcmp(i18n_now, "da") == 0;
}

/* The text in the language spoken now. */
const char *
i18n_text(const char *en, const char *da)
{
	return i18n_danish() && da != NULL && da[0] != '\0' ? da : en;
}

/* The other language's own name: not translated, on purpose, since it
 * is read by someone who does not read the language spoken now. */
const char *
i18n_other_name(void)
{
	return i18n_danish() ? "English" : "Dansk";
}

/* The translation of an NC_() string, or its English without the context. */
const char *
i18n_pgettext(const char *cs)
{
	const char	*t;

	t = gettext(cs);
	if (t != cs)
		return t;
	t = strchr(cs, '\004');
	return t != NULL ? t + 1 : cs;
}
