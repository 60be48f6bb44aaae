/*
 * test_poll: poll (168), ppoll (309), select (_newselect, 142) and
 * pselect6 (308) on pipes and files. An empty pipe is not readable, its
 * write end is writable; data makes it readable, a closed write end gives
 * POLLHUP, a closed read end POLLERR; a regular file is always ready; a
 * closed descriptor is POLLNVAL in poll and EBADF in select; a timeout
 * passes; a blocked poll wakes when another process writes. Bad input
 * gives Linux's errors.
 */
#include <linux/poll.h>
#include "sys.h"

struct kts {
	long tv_sec, tv_nsec;
};

static int sys_poll(struct pollfd *fds, unsigned int n, int ms)
{
	return syscall(__NR_poll, fds, n, ms);
}

static int sys_select(int n, unsigned long *in, unsigned long *out, unsigned long *ex,
		      struct timeval *tv)
{
	return syscall(__NR__newselect, n, in, out, ex, tv);
}

static short revents(int fd, short events)
{
	struct pollfd p = { fd, events, 0 };

	return sys_poll(&p, 1, 0) < 0 ? -1 : p.revents;
}

static void test_pipe_states(void)
{
	int p[2];

	pipe(p);
	expect_eq(revents(p[0], POLLIN), 0, "an empty pipe is not readable");
	expect_eq(revents(p[1], POLLOUT), POLLOUT, "its write end is writable");
	write(p[1], "x", 1);
	expect_eq(revents(p[0], POLLIN | POLLRDNORM), POLLIN | POLLRDNORM,
		  "with data it is readable (POLLIN | POLLRDNORM)");
	close(p[1]);
	expect_eq(revents(p[0], POLLIN), POLLIN | POLLHUP, "writer gone: POLLIN | POLLHUP");
	close(p[0]);
	pipe(p);
	close(p[0]);
	expect_eq(revents(p[1], POLLOUT), POLLOUT | POLLERR, "reader gone: POLLOUT | POLLERR");
	close(p[1]);
}

static void test_poll_misc(void)
{
	int fd = sys_open("/bin/test_poll", O_RDONLY, 0);
	struct pollfd fds[3] = { { fd, POLLIN | POLLOUT, 0 }, { -1, POLLIN, 7 }, { 99, POLLIN, 0 } };
	long long t;

	expect_eq(sys_poll(fds, 3, 0), 2, "a file, fd -1 and a closed fd: 2 counted");
	expect_eq(fds[0].revents, POLLIN | POLLOUT, "a regular file is readable and writable");
	expect_eq(fds[1].revents, 0, "fd -1 is ignored (revents 0)");
	expect_eq(fds[2].revents, POLLNVAL, "a closed descriptor: POLLNVAL");
	close(fd);
	t = now_ms();
	expect_eq(sys_poll(NULL, 0, 50), 0, "poll(NULL, 0, 50) times out");
	ok(now_ms() - t >= 50, "after at least 50 ms");
	expect_errno(sys_poll((void *)0xc0000000, 1, 0), EFAULT, "a kernel array: EFAULT");
	expect_errno(sys_poll(fds, 1 << 20, 0), EINVAL, "more than RLIMIT_NOFILE: EINVAL");
}

static void test_wakeup(void)
{
	struct pollfd p;
	int fds[2];
	pid_t pid;

	pipe(fds);
	pid = sys_fork();
	if (pid == 0) {
		sleep_ms(30);
		write(fds[1], "y", 1);
		_exit(0);
	}
	p = (struct pollfd){ fds[0], POLLIN, 0 };
	expect_eq(sys_poll(&p, 1, -1), 1, "a poll without timeout wakes when a child writes");
	expect_eq(p.revents, POLLIN, "and the pipe is readable");
	wait_for(pid);
	close(fds[0]);
	close(fds[1]);
}

static void test_ppoll(void)
{
	struct pollfd p = { -1, 0, 0 };
	struct kts ts = { 0, 20000000 };
	unsigned long mask[2] = { 0, 0 };
	long long t = now_ms();

	expect_eq(syscall(__NR_ppoll, &p, 1, &ts, mask, 8), 0, "ppoll with 20 ms and a mask");
	ok(now_ms() - t >= 20, "waits the 20 ms");
	expect_errno(syscall(__NR_ppoll, &p, 1, &ts, mask, 4), EINVAL, "a sigset size of 4: EINVAL");
	ts.tv_nsec = 1000000000;
	expect_errno(syscall(__NR_ppoll, &p, 1, &ts, NULL, 8), EINVAL, "tv_nsec of 1 s: EINVAL");
}

static void test_select(void)
{
	unsigned long in[2] = { 0, 0 }, out[2] = { 0, 0 };
	struct timeval tv = { 0, 30000 };
	struct kts ts = { 0, 0 };
	int p[2];

	pipe(p);
	in[0] = 1UL << p[0];
	out[0] = 1UL << p[1];
	expect_eq(sys_select(p[1] + 1, in, out, NULL, &tv), 1, "select: only the write end");
	ok(in[0] == 0 && out[0] == 1UL << p[1], "the sets say so");
	ok(tv.tv_sec == 0 && tv.tv_usec > 0, "the time left is written back");
	write(p[1], "z", 1);
	in[0] = 1UL << p[0];
	out[0] = 0;
	expect_eq(sys_select(p[0] + 1, in, NULL, NULL, NULL), 1, "with data, the read end");
	in[0] = 1UL << p[0];
	tv = (struct timeval){ 0, 0 };
	expect_eq(syscall(__NR_pselect6, p[0] + 1, in, NULL, NULL, &ts, NULL), 1, "pselect6 too");
	in[0] = 1UL << 20;
	expect_errno(sys_select(21, in, NULL, NULL, &tv), EBADF, "a closed descriptor: EBADF");
	expect_errno(sys_select(-1, NULL, NULL, NULL, &tv), EINVAL, "n = -1: EINVAL");
	tv.tv_usec = -1;
	expect_errno(sys_select(1, NULL, NULL, NULL, &tv), EINVAL, "a negative time: EINVAL");
	tv = (struct timeval){ 0, 20000 };
	expect_eq(sys_select(0, NULL, NULL, NULL, &tv), 0, "select(0, ..., 20 ms) sleeps");
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	test_pipe_states();
	test_poll_misc();
	test_wakeup();
	test_ppoll();
	test_select();
	return tap_done();
}
