/*
 * The exception table: pairs of (instruction that may fault, where to
 * continue if it does). Code that touches user memory registers its
 * accesses here, so a bad user pointer becomes -EFAULT instead of an oops.
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* _ASM_EXTABLE(from, to): for inline assembly, as in Linux. */
#define _ASM_EXTABLE(from, to)                    \
	" .pushsection __ex_table, \"a\"\n"       \
	" .balign 4\n"                            \
	" .long " #from ", " #to "\n"             \
	" .popsection\n"

/* the table, which the linker script gathers from every __ex_table section */
extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

#endif
