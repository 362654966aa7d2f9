#!/usr/bin/env bash
# The yearly report and a department's evaluation, at 80x24 in English
# and in Danish, on the demo: r on the secretariat's home screen opens the
# report of the last calendar year (2018), closed; the total's figures are
# those `velkomst report --format csv` prints (or, without that command,
# what sqlite3 counts); each of the four parts is whole and in its
# language; the arrows and a move between periods; Enter on a department
# opens its evaluation, f its first year; the help names the manual's
# part.  With NO_COLOR the bars' numbers show; a resize redraws; an
# ambassador is told why r opens nothing.
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

lang_pieces

# The figures of 2018: from the command when there is one, else counted
# here with sqlite3 (moved in, welcomed by the cut-off).
csv=$TMP/2018.csv
if VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" report --year 2018 \
    --format csv >"$csv" 2>/dev/null; then
	have_csv=1
else
	have_csv=
	sqlite3 "$DB" "SELECT 'department,moved_in,welcomed';
	    SELECT department || ',' || count(*) || ',' ||
	    sum(EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id
		AND v.outcome = 'welcomed' AND v.date <= '2019-01-14'))
	    FROM household h WHERE moved_in BETWEEN '2018-01-01' AND
	    '2018-12-31' GROUP BY department;
	    SELECT 'total,' || count(*) || ',' ||
	    sum(EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id
		AND v.outcome = 'welcomed' AND v.date <= '2019-01-14'))
	    FROM household h WHERE moved_in BETWEEN '2018-01-01' AND
	    '2018-12-31';" >"$csv"
fi

# fig ROW COLUMN: a figure of the csv (by the header's names).
fig() {
	awk -F, -v row="$1" -v col="$2" 'NR == 1 {
		for (i = 1; i <= NF; i++) n[$i] = i; next }
	    $1 == row { print $(n[col]) }' "$csv"
}

# pct ROW: the per cent welcomed of moved in, rounded half up.
pct() {
	awk -v p="$(fig "$1" welcomed)" -v o="$(fig "$1" moved_in)" \
	    'BEGIN { printf "%d%%\n", int((p * 200 + o) / (o * 2)) }'
}

# The total's line as a regular expression: its name, moved in,
# welcomed, the bar, the per cent; with the command's csv also within the
# deadline, the median days (the language's decimal sign), not reached,
# referred / followed up.
total_re() {
	local name=$1 sep=$2 re m it
	re="^ $name +$(fig total moved_in) +$(fig total welcomed) [^0-9]* *$(pct total)"
	if [ -n "$have_csv" ]; then
		it=$(awk -v p="$(fig total welcomed_in_time)" \
		    -v o="$(fig total moved_in)" \
		    'BEGIN { printf "%d%%\n", int((p * 200 + o) / (o * 2)) }')
		m=$(fig total median_days | tr . "$sep")
		re="$re +$it +$m +$(fig total not_reached) +$(fig total referred) / $(fig total followed_up) *\$"
	fi
	printf '%s\n' "$re"
}


# Page down the help until TEXT shows; 1 if it never does.
help_find() {
	local i
	for ((i = 0; i < 8; i++)); do
		tui_wait "$1" 20 && return 0
		tui_keys PageDown
	done
	return 1
}

# The sum of the numbers on the chart's line that starts with NAME.
row_sum() {
	tui_screen | awk -v name="$1" 'index($0, " " name " ") == 1 &&
	    substr($0, length(name) + 2) ~ /^ +[0-9]/ {
		s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i
		print s; exit }'
}

# The report and the evaluation in LANG with the words of T[...].
tour() {
	local lang=$1 sum
	LANGUAGE=$lang tui_start
	expect_title "$lang: home" "${T[home]}"
	expect "$lang: the menu offers r" "r  ${T[menu]}"
	expect_not "$lang: no report yet" "${T[part1]}"
	tui_keys r
	expect_title "$lang: r opens the report" "${T[report]}"
	expect_line "$lang: the last calendar year, closed" "^ 2018 · ${T[cutoff]} 14\\.01\\.2019 · ${T[closed]} *\$"
	expect "$lang: part 1 of 4" "${T[part1]} (1/4)"
	expect_line "$lang: 605's line by its short name" "^ 605 +$(fig 605 moved_in) +$(fig 605 welcomed) "
	expect_line "$lang: the total as the command counts it" "$(total_re "${T[total]}" "${T[sep]}")"
	expect "$lang: a bar in block characters" "█"
	whole "$lang" "the departments"
	tui_screen >"$OUT/tui-report-$lang.screen"

	tui_keys Tab
	expect "$lang: Tab: the months" "${T[part2]} (2/4)"
	expect_line "$lang: the months' names" "${T[jan]} +${T[feb]} +${T[mar]}"
	tui_settle
	sum=$(row_sum "${T[moved]}")
	if [ "$sum" = "$(fig total moved_in)" ]; then
		ok "$lang: the months' moved in add up to the total"
	else
		fail "$lang: the months' moved in add up to the total" "$sum"
	fi
	sum=$(row_sum "${T[welcomed]}")
	if [ "$sum" = "$(fig total welcomed)" ]; then
		ok "$lang: the months' welcomed add up to the total"
	else
		fail "$lang: the months' welcomed add up to the total" "$sum"
	fi
	whole "$lang" "the months"
	tui_keys Tab
	expect "$lang: Tab: the checklist" "${T[part3]} (3/4)"
	expect_line "$lang: the laundry with its per cents" "^ ${T[laundry]} .* +[0-9]+% +[0-9]+% +[0-9]+% *\$"
	whole "$lang" "the checklist"
	tui_keys Tab
	expect "$lang: Tab: the ambassadors" "${T[part4]} (4/4)"
	expect "$lang: toward the goal" "${T[goal]}"
	whole "$lang" "the ambassadors"
	tui_keys Tab
	expect "$lang: Tab after the last: the first part" "${T[part1]} (1/4)"

	# Periods: the year before and after, up to the one running.
	tui_keys Left
	expect_line "$lang: Left: 2017" "^ 2017 · ${T[cutoff]} 14\\.01\\.2018 · ${T[closed]}"
	tui_keys ']' ']'
	expect_line "$lang: ] twice: 2019, open" "^ 2019 · ${T[open]} 14\\.01\\.2020 *\$"
	tui_keys Right
	expect "$lang: no 2020 yet" "${T[not_begun]}"
	expect_line "$lang: still 2019" "^ 2019 · "
	expect "$lang: a offers the agreement's years" "a ${T[agreement]}"
	tui_keys a
	expect_line "$lang: a: the agreement year that starts in 2019" "^ ${T[ayear]} 3, 01\\.03\\.2019–29\\.02\\.2020 · ${T[open]} 14\\.03\\.2020"
	expect "$lang: a now offers calendar years" "a ${T[calendar]}"
	whole "$lang" "an agreement year"
	tui_keys '['
	expect_line "$lang: [: agreement year 2, closed" "^ ${T[ayear]} 2, 01\\.03\\.2018–28\\.02\\.2019 · ${T[cutoff]} 14\\.03\\.2019 · ${T[closed]}"
	tui_keys a
	expect_line "$lang: a: back to 2018" "^ 2018 · ${T[cutoff]}"

	# The evaluation of 605, the first line.
	expect_not "$lang: no evaluation yet" "${T[evaluation]}: BB-afd. 605"
	tui_keys Enter
	expect_title "$lang: Enter opens the evaluation" "${T[eval_title]}"
	expect "$lang: of 605" "${T[evaluation]}: BB-afd. 605"
	expect_line "$lang: for 2018" "^ 2018 · ${T[cutoff]} 14\\.01\\.2019"
	expect_line "$lang: 605's moved in beside the others'" "^ ${T[moved]} +$(fig 605 moved_in) +[0-9]+${T[sep]}[0-9] *\$"
	expect "$lang: the others' column" "${T[others]}"
	whole "$lang" "the evaluation"
	tui_keys Tab
	expect "$lang: the evaluation's months" "${T[part2]} (2/3)"
	tui_keys Tab
	expect "$lang: the evaluation's checklist" "${T[part3]} (3/3)"
	expect_line "$lang: 605's own item" "^ ${T[board]} "
	whole "$lang" "the evaluation's checklist"
	tui_keys f
	expect_line "$lang: f: the first year from the first welcome" "^ ${T[first]}, [0-9.]+–[0-9.]+ · "
	whole "$lang" "the first year"
	tui_keys f
	expect_line "$lang: f again: 2018" "^ 2018 · "
	tui_keys F1
	expect_title "$lang: the evaluation's help" "${T[help]}"
	if help_find "${T[more]} \"${T[eval_title]}\"."; then
		ok "$lang: the evaluation's help names its part of the manual"
	else
		fail "$lang: the evaluation's help names its part of the manual" "not found"
	fi
	tui_keys Escape Escape
	expect_title "$lang: Esc: the report again" "${T[report]}"
	tui_keys F1
	expect_title "$lang: the report's help" "${T[help]}"
	if help_find "${T[more]} \"${T[report]}\"."; then
		ok "$lang: the report's help names its part of the manual"
	else
		fail "$lang: the report's help names its part of the manual" "not found"
	fi
	if grep -q -x "\\.Ss ${T[report]}" "$top/man/${T[man]}velkomst.1" &&
	    grep -q -x "\\.Ss ${T[eval_title]}" "$top/man/${T[man]}velkomst.1"
	then
		ok "$lang: the manual has those parts"
	else
		fail "$lang: the manual has those parts" "no .Ss ${T[report]} or ${T[eval_title]}"
	fi
}

declare -A T
T=([home]=Home [menu]="Yearly report" [report]="Yearly report"
    [cutoff]=cut-off [closed]=closed [open]="open until" [total]=Total
    [sep]=. [part1]="Welcomes by department"
    [part2]="Moved in and welcomed, by the month of moving in"
    [part3]="The checklist: how often each item was done"
    [part4]="Ambassadors and stairwells" [jan]=Jan [feb]=Feb [mar]=Mar
    [moved]="Moved in" [welcomed]=Welcomed [laundry]="The laundry"
    [goal]="Toward the goal: 7 of 15 recruited"
    [not_begun]="2020 has not begun yet."
    [agreement]="Agreement years" [calendar]="Calendar years"
    [ayear]="Agreement year" [evaluation]=Evaluation
    [eval_title]=Evaluation [others]="on average"
    [board]="The department board" [first]="First year" [help]=Help
    [more]="More on this screen: man velkomst, section" [man]=)
tour en
T=([home]=Forside [menu]="Årsrapport" [report]="Årsrapport"
    [cutoff]=skæringsdato [closed]=lukket [open]="åben til og med"
    [total]="I alt" [sep]=, [part1]="Velkomster efter afdeling"
    [part2]="Flyttet ind og budt velkommen, efter indflytningsmåned"
    [part3]="Tjeklisten: hvor tit hvert punkt blev gjort"
    [part4]="Ambassadører og opgange" [jan]=jan [feb]=feb [mar]=mar
    [moved]="Indflyttet" [welcomed]="Budt velkommen" [laundry]="Vaskeriet"
    [goal]="Mod målet: 7 af 15 rekrutteret"
    [not_begun]="2020 er ikke begyndt endnu."
    [agreement]="Aftaleår" [calendar]="Kalenderår"
    [ayear]="Aftaleår" [evaluation]=Evaluering
    [eval_title]=Evaluering [others]="i gennemsnit"
    [board]="Afdelingsbestyrelsen" [first]="Første år" [help]=Hjælp
    [more]="Mere om dette skærmbillede: man velkomst, afsnittet"
    [man]=da/)
tour da

# NO_COLOR: the same bars, each with its number beside it.
NO_COLOR=1 tui_start
tui_keys r
expect_title "NO_COLOR: the report" "Yearly report"
expect_line "NO_COLOR: the total with its bar and per cent" "$(total_re Total .)"
expect "NO_COLOR: the bars are characters" "█"

# A resize redraws: wider shows more columns, too small says so.
"${TM[@]}" resize-window -x 110 -y 30
expect_line "110 columns: partly and declined too" "Welcomed +Partly +Declined"
"${TM[@]}" resize-window -x 70 -y 20
expect "70x20: too small, and says so" "velkomst needs a window of at least"
"${TM[@]}" resize-window -x 80 -y 24
expect_line "80x24 again: the report" "^ 2018 · cut-off"
expect_not "80x24: no partly column" "Partly"

# Pilot departments named: the pilots and the others under the total,
# adding up to it (2019: 2018 was kept before the pilots were named, and
# a closed year's figures never change).
tui_start --config "$top/tests/cfg/pilots-ok.conf"
tui_keys r
expect_title "pilots: the report" "Yearly report"
expect_line "pilots: 2018 as it was kept, without them" "^ Total +[0-9]+"
expect_not "pilots: none in the kept 2018" "Pilots"
tui_keys Right
expect_line "pilots: 2019" "^ 2019 · open until"
expect_line "pilots: their line" "^ Pilots +[0-9]+ +[0-9]+ "
expect_line "pilots: the others' line" "^ Others +[0-9]+ +[0-9]+ "
sum=$(tui_screen | awk '$1 == "Pilots" || $1 == "Others" { s += $2 }
    $1 == "Total" { t = $2 } END { print (s == t && t > 0) ? "ok" : s "/" t }')
if [ "$sum" = ok ]; then
	ok "pilots: pilots and others add up to the total"
else
	fail "pilots: pilots and others add up to the total" "$sum"
fi

# An open year back from the help: the same figures while nothing was
# saved (not counted again), and counted again after a change, here a
# welcome the sqlite3 tool records meanwhile.
tui_start
tui_keys r
expect_title "open year: the report" "Yearly report"
tui_keys Right
expect_line "open year: 2019" "^ 2019 · open until"
before=$(tui_screen | awk '$1 == "Total" { print $3 }')
tui_keys F1
expect_title "open year: the help" "Help"
tui_keys Escape
expect_line "open year: back, the same figures" "^ Total +[0-9]+ +$before "
tui_keys F1
expect_title "open year: the help again" "Help"
sqlite3 "$DB" "UPDATE visit SET outcome = 'welcomed' WHERE id = (SELECT v.id
    FROM visit v JOIN household h ON h.id = v.household_id
    WHERE h.moved_in >= '2019-01-01' AND v.outcome = 'not_home'
    AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = h.id
    AND w.outcome = 'welcomed') LIMIT 1)"
tui_keys Escape
expect_line "open year: back after a welcome, counted again" \
    "^ Total +[0-9]+ +$((before + 1)) "
expect_not "open year: the counting message is gone" "Counting the report"

# An ambassador's r says why, and opens nothing.
LOGIN=birgit SECRET=1234 tui_start
expect_title "ambassador: home" Home
expect_not "ambassador: no report in the menu" "Yearly report"
tui_keys r
expect "ambassador: r says why not" "Only the secretariat can see the yearly report."
tui_sync
expect_title "ambassador: r opens nothing" Home
