#!/usr/bin/env bash
# A backup from the home screen (b, then y/n) in English and in Danish at
# 80x24, where an ambassador may not; who is logged in, as a restore
# sees it: written at the login, handed over at the lock, gone at the
# logout and at q; a restore refused while someone is logged in, naming
# them; and the question a restore asks on a terminal.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
export VELKOMST_TODAY=$TODAY

# The pieces of each language, to find the other one on a screen.
lang_pieces

# one_language NAME FILE: nothing of FILE's language on the screen, and
# the title line whole (80x24).
one_language() {
	local found
	tui_settle
	found=$(tui_screen | grep -F -w -o -f "$2" | sort -u | head -5 |
	    tr '\n' '|')
	if [ -n "$found" ]; then
		fail "$1" "$found"
	elif tui_top | grep -q '…'; then
		fail "$1" "the title is cut: $(tui_top)"
	else
		ok "$1"
	fi
}

# The logins in logged_in, one line.
logged_in() {
	sqlite3 "$DB" "SELECT group_concat(login, ' ') FROM logged_in"
}

# expect_in NAME LOGINS: logged_in lists LOGINS (polled: a row is
# written once the key is handled).
expect_in() {
	local i got
	for ((i = 0; i < 200; i++)); do
		got=$(logged_in)
		[ "$got" = "$2" ] && { ok "$1"; return; }
		sleep 0.05
	done
	fail "$1" "logged_in has \"$got\", want \"$2\""
}

# ---- English ---------------------------------------------------------------
tui_start
expect_title "the home screen" Home
expect "the menu offers a backup with b" "b  Make a backup of the database"
expect_in "the login is written down" sekretariat
expect_not "no question before b" "Make a backup of the database now?"
tui_keys b
expect "b asks first" "Make a backup of the database now? y/n"
expect_line "the bottom line offers y and n" "^y Yes +n No"
one_language "the question: all English, at 80x24" "$TMP/danish"
tui_keys n
expect "n makes none" "No backup was made."
if [ ! -e "$TMP/backups" ]; then ok "after n, no backup"; else fail "after n, no backup" "$(ls "$TMP/backups")"; fi
tui_keys b
tui_wait "Make a backup of the database now? y/n"
tui_keys y
expect "y makes it and says where" "The backup is saved in $TMP/backups/"
one_language "the answer: all English, at 80x24" "$TMP/danish"
f=$TMP/backups/velkomst-2019-06-01.db
if [ -f "$f" ] && [ "$(stat -c %a "$f")" = 600 ] &&
    [ "$(sqlite3 "$f" 'PRAGMA integrity_check')" = ok ]; then
	ok "the backup is there, private and whole"
else
	fail "the backup is there, private and whole" "$(ls -l "$TMP/backups" 2>&1)"
fi
if [ "$(sqlite3 "$f" 'SELECT count(*) FROM logged_in')" = 0 ]; then ok "the backup keeps no one logged in"; else fail "the backup keeps no one logged in" "it does"; fi

# A restore while sekretariat is logged in: refused, naming her.
"$BIN" --db "$DB" restore "$f" --yes >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" = 1 ] && grep -q "^  sekretariat (since " "$TMP/err" &&
    grep -q "nothing was replaced" "$TMP/err"; then
	ok "a restore is refused while she is logged in, and says who"
else
	fail "a restore is refused while she is logged in, and says who" "exit $rc: $(cat "$TMP/err")"
fi

# The lock hands over to another person: the row is theirs.
tui_keys F9
tui_wait "The screen is locked."
tui_keys Up C-u
tui_type admin
tui_keys Enter
tui_type demo-admin-pw
tui_keys Enter
expect "admin logs in at the lock" "Logged in as admin"
expect_in "at the handover the row is admin's" admin
# Log out: nobody is logged in, and the restore goes through.
tui_keys x
expect "x logs out" "Type your login"
expect_in "at the logout the row goes" ""
"$BIN" --db "$DB" restore "$f" --yes >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" = 0 ]; then ok "with nobody logged in, the restore goes through"; else fail "with nobody logged in, the restore goes through" "exit $rc: $(cat "$TMP/err")"; fi
tui_keys Escape
expect "Esc on the login screen leaves" "velkomst-exited-0"

# q: the row goes with the program.
tui_start
expect_in "logged in again" sekretariat
tui_keys q
expect "q leaves" "velkomst-exited-0"
expect_in "at q the row goes" ""

# An ambassador has no such item, and b says why.
LOGIN=birgit SECRET=1234 tui_start
expect_title "an ambassador's home screen" Home
expect_not "no backup in an ambassador's menu" "Make a backup of the database"
tui_keys b
expect "b says why not" "Only the secretariat can make a backup of the database."
tui_keys q
tui_wait "velkomst-exited-0"

# ---- Danish -----------------------------------------------------------------
LANGUAGE=da tui_start
expect_title "da: the home screen" Forside
expect "da: the menu offers a backup with b" "b  Tag en sikkerhedskopi af databasen"
tui_keys b
expect "da: b asks first" "Tag en sikkerhedskopi af databasen nu? j/n"
expect_line "da: the bottom line offers j and n" "^j Ja +n Nej"
one_language "da: the question: all Danish, at 80x24" "$TMP/english"
tui_keys j
expect "da: j makes it and says where" "Sikkerhedskopien er gemt i"
expect "da: ... in backups/" "$TMP/backups/velkomst-2019-06-01-2.db"
if [ -f "$TMP/backups/velkomst-2019-06-01-2.db" ]; then ok "da: the second backup of the day is -2"; else fail "da: the second backup of the day is -2" "$(ls "$TMP/backups")"; fi
one_language "da: the answer: all Danish, at 80x24" "$TMP/english"
tui_keys q
tui_wait "velkomst-exited-0"

# ---- the question of a restore on a terminal -------------------------------
cp "$f" "$TMP/older.db"
sqlite3 "$DB" "PRAGMA foreign_keys = ON; DELETE FROM household WHERE id > 200;"
LOGIN= W=200 tui_launch restore "$TMP/older.db"
expect_line "restore asks on a terminal, with both counts" \
    "Replace $DB \(200 households\) with $TMP/older.db \(240 households, made [0-9.]+ [0-9:]+\)\? \[y/N\]"
tui_type n
tui_keys Enter
expect "n replaces nothing" "Nothing was replaced."
tui_wait "velkomst-exited-1"
if [ "$(sqlite3 "$DB" 'SELECT count(*) FROM household')" = 200 ]; then ok "after n the database is as it was"; else fail "after n the database is as it was" "it changed"; fi
LOGIN= W=200 LANGUAGE=da tui_launch restore "$TMP/older.db"
expect_line "da: restore asks in Danish" "Erstat $DB \(200 husstande\) med .*\? \[j/N\]"
tui_type j
tui_keys Enter
expect "da: j replaces it" "er gendannet fra"
tui_wait "velkomst-exited-0"
if [ "$(sqlite3 "$DB" 'SELECT count(*) FROM household')" = 240 ]; then ok "after j the households are back"; else fail "after j the households are back" "$(sqlite3 "$DB" 'SELECT count(*) FROM household')"; fi

# ---- a read-only database: the login works, nothing is written -------------
chmod 0400 "$DB"
tui_start
expect "read-only: the login works" "READ-ONLY"
chmod 0600 "$DB"
expect_in "read-only: no row of who is logged in" ""
chmod 0400 "$DB"
tui_keys b
tui_wait "Make a backup of the database now? y/n"
tui_keys y
expect "read-only: b says why no backup was made" "No backup was made:"
chmod 0600 "$DB"
tui_keys q
tui_wait "velkomst-exited-0"
