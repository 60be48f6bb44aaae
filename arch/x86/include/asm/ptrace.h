/* struct pt_regs: the registers saved on kernel entry, in Linux i386 order. */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

struct pt_regs {
	unsigned long bx;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long bp;
	unsigned long ax;
	unsigned long ds;
	unsigned long es;
	unsigned long fs;
	unsigned long gs;
	unsigned long orig_ax;	/* syscall number, error code, or ~irq */
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;	/* sp and ss are pushed only on a ring change */
	unsigned long ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
