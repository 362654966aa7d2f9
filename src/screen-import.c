/*
 * screen-import.c — a move-in list from an estate office, from the
 * households list (I, the secretariat): the file's path typed in a
 * field, the preview (what would be added, what is registered already,
 * every bad row with its row, column and reason), a question, then the
 * result.  The reading and checking is core-import.c's, the matching
 * and the transaction db-import.c's.
 */
#include <curses.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "ui.h"
#include "util.h"

enum imp_stage { IMP_PATH, IMP_PREVIEW, IMP_ASK, IMP_DONE };

struct imp_scr {
	enum imp_stage	 stage;
	struct edit	 path;
	struct import	 imp;
	char		*text;		/* the preview or the result */
	char		*file;		/* the file's base name */
	int		 skip;		/* lines of text scrolled away */
	int		 lines;		/* lines the text takes */
};

static const enum ui_action path_actions[] = {
	ACT_CONFIRM, ACT_BACK, ACT_HELP, ACT_NONE
};
static const enum ui_action preview_actions[] = {
	ACT_SAVE, ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_NONE
};
static const enum ui_action ask_actions[] = {
	ACT_YES, ACT_NO, ACT_BACK, ACT_NONE
};
static const enum ui_action done_actions[] = {
	ACT_BACK, ACT_HELP, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_NONE
};

static void *
imp_init(struct ui *ui, void *arg)
{
	struct imp_scr	*s = xcalloc(1, sizeof *s);
	const char	*home = getenv("HOME");
	char		*dir;

	(void)ui;
	(void)arg;
	dir = xasprintf("%s/", home != NULL && *home != '\0' ? home : ".");
	util_edit_init(&s->path, dir, 1024);
	free(dir);
	return s;
}

static void
imp_free(void *state)
{
	struct imp_scr	*s = state;

	util_edit_free(&s->path);
	import_free(&s->imp);
	free(s->text);
	free(s->file);
	free(s);
}

/* Append a line to the text *t. */
static void
imp_line(char **t, const char *line)
{
	char	*n = xasprintf("%s%s\n", *t != NULL ? *t : "", line);

	free(*t);
	*t = n;
}

/* One row of the preview: a household to add, shown by place and name. */
static char *
imp_row_text(const struct conf *c, const struct import_row *w)
{
	char	 day[11];
	int	 d = cfg_department_find(c, w->department);

	return xasprintf(_("row %ld: %s, %s %s, %s: %s"), w->row,
	    d >= 0 ? c->departments[d].shortname : w->department,
	    w->stairwell, w->flat, util_date_dk(w->moved_in, day),
	    w->nnames > 0 ? w->names[0] : "");
}

/* The lines of the rows of one fate. */
static void
imp_rows(const struct conf *c, const struct import *imp,
    enum import_fate fate, char **t)
{
	const struct import_problem *p;
	size_t		 i, j, first, n;
	char		*s;

	for (i = 0; i < imp->nrows; i++) {
		const struct import_row *w = &imp->rows[i];

		if (w->fate != fate)
			continue;
		if (fate == IMPORT_ADD)
			s = imp_row_text(c, w);
		else if (fate == IMPORT_DUPLICATE && w->duplicate_of != 0)
			s = xasprintf(_("row %ld: registered already "
			    "(household %ld)"), w->row, w->duplicate_of);
		else if (fate == IMPORT_DUPLICATE)
			s = xasprintf(_("row %ld: the same as row %ld"),
			    w->row, w->duplicate_row);
		else {
			n = import_row_problems(imp, w->row, &first);
			for (j = 0; j < n; j++) {
				p = &imp->problems[first + j];
				s = p->column != NULL ? xasprintf(_("row %ld, "
				    "column \"%s\": %s"), w->row, p->column,
				    _(p->reason)) : xasprintf(_("row %ld: %s"),
				    w->row, _(p->reason));
				imp_line(t, s);
				free(s);
			}
			continue;
		}
		imp_line(t, s);
		free(s);
	}
}

/* The rows to add whose note may say something sensitive, with why:
 * F2 and y import them as they are. */
static void
imp_sensitive(struct ui *ui, struct imp_scr *s)
{
	const struct import	*imp = &s->imp;
	char			*why, *line;
	size_t			 i;
	int			 head = 0;

	for (i = 0; i < imp->nrows; i++) {
		if (imp->rows[i].fate != IMPORT_ADD || (why =
		    ui_sensitive_reason(ui_conf(ui), imp->rows[i].notes)) ==
		    NULL)
			continue;
		if (!head++) {
			imp_line(&s->text, "");
			imp_line(&s->text, _(core_sensitive_rule()));
			imp_line(&s->text, _("These notes are imported as they "
			    "are if you go on: change them in the file first."));
		}
		line = xasprintf(_("row %ld: %s"), imp->rows[i].row, why);
		imp_line(&s->text, line);
		free(line);
		free(why);
	}
}

/* The preview's text. */
static void
imp_preview_text(struct ui *ui, struct imp_scr *s)
{
	const struct import *imp = &s->imp;
	char		*line;
	size_t		 i;

	free(s->text);
	s->text = NULL;
	line = xasprintf(P_("%s: %zu row. To add: %ld; duplicates: %ld; "
	    "bad: %ld.", "%s: %zu rows. To add: %ld; duplicates: %ld; "
	    "bad: %ld.", imp->nrows), s->file, imp->nrows, imp->added,
	    imp->duplicates, imp->refused);
	imp_line(&s->text, line);
	free(line);
	imp_line(&s->text, imp->refused > 0 ? _("F2 imports the good rows; "
	    "the bad rows are left out. Esc imports nothing.") : _("F2 "
	    "imports the rows to add. Esc imports nothing."));
	imp_sensitive(ui, s);
	for (i = 0; i < imp->nunknown; i++) {
		line = xasprintf(_("Column \"%s\" is not known: ignored."),
		    imp->unknown[i]);
		imp_line(&s->text, line);
		free(line);
	}
	if (imp->refused > 0) {
		imp_line(&s->text, "");
		imp_line(&s->text, _("Bad rows (not imported):"));
		imp_rows(ui_conf(ui), imp, IMPORT_BAD, &s->text);
	}
	if (imp->duplicates > 0) {
		imp_line(&s->text, "");
		imp_line(&s->text, _("Duplicates (not added again):"));
		imp_rows(ui_conf(ui), imp, IMPORT_DUPLICATE, &s->text);
	}
	if (imp->added > 0) {
		imp_line(&s->text, "");
		imp_line(&s->text, _("To add:"));
		imp_rows(ui_conf(ui), imp, IMPORT_ADD, &s->text);
	}
	s->skip = 0;
}

/* Read the file named in the field and show the preview. */
static int
imp_read(struct ui *ui, struct imp_scr *s)
{
	char	*path = util_edit_text(&s->path), *buf, *copy;
	size_t	 len;
	int	 e;

	if ((e = util_read_file(path, (size_t)IMPORT_MAX_BYTES, &buf,
	    &len)) != 0) {
		ui_error(ui, "%s", e == EISDIR ? _("That is a folder, not a "
		    "file: type the file's name after it.") : e == EFBIG ?
		    _("The file is too large to be a move-in list.") :
		    _("The file cannot be read: check its name."));
		free(path);
		return UI_REDRAW;
	}
	import_free(&s->imp);
	import_parse(buf, len, IMPORT_ENC_AUTO, 0, ui_conf(ui), &s->imp);
	free(buf);
	if (s->imp.error != NULL) {
		ui_error(ui, "%s", _(s->imp.error));
		free(path);
		return UI_REDRAW;
	}
	if (db_import_match(ui_db(ui), ui_who(ui), &s->imp) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		free(path);
		return UI_REDRAW;
	}
	copy = xstrdup(path);
	free(s->file);
	s->file = xstrdup(basename(copy));
	free(copy);
	free(path);
	imp_preview_text(ui, s);
	s->stage = IMP_PREVIEW;
	return UI_REDRAW;
}

/* Import: the good rows, in one transaction. */
static void
imp_run(struct ui *ui, struct imp_scr *s)
{
	char	*line;

	if (db_import_moveins(ui_db(ui), ui_who(ui), &s->imp, s->file, 1,
	    NULL, NULL) != DB_OK) {
		ui_error(ui, "%s", _(db_errmsg(ui_db(ui))));
		s->stage = IMP_PREVIEW;
		return;
	}
	free(s->text);
	s->text = NULL;
	line = xasprintf(P_("%ld household added from %s.",
	    "%ld households added from %s.", s->imp.added), s->imp.added,
	    s->file);
	imp_line(&s->text, line);
	free(line);
	line = xasprintf(_("Duplicates: %ld. Bad rows left out: %ld."),
	    s->imp.duplicates, s->imp.refused);
	imp_line(&s->text, line);
	free(line);
	imp_line(&s->text, _("They are in the households list, registered by "
	    "\"import\" and the file's name."));
	s->skip = 0;
	s->stage = IMP_DONE;
	ui_message(ui, "%s", _("Import done."));
}

static void
imp_draw(struct ui *ui, void *state)
{
	struct imp_scr	*s = state;
	int		 y = ui_body_top(ui) + 1, cols = ui_cols(ui) - 4;
	char		*q;

	if (s->stage == IMP_PATH) {
		ui_wrap(y, 2, cols, 3, 0, _("Type the path of the move-in "
		    "list (a CSV file saved from Excel or LibreOffice), then "
		    "press Enter to see what it holds. Nothing is imported "
		    "before you confirm."), STYLE_NORMAL);
		ui_put(y + 4, 2, _("File:"), 10, 0, STYLE_HEADER);
		ui_put_edit(y + 4, 12, &s->path, cols - 10, STYLE_FIELD);
		return;
	}
	s->lines = ui_wrap(y, 2, cols, ui_body_rows(ui) - 3, s->skip,
	    s->text, STYLE_NORMAL);
	if (s->stage == IMP_ASK) {
		q = xasprintf(P_("Import %ld household? y/n",
		    "Import %ld households? y/n", s->imp.added), s->imp.added);
		ui_put(ui_body_top(ui) + ui_body_rows(ui) - 1, 2, q, cols, 1,
		    STYLE_HEADER);
		free(q);
	}
}

/* Scroll the text. */
static int
imp_scroll(struct ui *ui, struct imp_scr *s, enum ui_action a)
{
	int	 page = ui_body_rows(ui) - 4, max;

	max = s->lines - page > 0 ? s->lines - page : 0;
	if (a == ACT_UP)
		s->skip--;
	else if (a == ACT_DOWN)
		s->skip++;
	else if (a == ACT_PGUP)
		s->skip -= page;
	else
		s->skip += page;
	if (s->skip > max)
		s->skip = max;
	if (s->skip < 0)
		s->skip = 0;
	return UI_REDRAW | UI_HANDLED;
}

/* The keys of the preview, the question and the result. */
static int
imp_key_text(struct ui *ui, struct imp_scr *s, enum ui_action a)
{
	switch (a) {
	case ACT_SAVE:
		if (s->imp.added == 0) {
			ui_error(ui, "%s", _("There is nothing to add."));
			return UI_REDRAW | UI_HANDLED;
		}
		s->stage = IMP_ASK;
		return UI_REDRAW | UI_HANDLED;
	case ACT_YES:
		imp_run(ui, s);
		return UI_REDRAW | UI_HANDLED;
	case ACT_NO:
		s->stage = IMP_PREVIEW;
		return UI_REDRAW | UI_HANDLED;
	case ACT_BACK:
		if (s->stage == IMP_ASK) {
			s->stage = IMP_PREVIEW;
			return UI_REDRAW | UI_HANDLED;
		}
		return UI_POP;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
		return imp_scroll(ui, s, a);
	default:
		return 0;
	}
}

/* The actions of the stage the screen is at. */
static const enum ui_action *
imp_actions(const struct imp_scr *s)
{
	switch (s->stage) {
	case IMP_PATH:
		return path_actions;
	case IMP_PREVIEW:
		return preview_actions;
	case IMP_ASK:
		return ask_actions;
	default:
		return done_actions;
	}
}

static const enum ui_action *
imp_actions_now(void *state)
{
	return imp_actions(state);
}

static int
imp_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct imp_scr	*s = state;
	enum ui_action	 a = ui_key_action(k, imp_actions(s));

	if (s->stage != IMP_PATH)
		return imp_key_text(ui, s, a);
	if (a == ACT_CONFIRM)
		return imp_read(ui, s) | UI_HANDLED;
	if (a == ACT_BACK)
		return UI_POP;
	if (a == ACT_NONE && ui_edit_key(&s->path, k))
		return UI_REDRAW | UI_HANDLED;
	return 0;
}

static int
imp_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct imp_scr	*s = state;

	if (s->stage != IMP_PATH)
		return -1;
	*y = ui_body_top(ui) + 5;
	*x = ui_put_edit(*y, 12, &s->path, ui_cols(ui) - 14, STYLE_FIELD);
	return 0;
}

const struct screen screen_import = {
	.name = "import",
	.title = N_("Import move-ins"),
	.actions = path_actions,
	.help = N_("Import a list of move-ins from an estate office: a CSV "
	    "file saved from Excel or LibreOffice, whose first row names the "
	    "columns in Danish or English (afdeling, opgang, lejlighed, "
	    "indflytning, navne, telefon, sprog, tolk, samtykke, "
	    "bem\xc3\xa6rkning).\n\n"
	    "Type the file's path and press Enter: velkomst shows what it "
	    "would add, which households are registered already (they are "
	    "not added twice) and every bad row with its row, column and "
	    "what is wrong. F2 and then y imports the good rows, all in "
	    "one go; Esc imports nothing. The households show \"import\" "
	    "and the file's name as who registered them."),
	.init = imp_init,
	.draw = imp_draw,
	.key = imp_key,
	.free = imp_free,
	.cursor = imp_cursor,
	.actions_now = imp_actions_now,
};
