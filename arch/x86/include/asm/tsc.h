/* The time stamp counter as a clock (Linux: arch/x86/include/asm/tsc.h),
 * set up by arch/x86/kernel/tsc.c; the vDSO's vvar page carries the same. */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <linux/types.h>

extern u64 tsc_at_boot;		/* the TSC when sched_clock() was 0 */
extern u32 cyc2ns_mul;		/* ns per cycle, << CYC2NS_SHIFT */

#endif
