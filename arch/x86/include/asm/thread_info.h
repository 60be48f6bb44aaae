/*
 * thread_info sits at the bottom of each task's 8 KiB kernel stack, so the
 * current task is found by rounding the stack pointer down (Linux i386's
 * current_thread_info() before 4.9). Its flags tell the system call exit
 * path that extra work is due.
 */
#ifndef _ASM_X86_THREAD_INFO_H
#define _ASM_X86_THREAD_INFO_H

#include <asm/page.h>

#define THREAD_SIZE_ORDER 1		/* two pages of kernel stack a task */
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)

#define TIF_SYSCALL_TRACE 0	/* print each syscall (syscall_trace=) */
#define TIF_NEED_RESCHED 1	/* schedule() before returning to user */
#define TIF_SIGPENDING 2	/* a signal waits to be delivered */
#define _TIF_SYSCALL_TRACE (1 << TIF_SYSCALL_TRACE)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)
#define _TIF_SIGPENDING (1 << TIF_SIGPENDING)
#define _TIF_WORK_MASK (_TIF_NEED_RESCHED | _TIF_SIGPENDING)

#ifndef __ASSEMBLER__
struct task_struct;

struct thread_info {
	struct task_struct *task;
	unsigned long flags;
	unsigned long sysenter_return;	/* where sysexit returns in the vDSO */
};

static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	__asm__("movl %%esp, %0" : "=r"(sp));
	return (struct thread_info *)(sp & ~(THREAD_SIZE - 1UL));
}

static inline void set_ti_flag(struct thread_info *ti, int flag)
{
	ti->flags |= 1UL << flag;
}

static inline void clear_ti_flag(struct thread_info *ti, int flag)
{
	ti->flags &= ~(1UL << flag);
}
#endif

#endif
