/*
 * The scheduler (Linux: kernel/sched/core.c; yomi's is round-robin, far
 * from Linux's CFS). Runnable tasks wait on one run queue in arrival
 * order; schedule() takes the first, and a task that used up its time
 * slice (DEF_TIMESLICE timer ticks) goes to the back. Preemption happens
 * only on the way back to user mode (TIF_NEED_RESCHED), as in a Linux
 * kernel built without CONFIG_PREEMPT. The idle task (pid 0) runs when
 * the queue is empty and halts the CPU until the next interrupt.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <asm/switch_to.h>

static LIST_HEAD(runqueue);


static void enqueue_task(struct task_struct *t)
{
	if (t != &init_task && list_empty(&t->run_list))
		list_add_tail(&t->run_list, &runqueue);
}

/* wake_up_state: make t runnable if it is in state (SIGCONT and SIGKILL wake TASK_STOPPED) */
void wake_up_state(struct task_struct *t, long state)
{
	unsigned long flags = local_irq_save();

	if (t->state == state) {
		t->state = TASK_RUNNING;
		enqueue_task(t);
	}
	local_irq_restore(flags);
}

/* wake_up_process: make a sleeping task runnable (not a stopped one: wake_up_state). */
void wake_up_process(struct task_struct *t)
{
	unsigned long flags = local_irq_save();

	if (t->state != TASK_RUNNING && t->state != TASK_STOPPED) {
		t->state = TASK_RUNNING;
		enqueue_task(t);
	}
	local_irq_restore(flags);
}

/*
 * context_switch: the address space, the CPU state that goes with a task
 * (__switch_to: kernel stack for the next entry, TLS descriptors), then
 * the registers and stack (switch_to_asm).
 */
static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 now = sched_clock();

	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
	if (next->mm && next->mm != prev->mm)
		switch_mm(next->mm);
	__switch_to(prev, next);
	switch_to_asm(&prev->thread.sp, &next->thread.sp);
}

/* schedule: give the CPU to the next runnable task (maybe the same one). */
void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags = local_irq_save();

	clear_ti_flag(prev->stack, TIF_NEED_RESCHED);
	if (prev->state == TASK_RUNNING) {
		if (!list_empty(&prev->run_list))
			list_del_init(&prev->run_list);
		enqueue_task(prev);	/* to the back of the queue */
	} else if (!list_empty(&prev->run_list)) {
		list_del_init(&prev->run_list);
	}
	next = list_empty(&runqueue) ? &init_task :
	       list_first_entry(&runqueue, struct task_struct, run_list);
	if (next->time_slice <= 0)
		next->time_slice = DEF_TIMESLICE;
	if (next != prev) {
		context_switch(prev, next);
		finish_task_switch();	/* back in prev, perhaps much later */
	}
	local_irq_restore(flags);
}

/*
 * task_sched_runtime: the CPU time of thread t in ns, up to now if it is
 * running (the process clock sums it over the threads:
 * thread_group_cputime).
 */
u64 task_sched_runtime(struct task_struct *t)
{
	if (t == current)
		return t->sum_exec_runtime + sched_clock() - t->exec_start;
	return t->sum_exec_runtime;
}

/* scheduler_tick: from the timer interrupt; ends the running task's slice. */
void scheduler_tick(void)
{
	struct task_struct *t = current;

	if (t == &init_task) {
		if (!list_empty(&runqueue))
			set_ti_flag(t->stack, TIF_NEED_RESCHED);
		return;
	}
	if (--t->time_slice <= 0)
		set_ti_flag(t->stack, TIF_NEED_RESCHED);
}

/*
 * cpu_idle: the idle task's loop (Linux: cpu_startup_entry). Only this
 * loop runs the woken tasks of an idle CPU (no preemption in the kernel),
 * so it is where the tick stops and starts again.
 */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (list_empty(&runqueue)) {
			tick_nohz_idle_enter();
			safe_halt();	/* sti; hlt: no wake-up can slip in between */
		} else {
			tick_nohz_idle_exit();
			local_irq_enable();
			schedule();
		}
	}
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state)
{
	unsigned long flags = local_irq_save();

	w->task = current;
	if (!w->entry.next || list_empty(&w->entry)) {
		INIT_LIST_HEAD(&w->entry);
		list_add_tail(&w->entry, &wq->head);
	}
	current->state = state;
	local_irq_restore(flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags = local_irq_save();

	(void)wq;
	current->state = TASK_RUNNING;
	if (w->entry.next && !list_empty(&w->entry))
		list_del_init(&w->entry);
	local_irq_restore(flags);
}

/* wake_up: wake every task sleeping on wq; each re-checks its condition. */
void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags = local_irq_save();

	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	local_irq_restore(flags);
}

/* signal_pending_current: an unblocked signal waits for this thread or its process */
int signal_pending_current(void)
{
	return ((current->sig_pending | current->signal->shared_pending) & ~current->sig_blocked) != 0;
}

/* find_task_by_pid: the live or zombie task with this pid, or NULL. */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &init_task.tasks, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

/*
 * alloc_pid: the next unused pid after the last one given, wrapping at
 * PID_MAX like Linux; a pid stays in use until its zombie is reaped.
 */
pid_t alloc_pid(void)
{
	static pid_t last_pid;
	int tries;

	for (tries = 0; tries < PID_MAX; tries++) {
		last_pid = last_pid + 1 >= PID_MAX ? 2 : last_pid + 1;
		if (!find_task_by_pid(last_pid))
			return last_pid;
	}
	return -1;
}
