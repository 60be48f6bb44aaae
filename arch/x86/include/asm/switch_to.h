/*
 * The frame of a task that is not running (Linux:
 * arch/x86/include/asm/switch_to.h): what switch_to_asm (entry_32.asm)
 * pushed on the task's kernel stack when it gave up the CPU - the
 * callee-saved registers - and where its `ret` goes when the task runs
 * again. thread.sp points at it.
 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct inactive_task_frame {
	unsigned long si;
	unsigned long di;
	unsigned long bx;
	unsigned long bp;
	unsigned long ret_addr;
};

/* where a new task first runs (entry_32.asm): a forked child, a kernel task */
extern char ret_from_fork[], ret_from_kernel_thread[];

/* switch_to_asm: save prev's registers and stack pointer, take next's */
void switch_to_asm(unsigned long *prev_sp, unsigned long *next_sp);

#endif
