/*
 * getdents64 (Linux: fs/readdir.c): directory entries as struct
 * linux_dirent64 records, "." and ".." first. The file position counts the
 * entries already returned, so a directory can be read in several calls.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

#define DT_DIR 4
#define DT_CHR 2
#define DT_REG 8
#define DT_LNK 10
#define DT_FIFO 1

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

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	struct file *f = fget(fd);
	struct dentry *dir, *d;
	unsigned int used = 0;
	long long pos = 0;
	bool full = true;	/* cleared when every entry was returned */
	int err = 0;

	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	if (!access_ok(dirent, count))
		return -EFAULT;
	dir = f->f_dentry;
	if (f->f_pos == 0) {
		if (!filldir(dirent, count, &used, ".", dir->d_inode, 1, &err))
			goto out;
		f->f_pos = 1;
	}
	if (f->f_pos == 1) {
		if (!filldir(dirent, count, &used, "..", dir->d_parent->d_inode, 2, &err))
			goto out;
		f->f_pos = 2;
	}
	pos = 2;
	list_for_each_entry(d, &dir->d_inode->i_dentries, d_child) {
		if (pos++ < f->f_pos)
			continue;
		if (!filldir(dirent, count, &used, d->d_name, d->d_inode, pos, &err))
			goto out;
		f->f_pos = pos;
	}
	full = false;
out:
	if (err)
		return err;
	if (!used && full)
		return -EINVAL;		/* the buffer cannot hold even one entry */
	return used;
}
