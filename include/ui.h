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
	ACT_DELETE,		/* delete a household registered by mistake */
	ACT_DUP_OPEN,		/* a duplicate move-in: open the one there */
	ACT_DUP_REGISTER,	/* ... or register this one anyway */
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
/* When the key handler returns UI_POP: open s (arg goes to its init) in
 * the place of the screen that closes, after the one below resumed.
 * Forgotten when the handler does not pop. */
void		 ui_push_after_pop(struct ui *, const struct screen *, void *arg);
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

/* ---- a sliding window over a long list (ui-window.c) -------------------- */

/*
 * The rows of a long list held around the selection: fetched `fetch` at
 * a time with keyset paging on either side, at most `keep` held.  The
 * screen sets size, fetch, keep, query, clear and ctx, and reads rows
 * (n rows of size bytes, in list order), sel and top.
 */
struct ui_window {
	void	*rows;
	size_t	 n;
	size_t	 size;		/* bytes of one row */
	size_t	 fetch;		/* rows asked for at a time */
	size_t	 keep;		/* most rows held */
	int	 at_start;	/* nothing comes before rows[0] */
	int	 at_end;	/* nothing comes after rows[n - 1] */
	int	 sel;		/* the selected row */
	int	 top;		/* the first row drawn */
	/* Up to want rows after cursor (backward: before it, nearest
	 * first); cursor NULL: from the start (the end).  A new array whose
	 * rows' strings pass to the window; NULL on error (said already). */
	void	*(*query)(struct ui *, void *ctx, const void *cursor,
		    int backward, size_t want, size_t *n);
	void	 (*clear)(void *row);	/* free what one row owns */
	void	*ctx;
};
void		 ui_window_fetch(struct ui *, struct ui_window *);
void		 ui_window_fetch_back(struct ui *, struct ui_window *);
/* Start again from the first row, or (from_end) from the last. */
void		 ui_window_reload(struct ui *, struct ui_window *, int from_end);
/* Move the selection by delta rows, fetching on either side. */
void		 ui_window_move(struct ui *, struct ui_window *, int delta);
/* Let go of every row (the window can be filled again). */
void		 ui_window_clear(struct ui_window *);

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

/* ---- a form (ui-form.c) ------------------------------------------------ */

/*
 * The fields of a form, one a row: the label at column 2, the box at
 * column 25 and, under the box, what is wrong with it.  A wrong field
 * keeps what was typed.  The screen owns the array of fields and keeps
 * its own rules: which fields there are, the checks, saving, the pick
 * lists, the hints beside a box.  struct ui_form is the screen's too
 * (zero it, then set f, n and what else it needs); free the fields with
 * ui_form_free.  i is always an index into f.
 */
enum ui_field_kind {
	UI_FIELD_TEXT,		/* a line of text */
	UI_FIELD_DATE,		/* a date, typed */
	UI_FIELD_CHOICE,	/* typed, or picked from a list (Enter) */
	UI_FIELD_PICKED,	/* only picked: shows `shows`, no cursor */
	UI_FIELD_CHECK,		/* yes or no (Space) */
	UI_FIELD_SECRET		/* a PIN or password: stars, wiped */
};

struct ui_field {
	enum ui_field_kind	 kind;
	const char		*label;		/* English, for _(), or NULL */
	struct edit		 e;		/* the text (not a check) */
	int			 checked;	/* UI_FIELD_CHECK */
	const char		*shows;		/* UI_FIELD_PICKED: the text
						   (translated, not owned) */
	int			 gap;		/* a blank row above it */
	const char		*error;		/* N_() sentence, or NULL */
	char			*error_own;	/* or a translated one, owned */
	int			 row, col;	/* where drawn, row -1 if not;
						   col -1: no cursor */
};

struct ui_form {
	struct ui_field	*f;		/* n fields (the screen's) */
	int		 n;
	int		 focus;
	int		 top;		/* the first layout row shown */
	int		 dirty;		/* something typed or picked */
	int		 leaving;	/* Esc pressed once with changes */
	int		 error_lines;	/* 1: what is wrong is cut to one
					   line; else wrapped to two */
	const char	*last;		/* said when Tab passes the last
					   field (N_()), or NULL */
	const char	*leave;		/* asked on Esc with changes (N_());
					   NULL: the usual question */
	/* 1 if field i is shown now (NULL: every field is). */
	int		(*visible)(const void *ctx, int i);
	const void	*ctx;
};

/* Set up field i: text may be NULL (empty), max characters (0: any). */
void		 ui_form_field(struct ui_form *, int i, enum ui_field_kind,
		    const char *label, const char *text, size_t max);
/* Set up field i for a secret of at most max characters: the buffer is
 * reserved now and never moves, so no copy of the secret is left. */
void		 ui_form_secret(struct ui_form *, int i, const char *label,
		    size_t max);
/* Wipe what field i holds (core_secret_wipe) and empty it. */
void		 ui_form_wipe(struct ui_form *, int i);
/* The same for a line editor outside a form (the login screen):
 * reserve the room of a secret of at most max characters, and wipe it. */
void		 ui_secret_init(struct edit *, size_t max);
void		 ui_secret_wipe(struct edit *);
/* Free the fields' texts and errors (secret fields wiped first); the
 * array itself stays the screen's. */
void		 ui_form_free(struct ui_form *);
int		 ui_form_visible(const struct ui_form *, int i);

/* Set (N_() or NULL) or forget the error of field i; ui_form_error
 * returns 1 if there is one.  ui_form_error_own takes a translated,
 * xmalloc'd sentence and returns 1. */
void		 ui_form_clear_error(struct ui_form *, int i);
int		 ui_form_error(struct ui_form *, int i, const char *error);
int		 ui_form_error_own(struct ui_form *, int i, char *error);
/* The error of field i as shown (translated), or NULL. */
const char	*ui_form_error_text(const struct ui_form *, int i);
/* The text of field i as it will be stored (core_clean_text): a new
 * string, "" when empty. */
char		*ui_form_clean(const struct ui_form *, int i);
/* Check that text with check (a core_check_*); 1 if it is wrong. */
int		 ui_form_check_text(struct ui_form *, int i,
		    const char *(*check)(const char *));
/* bad fields are wrong: focus the first shown one and say on the message
 * line that nothing is saved yet. */
void		 ui_form_refused(struct ui *, struct ui_form *, int bad);

/* Layout: the rows field i takes (its error too), its row counted from
 * the first field, and scrolling (top) so the focus shows in rows rows. */
int		 ui_form_rows(const struct ui_form *, int i);
int		 ui_form_layout_row(const struct ui_form *, int i);
void		 ui_form_scroll(struct ui_form *, int rows);
/* The screen row of field i when the form is drawn in rows rows from row
 * y, or -1 if it is hidden or scrolled off (then it is not clickable). */
int		 ui_form_place(struct ui_form *, int i, int y, int rows);
/* Draw field i at row y: the label (NULL: _(f->label)), a box cols wide
 * (a check is 10), and what is wrong under it. */
void		 ui_form_draw_field(struct ui *, struct ui_form *, int i,
		    int y, const char *label, int cols);
/* Where the cursor goes (as screen.cursor): 0, or -1 to hide it. */
int		 ui_form_cursor(const struct ui_form *, int *y, int *x);
/* Focus the field drawn at row y: UI_REDRAW | UI_HANDLED, or 0. */
int		 ui_form_click(struct ui_form *, int y);

/* Move the focus to the next (dir 1) or previous (-1) shown field. */
void		 ui_form_move(struct ui *, struct ui_form *, int dir);
/* Put text into field i (picked from a list); the form is changed. */
void		 ui_form_set_text(struct ui_form *, int i, const char *text);
/* The actions every form shares: ACT_BACK (asks first when changed),
 * ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK on a field without a list (on
 * to the next), ACT_TOGGLE on a check.  Call it first with every action;
 * returns the handler's flags, or 0 when the action is the screen's
 * (ACT_SAVE, ACT_PICK on a choice; else try ui_form_edit_key). */
int		 ui_form_key(struct ui *, struct ui_form *, enum ui_action);
/* Map a key onto the focused field's editor: flags, or 0 if unused. */
int		 ui_form_edit_key(struct ui_form *, const struct ui_keypress *);

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
