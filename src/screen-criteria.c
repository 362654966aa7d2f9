/*
 * screen-criteria.c — "Success criteria": the activity's success
 * criteria of the configuration for a year (this year first; ← and →
 * choose another), one line each: its title, target, what it has
 * reached, what was due by then at an even pace, and its status in
 * words (met, on track, behind, not this year).  Under the table, the
 * criterion the cursor is on in a sentence, and what was recorded that
 * year; r opens the records, s the visits marked as possible stories.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

enum crit_col { CC_TITLE, CC_TARGET, CC_ACHIEVED, CC_DUE, CC_STATUS,
    CC_NCOLS };

struct crit_scr {
	int			 year;
	struct crit_result	 r[CFG_CRITERIA_MAX];
	size_t			 idx[CFG_CRITERIA_MAX];	/* the rows: an
						   index into criteria */
	size_t			 n;
	long			 records[NCRIT_RECORD];	/* of the year */
	size_t			 stories;	/* marked visits of the year */
	struct ui_list		 list;		/* over idx */
	char			*why;		/* could not be read: why */
};

static const struct ui_column crit_cols[CC_NCOLS] = {
	[CC_TITLE] = { .head = N_("Criterion"), .width = 40, .grow = 1 },
	[CC_TARGET] = { .head = N_("Target"), .width = 7, .whole = 1 },
	[CC_ACHIEVED] = { .head = N_("Achieved"), .width = 9, .whole = 1 },
	[CC_DUE] = { .head = N_("Due"), .width = 9, .whole = 1 },
	[CC_STATUS] = { .head = N_("Status"), .width = 14, .whole = 1 },
};

static const enum ui_action crit_actions[] = {
	ACT_YEAR_PREV, ACT_YEAR_NEXT, ACT_RECORDS, ACT_STORIES, ACT_BACK,
	ACT_HELP, ACT_UP, ACT_DOWN, ACT_NONE
};

/* The year of today. */
static int
crit_this_year(void)
{
	int	y, m, d;

	util_date_split(util_today(), &y, &m, &d);
	return y;
}

/* What was recorded and marked in the year, for the lines under the
 * table (counts only). */
static void
crit_load_counts(struct ui *ui, struct crit_scr *s)
{
	struct criteria_record	*r;
	struct story_visit	*v;
	size_t			 i, n;

	memset(s->records, 0, sizeof s->records);
	s->stories = 0;
	if (db_criteria_list(ui_db(ui), ui_who(ui), s->year, &r, &n) ==
	    DB_OK) {
		for (i = 0; i < n; i++)
			if ((size_t)r[i].kind < NCRIT_RECORD)
				s->records[r[i].kind]++;
		db_criteria_free(r, n);
	}
	if (db_story_visits(ui_db(ui), ui_who(ui), s->year, &v, &n) ==
	    DB_OK) {
		s->stories = n;
		db_story_visits_free(v, n);
	}
}

/* Work out every criterion for the year. */
static void
crit_load(struct ui *ui, struct crit_scr *s)
{
	const struct conf	*c = ui_conf(ui);
	const struct criterion	*rules[CFG_CRITERIA_MAX];
	size_t			 i;

	free(s->why);
	s->why = NULL;
	s->n = c->ncriteria < CFG_CRITERIA_MAX ? c->ncriteria :
	    CFG_CRITERIA_MAX;
	for (i = 0; i < s->n; i++) {
		rules[i] = &c->criteria[i].rule;
		s->idx[i] = i;
	}
	if (db_criteria_reached(ui_db(ui), ui_who(ui), rules, s->n, s->year,
	    util_today(), s->r) != DB_OK) {
		s->why = xstrdup(_(db_errmsg(ui_db(ui))));
		s->n = 0;
	} else
		crit_load_counts(ui, s);
	s->list.rows = s->idx;
	s->list.n = s->n;
	ui_list_select(&s->list, s->list.sel);
}

/* A number right-aligned in its column. */
static const char *
crit_number(struct ui_cell *c, long n)
{
	int	w = c->cols > 0 && c->cols < 40 ? c->cols : 1;

	snprintf(c->buf, sizeof c->buf, "%*ld", w, n);
	return c->buf;
}

/* A cell of a criterion's line; the status in words, marked by style. */
static const char *
crit_cell(struct ui *ui, void *ctx, struct ui_cell *c)
{
	struct crit_scr			*s = ctx;
	size_t				 i = *(const size_t *)c->row;
	const struct cfg_criterion	*cr = &ui_conf(ui)->criteria[i];
	const struct crit_result	*r = &s->r[i];

	switch (c->col) {
	case CC_TITLE:
		return i18n_text(cr->title, cr->title_da);
	case CC_TARGET:
		return crit_number(c, cr->rule.target);
	case CC_ACHIEVED:
		return r->status == CS_NONE ? "" : crit_number(c, r->achieved);
	case CC_DUE:
		return r->status == CS_NONE ? "" : crit_number(c, r->pace);
	default:
		if (r->status == CS_BEHIND)
			c->style = STYLE_ERROR;
		else if (r->status == CS_NONE)
			c->style = STYLE_DIM;
		return _(core_crit_status_label(r->status));
	}
}

/* Set up the table for this year. */
static void *
crit_init(struct ui *ui, void *arg)
{
	struct crit_scr	*s = xcalloc(1, sizeof *s);

	(void)arg;
	s->year = crit_this_year();
	s->list.cols = crit_cols;
	s->list.ncols = CC_NCOLS;
	s->list.size = sizeof s->idx[0];
	s->list.cell = crit_cell;
	s->list.ctx = s;
	s->list.empty = _("The configuration names no success criteria "
	    "(\"criteria\" in velkomst.conf).");
	ui_list_init(&s->list);
	crit_load(ui, s);
	return s;
}

/* Back from the records or the stories: work it out again. */
static void
crit_resume(struct ui *ui, void *state)
{
	crit_load(ui, state);
}

static void
crit_free(void *state)
{
	struct crit_scr	*s = state;

	ui_list_free(&s->list);
	free(s->why);
	free(s);
}

/* The years a yearly criterion counts in, "2019, 2020", into buf. */
static char *
crit_years(const struct criterion *r, char *buf, size_t len)
{
	size_t	i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < r->nyears && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%d", i > 0 ? ", " :
		    "", r->years[i]);
	return buf;
}

/* The criterion the cursor is on, in a sentence (new string). */
static char *
crit_sentence(const struct crit_scr *s, const struct cfg_criterion *cr,
    const struct crit_result *r)
{
	char	 f[11], t[11], u[11], years[128];

	if (r->status == CS_NONE && cr->rule.nyears > 0)
		return xasprintf(_("%s: not counted in %d; it counts in %s."),
		    i18n_text(cr->title, cr->title_da), s->year,
		    crit_years(&cr->rule, years, sizeof years));
	if (r->status == CS_NONE)
		return xasprintf(_("%s: not counted in %d; it counts from %s "
		    "to %s."), i18n_text(cr->title, cr->title_da), s->year,
		    util_date_dk(cr->rule.from, f), util_date_dk(cr->rule.to,
		    t));
	return xasprintf(_("%s: %ld of %d, counted from %s to %s (up to %s). "
	    "At an even pace %ld were due by then: %s."),
	    i18n_text(cr->title, cr->title_da), r->achieved, cr->rule.target,
	    util_date_dk(r->from, f), util_date_dk(r->to, t),
	    util_date_dk(r->upto, u), r->pace,
	    _(core_crit_status_label(r->status)));
}

/* The lines under the table: what was recorded and marked that year. */
static void
crit_draw_counts(struct ui *ui, const struct crit_scr *s, int y)
{
	char	*line;

	line = xasprintf(_("Recorded in %d \xc2\xb7 films: %ld \xc2\xb7 "
	    "success stories: %ld \xc2\xb7 press stories: %ld"), s->year,
	    s->records[CR_FILM], s->records[CR_STORY], s->records[CR_PRESS]);
	ui_put(y, 2, line, ui_cols(ui) - 4, 0, STYLE_NORMAL);
	free(line);
	line = xasprintf(P_("%zu visit of %d is marked as a possible success "
	    "story (s shows them).", "%zu visits of %d are marked as possible "
	    "success stories (s shows them).", s->stories), s->stories,
	    s->year);
	ui_put(y + 1, 2, line, ui_cols(ui) - 4, 0, STYLE_NORMAL);
	free(line);
}

/* The year, the table, the criterion in focus, the year's records. */
static void
crit_draw(struct ui *ui, void *state)
{
	struct crit_scr			*s = state;
	const struct conf		*c = ui_conf(ui);
	const size_t			*sel;
	int				 y = ui_body_top(ui);
	int				 rows = ui_body_rows(ui), table;
	char				*line, d[11];

	line = xasprintf(_("Success criteria in %d \xc2\xb7 %s and %s: "
	    "another year"), s->year, ui_key_label(ACT_YEAR_PREV),
	    ui_key_label(ACT_YEAR_NEXT));
	ui_put(y, 2, line, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(line);
	if (s->why != NULL) {
		ui_wrap(y + 2, 2, ui_cols(ui) - 4, 3, 0, s->why, STYLE_ERROR);
		return;
	}
	line = xasprintf(_("Today is %s. Due: what an even pace asks by "
	    "then."), util_date_dk(util_today(), d));
	ui_put(y + 1, 2, line, ui_cols(ui) - 4, 0, STYLE_DIM);
	free(line);
	table = (int)s->n + 1 < rows - 9 ? (int)s->n + 2 : rows - 8;
	ui_list_draw(ui, &s->list, y + 2, 0, table, ui_cols(ui));
	y += 2 + table + 1;
	if ((sel = ui_list_selected(&s->list)) != NULL) {
		line = crit_sentence(s, &c->criteria[*sel], &s->r[*sel]);
		ui_wrap(y, 2, ui_cols(ui) - 4, 3, 0, line, STYLE_NORMAL);
		free(line);
	}
	crit_draw_counts(ui, s, y + 4);
}

/* Another year. */
static int
crit_year(struct ui *ui, struct crit_scr *s, int step)
{
	if (s->year + step < CORE_YEAR_MIN || s->year + step > CORE_YEAR_MAX)
		return UI_HANDLED;
	s->year += step;
	crit_load(ui, s);
	return UI_REDRAW | UI_HANDLED;
}

static int
crit_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct crit_scr	*s = state;
	int		 flags;

	switch (ui_key_action(k, crit_actions)) {
	case ACT_YEAR_PREV:
		return crit_year(ui, s, -1);
	case ACT_YEAR_NEXT:
		return crit_year(ui, s, 1);
	case ACT_RECORDS:
		ui_push(ui, &screen_records, NULL);
		return UI_REDRAW | UI_HANDLED;
	case ACT_STORIES:
		ui_push(ui, &screen_stories, NULL);
		return UI_REDRAW | UI_HANDLED;
	default:
		break;
	}
	if ((flags = ui_list_key(ui, &s->list, k)) != 0)
		return flags;
	return 0;
}

static int
crit_click(struct ui *ui, void *state, int y, int x, int twice)
{
	struct crit_scr	*s = state;

	return ui_list_click(ui, &s->list, y, x, twice);
}

const struct screen screen_criteria = {
	.name = "criteria",
	.title = N_("Success criteria"),
	.actions = crit_actions,
	.help = N_("The activity's success criteria, as the configuration "
	    "names them, for one year: \xe2\x86\x90 and \xe2\x86\x92 show "
	    "the year before or after. Each line has the criterion's target, "
	    "what it has reached (counted up to the year's last day, or "
	    "today), what was due by then at an even pace, and its status: "
	    "met (the target is reached), on track (still running, and at "
	    "least what is due), behind, or not this year (the criterion "
	    "counts in other years). The ambassadors are counted from the "
	    "register, as the recruitment goal counts them; the film, the "
	    "success stories and the press story from what the secretariat "
	    "recorded (r), with the latest views and likes. s shows the "
	    "welcome visits marked as possible success stories, with the "
	    "household's yes."),
	.init = crit_init,
	.draw = crit_draw,
	.key = crit_key,
	.resume = crit_resume,
	.free = crit_free,
	.click = crit_click,
};
