/*
 * Small process-information system calls (Linux: kernel/sys.c): getpid,
 * getppid, uname and the resource limits.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/utsname.h>
#include <asm/uaccess.h>
#include <uapi/linux/sysinfo.h>

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

/* setrlimit: the soft limit may not exceed the hard one (EINVAL), nor a
 * descriptor limit fs.nr_open (EPERM, as on Linux). */
SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	if (r.rlim_cur > r.rlim_max)
		return -EINVAL;
	if (resource == RLIMIT_NOFILE && r.rlim_max > NR_OPEN)
		return -EPERM;
	current->rlim[resource] = r;
	return 0;
}

/* process groups and sessions, for the shell's job control */

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	return t ? t->pgrp : -ESRCH;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	return t ? t->session : -ESRCH;
}

/* setpgid: move the caller or one of its children into a process group. */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (pgid < 0)
		return -EINVAL;
	if (!t || (t != current && t->parent != current))
		return -ESRCH;
	if (t->session != current->session || t->pid == t->session)
		return -EPERM;
	t->pgrp = pgid ? pgid : t->pid;
	return 0;
}

SYSCALL_DEFINE0(setsid)
{
	if (current->pgrp == current->pid)
		return -EPERM;
	current->session = current->pgrp = current->pid;
	return current->session;
}

/* Everyone is root in yomi: the user and group ids are all 0. */
SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

/* gettid: with one thread per process, the thread id is the pid. */
SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* sysinfo: uptime, memory and process count; freeram lets tests find leaks. */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo v;

	memset(&v, 0, sizeof(v));
	v.uptime = (long)(sched_clock() / NSEC_PER_SEC);
	v.totalram = totalram_pages;
	v.freeram = nr_free_pages();
	v.procs = nr_threads;
	v.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &v, sizeof(v)) ? -EFAULT : 0;
}
