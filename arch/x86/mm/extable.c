/*
 * fixup_exception (Linux: arch/x86/mm/extable.c): when a kernel-mode fault
 * hits an instruction listed in __ex_table, resume at its fixup code
 * instead of dying. The table is small and searched in order.
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/traps.h>


int fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return 1;
		}
	}
	return 0;
}
