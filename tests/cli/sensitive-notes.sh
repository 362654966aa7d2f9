#!/usr/bin/env bash
# import moveins and notes that may say something sensitive: each such
# note named on stderr with its row, the reason and the word, in English
# and in Danish (LANGUAGE=da), and nothing imported (exit 1), also in a
# dry run; --notes-ok imports them as they are; an ordinary list imports
# without a word; a word list with a bad line or one that is missing
# stops every command with its file and line.
. "$(dirname "$0")/lib.sh"

export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}
count() {
	sqlite3 "$DB" "$1"
}
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got \"$2\", want \"$3\""; fi
}

printf 'first-password\nfirst-password\n' | "$BIN" --db "$DB" init \
    --login admin --password-stdin >/dev/null 2>&1
F=$TMP/moveins.csv
{
	printf 'afdeling;opgang;lejlighed;indflytning;navne;bemærkning\n'
	printf '605;Opgang 1;st. tv.;01-05-2019;Ali Hassan;Ring efter kl. 16\n'
	printf '605;Opgang 1;st. th.;01-05-2019;Eva Lund;Manden er syg\n'
	printf '605;Opgang 1;1. tv.;01-05-2019;Ole Berg;The police came\n'
	printf '605;Opgang 1;1. th.;01-05-2019;Jon Dahl;Går i moskéen\n'
} >"$F"

run --db "$DB" import moveins "$F"
check "a sensitive note stops the import" 1 \
    'velkomst: row 3: This note may say something about health ("syg").' stderr
check "every such note is named, with its row" 1 \
    'velkomst: row 4: This note may say something about a criminal matter ("police").' stderr
check "the word as the note has it" 1 \
    'velkomst: row 5: This note may say something about religion ("moskéen").' stderr
check "the rule is said" 1 "Notes must not hold health, religion, ethnicity or criminal matters: concerns go to the secretariat." stderr
check "and how to go on" 1 "Nothing was imported: change those notes in the file, or import them as they are with --notes-ok." stderr
if grep -q "row 2" "$TMP/err"; then
	fail "an ordinary note is not named" "$(cat "$TMP/err")"
else
	ok "an ordinary note is not named"
fi
is "nothing was imported" "$(count 'SELECT count(*) FROM household')" 0

run --db "$DB" import moveins "$F" --dry-run
check "a dry run says the same" 1 "Nothing would be imported: change those notes" stderr
is "the dry run imported nothing" "$(count 'SELECT count(*) FROM household')" 0

LANGUAGE=da run --db "$DB" import moveins "$F"
check "in Danish" 1 'velkomst: række 3: Denne note siger måske noget om helbred (»syg«).' stderr
check "in Danish, an English word too" 1 'velkomst: række 4: Denne note siger måske noget om et strafbart forhold (»police«).' stderr
check "in Danish, the rule" 1 "Noter må ikke rumme helbred, religion, etnisk oprindelse eller strafbare forhold: bekymringer går til sekretariatet." stderr
check "in Danish, how to go on" 1 "importér dem, som de er, med --notes-ok." stderr

run --db "$DB" import moveins "$F" --notes-ok
check "--notes-ok imports them as they are" 0 "4 added, 0 already registered, 0 refused"
check "--notes-ok still names them" 0 'row 3: This note may say something about health ("syg").' stderr
is "four households imported" "$(count 'SELECT count(*) FROM household')" 4
is "the note kept as it was" \
    "$(count "SELECT notes FROM household WHERE flat = 'st. th.'")" "Manden er syg"

run --db "$DB" import moveins --help
check "--help names --notes-ok" 0 "--notes-ok"

{
	printf 'afdeling;opgang;lejlighed;indflytning;navne;bemærkning\n'
	printf '606;Opgang 2;2. tv.;02-05-2019;Sara Holm;Spurgte om lektiecaféen\n'
	printf '606;Opgang 2;2. th.;02-05-2019;Per Kristensen;Familien Kristensen\n'
} >"$TMP/plain.csv"
run --db "$DB" import moveins "$TMP/plain.csv"
check "ordinary notes import without a word" 0 "2 added"
if [ -s "$TMP/err" ]; then
	fail "ordinary notes: nothing on stderr" "$(cat "$TMP/err")"
else
	ok "ordinary notes: nothing on stderr"
fi

# The setting: a list with a bad line, a list that is missing.
mkdir -p "$TMP/lists"
printf '# test\n[health]\nsyg*\n\nto ord\n' >"$TMP/lists/bad.txt"
printf 'sensitive_words = ["%s/lists/bad.txt",\n  "lists/none.txt"];\n' \
    "$TMP" >"$TMP/bad.conf"
# What checks notes reads the lists, and stops: import, check (and the
# screens, tests/tui/sensitive-note.sh).
for cmd in "import moveins $TMP/plain.csv --dry-run" check; do
	# shellcheck disable=SC2086
	run --db "$DB" --config "$TMP/bad.conf" $cmd
	check "${cmd%% *}: a bad line of a word list stops with its file and line" 1 \
	    "$TMP/lists/bad.txt:5: each line holds one word: letters and digits, with * at its start or end" stderr
	check "${cmd%% *}: a missing word list names the setting's file and line" 1 \
	    "$TMP/bad.conf:2: cannot read the word list $VELKOMST_SHARE/lists/none.txt: No such file or directory" stderr
done
# A command that reads no notes does not read the lists (nor load ICU
# for them: util-icu.h), so they do not stop it.
run --db "$DB" --config "$TMP/bad.conf" goal
check "goal does not read the word lists" 0 "Goal: 15 ambassadors"
mkdir -p "$TMP/own"
printf '[religion]\nzorro*\n' >"$TMP/own/own.txt"
printf 'sensitive_words = ["%s/own"];\n' "$TMP" >"$TMP/own.conf"
printf 'afdeling;opgang;lejlighed;indflytning;navne;bemærkning\n605;Opgang 3;3. tv.;03-05-2019;Bo Vang;Zorroerne kommer\n605;Opgang 3;3. th.;03-05-2019;Bo Lind;Han er syg\n' >"$TMP/own.csv"
# A copy of the shipped file elsewhere still finds the shipped lists.
cp "$VELKOMST_SHARE/velkomst.conf" "$TMP/copy.conf"
run --db "$DB" --config "$TMP/copy.conf" import moveins "$TMP/own.csv" \
    --dry-run
check "a copy of the shipped file finds the shipped lists" 1 \
    'row 3: This note may say something about health ("syg").' stderr
run --db "$DB" --config "$TMP/own.conf" import moveins "$TMP/own.csv"
check "a folder of lists replaces the shipped lists" 1 'row 2: This note may say something about religion ("Zorroerne").' stderr
if grep -q "row 3" "$TMP/err"; then
	fail "the shipped lists are replaced" "$(cat "$TMP/err")"
else
	ok "the shipped lists are replaced"
fi
