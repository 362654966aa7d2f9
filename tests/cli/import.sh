#!/usr/bin/env bash
# velkomst import moveins: lists as Danish Excel and LibreOffice save
# them (built byte by byte: BOM, CRLF, ';' and ',' and tab, Windows-1252
# æøå, quoted line breaks, a trailing empty line, a very long field,
# Danish and English headers), bad rows listed by row and column with
# nothing imported, --skip-bad, duplicates, the same file twice, a dry
# run that leaves the database's bytes as they were, one audit row.
. "$(dirname "$0")/lib.sh"

F=$TMP/files
mkdir -p "$F"
# count SQL: one number from the stock sqlite3 tool.
count() {
	sqlite3 "$DB" "$1"
}
# is NAME GOT WANT: one value compared.
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got \"$2\", want \"$3\""; fi
}

printf 'first-password\nfirst-password\n' | "$BIN" --db "$DB" init \
    --login admin --password-stdin >/dev/null 2>&1
is "an empty database to import into" "$(count 'SELECT count(*) FROM household')" 0

# ---- Danish Excel: BOM, ';', CRLF, a note with a line break and a ';',
# two name columns, a trailing empty line and an empty trailing column.
printf '\xef\xbb\xbfAfdeling;Opgang;Lejlighed;Indflytningsdato;Navn 1;Navn 2;Telefon;Sprog;Tolk;Samtykke;Bem\xc3\xa6rkning;\r\n' >"$F/excel.csv"
printf '605;Opgang 1;st. tv.;01-05-2019;Ali Hassan;Fatima Hassan;12 34 56 78;arabisk, somali;ja;ja;"Ringer f\xc3\xb8rst;\r\nefter kl. 16";\r\n' >>"$F/excel.csv"
printf 'BB-afd. 606;opgang 2;1. th.;02.05.2019;S\xc3\xb8ren \xc3\x86bel\xc3\xb8;;;;nej;nej;;\r\n' >>"$F/excel.csv"
printf '607;Opgang 3;2. 12;3/5/2019;"Anna ""Anni"" Berg";;;;;;;\r\n' >>"$F/excel.csv"
printf ';;;;;;;;;;;\r\n\r\n' >>"$F/excel.csv"
run --db "$DB" import moveins "$F/excel.csv"
check "Danish Excel's CSV imports" 0 "3 added, 0 already registered, 0 refused"
is "three households added" "$(count 'SELECT count(*) FROM household')" 3
is "the line break and ';' of a quoted note kept" \
    "$(count "SELECT notes FROM household WHERE flat = 'st. tv.'")" "Ringer først; efter kl. 16"
is "two name columns are two members" \
    "$(count "SELECT group_concat(name, '|') FROM member JOIN household h ON h.id = household_id WHERE flat = 'st. tv.'")" \
    "Ali Hassan|Fatima Hassan"
is "languages as codes" "$(count "SELECT languages FROM household WHERE flat = 'st. tv.'")" "ar,so"
is "a department by its name, a stairwell in any case" \
    "$(count "SELECT department || '/' || stairwell FROM household WHERE flat = '1. th.'")" "606/Opgang 2"
is "dates 01-05-2019, 02.05.2019, 3/5/2019" \
    "$(count "SELECT group_concat(moved_in, ' ') FROM (SELECT moved_in FROM household ORDER BY moved_in)")" \
    "2019-05-01 2019-05-02 2019-05-03"
is "quotes doubled inside a quoted field" \
    "$(count "SELECT name FROM member WHERE name LIKE 'Anna%'")" 'Anna "Anni" Berg'
is "who registered them: import, excel.csv" \
    "$(count "SELECT DISTINCT created_by FROM household")" "import, excel.csv"
is "the search keys made as for a household typed in" \
    "$(count "SELECT search_key FROM member WHERE name LIKE 'S%ren%'")" "soeren aebeloe"
is "one audit row with the counts, not the content" \
    "$(count "SELECT kind || ': ' || detail FROM audit WHERE kind = 'move-ins imported'")" \
    "move-ins imported: excel.csv: 3 added, 0 duplicates, 0 refused"
is "no audit row names a member" "$(count "SELECT count(*) FROM audit WHERE detail LIKE '%Hassan%'")" 0

# ---- the same file twice adds nothing.
run --db "$DB" import moveins "$F/excel.csv"
check "the same file twice" 0 "0 added, 3 already registered, 0 refused"
check "a duplicate names the household" 0 "row 2: already registered (household 1)"
is "still three households" "$(count 'SELECT count(*) FROM household')" 3

# ---- LibreOffice, English header in another order, ',' and LF, names in
# one field one a line, an export's extra columns, a Windows-1252 file.
printf 'Names,moved_in,FLAT,department,Stairwell,id,moved_out,state,Consent,Phone\n' >"$F/lo.csv"
printf '"Maria Jensen\nPeter Jensen",2019-05-10,3. tv.,608,Opgang 4,17,,awaiting,yes,+45 11 22 33 44\n' >>"$F/lo.csv"
printf 'Kim Larsen,2019-05-11,3. th.,608,Opgang 4,18,,awaiting,no,11223344\n\n\n' >>"$F/lo.csv"
run --db "$DB" import moveins "$F/lo.csv"
check "LibreOffice's CSV with an English header" 0 "2 added"
is "names one a line are members" \
    "$(count "SELECT group_concat(name, '|') FROM member JOIN household h ON h.id = household_id WHERE flat = '3. tv.'")" \
    "Maria Jensen|Peter Jensen"
is "without consent no phone is kept" "$(count "SELECT ifnull(phone, 'none') FROM household WHERE flat = '3. th.'")" none
is "with consent the phone is kept" "$(count "SELECT phone FROM household WHERE flat = '3. tv.'")" "+45 11 22 33 44"

printf 'afdeling\topgang\tlejlighed\tindflytning\tnavne\n605\tOpgang 5\t4. tv.\t2019-05-12\tS\xf8ren \xc6bel\xf8; \xc5se Holm\r\n' >"$F/cp1252.txt"
run --db "$DB" import moveins "$F/cp1252.txt" --dry-run
check "tab found, Windows-1252 read (dry run)" 0 "1 would be added"
run --db "$DB" import moveins "$F/cp1252.txt" --encoding utf-8
check "--encoding utf-8 refuses Windows-1252 bytes" 1 "not UTF-8" stderr
run --db "$DB" import moveins "$F/cp1252.txt" --delimiter tab --encoding cp1252
check "Windows-1252 imports" 0 "1 added"
is "æøå from Windows-1252 stored as UTF-8" \
    "$(count "SELECT group_concat(name, '|') FROM member JOIN household h ON h.id = household_id WHERE flat = '4. tv.'")" \
    "Søren Æbelø|Åse Holm"

# ---- bad rows: listed by row and column; nothing imported.
long=$(head -c 1200 /dev/zero | tr '\0' 'x')
printf 'department;stairwell;flat;moved_in;names;note;colour\n' >"$F/bad.csv"
printf '605;Opgang 6;1. tv.;01-05-2019;Good Row;;red\n' >>"$F/bad.csv"
printf '999;Opgang 6;1. th.;01-05-2019;No Department;;\n' >>"$F/bad.csv"
printf '605;Opgang 6;2. tv.;31-02-2019;No Such Day;;\n' >>"$F/bad.csv"
printf '605;Opgang 6;2. th.;01-05-2019;;;\n' >>"$F/bad.csv"
printf '605;Opgang 6;3. tv.;01-05-2019;Cpr Person;010190-1234;\n' >>"$F/bad.csv"
printf '605;Opgang 6;3. th.;01-05-2019;Long Note;%s;\n' "$long" >>"$F/bad.csv"
printf '605;Opgang 99;4. th.;01-05-2019;No Stairwell;;\n' >>"$F/bad.csv"
before=$(count 'SELECT count(*) FROM household')
sum=$(sha256sum <"$DB")
run --db "$DB" import moveins "$F/bad.csv" --dry-run
check "a dry run lists the bad rows" 1 'row 3, column "department": There is no such department' stdout
is "--dry-run leaves the database's bytes as they were" "$(sha256sum <"$DB")" "$sum"
run --db "$DB" import moveins "$F/bad.csv"
check "bad rows: nothing imported" 1 "Nothing was imported" stderr
check "an unknown column is named" 1 'column "colour" is not known: ignored'
check "a day that does not exist" 1 'row 4, column "moved_in": There is no such day in that month.'
check "a row without a name" 1 'row 5, column "names": The household has no name'
check "a CPR number refused" 1 'row 6, column "note": This looks like a CPR number'
check "a field too long" 1 'row 7, column "note":'
check "an unknown stairwell" 1 'row 8, column "stairwell": There is no such stairwell'
is "nothing imported from a list with bad rows" "$(count 'SELECT count(*) FROM household')" "$before"
run --db "$DB" import moveins "$F/bad.csv" --skip-bad
check "--skip-bad imports the good rows" 0 "1 added, 0 already registered, 6 refused"
is "one household more" "$(count 'SELECT count(*) FROM household')" "$((before + 1))"

# ---- duplicates inside one file; a date a year ahead; an unclosed quote.
printf 'afdeling;opgang;lejlighed;indflytning;navne\n605;Opgang 7;1. tv.;01-05-2019;A\n605;Opgang 7;1. TV.;01-05-2019;B\n605;Opgang 7;2. tv.;01-05-2019;"C\n' >"$F/dup.csv"
run --db "$DB" import moveins "$F/dup.csv" --dry-run
check "a row repeated in the file" 1 "row 3: the same household as row 2, not added twice"
check "an unclosed quote" 1 "row 4: A quoted field is not closed"

# ---- files that are no move-in list.
printf 'foo;bar\n1;2\n' >"$F/nohead.csv"
run --db "$DB" import moveins "$F/nohead.csv"
check "a header without the needed columns" 1 "must name at least the columns" stderr
: >"$F/empty.csv"
run --db "$DB" import moveins "$F/empty.csv"
check "an empty file" 1 "no header row" stderr
run --db "$DB" import moveins "$F/missing.csv"
check "a file that is not there" 1 "cannot read the file" stderr
run --db "$DB" import moveins "$F"
check "a folder" 1 "not a file" stderr
run --db "$DB" import visits "$F/excel.csv"
check "only move-ins can be imported" 2 "moveins" stderr
run --db "$DB" import moveins "$F/excel.csv" --encoding ebcdic
check "an unknown encoding" 2 "utf-8 or cp1252" stderr
run --db "$DB" import moveins "$F/excel.csv" --delimiter '|'
check "an unknown delimiter" 2 "tab" stderr
run --db "$DB" import --help
check "import --help names its options" 0 "--skip-bad"
