/*
 * struct task_struct: one process (Linux: include/linux/sched.h). yomi has
 * one thread per process, so a task is a process; the fields are the ones
 * the lessons talk about, under Linux's names.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/resource.h>
#include <asm/thread_info.h>
#include <asm/ptrace.h>

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define EXIT_ZOMBIE 16
#define EXIT_DEAD 32

#define TASK_COMM_LEN 16

struct mm_struct;
struct files_struct;
struct fs_struct;

/* thread_struct: what switch_to saves (Linux: arch/x86/include/asm/processor.h) */
struct thread_struct {
	unsigned long sp0;	/* top of the kernel stack, loaded into the TSS */
	unsigned long sp;	/* kernel stack pointer while switched out */
	unsigned long ip;
};

struct task_struct {
	volatile long state;
	struct thread_info *stack;	/* thread_info, then the kernel stack */
	pid_t pid;
	char comm[TASK_COMM_LEN];	/* executable name, as in ps */
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;	/* in the parent's children list */
	struct list_head tasks;		/* all tasks */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;
	int exit_code;			/* wait status: (code << 8) or signal */
	unsigned int personality;
	struct rlimit rlim[RLIM_NLIMITS];
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
struct task_struct *alloc_task(void);
void load_sp0(struct task_struct *t);
__attribute__((noreturn)) void run_on_task_stack(struct task_struct *t, void (*fn)(void));
void syscall_trace_task(struct task_struct *t);
void init_ftrace_syscalls(void);
__attribute__((noreturn)) void ret_to_user(struct pt_regs *regs);
void set_task_comm(struct task_struct *t, const char *name);

#endif
