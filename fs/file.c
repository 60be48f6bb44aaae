/*
 * Open files and descriptor tables (Linux: fs/file.c, fs/file_table.c).
 * A struct file is shared by reference count (dup, fork); a descriptor is
 * an index into the task's files_struct.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files)
		files->count = 1;
	return files;
}

/* put_files_struct: drop a user; the last one closes every descriptor. */
void put_files_struct(struct files_struct *files)
{
	int fd;

	if (--files->count)
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

struct file *file_alloc(struct inode *inode, const struct file_operations *fop,
			unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_op = fop;
	f->f_inode = inode;
	f->f_flags = flags;
	f->f_count = 1;
	if (inode)
		inode->i_count++;
	return f;
}

/* fput: drop a reference; the last one releases the file (and maybe its inode). */
void fput(struct file *f)
{
	if (--f->f_count)
		return;
	if (f->f_op->release)
		f->f_op->release(f);
	if (f->f_inode) {
		f->f_inode->i_count--;
		iput(f->f_inode);
	}
	if (f->f_dentry)
		dput(f->f_dentry);
	kfree(f);
}

/* fget: the open file behind descriptor fd of the current task, or NULL. */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return files->fd[fd];
}

/* do_close_on_exec: close the descriptors marked FD_CLOEXEC. */
void do_close_on_exec(struct files_struct *files)
{
	int fd;

	if (!files)
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (files->fd[fd] && (files->close_on_exec[fd / 32] & (1UL << (fd % 32)))) {
			fput(files->fd[fd]);
			files->fd[fd] = NULL;
		}
	}
	memset(files->close_on_exec, 0, sizeof(files->close_on_exec));
}

/* get_unused_fd: the lowest free descriptor >= from, or -EMFILE. */
int get_unused_fd(int from)
{
	struct files_struct *files = current->files;
	int fd;

	for (fd = from; fd < NR_OPEN_DEFAULT && fd < (int)current->rlim[RLIMIT_NOFILE].rlim_cur; fd++)
		if (!files->fd[fd])
			return fd;
	return -EMFILE;
}

void fd_install(int fd, struct file *f)
{
	current->files->fd[fd] = f;
	current->files->close_on_exec[fd / 32] &= ~(1UL << (fd % 32));
}

/* close_fd: drop descriptor fd; -EBADF if it was not open. */
int close_fd(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	current->files->close_on_exec[fd / 32] &= ~(1UL << (fd % 32));
	fput(f);
	return 0;
}
