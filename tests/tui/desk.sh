#!/usr/bin/env bash
# The desk's overview, in English and in Danish at 80x24 on the demo:
# o in the secretariat's list opens it; each department's line (by its
# short name) and the total have the figures `velkomst desk` prints; no
# word of the other language, nothing cut; Enter on a department opens
# the secretariat's list of that department, with as many households as
# the desk said, and Enter on the total the list of all; o there goes
# back to the overview instead of opening one more.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" desk --format tsv >"$TMP/desk.tsv"

lang_pieces

# col DEPT N: column N of department DEPT's line of `velkomst desk`.
col() { awk -F'\t' -v d="$1" -v n="$2" '$1 == d { print $n }' "$TMP/desk.tsv"; }

# row NAME FIRST KEY: a line that starts with FIRST (after the list's
# margin) and has KEY's four figures, in order.
row() {
	local name=$1 first=$2 key=$3
	expect_line "$name" "^ *$first +$(col "$key" 2) +$(col "$key" 3) +$(col "$key" 4) +$(col "$key" 5) *\$"
}


# The desk in LANG with the words of T[...].
tour() {
	local lang=$1
	LANGUAGE=$lang tui_start
	expect_title "$lang: home" "${T[home]}"
	tui_keys 5
	expect_title "$lang: the secretariat's list" "${T[needs]}"
	expect_not "$lang: not yet the overview" "${T[awaiting]}"
	expect "$lang: the list offers o" "o ${T[key]}"
	# ... and E, beside Esc and F1, in 80 columns in either language.
	expect_line "$lang: and E, Esc and F1" \
	    "o ${T[key]} E ${T[export]} Esc ${T[back]} F1 ${T[f1]} ?\$"
	tui_keys o
	expect_title "$lang: o opens the overview" "${T[desk]}"
	expect_line "$lang: its columns" "${T[department]} +${T[awaiting]} +${T[overdue]} +${T[secretariat]} +${T[without]}"
	row "$lang: 605's figures as velkomst desk" 605 605
	row "$lang: TM 13 by its short name" "TM 13" tm13
	row "$lang: Daruplund, the last department" Daruplund daruplund
	row "$lang: the total" "${T[total]}" total
	whole "$lang" "the overview"
	tui_screen >"$OUT/tui-desk-$lang.screen"
	# Enter on the first line, 605: its list, as many as the desk said.
	tui_keys Enter
	expect_title "$lang: Enter opens the secretariat's list" "${T[needs]}"
	expect_line "$lang: of 605 only, with the desk's count" "605 · $(col 605 4) ${T[households]}"
	tui_keys Escape
	expect_title "$lang: Esc goes back to the overview" "${T[desk]}"
	tui_keys End Enter
	expect_title "$lang: Enter on the total opens the list" "${T[needs]}"
	expect_line "$lang: of all departments, with the desk's total" "${T[all]} · $(col total 4) ${T[households]}"
	# o there goes back to the overview it came from (no new one on
	# top): one Esc from it is the list the overview was opened from.
	tui_keys o
	expect_title "$lang: o goes back to the overview" "${T[desk]}"
	tui_keys Escape
	expect_title "$lang: one Esc: the list it was opened from" "${T[needs]}"
	tui_keys Escape
	expect_title "$lang: and one more is home" "${T[home]}"
	tui_keys 5 o
	expect_title "$lang: o opens the overview again" "${T[desk]}"
	tui_keys F1
	expect "$lang: the overview's help" "${T[help]}"
	whole "$lang" "the overview's help"
}

declare -A T
T=([home]=Home [needs]="Needs the secretariat" [desk]="Desk overview"
    [department]=Department [awaiting]=Awaiting [overdue]=Overdue
    [secretariat]=Secretariat [without]="No ambassador" [total]=Total
    [households]=households [all]="all departments"
    [help]="one line per department" [key]=Overview
    [export]=Export [back]=Back [f1]=Help)
tour en
T=([home]=Forside [needs]="Til sekretariatet" [desk]=Overblik
    [department]=Afdeling [awaiting]=Venter [overdue]=Forsinket
    [secretariat]=Sekretariat [without]="Ingen ambassadør" [total]="I alt"
    [households]=husstande [all]="alle afdelinger"
    [help]="en linje for hver afdeling" [key]=Overblik
    [export]=Eksport [back]=Tilbage [f1]=Hjælp)
tour da

# An ambassador's list of what needs the secretariat has no overview: o
# is not offered, and pressing it opens nothing.
LOGIN=birgit SECRET=1234 tui_start
expect_title "ambassador: home" Home
tui_keys 5
expect_title "ambassador: the secretariat's list" "Needs the secretariat"
expect_not "ambassador: o is not offered" "o Overview"
tui_keys o
tui_sync
expect_title "ambassador: o opens nothing" "Needs the secretariat"
