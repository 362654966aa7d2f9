#!/usr/bin/env bash
# `velkomst desk`: the desk's overview per department and in total, as
# tsv for scripts and as text in English and Danish; its figures are the
# ones the overdue list and the coverage give, for one department and
# for all.
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo
check "a demo database" 0

run --db "$DB" desk --format tsv
check "desk as tsv" 0
cp "$TMP/out" "$TMP/desk.tsv"
head -1 "$TMP/desk.tsv" | grep -q -x $'department\tawaiting\toverdue\tsecretariat\tstairwells_without' &&
    ok "tsv header" || fail "tsv header" "$(head -1 "$TMP/desk.tsv")"
# The departments' keys in the configuration's order (as `households`
# prints them), then the total.
keys=$(tail -n +2 "$TMP/desk.tsv" | cut -f1 | tr '\n' ' ')
[ "$keys" = "605 606 607 608 tm13 tm15 rheumpark pab8 daruplund total " ] &&
    ok "one row per department and a total" || fail "one row per department and a total" "$keys"
run --db "$DB" households --department tm13 --format tsv
check "the keys are the ones households prints" 0 $'\ttm13\t'
# The total adds up the departments (the demo has no other department).
sums=$(awk -F'\t' 'NR > 1 && $1 != "total" { for (i = 2; i <= 5; i++) s[i] += $i }
    $1 == "total" { t = $2 "," $3 "," $4 "," $5 }
    END { print (s[2] "," s[3] "," s[4] "," s[5] == t) ? "same" : s[2] "," s[3] "," s[4] "," s[5] " vs " t }' "$TMP/desk.tsv")
[ "$sums" = same ] && ok "the total adds up" || fail "the total adds up" "$sums"

# col DEPT N: column N of department DEPT's row.
col() { awk -F'\t' -v d="$1" -v n="$2" '$1 == d { print $n }' "$TMP/desk.tsv"; }

# Overdue: the count `velkomst overdue` lists, for one department and all.
run --db "$DB" overdue --department 605 --format tsv
n=$(($(wc -l <"$TMP/out") - 1))
[ "$n" -gt 0 ] && [ "$(col 605 3)" = "$n" ] && ok "overdue of 605 as the overdue list" ||
    fail "overdue of 605 as the overdue list" "desk $(col 605 3), list $n"
run --db "$DB" overdue --format tsv
n=$(($(wc -l <"$TMP/out") - 1))
[ "$(col total 3)" = "$n" ] && ok "overdue in total as the overdue list" ||
    fail "overdue in total as the overdue list" "desk $(col total 3), list $n"

# Stairwells without an ambassador where newcomers wait: as the coverage.
run --db "$DB" coverage --format tsv
cp "$TMP/out" "$TMP/cov.tsv"
bare() { awk -F'\t' -v d="$1" 'NR > 1 && $3 == 0 && $4 > 0 && (d == "" || $1 == d) { n++ } END { print n + 0 }' "$TMP/cov.tsv"; }
[ "$(col 605 5)" = "$(bare 605)" ] && [ "$(bare 605)" -gt 0 ] &&
    ok "stairwells without of 605 as the coverage" ||
    fail "stairwells without of 605 as the coverage" "desk $(col 605 5), coverage $(bare 605)"
[ "$(col total 5)" = "$(bare '')" ] && ok "stairwells without in total as the coverage" ||
    fail "stairwells without in total as the coverage" "desk $(col total 5), coverage $(bare '')"

# Text: the short names, a total, what the last column means.
run --db "$DB" desk
check "desk as text" 0 "Total"
grep -q '^TM 13 ' "$TMP/out" && ok "text has the short names" ||
    fail "text has the short names" "$(head -3 "$TMP/out")"
grep -q 'No ambassador: stairwells without an active ambassador' "$TMP/out" &&
    ok "text says what No ambassador means" || fail "text says what No ambassador means" "no legend"
LANGUAGE=da run --db "$DB" desk
check "desk in Danish" 0 "Afdeling"
grep -q '^I alt ' "$TMP/out" && ! grep -q 'Awaiting\|Total' "$TMP/out" &&
    ok "desk in Danish has no English" || fail "desk in Danish has no English" "$(cat "$TMP/out")"
LANGUAGE=da run --db "$DB" desk --format tsv
cmp -s "$TMP/out" "$TMP/desk.tsv" && ok "tsv is the same in Danish" ||
    fail "tsv is the same in Danish" "differs"

# Usage.
run --db "$DB" desk --format csv
check "desk --format csv is a usage error" 2
run --db "$DB" desk extra
check "desk with an argument is a usage error" 2
