#!/usr/bin/env bash
# Export from the secretariat's lists, in English and in Danish at 80x24:
# E on the register (searched), on the overdue welcomes (as xlsx) and on
# the secretariat's list opens the export form; F2 writes a new 0600 file
# in the home folder and says where; the file holds exactly the rows the
# list shows (the command's list of the same filter); a file that is
# there is never written over; each export is one audit row.  An
# ambassador is not offered E, and pressing it exports nothing.
. "$(dirname "$0")/lib.sh"

make_demo
conf=$top/share/velkomst/velkomst.conf
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

# The pieces of the other language, one per line (as tests/tui/desk.sh).
other_pieces() {
	local reverse=$1 file=$2
	msgcat --no-wrap "$top/share/po/da.po" |
	    awk -v reverse="$reverse" -f "$top/tests/tui/english.awk" |
	    awk -v conf="$conf" 'BEGIN { while ((getline l < conf) > 0)
		t = t "\n" l }
	    index(t, $0) == 0' | sort -u >"$file"
}
other_pieces 0 "$TMP/english"
other_pieces 1 "$TMP/danish"

# whole LANG NAME: the screen has no word of the other language and
# nothing cut.
whole() {
	local lang=$1 name=$2 found s other=$TMP/danish
	[ "$lang" = da ] && other=$TMP/english
	tui_settle
	s=$(tui_screen)
	found=$(printf '%s\n' "$s" | grep -F -w -o -f "$other" | sort -u |
	    head -5 | tr '\n' '|')
	if [ -n "$found" ]; then
		fail "$lang: $name has no words of the other language" "$found"
	elif printf '%s\n' "$s" | sed 's/a…z//' | grep -q '…'; then
		fail "$lang: $name is not cut" "$(printf '%s\n' "$s" | grep '…')"
	else
		ok "$lang: $name in its language, whole at 80x24"
	fi
}

# ids FILE: the ids of a tsv list (column NAME), sorted.
ids_tsv() {
	awk -F'\t' -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i; next } { print $n }' "$1" | sort -n
}
exports() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'export'"; }
last_export() {
	sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1"
}

# tour LANG: the register searched, exported as csv for Excel.
tour() {
	local lang=$1 file=$TMP/velkomst-households-$TODAY.csv n
	rm -f "$file"
	LANGUAGE=$lang tui_start
	expect_title "$lang: home" "${T[home]}"
	tui_keys 1
	expect_title "$lang: the register" "${T[register]}"
	expect "$lang: the register offers E" "E ${T[export]}"
	tui_keys /
	tui_type nielsen
	expect_line "$lang: the search narrows the list" "Nielsen"
	tui_keys Enter
	tui_read_all
	tui_keys E
	expect_title "$lang: E opens the export form" "${T[export]}"
	expect "$lang: csv for Excel first" "${T[csv]}"
	expect "$lang: the file's name in the home folder" "~/velkomst-households-$TODAY.csv"
	whole "$lang" "the export form"
	tui_keys F2
	expect "$lang: F2 says where it went" "${T[exported]}"
	expect_title "$lang: and goes back to the list" "${T[register]}"
	audit=$(last_export)
	[ -f "$file" ] && ok "$lang: the file is there" || { fail "$lang: the file is there" "no $file"; return; }
	[ "$(stat -c %a "$file")" = 600 ] && ok "$lang: it is 0600" || fail "$lang: it is 0600" "$(stat -c %a "$file")"
	[ "$(od -An -tx1 -N3 "$file" | tr -d ' ')" = efbbbf ] && head -1 "$file" | grep -q $'name 1;.*;department;stairwell;flat;moved_in;.*\r$' &&
	    ok "$lang: csv for Excel (BOM, ';', CRLF)" || fail "$lang: csv for Excel (BOM, ';', CRLF)" "$(head -c 200 "$file" | od -c | head -4)"
	# Exactly the rows of the list: the command's list of the same search.
	VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" households --search nielsen --format tsv >"$TMP/list.tsv"
	ids_tsv "$TMP/list.tsv" id >"$TMP/want.ids"
	tr -d '\r' <"$file" | sed '1s/^\xef\xbb\xbf//' | awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "id") n = i; next } { print $n }' | sort -n >"$TMP/got.ids"
	n=$(wc -l <"$TMP/want.ids")
	[ "$n" -gt 1 ] && cmp -s "$TMP/want.ids" "$TMP/got.ids" && ok "$lang: the file holds the $n households the list shows" ||
	    fail "$lang: the file holds the households the list shows" "want $(tr '\n' ' ' <"$TMP/want.ids"), got $(tr '\n' ' ' <"$TMP/got.ids")"
	[ "$audit" = "households excel $n rows" ] && ok "$lang: the audit row" || fail "$lang: the audit row" "$audit"
	# Again: the file is there; never written over.
	before=$(exports)
	cp "$file" "$TMP/before.csv"
	tui_keys E
	expect_title "$lang: E again" "${T[export]}"
	tui_keys F2
	expect "$lang: a file that is there is refused" "${T[there]}"
	whole "$lang" "the refusal"
	cmp -s "$file" "$TMP/before.csv" && ok "$lang: and left as it was" || fail "$lang: and left as it was" "changed"
	[ "$(exports)" = "$before" ] && ok "$lang: no audit row for it" || fail "$lang: no audit row for it" "$(exports)"
	tui_keys Escape
	tui_keys Escape
	expect_title "$lang: Esc leaves it" "${T[register]}"
	rm -f "$file"
}

declare -A T
T=([home]=Home [register]=Households [export]=Export
    [csv]="csv for Excel" [exported]="Exported" [there]="There is a file of that name already")
tour en
T=([home]=Forside [register]=Husstande [export]=Eksport
    [csv]="csv til Excel" [exported]="Eksporteret" [there]="Der er allerede en fil med det navn")
tour da

# The overdue welcomes as a workbook, in Danish.
LANGUAGE=da tui_start
expect_title "da: home" Forside
tui_keys 4
expect_title "da: overdue" "Forsinkede velkomster"
expect "da: overdue offers E" "E Eksport"
tui_keys E
expect_title "da: the export form" Eksport
tui_keys Enter
expect "da: the formats" "Hvilket format?"
whole da "the formats"
tui_keys Down Enter
expect "da: the workbook is chosen" "Excel-projektmappe (xlsx)"
expect "da: and the file ends in .xlsx" "~/velkomst-overdue-$TODAY.xlsx"
tui_keys F2
expect "da: written" Eksporteret
audit=$(last_export)
xlsx=$TMP/velkomst-overdue-$TODAY.xlsx
VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" overdue --format tsv >"$TMP/overdue.tsv"
want=$(($(wc -l <"$TMP/overdue.tsv") - 1))
got=$(unzip -p "$xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
[ "$want" -gt 0 ] && [ "$got" = $((want + 1)) ] && ok "da: the workbook has the $want overdue households and a header" || fail "da: the workbook has the overdue households" "$got rows, want $want + 1"
[ "$(stat -c %a "$xlsx")" = 600 ] && ok "da: the workbook is 0600" || fail "da: the workbook is 0600" "$(stat -c %a "$xlsx")"
[ "$audit" = "overdue xlsx $want rows" ] && ok "da: its audit row" || fail "da: its audit row" "$audit"

# The secretariat's list, in English: its export form counts its rows.
tui_start
tui_keys 5
expect_title "en: the secretariat's list" "Needs the secretariat"
expect "en: it offers E" "E Export"
tui_keys E
expect_title "en: its export form" Export
n=$(($(VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" export secretariat --format tsv | wc -l) - 1))
expect "en: the form counts the list's rows" "The list as it is shown now: $n rows."
tui_keys Escape
expect_title "en: Esc goes back" "Needs the secretariat"

# An ambassador: no E, and E exports nothing.
before=$(exports)
LOGIN=birgit SECRET=1234 tui_start
expect_title "ambassador: home" Home
tui_keys 1
expect_title "ambassador: the register" Households
expect_not "ambassador: E is not offered" "E Export"
tui_keys E
tui_sync
expect_title "ambassador: E opens nothing" Households
tui_keys Escape 4
expect_title "ambassador: overdue" "Overdue welcomes"
expect_not "ambassador: not there either" "E Export"
[ "$(exports)" = "$before" ] && ok "ambassador: nothing was exported" || fail "ambassador: nothing was exported" "$(exports)"

# A large register: the form's count comes from the register's tally at
# once (not from going through every row, which only F2 does), and the
# file holds every row.
big=$TMP/big.db
VELKOMST_TODAY=$TODAY "$BIN" --db "$big" demo --households 1500 >/dev/null
DB=$big tui_start
tui_keys 1
expect_title "big: the register" Households
tui_keys E
expect_title "big: its export form" Export
expect "big: the form counts the register" "The list as it is shown now: 1,500 rows."
tui_keys F2
expect "big: written" "Exported 1500 rows to"

# While it writes (seconds on a large register: 13.6 s for a third of
# a million rows), the message line says so until the result replaces it;
# seen here while another program holds the write lock, so that the
# export's audit row waits for it.
rm -f "$TMP/velkomst-households-$TODAY.csv"
tui_keys E
expect_title "big: the form again" Export
lock_hold "$big"
tui_keys F2
expect "big: while it works, the message line says so" "Writing the export…"
lock_release
expect "big: then the result" "Exported 1500 rows to"
expect_not "big: and the message is gone" "Writing the export"
