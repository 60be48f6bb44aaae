/* Exception handlers and the oops path. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

#include <asm/thread_info.h>

enum {
	X86_TRAP_DE = 0, X86_TRAP_DB, X86_TRAP_NMI, X86_TRAP_BP, X86_TRAP_OF,
	X86_TRAP_BR, X86_TRAP_UD, X86_TRAP_NM, X86_TRAP_DF, X86_TRAP_OLD_MF,
	X86_TRAP_TS, X86_TRAP_NP, X86_TRAP_SS, X86_TRAP_GP, X86_TRAP_PF,
	X86_TRAP_SPURIOUS, X86_TRAP_MF, X86_TRAP_AC, X86_TRAP_MC, X86_TRAP_XF,
	X86_TRAP_VE, X86_TRAP_RESERVED,
};

__noreturn void die(const char *str, struct pt_regs *regs, long err);
void show_regs(struct pt_regs *regs);
void show_stack(unsigned long ip, unsigned long bp);
void print_ip_sym(unsigned long ip);
int fixup_exception(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, long error_code);
void do_debug(struct pt_regs *regs, long error_code);

/* entry points in arch/x86/entry/entry_32.asm */
extern char entry_INT80_32[], entry_SYSENTER_32[];
extern void *irq_entries[];
extern char __begin_SYSENTER_singlestep_region[], __end_SYSENTER_singlestep_region[];

#endif
