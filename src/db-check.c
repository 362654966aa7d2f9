/*
 * db-check.c — `velkomst check` of stored text: text that velkomst would
 * refuse if someone typed it (a control or bidi-override character, text
 * that is not UTF-8, a CPR number, a name too long ...) but that another
 * tool wrote into the file.  Each is reported by table, record id and
 * field, never with the text itself: the text may be what must not be
 * shown (an escape sequence, a CPR number).  Beside the text, the
 * households whose initials (schema 20) lack the first letter of one of
 * their name words: a search that walks the register would pass them
 * over.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* A field of stored text and the rule velkomst keeps it to. */
struct check_field {
	const char	*table;		/* as the report names it */
	const char	*field;
	const char	*sql;		/* SELECT record id, text */
	const char	*(*rule)(const char *);
};

/* NULL if s is fine as a field without a rule of its own (a key, a
 * login who changed it): no CPR number, not longer than a note. */
static const char *
check_plain(const char *s)
{
	wchar_t	*ws;
	size_t	 n;

	if (core_looks_like_cpr(s))
		return N_("That looks like a CPR number. CPR numbers must never "
		    "be written in velkomst: please remove it.");
	ws = util_text_to_wcs(s, &n);
	free(ws);
	if (n > CORE_NOTES_MAX)
		return N_("The text is too long.");
	return NULL;
}

/* NULL if s may be an optional name (who recruited an ambassador). */
static const char *
check_opt_name(const char *s)
{
	return s[0] == '\0' ? NULL : core_check_name(s);
}

/* A household whose initials lack a letter (the query finds only
 * those): what is wrong, always. */
static const char *
check_initials(const char *s)
{
	(void)s;
	return N_("The first letters kept for its search do not match its "
	    "names, so a search may not find it. Saving the household in "
	    "velkomst sets them right.");
}

#define CHECK_SQL(col, tbl)	"SELECT id, " col " FROM " tbl \
	" WHERE " col " IS NOT NULL ORDER BY id"

/* Every field of text that velkomst keeps, with its rule (and the
 * initials, last). */
static const struct check_field check_fields[] = {
	{ "household", "department", CHECK_SQL("department", "household"),
	    check_plain },
	{ "household", "stairwell", CHECK_SQL("stairwell", "household"),
	    check_plain },
	/* An erased household has no flat (db-erase.c). */
	{ "household", "flat", "SELECT id, flat FROM household WHERE "
	    "id NOT IN (SELECT household_id FROM household_erased) ORDER BY "
	    "id", core_check_flat },
	{ "household", "phone", CHECK_SQL("phone", "household"),
	    core_check_phone },
	{ "household", "languages", CHECK_SQL("languages", "household"),
	    core_check_lang_codes },
	{ "household", "languages_other", CHECK_SQL("languages_other",
	    "household"), core_check_languages },
	{ "household", "notes", CHECK_SQL("notes", "household"),
	    core_check_notes },
	{ "household", "consent_by", CHECK_SQL("consent_by", "household"),
	    check_plain },
	{ "household", "created_by", CHECK_SQL("created_by", "household"),
	    check_plain },
	{ "household", "updated_by", CHECK_SQL("updated_by", "household"),
	    check_plain },
	{ "member", "name", CHECK_SQL("name", "member"), core_check_name },
	{ "visit", "ambassador", CHECK_SQL("ambassador", "visit"),
	    core_check_name },
	{ "visit", "notes", CHECK_SQL("notes", "visit"), core_check_notes },
	{ "visit", "created_by", CHECK_SQL("created_by", "visit"),
	    check_plain },
	{ "visit", "item title", "SELECT visit_id, title_en FROM visit_item "
	    "ORDER BY visit_id, position", check_plain },
	{ "visit", "item Danish title", "SELECT visit_id, title_da FROM "
	    "visit_item WHERE title_da IS NOT NULL ORDER BY visit_id, "
	    "position", check_plain },
	{ "visit", "item note", "SELECT visit_id, note FROM visit_item "
	    "WHERE note IS NOT NULL ORDER BY visit_id, position",
	    core_check_notes },
	{ "ambassador", "name", CHECK_SQL("name", "ambassador"),
	    core_check_name },
	{ "ambassador", "phone", CHECK_SQL("phone", "ambassador"),
	    core_check_phone },
	{ "ambassador", "email", CHECK_SQL("email", "ambassador"),
	    check_plain },
	{ "ambassador", "department", CHECK_SQL("department", "ambassador"),
	    check_plain },
	{ "ambassador", "languages", CHECK_SQL("languages", "ambassador"),
	    core_check_lang_codes },
	{ "ambassador", "languages_other", CHECK_SQL("languages_other",
	    "ambassador"), core_check_languages },
	{ "ambassador", "recruited_by", CHECK_SQL("recruited_by",
	    "ambassador"), check_opt_name },
	{ "ambassador", "notes", CHECK_SQL("notes", "ambassador"),
	    core_check_notes },
	{ "ambassador", "created_by", CHECK_SQL("created_by", "ambassador"),
	    check_plain },
	{ "ambassador", "updated_by", CHECK_SQL("updated_by", "ambassador"),
	    check_plain },
	{ "ambassador", "stairwell", "SELECT ambassador_id, stairwell FROM "
	    "ambassador_stairwell ORDER BY ambassador_id, position",
	    check_plain },
	{ "visit", "story consent_by", "SELECT visit_id, consent_by FROM "
	    "visit_story ORDER BY visit_id", check_plain },
	{ "criteria_record", "title", CHECK_SQL("title", "criteria_record"),
	    core_check_crit_title },
	{ "criteria_record", "paper", CHECK_SQL("paper", "criteria_record"),
	    core_check_crit_paper },
	{ "criteria_record", "created_by", CHECK_SQL("created_by",
	    "criteria_record"), check_plain },
	{ "criteria_record", "updated_by", CHECK_SQL("updated_by",
	    "criteria_record"), check_plain },
	{ "account", "login", CHECK_SQL("login", "account"),
	    core_check_login },
	{ "account", "created_by", CHECK_SQL("created_by", "account"),
	    check_plain },
	/* Not text: each household with a word whose bit its initials lack
	 * (only another tool writes that; db-household.c). */
	{ "household", "initials", "SELECT DISTINCT w.household_id, '' FROM "
	    "name_word w JOIN household h ON h.id = w.household_id WHERE "
	    "h.initials & " DB_INITIAL("w.key") " = 0 ORDER BY 1",
	    check_initials },
};

/* NULL if the stored text s (len bytes) is one velkomst would keep in a
 * field with rule, else what is wrong (N_()). */
static const char *
check_stored(const char *s, size_t len, const char *(*rule)(const char *))
{
	if (memchr(s, '\0', len) != NULL || !util_text_valid(s))
		return N_("The text is not valid UTF-8.");
	if (core_has_forbidden_chars(s))
		return N_("The text has a control character or a bidi "
		    "override, which velkomst never stores.");
	return rule(s);
}

/* Check every row of one field; the count of problems, or -1. */
static int
check_one_field(struct db *db, const struct check_field *c,
    void (*report)(void *, const char *), void *ctx)
{
	sqlite3_stmt	*st;
	const char	*s, *why;
	char		*line;
	int		 rc, n = 0;

	if ((st = db_prepare(db, c->sql)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 1);
		if (s == NULL)
			continue;
		why = check_stored(s, (size_t)sqlite3_column_bytes(st, 1),
		    c->rule);
		if (why == NULL)
			continue;
		n++;
		if (report == NULL)
			continue;
		line = xasprintf(_("%s %lld, field %s: %s"), c->table,
		    sqlite3_column_int64(st, 0), c->field, _(why));
		report(ctx, line);
		free(line);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_sqlite_fail(db, rc);
		return -1;
	}
	return n;
}

/* Stored text velkomst would refuse: one line each; the count, or -1. */
int
db_check_text(struct db *db, void (*report)(void *, const char *),
    void *ctx)
{
	size_t	 i;
	int	 n, total = 0;

	for (i = 0; i < sizeof check_fields / sizeof check_fields[0]; i++) {
		if ((n = check_one_field(db, &check_fields[i], report,
		    ctx)) == -1)
			return -1;
		total += n;
	}
	return total;
}
