/*
 * test-person.c — a resident's copy: the JSON escaper, and
 * db_person_read, which gives everything about one household (its
 * visits, follow-ups, consents, audit rows) and nothing about another,
 * not even the rows of a deleted household whose number was given
 * again; the secretariat only.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "db.h"
#include "person.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"

static const struct who	 sec = { .name = "sekretariat",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit", .role = ROLE_AMBASSADOR,
			    .departments = { "605" }, .ndepartments = 1 };
static long		 today;

/* Every character that must be escaped is, and nothing else. */
static void
test_json_string(void)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "", "\"\"" },
		{ "Søren Ærø", "\"Søren Ærø\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "one\ntwo\tthree\r", "\"one\\ntwo\\tthree\\r\"" },
		{ "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
		{ "bad \xff byte", "\"bad \\ufffd byte\"" },
		{ "cut \xc3", "\"cut \\ufffd\"" },
		{ "line\xe2\x80\xa8sep", "\"line\\u2028sep\"" },
		{ "</script>", "\"</script>\"" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = export_json_string(cases[i].in);
		CHECK_STR(s, cases[i].want);
		free(s);
	}
	s = export_json_string(NULL);
	CHECK_STR(s, "\"\"");
	free(s);
}

/* Add a household of department 605 named name; its id, or 0. */
static long
house(struct db *db, const char *name, const char *notes)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)"605";
	h.stairwell = (char *)"A 1";
	h.flat = (char *)"2. th.";
	h.moved_in = today - 20;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	h.notes = (char *)notes;
	if (db_household_add(db, &sec, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* A not-home visit with notes, and a follow-up with a note, to hid. */
static void
visit_and_follow(struct db *db, long hid, const char *note)
{
	struct visit	 v;
	struct followup	 f;

	memset(&v, 0, sizeof v);
	v.household = hid;
	v.date = today - 2;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = VO_NOT_HOME;
	v.next_date = today + 3;
	v.notes = (char *)note;
	if (db_visit_add(db, &sec, &v, 3) != DB_OK)
		TEST_FAIL("visit: %s", db_errmsg(db));
	memset(&f, 0, sizeof f);
	f.household = hid;
	f.date = today - 1;
	f.action = FA_LETTER;
	f.note = (char *)note;
	if (db_followup_add(db, &sec, &f, 3) != DB_OK)
		TEST_FAIL("follow-up: %s", db_errmsg(db));
}

/* 1 if every audit row of p is about household id, its visits or its
 * follow-ups. */
static int
all_own(const struct person *p, long id)
{
	size_t	 i, j;
	int	 own;

	for (i = 0; i < p->naudit; i++) {
		const struct audit_row *r = &p->audit[i];

		own = r->table != NULL && strcmp(r->table, "household") == 0 &&
		    r->record == id;
		for (j = 0; j < p->nvisits && !own; j++)
			own = strcmp(r->table, "visit") == 0 &&
			    r->record == p->visits[j].id;
		for (j = 0; j < p->nfus && !own; j++)
			own = strcmp(r->table, "followup") == 0 &&
			    r->record == p->fus[j].id;
		if (!own)
			return 0;
	}
	return 1;
}

/* Everything about one household, nothing about the other. */
static void
test_read(void)
{
	struct person	 p;
	struct db	*db;
	char		*err;
	long		 a, b;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return;
	}
	a = house(db, "Anna Alfa", "note of A");
	b = house(db, "Bent Beta", "note of B");
	visit_and_follow(db, a, "visit of A");
	visit_and_follow(db, b, "visit of B");
	visit_and_follow(db, b, "again B");
	CHECK(db_exec(db, "INSERT INTO consent (household_id, purpose, "
	    "given_on, given_by, how, withdrawn_on, withdrawn_by, created_at) "
	    "VALUES (1, 'phone', '2019-06-01', 'birgit', 'door', "
	    "'2019-06-10', 'sekretariat', '2019-06-01 10:00:00'), "
	    "(2, 'visit', '2019-06-02', 'lene', 'paper', NULL, NULL, "
	    "'2019-06-02 10:00:00')") == SQLITE_OK);
	CHECK_INT(db_person_read(db, &sec, a, &p), DB_OK);
	CHECK_INT(p.h.id, a);
	CHECK_STR(p.h.members[0], "Anna Alfa");
	CHECK_STR(p.h.notes, "note of A");
	CHECK_INT(p.nvisits, 1);
	CHECK_INT(p.nfus, 1);
	if (p.nfus == 1)
		CHECK_STR(p.fus[0].note, "visit of A");
	CHECK_INT(p.nconsents, 1);
	if (p.nconsents == 1) {
		CHECK_INT(p.consents[0].purpose, CP_PHONE);
		CHECK_STR(p.consents[0].withdrawn_by, "sekretariat");
	}
	CHECK(p.erased_on == DATE_NONE);
	/* Added, its visit, its follow-up. */
	CHECK_INT(p.naudit, 3);
	CHECK(all_own(&p, a));
	db_person_clear(&p);
	CHECK_INT(db_person_read(db, &sec, b, &p), DB_OK);
	CHECK_INT(p.nvisits, 2);
	CHECK(p.nvisits == 2 && p.visits[0].id < p.visits[1].id);
	CHECK_INT(p.naudit, 5);
	CHECK(all_own(&p, b));
	db_person_clear(&p);
	/* An ambassador may not; a household not there is not found. */
	CHECK_INT(db_person_read(db, &amb, a, &p), DB_DENIED);
	CHECK_INT(db_person_read(db, &sec, 99, &p), DB_NOTFOUND);
	db_close(db);
}

/* A deleted household's number given again: its rows stay out. */
static void
test_number_again(void)
{
	struct person	 p;
	struct db	*db;
	char		*err;
	long		 a, b, c;

	if ((db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return;
	}
	a = house(db, "Anna Alfa", NULL);
	b = house(db, "Bent Beta", NULL);
	(void)a;
	CHECK_INT(db_household_delete(db, &sec, b, 1, NULL), DB_OK);
	c = house(db, "Carl Gamma", NULL);
	CHECK_INT(c, b);	/* SQLite gives the highest number again */
	CHECK_INT(db_person_read(db, &sec, c, &p), DB_OK);
	CHECK_STR(p.h.members[0], "Carl Gamma");
	CHECK_INT(p.naudit, 1);
	if (p.naudit == 1)
		CHECK_STR(p.audit[0].kind, "household added");
	db_person_clear(&p);
	db_close(db);
}

int
main(void)
{
	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-15", 1);
	util_today_init(NULL);
	today = util_today();
	RUN("person", test_json_string);
	RUN("person", test_read);
	RUN("person", test_number_again);
	core_key_done();
	TEST_END();
}
