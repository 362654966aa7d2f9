/*
 * db-backup-prune.c — the backups velkomst made, found by their names
 * (db-backup.c names them: backups/velkomst-2019-06-01.db beside the
 * database, -2, -3 ... when the day's name is taken, and the copy kept
 * before a restore, velkomst.db.before-restore-2019-06-01-1200), and
 * removing those older than the retention period: a backup made before
 * an erasure still holds what was erased.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db-private.h"
#include "i18n.h"
#include "util.h"

/* One backup found. */
struct prune_file {
	char		*path;
	long		 made;		/* the day in its name */
	long long	 size;
};

struct prune_list {
	struct prune_file	*f;
	size_t			 n, cap;
};

/* The day of the ISO date that s starts with, or DATE_NONE. */
static long
prune_day(const char *s)
{
	char	 iso[11];
	long	 day;

	if (strlen(s) < 10)
		return DATE_NONE;
	memcpy(iso, s, 10);
	iso[10] = '\0';
	return util_date_parse(iso, &day) == DATE_OK ? day : DATE_NONE;
}

/* The day a backup named name was made (DATE_NONE: not one of ours):
 * "velkomst-DATE.db", "velkomst-DATE-N.db", or, with stem set,
 * "STEM.before-restore-DATE-HHMM...". */
static long
prune_made(const char *name, const char *stem)
{
	const char	*p;
	size_t		 n;

	if (stem != NULL) {
		n = strlen(stem);
		if (strncmp(name, stem, n) != 0 ||
		    strncmp(name + n, ".before-restore-", 16) != 0)
			return DATE_NONE;
		return prune_day(name + n + 16);
	}
	if (strncmp(name, "velkomst-", 9) != 0 || strlen(name) < 22)
		return DATE_NONE;
	p = name + 19;
	if (*p == '-')
		p += strspn(p + 1, "0123456789") + 1;
	return strcmp(p, ".db") == 0 ? prune_day(name + 9) : DATE_NONE;
}

/* Add the backups of folder dir (names as prune_made says) to l. */
static void
prune_scan(struct prune_list *l, const char *dir, const char *stem)
{
	struct dirent	*e;
	struct stat	 sb;
	DIR		*d;
	char		*path;
	long		 made;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if ((made = prune_made(e->d_name, stem)) == DATE_NONE)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &sb) == -1 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		if (l->n == l->cap) {
			l->cap = l->cap == 0 ? 16 : l->cap * 2;
			l->f = xreallocarray(l->f, l->cap, sizeof l->f[0]);
		}
		l->f[l->n].path = path;
		l->f[l->n].made = made;
		l->f[l->n++].size = (long long)sb.st_size;
	}
	closedir(d);
}

/* Oldest first, then by name. */
static int
prune_cmp(const void *a, const void *b)
{
	const struct prune_file	*x = a, *y = b;

	if (x->made != y->made)
		return x->made < y->made ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Every backup of db, oldest first, into l. */
static void
prune_find(struct db *db, struct prune_list *l)
{
	char	*dir, *sub, *base;

	dir = util_dirname(db->path);
	sub = xasprintf("%s/backups", dir);
	base = strrchr(db->path, '/');
	base = base != NULL ? base + 1 : db->path;
	prune_scan(l, sub, NULL);
	prune_scan(l, dir, base);
	free(sub);
	free(dir);
	if (l->n > 0)
		qsort(l->f, l->n, sizeof l->f[0], prune_cmp);
}

/* Free l. */
static void
prune_free(struct prune_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->f[i].path);
	free(l->f);
}

/* fn for every backup of db, oldest first. */
long
db_backup_each(struct db *db, void (*fn)(void *, const char *, long,
    long long), void *ctx)
{
	struct prune_list	 l = { 0 };
	size_t			 i;
	long			 n;

	if (strcmp(db->path, ":memory:") == 0)
		return 0;
	prune_find(db, &l);
	for (i = 0; i < l.n; i++)
		if (fn != NULL)
			fn(ctx, l.f[i].path, l.f[i].made, l.f[i].size);
	n = (long)l.n;
	prune_free(&l);
	return n;
}

/* Remove the files of l made before cut, calling fn for each: how many,
 * or -1 with the message set. */
static long
prune_remove(struct db *db, struct prune_list *l, long cut,
    void (*fn)(void *, const char *, long, long long), void *ctx)
{
	long	 n = 0;
	size_t	 i;

	for (i = 0; i < l->n && l->f[i].made < cut; i++) {
		if (unlink(l->f[i].path) == -1 && errno != ENOENT) {
			db_fail(db, DB_ERROR, N_("The backup %s could not be "
			    "removed (%s)."), l->f[i].path, strerror(errno));
			return -1;
		}
		n++;
		if (fn != NULL)
			fn(ctx, l->f[i].path, l->f[i].made, l->f[i].size);
	}
	return n;
}

/* Remove the backups made more than days days before today. */
long
db_backup_prune(struct db *db, const struct who *who, int days, long today,
    void (*fn)(void *, const char *, long, long long), void *ctx)
{
	struct prune_list	 l = { 0 };
	char			 detail[64];
	long			 n;

	if (db_may(db, who, ACCESS_BACKUP) != DB_OK)
		return -1;
	if (days <= 0)
		return 0;
	prune_find(db, &l);
	n = prune_remove(db, &l, today - days, fn, ctx);
	prune_free(&l);
	if (n <= 0)
		return n;
	snprintf(detail, sizeof detail, "%ld removed, older than %d days", n,
	    days);
	if (db_audit_note(db, who, "backups pruned", NULL, 0, detail) !=
	    DB_OK)
		return -1;
	return n;
}
