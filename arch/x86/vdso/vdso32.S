/*
 * The system call entry of the 32-bit vDSO (Linux: arch/x86/entry/vdso/
 * vdso32/system_call.S) and the signal return trampolines (Linux:
 * vdso32/sigreturn.S) that a handler returns to when it gave no
 * SA_RESTORER. Built twice: with SYSENTER defined,
 * __kernel_vsyscall enters the kernel with sysenter; without, with
 * int $0x80. The kernel picks the image at boot from CPUID.
 *
 * The sysenter path: the caller's ecx, edx and ebp are saved on the user
 * stack and ebp carries the stack pointer (sysenter does not save it).
 * The kernel returns with sysexit to __kernel_vsyscall_return, or - when
 * a system call must be restarted - with iret to the int $0x80 just
 * before it (the "restart point" Linux has at the same place). CFI (each
 * push's or pop's on the next line) lets a debugger unwind through it. */
	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.balign 32
__kernel_vsyscall: .cfi_startproc
#ifdef SYSENTER
	pushl %ecx
	.cfi_adjust_cfa_offset 4; .cfi_rel_offset ecx, 0; pushl %edx
	.cfi_adjust_cfa_offset 4; .cfi_rel_offset edx, 0; pushl %ebp
	.cfi_adjust_cfa_offset 4; .cfi_rel_offset ebp, 0; movl %esp, %ebp
	sysenter
	/* fill so the restart point sits right before the return point */
	.space 7, 0x90
	.globl __kernel_vsyscall_restart
__kernel_vsyscall_restart:
	int $0x80
	.globl __kernel_vsyscall_return
__kernel_vsyscall_return:
	popl %ebp
	.cfi_adjust_cfa_offset -4; .cfi_restore ebp; popl %edx
	.cfi_adjust_cfa_offset -4; .cfi_restore edx; popl %ecx
	.cfi_adjust_cfa_offset -4; .cfi_restore ecx; ret
#else
	int $0x80
	ret
#endif
	.cfi_endproc
	.size __kernel_vsyscall, . - __kernel_vsyscall

/*
 * __kernel_sigreturn: a handler without SA_SIGINFO returns here with the
 * signal number on top of the stack; popping it leaves the stack at the
 * frame's sigcontext, where sigreturn (119) expects it.
 * __kernel_rt_sigreturn: the same for rt_sigreturn (173), whose frame
 * needs no pop. The byte sequences are Linux's: debuggers and unwinders
 * recognize a signal frame by them.
 *
 * Their unwind information (Linux's is hand-written .eh_frame, here CFI
 * directives) marks them as signal frames and says where the interrupted
 * registers are: in the sigcontext, 4 bytes above the stack pointer for
 * sigreturn (0 after the pop), 160 for rt_sigreturn (the rest of the
 * rt_sigframe: sig, pinfo, puc, the 128-byte siginfo, and the ucontext's
 * uc_flags, uc_link and uc_stack). The rules start one byte before each
 * entry point (in the alignment's padding), as Linux's do, because a
 * debugger looks up a return address minus one.
 */
#define SC(reg) (4 * (reg))	/* a word of struct sigcontext: gs fs es ds di si bp sp bx dx cx ax trapno err ip cs flags */
#define SIGCONTEXT_CFI				\
	.cfi_signal_frame;			\
	.cfi_offset 0, SC(11);	/* eax */	\
	.cfi_offset 1, SC(10);	/* ecx */	\
	.cfi_offset 2, SC(9);	/* edx */	\
	.cfi_offset 3, SC(8);	/* ebx */	\
	.cfi_offset 4, SC(7);	/* esp */	\
	.cfi_offset 5, SC(6);	/* ebp */	\
	.cfi_offset 6, SC(5);	/* esi */	\
	.cfi_offset 7, SC(4);	/* edi */	\
	.cfi_offset 8, SC(14);	/* eip */	\
	.cfi_offset 9, SC(16)	/* eflags */

	.cfi_startproc simple
	.cfi_def_cfa 4, 4	/* the sigcontext: esp + 4 */
	SIGCONTEXT_CFI
	.balign 32
	.globl __kernel_sigreturn
	.type __kernel_sigreturn, @function
__kernel_sigreturn:
	popl %eax
	.cfi_def_cfa_offset 0
	movl $119, %eax
	int $0x80
	.size __kernel_sigreturn, . - __kernel_sigreturn
	.cfi_endproc

	.cfi_startproc simple
	.cfi_def_cfa 4, 160	/* the rt_sigframe's uc.uc_mcontext */
	SIGCONTEXT_CFI
	.balign 32
	.globl __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn, @function
__kernel_rt_sigreturn:
	movl $173, %eax
	int $0x80
	.size __kernel_rt_sigreturn, . - __kernel_rt_sigreturn
	.cfi_endproc

	.section .note.GNU-stack, "", @progbits
