#!/usr/bin/env bash
# The terminal as people have it: a locale that is not UTF-8 falls back to
# C.UTF-8 (names still line up), NO_COLOR takes the colours away but not
# the meaning, and a wide terminal gives the names more room.
. "$(dirname "$0")/lib.sh"

make_demo
T_LANG=POSIX T_LC_ALL=POSIX tui_start
tui_wait "Register a move-in"
tui_keys 1
tui_wait_title Households
n=$("$BIN" --db "$DB" households --search "sør" --format tsv | tail -n +2 | wc -l)
tui_keys /
tui_type "sør"
tui_wait "Search: sør"
expect "POSIX locale: typed ø still searches" "· $n households"
expect_line "POSIX locale: Danish letters are drawn" "^ [0-9.]+  Søren"
tui_keys C-u
tui_type "陈"
tui_wait "Search: 陈"
expect_line "POSIX locale: Chinese is found and drawn" "^ [0-9.]+  陈"
tui_keys C-u
tui_type "محمد"
tui_wait "Search: محمد"
expect_line "POSIX locale: Arabic is found and drawn" "^ [0-9.]+  محمد"

# Colour, then NO_COLOR: the selected line is still marked (reverse).
tui_start
tui_wait_title Home
if "${TM[@]}" capture-pane -p -e | grep -q $'\e\\[[0-9;]*3[0-7]m\|\e\\[[0-9;]*4[0-7]m\|38;5\|48;5'; then
	ok "colours are used by default"
else
	fail "colours are used by default" "no colour codes on the screen"
fi
NO_COLOR=1 tui_start
tui_wait_title Home
if "${TM[@]}" capture-pane -p -e | grep -q $'\e\\[[0-9;]*3[0-7]m\|\e\\[[0-9;]*4[0-7]m\|38;5\|48;5'; then
	fail "NO_COLOR: no colours" "colour codes on the screen"
else
	ok "NO_COLOR: no colours"
fi
if "${TM[@]}" capture-pane -p -e | grep -q $'\e\\[[0-9;]*7m'; then
	ok "NO_COLOR: the selected line is still marked (reverse)"
else
	fail "NO_COLOR: the selected line is still marked (reverse)" "no reverse video"
fi

W=132 H=40 tui_start
tui_wait "Register a move-in"
tui_keys 1
expect "a wide terminal shows more of the list" "Tranemosegaard"

# Without --db: the default database is created 0600 in a 0700 folder.
DB= tui_start
expect "starts on a new default database" "0 households are in the register"
f=$TMP/data/velkomst/velkomst.db
if [ "$(stat -c %a "$f" 2>/dev/null)" = 600 ] && [ "$(stat -c %a "$TMP/data/velkomst")" = 700 ]; then
	ok "the default database is 0600 in a 0700 folder"
else
	fail "the default database is 0600 in a 0700 folder" "$(stat -c '%a %n' "$f" "$TMP/data/velkomst" 2>&1)"
fi
