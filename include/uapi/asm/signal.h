/*
 * Linux i386's signals as system calls see them (Linux: arch/x86/include/
 * uapi/asm/signal.h, uapi/asm-generic/signal-defs.h, and the kernel's
 * struct sigaction of include/linux/signal_types.h): the signal numbers,
 * sigaction's flags, the special handlers, sigprocmask's operations and the
 * structure rt_sigaction copies. Shared by the kernel and yomi's C library.
 */
#ifndef _UAPI_ASM_X86_SIGNAL_H
#define _UAPI_ASM_X86_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22

#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31

#define _NSIG		64	/* signals are 1.._NSIG (the C library's NSIG is one more) */
#define _NSIG_BPW	32	/* bits per word of a signal mask */
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

typedef void __signalfn_t(int);
typedef __signalfn_t *__sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t *__sigrestore_t;

#define SIG_DFL	((__sighandler_t)0)	/* the default action */
#define SIG_IGN	((__sighandler_t)1)	/* ignore the signal */
#define SIG_ERR	((__sighandler_t)-1)	/* signal()'s error return */

/*
 * struct k_sigaction: what rt_sigaction (174) reads and writes, in the
 * i386 kernel's order (handler, flags, restorer, mask; a C library's
 * struct sigaction puts the mask second). Its size is the kernel's: the
 * last argument of rt_sigaction and rt_sigprocmask is sizeof(sa_mask), 8.
 */
struct k_sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	unsigned long sa_mask[_NSIG_WORDS];
};

#endif
