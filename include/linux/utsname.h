/* struct new_utsname, what uname(2) returns (Linux: include/linux/utsname.h;
 * the layout is the uapi header's). */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <uapi/linux/utsname.h>

#endif
