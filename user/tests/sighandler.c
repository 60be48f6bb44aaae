/*
 * test_sighandler: signal handlers run and return. A plain handler and an
 * SA_SIGINFO one get their frames (signal number; siginfo with sender and
 * code; ucontext with the mask to restore and the FPU state); they return
 * through the vDSO's __kernel_sigreturn/__kernel_rt_sigreturn or an
 * SA_RESTORER function; the interrupted registers, the x87 control word
 * and the blocked mask come back; the signal is blocked while its handler
 * runs (not with SA_NODEFER), sa_mask too; SA_RESETHAND resets the
 * action; SA_ONSTACK runs on the sigaltstack; a SIGSEGV handler may move
 * eip past the faulting instruction; a signal sent inside a handler runs
 * its handler nested on top (unless sa_mask holds it back). The cases are
 * named for the signals lab's tests (docs/labs/signals.md): frame:,
 * mask:, nested:.
 */
#include <asm/siginfo.h>
#include "sys.h"

#define sigmask(sig) (1UL << ((sig) - 1))

static volatile int hits, last_sig, usr2_blocked_inside, self_blocked_inside, onstack_inside;
static volatile unsigned long handler_sp;
static volatile unsigned short fcw_inside, frame_fcw;
static volatile int frame_magic_ok;
static volatile siginfo_t got_info;
static volatile unsigned long frame_mask;

static long sys_sigaction(int sig, void *handler, unsigned long flags, unsigned long mask,
			  void (*restorer)(void))
{
	struct k_sigaction sa = { (__sighandler_t)handler, flags, restorer, { mask, 0 } };

	return syscall(__NR_rt_sigaction, sig, &sa, 0, 8);
}

static unsigned long blocked_now(void)
{
	unsigned long set[2];

	syscall(__NR_rt_sigprocmask, SIG_BLOCK, 0, set, 8);
	return set[0];
}

static void plain(int sig)
{
	unsigned long b = blocked_now();

	hits++;
	last_sig = sig;
	self_blocked_inside = !!(b & sigmask(sig));
	usr2_blocked_inside = !!(b & sigmask(SIGUSR2));
	fcw_inside = get_fcw();
	__asm__ __volatile__("movl $0x5a5a5a5a, %%ecx; movl $0xa5a5a5a5, %%edx" : : : "ecx", "edx");
}

static void with_info(int sig, siginfo_t *si, void *ucv)
{
	struct ucontext *uc = ucv;
	struct _fpstate *fp = uc->uc_mcontext.fpstate;

	hits++;
	last_sig = sig;
	memcpy((void *)&got_info, si, sizeof(got_info));
	frame_mask = uc->uc_sigmask[0];
	frame_magic_ok = fp && fp->magic == X86_FXSR_MAGIC;
	frame_fcw = fp ? fp->cw & 0xffff : 0;
}

static void on_altstack(int sig)
{
	stack_t ss;
	int local;

	(void)sig;
	hits++;
	handler_sp = (unsigned long)&local;
	syscall(__NR_sigaltstack, NULL, &ss);
	onstack_inside = ss.ss_flags == SS_ONSTACK;
}

/* skip_fault: SIGSEGV from the 5-byte "movl 0, %eax" below: step over it, eax = 42 */
static void skip_fault(int sig, siginfo_t *si, void *ucv)
{
	struct ucontext *uc = ucv;

	(void)sig;
	memcpy((void *)&got_info, si, sizeof(got_info));
	uc->uc_mcontext.ip += 5;
	uc->uc_mcontext.ax = 42;
}

/* my_restorer: an SA_RESTORER function, as a C library supplies one */
extern void my_restorer(void);
__asm__(".text\nmy_restorer:\n\tmovl $173, %eax\n\tint $0x80\n");

static int tkill_self(int sig)
{
	return syscall(__NR_tkill, getpid(), sig);
}

/* the registers a tkill through int $0x80 leaves: ecx (the signal) and
 * edx, esi, edi must survive the handler, which clobbers ecx and edx */
static void check_registers(void)
{
	unsigned long c, d, s, D;

	__asm__ __volatile__("movl $0x11223344, %%edx\n\tmovl $0x55667788, %%esi\n\t"
			     "movl $0x99aabbcc, %%edi\n\tint $0x80"
			     : "=c"(c), "=d"(d), "=S"(s), "=D"(D)
			     : "a"(__NR_tkill), "b"(getpid()), "c"(SIGUSR1) : "memory");
	ok(c == SIGUSR1 && d == 0x11223344 && s == 0x55667788 && D == 0x99aabbcc,
	   "frame: ecx, edx, esi, edi come back from the frame");
}

static long fault_and_skip(void)
{
	long v;

	__asm__ __volatile__(".byte 0xa1, 0, 0, 0, 0" : "=a"(v) : "a"(7) : "memory");
	return v;
}

/* nested: SIGUSR1's handler raises SIGUSR2, whose handler runs on top of
 * it; the outer one goes on with its registers and locals intact */
static volatile int order[4], n_order;

static void inner(int sig, siginfo_t *si, void *ucv)
{
	(void)si;
	(void)ucv;
	order[n_order++] = sig;
}

static void outer(int sig, siginfo_t *si, void *ucv)
{
	volatile unsigned long local = 0x5eed0000 + sig;
	unsigned long s, D;
	long nr = __NR_tkill;

	(void)si;
	(void)ucv;
	order[n_order++] = sig;
	__asm__ __volatile__("movl $0x55667788, %%esi\n\tmovl $0x99aabbcc, %%edi\n\tint $0x80"
			     : "=S"(s), "=D"(D), "+a"(nr)
			     : "b"(getpid()), "c"(SIGUSR2) : "edx", "memory");
	order[n_order++] = (local == 0x5eed0000UL + sig && s == 0x55667788 &&
			    D == 0x99aabbcc) ? -sig : 0;
}

static void test_nested(void)
{
	unsigned long before = blocked_now();

	sys_sigaction(SIGUSR1, outer, SA_SIGINFO, 0, NULL);
	sys_sigaction(SIGUSR2, inner, SA_SIGINFO, 0, NULL);
	n_order = 0;
	tkill_self(SIGUSR1);
	ok(n_order == 3 && order[0] == SIGUSR1 && order[1] == SIGUSR2,
	   "nested: a signal sent in a handler runs its handler inside it");
	ok(n_order == 3 && order[2] == -SIGUSR1,
	   "nested: the outer handler goes on with its registers and locals");
	ok(blocked_now() == before, "nested: the mask is back after both");
	sys_sigaction(SIGUSR1, outer, SA_SIGINFO, sigmask(SIGUSR2), NULL);
	n_order = 0;
	tkill_self(SIGUSR1);
	ok(n_order == 3 && order[0] == SIGUSR1 && order[1] == -SIGUSR1 && order[2] == SIGUSR2,
	   "nested: with SIGUSR2 in sa_mask it waits for the outer handler's return");
}

static void test_siginfo(void)
{
	sigset_t m;

	hits = 0;
	set_fcw(0x27f);
	sys_sigaction(SIGUSR2, with_info, SA_SIGINFO, 0, NULL);
	sigemptyset(&m);
	sigaddset(&m, SIGHUP);
	sigprocmask(SIG_BLOCK, &m, NULL);
	kill(getpid(), SIGUSR2);
	ok(hits == 1 && last_sig == SIGUSR2, "frame: an SA_SIGINFO handler runs");
	expect_eq(got_info.si_signo, SIGUSR2, "frame: si_signo");
	expect_eq(got_info.si_code, SI_USER, "frame: kill: si_code SI_USER");
	expect_eq(got_info.si_pid, getpid(), "frame: si_pid is the sender");
	expect_eq(got_info.si_uid, getuid(), "frame: si_uid is the sender's uid");
	ok(frame_mask == sigmask(SIGHUP), "mask: uc_sigmask is the mask before the handler");
	ok(frame_magic_ok, "frame: uc_mcontext.fpstate points at an fxsave-format FPU state");
	expect_eq(frame_fcw, 0x27f, "frame: the frame's FPU state has the interrupted control word");
	sigprocmask(SIG_UNBLOCK, &m, NULL);
	tkill_self(SIGUSR2);
	expect_eq(got_info.si_code, SI_TKILL, "frame: tkill: si_code SI_TKILL");

	hits = 0;
	sys_sigaction(SIGUSR2, with_info, SA_SIGINFO | SA_RESTORER, 0, my_restorer);
	tkill_self(SIGUSR2);
	ok(hits == 1, "frame: a handler returns through its SA_RESTORER function");
}

int main(void)
{
	static char altstack[16384];
	stack_t ss = { altstack, 0, sizeof(altstack) }, old;
	unsigned long before;

	default_signals();
	test_siginfo();
	hits = 0;
	expect_eq(sys_sigaction(SIGUSR1, plain, 0, sigmask(SIGUSR2), NULL), 0,
		  "rt_sigaction installs a handler");
	set_fcw(0x27f);
	before = blocked_now();
	expect_eq(tkill_self(SIGUSR1), 0, "tkill to ourselves");
	ok(hits == 1 && last_sig == SIGUSR1, "frame: the handler ran once, with the signal number");
	ok(self_blocked_inside, "mask: the signal is blocked inside its handler");
	ok(usr2_blocked_inside, "mask: sa_mask's SIGUSR2 is blocked inside the handler");
	ok(blocked_now() == before, "mask: the mask is back after the handler");
	expect_eq(fcw_inside, 0x37f, "frame: the handler starts with a clean x87 control word");
	expect_eq(get_fcw(), 0x27f, "frame: the x87 control word is back after the handler");
	check_registers();

	sys_sigaction(SIGUSR1, plain, SA_NODEFER, 0, NULL);
	tkill_self(SIGUSR1);
	ok(!self_blocked_inside, "mask: SA_NODEFER: the signal is not blocked inside its handler");

	struct k_sigaction cur;
	sys_sigaction(SIGHUP, plain, SA_RESETHAND, 0, NULL);
	tkill_self(SIGHUP);
	syscall(__NR_rt_sigaction, SIGHUP, NULL, &cur, 8);
	ok(cur.sa_handler == SIG_DFL, "mask: SA_RESETHAND: the action is SIG_DFL after one signal");

	hits = 0;
	expect_eq(syscall(__NR_sigaltstack, &ss, &old), 0, "sigaltstack sets a stack");
	ok(old.ss_flags == SS_DISABLE, "there was none before");
	sys_sigaction(SIGUSR1, on_altstack, SA_ONSTACK, 0, NULL);
	tkill_self(SIGUSR1);
	ok(hits == 1 && handler_sp > (unsigned long)altstack &&
	   handler_sp < (unsigned long)altstack + sizeof(altstack),
	   "frame: SA_ONSTACK: the handler runs on the alternate stack");
	ok(onstack_inside, "frame: sigaltstack inside it says SS_ONSTACK");
	syscall(__NR_sigaltstack, NULL, &old);
	ok(old.ss_flags == 0 && old.ss_sp == altstack, "outside the handler: not on it");
	ss.ss_flags = SS_DISABLE;
	syscall(__NR_sigaltstack, &ss, NULL);

	sys_sigaction(SIGSEGV, skip_fault, SA_SIGINFO, 0, NULL);
	expect_eq(fault_and_skip(), 42, "frame: a SIGSEGV handler moves eip past the fault, sets eax");
	expect_eq(got_info.si_code, SEGV_MAPERR, "frame: SIGSEGV at NULL: SEGV_MAPERR");
	ok(got_info.si_addr == NULL, "frame: si_addr is the address");
	test_nested();
	return tap_done();
}
