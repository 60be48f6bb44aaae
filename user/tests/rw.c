/*
 * test_rw: read, write and writev with good and bad arguments.
 *
 * Where pipe() works (Linux, and yomi since it has pipes) the
 * calls go to a pipe, so the data can be read back and a bad buffer can be
 * tried with data waiting, which makes read fail at the copy rather than
 * block. Without a pipe (ENOSYS) writes go to stdout (the console) and
 * reads come from stdin, where only the ranges that reach the kernel's half
 * can be tried: access_ok rejects them before the console would wait for
 * input (Linux i386 does the same), while NULL, unmapped and straddling
 * buffers would block first; those cases are skipped.
 *
 * Writes of a straddling buffer go to a pipe or a terminal, where Linux
 * copies the whole chunk before writing anything and so fails with EFAULT;
 * to a regular file it would write the mapped part and return a short count.
 */
#include <limits.h>
#include <sys/uio.h>
#include <unistd.h>
#include "tap.h"

static int have_pipe, rd = 0, wr = 1;

static void write_tests(void)
{
	static const char msg[] = "# test_rw: hello through write\n";
	struct bad_ptr bp[NR_BAD];
	char buf[64];
	int i, n;

	expect_eq(write(wr, msg, sizeof(msg) - 1), sizeof(msg) - 1,
		  "write of %zu bytes returns %zu", sizeof(msg) - 1, sizeof(msg) - 1);
	if (have_pipe) {
		expect_eq(read(rd, buf, sizeof(buf)), sizeof(msg) - 1, "read gets them back");
		ok(!memcmp(buf, msg, sizeof(msg) - 1), "and they are the bytes written");
	}
	expect_eq(write(wr, NULL, 0), 0, "write of 0 bytes from NULL returns 0");
	expect_errno(write(-1, msg, 1), EBADF, "write to fd -1 gives EBADF");
	expect_errno(write(99, msg, 1), EBADF, "write to fd 99 (not open) gives EBADF");
	n = bad_pointers(bp, 16);
	for (i = 0; i < n; i++)
		expect_errno(write(wr, bp[i].addr, bp[i].len), EFAULT,
			     "write from %s (%#zx bytes) gives EFAULT", bp[i].name, bp[i].len);
}

static void writev_tests(void)
{
	struct iovec iov[2] = { { "# test_rw: hello ", 17 }, { "through writev\n", 15 } };
	struct iovec one;
	struct bad_ptr bp[NR_BAD];
	char buf[64];
	int i, n;

	expect_eq(writev(wr, iov, 2), 32, "writev of two buffers returns 32");
	if (have_pipe) {
		expect_eq(read(rd, buf, sizeof(buf)), 32, "read gets 32 bytes back");
		ok(!memcmp(buf, "# test_rw: hello through writev\n", 32),
		   "and they are both buffers in order");
	}
	expect_eq(writev(wr, iov, 0), 0, "writev of no buffers returns 0");
	expect_errno(writev(wr, iov, -1), EINVAL, "writev with iovcnt -1 gives EINVAL");
	expect_errno(writev(wr, iov, IOV_MAX + 1), EINVAL,
		     "writev with iovcnt IOV_MAX + 1 gives EINVAL");
	expect_errno(writev(-1, iov, 2), EBADF, "writev to fd -1 gives EBADF");

	n = bad_pointers(bp, sizeof(struct iovec));
	for (i = 0; i < n; i++)
		expect_errno(writev(wr, bp[i].addr, 1), EFAULT,
			     "writev with the iovec array at %s gives EFAULT", bp[i].name);
	n = bad_pointers(bp, 16);
	for (i = 0; i < n; i++) {
		one.iov_base = bp[i].addr;
		one.iov_len = bp[i].len;
		expect_errno(writev(wr, &one, 1), EFAULT,
			     "writev of iov_base %s (%#zx bytes) gives EFAULT",
			     bp[i].name, bp[i].len);
	}
}

static void read_tests(void)
{
	struct bad_ptr bp[NR_BAD];
	char buf[16];
	int i, n;

	expect_errno(read(-1, buf, 1), EBADF, "read from fd -1 gives EBADF");
	expect_errno(read(99, buf, 1), EBADF, "read from fd 99 (not open) gives EBADF");
	n = bad_pointers(bp, 8);
	if (have_pipe) {
		expect_eq(write(wr, "01234567", 8), 8, "8 bytes into the pipe");
		expect_eq(read(rd, NULL, 0), 0, "read of 0 bytes into NULL returns 0");
	}
	for (i = 0; i < n; i++) {
		if (!have_pipe && !bp[i].kernel) {
			skip("reading the console would block first (no pipe yet)",
			     "read into %s gives EFAULT", bp[i].name);
			continue;
		}
		expect_errno(read(rd, bp[i].addr, bp[i].len), EFAULT,
			     "read into %s (%#zx bytes) gives EFAULT", bp[i].name, bp[i].len);
	}
	if (have_pipe) {
		memset(buf, 0, sizeof(buf));
		expect_eq(read(rd, buf, sizeof(buf)), 8, "the failed reads consumed nothing");
		ok(!memcmp(buf, "01234567", 8), "and the data is intact");
	}
}

int main(void)
{
	int fds[2];

	if (pipe(fds) == 0) {
		have_pipe = 1;
		rd = fds[0];
		wr = fds[1];
		printf("# writing to and reading from a pipe\n");
	} else {
		printf("# pipe: %s; writing to stdout, reading from stdin\n", strerror(errno));
	}
	write_tests();
	writev_tests();
	read_tests();
	printf("# still running after all of the above\n");
	return tap_done();
}
