#!/usr/bin/env bash
# The help (F1) ends by naming the part of velkomst(1) about the screen
# it was opened on.
. "$(dirname "$0")/lib.sh"

# Page down the help until TEXT shows; 1 if it never does.
help_find() {
	local i
	for ((i = 0; i < 8; i++)); do
		tui_wait "$1" 20 && return 0
		tui_keys PageDown
	done
	return 1
}

make_demo
tui_start
tui_wait "Register a move-in"
tui_keys F1
tui_wait_title Help
expect "F1 opens the home screen's help" "Help: Home"
if help_find 'More on this screen: man velkomst, section "Home".'; then
	ok "the home screen's help names its part of the manual"
else
	fail "the home screen's help names its part of the manual" "not at its end"
fi
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title Households
tui_keys F1
tui_wait_title Help
expect "F1 opens the households' help" "Help: Households"
if help_find 'More on this screen: man velkomst, section "Households".'; then
	ok "the households' help names its part of the manual"
else
	fail "the households' help names its part of the manual" "not at its end"
fi
if tui_screen | grep -F -q 'section "Home"'; then
	fail "the households' help names no other part" "it names Home"
else
	ok "the households' help names no other part"
fi
