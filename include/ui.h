/*
 * ui.h — the full-screen interface: the main loop, the screen stack and
 * the widgets.  Screens call core and db, never SQL or libconfig.
 */
#ifndef VELKOMST_UI_H
#define VELKOMST_UI_H

#include <stddef.h>
#include <wchar.h>

#include "util.h"

struct conf;
struct db;
struct ui;

/* Named actions: every key a screen understands maps to one of these, so
 * the bottom line, the help overlay and the manual come from one table. */
enum ui_action {
	ACT_NONE = 0,
	ACT_QUIT,
	ACT_BACK,
	ACT_HELP,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_FIRST,
	ACT_LAST,
	ACT_OPEN,
	ACT_SEARCH,
	ACT_NEW,
	ACT_EDIT,
	ACT_MOVE_OUT,
	ACT_ORDER,
	ACT_SAVE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_PICK,
	ACT_TOGGLE,
	ACT_TO_LIST,		/* Enter in a search field */
	ACT_CONFIRM,		/* Enter in a one-line prompt */
	ACT_VISIT,		/* start a welcome visit */
	ACT_PICK_DEPT,		/* a list: which department */
	ACT_PICK_STAIR,		/* a list: which stairwell */
	ACT_HANDLED,		/* the secretariat has dealt with it */
	ACT_ITEM_DONE,		/* the checklist at the door */
	ACT_ITEM_NOT_RELEVANT,
	ACT_ITEM_LATER,
	ACT_ITEM_NOTE,
	ACT_NOT_HOME,
	ACT_DECLINED,
	ACT_KEEP,		/* Enter after a note */
	ACT_RECRUIT,		/* register an ambassador */
	ACT_PICK_STATUS,	/* a list: which status */
	ACT_STATUS,		/* change an ambassador's status */
	ACT_PICK_AMBASSADOR,	/* a queue: whose stairwells */
	ACT_YES,		/* a question */
	ACT_NO,
	ACT_LOCK,		/* lock the screen now (everywhere) */
	ACT_LOGIN,		/* Enter on the login screen */
	ACT_LOGOUT,		/* home: let the next person log in */
	ACT_ADD_ACCOUNT,	/* accounts */
	ACT_UNLOCK,
	ACT_DISABLE,
	ACT_RESET,
	ACT_FILTER_ACCOUNT,	/* the audit trail */
	ACT_FILTER_RECORD,
	ACT_FILTER_DATE,
	ACT_FILTER_CLEAR,
	ACT_COUNT
};

/* A key pressed: either a curses KEY_* code (is_key) or a character. */
struct ui_keypress {
	int	 is_key;
	wint_t	 ch;
};

/* Look up the action a key means among the actions a screen offers
 * (list ends with ACT_NONE).  ACT_NONE if it means none of them. */
enum ui_action	 ui_key_action(const struct ui_keypress *,
		    const enum ui_action *offered);
/* The short key name ("Esc", "Enter", "/") and the description (English,
 * for _()) of an action. */
const char	*ui_key_label(enum ui_action);
const char	*ui_key_help(enum ui_action);
const char	*ui_key_short(enum ui_action);

/* What a key handler asks of the loop. */
#define UI_REDRAW	0x1	/* draw the screen again */
#define UI_POP		0x2	/* close this screen */
#define UI_QUIT		0x4	/* leave velkomst */
#define UI_HANDLED	0x8	/* the key was used (else the loop tries
				   Esc = back and ?/F1 = help) */

/* A screen: a table of functions with designated initialisers. */
struct screen {
	const char		*name;
	/* Title shown on the top line (English, for _()). */
	const char		*title;
	/* The actions shown on the bottom line and in help, ACT_NONE ends. */
	const enum ui_action	*actions;
	/* Text for the help overlay (English, for _()), or NULL. */
	const char		*help;
	void	*(*init)(struct ui *, void *arg);
	void	 (*draw)(struct ui *, void *state);
	int	 (*key)(struct ui *, void *state, const struct ui_keypress *);
	/* Another screen closed and this one is on top again. */
	void	 (*resume)(struct ui *, void *state);
	void	 (*free)(void *state);
	/* Where the terminal cursor goes, or -1 to hide it. */
	int	 (*cursor)(struct ui *, void *state, int *y, int *x);
	/* The actions that hold right now, when they change with the
	 * screen's state (may be NULL: then `actions`). */
	const enum ui_action *(*actions_now)(void *state);
	/* A mouse click at screen row y, column x (may be NULL). */
	int	 (*click)(struct ui *, void *state, int y, int x, int twice);
};

/* Run the interface until the person quits.  Returns an exit code. */
int		 ui_run(const struct conf *, struct db *);

/* Open a screen on top of the current one (arg goes to its init). */
void		 ui_push(struct ui *, const struct screen *, void *arg);
/* Show a sentence on the message line; error ones are marked. */
void		 ui_message(struct ui *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 ui_error(struct ui *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

const struct conf *ui_conf(const struct ui *);
struct db	*ui_db(const struct ui *);
/* The person logged in (a zeroed who before anyone has). */
const struct who *ui_who(const struct ui *);

/* ---- the session: login, lock, logout (ui.c, screen-login.c) ----------- */

struct session;
/* The name of the ambassador tied to the account logged in, or NULL. */
const char	*ui_ambassador_name(const struct ui *);
/* 1 when someone is logged in (the login screen is then the lock). */
int		 ui_logged_in(const struct ui *);
/* 1 if the person logged in may see the households of department (a
 * key); the data layer keeps the rule, this only keeps screens from
 * offering what it would refuse. */
int		 ui_sees_department(const struct ui *, const char *department);
/* How many screens are open; the first is the home or login screen. */
int		 ui_depth(const struct ui *);
/* When the key handler returns, drop every screen and the session, and
 * open the home screen of the person of *s; takes over what *s owns and
 * zeroes it. */
void		 ui_login(struct ui *, struct session *);
/* When the key handler returns, drop every screen and the session, and
 * open the login screen. */
void		 ui_logout(struct ui *);

/* The body area: rows 1 .. 1+ui_body_rows-1 (row 0 is the title). */
int		 ui_body_top(const struct ui *);
int		 ui_body_rows(const struct ui *);
int		 ui_cols(const struct ui *);

/* ---- drawing helpers (ui-draw.c) ---------------------------------------- */

/* Colour pairs / attributes with a meaning; monochrome falls back to
 * bold/underline/reverse so colour never carries meaning alone. */
enum ui_style {
	STYLE_NORMAL,
	STYLE_TITLE,		/* top line */
	STYLE_KEYS,		/* bottom line */
	STYLE_KEY,		/* a key name on the bottom line */
	STYLE_SELECTED,		/* the current row */
	STYLE_ERROR,		/* what is wrong */
	STYLE_DIM,		/* less important */
	STYLE_LABEL,		/* form labels */
	STYLE_FIELD,		/* an input field */
	STYLE_FIELD_FOCUS,
	STYLE_HEADER,		/* column headers */
	STYLE_COUNT
};
void		 ui_styles_init(int use_color);
int		 ui_style(enum ui_style);
/*
 * Write s at (y, x) fitted to cols display columns (never splitting a
 * character), padding with spaces when pad is set.  Returns the columns
 * written.
 */
int		 ui_put(int y, int x, const char *s, int cols, int pad,
		    enum ui_style);
/* Write text wrapped at spaces into the rows y .. y+rows-1, cols wide,
 * skipping the first skip lines; returns the number of lines the whole
 * text takes. */
int		 ui_wrap(int y, int x, int cols, int rows, int skip,
		    const char *text, enum ui_style);
/* The bytes of the next line of s that fit in cols, broken at a space
 * where there is one; *next gets where the following line starts. */
size_t		 ui_line_break(const char *s, int cols, const char **next);
/* Draw an edit buffer in a field of cols columns, scrolling it so the
 * cursor shows; returns the cursor's screen column. */
int		 ui_put_edit(int y, int x, struct edit *, int cols,
		    enum ui_style);
/* Draw a hidden field (a PIN, a password): one '*' per character, never
 * the text; returns the cursor's screen column (after the last '*'). */
int		 ui_put_hidden(int y, int x, const struct edit *, int cols,
		    enum ui_style);
/* Map a key onto the line editor: returns 1 if the key was used. */
int		 ui_edit_key(struct edit *, const struct ui_keypress *);

/* ---- a pick list (screen-pick.c) --------------------------------------- */

/* Ask the person to pick one of n items: done(ui, ctx, index) is called
 * when they press Enter, nothing on Esc.  title and items are already
 * translated and must live until done is called; ui_push copies the
 * struct itself. */
struct ui_pick {
	const char	 *title;
	const char	**items;
	size_t		  n;
	int		  initial;
	void		(*done)(struct ui *, void *ctx, int chosen);
	void		 *ctx;
};
extern const struct screen screen_pick;

extern const struct screen screen_home;
extern const struct screen screen_households;
extern const struct screen screen_queue;
extern const struct screen screen_overdue;
extern const struct screen screen_followups;
extern const struct screen screen_visit;
extern const struct screen screen_goal;
extern const struct screen screen_coverage;
extern const struct screen screen_ambassadors;
extern const struct screen screen_ambassador;
extern const struct screen screen_ambassador_form;
extern const struct screen screen_household;
extern const struct screen screen_household_form;
extern const struct screen screen_help;
extern const struct screen screen_login;	/* first run, login, lock */
extern const struct screen screen_accounts;
/* Add an account (arg NULL), or give one a new PIN or password (arg: the
 * struct account, read in init only). */
extern const struct screen screen_account_form;
extern const struct screen screen_audit;

#endif
