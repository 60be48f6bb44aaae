/*
 * Fast user-space locks (Linux: kernel/futex/): a thread library keeps its
 * locks in ordinary memory and calls the kernel only to sleep while a
 * word still holds the value it saw (FUTEX_WAIT) or to wake sleepers
 * (FUTEX_WAKE). A sleeper is found again by its key: for a private futex,
 * or memory that is not shared, the address space and the address (the
 * two kinds apart, as on Linux a FUTEX_WAKE without FUTEX_PRIVATE_FLAG
 * does not wake a FUTEX_WAIT with it); for a word in a MAP_SHARED area,
 * the page and offset, so that processes sharing it meet. Linux hashes the keys into buckets; yomi keeps one
 * list, and with one CPU and no preemption in the kernel, reading the
 * word and queueing need no lock: no waker runs in between. Also the
 * robust list: the locks a thread holds, which its end releases to their
 * waiters (exit_robust_list).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/uaccess.h>
#include <uapi/linux/futex.h>

#define ROBUST_LIST_HEAD_SIZE 12	/* struct robust_list_head on i386 */

/* futex_key: what identifies a futex word (Linux: union futex_key) */
struct futex_key {
	void *ptr;			/* the mm, or the shared page */
	unsigned long offset;		/* the address, or the offset in the page */
};

/* futex_q: one sleeper, on its kernel stack while it waits */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct futex_key key;
	u32 bitset;
};

static LIST_HEAD(futex_queue);

/*
 * get_futex_key: the key of the word at uaddr: -EINVAL unless 4-byte
 * aligned, -EFAULT outside user space (or, for a shared futex, not
 * readable: the page must be there to name it).
 */
static int get_futex_key(u32 __user *uaddr, bool private, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	struct vm_area_struct *vma;
	struct page *page;
	u32 val;

	if (addr & 3)
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	key->ptr = current->mm;
	key->offset = addr;
	if (private)
		return 0;
	if (get_user(val, uaddr))	/* the page is there from now on */
		return -EFAULT;
	(void)val;
	key->offset |= 1;	/* shared, in private memory: not the private key (FUT_OFF_MMSHARED) */
	vma = find_vma(current->mm, addr);
	if (vma && vma->vm_start <= addr && (vma->vm_flags & VM_SHARED)) {
		page = follow_page(current->mm, addr & PAGE_MASK);
		if (page) {
			key->ptr = page;
			key->offset = addr & ~PAGE_MASK;
		}
	}
	return 0;
}

static bool match_futex(const struct futex_key *a, const struct futex_key *b)
{
	return a->ptr == b->ptr && a->offset == b->offset;
}

/*
 * futex_wait: sleep while *uaddr is val, until a FUTEX_WAKE whose bitset
 * meets ours (0), a signal (-ERESTARTSYS; with a timeout -ERESTARTNOHAND,
 * as Linux's restart block gives EINTR after a handler), or the sched_clock
 * time expires (-ETIMEDOUT; 0: none). -EAGAIN at once if *uaddr is not val.
 */
static long futex_wait(u32 __user *uaddr, bool private, u32 val, u64 expires, u32 bitset)
{
	struct futex_q q = { LIST_HEAD_INIT(q.list), current, { NULL, 0 }, bitset };
	unsigned long flags;
	long ret = 0;
	u32 uval;
	int err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &q.key);
	if (err)
		return err;
	if (get_user(uval, uaddr))
		return -EFAULT;
	if (uval != val)
		return -EAGAIN;
	flags = local_irq_save();
	list_add_tail(&q.list, &futex_queue);
	for (;;) {
		u64 now = sched_clock();

		current->state = TASK_INTERRUPTIBLE;
		if (list_empty(&q.list))
			break;		/* futex_wake took us off the queue */
		if (signal_pending_current()) {
			ret = expires ? -ERESTARTNOHAND : -ERESTARTSYS;
			break;
		}
		if (expires && now >= expires) {
			ret = -ETIMEDOUT;
			break;
		}
		local_irq_restore(flags);
		schedule_timeout(expires ? expires - now : MAX_SCHEDULE_TIMEOUT);
		flags = local_irq_save();
	}
	current->state = TASK_RUNNING;
	if (!list_empty(&q.list))
		list_del_init(&q.list);
	local_irq_restore(flags);
	return ret;
}

/* futex_wake: wake up to nr sleepers on uaddr whose bitset meets ours (at
 * least one, as Linux: nr 0 wakes one); how many woke */
static long futex_wake(u32 __user *uaddr, bool private, int nr, u32 bitset)
{
	struct futex_key key;
	struct futex_q *q, *n;
	unsigned long flags;
	int err, woken = 0;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, private, &key);
	if (err)
		return err;
	flags = local_irq_save();
	list_for_each_entry_safe(q, n, &futex_queue, list) {
		if (!match_futex(&q->key, &key) || !(q->bitset & bitset))
			continue;
		list_del_init(&q->list);
		wake_up_process(q->task);
		if (++woken >= nr)
			break;
	}
	local_irq_restore(flags);
	return woken;
}

/* futex_wake_one: the wake of CLONE_CHILD_CLEARTID's word at a thread's end */
void futex_wake_one(u32 __user *uaddr)
{
	futex_wake(uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
}

/*
 * handle_futex_death: a lock word of a thread that is ending: if it names
 * the thread, mark it FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wake one
 * waiter, who takes the lock and learns that its data may be inconsistent
 * (EOWNERDEAD from pthread_mutex_lock). A word of 0 on the list_op_pending
 * entry is a lock the thread was about to take: a waiter may sleep on it.
 * The wake is a shared one, as Linux's (robust mutexes use shared wakes).
 */
static void handle_futex_death(u32 __user *uaddr, struct task_struct *t, bool pending)
{
	u32 uval;

	if (((unsigned long)uaddr & 3) || get_user(uval, uaddr))
		return;
	if (pending && !uval) {
		futex_wake(uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
		return;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)t->pid)
		return;
	if (put_user((uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED, uaddr))
		return;
	if (uval & FUTEX_WAITERS)
		futex_wake(uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
}

/*
 * exit_robust_list: at a thread's end (and at exec), the locks it still
 * holds: the user's struct robust_list_head is { next, futex_offset,
 * list_op_pending }, a circular list of entries in user memory each
 * followed, futex_offset bytes on, by its lock word. Every entry but the
 * pending one, then the pending one, goes to handle_futex_death. A fault
 * ends the walk, and ROBUST_LIST_LIMIT bounds it, so a looping or broken
 * list cannot hang the exit. Bit 0 of an entry marks a PI lock on Linux;
 * yomi has no PI futexes and treats it as a plain one.
 */
void exit_robust_list(struct task_struct *t)
{
	unsigned long head = (unsigned long)t->robust_list, entry, next, pending;
	long offset;
	int limit = ROBUST_LIST_LIMIT;

	t->robust_list = NULL;
	if (!head || get_user(entry, (unsigned long __user *)head) ||
	    get_user(offset, (long __user *)(head + 4)) ||
	    get_user(pending, (unsigned long __user *)(head + 8)))
		return;
	while ((entry & ~1UL) != head && limit--) {
		if (get_user(next, (unsigned long __user *)(entry & ~1UL)))
			return;
		if (entry != pending)
			handle_futex_death((u32 __user *)((entry & ~1UL) + offset), t, false);
		entry = next;
	}
	if (pending)
		handle_futex_death((u32 __user *)((pending & ~1UL) + offset), t, true);
}

/*
 * do_futex: the operations; the timeout (sec, nsec, has_timeout) is
 * relative for FUTEX_WAIT (CLOCK_MONOTONIC) and absolute for
 * FUTEX_WAIT_BITSET (CLOCK_MONOTONIC, or CLOCK_REALTIME with
 * FUTEX_CLOCK_REALTIME). Other operations (requeue, PI locks) are -ENOSYS.
 */
static long do_futex(u32 __user *uaddr, int op, u32 val, bool has_timeout, s64 sec, s64 nsec,
		     u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG;
	u64 expires = 0, now;

	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	if (has_timeout && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
			return -EINVAL;
		expires = (u64)sec * NSEC_PER_SEC + nsec;
		if (cmd == FUTEX_WAIT_BITSET) {
			do_clock_gettime(op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC,
					 &now);
			expires = expires > now ? expires - now : 0;
		}
		expires += sched_clock() + 1;	/* 0 means none */
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, private, val, expires, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, private, val, expires, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, private, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, val, val3);
	}
	return -ENOSYS;
}

/*
 * futex_syscall: futex and futex_time64 but for the timeout's format
 * (time64: struct __kernel_timespec; else the old struct timespec), read
 * only for the operations that wait (for the others it is a number).
 */
static long futex_syscall(u32 __user *uaddr, int op, u32 val, const void __user *utime,
			  bool time64, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct __kernel_timespec ts = { 0, 0 };
	struct timespec old;

	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		if (time64 && copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (!time64) {
			if (copy_from_user(&old, utime, sizeof(old)))
				return -EFAULT;
			ts.tv_sec = old.tv_sec;
			ts.tv_nsec = old.tv_nsec;
		}
	}
	return do_futex(uaddr, op, val, utime != NULL, ts.tv_sec, ts.tv_nsec, val3);
}

/* futex (240): the timeout is the old struct timespec (32-bit seconds) */
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val, struct timespec __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	(void)uaddr2;
	return futex_syscall(uaddr, op, val, utime, false, val3);
}

/* futex_time64 (422): the same with struct __kernel_timespec */
SYSCALL_DEFINE6(futex_time64, u32 __user *, uaddr, int, op, u32, val,
		struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	(void)uaddr2;
	return futex_syscall(uaddr, op, val, utime, true, val3);
}

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* get_robust_list: pid's registered head (0: the caller's) and its size */
SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (!t)
		return -ESRCH;
	if (put_user(ROBUST_LIST_HEAD_SIZE, len_ptr) || put_user(t->robust_list, head_ptr))
		return -EFAULT;
	return 0;
}
