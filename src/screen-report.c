/*
 * screen-report.c — "Yearly report", opened from the secretariat's home
 * screen: for a calendar year or an agreement year (db_report), in four
 * parts that Tab goes through — the departments with a bar for the
 * welcomed, the months as a chart, the checklist's items as bars, and
 * the ambassadors and stairwells.  Enter on a department opens its
 * evaluation (screen-evaluation.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "ui.h"
#include "util.h"

#include "ui-report.h"

enum rep_part { RP_DEPARTMENTS, RP_MONTHS, RP_CHECKLIST, RP_AMBASSADORS,
    RP_COUNT };

struct rep_scr {
	struct report_period	 period;
	struct report		 r;
	int			 ok;		/* r holds a report */
	char			*why;		/* else why not */
	int			 part;
	struct ui_page		 page[RP_COUNT];
	int			 sel;		/* the department chosen */
	struct ui_report_when	 when;		/* r was read */
};

/* Every action, for help; the bottom line shows those of rep_now. */
static const enum ui_action rep_actions[] = {
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_AGREEMENT_YEARS,
	ACT_CALENDAR_YEARS, ACT_NEXT_PART, ACT_OPEN, ACT_BACK, ACT_HELP,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action rep_years_dept[] = {
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_AGREEMENT_YEARS, ACT_NEXT_PART,
	ACT_OPEN, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action rep_agreement_dept[] = {
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_CALENDAR_YEARS, ACT_NEXT_PART,
	ACT_OPEN, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_FIRST, ACT_LAST, ACT_NONE
};
static const enum ui_action rep_years[] = {
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_AGREEMENT_YEARS, ACT_NEXT_PART,
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST,
	ACT_LAST, ACT_NONE
};
static const enum ui_action rep_agreement[] = {
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_CALENDAR_YEARS, ACT_NEXT_PART,
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_FIRST,
	ACT_LAST, ACT_NONE
};

/* The parts' headings (English, for _()). */
static const char *const rep_part_title[RP_COUNT] = {
	N_("Welcomes by department"),
	N_("Moved in and welcomed, by the month of moving in"),
	N_("The checklist: how often each item was done"),
	N_("Ambassadors and stairwells"),
};

/* The columns of the departments' table. */
enum rep_col { RC_DEPT, RC_MOVED, RC_WELCOMED, RC_PARTLY, RC_DECLINED,
    RC_IN_TIME, RC_MEDIAN, RC_NOT_REACHED, RC_REFERRED, RC_NCOLS };

static const struct ui_report_col rep_cols[RC_NCOLS] = {
	[RC_DEPT] = { N_("Department"), 0 },
	/* TRANSLATORS: this and the next are heads of columns; a "\n"
	   breaks one in two lines (keep each about as short as the
	   English). */
	[RC_MOVED] = { N_("Moved\nin"), 1 },
	[RC_WELCOMED] = { N_("Welcomed"), 0 },
	[RC_PARTLY] = { N_("Partly"), 1 },
	[RC_DECLINED] = { N_("Declined"), 1 },
	[RC_IN_TIME] = { N_("Within\ndeadline"), 1 },
	[RC_MEDIAN] = { N_("Median\ndays"), 1 },
	[RC_NOT_REACHED] = { N_("Not\nreached"), 1 },
	[RC_REFERRED] = { N_("Referred /\nfollowed up"), 1 },
};

/* A line of the table: a department (index), or the total (-1), the
 * pilots (-2) or the others (-3). */
struct rep_line {
	int				 dept;
	const struct report_figures	*f;
};

/* The table's layout: which columns show, their widths and places. */
struct rep_layout {
	int	 shown[RC_NCOLS];
	int	 w[RC_NCOLS], x[RC_NCOLS];
	int	 count;		/* the welcomed count's width */
	int	 bar;
};

/* Read the report of the period (say: saying so on the screen first). */
static void
rep_load(struct ui *ui, struct rep_scr *s, int say)
{
	if (say)
		ui_report_counting(ui);
	if (s->ok)
		report_clear(&s->r);
	free(s->why);
	s->why = NULL;
	s->ok = ui_report_load(ui, &s->period, NULL, &s->r, &s->why) == 0;
	ui_report_read_now(ui, &s->when);
	if (s->ok && s->sel >= (int)s->r.ndepartments)
		s->sel = 0;
	if (say)
		ui_message(ui, "%s", "");
}

/* The last calendar year before today. */
static void *
rep_init(struct ui *ui, void *arg)
{
	struct rep_scr	*s = xcalloc(1, sizeof *s);

	(void)arg;
	ui_report_default(ui, &s->period);
	rep_load(ui, s, 0);
	return s;
}

/* Back from the evaluation or the help, or on a new day: read the
 * period again if it may have changed (an open one, after a change to
 * the file). */
static void
rep_resume(struct ui *ui, void *state)
{
	struct rep_scr	*s = state;

	if (!s->ok || ui_report_changed(ui, &s->when))
		rep_load(ui, s, 1);
}

/* Let go of the report. */
static void
rep_free(void *state)
{
	struct rep_scr	*s = state;

	if (s->ok)
		report_clear(&s->r);
	free(s->why);
	free(s);
}

/* The lines of the table: departments, total, pilots and others. */
static size_t
rep_lines(const struct report *r, struct rep_line *l)
{
	size_t	n = 0, i;

	for (i = 0; i < r->ndepartments; i++)
		l[n++] = (struct rep_line){ (int)i, &r->by_department[i] };
	l[n++] = (struct rep_line){ -1, &r->total };
	if (r->has_pilots) {
		l[n++] = (struct rep_line){ -2, &r->pilots };
		l[n++] = (struct rep_line){ -3, &r->others };
	}
	return n;
}

/* The name of a line: a department's short name, or the group's. */
static const char *
rep_line_name(struct ui *ui, const struct report *r, const struct rep_line *l)
{
	const struct conf	*c = ui_conf(ui);
	int			 d;

	switch (l->dept) {
	case -1:
		return _("Total");
	case -2:
		return _("Pilots");
	case -3:
		return _("Others");
	}
	if ((d = cfg_department_find(c, r->departments[l->dept])) < 0)
		return r->departments[l->dept];
	return c->departments[d].shortname;
}

/* The text of a cell (not the welcomed one) into buf. */
static const char *
rep_cell(struct ui *ui, const struct report *r, const struct rep_line *l,
    int col, char *buf, size_t len)
{
	const struct report_figures	*f = l->f;

	switch (col) {
	case RC_DEPT:
		return rep_line_name(ui, r, l);
	case RC_MOVED:
		snprintf(buf, len, "%ld", f->moved_in);
		break;
	case RC_WELCOMED:
		snprintf(buf, len, "%ld", f->welcomed);
		break;
	case RC_PARTLY:
		snprintf(buf, len, "%ld", f->partly);
		break;
	case RC_DECLINED:
		snprintf(buf, len, "%ld", f->declined);
		break;
	case RC_IN_TIME:
		return ui_percent(f->in_time, f->moved_in, buf, len);
	case RC_MEDIAN:
		return ui_report_median(f->median2, buf, len);
	case RC_NOT_REACHED:
		snprintf(buf, len, "%ld", f->not_reached);
		break;
	case RC_REFERRED:
		snprintf(buf, len, "%ld / %ld", f->referred, f->followed_up);
		break;
	}
	return buf;
}

/* The widest cell of each column, and the heads. */
static void
rep_need(struct ui *ui, const struct report *r, const struct rep_line *l,
    size_t n, struct rep_layout *lay)
{
	char	buf[64];
	size_t	i;
	int	c, w;

	lay->count = 1;
	for (c = 0; c < RC_NCOLS; c++)
		lay->w[c] = ui_report_head_width(&rep_cols[c]);
	for (i = 0; i < n; i++)
		for (c = 0; c < RC_NCOLS; c++) {
			w = util_text_width(rep_cell(ui, r, &l[i], c, buf,
			    sizeof buf));
			if (c == RC_WELCOMED && w > lay->count)
				lay->count = w;
			else if (c != RC_WELCOMED && w > lay->w[c])
				lay->w[c] = w;
		}
}

/* The columns' width in all, with gap between those shown. */
static int
rep_width(const struct rep_layout *lay, int gap)
{
	int	c, sum = 0, n = 0;

	for (c = 0; c < RC_NCOLS; c++)
		if (lay->shown[c]) {
			sum += lay->w[c];
			n++;
		}
	return 2 + sum + gap * (n - 1);
}

/* Fit the table in cols: partly and declined when there is room, then
 * the bar grows (8 to 20 columns). */
static void
rep_fit(int cols, struct rep_layout *lay)
{
	int	c, x, gap = 2, head = lay->w[RC_WELCOMED];

	for (c = 0; c < RC_NCOLS; c++)
		lay->shown[c] = c != RC_PARTLY && c != RC_DECLINED;
	lay->bar = 8;
	lay->w[RC_WELCOMED] = lay->count + 1 + lay->bar + 5;
	if (lay->w[RC_WELCOMED] < head)
		lay->w[RC_WELCOMED] = head;
	if (rep_width(lay, gap) > cols)
		gap = 1;
	while (rep_width(lay, gap) > cols && lay->bar > 3) {
		lay->bar--;
		lay->w[RC_WELCOMED]--;
	}
	for (c = RC_PARTLY; c <= RC_DECLINED; c++)
		if (rep_width(lay, gap) + lay->w[c] + gap + 12 <= cols)
			lay->shown[c] = 1;
	while (rep_width(lay, gap) < cols && lay->bar < 20) {
		lay->bar++;
		lay->w[RC_WELCOMED]++;
	}
	for (c = 0, x = 1; c < RC_NCOLS; c++) {
		lay->x[c] = x;
		if (lay->shown[c])
			x += lay->w[c] + gap;
		else
			lay->w[c] = 0;
	}
}

/* One line of the table at line n. */
static void
rep_table_line(struct ui *ui, struct rep_scr *s, const struct rep_layout *lay,
    const struct rep_line *l, int n)
{
	const struct ui_page	*pg = &s->page[RP_DEPARTMENTS];
	enum ui_style		 st = l->dept == -1 ? STYLE_HEADER :
				    STYLE_NORMAL;
	char			 buf[64];
	const char		*t;
	int			 c, y;

	for (c = 0; c < RC_NCOLS; c++) {
		if (!lay->shown[c])
			continue;
		t = rep_cell(ui, &s->r, l, c, buf, sizeof buf);
		if (c == RC_WELCOMED) {
			ui_report_cell(pg, n, lay->x[c], lay->count, t, 1,
			    st);
			if ((y = ui_page_row(pg, n)) >= 0)
				ui_put_bar(y, lay->x[c] + lay->count + 1,
				    l->f->welcomed, l->f->moved_in, lay->bar,
				    STYLE_BAR);
		} else if (c == RC_DEPT && l->dept == s->sel &&
		    (y = ui_page_row(pg, n)) >= 0)
			ui_put(y, lay->x[c], t, lay->w[c], 1, STYLE_SELECTED);
		else
			ui_report_cell(pg, n, lay->x[c], lay->w[c], t,
			    rep_cols[c].right, st);
	}
}

/* The departments' table and what its columns mean. */
static int
rep_departments(struct ui *ui, struct rep_scr *s)
{
	struct ui_page		*pg = &s->page[RP_DEPARTMENTS];
	struct rep_line		*l;
	struct rep_layout	 lay;
	size_t			 n, i;
	char			*t;
	int			 line;

	l = xcalloc(s->r.ndepartments + 3, sizeof *l);
	n = rep_lines(&s->r, l);
	rep_need(ui, &s->r, l, n, &lay);
	rep_fit(ui_cols(ui), &lay);
	line = ui_report_heads(pg, 0, rep_cols, RC_NCOLS, lay.x, lay.w);
	for (i = 0; i < n; i++)
		rep_table_line(ui, s, &lay, &l[i], line++);
	free(l);
	t = xasprintf(P_("Within deadline: welcomed within %d day of moving "
	    "in. Median days: from moving in to the first welcome. Not "
	    "reached: no visit, or nobody at home. Enter on a department "
	    "opens its evaluation.", "Within deadline: welcomed within %d "
	    "days of moving in. Median days: from moving in to the first "
	    "welcome. Not reached: no visit, or nobody at home. Enter on a "
	    "department opens its evaluation.", s->r.deadline),
	    s->r.deadline);
	line = ui_page_wrap(pg, line + 1, 1, ui_cols(ui) - 2, t, STYLE_DIM);
	free(t);
	return line;
}

/* One line of the ambassadors' table. */
static void
rep_amb_line(const struct ui_page *pg, int n, const int *x, const int *w,
    const char *name, const struct report_figures *f, enum ui_style st)
{
	long	v[3] = { f->recruited, f->stopped, f->active_at_end };
	char	buf[32];
	int	i, y, cw;

	ui_report_cell(pg, n, x[0], w[0], name, 0, st);
	for (i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "%ld", v[i]);
		ui_report_cell(pg, n, x[i + 1], w[i + 1], buf, 1, st);
	}
	snprintf(buf, sizeof buf, "%ld/%ld", f->covered, f->stairwells);
	cw = 7;
	ui_report_cell(pg, n, x[4], cw, buf, 1, st);
	if ((y = ui_page_row(pg, n)) >= 0)
		ui_put_bar(y, x[4] + cw + 1, f->covered, f->stairwells,
		    w[4] - cw - 6, STYLE_BAR);
}

/* The ambassadors and stairwells by department, and toward the goal. */
static int
rep_ambassadors(struct ui *ui, struct rep_scr *s)
{
	static const struct ui_report_col c[5] = {
		{ N_("Department"), 0 }, { N_("Recruited"), 1 },
		{ N_("Stopped"), 1 }, { N_("Active at\nthe end"), 1 },
		{ N_("Stairwells covered\nat the end"), 0 },
	};
	struct ui_page		*pg = &s->page[RP_AMBASSADORS];
	struct rep_line		*l;
	int			 w[5], x[5], i, line, y;
	size_t			 n, k;
	char			*t, day[11];

	for (i = 0; i < 5; i++)
		w[i] = ui_report_head_width(&c[i]);
	if (w[0] < 12)
		w[0] = 12;
	w[4] = ui_cols(ui) - 2 - w[0] - w[1] - w[2] - w[3] - 8;
	ui_report_place(5, w, 1, 2, x);
	line = ui_report_heads(pg, 0, c, 5, x, w);
	l = xcalloc(s->r.ndepartments + 3, sizeof *l);
	n = rep_lines(&s->r, l);
	for (k = 0; k < n; k++)
		rep_amb_line(pg, line++, x, w, rep_line_name(ui, &s->r, &l[k]),
		    l[k].f, l[k].dept == -1 ? STYLE_HEADER : STYLE_NORMAL);
	free(l);
	t = xasprintf(_("Toward the goal: %ld of %ld recruited from the start "
	    "of the agreement period to %s."), s->r.total.cumulative,
	    s->r.goal, util_date_dk(s->r.period.to, day));
	line = ui_page_wrap(pg, line + 1, 1, ui_cols(ui) - 2, t, STYLE_NORMAL);
	free(t);
	if ((y = ui_page_row(pg, line)) >= 0)
		ui_put_bar(y, 1, s->r.total.cumulative, s->r.goal, 30, STYLE_BAR);
	return line + 1;
}

/* The period, the part's heading, and the part. */
static void
rep_draw(struct ui *ui, void *state)
{
	struct rep_scr	*s = state;
	struct ui_page	*pg = &s->page[s->part];
	int		 top = ui_body_top(ui), lines = 0;
	char		*t;

	if (!s->ok) {
		ui_wrap(top + 1, 2, ui_cols(ui) - 4, 3, 0, s->why, STYLE_ERROR);
		return;
	}
	t = ui_report_period_line(&s->r, util_today());
	ui_put_cut(top, 1, t, ui_cols(ui) - 2, 0, STYLE_NORMAL);
	free(t);
	t = xasprintf("%s (%d/%d)", _(rep_part_title[s->part]), s->part + 1,
	    RP_COUNT);
	ui_put_cut(top + 1, 1, t, ui_cols(ui) - 2, 0, STYLE_HEADER);
	free(t);
	pg->y = top + 3;
	pg->rows = ui_body_rows(ui) - 3;
	switch (s->part) {
	case RP_DEPARTMENTS:
		lines = rep_departments(ui, s);
		break;
	case RP_MONTHS:
		lines = ui_report_months(ui, pg, 0, &s->r);
		break;
	case RP_CHECKLIST:
		lines = ui_report_items(ui, pg, 0, &s->r.total, NULL, NULL);
		break;
	case RP_AMBASSADORS:
		lines = rep_ambassadors(ui, s);
		break;
	}
	ui_page_end(ui, pg, lines);
}

/* Show period p, or say why not (a new sentence, freed here). */
static int
rep_go(struct ui *ui, struct rep_scr *s, const struct report_period *p,
    char *why)
{
	if (why != NULL) {
		ui_error(ui, "%s", why);
		free(why);
		return UI_REDRAW | UI_HANDLED;
	}
	s->period = *p;
	rep_load(ui, s, 1);
	return UI_REDRAW | UI_HANDLED;
}

/* Move the department chosen, keeping it in view. */
static int
rep_select(struct ui *ui, struct rep_scr *s, enum ui_action a)
{
	struct ui_page	*pg = &s->page[RP_DEPARTMENTS];
	int		 n = (int)s->r.ndepartments, page = pg->rows - 3;

	(void)ui;
	switch (a) {
	case ACT_UP:	s->sel--; break;
	case ACT_DOWN:	s->sel++; break;
	case ACT_PGUP:	s->sel -= page > 1 ? page : 1; break;
	case ACT_PGDN:	s->sel += page > 1 ? page : 1; break;
	case ACT_FIRST:	s->sel = 0; break;
	case ACT_LAST:	s->sel = n - 1; break;
	default:	return 0;
	}
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < 0)
		s->sel = 0;
	if (s->sel + 2 < pg->skip + 2)		/* the heads are lines 0, 1 */
		pg->skip = s->sel;
	if (s->sel + 2 >= pg->skip + pg->rows)
		pg->skip = s->sel + 3 - pg->rows;
	return UI_REDRAW | UI_HANDLED;
}

/* Enter: the evaluation of the department chosen. */
static int
rep_open(struct ui *ui, struct rep_scr *s)
{
	struct ui_report_eval	 e;
	int			 d;

	if (s->r.ndepartments == 0 || (d = cfg_department_find(ui_conf(ui),
	    s->r.departments[s->sel])) < 0)
		return UI_HANDLED;
	e.department = d;
	e.period = s->period;
	ui_report_counting(ui);
	ui_push(ui, &screen_evaluation, &e);
	ui_message(ui, "%s", "");
	return UI_REDRAW | UI_HANDLED;
}

/* The actions of the bottom line now. */
static const enum ui_action *
rep_now(void *state)
{
	struct rep_scr	*s = state;
	int		 agreement = s->period.kind == RK_AGREEMENT_YEAR;

	if (s->part == RP_DEPARTMENTS && s->ok)
		return agreement ? rep_agreement_dept : rep_years_dept;
	return agreement ? rep_agreement : rep_years;
}

/* The keys: periods, parts, and moving or scrolling. */
static int
rep_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct rep_scr		*s = state;
	struct report_period	 p;
	enum ui_action		 a = ui_key_action(k, rep_now(s));

	switch (a) {
	case ACT_PERIOD_PREV:
	case ACT_PERIOD_NEXT:
		return rep_go(ui, s, &p, ui_report_step(ui, &s->period,
		    a == ACT_PERIOD_PREV ? -1 : 1, &p));
	case ACT_AGREEMENT_YEARS:
	case ACT_CALENDAR_YEARS:
		return rep_go(ui, s, &p, ui_report_switch(ui, &s->period,
		    &p));
	case ACT_NEXT_PART:
		s->part = (s->part + 1) % RP_COUNT;
		return UI_REDRAW | UI_HANDLED;
	case ACT_OPEN:
		return rep_open(ui, s);
	default:
		break;
	}
	if (!s->ok)
		return 0;
	if (s->part == RP_DEPARTMENTS)
		return rep_select(ui, s, a);
	return ui_page_key(&s->page[s->part], a);
}

/* A click on a department's line chooses it; twice opens it. */
static int
rep_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct rep_scr	*s = state;
	struct ui_page	*pg = &s->page[RP_DEPARTMENTS];
	int		 d = y - pg->y + pg->skip - 2;

	(void)x;
	if (!s->ok || s->part != RP_DEPARTMENTS || y < pg->y ||
	    y >= pg->y + pg->rows || d < 0 || d >= (int)s->r.ndepartments)
		return 0;
	s->sel = d;
	return twice ? rep_open(ui, s) : UI_REDRAW | UI_HANDLED;
}

const struct screen screen_report = {
	.name = "report",
	.title = N_("Yearly report"),
	.actions = rep_actions,
	.help = N_("The yearly report: the households that moved in during "
	    "the year, and their welcomes up to the cut-off, the year's last "
	    "day plus the welcome deadline. Once the cut-off has passed, the "
	    "year is closed and its figures never change.\n\n"
	    "Tab goes through four parts. The departments: moved in; "
	    "welcomed, with a bar and the per cent of those moved in; "
	    "welcomed within the deadline, in per cent of those moved in; "
	    "the median days from moving in to the first welcome; not "
	    "reached (no visit, or nobody at home); passed on to the "
	    "secretariat, and followed up by it. The months: a column for "
	    "those who moved in and one for those of them welcomed, with the "
	    "numbers under them. The checklist: how often each item was "
	    "done, not relevant or left for later. The ambassadors: recruited "
	    "and stopped in the year, active at its end, the stairwells "
	    "covered at its end, and the recruitment toward the goal.\n\n"
	    "Enter on a department opens its evaluation. The arrows \xe2\x86\x90 "
	    "and \xe2\x86\x92 show the year before and after; a switches to "
	    "the years of the agreement period and back."),
	.init = rep_init,
	.draw = rep_draw,
	.key = rep_key,
	.resume = rep_resume,
	.free = rep_free,
	.actions_now = rep_now,
	.click = rep_click,
};
