/*
 * The SYSCALL_DEFINEn wrappers (include/linux/syscalls.h): sys_<name> is
 * an alias of SyS_<name>, which takes every argument as a long (as the
 * entry code leaves them) and casts each to its declared type before
 * calling SYSC_<name>: narrow types are truncated and sign- or
 * zero-extended, 64-bit types pass whole. SYSCALL_METADATA records the
 * name, the argument count, types and names, and the entry point.
 */
// sources:
#include <stdio.h>
#include <string.h>
#include <linux/syscalls.h>
#include "check.h"

static int seen_int;
static unsigned char seen_uchar;
static short seen_short;
static unsigned short seen_ushort;
static long long seen_ll;
static const char *seen_ptr;

SYSCALL_DEFINE0(nothing)
{
	return 42;
}

SYSCALL_DEFINE3(narrow, int, a, unsigned char, b, short, c)
{
	seen_int = a;
	seen_uchar = b;
	seen_short = c;
	return a + b + c;
}

SYSCALL_DEFINE2(wide, long long, v, unsigned short, u)
{
	seen_ll = v;
	seen_ushort = u;
	return (long)(v >> 32);
}

SYSCALL_DEFINE6(six, const char *, p, long, b, long, c, long, d, long, e, long, f)
{
	seen_ptr = p;
	return b + c + d + e + f;
}

/* the linker makes __start_/__stop_ symbols for a section with a C name */
extern const struct syscall_metadata __start___syscalls_metadata[], __stop___syscalls_metadata[];

static const struct syscall_metadata *meta(const char *name)
{
	const struct syscall_metadata *m;

	for (m = __start___syscalls_metadata; m < __stop___syscalls_metadata; m++)
		if (!strcmp(m->name, name))
			return m;
	return NULL;
}

int main(void)
{
	const struct syscall_metadata *m;
	static const char text[] = "x";

	CHECK_EQ(sys_nothing(), 42);
	/* SyS_ takes longs: 0x1ff becomes unsigned char 0xff, 0x18000 short -32768 */
	CHECK_EQ(SyS_narrow(-5L, 0x1ffL, 0x18000L), -5 + 0xff - 32768);
	CHECK_EQ(seen_int, -5);
	CHECK_EQ(seen_uchar, 0xff);
	CHECK_EQ(seen_short, -32768);
	/* sys_narrow is the same function as SyS_narrow */
	CHECK((void *)sys_narrow == (void *)SyS_narrow, "sys_narrow aliases SyS_narrow");
	CHECK_EQ(SyS_wide(0x123456789LL, 0x12345L), 1);
	CHECK_EQ(seen_ll, 0x123456789LL);
	CHECK_EQ(seen_ushort, 0x2345);
	CHECK_EQ(SyS_six((long)text, 1, 2, 3, 4, 5), 15);
	CHECK(seen_ptr == text, "pointer argument passed through");

	m = meta("sys_narrow");
	CHECK(m != NULL, "metadata for sys_narrow");
	if (m) {
		CHECK_EQ(m->nb_args, 3);
		CHECK_STR(m->types[0], "int");
		CHECK_STR(m->types[1], "unsigned char");
		CHECK_STR(m->args[2], "c");
		CHECK(m->entry == (void *)sys_narrow, "metadata points at the entry");
	}
	m = meta("sys_nothing");
	CHECK(m != NULL && m->nb_args == 0, "metadata for a SYSCALL_DEFINE0");
	m = meta("sys_six");
	CHECK(m != NULL && m->nb_args == 6 && !strcmp(m->types[0], "const char *"),
	      "six arguments and a pointer type");
	return check_done();
}
