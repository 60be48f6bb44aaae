/*
 * The vvar page: time data the kernel publishes for the vDSO to read
 * without a system call (Linux: arch/x86/include/asm/vvar.h, vgtod.h).
 * Readers use the sequence counter: an odd value, or one that changed
 * during the read, means the kernel was updating - read again.
 */
#ifndef _ASM_X86_VVAR_H
#define _ASM_X86_VVAR_H

#include <linux/types.h>

#define CYC2NS_SHIFT 22

struct vdso_data {
	volatile u32 seq;
	u32 cyc2ns_mul;		/* ns = cycles * cyc2ns_mul >> CYC2NS_SHIFT */
	u64 tsc_at_boot;	/* TSC at sched_clock() == 0 */
	u64 boot_time_ns;	/* wall-clock time then */
	u64 coarse_mono_ns;	/* CLOCK_MONOTONIC at the last tick */
};

/*
 * cycles_to_ns: TSC cycles to nanoseconds with a multiply and a shift,
 * split in two so the product cannot overflow 64 bits for centuries. The
 * kernel's sched_clock and the vDSO share it, so they always agree.
 */
static inline u64 cycles_to_ns(u64 cyc, u32 mul)
{
	u64 hi = cyc >> CYC2NS_SHIFT, lo = cyc & ((1ULL << CYC2NS_SHIFT) - 1);

	return hi * mul + ((lo * mul) >> CYC2NS_SHIFT);
}

extern struct vdso_data *vdso_data;
void update_vsyscall(void);

#endif
