/*
 * test-backup.c — backups and restores in the data layer, and who is
 * logged in: a backup is a private, whole, plain file that never
 * replaces one; its default names; who may make one; a file refused for
 * a restore leaves the database as it was; a restore replaces the
 * content, keeps the old one aside and upgrades an older schema; stale
 * rows of who is logged in count for nothing.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

static const struct who	 admin = { .name = "tester", .role = ROLE_ADMIN };
static const struct who	 sec = { .name = "sekretariat",
			    .role = ROLE_SECRETARIAT };
static const struct who	 amb = { .name = "birgit", .role = ROLE_AMBASSADOR,
			    .departments = { "bb605" }, .ndepartments = 1 };
static char		*dir;		/* this run's folder */

/* A new file name in the run's folder. */
static char *
at(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Open (create) the database name in the run's folder, or fail. */
static struct db *
open_at(const char *name)
{
	struct db	*db;
	char		*err, *path = at(name);

	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		TEST_FAIL("db_open %s: %s", path, err);
		free(err);
	}
	free(path);
	return db;
}

/* Add n households named after i. */
static void
houses(struct db *db, int n)
{
	struct household h;
	char		 name[32];
	int		 i;

	for (i = 0; i < n; i++) {
		memset(&h, 0, sizeof h);
		snprintf(name, sizeof name, "Ea Lund %d", i);
		h.department = (char *)"bb605";
		h.stairwell = (char *)"A 1";
		h.flat = (char *)"2. th.";
		h.moved_in = util_today() - i;
		h.moved_out = DATE_NONE;
		h.consent_on = DATE_NONE;
		h.members[0] = name;
		h.nmembers = 1;
		if (db_household_add(db, &admin, &h) != DB_OK)
			TEST_FAIL("add: %s", db_errmsg(db));
	}
}

/* The mode bits of path, or -1. */
static int
mode_of(const char *path)
{
	struct stat	 sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 07777) : -1;
}

/* 1 if path is there. */
static int
there(const char *path)
{
	struct stat	 sb;

	return lstat(path, &sb) == 0;
}

/* A backup into a named file: private, whole, a rollback journal with
 * nothing beside it, stamped, audited; never over a file. */
static void
test_backup_file(void)
{
	struct db_backup_info	 info;
	struct db		*db = open_at("a.db");
	unsigned char		 hdr[20];
	char			*path = at("copy.db"), *wal;
	int			 fd;

	if (db == NULL)
		return;
	houses(db, 3);
	CHECK_INT(db_backup(db, &admin, path, &info), DB_OK);
	CHECK_STR(info.path, path);
	CHECK_INT(info.households, 3);
	CHECK_INT(info.schema, DB_SCHEMA_VERSION);
	CHECK(info.size > 0);
	CHECK_INT(mode_of(path), 0600);
	wal = xasprintf("%s-wal", path);
	CHECK(!there(wal));
	free(wal);
	if ((fd = open(path, O_RDONLY)) != -1) {
		CHECK(read(fd, hdr, sizeof hdr) == (ssize_t)sizeof hdr);
		CHECK_INT(hdr[18], 1);	/* a rollback journal, not WAL */
		CHECK_INT(hdr[19], 1);
		close(fd);
	}
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'backup made' AND detail = 'copy.db'"), 1);
	db_backup_info_clear(&info);
	/* Never over a file, and that file is left alone. */
	CHECK_INT(db_backup(db, &admin, path, &info), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "is there already") != NULL);
	CHECK(info.path == NULL);
	CHECK(there(path));
	CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
	    "'backup made'"), 1);
	db_close(db);
	free(path);
}

/* Without a name: backups/velkomst-DATE.db, then -2, -3; the folder is
 * private. */
static void
test_backup_dated(void)
{
	struct db_backup_info	 info;
	struct db		*db = open_at("b.db");
	char			*want, *folder = at("backups");
	int			 i;

	if (db == NULL)
		return;
	for (i = 1; i <= 3; i++) {
		CHECK_INT(db_backup(db, &sec, NULL, &info), DB_OK);
		want = i == 1 ? at("backups/velkomst-2019-06-01.db") :
		    xasprintf("%s/backups/velkomst-2019-06-01-%d.db", dir, i);
		CHECK_STR(info.path, want);
		CHECK(there(want));
		free(want);
		db_backup_info_clear(&info);
	}
	CHECK_INT(mode_of(folder), 0700);
	free(folder);
	db_close(db);
}

/* An ambassador may not; a read-only database makes none. */
static void
test_backup_refused(void)
{
	struct db_backup_info	 info;
	struct db		*db = open_at("c.db");
	char			*path = at("c-copy.db"), *src = at("c.db");
	char			*err;

	if (db == NULL)
		return;
	CHECK_INT(db_backup(db, &amb, path, &info), DB_DENIED);
	CHECK(!there(path));
	db_close(db);
	chmod(src, 0400);
	if ((db = db_open(src, 0, &err)) == NULL) {
		TEST_FAIL("read-only open: %s", err);
		free(err);
	} else {
		CHECK(db_readonly(db));
		CHECK_INT(db_backup(db, &admin, path, &info), DB_READONLY);
		CHECK(!there(path));
		db_close(db);
	}
	chmod(src, 0600);
	free(src);
	free(path);
}

/* Files refused for a restore, and the database left as it was. */
static void
test_restore_refused(void)
{
	struct db_backup_info	 info, aside;
	struct db		*db = open_at("d.db");
	sqlite3			*raw;
	char			*good = at("d-good.db"), *bad = at("d-bad.db");
	char			*other = at("d-other.db"), *newer = at("d-new.db");
	char			 page[4096];	/* the default page size */
	int			 fd;

	if (db == NULL)
		return;
	houses(db, 4);
	CHECK_INT(db_backup(db, &admin, good, &info), DB_OK);
	db_backup_info_clear(&info);
	/* Damaged: a whole page in the middle overwritten (a backup has no
	 * free pages, so it is in use; bytes in a page's free space alone
	 * are not damage SQLite's check can see). */
	CHECK_INT(db_backup(db, &admin, bad, &info), DB_OK);
	memset(page, 'x', sizeof page);
	if ((fd = open(bad, O_WRONLY)) != -1) {
		CHECK(pwrite(fd, page, sizeof page, (off_t)(info.size /
		    2 / (long long)sizeof page * (long long)sizeof page)) ==
		    (ssize_t)sizeof page);
		close(fd);
	}
	db_backup_info_clear(&info);
	CHECK_INT(db_restore_check(db, bad, &info), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "is damaged") != NULL);
	CHECK_INT(db_restore(db, &admin, bad, &aside), DB_INVALID);
	CHECK(aside.path == NULL);
	/* Another program's database. */
	if (sqlite3_open(other, &raw) == SQLITE_OK) {
		sqlite3_exec(raw, "CREATE TABLE meta (k); PRAGMA user_version "
		    "= 3", NULL, NULL, NULL);
		sqlite3_close(raw);
	}
	CHECK_INT(db_restore_check(db, other, &info), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "not a velkomst database") != NULL);
	/* A newer velkomst's. */
	CHECK_INT(db_backup(db, &admin, newer, &info), DB_OK);
	db_backup_info_clear(&info);
	if (sqlite3_open(newer, &raw) == SQLITE_OK) {
		sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL);
		sqlite3_close(raw);
	}
	CHECK_INT(db_restore_check(db, newer, &info), DB_INVALID);
	CHECK(strstr(db_errmsg(db), "schema 99") != NULL);
	/* The database itself; and who may. */
	CHECK_INT(db_restore_check(db, db_path(db), &info), DB_INVALID);
	CHECK_INT(db_restore(db, &sec, good, &aside), DB_DENIED);
	CHECK_INT(one(db, "SELECT count(*) FROM household"), 4);
	db_close(db);
	free(good);
	free(bad);
	free(other);
	free(newer);
}

/* A restore of an older backup: the content comes back, the database as
 * it was is kept aside, an older schema is upgraded on the next open. */
static void
test_restore(void)
{
	struct db_backup_info	 info, aside;
	struct db		*db = open_at("e.db");
	sqlite3			*raw;
	char			*copy = at("e-copy.db"), *path = at("e.db");

	if (db == NULL)
		return;
	houses(db, 2);
	CHECK_INT(db_backup(db, &admin, copy, &info), DB_OK);
	db_backup_info_clear(&info);
	houses(db, 5);
	/* As a velkomst of schema 11 made it. */
	if (sqlite3_open(copy, &raw) == SQLITE_OK) {
		sqlite3_exec(raw, "DROP TABLE logged_in; PRAGMA user_version "
		    "= 11", NULL, NULL, NULL);
		sqlite3_close(raw);
	}
	CHECK_INT(db_restore_check(db, copy, &info), DB_OK);
	CHECK_INT(info.households, 2);
	CHECK_INT(info.schema, 11);
	CHECK(info.made[0] != '\0');
	db_backup_info_clear(&info);
	CHECK_INT(db_restore(db, &admin, copy, &aside), DB_OK);
	CHECK(aside.path != NULL && strstr(aside.path, "e.db.before-restore-"
	    "2019-06-01-") != NULL);
	CHECK_INT(aside.households, 7);
	CHECK_INT(mode_of(aside.path), 0600);
	db_backup_info_clear(&aside);
	db_close(db);
	if ((db = reopen(path)) != NULL) {
		CHECK_INT(db_restore_done(db, &admin, copy), DB_OK);
		CHECK_INT(one(db, "SELECT count(*) FROM household"), 2);
		CHECK_INT(one(db, "SELECT count(*) FROM audit WHERE kind = "
		    "'database restored'"), 1);
		CHECK_INT(one(db, "SELECT count(*) FROM meta WHERE key = "
		    "'backup_made'"), 0);
		db_close(db);
	}
	free(copy);
	free(path);
}

/* Count the rows db_logged_in_list gives, keeping the logins. */
static void
collect(void *ctx, const struct logged_in *r)
{
	char	*s = ctx;
	size_t	 len = strlen(s);

	snprintf(s + len, 128 - len, "%s;", r->login);
}

/* Who is logged in: this process's row is not another's; a dead
 * process's row on this host is stale and removed; one of another host
 * counts. */
static void
test_logged_in(void)
{
	struct db	*db = open_at("f.db");
	char		 got[128] = "", host[HOST_NAME_MAX + 1], *sql;
	long		 id;

	if (db == NULL)
		return;
	gethostname(host, sizeof host);
	host[sizeof host - 1] = '\0';
	id = db_logged_in_add(db, &sec);
	CHECK(id > 0);
	CHECK_INT(db_logged_in_list(db, &admin, collect, got), 0);
	sql = xasprintf("INSERT INTO logged_in (login, pid, host, since) "
	    "VALUES ('dead', %d, '%s', '2019-06-01 10:00:00'), ('init', 1, "
	    "'%s', '2019-06-01 10:01:00'), ('far', 999999, 'elsewhere', "
	    "'2019-06-01 10:02:00')", INT_MAX - 1, host, host);
	CHECK(db_exec(db, sql) == SQLITE_OK);
	free(sql);
	CHECK_INT(db_logged_in_list(db, &admin, collect, got), 2);
	CHECK_STR(got, "init;far;");
	CHECK_INT(one(db, "SELECT count(*) FROM logged_in WHERE login = "
	    "'dead'"), 0);
	CHECK_INT(db_logged_in_list(db, &amb, NULL, NULL), -1);
	db_logged_in_remove(db, id);
	CHECK_INT(one(db, "SELECT count(*) FROM logged_in"), 2);
	db_close(db);
}

/* The roles: backups for the secretariat, restores for admins. */
static void
test_access(void)
{
	CHECK(!core_may(ROLE_AMBASSADOR, ACCESS_BACKUP));
	CHECK(core_may(ROLE_SECRETARIAT, ACCESS_BACKUP));
	CHECK(core_may(ROLE_ADMIN, ACCESS_BACKUP));
	CHECK(!core_may(ROLE_SECRETARIAT, ACCESS_RESTORE));
	CHECK(core_may(ROLE_ADMIN, ACCESS_RESTORE));
}

int
main(void)
{
	char	 tmpl[] = "/tmp/velkomst-test-backup-XXXXXX";

	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	util_today_init(NULL);
	if ((dir = mkdtemp(tmpl)) == NULL) {
		printf("FAIL backup: mkdtemp\n");
		return 1;
	}
	RUN("backup", test_backup_file);
	RUN("backup", test_backup_dated);
	RUN("backup", test_backup_refused);
	RUN("backup", test_restore_refused);
	RUN("backup", test_restore);
	RUN("backup", test_logged_in);
	RUN("backup", test_access);
	core_key_done();
	if (test_failures == 0) {
		char *rm = xasprintf("rm -rf '%s'", dir);

		if (system(rm) != 0)
			printf("FAIL backup: could not remove %s\n", dir);
		free(rm);
	} else
		printf("evidence kept in %s\n", dir);
	TEST_END();
}
