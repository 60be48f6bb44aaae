/*
 * statfs64 and fstatfs64 (Linux: fs/statfs.c): what a file system holds.
 * yomi has two: the RAM file system under / (Linux's ramfs magic; its
 * size is the free memory, as df shows for a ramfs) and /proc. i386's
 * struct statfs64 is 84 bytes (packed, 4-byte aligned), and the caller
 * passes that size: any other is -EINVAL, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/linux/fcntl.h>

#define RAMFS_MAGIC 0x858458f6
#define PROC_SUPER_MAGIC 0x9fa0
#define ST_VALID 0x0020		/* f_flags is filled in */

struct statfs64 {
	u32 f_type;
	u32 f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	int f_fsid[2];
	u32 f_namelen;
	u32 f_frsize;
	u32 f_flags;
	u32 f_spare[4];
} __attribute__((packed, aligned(4)));

_Static_assert(sizeof(struct statfs64) == 84, "i386's struct statfs64");

/* do_statfs64: the answer for the file system that holds d */
static long do_statfs64(const struct dentry *d, size_t sz, struct statfs64 __user *buf)
{
	struct statfs64 st;

	if (sz != sizeof(st))
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	st.f_bsize = st.f_frsize = PAGE_SIZE;
	st.f_namelen = NAME_MAX;
	st.f_flags = ST_VALID;
	if (in_proc(d)) {
		st.f_type = PROC_SUPER_MAGIC;
	} else {
		st.f_type = RAMFS_MAGIC;
		st.f_blocks = totalram_pages;
		st.f_bfree = st.f_bavail = nr_free_pages();
	}
	return copy_to_user(buf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(statfs64, const char __user *, pathname, size_t, sz, struct statfs64 __user *, buf)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, pathname, true, &d);

	return err ? err : do_statfs64(d, sz, buf);
}

/* fstatfs64: a pipe is on Linux's pipefs; here it counts as the RAM one */
SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, size_t, sz, struct statfs64 __user *, buf)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	return do_statfs64(f->f_dentry, sz, buf);
}
