/*
 * asm-offsets: the numbers the assembly code needs, taken from the C
 * definitions (Linux: arch/x86/kernel/asm-offsets_32.c and Kbuild's
 * asm-offsets.h). This file is compiled to assembly only (-S), never
 * linked: each DEFINE leaves a line .ascii "->NAME VALUE" in the output, which
 * the Makefile turns into $(O)/include/generated/asm/asm-offsets.inc,
 * "NAME equ VALUE" for nasm. So adding a field to struct pt_regs, or
 * moving a selector, changes the entry code with it instead of silently
 * breaking it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/thread_info.h>

/* an .ascii directive, so that clang's built-in assembler accepts it too */
#define DEFINE(sym, val) __asm__ volatile("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

/* static and __used: nothing calls it, but it must be compiled */
static void __used asm_offsets(void)
{
	/* struct pt_regs, as SAVE_ALL builds it */
	OFFSET(PT_EBX, pt_regs, bx);
	OFFSET(PT_ECX, pt_regs, cx);
	OFFSET(PT_EDX, pt_regs, dx);
	OFFSET(PT_ESI, pt_regs, si);
	OFFSET(PT_EDI, pt_regs, di);
	OFFSET(PT_EBP, pt_regs, bp);
	OFFSET(PT_EAX, pt_regs, ax);
	OFFSET(PT_DS, pt_regs, ds);
	OFFSET(PT_ES, pt_regs, es);
	OFFSET(PT_FS, pt_regs, fs);
	OFFSET(PT_GS, pt_regs, gs);
	OFFSET(PT_ORIG_EAX, pt_regs, orig_ax);
	OFFSET(PT_EIP, pt_regs, ip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_EFLAGS, pt_regs, flags);
	OFFSET(PT_OLDESP, pt_regs, sp);
	OFFSET(PT_OLDSS, pt_regs, ss);
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));

	/* the task's kernel stack and thread_info */
	DEFINE(THREAD_SIZE, THREAD_SIZE);
	OFFSET(TI_flags, thread_info, flags);
	OFFSET(TI_sysenter_return, thread_info, sysenter_return);
	DEFINE(_TIF_SYSCALL_TRACE, _TIF_SYSCALL_TRACE);
	DEFINE(_TIF_WORK_MASK, _TIF_WORK_MASK);
	DEFINE(FRAME_SIZE, sizeof(struct inactive_task_frame));

	/* segments and flags */
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(__USER_CS, __USER_CS);
	DEFINE(__USER_DS, __USER_DS);
	DEFINE(SEGMENT_RPL_MASK, SEGMENT_RPL_MASK);
	DEFINE(X86_EFLAGS_FIXED, X86_EFLAGS_FIXED);
	DEFINE(X86_EFLAGS_TF, X86_EFLAGS_TF);
	DEFINE(X86_EFLAGS_IF, X86_EFLAGS_IF);

	/* the address space, and what startup_32 builds of it */
	DEFINE(PAGE_OFFSET, PAGE_OFFSET);
	DEFINE(TASK_SIZE, TASK_SIZE);
	DEFINE(PGDIR_SHIFT, PGDIR_SHIFT);
	DEFINE(KERNEL_PGD_BOUNDARY, KERNEL_PGD_BOUNDARY);
	DEFINE(LOWMEM_PDES, MAXMEM >> PGDIR_SHIFT);
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	DEFINE(_PAGE_PSE, _PAGE_PSE);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR4_PSE, X86_CR4_PSE);

	/* the errors the entry code returns itself */
	DEFINE(ENOSYS, ENOSYS);
	DEFINE(EFAULT, EFAULT);
}
