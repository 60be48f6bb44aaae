/*
 * An address space (Linux: include/linux/mm_types.h): struct mm_struct with
 * its page directory and its list of memory areas (struct vm_area_struct),
 * kept sorted by address.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
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

struct mm_struct;

struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after the area */
	struct vm_area_struct *vm_next, *vm_prev;	/* sorted by address */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;		/* VM_READ, VM_WRITE, ... */
};

struct mm_struct {
	struct vm_area_struct *mmap;	/* the first area */
	pgd_t *pgd;
	int map_count;			/* number of areas */
	int mm_users;			/* tasks sharing this address space */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
};

#endif
