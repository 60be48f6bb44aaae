/*
 * Memory and string functions (Linux: lib/string.c, arch/x86/lib). The
 * compiler may also emit calls to memcpy/memset on its own, so they must
 * exist under these names. memcpy/memset work in 32-byte passes of eight
 * 4-byte moves, then the tail with the string instructions: under QEMU's
 * TCG a straight run of moves is translated once per pass, while a rep
 * string instruction costs per iteration (arch/x86/lib/usercopy_32.c does
 * the same, with fault fixups). Linux i386 uses rep movsl and rep stosl.
 */
#include <linux/string.h>

#define STORE_WORD(off) "movl %%eax, " #off "(%%edi)\n"
#define MOVE_WORD(off) "movl " #off "(%%esi), %%eax\nmovl %%eax, " #off "(%%edi)\n"
/* the passes' loop: ecx passes of body, then the tail (fewer than 32
 * bytes, in %[tail]) with rep <op>l and rep <op>b */
#define PASSES(body, advance, op)                               \
	"testl %%ecx, %%ecx\n\t"                                \
	"jz 2f\n"                                               \
	"1:\n" body advance                                     \
	"decl %%ecx\n\t"                                        \
	"jnz 1b\n"                                              \
	"2:\n\t"                                                \
	"movl %[tail], %%ecx\n\t"                               \
	"shrl $2, %%ecx\n\t"                                    \
	"rep " op "l\n\t"                                       \
	"movl %[tail], %%ecx\n\t"                               \
	"andl $3, %%ecx\n\t"                                    \
	"rep " op "b"

void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t passes = n >> 5, tail = n & 31;
	unsigned int fill = (unsigned char)c * 0x01010101U;

	__asm__ __volatile__(PASSES(STORE_WORD(0) STORE_WORD(4) STORE_WORD(8) STORE_WORD(12)
				     STORE_WORD(16) STORE_WORD(20) STORE_WORD(24) STORE_WORD(28),
				     "addl $32, %%edi\n\t", "stos")
			     : "+D"(d), "+c"(passes)
			     : "a"(fill), [tail] "g"(tail) : "memory", "cc");
	return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t passes = n >> 5, tail = n & 31;
	unsigned long scratch;

	__asm__ __volatile__(PASSES(MOVE_WORD(0) MOVE_WORD(4) MOVE_WORD(8) MOVE_WORD(12)
				     MOVE_WORD(16) MOVE_WORD(20) MOVE_WORD(24) MOVE_WORD(28),
				     "addl $32, %%esi\n\taddl $32, %%edi\n\t", "movs")
			     : "+D"(d), "+S"(src), "+c"(passes), "=&a"(scratch)
			     : [tail] "g"(tail) : "memory", "cc");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/* strlcpy: copy at most size-1 bytes, always terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* strsep: cut *s at the first delimiter; returns the token before it. */
char *strsep(char **s, const char *delim)
{
	char *start = *s, *p;

	if (!start)
		return NULL;
	for (p = start; *p; p++) {
		if (strchr(delim, *p)) {
			*p = '\0';
			*s = p + 1;
			return start;
		}
	}
	*s = NULL;
	return start;
}
