/*
 * Host benchmark of the VMA tree (mm/vma.c): find_vma and the
 * free-gap search (vm_unmapped_area, both directions) in trees of 100 to
 * 100,000 areas, in nanoseconds per call. Built and run by tests/bench.py;
 * prints "bench:" lines. The figures should grow like log n.
 */
// sources: mm/vma.c lib/rbtree.c
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <linux/mm.h>

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(void)
{
	static const int sizes[] = { 100, 1000, 10000, 100000 };
	unsigned int s, i, calls = 200000;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct mm_struct mm = { .mm_rb = RB_ROOT };
		struct vm_unmapped_area_info info = { .length = 2 * PAGE_SIZE };
		unsigned long n = sizes[s], top = (2 * n + 4) << PAGE_SHIFT, sink = 0;
		double t0, t1, t2;

		/*
		 * one-page areas with one-page holes, except one three-page hole
		 * at a third of the way: the only place two pages fit, which both
		 * searches must find by descending the tree
		 */
		for (i = 0; i < n; i++) {
			struct vm_area_struct *v;

			if (i == n / 3)
				continue;
			v = calloc(1, sizeof(*v));

			v->vm_start = (2UL * i + 1) << PAGE_SHIFT;
			v->vm_end = v->vm_start + PAGE_SIZE;
			insert_vm_struct(&mm, v);
		}
		t0 = now_ns();
		for (i = 0; i < calls; i++)
			sink += (unsigned long)find_vma(&mm, ((i * 7919UL) % (2 * n)) << PAGE_SHIFT);
		t1 = now_ns();
		info.high_limit = top - (4UL << PAGE_SHIFT);	/* not above the last area */
		for (i = 0; i < calls / 2; i++) {
			info.flags = 0;
			sink += vm_unmapped_area(&mm, &info);	/* bottom-up: only above the last */
			info.flags = VM_UNMAPPED_AREA_TOPDOWN;
			sink += vm_unmapped_area(&mm, &info);
		}
		t2 = now_ns();
		printf("bench: %6lu VMAs: find_vma %.0f ns, vm_unmapped_area %.0f ns%s\n", n,
		       (t1 - t0) / calls, (t2 - t1) / calls, sink == 42 ? " " : "");
	}
	return 0;
}
