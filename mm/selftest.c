/*
 * mm_selftest: checks of the page allocator and kmalloc that run both in
 * the booted kernel (selftest=mm) and in the host unit tests on a fake
 * memory map. It returns the number of failed checks and leaves the free
 * page count exactly as it found it.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NR_BLOCKS 256
#define NR_OBJS 512

static unsigned int rnd_state = 12345;

static unsigned int rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 16;
}

#define CHECK(cond, ...) do { if (!(cond)) { pr_err("mm selftest: " __VA_ARGS__); failed++; } } while (0)

static int check_blocks(void)
{
	static struct page *blocks[NR_BLOCKS];
	static unsigned int orders[NR_BLOCKS];
	int i, failed = 0;

	for (i = 0; i < NR_BLOCKS; i++) {
		unsigned long *p;

		orders[i] = rnd() % 6;
		blocks[i] = alloc_pages(GFP_KERNEL, orders[i]);
		if (!blocks[i])
			continue;
		CHECK(!(page_to_pfn(blocks[i]) & ((1UL << orders[i]) - 1)),
		      "order-%u block at unaligned pfn %lu\n", orders[i], page_to_pfn(blocks[i]));
		p = page_address(blocks[i]);
		p[0] = p[(PAGE_SIZE << orders[i]) / sizeof(long) - 1] = page_to_pfn(blocks[i]);
	}
	for (i = 0; i < NR_BLOCKS; i++) {
		unsigned long *p;

		if (!blocks[i])
			continue;
		p = page_address(blocks[i]);
		CHECK(p[0] == page_to_pfn(blocks[i]) &&
		      p[(PAGE_SIZE << orders[i]) / sizeof(long) - 1] == page_to_pfn(blocks[i]),
		      "blocks overlap at pfn %lu\n", page_to_pfn(blocks[i]));
		__free_pages(blocks[i], orders[i]);
	}
	return failed;
}

/*
 * check_exhaustion: take every page (chained through the pages
 * themselves), which splits every block; once they are all back, the
 * buddies must have merged into a block of the largest order again.
 */
static int check_exhaustion(unsigned long before)
{
	void *chain = NULL;
	unsigned long n = 0;
	int failed = 0;
	struct page *page;

	while ((page = alloc_page(GFP_KERNEL)) != NULL) {
		void **p = page_address(page);

		*p = chain;
		chain = p;
		n++;
	}
	CHECK(n == before, "took %lu pages of %lu before running out\n", n, before);
	CHECK(nr_free_pages() == 0, "%lu pages free when out of memory\n", nr_free_pages());
	CHECK(kmalloc(16, GFP_KERNEL) == NULL, "kmalloc succeeded with no memory\n");
	while (chain) {
		void *next = *(void **)chain;

		free_page((unsigned long)chain);
		chain = next;
	}
	page = alloc_pages(GFP_KERNEL, MAX_ORDER - 1);
	CHECK(page != NULL, "no order-%d block after freeing every page: no merging?\n",
	      MAX_ORDER - 1);
	if (page)
		__free_pages(page, MAX_ORDER - 1);
	return failed;
}

static int check_kmalloc(void)
{
	static unsigned char *objs[NR_OBJS];
	static unsigned int sizes[NR_OBJS];
	int i, failed = 0;

	for (i = 0; i < NR_OBJS; i++) {
		sizes[i] = 1 + rnd() % (i % 8 ? 300 : 9000);
		objs[i] = kmalloc(sizes[i], GFP_KERNEL);
		CHECK(objs[i] != NULL, "kmalloc(%u) failed\n", sizes[i]);
		if (objs[i])
			memset(objs[i], i & 0xff, sizes[i]);
	}
	for (i = 0; i < NR_OBJS; i++) {
		unsigned int j;

		if (!objs[i])
			continue;
		for (j = 0; j < sizes[i] && objs[i][j] == (i & 0xff); j++)
			;
		CHECK(j == sizes[i], "kmalloc object %d (%u bytes) overwritten\n", i, sizes[i]);
		kfree(objs[i]);
	}
	return failed;
}

int mm_selftest(void)
{
	unsigned long before = nr_free_pages();
	int failed = 0;

	failed += check_blocks();
	CHECK(nr_free_pages() == before, "%lu pages free after blocks, %lu before\n",
	      nr_free_pages(), before);
	failed += check_kmalloc();
	CHECK(nr_free_pages() == before, "%lu pages free after kmalloc, %lu before\n",
	      nr_free_pages(), before);
	failed += check_exhaustion(before);
	CHECK(nr_free_pages() == before, "%lu pages free after exhaustion, %lu before\n",
	      nr_free_pages(), before);
	pr_info("mm selftest: %lu pages free before and after, %d failed checks\n",
		before, failed);
	return failed;
}
