#!/usr/bin/env bash
# velkomst erase household ID: a household with a unique name, phone
# number, notes, a visit's note and a follow-up's note is erased for
# real: none of them is left in the database file, its -wal or its -shm
# (a byte search), while the yearly report of that year is the same,
# byte for byte, both from the figures kept for the closed period and
# counted again from the rows.  It asks first, refuses without a
# terminal, names the backups that still hold the data, and the
# backups older than the retention period can be pruned.
. "$(dirname "$0")/lib.sh"

NAME=Zqxwyvname
FAMILY=Kjqpfamilie
PHONE="31 41 59 26"
NOTE=Zqhouseholdnote
VNOTE=Zqvisitnote
FNOTE=Zqfollowupnote

q() {
	sqlite3 "$DB" "$1"
}
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got \"$2\", want \"$3\""; fi
}
# hits WORD: how many of the database's files hold WORD, in any case (byte
# search; the name index keeps names case-folded).
hits() {
	local n=0 f
	for f in "$DB" "$DB-wal" "$DB-shm"; do
		[ -e "$f" ] && grep -a -q -i -F -- "$1" "$f" && n=$((n + 1))
	done
	echo "$n"
}

run --db "$DB" demo
check "a demo database" 0

# Another process keeps the database open (as a screen would), so the
# -wal keeps what is written from here on when velkomst ends: only
# the erasure's checkpoint empties it.
{ echo "SELECT 'open', count(*) FROM meta;"; while [ ! -e "$TMP/stop" ]; do sleep 0.05; done; } |
    sqlite3 "$DB" >"$TMP/holder.out" 2>&1 &
holder=$!
for ((i = 0; i < 200; i++)); do
	grep -q open "$TMP/holder.out" 2>/dev/null && break
	sleep 0.05
done
printf 'Afdeling;Opgang;Lejlighed;Indflytningsdato;Navn 1;Navn 2;Telefon;Sprog;Tolk;Samtykke;Bem\xc3\xa6rkning\r\n' >"$TMP/in.csv"
printf '605;Opgang 1;3. th.;01-03-2018;%s %s;Ida %s;%s;arabisk;ja;ja;%s\r\n' \
    "$NAME" "$FAMILY" "$FAMILY" "$PHONE" "$NOTE" >>"$TMP/in.csv"
run --db "$DB" import moveins "$TMP/in.csv"
check "the household is imported" 0 "1 added"
ID=$(q "SELECT household_id FROM member WHERE name LIKE '$NAME%'")
[ -n "$ID" ] && ok "its number is $ID" || fail "its number" "not found"
# A declined visit with a note (the report counts it) and a follow-up
# with a note, written as the stock tool would.
q "INSERT INTO visit (household_id, date, ambassador, outcome, notes,
    created_at, created_by) VALUES ($ID, '2018-03-05', 'Birgit Holm',
    'declined', '$VNOTE', '2018-03-05 10:00:00', 'birgit');
    INSERT INTO followup (household_id, date, login, action, note,
    created_at) VALUES ($ID, '2018-03-20', 'sekretariat', 'letter',
    '$FNOTE', '2018-03-20 10:00:00')"

# The reports of 2018 before: kept for the closed period, and counted.
run --db "$DB" report --year 2018
cp "$TMP/out" "$TMP/kept-before"
q "DELETE FROM report_figure"
run --db "$DB" report --year 2018
cp "$TMP/out" "$TMP/counted-before"
grep -q "Declined" "$TMP/counted-before" || true

for w in "$NAME" "$FAMILY" "$PHONE" "$NOTE" "$VNOTE" "$FNOTE"; do
	n=$(hits "$w")
	[ "$n" -gt 0 ] && ok "before: \"$w\" is in the files" ||
	    fail "before: \"$w\" is in the files" "found nowhere"
done

is "the name is in the -wal" "$(grep -a -c -F "$NAME" "$DB-wal" | sed 's/^[1-9][0-9]*$/yes/')" yes
run --db "$DB" backup
check "a backup before the erasure" 0 "Backup made"

# No terminal, no --yes: nothing goes.
run --db "$DB" erase household "$ID" </dev/null
check "without a terminal and --yes it refuses" 1 "no terminal to ask on" stderr
is "the names are still there" "$(q "SELECT count(*) FROM member WHERE household_id = $ID")" 2
run --db "$DB" erase household
check "no number is a usage error" 2
run --db "$DB" erase household x12
check "a word is not a number" 2 "is not a household number" stderr
run --db "$DB" erase household 999999 --yes
check "a household that is not there" 1 "does not exist" stderr

run --db "$DB" erase household "$ID" --yes
check "erase household --yes" 0 "Household $ID is erased"
[ -e "$DB-wal" ] && ok "the -wal is still there (another process has the file open)" ||
    fail "the -wal is still there" "it is gone: the check below proves nothing"
check "it names what went" 0 "2 names"
check "the phone number went" 0 "the phone number"
check "it says the backups still hold it" 0 "still holds what was erased"
check "and lists them" 0 "velkomst-2019-06-01.db"
check "and how to prune them" 0 "velkomst backup --prune"

for w in "$NAME" "$FAMILY" "$PHONE" "$NOTE" "$VNOTE" "$FNOTE"; do
	is "after: \"$w\" is in none of the files" "$(hits "$w")" 0
done
is "the -wal is empty" "$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)" 0
touch "$TMP/stop"
wait "$holder"

# What the reports count stays.
is "the household stays, anonymous" \
    "$(q "SELECT department, stairwell, flat, moved_in, phone IS NULL, notes IS NULL, sort_key FROM household WHERE id = $ID")" \
    "605|Opgang 1||2018-03-01|1|1|"
is "the visit stays, its note a dash" \
    "$(q "SELECT date, outcome, notes FROM visit WHERE household_id = $ID")" \
    "2018-03-05|declined|-"
is "the follow-up stays, without its note" \
    "$(q "SELECT date, action, note IS NULL FROM followup WHERE household_id = $ID")" \
    "2018-03-20|letter|1"
is "the erasure is recorded" \
    "$(q "SELECT erased_on, why FROM household_erased WHERE household_id = $ID")" \
    "2019-06-01|request"
run --db "$DB" audit --format tsv
check "the audit trail says household erased" 0 "household erased"
if grep -q -F -e "$NAME" -e "$FAMILY" "$TMP/out"; then
	fail "the audit trail holds no name" "a name is in it"
else
	ok "the audit trail holds no name"
fi

run --db "$DB" report --year 2018
if cmp -s "$TMP/kept-before" "$TMP/out"; then
	ok "the report of 2018 is the same (kept figures)"
else
	diff -u "$TMP/kept-before" "$TMP/out" >"$TMP/err"
	fail "the report of 2018 is the same (kept figures)" "it changed"
fi
q "DELETE FROM report_figure"
run --db "$DB" report --year 2018
if cmp -s "$TMP/counted-before" "$TMP/out"; then
	ok "the report of 2018 is the same (counted again)"
else
	diff -u "$TMP/counted-before" "$TMP/out" >"$TMP/err"
	fail "the report of 2018 is the same (counted again)" "it changed"
fi

run --db "$DB" erase household "$ID" --yes
check "erasing it again does nothing" 0 "erased already"
run --db "$DB" check
check "velkomst check is content with an erased household" 0
run --db "$DB" households --format tsv
check "the list still has it" 0 "$ID"
run --db "$DB" households
check "the list says it is erased" 0 "(erased)"
run --db "$DB" visits --household "$ID"
check "its visits are listed" 0 "Birgit Holm"

# The backup made before still holds the name; pruning removes it once
# it is older than retention.backup_days (90).
is "the backup still holds the name" "$(grep -a -c -F "$NAME" "$TMP"/backups/velkomst-2019-06-01.db)" 1
VELKOMST_TODAY=2019-08-30 run --db "$DB" backup --prune
check "a backup 90 days old is kept" 0 "0 backups removed"
VELKOMST_TODAY=2019-08-31 run --db "$DB" backup --prune
check "backup --prune names what it removes" 0 "velkomst-2019-06-01.db"
check "and how many" 0 "1 backup removed"
[ -e "$TMP/backups/velkomst-2019-06-01.db" ] &&
    fail "the old backup is gone" "it is still there" || ok "the old backup is gone"
run --db "$DB" backup --prune "$TMP/x.db"
check "backup --prune takes no FILE" 2
