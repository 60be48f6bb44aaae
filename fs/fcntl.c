/* dup, dup2, dup3, fcntl and ioctl (Linux: fs/fcntl.c, fs/file.c, fs/ioctl.c).
 * fcntl's pipe commands are fs/pipe.c's pipe_fcntl. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* dupfd: a new descriptor >= from for f. */
static long dupfd(struct file *f, int from, bool cloexec)
{
	int fd = get_unused_fd(from);

	if (fd < 0)
		return fd;
	f->f_count++;
	fd_install(fd, f);
	set_close_on_exec(fd, cloexec);
	return fd;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *f = fget(fildes);

	return f ? dupfd(f, 0, false) : -EBADF;
}

static long do_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f = fget(oldfd);

	if (!f)
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	return replace_fd(newfd, f, flags & O_CLOEXEC);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? (long)newfd : -EBADF;
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= current->rlim[RLIMIT_NOFILE].rlim_cur)
			return -EINVAL;
		return dupfd(f, arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return close_on_exec(fd);
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:	/* only O_APPEND and O_NONBLOCK may change */
		f->f_flags = (f->f_flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
		return 0;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	}
	return -EINVAL;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return do_fcntl(fd, cmd, arg);
}

SYSCALL_DEFINE3(fcntl64, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return do_fcntl(fd, cmd, arg);
}

/* ioctl: the file's own operation; -ENOTTY for files that have none. */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}
