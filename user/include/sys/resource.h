/* <sys/resource.h>: resource limits with Linux's struct rlimit (two
 * unsigned longs). getrlimit() uses ugetrlimit (191), which reports
 * RLIM_INFINITY as ~0UL; the old getrlimit (76) clamps to 0x7fffffff and is
 * reachable only through syscall(). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

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

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);

#endif
