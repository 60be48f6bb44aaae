/*
 * init_task: task 0, the "swapper" (Linux: init/init_task.c). It runs
 * start_kernel on the boot stack (init_thread_union, from head_32.asm)
 * and later becomes the idle task.
 */
#include <linux/kernel.h>
#include <linux/sched.h>


static struct sighand_struct init_sighand = { .count = 1 };
static struct signal_struct init_signals = { .count = 1, .live = 1, .nr_threads = 1 };

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.stack = (struct thread_info *)init_thread_union,
	.pid = 0,
	.comm = "swapper",
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.thread_group = LIST_HEAD_INIT(init_task.thread_group),
	.group_leader = &init_task,
	.signal = &init_signals,
	.sighand = &init_sighand,
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.thread = { .sp0 = 0 },
};
