/*
 * Pipes (Linux: fs/pipe.c). A pipe is a ring of pages shared by a read end
 * and a write end (include/linux/pipe_fs_i.h): a write fills whole pages
 * into free slots, first adding what does not fill a page to the last
 * page when it fits there whole; a read empties slots from the tail. A
 * reader sleeps while the pipe is empty and writers exist, and sees end
 * of file once all writers are gone; a writer sleeps while every slot is
 * taken, and gets EPIPE plus SIGPIPE when no reader is left. A write of
 * up to PIPE_BUF bytes lands in one page, so it is never interleaved.
 * Each call wakes the other side once, not once per page. Like Linux, 16
 * slots (64 KiB) by default, F_SETPIPE_SZ to change it. sendfile lends a
 * file's pages to the pipe instead of copying them (pipe_splice_page).
 * Unlike Linux: no splice or vmsplice calls, and every task may grow a
 * pipe past pipe-max-size (yomi has no unprivileged users).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define PIPE_SIZE_LIMIT (1UL << 31)	/* round_pipe_size refuses more */

int pipe_max_size = 1048576;

static bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail >= pipe->ring_size;
}

static struct pipe_buffer *pipe_buf(struct pipe_inode_info *pipe, unsigned int index)
{
	return &pipe->bufs[index & (pipe->ring_size - 1)];
}

/*
 * pipe_read: empty slots from the tail into ubuf until count bytes or the
 * pipe is empty. A fault stops it, with the bytes read before it, or
 * EFAULT having consumed nothing (as Linux).
 */
static ssize_t pipe_read(struct file *f, char __user *ubuf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	ssize_t done = 0;
	int err;

	(void)pos;
	if (!count)
		return 0;
	err = wait_event_interruptible(pipe->rd_wait, !pipe_empty(pipe) || !pipe->writers ||
				       (f->f_flags & O_NONBLOCK));
	if (err)
		return err;
	if (pipe_empty(pipe))
		return pipe->writers ? -EAGAIN : 0;
	while ((size_t)done < count && !pipe_empty(pipe)) {
		struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
		size_t n = min((size_t)buf->len, count - done);

		if (copy_to_user(ubuf + done, (char *)page_address(buf->page) + buf->offset, n)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		buf->offset += n;
		buf->len -= n;
		done += n;
		if (buf->len)
			continue;
		if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE)) {
			put_page(buf->page);	/* a file's page, lent by sendfile */
			buf->page = NULL;
		}
		pipe->tail++;		/* the pipe's own page stays for a later write */
	}
	wake_up(&pipe->wr_wait);
	return done;
}

/* pipe_merge: add the first chars bytes to the last page if it is the
 * pipe's own and they fit there whole */
static ssize_t pipe_merge(struct pipe_inode_info *pipe, const char __user *src, size_t chars)
{
	struct pipe_buffer *buf;

	if (!chars || pipe_empty(pipe))
		return 0;
	buf = pipe_buf(pipe, pipe->head - 1);
	if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE) || buf->offset + buf->len + chars > PAGE_SIZE)
		return 0;
	if (copy_from_user((char *)page_address(buf->page) + buf->offset + buf->len, src, chars))
		return -EFAULT;
	buf->len += chars;
	return chars;
}

/*
 * pipe_push: fill the free slot at head with up to a page of src; the
 * bytes, or -errno. The slot keeps the page an earlier read emptied, so
 * a pipe in steady use allocates nothing (Linux keeps one spare page,
 * tmp_page, and frees the others).
 */
static ssize_t pipe_push(struct pipe_inode_info *pipe, const char __user *src, size_t n)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->head);

	if (!buf->page && !(buf->page = alloc_page(GFP_KERNEL)))
		return -ENOMEM;
	n = min(n, PAGE_SIZE);
	if (copy_from_user(page_address(buf->page), src, n))
		return -EFAULT;		/* a partial page is dropped, as Linux */
	buf->offset = 0;
	buf->len = n;
	buf->flags = PIPE_BUF_FLAG_CAN_MERGE;
	pipe->head++;
	return n;
}

/*
 * pipe_wait_slot: wait until a slot is free: 0, or -EPIPE (and SIGPIPE)
 * once no reader is left, -EAGAIN for O_NONBLOCK, -ERESTARTSYS for a
 * signal. Readers are woken before the writer sleeps, so that they drain
 * what it wrote so far.
 */
static int pipe_wait_slot(struct file *f, struct pipe_inode_info *pipe)
{
	int err;

	for (;;) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			return -EPIPE;
		}
		if (!pipe_full(pipe))
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wake_up(&pipe->rd_wait);
		err = wait_event_interruptible(pipe->wr_wait, !pipe_full(pipe) || !pipe->readers);
		if (err)
			return err;
	}
}

/*
 * pipe_write: merge the part of ubuf that does not fill a page, then fill
 * whole pages into free slots. Wakes readers once at the end (and before
 * sleeping on a full ring). The bytes written, or the error when none were.
 */
static ssize_t pipe_write(struct file *f, const char __user *ubuf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	ssize_t done, n;

	(void)pos;
	if (!count)
		return 0;
	if (!pipe->readers) {
		send_sig(SIGPIPE, current);
		return -EPIPE;
	}
	done = pipe_merge(pipe, ubuf, count & (PAGE_SIZE - 1));
	while (done >= 0 && (size_t)done < count) {
		n = pipe_wait_slot(f, pipe);
		if (!n)
			n = pipe_push(pipe, ubuf + done, count - done);
		if (n < 0) {
			done = done ? done : n;
			break;
		}
		done += n;
	}
	if (done > 0)
		wake_up(&pipe->rd_wait);
	return done;
}

/*
 * pipe_splice_page: put len bytes at offset of page into the next free
 * slot by reference, with no copy (sendfile; Linux: splice_file_to_pipe);
 * the bytes, or an error as pipe_wait_slot's. The page may change later
 * under the pipe, as in Linux. The caller wakes the readers.
 */
ssize_t pipe_splice_page(struct file *file, struct page *page, unsigned int offset,
			 unsigned int len)
{
	struct pipe_inode_info *pipe = file->private_data;
	struct pipe_buffer *buf;
	int err = pipe_wait_slot(file, pipe);

	if (err)
		return err;
	buf = pipe_buf(pipe, pipe->head++);
	if (buf->page)
		put_page(buf->page);	/* the slot's spare page */
	get_page(page);
	buf->page = page;
	buf->offset = offset;
	buf->len = len;
	buf->flags = 0;			/* not ours: no merging, no reuse */
	return len;
}

/* free_pipe_info: the pages in the ring's slots, the ring, the pipe */
static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = 0; i < pipe->ring_size; i++)
		if (pipe->bufs[i].page)
			put_page(pipe->bufs[i].page);
	kfree(pipe->bufs);
	kfree(pipe);
}

static void pipe_release_common(struct file *f, bool reader)
{
	struct pipe_inode_info *pipe = f->private_data;

	if (reader)
		pipe->readers--;
	else
		pipe->writers--;
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	if (!pipe->readers && !pipe->writers)
		free_pipe_info(pipe);
}

static void pipe_read_release(struct file *f)
{
	pipe_release_common(f, true);
}

static void pipe_write_release(struct file *f)
{
	pipe_release_common(f, false);
}

/* pipe_poll: the read end is readable with data, hung up (POLLHUP) when
 * no writer is left; the write end writable with a free slot (room for
 * an atomic write, as Linux's pipe_poll), in error (POLLERR) when no
 * reader is left */
static unsigned int pipe_poll(struct file *f, struct poll_table_struct *pt)
{
	struct pipe_inode_info *pipe = f->private_data;
	unsigned int mask = 0;

	if (f->f_op->read) {
		poll_wait(f, &pipe->rd_wait, pt);
		if (!pipe_empty(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	} else {
		poll_wait(f, &pipe->wr_wait, pt);
		if (!pipe_full(pipe))
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static const struct file_operations read_pipe_fops = {
	.read = pipe_read,
	.poll = pipe_poll,
	.release = pipe_read_release,
};

static const struct file_operations write_pipe_fops = {
	.write = pipe_write,
	.release = pipe_write_release,
	.poll = pipe_poll,
};

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	if (file->f_op != &read_pipe_fops && file->f_op != &write_pipe_fops)
		return NULL;
	return file->private_data;
}

/*
 * pipe_resize_ring: give the pipe nr_slots slots, keeping what it holds in
 * order and as many spare pages as fit; -EBUSY if it holds more pages than
 * that (Linux: pipe_resize_ring).
 */
static long pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int used = pipe->head - pipe->tail, i;
	struct pipe_buffer *bufs, *old;

	if (nr_slots < used)
		return -EBUSY;
	bufs = kzalloc(nr_slots * sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < pipe->ring_size; i++) {	/* data first, then spare pages */
		old = pipe_buf(pipe, pipe->tail + i);
		if (i < nr_slots)
			bufs[i] = *old;
		else if (old->page)
			put_page(old->page);
	}
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->ring_size = nr_slots;
	pipe->tail = 0;
	pipe->head = used;
	wake_up(&pipe->wr_wait);
	return 0;
}

/* round_pipe_size: a power-of-two number of pages, at least one; 0 if too big */
static unsigned long round_pipe_size(unsigned long size)
{
	unsigned long pages = 1;

	if (size > PIPE_SIZE_LIMIT)
		return 0;
	while (pages * PAGE_SIZE < size)
		pages *= 2;
	return pages * PAGE_SIZE;
}

void pipe_max_size_changed(void)
{
	pipe_max_size = round_pipe_size(pipe_max_size);
}

/*
 * pipe_fcntl: F_SETPIPE_SZ gives the pipe room for arg bytes, rounded up
 * (see round_pipe_size), and returns the new size; F_GETPIPE_SZ returns
 * it. On a file that is not a pipe: EBADF, as Linux.
 */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);
	unsigned long size;
	long err;

	if (!pipe)
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return pipe->ring_size * PAGE_SIZE;
	size = round_pipe_size(arg);
	if (!size)
		return -EINVAL;
	err = pipe_resize_ring(pipe, size >> PAGE_SHIFT);
	return err ? err : (long)size;
}

/* alloc_pipe_info: an empty pipe of PIPE_DEF_BUFFERS slots, no reader or writer yet */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kzalloc(PIPE_DEF_BUFFERS * sizeof(*pipe->bufs), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	pipe->ring_size = PIPE_DEF_BUFFERS;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

static long pipe_fail(struct pipe_inode_info *pipe, struct file **files, long err)
{
	kfree(files[0]);
	kfree(files[1]);
	free_pipe_info(pipe);
	return err;
}

static long do_pipe2(int __user *fildes, int flags)
{
	struct pipe_inode_info *pipe;
	struct file *files[2] = { NULL, NULL };
	int fd[2], i;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	pipe = alloc_pipe_info();
	if (!pipe)
		return -ENOMEM;
	files[0] = file_alloc(NULL, &read_pipe_fops, O_RDONLY | (flags & O_NONBLOCK));
	files[1] = file_alloc(NULL, &write_pipe_fops, O_WRONLY | (flags & O_NONBLOCK));
	fd[0] = get_unused_fd(0);
	fd[1] = fd[0] < 0 ? -EMFILE : get_unused_fd(fd[0] + 1);
	if (!files[0] || !files[1])
		return pipe_fail(pipe, files, -ENOMEM);
	if (fd[0] < 0 || fd[1] < 0)
		return pipe_fail(pipe, files, -EMFILE);
	if (copy_to_user(fildes, fd, sizeof(fd)))
		return pipe_fail(pipe, files, -EFAULT);
	for (i = 0; i < 2; i++) {
		files[i]->private_data = pipe;
		fd_install(fd[i], files[i]);
		set_close_on_exec(fd[i], flags & O_CLOEXEC);
	}
	pipe->readers = pipe->writers = 1;
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}
