/*
 * Oops reports (Linux: arch/x86/kernel/dumpstack_32.c). die() prints the
 * exception, the registers and a backtrace found by following the saved
 * frame pointers (the kernel is built with -fno-omit-frame-pointer), each
 * address named through kallsyms, then stops the machine through panic().
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <asm/processor.h>
#include <asm/traps.h>

void print_ip_sym(unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), ip);
	printk(KERN_EMERG " [<%08lx>] %s\n", ip, sym);
}

/*
 * show_stack: ip first, then walk the chain of saved ebp values. Each frame holds the
 * caller's ebp and the return address; the walk stays inside the current
 * THREAD_SIZE-aligned kernel stack, so a corrupt chain cannot fault.
 */
void show_stack(unsigned long ip, unsigned long bp)
{
	unsigned long base = bp & ~(THREAD_SIZE - 1UL);
	int depth = 0;

	printk(KERN_EMERG "Call Trace:\n");
	print_ip_sym(ip);
	while (bp >= base && bp + 8 <= base + THREAD_SIZE && !(bp & 3) && depth++ < 32) {
		unsigned long *frame = (unsigned long *)bp;

		if (!frame[1])
			break;
		print_ip_sym(frame[1]);
		if (frame[0] <= bp)
			break;
		bp = frame[0];
	}
}

void show_regs(struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];
	unsigned long sp = user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;

	sprint_symbol(sym, sizeof(sym), regs->ip);
	printk(KERN_EMERG "EIP: %04lx:[<%08lx>] EFLAGS: %08lx\n",
	       regs->cs & 0xffff, regs->ip, regs->flags);
	printk(KERN_EMERG "EIP is at %s\n", sym);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, sp);
	printk(KERN_EMERG " DS: %04lx ES: %04lx FS: %04lx GS: %04lx SS: %04lx\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff,
	       regs->gs & 0xffff, user_mode(regs) ? regs->ss & 0xffff : 0x68UL);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* die: the oops. "str: error [#n]", registers, backtrace, then panic. */
void die(const char *str, struct pt_regs *regs, long err)
{
	static int die_counter;

	local_irq_disable();
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	show_regs(regs);
	show_stack(regs->ip, regs->bp);
	panic("Fatal exception");
}
