/* Small process-information system calls (Linux: kernel/sys.c): getpid,
 * getppid, uname, the resource limits, and the CPU times that the timer
 * tick accounts (times, getrusage). */
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
#include <uapi/linux/times.h>

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

/* do_sys_times: the current task's CPU times and its reaped children's. */
static void do_sys_times(struct tms *tms)
{
	tms->tms_utime = nsec_to_clock_t(current->utime);
	tms->tms_stime = nsec_to_clock_t(current->stime);
	tms->tms_cutime = nsec_to_clock_t(current->cutime);
	tms->tms_cstime = nsec_to_clock_t(current->cstime);
}

/*
 * times: fill *tbuf (when not NULL) and return the clock ticks since boot.
 * Linux starts its count 300 s before zero, to catch wrap-around bugs
 * early; a caller may only subtract two results.
 */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		struct tms tmp;

		do_sys_times(&tmp);
		if (copy_to_user(tbuf, &tmp, sizeof(tmp)))
			return -EFAULT;
	}
	return (long)nsec_to_clock_t(sched_clock());
}

static struct __kernel_old_timeval ns_to_kernel_old_timeval(u64 ns)
{
	struct __kernel_old_timeval tv = { (long)(ns / NSEC_PER_SEC),
					   (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC) };

	return tv;
}

/*
 * getrusage: p's usage for who = RUSAGE_SELF or RUSAGE_THREAD (the same
 * here: one thread per process), RUSAGE_CHILDREN (the reaped children),
 * or RUSAGE_BOTH (wait4's report of a child: itself and its children).
 */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	u64 utime = 0, stime = 0;

	memset(r, 0, sizeof(*r));
	if (who != RUSAGE_CHILDREN) {
		utime += p->utime;
		stime += p->stime;
	}
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		utime += p->cutime;
		stime += p->cstime;
	}
	r->ru_utime = ns_to_kernel_old_timeval(utime);
	r->ru_stime = ns_to_kernel_old_timeval(stime);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
