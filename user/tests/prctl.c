/*
 * test_prctl: PR_SET_NAME and PR_GET_NAME, the task name (comm) that ps
 * and /proc/<pid>/status show: at most 15 bytes, the rest cut off; an
 * unknown option is EINVAL, a bad pointer EFAULT.
 */
#include "sys.h"

#define PR_SET_NAME 15
#define PR_GET_NAME 16

static long sys_prctl(int option, unsigned long arg2)
{
	return syscall(__NR_prctl, option, arg2, 0, 0, 0);
}

int main(void)
{
	char name[16], status[512];

	memset(name, 'x', sizeof(name));
	expect_eq(sys_prctl(PR_GET_NAME, (unsigned long)name), 0, "PR_GET_NAME");
	ok(!strcmp(name, "test_prctl"), "is the program's name");
	expect_eq(sys_prctl(PR_SET_NAME, (unsigned long)"renamed"), 0, "PR_SET_NAME");
	sys_prctl(PR_GET_NAME, (unsigned long)name);
	ok(!strcmp(name, "renamed"), "PR_GET_NAME gives it back");
	read_file("/proc/self/status", status, sizeof(status));
	ok(!strncmp(status, "Name:\trenamed\n", 14), "/proc/self/status shows it");
	sys_prctl(PR_SET_NAME, (unsigned long)"a-name-longer-than-fifteen");
	sys_prctl(PR_GET_NAME, (unsigned long)name);
	ok(!strcmp(name, "a-name-longer-t"), "a long name is cut to 15 bytes");
	expect_errno(sys_prctl(PR_SET_NAME, 0xc0000000), EFAULT, "a kernel pointer: EFAULT");
	expect_errno(sys_prctl(PR_GET_NAME, 0xc0000000), EFAULT, "a kernel buffer: EFAULT");
	expect_errno(sys_prctl(-1, 0), EINVAL, "an unknown option: EINVAL");
	return tap_done();
}
