/*
 * cfg.c — the configuration: libconfig files read in layers, walked
 * against the schema, and turned into one validated struct conf.  Every
 * problem is reported as "FILE:LINE: what is wrong", all of them, not just
 * the first.  The only file that includes <libconfig.h>.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>

#include <libconfig.h>

#include "cfg.h"
#include "core.h"
#include "i18n.h"
#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share"
#endif

#define CFG_NLAYERS	4
#define CFG_FILE_MAX	(4 * 1024 * 1024)	/* bytes of a file read
						   again for a number */
#define CFG_NUMBER_MAX	40	/* characters of a number quoted back */

/* One file read, kept alive until the walk ends. */
struct cfg_layer {
	config_t	 cf;
	char		*path;
	int		 optional;	/* missing file is skipped silently */
	int		 loaded;
};

/* The state of one cfg_load(): the errors so far and the result. */
struct cfg_walk {
	char		*err;
	size_t		 errlen;
	size_t		 used;
	int		 nerr;
	struct conf	*c;
	const config_setting_t **dep_where;	/* where each department is */
	const char	*dep_file;	/* the file that set the departments */
	const char	*default_path;	/* where the shipped default was sought */
	const char	*text_file;	/* the file whose text is in text */
	char		*text;		/* cfg_written's copy of one file */
};

/* Whether cfg_load reads the word lists (cfg_read_word_lists). */
static int	 cfg_words = 1;

/* A stairwell while it is collected, before grouping by department. */
struct cfg_pending {
	int			 department;
	const char		*name;
	const config_setting_t	*s;
};

enum {
	TOP_WELCOME_DAYS,
	TOP_LANGUAGE,
	TOP_GOAL,
	TOP_TERMINAL,
	TOP_VISITS,
	TOP_ACCOUNTS,
	TOP_DEPARTMENTS,
	TOP_STAIRWELLS,
	TOP_CHECKLIST,
	TOP_LANGUAGES,
	TOP_PILOTS,
	TOP_CRITERIA,
	TOP_SENSITIVE,
	TOP_RETENTION,
	TOP_N
};

static const char *const cfg_top_names[] = {
	"welcome_days", "language", "goal", "terminal", "visits",
	"accounts", "departments", "stairwells", "checklist", "languages",
	"pilots", "criteria", "sensitive_words", "retention", NULL
};
static const char *const cfg_goal_names[] = {
	"ambassadors", "from", "to", NULL
};
static const char *const cfg_terminal_names[] = {
	"mouse", "color", "kiosk", "idle_lock", "login_list", NULL
};
static const char *const cfg_accounts_names[] = {
	"max_attempts", "lock_minutes", "hash_cost", NULL
};
static const char *const cfg_cost_names[] = {
	[COST_MINIMUM] = "minimum",
	[COST_INTERACTIVE] = "interactive",
	[COST_MODERATE] = "moderate",
};
static const char *const cfg_visits_names[] = {
	"retry_days", "max_attempts", "stale_days", NULL
};
static const char *const cfg_retention_names[] = {
	"after_welcome_days", "after_moved_out_days", "not_reached_days",
	"stopped_ambassador_days", "backup_days", NULL
};
static const char *const cfg_department_names[] = {
	"key", "name", "short", "office", NULL
};
static const char *const cfg_stairwell_names[] = {
	"department", "names", NULL
};
static const char *const cfg_check_names_[] = {
	"key", "department", "title", "text", "title_da", "text_da",
	"referral", NULL
};

static const char *const cfg_criterion_names[] = {
	"key", "kind", "target", "title", "title_da", "from", "to", "years",
	"min_views", "min_likes", "channels", NULL
};

/* The members of each top-level group or list, for cfg_schema_name(). */
static const struct {
	const char		*top;
	const char *const	*names;
} cfg_members[] = {
	{ "goal", cfg_goal_names },
	{ "terminal", cfg_terminal_names },
	{ "accounts", cfg_accounts_names },
	{ "visits", cfg_visits_names },
	{ "retention", cfg_retention_names },
	{ "departments", cfg_department_names },
	{ "stairwells", cfg_stairwell_names },
	{ "checklist", cfg_check_names_ },
	{ "criteria", cfg_criterion_names },
};

/* Append one error line "FILE:LINE: message" (or "FILE: ..." for line 0). */
static void
cfg_verr(struct cfg_walk *w, const char *file, unsigned line,
    const char *fmt, va_list ap)
{
	char	 msg[1024];
	char	 head[512];
	int	 n;

	w->nerr++;
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (file == NULL)
		head[0] = '\0';
	else if (line == 0)
		snprintf(head, sizeof head, "%s: ", file);
	else
		snprintf(head, sizeof head, "%s:%u: ", file, line);
	if (w->errlen == 0 || w->used >= w->errlen - 1)
		return;
	n = snprintf(w->err + w->used, w->errlen - w->used, "%s%s\n",
	    head, msg);
	if (n < 0 || (size_t)n >= w->errlen - w->used) {
		/* Keep only whole lines. */
		w->err[w->used] = '\0';
		w->used = w->errlen - 1;
		return;
	}
	w->used += (size_t)n;
}

/* Report a problem at a file and line (line 0: the file; file NULL: none). */
static void
cfg_errat(struct cfg_walk *w, const char *file, unsigned line,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cfg_verr(w, file, line, fmt, ap);
	va_end(ap);
}

/* Report a problem at the file and line of a setting. */
static void
cfg_err(struct cfg_walk *w, const config_setting_t *s, const char *fmt, ...)
{
	va_list		 ap;
	const char	*file;

	file = config_setting_source_file(s);
	va_start(ap, fmt);
	cfg_verr(w, file != NULL ? file : "?", config_setting_source_line(s),
	    fmt, ap);
	va_end(ap);
}

/* Edit distance between two short names, ignoring case. */
static size_t
cfg_distance(const char *a, const char *b)
{
	size_t	 row[64], la, lb, i, j, prev, tmp, best;

	la = strlen(a);
	lb = strlen(b);
	if (la >= 64 || lb >= 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Report an unknown setting name, suggesting the closest known one. */
static void
cfg_unknown(struct cfg_walk *w, const config_setting_t *s,
    const char *const *known)
{
	const char	*name = config_setting_name(s), *best = NULL;
	size_t		 d, bestd = (size_t)-1, limit;

	for (; *known != NULL; known++) {
		d = cfg_distance(name, *known);
		if (d < bestd) {
			bestd = d;
			best = *known;
		}
	}
	limit = strlen(name) <= 4 ? 1 : 2;
	if (best != NULL && bestd <= limit)
		cfg_err(w, s, _("unknown setting \"%s\" (did you mean \"%s\"?)"),
		    name, best);
	else
		cfg_err(w, s, _("unknown setting \"%s\""), name);
}

/* Report every member of a group whose name is not in known. */
static void
cfg_check_names(struct cfg_walk *w, const config_setting_t *group,
    const char *const *known)
{
	const config_setting_t	*m;
	const char *const	*k;
	const char		*name;
	int			 i, n;

	n = config_setting_length(group);
	for (i = 0; i < n; i++) {
		m = config_setting_get_elem(group, (unsigned)i);
		if ((name = config_setting_name(m)) == NULL)
			continue;
		for (k = known; *k != NULL; k++)
			if (strcmp(*k, name) == 0)
				break;
		if (*k == NULL)
			cfg_unknown(w, m, known);
	}
}

/* What a libconfig type looks like, for messages. */
static const char *
cfg_type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return _("a group { ... }");
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return _("a whole number");
	case CONFIG_TYPE_FLOAT:
		return _("a decimal number");
	case CONFIG_TYPE_STRING:
		return _("a string in quotes");
	case CONFIG_TYPE_BOOL:
		return _("true or false");
	case CONFIG_TYPE_ARRAY:
		return _("an array [ ... ]");
	case CONFIG_TYPE_LIST:
		return _("a list ( ... )");
	}
	return _("nothing");
}

/*
 * Check that a setting has the wanted type (INT also takes INT64, LIST
 * also takes an empty array); report it if not.  what names the setting
 * in the message; NULL means its own name in quotes.
 */
static int
cfg_want(struct cfg_walk *w, const config_setting_t *s, int type,
    const char *what)
{
	int	 got = config_setting_type(s);
	char	 quoted[128];

	if (got == type || (type == CONFIG_TYPE_INT &&
	    got == CONFIG_TYPE_INT64) || (type == CONFIG_TYPE_LIST &&
	    got == CONFIG_TYPE_ARRAY && config_setting_length(s) == 0))
		return 1;
	if (what == NULL) {
		snprintf(quoted, sizeof quoted, "\"%s\"",
		    config_setting_name(s) != NULL ?
		    config_setting_name(s) : "?");
		what = quoted;
	}
	cfg_err(w, s, _("%s must be %s, not %s"), what, cfg_type_name(type),
	    cfg_type_name(got));
	return 0;
}

/* 1 if s is valid UTF-8 without control characters (newline and tab
 * allowed when multiline). */
static int
cfg_text_ok(const char *s, int multiline)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 cp;
	int			 n, i;

	while (*p != '\0') {
		if (*p < 0x80) {
			if ((*p < 0x20 || *p == 0x7f) && !(multiline &&
			    (*p == '\n' || *p == '\t')))
				return 0;
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 1, cp = *p & 0x1f;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 2, cp = *p & 0x0f;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 3, cp = *p & 0x07;
		else
			return 0;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0x80 && cp <= 0x9f))
			return 0;
		p += n + 1;
	}
	return 1;
}

/*
 * The string member name of group, checked: a string, clean text, not
 * empty when required.  Missing: reported if required.  what names the
 * group ("department").  Returns NULL when missing or wrong.
 */
static const char *
cfg_string(struct cfg_walk *w, const config_setting_t *group,
    const char *name, int required, const char *what)
{
	const config_setting_t	*m;
	const char		*v;

	if ((m = config_setting_get_member(group, name)) == NULL) {
		if (required)
			cfg_err(w, group, _("this %s has no \"%s\""), what,
			    name);
		return NULL;
	}
	if (!cfg_want(w, m, CONFIG_TYPE_STRING, NULL))
		return NULL;
	v = config_setting_get_string(m);
	if (!cfg_text_ok(v, strcmp(name, "text") == 0 ||
	    strcmp(name, "text_da") == 0)) {
		cfg_err(w, m, _("\"%s\" is not valid UTF-8 or holds a "
		    "control character"), name);
		return NULL;
	}
	if (required && *v == '\0') {
		cfg_err(w, m, _("\"%s\" is empty"), name);
		return NULL;
	}
	return v;
}

/* The whole text of a file (at most CFG_FILE_MAX bytes), or NULL. */
static char *
cfg_slurp(const char *path)
{
	struct stat	 st;
	FILE		*f;
	char		*buf;
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if (fstat(fileno(f), &st) != 0 || st.st_size < 0) {
		fclose(f);
		return NULL;
	}
	n = st.st_size < CFG_FILE_MAX ? (size_t)st.st_size : CFG_FILE_MAX;
	buf = xmalloc(n + 1);
	n = fread(buf, 1, n, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* 1 if c may be part of a setting's name. */
static int
cfg_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '*';
}

/* Past spaces, line ends and comments. */
static const char *
cfg_skip_space(const char *p)
{
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '#' || (p[0] == '/' && p[1] == '/'))
			p += strcspn(p, "\n");
		else if (p[0] == '/' && p[1] == '*' && strstr(p + 2, "*/"))
			p = strstr(p + 2, "*/") + 2;
		else
			return p;
	}
}

/* The length of the number written at p ([-+]digits or 0xhex, then L or
 * LL), or 0 if none is there. */
static size_t
cfg_number_len(const char *p)
{
	size_t	n = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		for (n = 2; isxdigit((unsigned char)p[n]); n++)
			;
	} else {
		if (p[0] == '-' || p[0] == '+')
			n++;
		if (!isdigit((unsigned char)p[n]))
			return 0;
		while (isdigit((unsigned char)p[n]))
			n++;
	}
	while (p[n] == 'L' && n > 0 && (p[n - 1] != 'L' || p[n - 2] != 'L'))
		n++;
	return n;
}

/* What libconfig 1.5 makes of the number at p: without L it keeps 32
 * bits, as atoi() and strtoul() leave them; with L, 64. */
static long long
cfg_as_read(const char *p, int is64)
{
	int	hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');

	if (is64)
		return hex ? (long long)strtoull(p, NULL, 16) :
		    strtoll(p, NULL, 10);
	return hex ? (int)strtoul(p, NULL, 16) : (int)strtol(p, NULL, 10);
}

/* The value of the number written at p; 0 if it does not fit in a long
 * long. */
static int
cfg_written_value(const char *p, long long *out)
{
	unsigned long long	u;

	errno = 0;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		u = strtoull(p, NULL, 16);
		if (errno != 0 || u > LLONG_MAX)
			return 0;
		*out = (long long)u;
	} else
		*out = strtoll(p, NULL, 10);
	return errno == 0;
}

/* 1 if a and b are settings of one name on one line of one file. */
static int
cfg_same_place(const config_setting_t *a, const config_setting_t *b)
{
	const char	*fa = config_setting_source_file(a);
	const char	*fb = config_setting_source_file(b);
	const char	*na = config_setting_name(a), *nb = config_setting_name(b);

	return na != NULL && nb != NULL && fa != NULL && fb != NULL &&
	    strcmp(na, nb) == 0 && strcmp(fa, fb) == 0 &&
	    config_setting_source_line(a) == config_setting_source_line(b);
}

/* How many settings at the place of s come before it in the tree t, in
 * the order of the file; *found is set on reaching s. */
static int
cfg_before(const config_setting_t *t, const config_setting_t *s, int *found)
{
	int	i, n, len;

	if (t == s) {
		*found = 1;
		return 0;
	}
	n = cfg_same_place(t, s);
	if (!config_setting_is_aggregate(t))
		return n;
	len = config_setting_length(t);
	for (i = 0; i < len && !*found; i++)
		n += cfg_before(config_setting_get_elem(t, (unsigned)i), s,
		    found);
	return n;
}

/* Where the value starts of the k-th setting of name on the line at p
 * ("name =" or "name :", outside strings and comments), or NULL. */
static const char *
cfg_find_value(const char *p, const char *name, int k)
{
	const char	*start = p, *q;
	size_t		 nl = strlen(name);
	int		 quoted = 0;

	for (; *p != '\0' && *p != '\n'; p++) {
		if (quoted) {
			if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
				p++;
			else if (*p == '"')
				quoted = 0;
			continue;
		}
		if (*p == '"')
			quoted = 1;
		if (*p == '#' || (p[0] == '/' && p[1] == '/'))
			return NULL;
		if (p[0] == '/' && p[1] == '*') {
			if ((q = strstr(p + 2, "*/")) == NULL ||
			    memchr(p, '\n', (size_t)(q - p)) != NULL)
				return NULL;
			p = q + 1;
			continue;
		}
		if (strncmp(p, name, nl) != 0 || (p > start &&
		    cfg_name_char(p[-1])) || cfg_name_char(p[nl]))
			continue;
		for (q = p + nl; *q == ' ' || *q == '\t'; q++)
			;
		if (*q == '=' || *q == ':') {
			if (k-- == 0)
				return cfg_skip_space(q + 1);
			p = q;
		}
	}
	return NULL;
}

/* The text of file, read once for every setting of it (cfg_written). */
static const char *
cfg_file_text(struct cfg_walk *w, const char *file)
{
	if (w->text != NULL && strcmp(w->text_file, file) == 0)
		return w->text;
	free(w->text);
	w->text_file = file;
	return w->text = cfg_slurp(file);
}

/*
 * The number written for the whole number setting s: libconfig has cut a
 * number too big for its 32 (or, with L, 64) bits and keeps no text, so
 * the file is read again at the setting's line, and the setting found
 * there by its name and its place among the settings of that name on the
 * line.  Copies the number into buf (cut to CFG_NUMBER_MAX characters),
 * sets *v to its value and returns 1, or 0 when it does not fit in a
 * long long; -1 when it is not found.
 */
static int
cfg_written(struct cfg_walk *w, const config_setting_t *s, char *buf,
    size_t len, long long *v)
{
	const config_setting_t	*root;
	const char		*file = config_setting_source_file(s), *p;
	const char		*name = config_setting_name(s), *text;
	long long		 got;
	size_t			 n;
	unsigned		 line = config_setting_source_line(s), l;
	int			 is64, found = 0, k;

	if (file == NULL || name == NULL || line == 0 ||
	    (text = cfg_file_text(w, file)) == NULL)
		return -1;
	is64 = config_setting_type(s) == CONFIG_TYPE_INT64;
	got = is64 ? config_setting_get_int64(s) : config_setting_get_int(s);
	for (root = s; config_setting_parent(root) != NULL;
	    root = config_setting_parent(root))
		;
	k = cfg_before(root, s, &found);
	for (p = text, l = 1; l < line && (p = strchr(p, '\n')) != NULL; l++)
		p++;
	/* What libconfig read must be what is written there. */
	if (p == NULL || (p = cfg_find_value(p, name, k)) == NULL ||
	    (n = cfg_number_len(p)) == 0 || cfg_as_read(p, is64) != got)
		return -1;
	if (n > CFG_NUMBER_MAX)
		snprintf(buf, len, "%.*s...", CFG_NUMBER_MAX, p);
	else
		snprintf(buf, len, "%.*s", (int)n, p);
	return cfg_written_value(p, v);
}

/*
 * A whole number setting within lo..hi; returns 0 and sets *out, or -1.
 * The number is taken as written in the file: one that does not fit in
 * libconfig's 32 bits (64 with L) is refused, not cut, and named as
 * written.
 */
static int
cfg_int(struct cfg_walk *w, const config_setting_t *s, long long lo,
    long long hi, int *out)
{
	char		 as[CFG_NUMBER_MAX + 8];
	long long	 v;
	int		 fits = 1;

	if (!cfg_want(w, s, CONFIG_TYPE_INT, NULL))
		return -1;
	if (config_setting_type(s) == CONFIG_TYPE_INT64)
		v = config_setting_get_int64(s);
	else
		v = config_setting_get_int(s);
	if ((fits = cfg_written(w, s, as, sizeof as, &v)) == -1) {
		snprintf(as, sizeof as, "%lld", v);
		fits = 1;
	}
	if (!fits || v < lo || v > hi) {
		cfg_err(w, s, _("\"%s\" must be between %lld and %lld, "
		    "not %s"), config_setting_name(s), lo, hi, as);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* A true/false setting; returns 0 and sets *out, or -1. */
static int
cfg_bool(struct cfg_walk *w, const config_setting_t *s, int *out)
{
	if (!cfg_want(w, s, CONFIG_TYPE_BOOL, NULL))
		return -1;
	*out = config_setting_get_bool(s) != 0;
	return 0;
}

/* Read welcome_days and language (built-in defaults when not set). */
static void
cfg_build_scalars(struct cfg_walk *w, config_setting_t *const *top)
{
	struct conf	*c = w->c;
	const char	*v;

	c->welcome_days = 14;
	if (top[TOP_WELCOME_DAYS] != NULL)
		cfg_int(w, top[TOP_WELCOME_DAYS], 1, 365, &c->welcome_days);
	c->language = xstrdup("");
	if (top[TOP_LANGUAGE] == NULL ||
	    !cfg_want(w, top[TOP_LANGUAGE], CONFIG_TYPE_STRING, NULL))
		return;
	v = config_setting_get_string(top[TOP_LANGUAGE]);
	if (strcmp(v, "") != 0 && strcmp(v, "da") != 0 &&
	    strcmp(v, "en") != 0) {
		cfg_err(w, top[TOP_LANGUAGE], _("\"language\" must be \"\" "
		    "(from the environment), \"da\" or \"en\", not \"%s\""), v);
		return;
	}
	free(c->language);
	c->language = xstrdup(v);
}

/* Read the terminal group; mouse and colour default to on, kiosk off,
 * the idle lock to 5 minutes. */
static void
cfg_build_terminal(struct cfg_walk *w, const config_setting_t *t)
{
	const config_setting_t	*m;

	w->c->mouse = 1;
	w->c->color = 1;
	w->c->kiosk = 0;
	w->c->idle_lock = 300;
	w->c->login_list = 0;
	if (t == NULL || !cfg_want(w, t, CONFIG_TYPE_GROUP, NULL))
		return;
	cfg_check_names(w, t, cfg_terminal_names);
	if ((m = config_setting_get_member(t, "mouse")) != NULL)
		cfg_bool(w, m, &w->c->mouse);
	if ((m = config_setting_get_member(t, "color")) != NULL)
		cfg_bool(w, m, &w->c->color);
	if ((m = config_setting_get_member(t, "kiosk")) != NULL)
		cfg_bool(w, m, &w->c->kiosk);
	if ((m = config_setting_get_member(t, "idle_lock")) != NULL)
		cfg_int(w, m, 1, 86400, &w->c->idle_lock);
	if ((m = config_setting_get_member(t, "login_list")) != NULL)
		cfg_bool(w, m, &w->c->login_list);
}

/* Read the accounts group: 5 wrong tries lock for 15 minutes; the
 * interactive hash cost. */
static void
cfg_build_accounts(struct cfg_walk *w, const config_setting_t *a)
{
	const config_setting_t	*m;
	const char		*v;
	int			 i;

	w->c->lock_failures = 5;
	w->c->lock_minutes = 15;
	w->c->hash_cost = COST_INTERACTIVE;
	if (a == NULL || !cfg_want(w, a, CONFIG_TYPE_GROUP, NULL))
		return;
	cfg_check_names(w, a, cfg_accounts_names);
	if ((m = config_setting_get_member(a, "max_attempts")) != NULL)
		cfg_int(w, m, 1, 100, &w->c->lock_failures);
	if ((m = config_setting_get_member(a, "lock_minutes")) != NULL)
		cfg_int(w, m, 1, 10080, &w->c->lock_minutes);
	if ((v = cfg_string(w, a, "hash_cost", 0, _("accounts"))) == NULL)
		return;
	for (i = 0; i < (int)(sizeof cfg_cost_names /
	    sizeof cfg_cost_names[0]); i++)
		if (strcmp(v, cfg_cost_names[i]) == 0) {
			w->c->hash_cost = i;
			return;
		}
	cfg_err(w, config_setting_get_member(a, "hash_cost"),
	    _("\"hash_cost\" must be \"interactive\", \"moderate\" or "
	    "\"minimum\" (for tests), not \"%s\""), v);
}

/* Read the visits group; retry_days and max_attempts default to 3,
 * stale_days to 60. */
static void
cfg_build_visits(struct cfg_walk *w, const config_setting_t *v)
{
	const config_setting_t	*m;

	w->c->retry_days = 3;
	w->c->max_attempts = 3;
	w->c->stale_days = 60;
	if (v == NULL || !cfg_want(w, v, CONFIG_TYPE_GROUP, NULL))
		return;
	cfg_check_names(w, v, cfg_visits_names);
	if ((m = config_setting_get_member(v, "retry_days")) != NULL)
		cfg_int(w, m, 1, 60, &w->c->retry_days);
	if ((m = config_setting_get_member(v, "max_attempts")) != NULL)
		cfg_int(w, m, 1, 20, &w->c->max_attempts);
	if ((m = config_setting_get_member(v, "stale_days")) != NULL)
		cfg_int(w, m, 1, 3650, &w->c->stale_days);
}

/* Read the retention group: how many days personal data is kept after
 * its purpose ended (0: never deleted by that rule); see
 * velkomst.conf(5) for why the defaults are what they are. */
static void
cfg_build_retention(struct cfg_walk *w, const config_setting_t *r)
{
	struct retention	*k = &w->c->retention;
	int			*to[] = { &k->after_welcome_days,
				    &k->after_moved_out_days,
				    &k->not_reached_days,
				    &k->stopped_ambassador_days,
				    &k->backup_days };
	const config_setting_t	*m;
	size_t			 i;

	k->after_welcome_days = 365;
	k->after_moved_out_days = 90;
	k->not_reached_days = 365;
	k->stopped_ambassador_days = 365;
	k->backup_days = 90;
	if (r == NULL || !cfg_want(w, r, CONFIG_TYPE_GROUP, NULL))
		return;
	cfg_check_names(w, r, cfg_retention_names);
	for (i = 0; i < sizeof to / sizeof to[0]; i++)
		if ((m = config_setting_get_member(r,
		    cfg_retention_names[i])) != NULL)
			cfg_int(w, m, 0, 36500, to[i]);
}

/* A date member of a group (what names it: "goal"); returns 0 and sets
 * *out, or -1. */
static int
cfg_date(struct cfg_walk *w, const config_setting_t *goal, const char *name,
    const char *what, long *out)
{
	const config_setting_t	*m;
	enum date_err		 e;
	const char		*v;

	if ((v = cfg_string(w, goal, name, 1, what)) == NULL)
		return -1;
	m = config_setting_get_member(goal, name);
	if ((e = util_date_parse(v, out)) == DATE_FORMAT) {
		cfg_err(w, m, _("\"%s\": \"%s\" is not a date; write it as "
		    "YYYY-MM-DD, for example 2021-02-28"), name, v);
		return -1;
	}
	if (e != DATE_OK) {
		cfg_err(w, m, _("\"%s\": \"%s\" is not a date: %s"), name, v,
		    _(util_date_errstr(e)));
		return -1;
	}
	return 0;
}

/* Read the recruitment goal: ambassadors, from, to; from <= to. */
static void
cfg_build_goal(struct cfg_walk *w, const config_setting_t *g)
{
	const config_setting_t	*m;
	int			 ok_from, ok_to;

	if (g == NULL) {
		cfg_errat(w, NULL, 0, _("no recruitment goal configured "
		    "(the setting \"goal\" is missing)"));
		return;
	}
	if (!cfg_want(w, g, CONFIG_TYPE_GROUP, NULL))
		return;
	cfg_check_names(w, g, cfg_goal_names);
	if ((m = config_setting_get_member(g, "ambassadors")) == NULL)
		cfg_err(w, g, _("this %s has no \"%s\""), _("goal"),
		    "ambassadors");
	else
		cfg_int(w, m, 1, 10000, &w->c->goal_ambassadors);
	ok_from = cfg_date(w, g, "from", _("goal"), &w->c->goal_from) == 0;
	ok_to = cfg_date(w, g, "to", _("goal"), &w->c->goal_to) == 0;
	if (ok_from && ok_to && w->c->goal_from > w->c->goal_to)
		cfg_err(w, config_setting_get_member(g, "from"),
		    _("goal: \"from\" (%s) is after \"to\" (%s)"),
		    config_setting_get_string(
		    config_setting_get_member(g, "from")),
		    config_setting_get_string(
		    config_setting_get_member(g, "to")));
}

/* Write the files read, separated by commas, into list. */
static void
cfg_files_list(char *list, size_t len, const char *const *files,
    size_t nfiles)
{
	size_t	 i;

	list[0] = '\0';
	for (i = 0; i < nfiles; i++) {
		if (i > 0)
			strncat(list, ", ", len - strlen(list) - 1);
		strncat(list, files[i], len - strlen(list) - 1);
	}
}

/* Report that no layer configures departments, naming the files read. */
static void
cfg_no_departments(struct cfg_walk *w, const char *const *files,
    size_t nfiles)
{
	char	 list[2048];

	cfg_files_list(list, sizeof list, files, nfiles);
	if (nfiles == 0)
		cfg_errat(w, NULL, 0, _("no departments configured: no "
		    "configuration file was found (the shipped default is "
		    "%s)"), w->default_path);
	else
		cfg_errat(w, NULL, 0, _("no departments configured (files "
		    "read: %s)"), list);
}

/* Check one department against the ones before it, then add it. */
static void
cfg_department(struct cfg_walk *w, const config_setting_t *e)
{
	struct conf		*c = w->c;
	struct cfg_department	*d;
	const char		*key, *name, *office, *shortname;
	size_t			 i;

	if (!cfg_want(w, e, CONFIG_TYPE_GROUP, _("each department")))
		return;
	cfg_check_names(w, e, cfg_department_names);
	key = cfg_string(w, e, "key", 1, _("department"));
	name = cfg_string(w, e, "name", 1, _("department"));
	office = cfg_string(w, e, "office", 0, _("department"));
	shortname = cfg_string(w, e, "short", 0, _("department"));
	if (key == NULL && name == NULL)
		return;
	for (i = 0; i < c->ndepartments; i++) {
		d = &c->departments[i];
		if (key != NULL && d->key != NULL && strcmp(key, d->key) == 0)
			cfg_err(w, config_setting_get_member(e, "key"),
			    _("two departments have the key \"%s\" (the "
			    "first at line %u)"), key,
			    config_setting_source_line(w->dep_where[i]));
		if (name != NULL && d->name != NULL &&
		    strcasecmp(name, d->name) == 0)
			cfg_err(w, config_setting_get_member(e, "name"),
			    _("two departments have the name \"%s\" (the "
			    "first at line %u)"), name,
			    config_setting_source_line(w->dep_where[i]));
	}
	w->dep_where[c->ndepartments] = e;
	d = &c->departments[c->ndepartments++];
	d->key = xstrdup(key);
	d->name = xstrdup(name);
	d->office = xstrdup(office != NULL ? office : "");
	d->shortname = xstrdup(shortname != NULL ? shortname :
	    name != NULL ? name : "");
}

/* Read the departments list (required, not empty). */
static void
cfg_build_departments(struct cfg_walk *w, const config_setting_t *list,
    const char *const *files, size_t nfiles)
{
	int	 i, n;

	if (list == NULL) {
		cfg_no_departments(w, files, nfiles);
		return;
	}
	if (!cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	w->dep_file = config_setting_source_file(list);
	if ((n = config_setting_length(list)) == 0) {
		cfg_err(w, list, _("\"departments\" is empty: at least one "
		    "department is needed"));
		return;
	}
	w->c->departments = xcalloc((size_t)n, sizeof *w->c->departments);
	w->dep_where = xcalloc((size_t)n, sizeof *w->dep_where);
	for (i = 0; i < n; i++)
		cfg_department(w, config_setting_get_elem(list, (unsigned)i));
}

/* The departments' keys joined by ", " into keys (len bytes). */
static void
cfg_dep_keys(const struct conf *c, char *keys, size_t len)
{
	size_t	i;

	keys[0] = '\0';
	for (i = 0; i < c->ndepartments; i++) {
		if (c->departments[i].key == NULL)
			continue;
		if (keys[0] != '\0')
			strncat(keys, ", ", len - strlen(keys) - 1);
		strncat(keys, c->departments[i].key, len - strlen(keys) - 1);
	}
}

/* Report an unknown department; if the departments were set in another
 * file, say that the referring setting must be set there too. */
static void
cfg_bad_ref(struct cfg_walk *w, const config_setting_t *m, const char *v,
    const char *top)
{
	const char	*file = config_setting_source_file(m);
	char		 keys[512];

	cfg_dep_keys(w->c, keys, sizeof keys);
	if (file != NULL && w->dep_file != NULL &&
	    strcmp(file, w->dep_file) != 0)
		cfg_err(w, m, _("unknown department \"%s\" (%s replaces the "
		    "departments with: %s; set \"%s\" there too)"), v,
		    w->dep_file, keys, top);
	else
		cfg_err(w, m, _("unknown department \"%s\" (the departments "
		    "are: %s)"), v, keys);
}

/* The department a group names in "department": index, -1 if absent
 * (reported when required), -2 if wrong or unknown (reported).  top is
 * the top-level setting the group is in. */
static int
cfg_dep_ref(struct cfg_walk *w, const config_setting_t *group, int required,
    const char *what, const char *top)
{
	const config_setting_t	*m;
	const char		*v;
	int			 d;

	m = config_setting_get_member(group, "department");
	if ((v = cfg_string(w, group, "department", required, what)) == NULL)
		return m == NULL ? -1 : -2;
	if (w->c->ndepartments == 0)
		return -2;	/* already reported: no departments */
	if ((d = cfg_department_find(w->c, v)) >= 0)
		return d;
	cfg_bad_ref(w, m, v, top);
	return -2;
}

/* Collect the names of one stairwell group into pending. */
static void
cfg_stairwell_group(struct cfg_walk *w, const config_setting_t *g,
    struct cfg_pending **pending, size_t *npending)
{
	const config_setting_t	*names, *e;
	int			 dep, i, n;

	if (!cfg_want(w, g, CONFIG_TYPE_GROUP, _("each stairwell group")))
		return;
	cfg_check_names(w, g, cfg_stairwell_names);
	dep = cfg_dep_ref(w, g, 1, _("stairwell group"), "stairwells");
	if ((names = config_setting_get_member(g, "names")) == NULL) {
		cfg_err(w, g, _("this %s has no \"%s\""),
		    _("stairwell group"), "names");
		return;
	}
	if (config_setting_type(names) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, names, CONFIG_TYPE_LIST, NULL))
		return;
	n = config_setting_length(names);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(names, (unsigned)i);
		if (!cfg_want(w, e, CONFIG_TYPE_STRING,
		    _("each stairwell name")))
			continue;
		if (!cfg_text_ok(config_setting_get_string(e), 0) ||
		    *config_setting_get_string(e) == '\0') {
			cfg_err(w, e, _("a stairwell name is empty, not valid "
			    "UTF-8 or holds a control character"));
			continue;
		}
		if (dep < 0)
			continue;
		*pending = xreallocarray(*pending, *npending + 1,
		    sizeof **pending);
		(*pending)[*npending].department = dep;
		(*pending)[*npending].name = config_setting_get_string(e);
		(*pending)[(*npending)++].s = e;
	}
}

/* Add the pending stairwells of department dep, reporting duplicates. */
static void
cfg_stairwells_of(struct cfg_walk *w, int dep, const struct cfg_pending *p,
    size_t np)
{
	struct conf	*c = w->c;
	size_t		 i, j;

	for (i = 0; i < np; i++) {
		if (p[i].department != dep)
			continue;
		for (j = 0; j < i; j++)
			if (p[j].department == dep &&
			    strcmp(p[j].name, p[i].name) == 0)
				break;
		if (j < i) {
			cfg_err(w, p[i].s, _("stairwell \"%s\" is listed "
			    "twice for department \"%s\" (first at line %u)"),
			    p[i].name, c->departments[dep].key != NULL ?
			    c->departments[dep].key : c->departments[dep].name,
			    config_setting_source_line(p[j].s));
			continue;
		}
		c->stairwells[c->nstairwells].department = dep;
		c->stairwells[c->nstairwells++].name = xstrdup(p[i].name);
	}
}

/* A department without stairwells could never get a household: say so
 * at the department (not as a follow-on of errors already reported). */
static void
cfg_every_department_has_stairwells(struct cfg_walk *w)
{
	const struct conf	*c = w->c;
	size_t			 d, i;

	if (w->dep_where == NULL || w->nerr > 0)
		return;
	for (d = 0; d < c->ndepartments; d++) {
		for (i = 0; i < c->nstairwells; i++)
			if (c->stairwells[i].department == (int)d)
				break;
		if (i == c->nstairwells && w->dep_where[d] != NULL)
			cfg_err(w, w->dep_where[d], _("department \"%s\" has no "
			    "stairwells: list them under \"stairwells\""),
			    c->departments[d].key);
	}
}

/* Read the stairwell groups; group them by department, in its order. */
static void
cfg_build_stairwells(struct cfg_walk *w, const config_setting_t *list)
{
	struct cfg_pending	*pending = NULL;
	size_t			 npending = 0, d;
	int			 i, n;

	if (list == NULL || !cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	n = config_setting_length(list);
	for (i = 0; i < n; i++)
		cfg_stairwell_group(w, config_setting_get_elem(list,
		    (unsigned)i), &pending, &npending);
	if (npending > 0)
		w->c->stairwells = xcalloc(npending,
		    sizeof *w->c->stairwells);
	for (d = 0; d < w->c->ndepartments; d++)
		cfg_stairwells_of(w, (int)d, pending, npending);
	free(pending);
}

/* Check one checklist item against the ones before it, then add it. */
static void
cfg_check_item(struct cfg_walk *w, const config_setting_t *e,
    const config_setting_t **where)
{
	struct conf		*c = w->c;
	struct cfg_check_item	*it;
	const char		*key, *title, *text, *title_da, *text_da;
	size_t			 i;
	int			 dep, referral = 0;

	if (!cfg_want(w, e, CONFIG_TYPE_GROUP, _("each checklist item")))
		return;
	cfg_check_names(w, e, cfg_check_names_);
	key = cfg_string(w, e, "key", 1, _("checklist item"));
	title = cfg_string(w, e, "title", 1, _("checklist item"));
	text = cfg_string(w, e, "text", 0, _("checklist item"));
	title_da = cfg_string(w, e, "title_da", 0, _("checklist item"));
	if (title_da != NULL && *title_da == '\0')
		cfg_err(w, config_setting_get_member(e, "title_da"),
		    _("\"%s\" is empty"), "title_da");
	text_da = cfg_string(w, e, "text_da", 0, _("checklist item"));
	if (config_setting_get_member(e, "referral") != NULL)
		cfg_bool(w, config_setting_get_member(e, "referral"),
		    &referral);
	dep = cfg_dep_ref(w, e, 0, _("checklist item"), "checklist");
	if (key == NULL)
		return;
	for (i = 0; i < c->nchecklist; i++)
		if (strcmp(c->checklist[i].key, key) == 0) {
			cfg_err(w, config_setting_get_member(e, "key"),
			    _("two checklist items have the key \"%s\" (the "
			    "first at line %u)"), key,
			    config_setting_source_line(where[i]));
			return;
		}
	where[c->nchecklist] = e;
	it = &c->checklist[c->nchecklist++];
	it->key = xstrdup(key);
	it->department = dep < 0 ? -1 : dep;
	it->title = xstrdup(title != NULL ? title : "");
	it->text = xstrdup(text != NULL ? text : "");
	it->title_da = title_da != NULL && *title_da != '\0' ?
	    xstrdup(title_da) : NULL;
	it->text_da = text_da != NULL ? xstrdup(text_da) : NULL;
	it->referral = referral;
}

/* A visit holds at most CFG_CHECKLIST_MAX items: refuse a checklist
 * that gives a department more (the items for every department and its
 * own together), at the first item over the limit.  The visit screen
 * scrolls, so the size of the terminal sets no lower limit. */
static void
cfg_checklist_fits(struct cfg_walk *w, const config_setting_t **where)
{
	const struct conf	*c = w->c;
	size_t			 i, n, common = 0, over = 0;
	int			 d;

	for (i = 0; i < c->nchecklist; i++)
		if (c->checklist[i].department == -1 &&
		    ++common == CFG_CHECKLIST_MAX + 1)
			over = i;
	if (common > CFG_CHECKLIST_MAX) {
		cfg_err(w, where[over], _("%zu checklist items are for every "
		    "department, but a visit holds at most %d items (those "
		    "for every department and a department's own together)"),
		    common, CFG_CHECKLIST_MAX);
		return;
	}
	for (d = 0; d < (int)c->ndepartments; d++) {
		for (i = n = 0; i < c->nchecklist; i++)
			if ((c->checklist[i].department == -1 ||
			    c->checklist[i].department == d) &&
			    ++n == CFG_CHECKLIST_MAX + 1)
				over = i;
		if (n > CFG_CHECKLIST_MAX)
			cfg_err(w, where[over], _("department \"%s\" has %zu "
			    "checklist items (those for every department and "
			    "its own), but a visit holds at most %d"),
			    c->departments[d].key, n, CFG_CHECKLIST_MAX);
	}
}

/* Read the checklist items, in file order; at least one is needed.
 * Without a checklist in any file, the files read are named. */
static void
cfg_build_checklist(struct cfg_walk *w, const config_setting_t *list,
    const char *const *files, size_t nfiles)
{
	const config_setting_t	**where;
	char			 names[2048];
	int			 i, n;

	if (list == NULL) {
		if (nfiles == 0)	/* "no file" says it all */
			return;
		cfg_files_list(names, sizeof names, files, nfiles);
		cfg_errat(w, NULL, 0, _("no checklist items configured "
		    "(files read: %s)"), names);
		return;
	}
	if (!cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	if ((n = config_setting_length(list)) == 0) {
		cfg_err(w, list, _("no checklist items configured"));
		return;
	}
	w->c->checklist = xcalloc((size_t)n, sizeof *w->c->checklist);
	where = xcalloc((size_t)n, sizeof *where);
	for (i = 0; i < n; i++)
		cfg_check_item(w, config_setting_get_elem(list, (unsigned)i),
		    where);
	cfg_checklist_fits(w, where);
	free(where);
}

/* Read the languages to offer first: ISO 639 codes ICU knows (core
 * language table), none twice, at most CORE_LANG_CODES_MAX. */
static void
cfg_build_languages(struct cfg_walk *w, const config_setting_t *list)
{
	struct conf		*c = w->c;
	const config_setting_t	*e;
	const char		*v;
	size_t			 i;
	int			 n, k;

	if (list == NULL || (config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, list, CONFIG_TYPE_LIST, NULL)))
		return;
	n = config_setting_length(list);
	c->languages = xcalloc((size_t)n + 1, sizeof *c->languages);
	for (k = 0; k < n; k++) {
		e = config_setting_get_elem(list, (unsigned)k);
		if (!cfg_want(w, e, CONFIG_TYPE_STRING, _("each language")))
			continue;
		v = config_setting_get_string(e);
		for (i = 0; i < c->nlanguages; i++)
			if (strcmp(c->languages[i], v) == 0)
				break;
		if (!cfg_text_ok(v, 0) || !core_lang_known(v))
			cfg_err(w, e, _("\"%s\" is not a language code that "
			    "velkomst knows (ISO 639, such as \"ar\" or "
			    "\"so\")"), cfg_text_ok(v, 0) ? v : "?");
		else if (i < c->nlanguages)
			cfg_err(w, e, _("the language \"%s\" is named twice"),
			    v);
		else if (c->nlanguages >= CORE_LANG_CODES_MAX)
			cfg_err(w, e, _("at most %d languages may come "
			    "first"), CORE_LANG_CODES_MAX);
		else
			c->languages[c->nlanguages++] = xstrdup(v);
	}
}

/* One pilot department named in e: its index, or -1 (reported). */
static int
cfg_pilot(struct cfg_walk *w, const config_setting_t *e)
{
	struct conf	*c = w->c;
	const char	*v;
	char		 keys[512];
	int		 d;

	if (!cfg_want(w, e, CONFIG_TYPE_STRING, _("each pilot department")))
		return -1;
	v = config_setting_get_string(e);
	if ((d = cfg_department_find(c, v)) < 0) {
		cfg_dep_keys(c, keys, sizeof keys);
		if (cfg_text_ok(v, 0))
			cfg_err(w, e, _("unknown department \"%s\" (the "
			    "departments are: %s)"), v, keys);
		else
			cfg_err(w, e, _("a pilot department is not a "
			    "department's key or name"));
		return -1;
	}
	if (c->pilot != NULL && c->pilot[d]) {
		cfg_err(w, e, _("the pilot department \"%s\" is named "
		    "twice"), c->departments[d].key);
		return -1;
	}
	if (c->npilots >= CFG_PILOTS_MAX) {
		cfg_err(w, e, _("at most %d departments may be pilots"),
		    CFG_PILOTS_MAX);
		return -1;
	}
	return d;
}

/* Read the pilot departments (by key, name or short name). */
static void
cfg_build_pilots(struct cfg_walk *w, const config_setting_t *list)
{
	struct conf		*c = w->c;
	int			 n, k, d;

	if (list == NULL || (config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, list, CONFIG_TYPE_LIST, NULL)))
		return;
	if (c->ndepartments == 0)
		return;		/* already reported: no departments */
	n = config_setting_length(list);
	for (k = 0; k < n; k++) {
		if ((d = cfg_pilot(w, config_setting_get_elem(list,
		    (unsigned)k))) < 0)
			continue;
		if (c->pilot == NULL)
			c->pilot = xcalloc(c->ndepartments, sizeof *c->pilot);
		c->pilot[d] = 1;
		c->npilots++;
	}
}

/* The years of a criterion: whole numbers 1900..2199, none twice, at
 * least one, at most CRIT_YEARS_MAX. */
static void
cfg_criterion_years(struct cfg_walk *w, const config_setting_t *list,
    struct criterion *r)
{
	const config_setting_t	*e;
	long long		 y;
	size_t			 i;
	int			 k, n;

	if (config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	if ((n = config_setting_length(list)) == 0)
		cfg_err(w, list, _("\"years\" is empty: name at least one "
		    "year, such as [2019]"));
	for (k = 0; k < n; k++) {
		e = config_setting_get_elem(list, (unsigned)k);
		if (!cfg_want(w, e, CONFIG_TYPE_INT, _("each year")))
			continue;
		y = config_setting_type(e) == CONFIG_TYPE_INT64 ?
		    config_setting_get_int64(e) : config_setting_get_int(e);
		for (i = 0; i < r->nyears; i++)
			if (r->years[i] == y)
				break;
		if (y < CORE_YEAR_MIN || y > CORE_YEAR_MAX)
			cfg_err(w, e, _("the year %lld is not one velkomst can "
			    "count (%d to %d)"), y, CORE_YEAR_MIN,
			    CORE_YEAR_MAX);
		else if (i < r->nyears)
			cfg_err(w, e, _("the year %lld is named twice"), y);
		else if (r->nyears >= CRIT_YEARS_MAX)
			cfg_err(w, e, _("a criterion may name at most %d "
			    "years"), CRIT_YEARS_MAX);
		else
			r->years[r->nyears++] = (int)y;
	}
}

/* The channels that count toward a criterion, as a mask (none twice). */
static void
cfg_criterion_channels(struct cfg_walk *w, const config_setting_t *list,
    struct criterion *r)
{
	const config_setting_t	*e;
	enum crit_channel	 ch;
	const char		*v;
	int			 k, n;

	if (config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	if ((n = config_setting_length(list)) == 0)
		cfg_err(w, list, _("\"channels\" is empty: leave it out to "
		    "count every channel"));
	for (k = 0; k < n; k++) {
		e = config_setting_get_elem(list, (unsigned)k);
		if (!cfg_want(w, e, CONFIG_TYPE_STRING, _("each channel")))
			continue;
		v = config_setting_get_string(e);
		if (core_crit_channel_parse(v, &ch) == -1)
			cfg_err(w, e, _("\"%s\" is not a channel: write "
			    "\"website\", \"facebook\" or \"other\""),
			    cfg_text_ok(v, 0) ? v : "?");
		else if (r->channels & (1 << ch))
			cfg_err(w, e, _("the channel \"%s\" is named twice"), v);
		else
			r->channels |= 1 << ch;
	}
}

/* A member of a criterion that only some kinds take: the member when it
 * is there and this kind takes it, else NULL (reported when this kind
 * does not take it). */
static const config_setting_t *
cfg_criterion_only(struct cfg_walk *w, const config_setting_t *e,
    const char *name, int takes, const char *which)
{
	const config_setting_t	*m;

	if ((m = config_setting_get_member(e, name)) == NULL)
		return NULL;
	if (!takes) {
		cfg_err(w, m, _("\"%s\" is for %s only"), name, which);
		return NULL;
	}
	return m;
}

/* When a criterion is counted: from..to, or years, or the goal's period
 * when it names neither. */
static void
cfg_criterion_when(struct cfg_walk *w, const config_setting_t *e,
    struct criterion *r)
{
	const config_setting_t	*years, *from, *to;
	int			 ok_from, ok_to;

	years = config_setting_get_member(e, "years");
	from = config_setting_get_member(e, "from");
	to = config_setting_get_member(e, "to");
	r->from = w->c->goal_from;
	r->to = w->c->goal_to;
	if (years != NULL && (from != NULL || to != NULL)) {
		cfg_err(w, years, _("a criterion has either \"years\" or "
		    "\"from\" and \"to\", not both"));
		return;
	}
	if (years != NULL) {
		r->from = r->to = DATE_NONE;
		cfg_criterion_years(w, years, r);
		return;
	}
	if (from == NULL && to == NULL)
		return;
	ok_from = cfg_date(w, e, "from", _("criterion"), &r->from) == 0;
	ok_to = cfg_date(w, e, "to", _("criterion"), &r->to) == 0;
	if (ok_from && ok_to && r->from > r->to)
		cfg_err(w, from, _("criterion: \"from\" (%s) is after \"to\" "
		    "(%s)"), config_setting_get_string(from),
		    config_setting_get_string(to));
}

/* What a criterion asks: its kind, target, the least views or likes,
 * the channels.  -1 when the kind is missing or wrong. */
static int
cfg_criterion_rule(struct cfg_walk *w, const config_setting_t *e,
    struct criterion *r)
{
	const config_setting_t	*m;
	const char		*v;
	int			 n;

	if ((v = cfg_string(w, e, "kind", 1, _("criterion"))) == NULL)
		return -1;
	if (core_crit_kind_parse(v, &r->kind) == -1) {
		cfg_err(w, config_setting_get_member(e, "kind"),
		    _("\"kind\" must be \"ambassadors\", \"film\", \"stories\" "
		    "or \"press\", not \"%s\""), v);
		return -1;
	}
	/* The ambassadors' target is the goal's unless it is given. */
	r->target = w->c->goal_ambassadors;
	if ((m = config_setting_get_member(e, "target")) == NULL &&
	    r->kind != CK_AMBASSADORS)
		cfg_err(w, e, _("this %s has no \"%s\""), _("criterion"),
		    "target");
	else if (m != NULL)
		cfg_int(w, m, 1, CRIT_TARGET_MAX, &r->target);
	if ((m = cfg_criterion_only(w, e, "min_views", r->kind == CK_FILM,
	    _("a film (kind \"film\")"))) != NULL && cfg_int(w, m, 0,
	    CRIT_COUNT_MAX, &n) == 0)
		r->min_count = n;
	if ((m = cfg_criterion_only(w, e, "min_likes", r->kind == CK_STORIES,
	    _("success stories (kind \"stories\")"))) != NULL &&
	    cfg_int(w, m, 0, CRIT_COUNT_MAX, &n) == 0)
		r->min_count = n;
	if ((m = cfg_criterion_only(w, e, "channels", r->kind == CK_FILM ||
	    r->kind == CK_STORIES, _("a film or success stories"))) != NULL)
		cfg_criterion_channels(w, m, r);
	cfg_criterion_when(w, e, r);
	return 0;
}

/* Check one criterion against the ones before it, then add it. */
static void
cfg_criterion(struct cfg_walk *w, const config_setting_t *e,
    const config_setting_t **where)
{
	struct conf		*c = w->c;
	struct cfg_criterion	*it;
	struct criterion	 r;
	const char		*key, *title, *title_da;
	size_t			 i;
	int			 ok;

	if (!cfg_want(w, e, CONFIG_TYPE_GROUP, _("each criterion")))
		return;
	cfg_check_names(w, e, cfg_criterion_names);
	memset(&r, 0, sizeof r);
	key = cfg_string(w, e, "key", 1, _("criterion"));
	title = cfg_string(w, e, "title", 1, _("criterion"));
	title_da = cfg_string(w, e, "title_da", 0, _("criterion"));
	if (title_da != NULL && *title_da == '\0')
		cfg_err(w, config_setting_get_member(e, "title_da"),
		    _("\"%s\" is empty"), "title_da");
	ok = cfg_criterion_rule(w, e, &r) == 0;
	if (key == NULL || !ok)
		return;
	for (i = 0; i < c->ncriteria; i++)
		if (strcmp(c->criteria[i].key, key) == 0) {
			cfg_err(w, config_setting_get_member(e, "key"),
			    _("two criteria have the key \"%s\" (the first at "
			    "line %u)"), key,
			    config_setting_source_line(where[i]));
			return;
		}
	where[c->ncriteria] = e;
	it = &c->criteria[c->ncriteria++];
	it->key = xstrdup(key);
	it->title = xstrdup(title != NULL ? title : key);
	it->title_da = title_da != NULL && *title_da != '\0' ?
	    xstrdup(title_da) : NULL;
	it->rule = r;
}

/* Read the success criteria, in file order (none when not set). */
static void
cfg_build_criteria(struct cfg_walk *w, const config_setting_t *list)
{
	const config_setting_t	**where;
	int			 i, n;

	if (list == NULL || !cfg_want(w, list, CONFIG_TYPE_LIST, NULL))
		return;
	if ((n = config_setting_length(list)) > CFG_CRITERIA_MAX) {
		cfg_err(w, list, _("at most %d criteria may be named, not %d"),
		    CFG_CRITERIA_MAX, n);
		return;
	}
	if (n == 0)
		return;
	w->c->criteria = xcalloc((size_t)n, sizeof *w->c->criteria);
	where = xcalloc((size_t)n, sizeof *where);
	for (i = 0; i < n; i++)
		cfg_criterion(w, config_setting_get_elem(list, (unsigned)i),
		    where);
	free(where);
}

/* Read one word list into the configuration's words; e is the setting
 * that named it (for a file that cannot be read). */
static void
cfg_sensitive_file(struct cfg_walk *w, const config_setting_t *e,
    const char *path)
{
	const char	*why;
	char		*buf;
	size_t		 len, line;
	int		 r;

	if ((r = util_read_file(path, CFG_FILE_MAX, &buf, &len)) != 0) {
		cfg_err(w, e, _("cannot read the word list %s: %s"), path,
		    r == EISDIR ? _("it is not a file") : strerror(r));
		return;
	}
	if (strlen(buf) != len)
		cfg_errat(w, path, 0, "%s", _("the file is not UTF-8 text"));
	else if ((why = core_sensitive_add(w->c->sensitive, buf, &line)) !=
	    NULL)
		cfg_errat(w, path, (unsigned)line, "%s", _(why));
	free(buf);
}

/* 1 if name is a word list in a folder: ends with ".txt", not hidden. */
static int
cfg_sensitive_name(const char *name)
{
	size_t	 n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* qsort: two names in byte order. */
static int
cfg_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read every word list (*.txt) of the folder path, in name order. */
static void
cfg_sensitive_dir(struct cfg_walk *w, const config_setting_t *e,
    const char *path, DIR *d)
{
	struct dirent	 *de;
	char		**names = NULL, *f;
	size_t		  n = 0, i;

	while ((de = readdir(d)) != NULL) {
		if (!cfg_sensitive_name(de->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, cfg_strcmp);
	for (i = 0; i < n; i++) {
		f = xasprintf("%s/%s", path, names[i]);
		cfg_sensitive_file(w, e, f);
		free(f);
		free(names[i]);
	}
	free(names);
}

/*
 * The word lists of notes that may say something sensitive: files or
 * folders of *.txt, a relative path taken from the folder of the shipped
 * default (where the shipped lists are, whichever file names them, so a
 * copy of the shipped file still finds them).  Not set: no words (a CPR
 * number is still found).
 */
static void
cfg_build_sensitive(struct cfg_walk *w, const config_setting_t *list)
{
	const config_setting_t	*e;
	const char		*v;
	char			*dir, *path;
	DIR			*d;
	int			 n, k;

	w->c->sensitive = core_sensitive_new();
	if (!cfg_words)
		return;
	if (list == NULL || (config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	    !cfg_want(w, list, CONFIG_TYPE_LIST, NULL)))
		return;
	dir = util_dirname(w->default_path);
	n = config_setting_length(list);
	for (k = 0; k < n; k++) {
		e = config_setting_get_elem(list, (unsigned)k);
		if (!cfg_want(w, e, CONFIG_TYPE_STRING, _("each word list")))
			continue;
		v = config_setting_get_string(e);
		if (!cfg_text_ok(v, 0) || *v == '\0') {
			cfg_err(w, e, "%s", _("a word list is named by its "
			    "file or folder"));
			continue;
		}
		path = *v == '/' ? xstrdup(v) : xasprintf("%s/%s", dir, v);
		if ((d = opendir(path)) != NULL)
			cfg_sensitive_dir(w, e, path, d);
		else
			cfg_sensitive_file(w, e, path);
		free(path);
	}
	free(dir);
}

/* Whether the word lists are read (cfg.h). */
void
cfg_read_word_lists(int on)
{
	cfg_words = on;
}

/* Walk the merged layers: later layers win per top-level setting. */
static void
cfg_build(struct cfg_walk *w, struct cfg_layer *layers, size_t nlayers)
{
	config_setting_t	*top[TOP_N], *root, *m;
	const char		*files[CFG_NLAYERS];
	size_t			 i, nfiles = 0;
	int			 t;

	memset(top, 0, sizeof top);
	for (i = 0; i < nlayers; i++) {
		if (!layers[i].loaded)
			continue;
		files[nfiles++] = layers[i].path;
		root = config_root_setting(&layers[i].cf);
		cfg_check_names(w, root, cfg_top_names);
		for (t = 0; t < TOP_N; t++)
			if ((m = config_setting_get_member(root,
			    cfg_top_names[t])) != NULL)
				top[t] = m;
	}
	cfg_build_scalars(w, top);
	cfg_build_terminal(w, top[TOP_TERMINAL]);
	cfg_build_visits(w, top[TOP_VISITS]);
	cfg_build_retention(w, top[TOP_RETENTION]);
	cfg_build_accounts(w, top[TOP_ACCOUNTS]);
	cfg_build_departments(w, top[TOP_DEPARTMENTS], files, nfiles);
	if (nfiles > 0)		/* else "no file" says it all */
		cfg_build_goal(w, top[TOP_GOAL]);
	cfg_build_stairwells(w, top[TOP_STAIRWELLS]);
	cfg_every_department_has_stairwells(w);
	cfg_build_checklist(w, top[TOP_CHECKLIST], files, nfiles);
	cfg_build_languages(w, top[TOP_LANGUAGES]);
	cfg_build_pilots(w, top[TOP_PILOTS]);
	if (nfiles > 0)
		cfg_build_criteria(w, top[TOP_CRITERIA]);
	cfg_build_sensitive(w, top[TOP_SENSITIVE]);
	free(w->dep_where);	/* kept until here for the messages */
	w->dep_where = NULL;
}

/* Read one layer; a missing optional file is skipped silently. */
static void
cfg_layer_read(struct cfg_walk *w, struct cfg_layer *l)
{
	FILE	*f;
	int	 e;

	if ((f = fopen(l->path, "r")) == NULL) {
		e = errno;
		if (!l->optional || (e != ENOENT && e != ENOTDIR))
			cfg_errat(w, l->path, 0, _("cannot read: %s"),
			    strerror(e));
		return;
	}
	fclose(f);
	config_init(&l->cf);
	errno = 0;
	if (config_read_file(&l->cf, l->path) == CONFIG_TRUE) {
		l->loaded = 1;
		return;
	}
	e = errno;
	if (config_error_type(&l->cf) == CONFIG_ERR_FILE_IO)
		cfg_errat(w, l->path, 0, _("cannot read: %s"),
		    strerror(e != 0 ? e : EIO));
	else
		cfg_errat(w, config_error_file(&l->cf) != NULL ?
		    config_error_file(&l->cf) : l->path,
		    (unsigned)config_error_line(&l->cf), "%s",
		    config_error_text(&l->cf));
	config_destroy(&l->cf);
}

/* Fill in the layers' paths in reading order; returns how many. */
static size_t
cfg_layer_paths(struct cfg_layer *layers, const char *default_path,
    const char *user_file, int skip_system)
{
	const char	*xdg, *home;
	size_t		 n = 0;

	memset(layers, 0, CFG_NLAYERS * sizeof *layers);
	layers[n].optional = 1;
	layers[n++].path = xstrdup(default_path != NULL ? default_path :
	    cfg_default_path());
	if (!skip_system) {
		layers[n].optional = 1;
		layers[n++].path = xstrdup("/etc/velkomst.conf");
		xdg = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		if (xdg != NULL && *xdg == '/') {
			layers[n].optional = 1;
			layers[n++].path = xasprintf(
			    "%s/velkomst/velkomst.conf", xdg);
		} else if (home != NULL && *home != '\0') {
			layers[n].optional = 1;
			layers[n++].path = xasprintf(
			    "%s/.config/velkomst/velkomst.conf", home);
		}
	}
	if (user_file != NULL)
		layers[n++].path = xstrdup(user_file);
	return n;
}

/* Read the layers into *c; see cfg.h. */
int
cfg_load(struct conf *c, const char *default_path, const char *user_file,
    int skip_system, char *err, size_t errlen)
{
	struct cfg_layer	 layers[CFG_NLAYERS];
	struct cfg_walk		 w;
	size_t			 i, n;

	memset(c, 0, sizeof *c);
	memset(&w, 0, sizeof w);
	w.err = err;
	w.errlen = errlen;
	w.c = c;
	if (errlen > 0)
		err[0] = '\0';
	n = cfg_layer_paths(layers, default_path, user_file, skip_system);
	w.default_path = layers[0].path;
	for (i = 0; i < n; i++)
		cfg_layer_read(&w, &layers[i]);
	if (w.nerr == 0)
		cfg_build(&w, layers, n);
	free(w.text);
	for (i = 0; i < n; i++) {
		if (layers[i].loaded) {
			config_destroy(&layers[i].cf);
			if (w.nerr == 0) {
				c->files[c->nfiles++] = layers[i].path;
				continue;
			}
		}
		free(layers[i].path);
	}
	if (w.nerr != 0) {
		cfg_free(c);
		return -1;
	}
	return 0;
}

/* Free everything in *c and clear it. */
void
cfg_free(struct conf *c)
{
	size_t	 i;

	for (i = 0; i < c->ndepartments; i++) {
		free(c->departments[i].key);
		free(c->departments[i].name);
		free(c->departments[i].office);
		free(c->departments[i].shortname);
	}
	free(c->departments);
	for (i = 0; i < c->nstairwells; i++)
		free(c->stairwells[i].name);
	free(c->stairwells);
	for (i = 0; i < c->nchecklist; i++) {
		free(c->checklist[i].key);
		free(c->checklist[i].title);
		free(c->checklist[i].text);
		free(c->checklist[i].title_da);
		free(c->checklist[i].text_da);
	}
	free(c->checklist);
	free(c->language);
	for (i = 0; i < c->nlanguages; i++)
		free(c->languages[i]);
	free(c->languages);
	free(c->pilot);
	for (i = 0; i < c->ncriteria; i++) {
		free(c->criteria[i].key);
		free(c->criteria[i].title);
		free(c->criteria[i].title_da);
	}
	free(c->criteria);
	core_sensitive_free(c->sensitive);
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	memset(c, 0, sizeof *c);
}

/* The i-th name the configuration takes; see cfg.h. */
int
cfg_schema_name(size_t i, char *buf, size_t len)
{
	size_t	 t, m;

	for (t = 0; cfg_top_names[t] != NULL; t++)
		if (i-- == 0) {
			snprintf(buf, len, "%s", cfg_top_names[t]);
			return 1;
		}
	for (t = 0; t < sizeof cfg_members / sizeof cfg_members[0]; t++)
		for (m = 0; cfg_members[t].names[m] != NULL; m++)
			if (i-- == 0) {
				snprintf(buf, len, "%s.%s", cfg_members[t].top,
				    cfg_members[t].names[m]);
				return 1;
			}
	return 0;
}

/* Where the shipped default is looked for. */
const char *
cfg_default_path(void)
{
	static char	 path[4096];
	const char	*share;

	share = getenv("VELKOMST_SHARE");
	if (share != NULL && *share != '\0') {
		snprintf(path, sizeof path, "%s/velkomst.conf", share);
		return path;
	}
	return DATADIR "/velkomst/velkomst.conf";
}

/* The department with this key, or this name ignoring case; -1 if none. */
int
cfg_department_find(const struct conf *c, const char *key_or_name)
{
	size_t	 i;

	if (key_or_name == NULL)
		return -1;
	for (i = 0; i < c->ndepartments; i++)
		if (c->departments[i].key != NULL &&
		    strcmp(c->departments[i].key, key_or_name) == 0)
			return (int)i;
	for (i = 0; i < c->ndepartments; i++)
		if ((c->departments[i].name != NULL &&
		    strcasecmp(c->departments[i].name, key_or_name) == 0) ||
		    (c->departments[i].key != NULL &&
		    strcasecmp(c->departments[i].key, key_or_name) == 0))
			return (int)i;
	for (i = 0; i < c->ndepartments; i++)
		if (c->departments[i].shortname != NULL &&
		    strcasecmp(c->departments[i].shortname, key_or_name) == 0)
			return (int)i;
	return -1;
}

/* The keys and names of the places, as new arrays (cfg.h). */
void
cfg_places(const struct conf *c, const char ***departments,
    const char ***stairwells, int **stairwell_department)
{
	size_t	 i;

	*departments = xcalloc(c->ndepartments + 1, sizeof **departments);
	*stairwells = xcalloc(c->nstairwells + 1, sizeof **stairwells);
	*stairwell_department = xcalloc(c->nstairwells + 1,
	    sizeof **stairwell_department);
	for (i = 0; i < c->ndepartments; i++)
		(*departments)[i] = c->departments[i].key;
	for (i = 0; i < c->nstairwells; i++) {
		(*stairwells)[i] = c->stairwells[i].name;
		(*stairwell_department)[i] = c->stairwells[i].department;
	}
}

/* The stairwell of this name in the department; -1 if none. */
int
cfg_stairwell_find(const struct conf *c, int department, const char *name)
{
	size_t	 i;

	if (name == NULL)
		return -1;
	for (i = 0; i < c->nstairwells; i++)
		if (c->stairwells[i].department == department &&
		    strcmp(c->stairwells[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The checklist of a department: common items and its own, file order. */
size_t
cfg_checklist(const struct conf *c, int department,
    const struct cfg_check_item **items, size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->nchecklist; i++) {
		if (c->checklist[i].department != -1 &&
		    c->checklist[i].department != department)
			continue;
		if (n < max)
			items[n] = &c->checklist[i];
		n++;
	}
	return n;
}
