#!/usr/bin/env bash
# Move-ins as the queue and the secretariat meet them: the queue serves
# right at move-in (the long overdue are on the secretariat's list, "not
# reached in time"); a move-in registered twice asks first (o opens the
# one there, r registers anyway); a new household opens with v for the
# visit; the secretariat deletes a household registered by mistake with
# its visits, the audit trail keeping its id only; an ambassador's D
# says why not.
. "$(dirname "$0")/lib.sh"

make_demo
cli() {
	VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" "$@"
}

# A demo household to register again: moved in within the 30 days before
# today, not moved out, with visits; and how many visits it has.
pick=$(awk -F '\t' 'NR == FNR { if (FNR > 1) v[$2]++; next }
    FNR > 1 && $6 == "" && $5 >= "2019-05-02" && $5 <= "2019-05-31" &&
    v[$1] > 0 { split($7, m, "; "); print $1 "\t" $2 "\t" $3 "\t" $4 \
    "\t" $5 "\t" m[1] "\t" v[$1]; exit }' \
    <(cli visits --format tsv) <(cli households --format tsv))
IFS=$'\t' read -r N DEPT STAIR FLAT IN NAME NVISITS <<<"$pick"
if [ -n "$N" ] && [ "${NVISITS:-0}" -gt 0 ]; then
	ok "the demo has a recent household with visits"
else
	fail "the demo has a recent household with visits" "none found"
fi
DK=$(echo "$IN" | awk -F- '{ print $3 "." $2 "." $1 }')

tui_start
tui_wait "Register a move-in"

# The queue: what can still be welcomed, most urgent first.
tui_keys 3
expect "the queue opens" "Queue: who to visit"
tui_wait "Where"
top=$(tui_screen | grep -A1 'Where.*Names.*Days' | tail -1 |
    grep -o '[0-9]*!' | head -1)
if [ -n "$top" ] && [ "${top%!}" -le 74 ]; then
	ok "the queue starts with a welcome that can still be made (${top})"
else
	fail "the queue starts with a welcome that can still be made" \
	    "the first row is ${top:-not overdue}"
fi
tui_keys Escape
tui_wait "Register a move-in"
tui_keys 5
expect "the secretariat's list opens" "velkomst · Needs the secretariat"
expect "the long overdue are there, not reached in time" \
    "not reached in time"
tui_keys Escape
tui_wait "Register a move-in"

# Fill the move-in form with N's place and move-in, and a new name.
fill() {
	tui_keys n
	tui_wait "Register a household that has moved in"
	tui_type "$DEPT"
	tui_keys Tab
	tui_type "$STAIR"
	tui_keys Tab
	tui_type "$FLAT"
	tui_keys Tab C-u
	tui_type "$IN"
	tui_keys Tab
	tui_type "$1"
	tui_keys F2
}

fill "Maryam Twice"
expect "a move-in there already asks first" \
    "Household $N is already registered there, moved in $DK: open it"
expect "the keys are said" "o opens it, r registers this one anyway"
tui_keys Escape
expect "Esc goes back to the form" "Nothing is saved yet"
expect_not "the question is gone" "is already registered there"
expect "what was typed is kept" "Maryam Twice"
tui_keys F2
expect "saving again asks again" "Household $N is already registered there"
tui_keys r
expect "r registers it: the new household opens" "Household 241 ·"
expect "the message says it is saved" "is in the register"
expect "the new household is the one typed" "Maryam Twice"
tui_keys v
expect "v starts the visit at once" "Welcome visit"
tui_keys Escape
tui_wait "Household 241 ·"
tui_keys Escape
expect "Esc goes back where the form was opened" "Register a move-in"
if cli households --format tsv | grep -q $'^241\t'"$DEPT"$'\t'"$STAIR"$'\t'"$FLAT"$'\t'"$IN"$'\t\tMaryam Twice'; then
	ok "registered anyway: both are in the register"
else
	fail "registered anyway: both are in the register" "241 not found"
fi

fill "Maryam Thrice"
expect "the same move-in asks again" "Household $N is already registered there"
tui_keys o
expect "o opens the household already there" "Household $N ·"
expect "it is the one already there" "$NAME"
if cli households --format tsv | grep -q "Maryam Thrice"; then
	fail "o registers nothing" "Maryam Thrice is in the register"
else
	ok "o registers nothing"
fi

# The secretariat deletes it, with its visits.
expect_not "nothing asks before D" "This cannot be undone"
tui_keys D
expect "D asks first, naming what goes" \
    "Delete household $N and its $NVISITS visit"
expect "it says it cannot be undone" "This cannot be undone. y/n"
tui_keys n
expect "n deletes nothing" "Nothing was deleted."
tui_keys D
tui_wait "This cannot be undone"
tui_keys y
expect "y deletes it and says so" "Household $N and its $NVISITS visit"
expect "the screen closes" "Register a move-in"
if cli households --format tsv | grep -q "^$N"$'\t'; then
	fail "the household is gone" "households still lists $N"
else
	ok "the household is gone"
fi
if [ "$(cli visits --format tsv | awk -F '\t' -v id="$N" '$2 == id' |
    wc -l)" = 0 ]; then
	ok "its visits are gone"
else
	fail "its visits are gone" "visits still lists some"
fi
tui_keys 1
expect "the list counts one less" "first · 240 households"
tui_keys Escape
tui_wait "Register a move-in"
tui_keys 0
expect "the audit trail opens" "velkomst · Audit trail"
expect "the trail shows the deletion, by id" \
    "household deleted  household $N"
line=$(cli audit --format tsv | grep 'household deleted')
if echo "$line" | grep -q -P "\thousehold\t$N(\t|$)" &&
    ! echo "$line" | grep -q -F "${NAME%% *}"; then
	ok "the trail keeps the id, no name"
else
	fail "the trail keeps the id, no name" "audit: $line"
fi

# An ambassador is told why not.
LOGIN=birgit SECRET=1234 tui_start
tui_wait "Register a move-in"
tui_keys 1
tui_wait "Search:"
tui_keys Enter
tui_wait "Household "
expect_not "no refusal before the key" "Only the secretariat can delete"
tui_keys D
expect "an ambassador's D says why not" \
    "Only the secretariat can delete a household"
expect_not "and asks nothing" "This cannot be undone"
if [ "$(cli households --format tsv | tail -n +2 | wc -l)" = 240 ]; then
	ok "the ambassador deleted nothing"
else
	fail "the ambassador deleted nothing" "the count changed"
fi
