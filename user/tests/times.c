/*
 * test_times: the CPU times the timer tick accounts, through times (43),
 * getrusage (77) and wait4's rusage.
 *   - times: a busy loop in user mode adds user time, a loop of system
 *     calls that copy pages adds system time, the result counts clock
 *     ticks (100 a second) in step with CLOCK_MONOTONIC, NULL is allowed;
 *   - children: a reaped child's times (and its own reaped children's)
 *     move to tms_cutime/tms_cstime and RUSAGE_CHILDREN, not before it is
 *     reaped; wait4 reports the child's usage;
 *   - getrusage: RUSAGE_SELF and RUSAGE_THREAD agree with times, the
 *     fields are in range, an unknown who gives EINVAL;
 *   - efault: every bad pointer gives EFAULT.
 * The descriptions start with the group's name (times:, children:,
 * getrusage:, efault:): the syscall lab grades each group (labs/syscall).
 * Times are samples of the tick, so the bounds are loose.
 */
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

#define TICK_MS 10		/* a clock tick (USER_HZ = 100) */

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/* spin in user mode for ms milliseconds */
static void busy_user(int ms)
{
	long long end = now_ms() + ms;
	volatile unsigned long n = 0;

	while (now_ms() < end)
		for (int i = 0; i < 1000; i++)
			n++;
}

/* make system calls that copy pages through a pipe for ms milliseconds */
static void busy_kernel(int ms)
{
	static char buf[4096];
	long long end = now_ms() + ms;
	int fd[2];

	if (pipe(fd))
		return;
	while (now_ms() < end)
		for (int i = 0; i < 20; i++)
			if (write(fd[1], buf, sizeof(buf)) < 0 || read(fd[0], buf, sizeof(buf)) < 0)
				break;
	close(fd[0]);
	close(fd[1]);
}

static long tv_ticks(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * 100 + tv->tv_usec / 10000;
}

static void times_tests(void)
{
	struct tms t0, t1;
	long long m0, m1;
	clock_t c0, c1;

	c0 = times(&t0);
	ok(c0 != (clock_t)-1 && t0.tms_utime >= 0 && t0.tms_stime >= 0,
	   "times: returns the clock and fills struct tms (%ld %ld)", t0.tms_utime, t0.tms_stime);
	ok(t0.tms_cutime == 0 && t0.tms_cstime == 0, "times: no children reaped yet, no child time");
	busy_user(300);
	times(&t1);
	ok(t1.tms_utime - t0.tms_utime >= 15 && t1.tms_utime - t0.tms_utime <= 40,
	   "times: a 300 ms busy loop adds 150..400 ms of user time (%ld ticks)",
	   t1.tms_utime - t0.tms_utime);
	ok(t1.tms_stime - t0.tms_stime <= 10,
	   "times: ... and at most 100 ms of system time (%ld ticks)", t1.tms_stime - t0.tms_stime);
	t0 = t1;
	busy_kernel(300);
	times(&t1);
	ok(t1.tms_stime - t0.tms_stime >= 5,
	   "times: 300 ms of system calls copying pages add system time (%ld ticks)",
	   t1.tms_stime - t0.tms_stime);
	m0 = now_ms();
	c0 = times(NULL);
	busy_user(200);
	c1 = times(NULL);
	m1 = now_ms();
	ok(c1 - c0 >= (m1 - m0) / TICK_MS - 2 && c1 - c0 <= (m1 - m0) / TICK_MS + 2,
	   "times: times(NULL) counts clock ticks as the clock runs (%ld ticks in %lld ms)",
	   (long)(c1 - c0), m1 - m0);
}

/* the child of children_tests: burn ms of user time, maybe through a grandchild */
static void child_work(int ms, int grandchild)
{
	if (grandchild) {
		pid_t pid = fork();

		if (pid == 0) {
			busy_user(ms);
			_exit(0);
		}
		waitpid(pid, NULL, 0);
	} else {
		busy_user(ms);
	}
	_exit(0);
}

static void children_tests(void)
{
	struct tms t0, t1;
	struct rusage ru, kids;
	pid_t pid;
	int status;

	times(&t0);
	pid = fork();
	if (pid == 0)
		child_work(200, 0);
	nanosleep(&(struct timespec){ 0, 400000000 }, NULL);	/* the child runs and exits */
	times(&t1);
	ok(t1.tms_cutime == t0.tms_cutime && t1.tms_cstime == t0.tms_cstime,
	   "children: an exited child's time is not the parent's before it is reaped");
	waitpid(pid, &status, 0);
	times(&t1);
	ok(t1.tms_cutime - t0.tms_cutime >= 10 && t1.tms_cutime - t0.tms_cutime <= 30,
	   "children: a reaped child's 200 ms of user time moves to tms_cutime (%ld ticks)",
	   t1.tms_cutime - t0.tms_cutime);
	expect_eq(getrusage(RUSAGE_CHILDREN, &kids), 0, "children: getrusage(RUSAGE_CHILDREN)");
	ok(labs(tv_ticks(&kids.ru_utime) - t1.tms_cutime) <= 1,
	   "children: RUSAGE_CHILDREN's ru_utime is tms_cutime (%ld, %ld ticks)",
	   tv_ticks(&kids.ru_utime), t1.tms_cutime);

	t0 = t1;
	pid = fork();
	if (pid == 0)
		child_work(200, 1);
	waitpid(pid, &status, 0);
	times(&t1);
	ok(t1.tms_cutime - t0.tms_cutime >= 10,
	   "children: a grandchild's user time, reaped by the child, reaches tms_cutime (%ld)",
	   t1.tms_cutime - t0.tms_cutime);

	pid = fork();
	if (pid == 0)
		child_work(200, 0);
	memset(&ru, 0xff, sizeof(ru));
	expect_eq(wait4(pid, &status, 0, &ru), pid, "children: wait4 with a struct rusage");
	ok(tv_ticks(&ru.ru_utime) >= 10 && tv_ticks(&ru.ru_utime) <= 30 &&
	   ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000,
	   "children: wait4 reports the child's 200 ms of user time (%ld ticks)",
	   tv_ticks(&ru.ru_utime));
}

static void getrusage_tests(void)
{
	struct rusage self = { 0 }, thread = { 0 };	/* zero: a failed call must not */
	struct tms t = { 0 };				/* print stack garbage */

	busy_user(50);
	expect_eq(getrusage(RUSAGE_SELF, &self), 0, "getrusage: RUSAGE_SELF returns 0");
	times(&t);
	ok(self.ru_utime.tv_usec >= 0 && self.ru_utime.tv_usec < 1000000 &&
	   self.ru_stime.tv_usec >= 0 && self.ru_stime.tv_usec < 1000000,
	   "getrusage: tv_usec is in 0..999999 (%ld, %ld)",
	   (long)self.ru_utime.tv_usec, (long)self.ru_stime.tv_usec);
	ok(labs(tv_ticks(&self.ru_utime) - t.tms_utime) <= 2 &&
	   labs(tv_ticks(&self.ru_stime) - t.tms_stime) <= 2,
	   "getrusage: RUSAGE_SELF agrees with times (%ld/%ld, %ld/%ld ticks)",
	   tv_ticks(&self.ru_utime), t.tms_utime, tv_ticks(&self.ru_stime), t.tms_stime);
	ok(tv_ticks(&self.ru_utime) >= 20, "getrusage: counts the user time so far (%ld ticks)",
	   tv_ticks(&self.ru_utime));
	expect_eq(getrusage(RUSAGE_THREAD, &thread), 0, "getrusage: RUSAGE_THREAD returns 0");
	ok(labs(tv_ticks(&thread.ru_utime) - tv_ticks(&self.ru_utime)) <= 2,
	   "getrusage: RUSAGE_THREAD is RUSAGE_SELF for a one-thread process");
	expect_errno(getrusage(5, &self), EINVAL, "getrusage: who = 5 gives EINVAL");
	expect_errno(getrusage(-2, &self), EINVAL, "getrusage: who = -2 gives EINVAL");
}

static void efault_tests(void)
{
	struct bad_ptr bp[NR_BAD];
	int i, n;

	n = bad_pointers(bp, sizeof(struct tms));
	for (i = 0; i < n; i++)
		if (bp[i].addr)		/* times(NULL) is allowed */
			expect_errno(syscall(__NR_times, bp[i].addr), EFAULT,
				     "efault: times(%s) gives EFAULT", bp[i].name);
	n = bad_pointers(bp, sizeof(struct rusage));
	for (i = 0; i < n; i++)
		expect_errno(syscall(__NR_getrusage, RUSAGE_SELF, bp[i].addr), EFAULT,
			     "efault: getrusage(RUSAGE_SELF, %s) gives EFAULT", bp[i].name);
}

int main(void)
{
	tap_init();
	times_tests();
	children_tests();
	getrusage_tests();
	efault_tests();
	return tap_done();
}
