/*
 * Where mappings go (Linux 2.6 - 4.x: arch/x86/mm/mmap.c and
 * arch/x86/kernel/sys_x86_64.c). At exec, arch_pick_mmap_layout gives the
 * new address space one of two layouts:
 *   legacy   - mappings grow up from TASK_UNMAPPED_BASE (0x40000000),
 *              placed by arch_get_unmapped_area;
 *   top-down - mappings grow down from mmap_base, just under the space
 *              kept for the stack, placed by arch_get_unmapped_area_topdown.
 * mmap_is_legacy picks legacy for the ADDR_COMPAT_LAYOUT personality, an
 * unlimited RLIMIT_STACK (the 2.6 rule; Linux 6.1 no longer does this), or
 * vm.legacy_va_layout. Randomization (randomize_va_space, off for the
 * ADDR_NO_RANDOMIZE personality) shifts the stack top, mmap_base and brk.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define MMAP_MIN_ADDR PAGE_SIZE
#define STACK_RND_MASK 0x7ffUL		/* 8 MiB of stack randomization, in pages */
#define MMAP_RND_BITS 8			/* i386: 256 pages of mmap_base randomization */
#define BRK_RND_RANGE 0x02000000UL	/* brk moves up by at most 32 MiB */

int sysctl_legacy_va_layout;
int randomize_va_space = 2;

static int __init legacy_va_layout_setup(char *str)
{
	sysctl_legacy_va_layout = simple_strtol(str, NULL, 10);
	return 1;
}
__setup("legacy_va_layout=", legacy_va_layout_setup);

static int __init randomize_va_space_setup(char *str)
{
	unsigned long v;

	if (kstrtoul(str, 10, &v) || v > 2)
		return 0;
	randomize_va_space = v;
	return 1;
}
__setup("randomize_va_space=", randomize_va_space_setup);

/* norandmaps: Linux's switch for randomize_va_space=0 */
static int __init norandmaps_setup(char *str)
{
	(void)str;
	randomize_va_space = 0;
	return 1;
}
__setup("norandmaps", norandmaps_setup);

/* the task may be randomized (Linux: the PF_RANDOMIZE flag set at exec) */
static bool randomize(void)
{
	return randomize_va_space && !(current->personality & ADDR_NO_RANDOMIZE);
}

static unsigned long stack_maxrandom_size(void)
{
	return randomize() ? STACK_RND_MASK << PAGE_SHIFT : 0;
}

#define MIN_GAP (128UL * 1024 * 1024 + stack_maxrandom_size())
#define MAX_GAP (TASK_SIZE / 6 * 5)

static noinline int mmap_is_legacy(void)
{
	if (current->personality & ADDR_COMPAT_LAYOUT)
		return 1;
	if (current->rlim[RLIMIT_STACK].rlim_cur == RLIM_INFINITY)
		return 1;
	return sysctl_legacy_va_layout;
}

/* mmap_rnd: the random part of mmap_base, and of a PIE's load address
 * (Linux: arch_mmap_rnd) */
noinline unsigned long mmap_rnd(void)
{
	if (!randomize())
		return 0;
	return (get_random_int() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

/* mmap_base: below the stack's room: its limit, clamped to [MIN_GAP, MAX_GAP]. */
static noinline unsigned long mmap_base(unsigned long rnd)
{
	unsigned long gap = current->rlim[RLIMIT_STACK].rlim_cur;

	if (gap < MIN_GAP)
		gap = MIN_GAP;
	else if (gap > MAX_GAP)
		gap = MAX_GAP;
	return PAGE_ALIGN(TASK_SIZE - gap - rnd);
}

static noinline unsigned long mmap_legacy_base(unsigned long rnd)
{
	return TASK_UNMAPPED_BASE + rnd;
}

void arch_pick_mmap_layout(struct mm_struct *mm)
{
	unsigned long rnd = mmap_rnd();

	mm->mmap_legacy_base = mmap_legacy_base(rnd);
	if (mmap_is_legacy()) {
		mm->mmap_base = mm->mmap_legacy_base;
		mm->get_unmapped_area = arch_get_unmapped_area;
	} else {
		mm->mmap_base = mmap_base(rnd);
		mm->get_unmapped_area = arch_get_unmapped_area_topdown;
	}
}

/*
 * fixed_or_hint: true with the answer in *addr when no search is needed -
 * MAP_FIXED's address, a free hint address, or -ENOMEM for a length that
 * can never fit.
 */
static bool fixed_or_hint(struct mm_struct *mm, unsigned long *addr, unsigned long len,
			  unsigned long flags)
{
	unsigned long hint = PAGE_ALIGN(*addr);
	struct vm_area_struct *vma;

	if (len > TASK_SIZE - MMAP_MIN_ADDR) {
		*addr = -ENOMEM;
		return true;
	}
	if (flags & MAP_FIXED)
		return true;
	if (!hint || hint < MMAP_MIN_ADDR || hint > TASK_SIZE - len)
		return false;
	vma = find_vma(mm, hint);
	if (vma && hint + len > vma->vm_start)
		return false;
	*addr = hint;
	return true;
}

/* arch_get_unmapped_area: the legacy, bottom-up search from mmap_base. */
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_unmapped_area_info info = { 0 };

	(void)filp;
	(void)pgoff;
	if (fixed_or_hint(mm, &addr, len, flags))
		return addr;
	info.length = len;
	info.low_limit = mm->mmap_base;
	info.high_limit = TASK_SIZE;
	return vm_unmapped_area(mm, &info);
}

/*
 * arch_get_unmapped_area_topdown: the highest free range below mmap_base;
 * when that part of the address space is full, fall back to the legacy
 * search above TASK_UNMAPPED_BASE, as Linux does.
 */
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_unmapped_area_info info = { 0 };

	(void)filp;
	(void)pgoff;
	if (fixed_or_hint(mm, &addr, len, flags))
		return addr;
	info.flags = VM_UNMAPPED_AREA_TOPDOWN;
	info.length = len;
	info.low_limit = MMAP_MIN_ADDR;
	info.high_limit = mm->mmap_base;
	addr = vm_unmapped_area(mm, &info);
	if (!(addr & ~PAGE_MASK))
		return addr;
	info.flags = 0;
	info.low_limit = TASK_UNMAPPED_BASE;
	info.high_limit = TASK_SIZE;
	return vm_unmapped_area(mm, &info);
}

/* randomize_stack_top: up to 8 MiB lower, page-aligned (Linux's STACK_RND_MASK). */
unsigned long randomize_stack_top(unsigned long stack_top)
{
	if (!randomize())
		return stack_top;
	return stack_top - ((get_random_int() & STACK_RND_MASK) << PAGE_SHIFT);
}

/* arch_randomize_brk: the heap starts up to 32 MiB above the bss (level 2). */
unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	if (!randomize() || randomize_va_space < 2)
		return mm->brk;
	return PAGE_ALIGN(mm->brk + (get_random_int() % BRK_RND_RANGE));
}

/* personality: set the execution domain flags; 0xffffffff only reads them. */
SYSCALL_DEFINE1(personality, unsigned int, personality)
{
	unsigned int old = current->personality;

	if (personality != 0xffffffff)
		current->personality = personality;
	return old;
}
