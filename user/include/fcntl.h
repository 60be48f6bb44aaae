/* <fcntl.h>: open flags, fcntl commands and the *at() conventions with
 * Linux i386's values (asm-generic/fcntl.h). open() and openat() take the
 * mode as a variadic argument as POSIX says; there is no O_LARGEFILE
 * distinction (every offset the kernel keeps is 64-bit already). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include <linux/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
