/*
 * util-file.c — a whole small file read into memory (a move-in list).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Read the regular file path (at most max bytes) into a new buffer. */
int
util_read_file(const char *path, size_t max, char **buf, size_t *len)
{
	struct stat	 sb;
	size_t		 have = 0;
	ssize_t		 n;
	int		 fd, e;

	*buf = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) == -1)
		return errno;
	e = fstat(fd, &sb) == -1 ? errno : !S_ISREG(sb.st_mode) ? EISDIR :
	    (size_t)sb.st_size > max ? EFBIG : 0;
	if (e != 0) {
		close(fd);
		return e;
	}
	*buf = xmalloc((size_t)sb.st_size + 1);
	while (have < (size_t)sb.st_size &&
	    (n = read(fd, *buf + have, (size_t)sb.st_size - have)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			e = errno;
			close(fd);
			free(*buf);
			*buf = NULL;
			return e;
		}
		have += (size_t)n;
	}
	close(fd);
	(*buf)[have] = '\0';
	*len = have;
	return 0;
}

/* The folder of path, as a new string. */
char *
util_dirname(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}
