/*
 * cli-user.c — `velkomst user`: add, list, disable, enable, reset and
 * unlock accounts.  The command line acts as the Unix account owning the
 * database, with an admin's rights (cli_who).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const char user_usage[] = N_("usage: velkomst user "
    "add|list|disable|enable|reset|unlock ...\n"
    "  user add LOGIN --role ambassador|secretariat|admin "
    "[--department D]... [--ambassador ID] [--password-stdin]\n"
    "  user list [--format text|tsv]\n"
    "  user disable LOGIN\n"
    "  user enable LOGIN\n"
    "  user reset LOGIN [--password-stdin]\n"
    "  user unlock LOGIN");

/* What `user add` was asked. */
struct user_add {
	const char	*login;
	enum role	 role;
	int		 have_role;
	const char	*departments[WHO_MAX_DEPARTMENTS];	/* keys */
	size_t		 ndepartments;
	char		*named[WHO_MAX_DEPARTMENTS];	/* as given */
	size_t		 nnamed;
	long		 ambassador;
	int		 from_stdin;
};

/* Print usage to stderr; returns 2. */
static int
user_bad(const char *usage)
{
	cli_error("%s", _(usage));
	return 2;
}

/* Open the database for a change; NULL (reason printed) if it cannot be
 * written. */
static struct db *
user_open(const struct cli *cli)
{
	struct db	*db;

	if ((db = cli_open_db(cli, 0)) == NULL)
		return NULL;
	if (db_readonly(db)) {
		cli_error(_("%s cannot be written; nothing was changed."),
		    db_path(db));
		db_close(db);
		return NULL;
	}
	return db;
}

/* printf(fmt, login) with the stored login made safe. */
static void
user_said(const char *fmt, const char *stored)
{
	char	*login = cli_text_safe(stored);

	printf(fmt, login);
	free(login);
}

/* Read the account login into *a; 0, or 1 with the reason printed. */
static int
user_get(struct db *db, const char *login, struct account *a)
{
	enum db_status	 st;

	memset(a, 0, sizeof *a);
	st = db_account_get(db, cli_who(), login, a);
	if (st == DB_OK)
		return 0;
	if (st == DB_NOTFOUND)
		cli_error(_("there is no account \"%s\""), login);
	else
		cli_error("%s", _(db_errmsg(db)));
	return 1;
}

/* ---- user add ------------------------------------------------------------ */

/* The departments of the configuration: "605 (BB-afd. 605), ...". */
static char *
add_known(const struct conf *conf)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < conf->ndepartments; i++) {
		t = xasprintf("%s%s%s (%s)", s, i > 0 ? ", " : "",
		    conf->departments[i].key, conf->departments[i].name);
		free(s);
		s = t;
	}
	return s;
}

/* Add the keys of the departments named in list (key or name, given
 * with --department); 0, or 2 naming the unknown ones. */
static int
add_departments(const struct conf *conf, char *const *list, size_t n,
    struct user_add *ua)
{
	char	*bad = xstrdup(""), *t;
	size_t	 i, j, nbad = 0;
	int	 d;

	for (i = 0; i < n; i++) {
		if ((d = cfg_department_find(conf, list[i])) < 0) {
			t = xasprintf("%s%s\"%s\"", bad, nbad++ > 0 ? ", " :
			    "", list[i]);
			free(bad);
			bad = t;
			continue;
		}
		for (j = 0; j < ua->ndepartments; j++)
			if (strcmp(ua->departments[j],
			    conf->departments[d].key) == 0)
				break;
		if (j == ua->ndepartments)
			ua->departments[ua->ndepartments++] =
			    conf->departments[d].key;
	}
	if (nbad > 0) {
		t = add_known(conf);
		cli_error(P_("there is no department %s in the configuration; "
		    "the departments are: %s", "there are no departments %s "
		    "in the configuration; the departments are: %s", nbad),
		    bad, t);
		free(t);
	}
	free(bad);
	return nbad > 0 ? 2 : 0;
}

/* --ambassador ID into *(long *)to; 0, or -1 with the reason. */
static int
add_set_ambassador(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	char	*end;
	long	 id;

	(void)cli;
	errno = 0;
	id = strtol(arg, &end, 10);
	if (errno == 0 && end != arg && *end == '\0' && id > 0) {
		*(long *)opt->to = id;
		return 0;
	}
	cli_error(_("--ambassador needs the number of an ambassador (see "
	    "velkomst ambassadors), not \"%s\""), arg);
	return -1;
}

/* --role ROLE into the struct user_add at opt->to. */
static int
add_set_role(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	struct user_add	*ua = opt->to;

	(void)cli;
	if (core_role_parse(arg, &ua->role) != 0) {
		cli_error(_("--role is ambassador, secretariat or admin, not "
		    "\"%s\""), arg);
		return -1;
	}
	ua->have_role = 1;
	return 0;
}

/* One more --department D for the struct user_add at opt->to (checked
 * against the configuration once all are read, to name every unknown). */
static int
add_set_department(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	struct user_add	*ua = opt->to;

	(void)cli;
	if (ua->nnamed == WHO_MAX_DEPARTMENTS) {
		cli_error(P_("an account has at most %d department.",
		    "an account has at most %d departments.",
		    WHO_MAX_DEPARTMENTS), WHO_MAX_DEPARTMENTS);
		return -1;
	}
	ua->named[ua->nnamed++] = (char *)arg;
	return 0;
}

/* Check what the options say together; -1 to go on, else 2. */
static int
add_check(struct user_add *ua)
{
	if (ua->role != ROLE_AMBASSADOR && ua->ndepartments > 0) {
		cli_error("%s", _("only ambassador accounts have departments; "
		    "the secretariat and admins see them all."));
		return 2;
	}
	if (ua->role == ROLE_AMBASSADOR && ua->ndepartments == 0 &&
	    ua->ambassador == 0) {
		cli_error("%s", _("an ambassador account needs its "
		    "departments (--department D) or the ambassador it "
		    "belongs to (--ambassador ID)."));
		return 2;
	}
	return -1;
}

/* Parse the options of `user add`; -1 to go on, else the exit code. */
static int
add_args(const struct cli *cli, int argc, char **argv, struct user_add *ua)
{
	char			*login[1];
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "role", 0, "ambassador|secretariat|admin", add_set_role, ua,
		    CLI_OPT_REQUIRED, N_("what the account may do") },
		{ "department", 0, "D", add_set_department, ua, CLI_OPT_MANY,
		    N_("an ambassador account sees this department (its key, "
		    "name or short name); give it once for each") },
		{ "ambassador", 0, "ID", add_set_ambassador, &ua->ambassador,
		    0, N_("tie the account to this ambassador (see velkomst "
		    "ambassadors)") },
		CLI_OPT_PASSWORD_STDIN(&ua->from_stdin),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "user add", "LOGIN", 1, 1, opts,
	    N_("Adds an account.  An ambassador gets a PIN of 4 to 8 digits, "
	    "the others a password of at least 10 characters.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, login)) != -1)
		return rc;
	ua->login = login[0];
	if (cli_login_ok(ua->login) != 0 ||
	    add_departments(cli->conf, ua->named, ua->nnamed, ua) != 0)
		return 2;
	return add_check(ua);
}

/* 0 if the first account is an admin (there are none yet), else 1. */
static int
add_first(struct db *db, const struct user_add *ua)
{
	long	 n;

	if (db_account_count(db, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	if (n > 0 || ua->role == ROLE_ADMIN)
		return 0;
	cli_error(_("%s has no accounts yet, and the first one must be an "
	    "admin. Make it with: velkomst init"), db_path(db));
	return 1;
}

/* 0 if ambassador id is there and has no account yet, else 1. */
static int
add_tie(struct db *db, long id)
{
	struct ambassador	 amb;
	struct account		*a;
	enum db_status		 st;
	size_t			 n, i;
	int			 rc = 1;

	memset(&amb, 0, sizeof amb);
	if ((st = db_ambassador_get(db, cli_who(), id, &amb)) == DB_NOTFOUND)
		cli_error(_("there is no ambassador %ld; see velkomst "
		    "ambassadors for their numbers."), id);
	else if (st != DB_OK || db_account_list(db, cli_who(), &a, &n) !=
	    DB_OK)
		cli_error("%s", _(db_errmsg(db)));
	else {
		for (i = 0; i < n && a[i].ambassador != id; i++)
			;
		if (i < n)
			cli_error(_("the ambassador %s already has the account "
			    "\"%s\"; nothing was changed."), amb.name,
			    a[i].login);
		else
			rc = 0;
		db_accounts_free(a, n);
	}
	db_ambassador_clear(&amb);
	return rc;
}

/* 0 if login is free, else 1 with the reason printed. */
static int
add_free(struct db *db, const char *login)
{
	struct account	 a;
	enum db_status	 st;

	memset(&a, 0, sizeof a);
	st = db_account_get(db, cli_who(), login, &a);
	if (st == DB_NOTFOUND)
		return 0;
	if (st == DB_OK) {
		cli_error(_("there is already an account \"%s\"; choose "
		    "another login."), a.login);
		db_account_clear(&a);
	} else
		cli_error("%s", _(db_errmsg(db)));
	return 1;
}

/* `user add`: a new account. */
static int
user_add(const struct cli *cli, int argc, char **argv)
{
	struct user_add		 ua;
	struct account_policy	 policy;
	struct account		 a;
	struct db		*db;
	char			 secret[CLI_SECRET_MAX];
	enum db_status		 st;
	size_t			 i;
	int			 rc;

	memset(&ua, 0, sizeof ua);
	if ((rc = add_args(cli, argc, argv, &ua)) != -1)
		return rc;
	if ((db = user_open(cli)) == NULL)
		return 1;
	if (add_free(db, ua.login) != 0 || add_first(db, &ua) != 0 ||
	    (ua.ambassador != 0 && add_tie(db, ua.ambassador) != 0) ||
	    cli_new_secret(ua.login, ua.role, ua.from_stdin, secret,
	    sizeof secret) != 0) {
		db_close(db);
		return 1;
	}
	memset(&a, 0, sizeof a);
	a.login = xstrdup(ua.login);
	a.role = ua.role;
	a.ambassador = ua.ambassador;
	for (i = 0; i < ua.ndepartments; i++)
		a.departments[i] = xstrdup(ua.departments[i]);
	a.ndepartments = ua.ndepartments;
	cli_policy(cli->conf, &policy);
	st = db_account_add(db, cli_who(), &a, secret, &policy);
	core_secret_wipe(secret, sizeof secret);
	if (st == DB_OK)
		printf(_("Added the account \"%s\" (%s).\n"), a.login,
		    _(core_role_label(a.role)));
	else
		cli_error("%s", _(db_errmsg(db)));
	db_account_clear(&a);
	db_close(db);
	return st == DB_OK ? 0 : 1;
}

/* ---- user list ----------------------------------------------------------- */

/* The departments of a as short names (text) or keys (tsv), joined. */
static char *
list_departments(const struct conf *conf, const struct account *a, int tsv)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;
	int	 d;

	for (i = 0; i < a->ndepartments; i++) {
		d = cfg_department_find(conf, a->departments[i]);
		t = xasprintf("%s%s%s", s, i > 0 ? (tsv ? "," : ", ") : "",
		    tsv || d < 0 ? a->departments[i] :
		    conf->departments[d].shortname);
		free(s);
		s = t;
	}
	return s;
}

/* The state of a: active, disabled, or locked until a time. */
static char *
list_state(const struct account *a, int tsv, long long now)
{
	char	 at[20];

	if (a->disabled)
		return xstrdup(tsv ? "disabled" : _("disabled"));
	if (core_locked(a->locked_until, now)) {
		if (tsv)
			return xstrdup("locked");
		return xasprintf(_("locked until %s"),
		    cli_time_at(a->locked_until, 0, 0, at));
	}
	return xstrdup(tsv ? "active" : _("active"));
}

static const struct cli_col list_text[] = {
	{ N_("Login"), 14, 0 },		/* widened to the longest */
	{ N_("Role"), 11, 0 },
	{ N_("Departments"), 14, 0 },
	{ N_("Ambassador"), 16, 0 },
	{ N_("Last login"), 16, 0 },
	{ N_("State"), 0, 0 },
};
static const struct cli_col list_tsv[] = {
	{ "login", 0, 0 }, { "role", 0, 0 }, { "departments", 0, 0 },
	{ "ambassador_id", 0, 0 }, { "ambassador", 0, 0 }, { "state", 0, 0 },
	{ "locked_until", 0, 0 }, { "last_login", 0, 0 },
};

/* Print one account as a row of the table. */
static void
list_print(const struct conf *conf, const struct account *a,
    struct cli_table *t, long long now)
{
	char	*deps, *state, last[20], until[20];

	deps = list_departments(conf, a, t->tsv);
	state = list_state(a, t->tsv, now);
	cli_time(a->last_login, t->tsv, 0, last);
	cli_table_cell(t, a->login);
	if (t->tsv) {
		if (core_locked(a->locked_until, now))
			cli_time_at(a->locked_until, 1, 0, until);
		else
			until[0] = '\0';
		cli_table_cell(t, core_role_name(a->role));
		cli_table_cell(t, deps);
		cli_table_cellf(t, "%ld", a->ambassador);
		cli_table_cell(t, a->ambassador_name);
		cli_table_cell(t, state);
		cli_table_cell(t, until);
		cli_table_cell(t, last);
	} else {
		cli_table_cell(t, _(core_role_label(a->role)));
		cli_table_cell(t, deps);
		cli_table_cell(t, a->ambassador_name);
		cli_table_cell(t, a->last_login != NULL ? last : _("never"));
		cli_table_cell(t, state);
	}
	cli_table_end(t);
	free(deps);
	free(state);
}

/* Print the accounts as a table to stdout. */
static void
list_table(const struct conf *conf, const struct account *a, size_t n,
    int tsv)
{
	struct cli_table	 t;
	long long		 now = (long long)time(NULL);
	size_t			 i;

	cli_table_init(&t, stdout, tsv, CLI_COLS(list_text), CLI_COLS(list_tsv));
	for (i = 0; i < n; i++)
		cli_table_widen(&t, 0, a[i].login);
	cli_table_header(&t);
	for (i = 0; i < n; i++)
		list_print(conf, &a[i], &t, now);
	if (!tsv)
		printf(P_("%zu account\n", "%zu accounts\n", n), n);
	cli_table_free(&t);
}

/* `user list`: every account by login. */
static int
user_list(const struct cli *cli, int argc, char **argv)
{
	struct account		*a;
	struct db		*db;
	size_t			 n;
	int			 rc, tsv = 0;
	const struct cli_opt	 opts[] = {
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "user list", NULL, 0, 0, opts,
	    N_("Prints every account: login, role, departments, the "
	    "ambassador it is tied to, its state and its last login.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	if (db_account_list(db, cli_who(), &a, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	list_table(cli->conf, a, n, tsv);
	db_accounts_free(a, n);
	db_close(db);
	return 0;
}

/* ---- disable, enable, unlock, reset ------------------------------------- */

/* What one of the one-login commands does. */
enum user_act { USER_DISABLE, USER_ENABLE, USER_UNLOCK };

/* Do act to account a; the db status. */
static enum db_status
one_do(struct db *db, const struct account *a, enum user_act act)
{
	switch (act) {
	case USER_DISABLE:
		return db_account_set_disabled(db, cli_who(), a->id, 1);
	case USER_ENABLE:
		return db_account_set_disabled(db, cli_who(), a->id, 0);
	case USER_UNLOCK:
		break;
	}
	return db_account_unlock(db, cli_who(), a->id);
}

/* Say what was done to the account stored as stored (made safe). */
static void
one_said(const char *stored, enum user_act act)
{
	char	*login = cli_text_safe(stored);

	switch (act) {
	case USER_DISABLE:
		printf(_("The account \"%s\" is disabled: it can no longer "
		    "log in.\n"), login);
		break;
	case USER_ENABLE:
		printf(_("The account \"%s\" is enabled: it can log in "
		    "again.\n"), login);
		break;
	case USER_UNLOCK:
		printf(_("The account \"%s\" is unlocked.\n"), login);
		break;
	}
	free(login);
}

/* What the one-login commands do, for their --help. */
static const char *const one_about[] = {
	N_("Disables the account: nobody can log in with it any more.  Its "
	    "history stays."),
	N_("Enables the account again."),
	N_("Lifts the lock of an account that was locked after too many "
	    "wrong tries."),
};

/* `user disable|enable|unlock LOGIN`. */
static int
user_one(const struct cli *cli, int argc, char **argv, enum user_act act)
{
	static const struct cli_opt	 opts[] = {
		CLI_OPT_END
	};
	struct account	 a;
	struct db	*db;
	struct cli_cmd	 cmd = { NULL, "LOGIN", 1, 1, opts, NULL };
	char		*name, *login[1];
	int		 rc;

	name = xasprintf("user %s", argv[0]);
	cmd.name = name;
	cmd.about = one_about[act];
	rc = cli_args(cli, &cmd, argc, argv, login);
	free(name);
	if (rc != -1)
		return rc;
	if ((db = user_open(cli)) == NULL)
		return 1;
	rc = 1;
	if (user_get(db, login[0], &a) == 0) {
		if (one_do(db, &a, act) == DB_OK) {
			one_said(a.login, act);
			rc = 0;
		} else
			cli_error("%s", _(db_errmsg(db)));
		db_account_clear(&a);
	}
	db_close(db);
	return rc;
}

/* `user reset LOGIN`: a new PIN or password, and the lock lifted. */
static int
user_reset(const struct cli *cli, int argc, char **argv)
{
	struct account_policy	 policy;
	struct account		 a;
	struct db		*db;
	char			 secret[CLI_SECRET_MAX], *login[1];
	int			 from_stdin = 0, rc;
	const struct cli_opt	 opts[] = {
		CLI_OPT_PASSWORD_STDIN(&from_stdin),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "user reset", "LOGIN", 1, 1, opts,
	    N_("Gives the account a new PIN or password, and lifts a "
	    "lock.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, login)) != -1)
		return rc;
	if ((db = user_open(cli)) == NULL)
		return 1;
	rc = 1;
	if (user_get(db, login[0], &a) == 0) {
		if (cli_new_secret(a.login, a.role, from_stdin, secret,
		    sizeof secret) == 0) {
			cli_policy(cli->conf, &policy);
			if (db_account_reset(db, cli_who(), a.id, secret,
			    &policy) == DB_OK) {
				user_said(a.role == ROLE_AMBASSADOR ?
				    _("The account \"%s\" has a new PIN.\n") :
				    _("The account \"%s\" has a new "
				    "password.\n"), a.login);
				rc = 0;
			} else
				cli_error("%s", _(db_errmsg(db)));
			core_secret_wipe(secret, sizeof secret);
		}
		db_account_clear(&a);
	}
	db_close(db);
	return rc;
}

/* `velkomst user SUBCOMMAND ...`. */
int
cli_user(const struct cli *cli, int argc, char **argv)
{
	const char	*sub;

	if (argc < 2)
		return user_bad(user_usage);
	sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "--help") == 0) {
		printf("%s\n", _(user_usage));
		return 0;
	}
	if (strcmp(sub, "add") == 0)
		return user_add(cli, argc, argv);
	if (strcmp(sub, "list") == 0)
		return user_list(cli, argc, argv);
	if (strcmp(sub, "disable") == 0)
		return user_one(cli, argc, argv, USER_DISABLE);
	if (strcmp(sub, "enable") == 0)
		return user_one(cli, argc, argv, USER_ENABLE);
	if (strcmp(sub, "unlock") == 0)
		return user_one(cli, argc, argv, USER_UNLOCK);
	if (strcmp(sub, "reset") == 0)
		return user_reset(cli, argc, argv);
	cli_error(_("user has no subcommand \"%s\""), sub);
	return user_bad(user_usage);
}
