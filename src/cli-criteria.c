/*
 * cli-criteria.c — `velkomst criteria`: the activity's success criteria
 * for a year (what each has reached, and whether it is met, on track or
 * behind), and what the secretariat records for them: `criteria
 * records`, `criteria add`, `criteria count`, `criteria delete`; and
 * `criteria stories`, the visits marked as possible success stories.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col crit_text[] = {
	{ N_("Criterion"), 36, 0 },
	{ N_("Target"), 6, CLI_COL_RIGHT },
	{ N_("Achieved"), 8, CLI_COL_RIGHT },
	{ N_("Due"), 9, CLI_COL_RIGHT },
	{ N_("Status"), 13, 0 },
	{ N_("Period"), 0, 0 },
};
static const struct cli_col crit_tsv[] = {
	{ "criterion", 0, 0 }, { "target", 0, 0 }, { "achieved", 0, 0 },
	{ "status", 0, 0 }, { "due", 0, 0 }, { "from", 0, 0 },
	{ "to", 0, 0 }, { "upto", 0, 0 }, { "kind", 0, 0 },
};
static const struct cli_col rec_text[] = {
	{ N_("Number"), 6, CLI_COL_RIGHT },
	{ N_("Date"), 10, 0 },
	{ N_("What"), 14, 0 },
	{ N_("Where"), 16, 0 },
	{ N_("Views/likes"), 11, CLI_COL_RIGHT },
	{ N_("Counted"), 10, 0 },
	{ N_("Title"), 0, 0 },
};
static const struct cli_col rec_tsv[] = {
	{ "id", 0, 0 }, { "kind", 0, 0 }, { "date", 0, 0 },
	{ "title", 0, 0 }, { "channel", 0, 0 }, { "paper", 0, 0 },
	{ "count", 0, 0 }, { "counted_on", 0, 0 },
};
static const struct cli_col story_text[] = {
	{ N_("Date"), 10, 0 },
	{ N_("Household"), 9, CLI_COL_RIGHT },
	{ N_("Department"), 22, 0 },
	{ N_("Ambassador"), 20, 0 },
	{ N_("Yes recorded"), 0, 0 },
};
static const struct cli_col story_tsv[] = {
	{ "visit", 0, 0 }, { "household", 0, 0 }, { "date", 0, 0 },
	{ "department", 0, 0 }, { "ambassador", 0, 0 },
	{ "consent_on", 0, 0 }, { "consent_by", 0, 0 },
};

static const char crit_help_year[] = N_("the calendar year (default: this "
    "year)");

/* --year Y: a year velkomst can count (int). */
static int
crit_set_year(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	char	*end;
	long	 y;

	(void)cli;
	y = strtol(arg, &end, 10);
	if (*arg != '\0' && *end == '\0' && y >= CORE_YEAR_MIN &&
	    y <= CORE_YEAR_MAX) {
		*(int *)opt->to = (int)y;
		return 0;
	}
	cli_error(_("--%s: \"%s\" is not a year (%d to %d)."), opt->name, arg,
	    CORE_YEAR_MIN, CORE_YEAR_MAX);
	return -1;
}

/* The year of today. */
static int
crit_this_year(void)
{
	int	y, m, d;

	util_date_split(util_today(), &y, &m, &d);
	return y;
}

/* "01.03.2017–28.02.2021" into buf (at least 32 bytes). */
static char *
crit_span(long from, long to, char *buf)
{
	char	a[11], b[11];

	snprintf(buf, 32, "%s\xe2\x80\x93%s", util_date_dk(from, a),
	    util_date_dk(to, b));
	return buf;
}

/* A number into buf (16 bytes), or "" for a criterion that asks
 * nothing of the year. */
static const char *
crit_num(char *buf, const struct crit_result *r, long n)
{
	if (r->status == CS_NONE)
		return "";
	snprintf(buf, 16, "%ld", n);
	return buf;
}

/* One criterion's line. */
static void
crit_line(struct cli_table *t, const struct cfg_criterion *c,
    const struct crit_result *r)
{
	char	a[16], b[16], span[32];

	if (t->tsv) {
		cli_table_cell(t, c->key);
		cli_table_cellf(t, "%d", c->rule.target);
		cli_table_cell(t, crit_num(a, r, r->achieved));
		cli_table_cell(t, core_crit_status_name(r->status));
		cli_table_cell(t, crit_num(b, r, r->pace));
		cli_table_cell(t, util_date_iso(r->from, a));
		cli_table_cell(t, util_date_iso(r->to, b));
		cli_table_cell(t, util_date_iso(r->upto, span));
		cli_table_cell(t, core_crit_kind_name(c->rule.kind));
	} else {
		cli_table_cell(t, i18n_text(c->title, c->title_da));
		cli_table_cellf(t, "%d", c->rule.target);
		cli_table_cell(t, crit_num(a, r, r->achieved));
		cli_table_cell(t, crit_num(b, r, r->pace));
		cli_table_cell(t, _(core_crit_status_label(r->status)));
		cli_table_cell(t, r->status == CS_NONE ? "" :
		    crit_span(r->from, r->to, span));
	}
	cli_table_end(t);
}

/* Print the criteria of year as text or tsv; the exit code. */
static int
crit_print(const struct cli *cli, struct db *db, int year, int tsv)
{
	const struct conf	*conf = cli->conf;
	const struct criterion	*rules[CFG_CRITERIA_MAX];
	struct crit_result	 r[CFG_CRITERIA_MAX];
	struct cli_table	 t;
	size_t			 i;
	char			 d[11];

	for (i = 0; i < conf->ncriteria; i++)
		rules[i] = &conf->criteria[i].rule;
	if (db_criteria_reached(db, cli_who(), rules, conf->ncriteria, year,
	    util_today(), r) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return 1;
	}
	if (!tsv && conf->ncriteria == 0)
		printf("%s\n", _("The configuration names no success "
		    "criteria."));
	if (!tsv && conf->ncriteria > 0)
		printf(_("Success criteria in %d, counted up to %s.\n"), year,
		    util_date_dk(r[0].upto != DATE_NONE ? r[0].upto :
		    util_today(), d));
	cli_table_init(&t, stdout, tsv, CLI_COLS(crit_text),
	    CLI_COLS(crit_tsv));
	if (tsv || conf->ncriteria > 0)
		cli_table_header(&t);
	for (i = 0; i < conf->ncriteria; i++)
		crit_line(&t, &conf->criteria[i], &r[i]);
	cli_table_free(&t);
	if (!tsv && conf->ncriteria > 0)
		printf("%s\n", _("Due: what should have been reached by then "
		    "at an even pace."));
	return 0;
}

/* `velkomst criteria records [--year Y]`: what the secretariat
 * recorded, newest first. */
static int
crit_records(const struct cli *cli, int argc, char **argv)
{
	struct criteria_record	*r;
	struct cli_table	 t;
	struct db		*db;
	size_t			 i, n;
	char			 d[16], c[16];
	int			 year = 0, tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "year", 0, "Y", crit_set_year, &year, 0,
		    N_("only the records dated in that year") },
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "criteria records", NULL, 0, 0,
	    opts, N_("Prints the films, success stories and press stories "
	    "the secretariat recorded, the newest first, with the latest "
	    "views or likes and the day they were counted.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	if (db_criteria_list(db, cli_who(), year, &r, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		db_close(db);
		return 1;
	}
	cli_table_init(&t, stdout, tsv, CLI_COLS(rec_text), CLI_COLS(rec_tsv));
	cli_table_header(&t);
	for (i = 0; i < n; i++) {
		cli_table_cellf(&t, "%ld", r[i].id);
		if (tsv) {
			cli_table_cell(&t, core_crit_record_name(r[i].kind));
			cli_table_cell(&t, util_date_iso(r[i].date, d));
			cli_table_cell(&t, r[i].title);
			cli_table_cell(&t, r[i].kind == CR_PRESS ? "" :
			    core_crit_channel_name(r[i].channel));
			cli_table_cell(&t, r[i].paper);
		} else {
			cli_table_cell(&t, util_date_dk(r[i].date, d));
			cli_table_cell(&t, _(core_crit_record_label(
			    r[i].kind)));
			cli_table_cell(&t, r[i].kind == CR_PRESS ?
			    r[i].paper : _(core_crit_channel_label(
			    r[i].channel)));
		}
		if (r[i].count >= 0)
			cli_table_cellf(&t, "%ld", r[i].count);
		else
			cli_table_cell(&t, "");
		cli_table_cell(&t, tsv ? util_date_iso(r[i].counted_on, c) :
		    util_date_dk(r[i].counted_on, c));
		if (!tsv)
			cli_table_cell(&t, r[i].title);
		cli_table_end(&t);
	}
	cli_table_free(&t);
	if (!tsv)
		printf(P_("%zu record\n", "%zu records\n", n), n);
	db_criteria_free(r, n);
	db_close(db);
	return 0;
}

/* What `criteria add` was given. */
struct crit_add {
	const char	*title, *channel, *paper;
	long		 date, counted;
	const char	*views, *likes;
};

/* Fill r from what `criteria add KIND` was given; 0, or 2 (usage). */
static int
crit_add_fill(const char *kind, const struct crit_add *a,
    struct criteria_record *r)
{
	memset(r, 0, sizeof *r);
	r->count = -1;
	r->counted_on = DATE_NONE;
	r->date = a->date;
	r->title = (char *)a->title;
	r->paper = (char *)a->paper;
	if (core_crit_record_parse(kind, &r->kind) == -1) {
		cli_error(_("\"%s\" is not something to record: write film, "
		    "story or press."), kind);
		return 2;
	}
	if (r->kind != CR_PRESS && (a->channel == NULL ||
	    core_crit_channel_parse(a->channel, &r->channel) == -1)) {
		cli_error("%s", _("--channel: write website, facebook or "
		    "other."));
		return 2;
	}
	if ((r->kind == CR_FILM && a->likes != NULL) ||
	    (r->kind != CR_FILM && a->views != NULL) ||
	    (r->kind != CR_STORY && a->likes != NULL)) {
		cli_error("%s", _("A film has --views, a story --likes, a "
		    "press story neither."));
		return 2;
	}
	if ((a->views != NULL || a->likes != NULL) &&
	    core_crit_count_parse(a->views != NULL ? a->views : a->likes,
	    &r->count) == -1) {
		cli_error("%s", _("Write a whole number from 0 to "
		    "1,000,000,000."));
		return 2;
	}
	if (r->count >= 0)
		r->counted_on = a->counted != DATE_NONE ? a->counted :
		    util_today();
	return 0;
}

/* `velkomst criteria add KIND ...`: record a film, a story or a press
 * story. */
static int
crit_add(const struct cli *cli, int argc, char **argv)
{
	struct crit_add		 a = { .date = DATE_NONE, .counted = DATE_NONE };
	struct criteria_record	 r;
	struct db		*db;
	char			*kind[1];
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "date", 0, "DATE", cli_set_date, &a.date, CLI_OPT_REQUIRED,
		    N_("the day it was published") },
		{ "title", 0, "TEXT", cli_set_string, &a.title,
		    CLI_OPT_REQUIRED, N_("its title") },
		{ "channel", 0, "website|facebook|other", cli_set_string,
		    &a.channel, 0, N_("where a film or a story was shown") },
		{ "paper", 0, "TEXT", cli_set_string, &a.paper, 0,
		    N_("the paper a press story was in") },
		{ "views", 0, "N", cli_set_string, &a.views, 0,
		    N_("a film's views so far") },
		{ "likes", 0, "N", cli_set_string, &a.likes, 0,
		    N_("a story's likes so far") },
		{ "counted", 0, "DATE", cli_set_date, &a.counted, 0,
		    N_("the day the views or likes were counted (default: "
		    "today)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "criteria add", "film|story|press",
	    1, 1, opts, N_("Records a film, a success story or a story in "
	    "the local paper for the success criteria, and prints its "
	    "number.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, kind)) != -1)
		return rc;
	if ((rc = crit_add_fill(kind[0], &a, &r)) != 0) {
		cli_usage(&cmd, stderr);
		return rc;
	}
	if ((db = cli_open_db(cli, 0)) == NULL)
		return 1;
	if (db_criteria_add(db, cli_who(), &r) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		rc = 1;
	} else
		printf(_("Recorded as number %ld.\n"), r.id);
	db_close(db);
	return rc;
}

/* The record number in s; 0 with the reason printed when it is none. */
static long
crit_id(const char *s)
{
	char	*end;
	long	 id;

	id = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || id <= 0) {
		cli_error(_("\"%s\" is not the number of a record (see "
		    "velkomst criteria records)."), s);
		return 0;
	}
	return id;
}

/* `velkomst criteria count ID N [--date D]`: the latest views or likes. */
static int
crit_count(const struct cli *cli, int argc, char **argv)
{
	struct db	*db;
	char		*op[2];
	long		 on = DATE_NONE, id, count;
	int		 rc;
	const struct cli_opt	 opts[] = {
		{ "date", 0, "DATE", cli_set_date, &on, 0,
		    N_("the day they were counted (default: today)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "criteria count", "ID N", 2, 2, opts,
	    N_("Records the latest views of a film, or likes of a story: N, "
	    "counted on the day given (the latest count is kept).") };

	if ((rc = cli_args(cli, &cmd, argc, argv, op)) != -1)
		return rc;
	if ((id = crit_id(op[0])) == 0)
		return 2;
	if (core_crit_count_parse(op[1], &count) == -1) {
		cli_error("%s", _("Write a whole number from 0 to "
		    "1,000,000,000."));
		return 2;
	}
	if ((db = cli_open_db(cli, 0)) == NULL)
		return 1;
	rc = 0;
	if (db_criteria_count(db, cli_who(), id, count, on != DATE_NONE ? on :
	    util_today()) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		rc = 1;
	}
	db_close(db);
	return rc;
}

/* `velkomst criteria delete ID`: a record recorded by mistake. */
static int
crit_delete(const struct cli *cli, int argc, char **argv)
{
	struct criteria_record	 r;
	struct db		*db;
	char			*op[1];
	long			 id;
	int			 rc;
	const struct cli_cmd	 cmd = { "criteria delete", "ID", 1, 1, NULL,
	    N_("Deletes a record that was recorded by mistake.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, op)) != -1)
		return rc;
	if ((id = crit_id(op[0])) == 0)
		return 2;
	if ((db = cli_open_db(cli, 0)) == NULL)
		return 1;
	rc = 0;
	if (db_criteria_get(db, cli_who(), id, &r) != DB_OK ||
	    db_criteria_delete(db, cli_who(), id, r.version) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		rc = 1;
	}
	db_criteria_clear(&r);
	db_close(db);
	return rc;
}

/* What `criteria stories` prints. */
struct crit_stories {
	const struct cli	*cli;
	int			 year;
	int			 tsv;
};

/* Print the visits marked as possible success stories to f (a
 * cli_export printer); the count, or -1. */
static long
crit_story_list(struct db *db, FILE *f, void *ctx)
{
	const struct crit_stories	*a = ctx;
	const struct conf		*conf = a->cli->conf;
	struct story_visit		*v;
	struct cli_table		 t;
	size_t				 i, n;
	char				 d[16], c[16];
	int				 dep;

	if (db_story_visits(db, cli_who(), a->year, &v, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	cli_table_init(&t, f, a->tsv, CLI_COLS(story_text),
	    CLI_COLS(story_tsv));
	cli_table_header(&t);
	for (i = 0; i < n; i++) {
		if (a->tsv) {
			cli_table_cellf(&t, "%ld", v[i].visit);
			cli_table_cellf(&t, "%ld", v[i].household);
			cli_table_cell(&t, util_date_iso(v[i].date, d));
			cli_table_cell(&t, v[i].department);
			cli_table_cell(&t, v[i].ambassador);
			cli_table_cell(&t, util_date_iso(v[i].consent_on, c));
			cli_table_cell(&t, v[i].consent_by);
		} else {
			dep = cfg_department_find(conf, v[i].department);
			cli_table_cell(&t, util_date_dk(v[i].date, d));
			cli_table_cellf(&t, "%ld", v[i].household);
			cli_table_cell(&t, dep < 0 ? v[i].department :
			    conf->departments[dep].name);
			cli_table_cell(&t, v[i].ambassador);
			cli_table_cellf(&t, "%s %s", util_date_dk(
			    v[i].consent_on, c), v[i].consent_by);
		}
		cli_table_end(&t);
	}
	cli_table_free(&t);
	if (!a->tsv)
		fprintf(f, P_("%zu visit marked as a possible success story\n",
		    "%zu visits marked as possible success stories\n", n), n);
	db_story_visits_free(v, n);
	return (long)n;
}

/* `velkomst criteria stories [--year Y]`: the marked visits. */
static int
crit_stories(const struct cli *cli, int argc, char **argv)
{
	struct crit_stories	 a = { .cli = cli };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "year", 0, "Y", crit_set_year, &a.year, 0,
		    N_("only the visits of that year") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "criteria stories", NULL, 0, 0, opts,
	    N_("Prints the welcome visits marked as possible success "
	    "stories, the newest first: the day, the household's number, its "
	    "department, the ambassador, and when and by whom the "
	    "household's yes was recorded.  The export is recorded in the "
	    "audit trail before it is printed.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	return cli_export(cli, "stories", a.tsv, crit_story_list, &a);
}

int
cli_criteria(const struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*run)(const struct cli *, int, char **);
	} subs[] = {
		{ "records", crit_records }, { "add", crit_add },
		{ "count", crit_count }, { "delete", crit_delete },
		{ "stories", crit_stories },
	};
	struct db	*db;
	size_t		 i;
	int		 year = 0, tsv = 0, rc;
	const struct cli_opt	 opts[] = {
		{ "year", 0, "Y", crit_set_year, &year, 0, crit_help_year },
		CLI_OPT_FORMAT(&tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "criteria", NULL, 0, 0, opts,
	    N_("Prints the activity's success criteria for a year: each "
	    "criterion's target, what it has reached (counted up to the "
	    "year's last day, or today), what is due by then at an even "
	    "pace, and its status: met, on_track or behind (none: the "
	    "criterion asks nothing of that year).  Also: criteria records, "
	    "criteria add film|story|press, criteria count ID N, criteria "
	    "delete ID, criteria stories (each has --help).") };

	for (i = 0; argc > 1 && i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(cli, argc - 1, argv + 1);
	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if ((db = cli_open_db(cli, DB_READ_ONLY)) == NULL)
		return 1;
	rc = crit_print(cli, db, year != 0 ? year : crit_this_year(), tsv);
	db_close(db);
	return rc;
}
