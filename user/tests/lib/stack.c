/* stack.c: deep recursion for the tests of stack growth (see tap.h). */
#include "tap.h"

/* use_stack: depth calls deep, each with a 4 KiB frame written at both
 * ends; returns depth */
__attribute__((noinline)) int use_stack(int depth)
{
	volatile char frame[4096];
	int r;

	/* the frame's address escapes, so all 4 KiB of it must be on the
	 * stack: otherwise clang keeps only the two bytes used */
	__asm__ __volatile__("" : : "r"(frame) : "memory");
	frame[0] = (char)depth;
	frame[sizeof(frame) - 1] = (char)depth;
	if (depth == 0)
		return 0;
	r = use_stack(depth - 1);
	return r + frame[0] - frame[sizeof(frame) - 1] + 1;
}
