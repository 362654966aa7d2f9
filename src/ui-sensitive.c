/*
 * ui-sensitive.c — the question every form asks before it saves a note
 * that may say something sensitive (core_sensitive_check): the reason
 * under the note, the rule and "Save anyway? (y/n)" on the message line;
 * y saves as it is, n or Esc goes back to the note to change it.
 */
#include <stdlib.h>

#include "cfg.h"
#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

const enum ui_action ui_sensitive_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};

/* The rule and the question, on the message line. */
static void
sensitive_ask(struct ui *ui)
{
	ui_error(ui, "%s %s", _(core_sensitive_rule()),
	    _("Save anyway? (y/n)"));
}

/* The reason a note is stopped, translated: a new string. */
char *
ui_sensitive_reason(const struct conf *c, const char *note)
{
	enum sensitive_kind	 k;
	char			*word, *s;

	/* The word is letters, digits and marks only: safe to show. */
	k = core_sensitive_check(c->sensitive, note, &word);
	if (k == SENSITIVE_NONE)
		return NULL;
	s = xasprintf(_(core_sensitive_reason(k)), word != NULL ? word : "");
	free(word);
	return s;
}

/* Before saving: stop at the first note that may say something
 * sensitive, unless y was just pressed. */
int
ui_sensitive_stop(struct ui *ui, struct ui_sensitive *s, struct ui_form *fm,
    const int *fields, size_t n)
{
	char	*note, *why;
	size_t	 i;

	if (s->allowed) {
		s->allowed = 0;
		return 0;
	}
	for (i = 0; i < n; i++) {
		note = util_edit_text(&fm->f[fields[i]].e);
		why = ui_sensitive_reason(ui_conf(ui), note);
		free(note);
		if (why == NULL)
			continue;
		ui_form_error_own(fm, fields[i], why);
		fm->focus = fields[i];
		s->asking = 1;
		s->field = fields[i];
		sensitive_ask(ui);
		return 1;
	}
	return 0;
}

/* A key while the question is open. */
int
ui_sensitive_key(struct ui *ui, struct ui_sensitive *s, struct ui_form *fm,
    const struct ui_keypress *k, int *save)
{
	*save = 0;
	switch (ui_key_action(k, ui_sensitive_actions)) {
	case ACT_YES:
		s->asking = 0;
		s->allowed = 1;
		ui_form_clear_error(fm, s->field);
		*save = 1;
		return UI_REDRAW | UI_HANDLED;
	case ACT_NO:
	case ACT_BACK:
		s->asking = 0;
		ui_message(ui, "%s", _("Not saved: change the note (leave out "
		    "what is sensitive), then save again."));
		return UI_REDRAW | UI_HANDLED;
	default:
		sensitive_ask(ui);	/* only y, n and Esc mean something */
		return UI_REDRAW | UI_HANDLED;
	}
}
