/*
 * ui.c — the main loop and the screen stack: start and end curses, draw
 * the title, message and key lines around the screen on top, hand keys to
 * it, and look after resizes and terminals that are too small.
 */
#include <curses.h>
#include <term.h>

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24
#define UI_DEPTH	16

/* What the loop does once the key handler has returned. */
enum ui_pending {
	PENDING_NONE,
	PENDING_LOGIN,		/* let ui->next in */
	PENDING_LOGOUT
};

struct frame {
	const struct screen	*screen;
	void			*state;
};

struct ui {
	const struct conf	*conf;
	struct db		*db;
	struct session		 session;	/* who is logged in */
	long			 logged_in;	/* session's row of who is
						   logged in, or 0 */
	struct session		 next;		/* PENDING_LOGIN: who is next */
	enum ui_pending		 pending;
	int			 locked;	/* a lock screen is open */
	int			 login_drawn;	/* the last draw was of the
						   login or lock screen */
	long long		 last_key;	/* when, in milliseconds */
	long			 day;		/* today, when last drawn */
	struct frame		 stack[UI_DEPTH];
	int			 depth;
	struct frame		 then;		/* opened after a UI_POP
						   (ui_push_after_pop) */
	char			 message[512];
	int			 message_error;
	int			 quit;
	struct ui_keypress	 held;		/* read by ui_key_waiting */
	int			 has_held;
};

static int	curses_on;
static volatile sig_atomic_t ui_stop;	/* SIGTERM or SIGHUP came */

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

/* The person logged in; a zeroed who before anyone is. */
const struct who *
ui_who(const struct ui *ui)
{
	return &ui->session.who;
}

/* The name of the ambassador tied to the account logged in, or NULL. */
const char *
ui_ambassador_name(const struct ui *ui)
{
	return ui->session.ambassador_name;
}

/* 1 when someone is logged in. */
int
ui_logged_in(const struct ui *ui)
{
	return ui->session.who.role != ROLE_NONE;
}

/* 1 if the person logged in may see the households of department (a
 * key): the same rule the data layer keeps, for what screens offer. */
int
ui_sees_department(const struct ui *ui, const char *department)
{
	const struct who	*w = &ui->session.who;
	size_t			 i;

	if (core_may(w->role, ACCESS_ALL_DEPARTMENTS))
		return 1;
	for (i = 0; i < w->ndepartments && i < WHO_MAX_DEPARTMENTS; i++)
		if (department != NULL && w->departments[i] != NULL &&
		    strcmp(w->departments[i], department) == 0)
			return 1;
	return 0;
}

/* How many screens are open. */
int
ui_depth(const struct ui *ui)
{
	return ui->depth;
}

/* Let the person of *s in once the key handler has returned. */
void
ui_login(struct ui *ui, struct session *s)
{
	if (ui->pending == PENDING_LOGIN)
		db_session_clear(&ui->next);
	ui->next = *s;
	memset(s, 0, sizeof *s);
	ui->pending = PENDING_LOGIN;
}

/* Speak language for the rest of the session. */
void
ui_set_language(struct ui *ui, const char *language)
{
	free(ui->session.language);
	ui->session.language = i18n_known(language) ? xstrdup(language) :
	    NULL;
	i18n_use(ui->session.language);
}

/* Log out once the key handler has returned. */
void
ui_logout(struct ui *ui)
{
	if (ui->pending == PENDING_LOGIN)
		db_session_clear(&ui->next);
	ui->pending = PENDING_LOGOUT;
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

/* Open a screen on top of the stack; the last place is kept for the
 * lock, so that the screen can always be locked.  A full stack opens
 * nothing and says so (screens that lead to each other in a circle
 * must never end the program). */
void
ui_push(struct ui *ui, const struct screen *s, void *arg)
{
	if (ui->depth >= UI_DEPTH - (s != &screen_login)) {
		ui_error(ui, "%s", _("Too many screens are open. Press Esc "
		    "to go back, then try again."));
		return;
	}
	ui->stack[ui->depth].screen = s;
	ui->stack[ui->depth].state = NULL;
	ui->depth++;
	ui->stack[ui->depth - 1].state = s->init(ui, arg);
}

/* Open s in the place of the screen that closes when the key handler
 * returns UI_POP. */
void
ui_push_after_pop(struct ui *ui, const struct screen *s, void *arg)
{
	ui->then.screen = s;
	ui->then.state = arg;
}

/* Close the screen on top and resume the one below. */
static void
ui_pop(struct ui *ui)
{
	struct frame	*f = &ui->stack[ui->depth - 1];

	if (f->screen == &screen_login && ui->locked) {
		ui->locked = 0;		/* unlocked: the person's language */
		i18n_use(ui->session.language);
	}
	if (f->screen->free != NULL)
		f->screen->free(f->state);
	ui->depth--;
	if (ui->depth > 0 && ui->stack[ui->depth - 1].screen->resume != NULL)
		ui->stack[ui->depth - 1].screen->resume(ui,
		    ui->stack[ui->depth - 1].state);
}

/* Close every screen, without resuming any. */
static void
ui_drop_all(struct ui *ui)
{
	struct frame	*f;

	for (; ui->depth > 0; ui->depth--) {
		f = &ui->stack[ui->depth - 1];
		if (f->screen->free != NULL)
			f->screen->free(f->state);
	}
	ui->locked = 0;
	ui->message[0] = '\0';
}

/* Say that the database is read-only, when it is. */
static void
ui_readonly_note(struct ui *ui)
{
	if (db_readonly(ui->db))
		ui_message(ui, "%s", _("The database is read-only: you can "
		    "look, but not save changes."));
}

/* The person logged in leaves: the session and its row of who is
 * logged in go. */
static void
ui_logged_out(struct ui *ui)
{
	db_logged_in_remove(ui->db, ui->logged_in);
	ui->logged_in = 0;
	db_session_clear(&ui->session);
}

/* Do what a login or a logout asked for once its key handler returned. */
static void
ui_pending_apply(struct ui *ui)
{
	enum ui_pending	p = ui->pending;

	if (p == PENDING_NONE)
		return;
	ui->pending = PENDING_NONE;
	ui_drop_all(ui);
	ui_logged_out(ui);
	if (p == PENDING_LOGIN) {
		ui->session = ui->next;
		memset(&ui->next, 0, sizeof ui->next);
		ui->logged_in = db_logged_in_add(ui->db, &ui->session.who);
		i18n_use(ui->session.language);
		ui_push(ui, &screen_home, NULL);
	} else {
		i18n_use(NULL);
		ui_push(ui, &screen_login, NULL);
	}
	ui_readonly_note(ui);
}

/* Milliseconds on a clock that only goes forward. */
static long long
ui_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}


/* Ask the terminal to forget its scrollback, if it knows how (E3). */
static void
ui_clear_scrollback(void)
{
	char	*e3 = tigetstr("E3");

	if (e3 != NULL && e3 != (char *)-1) {
		putp(e3);
		fflush(stdout);
	}
}

/* Lock the screen: nothing personal stays visible until a PIN opens it. */
static void
ui_lock(struct ui *ui)
{
	if (!ui_logged_in(ui) || ui->locked)
		return;
	ui->message[0] = '\0';
	i18n_use(NULL);		/* the lock speaks the default */
	ui_push(ui, &screen_login, NULL);
	ui->locked = 1;
	ui->login_drawn = 0;	/* clear the whole terminal when drawing */
	ui_clear_scrollback();
}

/* The title line: where we are, and what is special about this run. */
static void
ui_draw_title(struct ui *ui, const struct screen *s)
{
	char	 right[160], day[11], login[64] = "";
	char	*left;
	int	 rw;

	/* Who is logged in, so that nobody works on as someone else. */
	if (ui_logged_in(ui) && s != &screen_login && ui->session.login != NULL)
		snprintf(login, sizeof login, "%.*s",
		    (int)util_text_fit(ui->session.login, 16, NULL),
		    ui->session.login);
	util_date_dk(util_today(), day);
	snprintf(right, sizeof right, "%s%s%s%s%s ",
	    db_readonly(ui->db) ? _("READ-ONLY") : "",
	    db_readonly(ui->db) ? "  " : "",
	    login, login[0] != '\0' ? "  " : "", day);
	if (util_today_fixed()) {
		snprintf(right, sizeof right, "%s%s%s%s%s %s ",
		    db_readonly(ui->db) ? _("READ-ONLY") : "",
		    db_readonly(ui->db) ? "  " : "",
		    login, login[0] != '\0' ? "  " : "",
		    _("today is fixed at"), day);
	}
	left = xasprintf(" velkomst \xc2\xb7 %s", _(s->title));
	rw = util_text_width(right);
	ui_put(0, 0, "", COLS, 1, STYLE_TITLE);
	/* A long title gives way to the date and who is logged in. */
	ui_put_cut(0, 0, left, COLS - rw - 1, 0, STYLE_TITLE);
	ui_put(0, COLS - rw, right, rw, 0, STYLE_TITLE);
	free(left);
}

/* The columns that a key and its word take on the bottom line. */
static int
ui_key_width(enum ui_action a)
{
	char	*word;
	int	 w;

	word = xasprintf(" %s ", ui_key_word(a));
	w = util_text_width(ui_key_label(a)) + util_text_width(word);
	free(word);
	return w;
}

/* The columns kept for the keys after a that are always shown: Esc and
 * F1, so that a crowded line never hides the way back and the help. */
static int
ui_keys_kept(const enum ui_action *a)
{
	int	 w = 0;

	for (; *a != ACT_NONE; a++)
		if (*a == ACT_BACK || *a == ACT_HELP)
			w += ui_key_width(*a);
	return w;
}

/*
 * The bottom line: the keys of this screen, from the key table, in
 * order.  When they do not all fit, the first that does not fit and
 * the rest are left to help (F1), except Esc and F1 themselves.
 */
static void
ui_draw_keys(const struct screen *s, void *state)
{
	const enum ui_action	*a;
	int			 x = 0, w, full = 0, kept;
	char			*word;

	ui_put(LINES - 1, 0, "", COLS, 1, STYLE_KEYS);
	a = s->actions_now != NULL ? s->actions_now(state) : s->actions;
	for (; *a != ACT_NONE; a++) {
		kept = *a == ACT_BACK || *a == ACT_HELP;
		if (full && !kept)
			continue;
		w = ui_key_width(*a);
		/* The line's last space may fall off the edge. */
		if (x + w + (kept ? 0 : ui_keys_kept(a + 1)) > COLS + 1) {
			full = 1;
			continue;
		}
		word = xasprintf(" %s ", ui_key_word(*a));
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
	int		 y, x, login = f->screen == &screen_login;

	/* The login and lock screens start from a cleared terminal, so that
	 * nothing of the screens below is left in it. */
	if (login && !ui->login_drawn)
		clear();
	else
		erase();
	ui->login_drawn = login;
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

/* Draw the screen now (ui.h). */
void
ui_draw_now(struct ui *ui)
{
	ui_draw(ui);
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

/* Ctrl-C was not used: say how to leave (or, in a kiosk, how to let
 * the next person in). */
static void
ui_ctrl_c(struct ui *ui)
{
	if (ui->conf->kiosk)
		ui_message(ui, "%s", ui->depth > 1 ? _("To let the next "
		    "person log in, go back to the home screen with Esc and "
		    "press x.") : _("To let the next person log in, press x."));
	else
		ui_message(ui, "%s", ui->depth > 1 ? _("To leave velkomst, go "
		    "back to the home screen with Esc and press q.") :
		    _("To leave velkomst, press q."));
}

/* Give one key to the screen on top, then try the keys every screen has;
 * returns nonzero when the screen must be drawn again. */
static int
ui_key(struct ui *ui, const struct ui_keypress *k)
{
	static const enum ui_action	 global[] = { ACT_HELP, ACT_BACK,
	    ACT_NONE };
	static const enum ui_action	 lock[] = { ACT_LOCK, ACT_NONE };
	struct frame			*f = &ui->stack[ui->depth - 1], then;
	int				 flags, had_message;

	had_message = ui->message[0] != '\0';
	ui->message[0] = '\0';
	/* F9 locks from anywhere, also while a screen asks a question. */
	if (ui_logged_in(ui) && !ui->locked &&
	    ui_key_action(k, lock) == ACT_LOCK) {
		ui_lock(ui);
		return 1;
	}
	if (k->is_key && k->ch == KEY_MOUSE)
		flags = ui_mouse(ui, f) | UI_HANDLED;
	else
		flags = f->screen->key(ui, f->state, k);
	then = ui->then;
	ui->then.screen = NULL;
	if (ui->pending != PENDING_NONE) {
		ui_pending_apply(ui);
		return 1;
	}
	if (!(flags & UI_HANDLED) && !k->is_key && k->ch == 3) {
		ui_ctrl_c(ui);
		return 1;
	}
	if (!(flags & UI_HANDLED)) {
		switch (ui_key_action(k, global)) {
		case ACT_HELP:
			if (f->screen != &screen_help)
				ui_push(ui, &screen_help, (void *)f->screen);
			break;
		case ACT_BACK:
			if (ui->depth > 1 && f->screen != &screen_login)
				flags |= UI_POP;
			break;
		default:
			break;
		}
	}
	if (flags & UI_QUIT)
		ui->quit = 1;
	else if (flags & UI_POP) {
		ui_pop(ui);
		if (then.screen != NULL)
			ui_push(ui, then.screen, then.state);
	}
	return flags != 0 || had_message || ui->message[0] != '\0' ||
	    ui->depth == 0 || f != &ui->stack[ui->depth - 1];
}

/* Milliseconds until just after the next local midnight, or -1 when
 * VELKOMST_TODAY holds the day. */
static long long
ui_midnight_ms(void)
{
	struct tm	tm;
	time_t		t = time(NULL);
	long long	left;

	if (util_today_fixed() || localtime_r(&t, &tm) == NULL)
		return -1;
	left = 86400LL - (tm.tm_hour * 3600LL + tm.tm_min * 60 + tm.tm_sec);
	/* A day of 23 or 25 hours (summer time) wakes once more: harmless. */
	return (left < 1 ? 1 : left) * 1000 + 500;
}

/* How long the loop may wait for a key, in milliseconds: until the idle
 * lock is due or the day changes, so that an idle velkomst does not wake
 * up for nothing. */
static int
ui_wait_ms(const struct ui *ui, long long now)
{
	long long	due = -1, midnight = ui_midnight_ms();

	if (ui_logged_in(ui) && !ui->locked && ui->conf->idle_lock > 0) {
		due = ui->last_key + ui->conf->idle_lock * 1000LL - now;
		if (due < 0)
			due = 0;
	}
	if (midnight >= 0 && (due < 0 || midnight < due))
		due = midnight;
	return due < 0 ? -1 : due > 86400000LL ? 86400000 : (int)due;
}

/* A new day since the last draw (a screen left open past midnight): the
 * screen on top fetches its figures again, as when it is returned to.
 * 1 if the day changed. */
static int
ui_new_day(struct ui *ui)
{
	struct frame	*f;
	long		 today = util_today();

	if (today == ui->day)
		return 0;
	ui->day = today;
	if (ui->depth == 0)
		return 1;
	f = &ui->stack[ui->depth - 1];
	if (f->screen != &screen_login && f->screen->resume != NULL)
		f->screen->resume(ui, f->state);
	return 1;
}

/* Read one key, waiting at most wait ms (-1: for ever): 0 when a key
 * came, 1 when none came in time, -1 when the terminal gave an error at
 * once (it may have gone away). */
static int
ui_read(struct ui_keypress *k, int wait)
{
	wint_t		ch;
	int		rc;
	long long	before = ui_ms();

	timeout(wait);
	rc = get_wch(&ch);
	if (rc == ERR)
		return wait >= 0 && ui_ms() - before >= wait / 2 ? 1 : -1;
	k->is_key = rc == KEY_CODE_YES;
	k->ch = ch;
	return 0;
}

/* Whether a key waits, keeping it for ui_run's next read (ui.h). */
int
ui_key_waiting(struct ui *ui)
{
	if (!ui->has_held && ui_read(&ui->held, 0) == 0)
		ui->has_held = 1;
	return ui->has_held;
}

/* Draw the screen on top, and again after each piece of the work it
 * left for after a frame (screen->later). */
static void
ui_draw_all(struct ui *ui)
{
	const struct frame	*f;

	do {
		ui_draw(ui);
		f = &ui->stack[ui->depth - 1];
	} while (f->screen->later != NULL && f->screen->later(ui, f->state));
}

/* Lock when the person logged in has left the keyboard long enough;
 * 1 if it locked. */
static int
ui_idle(struct ui *ui, long long now)
{
	if (ui_wait_ms(ui, now) != 0)
		return 0;
	ui_lock(ui);
	return ui->locked;
}

/* Handle one key read from the terminal; 1 to draw again. */
static int
ui_one_key(struct ui *ui, const struct ui_keypress *k)
{
	static const enum ui_action	 quit[] = { ACT_QUIT, ACT_NONE };
	const struct screen		*top = ui->stack[ui->depth - 1].screen;

	if (k->is_key && k->ch == KEY_RESIZE)
		return 1;
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
		/* Only the home screen may quit while too small; the
		 * login and lock screens never. */
		if (ui_key_action(k, quit) == ACT_QUIT && ui->depth == 1 &&
		    top == &screen_home && !ui->conf->kiosk)
			ui->quit = 1;
		return 1;
	}
	return ui_key(ui, k);
}

/* SIGTERM and SIGHUP (the terminal went away) end the loop, so that
 * velkomst ends as after q: the screen put back, the row of who is
 * logged in taken away. */
static void
ui_on_signal(int sig)
{
	(void)sig;
	ui_stop = 1;
}

/* Catch SIGTERM and SIGHUP (before curses starts: ncurses then keeps
 * its own hands off them), without SA_RESTART, so that the wait for a
 * key ends at once. */
static void
ui_stop_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* A kiosk cannot be left by a signal from the keyboard either. */
static void
ui_kiosk_signals(void)
{
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
}

/* Start at the login (or first-run) screen and run until the person
 * quits: keys to the screen on top, the idle lock between keys. */
int
ui_run(const struct conf *conf, struct db *db)
{
	struct ui		 ui = { .conf = conf, .db = db };
	struct ui_keypress	 k;
	int			 errs = 0, redraw = 1, rc;

	if (conf->kiosk)
		ui_kiosk_signals();
	ui_stop_signals();
	ui_start(conf);
	ui.last_key = ui_ms();
	ui_push(&ui, &screen_login, NULL);
	ui_readonly_note(&ui);
	if (db_notice(db) != NULL)	/* what opening repaired */
		ui_error(&ui, "%s", db_notice(db));
	ui.day = util_today();
	while (!ui.quit && !ui_stop && ui.depth > 0) {
		if (ui_new_day(&ui))
			redraw = 1;
		if (redraw)
			ui_draw_all(&ui);
		redraw = 0;
		if (ui.has_held) {	/* a key read while drawing */
			k = ui.held;
			ui.has_held = 0;
			rc = 0;
		} else
			rc = ui_read(&k, ui_wait_ms(&ui, ui_ms()));
		if (ui_stop)
			break;
		if (rc == 1) {		/* no key: the idle lock, a new day */
			errs = 0;
			redraw = ui_idle(&ui, ui_ms());
			continue;
		}
		if (rc != 0) {
			if (++errs > 100)	/* the terminal went away */
				break;
			continue;
		}
		errs = 0;
		ui.last_key = ui_ms();
		redraw = ui_one_key(&ui, &k);
	}
	ui_drop_all(&ui);
	ui_logged_out(&ui);
	if (ui.pending == PENDING_LOGIN)
		db_session_clear(&ui.next);
	ui_end();
	return 0;
}
