/* Page size and the 3G/1G split: user below PAGE_OFFSET, kernel above. */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#ifdef YOMI_HOST_TEST
/* Host unit tests place "physical memory" in an ordinary buffer. */
extern unsigned long __page_offset;
#define PAGE_OFFSET __page_offset
#else
#define PAGE_OFFSET 0xC0000000UL	/* Linux's VMSPLIT_3G */
#endif
#define TASK_SIZE 0xC0000000UL

/* Low memory is direct-mapped at PAGE_OFFSET up to this much (Linux: 896 MiB). */
#define MAXMEM (896UL << 20)

#define __pa(x) ((unsigned long)(x) - PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)

#endif
