/*
 * test_syscalls: the system call mechanism itself.
 *   - unknown numbers give -ENOSYS, negative ones too (the entry code
 *     compares unsigned), through the raw __syscall() and through syscall();
 *   - reserved rows of the table (numbers Linux i386 never implemented)
 *     give -ENOSYS as well;
 *   - int $0x80 leaves every register but eax as it was;
 *   - getpid and getppid (pid 1's parent is 0).
 * NR_syscalls (451) is unknown on both: yomi's table ends at
 * set_mempolicy_home_node (450) like Linux 6.1's.
 */
#include <sys/syscall.h>
#include <unistd.h>
#include "tap.h"

static void unknown_numbers(void)
{
	static const struct {
		long nr;
		const char *what;
	} unknown[] = {
		{ 999, "999" },
		{ 0x7fffffff, "0x7fffffff" },
		{ -1, "-1" },
		{ (long)0x80000000, "0x80000000 (negative)" },
		{ 17, "17 (break: reserved, never implemented)" },
		{ 137, "137 (afs_syscall: reserved)" },
		{ 222, "222 (unused slot)" },
	};
	unsigned int i;
	long r;

	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		r = __syscall(unknown[i].nr, 1, 2, 3, 4, 5, 6);
		expect_eq(r, -ENOSYS, "raw syscall %s returns -ENOSYS", unknown[i].what);
		errno = 0;
		r = syscall(unknown[i].nr, 1, 2, 3);
		expect_errno(r, ENOSYS, "syscall(%s) fails with ENOSYS", unknown[i].what);
	}
	r = __syscall(NR_syscalls, 0, 0, 0, 0, 0, 0);
	expect_eq(r, -ENOSYS, "raw syscall NR_syscalls (%d) returns -ENOSYS", NR_syscalls);
}

/*
 * registers_preserved: a system call returns its result in eax and must
 * give back every other register unchanged. This executes int $0x80
 * directly (not through __syscall) because int $0x80 itself is what is
 * tested, whatever the C library uses to enter the kernel.
 */
static void registers_preserved(void)
{
	static const unsigned long want[6] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555, 0x66666666,
	};
	unsigned long got[6];
	const unsigned long *in = want;
	unsigned long *out = got;
	long ret = __NR_getpid;
	int i, same = 1;

	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"pushl %%edi\n\t"		/* &got */
		"movl (%%esi), %%ebx\n\t"
		"movl 4(%%esi), %%ecx\n\t"
		"movl 8(%%esi), %%edx\n\t"
		"movl 20(%%esi), %%ebp\n\t"
		"movl 16(%%esi), %%edi\n\t"
		"movl 12(%%esi), %%esi\n\t"
		"int $0x80\n\t"
		"xchgl (%%esp), %%eax\n\t"	/* eax = &got, result on the stack */
		"movl %%ebx, (%%eax)\n\t"
		"movl %%ecx, 4(%%eax)\n\t"
		"movl %%edx, 8(%%eax)\n\t"
		"movl %%esi, 12(%%eax)\n\t"
		"movl %%edi, 16(%%eax)\n\t"
		"movl %%ebp, 20(%%eax)\n\t"
		"popl %%eax\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: "+a"(ret), "+S"(in), "+D"(out)
		:
		: "ecx", "edx", "memory", "cc");
	for (i = 0; i < 6; i++)
		if (got[i] != want[i]) {
			printf("#   register %d: %#lx, expected %#lx\n", i, got[i], want[i]);
			same = 0;
		}
	ok(same, "int $0x80 preserves ebx ecx edx esi edi ebp");
	expect_eq(ret, getpid(), "int $0x80 returns the result in eax");
}

int main(void)
{
	pid_t pid, ppid;

	unknown_numbers();
	registers_preserved();

	pid = getpid();
	ok(pid > 0, "getpid returns a positive pid (%d)", pid);
	expect_eq(getpid(), pid, "getpid returns the same pid again");
	expect_eq(__syscall(__NR_getpid, 0, 0, 0, 0, 0, 0), pid, "raw getpid agrees");
	ppid = getppid();
	ok(ppid >= 0, "getppid returns a pid (%d)", ppid);
	/* on yomi the test is init; on Linux a shell's child */
	ok(pid == 1 ? ppid == 0 : ppid != pid,
	   "the parent is 0 for init, another process otherwise (pid %d, parent %d)", pid, ppid);
	printf("# still running after all of the above\n");
	return tap_done();
}
