/*
 * An address space (Linux: include/linux/mm_types.h): struct mm_struct with
 * its page directory and its memory areas (struct vm_area_struct). The
 * areas are kept twice, as in Linux: in a list sorted by address, for
 * walking in order, and in a red-black tree, for O(log n) lookup; each tree
 * node also records the largest free gap in its subtree, so that a free
 * range of a given size is found in O(log n) too.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/rbtree.h>
#include <asm/pgtable.h>

#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_MAYEXEC 0x00000040
#define VM_MAYSHARE 0x00000080
#define VM_GROWSDOWN 0x00000100
/* VM_ACCOUNT: a private writable mapping, which Linux charges to the
 * commit limit; mprotect keeps it when the area becomes read-only, so
 * such an area (libc's relocated data, made read-only by ld.so: RELRO)
 * never merges with a neighbour mapped read-only - a line of its own in
 * maps, as on Linux. yomi keeps no commit limit; the flag only separates. */
#define VM_ACCOUNT 0x00100000

struct mm_struct;
struct file;

struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after the area */
	struct vm_area_struct *vm_next, *vm_prev;	/* sorted by address */
	struct rb_node vm_rb;
	unsigned long rb_subtree_gap;	/* largest gap before an area in this subtree */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;		/* VM_READ, VM_WRITE, ... */
	struct file *vm_file;		/* the mapped file, or NULL (anonymous) */
	unsigned long vm_pgoff;		/* offset in the file, in pages */
	const char *vm_name;		/* "[vdso]" and other special areas */
	struct page *vm_page;		/* the one page of a special area */
};

struct mm_struct {
	struct vm_area_struct *mmap;	/* the first area */
	struct rb_root mm_rb;
	int map_count;			/* number of areas */
	unsigned long highest_vm_end;	/* end of the last area */
	unsigned long (*get_unmapped_area)(struct file *filp, unsigned long addr,
					   unsigned long len, unsigned long pgoff,
					   unsigned long flags);
	unsigned long mmap_base;	/* where the mmap area starts */
	unsigned long mmap_legacy_base;
	unsigned long task_size;
	pgd_t *pgd;
	int mm_users;			/* tasks sharing this address space */
	unsigned long total_vm;		/* pages in all areas */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	struct {
		unsigned long vdso;	/* where the vDSO is (mm->context.vdso) */
	} context;
};

/* what get_unmapped_area asks vm_unmapped_area for */
#define VM_UNMAPPED_AREA_TOPDOWN 1
struct vm_unmapped_area_info {
	unsigned long flags;
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
	unsigned long align_mask;
	unsigned long align_offset;
};

#endif
