#!/usr/bin/env bash
# overdue and visits on the demo database with a fixed today; households
# with every status.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo
check "the demo is made with visits" 0 "Created a demo database"
run --db "$DB" overdue --format tsv
check "overdue --format tsv" 0
same "overdue on the demo (tsv)" overdue.tsv
head -1 "$TMP/out" | grep -q $'^id\tdepartment\tstairwell\tflat\tmoved_in\tdays_overdue\tattempts' &&
    ok "overdue tsv has the agreed columns" || fail "overdue tsv has the agreed columns" "$(head -1 "$TMP/out")"
if tail -n +2 "$TMP/out" | cut -f6 | sort -n -r -c; then ok "the most overdue come first"; else fail "the most overdue come first" "not sorted"; fi
if tail -n +2 "$TMP/out" | awk -F'\t' '$6 < 1 { bad = 1 } END { exit bad }'; then ok "every row is overdue by a day or more"; else fail "every row is overdue by a day or more" "a row is not"; fi
run --db "$DB" overdue
same "overdue on the demo (text)" overdue.txt
run --db "$DB" overdue --department "BB-afd. 606" --format tsv
if [ "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u)" = 606 ]; then ok "overdue --department"; else fail "overdue --department" "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u | tr '\n' ' ')"; fi
run --db "$DB" overdue --department nowhere
check "overdue with an unknown department is a usage error" 2 "no department" stderr

run --db "$DB" visits --format tsv
check "visits --format tsv" 0
head -1 "$TMP/out" | grep -q $'^id\thousehold\tdate\tambassador\toutcome' &&
    ok "visits tsv has the agreed columns" || fail "visits tsv has the agreed columns" "$(head -1 "$TMP/out")"
for o in welcomed partly not_home declined; do
	if cut -f5 "$TMP/out" | grep -qx "$o"; then ok "the demo has $o visits"; else fail "the demo has $o visits" "none"; fi
done
if tail -n +2 "$TMP/out" | cut -f3 | sort -r -c; then ok "visits are newest first"; else fail "visits are newest first" "not sorted"; fi
same "visits on the demo (tsv)" visits.tsv
hid=$(tail -n +2 "$TMP/out" | awk -F'\t' '$5 == "partly" { print $2; exit }')
run --db "$DB" visits --household "$hid"
check "visits --household shows the checklist" 0 "later"
# Its audit row names the household, so the trail (and the audit
# screen's filter by record) tells who read that household's visits.
row=$(sqlite3 "$DB" "SELECT tbl || ' ' || record || ' ' || detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
case $row in
"household $hid visits text "*) ok "visits --household is recorded as of that household" ;;
*) fail "visits --household is recorded as of that household" "$row" ;;
esac
run --db "$DB" audit --format tsv
if tail -1 "$TMP/out" | grep -q $'\thousehold\t'"$hid"$'\tvisits text '; then ok "audit shows the household of visits --household"; else fail "audit shows the household of visits --household" "$(tail -1 "$TMP/out")"; fi
run --db "$DB" visits --household 0
check "visits --household 0 is a usage error" 2 "--household" stderr

run --db "$DB" households --format tsv
for st in awaiting partly welcomed declined moved_out; do
	if cut -f8 "$TMP/out" | grep -qx "$st"; then ok "households has status $st"; else fail "households has status $st" "none"; fi
done
run --db "$DB" visits --household 99999
check "visits of a household that does not exist says so" 1 "no household 99999" stderr
