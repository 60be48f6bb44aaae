/* The kernel's own symbol table, for symbolized backtraces. */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 64
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 32)

struct kallsyms_table {
	unsigned int num;
	const unsigned long *addresses;		/* sorted */
	const unsigned int *name_offsets;	/* into names */
	const char *names;
	unsigned long end;			/* end of the last symbol */
};

const char *kallsyms_lookup_in(const struct kallsyms_table *t, unsigned long addr,
			       unsigned long *size, unsigned long *offset);
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
int sprint_symbol(char *buf, size_t len, unsigned long addr);

#endif
