/*
 * test_sigframe_bad: bad signal frames end the process, never the
 * kernel. A frame that cannot be written (the stack pointer, or the
 * alternate stack, in unmapped memory) is SIGSEGV; sigreturn with the
 * stack pointer on nothing is SIGSEGV; a handler that sets IOPL in its
 * saved flags does not get it; one that puts a nonsense data selector in
 * its saved registers gets a null one; a handler that faults again with its signal blocked dies of
 * it. rt_sigaction, rt_sigprocmask and sigaltstack check their
 * arguments.
 */
#include <asm/siginfo.h>
#include "sys.h"

static long sys_sigaction(int sig, void *handler, unsigned long flags)
{
	struct k_sigaction sa = { (__sighandler_t)handler, flags, NULL, { 0, 0 } };

	return syscall(__NR_rt_sigaction, sig, &sa, 0, 8);
}

static void nothing(int sig)
{
	(void)sig;
}

/* signal_on_bad_stack: tkill ourselves with esp in unmapped memory */
static int signal_on_bad_stack(void *arg)
{
	(void)arg;
	sys_sigaction(SIGUSR1, nothing, 0);
	__asm__ __volatile__("movl $0x10000000, %%esp\n\tint $0x80"
			     : : "a"(__NR_tkill), "b"(getpid()), "c"(SIGUSR1) : "memory");
	return 0;
}

/* altstack_unmapped: SA_ONSTACK with the alternate stack unmapped after sigaltstack */
static int altstack_unmapped(void *arg)
{
	void *p = sys_mmap(NULL, 16384, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	stack_t ss = { p, 0, 16384 };

	(void)arg;
	syscall(__NR_sigaltstack, &ss, NULL);
	sys_munmap(p, 16384);
	sys_sigaction(SIGUSR1, nothing, SA_ONSTACK);
	syscall(__NR_tkill, getpid(), SIGUSR1);
	return 0;
}

static int sigreturn_on_nothing(void *arg)
{
	(void)arg;
	__asm__ __volatile__("movl $0x10000000, %%esp\n\tint $0x80" : : "a"(119) : "memory");
	return 0;
}

static int rt_sigreturn_on_nothing(void *arg)
{
	(void)arg;
	__asm__ __volatile__("movl $0x10000000, %%esp\n\tint $0x80" : : "a"(173) : "memory");
	return 0;
}

static void set_iopl(int sig, siginfo_t *si, void *ucv)
{
	(void)sig;
	(void)si;
	((struct ucontext *)ucv)->uc_mcontext.flags |= 0x3000;
}

/* iopl_from_frame: 0 when the flags after the handler have IOPL 0 */
static int iopl_from_frame(void *arg)
{
	unsigned long flags;

	(void)arg;
	sys_sigaction(SIGUSR1, set_iopl, SA_SIGINFO);
	syscall(__NR_tkill, getpid(), SIGUSR1);
	__asm__ __volatile__("pushfl\n\tpopl %0" : "=r"(flags));
	return (flags & 0x3000) ? 1 : 0;
}

static void bad_ds(int sig, siginfo_t *si, void *ucv)
{
	(void)sig;
	(void)si;
	((struct ucontext *)ucv)->uc_mcontext.ds = 0x1234;
}

/* ds_from_frame: 0 when ds is null after the handler (QEMU's TCG does not
 * fault on a data access through a null ds, so the selector is checked) */
static int ds_from_frame(void *arg)
{
	unsigned long ds;

	(void)arg;
	sys_sigaction(SIGUSR1, bad_ds, SA_SIGINFO);
	syscall(__NR_tkill, getpid(), SIGUSR1);
	__asm__ __volatile__("movl %%ds, %0" : "=r"(ds));
	__asm__ __volatile__("movl %0, %%ds" : : "r"(0x7bUL));
	return ds == 0 ? 0 : 1;
}

static void fault_again(int sig)
{
	(void)sig;
	*(volatile int *)0 = 1;
}

static int segv_in_segv_handler(void *arg)
{
	(void)arg;
	sys_sigaction(SIGSEGV, fault_again, 0);
	*(volatile int *)0 = 1;
	return 0;
}

int main(void)
{
	struct k_sigaction sa = { nothing, 0, NULL, { 0, 0 } };
	stack_t ss = { NULL, 0, 1024 };

	default_signals();
	no_core_dumps();
	expect_killed(in_child(signal_on_bad_stack, NULL), SIGSEGV,
		      "a signal with esp on unmapped memory");
	expect_killed(in_child(altstack_unmapped, NULL), SIGSEGV,
		      "SA_ONSTACK with the alternate stack unmapped");
	expect_killed(in_child(sigreturn_on_nothing, NULL), SIGSEGV,
		      "sigreturn with esp on unmapped memory");
	expect_killed(in_child(rt_sigreturn_on_nothing, NULL), SIGSEGV,
		      "rt_sigreturn with esp on unmapped memory");
	expect_exit(in_child(iopl_from_frame, NULL), 0, "IOPL 3 in the saved flags is dropped");
	expect_exit(in_child(ds_from_frame, NULL), 0, "a nonsense ds in the saved registers: null");
	expect_killed(in_child(segv_in_segv_handler, NULL), SIGSEGV,
		      "a SIGSEGV handler that faults again");

	expect_errno(syscall(__NR_rt_sigaction, SIGUSR1, &sa, NULL, 4), EINVAL,
		     "rt_sigaction: a sigsetsize other than 8");
	expect_errno(syscall(__NR_rt_sigaction, SIGKILL, &sa, NULL, 8), EINVAL,
		     "rt_sigaction: a handler for SIGKILL");
	expect_errno(syscall(__NR_rt_sigaction, SIGSTOP, &sa, NULL, 8), EINVAL,
		     "rt_sigaction: a handler for SIGSTOP");
	expect_errno(syscall(__NR_rt_sigaction, 0, &sa, NULL, 8), EINVAL, "rt_sigaction: signal 0");
	expect_errno(syscall(__NR_rt_sigaction, SIGUSR1, 0xc0000000, NULL, 8), EFAULT,
		     "rt_sigaction: a kernel pointer");
	expect_errno(syscall(__NR_rt_sigprocmask, 7, &sa.sa_mask, NULL, 8), EINVAL,
		     "rt_sigprocmask: an unknown how");
	expect_errno(syscall(__NR_sigaltstack, &ss, NULL), ENOMEM,
		     "sigaltstack: smaller than MINSIGSTKSZ");
	ss.ss_size = 16384;
	ss.ss_flags = 0x55;
	expect_errno(syscall(__NR_sigaltstack, &ss, NULL), EINVAL, "sigaltstack: unknown flags");
	expect_errno(syscall(__NR_sigaltstack, 0xc0000000, NULL), EFAULT,
		     "sigaltstack: a kernel pointer");
	expect_errno(syscall(__NR_tgkill, 0, getpid(), SIGUSR1), EINVAL, "tgkill: tgid 0");
	expect_errno(syscall(__NR_tkill, 0x7fff0000, SIGUSR1), ESRCH, "tkill: no such thread");
	return tap_done();
}
