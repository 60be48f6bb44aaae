/*
 * signal.c: sigaction and signal over rt_sigaction (174), sigprocmask over
 * rt_sigprocmask (175), sigsuspend over rt_sigsuspend (179), the sigset_t
 * helpers, raise, killpg and strsignal.
 *
 * The i386 kernel's struct sigaction (struct k_sigaction, <asm/signal.h>)
 * orders its fields handler, flags, restorer, mask (the C library's puts
 * the mask second), and the kernel wants the size of its 64-bit mask (8)
 * as the last argument. Unlike glibc no SA_RESTORER trampoline is
 * supplied: a handler returns through the vDSO's __kernel_sigreturn or
 * __kernel_rt_sigreturn (docs/signals.md). signal() has BSD semantics
 * (SA_RESTART), like glibc's.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct k_sigaction kact, koact;

	if (act) {
		kact.sa_handler = act->sa_handler;
		kact.sa_flags = act->sa_flags;
		kact.sa_restorer = act->sa_restorer;
		kact.sa_mask[0] = act->sa_mask.__bits[0];
		kact.sa_mask[1] = act->sa_mask.__bits[1];
	}
	if (__syscall_ret(__syscall(__NR_rt_sigaction, sig, act ? (long)&kact : 0,
				    oact ? (long)&koact : 0, 8, 0, 0)) < 0)
		return -1;
	if (oact) {
		oact->sa_handler = koact.sa_handler;
		oact->sa_flags = koact.sa_flags;
		oact->sa_restorer = koact.sa_restorer;
		oact->sa_mask.__bits[0] = koact.sa_mask[0];
		oact->sa_mask.__bits[1] = koact.sa_mask[1];
	}
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return __syscall_ret(__syscall(__NR_rt_sigprocmask, how, (long)set, (long)oset, 8, 0, 0));
}

/* sigsuspend: wait for a handled signal with mask as the mask; always -1
 * with EINTR */
int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall(__NR_rt_sigsuspend, (long)mask, 8, 0, 0, 0, 0));
}

static int bad_signal(int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigemptyset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->__bits[0] = set->__bits[1] = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->__bits[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->__bits[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return !!(set->__bits[(sig - 1) / 32] & (1UL << ((sig - 1) % 32)));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

/* strsignal: glibc's descriptions of the standard signals */
char *strsignal(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
		[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
		[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
		[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
		[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
		[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
		[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
		[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited",
		[SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)",
		[SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)",
		[SIGTTOU] = "Stopped (tty output)", [SIGURG] = "Urgent I/O condition",
		[SIGXCPU] = "CPU time limit exceeded", [SIGXFSZ] = "File size limit exceeded",
		[SIGVTALRM] = "Virtual timer expired", [SIGPROF] = "Profiling timer expired",
		[SIGWINCH] = "Window changed", [SIGIO] = "I/O possible",
		[SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
	};
	static char buf[32];

	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) && names[sig])
		return (char *)names[sig];
	snprintf(buf, sizeof(buf), "Real-time signal %d", sig - 32);
	if (sig < 32 || sig >= NSIG)
		snprintf(buf, sizeof(buf), "Unknown signal %d", sig);
	return buf;
}
