#!/usr/bin/env bash
# A demo killed while it fills (kill -9) can be run again: the fill is one
# transaction, so the file has the demo mark and nothing else, and the
# next run recognises it and makes the demo again.
. "$(dirname "$0")/lib.sh"

"$BIN" --db "$DB" demo --households 20000 >"$TMP/out" 2>"$TMP/err" &
pid=$!
# Wait, looking only at the files' sizes, until the fill has written
# 4 MB into the file or its -wal (the bulk batch writes into the file
# itself, with a rollback journal), so that the kill leaves pages half
# written to roll back; the mark is saved before the fill begins.  The
# wait never opens the file: a reader that has it open when the fill
# begins keeps the fill in WAL mode (the demo may not leave it then).
size() {
	local s
	s=$(stat -c %s "$1" 2>/dev/null) || s=0
	echo "$s"
}
for i in $(seq 600); do
	[ $(($(size "$DB") + $(size "$DB-wal"))) -gt 4194304 ] && break
	sleep 0.05
done
grown=$(size "$DB") journal=$([ -e "$DB-journal" ] && echo yes || echo no)
kill -9 "$pid"
wait "$pid" 2>/dev/null
RC=$?
[ "$RC" = 137 ] && ok "the demo was killed while it filled" || fail "the demo was killed while it filled" "exit $RC: $(cat "$TMP/out" "$TMP/err")"
if [ "$grown" -gt 4194304 ] && [ "$journal" = yes ]; then
	ok "the fill wrote into the file, with a rollback journal"
else
	fail "the fill wrote into the file, with a rollback journal" "$grown bytes, journal: $journal"
fi
n=$(sqlite3 "$DB" "SELECT count(*) FROM household")
[ "$n" = 0 ] && ok "the killed fill left no household" || fail "the killed fill left no household" "$n"

run --db "$DB" demo --households 25
check "demo again after a kill" 0 "An earlier demo was interrupted; created it again with 25 households"
n=$(sqlite3 "$DB" "SELECT count(*) FROM household")
[ "$n" = 25 ] && ok "the new demo is whole" || fail "the new demo is whole" "$n households"
m=$(sqlite3 "$DB" "PRAGMA journal_mode")
[ "$m" = wal ] && ok "the demo leaves the file in WAL mode" || fail "the demo leaves the file in WAL mode" "$m"
run --db "$DB" user list --format tsv
check "with its logins" 0 $'sekretariat\tsecretariat'
run --db "$DB" check
check "and no damage" 0 "no problems found"
run --db "$DB" demo --households 25
check "a whole demo is left alone" 0 "already a demo database"

# A demo whose households were all deleted is still a demo, not half made.
sqlite3 "$DB" "DELETE FROM household;"
run --db "$DB" demo
check "a demo emptied by hand is not made again" 0 "already a demo database"
