/*
 * export-xlsx.c — the workbook of an export (libxlsxwriter): one sheet,
 * a bold header row that stays in view, dates as date cells, each
 * column as wide as its widest text.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "export-xlsx.h"
#include "i18n.h"
#include "util.h"

#define XLSX_WIDTH_MAX	60	/* the widest a column is made */

struct export_xlsx {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold, *date;
	lxw_error	 err;		/* the first error */
	int		*width;		/* each column's widest text */
	size_t		 ncols;
};

/* Note a library call's error; the first one is the one told. */
static void
xlsx_check(struct export_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/* Let column col take w columns of text. */
static void
xlsx_widen(struct export_xlsx *x, size_t col, int w)
{
	size_t	i;

	if (col >= x->ncols) {
		x->width = xreallocarray(x->width, col + 1, sizeof *x->width);
		for (i = x->ncols; i <= col; i++)
			x->width[i] = 0;
		x->ncols = col + 1;
	}
	if (w > x->width[col])
		x->width[col] = w;
}

/* A workbook at path. */
struct export_xlsx *
export_xlsx_open(const char *path, char *err, size_t errlen)
{
	struct export_xlsx	*x;

	x = xcalloc(1, sizeof *x);
	if ((x->wb = workbook_new(path)) == NULL) {
		free(x);
		snprintf(err, errlen, _("The export could not be written to "
		    "%s: velkomst could not make the workbook."), path);
		return NULL;
	}
	x->bold = workbook_add_format(x->wb);
	x->date = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_num_format(x->date, "dd.mm.yyyy");
	return x;
}

/* The sheet, its header frozen. */
void
export_xlsx_sheet(struct export_xlsx *x, const char *name)
{
	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	worksheet_freeze_panes(x->ws, 1, 0);
}

/* A header cell. */
void
export_xlsx_head(struct export_xlsx *x, size_t col, const char *s)
{
	if (x->ws == NULL)
		return;
	xlsx_check(x, worksheet_write_string(x->ws, 0, (lxw_col_t)col, s,
	    x->bold));
	xlsx_widen(x, col, util_text_width(s) + 1);
}

/* A text cell (an empty one is left blank). */
void
export_xlsx_text(struct export_xlsx *x, long row, size_t col, const char *s)
{
	if (x->ws == NULL || *s == '\0')
		return;
	xlsx_check(x, worksheet_write_string(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, s, NULL));
	xlsx_widen(x, col, util_text_width(s));
}

/* A date cell. */
void
export_xlsx_date(struct export_xlsx *x, long row, size_t col, long day)
{
	lxw_datetime	dt = { 0 };

	if (x->ws == NULL)
		return;
	util_date_split(day, &dt.year, &dt.month, &dt.day);
	xlsx_check(x, worksheet_write_datetime(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, &dt, x->date));
	xlsx_widen(x, col, 10);
}

/* A number cell. */
void
export_xlsx_number(struct export_xlsx *x, long row, size_t col, long n)
{
	char	buf[32];

	if (x->ws == NULL)
		return;
	xlsx_check(x, worksheet_write_number(x->ws, (lxw_row_t)row,
	    (lxw_col_t)col, (double)n, NULL));
	xlsx_widen(x, col, snprintf(buf, sizeof buf, "%ld", n));
}

/* workbook_close with stderr on /dev/null: the library prints English
 * there (that would break a curses screen); the caller tells why. */
static lxw_error
xlsx_close(lxw_workbook *wb)
{
	lxw_error	 e;
	int		 saved, null;

	fflush(stderr);
	saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved != -1 && null != -1)
		dup2(null, STDERR_FILENO);
	e = workbook_close(wb);
	fflush(stderr);
	if (saved != -1 && null != -1)
		dup2(saved, STDERR_FILENO);
	if (saved != -1)
		close(saved);
	if (null != -1)
		close(null);
	return e;
}

/* Set the widths, write the workbook and free it. */
int
export_xlsx_close(struct export_xlsx *x, const char *path, char *err,
    size_t errlen)
{
	size_t	i;
	int	w, rc = 0;

	for (i = 0; x->ws != NULL && i < x->ncols; i++) {
		w = x->width[i] + 2;
		xlsx_check(x, worksheet_set_column(x->ws, (lxw_col_t)i,
		    (lxw_col_t)i, w > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX : w,
		    NULL));
	}
	xlsx_check(x, xlsx_close(x->wb));
	if (x->err != LXW_NO_ERROR) {
		snprintf(err, errlen, x->err == LXW_ERROR_MEMORY_MALLOC_FAILED ?
		    _("The export could not be written to %s: the computer ran "
		    "out of memory.") : _("The export could not be written to "
		    "%s (is the disk full?)."), path);
		rc = -1;
	}
	free(x->width);
	free(x);
	return rc;
}
