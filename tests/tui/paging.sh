#!/usr/bin/env bash
# A long register: the list slides a window of rows both ways (End fetches
# the last window, PgUp fetches backward), and paging far down and back up
# again returns to the same rows.
. "$(dirname "$0")/lib.sh"

VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo --households 700 >/dev/null
"$BIN" --db "$DB" households --format tsv | tail -n +2 | cut -f7 >"$TMP/names"
first=$(head -1 "$TMP/names" | cut -d";" -f1)
last=$(tail -1 "$TMP/names" | cut -d";" -f1)
tui_start
tui_wait "Register a move-in"
tui_keys 1
expect "the list opens on the newest" "$first"
tui_keys End
expect "End shows the oldest household" "$last"
for i in $(seq 1 40); do tui_keys PageUp; done
tui_keys Home
expect "Home returns to the newest" "$first"
for i in $(seq 1 50); do tui_keys PageDown; done
expect "50 pages down reach the end" "$last"
for i in $(seq 1 50); do tui_keys PageUp; done
expect "50 pages up (fetched backward) reach the start" "$first"
# Deep in the list (25 pages down), a household opened and closed again
# leaves the list where it was.
for i in $(seq 1 25); do tui_keys PageDown; done
tui_keys Down Down
tui_sync
before=$(tui_screen | sed -n 4,21p)
tui_keys Enter
expect_title "a household deep in the list opens" "Household"
tui_keys Escape
tui_wait_title Households
after=$(tui_screen | sed -n 4,21p)
if [ "$before" = "$after" ]; then ok "back in the same place in the list"; else fail "back in the same place in the list" "the rows shown changed"; fi

# A tall terminal: the list fetches about a screenful at a time (20 rows),
# and asks for the rest of what fits, so all 56 rows are filled; paging
# still reaches the end and the start.
H=60 tui_start
tui_wait "Register a move-in"
tui_keys 1
expect "tall: the list opens on the newest" "$first"
tui_sync
shown=$(tui_screen | grep -cE '^ [0-9]{2}\.[0-9]{2}\.[0-9]{4} ')
[ "$shown" -ge 50 ] && ok "tall: every line of the list is filled ($shown rows)" || fail "tall: every line of the list is filled" "$shown rows shown"
nth=$(sed -n "${shown}p" "$TMP/names" | cut -d";" -f1)
expect "tall: the last line shows the ${shown}th household" "$nth"
for i in $(seq 1 20); do tui_keys PageDown; done
expect "tall: 20 pages down reach the end" "$last"
for i in $(seq 1 20); do tui_keys PageUp; done
expect "tall: 20 pages up reach the start" "$first"
