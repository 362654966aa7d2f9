/*
 * screen-consent.c — a household's consent, purpose by purpose: the
 * welcome visit, contact by phone, follow-up by the secretariat, a
 * success story.  g gives the consent to the purpose under the cursor
 * (how, and the day; the login is recorded); w withdraws it after a
 * question that names what will be removed, and says what was.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

enum co_mode { CO_LIST, CO_GIVE, CO_WITHDRAW };

struct co_view {
	long			 id;		/* the household */
	struct consent		*c;		/* db_consent_list's */
	size_t			 n;
	int			 sel;		/* the purpose */
	enum co_mode		 mode;
	enum consent_how	 how;		/* CO_GIVE */
	struct edit		 date;
	const char		*date_error;
	int			 date_y, date_x;
	char			*what;		/* CO_WITHDRAW: what goes */
};

static const enum ui_action co_actions[] = {
	ACT_GIVE, ACT_WITHDRAW, ACT_UP, ACT_DOWN, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action co_give_actions[] = {
	ACT_CONFIRM, ACT_HOW, ACT_BACK, ACT_NONE
};
static const enum ui_action co_withdraw_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* What each purpose covers, for the line under the list. */
static const char *const co_covers[NCONSENT_PURPOSE] = {
	N_("Covers the notes of the visits and of their checklist."),
	N_("Covers the phone number and the languages."),
	N_("Covers the notes of the secretariat's follow-ups."),
	N_("Covers the visits marked as a possible success story.")
};

/* (Re)read the consents. */
static void
co_load(struct ui *ui, struct co_view *v)
{
	db_consents_free(v->c, v->n);
	v->c = NULL;
	v->n = 0;
	if (db_consent_list(ui_db(ui), ui_who(ui), v->id, &v->c, &v->n) !=
	    DB_OK)
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
}

static void *
co_init(struct ui *ui, void *arg)
{
	struct co_view	*v = xcalloc(1, sizeof *v);

	v->id = (long)(intptr_t)arg;
	util_edit_init(&v->date, "", 10);
	co_load(ui, v);
	return v;
}

static void
co_free(void *state)
{
	struct co_view	*v = state;

	db_consents_free(v->c, v->n);
	util_edit_free(&v->date);
	free(v->what);
	free(v);
}

static const enum ui_action *
co_actions_now(void *state)
{
	struct co_view	*v = state;

	return v->mode == CO_GIVE ? co_give_actions : v->mode == CO_WITHDRAW ?
	    co_withdraw_actions : co_actions;
}

/*
 * Purpose p (enum consent_purpose) of the consents c (by purpose, live
 * first) as words: "given on D by X, how", "withdrawn on D by X", or
 * "not given"; new.  *live 1 when it is given now, 0 when withdrawn, -1
 * when never given.
 */
char *
ui_consent_text(const struct consent *c, size_t n, int p,
    int *live)
{
	char	 d[11];
	size_t	 i;

	for (i = 0; i < n && (int)c[i].purpose != p; i++)
		;
	*live = i == n ? -1 : c[i].withdrawn_on == DATE_NONE;
	if (i == n)
		return xstrdup(_("not given"));
	if (*live > 0)
		return xasprintf(_("given on %s by %s, %s"),
		    util_date_dk(c[i].given_on, d), c[i].given_by,
		    _(core_consent_how_label(c[i].how)));
	return xasprintf(_("withdrawn on %s by %s"),
	    util_date_dk(c[i].withdrawn_on, d), c[i].withdrawn_by != NULL ?
	    c[i].withdrawn_by : "?");
}

/* The give line: how and the day, at row y. */
static void
co_draw_give(struct ui *ui, struct co_view *v, int y)
{
	char	*s;

	s = xasprintf(_("Give consent to %s:"), _(core_consent_purpose_label(
	    (enum consent_purpose)v->sel)));
	ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_LABEL);
	free(s);
	ui_put(y + 1, 4, _("How"), 14, 0, STYLE_LABEL);
	ui_put(y + 1, 19, _(core_consent_how_label(v->how)), 20, 0,
	    STYLE_FIELD_FOCUS);
	ui_put(y + 1, 41, _("Space: the next way"), ui_cols(ui) - 43, 0,
	    STYLE_DIM);
	ui_put(y + 2, 4, _("On"), 14, 0, STYLE_LABEL);
	v->date_y = y + 2;
	v->date_x = ui_put_edit(y + 2, 19, &v->date, 12, STYLE_FIELD_FOCUS);
	ui_put(y + 2, 41, _("Enter saves"), ui_cols(ui) - 43, 0, STYLE_DIM);
	s = xasprintf(_("Recorded by %s."), ui_who(ui)->name);
	ui_put(y + 3, 4, s, ui_cols(ui) - 6, 0, STYLE_DIM);
	free(s);
	if (v->date_error != NULL)
		ui_put(y + 4, 4, _(v->date_error), ui_cols(ui) - 6, 0,
		    STYLE_ERROR);
}

static void
co_draw(struct ui *ui, void *state)
{
	struct co_view	*v = state;
	char		*s;
	int		 y = ui_body_top(ui) + 1, live;
	size_t		 p;

	s = xasprintf(_("Household %ld \xc2\xb7 consent per purpose"), v->id);
	ui_put(y, 2, s, ui_cols(ui) - 4, 0, STYLE_HEADER);
	free(s);
	y += 2;
	for (p = 0; p < NCONSENT_PURPOSE; p++, y++) {
		s = ui_consent_text(v->c, v->n, (enum consent_purpose)p,
		    &live);
		ui_put(y, 2, (int)p == v->sel ? "\xe2\x96\xb6" : " ", 1, 0,
		    STYLE_NORMAL);
		ui_put(y, 4, _(core_consent_purpose_title(
		    (enum consent_purpose)p)), 20, 1, (int)p == v->sel ?
		    STYLE_SELECTED : STYLE_LABEL);
		ui_put(y, 25, s, ui_cols(ui) - 27, 0, live > 0 ? STYLE_NORMAL :
		    STYLE_DIM);
		free(s);
	}
	ui_wrap(y + 1, 2, ui_cols(ui) - 4, 2, 0, _(co_covers[v->sel]),
	    STYLE_DIM);
	y += 4;
	if (v->mode == CO_GIVE)
		co_draw_give(ui, v, y);
	else if (v->mode == CO_WITHDRAW) {
		s = xasprintf(_("Withdraw the consent to %s? This removes at "
		    "once: %s. y/n"), _(core_consent_purpose_label(
		    (enum consent_purpose)v->sel)), v->what != NULL ? v->what :
		    _("nothing else, no data is kept under it now"));
		ui_wrap(y, 2, ui_cols(ui) - 4, 4, 0, s, STYLE_ERROR);
		free(s);
	}
}

static int
co_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct co_view	*v = state;

	(void)ui;
	if (v->mode != CO_GIVE)
		return -1;
	*y = v->date_y;
	*x = v->date_x;
	return 0;
}

/* g: open the give line (today, at the door), unless it is given. */
static void
co_start_give(struct ui *ui, struct co_view *v)
{
	char	 d[11];
	int	 live;

	free(ui_consent_text(v->c, v->n, (enum consent_purpose)v->sel,
	    &live));
	if (live > 0) {
		ui_message(ui, _("Consent to %s is already given. To record it "
		    "again, withdraw it first."), _(core_consent_purpose_label(
		    (enum consent_purpose)v->sel)));
		return;
	}
	v->mode = CO_GIVE;
	v->how = CH_DOOR;
	v->date_error = NULL;
	util_edit_set(&v->date, util_date_dk(util_today(), d));
	util_edit_end(&v->date);
}

/* w: ask first, naming what will be removed, if it is given. */
static void
co_start_withdraw(struct ui *ui, struct co_view *v)
{
	struct consent_removed	 r;
	int			 live;

	free(ui_consent_text(v->c, v->n, (enum consent_purpose)v->sel,
	    &live));
	if (live <= 0) {
		ui_message(ui, _("There is no consent to %s to withdraw."),
		    _(core_consent_purpose_label((enum consent_purpose)
		    v->sel)));
		return;
	}
	if (db_consent_covered(ui_db(ui), ui_who(ui), v->id,
	    (enum consent_purpose)v->sel, &r) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	free(v->what);
	v->what = core_consent_removed_text(&r);
	v->mode = CO_WITHDRAW;
}

/* Enter on the give line: check the day and record the consent. */
static void
co_give(struct ui *ui, struct co_view *v)
{
	char		*text = util_edit_text(&v->date), d[11];
	long		 day = DATE_NONE;
	enum date_err	 de;

	de = util_date_parse(text, &day);
	free(text);
	if (de != DATE_OK) {
		v->date_error = de == DATE_EMPTY ? core_check_consent_date(
		    DATE_NONE, util_today()) : util_date_errstr(de);
		return;
	}
	if ((v->date_error = core_check_consent_date(day, util_today())) !=
	    NULL)
		return;
	if (db_consent_give(ui_db(ui), ui_who(ui), v->id,
	    (enum consent_purpose)v->sel, v->how, day) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		return;
	}
	v->mode = CO_LIST;
	ui_message(ui, _("Saved: consent to %s, %s, on %s."),
	    _(core_consent_purpose_label((enum consent_purpose)v->sel)),
	    _(core_consent_how_label(v->how)), util_date_dk(day, d));
	co_load(ui, v);
}

/* y: withdraw, and say what was removed. */
static void
co_withdraw(struct ui *ui, struct co_view *v)
{
	struct consent_removed	 r;
	char			*what;

	v->mode = CO_LIST;
	if (db_consent_withdraw(ui_db(ui), ui_who(ui), v->id,
	    (enum consent_purpose)v->sel, &r) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		co_load(ui, v);
		return;
	}
	what = core_consent_removed_text(&r);
	if (what != NULL)
		ui_message(ui, _("Withdrawn: consent to %s. Removed: %s."),
		    _(core_consent_purpose_label(r.purpose)), what);
	else
		ui_message(ui, _("Withdrawn: consent to %s. Nothing else was "
		    "kept under it."), _(core_consent_purpose_label(
		    r.purpose)));
	free(what);
	co_load(ui, v);
}

/* Keys of the give line. */
static int
co_key_give(struct ui *ui, struct co_view *v, const struct ui_keypress *k)
{
	switch (ui_key_action(k, co_give_actions)) {
	case ACT_CONFIRM:
		co_give(ui, v);
		break;
	case ACT_HOW:
		v->how = (enum consent_how)((v->how + 1) % NCONSENT_HOW);
		break;
	case ACT_BACK:
		v->mode = CO_LIST;
		ui_message(ui, "%s", _("Nothing was saved."));
		break;
	default:
		v->date_error = NULL;
		return ui_edit_key(&v->date, k) ? UI_REDRAW | UI_HANDLED : 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

/* Keys of the question before a withdrawal: only y, n and Esc. */
static int
co_key_withdraw(struct ui *ui, struct co_view *v,
    const struct ui_keypress *k)
{
	switch (ui_key_action(k, co_withdraw_actions)) {
	case ACT_YES:
		co_withdraw(ui, v);
		return UI_REDRAW | UI_HANDLED;
	case ACT_NO:
	case ACT_BACK:
		v->mode = CO_LIST;
		ui_message(ui, "%s", _("Nothing was changed."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_HANDLED;
	}
}

static int
co_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct co_view	*v = state;

	if (v->mode == CO_GIVE)
		return co_key_give(ui, v, k);
	if (v->mode == CO_WITHDRAW)
		return co_key_withdraw(ui, v, k);
	switch (ui_key_action(k, co_actions)) {
	case ACT_UP:
		v->sel = v->sel > 0 ? v->sel - 1 : 0;
		break;
	case ACT_DOWN:
		v->sel = v->sel < NCONSENT_PURPOSE - 1 ? v->sel + 1 : v->sel;
		break;
	case ACT_GIVE:
		co_start_give(ui, v);
		break;
	case ACT_WITHDRAW:
		co_start_withdraw(ui, v);
		break;
	default:
		return 0;
	}
	return UI_REDRAW | UI_HANDLED;
}

const struct screen screen_consent = {
	.name = "consent",
	.title = N_("Consent"),
	.actions = co_actions,
	.help = N_("What the household has consented to, purpose by purpose: "
	    "the welcome visit itself (the notes of its visits), contact by "
	    "phone (the phone number and languages), follow-up by the "
	    "secretariat (the notes of its follow-ups) and a success story "
	    "(the visits marked as one). Each shows when, by whom and how "
	    "it was given, or when it was withdrawn.\n\n"
	    "Ask for each purpose on its own. \xe2\x86\x91 and \xe2\x86\x93 "
	    "choose a purpose. g records the household's yes: Space chooses "
	    "how (at the door, on paper, by phone), write the day, Enter "
	    "saves; you are recorded as the one who asked.\n\n"
	    "w withdraws a consent when the household asks: it first says "
	    "exactly what will be removed, and y removes it at once; the "
	    "message line then says what was removed. The visits, their "
	    "outcomes and the follow-ups themselves stay, for the reports."),
	.init = co_init,
	.draw = co_draw,
	.key = co_key,
	.resume = NULL,
	.free = co_free,
	.cursor = co_cursor,
	.actions_now = co_actions_now,
};
