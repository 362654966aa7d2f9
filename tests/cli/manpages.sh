#!/usr/bin/env bash
# Every manual page, English (man/) and Danish (man/da/), is mandoc -Tlint
# clean, and make install puts each in man1, man5 or man7 by its name, the
# Danish ones under da/ (PREFIX as the other install test has it, so
# that the program is not built again); man shows the Danish page when LANGUAGE=da.
. "$(dirname "$0")/lib.sh"

cd "$top" || exit 1
pages=$(ls man/*.[157] man/da/*.[157] 2>/dev/null)
for p in man/velkomst.1 man/velkomst.conf.5; do
	case " $(echo $pages) " in
	*" $p "*) ok "there is $p" ;;
	*) fail "there is $p" "missing" ;;
	esac
done
for p in $pages; do
	if mandoc -Tlint -Wwarning -Kutf-8 "$p" >"$TMP/out" 2>&1; then
		ok "$p is mandoc -Tlint clean"
	else
		fail "$p is mandoc -Tlint clean" "$(head -3 "$TMP/out")"
	fi
done
if make -s lint >"$TMP/out" 2>"$TMP/err"; then
	ok "make lint"
else
	fail "make lint" "$(tail -3 "$TMP/err")"
fi

root=$TMP/root
if make -s install DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"; then
	ok "make install with DESTDIR"
else
	fail "make install with DESTDIR" "$(tail -3 "$TMP/err")"
fi
man=$root/usr/local/share/man
for p in $pages; do
	f=${p##*/}
	case $p in
	man/da/*) want=$man/da/man${f##*.}/$f ;;
	*) want=$man/man${f##*.}/$f ;;
	esac
	if cmp -s "$p" "$want"; then
		ok "installs $p as ${want#"$root"}"
	else
		fail "installs $p as ${want#"$root"}" "missing or not the same"
	fi
done
n=$(find "$man" -type f | wc -l)
if [ "$n" = "$(echo $pages | wc -w)" ]; then
	ok "installs no other page"
else
	fail "installs no other page" "$n files under $man"
fi

# man-db picks the page of the language.
if [ -f man/da/velkomst.conf.5 ]; then
	MANPATH=$man LANGUAGE=da LC_ALL=C.UTF-8 man -P cat velkomst.conf \
	    >"$TMP/out" 2>"$TMP/err"
	if grep -q "indstillinger" "$TMP/out"; then
		ok "LANGUAGE=da man velkomst.conf shows the Danish page"
	else
		fail "LANGUAGE=da man velkomst.conf shows the Danish page" \
		    "$(head -5 "$TMP/out")"
	fi
	MANPATH=$man LANGUAGE= LC_ALL=C.UTF-8 man -P cat velkomst.conf \
	    >"$TMP/out" 2>"$TMP/err"
	if grep -q "the settings of velkomst" "$TMP/out"; then
		ok "man velkomst.conf shows the English page"
	else
		fail "man velkomst.conf shows the English page" \
		    "$(head -5 "$TMP/out")"
	fi
fi

make -s uninstall DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"
left=$(find "$root" -type f | wc -l)
if [ "$left" = 0 ]; then
	ok "make uninstall removes every page"
else
	fail "make uninstall removes every page" "$left files left"
fi

# The help names a part of the manual per screen (src/screen-help.c); in
# Danish, its translation must be a part of the Danish velkomst(1).
if [ -f share/po/da.po ] && [ -f man/da/velkomst.1 ]; then
	sed -n 's/^	{ &screen_[a-z_]*, N_("\(.*\)") },$/\1/p' src/screen-help.c |
	    sort -u >"$TMP/parts"
	missing=
	while IFS= read -r part; do
		da=$(awk -v id="msgid \"$part\"" '
		    $0 == id { getline; if ($0 ~ /^msgstr "/) {
		        sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit } }' \
		    share/po/da.po)
		[ -n "$da" ] && grep -qxF ".Ss $da" man/da/velkomst.1 ||
		    missing="$missing \"$part\" (\"$da\")"
	done <"$TMP/parts"
	if [ -s "$TMP/parts" ] && [ -z "$missing" ]; then
		ok "the Danish help names parts of the Danish velkomst(1)"
	else
		fail "the Danish help names parts of the Danish velkomst(1)" \
		    "none or not there:$missing"
	fi
fi
