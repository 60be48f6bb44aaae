/*
 * 64-bit division for a 32-bit kernel. GCC turns `u64 / u64` into calls to
 * these helpers. The kernel is built with -mregparm=3, and GCC passes the
 * arguments of these calls in registers too, so the host's libgcc (built
 * for the stack convention) cannot be used: yomi carries its own, built
 * with the kernel's flags. (Linux avoids the calls altogether with do_div.)
 */
#include <linux/types.h>
#include <linux/math64.h>
#include <linux/libgcc.h>

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 q = 0;
	int shift;

	if (!(d >> 32)) {
		u32 r;

		q = div_u64_rem(n, (u32)d, &r);
		if (rem)
			*rem = r;
		return q;
	}
	/* divisor of 33+ bits: the quotient fits in 32 bits; shift and subtract */
	shift = __builtin_clzll(d) - __builtin_clzll(n);
	if (shift >= 0) {
		d <<= shift;
		for (; shift >= 0; shift--, d >>= 1) {
			q <<= 1;
			if (n >= d) {
				n -= d;
				q |= 1;
			}
		}
	}
	if (rem)
		*rem = n;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	__udivmoddi4(n, d, &r);
	return r;
}

s64 __divdi3(s64 n, s64 d)
{
	u64 q = __udivmoddi4(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, NULL);

	return (n < 0) != (d < 0) ? -(s64)q : (s64)q;
}

s64 __moddi3(s64 n, s64 d)
{
	u64 r;

	__udivmoddi4(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, &r);
	return n < 0 ? -(s64)r : (s64)r;
}
