/*
 * export-xlsx.h — the workbook of an export (report-xlsx.c), for
 * export.c only: one sheet, a bold frozen header row, date cells,
 * columns as wide as their text.
 */
#ifndef VELKOMST_EXPORT_XLSX_H
#define VELKOMST_EXPORT_XLSX_H

#include <stddef.h>

struct export_xlsx;

/* A workbook at path: NULL with a sentence in err. */
struct export_xlsx *export_xlsx_open(const char *path, char *err,
	    size_t errlen);
void	 export_xlsx_sheet(struct export_xlsx *, const char *name);
/* Cells at row (0: the header, bold), col. */
void	 export_xlsx_head(struct export_xlsx *, size_t col, const char *);
void	 export_xlsx_text(struct export_xlsx *, long row, size_t col,
	    const char *);
void	 export_xlsx_date(struct export_xlsx *, long row, size_t col,
	    long day);
void	 export_xlsx_number(struct export_xlsx *, long row, size_t col,
	    long n);
/* Write and free it: 0, or -1 with a sentence naming path in err. */
int	 export_xlsx_close(struct export_xlsx *, const char *path, char *err,
	    size_t errlen);

#endif
