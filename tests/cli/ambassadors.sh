#!/usr/bin/env bash
# goal, coverage and ambassadors on the demo database with a fixed today;
# check finds stairwells an ambassador covers that the configuration lost.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo
check "the demo is made with ambassadors" 0 "Created a demo database"

run --db "$DB" goal
check "goal" 0 "Goal: 15 ambassadors in 1.3.2017–28.2.2021"
if tail -1 "$TMP/out" | grep -Eq '^[0-9]+ of 15 recruited \(1\.3\.2017–28\.2\.2021\), ([0-9]+ (behind|ahead of) pace|on pace)$'; then
	ok "goal ends with the one-line summary"
else
	fail "goal ends with the one-line summary" "$(tail -1 "$TMP/out")"
fi
same "goal on the demo (text)" goal.txt
run --db "$DB" goal --format tsv
check "goal --format tsv" 0
[ "$(head -1 "$TMP/out")" = "$(printf 'year\trecruited\tstopped\tcumulative\tactive_at_year_end')" ] &&
    ok "goal tsv has the agreed columns" || fail "goal tsv has the agreed columns" "$(head -1 "$TMP/out")"
if [ "$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ')" = "2017 2018 2019 2020 " ]; then ok "goal has a row per year"; else fail "goal has a row per year" "$(cut -f1 "$TMP/out" | tr '\n' ' ')"; fi
if tail -1 "$TMP/out" | grep -q $'\t$'; then ok "a year not begun has no active count"; else fail "a year not begun has no active count" "$(tail -1 "$TMP/out")"; fi
same "goal on the demo (tsv)" goal.tsv

run --db "$DB" coverage --format tsv
check "coverage --format tsv" 0
[ "$(head -1 "$TMP/out")" = "$(printf 'department\tstairwell\tambassadors\tawaiting')" ] &&
    ok "coverage tsv has the agreed columns" || fail "coverage tsv has the agreed columns" "$(head -1 "$TMP/out")"
n=$(($(wc -l <"$TMP/out") - 1))
if [ "$n" = 52 ]; then ok "coverage has every configured stairwell"; else fail "coverage has every configured stairwell" "$n rows"; fi
if tail -n +2 "$TMP/out" | awk -F'\t' '$3 == 0 { z = 1 } END { exit !z }'; then ok "some stairwell has no ambassador"; else fail "some stairwell has no ambassador" "none"; fi
if tail -n +2 "$TMP/out" | awk -F'\t' '$3 > 0 { z = 1 } END { exit !z }'; then ok "some stairwell has an ambassador"; else fail "some stairwell has an ambassador" "none"; fi
# The demo's 607 has an ambassador for the whole department.
if tail -n +2 "$TMP/out" | awk -F'\t' '$1 == "607" && $3 == 0 { z = 1 } END { exit z }'; then ok "an ambassador without stairwells covers the whole department"; else fail "an ambassador without stairwells covers the whole department" "a 607 stairwell has none"; fi
same "coverage on the demo (tsv)" coverage.tsv
run --db "$DB" coverage
check "coverage text marks the stairwells without an ambassador" 0 "no ambassador"
check "coverage text says where to recruit next" 0 "where to recruit next"

run --db "$DB" ambassadors --format tsv
check "ambassadors --format tsv" 0
[ "$(head -1 "$TMP/out")" = "$(printf 'id\tname\tdepartment\tstairwells\tlanguages\trecruited_on\tstatus')" ] &&
    ok "ambassadors tsv has the agreed columns" || fail "ambassadors tsv has the agreed columns" "$(head -1 "$TMP/out")"
if [ "$(tail -n +2 "$TMP/out" | awk -F'\t' '$6 > "2019-06-01"' | wc -l)" = 0 ]; then ok "no ambassador is recruited after today"; else fail "no ambassador is recruited after today" "some are"; fi
for s in active paused stopped; do
	if cut -f7 "$TMP/out" | grep -qx "$s"; then ok "the demo has $s ambassadors"; else fail "the demo has $s ambassadors" "none"; fi
done
same "ambassadors on the demo (tsv)" ambassadors.tsv
run --db "$DB" ambassadors --status stopped --format tsv
check "ambassadors --status stopped" 0
if [ "$(tail -n +2 "$TMP/out" | cut -f7 | sort -u)" = stopped ]; then ok "--status stopped lists only the stopped"; else fail "--status stopped lists only the stopped" "$(tail -n +2 "$TMP/out" | cut -f7 | sort -u | tr '\n' ' ')"; fi
run --db "$DB" ambassadors --department 606 --format tsv
if [ "$(tail -n +2 "$TMP/out" | cut -f3 | sort -u)" = 606 ]; then ok "ambassadors --department"; else fail "ambassadors --department" "$(tail -n +2 "$TMP/out" | cut -f3 | sort -u | tr '\n' ' ')"; fi
run --db "$DB" ambassadors --search birgit
check "ambassadors --search" 0 "Birgit Holm"
check "ambassadors text counts them" 0 "1 ambassador"

run --db "$DB" goal --format xml
check "goal with a bad --format is a usage error" 2 "--format is text or tsv" stderr
run --db "$DB" coverage --format csv
check "coverage with a bad --format is a usage error" 2 "--format is text or tsv" stderr
run --db "$DB" ambassadors --format html
check "ambassadors with a bad --format is a usage error" 2 "--format is text or tsv" stderr
run --db "$DB" ambassadors --status retired
check "ambassadors with a bad --status is a usage error" 2 "--status" stderr
run --db "$DB" ambassadors --department nowhere
check "ambassadors with an unknown department is a usage error" 2 "no department" stderr

run --db "$DB" check
check "check on the demo finds no problems" 0 "no problems found"
# The same stairwells, but 605 has lost "Opgang 1" (Birgit Holm covers it).
sed -e '/department = "605";/,/]; },/s/"Opgang 1", //' \
    "$VELKOMST_SHARE/velkomst.conf" >"$TMP/lost.conf"
run --config "$TMP/lost.conf" --db "$DB" check
check "check names a stairwell the configuration lost" 1 'stairwell "Opgang 1" of 605 is not in the configuration'
check "check names the ambassador" 1 "(Birgit Holm)"
check "check counts it as a problem" 1 "1 problem found"
run --config "$TMP/lost.conf" --db "$DB" households --format tsv
check "households still works without the stairwell" 0 "Opgang 1"
