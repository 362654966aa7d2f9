/* cli-visits.c — `velkomst visits`: the visits with their checklists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

static const struct cli_col vi_tsv_cols[] = {
	{ "id", 0, 0 }, { "household", 0, 0 }, { "date", 0, 0 },
	{ "ambassador", 0, 0 }, { "outcome", 0, 0 }, { "next_date", 0, 0 },
	{ "items", 0, 0 }, { "referral", 0, 0 },
};
/* The lines of a visit's checklist in text: indent, state, the rest. */
static const struct cli_col vi_item_cols[] = {
	{ "", 2, 0 }, { "", 12, 0 }, { "", 0, 0 },
};

/* Print a visit as one row of tsv: the items as key=state, joined by
 * "; ". */
static void
vi_tsv(const struct visit *v, struct cli_table *t)
{
	char		 d[11], nd[11], *items;
	const char	*key, *state;
	size_t		 i, len = 1, at = 0;
	int		 referral = 0;

	for (i = 0; i < v->nitems; i++)
		len += strlen(v->items[i].key) + strlen(core_item_state_name(
		    v->items[i].state)) + 3;
	items = xmalloc(len);
	items[0] = '\0';
	for (i = 0; i < v->nitems; i++) {
		key = v->items[i].key;
		state = core_item_state_name(v->items[i].state);
		at += (size_t)snprintf(items + at, len - at, "%s%s=%s",
		    i > 0 ? "; " : "", key, state);
		referral |= v->items[i].referral;
	}
	cli_table_cellf(t, "%ld", v->id);
	cli_table_cellf(t, "%ld", v->household);
	cli_table_cell(t, util_date_iso(v->date, d));
	cli_table_cell(t, v->ambassador);
	cli_table_cell(t, core_outcome_name(v->outcome));
	cli_table_cell(t, util_date_iso(v->next_date, nd));
	cli_table_cell(t, items);
	cli_table_cellf(t, "%d", referral);
	cli_table_end(t);
	free(items);
}

/* What the text of the visits needs, made once for all of them: the
 * table of a visit's items and the words, translated. */
struct vi_words {
	struct cli_table	 items;
	const char		*household;
	const char		*come_back;
	const char		*to_secretariat;
	const char		*outcome[VO_DECLINED + 1];
	const char		*state[IS_LATER + 1];
};

/* Make w for text to f. */
static void
vi_words_init(struct vi_words *w, FILE *f)
{
	size_t	i;

	cli_table_init(&w->items, f, 0, CLI_COLS(vi_item_cols), NULL, 0);
	w->household = _("household");
	w->come_back = _("  come back %s");
	w->to_secretariat = _(" (to the secretariat)");
	for (i = 0; i < sizeof w->outcome / sizeof w->outcome[0]; i++)
		w->outcome[i] = _(core_outcome_label((enum visit_outcome)i));
	for (i = 0; i < sizeof w->state / sizeof w->state[0]; i++)
		w->state[i] = _(core_item_state_label((enum item_state)i));
}

/* Print a visit as a few lines of text, with its items and notes. */
static void
vi_text(const struct visit *v, struct vi_words *w)
{
	struct cli_table	*t = &w->items;
	const struct visit_item	*it;
	FILE			*f = t->out;
	char			 d[11], nd[11], *rest;
	size_t			 i;

	fprintf(f, "%s  %s %ld  %s  ", util_date_dk(v->date, d),
	    w->household, v->household, (size_t)v->outcome <
	    sizeof w->outcome / sizeof w->outcome[0] ?
	    w->outcome[v->outcome] : _(core_outcome_label(v->outcome)));
	cli_put_text(f, v->ambassador);
	if (v->next_date != DATE_NONE)
		fprintf(f, w->come_back, util_date_dk(v->next_date, nd));
	fputc('\n', f);
	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		rest = xasprintf("%s%s%s%s", i18n_text(it->title,
		    it->title_da), it->referral ? w->to_secretariat : "",
		    it->note != NULL ? ": " : "", it->note != NULL ? it->note :
		    "");
		cli_table_cell(t, "");
		cli_table_cell(t, (size_t)it->state < sizeof w->state /
		    sizeof w->state[0] ? w->state[it->state] :
		    _(core_item_state_label(it->state)));
		cli_table_cell(t, rest);
		cli_table_end(t);
		free(rest);
	}
	if (v->notes != NULL) {
		fputs("    ", f);
		cli_put_text(f, v->notes);
		fputc('\n', f);
	}
}

/* Where vi_one prints: the tsv table t, or (t NULL) text with w. */
struct vi_out {
	struct cli_table	*t;
	struct vi_words		*w;
	long			 total;
};

/* Print one visit (a db_visit_each callback). */
static int
vi_one(void *ctx, const struct visit *v)
{
	struct vi_out	*o = ctx;

	if (o->t != NULL)
		vi_tsv(v, o->t);
	else
		vi_text(v, o->w);
	o->total++;
	return 0;
}

/* Print every visit as rows of the tsv table t, or (t NULL) as text
 * with w; the count, or -1 with the reason printed. */
static long
vi_list(struct db *db, long household, struct cli_table *t,
    struct vi_words *w)
{
	struct who	 who = *cli_who();
	struct vi_out	 o = { t, w, 0 };

	if (db_visit_each(db, &who, household, vi_one, &o) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return o.total;
}

/* 1 if household id is in the register. */
static int
vi_exists(struct db *db, long id)
{
	struct who		who = *cli_who();
	struct household	h;
	int			there;

	there = db_household_get(db, &who, id, &h) == DB_OK;
	if (there)
		db_household_clear(&h);
	return there;
}

/* --household ID into *(long *)to. */
static int
vi_set_household(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	char	*end;
	long	 id;

	(void)cli;
	errno = 0;
	id = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || id < 1) {
		cli_error(_("--household needs the number of a household, not "
		    "\"%s\""), arg);
		return -1;
	}
	*(long *)opt->to = id;
	return 0;
}

/* What the export prints: the visits of household (0: all). */
struct vi_ask {
	long	 household;
	int	 tsv;
};

/* Print the visits asked for to f (a cli_export printer); the count, or
 * -1 with the reason printed.  vi_count, which the export runs first in
 * the same snapshot, has found the household. */
static long
vi_print(struct db *db, FILE *f, void *ctx)
{
	struct vi_ask		*a = ctx;
	struct cli_table	 t;
	struct vi_words		 w;
	long			 n, household = a->household;

	if (!a->tsv) {		/* a few lines per visit, not a table */
		vi_words_init(&w, f);
		n = vi_list(db, household, NULL, &w);
		cli_table_free(&w.items);
		if (n >= 0)
			fprintf(f, P_("%ld visit\n", "%ld visits\n", n), n);
		return n;
	}
	cli_table_init(&t, f, 1, NULL, 0, CLI_COLS(vi_tsv_cols));
	cli_table_header(&t);
	n = vi_list(db, household, &t, NULL);
	cli_table_free(&t);
	return n;
}

/* How many visits vi_print prints (a cli_export_counted counter); -1
 * with the reason printed. */
static long
vi_count(struct db *db, void *ctx)
{
	struct vi_ask	*a = ctx;
	struct who	 who = *cli_who();
	long		 n;

	if (a->household != 0 && !vi_exists(db, a->household)) {
		cli_error(_("there is no household %ld"), a->household);
		return -1;
	}
	if (db_visit_count(db, &who, a->household, &n) != DB_OK) {
		cli_error("%s", _(db_errmsg(db)));
		return -1;
	}
	return n;
}

int
cli_visits(const struct cli *cli, int argc, char **argv)
{
	struct vi_ask		 a = { 0, 0 };
	int			 rc;
	const struct cli_opt	 opts[] = {
		{ "household", 0, "ID", vi_set_household, &a.household, 0,
		    N_("only the visits of the household with this number") },
		CLI_OPT_FORMAT(&a.tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "visits", NULL, 0, 0, opts,
	    N_("Prints the visits, the newest first, with their checklists "
	    "(and, as text, their notes).  The export is recorded in the "
	    "audit trail before it is printed.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	/* One household's visits are recorded as of that household, so the
	 * trail tells who read them. */
	return cli_export_counted_of(cli, "visits", a.tsv, a.household != 0 ?
	    "household" : NULL, a.household, vi_count, vi_print, &a);
}
