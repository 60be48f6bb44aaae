/*
 * vm's address-space experiments (docs/mmap.md): munmap and mprotect
 * splitting areas, where mmap places things, the heap, mremap.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "vm.h"

static void write_at(unsigned long addr)
{
	*(volatile char *)addr = 1;
}

static void read_at(unsigned long addr)
{
	(void)*(volatile char *)addr;
}

/* four written pages with the second one unmapped; the first page */
static char *four_pages_with_a_hole(int quiet)
{
	char *p = quiet ? mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
			: map(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, 0);

	memset(p, 'x', 4 * PAGE);
	if (!quiet)
		show_maps((unsigned long)p, (unsigned long)p + 4 * PAGE);
	printf("munmap(%p, %#lx) = %d\n", p + PAGE, PAGE, munmap(p + PAGE, PAGE));
	show_maps((unsigned long)p, (unsigned long)p + 4 * PAGE);
	return p;
}

/* vm split: munmap in the middle of an area leaves two */
int vm_split(void)
{
	char *p = four_pages_with_a_hole(0);

	in_child("write to the hole", write_at, (unsigned long)p + PAGE);
	return 0;
}

static void protect(char *p, unsigned long len, int prot, const char *name)
{
	printf("mprotect(%p, %#lx, %s) = %d\n", p, len, name, mprotect(p, len, prot));
	show_maps((unsigned long)p & ~(4 * PAGE - 1), ((unsigned long)p | (4 * PAGE - 1)) + 1);
}

/* vm mprotect: from vm split's state, split by rights, merge back, fill the hole */
int vm_mprotect(void)
{
	char *p = four_pages_with_a_hole(1);

	protect(p + 2 * PAGE, PAGE, PROT_READ, "PROT_READ");
	in_child("write to the read-only page", write_at, (unsigned long)p + 2 * PAGE);
	protect(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, "PROT_READ|PROT_WRITE");
	printf("MAP_FIXED over the hole: ");
	map(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_FIXED);
	show_maps((unsigned long)p, (unsigned long)p + 4 * PAGE);
	protect(p, 4 * PAGE, PROT_NONE, "PROT_NONE");
	in_child("read a PROT_NONE page", read_at, (unsigned long)p + 3 * PAGE);
	return 0;
}

static void *place(const char *what, unsigned long addr, unsigned long len, int flags)
{
	printf("%-29s", what);
	return map((void *)addr, len, PROT_READ | PROT_WRITE, flags);
}

/* vm place: hints and MAP_FIXED's checks; then, those pages given back, filling the space */
int vm_place(void)
{
	void *pages[3];
	int i;

	pages[0] = place("a free hint:", 0x50000000, PAGE, 0);
	pages[1] = place("the same hint, now taken:", 0x50000000, PAGE, 0);
	pages[2] = place("an unaligned hint:", 0x60000123, PAGE, 0);
	place("MAP_FIXED, unaligned:", 0x60000123, PAGE, MAP_FIXED);
	place("MAP_FIXED at page 0:", 0, PAGE, MAP_FIXED);
	place("MAP_FIXED past TASK_SIZE:", 0xbffff000, 2 * PAGE, MAP_FIXED);
	place("length 0:", 0, 0, 0);
	for (i = 0; i < 3; i++)
		munmap(pages[i], PAGE);
	printf("%-29s%p, %p, %p\n", "munmap the three pages:", pages[0], pages[1], pages[2]);
	place("most of the space:", 0, 0xaf000000, 0);
	place("120 MiB more:", 0, 120 * MIB, 0);
	place("100 MiB more:", 0, 100 * MIB, 0);
	place("100 MiB more:", 0, 100 * MIB, 0);
	return 0;
}

/* vm heap: sbrk up three pages, then down two */
int vm_heap(void)
{
	unsigned long start = (unsigned long)sbrk(0), old;

	printf("brk starts at %#lx\n", start);
	show_maps(0, start);
	old = (unsigned long)sbrk(3 * PAGE);
	printf("sbrk(%#lx) = %#lx\n", 3 * PAGE, old);
	show_maps(start - 1, start + 3 * PAGE);
	old = (unsigned long)sbrk(-2 * (long)PAGE);
	printf("sbrk(-%#lx) = %#lx, brk now %#lx\n", 2 * PAGE, old, (unsigned long)sbrk(0));
	show_maps(start - 1, start + PAGE);
	return 0;
}

static char *resize(char *p, unsigned long old, unsigned long len, int flags)
{
	char *q = mremap(p, old, len, flags);

	printf("mremap(%p, %#lx, %#lx, %s) = ", p, old, len,
	       flags ? "MREMAP_MAYMOVE" : "0");
	if (q == MAP_FAILED)
		printf("%p (%s)\n", q, result(-1));
	else
		printf("%p", q);
	return q;
}

/* vm mremap: a read-only page that cannot grow in place moves; a neighbour grows */
int vm_mremap(void)
{
	char *a = map(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, 0);
	char *b = map(NULL, PAGE, PROT_READ | PROT_WRITE, 0), *q;

	strcpy(b, "moved with me");
	mprotect(b, PAGE, PROT_READ);
	show_maps((unsigned long)b, (unsigned long)a + 2 * PAGE);
	resize(b, PAGE, 3 * PAGE, 0);
	q = resize(b, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
	if (q != MAP_FAILED)
		printf(", which says \"%s\"\n", q);
	if (resize(a, 2 * PAGE, 4 * PAGE, 0) != MAP_FAILED)
		printf("\n");
	show_maps((unsigned long)q, (unsigned long)a + 4 * PAGE);
	if (resize(a, PAGE, 2 * PAGE, MREMAP_MAYMOVE) != MAP_FAILED)
		printf("\n");
	return 0;
}
