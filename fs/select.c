/*
 * poll, ppoll, select and pselect6 (Linux: fs/select.c). All four come to
 * do_poll: ask each file's poll method what is possible now, hanging the
 * task on the files' wait queues the first time round (poll_wait); if
 * nothing is ready, sleep (schedule_timeout) until one of those queues is
 * woken, the time is up or a signal arrives, and look again. select turns
 * its three bit sets into pollfds and back, as Linux's results would be.
 * ppoll and pselect6 also swap in a signal mask for the wait.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

/* select's sets in poll's terms (Linux's POLLIN_SET, POLLOUT_SET, POLLEX_SET) */
#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET POLLPRI

/* poll_wait: hang the polling task on wq, to be woken by its wake_up */
void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table_struct *pt)
{
	struct poll_table_entry *e;
	unsigned long flags;

	(void)f;
	if (!pt || pt->n == pt->max)
		return;
	e = &pt->entries[pt->n++];
	e->wq = wq;
	e->wait.task = current;
	flags = local_irq_save();
	list_add_tail(&e->wait.entry, &wq->head);
	local_irq_restore(flags);
}

/* poll_freewait: off every wait queue poll_wait put us on */
static void poll_freewait(struct poll_table_struct *pt)
{
	unsigned long flags = local_irq_save();
	unsigned int i;

	for (i = 0; i < pt->n; i++)
		list_del(&pt->entries[i].wait.entry);
	local_irq_restore(flags);
}

/* do_pollfd: one pollfd's revents: POLLNVAL for a closed descriptor,
 * nothing for a negative one, else what its file allows of what it asks
 * (errors and hang-ups always count) */
static unsigned int do_pollfd(struct pollfd *p, struct poll_table_struct *pt)
{
	struct file *f;
	unsigned int mask;

	if (p->fd < 0)
		return p->revents = 0;
	f = fget(p->fd);
	if (!f)
		return p->revents = POLLNVAL;
	mask = f->f_op && f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_POLLMASK;
	mask &= (unsigned short)p->events | POLLERR | POLLHUP;
	p->revents = mask;
	return mask;
}

/*
 * do_poll: look at the nfds pollfds (in kernel memory) until one is
 * ready, timeout nanoseconds pass (MAX_SCHEDULE_TIMEOUT: never) or a
 * signal comes; the number ready, or -EINTR. The task is marked sleeping
 * before each look, so a wake_up between the look and the sleep is not
 * lost (the pattern of wait_event).
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, u64 timeout)
{
	struct poll_table_struct table = { kmalloc(nfds * sizeof(*table.entries) + 1, GFP_KERNEL),
					   0, nfds };
	struct poll_table_struct *pt = &table;
	unsigned int i;
	int count;

	if (!table.entries)
		return -ENOMEM;
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		for (count = 0, i = 0; i < nfds; i++)
			if (do_pollfd(&fds[i], pt))
				count++;
		pt = NULL;	/* on the queues once is enough */
		if (count || !timeout)
			break;
		if (signal_pending_current()) {
			count = -EINTR;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	current->state = TASK_RUNNING;
	poll_freewait(&table);
	kfree(table.entries);
	return count;
}

/* do_sys_poll: poll on the user's array; the revents are written back */
static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, u64 timeout)
{
	struct pollfd *fds;
	long ret;

	if (nfds > current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	fds = kmalloc(nfds * sizeof(*fds) + 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (!copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		ret = do_poll(fds, nfds, timeout);
		if (ret >= 0 && copy_to_user(ufds, fds, nfds * sizeof(*fds)))
			ret = -EFAULT;
	}
	kfree(fds);
	return ret;
}

/* ns_timeout: a timespec as a timeout in ns; NULL waits for ever */
static long ns_timeout(long long sec, long long nsec, u64 *ns)
{
	if (sec < 0 || nsec < 0 || nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)sec * NSEC_PER_SEC + nsec;
	return 0;
}

/* get_timeout: the timeout of ppoll or pselect6, old or time64 timespec */
static long get_timeout(const void __user *tsp, bool time64, u64 *ns)
{
	struct __kernel_timespec t64;
	struct timespec t;

	*ns = MAX_SCHEDULE_TIMEOUT;
	if (!tsp)
		return 0;
	if (time64) {
		if (copy_from_user(&t64, tsp, sizeof(t64)))
			return -EFAULT;
		return ns_timeout(t64.tv_sec, t64.tv_nsec, ns);
	}
	if (copy_from_user(&t, tsp, sizeof(t)))
		return -EFAULT;
	return ns_timeout(t.tv_sec, t.tv_nsec, ns);
}

/* set_user_sigmask: ppoll's and pselect6's mask for the wait; the old one
 * goes to *old (SIGKILL and SIGSTOP cannot be blocked) */
static long set_user_sigmask(const unsigned long __user *umask, size_t size, unsigned long *old)
{
	unsigned long set[2];

	*old = current->sig_blocked;
	if (!umask)
		return 0;
	if (size != sizeof(set))
		return -EINVAL;
	if (copy_from_user(set, umask, sizeof(set)))
		return -EFAULT;
	current->sig_blocked = set[0] & ~SIG_KERNEL_ONLY_MASK;
	return 0;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	u64 timeout = timeout_msecs < 0 ? MAX_SCHEDULE_TIMEOUT : timeout_msecs * NSEC_PER_MSEC;

	return do_sys_poll(ufds, nfds, timeout);
}

/* do_ppoll: ppoll and ppoll_time64 */
static long do_ppoll(struct pollfd __user *ufds, unsigned int nfds, const void __user *tsp,
		     bool time64, const unsigned long __user *sigmask, size_t sigsetsize)
{
	unsigned long old;
	u64 timeout;
	long ret = get_timeout(tsp, time64, &timeout);

	if (!ret)
		ret = set_user_sigmask(sigmask, sigsetsize, &old);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, timeout);
	current->sig_blocked = old;
	return ret;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct timespec __user *, tsp, const unsigned long __user *, sigmask,
		size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, false, sigmask, sigsetsize);
}

SYSCALL_DEFINE5(ppoll_time64, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const unsigned long __user *, sigmask,
		size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, true, sigmask, sigsetsize);
}

#define BITS_PER_WORD 32

static bool fd_isset(const unsigned long *set, int fd)
{
	return set && (set[fd / BITS_PER_WORD] >> (fd % BITS_PER_WORD)) & 1;
}

/* get_fd_set: n bits of a user fd_set into set (a NULL set stays NULL) */
static long get_fd_set(unsigned long *set, const unsigned long __user *uset, size_t bytes)
{
	if (!uset)
		return 0;
	return copy_from_user(set, uset, bytes) ? -EFAULT : 0;
}

/*
 * core_sys_select: select's work on the sets in[0..2] (kernel copies of
 * the user's read, write and exception sets, NULL where the user gave
 * none): each descriptor in any set must be open (-EBADF otherwise); the
 * sets are rewritten with the ready ones; the number of bits set.
 */
static int core_sys_select(int n, unsigned long *in[3], u64 timeout)
{
	static const unsigned int wants[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };
	struct pollfd *fds = kmalloc(n * sizeof(*fds) + 1, GFP_KERNEL);
	int fd, i, nfds = 0, ret;

	if (!fds)
		return -ENOMEM;
	for (fd = 0; fd < n; fd++) {
		short events = 0;

		for (i = 0; i < 3; i++)
			if (fd_isset(in[i], fd))
				events |= wants[i];
		if (!events)
			continue;
		ret = -EBADF;
		if (!fget(fd))
			goto out;
		fds[nfds++] = (struct pollfd){ fd, events, 0 };
	}
	ret = do_poll(fds, nfds, timeout);
	if (ret < 0)
		goto out;
	for (i = 0; i < 3; i++)
		if (in[i])
			memset(in[i], 0, DIV_ROUND_UP(n, BITS_PER_WORD) * sizeof(long));
	for (ret = 0, fd = 0; fd < nfds; fd++)
		for (i = 0; i < 3; i++)
			if (in[i] && (fds[fd].revents & wants[i])) {
				in[i][fds[fd].fd / BITS_PER_WORD] |= 1UL << (fds[fd].fd % BITS_PER_WORD);
				ret++;
			}
out:
	kfree(fds);
	return ret;
}

/* do_select: copy the sets in, select, copy them out */
static long do_select(int n, unsigned long __user *uset[3], u64 timeout)
{
	unsigned long *buf, *set[3];
	size_t bytes;
	long ret = 0;
	int i;

	if (n < 0)
		return -EINVAL;
	if (n > (int)current->files->max_fds)
		n = current->files->max_fds;
	bytes = DIV_ROUND_UP(n, BITS_PER_WORD) * sizeof(long);
	buf = kmalloc(3 * bytes + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < 3 && !ret; i++) {
		set[i] = uset[i] ? buf + i * bytes / sizeof(long) : NULL;
		ret = get_fd_set(set[i], uset[i], bytes);
	}
	if (!ret)
		ret = core_sys_select(n, set, timeout);
	for (i = 0; i < 3 && ret >= 0; i++)
		if (uset[i] && copy_to_user(uset[i], set[i], bytes))
			ret = -EFAULT;
	kfree(buf);
	return ret;
}

/* _newselect (142), select with a timeval; the time left is written back
 * (Linux does; a failure to write it is ignored, as Linux ignores it) */
SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct timeval __user *, tvp)
{
	unsigned long __user *uset[3] = { inp, outp, exp };
	u64 timeout = MAX_SCHEDULE_TIMEOUT, start = sched_clock(), spent;
	struct timeval tv;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		timeout = (u64)tv.tv_sec * NSEC_PER_SEC +
			  (u64)(tv.tv_usec % 1000000) * NSEC_PER_USEC +
			  (u64)(tv.tv_usec / 1000000) * NSEC_PER_SEC;
	}
	ret = do_select(n, uset, timeout);
	if (tvp) {
		spent = sched_clock() - start;
		timeout = spent >= timeout ? 0 : timeout - spent;
		tv.tv_sec = timeout / NSEC_PER_SEC;
		tv.tv_usec = timeout % NSEC_PER_SEC / NSEC_PER_USEC;
		copy_to_user(tvp, &tv, sizeof(tv));	/* a failure is ignored, as on Linux */
	}
	return ret;
}

/* do_pselect: pselect6's sixth argument points at { sigmask, size } */
static long do_pselect(int n, unsigned long __user *uset[3], const void __user *tsp,
		       bool time64, const unsigned long __user *sig)
{
	unsigned long old, data[2] = { 0, 0 };
	u64 timeout;
	long ret = get_timeout(tsp, time64, &timeout);

	if (!ret && sig && copy_from_user(data, sig, sizeof(data)))
		ret = -EFAULT;
	if (!ret)
		ret = set_user_sigmask((const unsigned long __user *)data[0], data[1], &old);
	if (ret)
		return ret;
	ret = do_select(n, uset, timeout);
	current->sig_blocked = old;
	return ret;
}

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct timespec __user *, tsp,
		const unsigned long __user *, sig)
{
	unsigned long __user *uset[3] = { inp, outp, exp };

	return do_pselect(n, uset, tsp, false, sig);
}

SYSCALL_DEFINE6(pselect6_time64, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct __kernel_timespec __user *, tsp, const unsigned long __user *, sig)
{
	unsigned long __user *uset[3] = { inp, outp, exp };

	return do_pselect(n, uset, tsp, true, sig);
}
