/*
 * test_string: <string.h> and <stdlib.h> of the C library: the mem and str
 * functions, strtok, strdup, strerror, the strto* family with bases,
 * signs, overflow and end pointers, qsort, getenv, and malloc, calloc,
 * realloc and free (reuse, alignment, contents kept across realloc, many
 * blocks freed and allocated again without the heap growing).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "tap.h"

static void mem_tests(void)
{
	char a[32], b[32];

	memset(a, 'x', sizeof(a));
	ok(a[0] == 'x' && a[31] == 'x', "memset");
	memcpy(b, "hello, world", 13);
	ok(!strcmp(b, "hello, world"), "memcpy");
	memmove(b + 2, b, 13);
	ok(!strcmp(b, "hehello, world"), "memmove forwards over itself");
	memmove(b, b + 2, 13);
	ok(!strcmp(b, "hello, world"), "memmove backwards over itself");
	ok(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0 &&
	   memcmp("abc", "abc", 3) == 0, "memcmp");
	ok(memcmp("\x80", "\x01", 1) > 0, "memcmp compares unsigned bytes");
	ok(memchr(b, 'w', 12) == b + 7 && !memchr(b, 'z', 12), "memchr");
}

static void str_tests(void)
{
	char buf[64], *p, *save;
	char words[] = "  one, two,,three ";
	int n = 0;

	ok(strlen("") == 0 && strlen("abc") == 3, "strlen");
	ok(strnlen("abcdef", 3) == 3 && strnlen("ab", 9) == 2, "strnlen");
	strcpy(buf, "abc");
	strcat(buf, "def");
	ok(!strcmp(buf, "abcdef"), "strcpy and strcat");
	strncat(buf, "ghijk", 2);
	ok(!strcmp(buf, "abcdefgh"), "strncat");
	memset(buf, 'x', 8);
	strncpy(buf, "ab", 5);
	ok(!memcmp(buf, "ab\0\0\0xxx", 8), "strncpy pads with NULs");
	ok(strcmp("a", "b") < 0 && strcmp("b", "a") > 0 && !strcmp("a", "a") &&
	   strcmp("a", "ab") < 0, "strcmp");
	ok(!strncmp("abcx", "abcy", 3) && strncmp("abcx", "abcy", 4) < 0, "strncmp");
	p = "hello";
	ok(strchr(p, 'l') == p + 2 && strrchr(p, 'l') == p + 3 && !strchr(p, 'z') &&
	   strchr(p, '\0') == p + 5, "strchr and strrchr");
	ok(strstr(p, "ll") == p + 2 && !strstr(p, "lo!") && strstr(p, "") == p, "strstr");
	ok(strspn("aabbc", "ab") == 4 && strcspn("hello", "lo") == 2, "strspn and strcspn");
	ok(strpbrk(p, "ol") == p + 2 && !strpbrk(p, "xyz"), "strpbrk");
	for (p = strtok(words, " ,"); p; p = strtok(NULL, " ,"))
		n++;
	ok(n == 3, "strtok finds 3 words (%d)", n);
	strcpy(buf, "a:b");
	p = strtok_r(buf, ":", &save);
	ok(!strcmp(p, "a") && !strcmp(strtok_r(NULL, ":", &save), "b") &&
	   !strtok_r(NULL, ":", &save), "strtok_r");
	p = strdup("copy me");
	ok(p && !strcmp(p, "copy me"), "strdup");
	free(p);
	p = strndup("copy me", 4);
	ok(p && !strcmp(p, "copy"), "strndup");
	free(p);
	ok(!strcmp(strerror(EFAULT), "Bad address") && !strcmp(strerror(ENOSYS),
	   "Function not implemented"), "strerror");
	ok(!strcmp(strerror(9999), "Unknown error 9999") &&
	   !strcmp(strerror(-3), "Unknown error -3"), "strerror of unknown numbers");
}

static void strto_tests(void)
{
	char *end;

	ok(atoi("42") == 42 && atoi("  -17xyz") == -17 && atoi("x") == 0, "atoi");
	ok(strtol("0x1F", &end, 0) == 31 && *end == '\0', "strtol base 0 hex");
	ok(strtol("017", &end, 0) == 15, "strtol base 0 octal");
	ok(strtol("1f", &end, 16) == 31, "strtol base 16 without prefix");
	ok(strtol("z", &end, 36) == 35, "strtol base 36");
	ok(strtol("0x", &end, 16) == 0 && *end == 'x', "strtol of \"0x\" stops after the 0");
	ok(strtol("  +12 ", &end, 10) == 12 && *end == ' ', "strtol with a + sign and end");
	end = NULL;
	ok(strtol("abc", &end, 10) == 0 && end && !strcmp(end, "abc"),
	   "strtol with no digits leaves end at the start");
	errno = 0;
	ok(strtol("2147483647", NULL, 10) == LONG_MAX && errno == 0, "strtol of LONG_MAX");
	ok(strtol("-2147483648", NULL, 10) == LONG_MIN && errno == 0, "strtol of LONG_MIN");
	ok(strtol("2147483648", NULL, 10) == LONG_MAX && errno == ERANGE,
	   "strtol overflow gives LONG_MAX and ERANGE");
	errno = 0;
	ok(strtol("-99999999999999999999999", NULL, 10) == LONG_MIN && errno == ERANGE,
	   "strtol underflow gives LONG_MIN and ERANGE");
	errno = 0;
	ok(strtoul("4294967295", NULL, 10) == ULONG_MAX && errno == 0, "strtoul of ULONG_MAX");
	ok(strtoul("-1", NULL, 10) == ULONG_MAX, "strtoul of -1 is ULONG_MAX (as glibc)");
	ok(strtoul("4294967296", NULL, 10) == ULONG_MAX && errno == ERANGE, "strtoul overflow");
	errno = 0;
	ok(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN && errno == 0, "strtoll");
	ok(strtoull("0xffffffffffffffff", NULL, 16) == ULLONG_MAX && errno == 0, "strtoull");
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void misc_tests(void)
{
	int v[] = { 5, -3, 9, 0, 5, 100, -42, 7, 1, 2, 3 }, i, sorted = 1;
	int n = sizeof(v) / sizeof(v[0]);

	qsort(v, n, sizeof(v[0]), cmp_int);
	for (i = 1; i < n; i++)
		if (v[i - 1] > v[i])
			sorted = 0;
	ok(sorted && v[0] == -42 && v[n - 1] == 100, "qsort");
	ok(abs(-5) == 5 && labs(-7L) == 7, "abs and labs");
	ok(!getenv("YOMI_SURELY_NOT_SET"), "getenv of an unset name is NULL");
	if (environ && environ[0] && strchr(environ[0], '=')) {
		char name[64];
		size_t len = strchr(environ[0], '=') - environ[0];

		if (len < sizeof(name)) {
			memcpy(name, environ[0], len);
			name[len] = '\0';
			ok(getenv(name) == environ[0] + len + 1, "getenv(\"%s\")", name);
		}
	}
}

static void malloc_tests(void)
{
	char *p[64], *q, *r;
	void *brk_before;
	int i, good = 1, aligned = 1;

	q = malloc(0);
	ok(q != NULL, "malloc(0) returns a pointer");
	free(q);
	free(NULL);
	for (i = 0; i < 64; i++) {
		p[i] = malloc(i * 37 + 1);
		if (!p[i])
			good = 0;
		else
			memset(p[i], i, i * 37 + 1);
		if ((uintptr_t)p[i] % 8)
			aligned = 0;
	}
	ok(good, "64 blocks of different sizes");
	ok(aligned, "all 8-byte aligned");
	for (i = 0; i < 64 && good; i++)
		if (p[i][0] != i || p[i][i * 37] != i)
			good = 0;
	ok(good, "each keeps its own contents");
	for (i = 0; i < 64; i += 2)
		free(p[i]);
	for (i = 1; i < 64; i += 2)
		free(p[i]);
	brk_before = sbrk(0);
	for (i = 0; i < 64; i++)
		p[i] = malloc(i * 37 + 1);
	ok(sbrk(0) == brk_before, "after freeing them all, the same again fits without growing");
	for (i = 0; i < 64; i++)
		free(p[i]);

	q = calloc(100, 4);
	good = q != NULL;
	for (i = 0; good && i < 400; i++)
		if (q[i])
			good = 0;
	ok(good, "calloc gives zeroed memory");
	free(q);
	errno = 0;
	ok(!calloc(0x10000, 0x10000) && errno == ENOMEM, "calloc overflow gives NULL and ENOMEM");

	q = malloc(10);
	strcpy(q, "realloc!");
	r = realloc(q, 100000);
	ok(r && !strcmp(r, "realloc!"), "realloc to a larger size keeps the contents");
	q = realloc(r, 4);
	ok(q == r, "realloc to a smaller size keeps the block");
	ok(realloc(q, 0) == NULL, "realloc(p, 0) frees and returns NULL");
	q = realloc(NULL, 16);
	ok(q != NULL, "realloc(NULL, n) allocates");
	free(q);
	errno = 0;
	ok(!malloc((size_t)-16) && errno == ENOMEM, "malloc of nearly 4 GiB gives ENOMEM");
}

int main(void)
{
	mem_tests();
	str_tests();
	strto_tests();
	misc_tests();
	malloc_tests();
	return tap_done();
}
