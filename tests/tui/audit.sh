#!/usr/bin/env bash
# The audit trail: after a login and a registered move-in the trail shows
# both, newest first; filters by account, by record and by dates narrow
# it (the trail keeps the real clock, not VELKOMST_TODAY), and c shows
# everything again.  A long trail (2400 more rows) is paged a window at a
# time both ways: End shows the oldest row, Home the newest, and pages
# across the windows keep the order.
. "$(dirname "$0")/lib.sh"

make_demo
tui_start

# Register a move-in as the secretariat.
tui_keys 2
tui_wait_title "Household form"
tui_type "605"
tui_keys Tab
tui_type "Opgang 2"
tui_keys Tab
tui_type "3. th."
tui_keys Tab Tab
tui_type "Omar Nasser"
tui_keys F2
tui_wait "is in the register"
id=$(tui_screen | grep -o 'household [0-9]* is in the register' | grep -o '[0-9]*')
tui_keys Escape
tui_wait "Welcome to velkomst"

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

# Paging: rows are fetched a window at a time as the cursor moves; End
# fetches the oldest window, Home the newest.
expect "a long trail says there is more" "more below"
tui_keys End
expect "End shows the oldest rows" "the oldest rows, more above"
expect "the oldest row is selected" "household added · household 1"
tui_keys Home
expect "Home shows the newest again" "rows so far, more below"
first=$(tui_screen | sed -n 4p)
case $first in
*"household added"*) ok "Home selects the newest row" ;;
*) fail "Home selects the newest row" "the first row is: $first" ;;
esac

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
tui_keys c
tui_wait "Showing: everything"
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

# Dates: the demo's rows are written on the demo's own days (from 2017,
# the agreement's start); this test's own changes on the real clock.
tui_keys d
expect "d asks for dates" "From:"
tui_type "01.01.2010"
tui_keys Tab
tui_type "31.12.2015"
tui_keys Enter
expect "before 2016 there is nothing" "Nothing in the trail matches these filters"
expect "the dates are shown" "01.01.2010 to 31.12.2015"
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

# A long trail: 2400 exports n0001 .. n2400 (n2400 the newest), written
# straight into the table (the trail takes inserts).
tui_keys Escape
tui_wait_title Home
sqlite3 "$DB" "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 \
    FROM c WHERE i < 2400) INSERT INTO audit (at, login, kind, detail) \
    SELECT datetime('now'), 'tester', 'export', printf('n%04d', i) FROM c"
total=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
tui_keys 0
tui_wait_title "Audit trail"

# The detail of the selected row (the line in full under the list).
selected() {
	tui_settle
	tui_screen | grep '·' | grep -o ' n[0-9]\{4\}$' | tr -d ' n' |
	    sed 's/^0*//'
}

# check_order NAME: the rows shown run down one by one (n2400, n2399...).
check_order() {
	local nums bad
	tui_settle
	nums=$(tui_screen | sed -n '4,21p' | grep -v '·' |
	    grep -o ' n[0-9]\{4\}$' | tr -d ' n' | sed 's/^0*//')
	bad=$(echo "$nums" | awk 'NR > 1 && $1 != prev - 1 { print } \
	    { prev = $1 } END { if (NR < 10) print "too few: " NR }')
	if [ -z "$bad" ]; then ok "$1"; else fail "$1" "rows out of order: $bad"; fi
}

# press KEY N: press KEY N times, and wait until all are handled.
press() {
	local i
	for ((i = 0; i < $2; i++)); do
		tui_keys "$1"
	done
	tui_sync
}

expect "a long trail starts at the newest row" "export · n2400"
expect "and has more below" "rows so far, more below"
press PgDn 10
s10=$(selected)
page=$(( (2400 - ${s10:-2400}) / 10 ))
if [ "$page" -gt 10 ]; then ok "PgDn goes down a page at a time"; else fail "PgDn goes down a page at a time" "selected n$s10"; fi
check_order "ten pages down (past a window) the order is kept"
press PgDn 10
s20=$(selected)
if [ "$s20" = "$((s10 - 10 * page))" ]; then ok "twenty pages down (rows let go above) land right"; else fail "twenty pages down (rows let go above) land right" "n$s20, not n$((s10 - 10 * page))"; fi
expect "there is more above and below" "more above and below"
check_order "twenty pages down the order is kept"
press PgUp 10
s=$(selected)
if [ "$s" = "$s10" ]; then ok "PgUp fetches the rows let go, back to the same row"; else fail "PgUp fetches the rows let go, back to the same row" "n$s, not n$s10"; fi
check_order "ten pages up the order is kept"
press PgUp 10
expect "back at the top: the newest row" "export · n2400"
expect "and nothing above" "rows so far, more below"

tui_keys End
expect "End on a long trail shows the oldest rows" "the oldest rows, more above"
expect "End selects the oldest row" "household added · household 1"
tui_keys Up
expect "Up from the oldest row works" "visit added · visit 1"
press PgUp 60
want=$(( 2400 - (total - 2 - 60 * page) ))
s=$(selected)
if [ "$s" = "$want" ]; then ok "pages up from the end land right"; else fail "pages up from the end land right" "n$s, not n$want"; fi
check_order "pages up from the end keep the order"
press PgDn 40
expect "and pages down go back to the same row" "visit added · visit 1"
tui_keys Home
expect "Home returns to the newest row" "export · n2400"
expect "Home shows nothing above" "rows so far, more below"
