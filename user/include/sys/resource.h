/* <sys/resource.h>: resource limits with Linux's struct rlimit (two
 * unsigned longs). getrlimit() uses ugetrlimit (191), which reports
 * RLIM_INFINITY as ~0UL; the old getrlimit (76) clamps to 0x7fffffff and is
 * reachable only through syscall(). getrusage() fills Linux's struct
 * rusage (yomi's kernel accounts only ru_utime and ru_stime). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <linux/resource.h>

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int getrusage(int who, struct rusage *usage);

#endif
