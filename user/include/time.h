/* <time.h>: time, clock_gettime and nanosleep with Linux i386's struct
 * timespec (two 32-bit longs; no 64-bit time_t variants), which, with the
 * CLOCK_* ids, is the kernel's own (<linux/time.h>). */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#include <linux/time.h>

time_t time(time_t *tloc);
int clock_gettime(clockid_t clk, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
