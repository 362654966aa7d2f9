/*
 * cli-user.c — `velkomst user`: add, list, disable, enable, reset and
 * unlock accounts.  The command line acts as the Unix account owning the
 * database, with an admin's rights (cli_who).
 */
#include <errno.h>
#include <getopt.h>
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

static const char user_usage[] = N_("usage: velkomst [--db FILE] user "
    "add|list|disable|enable|reset|unlock ...\n"
    "  user add LOGIN --role ambassador|secretariat|admin "
    "[--department D]... [--ambassador ID] [--password-stdin]\n"
    "  user list [--format text|tsv]\n"
    "  user disable LOGIN\n"
    "  user enable LOGIN\n"
    "  user reset LOGIN [--password-stdin]\n"
    "  user unlock LOGIN");
static const char add_usage[] = N_("usage: velkomst [--db FILE] user add "
    "LOGIN --role ambassador|secretariat|admin [--department D]... "
    "[--ambassador ID] [--password-stdin]");
static const char list_usage[] = N_("usage: velkomst [--db FILE] user list "
    "[--format text|tsv]");
static const char reset_usage[] = N_("usage: velkomst [--db FILE] user "
    "reset LOGIN [--password-stdin]");

/* What `user add` was asked. */
struct user_add {
	const char	*login;
	enum role	 role;
	int		 have_role;
	const char	*departments[WHO_MAX_DEPARTMENTS];	/* keys */
	size_t		 ndepartments;
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

/* Read --ambassador's number into *id; 0, or 2 with the reason. */
static int
add_ambassador(const char *arg, long *id)
{
	char	*end;

	errno = 0;
	*id = strtol(arg, &end, 10);
	if (errno == 0 && end != arg && *end == '\0' && *id > 0)
		return 0;
	cli_error(_("--ambassador needs the number of an ambassador (see "
	    "velkomst ambassadors), not \"%s\""), arg);
	return 2;
}

/* Check what the options say together; -1 to go on, else 2. */
static int
add_check(struct user_add *ua)
{
	if (!ua->have_role) {
		cli_error("%s", _("user add needs --role ambassador, "
		    "secretariat or admin."));
		return 2;
	}
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
add_args(const struct conf *conf, int argc, char **argv,
    struct user_add *ua)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "department", required_argument, NULL, 'd' },
		{ "ambassador", required_argument, NULL, 'a' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char	*deps[WHO_MAX_DEPARTMENTS];
	size_t	 ndeps = 0;
	int	 c;

	optind = 0;	/* a full restart: main parsed with "+" */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (core_role_parse(optarg, &ua->role) != 0) {
				cli_error(_("--role is ambassador, secretariat "
				    "or admin, not \"%s\""), optarg);
				return 2;
			}
			ua->have_role = 1;
			break;
		case 'd':
			if (ndeps == WHO_MAX_DEPARTMENTS) {
				cli_error(_("an account has at most %d "
				    "departments."), WHO_MAX_DEPARTMENTS);
				return 2;
			}
			deps[ndeps++] = optarg;
			break;
		case 'a':
			if (add_ambassador(optarg, &ua->ambassador) != 0)
				return 2;
			break;
		case 'p':
			ua->from_stdin = 1;
			break;
		case 'h':
			printf("%s\n", _(add_usage));
			return 0;
		default:
			return user_bad(add_usage);
		}
	}
	if (optind + 1 != argc)
		return user_bad(add_usage);
	ua->login = argv[optind];
	if (cli_login_ok(ua->login) != 0 ||
	    add_departments(conf, deps, ndeps, ua) != 0)
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
	if ((rc = add_args(cli->conf, argc, argv, &ua)) != -1)
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

/* The width of the login column: the longest login, never cut. */
static int
list_login_cols(const struct account *a, size_t n)
{
	size_t	 i;
	int	 cols = 14, w;

	for (i = 0; i < n; i++) {
		util_text_fit(a[i].login, ACCOUNT_LOGIN_MAX, &w);
		if (w > cols)
			cols = w;
	}
	return cols;
}

/* Print one account as a line of the table (its login in cols columns)
 * or of tsv. */
static void
list_print(const struct conf *conf, const struct account *a, int tsv,
    int cols, long long now)
{
	char	*deps, *state, last[20], until[20];

	deps = list_departments(conf, a, tsv);
	state = list_state(a, tsv, now);
	cli_time(a->last_login, tsv, 0, last);
	if (tsv) {
		if (core_locked(a->locked_until, now))
			cli_time_at(a->locked_until, 1, 0, until);
		else
			until[0] = '\0';
		printf("%s\t%s\t%s\t%ld\t%s\t%s\t%s\t%s\n", a->login,
		    core_role_name(a->role), deps, a->ambassador,
		    a->ambassador_name != NULL ? a->ambassador_name : "",
		    state, until, last);
	} else {
		cli_cell(a->login, cols);
		cli_cell(_(core_role_label(a->role)), 11);
		cli_cell(deps, 14);
		cli_cell(a->ambassador_name != NULL ? a->ambassador_name : "",
		    16);
		cli_cell(a->last_login != NULL ? last : _("never"), 16);
		printf("%s\n", state);
	}
	free(deps);
	free(state);
}

/* The column titles of the table (the logins cols wide), or of tsv. */
static void
list_header(int tsv, int cols)
{
	if (tsv) {
		printf("login\trole\tdepartments\tambassador_id\tambassador"
		    "\tstate\tlocked_until\tlast_login\n");
		return;
	}
	cli_cell(_("Login"), cols);
	cli_cell(_("Role"), 11);
	cli_cell(_("Departments"), 14);
	cli_cell(_("Ambassador"), 16);
	cli_cell(_("Last login"), 16);
	printf("%s\n", _("State"));
}

/* `user list`: every account by login. */
static int
user_list(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct account	*a;
	struct db	*db;
	size_t		 n, i;
	int		 c, cols, tsv = 0;

	optind = 0;	/* a full restart: main parsed with "+" */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'f' && cli_format(optarg, &tsv) != 0)
			return 2;
		if (c == 'h') {
			printf("%s\n", _(list_usage));
			return 0;
		}
		if (c != 'f')
			return user_bad(list_usage);
	}
	if (optind != argc)
		return user_bad(list_usage);
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	if (db_account_list(db, cli_who(), &a, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	cols = list_login_cols(a, n);
	list_header(tsv, cols);
	for (i = 0; i < n; i++)
		list_print(cli->conf, &a[i], tsv, cols, (long long)time(NULL));
	if (!tsv)
		printf(P_("%zu account\n", "%zu accounts\n", n), n);
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

/* Say what was done to login. */
static void
one_said(const char *login, enum user_act act)
{
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
}

/* `user disable|enable|unlock LOGIN`. */
static int
user_one(const struct cli *cli, int argc, char **argv, enum user_act act)
{
	struct account	 a;
	struct db	*db;
	char		*usage;
	int		 rc = 1;

	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		printf(_("usage: velkomst [--db FILE] user %s LOGIN\n"),
		    argv[0]);
		return 0;
	}
	if (argc != 2 || argv[1][0] == '-') {
		usage = xasprintf(_("usage: velkomst [--db FILE] user %s "
		    "LOGIN"), argv[0]);
		cli_error("%s", usage);
		free(usage);
		return 2;
	}
	if ((db = user_open(cli)) == NULL)
		return 1;
	if (user_get(db, argv[1], &a) == 0) {
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
	char			 secret[CLI_SECRET_MAX];
	int			 i, from_stdin = 0, rc = 1;
	const char		*login = NULL;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			printf("%s\n", _(reset_usage));
			return 0;
		} else if (strcmp(argv[i], "--password-stdin") == 0)
			from_stdin = 1;
		else if (argv[i][0] == '-' || login != NULL)
			return user_bad(reset_usage);
		else
			login = argv[i];
	}
	if (login == NULL)
		return user_bad(reset_usage);
	if ((db = user_open(cli)) == NULL)
		return 1;
	if (user_get(db, login, &a) == 0) {
		if (cli_new_secret(a.login, a.role, from_stdin, secret,
		    sizeof secret) == 0) {
			cli_policy(cli->conf, &policy);
			if (db_account_reset(db, cli_who(), a.id, secret,
			    &policy) == DB_OK) {
				printf(a.role == ROLE_AMBASSADOR ?
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
