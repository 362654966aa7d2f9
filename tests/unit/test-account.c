/*
 * test-account.c — accounts and logging in against a real database
 * file: the first admin, who may add, login right and wrong, the one
 * sentence for every refusal, the lockout (kept across a restart, lifted
 * by time, unlock and reset), disabling, rehashing on login, the audit
 * trail (its rows, its filters and paging both ways, and that it cannot be
 * changed), that no secret reaches the file, a private file mode, and an
 * account tied to an ambassador.
 */
#define _GNU_SOURCE	/* memmem */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "db.h"
#include "util.h"
#include "../../src/db-private.h"
#include "test.h"
#include "test-db.h"

/* Eight digits: the trail's hex hashes hold any four digits now and then,
 * and no_secret_in_file looks for the PIN's bytes in the file. */
#define PIN		"73915824"
#define PASSWORD	"Fl0de-b0lle-med-syltetøj"
#define ADMIN_PW	"admin-password-1"
#define NOW		1559390400LL	/* 2019-06-01 12:00:00 UTC */

static char		 tmpdir[] = "/tmp/velkomst-test-account-XXXXXX";
static const struct account_policy policy = {
	.lockout = { .max_failures = 5, .lock_seconds = 900 },
	.cost = COST_MINIMUM,
};
/* The command line: the Unix account owning the file. */
static const struct who	 cli = { .name = "tester", .role = ROLE_ADMIN };
static int		 nfile;

/* Open path or fail the test. */
static struct db *
open_ok(const char *path, int flags)
{
	struct db	*db;
	char		*err;

	if ((db = db_open(path, flags, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", path, err);
		free(err);
	}
	return db;
}

/* A new file name under tmpdir. */
static char *
new_path(void)
{
	return xasprintf("%s/a%d.db", tmpdir, ++nfile);
}

/* An account to add (strings borrowed). */
static struct account
mkacct(const char *login, enum role role, const char *dept)
{
	struct account	 a;

	memset(&a, 0, sizeof a);
	a.login = (char *)login;
	a.role = role;
	if (dept != NULL) {
		a.departments[0] = (char *)dept;
		a.ndepartments = 1;
	}
	return a;
}

/* Add an account or fail the test; its id. */
static long
add_ok(struct db *db, const struct who *who, const char *login,
    enum role role, const char *dept, const char *secret)
{
	struct account	 a = mkacct(login, role, dept);

	if (db_account_add(db, who, &a, secret, &policy) != DB_OK)
		TEST_FAIL("add %s: %s", login, db_errmsg(db));
	return a.id;
}

/* A new database file with the admin "boss" and the ambassador "anna"
 * (department 605, PIN). */
static struct db *
fresh(char **path)
{
	struct db	*db;

	*path = new_path();
	if ((db = open_ok(*path, DB_CREATE)) == NULL)
		return NULL;
	add_ok(db, &cli, "boss", ROLE_ADMIN, NULL, ADMIN_PW);
	add_ok(db, &cli, "anna", ROLE_AMBASSADOR, "605", PIN);
	return db;
}

/* Log in or fail the test. */
static void
login_ok(struct db *db, const char *login, const char *secret, long long now,
    struct session *s)
{
	if (db_login(db, login, secret, now, &policy, s) != DB_OK)
		TEST_FAIL("login %s: %s", login, db_errmsg(db));
}

/* The status of a login at now (the session is dropped). */
static enum db_status
try_login(struct db *db, const char *login, const char *secret,
    long long now)
{
	struct session	 s;
	enum db_status	 st;

	st = db_login(db, login, secret, now, &policy, &s);
	db_session_clear(&s);
	return st;
}

/* The audit rows with kind (and table/record when given). */
static int
audit_count(struct db *db, const char *kind, const char *table,
    long record)
{
	struct audit_row	*rows;
	struct audit_query	 q = { .table = table, .record = record,
				    .since = DATE_NONE, .until = DATE_NONE };
	size_t			 n, i;
	int			 count = 0;

	if (db_audit_list(db, &cli, &q, NULL, 10000, &rows, &n) != DB_OK) {
		TEST_FAIL("audit list: %s", db_errmsg(db));
		return -1;
	}
	for (i = 0; i < n; i++)
		count += strcmp(rows[i].kind, kind) == 0;
	db_audit_rows_free(rows, n);
	return count;
}

/* The first admin: by anyone with a name, only while there are none. */
static void
first_admin(void)
{
	char		*path = new_path();
	struct db	*db = open_ok(path, DB_CREATE);
	const struct who nobody = { .name = "someone" };
	const struct who sec = { .name = "sec", .role = ROLE_SECRETARIAT };
	struct account	 a;
	struct session	 s;
	long		 n = -1;

	if (db == NULL)
		goto out;
	CHECK_INT(db_account_count(db, &n), DB_OK);
	CHECK_INT(n, 0);
	a = mkacct("first", ROLE_SECRETARIAT, NULL);
	CHECK_INT(db_account_add(db, &nobody, &a, "a-long-password", &policy),
	    DB_INVALID);
	a = mkacct("first", ROLE_ADMIN, NULL);
	CHECK_INT(db_account_add(db, NULL, &a, "a-long-password", &policy),
	    DB_DENIED);
	CHECK_INT(db_account_add(db, &nobody, &a, "short", &policy),
	    DB_INVALID);
	CHECK_INT(db_account_count(db, &n), DB_OK);
	CHECK_INT(n, 0);
	CHECK_INT(db_account_add(db, &nobody, &a, "a-long-password", &policy),
	    DB_OK);
	CHECK(a.id > 0);
	CHECK_INT(db_account_count(db, &n), DB_OK);
	CHECK_INT(n, 1);
	/* Now only an admin may. */
	a = mkacct("second", ROLE_ADMIN, NULL);
	CHECK_INT(db_account_add(db, &nobody, &a, "a-long-password", &policy),
	    DB_DENIED);
	CHECK_INT(db_account_add(db, &sec, &a, "a-long-password", &policy),
	    DB_DENIED);
	CHECK_INT(a.id, 0);
	login_ok(db, "first", "a-long-password", NOW, &s);
	CHECK_INT(s.who.role, ROLE_ADMIN);
	CHECK_INT(db_account_add(db, &s.who, &a, "a-long-password", &policy),
	    DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'account added' AND login = 'someone' AND command_line = 1"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE "
	    "created_by = 'first'"), 1);
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* What an account may be. */
static void
refused_accounts(void)
{
	static const char *const bad[] = {
		"", ".anna", "-anna", "an na", "anna!", "ænne",
		"a23456789012345678901234567890123",
	};
	char		*path;
	struct db	*db = fresh(&path);
	struct account	 a;
	size_t		 i;

	if (db == NULL)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		a = mkacct(bad[i], ROLE_AMBASSADOR, "605");
		if (db_account_add(db, &cli, &a, PIN, &policy) != DB_INVALID)
			TEST_FAIL("login \"%s\" taken", bad[i]);
	}
	a = mkacct("a2345678901234567890123456789012", ROLE_AMBASSADOR, "605");
	CHECK_INT(db_account_add(db, &cli, &a, PIN, &policy), DB_OK);
	a = mkacct("ANNA", ROLE_AMBASSADOR, "605");
	CHECK_INT(db_account_add(db, &cli, &a, PIN, &policy), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "taken") != NULL);
	a = mkacct("bo", ROLE_AMBASSADOR, NULL);
	CHECK_INT(db_account_add(db, &cli, &a, PIN, &policy), DB_INVALID);
	a = mkacct("bo", ROLE_AMBASSADOR, "605");
	CHECK_INT(db_account_add(db, &cli, &a, "12345", &policy), DB_OK);
	a = mkacct("bo.2", ROLE_AMBASSADOR, "605");
	a.departments[1] = "605";
	a.ndepartments = 2;
	CHECK_INT(db_account_add(db, &cli, &a, PIN, &policy), DB_INVALID);
	a = mkacct("bo.3", ROLE_AMBASSADOR, "605");
	CHECK_INT(db_account_add(db, &cli, &a, "12ab", &policy), DB_INVALID);
	a = mkacct("bo.4", ROLE_SECRETARIAT, NULL);
	CHECK_INT(db_account_add(db, &cli, &a, PIN, &policy), DB_INVALID);
	a = mkacct("bo.5", ROLE_NONE, NULL);
	CHECK_INT(db_account_add(db, &cli, &a, "a-long-password", &policy),
	    DB_INVALID);
	CHECK_INT(one(db, "SELECT count(*) FROM account"), 4);
	db_close(db);
out:
	free(path);
}

/* Right and wrong secrets; the session. */
static void
login_right_wrong(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct session	 s;

	if (db == NULL)
		goto out;
	login_ok(db, "ANNA", PIN, NOW, &s);
	CHECK_STR(s.who.name, "anna");
	CHECK_INT(s.who.role, ROLE_AMBASSADOR);
	CHECK_INT(s.who.ndepartments, 1);
	CHECK_STR(s.who.departments[0], "605");
	CHECK(s.who.account > 0);
	CHECK(s.ambassador_name == NULL);
	db_session_clear(&s);
	CHECK(s.login == NULL && s.who.name == NULL);
	CHECK_INT(try_login(db, "anna", "7392", NOW), DB_DENIED);
	CHECK_INT(try_login(db, "anna", "", NOW), DB_DENIED);
	CHECK_INT(try_login(db, "anna", NULL, NOW), DB_DENIED);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE login = 'anna'"),
	    3);
	login_ok(db, "anna", PIN, NOW, &s);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE login = 'anna'"),
	    0);
	CHECK_INT(one(db, "SELECT last_login IS NOT NULL FROM account "
	    "WHERE login = 'anna'"), 1);
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* An unknown login and a wrong secret look the same. */
static void
same_refusal(void)
{
	char		*path, *msg;
	struct db	*db = fresh(&path);

	if (db == NULL)
		goto out;
	CHECK_INT(try_login(db, "anna", "0000", NOW), DB_DENIED);
	msg = xstrdup(db_errmsg(db));
	CHECK_INT(try_login(db, "nobody", "0000", NOW), DB_DENIED);
	CHECK_STR(db_errmsg(db), msg);
	CHECK_INT(try_login(db, "not a login!", "0000", NOW), DB_DENIED);
	CHECK_STR(db_errmsg(db), msg);
	CHECK_INT(try_login(db, NULL, "0000", NOW), DB_DENIED);
	CHECK_STR(db_errmsg(db), msg);
	CHECK(strstr(msg, "The login or the PIN is wrong") != NULL);
	free(msg);
	/* The failed unknown login is in the trail without a login. */
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'login failed' AND login IS NULL AND account_id IS NULL"), 3);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%nobody%' OR login = 'nobody'"), 0);
	db_close(db);
out:
	free(path);
}

/* The login screen's list: only logins that can log in now, in order. */
static void
login_list(void)
{
	char		*path, **logins;
	size_t		 n, i;
	struct db	*db = fresh(&path);

	if (db == NULL)
		goto out;
	add_ok(db, &cli, "Carl", ROLE_AMBASSADOR, "605", "2222");
	add_ok(db, &cli, "dora", ROLE_AMBASSADOR, "605", "3333");
	CHECK_INT(db_account_logins(db, NOW, &logins, &n), DB_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(logins[0], "anna");
		CHECK_STR(logins[1], "boss");
		CHECK_STR(logins[2], "Carl");
		CHECK_STR(logins[3], "dora");
	}
	core_words_free(logins, n);
	/* dora locked, Carl disabled: neither is offered until ... */
	for (i = 0; i < 5; i++)
		CHECK_INT(try_login(db, "dora", "0000", NOW), DB_DENIED);
	CHECK_INT(db_exec(db, "UPDATE account SET disabled = 1 WHERE "
	    "login = 'Carl'"), SQLITE_OK);
	CHECK_INT(db_account_logins(db, NOW + 1, &logins, &n), DB_OK);
	CHECK_INT(n, 2);
	core_words_free(logins, n);
	/* ... dora's lock has run out. */
	CHECK_INT(db_account_logins(db, NOW + 900, &logins, &n), DB_OK);
	CHECK_INT(n, 3);
	core_words_free(logins, n);
	db_close(db);
out:
	free(path);
}

/* Five wrong tries lock; the lock survives a restart and ends on time. */
static void
lockout(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct account	 a;
	int		 i;

	if (db == NULL)
		goto out;
	for (i = 0; i < 5; i++)
		CHECK_INT(try_login(db, "anna", "0000", NOW + i), DB_DENIED);
	CHECK_INT(db_account_get(db, &cli, "anna", &a), DB_OK);
	CHECK_INT(a.locked_until, NOW + 4 + 900);
	CHECK_INT(a.failures, 0);
	db_account_clear(&a);
	CHECK_INT(try_login(db, "anna", PIN, NOW + 5), DB_DENIED);
	/* A wrong try while locked counts for nothing. */
	CHECK_INT(try_login(db, "anna", "0000", NOW + 6), DB_DENIED);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE login = 'anna'"),
	    0);
	db_close(db);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK_INT(try_login(db, "anna", PIN, NOW + 4 + 899), DB_DENIED);
	CHECK_INT(try_login(db, "anna", PIN, NOW + 4 + 900), DB_OK);
	CHECK_INT(one(db, "SELECT locked_until FROM account WHERE "
	    "login = 'anna'"), 0);
	CHECK_INT(audit_count(db, "account locked", "account", 0), 1);
	db_close(db);
out:
	free(path);
}

/* The secretariat lifts a lock; an ambassador may not. */
static void
unlock(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct session	 sec, amb;
	long		 anna, bo;
	int		 i;

	if (db == NULL)
		goto out;
	add_ok(db, &cli, "sec", ROLE_SECRETARIAT, NULL, PASSWORD);
	bo = add_ok(db, &cli, "bo", ROLE_AMBASSADOR, "606", "24680");
	anna = one(db, "SELECT id FROM account WHERE login = 'anna'");
	for (i = 0; i < 5; i++)
		try_login(db, "anna", "0000", NOW);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_DENIED);
	login_ok(db, "bo", "24680", NOW, &amb);
	CHECK_INT(db_account_unlock(db, &amb.who, anna), DB_DENIED);
	CHECK_INT(db_account_unlock(db, &amb.who, bo), DB_DENIED);
	login_ok(db, "sec", PASSWORD, NOW, &sec);
	CHECK_INT(db_account_unlock(db, &sec.who, 9999), DB_NOTFOUND);
	CHECK_INT(db_account_unlock(db, &sec.who, anna), DB_OK);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_OK);
	CHECK_INT(audit_count(db, "account unlocked", "account", anna), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE "
	    "kind = 'account unlocked' AND login = 'sec' AND record = "
	    "(SELECT id FROM account WHERE login = 'anna')"), 1);
	/* The secretariat may disable and reset an ambassador's account
	 * (account_rights tries every operation), not an admin's. */
	CHECK_INT(db_account_set_disabled(db, &sec.who, anna, 1), DB_OK);
	CHECK_INT(db_account_reset(db, &sec.who, anna, "1111", &policy),
	    DB_OK);
	CHECK_INT(db_account_set_disabled(db, &sec.who, 1, 1), DB_DENIED);
	CHECK_INT(db_account_reset(db, &sec.who, 1, "a-long-password-2",
	    &policy), DB_DENIED);
	db_session_clear(&sec);
	db_session_clear(&amb);
	db_close(db);
out:
	free(path);
}

/* Disable and enable; reset gives a new secret and lifts the lock. */
static void
disable_reset(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct session	 boss, annas;
	struct household_query q = { .today = DATE_NONE };
	long		 anna, n;
	int		 i;

	if (db == NULL)
		goto out;
	anna = one(db, "SELECT id FROM account WHERE login = 'anna'");
	login_ok(db, "boss", ADMIN_PW, NOW, &boss);
	login_ok(db, "anna", PIN, NOW, &annas);
	CHECK_INT(db_household_count(db, &annas.who, &q, &n), DB_OK);
	CHECK_INT(db_account_set_disabled(db, &boss.who, anna, 1), DB_OK);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_DENIED);
	/* Her session, still open at a terminal, ends with its next call. */
	CHECK_INT(db_household_count(db, &annas.who, &q, &n), DB_DENIED);
	CHECK(strstr(db_errmsg(db), "disabled") != NULL);
	db_session_clear(&annas);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE id = 1 + 1"), 0);
	CHECK_INT(db_account_set_disabled(db, &boss.who, anna, 0), DB_OK);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_OK);
	CHECK_INT(db_account_set_disabled(db, &boss.who, boss.who.account, 1),
	    DB_INVALID);
	/* The last admin stays. */
	CHECK_INT(db_account_set_disabled(db, &cli, boss.who.account, 1),
	    DB_INVALID);
	CHECK_INT(db_account_set_disabled(db, &cli, 9999, 1), DB_NOTFOUND);
	for (i = 0; i < 5; i++)
		try_login(db, "anna", "0000", NOW);
	CHECK_INT(db_account_reset(db, &boss.who, anna, "12", &policy),
	    DB_INVALID);
	CHECK_INT(db_account_reset(db, &boss.who, 9999, "2468", &policy),
	    DB_NOTFOUND);
	CHECK_INT(db_account_reset(db, &boss.who, anna, "2468", &policy),
	    DB_OK);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_DENIED);
	CHECK_INT(try_login(db, "anna", "2468", NOW), DB_OK);
	CHECK_INT(audit_count(db, "account disabled", "account", anna), 1);
	CHECK_INT(audit_count(db, "account enabled", "account", anna), 1);
	CHECK_INT(audit_count(db, "account reset", "account", anna), 1);
	CHECK_INT(audit_count(db, "account added", "account", anna), 1);
	CHECK_INT(audit_count(db, "login", "account", anna), 3);
	CHECK(audit_count(db, "login failed", "account", anna) >= 6);
	db_session_clear(&boss);
	db_close(db);
out:
	free(path);
}

/* A login at a higher cost rehashes the stored hash. */
static void
rehash(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct account_policy higher = policy;
	struct session	 s;

	if (db == NULL)
		goto out;
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE login = 'anna' "
	    "AND hash LIKE '$argon2id$v=19$m=8,t=1,%'"), 1);
	higher.cost = COST_INTERACTIVE;
	CHECK_INT(db_login(db, "anna", "0000", NOW, &higher, &s), DB_DENIED);
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE login = 'anna' "
	    "AND hash LIKE '$argon2id$v=19$m=8,t=1,%'"), 1);
	CHECK_INT(db_login(db, "anna", PIN, NOW, &higher, &s), DB_OK);
	db_session_clear(&s);
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE login = 'anna' "
	    "AND hash LIKE '$argon2id$v=19$m=65536,t=2,%'"), 1);
	/* A lower cost leaves it. */
	login_ok(db, "anna", PIN, NOW, &s);
	db_session_clear(&s);
	CHECK_INT(one(db, "SELECT count(*) FROM account WHERE login = 'anna' "
	    "AND hash LIKE '$argon2id$v=19$m=65536,t=2,%'"), 1);
	db_close(db);
out:
	free(path);
}

/* The trail refuses UPDATE and DELETE. */
static void
audit_immutable(void)
{
	char		*path, *msg = NULL;
	struct db	*db = fresh(&path);
	int		 rc;

	if (db == NULL)
		goto out;
	CHECK(one(db, "SELECT count(*) FROM audit") >= 2);
	rc = sqlite3_exec(db->h, "UPDATE audit SET kind = 'nothing'", NULL,
	    NULL, &msg);
	CHECK(rc != SQLITE_OK);
	CHECK(msg != NULL && strstr(msg, "audit trail") != NULL);
	sqlite3_free(msg);
	msg = NULL;
	rc = sqlite3_exec(db->h, "DELETE FROM audit", NULL, NULL, &msg);
	CHECK(rc != SQLITE_OK);
	CHECK(msg != NULL && strstr(msg, "audit trail") != NULL);
	sqlite3_free(msg);
	CHECK(one(db, "SELECT count(*) FROM audit") >= 2);
	db_close(db);
out:
	free(path);
}

/* The date filters are days of local time: just after midnight in
 * Denmark is the new day, though it is still yesterday in UTC. */
static void
audit_local_days(void)
{
	char			*path;
	struct db		*db = fresh(&path);
	struct audit_query	 q = { .since = DATE_NONE,
				    .until = DATE_NONE };
	struct audit_row	*rows;
	size_t			 n;
	long			 d27, d28;

	if (db == NULL)
		goto out;
	setenv("TZ", "CET-1", 1);	/* UTC+1, no tzdata needed */
	tzset();
	util_date_make(2026, 11, 27, &d27);
	util_date_make(2026, 11, 28, &d28);
	CHECK_INT(db_exec(db, "INSERT INTO audit (at, login, kind) VALUES "
	    "('2026-11-27 23:30:00', 'anna', 'late')"), SQLITE_OK);
	q.login = "anna";
	q.since = d28;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 10, &rows, &n), DB_OK);
	CHECK_INT(n, 1);	/* 00:30 on the 28th, local time */
	db_audit_rows_free(rows, n);
	q.since = DATE_NONE;
	q.until = d27;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 10, &rows, &n), DB_OK);
	CHECK_INT(n, 0);
	db_audit_rows_free(rows, n);
	unsetenv("TZ");
	tzset();
	db_close(db);
out:
	free(path);
}

/* The day number of today in local time (as the trail's filters). */
static long
local_today(void)
{
	time_t		 t = time(NULL);
	struct tm	 tm;
	long		 d = DATE_NONE;

	localtime_r(&t, &tm);
	util_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d);
	return d;
}

/* Listing the trail: filters, newest first, paging. */
static void
audit_list(void)
{
	char			*path;
	struct db		*db = fresh(&path);
	struct audit_query	 q = { .since = DATE_NONE,
				    .until = DATE_NONE };
	const struct who	 amb = { .name = "x", .account = 2,
				    .role = ROLE_AMBASSADOR };
	struct audit_row	*rows, *more;
	size_t			 n, m;
	long			 today = local_today();
	int			 i;

	if (db == NULL)
		goto out;
	CHECK_INT(db_audit_note(db, NULL, "export", NULL, 0, NULL), DB_INVALID);
	for (i = 0; i < 5; i++)
		CHECK_INT(db_audit_note(db, &cli, "export", "household", 7,
		    "tsv"), DB_OK);
	CHECK_INT(db_audit_list(db, &amb, &q, NULL, 10, &rows, &n),
	    DB_DENIED);
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 7);	/* 2 added, 5 exports */
	for (i = 1; i < (int)n; i++)
		CHECK(rows[i - 1].id > rows[i].id);
	if (n == 7) {
		CHECK_STR(rows[0].kind, "export");
		CHECK_STR(rows[0].table, "household");
		CHECK_INT(rows[0].record, 7);
		CHECK_STR(rows[0].detail, "tsv");
		CHECK_STR(rows[0].login, "tester");
		CHECK_INT(rows[0].command_line, 1);
		CHECK_STR(rows[6].kind, "account added");
	}
	/* Paging: 3, then the 3 after, then 1. */
	db_audit_rows_free(rows, n);
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 3, &rows, &n), DB_OK);
	CHECK_INT(n, 3);
	CHECK_INT(db_audit_list(db, &cli, &q, &rows[2], 3, &more, &m), DB_OK);
	CHECK_INT(m, 3);
	if (n == 3 && m == 3)
		CHECK(more[0].id < rows[2].id);
	db_audit_rows_free(rows, n);
	CHECK_INT(db_audit_list(db, &cli, &q, &more[2], 3, &rows, &n), DB_OK);
	CHECK_INT(n, 1);
	db_audit_rows_free(more, m);
	db_audit_rows_free(rows, n);
	/* Filters. */
	try_login(db, "anna", PIN, NOW);
	q.login = "ANNA";
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(rows[0].kind, "login");
	db_audit_rows_free(rows, n);
	q.login = NULL;
	q.table = "account";
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 3);
	db_audit_rows_free(rows, n);
	q.record = 2;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 2);	/* anna added, anna's login */
	db_audit_rows_free(rows, n);
	q.table = NULL;
	q.record = 0;
	q.since = today;
	q.until = today;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 8);
	db_audit_rows_free(rows, n);
	q.since = today + 1;
	q.until = DATE_NONE;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 0);
	db_audit_rows_free(rows, n);
	q.since = DATE_NONE;
	q.until = today - 1;
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 100, &rows, &n), DB_OK);
	CHECK_INT(n, 0);
	db_audit_rows_free(rows, n);
	db_close(db);
out:
	free(path);
}

/* The ids of n rows, in order, joined by spaces into buf. */
static const char *
audit_ids(const struct audit_row *rows, size_t n, char *buf, size_t len)
{
	size_t	i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%ld",
		    i == 0 ? "" : " ", rows[i].id);
	return buf;
}

/* The ids backward of q from after (0: from nothing), up to limit. */
static const char *
audit_back(struct db *db, struct audit_query *q, long after, size_t limit,
    char *buf, size_t len)
{
	struct audit_row	*rows, a = { .id = after };
	size_t			 n;

	q->backward = 1;
	buf[0] = '\0';
	if (db_audit_list(db, &cli, q, after > 0 ? &a : NULL, limit, &rows,
	    &n) != DB_OK) {
		TEST_FAIL("audit list: %s", db_errmsg(db));
		return buf;
	}
	audit_ids(rows, n, buf, len);
	db_audit_rows_free(rows, n);
	return buf;
}

/* Paging the other way: older to newer from a row (or from the oldest),
 * nearest first, with and without filters; it meets the forward pages. */
static void
audit_backward(void)
{
	char			*path;
	struct db		*db = fresh(&path);
	struct audit_query	 q = { .since = DATE_NONE,
				    .until = DATE_NONE };
	const struct who	 amb = { .name = "x", .account = 2,
				    .role = ROLE_AMBASSADOR };
	struct audit_row	*rows, *more;
	size_t			 n, m;
	long			 today = local_today();
	char			 buf[256];
	int			 i;

	if (db == NULL)
		goto out;
	/* Ids 1, 2: the accounts; 3-7: exports of households 1-5; 8, 9:
	 * anna's logins. */
	for (i = 1; i <= 5; i++)
		CHECK_INT(db_audit_note(db, &cli, "export", "household", i,
		    NULL), DB_OK);
	try_login(db, "anna", PIN, NOW);
	try_login(db, "anna", PIN, NOW);
	q.backward = 1;
	CHECK_INT(db_audit_list(db, &amb, &q, NULL, 10, &rows, &n),
	    DB_DENIED);
	/* From nothing: the oldest, oldest first. */
	CHECK_STR(audit_back(db, &q, 0, 3, buf, sizeof buf), "1 2 3");
	CHECK_STR(audit_back(db, &q, 3, 3, buf, sizeof buf), "4 5 6");
	CHECK_STR(audit_back(db, &q, 6, 3, buf, sizeof buf), "7 8 9");
	CHECK_STR(audit_back(db, &q, 9, 3, buf, sizeof buf), "");
	CHECK_STR(audit_back(db, &q, 0, 100, buf, sizeof buf),
	    "1 2 3 4 5 6 7 8 9");
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 0, &rows, &n), DB_OK);
	CHECK_INT(n, 0);
	db_audit_rows_free(rows, n);
	/* The rows of a backward page are whole, as forward. */
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 3, &rows, &n), DB_OK);
	if (n == 3) {
		CHECK_STR(rows[0].kind, "account added");
		CHECK_STR(rows[2].kind, "export");
		CHECK_STR(rows[2].table, "household");
		CHECK_INT(rows[2].record, 1);
		CHECK_INT(rows[2].command_line, 1);
	}
	/* Forward from the row after them gives the rest, the other way. */
	q.backward = 0;
	CHECK_INT(db_audit_list(db, &cli, &q, &rows[n - 1], 100, &more, &m),
	    DB_OK);
	CHECK_STR(audit_ids(more, m, buf, sizeof buf), "2 1");
	db_audit_rows_free(more, m);
	CHECK_INT(db_audit_list(db, &cli, &q, NULL, 2, &more, &m), DB_OK);
	CHECK_STR(audit_ids(more, m, buf, sizeof buf), "9 8");
	db_audit_rows_free(more, m);
	db_audit_rows_free(rows, n);
	/* From a row in the middle: the nearest newer row first. */
	CHECK_STR(audit_back(db, &q, 5, 2, buf, sizeof buf), "6 7");
	/* Filters: one kind of record, one record, a login, dates. */
	q.table = "household";
	CHECK_STR(audit_back(db, &q, 0, 2, buf, sizeof buf), "3 4");
	CHECK_STR(audit_back(db, &q, 4, 10, buf, sizeof buf), "5 6 7");
	CHECK_STR(audit_back(db, &q, 7, 10, buf, sizeof buf), "");
	q.record = 4;
	CHECK_STR(audit_back(db, &q, 0, 10, buf, sizeof buf), "6");
	CHECK_STR(audit_back(db, &q, 6, 10, buf, sizeof buf), "");
	q.table = NULL;
	q.record = 0;
	q.login = "ANNA";
	CHECK_STR(audit_back(db, &q, 0, 10, buf, sizeof buf), "8 9");
	CHECK_STR(audit_back(db, &q, 1, 1, buf, sizeof buf), "8");
	CHECK_STR(audit_back(db, &q, 8, 1, buf, sizeof buf), "9");
	q.login = "tester";
	CHECK_STR(audit_back(db, &q, 2, 2, buf, sizeof buf), "3 4");
	q.login = NULL;
	q.since = today;
	q.until = today;
	CHECK_STR(audit_back(db, &q, 7, 10, buf, sizeof buf), "8 9");
	q.since = today + 1;
	q.until = DATE_NONE;
	CHECK_STR(audit_back(db, &q, 0, 10, buf, sizeof buf), "");
	q.since = DATE_NONE;
	q.until = today - 1;
	CHECK_STR(audit_back(db, &q, 0, 10, buf, sizeof buf), "");
	db_close(db);
out:
	free(path);
}

/* 1 if the file at path holds the bytes of s. */
static int
file_has(const char *path, const char *s)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 len;
	int	 has;

	if (f == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len)
		TEST_FAIL("cannot read %s", path);
	fclose(f);
	has = memmem(buf, (size_t)len, s, strlen(s)) != NULL;
	free(buf);
	return has;
}

/* No PIN nor password reaches the file or its -wal. */
static void
no_secret_in_file(void)
{
	char		*path, *wal;
	struct db	*db = fresh(&path);
	struct session	 s;

	if (db == NULL)
		goto out;
	wal = xasprintf("%s-wal", path);
	add_ok(db, &cli, "sec", ROLE_SECRETARIAT, NULL, PASSWORD);
	login_ok(db, "anna", PIN, NOW, &s);
	db_session_clear(&s);
	login_ok(db, "sec", PASSWORD, NOW, &s);
	db_session_clear(&s);
	try_login(db, "sec", "wrong-" PASSWORD, NOW);
	CHECK(file_has(wal, "anna"));	/* the check can see */
	CHECK(!file_has(path, PIN) && !file_has(wal, PIN));
	CHECK(!file_has(path, PASSWORD) && !file_has(wal, PASSWORD));
	CHECK(!file_has(path, ADMIN_PW) && !file_has(wal, ADMIN_PW));
	db_close(db);
	CHECK(!file_has(path, PIN) && !file_has(path, PASSWORD));
	free(wal);
out:
	free(path);
}

/* The bytes of path, or NULL. */
static char *
slurp(const char *path, long *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;

	*len = -1;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)*len + 1);
	if (fread(buf, 1, (size_t)*len, f) != (size_t)*len)
		*len = -1;
	fclose(f);
	return buf;
}

/* A file others may read is refused and left as it was; a new one is
 * private. */
static void
private_mode(void)
{
	char		*path, *err = NULL, *before, *after, *wal, *shm;
	struct db	*db = fresh(&path);
	struct stat	 sb;
	long		 lb, la;
	mode_t		 old;

	if (db == NULL)
		goto out;
	db_close(db);
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	CHECK(chmod(path, 0644) == 0);
	before = slurp(path, &lb);
	CHECK(db_open(path, 0, &err) == NULL);
	CHECK(err != NULL && strstr(err, "chmod 600") != NULL &&
	    strstr(err, "0644") != NULL && strstr(err, path) != NULL);
	free(err);
	err = NULL;
	CHECK(db_open(path, DB_READ_ONLY, &err) == NULL);
	free(err);
	after = slurp(path, &la);
	CHECK(lb > 0 && la == lb && memcmp(before, after, (size_t)lb) == 0);
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0644);
	CHECK(access(wal, F_OK) == -1 && access(shm, F_OK) == -1);
	CHECK(chmod(path, 0640) == 0);
	CHECK(db_open(path, 0, &err) == NULL);
	free(err);
	CHECK(chmod(path, 0600) == 0);
	if ((db = open_ok(path, 0)) != NULL)
		db_close(db);
	free(before);
	free(after);
	free(wal);
	free(shm);
	/* Created private even with a loose umask. */
	free(path);
	path = new_path();
	old = umask(022);
	db = open_ok(path, DB_CREATE);
	umask(old);
	if (db != NULL) {
		try_login(db, "nobody", "0000", NOW);
		CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
		db_close(db);
	}
out:
	free(path);
}

/* Leave a change of the file at path in its -wal (and the -shm beside
 * it), as a process that ended without a checkpoint does. */
static void
leave_wal(const char *path)
{
	sqlite3	*h;

	if (sqlite3_open(path, &h) != SQLITE_OK) {
		TEST_FAIL("sqlite3_open %s", path);
		sqlite3_close(h);
		return;
	}
	sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (sqlite3_exec(h, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('left', 'in the wal')", NULL, NULL, NULL) != SQLITE_OK)
		TEST_FAIL("write: %s", sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* A -wal or -shm others may read is refused too (SQLite keeps the mode
 * of one that has content, and writes personal data into it), and left
 * as it was. */
static void
private_sides(void)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char		*path, *side, *err = NULL;
	struct db	*db = fresh(&path);
	struct stat	 sb;
	off_t		 size;
	size_t		 i;

	if (db == NULL)
		goto out;
	db_close(db);
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		leave_wal(path);
		side = xasprintf("%s%s", path, sides[i]);
		CHECK(stat(side, &sb) == 0 && sb.st_size > 0);
		size = sb.st_size;
		CHECK(chmod(side, 0644) == 0);
		CHECK(db_open(path, 0, &err) == NULL);
		CHECK(err != NULL && strstr(err, side) != NULL &&
		    strstr(err, "chmod 600") != NULL);
		free(err);
		err = NULL;
		CHECK(stat(side, &sb) == 0 && sb.st_size == size &&
		    (sb.st_mode & 0777) == 0644);
		CHECK(chmod(side, 0600) == 0);
		if ((db = open_ok(path, 0)) != NULL) {
			CHECK_INT(one(db, "SELECT count(*) FROM meta WHERE "
			    "key = 'left'"), 1);
			db_close(db);
		}
		free(side);
	}
out:
	free(path);
}

/* An account tied to an ambassador gets its department and name. */
static void
tied(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct ambassador amb;
	struct account	 a, got;
	struct session	 s;
	long		 day = DATE_NONE;

	if (db == NULL)
		goto out;
	util_date_make(2019, 5, 1, &day);
	memset(&amb, 0, sizeof amb);
	amb.name = "Søren Ørsted";
	amb.department = "607";
	amb.recruited_on = day;
	amb.trained_on = DATE_NONE;
	amb.consent_on = DATE_NONE;
	CHECK_INT(db_ambassador_add(db, &cli, &amb), DB_OK);
	a = mkacct("soren", ROLE_AMBASSADOR, NULL);
	a.ambassador = amb.id + 100;
	CHECK_INT(db_account_add(db, &cli, &a, "1357", &policy), DB_INVALID);
	a.ambassador = amb.id;
	CHECK_INT(db_account_add(db, &cli, &a, "1357", &policy), DB_OK);
	a = mkacct("soren2", ROLE_AMBASSADOR, NULL);
	a.ambassador = amb.id;
	CHECK_INT(db_account_add(db, &cli, &a, "1357", &policy), DB_INVALID);
	CHECK_INT(db_account_get(db, &cli, "Soren", &got), DB_OK);
	CHECK_INT(got.ndepartments, 1);
	CHECK_STR(got.departments[0], "607");
	CHECK_STR(got.ambassador_name, "Søren Ørsted");
	CHECK_INT(got.ambassador, amb.id);
	CHECK_STR(got.created_by, "tester");
	db_account_clear(&got);
	login_ok(db, "soren", "1357", NOW, &s);
	CHECK_INT(s.who.ambassador, amb.id);
	CHECK_STR(s.ambassador_name, "Søren Ørsted");
	CHECK_INT(s.who.ndepartments, 1);
	CHECK_STR(s.who.departments[0], "607");
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* Who may read accounts: secretariat and admin, anyone their own. */
static void
read_access(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct session	 s;
	struct account	*all, a;
	size_t		 n;

	if (db == NULL)
		goto out;
	add_ok(db, &cli, "Cecilie", ROLE_SECRETARIAT, NULL, PASSWORD);
	login_ok(db, "anna", PIN, NOW, &s);
	CHECK_INT(db_account_get(db, &s.who, "anna", &a), DB_OK);
	CHECK_STR(a.login, "anna");
	CHECK(a.last_login != NULL);
	db_account_clear(&a);
	CHECK_INT(db_account_get(db, &s.who, "boss", &a), DB_DENIED);
	CHECK_INT(db_account_get(db, &s.who, "nobody", &a), DB_DENIED);
	CHECK_INT(db_account_list(db, &s.who, &all, &n), DB_DENIED);
	/* A who without a role may do nothing, not even read its own. */
	s.who.role = ROLE_NONE;
	CHECK_INT(db_account_get(db, &s.who, "anna", &a), DB_DENIED);
	db_session_clear(&s);
	CHECK_INT(db_account_list(db, NULL, &all, &n), DB_DENIED);
	login_ok(db, "cecilie", PASSWORD, NOW, &s);
	CHECK_INT(db_account_get(db, &s.who, "nobody", &a), DB_NOTFOUND);
	CHECK_INT(db_account_list(db, &s.who, &all, &n), DB_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(all[0].login, "anna");
		CHECK_INT(all[0].ndepartments, 1);
		CHECK_STR(all[1].login, "boss");
		CHECK_INT(all[1].role, ROLE_ADMIN);
		CHECK_STR(all[2].login, "Cecilie");
		CHECK_INT(all[2].ndepartments, 0);
	}
	db_accounts_free(all, n);
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* The second terminal of login_changed, and what it does once the
 * first terminal begins to note a right secret (NULL: nothing). */
static struct db	*race_other;
static const char	*race_sql;

/* Trace of the first terminal: at its BEGIN IMMEDIATE, run race_sql on
 * the second (which takes the write lock first). */
static int
race_trace(unsigned type, void *ctx, void *p, void *x)
{
	const char	*sql = sqlite3_sql(p);
	char		*err = NULL;

	(void)type;
	(void)ctx;
	(void)x;
	if (race_sql == NULL || sql == NULL ||
	    strcmp(sql, "BEGIN IMMEDIATE") != 0)
		return 0;
	if (sqlite3_exec(race_other->h, race_sql, NULL, NULL, &err) !=
	    SQLITE_OK)
		TEST_FAIL("%s: %s", race_sql, err ? err : "?");
	sqlite3_free(err);
	race_sql = NULL;
	return 0;
}

/*
 * A right secret is refused when, while it was being checked, another
 * terminal locked the account (its own wrong tries), an admin disabled
 * it or gave it a new secret: more tries at once than the lock allows
 * must not get in, and a reset must not be undone.
 */
static void
login_changed(void)
{
	static const char *const changes[] = {
		"UPDATE account SET locked_until = 1559391300 "
		    "WHERE login = 'anna'",
		"UPDATE account SET disabled = 1 WHERE login = 'anna'",
		"UPDATE account SET hash = (SELECT hash FROM account "
		    "WHERE login = 'boss') WHERE login = 'anna'",
	};
	char		*path;
	struct db	*db;
	size_t		 i;

	for (i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		if ((db = fresh(&path)) == NULL)
			goto next;
		if ((race_other = open_ok(path, 0)) == NULL) {
			db_close(db);
			goto next;
		}
		sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, race_trace, NULL);
		race_sql = changes[i];
		CHECK_INT(try_login(db, "anna", PIN, NOW), DB_DENIED);
		CHECK(race_sql == NULL);
		CHECK(strstr(db_errmsg(db), "The login or the PIN is wrong") !=
		    NULL);
		CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE "
		    "kind = 'login'"), 0);
		CHECK_INT(one(db, "SELECT last_login IS NULL FROM account "
		    "WHERE login = 'anna'"), 1);
		/* Nothing raced: the same login goes in. */
		CHECK_INT(try_login(db, "boss", ADMIN_PW, NOW), DB_OK);
		sqlite3_trace_v2(db->h, 0, NULL, NULL);
		db_close(race_other);
		race_other = NULL;
		db_close(db);
next:
		free(path);
	}
}

/* Seconds a login takes (the least of two tries). */
static double
login_time(struct db *db, const char *login, const char *secret,
    const struct account_policy *p)
{
	struct timespec	 a, b;
	struct session	 s;
	double		 t, best = -1;
	int		 i;

	for (i = 0; i < 2; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		CHECK_INT(db_login(db, login, secret, NOW, p, &s), DB_DENIED);
		clock_gettime(CLOCK_MONOTONIC, &b);
		db_session_clear(&s);
		t = (double)(b.tv_sec - a.tv_sec) +
		    (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

/* A wrong secret of an account hashed before the cost rose takes about
 * as long as an unknown login (which is checked at the new cost). */
static void
same_time_after_cost_rose(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct account_policy higher = policy;
	double		 unknown, wrong;

	if (db == NULL)
		goto out;
	higher.cost = COST_INTERACTIVE;
	higher.lockout.max_failures = 100;
	(void)login_time(db, "nobody", "0000", &higher);	/* warm up */
	unknown = login_time(db, "nobody", "0000", &higher);
	wrong = login_time(db, "anna", "0000", &higher);
	if (wrong < unknown / 3)
		TEST_FAIL("a wrong PIN took %.3fs, an unknown login %.3fs",
		    wrong, unknown);
	db_close(db);
out:
	free(path);
}

/* On a read-only file a login works and nothing is written. */
static void
readonly_login(void)
{
	char		*path;
	struct db	*db = fresh(&path);
	struct session	 s;
	long		 rows;
	int		 i;

	if (db == NULL)
		goto out;
	rows = one(db, "SELECT count(*) FROM audit");
	db_close(db);
	CHECK(chmod(path, 0400) == 0);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK_INT(db_readonly(db), 1);
	login_ok(db, "anna", PIN, NOW, &s);
	CHECK_STR(s.who.name, "anna");
	db_session_clear(&s);
	/* Nothing is written, but this process counts: 5 wrong tries of
	 * any login lock every login until the lock runs out. */
	for (i = 0; i < 4; i++)
		CHECK_INT(try_login(db, "anna", "0000", NOW), DB_DENIED);
	CHECK_INT(try_login(db, "nobody", "0000", NOW), DB_DENIED);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_DENIED);
	CHECK_INT(try_login(db, "boss", ADMIN_PW, NOW + 899), DB_DENIED);
	CHECK_INT(try_login(db, "anna", PIN, NOW + 900), DB_OK);
	CHECK_INT(one(db, "SELECT count(*) FROM audit"), rows);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE login = 'anna'"),
	    0);
	db_close(db);
	CHECK(chmod(path, 0600) == 0);
out:
	free(path);
}

/* The roles in the order of account_may's rows and columns. */
static const enum role rights_roles[] = {
	ROLE_AMBASSADOR, ROLE_SECRETARIAT, ROLE_ADMIN
};
/* Who may do anything to an account: [the caller's role][the account's
 * role], for every operation alike (written out, not core's table). */
static const int account_may[3][3] = {
	{ 0, 0, 0 },		/* an ambassador: nothing */
	{ 1, 0, 0 },		/* the secretariat: ambassadors' accounts */
	{ 1, 1, 1 },		/* an admin: every account */
};

/* Do op as who to account id (of role); ADD adds a new one of role. */
static enum db_status
rights_op(struct db *db, const struct who *who, enum account_op op,
    long id, enum role role, int n)
{
	struct account	 a;
	char		 login[16];

	switch (op) {
	case ACCOUNT_ADD:
		snprintf(login, sizeof login, "new%d", n);
		a = mkacct(login, role, role == ROLE_AMBASSADOR ? "605" :
		    NULL);
		return db_account_add(db, who, &a, role == ROLE_AMBASSADOR ?
		    "86420" : "a-new-long-password", &policy);
	case ACCOUNT_DISABLE:
		return db_account_set_disabled(db, who, id, 1);
	case ACCOUNT_ENABLE:
		return db_account_set_disabled(db, who, id, 0);
	case ACCOUNT_RESET:
		return db_account_reset(db, who, id, role == ROLE_AMBASSADOR ?
		    "86420" : "a-new-long-password", &policy);
	case ACCOUNT_UNLOCK:
		return db_account_unlock(db, who, id);
	}
	return DB_ERROR;
}

/* A fingerprint of account id: disabled, lock, hash. */
static char *
rights_state(struct db *db, long id)
{
	sqlite3_stmt	*st;
	char		*s = NULL;

	if (sqlite3_prepare_v2(db->h, "SELECT disabled || ' ' || failures || "
	    "' ' || locked_until || ' ' || hash FROM account WHERE id = ?1",
	    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			s = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return s != NULL ? s : xstrdup("");
}

/* One operation by one role on an account of each role. */
static void
rights_one(enum account_op op, size_t c)
{
	static const char *const names[] = { "add", "disable", "enable",
	    "reset", "unlock" };
	static const char *const callers[] = { "c-amb", "c-sec", "c-adm" };
	static const char *const targets[] = { "t-amb", "t-sec", "t-adm" };
	char		*path, *before, *after;
	struct db	*db = fresh(&path);
	struct session	 s;
	long		 id[3], rows;
	size_t		 t;
	enum db_status	 st, want;

	if (db == NULL)
		goto out;
	for (t = 0; t < 3; t++) {
		add_ok(db, &cli, callers[t], rights_roles[t], t == 0 ? "605" :
		    NULL, t == 0 ? "97531" : PASSWORD);
		id[t] = add_ok(db, &cli, targets[t], rights_roles[t], t == 0 ?
		    "605" : NULL, t == 0 ? "97531" : PASSWORD);
	}
	CHECK_INT(db_exec(db, op == ACCOUNT_ENABLE ? "UPDATE account SET "
	    "disabled = 1 WHERE login LIKE 't-%'" : "UPDATE account SET "
	    "failures = 2, locked_until = 1559391300 WHERE login LIKE "
	    "'t-%'"), SQLITE_OK);
	login_ok(db, callers[c], c == 0 ? "97531" : PASSWORD, NOW, &s);
	for (t = 0; t < 3; t++) {
		want = account_may[c][t] ? DB_OK : DB_DENIED;
		rows = one(db, "SELECT count(*) FROM audit");
		before = rights_state(db, id[t]);
		st = rights_op(db, &s.who, op, id[t], rights_roles[t],
		    (int)t);
		after = rights_state(db, id[t]);
		if (st != want)
			TEST_FAIL("%s by %s of %s: %d, want %d (%s)", names[op],
			    callers[c], targets[t], st, want, db_errmsg(db));
		else if (want == DB_DENIED && (strcmp(before, after) != 0 ||
		    one(db, "SELECT count(*) FROM audit") != rows))
			TEST_FAIL("%s by %s of %s: refused, but written",
			    names[op], callers[c], targets[t]);
		else if (want == DB_OK && (one(db, "SELECT count(*) FROM "
		    "audit") != rows + 1 || (op != ACCOUNT_ADD &&
		    strcmp(before, after) == 0)))
			TEST_FAIL("%s by %s of %s: done, but not written",
			    names[op], callers[c], targets[t]);
		else if (want == DB_DENIED && c == 1 &&
		    strstr(db_errmsg(db), "Only an admin") == NULL)
			TEST_FAIL("%s by %s of %s: \"%s\" says not why",
			    names[op], callers[c], targets[t], db_errmsg(db));
		free(before);
		free(after);
	}
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

/* Every operation on an account, by every role, on an account of every
 * role: the secretariat looks after ambassadors' accounts, an admin
 * after all; a refusal says why and writes nothing. */
static void
account_rights(void)
{
	enum account_op	 op;
	size_t		 c;

	for (op = ACCOUNT_ADD; op <= ACCOUNT_UNLOCK; op++)
		for (c = 0; c < 3; c++)
			rights_one(op, c);
}

/* The status and sentence of a login at now, into msg (new). */
static enum db_status
login_answer(struct db *db, const char *login, const char *secret,
    long long now, char **msg)
{
	enum db_status	 st = try_login(db, login, secret, now);

	free(*msg);
	*msg = xstrdup(db_errmsg(db));
	return st;
}

/*
 * While another terminal holds the write lock past the busy timeout, a
 * wrong PIN, the right PIN and an unknown login get the same answer (a
 * held lock tells nothing about the PIN), and the tries that could not
 * be written are counted in this process: five lock every login.
 */
static void
login_busy(void)
{
	char		*path, *wrong = NULL, *msg = NULL;
	struct db	*db = fresh(&path), *other = NULL;
	enum db_status	 st;
	int		 i;

	if (db == NULL || (other = open_ok(path, 0)) == NULL)
		goto out;
	db_set_busy_timeout(db, 50);
	CHECK_INT(db_exec(other, "BEGIN IMMEDIATE"), SQLITE_OK);
	st = login_answer(db, "anna", "0000", NOW, &wrong);
	CHECK(st != DB_OK);
	CHECK_INT(login_answer(db, "anna", PIN, NOW, &msg), st);
	CHECK_STR(msg, wrong);
	CHECK_INT(login_answer(db, "nobody", "0000", NOW, &msg), st);
	CHECK_STR(msg, wrong);
	CHECK_INT(login_answer(db, "boss", ADMIN_PW, NOW, &msg), st);
	CHECK_STR(msg, wrong);
	for (i = 0; i < 3; i++)
		CHECK_INT(login_answer(db, "anna", "0000", NOW, &msg), st);
	CHECK_INT(db_exec(other, "COMMIT"), SQLITE_OK);
	/* Five refusals not written: this process refuses every login
	 * until the lock runs out. */
	CHECK_INT(try_login(db, "anna", PIN, NOW + 1), DB_DENIED);
	CHECK_INT(try_login(db, "boss", ADMIN_PW, NOW + 899), DB_DENIED);
	CHECK_INT(try_login(db, "anna", PIN, NOW + 900), DB_OK);
	CHECK_INT(one(db, "SELECT failures FROM account WHERE "
	    "login = 'anna'"), 0);
out:
	free(wrong);
	free(msg);
	db_close(other);
	db_close(db);
	free(path);
}

/* When a login's row cannot be written at all, a right and a wrong PIN
 * get the same answer too. */
static void
login_write_fails(void)
{
	char		*path, *wrong = NULL, *msg = NULL;
	struct db	*db = fresh(&path);
	enum db_status	 st;

	if (db == NULL)
		goto out;
	CHECK_INT(db_exec(db, "CREATE TEMP TRIGGER boom BEFORE INSERT ON "
	    "audit BEGIN SELECT RAISE(ABORT, 'no room'); END"), SQLITE_OK);
	st = login_answer(db, "anna", "0000", NOW, &wrong);
	CHECK(st != DB_OK);
	CHECK_INT(login_answer(db, "anna", PIN, NOW, &msg), st);
	CHECK_STR(msg, wrong);
	CHECK_INT(login_answer(db, "nobody", "0000", NOW, &msg), st);
	CHECK_STR(msg, wrong);
	CHECK_INT(db_exec(db, "DROP TRIGGER boom"), SQLITE_OK);
	CHECK_INT(try_login(db, "anna", PIN, NOW), DB_OK);
	db_close(db);
out:
	free(wrong);
	free(msg);
	free(path);
}

/* A login that looks like a CPR number is refused, as a name is; one
 * made before the rule can still be found, to log in or disable it. */
static void
cpr_login(void)
{
	static const char *const bad[] = {
		"0101901234", "010190-1234", "lene-010190-1234",
		"3112991234",
	};
	char		*path;
	struct db	*db = fresh(&path);
	struct account	 a;
	struct session	 s;
	size_t		 i;

	if (db == NULL)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		a = mkacct(bad[i], ROLE_AMBASSADOR, "605");
		if (db_account_add(db, &cli, &a, "86420", &policy) !=
		    DB_INVALID || strstr(db_errmsg(db), "CPR") == NULL)
			TEST_FAIL("login \"%s\": %s", bad[i], db_errmsg(db));
	}
	a = mkacct("1234", ROLE_AMBASSADOR, "605");
	CHECK_INT(db_account_add(db, &cli, &a, "86420", &policy), DB_OK);
	CHECK_INT(db_exec(db, "UPDATE account SET login = '0101901234' "
	    "WHERE login = 'anna'"), SQLITE_OK);
	CHECK_INT(db_account_get(db, &cli, "0101901234", &a), DB_OK);
	db_account_clear(&a);
	login_ok(db, "0101901234", PIN, NOW, &s);
	db_session_clear(&s);
	db_close(db);
out:
	free(path);
}

int
main(void)
{
	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN("account", first_admin);
	RUN("account", refused_accounts);
	RUN("account", login_right_wrong);
	RUN("account", same_refusal);
	RUN("account", lockout);
	RUN("account", login_list);
	RUN("account", unlock);
	RUN("account", disable_reset);
	RUN("account", rehash);
	RUN("account", audit_immutable);
	RUN("account", audit_list);
	RUN("account", audit_backward);
	RUN("account", audit_local_days);
	RUN("account", no_secret_in_file);
	RUN("account", private_mode);
	RUN("account", private_sides);
	RUN("account", tied);
	RUN("account", read_access);
	RUN("account", readonly_login);
	RUN("account", login_changed);
	RUN("account", same_time_after_cost_rose);
	RUN("account", account_rights);
	RUN("account", login_busy);
	RUN("account", login_write_fails);
	RUN("account", cpr_login);
	core_key_done();
	if (test_failures == 0) {
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);

		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	TEST_END();
}
