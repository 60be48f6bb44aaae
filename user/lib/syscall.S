/*
 * syscall.S: __syscall(nr, a1, a2, a3, a4, a5, a6), the one place in the
 * C library that enters the kernel.
 *
 * Linux i386 ABI: the number in eax, arguments in ebx, ecx, edx, esi, edi,
 * ebp, `int $0x80`, the result in eax (-4095..-1 is -errno). ebx, esi, edi
 * and ebp are callee-saved in the C calling convention, so they are saved
 * around the call. Every wrapper passes all six arguments, so reading them
 * from the stack is always defined.
 *
 * The kernel is entered through __vsyscall_entry: __libc_start sets it to
 * __kernel_vsyscall in the vDSO (AT_SYSINFO, which uses sysenter when the
 * CPU has it) before main when the auxiliary vector has that entry; until
 * then, and when there is no vDSO (vm.vdso_enabled=0), it points at
 * __int80 below, the library's only `int $0x80` (vfork.c has the other one,
 * for the reason given there). Both take the same registers and return
 * with all but eax preserved, as glibc's _dl_sysinfo does.
 */
	.text
	.globl	__syscall
	.type	__syscall, @function
__syscall:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax		/* nr (4 saved registers + return address) */
	movl	24(%esp), %ebx		/* a1 */
	movl	28(%esp), %ecx		/* a2 */
	movl	32(%esp), %edx		/* a3 */
	movl	36(%esp), %esi		/* a4 */
	movl	40(%esp), %edi		/* a5 */
	movl	44(%esp), %ebp		/* a6 */
	call	*__vsyscall_entry
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	__syscall, . - __syscall

/* __int80: the entry used without a vDSO; a leaf, like __kernel_vsyscall */
	.globl	__int80
	.type	__int80, @function
__int80:
	int	$0x80
	ret
	.size	__int80, . - __int80

	.data
	.align	4
	.globl	__vsyscall_entry
	.type	__vsyscall_entry, @object
__vsyscall_entry:
	.long	__int80
	.size	__vsyscall_entry, 4

	.section .note.GNU-stack, "", @progbits
