# tests/cli/lib.sh — run the real binary (ASan/UBSan build) and check its
# output and exit code.  Each check prints "ok   NAME" or "FAIL NAME: why";
# a failing one keeps its output under $VELKOMST_TEST_OUT.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${VELKOMST_BIN:-$top/build/san/velkomst}
SUITE=${SUITE:-cli/$(basename "$0" .sh)}
OUT=${VELKOMST_TEST_OUT:-$top/build/test-out}
EXPECTED=$top/tests/cli/expected
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export VELKOMST_SHARE=$top/share/velkomst
export VELKOMST_TODAY=2019-06-01
export HOME=$TMP/home XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
DB=$TMP/velkomst.db

ok() { echo "ok   $SUITE: $1"; }
fail() {
	local f=$OUT/$(echo "$SUITE-$1" | tr '/ ' '__')
	cp "$TMP/out" "$f.stdout" 2>/dev/null
	cp "$TMP/err" "$f.stderr" 2>/dev/null
	echo "FAIL $SUITE: $1: $2 (output kept in $f.*)"
}

# run ARGS...: run velkomst, keeping stdout, stderr and the exit code.
run() {
	"$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
}

# on_tty ARGS...: run velkomst ARGS on a terminal (script(1) gives it
# one): $TMP/tty is all it wrote there, $TMP/shown what the terminal
# shows (each line with its carriage returns played), RC the exit code.
# What it reads there comes from ON_TTY_IN (a file; none by default).
on_tty() {
	local cmd a
	cmd=$(printf '%q' "$BIN")
	for a in "$@"; do
		cmd+=" $(printf '%q' "$a")"
	done
	script -qec "$cmd" /dev/null <"${ON_TTY_IN:-/dev/null}" >"$TMP/tty" 2>&1
	RC=$?
	awk '{ n = split($0, seg, "\r"); buf = ""
	    for (i = 1; i <= n; i++) { s = seg[i]
		buf = length(s) >= length(buf) ? s : s substr(buf, length(s) + 1) }
	    sub(/ +$/, "", buf); print buf }' "$TMP/tty" >"$TMP/shown"
}

# busy_then NAME RC GONE RESULT LINE...: the last on_tty run exited RC,
# wrote each LINE (fixed text) on the terminal while it worked, left
# nothing matching GONE (a grep pattern) on the screen, and shows RESULT
# (a grep pattern).
busy_then() {
	local name=$1 want=$2 gone=$3 result=$4 line bad=
	shift 4
	for line in "$@"; do
		grep -q -F -- "$line" "$TMP/tty" || bad="no \"$line\""
	done
	if [ "$RC" != "$want" ]; then
		bad="exit $RC, want $want"
	elif grep -q -- "$gone" "$TMP/shown"; then
		bad="\"$gone\" is left on the screen"
	elif ! grep -q -- "$result" "$TMP/shown"; then
		bad="no \"$result\" on the screen"
	fi
	if [ -z "$bad" ]; then
		ok "$name"
	else
		fail "$name" "$bad: $(tr '\r' '\n' <"$TMP/tty" | head -c 400)"
	fi
}

# check NAME RC [TEXT [stdout|stderr]]: the last run exited RC and printed TEXT.
check() {
	local name=$1 want=$2 text=${3:-} where=${4:-stdout} file
	file=$TMP/out
	[ "$where" = stderr ] && file=$TMP/err
	if [ "$RC" != "$want" ]; then
		fail "$name" "exit $RC, want $want; stderr: $(head -c 300 "$TMP/err")"
	elif [ -n "$text" ] && ! grep -F -q -- "$text" "$file"; then
		fail "$name" "no \"$text\" in $where"
	else
		ok "$name"
	fi
}

# same NAME FILE EXPECTED: the last run's stdout equals a file in expected/.
same() {
	if diff -u "$EXPECTED/$2" "$TMP/out" >"$TMP/diff"; then
		ok "$1"
	else
		cp "$TMP/diff" "$OUT/$(echo "$SUITE-$1" | tr '/ ' '__').diff"
		fail "$1" "output differs from tests/cli/expected/$2"
	fi
}
