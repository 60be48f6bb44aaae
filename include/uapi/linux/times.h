/*
 * struct tms, what times() fills in (Linux: include/uapi/linux/times.h):
 * CPU times in clock ticks of USER_HZ (100 a second), shared by the kernel
 * and yomi's C library (<sys/times.h>).
 */
#ifndef _UAPI_LINUX_TIMES_H
#define _UAPI_LINUX_TIMES_H

struct tms {
	long tms_utime;		/* user time of this process */
	long tms_stime;		/* system time of this process */
	long tms_cutime;	/* user time of its waited-for children */
	long tms_cstime;	/* system time of its waited-for children */
};

#endif
