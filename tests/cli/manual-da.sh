#!/usr/bin/env bash
# The Danish velkomst(1)'s key table holds the same keys, in the same
# order, as the English one (which test-manual holds to ui-keys.c), and
# each bottom-line word is the one da.po gives the screens.
. "$(dirname "$0")/lib.sh"
locale=${VELKOMST_LOCALEDIR:-$top/build/locale}

# rows PAGE SECTION: "key<TAB>word" for each row of the key table.
rows() {
	awk -v sec="$2" '$0 == ".Ss " sec { on = 1; next }
	    on && /^\.El/ { exit }
	    on && /^\.It Ic / { sub(/^\.It Ic /, ""); n = split($0, f, / Ta /)
		gsub(/\\&/, "", f[2]); print f[1] "\t" f[2] }' "$1"
}
rows "$top/man/velkomst.1" "The key table" >"$TMP/en"
rows "$top/man/da/velkomst.1" "Tastetabellen" >"$TMP/da"
if [ "$(wc -l <"$TMP/en")" -gt 60 ] &&
    cut -f1 "$TMP/en" | cmp -s - <(cut -f1 "$TMP/da"); then
	ok "the Danish key table has the English one's keys, in order"
else
	fail "the Danish key table has the English one's keys, in order" \
	    "$(wc -l <"$TMP/en") English rows, $(wc -l <"$TMP/da") Danish"
fi
bad=
while IFS=$'\t' read -r key word && IFS=$'\t' read -r dkey dword <&3; do
	want=$(TEXTDOMAINDIR=$locale LANGUAGE=da LC_ALL=C.UTF-8 \
	    gettext -d velkomst -- "$word")
	[ "$want" = "$dword" ] || bad="$bad $key: \"$dword\", not \"$want\";"
done <"$TMP/en" 3<"$TMP/da"
if [ -z "$bad" ]; then
	ok "each Danish bottom-line word is the screens' word"
else
	fail "each Danish bottom-line word is the screens' word" "$bad"
fi
