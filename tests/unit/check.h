/*
 * check.h: the one check helper of the host unit tests (tests/unit/).
 *
 *	CHECK(cond);                          counts a check; reports it if false
 *	CHECK(cond, "fmt", args...);          the same with an explanation
 *	CHECK_EQ(a, b);  CHECK_STR(a, b);     equality, printing both sides
 *	if (PANICS(stmt)) ...                 stmt called panic() (caught, not fatal)
 *	return check_done();                  prints "N checks, M failed"; exit code
 *
 * tests/run.py reads the last line to count the checks. The counters and
 * the kernel functions a test needs from the rest of the kernel (printk,
 * panic, ...) are in host.c, linked into every unit test.
 */
#ifndef YOMI_TESTS_CHECK_H
#define YOMI_TESTS_CHECK_H

#include <setjmp.h>

extern int checks_run, checks_failed;

__attribute__((format(printf, 4, 5)))
void check_fail(const char *file, int line, const char *what, const char *fmt, ...);
int check_done(void);

#define CHECK(cond, ...)                                                     \
	do {                                                                 \
		checks_run++;                                                \
		if (!(cond))                                                 \
			check_fail(__FILE__, __LINE__, #cond, " " __VA_ARGS__); \
	} while (0)

#define CHECK_EQ(a, b)                                                       \
	do {                                                                 \
		long long a_ = (long long)(a), b_ = (long long)(b);          \
		CHECK(a_ == b_, "%s is %lld (%#llx), %s is %lld (%#llx)",    \
		      #a, a_, (unsigned long long)a_, #b, b_, (unsigned long long)b_); \
	} while (0)

#define CHECK_STR(a, b)                                                      \
	do {                                                                 \
		const char *a_ = (a), *b_ = (b);                             \
		CHECK(a_ && b_ && !__builtin_strcmp(a_, b_), "%s is \"%s\", %s is \"%s\"", \
		      #a, a_ ? a_ : "(null)", #b, b_ ? b_ : "(null)");      \
	} while (0)

/* panic() longjmps to *panic_jmp when it is set, instead of aborting. */
extern jmp_buf *panic_jmp;
extern char panic_msg[256];

/* PANICS(stmt): 1 if running stmt ended in panic(), else 0 */
#define PANICS(stmt)                                                         \
	({                                                                   \
		jmp_buf jb_;                                                 \
		volatile int panicked_ = 0;                                  \
		panic_jmp = &jb_;                                            \
		if (setjmp(jb_))                                             \
			panicked_ = 1;                                       \
		else {                                                       \
			stmt;                                                \
		}                                                            \
		panic_jmp = NULL;                                            \
		panicked_;                                                   \
	})

#endif
