/*
 * core-access.c — accounts' roles and what each role may do.  The data
 * layer asks core_may() at the start of every call, so the rule holds
 * however a screen or a command reaches the data.
 */
#include <stddef.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

#define NROLE	4

static const char *const role_names[NROLE] = {
	[ROLE_NONE] = "none",
	[ROLE_AMBASSADOR] = "ambassador",
	[ROLE_SECRETARIAT] = "secretariat",
	[ROLE_ADMIN] = "admin",
};

static const char *const role_labels[NROLE] = {
	[ROLE_NONE] = N_("no role"),
	[ROLE_AMBASSADOR] = N_("ambassador"),
	[ROLE_SECRETARIAT] = N_("secretariat"),
	[ROLE_ADMIN] = N_("admin"),
};

/* The weakest role that may do each thing. */
static const enum role access_needs[] = {
	[ACCESS_HOUSEHOLDS] = ROLE_AMBASSADOR,
	[ACCESS_ALL_DEPARTMENTS] = ROLE_SECRETARIAT,
	[ACCESS_HANDLED] = ROLE_SECRETARIAT,
	[ACCESS_DELETE] = ROLE_SECRETARIAT,
	[ACCESS_AMBASSADORS] = ROLE_AMBASSADOR,
	[ACCESS_AMBASSADORS_EDIT] = ROLE_SECRETARIAT,
	[ACCESS_GOAL] = ROLE_SECRETARIAT,
	[ACCESS_AUDIT] = ROLE_SECRETARIAT,
	[ACCESS_UNLOCK] = ROLE_SECRETARIAT,
	[ACCESS_ACCOUNTS] = ROLE_ADMIN,
	[ACCESS_EXPORT] = ROLE_SECRETARIAT,
	[ACCESS_AMBASSADOR_ACCOUNTS] = ROLE_SECRETARIAT,
	[ACCESS_BACKUP] = ROLE_SECRETARIAT,
	[ACCESS_RESTORE] = ROLE_ADMIN,
};

#define NACCOUNT_OP	(ACCOUNT_UNLOCK + 1)

/* One row of account_needs: the weakest role that may act on an account
 * of each role.  Ambassadors' accounts are the secretariat's too (it
 * gives a new ambassador a PIN); admin and secretariat accounts stay
 * with admins. */
#define ACCOUNT_RULE	{ [ROLE_AMBASSADOR] = ROLE_SECRETARIAT, \
	[ROLE_SECRETARIAT] = ROLE_ADMIN, [ROLE_ADMIN] = ROLE_ADMIN }

/* Each operation on an account, by the target account's role. */
static const enum role account_needs[NACCOUNT_OP][NROLE] = {
	[ACCOUNT_ADD] = ACCOUNT_RULE,
	[ACCOUNT_DISABLE] = ACCOUNT_RULE,
	[ACCOUNT_ENABLE] = ACCOUNT_RULE,
	[ACCOUNT_RESET] = ACCOUNT_RULE,
	[ACCOUNT_UNLOCK] = ACCOUNT_RULE,
};

/* Why the secretariat may not do each thing to an admin's or the
 * secretariat's account. */
static const char *const account_refusals[NACCOUNT_OP] = {
	[ACCOUNT_ADD] = N_("Only an admin can add a login for the "
	    "secretariat or an admin. The secretariat can add ambassadors' "
	    "logins."),
	[ACCOUNT_DISABLE] = N_("Only an admin can disable a login of the "
	    "secretariat or an admin."),
	[ACCOUNT_ENABLE] = N_("Only an admin can enable a login of the "
	    "secretariat or an admin."),
	[ACCOUNT_RESET] = N_("Only an admin can give a login of the "
	    "secretariat or an admin a new password."),
	[ACCOUNT_UNLOCK] = N_("Only an admin can unlock a login of the "
	    "secretariat or an admin."),
};

/* The stable name of a role, as stored and typed. */
const char *
core_role_name(enum role r)
{
	return (size_t)r < NROLE ? role_names[r] : role_names[0];
}

/* The role a stable name names (not "none"); -1 if none. */
int
core_role_parse(const char *s, enum role *out)
{
	int	 i;

	if ((i = core_name_index(role_names, NROLE, s)) <= 0)
		return -1;
	*out = (enum role)i;
	return 0;
}

/* A word for the screen (for _()). */
const char *
core_role_label(enum role r)
{
	return (size_t)r < NROLE ? role_labels[r] : role_labels[0];
}

/* 1 if role may do what. */
int
core_may(enum role r, enum access what)
{
	if ((size_t)what >= sizeof access_needs / sizeof access_needs[0] ||
	    r <= ROLE_NONE || r > ROLE_ADMIN)
		return 0;
	return r >= access_needs[what];
}

/* 1 if role r may do op to an account of role target. */
int
core_may_account(enum role r, enum account_op op, enum role target)
{
	if ((size_t)op >= NACCOUNT_OP || target <= ROLE_NONE ||
	    target > ROLE_ADMIN || r <= ROLE_NONE || r > ROLE_ADMIN)
		return 0;
	return r >= account_needs[op][target];
}

/* Why r may not do op to an account of role target, or NULL. */
const char *
core_account_refusal(enum role r, enum account_op op, enum role target)
{
	if (core_may_account(r, op, target))
		return NULL;
	if ((size_t)op < NACCOUNT_OP && r == ROLE_SECRETARIAT &&
	    target > ROLE_AMBASSADOR && target <= ROLE_ADMIN)
		return account_refusals[op];
	return N_("Your account may not do this.");
}
