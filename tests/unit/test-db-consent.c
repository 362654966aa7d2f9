/*
 * test-db-consent.c — consent per purpose: the names, giving (once),
 * withdrawing, which removes exactly the data the purpose covered and
 * nothing else (the other purposes' data of the same household and every
 * other household's data are compared before and after), the audit rows
 * (the purpose, never a name), who may, and the paths that keep the
 * table in step: the household form's consent, a welcome visit, a
 * success-story mark, and a follow-up's note after a withdrawal.
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

static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };
static const struct who	 sec = { .name = "sekretariat",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit", .role = ROLE_AMBASSADOR,
			    .departments = { "bb605" }, .ndepartments = 1 };
static const struct who	 amb2 = { .name = "lene", .role = ROLE_AMBASSADOR,
			    .departments = { "bb606" }, .ndepartments = 1 };
static long		 today;		/* VELKOMST_TODAY: 2019-06-15 */

/* One text from sql with ?1 = id (new string, "" for NULL). */
static char *
text(struct db *db, const char *sql, long id)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = xstrdup(sqlite3_column_text(st, 0) != NULL ?
			    (const char *)sqlite3_column_text(st, 0) : "");
	}
	if (v == NULL) {
		TEST_FAIL("%s: %s", sql, sqlite3_errmsg(db->h));
		v = xstrdup("");
	}
	sqlite3_finalize(st);
	return v;
}

/* A household of dept with consent, phone and languages; its id. */
static long
house(struct db *db, const char *dept, const char *name, const char *phone)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)"A 1";
	h.flat = (char *)"2. th.";
	h.moved_in = today - 20;
	h.moved_out = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	h.consent = 1;
	h.consent_on = today - 19;
	h.consent_by = (char *)"birgit";
	h.phone = (char *)phone;
	h.languages = (char *)"ar,so";
	h.notes = (char *)"Second floor, the bell is broken.";
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* A welcome on date with notes and a note on one item, marked as a
 * story; its id. */
static long
welcome(struct db *db, long hid, long date, const char *notes)
{
	struct visit_item	 it[2];
	struct visit		 v;

	memset(it, 0, sizeof it);
	it[0].key = (char *)"area";
	it[0].title = (char *)"The area";
	it[0].state = IS_DONE;
	it[0].note = (char *)"Showed the playground.";
	it[1].key = (char *)"laundry";
	it[1].title = (char *)"The laundry";
	it[1].state = IS_NOT_RELEVANT;
	memset(&v, 0, sizeof v);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = VO_WELCOMED;
	v.next_date = DATE_NONE;
	v.notes = (char *)notes;
	v.items = it;
	v.nitems = 2;
	v.story = 1;
	v.story_consent = 1;
	if (db_visit_add(db, &amb, &v, 3) != DB_OK)
		TEST_FAIL("visit: %s", db_errmsg(db));
	return v.id;
}

/* A follow-up by the secretariat with note; its status. */
static enum db_status
follow(struct db *db, long hid, const char *note)
{
	struct followup	 f;

	memset(&f, 0, sizeof f);
	f.household = hid;
	f.date = today - 1;
	f.action = FA_PHONE;
	f.note = (char *)note;
	return db_followup_add(db, &sec, &f, 3);
}

/* Two households of bb605 and one of bb606, each with everything. */
static struct db *
fill(long id[3])
{
	struct db	*db;
	const char	*names[3] = { "Amina Hassan", "Søren Berg",
			    "Lars Holm" };
	const char	*phones[3] = { "20 11 22 33", "20 44 55 66",
			    "20 77 88 99" };
	size_t		 i;

	if ((db = open_mem()) == NULL)
		return NULL;
	for (i = 0; i < 3; i++) {
		id[i] = house(db, i < 2 ? "bb605" : "bb606", names[i],
		    phones[i]);
		if (i == 2)
			break;
		welcome(db, id[i], today - 10, "Kind people.");
		welcome(db, id[i], today - 5, "Asked about the club.");
		if (db_consent_give(db, &sec, id[i], CP_FOLLOWUP, CH_PHONE,
		    today - 2) != DB_OK)
			TEST_FAIL("give: %s", db_errmsg(db));
		if (follow(db, id[i], "Called back about the club.") != DB_OK)
			TEST_FAIL("follow: %s", db_errmsg(db));
	}
	return db;
}

/* The parts of a household's data, each as one text: what each purpose
 * covers, and the rest. */
enum part { PART_PHONE, PART_VNOTES, PART_INOTES, PART_FNOTES, PART_STORY,
	PART_REST, NPART };
static const char *const part_sql[NPART] = {
	"SELECT coalesce(phone, '') || '|' || coalesce(languages, '') || '|' "
	    "|| coalesce(languages_other, '') || '|' || consent || '|' || "
	    "coalesce(consent_on, '') || '|' || coalesce(consent_by, '') "
	    "FROM household WHERE id = ?1",
	"SELECT group_concat(coalesce(notes, '-'), ';') FROM (SELECT notes "
	    "FROM visit WHERE household_id = ?1 ORDER BY id)",
	"SELECT group_concat(coalesce(i.note, '-'), ';') FROM (SELECT i.note "
	    "FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE "
	    "v.household_id = ?1 ORDER BY i.visit_id, i.position) i",
	"SELECT group_concat(coalesce(note, '-'), ';') FROM (SELECT note "
	    "FROM followup WHERE household_id = ?1 ORDER BY id)",
	"SELECT group_concat(s.visit_id || s.consent_on || s.consent_by, ';') "
	    "FROM visit_story s JOIN visit v ON v.id = s.visit_id WHERE "
	    "v.household_id = ?1",
	"SELECT h.department || h.flat || h.moved_in || h.notes || h.state || "
	    "h.attempts || h.flags || h.interpreter || (SELECT "
	    "group_concat(m.name, ';') FROM member m WHERE m.household_id = "
	    "h.id) || (SELECT group_concat(v.date || v.outcome || "
	    "v.ambassador || v.referral, ';') FROM visit v WHERE "
	    "v.household_id = h.id) || (SELECT group_concat(i.key || i.state, "
	    "';') FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE "
	    "v.household_id = h.id) || (SELECT group_concat(f.date || "
	    "f.action || f.login || f.closes, ';') FROM followup f WHERE "
	    "f.household_id = h.id) FROM household h WHERE h.id = ?1",
};

/* Every part of the three households, into snap (free each). */
static void
snapshot(struct db *db, const long id[3], char *snap[3][NPART])
{
	size_t	i, p;

	for (i = 0; i < 3; i++)
		for (p = 0; p < NPART; p++)
			snap[i][p] = text(db, part_sql[p], id[i]);
}

static void
snapshot_free(char *snap[3][NPART])
{
	size_t	i, p;

	for (i = 0; i < 3; i++)
		for (p = 0; p < NPART; p++)
			free(snap[i][p]);
}

/* The parts purpose p covers. */
static int
covers(enum consent_purpose p, enum part part)
{
	switch (p) {
	case CP_PHONE:
		return part == PART_PHONE;
	case CP_VISIT:
		return part == PART_VNOTES || part == PART_INOTES;
	case CP_FOLLOWUP:
		return part == PART_FNOTES;
	default:
		return part == PART_STORY;
	}
}

/* What the covered parts hold after the withdrawal. */
static const char *
emptied(enum part part)
{
	switch (part) {
	case PART_PHONE:
		return "|||0||";
	case PART_VNOTES:
	case PART_FNOTES:
		return part == PART_VNOTES ? "-;-" : "-";
	case PART_INOTES:
		return "-;-;-;-";
	default:
		return "";
	}
}

/* Withdrawing p from the first household removes what p covers there,
 * says so, and changes nothing else. */
static void
withdraw_one(enum consent_purpose p)
{
	struct consent_removed	 want, got;
	struct db		*db;
	char			*before[3][NPART], *after[3][NPART];
	long			 id[3];
	size_t			 i, part;

	if ((db = fill(id)) == NULL)
		return;
	snapshot(db, id, before);
	CHECK_INT(db_consent_covered(db, &amb, id[0], p, &want), DB_OK);
	CHECK_INT(db_consent_withdraw(db, &amb, id[0], p, &got), DB_OK);
	CHECK(memcmp(&want, &got, sizeof want) == 0);
	CHECK_INT(got.phone, p == CP_PHONE);
	CHECK_INT(got.languages, p == CP_PHONE);
	CHECK_INT(got.visit_notes, p == CP_VISIT ? 2 : 0);
	CHECK_INT(got.item_notes, p == CP_VISIT ? 2 : 0);
	CHECK_INT(got.followup_notes, p == CP_FOLLOWUP ? 1 : 0);
	CHECK_INT(got.stories, p == CP_STORY ? 2 : 0);
	snapshot(db, id, after);
	for (i = 0; i < 3; i++)
		for (part = 0; part < NPART; part++) {
			if (i == 0 && covers(p, (enum part)part)) {
				CHECK_STR(after[i][part],
				    emptied((enum part)part));
				CHECK(strcmp(before[i][part],
				    after[i][part]) != 0);
			} else
				CHECK_STR(after[i][part], before[i][part]);
		}
	snapshot_free(before);
	snapshot_free(after);
	db_close(db);
}

static void test_withdraw_visit(void) { withdraw_one(CP_VISIT); }
static void test_withdraw_phone(void) { withdraw_one(CP_PHONE); }
static void test_withdraw_followup(void) { withdraw_one(CP_FOLLOWUP); }
static void test_withdraw_story(void) { withdraw_one(CP_STORY); }

/* The names go both ways; the removed text says what it counts. */
static void
test_names(void)
{
	struct consent_removed	 r;
	enum consent_purpose	 p;
	enum consent_how	 h;
	char			*s;

	CHECK_INT(core_consent_purpose_parse("followup", &p), 0);
	CHECK_INT(p, CP_FOLLOWUP);
	CHECK_STR(core_consent_purpose_name(CP_STORY), "story");
	CHECK_INT(core_consent_purpose_parse("photo", &p), -1);
	CHECK_INT(core_consent_how_parse("paper", &h), 0);
	CHECK_INT(h, CH_PAPER);
	CHECK_INT(core_consent_how_parse("mail", &h), -1);
	memset(&r, 0, sizeof r);
	CHECK(core_consent_removed_text(&r) == NULL);
	r.phone = r.languages = 1;
	s = core_consent_removed_text(&r);
	CHECK_STR(s, "the phone number, the languages");
	free(s);
	memset(&r, 0, sizeof r);
	r.visit_notes = 1;
	r.item_notes = 3;
	s = core_consent_removed_text(&r);
	CHECK_STR(s, "the note of 1 visit, 3 notes on the checklist");
	free(s);
}

/* The paths that write consent: the form, a welcome, a story mark. */
static void
test_paths(void)
{
	struct consent	*c;
	struct db	*db;
	long		 id[3];
	size_t		 n;

	if ((db = fill(id)) == NULL)
		return;
	CHECK_INT(db_consent_list(db, &amb, id[0], &c, &n), DB_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_INT(c[0].purpose, CP_VISIT);
		CHECK_INT(c[0].given_on, today - 10);
		CHECK_STR(c[0].given_by, "birgit");
		CHECK_INT(c[0].how, CH_DOOR);
		CHECK_INT(c[1].purpose, CP_PHONE);
		CHECK_INT(c[1].given_on, today - 19);
		CHECK_INT(c[2].purpose, CP_FOLLOWUP);
		CHECK_INT(c[2].how, CH_PHONE);
		CHECK_STR(c[2].given_by, "sekretariat");
		CHECK_INT(c[3].purpose, CP_STORY);
		CHECK_INT(c[3].withdrawn_on, DATE_NONE);
	}
	db_consents_free(c, n);
	/* The third household: no visit, so phone only. */
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "household_id = 3"), 1);
	/* Unticking consent in the form withdraws the phone row. */
	{
		struct household h;

		CHECK_INT(db_household_get(db, &tester, id[2], &h), DB_OK);
		h.consent = 0;
		free(h.phone);
		free(h.languages);
		h.phone = h.languages = NULL;
		CHECK_INT(db_household_update(db, &tester, &h), DB_OK);
		db_household_clear(&h);
	}
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "household_id = 3 AND purpose = 'phone' AND withdrawn_on = "
	    "'2019-06-15' AND withdrawn_by = 'tester'"), 1);
	/* Giving phone again ticks household.consent. */
	CHECK_INT(db_consent_give(db, &amb2, id[2], CP_PHONE, CH_PAPER,
	    today - 1), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM "
	    "household WHERE id = 3 AND consent_on = '2019-06-14' AND "
	    "consent_by = 'lene'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "household_id = 3"), 2);
	db_close(db);
}

/* What is refused, and who may. */
static void
test_refusals(void)
{
	struct consent_removed	 r;
	struct consent		*c;
	struct db		*db;
	long			 id[3];
	size_t			 n;

	if ((db = fill(id)) == NULL)
		return;
	CHECK_INT(db_consent_give(db, &amb, id[0], CP_PHONE, CH_DOOR,
	    DATE_NONE), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "already given") != NULL);
	CHECK_INT(db_consent_withdraw(db, &tester, id[2], CP_VISIT, &r),
	    DB_INVALID);
	CHECK(strstr(db_errmsg(db), "no consent") != NULL);
	CHECK_INT(db_consent_give(db, &amb, id[0], CP_FOLLOWUP, CH_DOOR,
	    today + 1), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "after today") != NULL);
	/* Another department's household is not there for an ambassador. */
	CHECK_INT(db_consent_list(db, &amb2, id[0], &c, &n), DB_NOTFOUND);
	CHECK_INT(db_consent_withdraw(db, &amb2, id[0], CP_PHONE, &r),
	    DB_NOTFOUND);
	CHECK_INT(db_consent_give(db, &amb2, id[0], CP_FOLLOWUP, CH_DOOR,
	    DATE_NONE), DB_NOTFOUND);
	CHECK_INT(one(db, "SELECT count(*) FROM consent WHERE "
	    "withdrawn_on IS NOT NULL"), 0);
	CHECK_INT(one(db, "SELECT phone IS NOT NULL FROM household WHERE "
	    "id = 1"), 1);
	db_close(db);
}

/* Audit rows name the purpose and the household's number, never a
 * name; a follow-up's note is refused after follow-up was withdrawn. */
static void
test_audit_and_followup(void)
{
	struct consent_removed	 r;
	struct db		*db;
	long			 id[3];

	if ((db = fill(id)) == NULL)
		return;
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'consent given' AND tbl = 'consent' AND detail = "
	    "'household 2: followup'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'consent given' AND detail = 'household 2: visit'"), 1);
	CHECK_INT(db_consent_withdraw(db, &sec, id[1], CP_FOLLOWUP, &r),
	    DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'consent withdrawn' AND detail = 'household 2: followup'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%Berg%' OR detail LIKE '%20 44%'"), 0);
	CHECK_INT(follow(db, id[1], "Another note."), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "withdrawn") != NULL);
	CHECK_INT(follow(db, id[1], NULL), DB_OK);
	CHECK_INT(follow(db, id[0], "A note is fine here."), DB_OK);
	db_close(db);
}

/* A visit of the door not opened (or declined) keeps no note once the
 * visit consent was withdrawn; one that welcomes gives it again. */
static void
test_visit_note_after_withdrawal(void)
{
	struct consent_removed	 r;
	struct visit		 v;
	struct db		*db;
	long			 id[3];

	if ((db = fill(id)) == NULL)
		return;
	CHECK_INT(db_consent_withdraw(db, &sec, id[0], CP_VISIT, &r), DB_OK);
	memset(&v, 0, sizeof v);
	v.household = id[0];
	v.date = today;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = VO_NOT_HOME;
	v.next_date = today + 3;
	v.notes = (char *)"Neighbour says they work late.";
	CHECK_INT(db_visit_add(db, &amb, &v, 3), DB_INVALID);
	if (strstr(db_errmsg(db), "withdrawn") == NULL)
		TEST_FAIL("said: %s", db_errmsg(db));
	v.notes = NULL;
	CHECK_INT(db_visit_add(db, &amb, &v, 3), DB_OK);
	/* Another household's notes are not touched by it. */
	v.household = id[1];
	v.notes = (char *)"Neighbour says they work late.";
	CHECK_INT(db_visit_add(db, &amb, &v, 3), DB_OK);
	db_close(db);
}

/* A withdrawn consent to the visit takes its notes as an erasure does:
 * a declined visit's note, which the yearly report counts ("declined,
 * with a note"), stays as "-", so the report counts the same; and a
 * "-" is no note to take away the next time. */
static void
test_withdraw_keeps_report(void)
{
	static const char declined_sql[] = "SELECT count(*) FROM visit "
	    "WHERE outcome = 'declined' AND coalesce(notes, '') <> ''";
	struct consent_removed	 r;
	struct erase_info	 e;
	struct visit		 v;
	struct db		*db;
	char			 sql[160];
	long			 id[3];

	if ((db = fill(id)) == NULL)
		return;
	memset(&v, 0, sizeof v);
	v.household = id[0];
	v.date = today - 1;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = VO_DECLINED;
	v.next_date = DATE_NONE;
	v.notes = (char *)"Not now, maybe after the summer.";
	CHECK_INT(db_visit_add(db, &amb, &v, 3), DB_OK);
	CHECK_INT(one(db, declined_sql), 1);
	CHECK_INT(db_consent_withdraw(db, &sec, id[0], CP_VISIT, &r), DB_OK);
	CHECK_INT(r.visit_notes, 3);
	CHECK_INT(one(db, declined_sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM visit WHERE "
	    "household_id = %ld AND coalesce(notes, '-') <> '-'", id[0]);
	CHECK_INT(one(db, sql), 0);
	CHECK_INT(db_consent_give(db, &sec, id[0], CP_VISIT, CH_PAPER,
	    DATE_NONE), DB_OK);
	CHECK_INT(db_consent_covered(db, &sec, id[0], CP_VISIT, &r), DB_OK);
	CHECK_INT(r.visit_notes, 0);
	CHECK_INT(r.item_notes, 0);
	/* Nor does an erasure name a "-" among what it takes. */
	CHECK_INT(db_erase_info(db, &sec, id[0], &e), DB_OK);
	CHECK_INT(e.visit_notes, 0);
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
	RUN("db-consent", test_names);
	RUN("db-consent", test_withdraw_visit);
	RUN("db-consent", test_withdraw_phone);
	RUN("db-consent", test_withdraw_followup);
	RUN("db-consent", test_withdraw_story);
	RUN("db-consent", test_paths);
	RUN("db-consent", test_refusals);
	RUN("db-consent", test_audit_and_followup);
	RUN("db-consent", test_visit_note_after_withdrawal);
	RUN("db-consent", test_withdraw_keeps_report);
	core_key_done();
	TEST_END();
}
