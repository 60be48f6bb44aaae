/* The system call table's type (Linux: arch/x86/include/asm/syscall.h). */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <linux/compiler.h>

typedef asmlinkage long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
					  unsigned long, unsigned long, unsigned long);
extern const sys_call_ptr_t sys_call_table[];

#endif
