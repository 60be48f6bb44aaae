/*
 * Resource limits and usage (Linux: include/uapi/linux/resource.h):
 * struct rlimit and the RLIMIT_* numbers, struct rusage and the RUSAGE_*
 * selectors of getrusage, shared by the kernel and yomi's C library.
 */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

/*
 * struct __kernel_old_timeval: a timeval of two longs under a name of its
 * own (Linux 5.x keeps it in time_types.h), so that struct rusage needs no
 * <linux/time.h>: the host's unit tests include this header beside the
 * host's own struct timeval.
 */
struct __kernel_old_timeval {
	long tv_sec;		/* seconds */
	long tv_usec;		/* microseconds */
};

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)	/* the waited-for children, and theirs */
#define RUSAGE_THREAD	1

/* struct rusage: i386's layout, 72 bytes (yomi fills only the two times) */
struct rusage {
	struct __kernel_old_timeval ru_utime;	/* user time used */
	struct __kernel_old_timeval ru_stime;	/* system time used */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss;
	long ru_minflt, ru_majflt, ru_nswap, ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

typedef unsigned long rlim_t;

struct rlimit {
	rlim_t rlim_cur;	/* soft limit */
	rlim_t rlim_max;	/* hard limit: the ceiling for rlim_cur */
};

#define RLIM_INFINITY (~0UL)

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#endif
