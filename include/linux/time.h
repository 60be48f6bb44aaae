/* Time: Linux i386's timespec/timeval (from the uapi header) and the
 * kernel's clocks. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <uapi/linux/time.h>

long long read_persistent_clock(void);
long long mktime64(unsigned int year, unsigned int mon, unsigned int day,
		   unsigned int hour, unsigned int min, unsigned int sec);
void timekeeping_init(void);
u64 ktime_get_real_ns(void);
extern u64 boot_time_ns;
int do_clock_gettime(int which_clock, u64 *ns);	/* kernel/time/time.c */

#endif
