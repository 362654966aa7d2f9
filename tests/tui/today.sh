#!/usr/bin/env bash
# Today is the local date at the moment of asking: a screen left open past
# midnight shows the new day and its figures.  The clock is libfaketime's,
# moved by rewriting its file; VELKOMST_TODAY is not set, so velkomst reads
# the (faked) real clock.  Copenhagen time, written as a POSIX TZ rule so no
# time-zone data is needed.
. "$(dirname "$0")/lib.sh"

FT=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -r "$FT" ] || FT=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
if [ ! -r "$FT" ]; then
	echo "FAIL $SUITE: libfaketime is missing (make deps installs faketime)"
	exit 1
fi
make_demo
DKTZ=CET-1CEST,M3.5.0,M10.5.0/3
clock=$TMP/clock
# Set the faked clock (libfaketime reads it as local time, in TZ).
set_clock() {
	echo "@$1" >"$clock.new" && mv "$clock.new" "$clock"
}
# How many households a list command gives on a day.
count_on() {
	VELKOMST_TODAY=$1 "$BIN" --db "$DB" "$2" --format tsv | tail -n +2 | wc -l
}
over1=$(count_on 2019-06-01 overdue)
over2=$(count_on 2019-06-02 overdue)
over4=$(count_on 2019-06-04 overdue)
if [ "$over1" != "$over2" ] && [ "$over2" != "$over4" ]; then
	ok "the demo's overdue list grows from day to day ($over1, $over2, $over4)"
else
	fail "the demo's overdue list grows from day to day" "$over1 $over2 $over4"
fi

set_clock "2019-06-01 10:00:00"
T_ENV=(-e LD_PRELOAD="$FT" -e FAKETIME_TIMESTAMP_FILE="$clock"
    -e FAKETIME_NO_CACHE=1 -e FAKETIME_DONT_FAKE_MONOTONIC=1 -e TZ="$DKTZ"
    -e ASAN_OPTIONS="verify_asan_link_order=0:log_path=$OUT/asan.tui-today")
TODAY= tui_start
expect "the title shows the faked local date" "01.06.2019"
expect_not "today is not fixed" "today is fixed at"
tui_keys 4
tui_wait_title "Overdue welcomes"
expect "the overdue list of 1 June" "· $over1 households"

# 23:59:58 in Copenhagen: a key makes the loop look at the clock again;
# then, with no key, velkomst wakes at midnight and shows the new day.
set_clock "2019-06-01 23:59:58"
tui_keys Up
expect "midnight passes with no key: the new day in the title" \
    "02.06.2019" 200
expect "and the open list shows the new day's figures" "· $over2 households"

# Days later, the next key redraws with that day's figures.
set_clock "2019-06-04 10:00:00"
tui_keys Up
expect "a key after days away shows that day" "04.06.2019"
expect "with its figures" "· $over4 households"
tui_keys Escape
tui_wait "Register a move-in"
tui_keys 3
expect_title "the queue opens on the new day" "Queue: who to visit"
if tui_screen | grep -q "04.06.2019"; then ok "the queue's title keeps the day"; else fail "the queue's title keeps the day" "no 04.06.2019"; fi

# Times are shown in local time: a household's "Registered" time in a
# zone five hours east of UTC is the stored UTC time plus five hours.
T_ENV=(-e TZ=ABC-5)
TODAY=2019-06-01 tui_start
tui_keys 1
tui_wait_title Households
tui_keys Enter
tui_wait_title Household
id=$(tui_screen | sed -n 's/.*Household \([0-9][0-9]*\) ·.*/\1/p' | head -1)
utc=$(sqlite3 "$DB" "select created_at from household where id = ${id:-0}")
want=$(TZ=ABC-5 date -d "$utc UTC" '+%d.%m.%Y %H:%M')
for i in 1 2 3 4 5 6 7 8; do tui_keys Down; done
if [ -n "$utc" ] && tui_wait_line "Registered +$want by"; then
	ok "a household's registration time is in local time ($want)"
else
	fail "a household's registration time is in local time" "want $want (UTC $utc)"
fi
expect_not "and does not say UTC" "UTC"
