/*
 * db-person.c — everything held about one household, for a resident's
 * copy (person.h): read in one snapshot, so the parts agree, and
 * nothing about any other household.
 */
#include <stdlib.h>
#include <string.h>

#include "db-private.h"
#include "i18n.h"
#include "person.h"
#include "util.h"

/* Reverse n elements of size bytes at a (newest first to oldest first). */
static void
pe_reverse(void *a, size_t n, size_t size)
{
	unsigned char	*p = a, *tmp;
	size_t		 i;

	if (n < 2)
		return;
	tmp = xmalloc(size);
	for (i = 0; i < n / 2; i++) {
		memcpy(tmp, p + i * size, size);
		memcpy(p + i * size, p + (n - 1 - i) * size, size);
		memcpy(p + (n - 1 - i) * size, tmp, size);
	}
	free(tmp);
}

/* How many follow-ups household id has, into *n. */
static enum db_status
pe_followup_count(struct db *db, long id, long *n)
{
	static const char sql[] = "SELECT count(*) FROM followup "
	    "WHERE household_id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlite_fail(db, rc);
}

/* The visits and follow-ups of household id, oldest first. */
static enum db_status
pe_visits(struct db *db, const struct who *who, long id, struct person *p)
{
	enum db_status	 s;
	long		 n = 0;

	if ((s = db_visit_count(db, who, id, &n)) != DB_OK)
		return s;
	if (n > 0 && (s = db_visit_list(db, who, id, NULL, (size_t)n,
	    &p->visits, &p->nvisits)) != DB_OK)
		return s;
	pe_reverse(p->visits, p->nvisits, sizeof *p->visits);
	if ((s = pe_followup_count(db, id, &n)) != DB_OK)
		return s;
	if (n > 0 && (s = db_followup_list(db, who, id, (size_t)n, &p->fus,
	    &p->nfus)) != DB_OK)
		return s;
	pe_reverse(p->fus, p->nfus, sizeof *p->fus);
	return DB_OK;
}

/* The consents of household id, live and withdrawn, as recorded. */
static enum db_status
pe_consents(struct db *db, long id, struct person *p)
{
	static const char sql[] = "SELECT id, purpose, given_on, given_by, "
	    "how, withdrawn_on, withdrawn_by FROM consent "
	    "WHERE household_id = ?1 ORDER BY id";
	struct person_consent	*c;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (p->nconsents == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			p->consents = xreallocarray(p->consents, cap,
			    sizeof *p->consents);
		}
		c = &p->consents[p->nconsents++];
		c->id = (long)sqlite3_column_int64(st, 0);
		c->purpose = db_column_text(st, 1, 0);
		c->given_on = db_column_date(st, 2);
		c->given_by = db_column_text(st, 3, 0);
		c->how = db_column_text(st, 4, 0);
		c->withdrawn_on = db_column_date(st, 5);
		c->withdrawn_by = db_column_text(st, 6, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Whether household id was erased: when, by whom, why. */
static enum db_status
pe_erased(struct db *db, long id, struct person *p)
{
	static const char sql[] = "SELECT erased_on, erased_by, why "
	    "FROM household_erased WHERE household_id = ?1";
	sqlite3_stmt	*st;
	int		 rc;

	p->erased_on = DATE_NONE;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->erased_on = db_column_date(st, 0);
		p->erased_by = db_column_text(st, 1, 0);
		p->erased_why = db_column_text(st, 2, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK :
	    db_sqlite_fail(db, rc);
}

/*
 * The audit rows about household ?1: its own, and those of its visits
 * and follow-ups, which name it in their detail ("household 241"), so
 * that a visit's number used again after its household was deleted
 * never brings in another household's row.  Only rows after the newest
 * "household deleted" of the same number: a deleted household's
 * number can be given again.
 */
static const char pe_audit_sql[] = "SELECT id, at, login, command_line, "
    "kind, tbl, record, detail FROM audit WHERE id > coalesce((SELECT "
    "max(id) FROM audit WHERE tbl = 'household' AND record = ?1 AND "
    "kind = 'household deleted'), 0) AND ((tbl = 'household' AND "
    "record = ?1) OR (tbl = 'visit' AND record IN (SELECT id FROM visit "
    "WHERE household_id = ?1) AND detail = ?2) OR (tbl = 'followup' AND "
    "record IN (SELECT id FROM followup WHERE household_id = ?1) AND "
    "detail = ?2)) ORDER BY id";

/* The audit rows that concern household id, oldest first. */
static enum db_status
pe_audit(struct db *db, long id, struct person *p)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	char		 detail[40];
	int		 rc;

	if ((st = db_stmt(db, pe_audit_sql)) == NULL)
		return DB_ERROR;
	snprintf(detail, sizeof detail, "household %ld", id);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, detail, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (p->naudit == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			p->audit = xreallocarray(p->audit, cap,
			    sizeof *p->audit);
		}
		memset(&p->audit[p->naudit], 0, sizeof *p->audit);
		db_audit_read_row(st, &p->audit[p->naudit++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlite_fail(db, rc);
}

/* Everything about household id, in one read transaction. */
enum db_status
db_person_read(struct db *db, const struct who *who, long id,
    struct person *out)
{
	enum db_status	 s;
	int		 txn;

	memset(out, 0, sizeof *out);
	out->erased_on = DATE_NONE;
	if ((s = db_may(db, who, ACCESS_EXPORT)) != DB_OK ||
	    (s = db_may(db, who, ACCESS_AUDIT)) != DB_OK)
		return s;
	/* One read transaction (or the caller's snapshot), so that the
	 * parts agree with each other. */
	txn = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") ==
	    SQLITE_OK;
	if ((s = db_household_get(db, who, id, &out->h)) == DB_OK &&
	    (s = pe_visits(db, who, id, out)) == DB_OK &&
	    (s = pe_consents(db, id, out)) == DB_OK &&
	    (s = pe_erased(db, id, out)) == DB_OK)
		s = pe_audit(db, id, out);
	if (txn)
		db_exec(db, "COMMIT");
	if (s != DB_OK)
		db_person_clear(out);
	return s;
}

/* Free what a person's copy owns and zero it. */
void
db_person_clear(struct person *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	db_household_clear(&p->h);
	db_visits_free(p->visits, p->nvisits);
	db_followups_free(p->fus, p->nfus);
	for (i = 0; i < p->nconsents; i++) {
		free(p->consents[i].purpose);
		free(p->consents[i].given_by);
		free(p->consents[i].how);
		free(p->consents[i].withdrawn_by);
	}
	free(p->consents);
	free(p->erased_by);
	free(p->erased_why);
	db_audit_rows_free(p->audit, p->naudit);
	memset(p, 0, sizeof *p);
	p->erased_on = DATE_NONE;
}
