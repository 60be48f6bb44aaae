/*
 * Error numbers (Linux: include/linux/errno.h): the user-visible list from
 * the uapi headers, plus what only the kernel sees: ERESTARTSYS and friends, and the
 * ERR_PTR convention of returning an error number in a pointer.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/asm-generic/errno.h>

/* kernel-internal, never seen by user space: how an interrupted call ends
 * (arch/x86/kernel/signal.c turns them into -EINTR or a restart) */
#define ERESTARTSYS 512		/* restart if the handler has SA_RESTART, else -EINTR */
#define ERESTARTNOINTR 513	/* always restart */
#define ERESTARTNOHAND 514	/* restart only if no handler ran */
#define ERESTART_RESTARTBLOCK 516	/* no handler ran: restart_syscall (current->restart_block) */

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }

const char *errno_name(int err);	/* "EFAULT", for the tracer */

#endif
