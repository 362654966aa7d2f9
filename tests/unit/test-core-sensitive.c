/*
 * test-core-sensitive.c — notes that drift into sensitive data: the rule
 * (core-sensitive.c) with the shipped word lists, each category in Danish
 * and English, no false alarm on ordinary welcome notes, a CPR number,
 * the list syntax with its line numbers, and the setting sensitive_words
 * (cfg.c) with file:line errors.  Run from the top of the tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg.h"
#include "core.h"
#include "test.h"
#include "util.h"

#define SHIPPED	"share/velkomst/velkomst.conf"
#define LIST_DA	"share/velkomst/sensitive/da.txt"
#define LIST_EN	"share/velkomst/sensitive/en.txt"

static struct sensitive_words	*words;
static char			 err[4096];

/* Read one list file into words; fail the test if it is not read. */
static void
load_list(const char *path)
{
	char		*buf;
	size_t		 len, line;
	const char	*why;

	if (util_read_file(path, 1 << 20, &buf, &len) != 0) {
		TEST_FAIL("cannot read %s", path);
		return;
	}
	if ((why = core_sensitive_add(words, buf, &line)) != NULL)
		TEST_FAIL("%s:%zu: %s", path, line, why);
	free(buf);
}

/* The kind note gives, and the word it names (checked when want_word). */
static void
expect(const char *note, enum sensitive_kind want, const char *want_word)
{
	enum sensitive_kind	 k;
	char			*w;

	k = core_sensitive_check(words, note, &w);
	if (k != want)
		TEST_FAIL("\"%s\" gives %s, want %s", note,
		    k == SENSITIVE_NONE ? "none" : k == SENSITIVE_CPR ? "cpr" :
		    core_sensitive_section(k), want == SENSITIVE_NONE ? "none" :
		    want == SENSITIVE_CPR ? "cpr" : core_sensitive_section(want));
	else if (want_word != NULL && (w == NULL || strcmp(w, want_word) != 0))
		TEST_FAIL("\"%s\" names \"%s\", want \"%s\"", note,
		    w != NULL ? w : "(null)", want_word);
	free(w);
}

/* The shipped lists are read, and hold words. */
static void
shipped_lists(void)
{
	load_list(LIST_DA);
	load_list(LIST_EN);
	CHECK(core_sensitive_count(words) > 50);
}

/* Health, in Danish and English, as whole words, starts and parts. */
static void
health(void)
{
	expect("Manden er syg og kan ikke gå på trapper", SENSITIVE_HEALTH,
	    "syg");
	expect("Hun har en alvorlig SYGDOM.", SENSITIVE_HEALTH, "SYGDOM");
	expect("Datteren har en hjertesygdom", SENSITIVE_HEALTH,
	    "hjertesygdom");
	expect("Tager medicin for depression", SENSITIVE_HEALTH, "medicin");
	expect("Er gravid i 7. måned", SENSITIVE_HEALTH, "gravid");
	expect("psykisk sårbar", SENSITIVE_HEALTH, "psykisk");
	expect("Bruger kørestol", SENSITIVE_HEALTH, "kørestol");
	expect("KORESTOL ved døren", SENSITIVE_NONE, NULL);	/* ø ≠ o */
	expect("The father is ill.", SENSITIVE_HEALTH, "ill");
	expect("She was diagnosed last year", SENSITIVE_HEALTH, "diagnosed");
	expect("Son is disabled; needs the lift", SENSITIVE_HEALTH,
	    "disabled");
	expect("Pregnant, due in May", SENSITIVE_HEALTH, "Pregnant");
}

/* Religion, in Danish and English. */
static void
religion(void)
{
	expect("Familien er muslimer", SENSITIVE_RELIGION, "muslimer");
	expect("De går i moskéen om fredagen", SENSITIVE_RELIGION,
	    "moskéen");
	expect("de går i MOSKEEN", SENSITIVE_RELIGION, "MOSKEEN");
	expect("Han er kristen", SENSITIVE_RELIGION, "kristen");
	expect("Faster under ramadanen", SENSITIVE_RELIGION, "ramadanen");
	expect("They are Jewish", SENSITIVE_RELIGION, "Jewish");
	expect("Goes to the mosque on Fridays", SENSITIVE_RELIGION, "mosque");
	expect("very religious family", SENSITIVE_RELIGION, "religious");
}

/* Ethnicity, in Danish and English. */
static void
ethnicity(void)
{
	expect("Etnisk dansker", SENSITIVE_ETHNICITY, "Etnisk");
	expect("Spurgte om hudfarven på naboerne", SENSITIVE_ETHNICITY,
	    "hudfarven");
	expect("Kom som flygtning i 2015", SENSITIVE_ETHNICITY, "flygtning");
	expect("Their ethnic background", SENSITIVE_ETHNICITY, "ethnic");
	expect("A refugee family", SENSITIVE_ETHNICITY, "refugee");
}

/* A criminal matter, in Danish and English. */
static void
criminal(void)
{
	expect("Sønnen sidder i fængsel", SENSITIVE_CRIMINAL, "fængsel");
	expect("Manden er dømt for vold", SENSITIVE_CRIMINAL, "dømt");
	expect("Politiet har været her", SENSITIVE_CRIMINAL, "Politiet");
	expect("Er sigtet i en sag", SENSITIVE_CRIMINAL, "sigtet");
	expect("har en straffeattest", SENSITIVE_CRIMINAL, "straffeattest");
	expect("The police came last week", SENSITIVE_CRIMINAL, "police");
	expect("Her brother was arrested", SENSITIVE_CRIMINAL, "arrested");
	expect("just out of prison", SENSITIVE_CRIMINAL, "prison");
}

/* A CPR number, as the CPR check knows it; without any list too. */
static void
cpr(void)
{
	struct sensitive_words	*none = core_sensitive_new();
	char			*w;

	expect("Hans CPR er 010190-1234", SENSITIVE_CPR, NULL);
	expect("cpr 0101901234 tak", SENSITIVE_CPR, NULL);
	expect("Ring 22 33 44 55 efter kl. 16", SENSITIVE_NONE, NULL);
	CHECK_INT(core_sensitive_check(none, "010190-1234", &w), SENSITIVE_CPR);
	CHECK(w == NULL);
	CHECK_INT(core_sensitive_check(NULL, "syg 010190-1234", NULL),
	    SENSITIVE_CPR);
	CHECK_INT(core_sensitive_check(none, "syg", NULL), SENSITIVE_NONE);
	core_sensitive_free(none);
}

/* Ordinary welcome notes, Danish and English: no alarm. */
static void
ordinary_notes(void)
{
	static const char *const notes[] = {
		"Ikke hjemme, prøv igen torsdag efter kl. 17.",
		"Taler arabisk og lidt dansk; datteren tolker.",
		"Taler somali, tyrkisk og urdu.",
		"Vil gerne høre mere om lektiecaféen og fodboldklubben.",
		"Har fået vaskekort og booket vasketid.",
		"Spurgte om boligstøtte og et sprogkursus - sendt videre.",
		"Interesseret i babysalmesang i Brøndby Strand Kirke.",
		"Familien Kristensen flyttede ind i weekenden.",
		"Christiansen har to børn i skolen.",
		"Kom en gang til på lørdag.",
		"Vil gerne med til sommerfesten og gårdaktiviteterne.",
		"Manden kører bus; ring efter 16.",
		"Spurgte om vej til stationen og lægehuset.",
		"Politisk interesseret: vil gerne til beboermødet.",
		"Ønsker at blive opgangsambassadør.",
		"Storskrald og farligt affald: vist hvor det skal hen.",
		"Har brug for hjælp til at booke beboerhuset til en fødselsdag.",
		"Kender præsten fra kirken; vil gerne i kirkekoret.",
		"Nyt køleskab ankommer mandag; bad om at få det båret op.",
		"Not home, try again Thursday.",
		"Speaks Somali and some English; the son interprets.",
		"Asked about the homework café and the football club.",
		"Wants to join the courtyard activities.",
		"Has a laundry card now and booked a time.",
		"Would like to meet the neighbours at the summer party.",
		"Interested in the church choir.",
		"Went once more on Saturday; the phone was charged.",
		"Asked where the doctor and the pharmacy are.",
	};
	size_t	 i;

	for (i = 0; i < sizeof notes / sizeof notes[0]; i++)
		expect(notes[i], SENSITIVE_NONE, NULL);
}

/* The list syntax: sections, one word a line, * at either end, and the
 * line of what is wrong. */
static void
list_syntax(void)
{
	struct sensitive_words	*sw = core_sensitive_new();
	size_t			 line;

	CHECK(core_sensitive_add(sw, "# c\n\n[health]\n  syg*  # x\n*ont\n"
	    "[criminal]\r\n*tyv*\r\n", &line) == NULL);
	CHECK_INT(core_sensitive_count(sw), 3);
	CHECK_INT(core_sensitive_check(sw, "sygdom", NULL), SENSITIVE_HEALTH);
	CHECK_INT(core_sensitive_check(sw, "tandpine ont", NULL),
	    SENSITIVE_HEALTH);
	CHECK_INT(core_sensitive_check(sw, "bilen", NULL), SENSITIVE_NONE);
	CHECK_INT(core_sensitive_check(sw, "biltyveri", NULL),
	    SENSITIVE_CRIMINAL);
	CHECK(core_sensitive_add(sw, "syg\n", &line) != NULL);
	CHECK_INT(line, 1);
	CHECK(core_sensitive_add(sw, "[health]\nok\n[politics]\n", &line) !=
	    NULL);
	CHECK_INT(line, 3);
	CHECK(core_sensitive_add(sw, "[health]\ntwo words\n", &line) != NULL);
	CHECK_INT(line, 2);
	CHECK(core_sensitive_add(sw, "[health]\na*\n", &line) != NULL);
	CHECK_INT(line, 2);
	CHECK(core_sensitive_add(sw, "[health]\n\xff\n", &line) != NULL);
	CHECK_STR(core_sensitive_section(SENSITIVE_RELIGION), "religion");
	CHECK(core_sensitive_reason(SENSITIVE_NONE) == NULL);
	CHECK(strstr(core_sensitive_reason(SENSITIVE_HEALTH), "%s") != NULL);
	CHECK(strstr(core_sensitive_reason(SENSITIVE_CPR), "%s") == NULL);
	core_sensitive_free(sw);
}

/* Write text to path. */
static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	if (f == NULL) {
		TEST_FAIL("cannot write %s", path);
		return;
	}
	fputs(text, f);
	fclose(f);
}

/* The setting: the shipped default reads both lists; a folder, a
 * relative path, and errors as file:line. */
static void
setting(void)
{
	struct conf	 c;
	char		 dir[] = "/tmp/velkomst-sens-XXXXXX", path[256];
	char		 want[512];

	CHECK_INT(cfg_load(&c, SHIPPED, NULL, 1, err, sizeof err), 0);
	CHECK(c.sensitive != NULL);
	CHECK_INT(core_sensitive_check(c.sensitive, "Han er syg", NULL),
	    SENSITIVE_HEALTH);
	CHECK_INT(core_sensitive_check(c.sensitive, "He is ill", NULL),
	    SENSITIVE_HEALTH);
	cfg_free(&c);
	if (mkdtemp(dir) == NULL) {
		TEST_FAIL("mkdtemp");
		return;
	}
	/* A copy of the shipped file, elsewhere, still finds the lists. */
	snprintf(path, sizeof path, "cp %s %s/copy.conf", SHIPPED, dir);
	CHECK_INT(system(path), 0);
	snprintf(path, sizeof path, "%s/copy.conf", dir);
	CHECK_INT(cfg_load(&c, SHIPPED, path, 1, err, sizeof err), 0);
	CHECK_INT(core_sensitive_check(c.sensitive, "Han er syg", NULL),
	    SENSITIVE_HEALTH);
	cfg_free(&c);
	snprintf(path, sizeof path, "%s/lists", dir);
	CHECK_INT(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/lists/xx.txt", dir);
	write_file(path, "[religion]\nzorro*\n");
	snprintf(path, sizeof path, "%s/lists/skip.md", dir);
	write_file(path, "not a list\n");
	snprintf(path, sizeof path, "%s/a.conf", dir);
	snprintf(want, sizeof want, "sensitive_words = [\"%s/lists\"];\n",
	    dir);
	write_file(path, want);
	CHECK_INT(cfg_load(&c, SHIPPED, path, 1, err, sizeof err), 0);
	CHECK_INT(core_sensitive_count(c.sensitive), 1);
	CHECK_INT(core_sensitive_check(c.sensitive, "zorroer", NULL),
	    SENSITIVE_RELIGION);
	CHECK_INT(core_sensitive_check(c.sensitive, "syg", NULL),
	    SENSITIVE_NONE);	/* the later layer replaces the lists */
	cfg_free(&c);
	snprintf(path, sizeof path, "%s/lists/yy.txt", dir);
	write_file(path, "[religion]\nok\n\nbad line\n");
	snprintf(path, sizeof path, "%s/a.conf", dir);
	snprintf(want, sizeof want, "\nsensitive_words = [\"%s/lists\", "
	    "\"none.txt\"];\n", dir);
	write_file(path, want);
	CHECK_INT(cfg_load(&c, SHIPPED, path, 1, err, sizeof err), -1);
	/* A relative path is taken from the shipped default's folder. */
	snprintf(want, sizeof want, "%s/lists/yy.txt:4: each line holds one "
	    "word: letters and digits, with * at its start or end\n"
	    "%s/a.conf:2: cannot read the word list share/velkomst/none.txt: "
	    "No such file or directory\n", dir, dir);
	if (strcmp(err, want) != 0)
		TEST_FAIL("errors are \"%.400s\", want \"%.400s\"", err,
		    want);
	write_file(path, "sensitive_words = \"lists\";\n");
	CHECK_INT(cfg_load(&c, SHIPPED, path, 1, err, sizeof err), -1);
	CHECK(strstr(err, "a.conf:1: ") != NULL);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	CHECK_INT(system(path), 0);
}

int
main(void)
{
	words = core_sensitive_new();
	RUN("core-sensitive", shipped_lists);
	RUN("core-sensitive", health);
	RUN("core-sensitive", religion);
	RUN("core-sensitive", ethnicity);
	RUN("core-sensitive", criminal);
	RUN("core-sensitive", cpr);
	RUN("core-sensitive", ordinary_notes);
	RUN("core-sensitive", list_syntax);
	RUN("core-sensitive", setting);
	core_sensitive_free(words);
	core_key_done();
	TEST_END();
}
