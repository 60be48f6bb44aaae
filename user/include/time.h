/* <time.h>: time, clock_gettime and nanosleep with Linux i386's struct
 * timespec (two 32-bit longs; no 64-bit time_t variants). */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#include <linux/time.h>	/* the CLOCK_* ids */

time_t time(time_t *tloc);
int clock_gettime(clockid_t clk, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
