/* <sys/utsname.h>: uname(2) with Linux's struct new_utsname (syscall 122):
 * six fields of 65 characters. glibc calls the last one __domainname. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

/* struct utsname is the kernel's struct new_utsname, read with the tag
 * renamed: so a program must not include <linux/utsname.h> itself as well */
#define new_utsname utsname
#include <linux/utsname.h>
#undef new_utsname

#define _UTSNAME_LENGTH (__NEW_UTS_LEN + 1)

int uname(struct utsname *buf);

#endif
