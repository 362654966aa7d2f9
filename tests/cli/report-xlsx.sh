#!/usr/bin/env bash
# velkomst report --format xlsx on the demo: a workbook (0600) with the
# sheets About, Departments, Checklist, Months, Ambassadors and a chart
# sheet, whose total row holds the same numbers as the csv's; nothing on
# stderr; in Danish a department's evaluation with Danish sheet names and
# the others' average.  Read back with unzip(1).
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo
check "the demo" 0

# member FILE NAME: one part of the workbook.
member() { unzip -p "$1" "$2" 2>/dev/null; }
# value FILE SHEET CELL: a number cell's value ("" when it has none).
value() {
	member "$1" "xl/worksheets/$2.xml" |
	    grep -o "<c r=\"$3\"[^>]*><v>[^<]*</v>" | sed 's/.*<v>//; s/<.*//'
}

X=$TMP/r.xlsx
run --db "$DB" report --year 2018 --format xlsx --output "$X"
check "a workbook" 0
if [ -s "$TMP/err" ]; then fail "nothing on stderr" "$(head -c 300 "$TMP/err")"; else ok "nothing on stderr"; fi
[ "$(stat -c %a "$X" 2>/dev/null)" = 600 ] && ok "0600" ||
    fail "0600" "mode $(stat -c %a "$X" 2>&1)"
if unzip -tq "$X" >"$TMP/out" 2>&1; then ok "a sound zip"; else fail "a sound zip" "$(head -c 300 "$TMP/out")"; fi
names=$(member "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/.*="//; s/"$//' | tr '\n' ,)
[ "$names" = "About,Departments,Checklist,Months,Ambassadors,Chart," ] &&
    ok "the sheets" || fail "the sheets" "$names"
member "$X" xl/charts/chart1.xml | grep -q 'Months!\$B\$2:\$B\$13' &&
    ok "a chart of 12 months" || fail "a chart of 12 months" "no series"

# The total row (after the demo's 9 departments) against the csv's.
run --db "$DB" report --year 2018 --format csv
check "the csv" 0
total=$(awk -F, '$1 == "total" { print $2, $3, $4, $5; exit }' "$TMP/out")
got="$(value "$X" sheet2 B11) $(value "$X" sheet2 C11) $(value "$X" sheet2 E11) $(value "$X" sheet2 G11)"
[ -n "$total" ] && [ "$got" = "$total" ] && ok "the total as the csv's" ||
    fail "the total as the csv's" "xlsx \"$got\", csv \"$total\""

# A department's evaluation, in Danish.
X=$TMP/da.xlsx
LANGUAGE=da run --db "$DB" report --year 2018 --department 605 \
    --format xlsx --output "$X"
check "an evaluation in Danish" 0
names=$(member "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/.*="//; s/"$//' | tr '\n' ,)
[ "$names" = "Om,Afdelinger,Tjekliste,Måneder,Ambassadører,Diagram," ] &&
    ok "the Danish sheets" || fail "the Danish sheets" "$names"
member "$X" xl/sharedStrings.xml | grep -q '<t>Andre, gennemsnit</t>' &&
    ok "the others' average" || fail "the others' average" "not in the workbook"
[ -z "$(value "$X" sheet2 A4)" ] && [ -n "$(value "$X" sheet2 B3)" ] &&
    ok "the department and the others only" ||
    fail "the department and the others only" "rows: $(value "$X" sheet2 B4)"

# A folder that is not there: a sentence, and no file.
run --db "$DB" report --year 2018 --format xlsx --output "$TMP/no/r.xlsx"
check "no such folder" 1 "$TMP/no/r.xlsx" stderr
[ ! -e "$TMP/no/r.xlsx" ] && ok "no file" || fail "no file" "there"

# The Excel library is loaded when a workbook is written, not at the
# start (tests/cli/libraries.sh checks that no build names it).

# A library that cannot be loaded (here a broken file found first): a
# sentence that says which package to install, no file, and no workbook
# half made; the same for an export.
mkdir -p "$TMP/badlib"
: >"$TMP/badlib/libxlsxwriter.so.4"
LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" report --year 2018 \
    --format xlsx --output "$TMP/nolib.xlsx"
check "no library: the report" 1 "install the package libxlsxwriter4" stderr
[ ! -e "$TMP/nolib.xlsx" ] && ok "no library: no report file" ||
    fail "no library: no report file" "there"
LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" export households \
    --format xlsx --output "$TMP/nolib-export.xlsx"
check "no library: the export" 1 "install the package libxlsxwriter4" stderr
[ ! -e "$TMP/nolib-export.xlsx" ] && ok "no library: no export file" ||
    fail "no library: no export file" "there"
LANGUAGE=da LD_LIBRARY_PATH=$TMP/badlib run --db "$DB" report --year 2018 \
    --format xlsx --output "$TMP/nolib.xlsx"
check "no library, in Danish" 1 "pakken libxlsxwriter4" stderr
