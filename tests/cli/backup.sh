#!/usr/bin/env bash
# velkomst backup and restore: a backup made while another process
# writes holds what was committed before it began, passes SQLite's check,
# is private and alone (no -wal), gets a dated name, never replaces a
# file; a restore brings the households back, keeps the replaced
# database aside and upgrades an older one; a damaged file, another
# program's and a newer velkomst's are refused and nothing is replaced;
# a restore is refused while someone is logged in.
. "$(dirname "$0")/lib.sh"

# households: the register as tsv (an export: it writes an audit row).
households() {
	"$BIN" --db "$DB" households --format tsv
}

# count FILE SQL: one number from the stock sqlite3 tool.
count() {
	sqlite3 "$1" "$2"
}

run --db "$DB" demo
check "a demo to back up" 0

# ---- a backup while another process writes -------------------------------
# The writer commits a row to meta every few milliseconds, through the
# stock sqlite3 tool (WAL, one transaction each), until it is stopped.
writer() {
	local i=0
	echo ".timeout 10000"
	while [ ! -e "$TMP/stop" ]; do
		i=$((i + 1))
		echo "INSERT INTO meta (key, value) VALUES ('load-$i', 'x');"
		sleep 0.005
	done
}
writer | sqlite3 "$DB" >"$TMP/writer.out" 2>"$TMP/writer.err" &
wpid=$!
for ((i = 0; i < 400; i++)); do
	n=$(count "$DB" "SELECT count(*) FROM meta WHERE key LIKE 'load-%'" 2>/dev/null)
	[ "${n:-0}" -ge 20 ] && break
	sleep 0.05
done
before=$(count "$DB" "SELECT count(*) FROM meta WHERE key LIKE 'load-%'")
run --db "$DB" backup "$TMP/during.db"
check "backup while another process writes" 0 "Backup made: $TMP/during.db"
# The overlap was real: the writer wrote before the backup began, and was
# still writing when it ended.
if kill -0 "$wpid" 2>/dev/null; then
	ok "the writer still ran when the backup ended"
else
	fail "the writer still ran when the backup ended" "it had stopped: no overlap"
fi
for ((i = 0; i < 400; i++)); do
	after=$(count "$DB" "SELECT count(*) FROM meta WHERE key LIKE 'load-%'")
	[ "$after" -gt "$before" ] && break
	sleep 0.05
done
touch "$TMP/stop"
wait "$wpid"
if [ "$before" -ge 20 ] && [ "$after" -gt "$before" ]; then
	ok "the writer went on writing ($before rows before the backup, $after after)"
else
	fail "the writer went on writing" "$before before, $after after"
fi
if [ ! -s "$TMP/writer.err" ]; then ok "the writer was never refused"; else fail "the writer was never refused" "$(head -3 "$TMP/writer.err")"; fi
got=$(count "$TMP/during.db" "PRAGMA integrity_check")
if [ "$got" = ok ]; then ok "the copy passes integrity_check"; else fail "the copy passes integrity_check" "$got"; fi
incopy=$(count "$TMP/during.db" "SELECT count(*) FROM meta WHERE key LIKE 'load-%'")
if [ "$incopy" -ge "$before" ] && [ "$incopy" -le "$after" ]; then
	ok "the copy holds every row committed before it began ($before <= $incopy <= $after)"
else
	fail "the copy holds every row committed before it began" "$incopy rows, $before before, $after after"
fi
if [ "$(count "$TMP/during.db" "SELECT count(*) FROM household")" = 240 ]; then ok "the copy holds the 240 households"; else fail "the copy holds the 240 households" "it does not"; fi
mode=$(stat -c %a "$TMP/during.db")
if [ "$mode" = 600 ]; then ok "the copy is private (0600)"; else fail "the copy is private (0600)" "mode $mode"; fi
if [ ! -e "$TMP/during.db-wal" ] && [ ! -e "$TMP/during.db-journal" ]; then
	ok "no -wal or -journal beside the copy"
else
	fail "no -wal or -journal beside the copy" "$(ls "$TMP")"
fi
# A plain rollback-journal file (header bytes 18 and 19 are 1, not 2).
hdr=$(od -A n -t u1 -j 18 -N 2 "$TMP/during.db" | tr -s ' ')
if [ "$hdr" = " 1 1" ]; then ok "the copy is a rollback-journal file"; else fail "the copy is a rollback-journal file" "header bytes 18-19:$hdr"; fi
run --db "$DB" audit --format tsv
if grep -q "$(printf 'backup made\t\t0\tduring.db')" "$TMP/out"; then ok "the audit trail has \"backup made\" with the file's name"; else fail "the audit trail has \"backup made\" with the file's name" "no row"; fi

# ---- the dated names, and never over a file -------------------------------
run --db "$DB" backup
check "backup without FILE" 0 "$TMP/backups/velkomst-2019-06-01.db"
run --db "$DB" backup
check "a second backup the same day gets -2" 0 "$TMP/backups/velkomst-2019-06-01-2.db"
if [ "$(stat -c %a "$TMP/backups")" = 700 ]; then ok "backups/ is private (0700)"; else fail "backups/ is private (0700)" "mode $(stat -c %a "$TMP/backups")"; fi
if [ "$(count "$TMP/backups/velkomst-2019-06-01-2.db" "PRAGMA integrity_check")" = ok ]; then ok "the -2 copy passes integrity_check"; else fail "the -2 copy passes integrity_check" "it does not"; fi
echo "keep me" >"$TMP/taken.db"
run --db "$DB" backup "$TMP/taken.db"
check "a backup never replaces a file" 1 "is there already" stderr
if [ "$(cat "$TMP/taken.db")" = "keep me" ]; then ok "the file there is left as it was"; else fail "the file there is left as it was" "changed"; fi
run --db "$DB" backup "$TMP/no/such/folder/x.db"
check "a backup into a folder that is not there" 1 "could not be created" stderr

# ---- restore ---------------------------------------------------------------
households >"$TMP/full.tsv"
sqlite3 "$DB" "PRAGMA foreign_keys = ON; DELETE FROM household WHERE id > 100;"
households >"$TMP/cut.tsv"
if [ "$(($(wc -l <"$TMP/cut.tsv") - 1))" = 100 ]; then ok "100 households left after the loss"; else fail "100 households left after the loss" "$(wc -l <"$TMP/cut.tsv")"; fi
run --db "$DB" restore "$TMP/during.db" </dev/null
check "restore without a terminal and without --yes is refused" 1 "no terminal to ask on" stderr
households >"$TMP/now.tsv"
if cmp -s "$TMP/cut.tsv" "$TMP/now.tsv"; then ok "nothing was replaced without --yes"; else fail "nothing was replaced without --yes" "changed"; fi
run --db "$DB" restore "$TMP/during.db" --yes
check "restore a good backup with --yes" 0 "is restored from $TMP/during.db: 240 households"
households >"$TMP/back.tsv"
if cmp -s "$TMP/full.tsv" "$TMP/back.tsv"; then ok "the households came back"; else fail "the households came back" "$(diff "$TMP/full.tsv" "$TMP/back.tsv" | head -3)"; fi
aside=$(ls "$TMP"/velkomst.db.before-restore-2019-06-01-* 2>/dev/null | head -1)
if [ -n "$aside" ] && grep -q "kept in $aside" "$TMP/out"; then ok "the replaced database is kept aside and named"; else fail "the replaced database is kept aside and named" "$(ls "$TMP")"; fi
if [ -n "$aside" ] && [ "$(count "$aside" "SELECT count(*) FROM household")" = 100 ] &&
    [ "$(stat -c %a "$aside")" = 600 ]; then
	ok "the kept copy holds the replaced content (100 households), 0600"
else
	fail "the kept copy holds the replaced content (100 households), 0600" "it does not"
fi
run --db "$DB" audit --format tsv
check "the restored database's trail says so" 0 "database restored"
run --db "$DB" check
check "the restored database passes check" 0 "no problems found"
if [ "$(count "$DB" "PRAGMA journal_mode")" = wal ]; then ok "the database is still in WAL mode"; else fail "the database is still in WAL mode" "$(count "$DB" "PRAGMA journal_mode")"; fi

# On a terminal a backup and a restore say what they are doing, on a
# line written over in place (a backup takes 77 s at a million
# households) and cleared before what they print when done.
on_tty --db "$DB" backup "$TMP/tty-backup.db"
busy_then "backup on a terminal: a line while it works, then only the result" \
    0 Making "^Backup made: $TMP/tty-backup.db (240 households" \
    'Making the backup: a copy, then a check of it…'
on_tty --db "$DB" restore "$TMP/tty-backup.db" --yes
busy_then "restore on a terminal: a line while it works, then only the result" \
    0 'Checking the\|Keeping the' \
    "is restored from $TMP/tty-backup.db: 240 households" \
    'Checking the backup…' 'Keeping the database aside, then restoring…'

# An older velkomst's backup (schema 9, before who is logged in was
# kept) is upgraded.
cp "$TMP/during.db" "$TMP/old.db"
sqlite3 "$TMP/old.db" "DROP TABLE logged_in; PRAGMA user_version = 9;"
run --db "$DB" restore "$TMP/old.db" --yes
check "restore an older velkomst's backup" 0 "is restored from"
if [ "$(count "$DB" "PRAGMA user_version")" -gt 9 ] && [ "$(count "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'logged_in'")" = 1 ]; then
	ok "the older backup is upgraded"
else
	fail "the older backup is upgraded" "schema $(count "$DB" "PRAGMA user_version")"
fi

# ---- files refused: nothing is replaced ----------------------------------
households >"$TMP/before.tsv"
# refused NAME FILE TEXT: a restore from FILE is refused with TEXT, says
# nothing was replaced, and leaves the database, FILE and the folder as
# they were (no copy kept aside, nothing made beside FILE).
refused() {
	local sum asides
	sum=$(cksum <"$2")
	asides=$(ls "$TMP" | grep -c before-restore)
	run --db "$DB" restore "$2" --yes
	check "$1 is refused" 1 "$3" stderr
	grep -qi "nothing was replaced" "$TMP/err" && ok "$1: says nothing was replaced" ||
	    fail "$1: says nothing was replaced" "it does not"
	households >"$TMP/after.tsv"
	if cmp -s "$TMP/before.tsv" "$TMP/after.tsv"; then ok "$1: the database is unchanged"; else fail "$1: the database is unchanged" "changed"; fi
	if [ "$(cksum <"$2")" = "$sum" ] && [ ! -e "$2-wal" ] && [ ! -e "$2-shm" ] &&
	    [ ! -e "$2-journal" ] && [ "$(ls "$TMP" | grep -c before-restore)" = "$asides" ]; then
		ok "$1: the file is left as it was, nothing kept aside"
	else
		fail "$1: the file is left as it was, nothing kept aside" "$(ls "$TMP")"
	fi
}
cp "$TMP/during.db" "$TMP/damaged.db"
size=$(stat -c %s "$TMP/damaged.db")
# A whole page in the middle overwritten: a backup (VACUUM INTO) has no
# free pages, so it is one in use (bytes in a page's unused space alone
# are not damage SQLite's check can see).
pagesize=$(sqlite3 "$TMP/damaged.db" 'PRAGMA page_size')
head -c "$pagesize" /dev/zero | tr '\0' 'x' |
    dd of="$TMP/damaged.db" bs="$pagesize" seek=$((size / pagesize / 2)) \
    conv=notrunc 2>/dev/null
refused "a damaged backup (a page in the middle overwritten)" "$TMP/damaged.db" "is damaged"
cp "$TMP/during.db" "$TMP/short.db"
truncate -s $((size / 2)) "$TMP/short.db"
refused "a truncated backup" "$TMP/short.db" "is damaged"
sqlite3 "$TMP/recipes.db" "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('æblekage');"
refused "another program's SQLite file" "$TMP/recipes.db" "is not a velkomst database"
printf 'Dear diary,\n' >"$TMP/diary.txt"
refused "a text file" "$TMP/diary.txt" "is not a velkomst database"
cp "$TMP/during.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99;"
refused "a newer velkomst's backup" "$TMP/newer.db" "newer velkomst (schema 99)"
run --db "$DB" restore "$DB" --yes
check "the database itself is refused" 1 "the database itself" stderr

# ---- someone logged in ------------------------------------------------------
# A process that runs (a sleep of this test) stands for a velkomst at
# the screens; its row is what the screens write at a login.
sleep 600 &
spid=$!
host=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)
sqlite3 "$DB" "INSERT INTO logged_in (login, pid, host, since) VALUES ('birgit', $spid, '$host', '2019-06-01 08:05:00');"
refused "a restore while someone is logged in" "$TMP/during.db" "1 person is logged in"
grep -q "birgit (since .*process $spid on $host)" "$TMP/err" && ok "it says who" || fail "it says who" "$(cat "$TMP/err")"
kill "$spid"
wait "$spid" 2>/dev/null
# Now that process is gone: its row is stale and counts for nothing.
run --db "$DB" restore "$TMP/during.db" --yes
check "a stale row (its process is gone) does not stop a restore" 0 "is restored from"
if [ "$(count "$DB" "SELECT count(*) FROM logged_in")" = 0 ]; then ok "the stale row is gone"; else fail "the stale row is gone" "it is there"; fi
