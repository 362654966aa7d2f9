/*
 * test-db-ambassador.c — ambassadors in the database: the round trip,
 * what is refused (with nothing stored), updates and conflicts, status
 * changes, the list (search, filters, Danish order, paging both ways),
 * the goal's facts, coverage, the stairwells named, the households'
 * FILTER_OPEN, and the migration of a schema-2 file.
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

#define N(a)	(sizeof (a) / sizeof (a)[0])

static char		 tmpdir[] = "/tmp/velkomst-test-db-amb-XXXXXX";
static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };
static long		 today;		/* VELKOMST_TODAY: 2019-06-15 */

/* Open a database or fail the test. */
static struct db *
open_ok(const char *path)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", path, err);
		free(err);
	}
	return db;
}

/* A valid ambassador of department dept recruited on rec. */
static struct ambassador
amb(const char *name, const char *dept, long rec)
{
	struct ambassador a;

	memset(&a, 0, sizeof a);
	a.name = (char *)name;
	a.department = (char *)dept;
	a.recruited_on = rec;
	a.trained_on = DATE_NONE;
	a.consent_on = DATE_NONE;
	return a;
}

/* Add a or fail the test; its id. */
static long
add_ok(struct db *db, struct ambassador *a)
{
	if (db_ambassador_add(db, &tester, a) != DB_OK) {
		TEST_FAIL("add %s: %s", a->name, db_errmsg(db));
		return 0;
	}
	return a->id;
}

/* Add a plain ambassador; its id. */
static long
add_plain(struct db *db, const char *name, const char *dept, long rec,
    const char *langs)
{
	struct ambassador a = amb(name, dept, rec);

	a.languages = (char *)langs;
	return add_ok(db, &a);
}

/* Record a status change; the result. */
static enum db_status
change(struct db *db, long id, long date, enum amb_status st,
    enum amb_reason r)
{
	struct amb_change c = { date, st, r };

	return db_ambassador_status(db, &tester, id, &c);
}

/* How many ambassadors the query matches (-1 on failure). */
static long
count(struct db *db, const struct ambassador_query *q)
{
	long	 n = -1;

	if (db_ambassador_count(db, &tester, q, &n) != DB_OK)
		TEST_FAIL("count: %s", db_errmsg(db));
	return n;
}

/* The names of the query's rows joined by "|" (new string). */
static char *
names(struct db *db, const struct ambassador_query *q)
{
	struct ambassador_row *rows;
	size_t		 n, i;
	char		*out = xstrdup(""), *t;

	if (db_ambassador_list(db, &tester, q, NULL, 100, &rows, &n) != DB_OK) {
		TEST_FAIL("list: %s", db_errmsg(db));
		return out;
	}
	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", out, i > 0 ? "|" : "", rows[i].name);
		free(out);
		out = t;
	}
	db_ambassador_rows_free(rows, n);
	return out;
}

/* Check that the query's names are want. */
#define CHECK_NAMES(db, q, want) do {					\
	char *got_ = names((db), (q));					\
	CHECK_STR(got_, (want));					\
	free(got_);							\
} while (0)

static void
test_round_trip(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador a, g;

	if (db == NULL)
		return;
	a = amb("  Søren   Ærø-Ålund ", "bb605", day(2019, 3, 1));
	a.stairwells[0] = (char *)"Brøndby Strand 10";
	a.stairwells[1] = (char *)"Brøndby Strand 2";
	a.stairwells[2] = (char *)" Strandesplanaden 5 ";
	a.nstairwells = 3;
	a.languages = (char *)"da,ar";
	a.recruited_by = (char *)"Ib Holm";
	a.trained_on = day(2019, 4, 2);
	a.notes = (char *)"Ring efter kl. 16";
	a.consent = 1;
	a.consent_on = day(2019, 3, 2);
	a.phone = (char *)"+45 12 34 56 78";
	a.email = (char *)"soren@example.dk";
	CHECK(add_ok(db, &a) > 0);
	CHECK_INT(db_ambassador_get(db, &tester, a.id, &g), DB_OK);
	CHECK_INT(g.id, a.id);
	CHECK_STR(g.name, "Søren Ærø-Ålund");
	CHECK_STR(g.department, "bb605");
	CHECK_INT(g.nstairwells, 3);
	CHECK_STR(g.stairwells[0], "Brøndby Strand 10");
	CHECK_STR(g.stairwells[1], "Brøndby Strand 2");
	CHECK_STR(g.stairwells[2], "Strandesplanaden 5");
	CHECK_STR(g.languages, "da,ar");
	CHECK_STR(g.recruited_by, "Ib Holm");
	CHECK_INT(g.recruited_on, day(2019, 3, 1));
	CHECK_INT(g.trained_on, day(2019, 4, 2));
	CHECK_STR(g.notes, "Ring efter kl. 16");
	CHECK_INT(g.consent, 1);
	CHECK_INT(g.consent_on, day(2019, 3, 2));
	CHECK_STR(g.phone, "+45 12 34 56 78");
	CHECK_STR(g.email, "soren@example.dk");
	CHECK_INT(g.nhistory, 0);
	CHECK(g.history == NULL);
	CHECK_INT(g.status, AS_ACTIVE);
	CHECK_INT(g.version, 1);
	CHECK_STR(g.created_by, "tester");
	CHECK_STR(g.updated_by, "tester");
	CHECK(g.created_at != NULL && strlen(g.created_at) == 19);
	db_ambassador_clear(&g);

	/* Arabic, no consent: phone and e-mail are not kept. */
	a = amb("فاطمة علي", "bb606", today);
	a.phone = (char *)"12 34 56 78";
	a.email = (char *)"f@example.dk";
	a.consent_on = day(2019, 1, 1);
	CHECK(add_ok(db, &a) > 0);
	CHECK_INT(db_ambassador_get(db, &tester, a.id, &g), DB_OK);
	CHECK_STR(g.name, "فاطمة علي");
	CHECK(g.phone == NULL);
	CHECK(g.email == NULL);
	CHECK(g.languages == NULL);
	CHECK(g.notes == NULL);
	CHECK(g.recruited_by == NULL);
	CHECK_INT(g.consent, 0);
	CHECK_INT(g.consent_on, DATE_NONE);
	CHECK_INT(g.trained_on, DATE_NONE);
	CHECK_INT(g.nstairwells, 0);
	db_ambassador_clear(&g);

	/* Consent without a date: given today. */
	a = amb("Bo Berg", "bb605", today);
	a.consent = 1;
	a.email = (char *)"bo.berg@mail.example.com";
	CHECK(add_ok(db, &a) > 0);
	CHECK_INT(db_ambassador_get(db, &tester, a.id, &g), DB_OK);
	CHECK_INT(g.consent_on, today);
	CHECK(g.phone == NULL);
	db_ambassador_clear(&g);

	CHECK_INT(db_ambassador_get(db, &tester, 999, &g), DB_NOTFOUND);
	CHECK(g.name == NULL);
	CHECK(db_errmsg(db)[0] != '\0');
	db_close(db);
}

/* Add a and expect DB_INVALID with nothing stored. */
static void
refused(struct db *db, struct ambassador *a, const char *why)
{
	enum db_status	 s = db_ambassador_add(db, &tester, a);

	if (s != DB_INVALID)
		TEST_FAIL("%s: status %d, want DB_INVALID", why, (int)s);
	else if (db_errmsg(db)[0] == '\0')
		TEST_FAIL("%s: no message", why);
	CHECK_INT(a->id, 0);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador_stairwell"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador_word"), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador_language"), 0);
}

static void
test_refusals(void)
{
	static const char *const bad_email[] = {
		"bo", "bo@", "@example.dk", "bo@example", "bo@example.",
		"bo@.dk", "bo berg@example.dk", "bo@@example.dk",
		"bo@x@example.dk", "bo@example..dk", "bo\t@example.dk",
	};
	struct db	*db = open_ok(":memory:");
	struct ambassador a;
	const struct who nobody = { .name = "", .role = ROLE_ADMIN };
	char		 stair[AMBASSADOR_MAX_STAIRWELLS + 1][8], *longmail;
	size_t		 i;

	if (db == NULL)
		return;
	a = amb("Bo Berg", "bb605", today);
	CHECK_INT(db_ambassador_add(db, &nobody, &a), DB_DENIED);
	CHECK_INT(db_ambassador_add(db, NULL, &a), DB_DENIED);
	a = amb(NULL, "bb605", today);
	refused(db, &a, "no name");
	a = amb("   ", "bb605", today);
	refused(db, &a, "blank name");
	a = amb("010190-1234", "bb605", today);
	refused(db, &a, "CPR name");
	a = amb("Bo\x01" "Berg", "bb605", today);
	refused(db, &a, "control character");
	a = amb("Bo \xe2\x80\xae" "Berg", "bb605", today);
	refused(db, &a, "bidi override");
	a = amb("Bo \xff", "bb605", today);
	refused(db, &a, "bad UTF-8");
	a = amb("Bo Berg", "bb605", DATE_NONE);
	refused(db, &a, "no recruitment date");
	a = amb("Bo Berg", "bb605", today + 1);
	refused(db, &a, "recruited in the future");
	a = amb("Bo Berg", "bb605", today - 10);
	a.trained_on = today - 11;
	refused(db, &a, "trained before recruited");
	a.trained_on = today + 1;
	refused(db, &a, "trained in the future");
	a = amb("Bo Berg", NULL, today);
	refused(db, &a, "no department");
	a = amb("Bo Berg", " ", today);
	refused(db, &a, "blank department");
	a = amb("Bo Berg", "bb605", today);
	a.stairwells[0] = (char *)"Brøndby Strand 10";
	a.stairwells[1] = (char *)" Brøndby  Strand 10";
	a.nstairwells = 2;
	refused(db, &a, "stairwell twice");
	a.stairwells[1] = (char *)"";
	refused(db, &a, "empty stairwell");
	for (i = 0; i < N(stair); i++) {
		snprintf(stair[i], sizeof stair[i], "S%zu", i);
		if (i < AMBASSADOR_MAX_STAIRWELLS)
			a.stairwells[i] = stair[i];
	}
	a.nstairwells = AMBASSADOR_MAX_STAIRWELLS + 1;
	refused(db, &a, "too many stairwells");
	a = amb("Bo Berg", "bb605", today);
	a.consent = 1;
	a.phone = (char *)"12 34";
	refused(db, &a, "short phone");
	a.phone = (char *)"010190-1234";
	refused(db, &a, "CPR phone");
	a.phone = NULL;
	for (i = 0; i < N(bad_email); i++) {
		a.email = (char *)bad_email[i];
		refused(db, &a, bad_email[i]);
	}
	longmail = xasprintf("%0*d@example.dk", 110, 0);	/* 121 */
	a.email = longmail;
	refused(db, &a, "long e-mail");
	a = amb("Bo Berg", "bb605", today);
	a.notes = (char *)"cpr 0101901234";
	refused(db, &a, "CPR in notes");
	a.notes = NULL;
	a.languages = (char *)"Danish; Arabic!";
	refused(db, &a, "bad languages");
	a.languages = (char *)"da,xx";
	refused(db, &a, "a code that is no language");
	a.languages = (char *)"ar,ar";
	refused(db, &a, "a language twice");
	a.languages = NULL;
	a.recruited_by = (char *)"123";
	refused(db, &a, "recruited by no name");
	/* Without consent a bad e-mail is simply not kept. */
	a = amb("Bo Berg", "bb605", today);
	a.email = (char *)"not an address";
	a.phone = (char *)"12";
	CHECK(add_ok(db, &a) > 0);
	/* The longest address allowed is kept. */
	free(longmail);
	longmail = xasprintf("%0*d@example.dk", 109, 0);	/* 120 chars */
	a = amb("Ea Berg", "bb605", today);
	a.consent = 1;
	a.email = longmail;
	CHECK(add_ok(db, &a) > 0);
	free(longmail);
	db_close(db);
}

static void
test_update(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador a, g, stale;
	struct ambassador_query q = { .status = -1, .today = DATE_NONE };
	long		 id;

	if (db == NULL)
		return;
	a = amb("Bo Berg", "bb605", day(2019, 1, 10));
	a.stairwells[0] = (char *)"A 1";
	a.nstairwells = 1;
	a.languages = (char *)"da";
	id = add_ok(db, &a);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(db_ambassador_get(db, &tester, id, &stale), DB_OK);
	free(g.name);
	g.name = xstrdup("Åse Holm");
	free(g.department);
	g.department = xstrdup("bb606");
	free(g.stairwells[0]);
	g.stairwells[0] = xstrdup("B 2");
	g.stairwells[1] = xstrdup("B 4");
	g.nstairwells = 2;
	free(g.languages);
	g.languages = xstrdup("so");
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_OK);
	db_ambassador_clear(&g);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_STR(g.name, "Åse Holm");
	CHECK_STR(g.department, "bb606");
	CHECK_INT(g.nstairwells, 2);
	CHECK_STR(g.stairwells[1], "B 4");
	CHECK_INT(g.version, 2);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador_stairwell WHERE "
	    "department = 'bb606'"), 2);
	/* The indexes follow the new name and languages. */
	q.search = "aase";
	CHECK_INT(count(db, &q), 1);
	q.search = "bo";
	CHECK_INT(count(db, &q), 0);
	q.search = NULL;
	q.language = "so";
	CHECK_INT(count(db, &q), 1);
	q.language = "da";
	CHECK_INT(count(db, &q), 0);

	/* The stale copy: nothing overwritten. */
	CHECK_INT(db_ambassador_update(db, &tester, &stale), DB_CONFLICT);
	CHECK(db_errmsg(db)[0] != '\0');
	db_ambassador_clear(&stale);
	db_ambassador_clear(&g);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_STR(g.name, "Åse Holm");
	CHECK_INT(g.version, 2);

	/* An invalid update changes nothing either. */
	free(g.name);
	g.name = xstrdup("");
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_INVALID);
	free(g.name);
	g.name = xstrdup("Åse Holm");
	/* The recruitment date may not move past a status change. */
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_PAUSED, AR_NONE), DB_OK);
	g.version = 3;
	g.recruited_on = day(2019, 2, 2);
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_INVALID);
	g.recruited_on = day(2019, 2, 1);
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_OK);
	db_ambassador_clear(&g);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.recruited_on, day(2019, 2, 1));
	CHECK_INT(g.nhistory, 1);		/* history untouched */
	CHECK_INT(g.version, 4);
	g.id = 999;
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_NOTFOUND);
	g.id = 0;
	CHECK_INT(db_ambassador_update(db, &tester, &g), DB_NOTFOUND);
	db_ambassador_clear(&g);
	db_close(db);
}

static void
test_status(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador g;
	long		 id, id2;

	if (db == NULL)
		return;
	id = add_plain(db, "Bo Berg", "bb605", day(2019, 1, 10), NULL);
	id2 = add_plain(db, "Ea Holm", "bb605", day(2019, 1, 10), NULL);
	/* Refusals, nothing stored. */
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_STOPPED, AR_NONE),
	    DB_INVALID);
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_PAUSED, AR_NO_TIME),
	    DB_INVALID);
	CHECK_INT(change(db, id, day(2019, 1, 9), AS_PAUSED, AR_NONE),
	    DB_INVALID);
	CHECK_INT(change(db, id, today + 1, AS_PAUSED, AR_NONE), DB_INVALID);
	CHECK_INT(change(db, id, DATE_NONE, AS_PAUSED, AR_NONE), DB_INVALID);
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_ACTIVE, AR_NONE),
	    DB_INVALID);
	CHECK_INT(change(db, id, day(2019, 2, 1), (enum amb_status)7,
	    AR_NONE), DB_INVALID);
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_STOPPED,
	    (enum amb_reason)9), DB_INVALID);
	CHECK_INT(db_ambassador_status(db, &tester, id, NULL), DB_INVALID);
	CHECK_INT(change(db, 999, day(2019, 2, 1), AS_PAUSED, AR_NONE),
	    DB_NOTFOUND);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador_status"), 0);
	CHECK_INT(one(db, "SELECT max(version) FROM ambassador"), 1);

	/* Pause, stop with a reason, start again. */
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_PAUSED, AR_NONE), DB_OK);
	CHECK_INT(change(db, id, day(2019, 2, 1), AS_PAUSED, AR_NONE),
	    DB_INVALID);			/* the same status */
	CHECK_INT(change(db, id, day(2019, 1, 31), AS_STOPPED, AR_OTHER),
	    DB_INVALID);			/* before the newest change */
	CHECK_INT(change(db, id, day(2019, 3, 1), AS_STOPPED, AR_MOVED_AWAY),
	    DB_OK);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.status, AS_STOPPED);
	db_ambassador_clear(&g);
	CHECK_INT(change(db, id, day(2019, 3, 1), AS_ACTIVE, AR_NONE), DB_OK);
	CHECK_INT(db_ambassador_get(db, &tester, id, &g), DB_OK);
	CHECK_INT(g.status, AS_ACTIVE);
	CHECK_INT(g.nhistory, 3);
	CHECK_INT(g.version, 4);
	CHECK_STR(g.updated_by, "tester");
	if (g.nhistory == 3) {
		CHECK_INT(g.history[0].date, day(2019, 2, 1));
		CHECK_INT(g.history[0].status, AS_PAUSED);
		CHECK_INT(g.history[0].reason, AR_NONE);
		CHECK_INT(g.history[1].status, AS_STOPPED);
		CHECK_INT(g.history[1].reason, AR_MOVED_AWAY);
		CHECK_INT(g.history[2].date, day(2019, 3, 1));
		CHECK_INT(g.history[2].status, AS_ACTIVE);
	}
	db_ambassador_clear(&g);
	/* The other ambassador is untouched. */
	CHECK_INT(db_ambassador_get(db, &tester, id2, &g), DB_OK);
	CHECK_INT(g.nhistory, 0);
	CHECK_INT(g.version, 1);
	db_ambassador_clear(&g);
	/* A change on today is fine. */
	CHECK_INT(change(db, id2, today, AS_STOPPED, AR_NO_TIME), DB_OK);
	CHECK_INT(db_ambassador_get(db, &tester, id2, &g), DB_OK);
	CHECK_INT(g.status, AS_STOPPED);
	db_ambassador_clear(&g);
	db_close(db);
}

static void
test_list_filters(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador_query q = { .status = -1, .today = DATE_NONE };
	long		 bo, soren;

	if (db == NULL)
		return;
	soren = add_plain(db, "Søren Kierkegaard", "bb605", day(2019, 1, 1),
	    "da,ar");
	add_plain(db, "Fatima Ali", "bb606", day(2019, 1, 1), "arn,ar");
	bo = add_plain(db, "Bo Søndergaard", "bb605", day(2019, 2, 1),
	    "en,fr");
	add_plain(db, "Ali Hassan", "bb606", day(2019, 3, 1), NULL);
	add_plain(db, "Ümit Yılmaz", "bb605", day(2019, 3, 1),
	    "tr,pt");
	CHECK_INT(count(db, &q), 5);
	q.search = "soren";
	CHECK_NAMES(db, &q, "Søren Kierkegaard");
	q.search = "SØR";
	CHECK_NAMES(db, &q, "Søren Kierkegaard");
	q.search = "s";
	CHECK_NAMES(db, &q, "Bo Søndergaard|Søren Kierkegaard");
	q.search = "ali";
	CHECK_NAMES(db, &q, "Ali Hassan|Fatima Ali");
	q.search = "ali fat";
	CHECK_NAMES(db, &q, "Fatima Ali");
	q.search = "umit";
	CHECK_NAMES(db, &q, "Ümit Yılmaz");
	q.search = "kierke x";
	CHECK_INT(count(db, &q), 0);
	q.search = "  ";
	CHECK_INT(count(db, &q), 5);
	q.search = NULL;

	q.department = "bb606";
	CHECK_NAMES(db, &q, "Ali Hassan|Fatima Ali");
	q.department = "nope";
	CHECK_INT(count(db, &q), 0);
	q.department = NULL;

	/* Languages: by code, exactly. */
	q.language = "ar";
	CHECK_NAMES(db, &q, "Fatima Ali|Søren Kierkegaard");
	q.language = "arn";
	CHECK_NAMES(db, &q, "Fatima Ali");
	q.language = "fr";
	CHECK_NAMES(db, &q, "Bo Søndergaard");
	q.language = "pt";
	CHECK_NAMES(db, &q, "Ümit Yılmaz");
	q.language = "a";			/* not a code's start */
	CHECK_INT(count(db, &q), 0);
	q.language = "arabic";			/* names are not codes */
	CHECK_INT(count(db, &q), 0);
	q.language = "";
	CHECK_INT(count(db, &q), 5);
	q.language = "da";
	q.search = "bo";
	CHECK_INT(count(db, &q), 0);
	q.search = NULL;
	q.language = NULL;

	/* Status on the query's day: before and after the changes. */
	CHECK_INT(change(db, soren, day(2019, 4, 1), AS_PAUSED, AR_NONE),
	    DB_OK);
	CHECK_INT(change(db, bo, day(2019, 5, 1), AS_STOPPED, AR_NO_TIME),
	    DB_OK);
	q.status = AS_ACTIVE;
	CHECK_NAMES(db, &q, "Ali Hassan|Fatima Ali|Ümit Yılmaz");
	q.today = day(2019, 4, 30);
	CHECK_NAMES(db, &q, "Ali Hassan|Bo Søndergaard|Fatima Ali|"
	    "Ümit Yılmaz");
	q.status = AS_STOPPED;
	CHECK_INT(count(db, &q), 0);
	q.today = day(2019, 5, 1);
	CHECK_NAMES(db, &q, "Bo Søndergaard");
	q.status = AS_PAUSED;
	CHECK_NAMES(db, &q, "Søren Kierkegaard");
	q.today = day(2019, 3, 31);
	CHECK_INT(count(db, &q), 0);
	q.today = DATE_NONE;
	q.department = "bb605";
	q.status = AS_ACTIVE;
	CHECK_NAMES(db, &q, "Ümit Yılmaz");
	q.status = 9;
	CHECK_INT(count(db, &q), 0);
	db_close(db);
}

/* The row of each list is shown with its status on the query's day. */
static void
test_list_rows(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador_query q = { .status = -1, .today = DATE_NONE };
	struct ambassador_row *rows;
	struct ambassador a;
	size_t		 n;

	if (db == NULL)
		return;
	a = amb("Bo Berg", "bb605", day(2019, 1, 1));
	a.stairwells[0] = (char *)"A 3";
	a.stairwells[1] = (char *)"A 1";
	a.nstairwells = 2;
	a.languages = (char *)"da";
	add_ok(db, &a);
	add_plain(db, "Ea Holm", "bb606", day(2019, 1, 2), NULL);
	CHECK_INT(change(db, a.id, day(2019, 2, 1), AS_PAUSED, AR_NONE), DB_OK);
	CHECK_INT(db_ambassador_list(db, &tester, &q, NULL, 10, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(rows[0].id, a.id);
		CHECK_STR(rows[0].name, "Bo Berg");
		CHECK_STR(rows[0].department, "bb605");
		CHECK_STR(rows[0].stairwells, "A 3, A 1");
		CHECK_STR(rows[0].languages, "da");
		CHECK_INT(rows[0].recruited_on, day(2019, 1, 1));
		CHECK_INT(rows[0].status, AS_PAUSED);
		CHECK(rows[0].sort_key != NULL && rows[0].sort_key[0] != '\0');
		CHECK_STR(rows[1].stairwells, "");
		CHECK(rows[1].languages == NULL);
		CHECK_INT(rows[1].status, AS_ACTIVE);
	}
	db_ambassador_rows_free(rows, n);
	q.today = day(2019, 1, 31);
	CHECK_INT(db_ambassador_list(db, &tester, &q, NULL, 1, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(rows[0].status, AS_ACTIVE);
	db_ambassador_rows_free(rows, n);
	CHECK_INT(db_ambassador_list(db, &tester, &q, NULL, 0, &rows, &n),
	    DB_OK);
	CHECK_INT(n, 0);
	db_ambassador_rows_free(rows, n);
	db_close(db);
}

static void
test_order_paging(void)
{
	/* Danish order: ... Z, Æ, Ø, Å (and Aa as Å); two "Ib Berg". */
	static const char *const want[] = {
		"Anders Bo", "Bent Ask", "Ib Berg", "Ib Berg", "Ole Ring",
		"Zenia Lund", "Ærø Ib", "Øster Mø", "Åge Holm", "Aase Dahl",
	};
	static const char *const add[] = {
		"Åge Holm", "Øster Mø", "Zenia Lund", "Ib Berg", "Aase Dahl",
		"Ærø Ib", "Ole Ring", "Bent Ask", "Ib Berg", "Anders Bo",
	};
	struct db	*db = open_ok(":memory:");
	struct ambassador_query q = { .status = -1, .today = DATE_NONE };
	struct ambassador_row *rows, *page, last;
	size_t		 i, n, np, got = 0;

	if (db == NULL)
		return;
	for (i = 0; i < N(add); i++)
		add_plain(db, add[i], "bb605", today, NULL);
	CHECK_INT(db_ambassador_list(db, &tester, &q, NULL, 100, &rows, &n),
	    DB_OK);
	CHECK_INT(n, N(want));
	for (i = 0; i < n && i < N(want); i++)
		CHECK_STR(rows[i].name, want[i]);
	/* Forward, three at a time. */
	memset(&last, 0, sizeof last);
	for (;;) {
		CHECK_INT(db_ambassador_list(db, &tester, &q, got ? &last :
		    NULL, 3, &page, &np), DB_OK);
		for (i = 0; i < np && got + i < n; i++)
			CHECK_INT(page[i].id, rows[got + i].id);
		got += np;
		if (np > 0) {
			db_ambassador_row_clear(&last);
			last = page[np - 1];
			memset(&page[np - 1], 0, sizeof page[np - 1]);
		}
		db_ambassador_rows_free(page, np);
		if (np < 3)
			break;
	}
	CHECK_INT(got, n);
	/* Backward from the end, nearest first. */
	q.backward = 1;
	CHECK_INT(db_ambassador_list(db, &tester, &q, NULL, 4, &page, &np),
	    DB_OK);
	CHECK_INT(np, 4);
	for (i = 0; i < np; i++)
		CHECK_INT(page[i].id, rows[n - 1 - i].id);
	db_ambassador_rows_free(page, np);
	CHECK_INT(db_ambassador_list(db, &tester, &q, &rows[3], 10, &page,
	    &np), DB_OK);
	CHECK_INT(np, 3);
	for (i = 0; i < np; i++)
		CHECK_INT(page[i].id, rows[2 - i].id);
	db_ambassador_rows_free(page, np);
	CHECK_INT(db_ambassador_list(db, &tester, &q, &rows[0], 10, &page,
	    &np), DB_OK);
	CHECK_INT(np, 0);
	db_ambassador_rows_free(page, np);
	db_ambassador_row_clear(&last);
	db_ambassador_rows_free(rows, n);
	db_close(db);
}

static void
test_facts(void)
{
	struct db	*db = open_ok(":memory:");
	struct amb_fact	*facts;
	struct amb_change *changes;
	enum amb_status	 as;
	size_t		 n;
	long		 a, b, c;

	if (db == NULL)
		return;
	CHECK_INT(db_ambassador_facts(db, &tester, &facts, &n, &changes),
	    DB_OK);
	CHECK_INT(n, 0);
	free(facts);
	free(changes);
	a = add_plain(db, "Bo Berg", "bb605", day(2018, 5, 1), NULL);
	b = add_plain(db, "Ea Holm", "bb605", day(2019, 1, 1), NULL);
	c = add_plain(db, "Ib Ask", "bb606", day(2019, 2, 1), NULL);
	CHECK_INT(change(db, c, day(2019, 3, 1), AS_PAUSED, AR_NONE), DB_OK);
	CHECK_INT(change(db, a, day(2019, 4, 1), AS_STOPPED, AR_MOVED_AWAY),
	    DB_OK);
	CHECK_INT(change(db, c, day(2019, 4, 1), AS_ACTIVE, AR_NONE), DB_OK);
	CHECK_INT(change(db, c, day(2019, 5, 1), AS_STOPPED, AR_OTHER), DB_OK);
	CHECK_INT(db_ambassador_facts(db, &tester, &facts, &n, &changes),
	    DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(facts[0].recruited_on, day(2018, 5, 1));
		CHECK_INT(facts[0].nhistory, 1);
		CHECK(facts[0].history == changes);
		CHECK_INT(facts[1].recruited_on, day(2019, 1, 1));
		CHECK_INT(facts[1].nhistory, 0);
		CHECK_INT(facts[2].nhistory, 3);
		CHECK(facts[2].history == changes + 1);
		CHECK_INT(facts[2].history[0].status, AS_PAUSED);
		CHECK_INT(facts[2].history[2].reason, AR_OTHER);
		CHECK_INT(core_amb_status_on(&facts[0], today, &as), 0);
		CHECK_INT(as, AS_STOPPED);
		CHECK_INT(core_amb_status_on(&facts[1], today, &as), 0);
		CHECK_INT(as, AS_ACTIVE);
		CHECK_INT(core_amb_status_on(&facts[2], day(2019, 4, 15), &as),
		    0);
		CHECK_INT(as, AS_ACTIVE);
		CHECK_INT(core_amb_status_on(&facts[2], day(2019, 3, 15), &as),
		    0);
		CHECK_INT(as, AS_PAUSED);
	}
	(void)b;
	free(facts);
	free(changes);
	db_close(db);
}

/* What db_coverage reported, as "dept/stair=n;" lines. */
static void
cover_cb(void *ctx, const char *dept, const char *stair, int active)
{
	char	**out = ctx, *t;

	t = xasprintf("%s%s/%s=%d;", *out, dept, stair, active);
	free(*out);
	*out = t;
}

/* What db_ambassador_stairwells reported, as "name:dept/stair;". */
static void
stair_cb(void *ctx, long id, const char *name, const char *dept,
    const char *stair)
{
	char	**out = ctx, *t;

	CHECK(id > 0);
	t = xasprintf("%s%s:%s/%s;", *out, name, dept, stair);
	free(*out);
	*out = t;
}

static void
test_coverage(void)
{
	struct db	*db = open_ok(":memory:");
	struct ambassador a;
	char		*out = xstrdup("");
	long		 paused;

	if (db == NULL)
		goto done;
	a = amb("Bo Berg", "bb605", day(2019, 1, 1));
	a.stairwells[0] = (char *)"S 2";
	a.stairwells[1] = (char *)"S 1";
	a.nstairwells = 2;
	add_ok(db, &a);
	a = amb("Ea Holm", "bb605", day(2019, 1, 1));
	a.stairwells[0] = (char *)"S 1";
	a.nstairwells = 1;
	add_ok(db, &a);
	a = amb("Ib Ask", "bb605", day(2019, 1, 1));
	a.stairwells[0] = (char *)"S 3";
	a.nstairwells = 1;
	paused = add_ok(db, &a);
	add_plain(db, "Ole Ring", "bb606", day(2019, 5, 1), NULL);
	add_plain(db, "Aase Dahl", "bb606", day(2019, 1, 1), NULL);
	CHECK_INT(change(db, paused, day(2019, 3, 1), AS_PAUSED, AR_NONE),
	    DB_OK);
	CHECK_INT(db_coverage(db, &tester, today, cover_cb, &out), DB_OK);
	CHECK_STR(out, "bb605/S 1=2;bb605/S 2=1;bb606/=2;");
	free(out);
	out = xstrdup("");
	/* Before the pause, and before Ole Ring was recruited. */
	CHECK_INT(db_coverage(db, &tester, day(2019, 2, 1), cover_cb, &out),
	    DB_OK);
	CHECK_STR(out, "bb605/S 1=2;bb605/S 2=1;bb605/S 3=1;bb606/=1;");
	free(out);
	out = xstrdup("");
	CHECK_INT(db_coverage(db, &tester, DATE_NONE, cover_cb, &out), DB_OK);
	CHECK_STR(out, "bb605/S 1=2;bb605/S 2=1;bb606/=2;");
	free(out);
	out = xstrdup("");
	/* Every stairwell named, paused or not. */
	CHECK_INT(db_ambassador_stairwells(db, &tester, stair_cb, &out),
	    DB_OK);
	CHECK_STR(out, "Bo Berg:bb605/S 2;Bo Berg:bb605/S 1;Ea Holm:bb605/S 1;"
	    "Ib Ask:bb605/S 3;Ole Ring:bb606/;Aase Dahl:bb606/;");
	db_close(db);
done:
	free(out);
}

/* Add a household; its id. */
static long
house(struct db *db, const char *stair, const char *name, long in, long out)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)"bb605";
	h.stairwell = (char *)stair;
	h.flat = (char *)"2. th.";
	h.moved_in = in;
	h.moved_out = out;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK) {
		TEST_FAIL("add %s: %s", name, db_errmsg(db));
		return 0;
	}
	return h.id;
}

/* Add a visit to household hid. */
static void
visit(struct db *db, long hid, long date, enum visit_outcome o, long next)
{
	struct visit_item it[1];
	struct visit	 v;

	memset(&v, 0, sizeof v);
	memset(it, 0, sizeof it);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Fatima Ali";
	v.outcome = o;
	v.next_date = next;
	if (o == VO_WELCOMED || o == VO_PARTLY) {
		it[0].key = (char *)"area";
		it[0].title = (char *)"The area";
		it[0].state = o == VO_WELCOMED ? IS_DONE : IS_LATER;
		v.items = it;
		v.nitems = 1;
	}
	if (db_visit_add(db, &tester, &v, 3) != DB_OK)
		TEST_FAIL("visit %ld: %s", hid, db_errmsg(db));
}

/* How many households of q's stairwell the filter counts. */
static long
hh_count(struct db *db, const char *stair, enum household_filter f,
    long on)
{
	struct household_query q = { .department = "bb605",
	    .order = ORDER_NAME, .stairwell = stair, .filter = f,
	    .today = on };
	long	 n = -1;

	if (db_household_count(db, &tester, &q, &n) != DB_OK)
		TEST_FAIL("count: %s", db_errmsg(db));
	return n;
}

static void
test_filter_open(void)
{
	struct db	*db = open_ok(":memory:");
	long		 h;

	if (db == NULL)
		return;
	house(db, "S 1", "Awaiting Alone", day(2019, 5, 1), DATE_NONE);
	h = house(db, "S 1", "Retry Later", day(2019, 5, 1), DATE_NONE);
	visit(db, h, day(2019, 6, 10), VO_NOT_HOME, day(2019, 6, 20));
	h = house(db, "S 1", "Partly Done", day(2019, 5, 1), DATE_NONE);
	visit(db, h, day(2019, 6, 1), VO_PARTLY, today);
	h = house(db, "S 1", "Welcomed Once", day(2019, 5, 1), DATE_NONE);
	visit(db, h, day(2019, 6, 1), VO_WELCOMED, DATE_NONE);
	h = house(db, "S 1", "Declined Once", day(2019, 5, 1), DATE_NONE);
	visit(db, h, day(2019, 6, 1), VO_DECLINED, DATE_NONE);
	house(db, "S 1", "Moved Away", day(2019, 5, 1), day(2019, 6, 12));
	house(db, "S 1", "Moving Soon", day(2019, 5, 1), day(2019, 7, 1));
	house(db, "S 2", "Other Stair", day(2019, 5, 1), DATE_NONE);
	/* Open: awaiting, retry later, partly, moving soon. */
	CHECK_INT(hh_count(db, "S 1", FILTER_OPEN, today), 4);
	/* Due: not the one whose retry date is ahead. */
	CHECK_INT(hh_count(db, "S 1", FILTER_DUE, today), 3);
	CHECK_INT(hh_count(db, "S 1", FILTER_OPEN, DATE_NONE), 4);
	CHECK_INT(hh_count(db, "S 1", FILTER_OPEN, day(2019, 7, 1)), 3);
	CHECK_INT(hh_count(db, "S 1", FILTER_DUE, day(2019, 6, 20)), 4);
	CHECK_INT(hh_count(db, "S 2", FILTER_OPEN, today), 1);
	CHECK_INT(hh_count(db, "S 9", FILTER_OPEN, today), 0);
	CHECK_INT(hh_count(db, NULL, FILTER_OPEN, today), 5);
	CHECK_INT(hh_count(db, NULL, FILTER_ALL, today), 8);
	db_close(db);
}

/* The tables migration 3 adds. */
static const char drop3[] =
	"DROP TABLE audit; DROP TABLE account_department; DROP TABLE account;"
	"DROP TABLE ambassador_status; DROP TABLE ambassador_stairwell;"
	"DROP TABLE ambassador_language; DROP TABLE ambassador_word;"
	"DROP TABLE ambassador; ALTER TABLE household DROP COLUMN "
	"handled_visit; ALTER TABLE household DROP COLUMN languages_other; "
	"DROP INDEX visit_item_untitled; ALTER TABLE "
	"visit_item DROP COLUMN title_da; ALTER TABLE visit_item RENAME "
	"COLUMN title_en TO title; PRAGMA user_version = 2;";

static void
test_migrate_schema2(void)
{
	char			*path = xasprintf("%s/schema2.db", tmpdir);
	struct ambassador_query	 q = { .search = "soren", .status = -1,
	    .today = DATE_NONE };
	struct household	 g;
	struct db		*db;
	long			 hid;

	/* A schema-2 file: this velkomst's, less what migrations 3 to 7
	 * add (migrations 1 and 2 never change). */
	if ((db = open_ok(path)) == NULL)
		goto out;
	hid = house(db, "S 1", "Åse Holm", day(2019, 5, 1), DATE_NONE);
	visit(db, hid, day(2019, 6, 1), VO_NOT_HOME, day(2019, 6, 20));
	CHECK(db_exec(db, drop3) == SQLITE_OK);
	db_close(db);
	if ((db = open_ok(path)) == NULL)
		goto out;
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_master WHERE "
	    "name LIKE 'ambassador%' AND type = 'table'"), 5);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_master WHERE "
	    "name IN ('account', 'account_department', 'audit', "
	    "'audit_no_update', 'audit_no_delete')"), 5);
	CHECK_INT(db_household_get(db, &tester, hid, &g), DB_OK);
	CHECK_STR(g.members[0], "Åse Holm");
	CHECK_INT(g.attempts, 1);
	db_household_clear(&g);
	add_plain(db, "Søren Holm", "bb605", today, "da,ar");
	CHECK_INT(count(db, &q), 1);
	CHECK_INT(db_check(db, NULL, NULL), 0);
	/* New key rules rebuild the ambassadors' keys too. */
	CHECK(db_exec(db, "DELETE FROM ambassador_word; DELETE FROM "
	    "ambassador_language; UPDATE ambassador SET search_key = '', "
	    "sort_key = ''; UPDATE meta SET value = '0' WHERE key = "
	    "'key_version'") == SQLITE_OK);
	CHECK_INT(count(db, &q), 0);
	db_close(db);
	if ((db = open_ok(path)) == NULL)
		goto out;
	CHECK_INT(count(db, &q), 1);
	q.search = NULL;
	q.language = "ar";
	CHECK_INT(count(db, &q), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM ambassador WHERE "
	    "sort_key = '' OR search_key <> 'soeren holm'"), 0);
	CHECK_INT(one(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE "
	    "key = 'key_version'"), CORE_KEY_VERSION);
	CHECK_INT(db_check(db, NULL, NULL), 0);
	db_close(db);
out:
	free(path);
}

int
main(void)
{
	char	*cmd;

	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setenv("VELKOMST_TODAY", "2019-06-15", 1);
	util_today_init(NULL);
	today = util_today();
	RUN("db-ambassador", test_round_trip);
	RUN("db-ambassador", test_refusals);
	RUN("db-ambassador", test_update);
	RUN("db-ambassador", test_status);
	RUN("db-ambassador", test_list_filters);
	RUN("db-ambassador", test_list_rows);
	RUN("db-ambassador", test_order_paging);
	RUN("db-ambassador", test_facts);
	RUN("db-ambassador", test_coverage);
	RUN("db-ambassador", test_filter_open);
	RUN("db-ambassador", test_migrate_schema2);
	core_key_done();
	if (test_failures == 0) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	TEST_END();
}
