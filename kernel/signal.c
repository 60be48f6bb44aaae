/*
 * Signals (Linux: kernel/signal.c). For now only the default action of a
 * fatal signal exists: force_sig ends the current task as killed by sig.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>

void force_sig(int sig)
{
	do_exit(sig);
}
