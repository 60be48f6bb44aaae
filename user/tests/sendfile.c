/*
 * test_sendfile: sendfile64 and sendfile from a file into a pipe and into
 * another file: the bytes, the offset given (moved on, the file position
 * left alone) or the file position (moved on) when there is none, a hole
 * sent as zeros, end of file, and the errors (EBADF, EINVAL, EFAULT).
 */
#include "sys.h"

#define IN_NAME "/tmp/test_sendfile.in"
#define OUT_NAME "/tmp/test_sendfile.out"
#define SIZE 10000

static unsigned char pattern[SIZE], got[SIZE + 16];

static long sendfile64(int out, int in, loff_t *off, size_t count)
{
	return syscall(__NR_sendfile64, out, in, off, count);
}

static long pipe_read_all(int fd, size_t want)
{
	size_t total = 0;
	ssize_t n;

	while (total < want && (n = read(fd, got + total, want - total)) > 0)
		total += n;
	return total;
}

static void to_pipe(int in)
{
	int fds[2];
	loff_t off = 0;
	off_t off32;
	long n;

	pipe(fds);
	n = sendfile64(fds[1], in, &off, SIZE);
	expect_eq(n, SIZE, "sendfile64 of a 10000-byte file into a pipe sends it whole");
	expect_eq((long)off, SIZE, "and moves the offset given to 10000");
	expect_eq(lseek(in, 0, SEEK_CUR), 0, "but not the file position");
	ok(pipe_read_all(fds[0], SIZE) == SIZE && !memcmp(got, pattern, SIZE),
	   "the pipe holds the file's bytes");
	off = 4096 + 5;
	expect_eq(sendfile64(fds[1], in, &off, 100), 100, "100 bytes from offset 4101");
	ok(pipe_read_all(fds[0], 100) == 100 && !memcmp(got, pattern + 4101, 100),
	   "are the file's bytes at 4101");
	expect_eq(sendfile64(fds[1], in, &off, 0), 0, "a count of 0 sends nothing");
	off = SIZE;
	expect_eq(sendfile64(fds[1], in, &off, 100), 0, "at end of file, 0");
	off = SIZE - 10;
	expect_eq(sendfile64(fds[1], in, &off, 100), 10, "10 bytes before the end, 10");
	pipe_read_all(fds[0], 10);
	lseek(in, 200, SEEK_SET);
	expect_eq(sendfile64(fds[1], in, NULL, 50), 50, "without an offset, from the file position");
	expect_eq(lseek(in, 0, SEEK_CUR), 250, "which moves on to 250");
	ok(pipe_read_all(fds[0], 50) == 50 && !memcmp(got, pattern + 200, 50),
	   "and the bytes are those at 200");
	off = 0;
	sendfile64(fds[1], in, &off, 10);
	expect_eq(write(fds[1], "xyz", 3), 3, "a write after 10 bytes sent into the pipe");
	ok(pipe_read_all(fds[0], 13) == 13 && !memcmp(got, pattern, 10) &&
	   !memcmp(got + 10, "xyz", 3), "reads back after them");
	lseek(in, 0, SEEK_SET);
	ok(read(in, got, 16) == 16 && !memcmp(got, pattern, 16), "and the file is unchanged");
	lseek(in, 0, SEEK_SET);
	off32 = 0;
	expect_eq(syscall(__NR_sendfile, fds[1], in, &off32, 3), 3, "sendfile (32-bit offset) too");
	expect_eq(off32, 3, "moves its offset too");
	off32 = -1;
	expect_errno(syscall(__NR_sendfile, fds[1], in, &off32, 3), EINVAL,
		     "sendfile from a 32-bit offset of -1, EINVAL");
	close(fds[0]);
	close(fds[1]);
}

static void to_file(int in)
{
	int out = open(OUT_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	loff_t off = 0;

	expect_eq(ftruncate(in, 3 * 4096 + 100), 0, "the file extended with a hole");
	expect_eq(sendfile64(out, in, &off, 20000), 3 * 4096 + 100,
		  "sendfile64 into a regular file sends the whole file");
	expect_eq(lseek(out, 0, SEEK_CUR), 3 * 4096 + 100, "the output's position moves on");
	lseek(out, 0, SEEK_SET);
	memset(got, 0xee, sizeof(got));
	ok(read(out, got, SIZE) == SIZE && !memcmp(got, pattern, SIZE), "its data is the file's");
	ok(read(out, got, 16) == 16 && !got[0] && !got[15], "and the hole came as zeros");
	close(out);
	ftruncate(in, SIZE);
}

static void errors(int in)
{
	int fds[2], ro = open(IN_NAME, O_RDONLY), wo = open(IN_NAME, O_WRONLY);
	struct bad_ptr bp[NR_BAD];
	loff_t off = 0;
	int i, n;

	pipe(fds);
	expect_errno(sendfile64(fds[1], -1, &off, 10), EBADF, "from fd -1, EBADF");
	expect_errno(sendfile64(-1, in, &off, 10), EBADF, "to fd -1, EBADF");
	expect_errno(sendfile64(fds[1], wo, &off, 10), EBADF, "from a write-only file, EBADF");
	expect_errno(sendfile64(ro, in, &off, 10), EBADF, "to a read-only file, EBADF");
	off = -1;
	expect_errno(sendfile64(fds[1], in, &off, 10), EINVAL, "from offset -1, EINVAL");
	n = bad_pointers(bp, sizeof(loff_t));
	for (i = 1; i < n; i++)		/* not NULL: no offset, the file position */
		expect_errno(sendfile64(fds[1], in, bp[i].addr, 10), EFAULT,
			     "with the offset at %s, EFAULT", bp[i].name);
	close(ro);
	close(wo);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	int i, in;

	for (i = 0; i < SIZE; i++)
		pattern[i] = (unsigned char)(i * 7 + i / 253 + 1);
	mkdir("/tmp", 01777);
	in = open(IN_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (!ok(in >= 0 && write(in, pattern, SIZE) == SIZE, "a 10000-byte file"))
		return tap_done();
	lseek(in, 0, SEEK_SET);
	to_pipe(in);
	to_file(in);
	errors(in);
	close(in);
	unlink(IN_NAME);
	unlink(OUT_NAME);
	return tap_done();
}
