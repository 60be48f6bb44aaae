/*
 * GDT layout and selectors, the same numbers as Linux i386, so that GDB
 * shows the familiar cs=0x60 in the kernel and cs=0x73 in user mode.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_KERNEL_CS 12
#define GDT_ENTRY_KERNEL_DS 13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS 16
#define GDT_ENTRY_DOUBLEFAULT_TSS 31
#define GDT_ENTRIES 32

#define SEGMENT_RPL_MASK 0x3	/* the privilege level a selector asks for */
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)		/* 0x60 */
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)		/* 0x68 */
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x73 */
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x7b */
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)		/* 0x80 */

#endif
