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

	if (!files)
		return NULL;
	files->count = 1;
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = files->fd_array;
	files->close_on_exec = files->close_on_exec_init;
	return files;
}

static void free_fdtable(struct files_struct *files)
{
	if (files->fd != files->fd_array) {
		kfree(files->fd);
		kfree(files->close_on_exec);
	}
}

/*
 * expand_files: make slot nr exist, doubling the table as often as needed;
 * -EMFILE past NR_OPEN, -ENOMEM when the bigger table cannot be had.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int n = files->max_fds;
	struct file **fd;
	unsigned long *bits;

	if (nr < n)
		return 0;
	if (nr >= NR_OPEN)
		return -EMFILE;
	while (n <= nr)
		n *= 2;
	fd = kzalloc(n * sizeof(*fd), GFP_KERNEL);
	bits = kzalloc(n / 8, GFP_KERNEL);
	if (!fd || !bits) {
		kfree(fd);
		kfree(bits);
		return -ENOMEM;
	}
	memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
	memcpy(bits, files->close_on_exec, files->max_fds / 8);
	free_fdtable(files);
	files->fd = fd;
	files->close_on_exec = bits;
	files->max_fds = n;
	return 0;
}

/* dup_fd: a copy of old's table for a new process (fork); the open files
 * are shared, one more reference each */
struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	unsigned int fd;

	if (!files)
		return NULL;
	if (expand_files(files, old->max_fds - 1)) {
		put_files_struct(files);
		return NULL;
	}
	for (fd = 0; fd < old->max_fds; fd++) {
		files->fd[fd] = old->fd[fd];
		if (files->fd[fd])
			files->fd[fd]->f_count++;
	}
	memcpy(files->close_on_exec, old->close_on_exec, old->max_fds / 8);
	return files;
}

/* put_files_struct: drop a user; the last one closes every descriptor. */
void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (--files->count)
		return;
	for (fd = 0; fd < files->max_fds; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	free_fdtable(files);
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

	if (!files || fd >= files->max_fds)
		return NULL;
	return files->fd[fd];
}

/* set_close_on_exec: FD_CLOEXEC on descriptor fd (an open one) or off */
void set_close_on_exec(unsigned int fd, bool on)
{
	unsigned long bit = 1UL << (fd % BITS_PER_LONG);

	if (on)
		current->files->close_on_exec[fd / BITS_PER_LONG] |= bit;
	else
		current->files->close_on_exec[fd / BITS_PER_LONG] &= ~bit;
}

bool close_on_exec(unsigned int fd)
{
	return current->files->close_on_exec[fd / BITS_PER_LONG] >> (fd % BITS_PER_LONG) & 1;
}

/* do_close_on_exec: close the descriptors marked FD_CLOEXEC. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	if (!files)
		return;
	for (fd = 0; fd < files->max_fds; fd++) {
		if (files->fd[fd] && close_on_exec(fd)) {
			fput(files->fd[fd]);
			files->fd[fd] = NULL;
		}
	}
	memset(files->close_on_exec, 0, files->max_fds / 8);
}

/*
 * get_unused_fd: the lowest free descriptor >= from, growing the table
 * when all its slots are taken; -EMFILE at RLIMIT_NOFILE.
 */
int get_unused_fd(unsigned int from)
{
	struct files_struct *files = current->files;
	unsigned long limit = current->rlim[RLIMIT_NOFILE].rlim_cur;
	unsigned int fd;
	int err;

	for (fd = from; fd < files->max_fds && fd < limit; fd++)
		if (!files->fd[fd])
			return fd;
	if (fd >= limit)
		return -EMFILE;
	err = expand_files(files, fd);
	return err ? err : (int)fd;
}

/* fd_install: descriptor fd (free, and in the table) now means f */
void fd_install(unsigned int fd, struct file *f)
{
	current->files->fd[fd] = f;
	set_close_on_exec(fd, false);
}

/* replace_fd: descriptor fd means f, closing what it meant (dup2); the
 * table grows to hold it. -EBADF past RLIMIT_NOFILE, as dup2 reports. */
int replace_fd(unsigned int fd, struct file *f, bool cloexec)
{
	int err;

	if (fd >= current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EBADF;
	err = expand_files(current->files, fd);
	if (err)
		return err;
	if (current->files->fd[fd])
		close_fd(fd);
	f->f_count++;
	fd_install(fd, f);
	set_close_on_exec(fd, cloexec);
	return fd;
}

/* close_fd: drop descriptor fd; -EBADF if it was not open. */
int close_fd(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	set_close_on_exec(fd, false);
	fput(f);
	return 0;
}
