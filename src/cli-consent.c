/*
 * cli-consent.c — `velkomst consent HOUSEHOLD_ID`: a household's consent
 * per purpose; `give PURPOSE [--how H] [--on DATE]` records one and
 * `withdraw PURPOSE [--yes]` withdraws one, which removes at once the
 * data it covered (asked first on a terminal) and says what went.  The
 * work is db-consent.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* What was asked on the command line. */
struct co_ask {
	long		 id;
	const char	*verb;		/* NULL, "give" or "withdraw" */
	enum consent_purpose purpose;
	const char	*how;		/* --how, or NULL */
	long		 on;		/* --on, or DATE_NONE */
	int		 yes;
	int		 tsv;
};

static const struct cli_col co_text[] = {
	{ N_("Purpose"), 30, 0 }, { N_("Given on"), 10, 0 },
	{ N_("By"), 12, 0 }, { N_("How"), 12, 0 },
	{ N_("Withdrawn on"), 12, 0 }, { N_("By"), 0, 0 }
};
static const struct cli_col co_tsv[] = {
	{ "household", 0, 0 }, { "purpose", 0, 0 }, { "given_on", 0, 0 },
	{ "given_by", 0, 0 }, { "how", 0, 0 }, { "withdrawn_on", 0, 0 },
	{ "withdrawn_by", 0, 0 }
};

/* One consent as a row of the table. */
static void
co_row(struct cli_table *t, const struct consent *c, int tsv)
{
	char	 d[16];

	if (tsv) {
		cli_table_cellf(t, "%ld", c->household);
		cli_table_cell(t, core_consent_purpose_name(c->purpose));
		cli_table_cell(t, util_date_iso(c->given_on, d));
		cli_table_cell(t, c->given_by);
		cli_table_cell(t, core_consent_how_name(c->how));
		cli_table_cell(t, util_date_iso(c->withdrawn_on, d));
		cli_table_cell(t, c->withdrawn_by);
	} else {
		cli_table_cell(t, _(core_consent_purpose_label(c->purpose)));
		cli_table_cell(t, util_date_dk(c->given_on, d));
		cli_table_cell(t, c->given_by);
		cli_table_cell(t, _(core_consent_how_label(c->how)));
		cli_table_cell(t, c->withdrawn_on != DATE_NONE ?
		    util_date_dk(c->withdrawn_on, d) : "");
		cli_table_cell(t, c->withdrawn_by);
	}
	cli_table_end(t);
}

/* Print the consents of a->id: every row; as text, a purpose without
 * any says "not given". */
static int
co_list(struct db *db, const struct co_ask *a)
{
	struct cli_table	 t;
	struct consent		*c;
	size_t			 n, i, p;

	if (db_consent_list(db, cli_who(), a->id, &c, &n) != DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	cli_table_init(&t, stdout, a->tsv, CLI_COLS(co_text),
	    CLI_COLS(co_tsv));
	cli_table_header(&t);
	for (p = 0, i = 0; p < NCONSENT_PURPOSE; p++) {
		if ((i == n || c[i].purpose != p) && !a->tsv) {
			cli_table_cell(&t, _(core_consent_purpose_label(
			    (enum consent_purpose)p)));
			cli_table_cell(&t, _("not given"));
			cli_table_cell(&t, "");
			cli_table_cell(&t, "");
			cli_table_cell(&t, "");
			cli_table_cell(&t, "");
			cli_table_end(&t);
		}
		for (; i < n && c[i].purpose == p; i++)
			co_row(&t, &c[i], a->tsv);
	}
	cli_table_free(&t);
	db_consents_free(c, n);
	return 0;
}

/* Record the consent asked for. */
static int
co_give(struct db *db, const struct co_ask *a)
{
	enum consent_how how = CH_DOOR;
	char		 d[16];

	if (a->how != NULL && core_consent_how_parse(a->how, &how) == -1) {
		cli_error(_("--how is door, paper or phone, not \"%s\"."),
		    a->how);
		return 2;
	}
	if (db_consent_give(db, cli_who(), a->id, a->purpose, how, a->on) !=
	    DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	printf(_("Recorded: household %ld consents to %s (%s, %s, recorded "
	    "by %s).\n"), a->id, _(core_consent_purpose_label(a->purpose)),
	    _(core_consent_how_label(how)), util_date_dk(a->on != DATE_NONE ?
	    a->on : util_today(), d), cli_who()->name);
	return 0;
}

/* Ask on the terminal, naming what will go: 0 to go on, else 1. */
static int
co_ask_first(struct db *db, const struct co_ask *a)
{
	struct consent_removed	 r;
	char			*what;
	int			 live[NCONSENT_PURPOSE];

	if (cli_can_ask(_("velkomst consent withdraw asks before it removes "
	    "anything, and there is no terminal to ask on; nothing was "
	    "changed. Add --yes to withdraw without asking.")))
		return 1;
	if (db_consent_state(db, cli_who(), a->id, live, NULL) != DB_OK ||
	    db_consent_covered(db, cli_who(), a->id, a->purpose, &r) !=
	    DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	if (!live[a->purpose]) {
		cli_error(_("There is no consent to %s to withdraw."),
		    _(core_consent_purpose_label(a->purpose)));
		return 1;
	}
	what = core_consent_removed_text(&r);
	/* TRANSLATORS: the answer is y or n ("j" or "n" in Danish). */
	fprintf(stderr, _("Withdraw household %ld's consent to %s? This "
	    "removes at once: %s. [y/N] "), a->id,
	    _(core_consent_purpose_label(a->purpose)), what != NULL ? what :
	    _("nothing else, no data is kept under it now"));
	free(what);
	return cli_answer(_("Nothing was changed."));
}

/* Withdraw the consent asked for and say what was removed. */
static int
co_withdraw(struct db *db, const struct co_ask *a)
{
	struct consent_removed	 r;
	char			*what;

	if (!a->yes && co_ask_first(db, a) != 0)
		return 1;
	if (db_consent_withdraw(db, cli_who(), a->id, a->purpose, &r) !=
	    DB_OK) {
		cli_error("%s", db_errmsg(db));
		return 1;
	}
	what = core_consent_removed_text(&r);
	printf(_("Withdrawn: household %ld's consent to %s.\n"), a->id,
	    _(core_consent_purpose_label(a->purpose)));
	if (what != NULL)
		printf(_("Removed: %s.\n"), what);
	else
		printf("%s\n", _("Nothing else was removed: no data was kept "
		    "under it."));
	free(what);
	return 0;
}

/* Check the operands into a; 0, or 2 with the reason printed. */
static int
co_operands(char **op, struct co_ask *a)
{
	char	*end;

	a->id = strtol(op[0], &end, 10);
	if (op[0][0] == '\0' || *end != '\0' || a->id <= 0) {
		cli_error(_("\"%s\" is not the number of a household."),
		    op[0]);
		return 2;
	}
	a->verb = op[1];
	if (a->verb == NULL && (a->how != NULL || a->on != DATE_NONE ||
	    a->yes)) {
		cli_error("%s", _("--how and --on go with give, --yes with "
		    "withdraw."));
		return 2;
	}
	if (a->verb == NULL)
		return 0;
	if (strcmp(a->verb, "give") != 0 && strcmp(a->verb, "withdraw") != 0) {
		cli_error(_("\"%s\": write give or withdraw."), a->verb);
		return 2;
	}
	if (op[2] == NULL || core_consent_purpose_parse(op[2],
	    &a->purpose) == -1) {
		cli_error("%s", _("Name the purpose: visit, phone, followup or "
		    "story."));
		return 2;
	}
	if (strcmp(a->verb, "give") == 0 ? a->yes : a->how != NULL ||
	    a->on != DATE_NONE) {
		cli_error("%s", _("--how and --on go with give, --yes with "
		    "withdraw."));
		return 2;
	}
	return 0;
}

int
cli_consent(const struct cli *cli, int argc, char **argv)
{
	struct co_ask		 a = { .on = DATE_NONE };
	struct db		*db;
	char			*op[3] = { NULL, NULL, NULL };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "how", 0, "door|paper|phone", cli_set_string, &a.how, 0,
		    N_("give: how the consent was given (default: door)") },
		{ "on", 0, "DATE", cli_set_date, &a.on, 0,
		    N_("give: the day it was given (default: today)") },
		{ "yes", 0, NULL, cli_set_flag, &a.yes, 0,
		    N_("withdraw: without asking (for scripts)") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "consent",
	    "HOUSEHOLD_ID [give|withdraw PURPOSE]", 1, 3, opts,
	    N_("Lists a household's consent per purpose (visit: the welcome "
	    "visit and its notes; phone: the phone number and languages; "
	    "followup: follow-up by the secretariat and its notes; story: a "
	    "success story), with when, by whom and how it was given or "
	    "withdrawn. give records a consent; withdraw withdraws one and "
	    "removes at once the data it covered, after asking (on a "
	    "terminal) and naming what goes.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, op)) != -1)
		return rc;
	if ((rc = co_operands(op, &a)) != 0)
		return rc;
	if ((db = cli_open_db(cli, DB_NO_SETUP)) == NULL)
		return 1;
	if (a.verb == NULL)
		rc = co_list(db, &a);
	else if (strcmp(a.verb, "give") == 0)
		rc = co_give(db, &a);
	else
		rc = co_withdraw(db, &a);
	db_close(db);
	return rc;
}
