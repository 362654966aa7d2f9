/*
 * test-import.c — the move-in list reader (core-import.c): encodings,
 * delimiters, quotes, headers, the checks of a row; the fuzzer's corpus
 * (tests/fuzz/corpus/) replayed through its harness with ASan/UBSan.
 */
#include <dirent.h>
#include <stdint.h>

#include "test.h"

#include "cfg.h"
#include "core.h"
#include "import.h"
#include "util.h"

#include "../fuzz/fuzz-import.c"

/* Parse the text s with the shipped places. */
static void
parse(const char *s, size_t len, enum import_encoding e, int d,
    struct import *imp)
{
	import_parse(s, len, e, d, fuzz_conf(), imp);
}
#define PARSE(s, imp)	parse((s), sizeof (s) - 1, IMPORT_ENC_AUTO, 0, (imp))

static void
excel_bom_crlf(void)
{
	struct import	 imp;

	PARSE("\xef\xbb\xbf" "AFDELING;Opgang;Lejlighed;Indflytning;Navn 1;"
	    "Navn 2;\r\n605;Opgang 1;st. tv.;01-06-2019;A B;\"C\r\nD\";\r\n"
	    "\r\n", &imp);
	CHECK(imp.error == NULL);
	CHECK_INT(imp.encoding, IMPORT_ENC_UTF8);
	CHECK_INT(imp.delimiter, ';');
	CHECK_INT(imp.nrows, 1);
	CHECK_INT(imp.refused, 0);
	if (imp.nrows == 1) {
		CHECK_STR(imp.rows[0].department, "605");
		CHECK_INT(imp.rows[0].nnames, 2);
		CHECK_STR(imp.rows[0].names[1], "C D");
		CHECK_INT(imp.rows[0].row, 2);
	}
	import_free(&imp);
}

static void
cp1252_comma(void)
{
	struct import	 imp;

	PARSE("department,stairwell,flat,moved_in,names\n"
	    "605,Opgang 1,1. tv.,1/6/2019,S\xf8ren \xc6\xe5\n", &imp);
	CHECK(imp.error == NULL);
	CHECK_INT(imp.encoding, IMPORT_ENC_CP1252);
	CHECK_INT(imp.delimiter, ',');
	if (imp.nrows == 1)
		CHECK_STR(imp.rows[0].names[0], "Søren Æå");
	import_free(&imp);
}

static void
bad_rows(void)
{
	struct import	 imp;
	size_t		 first, n;

	PARSE("afdeling\topgang\tlejlighed\tindflytning\tnavne\tsprog\ttolk\n"
	    "nope\tOpgang 1\t1. tv.\t2019-06-01\tA\t\t\n"
	    "605\tOpgang 1\t1. tv.\t2019-02-30\tA\t\tmaybe\n"
	    "605\tOpgang 1\t1. tv.\t2019-06-01\t0101901234\t\t\n"
	    "605\tOpgang 1\t1. tv.\t2019-06-01\tA\t\tja\textra\n", &imp);
	CHECK(imp.error == NULL);
	CHECK_INT(imp.delimiter, '\t');
	CHECK_INT(imp.nrows, 4);
	CHECK_INT(imp.refused, 4);
	n = import_row_problems(&imp, 3, &first);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(imp.problems[first].column, "indflytning");
		CHECK_STR(imp.problems[first + 1].column, "tolk");
	}
	n = import_row_problems(&imp, 5, &first);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK(imp.problems[first].column == NULL);
	import_free(&imp);
}

static void
repeats(void)
{
	struct import	 imp;

	PARSE("afdeling;opgang;lejlighed;indflytning;navne\n"
	    "605;Opgang 1;1. tv.;01.06.2019;A\n"
	    "605;Opgang 1;1. TV.;01-06-2019;B\n"
	    "605;Opgang 1;1. tv.;02-06-2019;C\n", &imp);
	import_mark_repeats(&imp);
	CHECK_INT(imp.rows[0].fate, IMPORT_ADD);
	CHECK_INT(imp.rows[1].fate, IMPORT_DUPLICATE);
	CHECK_INT(imp.rows[1].duplicate_row, 2);
	CHECK_INT(imp.rows[2].fate, IMPORT_ADD);
	import_free(&imp);
}

static void
headers(void)
{
	struct import	 imp;

	PARSE("foo;bar\n1;2\n", &imp);
	CHECK(imp.error != NULL);
	CHECK_INT(imp.nrows, 0);
	import_free(&imp);
	PARSE("Afdeling;Afdeling;lejlighed;indflytning;navne\n", &imp);
	CHECK(imp.error != NULL);
	import_free(&imp);
	PARSE("", &imp);
	CHECK(imp.error != NULL);
	import_free(&imp);
	PARSE("department;flat;moved_in;names;id;moved_out;state;x\n", &imp);
	CHECK(imp.error == NULL);
	CHECK_INT(imp.nunknown, 1);
	import_free(&imp);
	parse("a\0b", 3, IMPORT_ENC_AUTO, 0, &imp);
	CHECK(imp.error != NULL);
	import_free(&imp);
}

static void
options(void)
{
	enum import_encoding e;

	CHECK_INT(import_delimiter_parse("tab"), '\t');
	CHECK_INT(import_delimiter_parse(";"), ';');
	CHECK_INT(import_delimiter_parse("|"), -1);
	CHECK_INT(import_encoding_parse("CP1252", &e), 0);
	CHECK_INT(e, IMPORT_ENC_CP1252);
	CHECK_INT(import_encoding_parse("ebcdic", &e), -1);
}

/* Every file of the fuzzer's corpus through the harness. */
static void
corpus(void)
{
	DIR		*d;
	struct dirent	*e;
	char		*path, *buf;
	size_t		 len, n = 0;

	if ((d = opendir("tests/fuzz/corpus")) == NULL) {
		TEST_FAIL("tests/fuzz/corpus: cannot open");
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("tests/fuzz/corpus/%s", e->d_name);
		if (util_read_file(path, 1 << 24, &buf, &len) == 0) {
			LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
			free(buf);
			n++;
		}
		free(path);
	}
	closedir(d);
	CHECK(n >= 5);
}

int
main(void)
{
	setenv("VELKOMST_TODAY", "2019-06-01", 1);
	{ const char *bad; util_today_init(&bad); }
	RUN("import", excel_bom_crlf);
	RUN("import", cp1252_comma);
	RUN("import", bad_rows);
	RUN("import", repeats);
	RUN("import", headers);
	RUN("import", options);
	RUN("import", corpus);
	cfg_free((struct conf *)(uintptr_t)fuzz_conf());
	core_lang_done();
	TEST_END();
}
