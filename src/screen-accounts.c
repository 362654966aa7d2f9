/*
 * screen-accounts.c — placeholder while the accounts screen is being written.
 */
#include <stddef.h>

#include "i18n.h"
#include "ui.h"

static const enum ui_action accounts_actions[] = { ACT_BACK, ACT_HELP, ACT_NONE };

/* Nothing to keep yet. */
static void *
accounts_init(struct ui *ui, void *arg)
{
	(void)ui;
	(void)arg;
	return NULL;
}

/* Nothing to draw yet. */
static void
accounts_draw(struct ui *ui, void *state)
{
	(void)ui;
	(void)state;
}

/* No keys yet. */
static int
accounts_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	(void)ui;
	(void)state;
	(void)k;
	return 0;
}

const struct screen screen_accounts = {
	.name = "accounts",
	.title = N_("accounts"),
	.actions = accounts_actions,
	.init = accounts_init,
	.draw = accounts_draw,
	.key = accounts_key,
};
