/*
 * mprotect (Linux: mm/mprotect.c): change the access rights of a range.
 * Areas are split at the range's edges, get the new flags, have their page
 * table entries rewritten, and merge back with neighbours that now match.
 * Rights beyond what the mapping allows (VM_MAY*, e.g. PROT_WRITE on a
 * shared mapping of a read-only file) give EACCES.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, newflags;
	struct vm_area_struct *vma, *next;
	unsigned long want = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
			     (prot & PROT_EXEC ? VM_EXEC : 0);

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start || end > TASK_SIZE)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	/* the whole range must be mapped, with no holes (ENOMEM) */
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (next = vma; next->vm_end < end; next = next->vm_next)
		if (!next->vm_next || next->vm_next->vm_start != next->vm_end)
			return -ENOMEM;
	for (next = vma; next && next->vm_start < end; next = next->vm_next)
		if ((want & ~(next->vm_flags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC))
			return -EACCES;
	if (split_vma(mm, vma, start))
		return -ENOMEM;
	vma = find_vma(mm, start);
	while (vma && vma->vm_start < end) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		newflags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | want;
		if ((want & VM_WRITE) && !(vma->vm_flags & (VM_ACCOUNT | VM_WRITE | VM_SHARED)))
			newflags |= VM_ACCOUNT;	/* private, writable from now on */
		vma->vm_flags = newflags;
		change_protection(mm, vma->vm_start, vma->vm_end, newflags);
		vma = vma_merge(mm, vma);
		next = vma->vm_next;
		if (vma->vm_end >= end)
			break;
		vma = next;
	}
	return 0;
}
