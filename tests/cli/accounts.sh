#!/usr/bin/env bash
# Accounts on the command line: init, user add/list/disable/enable/reset/
# unlock, the audit trail, the export row, private files, the demo logins.
. "$(dirname "$0")/lib.sh"

# The fast hash for tests (the demo below uses the shipped default).
printf 'accounts = { hash_cost = "minimum"; };\n' >"$TMP/fast.conf"
V=(--config "$TMP/fast.conf" --db "$DB")

# runin INPUT ARGS...: run velkomst with INPUT on standard input.
runin() {
	local input=$1; shift
	printf '%s' "$input" | "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
}
# lacks NAME out|err TEXT: the last run did not print TEXT there.
lacks() {
	if grep -F -q -- "$3" "$TMP/$2"; then fail "$1" "\"$3\" in $2"; else ok "$1"; fi
}

# ---- init ------------------------------------------------------------------
runin $'short\nshort\n' "${V[@]}" init --password-stdin
check "init refuses a too-short password" 1 "at least 10" stderr
[ -e "$DB" ] && fail "a refused init leaves no database" "$DB exists" || ok "a refused init leaves no database"
runin $'first-password\nother-password\n' "${V[@]}" init --password-stdin
check "init refuses two different lines" 1 "not the same" stderr
runin $'first-password\nfirst-password\n' "${V[@]}" init --password-stdin
check "init with the password twice" 0 'Created the admin account "admin"'
runin $'first-password\n' "${V[@]}" init --password-stdin --login other
check "init refuses a database with accounts" 1 "already has accounts" stderr
run "${V[@]}" init --frobnicate
check "init with a wrong option is a usage error" 2 "usage: velkomst" stderr
T2=$TMP/one-line.db
runin $'only-one-line-pw\n' --config "$TMP/fast.conf" --db "$T2" init --login chef --password-stdin
check "init with one line and --login" 0 'Created the admin account "chef"'
# No terminal to ask on (setsid: no controlling terminal).
setsid -w "$BIN" --db "$TMP/noterm.db" init </dev/null >"$TMP/out" 2>"$TMP/err"
RC=$?
check "init without a terminal says so" 1 "--password-stdin" stderr
[ -e "$TMP/noterm.db" ] && fail "no database without a password" "exists" || ok "no database without a password"

for f in "$DB" "$DB-wal" "$DB-shm" "$T2"; do
	[ -e "$f" ] || continue
	m=$(stat -c %a "$f")
	[ "$m" = 600 ] && ok "mode of ${f##*/} is 600" || fail "mode of ${f##*/} is 600" "$m"
done

# ---- user add ----------------------------------------------------------------
runin $'258046\n' "${V[@]}" user add birgit --role ambassador --department 605 --department "BB-afd. 606" --password-stdin
check "user add an ambassador by key and by name" 0 'Added the account "birgit"'
runin $'258046\n' "${V[@]}" user add yusuf --role ambassador --department 605 --department nowhere --department elsewhere --password-stdin
check "an unknown department is named" 2 '"nowhere", "elsewhere"' stderr
check "the message lists the departments" 2 "605 (BB-afd. 605)" stderr
runin $'123\n' "${V[@]}" user add yusuf --role ambassador --department 605 --password-stdin
check "a PIN of 3 digits is refused" 1 "4 to 8 digits" stderr
runin $'1357\n' "${V[@]}" user add BIRGIT --role ambassador --department 605 --password-stdin
check "a login that is taken is refused" 1 "already an account" stderr
runin $'a-long-password\n' "${V[@]}" user add mette --role secretariat --password-stdin
check "user add a secretariat account" 0 'Added the account "mette"'
run "${V[@]}" user add hans --role chef
check "a wrong role is a usage error" 2 "--role is ambassador" stderr
run "${V[@]}" user add hans --role ambassador
check "an ambassador account needs departments" 2 "--department" stderr
run "${V[@]}" user add
check "user add without a login is a usage error" 2 "usage: velkomst" stderr
run "${V[@]}" user frobnicate
check "an unknown user subcommand is a usage error" 2 'no subcommand "frobnicate"' stderr
run "${V[@]}" user --help
check "user --help" 0 "user add LOGIN"

# ---- user list -----------------------------------------------------------------
run "${V[@]}" user list
check "user list shows the roles" 0 "secretariat"
check "user list shows departments by short name" 0 "605, 606"
check "user list counts" 0 "3 accounts"
run "${V[@]}" user list --format tsv
check "user list tsv header" 0 $'login\trole\tdepartments\tambassador_id\tambassador\tstate\tlocked_until\tlast_login'
check "user list tsv row" 0 $'birgit\tambassador\t605,606\t0\t\tactive'

# ---- disable, enable, unlock, reset ----------------------------------------------
run "${V[@]}" user disable birgit
check "user disable" 0 "disabled"
run "${V[@]}" user list --format tsv
check "disabled shows in the list" 0 $'birgit\tambassador\t605,606\t0\t\tdisabled'
run "${V[@]}" user enable birgit
check "user enable" 0 "enabled"
run "${V[@]}" user list --format tsv
check "enabled shows in the list" 0 $'birgit\tambassador\t605,606\t0\t\tactive'
sqlite3 "$DB" "UPDATE account SET locked_until = strftime('%s','now') + 600, failures = 0 WHERE login = 'mette';"
run "${V[@]}" user list
check "a lock shows until when" 0 "locked until"
run "${V[@]}" user unlock mette
check "user unlock" 0 'The account "mette" is unlocked.'
run "${V[@]}" user list --format tsv
check "unlocked shows in the list" 0 $'mette\tsecretariat\t\t0\t\tactive\t\t'
sqlite3 "$DB" "UPDATE account SET locked_until = strftime('%s','now') + 600 WHERE login = 'birgit';"
runin $'97531\n97531\n' "${V[@]}" user reset birgit --password-stdin
check "user reset gives a new PIN" 0 "has a new PIN"
run "${V[@]}" user list --format tsv
check "reset lifts the lock" 0 $'birgit\tambassador\t605,606\t0\t\tactive'
runin $'12\n' "${V[@]}" user reset birgit --password-stdin
check "reset refuses a short PIN" 1 "4 to 8 digits" stderr
run "${V[@]}" user disable nobody-here
check "a login that does not exist" 1 'no account "nobody-here"' stderr
run "${V[@]}" user disable
check "user disable without a login is a usage error" 2 "usage:" stderr

# ---- the audit trail -----------------------------------------------------------------
run "${V[@]}" audit
check "audit shows account added" 0 "account added"
check "audit marks the command line" 0 "(command line) "
check "audit shows disabling" 0 "account disabled"
check "audit shows the reset" 0 "account reset"
lacks "no failed login without logins" out "login failed"
first=$(sed -n 2p "$TMP/out")
case $first in *"account added"*"account 1"*) ok "audit is oldest first" ;; *) fail "audit is oldest first" "$first" ;; esac
run "${V[@]}" audit --format tsv
check "audit tsv header" 0 $'time\tlogin\tcommand_line\tkind\ttable\trecord\tdetail'
check "audit tsv row" 0 $'\t1\taccount added\taccount\t1\t'
run "${V[@]}" audit --since 2100-01-01 --format tsv
[ "$(wc -l <"$TMP/out")" = 1 ] && ok "--since in the future: no rows" || fail "--since in the future: no rows" "$(wc -l <"$TMP/out") lines"
run "${V[@]}" audit --since 2000-01-01 --format tsv
[ "$(wc -l <"$TMP/out")" -gt 5 ] && ok "--since in the past: every row" || fail "--since in the past: every row" "$(wc -l <"$TMP/out") lines"
run "${V[@]}" audit --until 2000-01-01 --format tsv
[ "$(wc -l <"$TMP/out")" = 1 ] && ok "--until in the past: no rows" || fail "--until in the past: no rows" "$(wc -l <"$TMP/out") lines"
run "${V[@]}" audit --since 31.02.2019
check "a bad --since is a usage error" 2 "no such day" stderr
run "${V[@]}" audit --help
check "audit --help says oldest first" 0 "oldest first"
# SUDO_USER set by hand names nobody: only a command that really came
# through sudo names the person (sudo.sh).
SUDO_USER=ole run "${V[@]}" user unlock birgit
check "unlock with SUDO_USER set by hand" 0
run "${V[@]}" audit --format tsv
lacks "SUDO_USER set by hand is not believed" out "(sudo ole)"

run "${V[@]}" households --format tsv
check "households on the database" 0 "id"
run "${V[@]}" audit --format tsv
check "households writes an export row" 0 $'export\t\t0\thouseholds tsv 0 rows'

# ---- no secret in the files ----------------------------------------------------------
# The PINs are long enough (6 digits) not to turn up by chance in the
# audit chain's hex hashes (a 4-digit one did, now and then).
for f in "$DB" "$DB-wal"; do
	[ -e "$f" ] || continue
	for secret in 97531 258046 first-password a-long-password; do
		n=$(grep -c -a -- "$secret" "$f")
		[ "$n" = 0 ] && ok "no \"$secret\" in ${f##*/}" || fail "no \"$secret\" in ${f##*/}" "$n"
	done
done
run "${V[@]}" audit
for secret in 97531 258046 first-password; do
	lacks "no \"$secret\" in the audit trail" out "$secret"
done

# ---- files others may read, files of other accounts -------------------------------------
chmod 644 "$DB"
run "${V[@]}" user list
check "a database others can read is refused" 1 "chmod 600" stderr
chmod 600 "$DB"
run "${V[@]}" user list
check "a private database is fine again" 0 "birgit"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$DB"
	run "${V[@]}" user list
	check "a database of another account is refused" 1 "sudo -u nobody velkomst" stderr
	chown 0 "$DB"
else
	ok "a database of another account is refused (skipped: not root)"
fi

# ---- the demo logins -----------------------------------------------------------------
run --db "$TMP/demo.db" demo --households 20
check "demo" 0 "Created a demo database"
run --db "$TMP/demo.db" user list --format tsv
check "demo has admin" 0 $'admin\tadmin\t'
check "demo has sekretariat" 0 $'sekretariat\tsecretariat\t'
check "demo has birgit, tied to Birgit Holm" 0 $'\tBirgit Holm\tactive'
check "demo has lene in 605 and 606" 0 $'lene\tambassador\t605,606\t'
check "lene is tied to Lene Bæk" 0 $'\tLene Bæk\tactive'
n=$(grep -c . "$TMP/out")
[ "$n" = 5 ] && ok "demo has four logins" || fail "demo has four logins" "$((n - 1))"
for secret in demo-admin-pw demo-sekretariat; do
	n=$(cat "$TMP/demo.db"* | grep -c -a -- "$secret")
	[ "$n" = 0 ] && ok "no \"$secret\" in the demo files" || fail "no \"$secret\" in the demo files" "$n"
done

# ---- checked before a secret is asked ----------------------------------------------
# setsid: no terminal, so a command that asks anyway says "no terminal".
nosecret() {
	setsid -w "$BIN" "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
	RC=$?
}
nosecret "${V[@]}" user add "anne marie" --role ambassador --department 605
check "a login with a space is refused before the PIN" 2 "A login has only" stderr
nosecret "${V[@]}" user add abcdefghijabcdefghijabcdefghijabc --role secretariat
check "a login of 33 characters is refused before the password" 2 "at most 32" stderr
nosecret --config "$TMP/fast.conf" --db "$TMP/badlogin.db" init --login "x y"
check "init refuses a bad --login before the password" 2 "A login has only" stderr
[ -e "$TMP/badlogin.db" ] && fail "a bad --login makes no database" "exists" || ok "a bad --login makes no database"
nosecret --db "$TMP/demo.db" user add amina --role ambassador --ambassador 999
check "an unknown --ambassador is refused before the PIN" 1 "there is no ambassador 999" stderr
nosecret --db "$TMP/demo.db" user add amina --role ambassador --ambassador 1
check "an ambassador with an account is refused before the PIN" 1 'already has the account "birgit"' stderr
: >"$TMP/empty.db"; chmod 600 "$TMP/empty.db"
nosecret --config "$TMP/fast.conf" --db "$TMP/empty.db" user add amina --role ambassador --department 605
check "the first account must be an admin, before the PIN" 1 "velkomst init" stderr

# ---- what --password-stdin reads ---------------------------------------------------
printf 'a-long-password\0tail\n' | "$BIN" "${V[@]}" user reset mette --password-stdin >"$TMP/out" 2>"$TMP/err"
RC=$?
check "a NUL byte in a password is refused, not cut off" 1 "NUL" stderr
"$BIN" "${V[@]}" user reset mette --password-stdin </dev/null >"$TMP/out" 2>"$TMP/err"
RC=$?
check "no input at all says what to give" 1 "on a line of its own" stderr
runin $'a-new-password\r\na-new-password\r\n' "${V[@]}" user reset mette --password-stdin
check "CRLF line endings are fine" 0 "has a new password"
# --password-stdin typed by hand on a terminal: asked without echo.
mkfifo "$TMP/keys"
script -qfec "$BIN ${V[*]} user reset mette --password-stdin" "$TMP/typescript" <"$TMP/keys" >/dev/null 2>&1 &
pid=$!
exec 3>"$TMP/keys"
for i in $(seq 100); do grep -q "Password for mette" "$TMP/typescript" 2>/dev/null && break; sleep 0.05; done
printf 'typed-by-hand-pw\n' >&3
for i in $(seq 100); do grep -q "Again" "$TMP/typescript" 2>/dev/null && break; sleep 0.05; done
printf 'typed-by-hand-pw\n' >&3
exec 3>&-
wait "$pid"
cp "$TMP/typescript" "$TMP/out"
RC=0
check "--password-stdin on a terminal prompts" 0 "Password for mette"
lacks "--password-stdin on a terminal does not echo" out "typed-by-hand-pw"

# ---- a database that is not there -------------------------------------------------
run --config "$TMP/fast.conf" --db "$TMP/nothere.db" user list
check "no database: says how to make one" 1 "velkomst --db $TMP/nothere.db init" stderr
[ -e "$TMP/nothere.db" ] && fail "user list makes no database" "exists" || ok "user list makes no database"

# ---- init never removes a database another program made meanwhile -----------------
RACE=$TMP/race.db
mkfifo "$TMP/pw"
"$BIN" --config "$TMP/fast.conf" --db "$RACE" init --password-stdin <"$TMP/pw" >"$TMP/out" 2>"$TMP/err" &
pid=$!
exec 3>"$TMP/pw"
for i in $(seq 100); do grep -q pipe_read "/proc/$pid/wchan" 2>/dev/null && break; sleep 0.05; done
runin $'other-password\n' --config "$TMP/fast.conf" --db "$RACE" init --login other --password-stdin
printf 'first-password\nother-password\n' >&3
exec 3>&-
wait "$pid"
RC=$?
check "the slower init fails" 1 "not the same" stderr
run --config "$TMP/fast.conf" --db "$RACE" user list --format tsv
check "the database the other init made is still there" 0 $'other\tadmin'

# ---- long logins are shown whole -----------------------------------------------------
L32=abcdefghijabcdefghijabcdefghijab
runin $'258046\n' "${V[@]}" user add $L32 --role ambassador --department 605 --password-stdin
run "${V[@]}" user list
check "user list shows a 32-character login whole" 0 "$L32  "
sqlite3 "$DB" "INSERT INTO audit (at, login, kind) VALUES ('2019-06-01 10:00:00', '$L32', 'login');"
run "${V[@]}" audit
check "audit shows a 32-character login whole" 0 "$L32  "
