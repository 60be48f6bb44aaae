/*
 * The user copy routines (Linux: arch/x86/lib/usercopy_32.c). A copy moves
 * 32 bytes per pass of an unrolled loop of 4-byte moves, then the tail as
 * words and bytes. Every move that touches user memory is listed in the
 * exception table. If one faults on a user page that cannot be mapped, its
 * fixup finishes the copy one byte at a time from where the pass (or the
 * word) began; that byte loop stops exactly at the bad byte, so the count
 * of bytes not copied is exact, whatever the alignment. Linux i386 does
 * the same passes (__copy_user_intel) but reports a fault mid-word at word
 * granularity; x86-64 Linux retries the tail bytewise, as yomi does.
 *
 * Under QEMU's TCG a string instruction costs per iteration, so rep movsb
 * pays per byte; a straight run of eight movl is translated once per pass
 * and costs per word (docs/performance.md has the measurements).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/extable.h>
#include <asm/uaccess.h>

/* one 4-byte move at offset off, both instructions under the fixup at 90 */
#define MOVE_WORD(off, l1, l2)                                  \
	#l1 ": movl " #off "(%%esi), %%eax\n"                   \
	#l2 ": movl %%eax, " #off "(%%edi)\n"                   \
	_ASM_EXTABLE(l1##b, 90f)                                \
	_ASM_EXTABLE(l2##b, 90f)

/* one 4-byte store of zero at offset off, under the fixup at 90 */
#define ZERO_WORD(off, l)                                       \
	#l ": movl %%eax, " #off "(%%edi)\n"                    \
	_ASM_EXTABLE(l##b, 90f)

/*
 * __copy_user: copy n bytes; the bytes not copied. ecx counts the 32-byte
 * passes, the tail (n % 32) stays in its operand. On a fault in a pass,
 * esi/edi still point at the pass's start: the fixup (90) turns the
 * passes left into bytes and redoes them with rep movsb, which copies the
 * good bytes again (the same values) and stops at the bad one. A fault in
 * the tail's rep movsl (91) does the same with the words left.
 */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long passes = n >> 5, tail = n & 31, scratch;

	__asm__ __volatile__("   testl %%ecx, %%ecx\n"
			     "   jz 20f\n"
			     "10:\n"
			     MOVE_WORD(0, 11, 12) MOVE_WORD(4, 13, 14)
			     MOVE_WORD(8, 15, 16) MOVE_WORD(12, 17, 18)
			     MOVE_WORD(16, 21, 22) MOVE_WORD(20, 23, 24)
			     MOVE_WORD(24, 25, 26) MOVE_WORD(28, 27, 28)
			     "   addl $32, %%esi\n"
			     "   addl $32, %%edi\n"
			     "   decl %%ecx\n"
			     "   jnz 10b\n"
			     "20: movl %[tail], %%ecx\n"
			     "   shrl $2, %%ecx\n"
			     "30: rep movsl\n"
			     "   movl %[tail], %%ecx\n"
			     "   andl $3, %%ecx\n"
			     "40: rep movsb\n"
			     "   jmp 99f\n"
			     "90: shll $5, %%ecx\n"		/* passes left -> bytes */
			     "   addl %[tail], %%ecx\n"
			     "   jmp 40b\n"
			     "91: shll $2, %%ecx\n"		/* words left -> bytes */
			     "   movl %[tail], %%eax\n"
			     "   andl $3, %%eax\n"
			     "   addl %%eax, %%ecx\n"
			     "   jmp 40b\n"
			     "99:\n"
			     _ASM_EXTABLE(30b, 91b)
			     _ASM_EXTABLE(40b, 99b)
			     : "+c"(passes), "+D"(to), "+S"(from), "=&a"(scratch)
			     : [tail] "g"(tail) : "memory", "cc");
	return passes;
}

/*
 * copy_from_user: n bytes from user memory; the bytes not copied. What was
 * not copied is zeroed in the kernel buffer, so no stale data leaks.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/* raw_copy_from_user: the same without zeroing; the bytes not copied. */
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return __copy_user(to, from, n);
}

/* copy_to_user: n bytes to user memory; the bytes not copied. */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

/*
 * clear_user: zero n bytes of user memory; the bytes not zeroed. The same
 * passes as __copy_user with stores only, the fixup redoing a pass with
 * rep stosb.
 */
unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long passes = n >> 5, tail = n & 31;

	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__("   testl %%ecx, %%ecx\n"
			     "   jz 20f\n"
			     "10:\n"
			     ZERO_WORD(0, 11) ZERO_WORD(4, 12) ZERO_WORD(8, 13)
			     ZERO_WORD(12, 14) ZERO_WORD(16, 15) ZERO_WORD(20, 16)
			     ZERO_WORD(24, 17) ZERO_WORD(28, 18)
			     "   addl $32, %%edi\n"
			     "   decl %%ecx\n"
			     "   jnz 10b\n"
			     "20: movl %[tail], %%ecx\n"
			     "   shrl $2, %%ecx\n"
			     "30: rep stosl\n"
			     "   movl %[tail], %%ecx\n"
			     "   andl $3, %%ecx\n"
			     "40: rep stosb\n"
			     "   jmp 99f\n"
			     "90: shll $5, %%ecx\n"
			     "   addl %[tail], %%ecx\n"
			     "   jmp 40b\n"
			     "91: shll $2, %%ecx\n"		/* words left -> bytes */
			     "   andl $3, %[tail]\n"
			     "   addl %[tail], %%ecx\n"
			     "   jmp 40b\n"
			     "99:\n"
			     _ASM_EXTABLE(30b, 91b)
			     _ASM_EXTABLE(40b, 99b)
			     : "+c"(passes), "+D"(to), [tail] "+r"(tail)
			     : "a"(0) : "memory", "cc");
	return passes;
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
