# tests/tui/training/page.sh — the texts velkomst-training(7) promises.
# The page marks each text the screen will show with a comment
# ".\" screen: NAME" on the line before it (a .Dl or .Dq line of plain
# text, but for \& before a word mdoc would take for a macro; the
# punctuation after a .Dq, " ." or " ,", is not part of it);
# the course's tests read the texts from the page, so a change in the
# demo or the screens that the page does not follow fails the test.
# PAGE is the page to read (man/velkomst-training.7 unless set).
PAGE=${PAGE:-$top/man/velkomst-training.7}

# The text marked NAME in PAGE; 1 (and a message) when there is none.
page_text() {
	local t
	t=$(awk -v name="$1" '
		want {
			if (sub(/^\.Dq /, ""))
				sub(/( [.,:;?!])+$/, "")
			else
				sub(/^\.Dl /, "")
			gsub(/\\&/, "")
			print; exit
		}
		$0 == ".\\\" screen: " name { want = 1 }' "$PAGE")
	case $t in
	"" | *\\* | .*)
		echo "page_text: no plain text marked \"$1\" in $PAGE" >&2
		return 1 ;;
	esac
	printf '%s\n' "$t"
}

# The text as an extended regular expression in which a space stands
# for one or more (the page writes one where a screen lines up columns).
page_regex() {
	printf '%s\n' "$1" | sed -e 's/[][\.*^$+?(){}|]/\\&/g' -e 's/  */ +/g'
}

# page_expect CHECK NAME: a check that the screen shows the text the
# page marks NAME.
page_expect() {
	local t
	if ! t=$(page_text "$2"); then
		fail "$1" "the page marks no text \"$2\""
		return
	fi
	PAGE_CHECKED="$PAGE_CHECKED$2 "
	if tui_wait_line "$(page_regex "$t")" "${3:-200}"; then
		ok "$1"
	else
		fail "$1" "no \"$t\" on the screen"
	fi
}

# page_marks: every NAME marked in PAGE, one a line.
page_marks() {
	sed -n 's/^\.\\" screen: //p' "$PAGE"
}

# The names page_expect has checked, for page_all_checked.
PAGE_CHECKED=" "

# page_all_checked PREFIX: a check that every text the page marks with a
# name starting with PREFIX was checked (a new promise needs a test).
page_all_checked() {
	local n missing=
	for n in $(page_marks); do
		case $n in "$1"*) ;; *) continue ;; esac
		case $PAGE_CHECKED in *" $n "*) ;; *) missing="$missing $n" ;; esac
	done
	if [ -z "$missing" ]; then
		ok "every text the page promises (${1}*) was checked"
	else
		fail "every text the page promises (${1}*) was checked" "not checked:$missing"
	fi
}

# page_lint: a check that mandoc finds nothing to say about PAGE.
page_lint() {
	local out
	if ! command -v mandoc >/dev/null; then
		fail "mandoc -Tlint is clean" "no mandoc"
	elif out=$(mandoc -Tlint -Wwarning "$PAGE" 2>&1) && [ -z "$out" ]; then
		ok "mandoc -Tlint is clean"
	else
		fail "mandoc -Tlint is clean" "$out"
	fi
}
