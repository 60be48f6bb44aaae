/*
 * The robust futex list (Linux: kernel/futex/syscalls.c). A thread library
 * registers, at start, the head of its list of held locks, so that the
 * kernel can release them when the thread dies. yomi has no futexes and no
 * threads yet (issue 14 part 2): it keeps the head for get_robust_list,
 * which is all glibc's start-up needs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define ROBUST_LIST_HEAD_SIZE 12	/* struct robust_list_head on i386 */

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
