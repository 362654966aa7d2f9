/*
 * test-db-followup.c — the secretariat's follow-ups: their names and
 * words, what is refused, the trace they leave (the row, the audit row
 * without the note), the desk they take a household off and a newer
 * visit brings it back to (unless the case was closed), the desk's
 * reasons (declined with a note) and its filter by reason, and the list
 * the command line prints.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
static long		 today;		/* VELKOMST_TODAY: 2019-06-15 */

/* Add a household of dept that moved in days ago; its id, or 0. */
static long
house(struct db *db, const char *dept, const char *name, long ago)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)"A 1";
	h.flat = (char *)"2. th.";
	h.moved_in = today - ago;
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* A visit to household hid on date with outcome o and notes. */
static void
visit(struct db *db, long hid, long date, enum visit_outcome o,
    const char *notes)
{
	struct visit	 v;

	memset(&v, 0, sizeof v);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = o;
	v.next_date = o == VO_NOT_HOME ? today + 3 : DATE_NONE;
	v.notes = (char *)notes;
	if (db_visit_add(db, &tester, &v, 3) != DB_OK)
		TEST_FAIL("visit: %s", db_errmsg(db));
}

/* How many households are on the desk for reasons (0: all). */
static long
desk(struct db *db, int reason)
{
	struct household_query q = { .filter = FILTER_FLAGGED,
				    .today = DATE_NONE, .deadline = 14,
				    .stale_days = 60, .reason = reason };
	long	n = -1;

	if (db_household_count(db, &tester, &q, &n) != DB_OK)
		TEST_FAIL("count: %s", db_errmsg(db));
	return n;
}

/* Record a follow-up; its status. */
static enum db_status
follow(struct db *db, const struct who *w, long hid, long date,
    enum followup_action a, enum followup_close c, const char *note)
{
	struct followup	 f;

	memset(&f, 0, sizeof f);
	f.household = hid;
	f.date = date;
	f.action = a;
	f.closes = c;
	f.note = (char *)note;
	return db_followup_add(db, w, &f, 3);
}

/* The stable names go both ways; unknown names are refused. */
static void
test_names(void)
{
	static const char *const acts[] = { "letter", "phone", "visit",
	    "estate_office", "other" };
	static const char *const closes[] = { "", "reached", "unreachable",
	    "moved_out" };
	enum followup_action	 a;
	enum followup_close	 c;
	size_t			 i;

	for (i = 0; i < NFOLLOWUP_ACTION; i++) {
		CHECK_STR(core_followup_action_name((enum followup_action)i),
		    acts[i]);
		CHECK_INT(core_followup_action_parse(acts[i], &a), 0);
		CHECK_INT(a, i);
		CHECK(core_followup_action_label(a)[0] != '\0');
	}
	for (i = 0; i < NFOLLOWUP_CLOSE; i++) {
		CHECK_STR(core_followup_close_name((enum followup_close)i),
		    closes[i]);
		CHECK_INT(core_followup_close_parse(closes[i], &c), 0);
		CHECK_INT(c, i);
	}
	CHECK_INT(core_followup_action_parse("email", &a), -1);
	CHECK_INT(core_followup_action_parse(NULL, &a), -1);
	CHECK_INT(core_followup_close_parse("closed", &c), -1);
	CHECK_STR(core_followup_action_label(FA_ESTATE_OFFICE),
	    "passed to the estate office");
	CHECK_STR(core_followup_close_label(FC_UNREACHABLE),
	    "not to be reached");
	CHECK_STR(core_check_followup_date(today, today - 10, today), NULL);
	CHECK(core_check_followup_date(today + 1, today - 10, today) != NULL);
	CHECK(core_check_followup_date(today - 11, today - 10, today) != NULL);
	CHECK(core_check_followup_date(DATE_NONE, today - 10, today) != NULL);
	/* The desk's reasons. */
	CHECK_STR(core_flags_reason(FLAG_DECLINED), "declined");
	CHECK_STR(core_flags_reason(FLAG_DECLINED | FLAG_REFERRAL),
	    "declined, referral");
	CHECK_INT(core_reason_flag(0), FLAG_ALL);
	CHECK_INT(core_reason_flag(4), FLAG_DECLINED);
	CHECK_INT(core_reason_flag(5), FLAG_ALL);
	CHECK_STR(core_reason_label(4), "declined, with a note");
}

/* A declined visit with a note needs the secretariat; without, not. */
static void
test_declined(void)
{
	struct db		*db = open_mem();
	struct household	 g;
	long			 a, b;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 5);
	b = house(db, "bb605", "Bo Lund", 5);
	visit(db, a, today - 1, VO_DECLINED, "Wants a letter in Arabic.");
	visit(db, b, today - 1, VO_DECLINED, NULL);
	memset(&g, 0, sizeof g);
	CHECK_INT(db_household_get(db, &tester, a, &g), DB_OK);
	CHECK_INT(g.flags, FLAG_DECLINED);
	db_household_clear(&g);
	CHECK_INT(db_household_get(db, &tester, b, &g), DB_OK);
	CHECK_INT(g.flags, 0);
	db_household_clear(&g);
	CHECK_INT(desk(db, 0), 1);
	CHECK_INT(desk(db, FLAG_DECLINED), 1);
	CHECK_INT(desk(db, FLAG_REFERRAL), 0);
	db_close(db);
}

/* The desk's list carries the note and narrows by reason. */
static void
test_reason_filter(void)
{
	struct household_query q = { .filter = FILTER_FLAGGED,
				    .today = DATE_NONE, .deadline = 14,
				    .stale_days = 60, .order = ORDER_URGENT };
	struct db		*db = open_mem();
	struct household_row	*rows;
	size_t			 n = 0;
	long			 a, b, c;
	int			 i;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 10);
	b = house(db, "bb606", "Bo Lund", 20);
	c = house(db, "bb605", "Cai Lund", 200);	/* not reached */
	visit(db, a, today - 1, VO_DECLINED, "Wants a letter in Arabic.");
	for (i = 3; i > 0; i--)
		visit(db, b, today - i, VO_NOT_HOME, NULL);
	CHECK_INT(desk(db, 0), 3);
	CHECK_INT(desk(db, FLAG_DECLINED), 1);
	CHECK_INT(desk(db, FLAG_ATTEMPTS), 1);
	CHECK_INT(desk(db, FLAG_NOT_REACHED), 1);
	CHECK_INT(desk(db, FLAG_REFERRAL), 0);
	q.reason = FLAG_DECLINED;
	CHECK_INT(db_household_list(db, &tester, &q, NULL, 10, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(rows[0].id, a);
		CHECK_STR(rows[0].why_note, "Wants a letter in Arabic.");
	}
	db_household_rows_free(rows, n);
	/* Oldest first: the one not reached, then b, then a. */
	q.reason = 0;
	CHECK_INT(db_household_list(db, &tester, &q, NULL, 10, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(rows[0].id, c);
		CHECK(rows[0].flags & FLAG_NOT_REACHED);
		CHECK_INT(rows[2].id, a);
	}
	db_household_rows_free(rows, n);
	db_close(db);
}

/* What is refused leaves nothing behind. */
static void
test_refusals(void)
{
	struct db	*db = open_mem();
	long		 a;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 10);
	CHECK_INT(follow(db, &amb, a, today, FA_PHONE, FC_NONE, NULL),
	    DB_DENIED);
	CHECK_INT(follow(db, &sec, a, today + 1, FA_PHONE, FC_NONE, NULL),
	    DB_INVALID);
	CHECK_INT(follow(db, &sec, a, today - 11, FA_PHONE, FC_NONE, NULL),
	    DB_INVALID);
	CHECK_INT(follow(db, &sec, a, DATE_NONE, FA_PHONE, FC_NONE, NULL),
	    DB_INVALID);
	CHECK_INT(follow(db, &sec, a, today, FA_PHONE, FC_NONE,
	    "CPR 010190-1234"), DB_INVALID);
	CHECK_INT(follow(db, &sec, a, today, FA_PHONE, FC_NONE,
	    "bell\x07"), DB_INVALID);
	CHECK_INT(follow(db, &sec, a, today, FA_PHONE, FC_NONE,
	    "left\xe2\x80\xaeright"), DB_INVALID);
	CHECK_INT(follow(db, &sec, a, today, (enum followup_action)9,
	    FC_NONE, NULL), DB_INVALID);
	CHECK_INT(follow(db, &sec, 999, today, FA_PHONE, FC_NONE, NULL),
	    DB_NOTFOUND);
	CHECK_INT(one(db, "SELECT count(*) FROM followup"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'followup added'"), 0);
	/* The table's own checks hold without us. */
	CHECK(db_exec(db, "INSERT INTO followup (household_id, date, login, "
	    "action, created_at) VALUES (1, '2019-06-01', 'x', 'email', "
	    "'now')") != SQLITE_OK);
	CHECK(db_exec(db, "INSERT INTO followup (household_id, date, login, "
	    "action, closes, created_at) VALUES (1, '2019-06-01', 'x', "
	    "'phone', 'gone', 'now')") != SQLITE_OK);
	db_close(db);
}

/* The trace: the row, the audit row without the note, the desk. */
static void
test_trace(void)
{
	struct db		*db = open_mem();
	struct followup		*f;
	struct household	 g;
	size_t			 n = 0;
	long			 a;
	int			 i;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 10);
	for (i = 3; i > 0; i--)
		visit(db, a, today - i, VO_NOT_HOME, NULL);
	CHECK_INT(desk(db, 0), 1);
	CHECK_INT(follow(db, &sec, a, today - 1, FA_LETTER, FC_NONE,
	    "  Letter   in Somali. "), DB_OK);
	CHECK_INT(desk(db, 0), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM followup WHERE login = "
	    "'sekretariat' AND action = 'letter' AND closes = '' AND "
	    "date = '2019-06-14' AND note = 'Letter in Somali.'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'followup added' AND tbl = 'followup' AND login = 'sekretariat' "
	    "AND detail = 'household 1'"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE detail LIKE "
	    "'%Somali%'"), 0);
	/* A newer visit brings it back (a declined one with a note). */
	visit(db, a, today, VO_DECLINED, "Says no thanks to everything.");
	CHECK_INT(desk(db, 0), 1);
	CHECK_INT(follow(db, &sec, a, today, FA_PHONE, FC_NONE, NULL), DB_OK);
	CHECK_INT(desk(db, 0), 0);
	/* Dated back, a follow-up brings nothing back. */
	CHECK_INT(follow(db, &sec, a, today - 3, FA_OTHER, FC_NONE, "x"),
	    DB_OK);
	CHECK_INT(desk(db, 0), 0);
	CHECK_INT(db_followup_list(db, &tester, a, 10, &f, &n), DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(f[0].action, FA_PHONE);
		CHECK_INT(f[1].action, FA_LETTER);
		CHECK_STR(f[1].note, "Letter in Somali.");
		CHECK_STR(f[1].login, "sekretariat");
		CHECK_INT(f[2].date, today - 3);
	}
	db_followups_free(f, n);
	/* An ambassador of the department sees what was done, not the
	 * secretariat's notes. */
	CHECK_INT(db_followup_list(db, &amb, a, 10, &f, &n), DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(f[1].action, FA_LETTER);
		CHECK(f[1].note == NULL);
	}
	db_followups_free(f, n);
	memset(&g, 0, sizeof g);
	CHECK_INT(db_household_get(db, &tester, a, &g), DB_OK);
	CHECK_INT(g.closed, FC_NONE);
	db_household_clear(&g);
	db_close(db);
}

/* A follow-up that closes the case keeps it off the desk. */
static void
test_closes(void)
{
	struct db		*db = open_mem();
	struct household	 g;
	long			 a;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 10);
	visit(db, a, today - 2, VO_DECLINED, "Call the daughter.");
	CHECK_INT(desk(db, 0), 1);
	CHECK_INT(follow(db, &sec, a, today - 1, FA_PHONE, FC_UNREACHABLE,
	    NULL), DB_OK);
	CHECK_INT(desk(db, 0), 0);
	visit(db, a, today, VO_DECLINED, "Still no.");
	CHECK_INT(desk(db, 0), 0);
	CHECK_INT(desk(db, FLAG_DECLINED), 0);
	memset(&g, 0, sizeof g);
	CHECK_INT(db_household_get(db, &tester, a, &g), DB_OK);
	CHECK_INT(g.closed, FC_UNREACHABLE);
	CHECK_INT(g.flags, FLAG_DECLINED);
	db_household_clear(&g);
	/* A newer follow-up that does not close opens it again. */
	CHECK_INT(follow(db, &sec, a, today, FA_LETTER, FC_NONE, NULL), DB_OK);
	CHECK_INT(db_household_get(db, &tester, a, &g), DB_OK);
	CHECK_INT(g.closed, FC_NONE);
	db_household_clear(&g);
	db_close(db);
}

/* A schema-8 file: the follow-up table comes, and a declined visit with
 * a note already there puts its household on the desk. */
static void
test_migrate(void)
{
	char		 path[] = "/tmp/velkomst-test-followup-XXXXXX";
	char		*file, *err;
	struct db	*db;
	int		 fd;
	long		 a, b;

	if ((fd = mkstemp(path)) == -1) {
		TEST_FAIL("mkstemp");
		return;
	}
	close(fd);
	unlink(path);
	file = xasprintf("%s.db", path);
	if ((db = db_open(file, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		free(file);
		return;
	}
	a = house(db, "bb605", "Ea Lund", 5);
	b = house(db, "bb605", "Bo Lund", 5);
	visit(db, a, today - 1, VO_DECLINED, "Wants a letter in Arabic.");
	visit(db, b, today - 1, VO_DECLINED, NULL);
	CHECK(db_exec(db, "DROP TABLE followup; UPDATE household SET "
	    "flags = 0; PRAGMA user_version = 8") == SQLITE_OK);
	db_close(db);
	if ((db = reopen(file)) != NULL) {
		CHECK_INT(one(db, "SELECT flags FROM household WHERE id = 1"),
		    FLAG_DECLINED);
		CHECK_INT(one(db, "SELECT flags FROM household WHERE id = 2"),
		    0);
		CHECK_INT(one(db, "SELECT count(*) FROM followup"), 0);
		db_close(db);
	}
	unlink(file);
	free(file);
}

/* Collect what db_followup_each gives as "household:action:closes". */
static void
collect(void *ctx, const struct followup *f)
{
	char	*s = ctx;
	size_t	 len = strlen(s);

	snprintf(s + len, 256 - len, "%ld:%s:%s:%s;", f->household,
	    core_followup_action_name(f->action),
	    core_followup_close_name(f->closes), f->department);
}

/* The list the command line prints: since a day, of one department. */
static void
test_each(void)
{
	struct followup_query	 q = { .since = DATE_NONE };
	struct db		*db = open_mem();
	char			 got[256] = "";
	long			 a, b;

	if (db == NULL)
		return;
	a = house(db, "bb605", "Ea Lund", 10);
	b = house(db, "bb606", "Bo Lund", 10);
	follow(db, &sec, b, today - 2, FA_ESTATE_OFFICE, FC_MOVED_OUT, NULL);
	follow(db, &sec, a, today - 5, FA_VISIT, FC_REACHED, "Fine.");
	follow(db, &sec, a, today, FA_OTHER, FC_NONE, NULL);
	CHECK_INT(db_followup_each(db, &tester, &q, collect, got), DB_OK);
	CHECK_STR(got, "1:visit:reached:bb605;2:estate_office:moved_out:bb606;"
	    "1:other::bb605;");
	got[0] = '\0';
	q.since = today - 2;
	q.department = "bb605";
	CHECK_INT(db_followup_each(db, &tester, &q, collect, got), DB_OK);
	CHECK_STR(got, "1:other::bb605;");
	CHECK_INT(db_followup_each(db, &amb, &q, collect, got), DB_DENIED);
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
	RUN("db-followup", test_names);
	RUN("db-followup", test_declined);
	RUN("db-followup", test_reason_filter);
	RUN("db-followup", test_refusals);
	RUN("db-followup", test_trace);
	RUN("db-followup", test_closes);
	RUN("db-followup", test_each);
	RUN("db-followup", test_migrate);
	core_key_done();
	TEST_END();
}
