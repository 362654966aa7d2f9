#!/usr/bin/env bash
# A database locked by another writer: velkomst waits, then says so and
# keeps the form; saving works once the lock is gone.  A read-only
# database: browsing works, saving says why.
. "$(dirname "$0")/lib.sh"

# Fill in a household in the form, up to but not including F2.
fill_form() {
	tui_keys n
	tui_wait_title "Household form"
	tui_type "607"
	tui_keys Tab
	tui_type "Opgang 1"
	tui_keys Tab
	tui_type "3. th."
	tui_keys Tab Tab
	tui_type "Hodan Warsame"
}

make_demo
# Log in first: the login itself writes (the audit trail).
tui_start
tui_wait "Register a move-in"
# Another program holds the write lock, through the stock sqlite3 tool.
lock_hold "$DB"
fill_form
tui_keys F2
expect "a locked database: says another is saving" "Another person is saving" 400
expect "a locked database: the form is kept" "Hodan Warsame"
lock_release
tui_keys F2
expect "after the lock is gone, saving works" "is in the register"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys q
tui_wait "velkomst-exited-0"

chmod 0400 "$DB"
tui_start
tui_wait "Register a move-in"
expect "read-only: the title says so" "READ-ONLY"
expect "read-only: the message says so" "you can look, but not save"
tui_keys 1
expect "read-only: browsing works" "· 241 households"
tui_keys Escape
tui_wait "Welcome to velkomst"
fill_form
tui_keys F2
expect "read-only: the move-in saved above is found first" \
    "is already registered there"
tui_keys r
expect "read-only: saving says why" "is read-only, so changes"
expect "read-only: the form is kept" "Hodan Warsame"
chmod 0600 "$DB"
