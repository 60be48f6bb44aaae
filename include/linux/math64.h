/* 64-bit by 32-bit division on i386 (Linux: include/linux/math64.h). */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>

/*
 * div_u64_rem: n / d and n % d with two divl instructions (the high half
 * first, then the remainder with the low half), no library call needed.
 */
static inline u64 div_u64_rem(u64 n, u32 d, u32 *rem)
{
	u32 hi = n >> 32, lo = (u32)n, qhi = hi / d, r;

	hi %= d;
	__asm__("divl %4" : "=a"(lo), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
	*rem = r;
	return ((u64)qhi << 32) | lo;
}

#endif
