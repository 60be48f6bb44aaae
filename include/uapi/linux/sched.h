/*
 * clone's flags (Linux: include/uapi/linux/sched.h): shared by the kernel
 * (kernel/fork.c) and user programs that call clone. The low byte
 * (CSIGNAL) is the signal the child sends its parent when it ends.
 */
#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

#define CSIGNAL			0x000000ff	/* the signal sent to the parent at exit */
#define CLONE_VM		0x00000100	/* share the address space */
#define CLONE_FS		0x00000200	/* share the cwd, root and umask */
#define CLONE_FILES		0x00000400	/* share the descriptor table */
#define CLONE_SIGHAND		0x00000800	/* share the signal actions */
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* the parent sleeps until the child execs or exits */
#define CLONE_PARENT		0x00008000	/* the child gets the caller's parent */
#define CLONE_THREAD		0x00010000	/* same thread group */
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000	/* store the child's pid at parent_tidptr */
#define CLONE_CHILD_CLEARTID	0x00200000	/* clear child_tidptr when the child exits */
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000	/* store the child's pid at child_tidptr, in the child */
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000

#endif
