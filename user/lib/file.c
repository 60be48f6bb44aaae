/*
 * file.c: the file calls whose C interface differs from the system call:
 * open, openat and fcntl (variadic), ioctl (variadic), lseek64 (through
 * _llseek, 140) and getcwd (the system call returns the length; the C
 * function returns the buffer, allocating one of PATH_MAX bytes when given
 * NULL, as glibc does).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* the mode argument is read only when O_CREAT asks for it, as POSIX says */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall(__NR_open, (long)path, flags, mode, 0, 0, 0));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall(__NR_openat, dirfd, (long)path, flags, mode, 0, 0));
}

/* fcntl: every command yomi knows takes an int or nothing (fcntl64 is the
 * same call for those) */
int fcntl(int fd, int cmd, ...)
{
	long arg;
	va_list ap;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall(__NR_fcntl64, fd, cmd, arg, 0, 0, 0));
}

int ioctl(int fd, unsigned long request, ...)
{
	long arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall(__NR_ioctl, fd, (long)request, arg, 0, 0, 0));
}

/* lseek64: the 64-bit offset is passed as two halves, the result comes back
 * through a pointer */
loff_t lseek64(int fd, loff_t off, int whence)
{
	loff_t result;

	if (__syscall_ret(__syscall(__NR__llseek, fd, (long)(off >> 32), (long)off,
				    (long)&result, whence, 0)) < 0)
		return -1;
	return result;
}

char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (!buf) {
		if (!size)
			size = PATH_MAX;
		buf = mine = malloc(size);
		if (!buf)
			return NULL;
	}
	if (__syscall_ret(__syscall(__NR_getcwd, (long)buf, size, 0, 0, 0, 0)) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}
