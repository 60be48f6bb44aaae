/*
 * Where mappings go (arch/x86/mm/mmap.c on mm/vma.c): with a fake
 * `current` (tests/unit/host_current.h) whose rlimits and personality the
 * test sets, arch_pick_mmap_layout chooses the layout and mm->mmap_base,
 * and both get_unmapped_area flavours place mappings, each one inserted as
 * an area before the next request, as mmap does. With randomization off:
 * the top-down layout under an 8 MiB stack (mmap_base 0xb8000000, pages
 * handed out from 0xb7fff000 down), the legacy one (0x40000000 up) for an
 * unlimited stack, ADDR_COMPAT_LAYOUT and vm.legacy_va_layout, the gap's
 * clamping to [128 MiB, TASK_SIZE / 6 * 5], hints, MAP_FIXED, the first
 * page never used, the top-down fallback to a bottom-up search above
 * TASK_UNMAPPED_BASE, and ENOMEM. With randomization on: bases that move
 * between picks, within Linux's ranges (mmap_rnd below 256 pages, page
 * aligned; the stack top by up to 0x7ff pages, brk by up to 32 MiB).
 */
// sources: arch/x86/mm/mmap.c mm/vma.c lib/rbtree.c lib/vsprintf.c
// kernel-cflags: -include host_current.h
// kernel-cflags: -Dvsnprintf=yomi_vsnprintf -Dsnprintf=yomi_snprintf -Dsprintf=yomi_sprintf
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include "check.h"

#define MiB (1024UL * 1024)
#define GiB (1024 * MiB)
#define PG PAGE_SIZE
#define NO_HINT 0UL

struct task_struct *host_current;
static struct task_struct task;
static struct mm_struct mm;

/* the kernel's generator (drivers/char/random.c, seeded at boot) on the
 * host: the C library's */
unsigned long get_random_int(void)
{
	return (unsigned long)rand() << 16 ^ (unsigned long)rand();
}

/* vma.c's includes name kmalloc; the areas here are the test's own */
void *kmalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return malloc(size);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return calloc(1, size);
}

void kfree(const void *p)
{
	free((void *)p);
}

static void free_areas(void)
{
	struct vm_area_struct *v = mm.mmap, *next;

	for (; v; v = next) {
		next = v->vm_next;
		free(v);
	}
	memset(&mm, 0, sizeof(mm));
}

/* a new process: stack limit, personality, the sysctls; then exec's pick */
static void exec_with(unsigned long stack_limit, unsigned int personality, int legacy_sysctl,
		      int randomize)
{
	free_areas();
	memset(&task, 0, sizeof(task));
	task.pid = 1;
	task.mm = &mm;
	task.personality = personality;
	task.rlim[RLIMIT_STACK].rlim_cur = stack_limit;
	task.rlim[RLIMIT_STACK].rlim_max = RLIM_INFINITY;
	host_current = &task;
	sysctl_legacy_va_layout = legacy_sysctl;
	randomize_va_space = randomize;
	mm.task_size = TASK_SIZE;
	arch_pick_mmap_layout(&mm);
}

static int is_topdown(void)
{
	return mm.get_unmapped_area == arch_get_unmapped_area_topdown;
}

static int is_legacy(void)
{
	return mm.get_unmapped_area == arch_get_unmapped_area;
}

/* map: an area at [start, start + len), as do_mmap_pgoff would insert it */
static int map(unsigned long start, unsigned long len)
{
	struct vm_area_struct *v = calloc(1, sizeof(*v));
	int err;

	v->vm_start = start;
	v->vm_end = start + len;
	v->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE;
	err = insert_vm_struct(&mm, v);
	if (err)
		free(v);
	return err;
}

/* mmap_anon: what mmap(hint, len, ..., flags) would be given, then mapped there */
static unsigned long mmap_anon(unsigned long hint, unsigned long len, unsigned long flags)
{
	unsigned long addr = mm.get_unmapped_area(NULL, hint, len, 0, flags);

	if (!IS_ERR_VALUE(addr) && !(flags & MAP_FIXED))
		CHECK(map(addr, len) == 0, "the address %#lx given for %#lx bytes is not free",
		      addr, len);
	return addr;
}

#define CHECK_ADDR(got, want)                                                 \
	do {                                                                  \
		unsigned long g_ = (got), w_ = (want);                        \
		CHECK(g_ == w_, "%s is %#lx, want %#lx", #got, g_, w_);      \
	} while (0)

static void check_default_topdown(void)
{
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(is_topdown(), "an 8 MiB stack limit gives the top-down layout");
	CHECK_ADDR(mm.mmap_base, 0xC0000000UL - 128 * MiB);	/* the gap's minimum */
	CHECK_ADDR(mm.mmap_base, 0xB8000000UL);
	CHECK_ADDR(mm.mmap_legacy_base, TASK_UNMAPPED_BASE);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0xB7FFF000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0xB7FFE000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0xB7FFD000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, 3 * PG, MAP_PRIVATE | MAP_ANONYMOUS), 0xB7FFA000UL);
	/* a hole is filled before the space below: the highest range that fits */
	CHECK(map(0xB7FF8000UL, PG) == 0);	/* leaves 0xb7ff9000 free */
	CHECK_ADDR(mmap_anon(NO_HINT, 2 * PG, 0), 0xB7FF6000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0xB7FF9000UL);
	/* small stack limits: still the 128 MiB minimum */
	exec_with(0, 0, 0, 0);
	CHECK(is_topdown());
	CHECK_ADDR(mm.mmap_base, 0xB8000000UL);
	exec_with(128 * MiB, 0, 0, 0);
	CHECK_ADDR(mm.mmap_base, 0xB8000000UL);
}

static void check_gap(void)
{
	exec_with(256 * MiB, 0, 0, 0);		/* between the bounds: the limit itself */
	CHECK(is_topdown());
	CHECK_ADDR(mm.mmap_base, 0xB0000000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0xAFFFF000UL);
	exec_with(1 * GiB, 0, 0, 0);
	CHECK_ADDR(mm.mmap_base, 0x80000000UL);
	exec_with(200 * MiB + 123, 0, 0, 0);	/* not page-aligned: the base is rounded up */
	CHECK_ADDR(mm.mmap_base, 0xB3800000UL);
	exec_with(3 * GiB, 0, 0, 0);		/* clamped to TASK_SIZE / 6 * 5 */
	CHECK(is_topdown(), "a 3 GiB limit is still top-down (only RLIM_INFINITY is legacy)");
	CHECK_ADDR(mm.mmap_base, TASK_SIZE - TASK_SIZE / 6 * 5);
	CHECK_ADDR(mm.mmap_base, 0x20000000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0x1FFFF000UL);
	exec_with(RLIM_INFINITY - 1, 0, 0, 0);	/* the largest finite limit */
	CHECK(is_topdown());
	CHECK_ADDR(mm.mmap_base, 0x20000000UL);
}

static void check_legacy_ascends(const char *why)
{
	CHECK(is_legacy(), "%s: the legacy layout", why);
	CHECK(mm.mmap_base == 0x40000000UL, "%s: mmap_base %#lx, want 0x40000000", why,
	      mm.mmap_base);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0x40000000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0x40001000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, MAP_PRIVATE | MAP_ANONYMOUS), 0x40002000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, 5 * PG, MAP_PRIVATE | MAP_ANONYMOUS), 0x40003000UL);
}

static void check_legacy(void)
{
	exec_with(RLIM_INFINITY, 0, 0, 0);
	check_legacy_ascends("RLIMIT_STACK = RLIM_INFINITY");
	exec_with(8 * MiB, ADDR_COMPAT_LAYOUT, 0, 0);
	check_legacy_ascends("personality ADDR_COMPAT_LAYOUT");
	exec_with(8 * MiB, ADDR_COMPAT_LAYOUT | ADDR_NO_RANDOMIZE | 0x0008, 0, 2);
	check_legacy_ascends("ADDR_COMPAT_LAYOUT with other personality bits");
	exec_with(8 * MiB, 0, 1, 0);
	check_legacy_ascends("vm.legacy_va_layout = 1");
	exec_with(8 * MiB, 0, 2, 0);
	check_legacy_ascends("vm.legacy_va_layout = 2");
	/* personality bits that are not ADDR_COMPAT_LAYOUT leave it top-down */
	exec_with(8 * MiB, ADDR_NO_RANDOMIZE | 0x0008, 0, 0);
	CHECK(is_topdown());

	/* in the legacy layout too, a hole is filled first: the lowest that fits */
	exec_with(RLIM_INFINITY, 0, 0, 0);
	CHECK_ADDR(mmap_anon(NO_HINT, 4 * PG, 0), 0x40000000UL);
	CHECK(map(0x40005000UL, PG) == 0);	/* leaves 0x40004000 free */
	CHECK_ADDR(mmap_anon(NO_HINT, 2 * PG, 0), 0x40006000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0x40004000UL);
	/* the last page below TASK_SIZE is given too */
	exec_with(RLIM_INFINITY, 0, 0, 0);
	CHECK(map(0x40000000UL, 0xBFFFF000UL - 0x40000000UL) == 0);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0xBFFFF000UL);
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, PG, 0, 0), (unsigned long)-ENOMEM);
	/* nothing below mmap_base is used, even when it is free */
	exec_with(RLIM_INFINITY, 0, 0, 0);
	CHECK_ADDR(mmap_anon(NO_HINT, 4 * PG, 0), 0x40000000UL);
	CHECK(map(0x40005000UL, PG) == 0);
	CHECK_ADDR(mmap_anon(NO_HINT, 2 * PG, 0), 0x40006000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0x40004000UL);
	CHECK(map(0x40008000UL, 0xC0000000UL - 0x40008000UL) == 0);
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, PG, 0, 0), (unsigned long)-ENOMEM);
}

static void check_hints(int legacy)
{
	unsigned long (*gua)(struct file *, unsigned long, unsigned long, unsigned long,
			     unsigned long);
	unsigned long first, first2;	/* where the search puts 1 and 2 pages */
	const char *name = legacy ? "legacy" : "top-down";

	exec_with(legacy ? RLIM_INFINITY : 8 * MiB, 0, 0, 0);
	gua = mm.get_unmapped_area;
	first = legacy ? 0x40000000UL : 0xB7FFF000UL;
	first2 = legacy ? 0x40000000UL : 0xB7FFE000UL;
	CHECK(map(0x10000000UL, 4 * PG) == 0);			/* something to overlap */
	CHECK(map(0x20000000UL, PG) == 0);
	/* a free hint is taken as it is, even far from mmap_base */
	CHECK(gua(NULL, 0x30000000UL, PG, 0, 0) == 0x30000000UL, "%s: a free hint", name);
	CHECK(gua(NULL, 0x10004000UL, 2 * PG, 0, 0) == 0x10004000UL,
	      "%s: a hint right after an area", name);
	CHECK(gua(NULL, 0x1FFFE000UL, 2 * PG, 0, 0) == 0x1FFFE000UL,
	      "%s: a hint that ends right at an area", name);
	CHECK(gua(NULL, 0x30000123UL, PG, 0, 0) == 0x30001000UL,
	      "%s: an unaligned hint is rounded up", name);
	CHECK(gua(NULL, 0xBFFFF000UL, PG, 0, 0) == 0xBFFFF000UL, "%s: the last page", name);
	/* a hint that overlaps is not taken: the search decides */
	CHECK(gua(NULL, 0x10002000UL, PG, 0, 0) == first, "%s: a hint inside an area", name);
	CHECK(gua(NULL, 0x0FFFF000UL, 2 * PG, 0, 0) == first2,
	      "%s: a hint that runs into an area", name);
	CHECK(gua(NULL, 0x1FFFF000UL, 2 * PG, 0, 0) == first2,
	      "%s: a hint that runs into an area by a page", name);
	CHECK(gua(NULL, 0xBFFFF000UL, 2 * PG, 0, 0) == first2,
	      "%s: a hint that runs past TASK_SIZE", name);
	CHECK(gua(NULL, 0xFFFFF000UL, PG, 0, 0) == first, "%s: a hint in the kernel's half", name);
	/* the first page is never given, not even for a hint */
	CHECK(gua(NULL, 1, PG, 0, 0) == 0x1000UL, "%s: hint 1 rounds up to 0x1000", name);
	CHECK(gua(NULL, 0x1000, PG, 0, 0) == 0x1000UL, "%s: a hint at 4096 is allowed", name);
	/* MAP_FIXED: the address as it is, overlapping or not (mmap unmaps first) */
	CHECK(gua(NULL, 0x10002000UL, PG, 0, MAP_FIXED) == 0x10002000UL, "%s: MAP_FIXED", name);
	CHECK(gua(NULL, 0x50000000UL, 16 * PG, 0, MAP_FIXED) == 0x50000000UL, "%s: MAP_FIXED",
	      name);
	CHECK(gua(NULL, 0x30000000UL, PG, 0, MAP_FIXED | MAP_PRIVATE) == 0x30000000UL,
	      "%s: MAP_FIXED", name);
	/* impossible sizes */
	CHECK(gua(NULL, NO_HINT, TASK_SIZE, 0, 0) == (unsigned long)-ENOMEM,
	      "%s: TASK_SIZE bytes", name);
	CHECK(gua(NULL, NO_HINT, 0xF0000000UL, 0, 0) == (unsigned long)-ENOMEM,
	      "%s: more than TASK_SIZE", name);
	CHECK(gua(NULL, 0x1000, TASK_SIZE, 0, MAP_FIXED) == (unsigned long)-ENOMEM,
	      "%s: TASK_SIZE bytes, fixed", name);
	/* the two are the same functions whichever way they are called */
	CHECK(gua(NULL, 0x30000000UL, PG, 0, 0) ==
	      (legacy ? arch_get_unmapped_area : arch_get_unmapped_area_topdown)(NULL, 0x30000000UL,
										   PG, 0, 0));
}

static void check_topdown_full(void)
{
	unsigned long a;

	/* everything from the first page to mmap_base taken: fall back upward */
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(map(0x1000, 0xB8000000UL - 0x1000) == 0);
	a = mmap_anon(NO_HINT, PG, 0);
	CHECK_ADDR(a, 0xB8000000UL);		/* the lowest above TASK_UNMAPPED_BASE */
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0xB8001000UL);
	/* page 0 is free, but never given */
	free_areas();
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(map(0x1000, 0xC0000000UL - 0x1000) == 0);
	a = mm.get_unmapped_area(NULL, NO_HINT, PG, 0, 0);
	CHECK(a == (unsigned long)-ENOMEM, "all but page 0 mapped: %#lx, want -ENOMEM", a);
	a = mm.get_unmapped_area(NULL, 0x800, 0x800, 0, 0);
	CHECK(a == (unsigned long)-ENOMEM, "a hint in page 0: %#lx, want -ENOMEM", a);

	/* a gap below mmap_base too small, one above it big enough */
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(map(0x1000, 0x30000000UL - 0x1000) == 0);
	CHECK(map(0x30002000UL, 0xB8000000UL - 0x30002000UL) == 0);	/* 2 pages free below */
	CHECK(map(0xB8010000UL, PG) == 0);
	CHECK_ADDR(mmap_anon(NO_HINT, 2 * PG, 0), 0x30000000UL);	/* fits below: taken */
	CHECK_ADDR(mmap_anon(NO_HINT, 3 * PG, 0), 0xB8000000UL);	/* only above */
	CHECK_ADDR(mmap_anon(NO_HINT, 16 * PG, 0), 0xB8011000UL);	/* the next gap up */
	/* a gap of exactly the size asked is found; a page more is not */
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(map(0x1000, 0x10000000UL - 0x1000) == 0);
	CHECK(map(0x10100000UL, 0xC0000000UL - 0x10100000UL) == 0);	/* 1 MiB free low */
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, 0x100000, 0, 0), 0x10000000UL);
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, 0x100000 + PG, 0, 0),
		   (unsigned long)-ENOMEM);
	/* the fallback searches from TASK_UNMAPPED_BASE up, not from mmap_base
	 * (which a 3 GiB stack limit puts at 0x20000000) */
	exec_with(3 * GiB, 0, 0, 0);
	CHECK(map(0x1000, 0x20000000UL - 0x1000) == 0);
	CHECK(map(0x30000000UL, PG) == 0);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0x40000000UL);
	CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), 0x40001000UL);
	/* the room left is above mmap_base: the fallback finds it, to the byte */
	exec_with(8 * MiB, 0, 0, 0);
	CHECK(map(0x1000, 0xBFF00000UL - 0x1000) == 0);
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, 0x100000, 0, 0), 0xBFF00000UL);
	CHECK_ADDR(mm.get_unmapped_area(NULL, NO_HINT, 0x100001, 0, 0), (unsigned long)-ENOMEM);
	free_areas();
}

/* many requests: top-down hands out a contiguous run down from mmap_base */
static void check_many(void)
{
	unsigned long a, want;
	int i;

	exec_with(8 * MiB, 0, 0, 0);
	want = 0xB8000000UL;
	for (i = 0; i < 5000; i++) {
		unsigned long len = (1 + i % 3) * PG;

		want -= len;
		a = mmap_anon(NO_HINT, len, 0);
		if (a != want) {
			CHECK_ADDR(a, want);
			break;
		}
	}
	exec_with(RLIM_INFINITY, 0, 0, 0);
	want = 0x40000000UL;
	for (i = 0; i < 5000; i++) {
		unsigned long len = (1 + i % 3) * PG;

		a = mmap_anon(NO_HINT, len, 0);
		if (a != want) {
			CHECK_ADDR(a, want);
			break;
		}
		want += len;
	}
	CHECK_EQ(mm.map_count, 5000);
	free_areas();
}

/* randomize_va_space and ADDR_NO_RANDOMIZE */
static void check_random(void)
{
	const unsigned long top_base = 0xC0000000UL - 128 * MiB - (0x7ffUL << PAGE_SHIFT);
	unsigned long first_top = 0, v;
	int i, level, moved_top = 0, moved_stack = 0, moved_brk = 0;

	for (level = 1; level <= 2; level++) {
		for (i = 0; i < 64; i++) {
			exec_with(8 * MiB, 0, 0, level);
			CHECK(is_topdown());
			/* base = TASK_SIZE - (128 MiB + the stack's random range) - rnd */
			CHECK(mm.mmap_base <= top_base && top_base - mm.mmap_base < 256 * PG &&
			      !(mm.mmap_base & (PG - 1)),
			      "randomize_va_space=%d: mmap_base %#lx is not %#lx minus under 256 pages",
			      level, mm.mmap_base, top_base);
			if (i == 0)
				first_top = mm.mmap_base;
			moved_top |= mm.mmap_base != first_top;
			/* the first mapping sits right under the base */
			v = mmap_anon(NO_HINT, PG, 0);
			CHECK_ADDR(v, mm.mmap_base - PG);

			/* legacy: Linux 2.6-4.12 left the i386 legacy base at
			 * 0x40000000, later ones add mmap_rnd; either is accepted */
			exec_with(RLIM_INFINITY, 0, 0, level);
			CHECK(is_legacy());
			CHECK(mm.mmap_base >= 0x40000000UL && mm.mmap_base - 0x40000000UL < 256 * PG &&
			      !(mm.mmap_base & (PG - 1)),
			      "randomize_va_space=%d: legacy mmap_base %#lx", level, mm.mmap_base);
			CHECK_ADDR(mmap_anon(NO_HINT, PG, 0), mm.mmap_base);

			v = randomize_stack_top(0xC0000000UL);
			CHECK(v <= 0xC0000000UL && 0xC0000000UL - v <= (0x7ffUL << PAGE_SHIFT) &&
			      !(v & (PG - 1)), "stack top %#lx", v);
			moved_stack |= v != 0xC0000000UL;
			mm.brk = mm.start_brk = 0x0804d000UL;
			v = arch_randomize_brk(&mm);
			if (level == 1) {
				CHECK(v == 0x0804d000UL, "randomize_va_space=1 moved brk to %#lx", v);
			} else {
				CHECK(v >= 0x0804d000UL && v - 0x0804d000UL <= 32 * MiB &&
				      !(v & (PG - 1)), "brk %#lx", v);
				moved_brk |= v != 0x0804d000UL;
			}
		}
		CHECK(moved_top, "randomize_va_space=%d: 64 top-down bases all %#lx", level,
		      first_top);
		CHECK(moved_stack, "randomize_va_space=%d: the stack top never moved", level);
	}
	CHECK(moved_brk, "randomize_va_space=2: brk never moved");

	/* ADDR_NO_RANDOMIZE (setarch -R) turns it all off */
	for (i = 0; i < 8; i++) {
		exec_with(8 * MiB, ADDR_NO_RANDOMIZE, 0, 2);
		CHECK_ADDR(mm.mmap_base, 0xB8000000UL);
		CHECK_ADDR(randomize_stack_top(0xC0000000UL), 0xC0000000UL);
		mm.brk = 0x0804d000UL;
		CHECK_ADDR(arch_randomize_brk(&mm), 0x0804d000UL);
		exec_with(RLIM_INFINITY, ADDR_NO_RANDOMIZE, 0, 2);
		CHECK_ADDR(mm.mmap_base, 0x40000000UL);
		exec_with(3 * GiB, ADDR_NO_RANDOMIZE, 0, 2);	/* the clamp ignores randomness */
		CHECK_ADDR(mm.mmap_base, 0x20000000UL);
	}
	/* and randomize_va_space=0 */
	exec_with(8 * MiB, 0, 0, 0);
	CHECK_ADDR(randomize_stack_top(0xC0000000UL), 0xC0000000UL);
	mm.brk = 0x0804d000UL;
	CHECK_ADDR(arch_randomize_brk(&mm), 0x0804d000UL);
	free_areas();
}

int main(void)
{
	check_default_topdown();
	check_gap();
	check_legacy();
	check_hints(0);
	check_hints(1);
	check_topdown_full();
	check_many();
	check_random();
	free_areas();
	return check_done();
}
