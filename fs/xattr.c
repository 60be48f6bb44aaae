/*
 * Extended attributes (Linux: fs/xattr.c). yomi's RAM file system keeps
 * none, like Linux's ramfs: once the file is found, getting, setting or
 * removing one is -EOPNOTSUPP and the list is empty. That answer matters:
 * ls -l asks every file for its ACL and SELinux label, and takes
 * EOPNOTSUPP as "none", where -ENOSYS made it print an error per file.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/linux/fcntl.h>

/* the calls keep Linux's argument lists, most of which there is no use for */
#pragma GCC diagnostic ignored "-Wunused-parameter"

/* path_ok/fd_ok: the file the call names exists (else its error) */
static long path_ok(const char __user *pathname, bool follow)
{
	struct dentry *d;

	return user_path_at(AT_FDCWD, pathname, follow, &d);
}

static long fd_ok(int fd)
{
	return fget(fd) ? 0 : -EBADF;
}

/* no_xattr: the answer once the file is found */
static long no_xattr(long err)
{
	return err ? err : -EOPNOTSUPP;
}

SYSCALL_DEFINE4(getxattr, const char __user *, pathname, const char __user *, name,
		void __user *, value, size_t, size)
{
	return no_xattr(path_ok(pathname, true));
}

SYSCALL_DEFINE4(lgetxattr, const char __user *, pathname, const char __user *, name,
		void __user *, value, size_t, size)
{
	return no_xattr(path_ok(pathname, false));
}

SYSCALL_DEFINE4(fgetxattr, int, fd, const char __user *, name, void __user *, value, size_t, size)
{
	return no_xattr(fd_ok(fd));
}

SYSCALL_DEFINE5(setxattr, const char __user *, pathname, const char __user *, name,
		const void __user *, value, size_t, size, int, flags)
{
	return no_xattr(path_ok(pathname, true));
}

SYSCALL_DEFINE5(lsetxattr, const char __user *, pathname, const char __user *, name,
		const void __user *, value, size_t, size, int, flags)
{
	return no_xattr(path_ok(pathname, false));
}

SYSCALL_DEFINE5(fsetxattr, int, fd, const char __user *, name, const void __user *, value,
		size_t, size, int, flags)
{
	return no_xattr(fd_ok(fd));
}

/* listxattr: the names, NUL-separated: none, so 0 bytes */
SYSCALL_DEFINE3(listxattr, const char __user *, pathname, char __user *, list, size_t, size)
{
	return path_ok(pathname, true);
}

SYSCALL_DEFINE3(llistxattr, const char __user *, pathname, char __user *, list, size_t, size)
{
	return path_ok(pathname, false);
}

SYSCALL_DEFINE3(flistxattr, int, fd, char __user *, list, size_t, size)
{
	return fd_ok(fd);
}

SYSCALL_DEFINE2(removexattr, const char __user *, pathname, const char __user *, name)
{
	return no_xattr(path_ok(pathname, true));
}

SYSCALL_DEFINE2(lremovexattr, const char __user *, pathname, const char __user *, name)
{
	return no_xattr(path_ok(pathname, false));
}

SYSCALL_DEFINE2(fremovexattr, int, fd, const char __user *, name)
{
	return no_xattr(fd_ok(fd));
}
