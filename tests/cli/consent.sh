#!/usr/bin/env bash
# velkomst consent: a household's consent per purpose as text and tsv;
# give records one (once); withdraw asks first on a terminal (and is
# refused without one unless --yes), removes at once exactly the data
# the purpose covered and says what; the audit trail names the purpose,
# never a name; in Danish too.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }

run --db "$DB" demo
check "the demo" 0 "Created a demo database"

# Household 10 of the demo: a phone, languages, notes on its checklist
# and a visit marked as a possible success story.
run --db "$DB" consent 10
check "lists every purpose" 0 "the welcome visit"
check "text: a purpose without consent" 0 "not given"
grep -q "^contact by phone  *[0-9.]*  .*at the door" "$TMP/out" &&
    ok "text: phone given, how" || fail "text: phone given, how" "$(cat "$TMP/out")"
grep -q "^follow-up by the secretariat  *not given" "$TMP/out" &&
    ok "text: follow-up not given" ||
    fail "text: follow-up not given" "$(cat "$TMP/out")"

run --db "$DB" consent 10 --format tsv
check "as tsv" 0
[ "$(head -1 "$TMP/out")" = "$(printf 'household\tpurpose\tgiven_on\tgiven_by\thow\twithdrawn_on\twithdrawn_by')" ] &&
    ok "tsv: the header" || fail "tsv: the header" "$(head -1 "$TMP/out")"
[ "$(tail -n +2 "$TMP/out" | cut -f2 | tr '\n' ' ')" = "visit phone story " ] &&
    ok "tsv: the purposes by their stable names" ||
    fail "tsv: the purposes by their stable names" "$(cat "$TMP/out")"

run --db "$DB" consent 10 give followup --how paper --on 30.05.2019
check "give: recorded" 0 "Recorded: household 10 consents to follow-up by the secretariat (on paper, 30.05.2019"
[ "$(q "SELECT given_on || ' ' || how FROM consent WHERE household_id = 10 AND purpose = 'followup' AND withdrawn_on IS NULL")" = "2019-05-30 paper" ] &&
    ok "give: the row" || fail "give: the row" "$(q "SELECT * FROM consent WHERE household_id = 10")"
run --db "$DB" consent 10 give followup
check "give twice: refused" 1 "already given" stderr
run --db "$DB" consent 10 give followup --how letter
check "give: a bad --how" 2 "door, paper or phone" stderr
run --db "$DB" consent 10 give photos
check "give: a bad purpose" 2 "visit, phone, followup or story" stderr
run --db "$DB" consent ten
check "a bad household number" 2 "not the number of a household" stderr
run --db "$DB" consent 9999
check "a household that is not there" 1 "does not exist" stderr

# Without a terminal and without --yes nothing is removed.
before=$(q "SELECT phone FROM household WHERE id = 10")
run --db "$DB" consent 10 withdraw phone </dev/null
check "withdraw without a terminal: refused" 1 "--yes" stderr
[ "$(q "SELECT phone FROM household WHERE id = 10")" = "$before" ] &&
    ok "withdraw refused: the phone stays" ||
    fail "withdraw refused: the phone stays" "$(q "SELECT phone FROM household WHERE id = 10")"

# On a terminal it asks, naming what goes; n keeps it.
echo n | script -qec "'$BIN' --db '$DB' consent 10 withdraw phone" /dev/null \
    >"$TMP/out" 2>"$TMP/err"
grep -q "removes at once: the phone number, the languages" "$TMP/out" &&
    ok "withdraw on a terminal: asks, naming what goes" ||
    fail "withdraw on a terminal: asks, naming what goes" "$(cat "$TMP/out")"
[ "$(q "SELECT phone FROM household WHERE id = 10")" = "$before" ] &&
    ok "withdraw: n keeps the phone" ||
    fail "withdraw: n keeps the phone" "$(cat "$TMP/out")"
echo y | script -qec "'$BIN' --db '$DB' consent 10 withdraw phone" /dev/null \
    >"$TMP/out" 2>"$TMP/err"
grep -q "Removed: the phone number, the languages." "$TMP/out" &&
    ok "withdraw: y removes and says what" ||
    fail "withdraw: y removes and says what" "$(cat "$TMP/out")"
[ "$(q "SELECT consent || ':' || coalesce(phone, '') || ':' || coalesce(languages, '') || ':' || coalesce(consent_on, '') FROM household WHERE id = 10")" = "0:::" ] &&
    ok "withdraw phone: phone, languages and consent gone" ||
    fail "withdraw phone: phone, languages and consent gone" "$(q "SELECT * FROM household WHERE id = 10")"

# visit: the notes of the household's checklist go, nothing else.
others=$(q "SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id <> 10 AND i.note IS NOT NULL")
states=$(q "SELECT group_concat(i.state) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = 10")
run --db "$DB" consent 10 withdraw visit --yes
check "withdraw visit: says what" 0 "Removed: 2 notes on the checklist."
[ "$(q "SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = 10 AND coalesce(i.note, '') NOT IN ('', '-')")" = 0 ] &&
    ok "withdraw visit: its notes are gone" || fail "withdraw visit: its notes are gone" "notes left"
[ "$(q "SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id <> 10 AND i.note IS NOT NULL")" = "$others" ] &&
    ok "withdraw visit: other households' notes stay" ||
    fail "withdraw visit: other households' notes stay" "count changed"
[ "$(q "SELECT group_concat(i.state) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = 10")" = "$states" ] &&
    ok "withdraw visit: the checklist's states stay" ||
    fail "withdraw visit: the checklist's states stay" "states changed"

run --db "$DB" consent 10 withdraw story --yes
check "withdraw story: says what" 0 "Removed: the success-story mark of 1 visit."
[ "$(q "SELECT group_concat(v.household_id) FROM visit_story s JOIN visit v ON v.id = s.visit_id")" = 144 ] &&
    ok "withdraw story: only its mark goes" ||
    fail "withdraw story: only its mark goes" "$(q "SELECT * FROM visit_story")"
run --db "$DB" consent 10 withdraw story --yes
check "withdraw twice: refused" 1 "no consent to a success story" stderr
echo y | script -qec "'$BIN' --db '$DB' consent 10 withdraw story" /dev/null \
    >"$TMP/out" 2>"$TMP/err"
if grep -q "no consent to a success story" "$TMP/out" &&
    ! grep -q "removes at once" "$TMP/out"; then
	ok "withdraw on a terminal with nothing to withdraw: no question"
else
	fail "withdraw on a terminal with nothing to withdraw: no question" "$(cat "$TMP/out")"
fi

run --db "$DB" consent 10
grep -q "^contact by phone  .*01.06.2019  *$(id -un)" "$TMP/out" &&
    ok "the list shows the withdrawal, when and by whom" ||
    fail "the list shows the withdrawal, when and by whom" "$(cat "$TMP/out")"

[ "$(q "SELECT count(*) FROM audit WHERE kind = 'consent withdrawn' AND tbl = 'consent' AND detail IN ('household 10: phone', 'household 10: visit', 'household 10: story')")" = 3 ] &&
    ok "the audit trail: one row per withdrawal, with the purpose" ||
    fail "the audit trail: one row per withdrawal, with the purpose" "$(q "SELECT kind, detail FROM audit ORDER BY id DESC LIMIT 5")"
[ "$(q "SELECT count(*) FROM audit WHERE kind LIKE 'consent%' AND detail NOT GLOB 'household [0-9]*: [a-z]*'")" = 0 ] &&
    ok "the audit trail: never a name" ||
    fail "the audit trail: never a name" "$(q "SELECT detail FROM audit WHERE kind LIKE 'consent%'")"

LANGUAGE=da run --db "$DB" consent 10
check "in Danish" 0 "kontakt pr. telefon"
LANGUAGE=da run --db "$DB" consent 144 withdraw story --yes
check "in Danish: what was removed" 0 "Fjernet: mærket som succeshistorie på 1 besøg."
