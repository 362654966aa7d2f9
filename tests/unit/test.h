/*
 * test.h — the unit tests' few macros.  Each test is a function; main()
 * runs them with RUN(fn).  Every test prints one line, "ok   SUITE: name"
 * or "FAIL SUITE: name: file:line: what failed"; tests/run counts them.
 */
#ifndef VELKOMST_TEST_H
#define VELKOMST_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char	test_msg[1024];		/* the first failure of the test */
static int	test_failures;

#define TEST_FAIL(...) do {						\
	if (test_msg[0] == '\0') {					\
		int n_ = snprintf(test_msg, sizeof test_msg,		\
		    "%s:%d: ", __FILE__, __LINE__);			\
		if (n_ > 0 && (size_t)n_ < sizeof test_msg)		\
			snprintf(test_msg + n_, sizeof test_msg - n_,	\
			    __VA_ARGS__);				\
	}								\
} while (0)

#define CHECK(cond) do {						\
	if (!(cond))							\
		TEST_FAIL("%s", #cond);					\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if ((g_ == NULL) != (w_ == NULL) ||				\
	    (g_ != NULL && strcmp(g_, w_) != 0))			\
		TEST_FAIL("%s is \"%s\", want \"%s\"", #got,		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

#define CHECK_INT(got, want) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (g_ != w_)							\
		TEST_FAIL("%s is %lld, want %lld", #got, g_, w_);	\
} while (0)

/* Run one test function and print its line. */
#define RUN(suite, fn) do {						\
	test_msg[0] = '\0';						\
	fn();								\
	if (test_msg[0] == '\0')					\
		printf("ok   %s: %s\n", (suite), #fn);			\
	else {								\
		printf("FAIL %s: %s: %s\n", (suite), #fn, test_msg);	\
		test_failures++;					\
	}								\
	fflush(stdout);							\
} while (0)

#define TEST_END()	return test_failures != 0 ? 1 : 0

#endif
