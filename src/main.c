/*
 * main.c — start-up: locale, file hygiene, options, configuration, then
 * either one subcommand or the full-screen interface.
 */
#include <sys/resource.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"

struct command {
	const char	*name;
	int		(*run)(const struct cli *, int, char **);
	const char	*summary;
	int		 notes;		/* 1: checks notes against the word
					   lists, which it reads (cfg.h) */
};

static const struct command commands[] = {
	{ "ambassadors", cli_ambassadors,
	    N_("list the ambassadors (--department D, --status S, "
	    "--search TEXT, --format text|tsv)"), 0 },
	{ "audit", cli_audit,
	    N_("the audit trail, oldest first (--since DATE, --until DATE, "
	    "--login LOGIN, --format text|tsv)"), 0 },
	{ "backup", cli_backup,
	    N_("copy the database into FILE, or into backups/ beside it "
	    "([FILE])"), 0 },
	{ "check", cli_check, N_("check the configuration and the database"),
	    1 },
	{ "consent", cli_consent,
	    N_("a household's consent per purpose; give or withdraw one "
	    "(HOUSEHOLD_ID [give|withdraw PURPOSE], --how, --on, --yes)"), 0 },
	{ "coverage", cli_coverage,
	    N_("stairwells with and without an ambassador (--format "
	    "text|tsv)"), 0 },
	{ "criteria", cli_criteria,
	    N_("the success criteria of a year: met, on track or behind "
	    "(--year Y, --format text|tsv); criteria records|add|count|"
	    "delete|stories"), 0 },
	{ "desk", cli_desk,
	    N_("the secretariat's desk: per department, awaiting, overdue, "
	    "with the secretariat, stairwells without an ambassador "
	    "(--format text|tsv)"), 0 },
	{ "demo", cli_demo, N_("create a demo database (needs --db): "
	    "fictional households, visits, ambassadors, logins"), 0 },
	{ "erase", cli_erase,
	    N_("erase a household's personal data for real (household ID, "
	    "--yes)"), 0 },
	{ "export", cli_export_cmd,
	    N_("a list as a file for a spreadsheet: export households|"
	    "overdue|secretariat|visits|ambassadors|goal (--format "
	    "csv|xlsx|tsv, --excel, --output FILE); export person ID: "
	    "everything held about one household (--format text|json)"), 0 },
	{ "followups", cli_followups,
	    N_("list the secretariat's follow-ups (--since DATE, "
	    "--department D, --format text|tsv)"), 0 },
	{ "goal", cli_goal,
	    N_("recruitment toward the goal, year by year (--format "
	    "text|tsv)"), 0 },
	{ "households", cli_households,
	    N_("list households (--search TEXT, --department D, "
	    "--format text|tsv)"), 0 },
	{ "import", cli_import,
	    N_("import a move-in list from an estate office (moveins FILE, "
	    "--dry-run, --encoding E, --delimiter D, --skip-bad)"), 1 },
	{ "init", cli_init,
	    N_("create the database and its first admin account "
	    "(--login LOGIN, --password-stdin)"), 0 },
	{ "overdue", cli_overdue,
	    N_("list the overdue welcomes (--department D, --format "
	    "text|tsv)"), 0 },
	{ "purge", cli_purge,
	    N_("erase the personal data past the retention period "
	    "(--dry-run, --yes)"), 0 },
	{ "report", cli_report,
	    N_("the yearly report or a department's evaluation (--year Y, "
	    "--agreement-year N, --from D --to D, --department D, --format "
	    "text|md|csv|xlsx, --output FILE)"), 0 },
	{ "restore", cli_restore,
	    N_("replace the database with a backup (FILE, --yes)"), 0 },
	{ "user", cli_user,
	    N_("accounts: user add|list|disable|enable|reset|unlock "
	    "(see user --help)"), 0 },
	{ "visits", cli_visits,
	    N_("list visits (--household ID, --format text|tsv)"), 0 },
};

/* Use the user's locale if it is UTF-8, else C.UTF-8; then the language
 * (i18n.c). */
static void
main_locale(void)
{
	const char	*set;

	set = setlocale(LC_ALL, "");
	if (set == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C.utf8");
	}
	i18n_init();
	i18n_start(NULL);	/* until the configuration is read */
}

/*
 * The local time zone, read once: without TZ the C library looks at
 * /etc/localtime again (a stat) at every mktime(), which db_now() calls
 * for each record the demo makes (7 % of a million households' fill).
 * Naming the same file it would read keeps the same zone; a TZ that is
 * set is left as it is.
 */
static void
main_tz(void)
{
	if (getenv("TZ") == NULL)
		setenv("TZ", ":/etc/localtime", 0);
	tzset();
}

/* No core dumps (they would hold residents' data) and private files. */
static void
main_hygiene(void)
{
	struct rlimit	rl = { 0, 0 };

	umask(077);
	setrlimit(RLIMIT_CORE, &rl);
#ifdef __linux__
	/* The kernel ignores RLIMIT_CORE when core dumps go to a program
	 * (core_pattern "|..."); a process that is not dumpable gives none,
	 * and other processes of the account cannot read its memory. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

/* Print how to use velkomst to f. */
static void
main_usage(FILE *f)
{
	size_t	i;

	fprintf(f, _("usage: velkomst [--db FILE] [--config FILE] [--kiosk] "
	    "[SUBCOMMAND [ARGS]]\n"));
	fprintf(f, _("Without a subcommand velkomst opens the full-screen "
	    "program.\n\nSubcommands:\n"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name,
		    _(commands[i].summary));
	fprintf(f, _("\nOptions:\n"
	    "  --db FILE      the database (default "
	    "$XDG_DATA_HOME/velkomst/velkomst.db)\n"
	    "  --config FILE  read this configuration file last\n"
	    "  --kiosk        a shared terminal: quitting returns to the "
	    "login\n"
	    "  --help         show this help\n"
	    "  --version      show the version\n"
	    "\nSee velkomst(1).\n"));
}

/* Read the configuration, or print every problem and return -1. */
static int
main_config(struct conf *conf, const char *file)
{
	char	err[8192];

	if (cfg_load(conf, NULL, file, 0, err, sizeof err) == 0)
		return 0;
	fputs(err, stderr);
	if (err[0] != '\0' && err[strlen(err) - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, _("velkomst: the configuration has errors; "
	    "nothing was done.\n"));
	return -1;
}

/* 1 if the subcommand name (NULL: the screens) checks notes, and so
 * needs the word lists read (an unknown one is told later). */
static int
main_notes(const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < sizeof commands / sizeof commands[0];
	    i++)
		if (strcmp(name, commands[i].name) == 0)
			return commands[i].notes;
	return 1;
}

/* Run the subcommand named argv[0]. */
static int
main_command(const struct cli *cli, int argc, char **argv)
{
	size_t	i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(cli, argc, argv);
	}
	fprintf(stderr, _("velkomst: unknown subcommand \"%s\"\n"), argv[0]);
	main_usage(stderr);
	return 2;
}

/* Open the database for the full-screen program and run it. */
static int
main_tui(const struct cli *cli)
{
	struct db	*db;
	int		 rc;

	db = cli_open_db(cli, DB_CREATE);
	if (db == NULL)
		return 1;
	rc = ui_run(cli->conf, db);
	db_close(db);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "kiosk", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct conf	 conf;
	struct cli	 cli = { .argv0 = argv[0] };
	const char	*config_file = NULL, *bad;
	int		 c, rc, kiosk = 0;

	main_hygiene();
	main_tz();
	main_locale();
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'c':
			config_file = optarg;
			break;
		case 'k':
			kiosk = 1;
			break;
		case 'h':
			main_usage(stdout);
			return 0;
		case 'V':
			printf("velkomst %s\n", VERSION);
			return 0;
		default:
			main_usage(stderr);
			return 2;
		}
	}
	if (util_today_init(&bad) != 0) {
		fprintf(stderr, _("velkomst: VELKOMST_TODAY=%s is not a date; "
		    "write it as YYYY-MM-DD.\n"), bad);
		return 2;
	}
	cfg_read_word_lists(main_notes(optind < argc ? argv[optind] : NULL));
	if (main_config(&conf, config_file) != 0)
		return 1;
	i18n_start(conf.language);
	if (kiosk)
		conf.kiosk = 1;
	cli.conf = &conf;
	if (optind < argc)
		rc = main_command(&cli, argc - optind, argv + optind);
	else
		rc = main_tui(&cli);
	cfg_free(&conf);
	core_key_done();
	core_lang_done();
	return rc;
}
