/*
 * stdlib.c: <stdlib.h> apart from malloc: number conversion, qsort, getenv
 * and the exit path.
 *
 * exit() runs the atexit handlers (at most 32, newest first), flushes the
 * standard streams and calls _exit (exit_group). abort() sends itself
 * SIGABRT and, where kill is not there yet (yomi before signals), exits
 * with 128 + SIGABRT as a shell would report it.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* digit_value: the value of a digit in bases up to 36; 99 if not a digit */
static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/*
 * parse: the common part of the strto* family. Skips white space, reads a
 * sign and the base prefix (0x for base 16 or 0, a leading 0 for base 0
 * means octal) and the digits. Returns the magnitude; *neg says whether a
 * minus sign came first, *overflow whether the magnitude passed 64 bits.
 * *end (if end is not NULL) points after the last digit, or at s if there
 * was no number.
 */
static unsigned long long parse(const char *s, char **end, int base,
				int *neg, int *overflow)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int d;

	*neg = *overflow = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		p = s;
		goto out;
	}
	for (digits = p; (d = digit_value(*p)) < base; p++)
		if (__builtin_mul_overflow(v, (unsigned)base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v))
			*overflow = 1;
	if (p == digits)
		p = s;
out:
	if (end)
		*end = (char *)p;
	return v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

long long strtoll(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);
	unsigned long long limit = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;

	if (overflow || v > limit) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)-v : (long long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);

	if (overflow || v > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -(unsigned long)v : (unsigned long)v;
}

long strtol(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);
	unsigned long long limit = neg ? (unsigned long long)LONG_MAX + 1 : LONG_MAX;

	if (overflow || v > limit) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? (long)-(unsigned long)v : (long)v;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

static void swap_bytes(char *a, char *b, size_t size)
{
	char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* qsort: Shell sort with gaps 1, 4, 13, 40, ... (short, in place, not
 * stable; O(n^1.5), fine for the sizes user programs here sort). */
void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	char *a = base;
	size_t gap = 1, i, j;

	while (gap < nmemb / 3)
		gap = gap * 3 + 1;
	for (; gap > 0; gap /= 3)
		for (i = gap; i < nmemb; i++)
			for (j = i; j >= gap &&
			     compar(a + (j - gap) * size, a + j * size) > 0; j -= gap)
				swap_bytes(a + (j - gap) * size, a + j * size, size);
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	for (e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

#define ATEXIT_MAX 32
static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

__attribute__((noreturn)) void exit(int status)
{
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	fflush(NULL);
	_exit(status);
}

__attribute__((noreturn)) void abort(void)
{
	kill(getpid(), SIGABRT);
	_exit(128 + SIGABRT);
}
