#!/usr/bin/env bash
# velkomst followups: what the secretariat did, oldest first, as text and
# as tsv with stable English values; --since and --department narrow it;
# the export is recorded in the audit trail; the follow-ups of the demo
# are of several kinds.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo
check "the demo" 0 "Created a demo database"

run --db "$DB" followups
check "as text" 0 "7 follow-ups"
check "text: the words of the screen" 0 "passed to the estate office"
check "text: how the case closed" 0 "not to be reached"
check "text: who" 0 "sekretariat"
check "text: the note" 0 "The letter came back."
head -1 "$TMP/out" | grep -q "^Date  *Household  *Department  *Login" &&
    ok "text: the header" || fail "text: the header" "$(head -1 "$TMP/out")"

run --db "$DB" followups --format tsv
check "as tsv" 0
if [ "$(head -1 "$TMP/out")" = "$(printf 'household\tdate\tlogin\taction\tcloses\tdepartment\tnote')" ]; then
	ok "tsv: the header"
else
	fail "tsv: the header" "$(head -1 "$TMP/out")"
fi
actions=$(tail -n +2 "$TMP/out" | cut -f4 | sort -u | tr '\n' ' ')
[ "$actions" = "estate_office letter other phone visit " ] &&
    ok "tsv: every kind of action, by its stable name" ||
    fail "tsv: every kind of action, by its stable name" "$actions"
closes=$(tail -n +2 "$TMP/out" | cut -f5 | sort -u | tr '\n' ' ')
[ "$closes" = " moved_out reached unreachable " ] &&
    ok "tsv: closes is empty or a stable name" ||
    fail "tsv: closes is empty or a stable name" "\"$closes\""
dates=$(tail -n +2 "$TMP/out" | cut -f2 | tr '\n' ' ')
[ "$dates" = "$(tail -n +2 "$TMP/out" | cut -f2 | sort | tr '\n' ' ')" ] &&
    ok "tsv: oldest first" || fail "tsv: oldest first" "$dates"
grep -q "$(printf '^79\t2019-05-31\tsekretariat\tphone\tunreachable\trheumpark\t')" "$TMP/out" &&
    ok "tsv: one row whole" || fail "tsv: one row whole" "no row of household 79"
d=$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
[ "$d" = "followups tsv 7 rows" ] && ok "the export is recorded" ||
    fail "the export is recorded" "$d"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'followup added' AND detail LIKE 'household %'")
[ "$n" = 7 ] && ok "each follow-up has its audit row" ||
    fail "each follow-up has its audit row" "$n"

run --db "$DB" followups --since 2019-01-01 --format tsv
check "--since" 0
[ "$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ')" = "29 8 79 " ] &&
    ok "--since: only on or after the day" ||
    fail "--since: only on or after the day" "$(cat "$TMP/out")"
run --db "$DB" followups --department pab8 --format tsv
check "--department" 0
[ "$(tail -n +2 "$TMP/out" | cut -f6 | sort -u)" = pab8 ] &&
    [ "$(($(wc -l <"$TMP/out") - 1))" = 2 ] &&
    ok "--department: only that department" ||
    fail "--department: only that department" "$(cat "$TMP/out")"
run --db "$DB" followups --since 2019-13-01
check "a wrong date" 2 "--since" stderr
run --db "$DB" followups --department nowhere
check "a department not in the configuration" 2 "" stderr
LANGUAGE=da VELKOMST_LOCALEDIR=$top/build/locale run --db "$DB" followups
check "in Danish" 0 "7 opfølgninger"
check "in Danish: the words" 0 "givet videre til ejendomskontoret"
