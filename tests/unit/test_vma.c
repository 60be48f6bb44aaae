/*
 * The VMA tree (mm/vma.c on lib/rbtree.c) against a simple
 * reference model, a sorted array of ranges: tens of thousands of random
 * inserts, removals and resizes; after each one the tree must be a valid
 * red-black tree whose list, order and per-node rb_subtree_gap match the
 * model, find_vma must agree, and vm_unmapped_area (bottom-up and
 * top-down, with and without alignment, within random limits) must return
 * exactly the range the model computes by scanning every gap. Also the
 * five-area example docs/mmap.md draws, and requests of 1 GiB and more.
 */
// sources: mm/vma.c lib/rbtree.c
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include "check.h"

#define NPAGES 4096		/* a 16 MiB address space keeps collisions frequent */
#define MAXV 600

static struct mm_struct mm;
static struct { unsigned long start, end; struct vm_area_struct *vma; } model[MAXV];
static int nmodel;
static unsigned int seed = 1;

static unsigned int rnd(unsigned int n)
{
	seed = seed * 1103515245 + 12345;
	return (seed >> 8) % n;
}

static int model_find(unsigned long start, unsigned long end)
{
	int i;

	for (i = 0; i < nmodel; i++)
		if (start < model[i].end && end > model[i].start)
			return i;
	return -1;
}

static void model_insert(unsigned long start, unsigned long end, struct vm_area_struct *v)
{
	int i = nmodel++;

	while (i > 0 && model[i - 1].start > start) {
		model[i] = model[i - 1];
		i--;
	}
	model[i].start = start;
	model[i].end = end;
	model[i].vma = v;
}

static void model_remove(int i)
{
	memmove(&model[i], &model[i + 1], (nmodel - i - 1) * sizeof(model[0]));
	nmodel--;
}

/* check_node: red-black rules and gaps; returns the black height */
static int check_node(struct rb_node *n, unsigned long *gap, int *bad)
{
	struct vm_area_struct *v;
	unsigned long lg = 0, rg = 0, own;
	int lh, rh;

	if (!n) {
		*gap = 0;
		return 1;
	}
	v = rb_entry(n, struct vm_area_struct, vm_rb);
	if (n->rb_color == RB_RED && ((n->rb_left && n->rb_left->rb_color == RB_RED) ||
				      (n->rb_right && n->rb_right->rb_color == RB_RED)))
		(*bad)++;
	if ((n->rb_left && n->rb_left->rb_parent != n) || (n->rb_right && n->rb_right->rb_parent != n))
		(*bad)++;
	lh = check_node(n->rb_left, &lg, bad);
	rh = check_node(n->rb_right, &rg, bad);
	if (lh != rh)
		(*bad)++;
	own = v->vm_start - (v->vm_prev ? v->vm_prev->vm_end : 0);
	*gap = own > lg ? own : lg;
	if (rg > *gap)
		*gap = rg;
	if (v->rb_subtree_gap != *gap)
		(*bad)++;
	return lh + (n->rb_color == RB_BLACK);
}

static void check_structure(void)
{
	struct vm_area_struct *v;
	unsigned long gap;
	int bad = 0, i = 0;

	check_node(mm.mm_rb.rb_node, &gap, &bad);
	CHECK(!mm.mm_rb.rb_node || mm.mm_rb.rb_node->rb_color == RB_BLACK);
	CHECK(bad == 0, "%d red-black or gap violations", bad);
	for (v = mm.mmap; v; v = v->vm_next, i++)
		CHECK(i < nmodel && v == model[i].vma, "list position %d", i);
	CHECK_EQ(i, nmodel);
	CHECK_EQ(mm.map_count, nmodel);
	CHECK_EQ(mm.highest_vm_end, nmodel ? model[nmodel - 1].end : 0);
}

/* the reference answer of vm_unmapped_area */
static unsigned long model_unmapped(const struct vm_unmapped_area_info *info)
{
	unsigned long length = info->length + info->align_mask, best = -ENOMEM;
	int i;

	for (i = 0; i <= nmodel; i++) {
		unsigned long s = i ? model[i - 1].end : 0;
		unsigned long e = i < nmodel ? model[i].start : ~0UL;

		if (s < info->low_limit)
			s = info->low_limit;
		if (e > info->high_limit)
			e = info->high_limit;
		if (e <= s || e - s < length)
			continue;
		if (info->flags & VM_UNMAPPED_AREA_TOPDOWN) {
			unsigned long a = e - info->length;

			best = a - ((a - info->align_offset) & info->align_mask);
		} else {
			return s + ((info->align_offset - s) & info->align_mask);
		}
	}
	return best;
}

static void check_unmapped(void)
{
	struct vm_unmapped_area_info info;
	int k;

	for (k = 0; k < 4; k++) {
		memset(&info, 0, sizeof(info));
		info.flags = rnd(2) ? VM_UNMAPPED_AREA_TOPDOWN : 0;
		info.length = (1 + rnd(rnd(4) ? 8 : 200)) << PAGE_SHIFT;
		info.low_limit = rnd(NPAGES / 2) << PAGE_SHIFT;
		info.high_limit = (NPAGES / 2 + rnd(NPAGES / 2 + 8)) << PAGE_SHIFT;
		if (rnd(4) == 0) {
			info.align_mask = ((1UL << rnd(5)) - 1) << PAGE_SHIFT;
			info.align_offset = rnd(16) << PAGE_SHIFT;
		}
		CHECK_EQ(vm_unmapped_area(&mm, &info), model_unmapped(&info));
	}
}

/*
 * check_large: a real 32-bit layout (a stack below 0xc0000000, one page at
 * 0x50000000) with requests of 1 and 2 GiB, where a careless "start +
 * length" wraps past 4 GiB and skips the search.
 */
static void check_large(void)
{
	static struct vm_area_struct stack = { .vm_start = 0xbffde000, .vm_end = 0xc0000000 };
	static struct vm_area_struct page = { .vm_start = 0x50000000, .vm_end = 0x50001000 };
	struct mm_struct big = { .mm_rb = RB_ROOT };
	struct vm_unmapped_area_info info = { 0 };

	insert_vm_struct(&big, &stack);
	insert_vm_struct(&big, &page);
	info.flags = VM_UNMAPPED_AREA_TOPDOWN;
	info.low_limit = PAGE_SIZE;
	info.high_limit = 0xb8000000;
	info.length = 1UL << 30;
	CHECK_EQ(vm_unmapped_area(&big, &info), 0x78000000);
	info.length = 2UL << 30;
	CHECK_EQ(vm_unmapped_area(&big, &info), (unsigned long)-ENOMEM);
	info.flags = 0;
	info.low_limit = 0x40000000;
	info.high_limit = 0xc0000000;
	CHECK_EQ(vm_unmapped_area(&big, &info), (unsigned long)-ENOMEM);
	info.length = 1UL << 30;
	CHECK_EQ(vm_unmapped_area(&big, &info), 0x50001000);
}

/*
 * check_example: docs/mmap.md's tree. Text, data, heap and stack inserted
 * in exec's order, then one mmap: the data area ends up at the root, black;
 * heap and stack red; each node's gap and subtree gap as the page draws.
 */
static void check_example(void)
{
	static struct vm_area_struct v[] = {
		{ .vm_start = 0x08048000, .vm_end = 0x08050000 },
		{ .vm_start = 0x08050000, .vm_end = 0x08052000 },
		{ .vm_start = 0x08052000, .vm_end = 0x08060000 },
		{ .vm_start = 0xbffde000, .vm_end = 0xc0000000 },
		{ .vm_start = 0xb7ff0000, .vm_end = 0xb8000000 },
	};
	static const struct { int color; unsigned long subtree_gap; } want[] = {
		{ RB_BLACK, 0x08048000 }, { RB_BLACK, 0xaff90000 }, { RB_RED, 0 },
		{ RB_RED, 0x07fde000 }, { RB_BLACK, 0xaff90000 },
	};
	struct mm_struct ex = { .mm_rb = RB_ROOT };
	struct vm_unmapped_area_info info = { 0 };
	unsigned int i;

	for (i = 0; i < 5; i++)
		CHECK_EQ(insert_vm_struct(&ex, &v[i]), 0);
	CHECK(ex.mm_rb.rb_node == &v[1].vm_rb, "the data area is the root");
	for (i = 0; i < 5; i++) {
		CHECK_EQ(v[i].vm_rb.rb_color, want[i].color);
		CHECK_EQ(v[i].rb_subtree_gap, want[i].subtree_gap);
	}
	info.flags = VM_UNMAPPED_AREA_TOPDOWN;
	info.length = 0x10000;
	info.low_limit = PAGE_SIZE;
	info.high_limit = 0xb8000000;
	CHECK_EQ(vm_unmapped_area(&ex, &info), 0xb7fe0000);
	info.flags = 0;
	info.low_limit = 0x40000000;
	info.high_limit = 0xc0000000;
	CHECK_EQ(vm_unmapped_area(&ex, &info), 0x40000000);
	CHECK(find_vma(&ex, 0x08051234) == &v[1], "find_vma(0x08051234) is the data area");
	CHECK(find_vma(&ex, 0x40000000) == &v[4], "find_vma(0x40000000) is the mmap area");
}

int main(int argc, char **argv)
{
	int step, steps = argc > 1 ? atoi(argv[1]) : 30000;

	for (step = 0; step < steps; step++) {
		unsigned int op = rnd(10);

		if (op < 5 && nmodel < MAXV) {		/* insert */
			unsigned long start = rnd(NPAGES) << PAGE_SHIFT;
			unsigned long end = start + ((1 + rnd(rnd(3) ? 4 : 64)) << PAGE_SHIFT);
			struct vm_area_struct *v = calloc(1, sizeof(*v));
			int want = model_find(start, end) < 0 ? 0 : -ENOMEM;

			v->vm_start = start;
			v->vm_end = end;
			CHECK_EQ(insert_vm_struct(&mm, v), want);
			if (want)
				free(v);
			else
				model_insert(start, end, v);
		} else if (op < 8 && nmodel) {		/* remove */
			int i = rnd(nmodel);

			vma_unlink(&mm, model[i].vma);
			free(model[i].vma);
			model_remove(i);
		} else if (nmodel) {			/* shrink or grow in place */
			int i = rnd(nmodel);
			unsigned long start = model[i].start, end = model[i].end;
			unsigned long lo = i ? model[i - 1].end : 0;
			unsigned long hi = i + 1 < nmodel ? model[i + 1].start : (unsigned long)NPAGES << PAGE_SHIFT;

			if (rnd(2) && start > lo)
				start -= PAGE_SIZE;
			else if (end - start > PAGE_SIZE)
				start += PAGE_SIZE;
			if (rnd(2) && end < hi)
				end += PAGE_SIZE;
			vma_set_range(model[i].vma, start, end);
			model[i].start = start;
			model[i].end = end;
		}
		check_structure();
		check_unmapped();
		if (step % 97 == 0 && nmodel) {		/* find_vma at random points */
			unsigned long addr = rnd(NPAGES + 16) << PAGE_SHIFT;
			struct vm_area_struct *want = NULL;
			int i;

			for (i = 0; i < nmodel; i++)
				if (model[i].end > addr) {
					want = model[i].vma;
					break;
				}
			CHECK(find_vma(&mm, addr) == want, "find_vma(%#lx)", addr);
		}
		if (checks_failed > 20)
			break;
	}
	check_large();
	check_example();
	return check_done();
}
