/* <sys/mman.h>: memory mappings with Linux i386's flags. mmap() uses mmap2
 * (192, the offset in pages), so the offset must be a multiple of the page
 * size (EINVAL otherwise), as with glibc. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#include <linux/mman.h>

#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int madvise(void *addr, size_t len, int advice);
int mincore(void *addr, size_t len, unsigned char *vec);

#endif
