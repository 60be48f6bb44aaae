/*
 * struct user_desc (Linux: arch/x86/include/uapi/asm/ldt.h): one segment
 * descriptor as set_thread_area and get_thread_area exchange it with user
 * space. entry_number picks the GDT slot (6..8 on i386; -1 asks
 * set_thread_area for a free one).
 */
#ifndef _UAPI_ASM_X86_LDT_H
#define _UAPI_ASM_X86_LDT_H

struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;	/* 0 data, 1 expand-down data, 2 code */
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

#endif
