#!/usr/bin/env bash
# The audit trail: after a login and a registered move-in the trail shows
# both, newest first; filters by account, by record and by dates narrow
# it (the trail keeps the real clock, not VELKOMST_TODAY), and c shows
# everything again.
. "$(dirname "$0")/lib.sh"

make_demo
tui_start

# Register a move-in as the secretariat.
tui_keys 2
tui_wait "Moved in"
tui_type "605"
tui_keys Tab
tui_type "Opgang 2"
tui_keys Tab
tui_type "st. th."
tui_keys Tab Tab
tui_type "Omar Nasser"
tui_keys F2
tui_wait "is in the register"
id=$(tui_screen | grep -o 'household [0-9]* is in the register' | grep -o '[0-9]*')

tui_keys 0
expect "the trail opens" "velkomst · Audit trail"
expect "it shows everything at first" "Showing: everything"
expect "the move-in is there" "household added"
expect "with its record" "household $id"
expect "the login is there" "login              account"
expect "the demo's work is marked as the command line" "(command line)"
first=$(tui_screen | sed -n 4p)
case $first in
*"household added"*) ok "the newest row is first" ;;
*) fail "the newest row is first" "the first row is: $first" ;;
esac
expect "the selected row is shown in full" "sekretariat · household added · household $id"

# Paging: more rows are fetched as the cursor moves.
expect "a long trail says there is more" "more below"
tui_keys End
tui_wait_gone "more below"
if tui_screen | grep -q 'Showing: everything · [0-9]* rows'; then
	ok "End fetches the rest and counts it"
else
	fail "End fetches the rest and counts it" "no count"
fi
tui_keys Home

# One account.
tui_keys a
expect "a asks for a login" "Only the login:"
tui_type "sekretariat"
tui_keys Enter
expect "the filter is shown" "Showing: account sekretariat"
expect "its move-in is there" "household added"
expect_not "the command line's rows are not" "(command line)"
tui_keys a C-u
tui_type "nobody-at-all"
tui_keys Enter
expect "an empty result says so" "Nothing in the trail matches these filters"
tui_keys c
expect "c shows everything again" "Showing: everything"

# One record.
tui_keys r
expect "r asks for a record" "Only the record:"
tui_type "$id"
tui_keys Enter
expect "a number is a household" "Showing: household $id · 1 row"
expect_not "no logins then" "login              account"
tui_keys r C-u
tui_type "cupboard 3"
tui_keys Enter
expect "a record that is not one is refused" "That is not a record"
tui_keys C-u
tui_type "household $id"
tui_keys Enter
expect "household N works too" "Showing: household $id · 1 row"
tui_keys c
tui_wait "Showing: everything"

# Dates: the trail is written on the real clock.
tui_keys d
expect "d asks for dates" "From:"
tui_type "01.01.2010"
tui_keys Tab
tui_type "31.12.2018"
tui_keys Enter
expect "before 2019 there is nothing" "Nothing in the trail matches these filters"
expect "the dates are shown" "01.01.2010 to 31.12.2018"
tui_keys d C-u
tui_type "31.02.2019"
tui_keys Enter
expect "a day that does not exist is refused" "There is no such day in that month"
tui_keys Escape
tui_keys d C-u
tui_type "$(date -u +%d.%m.%Y)"
tui_keys Tab C-u Enter
expect "from today there are rows" "household added"
expect "the filter says from" "Showing: from $(date -u +%d.%m.%Y)"
tui_keys d Tab
tui_type "31.12.2018"
tui_keys Enter
expect "an end before the start is refused" "The second date is before the first"
tui_keys Escape
tui_keys c
expect "c clears the dates" "Showing: everything"
