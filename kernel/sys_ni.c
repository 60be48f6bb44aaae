/* sys_ni_syscall: the "not implemented" system call (Linux: kernel/sys_ni.c). */
#include <linux/errno.h>
#include <linux/syscalls.h>

asmlinkage long sys_ni_syscall(void)
{
	return -ENOSYS;
}
