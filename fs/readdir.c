/*
 * getdents64 (Linux: fs/readdir.c): directory entries as struct
 * linux_dirent64 records, "." and ".." first. The file position is the
 * offset of the next entry to return, so a directory can be read in
 * several calls.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <uapi/linux/dirent.h>

static unsigned char dt_type(unsigned int mode)
{
	return S_ISDIR(mode) ? DT_DIR : S_ISLNK(mode) ? DT_LNK : S_ISCHR(mode) ? DT_CHR :
	       S_ISREG(mode) ? DT_REG : DT_FIFO;
}

/* filldir: one record into the user buffer; false when it does not fit. */
static bool filldir(char __user *buf, unsigned int count, unsigned int *used, const char *name,
		    const struct inode *inode, long long off, int *err)
{
	char rec[sizeof(struct linux_dirent64) + NAME_MAX + 1 + 8];
	struct linux_dirent64 *de = (struct linux_dirent64 *)rec;
	unsigned int reclen = ALIGN(sizeof(*de) + strlen(name) + 1, 8);

	if (*used + reclen > count)
		return false;
	memset(rec, 0, reclen);
	de->d_ino = inode->i_ino;
	de->d_off = off;
	de->d_reclen = reclen;
	de->d_type = dt_type(inode->i_mode);
	strlcpy(de->d_name, name, NAME_MAX + 1);
	if (copy_to_user(buf + *used, rec, reclen)) {
		*err = -EFAULT;
		return false;
	}
	*used += reclen;
	return true;
}

struct getdents_ctx {
	char __user *buf;
	unsigned int count, used;
	long long pos;		/* index of the entry being emitted */
	int err;
	bool full;
};

static bool emit(void *p, const char *name, struct inode *inode)
{
	struct getdents_ctx *c = p;

	if (!filldir(c->buf, c->count, &c->used, name, inode, c->pos + 1, &c->err)) {
		c->full = !c->err;
		return false;
	}
	c->pos++;
	return true;
}

/*
 * list_entries: ".", "..", then the directory's own list of entries from
 * the one at offset c->pos on (each entry keeps the offset it was given,
 * d_pos, so entries removed meanwhile move no other).
 */
static void list_entries(struct dentry *dir, struct getdents_ctx *c)
{
	struct dentry *d;

	if (c->pos == 0 && !emit(c, ".", dir->d_inode))
		return;
	if (c->pos == 1 && !emit(c, "..", dir->d_parent->d_inode))
		return;
	list_for_each_entry(d, &dir->d_inode->i_dentries, d_child) {
		if (d->d_pos < c->pos)
			continue;
		c->pos = d->d_pos;
		if (!emit(c, d->d_name, d->d_inode))
			return;
	}
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	struct file *f = fget(fd);
	struct getdents_ctx c = { dirent, count, 0, 0, 0, false };
	struct inode *inode;

	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	if (!access_ok(dirent, count))
		return -EFAULT;
	inode = f->f_inode;
	c.pos = f->f_pos;
	if (inode->i_op && inode->i_op->iterate)
		inode->i_op->iterate(f->f_dentry, c.pos, &c, emit);
	else
		list_entries(f->f_dentry, &c);
	f->f_pos = c.pos;
	if (c.err)
		return c.err;
	if (!c.used && c.full)
		return -EINVAL;		/* the buffer cannot hold even one entry */
	return c.used;
}
