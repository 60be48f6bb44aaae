/*
 * vfork.c: vfork (190), in assembly.
 *
 * On Linux the child of vfork runs in the parent's memory, on the parent's
 * stack, until it execs or exits; only then does the parent continue. So
 * vfork cannot be an ordinary C function: the child would return from it,
 * then call execve, whose frame overwrites the return address the parent
 * will later return through. Here the return address is popped into ecx
 * (the kernel preserves it) before entering the kernel and jumped to
 * afterwards, so nothing on the stack is needed after the call. For the same
 * reason this enters with `int $0x80` directly, not through
 * __kernel_vsyscall: that routine saves registers on the (shared) stack and
 * restores them after sysexit, by which time the child has overwritten them
 * (glibc's i386 vfork does the same). yomi's vfork gives the child a copy of
 * the memory, where any of this would work; Linux's does not.
 */
#include <sys/syscall.h>

#define STR(x) #x
#define XSTR(x) STR(x)

__asm__(
	"	.text\n"
	"	.globl	vfork\n"
	"	.type	vfork, @function\n"
	"vfork:\n"
	"	popl	%ecx\n"			/* the return address */
	"	movl	$" XSTR(__NR_vfork) ", %eax\n"
	"	int	$0x80\n"
	"	cmpl	$-4095, %eax\n"
	"	jae	1f\n"
	"	jmp	*%ecx\n"		/* pid, or 0 in the child */
	"1:	negl	%eax\n"
	"	movl	%eax, errno\n"
	"	movl	$-1, %eax\n"
	"	jmp	*%ecx\n"
	"	.size	vfork, . - vfork\n");
