/*
 * Signals (Linux: kernel/signal.c, arch/x86/kernel/signal.c), their
 * default actions only: a fatal signal ends the process, the ignored ones
 * (SIGCHLD, SIGCONT, SIGURG, SIGWINCH, and for now the stop signals, since
 * yomi has no job-control stops) are dropped. A process may set a signal
 * to SIG_IGN or back to SIG_DFL and block signals; handler functions are
 * not supported yet (rt_sigaction refuses them with EINVAL).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define SIG_DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGSTOP) | \
			    sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU) | \
			    sigmask(SIGURG) | sigmask(SIGWINCH))

/*
 * sig_ignored: whether sending sig to t does nothing. init (pid 1) is
 * protected as on Linux (SIGNAL_UNKILLABLE): a signal it has no handler
 * for is dropped, SIGKILL included, so no process can take the system
 * down by killing init. (A fault of init's own still kills it: force_sig.)
 */
static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t action = t->sig_action[sig - 1];

	if (t->pid == 1 && (action == SIG_DFL || sig == SIGKILL))
		return true;
	if (sig == SIGKILL || (t->sig_blocked & sigmask(sig)))
		return false;
	return action == SIG_IGN || (action == SIG_DFL && (SIG_DEFAULT_IGNORE & sigmask(sig)));
}

/* send_sig: make sig pending for t and wake it if it sleeps interruptibly. */
int send_sig(int sig, struct task_struct *t)
{
	unsigned long flags;

	if (sig < 1 || sig > 32)
		return -EINVAL;
	if (t->exit_state || sig_ignored(t, sig))
		return 0;
	flags = local_irq_save();
	t->sig_pending |= sigmask(sig);
	if (!(t->sig_blocked & sigmask(sig))) {
		set_ti_flag(t->stack, TIF_SIGPENDING);
		if (t->state == TASK_INTERRUPTIBLE)
			wake_up_process(t);
	}
	local_irq_restore(flags);
	return 0;
}

/* kill_pgrp: sig to every process of a group; -ESRCH if there is none. */
int kill_pgrp(pid_t pgrp, int sig)
{
	struct task_struct *t;
	int found = 0;

	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t->pgrp == pgrp && !t->exit_state && t->pid > 1) {
			send_sig(sig, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

/* force_sig: a fault the current task caused; it dies even if it ignores sig. */
void force_sig(int sig)
{
	do_exit(sig);
}

/*
 * do_signal: act on the pending signals before returning to user mode.
 * Only fatal ones can be pending (ignored ones are dropped when sent).
 */
static void do_signal(struct pt_regs *regs)
{
	unsigned long pending = current->sig_pending & ~current->sig_blocked;

	clear_ti_flag(current->stack, TIF_SIGPENDING);
	if (pending)
		do_exit(__builtin_ctzl(pending) + 1);
	if (regs->ax == (unsigned long)-ERESTARTSYS)
		regs->ax = -EINTR;
}

/*
 * schedule_tail: a new task's first step after switch_to_asm: interrupts
 * back on, and CLONE_CHILD_SETTID's pid written in the child's own memory.
 */
void schedule_tail(void)
{
	local_irq_enable();
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/*
 * exit_to_usermode: work due before the return to user mode; called with
 * interrupts off by entry_32.asm, returns with them off.
 */
void exit_to_usermode(struct pt_regs *regs)
{
	unsigned long flags;

	while ((flags = current_thread_info()->flags) & _TIF_WORK_MASK) {
		local_irq_enable();
		if (flags & _TIF_NEED_RESCHED)
			schedule();
		if (flags & _TIF_SIGPENDING)
			do_signal(regs);
		local_irq_disable();
	}
	if (regs->ax == (unsigned long)-ERESTARTSYS)
		regs->ax = -EINTR;
}

/* kill: pid > 0 one process, 0 the caller's group, -1 all but init, < -1 a group. */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *t;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		t = find_task_by_pid(pid);
		if (!t || t->exit_state)
			return -ESRCH;
		return sig ? send_sig(sig, t) : 0;
	}
	if (pid == 0 || pid < -1)
		return sig ? kill_pgrp(pid ? -pid : current->pgrp, sig) : 0;
	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t->pid > 1 && t != current && !t->exit_state) {
			if (sig)
				send_sig(sig, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction k = { 0 };

	if (sigsetsize != 8 || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (sig <= 32)
		k.sa_handler = current->sig_action[sig - 1];
	if (oact && copy_to_user(oact, &k, sizeof(k)))
		return -EFAULT;
	if (act) {
		if (copy_from_user(&k, act, sizeof(k)))
			return -EFAULT;
		if (sig == SIGKILL || sig == SIGSTOP || sig > 32 ||
		    (k.sa_handler != SIG_DFL && k.sa_handler != SIG_IGN))
			return -EINVAL;
		current->sig_action[sig - 1] = k.sa_handler;
		if (k.sa_handler == SIG_IGN)
			current->sig_pending &= ~sigmask(sig);
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const unsigned long __user *, nset,
		unsigned long __user *, oset, size_t, sigsetsize)
{
	unsigned long set[2], old[2] = { current->sig_blocked, 0 };

	if (sigsetsize != 8)
		return -EINVAL;
	if (nset) {
		if (copy_from_user(set, nset, sizeof(set)))
			return -EFAULT;
		set[0] &= ~SIG_KERNEL_ONLY_MASK;
		if (how == SIG_BLOCK)
			current->sig_blocked |= set[0];
		else if (how == SIG_UNBLOCK)
			current->sig_blocked &= ~set[0];
		else if (how == SIG_SETMASK)
			current->sig_blocked = set[0];
		else
			return -EINVAL;
		if (current->sig_pending & ~current->sig_blocked)
			set_ti_flag(current->stack, TIF_SIGPENDING);
	}
	if (oset && copy_to_user(oset, old, sizeof(old)))
		return -EFAULT;
	return 0;
}
