/*
 * Time system calls (Linux: kernel/time/time.c, posix-timers.c,
 * hrtimer.c). The wall clock is the RTC's reading at boot plus the TSC's
 * nanoseconds since; CLOCK_MONOTONIC is the TSC clock alone.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

u64 boot_time_ns;	/* wall-clock time at sched_clock() == 0 */

void timekeeping_init(void)
{
	boot_time_ns = (u64)read_persistent_clock() * NSEC_PER_SEC - sched_clock();
}

u64 ktime_get_real_ns(void)
{
	return boot_time_ns + sched_clock();
}

static struct timespec ns_to_timespec(u64 ns)
{
	struct timespec ts = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };

	return ts;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = (long)(ktime_get_real_ns() / NSEC_PER_SEC);

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

SYSCALL_DEFINE2(gettimeofday, struct timeval __user *, tv, struct timezone __user *, tz)
{
	if (tv) {
		struct timespec ts = ns_to_timespec(ktime_get_real_ns());
		struct timeval v = { ts.tv_sec, ts.tv_nsec / 1000 };

		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz) {
		static const struct timezone utc;

		if (copy_to_user(tz, &utc, sizeof(utc)))
			return -EFAULT;
	}
	return 0;
}

/* do_clock_gettime: clock which_clock's reading in ns, or -EINVAL */
int do_clock_gettime(int which_clock, u64 *ns)
{
	switch (which_clock) {
	case CLOCK_REALTIME:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:	/* the time of the last tick, as the vDSO has it */
		*ns = boot_time_ns + tick_ns;
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = sched_clock();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = tick_ns;
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID: {
		struct task_cputime times;

		thread_group_cputime(current, &times);
		*ns = times.sum_exec_runtime;
		return 0;
	}
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_sched_runtime(current);
		return 0;
	}
	return -EINVAL;
}

/* put_timespec64: ns as the time64 calls' struct __kernel_timespec */
static int put_timespec64(u64 ns, struct __kernel_timespec __user *tp)
{
	struct __kernel_timespec ts = { (s64)(ns / NSEC_PER_SEC), (s64)(ns % NSEC_PER_SEC) };

	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* put_timespec: ns as the old calls' struct timespec (32-bit seconds) */
static int put_timespec(u64 ns, struct timespec __user *tp)
{
	struct timespec ts = ns_to_timespec(ns);

	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct timespec __user *, tp)
{
	u64 ns;
	int err = do_clock_gettime(which_clock, &ns);

	return err ? err : put_timespec(ns, tp);
}

/* clock_gettime64 (403): the same with a 64-bit tv_sec, which glibc 2.34
 * and later try first on i386 (the 2038 problem) */
SYSCALL_DEFINE2(clock_gettime64, int, which_clock, struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = do_clock_gettime(which_clock, &ns);

	return err ? err : put_timespec64(ns, tp);
}

/* clock_getres: 1 ns for the clocks read from the TSC, a tick for the
 * coarse ones (Linux's hrtimer resolution and 1/HZ); tp may be NULL */
static int do_clock_getres(int which_clock, u64 *ns)
{
	u64 now;

	if (do_clock_gettime(which_clock, &now))
		return -EINVAL;
	*ns = which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE ?
	      NSEC_PER_SEC / HZ : 1;
	return 0;
}

SYSCALL_DEFINE2(clock_getres, int, which_clock, struct timespec __user *, tp)
{
	u64 ns;
	int err = do_clock_getres(which_clock, &ns);

	return err || !tp ? err : put_timespec(ns, tp);
}

SYSCALL_DEFINE2(clock_getres_time64, int, which_clock, struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = do_clock_getres(which_clock, &ns);

	return err || !tp ? err : put_timespec64(ns, tp);
}

/* put_rmtp: the time left of an interrupted sleep, in the caller's struct
 * (time64: struct __kernel_timespec) if it gave one */
static int put_rmtp(u64 left, void __user *rmtp, bool time64)
{
	if (!rmtp)
		return 0;
	return time64 ? put_timespec64(left, rmtp) : put_timespec(left, rmtp);
}

/*
 * nanosleep_restart: sleep until restart->expires (sched_clock time).
 * Interrupted by a signal, it stores the time left and returns
 * -ERESTART_RESTARTBLOCK: after a handler the call returns -EINTR; after a
 * stop or a signal without handler, user space is made to call
 * restart_syscall, which comes back here for the time that is left
 * (Linux: hrtimer_nanosleep_restart).
 */
static long nanosleep_restart(struct restart_block *restart)
{
	u64 now = sched_clock(), left;

	if (now >= restart->expires)
		return 0;
	left = schedule_timeout_interruptible(restart->expires - now);
	if (!left)
		return 0;
	if (put_rmtp(left, restart->rmtp, restart->time64))
		return -EFAULT;
	restart->fn = nanosleep_restart;
	return -ERESTART_RESTARTBLOCK;
}

/* do_nanosleep: a relative sleep of ns, restartable with the time left */
static long do_nanosleep(u64 ns, void __user *rmtp, bool time64)
{
	struct restart_block *restart = &current->restart_block;

	restart->expires = sched_clock() + ns;
	restart->rmtp = rmtp;
	restart->time64 = time64;
	return nanosleep_restart(restart);
}

/*
 * do_clock_nanosleep: sleep on one of the wall or monotonic clocks for ns
 * (do_nanosleep) or, with TIMER_ABSTIME, until ns: interrupted, that one
 * is simply made again (-ERESTARTNOHAND) and stores nothing. Linux also
 * sleeps on the process CPU clock.
 */
static long do_clock_nanosleep(int which_clock, int flags, s64 sec, s64 nsec, void __user *rmtp,
			       bool time64)
{
	u64 ns, now;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	ns = (u64)sec * NSEC_PER_SEC + nsec;
	if (!(flags & TIMER_ABSTIME))
		return do_nanosleep(ns, rmtp, time64);
	do_clock_gettime(which_clock, &now);
	if (ns <= now)
		return 0;
	return schedule_timeout_interruptible(ns - now) ? -ERESTARTNOHAND : 0;
}

/* clock_nanosleep_time64 (407): do_clock_nanosleep with 64-bit seconds */
SYSCALL_DEFINE4(clock_nanosleep_time64, int, which_clock, int, flags,
		struct __kernel_timespec __user *, rqtp, struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	return do_clock_nanosleep(which_clock, flags, ts.tv_sec, ts.tv_nsec, rmtp, true);
}

/* clock_nanosleep (267): the same with the old 32-bit struct timespec
 * (busybox's static glibc calls it for sleep) */
SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
	struct timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	return do_clock_nanosleep(which_clock, flags, ts.tv_sec, ts.tv_nsec, rmtp, false);
}

/*
 * nanosleep: sleep at least the requested time (to the next timer tick
 * after it). Interrupted by a handled signal, it stores the time left in
 * *rmtp and returns -EINTR; a stop does not end it (do_nanosleep).
 */
SYSCALL_DEFINE2(nanosleep, struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
	struct timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	return do_nanosleep((u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec, rmtp, false);
}
