/*
 * wait4's and waitid's options and waitid's id types (Linux:
 * include/uapi/linux/wait.h): shared by the kernel (kernel/exit.c) and
 * yomi's C library (<sys/wait.h>, which adds the status macros).
 */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG		0x00000001	/* return 0 at once if no child has ended */
#define WUNTRACED	0x00000002	/* report stopped children too */
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008	/* report children continued by SIGCONT */
#define WNOWAIT		0x01000000	/* leave the child waitable */

#define __WNOTHREAD	0x20000000	/* only this thread's children */
#define __WALL		0x40000000	/* any child, whatever its exit signal */
#define __WCLONE	0x80000000	/* only children whose exit signal is not SIGCHLD */

/* waitid's idtype */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

#endif
