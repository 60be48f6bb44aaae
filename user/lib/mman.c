/*
 * mman.c: mmap over mmap2 (192) and mremap (variadic in C).
 *
 * mmap2 takes the file offset in 4 KiB pages, so an offset that is not a
 * multiple of the page size is refused here with EINVAL (what the kernel's
 * old mmap, 90, says too); a negative one likewise. munmap, mprotect,
 * madvise and mincore are plain wrappers (syscalls.list).
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define PAGE_SIZE 4096

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off < 0 || off % PAGE_SIZE) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__syscall(__NR_mmap2, (long)addr, len, prot, flags, fd,
					       off / PAGE_SIZE));
}

/* mremap: the new address is an argument only with MREMAP_FIXED */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__syscall(__NR_mremap, (long)old, old_len, new_len, flags,
					       (long)new_addr, 0));
}
