/* <signal.h>: Linux i386 signal numbers, kill(), and signal()/sigaction()
 * for SIG_DFL and SIG_IGN. Handlers arrive with the signal work of a later
 * issue. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include <asm/signal.h>

#define NSIG		65	/* signals are 1..64 */

/* Actions (user/lib/signal.c). yomi's kernel takes only SIG_DFL and SIG_IGN
 * so far: rt_sigaction refuses a handler function with EINVAL. */
typedef void (*sighandler_t)(int);
#define SIG_ERR		((void (*)(int))-1)
#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)

/* the 64-bit mask the i386 kernel takes (glibc's sigset_t is 1024 bits) */
typedef struct {
	unsigned long __bits[2];
} sigset_t;

struct sigaction {
	sighandler_t sa_handler;
	sigset_t sa_mask;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
};

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

int kill(pid_t pid, int sig);
int raise(int sig);
int killpg(pid_t pgrp, int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
