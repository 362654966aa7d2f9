/*
 * db-private.h — what the db-*.c files share: the open connection, the
 * statement cache, error mapping and the write transaction.  Only db-*.c
 * (and the unit tests) include it; it is the one header with <sqlite3.h>.
 */
#ifndef VELKOMST_DB_PRIVATE_H
#define VELKOMST_DB_PRIVATE_H

#include <sqlite3.h>

#include "db.h"

/* PRAGMA application_id of a velkomst database: "VELK". */
#define DB_APPLICATION_ID	0x56454C4B
/* The newest schema this velkomst knows (PRAGMA user_version). */
#define DB_SCHEMA_VERSION	21
/*
 * The version of core's key rules (core_search_key, core_name_words,
 * core_sort_key).  Raise it when they change: db_open then rebuilds every
 * member's keys, the name_word rows and household.sort_key, and every
 * ambassador's keys, ambassador_word and ambassador_language rows.
 */
#define CORE_KEY_VERSION	1

#define DB_BUSY_DEFAULT		5000	/* ms */
#define DB_STMT_CACHE		256
/* How many estimates of search words a connection keeps (db-list.c). */
#define DB_EST_CACHE	8
#define DB_EACH_PAGE		500	/* rows a page of db_*_each */

struct db_stmt_slot {
	const char	*sql;		/* a string literal: the cache key */
	sqlite3_stmt	*stmt;
};

struct db {
	sqlite3		*h;
	char		*path;
	char		*errmsg;	/* the last error, translated */
	int		 readonly;
	int		 asked_ro;	/* opened DB_READ_ONLY by choice */
	int		 batch;		/* inside db_batch_begin() */
	int		 bulk;		/* ... begun by db_bulk_begin() */
	int		 bulk_failed;	/* a call of the bulk batch failed */
	long		 cache_was;	/* PRAGMA cache_size before the bulk */
	int		 bulk_wal;	/* the bulk batch left WAL mode */
	char		**bulk_index;	/* the CREATE INDEX of the indexes the
					   bulk batch dropped, NULL-ended */
	int		 chain_held;	/* in a bulk batch: the head of the
					   audit trail is the one below, not
					   yet written to meta (db-chain.c) */
	long long	 chain_id;
	unsigned char	 chain_hash[32];	/* CORE_CHAIN_BYTES */
	int		 busy_ms;
	int		 had_wal;	/* the -wal was there before we opened */
	int		 had_shm;	/* the -shm likewise */
	int		 ro_failures;	/* a read-only file keeps no count of
					   wrong logins, nor a file whose
					   write failed: this process does */
	long long	 ro_locked_until;
	char		*notice;	/* what opening repaired (db_notice) */
	long		 search_rare;	/* db_search_rare(); 0: DB_SEARCH_RARE */
	/* The last search words' estimates (db-list.c), kept while no
	 * connection changes the file: a keystroke asks its count and its
	 * page, each of which estimates the same words. */
	struct {
		char	*key;		/* the count's SQL and its values */
		long	 n;
	}		 est[DB_EST_CACHE];
	int		 est_next;
	long long	 est_changes;	/* sqlite3_total_changes64 */
	long		 est_version;	/* PRAGMA data_version */
	struct db_stmt_slot stmts[DB_STMT_CACHE];
};

/* Set db_errmsg() to a new message (printf style) and return st. */
enum db_status	 db_fail(struct db *, enum db_status st, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* Map an SQLite result code to a status and set the message. */
enum db_status	 db_sqlite_fail(struct db *, int rc);
/*
 * The cached prepared statement for sql (a string literal: the pointer is
 * the key), reset and with its bindings cleared.  NULL on failure (the
 * message is set).
 */
sqlite3_stmt	*db_stmt(struct db *, const char *sql);
/*
 * Set the page cache to kib KiB for a long write (an import) and return
 * what PRAGMA cache_size was, for db_cache_restore; keeps the old size
 * if it cannot (db-bulk.c).
 */
long		 db_cache_grow(struct db *, long kib);
void		 db_cache_restore(struct db *, long was);
/* Inside a bulk batch (db-bulk.c): with on 0, drop the indexes a fill
 * need not keep up row by row; with 1, build them again (done too by
 * db_batch_end before it commits).  db_bulk_done puts the connection
 * back as it was before db_bulk_begin, after the commit or rollback. */
enum db_status	 db_bulk_indexes(struct db *, int on);
void		 db_bulk_done(struct db *);
/* Run SQL with no result rows (BEGIN, COMMIT, ...); an SQLite code. */
int		 db_exec(struct db *, const char *sql);
/*
 * Start a change: BEGIN IMMEDIATE, or inside a batch a savepoint, so that
 * every call is all-or-nothing.  DB_READONLY without touching SQLite when
 * the database is read-only.
 */
enum db_status	 db_write_begin(struct db *);
/* End a change begun with db_write_begin: commit if st is DB_OK, else
 * roll back.  Returns st, or the failure of the commit. */
enum db_status	 db_write_end(struct db *, enum db_status st);
/*
 * The UTC time now as "2026-11-28 09:12:00" into buf (20 bytes): db_now
 * is when a record is recorded (created_at): the clock, except while
 * util_today_set pins another day (the demo records each visit as on its
 * day, so a report's cut-off sees it recorded then); the audit trail
 * keeps the real clock, db_clock.
 */
char		*db_now(char *buf);
char		*db_clock(char *buf);
/* Bind text, or NULL for NULL or "". */
int		 db_bind_text(sqlite3_stmt *, int, const char *);
/* A new copy of column i, "" for NULL (or NULL when keep_null). */
char		*db_column_text(sqlite3_stmt *, int i, int keep_null);

/* Column i as a day number (DATE_NONE for NULL or a bad date). */
long		 db_column_date(sqlite3_stmt *, int i);
/* DB_INVALID (with the message set) unless who names a person. */
enum db_status	 db_check_who(struct db *, const struct who *);
/* Step a statement that gives no rows and reset it; DB_OK or the failure.
 * st may be NULL (a failed db_stmt): DB_ERROR. */
enum db_status	 db_step_done(struct db *, sqlite3_stmt *st);
enum db_status	 db_count_by_id(struct db *, const char *sql, long id,
		    long *n);

/*
 * Narrow a list to who's departments (db-audit.c): for a who that
 * does not see every department (an ambassador), append to sql (of size
 * len, o bytes used) " AND col IN (?first, ?first+1, ...)", one
 * parameter per department (" AND 0" for none); nothing for a who that
 * sees every department.  Returns the bytes used.  db_who_bind binds
 * them.
 */
size_t		 db_who_where(char *sql, size_t len, size_t o,
		    const struct who *, const char *col, int first);
void		 db_who_bind(sqlite3_stmt *, const struct who *, int first);

/*
 * Write one audit row (db-audit.c) inside the current write transaction:
 * who did kind ("household changed") to which record (table "household",
 * id; NULL and 0 for none).  detail is never personal content.
 */
enum db_status	 db_audit(struct db *, const struct who *, const char *kind,
		    const char *table, long record, const char *detail);
/* Read a row of "SELECT id, at, login, command_line, kind, tbl, record,
 * detail FROM audit" at st into r (db-audit.c). */
void		 db_audit_read_row(sqlite3_stmt *st, struct audit_row *r);
/* One audit row as it is stored (db_audit fills it, db-chain.c writes
 * and hashes it): NULL and 0 for none. */
struct db_audit_fields {
	long long	 id;		/* set by db_chain_append */
	const char	*at;
	long long	 account;	/* 0: none (stored NULL) */
	const char	*login;
	int		 command_line;
	const char	*kind;
	const char	*table;
	long long	 record;
	const char	*detail;
};
/*
 * The audit trail's chain (db-chain.c).  db_chain_append writes row r at
 * the end of the chain (sets r->id) inside the current write
 * transaction.  db_chain_migrate gives the rows of an older trail their
 * hashes (migration 6).  db_chain_guard puts back a guard trigger that
 * is missing or changed, and sets db->notice (db_open, not read-only).
 * db_chain_check reports the triggers and the chain for `velkomst
 * check`: the count of problems, or -1.
 */
enum db_status	 db_chain_append(struct db *, struct db_audit_fields *r);
/* Write the head a bulk batch held (db_batch_end, before the commit). */
enum db_status	 db_chain_flush(struct db *);
enum db_status	 db_chain_migrate(struct db *);
void		 db_chain_guard(struct db *);
int		 db_chain_check(struct db *, void (*)(void *, const char *),
		    void *);
/* Migration 7 (db-language.c): the free-text languages of households
 * and ambassadors mapped to codes, what is not mapped kept in
 * languages_other; inside the migration's transaction. */
enum db_status	 db_language_migrate(struct db *);
/* Schema 16: the department in the households' word index (db-household.c). */
enum db_status	 db_household_words_migrate(struct db *);
enum db_status	 db_followup_case_migrate(struct db *);
/* Schema 20: the households' initials (db-household.c). */
enum db_status	 db_household_initials_migrate(struct db *);
/* The bit of word key k (SQL) in a household's initials: what
 * core_key_initial() says in C. */
#define DB_INITIAL(k)	"(1 << CASE WHEN unicode(" k ") BETWEEN 97 AND " \
			"122 THEN unicode(" k ") - 97 ELSE 26 END)"
/*
 * A migration's C step: add column (with its declaration decl) to table
 * where it is missing (a file some tests or tools set back to an older
 * schema may have it already), then run sql.
 */
enum db_status	 db_migrate_column(struct db *, const char *table,
		    const char *column, const char *decl, const char *sql);
/* Stored text velkomst would refuse (db-check.c), for `velkomst check`:
 * one line per field; the count, or -1. */
int		 db_check_text(struct db *, void (*)(void *, const char *),
		    void *);

/*
 * The access rule every db_* call starts with (db-audit.c): DB_OK when
 * who's role may do what (core_may), else DB_DENIED with the sentence set.
 */
enum db_status	 db_may(struct db *, const struct who *, enum access what);
/* 1 if who may see the households of department (a key): every
 * department with ACCESS_ALL_DEPARTMENTS, else only its own. */
int		 db_who_sees(const struct who *, const char *department);

/*
 * DB_OK if household id exists and who may see it, else DB_NOTFOUND: the
 * same sentence either way, so that an ambassador cannot tell a household
 * of another department from one that does not exist (db-household.c).
 */
enum db_status	 db_household_visible(struct db *, const struct who *,
		    long id);

/*
 * Insert household h (checked again as db_household_add checks it) with
 * its members' keys and words, recorded as created and updated by "by"
 * ("import, list.csv"), without an audit row; sets *id.  Call inside a
 * write transaction (db-import.c).  who's access is not checked here.
 */
enum db_status	 db_household_insert(struct db *, const struct who *,
		    const struct household *h, const char *by, long *id);

/* Rebuild every key of every member (db-household.c) and of every
 * ambassador (db_ambassador_rekey); in a transaction. */
enum db_status	 db_household_rekey(struct db *);
/* Rebuild every ambassador's search and sort key, ambassador_word and
 * ambassador_language rows (db-ambassador.c).  Call inside a write
 * transaction. */
enum db_status	 db_ambassador_rekey(struct db *);

/*
 * Recompute household id's welcome state, attempts, next date, last visit
 * and flags from all its visits (core_welcome_state), store them with
 * handled_on and raise its version (db-visit.c).  Call inside a write
 * transaction.  DB_NOTFOUND if there is no such household.
 */
/* Inside a transaction: household id dealt with on date (its visits so
 * far marked, its flags worked out again). */
enum db_status	 db_household_mark(struct db *, const struct who *, long id,
		    long date, int max_attempts);
enum db_status	 db_visit_recompute(struct db *, const struct who *, long id,
		    int max_attempts, long handled_on);

/*
 * Mark visit id as a possible success story (mark 1) or take the mark
 * away (0), inside a write transaction (db-criteria.c): the rules of
 * db_visit_story but the consent, which the caller has checked
 * (db_story_no_consent says why not without it).
 */
enum db_status	 db_story_mark(struct db *, const struct who *, long id,
		    int mark);
extern const char db_story_no_consent[];

/*
 * Inside a write transaction (db-consent.c): give household id's
 * consent to p, on day on (ISO text), by login by, how, unless it is
 * live already (then nothing); audited, but with who NULL (an import,
 * whose one audit row covers it).  db_consent_phone_follow makes
 * the live CP_PHONE row follow household.consent as the form saved it:
 * consent 1 gives it (or sets its day and login to on and by), 0
 * withdraws it (the form has cleared the data already).
 * db_consent_live: *live 1 when p has a live row, *withdrawn (may be
 * NULL) 1 when it has none live but a withdrawn one.
 */
enum db_status	 db_consent_ensure(struct db *, const struct who *, long id,
		    enum consent_purpose p, enum consent_how how,
		    const char *on, const char *by);
enum db_status	 db_consent_phone_follow(struct db *, const struct who *,
		    long id, int consent, const char *on, const char *by);
enum db_status	 db_consent_live(struct db *, long id, enum consent_purpose p,
		    int *live, int *withdrawn);
/* DB_INVALID, saying why (an N_() literal; db_erased_msg for most), when
 * household id was erased: its personal data is not written again
 * (db-erase.c). */
enum db_status	 db_refuse_erased(struct db *, long id, const char *why);
/*
 * What household ?1's visits, their checklists, its follow-ups and its
 * success stories say of it, taken away: by an erasure (db-erase.c) and
 * by a withdrawn consent (db-consent.c).  A note the reports count
 * becomes "-", so that they count the same after it.
 */
extern const char db_clear_visit_notes_sql[];
extern const char db_clear_item_notes_sql[];
extern const char db_clear_followup_notes_sql[];
extern const char db_clear_stories_sql[];

/* ---- lists (db-open.c): what the household and ambassador lists share */

/* The most search words that narrow a list; further words are ignored
 * (the list then shows a few more than asked, never fewer). */
#define DB_SEARCH_WORDS	4

/*
 * A search word that starts fewer words of the index than this is rare:
 * a list fetches its few records and sorts them (IN).  A common one is
 * checked record by record while the list walks its order's index
 * (EXISTS), which stops after a page: a prefix such as "s" starts a
 * quarter of all names, and sorting them all for a screenful grows with
 * the register.  Both are bounded: the sort by this many, the walk by
 * the page over the share of records the word starts (measured at 1k,
 * 100k and 1M households; see db_words_estimate, which walks a page of
 * one word sooner when the departments read hold few households).
 */
#define DB_SEARCH_RARE	4000
/* Forget the kept estimates (db_close). */
void		 db_words_forget(struct db *);

/* The words typed into a search, as search keys with their upper
 * bounds (core_prefix_next), for word-start range queries; and, once
 * estimated, which of them are common. */
struct db_words {
	char	**words;
	size_t	  nwords;		/* all the words typed */
	size_t	  nuse;			/* the ones used */
	char	 *next[DB_SEARCH_WORDS];	/* NULL: no upper bound */
	long	  est[DB_SEARCH_WORDS];	/* words it starts, at most the
					   rare bound (db_words_estimate) */
	int	  walk[DB_SEARCH_WORDS];	/* common: EXISTS, not IN */
	int	  drive;		/* the rarest word, or -1 */
};
/* The search words of db-list.c. */
void		 db_words_open(struct db_words *, const char *search);
void		 db_words_close(struct db_words *);
/*
 * Append to sql (of size len, o bytes used) " AND col IN (SELECT idcol
 * FROM table WHERE 1dept AND key >= ?lo AND key < ?(lo+1))" (without
 * the bound when has_next is 0; dept: the departments' condition on the
 * word table, or ""); returns the bytes used.
 */
size_t		 db_key_where(char *sql, size_t len, size_t o, const char *col,
		    const char *table, const char *idcol, int lo, int has_next,
		    const char *dept);
/*
 * The same for every word of w but word skip (-1: none), word i as
 * ?(2i+2) and ?(2i+3): a common word (walk[i]) as " AND EXISTS (SELECT 1
 * FROM table WHERE idcol = col AND key >= ... )" instead.
 */
size_t		 db_words_where(char *sql, size_t len, size_t o,
		    const struct db_words *, const char *col,
		    const char *table, const char *idcol, int skip,
		    const char *dept);
struct db_list_kind;
struct db_list;
/*
 * How many words of k's word index each word of w starts in the
 * departments l reads, up to the rare bound: sets w->est, w->walk and
 * w->drive.  DB_OK, or the failure.
 */
enum db_status	 db_words_estimate(struct db *, const struct db_list_kind *k,
		    const struct db_list *l, struct db_words *w);
void		 db_words_bind(sqlite3_stmt *, const struct db_words *);
/* "file:PATH?immutable=1": a URI that opens path read-only and takes
 * it that nobody changes it (db-open.c); a new string. */
char		*db_immutable_uri(const char *path);
/* Prepare sql (not cached); NULL with the message set on failure. */
sqlite3_stmt	*db_prepare(struct db *, const char *sql);

/*
 * One list code for households and ambassadors (db-list.c).  A kind of
 * record says once what is listed; each call says which of them, how
 * they are ordered and where the page starts.  Every list numbers its
 * parameters alike: ?1 the department, ?2 .. ?9 the search words with
 * their bounds, ?10 and ?11 the cursor (key, id), ?12 the limit, and
 * the kind's own from DB_LIST_OWN_PARAM on (who's departments too, at
 * who_param).  The search words narrow by the kind's word index: each
 * must start a word of the record (db_words_where).
 */
#define DB_LIST_OWN_PARAM	13

struct db_list_kind {
	const char	*from;		/* "household h": table and alias */
	const char	*columns;	/* what a row is made of */
	const char	*id;		/* "h.id": the last key of every order */
	const char	*department;	/* "h.department" */
	const char	*words;		/* the word index: "name_word" */
	const char	*words_id;	/* its column of the record's id */
	const char	*words_department;	/* its column of the record's
					   department, or NULL (schema 16) */
	const char	*initials;	/* "h.initials": the record's column
					   of its words' first letters
					   (core_key_initial), or NULL */
	int		 who_param;	/* ?N of who's first department */
	enum access	 access;	/* who may list them (db_may) */
	size_t		 row_size;
	/* Fill row (row_size bytes, zeroed) from st's current row; free
	 * what it owns. */
	void		(*row)(sqlite3_stmt *st, void *row);
	void		(*clear)(void *row);
	/* Append the kind's own conditions (" AND ...") of ctx to sql (of
	 * size len, o bytes used) and return the bytes used; bind them.
	 * Either may be NULL. */
	size_t		(*where)(char *sql, size_t len, size_t o,
			    const void *ctx);
	void		(*bind)(sqlite3_stmt *st, const void *ctx);
	/* How many records l reads before its words (its departments'),
	 * cheaply, or -1; may be NULL (db_words_estimate). */
	long		(*scope)(struct db *, const struct db_list *l);
};

struct db_list {
	const struct who *who;		/* sees only its departments' */
	const char	*department;	/* a key, or NULL for all */
	const char	*search;	/* typed words, or NULL */
	const void	*ctx;		/* the kind's own query (where, bind) */
	/* db_list_rows only: */
	const char	*key;		/* the order's first column */
	int		 up;		/* ascending; else descending */
	const char	*after_key;	/* the cursor: the key and id of the */
	long		 after_id;	/* row before the page; NULL: the start */
	size_t		 limit;
};

/* Start l: who asks, a department key (NULL: all), the words typed
 * (NULL: none), the kind's own query; the rest zeroed. */
void		 db_list_init(struct db_list *, const struct who *,
		    const char *department, const char *search,
		    const void *ctx);
/* How many records of kind k l matches. */
enum db_status	 db_list_count(struct db *, const struct db_list_kind *k,
		    const struct db_list *l, long *count);
/*
 * The same, but it stops at cap (> 0): *count is cap when l matches cap
 * or more.  It reads at most about cap records (a search is driven by
 * its rarest word), so it costs the same in any size of register.
 */
enum db_status	 db_list_count_upto(struct db *,
		    const struct db_list_kind *k, const struct db_list *l,
		    long cap, long *count);
/*
 * Up to l->limit records of kind k that come after the cursor in the
 * order of l: *rows gets an xcalloc'd array of k->row_size rows (NULL
 * for none; the caller frees each row with k->clear and the array),
 * *n how many.  On failure *rows is NULL and *n 0.
 */
enum db_status	 db_list_rows(struct db *, const struct db_list_kind *k,
		    const struct db_list *l, void **rows, size_t *n);
/*
 * Every record of kind k l matches, in the order of l, from one
 * statement: fn(ctx, row) for each (row lives until fn returns) until
 * fn returns nonzero.  The cursor and the limit of l are not used.
 */
enum db_status	 db_list_each(struct db *, const struct db_list_kind *k,
		    const struct db_list *l, int (*fn)(void *, void *),
		    void *ctx);
/*
 * How many records of kind k l matches per group: group is one column
 * ("h.department") or two ("h.department, h.stairwell"), ncols says
 * which; fn(ctx, first, second (NULL with one column), count) for each
 * group, while the statement runs (fn must not ask the database).
 */
enum db_status	 db_list_count_by(struct db *, const struct db_list_kind *k,
		    const struct db_list *l, const char *group, int ncols,
		    void (*fn)(void *, const char *, const char *, long),
		    void *ctx);

#endif
