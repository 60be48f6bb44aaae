/* <sys/wait.h>: waiting for children, with Linux's status word: the exit
 * code in bits 8-15 and 0 below, or the killing signal in the low 7 bits
 * (bit 7 set if it dumped core), or 0x7f below a stop signal. wait4
 * reports the child's usage in a struct rusage (<sys/resource.h>). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>

#include <linux/wait.h>	/* WNOHANG, WUNTRACED, ... */

#define WIFEXITED(s)	(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)	((s) & 0x7f)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WIFCONTINUED(s)	((s) == 0xffff)

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
