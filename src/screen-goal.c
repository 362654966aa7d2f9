/*
 * screen-goal.c — the recruitment goal at a glance: how many recruited
 * in the period, a bar toward the goal, how many are active today, the
 * pace, and a row per year of the period.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct goal_scr {
	struct goal_report	 r;
	int			 ok;
};

static const enum ui_action goal_actions[] = {
	ACT_BACK, ACT_HELP, ACT_NONE
};

/* Work the goal out from the register. */
static void
goal_load(struct ui *ui, struct goal_scr *g)
{
	const struct conf	*c = ui_conf(ui);
	struct amb_fact		*facts = NULL;
	struct amb_change	*changes = NULL;
	size_t			 n = 0;

	g->ok = db_ambassador_facts(ui_db(ui), ui_who(ui), &facts, &n,
	    &changes) == DB_OK;
	if (!g->ok)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
	else
		core_goal(facts, n, c->goal_ambassadors, c->goal_from,
		    c->goal_to, util_today(), &g->r);
	free(facts);
	free(changes);
}

static void *
goal_init(struct ui *ui, void *arg)
{
	struct goal_scr	*g = xcalloc(1, sizeof *g);

	(void)arg;
	goal_load(ui, g);
	return g;
}

static void
goal_resume(struct ui *ui, void *state)
{
	goal_load(ui, state);
}

/* The bar: filled for recruited, a mark where the pace is. */
static void
goal_bar(struct ui *ui, const struct goal_report *r, int y)
{
	int	 w = ui_cols(ui) - 12, fill, pace, i;
	char	*bar, *label;

	if (w > 60)
		w = 60;
	fill = r->goal > 0 ? (r->recruited >= r->goal ? w :
	    r->recruited * w / r->goal) : 0;
	pace = r->goal > 0 ? (r->pace >= r->goal ? w - 1 :
	    r->pace * w / r->goal) : 0;
	bar = xmalloc((size_t)w + 1);
	for (i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	if (pace >= 0 && pace < w && pace >= fill)
		bar[pace] = '|';	/* where the pace is */
	bar[w] = '\0';
	ui_put(y, 2, "[", 1, 0, STYLE_NORMAL);
	ui_put(y, 3, bar, w, 0, STYLE_HEADER);
	ui_put(y, 3 + w, "]", 1, 0, STYLE_NORMAL);
	label = xasprintf(" %d/%d", r->recruited, r->goal);
	ui_put(y, 5 + w, label, ui_cols(ui) - w - 6, 0, STYLE_NORMAL);
	free(label);
	free(bar);
}

/* The sentences above and below the bar. */
static int
goal_summary(struct ui *ui, const struct goal_report *r, int y)
{
	char	 f[11], t[11], *s;
	int	 cols = ui_cols(ui) - 4;

	s = xasprintf(P_("Goal: %d ambassador recruited in %s\xe2\x80\x93%s.",
	    "Goal: %d ambassadors recruited in %s\xe2\x80\x93%s.", r->goal),
	    r->goal, util_date_dk(r->from, f), util_date_dk(r->to, t));
	ui_put(y++, 2, s, cols, 0, STYLE_HEADER);
	free(s);
	s = xasprintf(_("%d recruited so far."), r->recruited);
	ui_put(++y, 2, s, cols, 0, STYLE_NORMAL);
	free(s);
	goal_bar(ui, r, ++y);
	y += 2;
	if (util_today() < r->from)
		s = xasprintf(_("The period begins on %s."),
		    util_date_dk(r->from, f));
	else if (util_today() > r->to)
		s = xasprintf(r->ahead < 0 ? _("The period ended on %s: %d "
		    "short of the goal.") : _("The period ended on %s: the "
		    "goal was met."), util_date_dk(r->to, t), -r->ahead);
	else if (r->ahead < 0)
		s = xasprintf(_("By today %d should have been recruited to "
		    "meet the goal evenly: %d behind."), r->pace, -r->ahead);
	else if (r->ahead > 0)
		s = xasprintf(_("By today %d should have been recruited to "
		    "meet the goal evenly: %d ahead."), r->pace, r->ahead);
	else
		s = xasprintf(_("By today %d should have been recruited to "
		    "meet the goal evenly: on pace."), r->pace);
	y += ui_wrap(y, 2, cols, 2, 0, s, r->ahead < 0 ? STYLE_ERROR :
	    STYLE_NORMAL);
	free(s);
	s = r->outside > 0 ? xasprintf(P_("%d is active today, %d of them "
	    "recruited outside the period (they do not count toward the "
	    "goal).", "%d are active today, %d of them recruited outside the "
	    "period (they do not count toward the goal).", r->active),
	    r->active, r->outside) : xasprintf(P_("%d is active today.",
	    "%d are active today.", r->active), r->active);
	y += ui_wrap(y, 2, cols, 2, 0, s, STYLE_NORMAL);
	free(s);
	return y + 1;
}

/* One line of the year table: five cells at fixed columns. */
static void
goal_row(int y, const char *const cell[5], enum ui_style st)
{
	static const int	x[5] = { 2, 25, 38, 48, 58 };
	static const int	w[5] = { 21, 12, 9, 9, 20 };
	int			i;

	for (i = 0; i < 5; i++)
		ui_put(y, x[i], cell[i], w[i], 0, st);
}

/* One row per year of the period. */
static void
goal_years(const struct goal_report *r, int y)
{
	const char	*head[5] = { _("Year"), _("Recruited"), _("Stopped"),
			    _("In all"), _("Active at the end") };
	const char	*cell[5];
	char		 f[11], t[11], year[32], rec[12], st[12], cum[12];
	char		 act[12];
	size_t		 i;

	goal_row(y++, head, STYLE_HEADER);
	for (i = 0; i < r->nyears && y < LINES - 3; i++) {
		const struct goal_year	*yr = &r->years[i];

		snprintf(year, sizeof year, "%s\xe2\x80\x93%s",
		    util_date_dk(yr->from, f), util_date_dk(yr->to, t));
		snprintf(rec, sizeof rec, "%d", yr->recruited);
		snprintf(st, sizeof st, "%d", yr->stopped);
		snprintf(cum, sizeof cum, "%d", yr->cumulative);
		snprintf(act, sizeof act, "%d", yr->active_at_end);
		if (yr->active_at_end < 0) {	/* a year not begun */
			strcpy(rec, "\xe2\x80\x94");
			strcpy(st, rec);
			strcpy(cum, rec);
			strcpy(act, rec);
		}
		cell[0] = year;
		cell[1] = rec;
		cell[2] = st;
		cell[3] = cum;
		cell[4] = act;
		goal_row(y++, cell, STYLE_NORMAL);
	}
}

static void
goal_draw(struct ui *ui, void *state)
{
	struct goal_scr	*g = state;

	if (!g->ok)
		return;
	goal_years(&g->r, goal_summary(ui, &g->r, ui_body_top(ui) + 1));
}

static int
goal_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	(void)ui;
	(void)state;
	(void)k;
	return 0;
}

const struct screen screen_goal = {
	.name = "goal",
	.title = N_("Recruitment goal"),
	.actions = goal_actions,
	.help = N_("How recruitment goes toward the programme's goal. The bar "
	    "fills with every ambassador recruited in the period; the | mark "
	    "is where recruitment should be today if the goal is to be met "
	    "evenly over the period. Active today counts every ambassador "
	    "who is active now (not paused or stopped), also those recruited "
	    "before or after the period, who do not count toward the goal.\n\n"
	    "The table has a row per year of the period: recruited and "
	    "stopped that year, recruited in all up to its end, and how many "
	    "were active on its last day (today for the year now running)."),
	.init = goal_init,
	.draw = goal_draw,
	.key = goal_key,
	.resume = goal_resume,
	.free = free,
};
