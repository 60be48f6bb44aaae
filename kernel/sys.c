/*
 * Small process-information system calls (Linux: kernel/sys.c): getpid,
 * getppid, uname and the resource limits.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/utsname.h>
#include <asm/uaccess.h>

static const struct new_utsname init_uts_ns = {
	.sysname = "yomi",
	.nodename = "(none)",
	.release = YOMI_VERSION,
	.version = "#1",
	.machine = "i686",
	.domainname = "(none)",
};

void set_task_comm(struct task_struct *t, const char *name)
{
	strlcpy(t->comm, name, sizeof(t->comm));
}

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

/* getppid: init's parent is the idle task, pid 0, as on Linux. */
SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts_ns, sizeof(init_uts_ns)) ? -EFAULT : 0;
}

/* getrlimit (191, ugetrlimit in user space): the limit as stored. */
SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	return copy_to_user(rlim, &current->rlim[resource], sizeof(*rlim)) ? -EFAULT : 0;
}

/*
 * old_getrlimit (76): the pre-2.4 call, which reports an infinite limit as
 * 0x7fffffff because old programs took the value as signed.
 */
SYSCALL_DEFINE2(old_getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r = current->rlim[resource];
	if (r.rlim_cur > 0x7FFFFFFF)
		r.rlim_cur = 0x7FFFFFFF;
	if (r.rlim_max > 0x7FFFFFFF)
		r.rlim_max = 0x7FFFFFFF;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/* setrlimit: the soft limit may not exceed the hard one (EINVAL). */
SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	if (r.rlim_cur > r.rlim_max)
		return -EINVAL;
	current->rlim[resource] = r;
	return 0;
}
