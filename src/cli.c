/* cli.c — what the subcommands share: opening the database, messages. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* Print "velkomst: MESSAGE" to stderr. */
void
cli_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("velkomst: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The name a command's changes are recorded under: the Unix login. */
const char *
cli_who_name(void)
{
	return util_login();
}

/* The command line acts as the Unix account that owns the file: admin. */
const struct who *
cli_who(void)
{
	static struct who	 who;

	who.name = util_login();
	who.account = 0;
	who.role = ROLE_ADMIN;
	return &who;
}

/* The path of --db, or the default path. */
char *
cli_db_path(const struct cli *cli)
{
	return cli->db_path != NULL ? xstrdup(cli->db_path) :
	    db_default_path();
}

/* Open the database of --db or the default path; print why not. */
struct db *
cli_open_db(const struct cli *cli, int flags)
{
	struct db	*db;
	char		*path, *err = NULL;

	path = cli_db_path(cli);
	db = db_open(path, flags, &err);
	if (db == NULL) {
		cli_error("%s", err != NULL ? err : _("cannot open the database"));
		free(err);
	}
	free(path);
	return db;
}

/* Print s fitted and padded to cols display columns, then two spaces. */
void
cli_cell(const char *s, int cols)
{
	int	width;
	size_t	len;

	len = util_text_fit(s, cols, &width);
	fwrite(s, 1, len, stdout);
	printf("%*s  ", cols - width, "");
}

/*
 * The options of a list command: --department D (by key or name) and
 * --format text|tsv.  Returns -1 to go on, or the exit code (0 after
 * --help, 2 for a usage error).
 */
int
cli_list_args(const struct cli *cli, int argc, char **argv,
    const char *usage, const char **department, int *tsv)
{
	static const struct option opts[] = {
		{ "department", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c, d;

	*tsv = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if ((d = cfg_department_find(cli->conf, optarg)) < 0) {
				cli_error(_("there is no department \"%s\" in "
				    "the configuration"), optarg);
				return 2;
			}
			*department = cli->conf->departments[d].key;
			break;
		case 'f':
			if (cli_format(optarg, tsv) != 0)
				return 2;
			break;
		case 'h':
			printf("%s\n", usage);
			return 0;
		default:
			cli_error("%s", usage);
			return 2;
		}
	}
	if (optind != argc) {
		cli_error("%s", usage);
		return 2;
	}
	return -1;
}

/* --format text|tsv into *tsv; -1 with a message if it is neither. */
int
cli_format(const char *arg, int *tsv)
{
	if (strcmp(arg, "tsv") == 0 || strcmp(arg, "text") == 0) {
		*tsv = arg[1] == 's';
		return 0;
	}
	cli_error(_("--format is text or tsv, not \"%s\""), arg);
	return -1;
}

/*
 * Call fn(ctx, row) for every household of q, fetched a page at a time
 * (keyset paging).  Returns how many, or -1 with the reason printed.
 */
long
cli_each_household(struct db *db, const struct household_query *q,
    void (*fn)(void *, const struct household_row *), void *ctx)
{
	struct who		 who = *cli_who();
	struct household_row	*rows, last = { 0 };	/* the cursor */
	size_t			 n, i;
	long			 total = 0;
	int			 have = 0;

	do {
		if (db_household_list(db, &who, q, have ? &last : NULL,
		    CLI_PAGE, &rows, &n) != DB_OK) {
			cli_error("%s", _(db_errmsg(db)));
			db_household_row_clear(&last);
			return -1;
		}
		for (i = 0; i < n; i++)
			fn(ctx, &rows[i]);
		total += (long)n;
		if (n > 0) {
			db_household_row_clear(&last);
			last.id = rows[n - 1].id;
			last.moved_in = rows[n - 1].moved_in;
			last.sort_key = xstrdup(rows[n - 1].sort_key);
			have = 1;
		}
		db_household_rows_free(rows, n);
	} while (n == CLI_PAGE);
	db_household_row_clear(&last);
	return total;
}
