/*
 * Physical pages: struct page (one per page frame, in mem_map), the buddy
 * allocator (mm/page_alloc.c) and the boot-time memblock allocator.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/list.h>
#include <asm/page.h>

#define MAX_ORDER 11		/* blocks of 1 .. 1024 pages (4 MiB) */

#define PG_reserved 0x01	/* not RAM, or not given to the allocator */
#define PG_buddy 0x02		/* head of a free block; private = order */
#define PG_slab 0x04		/* owned by a kmalloc cache */
#define PG_head 0x08		/* first page of a kmalloc'd multi-page block */

struct kmem_cache;

struct page {
	unsigned long flags;
	int _refcount;
	unsigned int private;		/* buddy or block order */
	struct list_head lru;		/* free list, or a cache's partial list */
	struct kmem_cache *slab_cache;
	void *freelist;			/* first free object in a slab page */
	unsigned int inuse;		/* objects in use in a slab page */
};

typedef unsigned int gfp_t;
#define GFP_KERNEL 0x0
#define __GFP_ZERO 0x1

extern struct page *mem_map;
extern unsigned long max_low_pfn;	/* first page frame past low memory */
extern unsigned long totalram_pages;	/* pages given to the buddy allocator */

#define page_to_pfn(p) ((unsigned long)((p) - mem_map))
#define pfn_to_page(pfn) (mem_map + (pfn))
#define virt_to_page(addr) pfn_to_page(__pa(addr) >> PAGE_SHIFT)
#define page_address(p) __va(page_to_pfn(p) << PAGE_SHIFT)

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define get_zeroed_page(gfp) __get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_page(addr) free_pages(addr, 0)
unsigned long nr_free_pages(void);
unsigned long nr_free_blocks(unsigned int order);
void buddy_init(unsigned long max_pfn);
void free_range_to_buddy(unsigned long start_pfn, unsigned long end_pfn);
void get_page(struct page *page);
void put_page(struct page *page);

/* memblock: physical ranges known at boot, before the buddy allocator. */
void memblock_add(u64 base, u64 size);
void memblock_reserve(u64 base, u64 size);
unsigned long memblock_alloc(unsigned long size, unsigned long align);
void memblock_reset(void);
void mem_init(void);

int mm_selftest(void);

/* address spaces (mm/mmap.c, mm/memory.c, arch/x86/mm/pgtable.c) */
#include <linux/mm_types.h>

#define VM_FAULT_OOM 0x0001
#define VM_FAULT_SIGSEGV 0x0002
#define VM_FAULT_SIGBUS 0x0004
#define FAULT_FLAG_WRITE 0x01

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
unsigned long mm_pgtables_pages(struct mm_struct *mm);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void vma_gap_update(struct vm_area_struct *vma);
unsigned long vm_unmapped_area(struct mm_struct *mm, const struct vm_unmapped_area_info *info);
int expand_stack(struct vm_area_struct *vma, unsigned long addr);
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, unsigned int flags);
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
int install_page(struct mm_struct *mm, unsigned long addr, struct page *page,
		 unsigned long vm_flags);
void switch_mm(struct mm_struct *mm);
void register_switch_mm_hook(void (*fn)(struct mm_struct *mm));
struct page *follow_page(struct mm_struct *mm, unsigned long addr);
unsigned long get_mm_rss(struct mm_struct *mm);
bool out_of_memory(void);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags);
void move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long new,
		      unsigned long len);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int do_brk(unsigned long addr, unsigned long len);
/* the gate area: an mm's compat vDSO page, in no VMA list (arch/x86/vdso) */
struct vm_area_struct *get_gate_vma(struct mm_struct *mm);
int in_gate_area(struct mm_struct *mm, unsigned long addr);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *vma);
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
int install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			    unsigned long vm_flags, struct page *page, const char *name);
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);
int shmem_zero_setup(struct vm_area_struct *vma);
void vma_set_anonymous(struct vm_area_struct *vma);
void arch_pick_mmap_layout(struct mm_struct *mm);
unsigned long mmap_rnd(void);
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags);
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags);
unsigned long randomize_stack_top(unsigned long stack_top);
unsigned long arch_randomize_brk(struct mm_struct *mm);
unsigned long get_random_int(void);
void rand_initialize(void);
extern int sysctl_max_map_count;
extern int sysctl_legacy_va_layout;
extern int randomize_va_space;
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len);

#endif
