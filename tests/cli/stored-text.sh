#!/usr/bin/env bash
# `velkomst check` reports stored text velkomst would refuse, written
# with the stock sqlite3 tool: an escape sequence in a name, a CPR
# number in notes (also in full-width digits), a bidi override in a
# flat, a login like a CPR number.  It names table, record id and field,
# and never prints the text.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 3
run --db "$DB" check
check "the demo: no problems" 0 "no problems found"

sqlite3 "$DB" "UPDATE member SET name = 'Evil' || char(27) || ']0;pwned' || char(7) WHERE id = 1;"
run --db "$DB" check
check "an escape in a name: check fails" 1 "member 1, field name: The text has a control character"
if grep -q "pwned" "$TMP/out" "$TMP/err" || grep -q $'\033' "$TMP/out" "$TMP/err"; then
	fail "the text is never printed" "$(od -c "$TMP/out" | head -3)"
else
	ok "the text is never printed"
fi

sqlite3 "$DB" "UPDATE member SET name = 'Åse' WHERE id = 1; UPDATE household SET notes = 'cpr 010190-1234' WHERE id = 2;"
run --db "$DB" check
check "a CPR number in notes" 1 "household 2, field notes: That looks like a CPR number"
if grep -q "1234" "$TMP/out"; then fail "the CPR number is never printed" "$(grep 1234 "$TMP/out")"; else ok "the CPR number is never printed"; fi

sqlite3 "$DB" "UPDATE household SET notes = NULL WHERE id = 2; UPDATE household SET notes = 'ring ０１０１９０-１２３４' WHERE id = 3;"
run --db "$DB" check
check "a CPR number in full-width digits" 1 "household 3, field notes: That looks like a CPR number"

sqlite3 "$DB" "UPDATE household SET notes = NULL WHERE id = 3; UPDATE household SET flat = '2. th.' || char(8238) WHERE id = 1;"
run --db "$DB" check
check "a bidi override in a flat" 1 "household 1, field flat:"

sqlite3 "$DB" "UPDATE household SET flat = '2. th.' WHERE id = 1; UPDATE account SET login = '0101901234' WHERE login = 'birgit';"
id=$(sqlite3 "$DB" "SELECT id FROM account WHERE login = '0101901234'")
run --db "$DB" check
check "a login like a CPR number" 1 "account $id, field login: That login looks like a CPR number"
sqlite3 "$DB" "UPDATE account SET login = 'birgit' WHERE id = $id;"
run --db "$DB" check
check "put right: no problems again" 0 "no problems found"

# velkomst itself refuses such a login.
printf 'accounts = { hash_cost = "minimum"; };\n' >"$TMP/fast.conf"
printf '2580\n' | "$BIN" --config "$TMP/fast.conf" --db "$DB" user add 0101901234 --role ambassador --department 605 --password-stdin >"$TMP/out" 2>"$TMP/err"
RC=$?
check "user add refuses a login like a CPR number" 2 "looks like a CPR number" stderr
