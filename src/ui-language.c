/*
 * ui-language.c — the languages spoken, as a form field: picked from the
 * list of every language (screen_pick_search), the configuration's
 * "languages" first, each shown by its name in the screen's language with
 * its other names beside it, so "arabisk", "Arabic" and "العربية" all
 * find it.  The field shows the names; the form saves the codes.
 */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

/* Let go of the list's items. */
static void
lang_items_free(struct ui_language *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free((char *)l->items[i]);
	free(l->items);
	free(l->order);
	l->items = NULL;
	l->order = NULL;
	l->n = 0;
}

/* Show the names of the codes chosen in the field. */
static void
lang_show(struct ui_language *l)
{
	free(l->names);
	l->names = core_lang_names(l->codes, i18n_lang());
	l->form->f[l->field].shows = l->names;
}

/* Set up the field i of form (a UI_FIELD_PICKED) for codes. */
void
ui_language_init(struct ui_language *l, struct ui_form *form, int i,
    const char *label, const char *codes)
{
	memset(l, 0, sizeof *l);
	l->form = form;
	l->field = i;
	ui_form_field(form, i, UI_FIELD_PICKED, label, "", 0);
	l->codes = codes != NULL && codes[0] != '\0' ? xstrdup(codes) : NULL;
	lang_show(l);
}

/* Free what l holds (the form's field is the form's). */
void
ui_language_free(struct ui_language *l)
{
	lang_items_free(l);
	free(l->codes);
	free(l->names);
	free(l->chosen);
	memset(l, 0, sizeof *l);
}

/* 1 if two names are the same but for case and marks. */
static int
lang_same(const char *a, const char *b)
{
	char	*ka, *kb;
	int	 same;

	if (a == NULL || b == NULL)
		return a == b;
	ka = core_search_key(a);
	kb = core_search_key(b);
	same = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

/* One line of the list: the name in ui, then the others that differ
 * from it ("Somali (Soomaali)", "Arabic (arabisk, العربية)"). */
static char *
lang_item(size_t i, const char *ui)
{
	const char	*first, *second, *own;

	first = core_lang_name(i, strcmp(ui, "da") == 0 ? LANG_DANISH :
	    LANG_ENGLISH);
	second = core_lang_name(i, strcmp(ui, "da") == 0 ? LANG_ENGLISH :
	    LANG_DANISH);
	own = core_lang_name(i, LANG_OWN);
	if (lang_same(second, first))
		second = NULL;
	if (own != NULL && (lang_same(own, first) || lang_same(own, second)))
		own = NULL;
	if (second != NULL && own != NULL)
		return xasprintf("%s (%s, %s)", first, second, own);
	if (second != NULL || own != NULL)
		return xasprintf("%s (%s)", first, second != NULL ? second :
		    own);
	return xstrdup(first);
}

/* 1 if the typed words find item i. */
static int
lang_match(void *ctx, size_t i, char *const *words, size_t nwords)
{
	struct ui_language	*l = ctx;

	return core_lang_match(l->order[i], words, nwords);
}

/* 1 if item i is chosen. */
static int
lang_marked(void *ctx, size_t i)
{
	struct ui_language	*l = ctx;

	return core_lang_has(l->codes, core_lang_code(l->order[i]));
}

/* The line under the list's title: what is chosen. */
static const char *
lang_chosen(void *ctx)
{
	struct ui_language	*l = ctx;

	free(l->chosen);
	l->chosen = l->codes != NULL ? xasprintf(_("Chosen: %s"), l->names) :
	    xstrdup(_("Chosen: none yet"));
	return l->chosen;
}

/* Add item i to the codes, or take it away when it is there. */
static void
lang_toggle(struct ui *ui, void *ctx, int chosen)
{
	struct ui_language	*l = ctx;
	const char		*code = core_lang_code(l->order[chosen]);
	char			*copy, *p, *c, *out = NULL, *t;
	size_t			 n = 0;

	copy = p = xstrdup(l->codes != NULL ? l->codes : "");
	while ((c = strsep(&p, ",")) != NULL) {
		if (c[0] == '\0' || strcmp(c, code) == 0)
			continue;
		t = xasprintf("%s%s%s", out != NULL ? out : "", out != NULL ?
		    "," : "", c);
		free(out);
		out = t;
		n++;
	}
	if (!core_lang_has(l->codes, code)) {
		if (n >= CORE_LANG_CODES_MAX) {
			ui_error(ui, _("At most %d languages can be chosen."),
			    CORE_LANG_CODES_MAX);
			free(copy);
			free(out);
			return;
		}
		t = xasprintf("%s%s%s", out != NULL ? out : "", out != NULL ?
		    "," : "", code);
		free(out);
		out = t;
	}
	free(copy);
	free(l->codes);
	l->codes = out;
	lang_show(l);
	l->form->dirty = 1;
	ui_form_clear_error(l->form, l->field);
}

/* Open the list of languages (Enter on the field). */
void
ui_language_pick(struct ui *ui, struct ui_language *l)
{
	const struct conf	*c = ui_conf(ui);
	const char		*lang = i18n_lang();
	struct ui_pick		 p = { .done = lang_toggle, .ctx = l,
				    .match = lang_match, .marked = lang_marked,
				    .chosen = lang_chosen };
	size_t			 i;

	lang_items_free(l);
	l->order = xcalloc(core_lang_count() + 1, sizeof *l->order);
	l->n = core_lang_order((const char *const *)c->languages,
	    c->nlanguages, lang, l->order);
	l->items = xcalloc(l->n + 1, sizeof *l->items);
	for (i = 0; i < l->n; i++)
		l->items[i] = lang_item(l->order[i], lang);
	p.title = _("Pick the languages spoken: type a part of a name");
	p.items = l->items;
	p.n = l->n;
	ui_push(ui, &screen_pick_search, &p);
}
