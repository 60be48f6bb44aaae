/* Resource limits: the user API (uapi) and the kernel's default stack limit. */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <uapi/linux/resource.h>

#define _STK_LIM (8UL << 20)	/* default stack limit: 8 MiB */
#define RUSAGE_BOTH (-2)	/* kernel only: a task and its reaped children */

struct task_struct;
void getrusage(struct task_struct *p, int who, struct rusage *r);

#endif
