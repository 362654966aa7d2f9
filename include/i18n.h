/* i18n.h — gettext for every string a user reads. */
#ifndef VELKOMST_I18N_H
#define VELKOMST_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)
/* A sentence with a number: the singular, the plural, the number. */
#define P_(s, p, n)	ngettext((s), (p), (unsigned long)(n))

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#endif
