/*
 * A task's x87/SSE register state (Linux: arch/x86/include/asm/fpu/types.h).
 * The buffer is what fxsave writes (512 bytes, 16-byte aligned), or on a
 * CPU without FXSR what fnsave writes (its first 108 bytes).
 */
#ifndef _ASM_X86_FPU_TYPES_H
#define _ASM_X86_FPU_TYPES_H

#include <linux/types.h>

/* the fxsave image's header; the registers follow (Linux: struct fxregs_state) */
struct fxregs_state {
	u16 cwd;		/* x87 control word */
	u16 swd;		/* x87 status word */
	u16 twd;		/* abridged tag word: a bit per register in use */
	u16 fop;
	u32 fip, fcs, foo, fos;
	u32 mxcsr;		/* SSE control and status */
	u32 mxcsr_mask;
	u32 st_space[32];	/* st0-7, 16 bytes each */
	u32 xmm_space[32];	/* xmm0-7, 16 bytes each */
	u32 padding[56];
} __attribute__((aligned(16)));

struct fpu {
	struct fxregs_state state;
};

#endif
