/*
 * Page directories of user address spaces (Linux: arch/x86/mm/pgtable.c).
 * Each process gets its own page directory: the lower 768 entries (user
 * space, below TASK_SIZE) start empty; the upper 256 are copied from
 * swapper_pg_dir, so the kernel is mapped identically in every process.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/processor.h>

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (pgd)
		memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
		       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* mm_pgtables_pages: the page tables of user space (/proc/PID/status's
 * VmPTE; Linux keeps a counter, yomi counts the directory's entries) */
unsigned long mm_pgtables_pages(struct mm_struct *mm)
{
	unsigned long n = 0, i;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		n += (mm->pgd[i] & _PAGE_PRESENT) != 0;
	return n;
}

static void (*switch_mm_hook)(struct mm_struct *mm);

/* register_switch_mm_hook: fn is told of each address space that starts
 * running (the compat vDSO opens and closes its page so; one hook, so the
 * page tables need not know who listens) */
void register_switch_mm_hook(void (*fn)(struct mm_struct *mm))
{
	switch_mm_hook = fn;
}

/* switch_mm: load the address space's page directory (or the kernel's). */
void switch_mm(struct mm_struct *mm)
{
	write_cr3(__pa(mm ? mm->pgd : swapper_pg_dir));
	if (switch_mm_hook)
		switch_mm_hook(mm);
}
