/*
 * test-access.c — roles enforced in the data layer, and the audit trail.
 * Every db_* call of households, visits, ambassadors, handled, facts,
 * coverage and stairwells is run as nobody (ROLE_NONE), as an ambassador
 * of department 605 (on its own household and on one of 606) and as the
 * secretariat: what each may do, what it sees, and that every change
 * writes exactly one audit row in the same transaction (and a refused
 * change none).
 */
#include <sys/stat.h>

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

static const struct who	 admin = { .name = "admin", .role = ROLE_ADMIN };
static const struct who	 sekr = { .name = "sekr", .account = 2,
			    .role = ROLE_SECRETARIAT };
static const struct who	 none;			/* zeroed: ROLE_NONE */
static const struct who	 named_none = { .name = "nobody", .account = 9 };
static long		 today;			/* 2019-06-15 */

/* The database every test starts from, made by an admin. */
struct fx {
	struct db	*db;
	long		 h605, h606;	/* a household in each department */
	long		 v605, v606;	/* a visit by "Ali Amin" to each */
	long		 a605;		/* Ali Amin: the ambassador of amb605 */
	long		 b605;		/* Berit Bech, another of 605 */
	long		 c606;		/* Carl Cort, of 606 */
	struct who	 amb;		/* an ambassador account of 605 */
};

/* Every operation the rules cover, in the order they are run. */
enum op {
	OP_HH_ADD, OP_HH_UPDATE, OP_HH_GET, OP_HH_LIST, OP_HH_COUNT,
	OP_VISIT_ADD, OP_VISIT_LIST, OP_VISIT_LIST_ALL, OP_VISIT_LIST_BY,
	OP_HH_HANDLED, OP_HH_MOVE_OUT, OP_HH_MOVE_BACK,
	OP_AMB_ADD, OP_AMB_UPDATE, OP_AMB_STATUS, OP_AMB_GET, OP_AMB_LIST,
	OP_AMB_COUNT, OP_FACTS, OP_COVERAGE, OP_STAIRWELLS,
	NOPS
};

/* Each operation's name and the audit row a change writes (kind NULL:
 * it only reads). */
static const struct {
	const char	*name;
	const char	*kind;
	const char	*table;
} ops[NOPS] = {
	[OP_HH_ADD] = { "household add", "household added", "household" },
	[OP_HH_UPDATE] = { "household update", "household changed",
	    "household" },
	[OP_HH_GET] = { "household get", NULL, NULL },
	[OP_HH_LIST] = { "household list", NULL, NULL },
	[OP_HH_COUNT] = { "household count", NULL, NULL },
	[OP_VISIT_ADD] = { "visit add", "visit added", "visit" },
	[OP_VISIT_LIST] = { "visit list (one household)", NULL, NULL },
	[OP_VISIT_LIST_ALL] = { "visit list (all)", NULL, NULL },
	[OP_VISIT_LIST_BY] = { "visit list by", NULL, NULL },
	[OP_HH_HANDLED] = { "household handled", "household handled",
	    "household" },
	[OP_HH_MOVE_OUT] = { "household move out", "household moved out",
	    "household" },
	[OP_HH_MOVE_BACK] = { "household move back", "household moved back",
	    "household" },
	[OP_AMB_ADD] = { "ambassador add", "ambassador added", "ambassador" },
	[OP_AMB_UPDATE] = { "ambassador update", "ambassador changed",
	    "ambassador" },
	[OP_AMB_STATUS] = { "ambassador status", "ambassador status",
	    "ambassador" },
	[OP_AMB_GET] = { "ambassador get", NULL, NULL },
	[OP_AMB_LIST] = { "ambassador list", NULL, NULL },
	[OP_AMB_COUNT] = { "ambassador count", NULL, NULL },
	[OP_FACTS] = { "ambassador facts", NULL, NULL },
	[OP_COVERAGE] = { "coverage", NULL, NULL },
	[OP_STAIRWELLS] = { "ambassador stairwells", NULL, NULL },
};

/* How many audit rows there are. */
static long
audit_rows(struct db *db)
{
	return one(db, "SELECT count(*) FROM audit");
}

/* A fingerprint of everything but the trail: rows and versions. */
static long
data_sum(struct db *db)
{
	return one(db, "SELECT (SELECT count(*) FROM household) * 1000000 + "
	    "(SELECT coalesce(sum(version), 0) FROM household) * 10000 + "
	    "(SELECT count(*) FROM visit) * 1000 + "
	    "(SELECT count(*) FROM ambassador) * 100 + "
	    "(SELECT coalesce(sum(version), 0) FROM ambassador) + "
	    "(SELECT count(*) FROM ambassador_status) * 10");
}

/* A household of dept (stairwell of it) with one member. */
static struct household
mkhouse(const char *dept, const char *name)
{
	struct household h;

	memset(&h, 0, sizeof h);
	h.department = (char *)dept;
	h.stairwell = (char *)(strcmp(dept, "605") == 0 ?
	    "Brøndby Strand 10" : "Brøndby Strand 20");
	h.flat = (char *)"2. th.";
	h.moved_in = day(2019, 6, 1);
	h.moved_out = DATE_NONE;
	h.consent_on = DATE_NONE;
	h.members[0] = (char *)name;
	h.nmembers = 1;
	return h;
}

/* An ambassador of dept with consent and contact details. */
static struct ambassador
mkamb(const char *name, const char *dept)
{
	struct ambassador a;

	memset(&a, 0, sizeof a);
	a.name = (char *)name;
	a.department = (char *)dept;
	a.recruited_on = day(2019, 1, 10);
	a.trained_on = DATE_NONE;
	a.consent = 1;
	a.consent_on = day(2019, 1, 10);
	a.phone = (char *)"12 34 56 78";
	a.email = (char *)"ven@example.dk";
	a.notes = (char *)"Ring efter kl. 16";
	return a;
}

/* A visit of "Ali Amin" to hid: not home on date, back in a week. */
static struct visit
mkvisit(long hid, long date)
{
	struct visit	 v;

	memset(&v, 0, sizeof v);
	v.household = hid;
	v.date = date;
	v.ambassador = (char *)"Ali Amin";
	v.outcome = VO_NOT_HOME;
	v.next_date = today + 7;
	return v;
}

/* Make the starting database (as admin); 0 on failure. */
static int
fx_open(struct fx *fx)
{
	struct household h;
	struct ambassador a;
	struct visit	 v;
	char		*err;

	memset(fx, 0, sizeof *fx);
	if ((fx->db = db_open(":memory:", 0, &err)) == NULL) {
		TEST_FAIL("db_open: %s", err);
		free(err);
		return 0;
	}
#define FX(call, out) do {						\
	if ((call) != DB_OK) {						\
		TEST_FAIL("%s: %s", #call, db_errmsg(fx->db));		\
		return 0;						\
	}								\
	out;								\
} while (0)
	h = mkhouse("605", "Åse Holm");
	FX(db_household_add(fx->db, &admin, &h), fx->h605 = h.id);
	h = mkhouse("606", "Bo Berg");
	FX(db_household_add(fx->db, &admin, &h), fx->h606 = h.id);
	v = mkvisit(fx->h605, today - 1);
	FX(db_visit_add(fx->db, &admin, &v, 3), fx->v605 = v.id);
	v = mkvisit(fx->h606, today - 1);
	FX(db_visit_add(fx->db, &admin, &v, 3), fx->v606 = v.id);
	a = mkamb("Ali Amin", "605");
	FX(db_ambassador_add(fx->db, &admin, &a), fx->a605 = a.id);
	a = mkamb("Berit Bech", "605");
	FX(db_ambassador_add(fx->db, &admin, &a), fx->b605 = a.id);
	a = mkamb("Carl Cort", "606");
	FX(db_ambassador_add(fx->db, &admin, &a), fx->c606 = a.id);
#undef FX
	/* The accounts the whos below name (db_may refuses a who whose
	 * account is missing or disabled). */
	if (db_exec(fx->db, "INSERT INTO account (id, login, role, hash, "
	    "created_at, created_by) VALUES "
	    "(2, 'sekr', 'secretariat', '$argon2id$x', '', ''), "
	    "(3, 'amb605', 'ambassador', '$argon2id$x', '', ''), "
	    "(9, 'nobody', 'ambassador', '$argon2id$x', '', '')") !=
	    SQLITE_OK) {
		TEST_FAIL("accounts: %s", sqlite3_errmsg(fx->db->h));
		return 0;
	}
	fx->amb.name = "amb605";
	fx->amb.account = 3;
	fx->amb.role = ROLE_AMBASSADOR;
	fx->amb.departments[0] = "605";
	fx->amb.ndepartments = 1;
	fx->amb.ambassador = fx->a605;
	return 1;
}

/* Count the coverage and stairwell lines. */
static void
count_cover(void *ctx, const char *d, const char *s, int n)
{
	(void)d;
	(void)s;
	(void)n;
	(*(int *)ctx)++;
}

static void
count_place(void *ctx, long id, const char *name, const char *d,
    const char *s)
{
	(void)id;
	(void)name;
	(void)d;
	(void)s;
	(*(int *)ctx)++;
}

/* Change a household as who: a new flat for household hid (read as
 * admin, so only who's right to change it is tested). */
static enum db_status
op_hh_update(struct fx *fx, const struct who *who, long hid)
{
	struct household h;
	enum db_status	 s;
	char		*flat;

	if (db_household_get(fx->db, &admin, hid, &h) != DB_OK)
		return DB_ERROR;
	flat = h.flat;
	h.flat = (char *)"3. tv.";
	s = db_household_update(fx->db, who, &h);
	h.flat = flat;
	db_household_clear(&h);
	return s;
}

/* Change an ambassador's notes as who (read as admin). */
static enum db_status
op_amb_update(struct fx *fx, const struct who *who, long aid)
{
	struct ambassador a;
	enum db_status	 s;
	char		*notes;

	if (db_ambassador_get(fx->db, &admin, aid, &a) != DB_OK)
		return DB_ERROR;
	notes = a.notes;
	a.notes = (char *)"Ring om formiddagen";
	s = db_ambassador_update(fx->db, who, &a);
	a.notes = notes;
	db_ambassador_clear(&a);
	return s;
}

/* Run the household operations of op as who on household hid (in dept);
 * *rec gets the record a change touched. */
static enum db_status
op_household(struct fx *fx, const struct who *who, enum op op, long hid,
    const char *dept, long *rec)
{
	struct household_query	 q = { .order = ORDER_NAME };
	struct household_row	*rows = NULL;
	struct household	 h;
	enum db_status		 s = DB_ERROR;
	size_t			 n = 0;
	long			 count;

	*rec = hid;
	switch (op) {
	case OP_HH_ADD:
		h = mkhouse(dept, "Dina Dahl");
		if ((s = db_household_add(fx->db, who, &h)) == DB_OK)
			*rec = h.id;
		break;
	case OP_HH_UPDATE:
		s = op_hh_update(fx, who, hid);
		break;
	case OP_HH_GET:
		s = db_household_get(fx->db, who, hid, &h);
		db_household_clear(&h);
		break;
	case OP_HH_LIST:
		s = db_household_list(fx->db, who, &q, NULL, 10, &rows, &n);
		db_household_rows_free(rows, n);
		break;
	case OP_HH_COUNT:
		s = db_household_count(fx->db, who, &q, &count);
		break;
	case OP_HH_HANDLED:
		s = db_household_handled(fx->db, who, hid, today, 3);
		break;
	case OP_HH_MOVE_OUT:
		s = db_household_move_out(fx->db, who, hid, today);
		break;
	case OP_HH_MOVE_BACK:
		s = db_household_move_out(fx->db, who, hid, DATE_NONE);
		break;
	default:
		break;
	}
	return s;
}

/* Run the visit operations of op as who on household hid. */
static enum db_status
op_visit(struct fx *fx, const struct who *who, enum op op, long hid,
    long *rec)
{
	struct visit	*vs = NULL, v;
	enum db_status	 s = DB_ERROR;
	size_t		 n = 0;

	*rec = 0;
	switch (op) {
	case OP_VISIT_ADD:
		v = mkvisit(hid, today);
		v.outcome = VO_DECLINED;
		v.next_date = DATE_NONE;
		if ((s = db_visit_add(fx->db, who, &v, 3)) == DB_OK)
			*rec = v.id;
		break;
	case OP_VISIT_LIST:
		s = db_visit_list(fx->db, who, hid, NULL, 10, &vs, &n);
		break;
	case OP_VISIT_LIST_ALL:
		s = db_visit_list(fx->db, who, 0, NULL, 10, &vs, &n);
		break;
	case OP_VISIT_LIST_BY:
		s = db_visit_list_by(fx->db, who, "Ali Amin", 10, &vs, &n);
		break;
	default:
		break;
	}
	db_visits_free(vs, n);
	return s;
}

/* Run the ambassador, goal and coverage operations of op as who on
 * ambassador aid (in dept). */
static enum db_status
op_ambassador(struct fx *fx, const struct who *who, enum op op, long aid,
    const char *dept, long *rec)
{
	struct ambassador_query	 q = { .status = -1, .today = DATE_NONE };
	struct amb_change	 c = { .date = 0, .status = AS_PAUSED };
	struct ambassador_row	*rows = NULL;
	struct amb_fact		*facts = NULL;
	struct amb_change	*changes = NULL;
	struct ambassador	 a;
	enum db_status		 s = DB_ERROR;
	size_t			 n = 0;
	long			 count;
	int			 lines = 0;

	*rec = aid;
	c.date = today;
	switch (op) {
	case OP_AMB_ADD:
		a = mkamb("Dorte Dam", dept);
		if ((s = db_ambassador_add(fx->db, who, &a)) == DB_OK)
			*rec = a.id;
		break;
	case OP_AMB_UPDATE:
		s = op_amb_update(fx, who, aid);
		break;
	case OP_AMB_STATUS:
		s = db_ambassador_status(fx->db, who, aid, &c);
		break;
	case OP_AMB_GET:
		s = db_ambassador_get(fx->db, who, aid, &a);
		db_ambassador_clear(&a);
		break;
	case OP_AMB_LIST:
		s = db_ambassador_list(fx->db, who, &q, NULL, 10, &rows, &n);
		db_ambassador_rows_free(rows, n);
		break;
	case OP_AMB_COUNT:
		s = db_ambassador_count(fx->db, who, &q, &count);
		break;
	case OP_FACTS:
		s = db_ambassador_facts(fx->db, who, &facts, &n, &changes);
		free(facts);
		free(changes);
		break;
	case OP_COVERAGE:
		s = db_coverage(fx->db, who, today, count_cover, &lines);
		break;
	case OP_STAIRWELLS:
		s = db_ambassador_stairwells(fx->db, who, count_place, &lines);
		break;
	default:
		break;
	}
	return s;
}

/* Run op as who on household hid and ambassador aid of department dept. */
static enum db_status
run_op(struct fx *fx, const struct who *who, enum op op, long hid, long aid,
    const char *dept, long *rec)
{
	if (op >= OP_AMB_ADD)
		return op_ambassador(fx, who, op, aid, dept, rec);
	if (op >= OP_VISIT_ADD && op <= OP_VISIT_LIST_BY)
		return op_visit(fx, who, op, hid, rec);
	return op_household(fx, who, op, hid, dept, rec);
}

/*
 * Check the newest audit row: the kind, table and record of op, by
 * login; and that it is the only one since `before`.
 */
static void
check_audit(struct db *db, enum op op, long before, const char *login,
    long rec)
{
	sqlite3_stmt	*st;
	const char	*kind, *tbl, *who, *detail;
	char		 want[32];

	if (audit_rows(db) != before + 1) {
		TEST_FAIL("%s: %ld audit rows written, want 1", ops[op].name,
		    audit_rows(db) - before);
		return;
	}
	if (sqlite3_prepare_v2(db->h, "SELECT kind, tbl, record, login, "
	    "detail FROM audit ORDER BY id DESC LIMIT 1", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		TEST_FAIL("%s: no audit row", ops[op].name);
		sqlite3_finalize(st);
		return;
	}
	kind = (const char *)sqlite3_column_text(st, 0);
	tbl = (const char *)sqlite3_column_text(st, 1);
	who = (const char *)sqlite3_column_text(st, 3);
	detail = (const char *)sqlite3_column_text(st, 4);
	snprintf(want, sizeof want, "household %ld", rec);
	if (kind == NULL || strcmp(kind, ops[op].kind) != 0 || tbl == NULL ||
	    strcmp(tbl, ops[op].table) != 0)
		TEST_FAIL("%s: audit row \"%s\" on \"%s\", want \"%s\" on "
		    "\"%s\"", ops[op].name, kind ? kind : "(null)",
		    tbl ? tbl : "(null)", ops[op].kind, ops[op].table);
	else if (sqlite3_column_int64(st, 2) != rec)
		TEST_FAIL("%s: audit record %lld, want %ld", ops[op].name,
		    (long long)sqlite3_column_int64(st, 2), rec);
	else if (who == NULL || strcmp(who, login) != 0)
		TEST_FAIL("%s: audit login %s, want %s", ops[op].name,
		    who ? who : "(null)", login);
	else if (op != OP_VISIT_ADD && op != OP_AMB_STATUS && detail != NULL)
		TEST_FAIL("%s: audit detail \"%s\", want none", ops[op].name,
		    detail);
	sqlite3_finalize(st);
}

/* Run op, check its status, and that a change wrote its one audit row
 * and anything else wrote none (and, when refused, changed nothing). */
static void
expect(struct fx *fx, const struct who *who, enum op op, long hid,
    long aid, const char *dept, enum db_status want, const char *as)
{
	enum db_status	 got;
	long		 before = audit_rows(fx->db), sum = data_sum(fx->db);
	long		 rec = 0, vrec;

	got = run_op(fx, who, op, hid, aid, dept, &rec);
	if (got != want) {
		TEST_FAIL("%s as %s: status %d, want %d (%s)", ops[op].name,
		    as, got, want, db_errmsg(fx->db));
		return;
	}
	if (got == DB_OK && ops[op].kind != NULL) {
		check_audit(fx->db, op, before, who->name, rec);
		if (op == OP_VISIT_ADD) {
			/* The detail names the household, nothing more. */
			vrec = one(fx->db, "SELECT detail = 'household ' || "
			    "(SELECT household_id FROM visit WHERE id = "
			    "(SELECT record FROM audit ORDER BY id DESC "
			    "LIMIT 1)) FROM audit ORDER BY id DESC LIMIT 1");
			if (vrec != 1)
				TEST_FAIL("visit add: audit detail is not "
				    "\"household N\"");
		}
		return;
	}
	if (audit_rows(fx->db) != before)
		TEST_FAIL("%s as %s: %ld audit rows written, want none",
		    ops[op].name, as, audit_rows(fx->db) - before);
	if (got != DB_OK && data_sum(fx->db) != sum)
		TEST_FAIL("%s as %s: refused, yet the data changed",
		    ops[op].name, as);
}

/* Nobody (a zeroed who, or a named one without a role) may do anything,
 * and a refusal changes nothing and writes no audit row. */
static void
test_none_is_refused_everything(void)
{
	struct fx	 fx;
	long		 before;
	int		 op;

	if (!fx_open(&fx))
		return;
	for (op = 0; op < NOPS; op++) {
		expect(&fx, &none, (enum op)op, fx.h605, fx.b605, "605",
		    DB_DENIED, "a zeroed who");
		expect(&fx, &named_none, (enum op)op, fx.h605, fx.b605, "605",
		    DB_DENIED, "a who without a role");
	}
	/* Nor write a row of the trail of its own. */
	before = one(fx.db, "SELECT count(*) FROM audit");
	CHECK_INT(db_audit_note(fx.db, &named_none, "export", NULL, 0, NULL),
	    DB_DENIED);
	CHECK_INT(db_audit_note(fx.db, &none, "export", NULL, 0, NULL),
	    DB_INVALID);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit"), before);
	CHECK_INT(db_audit_note(fx.db, &sekr, "export", NULL, 0, NULL), DB_OK);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit"), before + 1);
	db_close(fx.db);
}

/* The secretariat may do everything, in every department; each change
 * writes exactly one audit row of its kind, table and record. */
static void
test_secretariat_may_do_everything(void)
{
	struct fx	 fx;
	int		 op;

	if (!fx_open(&fx))
		return;
	for (op = 0; op < NOPS; op++)
		expect(&fx, &sekr, (enum op)op, fx.h606, fx.c606, "606", DB_OK,
		    "the secretariat");
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit WHERE account_id = 2 "
	    "AND login = 'sekr' AND command_line = 0"), 9);
	db_close(fx.db);
}

/* An ambassador may do the household and visit work of its own
 * department (audited as every change), and read the register. */
static void
test_ambassador_own_department(void)
{
	static const enum op may[] = {
		OP_HH_ADD, OP_HH_UPDATE, OP_HH_GET, OP_HH_LIST, OP_HH_COUNT,
		OP_VISIT_ADD, OP_VISIT_LIST, OP_VISIT_LIST_ALL,
		OP_VISIT_LIST_BY, OP_HH_MOVE_OUT, OP_HH_MOVE_BACK,
		OP_AMB_GET, OP_AMB_LIST, OP_AMB_COUNT,
	};
	struct fx	 fx;
	size_t		 i;

	if (!fx_open(&fx))
		return;
	for (i = 0; i < sizeof may / sizeof may[0]; i++)
		expect(&fx, &fx.amb, may[i], fx.h605, fx.b605, "605", DB_OK,
		    "an ambassador of 605");
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit WHERE account_id = 3 "
	    "AND login = 'amb605'"), 5);
	db_close(fx.db);
}

/* What only the secretariat may do is refused to an ambassador, even in
 * its own department. */
static void
test_ambassador_refused_secretariat_work(void)
{
	static const enum op denied[] = {
		OP_HH_HANDLED, OP_AMB_ADD, OP_AMB_UPDATE, OP_AMB_STATUS,
		OP_FACTS, OP_COVERAGE, OP_STAIRWELLS,
	};
	struct fx	 fx;
	size_t		 i;

	if (!fx_open(&fx))
		return;
	for (i = 0; i < sizeof denied / sizeof denied[0]; i++)
		expect(&fx, &fx.amb, denied[i], fx.h605, fx.b605, "605",
		    DB_DENIED, "an ambassador of 605");
	/* Not even its own record. */
	expect(&fx, &fx.amb, OP_AMB_UPDATE, fx.h605, fx.a605, "605",
	    DB_DENIED, "an ambassador of 605, on itself");
	db_close(fx.db);
}

/* Another department's household is as if it did not exist: the same
 * status and sentence as a household that does not. */
static void
test_ambassador_other_household_not_found(void)
{
	static const enum op ops_nf[] = {
		OP_HH_GET, OP_HH_UPDATE, OP_HH_MOVE_OUT, OP_HH_MOVE_BACK,
		OP_VISIT_ADD, OP_VISIT_LIST,
	};
	struct fx	 fx;
	size_t		 i;
	char		*msg;
	long		 rec;

	if (!fx_open(&fx))
		return;
	for (i = 0; i < sizeof ops_nf / sizeof ops_nf[0]; i++) {
		expect(&fx, &fx.amb, ops_nf[i], fx.h606, fx.c606, "606",
		    DB_NOTFOUND, "an ambassador of 605, on 606");
		msg = xstrdup(db_errmsg(fx.db));
		if (ops_nf[i] == OP_HH_UPDATE) {
			/* No household 99999 to read first: update one
			 * that was deleted, by hand. */
			struct household h = mkhouse("605", "Eva Ek");

			h.id = 99999;
			CHECK_INT(db_household_update(fx.db, &fx.amb, &h),
			    DB_NOTFOUND);
		} else
			CHECK_INT(run_op(&fx, &fx.amb, ops_nf[i], 99999, 0,
			    "605", &rec), DB_NOTFOUND);
		if (strcmp(msg, db_errmsg(fx.db)) != 0)
			TEST_FAIL("%s: \"%s\" for 606, \"%s\" for none",
			    ops[ops_nf[i]].name, msg, db_errmsg(fx.db));
		free(msg);
	}
	db_close(fx.db);
}

/* An ambassador may not put a household in a department it does not
 * have: neither add one to 606 nor move one from 605 to 606. */
static void
test_ambassador_other_department_denied(void)
{
	struct fx	 fx;
	struct household h;
	long		 before, sum, version;

	if (!fx_open(&fx))
		return;
	expect(&fx, &fx.amb, OP_HH_ADD, fx.h605, fx.b605, "606", DB_DENIED,
	    "an ambassador of 605, adding to 606");
	CHECK_INT(one(fx.db, "SELECT count(*) FROM household WHERE "
	    "department = '606'"), 1);
	if (db_household_get(fx.db, &fx.amb, fx.h605, &h) != DB_OK) {
		TEST_FAIL("get 605: %s", db_errmsg(fx.db));
		db_close(fx.db);
		return;
	}
	version = h.version;
	before = audit_rows(fx.db);
	sum = data_sum(fx.db);
	free(h.department);
	h.department = xstrdup("606");
	CHECK_INT(db_household_update(fx.db, &fx.amb, &h), DB_DENIED);
	db_household_clear(&h);
	CHECK_INT(audit_rows(fx.db), before);
	CHECK_INT(data_sum(fx.db), sum);
	CHECK_INT(db_household_get(fx.db, &admin, fx.h605, &h), DB_OK);
	CHECK_STR(h.department, "605");
	CHECK_INT(h.version, version);
	db_household_clear(&h);
	db_close(fx.db);
}

/* The count of a household query as who (checked against its list);
 * ids gets the first max rows' ids. */
static long
hh_rows(struct fx *fx, const struct who *who,
    const struct household_query *q, long *ids, size_t max)
{
	struct household_row	*rows;
	size_t			 n, i;
	long			 count = -1;

	if (db_household_list(fx->db, who, q, NULL, 50, &rows, &n) != DB_OK ||
	    db_household_count(fx->db, who, q, &count) != DB_OK) {
		TEST_FAIL("list: %s", db_errmsg(fx->db));
		return -1;
	}
	if ((long)n != count)
		TEST_FAIL("list %zu rows, count %ld", n, count);
	for (i = 0; i < n && i < max; i++)
		ids[i] = rows[i].id;
	db_household_rows_free(rows, n);
	return count;
}

/* An ambassador's lists, counts and searches hold nothing of 606, also
 * when asked for 606 by name; the secretariat's hold both. */
static void
test_ambassador_lists_narrowed(void)
{
	struct household_query	 q = { .order = ORDER_NAME };
	struct household_row	 after;
	struct household_row	*rows;
	struct fx		 fx;
	struct who		 both;
	size_t			 n;
	long			 ids[8];

	if (!fx_open(&fx))
		return;
	CHECK_INT(hh_rows(&fx, &sekr, &q, ids, 8), 2);
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 1);
	CHECK_INT(ids[0], fx.h605);
	q.search = "Bo";				/* Bo Berg, of 606 */
	CHECK_INT(hh_rows(&fx, &sekr, &q, ids, 8), 1);
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 0);
	q.search = NULL;
	q.department = "606";
	CHECK_INT(hh_rows(&fx, &sekr, &q, ids, 8), 1);
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 0);
	q.search = "Bo";
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 0);
	q.search = NULL;
	q.department = "605";
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 1);
	q.department = NULL;
	q.filter = FILTER_OPEN;
	q.today = today;
	CHECK_INT(hh_rows(&fx, &fx.amb, &q, ids, 8), 1);
	q.filter = FILTER_ALL;
	/* Paging on from before the first row (by name) finds no 606. */
	memset(&after, 0, sizeof after);
	after.sort_key = (char *)"";
	CHECK_INT(db_household_list(fx.db, &fx.amb, &q, &after, 10, &rows,
	    &n), DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(rows[0].id, fx.h605);
	db_household_rows_free(rows, n);
	/* An ambassador of both departments sees both. */
	both = fx.amb;
	both.departments[1] = "606";
	both.ndepartments = 2;
	CHECK_INT(hh_rows(&fx, &both, &q, ids, 8), 2);
	/* An ambassador account with no department sees none. */
	both.ndepartments = 0;
	CHECK_INT(hh_rows(&fx, &both, &q, ids, 8), 0);
	db_close(fx.db);
}

/* The visit lists of every household and by name hold only the visits
 * of the ambassador's own department's households. */
static void
test_ambassador_visit_lists_narrowed(void)
{
	struct visit	*vs, after;
	struct fx	 fx;
	size_t		 n;

	if (!fx_open(&fx))
		return;
	CHECK_INT(db_visit_list(fx.db, &sekr, 0, NULL, 10, &vs, &n), DB_OK);
	CHECK_INT(n, 2);
	db_visits_free(vs, n);
	CHECK_INT(db_visit_list(fx.db, &fx.amb, 0, NULL, 10, &vs, &n), DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(vs[0].household, fx.h605);
	db_visits_free(vs, n);
	/* After a cursor too. */
	memset(&after, 0, sizeof after);
	after.date = today + 1;
	after.id = 999;
	CHECK_INT(db_visit_list(fx.db, &fx.amb, 0, &after, 10, &vs, &n),
	    DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(vs[0].id, fx.v605);
	db_visits_free(vs, n);
	CHECK_INT(db_visit_list_by(fx.db, &sekr, "Ali Amin", 10, &vs, &n),
	    DB_OK);
	CHECK_INT(n, 2);
	db_visits_free(vs, n);
	CHECK_INT(db_visit_list_by(fx.db, &fx.amb, "Ali Amin", 10, &vs, &n),
	    DB_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(vs[0].id, fx.v605);
	db_visits_free(vs, n);
	CHECK_INT(db_visit_list(fx.db, &fx.amb, fx.h605, NULL, 10, &vs, &n),
	    DB_OK);
	CHECK_INT(n, 1);
	db_visits_free(vs, n);
	db_close(fx.db);
}

/* Ids of an ambassador query as who, and the count. */
static long
amb_rows(struct fx *fx, const struct who *who,
    const struct ambassador_query *q, long *ids, size_t max)
{
	struct ambassador_row	*rows;
	size_t			 n, i;
	long			 count = -1;

	if (db_ambassador_list(fx->db, who, q, NULL, 50, &rows, &n) != DB_OK ||
	    db_ambassador_count(fx->db, who, q, &count) != DB_OK) {
		TEST_FAIL("list: %s", db_errmsg(fx->db));
		return -1;
	}
	if ((long)n != count)
		TEST_FAIL("list %zu rows, count %ld", n, count);
	for (i = 0; i < n && i < max; i++)
		ids[i] = rows[i].id;
	db_ambassador_rows_free(rows, n);
	return count;
}

/* An ambassador sees the ambassadors of its departments, without the
 * contact details and notes of any but its own record. */
static void
test_ambassador_register_narrowed(void)
{
	struct ambassador_query	 q = { .status = -1, .today = DATE_NONE };
	struct ambassador	 a;
	struct fx		 fx;
	struct who		 unbound;
	char			*msg;
	long			 ids[8];

	if (!fx_open(&fx))
		return;
	CHECK_INT(amb_rows(&fx, &sekr, &q, ids, 8), 3);
	CHECK_INT(amb_rows(&fx, &fx.amb, &q, ids, 8), 2);
	CHECK(ids[0] != fx.c606 && ids[1] != fx.c606);
	q.search = "Carl";
	CHECK_INT(amb_rows(&fx, &sekr, &q, ids, 8), 1);
	CHECK_INT(amb_rows(&fx, &fx.amb, &q, ids, 8), 0);
	q.search = NULL;
	q.department = "606";
	CHECK_INT(amb_rows(&fx, &fx.amb, &q, ids, 8), 0);

	CHECK_INT(db_ambassador_get(fx.db, &fx.amb, fx.c606, &a), DB_NOTFOUND);
	msg = xstrdup(db_errmsg(fx.db));
	CHECK_INT(db_ambassador_get(fx.db, &fx.amb, 99999, &a), DB_NOTFOUND);
	CHECK_STR(db_errmsg(fx.db), msg);
	free(msg);

	CHECK_INT(db_ambassador_get(fx.db, &fx.amb, fx.b605, &a), DB_OK);
	CHECK_STR(a.name, "Berit Bech");
	CHECK_STR(a.phone, NULL);
	CHECK_STR(a.email, NULL);
	CHECK_STR(a.notes, NULL);
	db_ambassador_clear(&a);
	CHECK_INT(db_ambassador_get(fx.db, &fx.amb, fx.a605, &a), DB_OK);
	CHECK_STR(a.phone, "12 34 56 78");
	CHECK_STR(a.email, "ven@example.dk");
	CHECK_STR(a.notes, "Ring efter kl. 16");
	db_ambassador_clear(&a);
	/* An ambassador account not tied to an ambassador has no own. */
	unbound = fx.amb;
	unbound.ambassador = 0;
	CHECK_INT(db_ambassador_get(fx.db, &unbound, fx.a605, &a), DB_OK);
	CHECK_STR(a.phone, NULL);
	db_ambassador_clear(&a);
	CHECK_INT(db_ambassador_get(fx.db, &sekr, fx.b605, &a), DB_OK);
	CHECK_STR(a.phone, "12 34 56 78");
	CHECK_STR(a.notes, "Ring efter kl. 16");
	db_ambassador_clear(&a);
	db_close(fx.db);
}

/* A failed audit row rolls the change back: they are one transaction. */
static void
test_audit_in_same_transaction(void)
{
	static const enum op changes[] = {
		OP_HH_ADD, OP_HH_UPDATE, OP_VISIT_ADD, OP_HH_HANDLED,
		OP_HH_MOVE_OUT, OP_AMB_ADD, OP_AMB_UPDATE, OP_AMB_STATUS,
	};
	struct fx	 fx;
	size_t		 i;
	long		 sum, rows, rec;

	if (!fx_open(&fx))
		return;
	CHECK(db_exec(fx.db, "CREATE TEMP TRIGGER no_audit BEFORE INSERT ON "
	    "audit BEGIN SELECT RAISE(ABORT, 'no audit'); END") == SQLITE_OK);
	rows = audit_rows(fx.db);
	sum = data_sum(fx.db);
	for (i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		if (run_op(&fx, &sekr, changes[i], fx.h605, fx.b605, "605",
		    &rec) == DB_OK)
			TEST_FAIL("%s: saved without its audit row",
			    ops[changes[i]].name);
		if (data_sum(fx.db) != sum)
			TEST_FAIL("%s: changed without its audit row",
			    ops[changes[i]].name);
	}
	CHECK_INT(audit_rows(fx.db), rows);
	CHECK(db_exec(fx.db, "DROP TRIGGER no_audit") == SQLITE_OK);
	/* And a change refused for its content leaves no audit row. */
	{
		struct household h = mkhouse("605", "");

		CHECK_INT(db_household_add(fx.db, &sekr, &h), DB_INVALID);
		CHECK_INT(audit_rows(fx.db), rows);
	}
	db_close(fx.db);
}

/* In a batch (velkomst demo) every change still writes its row, and a
 * batch rolled back leaves none. */
static void
test_audit_in_batch(void)
{
	struct household h;
	struct fx	 fx;
	long		 rows;

	if (!fx_open(&fx))
		return;
	rows = audit_rows(fx.db);
	CHECK_INT(db_batch_begin(fx.db), DB_OK);
	h = mkhouse("605", "Dina Dahl");
	CHECK_INT(db_household_add(fx.db, &admin, &h), DB_OK);
	h = mkhouse("606", "Dan Dahl");
	CHECK_INT(db_household_add(fx.db, &admin, &h), DB_OK);
	/* A refused call inside the batch rolls back only itself. */
	h = mkhouse("606", "Dorit Dahl");
	CHECK_INT(db_household_add(fx.db, &fx.amb, &h), DB_DENIED);
	CHECK_INT(db_batch_end(fx.db, 1), DB_OK);
	CHECK_INT(audit_rows(fx.db), rows + 2);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM household"), 4);
	CHECK_INT(db_batch_begin(fx.db), DB_OK);
	h = mkhouse("605", "Ebbe Eg");
	CHECK_INT(db_household_add(fx.db, &admin, &h), DB_OK);
	CHECK_INT(db_batch_end(fx.db, 0), DB_OK);
	CHECK_INT(audit_rows(fx.db), rows + 2);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM household"), 4);
	db_close(fx.db);
}

/* The trail never holds personal content: no name, phone or note. */
static void
test_audit_not_personal(void)
{
	struct fx	 fx;
	int		 op;

	if (!fx_open(&fx))
		return;
	for (op = 0; op < NOPS; op++)
		expect(&fx, &admin, (enum op)op, fx.h605, fx.b605, "605",
		    DB_OK, "admin");
	CHECK(audit_rows(fx.db) > 0);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%Ali%' OR detail LIKE '%Holm%' OR "
	    "detail LIKE '%Berit%' OR detail LIKE '%Dina%' OR "
	    "detail LIKE '%Dorte%' OR detail LIKE '%12 34%' OR "
	    "detail LIKE '%example%' OR detail LIKE '%Ring%' OR "
	    "kind LIKE '%Ali%' OR kind LIKE '%Holm%'"), 0);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit WHERE detail IS NOT "
	    "NULL AND detail NOT LIKE 'household %' AND detail NOT IN "
	    "('active', 'paused', 'stopped')"), 0);
	CHECK_INT(one(fx.db, "SELECT count(*) FROM audit WHERE "
	    "command_line = 1 AND login = 'admin'"), audit_rows(fx.db));
	db_close(fx.db);
}

/*
 * The rule of accounts (core_may_account) for every operation, every
 * role and every role of the account: the secretariat adds, disables,
 * enables, resets and unlocks ambassadors' accounts; admin and
 * secretariat accounts stay with admins; an ambassador and nobody may
 * do nothing.  A refusal has a sentence, and the secretariat's says that
 * it is an admin's work.
 */
static void
test_account_rights_table(void)
{
	static const enum role roles[] = {
		ROLE_NONE, ROLE_AMBASSADOR, ROLE_SECRETARIAT, ROLE_ADMIN
	};
	/* [who][the account's role], the same for every operation. */
	static const int may[4][4] = {
		/* none amb  sec  admin: the account */
		{ 0,   0,   0,   0 },	/* nobody */
		{ 0,   0,   0,   0 },	/* an ambassador */
		{ 0,   1,   0,   0 },	/* the secretariat */
		{ 0,   1,   1,   1 },	/* an admin */
	};
	const char	*why;
	int		 op;
	size_t		 w, t;

	for (op = ACCOUNT_ADD; op <= ACCOUNT_UNLOCK; op++)
		for (w = 0; w < 4; w++)
			for (t = 0; t < 4; t++) {
				if (core_may_account(roles[w],
				    (enum account_op)op, roles[t]) !=
				    may[w][t])
					TEST_FAIL("op %d by role %zu on role "
					    "%zu: %d", op, w, t, !may[w][t]);
				why = core_account_refusal(roles[w],
				    (enum account_op)op, roles[t]);
				if ((why == NULL) != may[w][t])
					TEST_FAIL("op %d by %zu on %zu: why "
					    "\"%s\"", op, w, t,
					    why ? why : "(null)");
				if (w == 2 && t >= 2 && (why == NULL ||
				    strstr(why, "Only an admin") == NULL))
					TEST_FAIL("op %d on %zu: \"%s\"", op, t,
					    why ? why : "(null)");
			}
	CHECK(!core_may_account(ROLE_ADMIN, (enum account_op)99,
	    ROLE_AMBASSADOR));
	/* Reading the accounts and the ambassadors' accounts are the
	 * secretariat's; every account is the admin's. */
	CHECK(core_may(ROLE_SECRETARIAT, ACCESS_AMBASSADOR_ACCOUNTS));
	CHECK(!core_may(ROLE_AMBASSADOR, ACCESS_AMBASSADOR_ACCOUNTS));
	CHECK(core_may(ROLE_SECRETARIAT, ACCESS_UNLOCK));
	CHECK(!core_may(ROLE_SECRETARIAT, ACCESS_ACCOUNTS));
	CHECK(core_may(ROLE_ADMIN, ACCESS_ACCOUNTS));
}

int
main(void)
{
	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setenv("VELKOMST_TODAY", "2019-06-15", 1);
	util_today_init(NULL);
	today = util_today();
	RUN("access", test_none_is_refused_everything);
	RUN("access", test_secretariat_may_do_everything);
	RUN("access", test_ambassador_own_department);
	RUN("access", test_ambassador_refused_secretariat_work);
	RUN("access", test_ambassador_other_household_not_found);
	RUN("access", test_ambassador_other_department_denied);
	RUN("access", test_ambassador_lists_narrowed);
	RUN("access", test_ambassador_visit_lists_narrowed);
	RUN("access", test_ambassador_register_narrowed);
	RUN("access", test_audit_in_same_transaction);
	RUN("access", test_audit_in_batch);
	RUN("access", test_audit_not_personal);
	RUN("access", test_account_rights_table);
	core_key_done();
	TEST_END();
}
