#!/usr/bin/env bash
# The audit trail names the person behind sudo only when the command
# really came through sudo: SUDO_USER (and SUDO_UID) set by hand are not
# believed.
. "$(dirname "$0")/lib.sh"

run --db "$DB" demo --households 5
check "the demo" 0 "Created a demo database"

# last_login: the login of the newest row of the trail.
last_login() {
	sqlite3 "$DB" "SELECT login FROM audit ORDER BY id DESC LIMIT 1"
}
me=$(id -un)
other=nobody
id "$other" >/dev/null 2>&1 || other=root
other_uid=$(id -u "$other")

SUDO_USER=$other run --db "$DB" user unlock birgit
check "unlock with SUDO_USER set by hand" 0 "unlocked"
[ "$(last_login)" = "$me" ] && ok "SUDO_USER by hand is not believed" || fail "SUDO_USER by hand is not believed" "$(last_login)"
SUDO_USER=$other SUDO_UID=$other_uid SUDO_GID=0 SUDO_COMMAND=/bin/true run --db "$DB" user unlock birgit
[ "$(last_login)" = "$me" ] && ok "all of sudo's variables by hand are not believed" || fail "all of sudo's variables by hand are not believed" "$(last_login)"

# A parent that is "sudo" running as root.  Only root can make one, so
# only root can run this part; bash -c 'CMD; :' forks CMD as its child.
if [ "$(id -u)" = 0 ] && [ "$other" != root ]; then
	mkdir -p "$TMP/bin"
	cp "$(command -v bash)" "$TMP/bin/sudo"
	chmod 4755 "$TMP/bin/sudo"
	viasudo() {
		"$TMP/bin/sudo" -c '"$0" "$@" >"$TMP/out" 2>"$TMP/err"; :' "$BIN" "$@"
	}
	export TMP
	SUDO_USER=$other SUDO_UID=$other_uid viasudo --db "$DB" user unlock birgit
	[ "$(last_login)" = "$me (sudo $other)" ] && ok "through sudo the trail names the person" || fail "through sudo the trail names the person" "$(last_login)"
	SUDO_USER=$other SUDO_UID=12345 viasudo --db "$DB" user unlock birgit
	[ "$(last_login)" = "$me" ] && ok "SUDO_UID must be SUDO_USER's" || fail "SUDO_UID must be SUDO_USER's" "$(last_login)"
	SUDO_USER=$other viasudo --db "$DB" user unlock birgit
	[ "$(last_login)" = "$me" ] && ok "sudo sets SUDO_UID too" || fail "sudo sets SUDO_UID too" "$(last_login)"
	chmod 0755 "$TMP/bin/sudo"
	SUDO_USER=$other SUDO_UID=$other_uid viasudo --db "$DB" user unlock birgit
	[ "$(last_login)" = "$me" ] && ok "a sudo that is not set-user-ID is not believed" || fail "a sudo that is not set-user-ID is not believed" "$(last_login)"
	cp "$(command -v bash)" "$TMP/bin/notsudo"
	chmod 4755 "$TMP/bin/notsudo"
	SUDO_USER=$other SUDO_UID=$other_uid "$TMP/bin/notsudo" -c '"$0" "$@" >/dev/null 2>&1; :' "$BIN" --db "$DB" user unlock birgit
	[ "$(last_login)" = "$me" ] && ok "a parent that is not sudo is not believed" || fail "a parent that is not sudo is not believed" "$(last_login)"
else
	ok "through sudo the trail names the person (skipped: not root)"
fi
