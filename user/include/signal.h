/* <signal.h>: Linux i386 signal numbers, kill(), signal() and sigaction(). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include <asm/signal.h>

#define NSIG		(_NSIG + 1)	/* signals are 1..64 */

/* Actions (user/lib/signal.c): SIG_DFL, SIG_IGN or a handler. SIG_DFL,
 * SIG_IGN, SIG_ERR, the SA_* flags and SIG_BLOCK... are the kernel's. */
typedef __sighandler_t sighandler_t;
typedef int sig_atomic_t;

/* the 64-bit mask the i386 kernel takes (glibc's sigset_t is 1024 bits) */
typedef struct {
	unsigned long __bits[_NSIG_WORDS];
} sigset_t;

struct sigaction {
	sighandler_t sa_handler;
	sigset_t sa_mask;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
};

int kill(pid_t pid, int sig);
int raise(int sig);
int killpg(pid_t pgrp, int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int sigsuspend(const sigset_t *mask);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
