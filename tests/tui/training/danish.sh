# tests/tui/training/danish.sh — run the course in Danish: LANGUAGE=da,
# the Danish catalogue `make locale` compiled from share/po/da.po, and the
# Danish page man/da/velkomst-training.7 for the texts it promises.
# Sourced after lib.sh and before page.sh.
export LANGUAGE=da
PAGE=$top/man/da/velkomst-training.7
locale_dir=${VELKOMST_LOCALEDIR:-$top/build/locale}
T_ENV=(-e VELKOMST_LOCALEDIR="$locale_dir")
if [ ! -f "$locale_dir/da/LC_MESSAGES/velkomst.mo" ]; then
	fail "the Danish catalogue is compiled" "no $locale_dir/da/LC_MESSAGES/velkomst.mo (make locale)"
	exit 0
fi
