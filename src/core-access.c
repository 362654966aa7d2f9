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
