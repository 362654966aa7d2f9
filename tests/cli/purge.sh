#!/usr/bin/env bash
# velkomst purge: --dry-run changes nothing (the file's checksum) and
# says what is due; with a fixed today it anonymises exactly the
# households the retention rules find due (worked out here again in
# SQL) and the contact data of the ambassador stopped long enough ago,
# and nothing else; the yearly reports and the recruitment goal stay
# the same; a second run finds nothing.
. "$(dirname "$0")/lib.sh"

q() {
	sqlite3 "$DB" "$1"
}
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got \"$2\", want \"$3\""; fi
}
sum() {
	sha256sum "$DB" | cut -d' ' -f1
}

run --db "$DB" demo
check "a demo database" 0

export VELKOMST_TODAY=2019-08-01
# The rules of the shipped configuration, again in SQL: moved out 90
# days ago, last visited 365 days ago after the door opened, never
# reached and moved in 365 days ago.
MO=$(date -d "$VELKOMST_TODAY -90 days" +%F)
YR=$(date -d "$VELKOMST_TODAY -365 days" +%F)
DUE="SELECT id FROM household WHERE (moved_out IS NOT NULL AND moved_out <= '$MO')
    OR (state <> 'awaiting' AND last_visit <= '$YR')
    OR (state = 'awaiting' AND moved_in <= '$YR') ORDER BY id"
# Everything of a household but what purge may change, and its people.
KEEP="SELECT h.*, (SELECT group_concat(name, '|') FROM member m WHERE
    m.household_id = h.id) FROM household h WHERE h.id NOT IN ($DUE) ORDER BY h.id"
due=$(q "$DUE" | tr '\n' ' ')
ndue=$(q "SELECT count(*) FROM ($DUE)")
[ "$ndue" -gt 10 ] && ok "$ndue households are due" || fail "households are due" "only $ndue"
q "$KEEP" >"$TMP/keep-before"
q "SELECT id, name, department, recruited_on, phone, email, languages FROM ambassador WHERE id <> 6 ORDER BY id" >"$TMP/amb-before"

for y in 2017 2018 2019; do
	q "DELETE FROM report_figure"
	run --db "$DB" report --year "$y"
	cp "$TMP/out" "$TMP/report-$y"
done
run --db "$DB" goal
cp "$TMP/out" "$TMP/goal-before"
run --db "$DB" report --agreement-year 2
cp "$TMP/out" "$TMP/agreement-before"

before=$(sum)
run --db "$DB" purge --dry-run
check "purge --dry-run" 0 "Due for deletion: the personal data of $ndue households."
check "it says it changed nothing" 0 "A dry run: nothing was changed."
check "one stopped ambassador is due" 0 "the contact data of 1 stopped ambassador"
is "the file is the same after the dry run" "$(sum)" "$before"
run --db "$DB" purge </dev/null
check "no terminal and no --yes: refused" 1 "no terminal to ask on" stderr
is "the file is the same after the refusal" "$(sum)" "$before"

# On a terminal (a copy of the file), a line says how far it has come
# while it works, and goes before the result.
cp "$DB" "$TMP/tty.db"
on_tty --db "$TMP/tty.db" purge --yes
busy_then "purge --yes on a terminal: a line while it works, then the result" \
    0 Erasing "^Erased the personal data of $ndue households.$" \
    'Erasing the personal data due: 1 household so far…'
# Asked on the terminal, it knows how many are due.
cp "$DB" "$TMP/tty.db"
printf 'y\n' >"$TMP/yes"
ON_TTY_IN=$TMP/yes on_tty --db "$TMP/tty.db" purge
busy_then "purge asked on a terminal: the line counts toward what is due" \
    0 Erasing "^Erased the personal data of $ndue households.$" \
    "Erasing the personal data due: 1 of $ndue households…"
rm -f "$TMP"/tty.db*

run --db "$DB" purge --yes
check "purge --yes" 0 "Erased the personal data of $ndue households."
check "the ambassador's contact data" 0 "Erased the contact data of 1 stopped ambassador."
is "exactly the households due are erased" \
    "$(q "SELECT household_id FROM household_erased WHERE why = 'purge' ORDER BY household_id" | tr '\n' ' ')" "$due"
is "none of them has a member left" \
    "$(q "SELECT count(*) FROM member WHERE household_id IN ($DUE)")" 0
is "nor a phone or notes" \
    "$(q "SELECT count(*) FROM household WHERE id IN ($DUE) AND (phone IS NOT NULL OR notes IS NOT NULL OR flat <> '')")" 0
q "$KEEP" >"$TMP/keep-after"
cmp -s "$TMP/keep-before" "$TMP/keep-after" && ok "every other household is as it was" ||
    fail "every other household is as it was" "some changed"
is "the ambassador stopped on 31.07.2018 has no contact data left" \
    "$(q "SELECT name, phone IS NULL, email IS NULL, languages IS NULL, consent FROM ambassador WHERE id = 6")" \
    "Kasim Raza|1|1|1|0"
q "SELECT id, name, department, recruited_on, phone, email, languages FROM ambassador WHERE id <> 6 ORDER BY id" >"$TMP/amb-after"
cmp -s "$TMP/amb-before" "$TMP/amb-after" && ok "the other ambassadors are as they were" ||
    fail "the other ambassadors are as they were" "some changed"
is "the trail has a row per household" \
    "$(q "SELECT count(*) FROM audit WHERE kind = 'household erased'")" "$ndue"

for y in 2017 2018 2019; do
	q "DELETE FROM report_figure"
	run --db "$DB" report --year "$y"
	cmp -s "$TMP/report-$y" "$TMP/out" && ok "the report of $y is the same" ||
	    fail "the report of $y is the same" "it changed"
done
run --db "$DB" goal
cmp -s "$TMP/goal-before" "$TMP/out" && ok "the recruitment goal is the same" ||
    fail "the recruitment goal is the same" "it changed"
q "DELETE FROM report_figure"
run --db "$DB" report --agreement-year 2
cmp -s "$TMP/agreement-before" "$TMP/out" && ok "the agreement year's report is the same" ||
    fail "the agreement year's report is the same" "it changed"

run --db "$DB" purge --dry-run
check "a second run finds nothing" 0 "the personal data of 0 households"
run --db "$DB" purge --yes
check "and erases nothing" 0 "Erased the personal data of 0 households."
run --db "$DB" check
check "velkomst check is content" 0
