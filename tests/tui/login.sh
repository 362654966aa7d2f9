#!/usr/bin/env bash
# Login on a shared terminal: a wrong PIN says one sentence and shows
# nothing else; five wrong PINs lock an account, also after a restart; the
# idle lock hides the screen (and the scrollback) and the same PIN brings
# it back as it was; another person at the lock gets a warning and their
# own home screen; an ambassador sees only its own departments.
. "$(dirname "$0")/lib.sh"

# Type a login and a secret on the login screen.
login_as() {	# LOGIN SECRET
	tui_type "$1"
	tui_keys Enter
	tui_type "$2"
	tui_keys Enter
}

# The first member of the newest household of a department.
first_name() {	# DEPARTMENT
	"$BIN" --db "$DB" households --department "$1" --format tsv |
	    sed -n 2p | cut -f7 | cut -d';' -f1
}

# How often velkomst has gone to sleep and woken up so far.
wakeups() {
	awk '/^voluntary_ctxt_switches/ { print $2 }' /proc/"$(tui_pid)"/status
}

# check NAME: left alone for 3 seconds, velkomst neither wakes up nor
# changes the screen (it waits for a key, or for the idle lock).
stays_asleep() {
	local a b before i
	before=$(tui_screen)
	a=$(wakeups)
	for ((i = 0; i < 60; i++)); do
		[ "$(tui_screen)" = "$before" ] || break
		sleep 0.05
	done
	b=$(wakeups)
	if [ "$i" = 60 ] && [ -n "$a" ] && [ $((b - a)) -le 1 ]; then
		ok "$1"
	else
		fail "$1" "woke up $((b - a)) times in 3 s, or the screen changed"
	fi
}

# The first run on a database without accounts: the first admin.
main_db=$DB
DB=$TMP/first.db
LOGIN= tui_start
expect "a new database asks for the first admin" "Create the first admin account"
tui_type "chef"
tui_keys Enter
tui_type "short"
expect "the password is drawn as stars" "*****"
expect_not "the password is never drawn" "short"
tui_keys Enter
tui_type "short"
tui_keys Enter
expect "a short password says why" "A password has at least 10 characters"
tui_type "long-enough-1"
tui_keys Enter
tui_type "long-enough-2"
tui_keys Enter
expect "two different passwords say so" "The two passwords are not the same"
tui_type "long-enough-1"
tui_keys Enter
tui_type "long-enough-1"
tui_keys Enter
expect "the first admin is logged in" "Logged in as chef (admin)"
expect "an admin has the accounts" "Accounts"
tui_keys x
expect "after x the login screen asks for a login" "Type your login"

# Another program makes the first account while the first-run screen is
# open: the form becomes the login and says why, and the login typed
# stays.  first_race LANG FILE TITLE: the first-run screen on a new
# FILE, "other" made beside it by init, and chef's form sent.
first_race() {
	DB=$2
	LANGUAGE=$1 LOGIN= tui_start
	expect "$1: a new database asks for the first admin" "$3"
	printf 'other-admin-pw-1\n' | "$BIN" --db "$DB" init --login other \
	    --password-stdin >/dev/null 2>&1 || fail "$1: init beside the screen" "$?"
	tui_type "chef"
	tui_keys Enter
	tui_type "long-enough-1"
	tui_keys Enter
	tui_type "long-enough-1"
	tui_keys Enter
}
first_race en "$TMP/first-race.db" "Create the first admin account"
tui_wait "Someone has just made the first account"
expect "made meanwhile: the screen says so" "Someone has just made the first account, so"
expect "made meanwhile: the whole sentence is shown" "make one for you."
expect "made meanwhile: the form is the login" "PIN or password"
expect_not "made meanwhile: no form for a first admin" "Password again"
expect_line "made meanwhile: the login typed stays" "^ *Login +chef *$"
[ "$(sqlite3 "$DB" "SELECT group_concat(login) FROM account")" = other ] &&
    ok "made meanwhile: no second account was made" ||
    fail "made meanwhile: no second account was made" "$(sqlite3 "$DB" "SELECT group_concat(login) FROM account")"
tui_keys BSpace BSpace BSpace BSpace
tui_type "other"
tui_keys Enter
tui_type "other-admin-pw-1"
tui_keys Enter
expect "made meanwhile: its admin logs in" "Logged in as other (admin)"
# The same in Danish, whose sentence is longer: all of it is shown.
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
first_race da "$TMP/first-race-da.db" "Opret den første administratorkonto"
tui_wait "Nogen har lige oprettet den første konto"
expect "da: made meanwhile: the whole sentence is shown" "kan oprette en til dig."
T_ENV=()
DB=$main_db

make_demo

# A wrong PIN: the sentence, and nothing of the home screen.
LOGIN= tui_start
expect "the login screen opens" "Type your login"
tui_settle
stays_asleep "an idle login screen does not wake up every second"
expect_not "the login screen lists no logins" "sekretariat"
tui_type birgit
tui_keys Enter
tui_type 9999
expect "the PIN is drawn as stars" "****"
expect_not "the PIN is never drawn" "9999"
tui_keys Enter
expect "a wrong PIN says so" "The login or the PIN is wrong"
expect_not "a wrong PIN shows nothing of the home screen" "Welcome to velkomst"
expect_not "a wrong PIN shows no household" "households are in the register"
expect_line "the login is kept" "^ *Login +birgit *$"
expect_not "the PIN is wiped" "****"
# Starting over, she types her login again: it replaces the kept one and
# does not go into the PIN field (where it would cost a try).
tui_type birgit
tui_sync	# typing the same login changes nothing on the screen
if tui_screen | grep -q '^ *Login  *birgit *$'; then
	ok "typing a login after a wrong PIN replaces the kept one"
else
	fail "typing a login after a wrong PIN replaces the kept one" "the login field is not just birgit"
fi
expect_not "it does not go into the PIN field" "birgitbirgit"
expect_not "nor is it drawn as a PIN" "******"
tui_keys Enter
tui_type 1234
tui_keys Enter
expect "the right PIN opens the home screen" "Logged in as birgit (ambassador)"
fails=$("$BIN" --db "$DB" audit --login birgit --format tsv | grep -c "login failed")
if [ "$fails" = 1 ]; then ok "only the one wrong PIN was counted"; else fail "only the one wrong PIN was counted" "$fails failed logins in the trail"; fi
expect_not "an ambassador has no goal" "Recruitment goal"
expect_not "an ambassador has no accounts" "Accounts"
expect "the title names who is logged in" "birgit  today is"
tui_settle
stays_asleep "an idle home screen sleeps until the idle lock is due"

# birgit sees 605 only: a 606 household's name finds nothing.
other=
while IFS=$'\t' read -r id dept rest; do
	name=$(echo "$rest" | cut -f5 | cut -d';' -f1)
	case $name in *[!A-Za-z\ ]*|"") continue ;; esac
	if ! "$BIN" --db "$DB" households --search "$name" --format tsv |
	    tail -n +2 | cut -f2 | grep -qv '^606$'; then
		other=$name
		break
	fi
done < <("$BIN" --db "$DB" households --department 606 --format tsv | tail -n +2)
[ -n "$other" ] || fail "a 606 household's name for the search" "none found"
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "$other"
expect "birgit: a 606 household is not found" "Nobody's name starts with that"
n=$(tui_screen | grep -c -F -- "$other")
if [ "$n" = 1 ]; then ok "birgit: only the search field has the name"; else fail "birgit: only the search field has the name" "$n lines have \"$other\""; fi
tui_keys Escape
tui_wait "Search:"
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys x
expect "x logs out to the login screen" "Type your login"
login_as sekretariat demo-sekretariat
tui_wait "Logged in as sekretariat"
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "$other"
for ((i = 0; i < 200; i++)); do
	[ "$(tui_screen | grep -c -F -- "$other")" -ge 2 ] && break
	sleep 0.05
done
if [ "$i" -lt 200 ]; then ok "the secretariat finds the 606 household"; else fail "the secretariat finds the 606 household" "no row with \"$other\""; fi
tui_keys Escape Escape Escape
tui_wait "Welcome to velkomst"
tui_keys x
tui_wait "Type your login"

# Five wrong PINs lock lene; the right one is then refused, also after a
# restart.
tui_type lene
tui_keys Enter
# The sentence stays while a PIN is typed again: the stars, typed and
# then wiped, show that each Enter was handled.
for i in 1 2 3 4 5; do
	tui_type "1111"
	tui_wait "PIN or password       ****"
	tui_keys Enter
	tui_wait_gone "PIN or password       ****"
	tui_wait "The login or the PIN is wrong"
	tui_keys Enter	# the login kept, on to the PIN
done
tui_type 2468
tui_wait "PIN or password       ****"
tui_keys Enter
tui_wait_gone "PIN or password       ****"
expect_title "a locked account: the right PIN is refused" "Log in"
expect "a locked account: it says so" "The login or the PIN is wrong"
expect_not "a locked account: no home screen" "Logged in as lene"
tui_keys Escape
expect "Esc on the login screen leaves velkomst" "velkomst-exited-0"
LOGIN= tui_start
tui_wait "Type your login"
login_as lene 2468
expect "after a restart the lock holds" "The login or the PIN is wrong"
expect_not "after a restart: no home screen" "Logged in as lene"

# The idle lock hides an open list, and the scrollback too.
cat >"$TMP/idle.conf" <<'EOF'
terminal = { idle_lock = 2; };
EOF
name=$(first_name 605)
LOGIN=birgit SECRET=1234 tui_start --config "$TMP/idle.conf"
tui_keys 1
expect "the list shows a 605 household" "$name"
expect "after idle time the screen locks" "The screen is locked. birgit was logged in." 300
expect_not "the lock shows no household" "$name"
if tui_history | grep -F -q -- "$name"; then
	fail "the scrollback has no household" "\"$name\" is in the history"
else
	ok "the scrollback has no household"
fi
tui_type 1234
tui_keys Enter
expect "the PIN returns to the same list" "$name"
expect "the list is open again" "Search:"

# F9, a form with typed text, the same person, then another person.
LOGIN=birgit SECRET=1234 tui_start
tui_keys n
tui_wait_title "Household form"
tui_type "605"
tui_keys Tab Tab Tab Tab
tui_type "Karin Låsmose"
tui_wait "Karin Låsmose"
tui_keys F9
expect "F9 locks at once" "The screen is locked. birgit was logged in."
expect_not "the locked screen hides the form" "Karin"
tui_type 1234
tui_keys Enter
expect "the same person's PIN: the form is back" "Karin Låsmose"
expect "with its department" "605"
tui_keys F9
tui_wait "The screen is locked"
tui_keys Up C-u
tui_type sekretariat
tui_keys Enter
tui_type demo-sekretariat
tui_keys Enter
expect "another person is warned first" "birgit's unsaved work will be dropped. Go on? y/n"
tui_keys y
expect "then gets their own home screen" "Logged in as sekretariat (secretariat)"
expect_not "birgit's form is gone" "Karin"
tui_keys 2
tui_wait_title "Household form"
expect_not "a new form starts empty" "Karin"

# terminal.login_list: the logins to choose with the arrows (lene is
# still locked from above, so she is not offered).
printf 'terminal = { login_list = true; };\n' > "$TMP/list.conf"
LOGIN= tui_start --config "$TMP/list.conf"
expect "the list is offered" "Choose with"
expect "with the logins that can log in" "sekretariat"
expect_not "a locked login is not offered" "lene"
tui_keys Down Down
expect "Down twice puts the second login in the field" "Login                 birgit"
tui_keys Enter
tui_type 1234
tui_keys Enter
expect "the chosen login logs in" "Logged in as birgit (ambassador)"

# A click on a login of the list chooses it, and the PIN field is next.
click() {	# COLUMN ROW (0-based): a press and a release of button 1
	tui_type "$(printf '\033[M %b%b\033[M#%b%b' \
	    "\\$(printf %03o $((33 + $1)))" "\\$(printf %03o $((33 + $2)))" \
	    "\\$(printf %03o $((33 + $1)))" "\\$(printf %03o $((33 + $2)))")"
}
tui_keys x
tui_wait "Choose with"
row=$(tui_screen | grep -n '  sekretariat *$' | cut -d: -f1)
click 62 $((row - 1))
expect "a click chooses a login" "Login                 sekretariat"
tui_type demo-sekretariat
tui_keys Enter
expect "and the password typed next logs in" "Logged in as sekretariat"

# An ambassador sees only the ambassadors of its own departments: the
# household screen does not claim that nobody speaks a language.
tui_keys x
tui_wait "Type your login"
tui_login birgit 1234
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "ifrah"
tui_keys Enter Enter
tui_wait_title Household
expect "an ambassador is told to ask the secretariat" "Somali: nobody in your departments speaks"

# An ambassador registers move-ins in its own departments only: one
# department is filled in, two are offered, another is refused.
LOGIN=birgit SECRET=1234 tui_start
tui_keys n
expect "birgit's one department is filled in" "BB-afd. 605"
tui_keys Escape
tui_wait "Logged in as birgit"
"$BIN" --db "$DB" user unlock lene >/dev/null	# locked above
LOGIN=lene SECRET=2468 tui_start
tui_keys n
tui_wait_title "Household form"
tui_keys Enter
expect "lene is offered her departments" "BB-afd. 606"
expect_not "and not the others" "BB-afd. 607"
tui_keys Escape
tui_type "607"
tui_keys F2
expect "another department is refused beside the field" "registers households of its own"
