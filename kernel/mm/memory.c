/*
 * User page tables and page faults (Linux: mm/memory.c). handle_mm_fault
 * maps a page at a faulting address inside an area: anonymous memory is
 * allocated on first touch, zero-filled. Pages are reference-counted and
 * given back by zap_page_range when areas go away.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* pte_offset: the page-table entry for addr, allocating the table if asked. */
static pte_t *pte_offset(pgd_t *pgd, unsigned long addr, bool alloc)
{
	pgd_t *pde = &pgd[pgd_index(addr)];

	if (!(*pde & _PAGE_PRESENT)) {
		unsigned long table;

		if (!alloc || !(table = get_zeroed_page(GFP_KERNEL)))
			return NULL;
		*pde = __pa(table) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
	}
	return (pte_t *)__va(*pde & PAGE_MASK) + pte_index(addr);
}

static pte_t vm_page_prot(unsigned long vm_flags)
{
	return _PAGE_PRESENT | _PAGE_USER | (vm_flags & VM_WRITE ? _PAGE_RW : 0);
}

/* install_page: map page at addr with the area's protection; 0 or -ENOMEM. */
int install_page(struct mm_struct *mm, unsigned long addr, struct page *page,
		 unsigned long vm_flags)
{
	pte_t *pte = pte_offset(mm->pgd, addr, true);

	if (!pte)
		return -ENOMEM;
	*pte = (page_to_pfn(page) << PAGE_SHIFT) | vm_page_prot(vm_flags);
	__flush_tlb_one(addr);
	return 0;
}

/*
 * handle_mm_fault: resolve a fault at addr inside vma. A missing page of
 * anonymous memory is allocated zeroed. A fault on a present page is a
 * protection violation (copy-on-write does not exist yet).
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset(mm->pgd, addr, true);
	struct page *page;

	if (!pte)
		return VM_FAULT_OOM;
	if (*pte & _PAGE_PRESENT)
		return VM_FAULT_SIGSEGV;
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))
		return VM_FAULT_SIGSEGV;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	install_page(mm, addr & PAGE_MASK, page, vma->vm_flags);
	return 0;
}

/* zap_page_range: unmap [start, end) and drop the pages' references. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte;

		if (!(mm->pgd[pgd_index(addr)] & _PAGE_PRESENT)) {
			addr = (addr & ~(PGDIR_SIZE - 1)) + PGDIR_SIZE - PAGE_SIZE;
			continue;
		}
		pte = pte_offset(mm->pgd, addr, false);
		if (*pte & _PAGE_PRESENT) {
			put_page(pfn_to_page(*pte >> PAGE_SHIFT));
			*pte = 0;
			__flush_tlb_one(addr);
		}
	}
}

/* free_pgtables: free every user page table (the areas are already zapped). */
void free_pgtables(struct mm_struct *mm)
{
	unsigned int i;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++) {
		if (mm->pgd[i] & _PAGE_PRESENT) {
			free_page((unsigned long)__va(mm->pgd[i] & PAGE_MASK));
			mm->pgd[i] = 0;
		}
	}
}

/* follow_page: the page mapped at addr in mm, or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_offset(mm->pgd, addr, false);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(*pte >> PAGE_SHIFT);
}

/*
 * copy_to_mm: write into another (not yet running) address space, mapping
 * zeroed pages where none are. exec uses it to fill the new program's
 * segments and stack before switching to it. 0 or -ENOMEM.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len)
{
	while (len) {
		unsigned long off = addr & (PAGE_SIZE - 1);
		size_t n = min(len, PAGE_SIZE - off);
		struct page *page = follow_page(mm, addr);
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!page) {
			page = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!page || !vma || install_page(mm, addr & PAGE_MASK, page,
							  vma->vm_flags)) {
				if (page)
					put_page(page);
				return -ENOMEM;
			}
		}
		if (src) {
			memcpy((char *)page_address(page) + off, src, n);
			src = (const char *)src + n;
		}
		addr += n;
		len -= n;
	}
	return 0;
}

/*
 * copy_page_range: give dst a private copy of every page src has mapped in
 * vma. fork uses it; copy-on-write will make this cheap later.
 */
void copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma,
		     int *err)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end && !*err; addr += PAGE_SIZE) {
		struct page *from = follow_page(src, addr), *to;

		if (!from)
			continue;
		to = alloc_page(GFP_KERNEL);
		if (!to) {
			*err = -ENOMEM;
			return;
		}
		memcpy(page_address(to), page_address(from), PAGE_SIZE);
		*err = install_page(dst, addr, to, vma->vm_flags);
		if (*err)
			put_page(to);
	}
}
