/* <dirent.h>: reading directories through getdents64 (220). struct dirent
 * has the layout of the kernel's struct linux_dirent64 (<linux/dirent.h>,
 * which also gives the DT_* types), so readdir() returns a pointer
 * straight into the buffer of records it read (the name is as long as the
 * record, not always 256 bytes). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

struct dirent {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;	/* of this record, name included */
	unsigned char d_type;		/* DT_* */
	char d_name[256];
};

#include <linux/dirent.h>

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);
int getdents64(int fd, void *buf, size_t count);

#endif
