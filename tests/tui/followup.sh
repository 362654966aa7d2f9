#!/usr/bin/env bash
# The secretariat's desk and a follow-up with a trace, in English and in
# Danish at 80x24: the desk narrowed to one reason (w) shows why with the
# ambassador's note; f on a household opens the follow-up form; what was
# done is picked, a note written, F2 saves; the household shows the
# follow-up among its visits, with who, and has left the desk.
. "$(dirname "$0")/lib.sh"

T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

# run LANG: the whole course in one language, on a fresh demo; the texts
# are the array S of that language.
run() {
	local lang=$1
	rm -f "$DB" "$DB-wal" "$DB-shm"
	make_demo
	LANGUAGE=$lang tui_start
	tui_keys 5
	tui_wait_title "${S[desk]}" || fail "$lang: the desk opens" "$(tui_top)"
	tui_wait_line "${S[all]}" ||
	    fail "$lang: the desk counts every reason" "$(tui_screen)"
	tui_keys w
	tui_wait_line "${S[which]}" ||
	    fail "$lang: w asks which reason" "$(tui_screen)"
	tui_keys Down Down Enter
	if tui_wait_line "${S[passed]}"; then
		ok "$lang: the desk shows one reason"
	else
		fail "$lang: the desk shows one reason" "$(tui_screen)"
	fi
	tui_keys /
	tui_type pham
	tui_wait_line "${S[why]}" &&
	    ok "$lang: the desk says why, with the ambassador's note" ||
	    fail "$lang: the desk says why, with the ambassador's note" \
	    "$(tui_screen)"
	tui_keys Enter Enter
	tui_wait_title "${S[household]}" ||
	    fail "$lang: the household opens" "$(tui_top)"
	expect_not "$lang: no follow-up yet" "${S[fu_line]}"
	tui_keys f
	if tui_wait_title "${S[form]}"; then
		ok "$lang: f opens the follow-up form"
	else
		fail "$lang: f opens the follow-up form" "$(tui_top)"
	fi
	tui_keys Enter
	tui_wait_line "${S[what]}" ||
	    fail "$lang: Enter lists what can be done" "$(tui_screen)"
	tui_keys Down Enter Tab
	tui_type "Rang her; she will call the estate office."
	tui_keys F2
	if tui_wait_line "${S[saved]}"; then
		ok "$lang: F2 saves the follow-up"
	else
		fail "$lang: F2 saves the follow-up" "$(tui_screen)"
	fi
	tui_wait_title "${S[household]}" ||
	    fail "$lang: back on the household" "$(tui_top)"
	# The consent per purpose comes first: the visits are a page down.
	tui_keys PgDn
	if tui_wait_line "${S[fu_line]}" &&
	    tui_wait_line "Rang her; she will call the estate office."; then
		ok "$lang: the household shows the follow-up, who and the note"
	else
		fail "$lang: the household shows the follow-up, who and the note" \
		    "$(tui_screen)"
	fi
	tui_keys Escape Escape
	if tui_wait_line "${S[passed_after]}"; then
		ok "$lang: one household fewer for that reason"
	else
		fail "$lang: one household fewer for that reason" "$(tui_screen)"
	fi
	tui_keys Escape Escape
	if tui_wait_line "${S[count]}"; then
		ok "$lang: the household has left the desk"
	else
		fail "$lang: the household has left the desk" "$(tui_screen)"
	fi
	tui_cleanup_one
}

# Stop this language's velkomst (the next run starts another).
tui_cleanup_one() {
	"${TM[@]}" kill-server >/dev/null 2>&1
}

declare -A S
S=([desk]="Needs the secretariat" [all]="all departments · 76 households"
    [which]="Which reason\?" [passed]="passed on · 16 households"
    [why]="referral: Spørger" [household]=Household [form]=Follow-up
    [what]="What was done\?" [saved]="Saved: the follow-up; the household"
    [fu_line]="follow-up: phone call · sekretariat"
    [passed_after]="passed on · 15 households"
    [count]="75 households need the secretariat")
run en
S=([desk]="Til sekretariatet" [all]="alle afdelinger · 76 husstande"
    [which]="Hvilken grund\?" [passed]="givet videre · 16 husstande"
    [why]="henvisning: Spørger" [household]=Husstand [form]=Opfølgning
    [what]="Hvad blev gjort\?" [saved]="Gemt: opfølgningen; husstanden"
    [fu_line]="opfølgning: telefonopkald · sekretariat"
    [passed_after]="givet videre · 15 husstande"
    [count]="75 husstande har brug for sekretariatet")
run da
