/*
 * madvise and mincore (Linux: mm/madvise.c, mm/mincore.c). MADV_DONTNEED
 * drops the pages of a range: anonymous memory reads as zeros afterwards,
 * file mappings re-read the file. The other advice is accepted and
 * ignored. mincore reports, one byte per page, whether a page is resident
 * (mapped now) - which is how tests watch demand paging happen.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* range_mapped: [start, end) lies inside areas with no gap (else -ENOMEM). */
static int range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	while (vma->vm_end < end) {
		if (!vma->vm_next || vma->vm_next->vm_start != vma->vm_end)
			return -ENOMEM;
		vma = vma->vm_next;
	}
	return 0;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	unsigned long end;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (behavior < MADV_NORMAL || behavior > MADV_DONTNEED)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (!len)
		return 0;
	err = range_mapped(current->mm, start, end);
	if (err)
		return err;
	if (behavior == MADV_DONTNEED)
		zap_page_range(current->mm, start, end);
	return 0;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	unsigned long pages, i;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	if (start + len < start || start + len > TASK_SIZE)
		return -ENOMEM;
	pages = PAGE_ALIGN(len) >> PAGE_SHIFT;
	if (!access_ok(vec, pages))
		return -EFAULT;
	err = range_mapped(current->mm, start, start + (pages << PAGE_SHIFT));
	if (err)
		return err;
	for (i = 0; i < pages; i++) {
		unsigned char in = follow_page(current->mm, start + (i << PAGE_SHIFT)) != NULL;

		if (put_user(in, vec + i))
			return -EFAULT;
	}
	return 0;
}
