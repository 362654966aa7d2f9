#!/usr/bin/env bash
# Part 2 of velkomst-training(7), the secretariat, run as written: the
# page's keys, and the texts the page promises; on a fresh demo, and
# again after part 1 (the page says part 1 changes none of its numbers).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/training/page.sh"
. "$(dirname "$0")/training/ambassador.sh"
. "$(dirname "$0")/training/secretariat.sh"

course_secretariat
make_demo() { :; }	# the second run goes on with part 1's database
DB=$TMP/after-part-1.db
VELKOMST_TODAY=$TODAY "$BIN" --db "$DB" demo >/dev/null
s=$SUITE
SUITE=$s-part-1-first
course_ambassador
SUITE=$s-after-part-1
course_secretariat
