#!/usr/bin/env bash
# Register a household through the keys, then find it by typing "soren".
. "$(dirname "$0")/lib.sh"

tui_start
expect "home screen shows its menu" "Register a move-in"
tui_keys 2
expect "the form opens" "Department"
tui_keys Enter
expect "Enter on department opens the pick list" "Pick the department"
tui_keys Down Enter
tui_wait_gone "Pick the department"
expect "a picked department fills the field" "BB-afd. 606"
tui_keys Enter
expect "the stairwells of that department are offered" "Pick the stairwell"
tui_keys Enter
tui_wait_gone "Pick the stairwell"
tui_type "2. th."
tui_keys Tab Tab
tui_type "Søren Ølgaard-Jensen"
tui_keys Tab
expect "a second name line appears" "Name 2"
tui_type "王小明"
tui_keys F2
expect "saving says so" "is in the register"
expect "saving opens the new household" "Household 1 ·"
tui_keys Escape
expect "Esc from the new household goes back home" "Register a move-in"
tui_keys 1
expect "the list opens" "· 1 household"
tui_keys /
tui_type "soren"
expect "\"soren\" finds Søren" "Søren Ølgaard-Jensen"
tui_keys C-u
tui_type "JENS"
expect "\"JENS\" finds the word after the hyphen" "Søren Ølgaard-Jensen"
tui_keys C-u
tui_type "xyz"
expect "a search with no match says so" "Nobody's name starts with that"
tui_keys C-u
tui_type "王"
expect "a Chinese name is found by its first character, and shown first" "王小明; Søren"
tui_keys Enter Enter
expect "Enter opens the household" "Household 1 ·"
expect "the household shows the stairwell" "Opgang 1"
expect "the wide name is shown whole" "王小明"
tui_keys Escape
tui_wait "Search:"
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
expect "Esc goes back home" "Welcome to velkomst"
tui_keys q
expect "q quits from home" "velkomst-exited-0"
# the household is really in the file
if "$BIN" --db "$DB" households --format tsv | grep -q $'\t606\tOpgang 1\t2. th.\t2019-06-01\t\tSøren Ølgaard-Jensen; 王小明\tawaiting'; then
	ok "the household is in the database file"
else
	fail "the household is in the database file" "households --format tsv did not list it"
fi
