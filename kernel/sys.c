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
	return current->tgid;
}

/* getppid: init's parent is the idle task, pid 0, as on Linux. */
SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->tgid : 0;
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

/* do_prlimit: set t's limit (new, unless NULL): the soft limit may not
 * exceed the hard one (EINVAL), nor a descriptor limit fs.nr_open (EPERM,
 * as on Linux) */
static long do_prlimit(struct task_struct *t, unsigned int resource, const struct rlimit *new)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!new)
		return 0;
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
		return -EPERM;
	t->rlim[resource] = *new;
	return 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r);
}

/* rlimit64: prlimit64's 64-bit limits; all ones is infinity */
struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

static unsigned long rlim_from64(u64 v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static u64 rlim_to64(unsigned long v)
{
	return v == RLIM_INFINITY ? ~0ULL : v;
}

/* prlimit64 (340): get and set a limit of pid (0: the caller) at once;
 * bash's ulimit uses it. Linux also checks the caller may. */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	struct rlimit64 n = { 0, 0 }, o = { 0, 0 };
	struct rlimit r;
	long err;

	if (!t)
		return -ESRCH;
	if (new_rlim && copy_from_user(&n, new_rlim, sizeof(n)))
		return -EFAULT;
	if (resource < RLIM_NLIMITS) {
		o.rlim_cur = rlim_to64(t->rlim[resource].rlim_cur);
		o.rlim_max = rlim_to64(t->rlim[resource].rlim_max);
	}
	r.rlim_cur = rlim_from64(n.rlim_cur);
	r.rlim_max = rlim_from64(n.rlim_max);
	err = do_prlimit(t, resource, new_rlim ? &r : NULL);
	if (!err && old_rlim && copy_to_user(old_rlim, &o, sizeof(o)))
		err = -EFAULT;
	return err;
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

/* set_group_ids: the process group and session of every thread of p's
 * process (Linux keeps them once, in signal_struct) */
static void set_group_ids(struct task_struct *p, pid_t pgrp, pid_t session)
{
	struct task_struct *t = p;

	do {
		t->pgrp = pgrp;
		t->session = session;
	} while_each_thread(p, t);
}

/* setpgid: move the caller or one of its children into a process group. */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (pgid < 0)
		return -EINVAL;
	if (!t || (t->tgid != current->tgid && t->parent != current->group_leader))
		return -ESRCH;
	if (t->session != current->session || t->tgid == t->session)
		return -EPERM;
	set_group_ids(t, pgid ? pgid : t->tgid, t->session);
	return 0;
}

SYSCALL_DEFINE0(setsid)
{
	if (current->pgrp == current->tgid)
		return -EPERM;
	set_group_ids(current, current->tgid, current->tgid);
	return current->session;
}

SYSCALL_DEFINE0(getuid)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred.egid;
}

/*
 * The id changes work on four ids at once - real, effective, saved, file
 * system: ids points at cred.uid (then euid, suid, fsuid) or at cred.gid.
 * Who may do what is Linux's: a task with euid 0 (Linux: CAP_SETUID or
 * CAP_SETGID, which root has) anything; any other only what swaps among
 * the ids it already has.
 */
_Static_assert(offsetof(struct cred, fsuid) == offsetof(struct cred, uid) + 3 * sizeof(uid_t),
	       "uid, euid, suid, fsuid follow each other");
_Static_assert(offsetof(struct cred, fsgid) == offsetof(struct cred, gid) + 3 * sizeof(gid_t),
	       "gid, egid, sgid, fsgid follow each other");
enum { REAL, EFF, SAVED, FS };
#define NO_ID ((unsigned int)-1)	/* "leave it" in setre*id and setres*id */

static bool capable(void)
{
	return current->cred.euid == 0;
}

/* one_of: id is one of the task's real, effective or saved ids */
static bool one_of(const unsigned int *ids, unsigned int id)
{
	return id == ids[REAL] || id == ids[EFF] || id == ids[SAVED];
}

/* set_id: setuid/setgid: root sets all four; others only the effective
 * (and fs) id, to the real or saved one */
static long set_id(unsigned int *ids, unsigned int id)
{
	if (id == NO_ID)
		return -EINVAL;
	if (capable())
		ids[REAL] = ids[SAVED] = ids[EFF] = ids[FS] = id;
	else if (id == ids[REAL] || id == ids[SAVED])
		ids[EFF] = ids[FS] = id;
	else
		return -EPERM;
	return 0;
}

/* set_reid: setreuid/setregid; the saved id follows the effective one when
 * the real one changes or the effective one leaves it */
static long set_reid(unsigned int *ids, unsigned int r, unsigned int e)
{
	unsigned int old_real = ids[REAL];

	if (!capable() && ((r != NO_ID && r != ids[REAL] && r != ids[EFF]) ||
			   (e != NO_ID && !one_of(ids, e))))
		return -EPERM;
	if (r != NO_ID)
		ids[REAL] = r;
	if (e != NO_ID)
		ids[EFF] = e;
	if (r != NO_ID || (e != NO_ID && e != old_real))
		ids[SAVED] = ids[EFF];
	ids[FS] = ids[EFF];
	return 0;
}

/* set_resid: setresuid/setresgid: each id given is set */
static long set_resid(unsigned int *ids, unsigned int r, unsigned int e, unsigned int s)
{
	if (!capable() && ((r != NO_ID && !one_of(ids, r)) || (e != NO_ID && !one_of(ids, e)) ||
			   (s != NO_ID && !one_of(ids, s))))
		return -EPERM;
	if (r != NO_ID)
		ids[REAL] = r;
	if (e != NO_ID)
		ids[EFF] = e;
	if (s != NO_ID)
		ids[SAVED] = s;
	ids[FS] = ids[EFF];
	return 0;
}

/* get_resid: getresuid/getresgid */
static long get_resid(const unsigned int *ids, unsigned int __user *r, unsigned int __user *e,
		      unsigned int __user *s)
{
	if (put_user(ids[REAL], r) || put_user(ids[EFF], e) || put_user(ids[SAVED], s))
		return -EFAULT;
	return 0;
}

/* set_fsid: setfsuid/setfsgid never fail: they return the old id, and
 * change it only when allowed */
static long set_fsid(unsigned int *ids, unsigned int id)
{
	unsigned int old = ids[FS];

	if (capable() || one_of(ids, id) || id == ids[FS])
		ids[FS] = id;
	return old;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return set_id(&current->cred.uid, uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return set_id(&current->cred.gid, gid);
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return set_reid(&current->cred.uid, ruid, euid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return set_reid(&current->cred.gid, rgid, egid);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return set_resid(&current->cred.uid, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return set_resid(&current->cred.gid, rgid, egid, sgid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruid, uid_t __user *, euid, uid_t __user *, suid)
{
	return get_resid(&current->cred.uid, ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgid, gid_t __user *, egid, gid_t __user *, sgid)
{
	return get_resid(&current->cred.gid, rgid, egid, sgid);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return set_fsid(&current->cred.uid, uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return set_fsid(&current->cred.gid, gid);
}

/* getgroups: the supplementary groups; size 0 asks only how many */
SYSCALL_DEFINE2(getgroups, int, size, gid_t __user *, list)
{
	const struct cred *c = &current->cred;

	if (size < 0)
		return -EINVAL;
	if (!size)
		return c->ngroups;
	if (size < c->ngroups)
		return -EINVAL;
	return copy_to_user(list, c->groups, c->ngroups * sizeof(gid_t)) ? -EFAULT : c->ngroups;
}

/* setgroups: root only; more than NGROUPS_SMALL is -EINVAL here (Linux
 * takes up to 65536) */
SYSCALL_DEFINE2(setgroups, int, size, gid_t __user *, list)
{
	gid_t groups[NGROUPS_SMALL];

	if (!capable())
		return -EPERM;
	if (size < 0 || size > NGROUPS_SMALL)
		return -EINVAL;
	if (copy_from_user(groups, list, size * sizeof(gid_t)))
		return -EFAULT;
	memcpy(current->cred.groups, groups, size * sizeof(gid_t));
	current->cred.ngroups = size;
	return 0;
}

#define PR_SET_NAME 15
#define PR_GET_NAME 16

/* prctl: only the name options (the comm that ps shows: 15 bytes and a
 * NUL); Linux has dozens more, each -EINVAL here */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	(void)arg3, (void)arg4, (void)arg5;
	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm, sizeof(current->comm)) ?
		       -EFAULT : 0;
	}
	return -EINVAL;
}

/* gettid: the thread id (the process id in the first thread) */
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
