/*
 * The compiler's own helpers that lib/libgcc.c provides (Linux:
 * include/linux/libgcc.h). No kernel code calls them by name: GCC emits
 * the calls for 64-bit division on a 32-bit target.
 */
#ifndef _LINUX_LIBGCC_H
#define _LINUX_LIBGCC_H

#include <linux/types.h>

u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

#endif
