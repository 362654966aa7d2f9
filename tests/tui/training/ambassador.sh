# tests/tui/training/ambassador.sh — part 1 of velkomst-training(7), the
# new ambassador, as the page writes it: its keys in its order, and at
# each step the texts the page says the screen shows (read from PAGE).
# Sourced by tests/tui/training-ambassador*.sh after lib.sh and page.sh.

# Esc until the home screen shows the text marked NAME, at most N times;
# a check that it took exactly N (the page says how many).
esc_home() {	# CHECK NAME N
	local t i
	t=$(page_text "$2") || { fail "$1" "the page marks no text \"$2\""; return; }
	for ((i = 1; i <= $3; i++)); do
		tui_keys Escape
		if tui_wait "$t" 40; then
			if [ "$i" = "$3" ]; then ok "$1"; else fail "$1" "home after $i Esc, the page says $3"; fi
			return
		fi
	done
	fail "$1" "no home after $3 Esc"
}

course_ambassador() {
	make_demo
	LOGIN= tui_start

	# 1. Log in
	page_expect "1: the login screen" a-login-screen
	tui_type birgit
	tui_keys Enter
	tui_type 1234
	tui_keys Enter
	page_expect "1: logged in as birgit" a-login 400
	page_expect "1: her department's households" a-home-count

	# 2. Find a resident
	tui_keys 1
	page_expect "2: the register, newest first" a-list-count
	tui_keys /
	tui_type soren
	page_expect "2: soren finds 3 households" a-search-count
	tui_keys Enter Enter
	page_expect "2: Enter Enter opens the first" a-search-household
	page_expect "2: someone tried before" a-search-next
	esc_home "2: three Esc go home" a-login 3

	# 3. Register a move-in
	tui_keys 2
	page_expect "3: the household form" a-form
	tui_keys Down Enter
	page_expect "3: the stairwells to pick" a-pick-stairwell
	tui_keys Enter
	tui_wait_gone "$(page_text a-pick-stairwell)"
	tui_type "2. th."
	tui_keys Down Down
	tui_type "Amal Yusuf"
	tui_keys Down
	tui_type "Hassan Yusuf"
	tui_keys F2
	page_expect "3: saved" a-register-saved
	page_expect "3: the new household opens" a-register-household

	# 4. Open your queue
	esc_home "4: Esc goes home" a-login 1
	tui_keys 3
	page_expect "4: her stairwells, one household" a-queue-count
	page_expect "4: the new neighbours" a-queue-names

	# 5. Run the checklist at the door
	tui_keys v
	page_expect "5: the visit" a-visit-title
	tui_keys d d d d d n F2
	page_expect "5: welcomed" a-visit-saved
	page_expect "5: the queue is empty" a-visit-empty

	# 6. Nobody is home
	tui_keys d
	page_expect "6: which department" a-dept-pick
	tui_keys Enter
	page_expect "6: the whole department" a-dept-count
	tui_keys /
	tui_type kjaer
	page_expect "6: kjaer finds the Kjær family" a-kjaer
	tui_keys Enter v
	page_expect "6: the visit" a-visit-title
	tui_keys F3
	page_expect "6: a day to try again" a-nothome-day
	tui_keys F2
	page_expect "6: saved, with the day" a-nothome-saved

	# 7. Lock the screen
	tui_keys F9
	page_expect "7: F9 locks" a-lock
	expect_not "7: the locked screen hides the queue" "$(page_text a-unlock)"
	tui_type 1234
	tui_keys Enter
	page_expect "7: the PIN opens the queue again" a-unlock
	esc_home "7: Esc until home" a-login 2
	tui_keys x
	page_expect "7: x logs out" a-login-screen
	page_all_checked a-
}
