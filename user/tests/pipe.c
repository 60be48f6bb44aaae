/*
 * test_pipe: pipes between processes. Data from a child to its parent,
 * EOF once every writer has closed, a reader that blocks until a later
 * write wakes it, a write larger than the pipe's buffer (64 KiB on Linux)
 * completing as the reader drains it, EPIPE (with SIGPIPE ignored) and
 * death by SIGPIPE when no reader is left (also for a writer already
 * blocked), O_NONBLOCK and the capacity (64 KiB on Linux), pipe2 flags,
 * the wrong ends, and EFAULT. Then the ring of pages: F_GETPIPE_SZ and
 * F_SETPIPE_SZ (rounding, EBUSY, EINVAL, EBADF), a pipe's room counted in
 * pages rather than bytes, and a small write that fits only in part
 * refused whole (PIPE_BUF atomicity).
 */
#include "sys.h"

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

static void child_to_parent(void)
{
	int fds[2], status, n;
	char buf[32];
	pid_t pid;

	ok(pipe(fds) == 0 && fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1],
	   "pipe creates two descriptors");
	pid = sys_fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], "through the pipe", 16) == 16 ? 0 : 1);
	}
	close(fds[1]);
	memset(buf, 0, sizeof(buf));
	n = read(fds[0], buf, sizeof(buf));
	expect_eq(n, 16, "the parent reads the child's 16 bytes");
	ok(!strcmp(buf, "through the pipe"), "and they are the bytes written");
	status = wait_for(pid);
	expect_exit(status, 0, "the writer");
	expect_eq(read(fds[0], buf, sizeof(buf)), 0, "read returns 0 (EOF) once the writer is gone");
	close(fds[0]);
}

static void eof_needs_every_writer(void)
{
	int fds[2], extra, status;
	char c;
	pid_t pid;

	pipe(fds);
	extra = dup(fds[1]);
	pid = sys_fork();
	if (pid == 0) {
		/* holds both write ends for 100 ms, then closes them by exiting */
		close(fds[0]);
		sleep_ms(100);
		_exit(0);
	}
	close(fds[1]);
	close(extra);
	expect_eq(read(fds[0], &c, 1), 0, "EOF arrives when the last writer (a child) exits");
	status = wait_for(pid);
	expect_exit(status, 0, "that child");
	close(fds[0]);
}

static void blocking_read(void)
{
	int fds[2], n;
	long long start, waited;
	char buf[8];
	pid_t pid;

	pipe(fds);
	pid = sys_fork();
	if (pid == 0) {
		close(fds[0]);
		sleep_ms(200);
		write(fds[1], "late", 4);
		_exit(0);
	}
	close(fds[1]);
	start = now_ms();
	memset(buf, 0, sizeof(buf));
	n = read(fds[0], buf, sizeof(buf));
	waited = now_ms() - start;
	expect_eq(n, 4, "a read of an empty pipe returns the 4 bytes written later");
	ok(!strcmp(buf, "late"), "the right ones");
	ok(waited >= 150, "the read blocked until the write (%lld ms)", waited);
	wait_for(pid);
	close(fds[0]);
}

static void big_write(void)
{
	enum { SIZE = 256 * 1024 };
	static unsigned char buf[SIZE];
	int fds[2], i, status;
	ssize_t n;
	pid_t pid;

	for (i = 0; i < SIZE; i++)
		buf[i] = (unsigned char)(i * 7 + i / 251);
	pipe(fds);
	pid = sys_fork();
	if (pid == 0) {
		/* the reader: takes everything in small pieces, checks it */
		static unsigned char got[SIZE];
		size_t total = 0;

		close(fds[1]);
		sleep_ms(50);	/* let the writer fill the pipe first */
		while ((n = read(fds[0], got + total, total + 1000 <= SIZE ? 1000 : SIZE - total)) > 0)
			total += n;
		_exit(total != SIZE ? 1 : memcmp(got, buf, SIZE) ? 2 : 0);
	}
	close(fds[0]);
	n = write(fds[1], buf, SIZE);
	expect_eq(n, SIZE, "one write of 256 KiB returns 256 KiB once the reader drains it");
	close(fds[1]);
	status = wait_for(pid);
	expect_exit(status, 0, "the reader got all 256 KiB intact, in order,");
}

static int write_to_dead_pipe(void *arg)
{
	int fds[2];

	if (arg)
		sys_signal(SIGPIPE, SIG_IGN);
	pipe(fds);
	close(fds[0]);
	if (write(fds[1], "x", 1) != -1)
		return 100;
	return errno;
}

static void no_reader(void)
{
	int status;

	status = in_child(write_to_dead_pipe, (void *)1);
	expect_exit(status, EPIPE, "a write with no reader, SIGPIPE ignored, fails with EPIPE");
	status = in_child(write_to_dead_pipe, NULL);
	expect_killed(status, SIGPIPE, "a write with no reader, SIGPIPE by default");
}

/* a writer blocked on a full pipe is woken when the last reader goes */
static int blocked_writer(void *arg)
{
	static char big[256 * 1024];
	int *fds = arg;

	close(fds[0]);
	write(fds[1], big, sizeof(big));	/* blocks, then SIGPIPE */
	return 100;
}

static void reader_leaves(void)
{
	int fds[2], status;
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = sys_fork();
	if (pid == 0)
		_exit(blocked_writer(fds));
	close(fds[1]);
	sleep_ms(100);
	close(fds[0]);		/* the last reader */
	status = wait_timeout(pid, 5000);
	expect_killed(status, SIGPIPE, "a writer blocked on a full pipe whose reader goes away");
}

static void nonblocking(void)
{
	static char chunk[512];
	int fds[2], total = 0, n;
	char c;

	expect_eq(sys_pipe2(fds, O_NONBLOCK), 0, "pipe2(O_NONBLOCK)");
	ok((sys_fcntl(fds[0], F_GETFL, 0) & O_NONBLOCK) && (sys_fcntl(fds[1], F_GETFL, 0) & O_NONBLOCK),
	   "F_GETFL shows O_NONBLOCK on both ends");
	expect_errno(read(fds[0], &c, 1), EAGAIN, "a read of an empty pipe gives EAGAIN");
	while ((n = write(fds[1], chunk, sizeof(chunk))) > 0 && total < 1024 * 1024)
		total += n;
	ok(n == -1 && errno == EAGAIN && total >= 4096,
	   "writes fill the pipe until EAGAIN (after %d bytes)", total);
	expect_eq(total, 65536, "the pipe holds 64 KiB (Linux's default capacity)");
	expect_errno(write(fds[1], "x", 1), EAGAIN, "then a 1-byte write gives EAGAIN");
	for (n = 0; n < 8; n++)
		read(fds[0], chunk, sizeof(chunk));
	expect_eq(write(fds[1], "x", 1), 1, "after a 4 KiB read a 1-byte write fits");
	close(fds[1]);
	while (read(fds[0], chunk, sizeof(chunk)) > 0)
		;
	expect_eq(read(fds[0], &c, 1), 0, "with the writer gone, an empty pipe reads 0, not EAGAIN");
	close(fds[0]);
}

static void flags_and_errors(void)
{
	struct bad_ptr bp[NR_BAD];
	struct stat st;
	int fds[2], i, n, lowest;
	char c;

	lowest = dup(0);
	close(lowest);
	expect_eq(sys_pipe2(fds, O_CLOEXEC), 0, "pipe2(O_CLOEXEC)");
	expect_eq(sys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC, "the read end is close-on-exec");
	expect_eq(sys_fcntl(fds[1], F_GETFD, 0), FD_CLOEXEC, "the write end is close-on-exec");
	close(fds[0]);
	close(fds[1]);
	expect_eq(sys_pipe2(fds, 0), 0, "pipe2(0)");
	expect_eq(sys_fcntl(fds[0], F_GETFD, 0) | sys_fcntl(fds[1], F_GETFD, 0), 0,
		  "gives ends without FD_CLOEXEC");
	expect_eq(sys_fcntl(fds[0], F_GETFL, 0) & O_ACCMODE, O_RDONLY, "the read end is O_RDONLY");
	expect_eq(sys_fcntl(fds[1], F_GETFL, 0) & O_ACCMODE, O_WRONLY, "the write end is O_WRONLY");
	expect_errno(write(fds[0], "x", 1), EBADF, "writing the read end gives EBADF");
	expect_errno(read(fds[1], &c, 1), EBADF, "reading the write end gives EBADF");
	expect_eq(sys_fstat64(fds[0], &st), 0, "fstat64 of a pipe");
	expect_eq(st.st_mode & S_IFMT, S_IFIFO, "is S_IFIFO");
	expect_errno(sys_lseek(fds[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe gives ESPIPE");
	close(fds[0]);
	close(fds[1]);
	expect_errno(sys_pipe2(fds, 0x40000000), EINVAL, "pipe2 with an unknown flag gives EINVAL");

	n = bad_pointers(bp, 8);
	for (i = 0; i < n; i++) {
		expect_errno(pipe(bp[i].addr), EFAULT, "pipe into %s gives EFAULT", bp[i].name);
		expect_errno(sys_pipe2(bp[i].addr, 0), EFAULT, "pipe2 into %s gives EFAULT",
			     bp[i].name);
	}
	/* the failed calls must not leave descriptors behind */
	n = dup(0);
	expect_eq(n, lowest, "the failed calls left no descriptors behind");
	close(n);
}

/* fill: nonblocking writes of size bytes until EAGAIN; the bytes written */
static long fill(int fd, const char *buf, size_t size)
{
	long total = 0, n;

	while ((n = write(fd, buf, size)) > 0)
		total += n;
	return total;
}

static void pipe_sizes(void)
{
	static char chunk[4096];
	int fds[2], fd;

	sys_pipe2(fds, O_NONBLOCK);
	expect_eq(sys_fcntl(fds[0], F_GETPIPE_SZ, 0), 65536, "F_GETPIPE_SZ of a new pipe: 64 KiB");
	expect_eq(sys_fcntl(fds[1], F_GETPIPE_SZ, 0), 65536, "on the write end too");
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 4096), 4096, "F_SETPIPE_SZ 4096 gives 4096");
	expect_eq(sys_fcntl(fds[0], F_GETPIPE_SZ, 0), 4096, "which F_GETPIPE_SZ then shows");
	expect_eq(fill(fds[1], chunk, 512), 4096, "and the pipe then holds 4 KiB");
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 5000), 8192,
		  "F_SETPIPE_SZ 5000 rounds up to 8192 (a power-of-two number of pages)");
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 12288), 16384, "12288 rounds up to 16384");
	expect_eq(fill(fds[1], chunk, 512), 12288, "the 4 KiB kept, 12 KiB more fit");
	expect_errno(sys_fcntl(fds[1], F_SETPIPE_SZ, 8192), EBUSY,
		     "shrinking below what the pipe holds gives EBUSY");
	expect_eq(sys_fcntl(fds[1], F_GETPIPE_SZ, 0), 16384, "and leaves the size alone");
	expect_eq(read(fds[0], chunk, sizeof(chunk)), 4096, "the data survived the resizes");
	while (read(fds[0], chunk, sizeof(chunk)) > 0)
		;
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 0), 4096, "F_SETPIPE_SZ 0 gives one page");
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 1), 4096, "so does 1");
	expect_eq(sys_fcntl(fds[1], F_SETPIPE_SZ, 2 << 20), 2 << 20,
		  "2 MiB, beyond pipe-max-size, as a privileged task");
	expect_errno(sys_fcntl(fds[1], F_SETPIPE_SZ, 0x80000001UL), EINVAL,
		     "more than 2 GiB gives EINVAL");
	expect_eq(read_int_file("/proc/sys/fs/pipe-max-size"), 1048576,
		  "/proc/sys/fs/pipe-max-size is 1 MiB");
	ok(write_file("/proc/sys/fs/pipe-max-size", "5000\n") == 5 &&
	   read_int_file("/proc/sys/fs/pipe-max-size") == 8192,
	   "a pipe-max-size of 5000 rounds up to 8192, as F_SETPIPE_SZ does");
	write_file("/proc/sys/fs/pipe-max-size", "1048576\n");
	fd = open("/proc/self/maps", O_RDONLY);
	expect_errno(sys_fcntl(fd, F_GETPIPE_SZ, 0), EBADF, "F_GETPIPE_SZ of a file gives EBADF");
	expect_errno(sys_fcntl(fd, F_SETPIPE_SZ, 4096), EBADF, "F_SETPIPE_SZ of a file, EBADF");
	close(fd);
	close(fds[0]);
	close(fds[1]);
}

/* the room is in pages: 16 writes of 4095 bytes fill 16 pages */
static void room_in_pages(void)
{
	static char chunk[4096];
	int fds[2], i, n = 0;

	sys_pipe2(fds, O_NONBLOCK);
	for (i = 0; i < 16; i++)
		n += write(fds[1], chunk, 4095) == 4095;
	expect_eq(n, 16, "16 writes of 4095 bytes fit");
	expect_errno(write(fds[1], chunk, 16), EAGAIN,
		     "then 16 more bytes do not: each write took a page of its own");
	expect_eq(write(fds[1], chunk, 1), 1, "1 byte still fits, in the last page");
	expect_errno(write(fds[1], chunk, 1), EAGAIN, "and then the pipe is full");
	expect_eq(read(fds[0], chunk, 4096), 4096, "a read takes the first page and a byte");
	expect_eq(write(fds[1], chunk, 4096), 4096, "a freed page takes a 4 KiB write whole");
	close(fds[0]);
	close(fds[1]);
}

/* a write of at most PIPE_BUF bytes that fits only in part is refused whole */
static void atomic_small_write(void)
{
	static char big[65536];
	int fds[2];

	sys_pipe2(fds, O_NONBLOCK);
	expect_eq(write(fds[1], big, 65536 - 96), 65536 - 96, "a pipe filled to 96 bytes short");
	expect_errno(write(fds[1], big, 200), EAGAIN,
		     "a 200-byte write then gives EAGAIN, nothing written (PIPE_BUF atomicity)");
	expect_eq(write(fds[1], big, 96), 96, "while 96 bytes fit");
	expect_eq(fill(fds[1], big, 1), 0, "and then nothing more");
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	no_core_dumps();
	default_signals();
	child_to_parent();
	eof_needs_every_writer();
	blocking_read();
	big_write();
	no_reader();
	reader_leaves();
	nonblocking();
	flags_and_errors();
	pipe_sizes();
	room_in_pages();
	atomic_small_write();
	return tap_done();
}
