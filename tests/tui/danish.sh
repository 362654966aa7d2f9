#!/usr/bin/env bash
# The main screens in Danish and in English at 80x24, on the demo: each
# screen opens with its title in the language, no message of the other
# language shows on it, and the title line is not cut ("…").  The pieces of
# the other language come from share/po/da.po (english.awk), less any text
# of the configuration (stairwell names such as "Opgang 1" are data).
. "$(dirname "$0")/lib.sh"

make_demo
T_ENV=(-e VELKOMST_LOCALEDIR="${VELKOMST_LOCALEDIR:-$top/build/locale}")

lang_pieces
if [ "$(wc -l <"$TMP/english")" -gt 500 ] &&
    [ "$(wc -l <"$TMP/danish")" -gt 500 ]; then
	ok "the catalogue gives pieces of both languages"
else
	fail "the catalogue gives pieces of both languages" "too few"
fi

# check LANG NAME TITLE: the screen TITLE is up; nothing of the other
# language; the title line whole.
check() {
	local lang=$1 name=$2 title=$3 s found
	if ! tui_wait_title "$title"; then
		fail "$lang: $name opens ($title)" "$(tui_top)"
		return
	fi
	s=$(tui_screen)
	if [ "$lang" = da ]; then
		found=$(printf '%s\n' "$s" | grep -F -w -o -f "$TMP/english" |
		    sort -u | head -5 | tr '\n' '|')
	else
		found=$(printf '%s\n' "$s" | grep -F -w -o -f "$TMP/danish" |
		    sort -u | head -5 | tr '\n' '|')
	fi
	if [ -n "$found" ]; then
		fail "$lang: $name has no words of the other language" \
		    "$found"
	elif printf '%s\n' "$s" | head -1 | grep -q '…'; then
		fail "$lang: $name's title is whole" "$(tui_top)"
	else
		ok "$lang: $name in its language, at 80x24"
	fi
}

# The screens, in LANG with the titles T[...] of that language.
tour() {
	local lang=$1
	LANGUAGE=$lang tui_start
	check "$lang" home "${T[home]}"
	tui_keys 1
	check "$lang" households "${T[households]}"
	tui_keys /
	tui_type soren
	tui_wait_line "soren" || true
	tui_keys Enter Enter
	check "$lang" household "${T[household]}"
	tui_keys Escape Escape Escape
	check "$lang" "home again" "${T[home]}"
	tui_keys 2
	check "$lang" "household form" "${T[form]}"
	tui_keys F2
	tui_wait_line "${T[form_error]}" ||
	    fail "$lang: the form says what is missing" "$(tui_screen)"
	check "$lang" "household form with errors" "${T[form]}"
	# Consent, then the languages spoken: the list to pick from.
	tui_keys Down Down Down Down Down Down Space Down Down Down Down Enter
	check "$lang" "languages list" "${T[pick]}"
	tui_type arab
	tui_wait_line "${T[arabic]}" ||
	    fail "$lang: the list finds Arabic by \"arab\"" "$(tui_screen)"
	tui_keys Escape
	check "$lang" "household form after the list" "${T[form]}"
	tui_keys Escape Escape
	check "$lang" "home after the form" "${T[home]}"
	tui_keys 3
	check "$lang" queue "${T[queue]}"
	tui_keys v
	check "$lang" visit "${T[visit]}"
	tui_keys F3
	tui_wait_line "${T[not_home]}" ||
	    fail "$lang: F3 asks when to try again" "$(tui_screen)"
	check "$lang" "visit, not home" "${T[visit]}"
	tui_keys Escape n
	tui_wait_title "${T[queue]}"
	tui_keys Escape 4
	check "$lang" overdue "${T[overdue]}"
	tui_keys Escape 5
	check "$lang" "needs the secretariat" "${T[needs]}"
	tui_keys Escape 6
	check "$lang" ambassadors "${T[ambassadors]}"
	tui_keys Enter
	check "$lang" ambassador "${T[ambassador]}"
	tui_keys Escape n
	check "$lang" "ambassador form" "${T[amb_form]}"
	tui_keys Escape Escape 7
	check "$lang" goal "${T[goal]}"
	tui_keys Escape 8
	check "$lang" coverage "${T[coverage]}"
	tui_keys Escape 9
	check "$lang" accounts "${T[accounts]}"
	tui_keys n
	check "$lang" "account form" "${T[account]}"
	tui_keys Escape Escape Escape 0
	check "$lang" "audit trail" "${T[audit]}"
	tui_keys F1
	check "$lang" help "${T[help]}"
	tui_keys Escape Escape F9
	check "$lang" "locked screen" "${T[login]}"
}

declare -A T
T=([home]=Forside [households]=Husstande [household]=Husstand
    [form]=Husstandsskema [form_error]="Vælg afdelingen|Skriv|mangler"
    [queue]=Besøgsliste [visit]=Velkomstbesøg
    [overdue]="Forsinkede velkomster" [needs]="Til sekretariatet"
    [ambassadors]=Ambassadører [ambassador]=Ambassadør
    [goal]=Rekrutteringsmål [coverage]=Dækning
    [accounts]=Konti [audit]=Hændelseslog [help]=Hjælp [login]="Log ind"
    [pick]=Vælg [arabic]="arabisk \(Arabic" [not_home]="Prøv igen den"
    [amb_form]=Ambassadørskema [account]=Konto)
tour da
T=([home]=Home [households]=Households [household]=Household
    [form]="Household form" [form_error]="Pick|Write|missing"
    [queue]="Queue: who to visit" [visit]="Welcome visit"
    [overdue]="Overdue welcomes" [needs]="Needs the secretariat"
    [ambassadors]=Ambassadors [ambassador]=Ambassador
    [goal]="Recruitment goal"
    [coverage]="Coverage"
    [accounts]=Accounts [audit]="Audit trail" [help]=Help [login]="Log in"
    [pick]=Pick [arabic]="Arabic \(arabisk" [not_home]="Try again on"
    [amb_form]="Ambassador form" [account]=Account)
tour en
