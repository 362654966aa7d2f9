#!/usr/bin/env bash
# The languages spoken are picked from a list: register a household, pick
# Somali by typing "somal" (and Arabic by its own name), save, and see
# them by name on the household, with the ambassadors who speak them.
. "$(dirname "$0")/lib.sh"

VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo --households 5 >/dev/null
tui_start
tui_wait "Register a move-in"
tui_keys 2
expect_title "the form opens" "Household form"
tui_keys Enter
tui_wait "Pick the department"
tui_keys Enter
tui_wait_gone "Pick the department"
tui_keys Enter
tui_wait "Pick the stairwell"
tui_keys Enter
tui_wait_gone "Pick the stairwell"
tui_type "st. tv."
tui_keys Tab Tab
tui_type "Hodan Nur"
tui_keys Tab Tab Tab
tui_keys Space
expect_line "consent is ticked" "Consent given +\[x\] yes"
tui_keys Tab Tab Tab Tab
expect_line "the languages field says Enter picks" \
    "Languages spoken +Enter: pick"
if tui_screen | grep -q "Pick the languages"; then
	fail "the list is not open before Enter" "it is"
else
	ok "the list is not open before Enter"
fi
tui_keys Enter
expect_title "Enter opens the list of languages" "Pick"
expect "nothing is chosen yet" "Chosen: none yet"
expect "the configured languages come first, with their other names" \
    "Arabic (arabisk, "
tui_type "somal"
if tui_wait_gone "Arabic (arabisk"; then ok "typing narrows the list"; else fail "typing narrows the list" "Arabic still listed"; fi
expect "\"somal\" finds Somali by its English name" "Somali (Soomaali)"
tui_keys Enter
expect "Enter adds it" "Chosen: Somali"
expect_line "it is marked" "✓ Somali"
tui_keys C-u
tui_type "عربي"
expect "its own name (without the article) finds Arabic" "Arabic (arabisk"
tui_keys Enter
expect "Enter adds the second" "Chosen: Somali, Arabic"
tui_keys C-u
tui_type "arabisk"
expect "the Danish name finds it too" "✓ Arabic"
tui_keys Enter
expect "Enter on a chosen one takes it away" "Chosen: Somali"
tui_wait_gone "Chosen: Somali, Arabic"
tui_keys Escape
expect_title "Esc goes back to the form" "Household form"
expect_line "the form shows the choice by name" "Languages spoken +Somali"
expect_line "the form kept the name typed" "Name 1 +Hodan Nur"
tui_keys F2
expect "saving says so" "is in the register"
expect_title "the new household opens" "Household"
expect_line "the household shows the language by name" "Languages +Somali$"
expect_line "the ambassadors who speak it are found by its code" \
    "Ambassadors speaking +Somali: Hodan Jama"
tui_keys Escape
tui_wait "Register a move-in"
tui_keys q
expect "q quits" "velkomst-exited-0"
if "$BIN" --db "$DB" households --search "hodan nur" --format tsv |
    tail -n +2 | cut -f9 | grep -qx so; then
	ok "the household keeps the code"
else
	fail "the household keeps the code" "households --format tsv"
fi
