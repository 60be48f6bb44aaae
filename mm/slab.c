/*
 * kmalloc (Linux: mm/slab_common.c with mm/slub.c underneath). Requests up
 * to 2048 bytes come from one cache per power-of-two size class; a cache
 * carves whole pages into equal objects and chains the free ones through
 * their first word. A page whose objects are all free goes back to the
 * buddy allocator at once, so nothing is held on to. Bigger requests take
 * whole pages. Linux's SLUB adds per-CPU slabs and more object debugging;
 * yomi has its poisoning: with slub_debug=P on the command line a freed
 * object is filled with POISON_FREE (0x6b), so a use after free reads
 * 0x6b6b6b6b and faults at once instead of quietly working on stale data.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/processor.h>

#define KMALLOC_MIN_SHIFT 4
#define KMALLOC_MAX_SHIFT 11
#define KMALLOC_MAX_CACHE_SIZE (1U << KMALLOC_MAX_SHIFT)

struct kmem_cache {
	unsigned int size;		/* object size */
	struct list_head partial;	/* pages with at least one free object */
	unsigned long active_objs;	/* objects in use, for /proc/slabinfo */
	unsigned long nr_slabs;		/* pages the cache holds */
};

static struct kmem_cache kmalloc_caches[KMALLOC_MAX_SHIFT + 1];

#define POISON_FREE 0x6b	/* Linux's byte for freed objects */
static bool slub_poison;

/* slub_debug=P: poison freed objects (Linux accepts more flags; yomi has P) */
static int __init slub_debug_setup(char *str)
{
	slub_poison = strchr(str, 'P') != NULL;
	return 1;
}
__setup("slub_debug=", slub_debug_setup);

void kmem_cache_init(void)
{
	unsigned int i;

	for (i = KMALLOC_MIN_SHIFT; i <= KMALLOC_MAX_SHIFT; i++) {
		kmalloc_caches[i].size = 1U << i;
		INIT_LIST_HEAD(&kmalloc_caches[i].partial);
	}
}

static unsigned int size_index(size_t size)
{
	unsigned int shift = KMALLOC_MIN_SHIFT;

	while ((1U << shift) < size)
		shift++;
	return shift;
}

/* new_slab: a fresh page cut into objects, all on its freelist. */
static struct page *new_slab(struct kmem_cache *s)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char *base, *obj;

	if (!page)
		return NULL;
	page->flags |= PG_slab;
	page->slab_cache = s;
	s->nr_slabs++;
	page->inuse = 0;
	base = page_address(page);
	page->freelist = NULL;
	for (obj = base + PAGE_SIZE - s->size; obj >= base; obj -= s->size) {
		*(void **)obj = page->freelist;
		page->freelist = obj;
	}
	list_add(&page->lru, &s->partial);
	return page;
}

static void *slab_alloc(struct kmem_cache *s)
{
	struct page *page;
	void *obj;

	if (list_empty(&s->partial) && !new_slab(s))
		return NULL;
	page = list_first_entry(&s->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	s->active_objs++;
	if (!page->freelist)
		list_del(&page->lru);	/* full: off the partial list */
	return obj;
}

static void slab_free(struct page *page, void *obj)
{
	struct kmem_cache *s = page->slab_cache;

	if (!page->freelist)
		list_add(&page->lru, &s->partial);
	if (slub_poison)
		memset(obj, POISON_FREE, s->size);
	*(void **)obj = page->freelist;
	page->freelist = obj;
	s->active_objs--;
	if (--page->inuse == 0) {
		list_del(&page->lru);
		s->nr_slabs--;
		page->flags &= ~PG_slab;
		page->slab_cache = NULL;
		__free_pages(page, 0);
	}
}

/* kmalloc: NULL when memory is exhausted or size is absurd. */
void *kmalloc(size_t size, gfp_t gfp)
{
	void *obj;

	if (size <= KMALLOC_MAX_CACHE_SIZE) {
		unsigned long flags = local_irq_save();

		obj = slab_alloc(&kmalloc_caches[size_index(size)]);
		local_irq_restore(flags);
		if (obj && (gfp & __GFP_ZERO))
			memset(obj, 0, size);
	} else {
		unsigned int order = 0;
		struct page *page;

		while (order < MAX_ORDER && (PAGE_SIZE << order) < size)
			order++;
		page = alloc_pages(gfp, order);
		if (!page)
			return NULL;
		page->flags |= PG_head;
		obj = page_address(page);
	}
	return obj;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kfree(const void *obj)
{
	struct page *page;

	if (!obj)
		return;
	page = virt_to_page(obj);
	if (page->flags & PG_slab) {
		unsigned long flags = local_irq_save();

		slab_free(page, (void *)obj);
		local_irq_restore(flags);
	} else if (page->flags & PG_head) {
		page->flags &= ~PG_head;
		__free_pages(page, page->private);
	} else {
		panic("kfree of a pointer kmalloc did not return: %p", obj);
	}
}

/*
 * slabinfo_show: /proc/slabinfo in Linux's version 2.1 format, one line
 * per kmalloc cache, largest first. yomi has no tunables and no per-CPU
 * parts, so those columns are 0 and every slab is one page.
 */
int slabinfo_show(struct seq_file *m, void *v)
{
	unsigned int i;

	(void)v;
	seq_puts(m, "slabinfo - version: 2.1\n# name            <active_objs> <num_objs> <objsize> "
		 "<objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
		 "slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	for (i = KMALLOC_MAX_SHIFT; i >= KMALLOC_MIN_SHIFT; i--) {
		struct kmem_cache *s = &kmalloc_caches[i];
		unsigned int per_slab = PAGE_SIZE / s->size;
		char name[20];

		snprintf(name, sizeof(name), "kmalloc-%u", s->size);
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			   name, s->active_objs, s->nr_slabs * per_slab, s->size, per_slab, 1, 0, 0, 0,
			   s->nr_slabs, s->nr_slabs, 0UL);
	}
	return 0;
}
