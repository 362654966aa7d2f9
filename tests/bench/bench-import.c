/*
 * bench-import.c — how fast a move-in list of 100 000 rows imports: the
 * file written as Danish Excel saves it (BOM, ';', CRLF) into DIR, then
 * read and checked (import_parse), matched and added in one transaction
 * (db_import_moveins) into a new database in DIR.  tests/bench/run
 * times the sqlite3 tool's .import of the same file beside it.  Prints
 * one line per measurement; nothing is asserted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "db.h"
#include "import.h"
#include "util.h"

#define ROWS	100000

static const struct who	 who = { .name = "bench", .role = ROLE_ADMIN };

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Write the list: ROWS households over the places of 605..608. */
static void
write_list(const char *path)
{
	static const char *const first[] = { "Ali", "Fatima", "S\xc3\xb8ren",
	    "Mette", "Ahmad", "\xc3\x85se", "Jens", "Leyla" };
	static const char *const last[] = { "Hansen", "Hassan", "Jensen",
	    "\xc3\x86" "bel\xc3\xb8", "Nielsen", "Yilmaz" };
	static const char *const dept[] = { "605", "606", "607", "608" };
	FILE	*f;
	int	 i;

	if ((f = fopen(path, "w")) == NULL)
		fatal("%s: cannot write", path);
	fputs("\xef\xbb\xbf" "Afdeling;Opgang;Lejlighed;Indflytningsdato;"
	    "Navn 1;Navn 2;Telefon;Samtykke;Bem\xc3\xa6rkning\r\n", f);
	for (i = 0; i < ROWS; i++)
		fprintf(f, "%s;Opgang %d;%d. %d;%02d-%02d-%d;%s %s;%s %s;"
		    "%08d;%s;\"Note %d\"\r\n", dept[i % 4], 1 + i / 4 % 6,
		    i / 24 % 10, i / 240 % 100 + 1, 1 + i % 28,
		    1 + i / 28 % 12, 2010 + i / 336 % 9, first[i % 8],
		    last[i % 6], first[(i + 3) % 8], last[i % 6],
		    20000000 + i, i % 2 ? "ja" : "nej", i);
	fclose(f);
}

int
main(int argc, char **argv)
{
	struct conf	 conf;
	struct import	 imp;
	struct db	*db;
	char		 err[4096], *path, *dbpath, *buf, *e = NULL;
	const char	*share = getenv("VELKOMST_SHARE"), *bad;
	size_t		 len;
	double		 t0, t1, t2;

	if (argc != 2)
		fatal("usage: bench-import DIR");
	util_today_init(&bad);
	path = xasprintf("%s/velkomst.conf", share ? share : "share/velkomst");
	if (cfg_load(&conf, path, NULL, 1, err, sizeof err) != 0)
		fatal("%s", err);
	free(path);
	path = xasprintf("%s/moveins.csv", argv[1]);
	dbpath = xasprintf("%s/bench.db", argv[1]);
	write_list(path);
	if ((db = db_open(dbpath, DB_CREATE, &e)) == NULL)
		fatal("%s", e);
	t0 = now();
	if (util_read_file(path, (size_t)IMPORT_MAX_BYTES, &buf, &len) != 0)
		fatal("%s: cannot read", path);
	import_parse(buf, len, IMPORT_ENC_AUTO, 0, &conf, &imp);
	free(buf);
	t1 = now();
	if (imp.error != NULL || imp.refused != 0)
		fatal("the list has errors: %s, %ld refused",
		    imp.error ? imp.error : "", imp.refused);
	if (db_import_moveins(db, &who, &imp, "moveins.csv", 0, NULL, NULL) !=
	    DB_OK)
		fatal("%s", db_errmsg(db));
	t2 = now();
	printf("%d rows, %.1f MB: read and checked in %.2f s\n", ROWS,
	    len / 1e6, t1 - t0);
	printf("matched and added (%ld) in one transaction in %.2f s\n",
	    imp.added, t2 - t1);
	printf("velkomst import in all: %.2f s\n", t2 - t0);
	import_free(&imp);
	db_close(db);
	cfg_free(&conf);
	free(path);
	free(dbpath);
	return 0;
}
