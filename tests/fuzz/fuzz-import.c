/*
 * fuzz-import.c — the move-in list reader under libFuzzer (`make fuzz`):
 * any bytes through import_parse and import_mark_repeats, with the
 * shipped configuration's places.  The first byte chooses the encoding
 * and the delimiter, so all of them are tried.  tests/unit/test-fuzz-
 * import.c replays tests/fuzz/corpus/ through the same function without
 * libFuzzer (`make check`, with ASan/UBSan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cfg.h"
#include "import.h"
#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The shipped configuration, read once. */
static const struct conf *
fuzz_conf(void)
{
	static struct conf	 conf;
	static int		 loaded;
	char			 err[4096], *path;
	const char		*share = getenv("VELKOMST_SHARE");

	if (loaded)
		return &conf;
	path = xasprintf("%s/velkomst.conf", share != NULL ? share :
	    "share/velkomst");
	if (cfg_load(&conf, path, NULL, 1, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz-import: %s\n", err);
		abort();
	}
	free(path);
	loaded = 1;
	return &conf;
}

/* One input: options from the first byte, the rest is the file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[] = { 0, ';', ',', '\t' };
	struct import	 imp;
	enum import_encoding enc = IMPORT_ENC_AUTO;
	int		 delim = 0;
	size_t		 i, first;

	if (size > 0) {
		enc = (enum import_encoding)(data[0] % 3);
		delim = delims[(data[0] >> 2) % 4];
		data++;
		size--;
	}
	import_parse((const char *)data, size, enc, delim, fuzz_conf(), &imp);
	import_mark_repeats(&imp);
	for (i = 0; i < imp.nrows; i++)
		(void)import_row_problems(&imp, imp.rows[i].row, &first);
	import_free(&imp);
	return 0;
}
