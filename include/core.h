/*
 * core.h — the rules of velkomst as plain functions: no curses, no SQL, no
 * files.  Messages returned are English source strings marked with N_();
 * the caller translates them with _() when it shows them.
 */
#ifndef VELKOMST_CORE_H
#define VELKOMST_CORE_H

#include <stddef.h>

/* ---- checking what people type (core-check.c) ----------------------- */

/* Longest name, flat, phone, languages and notes we keep, in characters. */
#define CORE_NAME_MAX	80
#define CORE_FLAT_MAX	20
#define CORE_PHONE_MAX	30
#define CORE_LANG_MAX	120
#define CORE_NOTES_MAX	1000

/*
 * Each check returns NULL when the text is acceptable, or a sentence
 * saying what is wrong ("The name is empty.").  The text is UTF-8 as
 * typed; leading and trailing spaces are ignored by the checks.
 */
const char *core_check_name(const char *);	/* a member's name: required */
const char *core_check_flat(const char *);	/* "st. tv.", "2. th.", "3. 12" */
const char *core_check_phone(const char *);	/* empty, or digits, spaces, +, - */
const char *core_check_languages(const char *);	/* optional, comma-separated */
const char *core_check_notes(const char *);	/* optional, no CPR number */
/*
 * 1 if s contains something that looks like a Danish CPR number:
 * ddmmyy-xxxx or ddmmyyxxxx (ten digits) where ddmmyy is a real date.
 * Every Unicode decimal digit counts as a digit (full-width "０１",
 * Arabic-Indic, ...), and the text is read in NFKC, so full-width
 * separators count as their ASCII forms.
 */
int	 core_looks_like_cpr(const char *s);
/* Longest login, in bytes. */
#define CORE_LOGIN_MAX	32
/* A login: 1 to 32 of the letters a to z (any case), digits and . _ -
 * (not first), and nothing that looks like a CPR number. */
const char *core_check_login(const char *);
/*
 * A date as the data layer stores it: NULL for DATE_NONE or a day of the
 * years util_date_parse accepts (CORE_YEAR_MIN..CORE_YEAR_MAX, its
 * DATE_RANGE), else the sentence of util_date_errstr(DATE_RANGE).
 */
#define CORE_YEAR_MIN	1900
#define CORE_YEAR_MAX	2199
const char *core_check_date_range(long day);
/* 1 if s has a control character (other than none) or a bidi override /
 * isolate character (U+202A..U+202E, U+2066..U+2069). */
int	 core_has_forbidden_chars(const char *s);

/*
 * The text as it is stored: NFC, leading/trailing white space removed,
 * runs of inner white space made one space.  Returns a new string
 * (xmalloc'd), or NULL if s is not valid UTF-8.
 */
char	*core_clean_text(const char *s);
/*
 * Clean one optional text as it is stored (every db-*.c, and the import): refuse
 * control and bidi characters and bad UTF-8, clean it (core_clean_text),
 * then run check (may be NULL) on the cleaned text.  *out gets a new
 * string, or NULL when s is NULL or cleans to "".  NULL when fine, else
 * the sentence (N_()) of what is wrong.
 */
const char *core_clean_field(const char *s,
	    const char *(*check)(const char *), char **out);

/* ---- household status (core-household.c) ----------------------------- */

/*
 * Where a household stands.  The first four are its welcome state (kept
 * with the household, from its visits); HS_MOVED_OUT overrides them all
 * from the day it moves out.
 */
enum household_status {
	HS_AWAITING,		/* moved in, not yet welcomed (may have had
				   not-home attempts) */
	HS_PARTLY,		/* visited, some checklist items later */
	HS_WELCOMED,		/* welcomed: every item done or not relevant */
	HS_DECLINED,		/* does not want a visit: no more attempts */
	HS_MOVED_OUT
};
/* Status from the facts: the welcome state (HS_AWAITING .. HS_DECLINED),
 * and moved_out (DATE_NONE while living there). */
enum household_status core_household_status(long moved_out,
	    enum household_status state, long today);
/* "awaiting", "partly", "welcomed", "declined", "moved_out": the stable
 * names used in tsv and stored in the database. */
const char *core_status_name(enum household_status);
/* The status named (as core_status_name gives it); -1 if none. */
int	 core_status_parse(const char *, enum household_status *);
/* A word for the screen (NC_(), for C_()). */
const char *core_status_label(enum household_status);
/* The index of s among the stable names names[0..n), or -1 (also for
 * NULL): what every *_parse function of core is made of. */
int	 core_name_index(const char *const *names, size_t n, const char *s);
/*
 * Check the dates of a household: moved_in required, not more than a year
 * after today; moved_out (or DATE_NONE) not before moved_in.  NULL if fine.
 */
const char *core_check_move_dates(long moved_in, long moved_out, long today);

/* ---- welcome visits (core-visit.c) ------------------------------------- */

enum visit_outcome {
	VO_WELCOMED,		/* every item done or not relevant */
	VO_PARTLY,		/* some items later: a follow-up date */
	VO_NOT_HOME,		/* nobody opened: a retry date */
	VO_DECLINED		/* they do not want a visit */
};
/* "welcomed", "partly", "not_home", "declined" (tsv and database). */
const char *core_outcome_name(enum visit_outcome);
int	 core_outcome_parse(const char *, enum visit_outcome *);
/* A word for the screen (English source, for _()): "not home". */
const char *core_outcome_label(enum visit_outcome);

enum item_state {
	IS_UNSET,		/* not gone through yet */
	IS_DONE,
	IS_NOT_RELEVANT,
	IS_LATER
};
/* "unset", "done", "not_relevant", "later" (database). */
const char *core_item_state_name(enum item_state);
int	 core_item_state_parse(const char *, enum item_state *);
/* A word for the screen (English source, for _()): "not relevant". */
const char *core_item_state_label(enum item_state);

/*
 * The outcome a checklist at the door gives: every item done or not
 * relevant is VO_WELCOMED, any later is VO_PARTLY.  Returns 0, or -1 when
 * an item is still unset or there are no items (then *out is untouched).
 */
int	 core_checklist_outcome(const enum item_state *, size_t n,
	    enum visit_outcome *out);

/* One visit as the rules see it. */
struct visit_fact {
	long			 date;
	enum visit_outcome	 outcome;
	long			 next_date;	/* retry / follow-up, or DATE_NONE */
	int			 referral;	/* an item was passed to the
						   secretariat */
	int			 handled;	/* the secretariat had already
						   dealt with it: no flag */
	int			 noted;		/* the visit has notes */
};

/* Why a household needs the secretariat (a bit mask). */
#define FLAG_ATTEMPTS	0x1	/* not home max_attempts times or more */
#define FLAG_REFERRAL	0x2	/* an item was passed to the secretariat */
#define FLAG_NOT_REACHED 0x4	/* not reached in time (core_not_reached):
				   a matter of the day, worked out when a
				   list is read, never stored */
#define FLAG_DECLINED	0x8	/* the deciding visit was declined, and the
				   ambassador wrote a note with it */
#define FLAG_ALL	(FLAG_ATTEMPTS | FLAG_REFERRAL | FLAG_NOT_REACHED | \
			    FLAG_DECLINED)

/* What a household's visits add up to. */
struct welcome_state {
	enum household_status	 state;		/* HS_AWAITING .. HS_DECLINED */
	int			 attempts;	/* not-home visits since the last
						   visit someone opened for */
	long			 next_date;	/* the retry or follow-up date of
						   the newest visit, or DATE_NONE */
	long			 last_visit;	/* date, or DATE_NONE */
	int			 flags;		/* FLAG_* */
};
/*
 * Add up visits v[0..n) (any order: they are taken by date, then as
 * given) into *out.  The newest visit that was not a not-home visit
 * decides the state (welcomed, partly or declined); with none, the
 * household awaits.  Not-home visits after that visit count as attempts.
 * Flags: FLAG_ATTEMPTS when attempts >= max_attempts while awaiting or
 * partly; FLAG_REFERRAL when a visit has a referral; FLAG_DECLINED when
 * the deciding visit was declined and has notes.  Visits marked
 * handled, and visits dated on or before handled_on (or DATE_NONE for
 * none), raise no flag.
 */
void	 core_welcome_state(const struct visit_fact *v, size_t n,
	    int max_attempts, long handled_on, struct welcome_state *out);

/*
 * Days a household is overdue: a household awaiting a welcome (awaiting
 * or partly, not moved out) whose move-in is more than deadline days
 * before today.  Returns today - moved_in - deadline when that is > 0,
 * else 0.
 */
long	 core_overdue_days(long moved_in, long moved_out,
	    enum household_status state, long today, int deadline);
/* 1 if a household belongs in a queue today: moved in by today (not
 * registered ahead), awaiting or partly, not moved out, and no
 * retry/follow-up date after today. */
int	 core_visit_due(long moved_in, long moved_out,
	    enum household_status state, long next_date, long today);
/*
 * The stale rule (visits.stale_days): 1 if a household awaiting its
 * welcome is overdue by more than stale_days days, core_overdue_days()
 * > stale_days.  It is too late for a welcome "right at move-in": it
 * leaves the queue.  stale_days <= 0: never.
 */
int	 core_visit_stale(long moved_in, long moved_out,
	    enum household_status state, long today, int deadline,
	    int stale_days);
/*
 * 1 if a household was not reached in time and the secretariat should
 * follow it up: core_visit_stale(), and not dealt with (handled_on, or
 * DATE_NONE) on or after the first day it was stale.
 */
int	 core_not_reached(long moved_in, long moved_out,
	    enum household_status state, long handled_on, long today,
	    int deadline, int stale_days);
/*
 * Why a household needs the secretariat, in a few words for a list: a
 * printf format (N_(), for _()) for flags (FLAG_*) that takes the
 * not-home attempts as its one int argument, like "not home %d×,
 * referral" or "not reached in time".  "" for no flag.
 */
const char *core_flags_reason(int flags);

/*
 * The reasons a household needs the secretariat, one at a time, for the
 * desk's filter: reasons[0] is every reason (FLAG_ALL), then each FLAG_*
 * alone.  core_reason_flag(i) is the mask of reason i (i modulo
 * CORE_NREASONS); core_reason_label(i) its words (N_(), for _()).
 */
#define CORE_NREASONS	5
int	 core_reason_flag(int i);
const char *core_reason_label(int i);

/* ---- follow-ups by the secretariat (core-followup.c) ------------------ */

/* What the secretariat did. */
enum followup_action {
	FA_LETTER,		/* letter sent */
	FA_PHONE,		/* phone call */
	FA_VISIT,		/* visited by the secretariat */
	FA_ESTATE_OFFICE,	/* passed to the estate office */
	FA_OTHER,
	NFOLLOWUP_ACTION
};
/* Whether a follow-up closes the case, and how. */
enum followup_close {
	FC_NONE,		/* stays open */
	FC_REACHED,
	FC_UNREACHABLE,		/* not to be reached */
	FC_MOVED_OUT,
	NFOLLOWUP_CLOSE
};
/* "letter", "phone", "visit", "estate_office", "other" (database, tsv);
 * _parse gives 0, or -1 when s names none; _label words for _() (N_()). */
const char *core_followup_action_name(enum followup_action);
int	 core_followup_action_parse(const char *s, enum followup_action *);
const char *core_followup_action_label(enum followup_action);
/* "" (not closed), "reached", "unreachable", "moved_out"; likewise. */
const char *core_followup_close_name(enum followup_close);
int	 core_followup_close_parse(const char *s, enum followup_close *);
const char *core_followup_close_label(enum followup_close);
/*
 * Check the date of a follow-up: required, not after today, not before
 * the household moved in (moved_in DATE_NONE: no bound).  NULL if fine,
 * else a sentence (N_()).
 */
const char *core_check_followup_date(long date, long moved_in, long today);
/* ---- consent per purpose (core-consent.c) ------------------------------ */

/* What a household consents to, one purpose at a time. */
enum consent_purpose {
	CP_VISIT,		/* the welcome visit itself: its notes */
	CP_PHONE,		/* contact by phone: phone and languages */
	CP_FOLLOWUP,		/* follow-up by the secretariat: its notes */
	CP_STORY,		/* a success story (website, Facebook) */
	NCONSENT_PURPOSE
};
/* How the consent was given. */
enum consent_how {
	CH_DOOR,		/* at the door */
	CH_PAPER,		/* on paper */
	CH_PHONE,		/* by phone */
	NCONSENT_HOW
};
/* "visit", "phone", "followup", "story" (database, command line);
 * _parse gives 0, or -1 when s names none; _label the purpose's name
 * for a screen ("contact by phone"), _title a short heading ("Phone
 * and languages"), both N_() for _(). */
const char *core_consent_purpose_name(enum consent_purpose);
int	 core_consent_purpose_parse(const char *s, enum consent_purpose *);
const char *core_consent_purpose_label(enum consent_purpose);
const char *core_consent_purpose_title(enum consent_purpose);
/* "door", "paper", "phone"; likewise ("at the door"). */
const char *core_consent_how_name(enum consent_how);
int	 core_consent_how_parse(const char *s, enum consent_how *);
const char *core_consent_how_label(enum consent_how);

/* What withdrawing a consent removes (or would remove): counts of
 * what was there, never the content. */
struct consent_removed {
	enum consent_purpose purpose;
	int	 phone;		/* CP_PHONE: a phone number */
	int	 languages;	/* CP_PHONE: languages (listed or other) */
	long	 visit_notes;	/* CP_VISIT: visits with a note */
	long	 item_notes;	/* CP_VISIT: checklist items with a note */
	long	 followup_notes;	/* CP_FOLLOWUP: follow-ups with a note */
	long	 stories;	/* CP_STORY: visits marked as a story */
};
/* What r counts, translated, as a list ("the phone number, the notes
 * of 2 visits"), or NULL when it counts nothing.  New string. */
char	*core_consent_removed_text(const struct consent_removed *r);

/* The audit trail's kinds of record (core-audit.c): "household 12" (or
 * "household" for record 0) in the user's language, a new string; the
 * stable table name a typed word names, or NULL. */
char		*core_audit_record(const char *table, long record);
const char	*core_audit_table_named(const char *word);
/*
 * Check the day a consent was given: required, not after today.  NULL
 * if fine, else a sentence (N_()).
 */
const char *core_check_consent_date(long on, long today);

/* The retry date proposed after a not-home visit on date. */
long	 core_retry_date(long date, int retry_days);

/* A move-in registered within this many days of another household's
 * in the same flat, which has not moved out, may be a duplicate. */
#define CORE_DUPLICATE_DAYS	30

/*
 * Checks, NULL when fine, else a sentence (N_()):
 * the visit's date: not before the move-in, not after today, not for a
 * household that had moved out by then; a retry or follow-up date: not
 * before today and not before the visit.
 */
const char *core_check_visit_date(long date, long moved_in, long moved_out,
	    long today);
const char *core_check_next_date(long next_date, long visit_date, long today);

/* ---- ambassadors and the recruitment goal (core-goal.c) ---------------- */

enum amb_status {
	AS_ACTIVE,
	AS_PAUSED,		/* still an ambassador, not visiting now */
	AS_STOPPED
};
/* "active", "paused", "stopped" (tsv and database). */
const char *core_amb_status_name(enum amb_status);
int	 core_amb_status_parse(const char *, enum amb_status *);
const char *core_amb_status_label(enum amb_status);	/* for _() */

enum amb_reason {
	AR_NONE,		/* only with active and paused */
	AR_MOVED_AWAY,
	AR_NO_TIME,
	AR_OTHER
};
/* "", "moved_away", "no_time", "other" (database). */
const char *core_amb_reason_name(enum amb_reason);
int	 core_amb_reason_parse(const char *, enum amb_reason *);
const char *core_amb_reason_label(enum amb_reason);	/* for _() */

/* One change of an ambassador's status. */
struct amb_change {
	long		 date;
	enum amb_status	 status;
	enum amb_reason	 reason;	/* AR_NONE unless stopped */
};

/* An ambassador as the goal arithmetic sees it. */
struct amb_fact {
	long			 recruited_on;	/* becomes active that day */
	const struct amb_change	*history;	/* any order */
	size_t			 nhistory;
};

/*
 * The status of an ambassador on day: active from recruited_on, then as
 * the newest change on or before day says (changes taken by date, equal
 * dates in the given order).  Returns 0, or -1 when day is before
 * recruited_on (not an ambassador yet).
 */
int	 core_amb_status_on(const struct amb_fact *, long day,
	    enum amb_status *out);

/* Checks, NULL when fine, else a sentence (N_()): the recruitment date
 * (required, not after today); a new status change (date required, not
 * after today, not before recruited_on nor before the newest change; a
 * reason exactly when stopping; not the status it already has). */
const char *core_check_recruited(long recruited_on, long today);
const char *core_check_amb_change(const struct amb_fact *,
	    const struct amb_change *change, long today);

#define GOAL_YEARS	32

/* One year of the agreement period: 12 months from the period's start
 * (the last one ends with the period). */
struct goal_year {
	long	from, to;
	int	recruited;	/* recruited in the year */
	int	stopped;	/* ambassadors who stopped in the year */
	int	cumulative;	/* recruited in the period up to the year's end */
	int	active_at_end;	/* active on the year's last day, or on today
				   for the year now running; -1 for a year
				   that has not begun */
};

struct goal_report {
	int		 goal;
	long		 from, to;
	int		 recruited;	/* in the period, up to today */
	int		 active;	/* active today, in or outside the period */
	int		 outside;	/* of those, recruited outside the period */
	int		 pace;		/* should have been recruited by today
					   to meet the goal evenly (rounded
					   down); goal after the period */
	int		 ahead;		/* recruited - pace: < 0 is behind */
	struct goal_year years[GOAL_YEARS];
	size_t		 nyears;
};
/*
 * Work out the goal from ambassadors a[0..n): the period's from..to,
 * the goal, today.  Recruited counts ambassadors recruited in the
 * period on or before today.  Pace is goal * (days of the period up to
 * today) / (days of the period), rounded down: 0 before it starts, the
 * goal after it ends.
 */
void	 core_goal(const struct amb_fact *a, size_t n, int goal, long from,
	    long to, long today, struct goal_report *out);

/*
 * What should have been reached by day to reach target evenly over
 * from..to: target * (days from from to day, both counted) / (days of
 * from..to), rounded down; 0 before from, target from to on.  The pace
 * of the goal (core_goal) and of the success criteria.
 */
long	 core_pace(long target, long from, long to, long day);

/* ---- the activity's success criteria (core-criteria.c) ------------------ */

/*
 * The agreement names what the activity is judged by ("Din afdeling -
 * din tryghed": ambassadors recruited, a film seen, success stories
 * liked, a story in the local paper).  The configuration says what each
 * criterion asks (cfg.h, "criteria"); the secretariat records the film,
 * the stories and the press story (db-criteria.c); these rules say what
 * each criterion has reached in a year, and whether that is enough.
 */
enum crit_kind {
	CK_AMBASSADORS,		/* ambassadors recruited (as core_goal
				   counts them) */
	CK_FILM,		/* films with at least min_count views */
	CK_STORIES,		/* success stories with at least min_count
				   likes, on the channels that count */
	CK_PRESS		/* stories in the local paper */
};
#define NCRIT_KIND	4
/* "ambassadors", "film", "stories", "press" (configuration, tsv). */
const char *core_crit_kind_name(enum crit_kind);
int	 core_crit_kind_parse(const char *, enum crit_kind *);

/* What the secretariat records (one table, by kind). */
enum crit_record_kind {
	CR_FILM,		/* a film: title, channel, date, views */
	CR_STORY,		/* a success story: title, channel, date,
				   likes */
	CR_PRESS		/* a story in the local paper: title, paper,
				   date */
};
#define NCRIT_RECORD	3
/* "film", "story", "press" (database, tsv); words for the screen. */
const char *core_crit_record_name(enum crit_record_kind);
int	 core_crit_record_parse(const char *, enum crit_record_kind *);
const char *core_crit_record_label(enum crit_record_kind);
/* The kind of record a criterion counts; -1 for CK_AMBASSADORS. */
int	 core_crit_record_of(enum crit_kind);

/* Where a film or a story was shown. */
enum crit_channel {
	CH_WEBSITE,
	CH_FACEBOOK,
	CH_OTHER
};
#define NCRIT_CHANNEL	3
/* "website", "facebook", "other" (configuration, database, tsv). */
const char *core_crit_channel_name(enum crit_channel);
int	 core_crit_channel_parse(const char *, enum crit_channel *);
const char *core_crit_channel_label(enum crit_channel);	/* for _() */

enum crit_status {
	CS_MET,			/* achieved >= target */
	CS_ON_TRACK,		/* still running, achieved >= the pace */
	CS_BEHIND,		/* otherwise */
	CS_NONE			/* the criterion asks nothing of the year */
};
#define NCRIT_STATUS	4
/* "met", "on_track", "behind", "none" (tsv); words for the screen. */
const char *core_crit_status_name(enum crit_status);
const char *core_crit_status_label(enum crit_status);

#define CRIT_YEARS_MAX	16	/* years one criterion may name */
#define CRIT_TARGET_MAX	10000
#define CRIT_COUNT_MAX	1000000000L	/* views or likes */

/*
 * One criterion: over a period (from..to, both days counted; the target
 * is for the whole period), or per calendar year (years[0..nyears): the
 * target is for each of those years; then from and to are DATE_NONE).
 */
struct criterion {
	enum crit_kind	 kind;
	int		 target;	/* 1..CRIT_TARGET_MAX */
	long		 from, to;	/* a period, or DATE_NONE */
	int		 years[CRIT_YEARS_MAX];
	size_t		 nyears;
	long		 min_count;	/* film: views, stories: likes, each at
					   least; 0 for the others */
	int		 channels;	/* film and stories: the channels that
					   count, a mask of 1 << enum
					   crit_channel; 0: every channel */
};

/* A record as the rules see it. */
struct crit_fact {
	enum crit_record_kind	 kind;
	long			 date;
	long			 count;		/* the latest views or likes,
						   -1 when none are recorded */
	enum crit_channel	 channel;	/* film and story */
};

/* What a criterion reached in a year. */
struct crit_result {
	enum crit_status status;
	long		 from, to;	/* what the year looks at: the period,
					   or the year itself; DATE_NONE
					   with CS_NONE */
	long		 upto;		/* counted up to this day: the year's
					   last day, or today when that is
					   sooner (before the year has begun:
					   today) */
	long		 achieved;
	long		 pace;		/* due by upto at an even pace
					   (core_pace; core_goal's pace for
					   ambassadors) */
};

/*
 * What criterion c has reached in calendar year year, on today.  A
 * period criterion looks at its period when the period and the year
 * share a day; a yearly one at the year when it is one of its years;
 * otherwise the status is CS_NONE.  Achieved counts, in from..min(to,
 * upto): ambassadors recruited (core_goal on the ambassadors a[0..na),
 * with the period as its period and upto as its today), films with the
 * latest views >= min_count, stories with the latest likes >= min_count
 * (on the channels that count), press stories; each record by its date.
 * Status: CS_MET when achieved >= target; else CS_ON_TRACK when upto is
 * before to and achieved >= pace; else CS_BEHIND.
 */
void	 core_criterion(const struct criterion *c, const struct crit_fact *f,
	    size_t n, const struct amb_fact *a, size_t na, int year,
	    long today, struct crit_result *out);

/*
 * Checks of a record as the secretariat types it, NULL when fine, else a
 * sentence (N_()): the date (required, not after today); the count (-1
 * for none, else 0..CRIT_COUNT_MAX) and the day it was counted (required
 * with a count, not before the record's date, not after today).
 */
const char *core_check_crit_date(long date, long today);
const char *core_check_crit_count(long count, long counted_on, long date,
	    long today);
/* A title (a film's, a story's) or a paper's name, as typed: required,
 * at most CRIT_TITLE_MAX characters, no control characters, no CPR
 * number.  NULL when fine. */
#define CRIT_TITLE_MAX	200
const char *core_check_crit_title(const char *);
const char *core_check_crit_paper(const char *);
/* A count as typed ("2,000", "2.000" and "2 000" are 2000): 0 with
 * *out set, or -1 when s is not a whole number of 0..CRIT_COUNT_MAX.
 * Empty is -1 with *out = -1. */
int	 core_crit_count_parse(const char *s, long *out);

/* ---- search and sort keys (core-key.c) -------------------------------- */

/*
 * The search key of a text: NFC, case-folded, combining marks removed,
 * then æ→ae, ø→oe, å→aa, ß→ss (so "Søren" and "SØREN" give "soeren",
 * "Åse" gives "aase").  Other scripts are kept, case-folded.  This is what
 * a typed search text is turned into.  New string.
 */
char	*core_search_key(const char *);
/*
 * The words of a name for word-start search: split at spaces and hyphens;
 * each word gives its search key and, where different, a plain key with
 * ø→o and å→a (so typing "soren" finds "Søren" and "aa" finds "Åse").
 * Returns the count of distinct keys; *words gets an xmalloc'd array of
 * xmalloc'd strings (free with core_words_free).
 */
size_t	 core_name_words(const char *name, char ***words);
/*
 * The words of a typed search text: split like core_name_words, each word
 * its search key only (no plain variant).  Distinct, in typed order; free
 * with core_words_free.
 */
size_t	 core_search_words(const char *text, char ***words);
void	 core_words_free(char **, size_t);
/* ASCII text has its keys and words made without ICU (the same result,
 * and a command such as `households --search soren` loads no ICU); tests
 * set this to 0 to compare with ICU's way. */
extern int	 core_key_ascii_shortcut;
/*
 * Which member of a household a search found: names are the members
 * joined by "; ", words the search's (core_search_words).  The index of
 * the first member with a word starting with every search word; else of
 * the one that matches the most of them (the first of equals); 0 when
 * there are no words or none matches.
 */
size_t	 core_names_match(const char *names, char *const *words,
	    size_t nwords);
/*
 * The upper bound for a prefix range query: the smallest string greater
 * than every string that starts with prefix (prefix with its last byte
 * raised).  New string; NULL when prefix is empty.
 */
char	*core_prefix_next(const char *prefix);
/*
 * A household's initials: one bit for each first letter of its search
 * keys, bit 0 for 'a' to bit 25 for 'z', bit 26 for any other first byte
 * (a digit, another script, an empty key).  Every word a search word is
 * a prefix of has that word's first byte, so a household can match a
 * search only if its initials hold every search word's bit: a page that
 * walks the register skips the others before it looks up their words.
 * The bit of one key (or of a typed search word); db-private.h says
 * the same in SQL (DB_INITIAL).
 */
#define CORE_INITIAL_OTHER	26
unsigned long	 core_key_initial(const char *key);
/*
 * The Danish sort key (ICU collation for "da", so … x y z æ ø å and "Aa"
 * as Å), written as lowercase hex so that it compares with strcmp and
 * SQLite's BINARY collation in the same order.  New string.
 * core_key_done() frees ICU's collator (call it once at exit).
 */
char	*core_sort_key(const char *);
void	 core_key_done(void);

/* ---- languages spoken (core-language.c) -------------------------------- */

/*
 * The languages people speak, by ISO 639 code ("ar", "so", "kmr"), with
 * their names from ICU's locale data.  Stored as a list of codes joined
 * by "," ("ar,so"), never as names.  The table is read from ICU the first
 * time it is asked for; core_lang_done() frees it.
 */
#define CORE_LANG_CODES_MAX	20	/* languages one person may have */
enum lang_name {
	LANG_DANISH,		/* "arabisk" (the English one if ICU has none) */
	LANG_ENGLISH,		/* "Arabic" */
	LANG_OWN,		/* "العربية" (NULL if ICU has none) */
	LANG_NNAMES
};
/* How many languages there are; the code of language i (0 ..). */
size_t	 core_lang_count(void);
const char *core_lang_code(size_t i);
/* The index of a code, or -1 when it is not one of the languages. */
int	 core_lang_index(const char *code);
/* 1 if core_lang_index(code) would find it, without reading every
 * language's names from ICU (the configuration's check). */
int	 core_lang_known(const char *code);
/* One name of language i (not owned; NULL for an own name ICU lacks). */
const char *core_lang_name(size_t i, enum lang_name);
/* The name of code for a screen in the language ui ("da": the Danish
 * name, else the English one); the code itself when it is unknown. */
const char *core_lang_label(const char *code, const char *ui);
/* 1 if every word (core_search_words of a typed text) starts a word of
 * one of language i's three names, or its code. */
int	 core_lang_match(size_t i, char *const *words, size_t nwords);
/* The code of the language a whole text names: one of its three names
 * or its code, compared by search key ("Somali", "somalisk", "Soomaali",
 * "SO" give "so"); NULL for none. */
const char *core_lang_map(const char *text);
/* Free text (comma-separated) split into *codes, the codes of the parts
 * core_lang_map knows ("ar,so", each once), and *other, the parts it does
 * not, cleaned and joined by ", ".  Each is a new string, or NULL when
 * it would be empty. */
void	 core_lang_split(const char *text, char **codes, char **other);
/* 1 if a list of codes ("ar,so"; NULL is empty) has code. */
int	 core_lang_has(const char *codes, const char *code);
/* A stored list of codes: NULL (also for NULL or "") when every code is
 * a language, none twice, at most CORE_LANG_CODES_MAX; else a sentence. */
const char *core_check_lang_codes(const char *codes);
/* The names of a list of codes for a screen in ui, joined by ", " (a new
 * string, "" for NULL). */
char	*core_lang_names(const char *codes, const char *ui);
/* Every language's index into order (core_lang_count() of them): the
 * known codes of first[0..nfirst) in that order, then the rest by their
 * name in ui, in Danish order.  Returns the count. */
size_t	 core_lang_order(const char *const *first, size_t nfirst,
	    const char *ui, size_t *order);
void	 core_lang_done(void);

/* ---- accounts: roles and what each may do (core-access.c) ------------- */

/* Roles, weakest first.  ROLE_NONE (a zeroed struct who) may do nothing. */
enum role {
	ROLE_NONE = 0,
	ROLE_AMBASSADOR,	/* the households of its own departments */
	ROLE_SECRETARIAT,	/* every department, ambassadors, goal, audit */
	ROLE_ADMIN		/* accounts, and all the secretariat may */
};
const char *core_role_name(enum role);		/* "ambassador" (the key) */
int	 core_role_parse(const char *, enum role *);	/* 0 ok, -1 not a role */
const char *core_role_label(enum role);		/* for _() */

/* What may be done; the data layer asks core_may() before each. */
enum access {
	ACCESS_HOUSEHOLDS,	/* read and change households, run visits
				   (an ambassador: of its departments only) */
	ACCESS_ALL_DEPARTMENTS,	/* households of every department */
	ACCESS_HANDLED,		/* mark a household as dealt with */
	ACCESS_DELETE,		/* delete a household registered by mistake */
	ACCESS_AMBASSADORS,	/* read the ambassador register (an
				   ambassador: of its departments, no contact
				   details but its own) */
	ACCESS_AMBASSADORS_EDIT,	/* recruit, change, change status */
	ACCESS_GOAL,		/* goal and coverage */
	ACCESS_AUDIT,		/* read the audit trail */
	ACCESS_UNLOCK,		/* read the accounts, lift an ambassador
				   account's lock */
	ACCESS_ACCOUNTS,	/* add, disable, enable, reset and unlock
				   every account */
	ACCESS_EXPORT,		/* lists of personal data out of velkomst */
	ACCESS_AMBASSADOR_ACCOUNTS,	/* add, disable, enable, reset and
				   unlock ambassadors' accounts */
	ACCESS_BACKUP,		/* make a backup of the database */
	ACCESS_RESTORE		/* replace the database with a backup */
};
/* 1 if role may do what, else 0. */
int	 core_may(enum role, enum access what);

/* What may be done to an account (core_may_account). */
enum account_op {
	ACCOUNT_ADD,
	ACCOUNT_DISABLE,
	ACCOUNT_ENABLE,
	ACCOUNT_RESET,		/* a new PIN or password */
	ACCOUNT_UNLOCK
};
/*
 * 1 if role r may do op to an account of role target: an admin to every
 * account; the secretariat to ambassadors' accounts only (admin and
 * secretariat accounts stay with admins).  Whether one may disable one's
 * own account is not this rule's (nobody may).
 */
int	 core_may_account(enum role r, enum account_op op, enum role target);
/* Why role r may not do op to an account of role target: a sentence
 * (N_()), or NULL when it may. */
const char *core_account_refusal(enum role r, enum account_op op,
	    enum role target);

/* ---- secrets and lockout (core-secret.c) --------------------------------- */

/* The cost of a password hash (accounts.hash_cost): Argon2id parameters. */
enum secret_cost {
	COST_MINIMUM,		/* for tests only: fast and weak */
	COST_INTERACTIVE,	/* libsodium's interactive limits (default) */
	COST_MODERATE		/* libsodium's moderate limits (256 MiB) */
};
/* Bytes a hash string takes, with its NUL (crypto_pwhash_STRBYTES). */
#define CORE_HASH_SIZE	128
/*
 * NULL if secret may be the secret of an account of that role, else the
 * sentence (N_()) of what is wrong: an ambassador's PIN is 4 to 8 digits,
 * the secretariat's and admin's password at least 10 characters.
 */
const char *core_check_secret(enum role, const char *secret);
/* Hash secret with Argon2id at cost into out (CORE_HASH_SIZE bytes).
 * 0, or -1 when out of memory. */
int	 core_secret_hash(const char *secret, enum secret_cost,
	    char out[CORE_HASH_SIZE]);
/* 1 if secret matches hash, else 0 (also for a malformed hash). */
int	 core_secret_verify(const char *hash, const char *secret);
/* 1 if hash was made at a lower cost than cost asks (rehash on login). */
int	 core_secret_needs_rehash(const char *hash, enum secret_cost);
/* Wipe a buffer that held a secret (not optimised away). */
void	 core_secret_wipe(void *, size_t);

/*
 * The audit trail's chain: each row's hash is BLAKE2b (libsodium's
 * crypto_generichash) of the hash before it and the row's fields, so a
 * row removed, changed or put in between no longer fits.  A field is
 * its bytes (s, len), or s NULL for SQL NULL.
 */
#define CORE_CHAIN_BYTES	32
#define CORE_CHAIN_HEX		(2 * CORE_CHAIN_BYTES + 1)	/* with NUL */
struct core_chain_field {
	const char	*s;
	size_t		 len;
};
void	 core_chain_hash(const unsigned char prev[CORE_CHAIN_BYTES],
	    const struct core_chain_field *, size_t n,
	    unsigned char out[CORE_CHAIN_BYTES]);
/* h as lowercase hex into out; returns out. */
char	*core_chain_hex(const unsigned char h[CORE_CHAIN_BYTES],
	    char out[CORE_CHAIN_HEX]);
/* The hash written as hex in s (len bytes) into h: 0, or -1 when s is
 * not one. */
int	 core_chain_unhex(const char *s, size_t len,
	    unsigned char h[CORE_CHAIN_BYTES]);

/* The lockout rule (accounts.max_attempts, accounts.lock_minutes). */
struct lockout {
	int	 max_failures;	/* wrong secrets in a row that lock, 1..100 */
	long	 lock_seconds;	/* how long the lock lasts */
};
/* 1 if an account with locked_until (seconds since the epoch, 0: never
 * locked) is locked at now. */
int	 core_locked(long long locked_until, long long now);
/*
 * After a wrong secret: *failures is raised; when it reaches
 * max_failures the account locks: *locked_until = now + lock_seconds and
 * *failures starts again at 0.  Returns 1 if this failure locked it.
 * A wrong secret while locked changes nothing (returns 0).
 */
int	 core_lockout_fail(const struct lockout *, int *failures,
	    long long *locked_until, long long now);

/* ---- notes that drift into sensitive data (core-sensitive.c) ---------- */

/*
 * What a note may say that it must not: the special categories of data a
 * welcome note has no need of, and a CPR number.  The words come from
 * list files (share/velkomst/sensitive/da.txt, en.txt; the configuration's
 * sensitive_words), read by cfg.c and parsed here:
 *
 *	# a comment (to the end of the line)
 *	[health]		a section: health, religion, ethnicity
 *	syg*			or criminal; the words under it are its
 *	*sygdom*		one word a line: "word" matches that whole
 *	kristen			word, "word*" a word that starts with it,
 *				"*word" one that ends with it, "*word*" one
 *				that holds it
 *
 * Words are compared by their search keys (core_search_key: case, accents
 * and the spellings of æ ø å do not matter).  Every list is checked
 * whatever language the screen speaks.
 */
enum sensitive_kind {
	SENSITIVE_NONE,
	SENSITIVE_HEALTH,
	SENSITIVE_RELIGION,
	SENSITIVE_ETHNICITY,
	SENSITIVE_CRIMINAL,
	SENSITIVE_CPR		/* core_looks_like_cpr */
};
struct sensitive_words;		/* the words of every list read */

/* A new, empty set of words (only a CPR number is found with it). */
struct sensitive_words *core_sensitive_new(void);
void	 core_sensitive_free(struct sensitive_words *);
/*
 * Add the words of one list file's text (NUL-terminated UTF-8).  NULL
 * when it is read, else an N_() sentence of what is wrong with line
 * *line (from 1); the words before that line are kept.
 */
const char *core_sensitive_add(struct sensitive_words *, const char *text,
	    size_t *line);
/* How many words (and word parts) the set holds. */
size_t	 core_sensitive_count(const struct sensitive_words *);
/*
 * What note may say: SENSITIVE_CPR if it holds what looks like a CPR
 * number, else the kind of the first of its words (in the note's order)
 * that a list names, else SENSITIVE_NONE.  words may be NULL (the CPR
 * check only).  When word is not NULL, *word gets that word as the note
 * has it (a new string), or NULL.
 */
enum sensitive_kind core_sensitive_check(const struct sensitive_words *,
	    const char *note, char **word);
/*
 * The sentence saying why a note was stopped (N_(), for _()): with one
 * %s for the word, except for SENSITIVE_CPR.  NULL for SENSITIVE_NONE.
 */
const char *core_sensitive_reason(enum sensitive_kind);
/* The rule that goes with it (N_()): what notes must not hold, and that
 * concerns go to the secretariat. */
const char *core_sensitive_rule(void);
/* The section name of a kind in a list file ("health"), or NULL. */
const char *core_sensitive_section(enum sensitive_kind);

/* ---- how long personal data is kept (core-retention.c) ---------------- */

/*
 * The retention rules of the configuration ("retention"): how many days
 * personal data is kept after its purpose ended.  0 turns a rule off
 * (nothing is ever due by it).
 */
struct retention {
	int	 after_welcome_days;	/* after the last visit of a household
					   that opened the door (welcomed,
					   partly, declined) */
	int	 after_moved_out_days;	/* after the move-out */
	int	 not_reached_days;	/* after the move-in of a household
					   never reached (still awaiting) */
	int	 stopped_ambassador_days;	/* after an ambassador stopped:
					   their contact data */
	int	 backup_days;		/* backups older than this are pruned */
};

/* Why a household's personal data is due for deletion. */
enum retention_reason {
	RETAIN_KEEP,		/* not due */
	RETAIN_MOVED_OUT,	/* moved out after_moved_out_days ago */
	RETAIN_WELCOMED,	/* last visited after_welcome_days ago */
	RETAIN_NOT_REACHED,	/* never reached, moved in not_reached_days
				   ago */
	NRETAIN
};

/* What the rules look at in a household. */
struct retention_fact {
	long			 moved_in;
	long			 moved_out;	/* DATE_NONE: lives there */
	long			 last_visit;	/* DATE_NONE: never visited */
	enum household_status	 state;		/* HS_AWAITING .. HS_DECLINED */
};

/*
 * Whether household f's personal data is due on today, and why: each
 * rule is due when its day (the move-out, the last visit, the move-in)
 * lies its days or more before today; when several are, the one due
 * first (on a tie: moved out, then welcomed, then not reached).
 * RETAIN_KEEP when none is.  *due (may be NULL) gets the day it became
 * due, or DATE_NONE.
 */
enum retention_reason core_retention_due(const struct retention *,
	    const struct retention_fact *f, long today, long *due);
/* The newest day a rule of days looks at that is due on today (today -
 * days), or DATE_NONE when days is 0 (the rule is off). */
long	 core_retention_cut(long today, int days);
/*
 * 1 if ambassador a stopped (its status on today) stopped_ambassador_days
 * or more before today, so its contact data is due; *stopped (may be
 * NULL) gets the day it stopped, or DATE_NONE.
 */
int	 core_retention_amb_due(const struct retention *,
	    const struct amb_fact *a, long today, long *stopped);
/* "moved_out", "welcomed", "not_reached" (tsv), "" for RETAIN_KEEP; and
 * the words for people (N_()). */
const char *core_retention_name(enum retention_reason);
const char *core_retention_label(enum retention_reason);

#endif
