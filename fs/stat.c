/*
 * stat64, lstat64, fstat64, fstatat64 and statx (Linux: fs/stat.c), with
 * Linux i386's struct stat64 and Linux 4.11's struct statx. Linux fills a
 * struct kstat from the file system first; yomi has one file system, so
 * both answers are copied straight from the inode.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/asm/stat.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

/* inode_blocks: 512-byte blocks of data; a directory's size (BOGO_DIRENT_SIZE
 * a name) and a symbolic link's target hold none, as on Linux's tmpfs */
static u64 inode_blocks(const struct inode *inode)
{
	return S_ISREG(inode->i_mode) ? (inode->i_size + 511) / 512 : 0;
}

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
	st.st_blocks = inode_blocks(inode);
	st.st_atime = st.st_mtime = st.st_ctime = inode->i_mtime;
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* fd_inode: the inode of open file fd; a pipe has none, and fifo stands
 * in for it */
static long fd_inode(unsigned int fd, struct inode *fifo, struct inode **inode)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	memset(fifo, 0, sizeof(*fifo));
	fifo->i_mode = S_IFIFO | 0600;
	fifo->i_nlink = 1;
	*inode = f->f_inode ? f->f_inode : fifo;
	return 0;
}

/*
 * vfs_statx: the inode a stat call asks about: filename's, relative to
 * dfd (its last link followed unless AT_SYMLINK_NOFOLLOW), or with
 * AT_EMPTY_PATH and an empty name dfd's own - which is how glibc's fstat
 * and ld.so's look at an open library: fstatat64(fd, "", buf,
 * AT_EMPTY_PATH). scratch holds a pipe's stand-in inode.
 */
static long vfs_statx(int dfd, const char __user *filename, int flags, struct inode *scratch,
		      struct inode **inode)
{
	struct dentry *d;
	long err;
	char c;

	if (flags & AT_EMPTY_PATH) {
		if (get_user(c, filename))
			return -EFAULT;
		if (!c && dfd == AT_FDCWD)
			*inode = (current->fs->pwd ? current->fs->pwd : root_dentry)->d_inode;
		if (!c)
			return dfd == AT_FDCWD ? 0 : fd_inode(dfd, scratch, inode);
	}
	err = user_path_at(dfd, filename, !(flags & AT_SYMLINK_NOFOLLOW), &d);
	if (!err)
		*inode = d->d_inode;
	return err;
}

static long do_stat(int dfd, const char __user *filename, struct stat64 __user *statbuf, int flags)
{
	struct inode scratch, *inode;
	long err = vfs_statx(dfd, filename, flags, &scratch, &inode);

	return err ? err : cp_new_stat64(inode, statbuf);
}

SYSCALL_DEFINE2(stat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return do_stat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return do_stat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(fstatat64, int, dfd, const char __user *, filename,
		struct stat64 __user *, statbuf, int, flag)
{
	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	return do_stat(dfd, filename, statbuf, flag);
}

/* fstat64: a file without an inode (a pipe) reports itself as a FIFO. */
SYSCALL_DEFINE2(fstat64, unsigned long, fd, struct stat64 __user *, statbuf)
{
	struct inode fifo, *inode;
	long err = fd_inode(fd, &fifo, &inode);

	return err ? err : cp_new_stat64(inode, statbuf);
}

/* cp_statx: struct statx from the inode: the basic fields, whatever mask
 * asked (Linux may fill more than asked, and does the same for these) */
static long cp_statx(const struct inode *inode, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = STATX_BASIC_STATS;
	tmp.stx_blksize = 4096;
	tmp.stx_nlink = inode->i_nlink;
	tmp.stx_uid = inode->i_uid;
	tmp.stx_gid = inode->i_gid;
	tmp.stx_mode = inode->i_mode;
	tmp.stx_ino = inode->i_ino;
	tmp.stx_size = inode->i_size;
	tmp.stx_blocks = inode_blocks(inode);
	tmp.stx_atime.tv_sec = tmp.stx_ctime.tv_sec = tmp.stx_mtime.tv_sec = inode->i_mtime;
	tmp.stx_rdev_major = MAJOR(inode->i_rdev);
	tmp.stx_rdev_minor = MINOR(inode->i_rdev);
	tmp.stx_dev_major = MAJOR(RAMFS_DEV);
	tmp.stx_dev_minor = MINOR(RAMFS_DEV);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* statx (383): fstatat's successor, the first stat call glibc 2.36 tries */
SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct inode scratch, *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = vfs_statx(dfd, filename, flags, &scratch, &inode);
	return err ? err : cp_statx(inode, buffer);
}

/* readlink (Linux keeps it in fs/stat.c too): a link's target, not NUL-terminated. */
static long do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct dentry *d;
	const char *target;
	char *tmp;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, false, &d);
	if (err)
		return err;
	if (!S_ISLNK(d->d_inode->i_mode))
		return -EINVAL;
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	target = link_target(d->d_inode, tmp, PATH_MAX);
	len = min(bufsiz, (int)strlen(target));
	err = copy_to_user(buf, target, len) ? -EFAULT : len;
	kfree(tmp);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(dfd, path, buf, bufsiz);
}
