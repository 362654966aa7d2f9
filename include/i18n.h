/* i18n.h — gettext for every string a user reads. */
#ifndef VELKOMST_I18N_H
#define VELKOMST_I18N_H

#include <libintl.h>

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

#endif
