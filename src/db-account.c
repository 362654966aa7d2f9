/*
 * db-account.c — accounts, their departments, and logging in.
 *
 * Only the Argon2id hash of a secret is stored.  A login refused for
 * any reason (no such login, a wrong secret, a disabled or a locked
 * account) gets the same sentence after about the same time, so nobody
 * learns which logins exist.  The count of wrong tries and the lock are
 * kept in the row, so a lock survives a restart.  Every change and every
 * login writes an audit row in the same transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

static const char login_refused_msg[] = N_("The login or the PIN is wrong, "
    "or the account is locked after too many wrong tries. Try again, or "
    "ask the secretariat.");
static const char acct_notfound_msg[] = N_("The account does not exist.");

/* The columns an account is read with, account a and its ambassador b. */
#define ACCT_SELECT	"SELECT a.id, a.login, a.role, a.ambassador_id, " \
	"b.name, a.disabled, a.failures, a.locked_until, a.created_at, " \
	"a.created_by, a.last_login FROM account a LEFT JOIN ambassador b " \
	"ON b.id = a.ambassador_id "

/* An account as db_login needs it. */
struct login_row {
	long		 id;
	char		*login;
	enum role	 role;
	char		 hash[CORE_HASH_SIZE];
	int		 disabled;
	int		 failures;
	long long	 locked_until;
	long		 ambassador;
};

/* Free what an account's pointers own and zero it. */
void
db_account_clear(struct account *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	free(a->login);
	for (i = 0; i < a->ndepartments && i < WHO_MAX_DEPARTMENTS; i++)
		free(a->departments[i]);
	free(a->ambassador_name);
	free(a->created_at);
	free(a->created_by);
	free(a->last_login);
	memset(a, 0, sizeof *a);
}

/* Free n accounts and the array. */
void
db_accounts_free(struct account *a, size_t n)
{
	size_t	 i;

	for (i = 0; a != NULL && i < n; i++)
		db_account_clear(&a[i]);
	free(a);
}

/* Free what a session owns and zero it. */
void
db_session_clear(struct session *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	free(s->login);
	for (i = 0; i < WHO_MAX_DEPARTMENTS; i++)
		free(s->departments[i]);
	free(s->ambassador_name);
	free(s->language);
	memset(s, 0, sizeof *s);
}

/* 1 if login may name an account that is there: a login made before a
 * rule was added (one that looks like a CPR number) can still be found,
 * to log in, disable or reset it. */
static int
acct_login_like(const char *login)
{
	return login != NULL && login[0] != '\0' &&
	    strlen(login) <= ACCOUNT_LOGIN_MAX;
}

/* NULL if a's role and departments may be stored, else what is wrong. */
static const char *
acct_check_fields(const struct account *a)
{
	size_t	 i, j;

	if (a->role < ROLE_AMBASSADOR || a->role > ROLE_ADMIN)
		return N_("Choose a role for the account.");
	if (a->role != ROLE_AMBASSADOR)
		return NULL;
	if (a->ndepartments > WHO_MAX_DEPARTMENTS)
		return N_("An account has too many departments.");
	for (i = 0; i < a->ndepartments; i++) {
		if (a->departments[i] == NULL || a->departments[i][0] == '\0')
			return N_("A department of the account is empty.");
		for (j = 0; j < i; j++)
			if (strcmp(a->departments[i], a->departments[j]) == 0)
				return N_("A department is given twice.");
	}
	if (a->ndepartments == 0 && a->ambassador == 0)
		return N_("An ambassador's account needs at least one "
		    "department.");
	return NULL;
}

/* How many accounts there are. */
enum db_status
db_account_count(struct db *db, long *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	if ((st = db_stmt(db, "SELECT count(*) FROM account")) == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* The logins that can log in now, for the login screen's list. */
enum db_status
db_account_logins(struct db *db, long long now, char ***out, size_t *n)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = db_stmt(db, "SELECT login FROM account WHERE disabled = 0 AND "
	    "locked_until <= ?1 ORDER BY login COLLATE NOCASE");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[(*n)++] = db_column_text(st, 0, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		core_words_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/*
 * DB_OK if who may do op to an account of role target (core_may_account),
 * else DB_DENIED with the reason.  A target that is no role is left to
 * the check of the fields (DB_INVALID).
 */
static enum db_status
acct_may(struct db *db, const struct who *who, enum account_op op,
    enum role target)
{
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_AMBASSADOR_ACCOUNTS)) != DB_OK)
		return s;
	if (target > ROLE_NONE && target <= ROLE_ADMIN &&
	    !core_may_account(who->role, op, target))
		return db_fail(db, DB_DENIED, "%s",
		    _(core_account_refusal(who->role, op, target)));
	return DB_OK;
}

/* DB_OK if who may add an account when there are count accounts. */
static enum db_status
acct_may_add(struct db *db, const struct who *who, const struct account *a,
    long count)
{
	if (count > 0)
		return acct_may(db, who, ACCOUNT_ADD, a->role);
	if (who == NULL || who->name == NULL || who->name[0] == '\0')
		return db_fail(db, DB_DENIED, N_("Who is asking is not "
		    "known."));
	if (a->role != ROLE_ADMIN)
		return db_fail(db, DB_INVALID, N_("The first account must be "
		    "an admin."));
	return DB_OK;
}

/* DB_INVALID if login is taken (any case). */
static enum db_status
acct_login_free(struct db *db, const char *login)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, "SELECT 1 FROM account WHERE login = ?1")) ==
	    NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return db_fail(db, DB_INVALID, N_("The login %s is taken. "
		    "Choose another."), login);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Check the tie to ambassador id; *dept gets its department (new). */
static enum db_status
acct_check_tie(struct db *db, long id, char **dept)
{
	static const char sql[] = "SELECT b.department, (SELECT count(*) "
	    "FROM account a WHERE a.ambassador_id = b.id) FROM ambassador b "
	    "WHERE b.id = ?1";
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	int		 rc;

	*dept = NULL;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		s = db_fail(db, DB_INVALID, N_("The ambassador of the account "
		    "does not exist."));
	else if (rc != SQLITE_ROW)
		s = db_sqlite_fail(db, rc);
	else if (sqlite3_column_int64(st, 1) > 0)
		s = db_fail(db, DB_INVALID, N_("The ambassador already has an "
		    "account."));
	else
		*dept = db_column_text(st, 0, 0);
	sqlite3_reset(st);
	return s;
}

/* Store department dept at position pos of account id. */
static enum db_status
acct_add_department(struct db *db, long id, const char *dept, size_t pos)
{
	sqlite3_stmt	*st;

	st = db_stmt(db, "INSERT INTO account_department (account_id, "
	    "department, position) VALUES (?1, ?2, ?3)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, dept, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)pos);
	return db_step_done(db, st);
}

/* Store a's departments (an ambassador's; tie_dept when none given). */
static enum db_status
acct_add_departments(struct db *db, const struct account *a,
    const char *tie_dept)
{
	enum db_status	 s = DB_OK;
	size_t		 i;

	if (a->role != ROLE_AMBASSADOR)
		return DB_OK;
	if (a->ndepartments == 0) {
		if (tie_dept == NULL || tie_dept[0] == '\0')
			return db_fail(db, DB_INVALID, N_("An ambassador's "
			    "account needs at least one department."));
		return acct_add_department(db, a->id, tie_dept, 0);
	}
	for (i = 0; i < a->ndepartments && s == DB_OK; i++)
		s = acct_add_department(db, a->id, a->departments[i], i);
	return s;
}

/* Insert account a with hash; sets a->id. */
static enum db_status
acct_insert(struct db *db, const struct who *who, struct account *a,
    const char *hash)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		*tie_dept = NULL, now[20];

	if ((s = acct_login_free(db, a->login)) != DB_OK)
		return s;
	if (a->ambassador != 0 &&
	    (s = acct_check_tie(db, a->ambassador, &tie_dept)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO account (login, role, hash, "
	    "ambassador_id, created_at, created_by) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6)");
	if (st == NULL) {
		free(tie_dept);
		return DB_ERROR;
	}
	sqlite3_bind_text(st, 1, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, core_role_name(a->role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_TRANSIENT);
	if (a->ambassador != 0)
		sqlite3_bind_int64(st, 4, a->ambassador);
	sqlite3_bind_text(st, 5, db_now(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, who->name, -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) == DB_OK) {
		a->id = (long)sqlite3_last_insert_rowid(db->h);
		s = acct_add_departments(db, a, tie_dept);
	}
	free(tie_dept);
	if (s == DB_OK)
		s = db_audit(db, who, "account added", "account", a->id, NULL);
	return s;
}

/* Write account a in one transaction; count was read before. */
static enum db_status
acct_add_write(struct db *db, const struct who *who, struct account *a,
    const char *hash, long count)
{
	enum db_status	 s;

	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	/* Someone may have made the first account meanwhile. */
	if (count == 0 && (s = db_account_count(db, &count)) == DB_OK)
		s = acct_may_add(db, who, a, count);
	if (s == DB_OK)
		s = acct_insert(db, who, a, hash);
	if ((s = db_write_end(db, s)) != DB_OK)
		a->id = 0;
	return s;
}

/* Add account a with secret; sets a->id. */
enum db_status
db_account_add(struct db *db, const struct who *who, struct account *a,
    const char *secret, const struct account_policy *policy)
{
	enum db_status	 s;
	const char	*err;
	char		 hash[CORE_HASH_SIZE];
	long		 count;

	if ((s = db_account_count(db, &count)) != DB_OK ||
	    (s = acct_may_add(db, who, a, count)) != DB_OK)
		return s;
	if ((err = core_check_login(a->login)) != NULL ||
	    (err = acct_check_fields(a)) != NULL ||
	    (err = core_check_secret(a->role, secret)) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	if (db->readonly)
		return db_write_begin(db);
	if (core_secret_hash(secret, policy->cost, hash) == -1)
		return db_fail(db, DB_ERROR, N_("There was not enough memory "
		    "to protect the secret. Try again."));
	s = acct_add_write(db, who, a, hash, count);
	core_secret_wipe(hash, sizeof hash);
	return s;
}

/* Read account row st into out. */
static void
acct_read_row(sqlite3_stmt *st, struct account *out)
{
	memset(out, 0, sizeof *out);
	out->id = (long)sqlite3_column_int64(st, 0);
	out->login = db_column_text(st, 1, 0);
	if (core_role_parse((const char *)sqlite3_column_text(st, 2),
	    &out->role) == -1)
		out->role = ROLE_NONE;
	out->ambassador = (long)sqlite3_column_int64(st, 3);
	out->ambassador_name = db_column_text(st, 4, 1);
	out->disabled = sqlite3_column_int(st, 5);
	out->failures = sqlite3_column_int(st, 6);
	out->locked_until = (long long)sqlite3_column_int64(st, 7);
	out->created_at = db_column_text(st, 8, 0);
	out->created_by = db_column_text(st, 9, 0);
	out->last_login = db_column_text(st, 10, 1);
}

/* Read account id's departments, in order, into d[0..*n). */
static enum db_status
acct_read_departments(struct db *db, long id, char **d, size_t *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	st = db_stmt(db, "SELECT department FROM account_department "
	    "WHERE account_id = ?1 ORDER BY position");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    *n < WHO_MAX_DEPARTMENTS)
		d[(*n)++] = db_column_text(st, 0, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Append every account of st's rows to *out. */
static enum db_status
acct_read_all(struct db *db, sqlite3_stmt *st, struct account **out,
    size_t *n)
{
	size_t	 cap = 0;
	int	 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		acct_read_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Every account by login. */
enum db_status
db_account_list(struct db *db, const struct who *who, struct account **out,
    size_t *n)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if ((s = db_may(db, who, ACCESS_UNLOCK)) != DB_OK)
		return s;
	if ((st = db_stmt(db, ACCT_SELECT "ORDER BY a.login, a.id")) == NULL)
		return DB_ERROR;
	s = acct_read_all(db, st, out, n);
	for (i = 0; i < *n && s == DB_OK; i++)
		s = acct_read_departments(db, (*out)[i].id,
		    (*out)[i].departments, &(*out)[i].ndepartments);
	if (s != DB_OK) {
		db_accounts_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

/* Read the account with login (any case) into out. */
static enum db_status
acct_get(struct db *db, const char *login, struct account *out)
{
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((st = db_stmt(db, ACCT_SELECT "WHERE a.login = ?1")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		acct_read_row(st, out);
	else if (rc == SQLITE_DONE)
		s = db_fail(db, DB_NOTFOUND, "%s", _(acct_notfound_msg));
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_reset(st);
	if (s == DB_OK)
		s = acct_read_departments(db, out->id, out->departments,
		    &out->ndepartments);
	if (s != DB_OK)
		db_account_clear(out);
	return s;
}

/* The account with that login: secretariat and admin, or one's own. */
enum db_status
db_account_get(struct db *db, const struct who *who, const char *login,
    struct account *out)
{
	enum db_status	 s;
	int		 own;

	memset(out, 0, sizeof *out);
	own = who != NULL && who->account > 0 && who->role != ROLE_NONE &&
	    who->name != NULL && login != NULL &&
	    strcasecmp(who->name, login) == 0;
	if (!own && (s = db_may(db, who, ACCESS_UNLOCK)) != DB_OK)
		return s;
	if (!acct_login_like(login))
		return db_fail(db, DB_NOTFOUND, "%s", _(acct_notfound_msg));
	if ((s = acct_get(db, login, out)) != DB_OK)
		return s;
	if (own && out->id != who->account &&
	    db_may(db, who, ACCESS_UNLOCK) != DB_OK) {
		db_account_clear(out);
		return DB_DENIED;
	}
	return DB_OK;
}

/* The role of account id into *role; DB_NOTFOUND if none. */
static enum db_status
acct_role(struct db *db, long id, enum role *role, int *disabled)
{
	sqlite3_stmt	*st;
	enum db_status	 s = DB_OK;
	int		 rc;

	st = db_stmt(db, "SELECT role, disabled FROM account WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (core_role_parse((const char *)sqlite3_column_text(st, 0),
		    role) == -1)
			*role = ROLE_NONE;
		*disabled = sqlite3_column_int(st, 1);
	} else if (rc == SQLITE_DONE)
		s = db_fail(db, DB_NOTFOUND, "%s", _(acct_notfound_msg));
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_reset(st);
	return s;
}

/* DB_INVALID if disabling admin account id would leave no admin. */
static enum db_status
acct_keep_an_admin(struct db *db, long id)
{
	sqlite3_stmt	*st;
	int		 rc;
	long		 others = 0;

	st = db_stmt(db, "SELECT count(*) FROM account WHERE role = 'admin' "
	    "AND disabled = 0 AND id <> ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		others = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_sqlite_fail(db, rc);
	if (others == 0)
		return db_fail(db, DB_INVALID, N_("This is the last admin "
		    "account, so it cannot be disabled."));
	return DB_OK;
}

/* Set disabled on account id, inside the transaction. */
static enum db_status
acct_set_disabled(struct db *db, const struct who *who, long id,
    int disabled)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	enum role	 role;
	int		 was;

	if ((s = acct_role(db, id, &role, &was)) != DB_OK ||
	    (s = acct_may(db, who, disabled ? ACCOUNT_DISABLE :
	    ACCOUNT_ENABLE, role)) != DB_OK)
		return s;
	if (disabled && role == ROLE_ADMIN &&
	    (s = acct_keep_an_admin(db, id)) != DB_OK)
		return s;
	st = db_stmt(db, "UPDATE account SET disabled = ?2 WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, disabled != 0);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	return db_audit(db, who, disabled ? "account disabled" :
	    "account enabled", "account", id, NULL);
}

/* Disable (1) or enable (0) account id. */
enum db_status
db_account_set_disabled(struct db *db, const struct who *who, long id,
    int disabled)
{
	enum db_status	 s;

	if ((s = db_may(db, who, ACCESS_AMBASSADOR_ACCOUNTS)) != DB_OK)
		return s;
	if (id == who->account)
		return db_fail(db, DB_INVALID, N_("You cannot disable or "
		    "enable your own account."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, acct_set_disabled(db, who, id, disabled));
}

/* Store hash for account id, lift its lock, and audit kind. */
static enum db_status
acct_unlock(struct db *db, const struct who *who, long id, const char *hash,
    const char *kind)
{
	sqlite3_stmt	*st;
	enum db_status	 s;

	st = db_stmt(db, "UPDATE account SET failures = 0, locked_until = 0, "
	    "hash = coalesce(?2, hash) WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (hash != NULL)
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
	if ((s = db_step_done(db, st)) != DB_OK)
		return s;
	if (sqlite3_changes(db->h) == 0)
		return db_fail(db, DB_NOTFOUND, "%s", _(acct_notfound_msg));
	return db_audit(db, who, kind, "account", id, NULL);
}

/* Give account id a new secret and lift its lock. */
enum db_status
db_account_reset(struct db *db, const struct who *who, long id,
    const char *secret, const struct account_policy *policy)
{
	enum db_status	 s;
	enum role	 role;
	const char	*err;
	char		 hash[CORE_HASH_SIZE];
	int		 disabled;

	if ((s = db_may(db, who, ACCESS_AMBASSADOR_ACCOUNTS)) != DB_OK ||
	    (s = acct_role(db, id, &role, &disabled)) != DB_OK ||
	    (s = acct_may(db, who, ACCOUNT_RESET, role)) != DB_OK)
		return s;
	if ((err = core_check_secret(role, secret)) != NULL)
		return db_fail(db, DB_INVALID, "%s", _(err));
	if (db->readonly)
		return db_write_begin(db);
	if (core_secret_hash(secret, policy->cost, hash) == -1)
		return db_fail(db, DB_ERROR, N_("There was not enough memory "
		    "to protect the secret. Try again."));
	if ((s = db_write_begin(db)) == DB_OK)
		s = db_write_end(db, acct_unlock(db, who, id, hash,
		    "account reset"));
	core_secret_wipe(hash, sizeof hash);
	return s;
}

/* Lift account id's lock and forget its wrong tries. */
enum db_status
db_account_unlock(struct db *db, const struct who *who, long id)
{
	enum db_status	 s;
	enum role	 role;
	int		 disabled;

	/* An account's role never changes: it is read before the write. */
	if ((s = db_may(db, who, ACCESS_UNLOCK)) != DB_OK ||
	    (s = acct_role(db, id, &role, &disabled)) != DB_OK ||
	    (s = acct_may(db, who, ACCOUNT_UNLOCK, role)) != DB_OK ||
	    (s = db_write_begin(db)) != DB_OK)
		return s;
	return db_write_end(db, acct_unlock(db, who, id, NULL,
	    "account unlocked"));
}

/* ---- logging in ---------------------------------------------------- */

/* A made-up hash at cost, made once, to spend the time of a check. */
static const char *
login_dummy(enum secret_cost cost)
{
	static char	 hash[COST_MODERATE + 1][CORE_HASH_SIZE];
	static int	 made[COST_MODERATE + 1];

	if ((size_t)cost > COST_MODERATE)
		cost = COST_INTERACTIVE;
	if (!made[cost]) {
		if (core_secret_hash("no such login: velkomst", cost,
		    hash[cost]) == -1)
			return NULL;
		made[cost] = 1;
	}
	return hash[cost];
}

/* Spend about the time of checking secret, to no purpose. */
static void
login_spend(const char *secret, enum secret_cost cost)
{
	const char	*dummy = login_dummy(cost);

	if (dummy != NULL)
		(void)core_secret_verify(dummy, secret);
}

/* Find the account with login (any case) into r; DB_NOTFOUND if none. */
static enum db_status
login_find(struct db *db, const char *login, struct login_row *r)
{
	sqlite3_stmt	*st;
	const char	*hash;
	enum db_status	 s = DB_OK;
	int		 rc;

	memset(r, 0, sizeof *r);
	if (!acct_login_like(login))
		return DB_NOTFOUND;
	st = db_stmt(db, "SELECT id, login, role, hash, disabled, failures, "
	    "locked_until, ambassador_id FROM account WHERE login = ?1");
	if (st == NULL)
		return DB_ERROR;
	/* Bound without a copy, and unbound after: what was typed may be a
	 * PIN typed into the wrong field, and must not linger in SQLite. */
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->id = (long)sqlite3_column_int64(st, 0);
		r->login = db_column_text(st, 1, 0);
		if (core_role_parse((const char *)sqlite3_column_text(st, 2),
		    &r->role) == -1)
			r->role = ROLE_NONE;
		hash = (const char *)sqlite3_column_text(st, 3);
		snprintf(r->hash, sizeof r->hash, "%s", hash ? hash : "");
		r->disabled = sqlite3_column_int(st, 4);
		r->failures = sqlite3_column_int(st, 5);
		r->locked_until = (long long)sqlite3_column_int64(st, 6);
		r->ambassador = (long)sqlite3_column_int64(st, 7);
	} else if (rc == SQLITE_DONE)
		s = DB_NOTFOUND;
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return s;
}

/* The who of the account in r (for its audit rows). */
static struct who
login_who(const struct login_row *r)
{
	struct who	 w;

	memset(&w, 0, sizeof w);
	w.name = r->login;
	w.account = r->id;
	w.role = r->role;
	w.ambassador = r->ambassador;
	return w;
}

/* Count a wrong secret for r at now, inside the transaction. */
static enum db_status
login_count(struct db *db, const struct login_row *r, const struct who *w,
    const struct lockout *rule, long long now)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 failures = 0, locked, rc;
	long long	 until = 0;

	/* Read again inside the transaction: another terminal may have
	 * counted meanwhile. */
	st = db_stmt(db, "SELECT failures, locked_until FROM account "
	    "WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		failures = sqlite3_column_int(st, 0);
		until = (long long)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
	locked = core_lockout_fail(rule, &failures, &until, now);
	st = db_stmt(db, "UPDATE account SET failures = ?2, locked_until = ?3 "
	    "WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, failures);
	sqlite3_bind_int64(st, 3, until);
	if ((s = db_step_done(db, st)) != DB_OK ||
	    (s = db_audit(db, w, "login failed", "account", r->id,
	    NULL)) != DB_OK || !locked)
		return s;
	return db_audit(db, w, "account locked", "account", r->id, NULL);
}

/*
 * Count a refusal that could not be written (or, read-only, cannot be):
 * this process keeps one count for every login, so guessing stays as
 * slow as when the database keeps it.
 */
static void
login_unrecorded(struct db *db, const struct lockout *rule, long long now)
{
	core_lockout_fail(rule, &db->ro_failures, &db->ro_locked_until, now);
}

/*
 * Note a refused login (r NULL: no such login) and, when count, count
 * the wrong secret; then refuse with the one sentence.  On a read-only
 * database nothing is written.  When the note cannot be written (the
 * write lock held too long, a full disk), the refusal is counted in this
 * process (db_login_unrecorded) and the answer is the write's failure:
 * a right secret, which must be written too, gets the same answer then,
 * so a held lock tells nothing about the secret.
 */
static enum db_status
login_refuse(struct db *db, const struct login_row *r,
    const struct lockout *rule, long long now, int count)
{
	struct who	 w;
	enum db_status	 s;

	if (db->readonly)
		return db_fail(db, DB_DENIED, "%s", _(login_refused_msg));
	if ((s = db_write_begin(db)) == DB_OK) {
		if (r == NULL)
			s = db_audit(db, NULL, "login failed", NULL, 0, NULL);
		else {
			w = login_who(r);
			s = count ? login_count(db, r, &w, rule, now) :
			    db_audit(db, &w, "login failed", "account", r->id,
			    NULL);
		}
		s = db_write_end(db, s);
	}
	if (s == DB_OK)
		return db_fail(db, DB_DENIED, "%s", _(login_refused_msg));
	login_unrecorded(db, rule, now);
	return s;
}

/*
 * DB_DENIED unless the account in r is, inside the transaction, still as
 * it was checked: not disabled, not locked at now, the same hash.  Another
 * terminal may have locked it (wrong tries there), an admin disabled it
 * or reset its secret while this secret was being checked.
 */
static enum db_status
login_unchanged(struct db *db, const struct login_row *r, long long now)
{
	sqlite3_stmt	*st;
	const char	*hash;
	enum db_status	 s = DB_DENIED;
	int		 rc;

	st = db_stmt(db, "SELECT disabled, locked_until, hash FROM account "
	    "WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		hash = (const char *)sqlite3_column_text(st, 2);
		if (sqlite3_column_int(st, 0) == 0 && hash != NULL &&
		    !core_locked(sqlite3_column_int64(st, 1), now) &&
		    strcmp(hash, r->hash) == 0)
			s = DB_OK;
	} else if (rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	sqlite3_reset(st);
	return s;
}

/* Note a right secret for r at now: clear the count, rehash, audit.
 * DB_DENIED (nothing written) when the account changed meanwhile. */
static enum db_status
login_accept(struct db *db, const struct login_row *r, const char *secret,
    long long now, const struct account_policy *policy)
{
	sqlite3_stmt	*st;
	struct who	 w = login_who(r);
	enum db_status	 s;
	char		 hash[CORE_HASH_SIZE], when[20];
	int		 rehash;

	if (db->readonly)
		return DB_OK;
	rehash = core_secret_needs_rehash(r->hash, policy->cost) &&
	    core_secret_hash(secret, policy->cost, hash) == 0;
	if ((s = db_write_begin(db)) != DB_OK)
		goto out;
	s = login_unchanged(db, r, now);
	st = s == DB_OK ? db_stmt(db, "UPDATE account SET failures = 0, "
	    "locked_until = 0, last_login = ?2, hash = coalesce(?3, hash) "
	    "WHERE id = ?1") : NULL;
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_text(st, 2, db_now(when), -1, SQLITE_TRANSIENT);
		if (rehash)
			sqlite3_bind_text(st, 3, hash, -1, SQLITE_TRANSIENT);
		s = db_step_done(db, st);
	} else if (s == DB_OK)
		s = DB_ERROR;
	if (s == DB_OK)
		s = db_audit(db, &w, "login", "account", r->id, NULL);
	s = db_write_end(db, s);
out:
	core_secret_wipe(hash, sizeof hash);
	return s;
}

/* The language account id chose into *out (NULL: none). */
static enum db_status
login_language(struct db *db, long id, char **out)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_stmt(db, "SELECT language FROM account WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = db_column_text(st, 0, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Remember the language of who's own account. */
enum db_status
db_account_set_language(struct db *db, const struct who *who,
    const char *language)
{
	sqlite3_stmt	*st;
	enum db_status	 s;

	if (language != NULL && !i18n_known(language))
		return db_fail(db, DB_INVALID, "%s", _("velkomst speaks "
		    "Danish (da) and English (en) only."));
	if (who == NULL || who->account <= 0 || who->role == ROLE_NONE)
		return db_fail(db, DB_DENIED, "%s", _("Only a person logged "
		    "in can choose a language for their login."));
	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "UPDATE account SET language = ?2 WHERE id = ?1 "
	    "AND disabled = 0");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, who->account);
		db_bind_text(st, 2, language);
	}
	if ((s = db_step_done(db, st)) == DB_OK &&
	    sqlite3_changes(db->h) != 1)
		s = db_fail(db, DB_DENIED, "%s", _(acct_notfound_msg));
	return db_write_end(db, s);
}

/* Fill session out for the account in r (r->login moves into it). */
static enum db_status
login_session(struct db *db, struct login_row *r, struct session *out)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof *out);
	out->login = r->login;
	r->login = NULL;
	if ((s = acct_read_departments(db, r->id, out->departments,
	    &out->who.ndepartments)) != DB_OK ||
	    (s = login_language(db, r->id, &out->language)) != DB_OK)
		return s;
	if (r->ambassador != 0) {
		st = db_stmt(db, "SELECT name FROM ambassador WHERE id = ?1");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, r->ambassador);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			out->ambassador_name = db_column_text(st, 0, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_sqlite_fail(db, rc);
	}
	out->who.name = out->login;
	out->who.account = r->id;
	out->who.role = r->role;
	out->who.ambassador = r->ambassador;
	for (i = 0; i < out->who.ndepartments; i++)
		out->who.departments[i] = out->departments[i];
	return DB_OK;
}

/* Check login and secret at now; fill *out when they are right. */
enum db_status
db_login(struct db *db, const char *login, const char *secret,
    long long now, const struct account_policy *policy,
    struct session *out)
{
	struct login_row r;
	enum db_status	 s;

	memset(out, 0, sizeof *out);
	if (secret == NULL)
		secret = "";
	/* Made before the look-up, so the first refusal of an unknown
	 * login takes no longer than any other. */
	(void)login_dummy(policy->cost);
	s = login_find(db, login, &r);
	if (s != DB_OK && s != DB_NOTFOUND)
		return s;
	if (s == DB_NOTFOUND || r.disabled || r.role == ROLE_NONE ||
	    core_locked(r.locked_until, now) ||
	    core_locked(db->ro_locked_until, now)) {
		login_spend(secret, policy->cost);
		s = login_refuse(db, s == DB_NOTFOUND ? NULL : &r,
		    &policy->lockout, now, 0);
	} else if (!core_secret_verify(r.hash, secret)) {
		/* A hash cheaper than the policy's (made before the cost
		 * rose) would answer faster than an unknown login. */
		if (core_secret_needs_rehash(r.hash, policy->cost))
			login_spend(secret, policy->cost);
		s = login_refuse(db, &r, &policy->lockout, now, 1);
	} else if ((s = login_accept(db, &r, secret, now, policy)) ==
	    DB_DENIED)
		s = login_refuse(db, &r, &policy->lockout, now, 0);
	else if (s == DB_OK && (s = login_session(db, &r, out)) != DB_OK)
		db_session_clear(out);
	/* A read-only file cannot keep the count, so this process keeps
	 * one for every login: guessing stays as slow as elsewhere. */
	if (s == DB_DENIED && db->readonly)
		login_unrecorded(db, &policy->lockout, now);
	free(r.login);
	core_secret_wipe(r.hash, sizeof r.hash);
	return s;
}
