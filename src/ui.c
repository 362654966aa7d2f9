/*
 * ui.c — the main loop and the screen stack: start and end curses, draw
 * the title, message and key lines around the screen on top, hand keys to
 * it, and look after resizes and terminals that are too small.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24
#define UI_DEPTH	16

struct frame {
	const struct screen	*screen;
	void			*state;
};

struct ui {
	const struct conf	*conf;
	struct db		*db;
	struct who		 who;
	struct frame		 stack[UI_DEPTH];
	int			 depth;
	char			 message[512];
	int			 message_error;
	int			 quit;
};

static int	curses_on;

/* End curses (also called by fatal() before it prints). */
static void
ui_end(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
	}
}

/* Start curses the way velkomst wants it. */
static void
ui_start(const struct conf *conf)
{
	const char	*nc;

	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	if (initscr() == NULL)
		fatal("%s", _("cannot start the full-screen display "
		    "(is TERM set?)"));
	curses_on = 1;
	util_set_fatal_hook(ui_end);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nc = getenv("NO_COLOR");
	ui_styles_init(conf->color && (nc == NULL || nc[0] == '\0'));
	if (conf->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

const struct conf *
ui_conf(const struct ui *ui)
{
	return ui->conf;
}

struct db *
ui_db(const struct ui *ui)
{
	return ui->db;
}

const struct who *
ui_who(const struct ui *ui)
{
	return &ui->who;
}

int
ui_body_top(const struct ui *ui)
{
	(void)ui;
	return 1;
}

int
ui_body_rows(const struct ui *ui)
{
	(void)ui;
	return LINES - 3;
}

int
ui_cols(const struct ui *ui)
{
	(void)ui;
	return COLS;
}

/* Put a sentence on the message line. */
static void
ui_vmessage(struct ui *ui, int error, const char *fmt, va_list ap)
{
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	ui->message_error = error;
}

/* Show a sentence on the message line. */
void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 0, fmt, ap);
	va_end(ap);
}

/* Show what went wrong on the message line, marked as an error. */
void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 1, fmt, ap);
	va_end(ap);
	beep();
}

/* Open a screen on top of the stack. */
void
ui_push(struct ui *ui, const struct screen *s, void *arg)
{
	if (ui->depth == UI_DEPTH)
		fatal("too many screens open");
	ui->stack[ui->depth].screen = s;
	ui->stack[ui->depth].state = NULL;
	ui->depth++;
	ui->stack[ui->depth - 1].state = s->init(ui, arg);
}

/* Close the screen on top and resume the one below. */
static void
ui_pop(struct ui *ui)
{
	struct frame	*f = &ui->stack[ui->depth - 1];

	if (f->screen->free != NULL)
		f->screen->free(f->state);
	ui->depth--;
	if (ui->depth > 0 && ui->stack[ui->depth - 1].screen->resume != NULL)
		ui->stack[ui->depth - 1].screen->resume(ui,
		    ui->stack[ui->depth - 1].state);
}

/* The title line: where we are, and what is special about this run. */
static void
ui_draw_title(struct ui *ui, const struct screen *s)
{
	char	 right[128], day[11];
	char	*left;
	int	 rw;

	util_date_dk(util_today(), day);
	snprintf(right, sizeof right, "%s%s%s ",
	    db_readonly(ui->db) ? _("READ-ONLY") : "",
	    db_readonly(ui->db) ? "  " : "",
	    day);
	if (util_today_fixed()) {
		snprintf(right, sizeof right, "%s%s%s %s ",
		    db_readonly(ui->db) ? _("READ-ONLY") : "",
		    db_readonly(ui->db) ? "  " : "",
		    _("today is fixed at"), day);
	}
	left = xasprintf(" velkomst \xc2\xb7 %s", _(s->title));
	rw = util_text_width(right);
	ui_put(0, 0, left, COLS, 1, STYLE_TITLE);
	ui_put(0, COLS - rw, right, rw, 0, STYLE_TITLE);
	free(left);
}

/* The bottom line: the keys of this screen, from the key table. */
static void
ui_draw_keys(const struct screen *s, void *state)
{
	const enum ui_action	*a;
	int			 x = 0, w;
	char			*word;

	ui_put(LINES - 1, 0, "", COLS, 1, STYLE_KEYS);
	a = s->actions_now != NULL ? s->actions_now(state) : s->actions;
	for (; *a != ACT_NONE; a++) {
		word = xasprintf(" %s ", _(ui_key_short(*a)));
		w = util_text_width(ui_key_label(*a)) + util_text_width(word);
		if (x + w > COLS) {
			free(word);
			break;
		}
		x += ui_put(LINES - 1, x, ui_key_label(*a), COLS - x, 0,
		    STYLE_KEY);
		x += ui_put(LINES - 1, x, word, COLS - x, 0, STYLE_KEYS);
		free(word);
	}
}

/* Say plainly that the terminal is too small, and nothing else. */
static void
ui_draw_small(void)
{
	char	*msg;

	msg = xasprintf(_("velkomst needs a window of at least %d \xc3\x97 "
	    "%d characters. This one is %d \xc3\x97 %d. Please make it "
	    "larger."), UI_MIN_COLS, UI_MIN_ROWS, COLS, LINES);
	ui_wrap(0, 0, COLS, LINES, 0, msg, STYLE_NORMAL);
	free(msg);
}

/* The message line; a long message takes the body's last row too. */
static void
ui_draw_message(struct ui *ui)
{
	enum ui_style	st = ui->message_error ? STYLE_ERROR : STYLE_NORMAL;
	int		y = LINES - 2;

	if (util_text_width(ui->message) > COLS - 2) {
		y = LINES - 3;
		ui_put(y, 0, "", COLS, 1, st);
	}
	ui_put(LINES - 2, 0, "", COLS, 1, st);
	ui_wrap(y, 1, COLS - 2, LINES - 1 - y, 0, ui->message, st);
}

/* Draw everything and put the cursor where the screen wants it. */
static void
ui_draw(struct ui *ui)
{
	struct frame	*f = &ui->stack[ui->depth - 1];
	int		 y, x;

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
		ui_draw_small();
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	ui_draw_title(ui, f->screen);
	f->screen->draw(ui, f->state);
	ui_draw_message(ui);
	ui_draw_keys(f->screen, f->state);
	if (f->screen->cursor != NULL &&
	    f->screen->cursor(ui, f->state, &y, &x) == 0) {
		move(y, x);
		curs_set(1);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Turn a mouse event into a click or a scroll; returns handler flags. */
static int
ui_mouse(struct ui *ui, struct frame *f)
{
	MEVENT			ev;
	struct ui_keypress	k = { 1, 0 };

	if (getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		k.ch = (ev.bstate & BUTTON4_PRESSED) ? KEY_UP : KEY_DOWN;
		return f->screen->key(ui, f->state, &k);
	}
	if (f->screen->click == NULL)
		return 0;
	return f->screen->click(ui, f->state, ev.y, ev.x,
	    (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
}

/* Give one key to the screen on top, then try the keys every screen has;
 * returns nonzero when the screen must be drawn again. */
static int
ui_key(struct ui *ui, const struct ui_keypress *k)
{
	static const enum ui_action	 global[] = { ACT_HELP, ACT_BACK,
	    ACT_NONE };
	struct frame			*f = &ui->stack[ui->depth - 1];
	int				 flags, had_message;

	had_message = ui->message[0] != '\0';
	ui->message[0] = '\0';
	if (k->is_key && k->ch == KEY_MOUSE)
		flags = ui_mouse(ui, f) | UI_HANDLED;
	else
		flags = f->screen->key(ui, f->state, k);
	if (!(flags & UI_HANDLED) && !k->is_key && k->ch == 3) {
		ui_message(ui, "%s", ui->depth > 1 ? _("To leave velkomst, go "
		    "back to the home screen with Esc and press q.") :
		    _("To leave velkomst, press q."));
		return 1;
	}
	if (!(flags & UI_HANDLED)) {
		switch (ui_key_action(k, global)) {
		case ACT_HELP:
			if (f->screen != &screen_help)
				ui_push(ui, &screen_help, (void *)f->screen);
			break;
		case ACT_BACK:
			if (ui->depth > 1)
				flags |= UI_POP;
			break;
		default:
			break;
		}
	}
	if (flags & UI_QUIT)
		ui->quit = 1;
	else if (flags & UI_POP)
		ui_pop(ui);
	return flags != 0 || had_message || ui->message[0] != '\0' ||
	    ui->depth == 0 || f != &ui->stack[ui->depth - 1];
}

/* Read one key; 0 when a key came, -1 on end of input. */
static int
ui_read(struct ui_keypress *k)
{
	wint_t	ch;
	int	rc;

	rc = get_wch(&ch);
	if (rc == ERR)
		return -1;
	k->is_key = rc == KEY_CODE_YES;
	k->ch = ch;
	return 0;
}

int
ui_run(const struct conf *conf, struct db *db)
{
	struct ui		 ui = { .conf = conf, .db = db };
	struct ui_keypress	 k;
	int			 errs = 0, redraw = 1;

	ui.who.name = util_login();
	ui.who.role = ROLE_ADMIN;	/* until the login screen */
	ui_start(conf);
	ui_push(&ui, &screen_home, NULL);
	if (db_readonly(db))
		ui_message(&ui, "%s", _("The database is read-only: you can "
		    "look, but not save changes."));
	while (!ui.quit && ui.depth > 0) {
		if (redraw)
			ui_draw(&ui);
		redraw = 1;
		if (ui_read(&k) != 0) {
			if (++errs > 100)	/* the terminal went away */
				break;
			continue;
		}
		errs = 0;
		if (k.is_key && k.ch == KEY_RESIZE)
			continue;
		if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
			if (!k.is_key && k.ch == 'q' && ui.depth == 1)
				ui.quit = 1;
			continue;
		}
		redraw = ui_key(&ui, &k);
	}
	for (; ui.depth > 0; ui.depth--) {
		struct frame	*f = &ui.stack[ui.depth - 1];

		if (f->screen->free != NULL)
			f->screen->free(f->state);
	}
	ui_end();
	return 0;
}
