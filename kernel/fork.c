/*
 * Creating processes (Linux: kernel/fork.c). fork, vfork and clone all go
 * through _do_fork, which calls copy_process to build the child: a new
 * task_struct and kernel stack, a copy of the address space (copy_mm ->
 * dup_mmap), the open files shared by reference (copy_files), the signal
 * actions and process state (copy_sighand, copy_signal), and the
 * registers (copy_thread), so that the child returns from the same system
 * call with 0 while the parent gets the child's pid. With CLONE_VM,
 * CLONE_FILES, CLONE_SIGHAND and CLONE_THREAD the child shares those
 * instead: it is a new thread of the caller's process.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/linux/sched.h>

/* the flags clone takes; the last four change nothing here, as on Linux
 * without a tracer: CLONE_DETACHED is ignored since 2.6.2 (musl's
 * pthread_create still passes it), there is no ptrace, one I/O context */
#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_VFORK | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | \
			 CLONE_DETACHED | CLONE_PTRACE | CLONE_UNTRACED | CLONE_IO)

int nr_threads;			/* processes alive or zombie */
int max_threads;		/* kernel.threads-max: fork fails with -EAGAIN beyond */

/*
 * fork_init: max_threads from the memory size, as Linux's set_max_threads:
 * no more kernel stacks than would fill an eighth of RAM (2,048 tasks for
 * 128 MiB), at least MIN_THREADS. init's RLIMIT_NPROC is half of it, as
 * on Linux - which lets root (and so every yomi process) fork past
 * RLIMIT_NPROC: only max_threads stops a fork bomb.
 */
void fork_init(void)
{
	u64 threads = (u64)totalram_pages * PAGE_SIZE / (THREAD_SIZE * 8);

	max_threads = threads > MAX_THREADS ? MAX_THREADS : threads < MIN_THREADS ? MIN_THREADS : threads;
}


/*
 * dup_mmap: copy every area of oldmm into mm; copy_page_range shares the
 * pages copy-on-write.
 */
static noinline int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *copy;
	int err = 0;

	for (vma = oldmm->mmap; vma && !err; vma = vma->vm_next) {
		copy = vm_area_dup(vma);
		if (!copy) {
			err = -ENOMEM;
			break;
		}
		copy->vm_mm = mm;
		err = insert_vm_struct(mm, copy);
		if (err)
			vm_area_free(copy);
		else
			err = copy_page_range(mm, oldmm, vma);
	}
	/* the parent's pages that were copied became read-only, error or
	 * not: flush its whole TLB */
	switch_mm(oldmm);
	return err;
}

/*
 * copy_mm: the child's address space - the parent's own with CLONE_VM
 * (vfork: the child borrows it until it execs or exits), else a copy.
 */
static noinline int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm, *mm;
	int err;

	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;
		p->mm = oldmm;
		return 0;
	}
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	mm->get_unmapped_area = oldmm->get_unmapped_area;
	mm->mmap_base = oldmm->mmap_base;
	mm->mmap_legacy_base = oldmm->mmap_legacy_base;
	mm->context = oldmm->context;
	memcpy(&mm->start_code, &oldmm->start_code,
	       offsetof(struct mm_struct, context) - offsetof(struct mm_struct, start_code));
	err = dup_mmap(mm, oldmm);
	if (err) {
		mmput(mm);
		return err;
	}
	p->mm = mm;
	return 0;
}

/* copy_files: the child shares each open file with the parent; with
 * CLONE_FILES the whole table (a descriptor opened later is the other's too) */
static int copy_files(unsigned long clone_flags, struct task_struct *p)
{
	struct files_struct *old = current->files, *files;

	if (!old)
		return 0;
	if (clone_flags & CLONE_FILES) {
		old->count++;
		p->files = old;
		return 0;
	}
	files = dup_fd(old);
	if (!files)
		return -ENOMEM;
	p->files = files;
	return 0;
}

/* copy_fs: the current directory and umask: the caller's with CLONE_FS,
 * else a copy (pid 1's, from the idle task that has none: umask 022) */
int copy_fs(unsigned long clone_flags, struct task_struct *p)
{
	if ((clone_flags & CLONE_FS) && current->fs) {
		current->fs->users++;
		p->fs = current->fs;
		return 0;
	}
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* copy_sighand: the signal actions: the caller's with CLONE_SIGHAND, else a copy */
int copy_sighand(unsigned long clone_flags, struct task_struct *p)
{
	struct sighand_struct *sighand = current->sighand;

	if (clone_flags & CLONE_SIGHAND) {
		sighand->count++;
		p->sighand = sighand;
		return 0;
	}
	p->sighand = kmalloc(sizeof(*sighand), GFP_KERNEL);
	if (!p->sighand)
		return -ENOMEM;
	memcpy(p->sighand->action, sighand->action, sizeof(sighand->action));
	p->sighand->count = 1;
	return 0;
}

/* copy_signal: the process's shared state: the caller's for a thread
 * (CLONE_THREAD), else a new one, nothing pending */
int copy_signal(unsigned long clone_flags, struct task_struct *p)
{
	struct signal_struct *sig = current->signal;

	if (!(clone_flags & CLONE_THREAD)) {
		sig = kzalloc(sizeof(*sig), GFP_KERNEL);
		if (!sig)
			return -ENOMEM;
	}
	sig->count++;
	sig->live++;
	sig->nr_threads++;
	p->signal = sig;
	return 0;
}

/*
 * dup_task_struct: a new, zeroed task with its own kernel stack (two
 * pages, THREAD_SIZE-aligned: the thread_info at the bottom finds its task
 * from any stack address), waiting to be woken; or NULL. Linux copies the
 * whole task_struct of the parent here; yomi's callers copy what they need.
 */
struct task_struct *dup_task_struct(void)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct page *stack;

	if (!t)
		return NULL;
	stack = alloc_pages(GFP_KERNEL | __GFP_ZERO, THREAD_SIZE_ORDER);
	if (!stack) {
		kfree(t);
		return NULL;
	}
	t->stack = page_address(stack);
	t->stack->task = t;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->it_real_list);
	INIT_LIST_HEAD(&t->thread_group);
	t->group_leader = t;
	init_waitqueue_head(&t->wait_chldexit);
	t->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_process */
	return t;
}

/* free_task: give back a task and its kernel stack (a reaped zombie, or
 * a child that fork could not finish), and its share of the signal state */
void free_task(struct task_struct *p)
{
	if (p->sighand && !--p->sighand->count)
		kfree(p->sighand);
	if (p->signal && !--p->signal->count)
		kfree(p->signal);
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
}

/* copy_process: a new task, a copy of the current one; ERR_PTR on failure. */
static struct task_struct *copy_process(unsigned long clone_flags, unsigned long sp,
					struct pt_regs *regs, unsigned long tls)
{
	struct task_struct *p;
	int err;

	if (nr_threads >= max_threads)
		return ERR_PTR(-EAGAIN);
	p = dup_task_struct();
	if (!p)
		return ERR_PTR(-ENOMEM);
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	p->sig_blocked = current->sig_blocked;
	p->sas_ss_sp = current->sas_ss_sp;
	p->sas_ss_size = current->sas_ss_size;
	p->personality = current->personality;
	p->cred = current->cred;
	p->pgrp = current->pgrp;
	p->session = current->session;
	p->exit_signal = clone_flags & CSIGNAL;
	p->start_time = sched_clock();
	p->exec_start = p->start_time;
	err = copy_sighand(clone_flags, p);
	if (!err)
		err = copy_signal(clone_flags, p);
	if (!err)
		err = copy_mm(clone_flags, p);
	if (!err)
		err = copy_files(clone_flags, p);
	if (!err)
		err = copy_fs(clone_flags, p);
	if (!err)
		err = copy_thread(p, regs, sp, NULL, clone_flags, tls);
	/* a group exit or an exec (SIGKILL) that began meanwhile would miss
	 * the new thread: the caller dies instead (Linux: -EINTR, the same check) */
	if (!err && (current->sig_pending & sigmask(SIGKILL)))
		err = -EINTR;
	if (!err) {
		p->pid = alloc_pid();
		if (p->pid < 0)
			err = -EAGAIN;
	}
	if (err) {
		if (p->signal) {
			p->signal->live--;
			p->signal->nr_threads--;
		}
		exit_fs(p);
		if (p->files)
			put_files_struct(p->files);
		if (p->mm)
			mmput(p->mm);
		free_task(p);
		return ERR_PTR(err);
	}
	p->stack->sysenter_return = current_thread_info()->sysenter_return;
	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		p->parent = current->parent;
		p->exit_signal = -1;	/* a thread tells no parent when it ends */
		list_add_tail(&p->thread_group, &p->group_leader->thread_group);
	} else {
		/* the child of any thread is the process's: its leader's */
		p->tgid = p->pid;
		p->parent = current->group_leader;
		list_add_tail(&p->sibling, &p->parent->children);
	}
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	syscall_trace_task(p);
	return p;
}

/*
 * _do_fork: copy the process and start the child. With CLONE_VFORK the
 * parent then sleeps until the child has exec'd or exited, as the child
 * runs in the parent's memory (vfork passes CLONE_VM).
 */
long _do_fork(unsigned long clone_flags, unsigned long sp, int __user *parent_tidptr,
	      int __user *child_tidptr, struct pt_regs *regs, unsigned long tls)
{
	struct task_struct *p;
	pid_t pid;

	if (clone_flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	/* Linux's rules: a thread shares the signal actions, which need the
	 * address space the handlers are in */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	p = copy_process(clone_flags, sp, regs, tls);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if ((clone_flags & CLONE_PARENT_SETTID) && put_user(pid, parent_tidptr))
		pid = -EFAULT;
	if (clone_flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tidptr;	/* written by the child itself */
	if (clone_flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tidptr;
	if (clone_flags & CLONE_VFORK)
		p->vfork_parent = current;
	wake_up_process(p);
	if (clone_flags & CLONE_VFORK) {
		wait_event_interruptible(current->wait_chldexit, !p->vfork_parent);
		/* a signal may have ended the wait: then we may die and be freed
		 * before the child execs, which must not wake us (Linux:
		 * wait_for_vfork_done clears the child's vfork_done) */
		p->vfork_parent = NULL;
	}
	return pid;
}

/* the saved registers of the calling task: the syscall's own pt_regs */
#define current_regs() task_pt_regs(current)

SYSCALL_DEFINE0(fork)
{
	return _do_fork(17 /* SIGCHLD */, 0, NULL, NULL, current_regs(), 0);
}

SYSCALL_DEFINE0(vfork)
{
	return _do_fork(CLONE_VFORK | CLONE_VM | 17, 0, NULL, NULL, current_regs(), 0);
}

/* clone, i386 argument order: flags, newsp, parent_tidptr, tls (a struct
 * user_desc pointer for CLONE_SETTLS), child_tidptr */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls, int __user *, child_tidptr)
{
	return _do_fork(clone_flags, newsp, parent_tidptr, child_tidptr, current_regs(), tls);
}
