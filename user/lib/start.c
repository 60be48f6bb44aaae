/*
 * start.c: from the initial stack to main(), and getauxval().
 *
 * __libc_start is called by _start (crt0.S) with the stack pointer the
 * kernel gave the program: argc, argv[], NULL, envp[], NULL, auxv pairs,
 * AT_NULL. It records environ and the auxiliary vector, then calls
 * exit(main(argc, argv, envp)); before main, __vsyscall_init makes system
 * calls go through the vDSO when the kernel gave one. Unlike glibc there are no constructors,
 * no TLS setup and no IRELATIVE relocations to apply.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

char **environ;
static unsigned long *auxv;	/* the (type, value) pairs, ending with AT_NULL */

int main(int argc, char **argv, char **envp);
__attribute__((noreturn)) void __libc_start(unsigned long *sp);
void __vsyscall_init(const unsigned long *auxv);	/* vsyscall.c */

__attribute__((noreturn)) void __libc_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	environ = envp;
	auxv = (unsigned long *)(p + 1);
	__vsyscall_init(auxv);
	exit(main(argc, argv, envp));
}

/* getauxval: the value of an auxiliary vector entry; 0 and ENOENT if the
 * kernel did not supply it (as glibc). */
unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
