#!/usr/bin/env bash
# The success criteria at 80x24, in English and in Danish, on the demo:
# c on the secretariat's home screen opens them, one line a criterion
# with its status in words; ← shows 2018; r lists the films and stories,
# n records a story, and a wrong number of likes keeps what was typed and
# says what is wrong beside it; the story then counts; s lists the visits
# marked as possible stories.  Then an ambassador marks a visit at the
# door with F5: no yes, no mark; with the yes, the mark is saved with the
# visit and her login.  Each screen has no words of the other language,
# and its title is whole.
. "$(dirname "$0")/lib.sh"

T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

other_pieces 0 "$TMP/en"
other_pieces 1 "$TMP/da"

# pure LANG NAME TITLE: the screen TITLE is up, whole, with nothing of
# the other language.
pure() {
	local lang=$1 name=$2 title=$3 s found other=$TMP/da
	[ "$lang" = da ] && other=$TMP/en
	if ! tui_wait_title "$title"; then
		fail "$lang: $name opens ($title)" "$(tui_top)"
		return
	fi
	tui_settle
	s=$(tui_screen)
	found=$(printf '%s\n' "$s" | grep -F -w -o -f "$other" | sort -u |
	    head -5 | tr '\n' '|')
	if [ -n "$found" ]; then
		fail "$lang: $name has no words of the other language" "$found"
	elif printf '%s\n' "$s" | head -1 | grep -q '…'; then
		fail "$lang: $name's title is whole" "$(tui_top)"
	else
		ok "$lang: $name in its language, at 80x24"
	fi
}

# The secretariat's part in LANG, with the texts S[...] of that language.
secretariat() {
	local lang=$1
	rm -f "$DB" "$DB-wal" "$DB-shm"
	make_demo
	LANGUAGE=$lang tui_start
	expect_line "$lang: c on the home screen" "^ +c +${S[title]}$"
	tui_keys c
	pure "$lang" "the success criteria" "${S[title]}"
	expect_line "$lang: the year" "${S[year2019]}"
	expect_line "$lang: the ambassadors are behind" \
	    "^ ${S[amb]} +15 +7 +8 +${S[behind]} *$"
	expect_line "$lang: two stories of five, two due: on track" \
	    "^ ${S[stories]} +5 +2 +2 +${S[on_track]} *$"
	expect_line "$lang: the film is met" "^ ${S[film]} +1 +1 +0 +${S[met]} *$"
	expect_line "$lang: the press story is met" "^ ${S[press]} +1 +1 +0 +${S[met]} *$"
	expect_line "$lang: what the cursor is on, in a sentence" "${S[sentence]}"
	tui_keys Left
	expect_line "$lang: ← shows 2018" "${S[year2018]}"
	expect_line "$lang: the stories ask nothing of 2018" \
	    "^ ${S[stories]} +5 +${S[none]} *$"
	tui_keys Right
	expect_line "$lang: → back to 2019" "${S[year2019]}"

	# Record a story; a wrong number of likes first.
	tui_keys r
	pure "$lang" "the films and stories" "${S[records]}"
	expect_line "$lang: the story under 100 likes is listed" \
	    "13.03.2019 ${S[story]} +Facebook +87 "
	tui_keys n
	pure "$lang" "the record form" "${S[form]}"
	tui_keys Tab
	tui_type 28.05.2019
	tui_keys Tab
	tui_type "Nadia i 605"
	tui_keys Tab Tab
	tui_type mange
	tui_keys F2
	expect_line "$lang: a wrong number says what is wrong beside it" \
	    "^ +↳ ${S[whole]}"
	expect_line "$lang: and keeps what was typed" "^  Likes +mange "
	expect_line "$lang: nothing is saved yet" "${S[not_saved]}"
	pure "$lang" "the form with what is wrong" "${S[form]}"
	tui_keys BSpace BSpace BSpace BSpace BSpace
	tui_type 120
	tui_keys F2
	expect_line "$lang: F2 saves the story" "${S[saved]}"
	expect_line "$lang: the list has it" "28.05.2019 ${S[story]} +Facebook +120 "
	tui_keys Escape
	expect_line "$lang: now three stories of five" \
	    "^ ${S[stories]} +5 +3 +2 +${S[on_track]} *$"

	# The visits marked as possible stories.
	tui_keys s
	pure "$lang" "the possible success stories" "${S[marked]}"
	expect_line "$lang: the newest marked visit first" \
	    "^ 01.06.2019 10 +605 +Signe Nielsen"
	expect_line "$lang: then the one before" "^ 31.05.2019 144 +Daruplund +Usman Malik"
	tui_keys F5
	expect_line "$lang: F5 asks before it takes a mark away" "${S[take]}"
	tui_keys n
	expect_line "$lang: n keeps it" "${S[stays]}"
	expect_line "$lang: still there" "^ 01.06.2019 10 +605"
	tui_keys Enter
	expect_title "$lang: Enter opens the household" "${S[household]}"
	tui_keys PgDn
	expect_line "$lang: its visit shows the mark and the yes" "${S[visit_mark]}"
}

declare -A S
S=([title]="Success criteria" [year2019]="Success criteria in 2019 · ← and →"
    [year2018]="Success criteria in 2018 · ← and →"
    [amb]="Ambassadors recruited in the period" [behind]=behind
    [stories]="Success stories with 100 likes" [on_track]="on track"
    [film]="A film with 2,000 views on Facebook" [met]=met
    [press]="A story in the local paper" [none]="not this year"
    [sentence]="Ambassadors recruited in the period: 7 of 15, counted from"
    [records]="Films and stories" [story]="success story"
    [form]="Film or story"
    [whole]="Write a whole number from 0 to 1,000,000,000."
    [not_saved]="One field needs a change; nothing is saved yet."
    [saved]="Saved: the success story, no. 7."
    [marked]="Possible success stories"
    [take]="Take the mark away from the visit to household 10"
    [stays]="The mark stays." [household]="Household"
    [visit_mark]="★ possible success story \\(yes: demo, 01.06.2019\\)")
secretariat en

S=([title]="Succeskriterier" [year2019]="Succeskriterier i 2019 · ← og →"
    [year2018]="Succeskriterier i 2018 · ← og →"
    [amb]="Ambassadører rekrutteret i perioden" [behind]=bagud
    [stories]="Succeshistorier med 100 likes" [on_track]="på rette vej"
    [film]="En film med 2.000 visninger på Facebook" [met]=nået
    [press]="En historie i lokalavisen" [none]="ikke i år"
    [sentence]="Ambassadører rekrutteret i perioden: 7 af 15, talt fra"
    [records]="Film og historier" [story]="succeshistorie"
    [form]="Film eller historie"
    [whole]="Skriv et helt tal fra 0 til 1.000.000.000."
    [not_saved]="Ét felt skal rettes; intet er gemt endnu."
    [saved]="Gemt: succeshistorie nr. 7."
    [marked]="Mulige succeshistorier"
    [take]="Fjern markeringen fra besøget hos husstand 10"
    [stays]="Markeringen bliver." [household]="Husstand"
    [visit_mark]="★ mulig succeshistorie \\(ja: demo, 01.06.2019\\)")
secretariat da

# An ambassador marks a visit at the door: F5 asks; n marks nothing; y,
# with the household's yes, marks it, and it is saved with the visit.
rm -f "$DB" "$DB-wal" "$DB-shm"
make_demo
LOGIN=lene SECRET=2468 LANGUAGE=en tui_start
tui_keys c
expect "an ambassador: c says why not" \
    "Only the secretariat can see the success criteria."
tui_keys 3
expect_title "her queue" "Queue: who to visit"
expect_line "Henrik Dahl is in it" "Henrik Dahl"
tui_keys v
expect_title "v starts the visit" "Welcome visit"
tui_keys F5
expect_line "F5 asks whether they said yes" "^  A possible success story\? Ask first"
tui_keys n
expect "n: nothing is marked" "Not marked: without their yes"
expect_not "n: no mark at the top" "★ possible success story"
tui_keys F5
expect_line "F5 asks again" "^  A possible success story\? Ask first"
tui_keys y
expect_line "y: the mark at the top" "^  Household 100 · .* ★ possible success story *$"
tui_keys d d d d d n
tui_settle
tui_keys F2
expect "the visit is saved" "Saved: the household is welcomed."
n=$(sqlite3 "$DB" "SELECT count(*) FROM visit_story s JOIN visit v ON v.id = s.visit_id JOIN member m ON m.household_id = v.household_id WHERE s.consent_by = 'lene' AND s.consent_on = '2019-06-01' AND m.name = 'Henrik Dahl'")
[ "$n" = 1 ] && ok "the mark is saved with her login and the day" ||
    fail "the mark is saved with her login and the day" "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'visit marked as a possible success story' AND login = 'lene'")
[ "$n" = 1 ] && ok "the audit trail has the mark" ||
    fail "the audit trail has the mark" "$n"

# In Danish the question is Danish, and Esc goes back to the visit.
LOGIN=birgit SECRET=1234 LANGUAGE=da tui_start
tui_keys 1
tui_wait_title "Husstande" || fail "da: the households" "$(tui_top)"
tui_keys v
pure da "the visit" "Velkomstbesøg"
tui_keys F5
expect_line "da: F5 asks in Danish" "^  En mulig succeshistorie\? Spørg først"
pure da "the visit with the question" "Velkomstbesøg"
tui_keys Escape
if tui_wait_gone "Spørg først"; then
	ok "da: Esc takes the question away"
else
	fail "da: Esc takes the question away" "$(tui_screen)"
fi
expect_not "da: and marks nothing" "★"

# Monochrome: the status is in words, not only in colour.
rm -f "$DB" "$DB-wal" "$DB-shm"
make_demo
NO_COLOR=1 LANGUAGE=en tui_start
tui_keys c
expect_title "NO_COLOR: the success criteria" "Success criteria"
expect_line "NO_COLOR: behind, in words" \
    "^ Ambassadors recruited in the period +15 +7 +8 +behind *$"
