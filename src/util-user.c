/* util-user.c — who is running velkomst. */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "util.h"

/* The Unix login running velkomst ("unknown" if it has none). */
const char *
util_login(void)
{
	static char	 name[64];
	struct passwd	*pw;

	if (name[0] == '\0') {
		pw = getpwuid(getuid());
		snprintf(name, sizeof name, "%s",
		    pw != NULL ? pw->pw_name : "unknown");
	}
	return name;
}
