#!/usr/bin/env bash
# A field that is full says how many characters it takes, in every form
# (the form widget): here the household form and the ambassador form.
. "$(dirname "$0")/lib.sh"

tui_start
tui_wait "Register a move-in"
tui_keys n
tui_wait_title "Household form"
tui_keys Tab Tab Tab C-u
tui_type "10.05.2019"
expect "the date is typed" "10.05.2019"
expect_not "a field with room says nothing" "takes at most"
tui_type "7"
expect "a full date field says how many characters it takes" \
    "This field takes at most 10 characters."
expect_not "the refused character is not added" "10.05.20197"
tui_keys BSpace
if tui_wait_gone "This field takes at most"; then
	ok "the next key takes the sentence away"
else
	fail "the next key takes the sentence away" "it stays"
fi
tui_keys F2
expect "saving still checks the form" "need a change"
expect_not "the sentence is not counted as wrong" "takes at most"
tui_keys Escape Escape
tui_wait "Welcome to velkomst"

# The ambassador form: a name of at most 80 characters.
tui_keys 6
tui_wait_title Ambassadors
tui_keys n
tui_wait "Recruited on"
# 79 a and a z: the z on the screen shows that the 80th is handled.
tui_type "$(printf 'a%.0s' $(seq 1 79))z"
expect "the name is typed to its end" "aaaaaaaz"
expect_not "a name with room says nothing" "takes at most"
tui_type "b"
expect "a full name field says how many characters it takes" \
    "This field takes at most 80 characters."

# The login screen's login: at most 32 characters.
LOGIN= tui_start
tui_wait "Type your login"
tui_type "$(printf 'a%.0s' $(seq 1 31))z"
expect "the login is typed to its end" "aaaaaaaz"
expect_not "a login with room says nothing" "takes at most"
tui_type "b"
expect "a full login field says how many characters it takes" \
    "This field takes at most 32 characters."
