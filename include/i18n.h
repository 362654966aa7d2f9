/*
 * i18n.h — gettext for every string a user reads, and the one place that
 * decides the language velkomst speaks (i18n.c).
 *
 * velkomst speaks English (the source strings) or Danish.  The language
 * is decided once at start (i18n_start), in this order:
 *   1. LANGUAGE, when it names Danish or English (the first of its list
 *      that does);
 *   2. the configuration's `language` ("da" or "en"; "" does not count);
 *   3. the locale: LC_ALL, else LC_MESSAGES, else LANG (the first that is
 *      set and not empty): Danish if it is a Danish locale, else English.
 * That is the default.  A logged-in account's remembered choice wins over
 * it (i18n_use), and a logout or a lock goes back to it.  gettext and the
 * checklist texts both follow the one language of i18n_lang(): velkomst
 * sets LANGUAGE to it and makes gettext read its catalogues again, so
 * "en" gives the English source strings even under a Danish locale.
 */
#ifndef VELKOMST_I18N_H
#define VELKOMST_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s)	gettext(s)
#define N_(s)	(s)
/* A sentence with a number: the singular, the plural, the number. */
#define P_(s, p, n)	ngettext((s), (p), (unsigned long)(n))
/*
 * A word whose translation depends on where it stands (gettext's msgctxt):
 * NC_(context, English) in a table, C_() to translate it where it is shown.
 */
#define NC_(c, s)	(c "\004" s)
#define C_(cs)		i18n_pgettext(cs)

const char	*i18n_pgettext(const char *);

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * The language the values ask for, by the order above: "da" or "en" (a
 * static string).  Any value may be NULL.  Pure: the unit tests call it.
 */
const char	*i18n_decide(const char *language, const char *configured,
		    const char *lc_all, const char *lc_messages,
		    const char *lang);
/* 1 if s is a language velkomst speaks ("da" or "en"). */
int		 i18n_known(const char *s);
/*
 * Bind the text domain to $VELKOMST_LOCALEDIR when set and not empty
 * (tests, `make run`), else to LOCALEDIR, and remember LANGUAGE as the
 * person set it.  Call once, after setlocale and before any _().
 */
void		 i18n_init(void);
/* Decide the default language from the environment and configured (the
 * configuration's `language`, may be NULL or "") and speak it. */
void		 i18n_start(const char *configured);
/* Speak lang ("da" or "en"); NULL, "" or anything else: the default. */
void		 i18n_use(const char *lang);
/* The language spoken now, and the default: "da" or "en". */
const char	*i18n_lang(void);
const char	*i18n_default(void);
/* 1 while velkomst speaks Danish. */
int		 i18n_danish(void);
/*
 * A count as the language writes it, into buf (len >= 32), returned:
 * grouped in thousands ("1,234" in English, "1.234" in Danish), and with
 * "+" when it is cap (cap > 0): a count that stopped at cap
 * (db_household_count_upto) means cap or more, "1,000+" / "1.000+".  A
 * count above cap was counted exactly and is shown as it is.
 */
const char	*i18n_count(long n, long cap, char *buf, size_t len);
/* The text of the language spoken now: da when Danish and da is set (not
 * NULL, not ""), else en. */
const char	*i18n_text(const char *en, const char *da);
/* The other language's name in that language ("Dansk" while English is
 * spoken, "English" while Danish is): what to press for. */
const char	*i18n_other_name(void);

#endif
