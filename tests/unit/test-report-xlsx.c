/*
 * test-report-xlsx.c — the report as a workbook (report-xlsx.c): a
 * report filled by hand is written, then read back with unzip(1): the
 * sheets and their names, numbers as numbers (a median of 7.5 stays 7.5,
 * none is an empty cell), per cents as fractions, months as real dates,
 * the header frozen, the chart of the months, the file 0600 under umask
 * 077; in Danish the sheet names and the checklist's Danish titles; a
 * path that cannot be written gives a sentence naming it and leaves no
 * file, and neither does a workbook the library refuses.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "report.h"
#include "util.h"
#include "test.h"

static char	 tmpdir[] = "/tmp/velkomst-test-report-xlsx-XXXXXX";

static char	*departments[] = { "605", "Rheumpark", "tm13" };
static struct report_figures by_department[3];
static struct report_item items[2], rest_items[1];

/* Day number of y-m-d. */
static long
day(int y, int m, int d)
{
	long	 out = DATE_NONE;

	util_date_make(y, m, d, &out);
	return out;
}

/* The report of 2018, closed: 605 with figures, Rheumpark with none,
 * pilots named, three months, two checklist items. */
static void
fixture(struct report *r)
{
	memset(r, 0, sizeof *r);
	memset(by_department, 0, sizeof by_department);
	r->period.kind = RK_YEAR;
	r->period.number = 2018;
	r->period.from = day(2018, 1, 1);
	r->period.to = day(2018, 12, 31);
	r->period.cutoff = day(2019, 1, 14);
	r->closed = 1;
	r->closed_on = day(2019, 2, 1);
	r->deadline = 14;
	r->goal = 15;
	r->department = -1;
	r->departments = departments;
	r->ndepartments = 2;
	r->by_department = by_department;
	by_department[0] = (struct report_figures){ .moved_in = 4,
	    .welcomed = 3, .in_time = 2, .partly = 1, .median2 = 15,
	    .referred = 1, .followed_up = 1, .referrals = { 1, 0, 0, 1 },
	    .recruited = 2, .active_at_end = 3, .cumulative = 5,
	    .stairwells = 4, .covered = 3 };
	by_department[1] = (struct report_figures){ .median2 = -1,
	    .stairwells = 2 };
	by_department[2] = by_department[1];
	r->total = by_department[0];
	r->total.stairwells = 6;
	r->has_pilots = 1;
	r->pilots = by_department[0];
	r->others = by_department[1];
	items[0] = (struct report_item){ .key = "laundry",
	    .title = "The laundry", .title_da = "Vaskeriet", .done = 3,
	    .not_relevant = 1, .department = -1 };
	items[1] = (struct report_item){ .key = "waste",
	    .title = "Waste sorting", .done = 2, .later = 2,
	    .department = 1 };
	r->total.items = items;
	r->total.nitems = 2;
	r->nmonths = 3;
	r->months[0] = (struct report_figures){ .moved_in = 2, .welcomed = 2,
	    .in_time = 1, .median2 = 15 };
	r->months[1] = (struct report_figures){ .median2 = -1 };
	r->months[2] = (struct report_figures){ .moved_in = 2, .welcomed = 1,
	    .in_time = 1, .median2 = 4 };
}

/* A member of the zip file, as unzip -p gives it (xmalloc'd; "" when
 * it has no such member). */
static char *
member(const char *file, const char *name)
{
	char	*cmd, *out = NULL;
	size_t	 len = 0, cap = 0, n;
	FILE	*p;

	cmd = xasprintf("unzip -p '%s' '%s' 2>/dev/null", file, name);
	if ((p = popen(cmd, "r")) == NULL) {
		TEST_FAIL("popen %s", cmd);
		free(cmd);
		return xstrdup("");
	}
	do {
		if (cap - len < 4097)
			out = xrealloc(out, cap += 65536);
		n = fread(out + len, 1, cap - len - 1, p);
		len += n;
	} while (n > 0);
	out[len] = '\0';
	pclose(p);
	free(cmd);
	return out;
}

/* The n-th (from 0) shared string, or NULL. */
static char *
shared(const char *sst, long n)
{
	const char	*s = sst, *t, *e;

	for (; (s = strstr(s, "<si>")) != NULL; s += 4)
		if (n-- == 0) {
			if ((t = strstr(s, "<t")) == NULL ||
			    (t = strchr(t, '>')) == NULL ||
			    (e = strstr(t, "</t>")) == NULL)
				return NULL;
			return xstrndup(t + 1, (size_t)(e - t - 1));
		}
	return NULL;
}

/* What cell ref of a sheet holds: its number, its shared string, or
 * NULL when the sheet has no such cell or it has no value. */
static char *
cell(const char *sheet, const char *sst, const char *ref)
{
	char		*key = xasprintf("<c r=\"%s\"", ref);
	const char	*c, *end, *v, *ve;
	char		*val;
	int		 str;

	c = strstr(sheet, key);
	free(key);
	if (c == NULL || (end = strstr(c, "</c>")) == NULL ||
	    ((v = strstr(c, "/>")) != NULL && v < end))
		return NULL;
	str = strstr(c, "t=\"s\"") != NULL && strstr(c, "t=\"s\"") < end;
	if ((v = strstr(c, "<v>")) == NULL || v > end ||
	    (ve = strstr(v, "</v>")) == NULL)
		return NULL;
	val = xstrndup(v + 3, (size_t)(ve - v - 3));
	if (str) {
		char *s = shared(sst, strtol(val, NULL, 10));

		free(val);
		return s;
	}
	return val;
}

/* Check cell ref holds want (NULL: empty). */
#define CHECK_CELL(sheet, sst, ref, want) do {				\
	char *got_ = cell((sheet), (sst), (ref));			\
	CHECK_STR(got_, (want));					\
	free(got_);							\
} while (0)

/* The English workbook: sheets, values, formats, mode. */
static void
english(void)
{
	struct report	 r;
	struct stat	 st;
	char		 err[512] = "";
	char		*path = xasprintf("%s/en.xlsx", tmpdir);
	char		*wb, *sst, *dep, *chk, *mon, *amb, *about, *chart;
	char		*styles;

	fixture(&r);
	i18n_use("en");
	if (report_xlsx_write(&r, path, err, sizeof err) != 0) {
		TEST_FAIL("report_xlsx_write: %s", err);
		free(path);
		return;
	}
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	wb = member(path, "xl/workbook.xml");
	sst = member(path, "xl/sharedStrings.xml");
	about = member(path, "xl/worksheets/sheet1.xml");
	dep = member(path, "xl/worksheets/sheet2.xml");
	chk = member(path, "xl/worksheets/sheet3.xml");
	mon = member(path, "xl/worksheets/sheet4.xml");
	amb = member(path, "xl/worksheets/sheet5.xml");
	chart = member(path, "xl/charts/chart1.xml");
	styles = member(path, "xl/styles.xml");
	CHECK(strstr(wb, "name=\"About\"") != NULL);
	CHECK(strstr(wb, "name=\"Departments\"") != NULL);
	CHECK(strstr(wb, "name=\"Checklist\"") != NULL);
	CHECK(strstr(wb, "name=\"Months\"") != NULL);
	CHECK(strstr(wb, "name=\"Ambassadors\"") != NULL);
	CHECK(strstr(wb, "name=\"Chart\"") != NULL);
	/* The period: real dates (2018-01-01 is Excel's day 43101). */
	CHECK_CELL(about, sst, "B1", "Calendar year 2018");
	CHECK_CELL(about, sst, "B2", "43101");
	CHECK_CELL(about, sst, "B5", "43479");
	CHECK_CELL(about, sst, "B6",
	    "Closed: these figures do not change any more.");
	CHECK_CELL(about, sst, "B7", "43497");	/* kept on 1.2.2019 */
	CHECK(strstr(styles, "formatCode=\"dd.mm.yyyy\"") != NULL);
	/* The departments: header, numbers, per cents, medians. */
	CHECK_CELL(dep, sst, "A1", "Department");
	CHECK_CELL(dep, sst, "A2", "605");
	CHECK_CELL(dep, sst, "A3", "Rheumpark");
	CHECK_CELL(dep, sst, "A4", "Total");
	CHECK_CELL(dep, sst, "A5", "Pilot departments");
	CHECK_CELL(dep, sst, "A6", "Other departments");
	CHECK(cell(dep, sst, "A7") == NULL);
	CHECK_CELL(dep, sst, "B2", "4");
	CHECK_CELL(dep, sst, "D2", "0.75");
	CHECK_CELL(dep, sst, "F2", "0.5");
	CHECK(strstr(styles, "formatCode=\"0%\"") != NULL);
	CHECK_CELL(dep, sst, "G2", "7.5");
	CHECK_CELL(dep, sst, "G3", NULL);	/* nobody welcomed */
	CHECK_CELL(dep, sst, "D3", NULL);	/* nobody moved in */
	CHECK_CELL(dep, sst, "B3", "0");
	CHECK_CELL(dep, sst, "P2", "1");	/* not reached in time */
	CHECK(strstr(dep, "ySplit=\"1\"") != NULL &&
	    strstr(dep, "state=\"frozen\"") != NULL);
	CHECK(strstr(dep, "<col ") != NULL);
	/* The checklist. */
	CHECK_CELL(chk, sst, "A2", "The laundry");
	CHECK_CELL(chk, sst, "B2", "3");
	CHECK_CELL(chk, sst, "E2", "0.75");
	CHECK_CELL(chk, sst, "G3", "0.5");
	CHECK_CELL(chk, sst, "H2", NULL);	/* every department's */
	CHECK_CELL(chk, sst, "H3", "Rheumpark");
	CHECK_CELL(chk, sst, "I1", NULL);	/* not an evaluation */
	CHECK(strstr(sst, "Others, average") == NULL);
	/* The months: real dates, numbers, an empty median. */
	CHECK_CELL(mon, sst, "A2", "43101");
	CHECK_CELL(mon, sst, "A4", "43160");
	CHECK_CELL(mon, sst, "E2", "7.5");
	CHECK_CELL(mon, sst, "E3", NULL);
	CHECK_CELL(mon, sst, "E4", "2");
	CHECK(cell(mon, sst, "A5") == NULL);
	CHECK(strstr(styles, "mmm yyyy") != NULL);
	/* The ambassadors: the goal on the total's row only. */
	CHECK_CELL(amb, sst, "E2", "5");
	CHECK_CELL(amb, sst, "F2", NULL);
	CHECK_CELL(amb, sst, "F4", "15");
	CHECK_CELL(amb, sst, "I4", "0.5");
	/* The chart: columns of moved in and welcomed, by month. */
	CHECK(strstr(chart, "<c:barChart>") != NULL);
	CHECK(strstr(chart, "Months!$A$2:$A$4") != NULL);
	CHECK(strstr(chart, "Months!$B$2:$B$4") != NULL);
	CHECK(strstr(chart, "Months!$C$2:$C$4") != NULL);
	free(wb); free(sst); free(about); free(dep); free(chk); free(mon);
	free(amb); free(chart); free(styles);
	unlink(path);
	free(path);
}

/* A department's evaluation: the department and the others' average
 * (their counts divided by their number, per cents and median of them
 * together), its items with the others' done per cent. */
static void
evaluation(void)
{
	struct report	 r;
	char		 err[512] = "";
	char		*path = xasprintf("%s/eval.xlsx", tmpdir);
	char		*sst, *about, *dep, *chk, *amb;

	fixture(&r);
	r.ndepartments = 3;
	r.department = 0;
	r.by_department[0].items = items;
	r.by_department[0].nitems = 2;
	r.rest = (struct report_figures){ .moved_in = 7, .welcomed = 3,
	    .in_time = 2, .median2 = 9, .stairwells = 4, .covered = 1 };
	rest_items[0] = (struct report_item){ .key = "laundry",
	    .title = "The laundry", .done = 1, .not_relevant = 1,
	    .department = -1 };
	r.rest.items = rest_items;
	r.rest.nitems = 1;
	i18n_use("en");
	if (report_xlsx_write(&r, path, err, sizeof err) != 0)
		TEST_FAIL("report_xlsx_write: %s", err);
	sst = member(path, "xl/sharedStrings.xml");
	about = member(path, "xl/worksheets/sheet1.xml");
	dep = member(path, "xl/worksheets/sheet2.xml");
	chk = member(path, "xl/worksheets/sheet3.xml");
	amb = member(path, "xl/worksheets/sheet5.xml");
	CHECK_CELL(about, sst, "A8", "Department");
	CHECK_CELL(about, sst, "B8", "605");
	CHECK_CELL(about, sst, "A9", "Others, average");
	CHECK_CELL(about, sst, "B10", "15");
	CHECK_CELL(dep, sst, "A2", "605");
	CHECK_CELL(dep, sst, "B2", "4");
	CHECK_CELL(dep, sst, "A3", "Others, average");
	CHECK_CELL(dep, sst, "B3", "3.5");	/* 7 in 2 departments */
	CHECK_CELL(dep, sst, "E3", "1");
	CHECK_CELL(dep, sst, "F3", "0.2857142857142857");	/* 2 of 7 */
	CHECK_CELL(dep, sst, "G3", "4.5");
	CHECK_CELL(dep, sst, "A4", NULL);	/* no total */
	CHECK_CELL(chk, sst, "I1", "Per cent done, others");
	CHECK_CELL(chk, sst, "I2", "0.5");
	CHECK_CELL(chk, sst, "I3", NULL);	/* the others have none */
	CHECK_CELL(amb, sst, "H3", "0.5");
	CHECK_CELL(amb, sst, "I3", "0.25");
	CHECK_CELL(amb, sst, "F2", NULL);
	free(sst);
	free(about);
	free(dep);
	free(chk);
	free(amb);
	unlink(path);
	free(path);
}

/* The About sheet's state of a report of 2018 that was not kept, on
 * day today (xmalloc'd, or NULL). */
static char *
state_on(long today)
{
	struct report	 r;
	char		 err[512] = "";
	char		*path = xasprintf("%s/state.xlsx", tmpdir);
	char		*sst, *about, *state;

	fixture(&r);
	r.closed = 0;
	r.closed_on = DATE_NONE;
	util_today_set(today);
	if (report_xlsx_write(&r, path, err, sizeof err) != 0)
		TEST_FAIL("report_xlsx_write: %s", err);
	util_today_set(DATE_NONE);
	sst = member(path, "xl/sharedStrings.xml");
	about = member(path, "xl/worksheets/sheet1.xml");
	state = cell(about, sst, "B6");
	CHECK_CELL(about, sst, "A7", "Recruitment goal (ambassadors)");
	free(sst);
	free(about);
	unlink(path);
	free(path);
	return state;
}

/* Open before the cut-off has passed; after it, not kept says so. */
static void
state(void)
{
	char	*s;

	i18n_use("en");
	s = state_on(day(2019, 1, 14));
	CHECK(s != NULL && strncmp(s, "Open: ", 6) == 0);
	free(s);
	s = state_on(day(2019, 1, 15));
	CHECK(s != NULL && strncmp(s, "The cut-off has passed, but ", 28) ==
	    0);
	free(s);
}

/* A catalogue with the few Danish words the test reads, compiled into
 * tmpdir/locale; 0 or -1. */
static int
catalogue(void)
{
	char	*po = xasprintf("%s/da.po", tmpdir), *cmd;
	FILE	*f;
	int	 rc;

	if ((f = fopen(po, "w")) == NULL) {
		free(po);
		return -1;
	}
	fputs("msgid \"\"\nmsgstr \"Content-Type: text/plain; "
	    "charset=UTF-8\\n\"\n\n"
	    "msgid \"Departments\"\nmsgstr \"Afdelinger\"\n\n"
	    "msgid \"Months\"\nmsgstr \"Måneder\"\n\n"
	    "msgid \"Total\"\nmsgstr \"I alt\"\n", f);
	fclose(f);
	cmd = xasprintf("mkdir -p '%s/locale/da/LC_MESSAGES' && msgfmt -o "
	    "'%s/locale/da/LC_MESSAGES/velkomst.mo' '%s'", tmpdir, tmpdir,
	    po);
	rc = system(cmd);
	free(cmd);
	free(po);
	return rc == 0 ? 0 : -1;
}

/* In Danish: the sheets' names, the checklist's Danish titles (English
 * where an item has none), the month in Danish style, and the chart
 * finds its data on a sheet whose name needs quoting. */
static void
danish(void)
{
	struct report	 r;
	char		 err[512] = "";
	char		*path = xasprintf("%s/da.xlsx", tmpdir);
	char		*dir = xasprintf("%s/locale", tmpdir);
	char		*wb, *sst, *dep, *chk, *chart, *styles;

	if (catalogue() != 0) {
		TEST_FAIL("msgfmt could not make the test catalogue");
		free(path);
		free(dir);
		return;
	}
	setenv("VELKOMST_LOCALEDIR", dir, 1);
	i18n_init();
	i18n_use("da");
	fixture(&r);
	if (report_xlsx_write(&r, path, err, sizeof err) != 0)
		TEST_FAIL("report_xlsx_write: %s", err);
	i18n_use("en");
	wb = member(path, "xl/workbook.xml");
	sst = member(path, "xl/sharedStrings.xml");
	dep = member(path, "xl/worksheets/sheet2.xml");
	chk = member(path, "xl/worksheets/sheet3.xml");
	chart = member(path, "xl/charts/chart1.xml");
	styles = member(path, "xl/styles.xml");
	CHECK(strstr(wb, "name=\"Afdelinger\"") != NULL);
	CHECK(strstr(wb, "name=\"Måneder\"") != NULL);
	CHECK_CELL(dep, sst, "A4", "I alt");
	CHECK_CELL(chk, sst, "A2", "Vaskeriet");
	CHECK_CELL(chk, sst, "A3", "Waste sorting");
	CHECK(strstr(styles, "[$-406]mmm yyyy") != NULL);
	CHECK(strstr(chart, "'Måneder'!$B$2:$B$4") != NULL);
	free(wb); free(sst); free(dep); free(chk); free(chart); free(styles);
	unlink(path);
	free(path);
	free(dir);
}

/* A folder that is not there, and a folder as the file: a sentence
 * naming the file, and no file. */
static void
unwritable(void)
{
	struct report	 r;
	char		 err[512] = "";
	char		*path = xasprintf("%s/no-such-folder/r.xlsx", tmpdir);

	fixture(&r);
	i18n_use("en");
	CHECK_INT(report_xlsx_write(&r, path, err, sizeof err), -1);
	CHECK(strstr(err, path) != NULL);
	CHECK(strncmp(err, "The report could not be written to ", 35) == 0);
	CHECK(access(path, F_OK) == -1);
	err[0] = '\0';
	CHECK_INT(report_xlsx_write(&r, tmpdir, err, sizeof err), -1);
	CHECK(strstr(err, tmpdir) != NULL);
	free(path);
}

/* A workbook the library refuses (a title longer than a cell may
 * hold): a sentence, and the file it had begun is gone. */
static void
refused(void)
{
	struct report	 r;
	struct report_item long_item[1];
	char		 err[512] = "";
	char		*path = xasprintf("%s/refused.xlsx", tmpdir);
	char		*title = xmalloc(40000);

	memset(title, 'x', 39999);
	title[39999] = '\0';
	fixture(&r);
	long_item[0] = (struct report_item){ .key = "long", .title = title,
	    .done = 1, .department = -1 };
	r.total.items = long_item;
	r.total.nitems = 1;
	i18n_use("en");
	CHECK_INT(report_xlsx_write(&r, path, err, sizeof err), -1);
	CHECK(strstr(err, path) != NULL);
	CHECK(access(path, F_OK) == -1);
	free(title);
	free(path);
}

int
main(void)
{
	char	*cmd;

	umask(077);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	unsetenv("LANGUAGE");
	i18n_init();
	RUN("report-xlsx", english);
	RUN("report-xlsx", evaluation);
	RUN("report-xlsx", state);
	RUN("report-xlsx", danish);
	RUN("report-xlsx", unwritable);
	RUN("report-xlsx", refused);
	if (test_failures == 0) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
		free(cmd);
	} else
		fprintf(stderr, "evidence kept in %s\n", tmpdir);
	TEST_END();
}
