/*
 * test_statfs: statfs64 and fstatfs64 with i386's 84-byte struct statfs64:
 * /proc reports PROC_SUPER_MAGIC, the root a 4096-byte block size and
 * 255-byte names; a wrong size is EINVAL, a missing path ENOENT, a closed
 * descriptor EBADF, a bad buffer EFAULT. fadvise64_64 takes the advice
 * Linux knows and refuses the rest (EINVAL), pipes (ESPIPE) and closed
 * descriptors (EBADF).
 */
#include "sys.h"

struct statfs64 {
	uint32_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

static long statfs64(const char *path, size_t sz, struct statfs64 *buf)
{
	return syscall(__NR_statfs64, path, sz, buf);
}

static long fstatfs64(int fd, size_t sz, struct statfs64 *buf)
{
	return syscall(__NR_fstatfs64, fd, sz, buf);
}

/* fadvise64_64(fd, offset, len, advice), the 64-bit values in halves */
static long fadvise(int fd, long long off, long long len, int advice)
{
	return syscall(__NR_fadvise64_64, fd, (long)off, (long)(off >> 32), (long)len,
		       (long)(len >> 32), advice);
}

int main(void)
{
	struct statfs64 st;
	int fd = sys_open("/bin/test_statfs", O_RDONLY, 0), p[2];

	expect_eq(sizeof(st), 84, "struct statfs64 is 84 bytes");
	expect_eq(statfs64("/proc", sizeof(st), &st), 0, "statfs64(/proc)");
	expect_eq(st.f_type, 0x9fa0, "is PROC_SUPER_MAGIC");
	expect_eq(statfs64("/proc/self/maps", sizeof(st), &st), 0, "statfs64(/proc/self/maps)");
	expect_eq(st.f_type, 0x9fa0, "is on proc too");
	expect_eq(statfs64("/", sizeof(st), &st), 0, "statfs64(/)");
	ok(st.f_bsize == 4096 && st.f_namelen == 255, "4096-byte blocks, 255-byte names");
	expect_eq(fstatfs64(fd, sizeof(st), &st), 0, "fstatfs64 of an open program");
	ok(st.f_bsize == 4096 && st.f_type != 0x9fa0, "is on the root file system");
	expect_errno(statfs64("/", 64, &st), EINVAL, "a size of 64: EINVAL");
	expect_errno(statfs64("/nonexistent", sizeof(st), &st), ENOENT, "a missing path: ENOENT");
	expect_errno(fstatfs64(99, sizeof(st), &st), EBADF, "a closed descriptor: EBADF");
	expect_errno(statfs64("/", sizeof(st), (void *)0xc0000000), EFAULT,
		     "a kernel buffer: EFAULT");

	expect_eq(fadvise(fd, 0, 0, 2), 0, "fadvise64_64(SEQUENTIAL)");
	expect_eq(fadvise(fd, 1LL << 33, 4096, 4), 0, "fadvise64_64(DONTNEED) past 4 GiB");
	expect_errno(fadvise(fd, 0, 0, 6), EINVAL, "unknown advice: EINVAL");
	expect_errno(fadvise(fd, 0, -1, 0), EINVAL, "a negative length: EINVAL");
	expect_errno(fadvise(99, 0, 0, 0), EBADF, "a closed descriptor: EBADF");
	pipe(p);
	expect_errno(fadvise(p[0], 0, 0, 0), ESPIPE, "a pipe: ESPIPE");
	return tap_done();
}
