/*
 * report-xlsx.c — TEMPORARY stand-in so that the report's branch links
 * alone: the real one (libxlsxwriter) comes from another branch and
 * replaces this file at the merge.
 */
#include <stdio.h>

#include "i18n.h"
#include "report.h"

/* Not built yet: says so. */
int
report_xlsx_write(const struct report *r, const char *path, char *err,
    size_t errlen)
{
	(void)r;
	(void)path;
	snprintf(err, errlen, "%s", _("xlsx is not built yet."));
	return -1;
}
