#!/usr/bin/env bash
# Counting exactly where a list says "1,000+": the bottom line offers c
# (Count / Tæl) only while the count is capped; c counts every household
# of the list and shows the count grouped in thousands ("1,234" /
# "1.234"); then c leaves the bottom line.  The count stays after a
# household is opened and closed, until the file changes.  English and
# Danish.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

# Sixteen times the demo's households (lib.sh).
grow_demo
over=$(demo_overdue)
if [ "$over" -gt 1000 ]; then
	ok "$over welcomes are overdue"
else
	fail "more than 1,000 overdue" "$over"
fi

LANGUAGE=en tui_start
tui_keys 4
tui_wait_title "Overdue welcomes"
expect "en: the overdue list says 1,000+" "· 1,000+ households"
expect "en: the bottom line offers c to count" "c Count"
expect "en: and keeps Esc and F1 in 80 columns" "Esc Back F1 Help"
expect_not "en: not counted before c" "$(group "$over" ,) households"
tui_keys c
tui_wait "· $(group "$over" ,) households"
expect "en: c counts exactly, grouped" "· $(group "$over" ,) households"
expect_not "en: counted, c leaves the bottom line" "c Count"
expect_not "en: the message is gone" "Counting"
# A household opened and closed: the count asked for stays while the
# file is as it was; once another program has written to it, the list
# counts again up to 1,000.
tui_keys Enter
tui_wait_title "Household"
tui_keys Escape
tui_wait_title "Overdue welcomes"
expect "en: back from a household, the exact count stays" "· $(group "$over" ,) households"
sqlite3 "$DB" "UPDATE household SET notes = 'changed elsewhere' WHERE id = 1"
tui_keys Enter
tui_wait_title "Household"
tui_keys Escape
tui_wait "· 1,000+ households"
expect "en: changed by another program, counted again" "· 1,000+ households"
# The register's own count is exact: no c there.
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys 1
tui_wait_title "Households"
expect_not "en: an exact count offers no c" "c Count"
tui_keys Escape
tui_wait "Welcome to velkomst"
tui_keys x
tui_wait "Type your login"

LANGUAGE=da tui_start
tui_keys 4
tui_wait_title "Forsinkede velkomster"
expect "da: the overdue list says 1.000+" "· 1.000+ husstande"
expect "da: the bottom line offers c to count" "c Tæl"
expect "da: and keeps Esc and F1 in 80 columns" "Esc Tilbage F1 Hjælp"
expect_not "da: not counted before c" "$(group "$over" .) husstande"
tui_keys c
tui_wait "· $(group "$over" .) husstande"
expect "da: c counts exactly, grouped" "· $(group "$over" .) husstande"
expect_not "da: counted, c leaves the bottom line" "c Tæl"
tui_keys Escape
tui_wait "Velkommen til velkomst"
tui_keys x
tui_wait "Skriv dit brugernavn"
