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

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct timespec __user *, tp)
{
	struct timespec ts;

	switch (which_clock) {
	case CLOCK_REALTIME:
		ts = ns_to_timespec(ktime_get_real_ns());
		break;
	case CLOCK_REALTIME_COARSE:	/* the time of the last tick, as the vDSO has it */
		ts = ns_to_timespec(boot_time_ns + tick_ns);
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		ts = ns_to_timespec(sched_clock());
		break;
	case CLOCK_MONOTONIC_COARSE:
		ts = ns_to_timespec(tick_ns);
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		ts = ns_to_timespec(task_sched_runtime(current));
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * nanosleep: sleep at least the requested time (to the next timer tick
 * after it). Interrupted by a signal, it stores the time left in *rmtp and
 * returns -EINTR.
 */
SYSCALL_DEFINE2(nanosleep, struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
	struct timespec ts;
	u64 left;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	left = schedule_timeout_interruptible((u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec);
	if (!left)
		return 0;
	ts = ns_to_timespec(left);
	if (rmtp && copy_to_user(rmtp, &ts, sizeof(ts)))
		return -EFAULT;
	return -EINTR;
}
