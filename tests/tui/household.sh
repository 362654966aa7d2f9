#!/usr/bin/env bash
# Open a household, edit it, record a move-out and undo it.
. "$(dirname "$0")/lib.sh"

VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo --households 5 >/dev/null
tui_start
tui_wait "Register a move-in"
tui_keys 1
tui_wait_title Households
tui_keys Enter
expect_title "Enter opens the household" "Household"
expect "the view says who registered it" "Registered"
tui_keys e
expect "e opens the form with the household" "Change the household"
tui_keys Down Down Down Down Down Down
tui_keys End
tui_type "-Berg"
tui_keys F2
expect "saving an edit says so" "Saved."
expect_title "saving goes back to the view" "Household"
expect "the view shows the change" "-Berg"
tui_keys m
expect "m asks for the move-out date" "Moved out on"
expect_line "today is filled in" "Moved out on .*: +01\.06\.2019"
tui_keys C-u
tui_type "1.1.1990"
tui_keys Enter
expect "a move-out before the move-in is refused" \
    "The moving-out date is before the moving-in date"
tui_keys C-u
tui_type "01.06.2019"
tui_keys Enter
expect "the move-out is saved" "has moved out"
expect_line "the status says moved out" "^  Household [0-9]+ · moved out"
tui_keys m
tui_wait "Moved out on"
tui_keys C-u Enter
expect "clearing the date undoes the move-out" "lives here"
expect_line "the status is as before" "^  Household [0-9]+ · awaiting"
tui_keys Escape
expect "back to the list" "Search:"
n=$("$BIN" --db "$DB" households --search berg --format tsv | grep -c 'awaiting')
if [ "$n" = 1 ]; then ok "the edit is in the database"; else fail "the edit is in the database" "found $n"; fi

# A household of twelve: the form takes them all, and the view scrolls
# instead of hiding the notes under the bottom lines.
tui_keys n
tui_wait_title "Household form"
tui_type "pab8"
tui_keys Tab
tui_type "Opgang 1"
tui_keys Tab
tui_type "4. 12"
tui_keys Tab Tab
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	tui_type "Barn$i Storfamilie"
	tui_keys Tab
done
expect_line "twelve names fit in the form" "^  Name 12 +Barn12 Storfamilie"
tui_keys Tab Tab Tab Tab
tui_type "Twelve of them."
tui_keys F2
expect "a household of twelve is saved" "is in the register"
tui_wait_title Household
tui_keys Escape
tui_wait "Search:"
tui_keys /
tui_type "storfam"
tui_keys Enter Enter
expect_title "the view opens" "Household"
expect "with the first name" "Barn1 Storfamilie"
expect "the view says there is more" "↓ more"
expect_not "the last lines are not drawn over the key line" "Last changed"
tui_keys PageDown
expect "PgDn scrolls to the end" "Last changed"
expect "the notes are there" "Twelve of them."
tui_keys m
expect "the move-out prompt does not cover the lines" "Moved out on"
tui_keys Escape
tui_wait_gone "Moved out on"
tui_keys PageUp
expect "PgUp scrolls back" "Barn1 Storfamilie"

# A household that has moved out gets no visit.
tui_keys Escape
tui_wait "Search:"
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title Households
tui_keys Enter
tui_wait_title Household
tui_keys m
tui_wait "Moved out on"
tui_keys Enter
tui_wait "has moved out"
tui_keys v
expect "a visit to a household that moved out is refused" "has moved out: there is"
