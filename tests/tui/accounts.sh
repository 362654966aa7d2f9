#!/usr/bin/env bash
# The accounts screen: an admin sees every login with its role, disables
# and enables one, gives one a new PIN and adds one (and both then log
# in); a login locked by wrong tries is shown as locked and the
# secretariat lifts the lock (account-rights.sh tries the rest of the
# secretariat's keys); an ambassador has no Accounts on the home
# screen.
. "$(dirname "$0")/lib.sh"

# Log out from the home screen and log in as $1 with $2.
relogin() {
	tui_keys Escape Escape Escape
	tui_wait_title Home
	tui_keys x
	tui_login "$1" "$2"
}

# Go home and open the accounts screen.
open_accounts() {
	tui_keys 9
	tui_wait_title Accounts
}

make_demo
LOGIN=admin SECRET=demo-admin-pw tui_start
open_accounts
expect "the screen is called Accounts" "velkomst · Accounts"
expect "four accounts" "4 accounts"
expect "admin is an admin" "admin        admin"
expect "birgit is an ambassador of 605" "birgit       ambassador   605"
expect "lene sees two departments" "605, 606"
expect "lene is tied to her ambassador" "Lene Bæk"
expect "sekretariat is the secretariat" "sekretariat  secretariat"
expect "an admin is offered d" "d Disable"
expect "an admin is offered r" "r New PIN"
expect "an admin is offered n" "n New"

# Not one's own account.
tui_keys d
expect "nobody disables their own account" "cannot disable your own account"

# Disable and enable birgit, asked first.
tui_keys Down d
expect "d asks before disabling" "Disable the account birgit?"
tui_keys n
expect "n leaves it as it was" "Nothing was changed."
tui_keys d
tui_wait "Disable the account birgit?"
tui_keys y
expect "y disables" "birgit is disabled"
expect_line "the list says so" "^ birgit +ambassador +605 +Birgit Holm +disabled"
tui_keys d
expect "d on a disabled account offers to enable it" "Enable the account birgit again"
tui_keys y
expect "y enables" "birgit is enabled"

# A new PIN for birgit: checked beside the field, twice the same.
tui_keys r
expect "r asks for a new PIN" "A new PIN for birgit"
tui_type "12"
tui_wait "PIN                    **"
expect_not "the PIN is never shown, only stars" "12"
tui_keys Tab
tui_type "12"
tui_keys F2
expect "a short PIN is refused beside the field" "A PIN has 4 to 8 digits"
tui_type "5678"
tui_keys Tab
tui_type "5679"
tui_keys F2
expect "two different PINs are refused" "The two PINs are not the same"
tui_type "5678"
tui_keys Enter
expect "the new PIN is saved" "birgit has a new PIN"

# F9 locks while the question is open; the password brings it back.
tui_keys d
tui_wait "Disable the account birgit?"
tui_keys F9
expect "F9 locks while a question is open" "The screen is locked"
expect_not "the lock hides the accounts" "sekretariat  secretariat"
tui_type "demo-admin-pw"
tui_keys Enter
expect "the password brings the question back" "Disable the account birgit?"
tui_keys n
tui_wait "Nothing was changed."

# A new ambassador account: first with a taken login, a department that
# does not exist and an ambassador who has a login; each is said beside
# its field, in full, and the PIN typed stays (as stars).
tui_keys n
expect "n opens the form for a new login" "A new login"
tui_type "Birgit"
tui_keys Tab Tab
tui_type "607, nowhere"
tui_keys Tab Enter
tui_wait "Which ambassador is this login for?"
tui_keys Down Enter
tui_wait "Ambassador             Birgit Holm"
tui_keys Tab
tui_type "4321"
tui_keys Tab
tui_type "4321"
tui_keys F2
expect "a taken login is said" "The login birgit is taken"
if tui_screen | grep -A1 "^  Login  " | grep -q "is taken"; then
	ok "beside the login field"
else
	fail "beside the login field" "not under Login"
fi
expect "an ambassador who has a login is said" "Birgit Holm has the login birgit already"
if tui_screen | grep -A1 "^  Ambassador  " | grep -q "has the login"; then
	ok "beside the ambassador field"
else
	fail "beside the ambassador field" "not under Ambassador"
fi
expect "a long sentence beside a field is not cut" "pick one."
expect "the PIN typed is kept, as stars" "PIN again              ****"
expect_not "the PIN is never shown" "4321"
tui_keys C-u
tui_type "samira"
tui_keys Tab Tab C-u
tui_type "607"
tui_keys Tab BSpace
tui_keys F2
expect "the new login is added" "The login samira is added"
expect "the list shows it" "samira       ambassador   607"
expect "five accounts now" "5 accounts"

# Both log in with their new PINs; an ambassador has no Accounts.
relogin birgit 5678
expect "birgit logs in with her new PIN" "Logged in as birgit"
expect_not "an ambassador has no Accounts item" "Accounts"
expect_not "and no Audit trail item" "Audit trail"
relogin samira 4321
expect "the new login logs in" "Logged in as samira"

# Lock lene with five wrong PINs.
tui_keys x
tui_wait "Type your login"
tui_type "lene"
tui_keys Enter
for i in 1 2 3 4 5; do
	[ "$i" = 1 ] || tui_keys Enter	# the login kept, on to the PIN
	tui_type "1111"
	tui_wait "PIN or password       ****"	# typing took the message away
	tui_keys Enter
	tui_wait_gone "PIN or password       ****" 400
	[ "$i" = 5 ] || tui_wait "is wrong"
done
expect "wrong PINs are refused" "is wrong"
tui_keys Enter
# And two wrong PINs for samira: counted, not locked.
tui_keys Up C-u
tui_type "samira"
tui_keys Enter
for i in 1 2; do
	tui_type "1111"
	tui_wait "PIN or password       ****"
	tui_keys Enter
	tui_wait_gone "PIN or password       ****" 400
	tui_wait "is wrong"
	tui_keys Enter	# the login kept, on to the PIN
done

# The secretariat sees the lock and may lift it.
tui_keys Up C-u
tui_login sekretariat demo-sekretariat
open_accounts
expect "lene is locked" "locked until"
expect "samira's wrong tries are counted" "2 wrong tries"
expect "the secretariat is offered u" "u Unlock"
tui_keys Down Down u
expect "u unlocks lene" "lene is unlocked"
expect_not "nobody is locked now" "locked until"
relogin lene 2468
expect "lene logs in again" "Logged in as lene"
