#!/usr/bin/env bash
# Part 1 of velkomst-training(7), the new ambassador, run as written on a
# fresh demo: the page's keys, and the texts the page promises.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/training/page.sh"
. "$(dirname "$0")/training/ambassador.sh"

page_lint
course_ambassador
