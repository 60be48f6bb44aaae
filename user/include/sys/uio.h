/* <sys/uio.h>: scatter/gather I/O with Linux's struct iovec, the kernel's
 * own (<linux/uio.h>). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

#include <linux/uio.h>

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif
