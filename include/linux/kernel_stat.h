/* kernel_stat.h: the CPU's time, summed over every task, by kind (Linux's
 * kernel_stat.h keeps one such array per CPU; yomi has one CPU). */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/types.h>

enum cpu_usage_stat { CPUTIME_USER, CPUTIME_SYSTEM, NR_STATS };

struct kernel_cpustat {
	u64 cpustat[NR_STATS];	/* ns, charged tick by tick (kernel/time/timer.c) */
};

extern struct kernel_cpustat kcpustat;

#endif
