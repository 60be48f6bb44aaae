/*
 * Ending processes and waiting for them (Linux: kernel/exit.c). do_exit
 * releases the address space and files, hands any children to init, and
 * leaves a zombie holding the wait status - (code << 8) for exit(code),
 * the signal number for a kill - until the parent collects it with wait4,
 * which frees the rest. When init itself ends there is nothing left to
 * run, so the machine powers off with its status.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/reboot.h>
#include <asm/uaccess.h>
#include <uapi/linux/wait.h>


/* init_exit: pid 1 has ended; report its status the shell's way and stop. */
static void __noreturn init_exit(long code)
{
	int status = (code & 0x7f) ? 128 + (code & 0x7f) : (code >> 8) & 0xff;

	if (code & 0x7f)
		printk(KERN_NOTICE "init killed by signal %ld\n", code & 0x7f);
	printk(KERN_NOTICE "init exited with status %d\n", status);
	machine_power_off(status);
}

/* mm_release: release the robust locks the thread holds; wake a vfork
 * parent; clear CLONE_CHILD_CLEARTID's word and wake one futex waiter on
 * it (a thread library's join) */
void mm_release(struct task_struct *t)
{
	exit_robust_list(t);
	if (t->clear_child_tid) {
		if (!put_user(0, t->clear_child_tid))
			futex_wake_one((u32 __user *)t->clear_child_tid);
		t->clear_child_tid = NULL;
	}
	if (t->vfork_parent) {
		struct task_struct *parent = t->vfork_parent;

		t->vfork_parent = NULL;
		wake_up(&parent->wait_chldexit);
	}
}

/* do_notify_parent: the parent's SIGCHLD (exit_signal) with the child's
 * pid, uid and how it ended, as siginfo reports it */
static void do_notify_parent(struct task_struct *tsk)
{
	struct kernel_siginfo info = { CLD_EXITED, tsk->pid, tsk->cred.uid, 0, 0 };

	if (tsk->exit_code & 0x7f) {
		info.code = CLD_KILLED;
		info.status = tsk->exit_code & 0x7f;
	} else {
		info.status = (tsk->exit_code >> 8) & 0xff;
	}
	if (tsk->exit_signal > 0)
		group_send_sig_info(tsk->exit_signal, &info, tsk->parent);
	wake_up(&tsk->parent->wait_chldexit);
}

/*
 * forget_original_parent: children of an exiting task become init's. A
 * child made by clone with another exit signal than SIGCHLD would send init
 * that signal when it dies; as Linux's reparent_leader does ("we don't want
 * people slaying init"), it sends SIGCHLD instead.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *init = find_task_by_pid(1), *child, *n;
	bool zombie = false;

	list_for_each_entry_safe(child, n, &father->children, sibling) {
		list_del(&child->sibling);
		child->parent = init;
		if (child->exit_signal)
			child->exit_signal = SIGCHLD;
		list_add_tail(&child->sibling, &init->children);
		zombie |= child->exit_state == EXIT_ZOMBIE;
	}
	if (zombie)
		wake_up(&init->wait_chldexit);
}

static LIST_HEAD(dead_tasks);	/* ended threads, freed once off their stack */

/*
 * exit_notify: the end of a thread, interrupts off. The last thread of a
 * process hands its children to init and tells the parent; until then a
 * leader that ended stays a zombie the parent cannot reap (Linux:
 * delay_group_leader). Any other thread is released as soon as it is off
 * the CPU (finish_task_switch): nobody waits for it (Linux: autoreap).
 */
static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_struct *leader = tsk->group_leader;

	if (group_dead)
		forget_original_parent(leader);
	if (thread_group_leader(tsk)) {
		tsk->exit_state = EXIT_ZOMBIE;
		tsk->state = EXIT_ZOMBIE;
	} else {
		list_del_init(&tsk->thread_group);
		tsk->signal->nr_threads--;
		tsk->signal->utime += tsk->utime;	/* the process's times keep its share */
		tsk->signal->stime += tsk->stime;
		tsk->signal->sum_sched_runtime += task_sched_runtime(tsk);
		tsk->exit_state = EXIT_DEAD;
		tsk->state = EXIT_DEAD;
		list_add_tail(&tsk->sibling, &dead_tasks);
	}
	if (group_dead && leader->exit_state == EXIT_ZOMBIE) {
		leader->exit_code = tsk->exit_code;	/* the last thread's, as Linux 6.1 reports */
		do_notify_parent(leader);
	}
	if (tsk->signal->group_exec_task)
		wake_up_process(tsk->signal->group_exec_task);
}

/* finish_task_switch: after a switch, free the threads that ended (their
 * stacks are no longer in use); Linux drops the last task reference here */
void finish_task_switch(void)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &dead_tasks, sibling)
		if (p != current)
			release_task(p);
}

/*
 * do_exit: end the current thread with code (its wait status). A thread
 * that is not the last of its process ends alone: exit_group and fatal
 * signals end the others first (do_group_exit).
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (tsk->mm) {
		struct mm_struct *mm = tsk->mm;

		mm_release(tsk);
		tsk->mm = NULL;
		switch_mm(NULL);
		mmput(mm);
	}
	if (tsk->files) {
		put_files_struct(tsk->files);
		tsk->files = NULL;
	}
	exit_fs(tsk);
	exit_itimers(tsk);
	local_irq_disable();
	group_dead = !--tsk->signal->live;
	if (tsk->tgid == 1 && group_dead)
		init_exit(code);
	tsk->exit_code = code;
	exit_notify(tsk, group_dead);
	schedule();		/* a zombie never runs again */
	panic("zombie %d scheduled", tsk->pid);
}

/*
 * do_group_exit: end the whole process (exit_group, a fatal signal): the
 * other threads get SIGKILL and end with the same status. Another thread's
 * group exit that came first sets the status; so does an exec, which
 * kills the others (de_thread).
 */
void do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags = local_irq_save();

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else if (!sig->group_exec_task && !list_empty(&current->thread_group)) {
		sig->flags = SIGNAL_GROUP_EXIT;
		sig->group_exit_code = exit_code;
		zap_other_threads(current);
	}
	local_irq_restore(flags);
	do_exit(exit_code);
}

/* release_task: free what is left of a reaped zombie or an ended thread. */
void release_task(struct task_struct *p)
{
	proc_flush_task(p);
	list_del(&p->sibling);
	list_del(&p->tasks);
	nr_threads--;
	free_task(p);
}

static bool wait_matches(struct task_struct *p, pid_t pid)
{
	return pid == -1 || (pid > 0 && p->pid == pid) ||
	       (pid == 0 && p->pgrp == current->pgrp) || (pid < -1 && p->pgrp == -pid);
}

/* wait_reportable: p has something for this wait: it ended, or (as asked) stopped or continued */
static bool wait_reportable(struct task_struct *p, int options)
{
	return (p->exit_state == EXIT_ZOMBIE && !p->signal->live) || ((options & WUNTRACED) && p->stop_code) ||
	       ((options & WCONTINUED) && p->continued);
}

/*
 * wait_consider: 1 and *found set when a matching child has something to
 * report, 0 when matching children are still running, -ECHILD when none
 * match.
 */
static int wait_consider(pid_t pid, int options, struct task_struct **found)
{
	struct task_struct *p;
	int any = 0;

	list_for_each_entry(p, &current->group_leader->children, sibling) {
		if (!wait_matches(p, pid))
			continue;
		any = 1;
		if (wait_reportable(p, options)) {
			*found = p;
			return 1;
		}
	}
	return any ? 0 : -ECHILD;
}

/*
 * wait_task_stopped_or_continued: the report of a live child, once:
 * stopped is (signal << 8) | 0x7f (WIFSTOPPED), continued 0xffff
 * (WIFCONTINUED). Linux's wait_task_stopped and wait_task_continued.
 */
static long wait_task_stopped_or_continued(struct task_struct *p, int options,
					   int __user *stat_addr, void __user *ru)
{
	int status;

	if ((options & WUNTRACED) && p->stop_code) {
		status = (p->stop_code << 8) | 0x7f;
		p->stop_code = 0;
	} else {
		status = 0xffff;
		p->continued = false;
	}
	if (stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	if (ru && clear_user(ru, 72))
		return -EFAULT;
	return p->pid;
}

/* do_wait: Linux's wait4 core; returns the reaped pid, 0, or an error. */
static long do_wait(pid_t pid, int __user *stat_addr, int options, void __user *ru)
{
	struct task_struct *p = NULL;
	struct task_cputime times;
	int ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	for (;;) {
		ret = wait_consider(pid, options, &p);
		if (ret)
			break;
		if (options & WNOHANG)
			return 0;
		ret = wait_event_interruptible(current->group_leader->wait_chldexit,
					       wait_consider(pid, options, &p) != 0);
		if (ret)
			return ret;
	}
	if (ret < 0)
		return ret;
	if (p->exit_state != EXIT_ZOMBIE)
		return wait_task_stopped_or_continued(p, options, stat_addr, ru);
	if (stat_addr && put_user(p->exit_code, stat_addr))
		return -EFAULT;
	if (ru) {
		struct rusage r;

		getrusage(p, RUSAGE_BOTH, &r);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	/* the parent inherits the child's CPU times (Linux: wait_task_zombie) */
	thread_group_cputime(p, &times);
	current->cutime += times.utime + p->cutime;
	current->cstime += times.stime + p->cstime;
	ret = p->pid;
	release_task(p);
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options, void __user *, ru)
{
	return do_wait(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE3(waitpid, pid_t, pid, int __user *, stat_addr, int, options)
{
	return do_wait(pid, stat_addr, options, NULL);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* exit: this thread only; exit_group: all threads of the process */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
