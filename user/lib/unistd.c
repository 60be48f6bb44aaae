/*
 * unistd.c: the calls whose libc interface differs from the system call:
 * brk, sbrk and _exit.
 *
 * The brk system call (45) never returns an error code: it returns the new
 * break, or the old one when it refuses, and brk(0) just reports the
 * current break. brk() and sbrk() turn that into 0/-1 and ENOMEM as glibc.
 * _exit uses exit_group (252) as glibc does, so a future multi-threaded
 * process ends entirely.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

static uintptr_t curbrk;	/* the break as last reported by the kernel */

static uintptr_t sys_brk(uintptr_t addr)
{
	curbrk = (uintptr_t)__syscall(__NR_brk, (long)addr, 0, 0, 0, 0, 0);
	return curbrk;
}

int brk(void *addr)
{
	if (sys_brk((uintptr_t)addr) != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* sbrk: move the break by increment bytes; returns the old break. */
void *sbrk(long increment)
{
	uintptr_t old;

	if (!curbrk)
		sys_brk(0);
	old = curbrk;
	if (increment == 0)
		return (void *)old;
	if ((increment > 0 && old + increment < old) ||
	    (increment < 0 && old < (uintptr_t)-increment) ||
	    sys_brk(old + increment) != old + increment) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)old;
}

__attribute__((noreturn)) void _exit(int status)
{
	for (;;)
		__syscall(__NR_exit_group, status, 0, 0, 0, 0, 0);
}
