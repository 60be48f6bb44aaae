/*
 * /proc/<pid>/ (Linux: fs/proc/base.c, array.c): cmdline, stat, status,
 * maps (task_mmu.c), the exe link, and task/, a directory per thread
 * holding the same files (but task/). Each file finds its process again by pid when it is
 * read, so a process that has gone gives ESRCH, never a stale pointer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/string.h>

static char task_state_char(const struct task_struct *t)
{
	if (t->exit_state)
		return 'Z';
	if (t->state == TASK_STOPPED)
		return 'T';
	return t->state == TASK_RUNNING ? 'R' : 'S';
}

static const char *task_state_name(const struct task_struct *t)
{
	return t->exit_state ? "Z (zombie)" : t->state == TASK_RUNNING ? "R (running)" :
	       "S (sleeping)";
}

static int status_show(struct seq_file *m, void *v)
{
	struct task_struct *t = proc_task(m->private);

	(void)v;
	if (!t)
		return -ESRCH;
	seq_printf(m, "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n", t->comm,
		   task_state_name(t), t->tgid, t->pid, t->parent ? t->parent->tgid : 0);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n", t->cred.uid, t->cred.euid,
		   t->cred.suid, t->cred.fsuid, t->cred.gid, t->cred.egid, t->cred.sgid, t->cred.fsgid);
	if (t->mm)
		seq_printf(m, "VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\nVmData:\t%8lu kB\nVmPTE:\t%8lu kB\n",
			   t->mm->total_vm << (PAGE_SHIFT - 10), get_mm_rss(t->mm) << (PAGE_SHIFT - 10),
			   (t->mm->brk - t->mm->start_brk) >> 10,
			   mm_pgtables_pages(t->mm) << (PAGE_SHIFT - 10));
	seq_printf(m, "Threads:\t%d\nSigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\n",
		   t->signal->nr_threads, t->sig_pending, t->signal->shared_pending, t->sig_blocked);
	return 0;
}

/* stat: Linux's one-line format, fields 1-24 (times in clock ticks). */
static int stat_show(struct seq_file *m, void *v)
{
	struct task_struct *t = proc_task(m->private);
	struct mm_struct *mm;

	(void)v;
	if (!t)
		return -ESRCH;
	mm = t->mm;
	seq_printf(m, "%d (%s) %c %d %d %d 0 -1 0 0 0 0 0 0 0 0 0 20 0 %d 0 %llu %lu %lu %lu\n",
		   t->pid, t->comm, task_state_char(t), t->parent ? t->parent->tgid : 0, t->pgrp,
		   t->session, t->signal->nr_threads, t->start_time / (NSEC_PER_SEC / HZ),
		   mm ? mm->total_vm << PAGE_SHIFT : 0, mm ? get_mm_rss(mm) : 0,
		   t->rlim[RLIMIT_RSS].rlim_cur);
	return 0;
}

/* cmdline: the arguments as they are in the process's memory, NUL-separated. */
static int cmdline_show(struct seq_file *m, void *v)
{
	struct task_struct *t = proc_task(m->private);
	unsigned long addr, end;
	char buf[256];

	(void)v;
	if (!t)
		return -ESRCH;
	if (!t->mm)
		return 0;
	for (addr = t->mm->arg_start, end = t->mm->arg_end; addr < end;) {
		int n = access_process_vm(t, addr, buf, min(end - addr, sizeof(buf)));
		int i;

		if (n <= 0)
			break;
		for (i = 0; i < n; i++)
			seq_putc(m, buf[i]);
		addr += n;
	}
	return 0;
}

PROC_SINGLE(status);
PROC_SINGLE(stat);
PROC_SINGLE(cmdline);

/*
 * proc_exe_link: the target of /proc/<pid>/exe, the path of the program
 * the process runs: the file of the area that holds its code (Linux 2.6
 * found it the same way, by the VM_EXECUTABLE area; later Linux keeps
 * mm->exe_file). Its length, or an error.
 */
static int proc_exe_link(struct inode *inode, char *buf, int len)
{
	struct task_struct *t = proc_task(inode);
	struct vm_area_struct *vma;

	if (!t || !t->mm)
		return -ENOENT;
	vma = find_vma(t->mm, t->mm->start_code);
	if (!vma || vma->vm_start > t->mm->start_code || !vma->vm_file)
		return -ENOENT;
	return d_path(vma->vm_file->f_dentry, buf, len);
}

static const struct inode_operations proc_exe_inode_operations = {
	.get_link = proc_exe_link,
};

static struct dentry *proc_task_lookup(struct dentry *dir, const char *name, size_t len)
{
	return proc_pid_lookup(dir, name, len, dir->d_inode->i_private);
}

/* proc_task_iterate: /proc/<pid>/task lists the threads of the process */
static int proc_task_iterate(struct dentry *dir, long long pos, void *ctx,
			     bool (*emit)(void *ctx, const char *name, struct inode *inode))
{
	struct task_struct *leader = find_task_by_pid(dir->d_inode->i_private), *t;
	long long i = 0;

	if (pos == i++ && !emit(ctx, ".", dir->d_inode))
		return 0;
	if (pos <= i++ && !emit(ctx, "..", dir->d_parent->d_inode))
		return 0;
	if (!leader || !thread_group_leader(leader))
		return 0;
	t = leader;
	do {
		char name[8];

		snprintf(name, sizeof(name), "%d", t->pid);
		if (t->exit_state != EXIT_DEAD && pos <= i++ && !emit(ctx, name, dir->d_inode))
			return 0;
	} while_each_thread(leader, t);
	return 0;
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
	.iterate = proc_task_iterate,
};

/* proc_pid_populate: the files of a new /proc/<pid> directory (process:
 * with task/; a /proc/<pid>/task/<tid> has none) */
void proc_pid_populate(struct dentry *dir, bool process)
{
	unsigned long pid = dir->d_inode->i_private;
	struct dentry *exe, *task;

	proc_create(dir, "cmdline", S_IFREG | 0444, &proc_cmdline_operations, pid);
	exe = proc_create(dir, "exe", S_IFLNK | 0777, NULL, pid);
	if (exe)
		exe->d_inode->i_op = &proc_exe_inode_operations;
	proc_create(dir, "maps", S_IFREG | 0444, &proc_maps_operations, pid);
	proc_create(dir, "stat", S_IFREG | 0444, &proc_stat_operations, pid);
	proc_create(dir, "status", S_IFREG | 0444, &proc_status_operations, pid);
	if (!process)
		return;
	task = proc_create(dir, "task", S_IFDIR | 0555, NULL, pid);
	if (task)
		task->d_inode->i_op = &proc_task_inode_operations;
}
