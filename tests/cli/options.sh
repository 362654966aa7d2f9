#!/usr/bin/env bash
# One option parser for every command: the same messages for an unknown
# option, a missing value, a word too many and --help; exit 2 for wrong
# use, and nothing opened or made before the words are right.
. "$(dirname "$0")/lib.sh"

# Each command, and an option of it that takes a value (with the name of
# that value), or "-" when it has none.
while IFS='|' read -r cmd opt what; do
	# shellcheck disable=SC2086
	run --db "$DB" $cmd --frobnicate
	check "$cmd: an unknown option is wrong use" 2 "$cmd has no option --frobnicate." stderr
	check "$cmd: an unknown option shows the usage" 2 "usage: velkomst $cmd" stderr
	# shellcheck disable=SC2086
	run --db "$DB" $cmd -Z
	check "$cmd: an unknown short option" 2 "$cmd has no option -Z." stderr
	# shellcheck disable=SC2086
	run --db "$DB" $cmd --help
	check "$cmd --help shows the usage" 0 "usage: velkomst $cmd"
	check "$cmd --help lists --help" 0 "  --help "
	if [ "$opt" != - ]; then
		# shellcheck disable=SC2086
		run --db "$DB" $cmd $opt
		check "$cmd: $opt without its value" 2 "$opt needs $what after it." stderr
		check "$cmd: $opt without its value shows the usage" 2 "usage: velkomst $cmd" stderr
		# shellcheck disable=SC2086
		run --db "$DB" $cmd --help
		check "$cmd --help explains $opt" 0 "  $opt $what"
	fi
done <<'EOF'
ambassadors|--search|TEXT
audit|--since|DATE
check|-|
coverage|--format|text|tsv
demo|--households|N
goal|--format|text|tsv
households|--search|TEXT
init|--login|LOGIN
overdue|--department|D
user add|--ambassador|ID
user list|--format|text|tsv
user disable|-|
user enable|-|
user reset|-|
user unlock|-|
visits|--household|ID
EOF

# Words that are not options, where a command takes none or one.
for cmd in ambassadors audit check coverage goal households overdue visits "user list"; do
	# shellcheck disable=SC2086
	run --db "$DB" $cmd soren
	check "$cmd: a word too many is wrong use" 2 "\"soren\" is one word too many for $cmd." stderr
done
for cmd in disable enable reset unlock; do
	run --db "$DB" user $cmd
	check "user $cmd without a login" 2 "user $cmd needs LOGIN." stderr
	run --db "$DB" user $cmd birgit lene
	check "user $cmd with two logins" 2 "\"lene\" is one word too many for user $cmd." stderr
done
run --db "$DB" user add birgit
check "user add without --role" 2 "user add needs --role ambassador|secretariat|admin." stderr
run --db "$DB" user reset birgit --password-stdin=yes
check "an option without a value given one" 2 "--password-stdin takes no value." stderr
run --db "$DB" init --login
check "init --login without its value" 2 "--login needs LOGIN after it." stderr
[ -e "$DB" ] && fail "wrong use opens no database" "$DB was made" || ok "wrong use opens no database"

# The values a setter refuses are wrong use too.
run --db "$DB" households --format xml
check "a wrong --format" 2 "--format is text or tsv, not \"xml\"" stderr
run --db "$DB" demo --households 0
check "a wrong --households" 2 "--households needs a number from 1 to" stderr
run --db "$DB" visits --household x
check "a wrong --household" 2 "--household needs the number of a household" stderr

# The forms of a value: --name=VALUE, --name VALUE, and "--" before words.
run --db "$DB" demo --households=12
check "--households=12" 0 "with 12 households"
run --db "$DB" households --format=tsv --search=soren
check "--format=tsv --search=soren" 0 $'id\tdepartment'
run --db "$DB" households --search --format
check "a value may start with --" 0 "0 households"
run --db "$DB" households -- --format
check "after --, a word is no option" 2 "\"--format\" is one word too many for households." stderr
run --db "$DB" households --department
check "--department without its value" 2 "--department needs D after it." stderr
run --db "$DB" households --help --frobnicate
check "--help first wins" 0 "usage: velkomst households"
