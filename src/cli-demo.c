/*
 * cli-demo.c — `velkomst demo`: fill a new database with fictional
 * households, the same ones every time (our own PRNG with a fixed seed;
 * only the dates move with today).  Every name, flat, phone and note here
 * is made up; none belongs to a real person.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "core.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

#define DEMO_DEFAULT	240
#define DEMO_MAX	1000000
/* The page cache while the demo fills the file (SQLite's default is
 * 2 MiB): the pages rows are added to stay in memory. */
#define DEMO_CACHE_KIB	(64L * 1024)
/* A progress line on a terminal from this many households, every
 * DEMO_STEP of them. */
#define DEMO_PROGRESS	2000
#define DEMO_STEP	1000
#define DEMO_SEED	0x2545f4914f6cdd1dULL

#define NITEMS(a)	(sizeof (a) / sizeof (a)[0])
#define LIST(a)		(a), NITEMS(a)

struct demo_rng {
	uint64_t	 s;
};

/* The names and the language of one background. */
struct demo_group {
	const char *const	*male;
	size_t			 nmale;
	const char *const	*female;
	size_t			 nfemale;
	const char *const	*family;	/* the man's form */
	size_t			 nfamily;
	const char *const	*family_f;	/* the woman's form, or NULL */
	int			 family_first;	/* "Nguyễn Văn An", "王小明" */
	const char		*sep;		/* between family and given */
	const char		*language;	/* what the household speaks: an
						   ISO 639 code */
	int			 weight;	/* share of the households */
};

/* ---- the names --------------------------------------------------------- */

static const char *const dk_m[] = { "Søren", "Jørgen", "Bjørn", "Aage",
    "Jens", "Henrik", "Mads", "Rasmus", "Asger", "Poul", "Bent", "Østen" };
static const char *const dk_f[] = { "Mette", "Åse", "Aase", "Birthe",
    "Lone", "Karen", "Freja", "Ida", "Signe", "Kirsten", "Ulla", "Gitte" };
static const char *const dk_fam[] = { "Sørensen", "Ølgaard", "Kjær", "Bæk",
    "Aagaard", "Møller", "Nørgaard", "Frølund", "Jensen", "Hansen",
    "Nielsen", "Pedersen", "Andersen", "Larsen", "Østergaard", "Holm",
    "Dahl", "Skov", "Lund", "Ærtebjerg", "Ågesen" };

static const char *const ar_m[] = { "Mohammed", "Ahmad", "Omar", "Khaled",
    "Youssef", "Hussein", "Karim", "Samir" };
static const char *const ar_f[] = { "Fatima", "Yasmin", "Layla", "Amira",
    "Nour", "Rania", "Huda", "Salma" };
static const char *const ar_fam[] = { "Al-Hassan", "Haddad", "Nasser",
    "El-Sayed", "Khalil", "Saleh", "Abu-Zaid", "Mansour" };

static const char *const ara_m[] = { "محمد", "أحمد", "يوسف", "خالد" };
static const char *const ara_f[] = { "فاطمة", "مريم", "نور", "سارة" };
static const char *const ara_fam[] = { "العلي", "حسن", "الخطيب", "منصور",
    "السعيد" };

static const char *const tr_m[] = { "Mehmet", "Mustafa", "Hüseyin",
    "Murat", "İbrahim", "Emre" };
static const char *const tr_f[] = { "Ayşe", "Emine", "Zeynep", "Elif",
    "Gülşen", "Derya" };
static const char *const tr_fam[] = { "Yılmaz", "Öztürk", "Çelik", "Kaya",
    "Şahin", "Demir", "Aydın", "Doğan" };

static const char *const so_m[] = { "Abdi", "Hamza", "Liban", "Abdirahman",
    "Mahad", "Yusuf" };
static const char *const so_f[] = { "Hodan", "Ayaan", "Sahra", "Nimco",
    "Faadumo", "Ifrah" };
static const char *const so_fam[] = { "Warsame", "Farah", "Abdullahi",
    "Jama", "Osman", "Egal" };

static const char *const pk_m[] = { "Imran", "Bilal", "Usman", "Tariq",
    "Faisal" };
static const char *const pk_f[] = { "Sana", "Ayesha", "Nadia", "Hina",
    "Saima" };
static const char *const pk_fam[] = { "Qureshi", "Malik", "Butt",
    "Chaudhry", "Raza", "Mirza" };

static const char *const pl_m[] = { "Łukasz", "Piotr", "Paweł", "Jędrzej",
    "Tomasz" };
static const char *const pl_f[] = { "Agnieszka", "Małgorzata", "Katarzyna",
    "Zofia", "Joanna" };
static const char *const pl_fam[] = { "Wójcik", "Kowalski", "Zieliński",
    "Nowak", "Wiśniewski", "Mazur", "Krawczyk" };
static const char *const pl_fam_f[] = { "Wójcik", "Kowalska", "Zielińska",
    "Nowak", "Wiśniewska", "Mazur", "Krawczyk" };

static const char *const ta_m[] = { "Murugan", "Rajan", "Suresh", "Anbu",
    "Kumaran" };
static const char *const ta_f[] = { "Kavitha", "Selvi", "Priya", "Lakshmi",
    "Tharani" };
static const char *const ta_fam[] = { "Sivakumar", "Natarajah",
    "Thambirajah", "Kanagaratnam", "Selvarajah" };

static const char *const tas_m[] = { "முருகன்", "ராஜன்", "சுரேஷ்" };
static const char *const tas_f[] = { "கவிதா", "செல்வி", "பிரியா" };
static const char *const tas_fam[] = { "சிவகுமார்", "நடராஜா", "செல்வராஜா" };

static const char *const vi_m[] = { "Văn An", "Minh Tuấn", "Đức Anh",
    "Quốc Bảo" };
static const char *const vi_f[] = { "Thị Lan", "Thị Hương", "Thu Hà",
    "Ngọc Mai" };
static const char *const vi_fam[] = { "Nguyễn", "Trần", "Lê", "Phạm",
    "Hoàng", "Võ" };

static const char *const bs_m[] = { "Emir", "Adnan", "Senad", "Kenan" };
static const char *const bs_f[] = { "Amra", "Lejla", "Selma", "Aida" };
static const char *const bs_fam[] = { "Hodžić", "Begić", "Hadžić", "Mujić",
    "Delić", "Softić" };

static const char *const ku_m[] = { "Azad", "Rebin", "Dilshad", "Hozan" };
static const char *const ku_f[] = { "Rojda", "Berfin", "Jiyan", "Shilan" };
static const char *const ku_fam[] = { "Rashid", "Hawrami", "Mahmoudi",
    "Karimi", "Rostami" };

static const char *const ti_m[] = { "Tesfay", "Yonas", "Berhane", "Kidane",
    "Dawit" };
static const char *const ti_f[] = { "Senait", "Mebrat", "Saba", "Luwam",
    "Yordanos" };
static const char *const ti_fam[] = { "Tesfamariam", "Gebremedhin",
    "Haile", "Tekle", "Woldu" };

static const char *const zh_m[] = { "小明", "建国", "伟", "志强" };
static const char *const zh_f[] = { "丽华", "芳", "静", "秀英" };
static const char *const zh_fam[] = { "王", "李", "张", "陈", "刘" };

static const char *const uk_m[] = { "Андрій", "Богдан", "Олег", "Максим" };
static const char *const uk_f[] = { "Олена", "Оксана", "Ірина", "Наталія" };
static const char *const uk_fam[] = { "Коваленко", "Бондаренко", "Мельник",
    "Ткаченко", "Гнатюк" };

#define GROUP(m, f, fam, famf, first, sep, lang, w) \
	{ LIST(m), LIST(f), LIST(fam), famf, first, sep, lang, w }

static const struct demo_group demo_groups[] = {
	GROUP(dk_m, dk_f, dk_fam, NULL, 0, " ", "da", 38),
	GROUP(ar_m, ar_f, ar_fam, NULL, 0, " ", "ar", 10),
	GROUP(ara_m, ara_f, ara_fam, NULL, 0, " ", "ar", 3),
	GROUP(tr_m, tr_f, tr_fam, NULL, 0, " ", "tr", 9),
	GROUP(so_m, so_f, so_fam, NULL, 0, " ", "so", 6),
	GROUP(pk_m, pk_f, pk_fam, NULL, 0, " ", "ur", 5),
	GROUP(pl_m, pl_f, pl_fam, pl_fam_f, 0, " ", "pl", 5),
	GROUP(ta_m, ta_f, ta_fam, NULL, 0, " ", "ta", 3),
	GROUP(tas_m, tas_f, tas_fam, NULL, 0, " ", "ta", 2),
	GROUP(vi_m, vi_f, vi_fam, NULL, 1, " ", "vi", 3),
	GROUP(bs_m, bs_f, bs_fam, NULL, 0, " ", "bs", 3),
	GROUP(ku_m, ku_f, ku_fam, NULL, 0, " ", "ku", 3),
	GROUP(ti_m, ti_f, ti_fam, NULL, 0, " ", "ti", 3),
	GROUP(zh_m, zh_f, zh_fam, NULL, 1, "", "zh", 2),
	GROUP(uk_m, uk_f, uk_fam, NULL, 0, " ", "uk", 3),
};

/* Combinations that would name a well-known person: drawn again. */
static const char *const demo_famous[] = { "Bjørn Nørgaard",
    "Poul Nielsen", "Hüseyin Çelik", "Faisal Qureshi", "Piotr Nowak",
    "Nguyễn Văn An", "Lê Đức Anh" };

/* ---- the rest of the data ---------------------------------------------- */

static const char *const demo_ambassadors[] = { "Birgit Holm",
    "Yusuf Demir", "Lene Bæk", "Samira Haddad", "Tove Frølund",
    "Kasim Raza", "Hodan Jama" };

static const char *const demo_notes[] = {
	"Prefers visits after 17.",
	"Har en hund.",
	"The doorbell does not work; please knock.",
	"Ring på to gange.",
	"Interested in the homework café.",
	"Vil gerne høre om vaskeriet.",
	"Works nights; visit in the afternoon.",
	"Nyt barn i familien.",
	"Asked about the garden plots.",
	"Foretrækker besøg om lørdagen.",
	"Would like to join the choir in the residents' house.",
	"Flyttet fra en anden afdeling i Brøndby Strand.",
	"Speaks some Danish; take it slowly.",
	"Spørger efter fritidsjob til den ældste.",
};

static const char *const demo_sides[] = { "tv.", "th.", "mf." };

/* Danish mobile numbers start with these two digits. */
static const int demo_phone_prefix[] = { 20, 21, 22, 23, 24, 25, 26, 27,
    28, 29, 30, 31, 40, 41, 42, 50, 51, 52, 53, 60, 61, 71, 81, 91, 92, 93 };

/* ---- a small PRNG ------------------------------------------------------ */

/* The next number of xorshift64*. */
static uint64_t
demo_next(struct demo_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* A number in 0..n-1 (n > 0). */
static size_t
demo_below(struct demo_rng *r, size_t n)
{
	return (size_t)((demo_next(r) >> 33) % n);
}

/* 1 with the chance percent/100. */
static int
demo_chance(struct demo_rng *r, int percent)
{
	return (int)demo_below(r, 100) < percent;
}

/* One of the strings of a list. */
static const char *
demo_pick(struct demo_rng *r, const char *const *list, size_t n)
{
	return list[demo_below(r, n)];
}

/* ---- one household ----------------------------------------------------- */

/* A background, by weight. */
static const struct demo_group *
demo_group(struct demo_rng *r)
{
	size_t	i;
	int	total = 0, n;

	for (i = 0; i < NITEMS(demo_groups); i++)
		total += demo_groups[i].weight;
	n = (int)demo_below(r, (size_t)total);
	for (i = 0; i < NITEMS(demo_groups) - 1; i++) {
		if (n < demo_groups[i].weight)
			break;
		n -= demo_groups[i].weight;
	}
	return &demo_groups[i];
}

/* A full name; fam is the index of the family name in the group's list. */
static char *
demo_name(const struct demo_group *g, int female, size_t fam,
    const char *given)
{
	const char	*family;

	family = female && g->family_f != NULL ? g->family_f[fam] :
	    g->family[fam];
	if (g->family_first)
		return xasprintf("%s%s%s", family, g->sep, given);
	return xasprintf("%s%s%s", given, g->sep, family);
}

/* 1 if name is a famous person's, or already in the household. */
static int
demo_taken(const char *name, const struct household *h)
{
	size_t	i;

	for (i = 0; i < NITEMS(demo_famous); i++) {
		if (strcmp(name, demo_famous[i]) == 0)
			return 1;
	}
	for (i = 0; i < h->nmembers; i++) {
		if (strcmp(name, h->members[i]) == 0)
			return 1;
	}
	return 0;
}

/* Add a member to h: a fictional name of the group, not yet used in h. */
static void
demo_member(struct demo_rng *r, const struct demo_group *g, int female,
    size_t fam, struct household *h)
{
	const char	*given;
	char		*name;
	int		 tries;

	for (tries = 0;; tries++) {
		if (female)
			given = demo_pick(r, g->female, g->nfemale);
		else
			given = demo_pick(r, g->male, g->nmale);
		name = demo_name(g, female, fam, given);
		/* Every group has enough names; the bound is a safety net. */
		if (!demo_taken(name, h) || tries == 50)
			break;
		free(name);
	}
	h->members[h->nmembers++] = name;
}

/* 1 to 5 members: a first adult, often a partner, then children. */
static void
demo_members(struct demo_rng *r, const struct demo_group *g,
    struct household *h)
{
	static const int	 sizes[] = { 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5 };
	size_t			 fam, n, i;
	int			 female;

	n = (size_t)sizes[demo_below(r, NITEMS(sizes))];
	fam = demo_below(r, g->nfamily);
	female = demo_chance(r, 50);
	demo_member(r, g, female, fam, h);
	for (i = 1; i < n; i++) {
		if (i == 1 && demo_chance(r, 75)) {
			/* A partner; some keep their own family name. */
			demo_member(r, g, !female, demo_chance(r, 30) ?
			    demo_below(r, g->nfamily) : fam, h);
		} else
			demo_member(r, g, demo_chance(r, 50), fam, h);
	}
}

/* The department's stairwell number pick (wrapping), or -1 if none. */
static int
demo_stairwell(const struct conf *conf, int dep, size_t pick)
{
	size_t	i, n = 0;

	for (i = 0; i < conf->nstairwells; i++)
		if (conf->stairwells[i].department == dep)
			n++;
	if (n == 0)
		return -1;
	pick %= n;
	for (i = 0; i < conf->nstairwells; i++) {
		if (conf->stairwells[i].department == dep && pick-- == 0)
			break;
	}
	return (int)i;
}

/* The k-th flat of a stairwell: "st. tv." .. "4. mf.", then "2. 17". */
static char *
demo_flat(size_t k)
{
	size_t	level = k / 3 % 5;

	if (k >= 15) {
		if (level == 0)
			return xasprintf("st. %zu", k - 14);
		return xasprintf("%zu. %zu", level, k - 14);
	}
	if (level == 0)
		return xasprintf("st. %s", demo_sides[k % 3]);
	return xasprintf("%zu. %s", level, demo_sides[k % 3]);
}

/* Where household number i lives: its department in turn, so all get some. */
static void
demo_place(struct demo_rng *r, const struct conf *conf, size_t *used,
    size_t i, struct household *h)
{
	size_t	d;
	int	s = -1;

	for (d = 0; s < 0 && d < conf->ndepartments; d++)
		s = demo_stairwell(conf, (int)((i + d) % conf->ndepartments),
		    demo_below(r, conf->nstairwells));
	/* demo_ready() made sure there is a stairwell. */
	h->department = xstrdup(
	    conf->departments[conf->stairwells[s].department].key);
	h->stairwell = xstrdup(conf->stairwells[s].name);
	h->flat = demo_flat(used[s]++);
}

/* Moved in within two years (30% in the last month); 8% moved out. */
static void
demo_dates(struct demo_rng *r, long today, struct household *h)
{
	long	ago;

	if (demo_chance(r, 30))
		ago = (long)demo_below(r, 30);
	else
		ago = 30 + (long)demo_below(r, 700);
	h->moved_in = today - ago;
	h->moved_out = DATE_NONE;
	/* 70% are older than a month, so 11% of those is about 8%. */
	if (ago >= 30 && demo_chance(r, 11))
		h->moved_out = h->moved_in + 1 + (long)demo_below(r,
		    (size_t)ago);
}

/* A Danish mobile number, written one of the ways people write them. */
static char *
demo_phone(struct demo_rng *r)
{
	int	p, a, b, c;

	p = demo_phone_prefix[demo_below(r, NITEMS(demo_phone_prefix))];
	a = (int)demo_below(r, 100);
	b = (int)demo_below(r, 100);
	c = (int)demo_below(r, 100);
	switch (demo_below(r, 3)) {
	case 0:
		return xasprintf("+45 %02d %02d %02d %02d", p, a, b, c);
	case 1:
		return xasprintf("%02d%02d%02d%02d", p, a, b, c);
	default:
		return xasprintf("%02d %02d %02d %02d", p, a, b, c);
	}
}

/* With consent (60%): when, by whom, phone, languages, interpreter. */
static void
demo_consent(struct demo_rng *r, const struct demo_group *g, long today,
    struct household *h)
{
	int	danish = strcmp(g->language, "da") == 0;

	h->consent_on = DATE_NONE;
	if (!demo_chance(r, 60))
		return;
	h->consent = 1;
	h->consent_on = h->moved_in + (long)demo_below(r, 4);
	if (h->consent_on > today)
		h->consent_on = today;
	h->consent_by = xstrdup(demo_pick(r, LIST(demo_ambassadors)));
	if (demo_chance(r, 85))
		h->phone = demo_phone(r);
	h->interpreter = !danish && demo_chance(r, 30);
	if (danish)
		h->languages = xstrdup(demo_chance(r, 20) ? "da,en" : "da");
	else if (h->interpreter)
		h->languages = demo_chance(r, 30) ?
		    xasprintf("%s,en", g->language) : xstrdup(g->language);
	else
		h->languages = xasprintf("%s,da", g->language);
}

/* Fill h with fictional household number i. */
static void
demo_household(struct demo_rng *r, const struct conf *conf, size_t *used,
    size_t i, struct household *h)
{
	const struct demo_group	*g;
	long			 today = util_today();

	memset(h, 0, sizeof *h);
	g = demo_group(r);
	demo_place(r, conf, used, i, h);
	demo_dates(r, today, h);
	demo_members(r, g, h);
	demo_consent(r, g, today, h);
	if (demo_chance(r, 20))
		h->notes = xstrdup(demo_pick(r, LIST(demo_notes)));
}

/* ---- visits ------------------------------------------------------------ */

/* What happened at the door, as the demo makes it up. */
enum demo_story {
	STORY_NONE,		/* nobody went yet */
	STORY_WELCOMED,		/* welcomed, maybe after not-home tries */
	STORY_PARTLY,		/* partly, with a day to come back */
	STORY_NOT_HOME,		/* one to four tries, nobody home */
	STORY_DECLINED
};

/* Pick a story for a household that moved in `age` days ago. */
static enum demo_story
demo_story(struct demo_rng *r, long age)
{
	size_t	p = demo_below(r, 100);

	if (age < 3)
		return STORY_NONE;
	if (p < 52)
		return STORY_WELCOMED;
	if (p < 62)
		return STORY_PARTLY;
	if (p < 76)
		return STORY_NOT_HOME;
	if (p < 81)
		return STORY_DECLINED;
	return STORY_NONE;		/* these become the overdue */
}

static const char *const demo_item_notes[] = {
	"Gave them the leaflet.", "Showed the booking board.",
	"Vil gerne med til fællesspisning.", "Knows the laundry already.",
};
static const char *const demo_referrals[] = {
	"Asks for help with a letter from the municipality.",
	"Would like a Danish course; passed on.",
	"Spørger om hjælp til boligstøtte.",
};

/* Fill the checklist of visit v: every item done or not relevant, or
 * (partly) some later; now and then a note, and a referral. */
static void
demo_items(struct demo_rng *r, const struct conf *conf, int dept, int partly,
    struct visit *v)
{
	const struct cfg_check_item	*items[CFG_CHECKLIST_MAX];
	size_t				 i, n;

	n = cfg_checklist(conf, dept, items, CFG_CHECKLIST_MAX);
	v->nitems = n < CFG_CHECKLIST_MAX ? n : CFG_CHECKLIST_MAX;
	v->items = xcalloc(v->nitems + 1, sizeof *v->items);
	for (i = 0; i < v->nitems; i++) {
		v->items[i].key = xstrdup(items[i]->key);
		v->items[i].title = xstrdup(items[i]->title);
		v->items[i].title_da = xstrdup(items[i]->title_da);
		v->items[i].state = demo_chance(r, 85) ? IS_DONE :
		    IS_NOT_RELEVANT;
		if (items[i]->referral) {
			v->items[i].state = IS_NOT_RELEVANT;
			if (demo_chance(r, 12)) {
				v->items[i].state = IS_DONE;
				v->items[i].referral = 1;
				v->items[i].note = xstrdup(demo_pick(r,
				    LIST(demo_referrals)));
			}
		} else if (demo_chance(r, 12))
			v->items[i].note = xstrdup(demo_pick(r,
			    LIST(demo_item_notes)));
	}
	if (partly && v->nitems > 0)
		v->items[demo_below(r, v->nitems)].state = IS_LATER;
}

static const char *demo_visitor(struct demo_rng *, const struct conf *,
    long);

/* Add one visit on day as if it were entered that day. */
static enum db_status
demo_visit(struct db *db, struct demo_rng *r, const struct conf *conf,
    const struct household *h, long day, enum visit_outcome outcome)
{
	struct who	 who = { .name = "demo", .role = ROLE_ADMIN };
	struct visit	 v = { .household = h->id, .date = day,
			    .outcome = outcome, .next_date = DATE_NONE };
	enum db_status	 st;
	long		 was;

	v.ambassador = xstrdup(demo_visitor(r, conf, day));
	if (outcome == VO_NOT_HOME)
		v.next_date = core_retry_date(day, conf->retry_days);
	if (outcome == VO_WELCOMED || outcome == VO_PARTLY)
		demo_items(r, conf, cfg_department_find(conf, h->department),
		    outcome == VO_PARTLY, &v);
	if (outcome == VO_PARTLY)
		v.next_date = day + 7;
	was = util_today_set(day);
	st = db_visit_add(db, &who, &v, conf->max_attempts);
	util_today_set(was);
	db_visit_clear(&v);
	return st;
}

/*
 * The day of the welcome: a quarter of the households that moved in
 * two months ago or more were welcomed late, 12 to 36 days after the
 * day planned (the yearly report has some not in time).  Taken from the
 * household's number, not the generator, so every other made-up value
 * stays as it was.
 */
static long
demo_late(const struct household *h, enum demo_story story, long day,
    long last, long today)
{
	long	late;

	if (story != STORY_WELCOMED || h->moved_in > today - 60 ||
	    h->id % 4 != 0)
		return day;
	late = day + 12 + h->id % 25;
	return late <= last ? late : day;
}

/* Make up the visits of household h. */
static enum db_status
demo_visits(struct db *db, struct demo_rng *r, const struct conf *conf,
    const struct household *h)
{
	enum db_status	 st = DB_OK;
	enum demo_story	 story;
	long		 today = util_today(), day, last;
	int		 tries, i;

	last = h->moved_out != DATE_NONE && h->moved_out <= today ?
	    h->moved_out - 1 : today;
	story = demo_story(r, last - h->moved_in);
	if (story == STORY_NONE || last <= h->moved_in)
		return DB_OK;
	day = h->moved_in + 1 + (long)demo_below(r, 3);
	tries = story == STORY_NOT_HOME ? 1 + (int)demo_below(r, 4) :
	    demo_chance(r, 25) ? 1 + (int)demo_below(r, 2) : 0;
	for (i = 0; i < tries && st == DB_OK && day <= last; i++) {
		st = demo_visit(db, r, conf, h, day, VO_NOT_HOME);
		day = core_retry_date(day, conf->retry_days);
	}
	if (st != DB_OK || story == STORY_NOT_HOME || day > last)
		return st;
	day = demo_late(h, story, day, last, today);
	return demo_visit(db, r, conf, h, day, story == STORY_WELCOMED ?
	    VO_WELCOMED : story == STORY_PARTLY ? VO_PARTLY : VO_DECLINED);
}

/* ---- ambassadors ------------------------------------------------------- */

#define DEMO_AMB_SEED	(DEMO_SEED ^ 0xbf58476d1ce4e5b9ULL)
#define DEMO_AMB_PICKS	3

/* One status change, days after the recruitment. */
struct demo_amb_event {
	int		 after;		/* 0: none */
	enum amb_status	 status;
	enum amb_reason	 reason;
};

/* One fictional ambassador as planned: when (in permille of the goal
 * period, before it when negative), who, where and what happened. */
struct demo_amb_plan {
	int			 at;
	const char		*name;		/* NULL: made up from group */
	int			 group;		/* index into demo_groups */
	int			 dept;		/* department, wrapping */
	int			 picks[DEMO_AMB_PICKS];	/* stairwells of
						   it, -1 = none; all -1:
						   the whole department */
	int			 consent;
	int			 trained;
	struct demo_amb_event	 ev[2];
};

#define NONE3	{ -1, -1, -1 }
static const struct demo_amb_plan demo_amb_plan[] = {
	{ -130, "Birgit Holm", 0, 0, { 0, 1, -1 }, 1, 1, { { 0 } } },
	{ -45, "Yusuf Demir", 3, 2, NONE3, 1, 1, { { 0 } } },
	{ 15, "Lene Bæk", 0, 0, { 2, 3, -1 }, 0, 1, { { 0 } } },
	{ 70, "Samira Haddad", 1, 1, { 0, 1, 2 }, 1, 1,
	    { { 200, AS_PAUSED, AR_NONE }, { 290, AS_ACTIVE, AR_NONE } } },
	{ 130, "Tove Frølund", 0, 3, { 0, 1, -1 }, 0, 1,
	    { { 500, AS_PAUSED, AR_NONE } } },
	{ 190, "Kasim Raza", 5, 4, { 0, 1, -1 }, 1, 1,
	    { { 240, AS_STOPPED, AR_MOVED_AWAY } } },
	{ 260, "Hodan Jama", 4, 1, { 3, 4, -1 }, 1, 1, { { 0 } } },
	{ 340, NULL, 0, 5, NONE3, 0, 1, { { 0 } } },
	{ 420, NULL, 1, 8, { 0, 1, -1 }, 1, 1,
	    { { 60, AS_STOPPED, AR_NO_TIME }, { 150, AS_ACTIVE, AR_NONE } } },
	{ 580, NULL, 6, 6, { 0, 1, 2 }, 0, 1,
	    { { 40, AS_PAUSED, AR_NONE } } },
	{ 620, NULL, 3, 7, { 0, -1, -1 }, 0, 0, { { 0 } } },
	{ 680, NULL, 0, 3, { 2, 3, -1 }, 1, 1, { { 0 } } },
	{ 740, NULL, 4, 0, { 4, -1, -1 }, 0, 1, { { 0 } } },
	{ 800, NULL, 11, 4, { 2, 3, -1 }, 1, 1,
	    { { 200, AS_STOPPED, AR_OTHER } } },
	{ 880, NULL, 14, 7, { 1, 2, -1 }, 0, 1, { { 0 } } },
	{ 960, NULL, 0, 8, { 2, -1, -1 }, 0, 0, { { 0 } } },
};
#undef NONE3

/* 1 if the named planned ambassador p is active on day. */
static int
demo_active_on(const struct conf *conf, const struct demo_amb_plan *p,
    long day)
{
	long			 len = conf->goal_to - conf->goal_from + 1;
	long			 recruited = conf->goal_from + len * p->at / 1000;
	enum amb_status		 st = AS_ACTIVE;
	size_t			 i;

	if (day < recruited)
		return 0;
	for (i = 0; i < NITEMS(p->ev) && p->ev[i].after != 0; i++)
		if (recruited + p->ev[i].after <= day)
			st = p->ev[i].status;
	return st == AS_ACTIVE;
}

/* Who made a visit on day: one of the named ambassadors active then, so
 * an ambassador's visits fit their history; the secretariat when none. */
static const char *
demo_visitor(struct demo_rng *r, const struct conf *conf, long day)
{
	const char	*who[NITEMS(demo_amb_plan)];
	size_t		 i, n = 0;

	for (i = 0; i < NITEMS(demo_amb_plan); i++)
		if (demo_amb_plan[i].name != NULL &&
		    demo_active_on(conf, &demo_amb_plan[i], day))
			who[n++] = demo_amb_plan[i].name;
	return n > 0 ? who[demo_below(r, n)] : "Sekretariatet";
}

/* 1 if name is famous or already an ambassador's (names[0..n)). */
static int
demo_amb_taken(const char *name, char *const *names, size_t n)
{
	size_t	i;

	for (i = 0; i < NITEMS(demo_famous); i++)
		if (strcmp(name, demo_famous[i]) == 0)
			return 1;
	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* A made-up name of group g that no ambassador has yet. */
static char *
demo_amb_name(struct demo_rng *r, const struct demo_group *g,
    char *const *names, size_t n)
{
	const char	*given;
	char		*name;
	int		 female, tries;

	for (tries = 0;; tries++) {
		female = demo_chance(r, 60);
		given = female ? demo_pick(r, g->female, g->nfemale) :
		    demo_pick(r, g->male, g->nmale);
		name = demo_name(g, female, demo_below(r, g->nfamily), given);
		if (!demo_amb_taken(name, names, n) || tries == 50)
			return name;
		free(name);
	}
}

/* An e-mail address made from the name: "soeren.holm@example.org"; NULL
 * when the name has no Latin letters. */
static char *
demo_amb_email(const char *name)
{
	char	*key, *mail, *p, *q;

	key = core_search_key(name);
	mail = xmalloc(strlen(key) + 16);
	for (p = key, q = mail; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			*q++ = *p;
		else if ((*p == ' ' || *p == '-') && q > mail && q[-1] != '.')
			*q++ = '.';
	}
	free(key);
	if (q == mail) {		/* a name in another script */
		free(mail);
		return NULL;
	}
	strcpy(q, "@example.org");
	return mail;
}

/* Fill a with planned ambassador p (drawing every number p could need,
 * whether or not it is used, so the others stay the same). */
static void
demo_amb_fill(struct demo_rng *r, const struct conf *conf,
    const struct demo_amb_plan *p, char *const *names, size_t n,
    struct ambassador *a)
{
	const struct demo_group	*g = &demo_groups[p->group];
	long			 len = conf->goal_to - conf->goal_from + 1;
	size_t			 i, j;
	char			*phone;
	int			 dep, s;

	memset(a, 0, sizeof *a);
	a->name = p->name != NULL ? xstrdup(p->name) :
	    demo_amb_name(r, g, names, n);
	a->recruited_on = conf->goal_from + len * p->at / 1000;
	a->recruited_by = xstrdup("Sekretariatet");
	a->trained_on = a->recruited_on + 21 + (long)demo_below(r, 40);
	if (!p->trained)
		a->trained_on = DATE_NONE;
	dep = (int)((size_t)p->dept % conf->ndepartments);
	a->department = xstrdup(conf->departments[dep].key);
	for (i = 0; i < DEMO_AMB_PICKS && p->picks[i] >= 0; i++) {
		if ((s = demo_stairwell(conf, dep, (size_t)p->picks[i])) < 0)
			break;
		for (j = 0; j < a->nstairwells; j++)
			if (strcmp(a->stairwells[j],
			    conf->stairwells[s].name) == 0)
				break;
		if (j == a->nstairwells)
			a->stairwells[a->nstairwells++] =
			    xstrdup(conf->stairwells[s].name);
	}
	if (strcmp(g->language, "da") == 0)
		a->languages = xstrdup(demo_chance(r, 40) ? "da,en" : "da");
	else
		a->languages = xasprintf("da,%s%s", g->language,
		    demo_chance(r, 40) ? ",en" : "");
	phone = demo_phone(r);
	if (p->consent) {
		a->consent = 1;
		a->consent_on = a->recruited_on;
		a->phone = phone;
		a->email = demo_amb_email(a->name);
	} else {
		a->consent_on = DATE_NONE;
		free(phone);
	}
}

/* Record that ambassador id was trained on day, as on that day. */
static enum db_status
demo_amb_trained(struct db *db, long id, long day)
{
	struct who		who = { .name = "demo", .role = ROLE_ADMIN };
	struct ambassador	a;
	enum db_status		st;
	long			was;

	was = util_today_set(day);
	if ((st = db_ambassador_get(db, &who, id, &a)) == DB_OK) {
		a.trained_on = day;
		st = db_ambassador_update(db, &who, &a);
		db_ambassador_clear(&a);
	}
	util_today_set(was);
	return st;
}

/* Add planned ambassador a with its training and changes, each as on its
 * own day; what lies after today is left out. */
static enum db_status
demo_amb_add(struct db *db, const struct demo_amb_plan *p,
    struct ambassador *a, long today)
{
	struct who		who = { .name = "demo", .role = ROLE_ADMIN };
	struct amb_change	ch;
	enum db_status		st;
	long			was, trained = a->trained_on;
	size_t			i;

	a->trained_on = DATE_NONE;
	was = util_today_set(a->recruited_on);
	st = db_ambassador_add(db, &who, a);
	util_today_set(was);
	if (st == DB_OK && trained != DATE_NONE && trained <= today)
		st = demo_amb_trained(db, a->id, trained);
	for (i = 0; i < NITEMS(p->ev) && st == DB_OK; i++) {
		ch.date = a->recruited_on + p->ev[i].after;
		if (p->ev[i].after == 0 || ch.date > today)
			break;
		ch.status = p->ev[i].status;
		ch.reason = p->ev[i].reason;
		was = util_today_set(ch.date);
		st = db_ambassador_status(db, &who, a->id, &ch);
		util_today_set(was);
	}
	return st;
}

/* Add the planned ambassadors recruited by today (their own stream of
 * numbers, so the households and visits stay as they were). */
static enum db_status
demo_amb_all(struct db *db, const struct conf *conf)
{
	struct demo_rng		 r = { DEMO_AMB_SEED };
	struct ambassador	 a;
	char			*names[NITEMS(demo_amb_plan)] = { NULL };
	enum db_status		 st = DB_OK;
	long			 today = util_today();
	size_t			 i;

	for (i = 0; i < NITEMS(demo_amb_plan); i++) {
		demo_amb_fill(&r, conf, &demo_amb_plan[i], names, i, &a);
		names[i] = xstrdup(a.name);
		if (st == DB_OK && a.recruited_on <= today)
			st = demo_amb_add(db, &demo_amb_plan[i], &a, today);
		db_ambassador_clear(&a);
	}
	for (i = 0; i < NITEMS(demo_amb_plan); i++)
		free(names[i]);
	return st;
}

/* ---- the demo accounts -------------------------------------------------- */

/* The demo's logins (fictional; `make run` and the README print them,
 * and the screen tests log in with them). */
struct demo_account {
	const char	*login;
	const char	*secret;
	enum role	 role;
	const char	*ambassador;	/* tied to the demo ambassador, or NULL */
	const char	*departments[2];	/* keys, or NULL: the
					   ambassador's */
};

static const struct demo_account demo_accounts[] = {
	{ "admin", "demo-admin-pw", ROLE_ADMIN, NULL, { NULL, NULL } },
	{ "sekretariat", "demo-sekretariat", ROLE_SECRETARIAT, NULL,
	    { NULL, NULL } },
	{ "birgit", "1234", ROLE_AMBASSADOR, "Birgit Holm", { NULL, NULL } },
	{ "lene", "2468", ROLE_AMBASSADOR, "Lene Bæk", { "605", "606" } },
};

/* The id of the demo ambassador called name, or 0 if there is none (not
 * yet recruited on today). */
static long
demo_amb_id(struct db *db, const char *name)
{
	struct who		 who = { .name = "demo", .role = ROLE_ADMIN };
	struct ambassador_query	 q = { .search = name, .status = -1,
				    .today = DATE_NONE };
	struct ambassador_row	*rows;
	size_t			 n, i;
	long			 id = 0;

	if (db_ambassador_list(db, &who, &q, NULL, 8, &rows, &n) != DB_OK)
		return 0;
	for (i = 0; i < n && id == 0; i++)
		if (strcmp(rows[i].name, name) == 0)
			id = rows[i].id;
	db_ambassador_rows_free(rows, n);
	return id;
}

/* Fill account a as demo account d asks (departments the configuration
 * lacks are left out; with none left, the first department). */
static void
demo_account_fill(struct db *db, const struct conf *conf,
    const struct demo_account *d, struct account *a)
{
	size_t	 i;
	int	 k;

	memset(a, 0, sizeof *a);
	a->login = xstrdup(d->login);
	a->role = d->role;
	if (d->ambassador != NULL)
		a->ambassador = demo_amb_id(db, d->ambassador);
	for (i = 0; i < NITEMS(d->departments); i++) {
		if (d->departments[i] == NULL ||
		    (k = cfg_department_find(conf, d->departments[i])) < 0)
			continue;
		a->departments[a->ndepartments++] =
		    xstrdup(conf->departments[k].key);
	}
	if (d->role == ROLE_AMBASSADOR && a->ambassador == 0 &&
	    a->ndepartments == 0)
		a->departments[a->ndepartments++] =
		    xstrdup(conf->departments[0].key);
}

/* Add the demo accounts, at the configuration's hash cost. */
static enum db_status
demo_accounts_add(struct db *db, const struct conf *conf, long *sec)
{
	struct who		 who = { .name = "demo", .role = ROLE_ADMIN };
	struct account_policy	 policy;
	struct account		 a;
	enum db_status		 st = DB_OK;
	size_t			 i;

	cli_policy(conf, &policy);
	for (i = 0; i < NITEMS(demo_accounts) && st == DB_OK; i++) {
		demo_account_fill(db, conf, &demo_accounts[i], &a);
		st = db_account_add(db, &who, &a, demo_accounts[i].secret,
		    &policy);
		if (a.role == ROLE_SECRETARIAT && sec != NULL)
			*sec = a.id;
		db_account_clear(&a);
	}
	return st;
}

static int	 demo_failed(struct db *);

/* A demo database made before there were accounts: add them.  0 if they
 * were added, -1 if nothing was to do, 1 if it failed. */
static int
demo_accounts_late(struct db *db, const struct conf *conf)
{
	enum db_status	 st;
	long		 n;

	if (db_account_count(db, &n) != DB_OK)
		return demo_failed(db);
	if (n > 0 || db_readonly(db))
		return -1;
	if (db_batch_begin(db) != DB_OK)
		return demo_failed(db);
	if ((st = demo_accounts_add(db, conf, NULL)) != DB_OK) {
		demo_failed(db);
		db_batch_end(db, 0);
		return 1;
	}
	if (db_batch_end(db, 1) != DB_OK)
		return demo_failed(db);
	printf(_("Added the demo logins to %s.\n"), db_path(db));
	return 0;
}

/* ---- the secretariat's follow-ups ------------------------------------- */

/* What the secretariat did, one kind after another; the households are
 * ones no longer on its desk, so the desk's figures stay as they are. */
static const struct demo_fu_plan {
	enum followup_action	 action;
	enum followup_close	 closes;
	const char		*note;
} demo_fu_plan[] = {
	{ FA_LETTER, FC_NONE, "Brev sendt på dansk og engelsk." },
	{ FA_PHONE, FC_REACHED, "Ringede; de vil gerne have besøg." },
	{ FA_ESTATE_OFFICE, FC_NONE, "The estate office will tell them about "
	    "the welcome." },
	{ FA_VISIT, FC_REACHED, NULL },
	{ FA_OTHER, FC_NONE, "Mødt i beboerhuset." },
	{ FA_PHONE, FC_UNREACHABLE, "They do not want any contact." },
	{ FA_LETTER, FC_MOVED_OUT, "The letter came back." },
};
#define DEMO_FU_STRIDE	7	/* households between two follow-ups */

/* The day plan p could have been made for h, or DATE_NONE if h is not
 * one for it (or is on the desk now). */
static long
demo_fu_day(const struct demo_fu_plan *p, const struct household *h)
{
	long	 today = util_today();

	if (h->flags != 0)
		return DATE_NONE;
	if (p->closes == FC_MOVED_OUT)
		return h->moved_out != DATE_NONE && h->moved_out <= today &&
		    h->moved_out - 1 > h->moved_in ? h->moved_out - 1 :
		    DATE_NONE;
	if (h->moved_out != DATE_NONE || h->last_visit == DATE_NONE)
		return DATE_NONE;
	if (p->closes == FC_UNREACHABLE)
		return h->state == HS_DECLINED ? h->last_visit : DATE_NONE;
	return h->state == HS_WELCOMED && h->last_visit - 1 > h->moved_in ?
	    h->last_visit - 1 : DATE_NONE;
}

/* Record plan p for h on day, as if it were entered that day by the
 * secretariat's account sec. */
static enum db_status
demo_fu_add(struct db *db, const struct conf *conf,
    const struct demo_fu_plan *p, const struct household *h, long day,
    long sec)
{
	struct who	 who = { .name = "sekretariat", .account = sec,
			    .role = ROLE_SECRETARIAT };
	struct followup	 f = { .household = h->id, .date = day,
			    .action = p->action, .closes = p->closes,
			    .note = (char *)p->note };
	enum db_status	 st;
	long		 was;

	was = util_today_set(day);
	/* A note is kept with the household's consent to follow-up, asked
	 * on the phone or by the letter's reply slip. */
	st = p->note == NULL ? DB_OK : db_consent_give(db, &who, h->id,
	    CP_FOLLOWUP, p->action == FA_LETTER ? CH_PAPER :
	    p->action == FA_PHONE ? CH_PHONE : CH_DOOR, day);
	if (st == DB_OK)
		st = db_followup_add(db, &who, &f, conf->max_attempts);
	util_today_set(was);
	return st;
}

/* The follow-ups of the demo, one of each plan on the first household
 * after every stride that fits it. */
static enum db_status
demo_followups(struct db *db, const struct conf *conf, long n, long sec)
{
	struct who		 who = { .name = "demo", .role = ROLE_ADMIN };
	struct household	 h;
	enum db_status		 st = DB_OK;
	size_t			 k = 0;
	long			 id, day;

	for (id = DEMO_FU_STRIDE; id <= n && st == DB_OK &&
	    k < sizeof demo_fu_plan / sizeof demo_fu_plan[0]; id++) {
		if (db_household_get(db, &who, id, &h) != DB_OK)
			continue;
		if ((day = demo_fu_day(&demo_fu_plan[k], &h)) != DATE_NONE) {
			st = demo_fu_add(db, conf, &demo_fu_plan[k++], &h,
			    day, sec);
			id += DEMO_FU_STRIDE;
		}
		db_household_clear(&h);
	}
	return st;
}

/* ---- the success criteria ---------------------------------------------- */

/* A record of the demo: days before today, what, where, how many. */
static const struct demo_record {
	int			 ago;
	enum crit_record_kind	 kind;
	const char		*title;
	enum crit_channel	 channel;
	const char		*paper;
	long			 count;		/* -1: none */
	int			 counted_ago;
} demo_records[] = {
	{ 250, CR_FILM, "Velkommen i opgangen", CH_FACEBOOK, NULL, 2340, 3 },
	{ 400, CR_STORY, "Birgit byder velkommen", CH_FACEBOOK, NULL, 156,
	    380 },
	{ 80, CR_STORY, "Nye naboer i 606", CH_FACEBOOK, NULL, 87, 5 },
	{ 60, CR_PRESS, "Opgangsambassad\xc3\xb8rer byder nye naboer "
	    "velkommen", CH_OTHER, "Lokalavisen", -1, 0 },
	{ 45, CR_STORY, "En kop kaffe p\xc3\xa5 trappen", CH_WEBSITE, NULL,
	    134, 5 },
	{ 20, CR_STORY, "Vaskeriet var det f\xc3\xb8rste", CH_FACEBOOK, NULL,
	    212, 2 },
};
#define DEMO_STORY_VISITS	2	/* visits marked as possible stories */

/* The film, the stories and the press story, as the secretariat's
 * account sec records them. */
static enum db_status
demo_records_add(struct db *db, long sec)
{
	struct who		 who = { .name = "sekretariat", .account = sec,
				    .role = ROLE_SECRETARIAT };
	struct criteria_record	 r;
	enum db_status		 st = DB_OK;
	size_t			 i;
	long			 today = util_today();

	for (i = 0; st == DB_OK && i < sizeof demo_records /
	    sizeof demo_records[0]; i++) {
		memset(&r, 0, sizeof r);
		r.kind = demo_records[i].kind;
		r.date = today - demo_records[i].ago;
		r.title = (char *)demo_records[i].title;
		r.channel = demo_records[i].channel;
		r.paper = (char *)demo_records[i].paper;
		r.count = demo_records[i].count;
		r.counted_on = r.count < 0 ? DATE_NONE :
		    today - demo_records[i].counted_ago;
		st = db_criteria_add(db, &who, &r);
	}
	return st;
}

/* The newest welcomes marked as possible success stories, the yes
 * recorded on the day of the visit. */
static enum db_status
demo_story_visits(struct db *db)
{
	struct who	 who = { .name = "demo", .role = ROLE_ADMIN };
	struct visit	*v;
	enum db_status	 st;
	size_t		 i, n, marked = 0;
	long		 was;

	if ((st = db_visit_list(db, &who, 0, NULL, 40, &v, &n)) != DB_OK)
		return st;
	for (i = 0; i < n && st == DB_OK && marked < DEMO_STORY_VISITS; i++) {
		if (v[i].outcome != VO_WELCOMED)
			continue;
		was = util_today_set(v[i].date);
		st = db_visit_story(db, &who, v[i].id, 1, 1);
		util_today_set(was);
		marked++;
	}
	db_visits_free(v, n);
	return st;
}

/* ---- the command ------------------------------------------------------- */

/* The progress line on a terminal: done of n households. */
static void
demo_progress(size_t done, long n)
{
	fputc('\r', stderr);
	fprintf(stderr, _("Creating the demo: %zu of %ld households"), done,
	    n);
	if (done == (size_t)n)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Add n households; DB_OK, or the first error (the batch is still open). */
static enum db_status
demo_add_all(struct db *db, const struct conf *conf, long n)
{
	struct who		 who = { .name = "demo", .role = ROLE_ADMIN };
	struct demo_rng		 r = { DEMO_SEED };
	struct demo_rng		 rv = { DEMO_SEED ^ 0x9e3779b97f4a7c15ULL };
	struct household	 h;
	enum db_status		 st = DB_OK;
	size_t			*used, i;
	long			 sec = 0;
	int			 tty = isatty(2) && n >= DEMO_PROGRESS;

	used = xcalloc(conf->nstairwells, sizeof *used);
	/* The lists' indexes are built once, after the households. */
	st = db_bulk_lists(db, 0);
	for (i = 0; st == DB_OK && i < (size_t)n; i++) {
		if (tty && i % DEMO_STEP == 0)
			demo_progress(i, n);
		demo_household(&r, conf, used, i, &h);
		st = db_household_add(db, &who, &h);
		/* The visits draw from their own stream, so the households
		 * are the same as before visits were made up. */
		if (st == DB_OK)
			st = demo_visits(db, &rv, conf, &h);
		db_household_clear(&h);
	}
	free(used);
	if (tty && st == DB_OK)
		demo_progress(i, n);
	if (st == DB_OK)
		st = db_bulk_lists(db, 1);
	if (st == DB_OK)
		st = demo_amb_all(db, conf);
	if (st == DB_OK)
		st = demo_accounts_add(db, conf, &sec);
	/* By the secretariat's login, once it is there. */
	if (st == DB_OK)
		st = demo_followups(db, conf, n, sec);
	if (st == DB_OK)
		st = demo_records_add(db, sec);
	if (st == DB_OK)
		st = demo_story_visits(db);
	return st;
}

/* Say why the demo could not be made; returns 1. */
static int
demo_failed(struct db *db)
{
	cli_error(_("the demo could not be created: %s"), _(db_errmsg(db)));
	return 1;
}

/*
 * Mark the database as a demo, then fill it in one bulk batch (one
 * transaction: db_bulk_begin); 0 or 1.  The mark is saved first, on its
 * own: a run killed during the fill leaves a marked database with
 * nothing in it (the batch is all or nothing), which the next run
 * recognises (demo_half_made) and fills.
 */
static int
demo_fill(struct db *db, const struct conf *conf, long n)
{
	enum db_status	st;

	if (db_mark_demo(db) != DB_OK ||
	    db_bulk_begin(db, DEMO_CACHE_KIB) != DB_OK)
		return demo_failed(db);
	if ((st = demo_add_all(db, conf, n)) != DB_OK) {
		/* The message first: the rollback may replace it. */
		demo_failed(db);
		db_batch_end(db, 0);
		return 1;
	}
	if (db_batch_end(db, 1) != DB_OK)
		return demo_failed(db);
	return 0;
}

/* --households N into *(long *)to. */
static int
demo_set_households(const struct cli *cli, const struct cli_opt *opt,
    const char *arg)
{
	char	*end;
	long	 n;

	(void)cli;
	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < 1 ||
	    n > DEMO_MAX) {
		cli_error(_("--households needs a number from 1 to %d."),
		    DEMO_MAX);
		return -1;
	}
	*(long *)opt->to = n;
	return 0;
}

/* 1 if db has no households and no accounts. */
static int
demo_bare(struct db *db)
{
	long	 n;

	return db_is_empty(db) && db_account_count(db, &n) == DB_OK && n == 0;
}

/* 1 if db is a demo whose fill was interrupted: marked, and bare (a
 * finished demo has households and accounts). */
static int
demo_half_made(struct db *db)
{
	return db_is_demo(db) && demo_bare(db);
}

/* 1 if the configuration has a stairwell to put households in. */
static int
demo_ready(const struct conf *conf)
{
	size_t	i;

	for (i = 0; i < conf->nstairwells; i++) {
		if (conf->stairwells[i].department >= 0 &&
		    (size_t)conf->stairwells[i].department <
		    conf->ndepartments)
			return 1;
	}
	cli_error(_("the configuration has no stairwells; the demo needs "
	    "at least one."));
	return 0;
}

/* 1 if the database file is already there: then only a database that is
 * marked as a demo is filled, never an empty real one. */
static int
demo_exists(const struct cli *cli)
{
	struct stat	 st;
	char		*path = cli_db_path(cli);
	int		 there = stat(path, &st) == 0 && st.st_size > 0;

	free(path);
	return there;
}

/* Remove the database file this run made, with its -wal and -shm. */
static void
demo_remove(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char	*p;
	size_t	 i;

	for (i = 0; i < 3; i++) {
		p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

/* What to do with a database that is there and not to be filled:
 * add the demo logins to an older demo, or refuse; the exit code. */
static int
demo_there(const struct cli *cli, struct db *db)
{
	int	 rc;

	rc = db_is_demo(db) ? demo_accounts_late(db, cli->conf) : 1;
	if (rc == -1) {
		printf(_("%s is already a demo database; nothing was done.\n"),
		    db_path(db));
		rc = 0;
	} else if (rc != 0 && !db_is_demo(db) && demo_bare(db))
		cli_error(_("%s is an empty database, but not a demo database; "
		    "the demo will not touch it.  If a demo was stopped while "
		    "it set the file up, delete the file and run demo again."),
		    db_path(db));
	else if (rc != 0 && !db_is_demo(db))
		cli_error(_("%s is not a demo database; the demo will not "
		    "touch it."), db_path(db));
	return rc;
}

/* `velkomst demo`: fill a new database with fictional households. */
int
cli_demo(const struct cli *cli, int argc, char **argv)
{
	struct db		*db;
	long			 n = DEMO_DEFAULT;
	int			 rc, existed, again;
	const struct cli_opt	 opts[] = {
		{ "households", 0, "N", demo_set_households, &n, 0,
		    N_("how many households (1 to 1000000; 240 if not given)") },
		CLI_OPT_END
	};
	const struct cli_cmd	 cmd = { "demo", NULL, 0, 0, opts,
	    N_("Fills a new database (--db FILE) with fictional households, "
	    "visits, ambassadors and the demo logins.") };

	if ((rc = cli_args(cli, &cmd, argc, argv, NULL)) != -1)
		return rc;
	if (cli->db_path == NULL) {
		cli_error("%s", _("demo needs --db FILE: a demo must never land "
		    "where the real register belongs."));
		return 2;
	}
	if (!demo_ready(cli->conf))
		return 1;
	existed = demo_exists(cli);
	if ((db = cli_open_db(cli, DB_CREATE)) == NULL)
		return 1;
	again = existed && demo_half_made(db);
	if (!db_is_empty(db) || (existed && !again))
		rc = demo_there(cli, db);
	else if ((rc = demo_fill(db, cli->conf, n)) == 0)
		printf(again ? P_("An earlier demo was interrupted; created it "
		    "again with %ld household in %s.\n", "An earlier demo was "
		    "interrupted; created it again with %ld households in "
		    "%s.\n", n) : P_("Created a demo database with %ld "
		    "household in %s.\n", "Created a demo database with %ld "
		    "households in %s.\n", n), n, db_path(db));
	db_close(db);
	if (rc != 0 && !existed)	/* leave no half-made file behind */
		demo_remove(cli->db_path);
	return rc;
}
