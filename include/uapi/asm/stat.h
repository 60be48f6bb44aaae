/*
 * Linux i386's struct stat64, what stat64 (195), lstat64 (196), fstat64
 * (197) and fstatat64 (300) fill in (Linux: arch/x86/include/uapi/asm/
 * stat.h, whose older struct stat, for the 16-bit-inode calls yomi does not
 * have, is left out): shared by the kernel (fs/stat.c) and yomi's C
 * library, whose <sys/stat.h> gives it POSIX's name, struct stat.
 */
#ifndef _UAPI_ASM_X86_STAT_H
#define _UAPI_ASM_X86_STAT_H

struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;		/* the low 32 bits of st_ino */
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;	/* in 512-byte units */
	unsigned long st_atime;		/* seconds, and nanoseconds below */
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;
};
_Static_assert(sizeof(struct stat64) == 96, "Linux i386's struct stat64 is 96 bytes");

#endif
