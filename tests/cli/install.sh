#!/usr/bin/env bash
# make install / uninstall with DESTDIR; the manual is lint-clean.
. "$(dirname "$0")/lib.sh"

root=$TMP/root
if make -s -C "$top" install DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"; then
	ok "make install with DESTDIR"
else
	fail "make install with DESTDIR" "$(tail -3 "$TMP/err")"
fi
for f in bin/velkomst share/man/man1/velkomst.1 share/velkomst/velkomst.conf; do
	if [ -f "$root/usr/local/$f" ]; then ok "installs $f"; else fail "installs $f" "missing"; fi
done
"$root/usr/local/bin/velkomst" --version >"$TMP/out" 2>&1
RC=$?
check "the installed program runs" 0 "velkomst "
make -s -C "$top" uninstall DESTDIR="$root" >"$TMP/out" 2>"$TMP/err"
left=$(find "$root" -type f | wc -l)
if [ "$left" = 0 ]; then ok "make uninstall removes what install put there"; else fail "make uninstall removes what install put there" "$left files left"; fi

if mandoc -Tlint -Wwarning "$top/man/velkomst.1" >"$TMP/out" 2>&1; then
	ok "man/velkomst.1 is mandoc -Tlint clean"
else
	fail "man/velkomst.1 is mandoc -Tlint clean" "$(head -3 "$TMP/out")"
fi
for cmd in "make run" "make check"; do
	if grep -q "$cmd" "$top/README.md"; then ok "README shows $cmd"; else fail "README shows $cmd" "missing"; fi
done
