#!/usr/bin/env bash
# velkomst report: the yearly report on a small fixed data set (written
# with SQL, every row's recording time chosen) against figures worked out
# by hand: a household moved in on 31 December and welcomed on 2 January,
# a department with no move-ins, a department the configuration no
# longer has, visits and follow-ups recorded after the cut-off.  The
# closed year is kept: printed again after later visits, follow-ups, a
# changed move-in and an anonymisation it is the same, byte for byte;
# with the kept figures deleted, what was recorded later still does not
# count and the anonymised household still does.  An open year, the
# evaluation of a department, pilots, Markdown, a file (0600, never
# written over, audited), a read-only database, Danish, bad input.
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}
export TZ=UTC

# Three departments, their stairwells, two checklist items (one 605's own).
CONF=$TMP/report.conf
cat >"$CONF" <<'EOF'
departments = (
	{ key = "605"; name = "BB-afd. 605"; short = "605"; },
	{ key = "606"; name = "BB-afd. 606"; short = "606"; },
	{ key = "607"; name = "BB-afd. 607"; short = "607"; }
);
stairwells = (
	{ department = "605"; names = [ "A", "B" ]; },
	{ department = "606"; names = [ "X" ]; },
	{ department = "607"; names = [ "Z" ]; }
);
checklist = (
	{ key = "laundry"; title = "The laundry"; text = "Show it.";
	  title_da = "Vaskeriet"; text_da = "Vis det."; },
	{ key = "board605"; department = "605";
	  title = "The department board"; text = "Tell them.";
	  title_da = "Afdelingsbestyrelsen"; text_da = "Fortæl om den."; }
);
EOF
{ cat "$CONF"; echo 'pilots = [ "605" ];'; } >"$TMP/pilots.conf"
{ cat "$CONF"; echo 'pilots = [ "605",'; echo '  "nowhere" ];'; } >"$TMP/badpilot.conf"
R=(--config "$CONF" --db "$DB")

printf 'report-admin-pw\nreport-admin-pw\n' |
    "$BIN" --config "$CONF" --db "$DB" init --login boss --password-stdin \
    >"$TMP/out" 2>"$TMP/err"
RC=$?
check "a new database" 0

# hh ID DEPT STAIR MOVED_IN; v ID HOUSEHOLD DATE OUTCOME NEXT NOTES
# REFERRAL RECORDED; it VISIT POS KEY STATE REFERRAL.
sql() { sqlite3 "$DB" "$@" >/dev/null; }
hh() { echo "INSERT INTO household (id, department, stairwell, flat, moved_in, created_at, created_by, updated_at, updated_by) VALUES ($1, '$2', '$3', 'st. tv.', '$4', '$4 09:00:00', 'boss', '$4 09:00:00', 'boss'); INSERT INTO member (household_id, position, name, search_key, sort_key) VALUES ($1, 0, 'Ida Holm $1', 'ida holm', 'ida holm');"; }
v() { echo "INSERT INTO visit (id, household_id, date, ambassador, outcome, next_date, notes, referral, created_at, created_by) VALUES ($1, $2, '$3', 'Fatima Ali', '$4', $5, $6, $7, '$8', 'boss');"; }
it() {
	local title=$3 da=
	[ "$3" = laundry ] && title="The laundry" da=Vaskeriet
	[ "$3" = board605 ] && title="The department board" da=Afdelingsbestyrelsen
	echo "INSERT INTO visit_item (visit_id, position, key, title_en, title_da, state, note, referral) VALUES ($1, $2, '$3', '$title', '$da', '$4', $([ "$5" = 1 ] && echo "'Ask about bins'" || echo NULL), $5);"
}
amb() { echo "INSERT INTO ambassador (id, name, search_key, sort_key, department, recruited_on, created_at, created_by, updated_at, updated_by) VALUES ($1, 'Omar Nur $1', 'omar nur', 'omar nur', '$2', '$3', '$3 09:00:00', 'boss', '$3 09:00:00', 'boss');"; }
st() { echo "INSERT INTO ambassador_status (ambassador_id, position, date, status, reason, created_at, created_by) VALUES ($1, $2, '$3', '$4', '$5', '$3 09:00:00', 'boss');"; }

sql "BEGIN;
$(hh 1 605 A 2018-12-31)
$(v 1 1 2019-01-02 welcomed NULL NULL 0 '2019-01-02 10:00:00')
$(it 1 0 laundry done 0) $(it 1 1 board605 not_relevant 0)
$(hh 2 605 A 2018-03-01)
$(v 2 2 2018-03-03 not_home "'2018-03-06'" NULL 0 '2018-03-03 10:00:00')
$(v 3 2 2018-03-06 not_home "'2018-03-09'" NULL 0 '2018-03-06 10:00:00')
$(v 4 2 2018-03-09 not_home "'2018-03-12'" NULL 0 '2018-03-09 10:00:00')
$(v 5 2 2018-03-10 partly "'2018-03-17'" NULL 0 '2018-03-10 10:00:00')
$(it 5 0 laundry later 0) $(it 5 1 board605 done 0)
$(v 6 2 2018-03-20 welcomed NULL NULL 0 '2018-03-20 10:00:00')
$(it 6 0 laundry done 0) $(it 6 1 board605 done 0)
$(hh 3 605 B 2018-06-10)
$(v 7 3 2018-06-12 declined NULL "'No thank you'" 0 '2018-06-12 10:00:00')
INSERT INTO followup (household_id, date, login, action, created_at) VALUES (3, '2018-06-20', 'boss', 'letter', '2018-06-20 12:00:00');
$(hh 4 606 X 2018-05-01)
$(v 8 4 2018-05-05 partly "'2018-05-12'" NULL 1 '2018-05-05 10:00:00')
$(it 8 0 laundry later 1)
$(hh 5 606 X 2018-12-20)
$(v 9 5 2019-01-20 welcomed NULL NULL 0 '2019-01-20 10:00:00')
$(it 9 0 laundry done 0)
$(hh 6 606 X 2018-07-01)
$(v 10 6 2018-07-08 welcomed NULL NULL 0 '2018-07-08 10:00:00')
$(it 10 0 laundry done 0)
$(hh 7 606 X 2018-08-01)
$(v 11 7 2018-08-05 welcomed NULL NULL 0 '2019-02-01 10:00:00')
$(it 11 0 laundry done 0)
$(hh 8 605 A 2017-12-31)
$(hh 9 gone Q 2018-04-01)
$(v 12 9 2018-04-03 welcomed NULL NULL 0 '2018-04-03 10:00:00')
$(it 12 0 laundry done 0)
$(amb 1 605 2017-05-01)
$(amb 2 606 2018-02-01)
INSERT INTO ambassador_stairwell (ambassador_id, stairwell, position, department) VALUES (2, 'X', 0, '606');
$(st 2 0 2018-12-20 paused '') $(st 2 1 2019-01-05 active '')
$(amb 3 606 2018-03-01)
$(st 3 0 2018-09-01 stopped moved_away)
COMMIT;"
cp "$DB" "$TMP/fresh.db"

kept() { sqlite3 "$DB" "SELECT count(*) FROM report_figure"; }
audits() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = '$1'"; }

# ---- an open year: nothing kept ---------------------------------------------
VELKOMST_TODAY=2019-01-10 run "${R[@]}" report --year 2018
check "an open year" 0 "Open: the figures may change until 14.01.2019."
[ "$(kept)" = 0 ] && ok "an open year keeps nothing" || fail "an open year keeps nothing" "$(kept) rows"

# ---- the closed year, by hand -----------------------------------------------
HEAD=department,moved_in,welcomed,welcomed_in_time,median_days,partly,declined,not_reached,referred,followed_up,welcomed_pct,welcomed_in_time_pct,referred_not_home,referred_ambassador,referred_declined,referred_late,recruited,stopped,active_at_end,cumulative,stairwells,stairwells_covered
# 605: 31.12.2018 welcomed 2.1. (2 days, in time); not home 3 times, then
# partly, then welcomed after 19 days; declined with a note, followed up.
# 606: partly with a referral, not reached by the deadline + 60 days;
# welcomed only after the cut-off; welcomed in 7 days; welcomed in time
# but recorded after the cut-off.  607: nobody.  "gone": welcomed in 2
# days, counted in the total only.  Ambassadors: 605's whole department;
# 606's paused over the year end, and one stopped.
printf '%s\r\n' "$HEAD" \
    '605,3,2,1,10.5,0,1,0,2,1,67,33,1,0,1,0,0,0,1,1,2,2' \
    '606,4,1,1,7,1,0,2,2,0,25,25,0,1,0,2,2,1,0,2,1,0' \
    '607,0,0,0,,0,0,0,0,0,,,0,0,0,0,0,0,0,0,1,0' \
    'total,8,4,3,4.5,1,1,2,4,1,50,38,1,1,1,2,2,1,1,3,4,2' >"$TMP/2018.csv"
run "${R[@]}" report --year 2018 --format csv
check "the closed year as csv" 0
cmp -s "$TMP/out" "$TMP/2018.csv" && ok "csv: the figures worked out by hand" ||
    fail "csv: the figures worked out by hand" "$(diff "$TMP/2018.csv" "$TMP/out" | tr '\r' ' ' | head -8)"
[ "$(kept)" -gt 0 ] && ok "the closed year is kept" || fail "the closed year is kept" "nothing kept"
[ "$(audits 'report kept')" = 1 ] && ok "keeping is audited" || fail "keeping is audited" "$(audits 'report kept')"
[ "$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'report kept'")" = "2018-01-01 2018-12-31" ] &&
    ok "the audit row names the period only" || fail "the audit row names the period only" "$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'report kept'")"
run "${R[@]}" report --year 2018
check "the closed year as text" 0 "Closed since 15.01.2019 (kept on 01.06.2019)"
cp "$TMP/out" "$TMP/first.txt"
check "text: the cut-off" 0 "cut-off, 14.01.2019"
check "text: the goal" 0 "Toward the goal: 3 of 15 ambassadors"
check "text: an item's rate" 0 "The laundry"
grep -q '^605  *3  *2 (67%)  *1 (33%)  *10.5$' "$TMP/out" &&
    ok "text: a department's welcomes with per cent" ||
    fail "text: a department's welcomes with per cent" "$(grep '^605' "$TMP/out" | head -1)"
run "${R[@]}" report --year 2018 --format md
cp "$TMP/out" "$TMP/first.md"
head -1 "$TMP/out" | grep -qx '# Yearly report 2018' && grep -q '^| --- | ---: ' "$TMP/out" &&
    ok "md: a heading and pipe tables" || fail "md: a heading and pipe tables" "$(head -3 "$TMP/out")"
run "${R[@]}" report --year 2018 --department 606 --format csv
cp "$TMP/out" "$TMP/first-606.csv"

# ---- the evaluation of 606 ----------------------------------------------------
z=0,0,0,,0,0,0,0,0,,,0,0,0,0
printf '%s\r\n' "month,moved_in,welcomed,welcomed_in_time,median_days,partly,declined,not_reached,referred,followed_up,welcomed_pct,welcomed_in_time_pct,referred_not_home,referred_ambassador,referred_declined,referred_late" \
    2018-01,$z 2018-02,$z 2018-03,$z 2018-04,$z \
    2018-05,1,0,0,,1,0,0,1,0,0,0,0,1,0,1 2018-06,$z \
    2018-07,1,1,1,7,0,0,0,0,0,100,100,0,0,0,0 \
    2018-08,1,0,0,,0,0,1,1,0,0,0,0,0,0,1 2018-09,$z 2018-10,$z 2018-11,$z \
    2018-12,1,0,0,,0,0,1,0,0,0,0,0,0,0,0 \
    total,4,1,1,7,1,0,2,2,0,25,25,0,1,0,2 \
    others_average,1.5,1.0,0.5,10.5,0.0,0.5,0.0,1.0,0.5,67,33,0.5,0.0,0.5,0.0 >"$TMP/606.csv"
cmp -s "$TMP/first-606.csv" "$TMP/606.csv" &&
    ok "evaluation csv: 606's months, total and the others' average" ||
    fail "evaluation csv: 606's months, total and the others' average" "$(diff "$TMP/606.csv" "$TMP/first-606.csv" | tr '\r' ' ' | head -8)"
run "${R[@]}" report --year 2018 --department "BB-afd. 606"
check "evaluation as text" 0 "Evaluation of BB-afd. 606"
check "evaluation: the others' average" 0 "Others, average"
check "evaluation: month by month" 0 "July 2018"
run "${R[@]}" report --year 2018 --department 605
check "evaluation: the department's own items" 0 "The department's own checklist items"
grep -A2 "own checklist items" "$TMP/out" | grep -q "The department board" &&
    ok "evaluation: 605's own item is there" || fail "evaluation: 605's own item is there" "$(grep -A3 'own checklist' "$TMP/out")"
run "${R[@]}" report --department 606
check "evaluation: the first year after the first welcome" 0 "Period 08.07.2018–07.07.2019."
run "${R[@]}" report --department 607
check "evaluation of a department with no welcome" 1 "no welcome yet" stderr

# ---- later: visits, follow-ups, a move-in, an anonymisation -------------------
sql "BEGIN;
$(v 13 5 2019-01-10 welcomed NULL NULL 0 '2019-05-01 09:00:00')
$(it 13 0 laundry done 0)
$(v 14 4 2019-02-01 welcomed NULL NULL 0 '2019-02-01 09:00:00')
$(it 14 0 laundry done 0)
INSERT INTO followup (household_id, date, login, action, created_at) VALUES (4, '2019-01-05', 'boss', 'phone', '2019-05-02 12:00:00');
UPDATE household SET moved_in = '2019-01-01' WHERE id = 1;
UPDATE member SET name = 'x', search_key = '', sort_key = '';
UPDATE household SET notes = NULL, phone = NULL;
UPDATE visit SET notes = NULL;
UPDATE visit_item SET note = NULL;
COMMIT;"
VELKOMST_TODAY=2025-03-01 run "${R[@]}" report --year 2018
cmp -s "$TMP/out" "$TMP/first.txt" && ok "printed again later: the same, byte for byte" ||
    fail "printed again later: the same, byte for byte" "$(diff "$TMP/first.txt" "$TMP/out" | head -6)"
run "${R[@]}" report --year 2018 --format csv
cmp -s "$TMP/out" "$TMP/2018.csv" && ok "csv again: the same" || fail "csv again: the same" "$(diff "$TMP/2018.csv" "$TMP/out" | head -6)"
run "${R[@]}" report --year 2018 --format md
cmp -s "$TMP/out" "$TMP/first.md" && ok "md again: the same" || fail "md again: the same" "differs"
run "${R[@]}" report --year 2018 --department 606 --format csv
cmp -s "$TMP/out" "$TMP/first-606.csv" && ok "evaluation again: the same" || fail "evaluation again: the same" "differs"
[ "$(audits 'report kept')" = 1 ] && ok "kept once only" || fail "kept once only" "$(audits 'report kept')"

# ---- the kept figures deleted: counted again -------------------------------
sql "DELETE FROM report_figure"
# 605 lost the household moved to 2019, and the declined visit's note (so
# that referral); the visits and follow-ups recorded later still do not
# count; the anonymised households still do.
printf '%s\r\n' "$HEAD" \
    '605,2,1,0,19,0,1,0,1,1,50,0,1,0,0,0,0,0,1,1,2,2' \
    '606,4,1,1,7,1,0,2,2,0,25,25,0,1,0,2,2,1,0,2,1,0' \
    '607,0,0,0,,0,0,0,0,0,,,0,0,0,0,0,0,0,0,1,0' \
    'total,7,3,2,7,1,1,2,3,1,43,29,1,1,0,2,2,1,1,3,4,2' >"$TMP/again.csv"
run "${R[@]}" report --year 2018 --format csv
cmp -s "$TMP/out" "$TMP/again.csv" &&
    ok "deleted and counted again: what was recorded later does not count" ||
    fail "deleted and counted again: what was recorded later does not count" "$(diff "$TMP/again.csv" "$TMP/out" | tr '\r' ' ' | head -8)"
run "${R[@]}" report --year 2018 --recount --format csv
check "--recount" 0
[ "$(audits 'report recounted')" = 1 ] && ok "--recount is audited" || fail "--recount is audited" "$(audits 'report recounted')"

# ---- pilots --------------------------------------------------------------------
cp "$TMP/fresh.db" "$TMP/p.db"
run --config "$TMP/pilots.conf" --db "$TMP/p.db" report --year 2018 --format csv
check "pilots" 0
tail -n 2 "$TMP/out" | tr -d '\r' >"$TMP/po"
printf '%s\n' 'pilots,3,2,1,10.5,0,1,0,2,1,67,33,1,0,1,0,0,0,1,1,2,2' \
    'others,5,2,2,4.5,1,0,2,2,0,40,40,0,1,0,2,2,1,0,2,2,0' | cmp -s - "$TMP/po" &&
    ok "pilots and others after the total" || fail "pilots and others after the total" "$(cat "$TMP/po")"
run --config "$TMP/pilots.conf" --db "$TMP/p.db" report --year 2018
check "text: pilots" 0 "Pilots: the pilot departments of the agreement together"
run --config "$TMP/badpilot.conf" --db "$TMP/p.db" report --year 2018
check "an unknown pilot department" 1 "badpilot.conf:" stderr
check "an unknown pilot department: named" 1 '"nowhere"' stderr

# ---- a file ----------------------------------------------------------------------
run "${R[@]}" report --year 2018 --format csv --output "$TMP/r.csv"
check "--output" 0
[ "$(stat -c %a "$TMP/r.csv")" = 600 ] && ok "the file is 0600" || fail "the file is 0600" "$(stat -c %a "$TMP/r.csv")"
cmp -s "$TMP/r.csv" "$TMP/again.csv" && ok "the file holds the report" || fail "the file holds the report" "differs"
[ "$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'report exported'")" = "2018-01-01 2018-12-31 csv" ] &&
    ok "the file is audited, without figures" || fail "the file is audited, without figures" "$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'report exported'")"
run "${R[@]}" report --year 2018 --output "$TMP/r.csv"
check "never over a file" 1 "is there already" stderr
cmp -s "$TMP/r.csv" "$TMP/again.csv" && ok "the file is left as it was" || fail "the file is left as it was" "changed"
run "${R[@]}" report --year 2018 --format xlsx
check "xlsx needs --output" 2 "--output" stderr

# ---- a read-only database: counted, not kept --------------------------------------
cp "$TMP/fresh.db" "$TMP/ro.db"
chmod 400 "$TMP/ro.db"
run --config "$CONF" --db "$TMP/ro.db" report --year 2018 --format csv
cmp -s "$TMP/out" "$TMP/2018.csv" && ok "read-only: counted" || fail "read-only: counted" "$(head -c 300 "$TMP/err")"
[ "$(sqlite3 "$TMP/ro.db" "SELECT count(*) FROM report_figure")" = 0 ] &&
    ok "read-only: not kept" || fail "read-only: not kept" "kept"
run --config "$CONF" --db "$TMP/ro.db" report --year 2018
check "read-only: says so" 0 "not kept: the database is read-only"

# ---- periods and bad input ---------------------------------------------------------
run "${R[@]}" report
check "without a period: last year" 0 "Yearly report 2018"
run "${R[@]}" report --agreement-year 2
check "an agreement year" 0 "Period 01.03.2018–28.02.2019."
run "${R[@]}" report --from 1.3.2018 --to 2018-06-30 --format csv
check "--from and --to" 0 "$HEAD"
run "${R[@]}" report --agreement-year 9
check "no such agreement year" 2 "no such year" stderr
run "${R[@]}" report --year 2018 --agreement-year 1
check "two periods" 2 "one period" stderr
run "${R[@]}" report --from 2018-01-01
check "--from without --to" 2 "go together" stderr
run "${R[@]}" report --from 2018-02-30 --to 2018-03-01
check "not a day" 2 "--from" stderr
run "${R[@]}" report --from 2018-03-01 --to 2018-02-01
check "from after to" 2 "after" stderr
run "${R[@]}" report --year abc
check "not a year" 2 "whole number" stderr
VELKOMST_TODAY=2019-06-01 run "${R[@]}" report --year 2091
check "a year that has not begun (2091 for 2019)" 2 "starts on 01.01.2091, after today" stderr
run "${R[@]}" report --format pdf
check "not a format" 2 "text, md, csv or xlsx" stderr
run "${R[@]}" report --department nowhere
check "not a department" 2 "no department" stderr

# ---- Danish ------------------------------------------------------------------------
msgcat --no-wrap "$top/share/po/da.po" |
    awk -f "$top/tests/tui/english.awk" | sort -u >"$TMP/english"
for args in "--year 2018" "--year 2018 --department 605"; do
	# shellcheck disable=SC2086
	LANGUAGE=da run "${R[@]}" report $args
	found=$(grep -F -w -o -f "$TMP/english" "$TMP/out" | sort -u | head -5 | tr '\n' '|')
	if [ "$RC" != 0 ]; then
		fail "Danish: report $args" "exit $RC: $(head -c 300 "$TMP/err")"
	elif ! grep -q 'Lukket siden 15.01.2019' "$TMP/out"; then
		fail "Danish: report $args" "no Danish status: $(sed -n 3p "$TMP/out")"
	elif [ -n "$found" ]; then
		fail "Danish: report $args" "English in Danish: $found"
	else
		ok "Danish: report $args"
	fi
done
LANGUAGE=da run --config "$TMP/pilots.conf" --db "$TMP/p.db" report --year 2018
check "Danish: the title" 0 "Årsrapport 2018"
check "Danish: a decimal comma" 0 "10,5"
check "Danish: per cent" 0 "2 (67 %)"
check "Danish: the pilots" 0 "Pilotafdelinger"

# ---- the demo: reports that look real ---------------------------------------------
run --db "$TMP/demo.db" demo
check "a demo" 0
for y in 2017 2018 2019; do
	run --db "$TMP/demo.db" report --year $y --format csv
	t=$(tr -d '\r' <"$TMP/out" | awk -F, '$1 == "total"')
	# moved in, welcomed, in time: some welcomes late, a median.
	echo "$t" | awk -F, '$2 > 30 && $3 > 0 && $4 > 0 && $4 < $3 && $5 != "" { ok = 1 } END { exit !ok }' &&
	    ok "the demo's $y: welcomes, some of them late" ||
	    fail "the demo's $y: welcomes, some of them late" "$t"
done
