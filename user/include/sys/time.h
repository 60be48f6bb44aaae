/* <sys/time.h>: gettimeofday with Linux i386's struct timeval (two 32-bit
 * longs) and the obsolete struct timezone the kernel still fills in, both
 * the kernel's own (<linux/time.h>). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

#include <linux/time.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif
