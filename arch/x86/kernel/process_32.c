/*
 * Starting tasks (Linux: arch/x86/kernel/process_32.c). Each task has an
 * 8 KiB kernel stack, THREAD_SIZE-aligned, with its thread_info at the
 * bottom and, at the top, the struct pt_regs that entry code saves when
 * the task is interrupted in user mode. The TSS's sp0 must point at the
 * top of the running task's stack: that is where the CPU switches to on
 * an interrupt or system call from user mode.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/desc.h>

/* alloc_task: a zeroed task with its own kernel stack, or NULL. */
struct task_struct *alloc_task(void)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct page *stack;

	if (!t)
		return NULL;
	stack = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);	/* 8 KiB, 8 KiB-aligned */
	if (!stack) {
		kfree(t);
		return NULL;
	}
	t->stack = page_address(stack);
	t->stack->task = t;
	t->thread.sp0 = (unsigned long)t->stack + THREAD_SIZE;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	return t;
}

/* load_sp0: tell the CPU which kernel stack to use on entry from user mode. */
void load_sp0(struct task_struct *t)
{
	init_tss.sp0 = t->thread.sp0;
}

/*
 * run_on_task_stack: continue in fn on task t's kernel stack, just below
 * its pt_regs; fn never returns. Used once, to start pid 1.
 */
void run_on_task_stack(struct task_struct *t, void (*fn)(void))
{
	load_sp0(t);
	__asm__ __volatile__("movl %0, %%esp\n\t"
			     "xorl %%ebp, %%ebp\n\t"
			     "call *%1\n\t"
			     "ud2"
			     : : "r"(task_pt_regs(t)), "r"(fn) : "memory");
	__builtin_unreachable();
}
