#!/usr/bin/env bash
# The audit trail's triggers dropped with the sqlite3 tool: the screen
# says, when velkomst opens, that it has put them back.
. "$(dirname "$0")/lib.sh"

make_demo
LOGIN= tui_start
# The note is drawn with the first login screen, if at all: wait for that
# screen whole.
tui_wait_title "Log in"
expect_not "a whole trail: nothing to say" "protection"
# Leave velkomst and let it close the database before sqlite3 writes.
tui_keys Escape
tui_wait "velkomst-exited-0"
sqlite3 "$DB" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
LOGIN= tui_start
expect "the login screen says the triggers are back" "velkomst has put it back"
expect "... and to run check" "velkomst check"
n=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_no_update', 'audit_no_delete')")
[ "$n" = 2 ] && ok "both triggers are there again" || fail "both triggers are there again" "$n"
