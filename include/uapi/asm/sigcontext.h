/*
 * What a signal handler finds on its stack, Linux i386's layouts (Linux:
 * arch/x86/include/uapi/asm/sigcontext.h, struct sigcontext_32 and
 * struct _fpstate_32): the registers at the interruption and the x87/SSE
 * state. Shared by the kernel (arch/x86/kernel/signal.c) and user tests.
 */
#ifndef _UAPI_ASM_X86_SIGCONTEXT_H
#define _UAPI_ASM_X86_SIGCONTEXT_H

/* an x87 register as fnsave stores it (80 bits) */
struct _fpreg {
	unsigned short significand[4];
	unsigned short exponent;
};

/* an x87 register as fxsave stores it (80 bits in a 16-byte slot) */
struct _fpxreg {
	unsigned short significand[4];
	unsigned short exponent;
	unsigned short padding[3];
};

struct _xmmreg {
	unsigned long element[4];
};

#define X86_FXSR_MAGIC 0x0000	/* _fpstate.magic: the fxsave image follows */
#define FPSTATE_MAGIC_FNSAVE 0xffff	/* only the fnsave part is valid */

/*
 * struct _fpstate: the fnsave image (108 bytes), the status word, a magic
 * word, then (magic X86_FXSR_MAGIC) the whole 512-byte fxsave image
 * from _fxsr_env on, 16-byte aligned when the structure is.
 */
struct _fpstate {
	unsigned long cw, sw, tag, ipoff, cssel, dataoff, datasel;
	struct _fpreg _st[8];
	unsigned short status;
	unsigned short magic;
	unsigned long _fxsr_env[6];
	unsigned long mxcsr;
	unsigned long reserved;
	struct _fpxreg _fxsr_st[8];
	struct _xmmreg _xmm[8];
	unsigned long padding1[44];
	unsigned long padding2[12];	/* Linux: fpx_sw_bytes when XSAVE is used */
};

/* struct sigcontext: the interrupted registers (88 bytes) */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long di, si, bp, sp, bx, dx, cx, ax;
	unsigned long trapno, err, ip;
	unsigned short cs, __csh;
	unsigned long flags;
	unsigned long sp_at_signal;
	unsigned short ss, __ssh;
	struct _fpstate *fpstate;	/* NULL: no FPU state saved */
	unsigned long oldmask;		/* the blocked mask's first word */
	unsigned long cr2;		/* the fault address (SIGSEGV) */
};

#endif
