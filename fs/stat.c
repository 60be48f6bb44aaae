/* stat64, lstat64, fstat64, fstatat64 (Linux: fs/stat.c) with Linux i386's struct stat64. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/asm/stat.h>

static long cp_new_stat64(const struct inode *inode, struct stat64 __user *statbuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = RAMFS_DEV;
	st.st_ino = st.__st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = inode->i_nlink;
	st.st_uid = inode->i_uid;
	st.st_gid = inode->i_gid;
	st.st_rdev = inode->i_rdev;
	st.st_size = inode->i_size;
	st.st_blksize = 4096;
	st.st_blocks = (inode->i_size + 511) / 512;
	st.st_atime = st.st_mtime = st.st_ctime = inode->i_mtime;
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long do_stat(int dfd, const char __user *filename, struct stat64 __user *statbuf, bool follow)
{
	struct dentry *d;
	long err = user_path_at(dfd, filename, follow, &d);

	return err ? err : cp_new_stat64(d->d_inode, statbuf);
}

SYSCALL_DEFINE2(stat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return do_stat(AT_FDCWD, filename, statbuf, true);
}

SYSCALL_DEFINE2(lstat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return do_stat(AT_FDCWD, filename, statbuf, false);
}

SYSCALL_DEFINE4(fstatat64, int, dfd, const char __user *, filename,
		struct stat64 __user *, statbuf, int, flag)
{
	if (flag & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	return do_stat(dfd, filename, statbuf, !(flag & AT_SYMLINK_NOFOLLOW));
}

/* fstat64: a file without an inode (a pipe) reports itself as a FIFO. */
SYSCALL_DEFINE2(fstat64, unsigned long, fd, struct stat64 __user *, statbuf)
{
	struct file *f = fget(fd);
	struct inode fifo = { .i_mode = S_IFIFO | 0600, .i_nlink = 1 };

	if (!f)
		return -EBADF;
	return cp_new_stat64(f->f_inode ? f->f_inode : &fifo, statbuf);
}

/* readlink (Linux keeps it in fs/stat.c too): a link's target, not NUL-terminated. */
static long do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct dentry *d;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, false, &d);
	if (err)
		return err;
	if (!S_ISLNK(d->d_inode->i_mode))
		return -EINVAL;
	{
		char tmp[32];
		const char *target = link_target(d->d_inode, tmp, sizeof(tmp));

		len = min(bufsiz, (int)strlen(target));
		return copy_to_user(buf, target, len) ? -EFAULT : len;
	}
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(dfd, path, buf, bufsiz);
}
