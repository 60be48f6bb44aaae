/*
 * The boot memory map (memblock), the buddy page allocator and kmalloc on
 * a fake machine: 16 MiB of "physical memory" in a host buffer, with holes
 * the map does not list, and a "kernel" and a "module" that are reserved.
 * Checks: exactly the right pages are handed out (never a hole, the kernel,
 * the module or mem_map), every order comes aligned, freeing merges back
 * to the largest blocks, running out returns NULL and corrupts nothing, bad
 * frees are caught, kmalloc's size classes, /proc/slabinfo's counts, and
 * mm_selftest() itself.
 */
// sources: mm/memblock.c mm/page_alloc.c mm/slab.c mm/selftest.c fs/seq_file.c lib/vsprintf.c
// kernel-cflags: -Dvsnprintf=yomi_vsnprintf -Dsnprintf=yomi_snprintf -Dsprintf=yomi_sprintf
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "check.h"

#define MEM_SIZE (16UL << 20)
#define NR_PFNS (MEM_SIZE >> PAGE_SHIFT)
#define CANARY 0xa5

struct range { unsigned long start, end; };	/* physical, end exclusive */

/* what the "boot loader" reports as usable: note the unaligned edges */
static const struct range usable[] = {
	{ 0x00000000, 0x0009fc00 },
	{ 0x00100000, 0x00a00000 },
	{ 0x00b00000, 0x01000000 },
};
/* taken before the allocator starts: first page, kernel image, a module */
static const struct range reserved[] = {
	{ 0x00000000, 0x00001000 },
	{ 0x00100000, 0x001a3456 },	/* "kernel" */
	{ 0x00400800, 0x00432100 },	/* "module", unaligned at both ends */
};

static unsigned char *ram;		/* physical address 0 */
static unsigned char page_ok[NR_PFNS];	/* 1: the allocator may hand this page out */
static unsigned long expected_free;

static bool overlaps(unsigned long s, unsigned long e, const struct range *r)
{
	return s < r->end && r->start < e;
}

/* memory the boot code took with memblock_alloc: written, so no canary */
static struct range early, mm;

/* The model: which pages should be free, computed without memblock. */
static void build_model(void)
{
	unsigned long pfn;

	expected_free = 0;
	for (pfn = 0; pfn < NR_PFNS; pfn++) {
		unsigned long s = pfn << PAGE_SHIFT, e = s + PAGE_SIZE;
		bool ok = false;
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(usable); i++)
			if (s >= usable[i].start && e <= usable[i].end)
				ok = true;
		for (i = 0; i < ARRAY_SIZE(reserved); i++)
			if (overlaps(s, e, &reserved[i]))
				ok = false;
		if (overlaps(s, e, &mm) || overlaps(s, e, &early))
			ok = false;
		page_ok[pfn] = ok;
		expected_free += ok;
	}
}

static void boot(void)
{
	unsigned int i;
	unsigned long bad = 0;

	ram = aligned_alloc(4UL << 20, MEM_SIZE);	/* so virtual alignment = physical */
	memset(ram, CANARY, MEM_SIZE);
	__page_offset = (unsigned long)ram;
	memblock_reset();
	for (i = 0; i < ARRAY_SIZE(usable); i++)
		memblock_add(usable[i].start, usable[i].end - usable[i].start);
	for (i = 0; i < ARRAY_SIZE(reserved); i++)
		memblock_reserve(reserved[i].start, reserved[i].end - reserved[i].start);

	/* an early allocation with a large alignment, as boot code may make */
	early.start = memblock_alloc(3 * PAGE_SIZE, 0x10000);
	early.end = early.start + 3 * PAGE_SIZE;
	CHECK(early.start && !(early.start & 0xffff), "memblock_alloc gave %#lx", early.start);
	for (i = 0; i < ARRAY_SIZE(reserved); i++)
		CHECK(!overlaps(early.start, early.end, &reserved[i]),
		      "memblock_alloc gave reserved memory at %#lx", early.start);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		bad += ram[early.start + i] != 0;
	CHECK(bad == 0, "memblock_alloc memory not zeroed");

	mem_init();
	kmem_cache_init();
	mm.start = __pa(mem_map);
	mm.end = PAGE_ALIGN(mm.start + NR_PFNS * sizeof(struct page));
	build_model();
}

static void check_boot(void)
{
	unsigned int i;

	CHECK_EQ(max_low_pfn, NR_PFNS);
	CHECK((unsigned char *)mem_map >= ram && (unsigned char *)mem_map < ram + MEM_SIZE,
	      "mem_map must live in the fake RAM");
	for (i = 0; i < ARRAY_SIZE(reserved); i++)
		CHECK(!overlaps(mm.start, mm.end, &reserved[i]), "mem_map overlaps reserved range %u", i);
	CHECK(!overlaps(mm.start, mm.end, &early), "mem_map overlaps the early allocation");
	CHECK_EQ(nr_free_pages(), expected_free);
	CHECK_EQ(totalram_pages, expected_free);
	CHECK(mem_map[0].flags & PG_reserved, "pfn 0 must be reserved");
	CHECK(mem_map[0x100].flags & PG_reserved, "the kernel's first page must be reserved");
	CHECK(mem_map[0xa00].flags & PG_reserved, "a hole must be reserved");
}

/* alloc_all: take every page as order 0; the pages come back in *pfns. */
static unsigned long alloc_all(unsigned long *pfns)
{
	static unsigned char seen[NR_PFNS];
	unsigned long n = 0, bad = 0, dup = 0;
	struct page *page;

	memset(seen, 0, sizeof(seen));
	while ((page = alloc_page(GFP_KERNEL)) != NULL) {
		unsigned long pfn = page_to_pfn(page);

		if (pfn >= NR_PFNS || !page_ok[pfn])
			bad++;
		else if (seen[pfn]++)
			dup++;
		else
			memset(page_address(page), (int)(pfn & 0x7f), PAGE_SIZE);
		pfns[n++] = pfn;
		if (n > NR_PFNS)
			break;
	}
	CHECK(bad == 0, "%lu pages handed out that are holes or reserved", bad);
	CHECK(dup == 0, "%lu pages handed out twice", dup);
	return n;
}

static void free_all(const unsigned long *pfns, unsigned long n)
{
	while (n--)
		__free_pages(pfn_to_page(pfns[n]), 0);
}

/* model_blocks: aligned blocks of `order` whose pages are all free */
static unsigned long model_blocks(unsigned int order)
{
	unsigned long pfn, i, n = 0;

	for (pfn = 0; pfn < NR_PFNS; pfn += 1UL << order) {
		for (i = 0; i < (1UL << order) && page_ok[pfn + i]; i++)
			;
		n += i == (1UL << order);
	}
	return n;
}

/*
 * check_all_orders_merged: take every block, largest order first, and
 * compare with the model. A fully merged buddy allocator holds, at each
 * order, exactly the free aligned blocks whose parent block is not free
 * as a whole; each must be aligned and cover only usable pages. Taking
 * the largest first splits nothing, so this sees the free lists as they
 * are. Everything is given back afterwards.
 */
static void check_all_orders_merged(const char *when)
{
	static struct page *blocks[NR_PFNS];
	static unsigned int orders[NR_PFNS];
	unsigned long n = 0, i;
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--) {
		unsigned long want = model_blocks(order), got = 0, bad = 0;
		struct page *page;

		if (order < MAX_ORDER - 1)
			want -= 2 * model_blocks(order + 1);
		while (n < NR_PFNS && (page = alloc_pages(GFP_KERNEL, order)) != NULL) {
			unsigned long pfn = page_to_pfn(page);

			if (pfn & ((1UL << order) - 1))
				bad++;
			for (i = 0; i < (1UL << order); i++)
				bad += pfn + i >= NR_PFNS || !page_ok[pfn + i];
			blocks[n] = page;
			orders[n++] = order;
			got++;
		}
		CHECK(got == want, "%s: %lu free blocks of order %d, %lu expected", when, got, order, want);
		CHECK(bad == 0, "%s: %lu unaligned or unusable pages in blocks of order %d",
		      when, bad, order);
	}
	CHECK_EQ(nr_free_pages(), 0);
	for (i = 0; i < n; i++)
		__free_pages(blocks[i], orders[i]);
	CHECK_EQ(nr_free_pages(), expected_free);
}

static unsigned int rnd_state = 1;

static unsigned int rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 16;
}

/* take every page, check them, give them back in a random order */
static void check_exhaustion(void)
{
	static unsigned long pfns[NR_PFNS + 1];
	unsigned long n, i, wrong = 0;
	unsigned int order;

	n = alloc_all(pfns);
	CHECK_EQ(n, expected_free);
	CHECK_EQ(nr_free_pages(), 0);
	for (order = 0; order < MAX_ORDER; order++)
		CHECK(alloc_pages(GFP_KERNEL, order) == NULL, "order %u allocated from nothing", order);
	CHECK(kmalloc(16, GFP_KERNEL) == NULL);
	CHECK(kmalloc(5000, GFP_KERNEL) == NULL);
	CHECK(kzalloc(1, GFP_KERNEL) == NULL);
	for (i = 0; i < n; i++) {
		const unsigned char *p = page_address(pfn_to_page(pfns[i]));
		unsigned long j;

		for (j = 0; j < PAGE_SIZE && p[j] == (pfns[i] & 0x7f); j++)
			;
		wrong += j != PAGE_SIZE;
	}
	CHECK(wrong == 0, "%lu pages changed while allocated", wrong);
	for (i = n; i > 1; i--) {		/* shuffle, so merging is exercised */
		unsigned long j = rnd() % i, t = pfns[i - 1];

		pfns[i - 1] = pfns[j];
		pfns[j] = t;
	}
	free_all(pfns, n);
	CHECK_EQ(nr_free_pages(), expected_free);
	check_all_orders_merged("after taking and freeing every page");
}

static void check_alignment(void)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		unsigned long pfn, i, bad = 0, dirty = 0;
		const unsigned char *p;

		CHECK(page != NULL, "no block of order %u", order);
		if (!page)
			continue;
		pfn = page_to_pfn(page);
		p = page_address(page);
		CHECK(!(pfn & ((1UL << order) - 1)), "order %u at pfn %#lx", order, pfn);
		CHECK(!((unsigned long)p & ((PAGE_SIZE << order) - 1)), "order %u at %p", order, p);
		for (i = 0; i < (1UL << order); i++)
			bad += pfn + i >= NR_PFNS || !page_ok[pfn + i];
		CHECK(bad == 0, "order %u block at pfn %#lx covers %lu unusable pages", order, pfn, bad);
		for (i = 0; i < (PAGE_SIZE << order); i++)
			dirty += p[i] != 0;
		CHECK(dirty == 0, "__GFP_ZERO left %lu bytes non-zero", dirty);
		CHECK_EQ(nr_free_pages(), expected_free - (1UL << order));
		__free_pages(page, order);
		CHECK_EQ(nr_free_pages(), expected_free);
	}
	CHECK(alloc_pages(GFP_KERNEL, MAX_ORDER) == NULL, "order MAX_ORDER must fail");
	check_all_orders_merged("after one block of each order");
}

static void check_bad_free(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *addr = page_address(page);

	CHECK(!PANICS(kfree(NULL)), "kfree(NULL) must be a no-op");
	CHECK(PANICS(kfree(addr)), "kfree of a page kmalloc did not give must panic");
	get_page(page);
	__free_pages(page, 0);
	CHECK_EQ(nr_free_pages(), expected_free - 1);	/* still one reference */
	put_page(page);
	CHECK_EQ(nr_free_pages(), expected_free);
	CHECK(PANICS(__free_pages(page, 0)), "double free must panic");
	CHECK(PANICS(free_page((unsigned long)__va(0x100000))),
	      "freeing the kernel's first page must panic");
	CHECK(PANICS(__free_pages(pfn_to_page(0xa00), 0)), "freeing a hole must panic");
	CHECK_EQ(nr_free_pages(), expected_free);
	check_all_orders_merged("after the bad frees");
}

static void check_kmalloc(void)
{
	static const unsigned int sizes[] = { 1, 8, 15, 16, 17, 31, 32, 33, 64, 100, 128,
					      255, 256, 500, 512, 1000, 1024, 2000, 2048 };
	static unsigned char *objs[1000];
	unsigned int i, j, bad;
	unsigned char *p, *q;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int class = 16;

		while (class < sizes[i])
			class <<= 1;
		p = kmalloc(sizes[i], GFP_KERNEL);
		CHECK(p != NULL, "kmalloc(%u)", sizes[i]);
		if (!p)
			continue;
		CHECK(!((unsigned long)p & (class - 1)), "kmalloc(%u) = %p, not %u-aligned",
		      sizes[i], p, class);
		memset(p, 0xff, sizes[i]);
		kfree(p);
		q = kzalloc(sizes[i], GFP_KERNEL);
		for (j = 0, bad = 0; q && j < sizes[i]; j++)
			bad += q[j] != 0;
		CHECK(q && bad == 0, "kzalloc(%u) left %u bytes non-zero", sizes[i], bad);
		kfree(q);
	}
	CHECK_EQ(nr_free_pages(), expected_free);

	/* many objects of one class: distinct, not overlapping, pages come back */
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmalloc(48, GFP_KERNEL);
		if (objs[i])
			memset(objs[i], i & 0xff, 48);
	}
	CHECK(nr_free_pages() <= expected_free - 1000 * 64 / PAGE_SIZE, "64-byte objects must use pages");
	for (i = 0, bad = 0; i < ARRAY_SIZE(objs); i++) {
		for (j = 0; objs[i] && j < 48 && objs[i][j] == (i & 0xff); j++)
			;
		bad += j != 48;
	}
	CHECK(bad == 0, "%u of %zu kmalloc objects missing or overwritten", bad, ARRAY_SIZE(objs));
	for (i = 0; i < ARRAY_SIZE(objs); i += 2)
		kfree(objs[i]);
	for (i = 1; i < ARRAY_SIZE(objs); i += 2)
		kfree(objs[i]);
	CHECK_EQ(nr_free_pages(), expected_free);

	/* beyond the caches: whole blocks */
	p = kmalloc(3000, GFP_KERNEL);
	CHECK(p && !((unsigned long)p & (PAGE_SIZE - 1)), "kmalloc(3000) = %p", p);
	CHECK_EQ(nr_free_pages(), expected_free - 1);
	q = kmalloc(5000, GFP_KERNEL);
	CHECK(q && !((unsigned long)q & (2 * PAGE_SIZE - 1)), "kmalloc(5000) = %p", q);
	CHECK_EQ(nr_free_pages(), expected_free - 3);
	kfree(p);
	kfree(q);
	CHECK_EQ(nr_free_pages(), expected_free);
	CHECK(kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL) == NULL, "kmalloc beyond MAX_ORDER");
}

/* pages the allocator must never hand out still hold what boot() put there */
static void check_untouched(void)
{
	unsigned long pfn, bad = 0;

	for (pfn = 0; pfn < NR_PFNS; pfn++) {
		const unsigned char *p = ram + (pfn << PAGE_SHIFT);
		unsigned long j;

		struct range r = { pfn << PAGE_SHIFT, (pfn + 1) << PAGE_SHIFT };

		if (page_ok[pfn] || overlaps(r.start, r.end, &mm) || overlaps(r.start, r.end, &early))
			continue;
		for (j = 0; j < PAGE_SIZE && p[j] == CANARY; j++)
			;
		if (j != PAGE_SIZE && bad++ < 5)
			printf("reserved or hole page %#lx was written\n", pfn);
	}
	CHECK(bad == 0, "%lu reserved or hole pages written", bad);
}

/* seq_file.c's seq_read copies out to user space; here only show runs */
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

/* slab_line: a cache's line of /proc/slabinfo, "" if none */
static const char *slab_line(const char *cache)
{
	static char buf[4096], line[256];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };
	char *p;

	slabinfo_show(&m, NULL);
	buf[m.count] = 0;
	p = strstr(buf, cache);
	if (!p)
		return "";
	snprintf(line, sizeof(line), "%.*s", (int)strcspn(p, "\n"), p);
	return line;
}

/* /proc/slabinfo: Linux's header, and a cache's objects and slabs as they change */
static void check_slabinfo(void)
{
	void *objs[3];
	unsigned int i;

	CHECK(!strncmp(slab_line("slabinfo"), "slabinfo - version: 2.1", 23), "header");
	CHECK_STR(slab_line("kmalloc-128 "), "kmalloc-128            0      0    128   32    1 "
		  ": tunables    0    0    0 : slabdata      0      0      0");
	for (i = 0; i < 3; i++)
		objs[i] = kmalloc(100, GFP_KERNEL);
	CHECK_STR(slab_line("kmalloc-128 "), "kmalloc-128            3     32    128   32    1 "
		  ": tunables    0    0    0 : slabdata      1      1      0");
	for (i = 0; i < 3; i++)
		kfree(objs[i]);
	CHECK_STR(slab_line("kmalloc-128 "), "kmalloc-128            0      0    128   32    1 "
		  ": tunables    0    0    0 : slabdata      0      0      0");
}

int main(void)
{
	boot();
	check_boot();
	check_all_orders_merged("after boot");
	check_alignment();
	check_exhaustion();
	check_bad_free();
	check_kmalloc();
	check_slabinfo();
	CHECK_EQ(mm_selftest(), 0);
	CHECK_EQ(nr_free_pages(), expected_free);
	check_all_orders_merged("after mm_selftest");
	check_untouched();
	return check_done();
}
