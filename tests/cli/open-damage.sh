#!/usr/bin/env bash
# A damaged database file: opening reads only its first pages (no
# whole-file check on every start), so damage there is refused at once
# and the file left as it was; damage deeper in the file is said in a
# sentence by what reads it, and `velkomst check` reads the whole file
# and names the damaged pages.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo
check "demo" 0
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
size=$(stat -c %s "$DB")

# The header's page (the list of tables) damaged: refused at open.
cp "$DB" "$TMP/head.db"
head -c 3996 /dev/zero | tr '\0' '\377' | dd of="$TMP/head.db" bs=1 seek=100 conv=notrunc 2>/dev/null
cp "$TMP/head.db" "$TMP/head.orig"
run --db "$TMP/head.db" households
check "damage on the first page is refused at open" 1 "head.db is damaged" stderr
cmp -s "$TMP/head.db" "$TMP/head.orig" && ok "the file damaged at its head is left as it was" || fail "the file damaged at its head is left as it was" "changed"

# Damage in the middle: the command that reads it says so, and crashes
# not (ASan build).
cp "$DB" "$TMP/mid.db"
head -c $((size / 4)) /dev/zero | tr '\0' '\377' | dd of="$TMP/mid.db" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
cp "$TMP/mid.db" "$TMP/mid.orig"
run --db "$TMP/mid.db" households --format tsv
check "damage in the middle is said when a command reads it" 1 "The database file $TMP/mid.db is damaged" stderr
# The export's audit row is written before its rows are printed (the
# register's count comes from the tally, which the damage does not
# touch), so the file may hold one more audit row now: what was there
# is still there.
n=$(sqlite3 "$TMP/mid.db" "SELECT count(*) FROM audit WHERE kind = 'export'" 2>/dev/null)
[ "${n:-0}" -le 1 ] && ok "the damaged file gets at most the export's audit row" || fail "the damaged file gets at most the export's audit row" "$n export rows"
cp "$TMP/mid.orig" "$TMP/mid.db"

# velkomst check opens it and reads every page: it names the damaged
# pages (integrity_check), not only that the file is damaged.
run --db "$TMP/mid.db" check
check "check exits 1 on a damaged file" 1
if grep -q '^Page [0-9]*:' "$TMP/out" || grep -q 'Tree [0-9]* page' "$TMP/out"; then
	ok "check names the damaged pages"
else
	fail "check names the damaged pages" "$(head -c 300 "$TMP/out")"
fi
cmp -s "$TMP/mid.db" "$TMP/mid.orig" && ok "check leaves the damaged file as it was" || fail "check leaves the damaged file as it was" "changed"
