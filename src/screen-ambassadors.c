/*
 * screen-ambassadors.c — the ambassador register as a list, by name in
 * Danish order, with search-as-you-type and filters for department and
 * status.  Rows are fetched a window at a time as the list is scrolled.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define AL_WINDOW	60

struct amb_list {
	struct edit		 search;
	int			 searching;
	char			*last_search;
	int			 dept;		/* -1: all */
	int			 status;	/* -1: all, else enum amb_status */
	struct ambassador_row	*rows;
	size_t			 n;
	int			 at_end;
	long			 count;
	int			 sel, top;
	const char		**pick;
};

static const enum ui_action al_actions[] = {
	ACT_OPEN, ACT_RECRUIT, ACT_SEARCH, ACT_PICK_DEPT, ACT_PICK_STATUS,
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_NONE
};
static const enum ui_action al_search_actions[] = {
	ACT_TO_LIST, ACT_BACK, ACT_HELP, ACT_NONE
};

/* The query of the list as it stands. */
static void
al_query(struct ui *ui, const struct amb_list *l, struct ambassador_query *q)
{
	memset(q, 0, sizeof *q);
	q->search = l->last_search;
	q->department = l->dept >= 0 ? ui_conf(ui)->departments[l->dept].key :
	    NULL;
	q->status = l->status;
	q->today = util_today();
}

/* Fetch the next window after the last row held. */
static void
al_fetch(struct ui *ui, struct amb_list *l)
{
	struct ambassador_query	 q;
	struct ambassador_row	*more;
	size_t			 n;

	if (l->at_end)
		return;
	al_query(ui, l, &q);
	if (db_ambassador_list(ui_db(ui), ui_who(ui), &q, l->n > 0 ?
	    &l->rows[l->n - 1] : NULL, AL_WINDOW, &more, &n) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		l->at_end = 1;
		return;
	}
	l->rows = xreallocarray(l->rows, l->n + n + 1, sizeof *l->rows);
	memcpy(l->rows + l->n, more, n * sizeof *more);
	free(more);
	l->n += n;
	l->at_end = n < AL_WINDOW;
}

/* Start again from the first row. */
static void
al_reload(struct ui *ui, struct amb_list *l)
{
	struct ambassador_query	q;
	size_t			keep = l->n;

	db_ambassador_rows_free(l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
	l->at_end = 0;
	free(l->last_search);
	l->last_search = util_edit_text(&l->search);
	al_query(ui, l, &q);
	if (db_ambassador_count(ui_db(ui), ui_who(ui), &q, &l->count) != DB_OK)
		l->count = -1;
	do
		al_fetch(ui, l);
	while (l->n < keep && !l->at_end);
	if (l->sel >= (int)l->n)
		l->sel = l->n > 0 ? (int)l->n - 1 : 0;
}

static void *
al_init(struct ui *ui, void *arg)
{
	struct amb_list	*l = xcalloc(1, sizeof *l);

	(void)arg;
	l->dept = -1;
	l->status = -1;
	util_edit_init(&l->search, "", CORE_NAME_MAX);
	al_reload(ui, l);
	return l;
}

static void
al_resume(struct ui *ui, void *state)
{
	al_reload(ui, state);
}

static void
al_free(void *state)
{
	struct amb_list	*l = state;

	db_ambassador_rows_free(l->rows, l->n);
	util_edit_free(&l->search);
	free(l->last_search);
	free(l->pick);
	free(l);
}

static const enum ui_action *
al_actions_now(void *state)
{
	return ((struct amb_list *)state)->searching ? al_search_actions :
	    al_actions;
}

/* One line: the header when r is NULL. */
static void
al_row(struct ui *ui, int y, const struct ambassador_row *r,
    enum ui_style st)
{
	static const int	 w[] = { 0, 10, 12, 12, 10, 8 };
	const struct conf	*c = ui_conf(ui);
	const char		*cell[6];
	char			 day[11];
	int			 x = 1, i, d;

	cell[0] = r ? r->name : _("Name");
	d = r ? cfg_department_find(c, r->department) : -1;
	cell[1] = r ? (d >= 0 ? c->departments[d].shortname : r->department) :
	    _("Department");
	cell[2] = r ? (r->stairwells[0] != '\0' ? r->stairwells :
	    _("all")) : _("Stairwells");
	cell[3] = r ? (r->languages ? r->languages : "") : _("Languages");
	cell[4] = r ? util_date_dk(r->recruited_on, day) : _("Recruited");
	cell[5] = r ? _(core_amb_status_label(r->status)) : _("Status");
	if (r != NULL && st == STYLE_NORMAL && r->status != AS_ACTIVE)
		st = STYLE_DIM;
	ui_put(y, 0, "", ui_cols(ui), 1, st);
	for (i = 0; i < 6; i++) {
		int	cw = w[i] ? w[i] : ui_cols(ui) - 1 - 52 - 12;

		x += ui_put(y, x, cell[i], cw, 1, st) + 2;
	}
}

static void
al_draw(struct ui *ui, void *state)
{
	struct amb_list	*l = state;
	const char	*st;
	char		*info;
	int		 y = ui_body_top(ui), rows = ui_body_rows(ui) - 3, i, x;

	x = 1 + ui_put(y, 1, _("Search:"), 20, 0, STYLE_LABEL) + 1;
	ui_put_edit(y, x, &l->search, 20, l->searching ? STYLE_FIELD_FOCUS :
	    STYLE_FIELD);
	st = l->status < 0 ? _("all") : _(core_amb_status_label(l->status));
	info = xasprintf(P_("%s \xc2\xb7 %s \xc2\xb7 %ld ambassador",
	    "%s \xc2\xb7 %s \xc2\xb7 %ld ambassadors", l->count), l->dept < 0 ?
	    _("all departments") : ui_conf(ui)->departments[l->dept].name,
	    st, l->count);
	ui_put(y, x + 22, info, ui_cols(ui) - x - 23, 0, STYLE_DIM);
	free(info);
	al_row(ui, y + 2, NULL, STYLE_HEADER);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (i = 0; i < rows && l->top + i < (int)l->n; i++)
		al_row(ui, y + 3 + i, &l->rows[l->top + i], l->top + i ==
		    l->sel && !l->searching ? STYLE_SELECTED : STYLE_NORMAL);
	if (l->n == 0)
		ui_wrap(y + 4, 2, ui_cols(ui) - 4, 3, 0, l->last_search[0] !=
		    '\0' ? _("Nobody's name starts with that. Check the "
		    "spelling, or type fewer letters.") : l->dept >= 0 ||
		    l->status >= 0 ? _("No ambassador is in this department or "
		    "has this status; d and t change what is shown.") :
		    _("No ambassadors here yet. Press n to register one the "
		    "secretariat has recruited."), STYLE_DIM);
}

static int
al_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct amb_list	*l = state;

	if (!l->searching)
		return -1;
	*y = ui_body_top(ui);
	*x = 2 + util_text_width(_("Search:")) + util_edit_cursor_col(
	    &l->search) - l->search.scroll;
	return 0;
}

/* Move the selection, fetching more at the end. */
static void
al_move(struct ui *ui, struct amb_list *l, int delta)
{
	while (l->sel + delta >= (int)l->n && !l->at_end) {
		size_t	had = l->n;

		al_fetch(ui, l);
		if (l->n == had)
			break;
	}
	l->sel += delta;
	if (l->sel >= (int)l->n)
		l->sel = (int)l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
}

/* Called by the pick list: the department (0: all). */
static void
al_picked(struct ui *ui, void *ctx, int chosen)
{
	struct amb_list	*l = ctx;

	l->dept = chosen - 1;
	l->sel = 0;
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

/* Keys while typing in the search field. */
static int
al_key_search(struct ui *ui, struct amb_list *l, const struct ui_keypress *k)
{
	char	*now;

	if ((k->is_key && k->ch == KEY_DOWN) ||
	    ui_key_action(k, al_search_actions) == ACT_TO_LIST ||
	    ui_key_action(k, al_search_actions) == ACT_BACK) {
		l->searching = 0;
		return UI_REDRAW | UI_HANDLED;
	}
	if (!ui_edit_key(&l->search, k))
		return 0;
	now = util_edit_text(&l->search);
	if (strcmp(now, l->last_search) != 0) {
		l->sel = 0;
		al_reload(ui, l);
	}
	free(now);
	return UI_REDRAW | UI_HANDLED;
}

static int
al_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct amb_list	*l = state;
	int		 page = ui_body_rows(ui) - 4;

	if (l->searching)
		return al_key_search(ui, l, k);
	switch (ui_key_action(k, al_actions)) {
	case ACT_UP:	al_move(ui, l, -1); break;
	case ACT_DOWN:	al_move(ui, l, 1); break;
	case ACT_PGUP:	al_move(ui, l, -page); break;
	case ACT_PGDN:	al_move(ui, l, page); break;
	case ACT_OPEN:
		if (l->n > 0)
			ui_push(ui, &screen_ambassador,
			    (void *)(intptr_t)l->rows[l->sel].id);
		break;
	case ACT_RECRUIT:
		ui_push(ui, &screen_ambassador_form, NULL);
		break;
	case ACT_SEARCH:
		l->searching = 1;
		break;
	case ACT_PICK_DEPT:
		al_pick_dept(ui, l);
		break;
	case ACT_PICK_STATUS:
		l->status = l->status == AS_STOPPED ? -1 : l->status + 1;
		l->sel = 0;
		al_reload(ui, l);
		break;
	case ACT_BACK:
		if (l->search.len == 0)
			return 0;
		util_edit_set(&l->search, "");
		l->sel = 0;
		al_reload(ui, l);
		ui_message(ui, "%s", _("Search cleared. Esc again goes back."));
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
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
};
