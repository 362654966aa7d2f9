#!/usr/bin/env bash
# F1 and ? open help made from the key table; Esc closes it; the bottom
# line names the keys of each screen.
. "$(dirname "$0")/lib.sh"

make_demo
tui_start
tui_wait "Register a move-in"
expect "the bottom line names the keys" "q Quit"
tui_keys '?'
expect "? opens help" "Help: Home"
tui_keys PageDown PageDown
expect "help lists the keys of the screen" "Register a household that has moved in."
tui_keys Escape
expect "Esc closes help" "Welcome to velkomst"
tui_keys 1
tui_wait_title Households
tui_keys F1
expect "F1 opens the help of the list" "Help: Households"
expect "the list's help explains the search" "soren"
tui_keys Escape
tui_wait "Search:"
expect "the demo fills the list" "· 240 households"
tui_keys o
expect "o sorts by name" "by name"
tui_settle
first=$(tui_screen | sed -n 5p | cut -c14-30)
tui_keys End
if tui_wait_gone "$first"; then ok "End leaves the first page (fetched window by window)"; else fail "End leaves the first page" "still shows $first"; fi
tui_keys Home
expect "Home returns to the first" "$first"
tui_keys /
tui_type "aa"
expect_line "\"aa\" finds Å" "^ [0-9.]+  Å"
tui_keys Escape
expect "Esc in the search field goes to the list" "Enter Open"
expect "and keeps the search" "Search: aa"
tui_keys Escape
expect "Esc clears the search first" "Search cleared"

# A key's description that takes two lines hangs beside the key.
tui_start
tui_keys 9
tui_wait_title Accounts
tui_keys F1
tui_wait_title Help
expect_line "a long key description wraps beside its key" \
    '^ {12}again\.$'
