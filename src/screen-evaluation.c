/*
 * screen-evaluation.c — "Evaluation", opened from the yearly report on a
 * department: what its board needs to evaluate its welcome concept, for
 * the report's year or (f) its first year from its first welcome.  Three
 * parts that Tab goes through: its figures beside the average of the
 * other departments, with the referrals by kind; its months as a chart;
 * its checklist items as bars beside the others' rate.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "ui.h"
#include "util.h"

#include "ui-report.h"

enum eval_part { EP_FIGURES, EP_MONTHS, EP_CHECKLIST, EP_COUNT };

struct eval_scr {
	int			 dept;		/* the configuration's index */
	struct report_period	 asked;		/* the report's period */
	struct report_period	 period;	/* shown: asked or the first
						   year */
	struct report		 r;
	int			 ok;
	char			*why;
	int			 part;
	struct ui_page		 page[EP_COUNT];
	const struct report_figures *mine;	/* in r */
	int			 nothers;	/* in r.rest */
	struct ui_report_when	 when;		/* r was read */
};

static const enum ui_action eval_actions[] = {
	ACT_FIRST_YEAR, ACT_NEXT_PART, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN,
	ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};

static const char *const eval_part_title[EP_COUNT] = {
	N_("The department beside the average of the others"),
	N_("Moved in and welcomed, by the month of moving in"),
	N_("The checklist: how often each item was done"),
};

/* Let go of the report. */
static void
eval_clear(struct eval_scr *e)
{
	if (e->ok)
		report_clear(&e->r);
	e->ok = 0;
	e->mine = NULL;
	free(e->why);
	e->why = NULL;
}

/* Read the report of the period with the department's months (say:
 * saying so on the screen first). */
static void
eval_load(struct ui *ui, struct eval_scr *e, int say)
{
	const char	*key = ui_conf(ui)->departments[e->dept].key;

	if (say)
		ui_report_counting(ui);
	eval_clear(e);
	e->ok = ui_report_load(ui, &e->period, key, &e->r, &e->why) == 0;
	ui_report_read_now(ui, &e->when);
	if (say)
		ui_message(ui, "%s", "");
	if (e->ok && e->r.department >= 0) {
		e->mine = &e->r.by_department[e->r.department];
		e->nothers = (int)e->r.ndepartments - 1;
	} else if (e->ok) {
		report_clear(&e->r);
		e->ok = 0;
		e->why = xstrdup(_("The report has no such department."));
	}
}

/* The department and the period of the report it was opened from. */
static void *
eval_init(struct ui *ui, void *arg)
{
	const struct ui_report_eval	*a = arg;
	struct eval_scr			*e = xcalloc(1, sizeof *e);

	e->dept = a->department;
	e->asked = e->period = a->period;
	eval_load(ui, e, 0);
	return e;
}

/* Back from the help, or on a new day: read the period again if it may
 * have changed. */
static void
eval_resume(struct ui *ui, void *state)
{
	struct eval_scr	*e = state;

	if (!e->ok || ui_report_changed(ui, &e->when))
		eval_load(ui, e, 1);
}

/* Close the screen. */
static void
eval_free(void *state)
{
	struct eval_scr	*e = state;

	eval_clear(e);
	free(e);
}

/* The others' average of a count, in tenths, as text. */
static char *
eval_avg(const struct eval_scr *e, long sum, char *buf, size_t len)
{
	if (e->nothers == 0)
		snprintf(buf, len, "\xe2\x80\x94");
	else
		ui_report_tenths((sum * 20 + e->nothers) / (e->nothers * 2),
		    buf, len);
	return buf;
}

/* The columns of the figures: name, count, bar; average, bar. */
struct eval_layout {
	int	 x[5], w[5];
};

/* One line of figures: a count and the others' average; with of (>= 0),
 * a bar of the per cent beside each. */
static void
eval_line(const struct eval_scr *e, const struct ui_page *pg,
    const struct eval_layout *lay, int n, const char *name, long mine,
    long others, long of_mine, long of_others)
{
	char	buf[32];
	int	y;

	ui_report_cell(pg, n, lay->x[0], lay->w[0], name, 0, STYLE_NORMAL);
	snprintf(buf, sizeof buf, "%ld", mine);
	ui_report_cell(pg, n, lay->x[1], lay->w[1], buf, 1, STYLE_NORMAL);
	ui_report_cell(pg, n, lay->x[3], lay->w[3], eval_avg(e, others, buf,
	    sizeof buf), 1, STYLE_NORMAL);
	if (of_mine < 0 || (y = ui_page_row(pg, n)) < 0)
		return;
	ui_put_bar(y, lay->x[2], mine, of_mine, lay->w[2] - 5, STYLE_BAR);
	ui_put_bar(y, lay->x[4], others, of_others, lay->w[4] - 5, STYLE_BAR);
}

/* The median days: the department's, and the others' together. */
static void
eval_median(const struct eval_scr *e, const struct ui_page *pg,
    const struct eval_layout *lay, int n)
{
	char	buf[32];

	ui_report_cell(pg, n, lay->x[0], lay->w[0], _("Median days"), 0,
	    STYLE_NORMAL);
	ui_report_cell(pg, n, lay->x[1], lay->w[1], ui_report_median(
	    e->mine->median2, buf, sizeof buf), 1, STYLE_NORMAL);
	ui_report_cell(pg, n, lay->x[3], lay->w[3], ui_report_median(
	    e->r.rest.median2, buf, sizeof buf), 1, STYLE_NORMAL);
}

/* The names of the figures' lines. */
static const char *const eval_names[] = {
	N_("Moved in"), N_("Welcomed"), N_("Within deadline"),
	N_("Median days"), N_("Partly"), N_("Declined"), N_("Not reached"),
	N_("Referred"), N_("Followed up"),
};
/* The referrals' kinds, in the order of enum report_referral. */
static const char *const eval_referrals[REPORT_REFERRALS] = {
	N_("Nobody at home too often"), N_("Passed on by an ambassador"),
	N_("Declined, with a note"), N_("Not reached in time"),
};

/* Lay the figures out in the width there is. */
static void
eval_layout(struct ui *ui, struct eval_layout *lay)
{
	size_t	i;
	int	t, bar;

	lay->w[0] = 0;
	for (i = 0; i < sizeof eval_names / sizeof eval_names[0]; i++)
		if ((t = util_text_width(_(eval_names[i]))) > lay->w[0])
			lay->w[0] = t;
	for (i = 0; i < REPORT_REFERRALS; i++)
		if ((t = util_text_width(_(eval_referrals[i]))) > lay->w[0])
			lay->w[0] = t;
	lay->w[1] = 5;
	lay->w[3] = 6;
	bar = (ui_cols(ui) - 2 - lay->w[0] - lay->w[1] - lay->w[3] - 8 -
	    10) / 2;
	if (bar > 16)
		bar = 16;
	if (bar < 3)
		bar = 3;
	lay->w[2] = lay->w[4] = bar + 5;
	lay->x[0] = 1;
	lay->x[1] = lay->x[0] + lay->w[0] + 2;
	lay->x[2] = lay->x[1] + lay->w[1] + 1;
	lay->x[3] = lay->x[2] + lay->w[2] + 3;
	lay->x[4] = lay->x[3] + lay->w[3] + 1;
}

/* The heads: the department's short name and the others. */
static int
eval_heads(struct ui *ui, const struct eval_scr *e, const struct ui_page *pg,
    const struct eval_layout *lay, int n)
{
	char	*t;
	int	 w = ui_cols(ui) - 1 - lay->x[3];

	ui_report_cell(pg, n + 1, lay->x[1], lay->w[1] + 1 + lay->w[2],
	    ui_conf(ui)->departments[e->dept].shortname, 0, STYLE_HEADER);
	/* TRANSLATORS: the head of the column of the other departments,
	   over "on average" (the next message). */
	t = xasprintf(P_("The other %d", "The other %d", e->nothers),
	    e->nothers);
	ui_report_cell(pg, n, lay->x[3], w, t, 0, STYLE_HEADER);
	ui_report_cell(pg, n + 1, lay->x[3], w, _("on average"), 0,
	    STYLE_HEADER);
	free(t);
	return n + 2;
}

/* The figures and the referrals by kind, beside the others. */
static int
eval_figures(struct ui *ui, struct eval_scr *e)
{
	const struct report_figures	*m = e->mine, *o = &e->r.rest;
	struct ui_page			*pg = &e->page[EP_FIGURES];
	struct eval_layout		 lay;
	int				 n, i;

	eval_layout(ui, &lay);
	n = eval_heads(ui, e, pg, &lay, 0);
	eval_line(e, pg, &lay, n++, _(eval_names[0]), m->moved_in,
	    o->moved_in, -1, -1);
	eval_line(e, pg, &lay, n++, _(eval_names[1]), m->welcomed,
	    o->welcomed, m->moved_in, o->moved_in);
	eval_line(e, pg, &lay, n++, _(eval_names[2]), m->in_time, o->in_time,
	    m->moved_in, o->moved_in);
	eval_median(e, pg, &lay, n++);
	eval_line(e, pg, &lay, n++, _(eval_names[4]), m->partly, o->partly,
	    -1, -1);
	eval_line(e, pg, &lay, n++, _(eval_names[5]), m->declined,
	    o->declined, -1, -1);
	eval_line(e, pg, &lay, n++, _(eval_names[6]), m->not_reached,
	    o->not_reached, -1, -1);
	eval_line(e, pg, &lay, n++, _(eval_names[7]), m->referred,
	    o->referred, -1, -1);
	eval_line(e, pg, &lay, n++, _(eval_names[8]), m->followed_up,
	    o->followed_up, -1, -1);
	ui_page_put(pg, ++n, 1, _("Referred to the secretariat, by why"),
	    ui_cols(ui) - 2, STYLE_HEADER);
	for (i = 0, n++; i < REPORT_REFERRALS; i++)
		eval_line(e, pg, &lay, n++, _(eval_referrals[i]),
		    m->referrals[i], o->referrals[i], -1, -1);
	return n;
}

/* The department, the period, the part's heading, and the part. */
static void
eval_draw(struct ui *ui, void *state)
{
	struct eval_scr	*e = state;
	struct ui_page	*pg = &e->page[e->part];
	int		 top = ui_body_top(ui), lines = 0;
	char		*t;

	t = xasprintf(_("Evaluation: %s"),
	    ui_conf(ui)->departments[e->dept].name);
	ui_put_cut(top, 1, t, ui_cols(ui) - 2, 0, STYLE_HEADER);
	free(t);
	if (!e->ok) {
		ui_wrap(top + 2, 2, ui_cols(ui) - 4, 3, 0, e->why, STYLE_ERROR);
		return;
	}
	t = ui_report_period_line(&e->r, util_today());
	ui_put_cut(top + 1, 1, t, ui_cols(ui) - 2, 0, STYLE_NORMAL);
	free(t);
	t = xasprintf("%s (%d/%d)", _(eval_part_title[e->part]), e->part + 1,
	    EP_COUNT);
	ui_put_cut(top + 2, 1, t, ui_cols(ui) - 2, 0, STYLE_HEADER);
	free(t);
	pg->y = top + 4;
	pg->rows = ui_body_rows(ui) - 4;
	switch (e->part) {
	case EP_FIGURES:
		lines = eval_figures(ui, e);
		break;
	case EP_MONTHS:
		lines = ui_report_months(ui, pg, 0, &e->r);
		break;
	case EP_CHECKLIST:
		lines = ui_report_items(ui, pg, 0, e->mine, &e->r.rest,
		    N_("Others:\ndone"));
		break;
	}
	ui_page_end(ui, pg, lines);
}

/* f: the first year from the department's first welcome, or back to
 * the report's period. */
static int
eval_first_year(struct ui *ui, struct eval_scr *e)
{
	const struct conf	*c = ui_conf(ui);
	long			 day;

	if (e->period.kind == RK_EVALUATION) {
		e->period = e->asked;
	} else if (db_report_first_welcome(ui_db(ui), ui_who(ui),
	    c->departments[e->dept].key, &day) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return UI_REDRAW | UI_HANDLED;
	} else if (day == DATE_NONE) {
		ui_error(ui, _("%s has no welcome yet, so no first year."),
		    c->departments[e->dept].name);
		return UI_REDRAW | UI_HANDLED;
	} else {
		core_report_first_year(day, c->welcome_days, &e->period);
	}
	eval_load(ui, e, 1);
	return UI_REDRAW | UI_HANDLED;
}

/* The keys: the first year, the parts, scrolling. */
static int
eval_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct eval_scr	*e = state;
	enum ui_action	 a = ui_key_action(k, eval_actions);

	switch (a) {
	case ACT_FIRST_YEAR:
		return eval_first_year(ui, e);
	case ACT_NEXT_PART:
		e->part = (e->part + 1) % EP_COUNT;
		return UI_REDRAW | UI_HANDLED;
	default:
		return ui_page_key(&e->page[e->part], a);
	}
}

const struct screen screen_evaluation = {
	.name = "evaluation",
	.title = N_("Evaluation"),
	.actions = eval_actions,
	.help = N_("A department's evaluation, for its board: the figures of "
	    "the year of the report, or with f of the department's first year "
	    "from its first welcome.\n\n"
	    "Tab goes through three parts. The figures: the department's "
	    "counts beside the average of the other departments (their sum "
	    "divided by how many they are), and for the welcomed and those "
	    "welcomed within the deadline a bar with the per cent of those "
	    "moved in, the others' taken together; the median days beside the "
	    "median of the others taken together; and why households were "
	    "referred "
	    "to the secretariat. The months: the department's own, as a "
	    "chart. The checklist: its items, its own ones too, and how often "
	    "the other departments did the same item."),
	.init = eval_init,
	.draw = eval_draw,
	.key = eval_key,
	.resume = eval_resume,
	.free = eval_free,
};
