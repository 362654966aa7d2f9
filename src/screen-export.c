/*
 * screen-export.c — the secretariat takes the list it is looking at, as
 * it is filtered, out of velkomst: csv for Excel or an Excel workbook,
 * into a new file (0600, never over one that is there) whose name it
 * can change.  The export is recorded in the audit trail; if that
 * fails, the file is removed again.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

#define EXPORT_PATH_MAX	400	/* characters of a file name typed */

enum fe_id { FE_ABOUT, FE_FORMAT, FE_FILE, FE_COUNT };

struct ex_form {
	struct export_ask	 a;
	char			*search, *stairwell;	/* copies for a */
	int			 xlsx;		/* else csv for Excel */
	const char		*pick[2];
	char			*about;
	struct ui_field		 f[FE_COUNT];
	struct ui_form		 form;
};

static const enum ui_action fe_actions[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_PICK, ACT_BACK,
	ACT_HELP, ACT_NONE
};

static const char *const fe_formats[2] = {
	N_("csv for Excel (opens by a double click)"),
	N_("Excel workbook (xlsx)"),
};

/* The file's name at first: ~/velkomst-TABLE-DATE.EXT. */
static char *
fe_default(const struct ex_form *fe)
{
	char	day[11];

	return xasprintf("~/velkomst-%s-%s.%s", export_table_name(fe->a.table),
	    util_date_iso(util_today(), day), fe->xlsx ? "xlsx" : "csv");
}

/* Open the form for the list of arg (a struct export_ask, copied). */
static void *
fe_init(struct ui *ui, void *arg)
{
	struct ex_form	*fe = xcalloc(1, sizeof *fe);
	char		*name, count[32];
	long		 n;

	fe->a = *(const struct export_ask *)arg;
	fe->search = xstrdup(fe->a.hq.search != NULL ? fe->a.hq.search :
	    fe->a.aq.search);
	fe->stairwell = xstrdup(fe->a.hq.stairwell);
	fe->a.hq.search = fe->a.aq.search = fe->search;
	fe->a.hq.stairwell = fe->stairwell;
	fe->form.f = fe->f;
	fe->form.n = FE_COUNT;
	fe->form.error_lines = 2;
	fe->form.focus = FE_FORMAT;
	n = export_count_shown(ui_db(ui), ui_who(ui), &fe->a);
	fe->about = n < 0 ? xstrdup(_("The list as it is shown now.")) :
	    xasprintf(P_("The list as it is shown now: %s row.",
	    "The list as it is shown now: %s rows.", n), i18n_count(n,
	    fe->a.table <= EXPORT_FLAGGED ? DB_COUNT_CAP : 0, count,
	    sizeof count));
	ui_form_heading(&fe->form, FE_ABOUT, fe->about);
	ui_form_field(&fe->form, FE_FORMAT, UI_FIELD_PICKED, N_("Format"), "",
	    0);
	fe->f[FE_FORMAT].shows = _(fe_formats[0]);
	name = fe_default(fe);
	ui_form_field(&fe->form, FE_FILE, UI_FIELD_TEXT, N_("File"), name,
	    EXPORT_PATH_MAX);
	free(name);
	return fe;
}

/* Close the form. */
static void
fe_free(void *state)
{
	struct ex_form	*fe = state;

	ui_form_free(&fe->form);
	free(fe->about);
	free(fe->search);
	free(fe->stairwell);
	free(fe);
}

/* Draw the form. */
static void
fe_draw(struct ui *ui, void *state)
{
	struct ex_form	*fe = state;
	int		 top = ui_body_top(ui) + 1, rows = ui_body_rows(ui) - 6;
	int		 i, y, w = ui_cols(ui) - 27;

	ui_put(top - 1, 2, _("Export the list to a file. F2 writes it."),
	    ui_cols(ui) - 4, 0, STYLE_DIM);
	for (i = 0; i < FE_COUNT; i++) {
		if ((y = ui_form_place(&fe->form, i, top, rows)) < 0)
			continue;
		if (fe->f[i].kind == UI_FIELD_HEADING)
			ui_put(y, 2, fe->f[i].shows, ui_cols(ui) - 4, 0,
			    STYLE_LABEL);
		else
			ui_form_draw_field(ui, &fe->form, i, y, NULL, w);
	}
	ui_wrap(top + rows, 2, ui_cols(ui) - 4, 4, 0, _("The file is new and "
	    "only you can read it; velkomst never writes over a file that is "
	    "there. The export is recorded in the audit trail. Keep the file "
	    "safe: it holds residents' data."), STYLE_DIM);
}

/* The cursor: in the focused field. */
static int
fe_cursor(struct ui *ui, void *state, int *y, int *x)
{
	struct ex_form	*fe = state;

	(void)ui;
	return ui_form_cursor(&fe->form, y, x);
}

/* Called by the pick list: the format; the file's ending follows it. */
static void
fe_picked(struct ui *ui, void *ctx, int chosen)
{
	struct ex_form	*fe = ctx;
	char		*name, *dot;
	const char	*ext = chosen ? ".xlsx" : ".csv";

	fe->xlsx = chosen;
	fe->f[FE_FORMAT].shows = _(fe_formats[chosen]);
	name = ui_form_clean(&fe->form, FE_FILE);
	if ((dot = strrchr(name, '.')) != NULL && (strcmp(dot, ".csv") == 0 ||
	    strcmp(dot, ".xlsx") == 0)) {
		*dot = '\0';
		dot = xasprintf("%s%s", name, ext);
		ui_form_set_text(&fe->form, FE_FILE, dot);
		free(dot);
	}
	free(name);
	fe->form.dirty = 1;
	ui_form_move(ui, &fe->form, 1);
}

/* Open the pick list of the format. */
static void
fe_pick(struct ui *ui, struct ex_form *fe)
{
	struct ui_pick	p = { .done = fe_picked, .ctx = fe, .n = 2 };

	if (fe->form.focus != FE_FORMAT)
		return;
	fe->pick[0] = _(fe_formats[0]);
	fe->pick[1] = _(fe_formats[1]);
	p.title = _("Which format?");
	p.items = fe->pick;
	p.initial = fe->xlsx;
	ui_push(ui, &screen_pick, &p);
}

/* The path typed, "~/" as the home folder: a new string. */
static char *
fe_path(const char *typed)
{
	const char	*home = getenv("HOME");

	if (strncmp(typed, "~/", 2) == 0 && home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, typed + 2);
	return xstrdup(typed);
}

/* Write the rows to path (made, empty): the count, or -1 with err. */
static long
fe_write(struct ui *ui, struct ex_form *fe, int fd, const char *path,
    char *err, size_t errlen)
{
	struct export_out	 out;
	FILE			*f = NULL;
	long			 n;

	if (fe->xlsx) {
		close(fd);
		if (export_out_xlsx(&out, path, err, errlen) == -1)
			return -1;
	} else {
		if ((f = fdopen(fd, "w")) == NULL) {
			close(fd);
			snprintf(err, errlen, _("The export could not be "
			    "written to %s."), path);
			return -1;
		}
		export_out_init(&out, EXPORT_EXCEL, f);
	}
	n = export_write(ui_db(ui), ui_who(ui), &fe->a, &out);
	if (n < 0)
		snprintf(err, errlen, "%s", _(db_errmsg(ui_db(ui))));
	if (export_out_close(&out, path, err, errlen) == -1)
		n = -1;
	if (f != NULL && fclose(f) != 0 && n >= 0) {
		snprintf(err, errlen, _("The export could not be written to "
		    "%s."), path);
		n = -1;
	}
	return n;
}

/* Export into the new file path: the rows, or -1 with err (no file). */
static long
fe_export(struct ui *ui, struct ex_form *fe, const char *path, char *err,
    size_t errlen)
{
	struct db	*db = ui_db(ui);
	char		*detail;
	long		 n = -1;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOCTTY, 0600)) == -1)
		return -2;
	/* Seconds on a large register (13.6 s for the 333,206 overdue of a
	 * million households); the result or the error replaces it. */
	ui_message(ui, "%s", _("Writing the export\xe2\x80\xa6"));
	ui_draw_now(ui);
	if (db_snapshot_begin(db) == DB_OK) {
		n = fe_write(ui, fe, fd, path, err, errlen);
		db_snapshot_end(db);
	} else {
		close(fd);
		snprintf(err, errlen, "%s", _(db_errmsg(db)));
	}
	if (n >= 0) {
		/* Out only once the trail records it. */
		detail = export_audit_detail(&fe->a, fe->xlsx ? EXPORT_XLSX :
		    EXPORT_EXCEL, n);
		if (db_audit_note(db, ui_who(ui), "export", NULL, 0, detail) !=
		    DB_OK) {
			snprintf(err, errlen, _("The export could not be "
			    "recorded in the audit trail, so nothing was "
			    "exported. %s"), _(db_errmsg(db)));
			n = -1;
		}
		free(detail);
	}
	if (n < 0)
		unlink(path);
	return n;
}

/* F2: write the file, say where it went; UI_POP when written. */
static int
fe_save(struct ui *ui, struct ex_form *fe)
{
	char	*typed, *path, err[600], real[PATH_MAX];
	long	 n;

	typed = ui_form_clean(&fe->form, FE_FILE);
	if (*typed == '\0') {
		free(typed);
		ui_form_refused(ui, &fe->form, ui_form_error(&fe->form,
		    FE_FILE, N_("Give the file a name.")));
		return 0;
	}
	path = fe_path(typed);
	free(typed);
	err[0] = '\0';
	if ((n = fe_export(ui, fe, path, err, sizeof err)) == -2) {
		ui_form_refused(ui, &fe->form, ui_form_error_own(&fe->form,
		    FE_FILE, access(path, F_OK) == 0 ? xstrdup(_("There is a "
		    "file of that name already; velkomst never writes over "
		    "one. Give another name.")) : xasprintf(_("That file "
		    "cannot be made: %s."), strerror(errno))));
		free(path);
		return 0;
	}
	if (n < 0) {
		ui_error(ui, "%s", err);
		free(path);
		return 0;
	}
	ui_message(ui, P_("Exported %ld row to %s.", "Exported %ld rows to "
	    "%s.", n), n, realpath(path, real) != NULL ? real : path);
	free(path);
	return UI_POP;
}

/* A key in the form. */
static int
fe_key(struct ui *ui, void *state, const struct ui_keypress *k)
{
	struct ex_form	*fe = state;
	enum ui_action	 a = ui_key_action(k, fe_actions);
	int		 flags;

	if ((flags = ui_form_key(ui, &fe->form, a)) != 0)
		return flags;
	flags = UI_REDRAW | UI_HANDLED;
	if (a == ACT_SAVE)
		return flags | fe_save(ui, fe);
	if (a == ACT_PICK) {
		fe_pick(ui, fe);
		return flags;
	}
	return ui_form_edit_key(&fe->form, k);
}

const struct screen screen_export = {
	.name = "export",
	.title = N_("Export"),
	.actions = fe_actions,
	.help = N_("Take the list you were looking at out of velkomst, as it "
	    "is filtered (department, stairwell, reason, search). Format: "
	    "press Enter and pick csv for Excel (semicolons and a BOM, so "
	    "Danish Excel opens it by a double click) or an Excel workbook "
	    "(xlsx). File: where it goes; ~/ is your home folder. The file "
	    "is made new, only you can read it, and velkomst never writes "
	    "over a file that is there. Households get a column per member "
	    "(name 1, name 2, ...).\n\n"
	    "F2 (or Ctrl-S) writes the file and says where it is. The export "
	    "is recorded in the audit trail. Only the secretariat can "
	    "export."),
	.init = fe_init,
	.draw = fe_draw,
	.key = fe_key,
	.free = fe_free,
	.cursor = fe_cursor,
};
