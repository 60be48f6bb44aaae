/*
 * open flags, fcntl commands and the *at() conventions, Linux i386 values
 * (Linux: include/uapi/asm-generic/fcntl.h, uapi/linux/fcntl.h): shared by
 * the kernel and yomi's C library.
 */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#define O_RDONLY	00
#define O_WRONLY	01
#define O_RDWR		02
#define O_ACCMODE	03
#define O_CREAT		0100
#define O_EXCL		0200
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_LARGEFILE	0100000
#define O_DIRECTORY	0200000
#define O_NOFOLLOW	0400000
#define O_CLOEXEC	02000000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define F_SETPIPE_SZ	1031	/* Linux: F_LINUX_SPECIFIC_BASE + 7 */
#define F_GETPIPE_SZ	1032
#define FD_CLOEXEC	1

#define AT_FDCWD	(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_EACCESS		0x200
#define AT_NO_AUTOMOUNT		0x800	/* (no automounts here: accepted, ignored) */
#define AT_EMPTY_PATH		0x1000	/* "" names dfd itself */
#define AT_STATX_SYNC_TYPE	0x6000	/* statx: how fresh; both bits is invalid */

#endif
