/*
 * test_restart: a sleep interrupted by a signal. Stopped (SIGSTOP) and
 * continued, nanosleep and a relative clock_nanosleep go on through
 * restart_syscall for the time that was left - they end when the first
 * sleep would have, and return 0 - and an absolute clock_nanosleep is made
 * again. A handled signal ends them with EINTR (even with SA_RESTART) and
 * the time left in rem. restart_syscall made with nothing to restart is
 * EINTR.
 */
#include "sys.h"

#define SLEEP_MS 300

static long sleep_call(int which)
{
	struct timespec ts = { 0, SLEEP_MS * 1000000L }, now;

	if (which == 0)
		return nanosleep(&ts, NULL);
	if (which == 1)
		return syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_nsec += SLEEP_MS * 1000000L;
	now.tv_sec += now.tv_nsec / 1000000000L;
	now.tv_nsec %= 1000000000L;
	return syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &now, NULL);
}

/* sleeper: the sleep's result as an exit status: 0 when it returned 0
 * after SLEEP_MS (not much more: it was not made again in full), 1 when it
 * failed, 2 when it ended early, 3 when it took a second full time */
static int sleeper(void *arg)
{
	long long start = now_ms(), took;
	long r = sleep_call((int)(long)arg);

	took = now_ms() - start;
	if (r != 0)
		return 1;
	return took < SLEEP_MS ? 2 : took >= SLEEP_MS + 100 ? 3 : 0;
}

/* stop_and_continue: the status of a child that sleeps while it is
 * stopped from 50 to 150 ms */
static int stop_and_continue(int which)
{
	pid_t pid = sys_fork();

	if (pid == 0)
		_exit(sleeper((void *)(long)which));
	sleep_ms(50);
	kill(pid, SIGSTOP);
	sleep_ms(100);
	kill(pid, SIGCONT);
	return wait_timeout(pid, 3000);
}

static void on_alarm(int sig)
{
	(void)sig;
}

int main(void)
{
	static const char *const names[] = { "nanosleep", "clock_nanosleep (relative)",
					     "clock_nanosleep (TIMER_ABSTIME)" };
	struct k_sigaction sa = { on_alarm, SA_RESTART, 0, { 0, 0 } };
	struct timespec ts = { 1, 0 }, rem = { 0, 0 };
	char what[128];
	int which;
	long r;

	default_signals();
	for (which = 0; which < 3; which++) {
		snprintf(what, sizeof(what), "%s stopped and continued goes on to its end, 0",
			 names[which]);
		expect_exit(stop_and_continue(which), 0, what);
	}

	syscall(__NR_rt_sigaction, SIGALRM, &sa, NULL, 8);
	syscall(__NR_alarm, 1);
	ts.tv_sec = 3;
	r = nanosleep(&ts, &rem);
	expect_errno(r, EINTR, "a handled SIGALRM (SA_RESTART) ends nanosleep with EINTR");
	ok(rem.tv_sec >= 1 && rem.tv_sec < 3, "rem holds the time left (about 2 s)");
	expect_errno(syscall(__NR_restart_syscall), EINTR,
		     "restart_syscall with nothing to restart: EINTR");
	return tap_done();
}
