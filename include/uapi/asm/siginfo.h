/*
 * siginfo_t, stack_t and struct ucontext as Linux i386 lays them out
 * (Linux: include/uapi/asm-generic/siginfo.h, signal.h, arch/x86/include/
 * uapi/asm/ucontext.h): what an SA_SIGINFO handler gets, what sigaltstack
 * takes. Shared by the kernel and user tests.
 */
#ifndef _UAPI_ASM_X86_SIGINFO_H
#define _UAPI_ASM_X86_SIGINFO_H

#include "sigcontext.h"

/* si_code: who sent it */
#define SI_USER		0	/* kill */
#define SI_KERNEL	0x80	/* the kernel (alarm, a fault without a code) */
#define SI_TKILL	(-6)	/* tkill, tgkill */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */
#define BUS_ADRERR	2	/* SIGBUS: no page behind the address (past a file's end) */
#define CLD_EXITED	1	/* SIGCHLD's si_code ... */
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#define SI_MAX_SIZE	128

/* siginfo_t: 128 bytes; the fields after si_code depend on the signal */
typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE / sizeof(int)) - 3];
		struct {		/* kill, SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;	/* SIGCHLD: exit code or signal */
			long _utime, _stime;
		} _kill;
		struct {		/* SIGSEGV, SIGBUS, SIGFPE, SIGILL */
			void *_addr;
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_status	_sifields._kill._status
#define si_utime	_sifields._kill._utime
#define si_stime	_sifields._kill._stime
#define si_addr		_sifields._sigfault._addr

/* sigaltstack's ss_flags */
#define SS_ONSTACK	1	/* running on it now (sigaltstack reports) */
#define SS_DISABLE	2	/* no alternate stack */
#define MINSIGSTKSZ	2048	/* the smallest alternate stack (Linux i386) */
#define SIGSTKSZ	8192

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

/* struct ucontext: an SA_SIGINFO handler's third argument */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	unsigned long uc_sigmask[2];	/* the blocked mask to restore */
};

#endif
