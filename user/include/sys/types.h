/* <sys/types.h>: the system data types, sized as on Linux i386
 * (time_t and off_t are 32-bit longs, ids are 32-bit). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef int ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long off_t;
typedef long long loff_t;
typedef long time_t;
typedef long suseconds_t;
typedef int clockid_t;

#endif
