/* <sys/syscall.h>: raw system calls. The __NR_* numbers come from the
 * header generated from arch/x86/entry/syscall_32.tbl (glibc spells them
 * SYS_*; here only the kernel's __NR_* names exist).
 *   __syscall()     enters the kernel and returns the raw result
 *                   (-4095..-1 means -errno); always pass all six arguments.
 *   __syscall_ret() turns a raw result into -1 with errno set.
 *   syscall()       glibc's: any number, up to six arguments, -1/errno. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd_32.h>

long __syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall_ret(unsigned long ret);
long syscall(long nr, ...);

#endif
