/*
 * The real-time interval timer: alarm, setitimer and getitimer with
 * ITIMER_REAL, which send SIGALRM (Linux: kernel/time/itimer.c, where an
 * hrtimer per process does it). yomi keeps the armed tasks on one list
 * that the timer tick looks through (it_real_fn below), so an armed
 * timer keeps the tick running when the CPU idles (timers_pending).
 * ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers) are not implemented:
 * -EINVAL.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

static LIST_HEAD(real_timers);	/* tasks whose ITIMER_REAL is armed */

/* it_real_fn: from the timer tick: SIGALRM to every task whose time came, re-armed if periodic */
void it_real_fn(u64 now)
{
	struct kernel_siginfo info = { SI_KERNEL, 0, 0, 0, 0 };
	struct task_struct *t, *n;

	list_for_each_entry_safe(t, n, &real_timers, it_real_list) {
		if (now < t->it_real_expires)
			continue;
		group_send_sig_info(SIGALRM, &info, t);
		if (t->it_real_incr) {
			t->it_real_expires += t->it_real_incr;
			if (t->it_real_expires <= now)
				t->it_real_expires = now + t->it_real_incr;
		} else {
			t->it_real_expires = 0;
			list_del_init(&t->it_real_list);
		}
	}
}

/* itimers_pending: is any ITIMER_REAL armed? */
bool itimers_pending(void)
{
	return !list_empty(&real_timers);
}

/* exit_itimers: a task that ends disarms its timer (Linux: in do_exit) */
void exit_itimers(struct task_struct *t)
{
	unsigned long flags = local_irq_save();

	t->it_real_expires = 0;
	list_del_init(&t->it_real_list);
	local_irq_restore(flags);
}

static u64 timeval_to_ns(const struct timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_timeval(u64 ns, struct timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

/* get_real_timer: the current timer; a due one not yet fired shows 1 us left, as on Linux */
static void get_real_timer(struct itimerval *v)
{
	u64 now = sched_clock(), left = 0;

	if (current->it_real_expires)
		left = current->it_real_expires > now ? current->it_real_expires - now : NSEC_PER_USEC;
	ns_to_timeval(left, &v->it_value);
	ns_to_timeval(current->it_real_incr, &v->it_interval);
}

/* do_setitimer: arm ITIMER_REAL (value 0: disarm), returning the old setting in *old */
static int do_setitimer(const struct itimerval *v, struct itimerval *old)
{
	u64 value = timeval_to_ns(&v->it_value);
	unsigned long flags;

	if (v->it_value.tv_usec < 0 || v->it_value.tv_usec >= 1000000 ||
	    v->it_interval.tv_usec < 0 || v->it_interval.tv_usec >= 1000000 ||
	    v->it_value.tv_sec < 0 || v->it_interval.tv_sec < 0)
		return -EINVAL;
	get_real_timer(old);
	flags = local_irq_save();
	list_del_init(&current->it_real_list);
	current->it_real_expires = 0;
	current->it_real_incr = 0;
	if (value) {
		current->it_real_expires = sched_clock() + value;
		current->it_real_incr = timeval_to_ns(&v->it_interval);
		list_add_tail(&current->it_real_list, &real_timers);
	}
	local_irq_restore(flags);
	return 0;
}

SYSCALL_DEFINE3(setitimer, int, which, struct itimerval __user *, value,
		struct itimerval __user *, ovalue)
{
	struct itimerval v = { { 0, 0 }, { 0, 0 } }, old;
	int err;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (value && copy_from_user(&v, value, sizeof(v)))
		return -EFAULT;
	err = do_setitimer(&v, &old);
	if (err)
		return err;
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval __user *, value)
{
	struct itimerval v;

	if (which != ITIMER_REAL)
		return -EINVAL;
	get_real_timer(&v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

/* alarm: SIGALRM in seconds (0: cancel); the seconds the old alarm had left, rounded */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct itimerval v = { { 0, 0 }, { (long)seconds, 0 } }, old;

	if ((long)seconds < 0)
		v.it_value.tv_sec = 0x7fffffff;
	do_setitimer(&v, &old);
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
