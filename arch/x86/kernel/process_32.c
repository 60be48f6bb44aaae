/*
 * The x86 part of making and starting tasks (Linux:
 * arch/x86/kernel/process_32.c, process.c). Each task has an 8 KiB kernel
 * stack, THREAD_SIZE-aligned, with its thread_info at the bottom and, at
 * the top, the struct pt_regs that entry code saves when the task is
 * interrupted in user mode. The TSS's sp0 must point at the top of the
 * running task's stack: that is where the CPU switches to on an interrupt
 * or system call from user mode. Below the pt_regs of a task that is not
 * running lies the frame switch_to_asm pops when it runs again.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/switch_to.h>
#include <asm/fpu/internal.h>
#include <uapi/linux/sched.h>

/* load_sp0: tell the CPU which kernel stack to use on entry from user mode. */
void load_sp0(struct task_struct *t)
{
	init_tss.sp0 = t->thread.sp0;
}

/*
 * copy_thread: set up the registers of a new task p so that, when it is
 * first scheduled, switch_to_asm pops the frame made here and "returns"
 * into ret_from_fork: the child of fork, whose saved user registers are
 * the parent's regs with eax = 0 (the child's return value) and, when
 * clone gave one, a new stack sp; it inherits the parent's TLS
 * descriptors and FPU registers, or gets the TLS descriptor clone's tls
 * names (CLONE_SETTLS). With fn
 * (a kernel task, such as pid 1 before it execs init) it returns into
 * ret_from_kernel_thread instead, which calls fn, found in ebx. Linux
 * copies the TLS with the whole task_struct and sets CLONE_SETTLS's in
 * copy_thread_tls.
 */
int copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		void (*fn)(void), unsigned long clone_flags, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct inactive_task_frame *frame = (struct inactive_task_frame *)childregs - 1;

	memset(frame, 0, sizeof(*frame));
	p->thread.sp0 = (unsigned long)(childregs + 1);
	p->thread.sp = (unsigned long)frame;
	if (fn) {
		frame->bx = (unsigned long)fn;
		frame->ret_addr = (unsigned long)ret_from_kernel_thread;
		fpu__clear(p);
		return 0;
	}
	*childregs = *regs;
	childregs->ax = 0;
	if (sp)
		childregs->sp = sp;
	frame->ret_addr = (unsigned long)ret_from_fork;
	memcpy(p->thread.tls_array, current->thread.tls_array, sizeof(p->thread.tls_array));
	fpu__copy(p);
	if (clone_flags & CLONE_SETTLS)
		return do_set_thread_area(p, (struct user_desc __user *)tls, false);
	return 0;
}

/*
 * __switch_to: the CPU state that belongs to the next task, loaded before
 * switch_to_asm changes stacks (Linux's runs after; yomi's does not need
 * prev's state back): the kernel stack for its next entry from user mode,
 * its TLS descriptors and its FPU registers (prev's are saved first). The user %fs and %gs themselves live in each
 * task's saved pt_regs, and the kernel runs with both null (entry_32.asm),
 * so no selector of prev's stays loaded to be checked against next's GDT
 * entries.
 */
void __switch_to(struct task_struct *prev, struct task_struct *next)
{
	load_sp0(next);
	load_TLS(next);
	switch_fpu(prev, next);
}

/* flush_thread: exec's reset of the x86 state: no TLS descriptors, the
 * FPU registers as after fninit */
void flush_thread(void)
{
	memset(current->thread.tls_array, 0, sizeof(current->thread.tls_array));
	load_TLS(current);
	fpu__clear(current);
}

/* start_thread: make the saved registers return to ip, with stack sp, in
 * user mode (execve's last step; interrupts on, every other flag clear) */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->ip = ip;
	regs->sp = sp;
	regs->flags = X86_EFLAGS_IF;
}
