/*
 * The kernel's limits on names and paths (Linux: include/uapi/linux/
 * limits.h): shared by the kernel (<linux/fs.h>) and yomi's C library
 * (<limits.h>).
 */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NAME_MAX	255	/* bytes in a file name, without the NUL */
#define PATH_MAX	4096	/* bytes in a path, with the NUL */

#endif
