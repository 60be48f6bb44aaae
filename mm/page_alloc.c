/*
 * The buddy page allocator (Linux: mm/page_alloc.c). Free memory is kept
 * in blocks of 2^order pages, each aligned to its size, on one free list
 * per order. Allocation splits a larger block when no block of the wanted
 * order is free; freeing merges a block with its "buddy" (the block whose
 * frame number differs only in bit `order`) while the buddy is free too.
 * Linux has zones, per-CPU lists and migrate types; yomi has one zone.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/processor.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on the list */
};

struct page *mem_map;
unsigned long max_low_pfn;
unsigned long totalram_pages;
static struct free_area free_area[MAX_ORDER];
static unsigned long free_pages_count;

/* page_is_buddy: is page the first page of a free block of this order? */
static bool page_is_buddy(const struct page *page, unsigned int order)
{
	return (page->flags & PG_buddy) && page->private == order;
}

static void add_to_free_area(struct page *page, unsigned int order)
{
	page->flags |= PG_buddy;
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

/*
 * __free_one_page: give back a block, merging with free buddies upward.
 * Not inlined, so that GDB can stop in it (the buddy lab's exercise).
 */
static noinline void __free_one_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	free_pages_count += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (buddy_pfn >= max_low_pfn || !page_is_buddy(buddy, order))
			break;
		del_from_free_area(buddy, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

/*
 * expand: a block of order high was taken for a request of order low;
 * hand its upper halves back, one order at a time, and keep the first
 * 2^low pages (Linux's expand(), without zones).
 */
static void expand(struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_area(page + (1UL << high), high);
	}
}

/* alloc_pages: a block of 2^order pages with a reference count of 1, or NULL. */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned int o;
	unsigned long flags;
	struct page *page = NULL;

	if (order >= MAX_ORDER)
		return NULL;
	flags = local_irq_save();
	for (o = order; o < MAX_ORDER; o++) {
		if (list_empty(&free_area[o].free_list))
			continue;
		page = list_first_entry(&free_area[o].free_list, struct page, lru);
		del_from_free_area(page, o);
		expand(page, order, o);
		free_pages_count -= 1UL << order;
		page->_refcount = 1;
		page->private = order;
		break;
	}
	local_irq_restore(flags);
	if (page && (gfp & __GFP_ZERO))
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* __free_pages: drop one reference; the block is freed when none remain. */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (page->flags & (PG_buddy | PG_reserved) || page->_refcount <= 0)
		panic("bad page freed: pfn %lu flags %lx count %d",
		      page_to_pfn(page), page->flags, page->_refcount);
	if (--page->_refcount)
		return;
	flags = local_irq_save();
	__free_one_page(page, order);
	local_irq_restore(flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

void get_page(struct page *page)
{
	page->_refcount++;
}

void put_page(struct page *page)
{
	__free_pages(page, 0);
}

unsigned long nr_free_pages(void)
{
	return free_pages_count;
}

/* nr_free_blocks: how many free blocks of one order there are (/proc/buddyinfo) */
unsigned long nr_free_blocks(unsigned int order)
{
	return order < MAX_ORDER ? free_area[order].nr_free : 0;
}

/* buddy_init: every frame starts reserved; free_range_to_buddy opens RAM. */
void buddy_init(unsigned long max_pfn)
{
	unsigned long pfn;
	unsigned int o;

	max_low_pfn = max_pfn;
	totalram_pages = free_pages_count = 0;
	for (o = 0; o < MAX_ORDER; o++) {
		INIT_LIST_HEAD(&free_area[o].free_list);
		free_area[o].nr_free = 0;
	}
	for (pfn = 0; pfn < max_pfn; pfn++) {
		memset(&mem_map[pfn], 0, sizeof(mem_map[pfn]));
		mem_map[pfn].flags = PG_reserved;
	}
}

/* free_range_to_buddy: free [start, end) in the largest aligned blocks. */
void free_range_to_buddy(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = 0;
		unsigned long pfn;

		while (order < MAX_ORDER - 1 && !(start & ((2UL << order) - 1)) &&
		       start + (2UL << order) <= end)
			order++;
		for (pfn = start; pfn < start + (1UL << order); pfn++)
			mem_map[pfn].flags &= ~PG_reserved;
		__free_one_page(pfn_to_page(start), order);
		totalram_pages += 1UL << order;
		start += 1UL << order;
	}
}
