/*
 * test_hostile: things a user program may do to the CPU state that must
 * not hurt the kernel, on yomi as on Linux i386 (the reference). Each
 * case once crashed or could crash a kernel that trusts user flags:
 *   - TF set right before a raw sysenter: the single-step trap arrives in
 *     kernel mode, at entry_SYSENTER_32, and must be ignored there; the
 *     user's TF stays set, so back in user mode the caller is single-stepped
 *     and dies of SIGTRAP, as on Linux (so this runs in a child);
 *   - NT set before sysenter or int $0x80, then a return through iret
 *     (which, with NT, would try a task switch);
 *   - a bad user stack pointer in ebp for sysenter (the sixth argument is
 *     fetched from it): the call fails, and the process then dies on its
 *     own bad stack - in a child, whose SIGSEGV the parent checks.
 * The program surviving to print its summary is the test.
 */
#include <sys/auxv.h>
#include "sys.h"

#define X86_EFLAGS_TF "0x100"
#define X86_EFLAGS_NT "0x4000"

/* raw_sysenter: what __kernel_vsyscall does, with TF set just before */
static long raw_sysenter_tf(long nr)
{
	long r;

	__asm__ __volatile__("push %%ebp\n\t"
			     "push $1f\n\t"		/* where the vDSO's ret goes */
			     "push %%ecx\n\t"
			     "push %%edx\n\t"
			     "push %%ebp\n\t"
			     "mov %%esp, %%ebp\n\t"
			     "pushf\n\t"
			     "orl $" X86_EFLAGS_TF ", (%%esp)\n\t"
			     "popf\n\t"
			     "sysenter\n"
			     "1:\tpop %%ebp"
			     : "=a"(r) : "0"(nr) : "ecx", "edx", "memory");
	return r;
}

static long vsyscall_nt(unsigned long vsyscall, long nr, long a1)
{
	long r;

	__asm__ __volatile__("push %%ebx\n\t"
			     "mov %3, %%ebx\n\t"
			     "pushf\n\t"
			     "orl $" X86_EFLAGS_NT ", (%%esp)\n\t"
			     "popf\n\t"
			     "call *%1\n\t"
			     "pop %%ebx"
			     : "=a"(r) : "D"(vsyscall), "0"(nr), "m"(a1) : "ecx", "edx", "memory");
	return r;
}

static long int80_nt(long nr)
{
	long r;

	__asm__ __volatile__("pushf\n\t"
			     "orl $" X86_EFLAGS_NT ", (%%esp)\n\t"
			     "popf\n\t"
			     "int $0x80"
			     : "=a"(r) : "0"(nr) : "memory");
	return r;
}

/* sysenter with ebp pointing into the kernel: -EFAULT, not a kernel fault */
static long sysenter_bad_stack(long nr)
{
	long r;

	__asm__ __volatile__("push %%ebp\n\t"
			     "push $1f\n\t"
			     "push %%ecx\n\t"
			     "push %%edx\n\t"
			     "push %%ebp\n\t"
			     "mov $0xc0000000, %%ebp\n\t"
			     "sysenter\n"
			     "1:\tpop %%ebp"
			     : "=a"(r) : "0"(nr) : "ecx", "edx", "memory");
	return r;
}

/* tf_child: a raw sysenter with TF set; the single-step trap that follows
 * it in user mode kills the child before it returns */
static int tf_child(void *arg)
{
	(void)arg;
	raw_sysenter_tf(__NR_getpid);
	return 0;
}

int main(void)
{
	unsigned long vsyscall = getauxval(AT_SYSINFO);
	int pid = getpid();

	no_core_dumps();
	if (!vsyscall) {
		skip("no vDSO (vdso=0)", "hostile CPU state");
		return tap_done();
	}
	expect_killed(in_child(tf_child, NULL), SIGTRAP,
		      "TF then raw sysenter: the caller keeps its TF and dies of the single-step");
	expect_eq(vsyscall_nt(vsyscall, __NR_getpid, 0), pid, "NT then sysenter: getpid");
	expect_eq(vsyscall_nt(vsyscall, __NR_execve, 0), -EFAULT,
		  "NT then sysenter, execve(NULL) returning through iret: -EFAULT");
	expect_eq(int80_nt(__NR_getpid), pid, "NT then int $0x80: getpid");
	{
		long child = syscall(__NR_fork);
		int status = 0;

		if (child == 0)
			_exit(sysenter_bad_stack(__NR_getpid) == -EFAULT ? 0 : 1);
		syscall(__NR_wait4, child, &status, 0, NULL);
		expect_eq(status & 0x7f, 11,
			  "sysenter with a kernel address as the user stack: the caller dies (SIGSEGV)");
	}
	ok(1, "the kernel is still running");
	return tap_done();
}
