/*
 * test-language.c — the language velkomst speaks: the one decision
 * (LANGUAGE, then the configuration, then the locale), switching at run
 * time (gettext really follows, with a compiled catalogue), the choice an
 * account remembers, and each visited item's title in both languages, new
 * and upgraded from schema 6.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"
#include "test-db.h"

#define PIN	"73915824"

static char		 tmpdir[] = "/tmp/velkomst-test-language-XXXXXX";
static const struct who	 tester = { .name = "tester", .role = ROLE_ADMIN };
static const struct account_policy policy = {
	.lockout = { .max_failures = 5, .lock_seconds = 900 },
	.cost = COST_MINIMUM,
};
static int		 nfile;

/* Open a new database file or fail the test. */
static struct db *
open_new(char **path)
{
	struct db	*db;
	char		*err;

	*path = xasprintf("%s/l%d.db", tmpdir, ++nfile);
	if ((db = db_open(*path, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", *path, err);
		free(err);
	}
	return db;
}

/* LANGUAGE first (when it names da or en), then the configuration, then
 * LC_ALL, LC_MESSAGES, LANG; English when nothing says. */
static void
decide(void)
{
	CHECK_STR(i18n_decide(NULL, NULL, NULL, NULL, NULL), "en");
	CHECK_STR(i18n_decide("", "", "", "", ""), "en");
	CHECK_STR(i18n_decide("da", "en", NULL, NULL, NULL), "da");
	CHECK_STR(i18n_decide("en", "da", "da_DK.UTF-8", NULL, NULL), "en");
	CHECK_STR(i18n_decide("da_DK", NULL, NULL, NULL, NULL), "da");
	CHECK_STR(i18n_decide("sv:da:en", NULL, NULL, NULL, NULL), "da");
	CHECK_STR(i18n_decide("de:fr", "da", NULL, NULL, NULL), "da");
	CHECK_STR(i18n_decide("dan", NULL, NULL, NULL, NULL), "en");
	CHECK_STR(i18n_decide("", "da", "C.UTF-8", NULL, NULL), "da");
	CHECK_STR(i18n_decide(NULL, "en", "da_DK.UTF-8", NULL, NULL), "en");
	CHECK_STR(i18n_decide(NULL, "", NULL, NULL, "da_DK.UTF-8"), "da");
	CHECK_STR(i18n_decide(NULL, "", "C.UTF-8", NULL, "da_DK.UTF-8"),
	    "en");
	CHECK_STR(i18n_decide(NULL, "", "", "da_DK.utf8", "en_GB.UTF-8"),
	    "da");
	CHECK_STR(i18n_decide(NULL, "", NULL, NULL, "de_DE.UTF-8"), "en");
	CHECK_STR(i18n_decide(NULL, "xx", NULL, NULL, "POSIX"), "en");
}

/* Write a catalogue with two Danish messages under tmpdir/locale. */
static int
catalogue(void)
{
	char	*po = xasprintf("%s/da.po", tmpdir), *cmd;
	FILE	*f;
	int	 rc;

	if ((f = fopen(po, "w")) == NULL) {
		free(po);
		return -1;
	}
	fputs("msgid \"\"\nmsgstr \"Content-Type: text/plain; "
	    "charset=UTF-8\\n\"\n\nmsgid \"Home\"\nmsgstr \"Hjem\"\n\n"
	    "msgid \"Log out\"\nmsgstr \"Log ud\"\n", f);
	fclose(f);
	cmd = xasprintf("mkdir -p '%s/locale/da/LC_MESSAGES' && msgfmt -o "
	    "'%s/locale/da/LC_MESSAGES/velkomst.mo' '%s'", tmpdir, tmpdir,
	    po);
	rc = system(cmd);
	free(cmd);
	free(po);
	return rc == 0 ? 0 : -1;
}

/* Switching really changes gettext's output, both ways; the checklist's
 * texts follow the same language; "en" is English under a Danish LANG. */
static void
switching(void)
{
	char	*dir = xasprintf("%s/locale", tmpdir);

	if (catalogue() != 0) {
		TEST_FAIL("msgfmt could not make the test catalogue");
		free(dir);
		return;
	}
	setenv("VELKOMST_LOCALEDIR", dir, 1);
	setenv("LANG", "da_DK.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANGUAGE");
	i18n_init();
	i18n_start("");
	CHECK_STR(i18n_default(), "da");	/* from LANG */
	CHECK_STR(_("Home"), "Hjem");
	CHECK_STR(i18n_text("The laundry", "Vaskeriet"), "Vaskeriet");
	CHECK_STR(i18n_other_name(), "English");
	i18n_use("en");
	CHECK_STR(i18n_lang(), "en");
	CHECK_STR(_("Home"), "Home");
	CHECK_STR(i18n_text("The laundry", "Vaskeriet"), "The laundry");
	CHECK_STR(i18n_other_name(), "Dansk");
	i18n_use("da");
	CHECK_STR(_("Log out"), "Log ud");
	CHECK_STR(i18n_text("The laundry", NULL), "The laundry");
	CHECK_STR(i18n_text("The laundry", ""), "The laundry");
	i18n_start("en");		/* the configuration beats LANG */
	CHECK_STR(_("Home"), "Home");
	i18n_use("da");
	i18n_use(NULL);			/* back to the default */
	CHECK_STR(i18n_lang(), "en");
	CHECK_STR(_("Home"), "Home");
	free(dir);
}

/* Log in as anna; the session's language (NULL: none), or "?" when the
 * login fails. */
static char *
login_language(struct db *db)
{
	struct session	 s;
	char		*l;

	if (db_login(db, "anna", PIN, 1559390400LL, &policy, &s) != DB_OK) {
		TEST_FAIL("login: %s", db_errmsg(db));
		return xstrdup("?");
	}
	l = xstrdup(s.language);
	db_session_clear(&s);
	return l;
}

/* An account remembers its choice; NULL follows the default again; only
 * da and en; only a person logged in; no audit row. */
static void
account_language(void)
{
	struct account	 a;
	struct session	 s;
	struct db	*db;
	char		*path, *l;
	long		 rows;

	if ((db = open_new(&path)) == NULL)
		goto out;
	memset(&a, 0, sizeof a);
	a.login = (char *)"boss";
	a.role = ROLE_ADMIN;
	if (db_account_add(db, &tester, &a, "admin-password-1", &policy) !=
	    DB_OK)
		TEST_FAIL("add boss: %s", db_errmsg(db));
	memset(&a, 0, sizeof a);
	a.login = (char *)"anna";
	a.role = ROLE_AMBASSADOR;
	a.departments[0] = (char *)"605";
	a.ndepartments = 1;
	if (db_account_add(db, &tester, &a, PIN, &policy) != DB_OK)
		TEST_FAIL("add: %s", db_errmsg(db));
	l = login_language(db);
	CHECK(l == NULL);
	free(l);
	if (db_login(db, "anna", PIN, 1559390400LL, &policy, &s) != DB_OK)
		TEST_FAIL("login: %s", db_errmsg(db));
	rows = one(db, "SELECT count(*) FROM audit");
	CHECK_INT(db_account_set_language(db, &s.who, "da"), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM audit"), rows);
	CHECK_INT(db_account_set_language(db, &s.who, "sv"), DB_INVALID);
	CHECK_INT(db_account_set_language(db, &tester, "en"), DB_DENIED);
	l = login_language(db);
	CHECK_STR(l, "da");
	free(l);
	CHECK_INT(db_account_set_language(db, &s.who, NULL), DB_OK);
	l = login_language(db);
	CHECK(l == NULL);
	free(l);
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* Add a household and a visit of two items, the first with a Danish
 * title and the second without; the visit's id, or 0. */
static long
two_items(struct db *db)
{
	struct household h;
	struct visit_item it[2];
	struct visit	 v;

	memset(&h, 0, sizeof h);
	h.department = (char *)"605";
	h.flat = (char *)"2. th.";
	h.moved_in = util_today() - 10;
	h.moved_out = h.consent_on = DATE_NONE;
	h.members[0] = (char *)"Hodan Warsame";
	h.nmembers = 1;
	if (db_household_add(db, &tester, &h) != DB_OK)
		TEST_FAIL("household: %s", db_errmsg(db));
	memset(it, 0, sizeof it);
	it[0].key = (char *)"laundry";
	it[0].title = (char *)"The laundry";
	it[0].title_da = (char *)"Vaskeriet";
	it[0].state = IS_DONE;
	it[1].key = (char *)"gone";
	it[1].title = (char *)"An item since removed";
	it[1].state = IS_NOT_RELEVANT;
	memset(&v, 0, sizeof v);
	v.household = h.id;
	v.date = util_today();
	v.ambassador = (char *)"Birgit Holm";
	v.outcome = VO_WELCOMED;
	v.next_date = DATE_NONE;
	v.items = it;
	v.nitems = 2;
	if (db_visit_add(db, &tester, &v, 3) != DB_OK)
		TEST_FAIL("visit: %s", db_errmsg(db));
	return h.id;
}

/* The visit list of household hid has the titles en0/da0 and en1/da1. */
static void
titles_are(struct db *db, long hid, const char *da0, const char *da1)
{
	struct visit	*v;
	size_t		 n;

	if (db_visit_list(db, &tester, hid, NULL, 10, &v, &n) != DB_OK ||
	    n != 1 || v[0].nitems != 2) {
		TEST_FAIL("visit list: %s", db_errmsg(db));
		return;
	}
	CHECK_STR(v[0].items[0].title, "The laundry");
	CHECK_STR(v[0].items[0].title_da, da0);
	CHECK_STR(v[0].items[1].title, "An item since removed");
	CHECK_STR(v[0].items[1].title_da, da1);
	db_visits_free(v, n);
}

/* A visit keeps both titles; one without a Danish title keeps what a
 * Danish screen showed (the English). */
static void
visit_titles(void)
{
	struct db	*db;
	char		*path;
	long		 hid;

	if ((db = open_new(&path)) == NULL)
		goto out;
	hid = two_items(db);
	titles_are(db, hid, "Vaskeriet", "An item since removed");
	CHECK_INT(one(db, "SELECT count(*) FROM visit_item WHERE title_da "
	    "IS NULL"), 0);
	db_close(db);
out:
	free(path);
}

/* A schema-6 file: the account gets its language column, the items'
 * titles become English and get their Danish titles from the checklist
 * where the key is still there (else the English), once. */
static void
upgrade_6(void)
{
	static const char *const keys[] = { "laundry", "area" };
	static const char *const da[] = { "Vaskeriet i dag", "Området" };
	struct db	*db;
	char		*path, *err;
	long		 hid;

	if ((db = open_new(&path)) == NULL)
		goto out;
	hid = two_items(db);
	CHECK(db_exec(db, "ALTER TABLE account DROP COLUMN language; "
	    "ALTER TABLE household DROP COLUMN languages_other; "
	    "ALTER TABLE ambassador DROP COLUMN languages_other; "
	    "DROP INDEX visit_item_untitled; "
	    "ALTER TABLE visit_item DROP COLUMN title_da; "
	    "ALTER TABLE visit_item RENAME COLUMN title_en TO title; "
	    "PRAGMA user_version = 6") == SQLITE_OK);
	db_close(db);
	if ((db = db_open(path, 0, &err)) == NULL) {
		TEST_FAIL("reopen: %s", err);
		free(err);
		goto out;
	}
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE language IS "
	    "NULL"), one(db, "SELECT count(*) FROM account"));
	titles_are(db, hid, NULL, NULL);
	CHECK_INT(db_visit_fill_titles(db, 2, keys, da), DB_OK);
	titles_are(db, hid, "Vaskeriet i dag", "An item since removed");
	/* Once: a later checklist changes nothing. */
	CHECK_INT(db_visit_fill_titles(db, 1, keys + 1, da + 1), DB_OK);
	titles_are(db, hid, "Vaskeriet i dag", "An item since removed");
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
	RUN("language", decide);
	RUN("language", switching);
	RUN("language", account_language);
	RUN("language", visit_titles);
	RUN("language", upgrade_6);
	core_key_done();
	if (test_failures == 0) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	} else
		fprintf(stderr, "evidence kept in %s\n", tmpdir);
	TEST_END();
}
