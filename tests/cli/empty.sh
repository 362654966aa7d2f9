#!/usr/bin/env bash
# A zero-byte file given with --db is not a velkomst database to the
# commands that only read: they refuse it and leave it as it was (empty,
# with no -wal or -shm beside it).  The commands that make one still do.
. "$(dirname "$0")/lib.sh"

Z=$TMP/zero.db
: >"$Z"
chmod 600 "$Z"
for cmd in households ambassadors overdue visits "user list" audit goal coverage check; do
	# shellcheck disable=SC2086
	run --db "$Z" $cmd
	check "$cmd refuses a zero-byte file" 1 "is empty; it is not a velkomst database" stderr
	[ -s "$TMP/out" ] && [ "$cmd" != check ] && fail "$cmd prints nothing" "$(head -c 200 "$TMP/out")" || ok "$cmd prints nothing"
	if [ -s "$Z" ] || [ -e "$Z-wal" ] || [ -e "$Z-shm" ]; then
		fail "$cmd leaves the file as it was" "$(ls -l "$Z"*)"
	else
		ok "$cmd leaves the file as it was"
	fi
done
# The same for a file the sqlite3 tool made without tables.
sqlite3 "$TMP/blank.db" "PRAGMA user_version = 0;"
chmod 600 "$TMP/blank.db"
cp "$TMP/blank.db" "$TMP/blank.orig"
run --db "$TMP/blank.db" households --format tsv
check "households refuses a database without tables" 1 "is empty; it is not a velkomst database" stderr
cmp -s "$TMP/blank.db" "$TMP/blank.orig" && ok "and leaves it as it was" || fail "and leaves it as it was" "changed"

# Commands that make a database may start from an empty file.
printf 'accounts = { hash_cost = "minimum"; };\n' >"$TMP/fast.conf"
printf 'a-long-password\n' | "$BIN" --config "$TMP/fast.conf" --db "$Z" init --password-stdin >"$TMP/out" 2>"$TMP/err"
RC=$?
check "init makes a database of a zero-byte file" 0 'Created the admin account "admin"'
run --db "$Z" user list --format tsv
check "and it is one" 0 $'admin\tadmin'
: >"$TMP/zero2.db"
chmod 600 "$TMP/zero2.db"
run --db "$TMP/zero2.db" demo --households 5
check "demo fills a zero-byte file" 0 "Created a demo database with 5 households"
