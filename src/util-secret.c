/*
 * util-secret.c — read a PIN or password without echoing it: from the
 * terminal (/dev/tty, echo off, and back on whichever way the reading
 * ends) or as one line of standard input (--password-stdin).  Bytes are
 * read one at a time with read(2), so no stdio buffer keeps a copy.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

/* Why the last util_read_secret failed (N_()), or NULL. */
static const char	*secret_why;
/* 1 if the last util_read_secret found the end of input at once. */
static int		 secret_end;

/* The signal that came while echo was off, or 0. */
static volatile sig_atomic_t	 secret_signo;

/* The signals that must not leave the terminal without echo. */
static const int secret_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
    SIGTSTP };
#define SECRET_NSIGNALS	(sizeof secret_signals / sizeof secret_signals[0])

/* Note the signal; the read then returns with EINTR and cleans up. */
static void
secret_catch(int signo)
{
	secret_signo = signo;
}

/* Set why reading failed; returns -1. */
static int
secret_fail(const char *why, int end)
{
	secret_why = why;
	secret_end = end;
	return -1;
}

/*
 * Read one line from fd into buf (size bytes with the NUL), without the
 * newline (and a carriage return before it).  0, or -1 with the reason
 * set: end of input, a line too long (the rest of it is read and
 * dropped) or a signal.  buf is wiped on failure.
 */
static int
secret_line(int fd, char *buf, size_t size)
{
	size_t	 len = 0;
	ssize_t	 r = -1;
	char	 c;
	int	 toolong = 0, nul = 0, any = 0;

	/* A signal that came before the read began ends it too. */
	while (secret_signo == 0) {
		r = read(fd, &c, 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r != 1)
			break;
		any = 1;
		if (c == '\n')
			break;
		if (c == '\0')		/* would cut the secret short */
			nul = 1;
		if (len + 1 < size)
			buf[len++] = c;
		else
			toolong = 1;
	}
	c = 0;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	if (secret_signo == 0 && (r == 1 || (r == 0 && any)) && !toolong &&
	    !nul)
		return 0;
	explicit_bzero(buf, size);
	if (secret_signo != 0)
		return secret_fail(N_("The reading was stopped; nothing was "
		    "changed."), 0);
	if (toolong)
		return secret_fail(N_("That PIN or password is too long; "
		    "choose a shorter one."), 0);
	if (nul)
		return secret_fail(N_("A PIN or password cannot hold a NUL "
		    "byte; give it as plain text."), 0);
	if (r == 0)
		return secret_fail(N_("The input ended before a line was "
		    "read. Give the PIN or password on a line of its own."),
		    !any);
	return secret_fail(N_("The reading was stopped; nothing was "
	    "changed."), 0);
}

/* Catch the signals in secret_signals, saving the old actions. */
static void
secret_trap(struct sigaction *old)
{
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = secret_catch;	/* no SA_RESTART: read() returns */
	sigemptyset(&sa.sa_mask);
	secret_signo = 0;
	for (i = 0; i < SECRET_NSIGNALS; i++)
		sigaction(secret_signals[i], &sa, &old[i]);
}

/* Put the old actions back; then deliver a signal that came. */
static void
secret_untrap(const struct sigaction *old)
{
	size_t	 i;
	int	 signo = secret_signo;

	for (i = 0; i < SECRET_NSIGNALS; i++)
		sigaction(secret_signals[i], &old[i], NULL);
	secret_signo = 0;
	if (signo != 0)
		kill(getpid(), signo);
}

/* Write s to the terminal fd (a prompt: a short write is let go). */
static void
secret_put(int fd, const char *s)
{
	ssize_t	 r;
	size_t	 len = strlen(s);

	while (len > 0) {
		r = write(fd, s, len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return;
		s += r;
		len -= (size_t)r;
	}
}

/*
 * Ask on the terminal with echo off: on fd, or on /dev/tty when fd is
 * -1.  With flush, what was typed before the prompt is dropped.
 */
static int
secret_tty(int fd, int flush, const char *prompt, char *buf, size_t size)
{
	struct sigaction	 old[SECRET_NSIGNALS];
	struct termios		 was, quiet;
	int			 own = fd == -1, when, rc;

	if (own)
		fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd == -1 || tcgetattr(fd, &was) == -1) {
		if (own && fd != -1)
			close(fd);
		return secret_fail(N_("There is no terminal to ask on; give "
		    "it on standard input with --password-stdin."), 0);
	}
	when = flush ? TCSAFLUSH : TCSANOW;
	secret_trap(old);
	quiet = was;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
	tcsetattr(fd, when, &quiet);
	secret_put(fd, prompt);
	rc = secret_line(fd, buf, size);
	secret_put(fd, "\n");	/* the Enter that was not echoed */
	tcsetattr(fd, when, &was);
	if (own)
		close(fd);
	secret_untrap(old);
	return rc;
}

/*
 * Read a secret from the terminal, or a line of stdin; never echoed.  A
 * terminal on standard input (--password-stdin typed by hand) gets its
 * echo turned off too.
 */
int
util_read_secret(const char *prompt, int from_stdin, char *buf, size_t size)
{
	secret_why = NULL;
	secret_end = 0;
	if (size < 2)
		return secret_fail(N_("That PIN or password is too long; "
		    "choose a shorter one."), 0);
	if (from_stdin && isatty(STDIN_FILENO))
		return secret_tty(STDIN_FILENO, 0, prompt, buf, size);
	if (from_stdin)
		return secret_line(STDIN_FILENO, buf, size);
	return secret_tty(-1, 1, prompt, buf, size);
}

/* Why the last util_read_secret failed (N_()), or NULL. */
const char *
util_secret_why(void)
{
	return secret_why;
}

/* 1 if the last util_read_secret met the end of input before any byte. */
int
util_secret_at_end(void)
{
	return secret_end;
}
