#!/usr/bin/env bash
# `velkomst export person ID`: a resident's copy holds everything about
# one household (every name, the phone, each note, each visit's
# checklist, the follow-ups, the consents, its audit rows) and nothing
# about another (a byte search for the other's names, phone, notes and
# audit rows); the JSON parses; the text is readable, in Danish with
# LANGUAGE=da; the file is 0600 and never written over; one audit row
# per copy, naming the household and no name.
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo --households 40
check "the demo" 0 "Created a demo database"

# Two households with visits that ran the checklist and follow-ups.
set -- $(sqlite3 "$DB" "SELECT h.id FROM household h WHERE EXISTS (SELECT 1
    FROM followup f WHERE f.household_id = h.id) AND EXISTS (SELECT 1 FROM
    visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = h.id)
    ORDER BY h.id LIMIT 2")
A=$1 B=$2
[ -n "$A" ] && [ -n "$B" ] && ok "two households with checklists and follow-ups ($A, $B)" ||
    { fail "two households with checklists and follow-ups" "found \"$A\" \"$B\""; exit 0; }

# mark H TAG: give household H unique names, phone, notes, item notes,
# follow-up notes and consents, all ending in TAG.
mark() {
	local h=$1 t=$2
	sqlite3 "$DB" "
	UPDATE household SET consent = 1, consent_on = '2019-05-01',
	    consent_by = 'birgit', phone = '+45 2$t', languages = 'ar,so',
	    notes = 'Husnote $t' WHERE id = $h;
	UPDATE member SET name = 'Navn' || position || ' Zorg$t'
	    WHERE household_id = $h;
	UPDATE visit SET notes = 'Besøgsnote $t' WHERE household_id = $h;
	UPDATE visit_item SET note = 'Punktnote $t' WHERE position = 0 AND
	    visit_id IN (SELECT id FROM visit WHERE household_id = $h);
	UPDATE followup SET note = 'Opfølgning $t' WHERE household_id = $h;
	DELETE FROM consent WHERE household_id = $h AND
	    purpose IN ('phone', 'story');
	INSERT INTO consent (household_id, purpose, given_on, given_by, how,
	    withdrawn_on, withdrawn_by, created_at) VALUES
	    ($h, 'phone', '2019-05-01', 'giver$t', 'paper', NULL, NULL,
	    '2019-05-01 10:00:00'),
	    ($h, 'story', '2019-05-02', 'story$t', 'door', '2019-05-20',
	    'withdrew$t', '2019-05-02 10:00:00');"
}
mark "$A" 1111111
mark "$B" 9999999

# ---- the text, to standard output ----------------------------------------
run --db "$DB" export person "$A"
check "the text copy to standard output" 0 "A copy of everything velkomst holds about household $A"
cp "$TMP/out" "$TMP/a.txt"
for s in "Who lives there" "Visits, oldest first" "Follow-ups by the secretariat" \
    "The audit trail" "Zorg1111111" "+45 21111111" "Husnote 1111111" \
    "Besøgsnote 1111111" "Punktnote 1111111" "Opfølgning 1111111" \
    "giver1111111" "withdrew1111111" "contact by phone" "a success story" \
    "on paper" "Arabic, Somali" "household added  household $A"; do
	grep -qF -- "$s" "$TMP/a.txt" && ok "text: has \"$s\"" || fail "text: has \"$s\"" "$(head -c 400 "$TMP/a.txt")"
done
# Every member's name, and every item of every visit.
n=$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE household_id = $A")
got=$(grep -o 'Navn[0-9]* Zorg1111111' "$TMP/a.txt" | sort -u | wc -l)
[ "$n" -gt 0 ] && [ "$got" = "$n" ] && ok "text: all $n members" || fail "text: all members" "$got of $n"
sqlite3 "$DB" "SELECT i.title_en FROM visit_item i JOIN visit v ON v.id = i.visit_id
    WHERE v.household_id = $A" >"$TMP/items"
miss=$(while read -r t; do grep -qF -- "$t" "$TMP/a.txt" || echo "$t"; done <"$TMP/items")
[ -s "$TMP/items" ] && [ -z "$miss" ] && ok "text: every checklist item of its visits" || fail "text: every checklist item" "missing: $miss"
# The audit rows of its visits and follow-ups.
for v in $(sqlite3 "$DB" "SELECT id FROM visit WHERE household_id = $A"); do
	grep -qE "visit added  visit $v\$" "$TMP/a.txt" && ok "text: the audit row of visit $v" || fail "text: the audit row of visit $v" "$(grep -F 'visit ' "$TMP/a.txt" | head -5)"
done
for f in $(sqlite3 "$DB" "SELECT id FROM followup WHERE household_id = $A"); do
	grep -qE "followup added  follow-up $f\$" "$TMP/a.txt" && ok "text: the audit row of follow-up $f" || fail "text: the audit row of follow-up $f" "$(grep -F 'follow' "$TMP/a.txt" | head -5)"
done

# nothing_of FILE NAME: no byte of the other household in FILE.
nothing_of() {
	local file=$1 name=$2 s v f bad=
	for s in 9999999 "Zorg9999999" "+45 29999999" "Husnote 9999999" \
	    "Besøgsnote 9999999" "Punktnote 9999999" "Opfølgning 9999999" \
	    "giver9999999" "story9999999" "withdrew9999999"; do
		grep -qF -- "$s" "$file" && bad="$bad|$s"
	done
	grep -qwE "household $B|\"record\": $B,|husstand $B" "$file" && bad="$bad|household $B"
	for v in $(sqlite3 "$DB" "SELECT id FROM visit WHERE household_id = $B"); do
		grep -qwE "visit $v|besøg $v" "$file" && bad="$bad|visit $v"
	done
	for f in $(sqlite3 "$DB" "SELECT id FROM followup WHERE household_id = $B"); do
		grep -qwE "follow-up $f|opfølgning $f" "$file" && bad="$bad|follow-up $f"
	done
	[ -z "$bad" ] && ok "$name: nothing of the other household" || fail "$name: nothing of the other household" "$bad"
}
nothing_of "$TMP/a.txt" text
# The names of the copy are the first household's, no other of the register.
others=$(sqlite3 "$DB" "SELECT name FROM member WHERE household_id <> $A" |
    while read -r nm; do grep -qF -- "$nm" "$TMP/a.txt" && echo "$nm"; done)
[ -z "$others" ] && ok "text: no name of any other household" || fail "text: no name of any other household" "$others"

# ---- JSON to a file ---------------------------------------------------------
before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
(umask 022; "$BIN" --db "$DB" export person "$A" --format json --output "$TMP/a.json" >"$TMP/out" 2>"$TMP/err"); RC=$?
check "JSON to a file" 0
[ "$(stat -c %a "$TMP/a.json")" = 600 ] && ok "json: the file is 0600 under umask 022" || fail "json: the file is 0600 under umask 022" "$(stat -c %a "$TMP/a.json")"
python3 -m json.tool "$TMP/a.json" >/dev/null 2>"$TMP/json.err" && ok "json: it parses" || fail "json: it parses" "$(cat "$TMP/json.err")"
nothing_of "$TMP/a.json" json
python3 - "$TMP/a.json" "$A" "$DB" >"$TMP/check" 2>&1 <<'EOF'
import json, sqlite3, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
a = int(sys.argv[2])
db = sqlite3.connect(sys.argv[3])
h = d['household']
assert h['id'] == a, h['id']
names = [r[0] for r in db.execute('SELECT name FROM member WHERE household_id = ? ORDER BY position', (a,))]
assert h['members'] == names, (h['members'], names)
assert h['phone'] == '+45 21111111' and h['notes'] == 'Husnote 1111111', h
assert h['languages'] == ['ar', 'so'], h['languages']
assert h['moved_in'][4] == '-' and h['created_at'].endswith('Z'), h
visits = [r[0] for r in db.execute('SELECT id FROM visit WHERE household_id = ? ORDER BY date, id', (a,))]
assert [v['id'] for v in d['visits']] == visits, d['visits']
items = db.execute('SELECT count(*) FROM visit_item i JOIN visit v ON v.id = i.visit_id WHERE v.household_id = ?', (a,)).fetchone()[0]
assert sum(len(v['checklist']) for v in d['visits']) == items
assert any(i['note'] == 'Punktnote 1111111' for v in d['visits'] for i in v['checklist'])
fus = [r[0] for r in db.execute('SELECT id FROM followup WHERE household_id = ?', (a,))]
cons = [r[0] for r in db.execute('SELECT id FROM consent WHERE household_id = ?', (a,))]
assert sorted(f['id'] for f in d['followups']) == sorted(fus)
assert all(f['note'] == 'Opfølgning 1111111' for f in d['followups'])
c = {x['purpose']: x for x in d['consents']}
assert c['phone']['given_by'] == 'giver1111111' and c['phone']['how'] == 'paper' and c['phone']['withdrawn_on'] is None
assert c['story']['withdrawn_on'] == '2019-05-20' and c['story']['withdrawn_by'] == 'withdrew1111111'
assert d['erased'] is None
for r in d['audit']:
    ok = (r['table'] == 'household' and r['record'] == a) or \
         (r['table'] == 'visit' and r['record'] in visits) or \
         (r['table'] == 'followup' and r['record'] in fus) or \
         (r['table'] == 'consent' and r['record'] in cons and
          r['detail'].startswith('household %d:' % a))
    assert ok, r
want = db.execute("""SELECT count(*) FROM audit WHERE (tbl = 'household' AND record = ?1)
    OR (tbl = 'visit' AND record IN (SELECT id FROM visit WHERE household_id = ?1))
    OR (tbl = 'followup' AND record IN (SELECT id FROM followup WHERE household_id = ?1))
    OR (tbl = 'consent' AND record IN (SELECT id FROM consent WHERE household_id = ?1))""", (a,)).fetchone()[0]
# Its consents' rows are there (the demo records each consent it gives).
assert any(r['table'] == 'consent' for r in d['audit']), d['audit']
# The copy written now is recorded after its snapshot: one row less.
assert len(d['audit']) == want - 1, (len(d['audit']), want)
print('all checks passed')
EOF
grep -q 'all checks passed' "$TMP/check" && ok "json: everything of the household, with its audit rows" || fail "json: everything of the household, with its audit rows" "$(tail -3 "$TMP/check")"

# ---- the audit row ------------------------------------------------------------
row=$(sqlite3 "$DB" "SELECT kind || '|' || tbl || '|' || record || '|' || detail FROM audit ORDER BY id DESC LIMIT 1")
[ "$row" = "export|household|$A|person json" ] && ok "the audit row: export, the household, person json" || fail "the audit row" "$row"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" = $((before + 1)) ] && ok "one audit row per copy" || fail "one audit row per copy" "$before before"
sqlite3 "$DB" "SELECT coalesce(detail, '') FROM audit WHERE kind = 'export'" | grep -q Zorg &&
    fail "no name in the audit trail" "a name" || ok "no name in the audit trail"

# ---- never over a file ----------------------------------------------------------
before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
cp "$TMP/a.json" "$TMP/a.before"
run --db "$DB" export person "$A" --output "$TMP/a.json"
check "a file that is there is refused" 1 "is there already; velkomst does not write over a file" stderr
cmp -s "$TMP/a.json" "$TMP/a.before" && ok "and it is left as it was" || fail "and it is left as it was" "changed"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" = "$before" ] && ok "and no audit row is written" || fail "and no audit row is written" "more rows"

# ---- refusals -------------------------------------------------------------------
run --db "$DB" export person 9999
check "a household that is not there" 1 "The household does not exist" stderr
[ -s "$TMP/out" ] && fail "prints nothing then" "$(head -c 200 "$TMP/out")" || ok "prints nothing then"
run --db "$DB" export person abc
check "a number that is no number is a usage error" 2 "is not the number of a household" stderr
run --db "$DB" export person "$A" --format xml
check "a format it does not know" 2 "--format is text or json" stderr
run --db "$DB" export person --help
check "--help" 0 "the right of access"

# ---- Danish -----------------------------------------------------------------------
LANGUAGE=da run --db "$DB" export person "$B"
check "da: the copy in Danish" 0 "En kopi af alt, hvad velkomst har om husstand $B"
for s in "Hvem bor der" "Besøg, ældste først" "Opfølgninger fra sekretariatet" \
    "Loggen" "husstand tilføjet  husstand $B" "på papir" "arabisk, somali"; do
	grep -qiF -- "$s" "$TMP/out" && ok "da: has \"$s\"" || fail "da: has \"$s\"" "$(head -c 400 "$TMP/out")"
done
for s in "Who lives there" "Visits, oldest first" "The audit trail" "on paper"; do
	grep -qF -- "$s" "$TMP/out" && fail "da: no \"$s\"" "English in the Danish copy" || ok "da: no \"$s\""
done
grep -qE '[0-9]{2}\.[0-9]{2}\.[0-9]{4}' "$TMP/out" && ! grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$TMP/out" &&
    ok "da: dates the Danish way" || fail "da: dates the Danish way" "$(grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$TMP/out" | head -3)"
cp "$TMP/out" "$TMP/b.txt"
grep -qF "Zorg1111111" "$TMP/b.txt" && fail "da: nothing of the first household" "its name" || ok "da: nothing of the first household"
