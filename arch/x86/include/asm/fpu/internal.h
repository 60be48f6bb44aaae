/*
 * Switching, copying and resetting a task's FPU state (Linux:
 * arch/x86/include/asm/fpu/internal.h); arch/x86/kernel/fpu/core.c.
 */
#ifndef _ASM_X86_FPU_INTERNAL_H
#define _ASM_X86_FPU_INTERNAL_H

#include <asm/fpu/types.h>

struct task_struct;
struct _fpstate;

#ifndef __user
#define __user
#endif

extern bool have_fpu, have_fxsr;	/* what fpu__init_system found */
extern struct fpu init_fpstate;		/* the registers after fninit */
void copy_fpregs_to_fpstate(struct fpu *fpu);
void copy_fpstate_to_fpregs(const struct fpu *fpu);

void fpu__init_system(void);
void switch_fpu(struct task_struct *prev, struct task_struct *next);
void fpu__copy(struct task_struct *dst);
void fpu__clear(struct task_struct *t);
/* arch/x86/kernel/fpu/signal.c */
int copy_fpstate_to_sigframe(struct _fpstate __user *buf);
int fpu__restore_sig(const struct _fpstate __user *buf);

#endif
