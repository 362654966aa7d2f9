/* test-cfg-criteria.c — "criteria": the success criteria of the
 * agreement in the shipped default, the next agreement's in a later
 * file, and every mistake with its file and line. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "core.h"
#include "util.h"
#include "test.h"

#define DEFAULT	"share/velkomst/velkomst.conf"
#define FIX(f)	"tests/cfg/" f

static char	err[8192];

/* 1 if err has line (a whole line). */
static int
has_line(const char *line)
{
	const char	*p = err;
	size_t		 n = strlen(line);

	for (; (p = strstr(p, line)) != NULL; p++)
		if ((p == err || p[-1] == '\n') && (p[n] == '\n' ||
		    p[n] == '\0'))
			return 1;
	TEST_FAIL("no line \"%s\" in \"%.600s\"", line, err);
	return 0;
}

/* The day y-m-d. */
static long
day(int y, int m, int d)
{
	long	n = DATE_NONE;

	util_date_make(y, m, d, &n);
	return n;
}

/* The agreement's four criteria. */
static void
default_criteria(void)
{
	struct conf		 c;
	const struct criterion	*r;

	CHECK_INT(cfg_load(&c, DEFAULT, NULL, 1, err, sizeof err), 0);
	CHECK_INT(c.ncriteria, 4);
	if (c.ncriteria != 4)
		return;
	CHECK_STR(c.criteria[0].key, "ambassadors");
	r = &c.criteria[0].rule;
	CHECK_INT(r->kind, CK_AMBASSADORS);
	CHECK_INT(r->target, 15);		/* the goal's */
	CHECK_INT(r->from, day(2017, 3, 1));	/* the goal's period */
	CHECK_INT(r->to, day(2021, 2, 28));
	CHECK_INT(r->nyears, 0);
	r = &c.criteria[1].rule;
	CHECK_STR(c.criteria[1].key, "film");
	CHECK_INT(r->kind, CK_FILM);
	CHECK_INT(r->target, 1);
	CHECK_INT(r->min_count, 2000);
	CHECK_INT(r->channels, 1 << CH_FACEBOOK);
	r = &c.criteria[2].rule;
	CHECK_STR(c.criteria[2].key, "stories");
	CHECK_INT(r->kind, CK_STORIES);
	CHECK_INT(r->target, 5);
	CHECK_INT(r->min_count, 100);
	CHECK_INT(r->nyears, 3);
	CHECK_INT(r->years[0], 2019);
	CHECK_INT(r->from, DATE_NONE);
	CHECK_INT(r->channels, 1 << CH_WEBSITE | 1 << CH_FACEBOOK);
	r = &c.criteria[3].rule;
	CHECK_STR(c.criteria[3].key, "press");
	CHECK_INT(r->kind, CK_PRESS);
	CHECK_INT(r->nyears, 1);
	CHECK_INT(r->years[0], 2019);
	CHECK_STR(c.criteria[3].title, "A story in the local paper");
	CHECK_STR(c.criteria[3].title_da, "En historie i lokalavisen");
	cfg_free(&c);
}

/* A later file replaces the list whole: the next agreement's. */
static void
next_agreement(void)
{
	struct conf	 c;

	CHECK_INT(cfg_load(&c, DEFAULT, FIX("criteria.conf"), 1, err,
	    sizeof err), 0);
	CHECK(err[0] == '\0');
	CHECK_INT(c.ncriteria, 4);
	if (c.ncriteria != 4)
		return;
	CHECK_INT(c.criteria[0].rule.target, 20);
	CHECK_INT(c.criteria[0].rule.from, day(2021, 3, 1));
	CHECK_INT(c.criteria[1].rule.nyears, 2);
	CHECK_INT(c.criteria[1].rule.min_count, 500);
	CHECK_INT(c.criteria[1].rule.channels, 0);
	CHECK_STR(c.criteria[1].title_da, "Film");
	CHECK(c.criteria[0].title_da == NULL);
	/* Neither years nor a period: the goal's period. */
	CHECK_INT(c.criteria[2].rule.from, day(2017, 3, 1));
	CHECK_INT(c.criteria[2].rule.min_count, 0);
	cfg_free(&c);
}

/* Every mistake, each at its line. */
static void
bad_criteria(void)
{
	struct conf	 c;

	CHECK_INT(cfg_load(&c, DEFAULT, FIX("criteria-bad.conf"), 1, err,
	    sizeof err), -1);
	has_line(FIX("criteria-bad.conf") ":2: \"kind\" must be "
	    "\"ambassadors\", \"film\", \"stories\" or \"press\", not "
	    "\"movie\"");
	has_line(FIX("criteria-bad.conf") ":3: \"target\" must be between 1 "
	    "and 10000, not 0");
	has_line(FIX("criteria-bad.conf") ":4: \"min_likes\" is for success "
	    "stories (kind \"stories\") only");
	has_line(FIX("criteria-bad.conf") ":5: a criterion has either "
	    "\"years\" or \"from\" and \"to\", not both");
	has_line(FIX("criteria-bad.conf") ":7: the year 1800 is not one "
	    "velkomst can count (1900 to 2199)");
	has_line(FIX("criteria-bad.conf") ":7: the year 2019 is named twice");
	has_line(FIX("criteria-bad.conf") ":9: \"tiktok\" is not a channel: "
	    "write \"website\", \"facebook\" or \"other\"");
	has_line(FIX("criteria-bad.conf") ":11: unknown setting \"titel_da\" "
	    "(did you mean \"title_da\"?)");
	has_line(FIX("criteria-bad.conf") ":12: two criteria have the key "
	    "\"g\" (the first at line 11)");
	has_line(FIX("criteria-bad.conf") ":13: this criterion has no "
	    "\"target\"");
	has_line(FIX("criteria-bad.conf") ":15: criterion: \"from\" "
	    "(2020-01-01) is after \"to\" (2019-01-01)");
	has_line(FIX("criteria-bad.conf") ":16: this criterion has no "
	    "\"title\"");
	CHECK(c.criteria == NULL);
}

/* No criteria: an empty list. */
static void
no_criteria(void)
{
	struct conf	 c;
	char		 path[] = "/tmp/velkomst-cfg-crit-XXXXXX";
	int		 fd;

	if ((fd = mkstemp(path)) == -1) {
		TEST_FAIL("mkstemp");
		return;
	}
	CHECK(write(fd, "criteria = ();\n", 15) == 15);
	close(fd);
	CHECK_INT(cfg_load(&c, DEFAULT, path, 1, err, sizeof err), 0);
	CHECK_INT(c.ncriteria, 0);
	CHECK(c.criteria == NULL);
	cfg_free(&c);
	unlink(path);
}

int
main(void)
{
	RUN("cfg-criteria", default_criteria);
	RUN("cfg-criteria", next_agreement);
	RUN("cfg-criteria", bad_criteria);
	RUN("cfg-criteria", no_criteria);
	core_lang_done();
	TEST_END();
}
