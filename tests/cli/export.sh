#!/usr/bin/env bash
# An export leaves velkomst only once the audit trail records it: the
# audit row is written (and says what and how many rows) before a byte is
# printed; a read-only file or a write lock held too long refuses the
# export, prints nothing and ends with 1.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 30
check "the demo" 0 "Created a demo database"

# exports NAME: how many export rows the trail has.
exports() {
	sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'export'"
}
# last_export: the detail of the newest export row.
last_export() {
	sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1"
}

# ---- what the row says -------------------------------------------------
for cmd in households ambassadors overdue visits; do
	run --db "$DB" $cmd --format tsv
	check "$cmd --format tsv" 0
	n=$(($(wc -l <"$TMP/out") - 1))
	d=$(last_export)
	if [ "$n" = 1 ]; then want="$cmd tsv 1 row"; else want="$cmd tsv $n rows"; fi
	[ "$d" = "$want" ] && ok "$cmd: the row counts what was printed" || fail "$cmd: the row counts what was printed" "\"$d\", printed $n"
done
run --db "$DB" households
check "households as text" 0 "30 households"
[ "$(last_export)" = "households text 30 rows" ] && ok "a text export is recorded as text" || fail "a text export is recorded as text" "$(last_export)"
run --db "$DB" visits --household 99999
check "an export that fails" 1 "no household 99999" stderr
[ "$(last_export)" = "households text 30 rows" ] && ok "a failed export writes no row" || fail "a failed export writes no row" "$(last_export)"

# ---- a read-only file ------------------------------------------------------
cp "$DB" "$TMP/ro.db"
sqlite3 "$TMP/ro.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
chmod 0400 "$TMP/ro.db"
before=$(sqlite3 "$TMP/ro.db" "SELECT count(*) FROM audit")
for cmd in households ambassadors overdue visits; do
	for f in text tsv; do
		run --db "$TMP/ro.db" $cmd --format $f
		check "read-only: $cmd ($f) is refused" 1 "cannot be recorded in the audit trail; nothing was exported" stderr
		[ -s "$TMP/out" ] && fail "read-only: $cmd ($f) prints nothing" "$(head -c 200 "$TMP/out")" || ok "read-only: $cmd ($f) prints nothing"
	done
done
[ "$(sqlite3 "$TMP/ro.db" "SELECT count(*) FROM audit")" = "$before" ] && ok "read-only: no row was written" || fail "read-only: no row was written" "the trail changed"
run --db "$TMP/ro.db" goal
check "read-only: goal still reads" 0 "recruited"
run --db "$TMP/ro.db" audit --format tsv
check "read-only: audit still reads" 0 $'time\tlogin'

# ---- a write lock held for longer than the wait ------------------------------
mkfifo "$TMP/sql"
# hold_lock FILE: another program (the sqlite3 tool) holds FILE's write
# lock until release_lock.
hold_lock() {
	rm -f "$TMP/locked"
	sqlite3 "$1" <"$TMP/sql" >"$TMP/lock.out" 2>&1 &
	lockpid=$!
	exec 4>"$TMP/sql"
	printf 'BEGIN IMMEDIATE;\nINSERT INTO meta (key, value) VALUES (%s, %s);\n.system touch %s\n' \
	    "'lock-test'" "'1'" "$TMP/locked" >&4
	for i in $(seq 200); do [ -e "$TMP/locked" ] && break; sleep 0.05; done
}
release_lock() {
	printf 'COMMIT;\n' >&4
	exec 4>&-
	wait "$lockpid"
}
hold_lock "$DB"
[ -e "$TMP/locked" ] && ok "another program holds the write lock" || fail "another program holds the write lock" "$(cat "$TMP/lock.out")"
before=$(exports)
for cmd in households ambassadors overdue visits; do
	VELKOMST_BUSY_MS=200 run --db "$DB" $cmd --format tsv
	check "locked: $cmd is refused" 1 "could not be recorded in the audit trail, so nothing was exported" stderr
	[ -s "$TMP/out" ] && fail "locked: $cmd prints nothing" "$(head -c 200 "$TMP/out")" || ok "locked: $cmd prints nothing"
done
release_lock
[ "$(exports)" = "$before" ] && ok "locked: no export row was written" || fail "locked: no export row was written" "$(exports), was $before"
VELKOMST_BUSY_MS=200 run --db "$DB" households --format tsv
check "once the lock is gone the export works" 0 $'id\tdepartment'
[ "$(exports)" = "$((before + 1))" ] && ok "and is recorded" || fail "and is recorded" "$(exports)"

# ---- more rows than an export keeps in memory (10,000) ------------------------
# Up to 10,000 rows are printed into memory and the row written on the same
# connection; more are printed straight from the snapshot while a second
# connection writes the row.  Both ways count what they print, and both
# refuse under a write lock.
BIG=$TMP/big.db
run --db "$BIG" demo --households 10005
check "a demo of 10,005 households" 0 "10005 households"
run --db "$BIG" households --format tsv
check "10,005 households are printed" 0 $'id\tdepartment'
n=$(($(wc -l <"$TMP/out") - 1))
d=$(sqlite3 "$BIG" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
[ "$n" = 10005 ] && [ "$d" = "households tsv 10005 rows" ] && ok "printed from the snapshot: the row counts what was printed" || fail "printed from the snapshot: the row counts what was printed" "\"$d\", printed $n"
run --db "$BIG" households --format tsv --department 605
n=$(($(wc -l <"$TMP/out") - 1))
d=$(sqlite3 "$BIG" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
[ "$n" -gt 0 ] && [ "$n" -le 10000 ] && [ "$d" = "households tsv $n rows" ] && ok "kept in memory: the row counts what was printed" || fail "kept in memory: the row counts what was printed" "\"$d\", printed $n"
hold_lock "$BIG"
[ -e "$TMP/locked" ] && ok "another program holds the lock of 10,005" || fail "another program holds the lock of 10,005" "$(cat "$TMP/lock.out")"
before=$(sqlite3 "$BIG" "SELECT count(*) FROM audit WHERE kind = 'export'")
VELKOMST_BUSY_MS=200 run --db "$BIG" households --format tsv
check "locked: 10,005 households are refused" 1 "could not be recorded in the audit trail, so nothing was exported" stderr
[ -s "$TMP/out" ] && fail "locked: 10,005 households print nothing" "$(head -c 200 "$TMP/out")" || ok "locked: 10,005 households print nothing"
release_lock
[ "$(sqlite3 "$BIG" "SELECT count(*) FROM audit WHERE kind = 'export'")" = "$before" ] && ok "locked: 10,005 households write no row" || fail "locked: 10,005 households write no row"
