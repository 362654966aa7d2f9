# english.awk — from a catalogue (msgcat --no-wrap FILE.po), the pieces of
# English that must not show on a screen in that language: each message
# whose translation differs, cut at printf conversions and line breaks;
# pieces of at least 5 characters with a letter that no translation holds
# too (names, "velkomst"), one per line.  With -v reverse=1 the other way
# round: the pieces of the translations that no English message holds.
function unq(s) {
	sub(/^[a-z_\[\]0-9]+ "/, "", s)
	sub(/"$/, "", s)
	return s
}
function flush(   n, i, p, parts, t) {
	if (reverse) {
		t = id; id = str; str = t
	}
	da = da "\n" str
	if (id != "" && str != "" && id != str) {
		gsub(/\\"/, "\"", id)
		gsub(/%[-+ #0-9.*$]*l?[a-z]/, "\n", id)
		gsub(/\\n|\\t/, "\n", id)
		n = split(id, parts, "\n")
		for (i = 1; i <= n; i++) {
			p = parts[i]
			sub(/^[ :,.;(\[]+/, "", p)
			sub(/[ :,.;)\]]+$/, "", p)
			if (length(p) >= 5 && p ~ /[A-Za-z][a-z]/)
				frag[p] = 1
		}
	}
	id = ""; str = ""; where = ""
}
/^msgctxt / { flush(); next }
/^msgid / { flush(); id = unq($0); where = "id"; next }
/^msgid_plural / { plural = unq($0); where = "pl"; next }
/^msgstr(\[0\])? / { str = unq($0); where = "str"; next }
/^msgstr\[1\] / { if (plural != "" && plural != unq($0)) {
	save = id; id = plural; s1 = str; str = unq($0); flush()
	id = save; str = s1 }
	plural = ""; next }
/^$/ { flush() }
END {
	flush()
	for (p in frag)
		if (index(da, p) == 0)
			print p
}
