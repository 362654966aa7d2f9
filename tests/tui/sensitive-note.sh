#!/usr/bin/env bash
# A note that may say something sensitive asks before it is saved, in
# English and in Danish (LANGUAGE=da) at 80x24: the household form's note
# says why under it ("syg", a Danish word, in the English screens; "police",
# an English one, in the Danish), the rule and "Save anyway? (y/n)" are on
# the message line; n keeps the form with the note, an ordinary note saves
# without a question, y saves the note as it is.  A visit's note for the
# secretariat asks the same.
. "$(dirname "$0")/lib.sh"

T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")
declare -A S

# notes_field: from the household screen, e opens the form; the cursor
# goes down to the notes, which are emptied.
notes_field() {
	local lang=$1
	tui_keys e
	tui_wait_title "${S[form]}" ||
	    fail "$lang: e opens the household form" "$(tui_top)"
	tui_keys Down Down Down Down Down Down Down Down Down Down Down \
	    Down Down Down
	tui_wait_cursor "^  ${S[notes]}( |\$)" ||
	    fail "$lang: the cursor reaches the notes" "$(tui_cursor_line)"
	tui_keys C-u
}

# run LANG: the household form's note in one language (the texts are S).
run() {
	local lang=$1
	rm -f "$DB" "$DB-wal" "$DB-shm"
	make_demo
	LANGUAGE=$lang tui_start
	tui_keys 1
	tui_wait_title "${S[households]}" ||
	    fail "$lang: the households open" "$(tui_top)"
	tui_keys Enter
	tui_wait_title "${S[household]}" ||
	    fail "$lang: a household opens" "$(tui_top)"
	notes_field "$lang"
	tui_type "${S[note]}"
	expect "$lang: the note is typed" "${S[note]}"
	expect_not "$lang: no question before F2" "${S[ask]}"
	tui_keys F2
	expect "$lang: F2 says why the note is stopped" "${S[why]}"
	expect "$lang: the rule and the question on the message line" \
	    "${S[ask]}"
	expect_line "$lang: the keys are y, n and Esc" "${S[keys]}"
	expect_not "$lang: nothing is saved yet" "${S[saved]}"
	tui_keys n
	expect "$lang: n says it was not saved" "${S[notsaved]}"
	if tui_is_title "${S[form]}"; then
		ok "$lang: n stays on the form"
	else
		fail "$lang: n stays on the form" "$(tui_top)"
	fi
	expect "$lang: the note is kept to change" "${S[note]}"
	tui_keys C-u
	tui_type "${S[plain]}"
	tui_keys F2
	expect_title "$lang: an ordinary note saves at once" "${S[household]}"
	expect_line "$lang: the ordinary note is saved" \
	    "^  ${S[notes]} +${S[plain]}"
	notes_field "$lang"
	tui_type "${S[note2]}"
	tui_keys F2
	expect "$lang: the other language's word is found too" "${S[why2]}"
	tui_keys "${S[yes]}"
	expect_title "$lang: ${S[yes]} saves it anyway" "${S[household]}"
	expect_line "$lang: the note is saved as it was" \
	    "^  ${S[notes]} +${S[note2]}"
	tui_cleanup_one 2>/dev/null
}

S=(
	[households]="Households" [household]="Household"
	[form]="Household form" [notes]="Notes"
	[note]="Manden er syg og bruger kørestol."
	[why]='This note may say something about health ("syg").'
	[ask]="go to the secretariat. Save anyway? (y/n)"
	[keys]="^y Yes n No Esc Back"
	[saved]="Saved."
	[notsaved]="Not saved: change the note"
	[plain]="Asked about the homework café."
	[note2]="Politiet har været her."
	[why2]='("Politiet").'
	[yes]=y
)
run en

S=(
	[households]="Husstande" [household]="Husstand"
	[form]="Husstandsskema" [notes]="Noter"
	[note]="The father is ill and cannot use the stairs."
	[why]='Denne note siger måske noget om helbred (»ill«).'
	[ask]="Gem alligevel? (j/n)"
	[keys]="^j Ja n Nej Esc Tilbage"
	[saved]="Gemt."
	[notsaved]="Ikke gemt: ret noten"
	[plain]="Spurgte om lektiecaféen."
	[note2]="The police came last week."
	[why2]='(»police«).'
	[yes]=j
)
run da

# A visit: the note for the secretariat asks the same before the visit
# is saved; n goes back to the visit, a plain note then saves it.
rm -f "$DB" "$DB-wal" "$DB-shm"
make_demo
tui_start
tui_keys 1
tui_wait_title "Households" || fail "the households open" "$(tui_top)"
tui_keys Enter
tui_wait_title "Household" || fail "a household opens" "$(tui_top)"
tui_keys v
tui_wait_title "Welcome visit" || fail "v opens the visit" "$(tui_top)"
tui_type "Birgit Holm"
tui_keys Tab Tab
# d on each item: the last one, for the secretariat, asks for its note.
for ((i = 0; i < 10; i++)); do
	tui_keys d
	tui_wait "Write what to pass" 10 && break
done
expect "the item for the secretariat asks for a note" "Write what to pass"
tui_type "Hun er gravid og har brug for hjælp."
tui_keys Enter
expect "the visit's note is kept on its line" "— Hun er"
tui_keys F2
expect "the visit says why its note is stopped" '("gravid").'
expect "the visit asks first" "Save anyway? (y/n)"
tui_keys n
expect "n goes back to the visit" "Not saved: change the note"
expect_title "the visit stays open" "Welcome visit"
tui_keys Enter C-u
tui_type "Asks for help with a Danish course."
tui_keys Enter F2
expect "a plain note saves the visit" "the household is welcomed"
