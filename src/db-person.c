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
	if ((s = db_count_by_id(db, "SELECT count(*) FROM followup "
	    "WHERE household_id = ?1", id, &n)) != DB_OK)
		return s;
	if (n > 0 && (s = db_followup_list(db, who, id, (size_t)n, &p->fus,
	    &p->nfus)) != DB_OK)
		return s;
	pe_reverse(p->fus, p->nfus, sizeof *p->fus);
	return DB_OK;
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
 * The audit rows about household ?1: its own, and those of its visits,
 * follow-ups and consents, which name it in their detail ("household
 * 241", "household 241: phone"), so that a visit's number used again
 * after its household was deleted never brings in another household's
 * row.  Only rows after the newest
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
    "detail = ?2) OR (tbl = 'consent' AND record IN (SELECT id FROM "
    "consent WHERE household_id = ?1) AND substr(detail, 1, length(?2) + "
    "1) = ?2 || ':')) ORDER BY id";

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
	    (s = db_consent_list(db, who, id, &out->consents,
	    &out->nconsents)) == DB_OK &&
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
	if (p == NULL)
		return;
	db_household_clear(&p->h);
	db_visits_free(p->visits, p->nvisits);
	db_followups_free(p->fus, p->nfus);
	db_consents_free(p->consents, p->nconsents);
	free(p->erased_by);
	free(p->erased_why);
	db_audit_rows_free(p->audit, p->naudit);
	memset(p, 0, sizeof *p);
	p->erased_on = DATE_NONE;
}
