/* mmap's flags and protections (Linux i386 values) and personality bits. */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <uapi/linux/mman.h>

/* personality(2) flags */
#define ADDR_NO_RANDOMIZE 0x0040000
#define ADDR_COMPAT_LAYOUT 0x0200000
#define PER_MASK 0x00ff

#define TASK_UNMAPPED_BASE (TASK_SIZE / 3)	/* 0x40000000, the legacy mmap base */
#define DEFAULT_MAP_COUNT 65530

#endif
