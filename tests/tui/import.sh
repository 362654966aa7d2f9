#!/usr/bin/env bash
# Importing a move-in list from the households list (I): the path field,
# the preview with a bad row (row, column, reason), a duplicate and the
# rows to add, scrolled; F2 and y import; the result; in English and in
# Danish at 80x24.  An ambassador is not offered the import.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
export VELKOMST_TODAY=$TODAY
lang_pieces

# A list as Danish Excel saves it: a good row, a row whose date does not
# exist, a row repeating the first, and enough good rows to scroll.
list=$TMP/flytninger.csv
{
	printf '\xef\xbb\xbfAfdeling;Opgang;Lejlighed;Indflytning;Navne\r\n'
	printf '605;Opgang 3;st. tv.;01-05-2019;Jens Importsen\r\n'
	printf '605;Opgang 3;st. th.;31-02-2019;Ingen Dato\r\n'
	printf '605;Opgang 3;st. tv.;01-05-2019;Jens Importsen\r\n'
	for i in $(seq 1 30); do
		printf '606;Opgang 4;%d. tv.;02-05-2019;Beboer Nummer%d\r\n' "$i" "$i"
	done
} >"$list"

# open_import: from home to the households list, then I.
open_import() {
	tui_keys 1
	tui_wait_title "$1"
	tui_keys I
}

# ---- English -------------------------------------------------------------
tui_start
expect_title "the home screen" Home
open_import Households
expect_title "I opens the import" "Import move-ins"
expect "the path field" "File:"
tui_keys C-u
tui_type "$TMP/nothere.csv"
tui_keys Enter
expect "a file that is not there" "The file cannot be read"
tui_keys C-u
tui_type "$list"
tui_keys Enter
expect "the preview counts the rows" "flytninger.csv: 33 rows. To add: 31; duplicates: 1; bad: 1."
expect "the bad row by row and column" 'row 3, column "Indflytning": There is no such day in that month.'
expect "a repeated row" "row 4: the same as row 2"
tui_settle
whole en "the preview"
expect_not "the last row is below the screen" "Nummer30"
tui_keys PgDn PgDn PgDn
expect "PgDn scrolls to the last row" "Beboer Nummer30"
expect_line "the bottom line offers F2" "F2 "
tui_keys F2
expect "F2 asks first" "Import 31 households? y/n"
tui_settle
whole en "the question"
tui_keys y
expect "the result" "31 households added from flytninger.csv."
n=$(sqlite3 "$DB" "SELECT count(*) FROM household WHERE created_by = 'import, flytninger.csv'")
if [ "$n" = 31 ]; then ok "31 households in the database"; else fail "31 households in the database" "$n"; fi
tui_keys Escape
tui_wait_title Households
tui_keys I
expect_title "the import again" "Import move-ins"
tui_keys C-u
tui_type "$list"
tui_keys Enter
expect "the same file again adds nothing" "To add: 0; duplicates: 32; bad: 1."
tui_keys F2
expect "nothing to add" "There is nothing to add."
tui_cleanup_one() { "${TM[@]}" kill-server >/dev/null 2>&1; }
tui_cleanup_one

# ---- Danish --------------------------------------------------------------
LANGUAGE=da tui_start
expect_title "the home screen in Danish" "Forside"
open_import Husstande
expect_title "the import in Danish" "Importér indflytninger"
expect "the path field in Danish" "Fil:"
tui_settle
whole da "the path field"
tui_keys C-u
tui_type "$list"
tui_keys Enter
expect "the preview in Danish" "flytninger.csv: 33 rækker. Tilføjes: 0; dubletter: 32; fejl: 1."
expect "the bad row in Danish" 'række 3, kolonne "Indflytning": '
tui_settle
whole da "the preview"
tui_keys F2
expect "the question in Danish" "Der er intet at tilføje."
tui_cleanup_one

# ---- an ambassador --------------------------------------------------------
LOGIN=birgit SECRET=1234 tui_start
expect "birgit is logged in" "Logged in as birgit"
open_import Households
tui_sync
expect_not "an ambassador is not offered I" "I Import"
expect_title "and I opens nothing for an ambassador" Households
