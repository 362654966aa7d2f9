#!/usr/bin/env bash
# Consent per purpose on the screens, in English and in Danish at 80x24:
# the household shows its consent purpose by purpose before the phone,
# languages and notes; c opens the consent screen; g gives a consent
# (Space: how; Enter saves); w asks first, naming exactly what will be
# removed, n changes nothing, y removes it and says what was removed;
# the follow-up form says whether follow-up consent is given.
. "$(dirname "$0")/lib.sh"

T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
lang_pieces

q() { sqlite3 "$DB" "$1"; }

# run LANG: the whole course in one language on a fresh demo; the texts
# are the array S of that language.
run() {
	local lang=$1 c p
	rm -f "$DB" "$DB-wal" "$DB-shm"
	make_demo
	LANGUAGE=$lang tui_start
	tui_keys 1
	tui_wait_title "${S[households]}" ||
	    fail "$lang: the households open" "$(tui_top)"
	tui_keys /
	tui_type "østen niel"
	tui_wait_line "Østen Nielsen" || true
	tui_keys Enter Enter
	tui_wait_title "${S[household]}" ||
	    fail "$lang: household 10 opens" "$(tui_top)"
	expect_line "$lang: the household shows the consent to the visit" \
	    "^  +${S[visit_title]} +${S[visit_given]}"
	expect_line "$lang: ... and, on one line, what is not given" \
	    "^  ${S[title]} +${S[not_given]}: ${S[fu_title]}\$"
	c=$(tui_screen | grep -n "${S[story_title]}" | head -1 | cut -d: -f1)
	p=$(tui_screen | grep -n "^  ${S[phone]} " | head -1 | cut -d: -f1)
	if [ -n "$c" ] && [ -n "$p" ] && [ "$c" -lt "$p" ]; then
		ok "$lang: the consent comes before the phone"
	else
		fail "$lang: the consent comes before the phone" "$(tui_screen)"
	fi
	whole "$lang" "the household with its consent"
	# The secretariat's household has more keys than 80 columns hold:
	# those that do not fit (D) are left to help, never Esc and F1.
	expect_line "$lang: the bottom line keeps Esc and F1" \
	    "^v .* ${S[copy]} Esc ${S[back]} F1 ${S[help]} *\$"

	expect_not "$lang: no consent screen yet" "${S[head]}"
	tui_keys c
	tui_wait_title "${S[title]}" && tui_wait_line "${S[head]}" &&
	    ok "$lang: c opens the consent screen" ||
	    fail "$lang: c opens the consent screen" "$(tui_screen)"
	whole "$lang" "the consent screen"

	tui_keys Down Down
	expect_not "$lang: not giving yet" "${S[give_fu]}"
	tui_keys g
	expect "$lang: g asks how and when" "${S[give_fu]}"
	expect_line "$lang: at the door, today" "${S[how]} +${S[door]}"
	tui_keys Space
	expect_line "$lang: Space: on paper" "${S[how]} +${S[paper]}"
	whole "$lang" "the give line"
	tui_keys Enter
	expect "$lang: Enter saves the consent" "${S[saved]}"
	expect_line "$lang: the follow-up consent is shown" \
	    "${S[fu_title]} +${S[fu_given]}"
	[ "$(q "SELECT how || given_by FROM consent WHERE household_id = 10 AND purpose = 'followup' AND withdrawn_on IS NULL")" = papersekretariat ] &&
	    ok "$lang: the row: on paper, by the login" ||
	    fail "$lang: the row: on paper, by the login" "$(q "SELECT * FROM consent WHERE household_id = 10")"

	tui_keys Up Up
	expect_not "$lang: no question yet" "${S[ask_visit]}"
	tui_keys w
	expect "$lang: w asks, naming what goes" "${S[ask_visit]}"
	whole "$lang" "the question before a withdrawal"
	tui_keys n
	expect "$lang: n changes nothing" "${S[unchanged]}"
	[ "$(q "SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = 10 AND i.note IS NOT NULL")" = 2 ] &&
	    ok "$lang: the notes are still there" ||
	    fail "$lang: the notes are still there" "notes gone"
	tui_keys w
	tui_wait_line "${S[ask_visit]}" || true
	tui_keys y
	expect "$lang: y withdraws and says what was removed" "${S[removed]}"
	expect_line "$lang: the purpose shows its withdrawal" \
	    "${S[visit_title]} +${S[visit_gone]}"
	[ "$(q "SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = 10 AND coalesce(i.note, '') NOT IN ('', '-')")" = 0 ] &&
	    ok "$lang: the checklist's notes are gone" ||
	    fail "$lang: the checklist's notes are gone" "notes left"

	tui_keys Escape
	tui_wait_title "${S[household]}" ||
	    fail "$lang: back on the household" "$(tui_top)"
	expect_line "$lang: the household shows the withdrawal" \
	    "^  +${S[visit_title]} +${S[visit_gone]}"
	tui_keys f
	tui_wait_title "${S[fu_form]}" ||
	    fail "$lang: f opens the follow-up form" "$(tui_top)"
	expect "$lang: the follow-up form says consent is given" "${S[fu_ok]}"
	whole "$lang" "the follow-up form with its consent"
	"${TM[@]}" kill-server >/dev/null 2>&1
}

declare -A S
S=([households]=Households [household]=Household [title]=Consent
    [copy]="E Copy" [back]=Back [help]=Help
    [head]="Household 10 · consent per purpose"
    [visit_title]="Welcome visit" [fu_title]="Follow-up"
    [story_title]="Success story" [phone]=Phone [not_given]="not given"
    [visit_given]="given on 01.06.2019 by demo, at the door"
    [give_fu]="Give consent to follow-up by the secretariat:"
    [how]=How [door]="at the door" [paper]="on paper"
    [saved]="Saved: consent to follow-up by the secretariat, on paper, on 01.06.2019."
    [fu_given]="given on 01.06.2019 by sekretariat, on paper"
    [ask_visit]="This removes at once: 2 notes on"
    [unchanged]="Nothing was changed."
    [removed]="Withdrawn: consent to the welcome visit. Removed: 2 notes on the checklist."
    [visit_gone]="withdrawn on 01.06.2019 by sekretariat"
    [fu_form]=Follow-up
    [fu_ok]="Consent to follow-up: given; a note may be kept.")
run en
S=([households]=Husstande [household]=Husstand [title]=Samtykke
    [copy]="E Kopi" [back]=Tilbage [help]=Hjælp
    [head]="Husstand 10 · samtykke til hvert formål"
    [visit_title]="Velkomstbesøg" [fu_title]="Opfølgning"
    [story_title]="Succeshistorie" [phone]=Telefon [not_given]="ikke givet"
    [visit_given]="givet den 01.06.2019 af demo, ved døren"
    [give_fu]="Giv samtykke til opfølgning fra sekretariatet:"
    [how]=Hvordan [door]="ved døren" [paper]="på papir"
    [saved]="Gemt: samtykke til opfølgning fra sekretariatet, på papir, den 01.06.2019."
    [fu_given]="givet den 01.06.2019 af sekretariat, på papir"
    [ask_visit]="Det fjerner med det samme: 2"
    [unchanged]="Intet blev ændret."
    [removed]="Trukket tilbage: samtykke til velkomstbesøget. Fjernet: 2 noter på tjeklisten."
    [visit_gone]="trukket tilbage den 01.06.2019 af sekretariat"
    [fu_form]="Opfølgning"
    [fu_ok]="Samtykke til opfølgning: givet; en note må gemmes.")
run da
