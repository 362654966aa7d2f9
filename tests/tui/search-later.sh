#!/usr/bin/env bash
# A search keystroke's rows come before its count.  The list is counted
# only when its first rows are not all there is, after they are drawn and
# while no key waits: typing on skips the counts in between, and a search
# that finds no more than the first rows is counted from them.  The
# statements velkomst runs are seen through tests/tui/sqltrace.c
# (LD_PRELOAD), which writes their SQL without values.
. "$(dirname "$0")/lib.sh"

SO=$top/build/sqltrace.so
if [ ! -r "$SO" ]; then
	echo "FAIL $SUITE: $SO is missing (make check builds it)"
	exit 1
fi
make_demo
LOG=$TMP/sql.log
: >"$LOG"
T_ENV=(-e LD_PRELOAD="$SO" -e VELKOMST_SQLTRACE="$LOG"
    -e ASAN_OPTIONS="verify_asan_link_order=0:log_path=$OUT/asan.tui-search-later")

# mark NAME: a line in the log; counts NAME and pages NAME: how many
# counts of the list and pages of it were run since (the estimates of a
# word, "SELECT 1 FROM name_word", are not counts of the list).
mark() {
	echo "--- $1" >>"$LOG"
}
since() {
	sed -n "/^--- $1\$/,\$p" "$LOG"
}
counts() {
	since "$1" | grep -c -E '^SELECT count\(\*\) FROM \(SELECT (DISTINCT|1 FROM household)'
}
pages() {
	since "$1" | grep -c '^SELECT h\.id, '
}
# households PREFIX PREFIX: how many households have a name starting
# with each (the demo's keys are ASCII).
households() {
	sqlite3 "$DB" "SELECT count(DISTINCT a.household_id) FROM name_word a
	    JOIN name_word b ON b.household_id = a.household_id
	    WHERE a.key >= '$1' AND a.key < '$1~' AND b.key >= '$2' AND
	    b.key < '$2~'"
}

many=$(households a m)
few=$(households soeren m)
if [ "$many" -gt 20 ] && [ "$few" -gt 0 ] && [ "$few" -lt 17 ]; then
	ok "\"a m\" finds $many households (more than a fetch), \"søren m\" $few (less than a screenful)"
else
	fail "the demo's names" "\"a m\" $many, \"søren m\" $few"
fi

LANGUAGE=en tui_start
tui_keys 1
tui_wait_title "Households"
tui_keys /
tui_wait "Search:"
mark burst
tui_type "a m"		# one write: the keys wait while "a" is answered
expect "a burst of keys is counted once it is typed" \
    "newest move-in first · $many households"
tui_settle
n=$(counts burst) p=$(pages burst)
if [ "$n" = 1 ] && [ "$p" -ge 2 ]; then
	ok "the keys typed on skip the counts in between ($p pages, $n count)"
else
	fail "the keys typed on skip the counts in between" "$p pages, $n counts"
fi

mark one
tui_keys BSpace
tui_wait "Search: a  "
expect "one key alone is counted after its rows" \
    "newest move-in first · $(sqlite3 "$DB" "SELECT count(DISTINCT household_id) FROM name_word WHERE key >= 'a' AND key < 'b'") households"
tui_settle
n=$(counts one)
if [ "$n" = 1 ]; then
	ok "one key alone: one count"
else
	fail "one key alone: one count" "$n counts"
fi

# Back from a household: the rows again, then one count.
tui_keys Enter
tui_wait "Enter Open"
tui_keys Enter
tui_wait_gone "Moved in    Names"
mark back
tui_keys Escape
expect "back from a household, the list is counted again" \
    "newest move-in first · $(sqlite3 "$DB" "SELECT count(DISTINCT household_id) FROM name_word WHERE key >= 'a' AND key < 'b'") households"
tui_settle
n=$(counts back) p=$(pages back)
first=$(since back | grep -n -E '^SELECT (h\.id, |count\(\*\) FROM \(SELECT (DISTINCT|1 FROM household))' | head -1)
if [ "$n" = 1 ] && [ "$p" -ge 1 ] && [[ $first == *"SELECT h.id, "* ]]; then
	ok "back from a household: the rows, then one count ($p pages)"
else
	fail "back from a household: the rows, then one count" "$p pages, $n counts, first: ${first:0:60}"
fi
tui_keys /
tui_wait "Search: a"
tui_keys C-u
tui_wait_gone "Search: a"
mark few
tui_type "søren m"
expect "a search of fewer rows than a fetch is counted from them" \
    "newest move-in first · $few households"
tui_settle
n=$(counts few)
if [ "$n" = 0 ]; then
	ok "the rows are the count: no count is run"
else
	fail "the rows are the count: no count is run" "$n counts"
fi
