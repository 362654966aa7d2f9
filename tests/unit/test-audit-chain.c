/*
 * test-audit-chain.c — the audit trail's chain and its guard triggers:
 * each row's hash, `velkomst check` (db_check) finding a row removed,
 * changed or added with another tool, rows removed from the end (also
 * after velkomst wrote more), an emptied trail; rows of a bulk batch,
 * whose head is written once at its end; the triggers put back
 * on open and said (db_notice, an audit row), checked when read-only;
 * and the migration of a schema-5 trail.
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

static char		 tmpdir[] = "/tmp/velkomst-test-chain-XXXXXX";
static const struct who	 cli = { .name = "tester", .role = ROLE_ADMIN };
static int		 nfile;

/* What db_check reported. */
struct lines {
	char	 text[4096];
	int	 n;
};

/* A db_check callback: keep the lines. */
static void
keep_line(void *ctx, const char *line)
{
	struct lines	*l = ctx;
	size_t		 o = strlen(l->text);

	snprintf(l->text + o, sizeof l->text - o, "%s\n", line);
	l->n++;
}

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

/* Run sql as the stock sqlite3 tool would (no triggers of ours
 * dropped unless sql says so). */
static void
raw(struct db *db, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
		TEST_FAIL("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

/* A new file with n audit rows (exports of households 1..n); *path
 * gets its name. */
static struct db *
trail(int n, char **path)
{
	struct db	*db;
	int		 i;

	*path = xasprintf("%s/c%d.db", tmpdir, ++nfile);
	if ((db = open_ok(*path, DB_CREATE)) == NULL)
		return NULL;
	for (i = 1; i <= n; i++)
		if (db_audit_note(db, &cli, "export", "household", i,
		    "tsv") != DB_OK)
			TEST_FAIL("note %d: %s", i, db_errmsg(db));
	return db;
}

/* db_check's count and lines. */
static int
check(struct db *db, struct lines *l)
{
	memset(l, 0, sizeof *l);
	return db_check(db, keep_line, l);
}

/* Fail unless the lines hold want. */
static void
has(const struct lines *l, const char *want)
{
	if (strstr(l->text, want) == NULL)
		TEST_FAIL("no \"%s\" in:\n%.700s", want, l->text);
}

/* Every row has a hash, the head is the last row, and check is happy. */
static void
chain_whole(void)
{
	char		*path;
	struct db	*db = trail(5, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE length(hash) = "
	    "64"), 5);
	CHECK_INT(one(db, "SELECT count(DISTINCT hash) FROM audit"), 5);
	CHECK_INT(one(db, "SELECT value LIKE '5 ' || (SELECT hash FROM audit "
	    "WHERE id = 5) FROM meta WHERE key = 'audit_head'"), 1);
	CHECK_INT(check(db, &l), 0);
	CHECK_INT(l.n, 0);
	CHECK(db_notice(db) == NULL);
	db_close(db);
out:
	free(path);
}

/* Rows written in a bulk batch (the demo's): the head is held and
 * written once when the batch commits, and the chain is whole after it;
 * a batch rolled back leaves the head and the trail as they were, and
 * the next row chains to them. */
static void
chain_bulk(void)
{
	char		*path;
	struct db	*db = trail(2, &path);
	struct lines	 l;
	int		 i;

	if (db == NULL)
		goto out;
	CHECK_INT(db_bulk_begin(db, 1024), DB_OK);
	for (i = 3; i <= 40; i++)
		CHECK_INT(db_audit_note(db, &cli, "export", "household", i,
		    "tsv"), DB_OK);
	/* Held: meta still names row 2 while the batch is open. */
	CHECK_INT(one(db, "SELECT value LIKE '2 %' FROM meta WHERE key = "
	    "'audit_head'"), 1);
	CHECK_INT(db_batch_end(db, 1), DB_OK);
	CHECK_INT(one(db, "SELECT value LIKE '40 ' || (SELECT hash FROM "
	    "audit WHERE id = 40) FROM meta WHERE key = 'audit_head'"), 1);
	CHECK_INT(check(db, &l), 0);
	CHECK_INT(l.n, 0);
	CHECK_INT(db_bulk_begin(db, 1024), DB_OK);
	for (i = 41; i <= 45; i++)
		CHECK_INT(db_audit_note(db, &cli, "export", "household", i,
		    "tsv"), DB_OK);
	CHECK_INT(db_batch_end(db, 0), DB_OK);
	CHECK_INT(one(db, "SELECT max(id) FROM audit"), 40);
	CHECK_INT(one(db, "SELECT value LIKE '40 %' FROM meta WHERE key = "
	    "'audit_head'"), 1);
	CHECK_INT(db_audit_note(db, &cli, "export", "household", 46, "tsv"),
	    DB_OK);
	CHECK_INT(one(db, "SELECT max(id) FROM audit"), 41);
	CHECK_INT(check(db, &l), 0);
	CHECK_INT(l.n, 0);
	db_close(db);
out:
	free(path);
}

/* A row removed from the middle: its id is named. */
static void
chain_removed(void)
{
	char		*path;
	struct db	*db = trail(6, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3; "
	    "DELETE FROM audit WHERE id IN (5)");
	CHECK(check(db, &l) >= 2);
	has(&l, "Audit row 3 is missing");
	has(&l, "Audit row 5 is missing");
	has(&l, "audit_no_delete");
	CHECK(strstr(l.text, "row 4") == NULL && strstr(l.text, "row 6") ==
	    NULL);
	db_close(db);
out:
	free(path);
}

/* A row changed: only it is named; its hash changed too. */
static void
chain_changed(void)
{
	char		*path;
	struct db	*db = trail(5, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_update; "
	    "UPDATE audit SET record = 99 WHERE id = 2; "
	    "UPDATE audit SET login = NULL WHERE id = 4");
	CHECK_INT(check(db, &l), 3);	/* 2, 4 and the trigger */
	has(&l, "Audit row 2 was changed");
	has(&l, "Audit row 4 was changed");
	CHECK(strstr(l.text, "row 3") == NULL && strstr(l.text, "row 5") ==
	    NULL);
	/* A NULL and an empty text are not the same. */
	raw(db, "UPDATE audit SET record = 2 WHERE id = 2; UPDATE audit SET "
	    "login = 'tester' WHERE id = 4; UPDATE audit SET detail = '' "
	    "WHERE id = 5");
	CHECK_INT(check(db, &l), 2);
	has(&l, "Audit row 5 was changed");
	raw(db, "UPDATE audit SET detail = 'tsv', hash = (SELECT hash FROM "
	    "audit WHERE id = 1) WHERE id = 5");
	CHECK(check(db, &l) >= 2);
	has(&l, "Audit row 5 was changed");
	db_close(db);
out:
	free(path);
}

/* A row put in with another tool: named; the rows velkomst writes
 * after it still fit. */
static void
chain_inserted(void)
{
	char		*path;
	struct db	*db = trail(3, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "INSERT INTO audit (at, login, kind) VALUES "
	    "('2019-06-01 10:00:00', 'tester', 'login')");
	CHECK_INT(check(db, &l), 1);
	has(&l, "Audit row 4 was not written by velkomst");
	CHECK_INT(db_audit_note(db, &cli, "export", NULL, 0, NULL), DB_OK);
	CHECK_INT(one(db, "SELECT max(id) FROM audit"), 5);
	CHECK_INT(check(db, &l), 1);
	has(&l, "Audit row 4 was not written by velkomst");
	/* One copied with another row's hash is found too. */
	raw(db, "INSERT INTO audit (at, login, kind, hash) SELECT at, login, "
	    "kind, hash FROM audit WHERE id = 2");
	CHECK_INT(check(db, &l), 2);
	has(&l, "Audit row 6 was changed");
	/* A row with the largest id: velkomst refuses to go on, without
	 * overflowing (and says what to do). */
	raw(db, "INSERT INTO audit (id, at, kind) VALUES "
	    "(9223372036854775807, '2019-06-01 10:00:00', 'login')");
	CHECK_INT(db_audit_note(db, &cli, "export", NULL, 0, NULL), DB_ERROR);
	CHECK(strstr(db_errmsg(db), "velkomst check") != NULL);
	CHECK_INT(check(db, &l), 3);
	has(&l, "Audit row 9223372036854775807 was not written by velkomst");
	db_close(db);
out:
	free(path);
}

/* Rows removed from the end, and the whole trail emptied: the head in
 * meta says so, also after velkomst wrote another row. */
static void
chain_tail(void)
{
	char		*path;
	struct db	*db = trail(6, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > 4; "
	    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
	    "BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); "
	    "END");
	CHECK_INT(check(db, &l), 1);
	has(&l, "Audit rows 5 to 6 are missing");
	/* The next row goes after the head, so the gap stays. */
	CHECK_INT(db_audit_note(db, &cli, "export", NULL, 0, NULL), DB_OK);
	CHECK_INT(one(db, "SELECT max(id) FROM audit"), 7);
	CHECK_INT(check(db, &l), 1);
	has(&l, "Audit rows 5 to 6 are missing");
	raw(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit");
	CHECK_INT(check(db, &l), 2);
	has(&l, "The audit trail is empty, but velkomst had written rows up "
	    "to row 7");
	/* The head removed too, with accounts there. */
	raw(db, "DELETE FROM meta WHERE key = 'audit_head'; INSERT INTO "
	    "account (login, role, hash, created_at, created_by) VALUES "
	    "('x', 'admin', '$argon2id$x', '', '')");
	CHECK_INT(check(db, &l), 2);
	has(&l, "The audit trail is empty, though there are accounts");
	db_close(db);
out:
	free(path);
}

/* The first rows removed; the head changed or removed. */
static void
chain_start_and_head(void)
{
	char		*path;
	struct db	*db = trail(5, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id < 3");
	CHECK_INT(check(db, &l), 2);
	has(&l, "Audit rows 1 to 2 are missing");
	raw(db, "UPDATE meta SET value = 'nonsense' WHERE key = "
	    "'audit_head'");
	CHECK_INT(check(db, &l), 3);
	has(&l, "The mark of the newest audit row was changed");
	raw(db, "DELETE FROM meta WHERE key = 'audit_head'");
	CHECK_INT(check(db, &l), 3);
	has(&l, "The mark of the newest audit row is missing");
	/* A row written now starts from nothing: it does not fit. */
	db_close(db);
out:
	free(path);
}

/* Dropped or changed triggers: check says so read-only; opening puts
 * them back, says so once, and writes it in the trail. */
static void
chain_triggers(void)
{
	char		*path;
	struct db	*db = trail(3, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; "
	    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
	    "SELECT 1; END; CREATE TRIGGER sneaky AFTER INSERT ON audit BEGIN "
	    "SELECT 1; END");
	db_close(db);
	if ((db = open_ok(path, DB_READ_ONLY)) == NULL)
		goto out;
	CHECK(db_notice(db) == NULL);
	CHECK_INT(check(db, &l), 3);
	has(&l, "protection audit_no_update is missing or changed");
	has(&l, "protection audit_no_delete is missing or changed");
	has(&l, "a trigger velkomst did not make (sneaky)");
	db_close(db);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK(db_notice(db) != NULL &&
	    strstr(db_notice(db), "audit_no_update, audit_no_delete") != NULL);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'audit trail repaired' AND detail = 'audit_no_update, "
	    "audit_no_delete' AND id = 4"), 1);
	CHECK_INT(check(db, &l), 1);	/* only the stranger */
	has(&l, "sneaky");
	CHECK(sqlite3_exec(db->h, "DELETE FROM audit", NULL, NULL, NULL) !=
	    SQLITE_OK);
	CHECK(sqlite3_exec(db->h, "UPDATE audit SET kind = 'x'", NULL, NULL,
	    NULL) != SQLITE_OK);
	db_close(db);
	/* Opened again: nothing to put back, nothing said. */
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK(db_notice(db) == NULL);
	CHECK_INT(one(db, "SELECT count(*) FROM audit"), 4);
	db_close(db);
out:
	free(path);
}

/* A trail of schema 5 (no hashes) is chained when it is upgraded. */
static void
chain_migrate(void)
{
	char		*path;
	struct db	*db = trail(4, &path);
	struct lines	 l;

	if (db == NULL)
		goto out;
	raw(db, "DROP TRIGGER audit_no_update; "
	    "DROP TABLE followup; "
	    "ALTER TABLE audit DROP COLUMN hash; "
	    "ALTER TABLE household DROP COLUMN languages_other; "
	    "ALTER TABLE ambassador DROP COLUMN languages_other; "
	    "DELETE FROM meta WHERE key = 'audit_head'; "
	    "INSERT INTO audit (at, login, kind) VALUES ('2019-01-01 "
	    "10:00:00', NULL, 'login failed'); "
	    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
	    "BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); "
	    "END; ALTER TABLE account DROP COLUMN language; "
	    "DROP INDEX visit_item_untitled; "
	    "ALTER TABLE visit_item DROP COLUMN title_da; "
	    "ALTER TABLE visit_item RENAME COLUMN title_en TO title; "
	    "PRAGMA user_version = 5");
	db_close(db);
	if ((db = open_ok(path, 0)) == NULL)
		goto out;
	CHECK_INT(one(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	CHECK(db_notice(db) == NULL);
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE length(hash) = "
	    "64"), 5);
	CHECK_INT(check(db, &l), 0);
	CHECK_INT(db_audit_note(db, &cli, "export", NULL, 0, NULL), DB_OK);
	CHECK_INT(one(db, "SELECT max(id) FROM audit"), 6);
	CHECK_INT(check(db, &l), 0);
	db_close(db);
out:
	free(path);
}

/* The hash: NULL and "" differ, and so do fields split differently. */
static void
chain_hash(void)
{
	unsigned char	 zero[CORE_CHAIN_BYTES] = { 0 };
	unsigned char	 a[CORE_CHAIN_BYTES], b[CORE_CHAIN_BYTES];
	struct core_chain_field f1[2] = { { "ab", 2 }, { "c", 1 } };
	struct core_chain_field f2[2] = { { "a", 1 }, { "bc", 2 } };
	struct core_chain_field n1 = { NULL, 0 }, e1 = { "", 0 };
	char		 hex[CORE_CHAIN_HEX];

	core_chain_hash(zero, f1, 2, a);
	core_chain_hash(zero, f2, 2, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	core_chain_hash(zero, &n1, 1, a);
	core_chain_hash(zero, &e1, 1, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	core_chain_hash(zero, f1, 2, a);
	core_chain_hash(a, f1, 2, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	core_chain_hex(a, hex);
	CHECK_INT(strlen(hex), 64);
	CHECK_INT(core_chain_unhex(hex, strlen(hex), b), 0);
	CHECK(memcmp(a, b, sizeof a) == 0);
	CHECK_INT(core_chain_unhex("abc", 3, b), -1);
	CHECK_INT(core_chain_unhex(NULL, 64, b), -1);
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
	RUN("audit-chain", chain_hash);
	RUN("audit-chain", chain_whole);
	RUN("audit-chain", chain_bulk);
	RUN("audit-chain", chain_removed);
	RUN("audit-chain", chain_changed);
	RUN("audit-chain", chain_inserted);
	RUN("audit-chain", chain_tail);
	RUN("audit-chain", chain_start_and_head);
	RUN("audit-chain", chain_triggers);
	RUN("audit-chain", chain_migrate);
	core_key_done();
	if (test_failures == 0) {
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);

		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	}
	TEST_END();
}
