/*
 * export.h — the lists leave velkomst as files a spreadsheet opens:
 * `velkomst export` (cli-export.c) and the secretariat's screens
 * (screen-export.c) write them through the same writer (export.c, and
 * report-xlsx.c for workbooks) from the same rows (export-table.c).
 *
 * Formats:
 *   csv    RFC 4180: UTF-8, ',' between fields, CRLF after each line, a
 *          field quoted when it holds ',', '"', CR or LF ('"' doubled);
 *          dates 2019-06-01.
 *   excel  csv as Danish Excel opens it by a double click: a UTF-8 BOM,
 *          ';' between fields, CRLF, dates 01-06-2019.
 *   tsv    as the list commands print it (cli_tsv_safe fields, tabs,
 *          LF), dates 2019-06-01.
 *   xlsx   a workbook of one sheet named after the table: a bold header
 *          row, frozen; dates as date cells, numbers as numbers, widths
 *          that fit.
 *
 * Households (and overdue, needs the secretariat) have one column per
 * member, "name 1", "name 2", ... as many as the largest household of
 * the export has, then department (its key), stairwell, flat,
 * moved_in, phone, languages (codes, "ar,so"), interpreter (yes/no),
 * consent (yes/no), note: the columns `velkomst import moveins` reads;
 * then id, moved_out, state, and what the list adds.
 */
#ifndef VELKOMST_EXPORT_H
#define VELKOMST_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "db.h"

struct conf;

enum export_format {
	EXPORT_CSV,
	EXPORT_EXCEL,
	EXPORT_TSV,
	EXPORT_XLSX,
	EXPORT_COUNT		/* writes nothing: counts the rows */
};

enum export_table {
	EXPORT_HOUSEHOLDS,	/* the register (hq: search, department, ...) */
	EXPORT_OVERDUE,		/* welcomes past the deadline, the most
				   overdue first; adds days_overdue,
				   attempts */
	EXPORT_FLAGGED,		/* needs the secretariat; adds reasons,
				   attempts */
	EXPORT_VISITS,		/* every visit, newest first */
	EXPORT_AMBASSADORS,	/* by name (aq); no contact details */
	EXPORT_GOAL		/* recruitment toward the goal, by year */
};

/* "csv", "excel", "tsv", "xlsx"; and the table's name as the command
 * takes it ("households", ...; EXPORT_FLAGGED is "secretariat"). */
const char	*export_format_name(enum export_format);
const char	*export_table_name(enum export_table);
/* The table of that name; -1 if none. */
int		 export_table_parse(const char *);

/* What to export. */
struct export_ask {
	enum export_table	 table;
	const struct conf	*conf;
	struct household_query	 hq;	/* the households' tables: the query
					   (filter, today, deadline, ... are
					   set by export_ask_init) */
	struct ambassador_query	 aq;
	int			 members;	/* the most members of a
					   household: export_count sets it */
};
/* Set up a for table: the filter and order of the list, today, the
 * deadline; the caller may then narrow hq or aq. */
void		 export_ask_init(struct export_ask *, enum export_table,
		    const struct conf *);

/* A file being written. */
struct export_xlsx;
struct export_out {
	enum export_format	 format;
	FILE			*f;	/* csv, excel, tsv */
	struct export_xlsx	*x;	/* xlsx */
	size_t			 col;	/* the next cell of the row */
	long			 rows;	/* rows ended (not the header) */
	int			 header;	/* in the header row */
};
/* Write as format (not xlsx) to f, or (EXPORT_COUNT) nowhere. */
void		 export_out_init(struct export_out *, enum export_format,
		    FILE *f);
/* Write a workbook to the file at path (made already: its content is
 * replaced): 0, or -1 with a sentence (translated) in err. */
int		 export_out_xlsx(struct export_out *, const char *path,
		    char *err, size_t errlen);
/* Finish: the workbook written, f flushed (not closed).  0, or -1 with
 * a sentence in err naming path (which the caller removes). */
int		 export_out_close(struct export_out *, const char *path,
		    char *err, size_t errlen);

/* The cells of a table: its sheet and header, then its rows. */
void		 export_sheet(struct export_out *, const char *name);
void		 export_head(struct export_out *, const char *name);
void		 export_text(struct export_out *, const char *s);
void		 export_date(struct export_out *, long day);
void		 export_number(struct export_out *, long n);
void		 export_end(struct export_out *);

/*
 * Count the rows of a, in who's sight, and how many members the largest
 * household of them has (into a->members): the count, or -1 (db_errmsg
 * says why), or -2 when who may not export (ACCESS_EXPORT: an
 * ambassador).  export_write then writes them to out: the count, -1 or
 * -2.  Run both in one snapshot (db_snapshot_begin) so they agree.
 */
long		 export_count(struct db *, const struct who *,
		    struct export_ask *a);
/*
 * What a screen says before the export: the rows of a, counted up to
 * DB_COUNT_CAP for the lists of households (a count of cap means
 * "1,000+") and exactly for the rest, without going through them (the
 * largest household is export_write's to find): the count, -1 or -2 as
 * export_count.
 */
long		 export_count_shown(struct db *, const struct who *,
		    const struct export_ask *a);
long		 export_write(struct db *, const struct who *,
		    const struct export_ask *a, struct export_out *out);

/* Call fn(db, ctx, row) for every household of q in who's sight, a
 * page at a time, until fn returns non-zero: how many, or -1 (fn's
 * failure, or db_errmsg says why). */
long		 export_each_household(struct db *, const struct who *,
		    const struct household_query *,
		    int (*fn)(struct db *, void *, const struct household_row *),
		    void *ctx);

/* The audit row of an export: "households csv 30 rows" (what, the
 * format, how many; never the content).  A new string. */
char		*export_audit_detail(const struct export_ask *,
		    enum export_format, long rows);

#endif
