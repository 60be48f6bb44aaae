/*
 * Sleeping for a while (Linux: kernel/time/timer.c, schedule_timeout).
 * A sleeper records when it wants to wake and sleeps; every timer tick
 * wakes the sleepers whose time has come. Linux keeps timers in a wheel;
 * yomi's short list is scanned on each tick.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <asm/processor.h>

struct sleeper {
	u64 expires;		/* sched_clock() time to wake at */
	struct task_struct *task;
	struct list_head list;
};

static LIST_HEAD(sleepers);

struct kernel_cpustat kcpustat;

/*
 * update_process_times: the timer interrupt's work for the running task:
 * charge it the tick (as user time if the interrupt came from user mode),
 * and the CPU too (kcpustat, /proc/stat's cpu line; the idle task's ticks
 * are left out there as well), wake the sleepers due, and end its slice
 * when it is used up.
 */
void update_process_times(int user_tick)
{
	if (current != &init_task)
		kcpustat.cpustat[user_tick ? CPUTIME_USER : CPUTIME_SYSTEM] += TICK_NSEC;
	account_process_tick(current, user_tick);
	run_timers();
	scheduler_tick();
}

/* run_timers: from the timer interrupt; wake everyone due. */
void run_timers(void)
{
	struct sleeper *s;
	u64 now = sched_clock();

	list_for_each_entry(s, &sleepers, list)
		if (s->expires <= now)
			wake_up_process(s->task);
	it_real_fn(now);
}

/* timers_pending: does anyone wait for a time, or an alarm? (the tick may stop if not) */
bool timers_pending(void)
{
	return !list_empty(&sleepers) || itimers_pending();
}

/*
 * schedule_timeout_interruptible: sleep ns nanoseconds or until a signal;
 * returns the nanoseconds left (0 when the whole time passed).
 */
u64 schedule_timeout_interruptible(u64 ns)
{
	struct sleeper s = { sched_clock() + ns, current, LIST_HEAD_INIT(s.list) };
	unsigned long flags = local_irq_save();
	u64 now;

	list_add(&s.list, &sleepers);
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		if (sched_clock() >= s.expires || signal_pending_current())
			break;
		local_irq_restore(flags);
		schedule();
		flags = local_irq_save();
	}
	current->state = TASK_RUNNING;
	list_del(&s.list);
	local_irq_restore(flags);
	now = sched_clock();
	return now >= s.expires ? 0 : s.expires - now;
}

/*
 * schedule_timeout: one sleep, in the state the caller set (so a wake_up
 * after the caller's last check is not lost), ending at a wake_up, a
 * signal or after ns nanoseconds (MAX_SCHEDULE_TIMEOUT: no time limit);
 * returns the nanoseconds left. poll and select sleep this way between
 * looks at their files; unlike schedule_timeout_interruptible, a wake-up
 * ends it.
 */
u64 schedule_timeout(u64 ns)
{
	struct sleeper s = { sched_clock() + ns, current, LIST_HEAD_INIT(s.list) };
	unsigned long flags;
	u64 now;

	if (ns == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return ns;
	}
	flags = local_irq_save();
	list_add(&s.list, &sleepers);
	local_irq_restore(flags);
	schedule();
	flags = local_irq_save();
	list_del(&s.list);
	local_irq_restore(flags);
	now = sched_clock();
	return now >= s.expires ? 0 : s.expires - now;
}
