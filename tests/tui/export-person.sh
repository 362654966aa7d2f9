#!/usr/bin/env bash
# The resident's copy from the household's screen, in English and in
# Danish at 80x24: the secretariat is offered E; E writes the text and
# the JSON into two new 0600 files in the home folder and says where;
# the text is in the screen's language, the JSON parses; E again makes
# new files beside them (never over them); each copy is one audit row.
# An ambassador is not offered E, and pressing it writes nothing.
. "$(dirname "$0")/lib.sh"

make_demo
lang_pieces
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

# A household of department 605 (birgit's) with a name found by one word.
HID=$(sqlite3 "$DB" "SELECT min(id) FROM household WHERE department = '605'")
sqlite3 "$DB" "UPDATE member SET name = 'Xyzzy Qwerty', search_key = 'xyzzy qwerty'
    WHERE household_id = $HID AND position = 0;
  DELETE FROM name_word WHERE household_id = $HID;
  INSERT INTO name_word (key, member_id, household_id)
    SELECT 'xyzzy', id, $HID FROM member WHERE household_id = $HID AND position = 0;"
copies() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'export' AND tbl = 'household' AND record = $HID"; }
files() { ls "$TMP" | grep -c "^household-$HID-$TODAY" ; }

# open_household LANG: the register, searched, the household opened.
open_household() {
	local lang=$1
	expect_title "$lang: home" "${T[home]}"
	tui_keys 1
	expect_title "$lang: the register" "${T[register]}"
	tui_keys /
	tui_type xyzzy
	expect_line "$lang: the search finds it" "Xyzzy Qwerty"
	tui_keys Enter
	tui_read_all
	tui_keys Enter
	expect_title "$lang: the household" "${T[household]}"
}

# tour LANG SUFFIX: E as the secretariat writes household-H-TODAY SUFFIX
# .txt and .json.
tour() {
	local lang=$1 suffix=$2 txt json n
	txt=$TMP/household-$HID-$TODAY$suffix.txt
	json=$TMP/household-$HID-$TODAY$suffix.json
	n=$(copies)
	LANGUAGE=$lang tui_start
	open_household "$lang"
	expect "$lang: the secretariat is offered E" "E ${T[copy]}"
	expect_not "$lang: no copy is said before E" "${T[said]}"
	tui_keys E
	expect "$lang: E says the copy is written" "${T[said]} $HID"
	expect "$lang: and names the text file" "household-$HID-$TODAY$suffix.txt"
	expect "$lang: and the JSON file" "household-$HID-$TODAY$suffix.json"
	expect "$lang: in the home folder" "$TMP"
	whole "$lang" "the household with the message"
	[ -f "$txt" ] && [ -f "$json" ] && ok "$lang: both files are there" || { fail "$lang: both files are there" "$(ls "$TMP")"; return; }
	[ "$(stat -c %a "$txt")$(stat -c %a "$json")" = 600600 ] && ok "$lang: both are 0600" || fail "$lang: both are 0600" "$(stat -c %a "$txt" "$json")"
	grep -qF "${T[heading]} $HID" "$txt" && grep -qF "Xyzzy Qwerty" "$txt" && ok "$lang: the text in its language, with the household" || fail "$lang: the text in its language" "$(head -3 "$txt")"
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["household"]["id"] == int(sys.argv[2]); assert "Xyzzy Qwerty" in d["household"]["members"]' "$json" "$HID" 2>"$TMP/json.err" &&
	    ok "$lang: the JSON parses and is the household" || fail "$lang: the JSON parses and is the household" "$(cat "$TMP/json.err")"
	[ "$(copies)" = $((n + 1)) ] && ok "$lang: one audit row, for the household" || fail "$lang: one audit row" "$(copies), was $n"
	[ "$(sqlite3 "$DB" "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" = "person text+json" ] && ok "$lang: the row says text and JSON, no name" || fail "$lang: the row says text and JSON" "$(sqlite3 "$DB" "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")"
}

declare -A T
T=([home]=Home [register]=Households [household]=Household [copy]=Copy
    [said]="The copy of household" [heading]="A copy of everything velkomst holds about household")
tour en ""
# E again: new files beside the first ones, which are left as they were.
cp "$TMP/household-$HID-$TODAY.txt" "$TMP/first.txt"
tui_keys E
expect "en: E again names new files" "household-$HID-$TODAY-2.txt"
cmp -s "$TMP/household-$HID-$TODAY.txt" "$TMP/first.txt" && ok "en: the first copy is not written over" || fail "en: the first copy is not written over" "changed"
[ -f "$TMP/household-$HID-$TODAY-2.json" ] && ok "en: the second JSON is there" || fail "en: the second JSON is there" "$(ls "$TMP")"
T=([home]=Forside [register]=Husstande [household]=Husstand [copy]=Kopi
    [said]="Kopien af husstand" [heading]="En kopi af alt, hvad velkomst har om husstand")
tour da -3

# An ambassador of the household's department: no E, and E writes nothing.
before=$(copies)
nfiles=$(files)
T=([home]=Home [register]=Households [household]=Household)
LOGIN=birgit SECRET=1234 tui_start
open_household ambassador
expect "ambassador: the household's own keys are there" "v Visit"
expect_not "ambassador: E is not offered" "E Copy"
tui_keys E
tui_sync
expect_title "ambassador: E opens nothing" Household
expect_not "ambassador: and says no copy" "The copy of household"
[ "$(copies)" = "$before" ] && ok "ambassador: no audit row" || fail "ambassador: no audit row" "$(copies), was $before"
[ "$(files)" = "$nfiles" ] && ok "ambassador: no file" || fail "ambassador: no file" "$(ls "$TMP")"
