/*
 * One record of getdents64 (220), struct linux_dirent64, and the file
 * types of its d_type (Linux: include/linux/dirent.h and the DT_* of
 * include/linux/fs.h; Linux keeps both out of its uapi and glibc writes
 * them again in <dirent.h>; here the kernel's fs/readdir.c and yomi's C
 * library share this one copy).
 */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

/* packed: the name starts at byte 19, and d_reclen (the whole record,
 * rounded up to 8) is counted from there */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;		/* the position of the next record */
	unsigned short d_reclen;	/* of this record, name included */
	unsigned char d_type;		/* DT_* */
	char d_name[];			/* NUL-terminated */
} __attribute__((packed));

/* d_type: the file type bits of st_mode (S_IFMT), shifted right by 12 */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

#endif
