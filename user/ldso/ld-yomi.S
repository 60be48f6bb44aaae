/*
 * /lib/ld-yomi.so.1: the smallest ELF interpreter, for the tests of
 * dynamic loading (user/tests/interp.c names it in its PT_INTERP). The
 * kernel maps it beside the program and starts here, with the program's
 * stack: argc, argv[], NULL, envp[], NULL, then the auxiliary vector. A
 * real ld.so would map the libraries and relocate; this one only finds
 * AT_ENTRY and jumps there, with the stack untouched and edx = 0 (no exit
 * function for the program to register), as the i386 ABI asks. It is
 * position-independent: it runs wherever get_unmapped_area put it.
 */
#define AT_NULL 0
#define AT_ENTRY 9
#define __NR_exit 1

	.text
	.globl _start
_start:
	movl (%esp), %ecx		/* argc */
	leal 8(%esp,%ecx,4), %edx	/* envp[0] */
1:	movl (%edx), %eax		/* skip envp[] and its NULL */
	addl $4, %edx
	testl %eax, %eax
	jnz 1b
2:	movl (%edx), %eax		/* auxv: find AT_ENTRY */
	cmpl $AT_ENTRY, %eax
	je 3f
	addl $8, %edx
	testl %eax, %eax
	jnz 2b
	movl $__NR_exit, %eax		/* no AT_ENTRY: exit(127) */
	movl $127, %ebx
	int $0x80
3:	movl 4(%edx), %eax
	xorl %edx, %edx
	jmp *%eax

	.section .note.GNU-stack, "", @progbits
