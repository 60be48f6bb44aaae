/* <procfs.h>: yomi's helpers for the programs that read /proc (ps, top,
 * the fuzzer, the tests that check for leaks). */
#ifndef _PROCFS_H
#define _PROCFS_H

#include <stddef.h>

/* read_file: up to size - 1 bytes of path, NUL-terminated; the length or -1 */
int read_file(const char *path, char *buf, size_t size);

/*
 * kernel_memory: what the kernel holds for others than the caller - the
 * memory that is not free, less the caller's own pages and page tables
 * (VmRSS, VmPTE), in kB - and the kmalloc objects in use (the sum of
 * /proc/slabinfo's active_objs). Both equal before and after some work
 * means the work leaked nothing. 0, or -1 when a file cannot be read.
 */
int kernel_memory(long *held_kb, long *objects);

#endif
