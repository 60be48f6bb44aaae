/*
 * Switching, copying and resetting a task's FPU state (Linux:
 * arch/x86/include/asm/fpu/internal.h); arch/x86/kernel/fpu/core.c.
 */
#ifndef _ASM_X86_FPU_INTERNAL_H
#define _ASM_X86_FPU_INTERNAL_H

struct task_struct;

void fpu__init_system(void);
void switch_fpu(struct task_struct *prev, struct task_struct *next);
void fpu__copy(struct task_struct *dst);
void fpu__clear(struct task_struct *t);

#endif
