/*
 * memblock: the boot-time memory map (Linux: mm/memblock.c). It records
 * the usable RAM the boot loader reported ("memory") and what is already
 * taken ("reserved": the kernel image, boot modules, the first megabyte),
 * hands out early allocations such as mem_map, and finally lets mem_init
 * give every page that is in "memory" but not "reserved" to the buddy
 * allocator. Only low memory (below MAXMEM) is kept; yomi has no highmem.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>

#define MEMBLOCK_MAX 128

struct memblock_region {
	unsigned long base, end;	/* physical, page-aligned, end exclusive */
};

struct memblock_type {
	int cnt;
	struct memblock_region regions[MEMBLOCK_MAX];
};

static struct memblock_type memory, reserved;

/* add [base, end) keeping the list sorted and merging what overlaps or touches */
static void region_add(struct memblock_type *t, unsigned long base, unsigned long end)
{
	int i, j;

	if (base >= end)
		return;
	for (i = 0; i < t->cnt && t->regions[i].end < base; i++)
		;
	/* merge every region that overlaps or touches [base, end) */
	for (j = i; j < t->cnt && t->regions[j].base <= end; j++) {
		base = min(base, t->regions[j].base);
		end = max(end, t->regions[j].end);
	}
	if (j == i) {
		if (t->cnt == MEMBLOCK_MAX)
			return;
		memmove(&t->regions[i + 1], &t->regions[i],
			(t->cnt - i) * sizeof(t->regions[0]));
		t->cnt++;
	} else if (j > i + 1) {
		memmove(&t->regions[i + 1], &t->regions[j],
			(t->cnt - j) * sizeof(t->regions[0]));
		t->cnt -= j - i - 1;
	}
	t->regions[i].base = base;
	t->regions[i].end = end;
}

static unsigned long clip(u64 v)
{
	return v > MAXMEM ? MAXMEM : (unsigned long)v;
}

void memblock_add(u64 base, u64 size)
{
	region_add(&memory, PAGE_ALIGN(clip(base)), clip(base + size) & PAGE_MASK);
}

void memblock_reserve(u64 base, u64 size)
{
	region_add(&reserved, clip(base) & PAGE_MASK, PAGE_ALIGN(clip(base + size)));
}

void memblock_reset(void)
{
	memory.cnt = reserved.cnt = 0;
}

/*
 * next_free_range: the next piece of memory not covered by reserved,
 * starting at or after *pos. Returns false when there is none.
 */
static bool next_free_range(unsigned long *pos, unsigned long *start, unsigned long *end)
{
	int i, j;

	for (i = 0; i < memory.cnt; i++) {
		unsigned long s = max(*pos, memory.regions[i].base);
		unsigned long e = memory.regions[i].end;

		for (j = 0; j < reserved.cnt && s < e; j++) {
			const struct memblock_region *r = &reserved.regions[j];

			if (r->end <= s)
				continue;
			if (r->base <= s) {
				s = r->end;
				continue;
			}
			e = min(e, r->base);
		}
		if (s < e) {
			*start = s;
			*end = e;
			*pos = e;
			return true;
		}
	}
	return false;
}

/* memblock_alloc: the lowest free, aligned range; reserved; 0 if none. */
unsigned long memblock_alloc(unsigned long size, unsigned long align)
{
	unsigned long pos = 0, start, end;

	size = PAGE_ALIGN(size);
	while (next_free_range(&pos, &start, &end)) {
		start = ALIGN(start, align);
		if (start < end && end - start >= size) {
			memblock_reserve(start, size);
			memset(__va(start), 0, size);
			return start;
		}
	}
	return 0;
}


/* mem_init: build mem_map, then free every unreserved page to the buddy. */
void mem_init(void)
{
	unsigned long pos = 0, start, end, max_pfn;

	max_pfn = memory.cnt ? memory.regions[memory.cnt - 1].end >> PAGE_SHIFT : 0;
	start = memblock_alloc(max_pfn * sizeof(struct page), PAGE_SIZE);
	if (!start)
		panic("no memory for mem_map (%lu pages)", max_pfn);
	mem_map = __va(start);
	buddy_init(max_pfn);
	while (next_free_range(&pos, &start, &end))
		free_range_to_buddy(start >> PAGE_SHIFT, end >> PAGE_SHIFT);
}
