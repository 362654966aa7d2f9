/*
 * test-secret.c — what a PIN or password may be, hashing and checking
 * secrets, when a hash needs a rehash, the lockout with a fixed clock,
 * and what each role may do.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "test.h"
#include "util.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])

/* An ambassador's PIN is 4 to 8 digits. */
static void
check_pin(void)
{
	CHECK(core_check_secret(ROLE_AMBASSADOR, "123") != NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, "1234") == NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, "12345678") == NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, "123456789") != NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, "12a4") != NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, " 1234") != NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, "") != NULL);
	CHECK(core_check_secret(ROLE_AMBASSADOR, NULL) != NULL);
}

/* The secretariat's and admin's password has at least 10 characters. */
static void
check_password(void)
{
	CHECK(core_check_secret(ROLE_SECRETARIAT, "123456789") != NULL);
	CHECK(core_check_secret(ROLE_SECRETARIAT, "1234567890") == NULL);
	CHECK(core_check_secret(ROLE_ADMIN, "short") != NULL);
	CHECK(core_check_secret(ROLE_ADMIN, "rødgrød med fløde") == NULL);
	/* Characters, not bytes: 9 letters of two bytes each is too short. */
	CHECK(core_check_secret(ROLE_ADMIN, "æøåæøåæøå") != NULL);
	CHECK(core_check_secret(ROLE_ADMIN, "æøåæøåæøåæ") == NULL);
	CHECK(core_check_secret(ROLE_ADMIN, "") != NULL);
}

/* A hash at the minimum cost checks the right secret only. */
static void
hash_verify(void)
{
	char	 hash[CORE_HASH_SIZE];

	CHECK(core_secret_hash("7391", COST_MINIMUM, hash) == 0);
	CHECK(strncmp(hash, "$argon2id$v=19$", 15) == 0);
	CHECK(strstr(hash, "7391") == NULL);
	CHECK(core_secret_verify(hash, "7391") == 1);
	CHECK(core_secret_verify(hash, "7392") == 0);
	CHECK(core_secret_verify(hash, "") == 0);
	CHECK(core_secret_verify("not a hash", "7391") == 0);
	CHECK(core_secret_verify("$argon2id$v=19$m=8,t=1,p=1$xx$yy",
	    "7391") == 0);
	CHECK(core_secret_verify("", "7391") == 0);
	CHECK(core_secret_verify(NULL, "7391") == 0);
	core_secret_wipe(hash, sizeof hash);
	CHECK(hash[0] == '\0' && hash[CORE_HASH_SIZE - 1] == '\0');
}

/* Two hashes of one secret differ (a salt). */
static void
hash_salted(void)
{
	char	 a[CORE_HASH_SIZE], b[CORE_HASH_SIZE];

	CHECK(core_secret_hash("correct horse", COST_MINIMUM, a) == 0);
	CHECK(core_secret_hash("correct horse", COST_MINIMUM, b) == 0);
	CHECK(strcmp(a, b) != 0);
	CHECK(core_secret_verify(a, "correct horse") == 1);
	CHECK(core_secret_verify(b, "correct horse") == 1);
}

/* Rehash only when the stored cost is lower than asked. */
static void
needs_rehash(void)
{
	char	 min[CORE_HASH_SIZE], inter[CORE_HASH_SIZE];

	CHECK(core_secret_hash("1234", COST_MINIMUM, min) == 0);
	CHECK(core_secret_hash("1234", COST_INTERACTIVE, inter) == 0);
	CHECK(strstr(inter, "$m=65536,t=2,") != NULL);
	CHECK(core_secret_needs_rehash(min, COST_MINIMUM) == 0);
	CHECK(core_secret_needs_rehash(min, COST_INTERACTIVE) == 1);
	CHECK(core_secret_needs_rehash(min, COST_MODERATE) == 1);
	CHECK(core_secret_needs_rehash(inter, COST_MINIMUM) == 0);
	CHECK(core_secret_needs_rehash(inter, COST_INTERACTIVE) == 0);
	CHECK(core_secret_needs_rehash(inter, COST_MODERATE) == 1);
	/* Stronger than asked on one, weaker on the other: rehash. */
	CHECK(core_secret_needs_rehash("$argon2id$v=19$m=524288,t=1,p=1$"
	    "c2FsdA$aGFzaA", COST_INTERACTIVE) == 1);
	CHECK(core_secret_needs_rehash("$argon2id$v=19$m=524288,t=4,p=1$"
	    "c2FsdA$aGFzaA", COST_MODERATE) == 0);
	/* Malformed, or another algorithm. */
	CHECK(core_secret_needs_rehash("", COST_MINIMUM) == 1);
	CHECK(core_secret_needs_rehash(NULL, COST_MINIMUM) == 1);
	CHECK(core_secret_needs_rehash("$argon2i$v=19$m=65536,t=2,p=1$x$y",
	    COST_MINIMUM) == 1);
	CHECK(core_secret_needs_rehash("$argon2id$v=19$m=,t=2,p=1$x$y",
	    COST_MINIMUM) == 1);
	CHECK(core_secret_needs_rehash("$argon2id$v=19$t=2,m=65536,p=1$x$y",
	    COST_MINIMUM) == 1);
}

/* Five wrong tries lock for 900 seconds; the lock ends on time. */
static void
lockout(void)
{
	const struct lockout rule = { .max_failures = 5, .lock_seconds = 900 };
	long long	 now = 1559390400, until = 0;
	int		 failures = 0, i;

	for (i = 1; i < 5; i++) {
		CHECK_INT(core_lockout_fail(&rule, &failures, &until, now + i),
		    0);
		CHECK_INT(failures, i);
		CHECK_INT(until, 0);
	}
	CHECK(!core_locked(until, now + 4));
	CHECK_INT(core_lockout_fail(&rule, &failures, &until, now + 5), 1);
	CHECK_INT(failures, 0);
	CHECK_INT(until, now + 5 + 900);
	CHECK(core_locked(until, now + 5));
	CHECK(core_locked(until, until - 1));
	CHECK(!core_locked(until, until));
	CHECK(!core_locked(0, now));
	/* While locked, a wrong try changes nothing. */
	CHECK_INT(core_lockout_fail(&rule, &failures, &until, until - 1), 0);
	CHECK_INT(failures, 0);
	CHECK_INT(until, now + 5 + 900);
	/* After the lock, counting starts again. */
	CHECK_INT(core_lockout_fail(&rule, &failures, &until, until), 0);
	CHECK_INT(failures, 1);
}

/* One allowed wrong try: the first one locks. */
static void
lockout_one(void)
{
	const struct lockout rule = { .max_failures = 1, .lock_seconds = 60 };
	long long	 until = 0;
	int		 failures = 0;

	CHECK_INT(core_lockout_fail(&rule, &failures, &until, 100), 1);
	CHECK_INT(until, 160);
	CHECK(core_locked(until, 159));
}

/* What each role may do. */
static void
may_table(void)
{
	static const struct {
		enum access	 what;
		int		 amb, sec, admin;
	} t[] = {
		{ ACCESS_HOUSEHOLDS,		1, 1, 1 },
		{ ACCESS_ALL_DEPARTMENTS,	0, 1, 1 },
		{ ACCESS_HANDLED,		0, 1, 1 },
		{ ACCESS_DELETE,		0, 1, 1 },
		{ ACCESS_AMBASSADORS,		1, 1, 1 },
		{ ACCESS_AMBASSADORS_EDIT,	0, 1, 1 },
		{ ACCESS_GOAL,			0, 1, 1 },
		{ ACCESS_AUDIT,			0, 1, 1 },
		{ ACCESS_UNLOCK,		0, 1, 1 },
		{ ACCESS_ACCOUNTS,		0, 0, 1 },
		{ ACCESS_EXPORT,		0, 1, 1 },
	};
	size_t	 i;

	CHECK_INT(N(t), ACCESS_EXPORT + 1);
	for (i = 0; i < N(t); i++) {
		if (core_may(ROLE_NONE, t[i].what) != 0)
			TEST_FAIL("none may do %d", (int)t[i].what);
		if (core_may(ROLE_AMBASSADOR, t[i].what) != t[i].amb)
			TEST_FAIL("ambassador and %d", (int)t[i].what);
		if (core_may(ROLE_SECRETARIAT, t[i].what) != t[i].sec)
			TEST_FAIL("secretariat and %d", (int)t[i].what);
		if (core_may(ROLE_ADMIN, t[i].what) != t[i].admin)
			TEST_FAIL("admin and %d", (int)t[i].what);
	}
	CHECK(core_may((enum role)99, ACCESS_HOUSEHOLDS) == 0);
	CHECK(core_may(ROLE_ADMIN, (enum access)99) == 0);
}

/* Role names both ways. */
static void
role_names(void)
{
	enum role	 r = ROLE_NONE;

	CHECK(core_role_parse("ambassador", &r) == 0 && r == ROLE_AMBASSADOR);
	CHECK(core_role_parse("secretariat", &r) == 0 &&
	    r == ROLE_SECRETARIAT);
	CHECK(core_role_parse("admin", &r) == 0 && r == ROLE_ADMIN);
	CHECK(core_role_parse("none", &r) == -1);
	CHECK(core_role_parse("Admin", &r) == -1);
	CHECK(core_role_parse("", &r) == -1);
	CHECK(core_role_parse(NULL, &r) == -1);
	CHECK_STR(core_role_name(ROLE_SECRETARIAT), "secretariat");
	CHECK_STR(core_role_name(ROLE_ADMIN), "admin");
	CHECK(core_role_label(ROLE_AMBASSADOR) != NULL);
}

int
main(void)
{
	RUN("secret", check_pin);
	RUN("secret", check_password);
	RUN("secret", hash_verify);
	RUN("secret", hash_salted);
	RUN("secret", needs_rehash);
	RUN("secret", lockout);
	RUN("secret", lockout_one);
	RUN("secret", may_table);
	RUN("secret", role_names);
	TEST_END();
}
