#!/usr/bin/env bash
# The language at run time: l on the home screen switches between Danish
# and English at once; the account remembers it across a logout; the
# login and lock screens speak the default; the checklist and the visit
# history follow the screen's language; LANGUAGE=da beats the
# configuration's language = "en" for screens and checklist alike.  A
# small test catalogue stands in for share/po/da.po.
. "$(dirname "$0")/lib.sh"

# A catalogue of a few messages, compiled into $TMP/locale.
mkdir -p "$TMP/locale/da/LC_MESSAGES"
cat >"$TMP/da.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Home"
msgstr "Hjem"

msgid "Household"
msgstr "Husstand"

msgid "Welcome visit"
msgstr "Velkomstbesøg"

msgid "velkomst speaks English now, and remembers it for your login."
msgstr "velkomst taler dansk nu, og husker det for dit login."

msgid "Type your login, press Enter, then type your PIN or password and press Enter."
msgstr "Skriv dit login, tryk Enter, skriv så din PIN eller adgangskode og tryk Enter."

#, c-format
msgid "The screen is locked. %s was logged in."
msgstr "Skærmen er låst. %s var logget ind."
PO
msgfmt -o "$TMP/locale/da/LC_MESSAGES/velkomst.mo" "$TMP/da.po" ||
    fail "the test catalogue compiles" "msgfmt failed"
T_ENV=(-e VELKOMST_LOCALEDIR="$TMP/locale")
make_demo

# Esc until the home screen (its title in the language spoken).
to_home() {
	local i
	for ((i = 0; i < 5; i++)); do
		tui_keys Escape
		tui_wait_title "$1" 20 && return 0
	done
	return 1
}

# Open household 10 (welcomed: the laundry done) and show its visits.
open_10() {
	tui_keys /
	tui_type "østen"
	tui_keys Enter Enter
	tui_wait_title "$1"
	tui_keys PageDown PageDown
}

tui_start
expect_title "English by default" "Home"
expect_line "the bottom line offers Danish, in Danish" " l Dansk "
tui_keys l
expect_title "l switches to Danish at once" "Hjem"
expect "it says so in Danish" "velkomst taler dansk nu"
expect_line "the bottom line offers English, in English" " l English "

# The visit history (household 10: welcomed, laundry done) in Danish.
open_10 Husstand
expect_title "the household opens in Danish" "Husstand"
expect "the history shows the Danish title" "Vaskeriet"
expect_not "and not the English one" "The laundry"
tui_keys v
expect_title "the visit opens in Danish" "Velkomstbesøg"
expect "the checklist is in Danish" "Området, aktiviteter og tilbud"
expect_not "and not in English" "The area, its activities"
to_home Hjem

# The login screen speaks the default; the account remembers Danish.
tui_keys x
expect "logging out returns to the default (English)" "Type your login"
tui_login sekretariat demo-sekretariat
expect_title "logging in again speaks the remembered Danish" "Hjem"
tui_keys F9
expect "the lock speaks the default" "The screen is locked."
tui_type demo-sekretariat
tui_keys Enter
expect_title "unlocking speaks Danish again" "Hjem"

# Back to English: screens and history follow.
tui_keys l
expect_title "l switches back to English" "Home"
expect "and says so in English" "velkomst speaks English now"
open_10 Household
expect_title "the household opens in English" "Household"
expect "the history shows the English title" "The laundry"
expect_not "and not the Danish one" "Vaskeriet"
to_home Home
tui_keys x
tui_wait "Type your login"
tui_login sekretariat demo-sekretariat
expect_title "English is remembered too" "Home"

# LANGUAGE=da beats language = "en": Danish screens, Danish checklist
# (for lene, who has chosen no language).
printf 'language = "en";\n' >"$TMP/en.conf"
LANGUAGE=da LOGIN= tui_start --config "$TMP/en.conf"
expect "the login screen is in Danish too" "Skriv dit login"
tui_type lene
tui_keys Enter
tui_type 2468
tui_keys Enter
expect_title "LANGUAGE=da beats the configuration" "Hjem"
open_10 Husstand
tui_keys v
expect_title "the visit is in Danish" "Velkomstbesøg"
expect "so is its checklist" "Området, aktiviteter og tilbud"
