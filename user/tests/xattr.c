/*
 * test_xattr: the extended attribute calls exist (ls -l asks every file
 * for its ACL and SELinux label, and prints an error for ENOSYS): a file
 * without attributes answers "no such attribute" - ENODATA on Linux's
 * tmpfs, EOPNOTSUPP on a ramfs such as yomi's - and lists none; a missing
 * file is ENOENT, a closed descriptor EBADF.
 */
#include "sys.h"

static int no_attribute(long r)
{
	return r == -1 && (errno == ENODATA || errno == EOPNOTSUPP);
}

int main(void)
{
	const char *self = "/bin/test_xattr", *acl = "system.posix_acl_access";
	char buf[64];
	int fd = sys_open(self, O_RDONLY, 0);

	ok(no_attribute(syscall(__NR_getxattr, self, acl, buf, sizeof(buf))),
	   "getxattr(ACL): no such attribute");
	ok(no_attribute(syscall(__NR_lgetxattr, self, "security.selinux", buf, sizeof(buf))),
	   "lgetxattr(security.selinux): no such attribute");
	ok(no_attribute(syscall(__NR_fgetxattr, fd, acl, buf, sizeof(buf))),
	   "fgetxattr(ACL): no such attribute");
	expect_eq(syscall(__NR_llistxattr, self, buf, sizeof(buf)), 0, "llistxattr: none");
	expect_eq(syscall(__NR_flistxattr, fd, buf, sizeof(buf)), 0, "flistxattr: none");
	expect_errno(syscall(__NR_getxattr, "/nonexistent", acl, buf, sizeof(buf)), ENOENT,
		     "a missing file: ENOENT");
	expect_errno(syscall(__NR_fgetxattr, 99, acl, buf, sizeof(buf)), EBADF,
		     "a closed descriptor: EBADF");
	close(fd);
	return tap_done();
}
