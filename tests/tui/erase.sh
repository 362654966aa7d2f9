#!/usr/bin/env bash
# Erasure on the screens, in English and in Danish at 80x24: the
# secretariat's home screen says how many households are due for
# deletion and what to run (an ambassador's does not); an erased
# household reads "(erased)" in the list, its screen says
# when and why, and it cannot be visited; after velkomst purge the home
# screen has its welcome back.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
lang_pieces

# The newest household (first in the list): erased on request.
ID=$(sqlite3 "$DB" "SELECT id FROM household ORDER BY moved_in DESC, id DESC LIMIT 1")
VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" erase household "$ID" --yes >/dev/null
# What the shipped rules find due today, counted here in SQL.
due=$(sqlite3 "$DB" "SELECT count(*) FROM household WHERE sort_key <> '' AND
    ((moved_out IS NOT NULL AND moved_out <= date('$TODAY', '-90 days'))
    OR (state <> 'awaiting' AND last_visit <= date('$TODAY', '-365 days'))
    OR (state = 'awaiting' AND moved_in <= date('$TODAY', '-365 days')))")
[ "$due" -gt 0 ] && ok "$due households are due" || fail "households are due" "none"

LANGUAGE=en tui_start
expect "en: the home screen says how many are due, and what to run" \
    "Welcome to velkomst · $due households due for deletion: velkomst purge"
whole en "the secretariat's home screen"
tui_keys 1
tui_wait_title "Households"
expect "en: the erased household in the list" "(erased)"
tui_keys Enter
tui_wait_title "Household"
expect "en: its screen says it was erased, when and why" \
    "on 01.06.2019, on request: the names, flat, contact"
whole en "the erased household's screen"
expect_not "en: no member is named" "Who lives there"
tui_keys v
expect "en: it cannot be visited" "it can no longer be visited or"
expect_not "en: the visit did not open" "velkomst · Welcome visit"
tui_keys x
tui_wait "Type your login"

LANGUAGE=da tui_start
expect "da: the home screen says how many are due, and what to run" \
    "Velkommen til velkomst · $due husstande skal slettes: velkomst purge"
whole da "the secretariat's home screen"
tui_keys 1
tui_wait_title "Husstande"
expect "da: the erased household in the list" "(slettet)"
tui_keys Enter
expect "da: its screen says it was erased" "den 01.06.2019 efter ønske"
whole da "the erased household's screen"
tui_keys v
expect "da: it cannot be visited" "den kan ikke længere besøges"
tui_keys x
tui_wait "Skriv dit brugernavn"

# An ambassador is told nothing about deletion.
LOGIN=birgit SECRET=1234 LANGUAGE=en tui_start
expect "en: an ambassador's home screen welcomes" \
    "Welcome to velkomst: the stairwell ambassadors' register"
expect_not "en: and says nothing about deletion" "due for deletion"
tui_keys x
tui_wait "Type your login"

# After the purge nothing is due: the welcome is back.
VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" purge --yes >/dev/null
LANGUAGE=en tui_start
expect "en: after velkomst purge the welcome is back" \
    "Welcome to velkomst: the stairwell ambassadors' register"
expect_not "en: and nothing is due" "due for deletion"
tui_keys q
tui_wait "velkomst-exited-0"
