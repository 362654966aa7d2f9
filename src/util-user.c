/* util-user.c — who is running velkomst, and who ran it through sudo. */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The uid in the decimal text s into *uid; 0, or -1 if it is not one. */
static int
user_uid(const char *s, uid_t *uid)
{
	char		*end;
	unsigned long	 n;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || n != (unsigned long)(uid_t)n)
		return -1;
	*uid = (uid_t)n;
	return 0;
}

/*
 * 1 if the status of process pid (/proc/PID/status, which any process
 * may read) says it is sudo running as root: its name is "sudo" and its
 * effective uid is 0.
 */
static int
user_pid_is_sudo(pid_t pid)
{
	char	 path[64], line[256];
	FILE	*f;
	int	 name = 0, root = 0;
	unsigned long r, e;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "re")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strcmp(line, "Name:\tsudo\n") == 0)
			name = 1;
		else if (sscanf(line, "Uid: %lu %lu", &r, &e) == 2)
			root = e == 0;
	}
	fclose(f);
	return name && root;
}

/*
 * 1 if the program of process pid is a file called "sudo" that belongs
 * to root and is set-user-ID, or if we may not look (only root, or the
 * same account, may read another process's /proc/PID/exe; the status
 * already said it runs as root).
 */
static int
user_pid_exe_ok(pid_t pid)
{
	char		 path[64], exe[PATH_MAX];
	const char	*base;
	struct stat	 sb;
	ssize_t		 n;

	snprintf(path, sizeof path, "/proc/%ld/exe", (long)pid);
	if ((n = readlink(path, exe, sizeof exe - 1)) == -1)
		return errno == EACCES || errno == EPERM;
	exe[n] = '\0';
	base = strrchr(exe, '/') != NULL ? strrchr(exe, '/') + 1 : exe;
	return strcmp(base, "sudo") == 0 && stat(exe, &sb) == 0 &&
	    sb.st_uid == 0 && (sb.st_mode & S_ISUID) != 0;
}

/*
 * Who ran velkomst through sudo.  SUDO_USER alone proves nothing: anyone
 * can set it.  It is believed only when all of these hold:
 * - SUDO_USER and SUDO_UID are both set, and SUDO_UID is the uid of the
 *   account SUDO_USER (sudo sets both; a hand-made pair rarely agrees);
 * - the parent process is sudo running as root: its status says so (its
 *   name is "sudo", its effective uid 0), and, where we may read it, its
 *   program is a set-user-ID file of root called sudo.  Only root can
 *   make a process run as root, so an ordinary account cannot pretend.
 * The real uid cannot tell this alone: sudo leaves no mark on it.  A
 * command started from a shell that sudo started (sudo -i, sudo -s) has
 * the shell as its parent, and names only the account.  What stays
 * possible is for someone whom sudo lets run commands as the account to
 * set SUDO_USER themselves (sudo -u ACCOUNT env SUDO_USER=...); sudo's own
 * log records that command line.
 */
const char *
util_sudo_user(void)
{
	static char	 name[64];
	static int	 known;		/* asked once: the answer stays */
	const char	*user = getenv("SUDO_USER");
	struct passwd	*pw;
	uid_t		 uid;
	pid_t		 parent = getppid();

	if (known)
		return name[0] != '\0' ? name : NULL;
	known = 1;
	if (user == NULL || user[0] == '\0' || strlen(user) >= sizeof name ||
	    user_uid(getenv("SUDO_UID"), &uid) == -1 ||
	    (pw = getpwnam(user)) == NULL || pw->pw_uid != uid)
		return NULL;
	if (parent <= 1 || !user_pid_is_sudo(parent) ||
	    !user_pid_exe_ok(parent) || getppid() != parent)
		return NULL;	/* the last: the parent did not change meanwhile */
	snprintf(name, sizeof name, "%s", user);
	return name;
}
