/*
 * test-export.c — the csv field (util-csv.c) and the export writer's
 * bytes (export.c): csv, csv for Danish Excel, tsv.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "test.h"
#include "util.h"

/* One field, quoted only when it must be. */
static void
csv_field(void)
{
	static const struct {
		const char	*in;
		int		 delim;
		const char	*out;
	} t[] = {
		{ "Søren Hansen", ',', "Søren Hansen" },
		{ "", ',', "" },
		{ "a,b", ',', "\"a,b\"" },
		{ "a,b", ';', "a,b" },
		{ "a;b", ';', "\"a;b\"" },
		{ "a;b", ',', "a;b" },
		{ "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
		{ "\"", ';', "\"\"\"\"" },
		{ "two\nlines", ',', "\"two\nlines\"" },
		{ "cr\rhere", ';', "\"cr\rhere\"" },
		{ "tab\there", ',', "tab\there" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = util_csv_field(t[i].in, t[i].delim);
		CHECK_STR(s, t[i].out);
		CHECK_INT(util_csv_quoted(t[i].in, t[i].delim),
		    strcmp(t[i].in, t[i].out) != 0);
		free(s);
	}
	s = util_csv_field(NULL, ',');
	CHECK_STR(s, "");
	free(s);
}

/* A small table written as format: a new string. */
static char *
write_table(enum export_format format)
{
	struct export_out	 o;
	char			*buf = NULL, err[128];
	size_t			 len = 0;
	FILE			*f;
	long			 day;

	f = open_memstream(&buf, &len);
	export_out_init(&o, format, f);
	export_sheet(&o, "t");
	export_head(&o, "name 1");
	export_head(&o, "moved_in");
	export_head(&o, "id");
	export_end(&o);
	util_date_make(2019, 6, 1, &day);
	export_text(&o, "Ana; \"Bo\"\nCy");
	export_date(&o, day);
	export_number(&o, 7);
	export_end(&o);
	export_text(&o, NULL);
	export_date(&o, DATE_NONE);
	export_number(&o, -1);
	export_end(&o);
	CHECK_INT(o.rows, 2);
	CHECK_INT(export_out_close(&o, "memory", err, sizeof err), 0);
	fclose(f);
	return buf;
}

/* The bytes of each format. */
static void
writer_bytes(void)
{
	char	*s;

	s = write_table(EXPORT_CSV);
	CHECK_STR(s, "name 1,moved_in,id\r\n"
	    "\"Ana; \"\"Bo\"\"\nCy\",2019-06-01,7\r\n"
	    ",,-1\r\n");
	free(s);
	s = write_table(EXPORT_EXCEL);
	CHECK_STR(s, "\xef\xbb\xbfname 1;moved_in;id\r\n"
	    "\"Ana; \"\"Bo\"\"\nCy\";01-06-2019;7\r\n"
	    ";;-1\r\n");
	free(s);
	s = write_table(EXPORT_TSV);
	CHECK_STR(s, "name 1\tmoved_in\tid\n"
	    "Ana; \"Bo\"\\nCy\t2019-06-01\t7\n"
	    "\t\t-1\n");
	free(s);
	s = write_table(EXPORT_COUNT);
	CHECK_STR(s, "");
	free(s);
}

/* The names of tables and formats, and the audit row. */
static void
names(void)
{
	struct export_ask	 a;
	char			*d;

	CHECK_INT(export_table_parse("households"), EXPORT_HOUSEHOLDS);
	CHECK_INT(export_table_parse("secretariat"), EXPORT_FLAGGED);
	CHECK_INT(export_table_parse("goal"), EXPORT_GOAL);
	CHECK_INT(export_table_parse("Households"), -1);
	CHECK_STR(export_format_name(EXPORT_EXCEL), "excel");
	memset(&a, 0, sizeof a);
	a.table = EXPORT_OVERDUE;
	d = export_audit_detail(&a, EXPORT_XLSX, 1);
	CHECK_STR(d, "overdue xlsx 1 row");
	free(d);
	d = export_audit_detail(&a, EXPORT_CSV, 30);
	CHECK_STR(d, "overdue csv 30 rows");
	free(d);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	RUN("export", csv_field);
	RUN("export", writer_bytes);
	RUN("export", names);
	TEST_END();
}
