@@ function account_process_tick
/*
 * TODO(syscall): charge one tick (TICK_NSEC) to p: to p->utime when the
 * timer interrupted user mode (user_tick), to p->stime otherwise; the
 * idle task (init_task) is charged nothing. docs/labs/syscall.md
 */
void account_process_tick(struct task_struct *p, int user_tick)
{
	(void)p;
	(void)user_tick;
}
