@@ function mmap_is_legacy
/*
 * TODO(mmap-layout): 1 when the new address space gets the legacy layout:
 * the ADDR_COMPAT_LAYOUT personality, an unlimited RLIMIT_STACK, or
 * sysctl_legacy_va_layout. docs/labs/mmap-layout.md
 */
static noinline int mmap_is_legacy(void)
{
	return 1;
}
@@ function mmap_base
/*
 * TODO(mmap-layout): the top of the top-down area: TASK_SIZE minus the
 * stack's room (its limit clamped to [MIN_GAP, MAX_GAP]) minus rnd, page
 * aligned. docs/labs/mmap-layout.md
 */
static noinline unsigned long mmap_base(unsigned long rnd)
{
	(void)stack_maxrandom_size;
	return TASK_UNMAPPED_BASE + rnd;
}
@@ function arch_pick_mmap_layout
/*
 * TODO(mmap-layout): choose the layout (mmap_is_legacy), set
 * mm->mmap_base and mm->get_unmapped_area to match; mmap_rnd() is the
 * random offset for both bases. docs/labs/mmap-layout.md
 */
void arch_pick_mmap_layout(struct mm_struct *mm)
{
	mm->mmap_legacy_base = mmap_legacy_base(0);
	mm->mmap_base = mm->mmap_legacy_base;
	mm->get_unmapped_area = arch_get_unmapped_area;
	(void)mmap_is_legacy;
	(void)mmap_base;
	(void)mmap_rnd;
}
@@ function fixed_or_hint
/*
 * TODO(mmap-layout): also honour a hint address that is free (page
 * aligned, above MMAP_MIN_ADDR, below TASK_SIZE - len, no area in the
 * way). docs/labs/mmap-layout.md
 */
static bool fixed_or_hint(struct mm_struct *mm, unsigned long *addr, unsigned long len,
			  unsigned long flags)
{
	(void)mm;
	if (len > TASK_SIZE - MMAP_MIN_ADDR) {
		*addr = -ENOMEM;
		return true;
	}
	return flags & MAP_FIXED;
}
@@ function arch_get_unmapped_area
/*
 * TODO(mmap-layout): the legacy search: the lowest free range of len
 * bytes from mm->mmap_base up to TASK_SIZE (vm_unmapped_area does the
 * search). This stub walks the areas from 0x20000000 instead, a first fit
 * that keeps the system running. docs/labs/mmap-layout.md
 */
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags)
{
	struct vm_area_struct *vma;

	(void)filp;
	(void)pgoff;
	if (fixed_or_hint(current->mm, &addr, len, flags))
		return addr;
	addr = 0x20000000;
	for (vma = find_vma(current->mm, addr); vma && addr + len > vma->vm_start;
	     vma = vma->vm_next)
		addr = vma->vm_end > addr ? vma->vm_end : addr;
	return addr + len <= TASK_SIZE ? addr : (unsigned long)-ENOMEM;
}
@@ function arch_get_unmapped_area_topdown
/*
 * TODO(mmap-layout): the top-down search: the highest free range below
 * mm->mmap_base (VM_UNMAPPED_AREA_TOPDOWN), and when there is none, the
 * legacy search above TASK_UNMAPPED_BASE. docs/labs/mmap-layout.md
 */
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags)
{
	return arch_get_unmapped_area(filp, addr, len, pgoff, flags);
}
