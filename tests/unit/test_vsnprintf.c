/*
 * The kernel's vsnprintf (lib/vsprintf.c) against the host C
 * library's: conversions, flags, widths, precisions (also as *), length
 * modifiers, truncation and the return value; then the places where yomi
 * follows Linux rather than C (%#x of 0, %p, "(null)", unknown
 * conversions); then simple_strtoul, simple_strtol and kstrtoul.
 * The kernel's functions are renamed yomi_* here so that the host's stay
 * reachable for comparison.
 */
// sources: lib/vsprintf.c
// kernel-cflags: -Dvsnprintf=yomi_vsnprintf -Dsnprintf=yomi_snprintf -Dsprintf=yomi_sprintf
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <linux/kernel.h>
#include "check.h"

int yomi_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int yomi_snprintf(char *buf, size_t size, const char *fmt, ...);
int yomi_sprintf(char *buf, const char *fmt, ...);

/* same(line, fmt, ...): yomi and the host agree on text and return value */
static void same(int line, const char *fmt, ...)
{
	char want[256], got[256];
	va_list ap, aq;
	int w, g;

	va_start(ap, fmt);
	va_copy(aq, ap);
	w = vsnprintf(want, sizeof(want), fmt, ap);
	memset(got, 'X', sizeof(got));
	g = yomi_vsnprintf(got, sizeof(got), fmt, aq);
	va_end(aq);
	va_end(ap);
	CHECK(w == g && !memcmp(want, got, w + 1),
	      "line %d: format \"%s\": host \"%s\" (%d), yomi \"%s\" (%d)", line, fmt, want, w, got, g);
}
#define SAME(...) same(__LINE__, __VA_ARGS__)

/* expect(line, want, fmt, ...): where yomi deliberately differs from C */
static void expect(int line, const char *want, const char *fmt, ...)
{
	char got[256];
	va_list ap;
	int g;

	va_start(ap, fmt);
	g = yomi_vsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	CHECK(g == (int)strlen(want) && !strcmp(got, want),
	      "line %d: format \"%s\": want \"%s\", yomi \"%s\" (%d)", line, fmt, want, got, g);
}
#define EXPECT(...) expect(__LINE__, __VA_ARGS__)

static void check_integers(void)
{
	static const int ints[] = { 0, 1, -1, 7, -42, 255, 4096, 123456789, INT_MAX, INT_MIN };
	static const char *const int_formats[] = {
		"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-+6d|", "% 6d",
		"%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%.0d", "%5.0d", "%+.0d", "%hd", "%hhd",
		"%ld", "%li", "%12ld", "%-012d|", "%0-12d|",
	};
	static const char *const uint_formats[] = {
		"%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%8x", "%-8x|", "%08x", "%#010x",
		"%#10x", "%-#10x|", "%.5x", "%#.5x", "%10.4o", "%hx", "%hhx", "%hu", "%hhu",
		"%lx", "%lu", "%lo", "%zu", "%zx", "%zd",
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(ints); i++) {
		for (j = 0; j < ARRAY_SIZE(int_formats); j++)
			same(__LINE__, int_formats[j], ints[i]);
		for (j = 0; j < ARRAY_SIZE(uint_formats); j++)
			if (ints[i] || strchr(uint_formats[j], '#') == NULL)	/* %#x of 0: below */
				same(__LINE__, uint_formats[j], (unsigned int)ints[i]);
	}
	SAME("%#o %#.0o|%.0o|", 0u, 1u, 0u);	/* where C and Linux agree for 0 */
	/* long long */
	SAME("%lld %lld %lld", 0LL, LLONG_MAX, LLONG_MIN);
	SAME("%llu %llx %llX %llo", ULLONG_MAX, 0x123456789abcdefULL, 0xfedcba9876543210ULL, 01234567012345670ULL);
	SAME("%#018llx", 0x8000000000ULL);
	SAME("%-20lld|%+lld|% lld", -5LL, 5LL, 5LL);
	SAME("%.15lld", -123LL);
	/* unsigned conversions take no sign: "+" and " " only apply to %d and %i */
	SAME("%+u %+x % u % x % X", 5u, 0x1fu, 5u, 0x1fu, 0xabu);
	/* the arguments after a long long are still found */
	SAME("%llx %d %s", 0x100000000ULL, 7, "after");
	/* sizes of the length modifiers: h and hh truncate */
	SAME("%hd %hu %hhd %hhu", 70000, 70000, 300, 300);
	SAME("%hd %hhd", -32769, -129);
}

static void check_strings_and_chars(void)
{
	SAME("%s", "hello");
	SAME("[%10s]", "hello");
	SAME("[%-10s]", "hello");
	SAME("[%.3s]", "hello");
	SAME("[%10.3s]", "hello");
	SAME("[%-10.3s]", "hello");
	SAME("[%.0s]", "hello");
	SAME("[%.10s]", "hi");
	SAME("[%s]", "");
	SAME("[%3s]", "toolong");
	SAME("[%c]", 'a');
	SAME("[%5c]", 'b');
	SAME("[%-5c]", 'c');
	SAME("%c%c%c", 'y', 'o', 'm');
	SAME("100%%");
	SAME("%d%%", 50);
	SAME("no conversions at all");
	SAME("");
	SAME("%s=%d, %s=%#x (%c)", "a", 1, "b", 0x10, '!');
}

static void check_star(void)
{
	SAME("[%*d]", 6, 42);
	SAME("[%*d]", -6, 42);		/* a negative width means left-justified */
	SAME("[%-*d]", 6, 42);
	SAME("[%.*d]", 4, 42);
	SAME("[%.*d]", -1, 42);		/* a negative precision means none */
	SAME("[%*.*d]", 8, 4, -42);
	SAME("[%*s]", 7, "abc");
	SAME("[%.*s]", 2, "abc");
	SAME("[%*.*s]", -7, 2, "abc");
	SAME("[%0*x]", 8, 0xbeefu);
}

/* yomi follows Linux here, not C */
static void check_linux_differences(void)
{
	char buf[32];

	EXPECT("0x0", "%#x", 0u);		/* C: "0" */
	EXPECT("0X0", "%#X", 0u);
	EXPECT("0x00000000", "%#010x", 0u);
	EXPECT("c0100000", "%p", (void *)0xc0100000);	/* %p: 8 hex digits, no 0x */
	EXPECT("00001000", "%p", (void *)0x1000);
	EXPECT("00000000", "%p", NULL);
	EXPECT("(null)", "%s", (char *)NULL);
	EXPECT("[    (null)]", "[%10s]", (char *)NULL);
	EXPECT("%y", "%y");			/* an unknown conversion is printed as is */
	EXPECT("ab", "ab%");			/* a lone % at the end is dropped */

	CHECK_EQ(yomi_sprintf(buf, "%s-%d", "abc", -12), 7);
	CHECK_STR(buf, "abc--12");
}

/* truncation: every buffer size from 0 to past the end */
static void check_truncation(void)
{
	const char *fmt = "%s:%05d:%x";
	char want[64], got[64];
	size_t size;

	for (size = 0; size < 24; size++) {
		int w, g;

		memset(want, '#', sizeof(want));
		memset(got, '#', sizeof(got));
		w = snprintf(want, size, fmt, "truncate", 42, 0xabcu);
		g = yomi_snprintf(got, size, fmt, "truncate", 42, 0xabcu);
		CHECK(g == w, "size %zu: returned %d, host %d", size, g, w);
		CHECK(!memcmp(want, got, sizeof(got)), "size %zu: \"%.*s\" vs host \"%.*s\"",
		      size, (int)size, got, (int)size, want);
	}
	CHECK_EQ(yomi_snprintf(NULL, 0, "%d", 12345), 5);	/* size 0: nothing written */
	CHECK_EQ(yomi_snprintf(got, sizeof(got), "%300d|", 1), 301);
	CHECK_EQ(strlen(got), sizeof(got) - 1);
}

static void check_strtoul(void)
{
	static const struct { const char *s; unsigned int base; } cases[] = {
		{ "0", 10 }, { "12345", 10 }, { "4294967295", 10 }, { "12abc", 10 }, { "abc", 10 },
		{ "ff", 16 }, { "FF", 16 }, { "0x1f", 16 }, { "0X1F", 16 }, { "fg", 16 },
		{ "777", 8 }, { "789", 8 }, { "0x1f", 0 }, { "017", 0 }, { "17", 0 }, { "0", 0 },
		{ "101", 2 }, { "", 10 }, { "1:2", 10 },
	};
	unsigned long v;
	unsigned int i;
	char *end;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *host_end;
		unsigned long want = strtoul(cases[i].s, &host_end, cases[i].base);

		v = simple_strtoul(cases[i].s, &end, cases[i].base);
		CHECK(v == want && end == host_end, "simple_strtoul(\"%s\", %u) = %lu ending at +%d, "
		      "host %lu at +%d", cases[i].s, cases[i].base, v, (int)(end - cases[i].s),
		      want, (int)(host_end - cases[i].s));
	}
	CHECK_EQ(simple_strtoul("0x", NULL, 16), 0);
	CHECK_EQ(simple_strtol("-42", &end, 10), -42);
	CHECK_EQ(*end, '\0');
	CHECK_EQ(simple_strtol("-0x10", NULL, 0), -16);
	CHECK_EQ(simple_strtol("99 bottles", &end, 10), 99);
	CHECK_STR(end, " bottles");

	CHECK_EQ(kstrtoul("42", 10, &v), 0);
	CHECK_EQ(v, 42);
	CHECK_EQ(kstrtoul("42\n", 10, &v), 0);	/* one trailing newline is accepted */
	CHECK_EQ(v, 42);
	CHECK_EQ(kstrtoul("ff", 16, &v), 0);
	CHECK_EQ(v, 255);
	CHECK_EQ(kstrtoul("0x10", 0, &v), 0);
	CHECK_EQ(v, 16);
	CHECK_EQ(kstrtoul("010", 0, &v), 0);
	CHECK_EQ(v, 8);
	CHECK_EQ(kstrtoul("", 10, &v), -22);
	CHECK_EQ(kstrtoul("42x", 10, &v), -22);
	CHECK_EQ(kstrtoul("4 2", 10, &v), -22);
	CHECK_EQ(kstrtoul("42\n\n", 10, &v), -22);
	CHECK_EQ(kstrtoul("9", 8, &v), -22);
}

int main(void)
{
	check_integers();
	check_strings_and_chars();
	check_star();
	check_linux_differences();
	check_truncation();
	check_strtoul();
	return check_done();
}
