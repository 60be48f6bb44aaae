/*
 * Memory areas of an address space (Linux: mm/mmap.c): the sorted list of
 * vm_area_structs, find_vma, brk, stack growth, and tearing an address
 * space down. Linux also keeps the areas in an augmented red-black tree
 * for O(log n) lookup; yomi's list is walked from the start.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->mm_users = 1;
	return mm;
}

/* mmput: drop a user; the last one frees pages, page tables and areas. */
void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (--mm->mm_users)
		return;
	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		kfree(vma);
	}
	free_pgtables(mm);
	pgd_free(mm->pgd);
	kfree(mm);
}

/* find_vma: the first area that ends above addr (it may start above it). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/* find_vma_prev: find_vma, and the area before it (or the last area). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma, *prev = NULL;

	for (vma = mm->mmap; vma && vma->vm_end <= addr; vma = vma->vm_next)
		prev = vma;
	*pprev = prev;
	return vma;
}

/* insert_vm_struct: link an area in address order; -ENOMEM on overlap. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = NULL, *next = mm->mmap;

	while (next && next->vm_start < vma->vm_end) {
		if (next->vm_end > vma->vm_start)
			return -ENOMEM;
		prev = next;
		next = next->vm_next;
	}
	vma->vm_mm = mm;
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	mm->map_count++;
	return 0;
}

/*
 * do_brk: make [addr, addr + len) anonymous read-write memory, growing the
 * area that ends at addr when it has the same flags. Returns addr or an
 * error.
 */
unsigned long do_brk(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	const unsigned long flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	struct vm_area_struct *vma, *prev, *next;

	len = PAGE_ALIGN(len);
	if (!len)
		return addr;
	if (addr + len > TASK_SIZE || addr + len < addr)
		return -ENOMEM;
	next = find_vma_prev(mm, addr, &prev);
	if (next && next->vm_start < addr + len)
		return -ENOMEM;
	if (prev && prev->vm_end == addr && prev->vm_flags == flags) {
		prev->vm_end = addr + len;
		return addr;
	}
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = flags;
	insert_vm_struct(mm, vma);
	return addr;
}

/* shrink_brk_area: give back [start, end), the top of the heap area. */
static void shrink_brk_area(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	zap_page_range(mm, start, end);
	if (!vma || vma->vm_end != end || vma->vm_start > start)
		return;
	if (vma->vm_start == start) {
		if (vma->vm_prev)
			vma->vm_prev->vm_next = vma->vm_next;
		else
			mm->mmap = vma->vm_next;
		if (vma->vm_next)
			vma->vm_next->vm_prev = vma->vm_prev;
		mm->map_count--;
		kfree(vma);
	} else {
		vma->vm_end = start;
	}
}

/*
 * brk: move the end of the heap. Like Linux it never fails with an error
 * code: it returns the new break, or the old one when the request cannot
 * be met (below the start, colliding with another area, over RLIMIT_DATA).
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;

	if (brk < mm->start_brk)
		return mm->brk;
	if (brk - mm->start_brk > current->rlim[RLIMIT_DATA].rlim_cur)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk)
		shrink_brk_area(mm, newbrk, oldbrk);
	else if (newbrk > oldbrk && IS_ERR_VALUE(do_brk(oldbrk, newbrk - oldbrk)))
		return mm->brk;
	mm->brk = brk;
	return brk;
}

/*
 * expand_stack: grow a VM_GROWSDOWN area down to addr, within RLIMIT_STACK
 * and without touching the area below.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	addr &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) || addr >= vma->vm_start)
		return addr >= vma->vm_start ? 0 : -EFAULT;
	if (vma->vm_end - addr > current->rlim[RLIMIT_STACK].rlim_cur)
		return -ENOMEM;
	if (vma->vm_prev && vma->vm_prev->vm_end > addr - PAGE_SIZE)
		return -ENOMEM;
	vma->vm_start = addr;
	return 0;
}
