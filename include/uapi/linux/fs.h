/*
 * lseek's whence (Linux: include/uapi/linux/fs.h, which also has
 * SEEK_DATA and SEEK_HOLE; yomi's lseek takes these three only): shared by
 * the kernel (<linux/fs.h>) and yomi's C library (<unistd.h>).
 */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#define SEEK_SET	0	/* from the start of the file */
#define SEEK_CUR	1	/* from the current offset */
#define SEEK_END	2	/* from the end of the file */

#endif
