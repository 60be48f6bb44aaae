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
 * before it (the "restart point" Linux has at the same place).
 */
	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.balign 32
__kernel_vsyscall:
#ifdef SYSENTER
	pushl %ecx
	pushl %edx
	pushl %ebp
	movl %esp, %ebp
	sysenter
	/* fill so the restart point sits right before the return point */
	.space 7, 0x90
	.globl __kernel_vsyscall_restart
__kernel_vsyscall_restart:
	int $0x80
	.globl __kernel_vsyscall_return
__kernel_vsyscall_return:
	popl %ebp
	popl %edx
	popl %ecx
	ret
#else
	int $0x80
	ret
#endif
	.size __kernel_vsyscall, . - __kernel_vsyscall

/*
 * __kernel_sigreturn: a handler without SA_SIGINFO returns here with the
 * signal number on top of the stack; popping it leaves the stack at the
 * frame's sigcontext, where sigreturn (119) expects it.
 * __kernel_rt_sigreturn: the same for rt_sigreturn (173), whose frame
 * needs no pop. The byte sequences are Linux's: debuggers and unwinders
 * recognize a signal frame by them.
 */
	.globl __kernel_sigreturn
	.type __kernel_sigreturn, @function
	.balign 32
__kernel_sigreturn:
	popl %eax
	movl $119, %eax
	int $0x80
	.size __kernel_sigreturn, . - __kernel_sigreturn

	.globl __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn, @function
	.balign 32
__kernel_rt_sigreturn:
	movl $173, %eax
	int $0x80
	.size __kernel_rt_sigreturn, . - __kernel_rt_sigreturn

	.section .note.GNU-stack, "", @progbits
