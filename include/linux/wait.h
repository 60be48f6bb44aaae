/*
 * Wait queues (Linux: include/linux/wait.h, kernel/sched/wait.c): a list of
 * sleeping tasks that an event wakes. The pattern is always: mark yourself
 * sleeping, test the condition, and only then give up the CPU, so a wake-up
 * that comes in between is never lost.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/errno.h>

struct task_struct;

struct wait_queue_head {
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void wake_up(struct wait_queue_head *wq);
int signal_pending_current(void);

/*
 * wait_event_interruptible: sleep until cond is true (0) or a signal
 * arrives (-ERESTARTSYS; the system call then returns -EINTR).
 */
#define wait_event_interruptible(wq, cond)                                  \
	({                                                                  \
		struct wait_queue_entry __w = { NULL, { NULL, NULL } };     \
		int __ret = 0;                                              \
		for (;;) {                                                  \
			prepare_to_wait(&(wq), &__w, TASK_INTERRUPTIBLE);   \
			if (cond)                                           \
				break;                                      \
			if (signal_pending_current()) {                     \
				__ret = -ERESTARTSYS;                       \
				break;                                      \
			}                                                   \
			schedule();                                         \
		}                                                           \
		finish_wait(&(wq), &__w);                                   \
		__ret;                                                      \
	})

#endif
