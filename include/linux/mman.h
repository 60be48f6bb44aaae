/* mmap's flags and protections (Linux i386 values), the personality bits
 * that choose the layout, and the kernel's mmap constants. */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <uapi/linux/mman.h>
#include <uapi/linux/personality.h>

#define TASK_UNMAPPED_BASE (TASK_SIZE / 3)	/* 0x40000000, the legacy mmap base */
#define DEFAULT_MAP_COUNT 65530

#endif
