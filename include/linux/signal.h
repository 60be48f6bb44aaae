/* Signal numbers (Linux i386) and sending signals. */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <uapi/asm/signal.h>

/* force_sig: a fault the current task caused; its default action kills it. */
__attribute__((noreturn)) void force_sig(int sig);

/* sigmask: signal sig's bit in a task's pending and blocked words */
#define sigmask(sig) (1UL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))	/* cannot be blocked */

#endif
