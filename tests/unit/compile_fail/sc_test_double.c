/*
 * Must NOT compile: __SC_TEST rejects a system call argument wider than
 * long that is not one of the two 64-bit integer types (here: double).
 * tests/run.py also compiles this file with -DCONTROL, which uses long long
 * instead and must compile, so the failure is known to come from __SC_TEST.
 */
#include <linux/syscalls.h>

#ifdef CONTROL
#define WIDE_TYPE long long
#else
#define WIDE_TYPE double
#endif

SYSCALL_DEFINE1(too_wide, WIDE_TYPE, v)
{
	return v > 0;
}
