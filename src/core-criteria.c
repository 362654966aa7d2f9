/*
 * core-criteria.c — the activity's success criteria: the stable names of
 * their kinds, of what the secretariat records and where it was shown;
 * what a criterion has reached in a year and whether that is enough; the
 * checks of a record as it is typed.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

static const char *const kind_names[NCRIT_KIND] = {
	"ambassadors", "film", "stories", "press"
};
static const char *const record_names[NCRIT_RECORD] = {
	"film", "story", "press"
};
static const char *const record_labels[NCRIT_RECORD] = {
	N_("film"), N_("success story"), N_("press story")
};
static const char *const channel_names[NCRIT_CHANNEL] = {
	"website", "facebook", "other"
};
static const char *const channel_labels[NCRIT_CHANNEL] = {
	N_("website"), N_("Facebook"), N_("other")
};
static const char *const status_names[NCRIT_STATUS] = {
	"met", "on_track", "behind", "none"
};
static const char *const status_labels[NCRIT_STATUS] = {
	N_("met"), N_("on track"), N_("behind"), N_("not this year")
};

/* The stable name of a criterion's kind. */
const char *
core_crit_kind_name(enum crit_kind k)
{
	return (size_t)k < NCRIT_KIND ? kind_names[k] : kind_names[0];
}

/* The kind a stable name names; -1 if none. */
int
core_crit_kind_parse(const char *s, enum crit_kind *out)
{
	int	i;

	if ((i = core_name_index(kind_names, NCRIT_KIND, s)) == -1)
		return -1;
	*out = (enum crit_kind)i;
	return 0;
}

/* The stable name of a kind of record. */
const char *
core_crit_record_name(enum crit_record_kind k)
{
	return (size_t)k < NCRIT_RECORD ? record_names[k] : record_names[0];
}

/* The kind of record a stable name names; -1 if none. */
int
core_crit_record_parse(const char *s, enum crit_record_kind *out)
{
	int	i;

	if ((i = core_name_index(record_names, NCRIT_RECORD, s)) == -1)
		return -1;
	*out = (enum crit_record_kind)i;
	return 0;
}

/* Words for the screen. */
const char *
core_crit_record_label(enum crit_record_kind k)
{
	return (size_t)k < NCRIT_RECORD ? record_labels[k] : record_labels[0];
}

/* The kind of record a criterion counts; -1 for the ambassadors. */
int
core_crit_record_of(enum crit_kind k)
{
	switch (k) {
	case CK_FILM:
		return CR_FILM;
	case CK_STORIES:
		return CR_STORY;
	case CK_PRESS:
		return CR_PRESS;
	default:
		return -1;
	}
}

/* The stable name of a channel. */
const char *
core_crit_channel_name(enum crit_channel c)
{
	return (size_t)c < NCRIT_CHANNEL ? channel_names[c] :
	    channel_names[CH_OTHER];
}

/* The channel a stable name names; -1 if none. */
int
core_crit_channel_parse(const char *s, enum crit_channel *out)
{
	int	i;

	if ((i = core_name_index(channel_names, NCRIT_CHANNEL, s)) == -1)
		return -1;
	*out = (enum crit_channel)i;
	return 0;
}

/* Words for the screen. */
const char *
core_crit_channel_label(enum crit_channel c)
{
	return (size_t)c < NCRIT_CHANNEL ? channel_labels[c] :
	    channel_labels[CH_OTHER];
}

/* The stable name of a status. */
const char *
core_crit_status_name(enum crit_status st)
{
	return (size_t)st < NCRIT_STATUS ? status_names[st] :
	    status_names[CS_NONE];
}

/* Words for the screen. */
const char *
core_crit_status_label(enum crit_status st)
{
	return (size_t)st < NCRIT_STATUS ? status_labels[st] :
	    status_labels[CS_NONE];
}

/*
 * What criterion c looks at in year y: its period when that shares a
 * day with the year, or the year when it is one of c's years.  0 and
 * *from, *to set; -1 when c asks nothing of the year.
 */
static int
crit_window(const struct criterion *c, int y, long *from, long *to)
{
	long	jan1, dec31;
	size_t	i;

	if (util_date_make(y, 1, 1, &jan1) == -1 ||
	    util_date_make(y, 12, 31, &dec31) == -1)
		return -1;
	if (c->nyears == 0) {
		if (c->from == DATE_NONE || c->to == DATE_NONE ||
		    c->from > c->to || c->to < jan1 || c->from > dec31)
			return -1;
		*from = c->from;
		*to = c->to;
		return 0;
	}
	for (i = 0; i < c->nyears && i < CRIT_YEARS_MAX; i++)
		if (c->years[i] == y) {
			*from = jan1;
			*to = dec31;
			return 0;
		}
	return -1;
}

/* 1 if record f counts toward criterion c (its date aside). */
static int
crit_counts(const struct criterion *c, const struct crit_fact *f)
{
	if ((int)f->kind != core_crit_record_of(c->kind))
		return 0;
	if (c->kind == CK_PRESS)
		return 1;
	if (c->channels != 0 && !(c->channels & (1 << f->channel)))
		return 0;
	return f->count >= 0 && f->count >= c->min_count;
}

/* The records f[0..n) that count toward c, dated in lo..hi. */
static long
crit_achieved(const struct criterion *c, const struct crit_fact *f,
    size_t n, long lo, long hi)
{
	size_t	i;
	long	count = 0;

	for (i = 0; f != NULL && i < n; i++)
		if (f[i].date != DATE_NONE && f[i].date >= lo &&
		    f[i].date <= hi && crit_counts(c, &f[i]))
			count++;
	return count;
}

/* What criterion c has reached in year y, on today; see core.h. */
void
core_criterion(const struct criterion *c, const struct crit_fact *f,
    size_t n, const struct amb_fact *a, size_t na, int year, long today,
    struct crit_result *out)
{
	struct goal_report	 g;
	long			 dec31, hi;

	memset(out, 0, sizeof *out);
	out->status = CS_NONE;
	out->from = out->to = out->upto = DATE_NONE;
	if (crit_window(c, year, &out->from, &out->to) == -1 ||
	    util_date_make(year, 12, 31, &dec31) == -1) {
		out->from = out->to = DATE_NONE;
		return;
	}
	out->upto = today < dec31 ? today : dec31;
	hi = out->upto < out->to ? out->upto : out->to;
	if (c->kind == CK_AMBASSADORS) {
		/* Recruitment is counted once, by the goal's rules. */
		core_goal(a, na, c->target, out->from, out->to, out->upto, &g);
		out->achieved = g.recruited;
		out->pace = g.pace;
	} else {
		out->achieved = crit_achieved(c, f, n, out->from, hi);
		out->pace = core_pace(c->target, out->from, out->to,
		    out->upto);
	}
	if (out->achieved >= c->target)
		out->status = CS_MET;
	else if (out->upto < out->to && out->achieved >= out->pace)
		out->status = CS_ON_TRACK;
	else
		out->status = CS_BEHIND;
}

/* Check the date of a record. */
const char *
core_check_crit_date(long date, long today)
{
	if (date == DATE_NONE)
		return N_("Write the date it was published.");
	if (date > today)
		return N_("The date cannot be in the future.");
	return core_check_date_range(date);
}

/* Check a count of views or likes and the day it was counted. */
const char *
core_check_crit_count(long count, long counted_on, long date, long today)
{
	if (count == -1)
		return counted_on == DATE_NONE ? NULL :
		    N_("Write how many there were that day.");
	if (count < 0 || count > CRIT_COUNT_MAX)
		return N_("Write a whole number from 0 to 1,000,000,000.");
	if (counted_on == DATE_NONE)
		return N_("Write the day they were counted.");
	if (counted_on > today)
		return N_("The day they were counted cannot be in the "
		    "future.");
	if (date != DATE_NONE && counted_on < date)
		return N_("They cannot be counted before it was published.");
	return core_check_date_range(counted_on);
}

/* A count as typed: digits, grouped with commas, dots or spaces. */
int
core_crit_count_parse(const char *s, long *out)
{
	long long	v = 0;
	int		digits = 0, prev_digit = 0;

	*out = -1;
	while (s != NULL && isspace((unsigned char)*s))
		s++;
	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s)) {
			v = v * 10 + (*s - '0');
			if (v > CRIT_COUNT_MAX)
				return -1;
			digits++;
			prev_digit = 1;
		} else if ((*s == ',' || *s == '.' || *s == ' ') &&
		    prev_digit && isdigit((unsigned char)s[1]))
			prev_digit = 0;
		else if (isspace((unsigned char)*s) && s[strspn(s, " \t")] ==
		    '\0')
			break;
		else
			return -1;
	}
	if (digits == 0)
		return -1;
	*out = (long)v;
	return 0;
}

/* The characters of UTF-8 text s (its continuation bytes not counted). */
static size_t
crit_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Check a text of a record: required (empty says empty), short, clean. */
static const char *
crit_check_text(const char *s, const char *empty)
{
	const char	*p = s;

	while (p != NULL && (*p == ' ' || *p == '\t'))
		p++;
	if (p == NULL || *p == '\0')
		return empty;
	if (core_has_forbidden_chars(s))
		return N_("The text has a character that cannot be used "
		    "(a control character).");
	if (crit_chars(s) > CRIT_TITLE_MAX)
		return N_("The text is too long: at most 200 characters.");
	if (core_looks_like_cpr(s))
		return N_("That looks like a CPR number. CPR numbers must "
		    "never be written in velkomst: please remove it.");
	return NULL;
}

/* Check a title. */
const char *
core_check_crit_title(const char *s)
{
	return crit_check_text(s, N_("Write the title."));
}

/* Check the name of a paper. */
const char *
core_check_crit_paper(const char *s)
{
	return crit_check_text(s, N_("Write the name of the paper."));
}
