/*
 * personality (136): the execution domain in the low byte and the flags
 * above it, Linux's values (Linux: include/uapi/linux/personality.h, where
 * the domains are an enum). yomi's kernel acts on ADDR_NO_RANDOMIZE (as
 * `setarch -R`) and ADDR_COMPAT_LAYOUT (the legacy mmap layout); shared by
 * the kernel (<linux/mman.h>) and yomi's C library (<sys/personality.h>).
 */
#ifndef _UAPI_LINUX_PERSONALITY_H
#define _UAPI_LINUX_PERSONALITY_H

#define UNAME26			0x0020000
#define ADDR_NO_RANDOMIZE	0x0040000	/* no address-space randomization */
#define FDPIC_FUNCPTRS		0x0080000
#define MMAP_PAGE_ZERO		0x0100000
#define ADDR_COMPAT_LAYOUT	0x0200000	/* the legacy (bottom-up) mmap layout */
#define READ_IMPLIES_EXEC	0x0400000
#define ADDR_LIMIT_32BIT	0x0800000
#define SHORT_INODE		0x1000000
#define WHOLE_SECONDS		0x2000000
#define STICKY_TIMEOUTS		0x4000000
#define ADDR_LIMIT_3GB		0x8000000

#define PER_LINUX		0x0000	/* the execution domain of Linux programs */
#define PER_MASK		0x00ff	/* the domain's bits */

#endif
