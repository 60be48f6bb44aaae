/*
 * File types and permission bits of st_mode (Linux: include/uapi/linux/stat.h):
 * shared by the kernel and yomi's C library.
 */
#ifndef _UAPI_LINUX_STAT_H
#define _UAPI_LINUX_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		04000
#define S_ISGID		02000
#define S_ISVTX		01000

#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU	0700
#define S_IRUSR	0400
#define S_IWUSR	0200
#define S_IXUSR	0100
#define S_IRWXG	070
#define S_IRGRP	040
#define S_IWGRP	020
#define S_IXGRP	010
#define S_IRWXO	07
#define S_IROTH	04
#define S_IWOTH	02
#define S_IXOTH	01

/* statx's answer (Linux 4.11): 256 bytes; stx_mask says which fields are filled */
struct statx_timestamp {
	long long tv_sec;
	unsigned int tv_nsec;
	int __reserved;
};

struct statx {
	unsigned int stx_mask;
	unsigned int stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink;
	unsigned int stx_uid;
	unsigned int stx_gid;
	unsigned short stx_mode;
	unsigned short __spare0[1];
	unsigned long long stx_ino;
	unsigned long long stx_size;
	unsigned long long stx_blocks;
	unsigned long long stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	unsigned int stx_rdev_major, stx_rdev_minor;
	unsigned int stx_dev_major, stx_dev_minor;
	unsigned long long __spare2[14];
};

#define STATX_TYPE		0x0001
#define STATX_MODE		0x0002
#define STATX_NLINK		0x0004
#define STATX_UID		0x0008
#define STATX_GID		0x0010
#define STATX_ATIME		0x0020
#define STATX_MTIME		0x0040
#define STATX_CTIME		0x0080
#define STATX_INO		0x0100
#define STATX_SIZE		0x0200
#define STATX_BLOCKS		0x0400
#define STATX_BASIC_STATS	0x07ff	/* what stat64 gives */
#define STATX__RESERVED		0x80000000

#endif
