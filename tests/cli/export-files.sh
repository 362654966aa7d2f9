#!/usr/bin/env bash
# `velkomst export`: csv (RFC 4180) with a name that holds ';', a quote
# and a note with a line break; --excel's bytes (BOM, ';', CRLF,
# dd-mm-yyyy); a workbook read back from its XML; files made 0600 and
# never written over; an audit row for every export, none for a refused.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 20
check "the demo" 0 "Created a demo database"
# Household 3 gets names and a note that only quoting keeps apart.
sqlite3 "$DB" "UPDATE household SET department = '607', stairwell = 'Opgang 4',
    flat = 'st. tv.', moved_in = '2019-06-01', moved_out = NULL, phone = NULL,
    languages = NULL, interpreter = 0, consent = 0,
    notes = 'line one' || char(10) || 'line two' WHERE id = 3;
  DELETE FROM member WHERE household_id = 3 AND position > 1;
  UPDATE member SET name = 'Ana \"Bo\"; Lund' WHERE household_id = 3 AND position = 0;
  UPDATE member SET name = 'Xyzzy Qwerty', search_key = 'xyzzy qwerty'
    WHERE household_id = 3 AND position = 1;
  DELETE FROM name_word WHERE household_id = 3;
  INSERT INTO name_word (key, member_id, household_id)
    SELECT 'xyzzy', id, 3 FROM member WHERE household_id = 3 AND position = 1;"

last_export() {
	sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1"
}
exports() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'export'"; }

# ---- csv ------------------------------------------------------------------
run --db "$DB" export households --search xyzzy
check "csv to standard output" 0
printf '%s\r\n%s\r\n' \
    'name 1,name 2,department,stairwell,flat,moved_in,phone,languages,interpreter,consent,note,id,moved_out,state' \
    '"Ana ""Bo""; Lund",Xyzzy Qwerty,607,Opgang 4,st. tv.,2019-06-01,,,no,no,"line one
line two",3,,awaiting' >"$TMP/want.csv"
cmp -s "$TMP/want.csv" "$TMP/out" && ok "csv: RFC 4180 quoting, CRLF, one column per member" ||
    fail "csv: RFC 4180 quoting, CRLF, one column per member" "$(od -c "$TMP/out" | head -20)"
[ "$(last_export)" = "households csv 1 row" ] && ok "csv: the audit row" || fail "csv: the audit row" "$(last_export)"

# ---- --excel ----------------------------------------------------------------
(umask 022; "$BIN" --db "$DB" export households --search xyzzy --excel --output "$TMP/excel.csv" >"$TMP/out" 2>"$TMP/err"); RC=$?
check "--excel to a file" 0
printf '\357\273\277%s\r\n%s\r\n' \
    'name 1;name 2;department;stairwell;flat;moved_in;phone;languages;interpreter;consent;note;id;moved_out;state' \
    '"Ana ""Bo""; Lund";Xyzzy Qwerty;607;Opgang 4;st. tv.;01-06-2019;;;no;no;"line one
line two";3;;awaiting' >"$TMP/want-excel.csv"
cmp -s "$TMP/want-excel.csv" "$TMP/excel.csv" && ok "--excel: BOM, ';', CRLF, dd-mm-yyyy" ||
    fail "--excel: BOM, ';', CRLF, dd-mm-yyyy" "$(od -c "$TMP/excel.csv" | head -20)"
[ "$(od -An -tx1 -N3 "$TMP/excel.csv" | tr -d ' ')" = efbbbf ] && ok "--excel: starts with the BOM" || fail "--excel: starts with the BOM" "$(od -An -tx1 -N3 "$TMP/excel.csv")"
[ "$(stat -c %a "$TMP/excel.csv")" = 600 ] && ok "--excel: the file is 0600 under umask 022" || fail "--excel: the file is 0600 under umask 022" "$(stat -c %a "$TMP/excel.csv")"
[ "$(last_export)" = "households excel 1 row" ] && ok "--excel: the audit row" || fail "--excel: the audit row" "$(last_export)"

# ---- never over a file --------------------------------------------------------
before=$(exports)
cp "$TMP/excel.csv" "$TMP/excel.before"
run --db "$DB" export households --output "$TMP/excel.csv"
check "a file that is there is refused" 1 "is there already; velkomst does not write over a file" stderr
cmp -s "$TMP/excel.before" "$TMP/excel.csv" && ok "and it is left as it was" || fail "and it is left as it was" "changed"
[ "$(exports)" = "$before" ] && ok "and no audit row is written" || fail "and no audit row is written" "$(exports), was $before"

# ---- xlsx ------------------------------------------------------------------
run --db "$DB" export households --search xyzzy --format xlsx -o "$TMP/h.xlsx"
check "xlsx to a file" 0
[ "$(stat -c %a "$TMP/h.xlsx")" = 600 ] && ok "xlsx: the file is 0600" || fail "xlsx: the file is 0600" "$(stat -c %a "$TMP/h.xlsx")"
unzip -p "$TMP/h.xlsx" xl/sharedStrings.xml >"$TMP/strings.xml"
unzip -p "$TMP/h.xlsx" xl/worksheets/sheet1.xml >"$TMP/sheet.xml"
unzip -p "$TMP/h.xlsx" xl/styles.xml >"$TMP/styles.xml"
unzip -p "$TMP/h.xlsx" xl/workbook.xml >"$TMP/workbook.xml"
for s in '<t>name 1</t>' '<t>name 2</t>' '<t>moved_in</t>' '<t>Ana "Bo"; Lund</t>' \
    '<t>Xyzzy Qwerty</t>' '<t>awaiting</t>'; do
	grep -qF "$s" "$TMP/strings.xml" && ok "xlsx: the string $s" || fail "xlsx: the string $s" "$(head -c 600 "$TMP/strings.xml")"
done
tr '\n' '|' <"$TMP/strings.xml" | grep -qF 'line one|line two</t>' && ok "xlsx: the note keeps its line break" || fail "xlsx: the note keeps its line break" "$(head -c 900 "$TMP/strings.xml")"
grep -qF '<sheet name="households"' "$TMP/workbook.xml" && ok "xlsx: the sheet is named households" || fail "xlsx: the sheet is named households" "$(cat "$TMP/workbook.xml")"
grep -qE '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' "$TMP/sheet.xml" && ok "xlsx: the header is frozen" || fail "xlsx: the header is frozen" "$(head -c 600 "$TMP/sheet.xml")"
# moved_in is column F: 1 June 2019 is day 43617 of Excel's calendar.
style=$(grep -oE '<c r="F2" s="[0-9]+"><v>43617</v></c>' "$TMP/sheet.xml" | sed 's/.* s="\([0-9]*\)".*/\1/')
[ -n "$style" ] && ok "xlsx: moved_in is a date serial number" || fail "xlsx: moved_in is a date serial number" "$(grep -o '<c r="F2"[^/]*/c>' "$TMP/sheet.xml")"
grep -qF 'formatCode="dd.mm.yyyy"' "$TMP/styles.xml" && ok "xlsx: with a date format" || fail "xlsx: with a date format" "$(head -c 600 "$TMP/styles.xml")"
grep -qE '<c r="L2"><v>3</v></c>' "$TMP/sheet.xml" && ok "xlsx: the id is a number" || fail "xlsx: the id is a number" "$(grep -o '<c r="L2"[^/]*/c>' "$TMP/sheet.xml")"
grep -qE '<c r="A1" s="[0-9]+" t="s">' "$TMP/sheet.xml" && grep -qF '<b/>' "$TMP/styles.xml" && ok "xlsx: a bold header" || fail "xlsx: a bold header" "no style"
grep -qE '<col min="1" max="1" width="' "$TMP/sheet.xml" && ok "xlsx: the columns have widths" || fail "xlsx: the columns have widths" "none"
[ "$(last_export)" = "households xlsx 1 row" ] && ok "xlsx: the audit row" || fail "xlsx: the audit row" "$(last_export)"

# A workbook goes through a pipe, never to a terminal.
"$BIN" --db "$DB" export goal --format xlsx >"$TMP/goal.xlsx" 2>"$TMP/err"; RC=$?
check "xlsx to standard output (not a terminal)" 0
unzip -p "$TMP/goal.xlsx" xl/sharedStrings.xml | grep -qF '<t>active_at_year_end</t>' && ok "and it is a workbook" || fail "and it is a workbook" "$(od -c "$TMP/goal.xlsx" | head -3)"

# ---- every table, and its row in the trail --------------------------------
for t in households overdue secretariat visits ambassadors goal; do
	run --db "$DB" export $t --format tsv
	check "$t as tsv" 0
	n=$(($(wc -l <"$TMP/out") - 1))
	if [ "$n" = 1 ]; then want="$t tsv 1 row"; else want="$t tsv $n rows"; fi
	[ "$(last_export)" = "$want" ] && ok "$t: the row counts what was written" || fail "$t: the row counts what was written" "\"$(last_export)\", wrote $n"
done
run --db "$DB" export overdue --format tsv
head -1 "$TMP/out" | grep -q $'\tdays_overdue\tattempts$' && ok "overdue: days and attempts after the household's columns" || fail "overdue: days and attempts after the household's columns" "$(head -1 "$TMP/out")"
[ "$(($(wc -l <"$TMP/out") - 1))" = "$(("$(wc -l < <("$BIN" --db "$DB" overdue --format tsv))" - 1))" ] && ok "overdue: the rows of the list" || fail "overdue: the rows of the list" "differ"
run --db "$DB" export households --department 605 --format tsv
n605=$(sqlite3 "$DB" "SELECT count(*) FROM household WHERE department = '605'")
[ "$(($(wc -l <"$TMP/out") - 1))" = "$n605" ] && ok "--department narrows" || fail "--department narrows" "$(wc -l <"$TMP/out") lines, $n605 households"

# ---- what is refused -----------------------------------------------------------
run --db "$DB" export households --excel --format xlsx
check "--excel with xlsx is a usage error" 2 "--excel is a kind of csv" stderr
run --db "$DB" export people
check "an unknown list is a usage error" 2 "There is no list \"people\" to export." stderr
run --db "$DB" export households --format ods
check "an unknown format is a usage error" 2 "--format is csv, xlsx or tsv" stderr
cp "$DB" "$TMP/ro.db"
sqlite3 "$TMP/ro.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
chmod 0400 "$TMP/ro.db"
run --db "$TMP/ro.db" export households -o "$TMP/ro.csv"
check "a read-only database: refused" 1 "cannot be recorded in the audit trail; nothing was exported" stderr
[ -e "$TMP/ro.csv" ] && fail "and no file is left" "$TMP/ro.csv is there" || ok "and no file is left"
