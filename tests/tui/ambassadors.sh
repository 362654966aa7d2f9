#!/usr/bin/env bash
# Recruit an ambassador through the keys and see the goal bar move; a
# household speaking their language shows them; stop them and see the
# coverage change.
. "$(dirname "$0")/lib.sh"

tui_start
tui_wait "Register a move-in"
tui_keys 7
expect "the goal screen shows the goal" "Goal: 15 ambassadors recruited in 01.03.2017"
expect "nobody recruited yet" "0 recruited so far"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 6
expect "the register is empty" "No ambassadors here yet"
tui_keys n
expect_title "n opens the form" "Ambassador form"
tui_type "Samira Haddad"
tui_keys Tab
tui_type "605"
tui_keys Tab Enter
expect "Enter on stairwells offers the department's" "Add a stairwell"
tui_keys Down Enter
tui_wait_gone "Add a stairwell"
expect_line "the picked stairwell is in the field" "^  Stairwells +Opgang 1"
tui_keys Tab
tui_keys Enter
tui_wait "Pick the languages spoken"
tui_keys C-u
tui_type "arabic"
tui_wait "Arabic ("
tui_keys Enter
tui_wait "Chosen: Arabic"
tui_keys C-u
tui_type "danish"
tui_wait "Danish ("
tui_keys Enter
tui_wait "Chosen: Arabic, Danish"
tui_keys Escape
tui_wait_title "Ambassador form"
tui_keys Tab C-u
tui_type "31.12.2019"
tui_keys F2
expect "a recruitment in the future is refused" "cannot be in the future"
tui_keys C-u
tui_type "01.09.2017"
tui_keys F2
expect "the ambassador is saved" "is ambassador 1"
expect_line "the list shows her" \
    "^ Samira Haddad +605 +Opgang 1 +Arabic, Danish +01\.09\.2017 +active"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 7
expect "the goal counts her" "1 recruited so far"
expect "the bar moved" "1/15"
expect "she is active" "1 is active today"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 8
# The coverage screen's title fits at 80 columns beside who and the
# date, whole (no "…").
tui_wait_title "Coverage"
if tui_screen | head -1 | grep -q "^ velkomst · Coverage  \+sekretariat  today is fixed at 01.06.2019$"; then
	ok "the title fits beside who and the date"
else
	fail "the title fits beside who and the date" "$(tui_screen | head -1)"
fi
expect "coverage: her stairwell has an ambassador" "1 ambassador"
expect "coverage: others stand out" "! no ambassador"
tui_keys Escape
tui_wait "Welcome to velkomst"

# A household that speaks Arabic shows her.
tui_keys 2
tui_wait_title "Household form"
tui_type "605"
tui_keys Tab
tui_type "Opgang 2"
tui_keys Tab
tui_type "st. th."
tui_keys Tab Tab
tui_type "Omar Nasser"
tui_keys Tab Tab Tab Space Tab Tab Tab Tab
tui_keys Enter
tui_wait "Pick the languages spoken"
tui_keys C-u
tui_type "arabic"
tui_wait "Arabic ("
tui_keys Enter
tui_wait "Chosen: Arabic"
tui_keys Escape
tui_wait_title "Household form"
tui_keys F2
tui_wait "is in the register"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title Households
tui_keys Enter
expect "the household shows who speaks Arabic" "Arabic: Samira Haddad"
tui_keys Escape
tui_wait "Search:"
tui_keys Escape
tui_wait "Welcome to velkomst"

# Her queue: the households on her stairwell only.
tui_keys 2
tui_wait_title "Household form"
tui_type "605"
tui_keys Tab
tui_type "Opgang 1"
tui_keys Tab
tui_type "1. tv."
tui_keys Tab Tab
tui_type "Lene Holm"
tui_keys F2
tui_wait "is in the register"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 3
tui_wait_title "Queue: who to visit"
tui_keys a
expect "a asks whose queue" "Whose queue?"
tui_keys Enter
expect "her queue is named" "Samira Haddad's stairwells"
expect "her queue has the household on her stairwell" "Lene Holm"
expect_not "and not the one on another stairwell" "Omar Nasser"
tui_keys Escape
tui_wait "Welcome to velkomst"

# Stop her: the coverage changes, the goal keeps her as recruited.
tui_keys 6
tui_wait "Samira Haddad"
tui_keys Enter
expect "her screen opens" "Ambassador 1"
tui_keys s
expect "s asks for the new status" "New status:"
tui_keys Space
expect_line "Space goes on to stopped" "New status: +stopped "
tui_keys Enter
expect "a stop without a reason is refused" "Choose why they stopped"
tui_keys Tab Tab Space
expect_line "the reason can be chosen" "why: +moved away"
tui_keys Enter
expect "the stop is saved" "Saved: stopped"
expect "the history shows it" "stopped, moved away"
tui_keys Escape
tui_wait "Search:"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 8
tui_wait_line "^ velkomst · Coverage: stairwells"
tui_settle
expect_not "no stairwell has an ambassador now" "1 ambassador"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 7
expect "the goal still counts her as recruited" "1 recruited so far"
expect "but nobody is active" "0 are active today"
