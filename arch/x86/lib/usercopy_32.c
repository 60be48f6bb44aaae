/*
 * The user copy routines (Linux: arch/x86/lib/usercopy_32.c). Each is a
 * string instruction with an exception-table entry: if it faults on a
 * user page that cannot be mapped, do_page_fault finds the entry and
 * resumes right after the instruction, where ecx still holds the count
 * of bytes not yet done. Linux unrolls the copies; yomi keeps rep movsb.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/extable.h>
#include <asm/uaccess.h>

static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__("1: rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from) : : "memory");
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, from, n);
	if (left)	/* never leak stale kernel data: zero what was not copied */
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__("1: rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to) : "a"(0) : "memory");
	return n;
}

/*
 * strncpy_from_user: copy a NUL-terminated string of at most count bytes.
 * Returns its length (without the NUL), count if no NUL came within count
 * bytes (dst is then not terminated, as in Linux), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		char c;
		int left = 1;

		if ((unsigned long)(src + i) >= TASK_SIZE)
			return -EFAULT;
		__asm__ __volatile__("1: movb (%2), %b1\n"
				     "   xorl %0, %0\n"
				     "2:\n"
				     _ASM_EXTABLE(1b, 2b)
				     : "+r"(left), "=q"(c) : "r"(src + i));
		if (left)
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}
