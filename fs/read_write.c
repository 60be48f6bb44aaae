/*
 * read, write, writev and sendfile (Linux: fs/read_write.c). Each checks
 * the descriptor and the user buffer's range, then calls the file's own
 * operation, which copies with copy_to_user/copy_from_user. kernel_read
 * is the kernel's own read, into kernel memory (exec's loaders use it).
 * sendfile copies a file's pages straight into a pipe or another file.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/linux/uio.h>

#define MAX_RW_COUNT (0x7fffffffUL & PAGE_MASK)

/*
 * kernel_read: count bytes of file at *pos into the kernel buffer buf,
 * moving *pos on; the bytes read, or an error. Linux reads any file
 * through its read_iter; yomi's file operations read into user memory
 * only, so this reads the RAM file system's regular files directly -
 * the only files exec loads.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	ssize_t n;

	if (!file->f_inode || !S_ISREG(file->f_inode->i_mode))
		return -EINVAL;
	n = ramfs_read(file->f_inode, buf, count, *pos);
	if (n > 0)
		*pos += n;
	return n;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);

	if (!f || (f->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!f->f_op->read)
		return f->f_inode && S_ISDIR(f->f_inode->i_mode) ? -EISDIR : -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, min(count, MAX_RW_COUNT), &f->f_pos);
}

static ssize_t vfs_write(struct file *f, const char __user *buf, size_t count)
{
	if ((f->f_flags & O_ACCMODE) == O_RDONLY || !f->f_op->write)
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->write(f, buf, min(count, MAX_RW_COUNT), &f->f_pos);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	return vfs_write(f, buf, count);
}

/*
 * writev: the vector is copied in and checked whole first (EINVAL for too
 * many entries or a total beyond ssize_t, EFAULT for a bad vector or
 * base); a segment that fails part-way ends the call with what was
 * written, as Linux does.
 */
SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	struct file *f = fget(fd);
	struct iovec *iov;
	ssize_t total = 0, ret = 0;
	size_t sum = 0;
	unsigned long i;

	if (!f)
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	if (!vlen)
		return 0;
	iov = kmalloc(vlen * sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, vec, vlen * sizeof(*iov))) {
		ret = -EFAULT;
		goto out;
	}
	for (i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0 || sum + iov[i].iov_len > 0x7fffffffUL) {
			ret = -EINVAL;
			goto out;
		}
		sum += iov[i].iov_len;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			ret = -EFAULT;
			goto out;
		}
	}
	for (i = 0; i < vlen; i++) {
		ret = vfs_write(f, iov[i].iov_base, iov[i].iov_len);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov[i].iov_len)
			break;
	}
	if (total)
		ret = total;
out:
	kfree(iov);
	return ret;
}

static loff_t do_lseek(struct file *f, loff_t offset, unsigned int whence)
{
	loff_t pos;

	if (f->f_op->llseek)
		return f->f_op->llseek(f, offset, whence);
	if (!f->f_op->seekable)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = f->f_pos + offset;
		break;
	case SEEK_END:
		pos = (f->f_inode ? f->f_inode->i_size : 0) + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* lseek: the 32-bit call; an offset that does not fit gives EOVERFLOW. */
SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = do_lseek(f, offset, whence);
	if (pos > 0x7fffffffLL)
		return -EOVERFLOW;
	return pos;
}

/* _llseek: a 64-bit offset in two halves, the result stored at *result. */
SYSCALL_DEFINE5(llseek, unsigned int, fd, unsigned long, offset_high, unsigned long, offset_low,
		loff_t __user *, result, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = do_lseek(f, ((loff_t)offset_high << 32) | offset_low, whence);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

/* send_chunk: n bytes at off in page to out: lent to a pipe, or copied
 * into a RAM file */
static ssize_t send_chunk(struct file *out, struct pipe_inode_info *pipe, struct page *page,
			  size_t off, size_t n)
{
	ssize_t w;

	if (pipe)
		return pipe_splice_page(out, page, off, n);
	w = ramfs_write(out->f_inode, (char *)page_address(page) + off, n, out->f_pos);
	if (w > 0)
		out->f_pos += w;
	return w;
}

/*
 * do_sendfile: up to count bytes of in_fd from *pos to out_fd, page by
 * page from the file's own pages (a hole from a zeroed page): a pipe gets
 * the pages themselves, by reference, a file a copy; *pos moves on by
 * what was sent. in_fd must be
 * a regular file and out_fd a pipe or a regular file without O_APPEND;
 * Linux splices into any file, yomi gives EINVAL for the others.
 */
static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *pos, size_t count, loff_t max)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	struct pipe_inode_info *pipe;
	struct page *zero = NULL;
	ssize_t done = 0, w = 0;

	if (!in || !out || (in->f_flags & O_ACCMODE) == O_WRONLY ||
	    (out->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	pipe = get_pipe_info(out);
	if (!in->f_inode || !S_ISREG(in->f_inode->i_mode) || (out->f_flags & O_APPEND) ||
	    (!pipe && (!out->f_inode || !S_ISREG(out->f_inode->i_mode))) || *pos < 0)
		return -EINVAL;
	count = min(count, MAX_RW_COUNT);
	if (*pos >= max)
		return -EOVERFLOW;
	if (*pos + (loff_t)count > max)
		count = max - *pos;
	while ((size_t)done < count && *pos < in->f_inode->i_size) {
		size_t off = *pos & (PAGE_SIZE - 1);
		size_t n = min(count - done, PAGE_SIZE - off);
		struct page *page = ramfs_get_page(in->f_inode, *pos >> PAGE_SHIFT, false);

		n = min((loff_t)n, in->f_inode->i_size - *pos);
		if (!page && !zero && !(zero = alloc_page(GFP_KERNEL | __GFP_ZERO))) {
			w = -ENOMEM;
			break;
		}
		w = send_chunk(out, pipe, page ? page : zero, off, n);
		if (w <= 0)
			break;
		done += w;
		*pos += w;
		if ((size_t)w < n)
			break;
	}
	if (zero)
		put_page(zero);
	if (pipe && done)
		wake_up(&pipe->rd_wait);	/* once for all the pages */
	return done ? done : w;
}

/*
 * sendfile_at: sendfile with the offset at offset, size bytes wide (8 for
 * sendfile64, 4 for sendfile, sign-extended), or the file position when
 * offset is NULL; the offset is written back moved on.
 */
static long sendfile_at(int out_fd, int in_fd, void __user *offset, size_t size, size_t count,
			loff_t max)
{
	struct file *in = fget(in_fd);
	loff_t pos = 0;
	ssize_t ret;

	if (!in)
		return -EBADF;
	if (!offset)
		return do_sendfile(out_fd, in_fd, &in->f_pos, count, max);
	if (copy_from_user(&pos, offset, size))
		return -EFAULT;
	if (size == sizeof(off_t))
		pos = (off_t)pos;	/* little-endian: the low word, sign-extended */
	ret = do_sendfile(out_fd, in_fd, &pos, count, max);
	if (ret > 0 && copy_to_user(offset, &pos, size))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	return sendfile_at(out_fd, in_fd, offset, sizeof(*offset), count, MAX_LFS_FILESIZE);
}

/* sendfile: the same with a 32-bit offset, which stops at MAX_NON_LFS */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, off_t __user *, offset, size_t, count)
{
	return sendfile_at(out_fd, in_fd, offset, sizeof(*offset), count, MAX_NON_LFS);
}
