/*
 * test-stored-text.c — `velkomst check` (db_check) reports stored text
 * that velkomst would refuse, written by another tool: a control
 * character, a bidi override, bad UTF-8, a CPR number (also in
 * full-width digits), text too long; in households, members, visits,
 * ambassadors and accounts; by table, record id and field, never with
 * the text.  And the data layer refuses dates outside the years the
 * program supports, for every date it stores.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"
#include "test-db.h"

static const struct who	 admin = { .name = "admin", .role = ROLE_ADMIN };

/* What db_check reported. */
struct lines {
	char	 text[8192];
	int	 n;
};

static void
keep_line(void *ctx, const char *line)
{
	struct lines	*l = ctx;
	size_t		 o = strlen(l->text);

	snprintf(l->text + o, sizeof l->text - o, "%s\n", line);
	l->n++;
}

/* A new database with a household (id 1, member 1), its visit (id 1),
 * an ambassador (id 1) and an account. */
static struct db *
fixture(void)
{
	struct household h;
	struct ambassador a;
	struct visit	 v;
	struct db	*db;
	char		*err;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return NULL;
	}
	memset(&h, 0, sizeof h);
	h.department = "605";
	h.stairwell = "A";
	h.flat = "2. th.";
	h.moved_in = day(2019, 5, 1);
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = "Åse Holm";
	h.nmembers = 1;
	memset(&a, 0, sizeof a);
	a.name = "Ali Amin";
	a.department = "605";
	a.recruited_on = day(2019, 1, 10);
	a.trained_on = DATE_NONE;
	a.consent_on = DATE_NONE;
	memset(&v, 0, sizeof v);
	v.household = 1;
	v.date = day(2019, 5, 20);
	v.ambassador = "Ali Amin";
	v.outcome = VO_DECLINED;
	v.next_date = DATE_NONE;
	if (db_household_add(db, &admin, &h) != DB_OK ||
	    db_ambassador_add(db, &admin, &a) != DB_OK ||
	    db_visit_add(db, &admin, &v, 3) != DB_OK ||
	    db_exec(db, "INSERT INTO account (login, role, hash, created_at, "
	    "created_by) VALUES ('anna', 'ambassador', '$argon2id$x', '', "
	    "'admin')") != SQLITE_OK) {
		TEST_FAIL("fixture: %s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	return db;
}

/* Fail unless the lines hold want. */
static void
has(const struct lines *l, const char *want)
{
	if (strstr(l->text, want) == NULL)
		TEST_FAIL("no \"%s\" in:\n%.700s", want, l->text);
}

/* Text written with another tool into each kind of record. */
static void
text_reported(void)
{
	struct db	*db = fixture();
	struct lines	 l;

	if (db == NULL)
		return;
	memset(&l, 0, sizeof l);
	CHECK_INT(db_check(db, keep_line, &l), 0);
	CHECK(db_exec(db,
	    "UPDATE member SET name = 'Evil' || char(27) || ']0;pwned' || "
	    "char(7) WHERE id = 1;"
	    "UPDATE household SET notes = 'cpr 010190-1234' WHERE id = 1;"
	    "UPDATE household SET flat = '2. th.' || char(8238) WHERE id = 1;"
	    "UPDATE visit SET notes = 'ring ' || "
	    "'\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99"
	    "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94' "
	    "WHERE id = 1;"
	    "UPDATE ambassador SET name = CAST(x'416c69ff' AS TEXT) "
	    "WHERE id = 1;"
	    "UPDATE ambassador SET notes = printf('%.1001c', 'x') WHERE id = 1;"
	    "UPDATE account SET login = '0101901234' WHERE login = 'anna';") ==
	    SQLITE_OK);
	memset(&l, 0, sizeof l);
	CHECK_INT(db_check(db, keep_line, &l), 7);
	CHECK_INT(l.n, 7);
	has(&l, "member 1, field name: The text has a control character");
	has(&l, "household 1, field notes: That looks like a CPR number");
	has(&l, "household 1, field flat: The text has a control character "
	    "or a bidi override");
	has(&l, "visit 1, field notes: That looks like a CPR number");
	has(&l, "ambassador 1, field name: The text is not valid UTF-8");
	has(&l, "ambassador 1, field notes: The note is too long");
	has(&l, "account 1, field login: That login looks like a CPR number");
	/* Never the text itself. */
	CHECK(strstr(l.text, "pwned") == NULL && strstr(l.text, "\033") ==
	    NULL && strstr(l.text, "1234") == NULL &&
	    strstr(l.text, "xxx") == NULL);
	db_close(db);
}

/* The same rules as typing: a member without a letter, a flat too long,
 * a checklist note with a CPR number, an ambassador's stairwell with a
 * control character. */
static void
text_rules(void)
{
	struct db	*db = fixture();
	struct lines	 l;

	if (db == NULL)
		return;
	CHECK(db_exec(db,
	    "UPDATE member SET name = '1234' WHERE id = 1;"
	    "UPDATE household SET flat = '2. th. and a long way down' "
	    "WHERE id = 1;"
	    "INSERT INTO visit_item (visit_id, position, key, title_en, "
	    "title_da, state, "
	    "note) VALUES (1, 0, 'k', 'The area', 'Området', 'done', "
	    "'0101901234');"
	    "INSERT INTO ambassador_stairwell (ambassador_id, stairwell, "
	    "position, department) VALUES (1, 'A' || char(9), 0, '605');") ==
	    SQLITE_OK);
	memset(&l, 0, sizeof l);
	CHECK_INT(db_check(db, keep_line, &l), 4);
	has(&l, "member 1, field name: A name must have at least one letter");
	has(&l, "household 1, field flat: The flat is too long");
	has(&l, "visit 1, field item note: That looks like a CPR number");
	has(&l, "ambassador 1, field stairwell: The text has a control");
	db_close(db);
}

/* Every date the data layer stores is refused outside 1900..2199. */
static void
dates_refused(void)
{
	struct db	*db = fixture();
	struct household h;
	struct ambassador a;
	struct visit	 v;
	struct amb_change c = { .status = AS_PAUSED };
	long		 old = day(1899, 12, 31), late = day(2200, 1, 1);

	if (db == NULL)
		return;
	CHECK_INT(db_household_get(db, &admin, 1, &h), DB_OK);
	h.moved_in = old;
	CHECK_INT(db_household_update(db, &admin, &h), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);
	h.moved_in = day(2019, 5, 1);
	h.consent = 1;
	h.consent_on = late;
	CHECK_INT(db_household_update(db, &admin, &h), DB_INVALID);
	h.consent_on = day(2019, 5, 1);
	h.moved_out = late;
	CHECK_INT(db_household_add(db, &admin, &h), DB_INVALID);
	db_household_clear(&h);
	CHECK_INT(db_household_move_out(db, &admin, 1, late), DB_INVALID);
	CHECK_INT(db_household_handled(db, &admin, 1, old, 3), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);

	memset(&v, 0, sizeof v);
	v.household = 1;
	v.date = day(2019, 5, 25);
	v.ambassador = "Ali Amin";
	v.outcome = VO_NOT_HOME;
	v.next_date = late;
	CHECK_INT(db_visit_add(db, &admin, &v, 3), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);
	v.date = old;
	v.next_date = day(2019, 6, 20);
	CHECK_INT(db_visit_add(db, &admin, &v, 3), DB_INVALID);

	CHECK_INT(db_ambassador_get(db, &admin, 1, &a), DB_OK);
	a.recruited_on = old;
	CHECK_INT(db_ambassador_update(db, &admin, &a), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);
	a.recruited_on = day(2019, 1, 10);
	a.trained_on = late;
	CHECK_INT(db_ambassador_update(db, &admin, &a), DB_INVALID);
	a.trained_on = DATE_NONE;
	a.consent = 1;
	a.consent_on = old;
	CHECK_INT(db_ambassador_add(db, &admin, &a), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);
	db_ambassador_clear(&a);
	c.date = late;
	CHECK_INT(db_ambassador_status(db, &admin, 1, &c), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "1900 and 2199") != NULL);
	/* Nothing of it was written. */
	CHECK_INT(db_check(db, NULL, NULL), 0);
	{
		struct household g;

		CHECK_INT(db_household_get(db, &admin, 1, &g), DB_OK);
		CHECK_INT(g.moved_in, day(2019, 5, 1));
		CHECK_INT(g.moved_out, DATE_NONE);
		db_household_clear(&g);
	}
	db_close(db);
}

int
main(void)
{
	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	RUN("stored-text", text_reported);
	RUN("stored-text", text_rules);
	RUN("stored-text", dates_refused);
	core_key_done();
	TEST_END();
}
