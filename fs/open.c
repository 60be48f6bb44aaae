/*
 * Opening and closing files, and the calls about the current directory,
 * permissions and sizes (Linux: fs/open.c). yomi runs everything as root,
 * so access checks only look at whether any execute bit is set for X_OK.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/uaccess.h>

/* dentry_open: an open file for d, with the operations its type needs. */
struct file *dentry_open(struct dentry *d, unsigned int flags, int *err)
{
	struct inode *inode = d->d_inode;
	const struct file_operations *fop;
	struct file *f;

	if (inode->i_fop)
		fop = inode->i_fop;	/* /proc files bring their own */
	else if (S_ISDIR(inode->i_mode))
		fop = &ramfs_dir_fops;
	else if (S_ISCHR(inode->i_mode))
		fop = &def_chr_fops;	/* chrdev_open finds the driver's */
	else
		fop = &ramfs_file_fops;
	if (!fop) {
		*err = -ENXIO;
		return NULL;
	}
	f = file_alloc(inode, fop, flags);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->f_dentry = dget(d);
	if (fop->open) {
		*err = fop->open(inode, f);
		if (*err) {
			fput(f);
			return NULL;
		}
	}
	return f;
}

static long do_sys_open(int dfd, const char __user *filename, int flags, unsigned int mode)
{
	struct dentry *start, *d;
	struct file *f;
	char *name;
	int err = 0, fd;

	fd = get_unused_fd(0);		/* first, as Linux: no file is made for EMFILE */
	if (fd < 0)
		return fd;
	name = getname(filename, &err);
	if (!name)
		return err;
	start = start_dir_fd(dfd, name, &err);
	d = start ? path_lookupat(start, name, !(flags & O_NOFOLLOW), &err) : NULL;
	if (d && (flags & O_CREAT) && (flags & O_EXCL))
		err = -EEXIST;
	else if (!d && err == -ENOENT && (flags & O_CREAT)) {
		err = 0;
		unsigned int m = S_IFREG | (mode & 07777 & ~current->fs->umask);

		d = flags & (O_EXCL | O_NOFOLLOW) ? path_createat(start, name, m, &err) :
						      path_create_follow(start, name, m, &err);
	}
	kfree(name);
	if (!d || err)
		return err ? err : -ENOENT;
	if (S_ISLNK(d->d_inode->i_mode))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(d->d_inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(d->d_inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
		return -EISDIR;
	if ((flags & O_TRUNC) && S_ISREG(d->d_inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
		ramfs_truncate(d->d_inode, 0);
	f = dentry_open(d, flags, &err);
	if (!f)
		return err;
	fd_install(fd, f);
	set_close_on_exec(fd, flags & O_CLOEXEC);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, unsigned int, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, unsigned int, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, unsigned int, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, filename, true, &d);

	if (err)
		return err;
	if (!S_ISDIR(d->d_inode->i_mode))
		return -ENOTDIR;
	set_fs_pwd(current->fs, d);
	return 0;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);

	if (!f || !f->f_dentry)
		return -EBADF;
	if (!S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	set_fs_pwd(current->fs, f->f_dentry);
	return 0;
}

/* getcwd: the path's length including the NUL, as Linux returns it. */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int len;

	if (!path)
		return -ENOMEM;
	if (current->fs->pwd && current->fs->pwd->d_unhashed)
		len = -ENOENT;		/* the current directory was removed */
	else
		len = d_path(current->fs->pwd ? current->fs->pwd : root_dentry, path, PATH_MAX);
	if (len >= 0 && (unsigned long)len + 1 > size)
		len = -ERANGE;
	if (len >= 0 && copy_to_user(buf, path, len + 1))
		len = -EFAULT;
	kfree(path);
	return len < 0 ? len : len + 1;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}

static long do_faccessat(int dfd, const char __user *filename, int mode)
{
	struct dentry *d;
	long err;

	if (mode & ~7)
		return -EINVAL;
	err = user_path_at(dfd, filename, true, &d);
	if (err)
		return err;
	if ((mode & 1) && !S_ISDIR(d->d_inode->i_mode) && !(d->d_inode->i_mode & 0111))
		return -EACCES;
	return 0;
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, path, true, &d);

	if (err)
		return err;
	if (S_ISDIR(d->d_inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(d->d_inode->i_mode))
		return -EINVAL;
	return ramfs_truncate(d->d_inode, length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!S_ISREG(f->f_inode ? f->f_inode->i_mode : 0) || (f->f_flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	return ramfs_truncate(f->f_inode, length);
}

/* chmod / fchmod: the permission bits (everyone is root, so always allowed). */
static long set_mode(struct inode *inode, unsigned int mode)
{
	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & 07777);
	return 0;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, unsigned int, mode)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, filename, true, &d);

	return err ? err : set_mode(d->d_inode, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, unsigned int, mode)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	return f->f_inode ? set_mode(f->f_inode, mode) : 0;
}

/*
 * utimensat: set a file's modification time (ramfs keeps one time for
 * all three). NULL times means now; UTIME_NOW/UTIME_OMIT are honoured.
 */
SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct timespec __user *, utimes, int, flags)
{
	struct timespec t[2];
	struct dentry *d;
	long err;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (utimes && copy_from_user(t, utimes, sizeof(t)))
		return -EFAULT;
	if (!filename) {	/* Linux: futimens on dfd */
		struct file *f = fget(dfd);

		if (!f || !f->f_dentry)
			return -EBADF;
		d = f->f_dentry;
	} else {
		err = user_path_at(dfd, filename, !(flags & AT_SYMLINK_NOFOLLOW), &d);
		if (err)
			return err;
	}
	if (!utimes || t[1].tv_nsec == UTIME_NOW)
		d->d_inode->i_mtime = (unsigned long)(ktime_get_real_ns() / NSEC_PER_SEC);
	else if (t[1].tv_nsec != UTIME_OMIT)
		d->d_inode->i_mtime = t[1].tv_sec;
	return 0;
}
