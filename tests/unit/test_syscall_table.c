/*
 * sys_call_table (arch/x86/entry/syscall_32.c) as generated from
 * arch/x86/entry/syscall_32.tbl: every slot below NR_syscalls is filled,
 * the slots with an entry point in the table hold that entry, and every
 * other slot holds sys_ni_syscall, which returns -ENOSYS. The entry points
 * are replaced here by stubs that return their own number, made from the
 * same generated header, so the check needs no other kernel code.
 */
// sources: arch/x86/entry/syscall_32.c kernel/sys_ni.c
#include <stdio.h>
#include <string.h>
#include <linux/errno.h>
#include <asm/syscall.h>
#include <asm/unistd_32.h>
#include "check.h"

/* one stub per implemented entry point: returns its table number */
#define __SYSCALL_I386(nr, sym)                                               \
	long sym(unsigned long a, unsigned long b, unsigned long c,           \
		 unsigned long d, unsigned long e, unsigned long f);          \
	long sym(unsigned long a, unsigned long b, unsigned long c,           \
		 unsigned long d, unsigned long e, unsigned long f)           \
	{                                                                     \
		(void)a; (void)b; (void)c; (void)d; (void)e; (void)f;          \
		return nr;                                                    \
	}
#include <asm/syscalls_32.h>
#undef __SYSCALL_I386

long sys_ni_syscall(void);

/* which numbers have an entry point, from the generated header again */
static char implemented[NR_syscalls];
#define __SYSCALL_I386(nr, sym) [nr] = 1,
static const char implemented_init[NR_syscalls] = {
#include <asm/syscalls_32.h>
};
#undef __SYSCALL_I386

int main(void)
{
	int nr, filled = 0, ni = 0;

	memcpy(implemented, implemented_init, sizeof(implemented));
	CHECK_EQ(NR_syscalls, __NR_syscall_max + 1);
	CHECK_EQ(__NR_syscall_max, 450);	/* Linux 6.1's i386 table ends here */
	CHECK_EQ(__NR_execveat, 358);		/* where Linux 4.2's ended */
	CHECK_EQ(__NR_statx, 383);
	CHECK_EQ(__NR_clock_gettime64, 403);
	CHECK_EQ(__NR_getpid, 20);
	CHECK_EQ(__NR_mmap2, 192);
	CHECK_EQ(__NR_exit_group, 252);
	for (nr = 0; nr < NR_syscalls; nr++) {
		sys_call_ptr_t fn = sys_call_table[nr];

		CHECK(fn != NULL, "slot %d is empty", nr);
		if (!fn)
			continue;
		filled++;
		if (implemented[nr]) {
			CHECK(fn(0, 0, 0, 0, 0, 0) == nr, "slot %d calls another entry", nr);
		} else {
			CHECK((void *)fn == (void *)sys_ni_syscall, "slot %d is not sys_ni_syscall", nr);
			ni++;
		}
	}
	CHECK_EQ(filled, NR_syscalls);
	CHECK(ni > 0 && ni < NR_syscalls, "%d of %d slots unimplemented", ni, NR_syscalls);
	CHECK_EQ(sys_ni_syscall(), -ENOSYS);
	CHECK(implemented[__NR_getpid] && implemented[__NR_write] && implemented[__NR_exit],
	      "getpid, write and exit are in the table");
	return check_done();
}
