/* Time: Linux i386's timespec/timeval and the kernel's clocks. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#define UTIME_NOW ((1L << 30) - 1L)
#define UTIME_OMIT ((1L << 30) - 2L)

long long read_persistent_clock(void);
long long mktime64(unsigned int year, unsigned int mon, unsigned int day,
		   unsigned int hour, unsigned int min, unsigned int sec);
void timekeeping_init(void);
u64 ktime_get_real_ns(void);
extern u64 boot_time_ns;

#endif
