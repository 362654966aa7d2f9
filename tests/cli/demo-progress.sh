#!/usr/bin/env bash
# demo --households N: the limit is 1,000,000, a larger demo shows how far
# it has come on a terminal (stderr) and not when stderr is a file, and
# the demo is the same as before the bulk fill (its figures on
# VELKOMST_TODAY), with every index the schema has.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 1000001
check "more than a million is refused" 2 "from 1 to 1000000" stderr
run --db "$DB" demo --help
check "the help names the limit" 0 "1 to 1000000"

# On a terminal: script(1) gives the demo one.
script -qec "'$BIN' --db '$TMP/tty.db' demo --households 2500" \
    /dev/null </dev/null >"$TMP/out" 2>"$TMP/err"
RC=$?
tr '\r' '\n' <"$TMP/out" >"$TMP/lines"
if [ "$RC" = 0 ] && grep -q '^Creating the demo: 2000 of 2500 households' "$TMP/lines" &&
    grep -q '^Creating the demo: 2500 of 2500 households$' "$TMP/lines"; then
	ok "a terminal sees the progress"
else
	fail "a terminal sees the progress" "exit $RC: $(head -c 300 "$TMP/lines")"
fi

run --db "$DB" demo --households 2500
check "a file sees no progress" 0 "Created a demo database with 2500 households"
if grep -q 'Creating the demo' "$TMP/err"; then
	fail "no progress line in a file" "$(head -c 200 "$TMP/err")"
else
	ok "no progress line in a file"
fi
n=$(sqlite3 "$DB" "SELECT count(*) FROM household")
[ "$n" = 2500 ] && ok "2500 households" || fail "2500 households" "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND
    name IN ('household_newest', 'household_name', 'household_dept_newest',
    'household_dept_name', 'household_open', 'household_dept_open',
    'household_flagged', 'household_dept_stale', 'visit_date')")
[ "$n" = 9 ] && ok "the lists' indexes are there" || fail "the lists' indexes are there" "$n of 9"
r=$(sqlite3 "$DB" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
[ "$r" = ok ] && ok "integrity and foreign keys" || fail "integrity and foreign keys" "$r"

# The 240 households of the default demo: 70 overdue on 2019-06-01.
run --db "$TMP/d240.db" demo
check "the default demo" 0 "Created a demo database with 240 households"
run --db "$TMP/d240.db" overdue --format tsv
n=$(tail -n +2 "$TMP/out" | wc -l)
[ "$n" = 70 ] && ok "70 overdue" || fail "70 overdue" "$n"
