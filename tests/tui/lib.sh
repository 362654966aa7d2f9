# tests/tui/lib.sh — drive the real velkomst in tmux: a private socket, a
# fixed size and terminal, a fixed today; poll the screen, never sleep a
# fixed time.  Each check prints "ok   NAME" or "FAIL NAME: why" and a
# failing one keeps the screen it saw under $VELKOMST_TEST_OUT.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${VELKOMST_BIN:-$top/build/san/velkomst}
SUITE=${SUITE:-tui/$(basename "$0" .sh)}
OUT=${VELKOMST_TEST_OUT:-$top/build/test-out}
mkdir -p "$OUT"
TMP=$(mktemp -d)
STARTS=0
SOCK=velkomst-test-$$-$STARTS
TM=(tmux -L "$SOCK" -f /dev/null)
export VELKOMST_SHARE=$top/share/velkomst
export TODAY=${TODAY:-2019-06-01}
DB=$TMP/velkomst.db
# More "-e NAME=VALUE" for the pane's environment (a test's own).
T_ENV=()
# ASan: ncurses keeps memory after endwin by design (tests/lsan.supp).
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0

# The pids of the processes whose command line names a file in $TMP
# (read from /proc, so the tests need no process tools installed).
tui_pids() {
	local p c
	for p in /proc/[0-9]*; do
		c=$(tr '\0' ' ' 2>/dev/null <"$p/cmdline") || continue
		[[ $c == *"$TMP/"* ]] && echo "${p#/proc/}"
	done
}

# A velkomst that outlives its pane is given 3 s to end, then killed:
# the sanitizers' leak check at exit has been seen to spin for hours
# after the pane's SIGHUP, holding a core of the machine.
tui_reap() {
	local i pids
	for ((i = 0; i < 30; i++)); do
		pids=$(tui_pids)
		[ -n "$pids" ] || return 0
		sleep 0.1
	done
	# shellcheck disable=SC2086
	kill -KILL $pids 2>/dev/null
}

tui_cleanup() {
	local i
	for ((i = 0; i <= STARTS; i++)); do
		tmux -L "velkomst-test-$$-$i" kill-server >/dev/null 2>&1
	done
	tui_reap
	rm -rf "$TMP"
}
trap tui_cleanup EXIT

# Start velkomst with the given arguments in an 80x24 (W x H) pane, and
# log in as LOGIN (default sekretariat, a demo account) with SECRET
# (default demo-sekretariat).  On a database without accounts the first
# run creates LOGIN as the first admin with SECRET.  LOGIN= (empty) leaves
# the login screen to the test.
tui_start() {
	tui_launch "$@"
	local login=${LOGIN-sekretariat}
	[ -n "$login" ] || return 0
	tui_login "$login" "${SECRET-demo-sekretariat}"
}

# Log in (or, on the first run, create the first admin and log in) from
# the login screen; waits for the home screen.
tui_login() {
	local login=$1 secret=$2 i s first=
	for ((i = 0; i < 400; i++)); do
		s=$(tui_screen)
		case $s in
		*"Create the first admin account"* | \
		    *"Opret den første administratorkonto"*) first=1; break ;;
		*"Type your login"* | *"Skriv dit brugernavn"*) first=0; break ;;
		esac
		sleep 0.05
	done
	if [ -z "$first" ]; then
		echo "tui_login: no login screen" >&2
		return 1
	fi
	tui_type "$login"
	tui_keys Enter
	tui_type "$secret"
	tui_keys Enter
	if [ "$first" = 1 ]; then
		tui_type "$secret"
		tui_keys Enter
	fi
	tui_wait_line "(Logged in as|Logget ind som) $login " 400 || {
		echo "tui_login: not logged in as $login" >&2
		return 1
	}
}

# Start velkomst in a new tmux server and pane, without logging in.
tui_launch() {
	# A new server (socket) for each start: a server that is still
	# shutting down must not swallow the new session.
	"${TM[@]}" kill-server >/dev/null 2>&1
	STARTS=$((STARTS + 1))
	SOCK=velkomst-test-$$-$STARTS
	TM=(tmux -L "$SOCK" -f /dev/null)
	"${TM[@]}" new-session -d -x "${W:-80}" -y "${H:-24}" \
	    -e TERM=tmux-256color -e LANG="${T_LANG:-C.UTF-8}" \
	    -e LC_ALL="${T_LC_ALL:-C.UTF-8}" -e NO_COLOR="${NO_COLOR:-}" \
	    -e VELKOMST_TODAY="$TODAY" -e VELKOMST_SHARE="$VELKOMST_SHARE" \
	    -e LSAN_OPTIONS="$LSAN_OPTIONS" \
	    -e ASAN_OPTIONS="log_path=$OUT/asan.$(echo "$SUITE" | tr / -)" \
	    -e LANGUAGE="${LANGUAGE:-}" -e HOME="$TMP" \
	    -e XDG_CONFIG_HOME="$TMP/config" -e XDG_DATA_HOME="$TMP/data" \
	    "${T_ENV[@]}" "$BIN ${DB:+--db $DB} $*; echo velkomst-exited-\$?; sleep 600"
}

tui_screen() {
	"${TM[@]}" capture-pane -p
}

# The whole pane with its scrollback (history).
tui_history() {
	"${TM[@]}" capture-pane -p -S -
}

# The pid of velkomst in the pane (the shell runs it as its child), from
# /proc, so the tests need no process tools installed.
tui_pid() {
	local shell pid
	shell=$("${TM[@]}" display-message -p '#{pane_pid}')
	for pid in $(cat /proc/"$shell"/task/*/children 2>/dev/null); do
		if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = velkomst ]; then
			echo "$pid"
			return 0
		fi
	done
}

# Wait until the screen shows text (a fixed string); 1 on time-out.
tui_wait() {
	local text=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		tui_screen | grep -F -q -- "$text" && return 0
		sleep 0.05
	done
	return 1
}

# Wait until a line of the screen matches an extended regular expression
# (a row with its columns, a field with its value); 1 on time-out.
tui_wait_line() {
	local re=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		tui_screen | grep -E -q -- "$re" && return 0
		sleep 0.05
	done
	return 1
}

# The line of the screen that holds the cursor (where typing goes).
tui_cursor_line() {
	local y
	y=$("${TM[@]}" display-message -p '#{cursor_y}')
	tui_screen | sed -n "$((y + 1))p"
}

# Wait until the line that holds the cursor matches an extended regular
# expression (the field in focus); 1 on time-out.
tui_wait_cursor() {
	local re=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		tui_cursor_line | grep -E -q -- "$re" && return 0
		sleep 0.05
	done
	return 1
}

# Wait until the screen no longer shows text.  A check only when the
# text was on the screen before the key (or the wait proves nothing).
tui_wait_gone() {
	local text=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		tui_screen | grep -F -q -- "$text" || return 0
		sleep 0.05
	done
	return 1
}

# The top line of the screen.
tui_top() {
	tui_screen | head -1
}

# 0 if the top line names the screen TITLE: " velkomst · TITLE", then two
# spaces or the end (so "Household" is neither "Households" nor
# "Household form").
tui_is_title() {
	local top
	top=$(tui_top)
	case $top in
	" velkomst · $1" | " velkomst · $1  "*) return 0 ;;
	esac
	return 1
}

# Wait until the top line names the screen TITLE (a screen's own title,
# which no other screen shows; menu words do not prove a screen opened),
# then until the screen is still; 1 on time-out.
tui_wait_title() {
	local title=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		if tui_is_title "$title"; then
			tui_settle
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# Prove that velkomst has read and handled every key sent so far, also
# keys that change nothing on the screen: F1 opens help on top of the
# screen (its own title, "Help"); keys are handled in order, so once help
# shows, every key before F1 is done.  Esc closes help again (the screen
# below keeps its place) and the screen is waited for to be still.
# F1 and Esc clear the message line, as every key does: check a message
# before tui_sync, not after it.  Not while a question waits for y/n (F1
# may answer it), nor in help itself or in a window that is too small.
tui_sync() {
	local i
	tui_keys F1
	if ! tui_wait_title Help 400; then
		echo "tui_sync: F1 opened no help" >&2
		return 1
	fi
	tui_keys Escape
	for ((i = 0; i < 400; i++)); do
		if ! tui_is_title Help; then
			tui_settle
			return 0
		fi
		sleep 0.05
	done
	echo "tui_sync: Esc did not close help" >&2
	return 1
}

# Wait until velkomst has read every key sent to it: the terminal's input
# queue is empty (FIONREAD on its terminal, through perl, which Debian
# always has).  For a key that is read but changes nothing and where
# tui_sync cannot be used (a window too small, where every key is
# dropped).  1 on time-out.
tui_read_all() {
	local pid i n
	pid=$(tui_pid)
	[ -n "$pid" ] || return 1
	for ((i = 0; i < 200; i++)); do
		n=$(perl -MFcntl -e 'sysopen(my $t, $ARGV[0],
		    O_RDONLY | O_NOCTTY | O_NONBLOCK) or exit 1;
		    my $n = pack("L", 0); ioctl($t, 0x541B, $n) or exit 1;
		    print unpack("L", $n)' /proc/"$pid"/fd/0) || return 1
		[ "$n" = 0 ] && return 0
		sleep 0.05
	done
	return 1
}

# Poll until two captures 50 ms apart agree.  This is no proof that the
# keys sent are handled (the screen can be still before velkomst read
# them): use it after a positive sign that they were (tui_wait of a text
# the key brings, tui_wait_title, tui_sync), to let the drawing finish.
tui_settle() {
	local a b i
	for ((i = 0; i < 100; i++)); do
		a=$(tui_screen)
		sleep 0.05
		b=$(tui_screen)
		[ "$a" = "$b" ] && return 0
	done
	return 1
}

tui_keys() {
	"${TM[@]}" send-keys "$@"
}

# Type literal text (no key names).
tui_type() {
	"${TM[@]}" send-keys -l -- "$1"
}

ok() {
	echo "ok   $SUITE: $1"
}

fail() {
	local f=$OUT/$(echo "$SUITE-$1" | tr '/ ' '__').screen
	tui_screen >"$f" 2>/dev/null
	echo "FAIL $SUITE: $1: $2 (screen kept in $f)"
}

# expect NAME TEXT: a check that the screen shows TEXT.
expect() {
	if tui_wait "$2" "${3:-200}"; then ok "$1"; else fail "$1" "no \"$2\" on the screen"; fi
}

# expect_title NAME TITLE: a check that the screen TITLE opened (its
# title on the top line).
expect_title() {
	if tui_wait_title "$2" "${3:-200}"; then ok "$1"; else fail "$1" "the top line does not name \"$2\""; fi
}

# expect_line NAME REGEX: a check that a line of the screen matches REGEX.
expect_line() {
	if tui_wait_line "$2" "${3:-200}"; then ok "$1"; else fail "$1" "no line matches /$2/"; fi
}

# expect_cursor NAME REGEX: a check that the cursor is on a line that
# matches REGEX (the field in focus).
expect_cursor() {
	if tui_wait_cursor "$2" "${3:-200}"; then ok "$1"; else fail "$1" "the cursor is on \"$(tui_cursor_line)\", not /$2/"; fi
}

# expect_not NAME TEXT: a check that TEXT is not on the screen now.  Now
# means after the key: first prove that it was handled (expect a text it
# brings, or tui_sync), or the check passes on the screen before it.  It
# waits for the screen to be still, so that a screen drawn in parts is
# seen whole.
expect_not() {
	tui_settle
	if tui_screen | grep -F -q -- "$2"; then fail "$1" "\"$2\" is on the screen"; else ok "$1"; fi
}

# lock_hold FILE: another program (the stock sqlite3 tool) takes the
# write lock of FILE and keeps it until lock_release (which rolls back).
lock_hold() {
	local i
	rm -f "$TMP/lock" "$TMP/lock.out"
	mkfifo "$TMP/lock"
	sqlite3 "$1" <"$TMP/lock" >"$TMP/lock.out" 2>&1 &
	LOCK_HOLDER=$!
	exec 3>"$TMP/lock"
	echo "BEGIN IMMEDIATE; SELECT 'locked';" >&3
	for ((i = 0; i < 200; i++)); do
		grep -q locked "$TMP/lock.out" && return 0
		sleep 0.05
	done
	fail "the sqlite3 tool takes the write lock" "$(cat "$TMP/lock.out")"
}

lock_release() {
	echo "ROLLBACK;" >&3
	exec 3>&-
	wait "$LOCK_HOLDER"
}

# Make a demo database at $DB with the real program.
make_demo() {
	VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo >/dev/null
}

# grow_demo: sixteen times the demo's households (copies, without
# names), written with the stock sqlite3 tool: the triggers keep the
# tally and the word index right.  Then demo_overdue prints how many are
# overdue on TODAY (the 14 days of the shipped configuration).
grow_demo() {
	local i
	for i in 1 2 3 4; do
		sqlite3 "$DB" "INSERT INTO household (department, stairwell,
		    flat, moved_in, moved_out, state, attempts, next_date,
		    flags, handled_on, sort_key, created_at, created_by,
		    updated_at, updated_by) SELECT department, stairwell, flat,
		    moved_in, moved_out, state, attempts, next_date, flags,
		    handled_on, sort_key, created_at, created_by, updated_at,
		    updated_by FROM household"
	done
}
demo_overdue() {
	sqlite3 "$DB" "SELECT count(*) FROM household WHERE state IN
	    ('awaiting', 'partly') AND (moved_out IS NULL OR
	    moved_out > '$TODAY') AND moved_in < date('$TODAY', '-14 days')"
}

# group N SEP: N grouped in thousands with SEP ("1,234", "1.234").
group() {
	printf '%s' "$1" | sed -e ':a' -e "s/\\([0-9]\\)\\([0-9]\\{3\\}\\)\\(\$\\|$2\\)/\\1$2\\2\\3/; ta"
}

# other_pieces REVERSE FILE: the pieces of the other language, one per
# line, into FILE: with REVERSE 0 the English pieces (for a Danish
# screen), with 1 the Danish ones.  They are the messages of
# share/po/da.po whose two languages differ, cut at the printf
# conversions (tests/tui/english.awk), less any text of the shipped
# configuration (stairwell names such as "Opgang 1" are data).
other_pieces() {
	local conf=$top/share/velkomst/velkomst.conf
	msgcat --no-wrap "$top/share/po/da.po" |
	    awk -v reverse="$1" -f "$top/tests/tui/english.awk" |
	    awk -v conf="$conf" 'BEGIN { while ((getline l < conf) > 0)
		t = t "\n" l }
	    index(t, $0) == 0' | sort -u >"$2"
}

# lang_pieces: both languages' pieces, into $TMP/english and $TMP/danish.
lang_pieces() {
	other_pieces 0 "$TMP/english"
	other_pieces 1 "$TMP/danish"
}

# whole LANG NAME: a check that the screen now has no piece of the
# other language (lang_pieces first) and nothing cut ("…").
whole() {
	local lang=$1 name=$2 found s pieces=$TMP/danish
	[ "$lang" = da ] && pieces=$TMP/english
	s=$(tui_screen)
	found=$(printf '%s\n' "$s" | grep -F -w -o -f "$pieces" |
	    sort -u | head -5 | tr '\n' '|')
	if [ -n "$found" ]; then
		fail "$lang: $name has no words of the other language" "$found"
	elif printf '%s\n' "$s" | grep -q '…'; then
		fail "$lang: $name is not cut" "$(printf '%s\n' "$s" | grep '…')"
	else
		ok "$lang: $name in its language, whole at 80x24"
	fi
}
