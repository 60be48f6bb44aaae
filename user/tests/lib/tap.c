/* tap.c: result reporting and bad pointers for the test programs (see
 * tap.h). */
#include <stdarg.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "tap.h"

/* the counts live in a shared page, so that a case reported by a forked
 * child counts as the parent's own (each line is flushed at once, so the
 * two never print the same buffered text) */
static struct counts {
	int count, failed, skipped;
} *tap;

static struct counts *counts(void)
{
	static struct counts fallback;

	if (!tap) {
		tap = mmap(NULL, sizeof(*tap), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			   -1, 0);
		if (tap == MAP_FAILED)
			tap = &fallback;
		tap->count = 0;		/* the page exists from here on */
	}
	return tap;
}

void tap_init(void)
{
	counts();
}

pid_t tap_fork(void)
{
	counts();	/* the shared page must exist before the fork */
	return fork();
}

static int report(int cond, const char *directive, const char *fmt, va_list ap)
{
	struct counts *c = counts();

	c->count++;
	printf("%sok %d - ", cond ? "" : "not ", c->count);
	vprintf(fmt, ap);
	printf("%s\n", directive);
	fflush(stdout);
	if (!cond)
		c->failed++;
	return cond;
}

int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(cond, "", fmt, ap);
	va_end(ap);
	return cond;
}

int expect_errno(long ret, int err, const char *fmt, ...)
{
	int saved = errno, cond = ret == -1 && saved == err;
	va_list ap;

	va_start(ap, fmt);
	report(cond, "", fmt, ap);
	va_end(ap);
	if (!cond) {
		if (ret == -1)
			printf("#   expected -1 with errno %d (%s), got errno %d (%s)\n",
			       err, strerror(err), saved, strerror(saved));
		else
			printf("#   expected -1 with errno %d (%s), got %ld (%#lx)\n",
			       err, strerror(err), ret, ret);
	}
	return cond;
}

int expect_eq(long got, long want, const char *fmt, ...)
{
	int cond = got == want;
	va_list ap;

	va_start(ap, fmt);
	report(cond, "", fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   expected %ld (%#lx), got %ld (%#lx)\n", want, want, got, got);
	return cond;
}

void skip(const char *why, const char *fmt, ...)
{
	char directive[160];
	va_list ap;

	snprintf(directive, sizeof(directive), " # SKIP %s", why);
	va_start(ap, fmt);
	report(1, directive, fmt, ap);
	va_end(ap);
	counts()->skipped++;
}

int ok_unless(const char *why, int cond, const char *fmt, ...)
{
	char directive[160] = "";
	va_list ap;

	if (why) {
		snprintf(directive, sizeof(directive), " # SKIP %s", why);
		cond = 1;
		counts()->skipped++;
	}
	va_start(ap, fmt);
	report(cond, directive, fmt, ap);
	va_end(ap);
	return cond;
}

int __tap_done(const char *name)
{
	struct counts *c = counts();

	printf("1..%d\n", c->count);
	printf("# %s: %d passed, %d failed", name, c->count - c->failed - c->skipped, c->failed);
	if (c->skipped)
		printf(" (%d skipped)", c->skipped);
	printf("\n");
	return c->failed;
}

int on_yomi(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "yomi");
}

unsigned long heap_end(void)
{
	static int grown;
	uintptr_t end;

	if (!grown++ && sbrk(PAGE_SIZE) == (void *)-1) {
		perror("# sbrk");
		_exit(99);
	}
	end = ((uintptr_t)sbrk(0) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	(void)((volatile char *)end)[-1];	/* the last page is really there */
	return end;
}

int bad_pointers(struct bad_ptr *bp, size_t size)
{
	const unsigned long task_size = 0xc0000000UL;
	struct bad_ptr all[] = {
		{ "NULL", NULL, size, 0 },
		{ "kernel address 0xc0000000", (void *)0xc0000000UL, size, 1 },
		{ "kernel address 0xc0100000", (void *)0xc0100000UL, size, 1 },
		{ "top page 0xfffff000", (void *)0xfffff000UL, 0x2000, 1 },
		{ "a range ending above TASK_SIZE", (void *)(task_size - size / 2), size, 1 },
		{ "unmapped address 0x10000000", (void *)0x10000000UL, size, 0 },
		{ "a range past the end of the heap", (void *)(heap_end() - size / 2), size, 0 },
	};
	size_t i;

	if (heap_end() >= 0x10000000UL) {
		printf("# the heap reaches 0x10000000: the unmapped case would not be\n");
		_exit(99);
	}
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		bp[i] = all[i];
	return i;
}
