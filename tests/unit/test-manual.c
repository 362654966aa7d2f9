/*
 * test-manual.c — the manual pages against the program's own tables:
 * every setting cfg.c takes is in velkomst.conf(5) and no other; every
 * key of ui-keys.c (its label and bottom-line word) is in velkomst(1)'s
 * key table and no other; every key the screens' key lists of velkomst(1)
 * name is a key of the table; every screen's help names a part of
 * velkomst(1) that is there.  Run from the top of the tree (tests/run does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "cfg.h"
#include "ui.h"

#define MAN1	"man/velkomst.1"
#define MAN5	"man/velkomst.conf.5"
#define MAN5_DA	"man/da/velkomst.conf.5"
#define MAXN	512
#define NAMELEN	128

/*
 * Settings velkomst.conf(5) describes before this branch's cfg.c takes
 * them: another branch adds them.  Once cfg.c takes one, it is checked
 * like every other; remove it here after the merge.
 */
static const char *const pending_settings[] = { "languages", NULL };

/* A set of names, in the order they were added. */
struct names {
	char	 v[MAXN][NAMELEN];
	size_t	 n;
};

/* Add s to the set unless it is there. */
static void
names_add(struct names *set, const char *s)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i], s) == 0)
			return;
	if (set->n < MAXN)
		snprintf(set->v[set->n++], NAMELEN, "%s", s);
}

/* 1 if the set holds s. */
static int
names_has(const struct names *set, const char *s)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i], s) == 0)
			return 1;
	return 0;
}

/* 1 if the NULL-ended list holds s. */
static int
list_has(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* Write into out (at most len bytes) the names of a not in b, joined by
 * ", ". */
static void
names_missing(const struct names *a, const struct names *b, char *out,
    size_t len)
{
	size_t	 i;

	out[0] = '\0';
	for (i = 0; i < a->n; i++) {
		if (names_has(b, a->v[i]))
			continue;
		if (out[0] != '\0')
			strncat(out, ", ", len - strlen(out) - 1);
		strncat(out, a->v[i], len - strlen(out) - 1);
	}
}

/* Turn the mdoc escapes the pages use in key names into what the
 * program shows: \(ua is an up arrow, \& nothing. */
static void
man_unescape(const char *in, char *out, size_t len)
{
	static const struct {
		const char	*esc;
		const char	*utf8;
	} map[] = {
		{ "\\(ua", "\xe2\x86\x91" }, { "\\(da", "\xe2\x86\x93" },
		{ "\\(<-", "\xe2\x86\x90" }, { "\\(->", "\xe2\x86\x92" },
		{ "\\[u2026]", "\xe2\x80\xa6" }, { "\\&", "" }, { "\\e", "\\" },
	};
	size_t	 o = 0, i, l;

	while (*in != '\0' && o + 1 < len) {
		for (i = 0; i < sizeof map / sizeof map[0]; i++) {
			l = strlen(map[i].esc);
			if (strncmp(in, map[i].esc, l) == 0)
				break;
		}
		if (i < sizeof map / sizeof map[0]) {
			o += (size_t)snprintf(out + o, len - o, "%s",
			    map[i].utf8);
			in += strlen(map[i].esc);
		} else
			out[o++] = *in++;
	}
	out[o < len ? o : len - 1] = '\0';
}

/* The lines of a page, or NULL (the test fails). */
static FILE *
man_open(const char *path)
{
	FILE	*f = fopen(path, "r");

	if (f == NULL)
		TEST_FAIL("cannot read %s", path);
	return f;
}

/* The settings a velkomst.conf(5) describes: each ".It Cm NAME" in its
 * part titled section, a member as "group.member" by the list it is in. */
static void
man_settings(struct names *set, const char *path, const char *section)
{
	char	 line[1024], top[NAMELEN] = "", name[NAMELEN * 2];
	int	 in = 0, depth = 0;
	FILE	*f;

	if ((f = man_open(path)) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0)
			in = strcmp(line + 4, section) == 0;
		if (!in)
			continue;
		if (strncmp(line, ".Bl ", 4) == 0)
			depth++;
		else if (strcmp(line, ".El") == 0)
			depth--;
		else if (strncmp(line, ".It Cm ", 7) == 0 && depth == 1) {
			snprintf(top, sizeof top, "%.100s", line + 7);
			names_add(set, top);
		} else if (strncmp(line, ".It Cm ", 7) == 0 && depth == 2) {
			snprintf(name, sizeof name, "%.100s.%.100s", top, line + 7);
			names_add(set, name);
		}
	}
	fclose(f);
}

/* Every setting cfg.c takes is in the velkomst.conf(5) at path, under
 * the section of that title, and only those. */
static void
check_settings(const char *path, const char *section)
{
	struct names	*code = calloc(1, sizeof *code);
	struct names	*man = calloc(1, sizeof *man), *left;
	char		 buf[NAMELEN], miss[4096];
	size_t		 i;

	for (i = 0; cfg_schema_name(i, buf, sizeof buf); i++)
		names_add(code, buf);
	CHECK(names_has(code, "welcome_days"));
	CHECK(names_has(code, "terminal.idle_lock"));
	CHECK(names_has(code, "checklist.title_da"));
	man_settings(man, path, section);
	names_missing(code, man, miss, sizeof miss);
	if (miss[0] != '\0')
		TEST_FAIL("settings cfg.c takes that %s does not describe: %.700s",
		    path, miss);
	/* Described but not taken: only those another branch adds. */
	left = calloc(1, sizeof *left);
	for (i = 0; i < man->n; i++)
		if (!list_has(pending_settings, man->v[i]))
			names_add(left, man->v[i]);
	names_missing(left, code, miss, sizeof miss);
	if (miss[0] != '\0')
		TEST_FAIL("settings %s describes that cfg.c does not take: %.700s",
		    path, miss);
	free(left);
	free(code);
	free(man);
}

/* Every setting is in velkomst.conf(5), and only those. */
static void
test_settings(void)
{
	check_settings(MAN5, "SETTINGS");
}

/* Every setting is in the Danish velkomst.conf(5), and only those. */
static void
test_settings_da(void)
{
	check_settings(MAN5_DA, "INDSTILLINGER");
}

/* The "KEY / word" pairs of velkomst(1)'s key table: the rows
 * ".It Ic KEY Ta WORD Ta ..." of its part "The key table". */
static void
man_key_table(struct names *set)
{
	char	 line[1024], key[NAMELEN], word[NAMELEN], pair[NAMELEN * 3];
	char	*ta, *end;
	int	 in = 0;
	FILE	*f;

	if ((f = man_open(MAN1)) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Ss ", 4) == 0 || strncmp(line, ".Sh ", 4) == 0)
			in = strcmp(line, ".Ss The key table") == 0;
		if (!in || strncmp(line, ".It Ic ", 7) != 0 ||
		    (ta = strstr(line, " Ta ")) == NULL)
			continue;
		*ta = '\0';
		if ((end = strstr(ta + 4, " Ta ")) != NULL)
			*end = '\0';
		man_unescape(line + 7, key, sizeof key);
		man_unescape(ta + 4, word, sizeof word);
		snprintf(pair, sizeof pair, "%s / %s", key, word);
		names_add(set, pair);
	}
	fclose(f);
}

/* Every key of the table, its label and bottom-line word, is in
 * velkomst(1)'s key table, and that table has no other. */
static void
test_key_table(void)
{
	struct names	*code = calloc(1, sizeof *code);
	struct names	*man = calloc(1, sizeof *man);
	char		 pair[NAMELEN * 3], miss[4096];
	enum ui_action	 a;
	size_t		 i;

	for (i = 0; (a = ui_key_nth(i)) != ACT_NONE; i++) {
		snprintf(pair, sizeof pair, "%s / %s", ui_key_label(a),
		    ui_key_short(a));
		names_add(code, pair);
	}
	CHECK(names_has(code, "Esc / Back"));
	man_key_table(man);
	names_missing(code, man, miss, sizeof miss);
	if (miss[0] != '\0')
		TEST_FAIL("keys (label / bottom line) missing from %s, "
		    "\"The key table\": %.700s", MAN1, miss);
	names_missing(man, code, miss, sizeof miss);
	if (miss[0] != '\0')
		TEST_FAIL("keys in %s, \"The key table\", that the key table "
		    "of ui-keys.c does not have: %.700s", MAN1, miss);
	free(code);
	free(man);
}

/* Every name of every key of the table, and the labels. */
static void
code_key_names(struct names *set)
{
	char		 buf[NAMELEN];
	enum ui_action	 a;
	size_t		 i;
	int		 k;

	for (i = 0; (a = ui_key_nth(i)) != ACT_NONE; i++) {
		names_add(set, ui_key_label(a));
		for (k = 0; ui_key_name(a, k, buf, sizeof buf); k++)
			names_add(set, buf);
	}
}

/* The keys the tag lists of velkomst(1)'s THE SCREENS name: each word
 * after "Ic" on an ".It" line. */
static void
man_screen_keys(struct names *set)
{
	char	 line[1024], key[NAMELEN], *p, *w;
	int	 in = 0, after_ic;
	FILE	*f;

	if ((f = man_open(MAN1)) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0)
			in = strcmp(line, ".Sh THE SCREENS") == 0;
		if (!in || strncmp(line, ".It Ic ", 7) != 0)
			continue;
		if ((p = strstr(line, " Ta ")) != NULL)
			*p = '\0';	/* the key table: its first column */
		after_ic = 0;
		for (w = strtok(line + 4, " "); w != NULL;
		    w = strtok(NULL, " ")) {
			if (after_ic) {
				man_unescape(w, key, sizeof key);
				names_add(set, key);
			}
			after_ic = strcmp(w, "Ic") == 0;
		}
	}
	fclose(f);
}

/* A key the screens' lists name that the key table has: by a name of one
 * of its keys or its label; a digit by the digits' label. */
static int
key_known(const struct names *code, const char *name)
{
	if (names_has(code, name))
		return 1;
	return name[0] >= '0' && name[0] <= '9' && name[1] == '\0' &&
	    names_has(code, "1\xe2\x80\xa6" "9");
}

/* Every key the screens' key lists in velkomst(1) name is in the table. */
static void
test_screen_keys(void)
{
	struct names	*code = calloc(1, sizeof *code);
	struct names	*man = calloc(1, sizeof *man);
	char		 miss[4096];
	size_t		 i;

	code_key_names(code);
	CHECK(names_has(code, "Ctrl-S"));
	CHECK(names_has(code, "Shift-Tab"));
	CHECK(names_has(code, "F9"));
	man_screen_keys(man);
	CHECK(names_has(man, "F9"));
	miss[0] = '\0';
	for (i = 0; i < man->n; i++) {
		if (key_known(code, man->v[i]))
			continue;
		if (miss[0] != '\0')
			strncat(miss, ", ", sizeof miss - strlen(miss) - 1);
		strncat(miss, man->v[i], sizeof miss - strlen(miss) - 1);
	}
	if (miss[0] != '\0')
		TEST_FAIL("keys in %s, THE SCREENS, that no action of the key "
		    "table has: %.700s", MAN1, miss);
	free(code);
	free(man);
}

/* The key names are the manual's. */
static void
test_key_names(void)
{
	char	 buf[NAMELEN];

	CHECK(ui_key_name(ACT_SAVE, 0, buf, sizeof buf));
	CHECK_STR(buf, "F2");
	CHECK(ui_key_name(ACT_SAVE, 1, buf, sizeof buf));
	CHECK_STR(buf, "Ctrl-S");
	CHECK(!ui_key_name(ACT_SAVE, 2, buf, sizeof buf));
	CHECK(ui_key_name(ACT_BACK, 0, buf, sizeof buf));
	CHECK_STR(buf, "Esc");
	CHECK(ui_key_name(ACT_HELP, 1, buf, sizeof buf));
	CHECK_STR(buf, "?");
	CHECK(ui_key_name(ACT_PREV_FIELD, 1, buf, sizeof buf));
	CHECK_STR(buf, "Shift-Tab");
	CHECK(ui_key_name(ACT_OPEN, 0, buf, sizeof buf));
	CHECK_STR(buf, "Enter");
	CHECK(ui_key_name(ACT_TOGGLE, 0, buf, sizeof buf));
	CHECK_STR(buf, "Space");
}

/* 1 if velkomst(1) has a part (.Ss) of this title. */
static int
man_has_part(const char *title)
{
	char	 line[1024];
	int	 found = 0;
	FILE	*f;

	if ((f = man_open(MAN1)) == NULL)
		return 0;
	while (!found && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		found = strncmp(line, ".Ss ", 4) == 0 &&
		    strcmp(line + 4, title) == 0;
	}
	fclose(f);
	return found;
}

/* Every screen's help names a part of velkomst(1) that is there. */
static void
test_help_parts(void)
{
	static const struct screen *const screens[] = {
		&screen_home, &screen_households, &screen_queue,
		&screen_overdue, &screen_followups, &screen_visit,
		&screen_goal, &screen_coverage, &screen_desk,
		&screen_criteria, &screen_records, &screen_record_form,
		&screen_stories,
		&screen_report, &screen_evaluation,
		&screen_ambassadors,
		&screen_ambassador, &screen_ambassador_form,
		&screen_household, &screen_household_form, &screen_login,
		&screen_accounts, &screen_account_form, &screen_audit,
		&screen_pick,
	};
	const char	*part;
	size_t		 i;

	CHECK(ui_help_manual(&screen_help) == NULL);
	for (i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		if ((part = ui_help_manual(screens[i])) == NULL)
			TEST_FAIL("the help of screen \"%s\" names no part "
			    "of the manual", screens[i]->name);
		else if (!man_has_part(part))
			TEST_FAIL("the help of screen \"%s\" names the part "
			    "\"%s\", which %s does not have", screens[i]->name,
			    part, MAN1);
	}
}

int
main(void)
{
	RUN("manual", test_settings);
	RUN("manual", test_settings_da);
	RUN("manual", test_key_names);
	RUN("manual", test_key_table);
	RUN("manual", test_screen_keys);
	RUN("manual", test_help_parts);
	TEST_END();
}
