/*
 * export.c — the writer of every export: csv (RFC 4180), csv for Danish
 * Excel, tsv as the list commands print it, a workbook (report-xlsx.c),
 * or nowhere (counting).  See export.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "export.h"
#include "export-xlsx.h"
#include "i18n.h"
#include "util.h"

static const char *const export_formats[] = {
	[EXPORT_CSV] = "csv", [EXPORT_EXCEL] = "excel", [EXPORT_TSV] = "tsv",
	[EXPORT_XLSX] = "xlsx", [EXPORT_COUNT] = "count",
};

/* The format's name, as the audit trail has it. */
const char *
export_format_name(enum export_format f)
{
	return export_formats[f];
}

/* Start writing to f (or nowhere). */
void
export_out_init(struct export_out *o, enum export_format format, FILE *f)
{
	memset(o, 0, sizeof *o);
	o->format = format;
	o->f = format == EXPORT_COUNT ? NULL : f;
}

/* Start a workbook at path. */
int
export_out_xlsx(struct export_out *o, const char *path, char *err,
    size_t errlen)
{
	export_out_init(o, EXPORT_XLSX, NULL);
	if ((o->x = export_xlsx_open(path, err, errlen)) == NULL)
		return -1;
	return 0;
}

/* Finish the file. */
int
export_out_close(struct export_out *o, const char *path, char *err,
    size_t errlen)
{
	struct export_xlsx	*x = o->x;

	o->x = NULL;
	if (x != NULL)
		return export_xlsx_close(x, path, err, errlen);
	if (o->f != NULL && (fflush(o->f) != 0 || ferror(o->f))) {
		snprintf(err, errlen, _("The export could not be written to "
		    "%s."), path);
		return -1;
	}
	return 0;
}

/* The sheet of the table; the header row comes next. */
void
export_sheet(struct export_out *o, const char *name)
{
	o->header = 1;
	o->col = 0;
	if (o->x != NULL)
		export_xlsx_sheet(o->x, name);
	else if (o->format == EXPORT_EXCEL)
		fputs("\xef\xbb\xbf", o->f);	/* the BOM: UTF-8 to Excel */
}

/* The separator before a cell of delimited text, if it is not the first. */
static void
export_sep(struct export_out *o)
{
	if (o->col > 0)
		fputc(o->format == EXPORT_TSV ? '\t' : o->format ==
		    EXPORT_EXCEL ? ';' : ',', o->f);
}

/* A field of delimited text. */
static void
export_field(struct export_out *o, const char *s)
{
	char	*field;

	export_sep(o);
	if (o->format == EXPORT_TSV)
		field = cli_tsv_safe(s);
	else
		field = util_csv_field(s, o->format == EXPORT_EXCEL ? ';' :
		    ',');
	fputs(field, o->f);
	free(field);
}

/* A cell of text (NULL: empty). */
void
export_text(struct export_out *o, const char *s)
{
	if (s == NULL)
		s = "";
	if (o->x != NULL) {
		if (o->header)
			export_xlsx_head(o->x, o->col, s);
		else
			export_xlsx_text(o->x, o->rows + 1, o->col, s);
	} else if (o->f != NULL)
		export_field(o, s);
	o->col++;
}

/* A cell of the header. */
void
export_head(struct export_out *o, const char *name)
{
	export_text(o, name);
}

/* A cell with a date (DATE_NONE: empty). */
void
export_date(struct export_out *o, long day)
{
	char	buf[16];
	int	y, m, d;

	if (day == DATE_NONE) {
		export_text(o, "");
		return;
	}
	if (o->x != NULL) {
		export_xlsx_date(o->x, o->rows + 1, o->col, day);
		o->col++;
		return;
	}
	if (o->format == EXPORT_EXCEL) {
		util_date_split(day, &y, &m, &d);
		snprintf(buf, sizeof buf, "%02d-%02d-%04d", d, m, y);
	} else
		util_date_iso(day, buf);
	export_text(o, buf);
}

/* A cell with a number. */
void
export_number(struct export_out *o, long n)
{
	char	buf[32];

	if (o->x != NULL) {
		export_xlsx_number(o->x, o->rows + 1, o->col, n);
		o->col++;
		return;
	}
	snprintf(buf, sizeof buf, "%ld", n);
	export_text(o, buf);
}

/* End the row (the header, or a row of the table). */
void
export_end(struct export_out *o)
{
	if (o->f != NULL)
		fputs(o->format == EXPORT_TSV ? "\n" : "\r\n", o->f);
	if (o->header)
		o->header = 0;
	else
		o->rows++;
	o->col = 0;
}

/* The audit row's detail. */
char *
export_audit_detail(const struct export_ask *a, enum export_format f,
    long rows)
{
	/* The trail's content stays in English, whatever the language. */
	return xasprintf("%s %s %ld %s", export_table_name(a->table),
	    export_format_name(f), rows, rows == 1 ? "row" : "rows");
}
