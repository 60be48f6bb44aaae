/*
 * host_current.h: `current` for kernel code compiled into a host unit test.
 * In the kernel, current is found from the stack pointer (thread_info at
 * the bottom of an 8 KiB kernel stack), which means nothing in a host
 * process; a test that needs it lists this header in its kernel-cflags,
 *
 *	// kernel-cflags: -include host_current.h
 *
 * and points host_current at a task_struct of its own. sched.h is read
 * first, so its own definition of current is the one replaced.
 */
#ifndef YOMI_TESTS_HOST_CURRENT_H
#define YOMI_TESTS_HOST_CURRENT_H

#include <linux/sched.h>

extern struct task_struct *host_current;
#undef current
#define current host_current

#endif
