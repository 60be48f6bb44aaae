/*
 * crt0.S: _start, the entry point of every yomi user program.
 *
 * The kernel (Linux's create_elf_tables, yomi's too) starts a program with
 * esp pointing at argc, followed by argv[0..argc-1], NULL, envp[...], NULL,
 * then the auxiliary vector of (type, value) pairs ending with AT_NULL.
 * _start clears ebp (the end of every backtrace), aligns the stack to 16
 * bytes as the i386 System V ABI asks, and hands that initial stack pointer
 * to __libc_start (user/lib/start.c), which never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movl	%esp, %eax		/* the initial stack: &argc */
	andl	$-16, %esp
	subl	$12, %esp		/* with the push below: 16-byte aligned call */
	pushl	%eax
	call	__libc_start
	hlt				/* not reached: faults if it ever is */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
