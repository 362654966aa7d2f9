#!/usr/bin/env bash
# Part 1 of the Danish velkomst-training(7), the new ambassador, run as
# written on a fresh demo with LANGUAGE=da: the page's keys, and the
# Danish texts the page promises.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/training/danish.sh"
. "$(dirname "$0")/training/page.sh"
. "$(dirname "$0")/training/ambassador.sh"

page_lint
course_ambassador
