/*
 * test_attrs: chmod, fchmod, link and utimensat (fs/open.c, fs/namei.c),
 * with their bad-input cases: a bad path pointer gives EFAULT, a missing
 * file ENOENT, link to a directory EPERM, onto an existing name EEXIST,
 * utimensat with unknown flags EINVAL.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tap.h"
#include "sys.h"

#define DIR "/tmp/test_attrs"
#define FILE DIR "/f"
#define LINK DIR "/g"

static int raw(long nr, long a, long b, long c, long d)
{
	return syscall(nr, a, b, c, d);
}

static unsigned int mode_of(const char *path)
{
	struct stat st;

	return sys_stat64(path, &st) ? 0 : st.st_mode & 07777;
}

int main(void)
{
	struct stat st;
	long times[4] = { 0, 0, 1000000, 0 };	/* atime, mtime = 1000000 s */
	int fd;

	sys_mkdir("/tmp", 01777);
	sys_mkdir(DIR, 0755);
	fd = sys_open(FILE, O_CREAT | O_RDWR | O_TRUNC, 0644);
	ok(fd >= 0, "create %s", FILE);

	expect_eq(raw(__NR_chmod, (long)FILE, 0600, 0, 0), 0, "chmod 0600");
	expect_eq(mode_of(FILE), 0600, "stat shows 0600");
	expect_eq(raw(__NR_fchmod, fd, 0751, 0, 0), 0, "fchmod 0751");
	expect_eq(mode_of(FILE), 0751, "stat shows 0751");
	expect_errno(syscall(__NR_chmod, NULL, 0600), EFAULT, "chmod(NULL) gives EFAULT");
	expect_errno(syscall(__NR_chmod, DIR "/missing", 0600), ENOENT, "chmod of a missing file");
	expect_errno(syscall(__NR_fchmod, 999, 0600), EBADF, "fchmod of a bad descriptor");

	expect_eq(raw(__NR_link, (long)FILE, (long)LINK, 0, 0), 0, "link a second name");
	ok(!sys_stat64(FILE, &st) && st.st_nlink == 2, "nlink is 2");
	expect_errno(syscall(__NR_link, FILE, LINK), EEXIST, "link onto an existing name");
	expect_errno(syscall(__NR_link, DIR, DIR "/d"), EPERM, "link to a directory");
	expect_errno(syscall(__NR_link, NULL, LINK), EFAULT, "link from NULL");
	expect_errno(syscall(__NR_link, FILE, NULL), EFAULT, "link to NULL");
	expect_eq(sys_unlink(FILE), 0, "unlink the first name");
	ok(!sys_stat64(LINK, &st) && st.st_nlink == 1, "the second name keeps the file");

	expect_eq(raw(__NR_utimensat, AT_FDCWD, (long)LINK, (long)times, 0), 0,
		  "utimensat sets the time");
	ok(!sys_stat64(LINK, &st) && st.st_mtime == 1000000, "stat shows mtime 1000000");
	expect_errno(syscall(__NR_utimensat, AT_FDCWD, LINK, times, 0x8000), EINVAL,
		     "utimensat with an unknown flag");
	expect_errno(syscall(__NR_utimensat, AT_FDCWD, LINK, (void *)0x10000000, 0), EFAULT,
		     "utimensat with a bad times pointer");

	close(fd);
	sys_unlink(LINK);
	expect_eq(sys_rmdir(DIR), 0, "the scratch directory is left empty");
	return tap_done();
}
