/*
 * CPU time accounting (Linux: kernel/sched/cputime.c with
 * CONFIG_TICK_CPU_ACCOUNTING): each timer tick charges its whole length
 * to the task it interrupted, as user time when the CPU was in user mode
 * and as system time when it was in the kernel. A sample, not a
 * measurement: a task that always sleeps before the tick is charged
 * nothing. Linux then scales the two to the scheduler's exact runtime
 * (cputime_adjust); yomi reports the samples as they are.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>

/* account_process_tick: charge one tick to p; the idle task's is nobody's. */
void account_process_tick(struct task_struct *p, int user_tick)
{
	if (p == &init_task)
		return;
	if (user_tick)
		p->utime += TICK_NSEC;
	else
		p->stime += TICK_NSEC;
}
