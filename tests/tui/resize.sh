#!/usr/bin/env bash
# Below 80x24 only a plain message with the size needed; back at 80x24
# the screen returns as it was, with what was typed.
. "$(dirname "$0")/lib.sh"

tui_start
tui_wait "Register a move-in"
tui_keys 2
tui_wait_title "Household form"
tui_type "606"
tui_wait "606"	# typed and shown before the window shrinks
"${TM[@]}" resize-window -x 60 -y 20
expect "too small: says the size it needs" "at least 80 × 24"
expect "too small: says the size it has" "60 × 20"
expect_not "too small: the form is hidden" "Moved in"
tui_keys x
# Every key is dropped while too small, so nothing shows that x was read:
# wait until velkomst has read it, before the window grows again.
tui_read_all
"${TM[@]}" resize-window -x 80 -y 24
expect "back at 80x24 the form returns" "Moved in"
expect "what was typed is still there" "606"
expect_not "a key pressed while too small typed nothing" "606x"
"${TM[@]}" resize-window -x 120 -y 40
expect_line "larger works too: the title line is 120 wide" \
    "^ velkomst · Household form {40,}sekretariat  today is"
expect "with the form" "Moved in"
tui_keys Escape
tui_wait "Press Esc again"
tui_keys Escape
expect "home again" "Welcome to velkomst"
tui_keys q
expect "quits cleanly" "velkomst-exited-0"
