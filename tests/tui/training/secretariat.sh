# tests/tui/training/secretariat.sh — part 2 of velkomst-training(7), the
# secretariat, as the page writes it (texts read from PAGE).  Sourced by
# tests/tui/training-secretariat*.sh after lib.sh, page.sh and
# ambassador.sh (esc_home).

course_secretariat() {
	make_demo
	LOGIN= tui_start

	# 1. Log in
	page_expect "1: the login screen" s-login-screen
	tui_type sekretariat
	tui_keys Enter
	tui_type demo-sekretariat
	tui_keys Enter
	page_expect "1: logged in as sekretariat" s-login 400
	page_expect "1: the home screen's counts" s-home-counts

	# 2. The overdue welcomes
	tui_keys 4
	page_expect "2: every overdue welcome" s-overdue-count
	page_expect "2: the longest overdue first" s-overdue-first
	esc_home "2: Esc goes home" s-login 1

	# 3. The households that need you
	tui_keys 5
	page_expect "3: the households that need the secretariat" s-needs-count

	# 4. Follow one up
	tui_keys /
	tui_type pham
	tui_keys Enter Enter
	page_expect "4: what the ambassador passed on" s-follow-why
	tui_keys PgDn
	page_expect "4: the note, after PgDn" s-follow-note
	tui_keys f
	page_expect "4: f opens the follow-up form" s-follow-form
	tui_keys Enter Down Enter Tab
	tui_type "Helped with the housing benefit."
	tui_keys F2
	page_expect "4: F2 saves the follow-up" s-follow-saved
	esc_home "4: three Esc go home" s-login 3
	page_expect "4: one household fewer" s-follow-count

	# 5. Recruit an ambassador
	tui_keys 6
	page_expect "5: the ambassadors" s-amb-count
	tui_keys n
	page_expect "5: the ambassador form" s-amb-form
	tui_type "Nadia Ahmadi"
	tui_keys Down Enter
	page_expect "5: the departments to pick" s-amb-pick-dept
	tui_keys Enter
	tui_wait_gone "$(page_text s-amb-pick-dept)"
	tui_keys Down Enter
	page_expect "5: the stairwells to pick" s-amb-pick-stairwell
	tui_keys End Enter
	tui_wait_gone "$(page_text s-amb-pick-stairwell)"
	tui_keys F2
	page_expect "5: saved" s-amb-saved

	# 6. Give her a login
	esc_home "6: Esc goes home" s-login 1
	tui_keys 9
	page_expect "6: the demo's accounts" s-acc-count
	tui_keys n
	page_expect "6: the account form" s-acc-form
	tui_type nadia
	tui_keys Down Down Enter
	page_expect "6: the departments to pick" s-acc-pick-dept
	tui_keys Enter
	tui_wait_gone "$(page_text s-acc-pick-dept)"
	tui_keys Down Enter
	page_expect "6: the ambassadors to pick" s-acc-pick-amb
	tui_keys n Enter
	tui_wait_gone "$(page_text s-acc-pick-amb)"
	tui_keys Down
	tui_type 1357
	tui_keys Down
	tui_type 1357
	tui_keys F2
	page_expect "6: saved" s-acc-saved
	if LANGUAGE=en "$BIN" --db "$DB" user list | grep -E -q '^nadia +ambassador +605 +Nadia Ahmadi'; then
		ok "6: the login is hers, for 605"
	else
		fail "6: the login is hers, for 605" "$(LANGUAGE=en "$BIN" --db "$DB" user list 2>&1 | grep nadia)"
	fi

	# 7. The recruitment goal
	esc_home "7: Esc goes home" s-login 1
	tui_keys 7
	page_expect "7: eight recruited" s-goal-count
	page_expect "7: on pace" s-goal-pace

	# 8. The coverage
	esc_home "8: Esc goes home" s-login 1
	tui_keys 8
	page_expect "8: where to recruit next" s-cover-top

	# 9. The yearly report and the department evaluation
	esc_home "9: Esc goes home" s-login 1
	tui_keys r
	page_expect "9: r opens the report of 2018" s-report-period
	page_expect "9: the total" s-report-total
	tui_keys Tab
	page_expect "9: Tab: the months" s-report-months
	tui_keys Tab Tab
	page_expect "9: Tab twice more: the ambassadors" s-report-goal
	tui_keys Tab Left
	page_expect "9: Tab, then Left: 2017" s-report-2017
	tui_keys Right
	page_expect "9: Right: 2018 again" s-report-period
	tui_keys a
	page_expect "9: a: the agreement's years" s-report-agreement
	tui_keys a
	page_expect "9: a again: 2018" s-report-period
	tui_keys Enter
	page_expect "9: Enter: 605's evaluation" s-eval-title
	page_expect "9: 605 beside the others" s-eval-moved
	tui_keys f
	page_expect "9: f: the first year" s-eval-first
	tui_keys Tab Tab
	esc_home "9: Esc twice goes home" s-login 2

	# 10. The success criteria
	esc_home "10: Esc goes home" s-login 1
	tui_keys c
	page_expect "10: the ambassadors are on track" s-crit-amb
	page_expect "10: two stories of five" s-crit-stories
	tui_keys r n Tab
	tui_type 28.05.2019
	tui_keys Tab
	tui_type "Nadia er ny ambassadør"
	tui_keys Tab Tab
	tui_type 120
	tui_keys F2
	page_expect "10: F2 saves the story" s-crit-saved
	tui_keys Escape
	page_expect "10: three stories of five" s-crit-after
	tui_keys s
	page_expect "10: the visits marked as possible stories" s-crit-marked
	esc_home "10: Esc goes home" s-login 2
	tui_keys x
	page_expect "10: x logs out" s-login-screen
	page_all_checked s-
}
