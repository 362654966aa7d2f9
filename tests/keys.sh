#!/usr/bin/env bash
# Every key a screen reacts to goes through the key table (ui-keys.c), so
# that help and the bottom line can name it: no curses key codes and no
# key characters compared in the screens and widgets.
cd "$(dirname "$0")/.." || exit 1
raw='KEY_[A-Z]|->ch *(==|!=|>=|<=|<|>) *[0-9'"'"']'
raw="$raw|isw(alnum|alpha|digit|punct|space|upper|lower) *\\( *k->ch"
bad=$(grep -n -E "$raw" src/screen-*.c src/ui-list.c src/ui-form.c \
    src/ui-draw.c)
if [ -z "$bad" ]; then
	echo "ok   keys: the screens read keys through the key table"
else
	echo "FAIL keys: raw key codes in screens: $bad"
fi
