/*
 * host.c: linked into every host unit test. It gives the kernel sources
 * under test what the rest of the kernel would (printk, panic, strlcpy,
 * PAGE_OFFSET as a variable), built on the host's C library, and keeps
 * the counters of check.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "check.h"

int checks_run, checks_failed;
jmp_buf *panic_jmp;
char panic_msg[256];

/* PAGE_OFFSET under YOMI_HOST_TEST: a test sets it so that __va() lands in its buffer */
unsigned long __page_offset;

void check_fail(const char *file, int line, const char *what, const char *fmt, ...)
{
	va_list ap;

	checks_failed++;
	printf("%s:%d: FAILED: %s", file, line, what);
	if (fmt[1]) {		/* CHECK() puts a space before the message */
		printf(":");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	printf("\n");
	fflush(stdout);
}

int check_done(void)
{
	printf("%d checks, %d failed\n", checks_run, checks_failed);
	return checks_failed ? 1 : 0;
}

/* printk: the level prefix ("\001" + digit) is dropped; the text goes to stdout */
int vprintk(const char *fmt, va_list args)
{
	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	return vprintf(fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vprintk(fmt, ap);
	va_end(ap);
	return r;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	va_end(ap);
	if (panic_jmp)
		longjmp(*panic_jmp, 1);
	printf("Kernel panic - not syncing: %s\n", panic_msg);
	fflush(stdout);
	abort();
}

/* glibc before 2.38 has no strlcpy; the kernel's (lib/string.c) cannot be linked here */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
