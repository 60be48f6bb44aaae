/*
 * Safe access to user memory (Linux: arch/x86/include/asm/uaccess.h).
 * A user pointer is never dereferenced directly: access_ok() checks that
 * the range lies below TASK_SIZE, and the copy routines list their
 * instructions in the exception table, so a fault in the middle of a copy
 * (an unmapped page) resumes at fixup code that reports how much was left.
 * copy_*_user return the number of bytes NOT copied (0 on success), as in
 * Linux; system calls turn a non-zero result into -EFAULT.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/types.h>
#include <linux/errno.h>
#include <asm/page.h>

#define __user

/* access_ok: [addr, addr + size) lies entirely in user space (no wrap). */
static inline int access_ok(const void __user *addr, unsigned long size)
{
	return size <= TASK_SIZE && (unsigned long)addr <= TASK_SIZE - size;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
/* raw_copy_from_user: copy_from_user that leaves what it could not copy
 * alone instead of zeroing it (for copies into live file data) */
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);

/* get_user/put_user: one value of 1, 2 or 4 bytes; 0 or -EFAULT. */
#define get_user(x, ptr)                                                    \
	({                                                                  \
		unsigned long __gu_val = 0;                                 \
		int __gu_err;                                               \
		_Static_assert(sizeof(*(ptr)) <= sizeof(long), "get_user size"); \
		__gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = (__typeof__(*(ptr)))__gu_val;                         \
		__gu_err;                                                   \
	})
#define put_user(x, ptr)                                                    \
	({                                                                  \
		__typeof__(*(ptr)) __pu_val = (x);                          \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
	})

#endif
