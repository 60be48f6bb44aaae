/*
 * Waiting for several files at once (Linux: include/linux/poll.h). A
 * file's poll method returns what is possible now (POLLIN, POLLOUT, ...)
 * and, given a poll table, hangs the caller on the wait queues whose
 * wake_up could change that (poll_wait). poll and select (fs/select.c)
 * look at every file, then sleep until one of those queues is woken.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/wait.h>
#include <uapi/linux/poll.h>

struct file;

struct poll_table_entry {
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

struct poll_table_struct {
	struct poll_table_entry *entries;
	unsigned int n, max;
};

/* what a file without a poll method says: always ready (Linux's) */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table_struct *pt);

#endif
