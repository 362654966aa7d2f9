#!/usr/bin/env bash
# Options, usage, exit codes, today, configuration errors.
. "$(dirname "$0")/lib.sh"

run --version
check "--version prints the version" 0 "velkomst 0.1.0"
run --help
check "--help shows the usage" 0 "usage: velkomst"
check "--help lists the subcommands" 0 "households"
run --frobnicate
check "an unknown option is a usage error" 2 "usage:" stderr
run --db "$DB" frobnicate
check "an unknown subcommand is a usage error" 2 'unknown subcommand "frobnicate"' stderr
run households --help
check "households --help" 0 "usage: velkomst households"
run households --format xml
check "a wrong --format is a usage error" 2 "--format is text or tsv" stderr
run --db "$DB" households --department nowhere
check "an unknown department is a usage error" 2 'no department "nowhere"' stderr
VELKOMST_TODAY=2019-02-30 run --db "$DB" households
check "a bad VELKOMST_TODAY is refused" 2 "VELKOMST_TODAY=2019-02-30 is not a date" stderr

run --config "$TMP/missing.conf" --db "$DB" households
check "a missing --config file is an error naming it" 1 "$TMP/missing.conf" stderr
printf 'welcome_days = 14;\nwelcom_days = 3;\ngoal = { ambassadors = "15"; };\n' >"$TMP/bad.conf"
run --config "$TMP/bad.conf" --db "$DB" households
check "a config typo says FILE:LINE" 1 "$TMP/bad.conf:2: unknown setting \"welcom_days\" (did you mean \"welcome_days\"?)" stderr
check "a wrong type says FILE:LINE" 1 "$TMP/bad.conf:3:" stderr
run --config "$TMP/bad.conf" --db "$DB"
check "a bad config stops the TUI before the terminal" 1 "nothing was done" stderr
if [ -s "$TMP/out" ]; then fail "nothing reaches the terminal" "stdout: $(head -c 100 "$TMP/out" | od -c | head -2)"; else ok "nothing reaches the terminal"; fi
if [ -e "$DB" ]; then fail "a bad config creates no database" "$DB exists"; else ok "a bad config creates no database"; fi
printf 'departments = ( { key = "605"; name = "BB-afd. 605"; } );\nstairwells = ( { department = "999"; names = [ "A" ]; } );\n' >"$TMP/ref.conf"
run --config "$TMP/ref.conf" --db "$DB" check
check "a stairwell naming no department says FILE:LINE" 1 "$TMP/ref.conf:2:" stderr
run --db "$DB" check
check "check on a missing database says so" 1 "$DB" stderr
run --db "$DB" demo --households 3
mkdir -p "$XDG_CONFIG_HOME/velkomst"
printf 'welcome_days = 10;\n' >"$XDG_CONFIG_HOME/velkomst/velkomst.conf"
run --db "$DB" check
check "the user's config layer is read" 0 "welcome within 10 days"
printf 'welcome_days = 21;\n' >"$TMP/later.conf"
run --config "$TMP/later.conf" --db "$DB" check
check "--config is read last and wins" 0 "welcome within 21 days"
rm -rf "$XDG_CONFIG_HOME"
