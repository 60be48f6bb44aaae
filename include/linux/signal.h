/* Signal numbers (Linux i386) and sending signals. */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <uapi/asm/signal.h>

/* force_sig: a fault the current task caused; its default action kills it. */
__attribute__((noreturn)) void force_sig(int sig);

#endif
