/*
 * mremap (Linux: mm/mremap.c): resize a mapping. Shrinking unmaps the
 * tail; growing extends the area in place when the range ends its area and
 * the addresses after it are free, or, with MREMAP_MAYMOVE, moves the
 * range (page table entries and all) to a new place. The range must lie
 * within one area.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *moved;
	unsigned long to;

	(void)new_addr;
	if ((addr & ~PAGE_MASK) || (flags & ~MREMAP_MAYMOVE))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len || addr + old_len < addr)
		return -EINVAL;
	if (new_len <= old_len) {
		if (new_len < old_len && do_munmap(mm, addr + new_len, old_len - new_len))
			return -ENOMEM;
		return addr;
	}
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || addr + old_len > vma->vm_end)
		return -EFAULT;
	if ((mm->total_vm << PAGE_SHIFT) + new_len - old_len > current->rlim[RLIMIT_AS].rlim_cur)
		return -ENOMEM;
	/* in place, if the range ends its area and nothing is in the way */
	if (addr + old_len == vma->vm_end && addr + new_len <= TASK_SIZE && addr + new_len > addr &&
	    (!vma->vm_next || vma->vm_next->vm_start >= addr + new_len)) {
		vma_set_range(vma, vma->vm_start, addr + new_len);
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	to = get_unmapped_area(vma->vm_file, 0, new_len, vma->vm_pgoff, 0);
	if (IS_ERR_VALUE(to))
		return to;
	if (split_vma(mm, vma, addr))
		return -ENOMEM;
	vma = find_vma(mm, addr);
	if (split_vma(mm, vma, addr + old_len))
		return -ENOMEM;
	vma = find_vma(mm, addr);	/* now exactly [addr, addr + old_len) */
	moved = vm_area_dup(vma);
	if (!moved)
		return -ENOMEM;
	moved->vm_start = to;
	moved->vm_end = to + new_len;
	move_page_tables(mm, addr, to, old_len);
	vma_unlink(mm, vma);
	vm_area_free(vma);
	insert_vm_struct(mm, moved);
	vma_merge(mm, moved);
	return to;
}
