/*
 * Signals (Linux: kernel/signal.c): sending, choosing one to deliver, the
 * default actions, and the system calls that set actions and masks. The
 * frames a handler runs on are arch/x86/kernel/signal.c's.
 *
 * Differences from Linux: only the 32 standard signals exist (the
 * real-time ones, 33-64, are refused by rt_sigaction and kill); a signal
 * is not queued twice and keeps the first sender's siginfo; a stop signal
 * stops the thread that takes it, not its whole thread group; a
 * process group that becomes orphaned with stopped members gets no
 * SIGHUP and SIGCONT; no core is ever dumped.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define SIG_DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | \
			    sigmask(SIGWINCH))
/* the signals whose default action stops the process */
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			      sigmask(SIGTTOU))
/* the faults a task causes itself: delivered before any other (Linux's SYNCHRONOUS_MASK) */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
			  sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= 32;
}

static bool sig_kernel_stop(int sig)
{
	return SIG_KERNEL_STOP_MASK & sigmask(sig);
}

/*
 * sig_ignored: whether sending sig to t does nothing. init (pid 1) is
 * protected as on Linux (SIGNAL_UNKILLABLE): a signal it has no handler
 * for is dropped, SIGKILL included, so no process can take the system
 * down by killing init. (A fault of init's own still kills it: force_sig.)
 */
static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t action = t->sighand->action[sig - 1].sa_handler;

	if (t->tgid == 1 && (action == SIG_DFL || sig == SIGKILL))
		return true;
	if (sig == SIGKILL || (t->sig_blocked & sigmask(sig)))
		return false;
	return action == SIG_IGN || (action == SIG_DFL && (SIG_DEFAULT_IGNORE & sigmask(sig)));
}

/* signal_wake_up: tell t a signal waits, waking it from an interruptible
 * sleep (resume: from a stop too, for SIGKILL) */
static void signal_wake_up(struct task_struct *t, bool resume)
{
	set_ti_flag(t->stack, TIF_SIGPENDING);
	if (t->state == TASK_INTERRUPTIBLE)
		wake_up_process(t);
	if (resume && t->jobctl_stopped) {
		t->jobctl_stopped = false;
		wake_up_state(t, TASK_STOPPED);
	}
}

/* sig_fatal: sig's action is to end the process (default action: kill) */
static bool sig_fatal(struct task_struct *t, int sig)
{
	return sig == SIGKILL || (t->sighand->action[sig - 1].sa_handler == SIG_DFL &&
				  !((SIG_DEFAULT_IGNORE | SIG_KERNEL_STOP_MASK) & sigmask(sig)));
}

/*
 * unhandled_signal: whether sig would find no handler in tsk, so that the
 * fault handler's report line ("segfault at ...") is worth printing: init,
 * or an action of SIG_DFL or SIG_IGN. Linux's also leaves the choice to a
 * ptrace tracer; yomi has none.
 */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler = tsk->sighand->action[sig - 1].sa_handler;

	return tsk->tgid == 1 || handler == SIG_DFL || handler == SIG_IGN;
}

/* zap_other_threads: SIGKILL to every other thread of p's process (exit_group, exec) */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	for_other_threads(p, t) {
		if (t->exit_state)
			continue;
		t->sig_pending |= sigmask(SIGKILL);
		signal_wake_up(t, true);
	}
}

/* wants_signal: p can take sig now: it does not block it and has not ended */
static bool wants_signal(int sig, struct task_struct *p)
{
	return !p->exit_state && !(p->sig_blocked & sigmask(sig));
}

/*
 * complete_signal: after sig became pending for t (group: for its whole
 * process), wake a thread that will take it: t if it does not block it,
 * else another of the group. A fatal signal ends the whole process at
 * once: every thread gets SIGKILL (Linux's same shortcut).
 */
static noinline void complete_signal(int sig, struct task_struct *t, bool group)
{
	struct signal_struct *signal = t->signal;
	struct task_struct *w = t;

	if (group && !wants_signal(sig, t)) {
		for_other_threads(t, w)
			if (wants_signal(sig, w))
				break;
		if (w == t)
			return;		/* all block it: the first to unblock takes it */
	} else if (!wants_signal(sig, t)) {
		return;
	}
	if (sig_fatal(t, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) && t->tgid != 1 &&
	    (group || sig == SIGKILL)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		w->sig_pending |= sigmask(SIGKILL);
		signal_wake_up(w, true);
		zap_other_threads(w);
		return;
	}
	signal_wake_up(w, sig == SIGKILL);
}

/*
 * do_notify_parent_cldstop: t stopped (CLD_STOPPED) or continued
 * (CLD_CONTINUED): its parent's waits wake, and it gets SIGCHLD unless its
 * SIGCHLD action has SA_NOCLDSTOP.
 */
static void do_notify_parent_cldstop(struct task_struct *t, int why, int sig)
{
	struct kernel_siginfo info = { why, t->tgid, t->cred.uid, sig, 0 };
	struct task_struct *parent = t->parent;

	if (!(parent->sighand->action[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, parent);
	wake_up(&parent->wait_chldexit);
}

/*
 * prepare_signal: what sending sig does at once, whatever the action
 * (Linux's name): SIGCONT continues a stopped task and discards pending
 * stop signals; a stop signal discards a pending SIGCONT. Called with
 * interrupts off.
 */
static void prepare_signal(int sig, struct task_struct *p)
{
	struct task_struct *t = p;

	if (sig_kernel_stop(sig)) {
		p->signal->shared_pending &= ~sigmask(SIGCONT);
		do
			t->sig_pending &= ~sigmask(SIGCONT);
		while_each_thread(p, t);
	} else if (sig == SIGCONT) {
		p->signal->shared_pending &= ~SIG_KERNEL_STOP_MASK;
		do {
			t->sig_pending &= ~SIG_KERNEL_STOP_MASK;
			if (t->jobctl_stopped) {
				t->jobctl_stopped = false;
				t->stop_code = 0;
				t->continued = true;
				wake_up_state(t, TASK_STOPPED);	/* it tells its parent (do_signal_stop) */
			}
		} while_each_thread(p, t);
	}
}

/*
 * send_signal: make sig pending with info (kept only if not already
 * pending) for thread t alone (tkill, faults) or, group, for its whole
 * process (kill, the kernel's signals), where any thread not blocking it
 * takes it (Linux: the shared pending set).
 */
static int send_signal(int sig, const struct kernel_siginfo *info, struct task_struct *t,
		       bool group)
{
	unsigned long *pending = group ? &t->signal->shared_pending : &t->sig_pending;
	struct kernel_siginfo *infos = group ? t->signal->shared_info : t->sig_info;
	unsigned long flags;

	if (!valid_signal(sig))
		return -EINVAL;
	if (group ? !t->signal->live : t->exit_state)
		return 0;
	flags = local_irq_save();
	prepare_signal(sig, t);
	if (!sig_ignored(t, sig)) {
		if (!(*pending & sigmask(sig))) {
			*pending |= sigmask(sig);
			infos[sig - 1] = *info;
		}
		complete_signal(sig, t, group);
	}
	local_irq_restore(flags);
	return 0;
}

/* send_sig_info: sig for thread t alone */
int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *t)
{
	return send_signal(sig, info, t, false);
}

/* group_send_sig_info: sig for the process of t, taken by any of its threads */
int group_send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *t)
{
	return send_signal(sig, info, t, true);
}

/* send_sig: sig to t's process from the kernel on behalf of the current
 * task (Linux's SEND_SIG_NOINFO: SI_USER) */
int send_sig(int sig, struct task_struct *t)
{
	struct kernel_siginfo info = { SI_USER, current->tgid, current->cred.uid, 0, 0 };

	return group_send_sig_info(sig, &info, t);
}

/* kill_pgrp: sig to every process of a group; -ESRCH if there is none. */
static int kill_pgrp_info(pid_t pgrp, int sig, const struct kernel_siginfo *info)
{
	struct task_struct *t;
	int found = 0;

	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t->pgrp == pgrp && thread_group_leader(t) && t->signal->live && t->tgid > 1) {
			group_send_sig_info(sig, info, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

int kill_pgrp(pid_t pgrp, int sig)
{
	struct kernel_siginfo info = { SI_KERNEL, 0, 0, 0, 0 };

	return kill_pgrp_info(pgrp, sig, &info);
}

/*
 * force_sig_fault: a fault of the current task. As on Linux, a blocked or
 * ignored signal is unblocked and set back to SIG_DFL first, so a fault
 * the task cannot handle kills it instead of looping forever.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct kernel_siginfo info = { code, 0, 0, 0, addr };
	struct k_sigaction *ka = &current->sighand->action[sig - 1];
	unsigned long flags = local_irq_save();

	if (ka->sa_handler == SIG_IGN || (current->sig_blocked & sigmask(sig))) {
		ka->sa_handler = SIG_DFL;
		current->sig_blocked &= ~sigmask(sig);
	}
	current->sig_pending |= sigmask(sig);
	current->sig_info[sig - 1] = info;
	set_ti_flag(current->stack, TIF_SIGPENDING);
	local_irq_restore(flags);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/* force_sigsegv: a signal frame could not be written: SIGSEGV, with its
 * handler reset when it was SIGSEGV's own frame (Linux's rule) */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].sa_handler = SIG_DFL;
	force_sig(SIGSEGV);
}

/* recalc_sigpending: TIF_SIGPENDING on exactly when an unblocked signal waits */
void recalc_sigpending(void)
{
	unsigned long flags = local_irq_save();

	if (signal_pending_current())
		set_ti_flag(current->stack, TIF_SIGPENDING);
	else
		clear_ti_flag(current->stack, TIF_SIGPENDING);
	local_irq_restore(flags);
}

/* set_current_blocked: a new blocked mask (SIGKILL and SIGSTOP never block) */
void set_current_blocked(unsigned long set)
{
	current->sig_blocked = set & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending();
}

/* restore_saved_sigmask: after rt_sigsuspend (or ppoll), when no handler runs */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/* __dequeue_signal: the next signal of one pending set (faults first, then the lowest), or 0 */
static int __dequeue_signal(unsigned long *set, const struct kernel_siginfo *infos,
			    struct kernel_siginfo *info)
{
	unsigned long pending = *set & ~current->sig_blocked;
	int sig;

	if (pending & SYNCHRONOUS_MASK)
		pending &= SYNCHRONOUS_MASK;
	if (!pending)
		return 0;
	sig = __builtin_ctzl(pending) + 1;
	*set &= ~sigmask(sig);
	*info = infos[sig - 1];
	return sig;
}

/* dequeue_signal: the thread's own signals first, then its process's */
static int dequeue_signal(struct kernel_siginfo *info)
{
	unsigned long flags = local_irq_save();
	int sig = __dequeue_signal(&current->sig_pending, current->sig_info, info);

	if (!sig)
		sig = __dequeue_signal(&current->signal->shared_pending,
				       current->signal->shared_info, info);
	local_irq_restore(flags);
	return sig;
}

/*
 * do_signal_stop: a stop signal's default action: the task stops (its
 * parent told, waits woken) and sleeps in TASK_STOPPED until SIGCONT or
 * SIGKILL wakes it (prepare_signal, send_sig_info).
 */
static void do_signal_stop(int sig)
{
	unsigned long flags = local_irq_save();

	current->jobctl_stopped = true;
	current->stop_code = sig;
	current->continued = false;
	do_notify_parent_cldstop(current, CLD_STOPPED, sig);
	for (;;) {
		current->state = TASK_STOPPED;
		if (!current->jobctl_stopped)
			break;
		local_irq_restore(flags);
		schedule();
		flags = local_irq_save();
	}
	current->state = TASK_RUNNING;
	if (!((current->sig_pending | current->signal->shared_pending) & sigmask(SIGKILL)))	/* SIGCONT woke us */
		do_notify_parent_cldstop(current, CLD_CONTINUED, SIGCONT);
	local_irq_restore(flags);
}

/*
 * is_current_pgrp_orphaned: no process of our group has its parent in
 * another group of the same session - no shell is left to continue it,
 * so SIGTSTP, SIGTTIN and SIGTTOU do not stop it (SIGSTOP still does).
 */
static bool is_current_pgrp_orphaned(void)
{
	struct task_struct *t;

	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t->pgrp != current->pgrp || t->exit_state || !t->parent || !thread_group_leader(t))
			continue;
		if (t->parent->pgrp != t->pgrp && t->parent->session == t->session)
			return false;
	}
	return true;
}

/*
 * get_signal: take pending signals until one has a handler (true, ksig
 * filled) or none is left (false). Default actions happen here: ignore,
 * stop (do_signal_stop), or end the process (do_exit does not return).
 * SA_RESETHAND's reset is done here, as in Linux.
 */
bool get_signal(struct ksignal *ksig)
{
	struct k_sigaction *ka;
	int sig;

	while ((sig = dequeue_signal(&ksig->info))) {
		if (current->sig_pending & sigmask(SIGKILL))
			sig = SIGKILL;	/* a group exit (zap_other_threads): no handler first */
		ka = &current->sighand->action[sig - 1];
		if (sig == SIGKILL)
			do_group_exit(sig);
		if (ka->sa_handler == SIG_IGN)
			continue;
		if (ka->sa_handler != SIG_DFL) {
			ksig->sig = sig;
			ksig->ka = *ka;
			if (ka->sa_flags & SA_RESETHAND)
				ka->sa_handler = SIG_DFL;
			return true;
		}
		if (SIG_DEFAULT_IGNORE & sigmask(sig))
			continue;
		/* init: only its own faults kill it, and a SIGKILL the kernel forced
		 * (sig_ignored drops any sent one): out of memory, a failed exec */
		if (current->tgid == 1 && sig != SIGKILL && !(SYNCHRONOUS_MASK & sigmask(sig)))
			continue;
		if (sig_kernel_stop(sig)) {
			if (sig == SIGSTOP || !is_current_pgrp_orphaned())
				do_signal_stop(sig);
			continue;
		}
		do_group_exit(sig);
	}
	recalc_sigpending();
	return false;
}

/*
 * signal_setup_done: after handle_signal wrote the frame. On success the
 * handler's mask is blocked (and the signal itself unless SA_NODEFER); on
 * failure the task gets SIGSEGV.
 */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	unsigned long blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	current->restore_sigmask = false;
	blocked = current->sig_blocked | ksig->ka.sa_mask[0];
	if (!(ksig->ka.sa_flags & SA_NODEFER))
		blocked |= sigmask(ksig->sig);
	set_current_blocked(blocked);
}

/* flush_signal_handlers: exec: handlers back to SIG_DFL (SIG_IGN stays), no alternate stack */
void flush_signal_handlers(struct task_struct *t)
{
	int i;

	for (i = 0; i < 32; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = NULL;
		ka->sa_mask[0] = ka->sa_mask[1] = 0;
	}
	t->sas_ss_sp = t->sas_ss_size = 0;
}

/*
 * schedule_tail: a new task's first step after switch_to_asm: the
 * threads that ended are freed (finish_task_switch), interrupts back on,
 * and CLONE_CHILD_SETTID's pid written in the child's own memory.
 */
void schedule_tail(void)
{
	finish_task_switch();
	local_irq_enable();
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/*
 * exit_to_usermode: work due before the return to user mode; called with
 * interrupts off by entry_32.asm, returns with them off. A system call
 * that was interrupted without any signal left to handle (it was ignored
 * by then) is restarted by arch_do_signal_or_restart.
 */
void exit_to_usermode(struct pt_regs *regs)
{
	unsigned long flags;

	while ((flags = current_thread_info()->flags) & _TIF_WORK_MASK) {
		local_irq_enable();
		if (flags & _TIF_NEED_RESCHED)
			schedule();
		if (flags & _TIF_SIGPENDING)
			arch_do_signal_or_restart(regs);
		local_irq_disable();
	}
}

/*
 * restart_syscall (0): what arch_do_signal_or_restart makes user space
 * call after a sleep was interrupted by a stop or a signal without a
 * handler: the sleep goes on (current->restart_block). Called by
 * itself, with nothing to restart, it is -EINTR, as on Linux.
 */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;
	long (*fn)(struct restart_block *restart) = restart->fn;

	restart->fn = NULL;
	return fn ? fn(restart) : -EINTR;
}

/* kill_info: the siginfo of kill, tkill and tgkill */
static void kill_info(struct kernel_siginfo *info, int code)
{
	info->code = code;
	info->pid = current->tgid;
	info->uid = current->cred.uid;
	info->status = 0;
	info->addr = 0;
}

/* kill: pid > 0 one process, 0 the caller's group, -1 all but init, < -1 a group. */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct kernel_siginfo info;
	struct task_struct *t;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (sig > 32)
		return -EINVAL;		/* no real-time signals (see the top) */
	kill_info(&info, SI_USER);
	if (pid > 0) {
		t = find_task_by_pid(pid);
		if (!t || !t->signal->live)
			return -ESRCH;
		return sig ? group_send_sig_info(sig, &info, t) : 0;
	}
	if (pid == 0 || pid < -1) {
		pid_t pgrp = pid ? -pid : current->pgrp;

		return sig ? kill_pgrp_info(pgrp, sig, &info) : 0;
	}
	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t->tgid > 1 && thread_group_leader(t) && t->tgid != current->tgid &&
		    t->signal->live) {
			if (sig)
				group_send_sig_info(sig, &info, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

/* do_tkill: sig to thread tid alone (of process tgid, if tgid > 0) */
static long do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct kernel_siginfo info;
	struct task_struct *t;

	if (tid <= 0 || sig < 0 || sig > 32)
		return -EINVAL;
	t = find_task_by_pid(tid);
	if (!t || t->exit_state || (tgid > 0 && t->tgid != tgid))
		return -ESRCH;
	kill_info(&info, SI_TKILL);
	return sig ? send_sig_info(sig, &info, t) : 0;
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction k = { 0 };

	if (sigsetsize != 8 || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (sig <= 32)
		k = current->sighand->action[sig - 1];
	if (act) {
		struct k_sigaction n;

		if (copy_from_user(&n, act, sizeof(n)))
			return -EFAULT;
		if (sig == SIGKILL || sig == SIGSTOP || sig > 32)
			return -EINVAL;
		n.sa_mask[0] &= ~SIG_KERNEL_ONLY_MASK;
		current->sighand->action[sig - 1] = n;
		/* a pending signal now ignored is dropped, in every thread
		 * (Linux: sig_handler_ignored) */
		if (sig_ignored(current, sig) && !(current->sig_blocked & sigmask(sig))) {
			struct task_struct *t = current;

			current->signal->shared_pending &= ~sigmask(sig);
			do
				t->sig_pending &= ~sigmask(sig);
			while_each_thread(current, t);
		}
	}
	if (oact && copy_to_user(oact, &k, sizeof(k)))
		return -EFAULT;
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
		if (how == SIG_BLOCK)
			set_current_blocked(current->sig_blocked | set[0]);
		else if (how == SIG_UNBLOCK)
			set_current_blocked(current->sig_blocked & ~set[0]);
		else if (how == SIG_SETMASK)
			set_current_blocked(set[0]);
		else
			return -EINVAL;
	}
	if (oset && copy_to_user(oset, old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* rt_sigpending: the blocked signals that wait */
SYSCALL_DEFINE2(rt_sigpending, unsigned long __user *, uset, size_t, sigsetsize)
{
	unsigned long set[2] = { (current->sig_pending | current->signal->shared_pending) &
				 current->sig_blocked, 0 };

	if (sigsetsize > 8)
		return -EINVAL;
	return copy_to_user(uset, set, sigsetsize) ? -EFAULT : 0;
}

/* sleep_until_signal: pause's and rt_sigsuspend's sleep; -ERESTARTNOHAND
 * (EINTR after a handler, a restart if the signal was ignored or stopped us) */
static long sleep_until_signal(void)
{
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		if (signal_pending_current())
			break;
		schedule();
	}
	current->state = TASK_RUNNING;
	return -ERESTARTNOHAND;
}

/*
 * rt_sigsuspend: sleep with a temporary mask until a signal is handled.
 * The old mask comes back when the handler returns (its frame holds it)
 * or, if no handler runs, on the way out (restore_saved_sigmask).
 */
SYSCALL_DEFINE2(rt_sigsuspend, const unsigned long __user *, unewset, size_t, sigsetsize)
{
	unsigned long set[2];

	if (sigsetsize != 8)
		return -EINVAL;
	if (copy_from_user(set, unewset, sizeof(set)))
		return -EFAULT;
	current->saved_sigmask = current->sig_blocked;
	current->restore_sigmask = true;
	set_current_blocked(set[0]);
	return sleep_until_signal();
}

/* pause: sleep until a signal is handled (or kills) */
SYSCALL_DEFINE0(pause)
{
	return sleep_until_signal();
}

/* on_sig_stack: is sp on the current task's alternate signal stack? */
int on_sig_stack(unsigned long sp)
{
	return current->sas_ss_size && sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/*
 * sigaltstack: set and/or report the alternate signal stack. As on Linux,
 * it cannot change while a handler runs on it (-EPERM), and a stack
 * smaller than MINSIGSTKSZ is -ENOMEM.
 */
SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t old = { (void *)current->sas_ss_sp, 0, current->sas_ss_size }, ss;
	unsigned long sp = task_pt_regs(current)->sp;

	old.ss_flags = on_sig_stack(sp) ? SS_ONSTACK : current->sas_ss_size ? 0 : SS_DISABLE;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_sig_stack(sp))
			return -EPERM;
		if (ss.ss_flags != SS_DISABLE && ss.ss_flags != SS_ONSTACK && ss.ss_flags)
			return -EINVAL;
		if (ss.ss_flags == SS_DISABLE) {
			ss.ss_sp = NULL;
			ss.ss_size = 0;
		} else if (ss.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		current->sas_ss_sp = (unsigned long)ss.ss_sp;
		current->sas_ss_size = ss.ss_size;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
