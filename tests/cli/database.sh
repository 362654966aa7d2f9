#!/usr/bin/env bash
# The database file: created private, demo, households, search, check, and
# files that are refused and left exactly as they were.
. "$(dirname "$0")/lib.sh"

# A demo never lands at the default path, where the real register is.
run demo --households 20
check "demo needs --db" 2 "demo needs --db" stderr
if [ -e "$XDG_DATA_HOME/velkomst" ]; then fail "demo without --db creates nothing" "it did"; else ok "demo without --db creates nothing"; fi

run --db "$DB" demo
check "demo makes at least 200 households" 0 "Created a demo database with 240 households"
run --db "$DB" demo
check "demo again does nothing" 0 "already a demo database"
run --db "$DB" households --format tsv
check "households --format tsv" 0
head -1 "$TMP/out" >"$TMP/header"
if [ "$(cat "$TMP/header")" = "$(printf 'id\tdepartment\tstairwell\tflat\tmoved_in\tmoved_out\tnames\tstatus\tlanguages')" ]; then
	ok "the tsv header has the agreed columns"
else
	fail "the tsv header has the agreed columns" "$(cat "$TMP/header")"
fi
n=$(($(wc -l <"$TMP/out") - 1))
if [ "$n" = 240 ]; then ok "tsv lists every household (paged)"; else fail "tsv lists every household (paged)" "$n rows"; fi
deps=$(tail -n +2 "$TMP/out" | cut -f2 | sort -u | wc -l)
if [ "$deps" = 9 ]; then ok "the demo spreads over all 9 departments"; else fail "the demo spreads over all 9 departments" "$deps"; fi
if tail -n +2 "$TMP/out" | cut -f5 | sort -c -r; then ok "tsv is newest move-in first"; else fail "tsv is newest move-in first" "not sorted"; fi
cut -f8 "$TMP/out" | grep -qx 'moved_out' && ok "the demo has households that moved out" || fail "the demo has households that moved out" "none"
for s in 'æ\|Æ' 'ø\|Ø' 'å\|Å' 'محمد\|فاطمة' '王\|张\|陈\|刘'; do
	if grep -q "$s" "$TMP/out"; then ok "the demo has names with $s"; else fail "the demo has names with $s" "none"; fi
done
run --db "$DB" households --search soren --format tsv
same "households --search soren" search-soren.tsv
run --db "$DB" households --search SØREN --format tsv
same "SØREN finds the same as soren" search-soren.tsv
run --db "$DB" households --search Søren --format tsv
same "Søren finds the same as soren" search-soren.tsv
run --db "$DB" households --search "aa" --format tsv
if grep -q 'Å' "$TMP/out"; then ok "\"aa\" finds Å"; else fail "\"aa\" finds Å" "no Å"; fi
run --db "$DB" households --search "jens" --format tsv
if cut -f7 "$TMP/out" | grep -q -- '-Jensen\| Jensen'; then ok "a word after a hyphen or space is found"; else fail "a word after a hyphen or space is found" "none"; fi
run --db "$DB" households --department "tm 13" --format tsv
if [ "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u)" = tm13 ]; then ok "--department by short name, any case"; else fail "--department by short name, any case" "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u | tr '\n' ' ')"; fi
run --db "$DB" households --department "TM 99"
check "households --department that is no department is refused" 2
run --db "$DB" households --department "Tranemosegaard afd. 13" --format tsv
if [ "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u)" = tm13 ]; then ok "--department filters"; else fail "--department filters" "$(tail -n +2 "$TMP/out" | cut -f2 | sort -u | tr '\n' ' ')"; fi
run --db "$DB" households --search soren
same "households text form" search-soren.txt
run --db "$DB" check
check "check: a good database" 0 "no problems found"

# A database with a broken reference: check finds it.
cp "$DB" "$TMP/broken.db"
sqlite3 "$TMP/broken.db" "PRAGMA foreign_keys=OFF; INSERT INTO member(household_id, position, name, search_key, sort_key) VALUES (99999, 0, 'X', 'x', '00');"
run --db "$TMP/broken.db" check
check "check reports a foreign key problem" 1 "found."
if grep -q 'Checking the database' "$TMP/out" "$TMP/err"; then
	fail "check in a file: no line of its parts" "$(head -c 200 "$TMP/err")"
else
	ok "check in a file: no line of its parts"
fi

# On a terminal (script(1) gives it one) check names each of its four
# parts as it begins, on one line written over in place, and clears
# that line before a problem and at the end: the screen keeps the
# problem and the count only.
on_tty --db "$TMP/broken.db" check
if [ "$RC" = 1 ] &&
    grep -q 'Checking the database (1 of 4): every page of the file…' "$TMP/tty" &&
    grep -q 'Checking the database (2 of 4): the links between records…' "$TMP/tty" &&
    grep -q 'Checking the database (4 of 4): the stored text…' "$TMP/tty"; then
	ok "check on a terminal: a line names each part"
else
	fail "check on a terminal: a line names each part" \
	    "exit $RC: $(tr '\r' '\n' <"$TMP/tty" | head -c 400)"
fi
if ! grep -q 'Checking' "$TMP/shown" &&
    grep -q '^  member row [0-9]* refers to a household row' "$TMP/shown" &&
    grep -q '^Database .*: 1 problem found\.$' "$TMP/shown"; then
	ok "check on a terminal: the line is cleared, the problem stays whole"
else
	fail "check on a terminal: the line is cleared, the problem stays whole" \
	    "$(tail -4 "$TMP/shown")"
fi

# Files that are refused and left as they were.
printf 'Dear diary,\nthis is not a database.\n' >"$TMP/diary.txt"
cp "$TMP/diary.txt" "$TMP/diary.orig"
run --db "$TMP/diary.txt" households
check "a text file is refused" 1 "is not a velkomst database" stderr
cmp -s "$TMP/diary.txt" "$TMP/diary.orig" && ok "the text file is left as it was" || fail "the text file is left as it was" "changed"
run --db "$TMP/diary.txt" demo
check "demo refuses a file that is not a velkomst database" 1 "" stderr

sqlite3 "$TMP/other.db" "CREATE TABLE recipes(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes(name) VALUES ('æblekage');"
chmod 600 "$TMP/other.db"	# private, as velkomst asks: refused for what it is
cp "$TMP/other.db" "$TMP/other.orig"
run --db "$TMP/other.db" households
check "another program's database is refused" 1 "is not a velkomst database" stderr
cmp -s "$TMP/other.db" "$TMP/other.orig" && [ ! -e "$TMP/other.db-wal" ] && ok "the other database is left as it was" || fail "the other database is left as it was" "changed"

# Another program's database in WAL mode, its last change still in the
# -wal: refusing it must not checkpoint that change into the file.
sqlite3 "$TMP/wal.db" ".dbconfig no_ckpt_on_close on" "PRAGMA journal_mode=WAL;" \
    "CREATE TABLE notes(x);" "INSERT INTO notes VALUES ('private');" >/dev/null
chmod 600 "$TMP/wal.db"	# its -wal stays 0644
cp "$TMP/wal.db" "$TMP/wal.orig"
cp "$TMP/wal.db-wal" "$TMP/wal.orig-wal"
run --db "$TMP/wal.db" households
check "a foreign WAL database is refused" 1 "is not a velkomst database" stderr
cmp -s "$TMP/wal.db" "$TMP/wal.orig" && cmp -s "$TMP/wal.db-wal" "$TMP/wal.orig-wal" &&
    ok "the foreign WAL database and its -wal are left as they were" ||
    fail "the foreign WAL database and its -wal are left as they were" "changed"

cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version=99;"
cp "$TMP/newer.db" "$TMP/newer.orig"
run --db "$TMP/newer.db" households
check "a database from a newer velkomst is refused" 1 "newer velkomst" stderr
cmp -s "$TMP/newer.db" "$TMP/newer.orig" && ok "the newer database is left as it was" || fail "the newer database is left as it was" "changed"

cp "$DB" "$TMP/corrupt.db"
sqlite3 "$TMP/corrupt.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
size=$(stat -c %s "$TMP/corrupt.db")
dd if=/dev/urandom of="$TMP/corrupt.db" bs=1 seek=$((size / 2)) count=$((size / 4)) conv=notrunc 2>/dev/null
cp "$TMP/corrupt.db" "$TMP/corrupt.orig"
run --db "$TMP/corrupt.db" households
check "a corrupt database is refused" 1 "damaged" stderr
# The export's audit row is written before its rows are printed, and
# the register's count (the tally) does not read the damaged pages: so
# the file may hold that row now, and nothing else of ours.
n=$(sqlite3 "$TMP/corrupt.db" "SELECT count(*) FROM audit WHERE kind = 'export'" 2>/dev/null)
[ "${n:-0}" -le 1 ] && ok "the corrupt database gets at most the export's audit row" || fail "the corrupt database gets at most the export's audit row" "$n export rows"

# An existing, empty database that is not a demo: demo leaves it alone.
cp "$DB" "$TMP/real.db"
sqlite3 "$TMP/real.db" "DELETE FROM meta WHERE key = 'demo'; DELETE FROM household;"
run --db "$TMP/real.db" demo
check "demo refuses an empty real database" 1 "not a demo database" stderr
run --db "$TMP/real.db" households --format tsv
[ "$(wc -l <"$TMP/out")" = 1 ] && ok "the real database stays empty" || fail "the real database stays empty" "$(wc -l <"$TMP/out") lines"

# A read-only database: reading works; an export, which the audit trail
# must record first, is refused (more in export.sh).
cp "$DB" "$TMP/ro.db"
sqlite3 "$TMP/ro.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
chmod 0400 "$TMP/ro.db"
run --db "$TMP/ro.db" coverage --format tsv
same "a read-only database can be read" coverage.tsv
run --db "$TMP/ro.db" households --search soren --format tsv
check "a read-only database refuses an export" 1 "nothing was exported" stderr
