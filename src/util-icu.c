/*
 * util-icu.c — ICU's libraries, loaded when velkomst first needs them
 * (util-icu.h says why).
 */
#include <dlfcn.h>
#include <stdio.h>

#include "i18n.h"
#include "util.h"
#include "util-icu.h"

/* The sonames velkomst was built against. */
#define ICU_UC		"libicuuc.so." U_ICU_VERSION_SHORT
#define ICU_I18N	"libicui18n.so." U_ICU_VERSION_SHORT

/* A name as the library has it: ucol_open becomes "ucol_open_72". */
#define ICU_NAME(f)	ICU_NAME_(f)
#define ICU_NAME_(f)	#f

static struct util_icu	 icu;
static int		 icu_loaded;

/* Stop: the libraries are not there, or not whole. */
static void __attribute__((noreturn))
icu_fail(const char *why)
{
	fatal(_("the ICU library (%s), which velkomst needs to sort and "
	    "search names, could not be loaded. Ask whoever looks after "
	    "this computer to install the package libicu%s. (%s)"), ICU_UC,
	    U_ICU_VERSION_SHORT, why != NULL ? why : "?");
}

/* Load the libraries and find each function, once. */
const struct util_icu *
util_icu(void)
{
	void	*uc, *i18n;

	if (icu_loaded)
		return &icu;
	if ((uc = dlopen(ICU_UC, RTLD_NOW | RTLD_LOCAL)) == NULL ||
	    (i18n = dlopen(ICU_I18N, RTLD_NOW | RTLD_LOCAL)) == NULL)
		icu_fail(dlerror());
#define ICU_FIND(f)							\
	if ((*(void **)&icu.f = dlsym(uc, ICU_NAME(f))) == NULL &&	\
	    (*(void **)&icu.f = dlsym(i18n, ICU_NAME(f))) == NULL)	\
		icu_fail(dlerror());
	UTIL_ICU_FUNCTIONS(ICU_FIND)
#undef ICU_FIND
	icu_loaded = 1;
	return &icu;
}

/* 1 once the libraries are loaded. */
int
util_icu_loaded(void)
{
	return icu_loaded;
}
