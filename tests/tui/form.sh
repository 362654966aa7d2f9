#!/usr/bin/env bash
# A wrong field keeps the form: a wrong date, an empty name, an unknown
# stairwell and a CPR number each say what is wrong; nothing typed is lost.
. "$(dirname "$0")/lib.sh"

tui_start
tui_wait "Register a move-in"
tui_keys n
expect_title "n opens the form from home" "Household form"
# Department typed by its key, stairwell typed wrong.
tui_type "605"
tui_keys Tab
tui_type "Opgang 99"
tui_keys Tab
tui_type "st. tv."
tui_keys Tab C-u
tui_type "31.02.2026"
tui_keys Tab
tui_type "Mette Frølund"
tui_keys Tab Tab Tab Tab Tab Tab
tui_type "CPR 010190-1234"
tui_keys F2
expect "a wrong date says why" "There is no such day in that month"
expect "the wrong date is kept as typed" "31.02.2026"
expect "an unknown stairwell says so" 'There is no stairwell "Opgang 99" in BB-afd. 605'
expect "the message line says nothing was saved" "fields need a change; nothing is"
expect "the name typed is still there" "Mette Frølund"
expect "a CPR number in the notes is refused" "That looks like a CPR number"
# Go down to the notes field, the last.
tui_keys Down Down Down Down Down Down Down Down Down Down Down Down
tui_wait "That was the last field"
if "$BIN" --db "$DB" households --format tsv | grep -q Frølund; then
	fail "nothing was saved" "the household is in the database"
else
	ok "nothing was saved"
fi
# Mend the fields one by one and save.
tui_keys C-u
tui_type "Ring on the door twice."
tui_keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
tui_keys Down
expect_line "the stairwell field is focused" "^  Stairwell +Opgang 99 +Enter: pick"
tui_keys Enter
expect "the stairwell list opens for the mended field" "Pick the stairwell"
tui_keys Enter
tui_wait_gone "Pick the stairwell"
tui_keys Down C-u
tui_type "2026-02-28"
tui_keys F2
expect "a date more than a year ahead is refused" "more than"
tui_keys C-u
tui_type "28-5-2019"
tui_keys F2
expect "once every field is right, it saves" "is in the register"
if "$BIN" --db "$DB" households --format tsv | grep -q $'\t605\tOpgang 1\tst. tv.\t2019-05-28\t\tMette Frølund\t'; then
	ok "the saved household has what was typed"
else
	fail "the saved household has what was typed" "not in households --format tsv"
fi
# Saving opened the household: back home.
tui_keys Escape
tui_wait "Welcome to velkomst"
# Esc on a changed form asks first.
tui_keys n
tui_wait_title "Household form"
tui_type "606"
tui_keys Escape
expect "Esc on a changed form warns first" "Press Esc again to"
expect "the form is still there" "606"
tui_keys Escape
expect "the second Esc leaves" "Welcome to velkomst"
# Phone without consent is refused, but kept.
tui_keys n
tui_wait_title "Household form"
tui_type "605"
tui_keys Tab
tui_type "Opgang 2"
tui_keys Tab
tui_type "3. 12"
tui_keys Tab Tab
tui_type "Ali Hassan"
tui_keys Tab Tab Tab Tab
tui_type "+45 12 34 56 78"
tui_keys F2
expect "phone needs consent" "kept only with consent"
expect "the phone typed is kept" "+45 12 34 56 78"
tui_keys Up
expect_line "the consent field is focused" "^  Consent given +\[ \] no +Space: yes/no"
tui_keys Space
expect "ticking consent shows who recorded it" "Consent recorded by"
tui_keys F2
expect "with consent it saves" "is in the register"
if "$BIN" --db "$DB" households --search ali --format tsv | grep -q "Ali Hassan"; then
	ok "the consented household is saved"
else
	fail "the consented household is saved" "not found"
fi
