/* i18n.h — gettext for every string a user reads. */
#ifndef VELKOMST_I18N_H
#define VELKOMST_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#endif
