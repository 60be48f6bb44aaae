/*
 * The FPU state in a signal frame (Linux: arch/x86/kernel/fpu/signal.c).
 * The frame's struct _fpstate starts with the old fnsave image (108
 * bytes) and, with FXSR, carries the whole fxsave image after it, as on
 * Linux i386. Linux also appends the xsave extensions (AVX...); yomi
 * switches only the fxsave state, so its frames stop at the fxsave image.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include <asm/fpu/internal.h>
#include <uapi/asm/sigcontext.h>

#define FNSAVE_SIZE 108		/* the fnsave image: env (28 bytes) and 8 registers */
#define FXSR_HEADER offsetof(struct _fpstate, _fxsr_env)	/* 112 */

/* fpu_tag: the full 2-bit tag fnsave gives an in-use register: valid 0, zero 1, special 2 */
static unsigned int fpu_tag(const struct _fpxreg *r)
{
	unsigned int exp = r->exponent & 0x7fff;
	bool zero = !(r->significand[0] | r->significand[1] | r->significand[2] |
		      r->significand[3]);

	if (exp == 0x7fff)
		return 2;
	if (exp == 0)
		return zero ? 1 : 2;
	return (r->significand[3] & 0x8000) ? 0 : 2;
}

/* convert_from_fxsr: the fnsave-format head of the frame, from an fxsave image */
static void convert_from_fxsr(struct _fpstate *env, const struct fxregs_state *fx)
{
	const struct _fpxreg *st = (const struct _fpxreg *)fx->st_space;
	unsigned int top = (fx->swd >> 11) & 7, tag = 0, i;

	for (i = 0; i < 8; i++) {	/* i: physical register; st[] is by stack position */
		unsigned int t = 3;	/* empty */

		if (fx->twd & (1 << i))
			t = fpu_tag(&st[(i - top) & 7]);
		tag |= t << (2 * i);
	}
	env->cw = 0xffff0000u | fx->cwd;
	env->sw = 0xffff0000u | fx->swd;
	env->tag = 0xffff0000u | tag;
	env->ipoff = fx->fip;
	env->cssel = (fx->fcs & 0xffff) | ((u32)fx->fop << 16);
	env->dataoff = fx->foo;
	env->datasel = 0xffff0000u | fx->fos;
	for (i = 0; i < 8; i++)
		memcpy(&env->_st[i], &st[i], sizeof(env->_st[i]));
	env->status = fx->swd;
	env->magic = X86_FXSR_MAGIC;
}

/*
 * copy_fpstate_to_sigframe: the current registers into the frame at buf
 * (0, or -EFAULT). The registers are saved into the task first, then
 * copied from that snapshot, so a page fault that sleeps in the middle
 * changes nothing.
 */
int copy_fpstate_to_sigframe(struct _fpstate __user *buf)
{
	struct fpu *fpu = &current->thread.fpu;
	struct _fpstate head;

	copy_fpregs_to_fpstate(fpu);
	if (!have_fxsr)
		return copy_to_user(buf, &fpu->state, FNSAVE_SIZE) ? -EFAULT : 0;
	memset(&head, 0, FXSR_HEADER);
	convert_from_fxsr(&head, &fpu->state);
	if (copy_to_user(buf, &head, FXSR_HEADER) ||
	    copy_to_user(&buf->_fxsr_env, &fpu->state, sizeof(fpu->state)))
		return -EFAULT;
	return 0;
}

/* mxcsr_mask: the MXCSR bits this CPU accepts (fxrstor of any other is #GP) */
static u32 mxcsr_mask(void)
{
	return init_fpstate.state.mxcsr_mask ? init_fpstate.state.mxcsr_mask : 0xffbf;
}

/*
 * fpu__restore_sig: sigreturn's FPU state, from the frame at buf (NULL:
 * back to the initial state). Read into a kernel copy first; reserved
 * MXCSR bits are cleared so fxrstor cannot fault in the kernel. An fnsave-only
 * frame (magic 0xffff) on an FXSR CPU is not converted back: the task
 * gets the initial state instead (Linux converts it).
 */
int fpu__restore_sig(const struct _fpstate __user *buf)
{
	struct fpu f;
	unsigned short magic;
	unsigned long flags;

	if (!have_fpu)
		return 0;
	if (!buf) {
		fpu__clear(current);
		return 0;
	}
	f = init_fpstate;
	if (have_fxsr) {
		if (get_user(magic, &buf->magic))
			return -EFAULT;
		if (magic == X86_FXSR_MAGIC &&
		    copy_from_user(&f.state, &buf->_fxsr_env, sizeof(f.state)))
			return -EFAULT;
		f.state.mxcsr &= mxcsr_mask();
	} else if (copy_from_user(&f.state, buf, FNSAVE_SIZE)) {
		return -EFAULT;
	}
	flags = local_irq_save();
	current->thread.fpu = f;
	copy_fpstate_to_fpregs(&current->thread.fpu);
	local_irq_restore(flags);
	return 0;
}
