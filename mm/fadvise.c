/*
 * fadvise64 and fadvise64_64 (Linux: mm/fadvise.c): advice about how a
 * file will be read. Linux starts or drops page-cache reads; yomi's files
 * live in memory already, so after Linux's checks there is nothing to do.
 * On i386 the 64-bit offset and length arrive as two 32-bit halves each.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

#define POSIX_FADV_NOREUSE 5	/* the last advice: NORMAL 0 ... NOREUSE 5 */

/* ksys_fadvise64_64: EBADF, ESPIPE for a pipe, EINVAL for unknown advice */
static long ksys_fadvise64_64(int fd, loff_t offset, loff_t len, int advice)
{
	struct file *f = fget(fd);

	(void)offset;
	if (!f)
		return -EBADF;
	if (!f->f_inode || S_ISFIFO(f->f_inode->i_mode))
		return -ESPIPE;
	if (advice < 0 || advice > POSIX_FADV_NOREUSE || len < 0)
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE6(fadvise64_64, int, fd, u32, offset_lo, u32, offset_hi, u32, len_lo, u32, len_hi,
		int, advice)
{
	return ksys_fadvise64_64(fd, ((loff_t)offset_hi << 32) | offset_lo,
				 ((loff_t)len_hi << 32) | len_lo, advice);
}

SYSCALL_DEFINE5(fadvise64, int, fd, u32, offset_lo, u32, offset_hi, size_t, len, int, advice)
{
	return ksys_fadvise64_64(fd, ((loff_t)offset_hi << 32) | offset_lo, len, advice);
}
