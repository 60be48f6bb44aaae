/*
 * Pipes as rings of pages (Linux: include/linux/pipe_fs_i.h). A pipe holds
 * ring_size slots, a power of two; each slot in use is a pipe_buffer: one
 * page and the part of it still unread. head and tail count slots ever
 * filled and emptied (slot = index & (ring_size - 1)), so the ring is
 * empty when they are equal and full when head - tail == ring_size. An
 * emptied slot keeps its page for the next write. Linux frees it (but
 * for one spare, tmp_page), and keeps max_usage, splice's buffer
 * operations and per-user accounting; yomi's ring is always used whole,
 * and a slot holds either a page of the pipe's own (CAN_MERGE) or a
 * file's page lent by sendfile.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/types.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS 16		/* 64 KiB: Linux's default capacity */

struct page;
struct file;

#define PIPE_BUF_FLAG_CAN_MERGE 0x10	/* the pipe's own page: writes may add to it */

/* pipe_buffer: one slot of the ring, len bytes unread at offset in page
 * (a free slot may still hold a spare page of the pipe's, with len 0) */
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
	unsigned int flags;
};

/* pipe_inode_info: the pipe both ends share */
struct pipe_inode_info {
	struct pipe_buffer *bufs;
	unsigned int head, tail;	/* slots ever filled, ever emptied */
	unsigned int ring_size;		/* slots: a power of two */
	int readers, writers;
	struct wait_queue_head rd_wait, wr_wait;	/* readers wait, writers wait */
};

/* pipe_max_size: /proc/sys/fs/pipe-max-size, 1 MiB; Linux holds tasks
 * without CAP_SYS_RESOURCE to it in F_SETPIPE_SZ, yomi has no such tasks */
extern int pipe_max_size;
/* pipe_max_size_changed: round a new pipe-max-size as F_SETPIPE_SZ rounds */
void pipe_max_size_changed(void);

/* get_pipe_info: the pipe behind an open file, or NULL */
struct pipe_inode_info *get_pipe_info(struct file *file);
/* pipe_fcntl: F_SETPIPE_SZ and F_GETPIPE_SZ */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
/* pipe_splice_page: lend len bytes of page at offset to the pipe (sendfile) */
ssize_t pipe_splice_page(struct file *file, struct page *page, unsigned int offset,
			 unsigned int len);

#endif
