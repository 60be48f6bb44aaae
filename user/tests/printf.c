/*
 * test_printf: the C library's printf family against the C standard's (and
 * glibc's) output. The expected strings were produced by the host's glibc
 * from the same calls, so any difference is a bug here. Also: snprintf
 * truncation and its return value, sprintf, and fprintf/printf results.
 */
#include <stdint.h>
#include <sys/types.h>
#include "tap.h"

/* Some cases use flags the standard ignores for a conversion (+ with %u)
 * or print NULL with %s: they are here on purpose. (-Wformat-overflow is
 * GCC's alone; clang would reject the unknown name.) */
#pragma GCC diagnostic ignored "-Wformat"
#ifndef __clang__
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

static char buf[200];

static void check(const char *want, int ret, const char *call)
{
	int good = !strcmp(buf, want) && ret == (int)strlen(want);

	ok(good, "snprintf(%s) gives \"%s\"", call, want);
	if (!good)
		printf("#   got \"%s\" (returned %d)\n", buf, ret);
}

#define FMT(want, ...) check(want, snprintf(buf, sizeof(buf), __VA_ARGS__), #__VA_ARGS__)

static void formats(void)
{
	FMT("0", "%d", 0);
	FMT("-42", "%d", -42);
	FMT("2147483647", "%i", 2147483647);
	FMT("-2147483648", "%d", (int)0x80000000);
	FMT("4294967295", "%u", 4294967295u);
	FMT("deadbeef", "%x", 0xdeadbeef);
	FMT("DEADBEEF", "%X", 0xdeadbeef);
	FMT("10", "%o", 8);
	FMT("010", "%#o", 8);
	FMT("0", "%#o", 0);
	FMT("0xff", "%#x", 255);
	FMT("0XFF", "%#X", 255);
	FMT("0", "%#x", 0);
	FMT("   42|", "%5d|", 42);
	FMT("42   |", "%-5d|", 42);
	FMT("00042", "%05d", 42);
	FMT("-0042", "%05d", -42);
	FMT("+42", "%+d", 42);
	FMT(" 42", "% d", 42);
	FMT("-42", "%+d", -42);
	FMT("007", "%.3d", 7);
	FMT("    -007|", "%8.3d|", -7);
	FMT("0ff     |", "%-8.3x|", 255);
	FMT("     007|", "%08.3d|", 7);
	FMT("|", "%.0d|", 0);
	FMT("     |", "%5.0d|", 0);
	FMT("0|", "%#.0o|", 0);
	FMT("    42|", "%*d|", 6, 42);
	FMT("42    |", "%-*d|", 6, 42);
	FMT("42    |", "%*d|", -6, 42);
	FMT("0042|", "%.*d|", 4, 42);
	FMT("42|", "%.*d|", -1, 42);
	FMT("44", "%hhd", 300);
	FMT("255", "%hhu", -1);
	FMT("4464", "%hd", 70000);
	FMT("65535", "%hu", -1);
	FMT("-123456789", "%ld", -123456789L);
	FMT("4294967295", "%lu", 4294967295UL);
	FMT("-9223372036854775808", "%lld", -9223372036854775807LL - 1);
	FMT("18446744073709551615", "%llu", 18446744073709551615ULL);
	FMT("123456789abcdef", "%llx", 0x123456789abcdefULL);
	FMT("01234567012345670", "%#llo", 01234567012345670ULL);
	FMT("12345", "%zu", (size_t)12345);
	FMT("-5", "%zd", (ssize_t)-5);
	FMT("A", "%c", 'A');
	FMT("  B|", "%3c|", 'B');
	FMT("C  |", "%-3c|", 'C');
	FMT("hello", "%s", "hello");
	FMT("hel", "%.3s", "hello");
	FMT("      hi|", "%8s|", "hi");
	FMT("hi      |", "%-8s|", "hi");
	FMT("       h|", "%8.1s|", "hi");
	FMT("(null)", "%s", (char *)0);
	FMT("0x1234", "%p", (void *)0x1234);
	FMT("(nil)", "%p", (void *)0);
	FMT("    0xbeef|", "%10p|", (void *)0xbeef);
	FMT("(nil)     |", "%-10p|", (void *)0);
	FMT("%", "%%");
	FMT("100% 5%", "100%% %d%%", 5);
	FMT("1 two 3 4", "%d %s %c %x", 1, "two", '3', 4);
	FMT("   +1|    2|+3   |", "%+5d|% 5d|%-+5d|", 1, 2, 3);
	FMT("1|2", "%+u|% x", 1, 2);
}

static void truncation(void)
{
	char small[8];
	int n;

	memset(small, 'x', sizeof(small));
	n = snprintf(small, sizeof(small), "%s", "abcdefghijkl");
	ok(n == 12 && !strcmp(small, "abcdefg"),
	   "snprintf cuts at size - 1 and returns the full length (%d, \"%s\")", n, small);
	small[0] = 'x';
	n = snprintf(small, 1, "%d", 12345);
	ok(n == 5 && small[0] == '\0', "snprintf with size 1 writes only the NUL");
	small[0] = 'x';
	n = snprintf(small, 0, "%d", 12345);
	ok(n == 5 && small[0] == 'x', "snprintf with size 0 writes nothing");
	n = snprintf(NULL, 0, "%s-%d", "abc", 42);
	expect_eq(n, 6, "snprintf(NULL, 0, ...) measures");
	n = sprintf(buf, "%s=%d", "x", -1);
	ok(n == 4 && !strcmp(buf, "x=-1"), "sprintf");
}

static void streams(void)
{
	char longer[600];
	int n;

	memset(longer, 'y', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	n = printf("# %s\n", "printf to stdout");
	expect_eq(n, 19, "printf returns the number of bytes");
	n = printf("# %.*s\n", 500, longer);
	expect_eq(n, 503, "printf of more than one 256-byte chunk");
	n = fprintf(stderr, "# fprintf to stderr (unbuffered)\n");
	expect_eq(n, 33, "fprintf to stderr returns the number of bytes");
	ok(puts("# puts") >= 0, "puts");
	ok(fputs("# fputs\n", stdout) >= 0, "fputs");
	ok(putchar('#') == '#' && putchar('\n') == '\n', "putchar");
	ok(fflush(stdout) == 0, "fflush(stdout)");
}

int main(void)
{
	formats();
	truncation();
	streams();
	return tap_done();
}
