/*
 * Pipes (Linux: fs/pipe.c). A pipe is a 64 KiB ring buffer shared by a
 * read end and a write end. A reader sleeps while the pipe is empty and
 * writers exist, and sees end of file once all writers are gone; a writer
 * sleeps while the pipe is full, and gets EPIPE plus SIGPIPE when no
 * reader is left. Writes of up to PIPE_BUF bytes are never interleaved.
 * Linux's ring is 16 separate pages; yomi's is one 16-page block.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define PIPE_ORDER 4			/* 16 pages: Linux's default 64 KiB */
#define PIPE_SIZE (PAGE_SIZE << PIPE_ORDER)
#define PIPE_BUF PAGE_SIZE		/* writes up to this size are atomic */

struct pipe_inode_info {
	char *buf;
	unsigned int head, tail;	/* bytes ever written and read */
	int readers, writers;
	struct wait_queue_head wait;
};

static ssize_t pipe_read(struct file *f, char __user *ubuf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	size_t done = 0;
	int err;

	(void)pos;
	if (!count)
		return 0;
	err = wait_event_interruptible(pipe->wait, pipe->head != pipe->tail || !pipe->writers ||
				       (f->f_flags & O_NONBLOCK));
	if (err)
		return err;
	if (pipe->head == pipe->tail)
		return pipe->writers ? -EAGAIN : 0;
	while (done < count && pipe->tail != pipe->head) {
		unsigned int off = pipe->tail % PIPE_SIZE;
		size_t n = min(min(count - done, (size_t)(pipe->head - pipe->tail)),
			       (size_t)(PIPE_SIZE - off));

		if (copy_to_user(ubuf + done, pipe->buf + off, n))
			return done ? (ssize_t)done : -EFAULT;
		pipe->tail += n;
		done += n;
	}
	wake_up(&pipe->wait);
	return done;
}

static ssize_t pipe_write(struct file *f, const char __user *ubuf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	size_t done = 0;

	(void)pos;
	while (done < count) {
		size_t want = count - done <= PIPE_BUF ? count - done : 1;	/* atomic if small */
		int err = wait_event_interruptible(pipe->wait, !pipe->readers ||
			PIPE_SIZE - (pipe->head - pipe->tail) >= want || (f->f_flags & O_NONBLOCK));

		if (err)
			return done ? (ssize_t)done : err;
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (PIPE_SIZE - (pipe->head - pipe->tail) < want)
			return done ? (ssize_t)done : -EAGAIN;
		while (done < count && pipe->head - pipe->tail < PIPE_SIZE) {
			unsigned int off = pipe->head % PIPE_SIZE;
			size_t n = min(min(count - done, (size_t)(PIPE_SIZE - (pipe->head - pipe->tail))),
				       (size_t)(PIPE_SIZE - off));

			if (copy_from_user(pipe->buf + off, ubuf + done, n))
				return done ? (ssize_t)done : -EFAULT;
			pipe->head += n;
			done += n;
		}
		wake_up(&pipe->wait);
	}
	return done;
}

static void pipe_release_common(struct file *f, bool reader)
{
	struct pipe_inode_info *pipe = f->private_data;

	if (reader)
		pipe->readers--;
	else
		pipe->writers--;
	wake_up(&pipe->wait);
	if (!pipe->readers && !pipe->writers) {
		free_pages((unsigned long)pipe->buf, PIPE_ORDER);
		kfree(pipe);
	}
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
 * no writer is left; the write end writable with room for an atomic
 * write, in error (POLLERR) when no reader is left */
static unsigned int pipe_poll(struct file *f, struct poll_table_struct *pt)
{
	struct pipe_inode_info *pipe = f->private_data;
	unsigned int mask = 0;

	poll_wait(f, &pipe->wait, pt);
	if (f->f_op->read) {
		if (pipe->head != pipe->tail)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	} else {
		if (PIPE_SIZE - (pipe->head - pipe->tail) >= PIPE_BUF)
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

static long pipe_fail(struct pipe_inode_info *pipe, struct file **files, long err)
{
	kfree(files[0]);
	kfree(files[1]);
	free_pages((unsigned long)pipe->buf, PIPE_ORDER);
	kfree(pipe);
	return err;
}

static long do_pipe2(int __user *fildes, int flags)
{
	struct pipe_inode_info *pipe;
	struct file *files[2] = { NULL, NULL };
	int fd[2], i;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	if (!pipe || !(pipe->buf = (char *)__get_free_pages(GFP_KERNEL, PIPE_ORDER))) {
		kfree(pipe);
		return -ENOMEM;
	}
	init_waitqueue_head(&pipe->wait);
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
