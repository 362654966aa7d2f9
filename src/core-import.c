/*
 * core-import.c — a move-in list read and checked: the bytes decoded
 * (UTF-8 or Windows-1252, with iconv), split into records by libcsv,
 * the header understood, every row checked with the rules of core and
 * the places of the configuration.  No I/O, no SQL (import.h).
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "core.h"
#include "i18n.h"
#include "import.h"
#include "util.h"

enum col_kind {
	C_UNKNOWN, C_IGNORE, C_DEPT, C_STAIR, C_FLAT, C_MOVED_IN, C_NAMES,
	C_NAME, C_PHONE, C_LANG, C_INTERP, C_CONSENT, C_NOTE
};

/* The names of each kind of column, as their search key without spaces
 * and punctuation ("Indflytningsdato" is "indflytningsdato", "moved_in"
 * "movedin"). */
static const struct col_name {
	enum col_kind	 kind;
	const char	*names[10];
} col_names[] = {
	{ C_DEPT, { "department", "afdeling", "afd", "dept", NULL } },
	{ C_STAIR, { "stairwell", "opgang", "staircase", "entrance", NULL } },
	{ C_FLAT, { "flat", "lejlighed", "lejl", "apartment", "bolig",
	    NULL } },
	{ C_MOVED_IN, { "movedin", "indflytning", "indflytningsdato",
	    "moveindate", "movein", "indflyttet", NULL } },
	{ C_NAMES, { "names", "navne", "members", "medlemmer", "beboere",
	    NULL } },
	{ C_PHONE, { "phone", "telefon", "tlf", "telefonnummer",
	    "phonenumber", "mobil", NULL } },
	{ C_LANG, { "languages", "sprog", "language", NULL } },
	{ C_INTERP, { "interpreter", "tolk", "tolkbehov", NULL } },
	{ C_CONSENT, { "consent", "samtykke", NULL } },
	{ C_NOTE, { "note", "notes", "bemaerkning", "bemaerkninger",
	    "noter", "notat", NULL } },
	/* An export's columns that an import does not take. */
	{ C_IGNORE, { "id", "movedout", "fraflytning", "fraflytningsdato",
	    "state", "status", "version", "attempts", "nextdate", NULL } },
	{ C_IGNORE, { "lastvisit", "createdby", "createdat", "updatedby",
	    "updatedat", "consenton", "consentby", "samtykkedato",
	    "languagesother", NULL } },
	{ C_IGNORE, { "flags", "handledon", "closed", "household",
	    "husstand", NULL } },
};

/* One member per column: "navn", "navn 1", "name 2", "medlem 3". */
static const char *const name_stems[] = { "name", "navn", "member", "medlem" };

static const char *const col_help[] = {
	"department / afdeling", "stairwell / opgang", "flat / lejlighed",
	"moved_in / indflytning / indflytningsdato", "names / navne",
	"name 1, name 2 ... / navn 1, navn 2 ...", "phone / telefon",
	"languages / sprog", "interpreter / tolk", "consent / samtykke",
	"note / bemærkning"
};

/* Where libcsv's fields of a record gather, and what the header said. */
struct reader {
	const struct conf	*conf;
	struct import		*out;
	char			**field;	/* the record being read */
	size_t			 nfield, afield;
	enum col_kind		*kind;		/* per column of the header */
	char			**title;	/* the header's names */
	size_t			 ncols;
	long			 row;		/* the record's row (header 1) */
	int			 header_done;
	long			 today;
	size_t			 arows, aproblems;
};

/* The column names understood, for the manual and --help. */
const char *
import_column_name(size_t i)
{
	return i < sizeof col_help / sizeof col_help[0] ? col_help[i] : NULL;
}

/* Parse an --encoding value. */
int
import_encoding_parse(const char *s, enum import_encoding *e)
{
	static const char *const utf8[] = { "utf-8", "utf8", NULL };
	static const char *const cp[] = { "cp1252", "windows-1252",
	    "windows1252", "latin1", "latin-1", "iso-8859-1", "ansi", NULL };
	size_t	 i;

	for (i = 0; utf8[i] != NULL; i++)
		if (strcasecmp(s, utf8[i]) == 0) {
			*e = IMPORT_ENC_UTF8;
			return 0;
		}
	for (i = 0; cp[i] != NULL; i++)
		if (strcasecmp(s, cp[i]) == 0) {
			*e = IMPORT_ENC_CP1252;
			return 0;
		}
	return -1;
}

/* Parse a --delimiter value. */
int
import_delimiter_parse(const char *s)
{
	if (strcmp(s, ";") == 0 || strcasecmp(s, "semicolon") == 0)
		return ';';
	if (strcmp(s, ",") == 0 || strcasecmp(s, "comma") == 0)
		return ',';
	if (strcmp(s, "\t") == 0 || strcmp(s, "\\t") == 0 ||
	    strcasecmp(s, "tab") == 0)
		return '\t';
	return -1;
}

/* The name of a delimiter. */
const char *
import_delimiter_name(int d)
{
	return d == ',' ? "comma" : d == '\t' ? "tab" : "semicolon";
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t	 len, i;
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return 0;	/* overlong, surrogate, above U+10FFFF */
	return len;
}

/* 1 if the n bytes at s are UTF-8. */
static int
utf8_valid(const char *s, size_t n)
{
	size_t	 i = 0, k;

	while (i < n) {
		if ((k = utf8_seq((const unsigned char *)s + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Windows-1252 to UTF-8 with iconv: a new string, or NULL if a byte has
 * no character there. */
static char *
cp1252_to_utf8(const char *s, size_t n, size_t *outlen)
{
	iconv_t	 cd;
	char	*buf, *in = (char *)(uintptr_t)s, *o;
	size_t	 inleft = n, oleft = n * 3 + 1, r;

	if ((cd = iconv_open("UTF-8", "CP1252")) == (iconv_t)-1)
		return NULL;
	o = buf = xmalloc(oleft);
	r = iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(buf);
		return NULL;
	}
	*o = '\0';
	*outlen = (size_t)(o - buf);
	return buf;
}

/* The file as UTF-8 without a BOM: a new string into *text, or the
 * reason it cannot be read. */
static const char *
import_decode(const char *buf, size_t len, enum import_encoding enc,
    struct import *out, char **text, size_t *tlen)
{
	*text = NULL;
	if (len > (size_t)IMPORT_MAX_BYTES)
		return N_("The file is too large to be a move-in list.");
	if (memchr(buf, '\0', len) != NULL)
		return N_("The file is not text (it has zero bytes): save the "
		    "list as CSV.");
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 &&
	    enc != IMPORT_ENC_CP1252) {
		buf += 3;
		len -= 3;
		enc = IMPORT_ENC_UTF8;
	}
	if (enc != IMPORT_ENC_CP1252 && utf8_valid(buf, len)) {
		out->encoding = IMPORT_ENC_UTF8;
		*text = xstrndup(buf, len);
		*tlen = len;
		return NULL;
	}
	if (enc == IMPORT_ENC_UTF8)
		return N_("The file is not UTF-8 text: try --encoding cp1252.");
	out->encoding = IMPORT_ENC_CP1252;
	if ((*text = cp1252_to_utf8(buf, len, tlen)) == NULL)
		return N_("The file is neither UTF-8 nor Windows-1252 text.");
	return NULL;
}

/* The delimiter the header line uses most: ';', tab or ',' (';' when
 * none). */
static int
import_detect(const char *s, size_t n)
{
	size_t	 i, semi = 0, tab = 0, comma = 0;
	int	 quoted = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r') {
			if (semi + tab + comma > 0)
				break;
		} else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
		else if (s[i] == ',')
			comma++;
	}
	if (semi >= tab && semi >= comma)
		return ';';
	return tab >= comma ? '\t' : ',';
}

/* A problem of row (column NULL: the whole row). */
static void
import_problem(struct reader *r, long row, const char *column,
    const char *reason)
{
	struct import	*o = r->out;

	if (o->nproblems == r->aproblems) {
		r->aproblems = r->aproblems ? r->aproblems * 2 : 16;
		o->problems = xreallocarray(o->problems, r->aproblems,
		    sizeof *o->problems);
	}
	o->problems[o->nproblems].row = row;
	o->problems[o->nproblems].column = xstrdup(column);
	o->problems[o->nproblems].reason = reason;
	o->nproblems++;
}

/* The kind of a header's column named s. */
static enum col_kind
import_kind(const char *s)
{
	char	*key, *p, *q;
	size_t	 i, j, n;
	enum col_kind k = C_UNKNOWN;

	if ((key = core_search_key(s)) == NULL)
		return C_UNKNOWN;
	for (p = q = key; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			*q++ = *p;
	*q = '\0';
	for (i = 0; i < sizeof col_names / sizeof col_names[0]; i++)
		for (j = 0; col_names[i].names[j] != NULL; j++)
			if (strcmp(key, col_names[i].names[j]) == 0)
				k = col_names[i].kind;
	for (i = 0; k == C_UNKNOWN && i < 4; i++) {
		n = strlen(name_stems[i]);
		if (strncmp(key, name_stems[i], n) == 0 &&
		    strspn(key + n, "0123456789") == strlen(key + n))
			k = C_NAME;
	}
	free(key);
	return k;
}

/* Read the header: the kind of each column; a file error if a needed
 * one is missing or one appears twice. */
static void
import_header(struct reader *r)
{
	static const enum col_kind need[] = { C_DEPT, C_FLAT, C_MOVED_IN,
	    C_NAMES };
	int	 seen[C_NOTE + 1] = { 0 };
	size_t	 i, n = r->nfield;

	while (n > 0 && r->field[n - 1][strspn(r->field[n - 1], " ")] == '\0')
		n--;		/* empty trailing columns */
	r->ncols = n;
	r->kind = xcalloc(n ? n : 1, sizeof *r->kind);
	r->title = xcalloc(n ? n : 1, sizeof *r->title);
	for (i = 0; i < n; i++) {
		r->title[i] = xstrdup(r->field[i]);
		r->kind[i] = import_kind(r->field[i]);
		if (r->kind[i] == C_UNKNOWN) {
			r->out->unknown = xreallocarray(r->out->unknown,
			    r->out->nunknown + 1, sizeof *r->out->unknown);
			r->out->unknown[r->out->nunknown++] =
			    xstrdup(r->field[i]);
		} else if (r->kind[i] != C_NAME && r->kind[i] != C_IGNORE &&
		    seen[r->kind[i]]++)
			r->out->error = N_("A column appears twice in the "
			    "header.");
		else if (r->kind[i] == C_NAME)
			seen[C_NAMES]++;
	}
	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!seen[need[i]])
			r->out->error = N_("The header (the first row) must "
			    "name at least the columns department, flat, "
			    "moved_in and names (or afdeling, lejlighed, "
			    "indflytning and navne).");
}

/* A field's text with line breaks and tabs made spaces (a note may have
 * them in a spreadsheet): a new string. */
static char *
import_flatten(const char *s)
{
	char	*t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		if (*p == '\r' || *p == '\n' || *p == '\t')
			*p = ' ';
	return t;
}

/* A yes or no: 1, 0, or -1 when it is neither ("" is no). */
static int
import_yes_no(const char *s)
{
	static const char *const yes[] = { "ja", "j", "yes", "y", "x", "1",
	    "true", "sand" };
	static const char *const no[] = { "", "nej", "n", "no", "0",
	    "false", "falsk" };
	size_t	 i;

	s += strspn(s, " ");
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strncasecmp(s, yes[i], strlen(yes[i])) == 0 &&
		    s[strlen(yes[i]) + strspn(s + strlen(yes[i]), " ")] == '\0')
			return 1;
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strncasecmp(s, no[i], strlen(no[i])) == 0 &&
		    s[strlen(no[i]) + strspn(s + strlen(no[i]), " ")] == '\0')
			return 0;
	return -1;
}

/* Text fit to store: NULL when fine (*out a new cleaned string, NULL
 * for empty), else the reason. */
static const char *
import_text(const char *s, const char *(*check)(const char *), char **out)
{
	/* A CPR number is refused as typed, before cleaning too. */
	if (core_looks_like_cpr(s)) {
		*out = NULL;
		return N_("This looks like a CPR number: CPR numbers are "
		    "never stored.");
	}
	return core_clean_field(s, check, out);
}

/* Add one name of row w, checked. */
static const char *
import_name(struct import_row *w, const char *s)
{
	const char	*err;
	char		*t;

	if (s[strspn(s, " \t\r\n")] == '\0')
		return NULL;
	if ((err = import_text(s, core_check_name, &t)) != NULL)
		return err;
	if (w->nnames == IMPORT_MAX_NAMES) {
		free(t);
		return N_("A household has at most 12 members.");
	}
	w->names[w->nnames++] = t;
	return NULL;
}

/* The names of a names field: one a line, else separated by ';'. */
static const char *
import_names(struct import_row *w, const char *s)
{
	const char	*err = NULL, *sep;
	char		*copy, *p, *next;

	sep = strpbrk(s, "\r\n") != NULL ? "\r\n" : ";";
	copy = xstrdup(s);
	for (p = copy; p != NULL && err == NULL; p = next) {
		next = p + strcspn(p, sep);
		if (*next == '\0')
			next = NULL;
		else
			*next++ = '\0';
		err = import_name(w, p);
	}
	free(copy);
	return err;
}

/* Record a problem of row w in column title (NULL: the row). */
static void
import_bad(struct reader *r, struct import_row *w, const char *title,
    const char *reason)
{
	w->fate = IMPORT_BAD;
	import_problem(r, w->row, title, reason);
}

/* The department's stairwell named s (any ASCII case), "" for a
 * department without stairwells; NULL with *err set when there is none. */
static char *
import_stairwell(const struct conf *c, int dept, const char *s,
    const char **err)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->nstairwells; i++) {
		if (c->stairwells[i].department != dept)
			continue;
		n++;
		if (strcasecmp(c->stairwells[i].name, s) == 0)
			return xstrdup(c->stairwells[i].name);
	}
	if (n == 0 && *s == '\0')
		return xstrdup("");
	*err = *s == '\0' ? N_("The stairwell is missing.") :
	    n == 0 ? N_("This department has no stairwells in the "
	    "configuration: leave the stairwell empty.") :
	    N_("There is no such stairwell in this department.");
	return NULL;
}

/* Check the place: department, stairwell and flat. */
static void
import_place(struct reader *r, struct import_row *w, const char **v,
    char **t)
{
	const char	*err = NULL;
	char		*s;
	int		 d = -1;

	if ((err = import_text(v[C_DEPT], NULL, &s)) == NULL) {
		if (s == NULL)
			err = N_("The department is missing.");
		else if ((d = cfg_department_find(r->conf, s)) < 0)
			err = N_("There is no such department in the "
			    "configuration (give its number, name or short "
			    "name).");
		else
			w->department = r->conf->departments[d].key;
		free(s);
	}
	if (err != NULL)
		import_bad(r, w, t[C_DEPT], err);
	if ((err = import_text(v[C_STAIR], NULL, &s)) == NULL && d >= 0)
		w->stairwell = import_stairwell(r->conf, d, s != NULL ? s : "",
		    &err);
	free(s);
	if (err != NULL)
		import_bad(r, w, t[C_STAIR], err);
	if ((err = import_text(v[C_FLAT], core_check_flat, &w->flat)) != NULL)
		import_bad(r, w, t[C_FLAT], err);
	else if (w->flat == NULL)
		import_bad(r, w, t[C_FLAT], core_check_flat(""));
}

/* Check the move-in date: 01-06-2019, 01.06.2019, 1/6/2019, 2019-06-01. */
static void
import_date(struct reader *r, struct import_row *w, const char *v,
    const char *t)
{
	const char	*err;
	char		*s, *p;
	enum date_err	 e;

	s = xstrdup(v);
	for (p = s; *p != '\0'; p++)
		if (*p == '/')
			*p = '.';
	if ((e = util_date_parse(s, &w->moved_in)) != DATE_OK)
		err = e == DATE_EMPTY ? N_("The moved-in date is missing.") :
		    util_date_errstr(e);
	else
		err = core_check_move_dates(w->moved_in, DATE_NONE, r->today);
	free(s);
	if (err != NULL)
		import_bad(r, w, t, err);
}

/* Check the contact details, the yes/no columns and the note. */
static void
import_details(struct reader *r, struct import_row *w, const char **v,
    char **t)
{
	const char	*err;
	char		*s;
	int		 yn;

	if ((err = import_text(v[C_PHONE], core_check_phone, &w->phone)))
		import_bad(r, w, t[C_PHONE], err);
	if ((err = import_text(v[C_LANG], NULL, &s)) == NULL && s != NULL) {
		core_lang_split(s, &w->languages, &w->languages_other);
		if (w->languages_other != NULL)
			err = core_check_languages(w->languages_other);
	}
	free(s);
	if (err != NULL)
		import_bad(r, w, t[C_LANG], err);
	if ((yn = import_yes_no(v[C_INTERP])) < 0)
		import_bad(r, w, t[C_INTERP], N_("Write yes or no (ja or nej)."));
	w->interpreter = yn > 0;
	if ((yn = import_yes_no(v[C_CONSENT])) < 0)
		import_bad(r, w, t[C_CONSENT], N_("Write yes or no (ja or nej)."));
	w->consent = yn > 0;
	s = import_flatten(v[C_NOTE]);
	if ((err = import_text(s, core_check_notes, &w->notes)) != NULL)
		import_bad(r, w, t[C_NOTE], err);
	free(s);
}

/* 1 if every field of the record is empty or spaces. */
static int
import_blank(const struct reader *r, size_t from)
{
	size_t	 i;

	for (i = from; i < r->nfield; i++)
		if (r->field[i][strspn(r->field[i], " \t\r\n")] != '\0')
			return 0;
	return 1;
}

/* Add row w to the result. */
static void
import_keep(struct reader *r, const struct import_row *w)
{
	struct import	*o = r->out;

	if (o->nrows == r->arows) {
		r->arows = r->arows ? r->arows * 2 : 64;
		o->rows = xreallocarray(o->rows, r->arows, sizeof *o->rows);
	}
	o->rows[o->nrows++] = *w;
}

/* Check the record just read as a household. */
static void
import_record(struct reader *r)
{
	struct import_row w;
	const char	*v[C_NOTE + 1], *err;
	char		*t[C_NOTE + 1] = { NULL }, *flat;
	size_t		 i, n;

	if (import_blank(r, 0))
		return;
	memset(&w, 0, sizeof w);
	w.row = r->row;
	for (i = 0; i <= C_NOTE; i++)
		v[i] = "";
	n = r->nfield < r->ncols ? r->nfield : r->ncols;
	for (i = 0; i < n; i++) {
		if (r->kind[i] == C_NAME) {
			/* A line break in one name's cell is a wrapped cell. */
			flat = import_flatten(r->field[i]);
			if ((err = import_name(&w, flat)) != NULL)
				import_bad(r, &w, r->title[i], err);
			free(flat);
			t[C_NAMES] = r->title[i];
		} else if (r->kind[i] != C_IGNORE && r->kind[i] != C_UNKNOWN) {
			v[r->kind[i]] = r->field[i];
			t[r->kind[i]] = r->title[i];
		}
	}
	if (!import_blank(r, r->ncols))
		import_bad(r, &w, NULL, N_("The row has more fields than the "
		    "header has columns."));
	import_place(r, &w, v, t);
	import_date(r, &w, v[C_MOVED_IN], t[C_MOVED_IN]);
	if (*v[C_NAMES] != '\0' && (err = import_names(&w, v[C_NAMES])))
		import_bad(r, &w, t[C_NAMES], err);
	if (w.nnames == 0 && w.fate != IMPORT_BAD)
		import_bad(r, &w, t[C_NAMES], N_("The household has no name: "
		    "write at least one."));
	import_details(r, &w, v, t);
	import_keep(r, &w);
}

/* libcsv: a field of the record ends. */
static void
import_field_cb(void *s, size_t len, void *data)
{
	struct reader	*r = data;

	if (r->nfield == r->afield) {
		r->afield = r->afield ? r->afield * 2 : 16;
		r->field = xreallocarray(r->field, r->afield, sizeof *r->field);
	}
	r->field[r->nfield++] = s != NULL ? xstrndup(s, len) : xstrdup("");
}

/* libcsv: the record ends. */
static void
import_record_cb(int c, void *data)
{
	struct reader	*r = data;
	size_t		 i;

	(void)c;
	if (r->nfield == 0)
		return;
	r->row++;
	if (r->out->error != NULL)
		;
	else if (!r->header_done) {
		if (!import_blank(r, 0)) {
			import_header(r);
			r->header_done = 1;
		} else
			r->row--;
	} else
		import_record(r);
	for (i = 0; i < r->nfield; i++)
		free(r->field[i]);
	r->nfield = 0;
}

/* Only the space is a space around a field (a tab may be the delimiter). */
static int
import_space(unsigned char c)
{
	return c == ' ';
}

/* Split text into records and check them. */
static void
import_split(struct reader *r, const char *text, size_t len)
{
	struct csv_parser p;
	long		 open_row;

	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		r->out->error = N_("Out of memory.");
		return;
	}
	csv_set_delim(&p, (unsigned char)r->out->delimiter);
	csv_set_space_func(&p, import_space);
	if (csv_parse(&p, text, len, import_field_cb, import_record_cb, r) !=
	    len)
		r->out->error = N_("The file could not be read as CSV.");
	/* libcsv's state 2 is "in a field": a quoted field not closed at
	 * the end of the file has swallowed the rest of it. */
	open_row = p.pstate == 2 && p.quoted ? r->row + 1 : 0;
	csv_fini(&p, import_field_cb, import_record_cb, r);
	csv_free(&p);
	if (open_row > 0 && r->out->error == NULL && r->out->nrows > 0 &&
	    r->out->rows[r->out->nrows - 1].row == open_row) {
		r->out->rows[r->out->nrows - 1].fate = IMPORT_BAD;
		import_problem(r, open_row, NULL, N_("A quoted field is not "
		    "closed: the rest of the file was read into it."));
	}
}

/* Free the rows and problems of imp (not its error). */
static void
import_free_rows(struct import *imp)
{
	struct import_row *w;
	size_t		 i, j;

	for (i = 0; i < imp->nrows; i++) {
		w = &imp->rows[i];
		free(w->stairwell);
		free(w->flat);
		for (j = 0; j < w->nnames; j++)
			free(w->names[j]);
		free(w->phone);
		free(w->languages);
		free(w->languages_other);
		free(w->notes);
	}
	free(imp->rows);
	for (i = 0; i < imp->nproblems; i++)
		free(imp->problems[i].column);
	free(imp->problems);
	imp->rows = NULL;
	imp->problems = NULL;
	imp->nrows = imp->nproblems = 0;
	imp->refused = 0;
}

/* Free what imp owns. */
void
import_free(struct import *imp)
{
	size_t	 i;

	import_free_rows(imp);
	for (i = 0; i < imp->nunknown; i++)
		free(imp->unknown[i]);
	free(imp->unknown);
	memset(imp, 0, sizeof *imp);
}

/* Order of rows by place and move-in, then row (for the repeats). */
static int
import_cmp(const void *a, const void *b)
{
	const struct import_row *x = *(struct import_row *const *)a;
	const struct import_row *y = *(struct import_row *const *)b;
	int	 c;

	if ((c = strcmp(x->department, y->department)) != 0 ||
	    (c = strcmp(x->stairwell, y->stairwell)) != 0 ||
	    (c = strcasecmp(x->flat, y->flat)) != 0)
		return c;
	if (x->moved_in != y->moved_in)
		return x->moved_in < y->moved_in ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Mark the rows that repeat an earlier good row of the file. */
void
import_mark_repeats(struct import *imp)
{
	struct import_row **v;
	size_t		 i, n = 0;

	v = xcalloc(imp->nrows ? imp->nrows : 1, sizeof *v);
	for (i = 0; i < imp->nrows; i++)
		if (imp->rows[i].fate != IMPORT_BAD)
			v[n++] = &imp->rows[i];
	qsort(v, n, sizeof *v, import_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i]->department, v[i - 1]->department) != 0 ||
		    strcmp(v[i]->stairwell, v[i - 1]->stairwell) != 0 ||
		    strcasecmp(v[i]->flat, v[i - 1]->flat) != 0 ||
		    v[i]->moved_in != v[i - 1]->moved_in)
			continue;
		v[i]->fate = IMPORT_DUPLICATE;
		v[i]->duplicate_of = 0;
		v[i]->duplicate_row = v[i - 1]->duplicate_row ?
		    v[i - 1]->duplicate_row : v[i - 1]->row;
	}
	free(v);
}

/* The problems of one row (they are in row order). */
size_t
import_row_problems(const struct import *imp, long row, size_t *first)
{
	size_t	 lo = 0, hi = imp->nproblems, n = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (imp->problems[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < imp->nproblems && imp->problems[lo + n].row == row)
		n++;
	return n;
}

/* Read and check a move-in list. */
void
import_parse(const char *buf, size_t len, enum import_encoding enc,
    int delimiter, const struct conf *conf, struct import *out)
{
	struct reader	 r;
	char		*text;
	size_t		 tlen, i;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	r.conf = conf;
	r.out = out;
	r.today = util_today();
	if ((out->error = import_decode(buf, len, enc, out, &text,
	    &tlen)) != NULL)
		return;
	out->delimiter = delimiter ? delimiter : import_detect(text, tlen);
	import_split(&r, text, tlen);
	if (out->error == NULL && !r.header_done)
		out->error = N_("The file is empty: there is no header row.");
	free(text);
	for (i = 0; i < r.ncols; i++)
		free(r.title[i]);
	free(r.title);
	free(r.kind);
	free(r.field);
	for (i = 0; i < out->nrows; i++)
		out->refused += out->rows[i].fate == IMPORT_BAD;
	if (out->error != NULL)
		import_free_rows(out);
}
