#!/usr/bin/env bash
# velkomst criteria: the success criteria of a year as text and as tsv
# (criterion,target,achieved,status,...), on the demo (its film, stories
# and press story) and on a small data set worked out by hand (99 and 100
# likes, 1,999 and 2,000 views, a story of 2018); what the secretariat
# records from the command line (criteria add, count, delete, records),
# with audit rows; the visits marked as possible stories (an export);
# another agreement's criteria from the configuration; a wrong year; and
# the text in Danish.
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo
check "the demo" 0 "Created a demo database"

run --db "$DB" criteria --format tsv
check "the demo's criteria as tsv" 0
same "the demo's criteria in 2019" criteria-demo.tsv
run --db "$DB" criteria --year 2018 --format tsv
same "the demo's criteria in 2018 (the stories and the press story: none)" \
    criteria-demo-2018.tsv
run --db "$DB" criteria --year 2019 --format tsv
same "--year 2019 is this year" criteria-demo.tsv

run --db "$DB" criteria
check "as text" 0 "Success criteria in 2019, counted up to 01.06.2019."
check "text: the title of a criterion" 0 "Success stories with 100 likes"
check "text: the status in words" 0 "on track"
check "text: the period" 0 "01.03.2017–28.02.2021"
head -2 "$TMP/out" | tail -1 | grep -q "^Criterion  *Target  *Achieved  *Due  *Status  *Period" &&
    ok "text: the header" || fail "text: the header" "$(head -2 "$TMP/out")"

run --db "$DB" criteria records --format tsv
check "the demo's records" 0
[ "$(tail -n +2 "$TMP/out" | cut -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ',')" = " 1 film, 1 press, 4 story," ] &&
    ok "records: a film, a press story, four stories" ||
    fail "records: a film, a press story, four stories" "$(cat "$TMP/out")"
grep -q "$(printf '\tstory\t2019-03-13\tNye naboer i 606\tfacebook\t\t87\t')" "$TMP/out" &&
    ok "records: the story under 100 likes" ||
    fail "records: the story under 100 likes" "$(cat "$TMP/out")"

run --db "$DB" criteria stories --format tsv
check "the marked visits" 0 "$(printf 'visit\thousehold\tdate\tdepartment\tambassador\tconsent_on\tconsent_by')"
[ "$(tail -n +2 "$TMP/out" | cut -f2,3,4 | tr '\t\n' ' ,')" = "10 2019-06-01 605,144 2019-05-31 daruplund," ] &&
    ok "stories: the demo's two, newest first" ||
    fail "stories: the demo's two, newest first" "$(cat "$TMP/out")"
d=$(sqlite3 "$DB" "SELECT detail FROM audit WHERE kind = 'export' ORDER BY id DESC LIMIT 1")
[ "$d" = "stories tsv 2 rows" ] && ok "stories: the export is recorded" ||
    fail "stories: the export is recorded" "$d"

run --db "$DB" criteria --year 20x
check "a year that is no number" 2 '--year: "20x" is not a year (1900 to 2199).' stderr
run --db "$DB" criteria --year 1800
check "a year velkomst cannot count" 2 "is not a year" stderr
run --db "$DB" criteria --year
check "--year without a year" 2 "--year" stderr
run --db "$DB" criteria nonsense
check "a word too many" 2 "" stderr

# In Danish: the titles of the configuration and the words of the screen.
LANGUAGE=da run --db "$DB" criteria
check "in Danish" 0 "Succeskriterier i 2019, talt op til 01.06.2019."
check "Danish: a title from title_da" 0 "En historie i lokalavisen"
check "Danish: on track" 0 "på rette vej"
check "Danish: behind" 0 "bagud"
head -2 "$TMP/out" | tail -1 | grep -q "^Kriterium  *Mål  *Nået  *Forventet  *Status  *Periode" &&
    ok "Danish: the header" || fail "Danish: the header" "$(head -2 "$TMP/out")"
LANGUAGE=da run --db "$DB" criteria --format tsv
same "Danish: tsv keeps its stable names" criteria-demo.tsv

# ---- a small data set, worked out by hand ------------------------------
DB=$TMP/small.db
printf 'first-password\nfirst-password\n' |
    "$BIN" --db "$DB" init --password-stdin >/dev/null 2>&1
add() { run --db "$DB" criteria add "$@"; }
add story --date 2019-03-01 --title "99 likes" --channel facebook --likes 99
check "add a story" 0 "Recorded as number 1."
add story --date 2019-04-01 --title "100 likes" --channel website --likes 100 --counted 2019-05-01
check "add a story with the day it was counted" 0 "Recorded as number 2."
add story --date 2018-12-31 --title "Last year" --channel facebook --likes 500
check "add a story of 2018" 0 "Recorded as number 3."
add film --date 2018-09-01 --title "Velkommen" --channel facebook --views 1,999 --counted 2019-05-20
check "add the film, 1,999 views" 0 "Recorded as number 4."
add press --date 2019-02-14 --title "Nye naboer" --paper Lokalavisen
check "add the press story" 0 "Recorded as number 5."
run --db "$DB" criteria --format tsv
same "small: 1 story of 100 likes, the film not yet" criteria-small.tsv
run --db "$DB" criteria count 4 2000 --date 2019-05-19
check "a count older than the latest is refused" 1 "A newer count is recorded already, from 20.05.2019" stderr
run --db "$DB" criteria count 4 2000
check "the film's views: 2,000 today" 0
run --db "$DB" criteria --format tsv
grep -q "$(printf '^film\t1\t1\tmet\t')" "$TMP/out" &&
    ok "small: with 2,000 views the film is met" ||
    fail "small: with 2,000 views the film is met" "$(cat "$TMP/out")"
run --db "$DB" criteria records --format tsv
grep -q "$(printf '^4\tfilm\t2018-09-01\tVelkommen\tfacebook\t\t2000\t2019-06-01$')" "$TMP/out" &&
    ok "records: the latest views with their day" ||
    fail "records: the latest views with their day" "$(cat "$TMP/out")"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl = 'criteria_record'")
[ "$n" = 6 ] && ok "each change has its audit row" ||
    fail "each change has its audit row" "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE detail LIKE '%likes%' OR detail LIKE '%Velkommen%'")
[ "$n" = 0 ] && ok "the trail never holds a title" ||
    fail "the trail never holds a title" "$n"

add story --date 2019-06-02 --title "Tomorrow" --channel facebook
check "a day that has not come" 1 "The date cannot be in the future." stderr
add story --date 2019-05-01 --title "No channel"
check "a story needs --channel" 2 "--channel" stderr
add press --date 2019-05-01 --title "No paper"
check "a press story needs its paper" 1 "Write the name of the paper." stderr
add film --date 2019-05-01 --title "Likes?" --channel facebook --likes 4
check "a film has views, not likes" 2 "A film has --views" stderr
add story --date 2019-05-01 --title "Ring 010190-1234" --channel facebook
check "no CPR number in a title" 1 "CPR" stderr
add poem --date 2019-05-01 --title "x"
check "not something to record" 2 "is not something to record" stderr
run --db "$DB" criteria count 5 10
check "a press story has no likes" 1 "A press story has no views or likes." stderr
run --db "$DB" criteria count x 10
check "no such number" 2 "is not the number of a record" stderr
run --db "$DB" criteria delete 3
check "delete a record" 0
run --db "$DB" criteria records --format tsv
[ "$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ')" = "2 1 5 4 " ] &&
    ok "records: newest first, the deleted one gone" ||
    fail "records: newest first, the deleted one gone" "$(cat "$TMP/out")"
run --db "$DB" criteria delete 3
check "delete it again" 1 "does not exist" stderr

# Another agreement's criteria, from a later file: in 2022, seen from
# 1.6.2019, nothing is due yet, and the stories (the goal's period) ask
# nothing of 2022; in 2021 the ambassadors are due 20 * 93 / 1461 = 1,
# and the two stories left of the goal's period are fewer than 3.
run --db "$DB" --config "$top/tests/cfg/criteria.conf" criteria --year 2022 --format tsv
check "another agreement's criteria" 0
[ "$(tail -n +2 "$TMP/out" | cut -f1,2,4 | tr '\t\n' ' ,')" = "ambassadors 20 on_track,films 2 on_track,stories 3 none,press 2 on_track," ] &&
    ok "the next agreement's keys, targets and status" ||
    fail "the next agreement's keys, targets and status" "$(cat "$TMP/out")"
VELKOMST_TODAY=2021-06-01 run --db "$DB" --config "$top/tests/cfg/criteria.conf" criteria --format tsv
[ "$(tail -n +2 "$TMP/out" | cut -f1,4,5 | tr '\t\n' ' ,')" = "ambassadors behind 1,films none ,stories behind 3,press none ," ] &&
    ok "in 2021 of the next agreement" ||
    fail "in 2021 of the next agreement" "$(cat "$TMP/out")"
