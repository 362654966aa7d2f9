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
	ACT_TEXT_UP,		/* a text longer than its room: scroll it */
	ACT_TEXT_DOWN,
	ACT_CHOOSE,		/* a digit: the menu line of that number */
	ACT_JUMP,		/* a letter: the next line that starts so */
	ACT_HELP_CLOSE,		/* F1, ? or q on the help screen */
	ACT_LIST_PREV,		/* the arrows alone, beside a text field */
	ACT_LIST_NEXT,
	ACT_IN_REGISTER,	/* search the whole register instead */
	ACT_LANGUAGE,		/* home: Danish or English */
	ACT_PICK_MANY,		/* a list to pick several from: add or take
				   away the one the cursor is on */
	ACT_DESK,		/* the secretariat's list: the desk's
				   overview */
	ACT_PICK_REASON,	/* the desk: which reason */
	ACT_BACKUP,		/* home: a backup of the database now */
	ACT_CRITERIA,		/* home: the success criteria */
	ACT_YEAR_PREV,		/* the success criteria: the year before */
	ACT_YEAR_NEXT,		/* ... the year after */
	ACT_RECORDS,		/* ... what the secretariat recorded */
	ACT_STORIES,		/* ... the visits marked as possible stories */
	ACT_RECORD_NEW,		/* record a film, a story, a press story */
	ACT_RECORD_DELETE,	/* delete a record made by mistake */
	ACT_STORY,		/* a visit: a possible success story, with
				   the household's yes (or the mark away) */
	ACT_REPORT,		/* home: the yearly report */
	ACT_PERIOD_PREV,	/* the report: the year before ... */
	ACT_PERIOD_NEXT,	/* ... and the year after */
	ACT_AGREEMENT_YEARS,	/* the report: the agreement's years ... */
	ACT_CALENDAR_YEARS,	/* ... or calendar years */
	ACT_NEXT_PART,		/* the report, the evaluation: next part */
	ACT_FIRST_YEAR,		/* the evaluation: the department's first
				   year, or the report's period */
	ACT_EXPORT,		/* a list: out to a file (the secretariat) */
	ACT_IMPORT,		/* the households: import a move-in list */
	ACT_PERSON_COPY,	/* a household: everything held about it, to
				   two files (the secretariat) */
	ACT_CONSENT,		/* a household: its consent per purpose */
	ACT_GIVE,		/* ... give the consent to a purpose */
	ACT_WITHDRAW,		/* ... withdraw it */
	ACT_HOW,		/* ... the next way it was given */
	ACT_EXACT_COUNT,	/* a list that says "1,000+": count it all */
	/* The line editor (ui_edit_key), so help can name its keys. */
	ACT_EDIT_LEFT,
	ACT_EDIT_RIGHT,
	ACT_EDIT_HOME,
	ACT_EDIT_END,
	ACT_EDIT_BACKSPACE,
	ACT_EDIT_DELETE,
	ACT_EDIT_KILL_END,
	ACT_EDIT_KILL_START,
	ACT_EDIT_KILL_WORD,
	ACT_COUNT
};

/* The line editor's actions (ACT_NONE ends): help lists them on every
 * screen where text is typed. */
extern const enum ui_action ui_edit_actions[];

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
/* The i-th action of the key table (from 0); ACT_NONE after the last.
 * For the test that holds velkomst(1)'s key tables to the table. */
enum ui_action	 ui_key_nth(size_t i);
/* The name of the i-th key (from 0) of an action as the manual writes
 * it ("F1", "?", "Ctrl-S", "Up", "Space"; a class of keys by its label,
 * "1...9"), written into buf; returns 0 when there is no i-th key. */
int		 ui_key_name(enum ui_action, int i, char *buf, size_t len);
/* The word the bottom line shows for an action, translated: the short
 * word, but for ACT_LANGUAGE the other language's own name. */
const char	*ui_key_word(enum ui_action);

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
	/* After each frame: work the screen left until its rows were drawn
	 * (may be NULL); 1 when the screen is to be drawn again.  It may
	 * ask ui_key_waiting() and leave the work while one is. */
	int	 (*later)(struct ui *, void *state);
};

/* Run the interface until the person quits.  Returns an exit code. */
int		 ui_run(const struct conf *, struct db *);

/* Open a screen on top of the current one (arg goes to its init); when
 * too many are open, none, with a message saying so. */
void		 ui_push(struct ui *, const struct screen *, void *arg);
/* When the key handler returns UI_POP: open s (arg goes to its init) in
 * the place of the screen that closes, after the one below resumed.
 * Forgotten when the handler does not pop. */
void		 ui_push_after_pop(struct ui *, const struct screen *, void *arg);
/* Draw the screen now, message line too: before a step that may take a
 * moment, so that the message says what is under way. */
void		 ui_draw_now(struct ui *);
/* 1 when a key has been typed and not yet read (it is read next): for
 * work a screen leaves while the typing goes on. */
int		 ui_key_waiting(struct ui *);
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
/* Speak language ("da", "en"; NULL: the default) for the rest of the
 * session (i18n_use), and keep it as the session's: an unlock speaks it
 * again, the lock and the login screens speak the default. */
void		 ui_set_language(struct ui *, const char *language);

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
	STYLE_BAR,		/* a bar or a chart's column: a colour, plain
				   in monochrome (the number beside says it) */
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
/* The same, but a text that does not fit ends with "…". */
int		 ui_put_cut(int y, int x, const char *s, int cols, int pad,
		    enum ui_style);
/* Write text wrapped at spaces into the rows y .. y+rows-1, cols wide,
 * skipping the first skip lines; returns the number of lines the whole
 * text takes.  Paragraphs end at '\n'; in a paragraph with a tab, the
 * text after the tab wraps beside the text before it (hanging). */
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
 * (n rows of size bytes, in list order), sel and top.  No curses here:
 * the window is tested on its own with a made-up query.
 *
 * A fetch that fails is not the end of the list: the rows held stay,
 * at_start and at_end stay as they were, and `error` says why (the list
 * widget shows it); moving the same way again tries again.
 */
struct ui_window {
	void	*rows;
	size_t	 n;
	size_t	 size;		/* bytes of one row */
	size_t	 fetch;		/* rows asked for at a time (a list
				   raises it to the rows it shows) */
	size_t	 keep;		/* most rows held */
	int	 at_start;	/* nothing comes before rows[0] */
	int	 at_end;	/* nothing comes after rows[n - 1] */
	int	 sel;		/* the selected row */
	int	 top;		/* the first row drawn */
	char	*error;		/* why the last fetch failed (translated,
				   the window's), or NULL */
	/*
	 * Up to want rows after cursor (backward: before it, nearest
	 * first); cursor NULL: from the start (the end).  Returns 0 with
	 * *rows a new array (NULL when *n is 0) whose rows' strings pass to
	 * the window, fewer than want meaning that the list ends there; or
	 * -1 when the rows could not be read, with *why a new translated
	 * sentence saying what went wrong.
	 */
	int	 (*query)(struct ui *, void *ctx, const void *cursor,
		    int backward, size_t want, void **rows, size_t *n,
		    char **why);
	void	 (*clear)(void *row);	/* free what one row owns */
	void	*ctx;
};
/* Fetch the rows after the last one held (before the first one held):
 * 0, or -1 when the fetch failed (error says why). */
int		 ui_window_fetch(struct ui *, struct ui_window *);
int		 ui_window_fetch_back(struct ui *, struct ui_window *);
/* Start again from the first row, or (from_end) from the last: 0, or -1
 * when that failed (the window is then empty, error says why). */
int		 ui_window_reload(struct ui *, struct ui_window *, int from_end);
/* Move the selection by delta rows, fetching on either side; at a held
 * end it looks one fetch past it, so at_start and at_end tell the truth.
 * 0, or -1 when a fetch failed (the selection went as far as it could). */
int		 ui_window_move(struct ui *, struct ui_window *, int delta);
/* Fetch the rows again around those shown (the list may have changed
 * behind them), keeping the place: 0, or -1 when that failed and the
 * rows held are kept as they were. */
int		 ui_window_refresh(struct ui *, struct ui_window *);
/* Let go of every row (the window can be filled again) and the error. */
void		 ui_window_clear(struct ui_window *);

/* ---- one list widget (ui-list.c) --------------------------------------- */

/*
 * A list on screen: the selection, scrolling (the moves of the key table
 * and the wheel), the columns and their header, clicks (select; a
 * double click opens), the search line (search-as-you-type above the
 * table; Esc in the list clears it first), the sentence when there is
 * nothing to show, and the rows drawn with a style per row.  Its rows
 * come from a sliding window (w, for long lists read from the database)
 * or from a plain array (rows, n, size; the screen's).
 *
 * The columns are laid out the same way in every list:
 * - a cell too wide for its column is cut and ends with "…", measured
 *   in display columns;
 * - a `whole` column (a time, a date) is never cut: it gets the width of
 *   its widest cell first;
 * - every other column gets the width of its widest cell (the header
 *   counted), at most `width`; when the line is too narrow for that, the
 *   columns that grow last give up columns first (the widest of them
 *   first, down to 6), then any but whole ones, then whole ones;
 * - width left over goes to the columns that are cut, lowest `grow`
 *   first (columns of the same grow share it), each up to its widest
 *   cell; a column with grow 0 never gets more than `width`, and one
 *   that `shortens` gets all it needs or nothing.
 * The widest cell is measured over the rows held (the window's, or all of
 * the array), so the columns do not move as the selection does.
 */
struct ui_column {
	const char	*head;		/* English, for _(); NULL: none */
	int		 width;		/* at most this, unless it grows */
	int		 grow;		/* 1, 2, ...: takes spare width, in
					   that order; 0: never */
	int		 whole;		/* never cut (a time, a date) */
	int		 shortens;	/* a cut column shows short forms
					   (ui_cell.cut): it grows to its
					   widest cell at once, or not at
					   all */
};

/* Room for the text of one cell (ui_list.cell). */
struct ui_cell {
	const void	*row;
	int		 col;		/* index into cols */
	int		 cols;		/* the width it gets; 0 when measuring
					   (give the whole text) */
	int		 cut;		/* narrower than its widest cell (a
					   column that shortens: give the
					   short form) */
	enum ui_style	 style;		/* the row's; the cell may change it
					   (not on the selected row) */
	char		 buf[512];	/* the text may be written here */
};

#define UI_LIST_COLS	12		/* most columns of a list */

struct ui_list {
	/* Set by the screen. */
	const struct ui_column	*cols;
	int			 ncols;		/* at most UI_LIST_COLS */
	int			 gap;		/* between columns (0: 2; 1
						   when the line is narrow) */
	struct ui_window	*w;		/* the rows: a window, or */
	const void		*rows;		/* an array of n rows of */
	size_t			 n, size;	/* size bytes */
	int			 searchable;	/* a search line on top */
	int			 wrap;		/* Up on the first row goes to
						   the last, and back */
	int			 jump;		/* a letter jumps to the next
						   row whose first cell starts
						   with it */
	int			 filter;	/* the search line is always
						   open (searchable is set):
						   typing narrows the rows,
						   the arrows (ACT_LIST_PREV,
						   _NEXT) and PgUp/PgDn move
						   the selection, which shows,
						   Enter opens it, and Esc is
						   the screen's */
	const char		*info;		/* beside the search field
						   (translated; not owned) */
	const char		*empty;		/* when no row is there
						   (translated; not owned) */
	/* The text of a cell (may use c->buf). */
	const char	*(*cell)(struct ui *, void *ctx, struct ui_cell *c);
	/* How to draw a row (NULL: STYLE_NORMAL), e.g. STYLE_DIM. */
	enum ui_style	 (*style)(struct ui *, void *ctx, const void *row);
	/* Enter or a double click on row: the handler's flags (NULL:
	 * Enter is the screen's). */
	int		 (*open)(struct ui *, void *ctx, const void *row);
	/* The search text changed (text is the new text): fetch again.
	 * The selection is put on the first row after it. */
	void		 (*search)(struct ui *, void *ctx, const char *text);
	void		*ctx;

	/* The widget's (read them; zero them with the rest). */
	int		 sel, top;	/* an array's (a window has its own) */
	struct edit	 field;		/* the search line */
	int		 searching;	/* typing goes to the search line */
	int		 y, x, shown;	/* where the rows were drawn, how
					   many fit */
	int		 search_y, cur_x;
	int		 need[UI_LIST_COLS];	/* their widest cells */
	int		 width[UI_LIST_COLS];	/* the columns as drawn */
	int		 gap_used;
};

/* Set up l once the screen has set its part (every list calls it; more
 * than UI_LIST_COLS columns is a bug: fatal). */
void		 ui_list_init(struct ui_list *);
/* Free the search line (the rows stay the screen's or the window's). */
void		 ui_list_free(struct ui_list *);
/* Draw the list in the box of rows x cols at (y, x): the search line
 * and a blank row (if searchable), the header (if a column has one),
 * then the rows or the sentence for none (or why the rows could not be
 * read).  A row's style fills the box; its cells start one column in
 * and leave one column free at the end. */
void		 ui_list_draw(struct ui *, struct ui_list *, int y, int x,
		    int rows, int cols);
/* A key: moves, the search line, Enter, Esc clearing the search.
 * Returns the handler's flags, or 0 when the key is the screen's. */
int		 ui_list_key(struct ui *, struct ui_list *,
		    const struct ui_keypress *);
/* A click at (y, x) (twice: a double click): flags, or 0 when it is
 * not on the list. */
int		 ui_list_click(struct ui *, struct ui_list *, int y, int x,
		    int twice);
/* Where the cursor goes (as screen.cursor): 0 in the search line, or -1. */
int		 ui_list_cursor(const struct ui_list *, int *y, int *x);
/* The actions now: the search line's while typing, else normal. */
const enum ui_action *ui_list_actions(const struct ui_list *,
		    const enum ui_action *normal);
/* The rows there are (held), the selected one (NULL when none). */
size_t		 ui_list_count(const struct ui_list *);
const void	*ui_list_selected(const struct ui_list *);
/* Put text in the search line (the search callback is not called). */
void		 ui_list_set_search(struct ui_list *, const char *text,
		    int searching);
/* Put the selection on row i of an array, or of the rows held. */
void		 ui_list_select(struct ui_list *, int i);
/*
 * The layout alone (as described above): the widths of n columns whose
 * widest cells are need[], in a line of cols columns with gap columns
 * between them, into width[].  When the columns would not have their
 * widths with that gap, the gap is 1.  Columns that do not fit at all
 * get 0.  Returns the gap used.
 */
int		 ui_columns_fit(const struct ui_column *, const int *need,
		    int n, int cols, int gap, int *width);

/* ---- a pick list (screen-pick.c) --------------------------------------- */

/* Ask the person to pick one of n items: done(ui, ctx, index) is called
 * when they press Enter, nothing on Esc.  title and items are already
 * translated and must live until the list closes; ui_push copies the
 * struct itself.
 *
 * screen_pick_search adds a search line: typing narrows the items to
 * those match(ctx, i, words, nwords) takes (words: core_search_words of
 * what is typed).  When marked is set, several may be chosen: Enter calls
 * done and the list stays open for more (Esc closes it), marked(ctx, i)
 * says whether item i is chosen now (it shows a mark), and chosen(ctx)
 * gives the line under the title (what is chosen; translated, ctx's). */
struct ui_pick {
	const char	 *title;
	const char	**items;
	size_t		  n;
	int		  initial;
	void		(*done)(struct ui *, void *ctx, int chosen);
	void		 *ctx;
	int		(*match)(void *ctx, size_t i, char *const *words,
			    size_t nwords);
	int		(*marked)(void *ctx, size_t i);
	const char	*(*chosen)(void *ctx);
};
extern const struct screen screen_pick;
extern const struct screen screen_pick_search;

/* ---- a form (ui-form.c) ------------------------------------------------ */

/*
 * The fields of a form, one a row: the label at column 2, the box at
 * column 25 and, under the box, what is wrong with it.  A wrong field
 * keeps what was typed; a field that refuses a character because it is
 * full says there how many it takes, until the next key.  The screen
 * owns the array of fields and keeps its own rules: which fields there
 * are, the checks, saving, the pick lists, the hints beside a box.
 * struct ui_form is the screen's too (zero it, then set f, n and what
 * else it needs); free the fields with ui_form_free.  i is always an
 * index into f.
 */
enum ui_field_kind {
	UI_FIELD_TEXT,		/* a line of text */
	UI_FIELD_DATE,		/* a date, typed */
	UI_FIELD_CHOICE,	/* typed, or picked from a list (Enter) */
	UI_FIELD_PICKED,	/* only picked: shows `shows`, no cursor */
	UI_FIELD_CHECK,		/* yes or no (Space) */
	UI_FIELD_SECRET,	/* a PIN or password: stars, wiped */
	UI_FIELD_ITEM,		/* a checklist item: its state where the
				   label goes, its title (`shows`) and its
				   note (e) in the box; while the form is
				   `noting`, the note's editor on the row
				   under it */
	UI_FIELD_HEADING	/* no field: a text (`shows`) wrapped over
				   the rows it needs; the focus passes it */
};

struct ui_field {
	enum ui_field_kind	 kind;
	const char		*label;		/* English, for _(), or NULL */
	struct edit		 e;		/* the text (not a check) */
	int			 checked;	/* UI_FIELD_CHECK */
	const char		*shows;		/* UI_FIELD_PICKED, _ITEM,
						   _HEADING: the text
						   (translated, not owned) */
	int			 state;		/* UI_FIELD_ITEM: an enum
						   item_state (core.h) */
	int			 width;		/* ui_form_draw: the box's
						   columns (0: to the right
						   edge) */
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
	int		 noting;	/* the focused item's note is being
					   written (UI_FIELD_ITEM) */
	int		 full;		/* 1 + the field saying how many
					   characters it takes, or 0 */
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
/* Set up field i as a checklist item titled title (not owned, must live
 * as long as the form) whose note takes at most max characters; or as a
 * heading showing text (the same; change it with f[i].shows). */
void		 ui_form_item(struct ui_form *, int i, const char *title,
		    size_t max);
void		 ui_form_heading(struct ui_form *, int i, const char *text);
/* Set the state of item i (an enum item_state): its error goes, and the
 * form is changed. */
void		 ui_form_set_state(struct ui_form *, int i, int state);
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
/* 1 if field i is shown and can take the focus (not a heading). */
int		 ui_form_focusable(const struct ui_form *, int i);

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
 * the first field (i == n: the rows of the whole form), and scrolling
 * (top) so the focus shows in rows rows. */
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
/* Draw the whole form in rows rows from row y: scrolled so the focus
 * shows (and no rows are left empty at the end while some are scrolled
 * off at the top), every field with its width and its own label, and a
 * mark at the right edge where more is above or below. */
void		 ui_form_draw(struct ui *, struct ui_form *, int y, int rows);
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
/* Map a key onto the focused field's editor (an item's note only while
 * noting): flags, or 0 if unused.  A character refused because the field
 * is full makes the field say how many characters it takes. */
int		 ui_form_edit_key(struct ui_form *, const struct ui_keypress *);

/* ---- notes that may say something sensitive (ui-sensitive.c) --------- */

/*
 * Before a form saves, its notes are checked (core_sensitive_check with
 * the configuration's word lists).  The screen keeps a struct
 * ui_sensitive (zeroed) beside its form:
 *   - in its save, first ui_sensitive_stop(fields = the note fields that
 *     will be saved): 1 means a note may say something sensitive: the
 *     reason is under that note, the focus on it, the question on the
 *     message line and s->asking set; do not save;
 *   - while s->asking, every key goes to ui_sensitive_key; when it sets
 *     *save (y), call the save again: the check lets it through once.
 *     n or Esc closes the question, back to the note;
 *   - while s->asking, actions_now returns ui_sensitive_actions.
 */
struct ui_sensitive {
	int	 asking;	/* "Save anyway? (y/n)" is open */
	int	 field;		/* the note it is about */
	int	 allowed;	/* y: the next ui_sensitive_stop passes */
};
extern const enum ui_action ui_sensitive_actions[];
int		 ui_sensitive_stop(struct ui *, struct ui_sensitive *,
		    struct ui_form *, const int *fields, size_t n);
int		 ui_sensitive_key(struct ui *, struct ui_sensitive *,
		    struct ui_form *, const struct ui_keypress *, int *save);
/* Why note is stopped (translated, a new string), or NULL when it may be
 * saved as it is. */
char		*ui_sensitive_reason(const struct conf *, const char *note);

/* ---- the languages spoken in a form (ui-language.c) ------------------- */

/*
 * A form field of the languages spoken: picked from the list of every
 * language (screen_pick_search; the configuration's "languages" first),
 * shown by name in the screen's language, kept as ISO 639 codes.  The
 * screen owns the struct: ui_language_init sets up field i of form (a
 * UI_FIELD_PICKED) for codes ("ar,so" or NULL); ui_language_pick opens
 * the list on Enter; codes holds the choice ("ar,so", NULL for none) when
 * the form is saved; ui_language_free lets go (after the list closed).
 */
struct ui_language {
	struct ui_form	*form;
	int		 field;
	char		*codes;		/* the choice, or NULL */
	char		*names;		/* what the field shows */
	char		*chosen;	/* the line above the list */
	const char	**items;	/* the list's, while it is open */
	size_t		*order;		/* item -> core language index */
	size_t		 n;
};
void		 ui_language_init(struct ui_language *, struct ui_form *,
		    int i, const char *label, const char *codes);
void		 ui_language_pick(struct ui *, struct ui_language *);
void		 ui_language_free(struct ui_language *);

/* ---- bars and charts (ui-chart.c) -------------------------------------- */

/*
 * Rates and counts drawn in block characters, an eighth of a column at a
 * time: no colour is needed, and the number is always shown beside.
 */
#define UI_BAR_MAX	40	/* most columns of a bar */
/* The eighths of cells columns that part of of fills: rounded, but a
 * part > 0 shows at least one and a part < of never fills them all. */
long		 ui_eighths(long part, long of, int cells);
/* The bar of part/of, cols columns (filled from the left with ▏▎▍▌▋▊▉█,
 * then spaces), into buf of len bytes (3 a column and 1). */
char		*ui_bar(long part, long of, int cols, char *buf, size_t len);
/* "78%" right-aligned in 4 columns, or "  —" when of is 0, into buf. */
char		*ui_percent(long part, long of, char *buf, size_t len);
/* Draw at (y, x) the bar of part/of in cols columns (at most UI_BAR_MAX;
 * in style st), a space and its per cent: returns the columns taken
 * (cols + 5). */
int		 ui_put_bar(int y, int x, long part, long of, int cols,
		    enum ui_style st);

/*
 * Columns standing up from a base line, grouped: groups groups of
 * nseries values each (values[g * nseries + s]), each group group_cols
 * wide with its bars side by side, bar_cols each, at its right end;
 * rows rows high for max (the highest value; at least 1).  Series s is
 * drawn in style[s].
 */
struct ui_chart {
	const long	*values;
	size_t		 groups;
	int		 nseries;	/* at most 4 */
	long		 max;
	int		 rows;
	int		 group_cols, bar_cols;
	enum ui_style	 style[4];
};
/* Draw row `row` of the chart (0 the top, rows - 1 the base) at (y, x). */
void		 ui_chart_row(int y, int x, const struct ui_chart *, int row);

extern const struct screen screen_home;
extern const struct screen screen_households;
extern const struct screen screen_queue;
extern const struct screen screen_overdue;
/* Needs the secretariat; arg: NULL for every department, or (intptr_t)
 * a department's index + 1 to open on that department. */
extern const struct screen screen_followups;
extern const struct screen screen_visit;
extern const struct screen screen_followup;
extern const struct screen screen_goal;
/* A move-in list from an estate office (the secretariat; arg NULL). */
extern const struct screen screen_import;
extern const struct screen screen_coverage;
extern const struct screen screen_desk;
/* The success criteria of a year, and what the secretariat recorded for
 * them (screen-criteria.c, screen-records.c, screen-record-form.c: arg
 * NULL for a new record, else (intptr_t) the record's id), and the
 * visits marked as possible success stories (screen-stories.c). */
extern const struct screen screen_criteria;
extern const struct screen screen_records;
extern const struct screen screen_record_form;
extern const struct screen screen_stories;
/* The yearly report (the secretariat); its evaluation of a department
 * (arg: a struct ui_report_eval of src/ui-report.h, read in init). */
extern const struct screen screen_report;
extern const struct screen screen_evaluation;
extern const struct screen screen_ambassadors;
/* Export the list a screen shows, as it is filtered (screen-export.c):
 * arg a struct export_ask of export.h, copied in init (its search and
 * stairwell too).  Only for those who may export (ACCESS_EXPORT). */
extern const struct screen screen_export;
extern const struct screen screen_ambassador;
extern const struct screen screen_ambassador_form;
extern const struct screen screen_household;
extern const struct screen screen_household_form;
/* A household's consent per purpose, to give or withdraw (arg:
 * (intptr_t) the household's id). */
extern const struct screen screen_consent;
struct consent;
/* Purpose p of a household's consents c (db_consent_list's: by purpose,
 * live first) in words: "given on D by X, how", "withdrawn on D by X"
 * or "not given" (new string); *live 1 when it is given now, 0 when
 * it was withdrawn, -1 when it never was (screen-consent.c). */
char		*ui_consent_text(const struct consent *c, size_t n,
		    int purpose, int *live);
extern const struct screen screen_help;
/* The title of the part of velkomst(1) that tells of screen s (English,
 * for _()), which its help names; NULL for a screen without one. */
const char	*ui_help_manual(const struct screen *);
extern const struct screen screen_login;	/* first run, login, lock */
extern const struct screen screen_accounts;
/* Add an account (arg NULL), or give one a new PIN or password (arg: the
 * struct account, read in init only). */
extern const struct screen screen_account_form;
extern const struct screen screen_audit;

#endif
