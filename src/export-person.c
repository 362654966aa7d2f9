/*
 * export-person.c — a resident's copy written out (person.h): readable
 * text in the user's language, or JSON with stable English keys; and
 * the household screen's two files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "core.h"
#include "i18n.h"
#include "person.h"
#include "util.h"

#define PT_LABEL	26	/* columns of a label in the text */

static const char *const pt_whys[][2] = {
	{ "request", N_("on request") },
	{ "purge", N_("by the retention rules") },
};

/* The label of a stored word in a table of n pairs, translated; the
 * word itself when the table does not know it. */
static const char *
pt_word(const char *const (*table)[2], size_t n, const char *word)
{
	size_t	i;

	for (i = 0; word != NULL && i < n; i++)
		if (strcmp(table[i][0], word) == 0)
			return _(table[i][1]);
	return word != NULL ? word : "";
}

/* ---- JSON ------------------------------------------------------------- */

/* s as a JSON string: a new string. */
char *
export_json_string(const char *s)
{
	const unsigned char	*p = (const unsigned char *)(s != NULL ? s : "");
	size_t			 len = strlen((const char *)p), o = 0, k;
	char			*out = xmalloc(len * 6 + 3);
	wchar_t			 wc;

	out[o++] = '"';
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			out[o++] = '\\';
			out[o++] = (char)*p++;
		} else if (*p == '\n' || *p == '\t' || *p == '\r') {
			out[o++] = '\\';
			out[o++] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			o += (size_t)sprintf(out + o, "\\u%04x", *p++);
		} else if (*p < 0x80) {
			out[o++] = (char)*p++;
		} else if ((k = util_text_char((const char *)p,
		    strlen((const char *)p), &wc)) == 0) {
			o += (size_t)sprintf(out + o, "\\ufffd");
			p++;
		} else if (wc == 0x2028 || wc == 0x2029) {
			/* Valid JSON, but not inside JavaScript. */
			o += (size_t)sprintf(out + o, "\\u%04x", (unsigned)wc);
			p += k;
		} else {
			memcpy(out + o, p, k);
			o += k;
			p += k;
		}
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}

#define PJ_DEPTH	8

/* A JSON writer: where the next member goes and whether it is the
 * first of its object or array. */
struct pj {
	FILE	*f;
	int	 depth;
	int	 first[PJ_DEPTH];
};

/* Start the next member (its comma, line and indent, its key). */
static void
pj_key(struct pj *j, const char *key)
{
	char	*k;

	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = 0;
	fprintf(j->f, "\n%*s", j->depth * 2, "");
	if (key != NULL) {
		k = export_json_string(key);
		fprintf(j->f, "%s: ", k);
		free(k);
	}
}

/* Open an object ('{') or array ('[') as member key (NULL: an element). */
static void
pj_open(struct pj *j, const char *key, char c)
{
	if (j->depth > 0)
		pj_key(j, key);
	fputc(c, j->f);
	if (j->depth < PJ_DEPTH - 1)
		j->first[++j->depth] = 1;
}

/* Close the object or array opened last. */
static void
pj_close(struct pj *j, char c)
{
	int	empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		fprintf(j->f, "\n%*s", j->depth * 2, "");
	fputc(c, j->f);
}

/* A string member (NULL: null). */
static void
pj_str(struct pj *j, const char *key, const char *s)
{
	char	*q;

	pj_key(j, key);
	if (s == NULL) {
		fputs("null", j->f);
		return;
	}
	q = export_json_string(s);
	fputs(q, j->f);
	free(q);
}

/* A number member. */
static void
pj_num(struct pj *j, const char *key, long n)
{
	pj_key(j, key);
	fprintf(j->f, "%ld", n);
}

/* A true/false member. */
static void
pj_bool(struct pj *j, const char *key, int b)
{
	pj_key(j, key);
	fputs(b ? "true" : "false", j->f);
}

/* A date member, "2019-06-01" (DATE_NONE: null). */
static void
pj_date(struct pj *j, const char *key, long day)
{
	char	iso[16];

	pj_str(j, key, day == DATE_NONE ? NULL : util_date_iso(day, iso));
}

/* A time member: a stored UTC "2026-11-28 09:12:00" as ISO 8601,
 * "2026-11-28T09:12:00Z" (NULL: null). */
static void
pj_time(struct pj *j, const char *key, const char *utc)
{
	char	buf[32];

	if (utc != NULL && strlen(utc) == 19 && utc[10] == ' ') {
		snprintf(buf, sizeof buf, "%.10sT%sZ", utc, utc + 11);
		pj_str(j, key, buf);
	} else
		pj_str(j, key, utc);
}

/* The household's own fields. */
static void
pj_household(struct pj *j, const struct household *h,
    const struct conf *conf)
{
	char	*langs, *p, *code;
	size_t	 i;
	int	 dep = conf != NULL ? cfg_department_find(conf,
		    h->department) : -1;

	pj_open(j, "household", '{');
	pj_num(j, "id", h->id);
	pj_str(j, "department", h->department);
	pj_str(j, "department_name", dep >= 0 ?
	    conf->departments[dep].name : NULL);
	pj_str(j, "stairwell", h->stairwell);
	pj_str(j, "flat", h->flat);
	pj_date(j, "moved_in", h->moved_in);
	pj_date(j, "moved_out", h->moved_out);
	pj_open(j, "members", '[');
	for (i = 0; i < h->nmembers; i++)
		pj_str(j, NULL, h->members[i]);
	pj_close(j, ']');
	pj_str(j, "phone", h->phone);
	pj_open(j, "languages", '[');
	langs = p = xstrdup(h->languages != NULL ? h->languages : "");
	while ((code = strsep(&p, ",")) != NULL)
		if (*code != '\0')
			pj_str(j, NULL, code);
	free(langs);
	pj_close(j, ']');
	pj_str(j, "languages_other", h->languages_other);
	pj_bool(j, "interpreter", h->interpreter);
	pj_bool(j, "contact_consent", h->consent);
	pj_date(j, "contact_consent_on", h->consent_on);
	pj_str(j, "contact_consent_by", h->consent_by);
	pj_str(j, "notes", h->notes);
	pj_str(j, "state", core_status_name(h->state));
	pj_date(j, "next_visit", h->next_date);
	pj_date(j, "handled_on", h->handled_on);
	pj_time(j, "created_at", h->created_at);
	pj_str(j, "created_by", h->created_by);
	pj_time(j, "updated_at", h->updated_at);
	pj_str(j, "updated_by", h->updated_by);
	pj_close(j, '}');
}

/* The consents. */
static void
pj_consents(struct pj *j, const struct person *p)
{
	const struct consent	*c;
	size_t				 i;

	pj_open(j, "consents", '[');
	for (i = 0; i < p->nconsents; i++) {
		c = &p->consents[i];
		pj_open(j, NULL, '{');
		pj_str(j, "purpose", core_consent_purpose_name(c->purpose));
		pj_date(j, "given_on", c->given_on);
		pj_str(j, "given_by", c->given_by);
		pj_str(j, "how", core_consent_how_name(c->how));
		pj_date(j, "withdrawn_on", c->withdrawn_on);
		pj_str(j, "withdrawn_by", c->withdrawn_by);
		pj_close(j, '}');
	}
	pj_close(j, ']');
}

/* One visit with its checklist and story mark. */
static void
pj_visit(struct pj *j, const struct visit *v)
{
	const struct visit_item	*it;
	size_t			 i;

	pj_open(j, NULL, '{');
	pj_num(j, "id", v->id);
	pj_date(j, "date", v->date);
	pj_str(j, "ambassador", v->ambassador);
	pj_str(j, "outcome", core_outcome_name(v->outcome));
	pj_date(j, "next_visit", v->next_date);
	pj_str(j, "notes", v->notes);
	pj_open(j, "checklist", '[');
	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		pj_open(j, NULL, '{');
		pj_str(j, "key", it->key);
		pj_str(j, "title", it->title);
		pj_str(j, "title_da", it->title_da != NULL ? it->title_da :
		    it->title);
		pj_str(j, "state", core_item_state_name(it->state));
		pj_str(j, "note", it->note);
		pj_bool(j, "to_secretariat", it->referral);
		pj_close(j, '}');
	}
	pj_close(j, ']');
	if (v->story) {
		pj_open(j, "success_story", '{');
		pj_date(j, "consent_on", v->story_consent_on);
		pj_str(j, "consent_by", v->story_consent_by);
		pj_close(j, '}');
	} else
		pj_str(j, "success_story", NULL);
	pj_time(j, "created_at", v->created_at);
	pj_str(j, "created_by", v->created_by);
	pj_close(j, '}');
}

/* The visits and the follow-ups. */
static void
pj_visits(struct pj *j, const struct person *p)
{
	const struct followup	*f;
	size_t			 i;

	pj_open(j, "visits", '[');
	for (i = 0; i < p->nvisits; i++)
		pj_visit(j, &p->visits[i]);
	pj_close(j, ']');
	pj_open(j, "followups", '[');
	for (i = 0; i < p->nfus; i++) {
		f = &p->fus[i];
		pj_open(j, NULL, '{');
		pj_num(j, "id", f->id);
		pj_date(j, "date", f->date);
		pj_str(j, "login", f->login);
		pj_str(j, "action", core_followup_action_name(f->action));
		pj_str(j, "closes", f->closes == FC_NONE ? NULL :
		    core_followup_close_name(f->closes));
		pj_str(j, "note", f->note);
		pj_close(j, '}');
	}
	pj_close(j, ']');
}

/* Erasure and the audit trail. */
static void
pj_trail(struct pj *j, const struct person *p)
{
	const struct audit_row	*r;
	size_t			 i;

	if (p->erased_on != DATE_NONE) {
		pj_open(j, "erased", '{');
		pj_date(j, "on", p->erased_on);
		pj_str(j, "by", p->erased_by);
		pj_str(j, "why", p->erased_why);
		pj_close(j, '}');
	} else
		pj_str(j, "erased", NULL);
	pj_open(j, "audit", '[');
	for (i = 0; i < p->naudit; i++) {
		r = &p->audit[i];
		pj_open(j, NULL, '{');
		pj_num(j, "id", r->id);
		pj_time(j, "at", r->at);
		pj_str(j, "login", r->login);
		pj_bool(j, "command_line", r->command_line);
		pj_str(j, "kind", r->kind);
		pj_str(j, "table", r->table);
		pj_num(j, "record", r->record);
		pj_str(j, "detail", r->detail);
		pj_close(j, '}');
	}
	pj_close(j, ']');
}

/* The whole copy as JSON. */
static void
pj_person(FILE *f, const struct person *p, const struct conf *conf,
    const char *made_by, long today)
{
	struct pj	 j = { .f = f };

	pj_open(&j, NULL, '{');
	pj_str(&j, "format", "velkomst household copy");
	pj_num(&j, "version", 1);
	pj_date(&j, "made_on", today);
	pj_str(&j, "made_by", made_by);
	pj_household(&j, &p->h, conf);
	pj_consents(&j, p);
	pj_visits(&j, p);
	pj_trail(&j, p);
	pj_close(&j, '}');
	fputc('\n', f);
}

/* ---- text ------------------------------------------------------------- */

/* A heading, underlined. */
static void
pt_heading(FILE *f, const char *s)
{
	int	w = util_text_width(s), i;

	fprintf(f, "\n%s\n", s);
	for (i = 0; i < w; i++)
		fputc('-', f);
	fputc('\n', f);
}

/* "  Label      value": the label padded to its column by display
 * width (a longer label has the value on the next line); a value of
 * several lines keeps them under each other; no value is a dash. */
static void
pt_line(FILE *f, int indent, const char *label, const char *value)
{
	const char	*p;
	int		 pad = PT_LABEL - indent - util_text_width(label);

	if (value == NULL || *value == '\0')
		value = "\xe2\x80\x94";
	if (pad < 1) {
		fprintf(f, "%*s%s\n", indent, "", label);
		indent = 0;
		label = "";
		pad = PT_LABEL;
	}
	fprintf(f, "%*s%s%*s ", indent, "", label, pad, "");
	for (p = value; *p != '\0'; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fprintf(f, "%*s", PT_LABEL + 1, "");
	}
	fputc('\n', f);
}

/* A stored UTC time as local time "28.11.2026 11:12" by who. */
static void
pt_stamp(FILE *f, int indent, const char *label, const char *utc,
    const char *by)
{
	char	 t[UTIL_TIME_LEN], *s;

	s = xasprintf(_("%s by %s"), util_time_local(utc, 0, t),
	    by != NULL ? by : "?");
	pt_line(f, indent, label, s);
	free(s);
}

/* Where the household lives, and when. */
static void
pt_place(FILE *f, const struct household *h, const struct conf *conf)
{
	char	 d[11], *s;
	int	 dep = conf != NULL ? cfg_department_find(conf, h->department) :
		    -1;

	s = dep >= 0 ? xasprintf("%s (%s)", conf->departments[dep].name,
	    h->department) : xstrdup(h->department);
	pt_line(f, 2, _("Department"), s);
	free(s);
	pt_line(f, 2, _("Stairwell"), h->stairwell);
	pt_line(f, 2, _("Flat"), h->flat);
	pt_line(f, 2, _("Moved in"), util_date_dk(h->moved_in, d));
	pt_line(f, 2, _("Moved out"), util_date_dk(h->moved_out, d));
}

/* Who lives there, how to reach them, what is noted. */
static void
pt_people(FILE *f, const struct household *h)
{
	char	 d[11], *s;
	size_t	 i;

	for (i = 0; i < h->nmembers; i++)
		pt_line(f, 2, i == 0 ? _("Who lives there") : "",
		    h->members[i]);
	if (h->consent) {
		s = xasprintf(_("yes, on %s, recorded by %s"),
		    util_date_dk(h->consent_on, d), h->consent_by != NULL ?
		    h->consent_by : "?");
		pt_line(f, 2, _("Consent"), s);
		free(s);
	} else
		pt_line(f, 2, _("Consent"), _("no: no phone or languages are "
		    "kept"));
	pt_line(f, 2, _("Phone"), h->phone);
	s = core_lang_names(h->languages, i18n_lang());
	pt_line(f, 2, _("Languages"), s);
	free(s);
	if (h->languages_other != NULL)
		pt_line(f, 2, _("Not in the list"), h->languages_other);
	pt_line(f, 2, _("Interpreter needed"), h->interpreter ? _("yes") :
	    _("no"));
	pt_line(f, 2, _("Notes"), h->notes);
}

/* The household: where, who, its welcome, who wrote it. */
static void
pt_household(FILE *f, const struct person *p, const struct conf *conf)
{
	const struct household	*h = &p->h;
	char			 d[11];

	pt_heading(f, _("The household"));
	pt_place(f, h, conf);
	pt_people(f, h);
	pt_line(f, 2, _("Welcome"), C_(core_status_label(h->state)));
	if (h->next_date != DATE_NONE)
		pt_line(f, 2, _("Next visit"), util_date_dk(h->next_date, d));
	if (h->handled_on != DATE_NONE)
		pt_line(f, 2, _("Dealt with by the secretariat"),
		    util_date_dk(h->handled_on, d));
	pt_stamp(f, 2, _("Registered"), h->created_at, h->created_by);
	pt_stamp(f, 2, _("Last changed"), h->updated_at, h->updated_by);
}

/* What the household consented to, and what it withdrew. */
static void
pt_consents(FILE *f, const struct person *p)
{
	const struct consent	*c;
	char				 d[11], w[11], *s;
	size_t				 i;

	pt_heading(f, _("Consent"));
	if (p->nconsents == 0)
		fprintf(f, "  %s\n", _("No consent is recorded."));
	for (i = 0; i < p->nconsents; i++) {
		c = &p->consents[i];
		if (c->withdrawn_on == DATE_NONE)
			s = xasprintf(_("given on %s by %s, %s"),
			    util_date_dk(c->given_on, d), c->given_by,
			    _(core_consent_how_label(c->how)));
		else
			s = xasprintf(_("given on %s by %s, %s; withdrawn on "
			    "%s by %s"), util_date_dk(c->given_on, d),
			    c->given_by, _(core_consent_how_label(c->how)),
			    util_date_dk(c->withdrawn_on, w),
			    c->withdrawn_by != NULL ? c->withdrawn_by : "?");
		pt_line(f, 2, _(core_consent_purpose_label(c->purpose)), s);
		free(s);
	}
}

/* One visit: date, outcome, who; its checklist, notes and story. */
static void
pt_visit(FILE *f, const struct visit *v)
{
	const struct visit_item	*it;
	char			 d[11], *s;
	size_t			 i;

	s = xasprintf("%s \xc2\xb7 %s", _(core_outcome_label(v->outcome)),
	    v->ambassador);
	fprintf(f, "\n");
	pt_line(f, 2, util_date_dk(v->date, d), s);
	free(s);
	if (v->next_date != DATE_NONE)
		pt_line(f, 4, _("Come back"), util_date_dk(v->next_date, d));
	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		s = xasprintf("%s: %s%s%s%s", _(core_item_state_label(
		    it->state)), i18n_text(it->title, it->title_da),
		    it->referral ? _(" \xe2\x86\x92 secretariat") : "",
		    it->note != NULL ? " \xe2\x80\x94 " : "",
		    it->note != NULL ? it->note : "");
		pt_line(f, 4, i == 0 ? _("Checklist") : "", s);
		free(s);
	}
	if (v->notes != NULL)
		pt_line(f, 4, _("Notes"), v->notes);
	if (v->story) {
		s = xasprintf(_("yes, on %s, recorded by %s"),
		    util_date_dk(v->story_consent_on, d),
		    v->story_consent_by != NULL ? v->story_consent_by : "?");
		pt_line(f, 4, _("Possible success story"), s);
		free(s);
	}
	pt_stamp(f, 4, _("Registered"), v->created_at, v->created_by);
}

/* The visits, then the follow-ups, oldest first. */
static void
pt_visits(FILE *f, const struct person *p)
{
	const struct followup	*fu;
	char			 d[11], *s;
	size_t			 i;

	pt_heading(f, _("Visits, oldest first"));
	if (p->nvisits == 0)
		fprintf(f, "  %s\n", _("No visits."));
	for (i = 0; i < p->nvisits; i++)
		pt_visit(f, &p->visits[i]);
	pt_heading(f, _("Follow-ups by the secretariat"));
	if (p->nfus == 0)
		fprintf(f, "  %s\n", _("No follow-ups."));
	for (i = 0; i < p->nfus; i++) {
		fu = &p->fus[i];
		s = xasprintf("%s \xc2\xb7 %s%s%s",
		    _(core_followup_action_label(fu->action)), fu->login,
		    fu->closes != FC_NONE ? _(" \xc2\xb7 closes the case: ") :
		    "", fu->closes != FC_NONE ?
		    _(core_followup_close_label(fu->closes)) : "");
		pt_line(f, 2, util_date_dk(fu->date, d), s);
		free(s);
		if (fu->note != NULL)
			pt_line(f, 4, _("Note"), fu->note);
	}
}

/* Whether it was erased, and the audit trail's rows. */
static void
pt_trail(FILE *f, const struct person *p)
{
	const struct audit_row	*r;
	const char		*detail;
	char			 d[11], t[UTIL_TIME_LEN], own[40], *s;
	size_t			 i;

	if (p->erased_on != DATE_NONE) {
		pt_heading(f, _("Erased"));
		s = xasprintf(_("on %s by %s, %s"), util_date_dk(p->erased_on,
		    d), p->erased_by, pt_word(pt_whys, 2, p->erased_why));
		pt_line(f, 2, _("Personal data erased"), s);
		free(s);
	}
	pt_heading(f, _("The audit trail"));
	fprintf(f, "  %s\n\n", _("Who did what, and when. The trail never "
	    "holds what was written."));
	snprintf(own, sizeof own, "household %ld", p->h.id);
	for (i = 0; i < p->naudit; i++) {
		r = &p->audit[i];
		s = core_audit_record(r->table, r->record);
		/* The detail of a visit's row names the household again. */
		detail = r->detail != NULL && strcmp(r->detail, own) != 0 ?
		    r->detail : NULL;
		fprintf(f, "  %s  %s  %s  %s%s%s\n",
		    util_time_local(r->at, 0, t), r->login != NULL ? r->login :
		    "?", _(r->kind), s, detail != NULL ? "  " : "",
		    detail != NULL ? detail : "");
		free(s);
	}
}

/* The whole copy as text. */
static void
pt_person(FILE *f, const struct person *p, const struct conf *conf,
    const char *made_by, long today)
{
	char	d[11];

	fprintf(f, _("A copy of everything velkomst holds about household "
	    "%ld"), p->h.id);
	fputc('\n', f);
	fprintf(f, _("Made on %s by %s, for the household's request to see "
	    "its data (the right of access)."), util_date_dk(today, d),
	    made_by);
	fputc('\n', f);
	pt_household(f, p, conf);
	pt_consents(f, p);
	pt_visits(f, p);
	pt_trail(f, p);
}

/* Write the copy to f. */
int
export_person_write(FILE *f, enum person_format format,
    const struct person *p, const struct conf *conf, const char *made_by,
    long today)
{
	if (format == PERSON_JSON)
		pj_person(f, p, conf, made_by, today);
	else
		pt_person(f, p, conf, made_by, today);
	if (fflush(f) != 0 || ferror(f))
		return -1;
	return 0;
}

/* ---- the household screen's two files ---------------------------------- */

static const char *const pf_endings[2] = { "txt", "json" };

/* Open path new and private (0600; never over a file): fd, or -1. */
static int
pf_create(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY,
	    0600);
}

/* Try the names of copy k (1: none, else "-k" before the ending): 0
 * with both open, else -1 with errno (EEXIST: one is taken). */
static int
pf_try(const char *dir, long id, int k, int fd[2], char *path[2])
{
	char	 day[11], n[16] = "";
	int	 i, e;

	if (k > 1)
		snprintf(n, sizeof n, "-%d", k);
	util_date_iso(util_today(), day);
	for (i = 0; i < 2; i++)
		path[i] = xasprintf("%s/household-%ld-%s%s.%s", dir, id, day, n,
		    pf_endings[i]);
	if ((fd[0] = pf_create(path[0])) >= 0) {
		if ((fd[1] = pf_create(path[1])) >= 0)
			return 0;
		e = errno;
		close(fd[0]);
		unlink(path[0]);
		errno = e;
	}
	return -1;
}

/* Make dir/household-ID-DATE.txt and .json, new (-2, -3, ... before the
 * ending when one is taken): 0 with both open, or -1 with err. */
static int
pf_open(const char *dir, long id, int fd[2], char *path[2], char *err,
    size_t errlen)
{
	int	 k;

	for (k = 1; k < 100; k++) {
		if (pf_try(dir, id, k, fd, path) == 0)
			return 0;
		if (errno != EEXIST) {
			snprintf(err, errlen, _("%s cannot be made: %s."),
			    path[0], strerror(errno));
			k = 100;
		}
		free(path[0]);
		free(path[1]);
		path[0] = path[1] = NULL;
		if (k == 100)
			return -1;
	}
	snprintf(err, errlen, _("There are too many copies of household %ld "
	    "from today in %s."), id, dir);
	return -1;
}

/* Write the copy into fd (closed after): 0, or -1 with err. */
static int
pf_write(int fd, const char *path, enum person_format format,
    const struct person *p, const struct conf *conf, const char *by,
    char *err, size_t errlen)
{
	FILE	*f;
	int	 rc;

	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		rc = -1;
	} else {
		rc = export_person_write(f, format, p, conf, by, util_today());
		if (fclose(f) != 0)
			rc = -1;
	}
	if (rc != 0)
		snprintf(err, errlen, _("The copy could not be written to %s."),
		    path);
	return rc;
}

/* Read household id in one snapshot into *p: 0, or -1 with err. */
static int
pf_read(struct db *db, const struct who *who, long id, struct person *p,
    char *err, size_t errlen)
{
	enum db_status	 s;

	memset(p, 0, sizeof *p);
	if ((s = db_snapshot_begin(db)) == DB_OK) {
		s = db_person_read(db, who, id, p);
		db_snapshot_end(db);
	}
	if (s != DB_OK) {
		snprintf(err, errlen, "%s", _(db_errmsg(db)));
		return -1;
	}
	return 0;
}

/* The full path of the file at path (freed): a new string. */
static char *
pf_real(char *path)
{
	char	*real;

	if ((real = realpath(path, NULL)) == NULL)
		return path;
	free(path);
	return real;
}

/* The household screen's copy: both files, then the audit row. */
int
export_person_files(struct db *db, const struct who *who,
    const struct conf *conf, long id, const char *dir, char **txt,
    char **json, char *err, size_t errlen)
{
	struct person	 p;
	char		*path[2] = { NULL, NULL };
	int		 fd[2], rc = -1;

	*txt = *json = NULL;
	if (pf_read(db, who, id, &p, err, errlen) != 0)
		return -1;
	if (pf_open(dir, id, fd, path, err, errlen) == 0) {
		rc = pf_write(fd[0], path[0], PERSON_TEXT, &p, conf, who->name,
		    err, errlen);
		if (pf_write(fd[1], path[1], PERSON_JSON, &p, conf, who->name,
		    err, errlen) != 0)
			rc = -1;
		/* Out only once the trail records it. */
		if (rc == 0 && db_audit_note(db, who, "export", "household", id,
		    "person text+json") != DB_OK) {
			snprintf(err, errlen, _("The copy could not be recorded "
			    "in the audit trail, so no copy was made. %s"),
			    _(db_errmsg(db)));
			rc = -1;
		}
		if (rc != 0) {
			unlink(path[0]);
			unlink(path[1]);
		}
	}
	db_person_clear(&p);
	if (rc == 0) {
		*txt = pf_real(path[0]);
		*json = pf_real(path[1]);
	} else {
		free(path[0]);
		free(path[1]);
	}
	return rc;
}
