#!/usr/bin/env bash
# The one list widget, as people meet it at 80 and at 100 columns: a cut
# cell ends with "…"; spare width goes to the cut columns first, so at
# 100 columns the queue shows the whole "Interpreter: <language>"; a
# lock's time is never cut; a search that matched a later member of a
# household shows that member first; an ambassador's login opens the
# queue on their own stairwells; a search that finds nobody in the queue
# says how many the register has; and a number on the home screen that
# the role may not use says why.
. "$(dirname "$0")/lib.sh"

make_demo

# The demo's birgit is tied to the ambassador Birgit Holm (605, Opgang 1
# and 2).  She registers a household on her stairwell that needs an
# interpreter; its second member is the one searched for below.
LOGIN=birgit SECRET=1234 tui_start
expect "birgit is logged in" "Logged in as birgit"
tui_keys 2
tui_wait_title "Household form"
tui_keys C-u
tui_type "605"
tui_keys Tab C-u
tui_type "Opgang 1"
tui_keys Tab
tui_type "9. th."
tui_keys Tab Tab
tui_type "Anna Bergström-Lindqvist"
tui_keys Tab
tui_wait "Name 2"
tui_type "Søren Quistgaard-Holm"
tui_keys Tab Tab Space Tab Space Tab Tab Tab Tab
tui_keys Enter
tui_wait "Pick the languages spoken"
tui_keys C-u
tui_type "somali"
tui_wait "Somali ("
tui_keys Enter
tui_wait "Chosen: Somali"
tui_keys C-u
tui_type "danish"
tui_wait "Danish ("
tui_keys Enter
tui_wait "Chosen: Somali, Danish"
tui_keys Escape
tui_wait_title "Household form"
tui_keys F2
expect "the household is registered" "is in the register"
tui_keys Escape
tui_wait "Welcome to velkomst"

# A role key says why.
tui_keys 6
expect "a number the role may not use says why" \
    "Only the secretariat can see the register of ambassadors."
tui_keys 0
expect "and another" "Only the secretariat can read the audit trail."

# The personal queue.
tui_keys 3
expect "the queue opens on her own stairwells" "Birgit Holm's stairwells"
expect "with the household on her stairwell" "Anna Bergström"
expect_not "not a household of another stairwell of 605" "Kjær"
line=$(tui_screen | grep "Anna Bergstr")
case $line in
*"Interpreter: Som"*"…"*) ok "80 columns: the cut languages end with …" ;;
*) fail "80 columns: the cut languages end with …" "the row is: $line" ;;
esac
expect_not "80 columns: not the whole language" "Interpreter: Somali, Danish"

# A search that finds nobody in this queue, but in the register.
tui_keys /
tui_type "kjær"
expect "the search is typed" "Search: kjær"
expect "not in this queue, but in the register" "Not in this queue:"
expect "says how many match there" "in the register match"
tui_keys Enter r
expect "r searches the whole register" "newest move-in first"
expect "and finds them there" "Kjær"
tui_keys Escape Escape Escape
tui_wait "Birgit Holm's stairwells"
tui_keys a
expect "a still shows another's queue" "Whose queue?"
tui_keys Escape Escape Escape
tui_wait "Welcome to velkomst"

# The matching member, in the register.
tui_keys 1
tui_wait "newest move-in first"
tui_keys /
tui_type "søren quist"
expect "the later member that matched is shown first" \
    "Søren Quistgaard-Holm;"
line=$(tui_screen | grep "Søren Quistgaard-Holm")
case $line in
*"…"*) ok "80 columns: the cut names end with …" ;;
*) fail "80 columns: the cut names end with …" "the row is: $line" ;;
esac
tui_keys C-u
tui_type "anna bergs"
tui_wait "Search: anna bergs"
expect_line "the first member when it is the one" "^ [0-9.]+  Anna Bergström-Lindq"

# Lock lene with wrong PINs, to see the lock's time whole.
tui_keys Escape Escape Escape
tui_wait "Welcome to velkomst"
tui_keys x
tui_wait "Type your login"
tui_type "lene"
tui_keys Enter
for i in 1 2 3 4 5; do
	tui_type "1111"
	tui_wait "PIN or password       ****"
	tui_keys Enter
	tui_wait_gone "PIN or password       ****" 400
	tui_wait "is wrong"
	tui_keys Enter	# the login kept, on to the PIN
done
tui_keys Up C-u
tui_login sekretariat demo-sekretariat
tui_keys 9
tui_wait_title Accounts
if tui_wait_line \
    "locked until ([0-9]{2}\.[0-9]{2}\. )?[0-9]{2}:[0-9]{2}( |$)"; then
	ok "80 columns: the time of a lock is whole"
else
	fail "80 columns: the time of a lock is whole" "cut or missing"
fi

# At 100 columns the queue gives the spare width to the languages.
W=100 LOGIN=birgit SECRET=1234 tui_start
tui_keys 3
tui_wait "Birgit Holm's stairwells"
expect "100 columns: the whole interpreter's language" \
    "Interpreter: Somali, Danish"
W=100 tui_start
tui_keys 3
tui_wait "all departments"
tui_keys /
tui_type "quist"
expect "100 columns: the secretariat's queue finds it" \
    "Søren Quistgaard-Holm; Anna"
expect "100 columns: the whole languages there too" \
    "Interpreter: Somali, Danish"
tui_keys Escape Escape Escape
tui_wait "Welcome to velkomst"
tui_keys 9
tui_wait_title Accounts
if tui_wait_line \
    "locked until ([0-9]{2}\.[0-9]{2}\. )?[0-9]{2}:[0-9]{2}( |$)"; then
	ok "100 columns: the time of a lock is whole"
else
	fail "100 columns: the time of a lock is whole" "cut or missing"
fi
