#!/usr/bin/env bash
# Welcome visits through the keys: a full visit, a partly visit with a
# follow-up date, three not-home attempts that put the household on the
# secretariat's list, and Esc in the middle of a visit.
. "$(dirname "$0")/lib.sh"

# Register one household through the CLI-free way: the form.
register() {	# NAME STAIRWELL FLAT
	tui_keys n
	tui_wait_title "Household form"
	tui_type "605"
	tui_keys Tab
	tui_type "$2"
	tui_keys Tab
	tui_type "$3"
	tui_keys Tab C-u
	tui_type "10.05.2019"
	tui_keys Tab
	tui_type "$1"
	tui_keys F2
	tui_wait "is in the register"
	tui_keys Escape
	tui_wait "Welcome to velkomst"
}

tui_start
tui_wait "Register a move-in"
register "Hodan Warsame" "Opgang 1" "st. tv."
register "Jens Bjørnskov" "Opgang 1" "1. th."
register "Fatima Al-Hassan" "Opgang 2" "2. mf."
register "Ulla Kjær" "Opgang 2" "3. tv."
tui_keys 3
expect "the queue lists who to visit" "Queue: who to visit"
expect "the queue shows days since move-in, overdue marked" "22!"
tui_keys d
tui_wait "Which department?"
tui_keys Down Enter
# The line above the list names the place (the pick list names it too,
# without the count after it).
expect "d narrows the queue to a department" "BB-afd. 605 ·"
tui_keys s
tui_wait "Which stairwell?"
tui_keys Down Enter
expect "s narrows it to a stairwell" "BB-afd. 605, Opgang 1 ·"
expect_not "other stairwells leave the queue" "Fatima"

# A full visit: everything done or not relevant.
tui_keys /
tui_type "hodan"
tui_keys Enter v
expect "v opens the visit" "The checklist at the door"
expect "the ambassador's name comes first" "Ambassador"
tui_type "Birgit Holm"
tui_keys Tab Tab
expect "the item's text says what to tell" "activities"
tui_keys d d d d n d
expect "a referral item asks for a note when done" "Write what to pass"
tui_type "Wants a Danish course."
tui_keys Enter
tui_keys F2
expect "a full visit welcomes the household" "the household is welcomed"
expect_not "the welcomed household leaves the queue" "Hodan"
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"
if "$BIN" --db "$DB" households --search hodan --format tsv | cut -f8 | grep -qx welcomed; then
	ok "the household is welcomed in the database"
else
	fail "the household is welcomed in the database" "not welcomed"
fi
if "$BIN" --db "$DB" visits --format tsv | grep -q $'\tBirgit Holm\twelcomed\t\tarea=done; houses=done; laundry=done; waste=done; board605=not_relevant; concern=done\t1'; then
	ok "the visit and its items are saved"
else
	fail "the visit and its items are saved" "$("$BIN" --db "$DB" visits --format tsv | tail -1)"
fi

# A partly visit: one item later; a day to come back is asked for.
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "jens"
tui_keys Enter Enter
tui_wait "Household "
tui_keys v
tui_wait "The checklist at the door"
expect "the ambassador's name is remembered" "Birgit Holm"
tui_keys d l n n n n
expect "a later item asks when to come back" "Come back on"
expect "the day to come back is proposed" "04.06.2019"
expect "after the last item the day to come back has the cursor" "Come back on"
tui_keys C-u
tui_type "31.05.2019"
tui_keys F2
expect "a day to come back in the past is refused" "cannot be in the past"
tui_keys C-u
tui_type "05.06.2019"
tui_keys F2
expect "a partly visit is saved" "partly welcomed"
expect "the household shows the partly visit" "come back 05.06.2019"
tui_keys Escape
tui_wait "Search:"
tui_keys Escape Escape
tui_wait "Welcome to velkomst"

# Three times nobody home: the secretariat's list.
for i in 1 2 3; do
	tui_keys 1
	tui_wait_title Households
	tui_keys /
	tui_type "fatima"
	tui_keys Enter v
	tui_wait "The checklist at the door"
	tui_keys h
	expect "not home $i: a day to try again" "Try again on"
	tui_keys F2
	tui_wait "Saved"
	tui_keys Escape
	tui_wait "Search cleared"
	tui_keys Escape
	tui_wait "Welcome to velkomst"
done
expect "the third time says the secretariat takes over" "need the secretariat"
tui_keys 5
expect "the secretariat's list has her" "Fatima Al-Hassan"
expect "the reason is shown" "not home 3"
expect "the referral from the first visit is there too" "referral"
tui_keys /
tui_type "fatima"
tui_keys Enter Enter
expect "the household says why" "not home too often"
tui_keys f
expect "f opens the follow-up form" "Record what the secretariat did"
tui_keys F2
expect "F2 takes her off the list" "has left"
tui_keys Escape
# The list (and its "Search:") is drawn only once it has been fetched
# again, without her.
tui_wait "Search:"
expect_not "she has left the list" "Fatima"
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"

# Esc in the middle: asked, then nothing saved with n; saved with y.
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "ulla"
tui_keys Enter v
tui_wait "The checklist at the door"
tui_keys d d
tui_keys Escape
expect "Esc in the middle asks first" "Leave the visit?"
tui_keys n
expect "n leaves without saving" "not saved"
n=$("$BIN" --db "$DB" visits --format tsv | grep -c .)
tui_keys v
tui_wait "The checklist at the door"
tui_keys d d
tui_keys Escape
tui_wait "Leave the visit?"
tui_keys Escape
if tui_wait_gone "Leave the visit?"; then ok "Esc goes on with the visit"; else fail "Esc goes on with the visit" "the question stays"; fi
expect "the checklist is still there" "[x] done"
tui_keys Escape
tui_wait "Leave the visit?"
tui_keys y
expect "y saves what is set, the rest as later (partly)" "partly welcomed"
m=$("$BIN" --db "$DB" visits --format tsv | grep -c .)
if [ "$m" = $((n + 1)) ]; then ok "exactly one visit was saved"; else fail "exactly one visit was saved" "$n then $m lines"; fi

# F9 locks while the question is open, and the PIN brings it back.
tui_keys Escape
tui_wait "Search:"
tui_keys Enter v
tui_wait "The checklist at the door"
tui_keys d
tui_keys Escape
tui_wait "Leave the visit?"
tui_keys F9
expect "F9 locks while the visit asks a question" "The screen is locked"
expect_not "the locked screen hides the visit" "Ulla"
tui_type "demo-sekretariat"
tui_keys Enter
expect "the password brings the question back" "Leave the visit?"
tui_keys n
tui_wait "not saved"

# The name remembered is the secretariat's: another login (not tied to
# an ambassador) starts with an empty Ambassador field.
tui_keys Escape
tui_wait "Search cleared"
tui_keys Escape
tui_wait "Welcome to velkomst"
printf 'another-pw-12\n' |
    "$BIN" --db "$DB" user add helper --role secretariat --password-stdin \
    >/dev/null
tui_keys x
tui_login helper another-pw-12
tui_keys 1
tui_wait_title Households
tui_keys /
tui_type "ulla"
tui_keys Enter v
expect "another login opens a visit" "The checklist at the door"
expect_not "another login does not get the last ambassador's name" "Birgit Holm"
