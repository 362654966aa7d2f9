/*
 * screen-audit.c — the audit trail, newest first: who did what kind of
 * thing to which record, and when (never the personal content).  Filters:
 * one account, one record (or kind of record), a range of dates.
 *
 * A trail gets a row for every login and change, 100 000 and more after
 * some years, so the list holds a sliding window of rows: more are
 * fetched older or newer as the selection moves (keyset paging both
 * ways), rows far from the selection are let go, and End fetches the
 * oldest window, Home the newest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define AU_WINDOW	100	/* rows fetched at a time */
#define AU_KEEP		(3 * AU_WINDOW)	/* most rows held at once */

enum au_prompt { AP_NONE, AP_ACCOUNT, AP_RECORD, AP_DATES };

enum au_col { AU_TIME, AU_LOGIN, AU_WHAT, AU_RECORD, AU_DETAIL, AU_NCOLS };

struct audit_list {
	struct ui_window	 w;		/* struct audit_row, newest
						   first */
	struct ui_list		 list;
	char			*login;		/* the filters, or NULL */
	const char		*table;		/* a stable table name */
	long			 record;
	long			 since, until;
	enum au_prompt		 prompt;	/* a filter being typed */
	struct edit		 e[2];
	int			 field;
	const char		*error;		/* of the prompt (N_()) */
	int			 cur_y, cur_x;
};

static const struct ui_column au_cols[AU_NCOLS] = {
	[AU_TIME] = { .head = N_("Time"), .width = 16, .whole = 1 },
	[AU_LOGIN] = { .head = N_("Login"), .width = 20, .grow = 2 },
	[AU_WHAT] = { .head = N_("What"), .width = 18, .grow = 1 },
	[AU_RECORD] = { .head = N_("Record"), .width = 13, .grow = 2 },
	[AU_DETAIL] = { .head = N_("Detail"), .width = 30, .grow = 3 },
};

static const enum ui_action au_actions[] = {
	ACT_FILTER_ACCOUNT, ACT_FILTER_RECORD, ACT_FILTER_DATE,
	ACT_FILTER_CLEAR, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP,
	ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action au_prompt_actions[] = {
	ACT_CONFIRM, ACT_BACK, ACT_NONE
};
static const enum ui_action au_dates_actions[] = {
	ACT_CONFIRM, ACT_NEXT_FIELD, ACT_BACK, ACT_NONE
};

/* The kinds of row the trail knows, to be translated when shown. */
static const char *const au_kinds[] = {
	N_("login"), N_("login failed"), N_("account locked"),
	N_("account added"), N_("account disabled"), N_("account enabled"),
	N_("account reset"), N_("account unlocked"), N_("household added"),
	N_("household changed"), N_("household moved out"),
	N_("household moved back"), N_("household handled"),
	N_("household deleted"),
	N_("visit added"), N_("ambassador added"), N_("ambassador changed"),
	N_("ambassador status"), N_("export"), N_("audit trail repaired"),
	N_("followup added"), N_("household erased"),
	N_("ambassador contact erased"), N_("backups pruned"),
	N_("consent given"), N_("consent withdrawn"),
};

/* A kind as shown: translated when known, else as stored. */
static const char *
au_kind(const char *kind)
{
	size_t	i;

	for (i = 0; kind != NULL && i < sizeof au_kinds / sizeof au_kinds[0];
	    i++)
		if (strcmp(kind, au_kinds[i]) == 0)
			return _(au_kinds[i]);
	return kind != NULL ? kind : "";
}

/* UTC text "2026-11-28 09:12:00" as local time, Danish style, into buf
 * ("28.11.2026 11:05", with seconds when secs is set). */
static const char *
au_time(const char *utc, int secs, char buf[40])
{
	struct tm	u, t;
	time_t		s;

	memset(&u, 0, sizeof u);
	if (utc == NULL || sscanf(utc, "%d-%d-%d %d:%d:%d", &u.tm_year,
	    &u.tm_mon, &u.tm_mday, &u.tm_hour, &u.tm_min, &u.tm_sec) != 6)
		return utc != NULL ? utc : "";
	u.tm_year -= 1900;
	u.tm_mon--;
	s = timegm(&u);
	if (localtime_r(&s, &t) == NULL)
		return utc;
	if (secs)
		snprintf(buf, 40, "%02d.%02d.%04d %02d:%02d:%02d", t.tm_mday,
		    t.tm_mon + 1, t.tm_year + 1900, t.tm_hour, t.tm_min,
		    t.tm_sec);
	else
		snprintf(buf, 40, "%02d.%02d.%04d %02d:%02d", t.tm_mday,
		    t.tm_mon + 1, t.tm_year + 1900, t.tm_hour, t.tm_min);
	return buf;
}

/* Who made a row (new string). */
static char *
au_who(const struct audit_row *r)
{
	if (r->login == NULL)
		return xstrdup(_("(unknown login)"));
	if (r->command_line)
		return xasprintf(_("(command line) %s"), r->login);
	return xstrdup(r->login);
}

/* 1 if any filter is set. */
static int
au_filtered(const struct audit_list *l)
{
	return l->login != NULL || l->table != NULL || l->since != DATE_NONE ||
	    l->until != DATE_NONE;
}

/* Fetch up to want rows older than cursor (backward: newer), or the
 * newest (the oldest) when cursor is NULL. */
static int
au_query(struct ui *ui, void *ctx, const void *cursor, int backward,
    size_t want, void **out, size_t *n, char **why)
{
	struct audit_list	*l = ctx;
	struct audit_query	 q = { .login = l->login, .table = l->table,
				    .record = l->record, .since = l->since,
				    .until = l->until, .backward = backward };
	struct audit_row	*rows;

	if (db_audit_list(ui_db(ui), ui_who(ui), &q, cursor, want, &rows,
	    n) != DB_OK) {
		*why = xstrdup(_(db_errmsg(ui_db(ui))));
		return -1;
	}
	*out = rows;
	return 0;
}

/* Free what one row of the window owns. */
static void
au_row_clear(void *row)
{
	db_audit_row_clear(row);
}

/* The detail as shown: an ambassador's status in the screen's words. */
static const char *
au_detail(const struct audit_row *r)
{
	enum amb_status	st;

	if (r->detail == NULL)
		return "";
	if (r->kind != NULL && strcmp(r->kind, "ambassador status") == 0 &&
	    core_amb_status_parse(r->detail, &st) == 0)
		return _(core_amb_status_label(st));
	return r->detail;
}

/* The text of a cell. */
static const char *
au_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct audit_row	*r = c->row;
	char			*s;

	(void)ui;
	(void)ctx;
	switch (c->col) {
	case AU_TIME:
		return au_time(r->at, 0, c->buf);
	case AU_LOGIN:
		s = au_who(r);
		break;
	case AU_WHAT:
		return au_kind(r->kind);
	case AU_RECORD:
		s = core_audit_record(r->table, r->record);
		break;
	default:
		return au_detail(r);
	}
	snprintf(c->buf, sizeof c->buf, "%s", s);
	free(s);
	return c->buf;
}

/* Open the trail at its newest row, with no filter. */
static void *
au_init(struct ui *ui, void *arg)
{
	struct audit_list	*l = xcalloc(1, sizeof *l);

	(void)arg;
	l->since = l->until = DATE_NONE;
	util_edit_init(&l->e[0], "", 40);
	util_edit_init(&l->e[1], "", 40);
	l->w.size = sizeof (struct audit_row);
	l->w.fetch = AU_WINDOW;
	l->w.keep = AU_KEEP;
	l->w.query = au_query;
	l->w.clear = au_row_clear;
	l->w.ctx = l;
	l->list.cols = au_cols;
	l->list.ncols = AU_NCOLS;
	l->list.w = &l->w;
	l->list.cell = au_cell;
	l->list.ctx = l;
	ui_list_init(&l->list);
	ui_window_reload(ui, &l->w, 0);
	return l;
}

/* Close the trail. */
static void
au_free(void *state)
{
	struct audit_list	*l = state;

	ui_window_clear(&l->w);
	ui_list_free(&l->list);
	util_edit_free(&l->e[0]);
	util_edit_free(&l->e[1]);
	free(l->login);
	free(l);
}

static const enum ui_action *
au_actions_now(void *state)
{
	struct audit_list	*l = state;

	if (l->prompt == AP_DATES)
		return au_dates_actions;
	return l->prompt != AP_NONE ? au_prompt_actions : au_actions;
}

/* The dates filter as words (new string), or NULL for none. */
static char *
au_dates_text(const struct audit_list *l)
{
	char	a[11], b[11];

	if (l->since != DATE_NONE && l->until != DATE_NONE)
		return xasprintf(_("%s to %s"), util_date_dk(l->since, a),
		    util_date_dk(l->until, b));
	if (l->since != DATE_NONE)
		return xasprintf(_("from %s"), util_date_dk(l->since, a));
	if (l->until != DATE_NONE)
		return xasprintf(_("until %s"), util_date_dk(l->until, b));
	return NULL;
}

/* Add part to the text of what is shown (parts joined by a dot). */
static char *
au_join(char *s, const char *part)
{
	char	*t = xasprintf("%s%s%s", s, s[0] != '\0' ? " \xc2\xb7 " : "",
		    part);

	free(s);
	return t;
}

/* The line that says what is shown: the filters and the count. */
static void
au_draw_info(struct ui *ui, const struct audit_list *l, int y)
{
	char	*s = xstrdup(""), *part;

	if (!au_filtered(l))
		s = au_join(s, _("everything"));
	if (l->login != NULL) {
		part = xasprintf(_("account %s"), l->login);
		s = au_join(s, part);
		free(part);
	}
	if (l->table != NULL) {
		part = core_audit_record(l->table, l->record);
		s = au_join(s, part);
		free(part);
	}
	if ((part = au_dates_text(l)) != NULL) {
		s = au_join(s, part);
		free(part);
	}
	if (l->w.n == 0 && l->w.error != NULL)
		part = xstrdup(_("could not be read"));
	else if (l->w.at_start && l->w.at_end)
		part = xasprintf(P_("%zu row", "%zu rows", l->w.n), l->w.n);
	else if (l->w.at_start)
		part = xasprintf(P_("%zu row so far, more below",
		    "%zu rows so far, more below", l->w.n), l->w.n);
	else if (l->w.at_end)
		part = xstrdup(_("the oldest rows, more above"));
	else
		part = xstrdup(_("more above and below"));
	s = au_join(s, part);
	free(part);
	part = xasprintf(_("Showing: %s"), s);
	ui_put(y, 1, part, ui_cols(ui) - 2, 0, au_filtered(l) ? STYLE_HEADER :
	    STYLE_DIM);
	free(part);
	free(s);
}

/* The selected row in full, under the list. */
static void
au_draw_full(struct ui *ui, const struct audit_row *r, int y)
{
	char	 when[40], *who = au_who(r), *rec = core_audit_record(r->table,
		    r->record), *s;

	s = xasprintf("%s \xc2\xb7 %s \xc2\xb7 %s%s%s%s%s",
	    au_time(r->at, 1, when), who, au_kind(r->kind),
	    rec[0] != '\0' ? " \xc2\xb7 " : "", rec,
	    r->detail != NULL ? " \xc2\xb7 " : "", au_detail(r));
	ui_put(y, 1, s, ui_cols(ui) - 2, 0, STYLE_DIM);
	free(s);
	free(who);
	free(rec);
}

/* The filter being typed, at rows y and y + 1. */
static void
au_draw_prompt(struct ui *ui, struct audit_list *l, int y)
{
	const char	*label, *hint;
	int		 x, lw;

	label = l->prompt == AP_ACCOUNT ? _("Only the login:") :
	    l->prompt == AP_RECORD ? _("Only the record:") : _("From:");
	hint = l->prompt == AP_ACCOUNT ? _("Type a login, such as lene; "
	    "empty shows every login. Enter shows it.") :
	    l->prompt == AP_RECORD ? _("Type household 12, or only 12 for a "
	    "household, or a kind: household, visit, ambassador, account. "
	    "Enter shows it.") : _("Type dates like 28.11.2026; leave To "
	    "empty for up to now. Tab goes to the next date, Enter shows it.");
	lw = util_text_width(label);
	ui_put(y, 2, label, lw, 0, STYLE_LABEL);
	x = ui_put_edit(y, 3 + lw, &l->e[0], l->prompt == AP_DATES ? 12 : 30,
	    l->field == 0 ? STYLE_FIELD_FOCUS : STYLE_FIELD);
	if (l->field == 0) {
		l->cur_y = y;
		l->cur_x = x;
	}
	if (l->prompt == AP_DATES) {
		x = 17 + lw;
		x += ui_put(y, x, _("To:"), 10, 0, STYLE_LABEL) + 1;
		x = ui_put_edit(y, x, &l->e[1], 12, l->field == 1 ?
		    STYLE_FIELD_FOCUS : STYLE_FIELD);
		if (l->field == 1) {
			l->cur_y = y;
			l->cur_x = x;
		}
	}
	ui_wrap(y + 1, 2, ui_cols(ui) - 4, 2, 0, l->error != NULL ?
	    _(l->error) : hint, l->error != NULL ? STYLE_ERROR : STYLE_DIM);
}

static void
au_draw(struct ui *ui, void *state)
{
	struct audit_list	*l = state;
	const struct audit_row	*r;
	int			 y = ui_body_top(ui), bottom;

	l->cur_y = -1;
	bottom = y + ui_body_rows(ui) - 1;
	if (l->prompt != AP_NONE) {
		au_draw_prompt(ui, l, bottom - 2);
		bottom -= 4;
	}
	au_draw_info(ui, l, y);
	l->list.empty = au_filtered(l) ? _("Nothing in the trail matches "
	    "these filters. Press c to show the whole trail.") : _("The trail "
	    "is empty: nothing has been done yet.");
	ui_list_draw(ui, &l->list, y + 1, 0, bottom - y - 1, ui_cols(ui));
	if ((r = ui_list_selected(&l->list)) != NULL)
		au_draw_full(ui, r, bottom);
}

static int
au_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct audit_list	*l = state;

	(void)ui;
	if (l->prompt == AP_NONE || l->cur_y < 0)
		return -1;
	*y = l->cur_y;
	*x = l->cur_x;
	return 0;
}

/* Open a prompt, filled with the filter as it stands. */
static void
au_open(struct audit_list *l, enum au_prompt p)
{
	char	 a[11], *s;

	l->prompt = p;
	l->field = 0;
	l->error = NULL;
	util_edit_set(&l->e[0], "");
	util_edit_set(&l->e[1], "");
	if (p == AP_ACCOUNT && l->login != NULL)
		util_edit_set(&l->e[0], l->login);
	if (p == AP_RECORD && l->table != NULL) {
		s = core_audit_record(l->table, l->record);
		util_edit_set(&l->e[0], s);
		free(s);
	}
	if (p == AP_DATES && l->since != DATE_NONE)
		util_edit_set(&l->e[0], util_date_dk(l->since, a));
	if (p == AP_DATES && l->until != DATE_NONE)
		util_edit_set(&l->e[1], util_date_dk(l->until, a));
}

/* Parse "household 12", "12" or "visit" into *table and *record. */
static int
au_parse_record(const char *s, const char **table, long *record)
{
	char	 word[40];
	long	 n = 0;
	int	 used = 0;

	if (sscanf(s, "%ld%n", &n, &used) == 1 && s[used] == '\0') {
		*table = "household";
	} else if (sscanf(s, "%39s %ld%n", word, &n, &used) == 2 &&
	    s[used] == '\0') {
		*table = core_audit_table_named(word);
	} else if (sscanf(s, "%39s%n", word, &used) == 1 && s[used] == '\0') {
		*table = core_audit_table_named(word);
		n = 0;
	} else
		return -1;
	if (*table == NULL || n < 0)
		return -1;
	*record = n;
	return 0;
}

/* Apply the account or record prompt; 0, or -1 with l->error set. */
static int
au_apply_text(struct audit_list *l, const char *text)
{
	const char	*table;
	long		 record;

	if (l->prompt == AP_ACCOUNT) {
		free(l->login);
		l->login = text[0] != '\0' ? xstrdup(text) : NULL;
		return 0;
	}
	if (text[0] == '\0') {
		l->table = NULL;
		l->record = 0;
		return 0;
	}
	if (au_parse_record(text, &table, &record) != 0) {
		l->error = N_("That is not a record. Type household 12, or only "
		    "12 for a household, or a kind such as visit.");
		return -1;
	}
	l->table = table;
	l->record = record;
	return 0;
}

/* Apply the dates prompt; 0, or -1 with l->error set. */
static int
au_apply_dates(struct audit_list *l)
{
	long		 d[2] = { DATE_NONE, DATE_NONE };
	enum date_err	 e;
	char		*t;
	int		 i;

	for (i = 0; i < 2; i++) {
		t = util_edit_text(&l->e[i]);
		e = util_date_parse(t, &d[i]);
		free(t);
		if (e == DATE_EMPTY) {
			d[i] = DATE_NONE;
			continue;
		}
		if (e != DATE_OK) {
			l->error = util_date_errstr(e);
			l->field = i;
			return -1;
		}
	}
	if (d[0] != DATE_NONE && d[1] != DATE_NONE && d[1] < d[0]) {
		l->error = N_("The second date is before the first. Swap them.");
		l->field = 1;
		return -1;
	}
	l->since = d[0];
	l->until = d[1];
	return 0;
}

/* Enter in a prompt: apply the filter and show the trail again. */
static void
au_confirm(struct ui *ui, struct audit_list *l)
{
	char	*t = util_edit_text(&l->e[0]), *c = core_clean_text(t);
	int	 rc;

	rc = l->prompt == AP_DATES ? au_apply_dates(l) :
	    au_apply_text(l, c != NULL ? c : "");
	free(c);
	free(t);
	if (rc != 0)
		return;
	l->prompt = AP_NONE;
	ui_window_reload(ui, &l->w, 0);
}

/* Keys while a filter is typed. */
static int
au_key_prompt(struct ui *ui, struct audit_list *l,
    const struct ui_keypress *k)
{
	switch (ui_key_action(k, au_actions_now(l))) {
	case ACT_CONFIRM:
		au_confirm(ui, l);
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		l->prompt = AP_NONE;
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEXT_FIELD:
		l->field = !l->field;
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	if (!ui_edit_key(&l->e[l->field], k))
		return 0;
	l->error = NULL;
	return UI_REDRAW | UI_HANDLED;
}

static int
au_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct audit_list	*l = state;
	int			 flags;

	if (l->prompt != AP_NONE)
		return au_key_prompt(ui, l, k);
	if ((flags = ui_list_key(ui, &l->list, k)) != 0)
		return flags;
	switch (ui_key_action(k, au_actions)) {
	case ACT_FILTER_ACCOUNT:	au_open(l, AP_ACCOUNT); break;
	case ACT_FILTER_RECORD:		au_open(l, AP_RECORD); break;
	case ACT_FILTER_DATE:		au_open(l, AP_DATES); break;
	case ACT_FILTER_CLEAR:
		if (!au_filtered(l)) {
			ui_message(ui, "%s", _("No filter is set: this is the "
			    "whole trail."));
			break;
		}
		free(l->login);
		l->login = NULL;
		l->table = NULL;
		l->record = 0;
		l->since = l->until = DATE_NONE;
		ui_window_reload(ui, &l->w, 0);
		ui_message(ui, "%s", _("The filters are cleared: this is the "
		    "whole trail."));
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* A click selects a row. */
static int
au_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct audit_list	*l = state;

	if (l->prompt != AP_NONE)
		return 0;
	return ui_list_click(ui, &l->list, y, x, twice);
}

const struct screen screen_audit = {
	.name = "audit",
	.title = N_("Audit trail"),
	.actions = au_actions,
	.help = N_("Everything done in velkomst, newest first: when, by which "
	    "login (or by the command line), what kind of thing, and to "
	    "which record. The trail never holds names, phone numbers or "
	    "notes, only that something happened. The line under the list "
	    "shows the chosen row in full.\n\n"
	    "Press a to see what one login did, r to see what happened to "
	    "one record (type household 12, or only 12), d for a range of "
	    "dates (from, and to if you want), and c to see everything "
	    "again. The line at the top says what is shown, and how many "
	    "rows or whether there are more above or below. Home goes to the "
	    "newest row, End to the oldest."),
	.init = au_init,
	.draw = au_draw,
	.key = au_key,
	.free = au_free,
	.cursor = au_cursor,
	.actions_now = au_actions_now,
	.click = au_click,
};
