/*
 * The kernel's page tables (Linux: arch/x86/mm/init_32.c, ioremap.c,
 * pgtable_32.c). head_32.asm mapped 896 MiB with 4 MiB pages so that C can
 * run anywhere in low memory; paging_init replaces that with
 * swapper_pg_dir, which maps exactly the RAM found (as global 4 MiB pages,
 * as Linux does with PSE) plus one 4 KiB page table for the fixmap, and
 * has no identity mapping, so a stray NULL access faults. User address
 * spaces copy the kernel's upper quarter from here.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
static pte_t fixmap_pte[PTRS_PER_PTE] __aligned(PAGE_SIZE);
static unsigned long ioremap_next = IOREMAP_START;

void paging_init(void)
{
	unsigned long pfn;

	for (pfn = 0; pfn < max_low_pfn; pfn += PTRS_PER_PTE)
		swapper_pg_dir[KERNEL_PGD_BOUNDARY + (pfn >> 10)] =
			(pfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW |
			_PAGE_PSE | _PAGE_GLOBAL;
	/* user-accessible at the directory level: the vDSO's fixmap slots are */
	swapper_pg_dir[pgd_index(FIXADDR_TOP)] = __pa(fixmap_pte) | _PAGE_PRESENT | _PAGE_RW |
						 _PAGE_USER;
	write_cr3(__pa(swapper_pg_dir));
	write_cr4(read_cr4() | X86_CR4_PGE);
}

/* set_fixmap: point one fixmap slot at a physical page. */
void set_fixmap(unsigned int idx, phys_addr_t phys, u32 flags)
{
	unsigned long addr = __fix_to_virt(idx);

	fixmap_pte[pte_index(addr)] = (phys & PAGE_MASK) | flags;
	__flush_tlb_one(addr);
}

/*
 * ioremap: map device memory (the framebuffer) uncached into the window
 * below the fixmap, in 4 MiB pages. Boot time only: address spaces made
 * later copy these entries, earlier ones would not see new ones.
 */
void *ioremap(phys_addr_t phys, unsigned long size)
{
	unsigned long base = phys & ~(PGDIR_SIZE - 1);
	unsigned long len = ALIGN(phys + size - base, PGDIR_SIZE);
	unsigned long virt = ioremap_next, off;

	if (!size || len > IOREMAP_END - ioremap_next)
		return NULL;
	for (off = 0; off < len; off += PGDIR_SIZE)
		swapper_pg_dir[pgd_index(virt + off)] = (base + off) | _PAGE_PRESENT |
			_PAGE_RW | _PAGE_PSE | _PAGE_PCD | _PAGE_GLOBAL;
	write_cr3(read_cr3());
	ioremap_next += len;
	return (void *)(virt + (phys - base));
}
