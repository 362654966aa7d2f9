/*
 * cfg.h — the configuration: libconfig files read in layers into one
 * validated struct conf.  Only cfg.c speaks libconfig.
 *
 * Layers, later wins, each top-level setting replacing the earlier one
 * whole (a later "departments" list replaces the earlier list):
 *   1. the shipped default  (cfg_default_path())
 *   2. /etc/velkomst.conf
 *   3. $XDG_CONFIG_HOME/velkomst/velkomst.conf (~/.config/... if unset)
 *   4. --config FILE
 * Layers 1-3 are skipped when missing; a missing --config FILE is an error.
 */
#ifndef VELKOMST_CFG_H
#define VELKOMST_CFG_H

#include <stddef.h>

#include "core.h"

struct cfg_department {
	char	*key;		/* "605": short, unique, used in the database */
	char	*name;		/* "BB-afd. 605" */
	char	*shortname;	/* "short": for narrow columns ("605");
				   the name when not set */
	char	*office;	/* the estate office that reports move-ins */
};

struct cfg_stairwell {
	int	 department;	/* index into conf.departments */
	char	*name;		/* "Opgang 1"; unique within its department */
};

struct cfg_check_item {
	char	*key;		/* "laundry": unique */
	int	 department;	/* -1: every department, else an index */
	char	*title;		/* "The laundry" (English, the source) */
	char	*text;		/* what to tell or show */
	char	*title_da;	/* Danish, or NULL: then title */
	char	*text_da;	/* Danish, or NULL: then text */
	int	 referral;	/* "pass this to the secretariat": asks for a
				   note and flags the household */
};

/* The agreement starts in up to three pilot departments. */
#define CFG_PILOTS_MAX	3

/* One of the activity's success criteria ("criteria"). */
struct cfg_criterion {
	char		*key;		/* "stories": unique, in tsv */
	char		*title;		/* English */
	char		*title_da;	/* Danish, or NULL: then title */
	struct criterion rule;		/* core.h: what it asks */
};

/* The most success criteria the configuration may name. */
#define CFG_CRITERIA_MAX	32

struct conf {
	struct cfg_department	*departments;
	size_t			 ndepartments;
	struct cfg_stairwell	*stairwells;	/* grouped by department */
	size_t			 nstairwells;
	struct cfg_check_item	*checklist;
	size_t			 nchecklist;
	int			 welcome_days;	/* deadline after move-in, 1..365 */
	int			 retry_days;	/* visits.retry_days: a not-home
						   retry this many days later,
						   1..60 (default 3) */
	int			 max_attempts;	/* visits.max_attempts: not home
						   this often flags the household
						   for the secretariat, 1..20
						   (default 3) */
	int			 stale_days;	/* visits.stale_days: overdue by
						   more than this, a household
						   leaves the queue for the
						   secretariat, 1..3650
						   (default 60) */
	struct retention	 retention;	/* "retention": how long
						   personal data is kept
						   (core.h), each 0..36500
						   days */
	int			 goal_ambassadors;	/* 1..10000 */
	long			 goal_from;	/* day numbers (util.h) */
	long			 goal_to;
	char			*language;	/* "" = from the environment */
	char			**languages;	/* "languages": the ISO 639
						   codes offered first when
						   a language spoken is
						   picked, in that order */
	size_t			 nlanguages;
	int			*pilot;		/* "pilots": per department, 1
						   for a pilot department of
						   the agreement; NULL when
						   none is named */
	size_t			 npilots;	/* at most CFG_PILOTS_MAX */
	int			 mouse;		/* terminal.mouse */
	int			 color;		/* terminal.color */
	int			 kiosk;		/* terminal.kiosk: quitting
						   returns to the login */
	int			 idle_lock;	/* terminal.idle_lock: seconds
						   idle before the screen
						   locks, 1..86400 (300) */
	int			 login_list;	/* terminal.login_list: the
						   login screen lists logins */
	int			 lock_failures;	/* accounts.max_attempts: wrong
						   secrets that lock, 1..100
						   (5) */
	int			 lock_minutes;	/* accounts.lock_minutes,
						   1..10080 (15) */
	int			 hash_cost;	/* accounts.hash_cost: an enum
						   secret_cost of core.h */
	struct cfg_criterion	*criteria;	/* "criteria", in the order of
						   the file (none: the list is
						   empty) */
	size_t			 ncriteria;
	struct sensitive_words	*sensitive;	/* "sensitive_words": the
						   words a note is checked
						   for (core.h); never NULL
						   after cfg_load, empty
						   unless the lists were
						   read (cfg_read_word_lists) */
	char			*files[4];	/* the files that were read */
	size_t			 nfiles;
};

/*
 * Read the layers into *c.  user_file is --config FILE or NULL.
 * Returns 0, or -1 with every problem found written to err as lines of
 * "FILE:LINE: what is wrong" (at most errlen bytes, NUL-terminated); in
 * that case *c holds nothing to free.  default_path overrides the shipped
 * default's path (tests); NULL means cfg_default_path().  With
 * skip_system set, layers 2 and 3 are not read (tests).
 */
int	 cfg_load(struct conf *c, const char *default_path,
	    const char *user_file, int skip_system, char *err, size_t errlen);
void	 cfg_free(struct conf *);
/*
 * Whether cfg_load reads the word lists of "sensitive_words" (1, the
 * default), or leaves them unread and the list of words empty (0): only
 * the screens, `import` and `check` look at notes, and reading the lists
 * loads ICU (util-icu.h), which a command such as `goal` otherwise never
 * needs.  main.c sets it from the command.
 */
void	 cfg_read_word_lists(int);
/* Where the shipped default is looked for: $VELKOMST_SHARE/velkomst.conf
 * if set, else DATADIR "/velkomst/velkomst.conf" (set by the Makefile). */
const char *cfg_default_path(void);

/*
 * The names the configuration takes, for the manual's test: the i-th
 * (from 0) written into buf as "welcome_days" for a top-level setting,
 * "terminal.idle_lock" for a member of a group, "checklist.title_da" for
 * a member of a list's elements.  Returns 1, or 0 after the last.
 */
int	 cfg_schema_name(size_t i, char *buf, size_t len);

/*
 * The departments' keys, the stairwells' names and each stairwell's
 * department (an index), as three new arrays in the configuration's
 * order, for queries that take them (db_desk); free each.
 */
void	 cfg_places(const struct conf *c, const char ***departments,
	    const char ***stairwells, int **stairwell_department);

/* Lookups: index, or -1 if there is none.  Departments match by key
 * (exactly first), then by name or key, then by short name (the last
 * three without regard to ASCII case); stairwells by name within a
 * department. */
int	 cfg_department_find(const struct conf *, const char *key_or_name);
int	 cfg_stairwell_find(const struct conf *, int department,
	    const char *name);
/*
 * The most checklist items one department may have: the items for every
 * department and its own, together.  A visit holds no more (the visit
 * screen scrolls, so the terminal sets no lower limit); cfg_load refuses
 * a checklist that gives a department more, naming this limit.
 */
#define CFG_CHECKLIST_MAX	32

/*
 * The checklist of a department: the items for every department and the
 * department's own, in the order of the file.  Fills items (up to max)
 * with pointers into c and returns how many there are (may be more than
 * max).
 */
size_t	 cfg_checklist(const struct conf *c, int department,
	    const struct cfg_check_item **items, size_t max);

#endif
