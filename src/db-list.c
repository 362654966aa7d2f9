/*
 * db-list.c — what the lists of households and of ambassadors share:
 * the WHERE of a query (who's departments, a department, the search
 * words as key ranges, then the kind's own conditions), keyset paging
 * both ways on (key, id), and the count.  db-household.c and
 * db-ambassador.c each say what they list in a struct db_list_kind and
 * ask through a struct db_list (db-private.h).  The search words' key
 * ranges live here too (the ambassadors' language filter uses them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db-private.h"
#include "util.h"

/* The largest query a list makes (a page of an ambassador of several
 * departments repeats its WHERE for each). */
#define DB_LIST_SQL	32768

/* Set how common a search word is before the lists walk their order. */
void
db_search_rare(struct db *db, long n)
{
	db->search_rare = n > 0 ? n : 0;
}

/* Split a typed search into word keys and their upper bounds. */
void
db_words_open(struct db_words *w, const char *search)
{
	size_t	i;

	memset(w, 0, sizeof *w);
	w->drive = -1;
	if (search != NULL)
		w->nwords = core_search_words(search, &w->words);
	w->nuse = w->nwords < DB_SEARCH_WORDS ? w->nwords : DB_SEARCH_WORDS;
	for (i = 0; i < w->nuse; i++)
		w->next[i] = core_prefix_next(w->words[i]);
}

/* Free the words. */
void
db_words_close(struct db_words *w)
{
	size_t	i;

	for (i = 0; i < w->nuse; i++)
		free(w->next[i]);
	core_words_free(w->words, w->nwords);
	memset(w, 0, sizeof *w);
}

/*
 * Into dept (of size len), the departments of l as a condition on the
 * word index's column col: who's (" AND col IN (?N, ...)", numbered from
 * ?first) and the one chosen (" AND col = ?1"); "" when the kind's index
 * has no department or l reads them all.
 */
static void
db_words_dept(char *dept, size_t len, const struct db_list *l,
    const struct who *who, int first, const char *col)
{
	size_t	o;

	dept[0] = '\0';
	if (col == NULL)
		return;
	o = db_who_where(dept, len, 0, who, col, first);
	if (l->department != NULL && o < len)
		snprintf(dept + o, len - o, " AND %s = ?1", col);
}

/* The word index's department column of k with its table or alias
 * (as "dw.department") into col; NULL when it has none. */
static const char *
db_words_dept_col(char *col, size_t len, const struct db_list_kind *k,
    const char *alias)
{
	if (k->words_department == NULL)
		return NULL;
	snprintf(col, len, "%s.%s", alias != NULL ? alias : k->words,
	    k->words_department);
	return col;
}

static int	db_list_words_only(const struct db_list_kind *,
		    const struct db_list *);

/* Forget the kept estimates. */
void
db_words_forget(struct db *db)
{
	int	i;

	for (i = 0; i < DB_EST_CACHE; i++) {
		free(db->est[i].key);
		db->est[i].key = NULL;
	}
}

/*
 * The kept estimate of key, or -1.  They are kept while the file is as
 * it was: no change through this connection (total_changes) nor through
 * another (data_version).  An estimate only chooses how a search reads,
 * never what it finds, so one kept a little long would cost time only.
 */
static long
db_words_kept(struct db *db, const char *key)
{
	sqlite3_stmt	*st;
	long long	 changes = sqlite3_total_changes64(db->h);
	long		 version = -1;
	int		 i;

	if ((st = db_stmt(db, "PRAGMA data_version")) != NULL &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = (long)sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	if (version < 0 || changes != db->est_changes ||
	    version != db->est_version) {
		db_words_forget(db);
		db->est_changes = changes;
		db->est_version = version;
		return -1;
	}
	for (i = 0; i < DB_EST_CACHE; i++)
		if (db->est[i].key != NULL && strcmp(db->est[i].key, key) == 0)
			return db->est[i].n;
	return -1;
}

/* Keep the estimate n of key (taking key). */
static void
db_words_keep(struct db *db, char *key, long n)
{
	free(db->est[db->est_next].key);
	db->est[db->est_next].key = key;
	db->est[db->est_next].n = n;
	db->est_next = (db->est_next + 1) % DB_EST_CACHE;
}

/* What an estimate depends on: its SQL and every value bound to it. */
static char *
db_words_key(const char *sql, const struct db_list *l,
    const struct db_words *w, size_t i, long rare, int dept)
{
	char	*key, *more;
	size_t	 j;

	key = xasprintf("%s\x1f%s\x1f%s\x1f%ld", sql, w->words[i],
	    w->next[i] != NULL ? w->next[i] : "", rare);
	for (j = 0; dept && j < l->who->ndepartments; j++) {
		more = xasprintf("%s\x1f%s", key, l->who->departments[j]);
		free(key);
		key = more;
	}
	if (dept && l->department != NULL) {
		more = xasprintf("%s\x1f=%s", key, l->department);
		free(key);
		key = more;
	}
	return key;
}

/* How many words of k's index word i of w starts in the departments l
 * reads, up to rare: -1 on failure. */
static long
db_words_count(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w, size_t i, long rare)
{
	sqlite3_stmt	*st;
	char		 sql[1024], dept[512], col[64], *key;
	long		 n = -1;
	size_t		 o;
	int		 rc;

	db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
	    db_words_dept_col(col, sizeof col, k, NULL));
	o = (size_t)snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 "
	    "FROM %s WHERE key >= ?%zu", k->words, 2 * i + 2);
	if (w->next[i] != NULL)
		o += (size_t)snprintf(sql + o, sizeof sql - o, " AND key < ?%zu",
		    2 * i + 3);
	snprintf(sql + o, sizeof sql - o, "%s LIMIT ?12)", dept);
	key = db_words_key(sql, l, w, i, rare, dept[0] != '\0');
	if ((n = db_words_kept(db, key)) >= 0) {
		free(key);
		return n;
	}
	if ((st = db_prepare(db, sql)) == NULL) {
		free(key);
		return -1;
	}
	db_words_bind(st, w);
	if (dept[0] != '\0') {
		db_who_bind(st, l->who, k->who_param);
		if (l->department != NULL)
			sqlite3_bind_text(st, 1, l->department, -1,
			    SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 12, rare);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	else
		db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	if (n >= 0)
		db_words_keep(db, key, n);
	else
		free(key);
	return n;
}

/* 1 if word i of w is likely to start fewer words than word j: fewer
 * counted, or, both past the count's bound, a longer prefix ("søren"
 * before "m", whichever was typed first). */
static int
db_words_rarer(const struct db_words *w, size_t i, size_t j)
{
	if (w->est[i] != w->est[j])
		return w->est[i] < w->est[j];
	return strlen(w->words[i]) > strlen(w->words[j]);
}

/*
 * Estimate each word of w (a range count on the word index that stops at
 * the rare bound: a few thousand index entries at most) and choose its
 * form: rare words fetch their records (IN), common ones are checked as
 * the list walks its order (EXISTS).  The rarest word drives a capped
 * count (db_list_count_upto).
 */
enum db_status
db_words_estimate(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, struct db_words *w)
{
	long	rare = db->search_rare > 0 ? db->search_rare : DB_SEARCH_RARE;
	long	scope = -1;
	size_t	i;

	/*
	 * A page of one word and nothing else: fetching its n records
	 * costs about n, walking the order about limit × scope / n (the
	 * records read before one of the word's comes).  So a word is
	 * walked once n × n > limit × scope, also below the rare bound: at
	 * 100,000 households "sø" in an ambassador's department (659 of
	 * 11,000) is walked.  A bound set by db_search_rare (the tests')
	 * decides alone.
	 */
	if (l->limit > 0 && w->nuse == 1 && k->scope != NULL &&
	    db->search_rare <= 0 && db_list_words_only(k, l))
		scope = k->scope(db, l);
	for (i = 0; i < w->nuse; i++) {
		if ((w->est[i] = db_words_count(db, k, l, w, i, rare)) < 0)
			return DB_ERROR;
		w->walk[i] = w->est[i] >= rare || (scope > 0 &&
		    (double)w->est[i] * (double)w->est[i] >
		    (double)l->limit * (double)scope);
		if (w->drive < 0 || db_words_rarer(w, i, (size_t)w->drive))
			w->drive = (int)i;
	}
	return DB_OK;
}

/* Append the word key range ?lo (and below ?lo+1) and the closing ")". */
static size_t
db_key_range(char *sql, size_t len, size_t o, int lo, int has_next)
{
	o += (size_t)snprintf(sql + o, len - o, " AND key >= ?%d", lo);
	if (has_next)
		o += (size_t)snprintf(sql + o, len - o, " AND key < ?%d",
		    lo + 1);
	return o + (size_t)snprintf(sql + o, len - o, ")");
}

/* Append one key range condition ("col IN (SELECT ...)") to sql. */
size_t
db_key_where(char *sql, size_t len, size_t o, const char *col,
    const char *table, const char *idcol, int lo, int has_next,
    const char *dept)
{
	o += (size_t)snprintf(sql + o, len - o, " AND %s IN (SELECT %s FROM "
	    "%s WHERE 1%s", col, idcol, table, dept);
	return db_key_range(sql, len, o, lo, has_next);
}

/* Append one key range condition checked per record ("EXISTS (...)"):
 * the word index on (idcol, key) answers it with one seek. */
static size_t
db_key_exists(char *sql, size_t len, size_t o, const char *col,
    const char *table, const char *idcol, int lo, int has_next)
{
	o += (size_t)snprintf(sql + o, len - o, " AND EXISTS (SELECT 1 FROM "
	    "%s WHERE %s = %s", table, idcol, col);
	return db_key_range(sql, len, o, lo, has_next);
}

/* Append a key range condition for every word but skip; dept narrows
 * the ones that fetch their records (IN) to the departments read. */
size_t
db_words_where(char *sql, size_t len, size_t o, const struct db_words *w,
    const char *col, const char *table, const char *idcol, int skip,
    const char *dept)
{
	size_t	i, n, order[DB_SEARCH_WORDS];

	/* The rarest first: a record most words miss is dropped after one
	 * look (estimates not made yet are all 0: the order typed). */
	for (n = 0; n < w->nuse; n++) {
		for (i = n; i > 0 && db_words_rarer(w, n, order[i - 1]); i--)
			order[i] = order[i - 1];
		order[i] = n;
	}
	for (n = 0; n < w->nuse && o < len; n++) {
		i = order[n];
		if ((int)i == skip)
			continue;
		if (w->walk[i])
			o = db_key_exists(sql, len, o, col, table, idcol,
			    (int)(2 * i + 2), w->next[i] != NULL);
		else
			o = db_key_where(sql, len, o, col, table, idcol,
			    (int)(2 * i + 2), w->next[i] != NULL, dept);
	}
	return o;
}

/* 1 if a word of w but skip fetches its records (IN): then they, not
 * an index of the departments, should drive the query. */
static int
db_words_fetch(const struct db_words *w, int skip)
{
	size_t	i;

	for (i = 0; i < w->nuse; i++)
		if ((int)i != skip && !w->walk[i])
			return 1;
	return 0;
}

/*
 * Append to sql a check of the record's initials (k->initials) against
 * the words' first letters, when a word of w is checked per record
 * (EXISTS) as the list walks its order: the walk's index carries the
 * initials, so a record that cannot match is passed over there, before
 * its words are looked up.  The bits are written into the SQL (a number,
 * never text typed).
 */
static size_t
db_words_initials(char *sql, size_t len, size_t o,
    const struct db_list_kind *k, const struct db_words *w)
{
	unsigned long	bits = 0;
	size_t		i;
	int		walk = 0;

	for (i = 0; i < w->nuse; i++) {
		bits |= core_key_initial(w->words[i]);
		walk |= w->walk[i];
	}
	if (k->initials == NULL || !walk || o >= len)
		return o;
	return o + (size_t)snprintf(sql + o, len - o, " AND (%s & %lu) = %lu",
	    k->initials, bits, bits);
}

/* Bind every word and its bound. */
void
db_words_bind(sqlite3_stmt *st, const struct db_words *w)
{
	size_t	i;

	for (i = 0; i < w->nuse; i++) {
		sqlite3_bind_text(st, (int)(2 * i + 2), w->words[i], -1,
		    SQLITE_STATIC);
		if (w->next[i] != NULL)
			sqlite3_bind_text(st, (int)(2 * i + 3), w->next[i], -1,
			    SQLITE_STATIC);
	}
}

/* Start a query of list l for who, in department (NULL: all), of the
 * words typed in search (NULL: none), with the kind's own query ctx. */
void
db_list_init(struct db_list *l, const struct who *who,
    const char *department, const char *search, const void *ctx)
{
	memset(l, 0, sizeof *l);
	l->who = who;
	l->department = department;
	l->search = search;
	l->ctx = ctx;
}

static void	db_list_where_arm(char *, size_t, const struct db_list_kind *,
		    const struct db_list *, const struct db_words *, int, int);

/* Append the WHERE of l to sql (of size len). */
static void
db_list_where(char *sql, size_t len, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w, int skip)
{
	db_list_where_arm(sql, len, k, l, w, skip, -1);
}

/* The same, of who's department arm only (-1: all of them). */
static void
db_list_where_arm(char *sql, size_t len, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w, int skip, int arm)
{
	struct who	 one = *l->who;
	char		 dept[512], col[64], dcol[64];
	size_t		 o = strlen(sql);
	int		 first = k->who_param;

	if (arm >= 0) {
		one.departments[0] = l->who->departments[arm];
		one.ndepartments = 1;
		first += arm;
	}
	/* A word that fetches its records drives; "+" keeps SQLite from
	 * walking the departments' index instead (all of it, for a word
	 * rare there). */
	snprintf(col, sizeof col, "%s%s", db_words_fetch(w, skip) ? "+" : "",
	    k->department);
	db_words_dept(dept, sizeof dept, l, &one, first,
	    db_words_dept_col(dcol, sizeof dcol, k, NULL));
	o += (size_t)snprintf(sql + o, len - o, " WHERE 1");
	o = db_who_where(sql, len, o, &one, col, first);
	if (l->department != NULL && o < len)
		o += (size_t)snprintf(sql + o, len - o, " AND %s = ?1", col);
	if (k->where != NULL && o < len)
		o = k->where(sql, len, o, l->ctx);
	o = db_words_initials(sql, len, o, k, w);
	if (o < len)
		db_words_where(sql, len, o, w, k->id, k->words, k->words_id,
		    skip, dept);
}

/* Bind what the WHERE of l asks: who, the department, the words and
 * the kind's own. */
static void
db_list_bind(sqlite3_stmt *st, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w)
{
	db_who_bind(st, l->who, k->who_param);
	if (l->department != NULL)
		sqlite3_bind_text(st, 1, l->department, -1, SQLITE_STATIC);
	db_words_bind(st, w);
	if (k->bind != NULL)
		k->bind(st, l->ctx);
}

/* Bind l's values to the count st (its cap ?12 when cap > 0), step it
 * into *count and finalize it; DB_OK or the failure. */
static enum db_status
db_list_count_step(struct db *db, sqlite3_stmt *st,
    const struct db_list_kind *k, const struct db_list *l,
    const struct db_words *w, long cap, long *count)
{
	enum db_status	 s = DB_OK;
	int		 rc;

	db_list_bind(st, k, l, w);
	if (cap > 0)
		sqlite3_bind_int64(st, 12, cap);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*count = (long)sqlite3_column_int64(st, 0);
	else
		s = db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	return s;
}

/* 1 if l narrows by its words and departments only (no condition of
 * the kind's own), and the word index can say the departments. */
static int
db_list_words_only(const struct db_list_kind *k, const struct db_list *l)
{
	char	buf[DB_LIST_SQL];

	buf[0] = '\0';
	if (k->where != NULL && k->where(buf, sizeof buf, 0, l->ctx) != 0)
		return 0;
	return k->words_department != NULL || (l->department == NULL &&
	    core_may(l->who->role, ACCESS_ALL_DEPARTMENTS));
}

/* How many records l matches. */
enum db_status
db_list_count(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, long *count)
{
	struct db_words	 w;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[DB_LIST_SQL], dept[512], col[64];

	*count = 0;
	if ((s = db_may(db, l->who, k->access)) != DB_OK)
		return s;
	db_words_open(&w, l->search);
	/* One word and nothing else: its records in the departments read,
	 * counted in the word index alone (every row there names a record
	 * that exists). */
	if (w.nuse == 1 && db_list_words_only(k, l)) {
		db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
		    db_words_dept_col(col, sizeof col, k, NULL));
		snprintf(sql, sizeof sql, "SELECT count(DISTINCT %s) FROM %s "
		    "WHERE key >= ?2%s%s", k->words_id, k->words,
		    w.next[0] != NULL ? " AND key < ?3" : "", dept);
	} else {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", k->from);
		db_list_where(sql, sizeof sql, k, l, &w, -1);
	}
	if ((st = db_prepare(db, sql)) == NULL)
		s = DB_ERROR;
	else
		s = db_list_count_step(db, st, k, l, &w, 0, count);
	db_words_close(&w);
	return s;
}

/*
 * The SQL of a count of l that stops at the cap ?12.  With words, the
 * rarest word's index range drives it (the records it starts, each
 * once) and the others are checked per record, so it reads about cap
 * records whatever the size of the register; without, the list's own
 * conditions do.  One word and nothing else is counted in the word
 * index alone, as db_list_count does.
 */
static void
db_list_upto_sql(char *sql, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w)
{
	char	dept[512], col[64], dcol[64];
	size_t	o;
	int	d = w->drive;

	if (w->nuse == 1 && db_list_words_only(k, l)) {
		db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
		    db_words_dept_col(col, sizeof col, k, NULL));
		snprintf(sql, DB_LIST_SQL, "SELECT count(*) FROM (SELECT "
		    "DISTINCT %s FROM %s WHERE key >= ?2%s%s LIMIT ?12)",
		    k->words_id, k->words, w->next[0] != NULL ?
		    " AND key < ?3" : "", dept);
		return;
	}
	/* Words and departments only: the word index answers it all, each
	 * entry of the rarest word checked for the others in the same
	 * index, with no seek into the records (half the work). */
	if (d >= 0 && db_list_words_only(k, l)) {
		db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
		    db_words_dept_col(col, sizeof col, k, "dw"));
		snprintf(col, sizeof col, "dw.%s", k->words_id);
		o = (size_t)snprintf(sql, DB_LIST_SQL, "SELECT count(*) FROM "
		    "(SELECT DISTINCT %s FROM %s dw WHERE dw.key >= ?%d%s",
		    col, k->words, 2 * d + 2, dept);
		if (w->next[d] != NULL && o < DB_LIST_SQL)
			o += (size_t)snprintf(sql + o, DB_LIST_SQL - o,
			    " AND dw.key < ?%d", 2 * d + 3);
		db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
		    db_words_dept_col(dcol, sizeof dcol, k, NULL));
		o = db_words_where(sql, DB_LIST_SQL, o, w, col, k->words,
		    k->words_id, d, dept);
		if (o < DB_LIST_SQL)
			snprintf(sql + o, DB_LIST_SQL - o, " LIMIT ?12)");
		return;
	}
	if (d < 0)
		o = (size_t)snprintf(sql, DB_LIST_SQL, "SELECT count(*) FROM "
		    "(SELECT 1 FROM %s", k->from);
	else
		o = (size_t)snprintf(sql, DB_LIST_SQL, "SELECT count(*) FROM "
		    "(SELECT DISTINCT %s FROM %s dw CROSS JOIN %s ON %s = "
		    "dw.%s AND dw.key >= ?%d", k->id, k->words, k->from, k->id,
		    k->words_id, 2 * d + 2);
	if (d >= 0 && w->next[d] != NULL && o < DB_LIST_SQL)
		o += (size_t)snprintf(sql + o, DB_LIST_SQL - o,
		    " AND dw.key < ?%d", 2 * d + 3);
	/* The word's entries in the departments read only (schema 17). */
	if (d >= 0 && o < DB_LIST_SQL) {
		db_words_dept(dept, sizeof dept, l, l->who, k->who_param,
		    db_words_dept_col(col, sizeof col, k, "dw"));
		snprintf(sql + o, DB_LIST_SQL - o, "%s", dept);
	}
	db_list_where(sql, DB_LIST_SQL, k, l, w, d);
	if ((o = strlen(sql)) < DB_LIST_SQL)
		snprintf(sql + o, DB_LIST_SQL - o, " LIMIT ?12)");
}

/* How many records l matches, up to cap. */
enum db_status
db_list_count_upto(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, long cap, long *count)
{
	struct db_words	 w;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[DB_LIST_SQL];

	*count = 0;
	if ((s = db_may(db, l->who, k->access)) != DB_OK)
		return s;
	db_words_open(&w, l->search);
	if ((s = db_words_estimate(db, k, l, &w)) == DB_OK) {
		db_list_upto_sql(sql, k, l, &w);
		if ((st = db_prepare(db, sql)) == NULL)
			s = DB_ERROR;
	}
	if (s == DB_OK)
		s = db_list_count_step(db, st, k, l, &w, cap, count);
	db_words_close(&w);
	return s;
}

/* How many departments a page of l takes one at a time (0: all at
 * once): an ambassador of several departments, none chosen.  Each
 * department walks its own index in the order, and the pages merge;
 * "department IN (a, b)" would sort every household of both. */
static size_t
db_list_arms(const struct db_list *l)
{
	if (l->department != NULL || l->who->ndepartments < 2 ||
	    core_may(l->who->role, ACCESS_ALL_DEPARTMENTS))
		return 0;
	return l->who->ndepartments < WHO_MAX_DEPARTMENTS ?
	    l->who->ndepartments : WHO_MAX_DEPARTMENTS;
}

/* Append to sql the cursor of l and its order. */
static size_t
db_list_order(char *sql, size_t o, const struct db_list_kind *k,
    const struct db_list *l, int limit)
{
	const char	*dir = l->up ? "" : " DESC";

	if (l->after_key != NULL && o < DB_LIST_SQL)
		o += (size_t)snprintf(sql + o, DB_LIST_SQL - o,
		    " AND (%s, %s) %s (?10, ?11)", l->key, k->id,
		    l->up ? ">" : "<");
	/* Without a limit SQLite sorts a whole export in one pass (with
	 * LIMIT -1 it keeps a sorter that spills to temporary files). */
	if (o < DB_LIST_SQL)
		o += (size_t)snprintf(sql + o, DB_LIST_SQL - o,
		    " ORDER BY %s%s, %s%s%s", l->key, dir, k->id, dir,
		    limit ? " LIMIT ?12" : "");
	return o;
}

/*
 * The SQL of a page of l by arms: each department's first page (key and
 * id only, in the order, from its own index), merged, the first page of
 * those; then the rows of that page.
 */
static void
db_list_arms_sql(char *sql, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w, size_t arms)
{
	const char	*dir = l->up ? "" : " DESC";
	size_t		 i, o;

	o = (size_t)snprintf(sql, DB_LIST_SQL, "SELECT %s FROM %s JOIN (",
	    k->columns, k->from);
	for (i = 0; i < arms && o < DB_LIST_SQL; i++) {
		o += (size_t)snprintf(sql + o, DB_LIST_SQL - o, "%sSELECT * "
		    "FROM (SELECT %s AS lk_, %s AS li_ FROM %s", i > 0 ?
		    " UNION ALL " : "", l->key, k->id, k->from);
		if (o < DB_LIST_SQL)
			db_list_where_arm(sql, DB_LIST_SQL, k, l, w, -1,
			    (int)i);
		o = db_list_order(sql, strlen(sql), k, l, 1);
		if (o < DB_LIST_SQL)
			o += (size_t)snprintf(sql + o, DB_LIST_SQL - o, ")");
	}
	if (o < DB_LIST_SQL)
		snprintf(sql + o, DB_LIST_SQL - o, " ORDER BY lk_%s, li_%s "
		    "LIMIT ?12) p_ ON %s = p_.li_ ORDER BY p_.lk_%s, p_.li_%s",
		    dir, dir, k->id, dir, dir);
}

/*
 * The SQL of a page of l: its rows, the cursor ?10/?11 when there is
 * one, the order (key, then id, both up or both down) and (limit) LIMIT
 * ?12.
 */
static void
db_list_page_sql(char *sql, const struct db_list_kind *k,
    const struct db_list *l, const struct db_words *w, int limit)
{
	size_t	 arms;

	if (limit && (arms = db_list_arms(l)) > 0) {
		db_list_arms_sql(sql, k, l, w, arms);
		return;
	}
	snprintf(sql, DB_LIST_SQL, "SELECT %s FROM %s", k->columns, k->from);
	db_list_where(sql, DB_LIST_SQL, k, l, w, -1);
	db_list_order(sql, strlen(sql), k, l, limit);
}

/* Step st into up to l->limit rows of k; DB_OK or the failure. */
static enum db_status
db_list_fetch(struct db *db, sqlite3_stmt *st, const struct db_list_kind *k,
    const struct db_list *l, char **rows, size_t *n)
{
	int	 rc = SQLITE_DONE;

	if (l->limit > 0)
		*rows = xcalloc(l->limit, k->row_size);
	while (*n < l->limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		k->row(st, *rows + (*n)++ * k->row_size);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return DB_OK;
	while (*n > 0)
		k->clear(*rows + --*n * k->row_size);
	free(*rows);
	*rows = NULL;
	return db_sqlite_fail(db, rc);
}

/* Up to l->limit rows of l after its cursor. */
enum db_status
db_list_rows(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, void **rows, size_t *n)
{
	struct db_words	 w;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[DB_LIST_SQL], *got = NULL;

	*rows = NULL;
	*n = 0;
	if ((s = db_may(db, l->who, k->access)) != DB_OK)
		return s;
	db_words_open(&w, l->search);
	if ((s = db_words_estimate(db, k, l, &w)) != DB_OK) {
		db_words_close(&w);
		return s;
	}
	db_list_page_sql(sql, k, l, &w, 1);
	if ((st = db_prepare(db, sql)) == NULL) {
		db_words_close(&w);
		return DB_ERROR;
	}
	db_list_bind(st, k, l, &w);
	if (l->after_key != NULL) {
		sqlite3_bind_text(st, 10, l->after_key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, l->after_id);
	}
	sqlite3_bind_int64(st, 12, (sqlite3_int64)l->limit);
	s = db_list_fetch(db, st, k, l, &got, n);
	*rows = got;
	sqlite3_finalize(st);
	db_words_close(&w);
	return s;
}

/*
 * Every record of l in its order, in one statement (no cursor, no
 * limit): fn(ctx, row) for each until it returns nonzero.  Each word
 * fetches its records and the statement sorts them once (IN), as the
 * same query in the sqlite3 tool does: for a whole export that beats
 * walking the order, and one statement beats pages that each sort
 * again.  fn may read the database.
 */
enum db_status
db_list_each(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, int (*fn)(void *, void *), void *ctx)
{
	struct db_words	 w;
	struct db_list	 all = *l;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[DB_LIST_SQL], *row;
	int		 rc = SQLITE_DONE, stop = 0;

	if ((s = db_may(db, l->who, k->access)) != DB_OK)
		return s;
	all.after_key = NULL;
	db_words_open(&w, l->search);
	db_list_page_sql(sql, k, &all, &w, 0);
	if ((st = db_prepare(db, sql)) == NULL) {
		db_words_close(&w);
		return DB_ERROR;
	}
	db_list_bind(st, k, &all, &w);
	row = xcalloc(1, k->row_size);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		k->row(st, row);
		stop = fn(ctx, row) != 0;
		k->clear(row);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	free(row);
	sqlite3_finalize(st);
	db_words_close(&w);
	return s;
}

/*
 * How many records l matches per value of group (one column, or two
 * joined by ", "): fn(ctx, first, second, count) for each group, second
 * NULL with one column.  fn must not ask the database.
 */
enum db_status
db_list_count_by(struct db *db, const struct db_list_kind *k,
    const struct db_list *l, const char *group, int ncols,
    void (*fn)(void *, const char *, const char *, long), void *ctx)
{
	struct db_words	 w;
	sqlite3_stmt	*st;
	enum db_status	 s;
	char		 sql[DB_LIST_SQL];
	size_t		 o;
	int		 rc;

	if ((s = db_may(db, l->who, k->access)) != DB_OK)
		return s;
	snprintf(sql, sizeof sql, "SELECT %s, count(*) FROM %s", group,
	    k->from);
	db_words_open(&w, l->search);
	db_list_where(sql, sizeof sql, k, l, &w, -1);
	if ((o = strlen(sql)) < sizeof sql)
		snprintf(sql + o, sizeof sql - o, " GROUP BY %s", group);
	if ((st = db_prepare(db, sql)) == NULL) {
		db_words_close(&w);
		return DB_ERROR;
	}
	db_list_bind(st, k, l, &w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0), ncols > 1 ?
		    (const char *)sqlite3_column_text(st, 1) : NULL,
		    (long)sqlite3_column_int64(st, ncols));
	if (rc != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	sqlite3_finalize(st);
	db_words_close(&w);
	return s;
}
