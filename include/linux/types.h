/* Basic fixed-width types, as in Linux's <linux/types.h>. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef unsigned int size_t;
typedef int ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long off_t;
typedef long long loff_t;
typedef unsigned long phys_addr_t;
typedef _Bool bool;

#define true 1
#define false 0
#define NULL ((void *)0)

#endif
