#!/usr/bin/env bash
# The secretariat looks after the ambassadors' logins on the accounts
# screen: it is offered u, d, r and n; it gives an ambassador a new PIN,
# disables and enables one, and adds one (who then logs in); the role it
# may pick is ambassador only; every key that does nothing for the
# selected login (an admin's, its own) says why; a login like a CPR
# number is refused beside the field.
. "$(dirname "$0")/lib.sh"

# Go home and open the accounts screen.
open_accounts() {
	tui_keys 9
	tui_wait_title Accounts
}

make_demo
tui_start			# as sekretariat
open_accounts
expect "the secretariat is offered u" "u Unlock"
expect "the secretariat is offered d" "d Disable"
expect "the secretariat is offered r" "r New PIN"
expect "the secretariat is offered n" "n New"

# The first line is admin: each key says why it does nothing.
expect "admin is selected first" "admin        admin"
tui_keys r
expect "r on an admin says why" "Only an admin can give a login of the"
expect_not "r on an admin opens no form" "A new password for admin"
tui_keys d
expect "d on an admin says why" "Only an admin can disable a login of the"
expect_not "d on an admin asks nothing" "Disable the account admin?"
tui_keys u
expect "u on an admin says why" "Only an admin can unlock a login of the"

# birgit (an ambassador): a new PIN, disabled and enabled again.
tui_keys Down r
expect "r on an ambassador opens the form" "A new PIN for birgit"
tui_type "8642"
tui_keys Tab
tui_type "8642"
tui_keys Enter
expect "the secretariat gives birgit a new PIN" "birgit has a new PIN"
tui_keys d
expect "d on an ambassador asks" "Disable the account birgit?"
tui_keys y
expect "the secretariat disables birgit" "birgit is disabled"
tui_keys d
tui_wait "Enable the account birgit again"
tui_keys y
expect "the secretariat enables birgit" "birgit is enabled"

# Its own login is the secretariat's: an admin's work too.
tui_keys End d
expect "d on its own login says why" "Only an admin can disable a login of the"

# A new login: the role is ambassador only, and says why.
tui_keys n
expect "n opens the form for an ambassador's login" "A new login for an ambassador"
tui_type "0101901234"
tui_keys Tab
tui_wait_line "^  Role +ambassador +Enter: pick"	# Tab was read
expect_not "the role is not changed yet" "Only an admin can add"
tui_keys Space
expect "Space on the role says why" "Only an admin can add a login for the"
expect "the role stays ambassador" "Role                   ambassador"
tui_keys Enter
tui_sync
expect_not "Enter on the role offers no other role" "Which role?"
tui_keys Tab
tui_type "605"
tui_keys Tab Tab
tui_type "2468"
tui_keys Tab
tui_type "2468"
tui_keys F2
expect "a login like a CPR number is refused" "That login looks like a CPR number"
tui_keys BTab BTab BTab BTab BTab C-u
tui_type "karim"
tui_keys F2
expect "the secretariat adds karim" "The login karim is added (ambassador)"
expect "the list shows karim" "karim        ambassador   605"

# karim logs in with his PIN.
tui_keys Escape Escape Escape
tui_wait_title Home
tui_keys x
tui_login karim 2468
expect "the new ambassador logs in" "Logged in as karim"
