/*
 * Signal delivery on i386 (Linux: arch/x86/kernel/signal.c,
 * arch/x86/include/asm/sigframe.h): the frames a handler runs on, the
 * return through sigreturn/rt_sigreturn, and the restart of interrupted
 * system calls.
 *
 * A handler without SA_SIGINFO gets a struct sigframe (its argument, the
 * signal number, then a sigcontext); with SA_SIGINFO a struct rt_sigframe
 * (pointers to a siginfo_t and a ucontext). The x87/SSE state goes below
 * the frame, 64-byte aligned, as on Linux. The handler "returns" to the
 * frame's pretcode: SA_RESTORER's function, else the vDSO's
 * __kernel_sigreturn/__kernel_rt_sigreturn, else (no vDSO) the eight
 * bytes of retcode in the frame itself. Differences from Linux: no vm86,
 * no xsave extensions, and rt_sigreturn does not restore uc_stack.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <asm/unistd_32.h>
#include <asm/vdso.h>
#include <asm/fpu/internal.h>
#include <uapi/asm/sigcontext.h>
#include <uapi/asm/siginfo.h>

/* the flags a handler's sigreturn may change (Linux's FIX_EFLAGS): not IF, IOPL, NT, VM */
#define FIX_EFLAGS 0x00050dd5	/* AC RF OF DF TF SF ZF AF PF CF */
#define X86_EFLAGS_DF 0x00000400
#define X86_EFLAGS_RF 0x00010000

/* struct sigframe: what a plain handler finds at its stack pointer */
struct sigframe {
	u32 pretcode;		/* where the handler returns */
	int sig;		/* its argument */
	struct sigcontext sc;
	struct _fpstate fpstate_unused;	/* kept for the layout; the state is below the frame */
	unsigned long extramask[1];	/* the blocked mask's second word */
	char retcode[8];	/* popl %eax; movl $119,%eax; int $0x80 */
};

/* struct rt_sigframe: what an SA_SIGINFO handler finds */
struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo;		/* &info: the handler's second argument */
	u32 puc;		/* &uc: the third */
	siginfo_t info;
	struct ucontext uc;
	char retcode[8];	/* movl $173,%eax; int $0x80 */
};

static const char sigreturn_code[8] = { 0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80 };
static const char rt_sigreturn_code[8] = { 0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0 };

/*
 * get_sigframe: where the frame goes: below the interrupted stack pointer,
 * or at the top of the alternate stack for an SA_ONSTACK handler not
 * already on it. The FPU state sits under it, 64-byte aligned; the frame
 * below that, aligned so that the handler starts as a called function
 * would ((sp + 4) % 16 == 0). NULL when an alternate stack would
 * overflow (SIGSEGV, as on Linux).
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t size,
				 struct _fpstate __user **fpstate)
{
	unsigned long sp = regs->sp;
	bool onstack = on_sig_stack(sp);

	if ((ksig->ka.sa_flags & SA_ONSTACK) && current->sas_ss_size && !onstack) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		onstack = true;
	}
	*fpstate = NULL;
	if (have_fpu) {
		sp = (sp - sizeof(struct _fpstate)) & ~63UL;
		*fpstate = (struct _fpstate __user *)sp;
	}
	sp = ((sp - size + 4) & ~15UL) - 4;
	if (onstack && !on_sig_stack(sp))
		return NULL;
	return (void __user *)sp;
}

/* setup_sigcontext: the interrupted registers, in struct sigcontext's form */
static void setup_sigcontext(struct sigcontext *sc, struct _fpstate __user *fpstate,
			     struct pt_regs *regs, unsigned long mask, const struct ksignal *ksig)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->sp = regs->sp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->cx = regs->cx;
	sc->ax = regs->ax;
	sc->ip = regs->ip;
	sc->cs = regs->cs;
	sc->flags = regs->flags;
	sc->sp_at_signal = regs->sp;
	sc->ss = regs->ss;
	sc->fpstate = (struct _fpstate *)fpstate;
	sc->oldmask = mask;
	if (ksig->sig == SIGSEGV || ksig->sig == SIGBUS)
		sc->cr2 = ksig->info.addr;
}

/* the blocked mask the handler's return restores */
static unsigned long sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask : current->sig_blocked;
}

/* the address the handler returns to (see the top of the file) */
static u32 sigreturn_address(const struct ksignal *ksig, void __user *retcode, bool rt)
{
	unsigned long vdso = vdso_sym_sigreturn(rt);

	if (ksig->ka.sa_flags & SA_RESTORER)
		return (u32)ksig->ka.sa_restorer;
	return vdso ? vdso : (u32)retcode;
}

/* setup_frame: a struct sigframe on the user stack; 0 or -EFAULT */
static noinline int setup_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct _fpstate __user *fpstate;
	struct sigframe __user *frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	struct sigcontext sc;
	u32 head[2];

	if (!frame)
		return -EFAULT;
	setup_sigcontext(&sc, fpstate, regs, sigmask_to_save(), ksig);
	head[0] = sigreturn_address(ksig, frame->retcode, false);
	head[1] = ksig->sig;
	if (copy_to_user(frame, head, sizeof(head)) ||
	    copy_to_user(&frame->sc, &sc, sizeof(sc)) ||
	    put_user(0UL, &frame->extramask[0]) ||
	    copy_to_user(frame->retcode, sigreturn_code, sizeof(sigreturn_code)) ||
	    (fpstate && copy_fpstate_to_sigframe(fpstate)))
		return -EFAULT;
	regs->sp = (unsigned long)frame;
	regs->ax = ksig->sig;	/* the handler's argument in eax too, as Linux's regparm(3) */
	regs->dx = 0;
	regs->cx = 0;
	return 0;
}

/* copy_siginfo_to_user: a kernel_siginfo as a 128-byte siginfo_t */
static int copy_siginfo_to_user(siginfo_t __user *to, int sig, const struct kernel_siginfo *from)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = from->code;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE) {
		info.si_addr = (void *)from->addr;
	} else {
		info.si_pid = from->pid;
		info.si_uid = from->uid;
		info.si_status = from->status;
	}
	return copy_to_user(to, &info, sizeof(info)) ? -EFAULT : 0;
}

/* setup_rt_frame: a struct rt_sigframe on the user stack; 0 or -EFAULT */
static noinline int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct _fpstate __user *fpstate;
	struct rt_sigframe __user *frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	struct ucontext uc;
	u32 head[4];

	if (!frame)
		return -EFAULT;
	memset(&uc, 0, sizeof(uc));
	uc.uc_stack.ss_sp = (void *)current->sas_ss_sp;
	uc.uc_stack.ss_size = current->sas_ss_size;
	uc.uc_stack.ss_flags = on_sig_stack(regs->sp) ? SS_ONSTACK :
			       current->sas_ss_size ? 0 : SS_DISABLE;
	setup_sigcontext(&uc.uc_mcontext, fpstate, regs, sigmask_to_save(), ksig);
	uc.uc_sigmask[0] = sigmask_to_save();
	head[0] = sigreturn_address(ksig, frame->retcode, true);
	head[1] = ksig->sig;
	head[2] = (u32)&frame->info;
	head[3] = (u32)&frame->uc;
	if (copy_to_user(frame, head, sizeof(head)) ||
	    copy_siginfo_to_user(&frame->info, ksig->sig, &ksig->info) ||
	    copy_to_user(&frame->uc, &uc, sizeof(uc)) ||
	    copy_to_user(frame->retcode, rt_sigreturn_code, sizeof(rt_sigreturn_code)) ||
	    (fpstate && copy_fpstate_to_sigframe(fpstate)))
		return -EFAULT;
	regs->sp = (unsigned long)frame;
	regs->ax = ksig->sig;
	regs->dx = head[2];
	regs->cx = head[3];
	return 0;
}

/*
 * handle_signal: run ksig's handler on return to user mode. An
 * interrupted system call first gets its result: -EINTR, or a restart
 * (SA_RESTART, or -ERESTARTNOINTR) by stepping eip back over the
 * two-byte int $0x80 - or, for a sysenter call, onto the vDSO's int $0x80
 * restart point just before its return point. Then the frame, and the
 * registers that enter the handler with the flags Linux clears.
 */
static noinline void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTART_RESTARTBLOCK:
			current->restart_block.fn = NULL;
			/* fall through */
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			/* fall through */
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	if (ksig->ka.sa_flags & SA_SIGINFO)
		failed = setup_rt_frame(ksig, regs);
	else
		failed = setup_frame(ksig, regs);
	if (!failed) {
		regs->ip = (unsigned long)ksig->ka.sa_handler;
		regs->ds = regs->es = regs->ss = __USER_DS;
		regs->cs = __USER_CS;
		regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
		fpu__clear(current);	/* the handler starts with a clean FPU */
	}
	signal_setup_done(failed, ksig);
}

/*
 * arch_do_signal_or_restart: the signal work before a return to user
 * mode (Linux's name since 5.11; do_signal before). A handler to run gets
 * its frame; otherwise an interrupted system call is restarted - a stop
 * or an ignored signal does not end it; an interrupted sleep goes on
 * through restart_syscall - and rt_sigsuspend's mask comes back.
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = __NR_restart_syscall;
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();
}

/*
 * restore_sigcontext: the registers from a frame the user may have
 * changed at will, made safe: segment selectors get RPL 3 (a bad one
 * is replaced by a null one when popped, see RESTORE_REGS), cs and ss
 * are the user's, and only the arithmetic and trap flags come from the
 * frame - never IF, IOPL or NT. orig_ax = -1: no system call to restart.
 */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext __user *usc)
{
	struct sigcontext sc;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	regs->gs = sc.gs | 3;
	regs->fs = sc.fs | 3;
	regs->es = sc.es | 3;
	regs->ds = sc.ds | 3;
	regs->di = sc.di;
	regs->si = sc.si;
	regs->bp = sc.bp;
	regs->sp = sc.sp;
	regs->bx = sc.bx;
	regs->dx = sc.dx;
	regs->cx = sc.cx;
	regs->ax = sc.ax;
	regs->ip = sc.ip;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1;
	return fpu__restore_sig((const struct _fpstate __user *)sc.fpstate);
}

/* a frame sigreturn cannot use: the process dies of SIGSEGV (Linux: "badframe") */
static long badframe(struct pt_regs *regs)
{
	force_sig(SIGSEGV);
	return regs->ax;
}

/*
 * sigreturn (119): back from a plain handler. __kernel_sigreturn popped
 * the signal number, so the sigcontext is 8 bytes below the stack pointer.
 * The result is the restored eax, so that the entry code keeps it.
 */
SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe __user *frame = (struct sigframe __user *)(regs->sp - 8);
	unsigned long mask;

	if (get_user(mask, &frame->sc.oldmask))
		return badframe(regs);
	set_current_blocked(mask);
	if (restore_sigcontext(regs, &frame->sc))
		return badframe(regs);
	return regs->ax;
}

/* rt_sigreturn (173): back from an SA_SIGINFO handler; the frame is 4 bytes down */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - 4);
	unsigned long mask;

	if (get_user(mask, &frame->uc.uc_sigmask[0]))
		return badframe(regs);
	set_current_blocked(mask);
	if (restore_sigcontext(regs, &frame->uc.uc_mcontext))
		return badframe(regs);
	return regs->ax;
}
