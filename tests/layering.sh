#!/usr/bin/env bash
# The data layer rule: only db-*.c speaks SQL, only cfg.c speaks libconfig.
cd "$(dirname "$0")/.." || exit 1
bad=$(grep -l '#include <sqlite3.h>' src/* include/* | grep -v -E '^src/db-')
if [ -z "$bad" ]; then echo "ok   layering: sqlite3.h only in db-*"; else echo "FAIL layering: sqlite3.h included in $bad"; fi
bad=$(grep -l '#include <libconfig.h>' src/* include/* | grep -v -E '^src/cfg\.c$')
if [ -z "$bad" ]; then echo "ok   layering: libconfig.h only in cfg.c"; else echo "FAIL layering: libconfig.h included in $bad"; fi
bad=$(grep -l '#include <xlsxwriter.h>' src/* include/* | grep -v -E '^src/report-xlsx\.c$')
if [ -z "$bad" ]; then echo "ok   layering: xlsxwriter.h only in report-xlsx.c"; else echo "FAIL layering: xlsxwriter.h included in $bad"; fi
bad=$(grep -n -E 'mvw?addnstr|printw\([^)]*%-?[0-9]+s' src/screen-*.c src/ui*.c 2>/dev/null)
if [ -z "$bad" ]; then echo "ok   layering: screens fit text by columns"; else echo "FAIL layering: byte-counted screen text: $bad"; fi
