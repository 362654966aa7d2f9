/*
 * screen-ambassadors.c — the ambassador register as a list, by name in
 * Danish order, with search-as-you-type and filters for department and
 * status.  Rows are fetched a window at a time both ways (ui-window.c);
 * the list widget (ui-list.c) draws them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define AL_WINDOW	60	/* rows fetched at a time */
#define AL_KEEP		(5 * AL_WINDOW)	/* most rows held at once */

enum al_col { AC_NAME, AC_DEPT, AC_STAIRS, AC_LANG, AC_RECRUITED,
    AC_STATUS, AC_NCOLS };

struct amb_list {
	struct ui_window	 w;		/* struct ambassador_row */
	struct ui_list		 list;
	char			*search;	/* what rows were fetched for */
	int			 dept;		/* -1: all */
	int			 status;	/* -1: all, else enum amb_status */
	long			 count;
	const char		**pick;
	char			*info;
	const enum ui_action	*actions;	/* al_actions, or without
						   the export */
};

static const struct ui_column al_cols[AC_NCOLS] = {
	[AC_NAME] = { .head = N_("Name"), .width = 16, .grow = 1 },
	[AC_DEPT] = { .head = N_("Department"), .width = 10, .grow = 3 },
	[AC_STAIRS] = { .head = N_("Stairwells"), .width = 12, .grow = 2 },
	[AC_LANG] = { .head = N_("Languages"), .width = 12, .grow = 1 },
	[AC_RECRUITED] = { .head = N_("Recruited"), .width = 10, .whole = 1 },
	[AC_STATUS] = { .head = N_("Status"), .width = 8, .grow = 3 },
};

static const enum ui_action al_actions[] = {
	ACT_OPEN, ACT_RECRUIT, ACT_SEARCH, ACT_PICK_DEPT, ACT_PICK_STATUS,
	ACT_EXPORT, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_FIRST, ACT_LAST, ACT_NONE
};
/* The same for those who may not export (an ambassador). */
static const enum ui_action al_actions_own[] = {
	ACT_OPEN, ACT_RECRUIT, ACT_SEARCH, ACT_PICK_DEPT, ACT_PICK_STATUS,
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST,
	ACT_LAST, ACT_NONE
};

/* The query of the list as it stands. */
static void
al_query(struct ui *ui, const struct amb_list *l, struct ambassador_query *q)
{
	memset(q, 0, sizeof *q);
	q->search = l->search;
	q->department = l->dept >= 0 ? ui_conf(ui)->departments[l->dept].key :
	    NULL;
	q->status = l->status;
	q->today = util_today();
}

/* The window's query: up to want rows after (backward: before) cursor. */
static int
al_fetch(struct ui *ui, void *ctx, const void *cursor, int backward,
    size_t want, void **rows, size_t *n, char **why)
{
	struct ambassador_query	 q;
	struct ambassador_row	*got;

	al_query(ui, ctx, &q);
	q.backward = backward;
	if (db_ambassador_list(ui_db(ui), ui_who(ui), &q, cursor, want, &got,
	    n) != DB_OK) {
		*why = xstrdup(_(db_errmsg(ui_db(ui))));
		return -1;
	}
	*rows = got;
	return 0;
}

/* Free what one row of the window owns. */
static void
al_row_clear(void *row)
{
	db_ambassador_row_clear(row);
}

/* Count the list as it stands. */
static void
al_count(struct ui *ui, struct amb_list *l)
{
	struct ambassador_query	q;

	al_query(ui, l, &q);
	if (db_ambassador_count(ui_db(ui), ui_who(ui), &q, &l->count) != DB_OK)
		l->count = -1;
}

/* Start again from the first row. */
static void
al_reload(struct ui *ui, struct amb_list *l)
{
	al_count(ui, l);
	ui_window_reload(ui, &l->w, 0);
}

/* The search changed: fetch again. */
static void
al_searched(struct ui *ui, void *ctx, const char *text)
{
	struct amb_list	*l = ctx;

	free(l->search);
	l->search = xstrdup(text);
	al_reload(ui, l);
}

/* The text of a cell. */
static const char *
al_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	const struct ambassador_row	*r = c->row;
	const struct conf		*conf = ui_conf(ui);
	char				*names;
	int				 d;

	(void)ctx;
	switch (c->col) {
	case AC_NAME:
		return r->name;
	case AC_DEPT:
		d = cfg_department_find(conf, r->department);
		return d >= 0 ? conf->departments[d].shortname : r->department;
	case AC_STAIRS:
		return r->stairwells[0] != '\0' ? r->stairwells : _("all");
	case AC_LANG:
		names = core_lang_names(r->languages, i18n_lang());
		snprintf(c->buf, sizeof c->buf, "%s", names);
		free(names);
		return c->buf;
	case AC_RECRUITED:
		return util_date_dk(r->recruited_on, c->buf);
	case AC_STATUS:
		return _(core_amb_status_label(r->status));
	}
	return "";
}

/* Paused and stopped ambassadors are dimmed. */
static enum ui_style
al_row_style(struct ui *ui, void *ctx, const void *row)
{
	(void)ui;
	(void)ctx;
	return ((const struct ambassador_row *)row)->status != AS_ACTIVE ?
	    STYLE_DIM : STYLE_NORMAL;
}

/* Enter or a double click: the ambassador's screen. */
static int
al_open_row(struct ui *ui, void *ctx, const void *row)
{
	(void)ctx;
	ui_push(ui, &screen_ambassador, (void *)(intptr_t)
	    ((const struct ambassador_row *)row)->id);
	return UI_REDRAW | UI_HANDLED;
}

/* Open the register of ambassadors, every one, by name. */
static void *
al_init(struct ui *ui, void *arg)
{
	struct amb_list	*l = xcalloc(1, sizeof *l);

	(void)arg;
	l->dept = -1;
	l->status = -1;
	l->search = xstrdup("");
	l->actions = core_may(ui_who(ui)->role, ACCESS_EXPORT) ? al_actions :
	    al_actions_own;
	l->w.size = sizeof (struct ambassador_row);
	l->w.fetch = AL_WINDOW;
	l->w.keep = AL_KEEP;
	l->w.query = al_fetch;
	l->w.clear = al_row_clear;
	l->w.ctx = l;
	l->list.cols = al_cols;
	l->list.ncols = AC_NCOLS;
	l->list.w = &l->w;
	l->list.searchable = 1;
	l->list.cell = al_cell;
	l->list.style = al_row_style;
	l->list.open = al_open_row;
	l->list.search = al_searched;
	l->list.ctx = l;
	ui_list_init(&l->list);
	al_reload(ui, l);
	return l;
}

/* Back from an ambassador or the form: the rows again, where they are. */
static void
al_resume(struct ui *ui, void *state)
{
	struct amb_list	*l = state;

	al_count(ui, l);
	if (ui_window_refresh(ui, &l->w) != 0)
		ui_error(ui, _("%s The list may not show the latest changes."),
		    l->w.error);
}

/* Close the register. */
static void
al_free(void *state)
{
	struct amb_list	*l = state;

	ui_window_clear(&l->w);
	ui_list_free(&l->list);
	free(l->search);
	free(l->pick);
	free(l->info);
	free(l);
}

/* The keys now: the search line's while typing. */
static const enum ui_action *
al_actions_now(void *state)
{
	struct amb_list	*l = state;

	return ui_list_actions(&l->list, l->actions);
}

/* The search line with what is shown, and the table. */
static void
al_draw(struct ui *ui, void *state)
{
	struct amb_list	*l = state;
	const char	*st;

	st = l->status < 0 ? _("all") : _(core_amb_status_label(l->status));
	free(l->info);
	if (l->count < 0)	/* could not be counted */
		l->info = xasprintf("%s \xc2\xb7 %s", l->dept < 0 ?
		    _("all departments") :
		    ui_conf(ui)->departments[l->dept].name, st);
	else
		l->info = xasprintf(P_("%s \xc2\xb7 %s \xc2\xb7 %ld ambassador",
		    "%s \xc2\xb7 %s \xc2\xb7 %ld ambassadors", l->count),
		    l->dept < 0 ? _("all departments") :
		    ui_conf(ui)->departments[l->dept].name, st, l->count);
	l->list.info = l->info;
	l->list.empty = l->search[0] != '\0' ? _("Nobody's name starts with "
	    "that. Check the spelling, or type fewer letters.") :
	    l->dept >= 0 || l->status >= 0 ? _("No ambassador is in this "
	    "department or has this status; d and t change what is shown.") :
	    _("No ambassadors here yet. Press n to register one the "
	    "secretariat has recruited.");
	ui_list_draw(ui, &l->list, ui_body_top(ui), 0, ui_body_rows(ui),
	    ui_cols(ui));
}

/* The cursor: in the search line while typing there. */
static int
al_cursor(struct ui *ui, void *state, int *y, int *x)
{
	(void)ui;
	return ui_list_cursor(&((struct amb_list *)state)->list, y, x);
}

/* Called by the pick list: the department (0: all). */
static void
al_picked(struct ui *ui, void *ctx, int chosen)
{
	struct amb_list	*l = ctx;

	l->dept = chosen - 1;
	al_reload(ui, l);
}

/* Open the pick list of departments. */
static void
al_pick_dept(struct ui *ui, struct amb_list *l)
{
	const struct conf	*c = ui_conf(ui);
	struct ui_pick		 p = { .done = al_picked, .ctx = l,
				    .title = _("Which department?") };
	size_t			 i;

	free(l->pick);
	l->pick = xcalloc(c->ndepartments + 1, sizeof *l->pick);
	l->pick[p.n++] = _("All departments");
	for (i = 0; i < c->ndepartments; i++) {
		if ((int)i == l->dept)
			p.initial = (int)p.n;
		l->pick[p.n++] = c->departments[i].name;
	}
	p.items = l->pick;
	ui_push(ui, &screen_pick, &p);
}

/* E: the list as it is filtered, out to a file (screen-export.c). */
static void
al_export(struct ui *ui, struct amb_list *l)
{
	struct export_ask	a;

	if (!core_may(ui_who(ui)->role, ACCESS_EXPORT)) {
		ui_error(ui, "%s", _("Only the secretariat can export lists."));
		return;
	}
	export_ask_init(&a, EXPORT_AMBASSADORS, ui_conf(ui));
	al_query(ui, l, &a.aq);
	ui_push(ui, &screen_export, &a);
}

/* A key: the list's first, then the screen's. */
static int
al_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct amb_list	*l = state;
	int		 flags;

	if ((flags = ui_list_key(ui, &l->list, k)) != 0 || l->list.searching)
		return flags;
	switch (ui_key_action(k, l->actions)) {
	case ACT_EXPORT:
		al_export(ui, l);
		break;
	case ACT_RECRUIT:
		ui_push(ui, &screen_ambassador_form, NULL);
		break;
	case ACT_PICK_DEPT:
		al_pick_dept(ui, l);
		break;
	case ACT_PICK_STATUS:
		l->status = l->status == AS_STOPPED ? -1 : l->status + 1;
		al_reload(ui, l);
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* A click selects an ambassador; a double click opens them. */
static int
al_click(struct ui *ui, void *state, int y, int x, int twice)
{
	return ui_list_click(ui, &((struct amb_list *)state)->list, y, x,
	    twice);
}

const struct screen screen_ambassadors = {
	.name = "ambassadors",
	.title = N_("Ambassadors"),
	.actions = al_actions,
	.help = N_("Every stairwell ambassador the secretariat has recruited, "
	    "by name. Paused and stopped ambassadors are shown dimmed; t "
	    "shows only the active, paused or stopped ones, d one "
	    "department. Press n to register a new ambassador, Enter to see "
	    "one: their stairwells, their history and the visits they "
	    "made."),
	.init = al_init,
	.draw = al_draw,
	.key = al_key,
	.resume = al_resume,
	.free = al_free,
	.cursor = al_cursor,
	.actions_now = al_actions_now,
	.click = al_click,
};
