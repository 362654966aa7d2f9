/*
 * util-icu.h — ICU, loaded (dlopen) the first time velkomst needs it
 * (util-icu.c): a sort key, a name folded for the search, a note checked,
 * a language named.  Linked, its libraries (and the C++ library under
 * them) were bound before every command and every screen; a command that
 * needs none of that (goal, coverage, visits, ...) now starts about a
 * millisecond sooner (README, Performance).
 *
 * A call is ICU(name)(arguments), with the name and the arguments of the
 * ICU function; the compiler checks them against ICU's own declarations.
 * If the libraries cannot be loaded, velkomst stops with a sentence that
 * names the package (fatal()).
 */
#ifndef VELKOMST_UTIL_ICU_H
#define VELKOMST_UTIL_ICU_H

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

/* X(name) for each ICU function velkomst calls. */
#define UTIL_ICU_FUNCTIONS(X)						\
	X(u_charDigitValue) X(u_charType) X(u_errorName)		\
	X(u_getCombiningClass) X(u_hasBinaryProperty)			\
	X(u_isUWhiteSpace) X(u_isalnum) X(u_isdigit)			\
	X(u_strFoldCase) X(u_strFromUTF8) X(u_strFromUTF8WithSub)	\
	X(u_strToUTF8) X(u_strToUTF8WithSub)				\
	X(ucol_close) X(ucol_getSortKey) X(ucol_open)			\
	X(uloc_getDisplayLanguage) X(uloc_getISOLanguages)		\
	X(unorm2_getNFCInstance) X(unorm2_getNFDInstance)		\
	X(unorm2_getNFKCInstance) X(unorm2_normalize)

/* The functions, each with the type ICU's header gives it.  (ICU's
 * headers rename each, ucol_open to ucol_open_72: the member is named
 * so too.) */
#define UTIL_ICU_POINTER(f)	__typeof__(f) *f;
struct util_icu {
	UTIL_ICU_FUNCTIONS(UTIL_ICU_POINTER)
};
#undef UTIL_ICU_POINTER

/* The functions, the libraries loaded on the first call. */
const struct util_icu	*util_icu(void);
/* 1 once the libraries are loaded (the tests ask). */
int			 util_icu_loaded(void);

#define ICU(f)	(util_icu()->f)

#endif
