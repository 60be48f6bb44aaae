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
	INIT_LIST_HEAD(&t->run_list);
	init_waitqueue_head(&t->wait_chldexit);
	t->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_process */
	return t;
}

/* load_sp0: tell the CPU which kernel stack to use on entry from user mode. */
void load_sp0(struct task_struct *t)
{
	init_tss.sp0 = t->thread.sp0;
}

extern char ret_from_kernel_thread[];

/*
 * copy_thread_kernel: set t up so that, when first scheduled, it calls
 * fn on its own stack (Linux: a kernel thread's copy_thread). The frame
 * is the one switch_to_asm pops - esi, edi, ebx = fn, ebp - and then
 * returns into ret_from_kernel_thread.
 */
void copy_thread_kernel(struct task_struct *t, void (*fn)(void))
{
	unsigned long *frame = (unsigned long *)task_pt_regs(t) - 5;

	frame[0] = frame[1] = frame[3] = 0;
	frame[2] = (unsigned long)fn;
	frame[4] = (unsigned long)ret_from_kernel_thread;
	t->thread.sp = (unsigned long)frame;
}
