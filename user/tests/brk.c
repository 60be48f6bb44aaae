/*
 * test_brk: the brk system call (raw: it returns the new break, or the old
 * one when it refuses) and the libc's brk()/sbrk() over it.
 *   - brk(0) reports the break, which lies after the program's bss;
 *   - growing by three pages returns the new break; the new memory is
 *     zeroed and usable;
 *   - shrinking returns the lower break, and growing again gives zeroed
 *     pages again (the shrink really released them);
 *   - refused requests leave the break where it was: below the program
 *     (0x1000), into the top page (0xfffff000), and into the kernel's half
 *     (0xc0000000, TASK_SIZE on yomi as on Linux i386).
 * The test does not use malloc, so nothing else moves the break meanwhile.
 */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tap.h"

extern char _end[];	/* the end of the bss, from the linker */

static uintptr_t sys_brk(uintptr_t addr)
{
	return (uintptr_t)__syscall(__NR_brk, (long)addr, 0, 0, 0, 0, 0);
}

/* all_zero: whether every byte of [from, to) is zero */
static int all_zero(uintptr_t from, uintptr_t to)
{
	const volatile char *p;

	for (p = (const char *)from; p < (const char *)to; p++)
		if (*p)
			return 0;
	return 1;
}

static uintptr_t page_up(uintptr_t a)
{
	return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static void raw_tests(void)
{
	uintptr_t start, top, mid, p;
	int usable = 1;

	start = sys_brk(0);
	ok(start >= (uintptr_t)_end, "brk(0) gives a break at or after the bss end (%#lx >= %#lx)",
	   (unsigned long)start, (unsigned long)_end);
	expect_eq(sys_brk(0), start, "brk(0) again gives the same break");

	top = start + 3 * PAGE_SIZE;
	expect_eq(sys_brk(top), top, "growing by three pages returns the new break");
	expect_eq(sys_brk(0), top, "brk(0) reports it");
	ok(all_zero(start, top), "the new memory reads as zero");
	for (p = start; p < top; p += 64)
		*(volatile uint32_t *)p = p;
	for (p = start; p < top; p += 64)
		if (*(volatile uint32_t *)p != p)
			usable = 0;
	ok(usable, "and keeps what is written to it");

	mid = start + PAGE_SIZE;
	expect_eq(sys_brk(mid), mid, "shrinking by two pages returns the lower break");
	expect_eq(sys_brk(top), top, "growing again returns the higher break");
	ok(all_zero(page_up(mid), top), "the pages given back and taken again read as zero");

	expect_eq(sys_brk(0x1000), top, "brk(0x1000), below the program, is refused");
	expect_eq(sys_brk(0xfffff000), top, "brk(0xfffff000) is refused");
	expect_eq(sys_brk(0xc0000000), top, "brk(0xc0000000), the kernel's half, is refused");
	expect_eq(sys_brk(top), top, "brk to the current break returns it");
	expect_eq(sys_brk(start), start, "back to the start");
}

static void libc_tests(void)
{
	char *old, *p;

	old = sbrk(0);
	expect_eq((long)old, (long)sys_brk(0), "sbrk(0) gives the break");
	p = sbrk(100);
	expect_eq((long)p, (long)old, "sbrk(100) returns the old break");
	expect_eq((long)sbrk(0), (long)old + 100, "and moved it by 100");
	p[99] = 1;
	expect_eq((long)sbrk(-100), (long)old + 100, "sbrk(-100) returns the previous break");
	expect_eq((long)sbrk(0), (long)old, "and moved it back");
	expect_eq(brk(old + PAGE_SIZE), 0, "brk() to one page more returns 0");
	expect_eq((long)sbrk(0), (long)old + PAGE_SIZE, "sbrk(0) sees it");
	errno = 0;
	expect_errno(brk((void *)0xfffff000), ENOMEM, "brk((void *)0xfffff000) gives ENOMEM");
	expect_eq(brk(old), 0, "brk() back returns 0");
}

int main(void)
{
	raw_tests();
	libc_tests();
	printf("# still running after all of the above\n");
	return tap_done();
}
