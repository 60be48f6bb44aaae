/*
 * What uname (122, newuname) fills in: Linux's struct new_utsname, six
 * NUL-terminated fields of 65 bytes (Linux: include/uapi/linux/utsname.h,
 * without the older layouts of the olduname calls yomi does not have):
 * shared by the kernel (kernel/sys.c) and yomi's C library, whose
 * <sys/utsname.h> gives it POSIX's name, struct utsname.
 */
#ifndef _UAPI_LINUX_UTSNAME_H
#define _UAPI_LINUX_UTSNAME_H

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];	/* "yomi" (Linux: "Linux") */
	char nodename[__NEW_UTS_LEN + 1];	/* the host name */
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];	/* "i686" */
	char domainname[__NEW_UTS_LEN + 1];	/* glibc's __domainname */
};

#endif
