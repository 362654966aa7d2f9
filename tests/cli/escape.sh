#!/usr/bin/env bash
# Stored control characters never reach the terminal: text that another
# program (here the stock sqlite3 tool) wrote into the database comes out
# of every list command escaped, as text and as tsv, byte for byte.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 20
check "the demo" 0 "Created a demo database"

# ESC ] 0 ; ... BEL sets a terminal's title; then a tab, a line feed, a
# carriage return, a direction override (U+202E), a C1 CSI (U+009B) and
# a backslash.
EVIL="'Evil' || char(27) || ']0;pwned' || char(7) || char(9) || 'tab' || char(10) || 'nl' || char(13) || 'cr' || char(8238) || 'rlo' || char(155) || '31m\\'"
TSV_FORM='Evil\x1b]0;pwned\x07\ttab\nnl\rcr\xe2\x80\xaerlo\xc2\x9b31m\\'
TEXT_FORM='Evil?]0;pwned??tab?nl?cr?rlo?31m\'
hid=$(sqlite3 "$DB" "SELECT min(household_id) FROM visit")
sqlite3 "$DB" "
UPDATE member SET name = $EVIL WHERE household_id = $hid AND position = 0;
UPDATE household SET flat = $EVIL WHERE id = $hid;
UPDATE ambassador SET name = $EVIL, languages = $EVIL WHERE name = 'Birgit Holm';
UPDATE visit SET ambassador = $EVIL, notes = $EVIL WHERE household_id = $hid;
UPDATE visit_item SET title_en = $EVIL, title_da = $EVIL, note = $EVIL WHERE visit_id IN (SELECT id FROM visit WHERE household_id = $hid);
UPDATE account SET login = $EVIL WHERE login = 'lene';
INSERT INTO audit (at, login, kind, detail) VALUES ('2019-06-01 10:00:00', $EVIL, $EVIL, $EVIL);
" || fail "inject control characters with sqlite3" "sqlite3 failed"
# The household must be overdue for the overdue list to show it.
sqlite3 "$DB" "UPDATE household SET state = 'awaiting', moved_in = '2019-01-02', moved_out = NULL WHERE id = $hid;"

# clean NAME KEEP: the last stdout has no control byte but those in KEEP
# ('\n', or '\n\t' for tsv), no C1 control, no direction override.
clean() {
	if LC_ALL=C tr -d "$2" <"$TMP/out" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		fail "$1" "a control byte: $(LC_ALL=C tr -d "$2" <"$TMP/out" | LC_ALL=C grep -a '[[:cntrl:]]' | head -1 | od -c | head -2)"
	elif LC_ALL=C grep -q -e $'\xc2[\x80-\x9f]' -e $'\xe2\x80[\xaa-\xae]' -e $'\xe2\x81[\xa6-\xa9]' "$TMP/out"; then
		fail "$1" "a C1 control or a direction override"
	else
		ok "$1"
	fi
}
# columns NAME: every line of the last tsv has as many fields as the header.
columns() {
	if awk -F'\t' 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }' "$TMP/out"; then
		ok "$1"
	else
		fail "$1" "a line with another number of fields"
	fi
}
# has NAME TEXT: the last stdout holds TEXT as it is.
has() {
	if grep -F -q -- "$2" "$TMP/out"; then ok "$1"; else fail "$1" "no \"$2\""; fi
}

for cmd in households overdue visits ambassadors "user list" audit; do
	# shellcheck disable=SC2086
	run --db "$DB" $cmd
	check "$cmd (text)" 0
	clean "$cmd (text) writes no control character"
	# shellcheck disable=SC2086
	run --db "$DB" $cmd --format tsv
	check "$cmd (tsv)" 0
	clean "$cmd (tsv) has no control character but tab and line feed" $'\n\t'
	columns "$cmd (tsv): no tab or line break inside a field"
	has "$cmd (tsv) writes the escapes" "$TSV_FORM"
done

# The escapes as they appear, where the cell is not cut.
run --db "$DB" households
has "households (text) shows controls as ?" "$TEXT_FORM"
run --db "$DB" visits --household "$hid"
has "visits (text) shows the ambassador escaped" "$TEXT_FORM"
run --db "$DB" audit
has "audit (text) shows the detail escaped" "$TEXT_FORM"
run --db "$DB" ambassadors
has "ambassadors (text) shows the languages escaped" "$TEXT_FORM"
run --db "$DB" ambassadors --format tsv
has "a tsv field keeps its backslash as \\\\" '31m\\'

# Messages quote stored text too: the ambassador's name, the login.
amb=$(sqlite3 "$DB" "SELECT ambassador_id FROM account WHERE ambassador_id IS NOT NULL AND ambassador_id = (SELECT id FROM ambassador WHERE name LIKE 'Evil%')")
if [ -n "$amb" ]; then
	setsid -w "$BIN" --db "$DB" user add amina --role ambassador --ambassador "$amb" </dev/null >"$TMP/out" 2>"$TMP/err"
	RC=$?
	check "a message naming stored text" 1 "already has the account" stderr
	cp "$TMP/err" "$TMP/out"
	clean "the message has no control character" $'\n'
else
	fail "a message naming stored text" "no ambassador with an account"
fi
