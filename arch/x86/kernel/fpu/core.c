/*
 * The x87 and SSE registers (Linux: arch/x86/kernel/fpu/core.c, init.c).
 * At boot fpu__init_system turns on what the CPU has: the x87 unit with
 * native error reporting (CR0.NE, so an unmasked x87 error is exception 16,
 * not an external interrupt), and with FXSR the SSE registers (CR4.OSFXSR;
 * without it SSE instructions are invalid opcodes) and SIMD exceptions
 * (CR4.OSXMMEXCPT: exception 19, SIGFPE, instead of an invalid opcode).
 *
 * Each task has its own copy of the registers in thread.fpu. The switch is
 * eager: __switch_to saves prev's registers and loads next's every time,
 * as Linux has done by default since 4.6 and only since 4.14. Lazy
 * switching (CR0.TS, then a device-not-available trap on a task's first
 * FPU instruction) saves work only for tasks that never touch the FPU, and
 * every C library's memcpy and strlen use SSE; it also left the previous
 * task's registers readable to speculation (LazyFP, CVE-2018-3665).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/fpu/internal.h>

#define X86_CR0_MP 0x00000002	/* wait/fwait honours TS */
#define X86_CR0_EM 0x00000004	/* no x87: every FPU instruction traps */
#define X86_CR0_TS 0x00000008	/* task switched: the next FPU instruction traps */
#define X86_CR0_NE 0x00000020	/* x87 errors as exception 16 */
#define X86_CR4_OSFXSR 0x00000200
#define X86_CR4_OSXMMEXCPT 0x00000400
#define CPUID_FPU (1U << 0)
#define CPUID_FXSR (1U << 24)
#define CPUID_SSE (1U << 25)
#define MXCSR_DEFAULT 0x1f80	/* every SIMD exception masked, round to nearest */

bool have_fpu, have_fxsr;
struct fpu init_fpstate;	/* the registers after fninit: exec's start */

/* copy_fpregs_to_fpstate: the CPU's registers into fpu (fnsave also
 * resets them, so they are loaded back) */
void copy_fpregs_to_fpstate(struct fpu *fpu)
{
	if (have_fxsr)
		__asm__ __volatile__("fxsave %0" : "=m"(fpu->state));
	else
		__asm__ __volatile__("fnsave %0; frstor %0" : "+m"(fpu->state));
}

/* copy_fpstate_to_fpregs: fpu into the CPU's registers */
void copy_fpstate_to_fpregs(const struct fpu *fpu)
{
	if (have_fxsr)
		__asm__ __volatile__("fxrstor %0" : : "m"(fpu->state));
	else
		__asm__ __volatile__("frstor %0" : : "m"(fpu->state));
}

/* fpu__init_system: enable the x87 unit and SSE, record the initial state */
void fpu__init_system(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	have_fpu = d & CPUID_FPU;
	have_fxsr = have_fpu && (d & CPUID_FXSR);
	if (!have_fpu)
		return;		/* CR0.EM stays: user x87 code gets SIGFPE */
	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE);
	if (have_fxsr)
		write_cr4(read_cr4() | X86_CR4_OSFXSR |
			  (d & CPUID_SSE ? X86_CR4_OSXMMEXCPT : 0));
	__asm__ __volatile__("fninit");
	if (d & CPUID_SSE) {
		u32 mxcsr = MXCSR_DEFAULT;

		__asm__ __volatile__("ldmxcsr %0" : : "m"(mxcsr));
	}
	copy_fpregs_to_fpstate(&init_fpstate);
	init_task.thread.fpu = init_fpstate;
	pr_info("x86/fpu: x87%s%s, eager switching\n", have_fxsr ? ", fxsave" : "",
		d & CPUID_SSE ? ", SSE" : "");
}

/* switch_fpu: prev's registers to its task, next's to the CPU (eager) */
void switch_fpu(struct task_struct *prev, struct task_struct *next)
{
	if (!have_fpu)
		return;
	copy_fpregs_to_fpstate(&prev->thread.fpu);
	copy_fpstate_to_fpregs(&next->thread.fpu);
}

/* fpu__copy: fork's child gets the current registers (Linux: in
 * arch_dup_task_struct); the parent's live ones are saved first */
void fpu__copy(struct task_struct *dst)
{
	if (!have_fpu)
		return;
	copy_fpregs_to_fpstate(&current->thread.fpu);
	dst->thread.fpu = current->thread.fpu;
}

/* fpu__clear: exec's reset to the state after fninit (and, for the
 * current task, into the CPU); a new kernel task starts there too */
void fpu__clear(struct task_struct *t)
{
	t->thread.fpu = init_fpstate;
	if (have_fpu && t == current)
		copy_fpstate_to_fpregs(&t->thread.fpu);
}
