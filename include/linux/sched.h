/*
 * struct task_struct: one thread (Linux: include/linux/sched.h). A process
 * is a thread group: the tasks that clone made with CLONE_THREAD, led by
 * the first one (group_leader, whose pid is the process id, tgid), sharing
 * the signal_struct (the process's pending signals and exit) and the
 * sighand_struct (the signal actions). The fields are the ones the lessons
 * talk about, under Linux's names.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/resource.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/cred.h>
#include <asm/thread_info.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

#ifndef __user
#define __user
#endif

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define TASK_STOPPED 4		/* by a stop signal, until SIGCONT or SIGKILL */
#define EXIT_ZOMBIE 16
#define EXIT_DEAD 32

#define TASK_COMM_LEN 16
#define PID_MAX 32768
#define DEF_TIMESLICE 5		/* ticks (50 ms) before another task gets the CPU */

struct mm_struct;
struct files_struct;
struct dentry;
struct fs_struct;

/* sighand_struct: the signal actions, shared by CLONE_SIGHAND (threads) */
struct sighand_struct {
	int count;			/* tasks using it */
	struct k_sigaction action[32];
};

/*
 * restart_block: how restart_syscall (0) goes on with a call that a stop
 * or an unhandled signal interrupted with -ERESTART_RESTARTBLOCK (Linux:
 * include/linux/restart_block.h; yomi's only user is nanosleep).
 */
struct restart_block {
	long (*fn)(struct restart_block *restart);
	u64 expires;			/* nanosleep: the sched_clock() time it ends */
	void __user *rmtp;		/* where the time left goes, or NULL */
	bool time64;			/* rmtp is a struct __kernel_timespec */
};

#define SIGNAL_GROUP_EXIT 1	/* exit_group or a fatal signal: every thread dies */

/*
 * signal_struct: what the threads of one process share (Linux keeps much
 * more here: the stop state, timers, rlimits, CPU times). Freed with the
 * last task that uses it.
 */
struct signal_struct {
	int count;			/* tasks (zombie leader included) using it */
	int live;			/* threads not yet exiting */
	int nr_threads;			/* tasks in the thread group */
	unsigned int flags;		/* SIGNAL_GROUP_EXIT */
	int group_exit_code;		/* the wait status of a group exit */
	struct task_struct *group_exec_task;	/* de_thread's exec, waiting for the others to die */
	u64 utime, stime, sum_sched_runtime;	/* CPU times of the threads that ended, in ns */
	unsigned long shared_pending;	/* signals sent to the process, for any of its threads */
	struct kernel_siginfo shared_info[32];
};

struct task_struct {
	volatile long state;		/* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	long exit_state;		/* EXIT_ZOMBIE until the parent reaps it */
	struct thread_info *stack;	/* thread_info, then the kernel stack */
	pid_t pid;			/* the thread id (gettid) */
	pid_t tgid;			/* the process id (getpid): the leader's pid */
	struct task_struct *group_leader;
	struct list_head thread_group;	/* the other threads of the process */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	pid_t pgrp;			/* process group, for job control */
	pid_t session;
	char comm[TASK_COMM_LEN];	/* executable name, as in ps */
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;	/* in the parent's children list */
	struct list_head tasks;		/* all tasks */
	struct list_head run_list;	/* on the run queue while runnable */
	int time_slice;			/* ticks left before preemption */
	struct wait_queue_head wait_chldexit;	/* wait4() sleeps here */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;		/* current directory and umask */
	int exit_code;			/* wait status: (code << 8) or signal */
	int exit_signal;		/* sent to the parent at exit (SIGCHLD) */
	int __user *set_child_tid;	/* clone's CLONE_CHILD_SETTID */
	int __user *clear_child_tid;	/* clone's CLONE_CHILD_CLEARTID */
	struct task_struct *vfork_parent;	/* sleeping until we exec or exit */
	unsigned int personality;
	struct cred cred;		/* user and group ids (Linux: a pointer to a shared one) */
	void __user *robust_list;	/* set_robust_list's head: exit_robust_list */
	struct rlimit rlim[RLIM_NLIMITS];
	unsigned long sig_pending;	/* bit n-1: signal n is pending for this thread */
	unsigned long sig_blocked;
	unsigned long saved_sigmask;	/* rt_sigsuspend's mask, back after the handler */
	bool restore_sigmask;		/* saved_sigmask is to be restored (Linux: TIF_RESTORE_SIGMASK) */
	struct kernel_siginfo sig_info[32];	/* who sent each of its pending signals */
	struct restart_block restart_block;
	unsigned long sas_ss_sp;	/* sigaltstack: the alternate signal stack */
	unsigned long sas_ss_size;	/* 0: none */
	bool jobctl_stopped;		/* stopped by a signal (Linux: JOBCTL_STOP_PENDING and the group stop) */
	int stop_code;			/* the stop signal wait's WUNTRACED is to report, 0: none */
	bool continued;			/* wait's WCONTINUED is to report a SIGCONT */
	u64 it_real_expires;		/* alarm/ITIMER_REAL: sched_clock() time of SIGALRM, 0: off */
	u64 it_real_incr;		/* its interval, 0: one shot */
	struct list_head it_real_list;	/* on real_timers while armed (kernel/time/itimer.c) */
	u64 start_time;			/* ns since boot */
	u64 sum_exec_runtime;		/* ns on the CPU (Linux: se.sum_exec_runtime) */
	u64 exec_start;			/* sched_clock() when it last got the CPU */
	u64 utime;			/* ns of user time, one tick per timer interrupt */
	u64 stime;			/* ns of system time, sampled the same way */
	u64 cutime;			/* user time of the reaped children (and theirs; */
	u64 cstime;			/* Linux keeps these two in signal_struct) */
	struct thread_struct thread;
};

static inline struct task_struct *get_current(void)
{
	return current_thread_info()->task;
}
#define current get_current()

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

extern struct task_struct init_task;

__attribute__((noreturn)) void do_exit(long code);
void schedule(void);
void wake_up_process(struct task_struct *t);
void wake_up_state(struct task_struct *t, long state);
void scheduler_tick(void);
void account_process_tick(struct task_struct *p, int user_tick);
struct task_struct *find_task_by_pid(pid_t pid);
#define MIN_THREADS 20		/* the range of kernel.threads-max (Linux's) */
#define MAX_THREADS 0x3fffffff
extern int max_threads;
extern int nr_threads;		/* tasks alive or zombie (kernel/fork.c) */
extern char init_thread_union[];	/* the boot stack, in head_32.asm */
void fork_init(void);
u64 task_sched_runtime(struct task_struct *t);
pid_t alloc_pid(void);
long _do_fork(unsigned long clone_flags, unsigned long sp, int *parent_tidptr,
	      int *child_tidptr, struct pt_regs *regs, unsigned long tls);
void mm_release(struct task_struct *t);
void exit_to_usermode(struct pt_regs *regs);
int send_sig(int sig, struct task_struct *t);
int kill_pgrp(pid_t pgrp, int sig);
void cpu_idle(void) __attribute__((noreturn));
struct task_struct *dup_task_struct(void);
void free_task(struct task_struct *p);
int copy_sighand(unsigned long clone_flags, struct task_struct *p);
int copy_signal(unsigned long clone_flags, struct task_struct *p);
int copy_fs(unsigned long clone_flags, struct task_struct *p);
void schedule_tail(void);	/* a new task's first step (entry_32.asm) */
int copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		void (*fn)(void), unsigned long clone_flags, unsigned long tls);
void syscall_trace_task(struct task_struct *t);
void init_ftrace_syscalls(void);
__attribute__((noreturn)) void ret_to_user(struct pt_regs *regs);
void set_task_comm(struct task_struct *t, const char *name);
void exit_itimers(struct task_struct *t);	/* kernel/time/itimer.c */
void finish_task_switch(void);

/* task_cputime: a process's CPU times in ns (thread_group_cputime) */
struct task_cputime {
	u64 utime;
	u64 stime;
	u64 sum_exec_runtime;
};
void thread_group_cputime(struct task_struct *p, struct task_cputime *times);
void release_task(struct task_struct *p);
__attribute__((noreturn)) void do_group_exit(int exit_code);
void zap_other_threads(struct task_struct *p);
void de_thread(void);
void futex_wake_one(u32 __user *uaddr);	/* kernel/futex.c */
void exit_robust_list(struct task_struct *t);	/* kernel/futex.c */

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* for_other_threads: t runs over the threads of p's process but p */
#define for_other_threads(p, t) list_for_each_entry(t, &(p)->thread_group, thread_group)

static inline struct task_struct *next_thread(const struct task_struct *p)
{
	return list_entry(p->thread_group.next, struct task_struct, thread_group);
}

/* do { ... } while_each_thread(p, t): t (starting at p) runs over p's process */
#define while_each_thread(p, t) while ((t = next_thread(t)) != (p))

#endif
