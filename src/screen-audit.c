/*
 * screen-audit.c — placeholder while the audit screen is being written.
 */
#include <stddef.h>

#include "i18n.h"
#include "ui.h"

static const enum ui_action audit_actions[] = { ACT_BACK, ACT_HELP, ACT_NONE };

/* Nothing to keep yet. */
static void *
audit_init(struct ui *ui, void *arg)
{
	(void)ui;
	(void)arg;
	return NULL;
}

/* Nothing to draw yet. */
static void
audit_draw(struct ui *ui, void *state)
{
	(void)ui;
	(void)state;
}

/* No keys yet. */
static int
audit_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	(void)ui;
	(void)state;
	(void)k;
	return 0;
}

const struct screen screen_audit = {
	.name = "audit",
	.title = N_("audit"),
	.actions = audit_actions,
	.init = audit_init,
	.draw = audit_draw,
	.key = audit_key,
};
