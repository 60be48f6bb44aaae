/*
 * errno.c: errno, the error convention of every wrapper, and the
 * glibc-style syscall().
 *
 * The kernel returns -errno in eax. Linux reserves -4095..-1 for errors, so
 * a result above -4096UL as an unsigned value is an error: __syscall_ret
 * stores its negation in errno and returns -1. Any other value (a pointer
 * from mmap, a large time) is a result.
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

int errno;

long __syscall_ret(unsigned long ret)
{
	if (ret > -4096UL) {
		errno = -(long)ret;
		return -1;
	}
	return (long)ret;
}

/* syscall: any number with up to six arguments. Like glibc it always passes
 * six words; the ones the caller did not give are whatever is on the stack
 * there, which the kernel ignores for a call that takes fewer. */
long syscall(long nr, ...)
{
	va_list ap;
	long a[6];
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}
