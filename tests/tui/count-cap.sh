#!/usr/bin/env bash
# Counts that stop at 1,000: with more than a thousand overdue welcomes
# the home screen and the overdue list say "1,000+" ("1.000+" in Danish)
# instead of counting every one; the register's own count stays exact and
# is grouped in thousands (kept in a tally, the same cost at any size);
# an ambassador's home screen counts only her departments; and an exact
# count under the cap is shown as it is.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

# Sixteen times the demo's households (lib.sh).
grow_demo
total=$(sqlite3 "$DB" "SELECT count(*) FROM household")
over=$(demo_overdue)
hers=$(sqlite3 "$DB" "SELECT count(*) FROM household WHERE department = '605'")
if [ "$total" -gt 1000 ] && [ "$over" -gt 1000 ] && [ "$hers" -lt 1000 ]; then
	ok "the register has $total households, $over overdue, $hers in 605"
else
	fail "the register is big enough" "$total, $over overdue, $hers in 605"
fi

LANGUAGE=en tui_start
expect "en: the register is counted exactly, in thousands" \
    "$(group "$total" ,) households are in the register."
expect "en: more than 1,000 overdue reads 1,000+" "1,000+ welcomes are overdue"
expect_not "en: the overdue count is not spelt out" "$over welcomes"
tui_keys 4
tui_wait_title "Overdue welcomes"
expect "en: the overdue list says 1,000+" "· 1,000+ households"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title "Households"
expect "en: the register's list counts exactly" \
    "newest move-in first · $(group "$total" ,) households"
tui_keys /
tui_type "søren"
expect "en: a search under the cap is counted as it is" \
    "newest move-in first · $(sqlite3 "$DB" "SELECT count(DISTINCT household_id) FROM name_word WHERE key >= 'soeren' AND key < 'soereo'") households"
tui_keys Escape
tui_wait_gone "søren"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys x
tui_wait "Type your login"

LANGUAGE=da tui_start
expect "da: the register is counted exactly, in thousands" \
    "$(group "$total" .) husstande er i registret."
expect "da: more than 1.000 overdue reads 1.000+" \
    "1.000+ velkomster er forsinkede"
tui_keys 4
tui_wait_title "Forsinkede velkomster"
expect "da: the overdue list says 1.000+" "· 1.000+ husstande"
tui_keys Escape
tui_wait "Velkommen til velkomst"
tui_keys x
tui_wait "Skriv dit brugernavn"

# An ambassador counts her departments only: under the cap, exactly.
LANGUAGE=en LOGIN=birgit SECRET=1234 tui_start
expect "birgit's register is her department's" \
    "$hers households are in the register."
