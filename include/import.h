/*
 * import.h — move-in lists from the estate offices: a CSV file read and
 * checked (core-import.c, no I/O: bytes in, rows and problems out),
 * matched against the database and added in one transaction
 * (db-import.c), from the command line (cli-import.c) and the
 * secretariat's screen (screen-import.c).
 *
 * The file: UTF-8 with or without a BOM, or Windows-1252 (taken when the
 * bytes are not UTF-8, or asked for); ';', ',' or tab between fields,
 * detected from the header line when not given; RFC 4180 quotes (quotes,
 * separators and line breaks inside); CRLF or LF; empty lines and empty
 * trailing columns ignored.  The first row is the header: Danish or
 * English names in any case and order (import_column_name lists them).
 * Rows are numbered as a spreadsheet shows them: the header is row 1,
 * empty lines are not counted.
 */
#ifndef VELKOMST_IMPORT_H
#define VELKOMST_IMPORT_H

#include <stddef.h>

struct conf;

#define IMPORT_MAX_BYTES	(256L * 1024 * 1024)	/* the largest file */
#define IMPORT_MAX_NAMES	12	/* HOUSEHOLD_MAX_MEMBERS */

enum import_encoding {
	IMPORT_ENC_AUTO,	/* UTF-8 if the bytes are, else Windows-1252 */
	IMPORT_ENC_UTF8,
	IMPORT_ENC_CP1252
};

/* What becomes of a row. */
enum import_fate {
	IMPORT_ADD,		/* good, and not registered yet */
	IMPORT_DUPLICATE,	/* registered already (or earlier in the file) */
	IMPORT_BAD		/* refused: see its problems */
};

/* One household of the file, checked (the text as it will be stored). */
struct import_row {
	long		 row;		/* its row in the file (header: 1) */
	const char	*department;	/* the configuration's key */
	char		*stairwell;	/* "" for a department without any */
	char		*flat;
	long		 moved_in;
	char		*names[IMPORT_MAX_NAMES];
	size_t		 nnames;
	char		*phone;		/* NULL for none */
	char		*languages;	/* codes "ar,so", or NULL */
	char		*languages_other;	/* words no code was found for */
	int		 interpreter;
	int		 consent;
	char		*notes;
	enum import_fate fate;
	long		 duplicate_of;	/* IMPORT_DUPLICATE: the household's id,
					   0 for a row earlier in the file */
	long		 duplicate_row;	/* or that row */
};

/* Something wrong with a row (or with the file, row 0). */
struct import_problem {
	long		 row;		/* 0: the whole file */
	char		*column;	/* the column's name as the header has
					   it, or NULL for the whole row */
	const char	*reason;	/* N_(): a sentence */
};

struct import {
	struct import_row	*rows;		/* the data rows, good and bad */
	size_t			 nrows;
	struct import_problem	*problems;	/* in row order */
	size_t			 nproblems;
	char			**unknown;	/* header names not understood
						   (ignored) */
	size_t			 nunknown;
	int			 delimiter;	/* the one used: ';', ',', '\t' */
	enum import_encoding	 encoding;	/* the one used */
	const char		*error;		/* N_(): the file cannot be read at
						   all (nothing else is set), or
						   NULL */
	long			 added, duplicates, refused;	/* counts of
						   the fates (db_import_moveins) */
};

/*
 * Read and check the move-in list in buf (len bytes): decode, split,
 * read the header, check every row with the rules of core and the
 * places of conf.  delimiter is ';', ',', '\t', or 0 to detect it.
 * Fills *out (free it with import_free): every data row with fate
 * IMPORT_ADD or IMPORT_BAD, the problems; or out->error.  Never fails
 * otherwise (xmalloc); no I/O.
 */
void	 import_parse(const char *buf, size_t len, enum import_encoding,
	    int delimiter, const struct conf *, struct import *out);
void	 import_free(struct import *);
/* Mark rows that repeat an earlier row of the file (same department,
 * stairwell, flat ignoring ASCII case, move-in) IMPORT_DUPLICATE. */
void	 import_mark_repeats(struct import *);
/* The problems of row r: *first index into imp->problems, count returned. */
size_t	 import_row_problems(const struct import *, long row, size_t *first);
/* The column names understood, for --help and the manual: the i-th as
 * "department / afdeling", or NULL after the last. */
const char *import_column_name(size_t i);
/* Parse "utf-8", "cp1252" (also "windows-1252", "latin1"...): 0 or -1. */
int	 import_encoding_parse(const char *, enum import_encoding *);
/* Parse ";", ",", "tab" (or a tab itself, "\t", "semicolon", "comma"):
 * the character, or -1. */
int	 import_delimiter_parse(const char *);
/* "semicolon", "comma", "tab" (not translated): the name of d. */
const char *import_delimiter_name(int d);

#endif
