/*
 * test_statx: the stat calls a current C library and ld.so make. statx
 * (383) answers as stat64 does, for a path or, with AT_EMPTY_PATH and "",
 * for the descriptor itself; fstatat64(fd, "", buf, AT_EMPTY_PATH) is an
 * fstat (ld.so's way to look at an open library); bad flags, masks and
 * buffers give Linux's errors. /proc/self/exe names the running program.
 */
#include <linux/stat.h>
#include "sys.h"

#define FILE_PATH "/tmp/test_statx"

static int sys_statx(int dfd, const char *path, int flags, unsigned int mask, struct statx *b)
{
	return syscall(__NR_statx, dfd, path, flags, mask, b);
}

static int sys_fstatat64(int dfd, const char *path, struct stat *st, int flags)
{
	return syscall(__NR_fstatat64, dfd, path, st, flags);
}

/* same_file: statx says what stat64 says */
static int same_file(const struct statx *x, const struct stat *st)
{
	return x->stx_ino == st->st_ino && x->stx_mode == st->st_mode &&
	       x->stx_size == (unsigned long long)st->st_size && x->stx_nlink == st->st_nlink &&
	       x->stx_blocks == (unsigned long long)st->st_blocks &&
	       x->stx_mtime.tv_sec == st->st_mtime &&
	       ((x->stx_dev_major << 8) | x->stx_dev_minor) == st->st_dev;
}

static void test_statx(int fd)
{
	struct statx x;
	struct stat st;

	sys_stat64(FILE_PATH, &st);
	memset(&x, 0xff, sizeof(x));
	expect_eq(sys_statx(AT_FDCWD, FILE_PATH, 0, STATX_BASIC_STATS, &x), 0, "statx of a path");
	expect_eq(x.stx_mask & STATX_BASIC_STATS, STATX_BASIC_STATS, "fills the basic fields");
	ok(same_file(&x, &st), "which say what stat64 says");
	expect_eq(x.stx_size, 5, "the size is 5");
	memset(&x, 0xff, sizeof(x));
	expect_eq(sys_statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &x), 0,
		  "statx(fd, \"\", AT_EMPTY_PATH)");
	ok(same_file(&x, &st), "is the open file's");
	expect_errno(sys_statx(fd, "", 0, STATX_BASIC_STATS, &x), ENOENT,
		     "\"\" without AT_EMPTY_PATH: ENOENT");
	expect_errno(sys_statx(AT_FDCWD, FILE_PATH, 0x4, STATX_BASIC_STATS, &x), EINVAL,
		     "an unknown flag: EINVAL");
	expect_errno(sys_statx(AT_FDCWD, FILE_PATH, AT_STATX_SYNC_TYPE, STATX_BASIC_STATS, &x),
		     EINVAL, "both sync bits: EINVAL");
	expect_errno(sys_statx(AT_FDCWD, FILE_PATH, 0, STATX__RESERVED, &x), EINVAL,
		     "the reserved mask bit: EINVAL");
	expect_errno(sys_statx(AT_FDCWD, FILE_PATH, 0, STATX_BASIC_STATS, (void *)0xc0000000),
		     EFAULT, "a buffer in the kernel: EFAULT");
	expect_errno(sys_statx(AT_FDCWD, (void *)0xc0000000, AT_EMPTY_PATH, STATX_BASIC_STATS, &x),
		     EFAULT, "a path in the kernel with AT_EMPTY_PATH: EFAULT");
	expect_errno(sys_statx(99, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &x), EBADF,
		     "AT_EMPTY_PATH on a closed descriptor: EBADF");
}

static void test_fstatat(int fd)
{
	struct stat a, b;
	int p[2];

	sys_fstat64(fd, &a);
	memset(&b, 0xff, sizeof(b));
	expect_eq(sys_fstatat64(fd, "", &b, AT_EMPTY_PATH), 0, "fstatat64(fd, \"\", AT_EMPTY_PATH)");
	ok(a.st_ino == b.st_ino && a.st_size == b.st_size && a.st_mode == b.st_mode,
	   "is fstat64(fd)");
	expect_errno(sys_fstatat64(fd, "", &b, 0), ENOENT, "without AT_EMPTY_PATH: ENOENT");
	sys_stat64(".", &a);
	expect_eq(sys_fstatat64(AT_FDCWD, "", &b, AT_EMPTY_PATH), 0,
		  "fstatat64(AT_FDCWD, \"\", AT_EMPTY_PATH)");
	expect_eq(b.st_ino, a.st_ino, "is the current directory");
	pipe(p);
	expect_eq(sys_fstatat64(p[0], "", &b, AT_EMPTY_PATH), 0, "on a pipe");
	ok(S_ISFIFO(b.st_mode), "which is a FIFO");
	close(p[0]);
	close(p[1]);
	expect_errno(sys_fstatat64(fd, "", &b, 0x4), EINVAL, "an unknown flag: EINVAL");
}

static void test_proc_exe(const char *self)
{
	char buf[256];
	struct stat a, b;
	int n = sys_readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	buf[n > 0 ? n : 0] = '\0';
	ok(n > 0 && !strcmp(buf, self), "/proc/self/exe is %s", self);
	if (n <= 0 || strcmp(buf, self))
		printf("#   readlink gave %d, \"%s\"\n", n, buf);
	sys_stat64(self, &a);
	expect_eq(sys_stat64("/proc/self/exe", &b), 0, "stat follows /proc/self/exe");
	expect_eq(b.st_ino, a.st_ino, "to the program's file");
}

int main(int argc, char **argv)
{
	int fd;

	(void)argc;
	sys_mkdir("/tmp", 01777);
	fd = sys_open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "hello", 5);
	test_statx(fd);
	test_fstatat(fd);
	close(fd);
	test_proc_exe(argv[0]);
	sys_unlink(FILE_PATH);
	return tap_done();
}
