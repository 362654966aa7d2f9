/*
 * test-cfg.c — the configuration: the shipped default, every kind of
 * error with its file and line, and the layers.  Run from the top of the
 * tree (tests/run does): the fixtures are under tests/cfg/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "cfg.h"
#include "core.h"
#include "util.h"

#define DEFAULT	"share/velkomst/velkomst.conf"
#define FIX(f)	"tests/cfg/" f

static char	err[8192];

/* The errors reported are exactly want. */
#define CHECK_ERR(want) do {						\
	if (strcmp(err, (want)) != 0)					\
		TEST_FAIL("errors are \"%.400s\", want \"%.300s\"",	\
		    err, (want));					\
} while (0)

/* Load default + user (system layers skipped) into *c; returns cfg_load's. */
static int
load(struct conf *c, const char *def, const char *user)
{
	return cfg_load(c, def, user, 1, err, sizeof err);
}

/* 1 if err holds exactly this line. */
static int
has_line(const char *line)
{
	const char	*p = err;
	size_t		 n = strlen(line);

	while ((p = strstr(p, line)) != NULL) {
		if ((p == err || p[-1] == '\n') && p[n] == '\n')
			return 1;
		p += n;
	}
	return 0;
}

/* The number of lines in err. */
static int
err_lines(void)
{
	const char	*p;
	int		 n = 0;

	for (p = err; *p != '\0'; p++)
		n += *p == '\n';
	return n;
}

/* The number of the first line of path holding needle; 0 if none. */
static int
find_line(const char *path, const char *needle)
{
	FILE	*f;
	char	 buf[1024];
	int	 n = 0, found = 0;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(buf, sizeof buf, f) != NULL) {
		n++;
		if (strstr(buf, needle) != NULL) {
			found = n;
			break;
		}
	}
	fclose(f);
	return found;
}

/* Check that a failed load left nothing in *c. */
static void
check_empty(const struct conf *c)
{
	CHECK(c->departments == NULL);
	CHECK_INT(c->ndepartments, 0);
	CHECK(c->stairwells == NULL);
	CHECK(c->checklist == NULL);
	CHECK(c->language == NULL);
	CHECK_INT(c->nfiles, 0);
}

/* The shipped default: Brøndby Strand's 9 departments and the goal. */
static void
default_loads(void)
{
	static const char *keys[] = { "605", "606", "607", "608", "tm13",
	    "tm15", "rheumpark", "pab8", "daruplund" };
	static const char *names[] = { "BB-afd. 605", "BB-afd. 606",
	    "BB-afd. 607", "BB-afd. 608", "Tranemosegaard afd. 13",
	    "Tranemosegaard afd. 15", "Rheumpark", "PAB8",
	    "Daruplund/Resenlund" };
	struct conf	 c;
	long		 from, to;
	size_t		 i, per[9];

	CHECK_INT(load(&c, DEFAULT, NULL), 0);
	CHECK_ERR("");
	CHECK_INT(c.ndepartments, 9);
	for (i = 0; i < c.ndepartments && i < 9; i++) {
		CHECK_STR(c.departments[i].key, keys[i]);
		CHECK_STR(c.departments[i].name, names[i]);
		CHECK(strncmp(c.departments[i].office, "Ejendomskontoret",
		    16) == 0);
	}
	CHECK_INT(c.welcome_days, 14);
	CHECK_INT(c.goal_ambassadors, 15);
	util_date_make(2017, 3, 1, &from);
	util_date_make(2021, 2, 28, &to);
	CHECK_INT(c.goal_from, from);
	CHECK_INT(c.goal_to, to);
	CHECK_STR(c.language, "");
	CHECK_INT(c.mouse, 1);
	CHECK_INT(c.color, 1);
	CHECK_INT(c.nfiles, 1);
	CHECK_STR(c.files[0], DEFAULT);
	memset(per, 0, sizeof per);
	for (i = 0; i < c.nstairwells; i++) {
		CHECK(c.stairwells[i].department >= 0 &&
		    c.stairwells[i].department < 9);
		if (i > 0)	/* grouped, in department order */
			CHECK(c.stairwells[i].department >=
			    c.stairwells[i - 1].department);
		per[c.stairwells[i].department]++;
	}
	for (i = 0; i < 9; i++)
		CHECK(per[i] >= 4 && per[i] <= 8);
	CHECK(c.nchecklist >= 4);
	CHECK_STR(c.checklist[0].key, "area");
	CHECK_STR(c.checklist[1].key, "houses");
	CHECK_STR(c.checklist[2].key, "laundry");
	CHECK_STR(c.checklist[3].key, "waste");
	for (i = 0; i < 4; i++) {
		CHECK_INT(c.checklist[i].department, -1);
		CHECK(strlen(c.checklist[i].title) > 0);
		CHECK(strlen(c.checklist[i].text) > 0);
	}
	CHECK_INT(c.retry_days, 3);
	CHECK_INT(c.max_attempts, 3);
	cfg_free(&c);
	check_empty(&c);
}

/* The default's checklist: Danish for every item, the referral item last. */
static void
default_checklist(void)
{
	static const char *da[] = { "Området, aktiviteter og tilbud",
	    "Beboerhusene", "Vaskeriet", "Affaldssortering" };
	const struct cfg_check_item	*items[10];
	struct conf			 c;
	size_t				 i, n;

	CHECK_INT(load(&c, DEFAULT, NULL), 0);
	CHECK_INT(c.nchecklist, 6);
	for (i = 0; i < 4 && i < c.nchecklist; i++) {
		CHECK_STR(c.checklist[i].title_da, da[i]);
		CHECK(c.checklist[i].text_da != NULL &&
		    strlen(c.checklist[i].text_da) > 40);
		CHECK_INT(c.checklist[i].referral, 0);
	}
	CHECK(strstr(c.checklist[2].text_da, "booke") != NULL);
	for (i = 0; i < c.nchecklist; i++) {
		CHECK(c.checklist[i].title_da != NULL &&
		    *c.checklist[i].title_da != '\0');
		CHECK(c.checklist[i].text_da != NULL);
		CHECK_INT(c.checklist[i].referral,
		    strcmp(c.checklist[i].key, "concern") == 0);
	}
	/* 605 has its board; 606 only the common items, "concern" last. */
	n = cfg_checklist(&c, cfg_department_find(&c, "605"), items, 10);
	CHECK_INT(n, 6);
	if (n == 6) {
		CHECK_STR(items[4]->key, "board605");
		CHECK_STR(items[5]->key, "concern");
		CHECK_STR(items[5]->title, "Anything for the secretariat?");
		CHECK_STR(items[5]->title_da, "Noget til sekretariatet?");
		CHECK_INT(items[5]->department, -1);
	}
	n = cfg_checklist(&c, cfg_department_find(&c, "606"), items, 10);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_STR(items[0]->key, "area");
		CHECK_STR(items[3]->key, "waste");
		CHECK_STR(items[4]->key, "concern");
	}
	cfg_free(&c);
}

/* Items with Danish texts and referral flags, and cfg_checklist. */
static void
checklist_items(void)
{
	const struct cfg_check_item	*items[8], *sentinel;
	struct conf			 c;
	size_t				 i, n;

	CHECK_INT(load(&c, DEFAULT, FIX("items.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(c.nchecklist, 6);
	if (c.nchecklist != 6) {
		cfg_free(&c);
		return;
	}
	CHECK_STR(c.checklist[0].title_da, "Å");
	CHECK_STR(c.checklist[0].text_da, "Om Å.");
	CHECK_INT(c.checklist[0].referral, 0);
	CHECK(c.checklist[1].title_da == NULL);
	CHECK(c.checklist[1].text_da == NULL);
	CHECK_STR(c.checklist[1].text, "");
	CHECK_STR(c.checklist[2].title_da, "Bé");
	CHECK(c.checklist[2].text_da == NULL);
	CHECK_INT(c.checklist[2].referral, 0);
	CHECK_STR(c.checklist[4].text_da, "");	/* given, empty: kept */
	CHECK_INT(c.checklist[4].referral, 1);
	CHECK_INT(c.checklist[4].department, 0);
	CHECK_INT(c.checklist[5].referral, 1);
	CHECK_INT(c.retry_days, 3);	/* the default's */
	CHECK_INT(c.max_attempts, 3);
	/* North: the common items and its own two, in file order. */
	n = cfg_checklist(&c, 0, items, 8);
	CHECK_INT(n, 5);
	CHECK(items[0] == &c.checklist[0]);
	CHECK(items[1] == &c.checklist[1]);
	CHECK(items[2] == &c.checklist[2]);
	CHECK(items[3] == &c.checklist[4]);
	CHECK(items[4] == &c.checklist[5]);
	/* South: one of its own, named by its name in the file. */
	CHECK_INT(cfg_checklist(&c, 1, items, 8), 4);
	CHECK_STR(items[2]->key, "s1");
	CHECK_STR(items[3]->key, "c");
	/* Tower has none of its own; -1 gives the common items too. */
	CHECK_INT(cfg_checklist(&c, 2, items, 8), 3);
	CHECK_STR(items[0]->key, "a");
	CHECK_STR(items[1]->key, "b");
	CHECK_STR(items[2]->key, "c");
	CHECK_INT(cfg_checklist(&c, -1, items, 8), 3);
	CHECK_STR(items[2]->key, "c");
	/* max smaller than the count: the first max, the full count. */
	sentinel = &c.checklist[3];
	for (i = 0; i < 8; i++)
		items[i] = sentinel;
	CHECK_INT(cfg_checklist(&c, 0, items, 2), 5);
	CHECK_STR(items[0]->key, "a");
	CHECK_STR(items[1]->key, "n1");
	for (i = 2; i < 8; i++)
		CHECK(items[i] == sentinel);
	CHECK_INT(cfg_checklist(&c, 0, NULL, 0), 5);
	cfg_free(&c);
}

/* The visits settings: the defaults, a user's file, one of them alone. */
static void
visits(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("user-visits.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(c.retry_days, 7);
	CHECK_INT(c.max_attempts, 5);
	CHECK_INT(c.welcome_days, 14);
	CHECK_INT(c.nchecklist, 6);
	cfg_free(&c);
	/* The group replaces the default's whole: the other is 3 again. */
	CHECK_INT(load(&c, DEFAULT, FIX("visits-part.conf")), 0);
	CHECK_INT(c.retry_days, 3);
	CHECK_INT(c.max_attempts, 20);
	CHECK_INT(c.mouse, 1);
	cfg_free(&c);
	/* Without the group in any file: 3 and 3. */
	CHECK_INT(load(&c, DEFAULT, FIX("full.conf")), 0);
	CHECK_INT(c.retry_days, 3);
	CHECK_INT(c.max_attempts, 3);
	cfg_free(&c);
}

/* The accounts and kiosk settings: defaults, and a shared terminal's. */
static void
accounts(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, NULL), 0);
	CHECK_INT(c.kiosk, 0);
	CHECK_INT(c.idle_lock, 300);
	CHECK_INT(c.lock_failures, 5);
	CHECK_INT(c.lock_minutes, 15);
	CHECK_INT(c.hash_cost, COST_INTERACTIVE);
	cfg_free(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("accounts.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(c.kiosk, 1);
	CHECK_INT(c.idle_lock, 60);
	CHECK_INT(c.mouse, 1);
	CHECK_INT(c.lock_failures, 3);
	CHECK_INT(c.lock_minutes, 30);
	CHECK_INT(c.hash_cost, COST_MODERATE);
	cfg_free(&c);
}

/* Accounts settings out of range, of the wrong type, misspelt. */
static void
err_accounts(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("accounts-bad.conf")), -1);
	CHECK(has_line(FIX("accounts-bad.conf") ":3: \"idle_lock\" must be "
	    "between 1 and 86400, not 0"));
	CHECK(has_line(FIX("accounts-bad.conf") ":4: \"kiosk\" must be "
	    "true or false, not a string in quotes"));
	CHECK(has_line(FIX("accounts-bad.conf") ":7: \"max_attempts\" must "
	    "be between 1 and 100, not 0"));
	CHECK(has_line(FIX("accounts-bad.conf") ":8: \"lock_minutes\" must "
	    "be between 1 and 10080, not 20000"));
	CHECK(has_line(FIX("accounts-bad.conf") ":9: \"hash_cost\" must be "
	    "\"interactive\", \"moderate\" or \"minimum\" (for tests), not "
	    "\"high\""));
	CHECK(has_line(FIX("accounts-bad.conf") ":10: unknown setting "
	    "\"lock_minute\" (did you mean \"lock_minutes\"?)"));
	CHECK_INT(err_lines(), 6);
	check_empty(&c);
}

/* Wrong Danish texts and referral flags in checklist items. */
static void
err_items(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("items-bad.conf")), -1);
	CHECK(has_line(FIX("items-bad.conf") ":3: \"title_da\" is empty"));
	CHECK(has_line(FIX("items-bad.conf") ":4: \"referral\" must be "
	    "true or false, not a string in quotes"));
	CHECK(has_line(FIX("items-bad.conf") ":6: unknown setting "
	    "\"titel_da\" (did you mean \"title_da\"?)"));
	/* text_da may hold newlines and tabs; title_da may not. */
	CHECK(has_line(FIX("items-bad.conf") ":8: \"title_da\" is not "
	    "valid UTF-8 or holds a control character"));
	CHECK(has_line(FIX("items-bad.conf") ":9: unknown setting "
	    "\"referal\" (did you mean \"referral\"?)"));
	CHECK(has_line(FIX("items-bad.conf") ":9: \"text_da\" must be a "
	    "string in quotes, not a whole number"));
	CHECK_INT(err_lines(), 6);
	check_empty(&c);
}

/* Visits settings out of range, of the wrong type, misspelt. */
static void
err_visits(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("visits-bad.conf")), -1);
	CHECK(has_line(FIX("visits-bad.conf") ":3: \"retry_days\" must be "
	    "between 1 and 60, not 0"));
	CHECK(has_line(FIX("visits-bad.conf") ":4: \"max_attempts\" must "
	    "be a whole number, not a string in quotes"));
	CHECK(has_line(FIX("visits-bad.conf") ":5: unknown setting "
	    "\"retry_dayz\" (did you mean \"retry_days\"?)"));
	CHECK(has_line(FIX("visits-bad.conf") ":6: unknown setting "
	    "\"pause\""));
	CHECK_INT(err_lines(), 4);
	check_empty(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("visits-range.conf")), -1);
	CHECK(has_line(FIX("visits-range.conf") ":2: \"retry_days\" must "
	    "be between 1 and 60, not 61"));
	CHECK(has_line(FIX("visits-range.conf") ":3: \"max_attempts\" must "
	    "be between 1 and 20, not 21"));
	CHECK_INT(err_lines(), 2);
	CHECK_INT(load(&c, DEFAULT, FIX("visits-type.conf")), -1);
	CHECK_ERR(FIX("visits-type.conf") ":2: \"visits\" must be a group "
	    "{ ... }, not a whole number\n");
	check_empty(&c);
}

/* A checklist without items: at the setting, or naming the files read. */
static void
err_nochecklist(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("nochecklist.conf")), -1);
	CHECK_ERR(FIX("nochecklist.conf") ":2: no checklist items "
	    "configured\n");
	check_empty(&c);
	CHECK_INT(load(&c, "tests/cfg/none/velkomst.conf",
	    FIX("user-days.conf")), -1);
	CHECK(has_line("no checklist items configured (files read: "
	    FIX("user-days.conf") ")"));
	/* Items that are all wrong are reported, not "no items" as well. */
	CHECK_INT(load(&c, DEFAULT, FIX("badtype.conf")), -1);
	CHECK(strstr(err, "no checklist items") == NULL);
}

/* cfg_default_path follows VELKOMST_SHARE, else DATADIR. */
static void
default_path(void)
{
	struct conf	 c;
	char		*old = xstrdup(getenv("VELKOMST_SHARE"));
	const char	*p;

	setenv("VELKOMST_SHARE", "share/velkomst", 1);
	CHECK_STR(cfg_default_path(), DEFAULT);
	CHECK_INT(cfg_load(&c, NULL, NULL, 1, err, sizeof err), 0);
	CHECK_INT(c.ndepartments, 9);
	cfg_free(&c);
	unsetenv("VELKOMST_SHARE");
	p = cfg_default_path();
	CHECK_STR(p, DATADIR "/velkomst/velkomst.conf");
	if (old != NULL)
		setenv("VELKOMST_SHARE", old, 1);
	free(old);
}

/* Departments by key or name (any case); stairwells by exact name. */
static void
lookups(void)
{
	struct conf	 c;
	int		 d;

	CHECK_INT(load(&c, DEFAULT, NULL), 0);
	CHECK_INT(cfg_department_find(&c, "605"), 0);
	CHECK_INT(cfg_department_find(&c, "daruplund"), 8);
	CHECK_INT(cfg_department_find(&c, "bb-afd. 607"), 2);
	CHECK_INT(cfg_department_find(&c, "RHEUMPARK"), 6);
	CHECK_INT(cfg_department_find(&c, "609"), -1);
	CHECK_INT(cfg_department_find(&c, "TM13"), 4);
	CHECK_INT(cfg_department_find(&c, "tm 15"), 5);
	CHECK_INT(cfg_department_find(&c, "Daruplund"), 8);
	CHECK_INT(cfg_department_find(&c, ""), -1);
	CHECK_INT(cfg_department_find(&c, NULL), -1);
	d = cfg_department_find(&c, "tm13");
	CHECK(d >= 0);
	CHECK(cfg_stairwell_find(&c, d, "Opgang 1") >= 0);
	CHECK_INT(c.stairwells[cfg_stairwell_find(&c, d, "Opgang 1")]
	    .department, d);
	CHECK_INT(cfg_stairwell_find(&c, d, "opgang 1"), -1);
	CHECK_INT(cfg_stairwell_find(&c, d, "Opgang 99"), -1);
	CHECK_INT(cfg_stairwell_find(&c, 99, "Opgang 1"), -1);
	CHECK_INT(cfg_stairwell_find(&c, d, NULL), -1);
	cfg_free(&c);
}

/* A file that sets everything replaces the default's settings whole. */
static void
full_file(void)
{
	struct conf	 c;
	long		 from;

	CHECK_INT(load(&c, DEFAULT, FIX("full.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(c.welcome_days, 7);
	CHECK_STR(c.language, "da");
	CHECK_INT(c.mouse, 0);
	CHECK_INT(c.color, 0);
	CHECK_INT(c.goal_ambassadors, 3);
	util_date_make(2020, 1, 1, &from);
	CHECK_INT(c.goal_from, from);
	CHECK_INT(c.goal_to, from + 365);
	CHECK_INT(c.ndepartments, 2);
	CHECK_STR(c.departments[0].office, "North office");
	CHECK_STR(c.departments[1].office, "");
	/* Grouped by department, in department order, file order within. */
	CHECK_INT(c.nstairwells, 4);
	CHECK_STR(c.stairwells[0].name, "N1");
	CHECK_INT(c.stairwells[0].department, 0);
	CHECK_STR(c.stairwells[1].name, "S1");
	CHECK_STR(c.stairwells[2].name, "S2");
	CHECK_STR(c.stairwells[3].name, "S3");
	CHECK_INT(c.stairwells[3].department, 1);
	CHECK_INT(c.nchecklist, 2);
	CHECK_STR(c.checklist[0].title, "Waste");
	CHECK_STR(c.checklist[0].text, "Sort it.");
	CHECK_INT(c.checklist[0].department, -1);
	CHECK_INT(c.checklist[1].department, 1);
	CHECK_STR(c.checklist[1].text, "");
	CHECK_INT(c.nfiles, 2);
	CHECK_STR(c.files[1], FIX("full.conf"));
	cfg_free(&c);
}

/* Misspelt names, with the closest known name where one is close. */
static void
err_typo(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("typo.conf")), -1);
	CHECK(has_line(FIX("typo.conf") ":2: unknown setting "
	    "\"welcom_days\" (did you mean \"welcome_days\"?)"));
	CHECK(has_line(FIX("typo.conf") ":4: unknown setting \"colour\" "
	    "(did you mean \"color\"?)"));
	CHECK(has_line(FIX("typo.conf") ":7: unknown setting "
	    "\"ambasadors\" (did you mean \"ambassadors\"?)"));
	CHECK(has_line(FIX("typo.conf") ":8: unknown setting "
	    "\"frobnicate\""));
	CHECK_INT(err_lines(), 4);
	check_empty(&c);
}

/* Wrong types, several in one file, all reported. */
static void
err_badtype(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("badtype.conf")), -1);
	CHECK(has_line(FIX("badtype.conf") ":2: \"welcome_days\" must be a "
	    "whole number, not a string in quotes"));
	CHECK(has_line(FIX("badtype.conf") ":3: \"language\" must be a "
	    "string in quotes, not a whole number"));
	CHECK(has_line(FIX("badtype.conf") ":4: \"mouse\" must be true or "
	    "false, not a whole number"));
	CHECK(has_line(FIX("badtype.conf") ":4: \"color\" must be true or "
	    "false, not a string in quotes"));
	CHECK(has_line(FIX("badtype.conf") ":5: \"stairwells\" must be a "
	    "list ( ... ), not a string in quotes"));
	CHECK(has_line(FIX("badtype.conf") ":6: each checklist item must "
	    "be a group { ... }, not a string in quotes"));
	CHECK_INT(err_lines(), 6);
	check_empty(&c);
}

/* Numbers out of range, a bad language, dates that are not dates. */
static void
err_range(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("range.conf")), -1);
	CHECK(has_line(FIX("range.conf") ":2: \"welcome_days\" must be "
	    "between 1 and 365, not 400"));
	CHECK(has_line(FIX("range.conf") ":3: \"language\" must be \"\" "
	    "(from the environment), \"da\" or \"en\", not \"fr\""));
	CHECK(has_line(FIX("range.conf") ":5: \"ambassadors\" must be "
	    "between 1 and 10000, not 0"));
	CHECK(strstr(err, FIX("range.conf") ":6: \"from\": \"2017-02-30\" "
	    "is not a date: ") != NULL);
	CHECK(has_line(FIX("range.conf") ":7: \"to\": \"next year\" is not "
	    "a date; write it as YYYY-MM-DD, for example 2021-02-28"));
	CHECK_INT(err_lines(), 5);
	check_empty(&c);
}

/* The goal's period must not end before it starts. */
static void
err_fromto(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("fromto.conf")), -1);
	CHECK(has_line(FIX("fromto.conf") ":4: goal: \"from\" (2021-03-01) "
	    "is after \"to\" (2017-02-28)"));
	CHECK_INT(err_lines(), 1);
}

/* A department without stairwells is reported where it is written. */
static void
err_nostairs(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("nostairs.conf")), -1);
	CHECK(has_line(FIX("nostairs.conf") ":4: department \"b\" has no "
	    "stairwells: list them under \"stairwells\""));
	CHECK_INT(err_lines(), 1);
	check_empty(&c);
}

/* Required fields left out or empty, reported where the group starts. */
static void
err_required(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("required.conf")), -1);
	CHECK(has_line(FIX("required.conf") ":2: this goal has no \"to\""));
	CHECK(has_line(FIX("required.conf") ":5: this department has no "
	    "\"key\""));
	CHECK(has_line(FIX("required.conf") ":6: this department has no "
	    "\"name\""));
	CHECK(has_line(FIX("required.conf") ":7: \"key\" is empty"));
	CHECK(has_line(FIX("required.conf") ":10: this checklist item has "
	    "no \"key\""));
	CHECK(has_line(FIX("required.conf") ":11: this checklist item has "
	    "no \"title\""));
	check_empty(&c);
}

/* An empty department list. */
static void
err_empty(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("empty.conf")), -1);
	CHECK(has_line(FIX("empty.conf") ":2: \"departments\" is empty: at "
	    "least one department is needed"));
	/* The default's stairwells are not checked against no departments. */
	CHECK_INT(err_lines(), 1);
}

/* Stairwells and checklist items naming no known department. */
static void
err_refs(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("refs.conf")), -1);
	CHECK(has_line(FIX("refs.conf") ":8: unknown department \"c\" (the "
	    "departments are: a, b)"));
	CHECK(has_line(FIX("refs.conf") ":13: unknown department \"Gamma\" "
	    "(the departments are: a, b)"));
	CHECK_INT(err_lines(), 2);	/* "BETA" is Beta's name: fine */
}

/* Pilot departments: by key, name or short name; unknown, twice, more
 * than three are errors with their lines; none named leaves NULL. */
static void
pilots(void)
{
	struct conf	 c;
	int		 d;

	CHECK_INT(load(&c, DEFAULT, NULL), 0);
	CHECK(c.pilot == NULL);
	CHECK_INT(c.npilots, 0);
	cfg_free(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("pilots-ok.conf")), 0);
	CHECK_INT(c.npilots, 2);
	if (c.pilot != NULL && (d = cfg_department_find(&c, "606")) >= 0)
		CHECK_INT(c.pilot[d], 1);
	if (c.pilot != NULL && (d = cfg_department_find(&c, "pab8")) >= 0)
		CHECK_INT(c.pilot[d], 1);
	if (c.pilot != NULL && (d = cfg_department_find(&c, "605")) >= 0)
		CHECK_INT(c.pilot[d], 0);
	cfg_free(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("pilots.conf")), -1);
	CHECK(strstr(err, FIX("pilots.conf") ":6: unknown department "
	    "\"nowhere\" (the departments are: 605,") != NULL);
	CHECK(has_line(FIX("pilots.conf") ":7: the pilot department \"605\" "
	    "is named twice"));
	CHECK(has_line(FIX("pilots.conf") ":9: at most 3 departments may be "
	    "pilots"));
	CHECK_INT(err_lines(), 3);
	check_empty(&c);
}

/* The same key or name twice. */
static void
err_dup(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("dup.conf")), -1);
	CHECK(has_line(FIX("dup.conf") ":5: two departments have the key "
	    "\"a\" (the first at line 3)"));
	CHECK(has_line(FIX("dup.conf") ":6: two departments have the name "
	    "\"beta\" (the first at line 4)"));
	CHECK(has_line(FIX("dup.conf") ":12: stairwell \"A2\" is listed "
	    "twice for department \"a\" (first at line 9)"));
	CHECK(has_line(FIX("dup.conf") ":17: two checklist items have the "
	    "key \"x\" (the first at line 15)"));
	/* "A1" in two departments is fine. */
	CHECK_INT(err_lines(), 4);
}

/* libconfig's own parse error, with its line. */
static void
err_parse(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("parse.conf")), -1);
	CHECK_ERR(FIX("parse.conf") ":4: syntax error\n");
	check_empty(&c);
}

/* A control character in a name. */
static void
err_text(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("text.conf")), -1);
	CHECK(has_line(FIX("text.conf") ":3: \"name\" is not valid UTF-8 or "
	    "holds a control character"));
}

/* A missing --config file is an error. */
static void
missing_config(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("nothere.conf")), -1);
	CHECK_ERR(FIX("nothere.conf") ": cannot read: No such file or "
	    "directory\n");
	check_empty(&c);
}

/* No layer gives departments: say so, naming the files read. */
static void
no_departments(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, "tests/cfg/none/velkomst.conf",
	    FIX("user-days.conf")), -1);
	CHECK(has_line("no departments configured (files read: "
	    FIX("user-days.conf") ")"));
	CHECK_INT(load(&c, "tests/cfg/none/velkomst.conf", NULL), -1);
	CHECK_ERR("no departments configured: no configuration file "
	    "was found (the shipped default is tests/cfg/none/velkomst.conf)"
	    "\n");
	check_empty(&c);
}

/* A user file with only welcome_days keeps everything else. */
static void
layer_days(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("user-days.conf")), 0);
	CHECK_INT(c.welcome_days, 10);
	CHECK_INT(c.ndepartments, 9);
	CHECK_INT(c.goal_ambassadors, 15);
	CHECK(c.nstairwells > 0);
	CHECK_INT(c.nfiles, 2);
	CHECK_STR(c.files[0], DEFAULT);
	CHECK_STR(c.files[1], FIX("user-days.conf"));
	cfg_free(&c);
}

/* A later, smaller department list leaves the default's stairwell groups
 * dangling: reported at their lines in the default. */
static void
layer_dangling(void)
{
	static const char *gone[] = { "607", "608", "tm13", "tm15",
	    "rheumpark", "pab8", "daruplund" };
	struct conf	 c;
	char		 needle[64], line[512];
	size_t		 i;
	int		 n;

	CHECK_INT(load(&c, DEFAULT, FIX("user-deps.conf")), -1);
	for (i = 0; i < 7; i++) {
		snprintf(needle, sizeof needle, "department = \"%s\"",
		    gone[i]);
		n = find_line(DEFAULT, needle);
		CHECK(n > 0);
		snprintf(line, sizeof line, DEFAULT ":%d: unknown department "
		    "\"%s\" (" FIX("user-deps.conf") " replaces the "
		    "departments with: 605, 606; set \"stairwells\" there "
		    "too)", n, gone[i]);
		if (!has_line(line))
			TEST_FAIL("missing: %.300s\ngot:\n%.500s", line, err);
	}
	CHECK_INT(err_lines(), 7);
	check_empty(&c);
}

/* A small error buffer keeps whole lines and stays terminated. */
static void
err_truncated(void)
{
	struct conf	 c;
	char		 small[100];
	size_t		 n;

	memset(small, 'x', sizeof small);
	CHECK_INT(cfg_load(&c, DEFAULT, FIX("badtype.conf"), 1, small,
	    sizeof small), -1);
	n = strlen(small);
	CHECK(n > 0 && n < sizeof small);
	CHECK(small[n - 1] == '\n');
	CHECK(strncmp(small, FIX("badtype.conf") ":2: ", 20) == 0);
	CHECK_INT(cfg_load(&c, DEFAULT, FIX("badtype.conf"), 1, small, 0),
	    -1);
}

/* Write text to dir/rel, making the folders on the way. */
static void
write_file(const char *dir, const char *rel, const char *text)
{
	char	*p, *slash;
	FILE	*f;

	p = xasprintf("%s/%s", dir, rel);
	for (slash = p + strlen(dir) + 1; (slash = strchr(slash, '/')) != NULL;
	    slash++) {
		*slash = '\0';
		mkdir(p, 0700);
		*slash = '/';
	}
	if ((f = fopen(p, "w")) != NULL) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

/* The user layer: $XDG_CONFIG_HOME, else ~/.config; skipped when asked. */
static void
layer_user(void)
{
	struct conf	 c;
	char		 dir[] = "/tmp/test-cfg.XXXXXX";
	char		*home, *xdg, *cmd;

	if (access("/etc/velkomst.conf", F_OK) == 0)
		return;		/* the system file would interfere */
	if (mkdtemp(dir) == NULL) {
		TEST_FAIL("mkdtemp failed");
		return;
	}
	home = xstrdup(getenv("HOME"));
	xdg = xstrdup(getenv("XDG_CONFIG_HOME"));
	write_file(dir, "x/velkomst/velkomst.conf", "welcome_days = 21;\n");
	write_file(dir, ".config/velkomst/velkomst.conf",
	    "welcome_days = 28;\n");
	cmd = xasprintf("%s/x", dir);
	setenv("XDG_CONFIG_HOME", cmd, 1);
	free(cmd);
	CHECK_INT(cfg_load(&c, DEFAULT, NULL, 1, err, sizeof err), 0);
	CHECK_INT(c.welcome_days, 14);
	cfg_free(&c);
	CHECK_INT(cfg_load(&c, DEFAULT, NULL, 0, err, sizeof err), 0);
	CHECK_INT(c.welcome_days, 21);
	CHECK_INT(c.nfiles, 2);
	cfg_free(&c);
	/* --config still wins over the user layer. */
	CHECK_INT(cfg_load(&c, DEFAULT, FIX("full.conf"), 0, err,
	    sizeof err), 0);
	CHECK_INT(c.welcome_days, 7);
	CHECK_INT(c.nfiles, 3);
	cfg_free(&c);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", dir, 1);
	CHECK_INT(cfg_load(&c, DEFAULT, NULL, 0, err, sizeof err), 0);
	CHECK_INT(c.welcome_days, 28);
	cfg_free(&c);
	if (home != NULL)
		setenv("HOME", home, 1);
	if (xdg != NULL)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		TEST_FAIL("cannot remove %s", dir);
	free(cmd);
	free(home);
	free(xdg);
}

/* Numbers too big for libconfig's 32 bits (64 with L) are refused and
 * named as written, not cut to another number that may fit. */
static void
err_big(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("big.conf")), -1);
	CHECK(has_line(FIX("big.conf") ":2: \"welcome_days\" must be "
	    "between 1 and 365, not 4294967297"));
	CHECK(has_line(FIX("big.conf") ":3: \"ambassadors\" must be "
	    "between 1 and 10000, not 99999999999"));
	CHECK(has_line(FIX("big.conf") ":5: \"idle_lock\" must be "
	    "between 1 and 86400, not -4294967297"));
	CHECK(has_line(FIX("big.conf") ":7: \"retry_days\" must be "
	    "between 1 and 60, not 99999999999999999999L"));
	CHECK(has_line(FIX("big.conf") ":8: \"max_attempts\" must be "
	    "between 1 and 100, not 0x100000005"));
	CHECK(has_line(FIX("big.conf") ":9: \"lock_minutes\" must be "
	    "between 1 and 10080, not 4294967306"));
	CHECK_INT(err_lines(), 6);
	check_empty(&c);
	/* Two settings of one name on one line, the big one second. */
	CHECK_INT(load(&c, DEFAULT, FIX("big-line.conf")), -1);
	CHECK_ERR(FIX("big-line.conf") ":2: \"max_attempts\" must be "
	    "between 1 and 100, not 4294967299\n");
	/* The name in a string and a comment before it on the line. */
	CHECK_INT(load(&c, DEFAULT, FIX("big-decoy.conf")), -1);
	CHECK_ERR(FIX("big-decoy.conf") ":2: \"welcome_days\" must be "
	    "between 1 and 365, not 4294967301\n");
}

/* Numbers written with L, in hex, with a sign or a leading zero that
 * fit are read as written. */
static void
big_ok(void)
{
	struct conf	 c;

	CHECK_INT(load(&c, DEFAULT, FIX("big-ok.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(c.welcome_days, 21);
	CHECK_INT(c.retry_days, 16);
	CHECK_INT(c.max_attempts, 10);
	CHECK_INT(c.idle_lock, 600);
	cfg_free(&c);
}

/* A department's checklist (the items for every department and its own)
 * holds at most CFG_CHECKLIST_MAX items: no item is dropped silently. */
static void
err_items_max(void)
{
	const struct cfg_check_item	*items[CFG_CHECKLIST_MAX + 1];
	struct conf			 c;

	CHECK_INT(CFG_CHECKLIST_MAX, 32);
	CHECK_INT(load(&c, DEFAULT, FIX("items-max.conf")), 0);
	CHECK_ERR("");
	CHECK_INT(cfg_checklist(&c, cfg_department_find(&c, "605"), items,
	    CFG_CHECKLIST_MAX + 1), 32);
	cfg_free(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("items-over.conf")), -1);
	CHECK_ERR(FIX("items-over.conf") ":37: department \"605\" has 33 "
	    "checklist items (those for every department and its own), but "
	    "a visit holds at most 32\n");
	check_empty(&c);
	CHECK_INT(load(&c, DEFAULT, FIX("items-common.conf")), -1);
	CHECK_ERR(FIX("items-common.conf") ":35: 33 checklist items are for "
	    "every department, but a visit holds at most 32 items (those for "
	    "every department and a department's own together)\n");
	check_empty(&c);
}

int
main(void)
{
	RUN("cfg", default_loads);
	RUN("cfg", default_checklist);
	RUN("cfg", default_path);
	RUN("cfg", lookups);
	RUN("cfg", full_file);
	RUN("cfg", err_typo);
	RUN("cfg", err_badtype);
	RUN("cfg", err_range);
	RUN("cfg", err_fromto);
	RUN("cfg", err_nostairs);
	RUN("cfg", err_required);
	RUN("cfg", err_empty);
	RUN("cfg", err_refs);
	RUN("cfg", err_dup);
	RUN("cfg", err_parse);
	RUN("cfg", err_text);
	RUN("cfg", missing_config);
	RUN("cfg", no_departments);
	RUN("cfg", layer_days);
	RUN("cfg", layer_dangling);
	RUN("cfg", err_truncated);
	RUN("cfg", checklist_items);
	RUN("cfg", visits);
	RUN("cfg", err_items);
	RUN("cfg", err_visits);
	RUN("cfg", accounts);
	RUN("cfg", err_accounts);
	RUN("cfg", err_nochecklist);
	RUN("cfg", layer_user);
	RUN("cfg", err_big);
	RUN("cfg", big_ok);
	RUN("cfg", err_items_max);
	RUN("cfg", pilots);
	TEST_END();
}
