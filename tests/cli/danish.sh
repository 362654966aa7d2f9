#!/usr/bin/env bash
# The commands in Danish (LANGUAGE=da): Danish column titles, none cut
# ("…"), no English message (the pieces from da.po, as the screens are
# checked), and tsv left as it is for scripts.
. "$(dirname "$0")/lib.sh"
export VELKOMST_LOCALEDIR=${VELKOMST_LOCALEDIR:-$top/build/locale}

run --db "$DB" demo
check "a demo database" 0
msgcat --no-wrap "$top/share/po/da.po" |
    awk -f "$top/tests/tui/english.awk" | sort -u >"$TMP/english"

# dk NAME TITLE ARGS...: in Danish, the first line has TITLE, whole, and
# nothing in English.
dk() {
	local name=$1 title=$2 found
	shift 2
	LANGUAGE=da run --db "$DB" "$@"
	found=$(grep -F -w -o -f "$TMP/english" "$TMP/out" | sort -u |
	    head -5 | tr '\n' '|')
	if [ "$RC" != 0 ]; then
		fail "$name" "exit $RC: $(head -c 300 "$TMP/err")"
	elif ! head -1 "$TMP/out" | grep -q -- "$title"; then
		fail "$name" "no \"$title\" in: $(head -1 "$TMP/out")"
	elif head -1 "$TMP/out" | grep -q '…'; then
		fail "$name" "a title is cut: $(head -1 "$TMP/out")"
	elif [ -n "$found" ]; then
		fail "$name" "English in Danish: $found"
	else
		ok "$name"
	fi
}
dk "households in Danish" "Indflyttet" households
dk "overdue in Danish" "Forsøg" overdue
dk "ambassadors in Danish" "Rekrutteret" ambassadors
dk "goal in Danish" "Mål:" goal
dk "accounts in Danish" "Brugernavn" user list
dk "audit trail in Danish" "Tidspunkt" audit

LANGUAGE=da run --db "$DB" households --format tsv
check "tsv keeps its English column names for scripts" 0 \
    "$(printf 'id\tdepartment')"
