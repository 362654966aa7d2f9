/*
 * bench-login.c — how long logging in takes at each hash cost: a right
 * PIN, a wrong one, an unknown login and a locked account should all take
 * about the same time (so the time tells nothing), and that time is what
 * a person waits at the shared terminal.  Prints one line per
 * measurement; nothing is asserted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "core.h"
#include "db.h"
#include "util.h"

#define ROUNDS	5

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The mean milliseconds of ROUNDS logins of login with secret at t. */
static double
login_ms(struct db *db, const struct account_policy *p, const char *login,
    const char *secret, long long t)
{
	struct session	 s;
	double		 start = now();
	int		 i;

	for (i = 0; i < ROUNDS; i++) {
		if (db_login(db, login, secret, t, p, &s) == DB_OK)
			db_session_clear(&s);
	}
	return (now() - start) * 1000 / ROUNDS;
}

/* Add an account or stop. */
static void
add(struct db *db, const struct account_policy *p, const char *login,
    const char *secret)
{
	struct who	 who = { .name = "bench", .role = ROLE_ADMIN };
	struct account	 a;

	memset(&a, 0, sizeof a);
	a.login = (char *)login;
	a.role = ROLE_ADMIN;
	if (db_account_add(db, &who, &a, secret, p) != DB_OK)
		fatal("%s", db_errmsg(db));
}

/* The four kinds of login at one cost. */
static void
bench_cost(const char *dir, enum secret_cost cost, const char *name)
{
	struct account_policy	 p = { { 5, 900 }, cost };
	struct db		*db;
	char			*path, *err;
	long long		 t = 1559390400LL;
	int			 i;

	path = xasprintf("%s/%s.db", dir, name);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL)
		fatal("%s", err);
	add(db, &p, "boss", "bench-password-1");
	add(db, &p, "locked", "bench-password-2");
	for (i = 0; i < 5; i++)
		login_ms(db, &p, "locked", "wrong-password", t);
	printf("%-12s right password        %8.1f ms\n", name,
	    login_ms(db, &p, "boss", "bench-password-1", t));
	printf("%-12s wrong password        %8.1f ms\n", name,
	    login_ms(db, &p, "boss", "wrong-password", t));
	printf("%-12s unknown login         %8.1f ms\n", name,
	    login_ms(db, &p, "nobody", "wrong-password", t));
	printf("%-12s locked account        %8.1f ms\n", name,
	    login_ms(db, &p, "locked", "bench-password-2", t));
	db_close(db);
	free(path);
}

int
main(void)
{
	char	 dir[] = "/tmp/velkomst-bench-login-XXXXXX";
	char	*cmd;

	umask(077);
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp: cannot make a folder under /tmp");
	bench_cost(dir, COST_INTERACTIVE, "interactive");
	bench_cost(dir, COST_MODERATE, "moderate");
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return 0;
}
