/* <sys/time.h>: gettimeofday with Linux i386's struct timeval (two 32-bit
 * longs) and the obsolete struct timezone the kernel still fills in. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif
