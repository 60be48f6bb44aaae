/*
 * The system call table (Linux: arch/x86/entry/syscall_32.c).
 *
 * Every slot is first filled with sys_ni_syscall by a GCC range designator;
 * then the lines generated from syscall_32.tbl, each expanding to
 * "[nr] = entry,", override the implemented slots. A later designator for
 * the same index wins, which is exactly what makes this work - and what
 * GCC's -Woverride-init would warn about, so it is off for this file, as
 * Linux turns it off for the same file.
 */
#include <linux/compiler.h>
#include <asm/syscall.h>
#include <asm/unistd_32.h>

#pragma GCC diagnostic ignored "-Woverride-init"

/*
 * Declare every entry point with the table's type. The real definitions
 * (SYSCALL_DEFINEn) have other argument lists, which is why, as in Linux,
 * this file does not include <linux/syscalls.h>.
 */
#define __SYSCALL_I386(nr, sym) \
	extern asmlinkage long sym(unsigned long, unsigned long, unsigned long, \
				   unsigned long, unsigned long, unsigned long);
#include <asm/syscalls_32.h>
#undef __SYSCALL_I386

extern asmlinkage long sys_ni_syscall(unsigned long, unsigned long, unsigned long,
				      unsigned long, unsigned long, unsigned long);

#define __SYSCALL_I386(nr, sym) [nr] = sym,

const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	[0 ... __NR_syscall_max] = &sys_ni_syscall,
#include <asm/syscalls_32.h>
};
