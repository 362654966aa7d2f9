/*
 * db-open.c — opening, checking, creating and migrating the database;
 * the write transaction, batches, the demo mark and `velkomst check`.
 *
 * A file is checked before anything is written to it: the SQLite magic,
 * our application_id (or a database without tables) and a schema we
 * know; these read the first pages only, so opening costs the same at a
 * thousand households and at a million.  A whole-file check is `velkomst
 * check`'s and the backup's (integrity_check); damage deeper in the file
 * is found by the query that reads it, which says the file is damaged
 * (db_sqlite_fail).  A refused file is closed untouched (a rollback
 * journal file is only read; SQLite removes the -wal/-shm a read of a WAL
 * file makes when the last connection closes).  Only then is it switched
 * to WAL and migrated, each migration one transaction.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "db-private.h"
#include "i18n.h"
#include "util.h"

#define DB_STR(x)	#x
#define DB_XSTR(x)	DB_STR(x)

static const char db_busy_msg[] = N_("Another person is saving in velkomst "
    "right now. Nothing was lost; try again in a moment.");
static const char db_readonly_msg[] = N_("The database file %s is read-only, "
    "so changes cannot be saved.");

/*
 * The migrations: db_migrations[i] takes a database from schema i to
 * schema i + 1.  Never change one that has shipped; add a new one.
 */
static const char *const db_migrations[DB_SCHEMA_VERSION] = {
	/* 0 -> 1: households and their members. */
	"CREATE TABLE meta (\n"
	"	key	TEXT PRIMARY KEY NOT NULL,\n"
	"	value	TEXT\n"
	");\n"
	"CREATE TABLE household (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	department	TEXT NOT NULL CHECK (department <> ''),\n"
	"	stairwell	TEXT NOT NULL DEFAULT '',\n"
	"	flat		TEXT NOT NULL,\n"
	"	moved_in	TEXT NOT NULL CHECK (date(moved_in) IS moved_in),\n"
	"	moved_out	TEXT CHECK (moved_out IS NULL OR\n"
	"			    (date(moved_out) IS moved_out AND\n"
	"			    moved_out >= moved_in)),\n"
	"	phone		TEXT,\n"
	"	languages	TEXT,\n"
	"	interpreter	INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (interpreter IN (0, 1)),\n"
	"	consent		INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (consent IN (0, 1)),\n"
	"	consent_on	TEXT CHECK (consent_on IS NULL OR\n"
	"			    date(consent_on) IS consent_on),\n"
	"	consent_by	TEXT,\n"
	"	notes		TEXT,\n"
	"	sort_key	TEXT NOT NULL DEFAULT '',\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL,\n"
	"	updated_at	TEXT NOT NULL,\n"
	"	updated_by	TEXT NOT NULL,\n"
	"	version		INTEGER NOT NULL DEFAULT 1,\n"
	"	CHECK (consent = 1 OR (phone IS NULL AND languages IS NULL AND\n"
	"	    consent_on IS NULL AND consent_by IS NULL))\n"
	");\n"
	"CREATE INDEX household_newest ON household (moved_in DESC, id DESC);\n"
	"CREATE INDEX household_name ON household (sort_key, id);\n"
	"CREATE INDEX household_dept_newest ON household\n"
	"    (department, moved_in DESC, id DESC);\n"
	"CREATE INDEX household_dept_name ON household\n"
	"    (department, sort_key, id);\n"
	"CREATE TABLE member (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	household_id	INTEGER NOT NULL\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	position	INTEGER NOT NULL CHECK (position >= 0),\n"
	"	name		TEXT NOT NULL CHECK (name <> ''),\n"
	"	search_key	TEXT NOT NULL,\n"
	"	sort_key	TEXT NOT NULL\n"
	");\n"
	"CREATE UNIQUE INDEX member_household ON member (household_id, position);\n"
	"CREATE TABLE name_word (\n"
	"	key		TEXT NOT NULL,\n"
	"	member_id	INTEGER NOT NULL\n"
	"			    REFERENCES member (id) ON DELETE CASCADE,\n"
	"	household_id	INTEGER NOT NULL\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	PRIMARY KEY (key, member_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX name_word_member ON name_word (member_id);\n"
	"CREATE INDEX name_word_household ON name_word (household_id);\n"
	"INSERT INTO meta (key, value) VALUES ('key_version', '"
	    DB_XSTR(CORE_KEY_VERSION) "');\n",

	/* 1 -> 2: welcome visits, their checklist items, and what they add
	 * up to kept with the household (db_visit_recompute). */
	"ALTER TABLE household ADD COLUMN state TEXT NOT NULL\n"
	"    DEFAULT 'awaiting'\n"
	"    CHECK (state IN ('awaiting', 'partly', 'welcomed', 'declined'));\n"
	"ALTER TABLE household ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0\n"
	"    CHECK (attempts >= 0);\n"
	"ALTER TABLE household ADD COLUMN next_date TEXT\n"
	"    CHECK (next_date IS NULL OR date(next_date) IS next_date);\n"
	"ALTER TABLE household ADD COLUMN last_visit TEXT\n"
	"    CHECK (last_visit IS NULL OR date(last_visit) IS last_visit);\n"
	"ALTER TABLE household ADD COLUMN flags INTEGER NOT NULL DEFAULT 0\n"
	"    CHECK (flags >= 0);\n"
	"ALTER TABLE household ADD COLUMN handled_on TEXT\n"
	"    CHECK (handled_on IS NULL OR date(handled_on) IS handled_on);\n"
	/* The queues and the overdue list: households still awaiting, oldest
	 * move-in first (ORDER_URGENT walks these without sorting). */
	"CREATE INDEX household_open ON household (moved_in, id)\n"
	"    WHERE state IN ('awaiting', 'partly');\n"
	"CREATE INDEX household_dept_open ON household\n"
	"    (department, moved_in, id) WHERE state IN ('awaiting', 'partly');\n"
	"CREATE INDEX household_flagged ON household (moved_in, id)\n"
	"    WHERE flags <> 0;\n"
	"CREATE TABLE visit (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	household_id	INTEGER NOT NULL\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	date		TEXT NOT NULL CHECK (date(date) IS date),\n"
	"	ambassador	TEXT NOT NULL CHECK (ambassador <> ''),\n"
	"	outcome		TEXT NOT NULL CHECK (outcome IN\n"
	"			    ('welcomed', 'partly', 'not_home', 'declined')),\n"
	"	next_date	TEXT CHECK (next_date IS NULL OR\n"
	"			    (date(next_date) IS next_date AND\n"
	"			    next_date >= date)),\n"
	"	notes		TEXT,\n"
	"	referral	INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (referral IN (0, 1)),\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX visit_household ON visit (household_id, date, id);\n"
	"CREATE INDEX visit_date ON visit (date, id);\n"
	"CREATE TABLE visit_item (\n"
	"	visit_id	INTEGER NOT NULL\n"
	"			    REFERENCES visit (id) ON DELETE CASCADE,\n"
	"	position	INTEGER NOT NULL CHECK (position >= 0),\n"
	"	key		TEXT NOT NULL CHECK (key <> ''),\n"
	"	title		TEXT NOT NULL,\n"
	"	state		TEXT NOT NULL CHECK (state IN\n"
	"			    ('done', 'not_relevant', 'later')),\n"
	"	note		TEXT,\n"
	"	referral	INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (referral IN (0, 1)),\n"
	"	PRIMARY KEY (visit_id, position)\n"
	") WITHOUT ROWID;\n",

	/* 2 -> 3: ambassadors, the stairwells they cover, their status
	 * changes, and word indexes of their names and languages. */
	"CREATE TABLE ambassador (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	name		TEXT NOT NULL CHECK (name <> ''),\n"
	"	search_key	TEXT NOT NULL,\n"
	"	sort_key	TEXT NOT NULL,\n"
	"	phone		TEXT,\n"
	"	email		TEXT,\n"
	"	consent		INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (consent IN (0, 1)),\n"
	"	consent_on	TEXT CHECK (consent_on IS NULL OR\n"
	"			    date(consent_on) IS consent_on),\n"
	"	department	TEXT NOT NULL CHECK (department <> ''),\n"
	"	languages	TEXT,\n"
	"	recruited_on	TEXT NOT NULL\n"
	"			    CHECK (date(recruited_on) IS recruited_on),\n"
	"	recruited_by	TEXT,\n"
	"	trained_on	TEXT CHECK (trained_on IS NULL OR\n"
	"			    (date(trained_on) IS trained_on AND\n"
	"			    trained_on >= recruited_on)),\n"
	"	notes		TEXT,\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL,\n"
	"	updated_at	TEXT NOT NULL,\n"
	"	updated_by	TEXT NOT NULL,\n"
	"	version		INTEGER NOT NULL DEFAULT 1,\n"
	"	CHECK (consent = 1 OR (phone IS NULL AND email IS NULL AND\n"
	"	    consent_on IS NULL))\n"
	");\n"
	"CREATE INDEX ambassador_name ON ambassador (sort_key, id);\n"
	"CREATE INDEX ambassador_dept ON ambassador (department, sort_key, id);\n"
	"CREATE TABLE ambassador_word (\n"
	"	key		TEXT NOT NULL,\n"
	"	ambassador_id	INTEGER NOT NULL\n"
	"			    REFERENCES ambassador (id) ON DELETE CASCADE,\n"
	"	PRIMARY KEY (key, ambassador_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX ambassador_word_id ON ambassador_word (ambassador_id);\n"
	"CREATE TABLE ambassador_language (\n"
	"	key		TEXT NOT NULL,\n"
	"	ambassador_id	INTEGER NOT NULL\n"
	"			    REFERENCES ambassador (id) ON DELETE CASCADE,\n"
	"	PRIMARY KEY (key, ambassador_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX ambassador_language_id ON ambassador_language\n"
	"    (ambassador_id);\n"
	/* The key's columns come first: SQLite 3.40's integrity_check
	 * reports NULLs that are not there in a WITHOUT ROWID table whose
	 * key columns are not its leading columns. */
	"CREATE TABLE ambassador_stairwell (\n"
	"	ambassador_id	INTEGER NOT NULL\n"
	"			    REFERENCES ambassador (id) ON DELETE CASCADE,\n"
	"	stairwell	TEXT NOT NULL CHECK (stairwell <> ''),\n"
	"	position	INTEGER NOT NULL CHECK (position >= 0),\n"
	"	department	TEXT NOT NULL CHECK (department <> ''),\n"
	"	PRIMARY KEY (ambassador_id, stairwell)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX ambassador_stairwell_place ON ambassador_stairwell\n"
	"    (department, stairwell);\n"
	"CREATE TABLE ambassador_status (\n"
	"	ambassador_id	INTEGER NOT NULL\n"
	"			    REFERENCES ambassador (id) ON DELETE CASCADE,\n"
	"	position	INTEGER NOT NULL CHECK (position >= 0),\n"
	"	date		TEXT NOT NULL CHECK (date(date) IS date),\n"
	"	status		TEXT NOT NULL\n"
	"			    CHECK (status IN ('active', 'paused', 'stopped')),\n"
	"	reason		TEXT NOT NULL DEFAULT '' CHECK (reason IN\n"
	"			    ('', 'moved_away', 'no_time', 'other')),\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL,\n"
	"	PRIMARY KEY (ambassador_id, position),\n"
	"	CHECK ((status = 'stopped') = (reason <> ''))\n"
	") WITHOUT ROWID;\n",

	/* 3 -> 4: the secretariat's "dealt with it" marks the newest visit
	 * it saw, not only a day, so a visit saved later the same day
	 * raises its flag again. */
	"ALTER TABLE household ADD COLUMN handled_visit INTEGER NOT NULL\n"
	"    DEFAULT 0 CHECK (handled_visit >= 0);\n"
	"UPDATE household SET handled_visit = coalesce((SELECT max(v.id)\n"
	"    FROM visit v WHERE v.household_id = household.id AND\n"
	"    v.date <= household.handled_on), 0)\n"
	"    WHERE handled_on IS NOT NULL;\n",

	/* 4 -> 5: accounts and the audit trail.  The trail refuses UPDATE
	 * and DELETE, so history cannot be rewritten without dropping a
	 * trigger first. */
	"CREATE TABLE account (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	login		TEXT NOT NULL UNIQUE COLLATE NOCASE\n"
	"			    CHECK (login <> ''),\n"
	"	role		TEXT NOT NULL CHECK (role IN\n"
	"			    ('ambassador', 'secretariat', 'admin')),\n"
	"	hash		TEXT NOT NULL CHECK (hash LIKE '$argon2id$%'),\n"
	"	ambassador_id	INTEGER UNIQUE REFERENCES ambassador (id),\n"
	"	disabled	INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (disabled IN (0, 1)),\n"
	"	failures	INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),\n"
	"	locked_until	INTEGER NOT NULL DEFAULT 0,\n"
	"	last_login	TEXT,\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE account_department (\n"
	"	account_id	INTEGER NOT NULL\n"
	"			    REFERENCES account (id) ON DELETE CASCADE,\n"
	"	department	TEXT NOT NULL CHECK (department <> ''),\n"
	"	position	INTEGER NOT NULL CHECK (position >= 0),\n"
	"	PRIMARY KEY (account_id, department)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE audit (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	at		TEXT NOT NULL,\n"
	"	account_id	INTEGER,\n"
	"	login		TEXT,\n"
	"	command_line	INTEGER NOT NULL DEFAULT 0\n"
	"			    CHECK (command_line IN (0, 1)),\n"
	"	kind		TEXT NOT NULL CHECK (kind <> ''),\n"
	"	tbl		TEXT,\n"
	"	record		INTEGER NOT NULL DEFAULT 0,\n"
	"	detail		TEXT\n"
	");\n"
	"CREATE INDEX audit_login ON audit (login, id);\n"
	"CREATE INDEX audit_record ON audit (tbl, record, id);\n"
	"CREATE INDEX audit_at ON audit (at, id);\n"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
	"BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;\n"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
	"BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;\n",

	/* 5 -> 6: the audit trail's chain: each row keeps a hash of the row
	 * before it and its own fields, and meta the newest row's
	 * ("audit_head"), so that `velkomst check` finds a row removed,
	 * changed or added with another tool.  db_chain_migrate (the step
	 * below) hashes the rows already there and puts the trigger back. */
	"DROP TRIGGER IF EXISTS audit_no_update;\n"
	"ALTER TABLE audit ADD COLUMN hash TEXT;\n",

	/* 6 -> 7: the language an account chose (NULL: the default), and
	 * each visited item's title in English and in Danish as it was that
	 * day.  The title kept so far is the English one; the Danish titles
	 * of the rows already there are filled from the configuration the
	 * next time velkomst opens the file with it (db_visit_fill_titles,
	 * which finds them by the index on the rows without one). */
	"ALTER TABLE account ADD COLUMN language TEXT\n"
	"    CHECK (language IS NULL OR language IN ('da', 'en'));\n"
	"ALTER TABLE visit_item RENAME COLUMN title TO title_en;\n"
	"ALTER TABLE visit_item ADD COLUMN title_da TEXT;\n"
	"CREATE INDEX visit_item_untitled ON visit_item (key)\n"
	"    WHERE title_da IS NULL;\n",

	/* 7 -> 8: the languages spoken are ISO 639 codes ("ar,so") picked
	 * from a list; db_language_migrate (the step below) maps the free
	 * text before, and keeps what it cannot map in languages_other for
	 * the secretariat to pick (`velkomst check` lists them). */
	"ALTER TABLE household ADD COLUMN languages_other TEXT\n"
	"    CHECK (languages_other IS NULL OR consent = 1);\n"
	"ALTER TABLE ambassador ADD COLUMN languages_other TEXT;\n",

	/* 8 -> 9: the secretariat's follow-ups, each with what was done,
	 * by whom and when, and whether it closed the case; and a declined
	 * visit with a note is a reason for the secretariat's desk
	 * (FLAG_DECLINED, 8), worked out here for what is there. */
	"CREATE TABLE IF NOT EXISTS followup (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	household_id	INTEGER NOT NULL\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	date		TEXT NOT NULL CHECK (date(date) IS date),\n"
	"	login		TEXT NOT NULL CHECK (login <> ''),\n"
	"	action		TEXT NOT NULL CHECK (action IN ('letter',\n"
	"			    'phone', 'visit', 'estate_office', 'other')),\n"
	"	note		TEXT,\n"
	"	closes		TEXT NOT NULL DEFAULT '' CHECK (closes IN\n"
	"			    ('', 'reached', 'unreachable', 'moved_out')),\n"
	"	created_at	TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS followup_household ON followup (household_id, date, id);\n"
	"CREATE INDEX IF NOT EXISTS followup_date ON followup (date, id);\n"
	"UPDATE household SET flags = flags | 8 WHERE state = 'declined' AND\n"
	"    (SELECT coalesce(v.notes, '') <> '' AND NOT (v.id <=\n"
	"    household.handled_visit AND v.date <= household.handled_on)\n"
	"    FROM visit v WHERE v.household_id = household.id AND\n"
	"    v.outcome <> 'not_home' ORDER BY v.date DESC, v.id DESC LIMIT 1);\n",

	/* 9 -> 10: what the secretariat records for the activity's success
	 * criteria (a film and its latest views, success stories and their
	 * latest likes, press stories), and the welcome visits marked as
	 * possible success stories: a row only with the household's yes,
	 * who recorded it and on which day.  (IF NOT EXISTS, as 9 does: the
	 * tests make older schemas from a new file.) */
	"CREATE TABLE IF NOT EXISTS criteria_record (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	kind		TEXT NOT NULL CHECK (kind IN ('film', 'story',\n"
	"			    'press')),\n"
	"	date		TEXT NOT NULL CHECK (date(date) IS date),\n"
	"	title		TEXT NOT NULL CHECK (title <> ''),\n"
	"	channel		TEXT CHECK (channel IN ('website', 'facebook',\n"
	"			    'other')),\n"
	"	paper		TEXT,\n"
	"	count		INTEGER CHECK (count >= 0),\n"
	"	counted_on	TEXT CHECK (counted_on IS NULL OR\n"
	"			    (date(counted_on) IS counted_on AND\n"
	"			    counted_on >= date)),\n"
	"	created_at	TEXT NOT NULL,\n"
	"	created_by	TEXT NOT NULL,\n"
	"	updated_at	TEXT NOT NULL,\n"
	"	updated_by	TEXT NOT NULL,\n"
	"	version		INTEGER NOT NULL DEFAULT 1,\n"
	"	CHECK ((kind = 'press') = (channel IS NULL)),\n"
	"	CHECK (kind = 'press' OR paper IS NULL),\n"
	"	CHECK (kind <> 'press' OR count IS NULL),\n"
	"	CHECK ((count IS NULL) = (counted_on IS NULL))\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS criteria_record_date ON criteria_record\n"
	"    (date, id);\n"
	"CREATE TABLE IF NOT EXISTS visit_story (\n"
	"	visit_id	INTEGER PRIMARY KEY\n"
	"			    REFERENCES visit (id) ON DELETE CASCADE,\n"
	"	consent_on	TEXT NOT NULL CHECK (date(consent_on) IS\n"
	"			    consent_on),\n"
	"	consent_by	TEXT NOT NULL CHECK (consent_by <> '')\n"
	");\n",

	/* 10 -> 11: the figures of a closed period of the yearly report,
	 * kept the first time it is reported after its cut-off, so that it
	 * never changes (db-report.c).  One row per figure: the period
	 * (from, to) with the deadline it was counted with and the day it
	 * was kept; the group (a department by its key, the total, the pilots,
	 * the others, the rest of a department, or the report itself: kind
	 * 'report'), its month (0: the whole period), the figure's name,
	 * a checklist item's key and titles (or ''), and the value.  Counts
	 * only, never a name. */
	"CREATE TABLE IF NOT EXISTS report_figure (\n"
	"	period_from	TEXT NOT NULL CHECK (date(period_from) IS period_from),\n"
	"	period_to	TEXT NOT NULL CHECK (date(period_to) IS period_to),\n"
	"	deadline	INTEGER NOT NULL CHECK (deadline > 0),\n"
	"	kept_on		TEXT NOT NULL CHECK (date(kept_on) IS kept_on),\n"
	"	grp_kind	TEXT NOT NULL CHECK (grp_kind IN ('report',\n"
	"			    'department', 'total', 'pilots', 'others')),\n"
	"	grp		TEXT NOT NULL DEFAULT '',\n"
	"	month		INTEGER NOT NULL DEFAULT 0 CHECK (month >= 0),\n"
	"	name		TEXT NOT NULL CHECK (name <> ''),\n"
	"	item		TEXT NOT NULL DEFAULT '',\n"
	"	title		TEXT,\n"
	"	title_da	TEXT,\n"
	"	value		INTEGER NOT NULL,\n"
	"	PRIMARY KEY (period_from, period_to, grp_kind, grp, month,\n"
	"	    name, item)\n"
	") WITHOUT ROWID;\n",

	/* 11 -> 12: who is logged in to the screens now, so that a restore
	 * can refuse while someone works (db-logged-in.c): a row per
	 * process, written at a login and removed at the logout; a row of
	 * a process on this host that no longer runs is stale. */
	"CREATE TABLE IF NOT EXISTS logged_in (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	login		TEXT NOT NULL CHECK (login <> ''),\n"
	"	pid		INTEGER NOT NULL CHECK (pid > 0),\n"
	"	host		TEXT NOT NULL,\n"
	"	since		TEXT NOT NULL\n"
	");\n",

	/* 12 -> 13: the indexes of the households awaiting a welcome carry
	 * moved_out and state too, so that a count of the overdue list
	 * and the coverage's households per stairwell (one GROUP BY)
	 * read the index alone, never the table.  (IF NOT EXISTS, as 9
	 * does: the tests make older schemas from a new file.) */
	"DROP INDEX IF EXISTS household_open;\n"
	"DROP INDEX IF EXISTS household_dept_open;\n"
	"CREATE INDEX IF NOT EXISTS household_open ON household\n"
	"    (moved_in, id, moved_out, state)\n"
	"    WHERE state IN ('awaiting', 'partly');\n"
	"CREATE INDEX IF NOT EXISTS household_dept_open ON household\n"
	"    (department, moved_in, id, moved_out, state)\n"
	"    WHERE state IN ('awaiting', 'partly');\n"
	"CREATE INDEX IF NOT EXISTS household_stairwell_open ON household\n"
	"    (department, stairwell, moved_out, state)\n"
	"    WHERE state IN ('awaiting', 'partly');\n",

	/* 13 -> 14: how many households each department has, kept by
	 * triggers in the transaction of every change (so also for rows
	 * written with the stock sqlite3 tool), so that the register's count
	 * on the home screen and in the list costs the same at a thousand
	 * households and at a million (db_household_count). */
	"CREATE TABLE IF NOT EXISTS household_tally (\n"
	"	department	TEXT PRIMARY KEY NOT NULL,\n"
	"	n		INTEGER NOT NULL CHECK (n >= 0)\n"
	") WITHOUT ROWID;\n"
	"DELETE FROM household_tally;\n"
	"INSERT INTO household_tally (department, n)\n"
	"    SELECT department, count(*) FROM household GROUP BY department;\n"
	"CREATE TRIGGER IF NOT EXISTS household_tally_add\n"
	"    AFTER INSERT ON household BEGIN\n"
	"	INSERT INTO household_tally (department, n)\n"
	"	    VALUES (new.department, 1)\n"
	"	    ON CONFLICT (department) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS household_tally_remove\n"
	"    AFTER DELETE ON household BEGIN\n"
	"	UPDATE household_tally SET n = n - 1\n"
	"	    WHERE department = old.department;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS household_tally_move\n"
	"    AFTER UPDATE OF department ON household\n"
	"    WHEN new.department IS NOT old.department BEGIN\n"
	"	UPDATE household_tally SET n = n - 1\n"
	"	    WHERE department = old.department;\n"
	"	INSERT INTO household_tally (department, n)\n"
	"	    VALUES (new.department, 1)\n"
	"	    ON CONFLICT (department) DO UPDATE SET n = n + 1;\n"
	"END;\n",

	/* 14 -> 15: consent per purpose, and erasure.  A household consents
	 * to the welcome visit itself ('visit'), to contact by phone
	 * ('phone': the phone number and languages, which household.consent
	 * still mirrors so that its CHECK holds), to follow-up by the
	 * secretariat ('followup') and to a success story ('story'), each
	 * given on a day, by a login, in a way (at the door, on paper, by
	 * phone); a withdrawal keeps the row and says when and by whom.  At
	 * most one live (not withdrawn) row per household and purpose.  The
	 * rows already there: contact consent from household.consent, a
	 * story from visit_story, the visit from the first visit that
	 * welcomed the household (at the door, by its ambassador).
	 * household_erased: the households whose personal data was erased
	 * (on request, or by the retention rules: 'purge'); the row stays,
	 * with its department, move-in and outcomes, for the reports.
	 * (IF NOT EXISTS and OR IGNORE, as 9 does: the tests make older
	 * schemas from a new file.) */
	"CREATE TABLE IF NOT EXISTS consent (\n"
	"	id		INTEGER PRIMARY KEY,\n"
	"	household_id	INTEGER NOT NULL\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	purpose		TEXT NOT NULL CHECK (purpose IN ('visit', 'phone',\n"
	"			    'followup', 'story')),\n"
	"	given_on	TEXT NOT NULL CHECK (date(given_on) IS given_on),\n"
	"	given_by	TEXT NOT NULL CHECK (given_by <> ''),\n"
	"	how		TEXT NOT NULL CHECK (how IN ('door', 'paper',\n"
	"			    'phone')),\n"
	"	withdrawn_on	TEXT CHECK (withdrawn_on IS NULL OR\n"
	"			    date(withdrawn_on) IS withdrawn_on),\n"
	"	withdrawn_by	TEXT,\n"
	"	created_at	TEXT NOT NULL,\n"
	"	CHECK ((withdrawn_on IS NULL) = (withdrawn_by IS NULL))\n"
	");\n"
	"CREATE UNIQUE INDEX IF NOT EXISTS consent_live ON consent\n"
	"    (household_id, purpose) WHERE withdrawn_on IS NULL;\n"
	"CREATE INDEX IF NOT EXISTS consent_household ON consent\n"
	"    (household_id, id);\n"
	"INSERT OR IGNORE INTO consent (household_id, purpose, given_on,\n"
	"    given_by, how, created_at)\n"
	"    SELECT id, 'phone', coalesce(consent_on, date(created_at)),\n"
	"    coalesce(nullif(consent_by, ''), created_by), 'door', created_at\n"
	"    FROM household WHERE consent = 1;\n"
	"INSERT OR IGNORE INTO consent (household_id, purpose, given_on,\n"
	"    given_by, how, created_at)\n"
	"    SELECT v.household_id, 'story', min(s.consent_on), s.consent_by,\n"
	"    'door', min(v.created_at)\n"
	"    FROM visit_story s JOIN visit v ON v.id = s.visit_id\n"
	"    GROUP BY v.household_id;\n"
	"INSERT OR IGNORE INTO consent (household_id, purpose, given_on,\n"
	"    given_by, how, created_at)\n"
	"    SELECT v.household_id, 'visit', min(v.date), v.ambassador,\n"
	"    'door', min(v.created_at)\n"
	"    FROM visit v WHERE v.outcome IN ('welcomed', 'partly')\n"
	"    GROUP BY v.household_id;\n"
	"CREATE TABLE IF NOT EXISTS household_erased (\n"
	"	household_id	INTEGER PRIMARY KEY\n"
	"			    REFERENCES household (id) ON DELETE CASCADE,\n"
	"	erased_on	TEXT NOT NULL CHECK (date(erased_on) IS erased_on),\n"
	"	erased_by	TEXT NOT NULL CHECK (erased_by <> ''),\n"
	"	why		TEXT NOT NULL CHECK (why IN ('request', 'purge'))\n"
	");\n",

	/* 15 -> 16: the retention rules' indexes (db-erase.c): the
	 * households not erased (an erased one has no members, so its
	 * sort_key is '') by the day each rule looks at: the move-out, the
	 * last visit of a household that opened the door, the move-in of
	 * one never reached.  The count of the households due on the home
	 * screen and `velkomst purge` read only those due, never the
	 * erased ones, at any size. */
	"CREATE INDEX IF NOT EXISTS household_keep_moved_out ON household\n"
	"    (moved_out) WHERE moved_out IS NOT NULL AND sort_key <> '';\n"
	"CREATE INDEX IF NOT EXISTS household_keep_visited ON household\n"
	"    (last_visit) WHERE state <> 'awaiting' AND sort_key <> '';\n"
	"CREATE INDEX IF NOT EXISTS household_keep_awaiting ON household\n"
	"    (moved_in) WHERE state = 'awaiting' AND sort_key <> '';\n",

	/* 16 -> 17: the households' word index carries the department, so
	 * that an ambassador's search reads her departments' words only:
	 * all in db_household_words_migrate (the column is added where it
	 * is missing). */
	"-- db_household_words_migrate\n",

	/* 17 -> 18: the households with flags by department, and both of
	 * their indexes carry the move-out, so that the count of the cases
	 * for the secretariat (the home screen's figure, the desk) reads
	 * only flagged households, and none of them twice: an ambassador's
	 * took 28 ms at 1,000,000 households, walking her department's
	 * households for the one in eight with flags (db-household.c,
	 * hh_count_flagged). */
	"DROP INDEX IF EXISTS household_flagged;\n"
	"CREATE INDEX IF NOT EXISTS household_flagged ON household\n"
	"    (moved_in, id, moved_out) WHERE flags <> 0;\n"
	"CREATE INDEX IF NOT EXISTS household_dept_flagged ON household\n"
	"    (department, moved_in, id, moved_out) WHERE flags <> 0;\n",

	/* 18 -> 19: a household's case is closed (case_closed) when its
	 * newest follow-up closed it, kept by the follow-ups' triggers, and
	 * the flagged indexes hold the open cases only: all in
	 * db_followup_case_migrate (the column is added where it is
	 * missing). */
	"-- db_followup_case_migrate\n",

	/* 19 -> 20: a household's initials, the bit of each first letter of
	 * its name words, kept in the indexes a page walks, so that a
	 * search of two common words ("søren m") looks up the words of the
	 * households that may match only: all in
	 * db_household_initials_migrate (the column is added where it is
	 * missing). */
	"-- db_household_initials_migrate\n",

	/* 20 -> 21: the open households without flags whose case is open,
	 * by department and move-in, with what the stale rule reads, so
	 * that the desk counts those the stale rule brings to the
	 * secretariat from the index alone: at 1,000,000 households its
	 * grouped count of the cases read every household of each
	 * department, 2.1 s (11.6 s with nothing cached) where each of the
	 * desk's other counts takes 35 ms (db-household.c,
	 * db_household_count_by). */
	"CREATE INDEX IF NOT EXISTS household_dept_stale ON household\n"
	"    (department, moved_in, handled_on, moved_out)\n"
	"    WHERE state IN ('awaiting', 'partly') AND flags = 0 AND\n"
	"    case_closed = 0;\n",
};

/* What a migration needs done in C after its SQL, or NULL. */
static enum db_status (*const db_migration_steps[DB_SCHEMA_VERSION])(
    struct db *) = {
	[5] = db_chain_migrate,
	[7] = db_language_migrate,
	[16] = db_household_words_migrate,
	[18] = db_followup_case_migrate,
	[19] = db_household_initials_migrate,
};

/* Add column to table where it is missing, then run sql (db-private.h). */
enum db_status
db_migrate_column(struct db *db, const char *table, const char *column,
    const char *decl, const char *sql)
{
	sqlite3_stmt	*st;
	char		*alter;
	int		 rc, n = 0;

	if ((st = db_prepare(db, "SELECT count(*) FROM "
	    "pragma_table_info(?1) WHERE name = ?2")) == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_sqlite_fail(db, rc);
	if (n == 0) {
		alter = sqlite3_mprintf("ALTER TABLE \"%w\" ADD COLUMN "
		    "\"%w\" %s", table, column, decl);
		rc = alter != NULL ? db_exec(db, alter) : SQLITE_NOMEM;
		sqlite3_free(alter);
		if (rc != SQLITE_OK)
			return db_sqlite_fail(db, rc);
	}
	if ((rc = db_exec(db, sql)) != SQLITE_OK)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* Set the message to a new printf-style sentence and return st. */
enum db_status
db_fail(struct db *db, enum db_status st, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, _(fmt), ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	if (vsnprintf(msg, (size_t)n + 1, _(fmt), ap) < 0)
		msg[0] = '\0';
	va_end(ap);
	free(db->errmsg);
	db->errmsg = msg;
	return st;
}

/* Map an SQLite result code to a status and set the message. */
enum db_status
db_sqlite_fail(struct db *db, int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return db_fail(db, DB_BUSY, "%s", _(db_busy_msg));
	case SQLITE_READONLY:
		return db_fail(db, DB_READONLY, db_readonly_msg, db->path);
	case SQLITE_FULL:
		return db_fail(db, DB_FULL, N_("The disk is full; nothing was "
		    "saved."));
	case SQLITE_CONSTRAINT:
		return db_fail(db, DB_INVALID, N_("The database refused a value "
		    "(%s)."), sqlite3_errmsg(db->h));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return db_fail(db, DB_ERROR, N_("The database file %s is "
		    "damaged (%s)."), db->path, sqlite3_errstr(rc));
	default:
		return db_fail(db, DB_ERROR, N_("The database file %s could not "
		    "be used (%s)."), db->path, db->h != NULL ?
		    sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
	}
}

/* The cached statement for the literal sql, reset and unbound. */
sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	struct db_stmt_slot	*slot;
	size_t			 i;
	int			 rc;

	for (i = 0; i < DB_STMT_CACHE; i++) {
		slot = &db->stmts[i];
		if (slot->sql == sql) {
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (slot->sql == NULL)
			break;
	}
	if (i == DB_STMT_CACHE)
		fatal("db: statement cache full");
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &slot->stmt, NULL);
	if (rc != SQLITE_OK) {
		db_sqlite_fail(db, rc);
		sqlite3_finalize(slot->stmt);
		slot->stmt = NULL;
		return NULL;
	}
	slot->sql = sql;
	return slot->stmt;
}

/* Run SQL without result rows; returns an SQLite code. */
int
db_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

/* Begin a change: BEGIN IMMEDIATE, or a savepoint inside a batch. */
enum db_status
db_write_begin(struct db *db)
{
	int	 rc;

	if (db->readonly)
		return db_fail(db, DB_READONLY, db_readonly_msg, db->path);
	if (db->bulk)			/* no savepoint: see db_bulk_begin */
		return db->bulk_failed ? DB_ERROR : DB_OK;
	rc = db_exec(db, db->batch ? "SAVEPOINT db_call" : "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* End a change: commit when st is DB_OK, else roll it back. */
enum db_status
db_write_end(struct db *db, enum db_status st)
{
	int	 rc;

	if (db->bulk) {
		if (st != DB_OK)
			db->bulk_failed = 1;
		return st;
	}
	if (db->batch) {
		if (st != DB_OK)
			db_exec(db, "ROLLBACK TO db_call");
		rc = db_exec(db, "RELEASE db_call");
		if (rc != SQLITE_OK && st == DB_OK)
			st = db_sqlite_fail(db, rc);
		return st;
	}
	if (st == DB_OK) {
		rc = db_exec(db, "COMMIT");
		if (rc != SQLITE_OK)
			st = db_sqlite_fail(db, rc);
	}
	if (st != DB_OK && !sqlite3_get_autocommit(db->h))
		db_exec(db, "ROLLBACK");
	return st;
}

/* The UTC time now as "YYYY-MM-DD HH:MM:SS" on the real clock. */
char *
db_clock(char *buf)
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, 20, "1970-01-01 00:00:00");
	return buf;
}

/* The time a record is recorded: now; while util_today_set has made
 * another day today (the demo), the time of day now on that day. */
char *
db_now(char *buf)
{
	time_t		 t = time(NULL);
	struct tm	 tm;
	long		 pinned = util_today_pinned();
	int		 y, m, d;

	if (pinned != DATE_NONE && localtime_r(&t, &tm) != NULL) {
		util_date_split(pinned, &y, &m, &d);
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_isdst = -1;
		if ((t = mktime(&tm)) == (time_t)-1)
			t = time(NULL);
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, 20, "1970-01-01 00:00:00");
	return buf;
}

/* Bind text, NULL for NULL or "". */
int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* A new copy of column i ("" or NULL for SQL NULL). */
char *
db_column_text(sqlite3_stmt *st, int i, int keep_null)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL)
		return keep_null ? NULL : xstrdup("");
	return xstrdup((const char *)s);
}

/* Column i as a day number (DATE_NONE for NULL or a bad date). */
long
db_column_date(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);
	long		 day;

	if (s == NULL || util_date_parse(s, &day) != DATE_OK)
		return DATE_NONE;
	return day;
}

/* DB_INVALID unless who names a person. */
enum db_status
db_check_who(struct db *db, const struct who *who)
{
	if (who == NULL || who->name == NULL || who->name[0] == '\0')
		return db_fail(db, DB_INVALID, N_("Who is making the change "
		    "is not known."));
	return DB_OK;
}

/* Step a statement without result rows to its end and reset it. */
enum db_status
db_step_done(struct db *db, sqlite3_stmt *st)
{
	int	 rc;

	if (st == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlite_fail(db, rc);
	return DB_OK;
}

/* The one number that sql (a literal, ?1 bound to id) answers, into *n;
 * the statement must give a row (a count does). */
enum db_status
db_count_by_id(struct db *db, const char *sql, long id, long *n)
{
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

static int open_err(char **, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* Set *err to a new sentence (printf style); returns -1. */
static int
open_err(char **err, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, _(fmt), ap);
	va_end(ap);
	free(*err);
	*err = xstrdup(buf);
	return -1;
}

/* mkdir -p the folder of path; folders made are 0700. */
static int
open_mkdirs(const char *path)
{
	char	*dir = xstrdup(path), *p, c;
	int	 rc = 0;

	if ((p = strrchr(dir, '/')) == NULL) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (dir[0] != '\0' && mkdir(dir, 0700) == -1 && errno != EEXIST)
			rc = -1;
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return rc;
}

/* Create the file (0600) and its folder (0700) if missing. */
static int
open_create(const char *path, char **err)
{
	int	 fd;

	if (open_mkdirs(path) == -1)
		return open_err(err, N_("The folder of %s could not be created "
		    "(%s)."), path, strerror(errno));
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1 && errno != EEXIST)
		return open_err(err, N_("%s could not be created (%s)."), path,
		    strerror(errno));
	if (fd != -1)
		close(fd);
	return 0;
}

/*
 * Look at the file's first 100 bytes: empty or starting with the SQLite
 * magic, and not carrying another program's application_id.  Read
 * through the connection's own file handle, never a descriptor of our
 * own: closing any descriptor of a file drops every POSIX lock this
 * process holds on it, also another connection's (an export's snapshot
 * beside the connection that writes its audit row), and a process that
 * then thinks it is the last one checkpoints and removes the -wal under
 * our feet.
 */
static int
open_sniff(struct db *db, char **err)
{
	static const char	 magic[16] = "SQLite format 3";
	unsigned char		 hdr[100];
	sqlite3_file		*f = NULL;
	sqlite3_int64		 size = 0;
	unsigned long		 appid;
	size_t			 n;
	int			 rc;

	rc = sqlite3_file_control(db->h, "main", SQLITE_FCNTL_FILE_POINTER,
	    &f);
	if (rc != SQLITE_OK || f == NULL || f->pMethods == NULL ||
	    f->pMethods->xFileSize(f, &size) != SQLITE_OK)
		return open_err(err, N_("%s could not be read (%s)."),
		    db->path, sqlite3_errstr(rc != SQLITE_OK ? rc :
		    SQLITE_IOERR));
	if (size == 0)
		return 0;
	n = size < (sqlite3_int64)sizeof hdr ? (size_t)size : sizeof hdr;
	memset(hdr, 0, sizeof hdr);
	rc = f->pMethods->xRead(f, hdr, (int)n, 0);
	if (rc != SQLITE_OK)
		return open_err(err, N_("%s could not be read (%s)."),
		    db->path, sqlite3_errstr(rc));
	if (n < 16 || memcmp(hdr, magic, sizeof magic) != 0)
		return open_err(err, N_("%s is not a velkomst database."),
		    db->path);
	if (n == sizeof hdr) {
		appid = (unsigned long)hdr[68] << 24 | hdr[69] << 16 |
		    hdr[70] << 8 | hdr[71];
		if (appid != 0 && appid != DB_APPLICATION_ID)
			return open_err(err, N_("%s is not a velkomst "
			    "database."), db->path);
	}
	return 0;
}

/* 1 if path can be written by us (as root: if any w bit is set). */
static int
open_writable(const char *path)
{
	struct stat	 sb;

	if (access(path, W_OK) == -1)
		return 0;
	if (geteuid() == 0 &&
	    (stat(path, &sb) == -1 || (sb.st_mode & 0222) == 0))
		return 0;
	return 1;
}

/* An immutable read-only URI for path (for a folder we cannot write). */
char *
db_immutable_uri(const char *path)
{
	char		*abs = NULL, *uri, *p;
	const char	*s;

	if (path[0] != '/')
		abs = realpath(path, NULL);
	s = abs != NULL ? abs : path;
	uri = xmalloc(strlen(s) * 3 + 32);
	p = uri + sprintf(uri, "file:");
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '?' || *s == '#' ||
		    (unsigned char)*s < 0x20)
			p += sprintf(p, "%%%02X", (unsigned char)*s);
		else
			*p++ = *s;
	}
	strcpy(p, "?immutable=1");
	free(abs);
	return uri;
}

/*
 * Connect to the file: read/write when we may write the file and its
 * folder (WAL makes -wal and -shm there), else read-only.  A WAL database
 * we cannot write and that has no -shm now is opened immutable: SQLite
 * cannot make the -shm in a folder we cannot write, and one it made
 * beside a read-only file would keep that file's mode and later stop a
 * writer.  No -shm means no one has it open; the risk left is someone
 * with more rights starting to write while we read.
 */
static int
open_connect(struct db *db, int flags, char **err)
{
	char		*dir, *shm, *uri = NULL;
	struct stat	 sb;
	int		 dir_w, file_w, oflags, rc;

	dir = util_dirname(db->path);
	dir_w = open_writable(dir);
	free(dir);
	file_w = open_writable(db->path);
	db->readonly = (flags & DB_READ_ONLY) || !dir_w || !file_w;
	db->asked_ro = (flags & DB_READ_ONLY) != 0;
	oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	shm = xasprintf("%s-shm", db->path);
	if ((!dir_w || !file_w) && stat(shm, &sb) == -1) {
		uri = db_immutable_uri(db->path);
		oflags |= SQLITE_OPEN_URI;
	}
	free(shm);
	rc = sqlite3_open_v2(uri != NULL ? uri : db->path, &db->h,
	    oflags | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return open_err(err, N_("%s could not be opened (%s)."),
		    db->path, db->h != NULL ? sqlite3_errmsg(db->h) :
		    sqlite3_errstr(rc));
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, db->busy_ms);
	/* Until the checks pass, closing must not checkpoint a -wal into a
	 * file we are about to refuse (open_setup turns this back on). */
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	return 0;
}

/* Run a pragma (or query) giving one integer into *out. */
static int
open_int(struct db *db, const char *sql, long *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = (long)sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE)
			rc = SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The message for an SQLite failure while checking the file. */
static int
open_sqlite_err(struct db *db, int rc, char **err)
{
	int	 prim = rc & 0xFF;

	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return open_err(err, N_("%s is damaged (%s)."), db->path,
		    sqlite3_errmsg(db->h));
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return open_err(err, "%s", _(db_busy_msg));
	return open_err(err, N_("%s could not be opened (%s)."), db->path,
	    sqlite3_errmsg(db->h));
}

/* Check, without writing, that this is a velkomst database we know. */
static int
open_check(struct db *db, long *version, char **err)
{
	long	 appid, tables;
	int	 rc;

	if ((rc = open_int(db, "PRAGMA application_id", &appid)) != SQLITE_OK ||
	    (rc = open_int(db, "SELECT count(*) FROM sqlite_master",
	    &tables)) != SQLITE_OK ||
	    (rc = open_int(db, "PRAGMA user_version", version)) != SQLITE_OK)
		return open_sqlite_err(db, rc, err);
	if (appid != DB_APPLICATION_ID && (appid != 0 || tables != 0))
		return open_err(err, N_("%s is not a velkomst database."),
		    db->path);
	if (*version > DB_SCHEMA_VERSION)
		return open_err(err, N_("%s was made by a newer velkomst "
		    "(schema %ld); this velkomst knows schema %d."), db->path,
		    *version, DB_SCHEMA_VERSION);
	if (db->readonly && *version < DB_SCHEMA_VERSION && db->asked_ro &&
	    open_writable(db->path))
		return open_err(err, N_("%s was made by an older velkomst and "
		    "must be upgraded first. This command only reads; open the "
		    "database once with velkomst (the screens, or a command "
		    "that changes it) to upgrade it."), db->path);
	if (db->readonly && *version < DB_SCHEMA_VERSION)
		return open_err(err, N_("%s must be set up or upgraded, but it "
		    "is read-only."), db->path);
	return 0;
}

/* Take the database from schema v to v + 1 in one transaction. */
static int
open_migrate_one(struct db *db, long v, char **err)
{
	char	 sql[128];
	long	 now;
	int	 rc, step = 0;

	if ((rc = db_exec(db, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return open_sqlite_err(db, rc, err);
	/* Another process may have migrated while we waited. */
	rc = open_int(db, "PRAGMA user_version", &now);
	if (rc == SQLITE_OK && now == v) {
		rc = db_exec(db, db_migrations[v]);
		if (rc == SQLITE_OK && db_migration_steps[v] != NULL &&
		    db_migration_steps[v](db) != DB_OK)
			step = rc = SQLITE_ERROR;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %ld; "
		    "PRAGMA application_id = %d", v + 1, DB_APPLICATION_ID);
		if (rc == SQLITE_OK)
			rc = db_exec(db, sql);
	}
	if (rc == SQLITE_OK)
		rc = db_exec(db, "COMMIT");
	if (rc != SQLITE_OK) {
		open_err(err, N_("%s could not be upgraded to schema %ld (%s)."),
		    db->path, v + 1, step ? db_errmsg(db) :
		    sqlite3_errmsg(db->h));
		if (!sqlite3_get_autocommit(db->h))
			db_exec(db, "ROLLBACK");
		return -1;
	}
	return 0;
}

/* Rebuild the keys if core's key rules changed since they were made. */
static int
open_rekey(struct db *db, char **err)
{
	long	 kv;
	int	 rc;

	rc = open_int(db, "SELECT CAST(value AS INTEGER) FROM meta "
	    "WHERE key = 'key_version'", &kv);
	if (rc == SQLITE_OK && kv == CORE_KEY_VERSION)
		return 0;
	if (db_household_rekey(db) != DB_OK)
		return open_err(err, "%s", db->errmsg);
	return 0;
}

/* Set the connection up and bring the schema up to date. */
static int
open_setup(struct db *db, long version, int memory, char **err)
{
	int	 rc;

	if (db->h != NULL)
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0,
		    NULL);
	rc = db_exec(db, "PRAGMA foreign_keys = ON; "
	    "PRAGMA secure_delete = ON");
	if (rc == SQLITE_OK && !db->readonly)
		rc = db_exec(db, memory ? "PRAGMA synchronous = FULL" :
		    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
	if (rc != SQLITE_OK)
		return open_sqlite_err(db, rc, err);
	if (db->readonly)
		return 0;
	for (; version < DB_SCHEMA_VERSION; version++)
		if (open_migrate_one(db, version, err) == -1)
			return -1;
	if (open_rekey(db, err) == -1)
		return -1;
	db_chain_guard(db);
	return 0;
}

/*
 * Refuse a file other users of this computer may read or write: it holds
 * personal data and the accounts' hashes.  Checked before SQLite opens
 * it, so the file is left as it was.  An optional file may be missing.
 */
static int
open_private(const char *path, int optional, char **err)
{
	struct stat	 sb;

	if (stat(path, &sb) == -1) {
		if (optional && errno == ENOENT)
			return 0;
		return open_err(err, N_("%s could not be opened (%s)."), path,
		    strerror(errno));
	}
	if ((sb.st_mode & 077) != 0)
		return open_err(err, N_("%s can be read by other users of this "
		    "computer (mode %04o). Make it private with: chmod 600 %s"),
		    path, (unsigned)(sb.st_mode & 07777), path);
	return 0;
}

/*
 * The same for the -wal and -shm beside it: they hold the same data, and
 * SQLite keeps an existing one's mode.  Checked once the file is known to
 * be a velkomst database (another program's is refused for what it is),
 * before anything is written.
 */
static int
open_private_sides(const char *path, char **err)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char	*p;
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		p = xasprintf("%s%s", path, sides[i]);
		rc = open_private(p, 1, err);
		free(p);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/*
 * A file without tables (an empty file, say) is made a velkomst database
 * only by a command that may make one: one that only reads (DB_READ_ONLY,
 * DB_NO_SETUP) refuses it, and the file stays as it was.
 */
static int
open_empty(struct db *db, int flags, char **err)
{
	long	 tables;
	int	 rc;

	if (!(flags & (DB_READ_ONLY | DB_NO_SETUP)))
		return 0;
	rc = open_int(db, "SELECT count(*) FROM sqlite_master", &tables);
	if (rc != SQLITE_OK)
		return open_sqlite_err(db, rc, err);
	if (tables == 0)
		return open_err(err, N_("%s is empty; it is not a velkomst "
		    "database."), db->path);
	return 0;
}

/* Find, create, connect to and check the file at db->path. */
static int
open_file(struct db *db, int flags, long *version, char **err)
{
	struct stat	 sb;

	if (db->path[0] == '\0')
		return open_err(err, N_("The database file name is empty."));
	if (stat(db->path, &sb) == -1) {
		if (errno != ENOENT || !(flags & DB_CREATE) ||
		    (flags & DB_READ_ONLY))
			return open_err(err, N_("%s could not be opened (%s)."),
			    db->path, strerror(errno));
		if (open_create(db->path, err) == -1)
			return -1;
	} else if (!S_ISREG(sb.st_mode))
		return open_err(err, N_("%s is not a velkomst database."),
		    db->path);
	if (open_connect(db, flags, err) == -1 ||
	    open_sniff(db, err) == -1 ||
	    open_private(db->path, 0, err) == -1 ||
	    open_empty(db, flags, err) == -1 ||
	    open_check(db, version, err) == -1)
		return -1;
	return open_private_sides(db->path, err);
}

/* 1 if path with suffix exists. */
static int
open_exists(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p = xasprintf("%s%s", path, suffix);
	int		 there = stat(p, &sb) == 0;

	free(p);
	return there;
}

/*
 * Close a database that was refused, and take away the empty -wal and the
 * -shm that only our connection made, so the folder is left as it was.
 * An -wal with content is someone's writing and is never touched; the
 * -shm goes only with an empty -wal (no writer could be using it).
 */
static void
open_refused(struct db *db, int memory)
{
	struct stat	 sb;
	char		*wal, *shm;
	int		 had_wal = db->had_wal, had_shm = db->had_shm;

	wal = xasprintf("%s-wal", db->path);
	shm = xasprintf("%s-shm", db->path);
	db_close(db);
	if (!memory && !had_wal && stat(wal, &sb) == 0 && sb.st_size == 0 &&
	    unlink(wal) == 0 && !had_shm)
		unlink(shm);
	else if (!memory && !had_wal && !had_shm && stat(wal, &sb) == -1)
		unlink(shm);
	free(wal);
	free(shm);
}

/* Open, check and migrate the database at path. */
struct db *
db_open(const char *path, int flags, char **err)
{
	struct db	*db;
	long		 version = 0;
	int		 memory, rc;

	*err = NULL;
	db = xcalloc(1, sizeof *db);
	db->busy_ms = DB_BUSY_DEFAULT;
	db->path = path != NULL ? xstrdup(path) : db_default_path();
	if (db->path == NULL) {
		open_err(err, N_("No place for the database is known: HOME is "
		    "not set."));
		free(db);
		return NULL;
	}
	memory = strcmp(db->path, ":memory:") == 0;
	if (memory) {
		rc = sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOMUTEX, NULL);
		if (rc != SQLITE_OK)
			open_err(err, N_("%s could not be opened (%s)."),
			    db->path, sqlite3_errstr(rc));
		else
			sqlite3_extended_result_codes(db->h, 1);
	} else {
		db->had_wal = open_exists(db->path, "-wal");
		db->had_shm = open_exists(db->path, "-shm");
		open_file(db, flags, &version, err);
	}
	if (*err == NULL)
		open_setup(db, version, memory, err);
	if (*err != NULL) {
		open_refused(db, memory);
		return NULL;
	}
	return db;
}

/* Close the database and free db. */
void
db_close(struct db *db)
{
	size_t	 i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_STMT_CACHE && db->stmts[i].sql != NULL; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	db_words_forget(db);
	if (db->h != NULL) {
		if (db->batch || !sqlite3_get_autocommit(db->h))
			db_exec(db, "ROLLBACK");
		if (db->bulk)
			db_bulk_done(db);
		sqlite3_close(db->h);
	}
	free(db->errmsg);
	free(db->notice);
	free(db->path);
	free(db);
}

/* The last error as a sentence. */
const char *
db_errmsg(const struct db *db)
{
	return db->errmsg != NULL ? db->errmsg : "";
}

/* 1 if changes cannot be saved. */
int
db_readonly(const struct db *db)
{
	return db->readonly;
}

/* The file name the database was opened with. */
const char *
db_path(const struct db *db)
{
	return db->path;
}

/* $XDG_DATA_HOME/velkomst/velkomst.db or ~/.local/share/velkomst/... */
char *
db_default_path(void)
{
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct passwd	*pw;

	/* The XDG spec says to ignore a relative XDG_DATA_HOME. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/velkomst/velkomst.db", xdg);
	if (home == NULL || home[0] == '\0') {
		if ((pw = getpwuid(getuid())) == NULL || pw->pw_dir == NULL)
			return NULL;
		home = pw->pw_dir;
	}
	return xasprintf("%s/.local/share/velkomst/velkomst.db", home);
}

/* How long a writer waits for another's lock. */
void
db_set_busy_timeout(struct db *db, int ms)
{
	db->busy_ms = ms < 0 ? 0 : ms;
	sqlite3_busy_timeout(db->h, db->busy_ms);
}

/* Start a batch: the following changes share one transaction. */
enum db_status
db_batch_begin(struct db *db)
{
	enum db_status	 st;

	if (db->batch)
		return db_fail(db, DB_ERROR, N_("A batch of changes is already "
		    "open."));
	if ((st = db_write_begin(db)) == DB_OK)
		db->batch = 1;
	return st;
}

/* End a batch: commit it when ok, else roll it all back. */
enum db_status
db_batch_end(struct db *db, int ok)
{
	enum db_status	 st = DB_OK;
	int		 rc, bulk;

	if (!db->batch)
		return db_fail(db, DB_ERROR, N_("No batch of changes is open."));
	db->batch = 0;
	if ((bulk = db->bulk)) {
		/* The failed call's message stays. */
		if (db->bulk_failed && ok)
			st = DB_ERROR;
		ok = ok && !db->bulk_failed;
		if (ok && (st = db_bulk_indexes(db, 1)) != DB_OK)
			ok = 0;
		if (ok && (st = db_chain_flush(db)) != DB_OK)
			ok = 0;
		db->chain_held = 0;
		db->bulk = 0;
	}
	if (ok)
		st = db_write_end(db, DB_OK);
	else if ((rc = db_exec(db, "ROLLBACK")) != SQLITE_OK && st == DB_OK)
		st = db_sqlite_fail(db, rc);
	if (bulk)
		db_bulk_done(db);
	return st;
}

/* Begin a snapshot: a read transaction, started by a first read. */
enum db_status
db_snapshot_begin(struct db *db)
{
	int	rc;

	if (!sqlite3_get_autocommit(db->h))
		return db_fail(db, DB_ERROR, N_("A transaction is already "
		    "open."));
	if ((rc = db_exec(db, "BEGIN")) != SQLITE_OK ||
	    (rc = db_exec(db, "SELECT count(*) FROM sqlite_schema")) !=
	    SQLITE_OK) {
		if (!sqlite3_get_autocommit(db->h))
			db_exec(db, "ROLLBACK");
		return db_sqlite_fail(db, rc);
	}
	return DB_OK;
}

/* End a snapshot (it changed nothing). */
void
db_snapshot_end(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		db_exec(db, "ROLLBACK");
}

/* 1 if the database carries the demo mark. */
int
db_is_demo(struct db *db)
{
	sqlite3_stmt	*st;
	int		 demo = 0;

	st = db_stmt(db, "SELECT value = '1' FROM meta WHERE key = 'demo'");
	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		demo = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return demo;
}

/* 1 if there are no households (0 also when it cannot tell). */
int
db_is_empty(struct db *db)
{
	sqlite3_stmt	*st;
	int		 empty = 0;

	st = db_stmt(db, "SELECT NOT EXISTS (SELECT 1 FROM household)");
	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return empty;
}

/* Mark the database as a demo. */
enum db_status
db_mark_demo(struct db *db)
{
	sqlite3_stmt	*st;
	enum db_status	 s;
	int		 rc;

	if ((s = db_write_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('demo', '1')");
	if (st == NULL)
		s = DB_ERROR;
	else if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		s = db_sqlite_fail(db, rc);
	if (st != NULL)
		sqlite3_reset(st);
	return db_write_end(db, s);
}

/* Report each row of a check pragma that is not "ok"; count or -1. */
static int
db_check_rows(struct db *db, const char *sql, int fk,
    void (*report)(void *, const char *), void *ctx)
{
	sqlite3_stmt	*st;
	char		*line;
	int		 rc, n = 0;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK) {
		db_sqlite_fail(db, rc);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);

		if (!fk && a != NULL && strcmp(a, "ok") == 0)
			continue;
		if (fk)
			line = xasprintf(_("%s row %lld refers to a %s row "
			    "that does not exist."), a != NULL ? a : "?",
			    sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
		else
			line = xstrdup(a != NULL ? a : "?");
		if (report != NULL)
			report(ctx, line);
		free(line);
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_sqlite_fail(db, rc);
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

/* `velkomst check`: integrity and foreign key problems, the audit
 * trail's chain, stored text velkomst would refuse and households a
 * search would pass over (db-check.c), one line each. */
int
db_check(struct db *db, void (*report)(void *, const char *), void *ctx)
{
	return db_check_parts(db, report, NULL, ctx);
}

/* Say that part p of db_check begins, to whom wants to know. */
static void
db_check_say(void (*part)(void *, enum db_check_part), void *ctx,
    enum db_check_part p)
{
	if (part != NULL)
		part(ctx, p);
}

/* db_check, saying as each part begins (db.h). */
int
db_check_parts(struct db *db, void (*report)(void *, const char *),
    void (*part)(void *, enum db_check_part), void *ctx)
{
	int	 a, b, c, d;

	db_check_say(part, ctx, DB_CHECK_PAGES);
	if ((a = db_check_rows(db, "PRAGMA integrity_check", 0, report,
	    ctx)) == -1)
		return -1;
	db_check_say(part, ctx, DB_CHECK_LINKS);
	if ((b = db_check_rows(db, "PRAGMA foreign_key_check", 1, report,
	    ctx)) == -1)
		return -1;
	db_check_say(part, ctx, DB_CHECK_TRAIL);
	if ((c = db_chain_check(db, report, ctx)) == -1)
		return -1;
	db_check_say(part, ctx, DB_CHECK_TEXT);
	if ((d = db_check_text(db, report, ctx)) == -1)
		return -1;
	return a + b + c + d;
}

/* Where the file stands (db.h); a version of -1 when it could not be
 * read, which is never the same as another. */
void
db_stamp(struct db *db, struct db_stamp *s)
{
	sqlite3_stmt	*st;

	s->changes = sqlite3_total_changes64(db->h);
	s->version = -1;
	if ((st = db_stmt(db, "PRAGMA data_version")) == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		s->version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
}

/* 1 if nothing was written between stamps a and b. */
int
db_stamp_same(const struct db_stamp *a, const struct db_stamp *b)
{
	return a->version >= 0 && a->changes == b->changes &&
	    a->version == b->version;
}

/* 1 if nothing was written to the file since the stamp since. */
int
db_stamp_unchanged(struct db *db, const struct db_stamp *since)
{
	struct db_stamp	 now;

	db_stamp(db, &now);
	return db_stamp_same(since, &now);
}

/* Prepare sql; NULL with the message set on failure. */
sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK) {
		db_sqlite_fail(db, rc);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}
