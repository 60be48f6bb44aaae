/*
 * Time as system calls pass it: Linux i386's struct timespec and struct
 * timeval (two 32-bit longs; tv_sec is the C library's time_t), the
 * obsolete struct timezone gettimeofday still fills in, the clock ids and
 * utimensat's special times (Linux: include/uapi/linux/time.h, as of the
 * 4.x kernels, before the structures moved to time_types.h): shared by
 * the kernel and yomi's C library (<time.h>, <sys/time.h>).
 */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

struct timespec {
	long tv_sec;		/* seconds */
	long tv_nsec;		/* nanoseconds, 0 to 999,999,999 */
};

/* the time64 calls' timespec (Linux 5.1): 64-bit seconds on i386 too */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct timeval {
	long tv_sec;		/* seconds */
	long tv_usec;		/* microseconds */
};

struct timezone {
	int tz_minuteswest;	/* minutes west of Greenwich */
	int tz_dsttime;		/* type of DST correction */
};

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

/* setitimer's timers and struct itimerval */
#define ITIMER_REAL		0	/* SIGALRM after real time */
#define ITIMER_VIRTUAL		1
#define ITIMER_PROF		2

struct itimerval {
	struct timeval it_interval;	/* reload value, 0: one shot */
	struct timeval it_value;	/* time left, 0: disarmed */
};

#define TIMER_ABSTIME			0x01	/* clock_nanosleep: until, not for */

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

#endif
