/*
 * One buffer of readv/writev (Linux: include/uapi/linux/uio.h): shared by
 * the kernel (fs/read_write.c) and yomi's C library (<sys/uio.h>).
 */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

struct iovec {
	void *iov_base;		/* a user address (__user in the kernel) */
	__SIZE_TYPE__ iov_len;	/* size_t: the compiler's, as <stddef.h> has it */
};

#define UIO_MAXIOV	1024	/* the most buffers one call takes */

#endif
