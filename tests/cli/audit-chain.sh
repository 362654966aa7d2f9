#!/usr/bin/env bash
# The audit trail's chain against the stock sqlite3 tool: a row deleted,
# changed or inserted, the last rows deleted, the table emptied and the
# triggers dropped are each reported by `velkomst check` (exit 1 and a
# sentence naming the row); opening the database puts the triggers back
# and says so on stderr, and the trail records it.
. "$(dirname "$0")/lib.sh"

printf 'accounts = { hash_cost = "minimum"; };\n' >"$TMP/fast.conf"
V=(--config "$TMP/fast.conf" --db "$DB")

# A database with an admin and a few exports: rows 1 to 6.
printf 'a-long-password\na-long-password\n' | "$BIN" "${V[@]}" init --password-stdin >/dev/null 2>&1
for i in 1 2 3 4 5; do run "${V[@]}" households --format tsv; done
run "${V[@]}" check
check "a whole trail: no problems" 0 "no problems found"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE length(hash) = 64")
[ "$n" = 6 ] && ok "every row has its hash" || fail "every row has its hash" "$n of 6"

# fresh NAME: a copy of the good database to spoil.
fresh() {
	cp "$DB" "$TMP/$1.db"
	F=$TMP/$1.db
	W=(--config "$TMP/fast.conf" --db "$F")
}

fresh deleted
sqlite3 "$F" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3;"
run "${W[@]}" check
check "a deleted row: check fails" 1 "Audit row 3 is missing: it was removed"
check "a deleted row: the dropped trigger is named" 1 "audit_no_delete is missing"

fresh changed
sqlite3 "$F" "DROP TRIGGER audit_no_update; UPDATE audit SET login = 'someone' WHERE id = 2;"
run "${W[@]}" check
check "a changed row: check fails" 1 "Audit row 2 was changed after it was written"

fresh inserted
sqlite3 "$F" "INSERT INTO audit (at, login, kind) VALUES ('2019-06-01 10:00:00', 'admin', 'login');"
run "${W[@]}" check
check "an inserted row: check fails" 1 "Audit row 7 was not written by velkomst"

fresh tail
sqlite3 "$F" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > 4;"
run "${W[@]}" check
check "the last rows deleted: check fails" 1 "Audit rows 5 to 6 are missing"
# velkomst writes on (and puts the trigger back): the gap stays.
run "${W[@]}" households --format tsv
check "an export after the tail was cut" 0
run "${W[@]}" check
check "the cut tail is still reported after a new row" 1 "Audit rows 5 to 6 are missing"

fresh emptied
sqlite3 "$F" "DROP TRIGGER audit_no_delete; DELETE FROM audit;"
run "${W[@]}" check
check "an emptied trail: check fails" 1 "The audit trail is empty, but velkomst had written rows up to row 6"

# Triggers dropped: check names them; a command that writes puts them
# back and says so on stderr; the trail records it; check is then clean.
fresh triggers
sqlite3 "$F" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
run "${W[@]}" check
check "dropped triggers: check fails" 1 "audit_no_update is missing or changed"
check "dropped triggers: both named" 1 "audit_no_delete is missing or changed"
run "${W[@]}" user list
n=$(sqlite3 "$F" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'")
[ "$n" = 0 ] && ok "a command that only reads changes nothing" || fail "a command that only reads changes nothing" "$n triggers"
run "${W[@]}" households --format tsv
check "opening puts the triggers back" 0 "velkomst has put it back" stderr
check "... and names them" 0 "audit_no_update, audit_no_delete" stderr
n=$(sqlite3 "$F" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_no_update', 'audit_no_delete')")
[ "$n" = 2 ] && ok "both triggers are there again" || fail "both triggers are there again" "$n"
n=$(sqlite3 "$F" "SELECT count(*) FROM audit WHERE kind = 'audit trail repaired' AND detail = 'audit_no_update, audit_no_delete'")
[ "$n" = 1 ] && ok "the repair is in the trail" || fail "the repair is in the trail" "$n rows"
run "${W[@]}" check
check "after the repair: no problems" 0 "no problems found"
run "${W[@]}" households --format tsv
if grep -q "put it back" "$TMP/err"; then fail "said once only" "$(cat "$TMP/err")"; else ok "said once only"; fi
if sqlite3 "$F" "DELETE FROM audit;" 2>/dev/null; then fail "the trail refuses DELETE again" "deleted"; else ok "the trail refuses DELETE again"; fi

# A trigger replaced by one that lets everything through is put back too.
fresh replaced
sqlite3 "$F" "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;"
run "${W[@]}" check
check "a replaced trigger: check fails" 1 "audit_no_delete is missing or changed"
run "${W[@]}" households --format tsv
check "a replaced trigger is put back" 0 "audit_no_delete" stderr
if sqlite3 "$F" "DELETE FROM audit;" 2>/dev/null; then fail "the replaced trigger refuses again" "deleted"; else ok "the replaced trigger refuses again"; fi
