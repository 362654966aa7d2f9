/*
 * cli-args.c — the one option parser of the commands.  A command gives a
 * table of its options (struct cli_opt) and how many operands it takes
 * (struct cli_cmd); cli_args reads the words, calls each option's setter,
 * and says the same thing about a wrong word whatever the command.  The
 * usage line and --help are made from the same table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "i18n.h"
#include "util.h"

#define ARGS_HELP_COLS	24	/* where the help of an option starts */
#define ARGS_LINE	79	/* --help wraps its lines before this column */

const char cli_help_format[] = N_("text: a table to read (the default); "
    "tsv: tab-separated lines for scripts and spreadsheets");
const char cli_help_password_stdin[] = N_("read the password (or PIN) from "
    "standard input: a line, and the same again on a second line (or no "
    "second line)");

/* What parsing has seen so far. */
struct args_state {
	const struct cli	*cli;
	const struct cli_cmd	*cmd;
	char			**operand;
	int			 noperands;
	unsigned char		 seen[64];	/* per option: given */
};

/* How many options cmd has (it ends with { NULL }). */
static size_t
args_nopts(const struct cli_cmd *cmd)
{
	size_t	n = 0;

	while (cmd->opts != NULL && cmd->opts[n].name != NULL)
		n++;
	return n;
}

/* "--name ARG" (or "--name") of opt, as a new string. */
static char *
args_synopsis(const struct cli_opt *opt)
{
	if (opt->arg == NULL)
		return xasprintf("--%s", opt->name);
	return xasprintf("--%s %s", opt->name, opt->arg);
}

/* Print the usage line of cmd to f. */
void
cli_usage(const struct cli_cmd *cmd, FILE *f)
{
	const struct cli_opt	*o;
	char			*syn;

	fprintf(f, _("usage: velkomst %s"), cmd->name);
	if (cmd->operands != NULL)
		fprintf(f, " %s", cmd->operands);
	for (o = cmd->opts; o != NULL && o->name != NULL; o++) {
		syn = args_synopsis(o);
		if (o->flags & CLI_OPT_REQUIRED)
			fprintf(f, " %s", syn);
		else
			fprintf(f, " [%s]", syn);
		if (o->flags & CLI_OPT_MANY)
			fputs("...", f);
		free(syn);
	}
	fputc('\n', f);
}

/* Print text from column col (the cursor is there), its words wrapped
 * before column ARGS_LINE onto lines that start at column indent. */
static void
args_wrap(const char *text, int col, int indent)
{
	const char	*p = text, *end;
	char		*word;
	int		 w;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0' && *end != ' '; end++)
			;
		word = xstrndup(p, (size_t)(end - p));
		w = util_text_width(word);
		if (col > indent && col + 1 + w > ARGS_LINE) {
			printf("\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		fputs(word, stdout);
		col += w;
		free(word);
		p = end;
	}
	putchar('\n');
}

/* One entry of --help: the option, then its help from column 24. */
static void
args_help_line(const char *syn, const char *help)
{
	int	w = util_text_width(syn);

	printf("  %s", syn);
	if (w + 4 > ARGS_HELP_COLS)
		printf("\n%*s", ARGS_HELP_COLS, "");
	else
		printf("%*s", ARGS_HELP_COLS - 2 - w, "");
	args_wrap(help, ARGS_HELP_COLS, ARGS_HELP_COLS);
}

/* --help: the usage, what the command does, and every option. */
static void
args_help(const struct cli_cmd *cmd)
{
	const struct cli_opt	*o;
	char			*syn;

	cli_usage(cmd, stdout);
	if (cmd->about != NULL)
		args_wrap(_(cmd->about), 0, 0);
	putchar('\n');
	for (o = cmd->opts; o != NULL && o->name != NULL; o++) {
		syn = args_synopsis(o);
		if (o->letter != 0) {
			free(syn);
			syn = o->arg == NULL ?
			    xasprintf("-%c, --%s", o->letter, o->name) :
			    xasprintf("-%c, --%s %s", o->letter, o->name,
			    o->arg);
		}
		args_help_line(syn, o->help != NULL ? _(o->help) : "");
		free(syn);
	}
	args_help_line("--help", _("show this help"));
	args_wrap(_("The options of velkomst itself (--db FILE, --config "
	    "FILE) come before the command."), 0, 0);
}

/* A usage error: the reason (already printed), then the usage; 2. */
static int
args_bad(const struct cli_cmd *cmd)
{
	cli_usage(cmd, stderr);
	return 2;
}

/* The option of cmd called name (len bytes), or NULL. */
static const struct cli_opt *
args_long(const struct cli_cmd *cmd, const char *name, size_t len)
{
	const struct cli_opt	*o;

	for (o = cmd->opts; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* The option of cmd with the short letter c, or NULL. */
static const struct cli_opt *
args_short(const struct cli_cmd *cmd, int c)
{
	const struct cli_opt	*o;

	for (o = cmd->opts; o != NULL && o->name != NULL; o++)
		if (o->letter != 0 && o->letter == c)
			return o;
	return NULL;
}

/* Give opt its value (NULL for none); 0, or -1 with the reason printed. */
static int
args_set(struct args_state *s, const struct cli_opt *opt, const char *arg)
{
	size_t	i = (size_t)(opt - s->cmd->opts);

	if (i < sizeof s->seen)
		s->seen[i] = 1;
	if (opt->set == NULL)
		return 0;
	return opt->set(s->cli, opt, arg);
}

/* The value of opt: the rest of the word, else the next word.  NULL
 * (reason printed) if there is none. */
static const char *
args_value(const struct cli_opt *opt, const char *rest, int argc,
    char **argv, int *i)
{
	if (rest != NULL)
		return rest;
	if (*i + 1 < argc)
		return argv[++*i];
	cli_error(_("--%s needs %s after it."), opt->name, opt->arg);
	return NULL;
}

/* Read the long option at argv[*i] ("--name" or "--name=VALUE"); 0, 1
 * for --help, or -1 with the reason printed. */
static int
args_one_long(struct args_state *s, int argc, char **argv, int *i)
{
	const char		*word = argv[*i] + 2, *eq, *val;
	const struct cli_opt	*o;
	size_t			 len;

	eq = strchr(word, '=');
	len = eq != NULL ? (size_t)(eq - word) : strlen(word);
	if (strcmp(word, "help") == 0)
		return 1;
	if ((o = args_long(s->cmd, word, len)) == NULL) {
		cli_error(_("%s has no option --%.*s."), s->cmd->name,
		    (int)len, word);
		return -1;
	}
	if (o->arg == NULL) {
		if (eq != NULL) {
			cli_error(_("--%s takes no value."), o->name);
			return -1;
		}
		return args_set(s, o, NULL);
	}
	if ((val = args_value(o, eq != NULL ? eq + 1 : NULL, argc, argv,
	    i)) == NULL)
		return -1;
	return args_set(s, o, val);
}

/* Read the short options at argv[*i] ("-ab", "-xVALUE", "-x VALUE"). */
static int
args_one_short(struct args_state *s, int argc, char **argv, int *i)
{
	const char		*p = argv[*i] + 1, *val;
	const struct cli_opt	*o;

	for (; *p != '\0'; p++) {
		if ((o = args_short(s->cmd, (unsigned char)*p)) == NULL) {
			cli_error(_("%s has no option -%c."), s->cmd->name,
			    *p);
			return -1;
		}
		if (o->arg == NULL) {
			if (args_set(s, o, NULL) != 0)
				return -1;
			continue;
		}
		if ((val = args_value(o, p[1] != '\0' ? p + 1 : NULL, argc,
		    argv, i)) == NULL)
			return -1;
		return args_set(s, o, val);
	}
	return 0;
}

/* Keep an operand; -1 with the reason printed if there is no room. */
static int
args_operand(struct args_state *s, char *word)
{
	if (s->noperands >= s->cmd->max) {
		cli_error(_("\"%s\" is one word too many for %s."), word,
		    s->cmd->name);
		return -1;
	}
	s->operand[s->noperands++] = word;
	return 0;
}

/* After the words: every required option and enough operands. */
static int
args_complete(const struct args_state *s)
{
	const struct cli_opt	*o;
	char			*syn;
	size_t			 i;

	if (s->noperands < s->cmd->min) {
		cli_error(_("%s needs %s."), s->cmd->name,
		    s->cmd->operands != NULL ? s->cmd->operands : "?");
		return -1;
	}
	for (o = s->cmd->opts, i = 0; o != NULL && o->name != NULL; o++, i++) {
		if (!(o->flags & CLI_OPT_REQUIRED) ||
		    (i < sizeof s->seen && s->seen[i]))
			continue;
		syn = args_synopsis(o);
		cli_error(_("%s needs %s."), s->cmd->name, syn);
		free(syn);
		return -1;
	}
	return 0;
}

/* Parse a command's words by its table. */
int
cli_args(const struct cli *cli, const struct cli_cmd *cmd, int argc,
    char **argv, char **operand)
{
	struct args_state	 s;
	int			 i, rc, options = 1;

	memset(&s, 0, sizeof s);
	s.cli = cli;
	s.cmd = cmd;
	s.operand = operand;
	if (args_nopts(cmd) > sizeof s.seen)
		fatal("cli_args: %s has too many options", cmd->name);
	for (i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0) {
			options = 0;
			continue;
		}
		if (options && strncmp(argv[i], "--", 2) == 0)
			rc = args_one_long(&s, argc, argv, &i);
		else if (options && argv[i][0] == '-' && argv[i][1] != '\0')
			rc = args_one_short(&s, argc, argv, &i);
		else
			rc = args_operand(&s, argv[i]);
		if (rc == 1) {
			args_help(cmd);
			return 0;
		}
		if (rc != 0)
			return args_bad(cmd);
	}
	if (args_complete(&s) != 0)
		return args_bad(cmd);
	return -1;
}

/* ---- setters -------------------------------------------------------------- */

/* A flag: *(int *)to = 1. */
int
cli_set_flag(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	(void)arg;
	*(int *)opt->to = 1;
	return 0;
}

/* A string: *(const char **)to = the word. */
int
cli_set_string(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	*(const char **)opt->to = arg;
	return 0;
}

/* --format text|tsv: *(int *)to = 1 for tsv. */
int
cli_set_format(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	(void)cli;
	if (strcmp(arg, "tsv") == 0 || strcmp(arg, "text") == 0) {
		*(int *)opt->to = arg[1] == 's';
		return 0;
	}
	cli_error(_("--%s is text or tsv, not \"%s\""), opt->name, arg);
	return -1;
}

/* A department by key, name or short name: *(const char **)to = key. */
int
cli_set_department(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	int	d;

	if ((d = cfg_department_find(cli->conf, arg)) < 0) {
		cli_error(_("there is no department \"%s\" in the "
		    "configuration"), arg);
		return -1;
	}
	*(const char **)opt->to = cli->conf->departments[d].key;
	return 0;
}

/* A date as people type it: *(long *)to = its day number. */
int
cli_set_date(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	enum date_err	 e;

	(void)cli;
	if ((e = util_date_parse(arg, (long *)opt->to)) == DATE_OK)
		return 0;
	cli_error("--%s: %s", opt->name, _(util_date_errstr(e)));
	return -1;
}
