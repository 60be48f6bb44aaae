/* <errno.h>: errno and Linux's error numbers (the kernel's own list,
 * <asm-generic/errno.h>). errno is one plain global: yomi's user programs
 * have one thread. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <asm-generic/errno.h>

#define ENOTSUP		EOPNOTSUPP	/* POSIX's name; Linux has one number for both */

extern int errno;

#endif
