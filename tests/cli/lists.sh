#!/usr/bin/env bash
# The rows and their order of the list commands (households, overdue,
# coverage, goal, visits) on the demo, pinned whole, text and tsv, so
# that a faster query cannot change them unseen; and the same rows from
# the reference SQL of the benchmark (tests/bench/sql) in the stock
# sqlite3 tool, so that those stay the same rows too.
. "$(dirname "$0")/lib.sh"

SQL=$top/tests/bench/sql

run --db "$DB" demo
check "the demo" 0 "Created a demo database"
# A cell cut in plain ASCII and one with a letter beyond it; a household
# on a stairwell the configuration does not know and one moved out, both
# awaiting (coverage counts neither); a backslash, which tsv doubles.
sqlite3 "$DB" "
UPDATE household SET flat = '12. 1234567890' WHERE id = 3;
UPDATE household SET flat = 'kælder 1234567' WHERE id = 4;
UPDATE household SET stairwell = 'Opgang 99', state = 'awaiting',
    moved_out = NULL WHERE id = 5;
UPDATE household SET state = 'awaiting', moved_in = '2019-04-01',
    moved_out = '2019-05-30'
    WHERE id = 6;
UPDATE household SET stairwell = 'Opgang 1\\a' WHERE id = 7;
" || fail "change the demo with sqlite3" "sqlite3 failed"

for f in "" tsv; do
	ext=${f:-txt}
	for cmd in households overdue coverage goal visits; do
		if [ -n "$f" ]; then
			run --db "$DB" "$cmd" --format "$f"
		else
			run --db "$DB" "$cmd"
		fi
		check "$cmd ($ext)" 0
		same "$cmd on the demo ($ext), every row in its order" \
		    "lists-$cmd.$ext"
	done
done

# sqlfile NAME FILE: the last tsv without its header is what the
# reference SQL gives in the sqlite3 tool, byte for byte (but for the
# backslash, which a tsv field doubles).
sqlfile() {
	sqlite3 -readonly -tabs "$DB" <"$SQL/$2" | sed 's/\\/\\\\/g' >"$TMP/sql"
	if tail -n +2 "$TMP/out" | cmp -s - "$TMP/sql"; then
		ok "$1"
	else
		tail -n +2 "$TMP/out" | diff -u "$TMP/sql" - | head -20 >"$TMP/err"
		fail "$1" "$(head -c 300 "$TMP/err")"
	fi
}
run --db "$DB" overdue --format tsv
sqlfile "overdue: the reference SQL gives the same rows" overdue.sql
run --db "$DB" households --format tsv
sqlfile "households: the reference SQL gives the same rows" households.sql
run --db "$DB" visits --format tsv
sqlfile "visits: the reference SQL gives the same rows" visits.sql

# The text forms list the same households in the same order.
ids() { tail -n +2 "$TMP/out" | head -n -1 | awk '{ print $1 }'; }
for cmd in households overdue; do
	run --db "$DB" "$cmd" --format tsv
	tail -n +2 "$TMP/out" | cut -f1 >"$TMP/tsv-ids"
	run --db "$DB" "$cmd"
	if ids | cmp -s - "$TMP/tsv-ids"; then
		ok "$cmd: text and tsv have the same rows in the same order"
	else
		fail "$cmd: text and tsv have the same rows in the same order" \
		    "$(ids | diff "$TMP/tsv-ids" - | head -5)"
	fi
done

# coverage's awaiting is the GROUP BY of the reference SQL (its first
# query), 0 where it has no row.
run --db "$DB" coverage --format tsv
sed -n '/^SELECT h\.department/,/;$/p' "$SQL/coverage.sql" |
    sqlite3 -readonly -tabs "$DB" >"$TMP/sql"
if awk -F'\t' 'NR == FNR { n[$1, $2] = $3; next }
    FNR > 1 { want = 0; if (($1, $2) in n) want = n[$1, $2] }
    FNR > 1 && $4 != want { bad = 1; print } END { exit bad }' \
    "$TMP/sql" "$TMP/out" >"$TMP/err"; then
	ok "coverage: the awaiting of each stairwell is the SQL's count"
else
	fail "coverage: the awaiting of each stairwell is the SQL's count" \
	    "$(head -3 "$TMP/err")"
fi

# desk: each department's overdue, awaiting (open less overdue) and
# cases for the secretariat (the two halves) are the reference SQL's
# counts (its first four queries), and the total row adds them up.
run --db "$DB" desk --format tsv
awk -v RS=';\n' -v dir="$TMP" 'NR <= 4 { print $0 ";" > (dir "/desk" NR ".sql") }' \
    "$SQL/desk.sql"
for i in 1 2 3 4; do
	sqlite3 -readonly -tabs "$DB" <"$TMP/desk$i.sql" | sed "s/^/$i\t/"
done >"$TMP/sql"
if awk -F'\t' 'NR == FNR { n = $NF; if ($1 == 1) o[$2] += n;
    else if ($1 == 2) a[$2] += n; else s[$2] += n; next }
    FNR == 1 { next }
    $1 == "total" { if ($2 != ta || $3 != to || $4 != ts) { bad = 1; print }
        next }
    { want = ($2 == a[$1] - o[$1] && $3 == o[$1] + 0 && $4 == s[$1] + 0);
      ta += $2; to += $3; ts += $4; if (!want) { bad = 1; print } }
    END { exit bad || FNR < 3 }' "$TMP/sql" "$TMP/out" >"$TMP/err"; then
	ok "desk: each department's figures are the SQL's counts"
else
	fail "desk: each department's figures are the SQL's counts" \
	    "$(head -3 "$TMP/err")"
fi

# overdue --department: the rows of that department, in the same order.
run --db "$DB" overdue --format tsv
tail -n +2 "$TMP/out" | awk -F'\t' '$2 == "606"' >"$TMP/all"
run --db "$DB" overdue --department 606 --format tsv
if tail -n +2 "$TMP/out" | cmp -s - "$TMP/all"; then
	ok "overdue --department: the department's rows in the same order"
else
	fail "overdue --department: the department's rows in the same order" \
	    "differs"
fi
# visits --household: that household's visits in the same order.
hid=$(sqlite3 "$DB" "SELECT household_id FROM visit GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
run --db "$DB" visits --format tsv
tail -n +2 "$TMP/out" | awk -F'\t' -v h="$hid" '$2 == h' >"$TMP/all"
run --db "$DB" visits --household "$hid" --format tsv
if [ -s "$TMP/all" ] && tail -n +2 "$TMP/out" | cmp -s - "$TMP/all"; then
	ok "visits --household: its visits in the same order"
else
	fail "visits --household: its visits in the same order" "differs"
fi

# The audit row of each export counts the rows it printed.
for cmd in households overdue visits; do
	run --db "$DB" "$cmd" --format tsv
	n=$(($(wc -l <"$TMP/out") - 1))
	got=$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
	if [ "$got" = "$cmd tsv $n rows" ]; then
		ok "$cmd: the audit row counts the $n rows printed"
	else
		fail "$cmd: the audit row counts the $n rows printed" "$got"
	fi
done
run --db "$DB" visits --household 99999
check "visits of a household that is not there" 1 "there is no household 99999" stderr

# In Danish the columns without a title keep their widths: gettext gives
# the catalogue's header for "", which once made each such column 80
# wide (the coverage's lines and a visit's items).
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}
LANGUAGE=da run --db "$DB" coverage
check "coverage in Danish" 0 "ambassadør"
if grep -q '^     Opgang 2          1 ambassadør     [0-9]* venter på velkomst$' "$TMP/out" &&
    ! awk '/Opgang/ && length($0) > 80 { bad = 1 } END { exit !bad }' "$TMP/out"; then
	ok "coverage in Danish: a stairwell's line as narrow as in English"
else
	fail "coverage in Danish: a stairwell's line as narrow as in English" \
	    "$(grep -m1 'Opgang 2' "$TMP/out" | cut -c1-100)"
fi
LANGUAGE=da run --db "$DB" visits
check "visits in Danish" 0 "husstand"
if grep -q '^    gjort         [^ ]' "$TMP/out"; then
	ok "visits in Danish: an item's state in its 12 columns"
else
	fail "visits in Danish: an item's state in its 12 columns" \
	    "$(grep -m1 'gjort' "$TMP/out" | cut -c1-100)"
fi
