#!/usr/bin/env bash
# Languages spoken as ISO 639 codes: codes in tsv, names in text, the
# ambassadors command's --language, and a database of schema 7 whose free
# text is mapped when it is upgraded, what is not mapped listed by check.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo
check "the demo is made" 0 "Created a demo database"

run --db "$DB" ambassadors --format tsv
if tail -n +2 "$TMP/out" | cut -f5 | grep -qx 'da,so'; then ok "ambassadors tsv: languages as codes"; else fail "ambassadors tsv: languages as codes" "$(cut -f5 "$TMP/out" | tr '\n' ' ')"; fi
run --db "$DB" ambassadors
check "ambassadors text: languages by name" 0 "Danish, Somali"
run --db "$DB" ambassadors --language so --format tsv
if [ "$(tail -n +2 "$TMP/out" | cut -f2)" = "Hodan Jama" ]; then ok "--language so"; else fail "--language so" "$(cut -f2 "$TMP/out" | tr '\n' ' ')"; fi
for l in somalisk Soomaali SOMALI; do
	run --db "$DB" ambassadors --language "$l" --format tsv
	if [ "$(tail -n +2 "$TMP/out" | cut -f2)" = "Hodan Jama" ]; then ok "--language $l"; else fail "--language $l" "$(cut -f2 "$TMP/out" | tr '\n' ' ')"; fi
done
run --db "$DB" ambassadors --language klingonisch
check "--language that is no language is refused" 2 "is not a language velkomst knows" stderr

run --db "$DB" households --format tsv
if tail -n +2 "$TMP/out" | cut -f9 | grep -qx 'ar,da'; then ok "households tsv: languages as codes"; else fail "households tsv: languages as codes" "no ar,da"; fi
run --db "$DB" households
check "households text: languages by name" 0 "Arabic, Danish"

# Back to schema 7 by hand: free text in households 1-3 and ambassador 2.
sqlite3 "$DB" "ALTER TABLE household DROP COLUMN languages_other;
ALTER TABLE ambassador DROP COLUMN languages_other;
UPDATE household SET languages = 'somalisk, Pig latin' WHERE id = (SELECT min(id) FROM household WHERE consent = 1);
UPDATE household SET languages = 'Soomaali' WHERE id = (SELECT max(id) FROM household WHERE consent = 1);
UPDATE ambassador SET languages = 'Dansk, Klingonish, العربية' WHERE id = 2;
PRAGMA user_version = 7;" >"$TMP/out" 2>"$TMP/err"
first=$(sqlite3 "$DB" "SELECT min(id) FROM household WHERE consent = 1")
last=$(sqlite3 "$DB" "SELECT max(id) FROM household WHERE consent = 1")
run --db "$DB" check
check "check does not upgrade (it only reads)" 1 "must be upgraded first" stderr
run --db "$DB" ambassadors --language ar --format tsv
check "a command that writes upgrades" 0
if tail -n +2 "$TMP/out" | cut -f1 | grep -qx 2; then ok "an upgraded ambassador is found by code"; else fail "an upgraded ambassador is found by code" "$(cut -f1 "$TMP/out" | tr '\n' ' ')"; fi
run --db "$DB" check
check "check lists what is not in the list" 0 "households: $first"
check "... by id, and the ambassadors" 0 "ambassadors: 2"
if grep -q "Pig latin\|Klingonish\|Yusuf" "$TMP/out"; then fail "... without the text or names" "$(cat "$TMP/out")"; else ok "... without the text or names"; fi
if [ "$(sqlite3 "$DB" "SELECT languages || '/' || languages_other FROM household WHERE id = $first")" = "so/Pig latin" ]; then ok "free text mapped, the rest kept"; else fail "free text mapped, the rest kept" "$(sqlite3 "$DB" "SELECT languages, languages_other FROM household WHERE id = $first")"; fi
if [ "$(sqlite3 "$DB" "SELECT languages FROM household WHERE id = $last")" = "so" ]; then ok "an own name mapped"; else fail "an own name mapped" "$(sqlite3 "$DB" "SELECT languages FROM household WHERE id = $last")"; fi
