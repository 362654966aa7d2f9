#!/usr/bin/env bash
# Every example of velkomst(1)'s EXAMPLES section (or SECTION of PAGE), run as the page
# writes it, in order, on a demo database: each must exit 0.  A command
# of the page is a line "$ ..." of a .Bd -literal display; "velkomst" is
# the program under test, /tmp/demo.db is a file of the test, and the
# default database ($XDG_DATA_HOME/velkomst/velkomst.db) is a demo too, as
# it would be for someone who tried the first example without --db.  The
# example that opens the screens runs in tmux and is left with Esc.
. "$(dirname "$0")/lib.sh"
unset VELKOMST_TODAY	# the first example sets it
PAGE=${PAGE:-$top/man/velkomst.1}
SECTION=${SECTION:-EXAMPLES}	# the Danish page's is EKSEMPLER
WORK=$TMP/work
mkdir -p "$WORK"
DEMO=$TMP/demo.db

# The commands of the SECTION, one a line, without "$ ".
examples() {
	awk -v sh=".Sh $SECTION" '/^\.Sh / { inex = ($0 == sh) }
	     inex && /^\.Bd -literal/ { lit = 1; next }
	     inex && /^\.Ed/ { lit = 0 }
	     inex && lit && /^\$ / { sub(/^\$ /, ""); print }' "$PAGE"
}

velkomst() {
	"$BIN" "$@"
}

# Run the screens in tmux (ARGS are velkomst's), leave them with Esc on
# the login screen, and say how velkomst exited; 1 when it never showed
# the login screen.
run_screens() {
	local sock=velkomst-ex-$$ i s rc=
	tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
	    -e TERM=tmux-256color -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
	    -e VELKOMST_TODAY="$VELKOMST_TODAY" -e VELKOMST_SHARE="$VELKOMST_SHARE" \
	    -e LSAN_OPTIONS="$LSAN_OPTIONS" -e HOME="$HOME" \
	    -e XDG_DATA_HOME="$XDG_DATA_HOME" -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	    "cd $WORK && $BIN $*; echo velkomst-exited-\$?; sleep 600"
	for ((i = 0; i < 400; i++)); do
		s=$(tmux -L "$sock" capture-pane -p)
		case $s in *"Press Esc to leave velkomst"*) break ;; esac
		sleep 0.05
	done
	tmux -L "$sock" send-keys Escape
	for ((i = 0; i < 400; i++)); do
		s=$(tmux -L "$sock" capture-pane -p)
		rc=$(printf '%s\n' "$s" | sed -n 's/^velkomst-exited-//p')
		[ -n "$rc" ] && break
		sleep 0.05
	done
	tmux -L "$sock" kill-server >/dev/null 2>&1
	printf '%s\n' "$s" >"$TMP/out"
	: >"$TMP/err"
	[ -n "$rc" ] || rc=124
	return "$rc"
}

# Opens the screens: velkomst with options only, no subcommand.
is_screens() {
	local w skip=
	for w in $1; do
		[ -n "$skip" ] && { skip=; continue; }
		case $w in
		velkomst) ;;
		--db | --config) skip=1 ;;
		--*) ;;
		*) return 1 ;;
		esac
	done
	return 0
}

n=$(examples | grep -c .)
if [ "$n" -ge 10 ]; then
	ok "the $SECTION section has $n commands"
else
	fail "the $SECTION section has $n commands" "found fewer than 10: is the section still there?"
fi

# What the examples take for granted: a demo at the default place, and
# the new configuration that the last example tries.
VELKOMST_TODAY=2019-06-01 "$BIN" --db "$XDG_DATA_HOME/velkomst/velkomst.db" demo >/dev/null
cp "$VELKOMST_SHARE/velkomst.conf" "$WORK/new.conf"

cd "$WORK" || exit 1
while IFS= read -r cmd; do
	line=${cmd//\/tmp\/demo.db/$DEMO}
	case $line in
	export\ *)
		eval "$line"
		ok "$cmd"
		continue ;;
	esac
	if is_screens "$line"; then
		run_screens "${line#velkomst }"
	else
		eval "$line" >"$TMP/out" 2>"$TMP/err"
	fi
	RC=$?
	check "$cmd" 0
done < <(examples)

# The examples wrote what they promise.
for f in 605.tsv visits.tsv coverage.tsv; do
	if [ -s "$WORK/$f" ]; then ok "$f is written"; else fail "$f is written" "empty or missing"; fi
done
