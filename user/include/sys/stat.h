/* <sys/stat.h>: struct stat is Linux i386's struct stat64 under POSIX's
 * name (the only one the stat64/lstat64/fstat64/fstatat64 calls fill), so
 * stat() is the 64-bit call under the plain name, as with glibc's
 * _FILE_OFFSET_BITS=64. Times are whole seconds plus a nanosecond field. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>

/* the kernel's definition, read with the tag renamed: so a program must not
 * include <asm/stat.h> itself as well */
#define stat64 stat
#include <asm/stat.h>
#undef stat64

#include <linux/stat.h>

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
mode_t umask(mode_t mask);

#endif
