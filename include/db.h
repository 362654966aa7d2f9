/*
 * db.h — the data layer.  Only db-*.c speaks SQL (prepared statements
 * only).  Every call that changes something runs as one BEGIN IMMEDIATE
 * transaction (or inside a batch, see db_batch_begin) and says who made
 * the change.  Strings are UTF-8; dates are day numbers (util.h) and are
 * stored as ISO text so the stock sqlite3 tool reads them.
 */
#ifndef VELKOMST_DB_H
#define VELKOMST_DB_H

#include <stddef.h>

#include "core.h"

struct db;

/* Result of every db_* call.  On anything but DB_OK, db_errmsg() gives a
 * sentence (English, for _()) fit to show a person. */
enum db_status {
	DB_OK = 0,
	DB_ERROR,		/* anything else: I/O error, constraint, ... */
	DB_BUSY,		/* another process kept the write lock too long */
	DB_READONLY,		/* the file (or its folder) cannot be written */
	DB_NOTFOUND,		/* no such record */
	DB_FULL,		/* the disk is full */
	DB_INVALID,		/* a value the rules refuse (message says which) */
	DB_CONFLICT,		/* someone else changed the record since it was
				   read: nothing was overwritten */
	DB_DENIED		/* the account may not do this (or, for
				   db_login, the login is refused) */
};

#define WHO_MAX_DEPARTMENTS	16

/*
 * Who is asking: travels with every call that reads or writes records,
 * and every call checks it (core_may) before it touches anything.  A
 * zeroed struct who (ROLE_NONE) may do nothing.  An ambassador sees only
 * the households of its departments: a household of another department
 * is DB_NOTFOUND to it, as if it did not exist, and lists leave it out.
 * A call the role may not make at all is DB_DENIED, and so is every call
 * of a who whose account (account > 0) has been disabled or is gone: an
 * account disabled while its session runs can do nothing more.
 */
struct who {
	const char	*name;		/* the login (the command line: the Unix
					   login); recorded in created_by /
					   updated_by and the audit trail */
	long		 account;	/* the account's id; 0 for the command
					   line, which acts as the Unix account
					   owning the database file */
	enum role	 role;
	const char	*departments[WHO_MAX_DEPARTMENTS];	/* ROLE_AMBASSADOR:
					   the department keys it may see */
	size_t		 ndepartments;
	long		 ambassador;	/* the ambassador tied to the account,
					   or 0 */
};

#define DB_CREATE	0x1	/* create the file (0600, folder 0700) if missing */
#define DB_READ_ONLY	0x2	/* never write, even if the file allows it */
#define DB_NO_SETUP	0x4	/* a file without tables (an empty file) is
				   refused as not a velkomst database, not
				   made one (implied by DB_READ_ONLY) */

/*
 * Open (and with DB_CREATE, create) the database at path, check that it is
 * a velkomst database this version understands, then migrate it forward.
 * A file that is not a velkomst database, is corrupt or comes from a newer
 * velkomst is refused and left exactly as it was; a file that cannot be
 * written is opened read-only (db_readonly() says so).  On failure returns
 * NULL and sets *err to a new sentence naming the file (free it).
 */
struct db	*db_open(const char *path, int flags, char **err);
void		 db_close(struct db *);
const char	*db_errmsg(const struct db *);
int		 db_readonly(const struct db *);
const char	*db_path(const struct db *);
/*
 * Where the file stands: its changes through this connection and
 * through any other (SQLite's total_changes and data_version).  Two
 * stamps are equal (db_stamp_same) only while nothing was written, so a
 * screen may keep what it counted that long.
 */
struct db_stamp {
	long long	 changes;
	long long	 version;
};
void		 db_stamp(struct db *, struct db_stamp *);
int		 db_stamp_same(const struct db_stamp *, const struct db_stamp *);
/* 1 if nothing was written to the file since the stamp given. */
int		 db_stamp_unchanged(struct db *, const struct db_stamp *);
/* The default database path: $XDG_DATA_HOME/velkomst/velkomst.db, with
 * ~/.local/share when XDG_DATA_HOME is unset.  New string. */
char		*db_default_path(void);
/* Milliseconds a writer waits for another's lock (default 5000). */
void		 db_set_busy_timeout(struct db *, int ms);

/*
 * A batch: many changes in one transaction (demo, import).  Calls that
 * change records join it instead of starting their own.  db_batch_end()
 * commits when ok is nonzero, else rolls back.
 */
enum db_status	 db_batch_begin(struct db *);
enum db_status	 db_batch_end(struct db *, int ok);
/*
 * A bulk batch, for filling a new database (the demo): a batch whose
 * calls join its one transaction without a savepoint each, with a page
 * cache of cache_kib KiB while it is open.  A call that fails while it
 * writes leaves the batch half done, so it is never committed: later
 * calls fail, and db_batch_end rolls it back and returns DB_ERROR with
 * that call's message.  db_bulk_lists(db, 0) drops the
 * indexes of the lists (households by date, name, department and state;
 * visits by date) until db_bulk_lists(db, 1), or the commit, builds
 * them again from the rows, which is faster than keeping them up row
 * by row: meanwhile the lists must not be read.
 */
enum db_status	 db_bulk_begin(struct db *, long cache_kib);
enum db_status	 db_bulk_lists(struct db *, int on);

/*
 * A snapshot: every read until db_snapshot_end sees the database as it
 * was at db_snapshot_begin, whatever other connections write meanwhile
 * (WAL), and no lock stops them.  An export reads its rows twice from
 * one snapshot (to count them, then to print them) while a second
 * connection records the export.
 */
enum db_status	 db_snapshot_begin(struct db *);
void		 db_snapshot_end(struct db *);

/* Demo databases carry a mark so that `velkomst demo` never touches a real one. */
int		 db_is_demo(struct db *);
int		 db_is_empty(struct db *);	/* no households at all */
enum db_status	 db_mark_demo(struct db *);

/*
 * What db_open found and repaired, as a sentence fit to show a person
 * (translated), or NULL: a guard trigger of the audit trail that
 * another tool removed or changed is put back (and that is written in
 * the trail).  The screens show it; the commands print it on stderr.
 */
const char	*db_notice(const struct db *);

/*
 * How many words of the name index a search word may start and still be
 * fetched and sorted whole by a list; a more common word is checked
 * household by household while the list walks its order, stopping after
 * a page (0: the default, a few thousand).  For tests, which hold the
 * two ways to the same rows.
 */
void		 db_search_rare(struct db *, long n);

/*
 * `velkomst check`: run integrity_check and foreign_key_check, check the
 * audit trail (its guard triggers, and its chain: a row removed, changed
 * or added with another tool, by row id; rows removed from its end), and
 * stored text velkomst would refuse (control or bidi characters, bad
 * UTF-8, a CPR number, too long; by table, record id and field, never
 * the text), calling report(ctx, line) for each problem.  Returns the
 * count of problems, or -1 if the checks could not run (db_errmsg says
 * why).
 */
int		 db_check(struct db *, void (*report)(void *, const char *),
		    void *ctx);
/* The parts of db_check, in the order it takes them. */
enum db_check_part {
	DB_CHECK_PAGES,		/* every page of the file (integrity_check) */
	DB_CHECK_LINKS,		/* records that point nowhere */
	DB_CHECK_TRAIL,		/* the audit trail */
	DB_CHECK_TEXT,		/* stored text, and the households' initials */
	DB_CHECK_PARTS
};
/* db_check, calling part(ctx, p) as each part begins (at a million
 * households the whole check takes over a minute). */
int		 db_check_parts(struct db *, void (*report)(void *,
		    const char *), void (*part)(void *, enum db_check_part),
		    void *ctx);

/* ---- households (db-household.c) ------------------------------------- */

#define HOUSEHOLD_MAX_MEMBERS	12

struct household {
	long	 id;		/* 0 before it is added */
	char	*department;	/* the department's key in the configuration */
	char	*stairwell;	/* the stairwell's name */
	char	*flat;
	long	 moved_in;
	long	 moved_out;	/* DATE_NONE while living there */
	char	*members[HOUSEHOLD_MAX_MEMBERS];
	size_t	 nmembers;	/* at least 1 */
	char	*phone;		/* NULL without consent */
	char	*languages;	/* ISO 639 codes joined by ",", "ar,so"
				   (core_check_lang_codes); NULL without
				   consent */
	char	*languages_other;	/* languages named in free text that
				   no code was found for when the
				   database was upgraded, "Pig latin";
				   NULL without consent */
	int	 interpreter;	/* 0 or 1 */
	int	 consent;	/* 0 or 1 */
	long	 consent_on;	/* DATE_NONE without consent */
	char	*consent_by;	/* who recorded it; NULL without consent */
	char	*notes;		/* may be NULL */
	char	*created_by;	/* filled by db_household_get */
	char	*created_at;	/* "2026-11-28 09:12:00" (UTC) */
	char	*updated_by;
	char	*updated_at;
	long	 version;	/* raised by every change; an update must
				   carry the version it read (DB_CONFLICT) */
	/* From the visits (kept by db_visit_add; read-only here): */
	enum household_status state;	/* HS_AWAITING .. HS_DECLINED */
	int	 attempts;	/* not-home visits since the last real one */
	long	 next_date;	/* retry / follow-up date, or DATE_NONE */
	long	 last_visit;	/* or DATE_NONE */
	int	 flags;		/* FLAG_* of core.h: needs the secretariat */
	long	 handled_on;	/* the secretariat dealt with it, or DATE_NONE */
	enum followup_close closed;	/* how the newest follow-up closed
					   the case, FC_NONE when open */
};
/*
 * Every household and ambassador whose languages were free text that no
 * language code was found for when the database was upgraded (their
 * languages_other): fn(ctx, "household" or "ambassador", id), households
 * first, by id.  For the secretariat (every department and ambassador).
 */
enum db_status	 db_language_unmapped(struct db *, const struct who *,
		    void (*fn)(void *, const char *table, long id),
		    void *ctx);
/* Free what a household's pointers own (not the struct itself). */
void		 db_household_clear(struct household *);

/*
 * Add h (all text already cleaned and checked by core_check_*; this checks
 * again and refuses with DB_INVALID).  Sets h->id.  Members' search and
 * sort keys are computed here.  Without consent, phone and languages are
 * not stored.  Here and in db_household_update the live consent to phone
 * (CP_PHONE) follows h->consent: given (at the door, on h->consent_on by
 * h->consent_by) when ticked, withdrawn when unticked.
 */
enum db_status	 db_household_add(struct db *, const struct who *,
		    struct household *h);
/* Replace the fields of household h->id with h's, all but moved_out
 * (db_household_move_out records that).  h->version must be the version
 * db_household_get gave: if someone changed the household since, nothing
 * is written and the result is DB_CONFLICT. */
enum db_status	 db_household_update(struct db *, const struct who *,
		    const struct household *h);
/* Record that household id moved out on date (DATE_NONE undoes it). */
enum db_status	 db_household_move_out(struct db *, const struct who *,
		    long id, long date);
/* How many members household id has into *n, as db_household_get would
 * give them (at most HOUSEHOLD_MAX_MEMBERS), without reading the rest;
 * DB_NOTFOUND as db_household_get for one out of who's sight. */
enum db_status	 db_household_nmembers(struct db *, const struct who *,
		    long id, int *n);
/* Read household id into *out (caller clears it with db_household_clear). */
enum db_status	 db_household_get(struct db *, const struct who *, long id,
		    struct household *out);

/* One line of a list of households. */
struct household_row {
	long	 id;
	char	*department;
	char	*stairwell;
	char	*flat;
	long	 moved_in;
	long	 moved_out;
	char	*names;		/* members joined by "; " */
	char	*sort_key;	/* for the paging cursor */
	enum household_status state;	/* welcome state, as in household */
	int	 attempts;
	long	 next_date;
	int	 flags;
	int	 interpreter;
	char	*languages;	/* codes, as household; NULL without consent */
	long	 handled_on;	/* as in household */
	char	*why_note;	/* FILTER_FLAGGED: the note of the newest
				   referral or declined visit the
				   secretariat has not dealt with, or NULL */
};
void		 db_household_rows_free(struct household_row *, size_t n);
/* Free the strings one row owns (for a list that keeps a sliding window). */
void		 db_household_row_clear(struct household_row *);

enum household_order {
	ORDER_NEWEST,		/* moved in, newest first (then id, newest) */
	ORDER_NAME,		/* first member's name, Danish order */
	ORDER_URGENT,		/* moved in, oldest first: overdue first, then
				   by days since move-in (then id) */
	ORDER_REGISTERED	/* as registered: id, oldest first (the
				   export of the register, so that importing
				   it into an empty database gives the same
				   ids) */
};

/* Which households a list holds.  Only the households of what is set are
 * listed (NULL / 0 means no narrowing). */
enum household_filter {
	FILTER_ALL,
	FILTER_DUE,		/* a queue: core_visit_due() on `today`, and
				   with `stale_days` not core_visit_stale() */
	FILTER_OVERDUE,		/* core_overdue_days() > 0 on `today` with
				   `deadline` */
	FILTER_FLAGGED,		/* needs the secretariat (flags != 0, or with
				   `stale_days` core_not_reached()), not
				   moved out on `today`, and the case not
				   closed by its newest follow-up */
	FILTER_OPEN		/* awaiting a welcome: awaiting or partly,
				   not moved out on `today` (coverage) */
};

struct household_query {
	const char		*search;	/* typed text, or NULL/"" for all */
	const char		*department;	/* a key, or NULL for all */
	enum household_order	 order;
	int			 backward;	/* the rows before `after` (or
						   the last rows), nearest
						   first */
	const char		*stairwell;	/* with department: one stairwell */
	const char *const	*stairwells;	/* or several (an ambassador's;
						   at most 32) */
	size_t			 nstairwells;
	enum household_filter	 filter;
	long			 today;		/* for the filters (DATE_NONE:
						   util_today()) */
	int			 deadline;	/* welcome_days (FILTER_OVERDUE,
						   and the stale rule) */
	int			 stale_days;	/* visits.stale_days: the stale
						   rule of FILTER_DUE and
						   FILTER_FLAGGED; 0: none */
	int			 reason;	/* FILTER_FLAGGED: only these
						   FLAG_* (0: every reason) */
	int			 no_why;	/* 1: rows without why_note
						   (a list that never shows
						   it; saves a look-up of the
						   visits per row) */
};

/*
 * Fetch up to limit rows of the query that come after `after` in the
 * query's order (after == NULL: from the start).  Each word of the search
 * must match the start of a word of some member's name.  *rows gets an
 * xmalloc'd array (free with db_household_rows_free), *n its length;
 * fewer than limit rows means the end was reached.  A row's flags have
 * FLAG_NOT_REACHED added when core_not_reached() holds for it on the
 * query's today (with its deadline and stale_days).
 */
enum db_status	 db_household_list(struct db *, const struct who *,
		    const struct household_query *,
		    const struct household_row *after, size_t limit,
		    struct household_row **rows, size_t *n);
/*
 * Every row of the query in its order (backward ignored), from one
 * statement, for an export of all of them: fn(ctx, row) for each (row
 * lives until fn returns; flags as db_household_list sets them) until fn
 * returns nonzero.  fn may read the database.
 */
enum db_status	 db_household_each(struct db *, const struct who *,
		    const struct household_query *,
		    int (*fn)(void *, const struct household_row *),
		    void *ctx);
/* How many households the query matches.  The whole register (no
 * filter, search nor stairwell) is read from a tally kept per
 * department: the same cost at any size. */
enum db_status	 db_household_count(struct db *, const struct who *,
		    const struct household_query *, long *count);
/*
 * The same, but it stops at cap (> 0): *count is cap when the query
 * matches cap or more (show "1,000+": i18n_count).  The whole register
 * is counted exactly from the tally (and may be more than cap);
 * anything else reads about cap households at most, so the screens'
 * counts cost the same at a thousand households and at a million.
 */
enum db_status	 db_household_count_upto(struct db *, const struct who *,
		    const struct household_query *, long cap, long *count);
/* What the screens count up to before they say "1,000+". */
#define DB_COUNT_CAP	1000
/*
 * How many households the query matches per department (by_stairwell:
 * per department and stairwell), by the same rules as
 * db_household_count: fn(ctx, department, stairwell (NULL unless
 * by_stairwell), count) for every group with at least one; a group may
 * come more than once, and its counts add up.  fn must not ask the
 * database.
 */
enum db_status	 db_household_count_by(struct db *, const struct who *,
		    const struct household_query *, int by_stairwell,
		    void (*fn)(void *, const char *department,
		    const char *stairwell, long count), void *ctx);

/*
 * Record that the secretariat dealt with household id on date (a letter
 * sent, a referral taken up; not in the future): its flags are cleared
 * for every visit up to that date and worked out again from the later
 * ones, which needs the configuration's max_attempts.
 */
enum db_status	 db_household_handled(struct db *, const struct who *,
		    long id, long date, int max_attempts);

/* ---- consent per purpose (db-consent.c) ------------------------------- */

/*
 * A household's consent to one purpose (core.h: enum consent_purpose):
 * given on a day, by a login, in a way; a withdrawal keeps the row and
 * says when and by whom.  At most one live (not withdrawn) row per
 * household and purpose.  household.consent mirrors the live CP_PHONE
 * row.  Who may see the household may read, give and withdraw every
 * purpose (an ambassador in its departments: consent is asked at the
 * door); each change writes its audit row ("consent given", "consent
 * withdrawn"; table "consent", the row's id, detail "household N:
 * PURPOSE", never a name) in the same transaction.
 */
struct consent {
	long			 id;
	long			 household;
	enum consent_purpose	 purpose;
	long			 given_on;
	char			*given_by;	/* the login */
	enum consent_how	 how;
	long			 withdrawn_on;	/* DATE_NONE while live */
	char			*withdrawn_by;	/* NULL while live */
};
void		 db_consent_clear(struct consent *);
void		 db_consents_free(struct consent *, size_t n);
/*
 * Household id's consents, live and withdrawn: by purpose (enum order),
 * within a purpose the live row first, then the newest.  *out an
 * xmalloc'd array (db_consents_free; NULL when *n is 0).
 */
enum db_status	 db_consent_list(struct db *, const struct who *, long id,
		    struct consent **out, size_t *n);
/*
 * live[p] gets 1 when household id has a live consent to purpose p,
 * else 0; withdrawn[p] (may be NULL) 1 when it has none live but one
 * withdrawn.
 */
enum db_status	 db_consent_state(struct db *, const struct who *, long id,
		    int live[NCONSENT_PURPOSE], int withdrawn[NCONSENT_PURPOSE]);
/*
 * Record that household id consents to p, given how on day on
 * (DATE_NONE: today; core_check_consent_date), recorded by who.  A live
 * consent to p already there is refused (DB_INVALID, with a sentence).
 * CP_PHONE also sets household.consent (its consent_on and consent_by).
 */
enum db_status	 db_consent_give(struct db *, const struct who *, long id,
		    enum consent_purpose p, enum consent_how how, long on);
/*
 * What withdrawing p would remove from household id now, into *out
 * (reads only): for asking first.
 */
enum db_status	 db_consent_covered(struct db *, const struct who *, long id,
		    enum consent_purpose p, struct consent_removed *out);
/*
 * Withdraw household id's live consent to p, today, by who, and remove
 * at once, in the same transaction, the data it covered; *out says what
 * was removed (core_consent_removed_text says it):
 * CP_PHONE the phone, languages and languages_other, and household.
 * consent with its day and login (as unticking consent in the form);
 * CP_VISIT the notes of its visits and of their checklist items
 * (outcomes, dates and item states stay: the reports count them);
 * CP_FOLLOWUP the notes of its follow-ups (they stay); CP_STORY its
 * visits' success-story marks (the visits stay).  Nothing else changes.
 * No live consent to p: DB_INVALID with a sentence.
 */
enum db_status	 db_consent_withdraw(struct db *, const struct who *, long id,
		    enum consent_purpose p, struct consent_removed *out);

/* ---- follow-ups by the secretariat (db-followup.c) ------------------- */

struct followup {
	long			 id;
	long			 household;
	long			 date;
	char			*login;		/* who; set by db_followup_add */
	enum followup_action	 action;
	enum followup_close	 closes;	/* FC_NONE: the case stays open */
	char			*note;		/* or NULL */
	char			*department;	/* the household's (read only) */
};
/* Free what a follow-up owns (not the struct); and n of them with the
 * array. */
void		 db_followup_clear(struct followup *);
void		 db_followups_free(struct followup *, size_t n);
/*
 * Record what the secretariat did, f, for household f->household (who
 * may ACCESS_HANDLED).  f->date: not after today, not before the move-in;
 * f->note cleaned and checked as notes are (DB_INVALID).  In one
 * transaction: the follow-up (by who->name), the household dealt with
 * on f->date (or the later day it already was: its flags are worked out
 * again with max_attempts, so it leaves the desk until a newer visit
 * brings it back; one that closes the case stays off the desk), and one
 * audit row naming the household's number, never the note.  Sets f->id.
 * A note is refused (DB_INVALID, with a sentence) while the household's
 * consent to follow-up is withdrawn and not given again (db-consent.c).
 */
enum db_status	 db_followup_add(struct db *, const struct who *,
		    struct followup *f, int max_attempts);
/* Household id's follow-ups, newest first, at most limit: *out an
 * xmalloc'd array (db_followups_free), *n its length.  Who may see the
 * household; the notes only for who may ACCESS_HANDLED. */
enum db_status	 db_followup_list(struct db *, const struct who *, long id,
		    size_t limit, struct followup **out, size_t *n);
/* Which follow-ups db_followup_each gives (NULL / DATE_NONE: all). */
struct followup_query {
	long		 since;		/* dated on or after, or DATE_NONE */
	const char	*department;	/* a key, or NULL */
};
/* Every follow-up of q, oldest first (by date, then id), each given to
 * fn(ctx, f) (f and its strings live until fn returns).  Who may
 * ACCESS_HANDLED. */
enum db_status	 db_followup_each(struct db *, const struct who *,
		    const struct followup_query *q,
		    void (*fn)(void *, const struct followup *), void *ctx);

/*
 * A household that may be h registered a second time: in the same
 * department and stairwell, the same flat (as stored, ASCII case
 * ignored), moved in at most days days before or after h->moved_in, not
 * moved out by then (one that moved out on or before h->moved_in lived
 * there before), and not h itself (h->id; 0 for a new one).  *id gets
 * the one whose move-in is nearest (0: none) and *moved_in its move-in
 * (DATE_NONE: none).  Only the households who may see count.  h is
 * checked as db_household_add checks it (DB_INVALID).
 */
enum db_status	 db_household_duplicate(struct db *, const struct who *,
		    const struct household *h, int days, long *id,
		    long *moved_in);
/*
 * Delete household id, registered by mistake, with its members and its
 * visits (and their checklists), in one transaction with one audit row
 * "household deleted" that names the id only.  The secretariat and
 * admins only (ACCESS_DELETE: DB_DENIED for an ambassador).  version is
 * the one read: if the household changed since (a visit was saved, it
 * was edited), nothing is deleted and the result is DB_CONFLICT.
 * *visits (may be NULL) gets how many visits were deleted.
 */
enum db_status	 db_household_delete(struct db *, const struct who *,
		    long id, long version, long *visits);

/* ---- visits (db-visit.c) ---------------------------------------------- */

/* One checklist item as it was run: key and titles are copied from the
 * configuration at the time, so changing it never rewrites history.
 * Show i18n_text(title, title_da). */
struct visit_item {
	char		*key;
	char		*title;		/* in English */
	char		*title_da;	/* in Danish, as the Danish screen
					   showed it; NULL: as title */
	enum item_state	 state;
	char		*note;		/* may be NULL; required for a referral */
	int		 referral;	/* passed to the secretariat */
};

struct visit {
	long			 id;		/* 0 before it is added */
	long			 household;
	long			 date;
	char			*ambassador;	/* who visited (a name) */
	enum visit_outcome	 outcome;
	long			 next_date;	/* retry / follow-up, or DATE_NONE */
	char			*notes;		/* may be NULL */
	struct visit_item	*items;		/* welcomed / partly only */
	size_t			 nitems;
	char			*created_by;	/* filled when read */
	char			*created_at;
	int			 story;		/* marked as a possible success
						   story (db_visit_story):
						   only with story_consent */
	int			 story_consent;	/* db_visit_add: the household
						   said yes, out loud, that
						   its story may be told */
	long			 story_consent_on;	/* read: the day that
						   yes was recorded, or
						   DATE_NONE */
	char			*story_consent_by;	/* read: who recorded
						   it, or NULL */
};
/* Free what the visits own, and the array. */
void		 db_visits_free(struct visit *, size_t n);
/* Free what one visit owns (not the visit itself), and zero it. */
void		 db_visit_clear(struct visit *);

/*
 * Add visit v (with its items) and bring its household's state, attempts,
 * next date and flags up to date, in one transaction.  A household that
 * does not exist (or that who may not see) is DB_NOTFOUND.  Refused with
 * DB_INVALID and a sentence: a household that had moved out, a date before the move-in or after today, a retry / follow-up date
 * in the past or missing (not home and partly need one), such a date on a
 * welcomed or declined visit, a welcomed visit with an item not done or
 * not relevant, a partly visit with no item later, an item unset, without
 * key or title, or twice, a referral without a note, items on a not-home
 * or declined visit, a welcomed or partly visit without items, a CPR
 * number in a note, an ambassador's name core_check_name refuses.  Text
 * is stored cleaned (core_clean_text).  max_attempts is the
 * configuration's.  Sets v->id.  A welcomed or partly visit gives the
 * household's consent to the visit (CP_VISIT, at the door, on the
 * visit's date, by who) when it is not given.
 */
enum db_status	 db_visit_add(struct db *, const struct who *,
		    struct visit *v, int max_attempts);

/*
 * Visits newest first (date, then id), up to limit after `after` (NULL:
 * from the newest); household 0 lists every household's (that who may
 * see); a household that does not exist or who may not see is
 * DB_NOTFOUND.  *out gets an
 * xmalloc'd array (free with db_visits_free), *n its length.
 */
enum db_status	 db_visit_list(struct db *, const struct who *,
		    long household, const struct visit *after, size_t limit,
		    struct visit **out, size_t *n);
/* fn(ctx, visit) for every visit db_visit_list goes through, newest
 * first, until fn returns nonzero: a page at a time; DB_OK or the
 * failure. */
enum db_status	 db_visit_each(struct db *, const struct who *,
		    long household, int (*fn)(void *, const struct visit *),
		    void *ctx);
/* How many visits db_visit_list would go through for household (0: all
 * that who may see), into *n; DB_NOTFOUND as db_visit_list. */
enum db_status	 db_visit_count(struct db *, const struct who *,
		    long household, long *n);

/*
 * Give the items of visits stored before their Danish titles were kept
 * (schema 7) the Danish title of the item of that key in the checklist
 * now: n items, keys[i] with title_da[i] (NULL: the item has none).  An
 * item whose key is no longer there, or that has no Danish title, keeps
 * its English title in Danish too.  Nothing to do is quick (an index
 * holds only those rows); a read-only database is left as it is (DB_OK;
 * the screens show the English title then).  One transaction.
 */
enum db_status	 db_visit_fill_titles(struct db *, size_t n,
		    const char *const *keys, const char *const *title_da);

/* The newest visits (up to limit, without their items) made by the
 * ambassador of that name (visits keep the name as it was written). */
enum db_status	 db_visit_list_by(struct db *, const struct who *,
		    const char *name, size_t limit, struct visit **out,
		    size_t *n);

/* ---- the activity's success criteria (db-criteria.c) ------------------ */

/*
 * What the secretariat records for the success criteria: a film (its
 * title, channel, date, and the latest views with the day they were
 * counted), a success story (title, channel, date, the latest likes), a
 * story in the local paper (title, paper, date).  Recording, changing
 * and reading them is for who may ACCESS_GOAL (the secretariat and
 * admins: DB_DENIED for an ambassador); every change writes an audit row
 * naming the record's number and kind, never its title.
 */
struct criteria_record {
	long			 id;		/* 0 before it is added */
	enum crit_record_kind	 kind;
	long			 date;		/* published */
	char			*title;
	enum crit_channel	 channel;	/* film and story */
	char			*paper;		/* press: the paper, or NULL */
	long			 count;		/* film: views, story: likes;
						   -1 when none are recorded
						   (always for press) */
	long			 counted_on;	/* the day of count, or
						   DATE_NONE */
	long			 version;	/* as household.version */
	char			*created_by, *created_at;	/* read */
	char			*updated_by, *updated_at;
};
/* Free what a record owns (not the struct), and n of them with the
 * array. */
void		 db_criteria_clear(struct criteria_record *);
void		 db_criteria_free(struct criteria_record *, size_t n);
/*
 * Add r (sets r->id and r->version), or replace the fields of record
 * r->id with r's (its kind stays; r->version must be the one read, else
 * DB_CONFLICT).  Refused with DB_INVALID and a sentence: no or a future
 * date (core_check_crit_date), no title or one core_check_name-like
 * rules refuse (control characters, too long, a CPR number), a channel
 * on a press story or none on a film or story, a paper on a film or
 * story, a count on a press story, a count and its day that
 * core_check_crit_count refuses.  Text is stored cleaned.
 */
enum db_status	 db_criteria_add(struct db *, const struct who *,
		    struct criteria_record *r);
enum db_status	 db_criteria_update(struct db *, const struct who *,
		    const struct criteria_record *r);
/*
 * Record the latest views (a film) or likes (a story) of record id:
 * count, counted on day on (not before the record's date, not after
 * today, and not before the day of the count it replaces: the latest is
 * kept).  DB_INVALID for a press story.
 */
enum db_status	 db_criteria_count(struct db *, const struct who *, long id,
		    long count, long on);
/* Delete record id, recorded by mistake (version as read: DB_CONFLICT
 * when it changed since). */
enum db_status	 db_criteria_delete(struct db *, const struct who *, long id,
		    long version);
enum db_status	 db_criteria_get(struct db *, const struct who *, long id,
		    struct criteria_record *out);
/* The records dated in year (0: every year), newest first (by date,
 * then id): *out an xmalloc'd array (db_criteria_free), *n its length.
 * A programme records tens of them, not thousands. */
enum db_status	 db_criteria_list(struct db *, const struct who *, int year,
		    struct criteria_record **out, size_t *n);
/* Every record as the rules see it (core_criterion): *facts a new array
 * (free it), *n its length. */
enum db_status	 db_criteria_facts(struct db *, const struct who *,
		    struct crit_fact **facts, size_t *n);

/*
 * What each of the criteria rules[0..n) reached in year on today
 * (core_criterion), into out[0..n): the ambassadors from the register
 * (db_ambassador_facts), the rest from the records, read once.  Who may
 * ACCESS_GOAL.
 */
enum db_status	 db_criteria_reached(struct db *, const struct who *,
		    const struct criterion *const *rules, size_t n, int year,
		    long today, struct crit_result *out);

/*
 * A welcome visit marked as a possible success story, for the
 * secretariat to find: the visit, its household (where, and the first
 * member's name), who visited, and who recorded the household's yes.
 */
struct story_visit {
	long	 visit;
	long	 household;
	long	 date;		/* of the visit */
	char	*ambassador;	/* who visited (the name on the visit) */
	char	*department;	/* the household's key */
	char	*stairwell;
	char	*flat;
	char	*name;		/* the household's first member */
	long	 consent_on;	/* the day the yes was recorded */
	char	*consent_by;	/* the login that recorded it */
};
void		 db_story_visits_free(struct story_visit *, size_t n);
/* The visits marked as possible success stories, dated in year (0:
 * every year), newest first; who may ACCESS_GOAL.  *out an xmalloc'd
 * array (db_story_visits_free), *n its length. */
enum db_status	 db_story_visits(struct db *, const struct who *, int year,
		    struct story_visit **out, size_t *n);
/*
 * Mark visit id as a possible success story (mark 1), only with the
 * household's yes to it (consent 1; else DB_INVALID and nothing is
 * marked), or take the mark and the consent away (mark 0: the household
 * changed its mind, or it was marked by mistake).  The yes is recorded
 * with who->name and today.  Only a visit where someone opened the door
 * (welcomed or partly).  The secretariat may mark any visit; an
 * ambassador only a visit it saved itself (created_by), of a household
 * it may see (else DB_NOTFOUND, as for a visit that does not exist).
 * One audit row, naming the visit.  db_visit_add marks the visit it adds
 * the same way when v->story is set (with v->story_consent).  A mark
 * also gives the household's consent to a story (CP_STORY, at the door,
 * by who, today) when it is not given; taking the mark away leaves the
 * consent (db_consent_withdraw withdraws it, and every mark with it).
 */
enum db_status	 db_visit_story(struct db *, const struct who *, long id,
		    int mark, int consent);

/* ---- ambassadors (db-ambassador.c) ------------------------------------ */

#define AMBASSADOR_MAX_STAIRWELLS	32

struct ambassador {
	long		 id;		/* 0 before it is added */
	char		*name;
	char		*phone;		/* NULL without consent */
	char		*email;		/* NULL without consent */
	int		 consent;
	long		 consent_on;	/* DATE_NONE without consent */
	char		*department;	/* a department's key */
	char		*stairwells[AMBASSADOR_MAX_STAIRWELLS];	/* of it */
	size_t		 nstairwells;	/* 0: the whole department */
	char		*languages;	/* codes, "da,ar"; may be NULL */
	char		*languages_other;	/* as household's */
	long		 recruited_on;
	char		*recruited_by;	/* who recruited them (a name) */
	long		 trained_on;	/* DATE_NONE if not yet */
	char		*notes;
	/* Read-only here (db_ambassador_status adds changes): */
	struct amb_change *history;	/* by date, oldest first */
	size_t		 nhistory;
	enum amb_status	 status;	/* today's */
	long		 version;	/* as household.version */
	char		*created_by, *created_at, *updated_by, *updated_at;
};
void		 db_ambassador_clear(struct ambassador *);

/*
 * Add an ambassador (active from recruited_on), or replace the fields of
 * a->id (not its history).  Refused with DB_INVALID and a sentence: no
 * name (core_check_name), no or a future recruitment date, a training
 * date before the recruitment or in the future, no department, a
 * stairwell given twice, a bad phone or e-mail, a CPR number in the
 * notes; phone and e-mail are kept only with consent.  The caller checks
 * department and stairwells against the configuration.  Update refuses
 * a stale version with DB_CONFLICT.
 */
enum db_status	 db_ambassador_add(struct db *, const struct who *,
		    struct ambassador *a);
enum db_status	 db_ambassador_update(struct db *, const struct who *,
		    const struct ambassador *a);
/* Record a status change (core_check_amb_change on today's date). */
enum db_status	 db_ambassador_status(struct db *, const struct who *,
		    long id, const struct amb_change *change);
enum db_status	 db_ambassador_get(struct db *, const struct who *, long id,
		    struct ambassador *out);

struct ambassador_row {
	long		 id;
	char		*name;
	char		*department;
	char		*stairwells;	/* joined by ", "; "" = all of it */
	char		*languages;
	long		 recruited_on;
	enum amb_status	 status;	/* on the query's today */
	char		*sort_key;	/* for the paging cursor */
};
void		 db_ambassador_rows_free(struct ambassador_row *, size_t n);
void		 db_ambassador_row_clear(struct ambassador_row *);

struct ambassador_query {
	const char	*search;	/* word starts of the name, as households */
	const char	*department;	/* a key, or NULL */
	int		 status;	/* an enum amb_status, or -1 for all */
	const char	*language;	/* speaks it (a code, "ar"), or NULL */
	long		 today;		/* for the status; DATE_NONE: today */
	int		 backward;
};
/* Ambassadors by name in Danish order, keyset paging as households. */
enum db_status	 db_ambassador_list(struct db *, const struct who *,
		    const struct ambassador_query *,
		    const struct ambassador_row *after, size_t limit,
		    struct ambassador_row **rows, size_t *n);
/* fn(ctx, row) for every ambassador of q by name until fn returns
 * nonzero: a page at a time; DB_OK or the failure. */
enum db_status	 db_ambassador_each(struct db *, const struct who *,
		    const struct ambassador_query *,
		    int (*fn)(void *, const struct ambassador_row *),
		    void *ctx);
enum db_status	 db_ambassador_count(struct db *, const struct who *,
		    const struct ambassador_query *, long *count);

/*
 * Every ambassador's recruitment date and history, for the goal (a
 * programme has tens of ambassadors, not thousands).  *facts gets an
 * array whose history pointers point into *changes; free both.
 */
enum db_status	 db_ambassador_facts(struct db *, const struct who *,
		    struct amb_fact **facts, size_t *n,
		    struct amb_change **changes);

/*
 * Coverage: call fn(ctx, department, stairwell, active) for every
 * (department, stairwell) that an ambassador active on today covers,
 * with how many do; an ambassador with no stairwells covers every
 * stairwell of the department and is reported with stairwell "".
 */
enum db_status	 db_coverage(struct db *, const struct who *, long today,
		    void (*fn)(void *, const char *, const char *, int),
		    void *ctx);
/* Every (ambassador, department, stairwell) named anywhere, for finding
 * stairwells the configuration no longer has. */
enum db_status	 db_ambassador_stairwells(struct db *, const struct who *,
		    void (*fn)(void *, long id, const char *name,
		    const char *department, const char *stairwell),
		    void *ctx);

/* ---- the desk's overview (db-desk.c) ---------------------------------- */

/* One department's figures on the desk (or all departments'). */
struct desk_row {
	long	 awaiting;	/* awaiting a welcome within the deadline:
				   FILTER_OPEN and not FILTER_OVERDUE */
	long	 overdue;	/* FILTER_OVERDUE: the overdue list */
	long	 secretariat;	/* FILTER_FLAGGED with stale_days: the
				   needs-the-secretariat list */
	long	 stairwells_without;	/* stairwells of the configuration
				   that no active ambassador covers (as
				   the coverage screen says it) where at
				   least one household awaits a welcome
				   (FILTER_OPEN) */
};

/* What the desk is asked for: the configuration's departments and
 * stairwells (not owned), today and the rules. */
struct desk_query {
	const char *const *departments;	/* the keys, in the configuration's
					   order */
	size_t		 ndepartments;
	const char *const *stairwells;	/* every stairwell's name ... */
	const int	*stairwell_department;	/* ... and its department
					   (an index into departments) */
	size_t		 nstairwells;
	long		 today;		/* DATE_NONE: util_today() */
	int		 deadline;	/* welcome_days */
	int		 stale_days;	/* visits.stale_days */
};

struct desk {
	struct desk_row	*rows;		/* one per department of the query,
					   in its order */
	size_t		 nrows;
	struct desk_row	 total;		/* every household's, also of a
					   department the configuration no
					   longer has (what the lists show
					   for all departments) */
};

/*
 * The desk's overview: *out gets each department's figures and the
 * total (free with db_desk_clear), read with a few grouped queries.
 * The secretariat and admins only (DB_DENIED for an ambassador).
 */
enum db_status	 db_desk(struct db *, const struct who *,
		    const struct desk_query *, struct desk *out);
void		 db_desk_clear(struct desk *);

/* ---- accounts and login (db-account.c) ----------------------------------- */

#define ACCOUNT_LOGIN_MAX	CORE_LOGIN_MAX	/* bytes of a login */

struct account {
	long		 id;		/* 0 before it is added */
	char		*login;		/* letters, digits, . _ - ; unique,
					   compared without case */
	enum role	 role;
	char		*departments[WHO_MAX_DEPARTMENTS];	/* keys */
	size_t		 ndepartments;	/* ambassador accounts: at least 1 */
	long		 ambassador;	/* tied to this ambassador, or 0 */
	/* Filled when read: */
	char		*ambassador_name;	/* NULL when not tied */
	int		 disabled;
	int		 failures;	/* wrong secrets in a row */
	long long	 locked_until;	/* seconds since the epoch; 0 never */
	char		*created_at, *created_by;
	char		*last_login;	/* UTC text, or NULL */
};
void		 db_account_clear(struct account *);
void		 db_accounts_free(struct account *, size_t n);

/* How accounts are protected (from the configuration). */
struct account_policy {
	struct lockout	 lockout;	/* core.h */
	enum secret_cost cost;
};

/* How many accounts there are (no who: velkomst asks before anyone has
 * logged in, to offer the first-run step when there are none). */
enum db_status	 db_account_count(struct db *, long *n);
/* The logins of the accounts that can log in at now (not disabled, not
 * locked), by login, for the login screen's list when the configuration
 * asks for it (terminal.login_list).  No who: nobody has logged in yet.
 * *out gets an array of new strings (free with core_words_free). */
enum db_status	 db_account_logins(struct db *, long long now, char ***out,
		    size_t *n);
/*
 * Add account a with secret (core_check_secret for its role); sets a->id.
 * An admin may, the secretariat an ambassador's account, or anyone when
 * there are no accounts yet and a is an admin (the first-run step and
 * `velkomst init`).  Refused with DB_INVALID and a sentence: a bad
 * (core_check_login) or taken login, a secret the role
 * refuses, an ambassador account with no department (when tied to an
 * ambassador and given none, it gets the ambassador's), a department
 * given twice, a tie to an ambassador that does not exist or already has
 * an account.  The caller checks department keys against the
 * configuration.  Only the hash is stored.  Audited.
 */
enum db_status	 db_account_add(struct db *, const struct who *,
		    struct account *a, const char *secret,
		    const struct account_policy *);
/* Every account by login (secretariat and admin). */
enum db_status	 db_account_list(struct db *, const struct who *,
		    struct account **out, size_t *n);
/* The account with that login (any case), or DB_NOTFOUND (secretariat
 * and admin; anyone for their own). */
enum db_status	 db_account_get(struct db *, const struct who *,
		    const char *login, struct account *out);
/*
 * Adding, disabling, enabling, resetting and unlocking follow
 * core_may_account: an admin for every account, the secretariat for
 * ambassadors' accounts only; anything else is DB_DENIED with the
 * sentence of core_account_refusal.
 */
/* Disable (1) or enable (0) account id (not the caller's own). */
enum db_status	 db_account_set_disabled(struct db *, const struct who *,
		    long id, int disabled);
/* Give account id a new secret and lift its lock. */
enum db_status	 db_account_reset(struct db *, const struct who *, long id,
		    const char *secret, const struct account_policy *);
/* Lift account id's lock and forget its wrong tries. */
enum db_status	 db_account_unlock(struct db *, const struct who *, long id);

/* A logged-in person: who points into the strings the session owns. */
struct session {
	struct who	 who;
	char		*login;
	char		*departments[WHO_MAX_DEPARTMENTS];
	char		*ambassador_name;	/* tied ambassador's, or NULL */
	char		*language;	/* the account's choice ("da", "en"),
					   or NULL: the default */
};
void		 db_session_clear(struct session *);
/*
 * Remember language ("da" or "en"; NULL: follow the default again) for
 * who's own account, which must be logged in (account > 0, not
 * disabled).  A preference: no audit row, as no other preference of an
 * account has one.  DB_INVALID for another language.
 */
enum db_status	 db_account_set_language(struct db *, const struct who *,
		    const char *language);
/*
 * Log in at now (seconds since the epoch).  DB_OK fills *out.  A login
 * that does not exist, a wrong secret, a disabled or a locked account
 * all give DB_DENIED with the same sentence, after about the same time
 * (an unknown login is checked against a made-up hash).  A wrong secret
 * counts toward the lockout (core_lockout_fail), and the count and lock
 * are kept in the database.  A locked account is refused without its
 * secret being checked.  A right secret clears the count and rehashes
 * when policy->cost has risen.  Writes audit rows: "login", "login
 * failed" (with the account, or none when the login is unknown: the
 * typed text is never stored), "account locked".  On a read-only
 * database a login still works and nothing is written; the wrong tries
 * of every login are then counted in this process, which refuses every
 * login while that count has it locked.  When a login's rows cannot be
 * written (another process holds the write lock past the busy timeout,
 * the disk is full), the answer is that failure (DB_BUSY, DB_FULL, ...)
 * whether the secret was right or wrong, and a refusal is counted in
 * this process as on a read-only database.
 */
enum db_status	 db_login(struct db *, const char *login, const char *secret,
		    long long now, const struct account_policy *,
		    struct session *out);

/* ---- move-in lists (db-import.c, see import.h) ------------------------ */

struct import;
/*
 * Mark the rows of imp (checked by import_parse) that repeat an earlier
 * row of the file or a household already registered (same department,
 * stairwell, flat ignoring ASCII case, and move-in day) as
 * IMPORT_DUPLICATE, and count the fates into imp->added, duplicates,
 * refused.  Reads only (a dry run).  The secretariat and admins only.
 */
enum db_status	 db_import_match(struct db *, const struct who *,
		    struct import *imp);
/*
 * Import imp in one transaction: match it again (as db_import_match),
 * then, unless a row is bad and skip_bad is 0 (DB_INVALID: nothing is
 * added), add every IMPORT_ADD row as a household created by
 * "import, FILE" (file: the file's base name), and write one audit row
 * "move-ins imported" with the file's name and the counts (never the
 * content).  progress (may be NULL) is called now and then with the
 * rows done and the total.
 */
enum db_status	 db_import_moveins(struct db *, const struct who *,
		    struct import *imp, const char *file, int skip_bad,
		    void (*progress)(void *, size_t done, size_t total),
		    void *ctx);

/* ---- the audit trail (db-audit.c) ---------------------------------------- */

/* One row of the trail: never the personal content, only its kind. */
struct audit_row {
	long		 id;
	char		*at;		/* UTC "2026-11-28 09:12:00" */
	char		*login;		/* who; NULL for a failed unknown login */
	int		 command_line;	/* made by the command line (the Unix
					   account owning the file) */
	char		*kind;		/* "login", "household changed", ... */
	char		*table;		/* "household", "visit", "ambassador",
					   "account", or NULL */
	long		 record;	/* its id, or 0 */
	char		*detail;	/* non-personal detail, or NULL */
};
void		 db_audit_rows_free(struct audit_row *, size_t n);
/* Free the strings one row owns (for a list that keeps a sliding window). */
void		 db_audit_row_clear(struct audit_row *);

struct audit_query {
	const char	*login;		/* one account's rows, or NULL */
	const char	*table;		/* one kind of record, or NULL */
	long		 record;	/* with table: one record, or 0 */
	long		 since;		/* day number, or DATE_NONE */
	long		 until;		/* day number (inclusive), or DATE_NONE;
					   both are days of the local time, as
					   the times are shown */
	int		 backward;	/* the rows newer than `after` (or the
					   oldest rows), nearest first */
};
/* The trail newest first, up to limit after `after` (NULL: the newest);
 * with backward, older to newer from `after` (NULL: the oldest).
 * Fewer than limit rows means the end was reached.  Secretariat and
 * admin. */
enum db_status	 db_audit_list(struct db *, const struct who *,
		    const struct audit_query *, const struct audit_row *after,
		    size_t limit, struct audit_row **rows, size_t *n);
/* Write one row for something that is not a change of a record (an
 * export); its own transaction.  detail must not be personal. */
enum db_status	 db_audit_note(struct db *, const struct who *,
		    const char *kind, const char *table, long record,
		    const char *detail);

/* ---- who is logged in to the screens (db-logged-in.c) -------------------- */

/* A person logged in to the screens now: one row per velkomst process. */
struct logged_in {
	char		*login;
	long		 pid;		/* the velkomst process */
	char		*host;		/* the computer it runs on */
	char		*since;		/* UTC "2026-11-28 09:12:00" */
};
/*
 * Write that who has logged in to the screens in this process, now;
 * returns the row's id, or 0 when it could not be written (a read-only
 * database, a write lock held too long, a full disk): the login goes
 * on all the same.  db_logged_in_remove takes row id of this process
 * away again (0: nothing) at the logout, when another person logs in at
 * the lock, and when velkomst ends.  No audit row: the login and the
 * logout have their own.
 */
long		 db_logged_in_add(struct db *, const struct who *);
void		 db_logged_in_remove(struct db *, long id);
/*
 * fn(ctx, row) for each person logged in to the screens in another
 * process than this one, longest logged in first.  A row of a process on
 * this computer that runs no more (killed, or the computer restarted) is
 * stale: it is left out, and removed when the database can be written.
 * Secretariat and admin (ACCESS_AUDIT).  The count, or -1 with the
 * reason in db_errmsg.
 */
long		 db_logged_in_list(struct db *, const struct who *,
		    void (*fn)(void *, const struct logged_in *), void *ctx);

/* ---- backup and restore (db-backup.c) ------------------------------------ */

/* A backup made, or a file to restore from. */
struct db_backup_info {
	char		*path;		/* the file */
	long long	 size;		/* its size in bytes */
	long		 schema;	/* its schema (PRAGMA user_version) */
	long		 households;	/* how many households it holds */
	char		 made[20];	/* UTC "2019-06-01 02:15:00": when the
					   backup was made, or for a file that
					   velkomst did not make, when it was
					   last changed; "" if not known */
};
void		 db_backup_info_clear(struct db_backup_info *);

/*
 * Copy the database into a new file while others go on working and
 * writing: one consistent snapshot (VACUUM INTO), a plain SQLite file
 * (a rollback journal; no -wal beside it) made private (0600), synced to
 * disk with its folder, and checked with integrity_check before it
 * counts; a copy that fails a step is removed.  It never replaces a
 * file: path must not be there.  With path NULL it goes into the folder
 * backups/ beside the database (made 0700 when missing), named with
 * today's date, velkomst-2019-06-01.db, or -2, -3, ... before ".db" when
 * that is taken.  On success one audit row "backup made" names the
 * file (never its content) and *out describes it (free it with
 * db_backup_info_clear).  A database that cannot be written is
 * DB_READONLY: the backup could not be recorded, so none is made.
 * Secretariat and admin (ACCESS_BACKUP).
 */
enum db_status	 db_backup(struct db *, const struct who *, const char *path,
		    struct db_backup_info *out);
/*
 * Look at the file at path as a file to restore from, and change
 * nothing: a velkomst database (its application id and meta table) of
 * this schema or an older one, whole (integrity_check), and no -wal
 * beside it (a database in use, not a backup).  Fills *out; else
 * DB_INVALID with a sentence naming the file and what is wrong.
 */
enum db_status	 db_restore_check(struct db *, const char *path,
		    struct db_backup_info *out);
/*
 * Replace the content of the open database with the file at path,
 * checked again as db_restore_check does; a file refused leaves the
 * database as it was.  First the database as it is now is kept aside,
 * beside it, as db_backup makes a backup, named
 * velkomst.db.before-restore-2019-06-01-1200 (-2, ... when taken), and
 * *aside describes that copy.  Then SQLite's online backup API copies
 * the file's pages in, as one write transaction that the other
 * processes see whole: the database stays in WAL mode, and no file is
 * renamed under anybody's feet.  The caller closes the database and
 * opens it again (that upgrades an older schema), then calls
 * db_restore_done.  The caller checks first that nobody is logged in
 * (db_logged_in_list).  Admin (ACCESS_RESTORE).
 */
enum db_status	 db_restore(struct db *, const struct who *, const char *path,
		    struct db_backup_info *aside);
/*
 * After db_restore and opening the database again: forget who was
 * logged in when the backup was made, and write the audit row
 * "database restored" (the file's name) in the restored database.
 */
enum db_status	 db_restore_done(struct db *, const struct who *,
		    const char *path);

/* ---- erasure and retention (db-erase.c) ---------------------------------- */

/* The sentence (an N_() literal: pass it through _()) that an erased
 * household can no longer be visited or changed: the data layer's
 * refusal, and the screens' before a form is opened. */
extern const char db_erased_msg[];

/* Why a household's personal data was erased (household_erased.why). */
enum erase_why {
	ERASE_REQUEST,		/* asked for: `velkomst erase household` */
	ERASE_PURGE		/* by the retention rules: `velkomst purge` */
};

/* What erasing a household takes away, counted before it goes. */
struct erase_info {
	long		 members;	/* names */
	int		 phone;		/* 1: a phone number is kept */
	int		 languages;	/* 1: languages spoken are kept */
	int		 notes;		/* 1: the household has notes */
	long		 visits;	/* its visits (they stay, without
					   their notes) */
	long		 visit_notes;	/* visits with a note (of the visit or
					   of a checklist item) */
	long		 followup_notes;	/* follow-ups with a note */
	long		 stories;	/* visits marked as a success story */
	long		 erased_on;	/* DATE_NONE, or the day it was
					   erased already */
	enum erase_why	 why;		/* with erased_on: why */
};

/*
 * What erasing household id would take away, into *out; out->erased_on
 * says whether it was erased already.  The secretariat and admins
 * (ACCESS_DELETE); DB_NOTFOUND when there is no such household.
 */
enum db_status	 db_erase_info(struct db *, const struct who *, long id,
		    struct erase_info *out);
/*
 * Erase household id's personal data for real, in one transaction with
 * its audit row "household erased" (the number and why, never a name):
 * its members (names and their search words) are deleted; its flat,
 * phone, languages, consent and notes, the notes of its visits, their
 * checklist items and its follow-ups, and its success-story marks go
 * (a note the reports count, on a declined visit or an item passed to
 * the secretariat, becomes "-"); a household_erased row says when, by
 * whom and why.  What the reports count stays: the department,
 * stairwell, move-in and move-out, the welcome state, the visits'
 * dates, ambassadors and outcomes, the items' states, the follow-ups'
 * dates and actions.  The database deletes securely (secure_delete);
 * afterwards the -wal is emptied into the file (db_erase_flush).
 * DB_INVALID when it was erased already.  *out (may be NULL) gets what
 * went.  ACCESS_DELETE.
 */
enum db_status	 db_erase_household(struct db *, const struct who *, long id,
		    enum erase_why why, struct erase_info *out);
/*
 * Move every page of the -wal into the database file and cut the -wal
 * to nothing (a TRUNCATE checkpoint), so that no old copy of an erased
 * page stays in it; waits for readers up to the busy timeout.  DB_OK,
 * or DB_BUSY when another process kept reading an older snapshot (the
 * -wal is emptied by a later checkpoint; run it again).
 */
enum db_status	 db_erase_flush(struct db *);
/* The day household id's personal data was erased into *on (DATE_NONE:
 * it was not) and why into *why (may be NULL).  Who may see it. */
enum db_status	 db_household_erased(struct db *, const struct who *, long id,
		    long *on, enum erase_why *why);

/* What `velkomst purge` did, or would do with dry_run. */
struct purge_result {
	long		 households[NRETAIN];	/* erased, by reason
						   (RETAIN_KEEP: none) */
	long		 ambassadors;	/* stopped ambassadors whose contact
					   data was erased */
	int		 flushed;	/* 1: the -wal was emptied after
					   (db_erase_flush) */
};
/*
 * How many households are due for deletion on today by rules (as
 * core_retention_due says), counting up to cap (> 0: *count is cap when
 * cap or more are due).  Reads about cap households at most (indexes of
 * the households not erased, by the day each rule looks at), so the
 * home screen's line costs the same at any size.  ACCESS_DELETE.
 */
enum db_status	 db_purge_count(struct db *, const struct who *,
		    const struct retention *rules, long today, long cap,
		    long *count);
/*
 * Anonymise every household due on today by rules (as
 * db_erase_household does, why ERASE_PURGE, a transaction per few
 * hundred), and erase the contact data (phone, e-mail, languages,
 * notes, consent) of every ambassador stopped longer than the rules
 * keep it: their name, department, recruitment and history stay, for
 * the goal and the report.  Then db_erase_flush.  fn (may be NULL) is
 * called for each household (id, reason) and amb (may be NULL) for each
 * ambassador (id, the day it stopped) as it goes.  With dry_run nothing
 * is written (a read-only database will do) and the calls and counts say
 * what would be done.  ACCESS_DELETE.
 */
enum db_status	 db_purge(struct db *, const struct who *,
		    const struct retention *rules, long today, int dry_run,
		    void (*fn)(void *, long id, enum retention_reason why),
		    void (*amb)(void *, long id, long stopped), void *ctx,
		    struct purge_result *out);

/*
 * The backups velkomst made (backups/velkomst-DATE.db beside the
 * database, and the copies kept before a restore,
 * velkomst.db.before-restore-DATE-HHMM): fn(ctx, path, day made, size in
 * bytes) for each, oldest first.  The count, or -1 with the reason in
 * db_errmsg.
 */
long		 db_backup_each(struct db *,
		    void (*fn)(void *, const char *path, long made,
		    long long size), void *ctx);
/*
 * Remove the backups of db_backup_each made more than days days before
 * today (days > 0), calling fn for each removed; one audit row "backups
 * pruned" with how many (never a name of a person).  The count removed,
 * or -1 with the reason in db_errmsg (what was removed before the
 * failure stays removed).  ACCESS_BACKUP.
 */
long		 db_backup_prune(struct db *, const struct who *, int days,
		    long today, void (*fn)(void *, const char *path, long made,
		    long long size), void *ctx);

#endif
