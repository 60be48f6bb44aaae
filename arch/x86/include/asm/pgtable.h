/* Two-level i386 page tables: page directory and page table entries. */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT 0x001
#define _PAGE_RW 0x002
#define _PAGE_USER 0x004
#define _PAGE_PWT 0x008
#define _PAGE_PCD 0x010
#define _PAGE_ACCESSED 0x020
#define _PAGE_DIRTY 0x040
#define _PAGE_PSE 0x080		/* in a PDE: a 4 MiB page */
#define _PAGE_GLOBAL 0x100	/* kept in the TLB across CR3 loads */
/*
 * In a user PTE that is not present, the same bit says "PROT_NONE": the
 * page is still ours but any access must fault (Linux's _PAGE_PROTNONE).
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL

#define PGDIR_SHIFT 22
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_PGD 1024
#define PTRS_PER_PTE 1024
#define KERNEL_PGD_BOUNDARY (PAGE_OFFSET >> PGDIR_SHIFT)	/* 768 */

#define pgd_index(addr) ((addr) >> PGDIR_SHIFT)
#define pte_index(addr) (((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

typedef u32 pgd_t;
typedef u32 pte_t;

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/*
 * The top of the address space: the ioremap window below the fixmap, and
 * the fixmap itself (compile-time fixed virtual addresses, counted down
 * from FIXADDR_TOP as in Linux).
 */
#define IOREMAP_START 0xF8000000UL
#define IOREMAP_END 0xFFC00000UL
#define FIXADDR_TOP 0xFFFFF000UL
#define __fix_to_virt(idx) (FIXADDR_TOP - ((idx) << PAGE_SHIFT))

void paging_init(void);
void set_fixmap(unsigned int idx, phys_addr_t phys, u32 flags);

#endif
