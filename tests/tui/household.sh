#!/usr/bin/env bash
# Open a household, edit it, record a move-out and undo it.
. "$(dirname "$0")/lib.sh"

VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo --households 5 >/dev/null
tui_start
tui_wait "Register a move-in"
tui_keys 1
tui_wait "5 households"
tui_keys Enter
expect "Enter opens the household" "Household "
expect "the view says who registered it" "Registered"
tui_keys e
expect "e opens the form with the household" "Change the household"
tui_keys Down Down Down Down Down Down
tui_keys End
tui_type "-Berg"
tui_keys F2
expect "saving an edit says so" "Saved."
expect "the view shows the change" "-Berg"
tui_keys m
expect "m asks for the move-out date" "Moved out on"
expect "today is filled in" "01.06.2019"
tui_keys C-u
tui_type "1.1.1990"
tui_keys Enter
expect "a move-out before the move-in is refused" "before"
tui_keys C-u
tui_type "01.06.2019"
tui_keys Enter
expect "the move-out is saved" "has moved out"
expect "the status says moved out" "moved out"
tui_keys m
tui_wait "Moved out on"
tui_keys C-u Enter
expect "clearing the date undoes the move-out" "lives here"
tui_keys Escape
expect "back to the list" "Search:"
n=$("$BIN" --db "$DB" households --search berg --format tsv | grep -c 'awaiting')
if [ "$n" = 1 ]; then ok "the edit is in the database"; else fail "the edit is in the database" "found $n"; fi
