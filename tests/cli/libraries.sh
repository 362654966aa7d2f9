#!/usr/bin/env bash
# ICU and libxlsxwriter are loaded when velkomst first needs them
# (util-icu.h, report-xlsx.c), not at the start: neither build names
# them among the libraries the dynamic loader binds first; a command
# that sorts or searches no names (goal, coverage, overdue, visits) runs
# even where ICU's library is broken, and so does a search typed in ASCII
# whose rows name no language (its keys are made without ICU); one that
# needs ICU (the same search as text, which names the languages) stops
# with a sentence that names the package, in English and in Danish
# (tests/cli/report-xlsx.sh does the same for a workbook).
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo
check "the demo" 0

for b in "$top/build/velkomst" "$BIN"; do
	[ -x "$b" ] || continue
	for lib in libicu libxlsxwriter; do
		if readelf -d "$b" | grep -q "NEEDED.*$lib"; then
			fail "$lib not bound at the start: ${b#"$top"/}" \
			    "readelf names it"
		else
			ok "$lib not bound at the start: ${b#"$top"/}"
		fi
	done
done

# A broken libicuuc.so.72, found before the real one.
soname=$(sed -n 's/^#define U_ICU_VERSION_SHORT "\(.*\)"$/\1/p' \
    /usr/include/unicode/uvernum.h)
mkdir -p "$TMP/badlib"
: >"$TMP/badlib/libicuuc.so.$soname"
for cmd in goal coverage overdue "visits --household 1"; do
	# shellcheck disable=SC2086
	LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" $cmd
	check "$cmd needs no ICU" 0
done
LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" households --search soren \
    --format tsv
check "an ASCII search as tsv needs no ICU" 0 "Søren"
LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" households --search soren
check "a search without ICU stops" 1 "install the package libicu$soname" stderr
check "and says what it is for" 1 "needs to sort and search names" stderr
if grep -q "AddressSanitizer\|runtime error" "$TMP/err"; then
	fail "a search without ICU: a clean stop" "$(head -c 300 "$TMP/err")"
else
	ok "a search without ICU: a clean stop"
fi
LANGUAGE=da LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" households \
    --search soren
check "in Danish" 1 "pakken libicu$soname" stderr

# With ICU there, the same search finds its households.
run --db "$DB" households --search soren --format tsv
check "with ICU the search works" 0 "Søren"
