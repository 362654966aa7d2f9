#!/usr/bin/env bash
# A kiosk (--kiosk): q on the home screen logs out instead of quitting,
# and nothing on the login screen leaves velkomst: not Esc, q, Ctrl-C,
# Ctrl-Z or Ctrl-\.  x logs out.
. "$(dirname "$0")/lib.sh"

# 0 if velkomst still runs in the pane.
alive() {
	local pid
	pid=$(tui_pid)
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# check NAME: the login screen is still there and velkomst runs, after
# every key sent so far is handled.
still_there() {
	if tui_sync && tui_is_title "Log in" &&
	    tui_screen | grep -F -q "Type your login" && alive &&
	    ! tui_screen | grep -F -q "velkomst-exited"; then
		ok "$1"
	else
		fail "$1" "the login screen is gone or velkomst ended"
	fi
}

make_demo
tui_start --kiosk
expect "a kiosk logs in" "Logged in as sekretariat"
expect_not "a kiosk offers no quit" "q Quit"
tui_keys q
expect "q on the home screen shows the login screen" "Type your login"
expect_not "nothing of the home screen is left" "Welcome to velkomst"
tui_keys C-c
still_there "Ctrl-C on the login screen does not leave"
tui_keys C-z
still_there "Ctrl-Z on the login screen does not leave"
tui_keys 'C-\'
still_there "Ctrl-\\ on the login screen does not leave"
tui_keys Escape
still_there "Esc on the login screen does not leave"
tui_keys q
still_there "q on the login screen does not leave"
tui_keys C-u
tui_login sekretariat demo-sekretariat
expect "the next person logs in" "Logged in as sekretariat"
tui_keys 1
tui_wait "Search:"
tui_keys C-c
expect "Ctrl-C in a list says how to log out" "To let the next person log in"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys x
expect "x logs out" "Type your login"
still_there "after x velkomst still runs"

# The same from the configuration file.
cat >"$TMP/kiosk.conf" <<'EOF'
terminal = { kiosk = true; };
EOF
tui_start --config "$TMP/kiosk.conf"
tui_wait "Logged in as sekretariat"
tui_keys q
expect "terminal.kiosk: q logs out" "Type your login"
tui_keys C-c Escape q
still_there "terminal.kiosk: the login screen stays"
