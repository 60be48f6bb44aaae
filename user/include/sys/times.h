/* <sys/times.h>: times(), the process's CPU times in clock ticks
 * (sysconf(_SC_CLK_TCK) = 100 a second on Linux i386), and the ticks since
 * an arbitrary moment as its result. struct tms is the kernel's. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <linux/times.h>

typedef long clock_t;

clock_t times(struct tms *buf);

#endif
