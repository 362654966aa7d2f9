#!/usr/bin/env bash
# The visit screen at 80x24 with a checklist of 12 items: it scrolls like
# every form, so every item can be set and the day to come back and the
# notes can be reached and seen; the whole text of the item in focus
# shows, a longer one with PgDn; a full field says how many characters it
# takes; "not home" says the day to try again; counts are plural-aware.
. "$(dirname "$0")/lib.sh"

CONF=$TMP/twelve.conf
long="START-OF-LONG Show where the laundry is and how the machines work."
long+=" Show how to book a time on the booking panel in the laundry or"
long+=" online, and where the estate office is when a key card is lost."
long+=" Mention the rules: come on time, empty the machines, clean the"
long+=" filters, and leave the room as you would like to find it."
long+=" Tell them that the laundry is closed on Sunday mornings."
long+=" END-OF-LONG"
huge="START-OF-HUGE"
for i in $(seq 1 14); do
	huge+=" Sentence $i of a text that is longer than the room under the form."
done
huge+=" END-OF-HUGE"
{
	echo 'checklist = ('
	for i in 01 02 03 04 05; do
		echo "	{ key = \"i$i\"; title = \"Item $i\"; text = \"About item $i.\"; },"
	done
	echo "	{ key = \"i06\"; title = \"Long item\"; text = \"$long\"; },"
	echo "	{ key = \"i07\"; title = \"Huge item\"; text = \"$huge\"; },"
	for i in 08 09 10 11; do
		echo "	{ key = \"i$i\"; title = \"Item $i\"; text = \"About item $i.\"; },"
	done
	echo '	{ key = "i12"; title = "Item 12"; text = "About item 12."; }'
	echo ');'
} >"$CONF"

# Register one household through the form, and go back home.
register() {	# NAME FLAT
	tui_keys n
	tui_wait_title "Household form"
	tui_type "605"
	tui_keys Tab
	tui_type "Opgang 1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Tab C-u
	tui_type "10.05.2019"
	tui_keys Tab
	tui_type "$1"
	tui_keys F2
	tui_wait "is in the register"
	tui_wait_title Household	# saving opens the household
	tui_keys Escape
	tui_wait_title Home
}

# Open the visit of the household whose name starts with $1.
open_visit() {
	tui_keys 1
	tui_wait_title Households
	tui_keys /
	tui_type "$1"
	tui_keys Enter v
	tui_wait_title "Welcome visit"
}

tui_start --config "$CONF"
tui_wait "Register a move-in"
register "Amal Warsame" "st. tv."
register "Bent Holm" "1. th."

open_visit amal
expect "the visit shows the twelfth item at 80x24" "Item 12"
expect_not "the notes are below the screen at first" "Notes"
tui_type "Birgit Holm"
tui_keys Tab Tab
expect "the first item's text shows" "About item 01."
for i in 1 2 3 4 5; do
	tui_keys d
done
expect "the long item's text begins under the form" "START-OF-LONG"
expect "the long item's whole text shows, to its last word" "END-OF-LONG"
tui_keys d
expect "a text longer than its room says PgDn shows more" "PgDn: more"
expect "the huge item's text begins" "START-OF-HUGE"
expect_not "the end of the huge text waits for PgDn" "END-OF-HUGE"
tui_keys PageDown
expect "PgDn shows the end of the huge text" "END-OF-HUGE"
expect_not "PgDn scrolled the start away" "START-OF-HUGE"
tui_keys PageUp
expect "PgUp goes back to its start" "START-OF-HUGE"
tui_keys l
expect "a later item asks for a day to come back" "Come back on"
expect_not "the form has scrolled: the date is above" "Date of visit"
tui_keys d d d n d
expect_cursor "after the twelfth item the day to come back has the cursor" \
    "^  Come back on +04\.06\.2019"
tui_keys Tab
expect_cursor "the notes can be reached" "^  Notes"
tui_type "Seen at the bottom of a long visit"
expect "the notes are seen while they are written" "Seen at the bottom"
tui_keys F2
expect "saving works and names the day to come back" \
    "come back on 04.06.2019"
want='i01=done; i02=done; i03=done; i04=done; i05=done; i06=done; i07=later; i08=done; i09=done; i10=done; i11=not_relevant; i12=done'
if "$BIN" --db "$DB" --config "$CONF" visits --format tsv | grep -q -F -- "$want"; then
	ok "every one of the 12 items was set and saved"
else
	fail "every one of the 12 items was set and saved" \
	    "$("$BIN" --db "$DB" --config "$CONF" visits --format tsv | tail -1)"
fi
if "$BIN" --db "$DB" --config "$CONF" visits |
    grep -q -F "Seen at the bottom of a long visit"; then
	ok "the notes were saved"
else
	fail "the notes were saved" "no notes in the visit"
fi
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"

# Not home: the day to try again is reached, and named when saved.
open_visit bent
expect "the cursor is on the first item" "About item 01."
expect_line "the name is remembered" "^  Ambassador +Birgit Holm"
tui_keys BTab
expect_cursor "Shift-Tab goes to the date field" "^  Date of visit"
expect_not "the date field has no item text under the form" "About item 01."
tui_keys End
tui_type "9"
expect "a full field says how many characters it takes" \
    "This field takes at most 10 characters."
expect_not "the refused character is not added" "01.06.20199"
tui_keys Left
if tui_wait_gone "This field takes at most"; then
	ok "the next key takes the sentence away"
else
	fail "the next key takes the sentence away" "it stays"
fi
tui_keys F3
expect "not home asks for a day to try again" "Try again on"
expect_line "the day to try again is proposed" "^  Try again on +04\.06\.2019"
tui_keys F2
expect "not home says the day to try again" "try again on 04.06.2019."
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "bent"
tui_keys Enter Enter
expect "one try is counted without a plural" "nobody home 1 time"
expect_not "no \"1 times\"" "1 times"
