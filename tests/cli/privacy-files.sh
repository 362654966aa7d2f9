#!/usr/bin/env bash
# The privacy papers of share/velkomst/privacy and the word lists of
# share/velkomst/sensitive: every one there, UTF-8, a notice for residents
# in each of the six languages that fits one A4 page, the machine-made
# translations marked so at the top, the blanks of the record of
# processing marked; make install puts them all under
# DATADIR/velkomst, the installed lists work, and uninstall removes them;
# the manual points to them.
. "$(dirname "$0")/lib.sh"

P=$top/share/velkomst/privacy
papers="fortegnelse.da.txt fortegnelse.en.txt notes-guide.da.txt
    notes-guide.en.txt"
for l in da en ar tr so ur; do
	papers="$papers privacy-notice.$l.txt"
done
for f in $papers; do
	if [ ! -s "$P/$f" ]; then
		fail "privacy/$f is there" "missing or empty"
	elif ! iconv -f UTF-8 -t UTF-8 "$P/$f" >/dev/null 2>&1; then
		fail "privacy/$f is there" "not UTF-8"
	else
		ok "privacy/$f is there, UTF-8"
	fi
done
# One A4 page of plain text: at most 66 lines of at most 80 columns.
for l in da en ar tr so ur; do
	f=$P/privacy-notice.$l.txt
	lines=$(wc -l <"$f")
	cols=$(LC_ALL=C.UTF-8 wc -L <"$f")
	if [ "$lines" -le 66 ] && [ "$cols" -le 80 ]; then
		ok "the $l notice fits one A4 page"
	else
		fail "the $l notice fits one A4 page" "$lines lines, $cols columns"
	fi
done
for l in ar tr so ur; do
	if head -3 "$P/privacy-notice.$l.txt" | grep -q "MACHINE-TRANSLATED" &&
	    head -3 "$P/privacy-notice.$l.txt" | grep -q "native speaker"; then
		ok "the $l notice says at the top it was machine-translated"
	else
		fail "the $l notice says at the top it was machine-translated" \
		    "$(head -3 "$P/privacy-notice.$l.txt")"
	fi
done
for l in da en; do
	if grep -q "MACHINE-TRANSLATED" "$P/privacy-notice.$l.txt"; then
		fail "the $l notice is not marked machine-translated" "it is"
	else
		ok "the $l notice is not marked machine-translated"
	fi
done
if grep -q "\[UDFYLDES" "$P/fortegnelse.da.txt" &&
    grep -q "\[TO FILL IN" "$P/fortegnelse.en.txt"; then
	ok "the record of processing marks the blanks to fill in"
else
	fail "the record of processing marks the blanks to fill in" "no marks"
fi
for w in "FORMÅL" "RETSGRUNDLAG" "MODTAGERE" "SLETNING" "SIKKERHED"; do
	grep -q "$w" "$P/fortegnelse.da.txt" && ok "the record has $w" ||
	    fail "the record has $w" "missing"
done

root=$TMP/root
if make -s -C "$top" install DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"; then
	ok "make install with DESTDIR"
else
	fail "make install with DESTDIR" "$(tail -3 "$TMP/err")"
fi
share=$root/usr/local/share/velkomst
for f in $papers; do
	if cmp -s "$P/$f" "$share/privacy/$f"; then
		ok "installs privacy/$f"
	else
		fail "installs privacy/$f" "missing or different"
	fi
done
for f in da.txt en.txt; do
	if cmp -s "$top/share/velkomst/sensitive/$f" "$share/sensitive/$f"; then
		ok "installs sensitive/$f"
	else
		fail "installs sensitive/$f" "missing or different"
	fi
done
# The installed default finds its installed lists (relative to itself).
printf 'afdeling;opgang;lejlighed;indflytning;navne;note\n605;Opgang 1;st. tv.;01-05-2019;Ali Hassan;Han er syg\n' >"$TMP/m.csv"
VELKOMST_SHARE=$share run --db "$TMP/i.db" import moveins "$TMP/m.csv" \
    --dry-run
check "the installed configuration finds the installed lists" 1 \
    'This note may say something about health ("syg").' stderr
make -s -C "$top" uninstall DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"
left=$(find "$root" -type f | wc -l)
if [ "$left" = 0 ] && [ ! -e "$share" ]; then
	ok "make uninstall removes the papers and the lists"
else
	fail "make uninstall removes the papers and the lists" "$left files left"
fi

for page in man/velkomst.1 man/da/velkomst.1; do
	if grep -q '^\.Sh PRIVACY' "$top/$page" &&
	    grep -q 'privacy-notice' "$top/$page" &&
	    grep -q 'fortegnelse' "$top/$page"; then
		ok "$page has a PRIVACY section naming the papers"
	else
		fail "$page has a PRIVACY section naming the papers" "missing"
	fi
done
