/* Resource limits: the user API (uapi) and the kernel's default stack limit. */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <uapi/linux/resource.h>

#define _STK_LIM (8UL << 20)	/* default stack limit: 8 MiB */

#endif
