/*
 * cli-export-person.c — `velkomst export person ID`: a resident's copy
 * of everything held about one household (person.h), as text in the
 * user's language or as JSON, to standard output or a new file (0600,
 * never over one that is there), recorded in the audit trail ("export",
 * the household's number, "person text") before a byte leaves.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "i18n.h"
#include "person.h"
#include "util.h"

/* What the command was asked, and what it read. */
struct pc_opts {
	const struct cli	*cli;
	long			 id;
	int			 json;
	const char		*output;	/* or NULL: standard output */
	int			 fd;		/* the file made, or -1 */
	struct person		 p;
	int			 read;		/* p holds the copy */
};

/* --format text|json into *(int *)to (1 for json). */
static int
pc_set_format(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	if (strcmp(arg, "text") == 0 || strcmp(arg, "json") == 0) {
		*(int *)opt->to = strcmp(arg, "json") == 0;
		return 0;
	}
	cli_error(_("--%s is text or json, not \"%s\""), opt->name, arg);
	return -1;
}

/* The household's number: > 0, or 0 with the reason printed. */
static long
pc_id(const char *s)
{
	char	*end;
	long	 id;

	errno = 0;
	id = strtol(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || id <= 0) {
		cli_error(_("\"%s\" is not the number of a household (see "
		    "velkomst households)."), s);
		return 0;
	}
	return id;
}

/* Read the household in the export's snapshot (a cli_export_step): 1,
 * or -1 with the reason printed. */
static long
pc_count(struct db *db, void *ctx)
{
	struct pc_opts	*o = ctx;

	if (db_person_read(db, cli_who(), o->id, &o->p) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	o->read = 1;
	return 1;
}

/* The audit row's text (a cli_export_step): what and the format, never
 * a name. */
static char *
pc_detail(void *ctx, long rows)
{
	struct pc_opts	*o = ctx;

	(void)rows;
	return xstrdup(o->json ? "person json" : "person text");
}

/* Write the copy where it goes (a cli_export_step). */
static int
pc_write(struct db *db, void *ctx, long rows)
{
	struct pc_opts	*o = ctx;
	FILE		*f = stdout;
	const char	*name = _("standard output");
	int		 rc;

	(void)db;
	(void)rows;
	if (o->output != NULL) {
		name = o->output;
		if ((f = fdopen(o->fd, "w")) == NULL) {
			cli_error(_("%s cannot be written: %s."), name,
			    strerror(errno));
			return 1;
		}
		o->fd = -1;
	}
	rc = export_person_write(f, o->json ? PERSON_JSON : PERSON_TEXT,
	    &o->p, o->cli->conf, cli_who()->name, util_today());
	if ((f != stdout && fclose(f) != 0) || rc != 0) {
		cli_error(_("%s cannot be written: %s."), name,
		    strerror(errno));
		return 1;
	}
	return 0;
}

/* `velkomst export person HOUSEHOLD_ID [--output FILE] [--format
 * text|json]`. */
int
cli_export_person(const struct cli *cli, int argc, char **argv)
{
	static const struct cli_export_step st = { pc_count, pc_detail,
	    pc_write, NULL };
	struct pc_opts		 o = { .cli = cli, .fd = -1 };
	char			*id = NULL;
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "format", 0, "text|json", pc_set_format, &o.json, 0,
		    N_("text: headings and labels in your language, dates "
		    "28.11.2026 (the default); json: English keys, dates "
		    "2026-11-28, UTF-8") },
		{ "output", 'o', "FILE", cli_set_string, &o.output, 0,
		    N_("write to the new file FILE, made 0600 (never over one "
		    "that is there) instead of standard output") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "export person", "HOUSEHOLD_ID", 1, 1,
	    opts, N_("Writes everything velkomst holds about one household: "
	    "its members, contact data, languages, consents, visits with "
	    "their checklists and notes, follow-ups, and the rows of the "
	    "audit trail about it; for a resident who asks to see their "
	    "data (the right of access).  Nothing about any other household "
	    "is in it.  The copy is recorded in the audit trail (the "
	    "household's number, never a name) before it is written.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, &id)) != -1)
		return rc;
	if ((o.id = pc_id(id)) == 0) {
		cli_usage(&cmd, stderr);
		return 2;
	}
	if (o.output != NULL && (o.fd = cli_create_file(o.output)) < 0)
		return 1;
	rc = cli_export_record(cli, &st, "household", o.id, &o);
	if (o.fd >= 0)
		close(o.fd);
	if (rc != 0 && o.output != NULL)
		unlink(o.output);
	if (o.read)
		db_person_clear(&o.p);
	return rc;
}
