/*
 * test-cli.c — the commands' one option parser and one table printer:
 * stored text made safe for a terminal and for tsv, cells fitted by
 * display columns, options and operands read by the table.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "test.h"
#include "util.h"

/* ---- safe text ---------------------------------------------------------- */

/* Control characters, direction overrides and bad bytes as text. */
static void
safe_text_table(void)
{
	static const struct {
		const char	*in, *want;
	} t[] = {
		{ "", "" },
		{ "Søren Ølgaard", "Søren Ølgaard" },
		{ "王小明", "王小明" },
		{ "a\033]0;x\007b", "a?]0;x?b" },
		{ "tab\there", "tab?here" },
		{ "line\nfeed\r", "line?feed?" },
		{ "del\177", "del?" },
		{ "csi\xc2\x9b" "31m", "csi?31m" },		/* U+009B */
		{ "rlo\xe2\x80\xae" "x", "rlo?x" },		/* U+202E */
		{ "lri\xe2\x81\xa6" "x\xe2\x81\xa9", "lri?x?" },	/* U+2066, U+2069 */
		{ "ls\xe2\x80\xa8" "x", "ls?x" },		/* U+2028 */
		{ "bad\xff" "x", "bad\xef\xbf\xbdx" },	/* not UTF-8 */
		{ "back\\slash", "back\\slash" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = cli_text_safe(t[i].in);
		CHECK_STR(s, t[i].want);
		free(s);
	}
	s = cli_text_safe(NULL);
	CHECK_STR(s, "");
	free(s);
}

/* The same as tsv fields: escapes that can be read back. */
static void
safe_tsv_table(void)
{
	static const struct {
		const char	*in, *want;
	} t[] = {
		{ "", "" },
		{ "Søren Ølgaard; 王小明", "Søren Ølgaard; 王小明" },
		{ "a\033]0;x\007b", "a\\x1b]0;x\\x07b" },
		{ "tab\there", "tab\\there" },
		{ "line\nfeed\r", "line\\nfeed\\r" },
		{ "back\\slash", "back\\\\slash" },
		{ "del\177", "del\\x7f" },
		{ "\001", "\\x01" },
		{ "csi\xc2\x9b", "csi\\xc2\\x9b" },
		{ "rlo\xe2\x80\xae", "rlo\\xe2\\x80\\xae" },
		{ "bad\xff\xfe", "bad\\xff\\xfe" },
		{ "nbsp\xc2\xa0x", "nbsp\xc2\xa0x" },	/* printable: kept */
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = cli_tsv_safe(t[i].in);
		CHECK_STR(s, t[i].want);
		free(s);
	}
}

/* ---- the table ---------------------------------------------------------- */

static const struct cli_col cols[] = {
	{ "ID", 4, CLI_COL_RIGHT },
	{ "Name", 8, 0 },
	{ "Rest", 0, 0 },
};

/* A text table: fitted by columns, "…" where cut, the last cell whole. */
static void
table_text(void)
{
	struct cli_table	 t;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&buf, &len);

	cli_table_init(&t, f, 0, CLI_COLS(cols), NULL, 0);
	cli_table_header(&t);
	cli_table_cellf(&t, "%d", 7);
	cli_table_cell(&t, "Åse");
	cli_table_cell(&t, "whole\033 line");
	cli_table_end(&t);
	cli_table_cellf(&t, "%d", 123456);
	cli_table_cell(&t, "王小明王小明");
	cli_table_cell(&t, NULL);
	cli_table_end(&t);
	cli_table_cell(&t, "1");
	cli_table_cell(&t, "Abcdefghij");
	cli_table_cell(&t, "x");
	cli_table_end(&t);
	fclose(f);
	CHECK_STR(buf,
	    "  ID  Name      Rest\n"
	    "   7  Åse       whole? line\n"
	    "123…  王小明…   \n"
	    "   1  Abcdefg…  x\n");
	CHECK_INT(t.rows, 3);
	cli_table_free(&t);
	free(buf);
}

/* A column widened to its longest cell is never cut. */
static void
table_widen(void)
{
	struct cli_table	 t;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&buf, &len);

	cli_table_init(&t, f, 0, CLI_COLS(cols), NULL, 0);
	cli_table_widen(&t, 1, "Abcdefghij");
	cli_table_widen(&t, 1, "short");
	cli_table_cell(&t, "1");
	cli_table_cell(&t, "Abcdefghij");
	cli_table_cell(&t, "x");
	cli_table_end(&t);
	fclose(f);
	CHECK_STR(buf, "   1  Abcdefghij  x\n");
	cli_table_free(&t);
	free(buf);
}

/* A tsv table: names as they are, cells whole and escaped. */
static void
table_tsv(void)
{
	static const struct cli_col tc[] = {
		{ "id", 0, 0 }, { "name", 0, 0 }, { "note", 0, 0 },
	};
	struct cli_table	 t;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&buf, &len);

	cli_table_init(&t, f, 1, NULL, 0, CLI_COLS(tc));
	cli_table_header(&t);
	cli_table_cellf(&t, "%d", 1);
	cli_table_cell(&t, "王小明王小明王小明 is long");
	cli_table_cell(&t, "a\tb\nc");
	cli_table_end(&t);
	cli_table_cell(&t, "2");
	cli_table_cell(&t, NULL);
	cli_table_cell(&t, "");
	cli_table_end(&t);
	fclose(f);
	CHECK_STR(buf, "id\tname\tnote\n"
	    "1\t王小明王小明王小明 is long\ta\\tb\\nc\n"
	    "2\t\t\n");
	cli_table_free(&t);
	free(buf);
}

/* ---- options ------------------------------------------------------------ */

/* What the test command's options stored. */
struct opts_seen {
	const char	*search;
	const char	*to;
	int		 tsv;
	int		 yes;
	long		 day;
};

/* Parse argv (NULL-terminated) as the test command; the exit code. */
static int
opts_parse(struct opts_seen *o, char **operand, const char **words)
{
	const struct cli_opt	 opts[] = {
		{ "search", 's', "TEXT", cli_set_string, &o->search, 0, "" },
		{ "to", 0, "X", cli_set_string, &o->to, CLI_OPT_REQUIRED, "" },
		{ "yes", 'y', NULL, cli_set_flag, &o->yes, 0, "" },
		{ "since", 0, "DATE", cli_set_date, &o->day, 0, "" },
		CLI_OPT_FORMAT(&o->tsv),
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "test", "A [B]", 1, 2, opts, NULL };
	char			*argv[16];
	int			 argc = 0;

	memset(o, 0, sizeof *o);
	operand[0] = operand[1] = NULL;
	argv[argc++] = (char *)"test";
	while (*words != NULL && argc < 15)
		argv[argc++] = (char *)*words++;
	argv[argc] = NULL;
	return cli_args(NULL, &cmd, argc, argv, operand);
}

/* Options anywhere, in every form; operands in order. */
static void
opts_forms(void)
{
	const char	*w1[] = { "a", "--search", "x y", "--to=t", "b",
			    "-y", "--format", "tsv", NULL };
	const char	*w2[] = { "-sfoo", "--to", "--yes", "--", "-y", NULL };
	const char	*w3[] = { "-ys", "bar", "--to", "", "one",
			    "--since", "28.11.2026", NULL };
	struct opts_seen o;
	char		*op[2];
	long		 day;

	CHECK_INT(opts_parse(&o, op, w1), -1);
	CHECK_STR(o.search, "x y");
	CHECK_STR(o.to, "t");
	CHECK_INT(o.yes, 1);
	CHECK_INT(o.tsv, 1);
	CHECK_STR(op[0], "a");
	CHECK_STR(op[1], "b");
	CHECK_INT(opts_parse(&o, op, w2), -1);
	CHECK_STR(o.search, "foo");
	CHECK_STR(o.to, "--yes");	/* a value may start with "-" */
	CHECK_INT(o.yes, 0);
	CHECK_STR(op[0], "-y");		/* after "--": a word */
	CHECK_INT(opts_parse(&o, op, w3), -1);
	CHECK_INT(o.yes, 1);
	CHECK_STR(o.search, "bar");
	CHECK_STR(o.to, "");
	CHECK_STR(op[0], "one");
	CHECK(op[1] == NULL);
	CHECK_INT(util_date_make(2026, 11, 28, &day), 0);
	CHECK_INT(o.day, day);
}

/* Wrong use is 2, whatever is wrong. */
static void
opts_wrong(void)
{
	static const char *const bad[][6] = {
		{ "a", "--to", "t", "--nope", NULL },	/* unknown */
		{ "a", "--to", "t", "-q", NULL },	/* unknown short */
		{ "a", "--to", NULL },			/* no value */
		{ "a", "--to", "t", "--search", NULL },	/* no value */
		{ "a", "--to", "t", "--yes=1", NULL },	/* a value too many */
		{ "a", NULL },				/* --to missing */
		{ "--to", "t", NULL },			/* no operand */
		{ "a", "b", "c", "--to", "t", NULL },	/* one too many */
		{ "a", "--to", "t", "--format", "csv", NULL },	/* refused */
		{ "a", "--to", "t", "--since", "31.02.2026", NULL },
	};
	struct opts_seen o;
	char		*op[2];
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (opts_parse(&o, op, (const char **)bad[i]) != 2)
			TEST_FAIL("case %zu is not wrong use", i);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	RUN("cli", safe_text_table);
	RUN("cli", safe_tsv_table);
	RUN("cli", table_text);
	RUN("cli", table_widen);
	RUN("cli", table_tsv);
	RUN("cli", opts_forms);
	RUN("cli", opts_wrong);
	TEST_END();
}
