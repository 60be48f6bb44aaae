/*
 * kallsyms: address-to-name lookup for backtraces (Linux: kernel/kallsyms.c).
 * tools/kallsyms.py writes the table from `nm` of a first link; the second
 * link adds it in the .kallsyms section, last in the image, so no other
 * address moves. Linux compresses the names; yomi keeps them plain.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>


/* kallsyms_lookup_in: binary search for the last symbol at or below addr. */
const char *kallsyms_lookup_in(const struct kallsyms_table *t, unsigned long addr,
			       unsigned long *size, unsigned long *offset)
{
	unsigned int lo = 0, hi = t->num, i;
	unsigned long next;

	if (!t->num || addr < t->addresses[0] || addr >= t->end)
		return NULL;
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (t->addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* aliases share an address: report the first name */
	while (lo > 0 && t->addresses[lo - 1] == t->addresses[lo])
		lo--;
	for (i = lo + 1; i < t->num && t->addresses[i] == t->addresses[lo]; i++)
		;
	next = i < t->num ? t->addresses[i] : t->end;
	if (size)
		*size = next - t->addresses[lo];
	if (offset)
		*offset = addr - t->addresses[lo];
	return t->names + t->name_offsets[lo];
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	return kallsyms_lookup_in(&kallsyms, addr, size, offset);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < kallsyms.num; i++)
		if (!strcmp(kallsyms.names + kallsyms.name_offsets[i], name))
			return kallsyms.addresses[i];
	return 0;
}

/* sprint_symbol: "name+0xoff/0xsize", as in Linux's %pS. */
int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name)
		return snprintf(buf, len, "0x%08lx", addr);
	return snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
}
