/*
 * User page tables and page faults (Linux: mm/memory.c). handle_mm_fault
 * maps a page at a faulting address inside an area: anonymous memory is
 * allocated zero-filled on first touch; a file's page is mapped from the
 * RAM file system itself (shared mappings write straight into the file);
 * a write to a page that is shared copy-on-write gets a private copy, or
 * keeps the page when nobody else uses it any more. Every mapped page
 * holds a reference (struct page _refcount), dropped when it is unmapped.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
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

/* pte_page: the page a PTE holds (present or PROT_NONE), or NULL. */
static struct page *pte_page(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE) ? pfn_to_page(pte >> PAGE_SHIFT) : NULL;
}

/*
 * mk_pte: the entry for a page in an area. Writable only if the area is
 * and the page is the mapping's own (writable says so): a shared
 * copy-on-write page stays read-only until a write fault copies it.
 */
static pte_t mk_pte(struct page *page, unsigned long vm_flags, bool writable)
{
	pte_t pte = page_to_pfn(page) << PAGE_SHIFT;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return pte | _PAGE_PROTNONE;
	pte |= _PAGE_PRESENT | _PAGE_USER;
	if ((vm_flags & VM_WRITE) && writable)
		pte |= _PAGE_RW;
	return pte;
}

static int set_pte_page(struct mm_struct *mm, unsigned long addr, struct page *page,
			unsigned long vm_flags, bool writable)
{
	pte_t *pte = pte_offset(mm->pgd, addr, true);

	if (!pte)
		return -ENOMEM;
	*pte = mk_pte(page, vm_flags, writable);
	__flush_tlb_one(addr);
	return 0;
}

/* install_page: map page at addr as the area's own, writable page. */
int install_page(struct mm_struct *mm, unsigned long addr, struct page *page,
		 unsigned long vm_flags)
{
	return set_pte_page(mm, addr, page, vm_flags, true);
}

/* follow_page: the page mapped at addr in mm, or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_offset(mm->pgd, addr, false);

	return pte ? pte_page(*pte) : NULL;
}

/*
 * file_page: the file's page for a fault at addr, with a reference. A
 * shared mapping gets the page itself (allocated in the file if it was a
 * hole); a private one may map it read-only until it writes. Beyond the
 * end of the file there is nothing: SIGBUS, as on Linux.
 */
static struct page *file_page(struct vm_area_struct *vma, unsigned long addr, int *fault)
{
	struct inode *inode = vma->vm_file->f_inode;
	unsigned long idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct page *page;

	if ((loff_t)idx << PAGE_SHIFT >= PAGE_ALIGN(inode->i_size) && !S_ISCHR(inode->i_mode)) {
		*fault = VM_FAULT_SIGBUS;
		return NULL;
	}
	page = ramfs_get_page(inode, idx, vma->vm_flags & VM_SHARED);
	if (!page)	/* a hole in a private mapping reads as zeros */
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	else
		get_page(page);
	if (!page)
		*fault = VM_FAULT_OOM;
	return page;
}

/*
 * do_wp_page: a write to a present read-only page of a writable area.
 * The only user keeps the page and just gains write access; otherwise
 * the writer gets its own copy (copy-on-write). Not inlined, so that GDB
 * can stop in it (the cow lab's exercise).
 */
static noinline int do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte)
{
	struct page *old = pte_page(*pte), *new;

	if (old->_refcount == 1 || (vma->vm_flags & VM_SHARED)) {
		*pte |= _PAGE_RW;
		__flush_tlb_one(addr);
		return 0;
	}
	new = alloc_page(GFP_KERNEL);
	if (!new)
		return VM_FAULT_OOM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	*pte = mk_pte(new, vma->vm_flags, true);
	__flush_tlb_one(addr);
	put_page(old);
	return 0;
}

/*
 * do_anonymous_page: demand-zero paging - the first touch of a page of
 * anonymous memory maps a new zeroed page there, and only that page.
 * Linux maps its shared zero page for a read and allocates at the first
 * write; yomi allocates at the first touch.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return VM_FAULT_OOM;
	return set_pte_page(vma->vm_mm, addr, page, vma->vm_flags, true) ? VM_FAULT_OOM : 0;
}

/* handle_mm_fault: resolve a fault at addr inside vma (0 or VM_FAULT_*). */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset(mm->pgd, addr, true);
	struct page *page;
	bool write = flags & FAULT_FLAG_WRITE;
	int fault = 0;

	addr &= PAGE_MASK;
	if (!pte)
		return VM_FAULT_OOM;
	if (*pte & _PAGE_PRESENT)
		return write ? do_wp_page(vma, addr, pte) : 0;
	if (*pte & _PAGE_PROTNONE)
		return VM_FAULT_SIGSEGV;
	if (vma->vm_page) {		/* [vdso], [vvar]: their one shared page */
		get_page(vma->vm_page);
		return set_pte_page(mm, addr, vma->vm_page, vma->vm_flags, false) ? VM_FAULT_OOM : 0;
	}
	if (vma->vm_file) {
		page = file_page(vma, addr, &fault);
		if (!page)
			return fault;
		/* a private write fault must not write into the file's page */
		if (write && !(vma->vm_flags & VM_SHARED) && page->_refcount > 1) {
			*pte = mk_pte(page, vma->vm_flags, false);
			return do_wp_page(vma, addr, pte);
		}
		*pte = mk_pte(page, vma->vm_flags,
			      (vma->vm_flags & VM_SHARED) || page->_refcount == 1);
		__flush_tlb_one(addr);
		return 0;
	}
	return do_anonymous_page(vma, addr);
}

/* pmd_end: the end of addr's page table's span, or end if that comes first */
static unsigned long pmd_end(unsigned long addr, unsigned long end)
{
	unsigned long next = (addr & ~(PGDIR_SIZE - 1)) + PGDIR_SIZE;

	return next - 1 < end - 1 ? next : end;
}

/*
 * zap_page_range: unmap [start, end) and drop the pages' references, one
 * page table at a time. The TLB is flushed page by page only if mm is the
 * one loaded: exit and exec drop an address space after leaving it.
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	bool loaded = read_cr3() == __pa(mm->pgd);
	unsigned long addr = start, next;

	for (; addr < end; addr = next) {
		pte_t *pte;

		next = pmd_end(addr, end);
		if (!(mm->pgd[pgd_index(addr)] & _PAGE_PRESENT))
			continue;
		for (pte = pte_offset(mm->pgd, addr, false); addr < next; addr += PAGE_SIZE, pte++) {
			struct page *page = pte_page(*pte);

			if (!page)
				continue;
			*pte = 0;
			if (loaded)
				__flush_tlb_one(addr);
			put_page(page);
		}
	}
}

/* change_protection: give the pages of [start, end) an area's new rights. */
void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = pte_offset(mm->pgd, addr, false);
		struct page *page = pte ? pte_page(*pte) : NULL;

		if (!page)
			continue;
		/* write access comes back through a fault (copy-on-write decides) */
		*pte = mk_pte(page, vm_flags, (*pte & _PAGE_RW) != 0);
		__flush_tlb_one(addr);
	}
}

/* move_page_tables: move the mappings of [old, old + len) to new (mremap). */
void move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long new,
		      unsigned long len)
{
	unsigned long off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *from = pte_offset(mm->pgd, old + off, false), *to;

		if (!from || !pte_page(*from))
			continue;
		to = pte_offset(mm->pgd, new + off, true);
		if (!to)
			continue;	/* out of memory: the page is dropped below */
		*to = *from;
		*from = 0;
		__flush_tlb_one(old + off);
		__flush_tlb_one(new + off);
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

/*
 * copy_page_range: fork's copy of one area. Nothing is copied: the child
 * maps the same pages, and for private writable areas both sides lose
 * write access, so the first write of either makes a copy (copy-on-write).
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	unsigned long addr = vma->vm_start, next;

	for (; addr < vma->vm_end; addr = next) {
		pte_t *from, *to = NULL;

		next = pmd_end(addr, vma->vm_end);
		if (!(src->pgd[pgd_index(addr)] & _PAGE_PRESENT))
			continue;
		for (from = pte_offset(src->pgd, addr, false); addr < next;
		     addr += PAGE_SIZE, from++) {
			struct page *page = pte_page(*from);

			if (!page)
				continue;
			if (!to) {
				to = pte_offset(dst->pgd, addr, true);
				if (!to)
					return -ENOMEM;
				to -= pte_index(addr);	/* the table's first entry */
			}
			/* no TLB flush here: dup_mmap flushes the parent's once */
			if (cow)
				*from &= ~_PAGE_RW;
			to[pte_index(addr)] = *from;
			get_page(page);
		}
	}
	return 0;
}

/*
 * copy_to_mm: write into another (not yet running) address space, giving
 * each touched page a private copy first. exec uses it to build the new
 * program's stack and the partly-zeroed last page of its data. 0 or -ENOMEM.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len)
{
	while (len) {
		unsigned long off = addr & (PAGE_SIZE - 1);
		size_t n = min(len, PAGE_SIZE - off);
		struct vm_area_struct *vma = find_vma(mm, addr);
		struct page *page = follow_page(mm, addr);

		if (!vma || vma->vm_start > addr)
			return -EFAULT;
		if (!page || page->_refcount > 1) {
			struct page *copy = alloc_page(GFP_KERNEL | __GFP_ZERO);

			if (!copy)
				return -ENOMEM;
			if (page)
				memcpy(page_address(copy), page_address(page), PAGE_SIZE);
			if (install_page(mm, addr & PAGE_MASK, copy, vma->vm_flags)) {
				put_page(copy);
				return -ENOMEM;
			}
			if (page)
				put_page(page);
			page = copy;
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
 * access_process_vm: copy from another process's memory (Linux's helper
 * of the same name, used by /proc/<pid>/cmdline). Only pages that are
 * present are read; the number of bytes copied is returned.
 */
int access_process_vm(struct task_struct *t, unsigned long addr, void *buf, int len)
{
	int done = 0;

	while (done < len && t->mm) {
		unsigned long off = (addr + done) & (PAGE_SIZE - 1);
		int n = min(len - done, (int)(PAGE_SIZE - off));
		struct page *page = follow_page(t->mm, addr + done);

		if (!page)
			break;
		memcpy((char *)buf + done, (char *)page_address(page) + off, n);
		done += n;
	}
	return done;
}

/* get_mm_rss: the pages an address space has in memory (Linux keeps
 * counters in the mm; yomi counts, which is slow but only /proc and the
 * OOM killer ask) */
unsigned long get_mm_rss(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long rss = 0, addr;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE)
			rss += follow_page(mm, addr) != NULL;
	return rss;
}
