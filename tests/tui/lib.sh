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

tui_cleanup() {
	local i
	for ((i = 0; i <= STARTS; i++)); do
		tmux -L "velkomst-test-$$-$i" kill-server >/dev/null 2>&1
	done
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
		*"Create the first admin account"*) first=1; break ;;
		*"Type your login"*) first=0; break ;;
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
	tui_wait "Logged in as $login" 400 || {
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
# /proc: a fresh Debian has no procps (pgrep).
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

# Wait until the screen no longer shows text.
tui_wait_gone() {
	local text=$1 limit=${2:-200} i
	for ((i = 0; i < limit; i++)); do
		tui_screen | grep -F -q -- "$text" || return 0
		sleep 0.05
	done
	return 1
}

# Poll until two captures 50 ms apart agree: the keys sent are handled.
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

# expect_not NAME TEXT: a check that TEXT is not on the screen now.
expect_not() {
	if tui_screen | grep -F -q -- "$2"; then fail "$1" "\"$2\" is on the screen"; else ok "$1"; fi
}

# Make a demo database at $DB with the real program.
make_demo() {
	VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo >/dev/null
}
