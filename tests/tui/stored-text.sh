#!/usr/bin/env bash
# Text written into the database by another tool (the stock sqlite3) is
# shown as the screens show every character they must not draw: a "?".
# A right-to-left override would turn the rest of the line around, and
# an escape sequence would reach the terminal.
. "$(dirname "$0")/lib.sh"

make_demo
# The newest move-in: the first line of the register.
id=$(sqlite3 "$DB" "SELECT id FROM household ORDER BY moved_in DESC, id DESC LIMIT 1")
rlo=$(printf '\xe2\x80\xae')	# U+202E, RIGHT-TO-LEFT OVERRIDE
esc=$(printf '\033')
sqlite3 "$DB" "UPDATE member SET name = 'Zed${rlo}Bidi${esc}]0;pwned$(printf '\a')X' WHERE household_id = $id AND position = 0"
tui_start
tui_keys 1
tui_wait_title Households
expect "a stored override and escape show as ?" "Zed?Bidi?]0;pwned?X"
if tui_screen | grep -q "$rlo"; then
	fail "no override reaches the terminal" "U+202E is on the screen"
else
	ok "no override reaches the terminal"
fi
tui_keys Enter
tui_wait_title Household
expect "the household screen shows it the same way" "Zed?Bidi?]0;pwned?X"
