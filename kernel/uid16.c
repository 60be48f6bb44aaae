/*
 * The 16-bit user and group id calls (Linux: kernel/uid16.c): the old
 * i386 numbers 24, 47, 49 and 50, from before ids grew to 32 bits. Every
 * process in yomi is root, so they return 0 like their 32-bit twins.
 */
#include <linux/syscalls.h>

SYSCALL_DEFINE0(getuid16)
{
	return 0;
}

SYSCALL_DEFINE0(getgid16)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid16)
{
	return 0;
}

SYSCALL_DEFINE0(getegid16)
{
	return 0;
}
